/* jtai build --watch: build, then build again whenever a file the builds
 * read may have changed, until SIGINT or SIGTERM.
 *
 * What is watched, with inotify (Linux): every folder at or under the
 * PATHs given, recursively (hidden folders and the output folder aside, so
 * that the build's own writes never wake it), each folder of the
 * frameworks' search path, recursively, and the folder of the font
 * manifest. A watch is on folders, not files: an editor that saves by
 * writing a new file and renaming it over the old one is seen like any
 * other save. Events about editors' temporary files (hidden names, "~"
 * backups, "#autosave#", vim's "4913" probe) are dropped.
 *
 * A burst of events (one save is several: create, write, rename) is one
 * build: the build starts once no event came for QUIET_MS, or BURST_MS
 * after the first. When a folder appears, goes or moves, every watch is
 * made anew (a fresh inotify instance) before that build, so that new
 * subfolders are watched and nothing moved away still is. Events that
 * come during a build wait in the kernel's queue and make the next one;
 * which targets a build remakes is the engine's business (content
 * digests), so a build woken for nothing makes nothing and prints
 * nothing.
 *
 * Signals: SIGINT and SIGTERM are blocked except inside ppoll and
 * build_run (which catches them itself and lets running jobs finish), so
 * a stop can never slip in between a check and a wait. */
#define _GNU_SOURCE /* ppoll */
#include <dirent.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "build/build.h"
#include "core/alloc.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/file.h"
#include "ingest/ingest.h"

enum {
	QUIET_MS = 80,   /* this long without an event ends a burst */
	BURST_MS = 1000, /* a burst lasts at most this long */
	MAX_DEPTH = 32,  /* folders deeper than this are not watched */
};

#define EVENTS                                                                 \
	(IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM |              \
	 IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)

static volatile sig_atomic_t stopped;

static void
on_stop(int sig)
{
	stopped = sig;
}

struct watcher {
	int fd;      /* the inotify instance, -1 before the first */
	bool rescan; /* a folder came, went or moved: watch everything anew */
	bool have_out;
	dev_t out_dev; /* the output folder, never watched */
	ino_t out_ino;
	int *wds; /* the watches made by this scan (each folder once) */
	size_t nwds, cap;
};

static int64_t
now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static bool
ends_with(const char *s, size_t n, const char *end)
{
	size_t k = strlen(end);
	return n >= k && !memcmp(s + n - k, end, k);
}

/* Names of editors' temporary files, which say nothing about a save. */
static bool
ignored(const char *name)
{
	size_t n = strlen(name);
	return n == 0 || name[0] == '.' || name[n - 1] == '~' ||
	       (name[0] == '#' && name[n - 1] == '#') ||
	       !strcmp(name, "4913") || ends_with(name, n, ".swp") ||
	       ends_with(name, n, ".swx") ||
	       ends_with(name, n, "___jb_tmp___") ||
	       ends_with(name, n, "___jb_old___");
}

/* ---- making the watches ---- */

static bool
seen(struct watcher *w, int wd)
{
	for (size_t i = 0; i < w->nwds; i++)
		if (w->wds[i] == wd)
			return true;
	w->wds = xgrow(w->wds, &w->cap, w->nwds + 1, sizeof(*w->wds));
	w->wds[w->nwds++] = wd;
	return false;
}

static void
no_watch_left(const char *path, struct diag_sink *d)
{
	diag_error(d, path, 0, 0,
	           "cannot watch this folder for changes: the "
	           "system's limit of inotify watches is reached");
	diag_hint(d,
	          "raise it, e.g. sysctl fs.inotify.max_user_watches=524288, "
	          "or watch fewer folders");
}

/* Watches the folder at path, and with depth >= 0 its subfolders (not
 * hidden) to MAX_DEPTH. A folder that is gone or unreadable is skipped.
 * Returns 0, or -1 reported into d when no watch is left. */
