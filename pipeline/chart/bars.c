/* findings-by-agency: a diverging horizontal bar chart, one row per agency
 * in the model's order. Agency names sit in a label column on the left,
 * wrapped at spaces (a word too long for the column is broken between
 * characters, so no name is ever cut). Areas for improvement extend left of
 * a centre axis, strengths right, both halves on one integer scale. Each bar
 * carries its count; the improvement series is hatched and outlined and the
 * column headers name the series with text, so the chart reads in black and
 * white. Colours are Okabe-Ito (blue, vermillion), safe for colour-blind
 * readers.
 *
 * Layout, top to bottom: title, series headers, rows, tick labels, axis
 * caption. Width is the A4 text block; height is what the rows need. */
#include "chart/bars.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart/axis.h"
#include "chart/fill.h"
#include "chart/frame.h"
#include "chart/model.h"
#include "chart/scene.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/value.h"

#define TICK_LEN 3.0
#define OUTLINE  0.75

static const char title_text[] =
    "Strengths and areas for improvement by agency";

struct row {
	const char *name;
	long strengths, improvements;
	struct lines label;
};

struct layout {
	struct frame f;
	double label_w; /* label column, from x = 0 */
	double axis_x;  /* the centre axis */
	struct axis ax;
};

/* Reading the model */

static int
read_row(const char *path, const struct value *item, size_t i, struct row *row,
         struct diag_sink *d)
{
	if (item->kind != VALUE_MAP) {
		diag_error(d, path, item->line, item->col,
		           "agency %zu must be a map with 'name', 'strengths' "
		           "and 'improvements'",
		           i + 1);
		return -1;
	}
	row->name = value_text(value_get(item, "name"));
	if (row->name == NULL) {
		const char *id = value_text(value_get(item, "id"));
		diag_error(d, path, item->line, item->col,
		           "agency '%s' has no 'name'", id ? id : "?");
		return -1;
	}
	char whose[300];
	snprintf(whose, sizeof(whose), "agency '%s'", row->name);
	int rc =
	    model_count(path, item, "strengths", whose, &row->strengths, d);
	if (model_count(path, item, "improvements", whose, &row->improvements,
	                d) < 0)
		rc = -1;
	return rc;
}

/* Fills *rows from merged's `agencies`; -1 after reporting every problem. */
static int
read_rows(struct arena *a, const char *path, const struct value *merged,
          struct row **rows, size_t *n, struct diag_sink *d)
{
	const struct value *list =
	    model_list(path, merged, "agencies", "the merged model", d);
	if (list == NULL)
		return -1;
	*rows = arena_alloc(a, (list->n ? list->n : 1) * sizeof(**rows));
	*n = list->n;
	int rc = 0;
	for (size_t i = 0; i < list->n; i++)
		if (read_row(path, list->items[i], i, &(*rows)[i], d) < 0)
			rc = -1;
	return rc;
}

/* Sets the label column and the axis from the rows' names and counts. */
static void
plan_columns(struct layout *l, const struct row *rows, size_t n)
{
	double natural = 0;
	long max = 0;
	for (size_t i = 0; i < n; i++) {
		natural = fmax(natural, frame_width(&l->f, false, CHART_TEXT,
		                                    rows[i].name));
		long big = rows[i].strengths > rows[i].improvements
		               ? rows[i].strengths
		               : rows[i].improvements;
		max = big > max ? big : max;
	}
	l->label_w = fmin(ceil(natural), CHART_LABEL_MAX);
	double x0 = l->label_w + CHART_LABEL_GAP;
	double half = (CHART_WIDTH - x0) / 2;
	l->axis_x = x0 + half;
	axis_choose(&l->ax, &l->f, max, half - axis_overhang(&l->f, max));
}

/* Drawing */

/* Draws the series headers in the band from top; returns its bottom. */
static double
draw_legend(struct layout *l, double top)
{
	struct frame *f = &l->f;
	const char *left = "Areas for improvement", *right = "Strengths";
	double lw = frame_width(f, false, CHART_TEXT, left);
	/* Each series named on its own side of the axis. */
	struct legend_item li = {&fill_improvement, left};
	struct legend_item ri = {&fill_strength, right};
	frame_legend(f, l->axis_x - 6 - lw - 4 - 12, top, &li, 1);
	return frame_legend(f, l->axis_x + 6, top, &ri, 1);
}

static void
draw_count(struct layout *l, long count, double x, double base,
           enum text_anchor anchor)
{
	char t[32];
	scene_text(l->f.s, x, base, frame_count(count, t), CHART_TEXT, false,
	           anchor, chart_ink);
}

