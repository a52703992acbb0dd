/* Page layout (render/page.c): every sample laid out and checked against
 * the rules of docs/typesetting.md ("Page layout"), then each rule on
 * constructed Markdown swept down a page, so that the block under test
 * meets the page's foot at every height.
 *
 * The sweeps use words of 45 letters x: two never share a line, so a
 * paragraph of n of them has exactly n lines whatever the line breaker. */
#include <criterion/criterion.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build/build.h"
#include "chart/chart.h"
#include "chart/scene.h"
#include "core/alloc.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/font.h"
#include "draft/draft.h"
#include "ingest/ingest.h"
#include "merge/merge.h"
#include "render/page.h"
#include "render/render.h"
#include "testutil.h"

#define PATH  "out/letter.md"
#define EPS   1e-6
#define NONE  SIZE_MAX
#define LINES 43 /* body lines of 16 pt on a page, at least */

static struct test_render fx;

static void
setup(void)
{
	test_render_init(&fx);
	struct scene *chart =
	    test_render_chart(&fx, "findings-by-agency", 450, 200);
	struct rgb blue = {0, 0.45, 0.7}, black = {0, 0, 0};
	scene_rect(chart, 100, 20, 300, 40, blue);
	scene_text(chart, 90, 45, "Health", 10, false, ANCHOR_END, black);
	/* taller than a page: scaled down to fit one */
	struct scene *tall = test_render_chart(&fx, "tall", 450, 1200);
	scene_rect(tall, 100, 20, 300, 1100, blue);
}

static void
teardown(void)
{
	test_render_release(&fx);
}

TestSuite(pages, .init = setup, .fini = teardown);

static struct doc_layout *
lay(const char *md)
{
	return test_render_layout(&fx, PATH, md);
}

