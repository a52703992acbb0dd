/* chart/: every chart's scene read back as geometry (bars to scale, labels
 * inside the chart and apart), its alt text and data table, every shape of
 * data (no findings, one agency, twelve, long names, large counts, no
 * cases, ungraded, unannounced), the model errors located, the charts of
 * every sample, and the cairo backend's SVG and PNG bytes. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart/chart.h"
#include "chart/fill.h"
#include "chart/scene.h"
#include "chart/svgdata.h"
#include "chart/svgid.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/font.h"
#include "core/value.h"
#include "ingest/ingest.h"
#include "ingest/model.h"
#include "merge/merge.h"
#include "testutil.h"

#define CHART "findings-by-agency"
#define WIDTH 453.5

static struct arena *arena;
static struct diag_sink sink;
static struct fontset fonts;

static void
setup(void)
{
	arena = arena_new();
	diag_init(&sink);
	test_fonts(&fonts);
}

static void
teardown(void)
{
	fontset_release(&fonts);
	diag_release(&sink);
	arena_free(arena);
}

TestSuite(chart, .init = setup, .fini = teardown);

/* Model building */

static struct value *
model_new(const char *area)
{
	struct value *root = value_new(arena, VALUE_MAP);
	if (area) {
		struct value *a = value_new(arena, VALUE_MAP);
		value_put_str(arena, a, "name", area);
		value_put(arena, root, "area", a);
	}
	value_put(arena, root, "agencies", value_new(arena, VALUE_SEQ));
	return root;
}

static struct value *
agencies(struct value *root)
{
	return (struct value *)value_get(root, "agencies");
}

static void
add_agency(struct value *root, const char *name, long s, long i)
{
	struct value *m = value_new(arena, VALUE_MAP);
	value_put_str(arena, m, "id", "agency");
	value_put_str(arena, m, "name", name);
	value_put_int(arena, m, "strengths", s);
	value_put_int(arena, m, "improvements", i);
	value_push(arena, agencies(root), m);
}

static struct scene *
draw(const struct value *root)
{
	struct scene *s = chart_draw(arena, CHART, root, &fonts, &sink);
	cr_assert_not_null(s, "%s", test_diags(&sink));
	cr_assert_eq(sink.errors, 0);
	return s;
}

/* Reading the scene back */

static bool
same_color(struct rgb a, struct rgb b)
{
	return fabs(a.r - b.r) < 1e-6 && fabs(a.g - b.g) < 1e-6 &&
	       fabs(a.b - b.b) < 1e-6;
}

static const struct rgb blue = {0x00 / 255.0, 0x72 / 255.0, 0xb2 / 255.0};
static const struct rgb vermillion = {0xd5 / 255.0, 0x5e / 255.0, 0.0};
static const struct rgb white = {1, 1, 1};

struct box {
	double x0, y0, x1, y1;
};

static struct box
bbox(const struct scene_op *op)
{
	struct box b = {INFINITY, INFINITY, -INFINITY, -INFINITY};
	for (size_t i = 0; i < op->nsegs; i++) {
		int k = op->segs[i].kind == SEG_CURVE ? 3 : 1;
		if (op->segs[i].kind == SEG_CLOSE)
			continue;
		for (int j = 0; j < k; j++) {
			b.x0 = fmin(b.x0, op->segs[i].x[j]);
			b.x1 = fmax(b.x1, op->segs[i].x[j]);
			b.y0 = fmin(b.y0, op->segs[i].y[j]);
			b.y1 = fmax(b.y1, op->segs[i].y[j]);
		}
	}
	return b;
}

/* The centre axis: the dark vertical line. */
static double
axis_x(const struct scene *s)
{
	for (size_t i = 0; i < s->n; i++) {
		const struct scene_op *op = &s->ops[i];
		if (op->kind == OP_STROKE && op->nsegs == 2 &&
		    op->color.r < 0.1 && op->segs[0].x[0] == op->segs[1].x[0])
			return op->segs[0].x[0];
	}
	cr_assert_fail("no centre axis");
	return 0;
}

/* The bars of one series, top to bottom: fills of color that start (right)
 * or end (left) at the axis. */
static size_t
bars(const struct scene *s, struct rgb color, bool right, struct box *out,
     size_t max)
{
	double ax = axis_x(s);
	size_t n = 0;
	for (size_t i = 0; i < s->n; i++) {
		const struct scene_op *op = &s->ops[i];
		if (op->kind != OP_FILL || !same_color(op->color, color))
			continue;
		struct box b = bbox(op);
		if (fabs((right ? b.x0 : b.x1) - ax) > 1e-9)
			continue;
		cr_assert_lt(n, max);
		out[n++] = b;
	}
	return n;
}

static const struct scene_op *
find_text_at(const struct scene *s, const char *text, int anchor)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->ops[i].kind == OP_TEXT &&
		    !strcmp(s->ops[i].text, text) &&
		    (anchor < 0 || (int)s->ops[i].anchor == anchor))
			return &s->ops[i];
	return NULL;
}

static const struct scene_op *
find_text(const struct scene *s, const char *text)
{
	return find_text_at(s, text, -1);
}

/* Row labels: regular text starting at the left edge. */
static size_t
labels(const struct scene *s, const struct scene_op **out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < s->n; i++) {
		const struct scene_op *op = &s->ops[i];
		if (op->kind == OP_TEXT && !op->bold && op->x == 0 &&
		    op->anchor == ANCHOR_START) {
			cr_assert_lt(n, max);
			out[n++] = op;
		}
	}
	return n;
}

/* The box a text run's letters take: its advance, from the cap height
 * (accents aside) to the descender. */
static struct box
text_box(const struct scene_op *op)
{
	double w = font_width(fonts.face[op->bold], op->text, strlen(op->text),
	                      op->size);
	double x0 = op->anchor == ANCHOR_START    ? op->x
	            : op->anchor == ANCHOR_MIDDLE ? op->x - w / 2
	                                          : op->x - w;
	return (struct box){x0, op->y - 0.72 * op->size, x0 + w,
	                    op->y + 0.21 * op->size};
}

static bool
overlap(struct box a, struct box b)
{
	return a.x0 < b.x1 - 0.01 && b.x0 < a.x1 - 0.01 && a.y0 < b.y1 - 0.01 &&
	       b.y0 < a.y1 - 0.01;
}

/* Everything inside the chart, text in the chart's two sizes, and no two
 * text runs on top of each other: legible and uncluttered, as far as a
 * test can tell. */
static void
assert_inside(const struct scene *s)
{
	for (size_t i = 0; i < s->n; i++) {
		const struct scene_op *op = &s->ops[i];
		if (op->kind == OP_TEXT) {
			struct box t = text_box(op);
			cr_assert(op->y > 0 && op->y < s->height, "%s",
			          op->text);
			cr_assert(t.x0 >= 0 && t.x1 <= s->width + 1e-9, "%s",
			          op->text);
			cr_assert(op->size >= 9 && op->size <= 10);
			for (size_t j = 0; j < i; j++)
				if (s->ops[j].kind == OP_TEXT)
					cr_assert(
					    !overlap(t, text_box(&s->ops[j])),
					    "'%s' on '%s'", op->text,
					    s->ops[j].text);
			continue;
		}
		struct box b = bbox(op);
		cr_assert(b.x0 >= 0 && b.x1 <= s->width && b.y0 >= 0 &&
		          b.y1 <= s->height);
	}
	cr_assert_not_null(s->alt);
	cr_assert_gt(strlen(s->alt), 10);
}

/* Geometry */

Test(chart, names)
{
	static const char *const want[] = {CHART, "case-audit", "judgements",
	                                   "timeline"};
	for (size_t i = 0; i < 4; i++)
		cr_assert_str_eq(chart_names[i], want[i]);
	cr_assert_null(chart_names[4]);
}

