/* Benchmark of a letter's charts: for each sample, what drawing all the
 * charts its framework lists costs, in the PDF and beside it. Run on
 * demand, not under CTest:
 *
 *     bench_charts [-r runs] [source dir]
 *
 * The source dir (default $JTAI_SOURCE_DIR, else ".") holds fonts/,
 * templates/ and samples/. Each sample is ingested, merged and drafted
 * once; then, as medians of the runs, in milliseconds:
 *
 *   draw    chart_draw of every chart: the model read, text measured and
 *           wrapped, the scene built (once per letter: the PDF, the HTML
 *           and the SVG files share the scenes);
 *   replay  the scenes replayed on a libharu page by pdf_chart_draw
 *           (render/pdf_chart.h), as render/pdf.c does, the fonts
 *           already loaded, as in a letter;
 *   total   draw + replay: drawing all of a letter's charts into the PDF;
 *   file    what the charts add to writing the whole letter: pdf_write of
 *           its layout less pdf_write of the same layout with the charts
 *           taken off the pages, run by run (the replay, and then libharu
 *           copying and compressing the bytes, the glyphs subset, the
 *           tags; noisy to about 0.1 ms);
 *   svg     chart_write_svg of every chart (cairo), for comparison;
 *   png     chart_write_png of every chart at 150 dpi, for comparison. */
#include <hpdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chart/chart.h"
#include "chart/scene.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/font.h"
#include "draft/draft.h"
#include "ingest/ingest.h"
#include "ingest/model.h"
#include "merge/merge.h"
#include "render/page.h"
#include "render/pdf.h"
#include "render/pdf_chart.h"
#include "render/render.h"

#include "bench.h"

#define MAX_CHARTS 8

static const char *const samples[] = {
    "riverford-front-door", "northshire-exploitation",
    "kelsworth-domestic-abuse", "kestrelmoor-child-protection",
    "hollinsby-sif"};

struct letter {
	const struct value *model;
	const char *const *names;
	size_t n;
	const struct scene *scene[MAX_CHARTS];
};

static const struct scene *
chart_of(void *ctx, const char *name)
{
	struct letter *l = ctx;
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->names[i], name) == 0)
			return l->scene[i];
	return NULL;
}

/* Draws every chart of l into a; returns 0, or -1 with the diagnostics
 * printed. */
static int
draw_all(struct arena *a, struct letter *l, const struct fontset *fonts,
         struct diag_sink *d)
{
	for (size_t i = 0; i < l->n; i++) {
		l->scene[i] = chart_draw(a, l->names[i], l->model, fonts, d);
		if (l->scene[i] == NULL)
			return -1;
	}
	return 0;
}

/* A libharu document with the letter's two faces loaded, and a page. */
struct page {
	HPDF_Doc doc;
	HPDF_Page pg;
	HPDF_Font font[2];
};

