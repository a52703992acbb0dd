#include "core/file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "core/diag.h"

static file_read_observer observer;
static void *observer_ctx;

void
file_observe_reads(file_read_observer fn, void *ctx)
{
	observer = fn;
	observer_ctx = ctx;
}

/* Reads the open file fd (named path in messages) into out: a regular
 * file or a pipe, at most FILE_MAX_BYTES. */
static int
read_fd(int fd, const char *path, struct stat *st, struct buf *out,
        bool observed, struct diag_sink *d)
{
	size_t start = out->len, total = 0;
	int bad = fstat(fd, st) < 0 ? errno : S_ISDIR(st->st_mode) ? EISDIR : 0;
	if (bad) {
		diag_error(d, path, 0, 0, "cannot read: %s",
		           bad == EISDIR ? "is a folder" : strerror(bad));
		return -1;
	}
	if (!S_ISREG(st->st_mode) && !S_ISFIFO(st->st_mode)) {
		diag_error(d, path, 0, 0, "cannot read: not a regular file");
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
			goto fail;
		}
		if (n == 0)
			break;
		total += (size_t)n;
		if (total > FILE_MAX_BYTES) {
			diag_error(d, path, 0, 0,
			           "the file is larger than %u MiB, the limit of an "
			           "input file", FILE_MAX_BYTES >> 20);
			diag_hint(d, "an input this large is not a letter's");
			goto fail;
		}
		buf_append(out, chunk, (size_t)n);
	}
	if (out->data == NULL)
		buf_append(out, "", 0);
	if (observed && observer != NULL)
		observer(observer_ctx, path, st, out->data + start,
		         out->len - start);
	return 0;
fail:
	if (out->data) {
		out->len = start;
		out->data[start] = '\0';
	}
	return -1;
}

void
file_note_use(const char *path)
{
	struct stat st;
	if (observer != NULL && stat(path, &st) == 0)
		observer(observer_ctx, path, &st, NULL, 0);
}

static int
read_path(const char *path, struct buf *out, struct stat *st, bool observed,
          struct diag_sink *d)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		diag_error(d, path, 0, 0, "cannot read: %s", strerror(errno));
		return -1;
	}
	int rc = read_fd(fd, path, st, out, observed, d);
	close(fd);
	return rc;
}

int
file_read(const char *path, struct buf *out, struct diag_sink *d)
{
	struct stat st;
	return read_path(path, out, &st, true, d);
}

int
file_read_unobserved(const char *path, struct buf *out, struct stat *st,
                     struct diag_sink *d)
{
	return read_path(path, out, st, false, d);
}

/* The next component of a path split by strtok_r, "." left out. */
static char *
next_part(char *s, char **save)
{
	char *c = strtok_r(s, "/", save);
	while (c && !strcmp(c, "."))
		c = strtok_r(NULL, "/", save);
	return c;
}

int
file_read_within(const char *dir, const char *rel, struct buf *out,
                 struct diag_sink *d)
{
	char *path = file_join(dir, rel);
	char *parts = xstrdup(rel);
	int rc = -1;
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0) {
		diag_error(d, path, 0, 0, "cannot read: %s", strerror(errno));
		goto out;
	}
	if (rel[0] == '/') {
		diag_error(d, path, 0, 0, "cannot read: an absolute path is not "
		           "allowed here");
		diag_hint(d, "name a file inside %s", dir);
		goto out;
	}
	char *save = NULL;
	char *c = next_part(parts, &save);
	if (c == NULL) {
		diag_error(d, path, 0, 0, "cannot read: is a folder");
		goto out;
	}
	while (c) {
		char *next = next_part(NULL, &save);
		if (!strcmp(c, "..")) {
			diag_error(d, path, 0, 0, "cannot read: '..' is not "
			           "allowed here");
			diag_hint(d, "name a file inside %s", dir);
			goto out;
		}
		int flags = O_RDONLY | O_CLOEXEC | O_NOFOLLOW;
		int sub = openat(fd, c, next ? flags | O_DIRECTORY : flags);
		if (sub < 0) {
			struct stat lst;
			bool link = errno == ELOOP ||
			            (errno == ENOTDIR &&
			             fstatat(fd, c, &lst, AT_SYMLINK_NOFOLLOW) == 0 &&
			             S_ISLNK(lst.st_mode));
			if (link) {
				diag_error(d, path, 0, 0, "cannot read: '%s' is a "
				           "symbolic link", c);
				diag_hint(d, "files are read only from inside %s, "
				          "never through a link", dir);
			} else {
				diag_error(d, path, 0, 0, "cannot read: %s",
				           strerror(errno));
			}
			goto out;
		}
		close(fd);
		fd = sub;
		if (next == NULL) {
			struct stat st;
			rc = read_fd(fd, path, &st, out, true, d);
		}
		c = next;
	}