static int
watch_dir(struct watcher *w, const char *path, int depth, struct diag_sink *d)
{
	struct stat sb;
	if (stat(path, &sb) < 0 || !S_ISDIR(sb.st_mode))
		return 0;
	if (w->have_out && sb.st_dev == w->out_dev && sb.st_ino == w->out_ino)
		return 0;
	int wd = inotify_add_watch(w->fd, path, EVENTS);
	if (wd < 0 && errno == ENOSPC) {
		no_watch_left(path, d);
		return -1;
	}
	if (wd < 0 || seen(w, wd) || depth < 0 || depth >= MAX_DEPTH)
		return 0;
	DIR *dp = opendir(path);
	if (dp == NULL)
		return 0;
	/* the names first: the walk below opens folders of its own */
	struct buf names;
	buf_init(&names);
	struct dirent *de;
	while ((de = readdir(dp)) != NULL)
		if (de->d_name[0] != '.' &&
		    (de->d_type == DT_DIR || de->d_type == DT_LNK ||
		     de->d_type == DT_UNKNOWN))
			buf_append(&names, de->d_name, strlen(de->d_name) + 1);
	closedir(dp);
	int rc = 0;
	for (size_t at = 0; at < names.len && rc == 0;) {
		const char *name = names.data + at;
		at += strlen(name) + 1;
		char *sub = file_join(path, name);
		rc = watch_dir(w, sub, depth + 1, d);
		free(sub);
	}
	buf_release(&names);
	return rc;
}

/* Watches, in a fresh inotify instance, everything a build may read.
 * Returns 0, or -1 reported into d. */
static int
watch_all(struct watcher *w, const struct watch *wt, const struct build_opts *o,
          struct diag_sink *d)
{
	if (w->fd >= 0)
		close(w->fd);
	w->rescan = false;
	w->nwds = 0;
	w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (w->fd < 0 && errno == EMFILE) {
		diag_error(d, NULL, 0, 0,
		           "cannot watch for changes: the "
		           "system's limit of inotify instances is "
		           "reached");
		diag_hint(d, "raise it, e.g. sysctl "
		             "fs.inotify.max_user_instances=1024");
		return -1;
	}
	if (w->fd < 0) {
		diag_error(d, NULL, 0, 0, "cannot watch for changes: %s",
		           strerror(errno));
		return -1;
	}
	/* the output folder exists from here on, so it can be left out */
	struct diag_sink quiet;
	diag_init(&quiet);
	file_mkdirs(o->outdir, &quiet);
	diag_release(&quiet);
	struct stat sb;
	w->have_out = stat(o->outdir, &sb) == 0;
	if (w->have_out) {
		w->out_dev = sb.st_dev;
		w->out_ino = sb.st_ino;
	}
	for (size_t i = 0; i < wt->npaths; i++)
		if (watch_dir(w, wt->paths[i], 0, d) < 0)
			return -1;
	char *builtin = file_join(build_datadir(), "templates");
	char *search = ingest_templates_path(builtin);
	char *fonts = file_join(build_datadir(), "fonts");
	int rc = watch_dir(w, fonts, -1, d);
	for (char *p = search; rc == 0 && *p;) {
		size_t n = strcspn(p, ":");
		char *one = xstrndup(p, n);
		if (n > 0)
			rc = watch_dir(w, one, 0, d);
		free(one);
		p += n + (p[n] == ':');
	}
	free(fonts);
	free(search);
	free(builtin);
	return rc;
}

/* ---- waiting for a change ---- */

/* Reads the events waiting; sets *changed when one may change a build.
 * Returns 0, or -1 when the instance failed. */
static int
read_events(struct watcher *w, bool *changed)
{
	char chunk[16384]
	    __attribute__((aligned(__alignof__(struct inotify_event))));
	for (;;) {
		ssize_t len = read(w->fd, chunk, sizeof(chunk));
		if (len < 0 && (errno == EAGAIN || errno == EINTR))
			return 0;
		if (len <= 0)
			return -1;
		for (char *p = chunk; p < chunk + len;) {
			const struct inotify_event *ev = (const void *)p;
			p += sizeof(*ev) + ev->len;
			uint32_t m = ev->mask;
			if (m & (IN_Q_OVERFLOW | IN_DELETE_SELF | IN_MOVE_SELF |
			         IN_IGNORED)) {
				w->rescan = *changed = true;
				continue;
			}
			if (ev->len > 0 && ignored(ev->name))
				continue;
			if (m & IN_ISDIR)
				w->rescan = true;
			*changed = true;
		}
	}
}

