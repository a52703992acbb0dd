/* judgements: for a graded framework, overall effectiveness and then every
 * judgement in the framework's order (sub-judgements indented under their
 * parent), each as a row of the scale's grades, best first, under column
 * headers that name them. The grade awarded is filled (fill.h: the worse
 * half of the scale hatched), the others are a pale track, so the grade
 * reads from its column as well as its colour. A limiting judgement (one
 * that decided overall effectiveness by the framework's rule) has its cell
 * outlined in black and "Limiting" beside its row. (The rule itself is the
 * letter's to say, under its judgement table.)
 *
 * The scale, best first, and the grades' titles are the framework's, from
 * judgements.scale. A merged.yaml written before it had one gives the keys
 * of cases.practice[].ratings (which merge writes in the framework's scale
 * order for a graded framework), or with no agency to take them from, the
 * grades the judgements use, in the usual order; their titles are the
 * judgements' grade_title, else the id in words. */
#include "chart/grades.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "chart/fill.h"
#include "chart/frame.h"
#include "chart/model.h"
#include "chart/scene.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/value.h"

#define INDENT     12.0 /* a sub-judgement's label */
#define CELL_H     14.0
#define CELL_GAP   2.0  /* between two cells of a row */
#define COL_MIN    44.0 /* narrowest grade column */
#define MARK_GAP   8.0  /* last column to the limiting mark */
#define MARK_W     6.0  /* the mark's triangle */
#define LIMIT_LINE 1.5  /* outline of a limiting judgement's cell */
#define ROW_PAD    4.0

static const char limiting_text[] = "Limiting";

struct row {
	const char *title, *grade_title;
	long grade; /* index into the scale, -1: not graded */
	bool overall, sub, limiting;
	struct lines label;
};

struct grades {
	const char *scale[FILL_MAX_GRADES];
	const char *scale_title[FILL_MAX_GRADES];
	size_t nscale;
	struct row *rows; /* overall first */
	size_t nrows;
	bool limited;
};

struct layout {
	struct frame f;
	double label_w, col_x, col_w, mark_x;
};

/* Reading the model */

static void
scale_add(struct grades *g, const char *id)
{
	for (size_t i = 0; i < g->nscale; i++)
		if (strcmp(g->scale[i], id) == 0)
			return;
	if (g->nscale < FILL_MAX_GRADES)
		g->scale[g->nscale++] = id;
}

/* With no case ratings to read the scale from: the grades used, in the
 * order of the scales jtai's frameworks use. */
static void
scale_from_grades(struct grades *g, const struct value *judgements)
{
	static const char *const usual[] = {"outstanding", "good",
	                                    "requires-improvement", "adequate",
	                                    "inadequate"};
	const struct value *items = value_get(judgements, "items");
	const char *used[FILL_MAX_GRADES * 4];
	size_t nused = 0;
	const char *o = model_opt(value_get(judgements, "overall"), "grade");
	if (o)
		used[nused++] = o;
	for (size_t i = 0; items && items->kind == VALUE_SEQ && i < items->n &&
	                   nused < sizeof(used) / sizeof(used[0]);
	     i++) {
		const char *id = model_opt(items->items[i], "grade");
		if (id)
			used[nused++] = id;
	}
	for (size_t u = 0; u < sizeof(usual) / sizeof(usual[0]); u++)
		for (size_t i = 0; i < nused; i++)
			if (strcmp(used[i], usual[u]) == 0)
				scale_add(g, usual[u]);
	for (size_t i = 0; i < nused; i++)
		scale_add(g, used[i]);
}

static int
read_scale(const char *path, const struct value *merged,
           const struct value *judgements, struct grades *g,
           struct diag_sink *d)
{
	size_t n;
	int framework = model_scale(path, merged, g->scale, g->scale_title,
	                            FILL_MAX_GRADES, &n, d);
	if (framework < 0)
		return -1;
	if (framework > 0) {
		g->nscale = n;
		return 0;
	}
	const struct value *practice = value_path(merged, "cases.practice");
	const struct value *ratings =
	    practice && practice->kind == VALUE_SEQ && practice->n > 0
	        ? value_get(practice->items[0], "ratings")
	        : NULL;
	if (ratings && ratings->kind == VALUE_MAP) {
		if (ratings->n == 0 || ratings->n > FILL_MAX_GRADES) {
			diag_error(d, path, ratings->line, ratings->col,
			           "the scale has %zu grades; a chart shows 1 "
			           "to %d",
			           ratings->n, FILL_MAX_GRADES);
			return -1;
		}
		for (size_t i = 0; i < ratings->n; i++)
			scale_add(g, ratings->members[i].key);
	} else {
		scale_from_grades(g, judgements);
	}
	if (g->nscale == 0) {
		diag_error(d, path, judgements->line, judgements->col,
		           "no judgement is graded, so there is no scale to "
		           "draw");
		return -1;
	}
	return 0;
}

