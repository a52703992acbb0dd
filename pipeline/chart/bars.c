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

#include "chart/scene.h"
#include "core/alloc.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/font.h"
#include "core/utf8.h"
#include "core/value.h"

#define CHART_WIDTH 453.5 /* A4 595.3 pt less two margins of 70.9 pt */
#define TEXT_SIZE 9.0
#define TITLE_SIZE 10.0
#define LINE_H 11.0       /* leading of 9 pt labels */
#define TITLE_LINE_H 12.5 /* leading of the 10 pt title */
#define LABEL_MAX (CHART_WIDTH * 0.32) /* widest label column */
#define LABEL_GAP 10.0 /* label column to plot */
#define BAR_H 12.0
#define ROW_PAD 5.0   /* above and below the taller of bar and label */
#define COUNT_GAP 3.0 /* bar end to its count */
#define TICK_LEN 3.0
#define MAX_TICKS 5 /* per half */
#define TICK_ROOM 6.0 /* least space between two tick labels */
#define SWATCH_W 12.0
#define SWATCH_H 9.0
#define HATCH_GAP 4.0 /* stripe period, across the stripes */
#define HATCH_W 1.4   /* white stripe width */
#define OUTLINE 0.75
#define COUNT_MAX 999999999L
#define SQRT2 1.41421356237309504880

static const struct rgb ink = {0x0b / 255.0, 0x0c / 255.0, 0x0c / 255.0};
static const struct rgb grid = {0xd9 / 255.0, 0xd9 / 255.0, 0xd9 / 255.0};
static const struct rgb blue = {0x00 / 255.0, 0x72 / 255.0, 0xb2 / 255.0};
static const struct rgb vermillion = {0xd5 / 255.0, 0x5e / 255.0, 0.0};
static const struct rgb white = {1.0, 1.0, 1.0};

static const char title_text[] = "Strengths and areas for improvement by agency";

struct lines {
	const char **v;
	size_t n, cap;
};

struct row {
	const char *name;
	long strengths, improvements;
	struct lines label;
};

struct layout {
	struct scene *s;
	const struct font *reg, *bold;
	double label_w;    /* label column, from x = 0 */
	double axis_x;     /* the centre axis */
	double scale;      /* points per finding */
	long step, nticks; /* tick spacing in findings; ticks per half */
	double cap, ascent, descent; /* of 9 pt text, in points */
};

/* Reading the model */

static int
read_count(const char *path, const struct value *agency, const char *key,
           const char *name, long *out, struct diag_sink *d)
{
	const struct value *v = value_get(agency, key);
	if (v == NULL) {
		diag_error(d, path, agency->line, agency->col,
		           "agency '%s' has no '%s' count", name, key);
		return -1;
	}
	const char *text = value_text(v);
	char *end = NULL;
	long n = -1;
	if (text && text[0] >= '0' && text[0] <= '9')
		n = strtol(text, &end, 10);
	if (n < 0 || *end != '\0') {
		diag_error(d, path, v->line, v->col,
		           "'%s' of agency '%s' must be a whole number, not '%s'",
		           key, name, text ? text : "(none)");
		return -1;
	}
	if (n > COUNT_MAX) {
		diag_error(d, path, v->line, v->col,
		           "'%s' of agency '%s' is too large '%s'", key, name,
		           text);
		diag_hint(d, "at most %ld", COUNT_MAX);
		return -1;
	}
	*out = n;
	return 0;
}

static int
read_row(const char *path, const struct value *item, size_t i,
         struct row *row, struct diag_sink *d)
{
	if (item->kind != VALUE_MAP) {
		diag_error(d, path, item->line, item->col,
		           "agency %zu must be a map with 'name', 'strengths' "
		           "and 'improvements'", i + 1);
		return -1;
	}
	row->name = value_text(value_get(item, "name"));
	if (row->name == NULL) {
		const char *id = value_text(value_get(item, "id"));
		diag_error(d, path, item->line, item->col,
		           "agency '%s' has no 'name'", id ? id : "?");
		return -1;
	}
	int rc = read_count(path, item, "strengths", row->name,
	                    &row->strengths, d);
	if (read_count(path, item, "improvements", row->name,
	               &row->improvements, d) < 0)
		rc = -1;
	return rc;
}

