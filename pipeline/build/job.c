/* One inspection's targets: which are stale, and making them.
 *
 * The targets of inspection NAME, in the order they are made, each a file
 * under the output folder: NAME/merged.yaml, NAME/letter.md, one
 * NAME/charts/CHART.svg per chart of the framework, NAME/letter.pdf and
 * NAME/letter.html. Each is made from files, recorded as it is made:
 *
 *   merged.yaml    every file ingest and merge read (inspection.yaml,
 *                  findings, cases.yaml, the framework's framework.yaml)
 *   letter.md      those, the template and partials draft read, the files
 *                  the checks (qa) read, and merged.yaml
 *   charts/CHART.svg merged.yaml, the font manifest and the font files
 *   letter.pdf     letter.md, merged.yaml, the fonts, the ICC profile
 *   letter.html    letter.md, merged.yaml, the fonts
 *
 * and with jtai itself (its version and executable), the kind of target,
 * and its options (--werror for letter.md; SOURCE_DATE_EPOCH and
 * JTAI_ICC_PROFILE for the PDF). A target is stale when any of these
 * differs from its record, or its output is missing or was changed.
 *
 * When a target is stale, the stages run in memory as far as it needs; a
 * target whose inputs come out the same after all (a comment edited in a
 * findings file leaves merged.yaml as it was) is not made again. Outputs
 * are written only when every stage of the inspection succeeded, and an
 * output whose bytes did not change is not rewritten. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "build/build_int.h"
#include "chart/chart.h"
#include "core/alloc.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/file.h"
#include "core/strv.h"
#include "core/value.h"
#include "draft/draft.h"
#include "ingest/ingest.h"
#include "ingest/model.h"
#include "merge/merge.h"
#include "qa/qa.h"

enum kind { K_MERGED, K_MD, K_CHART, K_PDF, K_HTML };

static const char *const verbs[] = {"merge", "draft", "chart", "render",
                                    "render"};

struct deplist {
	struct dep *v;
	size_t n, cap;
};

/* A target made in memory, waiting for the write. */
struct made {
	char *target;
	char *path; /* the output file: outdir/target */
	struct buf bytes;
	struct digest digest, id;
	struct deplist deps;
	char *tmp; /* written, not yet renamed over path (write_made) */
};

struct job {
	struct engine *e;
	struct emit *em;
	const char *dir, *name;
	struct diag_sink *d;
	struct arena *a;
	struct inspection *ins;
	struct value *model;
	struct buf merged, md;
	bool have_md;
	struct deplist reads_merge, reads_draft;
	struct charts c;
	struct made *made;
	size_t nmade;
};

/* ---- dependency lists ---- */

static void
deps_add(struct deplist *l, const char *path, struct digest dg)
{
	for (size_t i = 0; i < l->n; i++)
		if (!strcmp(l->v[i].path, path)) {
			l->v[i].digest = dg;
			return;
		}
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 16;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	l->v[l->n].path = xstrdup(path);
	l->v[l->n++].digest = dg;
}

static void
deps_merge(struct deplist *into, const struct deplist *from)
{
	for (size_t i = 0; i < from->n; i++)
		deps_add(into, from->v[i].path, from->v[i].digest);
}

static void
deps_release(struct deplist *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i].path);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

static int
cmp_dep(const void *a, const void *b)
{
	return strcmp(((const struct dep *)a)->path,
	              ((const struct dep *)b)->path);
}

/* ---- recording what a stage reads ---- */

struct recorder {
	struct job *j;
	struct deplist *into;
};

static void
observe(void *ctx, const char *path, const struct stat *sb, const void *data,
        size_t len)
{
	struct recorder *r = ctx;
	if (data == NULL) { /* used, not read: a font, a folder */
		deps_add(r->into, path, engine_digest(r->j->e, r->j->em, path));
		return;
	}
	struct digest dg = digest_bytes(data, len);
	deps_add(r->into, path, dg);
	struct stamp s;
	stamp_of(sb, &s);
	record_file(r->j->e, r->j->em, path, &s, dg);
}

static void
recording(struct recorder *r, struct job *j, struct deplist *into)
{
	r->j = j;
	r->into = into;
	file_observe_reads(observe, r);
}

static void
recording_off(void)
{
	file_observe_reads(NULL, NULL);
}

/* ---- targets ---- */

static enum kind
kind_of(const char *target)
{
	const char *base = file_basename(target);
	if (!strcmp(base, "merged.yaml"))
		return K_MERGED;
	if (!strcmp(base, "letter.md"))
		return K_MD;
	if (!strcmp(base, "letter.pdf"))
		return K_PDF;
	if (!strcmp(base, "letter.html"))
		return K_HTML;
	return K_CHART;
}

