/* Tables on pages. A table's columns take their widths from their
 * content (table_widths) and its cells are broken into lines at those
 * widths. Rows never split, but for a row taller than a page, which splits
 * between lines, leaving no cell a line alone; a table goes on in parts,
 * one a page, each framed, and each part after the first opens with the
 * header row again. Its first two rows (the header and the first body row)
 * stay together, and a heading stays with them (page.c). A page break
 * never leaves the last row alone under the repeated header: the row
 * before goes over with it, and a table of three rows is kept whole. */
#include <stdbool.h>
#include <stddef.h>

#include "core/alloc.h"
#include "render/page_int.h"
#include "render/table.h"

/* A table being placed, and its part on the current page. */
struct tab {
	size_t i; /* the block */
	const struct block *b;
	const struct cell *cell;  /* its cells, row by row */
	const struct span *cspan; /* their lines */
	const double *colw;
	double x, width;
	double header_h; /* the header row's height, or 0 */
	bool repeat;     /* each part opens with the header row */
	bool marked;     /* the list marker is placed */
	double top, y;   /* the part's top, and its bottom so far */
	bool fresh;      /* the part is at a page's top with no row but the
	                    repeated header */
};

/* Text in a cell of a column w wide; a cramped column keeps some room. */
static double
cell_measure(double w)
{
	return pager_max(w - 2 * TABLE_PAD_X, 1);
}

/* The lines of row r: of its tallest cell, and one for an empty row. */
static size_t
row_lines(const struct tab *t, size_t r)
{
	size_t n = 1;
	for (size_t c = 0; c < t->b->ncol; c++) {
		size_t k = t->cspan[r * t->b->ncol + c].n;
		n = k > n ? k : n;
	}
	return n;
}

static double
row_height(const struct block *b, size_t lines)
{
	return (double)lines * b->leading + 2 * TABLE_PAD_Y;
}

static void
tab_init(const struct pager *p, size_t i, struct tab *t)
{
	const struct flow *f = &p->dl->flow;
	const struct block *b = &f->block[i];
	*t = (struct tab){.i = i,
	                  .b = b,
	                  .cell = f->cell + b->cell0,
	                  .cspan = p->cspan + b->cell0,
	                  .colw = p->colw + p->span[i].col0,
	                  .x = PAGE_MARGIN + b->indent};
	for (size_t c = 0; c < b->ncol; c++)
		t->width += t->colw[c];
	if (b->header) {
		t->header_h = row_height(b, row_lines(t, 0));
		/* a header taller than this would crowd out the rows */
		t->repeat = t->header_h <= (PAGE_BOTTOM - PAGE_TOP) / 4;
	}
}

/* Height of the rows that go together: the first two, or all three of a
 * table of three rows, where a break after the second would leave the
 * last alone. */
double
pager_table_keep(const struct pager *p, size_t i)
{
	struct tab t;
	tab_init(p, i, &t);
	size_t keep = t.b->nrow <= 3 ? t.b->nrow : 2;
	double h = 0;
	for (size_t r = 0; r < keep; r++)
		h += row_height(t.b, row_lines(&t, r));
	return h;
}

/* Column widths from the content, then the cells broken into lines. */
void
pager_table_break(struct pager *p, size_t i)
{
	const struct flow *f = &p->dl->flow;
	const struct block *b = &f->block[i];
	double nat[TABLE_MAX_COLS] = {0}, min[TABLE_MAX_COLS] = {0};
	size_t ncell = b->nrow * b->ncol;
	for (size_t k = 0; k < ncell; k++) {
		const struct cell *c = &f->cell[b->cell0 + k];
		double n, m;
		layout_extent(p->l, f->run + c->run0, c->nruns, &n, &m);
		nat[k % b->ncol] =
		    pager_max(nat[k % b->ncol], n + 2 * TABLE_PAD_X);
		min[k % b->ncol] =
		    pager_max(min[k % b->ncol], m + 2 * TABLE_PAD_X);
	}
	if (p->ncolw + b->ncol > p->colwcap)
		p->colw = xgrow(p->colw, &p->colwcap, p->ncolw + b->ncol,
		                sizeof(*p->colw));
	double *w = p->colw + p->ncolw;
	p->span[i].col0 = p->ncolw;
	p->ncolw += b->ncol;
	table_widths(nat, min, b->ncol, PAGE_TEXT_WIDTH - b->indent - b->inset,
	             w);
	for (size_t k = 0; k < ncell; k++) {
		const struct cell *c = &f->cell[b->cell0 + k];
		struct span *sp = &p->cspan[b->cell0 + k];
		sp->line0 = p->lines.n;
		sp->n =
		    layout_paragraph(p->l, f->run + c->run0, c->nruns,
		                     cell_measure(w[k % b->ncol]), &p->lines);
	}
}

