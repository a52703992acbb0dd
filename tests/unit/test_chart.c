/* chart/: the findings-by-agency scene read back as geometry, its alt text,
 * the model errors, and the cairo backend's SVG and PNG bytes. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart/chart.h"
#include "chart/scene.h"
#include "chart/svgid.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/font.h"
#include "core/value.h"
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
		if (s->ops[i].kind == OP_TEXT && !strcmp(s->ops[i].text, text) &&
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

static void
assert_inside(const struct scene *s)
{
	for (size_t i = 0; i < s->n; i++) {
		const struct scene_op *op = &s->ops[i];
		if (op->kind == OP_TEXT) {
			cr_assert(op->y > 0 && op->y < s->height, "%s", op->text);
			double w = font_width(fonts.face[op->bold], op->text,
			                      strlen(op->text), op->size);
			double x0 = op->anchor == ANCHOR_START ? op->x
			            : op->anchor == ANCHOR_MIDDLE ? op->x - w / 2
			                                          : op->x - w;
			cr_assert(x0 >= 0 && x0 + w <= s->width + 1e-9, "%s",
			          op->text);
			cr_assert(op->size >= 9 && op->size <= 10);
			continue;
		}
		struct box b = bbox(op);
		cr_assert(b.x0 >= 0 && b.x1 <= s->width && b.y0 >= 0 &&
		          b.y1 <= s->height);
	}
}

/* Geometry */

Test(chart, names)
{
	cr_assert_str_eq(chart_names[0], CHART);
	cr_assert_null(chart_names[1]);
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
		if (s->ops[i].kind == OP_FILL &&
		    same_color(s->ops[i].color, white)) {
			struct box b = bbox(&s->ops[i]);
			hatched |= b.x0 >= ib[0].x0 - 1e-9 && b.x1 <= ib[0].x1 + 1e-9 &&
			           b.y0 >= ib[0].y0 - 1e-9 && b.y1 <= ib[0].y1 + 1e-9;
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
			cr_assert_geq(ls[i]->y - ls[i - 1]->y, ls[i]->size * 1.1);
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
	                               "'agencies' must be a list"), "%s", msg);
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
	                               "a whole number, not 'many'"), "%s", msg);
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
	const char *in = "<svg x=\"1\"><g id=\"surface7\"><use "
	                 "xlink:href=\"#glyph0-3\"/><g clip-path=\"url(#clip2)\" "
	                 "fill=\"#surface8\"/><clipPath id=\"clip2\"/>"
	                 "<symbol id=\"glyph0-3\"/><g id=\"surface9\"/></g></svg>";
	struct buf out;
	buf_init(&out);
	svgid_rewrite(in, strlen(in), "c", "A & B", &out);
	cr_assert_str_eq(buf_cstr(&out),
	                 "<svg x=\"1\">\n<title>A &amp; B</title><g "
	                 "id=\"c-surface0\"><use xlink:href=\"#c-glyph0-3\"/><g "
	                 "clip-path=\"url(#c-clip0)\" fill=\"#surface8\"/>"
	                 "<clipPath id=\"c-clip0\"/><symbol id=\"c-glyph0-3\"/>"
	                 "<g id=\"c-surface1\"/></g></svg>");
	buf_release(&out);
}