/* Fills *rows from merged's `agencies`; -1 after reporting every problem. */
static int
read_rows(struct arena *a, const char *path, const struct value *merged,
          struct row **rows, size_t *n, struct diag_sink *d)
{
	if (merged == NULL || merged->kind != VALUE_MAP) {
		diag_error(d, path, merged ? merged->line : 0,
		           merged ? merged->col : 0,
		           "the merged model must be a map with 'agencies'");
		return -1;
	}
	const struct value *list = value_get(merged, "agencies");
	if (list == NULL) {
		diag_error(d, path, merged->line, merged->col,
		           "'agencies' is missing from the merged model");
		return -1;
	}
	if (list->kind != VALUE_SEQ) {
		diag_error(d, path, list->line, list->col,
		           "'agencies' must be a list of agencies");
		return -1;
	}
	*rows = arena_alloc(a, (list->n ? list->n : 1) * sizeof(**rows));
	*n = list->n;
	int rc = 0;
	for (size_t i = 0; i < list->n; i++)
		if (read_row(path, list->items[i], i, &(*rows)[i], d) < 0)
			rc = -1;
	return rc;
}

/* Text */

/* Writes n with a comma between thousands, as the house style writes
 * numbers ("12,345"); returns t. */
static const char *
fmt_count(long n, char t[32])
{
	char digits[24];
	int len = snprintf(digits, sizeof(digits), "%ld", n);
	size_t j = 0;
	for (int i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			t[j++] = ',';
		t[j++] = digits[i];
	}
	t[j] = '\0';
	return t;
}

static double
text_w(const struct font *f, const char *s, double size)
{
	return font_width(f, s, strlen(s), size);
}

static void
lines_push(struct arena *a, struct lines *l, const char *s, size_t n)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 4;
		l->v = arena_grow(a, l->v, l->cap * sizeof(*l->v),
		                  cap * sizeof(*l->v));
		l->cap = cap;
	}
	l->v[l->n++] = arena_strndup(a, s, n);
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Pushes the leading pieces of a word too wide for maxw as lines of their
 * own, broken between characters, and leaves the last piece in line. */
static void
wrap_word(struct arena *a, const struct font *f, double size, double maxw,
          const char *w, size_t n, struct lines *out, struct buf *line)
{
	size_t start = 0;
	for (size_t i = 0; i < n;) {
		unsigned cp;
		size_t k = utf8_decode(w + i, n - i, &cp);
		if (i > start && font_width(f, w + start, i + k - start, size) > maxw) {
			lines_push(a, out, w + start, i - start);
			start = i;
		}
		i += k;
	}
	buf_append(line, w + start, n - start);
}

/* Breaks text at spaces into lines no wider than maxw at size. */
static void
wrap(struct arena *a, const struct font *f, double size, double maxw,
     const char *text, struct lines *out)
{
	struct buf line;
	buf_init(&line);
	for (const char *p = text; *p;) {
		while (is_space(*p))
			p++;
		const char *w = p;
		while (*p && !is_space(*p))
			p++;
		size_t n = (size_t)(p - w);
		if (n == 0)
			break;
		size_t kept = line.len;
		if (kept)
			buf_putc(&line, ' ');
		buf_append(&line, w, n);
		if (font_width(f, line.data, line.len, size) <= maxw)
			continue;
		if (kept)
			lines_push(a, out, line.data, kept);
		buf_clear(&line);
		if (font_width(f, w, n, size) <= maxw)
			buf_append(&line, w, n);
		else
			wrap_word(a, f, size, maxw, w, n, out, &line);
	}
	if (line.len)
		lines_push(a, out, line.data, line.len);
	buf_release(&line);
}

