/* Page breaking. Every block is broken into lines first, so that a block
 * can look ahead before it is placed. The rules (docs/typesetting.md,
 * "Page layout"):
 *
 * - A paragraph splits between lines, leaving at least two lines at the
 *   foot of a page and two at the top of the next, so a paragraph of three
 *   lines or fewer never splits. Placed whole (unless taller than a page,
 *   the only exception): headings, run-in headings (a paragraph all in
 *   bold), paragraphs kept as written (hard line breaks: signatures),
 *   captions, charts and rules.
 * - Some blocks keep with the next: a heading, a run-in heading, a lead-in
 *   ending with a colon, a chart with its caption, a one-line paragraph
 *   before a paragraph kept as written ("Yours sincerely" and the first
 *   signature), the first two blocks of a list or quote when the first
 *   is a single line, and the last two when the last is one or two
 *   lines. Such a block ends its page only when the least part of what
 *   follows fits there too (followers_fit), so no page ends with a
 *   heading.
 * - A chart is scaled down to fit the text width, and a page with its
 *   caption and the heading or lead-in kept with it. Blocks in quotes
 *   extend their quote's box on the page they land on, the box's padding
 *   inside the body.
 *
 * Tables are placed by page_table.c. */
#include "render/page.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "chart/scene.h"
#include "core/alloc.h"
#include "core/arena.h"
#include "render/page_int.h"
#include "render/redline.h"

#define RULE_HEIGHT      0.75
#define HEAD_RULE_HEIGHT 2.0  /* the rule under the letterhead */
#define FOOTER_GAP       18.0 /* least space between the footer's two parts */

void
pager_new_page(struct pager *p)
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
double
pager_gap(const struct pager *p, const struct block *b)
{
	if (p->fresh || p->prev == NULL)
		return b->nquote > 0 ? FLOW_QUOTE_PAD : 0;
	return pager_max(p->prev->space_after, b->space_before) +
	       p->prev->pad_after + b->pad_before;
}

/* The lowest a block's lines may reach: inside a quote, the box's
 * padding below them stays above the bottom margin too. */
double
pager_bottom(const struct block *b)
{
	return PAGE_BOTTOM - (b->nquote > 0 ? FLOW_QUOTE_PAD : 0);
}

/* The next block after i with something to place, or the flow's end. */
static size_t
next_block(const struct pager *p, size_t i)
{
	const struct flow *f = &p->dl->flow;
	for (size_t j = i + 1; j < f->n; j++)
		if (f->block[j].kind != BLOCK_TEXT || p->span[j].n > 0)
			return j;
	return f->n;
}

/* The caption of chart i, or NULL. */
static const struct block *
caption_of(const struct pager *p, size_t i)
{
	const struct flow *f = &p->dl->flow;
	size_t j = next_block(p, i);
	return j < f->n && f->block[j].caption ? &f->block[j] : NULL;
}

static bool
is_blank(char c)
{
	return c == ' ' || c == '\n';
}

/* True when every run of text block b that shows something is bold: a
 * run-in heading, such as a case study's title. */
static bool
all_bold(const struct pager *p, const struct block *b)
{
	const struct run *r = p->dl->flow.run + b->run0;
	for (size_t k = 0; k < b->nruns; k++)
		for (size_t n = 0; n < r[k].len && r[k].face != FONT_BOLD; n++)
			if (!is_blank(r[k].text[n]))
				return false;
	return b->nruns > 0;
}

/* True when text block b ends with a colon: it leads in to what follows. */
static bool
leads_in(const struct pager *p, const struct block *b)
{
	const struct run *r = p->dl->flow.run + b->run0;
	for (size_t k = b->nruns; k-- > 0;)
		for (size_t n = r[k].len; n-- > 0;)
			if (!is_blank(r[k].text[n]))
				return r[k].text[n] == ':';
	return false;
}

/* True when block i is placed whole, never split between pages (unless
 * it is taller than a page): a heading, a run-in heading, a paragraph
 * kept as written (a signature), a caption, and a paragraph of three
 * lines or fewer, which could only split leaving a line alone; a chart
 * and a rule. A table splits between rows (table_keep). */
