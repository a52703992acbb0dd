/* One inspection through every stage, in memory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "build/build.h"
#include "build/build_int.h"
#include "chart/chart.h"
#include "chart/scene.h"
#include "core/alloc.h"
#include "core/arena.h"
#include "core/diag.h"
#include "core/file.h"
#include "core/value.h"
#include "draft/draft.h"
#include "ingest/ingest.h"
#include "ingest/model.h"
#include "merge/merge.h"
#include "qa/qa.h"
#include "render/html.h"
#include "render/render.h"

/* An installed jtai's data folder: JTAI_INSTALL_DATADIR_REL ("../share/jtai"
 * as installed) from the folder of the running executable, into out when
 * it holds templates/ (docs/install.md). Linux's /proc/self/exe gives the
 * executable's canonical path; the "../" of the relative path are taken
 * off it by hand. */
static void
installed_datadir(char *out, size_t size)
{
#ifdef JTAI_INSTALL_DATADIR_REL
	char dir[4096];
	ssize_t n = readlink("/proc/self/exe", dir, sizeof(dir) - 1);
	if (n <= 0)
		return;
	dir[n] = '\0';
	const char *rel = JTAI_INSTALL_DATADIR_REL;
	char *slash = strrchr(dir, '/');
	for (; slash && slash != dir; rel += 3, slash = strrchr(dir, '/')) {
		*slash = '\0';
		if (strncmp(rel, "../", 3))
			break;
	}
	if (slash == NULL || slash == dir)
		return;
	char *data = file_join(dir, rel);
	char *templates = file_join(data, "templates");
	if (strlen(data) < size && file_is_dir(templates))
		memcpy(out, data, strlen(data) + 1);
	free(templates);
	free(data);
#else
	(void)out;
	(void)size;
#endif
}

const char *
build_datadir(void)
{
	static char installed[4096];
	static bool looked;
	const char *env = getenv("JTAI_DATADIR");
	if (env && *env)
		return env;
	if (!looked) {
		looked = true;
		installed_datadir(installed, sizeof(installed));
	}
	return installed[0] ? installed : JTAI_DEFAULT_DATADIR;
}

int
build_env_init(struct build_env *env, const char *datadir,
               struct diag_sink *d)
{
	char *builtin = file_join(datadir, "templates");
	env->templates_dir = ingest_templates_path(builtin);
	free(builtin);
	char *fonts = file_join(datadir, "fonts");
	env->fonts_manifest = file_join(fonts, "fonts.yaml");
	free(fonts);
	return fontset_load(&env->fonts, env->fonts_manifest, d);
}

void
build_env_release(struct build_env *env)
{
	fontset_release(&env->fonts);
	free(env->templates_dir);
	free(env->fonts_manifest);
	env->templates_dir = env->fonts_manifest = NULL;
}

const struct scene *
charts_get(void *p, const char *name)
{
	struct charts *c = p;
	for (size_t i = 0; i < c->n; i++)
		if (!strcmp(c->scenes[i]->name, name))
			return c->scenes[i];
	const struct scene *s = chart_draw(c->a, name, c->model, c->fonts, c->d);
	if (s) {
		c->scenes = arena_grow(c->a, c->scenes, c->n * sizeof(*c->scenes),
		                       (c->n + 1) * sizeof(*c->scenes));
		c->svg = xrealloc(c->svg, (c->n + 1) * sizeof(*c->svg));
		buf_init(&c->svg[c->n]);
		c->scenes[c->n++] = s;
	}
	return s;
}

int
charts_svg(void *p, const struct scene *s, struct buf *out,
           struct diag_sink *d)
{
	struct charts *c = p;
	for (size_t i = 0; i < c->n; i++) {
		if (c->scenes[i] != s)
			continue;
		if (c->svg[i].len == 0 &&
		    chart_write_svg(s, c->fonts, &c->svg[i], d) < 0) {
			buf_clear(&c->svg[i]);
			return -1;
		}
		buf_append(out, c->svg[i].data, c->svg[i].len);
		return 0;
	}
	return chart_write_svg(s, c->fonts, out, d);
}

void
charts_release(struct charts *c)
{
	for (size_t i = 0; i < c->n; i++)
		buf_release(&c->svg[i]);
	free(c->svg);
	c->svg = NULL;
}

