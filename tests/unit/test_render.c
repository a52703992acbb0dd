/* render/: letter.md to laid-out pages and to PDF bytes. The layout is read
 * back through render_layout (page.h); the PDF is checked for what can be
 * seen in its bytes (header, /Lang, Info, link URIs) and for determinism.
 * Tables are read back through their cells (struct pg_cell). */
#include <criterion/criterion.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/diag.h"
#include "core/file.h"
#include "core/font.h"
#include "render/page.h"
#include "render/pdf.h"
#include "render/render.h"
#include "testutil.h"

#define PATH "out/letter.md"

static struct test_render fx;

static void
setup(void)
{
	test_render_init(&fx);
	test_render_bars(&fx, "findings-by-agency", 600, 300);
}

static void
teardown(void)
{
	test_render_release(&fx);
}

TestSuite(render, .init = setup, .fini = teardown);

static struct doc_layout *
lay(const char *md)
{
	return test_render_layout(&fx, PATH, md);
}

static void
pdf(const char *md, struct buf *out)
{
	test_render_pdf(&fx, PATH, md, out);
}

/* Expects md to fail with a diagnostic containing want. */
static void
fails_with(const char *md, const char *want)
{
	struct buf out;
	buf_init(&out);
	cr_assert_eq(render_pdf(PATH, md, strlen(md), &fx.opts, &out, &fx.sink),
	             -1);
	test_diags_have(&fx.sink, want);
	buf_release(&out);
}

static bool
contains(const struct buf *b, const char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; i + n <= b->len; i++)
		if (memcmp(b->data + i, s, n) == 0)
			return true;
	return false;
}

/* The concatenated text of page p's items. */
static char *
page_text(const struct doc_layout *dl, size_t p)
{
	struct buf b;
	buf_init(&b);
	const struct pg_page *pg = &dl->page[p];
	for (size_t i = pg->text0; i < pg->text0 + pg->ntext; i++) {
		buf_append(&b, dl->text[i].s, dl->text[i].n);
		buf_putc(&b, '\n');
	}
	return buf_detach(&b);
}

static const char *letter =
    "---\n"
    "title: Joint targeted area inspection in Northshire\n"
    "short_title: JTAI Northshire\n"
    "date: 2026-04-27\n"
    "---\n"
    "# Joint targeted area inspection\n"
    "\n"
    "The partnership’s “front door” cost £1.2 million — see the café.\n"
    "Read the [annual report](<https://example.org/café report>) with "
    "**care**.\n"
    "\n"
    "## What needs to improve?\n"
    "\n"
    "- First point\n"
    "  1. nested one\n"
    "  2. nested two\n"
    "- Second point with `code`\n"
    "\n"
    "> A case study in a box.\n"
    "\n"
    "---\n"
    "\n"
    "![Findings by agency](chart:findings-by-agency)\n";

Test(render, pdf_header_lang_and_info)
{
	struct buf out;
	pdf(letter, &out);
	cr_assert_gt(out.len, 1000);
	cr_assert_eq(memcmp(out.data, "%PDF-", 5), 0);
	cr_assert(contains(&out, "/Lang (en-GB)"));
	cr_assert(contains(&out, "/Producer (jtai)"));
	cr_assert(contains(&out, "/Creator (jtai)"));
	cr_assert(contains(&out, "/CreationDate (D:20260427"));
	cr_assert(contains(&out, "/DisplayDocTitle true"));
	cr_assert(contains(&out, "/Outlines"));
	cr_assert(contains(&out, "/ID [ <"), "a file ID from the content");
	cr_assert(contains(&out, "/MarkInfo"), "tagged");
	cr_assert(!contains(&out, "Haru"), "no library version in Producer");
	cr_assert(contains(&out, "%%EOF"));
	buf_release(&out);
}

Test(render, same_input_same_bytes)
{
	struct buf a, b;
	pdf(letter, &a);
	pdf(letter, &b);
	cr_assert_eq(a.len, b.len);
	cr_assert_eq(memcmp(a.data, b.data, a.len), 0);
	buf_release(&a);
	buf_release(&b);
}

Test(render, link_uri_percent_encoded)
{
	struct doc_layout *dl = lay(letter);
	struct buf out;
	buf_init(&out);
	cr_assert_eq(
	    pdf_write(dl, &fx.fonts, PDF_UNCOMPRESSED, PATH, &out, &fx.sink),
	    0);
	/* libharu writes '/' and '%' in strings as octal escapes */
	cr_assert(contains(&out, "/URI (https:\\057\\057example.org\\057"
	                         "caf\\045C3\\045A9\\04520report)"));
	cr_assert(contains(&out, "/Subtype /Link"));
	cr_assert_geq(dl->nlink, 1);
	cr_assert_eq(dl->link[0].url, 0);
	buf_release(&out);
	doc_layout_free(dl);
}