static double
align_offset(enum cell_align a, double room, double width)
{
	double slack = room > width ? room - width : 0;
	return a == CELL_RIGHT ? slack : a == CELL_CENTRE ? slack / 2 : 0;
}

/* Lines [from, from + k) of cell (r, c), in its box at x, t->y, h high. */
static void
place_cell(struct pager *p, const struct tab *t, size_t r, size_t c,
           size_t from, size_t k, double x, double h)
{
	struct doc_layout *dl = p->dl;
	const struct block *b = t->b;
	const struct cell *cl = &t->cell[r * b->ncol + c];
	const struct span *sp = &t->cspan[r * b->ncol + c];
	size_t end = from + k < sp->n ? from + k : sp->n;
	double room = cell_measure(t->colw[c]);
	GROW(dl->cell, dl->ncell, dl->cellcap);
	size_t at = dl->ncell++;
	dl->cell[at] = (struct pg_cell){.block = t->i,
	                                .row = r,
	                                .col = c,
	                                .header = b->header && r == 0,
	                                .x = x,
	                                .y = t->y,
	                                .w = t->colw[c],
	                                .h = h,
	                                .text0 = dl->ntext,
	                                .line0 = from,
	                                .nline = end > from ? end - from : 0,
	                                .align = cl->align};
	for (size_t j = from; j < end; j++) {
		const struct line *ln = &p->lines.line[sp->line0 + j];
		double top =
		    t->y + TABLE_PAD_Y + (double)(j - from) * b->leading;
		pager_segs(p, dl->flow.run + cl->run0, ln,
		           x + TABLE_PAD_X +
		               align_offset(cl->align, room, ln->width),
		           pager_baseline(p, b, top));
	}
	dl->cell[at].ntext = dl->ntext - dl->cell[at].text0;
}

/* Lines [from, from + k) of row r at the bottom of the part: the shade
 * of a header, and the rule above when the row is not the part's first
 * (the shade first, so that rules are drawn over it). */
static void
place_row(struct pager *p, struct tab *t, size_t r, size_t from, size_t k)
{
	const struct block *b = t->b;
	double h = row_height(b, k), x = t->x;
	pager_quotes(p, b, t->top, t->y + h);
	if (b->header && r == 0)
		pager_rect(p->dl, RECT_SHADE, t->x, t->y, t->width, h);
	if (t->y > t->top)
		pager_rect(p->dl, RECT_FILL, t->x, t->y - TABLE_RULE / 2,
		           t->width, TABLE_RULE);
	if (b->marker && !t->marked) {
		pager_marker(p, b, pager_baseline(p, b, t->y + TABLE_PAD_Y));
		t->marked = true;
	}
	for (size_t c = 0; c < b->ncol; c++) {
		place_cell(p, t, r, c, from, k, x, h);
		x += t->colw[c];
	}
	t->y += h;
}

/* The rules between the columns and the border around the part, all
 * inside the table's box. */
static void
close_part(struct pager *p, const struct tab *t)
{
	struct doc_layout *dl = p->dl;
	double h = t->y - t->top, x = t->x, w = t->width, e = TABLE_BORDER;
	if (h <= 0)
		return;
	for (size_t c = 0; c + 1 < t->b->ncol; c++) {
		x += t->colw[c];
		pager_rect(dl, RECT_FILL, x - TABLE_RULE / 2, t->top,
		           TABLE_RULE, h);
	}
	x = t->x;
	pager_rect(dl, RECT_FILL, x, t->top, w, e);
	pager_rect(dl, RECT_FILL, x, t->y - e, w, e);
	pager_rect(dl, RECT_FILL, x, t->top, e, h);
	pager_rect(dl, RECT_FILL, x + w - e, t->top, e, h);
}