Test(chart, bars_to_scale)
{
	struct value *m = model_new("Northshire");
	add_agency(m, "Northshire children's social care", 5, 3);
	add_agency(m, "Northshire Police", 2, 4);
	add_agency(m, "schools", 0, 0);
	add_agency(m, "health services in Northshire", 1, 0);
	struct scene *s = draw(m);
	cr_assert_str_eq(s->name, CHART);
	cr_assert_float_eq(s->width, WIDTH, 1e-9);
	assert_inside(s);

	struct box sb[8], ib[8];
	size_t ns = bars(s, blue, true, sb, 8);
	size_t ni = bars(s, vermillion, false, ib, 8);
	cr_assert_eq(ns, 3); /* schools has none */
	cr_assert_eq(ni, 2);
	long sc[] = {5, 2, 1}, ic[] = {3, 4};
	double k = (sb[0].x1 - sb[0].x0) / 5;
	cr_assert_gt(k, 0);
	for (size_t i = 0; i < ns; i++) {
		cr_assert_float_eq(sb[i].x1 - sb[i].x0, sc[i] * k, 1e-9);
		if (i)
			cr_assert_gt(sb[i].y0, sb[i - 1].y1);
	}
	for (size_t i = 0; i < ni; i++) /* same scale on both sides */
		cr_assert_float_eq(ib[i].x1 - ib[i].x0, ic[i] * k, 1e-9);
	cr_assert_float_eq(sb[0].y0, ib[0].y0, 1e-9); /* a row shares a line */
	cr_assert_float_eq(sb[1].y0, ib[1].y0, 1e-9);

	/* Counts beside the bars, and the improvement series hatched white
	 * so that it differs from the other by more than colour. */
	const struct scene_op *five = find_text_at(s, "5", ANCHOR_START);
	const struct scene_op *three = find_text_at(s, "3", ANCHOR_END);
	cr_assert_not_null(five);
	cr_assert_not_null(three);
	cr_assert_gt(five->x, sb[0].x1);
	cr_assert_lt(three->x, ib[0].x0);
	cr_assert_gt(five->y, sb[0].y0);
	cr_assert_lt(five->y, sb[0].y1);
	bool hatched = false;
	for (size_t i = 0; i < s->n; i++)
		if (s->ops[i].kind == OP_STROKE &&
		    same_color(s->ops[i].color, white)) {
			struct box b = bbox(&s->ops[i]);
			hatched |= b.x0 >= ib[0].x0 - 1e-9 &&
			           b.x1 <= ib[0].x1 + 1e-9 &&
			           b.y0 >= ib[0].y0 - 1e-9 &&
			           b.y1 <= ib[0].y1 + 1e-9;
		}
	cr_assert(hatched);
	cr_assert_not_null(find_text(s, "Areas for improvement"));
	cr_assert_not_null(find_text(s, "Strengths"));
}

Test(chart, integer_ticks)
{
	struct value *m = model_new(NULL);
	add_agency(m, "Police", 7, 13);
	struct scene *s = draw(m);
	double ax = axis_x(s);
	double prev = -INFINITY, spacing = 0;
	int nticks = 0;
	for (size_t i = 0; i < s->n; i++) {
		const struct scene_op *op = &s->ops[i];
		if (op->kind != OP_TEXT || op->anchor != ANCHOR_MIDDLE ||
		    !strcmp(op->text, "Number of findings"))
			continue;
		char *end;
		long v = strtol(op->text, &end, 10);
		cr_assert_eq(*end, '\0', "tick '%s'", op->text);
		cr_assert_geq(v, 0);
		if (nticks > 1)
			cr_assert_float_eq(op->x - prev, spacing, 1e-9);
		if (nticks > 0)
			spacing = op->x - prev;
		if (op->x == ax)
			cr_assert_eq(v, 0);
		prev = op->x;
		nticks++;
	}
	cr_assert_geq(nticks, 3);
	cr_assert_leq(nticks, 11);
	/* The longest bar does not pass the last tick. */
	struct box ib[1];
	cr_assert_eq(bars(s, vermillion, false, ib, 1), 1);
	cr_assert_gt(ib[0].x0, ax - (prev - ax) - 1e-9);
}

Test(chart, alt_text)
{
	struct value *m = model_new("Northshire");
	add_agency(m, "Northshire Police", 2, 4);
	add_agency(m, "Northshire Youth Justice Service", 1, 1);
	struct scene *s = draw(m);
	cr_assert_str_eq(s->alt,
	                 "Strengths and areas for improvement by agency in "
	                 "Northshire. Northshire Police: 2 strengths, 4 areas "
	                 "for improvement; Northshire Youth Justice Service: 1 "
	                 "strength, 1 area for improvement.");
}

Test(chart, no_agencies)
{
	struct scene *s = draw(model_new("Northshire"));
	cr_assert_not_null(strstr(s->alt, "no agencies"));
	cr_assert_gt(s->height, 10);
	cr_assert_lt(s->height, 60);
	assert_inside(s);
	for (size_t i = 0; i < s->n; i++)
		cr_assert_neq(s->ops[i].kind, OP_FILL);
	struct buf out;
	buf_init(&out);
	cr_assert_eq(chart_write_svg(s, &fonts, &out, &sink), 0);
	cr_assert_eq(chart_write_png(s, &fonts, 96, &out, &sink), 0);
	buf_release(&out);
}

Test(chart, one_agency_without_findings)
{
	struct value *m = model_new(NULL);
	add_agency(m, "Northshire Police", 0, 0);
	struct scene *s = draw(m);
	assert_inside(s);
	struct box b[2];
	cr_assert_eq(bars(s, blue, true, b, 2), 0);
	cr_assert_eq(bars(s, vermillion, false, b, 2), 0);
	cr_assert_not_null(find_text(s, "0"));
	cr_assert_not_null(strstr(s->alt, "Northshire Police: 0 strengths, 0 "
	                                  "areas for improvement."));
}

Test(chart, twelve_agencies)
{
	struct value *m = model_new("Northshire");
	for (int i = 0; i < 12; i++) {
		char name[64];
		snprintf(name, sizeof(name), "Agency %d", i + 1);
		add_agency(m, name, i + 1, 12 - i);
	}
	struct scene *s = draw(m);
	assert_inside(s);
	struct box sb[12], ib[12];
	cr_assert_eq(bars(s, blue, true, sb, 12), 12);
	cr_assert_eq(bars(s, vermillion, false, ib, 12), 12);
	for (int i = 1; i < 12; i++)
		cr_assert_gt(sb[i].y0, sb[i - 1].y1 + 4);
	cr_assert_float_eq((sb[11].x1 - sb[11].x0) / 12,
	                   (ib[0].x1 - ib[0].x0) / 12, 1e-9);
	cr_assert_lt(s->height, 842 - 2 * 70.9); /* fits an A4 text block */
}

Test(chart, large_counts)
{
	struct value *m = model_new(NULL);
	add_agency(m, "Police", 123456, 98765);
	add_agency(m, "Health", 1, 0);
	struct scene *s = draw(m);
	assert_inside(s);
	cr_assert_not_null(find_text(s, "123,456"));
	cr_assert_not_null(strstr(s->alt, "Police: 123,456 strengths, 98,765"));
	struct box sb[2];
	cr_assert_eq(bars(s, blue, true, sb, 2), 2);
	cr_assert_float_eq((sb[0].x1 - sb[0].x0) / 123456, sb[1].x1 - sb[1].x0,
	                   1e-9);
}