/* Waits for a burst of changes to end. Returns 1 then, 0 when stopped,
 * -1 after reporting into d. */
static int
wait_changes(struct watcher *w, const sigset_t *waiting, struct diag_sink *d)
{
	bool changed = false;
	int64_t first = 0;
	for (;;) {
		struct timespec ts, *timeout = NULL;
		if (changed) {
			int64_t left = BURST_MS - (now_ms() - first);
			if (left <= 0)
				return 1;
			if (left > QUIET_MS)
				left = QUIET_MS;
			ts.tv_sec = 0;
			ts.tv_nsec = (long)left * 1000000;
			timeout = &ts;
		}
		struct pollfd pf = {w->fd, POLLIN, 0};
		int k = ppoll(&pf, 1, timeout, waiting);
		if (stopped)
			return 0;
		if (k < 0 && errno == EINTR)
			continue;
		if (k == 0)
			return 1;
		bool was = changed;
		if (k < 0 || read_events(w, &changed) < 0) {
			diag_error(d, NULL, 0, 0,
			           "cannot watch for changes: %s",
			           strerror(errno));
			return -1;
		}
		if (changed && !was)
			first = now_ms();
	}
}

/* ---- the loop ---- */

static int
build_once(const struct watch *wt, const struct build_opts *o)
{
	char **dirs = NULL;
	size_t n = 0;
	int status =
	    wt->find(wt->ctx, &dirs, &n) < 0 ? 1 : build_run(dirs, n, o);
	for (size_t i = 0; i < n; i++)
		free(dirs[i]);
	free(dirs);
	return status;
}

int
build_watch(const struct watch *wt, const struct build_opts *o)
{
	struct diag_sink d;
	diag_init(&d);
	for (size_t i = 0; i < wt->npaths; i++)
		if (!file_is_dir(wt->paths[i]))
			diag_error(&d, wt->paths[i], 0, 0, "not a folder");
	if (d.errors) {
		o->report(&d);
		diag_release(&d);
		return 1;
	}
	sigset_t stops, orig, waiting;
	sigemptyset(&stops);
	sigaddset(&stops, SIGINT);
	sigaddset(&stops, SIGTERM);
	sigprocmask(SIG_BLOCK, &stops, &orig);
	waiting = orig;
	sigdelset(&waiting, SIGINT);
	sigdelset(&waiting, SIGTERM);
	struct sigaction sa, old_int, old_term;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	stopped = 0;
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	struct watcher w = {.fd = -1};
	int rc;
	for (bool first = true;; first = false) {
		if ((w.fd < 0 || w.rescan) && watch_all(&w, wt, o, &d) < 0) {
			rc = 1;
			break;
		}
		/* build_run takes SIGINT and SIGTERM itself; one that came
		 * before is taken by on_stop here */
		sigprocmask(SIG_SETMASK, &waiting, NULL);
		int status = stopped ? 130 : build_once(wt, o);
		sigprocmask(SIG_BLOCK, &stops, NULL);
		if (wt->built)
			wt->built(wt->ctx, status);
		if (status == 130 || stopped) {
			rc = 130;
			break;
		}
		if (first && !o->quiet && isatty(STDERR_FILENO))
			fputs(
			    "jtai build: watching for changes (Ctrl-C stops)\n",
			    stderr);
		int k = wait_changes(&w, &waiting, &d);
		if (k <= 0) {
			rc = k == 0 ? 130 : 1;
			break;
		}
	}
	if (d.n > 0)
		o->report(&d);
	diag_release(&d);
	if (w.fd >= 0)
		close(w.fd);
	free(w.wds);
	/* a stop still pending is taken by on_stop, not by the old action */
	sigprocmask(SIG_SETMASK, &waiting, NULL);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	sigprocmask(SIG_SETMASK, &orig, NULL);
	return rc;
}
