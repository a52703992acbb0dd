#include "testutil.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chart/scene.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/file.h"
#include "core/font.h"
#include "render/page.h"
#include "render/render.h"

const char *
test_src(const char *rel)
{
	static char path[4096];
	const char *root = getenv("JTAI_SOURCE_DIR");
	snprintf(path, sizeof(path), "%s/%s", root ? root : ".", rel);
	return path;
}

const char *
test_shared(const char *rel)
{
	static char path[4096];
	const char *root = getenv("JTAI_SOURCE_DIR");
	snprintf(path, sizeof(path), "%s/../shared/%s", root ? root : ".", rel);
	return file_exists(path) ? path : NULL;
}

double
test_time_scale(void)
{
	const char *s = getenv("JTAI_TEST_TIME_SCALE");
	double k = s ? atof(s) : 1.0;
	return k >= 1.0 ? k : 1.0;
}

const char *
test_tmpdir(void)
{
	static char path[4096];
	const char *base = getenv("TMPDIR");
	snprintf(path, sizeof(path), "%s/jtai-test-XXXXXX", base ? base : "/tmp");
	if (mkdtemp(path) == NULL) {
		perror("mkdtemp");
		abort();
	}
	return path;
}

void
test_write(const char *dir, const char *rel, const char *text)
{
	char *path = file_join(dir, rel);
	char *parent = file_dirname(path);
	struct diag_sink d;
	diag_init(&d);
	file_mkdirs(parent, &d);
	FILE *f = fopen(path, "w");
	if (f == NULL) {
		perror(path);
		abort();
	}
	fputs(text, f);
	fclose(f);
	diag_release(&d);
	free(parent);
	free(path);
}

char *
test_diags(const struct diag_sink *s)
{
	struct buf b;
	buf_init(&b);
	diag_format_all(s, &b);
	return buf_detach(&b);
}

void
test_fonts(struct fontset *fs)
{
	struct diag_sink d;
	diag_init(&d);
	if (fontset_load(fs, test_src("fonts/fonts.yaml"), &d) < 0) {
		char *text = test_diags(&d);
		diag_release(&d);
		cr_assert_fail("cannot load the fonts: %s", text);
	}
	diag_release(&d);
}

void
test_diags_have(const struct diag_sink *s, const char *want)
{
	char *got = test_diags(s);
	cr_assert(strstr(got, want) != NULL, "want '%s' in:\n%s", want, got);
	free(got);
}

/* render_opts.chart: the chart of r (ctx) named name, or NULL. */
static const struct scene *
find_chart(void *ctx, const char *name)
{
	const struct test_render *r = ctx;
	for (size_t i = 0; i < r->nchart; i++)
		if (strcmp(r->chart[i]->name, name) == 0)
			return r->chart[i];
	return NULL;
}

void
test_render_init(struct test_render *r)
{
	diag_init(&r->sink);
	test_fonts(&r->fonts);
	r->arena = arena_new();
	r->opts = (struct render_opts){
	    .fonts = &r->fonts, .chart = find_chart, .chart_ctx = r};
	r->nchart = 0;
}

void
test_render_release(struct test_render *r)
{
	arena_free(r->arena);
	fontset_release(&r->fonts);
	diag_release(&r->sink);
}

struct scene *
test_render_chart(struct test_render *r, const char *name, double w, double h)
{
	if (r->nchart == TEST_RENDER_CHARTS) {
		fputs("test_render_chart: too many charts\n", stderr);
		abort();
	}
	struct scene *s = scene_new(r->arena, name, w, h);
	r->chart[r->nchart++] = s;
	return s;
}

struct scene *
test_render_bars(struct test_render *r, const char *name, double w, double h)
{
	struct scene *s = test_render_chart(r, name, w, h);
	struct rgb green = {0, 0.44, 0.24}, black = {0, 0, 0};
	scene_rect(s, 100, 20, w / 2, 40, green);
	scene_line(s, 100, 10, 100, h - 10, 1, black);
	scene_text(s, 90, 45, "Health", 10, false, ANCHOR_END, black);
	scene_text(s, w / 2, 12, "Strengths", 11, true, ANCHOR_MIDDLE, black);
	return s;
}

struct doc_layout *
test_render_layout(struct test_render *r, const char *path, const char *md)
{
	struct doc_layout *dl =
	    render_layout(path, md, strlen(md), &r->opts, &r->sink);
	cr_assert_not_null(dl, "%s", test_diags(&r->sink));
	return dl;
}

void
test_render_pdf(struct test_render *r, const char *path, const char *md,
                struct buf *out)
{
	buf_init(out);
	cr_assert_eq(render_pdf(path, md, strlen(md), &r->opts, out, &r->sink),
	             0, "%s", test_diags(&r->sink));
}