Test(chart, long_names_wrap)
{
	static const char *const names[] = {
	    "Northshire Clinical Commissioning Group and the health services "
	    "commissioned in the area",
	    "Police",
	    "Averyveryveryveryveryveryveryveryveryveryveryveryverylongword "
	    "and more",
	};
	struct value *m = model_new(NULL);
	for (size_t i = 0; i < 3; i++)
		add_agency(m, names[i], (long)i + 1, 2);
	struct scene *s = draw(m);
	assert_inside(s);

	/* Everything but the row labels starts right of the label column. */
	double plot = INFINITY;
	for (size_t i = 0; i < s->n; i++)
		if (s->ops[i].kind != OP_TEXT)
			plot = fmin(plot, bbox(&s->ops[i]).x0);
	const struct scene_op *ls[32];
	size_t n = labels(s, ls, 32);
	cr_assert_geq(n, 6);
	struct buf joined;
	buf_init(&joined);
	for (size_t i = 0; i < n; i++) {
		double w = font_width(fonts.face[FONT_REGULAR], ls[i]->text,
		                      strlen(ls[i]->text), ls[i]->size);
		cr_assert_leq(w, 0.32 * WIDTH + 1e-9, "%s", ls[i]->text);
		cr_assert_lt(w, plot, "%s", ls[i]->text);
		if (i)
			cr_assert_geq(ls[i]->y - ls[i - 1]->y,
			              ls[i]->size * 1.1);
		for (const char *p = ls[i]->text; *p; p++)
			if (*p != ' ')
				buf_putc(&joined, *p);
	}
	/* Never cut: every character of every name is on some line. */
	struct buf want;
	buf_init(&want);
	for (size_t i = 0; i < 3; i++)
		for (const char *p = names[i]; *p; p++)
			if (*p != ' ')
				buf_putc(&want, *p);
	cr_assert_str_eq(buf_cstr(&joined), buf_cstr(&want));
	buf_release(&joined);
	buf_release(&want);
}

/* Errors */

Test(chart, unknown_chart)
{
	struct scene *s = chart_draw(arena, "findings-by-agencies",
	                             model_new(NULL), &fonts, &sink);
	cr_assert_null(s);
	char *msg = test_diags(&sink);
	cr_assert_not_null(strstr(msg, "unknown chart 'findings-by-agencies'"),
	                   "%s", msg);
	cr_assert_not_null(strstr(msg, "did you mean 'findings-by-agency'?"));
	free(msg);
}

static char *
draw_error(const struct value *root)
{
	cr_assert_null(chart_draw_from(arena, CHART, "out/merged.yaml", root,
	                               &fonts, &sink));
	cr_assert_gt(sink.errors, 0);
	return test_diags(&sink);
}

Test(chart, agencies_missing)
{
	struct value *root = value_new(arena, VALUE_MAP);
	root->line = root->col = 1;
	char *msg = draw_error(root);
	cr_assert_str_eq(msg, "out/merged.yaml:1:1: error: 'agencies' is "
	                      "missing from the merged model\n");
	free(msg);
}

Test(chart, agencies_not_a_list)
{
	struct value *root = value_new(arena, VALUE_MAP);
	struct value *v = value_new_str(arena, "police");
	v->line = 3, v->col = 11;
	value_put(arena, root, "agencies", v);
	char *msg = draw_error(root);
	cr_assert_not_null(strstr(msg, "out/merged.yaml:3:11: error: "
	                               "'agencies' must be a list"),
	                   "%s", msg);
	free(msg);
}

Test(chart, bad_counts_located)
{
	struct value *m = model_new(NULL);
	struct value *a = value_new(arena, VALUE_MAP);
	a->line = 4, a->col = 5;
	value_put_str(arena, a, "name", "Police");
	struct value *bad = value_new_str(arena, "many");
	bad->line = 6, bad->col = 18;
	value_put(arena, a, "strengths", bad);
	value_push(arena, agencies(m), a);
	char *msg = draw_error(m);
	cr_assert_not_null(strstr(msg, "out/merged.yaml:6:18: error: "
	                               "'strengths' of agency 'Police' must be "
	                               "a whole number, not 'many'"),
	                   "%s", msg);
	cr_assert_not_null(strstr(msg, "out/merged.yaml:4:5: error: agency "
	                               "'Police' has no 'improvements' count"));
	free(msg);
}

Test(chart, counts_as_strings)
{
	/* merged.yaml loaded back holds its numbers as strings. */
	struct value *m = model_new(NULL);
	struct value *a = value_new(arena, VALUE_MAP);
	value_put_str(arena, a, "name", "Police");
	value_put_str(arena, a, "strengths", "3");
	value_put_str(arena, a, "improvements", "0");
	value_push(arena, agencies(m), a);
	struct scene *s = draw(m);
	cr_assert_not_null(strstr(s->alt, "Police: 3 strengths, 0 areas"));
}

/* case-audit */

#define CASES "case-audit"

static const char *const grades4[] = {"outstanding", "good",
                                      "requires-improvement", "inadequate"};

/* A model with the cases counts and the given agencies' ratings (n counts
 * of grades4 each). */
static struct value *
cases_model(const char *area, long tracked, long sampled)
{
	struct value *root = model_new(area);
	struct value *c = value_new(arena, VALUE_MAP);
	value_put_int(arena, c, "total", tracked + sampled);
	value_put_bool(arena, c, "any", tracked + sampled > 0);
	value_put_int(arena, c, "tracked", tracked);
	value_put_int(arena, c, "sampled", sampled);
	value_put(arena, c, "practice", value_new(arena, VALUE_SEQ));
	value_put(arena, root, "cases", c);
	return root;
}

static void
add_rated(struct value *root, const char *id, const char *name,
          const long counts[4])
{
	struct value *ag = value_new(arena, VALUE_MAP);
	value_put_str(arena, ag, "id", id);
	value_put_str(arena, ag, "name", name);
	value_put_int(arena, ag, "strengths", 0);
	value_put_int(arena, ag, "improvements", 0);
	value_push(arena, agencies(root), ag);
	struct value *m = value_new(arena, VALUE_MAP), *r;
	r = value_new(arena, VALUE_MAP);
	long rated = 0;
	for (size_t g = 0; g < 4; g++) {
		value_put_int(arena, r, grades4[g], counts[g]);
		rated += counts[g];
	}
	value_put_str(arena, m, "agency", id);
	value_put_int(arena, m, "rated", rated);
	value_put(arena, m, "ratings", r);
	value_push(arena, (struct value *)value_path(root, "cases.practice"),
	           m);
}

static struct scene *
draw_chart(const char *name, const struct value *root)
{
	struct scene *s = chart_draw(arena, name, root, &fonts, &sink);
	cr_assert_not_null(s, "%s", test_diags(&sink));
	cr_assert_eq(sink.errors, 0, "%s", test_diags(&sink));
	cr_assert_str_eq(s->name, name);
	cr_assert_float_eq(s->width, WIDTH, 1e-9);
	assert_inside(s);
	return s;
}

/* The fills of a scene in the colour of fill (its first rectangle when
 * hatched), top to bottom, left to right as drawn. */
static size_t
fills(const struct scene *s, struct rgb color, double min_w, struct box *out,
      size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < s->n; i++) {
		const struct scene_op *op = &s->ops[i];
		if (op->kind != OP_FILL || !same_color(op->color, color) ||
		    op->nsegs != 5)
			continue;
		struct box b = bbox(op);
		if (b.x1 - b.x0 < min_w || b.y1 - b.y0 < 11) /* not a swatch */
			continue;
		cr_assert_lt(n, max);
		out[n++] = b;
	}
	return n;
}

static const struct rgb sky = {0x56 / 255.0, 0xb4 / 255.0, 0xe9 / 255.0};
static const struct rgb orange = {0xe6 / 255.0, 0x9f / 255.0, 0.0};

