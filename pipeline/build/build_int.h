/* Between the files of build/: the stages of one letter (letter.c) as the
 * engine (engine.c, job.c) drives them. */
#ifndef JTAI_BUILD_BUILD_INT_H
#define JTAI_BUILD_BUILD_INT_H

#include "build/build.h"

struct scene;

/* A letter's charts, each drawn once: the same scenes give the SVG files
 * and the PDF's vector graphics. */
struct charts {
	struct arena *a;
	const struct value *model;
	const struct fontset *fonts;
	struct diag_sink *d;
	const struct scene **scenes;
	struct buf *svg; /* each scene's SVG, once made (len 0: not yet) */
	size_t n;
};

/* The scene of chart name, drawn on first use; NULL after reporting. */
const struct scene *charts_get(void *charts, const char *name);
/* Appends the SVG of scene s (one of c's), made once. */
int charts_svg(void *c, const struct scene *s, struct buf *out,
               struct diag_sink *d);
/* Frees what c holds beside its arena. */
void charts_release(struct charts *c);
/* Renders md as a PDF into pdf and as the HTML page into html, each when
 * not NULL, both from the charts in c. Returns 0, or -1 reported into d. */
int charts_render(const struct build_env *env, const char *path,
                  const char *md, size_t len, struct charts *c,
                  struct buf *pdf, struct buf *html, struct diag_sink *d);

/* ---- the engine (engine.c, job.c) ---- */

#include <stdbool.h>
#include <stdint.h>

#include "build/state.h"

/* Where a job's records and news go: straight into the state and the
 * terminal, or, from a worker process, down a pipe to the parent. */
struct emit {
	/* A state record line (build/state.h), ending in a newline. */
	void (*record)(struct emit *em, const char *line, size_t len);
	/* A target about to be made; verb says by which stage. */
	void (*start)(struct emit *em, const char *verb, const char *target);
	/* A planned target found up to date after all (its inputs came out
	 * the same), or one more target than planned (delta < 0). */
	void (*skip)(struct emit *em, int delta);
	/* Why target is rebuilt (--explain). */
	void (*why)(struct emit *em, const char *target, const char *reason);
};

struct engine {
	const struct build_opts *o;
	struct state *st;
	struct build_env env;
	bool env_ready;
	struct digest jtai;   /* this jtai: its version and its executable */
	int64_t racy_ns;      /* stamps from here on are not trusted */
	struct memo *memo;    /* digests found in this run, by path */
};

/* The stale targets of the inspection in dir (named name), each appended
 * to plan as "target\treason\n"; returns how many. */
size_t job_plan(struct engine *e, struct emit *em, const char *dir,
                const char *name, struct buf *plan);
/* Makes the stale targets of the inspection in dir, reporting diagnostics
 * into d. Returns 0, or -1 when the inspection failed (nothing written). */
int job_run(struct engine *e, struct emit *em, const char *dir,
            const char *name, struct diag_sink *d);
/* The digest of the file at path now, by the state when its stamp is
 * unchanged, else by reading it (recorded through em). Zero when absent. */
struct digest engine_digest(struct engine *e, struct emit *em,
                            const char *path);
/* Tells the engine that path now has digest dg (the job wrote it). */
void engine_note(struct engine *e, const char *path, struct digest dg);
/* Records that path had digest dg at stamp s, unless the stamp is too
 * recent to be trusted or already known. */
void record_file(struct engine *e, struct emit *em, const char *path,
                 const struct stamp *s, struct digest dg);
/* The digests found in one run, by path. */
struct memo *memo_new(void);
void memo_free(struct memo *m);

/* The news of a job (build/news.c): e's state and terminal when fd is
 * -1, else the pipe fd to the parent. */
struct news {
	struct emit em;
	struct engine *e;
	int fd;            /* a worker's pipe; -1 in the parent */
	size_t done, total;
	bool line_open;    /* a progress line is on the terminal */
};

void news_init(struct news *n, struct engine *e, int fd);
/* Applies a line a worker sent (without its newline, NUL-terminated); a
 * diagnostic goes into d. */
void news_line(struct news *n, char *line, size_t len, struct diag_sink *d);
/* In a worker: sends every diagnostic of d to the parent, which prints
 * them (so that they reach whatever --format the command prints). */
void news_diags(struct news *n, const struct diag_sink *d);
/* Ends the progress line before other text goes to the terminal. */
void progress_clear(struct news *n);

/* Loads the templates and fonts on first need. Returns 0 or -1. */
int engine_env(struct engine *e, struct diag_sink *d);

#endif