/* Geometry */

struct pt {
	double x, y;
};

/* Keeps the part of the convex polygon in (n points) where
 * sign * (x + y - c) >= 0; returns the number of points written to out. */
static size_t
clip_diagonal(const struct pt *in, size_t n, double c, double sign,
              struct pt *out)
{
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		struct pt p = in[i], q = in[(i + 1) % n];
		double fp = sign * (p.x + p.y - c), fq = sign * (q.x + q.y - c);
		if (fp >= 0)
			out[m++] = p;
		if ((fp >= 0) != (fq >= 0)) {
			double t = fp / (fp - fq);
			out[m++] = (struct pt){p.x + t * (q.x - p.x),
			                       p.y + t * (q.y - p.y)};
		}
	}
	return m;
}

/* Fills white diagonal stripes (rising to the right) over the rectangle,
 * clipped to it, as one path. The stripes sit at fixed page positions so
 * that bars and the legend swatch share one pattern. */
static void
draw_stripes(struct scene *s, double x, double y, double w, double h)
{
	const double period = HATCH_GAP * SQRT2, width = HATCH_W * SQRT2;
	struct pt rect[4] = {{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}};
	struct seg *segs = NULL;
	size_t n = 0, cap = 0;
	long k0 = (long)floor((x + y - width) / period);
	long k1 = (long)ceil((x + w + y + h) / period);
	for (long k = k0; k <= k1; k++) {
		struct pt half[8], piece[8];
		double c = k * period;
		size_t m = clip_diagonal(rect, 4, c, 1.0, half);
		m = clip_diagonal(half, m, c + width, -1.0, piece);
		if (m < 3)
			continue;
		segs = xgrow(segs, &cap, n + m + 1, sizeof(*segs));
		for (size_t i = 0; i < m; i++)
			segs[n++] = (struct seg){i ? SEG_LINE : SEG_MOVE,
			                         {piece[i].x}, {piece[i].y}};
		segs[n++] = (struct seg){SEG_CLOSE, {0}, {0}};
	}
	if (n)
		scene_fill(s, segs, n, white);
	free(segs);
}

/* The improvement series: vermillion, hatched, outlined inside its box. */
static void
draw_hatched(struct scene *s, double x, double y, double w, double h)
{
	if (w <= 0)
		return;
	scene_rect(s, x, y, w, h, vermillion);
	if (w <= 2 * OUTLINE)
		return;
	draw_stripes(s, x, y, w, h);
	const double i = OUTLINE / 2;
	struct seg box[5] = {
	    {SEG_MOVE, {x + i}, {y + i}},
	    {SEG_LINE, {x + w - i}, {y + i}},
	    {SEG_LINE, {x + w - i}, {y + h - i}},
	    {SEG_LINE, {x + i}, {y + h - i}},
	    {SEG_CLOSE, {0}, {0}},
	};
	scene_stroke(s, box, 5, OUTLINE, vermillion);
}

/* Scale */

/* Picks the tick step (1, 2 or 5 times a power of ten) giving at most
 * MAX_TICKS ticks per half whose labels do not touch, and the scale that
 * puts the last tick at avail points from the axis. */
static void
choose_scale(struct layout *l, long max, double avail)
{
	static const long mult[] = {1, 2, 5};
	for (long mag = 1;; mag *= 10) {
		for (size_t i = 0; i < 3; i++) {
			long step = mult[i] * mag;
			long n = max == 0 ? 1 : (max + step - 1) / step;
			char t[32];
			double room = avail / (double)n;
			/* Past the largest count one tick always fits. */
			if (mag < COUNT_MAX &&
			    (n > MAX_TICKS ||
			     room < text_w(l->reg, fmt_count(n * step, t),
			                   TEXT_SIZE) + TICK_ROOM))
				continue;
			l->step = step;
			l->nticks = n;
			l->scale = avail / (double)(n * step);
			return;
		}
	}
}