Test(chart, cases_to_scale)
{
	struct value *m = cases_model("Riverford", 5, 4);
	add_rated(m, "csc", "Riverford children's social care",
	          (long[]){0, 5, 3, 1});
	add_rated(m, "police", "Westmarch Constabulary", (long[]){1, 4, 2, 0});
	struct scene *s = draw_chart(CASES, m);
	struct box good[4], ri[4], out[4];
	cr_assert_eq(fills(s, sky, 0, good, 4), 2);
	cr_assert_eq(fills(s, orange, 0, ri, 4), 2);
	cr_assert_eq(fills(s, blue, 0, out, 4), 1);
	double k = (good[0].x1 - good[0].x0) / 5;
	cr_assert_gt(k, 10);
	/* Every segment count * k long, the grades left to right from the
	 * best, each row's bar starting at one axis. */
	cr_assert_float_eq(good[1].x1 - good[1].x0, 4 * k, 1e-9);
	cr_assert_float_eq(ri[0].x1 - ri[0].x0, 3 * k, 1e-9);
	cr_assert_float_eq(ri[1].x1 - ri[1].x0, 2 * k, 1e-9);
	cr_assert_float_eq(out[0].x1 - out[0].x0, k, 1e-9);
	cr_assert_float_eq(good[0].x0, out[0].x0, 1e-9);
	cr_assert_float_eq(out[0].x1, good[1].x0, 1e-9);
	cr_assert_float_eq(good[0].x1, ri[0].x0, 1e-9);
	cr_assert_gt(good[1].y0, good[0].y1);
	/* Counts in the segments, the total after the bar in bold. */
	const struct scene_op *nine = find_text(s, "9");
	cr_assert_not_null(nine);
	cr_assert(nine->bold);
	cr_assert_gt(nine->x, good[0].x0 + 9 * k);
	const struct scene_op *five = find_text_at(s, "5", ANCHOR_MIDDLE);
	cr_assert_not_null(five);
	cr_assert_float_eq(five->x, (good[0].x0 + good[0].x1) / 2, 1e-9);
	/* The legend names every grade. */
	cr_assert_not_null(find_text(s, "Outstanding"));
	cr_assert_not_null(find_text(s, "Requires improvement"));
	cr_assert_not_null(find_text(s, "Inadequate"));
	cr_assert_str_eq(
	    s->alt, "Practice ratings by agency in the cases tracked and "
	            "sampled in Riverford (5 tracked, 4 sampled). Riverford "
	            "children's social care: 9 cases rated, 5 good, 3 "
	            "requires improvement, 1 inadequate; Westmarch "
	            "Constabulary: 7 cases rated, 1 outstanding, 4 good, 2 "
	            "requires improvement.");
	/* The data: every grade, zeros included, and the total. */
	cr_assert_eq(s->data.ncols, 6);
	cr_assert_eq(s->data.nrows, 2);
	cr_assert_str_eq(s->data.head[3], "Requires improvement");
	cr_assert_str_eq(s->data.cells[1], "0");
	cr_assert_str_eq(s->data.cells[5], "9");
	cr_assert_eq(s->data.numeric, 0x3eu);
}

Test(chart, cases_none)
{
	struct value *m = cases_model("Riverford", 0, 0);
	add_rated(m, "csc", "Children's social care", (long[]){0, 0, 0, 0});
	struct scene *s = draw_chart(CASES, m);
	cr_assert_lt(s->height, 60);
	for (size_t i = 0; i < s->n; i++)
		cr_assert_neq(s->ops[i].kind, OP_FILL);
	cr_assert_not_null(
	    find_text(s, "No children's cases were tracked or sampled."));
	cr_assert_not_null(strstr(s->alt, "no cases were tracked or sampled"));
	cr_assert_eq(s->data.nrows, 0);
	struct buf out;
	buf_init(&out);
	cr_assert_eq(chart_write_svg(s, &fonts, &out, &sink), 0);
	cr_assert_null(strstr(buf_cstr(&out), "<metadata>"));
	cr_assert_eq(chart_write_png(s, &fonts, 72, &out, &sink), 0);
	buf_release(&out);
}

Test(chart, cases_agency_with_none_rated)
{
	struct value *m = cases_model("Riverford", 3, 0);
	add_rated(m, "csc", "Children's social care", (long[]){0, 2, 1, 0});
	add_rated(m, "schools", "Schools", (long[]){0, 0, 0, 0});
	struct scene *s = draw_chart(CASES, m);
	const struct scene_op *none = find_text(s, "no cases rated");
	cr_assert_not_null(none);
	cr_assert_not_null(strstr(s->alt, "in the cases tracked in Riverford"));
	cr_assert_not_null(strstr(s->alt, "Schools: no cases rated."));
	struct box good[2];
	cr_assert_eq(fills(s, sky, 0, good, 2), 1);
	cr_assert_lt(good[0].y1, none->y);
}

Test(chart, cases_twelve_agencies_long_names_large_counts)
{
	struct value *m = cases_model("Riverford", 123456, 7);
	for (int i = 0; i < 12; i++) {
		char id[16], name[160];
		snprintf(id, sizeof(id), "a%d", i);
		snprintf(name, sizeof(name),
		         i == 3 ? "Northshire Clinical Commissioning Group and "
		                  "the health services commissioned in the "
		                  "area, %d"
		                : "Agency %d",
		         i);
		long big = i == 0 ? 98765 : i;
		add_rated(m, id, name, (long[]){big, i, i % 3, 1});
	}
	struct scene *s = draw_chart(CASES, m);
	cr_assert_lt(s->height, 842 - 2 * 70.9);
	cr_assert_not_null(find_text(s, "98,765"));
	cr_assert_not_null(find_text(s, "98,766")); /* the first total */
	struct box out[12];
	cr_assert_eq(fills(s, blue, 0, out, 12), 12);
	double k = (out[0].x1 - out[0].x0) / 98765;
	for (int i = 1; i < 12; i++)
		cr_assert_float_eq(out[i].x1 - out[i].x0, i * k, 1e-9);
	/* The long name wraps within the label column, every word kept. */
	struct buf joined;
	buf_init(&joined);
	const struct scene_op *ls[64];
	size_t n = labels(s, ls, 64);
	for (size_t i = 0; i < n; i++) {
		cr_assert_lt(text_box(ls[i]).x1, out[0].x0);
		buf_printf(&joined, "%s ", ls[i]->text);
	}
	cr_assert_not_null(strstr(buf_cstr(&joined),
	                          "the health services commissioned in the "
	                          "area, 3"));
	buf_release(&joined);
}

Test(chart, cases_grade_titles_and_scale_from_the_model)
{
	/* A graded framework's scale (multi-agency-2013's) and its titles. */
	struct value *m = cases_model("Riverford", 2, 0);
	struct value *ag = value_new(arena, VALUE_MAP);
	value_put_str(arena, ag, "id", "csc");
	value_put_str(arena, ag, "name", "Children's social care");
	value_push(arena, agencies(m), ag);
	struct value *p = value_new(arena, VALUE_MAP);
	struct value *r = value_new(arena, VALUE_MAP);
	value_put_int(arena, r, "outstanding", 0);
	value_put_int(arena, r, "good", 1);
	value_put_int(arena, r, "adequate", 1);
	value_put_int(arena, r, "inadequate", 0);
	value_put_str(arena, p, "agency", "csc");
	value_put(arena, p, "ratings", r);
	value_push(arena, (struct value *)value_path(m, "cases.practice"), p);
	struct value *j = value_new(arena, VALUE_MAP), *items;
	items = value_new(arena, VALUE_SEQ);
	struct value *it = value_new(arena, VALUE_MAP);
	value_put_str(arena, it, "grade", "adequate");
	value_put_str(arena, it, "grade_title", "Adequate (as judged)");
	value_push(arena, items, it);
	value_put(arena, j, "items", items);
	value_put(arena, m, "judgements", j);
	struct scene *s = draw_chart(CASES, m);
	cr_assert_not_null(find_text(s, "Adequate (as judged)"));
	cr_assert_not_null(strstr(s->alt, "1 good, 1 adequate (as judged)"));
}