/* A row is as tall as the taller of its bar and its label, padded. */
static double
row_height(const struct row *r)
{
	return fmax(CHART_BAR, (double)r->label.n * CHART_LINE) +
	       2 * CHART_ROW_PAD;
}

/* Draws one agency's row from top; returns its bottom. */
static double
draw_row(struct layout *l, const struct row *r, double top)
{
	struct frame *f = &l->f;
	double h = row_height(r);
	double cy = top + h / 2, base = cy + f->cap / 2;
	double first = base - ((double)r->label.n - 1) * CHART_LINE / 2;
	frame_lines(f, &r->label, 0, first, CHART_TEXT, false, ANCHOR_START,
	            chart_ink);
	double sw = (double)r->strengths * l->ax.scale;
	double iw = (double)r->improvements * l->ax.scale;
	fill_rect(f->s, l->axis_x, cy - CHART_BAR / 2, sw, CHART_BAR,
	          &fill_strength);
	fill_rect(f->s, l->axis_x - iw, cy - CHART_BAR / 2, iw, CHART_BAR,
	          &fill_improvement);
	draw_count(l, r->strengths, l->axis_x + sw + CHART_COUNT_GAP, base,
	           ANCHOR_START);
	draw_count(l, r->improvements, l->axis_x - iw - CHART_COUNT_GAP, base,
	           ANCHOR_END);
	return top + h;
}

static void
draw_rows(struct layout *l, const struct row *rows, size_t n, double top)
{
	double bottom = top;
	for (size_t i = 0; i < n; i++)
		bottom += row_height(&rows[i]);
	/* Gridlines first, so that bars and the axis cover them. */
	frame_end(&l->f, axis_draw(&l->f, &l->ax, l->axis_x, true, top, bottom,
	                           "Number of findings"));
	double y = top;
	for (size_t i = 0; i < n; i++)
		y = draw_row(l, &rows[i], y);
	scene_line(l->f.s, l->axis_x, top, l->axis_x, bottom + TICK_LEN,
	           OUTLINE, chart_ink);
}

/* Alt text and data */

static const char *
plural(long n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static const char *
make_alt(struct arena *a, const char *title, const struct row *rows, size_t n)
{
	struct buf b;
	buf_init(&b);
	buf_puts(&b, title);
	if (n == 0)
		buf_puts(&b, ": no agencies to show.");
	for (size_t i = 0; i < n; i++) {
		const struct row *r = &rows[i];
		char s[32], m[32];
		buf_printf(&b, "%s %s: %s %s, %s %s", i ? ";" : ".", r->name,
		           frame_count(r->strengths, s),
		           plural(r->strengths, "strength", "strengths"),
		           frame_count(r->improvements, m),
		           plural(r->improvements, "area for improvement",
		                  "areas for improvement"));
	}
	if (n)
		buf_putc(&b, '.');
	const char *alt = arena_strdup(a, buf_cstr(&b));
	buf_release(&b);
	return alt;
}

static void
make_data(struct scene *s, const struct row *rows, size_t n)
{
	static const char *const head[] = {"Agency", "Strengths",
	                                   "Areas for improvement"};
	scene_data_head(s, 3, head, 6u);
	for (size_t i = 0; i < n; i++) {
		char st[32], im[32];
		const char *cells[] = {rows[i].name,
		                       frame_count(rows[i].strengths, st),
		                       frame_count(rows[i].improvements, im)};
		scene_data_row(s, cells);
	}
}

struct scene *
bars_draw(struct arena *a, const char *name, const char *path,
          const struct value *merged, const struct fontset *fonts,
          struct diag_sink *d)
{
	struct row *rows = NULL;
	size_t n = 0;
	if (read_rows(a, path, merged, &rows, &n, d) < 0)
		return NULL;
	struct layout l = {0};
	frame_init(&l.f, a, name, fonts);
	const char *title =
	    frame_title_in(&l.f, title_text, model_area(merged));
	l.f.s->alt = make_alt(a, title, rows, n);
	make_data(l.f.s, rows, n);
	double y = frame_title(&l.f, title);
	if (n == 0) {
		frame_note(&l.f, y, "No agencies to show.");
		return l.f.s;
	}
	plan_columns(&l, rows, n);
	for (size_t i = 0; i < n; i++)
		frame_wrap(&l.f, false, CHART_TEXT, l.label_w, rows[i].name,
		           &rows[i].label);
	y = draw_legend(&l, y) + 6;
	draw_rows(&l, rows, n, y);
	return l.f.s;
}