static void
env_option(struct buf *b, const char *name)
{
	const char *v = getenv(name);
	buf_printf(b, "%s=%s;", name, v ? v : "");
}

/* What a target is built with besides its files: jtai, its kind, its
 * options, and where its frameworks and fonts are looked for (another data
 * folder or template search path may hold other files of the same names). */
static struct digest
target_id(const struct engine *e, const char *target)
{
	/* the same for every inspection: made once per kind and chart */
	static struct {
		const struct engine *e;
		enum kind k;
		char chart[64];
		struct digest id;
	} memo[16];
	static size_t nmemo;
	enum kind k = kind_of(target);
	const char *chart = k == K_CHART ? file_basename(target) : "";
	for (size_t i = 0; i < nmemo; i++)
		if (memo[i].e == e && memo[i].k == k &&
		    !strcmp(memo[i].chart, chart))
			return memo[i].id;
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "jtai-target 1;%016llx%016llx;%s;%s;",
	           (unsigned long long)e->jtai.hi,
	           (unsigned long long)e->jtai.lo, verbs[k], chart);
	buf_printf(&b, "data=%s;", build_datadir());
	env_option(&b, "JTAI_TEMPLATES");
	if (k == K_MD)
		buf_printf(&b, "werror=%d;", e->o->werror ? 1 : 0);
	if (k == K_PDF) {
		env_option(&b, "SOURCE_DATE_EPOCH");
		env_option(&b, "JTAI_ICC_PROFILE");
	}
	struct digest dg = digest_bytes(b.data, b.len);
	buf_release(&b);
	size_t n = strlen(chart);
	if (n < sizeof(memo[0].chart)) {
		size_t i = nmemo < 16 ? nmemo++ : 0;
		memo[i].e = e;
		memo[i].k = k;
		memcpy(memo[i].chart, chart, n + 1);
		memo[i].id = dg;
	}
	return dg;
}

static char *
out_path(const struct engine *e, const char *target)
{
	return file_join(e->o->outdir, target);
}

/* The digest a file has now, or will have once this job's outputs are
 * written. */
static struct digest
current(struct job *j, const char *path)
{
	for (size_t i = 0; i < j->nmade; i++)
		if (!strcmp(j->made[i].path, path))
			return j->made[i].digest;
	return engine_digest(j->e, j->em, path);
}

/* Why target is stale, into why; false when it is up to date. With
 * upstream set (planning), a file made by a target in upstream counts as
 * changed. */
static bool
stale(struct job *j, const char *target, const char *const *upstream,
      size_t nup, struct buf *why)
{
	const struct target_rec *rec = state_target(j->e->st, target);
	buf_clear(why);
	if (rec == NULL) {
		buf_printf(why, "never built");
		return true;
	}
	if (!digest_eq(rec->id, target_id(j->e, target))) {
		buf_printf(why, "jtai or its options changed");
		return true;
	}
	char *out = out_path(j->e, target);
	struct digest now = current(j, out);
	free(out);
	if (digest_is_zero(now)) {
		buf_printf(why, "its output is missing");
		return true;
	}
	if (!digest_eq(now, rec->out)) {
		buf_printf(why, "its output was changed");
		return true;
	}
	size_t total = rec->ndeps + rec->nshared;
	for (size_t k = 0; k < total; k++) {
		const struct dep *dp = k < rec->ndeps ? &rec->deps[k]
		                                      : &rec->shared[k - rec->ndeps];
		const char *dep = dp->path;
		for (size_t u = 0; u < nup; u++) {
			char *p = out_path(j->e, upstream[u]);
			bool up = !strcmp(p, dep);
			free(p);
			if (up) {
				buf_printf(why, "%s is rebuilt first", upstream[u]);
				return true;
			}
		}
		struct digest dg = current(j, dep);
		if (!digest_eq(dg, dp->digest)) {
			buf_printf(why, "%s %s", dep,
			           digest_is_zero(dg)            ? "is gone"
			           : digest_is_zero(dp->digest) ? "appeared"
			                                         : "changed");
			return true;
		}
	}
	return false;
}