/* Ends the part and opens the next at the top of a new page, with the
 * header row when header says so. */
static void
next_part(struct pager *p, struct tab *t, bool header)
{
	close_part(p, t);
	pager_new_page(p);
	t->top = t->y = p->y + pager_gap(p, t->b);
	if (header && t->repeat)
		place_row(p, t, 0, 0, row_lines(t, 0));
	t->fresh = true;
}

/* True when row r, split after line done + k, leaves each of its cells
 * at least two lines in the part and two for the next, or ends it. */
static bool
row_split_ok(const struct tab *t, size_t r, size_t done, size_t k)
{
	if (k < 2)
		return false;
	for (size_t c = 0; c < t->b->ncol; c++) {
		size_t n = t->cspan[r * t->b->ncol + c].n;
		if (n > done + k && n - done - k < 2)
			return false;
	}
	return true;
}

/* The room a part at the top of a page gives row r: the page, less the
 * header repeated above it. */
static double
page_room(const struct tab *t, size_t r)
{
	return PAGE_BOTTOM - PAGE_TOP -
	       (t->b->nquote > 0 ? 2 * FLOW_QUOTE_PAD : 0) -
	       (t->repeat && r > 0 ? t->header_h : 0);
}

/* How many of the lines of row r after done go into the part: all, or
 * none (the row moves to the next page), or, when the row would not fit
 * on a page of its own either, as many as fit without leaving a line of
 * a cell alone. */
static size_t
row_fit(const struct tab *t, size_t r, size_t done)
{
	const struct block *b = t->b;
	size_t left = row_lines(t, r) - done;
	double room =
	    (pager_bottom(b) - t->y - 2 * TABLE_PAD_Y) / b->leading + EPS;
	size_t fit = room > 0 ? (size_t)room : 0;
	if (fit >= left)
		return left;
	if (!t->fresh && row_height(b, left) <= page_room(t, r))
		return 0;
	for (size_t k = fit; k >= 2; k--)
		if (row_split_ok(t, r, done, k))
			return k;
	if (!t->fresh)
		return 0;
	return fit > 0 ? fit : 1; /* not even a line: it overflows */
}

/* True when row r, the last but one, goes on to the next part so that
 * the last row does not stand there alone: the two do not fit on this
 * page together but do on the next, and the part keeps enough without r
 * (its first two rows, or a row under the repeated header). */
static bool
carry_over(const struct tab *t, size_t r)
{
	const struct block *b = t->b;
	if (r + 2 != b->nrow || r < 2 || t->fresh)
		return false;
	double h =
	    row_height(b, row_lines(t, r)) + row_height(b, row_lines(t, r + 1));
	return t->y + h > pager_bottom(b) + EPS && h <= page_room(t, r);
}

void
pager_table_place(struct pager *p, size_t i)
{
	struct tab t;
	tab_init(p, i, &t);
	const struct block *b = t.b;
	if (!p->fresh && p->y + pager_gap(p, b) + pager_table_keep(p, i) >
	                     pager_bottom(b) + EPS)
		pager_new_page(p);
	t.top = t.y = p->y + pager_gap(p, b);
	t.fresh = p->fresh;
	for (size_t r = 0; r < b->nrow; r++) {
		size_t n = row_lines(&t, r), done = 0;
		if (carry_over(&t, r))
			next_part(p, &t, true);
		while (done < n) {
			size_t k = row_fit(&t, r, done);
			if (k > 0) {
				place_row(p, &t, r, done, k);
				t.fresh = false;
				done += k;
			}
			if (done < n)
				next_part(p, &t, r > 0);
		}
	}
	close_part(p, &t);
	p->y = t.y;
	p->fresh = false;
	p->prev = b;
}
