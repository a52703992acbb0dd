/* chart/fill.c: hatching drawn as geometry inside its box, and every
 * grade told from the others by more than its colour. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart/fill.h"
#include "chart/scene.h"
#include "chart_fixture.h"
#include "core/arena.h"

TestSuite(chart_fill, .init = chart_setup, .fini = chart_teardown);

Test(chart_fill, hatching_stays_inside)
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

Test(chart_fill, grade_fills_differ_by_more_than_colour)
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