/* The index of grade id in the scale, or -1 after reporting. */
static long
grade_index(const char *path, const struct value *item, struct grades *g,
            const char *title, struct diag_sink *d)
{
	const char *id = model_opt(item, "grade");
	if (id == NULL)
		return -1;
	for (size_t i = 0; i < g->nscale; i++)
		if (strcmp(g->scale[i], id) == 0) {
			const char *t = model_opt(item, "grade_title");
			if (t && g->scale_title[i] == NULL)
				g->scale_title[i] = t;
			return (long)i;
		}
	const struct value *v = value_get(item, "grade");
	diag_error(d, path, v->line, v->col,
	           "the grade of '%s' is not on the scale '%s'", title, id);
	return -2;
}

static int
read_row(const char *path, const struct value *item, bool overall,
         struct grades *g, struct row *r, struct diag_sink *d)
{
	if (item->kind != VALUE_MAP) {
		diag_error(d, path, item->line, item->col,
		           "each judgement must be a map with 'title' and "
		           "'grade'");
		return -1;
	}
	r->overall = overall;
	r->title = model_text(path, item, "title", "a judgement", d);
	if (r->title == NULL)
		return -1;
	r->sub = model_true(item, "sub");
	r->limiting = !overall && model_true(item, "limiting");
	r->grade = grade_index(path, item, g, r->title, d);
	return r->grade < -1 ? -1 : 0;
}

static int
read_grades(struct arena *a, const char *path, const struct value *merged,
            struct grades *g, struct diag_sink *d)
{
	const struct value *j =
	    model_map(path, merged, "judgements", "the merged model", d);
	if (j == NULL)
		return -1;
	if (!model_true(j, "graded")) {
		diag_error(d, path, j->line, j->col,
		           "the judgements chart needs a graded framework "
		           "('judgements.graded' is false)");
		diag_hint(d, "list 'judgements' only in the charts of a "
		             "framework with a 'scale'");
		return -1;
	}
	const struct value *overall =
	    model_map(path, j, "overall", "'judgements'", d);
	const struct value *items =
	    model_list(path, j, "items", "'judgements'", d);
	if (overall == NULL || items == NULL ||
	    read_scale(path, merged, j, g, d) < 0)
		return -1;
	g->limited = model_true(overall, "limited");
	g->nrows = items->n + 1;
	g->rows = arena_alloc(a, g->nrows * sizeof(*g->rows));
	int rc = read_row(path, overall, true, g, &g->rows[0], d);
	for (size_t i = 0; i < items->n; i++)
		if (read_row(path, items->items[i], false, g, &g->rows[i + 1],
		             d) < 0)
			rc = -1;
	for (size_t i = 0; i < g->nscale; i++)
		if (g->scale_title[i] == NULL)
			g->scale_title[i] = model_words(a, g->scale[i]);
	for (size_t i = 0; i < g->nrows; i++)
		if (g->rows[i].grade >= 0)
			g->rows[i].grade_title =
			    g->scale_title[g->rows[i].grade];
	return rc;
}

/* Layout */

static double
widest_word(const struct frame *f, const char *text)
{
	double w = 0;
	char word[256];
	for (const char *p = text; *p;) {
		size_t n = strcspn(p, " ");
		if (n >= sizeof(word))
			n = sizeof(word) - 1;
		memcpy(word, p, n);
		word[n] = '\0';
		w = fmax(w, frame_width(f, false, CHART_TEXT, word));
		p += n;
		while (*p == ' ')
			p++;
	}
	return w;
}

