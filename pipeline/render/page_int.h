/* What page.c and page_table.c share: the pager, the state of placing a
 * flow's blocks on pages, and the drawing helpers both use. Internal to
 * page_build (page.h). */
#ifndef JTAI_RENDER_PAGE_INT_H
#define JTAI_RENDER_PAGE_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/alloc.h"
#include "render/flow.h"
#include "render/layout.h"
#include "render/page.h"

#define GROW(a, n, cap)                                                        \
	((n) == (cap)                                                          \
	     ? (void)((a) = xgrow((a), &(cap), (n) + 1, sizeof(*(a))))         \
	     : (void)0)

#define EPS 1e-6 /* of a length compared with room for it, pt */

struct span {
	size_t line0, n;
	size_t col0; /* a table's: its first column in pager.colw */
};

struct pager {
	struct doc_layout *dl;
	struct layout *l;
	struct lines lines; /* of every text block */
	struct span *span;  /* each block's lines */
	struct span *cspan; /* each table cell's lines, by flow.cell index */
	double y;           /* top of the free space on the page */
	bool fresh;         /* nothing placed on the page yet */
	const struct block *prev;
	size_t block;             /* the block being placed */
	size_t open[FLOW_QUOTES]; /* each level's quote box on this page */
	double *colw;             /* each table column's width */
	size_t ncolw, colwcap;
};

static inline double
pager_max(double a, double b)
{
	return a > b ? a : b;
}

/* Ends the page and opens the next, empty. */
void pager_new_page(struct pager *p);
/* Space between the block placed last and b (at a page's top: none, but
 * a quote box's padding). */
double pager_gap(const struct pager *p, const struct block *b);
/* The lowest b's content may reach on a page. */
double pager_bottom(const struct block *b);
/* Baseline of a line of b whose box starts at top. */
double pager_baseline(const struct pager *p, const struct block *b, double top);
/* Grows (or opens) the quote boxes around b to cover [top, bottom). */
void pager_quotes(struct pager *p, const struct block *b, double top,
                  double bottom);
/* A rect in the rule's ink: a rule, or a shaded area. */
void pager_rect(struct doc_layout *dl, enum pg_rect_kind kind, double x,
                double y, double w, double h);
/* b's list marker beside the line whose baseline is y. */
void pager_marker(struct pager *p, const struct block *b, double y);
/* Shows line ln of runs starting at x on baseline y. */
void pager_segs(struct pager *p, const struct run *runs, const struct line *ln,
                double x, double y);

/* A redline's marks (render/redline.c): the underline or strike of
 * marked text t, and the bar in the margin beside its line. */
void pager_mark(struct doc_layout *dl, const struct pg_text *t);

/* Tables (page_table.c). Breaks table block i's cells into lines at
 * column widths taken from their content. */
void pager_table_break(struct pager *p, size_t i);
/* Height of the rows of table i that go together: the first two, or all
 * three of a table of three rows. */
double pager_table_keep(const struct pager *p, size_t i);
/* Places table i from the current position, on as many pages as it
 * takes. */
void pager_table_place(struct pager *p, size_t i);

#endif
