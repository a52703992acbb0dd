/* timeline: working days to scale (holidays skipped), the fieldwork bar,
 * labels apart and leaders clear of them and of each other, an unannounced
 * inspection, no notification with a long axis, and a bad date located. */
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

TestSuite(chart_timeline, .init = chart_setup, .fini = chart_teardown);

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

Test(chart_timeline, timeline_in_working_days)
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

Test(chart_timeline, timeline_unannounced)
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

Test(chart_timeline, timeline_without_notification_and_long)
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

Test(chart_timeline, timeline_bad_date_located)
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
