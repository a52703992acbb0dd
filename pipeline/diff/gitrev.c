/* An inspection folder as it was at a git revision (diff.h): git ls-tree
 * lists the folder's files at the revision (paths relative to the
 * folder), git cat-file writes each out. git runs by fork and exec with
 * its arguments as a vector, never through a shell, so no revision or
 * path is ever read as shell syntax; its standard error is kept for the
 * message when it fails. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/diag.h"
#include "core/file.h"
#include "diff/diff.h"

/* Runs git with argv (argv[0] is "git"), its output into out and its
 * error output into err. Returns git's exit status, or -1 when it could
 * not run. */
static int
run_git(char *const argv[], struct buf *out, struct buf *err)
{
	int po[2], pe[2];
	if (pipe(po) < 0)
		return -1;
	if (pipe(pe) < 0) {
		close(po[0]);
		close(po[1]);
		return -1;
	}
	pid_t pid = fork();
	if (pid < 0) {
		close(po[0]), close(po[1]), close(pe[0]), close(pe[1]);
		return -1;
	}
	if (pid == 0) {
		int null = open("/dev/null", O_RDONLY);
		if (null >= 0)
			dup2(null, 0);
		dup2(po[1], 1);
		dup2(pe[1], 2);
		close(po[0]), close(po[1]), close(pe[0]), close(pe[1]);
		execvp("git", argv);
		_exit(127);
	}
	close(po[1]);
	close(pe[1]);
	struct pollfd fds[2] = {{po[0], POLLIN, 0}, {pe[0], POLLIN, 0}};
	struct buf *to[2] = {out, err};
	int open_fds = 2;
	char chunk[8192];
	while (open_fds > 0) {
		if (poll(fds, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (int i = 0; i < 2; i++) {
			if (fds[i].fd < 0 || fds[i].revents == 0)
				continue;
			ssize_t n = read(fds[i].fd, chunk, sizeof(chunk));
			if (n > 0) {
				buf_append(to[i], chunk, (size_t)n);
			} else if (n == 0 || errno != EINTR) {
				close(fds[i].fd);
				fds[i].fd = -1;
				open_fds--;
			}
		}
	}
	for (int i = 0; i < 2; i++)
		if (fds[i].fd >= 0)
			close(fds[i].fd);
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* Reports git's failure: its first line of error output as the hint. */
static int
git_failed(const char *dir, const char *what, int rc, const struct buf *err,
           struct diag_sink *d)
{
	diag_error(d, dir, 0, 0, "%s", what);
	if (rc == 127 || rc < 0) {
		diag_hint(d, "jtai diff --rev needs git on PATH");
	} else if (err->len) {
		size_t n = strcspn(buf_cstr(err), "\n");
		diag_hint(d, "git: %.*s", (int)n, buf_cstr(err));
	}
	return -1;
}

static void
made_add(struct buf *made, const char *path)
{
	buf_append(made, path, strlen(path) + 1);
}

/* Creates the folders of path below dest that do not exist yet. */
static int
make_parents(const char *dest, const char *rel, struct buf *made,
             struct diag_sink *d)
{
	for (const char *s = strchr(rel, '/'); s; s = strchr(s + 1, '/')) {
		char *sub = strndup(rel, (size_t)(s - rel));
		char *p = file_join(dest, sub);
		free(sub);
		int rc = 0;
		if (!file_is_dir(p)) {
			rc = mkdir(p, 0777) == 0 ? 0 : -1;
			if (rc == 0)
				made_add(made, p);
			else
				diag_error(d, p, 0, 0,
				           "cannot make the folder: %s",
				           strerror(errno));
		}
		free(p);
		if (rc < 0)
			return -1;
	}
	return 0;
}

/* Writes blob sha of the repository at dir into dest/rel. */
static int
write_blob(const char *dir, const char *sha, const char *dest, const char *rel,
           struct buf *made, struct diag_sink *d)
{
	char *argv[] = {"git",  "-C",        (char *)dir, "cat-file",
	                "blob", (char *)sha, NULL};
	struct buf out, err;
	buf_init(&out);
	buf_init(&err);
	int rc = run_git(argv, &out, &err);
	if (rc != 0) {
		git_failed(dir, "cannot read a file from git", rc, &err, d);
		rc = -1;
	} else if ((rc = make_parents(dest, rel, made, d)) == 0) {
		char *path = file_join(dest, rel);
		rc = file_write_atomic(path, out.data ? out.data : "", out.len,
		                       d);
		if (rc == 0)
			made_add(made, path);
		free(path);
	}
	buf_release(&out);
	buf_release(&err);
	return rc;
}

/* One entry of ls-tree -z: "<mode> <type> <sha>\t<path>". */
static int
export_entry(const char *dir, const char *e, const char *dest, struct buf *made,
             struct diag_sink *d)
{
	const char *tab = strchr(e, '\t');
	char mode[16], type[16], sha[80];
	if (tab == NULL || sscanf(e, "%15s %15s %79s", mode, type, sha) != 3)
		return 0;
	const char *rel = tab + 1;
	if (strcmp(type, "blob") || !strcmp(mode, "120000"))
		return 0; /* submodules and symbolic links are no inspection's
		           */
	if (rel[0] == '/' || !strncmp(rel, "../", 3) || strstr(rel, "/../"))
		return 0;
	return write_blob(dir, sha, dest, rel, made, d);
}

int
diff_export_rev(const char *dir, const char *rev, const char *dest,
                struct buf *made, struct diag_sink *d)
{
	if (rev[0] == '-') {
		diag_error(d, dir, 0, 0,
		           "a revision cannot start with '-' '%s'", rev);
		return -1;
	}
	char *argv[] = {"git", "-C",        (char *)dir, "ls-tree", "-r",
	                "-z",  (char *)rev, "--",        ".",       NULL};
	struct buf out, err;
	buf_init(&out);
	buf_init(&err);
	int rc = run_git(argv, &out, &err);
	if (rc != 0) {
		git_failed(dir, "cannot list the folder at a git revision", rc,
		           &err, d);
		rc = -1;
		goto done;
	}
	if (mkdir(dest, 0777) < 0) {
		diag_error(d, dest, 0, 0, "cannot make the folder: %s",
		           strerror(errno));
		rc = -1;
		goto done;
	}
	made_add(made, dest);
	if (out.len == 0) {
		diag_error(d, dir, 0, 0,
		           "the folder holds no file at revision '%s'", rev);
		rc = -1;
		goto done;
	}
	for (size_t i = 0; i < out.len && rc == 0;) {
		const char *e = out.data + i;
		rc = export_entry(dir, e, dest, made, d);
		i += strlen(e) + 1;
	}
done:
	buf_release(&out);
	buf_release(&err);
	return rc;
}

void
diff_export_remove(const struct buf *made)
{
	if (made->len == 0)
		return;
	/* the list in order made: remove from its end */
	const char *s = made->data;
	size_t n = made->len;
	while (n > 0) {
		size_t k = n - 1; /* the NUL ending the last entry */
		while (k > 0 && s[k - 1] != '\0')
			k--;
		remove(s + k); /* a file, or a folder emptied before */
		n = k;
	}
}
