/* jtai build's engine: plans every inspection's targets against the state
 * (build/state.h), then runs the stale inspections, each as one job: in
 * this process when there is one job or one job slot, else each in a
 * worker process forked from this one (so that the fonts, loaded once,
 * are shared), at most o->jobs at a time.
 *
 * A worker sends its news to the parent down a pipe, one line each:
 *   R<record>   a state record (build/state.c), which the parent applies
 *               and appends to the log: only the parent writes the log
 *   S<verb>\t<target>   a target started
 *   K<n>        n planned targets came out up to date (negative: more)
 *   W<target>\t<reason> why the target is rebuilt (--explain)
 *   D<diagnostic>       one of the job's diagnostics (build/news.c)
 * The parent prints the diagnostics when the worker ends, so that each
 * inspection's messages stay together, through o->report (and so in the
 * command's --format). Anything else the worker writes to its standard
 * error goes down a second pipe, printed whole after them.
 *
 * SIGINT and SIGTERM stop the build: no new job starts, running jobs
 * finish (workers ignore SIGINT, which a terminal sends them too), and the
 * build exits with 130. A worker dies with its parent (PR_SET_PDEATHSIG),
 * so a build killed at any moment leaves no process behind; the next one
 * finds the state marked unclean and removes stray temporary files. */
#define _GNU_SOURCE /* pipe2 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "build/build_int.h"
#include "core/alloc.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/file.h"
#include "render/render.h"
#include "core/strv.h"

/* ---- signals ---- */

static volatile sig_atomic_t stop_signal;

static void
on_stop(int sig)
{
	stop_signal = sig;
}

static void
catch_stops(struct sigaction *old_int, struct sigaction *old_term)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	stop_signal = 0;
	sigaction(SIGINT, &sa, old_int);
	sigaction(SIGTERM, &sa, old_term);
}

/* ---- jobs ---- */

struct run {
	struct engine *e;
	struct news news;
	char **dirs;
	size_t n;
	size_t *stale; /* indexes of the inspections with stale targets */
	size_t nstale;
	char **failed;
	size_t nfailed;
	/* under o->in_order: each inspection's diagnostics, held for the end */
	struct diag_sink *held;
};

static void
note_failure(struct run *r, const char *name)
{
	r->failed = xrealloc(r->failed, (r->nfailed + 1) * sizeof(char *));
	r->failed[r->nfailed++] = xstrdup(name);
}

/* Prints the diagnostics of inspection i now, or holds them for the end. */
static void
report(struct run *r, size_t i, const struct diag_sink *d)
{
	if (d->n == 0)
		return;
	if (r->e->o->in_order) {
		diag_append(&r->held[i], d);
		return;
	}
	progress_clear(&r->news);
	fflush(stdout);
	r->e->o->report(d);
}

/* Runs job i in this process. */
static int
run_here(struct run *r, size_t i)
{
	struct diag_sink d;
	diag_init(&d);
	const char *dir = r->dirs[i];
	int rc = job_run(r->e, &r->news.em, dir, file_basename(dir), &d);
	report(r, i, &d);
	diag_release(&d);
	if (rc < 0)
		note_failure(r, file_basename(dir));
	return rc;
}

struct worker {
	pid_t pid;
	size_t job;
	int msg, err; /* -1 once closed */
	struct buf in, errtext;
	struct diag_sink diags; /* what it sent */
};

static void
worker_main(struct run *r, size_t i, int msg, int err)
{
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	signal(SIGINT, SIG_IGN);
	signal(SIGTERM, SIG_DFL);
	dup2(err, STDERR_FILENO);
	close(err);
	state_detach(r->e->st);
	struct news n;
	news_init(&n, r->e, msg);
	struct diag_sink d;
	diag_init(&d);
	const char *dir = r->dirs[i];
	int rc = job_run(r->e, &n.em, dir, file_basename(dir), &d);
	news_diags(&n, &d);
	fflush(NULL);
	_exit(rc < 0 ? 1 : 0);
}

