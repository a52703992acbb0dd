/* case-audit: the stacked bars read back as geometry (each segment to
 * scale, the grades from the best), counts and totals, the legend, alt
 * text and data table, no cases, an agency with none rated, twelve
 * agencies with long names and large counts, the scale and grade titles
 * from the model, and the model's errors located. */
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
#include "core/value.h"
#include "testutil.h"

TestSuite(chart_cases, .init = chart_setup, .fini = chart_teardown);

Test(chart_cases, cases_to_scale)
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

Test(chart_cases, cases_none)
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

Test(chart_cases, cases_agency_with_none_rated)
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

Test(chart_cases, cases_twelve_agencies_long_names_large_counts)
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

Test(chart_cases, cases_grade_titles_and_scale_from_the_model)
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

Test(chart_cases, cases_errors_located)
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

Test(chart_cases, grade_titles_from_the_framework_scale)
{
	/* A graded framework's merged.yaml names its grades in
	 * judgements.scale: the legend and the alt text use those titles. */
	static const char *const titles[] = {"Outstanding", "Good",
	                                     "Requires improvement to be good",
	                                     "Inadequate"};
	struct value *m = cases_model("Hollinsby", 3, 0);
	add_rated(m, "csc", "Children's social care", (long[]){0, 1, 2, 0});
	struct value *j = value_new(arena, VALUE_MAP);
	struct value *scale = value_new(arena, VALUE_SEQ);
	for (size_t i = 0; i < 4; i++) {
		struct value *g = value_new(arena, VALUE_MAP);
		value_put_str(arena, g, "id", grades4[i]);
		value_put_str(arena, g, "title", titles[i]);
		value_push(arena, scale, g);
	}
	value_put_bool(arena, j, "graded", true);
	value_put(arena, j, "scale", scale);
	value_put(arena, m, "judgements", j);
	struct scene *s = draw_chart(CASES, m);
	cr_assert_not_null(find_text(s, "Requires improvement to be good"));
	cr_assert_null(find_text(s, "Requires improvement"));
	cr_assert_not_null(strstr(s->alt, "1 good, 2 requires improvement to "
	                                  "be good."),
	                   "%s", s->alt);
}
