/* The redline as a PDF (redline.h). The summary and the marked letter are
 * walked into two flows, which are joined into one (the letter's blocks
 * after the summary's, its runs, cells, links, list and quote ids moved
 * past the summary's, its first block starting a page), so that a
 * letterhead still opens the letter and the pages are numbered through.
 * The marks themselves are drawn by page.c (pager_mark, here) and pdf.c:
 * an insertion in colour with a double underline (a link's underline is
 * single), a deletion in another colour struck through, over its text,
 * and a bar in the left margin beside each line holding either. */
#include "render/redline.h"

#include <stdbool.h>
#include <string.h>

#include "core/alloc.h"
#include "core/arena.h"
#include "core/buf.h"
#include "render/flow.h"
#include "render/frontmatter.h"
#include "render/layout.h"
#include "render/page.h"
#include "render/page_int.h"
#include "render/pdf.h"
#include "render/render.h"

/* Marks, in em of the text's size: two underlines below the baseline,
 * a strike through the middle of the lower case, and the margin bar. */
#define UNDER_1      0.10
#define UNDER_2      0.20
#define UNDER_THICK  0.05
#define STRIKE_Y     0.28 /* above the baseline */
#define STRIKE_THICK 0.07
#define BAR_X        14.0 /* pt left of the text's margin */
#define BAR_W        2.5
#define BAR_TOP      0.95 /* em above the baseline */
#define BAR_H        1.30

int
redline_marker(const char *s, size_t n, size_t *len)
{
	if (n < 3 || (unsigned char)s[0] != 0xEE || (unsigned char)s[1] != 0x80)
		return -1;
	unsigned char c = (unsigned char)s[2];
	*len = 3;
	if (c == 0x80)
		return MARK_INS;
	if (c == 0x81)
		return MARK_DEL;
	return c == 0x82 ? MARK_NONE : -1;
}

static void
mark_rect(struct doc_layout *dl, enum pg_rect_kind kind, double x, double y,
          double w, double h, enum ink ink)
{
	GROW(dl->rect, dl->nrect, dl->rectcap);
	dl->rect[dl->nrect++] = (struct pg_rect){
	    .kind = kind, .x = x, .y = y, .w = w, .h = h, .ink = ink};
}

/* The bar beside the line of t, once however many marks the line holds. */
static void
bar(struct doc_layout *dl, const struct pg_text *t)
{
	double x = PAGE_MARGIN - BAR_X, y = t->y - BAR_TOP * t->size;
	for (size_t i = dl->page[dl->npage - 1].rect0; i < dl->nrect; i++) {
		const struct pg_rect *r = &dl->rect[i];
		if (r->kind == RECT_FILL && r->x == x && r->y < t->y &&
		    r->y + r->h > t->y)
			return;
	}
	mark_rect(dl, RECT_FILL, x, y, BAR_W, BAR_H * t->size, INK_TEXT);
}

void
pager_mark(struct doc_layout *dl, const struct pg_text *t)
{
	double s = t->size;
	if (t->width <= 0)
		return;
	if (t->mark == MARK_INS) {
		mark_rect(dl, RECT_FILL, t->x, t->y + UNDER_1 * s, t->width,
		          UNDER_THICK * s, INK_INS);
		mark_rect(dl, RECT_FILL, t->x, t->y + UNDER_2 * s, t->width,
		          UNDER_THICK * s, INK_INS);
	} else {
		mark_rect(dl, RECT_OVER, t->x, t->y - STRIKE_Y * s, t->width,
		          STRIKE_THICK * s, INK_DEL);
	}
	bar(dl, t);
}

static unsigned
max_ids(const struct flow *f, unsigned *quotes)
{
	unsigned m = 0;
	*quotes = 0;
	for (size_t i = 0; i < f->n; i++) {
		const struct block *b = &f->block[i];
		for (int k = 0; k < b->nnest; k++)
			m = b->nest[k].id > m ? b->nest[k].id : m;
		for (int q = 0; q < b->nquote; q++)
			*quotes =
			    b->quote_id[q] > *quotes ? b->quote_id[q] : *quotes;
	}
	return m;
}

/* memcpy that takes n == 0 with a NULL src: an empty flow's arrays are
 * NULL, and memcpy's arguments may never be (UBSan). */
