/* Page breaking. Every block is broken into lines first, so that a heading
 * can look ahead: a heading goes to the next page unless it fits together
 * with the start of what follows (two lines of text, a whole chart, or the
 * next heading and its start), so no page ends with a heading. Paragraphs
 * split between lines; a single first line is not left at the foot of a
 * page, nor a single last line carried to the next. A chart is never
 * split: it moves to the next page, and is scaled down to fit the text
 * width (and a page). Blocks in quotes extend their quote's box on the
 * page they land on.
 *
 * A table's columns take their widths from their content (table_widths)
 * and its cells are broken into lines at those widths. Rows never split,
 * but for a row taller than a page, which splits between lines; a table
 * goes on in parts, one a page, each framed, and each part after the first
 * opens with the header row again. Its first two rows (the header and the
 * first body row) stay together, and a heading stays with them. */
#include "render/page.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "chart/scene.h"
#include "core/alloc.h"
#include "core/arena.h"
#include "render/table.h"

#define GROW(a, n, cap)                                                        \
	((n) == (cap)                                                          \
	     ? (void)((a) = xgrow((a), &(cap), (n) + 1, sizeof(*(a))))         \
	     : (void)0)

#define RULE_HEIGHT 0.75
#define FOOTER_GAP  18.0 /* least space between the footer's two parts */

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

static double
max2(double a, double b)
{
	return a > b ? a : b;
}

static void
new_page(struct pager *p)
{
	struct doc_layout *dl = p->dl;
	GROW(dl->page, dl->npage, dl->pagecap);
	struct pg_page *pg = &dl->page[dl->npage++];
	memset(pg, 0, sizeof(*pg));
	pg->text0 = dl->ntext;
	pg->rect0 = dl->nrect;
	pg->link0 = dl->nlink;
	pg->chart0 = dl->nchart;
	pg->cell0 = dl->ncell;
	p->y = PAGE_TOP;
	p->fresh = true;
	for (int i = 0; i < FLOW_QUOTES; i++)
		p->open[i] = SIZE_MAX;
}

static void
end_pages(struct doc_layout *dl)
{
	for (size_t i = 0; i < dl->npage; i++) {
		struct pg_page *pg = &dl->page[i];
		bool last = i + 1 == dl->npage;
		pg->ntext = (last ? dl->ntext : pg[1].text0) - pg->text0;
		pg->nrect = (last ? dl->nrect : pg[1].rect0) - pg->rect0;
		pg->nlink = (last ? dl->nlink : pg[1].link0) - pg->link0;
		pg->nchart = (last ? dl->nchart : pg[1].chart0) - pg->chart0;
		pg->ncell = (last ? dl->ncell : pg[1].cell0) - pg->cell0;
	}
}

/* Space between the previous block and b (at a page's top: none, but a
 * quote box's padding). */
static double
gap(const struct pager *p, const struct block *b)
{
	if (p->fresh || p->prev == NULL)
		return b->nquote > 0 ? FLOW_QUOTE_PAD : 0;
	return max2(p->prev->space_after, b->space_before) +
	       p->prev->pad_after + b->pad_before;
}

static double
chart_scale(const struct block *b)
{
	const struct scene *sc = b->scene;
	double s = 1, room = PAGE_TEXT_WIDTH - b->indent - b->inset;
	double body = PAGE_BOTTOM - PAGE_TOP - 2 * FLOW_QUOTE_PAD;
	if (sc->width > room)
		s = room / sc->width;
	if (sc->height * s > body)
		s = body / sc->height;
	return s;
}

static double table_keep(const struct pager *p, size_t i);

/* A block's height; for a table, of the rows that must stay together. */
static double
block_height(const struct pager *p, size_t i)
{
	const struct block *b = &p->dl->flow.block[i];
	switch (b->kind) {
	case BLOCK_TEXT:
		return (double)p->span[i].n * b->leading;
	case BLOCK_RULE:
		return RULE_HEIGHT;
	case BLOCK_CHART:
		return b->scene->height * chart_scale(b);
	case BLOCK_TABLE:
		return table_keep(p, i);
	}
	return 0;
}

/* Height from the top of heading i to the end of what must stay with it:
 * following headings, then two lines of text, a chart or a rule. */