static int
start_worker(struct run *r, size_t i, struct worker *w)
{
	int msg[2], err[2];
	if (pipe2(msg, O_CLOEXEC) < 0)
		return -1;
	if (pipe2(err, O_CLOEXEC) < 0) {
		close(msg[0]);
		close(msg[1]);
		return -1;
	}
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		close(msg[0]);
		close(err[0]);
		worker_main(r, i, msg[1], err[1]);
	}
	close(msg[1]);
	close(err[1]);
	if (pid < 0) {
		close(msg[0]);
		close(err[0]);
		return -1;
	}
	w->pid = pid;
	w->job = i;
	w->msg = msg[0];
	w->err = err[0];
	buf_init(&w->in);
	buf_init(&w->errtext);
	diag_init(&w->diags);
	return 0;
}

/* Reads what is waiting on fd into b; returns false at its end. */
static bool
drain(int fd, struct buf *b)
{
	char chunk[8192];
	ssize_t n = read(fd, chunk, sizeof(chunk));
	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return true;
	if (n <= 0)
		return false;
	buf_append(b, chunk, (size_t)n);
	return true;
}

static void
worker_lines(struct run *r, struct worker *w)
{
	size_t start = 0;
	for (;;) {
		char *nl = memchr(w->in.data + start, '\n', w->in.len - start);
		if (nl == NULL)
			break;
		size_t len = (size_t)(nl - (w->in.data + start));
		*nl = '\0';
		news_line(&r->news, w->in.data + start, len, &w->diags);
		start += len + 1;
	}
	memmove(w->in.data, w->in.data + start, w->in.len - start);
	w->in.len -= start;
}

/* Waits for the worker's pipes to close and for it to end; returns its
 * status as job_run's. */
static int
finish_worker(struct run *r, struct worker *w)
{
	int status = 0;
	while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR)
		continue;
	if (!WIFEXITED(status))
		diag_error(&w->diags, r->dirs[w->job], 0, 0,
		           "the build of this inspection stopped (signal %d)",
		           WTERMSIG(status));
	report(r, w->job, &w->diags);
	diag_release(&w->diags);
	if (w->errtext.len > 0) {
		progress_clear(&r->news);
		fflush(stdout);
		fwrite(w->errtext.data, 1, w->errtext.len, stderr);
	}
	buf_release(&w->in);
	buf_release(&w->errtext);
	const char *name = file_basename(r->dirs[w->job]);
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	note_failure(r, name);
	return -1;
}

static int
run_parallel(struct run *r, int jobs)
{
	struct worker *w = xcalloc((size_t)jobs, sizeof(*w));
	struct pollfd *pf = xcalloc(2 * (size_t)jobs, sizeof(*pf));
	int running = 0;
	size_t next = 0;
	bool halt = false;
	while (running > 0 || (next < r->nstale && !halt)) {
		while (running < jobs && next < r->nstale && !halt &&
		       !stop_signal) {
			if (start_worker(r, r->stale[next], &w[running]) < 0) {
				/* no more processes: run it here */
				if (run_here(r, r->stale[next]) < 0 &&
				    !r->e->o->keep_going)
					halt = true;
			} else {
				running++;
			}
			next++;
		}
		if (stop_signal)
			halt = true;
		if (running == 0)
			continue;
		for (int k = 0; k < running; k++) {
			pf[2 * k] = (struct pollfd){w[k].msg, POLLIN, 0};
			pf[2 * k + 1] = (struct pollfd){w[k].err, POLLIN, 0};
		}
		if (poll(pf, 2 * (nfds_t)running, -1) < 0)
			continue;
		for (int k = 0; k < running; k++) {
			if (pf[2 * k].revents) {
				if (!drain(w[k].msg, &w[k].in)) {
					close(w[k].msg);
					w[k].msg = -1;
				}
				worker_lines(r, &w[k]);
			}
			if (pf[2 * k + 1].revents &&
			    !drain(w[k].err, &w[k].errtext)) {
				close(w[k].err);
				w[k].err = -1;
			}
			if (w[k].msg >= 0 || w[k].err >= 0)
				continue;
			if (finish_worker(r, &w[k]) < 0 && !r->e->o->keep_going)
				halt = true;
			w[k] = w[--running];
			pf[2 * k] = pf[2 * running];
			pf[2 * k + 1] = pf[2 * running + 1];
			k--;
		}
	}
	free(pf);
	free(w);
	return 0;
}

