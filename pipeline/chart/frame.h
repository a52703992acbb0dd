/* What every chart shares: its width (the A4 text block), its type (9 pt
 * labels, a 10 pt bold title, measured with the letter's fonts), text
 * wrapped to a width without ever cutting a word off, counts written in
 * the house style, the title, a legend of swatches and a note in place of
 * an empty plot. A chart draws with a frame, then sets s->height. */
#ifndef JTAI_CHART_FRAME_H
#define JTAI_CHART_FRAME_H

#include <stdbool.h>
#include <stddef.h>

#include "chart/scene.h"

struct arena;
struct fill;
struct font;
struct fontset;

#define CHART_WIDTH      453.5 /* A4 595.3 pt less two margins of 70.9 pt */
#define CHART_TEXT       9.0   /* labels, counts, legends */
#define CHART_TITLE      10.0  /* the title, bold */
#define CHART_LINE       11.0  /* leading of labels */
#define CHART_TITLE_LINE 12.5  /* leading of the title */
#define CHART_LABEL_MAX  (CHART_WIDTH * 0.32) /* widest row label column */
#define CHART_LABEL_GAP  10.0                 /* row label column to plot */
#define CHART_ROW_PAD    5.0  /* above and below a row's bar or label */
#define CHART_BAR        12.0 /* bar thickness */
#define CHART_COUNT_GAP  3.0  /* bar end to its count */

extern const struct rgb chart_ink;   /* text and axes */
extern const struct rgb chart_muted; /* secondary text, 7:1 on white */
extern const struct rgb chart_grid;  /* gridlines */
extern const struct rgb chart_track; /* the empty part of a scale */
extern const struct rgb chart_white;

/* Lines of wrapped text, in the frame's arena. */
struct lines {
	const char **v;
	size_t n, cap;
};

struct frame {
	struct scene *s;
	struct arena *a;
	const struct font *face[2];  /* regular, bold */
	double cap, ascent, descent; /* of CHART_TEXT regular text, pt */
};

/* Starts a chart: an empty scene named name, CHART_WIDTH wide, in a. fonts
 * must hold the regular and bold faces. */
void frame_init(struct frame *f, struct arena *a, const char *name,
                const struct fontset *fonts);

/* Width in points of text at size. */
double frame_width(const struct frame *f, bool bold, double size,
                   const char *text);
/* Writes n with commas between thousands ("12,345") into t; returns t. */
const char *frame_count(long n, char t[32]);
/* Breaks text at spaces into lines no wider than maxw; a word wider than
 * maxw is broken between characters. Every character stays. */
void frame_wrap(struct frame *f, bool bold, double size, double maxw,
                const char *text, struct lines *out);
/* Widest line of t at size. */
double frame_lines_width(const struct frame *f, bool bold, double size,
                         const struct lines *t);
/* Draws t's lines from the first baseline y, CHART_LINE apart (the title's
 * leading at CHART_TITLE); returns the last baseline. */
double frame_lines(struct frame *f, const struct lines *t, double x, double y,
                   double size, bool bold, enum text_anchor anchor,
                   struct rgb color);

/* Draws the title, wrapped to the chart's width, from the top; returns
 * where what follows it starts. */
double frame_title(struct frame *f, const char *title);
/* Draws text (wrapped, muted) with its first line's top at y and sets the
 * scene's height below it. For a chart with nothing to plot. */
void frame_note(struct frame *f, double y, const char *text);
/* Sets the scene's height to hold a line of CHART_TEXT text whose
 * baseline is at base. */
void frame_end(struct frame *f, double base);

/* One entry of a legend: a swatch in fill and its label. */
struct legend_item {
	const struct fill *fill;
	const char *label;
};

/* Draws the items left to right from x (further left when that keeps
 * them on one line), starting a new line when one would pass the chart's
 * right edge; returns the bottom of the last line. */
double frame_legend(struct frame *f, double x, double top,
                    const struct legend_item *items, size_t n);

/* "Title in Area", or title when area is NULL or empty. */
const char *frame_title_in(struct frame *f, const char *title,
                           const char *area);

#endif
