/* A fault injector for tests/hostile/run.sh, loaded with LD_PRELOAD into
 * jtai. Set in the environment:
 *   JTAI_FAULT_ENOSPC=N      write() to a regular file fails with ENOSPC
 *                            (a full disk) once N bytes have been written
 *                            to regular files (0: at once)
 *   JTAI_FAULT_VANISH=TEXT   opening a path that contains TEXT for reading
 *                            fails with ENOENT, while stat() still finds
 *                            it: the file vanished between the two
 *   JTAI_FAULT_EACCES=TEXT   creating a file or folder whose path contains
 *                            TEXT fails with EACCES (an unwritable folder)
 * Only calls that jtai makes itself are seen, not glibc's internal ones
 * (stdio's writes), so the injector needs no knowledge of jtai. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

ssize_t write(int fd, const void *buf, size_t n);
int open(const char *path, int flags, ...);
int open64(const char *path, int flags, ...);
int openat(int dirfd, const char *path, int flags, ...);
int openat64(int dirfd, const char *path, int flags, ...);
int mkdir(const char *path, mode_t mode);
int mkstemp(char *tmpl);
int mkstemp64(char *tmpl);

static size_t written;

static void *
next(const char *name)
{
	return dlsym(RTLD_NEXT, name);
}

static int
matches(const char *var, const char *path)
{
	const char *v = getenv(var);
	return v && *v && path && strstr(path, v);
}

ssize_t
write(int fd, const void *buf, size_t n)
{
	static ssize_t (*real)(int, const void *, size_t);
	if (!real)
		*(void **)&real = next("write");
	struct stat st;
	const char *limit_s = getenv("JTAI_FAULT_ENOSPC");
	if (limit_s && *limit_s && fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
		size_t limit = strtoul(limit_s, NULL, 10);
		if (written >= limit) {
			errno = ENOSPC;
			return -1;
		}
		if (n > limit - written)
			n = limit - written;
		written += n;
	}
	return real(fd, buf, n);
}

/* 0 to go on, -1 with errno set to fail opening path. */
static int
fault_open(const char *path, int flags)
{
	if ((flags & O_CREAT) && matches("JTAI_FAULT_EACCES", path)) {
		errno = EACCES;
		return -1;
	}
	if (!(flags & O_CREAT) && (flags & O_ACCMODE) == O_RDONLY &&
	    !(flags & O_DIRECTORY) && matches("JTAI_FAULT_VANISH", path)) {
		errno = ENOENT;
		return -1;
	}
	return 0;
}

static mode_t
mode_arg(int flags, va_list ap)
{
	return (flags & (O_CREAT | O_TMPFILE)) ? (mode_t)va_arg(ap, int) : 0;
}

int
open(const char *path, int flags, ...)
{
	static int (*real)(const char *, int, ...);
	if (!real)
		*(void **)&real = next("open");
	va_list ap;
	va_start(ap, flags);
	mode_t mode = mode_arg(flags, ap);
	va_end(ap);
	return fault_open(path, flags) < 0 ? -1 : real(path, flags, mode);
}

int
open64(const char *path, int flags, ...)
{
	static int (*real)(const char *, int, ...);
	if (!real)
		*(void **)&real = next("open64");
	va_list ap;
	va_start(ap, flags);
	mode_t mode = mode_arg(flags, ap);
	va_end(ap);
	return fault_open(path, flags) < 0 ? -1 : real(path, flags, mode);
}

int
openat(int dirfd, const char *path, int flags, ...)
{
	static int (*real)(int, const char *, int, ...);
	if (!real)
		*(void **)&real = next("openat");
	va_list ap;
	va_start(ap, flags);
	mode_t mode = mode_arg(flags, ap);
	va_end(ap);
	return fault_open(path, flags) < 0 ? -1
	                                   : real(dirfd, path, flags, mode);
}

int
openat64(int dirfd, const char *path, int flags, ...)
{
	static int (*real)(int, const char *, int, ...);
	if (!real)
		*(void **)&real = next("openat64");
	va_list ap;
	va_start(ap, flags);
	mode_t mode = mode_arg(flags, ap);
	va_end(ap);
	return fault_open(path, flags) < 0 ? -1
	                                   : real(dirfd, path, flags, mode);
}

int
mkdir(const char *path, mode_t mode)
{
	static int (*real)(const char *, mode_t);
	if (!real)
		*(void **)&real = next("mkdir");
	if (matches("JTAI_FAULT_EACCES", path)) {
		errno = EACCES;
		return -1;
	}
	return real(path, mode);
}

int
mkstemp(char *tmpl)
{
	static int (*real)(char *);
	if (!real)
		*(void **)&real = next("mkstemp");
	if (matches("JTAI_FAULT_EACCES", tmpl)) {
		errno = EACCES;
		return -1;
	}
	return real(tmpl);
}

int
mkstemp64(char *tmpl)
{
	static int (*real)(char *);
	if (!real)
		*(void **)&real = next("mkstemp64");
	if (matches("JTAI_FAULT_EACCES", tmpl)) {
		errno = EACCES;
		return -1;
	}
	return real(tmpl);
}
