/* case-audit: for the children's cases inspectors tracked and sampled,
 * each agency's practice ratings as a horizontal stacked bar, one row per
 * agency in the model's order, the grades left to right from the best.
 * Each segment is count * scale long and carries its count when the count
 * fits inside it; the row's total number of rated cases follows the bar.
 * The grades are the keys of cases.practice[].ratings (the framework's
 * scale, best first), named by their titles in judgements.scale, else (an
 * ungraded framework, or a merged.yaml written before the scale was in
 * it) by the judgements' grade titles where a judgement uses the grade,
 * else by the id in words. The worse half of the
 * scale is hatched (fill.h) and the legend names every grade, so no grade
 * is told by colour alone.
 *
 * Layout, top to bottom: title, legend, rows, tick labels, axis caption.
 * No cases: the title and a note. */
#include "chart/cases.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
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

#define TICK_LEN   3.0
#define AXIS_W     0.75
#define SEG_PAD    2.0 /* around a count inside a segment */
#define SEPARATOR  1.0 /* white line between two segments */
#define HATCH_SHOW 3.0 /* hatching left showing beside a count's patch */

struct grade {
	const char *id, *title;
};

struct row {
	const char *name;
	long count[FILL_MAX_GRADES];
	long rated;
	struct lines label;
};

struct cases {
	long total, tracked, sampled;
	struct grade grade[FILL_MAX_GRADES];
	size_t ngrades;
	struct row *rows;
	size_t nrows;
};

struct layout {
	struct frame f;
	double label_w, x0; /* label column; the bars' start */
	struct axis ax;
};

/* Reading the model */

/* The agency's name from merged's agencies, or its id. */
static const char *
agency_name(const struct value *merged, const char *id)
{
	const struct value *list = value_get(merged, "agencies");
	for (size_t i = 0; list && list->kind == VALUE_SEQ && i < list->n;
	     i++) {
		const char *aid = value_text(value_get(list->items[i], "id"));
		const char *name =
		    value_text(value_get(list->items[i], "name"));
		if (aid && name && strcmp(aid, id) == 0)
			return name;
	}
	return id;
}

/* The grade's title: a judgement's grade_title for it, else the id in
 * words with a capital ("requires-improvement": "Requires improvement"). */
static const char *
grade_title(struct arena *a, const struct value *merged, const char *id)
{
	const struct value *items = value_path(merged, "judgements.items");
	for (size_t i = 0; items && items->kind == VALUE_SEQ && i < items->n;
	     i++) {
		const char *g = model_opt(items->items[i], "grade");
		const char *t = model_opt(items->items[i], "grade_title");
		if (g && t && strcmp(g, id) == 0)
			return t;
	}
	return model_words(a, id);
}

/* Takes the scale from the first agency's ratings, each grade's title
 * from the framework's scale when the model has it. */
static int
read_scale(struct arena *a, const char *path, const struct value *merged,
           const struct value *ratings, struct cases *c, struct diag_sink *d)
{
	if (ratings->n == 0 || ratings->n > FILL_MAX_GRADES) {
		diag_error(d, path, ratings->line, ratings->col,
		           "the case ratings have %zu grades; a chart shows 1 "
		           "to %d",
		           ratings->n, FILL_MAX_GRADES);
		return -1;
	}
	const char *ids[FILL_MAX_GRADES], *titles[FILL_MAX_GRADES];
	size_t n;
	if (model_scale(path, merged, ids, titles, FILL_MAX_GRADES, &n, d) < 0)
		return -1;
	c->ngrades = ratings->n;
	for (size_t g = 0; g < ratings->n; g++) {
		c->grade[g].id = ratings->members[g].key;
		c->grade[g].title = NULL;
		for (size_t k = 0; k < n && !c->grade[g].title; k++)
			if (strcmp(ids[k], c->grade[g].id) == 0)
				c->grade[g].title = titles[k];
		if (c->grade[g].title == NULL)
			c->grade[g].title =
			    grade_title(a, merged, c->grade[g].id);
	}
	return 0;
}

static int
read_row(struct arena *a, const char *path, const struct value *merged,
         const struct value *item, struct cases *c, struct row *row,
         struct diag_sink *d)
{
	if (item->kind != VALUE_MAP) {
		diag_error(d, path, item->line, item->col,
		           "each of 'cases.practice' must be a map with "
		           "'agency' and 'ratings'");
		return -1;
	}
	const char *id =
	    model_text(path, item, "agency", "a practice entry", d);
	if (id == NULL)
		return -1;
	row->name = agency_name(merged, id);
	char whose[300];
	snprintf(whose, sizeof(whose), "the ratings of agency '%s'", id);
	const struct value *ratings =
	    model_map(path, item, "ratings", whose, d);
	if (ratings == NULL)
		return -1;
	if (c->ngrades == 0 && read_scale(a, path, merged, ratings, c, d) < 0)
		return -1;
	int rc = 0;
	row->rated = 0;
	for (size_t g = 0; g < c->ngrades; g++) {
		if (model_count(path, ratings, c->grade[g].id, whose,
		                &row->count[g], d) < 0)
			rc = -1;
		else
			row->rated += row->count[g];
	}
	return rc;
}