/* Appends a paragraph of n lines (n words too long to share a line). */
static void
para(struct buf *b, int n)
{
	for (int i = 0; i < n; i++)
		buf_printf(b, "%s%.45s", i ? " " : "",
		           "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
}

/* A paragraph of k lines, then a blank line: it pushes what follows
 * k lines down the first page. */
static void
filler(struct buf *b, int k)
{
	if (k == 0)
		return;
	para(b, k);
	buf_puts(b, "\n\n");
}

/* Where each block's content is: its first and last page, NONE when it
 * shows nothing. */
struct where {
	size_t *first, *last;
};

static void
mark(struct where *w, size_t block, size_t page)
{
	if (w->first[block] == NONE)
		w->first[block] = page;
	w->last[block] = page;
}

static struct where
where_of(const struct doc_layout *dl)
{
	size_t n = dl->flow.n ? dl->flow.n : 1;
	struct where w = {malloc(n * sizeof(size_t)),
	                  malloc(n * sizeof(size_t))};
	for (size_t i = 0; i < n; i++)
		w.first[i] = w.last[i] = NONE;
	for (size_t p = 0; p < dl->npage; p++) {
		const struct pg_page *pg = &dl->page[p];
		for (size_t i = pg->text0; i < pg->text0 + pg->ntext; i++)
			mark(&w, dl->text[i].block, p);
		for (size_t i = pg->chart0; i < pg->chart0 + pg->nchart; i++)
			mark(&w, dl->chart[i].block, p);
		for (size_t i = pg->cell0; i < pg->cell0 + pg->ncell; i++)
			mark(&w, dl->cell[i].block, p);
	}
	return w;
}

static void
where_free(struct where *w)
{
	free(w->first);
	free(w->last);
}

/* Lines of text block b on page p: its distinct baselines. */
static size_t
lines_on(const struct doc_layout *dl, size_t b, size_t p)
{
	const struct pg_page *pg = &dl->page[p];
	size_t n = 0;
	double last = -1;
	for (size_t i = pg->text0; i < pg->text0 + pg->ntext; i++) {
		const struct pg_text *t = &dl->text[i];
		if (t->block != b || t->marker || t->y == last)
			continue;
		last = t->y;
		n++;
	}
	return n;
}

static size_t
next_shown(const struct where *w, size_t n, size_t i)
{
	for (size_t j = i + 1; j < n; j++)
		if (w->first[j] != NONE)
			return j;
	return n;
}

static void
check_extent(const struct doc_layout *dl, const char *what)
{
	double right = PAGE_MARGIN + PAGE_TEXT_WIDTH + EPS;
	for (size_t i = 0; i < dl->ntext; i++) {
		const struct pg_text *t = &dl->text[i];
		cr_expect_lt(t->block, dl->flow.n, "%s: text without a block",
		             what);
		cr_expect_geq(t->x, PAGE_MARGIN - EPS,
		              "%s: '%.*s' left of the "
		              "margin",
		              what, (int)t->n, t->s);
		cr_expect_leq(t->x + t->width, right,
		              "%s: '%.*s' overflows the text block by %g pt",
		              what, (int)t->n, t->s, t->x + t->width - right);
		cr_expect(t->y > PAGE_TOP && t->y <= PAGE_BOTTOM + EPS,
		          "%s: '%.*s' off the body (baseline %g)", what,
		          (int)t->n, t->s, t->y);
	}
	for (size_t i = 0; i < dl->nchart; i++) {
		const struct pg_chart *c = &dl->chart[i];
		cr_expect_leq(c->x + c->scene->width * c->scale, right, "%s",
		              what);
		cr_expect_leq(c->y + c->scene->height * c->scale,
		              PAGE_BOTTOM + EPS, "%s: chart below the body",
		              what);
	}
	for (size_t i = 0; i < dl->ncell; i++) {
		const struct pg_cell *c = &dl->cell[i];
		cr_expect_leq(c->x + c->w, right, "%s: cell too wide", what);
		cr_expect_leq(c->y + c->h, PAGE_BOTTOM + EPS,
		              "%s: cell below the body", what);
	}
	for (size_t i = 0; i < dl->nrect; i++) {
		const struct pg_rect *r = &dl->rect[i];
		cr_expect(r->y >= PAGE_TOP - EPS &&
		              r->y + r->h <= PAGE_BOTTOM + EPS,
		          "%s: a rule or box off the body (%g to %g)", what,
		          r->y, r->y + r->h);
	}
}

static void
check_footers(const struct doc_layout *dl, const char *what)
{
	char want[64];
	for (size_t p = 0; p < dl->npage; p++) {
		const struct pg_page *pg = &dl->page[p];
		snprintf(want, sizeof(want), "Page %zu of %zu", p + 1,
		         dl->npage);
		cr_expect_str_eq(pg->number, want, "%s", what);
		cr_expect_eq(pg->footer[1].n, strlen(want));
		cr_expect_gt(pg->footer[0].n, 0, "%s: no short title", what);
		cr_expect_eq(pg->footer[0].block, NONE);
		cr_expect_eq(pg->footer[1].block, NONE);
		cr_expect_lt(pg->footer[0].x + pg->footer[0].width,
		             pg->footer[1].x, "%s", what);
	}
}

static bool
same_cell(const struct pg_cell *a, const struct pg_cell *b)
{
	return a->block == b->block && a->row == b->row && a->col == b->col;
}

/* True when cell part i is a header row repeated on a later page. */
static bool
repeated(const struct doc_layout *dl, size_t i)
{
	const struct pg_cell *c = &dl->cell[i];
	for (size_t j = 0; c->header && c->line0 == 0 && j < i; j++)
		if (same_cell(&dl->cell[j], c) && dl->cell[j].line0 == 0)
			return true;
	return false;
}

/* Each part of a table cell split across pages holds two lines or
 * more; a header row repeated on a later page is no part. */
static void
check_cells(const struct doc_layout *dl, const char *what)
{
	for (size_t i = 0; i < dl->ncell; i++) {
		const struct pg_cell *c = &dl->cell[i];
		if (c->nline == 0 || repeated(dl, i))
			continue;
		size_t parts = 0;
		for (size_t j = 0; j < dl->ncell; j++)
			parts += same_cell(&dl->cell[j], c) &&
			         dl->cell[j].nline > 0 && !repeated(dl, j);
		if (parts > 1)
			cr_expect_geq(c->nline, 2,
			              "%s: table block %zu row %zu col %zu has "
			              "a part of one line",
			              what, c->block, c->row, c->col);
	}
}

/* The rules of a page layout, checked on any laid-out letter. */
static void
check_pages(const struct doc_layout *dl, const char *what)
{
	const struct flow *f = &dl->flow;
	struct where w = where_of(dl);
	check_extent(dl, what);
	check_footers(dl, what);
	check_cells(dl, what);
	for (size_t i = 0; i < f->n; i++) {
		const struct block *b = &f->block[i];
		if (w.first[i] == NONE)
			continue;
		size_t j = next_shown(&w, f->n, i);
		if (b->heading && j < f->n)
			cr_expect_eq(w.first[j], w.last[i],
			             "%s: heading '%s' (line %d) ends page %zu",
			             what, b->title, b->line, w.last[i] + 1);
		if (b->keep)
			cr_expect_eq(w.first[i], w.last[i],
			             "%s: block at line %d kept whole is split",
			             what, b->line);
		if (b->caption && i > 0 && f->block[i - 1].kind == BLOCK_CHART)
			cr_expect_eq(w.last[i - 1], w.last[i],
			             "%s: chart and caption (line %d) apart",
			             what, b->line);
		if (b->kind == BLOCK_TEXT && j < f->n && f->block[j].keep &&
		    w.first[i] == w.last[i] && lines_on(dl, i, w.first[i]) == 1)
			cr_expect_eq(w.last[i], w.first[j],
			             "%s: line %d left apart from the block it "
			             "leads to",
			             what, b->line);
		if (b->kind != BLOCK_TEXT || w.first[i] == w.last[i])
			continue;
		for (size_t p = w.first[i]; p <= w.last[i]; p++)
			cr_expect_geq(
			    lines_on(dl, i, p), 2,
			    "%s: block at line %d leaves %zu line alone "
			    "on page %zu",
			    what, b->line, lines_on(dl, i, p), p + 1);
	}
	where_free(&w);
}

/* The block whose text starts with s, or NONE. */
static size_t
find_block(const struct doc_layout *dl, const char *s)
{
	for (size_t i = 0; i < dl->ntext; i++)
		if (!dl->text[i].marker && dl->text[i].n >= strlen(s) &&
		    memcmp(dl->text[i].s, s, strlen(s)) == 0)
			return dl->text[i].block;
	return NONE;
}

/* The samples, each built through ingest, merge and draft, and laid out
 * with its charts drawn from its model. */

struct sample_charts {
	struct arena *a;
	const struct value *model;
	struct diag_sink *d;
};

static const struct scene *
sample_chart(void *ctx, const char *name)
{
	struct sample_charts *c = ctx;
	return chart_draw(c->a, name, c->model, &fx.fonts, c->d);
}

static struct doc_layout *
lay_sample(const char *dir, const char *templates, struct arena *a)
{
	struct inspection *ins = ingest_load(a, dir, templates, &fx.sink);
	cr_assert_not_null(ins, "%s", test_diags(&fx.sink));
	struct value *model = merge_run(a, ins, &fx.sink);
	cr_assert_not_null(model, "%s", test_diags(&fx.sink));
	struct buf md;
	buf_init(&md);
	cr_assert_eq(draft_run(model, templates, &md, NULL, &fx.sink), 0, "%s",
	             test_diags(&fx.sink));
	struct sample_charts c = {a, model, &fx.sink};
	struct render_opts o = {&fx.fonts, sample_chart, &c, NULL};
	struct doc_layout *dl =
	    render_layout(dir, buf_cstr(&md), md.len, &o, &fx.sink);
	cr_assert_not_null(dl, "%s: %s", dir, test_diags(&fx.sink));
	buf_release(&md);
	return dl;
}

Test(pages, every_sample_keeps_every_rule, .timeout = 60)
{
	char **dirs = NULL;
	size_t n = 0;
	cr_assert_eq(build_find(test_src("samples"), &dirs, &n, &fx.sink), 0);
	cr_assert_geq(n, 5);
	char *templates = xstrdup(test_src("templates"));
	for (size_t s = 0; s < n; s++) {
		struct arena *a = arena_new();
		struct doc_layout *dl = lay_sample(dirs[s], templates, a);
		check_pages(dl, dirs[s]);
		cr_expect_gt(dl->npage, 1, "%s", dirs[s]);
		/* page 1 opens with the letterhead */
		cr_assert_gt(dl->ntext, 0);
		cr_expect(dl->flow.block[dl->text[0].block].letterhead, "%s",
		          dirs[s]);
		cr_expect_eq(dl->text[0].face, FONT_BOLD);
		doc_layout_free(dl);
		arena_free(a);
		free(dirs[s]);
	}
	free(dirs);
	free(templates);
}

/* Widows and orphans */

Test(pages, three_lines_never_split)
{
	for (int k = LINES - 8; k <= LINES + 2; k++) {
		struct buf b;
		buf_init(&b);
		filler(&b, k);
		buf_puts(&b, "Three ");
		para(&b, 3);
		buf_puts(&b, "\n");
		struct doc_layout *dl = lay(buf_cstr(&b));
		struct where w = where_of(dl);
		size_t t = find_block(dl, "Three");
		cr_assert_neq(t, NONE);
		cr_expect_eq(w.first[t], w.last[t], "k = %d", k);
		check_pages(dl, "three lines");
		where_free(&w);
		doc_layout_free(dl);
		buf_release(&b);
	}
}

Test(pages, a_split_leaves_two_lines_on_each_page)
{
	bool split[8] = {false};
	for (int n = 4; n < 8; n++)
		for (int k = LINES - n - 2; k <= LINES + 2; k++) {
			struct buf b;
			buf_init(&b);
			filler(&b, k);
			buf_puts(&b, "Target ");
			para(&b, n);
			buf_puts(&b, "\n\nAfter.\n");
			struct doc_layout *dl = lay(buf_cstr(&b));
			struct where w = where_of(dl);
			size_t t = find_block(dl, "Target");
			split[n] |= w.first[t] != w.last[t];
			check_pages(dl, "split");
			where_free(&w);
			doc_layout_free(dl);
			buf_release(&b);
		}
	for (int n = 4; n < 8; n++)
		cr_expect(split[n], "a paragraph of %d lines never split", n);
}

Test(pages, a_paragraph_taller_than_a_page_splits_without_a_lone_line)
{
	for (int k = 0; k <= LINES + 2; k += 3) {
		struct buf b;
		buf_init(&b);
		filler(&b, k);
		para(&b, 2 * LINES + 1);
		buf_puts(&b, "\n");
		struct doc_layout *dl = lay(buf_cstr(&b));
		cr_expect_geq(dl->npage, 3);
		check_pages(dl, "tall paragraph");
		doc_layout_free(dl);
		buf_release(&b);
	}
}

Test(pages, list_items_three_deep_keep_two_lines)
{
	for (int k = LINES - 12; k <= LINES + 2; k++) {
		struct buf b;
		buf_init(&b);
		filler(&b, k);
		buf_puts(&b, "1. ");
		para(&b, 4);
		buf_puts(&b, "\n   - ");
		para(&b, 3);
		buf_puts(&b, "\n     1. ");
		para(&b, 5);
		buf_puts(&b, "\n\n        ");
		para(&b, 4);
		buf_puts(&b, "\n2. ");
		para(&b, 2);
		buf_puts(&b, "\n");
		struct doc_layout *dl = lay(buf_cstr(&b));
		check_pages(dl, "list");
		doc_layout_free(dl);
		buf_release(&b);
	}
}

/* Lists: hanging indents, three levels, items of several paragraphs. */
Test(pages, nested_items_hang_and_their_paragraphs_align)
{
	struct doc_layout *dl = lay("1. One two three four five six seven "
	                            "eight nine ten eleven twelve thirteen "
	                            "fourteen fifteen sixteen seventeen "
	                            "eighteen nineteen twenty twenty-one\n"
	                            "   - Bullet\n"
	                            "     1. Deep\n"
	                            "\n"
	                            "        Deep's second paragraph\n"
	                            "\n"
	                            "   Second paragraph of one\n"
	                            "10. Ten\n");
	const struct flow *f = &dl->flow;
	cr_assert_eq(f->n, 6);
	double x[6], y0[6], wrap = -1;
	const struct pg_text *marker[6] = {NULL};
	for (size_t i = 0; i < 6; i++)
		x[i] = y0[i] = -1;
	for (size_t i = 0; i < dl->ntext; i++) {
		const struct pg_text *t = &dl->text[i];
		size_t b = t->block;
		if (t->marker)
			marker[b] = t;
		else if (x[b] < 0)
			x[b] = t->x, y0[b] = t->y;
		else if (b == 0 && t->y > y0[0] && wrap < 0)
			wrap = t->x;
	}
	/* blocks: one, bullet, deep, deep's second, second of one, ten */
	cr_expect_float_eq(wrap, x[0], EPS, "a wrapped line hangs");
	cr_expect_float_eq(x[4], x[0], EPS, "an item's second paragraph");
	cr_expect_float_eq(x[5], x[0], EPS);
	cr_expect_float_eq(x[3], x[2], EPS);
	cr_expect_gt(x[1], x[0]);
	cr_expect_gt(x[2], x[1]);
	cr_assert(marker[0] && marker[1] && marker[2] && marker[5]);
	cr_expect(!marker[3] && !marker[4]);
	cr_expect_float_eq(marker[0]->x + marker[0]->width,
	                   marker[5]->x + marker[5]->width, EPS,
	                   "numbers align on the right");
	cr_expect_lt(marker[0]->x + marker[0]->width, x[0]);
	cr_expect_lt(marker[1]->x + marker[1]->width, x[1]);
	cr_expect_gt(marker[1]->x, marker[0]->x);
	cr_expect_lt(marker[2]->x + marker[2]->width, x[2]);
	cr_expect_gt(marker[2]->x, x[1] - EPS);
	check_pages(dl, "nested list");
	doc_layout_free(dl);
}

/* Headings */

static const char *const followers[] = {
    "Two lines of text. ",
    "- A list item. ",
    ("```table\n| Agency | Count |\n| --- | --- |\n| Health | 3 |\n"
     "| Police | 2 |\n```\n"),
    "![Findings](chart:findings-by-agency \"A caption.\")\n",
    "````callout\n**Case study**\n\nThe summary. ",
    "### A second heading\n\nText. ",
};

Test(pages, a_heading_stays_with_what_follows)
{
	for (size_t f = 0; f < sizeof(followers) / sizeof(*followers); f++)
		for (int k = LINES - 16; k <= LINES + 1; k++) {
			struct buf b;
			buf_init(&b);
			filler(&b, k);
			buf_puts(&b, "## The heading\n\n");
			buf_puts(&b, followers[f]);
			if (followers[f][strlen(followers[f]) - 1] == ' ')
				para(&b, 5);
			if (followers[f][0] == '`' && followers[f][3] == '`')
				buf_puts(&b, "\n````\n");
			buf_puts(&b, "\n");
			struct doc_layout *dl = lay(buf_cstr(&b));
			check_pages(dl, followers[f]);
			doc_layout_free(dl);
			buf_release(&b);
		}
}

Test(pages, a_run_in_heading_and_a_lead_in_stay_with_what_follows)
{
	for (int k = LINES - 8; k <= LINES + 1; k++) {
		struct buf b;
		buf_init(&b);
		filler(&b, k);
		buf_puts(&b, "````callout\n**Case study: a run-in heading**\n\n"
		             "Summary ");
		para(&b, 4);
		buf_puts(&b, "\n````\n\nThe agencies inspected were:\n\n- ");
		para(&b, 2);
		buf_puts(&b, "\n- Police\n");
		struct doc_layout *dl = lay(buf_cstr(&b));
		struct where w = where_of(dl);
		size_t h = find_block(dl, "Case study"),
		       s = find_block(dl, "Summary"),
		       l = find_block(dl, "The agencies");
		cr_expect_eq(w.last[h], w.first[s], "k = %d", k);
		cr_expect_eq(w.last[l], w.first[l + 1], "k = %d", k);
		check_pages(dl, "run-in");
		where_free(&w);
		doc_layout_free(dl);
		buf_release(&b);
	}
}

Test(pages, a_list_or_a_box_never_opens_or_closes_on_a_lone_line)
{
	bool split = false;
	for (int k = LINES - 12; k <= LINES + 1; k++) {
		struct buf b;
		buf_init(&b);
		filler(&b, k);
		buf_puts(&b, "````callout\n**Run-in**\n\nSummary ");
		para(&b, 2);
		buf_puts(&b, "\n\n- item 1\n- item 2\n- item 3\n- item 4\n"
		             "- item 5\n- item 6\n````\n\nAfter.\n");
		struct doc_layout *dl = lay(buf_cstr(&b));
		struct where w = where_of(dl);
		size_t i1 = find_block(dl, "item 1");
		cr_assert_neq(i1, NONE);
		cr_expect_eq(w.first[i1], w.first[i1 + 1], "k = %d", k);
		cr_expect_eq(w.first[i1 + 4], w.first[i1 + 5], "k = %d", k);
		split |= w.first[i1] != w.first[i1 + 5];
		check_pages(dl, "list in a box");
		where_free(&w);
		doc_layout_free(dl);
		buf_release(&b);
	}
	cr_expect(split, "the list never went over a page break");
}

/* The last item of two lines, as well as of one, never opens a page with
 * the rest of its list on the page before. */
Test(pages, a_last_item_of_two_lines_never_opens_a_page_alone)
{
	bool split = false;
	for (int k = LINES - 12; k <= LINES + 1; k++) {
		struct buf b;
		buf_init(&b);
		filler(&b, k);
		buf_puts(&b, "- item 1\n- item 2\n- item 3\n- item 4\n- Last ");
		para(&b, 2);
		buf_puts(&b, "\n\n1. first ");
		para(&b, 2);
		buf_puts(&b, "\n2. second ");
		para(&b, 2);
		buf_puts(&b, "\n3. Third ");
		para(&b, 2);
		buf_puts(&b, "\n\nAfter.\n");
		struct doc_layout *dl = lay(buf_cstr(&b));
		struct where w = where_of(dl);
		size_t last = find_block(dl, "Last"),
		       third = find_block(dl, "Third"),
		       i1 = find_block(dl, "item 1");
		cr_assert(last != NONE && third != NONE && i1 != NONE);
		cr_assert_eq(lines_on(dl, last, w.first[last]), 2);
		cr_assert_eq(lines_on(dl, third, w.first[third]), 2);
		cr_expect_eq(w.first[last], w.last[last - 1], "k = %d", k);
		cr_expect_eq(w.first[third], w.last[third - 1], "k = %d", k);
		split |= w.first[i1] != w.first[last] ||
		         w.first[third - 2] != w.first[third];
		check_pages(dl, "last item of two lines");
		where_free(&w);
		doc_layout_free(dl);
		buf_release(&b);
	}
	cr_expect(split, "no list went over a page break");
}

/* Signatures */

static const char signatures[] =
    "Yours sincerely\n\n"
    "**Christine Haldane**  \nRegional Director  \n"
    "Office for Standards in Education, Children's Services and Skills\n\n"
    "**Neil Farrant**  \nHead of Inspection  \nCare Quality Commission\n\n"
    "**Thomas Rigby**  \nInspector of Constabulary  \n"
    "His Majesty's Inspectorate of Constabulary\n";

Test(pages, signature_blocks_never_split)
{
	int moved = 0;
	for (int k = LINES - 14; k <= LINES + 1; k++) {
		struct buf b;
		buf_init(&b);
		filler(&b, k);
		buf_puts(&b, signatures);
		struct doc_layout *dl = lay(buf_cstr(&b));
		struct where w = where_of(dl);
		size_t y = find_block(dl, "Yours"),
		       c = find_block(dl, "Christine"),
		       t = find_block(dl, "Thomas");
		cr_assert(dl->flow.block[c].keep);
		cr_expect(!dl->flow.block[y].keep);
		cr_expect_eq(w.first[c], w.last[c], "k = %d", k);
		cr_expect_eq(w.first[t], w.last[t], "k = %d", k);
		cr_expect_eq(w.last[y], w.first[c], "k = %d", k);
		moved += w.first[y] == 1;
		check_pages(dl, "signatures");
		where_free(&w);
		doc_layout_free(dl);
		buf_release(&b);
	}
	cr_expect_gt(moved, 0);
}

Test(pages, hard_breaks_keep_a_paragraph_whole_headings_and_code_do_not)
{
	struct doc_layout *dl = lay(
	    "A  \nheading\n===\n\nplain\n\na  \nb\n\n```\ncode\nmore\n```\n");
	const struct flow *f = &dl->flow;
	cr_assert_eq(f->n, 4);
	cr_expect(!f->block[0].keep);
	cr_expect(!f->block[1].keep);
	cr_expect(f->block[2].keep);
	cr_expect(!f->block[3].keep);
	doc_layout_free(dl);
}

/* Charts and captions */

Test(pages, a_chart_title_is_its_caption)
{
	struct doc_layout *dl =
	    lay("Before ![Findings by agency](chart:findings-by-agency "
	        "\"How many findings name\neach agency.\") after.\n\n"
	        "![No caption](chart:findings-by-agency)\n");
	const struct flow *f = &dl->flow;
	cr_assert_eq(f->n, 5);
	cr_expect_eq(f->block[1].kind, BLOCK_CHART);
	cr_expect(f->block[2].caption && f->block[2].keep);
	cr_expect_str_eq(f->block[1].alt, "Findings by agency");
	cr_expect_eq(f->block[3].kind, BLOCK_TEXT);
	cr_expect(!f->block[3].caption);
	cr_expect_eq(f->block[4].kind, BLOCK_CHART);
	size_t c = find_block(dl, "How many");
	cr_assert_eq(c, 2);
	struct buf t;
	buf_init(&t);
	for (size_t i = 0; i < dl->ntext; i++)
		if (dl->text[i].block == c) {
			cr_expect_eq(dl->text[i].ink, INK_MUTED);
			cr_expect_eq(dl->text[i].face, FONT_REGULAR);
			buf_append(&t, dl->text[i].s, dl->text[i].n);
		}
	cr_expect_str_eq(buf_cstr(&t), "How many findings name each agency.");
	/* below the chart */
	const struct pg_chart *ch = &dl->chart[0];
	size_t first = 0;
	while (dl->text[first].block != c)
		first++;
	cr_expect_gt(dl->text[first].y, ch->y + ch->scene->height * ch->scale);
	buf_release(&t);
	doc_layout_free(dl);
}

Test(pages, a_chart_stays_with_its_caption)
{
	for (int k = LINES - 18; k <= LINES + 1; k++) {
		struct buf b;
		buf_init(&b);
		filler(&b, k);
		buf_puts(&b, "![Findings](chart:findings-by-agency \"A caption "
		             "long enough to take two lines: ");
		para(&b, 1);
		buf_puts(&b, ".\")\n\nAfter.\n");
		struct doc_layout *dl = lay(buf_cstr(&b));
		cr_assert_eq(dl->nchart, 1);
		check_pages(dl, "caption");
		doc_layout_free(dl);
		buf_release(&b);
	}
}

/* A chart taller than a page is scaled down to fit one with its caption
 * and with the heading or lead-in before it, which go with it to the next
 * page. */
Test(pages, a_heading_goes_with_a_chart_scaled_to_a_page)
{
	static const char *const before[] = {
	    "## The heading\n\n",
	    "## The heading\n\n### A second heading\n\n",
	    "The chart shows:\n\n",
	};
	static const char *const charts[] = {
	    "![Tall](chart:tall \"A caption.\")\n",
	    "![Tall](chart:tall)\n",
	};
	for (size_t h = 0; h < sizeof(before) / sizeof(*before); h++)
		for (size_t c = 0; c < 2; c++)
			for (int k = 0; k <= LINES + 1; k += 4) {
				struct buf b;
				buf_init(&b);
				filler(&b, k);
				buf_puts(&b, before[h]);
				buf_puts(&b, charts[c]);
				buf_puts(&b, "\nAfter.\n");
				struct doc_layout *dl = lay(buf_cstr(&b));
				struct where w = where_of(dl);
				cr_assert_eq(dl->nchart, 1);
				size_t ch = dl->chart[0].block,
				       t = find_block(dl, h < 2 ? "The heading"
				                                : "The chart");
				cr_expect_eq(w.first[t], w.first[ch],
				             "%s k = %d", before[h], k);
				cr_expect_lt(dl->chart[0].scale, 1);
				check_pages(dl, before[h]);
				where_free(&w);
				doc_layout_free(dl);
				buf_release(&b);
			}
}

/* The letterhead */

static const char letterhead[] =
    "---\nshort_title: JTAI Northshire\n---\n\n"
    "```letterhead\n"
    "Office for Standards in Education, Children's Services and Skills\n"
    "\n"
    "Care Quality Commission\n"
    "His Majesty\\'s Inspectorate of *Constabulary*\n"
    "```\n\n"
    "27 April 2026\n\n"
    "Jane Smith, Director of Children's Services, Northshire Council\n";

Test(pages, the_letterhead_opens_page_one)
{
	struct doc_layout *dl = lay(letterhead);
	const struct flow *f = &dl->flow;
	cr_assert_eq(f->n, 6);
	for (size_t i = 0; i < 3; i++) {
		cr_expect(f->block[i].letterhead && f->block[i].keep);
		cr_expect_eq(f->block[i].line, i == 0 ? 6 : (int)i + 7);
	}
	cr_expect_eq(f->block[3].kind, BLOCK_RULE);
	cr_expect(f->block[3].letterhead);
	cr_expect(!f->block[4].letterhead);
	cr_assert_eq(dl->text[0].block, 0);
	cr_expect_lt(dl->text[0].y, PAGE_TOP + 16);
	for (size_t i = 0; i < dl->ntext; i++)
		if (dl->text[i].block < 3)
			cr_expect_eq(dl->text[i].face, FONT_BOLD);
	size_t h = find_block(dl, "His Majesty's Inspectorate");
	cr_expect_eq(h, 2, "escapes and emphasis read as inline Markdown");
	cr_assert_eq(dl->nrect, 1);
	cr_expect_eq(dl->rect[0].ink, INK_TEXT);
	cr_expect_gt(dl->rect[0].h, 1.5);
	cr_expect_float_eq(dl->rect[0].w, PAGE_TEXT_WIDTH, EPS);
	size_t date = find_block(dl, "27 April");
	for (size_t i = 0; i < dl->ntext; i++)
		if (dl->text[i].block == date)
			cr_expect_gt(dl->text[i].y, dl->rect[0].y + 16);
	check_pages(dl, "letterhead");
	doc_layout_free(dl);
}

static void
fails_with(const char *md, const char *want)
{
	cr_assert_null(render_layout(PATH, md, strlen(md), &fx.opts, &fx.sink));
	test_diags_have(&fx.sink, want);
}

Test(pages, a_letterhead_anywhere_but_first_is_an_error)
{
	fails_with("Text.\n\n```letterhead\nOfsted\n```\n",
	           "out/letter.md:3:1: error: a letterhead must open the "
	           "letter");
	fails_with("- ```letterhead\n  Ofsted\n  ```\n",
	           "a letterhead must open the letter");
	fails_with("````callout\n```letterhead\nOfsted\n```\n````\n",
	           "a letterhead must open the letter");
}

Test(pages, an_empty_letterhead_or_an_image_in_it_is_an_error)
{
	fails_with("```letterhead\n\n  \n```\n",
	           "out/letter.md:1:1: error: empty letterhead");
	fails_with("```letterhead\nOfsted\n![x](chart:findings-by-agency)\n"
	           "```\n",
	           "out/letter.md:3:1: error: the letterhead cannot show "
	           "image 'chart:findings-by-agency'");
}

/* Tables */

Test(pages, a_row_taller_than_a_page_leaves_no_cell_a_lone_line)
{
	for (int extra = 0; extra < 24; extra++) {
		struct buf b;
		buf_init(&b);
		filler(&b, 3);
		buf_puts(&b, "```table\n| A | B |\n| --- | --- |\n| ");
		para(&b, LINES / 2 + 3);
		buf_puts(&b, " | ");
		for (int i = 0; i < 8 * (LINES + extra); i++)
			buf_puts(&b, "word ");
		buf_puts(&b, " |\n| next | row |\n```\n");
		struct doc_layout *dl = lay(buf_cstr(&b));
		cr_expect_geq(dl->npage, 2);
		check_pages(dl, "tall row");
		doc_layout_free(dl);
		buf_release(&b);
	}
}

/* Body rows of table block t on page p: rows other than the header, or
 * parts of them. */
static size_t
body_rows_on(const struct doc_layout *dl, size_t t, size_t p)
{
	const struct pg_page *pg = &dl->page[p];
	size_t n = 0, last = NONE;
	for (size_t i = pg->cell0; i < pg->cell0 + pg->ncell; i++) {
		const struct pg_cell *c = &dl->cell[i];
		if (c->block != t || c->header || c->row == last)
			continue;
		last = c->row;
		n++;
	}
	return n;
}

/* A page break in a table leaves at least two body rows for the next
 * page: the last row never stands alone under the repeated header. So a
 * table of a header and two rows never splits. */
Test(pages, a_table_leaves_two_rows_after_a_page_break)
{
	for (int rows = 2; rows <= 6; rows++) {
		bool split = false;
		for (int k = LINES - 2 * rows - 4; k <= LINES + 1; k++) {
			struct buf b;
			buf_init(&b);
			filler(&b, k);
			buf_puts(
			    &b,
			    "```table\n| Agency | Count |\n| --- | --- |\n");
			for (int r = 1; r <= rows; r++)
				buf_printf(&b, "| Row %d | %d |\n", r, r);
			buf_puts(&b, "```\n\nAfter.\n");
			struct doc_layout *dl = lay(buf_cstr(&b));
			struct where w = where_of(dl);
			cr_assert_eq(dl->flow.block[1].kind, BLOCK_TABLE);
			size_t t = 1;
			for (size_t p = w.first[t] + 1; p <= w.last[t]; p++)
				cr_expect_geq(body_rows_on(dl, t, p), 2,
				              "%d rows, k = %d: page %zu", rows,
				              k, p + 1);
			cr_expect_geq(body_rows_on(dl, t, w.first[t]), 1);
			split |= w.first[t] != w.last[t];
			check_pages(dl, "table rows");
			where_free(&w);
			doc_layout_free(dl);
			buf_release(&b);
		}
		cr_expect_eq(split, rows > 2, "%d rows", rows);
	}
}

/* The footer */

Test(pages, every_page_has_the_short_title_and_page_n_of_m)
{
	struct buf b;
	buf_init(&b);
	buf_puts(&b, "---\nshort_title: JTAI Northshire\n---\n");
	filler(&b, 3 * LINES);
	struct doc_layout *dl = lay(buf_cstr(&b));
	cr_assert_geq(dl->npage, 3);
	for (size_t p = 0; p < dl->npage; p++) {
		const struct pg_text *t = &dl->page[p].footer[0];
		cr_expect_eq(t->n, strlen("JTAI Northshire"));
		cr_expect_eq(memcmp(t->s, "JTAI Northshire", t->n), 0);
		cr_expect_float_eq(t->y, PAGE_FOOTER_BASELINE, EPS);
		cr_expect_eq(t->ink, INK_MUTED);
	}
	check_pages(dl, "footer");
	doc_layout_free(dl);
	buf_release(&b);
}