Test(render, front_matter_sets_title_footer_and_date)
{
	struct doc_layout *dl = lay(letter);
	cr_assert_str_eq(dl->title,
	                 "Joint targeted area inspection in Northshire");
	cr_assert_str_eq(dl->short_title, "JTAI Northshire");
	cr_assert_str_eq(dl->lang, "en-GB");
	cr_assert(dl->has_date);
	cr_assert_eq(dl->date.y, 2026);
	cr_assert_eq(dl->date.m, 4);
	cr_assert_eq(dl->date.d, 27);
	cr_assert_eq(dl->npage, 1);
	const struct pg_page *pg = &dl->page[0];
	cr_assert_eq(
	    strncmp(pg->footer[0].s, "JTAI Northshire", pg->footer[0].n), 0);
	cr_assert_str_eq(pg->number, "Page 1 of 1");
	cr_assert_eq(pg->footer[1].n, strlen("Page 1 of 1"));
	cr_assert_float_eq(pg->footer[1].x + pg->footer[1].width,
	                   PAGE_MARGIN + PAGE_TEXT_WIDTH, 1e-6);
	cr_assert_leq(pg->footer[0].size, 10);
	doc_layout_free(dl);
}

Test(render, defaults_without_front_matter)
{
	struct doc_layout *dl = lay("Intro.\n\n# The *real* title\n\nText.\n");
	cr_assert_str_eq(dl->title, "The real title");
	cr_assert_str_eq(dl->short_title, "The real title");
	cr_assert_str_eq(dl->lang, "en-GB");
	cr_assert(!dl->has_date);
	doc_layout_free(dl);
	dl = lay("---\nlang: cy-GB\n---\nNo heading.\n");
	cr_assert_str_eq(dl->title, "letter");
	cr_assert_str_eq(dl->lang, "cy-GB");
	doc_layout_free(dl);
}

Test(render, front_matter_errors_are_located)
{
	fails_with("---\ntitle: A\nshort_titel: B\n---\nText\n",
	           PATH ":3:1: error: unknown front-matter key 'short_titel' "
	                "(did you mean 'short_title'?)");
	diag_release(&fx.sink);
	diag_init(&fx.sink);
	fails_with("---\nauthor: B\n---\nText\n",
	           PATH ":2:1: error: unknown front-matter key 'author' "
	                "(the keys are title, short_title, lang and date)");
	diag_release(&fx.sink);
	diag_init(&fx.sink);
	fails_with("---\ndate: 27 April 2026\n---\n",
	           PATH ":2:7: error: not a date");
	diag_release(&fx.sink);
	diag_init(&fx.sink);
	fails_with("---\ntitle: A\n\nText\n",
	           PATH ":1:1: error: the front matter is not closed");
}

Test(render, unknown_chart_is_a_located_error)
{
	/* Five lines of front matter: the image's paragraph is line 8. */
	fails_with("---\ntitle: T\nshort_title: S\ndate: 2026-04-27\n---\n"
	           "Para.\n\n  ![Alt](chart:nope)\n",
	           PATH ":8:3: error: unknown chart 'nope'");
}

Test(render, non_chart_image_is_an_error)
{
	fails_with("# T\n\nText ![photo](photo.png) more.\n",
	           PATH ":3:1: error: image 'photo.png' is not a chart");
}

Test(render, chart_is_scaled_to_the_text_width)
{
	struct doc_layout *dl =
	    lay("Before ![Alt](chart:findings-by-agency) after.\n");
	cr_assert_eq(dl->nchart, 1);
	const struct pg_chart *c = &dl->chart[0];
	cr_assert_float_eq(c->scale, PAGE_TEXT_WIDTH / 600, 1e-9);
	cr_assert_float_eq(c->x, PAGE_MARGIN, 1e-9);
	char *text = page_text(dl, 0);
	cr_assert_str_eq(text, "Before\nafter.\n");
	free(text);
	/* the text after the chart is below it */
	cr_assert_gt(dl->text[1].y, c->y + 300 * c->scale);
	doc_layout_free(dl);
}