static int
read_cases(struct arena *a, const char *path, const struct value *merged,
           struct cases *c, struct diag_sink *d)
{
	const struct value *cases =
	    model_map(path, merged, "cases", "the merged model", d);
	if (cases == NULL)
		return -1;
	int rc = 0;
	if (model_count(path, cases, "total", "'cases'", &c->total, d) < 0 ||
	    model_count(path, cases, "tracked", "'cases'", &c->tracked, d) <
	        0 ||
	    model_count(path, cases, "sampled", "'cases'", &c->sampled, d) < 0)
		rc = -1;
	const struct value *list =
	    model_list(path, cases, "practice", "'cases'", d);
	if (list == NULL)
		return -1;
	c->rows = arena_alloc(a, (list->n ? list->n : 1) * sizeof(*c->rows));
	c->nrows = list->n;
	for (size_t i = 0; i < list->n; i++)
		if (read_row(a, path, merged, list->items[i], c, &c->rows[i],
		             d) < 0)
			rc = -1;
	return rc;
}

/* Layout */

static double
row_height(const struct row *r)
{
	return fmax(CHART_BAR, (double)r->label.n * CHART_LINE) +
	       2 * CHART_ROW_PAD;
}

static void
plan_columns(struct layout *l, struct cases *c)
{
	double natural = 0;
	long max = 0;
	for (size_t i = 0; i < c->nrows; i++) {
		natural = fmax(natural, frame_width(&l->f, false, CHART_TEXT,
		                                    c->rows[i].name));
		max = c->rows[i].rated > max ? c->rows[i].rated : max;
	}
	l->label_w = fmin(ceil(natural), CHART_LABEL_MAX);
	l->x0 = l->label_w + CHART_LABEL_GAP;
	/* A row with nothing rated says so where its bar would start. */
	double none = frame_width(&l->f, false, CHART_TEXT, "no cases rated");
	double avail = CHART_WIDTH - l->x0 - axis_overhang(&l->f, max);
	axis_choose(&l->ax, &l->f, max, fmax(avail, none));
	for (size_t i = 0; i < c->nrows; i++)
		frame_wrap(&l->f, false, CHART_TEXT, l->label_w,
		           c->rows[i].name, &c->rows[i].label);
}

/* Drawing */

/* The count of a segment, centred in it when it fits; on a hatched fill,
 * on a patch of the plain colour so that the stripes do not cross it, and
 * only when some of the hatching still shows either side. */
static void
draw_segment_count(struct layout *l, long n, const struct fill *fill, double x,
                   double w, double cy)
{
	char t[32];
	frame_count(n, t);
	double tw = frame_width(&l->f, false, CHART_TEXT, t);
	double need = tw + 2 * SEG_PAD + SEPARATOR +
	              (fill->hatch != HATCH_NONE ? 2 * HATCH_SHOW : 0);
	if (need > w)
		return;
	double cx = x + w / 2;
	if (fill->hatch != HATCH_NONE) {
		double ph = fmin(l->f.cap + 2 * SEG_PAD, CHART_BAR - 2);
		scene_rect(l->f.s, cx - tw / 2 - SEG_PAD, cy - ph / 2,
		           tw + 2 * SEG_PAD, ph, fill->color);
	}
	scene_text(l->f.s, cx, cy + l->f.cap / 2, t, CHART_TEXT, false,
	           ANCHOR_MIDDLE, fill->text);
}

/* Draws one agency's row from top; returns its bottom. */
static double
draw_row(struct layout *l, const struct cases *c, const struct row *r,
         double top)
{
	struct frame *f = &l->f;
	double h = row_height(r);
	double cy = top + h / 2, base = cy + f->cap / 2, y = cy - CHART_BAR / 2;
	frame_lines(f, &r->label, 0,
	            base - ((double)r->label.n - 1) * CHART_LINE / 2,
	            CHART_TEXT, false, ANCHOR_START, chart_ink);
	if (r->rated == 0) {
		scene_text(f->s, l->x0 + CHART_COUNT_GAP, base,
		           "no cases rated", CHART_TEXT, false, ANCHOR_START,
		           chart_muted);
		return top + h;
	}
	long before = 0;
	for (size_t g = 0; g < c->ngrades; g++) {
		if (r->count[g] == 0)
			continue;
		double x = l->x0 + (double)before * l->ax.scale;
		double w = (double)r->count[g] * l->ax.scale;
		const struct fill *fill = fill_grade(g, c->ngrades);
		fill_rect(f->s, x, y, w, CHART_BAR, fill);
		if (before > 0)
			scene_line(f->s, x, y, x, y + CHART_BAR, SEPARATOR,
			           chart_white);
		draw_segment_count(l, r->count[g], fill, x, w, cy);
		before += r->count[g];
	}
	char t[32];
	scene_text(f->s,
	           l->x0 + (double)r->rated * l->ax.scale + CHART_COUNT_GAP,
	           base, frame_count(r->rated, t), CHART_TEXT, true,
	           ANCHOR_START, chart_ink);
	return top + h;
}