size_t
job_plan(struct engine *e, struct emit *em, const char *dir, const char *name,
         struct buf *plan)
{
	struct job j = {.e = e, .em = em, .dir = dir, .name = name};
	size_t n, count = 0;
	const char *const *t = state_outputs(e->st, name, &n);
	struct buf why;
	buf_init(&why);
	if (t == NULL) {
		static const char *const first[] = {"merged.yaml", "letter.md",
		                                    "letter.pdf", "letter.html"};
		for (size_t i = 0; i < 4; i++)
			buf_printf(plan, "%s/%s\tnever built\n", name, first[i]);
		count = 4;
	}
	const char **up = xcalloc(n + 1, sizeof(*up));
	size_t nup = 0;
	for (size_t i = 0; i < n; i++) {
		if (!stale(&j, t[i], up, nup, &why))
			continue;
		buf_printf(plan, "%s\t%s\n", t[i], buf_cstr(&why));
		up[nup++] = t[i];
		count++;
	}
	free(up);
	buf_release(&why);
	return count;
}

/* ---- the stages ---- */

static int
ensure_merged(struct job *j)
{
	if (j->model != NULL)
		return 0;
	if (engine_env(j->e, j->d) < 0)
		return -1;
	struct recorder r;
	recording(&r, j, &j->reads_merge);
	j->ins = ingest_load(j->a, j->dir, j->e->env.templates_dir, j->d);
	j->model = j->ins ? merge_run(j->a, j->ins, j->d) : NULL;
	recording_off();
	if (j->model == NULL)
		return -1;
	merge_write(j->model, &j->merged);
	j->c = (struct charts){j->a, j->model, &j->e->env.fonts, j->d,
	                       NULL, NULL, 0};
	return 0;
}

static int
ensure_md(struct job *j)
{
	if (j->have_md)
		return 0;
	if (ensure_merged(j) < 0)
		return -1;
	struct recorder r;
	recording(&r, j, &j->reads_draft);
	int rc = draft_run(j->model, j->e->env.templates_dir, &j->md, NULL,
	                   j->d) < 0 ||
	                 qa_run(j->ins, j->model, j->e->env.templates_dir,
	                        j->d) < 0
	             ? -1
	             : 0;
	recording_off();
	j->have_md = rc == 0;
	return rc;
}

/* letter.md's text for rendering: as drafted now, else as written by the
 * last build when that is still what its record says. */
static int
md_text(struct job *j)
{
	if (j->have_md)
		return 0;
	char *target = file_join(j->name, "letter.md");
	const struct target_rec *rec = state_target(j->e->st, target);
	char *path = out_path(j->e, target);
	free(target);
	struct diag_sink quiet;
	diag_init(&quiet);
	bool ok = rec != NULL && file_read(path, &j->md, &quiet) == 0 &&
	          digest_eq(digest_bytes(j->md.data, j->md.len), rec->out);
	diag_release(&quiet);
	free(path);
	if (ok) {
		j->have_md = true;
		return 0;
	}
	buf_clear(&j->md);
	return ensure_md(j);
}

static void
add_out_dep(struct job *j, struct deplist *deps, const char *file)
{
	char *t = file_join(j->name, file);
	char *p = out_path(j->e, t);
	deps_add(deps, p, current(j, p));
	free(p);
	free(t);
}

static void
add_font_deps(struct job *j, struct deplist *deps)
{
	const struct build_env *env = &j->e->env;
	deps_add(deps, env->fonts_manifest,
	         engine_digest(j->e, j->em, env->fonts_manifest));
	for (int r = 0; r < FONT_ROLES; r++) {
		const char *p = font_path(env->fonts.face[r]);
		deps_add(deps, p, engine_digest(j->e, j->em, p));
	}
}

/* What the inspection's folders hold: a findings file or cases.yaml
 * added or removed changes what ingest does. */
static void
add_folder_deps(struct job *j, struct deplist *deps)
{
	char *f = file_join(j->dir, "findings");
	char *paths[2];
	paths[0] = file_join(j->dir, "");
	paths[1] = file_join(f, "");
	for (int i = 0; i < 2; i++) {
		deps_add(deps, paths[i], engine_digest(j->e, j->em, paths[i]));
		free(paths[i]);
	}
	free(f);
}