Test(render, emphasis_is_regular_strong_is_bold_code_is_mono)
{
	struct doc_layout *dl = lay("a *b* **c** `d`\n");
	cr_assert_eq(dl->ntext, 4);
	cr_assert_eq(dl->text[0].face, FONT_REGULAR); /* "a b " */
	cr_assert_eq(strncmp(dl->text[0].s, "a b ", dl->text[0].n), 0);
	cr_assert_eq(dl->text[1].face, FONT_BOLD);
	cr_assert_eq(dl->text[3].face, FONT_MONO);
	doc_layout_free(dl);
}

Test(render, nested_lists_hang_and_indent)
{
	struct doc_layout *dl = lay("- one\n  that wraps\n  1. inner\n- two\n\n"
	                            "Para.\n");
	/* texts: bullet, "one that wraps", "1.", "inner", bullet, "two", Para
	 */
	cr_assert_eq(dl->ntext, 7);
	const struct pg_text *t = dl->text;
	cr_assert(t[0].n == 3 && memcmp(t[0].s, "\xE2\x80\xA2", 3) == 0);
	cr_assert_gt(t[1].x, t[0].x + t[0].width, "hanging indent");
	cr_assert_eq(strncmp(t[2].s, "1.", 2), 0);
	cr_assert_gt(t[3].x, t[1].x, "nested list indented");
	cr_assert_lt(t[2].x + t[2].width, t[3].x);
	cr_assert_float_eq(t[5].x, t[1].x, 1e-9);
	cr_assert_float_eq(t[6].x, PAGE_MARGIN, 1e-9);
	doc_layout_free(dl);
}

Test(render, quote_is_boxed_and_indented)
{
	struct doc_layout *dl =
	    lay("Before.\n\n> Quoted text.\n>\n> More.\n\nAfter.\n");
	cr_assert_eq(dl->nrect, 1);
	const struct pg_rect *r = &dl->rect[0];
	cr_assert_eq(r->kind, RECT_QUOTE);
	cr_assert_gt(dl->text[1].x, r->x);
	cr_assert_lt(r->y, dl->text[1].y - 12);
	cr_assert_gt(r->y + r->h, dl->text[2].y);
	cr_assert_lt(r->y + r->h, dl->text[3].y - 12);
	doc_layout_free(dl);
}

/* A ```callout block is boxed as a quote is, and holds several
 * paragraphs (a quote made by a template ends at the first blank line). */
Test(render, callout_is_a_box_of_several_paragraphs)
{
	struct doc_layout *dl =
	    lay("Before.\n\n```callout\n**Case study**\n\nOne.\n\nTwo.\n```"
	        "\n\nAfter.\n");
	cr_assert_eq(dl->nrect, 1);
	const struct pg_rect *r = &dl->rect[0];
	cr_assert_eq(r->kind, RECT_QUOTE);
	cr_assert_eq(dl->ntext, 5);
	cr_assert_eq(dl->text[1].n, 10);
	cr_assert_eq(memcmp(dl->text[1].s, "Case study", 10), 0);
	cr_assert_eq(dl->text[1].face, FONT_BOLD);
	for (size_t i = 1; i <= 3; i++) {
		cr_assert_gt(dl->text[i].x, r->x, "text %zu inside the box", i);
		cr_assert_gt(dl->text[i].y, r->y);
		cr_assert_lt(dl->text[i].y, r->y + r->h);
	}
	cr_assert_gt(dl->text[4].y - 12, r->y + r->h, "after the box");
	cr_assert_float_eq(dl->text[4].x, PAGE_MARGIN, 1e-9);
	doc_layout_free(dl);
}

/* Letters of many paragraphs and headings break into pages. */
static char *
long_letter(int paras)
{
	struct buf b;
	buf_init(&b);
	buf_puts(&b, "---\nshort_title: Long letter\n---\n# Long letter\n\n");
	for (int i = 0; i < paras; i++) {
		if (i % 7 == 3)
			buf_printf(&b, "## Section %d\n\n", i);
		buf_printf(
		    &b,
		    "Paragraph %d. Practitioners across agencies "
		    "demonstrate a good understanding of the signs that a "
		    "child may be at risk of exploitation%s\n\n",
		    i, i % 3 ? "." : ", and referrals are of good quality.");
	}
	return buf_detach(&b);
}