static void
copy(void *dst, const void *src, size_t n)
{
	if (n > 0)
		memcpy(dst, src, n);
}

/* Joins flows a and b into out (zeroed): a's blocks, then b's from a new
 * page. The runs keep pointing into a's and b's text, which must outlive
 * out; out's own text is empty. */
static void
join(struct flow *out, const struct flow *a, const struct flow *b)
{
	unsigned quotes, nest = max_ids(a, &quotes);
	out->n = out->cap = a->n + b->n;
	out->block = xcalloc(out->n + 1, sizeof(*out->block));
	copy(out->block, a->block, a->n * sizeof(*a->block));
	copy(out->block + a->n, b->block, b->n * sizeof(*b->block));
	for (size_t i = a->n; i < out->n; i++) {
		struct block *k = &out->block[i];
		k->run0 += a->nrun;
		k->cell0 += a->ncell;
		for (int j = 0; j < k->nnest; j++)
			k->nest[j].id += nest;
		for (int q = 0; q < k->nquote; q++)
			k->quote_id[q] += quotes;
	}
	if (b->n > 0)
		out->block[a->n].new_page = true;
	out->nrun = out->runcap = a->nrun + b->nrun;
	out->run = xcalloc(out->nrun + 1, sizeof(*out->run));
	copy(out->run, a->run, a->nrun * sizeof(*a->run));
	copy(out->run + a->nrun, b->run, b->nrun * sizeof(*b->run));
	for (size_t i = a->nrun; i < out->nrun; i++)
		if (out->run[i].link >= 0)
			out->run[i].link += (int)a->nlink;
	out->ncell = out->cellcap = a->ncell + b->ncell;
	out->cell = xcalloc(out->ncell + 1, sizeof(*out->cell));
	copy(out->cell, a->cell, a->ncell * sizeof(*a->cell));
	copy(out->cell + a->ncell, b->cell, b->ncell * sizeof(*b->cell));
	for (size_t i = a->ncell; i < out->ncell; i++)
		out->cell[i].run0 += a->nrun;
	out->nlink = out->linkcap = a->nlink + b->nlink;
	out->link = xcalloc(out->nlink + 1, sizeof(*out->link));
	copy(out->link, a->link, a->nlink * sizeof(*a->link));
	copy(out->link + a->nlink, b->link, b->nlink * sizeof(*b->link));
	out->first_h1 = b->first_h1;
	buf_init(&out->text);
}

int
render_redline_pdf(const char *path, const char *summary, size_t slen,
                   const char *md, size_t len, const struct render_opts *opts,
                   struct buf *out, struct diag_sink *d)
{
	struct doc_layout *dl = xcalloc(1, sizeof(*dl));
	struct flow fs, fl;
	struct front_matter fm;
	int rc = -1;
	memset(&fs, 0, sizeof(fs));
	memset(&fl, 0, sizeof(fl));
	dl->arena = arena_new();
	if (frontmatter_parse(dl->arena, path, md, len, &fm, d) < 0 ||
	    flow_build(&fs, dl->arena, "the redline's summary", summary, slen,
	               0, opts, d) < 0 ||
	    flow_build_marked(&fl, dl->arena, path, md + fm.body, len - fm.body,
	                      fm.body_line, opts, d) < 0)
		goto out;
	join(&dl->flow, &fs, &fl);
	const char *title =
	    frontmatter_title(&fm, fl.first_h1, dl->arena, path);
	dl->title = arena_printf(dl->arena, "Redline: %s", title);
	dl->short_title = arena_printf(dl->arena, "Redline: %s",
	                               fm.short_title ? fm.short_title : title);
	dl->lang = fm.lang ? fm.lang : "en-GB";
	dl->has_date = fm.has_date;
	dl->date = fm.date;
	dl->url = dl->flow.link;
	dl->nurl = dl->flow.nlink;
	struct layout l;
	layout_init(&l, opts->fonts);
	page_build(dl, &l);
	layout_release(&l);
	rc = pdf_write(dl, opts->fonts, 0, path, out, d);
out:
	doc_layout_free(dl);
	flow_release(&fs);
	flow_release(&fl);
	return rc;
}