Test(chart, cases_errors_located)
{
	struct value *m = cases_model("Riverford", 1, 0);
	struct value *p = value_new(arena, VALUE_MAP);
	value_put_str(arena, p, "agency", "csc");
	struct value *r = value_new(arena, VALUE_MAP);
	struct value *bad = value_new_str(arena, "lots");
	bad->line = 9, bad->col = 13;
	value_put(arena, r, "good", bad);
	value_put(arena, p, "ratings", r);
	value_push(arena, (struct value *)value_path(m, "cases.practice"), p);
	cr_assert_null(
	    chart_draw_from(arena, CASES, "out/merged.yaml", m, &fonts, &sink));
	char *msg = test_diags(&sink);
	cr_assert_not_null(strstr(msg, "out/merged.yaml:9:13: error: 'good' of "
	                               "the ratings of agency 'csc' must be a "
	                               "whole number, not 'lots'"),
	                   "%s", msg);
	free(msg);
	struct value *root = value_new(arena, VALUE_MAP);
	root->line = 1, root->col = 1;
	cr_assert_null(
	    chart_draw_from(arena, CASES, "m.yaml", root, &fonts, &sink));
	msg = test_diags(&sink);
	cr_assert_not_null(strstr(msg, "m.yaml:1:1: error: 'cases' is missing "
	                               "from the merged model"),
	                   "%s", msg);
	free(msg);
}

/* judgements */

#define GRADES "judgements"

static struct value *
judgement(const char *id, const char *title, const char *grade,
          const char *grade_title, bool sub, bool limiting)
{
	struct value *m = value_new(arena, VALUE_MAP);
	value_put_str(arena, m, "id", id);
	value_put_str(arena, m, "title", title);
	value_put_bool(arena, m, "key", !sub);
	value_put_bool(arena, m, "sub", sub);
	if (grade) {
		value_put_str(arena, m, "grade", grade);
		value_put_str(arena, m, "grade_title", grade_title);
	} else {
		value_put(arena, m, "grade", value_new(arena, VALUE_NULL));
	}
	value_put_bool(arena, m, "limiting", limiting);
	return m;
}

/* The SIF's judgements of the hollinsby sample, its scale from the case
 * ratings (one agency, no case) when with_scale. */
static struct value *
grades_model(bool with_scale)
{
	struct value *m = with_scale ? cases_model("Hollinsby", 0, 0)
	                             : model_new("Hollinsby");
	if (with_scale)
		add_rated(m, "csc", "Children's social care",
		          (long[]){0, 0, 0, 0});
	struct value *j = value_new(arena, VALUE_MAP);
	value_put_bool(arena, j, "graded", true);
	struct value *o = judgement("overall", "Overall effectiveness",
	                            "inadequate", "Inadequate", false, false);
	value_put_bool(arena, o, "limited", true);
	value_put(arena, j, "overall", o);
	struct value *items = value_new(arena, VALUE_SEQ);
	value_push(arena, items,
	           judgement("help", "Children who need help and protection",
	                     "inadequate", "Inadequate", false, true));
	value_push(arena, items,
	           judgement("looked-after",
	                     "Children looked after and achieving permanence",
	                     "requires-improvement",
	                     "Requires improvement to be good", false, false));
	value_push(arena, items,
	           judgement("adoption", "Adoption performance", "good", "Good",
	                     true, false));
	value_put(arena, j, "items", items);
	value_put(arena, m, "judgements", j);
	return m;
}

/* The filled cell of the row whose label is title: the fill right of the
 * label with the row's height. */
static const struct scene_op *
label_op(const struct scene *s, const char *title)
{
	const struct scene_op *op = find_text(s, title);
	cr_assert_not_null(op, "no label '%s'", title);
	return op;
}

static struct box
cell_of(const struct scene *s, const char *title, struct rgb color)
{
	const struct scene_op *l = label_op(s, title);
	for (size_t i = 0; i < s->n; i++) {
		const struct scene_op *op = &s->ops[i];
		if (op->kind != OP_FILL || !same_color(op->color, color))
			continue;
		struct box b = bbox(op);
		if (b.y0 < l->y && b.y1 > l->y - 9 && b.x1 - b.x0 > 20)
			return b;
	}
	cr_assert_fail("no cell for '%s'", title);
	return (struct box){0};
}

static double
header_x(const struct scene *s, const char *grade)
{
	const struct scene_op *op = find_text_at(s, grade, ANCHOR_MIDDLE);
	cr_assert_not_null(op, "no header '%s'", grade);
	return op->x;
}

Test(chart, judgements_on_the_scale)
{
	struct scene *s = draw_chart(GRADES, grades_model(true));
	const struct rgb vermillion_ = vermillion;
	struct box over = cell_of(s, "Overall effectiveness", vermillion_);
	struct box help = cell_of(s, "Children who need help and", vermillion_);
	struct box good = cell_of(s, "Adoption performance", sky);
	/* Each grade in its column, under the header that names it. */
	double xi = header_x(s, "Inadequate"), xg = header_x(s, "Good");
	cr_assert_float_eq((over.x0 + over.x1) / 2, xi, 1e-9);
	cr_assert_float_eq((help.x0 + help.x1) / 2, xi, 1e-9);
	cr_assert_float_eq((good.x0 + good.x1) / 2, xg, 1e-9);
	cr_assert_lt(header_x(s, "Outstanding"), xg);
	cr_assert_lt(xg, xi);
	cr_assert_not_null(find_text(s, "improvement")); /* wrapped header */
	/* The overall first and bold; the limiting judgement outlined and
	 * marked, the overall not. */
	const struct scene_op *o = label_op(s, "Overall effectiveness");
	cr_assert(o->bold);
	cr_assert_lt(o->y, label_op(s, "Children who need help and")->y);
	const struct scene_op *mark = find_text(s, "Limiting");
	cr_assert_not_null(mark);
	cr_assert(mark->bold);
	cr_assert_gt(mark->x, help.x1);
	cr_assert_gt(mark->y, help.y0);
	cr_assert_lt(mark->y, help.y1 + 3);
	size_t outlines = 0;
	for (size_t i = 0; i < s->n; i++)
		if (s->ops[i].kind == OP_STROKE && s->ops[i].line_width > 1 &&
		    s->ops[i].color.r < 0.1) {
			struct box b = bbox(&s->ops[i]);
			cr_assert(b.x0 < help.x0 && b.x1 > help.x1 &&
			          b.y0 < help.y0 && b.y1 > help.y1);
			outlines++;
		}
	cr_assert_eq(outlines, 1);
	/* A sub-judgement is indented. */
	cr_assert_gt(label_op(s, "Adoption performance")->x, o->x);
	cr_assert_str_eq(
	    s->alt,
	    "Judgements in Hollinsby, each on a scale of 4 grades from "
	    "outstanding to inadequate. Overall effectiveness: inadequate, set "
	    "by the limiting judgement. Children who need help and protection: "
	    "inadequate (the limiting judgement); Children looked after and "
	    "achieving permanence: requires improvement to be good; Adoption "
	    "performance: good.");
	cr_assert_eq(s->data.nrows, 4);
	cr_assert_str_eq(s->data.cells[1 * 3 + 2],
	                 "Yes, limits overall effectiveness");
}

Test(chart, judgements_scale_without_cases)
{
	/* No agency to read the scale from: the grades used, in order. */
	struct scene *s = draw_chart(GRADES, grades_model(false));
	double a = header_x(s, "Good"), b = header_x(s, "Inadequate");
	cr_assert_lt(a, b);
	cr_assert_null(find_text(s, "Outstanding"));
}