Test(render, three_hundred_paragraphs, .timeout = 20)
{
	char *md = long_letter(300);
	struct doc_layout *dl = lay(md);
	cr_assert_gt(dl->npage, 10);
	char want[64];
	for (size_t p = 0; p < dl->npage; p++) {
		const struct pg_page *pg = &dl->page[p];
		snprintf(want, sizeof(want), "Page %zu of %zu", p + 1,
		         dl->npage);
		cr_assert_str_eq(pg->number, want);
		cr_assert_gt(pg->ntext, 0, "page %zu is empty", p + 1);
		for (size_t i = pg->text0; i < pg->text0 + pg->ntext; i++) {
			const struct pg_text *t = &dl->text[i];
			cr_assert_leq(t->y, PAGE_BOTTOM);
			cr_assert_geq(t->y, PAGE_TOP);
			cr_assert_leq(t->x + t->width,
			              PAGE_MARGIN + PAGE_TEXT_WIDTH + 1e-6);
		}
	}
	/* all 300 paragraphs, in order */
	size_t next = 0;
	for (size_t i = 0; i < dl->ntext; i++) {
		char head[32];
		int n = snprintf(head, sizeof(head), "Paragraph %zu.", next);
		if (dl->text[i].n >= (size_t)n &&
		    memcmp(dl->text[i].s, head, (size_t)n) == 0)
			next++;
	}
	cr_assert_eq(next, 300);
	struct buf out;
	pdf(md, &out);
	cr_assert_eq(memcmp(out.data, "%PDF-", 5), 0);
	buf_release(&out);
	free(md);
	doc_layout_free(dl);
}

Test(render, headings_are_kept_with_the_next_lines)
{
	char *md = long_letter(200);
	struct doc_layout *dl = lay(md);
	cr_assert_eq(dl->nheading, 1 + 200 / 7 + (200 % 7 > 3));
	for (size_t h = 0; h < dl->nheading; h++) {
		const struct pg_heading *hd = &dl->heading[h];
		const struct pg_page *pg = &dl->page[hd->page];
		size_t body = 0;
		for (size_t i = pg->text0; i < pg->text0 + pg->ntext; i++)
			if (dl->text[i].y > hd->y && dl->text[i].size == 12 &&
			    dl->text[i].face == FONT_REGULAR)
				body++;
		cr_assert_geq(body, 2,
		              "heading '%s' left at the foot of page %zu",
		              hd->title, hd->page + 1);
	}
	free(md);
	doc_layout_free(dl);
}

Test(render, empty_letter_has_one_page)
{
	struct doc_layout *dl = lay("");
	cr_assert_eq(dl->npage, 1);
	cr_assert_str_eq(dl->page[0].number, "Page 1 of 1");
	doc_layout_free(dl);
	struct buf out;
	pdf("", &out);
	cr_assert_eq(memcmp(out.data, "%PDF-", 5), 0);
	buf_release(&out);
}

Test(render, hostile_nesting_is_bounded, .timeout = 10)
{
	struct buf b;
	buf_init(&b);
	/* past RENDER_MAX_NESTING: refused (tests/unit/test_limits.c) */
	for (int i = 0; i < 5000; i++)
		buf_puts(&b, "> ");
	buf_puts(&b, "deep\n");
	fails_with(buf_cstr(&b), "error: Markdown nested deeper than 32 levels");
	/* at the limit: laid out within the margins */
	buf_clear(&b);
	for (int i = 0; i < 16; i++)
		buf_puts(&b, "> ");
	buf_puts(&b, "deep\n\n");
	for (int i = 0; i < 16; i++) {
		for (int k = 0; k < i; k++)
			buf_puts(&b, "  ");
		buf_puts(&b, "- item\n");
	}
	struct doc_layout *dl = lay(buf_cstr(&b));
	for (size_t i = 0; i < dl->ntext; i++)
		cr_assert_leq(dl->text[i].x + dl->text[i].width,
		              PAGE_MARGIN + PAGE_TEXT_WIDTH + 1e-6);
	doc_layout_free(dl);
	buf_release(&b);
}

Test(render, long_short_title_is_cut_in_the_footer)
{
	struct doc_layout *dl = lay(
	    "---\nshort_title: A very long short title that goes on and on, "
	    "far longer than any footer could ever hold on one line of an A4 "
	    "page, with café and more words after that\n---\nText.\n");
	const struct pg_text *t = &dl->page[0].footer[0];
	cr_assert_lt(t->x + t->width, dl->page[0].footer[1].x);
	cr_assert_eq(memcmp(t->s + t->n - 3, "\xE2\x80\xA6", 3), 0);
	doc_layout_free(dl);
}

/* Tables. */

#define FM5 "---\ntitle: T\nshort_title: S\ndate: 2026-04-27\n---\n"

/* The first placed cell (r, c) of the first table, or NULL. */
static const struct pg_cell *
cell_at(const struct doc_layout *dl, size_t r, size_t c)
{
	for (size_t i = 0; i < dl->ncell; i++)
		if (dl->cell[i].row == r && dl->cell[i].col == c)
			return &dl->cell[i];
	return NULL;
}