static void
run_serial(struct run *r)
{
	for (size_t k = 0; k < r->nstale && !stop_signal; k++)
		if (run_here(r, r->stale[k]) < 0 && !r->e->o->keep_going)
			break;
}

/* ---- the whole build ---- */

/* Removes temporary files a killed build may have left in dir. */
static void
sweep(const char *dir)
{
	DIR *dp = opendir(dir);
	if (dp == NULL)
		return;
	struct dirent *de;
	while ((de = readdir(dp)) != NULL) {
		const char *n = de->d_name;
		size_t len = strlen(n);
		if (n[0] == '.' && len > 10 && !memcmp(n + len - 10, ".tmp", 4)) {
			char *p = file_join(dir, n);
			unlink(p);
			free(p);
		}
	}
	closedir(dp);
}

static void
sweep_all(const struct build_opts *o, char **dirs, size_t n)
{
	char *sd = state_dir(o->outdir);
	sweep(sd);
	free(sd);
	for (size_t i = 0; i < n; i++) {
		char *d = file_join(o->outdir, file_basename(dirs[i]));
		char *c = file_join(d, "charts");
		sweep(d);
		sweep(c);
		free(c);
		free(d);
	}
}

static void
print_plan(const struct buf *plan, const struct build_opts *o)
{
	FILE *f = o->news_stderr ? stderr : stdout;
	for (const char *p = plan->data; p && *p;) {
		const char *tab = strchr(p, '\t');
		const char *nl = strchr(p, '\n');
		if (o->explain)
			fprintf(f, "%.*s: %.*s\n", (int)(tab - p), p,
			        (int)(nl - tab - 1), tab + 1);
		else
			fprintf(f, "%.*s\n", (int)(tab - p), p);
		p = nl + 1;
	}
}