Test(chart, judgements_not_graded_and_long_titles)
{
	struct value *m = grades_model(true);
	struct value *items = (struct value *)value_path(m, "judgements.items");
	value_push(arena, items,
	           judgement("long",
	                     "The effectiveness of leaders, managers and those "
	                     "responsible for governance across the whole "
	                     "partnership in Hollinsby",
	                     NULL, NULL, false, false));
	struct scene *s = draw_chart(GRADES, m);
	cr_assert_not_null(find_text(s, "not graded"));
	cr_assert_not_null(strstr(s->alt, "partnership in Hollinsby: not "
	                                  "graded."));
}

Test(chart, judgements_need_a_graded_framework)
{
	struct value *m = model_new("Riverford");
	struct value *j = value_new(arena, VALUE_MAP);
	j->line = 175, j->col = 3;
	value_put_bool(arena, j, "graded", false);
	value_put(arena, m, "judgements", j);
	cr_assert_null(chart_draw_from(arena, GRADES, "out/merged.yaml", m,
	                               &fonts, &sink));
	char *msg = test_diags(&sink);
	cr_assert_str_eq(msg, "out/merged.yaml:175:3: error: the judgements "
	                      "chart needs a graded framework "
	                      "('judgements.graded' is false) (list "
	                      "'judgements' only in the charts of a framework "
	                      "with a 'scale')\n");
	free(msg);
}

/* timeline */

#define TIMELINE "timeline"

static struct value *
date_node(const char *iso, const char *text)
{
	struct value *m = value_new(arena, VALUE_MAP);
	value_put_str(arena, m, "iso", iso);
	value_put_str(arena, m, "text", text);
	return m;
}

/* Riverford's dates: notification (unless NULL), fieldwork, letter, and
 * the statement due 70 working days after the letter. */
static struct value *
dates_model(const char *note, const char *from, const char *to,
            const char *letter, const char *due)
{
	struct value *m = model_new("Riverford");
	struct value *d = value_new(arena, VALUE_MAP);
	if (note)
		value_put(arena, d, "notification", date_node(note, note));
	struct value *fw = value_new(arena, VALUE_MAP);
	value_put(arena, fw, "from", date_node(from, from));
	value_put(arena, fw, "to", date_node(to, to));
	value_put_str(arena, fw, "text", "the fieldwork");
	value_put(arena, d, "fieldwork", fw);
	value_put(arena, d, "letter", date_node(letter, letter));
	struct value *sd = date_node(due, due);
	value_put_int(arena, sd, "working_days", 70);
	value_put(arena, d, "statement_due", sd);
	value_put(arena, m, "dates", d);
	return m;
}

/* The diamonds (4-point fills) and the fieldwork bar, left to right. */
static size_t
diamonds(const struct scene *s, double *x, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < s->n; i++)
		if (s->ops[i].kind == OP_FILL && s->ops[i].nsegs == 5 &&
		    s->ops[i].segs[1].y[0] != s->ops[i].segs[0].y[0]) {
			struct box b = bbox(&s->ops[i]);
			cr_assert_lt(n, max);
			x[n++] = (b.x0 + b.x1) / 2;
		}
	return n;
}

/* Labels apart, and no leader (a thin vertical line) through a label. */
static void
assert_leaders_clear(const struct scene *s)
{
	for (size_t i = 0; i < s->n; i++) {
		const struct scene_op *l = &s->ops[i];
		if (l->kind != OP_STROKE || l->nsegs != 2 ||
		    l->segs[0].x[0] != l->segs[1].x[0])
			continue;
		double x = l->segs[0].x[0];
		double y0 = fmin(l->segs[0].y[0], l->segs[1].y[0]);
		double y1 = fmax(l->segs[0].y[0], l->segs[1].y[0]);
		for (size_t j = 0; j < s->n; j++) {
			if (s->ops[j].kind != OP_TEXT)
				continue;
			struct box t = text_box(&s->ops[j]);
			cr_assert(!(x > t.x0 + 0.5 && x < t.x1 - 0.5 &&
			            y0 < t.y1 && y1 > t.y0),
			          "a leader crosses '%s'", s->ops[j].text);
		}
	}
}

Test(chart, timeline_in_working_days)
{
	/* Riverford: notification on Monday 29 September 2025 (day 1),
	 * fieldwork 13 to 17 October (days 11 to 15), letter 24 November
	 * (day 41), statement due 5 March 2026 (day 111: Christmas Day,
	 * Boxing Day and New Year's Day are not working days). */
	struct scene *s = draw_chart(
	    TIMELINE, dates_model("2025-09-29", "2025-10-13", "2025-10-17",
	                          "2025-11-24", "2026-03-05"));
	assert_leaders_clear(s);
	double x[4];
	cr_assert_eq(diamonds(s, x, 4), 3);
	double k = (x[2] - x[0]) / 110; /* points per working day */
	cr_assert_float_eq(x[1] - x[0], 40 * k, 1e-9);
	struct box bar[1];
	cr_assert_eq(fills(s, blue, 0, bar, 1), 0); /* 8 pt: not a bar of 11 */
	size_t nbar = 0;
	for (size_t i = 0; i < s->n; i++)
		if (s->ops[i].kind == OP_FILL &&
		    same_color(s->ops[i].color, blue)) {
			bar[0] = bbox(&s->ops[i]);
			nbar++;
		}
	cr_assert_eq(nbar, 1);
	/* The fieldwork bar covers days 11 to 15: five days' cells. */
	cr_assert_float_eq(bar[0].x1 - bar[0].x0, 5 * k, 1e-9);
	cr_assert_float_eq(bar[0].x0, x[0] - k / 2 + 10 * k, 1e-9);
	cr_assert_not_null(find_text(s, "days 11 to 15"));
	cr_assert_not_null(find_text(s, "day 111, 70 after the letter"));
	cr_assert_not_null(
	    find_text(s, "Working days from the notification (day 1)"));
	cr_assert_str_eq(
	    s->alt, "Timeline of the inspection in Riverford, in working "
	            "days. Notification: 2025-09-29 (day 1); Fieldwork: "
	            "the fieldwork (days 11 to 15); Letter: 2025-11-24 "
	            "(day 41); Written statement due: 2026-03-05 (day 111, "
	            "70 after the letter).");
	cr_assert_eq(s->data.nrows, 4);
	cr_assert_str_eq(s->data.cells[3 * 3 + 2], "111 (70 after the letter)");
}

Test(chart, timeline_unannounced)
{
	/* Notification on the first day of fieldwork: both labels at the
	 * left edge, kept apart. */
	struct scene *s = draw_chart(
	    TIMELINE, dates_model("2016-01-11", "2016-01-11", "2016-02-04",
	                          "2016-03-24", "2016-07-06"));
	assert_leaders_clear(s);
	cr_assert_not_null(find_text(s, "days 1 to 19"));
	cr_assert_not_null(find_text(s, "day 1"));
}

Test(chart, timeline_without_notification_and_long)
{
	/* No notification: day 1 is the first day of fieldwork; a letter a
	 * year late makes a long axis whose ticks stay apart. */
	struct scene *s =
	    draw_chart(TIMELINE, dates_model(NULL, "2024-03-04", "2024-03-08",
	                                     "2025-03-03", "2025-06-11"));
	assert_leaders_clear(s);
	cr_assert_not_null(find_text(
	    s, "Working days from the first day of fieldwork (day 1)"));
	cr_assert_not_null(find_text(s, "days 1 to 5"));
	cr_assert_null(find_text(s, "Notification"));
	double x[3];
	cr_assert_eq(diamonds(s, x, 3), 2);
}

Test(chart, timeline_bad_date_located)
{
	struct value *m = dates_model("2025-09-29", "2025-10-13", "2025-10-17",
	                              "2025-11-24", "2026-03-05");
	struct value *l = (struct value *)value_path(m, "dates.letter");
	struct value *bad = value_new_str(arena, "2025-11-31");
	bad->line = 104, bad->col = 10;
	l->members[0].val = bad;
	cr_assert_null(chart_draw_from(arena, TIMELINE, "out/merged.yaml", m,
	                               &fonts, &sink));
	char *msg = test_diags(&sink);
	cr_assert_str_eq(msg,
	                 "out/merged.yaml:104:10: error: 'iso' of "
	                 "'dates.letter' is not a date '2025-11-31' (write "
	                 "it YYYY-MM-DD)\n");
	free(msg);
}