/* A placed cell's strings joined by sep (a malloc'd string). */
static char *
cell_text(const struct doc_layout *dl, const struct pg_cell *c, const char *sep)
{
	struct buf b;
	buf_init(&b);
	for (size_t i = c->text0; i < c->text0 + c->ntext; i++) {
		if (i > c->text0 && dl->text[i].y != dl->text[i - 1].y)
			buf_puts(&b, sep);
		buf_append(&b, dl->text[i].s, dl->text[i].n);
	}
	return buf_detach(&b);
}

/* Width of the widest word of s (space-separated) in face at 12 pt. */
static double
widest_word(const char *s, enum font_role face)
{
	double w = 0;
	while (*s) {
		size_t n = strcspn(s, " ");
		double k = font_width(fx.fonts.face[face], s, n, 12);
		w = k > w ? k : w;
		s += n + (s[n] == ' ');
	}
	return w;
}

/* Every string of every cell lies inside its box, padding kept. */
static void
assert_cells_hold_their_text(const struct doc_layout *dl)
{
	for (size_t i = 0; i < dl->ncell; i++) {
		const struct pg_cell *c = &dl->cell[i];
		for (size_t k = c->text0; k < c->text0 + c->ntext; k++) {
			const struct pg_text *t = &dl->text[k];
			cr_assert_geq(t->x, c->x + TABLE_PAD_X - 1e-6);
			cr_assert_leq(t->x + t->width,
			              c->x + c->w - TABLE_PAD_X + 1e-6);
			cr_assert_gt(t->y, c->y);
			cr_assert_lt(t->y, c->y + c->h);
		}
	}
}

static const char *narrow_table = "Counts:\n\n"
                                  "```table\n"
                                  "| Agency | Strengths |\n"
                                  "| ------ | --------- |\n"
                                  "| Health | 3 |\n"
                                  "| Police and partners | 12 |\n"
                                  "```\n";

Test(render, table_columns_take_their_width_from_the_content)
{
	struct doc_layout *dl = lay(narrow_table);
	cr_assert_eq(dl->ncell, 6);
	const struct pg_cell *a = cell_at(dl, 0, 0), *b = cell_at(dl, 0, 1);
	cr_assert(a->header && b->header);
	cr_assert_float_eq(a->x, PAGE_MARGIN, 1e-9);
	cr_assert_float_eq(b->x, a->x + a->w, 1e-9);
	cr_assert_lt(a->w + b->w, PAGE_TEXT_WIDTH / 2, "as wide as the text");
	/* the natural width: the widest cell on one line, plus padding */
	double police = font_width(fx.fonts.face[FONT_REGULAR],
	                           "Police and partners", 19, 12);
	cr_assert_float_eq(a->w, police + 2 * TABLE_PAD_X, 1e-6);
	double strengths =
	    font_width(fx.fonts.face[FONT_BOLD], "Strengths", 9, 12);
	cr_assert_float_eq(b->w, strengths + 2 * TABLE_PAD_X, 1e-6);
	for (size_t i = 0; i < dl->ncell; i++)
		cr_assert_eq(dl->cell[i].nline, 1);
	assert_cells_hold_their_text(dl);
	/* the header is shaded and the table framed */
	size_t shade = 0;
	for (size_t i = 0; i < dl->nrect; i++)
		shade += dl->rect[i].kind == RECT_SHADE;
	cr_assert_eq(shade, 1);
	doc_layout_free(dl);
}

static const char *wide_cells[] = {
    "Practitioners across agencies demonstrate a good understanding of "
    "the signs that a child may be at risk of exploitation.",
    "Referrals to the front door are of good quality, and strategy "
    "meetings are timely and well attended by every agency.",
    "Leaders know their services well, and case audits are thorough."};