static double
keep_height(const struct pager *p, size_t i)
{
	const struct flow *f = &p->dl->flow;
	double h = block_height(p, i);
	for (size_t j = i + 1; j < f->n; j++) {
		const struct block *b = &f->block[j], *a = &f->block[j - 1];
		if (b->kind == BLOCK_TEXT && p->span[j].n == 0)
			continue;
		h += max2(a->space_after, b->space_before) + a->pad_after +
		     b->pad_before;
		if (b->kind == BLOCK_TEXT && !b->heading) {
			size_t n = p->span[j].n < 2 ? p->span[j].n : 2;
			return h + (double)n * b->leading;
		}
		h += block_height(p, j);
		if (!b->heading)
			break;
	}
	return h;
}

/* Grows (or opens) the quote boxes around b to cover [top, bottom). */
static void
extend_quotes(struct pager *p, const struct block *b, double top, double bottom)
{
	struct doc_layout *dl = p->dl;
	for (int q = 0; q < b->nquote; q++) {
		size_t r = p->open[q];
		if (r == SIZE_MAX || dl->rect[r].quote != b->quote_id[q]) {
			GROW(dl->rect, dl->nrect, dl->rectcap);
			r = p->open[q] = dl->nrect++;
			struct pg_rect *rc = &dl->rect[r];
			rc->kind = RECT_QUOTE;
			rc->x = PAGE_MARGIN + b->quote_x[q];
			rc->y = top - FLOW_QUOTE_PAD;
			rc->w = PAGE_MARGIN + PAGE_TEXT_WIDTH - rc->x;
			rc->ink = INK_RULE;
			rc->quote = b->quote_id[q];
		}
		dl->rect[r].h = bottom + FLOW_QUOTE_PAD - dl->rect[r].y;
	}
}

/* A rect in the rule's ink: a rule, or a shaded area. */
static void
push_rect(struct doc_layout *dl, enum pg_rect_kind kind, double x, double y,
          double w, double h)
{
	GROW(dl->rect, dl->nrect, dl->rectcap);
	dl->rect[dl->nrect++] = (struct pg_rect){
	    .kind = kind, .x = x, .y = y, .w = w, .h = h, .ink = INK_RULE};
}

static struct pg_text *
push_text(struct pager *p, const char *s, size_t n, double x, double y,
          double width)
{
	struct doc_layout *dl = p->dl;
	GROW(dl->text, dl->ntext, dl->textcap);
	struct pg_text *t = &dl->text[dl->ntext++];
	*t = (struct pg_text){.x = x,
	                      .y = y,
	                      .width = width,
	                      .s = s,
	                      .n = n,
	                      .face = FONT_REGULAR,
	                      .ink = INK_TEXT,
	                      .block = p->block,
	                      .link = SIZE_MAX};
	return t;
}

/* Underlines text t of link url, joined to the link before when they
 * touch on the same line. */
static void
push_link(struct doc_layout *dl, struct pg_text *t, int url)
{
	size_t first = dl->page[dl->npage - 1].link0;
	if (dl->nlink > first) {
		struct pg_link *k = &dl->link[dl->nlink - 1];
		if (k->url == (size_t)url && k->y == t->y &&
		    k->x + k->w > t->x - 0.01 && k->x + k->w < t->x + 0.01) {
			k->w = t->x + t->width - k->x;
			t->link = dl->nlink - 1;
			return;
		}
	}
	t->link = dl->nlink;
	GROW(dl->link, dl->nlink, dl->linkcap);
	dl->link[dl->nlink++] = (struct pg_link){.url = (size_t)url,
	                                         .x = t->x,
	                                         .y = t->y,
	                                         .w = t->width,
	                                         .size = t->size};
}

/* Baseline of a line of b whose box starts at top: the text's ascent and
 * descent centred in the line height. */
static double
baseline(const struct pager *p, const struct block *b, double top)
{
	const struct font *f = p->l->fonts->face[FONT_REGULAR];
	double asc = font_ascent(f) * b->size / 1000;
	double desc = -font_descent(f) * b->size / 1000;
	return top + (b->leading - asc - desc) / 2 + asc;
}