/* Every sample's charts, from the model in memory and read back from
 * merged.yaml: drawn, inside, apart, and the same scenes both ways. */

static void
sample_charts(const char *sample)
{
	char dir[256];
	snprintf(dir, sizeof(dir), "samples/%s", sample);
	char *samples = strdup(test_src(dir));
	struct inspection *ins =
	    ingest_load(arena, samples, test_src("templates"), &sink);
	cr_assert_not_null(ins, "%s", test_diags(&sink));
	struct value *model = merge_run(arena, ins, &sink);
	cr_assert_not_null(model, "%s", test_diags(&sink));
	struct buf yaml;
	buf_init(&yaml);
	merge_write(model, &yaml);
	const char *tmp = test_tmpdir();
	test_write(tmp, "merged.yaml", buf_cstr(&yaml));
	char path[4096];
	snprintf(path, sizeof(path), "%s/merged.yaml", tmp);
	struct value *back = merge_load(arena, path, &sink);
	cr_assert_not_null(back, "%s", test_diags(&sink));
	cr_assert_gt(ins->fw->ncharts, 0);
	for (size_t i = 0; i < ins->fw->ncharts; i++) {
		const char *name = ins->fw->charts[i];
		struct scene *a = draw_chart(name, model);
		struct scene *b = draw_chart(name, back);
		cr_assert_str_eq(a->alt, b->alt, "%s", name);
		cr_assert_str_eq(a->id, b->id, "%s: not the same scene", name);
		cr_assert_gt(a->data.nrows, 0, "%s", name);
		if (!strcmp(name, TIMELINE))
			assert_leaders_clear(a);
	}
	buf_release(&yaml);
	free(samples);
}

Test(chart, sample_riverford)
{
	sample_charts("riverford-front-door");
}

Test(chart, sample_northshire)
{
	sample_charts("northshire-exploitation");
}

Test(chart, sample_kelsworth)
{
	sample_charts("kelsworth-domestic-abuse");
}

Test(chart, sample_kestrelmoor)
{
	sample_charts("kestrelmoor-child-protection");
}

Test(chart, sample_hollinsby)
{
	sample_charts("hollinsby-sif");
}

/* Fills */

Test(chart, hatching_stays_inside)
{
	/* A stroke of width w along a 45-degree segment reaches w / (2 sqrt
	 * 2) past its ends in x and y: every stripe stays in its box. */
	const double e = 1.4 / (2 * sqrt(2.0));
	static const double boxes[][4] = {{0, 0, 100, 12},
	                                  {3.3, 7.1, 4, 4},
	                                  {10, 10, 1.7, 30},
	                                  {0.5, 0, 300, 1.6}};
	for (size_t b = 0; b < 4; b++)
		for (int h = HATCH_RISING; h <= HATCH_CROSS; h++) {
			struct scene *s = scene_new(arena, "t", 400, 100);
			struct fill f = {{1, 0, 0}, (enum hatch)h, {0, 0, 0}};
			double x = boxes[b][0], y = boxes[b][1];
			double w = boxes[b][2], ht = boxes[b][3];
			fill_rect(s, x, y, w, ht, &f);
			size_t stripes = 0;
			for (size_t i = 0; i < s->n; i++) {
				const struct scene_op *op = &s->ops[i];
				if (op->kind != OP_STROKE || op->color.g != 1)
					continue;
				for (size_t j = 0; j < op->nsegs; j += 2) {
					const struct seg *g = &op->segs[j];
					cr_assert_eq(g[0].kind, SEG_MOVE);
					cr_assert_eq(g[1].kind, SEG_LINE);
					double dx = g[1].x[0] - g[0].x[0];
					double dy = g[1].y[0] - g[0].y[0];
					cr_assert_float_eq(fabs(dx), fabs(dy),
					                   1e-9);
					for (int k = 0; k < 2; k++) {
						cr_assert_geq(g[k].x[0] - e,
						              x - 1e-9);
						cr_assert_leq(g[k].x[0] + e,
						              x + w + 1e-9);
						cr_assert_geq(g[k].y[0] - e,
						              y - 1e-9);
						cr_assert_leq(g[k].y[0] + e,
						              y + ht + 1e-9);
					}
					stripes++;
				}
			}
			if (w > 4 && ht > 4)
				cr_assert_gt(stripes, 0);
		}
}

Test(chart, grade_fills_differ_by_more_than_colour)
{
	for (size_t n = 1; n <= FILL_MAX_GRADES; n++)
		for (size_t i = 0; i < n; i++) {
			const struct fill *a = fill_grade(i, n);
			/* the worse half hatched, the better half plain */
			cr_assert_eq(a->hatch != HATCH_NONE, i >= (n + 1) / 2,
			             "grade %zu of %zu", i, n);
			for (size_t j = 0; j < i; j++) {
				const struct fill *b = fill_grade(j, n);
				cr_assert(!same_color(a->color, b->color));
				if (a->hatch != HATCH_NONE)
					cr_assert_neq(a->hatch, b->hatch);
			}
		}
	cr_assert_eq(fill_grade(3, 4)->hatch, HATCH_CROSS); /* the worst */
}

/* SVG and PNG */

/* Checks that tags nest and close: a small stack machine over the text. */
static void
assert_well_formed(const char *svg)
{
	char stack[64][32];
	int depth = 0, roots = 0;
	for (const char *p = svg; (p = strchr(p, '<')) != NULL;) {
		if (p[1] == '?' || p[1] == '!') {
			p = strchr(p, '>');
			cr_assert_not_null(p);
			continue;
		}
		bool close = p[1] == '/';
		const char *name = p + 1 + close;
		size_t n = strcspn(name, " \t\n/>");
		const char *end = strchr(p, '>');
		cr_assert_not_null(end);
		cr_assert(n > 0 && n < 32);
		if (close) {
			cr_assert_gt(depth, 0);
			depth--;
			cr_assert_eq(strncmp(stack[depth], name, n), 0);
			cr_assert_eq(stack[depth][n], '\0');
		} else if (end[-1] != '/') {
			cr_assert_lt(depth, 64);
			if (depth == 0)
				roots++;
			memcpy(stack[depth], name, n);
			stack[depth++][n] = '\0';
		}
		p = end + 1;
	}
	cr_assert_eq(depth, 0);
	cr_assert_eq(roots, 1);
}

static void
assert_prefixed(const char *svg, const char *before)
{
	size_t n = strlen(before);
	int count = 0;
	for (const char *p = svg; (p = strstr(p, before)) != NULL; p += n) {
		cr_assert_eq(strncmp(p + n, CHART "-", strlen(CHART) + 1), 0,
		             "%.40s", p);
		count++;
	}
	cr_assert_gt(count, 0, "no %s", before);
}

static struct scene *
sample(void)
{
	struct value *m = model_new("Northshire");
	add_agency(m, "Northshire children's social care", 5, 3);
	add_agency(m, "Northshire Police", 2, 4);
	return draw(m);
}