Test(render, wide_table_wraps_its_cells_to_the_text_width)
{
	char *md = NULL;
	struct buf b;
	buf_init(&b);
	buf_printf(&b,
	           "```table\n| Theme | Finding | Evidence |\n"
	           "|---|---|---|\n| Front door | %s | %s |\n"
	           "| Leadership | %s | audits |\n```\n",
	           wide_cells[0], wide_cells[1], wide_cells[2]);
	md = buf_detach(&b);
	struct doc_layout *dl = lay(md);
	double width = 0;
	for (size_t c = 0; c < 3; c++)
		width += cell_at(dl, 0, c)->w;
	cr_assert_float_eq(width, PAGE_TEXT_WIDTH, 1e-6);
	cr_assert_gt(cell_at(dl, 1, 1)->nline, 1, "the long cell wraps");
	cr_assert_gt(cell_at(dl, 1, 2)->nline, 1);
	/* each column at least as wide as its widest word */
	double w1 = widest_word(wide_cells[0], FONT_REGULAR);
	double w2 = widest_word(wide_cells[1], FONT_REGULAR);
	double w3 = widest_word(wide_cells[2], FONT_REGULAR);
	cr_assert_geq(cell_at(dl, 1, 1)->w,
	              (w1 > w3 ? w1 : w3) + 2 * TABLE_PAD_X - 1e-6);
	cr_assert_geq(cell_at(dl, 1, 2)->w, w2 + 2 * TABLE_PAD_X - 1e-6);
	/* the narrow column is not squeezed below its one-line width */
	cr_assert_eq(cell_at(dl, 1, 0)->nline, 1);
	/* a row is as tall as its tallest cell; its cells alike */
	const struct pg_cell *c1 = cell_at(dl, 1, 1);
	cr_assert_float_eq(cell_at(dl, 1, 0)->h, c1->h, 1e-9);
	cr_assert_geq(c1->h, (double)c1->nline * 16 + 2 * TABLE_PAD_Y - 1e-9);
	for (size_t i = 0; i < dl->ntext; i++)
		cr_assert_geq(dl->text[i].size, 12, "body text stays at 12 pt");
	assert_cells_hold_their_text(dl);
	free(md);
	doc_layout_free(dl);
}

static char *
long_table(int rows)
{
	struct buf b;
	buf_init(&b);
	buf_puts(&b, "# Cases\n\n```table\n| Name | Case | Count |\n"
	             "|:--|:--|--:|\n");
	for (int i = 1; i <= rows; i++)
		buf_printf(&b,
		           "| Row %d | Case number %d, with a note%s | %d |\n",
		           i, i,
		           i % 5 ? ""
		                 : " long enough to wrap onto a second line"
		                   " of the cell, and more words",
		           i * 3);
	buf_puts(&b, "```\n\nAfter.\n");
	return buf_detach(&b);
}

Test(render, long_table_repeats_its_header_and_never_splits_a_row)
{
	char *md = long_table(90);
	struct doc_layout *dl = lay(md);
	cr_assert_geq(dl->npage, 3);
	size_t seen[91] = {0};
	for (size_t p = 0; p < dl->npage; p++) {
		const struct pg_page *pg = &dl->page[p];
		if (pg->ncell == 0)
			continue;
		const struct pg_cell *first = &dl->cell[pg->cell0];
		cr_assert(first->header && first->row == 0,
		          "page %zu opens without the header", p + 1);
		char *t = cell_text(dl, first, " ");
		cr_assert_str_eq(t, "Name");
		free(t);
		for (size_t i = pg->cell0; i < pg->cell0 + pg->ncell; i++) {
			const struct pg_cell *c = &dl->cell[i];
			cr_assert_geq(c->y, PAGE_TOP - 1e-9);
			cr_assert_leq(c->y + c->h, PAGE_BOTTOM + 1e-9);
			if (c->row > 0 && c->col == 0)
				seen[c->row]++;
			/* a row's cells share its top and height */
			const struct pg_cell *c0 = &dl->cell[i - c->col];
			cr_assert_float_eq(c->y, c0->y, 1e-9);
			cr_assert_float_eq(c->h, c0->h, 1e-9);
		}
	}
	for (int r = 1; r <= 90; r++)
		cr_assert_eq(seen[r], 1, "row %d placed %zu times", r, seen[r]);
	/* no cell is cut: each shows all its lines at once */
	for (size_t i = 0; i < dl->ncell; i++)
		cr_assert_eq(dl->cell[i].line0, 0);
	assert_cells_hold_their_text(dl);
	free(md);
	doc_layout_free(dl);
}

Test(render, row_taller_than_a_page_splits_between_lines)
{
	struct buf b;
	buf_init(&b);
	buf_puts(&b, "```table\n| Name | Notes |\n|---|---|\n| One | ");
	for (int i = 0; i < 900; i++)
		buf_printf(&b, "word%d ", i);
	buf_puts(&b, "|\n| Two | end |\n```\n");
	struct doc_layout *dl = lay(buf_cstr(&b));
	cr_assert_geq(dl->npage, 2);
	size_t next = 0, parts = 0;
	for (size_t i = 0; i < dl->ncell; i++) {
		const struct pg_cell *c = &dl->cell[i];
		cr_assert_leq(c->y + c->h, PAGE_BOTTOM + 1e-9);
		if (c->row != 1 || c->col != 1)
			continue;
		cr_assert_eq(c->line0, next, "lines follow on");
		next += c->nline;
		parts++;
	}
	cr_assert_geq(parts, 2);
	/* the second page opens with the header again */
	cr_assert(dl->cell[dl->page[1].cell0].header);
	buf_release(&b);
	doc_layout_free(dl);
}