static void
place_marker(struct pager *p, const struct block *b, double y)
{
	size_t n = strlen(b->marker);
	double w = layout_measure(p->l, FONT_REGULAR, b->size, b->marker, n);
	double x = PAGE_MARGIN + b->marker_x;
	if (b->marker_align == MARKER_RIGHT)
		x -= w;
	struct pg_text *t = push_text(p, b->marker, n, x, y, w);
	t->marker = true;
	t->size = b->size;
	t->face = b->heading ? FONT_BOLD : FONT_REGULAR;
}

/* Shows line ln of runs starting at x on baseline y. The space a line
 * broke at is shown at its end (its width not counted), so that text
 * taken from the page or its tags keeps the two words apart. */
static void
place_segs(struct pager *p, const struct run *runs, const struct line *ln,
           double x, double y)
{
	struct doc_layout *dl = p->dl;
	for (size_t s = ln->seg; s < ln->seg + ln->nseg; s++) {
		const struct line_seg *sg = &p->lines.seg[s];
		const struct run *r = &runs[sg->run];
		size_t n = sg->end - sg->start;
		if (s + 1 == ln->seg + ln->nseg && sg->end + 1 < r->len &&
		    r->text[sg->end] == ' ')
			n++;
		struct pg_text *t = push_text(p, r->text + sg->start, n,
		                              x + sg->x, y, sg->width);
		t->face = r->face;
		t->size = r->size;
		if (r->link >= 0) {
			t->ink = INK_LINK;
			push_link(dl, t, r->link);
		}
	}
}

static void
place_line(struct pager *p, const struct block *b, const struct line *ln,
           bool first, double top)
{
	double y = baseline(p, b, top);
	if (first && b->marker)
		place_marker(p, b, y);
	place_segs(p, p->dl->flow.run + b->run0, ln, PAGE_MARGIN + b->indent,
	           y);
	extend_quotes(p, b, top, top + b->leading);
}

/* How many of the left lines of b (done placed already) go on this page
 * when fit of them would fit. */
static size_t
split_lines(const struct pager *p, const struct block *b, size_t done,
            size_t left, size_t fit)
{
	if (left <= fit)
		return left;
	size_t k = fit;
	if (b->heading)
		k = 0;
	else if (done == 0 && k == 1)
		k = 0; /* a lone first line at the foot */
	else if (left - k == 1 && k >= 3)
		k--; /* a lone last line at the top */
	if (k == 0 && p->fresh)
		k = fit > 0 ? fit : 1; /* taller than a page: no better place */
	return k;
}

static void
record_heading(struct pager *p, const struct block *b, double top)
{
	struct doc_layout *dl = p->dl;
	if (b->title == NULL || *b->title == '\0')
		return;
	GROW(dl->heading, dl->nheading, dl->headingcap);
	dl->heading[dl->nheading++] = (struct pg_heading){.page = dl->npage - 1,
	                                                  .level = b->heading,
	                                                  .y = top,
	                                                  .title = b->title};
}

static void
place_text(struct pager *p, size_t i)
{
	const struct block *b = &p->dl->flow.block[i];
	const struct span *sp = &p->span[i];
	if (sp->n == 0)
		return;
	if (b->heading && !p->fresh &&
	    p->y + gap(p, b) + keep_height(p, i) > PAGE_BOTTOM)
		new_page(p);
	size_t done = 0;
	while (done < sp->n) {
		double top = p->y + gap(p, b);
		double room = (PAGE_BOTTOM - top) / b->leading + 1e-9;
		size_t fit = room > 0 ? (size_t)room : 0;
		size_t k = split_lines(p, b, done, sp->n - done, fit);
		if (done == 0 && k > 0 && b->heading)
			record_heading(p, b, top);
		for (size_t j = 0; j < k; j++)
			place_line(p, b, &p->lines.line[sp->line0 + done + j],
			           done + j == 0, top + (double)j * b->leading);
		if (k > 0) {
			p->y = top + (double)k * b->leading;
			p->fresh = false;
			p->prev = b;
			done += k;
		}
		if (done < sp->n)
			new_page(p);
	}
}

