/* build: drives the stages for one inspection or many. Each inspection's
 * outputs are made in memory first and written only when every stage has
 * succeeded, each to a temporary name renamed into place: a failed build
 * leaves the previous outputs intact. */
#ifndef JTAI_BUILD_BUILD_H
#define JTAI_BUILD_BUILD_H

#include <stdbool.h>
#include <stddef.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/font.h"

struct diag_sink;
struct value;
struct arena;

/* What every build shares: where the frameworks are, and the fonts. */
struct build_env {
	char *templates_dir;
	char *fonts_manifest;
	struct fontset fonts;
};

/* Sets up env from datadir (which holds templates/ and fonts/) and loads
 * the fonts. Returns 0, or -1 reported into d. Release with
 * build_env_release(). */
int build_env_init(struct build_env *env, const char *datadir,
                   struct diag_sink *d);
void build_env_release(struct build_env *env);
/* The data folder: $JTAI_DATADIR, else the one jtai was built with. */
const char *build_datadir(void);

struct chart_file {
	char *name; /* e.g. "findings-by-agency" */
	struct buf svg;
};

/* The outputs of one inspection, in memory. */
struct letter {
	char *name; /* the inspection folder's last component */
	struct buf merged, markdown, pdf, html;
	struct chart_file *charts;
	size_t ncharts;
};

/* Runs ingest, merge, draft, chart and render for the inspection in dir.
 * Returns 0 with out filled (release with letter_release), or -1 after
 * reporting into d. */
int build_letter(const struct build_env *env, const char *dir,
                 struct letter *out, struct diag_sink *d);
void letter_release(struct letter *l);
/* Writes l under outdir/<name>/: merged.yaml, letter.md, letter.pdf,
 * letter.html and charts/<name>.svg. Returns 0, or -1 reported into d. */
int letter_write(const struct letter *l, const char *outdir,
                 struct diag_sink *d);

/* Lays out letter.md with the charts of model (may be NULL: no charts)
 * as the PDF into pdf and as the HTML page (render/html.h) into html, each
 * when not NULL. Returns 0, or -1 reported into d. */
int build_render(const struct build_env *env, const char *path, const char *md,
                 size_t len, const struct value *model, struct buf *pdf,
                 struct buf *html, struct diag_sink *d);

/* How jtai build runs (build/engine.c). */
struct build_opts {
	const char *outdir;
	int jobs;         /* parallel jobs, at least 1 */
	bool dry_run;     /* -n: print what would be rebuilt */
	bool explain;     /* --explain: say why each target is rebuilt */
	bool keep_going;  /* -k */
	bool quiet;       /* -q: nothing but diagnostics */
	bool werror;      /* warnings fail the inspection */
	bool progress;    /* one updating line (on a terminal) */
	bool news_stderr; /* progress, -n and --explain lines on stderr, so
	                     that stdout holds only a document (--format) */
	bool in_order;    /* report each inspection's diagnostics at the end,
	                     in the inspections' order, not as each ends */
	bool say_idle;    /* say so when there is nothing to do */
	/* Prints the diagnostics of one inspection (the command's printer). */
	void (*report)(const struct diag_sink *d);
};

/* Builds the stale targets of every inspection in dirs (unique names)
 * into o->outdir, incrementally: each target is remade only when what it
 * is made from changed since it was last built (build/state.h). Returns
 * the exit status: 0, 1 when an inspection failed, 130 when interrupted
 * (SIGINT or SIGTERM: running jobs finish first). */
int build_run(char **dirs, size_t n, const struct build_opts *o);

/* What jtai build --watch watches and how it finds the inspections
 * (build/watch.c). */
struct watch {
	char **paths; /* the folders given (PATHs) */
	size_t npaths;
	/* Finds the inspections under paths: returns 0 with a malloc'd list
	 * of malloc'd folders, or -1 after reporting (through o->report). */
	int (*find)(void *ctx, char ***dirs, size_t *n);
	/* Called after each build with its exit status (may be NULL). */
	void (*built)(void *ctx, int status);
	void *ctx;
};

/* Builds as build_run, then again after every change to a file under the
 * paths (recursively, new folders too; hidden folders, o->outdir and
 * editors' temporary files aside), to a framework folder of the templates
 * search path or to the font manifest: a burst of changes is one build.
 * A failed build is reported and the watch goes on. Returns 130 once
 * SIGINT or SIGTERM arrives (a running build finishes first), or 1 after
 * reporting why it cannot watch (no inotify watch left). Linux only. */
int build_watch(const struct watch *w, const struct build_opts *o);

/* Removes every output the builds into outdir recorded, then the state.
 * Files jtai did not make are left alone. Returns 0, or -1 reported. */
int build_clean(const char *outdir, bool quiet, struct diag_sink *d);

/* Makes a new inspection folder dir for framework (under templates_dir):
 * inspection.yaml, findings/<inspectorate>.yaml for each inspectorate the
 * framework names, and cases.yaml, each explained in comments, for the
 * area called area, notified on notification (or the next working day).
 * The result passes jtai check. Refuses a dir that exists. Returns 0, or
 * -1 reported into d. */
int build_new(const char *dir, const char *templates_dir,
              const char *framework, const char *area,
              struct date notification, struct diag_sink *d);

/* Finds every folder at or under path holding an inspection.yaml, sorted,
 * not descending into hidden folders. Appends malloc'd paths to *dirs.
 * Returns 0, or -1 reported into d. */
int build_find(const char *path, char ***dirs, size_t *n,
               struct diag_sink *d);

#endif
