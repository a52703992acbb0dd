/* judgements: each judgement's grade in its column under the header that
 * names it, the limiting judgement outlined and marked, sub-judgements
 * indented, the scale with and without case ratings, ungraded judgements
 * and long titles, and an ungraded framework refused. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart/chart.h"
#include "chart_fixture.h"
#include "core/arena.h"
#include "core/diag.h"
#include "core/value.h"
#include "testutil.h"

TestSuite(chart_grades, .init = chart_setup, .fini = chart_teardown);

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

Test(chart_grades, judgements_on_the_scale)
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

Test(chart_grades, judgements_scale_without_cases)
{
	/* No agency to read the scale from: the grades used, in order. */
	struct scene *s = draw_chart(GRADES, grades_model(false));
	double a = header_x(s, "Good"), b = header_x(s, "Inadequate");
	cr_assert_lt(a, b);
	cr_assert_null(find_text(s, "Outstanding"));
}

Test(chart_grades, judgements_not_graded_and_long_titles)
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

Test(chart_grades, judgements_need_a_graded_framework)
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

/* judgements.scale as merge writes it: the framework's grades in order,
 * each {id, title}. */
static void
put_scale(struct value *m, const char *const *ids, const char *const *titles,
          size_t n)
{
	struct value *scale = value_new(arena, VALUE_SEQ);
	for (size_t i = 0; i < n; i++) {
		struct value *g = value_new(arena, VALUE_MAP);
		value_put_str(arena, g, "id", ids[i]);
		value_put_str(arena, g, "title", titles[i]);
		value_push(arena, scale, g);
	}
	value_put(arena, (struct value *)value_get(m, "judgements"), "scale",
	          scale);
}

Test(chart_grades, scale_from_the_framework)
{
	/* No case ratings: the framework's scale still gives every grade,
	 * the unused ones too, under the framework's titles. */
	static const char *const titles[] = {"Top", "Upper", "Lower", "Bottom"};
	struct value *m = grades_model(false);
	put_scale(m, grades4, titles, 4);
	struct scene *s = draw_chart(GRADES, m);
	cr_assert_lt(header_x(s, "Top"), header_x(s, "Upper"));
	cr_assert_lt(header_x(s, "Upper"), header_x(s, "Lower"));
	cr_assert_lt(header_x(s, "Lower"), header_x(s, "Bottom"));
	struct box good = cell_of(s, "Adoption performance", sky);
	cr_assert_float_eq((good.x0 + good.x1) / 2, header_x(s, "Upper"), 1e-9);
	cr_assert_not_null(strstr(s->alt, "on a scale of 4 grades from top "
	                                  "to bottom"));
	cr_assert_not_null(strstr(s->alt, "Adoption performance: upper"));
	cr_assert_null(find_text(s, "Good"));
}

Test(chart_grades, bad_scale_located)
{
	struct value *m = grades_model(true);
	struct value *scale = value_new(arena, VALUE_SEQ);
	struct value *g = value_new(arena, VALUE_MAP);
	g->line = 12, g->col = 5;
	value_put_str(arena, g, "id", "good");
	value_push(arena, scale, g);
	value_put(arena, (struct value *)value_get(m, "judgements"), "scale",
	          scale);
	cr_assert_null(chart_draw_from(arena, GRADES, "out/merged.yaml", m,
	                               &fonts, &sink));
	char *msg = test_diags(&sink);
	cr_assert_str_eq(msg, "out/merged.yaml:12:5: error: a grade of "
	                      "'judgements.scale' has no 'title'\n");
	free(msg);
}

static void
set_false(const struct value *map, const char *key)
{
	struct value_member *m = (struct value_member *)value_member(map, key);
	cr_assert_not_null(m);
	m->val = value_new_bool(arena, false);
}

Test(chart_grades, no_limiting_judgement_takes_the_whole_width)
{
	/* Room for the "Limiting" mark only when a judgement limits. */
	struct value *m = grades_model(true);
	const struct value *items = value_path(m, "judgements.items");
	set_false(items->items[0], "limiting");
	set_false(value_path(m, "judgements.overall"), "limited");
	struct scene *s = draw_chart(GRADES, m);
	cr_assert_null(find_text(s, "Limiting"));
	struct box over = cell_of(s, "Overall effectiveness", vermillion);
	cr_assert_float_eq(over.x1, WIDTH - 1, 1e-9);
	struct scene *limited = draw_chart(GRADES, grades_model(true));
	struct box help =
	    cell_of(limited, "Children who need help and", vermillion);
	cr_assert_lt(help.x1, WIDTH - 40);
}