/* Makes target in memory into m. Returns 0, or -1 reported. */
static int
make(struct job *j, const char *target, struct made *m)
{
	enum kind k = kind_of(target);
	struct deplist *deps = &m->deps;
	switch (k) {
	case K_MERGED:
		if (ensure_merged(j) < 0)
			return -1;
		buf_append(&m->bytes, j->merged.data, j->merged.len);
		deps_merge(deps, &j->reads_merge);
		add_folder_deps(j, deps);
		return 0;
	case K_MD:
		if (ensure_md(j) < 0)
			return -1;
		buf_append(&m->bytes, j->md.data, j->md.len);
		deps_merge(deps, &j->reads_merge);
		add_folder_deps(j, deps);
		deps_merge(deps, &j->reads_draft);
		add_out_dep(j, deps, "merged.yaml");
		return 0;
	case K_CHART: {
		if (ensure_merged(j) < 0)
			return -1;
		char *name = xstrdup(file_basename(target));
		name[strlen(name) - 4] = '\0'; /* ".svg" */
		const struct scene *s = charts_get(&j->c, name);
		free(name);
		if (s == NULL || charts_svg(&j->c, s, &m->bytes, j->d) < 0)
			return -1;
		add_out_dep(j, deps, "merged.yaml");
		add_font_deps(j, deps);
		return 0;
	}
	case K_PDF:
	case K_HTML: {
		if (ensure_merged(j) < 0 || md_text(j) < 0)
			return -1;
		char *md_path = file_join(j->dir, "letter.md");
		struct recorder r;
		recording(&r, j, deps);
		int rc = charts_render(&j->e->env, md_path, buf_cstr(&j->md),
		                       j->md.len, &j->c,
		                       k == K_PDF ? &m->bytes : NULL,
		                       k == K_HTML ? &m->bytes : NULL, j->d);
		recording_off();
		free(md_path);
		if (rc < 0)
			return -1;
		add_out_dep(j, deps, "letter.md");
		add_out_dep(j, deps, "merged.yaml");
		add_font_deps(j, deps);
		return 0;
	}
	}
	return -1;
}

/* The targets the inspection has now: the fixed ones and its charts. */
static char **
targets_now(struct job *j, size_t *n)
{
	const struct framework *fw = j->ins->fw;
	char **t = xcalloc(fw->ncharts + 4, sizeof(*t));
	size_t k = 0;
	t[k++] = file_join(j->name, "merged.yaml");
	t[k++] = file_join(j->name, "letter.md");
	for (size_t i = 0; i < fw->ncharts; i++) {
		char file[300];
		snprintf(file, sizeof(file), "charts/%s.svg", fw->charts[i]);
		t[k++] = file_join(j->name, file);
	}
	t[k++] = file_join(j->name, "letter.pdf");
	t[k++] = file_join(j->name, "letter.html");
	*n = k;
	return t;
}

/* True when path is dir or inside it. */
static bool
under(const char *path, const char *dir)
{
	size_t n = strlen(dir);
	while (n > 1 && dir[n - 1] == '/')
		n--;
	return !strncmp(path, dir, n) && (path[n] == '/' || path[n] == '\0');
}

/* ---- writing ---- */

/* The first step of writing: the folder made (inside the output folder,
 * through no planted link) and, when the file there differs, the new
 * bytes written to a temporary file beside it (m->tmp). */
static int
write_made(struct job *j, struct made *m)
{
	struct engine *e = j->e;
	char *rel = file_dirname(m->target);
	int rc = file_mkdirs_within(e->o->outdir, rel, j->d);
	free(rel);
	if (rc < 0)
		return -1;
	struct digest was = engine_digest(e, j->em, m->path);
	if (digest_eq(was, m->digest))
		return 0;
	return file_write_temp(m->path, m->bytes.data ? m->bytes.data : "",
	                       m->bytes.len, &m->tmp, j->d);
}

/* The second step: the temporary file renamed into place, and the file
 * and its target recorded in the state log. */
static int
commit_made(struct job *j, struct made *m)
{
	struct engine *e = j->e;
	const char *path = m->path;
	if (m->tmp) {
		int rc = file_commit(m->tmp, path, j->d);
		free(m->tmp);
		m->tmp = NULL;
		if (rc < 0)
			return -1;
	}
	engine_note(e, path, m->digest);
	struct stat sb;
	if (stat(path, &sb) < 0)
		return -1;
	struct stamp s;
	stamp_of(&sb, &s);
	struct buf line;
	buf_init(&line);
	state_line_file(&line, path, &s, m->digest);
	j->em->record(j->em, line.data, line.len);
	buf_clear(&line);
	/* the inspection's own files in the record, the rest (templates,
	 * fonts: the same for many inspections) in a shared set */
	qsort(m->deps.v, m->deps.n, sizeof(*m->deps.v), cmp_dep);
	struct deplist own = {0}, shared = {0};
	char *outdir = out_path(e, j->name);
	for (size_t i = 0; i < m->deps.n; i++) {
		const char *p = m->deps.v[i].path;
		bool mine = under(p, j->dir) || under(p, outdir);
		deps_add(mine ? &own : &shared, p, m->deps.v[i].digest);
	}
	free(outdir);
	struct target_rec t = {m->digest, m->id,  own.v,
	                       own.n,     shared.v, shared.n};
	state_line_target(e->st, &line, m->target, &t);
	deps_release(&own);
	deps_release(&shared);
	j->em->record(j->em, line.data, line.len);
	buf_release(&line);
	return 0;
}