static int
page_open(struct page *p, const struct fontset *fonts)
{
	p->doc = HPDF_New(NULL, NULL);
	if (p->doc == NULL)
		return -1;
	HPDF_SetCompressionMode(p->doc, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(p->doc);
	HPDF_SetCurrentEncoder(p->doc, "UTF-8");
	for (int r = 0; r < 2; r++) {
		const char *name = HPDF_LoadTTFontFromFile(
		    p->doc,
		    font_path(fonts->face[r ? FONT_BOLD : FONT_REGULAR]),
		    HPDF_TRUE);
		p->font[r] = name ? HPDF_GetFont(p->doc, name, "UTF-8") : NULL;
	}
	p->pg = HPDF_AddPage(p->doc);
	return p->font[0] && p->font[1] && p->pg ? 0 : -1;
}

/* What render/pdf.c does with a scene at (x0, top): pdf_chart_draw. */
static void
replay(struct page *p, const struct fontset *fonts, const struct scene *sc,
       double x0, double top)
{
	struct pg_chart c = {.scene = sc, .x = x0, .y = top, .scale = 1};
	struct pdf_chart_fonts f = {
	    {p->font[0], p->font[1]},
	    {fonts->face[FONT_REGULAR], fonts->face[FONT_BOLD]}};
	pdf_chart_draw(p->pg, &c, &f);
}

/* Times the replay of every scene of l onto a fresh page. */
static double
time_replay(const struct letter *l, const struct fontset *fonts)
{
	struct page p;
	if (page_open(&p, fonts) < 0) {
		HPDF_Free(p.doc);
		return -1;
	}
	double t0 = bench_now();
	for (size_t i = 0; i < l->n; i++)
		replay(&p, fonts, l->scene[i], 70.866, 70.866);
	double t = bench_now() - t0;
	HPDF_Free(p.doc);
	return t;
}

/* Times pdf_write of md's layout, with its charts or without them. */
static double
time_pdf(const char *md, const struct render_opts *opts, bool charts,
         struct diag_sink *d)
{
	struct doc_layout *dl =
	    render_layout("bench.md", md, strlen(md), opts, d);
	if (dl == NULL)
		return -1;
	if (!charts)
		for (size_t p = 0; p < dl->npage; p++)
			dl->page[p].nchart = 0;
	struct buf out;
	buf_init(&out);
	double t0 = bench_now();
	int rc = pdf_write(dl, opts->fonts, 0, "bench.pdf", &out, d);
	double t = bench_now() - t0;
	buf_release(&out);
	doc_layout_free(dl);
	return rc < 0 ? -1 : t;
}

struct times {
	double *draw, *replay, *pdf, *svg, *png;
};

/* Times every step of l's charts runs times; md is its letter.md. */
static int
bench_letter(struct letter *l, const char *md, const struct fontset *fonts,
             int runs, struct times *t, struct diag_sink *d)
{
	struct render_opts opts = {
	    .fonts = fonts, .chart = chart_of, .chart_ctx = l};
	int rc = -1;
	for (int r = 0; r < runs; r++) {
		struct arena *a = arena_new();
		double t0 = bench_now();
		if (draw_all(a, l, fonts, d) < 0) {
			arena_free(a);
			goto out;
		}
		t->draw[r] = bench_now() - t0;
		t->replay[r] = time_replay(l, fonts);
		double with = time_pdf(md, &opts, true, d);
		double without = time_pdf(md, &opts, false, d);
		struct buf svg, png;
		buf_init(&svg);
		buf_init(&png);
		t0 = bench_now();
		for (size_t i = 0; i < l->n; i++)
			chart_write_svg(l->scene[i], fonts, &svg, d);
		t->svg[r] = bench_now() - t0;
		t0 = bench_now();
		for (size_t i = 0; i < l->n; i++)
			chart_write_png(l->scene[i], fonts, 150, &png, d);
		t->png[r] = bench_now() - t0;
		buf_release(&svg);
		buf_release(&png);
		arena_free(a);
		if (with < 0 || without < 0 || t->replay[r] < 0 || d->errors)
			goto out;
		t->pdf[r] = with - without;
	}
	rc = 0;
out:
	return rc;
}

static void
usage(void)
{
	fputs("usage: bench_charts [-r runs] [source dir]\n", stderr);
	exit(2);
}

int
main(int argc, char **argv)
{
	int runs = 101, c;
	while ((c = getopt(argc, argv, "r:")) != -1) {
		if (c == 'r' && (runs = atoi(optarg)) > 0)
			continue;
		usage();
	}
	const char *dir =
	    optind < argc ? argv[optind] : getenv("JTAI_SOURCE_DIR");
	dir = dir ? dir : ".";
	char path[4096], templates[4096];
	snprintf(path, sizeof(path), "%s/fonts/fonts.yaml", dir);
	snprintf(templates, sizeof(templates), "%s/templates", dir);
	struct diag_sink d;
	diag_init(&d);
	struct fontset fonts = {{0}};
	if (fontset_load(&fonts, path, &d) < 0) {
		fprintf(stderr, "bench_charts: cannot load %s\n", path);
		return 1;
	}
	struct times t = {calloc((size_t)runs, sizeof(double)),
	                  calloc((size_t)runs, sizeof(double)),
	                  calloc((size_t)runs, sizeof(double)),
	                  calloc((size_t)runs, sizeof(double)),
	                  calloc((size_t)runs, sizeof(double))};
	printf("median of %d runs, ms\n", runs);
	printf("%-30s %6s %7s %7s %7s %7s %7s %7s\n", "sample", "charts",
	       "draw", "replay", "total", "file", "svg", "png");
	int rc = 0;
	for (size_t s = 0; s < sizeof(samples) / sizeof(samples[0]); s++) {
		struct arena *a = arena_new();
		snprintf(path, sizeof(path), "%s/samples/%s", dir, samples[s]);
		struct inspection *ins = ingest_load(a, path, templates, &d);
		struct value *model = ins ? merge_run(a, ins, &d) : NULL;
		struct letter l = {model, NULL, 0, {0}};
		struct buf md;
		buf_init(&md);
		if (model) {
			l.names = (const char *const *)ins->fw->charts;
			l.n = ins->fw->ncharts < MAX_CHARTS ? ins->fw->ncharts
			                                    : MAX_CHARTS;
		}
		if (model == NULL ||
		    draft_run(model, templates, &md, NULL, &d) < 0 ||
		    bench_letter(&l, buf_cstr(&md), &fonts, runs, &t, &d) < 0) {
			struct buf msg;
			buf_init(&msg);
			diag_format_all(&d, &msg);
			fprintf(stderr, "bench_charts: %s failed\n%s",
			        samples[s], buf_cstr(&msg));
			buf_release(&msg);
			buf_release(&md);
			arena_free(a);
			rc = 1;
			break;
		}
		buf_release(&md);
		double draw = bench_median(t.draw, (size_t)runs) * 1e3;
		double rep = bench_median(t.replay, (size_t)runs) * 1e3;
		printf("%-30s %6zu %7.3f %7.3f %7.3f %7.3f %7.3f %7.2f\n",
		       samples[s], l.n, draw, rep, draw + rep,
		       bench_median(t.pdf, (size_t)runs) * 1e3,
		       bench_median(t.svg, (size_t)runs) * 1e3,
		       bench_median(t.png, (size_t)runs) * 1e3);
		arena_free(a);
	}
	free(t.draw);
	free(t.replay);
	free(t.pdf);
	free(t.svg);
	free(t.png);
	fontset_release(&fonts);
	diag_release(&d);
	return rc;
}