static void
draw_rows(struct layout *l, const struct cases *c, double top)
{
	double bottom = top;
	for (size_t i = 0; i < c->nrows; i++)
		bottom += row_height(&c->rows[i]);
	frame_end(&l->f, axis_draw(&l->f, &l->ax, l->x0, false, top, bottom,
	                           "Number of cases rated"));
	double y = top;
	for (size_t i = 0; i < c->nrows; i++)
		y = draw_row(l, c, &c->rows[i], y);
	scene_line(l->f.s, l->x0, top, l->x0, bottom + TICK_LEN, AXIS_W,
	           chart_ink);
}

/* Alt text and data */

static const char *
which_cases(const struct cases *c)
{
	if (c->tracked > 0 && c->sampled > 0)
		return "tracked and sampled";
	return c->sampled > 0 ? "sampled" : "tracked";
}

/* A grade's title in running text: its first letter in lower case. */
static void
put_grade(struct buf *b, const char *title)
{
	buf_putc(b, tolower((unsigned char)title[0]));
	buf_puts(b, title + 1);
}

static const char *
make_alt(struct arena *a, const char *title, const struct cases *c)
{
	struct buf b;
	buf_init(&b);
	buf_puts(&b, title);
	char n[32], m[32];
	if (c->total == 0)
		buf_puts(&b, ": no cases were tracked or sampled");
	else if (c->nrows == 0)
		buf_puts(&b, ": no agencies to show");
	else
		buf_printf(&b, " (%s tracked, %s sampled)",
		           frame_count(c->tracked, n),
		           frame_count(c->sampled, m));
	for (size_t i = 0; c->total > 0 && i < c->nrows; i++) {
		const struct row *r = &c->rows[i];
		buf_printf(&b, "%s %s: ", i ? ";" : ".", r->name);
		if (r->rated == 0) {
			buf_puts(&b, "no cases rated");
			continue;
		}
		buf_printf(&b, "%s %s rated", frame_count(r->rated, n),
		           r->rated == 1 ? "case" : "cases");
		const char *sep = ", ";
		for (size_t g = 0; g < c->ngrades; g++) {
			if (r->count[g] == 0)
				continue;
			buf_printf(&b, "%s%s ", sep,
			           frame_count(r->count[g], n));
			put_grade(&b, c->grade[g].title);
			sep = ", ";
		}
	}
	buf_putc(&b, '.');
	const char *alt = arena_strdup(a, buf_cstr(&b));
	buf_release(&b);
	return alt;
}

static void
make_data(struct scene *s, const struct cases *c)
{
	const char *cells[FILL_MAX_GRADES + 2];
	char counts[FILL_MAX_GRADES + 1][32];
	size_t ncols = c->ngrades + 2;
	cells[0] = "Agency";
	for (size_t g = 0; g < c->ngrades; g++)
		cells[g + 1] = c->grade[g].title;
	cells[ncols - 1] = "Cases rated";
	unsigned numeric = ((1u << ncols) - 1) & ~1u;
	scene_data_head(s, ncols, cells, numeric);
	for (size_t i = 0; c->total > 0 && i < c->nrows; i++) {
		const struct row *r = &c->rows[i];
		cells[0] = r->name;
		for (size_t g = 0; g < c->ngrades; g++)
			cells[g + 1] = frame_count(r->count[g], counts[g]);
		cells[ncols - 1] = frame_count(r->rated, counts[c->ngrades]);
		scene_data_row(s, cells);
	}
}

struct scene *
cases_draw(struct arena *a, const char *name, const char *path,
           const struct value *merged, const struct fontset *fonts,
           struct diag_sink *d)
{
	struct cases c = {0};
	if (read_cases(a, path, merged, &c, d) < 0)
		return NULL;
	struct layout l = {0};
	frame_init(&l.f, a, name, fonts);
	const char *title = frame_title_in(
	    &l.f,
	    arena_printf(a, "Practice ratings by agency in the cases %s",
	                 which_cases(&c)),
	    model_area(merged));
	if (c.total == 0)
		title = frame_title_in(&l.f,
		                       "Practice ratings by agency in the "
		                       "cases tracked and sampled",
		                       model_area(merged));
	l.f.s->alt = make_alt(a, title, &c);
	make_data(l.f.s, &c);
	double y = frame_title(&l.f, title);
	if (c.total == 0 || c.nrows == 0) {
		frame_note(&l.f, y,
		           c.total == 0 ? "No children's cases were tracked or "
		                          "sampled."
		                        : "No agencies to show.");
		return l.f.s;
	}
	struct legend_item items[FILL_MAX_GRADES];
	for (size_t g = 0; g < c.ngrades; g++)
		items[g] = (struct legend_item){fill_grade(g, c.ngrades),
		                                c.grade[g].title};
	plan_columns(&l, &c);
	y = frame_legend(&l.f, l.x0, y, items, c.ngrades) + 6;
	draw_rows(&l, &c, y);
	return l.f.s;
}