/* The page cell i of dl is on. */
static size_t
cell_page(const struct doc_layout *dl, size_t i)
{
	size_t p = 0;
	while (p + 1 < dl->npage && dl->page[p + 1].cell0 <= i)
		p++;
	return p;
}

Test(render, table_is_kept_with_its_heading)
{
	/* wherever the heading falls, its table's first two rows follow */
	size_t moved = 0;
	for (int paras = 18; paras < 34; paras++) {
		struct buf b;
		buf_init(&b);
		for (int i = 0; i < paras; i++)
			buf_puts(&b, "A paragraph of text.\n\n");
		buf_puts(&b, "## Findings\n\n```table\n| A | B |\n|---|---|\n"
		             "| one | two |\n| three | four |\n```\n");
		struct doc_layout *dl = lay(buf_cstr(&b));
		cr_assert_eq(dl->nheading, 1);
		size_t page = dl->heading[0].page;
		moved += page == 1;
		/* the first four cells placed are rows 0 and 1 (a header
		 * repeated on the next page comes later) */
		cr_assert_geq(dl->ncell, 4);
		for (size_t i = 0; i < 4; i++) {
			cr_assert_eq(dl->cell[i].row, i / 2);
			cr_assert_eq(cell_page(dl, i), page,
			             "%d paragraphs: row %zu away", paras,
			             i / 2);
		}
		buf_release(&b);
		doc_layout_free(dl);
	}
	cr_assert_gt(moved, 0, "the heading never reached the page's foot");
}

Test(render, table_cells_align_left_right_and_centre)
{
	struct doc_layout *dl =
	    lay("```table\n| Left | Right | Centre |\n| :-- | --: | :-: |\n"
	        "| a | 7 | x |\n| longer text | 1234 | wider text |\n```\n");
	for (size_t r = 0; r < 3; r++) {
		const struct pg_cell *l = cell_at(dl, r, 0);
		const struct pg_cell *rt = cell_at(dl, r, 1);
		const struct pg_cell *c = cell_at(dl, r, 2);
		cr_assert_eq(rt->align, CELL_RIGHT);
		const struct pg_text *tl = &dl->text[l->text0];
		const struct pg_text *tr = &dl->text[rt->text0];
		const struct pg_text *tc = &dl->text[c->text0];
		cr_assert_float_eq(tl->x, l->x + TABLE_PAD_X, 1e-6);
		cr_assert_float_eq(tr->x + tr->width,
		                   rt->x + rt->w - TABLE_PAD_X, 1e-6,
		                   "row %zu is not flush right", r);
		cr_assert_float_eq(tc->x - c->x,
		                   c->x + c->w - tc->x - tc->width, 1e-6);
	}
	doc_layout_free(dl);
}

Test(render, table_cells_are_inline_markdown)
{
	struct doc_layout *dl = lay("```table\n| Name | `Code` |\n|---|---|\n"
	                            "| a \\| b | **bold** and `x\\|y` |\n"
	                            "| [link](https://example.org) | - none |\n"
	                            "| 1. April | \\\\|\n```\n");
	cr_assert_eq(dl->ncell, 8);
	char *t = cell_text(dl, cell_at(dl, 1, 0), "/");
	cr_assert_str_eq(t, "a | b");
	free(t);
	const struct pg_cell *c = cell_at(dl, 1, 1);
	t = cell_text(dl, c, "/");
	cr_assert_str_eq(t, "bold and x|y");
	free(t);
	cr_assert_eq(dl->text[c->text0].face, FONT_BOLD);
	cr_assert_eq(dl->text[c->text0 + 1].face, FONT_REGULAR);
	cr_assert_eq(dl->text[c->text0 + 2].face, FONT_MONO);
	/* header cells are bold; code keeps its face */
	cr_assert_eq(dl->text[cell_at(dl, 0, 0)->text0].face, FONT_BOLD);
	cr_assert_eq(dl->text[cell_at(dl, 0, 1)->text0].face, FONT_MONO);
	cr_assert_eq(dl->nlink, 1);
	cr_assert_eq(dl->text[cell_at(dl, 2, 0)->text0].ink, INK_LINK);
	/* what cmark would read as another block reads as written */
	t = cell_text(dl, cell_at(dl, 2, 1), "/");
	cr_assert_str_eq(t, "- none");
	free(t);
	t = cell_text(dl, cell_at(dl, 3, 0), "/");
	cr_assert_str_eq(t, "1. April");
	free(t);
	t = cell_text(dl, cell_at(dl, 3, 1), "/");
	cr_assert_str_eq(t, "\\");
	free(t);
	doc_layout_free(dl);
}

