#include "core/file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "core/diag.h"

int
file_read(const char *path, struct buf *out, struct diag_sink *d)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		diag_error(d, path, 0, 0, "cannot read: %s", strerror(errno));
		return -1;
	}
	struct stat st;
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		diag_error(d, path, 0, 0, "cannot read: is a folder");
		close(fd);
		return -1;
	}
	char chunk[65536];
	for (;;) {
		ssize_t n = read(fd, chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			diag_error(d, path, 0, 0, "cannot read: %s",
			           strerror(errno));
			close(fd);
			return -1;
		}
		if (n == 0)
			break;
		buf_append(out, chunk, (size_t)n);
	}
	close(fd);
	if (out->data == NULL)
		buf_append(out, "", 0);
	return 0;
}

static int
write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

int
file_write_atomic(const char *path, const void *data, size_t len,
                  struct diag_sink *d)
{
	struct buf tmp;
	buf_init(&tmp);
	char *dir = file_dirname(path);
	buf_printf(&tmp, "%s/.%s.tmpXXXXXX", dir, file_basename(path));
	free(dir);
	int rc = -1;
	int fd = mkstemp(tmp.data);
	if (fd < 0) {
		diag_error(d, path, 0, 0, "cannot write: %s", strerror(errno));
		goto out;
	}
	if (write_all(fd, data, len) < 0 || fchmod(fd, 0644) < 0) {
		diag_error(d, path, 0, 0, "cannot write: %s", strerror(errno));
		close(fd);
		goto out_unlink;
	}
	if (close(fd) < 0) {
		diag_error(d, path, 0, 0, "cannot write: %s", strerror(errno));
		goto out_unlink;
	}
	if (rename(tmp.data, path) < 0) {
		diag_error(d, path, 0, 0, "cannot write: %s", strerror(errno));
		goto out_unlink;
	}
	rc = 0;
	goto out;
out_unlink:
	unlink(tmp.data);
out:
	buf_release(&tmp);
	return rc;
}

int
file_mkdirs(const char *path, struct diag_sink *d)
{
	char *p = xstrdup(path);
	int rc = 0;
	for (char *s = p + 1;; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(p, 0777) < 0 && errno != EEXIST) {
			diag_error(d, p, 0, 0, "cannot create folder: %s",
			           strerror(errno));
			rc = -1;
			break;
		}
		if (!file_is_dir(p)) {
			diag_error(d, p, 0, 0, "cannot create folder: not a folder");
			rc = -1;
			break;
		}
		*s = c;
		if (c == '\0')
			break;
	}
	free(p);
	return rc;
}

bool
file_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

bool
file_is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

char *
file_join(const char *dir, const char *name)
{
	struct buf b;
	buf_init(&b);
	size_t n = strlen(dir);
	buf_puts(&b, dir);
	if (n > 0 && dir[n - 1] != '/')
		buf_putc(&b, '/');
	buf_puts(&b, name);
	return buf_detach(&b);
}

const char *
file_basename(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

char *
file_dirname(const char *path)
{
	const char *s = strrchr(path, '/');
	if (s == NULL)
		return xstrdup(".");
	if (s == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(s - path));
}