static bool
whole(const struct pager *p, size_t i)
{
	const struct block *b = &p->dl->flow.block[i];
	if (b->kind == BLOCK_TABLE)
		return false;
	if (b->kind != BLOCK_TEXT)
		return true;
	return b->heading || b->keep || b->caption || p->span[i].n < 4 ||
	       all_bold(p, b);
}

/* The previous block before i with something to place, or SIZE_MAX. */
static size_t
prev_block(const struct pager *p, size_t i)
{
	const struct flow *f = &p->dl->flow;
	while (i-- > 0)
		if (f->block[i].kind != BLOCK_TEXT || p->span[i].n > 0)
			return i;
	return SIZE_MAX;
}

/* The innermost list or quote around b (its nest id), or 0. */
static unsigned
container(const struct block *b)
{
	for (int k = b->nnest; k-- > 0;)
		if (b->nest[k].kind != NEST_ITEM)
			return b->nest[k].id;
	return 0;
}

/* True when block i (SIZE_MAX: none) is inside container c. */
static bool
inside(const struct pager *p, size_t i, unsigned c)
{
	if (i == SIZE_MAX || i >= p->dl->flow.n)
		return false;
	const struct block *b = &p->dl->flow.block[i];
	for (int k = 0; k < b->nnest; k++)
		if (b->nest[k].id == c)
			return true;
	return false;
}

/* True when text block i, not a heading, has n lines or fewer: a short
 * list item. */
static bool
short_text(const struct pager *p, size_t i, size_t n)
{
	const struct block *b = &p->dl->flow.block[i];
	return b->kind == BLOCK_TEXT && !b->heading && p->span[i].n <= n;
}

/* True when block i and the next, j, open or close their list or quote
 * together: i opens it and is a single line, or j closes it and is one
 * or two lines. So no list or box opens at a page's foot with a line
 * alone, nor closes at the top of a page with its last short item or
 * paragraph alone. */
static bool
ends_together(const struct pager *p, size_t i, size_t j)
{
	const struct flow *f = &p->dl->flow;
	unsigned c = container(&f->block[i]);
	if (c != 0 && short_text(p, i, 1) && inside(p, j, c) &&
	    !inside(p, prev_block(p, i), c))
		return true; /* i opens c */
	c = container(&f->block[j]);
	return c != 0 && short_text(p, j, 2) && inside(p, i, c) &&
	       !inside(p, next_block(p, j), c); /* j closes c */
}

/* True when block i must share its page with the start of the block
 * after it: a heading or a run-in heading, a chart with its caption, a
 * paragraph leading in with a colon, a one-line paragraph before a
 * paragraph kept as written ("Yours sincerely" and the first signature),
 * and the first or last two blocks of a list or quote when the first is
 * a single line or the last at most two (ends_together). */
static bool
keeps_next(const struct pager *p, size_t i)
{
	const struct flow *f = &p->dl->flow;
	size_t j = next_block(p, i);
	if (j == f->n)
		return false;
	const struct block *b = &f->block[i], *nb = &f->block[j];
	if (b->kind == BLOCK_CHART)
		return nb->caption;
	if (b->kind != BLOCK_TEXT)
		return false;
	if (b->heading || all_bold(p, b) || leads_in(p, b) ||
	    ends_together(p, i, j))
		return true;
	return p->span[i].n == 1 && nb->kind == BLOCK_TEXT && nb->keep &&
	       !nb->heading && !nb->caption;
}

/* The height above chart i of what must share its page: the text blocks
 * before it that keep with the next (headings, a lead-in), up to one
 * that splits (its last two lines then), with the space between; 0 when
 * that is over half a page, which a chart cannot share. */