Test(render, table_without_delimiter_row_has_no_header)
{
	struct doc_layout *dl = lay("```table\na | b\nc | d\n```\n");
	cr_assert_eq(dl->ncell, 4);
	for (size_t i = 0; i < dl->ncell; i++) {
		cr_assert(!dl->cell[i].header);
		cr_assert_eq(dl->text[dl->cell[i].text0].face, FONT_REGULAR);
	}
	for (size_t i = 0; i < dl->nrect; i++)
		cr_assert_neq(dl->rect[i].kind, RECT_SHADE);
	doc_layout_free(dl);
}

Test(render, table_in_a_list_item_is_indented)
{
	struct doc_layout *dl =
	    lay("- Item:\n\n  ```table\n  | a | b |\n  |---|---|\n"
	        "  | c | d |\n  ```\n");
	cr_assert_float_eq(cell_at(dl, 0, 0)->x, PAGE_MARGIN + 22, 1e-9);
	doc_layout_free(dl);
}

Test(render, ragged_table_row_is_a_located_error)
{
	/* five lines of front matter: the fence is line 8 */
	fails_with(FM5 "Para.\n\n```table\n| a | b |\n|---|---|\n"
	               "| 1 | 2 |\n  | 1 | 2 | 3 |\n```\n",
	           PATH ":12:3: error: table row has 3 cells, the first row "
	                "has 2 (write a '|' inside a cell as '\\|')");
	diag_release(&fx.sink);
	diag_init(&fx.sink);
	fails_with("```table\n| a | b |\n\n| 1 |\n```\n",
	           PATH ":4:1: error: table row has 1 cell, the first row "
	                "has 2");
}

Test(render, bad_delimiter_row_is_a_located_error)
{
	fails_with(FM5 "```table\n| a | b |\n| -:- | --- |\n| 1 | 2 |\n```\n",
	           PATH ":8:1: error: malformed table delimiter row "
	                "'| -:- | --- |'");
	diag_release(&fx.sink);
	diag_init(&fx.sink);
	fails_with("```table\n| a | b |\n| --- |\n```\n",
	           PATH ":3:1: error: table row has 1 cell, the first row "
	                "has 2");
}

Test(render, empty_table_and_image_in_a_cell_are_errors)
{
	fails_with(FM5 "Para.\n\n```table\n\n```\n",
	           PATH ":8:1: error: empty table");
	diag_release(&fx.sink);
	diag_init(&fx.sink);
	fails_with("```table\n| a | ![x](chart:findings-by-agency) |\n```\n",
	           PATH ":2:1: error: a table cell cannot show image "
	                "'chart:findings-by-agency'");
}

Test(render, table_pdf_passes_qpdf)
{
	if (system("qpdf --version >/dev/null 2>&1") != 0)
		cr_skip_test("qpdf is not installed");
	char *md = long_table(70);
	struct buf out;
	pdf(md, &out);
	char *path = file_join(test_tmpdir(), "table.pdf");
	cr_assert_eq(file_write_atomic(path, out.data, out.len, &fx.sink), 0);
	char cmd[4200];
	snprintf(cmd, sizeof(cmd), "qpdf --check '%s' >/dev/null 2>&1", path);
	cr_assert_eq(system(cmd), 0, "qpdf --check %s fails", path);
	free(path);
	free(md);
	buf_release(&out);
}

/* A long table: every row laid out once, the header once per page. (Its
 * speed is measured by the benchmark, not here.) */
Test(render, a_table_of_many_rows_lays_out_every_row)
{
	struct buf b;
	buf_init(&b);
	buf_puts(&b, "```table\n| a | b | c |\n|---|---|--:|\n");
	for (int i = 0; i < 5000; i++)
		buf_printf(&b, "| r%d | some **bold** text | %d |\n", i, i);
	buf_puts(&b, "```\n");
	struct doc_layout *dl = lay(buf_cstr(&b));
	cr_assert_eq(dl->ncell, 3 * (5000 + 1 + (dl->npage - 1)));
	buf_release(&b);
	doc_layout_free(dl);
}