/* Sets the label column and the axis from the rows' names and counts. */
static void
plan_columns(struct layout *l, const struct row *rows, size_t n)
{
	double natural = 0, count_w = 0;
	long max = 0;
	for (size_t i = 0; i < n; i++) {
		char t[32];
		natural = fmax(natural, text_w(l->reg, rows[i].name, TEXT_SIZE));
		long big = rows[i].strengths > rows[i].improvements
		               ? rows[i].strengths
		               : rows[i].improvements;
		max = big > max ? big : max;
		count_w = fmax(count_w,
		               text_w(l->reg, fmt_count(big, t), TEXT_SIZE));
	}
	l->label_w = fmin(ceil(natural), LABEL_MAX);
	double x0 = l->label_w + LABEL_GAP;
	double half = (CHART_WIDTH - x0) / 2;
	l->axis_x = x0 + half;
	/* The last tick label has at most one digit more than the largest
	 * count and is centred on its tick. */
	char t[32];
	double tick_over = text_w(l->reg, fmt_count(max * 10, t), TEXT_SIZE) / 2;
	double reserve = fmax(COUNT_GAP + count_w, tick_over) + 1;
	choose_scale(l, max, half - reserve);
}

/* Drawing */

/* Draws lines of text from the first baseline y; returns the last one. */
static double
draw_lines(struct layout *l, const struct lines *t, double x, double y,
           double size, double leading, bool bold)
{
	for (size_t i = 0; i < t->n; i++, y += leading)
		scene_text(l->s, x, y, t->v[i], size, bold, ANCHOR_START, ink);
	return y - leading;
}

/* Draws the series headers in the band from top; returns its bottom. */
static double
draw_legend(struct layout *l, double top)
{
	double cy = top + LINE_H / 2, base = cy + l->cap / 2;
	double sy = cy - SWATCH_H / 2;
	const char *left = "Areas for improvement", *right = "Strengths";
	double lw = text_w(l->reg, left, TEXT_SIZE);
	double tx = l->axis_x - 6;
	draw_hatched(l->s, tx - lw - 4 - SWATCH_W, sy, SWATCH_W, SWATCH_H);
	scene_text(l->s, tx, base, left, TEXT_SIZE, false, ANCHOR_END, ink);
	tx = l->axis_x + 6;
	scene_rect(l->s, tx, sy, SWATCH_W, SWATCH_H, blue);
	scene_text(l->s, tx + SWATCH_W + 4, base, right, TEXT_SIZE, false,
	           ANCHOR_START, ink);
	return top + LINE_H;
}

static void
draw_count(struct layout *l, long count, double x, double base,
           enum text_anchor anchor)
{
	char t[32];
	scene_text(l->s, x, base, fmt_count(count, t), TEXT_SIZE, false, anchor,
	           ink);
}

/* A row is as tall as the taller of its bar and its label, padded. */
static double
row_height(const struct row *r)
{
	return fmax(BAR_H, (double)r->label.n * LINE_H) + 2 * ROW_PAD;
}

/* Draws one agency's row from top; returns its bottom. */
static double
draw_row(struct layout *l, const struct row *r, double top)
{
	double h = row_height(r);
	double cy = top + h / 2, base = cy + l->cap / 2;
	double first = base - ((double)r->label.n - 1) * LINE_H / 2;
	draw_lines(l, &r->label, 0, first, TEXT_SIZE, LINE_H, false);
	double sw = (double)r->strengths * l->scale;
	double iw = (double)r->improvements * l->scale;
	if (sw > 0)
		scene_rect(l->s, l->axis_x, cy - BAR_H / 2, sw, BAR_H, blue);
	draw_hatched(l->s, l->axis_x - iw, cy - BAR_H / 2, iw, BAR_H);
	draw_count(l, r->strengths, l->axis_x + sw + COUNT_GAP, base,
	           ANCHOR_START);
	draw_count(l, r->improvements, l->axis_x - iw - COUNT_GAP, base,
	           ANCHOR_END);
	return top + h;
}

