/* The line breaker: a paragraph given as runs of text in one face and size
 * (regular, bold or mono; part of a link or not) is broken into lines no
 * wider than a measure, left-aligned and ragged right, never justified.
 *
 * It works as TeX does, in three steps, so that the choice of break points
 * can be swapped (total fit by default, first fit for comparison):
 *   1. the runs become items: boxes (unbreakable text), glue (a space, or a
 *      tie: a no-break space, or the space between a number and its unit)
 *      and penalties (a forced break at a hard line break, or an allowed
 *      break at a cost: after the hyphen of a compound, at a safe point of
 *      a URL too long for the line, between two characters of a word too
 *      long for the line);
 *   2. a breaker picks the items where lines end (linebreak.c);
 *   3. the lines are built as segments: a stretch of one run shown as one
 *      string, spaces included, at a measured offset from the line start.
 * Text is measured with core/font.h, the same advance widths as libharu
 * writes into the PDF, so positions agree with what the viewer draws.
 * The rules are described for writers in docs/typesetting.md. */
#ifndef JTAI_RENDER_LAYOUT_H
#define JTAI_RENDER_LAYOUT_H

#include <stddef.h>

#include "core/font.h"

/* A run of text in one face and size. */
struct run {
	const char *text; /* borrowed; ' ' may break, '\n' forces a break,
	                   * U+00A0 and U+202F never break (shown) */
	size_t len;
	enum font_role face;
	double size;
	int link;           /* index into the caller's table of links, or -1 */
	unsigned char mark; /* a redline's mark (render/redline.h), or 0 */
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

/* Penalties: what breaking at a glue or penalty item adds to the cost of a
 * paragraph, in the unit of a line's badness (linebreak.c: a line short by
 * a tenth of the measure costs 100). */
#define LAYOUT_FORCE  (-10000) /* a forced break */
#define LAYOUT_NEVER  10000    /* no break here: a tie */
#define LAYOUT_HYPHEN 100      /* after the hyphen of a compound */
#define LAYOUT_URL    50       /* at a safe point of a too long URL or path */
#define LAYOUT_CHAR   500      /* between characters of a too long word */
#define LAYOUT_TIE    1000     /* at a tie of tied words too long together */

struct layout_item {
	enum item_kind kind;
	int penalty; /* GLUE: 0, LAYOUT_NEVER or LAYOUT_TIE; PENALTY: the
	              * cost of a break here, or LAYOUT_FORCE */
	size_t run;  /* BOX, GLUE: the run and bytes it stands for */
	size_t start, end;
	double width; /* BOX, GLUE: in pt; PENALTY: 0 */
};

struct layout;
struct layout_node; /* the total-fit breaker's scratch (linebreak.c) */

/* A breaker appends to l->brk the index of each item where a line ends
 * (the glue or penalty dropped there), then l->nitem for the last line.
 * A line may end at a glue with a penalty below LAYOUT_NEVER that follows
 * a box, or at a penalty below LAYOUT_NEVER, and must end at a forced
 * break. It must make progress: every line but the last holds at least
 * one box, or ends at a forced break. */
typedef void layout_breaker_fn(struct layout *l, double width);

/* The breaker's state and scratch memory, reused from one paragraph to the
 * next so that breaking allocates nothing per word. */
struct layout {
	const struct fontset *fonts;
	layout_breaker_fn *breaker; /* layout_break_total_fit by default */
	struct layout_item *item;
	size_t nitem, itemcap;
	size_t *brk;
	size_t nbrk, brkcap;
	struct layout_item *word; /* the boxes of a word being split */
	size_t nword, wordcap;
	struct layout_node *node; /* candidate breaks of one paragraph */
	size_t nnode, nodecap;
};

/* Sets up l to measure with fonts (borrowed; must outlive l). */
void layout_init(struct layout *l, const struct fontset *fonts);
void layout_release(struct layout *l);

/* Breaks runs[0..n) into lines at most width pt wide and appends them to
 * out; returns the number of lines appended (0 when the runs hold no text;
 * one empty line when they hold only spaces). Words tied together wider
 * than the line break at their ties; a word wider than the line breaks at
 * its safe points (a URL or path: after '/', before '.', ...), else
 * between two characters (never inside a UTF-8 sequence nor before a
 * combining mark); a single character wider than the line is the only
 * thing that may overflow. */
size_t layout_paragraph(struct layout *l, const struct run *runs, size_t n,
                        double width, struct lines *out);

/* The widths runs[0..n) ask for: *natural, the widest line when nothing
 * but a forced break ends a line, and *minimum, the widest stretch with no
 * free break: a word, or words tied together ("5 March 2026"), hyphens
 * included (a measure below it breaks one at a cost). layout_paragraph at
 * *natural gives the forced lines and no others. */
void layout_extent(struct layout *l, const struct run *runs, size_t n,
                   double *natural, double *minimum);

/* The total-fit breaker (the default): the breaks of least total cost
 * over each stretch between forced breaks, by dynamic programming as in
 * Knuth and Plass, each line costing its badness (the square of its slack
 * as a percentage of the measure) plus the penalty where it ends plus a
 * fixed cost per line; the last line and lines ending at a forced break
 * have no badness, but cost more when they are runts (shorter than 15 %
 * of the measure after another line: linebreak.c). Time O(items x
 * candidate breaks per line). */
void layout_break_total_fit(struct layout *l, double width);

/* The first-fit breaker: each line takes as many words as fit. */
void layout_break_first_fit(struct layout *l, double width);

/* The cost the total-fit breaker gives the breaks in l->brk at width: for
 * comparing breakers. Call it after layout_paragraph. */
double layout_demerits(const struct layout *l, double width);

/* Width in pt of s (n bytes of UTF-8) in face at size. */
double layout_measure(const struct layout *l, enum font_role face, double size,
                      const char *s, size_t n);

#endif