static double
chart_leaders(const struct pager *p, size_t i)
{
	const struct flow *f = &p->dl->flow;
	double h = 0, half = (PAGE_BOTTOM - PAGE_TOP) / 2;
	size_t j = i, k = prev_block(p, i);
	for (; k != SIZE_MAX && h <= half && f->block[k].kind == BLOCK_TEXT &&
	       keeps_next(p, k);
	     j = k, k = prev_block(p, k)) {
		const struct block *a = &f->block[k], *b = &f->block[j];
		h += pager_max(a->space_after, b->space_before) + a->pad_after +
		     b->pad_before;
		if (!whole(p, k)) {
			h += 2 * a->leading;
			break;
		}
		h += (double)p->span[k].n * a->leading;
	}
	return h > half ? 0 : h;
}

/* Scales chart i to the width of its text, and down to fit a page with
 * its caption and what keeps with it from before (a heading). */
static double
chart_scale(const struct pager *p, size_t i)
{
	const struct block *b = &p->dl->flow.block[i], *cap = caption_of(p, i);
	const struct scene *sc = b->scene;
	double s = 1, room = PAGE_TEXT_WIDTH - b->indent - b->inset;
	double body =
	    PAGE_BOTTOM - PAGE_TOP - 2 * FLOW_QUOTE_PAD - chart_leaders(p, i);
	if (cap)
		body -=
		    pager_max(b->space_after, cap->space_before) +
		    (double)p->span[cap - p->dl->flow.block].n * cap->leading;
	if (sc->width > room)
		s = room / sc->width;
	if (sc->height * s > body && body > 0)
		s = body / sc->height;
	return s;
}

/* A block's height; for a table, of the rows that must stay together. */
static double
block_height(const struct pager *p, size_t i)
{
	const struct block *b = &p->dl->flow.block[i];
	switch (b->kind) {
	case BLOCK_TEXT:
		return (double)p->span[i].n * b->leading;
	case BLOCK_RULE:
		return b->letterhead ? HEAD_RULE_HEIGHT : RULE_HEIGHT;
	case BLOCK_CHART:
		return b->scene->height * chart_scale(p, i);
	case BLOCK_TABLE:
		return pager_table_keep(p, i);
	}
	return 0;
}

/* The least part of block i that may end a page: two lines of a
 * paragraph that splits, the rows of a table that go together (its first
 * two, or three), or all of it. */
static double
first_part(const struct pager *p, size_t i)
{
	const struct block *b = &p->dl->flow.block[i];
	if (b->kind == BLOCK_TEXT && !whole(p, i))
		return 2 * b->leading;
	return block_height(p, i);
}

/* True when what must follow block i onto its page fits there once i
 * ends at y: the next block's least part, and on while that block is
 * placed whole and keeps with the next in turn (a heading, then a run-in
 * heading, then two lines). */
static bool
followers_fit(const struct pager *p, size_t i, double y)
{
	const struct flow *f = &p->dl->flow;
	while (keeps_next(p, i)) {
		size_t j = next_block(p, i);
		const struct block *a = &f->block[i], *b = &f->block[j];
		y += pager_max(a->space_after, b->space_before) + a->pad_after +
		     b->pad_before + first_part(p, j);
		if (y > pager_bottom(b) + EPS)
			return false;
		if (!whole(p, j))
			break;
		i = j;
	}
	return true;
}

/* Grows (or opens) the quote boxes around b to cover [top, bottom). */
void
pager_quotes(struct pager *p, const struct block *b, double top, double bottom)
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
void
pager_rect(struct doc_layout *dl, enum pg_rect_kind kind, double x, double y,
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
double
pager_baseline(const struct pager *p, const struct block *b, double top)
{
	const struct font *f = p->l->fonts->face[FONT_REGULAR];
	double asc = font_ascent(f) * b->size / 1000;
	double desc = -font_descent(f) * b->size / 1000;
	return top + (b->leading - asc - desc) / 2 + asc;
}

void
pager_marker(struct pager *p, const struct block *b, double y)
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
void
pager_segs(struct pager *p, const struct run *runs, const struct line *ln,
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
		t->mark = r->mark;
		if (r->mark != 0) {
			t->ink = r->mark == MARK_INS ? INK_INS : INK_DEL;
			pager_mark(dl, t);
			if (r->link >= 0)
				push_link(dl, t, r->link);
		} else if (r->link >= 0) {
			t->ink = INK_LINK;
			push_link(dl, t, r->link);
		} else if (dl->flow.block[p->block].caption) {
			t->ink = INK_MUTED;
		}
	}
}