static void
place_figure(struct pager *p, size_t i)
{
	struct doc_layout *dl = p->dl;
	const struct block *b = &dl->flow.block[i];
	double h = block_height(p, i);
	if (b->kind == BLOCK_RULE && p->fresh)
		return; /* the page break separates already */
	if (!p->fresh && p->y + gap(p, b) + h > PAGE_BOTTOM) {
		new_page(p);
		if (b->kind == BLOCK_RULE)
			return;
	}
	double top = p->y + gap(p, b);
	double x = PAGE_MARGIN + b->indent;
	if (b->kind == BLOCK_RULE) {
		push_rect(dl, RECT_FILL, x, top,
		          PAGE_TEXT_WIDTH - b->indent - b->inset, h);
	} else {
		GROW(dl->chart, dl->nchart, dl->chartcap);
		dl->chart[dl->nchart++] =
		    (struct pg_chart){.block = i,
		                      .scene = b->scene,
		                      .x = x,
		                      .y = top,
		                      .scale = chart_scale(b)};
	}
	extend_quotes(p, b, top, top + h);
	p->y = top + h;
	p->fresh = false;
	p->prev = b;
}

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
	return max2(w - 2 * TABLE_PAD_X, 1);
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

/* Height of the rows that go together: the first two. */
static double
table_keep(const struct pager *p, size_t i)
{
	struct tab t;
	tab_init(p, i, &t);
	double h = 0;
	for (size_t r = 0; r < t.b->nrow && r < 2; r++)
		h += row_height(t.b, row_lines(&t, r));
	return h;
}