out:
	if (fd >= 0)
		close(fd);
	free(parts);
	free(path);
	return rc;
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

/* Refuses path when it is a symbolic link ("the folder" or "the file"). */
static int
refuse_link(const char *path, const char *what, struct diag_sink *d)
{
	struct stat st;
	if (lstat(path, &st) < 0 || !S_ISLNK(st.st_mode))
		return 0;
	diag_error(d, path, 0, 0, "cannot write: %s is a symbolic link", what);
	diag_hint(d, "outputs are written only into real folders; remove the "
	          "link");
	return -1;
}

int
file_write_temp(const char *path, const void *data, size_t len, char **tmp,
                struct diag_sink *d)
{
	struct buf name;
	buf_init(&name);
	char *dir = file_dirname(path);
	buf_printf(&name, "%s/.%s.tmpXXXXXX", dir, file_basename(path));
	int rc = -1;
	int fd = -1;
	*tmp = NULL;
	/* a link planted at the folder is never followed; one planted at
	 * the file is replaced by the rename, never written through */
	if (refuse_link(dir, "the folder", d) < 0)
		goto out;
	fd = mkstemp(name.data);
	if (fd < 0) {
		diag_error(d, path, 0, 0, "cannot write: %s", strerror(errno));
		goto out;
	}
	if (write_all(fd, data, len) < 0 || fchmod(fd, 0644) < 0) {
		diag_error(d, path, 0, 0, "cannot write: %s", strerror(errno));
		close(fd);
		unlink(name.data);
		goto out;
	}
	if (close(fd) < 0) {
		diag_error(d, path, 0, 0, "cannot write: %s", strerror(errno));
		unlink(name.data);
		goto out;
	}
	*tmp = buf_detach(&name);
	rc = 0;
out:
	free(dir);
	buf_release(&name);
	return rc;
}

int
file_commit(const char *tmp, const char *path, struct diag_sink *d)
{
	if (rename(tmp, path) == 0)
		return 0;
	diag_error(d, path, 0, 0, "cannot write: %s", strerror(errno));
	unlink(tmp);
	return -1;
}

int
file_write_atomic(const char *path, const void *data, size_t len,
                  struct diag_sink *d)
{
	char *tmp;
	if (file_write_temp(path, data, len, &tmp, d) < 0)
		return -1;
	int rc = file_commit(tmp, path, d);
	free(tmp);
	return rc;
}

/* Makes the folder path if missing; a link or a file there is refused
 * when nofollow (reported as "the folder is a symbolic link"). */
static int
mkdir_one(const char *path, bool nofollow, struct diag_sink *d)
{
	if (mkdir(path, 0777) < 0 && errno != EEXIST) {
		diag_error(d, path, 0, 0, "cannot create folder: %s",
		           strerror(errno));
		return -1;
	}
	if (nofollow && refuse_link(path, "the folder", d) < 0)
		return -1;
	if (!file_is_dir(path)) {
		diag_error(d, path, 0, 0, "cannot create folder: not a folder");
		return -1;
	}
	return 0;
}

/* file_mkdirs; a link at path itself is refused when nofollow. */
static int
mkdirs(const char *path, bool nofollow, struct diag_sink *d)
{
	char *p = xstrdup(path);
	size_t n = strlen(p);
	while (n > 1 && p[n - 1] == '/')
		p[--n] = '\0';
	int rc = 0;
	for (char *s = p + 1;; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		/* the folder asked for must be a real one, not a link */
		if (mkdir_one(p, nofollow && c == '\0', d) < 0) {
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

int
file_mkdirs(const char *path, struct diag_sink *d)
{
	return mkdirs(path, true, d);
}

int
file_mkdirs_within(const char *root, const char *rel, struct diag_sink *d)
{
	if (mkdirs(root, false, d) < 0)
		return -1;
	if (rel[0] == '/' || !strcmp(rel, "..") || !strncmp(rel, "../", 3) ||
	    strstr(rel, "/../") ||
	    (strlen(rel) >= 3 && !strcmp(rel + strlen(rel) - 3, "/.."))) {
		char *path = file_join(root, rel);
		diag_error(d, path, 0, 0, "cannot create folder: outside %s",
		           root);
		free(path);
		return -1;
	}
	char *path = file_join(root, rel);
	size_t from = strlen(path) - strlen(rel);
	int rc = 0;
	for (char *s = path + from;; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (s > path + from && mkdir_one(path, true, d) < 0) {
			rc = -1;
			break;
		}
		*s = c;
		if (c == '\0')
			break;
	}
	free(path);
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