static void
plan_columns(struct layout *l, struct grades *g)
{
	struct frame *f = &l->f;
	double natural = 0, col = COL_MIN;
	for (size_t i = 0; i < g->nrows; i++)
		natural =
		    fmax(natural, frame_width(f, g->rows[i].overall, CHART_TEXT,
		                              g->rows[i].title) +
		                      (g->rows[i].sub ? INDENT : 0));
	for (size_t i = 0; i < g->nscale; i++)
		col = fmax(col, widest_word(f, g->scale_title[i]) +
		                    2 * CELL_GAP + 4);
	/* Room for the mark only when a judgement is limiting. */
	bool any = false;
	for (size_t i = 0; i < g->nrows; i++)
		any |= g->rows[i].limiting;
	double mark = any ? MARK_GAP + MARK_W + 3 +
	                        frame_width(f, true, CHART_TEXT, limiting_text)
	                  : 0;
	double room = CHART_WIDTH - CHART_LABEL_GAP - mark;
	/* The label column takes what it needs up to 40% of the width,
	 * never leaving the grades less than their narrowest. */
	l->label_w = fmin(ceil(natural), CHART_WIDTH * 0.4);
	l->label_w = fmax(fmin(l->label_w, room - col * (double)g->nscale),
	                  CHART_WIDTH * 0.2);
	l->col_x = l->label_w + CHART_LABEL_GAP;
	l->col_w = (room - l->label_w) / (double)g->nscale;
	l->mark_x = l->col_x + l->col_w * (double)g->nscale + MARK_GAP;
	for (size_t i = 0; i < g->nrows; i++) {
		struct row *r = &g->rows[i];
		frame_wrap(f, r->overall, CHART_TEXT,
		           l->label_w - (r->sub ? INDENT : 0), r->title,
		           &r->label);
	}
}

/* Drawing */

/* The grades' names over their columns, bottom-aligned; returns the
 * bottom of the header band. */
static double
draw_header(struct layout *l, const struct grades *g, double top)
{
	struct frame *f = &l->f;
	struct lines t[FILL_MAX_GRADES] = {{0}};
	size_t most = 1;
	for (size_t i = 0; i < g->nscale; i++) {
		frame_wrap(f, false, CHART_TEXT, l->col_w - 2 * CELL_GAP,
		           g->scale_title[i], &t[i]);
		most = t[i].n > most ? t[i].n : most;
	}
	double last = top + f->ascent + (double)(most - 1) * CHART_LINE;
	for (size_t i = 0; i < g->nscale; i++) {
		double cx = l->col_x + ((double)i + 0.5) * l->col_w;
		frame_lines(f, &t[i], cx,
		            last - (double)(t[i].n - 1) * CHART_LINE,
		            CHART_TEXT, false, ANCHOR_MIDDLE, chart_ink);
	}
	return last - f->descent + 4;
}

static double
row_height(const struct row *r)
{
	return fmax(CELL_H, (double)r->label.n * CHART_LINE) + 2 * ROW_PAD;
}

/* The mark of a limiting judgement: a triangle pointing at its row's
 * cells, and the word. */
static void
draw_mark(struct layout *l, double cy)
{
	struct frame *f = &l->f;
	double x = l->mark_x, h = MARK_W * 1.2;
	struct seg tri[4] = {
	    {SEG_MOVE, {x}, {cy}},
	    {SEG_LINE, {x + MARK_W}, {cy - h / 2}},
	    {SEG_LINE, {x + MARK_W}, {cy + h / 2}},
	    {SEG_CLOSE, {0}, {0}},
	};
	scene_fill(f->s, tri, 4, chart_ink);
	scene_text(f->s, x + MARK_W + 3, cy + f->cap / 2, limiting_text,
	           CHART_TEXT, true, ANCHOR_START, chart_ink);
}