int
build_run(char **dirs, size_t n, const struct build_opts *o)
{
	struct diag_sink d;
	diag_init(&d);
	struct engine e = {.o = o};
	e.memo = memo_new();
	struct timespec now;
	clock_gettime(CLOCK_REALTIME, &now);
	/* file times come from a coarse clock: a file changed this close to
	 * the start of the build could change again with the same stamp */
	e.racy_ns = (int64_t)now.tv_sec * 1000000000 + now.tv_nsec - 50000000;
	bool unclean = false;
	int status = 1;
	struct sigaction old_int, old_term;
	catch_stops(&old_int, &old_term);
	if (file_mkdirs(o->outdir, &d) < 0 ||
	    (e.st = state_open(o->outdir, &unclean, &d)) == NULL) {
		o->report(&d);
		goto out;
	}
	if (unclean)
		sweep_all(o, dirs, n);
	struct run r = {.e = &e, .dirs = dirs, .n = n};
	news_init(&r.news, &e, -1);
	struct emit *em = &r.news.em;
	/* jtai itself: its version and its executable */
	struct digest exe = engine_digest(&e, em, "/proc/self/exe");
	struct buf id;
	buf_init(&id);
	buf_printf(&id, "%s;%016llx%016llx", JTAI_VERSION,
	           (unsigned long long)exe.hi, (unsigned long long)exe.lo);
	e.jtai = digest_bytes(id.data, id.len);
	buf_release(&id);
	r.stale = xcalloc(n + 1, sizeof(*r.stale));
	if (o->in_order)
		r.held = xcalloc(n + 1, sizeof(*r.held));
	struct buf plan;
	buf_init(&plan);
	for (size_t i = 0; i < n; i++) {
		size_t k = job_plan(&e, em, dirs[i], file_basename(dirs[i]), &plan);
		if (k == 0)
			continue;
		r.stale[r.nstale++] = i;
		r.news.total += k;
		if (o->dry_run) {
			print_plan(&plan, o);
			buf_clear(&plan);
		}
	}
	buf_release(&plan);
	status = 0;
	if (!o->dry_run && r.nstale > 0) {
		int jobs = o->jobs < 1 ? 1 : o->jobs;
		if (r.nstale > 1 && jobs > 1 && engine_env(&e, &d) < 0) {
			o->report(&d);
			status = 1;
		} else if (r.nstale > 1 && jobs > 1) {
			/* made once here, inherited by every worker */
			render_warm(&e.env.fonts);
			run_parallel(&r, jobs);
		} else {
			run_serial(&r);
		}
		progress_clear(&r.news);
		for (size_t i = 0; r.held && i < n; i++)
			if (r.held[i].n > 0)
				o->report(&r.held[i]);
		if (r.nfailed > 0) {
			qsort(r.failed, r.nfailed, sizeof(char *), strv_cmp);
			if (o->keep_going) {
				fprintf(stderr, "jtai build: %zu of %zu inspections "
				                "failed:",
				        r.nfailed, n);
				for (size_t i = 0; i < r.nfailed; i++)
					fprintf(stderr, " %s", r.failed[i]);
				fputc('\n', stderr);
			}
			status = 1;
		}
		if (stop_signal) {
			fprintf(stderr, "jtai build: interrupted\n");
			status = 130;
		}
	}
	if (!o->dry_run && r.nstale == 0 && o->say_idle)
		fprintf(o->news_stderr ? stderr : stdout,
		        "jtai build: nothing to do (%zu inspection%s up to "
		        "date)\n",
		        n, n == 1 ? "" : "s");
	for (size_t i = 0; i < r.nfailed; i++)
		free(r.failed[i]);
	free(r.failed);
	free(r.stale);
	for (size_t i = 0; r.held && i < n; i++)
		diag_release(&r.held[i]);
	free(r.held);
out:
	if (state_close(e.st, &d) < 0) {
		o->report(&d);
		status = status ? status : 1;
	}
	if (e.env_ready)
		build_env_release(&e.env);
	memo_free(e.memo);
	diag_release(&d);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	fflush(stdout);
	return status;
}

/* ---- jtai clean ---- */

struct cleaning {
	const char *outdir;
	bool quiet;
	size_t removed;
};

static void
remove_target(void *ctx, const char *target)
{
	struct cleaning *c = ctx;
	char *p = file_join(c->outdir, target);
	if (unlink(p) == 0) {
		c->removed++;
		if (!c->quiet)
			printf("removed %s\n", p);
	}
	/* then its folders, when nothing else is in them */
	char *dir = file_dirname(target);
	while (strcmp(dir, ".") != 0) {
		char *full = file_join(c->outdir, dir);
		int gone = rmdir(full);
		free(full);
		char *up = file_dirname(dir);
		free(dir);
		dir = up;
		if (gone < 0)
			break;
	}
	free(dir);
	free(p);
}

int
build_clean(const char *outdir, bool quiet, struct diag_sink *d)
{
	char *sd = state_dir(outdir);
	bool has_state = file_is_dir(sd);
	int rc = 0;
	if (has_state) {
		bool unclean;
		struct state *st = state_open(outdir, &unclean, d);
		if (st == NULL) {
			free(sd);
			return -1;
		}
		struct cleaning c = {outdir, quiet, 0};
		state_each_target(st, remove_target, &c);
		static const char *const files[] = {"state", "running", "lock"};
		for (size_t i = 0; i < 3; i++) {
			char *p = file_join(sd, files[i]);
			unlink(p);
			free(p);
		}
		sweep(sd);
		state_close(st, NULL);
		rmdir(sd);
		rmdir(outdir); /* when empty */
	}
	free(sd);
	return rc;
}