Test(chart, svg)
{
	struct scene *s = sample();
	struct buf a, b;
	buf_init(&a);
	buf_init(&b);
	cr_assert_eq(chart_write_svg(s, &fonts, &a, &sink), 0);
	const char *svg = buf_cstr(&a);
	cr_assert_eq(strncmp(svg, "<?xml", 5), 0);
	cr_assert_not_null(strstr(svg, "version=\"1.1\""));
	cr_assert_not_null(strstr(svg, "width=\"453.5pt\""));
	cr_assert_not_null(strstr(svg, "<title>Strengths and areas"));
	assert_well_formed(svg);
	assert_prefixed(svg, " id=\"");
	assert_prefixed(svg, "href=\"#");
	cr_assert_null(strstr(svg, "\"#glyph"));
	cr_assert_null(strstr(svg, "\"#surface"));

	/* Another chart drawn in between moves cairo's surface counter;
	 * the second document must still be the same bytes. */
	struct scene *other = sample();
	cr_assert_eq(chart_write_svg(other, &fonts, &b, &sink), 0);
	buf_clear(&b);
	cr_assert_eq(chart_write_svg(sample(), &fonts, &b, &sink), 0);
	cr_assert_eq(a.len, b.len);
	cr_assert_eq(memcmp(a.data, b.data, a.len), 0);
	buf_release(&a);
	buf_release(&b);
}

static unsigned long
be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 |
	       (unsigned long)p[2] << 8 | p[3];
}

Test(chart, png)
{
	struct scene *s = sample();
	struct buf a, b;
	buf_init(&a);
	buf_init(&b);
	cr_assert_eq(chart_write_png(s, &fonts, 144, &a, &sink), 0);
	cr_assert_eq(chart_write_png(sample(), &fonts, 144, &b, &sink), 0);
	const unsigned char *p = (const unsigned char *)a.data;
	cr_assert_gt(a.len, 33);
	cr_assert_eq(memcmp(p, "\x89PNG\r\n\x1a\n", 8), 0);
	cr_assert_eq(be32(p + 16), (unsigned long)ceil(WIDTH * 2));
	cr_assert_eq(be32(p + 20), (unsigned long)ceil(s->height * 2));
	cr_assert_eq(p[25], 2); /* truecolour, no alpha: opaque */
	cr_assert_eq(a.len, b.len);
	cr_assert_eq(memcmp(a.data, b.data, a.len), 0);
	if (getenv("JTAI_CHART_PNG")) { /* for looking at it */
		FILE *f = fopen(getenv("JTAI_CHART_PNG"), "wb");
		cr_assert_not_null(f);
		fwrite(a.data, 1, a.len, f);
		fclose(f);
	}
	buf_release(&a);
	buf_release(&b);
}

Test(chart, png_too_large)
{
	struct buf out;
	buf_init(&out);
	cr_assert_eq(chart_write_png(sample(), &fonts, 1e6, &out, &sink), -1);
	cr_assert_eq(out.len, 0);
	cr_assert_gt(sink.errors, 0);
	buf_release(&out);
}

Test(chart, svgid_renumbers)
{
	const char *in =
	    "<svg x=\"1\"><g id=\"surface7\"><use "
	    "xlink:href=\"#glyph0-3\"/><g clip-path=\"url(#clip2)\" "
	    "fill=\"#surface8\"/><clipPath id=\"clip2\"/>"
	    "<symbol id=\"glyph0-3\"/><g id=\"surface9\"/></g></svg>";
	struct buf out;
	buf_init(&out);
	svgid_rewrite(in, strlen(in), "c", "\n<title>A &amp; B</title>", &out);
	cr_assert_str_eq(
	    buf_cstr(&out),
	    "<svg x=\"1\">\n<title>A &amp; B</title><g "
	    "id=\"c-surface0\"><use xlink:href=\"#c-glyph0-3\"/><g "
	    "clip-path=\"url(#c-clip0)\" fill=\"#surface8\"/>"
	    "<clipPath id=\"c-clip0\"/><symbol id=\"c-glyph0-3\"/>"
	    "<g id=\"c-surface1\"/></g></svg>");
	buf_release(&out);
}

Test(chart, svg_carries_its_data_and_ids_differ_by_content)
{
	struct buf a, b;
	buf_init(&a);
	buf_init(&b);
	struct value *m = model_new("Northshire");
	add_agency(m, "Police & <Crime> #1", 2, 4);
	struct scene *s = draw(m);
	cr_assert_eq(chart_write_svg(s, &fonts, &a, &sink), 0);
	const char *svg = buf_cstr(&a);
	assert_well_formed(svg);
	cr_assert_not_null(strstr(svg, "<metadata>\n<jtai:table xmlns:jtai="));
	cr_assert_not_null(strstr(svg, "<jtai:th scope=\"row\">Police &amp; "
	                               "&lt;Crime&gt; &#35;1</jtai:th>"
	                               "<jtai:td class=\"right\">2</jtai:td>"));
	/* Another area, another chart: no id in common. */
	cr_assert_eq(chart_write_svg(sample(), &fonts, &b, &sink), 0);
	cr_assert_str_neq(s->id, sample()->id);
	const char *id = strstr(svg, " id=\"");
	cr_assert_not_null(id);
	char first[64];
	sscanf(id, " id=\"%63[^\"]", first);
	char needle[80];
	snprintf(needle, sizeof(needle), "id=\"%s\"", first);
	cr_assert_null(strstr(buf_cstr(&b), needle), "%s twice", first);

	/* The HTML page takes the table out of the SVG. */
	struct buf rest, table;
	buf_init(&rest);
	buf_init(&table);
	cr_assert_eq(svgdata_split(a.data, a.len, &rest, &table), 1);
	cr_assert_null(strstr(buf_cstr(&rest), "metadata"));
	cr_assert_null(strstr(buf_cstr(&rest), "jtai:"));
	assert_well_formed(buf_cstr(&rest));
	cr_assert_str_eq(
	    buf_cstr(&table),
	    "<table>\n<thead>\n<tr><th scope=\"col\">Agency</th>"
	    "<th scope=\"col\" class=\"right\">Strengths</th>"
	    "<th scope=\"col\" class=\"right\">Areas for improvement</th>"
	    "</tr>\n</thead>\n<tbody>\n<tr><th scope=\"row\">Police &amp; "
	    "&lt;Crime&gt; &#35;1</th><td class=\"right\">2</td>"
	    "<td class=\"right\">4</td></tr>\n</tbody>\n</table>");
	buf_clear(&rest);
	cr_assert_eq(svgdata_split("<svg/>", 6, &rest, &table), 0);
	cr_assert_str_eq(buf_cstr(&rest), "<svg/>");
	buf_release(&rest);
	buf_release(&table);
	buf_release(&a);
	buf_release(&b);
}

Test(chart, every_chart_same_bytes)
{
	/* SVG and PNG bytes the same across runs, whatever was drawn in
	 * between (cairo's surface counter moves). */
	struct value *m = cases_model("Riverford", 2, 1);
	add_rated(m, "csc", "Children's social care", (long[]){0, 2, 1, 0});
	struct value *d = dates_model("2025-09-29", "2025-10-13", "2025-10-17",
	                              "2025-11-24", "2026-03-05");
	value_put(arena, m, "dates", (struct value *)value_get(d, "dates"));
	const char *names[] = {CASES, TIMELINE, CHART};
	for (size_t i = 0; i < 3; i++) {
		struct buf a, b;
		buf_init(&a);
		buf_init(&b);
		struct scene *s = draw_chart(names[i], m);
		cr_assert_eq(chart_write_svg(s, &fonts, &a, &sink), 0);
		cr_assert_eq(chart_write_png(s, &fonts, 100, &a, &sink), 0);
		cr_assert_eq(chart_write_svg(sample(), &fonts, &b, &sink), 0);
		buf_clear(&b);
		s = draw_chart(names[i], m);
		cr_assert_eq(chart_write_svg(s, &fonts, &b, &sink), 0);
		cr_assert_eq(chart_write_png(s, &fonts, 100, &b, &sink), 0);
		cr_assert_eq(a.len, b.len, "%s", names[i]);
		cr_assert_eq(memcmp(a.data, b.data, a.len), 0, "%s", names[i]);
		buf_release(&a);
		buf_release(&b);
	}
}
