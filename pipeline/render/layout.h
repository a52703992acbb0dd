/* The line breaker: a paragraph given as runs of text in one face and size
 * (regular, bold or mono; part of a link or not) is broken into lines no
 * wider than a measure, left-aligned and ragged right, never justified.
 *
 * It works as TeX does, in three steps, so that the choice of break points
 * can be swapped (first fit today; Knuth-Plass minimum raggedness later):
 *   1. the runs become items: boxes (unbreakable text), glue (a space) and
 *      penalties (a forced break at a hard line break, or an allowed break
 *      inside a word too long for the line, at a character boundary);
 *   2. a breaker picks the items where lines end;
 *   3. the lines are built as segments: a stretch of one run shown as one
 *      string, spaces included, at a measured offset from the line start.
 * Text is measured with core/font.h, the same advance widths as libharu
 * writes into the PDF, so positions agree with what the viewer draws. */
#ifndef JTAI_RENDER_LAYOUT_H
#define JTAI_RENDER_LAYOUT_H

#include <stddef.h>

#include "core/font.h"

/* A run of text in one face and size. */
struct run {
	const char *text; /* borrowed; ' ' may break, '\n' forces a break */
	size_t len;
	enum font_role face;
	double size;
	int link; /* index into the caller's table of links, or -1 */
};

/* A stretch of one run on one line, shown as one string. */
struct line_seg {
	size_t run;        /* index into the runs given to layout_paragraph */
	size_t start, end; /* bytes of that run's text */
	double x, width;   /* offset from the line's start, and width, in pt */
};

struct line {
	size_t seg, nseg; /* into struct lines' segments */
	double width;     /* of the text, trailing spaces excluded */
};

/* Lines of any number of paragraphs, appended one after the other. A struct
 * the caller provides: zero it (or lines_init), then lines_release. */
struct lines {
	struct line *line;
	size_t n, cap;
	struct line_seg *seg;
	size_t nseg, segcap;
};

void lines_init(struct lines *ls);
void lines_release(struct lines *ls);

enum item_kind { ITEM_BOX, ITEM_GLUE, ITEM_PENALTY };

/* A forced break's penalty; any higher penalty is a break allowed there. */
#define LAYOUT_FORCE (-10000)

struct layout_item {
	enum item_kind kind;
	int penalty; /* ITEM_PENALTY: LAYOUT_FORCE or an allowed break */
	size_t run;  /* BOX, GLUE: the run and bytes it stands for */
	size_t start, end;
	double width; /* BOX, GLUE: in pt; PENALTY: 0 */
};

struct layout;

/* A breaker appends to l->brk the index of each item where a line ends
 * (the glue or penalty dropped there), then l->nitem for the last line.
 * It must make progress: every line but the last holds at least one box. */
typedef void layout_breaker_fn(struct layout *l, double width);

/* The breaker's state and scratch memory, reused from one paragraph to the
 * next so that breaking allocates nothing per word. */
struct layout {
	const struct fontset *fonts;
	layout_breaker_fn *breaker; /* layout_break_first_fit by default */
	struct layout_item *item;
	size_t nitem, itemcap;
	size_t *brk;
	size_t nbrk, brkcap;
	struct layout_item *word; /* the boxes of a word being split */
	size_t nword, wordcap;
};

/* Sets up l to measure with fonts (borrowed; must outlive l). */
void layout_init(struct layout *l, const struct fontset *fonts);
void layout_release(struct layout *l);

/* Breaks runs[0..n) into lines at most width pt wide and appends them to
 * out; returns the number of lines appended (0 when the runs hold no text).
 * A word wider than the line is broken between two characters (never
 * inside a UTF-8 sequence nor before a combining mark); a single character
 * wider than the line is the only thing that may overflow. */
size_t layout_paragraph(struct layout *l, const struct run *runs, size_t n,
                        double width, struct lines *out);

/* The widths runs[0..n) ask for: *natural, the widest line when nothing
 * but a forced break ends a line, and *minimum, the widest word (a
 * measure below it breaks a word). layout_paragraph at *natural gives the
 * forced lines and no others. */
void layout_extent(struct layout *l, const struct run *runs, size_t n,
                   double *natural, double *minimum);

/* The first-fit breaker: each line takes as many words as fit. */
void layout_break_first_fit(struct layout *l, double width);

/* Width in pt of s (n bytes of UTF-8) in face at size. */
double layout_measure(const struct layout *l, enum font_role face, double size,
                      const char *s, size_t n);

#endif