int
charts_render(const struct build_env *env, const char *path, const char *md,
            size_t len, struct charts *c, struct buf *pdf, struct buf *html,
            struct diag_sink *d)
{
	struct render_opts opts = {&env->fonts, c->model ? charts_get : NULL, c,
	                           charts_svg};
	if (pdf && render_pdf(path, md, len, &opts, pdf, d) < 0)
		return -1;
	return html ? render_html(path, md, len, &opts, html, d) : 0;
}

int
build_render(const struct build_env *env, const char *path, const char *md,
             size_t len, const struct value *model, struct buf *pdf,
             struct buf *html, struct diag_sink *d)
{
	struct charts c = {arena_new(), model, &env->fonts, d, NULL, NULL, 0};
	int rc = charts_render(env, path, md, len, &c, pdf, html, d);
	charts_release(&c);
	arena_free(c.a);
	return rc;
}

/* Draws the framework's charts into c and writes each as SVG into out. */
static int
draw_charts(const struct framework *fw, struct charts *c, struct letter *out)
{
	out->charts = xcalloc(fw->ncharts + 1, sizeof(*out->charts));
	for (size_t i = 0; i < fw->ncharts; i++) {
		struct chart_file *cf = &out->charts[out->ncharts++];
		cf->name = xstrdup(fw->charts[i]);
		buf_init(&cf->svg);
		const struct scene *s = charts_get(c, fw->charts[i]);
		if (s == NULL || charts_svg(c, s, &cf->svg, c->d) < 0)
			return -1;
	}
	return 0;
}

int
build_letter(const struct build_env *env, const char *dir, struct letter *out,
             struct diag_sink *d)
{
	struct arena *a = arena_new();
	int rc = -1;
	struct charts c = {a, NULL, &env->fonts, d, NULL, NULL, 0};
	memset(out, 0, sizeof(*out));
	buf_init(&out->merged);
	buf_init(&out->markdown);
	buf_init(&out->pdf);
	buf_init(&out->html);
	struct inspection *ins = ingest_load(a, dir, env->templates_dir, d);
	if (ins == NULL)
		goto out;
	out->name = xstrdup(ins->name);
	struct value *model = merge_run(a, ins, d);
	if (model == NULL)
		goto out;
	merge_write(model, &out->merged);
	if (draft_run(model, env->templates_dir, &out->markdown, NULL, d) < 0 ||
	    qa_run(ins, model, env->templates_dir, d) < 0)
		goto out;
	c.model = model;
	if (draw_charts(ins->fw, &c, out) < 0)
		goto out;
	char *md_path = file_join(dir, "letter.md");
	rc = charts_render(env, md_path, buf_cstr(&out->markdown),
	                 out->markdown.len, &c, &out->pdf, &out->html, d);
	free(md_path);
out:
	charts_release(&c);
	arena_free(a);
	return rc;
}

void
letter_release(struct letter *l)
{
	for (size_t i = 0; i < l->ncharts; i++) {
		free(l->charts[i].name);
		buf_release(&l->charts[i].svg);
	}
	free(l->charts);
	free(l->name);
	buf_release(&l->merged);
	buf_release(&l->markdown);
	buf_release(&l->pdf);
	buf_release(&l->html);
	memset(l, 0, sizeof(*l));
}

static int
write_one(const char *dir, const char *name, const struct buf *b,
          struct diag_sink *d)
{
	char *path = file_join(dir, name);
	int rc = file_write_atomic(path, b->data ? b->data : "", b->len, d);
	free(path);
	return rc;
}

int
letter_write(const struct letter *l, const char *outdir, struct diag_sink *d)
{
	char *dir = file_join(outdir, l->name);
	char *charts = file_join(dir, "charts");
	int rc = -1;
	if (file_mkdirs(charts, d) < 0)
		goto out;
	for (size_t i = 0; i < l->ncharts; i++) {
		char name[300];
		snprintf(name, sizeof(name), "%s.svg", l->charts[i].name);
		if (write_one(charts, name, &l->charts[i].svg, d) < 0)
			goto out;
	}
	if (write_one(dir, "merged.yaml", &l->merged, d) < 0 ||
	    write_one(dir, "letter.md", &l->markdown, d) < 0 ||
	    write_one(dir, "letter.pdf", &l->pdf, d) < 0 ||
	    write_one(dir, "letter.html", &l->html, d) < 0)
		goto out;
	rc = 0;
out:
	free(charts);
	free(dir);
	return rc;
}