/* Gridlines and tick labels behind and below the rows; returns the bottom
 * of the axis caption's line. */
static double
draw_grid(struct layout *l, double top, double bottom)
{
	double base = bottom + TICK_LEN + 2 + l->ascent;
	for (long k = -l->nticks; k <= l->nticks; k++) {
		double x = l->axis_x + (double)(k * l->step) * l->scale;
		if (k != 0)
			scene_line(l->s, x, top, x, bottom + TICK_LEN, 0.5, grid);
		draw_count(l, labs(k) * l->step, x, base, ANCHOR_MIDDLE);
	}
	base += LINE_H + 1;
	scene_text(l->s, l->axis_x, base, "Number of findings", TEXT_SIZE,
	           false, ANCHOR_MIDDLE, ink);
	return ceil(base - l->descent + 1);
}

static void
draw_rows(struct layout *l, const struct row *rows, size_t n, double top)
{
	double bottom = top;
	for (size_t i = 0; i < n; i++)
		bottom += row_height(&rows[i]);
	/* Gridlines first, so that bars and the axis cover them. */
	l->s->height = draw_grid(l, top, bottom);
	double y = top;
	for (size_t i = 0; i < n; i++)
		y = draw_row(l, &rows[i], y);
	scene_line(l->s, l->axis_x, top, l->axis_x, bottom + TICK_LEN,
	           OUTLINE, ink);
}

/* Alt text */

static const char *
plural(long n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static const char *
make_alt(struct arena *a, const char *title, const struct row *rows,
         size_t n)
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
		           fmt_count(r->strengths, s),
		           plural(r->strengths, "strength", "strengths"),
		           fmt_count(r->improvements, m),
		           plural(r->improvements, "area for improvement",
		                  "areas for improvement"));
	}
	if (n)
		buf_putc(&b, '.');
	const char *alt = arena_strdup(a, buf_cstr(&b));
	buf_release(&b);
	return alt;
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
	struct layout l = {.reg = fonts->face[FONT_REGULAR],
	                   .bold = fonts->face[FONT_BOLD]};
	l.cap = font_cap_height(l.reg) * TEXT_SIZE / 1000;
	l.ascent = font_ascent(l.reg) * TEXT_SIZE / 1000;
	l.descent = font_descent(l.reg) * TEXT_SIZE / 1000;
	l.s = scene_new(a, name, CHART_WIDTH, 0);

	const char *area = value_text(value_path(merged, "area.name"));
	const char *title = area && *area
	                        ? arena_printf(a, "%s in %s", title_text, area)
	                        : title_text;
	l.s->alt = make_alt(a, title, rows, n);

	struct lines t = {0};
	wrap(a, l.bold, TITLE_SIZE, CHART_WIDTH, title, &t);
	double base = font_ascent(l.bold) * TITLE_SIZE / 1000;
	base = draw_lines(&l, &t, 0, base, TITLE_SIZE, TITLE_LINE_H, true);
	double y = base - font_descent(l.bold) * TITLE_SIZE / 1000 + 8;
	if (n == 0) {
		y += l.ascent;
		scene_text(l.s, 0, y, "No agencies to show.", TEXT_SIZE, false,
		           ANCHOR_START, ink);
		l.s->height = ceil(y - l.descent + 1);
		return l.s;
	}

	plan_columns(&l, rows, n);
	for (size_t i = 0; i < n; i++)
		wrap(a, l.reg, TEXT_SIZE, l.label_w, rows[i].name,
		     &rows[i].label);
	y = draw_legend(&l, y) + 6;
	draw_rows(&l, rows, n, y);
	return l.s;
}