/* Removes the outputs the inspection made before but makes no longer. */
static void
drop_old(struct job *j, char **now, size_t n)
{
	size_t nold;
	const char *const *old = state_outputs(j->e->st, j->name, &nold);
	for (size_t i = 0; i < nold; i++)
		if (!strv_has((const char *const *)now, n, old[i])) {
			char *p = out_path(j->e, old[i]);
			unlink(p);
			free(p);
		}
	if (old != NULL && nold == n) {
		bool same = true;
		for (size_t i = 0; i < n && same; i++)
			same = !strcmp(old[i], now[i]);
		if (same)
			return;
	}
	struct buf line;
	buf_init(&line);
	state_line_outputs(&line, j->name, (const char *const *)now, n);
	j->em->record(j->em, line.data, line.len);
	buf_release(&line);
}

/* True when plan (lines "target\treason\n") lists target. */
static bool
in_plan(const struct buf *plan, const char *target)
{
	size_t n = strlen(target);
	for (const char *p = plan->data; p && *p;) {
		if (!strncmp(p, target, n) && p[n] == '\t')
			return true;
		p = strchr(p, '\n');
		p = p ? p + 1 : NULL;
	}
	return false;
}

static void
job_release(struct job *j)
{
	for (size_t i = 0; i < j->nmade; i++) {
		if (j->made[i].tmp) {
			unlink(j->made[i].tmp);
			free(j->made[i].tmp);
		}
		free(j->made[i].target);
		free(j->made[i].path);
		buf_release(&j->made[i].bytes);
		deps_release(&j->made[i].deps);
	}
	free(j->made);
	charts_release(&j->c);
	deps_release(&j->reads_merge);
	deps_release(&j->reads_draft);
	buf_release(&j->merged);
	buf_release(&j->md);
	arena_free(j->a);
}

static bool
failed(const struct job *j)
{
	return j->d->errors > 0 || (j->e->o->werror && j->d->warnings > 0);
}

int
job_run(struct engine *e, struct emit *em, const char *dir, const char *name,
        struct diag_sink *d)
{
	struct job j = {.e = e, .em = em, .dir = dir, .name = name, .d = d};
	j.a = arena_new();
	buf_init(&j.merged);
	buf_init(&j.md);
	struct buf plan, why;
	buf_init(&plan);
	buf_init(&why);
	size_t planned = job_plan(e, em, dir, name, &plan);
	int rc = 0, made_planned = 0;
	if (planned == 0)
		goto out;
	rc = -1;
	if (ensure_merged(&j) < 0)
		goto out;
	size_t n;
	char **now = targets_now(&j, &n);
	j.made = xcalloc(n, sizeof(*j.made));
	for (size_t i = 0; i < n; i++) {
		if (!stale(&j, now[i], NULL, 0, &why))
			continue;
		bool was_planned = in_plan(&plan, now[i]);
		made_planned += was_planned;
		if (!was_planned)
			em->skip(em, -1);
		if (e->o->explain)
			em->why(em, now[i], buf_cstr(&why));
		em->start(em, verbs[kind_of(now[i])], now[i]);
		struct made *m = &j.made[j.nmade++];
		m->target = xstrdup(now[i]);
		m->path = out_path(e, now[i]);
		buf_init(&m->bytes);
		m->id = target_id(e, now[i]);
		if (make(&j, now[i], m) < 0)
			break;
		m->digest = digest_bytes(m->bytes.data ? m->bytes.data : "",
		                         m->bytes.len);
	}
	if (!failed(&j)) {
		/* every new file written aside before any is renamed into
		 * place: a full disk leaves the previous outputs as a whole */
		rc = 0;
		for (size_t i = 0; i < j.nmade && rc == 0; i++)
			rc = write_made(&j, &j.made[i]);
		for (size_t i = 0; i < j.nmade && rc == 0; i++)
			rc = commit_made(&j, &j.made[i]);
		if (rc == 0)
			drop_old(&j, now, n);
	}
	for (size_t i = 0; i < n; i++)
		free(now[i]);
	free(now);
out:
	if ((int)planned > made_planned)
		em->skip(em, (int)planned - made_planned);
	if (rc < 0 && !failed(&j))
		diag_error(d, dir, 0, 0, "the build of this inspection failed");
	buf_release(&plan);
	buf_release(&why);
	job_release(&j);
	return rc;
}