/* Column widths from the content, then the cells broken into lines. */
static void
break_table(struct pager *p, size_t i)
{
	const struct flow *f = &p->dl->flow;
	const struct block *b = &f->block[i];
	double nat[TABLE_MAX_COLS] = {0}, min[TABLE_MAX_COLS] = {0};
	size_t ncell = b->nrow * b->ncol;
	for (size_t k = 0; k < ncell; k++) {
		const struct cell *c = &f->cell[b->cell0 + k];
		double n, m;
		layout_extent(p->l, f->run + c->run0, c->nruns, &n, &m);
		nat[k % b->ncol] = max2(nat[k % b->ncol], n + 2 * TABLE_PAD_X);
		min[k % b->ncol] = max2(min[k % b->ncol], m + 2 * TABLE_PAD_X);
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
		place_segs(p, dl->flow.run + cl->run0, ln,
		           x + TABLE_PAD_X +
		               align_offset(cl->align, room, ln->width),
		           baseline(p, b, top));
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
	extend_quotes(p, b, t->top, t->y + h);
	if (b->header && r == 0)
		push_rect(p->dl, RECT_SHADE, t->x, t->y, t->width, h);
	if (t->y > t->top)
		push_rect(p->dl, RECT_FILL, t->x, t->y - TABLE_RULE / 2,
		          t->width, TABLE_RULE);
	if (b->marker && !t->marked) {
		place_marker(p, b, baseline(p, b, t->y + TABLE_PAD_Y));
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
		push_rect(dl, RECT_FILL, x - TABLE_RULE / 2, t->top, TABLE_RULE,
		          h);
	}
	x = t->x;
	push_rect(dl, RECT_FILL, x, t->top, w, e);
	push_rect(dl, RECT_FILL, x, t->y - e, w, e);
	push_rect(dl, RECT_FILL, x, t->top, e, h);
	push_rect(dl, RECT_FILL, x + w - e, t->top, e, h);
}

/* Ends the part and opens the next at the top of a new page, with the
 * header row when header says so. */
static void
next_part(struct pager *p, struct tab *t, bool header)
{
	close_part(p, t);
	new_page(p);
	t->top = t->y = p->y + gap(p, t->b);
	if (header && t->repeat)
		place_row(p, t, 0, 0, row_lines(t, 0));
	t->fresh = true;
}

/* How many of the left lines of row r go into the part: all, or none
 * (the row moves to the next page), or as many as fit when the row would
 * not fit on a page of its own either. */
static size_t
row_fit(const struct tab *t, size_t r, size_t left)
{
	const struct block *b = t->b;
	double room = (PAGE_BOTTOM - t->y - 2 * TABLE_PAD_Y) / b->leading;
	size_t fit = room > 0 ? (size_t)(room + 1e-9) : 0;
	if (fit >= left)
		return left;
	double page = PAGE_BOTTOM - PAGE_TOP -
	              (b->nquote > 0 ? FLOW_QUOTE_PAD : 0) -
	              (t->repeat && r > 0 ? t->header_h : 0);
	if (!t->fresh && row_height(b, left) <= page)
		return 0;
	if (fit == 0)
		return t->fresh ? 1 : 0; /* not even a line: overflow or move */
	return fit;
}

static void
place_table(struct pager *p, size_t i)
{
	struct tab t;
	tab_init(p, i, &t);
	const struct block *b = t.b;
	if (!p->fresh && p->y + gap(p, b) + table_keep(p, i) > PAGE_BOTTOM)
		new_page(p);
	t.top = t.y = p->y + gap(p, b);
	t.fresh = p->fresh;
	for (size_t r = 0; r < b->nrow; r++) {
		size_t n = row_lines(&t, r), done = 0;
		while (done < n) {
			size_t k = row_fit(&t, r, n - done);
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

/* The short title, cut with an ellipsis to fit width. */
static void
footer_title(struct pager *p, struct pg_text *t, double width)
{
	const char *s = p->dl->short_title;
	size_t n = strlen(s);
	t->width = layout_measure(p->l, FONT_REGULAR, PAGE_FOOTER_SIZE, s, n);
	if (t->width > width) {
		double ell = layout_measure(
		    p->l, FONT_REGULAR, PAGE_FOOTER_SIZE, "\xE2\x80\xA6", 3);
		while (n > 0 && (t->width + ell > width ||
		                 ((unsigned char)s[n] & 0xC0) == 0x80)) {
			n--;
			t->width = layout_measure(p->l, FONT_REGULAR,
			                          PAGE_FOOTER_SIZE, s, n);
		}
		s = arena_printf(p->dl->arena, "%.*s\xE2\x80\xA6", (int)n, s);
		n += 3;
		t->width += ell;
	}
	t->s = s;
	t->n = n;
}

static void
add_footers(struct pager *p)
{
	struct doc_layout *dl = p->dl;
	for (size_t i = 0; i < dl->npage; i++) {
		struct pg_page *pg = &dl->page[i];
		struct pg_text *num = &pg->footer[1], *title = &pg->footer[0];
		snprintf(pg->number, sizeof(pg->number), "Page %zu of %zu",
		         i + 1, dl->npage);
		*num = (struct pg_text){.s = pg->number,
		                        .n = strlen(pg->number),
		                        .face = FONT_REGULAR,
		                        .size = PAGE_FOOTER_SIZE,
		                        .ink = INK_MUTED,
		                        .y = PAGE_FOOTER_BASELINE,
		                        .block = SIZE_MAX,
		                        .link = SIZE_MAX};
		num->width = layout_measure(p->l, FONT_REGULAR,
		                            PAGE_FOOTER_SIZE, num->s, num->n);
		num->x = PAGE_MARGIN + PAGE_TEXT_WIDTH - num->width;
		*title = *num;
		title->x = PAGE_MARGIN;
		footer_title(p, title,
		             PAGE_TEXT_WIDTH - num->width - FOOTER_GAP);
	}
}

void
page_build(struct doc_layout *dl, struct layout *l)
{
	const struct flow *f = &dl->flow;
	struct pager p = {.dl = dl, .l = l};
	lines_init(&p.lines);
	p.span = xcalloc(f->n ? f->n : 1, sizeof(*p.span));
	p.cspan = xcalloc(f->ncell ? f->ncell : 1, sizeof(*p.cspan));
	for (size_t i = 0; i < f->n; i++) {
		const struct block *b = &f->block[i];
		p.span[i].line0 = p.lines.n;
		if (b->kind == BLOCK_TEXT)
			p.span[i].n = layout_paragraph(
			    l, f->run + b->run0, b->nruns,
			    PAGE_TEXT_WIDTH - b->indent - b->inset, &p.lines);
		else if (b->kind == BLOCK_TABLE)
			break_table(&p, i);
	}
	new_page(&p);
	for (size_t i = 0; i < f->n; i++) {
		p.block = i;
		if (f->block[i].kind == BLOCK_TEXT)
			place_text(&p, i);
		else if (f->block[i].kind == BLOCK_TABLE)
			place_table(&p, i);
		else
			place_figure(&p, i);
	}
	end_pages(dl);
	add_footers(&p);
	free(p.span);
	free(p.cspan);
	free(p.colw);
	lines_release(&p.lines);
}