static void
place_line(struct pager *p, const struct block *b, const struct line *ln,
           bool first, double top)
{
	double y = pager_baseline(p, b, top);
	if (first && b->marker)
		pager_marker(p, b, y);
	pager_segs(p, p->dl->flow.run + b->run0, ln, PAGE_MARGIN + b->indent,
	           y);
	pager_quotes(p, b, top, top + b->leading);
}

/* Lines of b that fit between top and the page's bottom. */
static size_t
lines_fitting(const struct block *b, double top)
{
	double room = (pager_bottom(b) - top) / b->leading + EPS;
	return room > 0 ? (size_t)room : 0;
}

/* How many lines of text block i (done of them placed already) go on the
 * page from top: all that are left when they fit with what must follow
 * them; else, when the block may split, as many as fit, leaving at least
 * two for the next page and placing at least two here (the first part at
 * a page's foot, or the next at its top); else none, and the block goes
 * on to the next page. Alone on a page, a block that fits nowhere better
 * (taller than a page) takes what fits, its last part still two lines. */
static size_t
split_lines(const struct pager *p, size_t i, size_t done, double top)
{
	const struct block *b = &p->dl->flow.block[i];
	size_t left = p->span[i].n - done, fit = lines_fitting(b, top);
	if (left <= fit && followers_fit(p, i, top + (double)left * b->leading))
		return left;
	size_t k = 0;
	if (!whole(p, i)) {
		k = fit < left ? fit : left;
		if (k + 2 > left)
			k = left > 2 ? left - 2 : 0;
		if (k < 2)
			k = 0;
	}
	if (k > 0 || !p->fresh)
		return k;
	if (left <= fit)
		return left; /* what follows fits on no page with it */
	k = fit;
	if (k + 2 > left && left >= 4)
		k = left - 2;
	return k > 0 ? k : 1; /* not even a line fits: it overflows */
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
	size_t done = 0;
	while (done < sp->n) {
		double top = p->y + pager_gap(p, b);
		size_t k = split_lines(p, i, done, top);
		if (k == 0) {
			pager_new_page(p);
			continue;
		}
		if (done == 0 && b->heading)
			record_heading(p, b, top);
		for (size_t j = 0; j < k; j++)
			place_line(p, b, &p->lines.line[sp->line0 + done + j],
			           done + j == 0, top + (double)j * b->leading);
		p->y = top + (double)k * b->leading;
		p->fresh = false;
		p->prev = b;
		done += k;
		if (done < sp->n)
			pager_new_page(p);
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
	double top = p->y + pager_gap(p, b);
	if (!p->fresh && (top + h > pager_bottom(b) + EPS ||
	                  !followers_fit(p, i, top + h))) {
		pager_new_page(p);
		if (b->kind == BLOCK_RULE)
			return;
		top = p->y + pager_gap(p, b);
	}
	double x = PAGE_MARGIN + b->indent;
	if (b->kind == BLOCK_RULE) {
		pager_rect(dl, RECT_FILL, x, top,
		           PAGE_TEXT_WIDTH - b->indent - b->inset, h);
		if (b->letterhead)
			dl->rect[dl->nrect - 1].ink = INK_TEXT;
	} else {
		GROW(dl->chart, dl->nchart, dl->chartcap);
		dl->chart[dl->nchart++] =
		    (struct pg_chart){.block = i,
		                      .scene = b->scene,
		                      .x = x,
		                      .y = top,
		                      .scale = chart_scale(p, i)};
	}
	pager_quotes(p, b, top, top + h);
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
			pager_table_break(&p, i);
	}
	pager_new_page(&p);
	for (size_t i = 0; i < f->n; i++) {
		p.block = i;
		if (f->block[i].new_page && !p.fresh)
			pager_new_page(&p);
		if (f->block[i].kind == BLOCK_TEXT)
			place_text(&p, i);
		else if (f->block[i].kind == BLOCK_TABLE)
			pager_table_place(&p, i);
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
