/* findings-by-agency: the diverging bars read back as geometry (to scale
 * on one axis, counts beside them, whole-number ticks), its alt text, every
 * shape of data (no findings, no agency, one, twelve, large counts, long
 * names) and the model's errors located. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart/chart.h"
#include "chart_fixture.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/font.h"
#include "core/value.h"
#include "testutil.h"

TestSuite(chart_bars, .init = chart_setup, .fini = chart_teardown);

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

Test(chart_bars, names)
{
	static const char *const want[] = {CHART, "case-audit", "judgements",
	                                   "timeline"};
	for (size_t i = 0; i < 4; i++)
		cr_assert_str_eq(chart_names[i], want[i]);
	cr_assert_null(chart_names[4]);
}

Test(chart_bars, bars_to_scale)
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

Test(chart_bars, integer_ticks)
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

Test(chart_bars, alt_text)
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

Test(chart_bars, no_agencies)
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

Test(chart_bars, one_agency_without_findings)
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

Test(chart_bars, twelve_agencies)
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

Test(chart_bars, large_counts)
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

Test(chart_bars, long_names_wrap)
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

Test(chart_bars, unknown_chart)
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

Test(chart_bars, agencies_missing)
{
	struct value *root = value_new(arena, VALUE_MAP);
	root->line = root->col = 1;
	char *msg = draw_error(root);
	cr_assert_str_eq(msg, "out/merged.yaml:1:1: error: 'agencies' is "
	                      "missing from the merged model\n");
	free(msg);
}

Test(chart_bars, agencies_not_a_list)
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

Test(chart_bars, bad_counts_located)
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

Test(chart_bars, counts_as_strings)
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
