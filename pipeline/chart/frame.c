/* The frame of every chart: type, text wrapping, title, legend, note. */
#include "chart/frame.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "chart/fill.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/font.h"
#include "core/utf8.h"

#define SWATCH_W   12.0
#define SWATCH_H   9.0
#define SWATCH_GAP 4.0  /* swatch to its label */
#define ITEM_GAP   14.0 /* one legend entry to the next */
#define TITLE_GAP  8.0  /* below the title */

const struct rgb chart_ink = {0x0b / 255.0, 0x0c / 255.0, 0x0c / 255.0};
const struct rgb chart_muted = {0x50 / 255.0, 0x5a / 255.0, 0x5f / 255.0};
const struct rgb chart_grid = {0xd9 / 255.0, 0xd9 / 255.0, 0xd9 / 255.0};
const struct rgb chart_track = {0xf3 / 255.0, 0xf2 / 255.0, 0xf1 / 255.0};
const struct rgb chart_white = {1.0, 1.0, 1.0};

void
frame_init(struct frame *f, struct arena *a, const char *name,
           const struct fontset *fonts)
{
	memset(f, 0, sizeof(*f));
	f->a = a;
	f->face[0] = fonts->face[FONT_REGULAR];
	f->face[1] = fonts->face[FONT_BOLD];
	f->cap = font_cap_height(f->face[0]) * CHART_TEXT / 1000;
	f->ascent = font_ascent(f->face[0]) * CHART_TEXT / 1000;
	f->descent = font_descent(f->face[0]) * CHART_TEXT / 1000;
	f->s = scene_new(a, name, CHART_WIDTH, 0);
}

double
frame_width(const struct frame *f, bool bold, double size, const char *text)
{
	return font_width(f->face[bold], text, strlen(text), size);
}

const char *
frame_count(long n, char t[32])
{
	char digits[24];
	size_t j = 0;
	if (n < 0) {
		t[j++] = '-';
		n = -n;
	}
	int len = snprintf(digits, sizeof(digits), "%ld", n);
	for (int i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			t[j++] = ',';
		t[j++] = digits[i];
	}
	t[j] = '\0';
	return t;
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

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Pushes the leading pieces of a word too wide for maxw as lines of their
 * own, broken between characters, and leaves the last piece in line. */
static void
wrap_word(struct frame *f, const struct font *font, double size, double maxw,
          const char *w, size_t n, struct lines *out, struct buf *line)
{
	size_t start = 0;
	for (size_t i = 0; i < n;) {
		unsigned cp;
		size_t k = utf8_decode(w + i, n - i, &cp);
		if (i > start &&
		    font_width(font, w + start, i + k - start, size) > maxw) {
			lines_push(f->a, out, w + start, i - start);
			start = i;
		}
		i += k;
	}
	buf_append(line, w + start, n - start);
}

void
frame_wrap(struct frame *f, bool bold, double size, double maxw,
           const char *text, struct lines *out)
{
	const struct font *font = f->face[bold];
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
		if (font_width(font, line.data, line.len, size) <= maxw)
			continue;
		if (kept)
			lines_push(f->a, out, line.data, kept);
		buf_clear(&line);
		if (font_width(font, w, n, size) <= maxw)
			buf_append(&line, w, n);
		else
			wrap_word(f, font, size, maxw, w, n, out, &line);
	}
	if (line.len)
		lines_push(f->a, out, line.data, line.len);
	buf_release(&line);
}

double
frame_lines_width(const struct frame *f, bool bold, double size,
                  const struct lines *t)
{
	double w = 0;
	for (size_t i = 0; i < t->n; i++)
		w = fmax(w, frame_width(f, bold, size, t->v[i]));
	return w;
}

double
frame_lines(struct frame *f, const struct lines *t, double x, double y,
            double size, bool bold, enum text_anchor anchor, struct rgb color)
{
	double leading = size > CHART_TEXT ? CHART_TITLE_LINE : CHART_LINE;
	for (size_t i = 0; i < t->n; i++, y += leading)
		scene_text(f->s, x, y, t->v[i], size, bold, anchor, color);
	return y - leading;
}

double
frame_title(struct frame *f, const char *title)
{
	struct lines t = {0};
	frame_wrap(f, true, CHART_TITLE, CHART_WIDTH, title, &t);
	double base = font_ascent(f->face[1]) * CHART_TITLE / 1000;
	base = frame_lines(f, &t, 0, base, CHART_TITLE, true, ANCHOR_START,
	                   chart_ink);
	return base - font_descent(f->face[1]) * CHART_TITLE / 1000 + TITLE_GAP;
}

void
frame_end(struct frame *f, double base)
{
	f->s->height = ceil(base - f->descent + 1);
}

void
frame_note(struct frame *f, double y, const char *text)
{
	struct lines t = {0};
	frame_wrap(f, false, CHART_TEXT, CHART_WIDTH, text, &t);
	frame_end(f, frame_lines(f, &t, 0, y + f->ascent, CHART_TEXT, false,
	                         ANCHOR_START, chart_muted));
}

static double
legend_item_width(const struct frame *f, const struct legend_item *item)
{
	return SWATCH_W + SWATCH_GAP +
	       frame_width(f, false, CHART_TEXT, item->label);
}

double
frame_legend(struct frame *f, double x, double top,
             const struct legend_item *items, size_t n)
{
	double all = 0;
	for (size_t i = 0; i < n; i++)
		all += legend_item_width(f, &items[i]) + (i ? ITEM_GAP : 0);
	if (x + all > CHART_WIDTH) /* on one line from the left if it can */
		x = fmax(0, fmin(x, CHART_WIDTH - all));
	double left = x;
	for (size_t i = 0; i < n; i++) {
		double w = legend_item_width(f, &items[i]);
		if (x > left && x + w > CHART_WIDTH) {
			x = left;
			top += CHART_LINE + 3;
		}
		double cy = top + CHART_LINE / 2;
		fill_rect(f->s, x, cy - SWATCH_H / 2, SWATCH_W, SWATCH_H,
		          items[i].fill);
		scene_text(f->s, x + SWATCH_W + SWATCH_GAP, cy + f->cap / 2,
		           items[i].label, CHART_TEXT, false, ANCHOR_START,
		           chart_ink);
		x += w + ITEM_GAP;
	}
	return top + CHART_LINE;
}

const char *
frame_title_in(struct frame *f, const char *title, const char *area)
{
	if (area == NULL || *area == '\0')
		return title;
	return arena_printf(f->a, "%s in %s", title, area);
}
