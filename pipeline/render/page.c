/* Page breaking. Every block is broken into lines first, so that a heading
 * can look ahead: a heading goes to the next page unless it fits together
 * with the start of what follows (two lines of text, a whole chart, or the
 * next heading and its start), so no page ends with a heading. Paragraphs
 * split between lines; a single first line is not left at the foot of a
 * page, nor a single last line carried to the next. A chart is never
 * split: it moves to the next page, and is scaled down to fit the text
 * width (and a page). Blocks in quotes extend their quote's box on the
 * page they land on. */
#include "render/page.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "chart/scene.h"
#include "core/alloc.h"
#include "core/arena.h"

#define GROW(a, n, cap)                                                        \
	((n) == (cap)                                                          \
	     ? (void)((a) = xgrow((a), &(cap), (n) + 1, sizeof(*(a))))         \
	     : (void)0)

#define RULE_HEIGHT 0.75
#define FOOTER_GAP  18.0 /* least space between the footer's two parts */

struct span {
	size_t line0, n;
};

struct pager {
	struct doc_layout *dl;
	struct layout *l;
	struct lines lines; /* of every text block */
	struct span *span;  /* each block's lines */
	double y;           /* top of the free space on the page */
	bool fresh;         /* nothing placed on the page yet */
	const struct block *prev;
	size_t open[FLOW_QUOTES]; /* each level's quote box on this page */
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

static struct pg_text *
push_text(struct doc_layout *dl, const char *s, size_t n, double x, double y,
          double width)
{
	GROW(dl->text, dl->ntext, dl->textcap);
	struct pg_text *t = &dl->text[dl->ntext++];
	*t = (struct pg_text){.x = x,
	                      .y = y,
	                      .width = width,
	                      .s = s,
	                      .n = n,
	                      .face = FONT_REGULAR,
	                      .ink = INK_TEXT};
	return t;
}

/* Underlines text t of link url, joined to the link before when they
 * touch on the same line. */
static void
push_link(struct doc_layout *dl, const struct pg_text *t, int url)
{
	size_t first = dl->page[dl->npage - 1].link0;
	if (dl->nlink > first) {
		struct pg_link *k = &dl->link[dl->nlink - 1];
		if (k->url == (size_t)url && k->y == t->y &&
		    k->x + k->w > t->x - 0.01 && k->x + k->w < t->x + 0.01) {
			k->w = t->x + t->width - k->x;
			return;
		}
	}
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
	struct pg_text *t = push_text(p->dl, b->marker, n, x, y, w);
	t->size = b->size;
	t->face = b->heading ? FONT_BOLD : FONT_REGULAR;
}

static void
place_line(struct pager *p, const struct block *b, const struct line *ln,
           bool first, double top)
{
	struct doc_layout *dl = p->dl;
	const struct run *runs = dl->flow.run + b->run0;
	double y = baseline(p, b, top);
	if (first && b->marker)
		place_marker(p, b, y);
	for (size_t s = ln->seg; s < ln->seg + ln->nseg; s++) {
		const struct line_seg *sg = &p->lines.seg[s];
		const struct run *r = &runs[sg->run];
		struct pg_text *t =
		    push_text(dl, r->text + sg->start, sg->end - sg->start,
		              PAGE_MARGIN + b->indent + sg->x, y, sg->width);
		t->face = r->face;
		t->size = r->size;
		if (r->link >= 0) {
			t->ink = INK_LINK;
			push_link(dl, t, r->link);
		}
	}
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
		GROW(dl->rect, dl->nrect, dl->rectcap);
		dl->rect[dl->nrect++] = (struct pg_rect){
		    .kind = RECT_FILL,
		    .x = x,
		    .y = top,
		    .w = PAGE_TEXT_WIDTH - b->indent - b->inset,
		    .h = h,
		    .ink = INK_RULE};
	} else {
		GROW(dl->chart, dl->nchart, dl->chartcap);
		dl->chart[dl->nchart++] =
		    (struct pg_chart){.scene = b->scene,
		                      .x = x,
		                      .y = top,
		                      .scale = chart_scale(b)};
	}
	extend_quotes(p, b, top, top + h);
	p->y = top + h;
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
		                        .y = PAGE_FOOTER_BASELINE};
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
	for (size_t i = 0; i < f->n; i++) {
		const struct block *b = &f->block[i];
		p.span[i].line0 = p.lines.n;
		if (b->kind == BLOCK_TEXT)
			p.span[i].n = layout_paragraph(
			    l, f->run + b->run0, b->nruns,
			    PAGE_TEXT_WIDTH - b->indent - b->inset, &p.lines);
	}
	new_page(&p);
	for (size_t i = 0; i < f->n; i++) {
		if (f->block[i].kind == BLOCK_TEXT)
			place_text(&p, i);
		else
			place_figure(&p, i);
	}
	end_pages(dl);
	add_footers(&p);
	free(p.span);
	lines_release(&p.lines);
}