static double
draw_row(struct layout *l, const struct grades *g, const struct row *r,
         double top)
{
	struct frame *f = &l->f;
	double h = row_height(r), cy = top + h / 2;
	double indent = r->sub ? INDENT : 0;
	frame_lines(f, &r->label, indent,
	            cy + f->cap / 2 - ((double)r->label.n - 1) * CHART_LINE / 2,
	            CHART_TEXT, r->overall, ANCHOR_START, chart_ink);
	if (r->grade < 0) {
		scene_text(f->s, l->col_x + CELL_GAP, cy + f->cap / 2,
		           "not graded", CHART_TEXT, false, ANCHOR_START,
		           chart_muted);
		return top + h;
	}
	double y = cy - CELL_H / 2;
	for (size_t i = 0; i < g->nscale; i++) {
		double x = l->col_x + (double)i * l->col_w + CELL_GAP / 2;
		double w = l->col_w - CELL_GAP;
		if ((long)i != r->grade) {
			scene_rect(f->s, x, y, w, CELL_H, chart_track);
			continue;
		}
		fill_rect(f->s, x, y, w, CELL_H, fill_grade(i, g->nscale));
		if (!r->limiting)
			continue;
		const double k = LIMIT_LINE / 2;
		struct seg box[5] = {
		    {SEG_MOVE, {x - k}, {y - k}},
		    {SEG_LINE, {x + w + k}, {y - k}},
		    {SEG_LINE, {x + w + k}, {y + CELL_H + k}},
		    {SEG_LINE, {x - k}, {y + CELL_H + k}},
		    {SEG_CLOSE, {0}, {0}},
		};
		scene_stroke(f->s, box, 5, LIMIT_LINE, chart_ink);
	}
	if (r->limiting)
		draw_mark(l, cy);
	return top + h;
}

static double
draw_rows(struct layout *l, const struct grades *g, double y)
{
	for (size_t i = 0; i < g->nrows; i++) {
		y = draw_row(l, g, &g->rows[i], y);
		if (g->rows[i].overall) {
			scene_line(l->f.s, 0, y + 2, CHART_WIDTH, y + 2, 0.5,
			           chart_grid);
			y += 4;
		}
	}
	return y;
}

/* Alt text and data */

static void
put_lower(struct buf *b, const char *title)
{
	buf_putc(b, tolower((unsigned char)title[0]));
	buf_puts(b, title + 1);
}

static const char *
make_alt(struct arena *a, const char *title, const struct grades *g)
{
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "%s, each on a scale of %zu grades from ", title,
	           g->nscale);
	put_lower(&b, g->scale_title[0]);
	buf_puts(&b, " to ");
	put_lower(&b, g->scale_title[g->nscale - 1]);
	for (size_t i = 0; i < g->nrows; i++) {
		const struct row *r = &g->rows[i];
		buf_printf(&b, "%s %s: ",
		           i == 0   ? "."
		           : i == 1 ? "."
		                    : ";",
		           r->title);
		if (r->grade < 0)
			buf_puts(&b, "not graded");
		else
			put_lower(&b, r->grade_title);
		if (r->overall && g->limited)
			buf_puts(&b, ", set by the limiting judgement");
		if (r->limiting)
			buf_puts(&b, " (the limiting judgement)");
	}
	buf_putc(&b, '.');
	const char *alt = arena_strdup(a, buf_cstr(&b));
	buf_release(&b);
	return alt;
}

static void
make_data(struct scene *s, const struct grades *g)
{
	static const char *const head[] = {"Judgement", "Grade", "Limiting"};
	scene_data_head(s, 3, head, 0);
	for (size_t i = 0; i < g->nrows; i++) {
		const struct row *r = &g->rows[i];
		const char *cells[] = {
		    r->title, r->grade < 0 ? "Not graded" : r->grade_title,
		    r->limiting ? "Yes, limits overall effectiveness"
		    : r->overall && g->limited ? "Set by the limiting judgement"
		                               : ""};
		scene_data_row(s, cells);
	}
}

struct scene *
grades_draw(struct arena *a, const char *name, const char *path,
            const struct value *merged, const struct fontset *fonts,
            struct diag_sink *d)
{
	struct grades g = {0};
	if (read_grades(a, path, merged, &g, d) < 0)
		return NULL;
	struct layout l = {0};
	frame_init(&l.f, a, name, fonts);
	const char *title =
	    frame_title_in(&l.f, "Judgements", model_area(merged));
	l.f.s->alt = make_alt(a, title, &g);
	make_data(l.f.s, &g);
	double y = frame_title(&l.f, title);
	plan_columns(&l, &g);
	y = draw_header(&l, &g, y);
	y = draw_rows(&l, &g, y);
	frame_end(&l.f, y - ROW_PAD + l.f.descent);
	return l.f.s;
}
