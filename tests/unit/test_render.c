/* render/: letter.md to laid-out pages and to PDF bytes. The layout is read
 * back through render_layout (page.h); the PDF is checked for what can be
 * seen in its bytes (header, /Lang, Info, link URIs) and for determinism. */
#include <criterion/criterion.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart/scene.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/font.h"
#include "render/page.h"
#include "render/pdf.h"
#include "render/render.h"
#include "testutil.h"

#define PATH "out/letter.md"

static struct diag_sink sink;
static struct fontset fonts;
static struct arena *arena;
static struct scene *chart;
static struct render_opts opts;

static const struct scene *
get_chart(void *ctx, const char *name)
{
	(void)ctx;
	return strcmp(name, "findings-by-agency") == 0 ? chart : NULL;
}

static void
setup(void)
{
	diag_init(&sink);
	test_fonts(&fonts);
	arena = arena_new();
	chart = scene_new(arena, "findings-by-agency", 600, 300);
	struct rgb green = {0, 0.44, 0.24}, black = {0, 0, 0};
	scene_rect(chart, 100, 20, 300, 40, green);
	scene_line(chart, 100, 10, 100, 290, 1, black);
	scene_text(chart, 90, 45, "Health", 10, false, ANCHOR_END, black);
	scene_text(chart, 300, 12, "Strengths", 11, true, ANCHOR_MIDDLE, black);
	opts = (struct render_opts){.fonts = &fonts, .chart = get_chart};
}

static void
teardown(void)
{
	arena_free(arena);
	fontset_release(&fonts);
	diag_release(&sink);
}

TestSuite(render, .init = setup, .fini = teardown);

static struct doc_layout *
lay(const char *md)
{
	struct doc_layout *dl =
	    render_layout(PATH, md, strlen(md), &opts, &sink);
	cr_assert_not_null(dl, "%s", test_diags(&sink));
	return dl;
}

static void
pdf(const char *md, struct buf *out)
{
	buf_init(out);
	cr_assert_eq(render_pdf(PATH, md, strlen(md), &opts, out, &sink), 0,
	             "%s", test_diags(&sink));
}

/* Expects md to fail with a diagnostic containing want. */
static void
fails_with(const char *md, const char *want)
{
	struct buf out;
	buf_init(&out);
	cr_assert_eq(render_pdf(PATH, md, strlen(md), &opts, &out, &sink), -1);
	char *got = test_diags(&sink);
	cr_assert(strstr(got, want) != NULL, "want '%s' in:\n%s", want, got);
	free(got);
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
	cr_assert(!contains(&out, "/ID"), "no file ID yet");
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
	cr_assert_eq(pdf_write(dl, &fonts, PDF_UNCOMPRESSED, PATH, &out, &sink),
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
	diag_release(&sink);
	diag_init(&sink);
	fails_with("---\nauthor: B\n---\nText\n",
	           PATH ":2:1: error: unknown front-matter key 'author' "
	                "(the keys are title, short_title, lang and date)");
	diag_release(&sink);
	diag_init(&sink);
	fails_with("---\ndate: 27 April 2026\n---\n",
	           PATH ":2:7: error: not a date");
	diag_release(&sink);
	diag_init(&sink);
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
	for (int i = 0; i < 5000; i++)
		buf_puts(&b, "> ");
	buf_puts(&b, "deep\n\n");
	for (int i = 0; i < 2000; i++) {
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
