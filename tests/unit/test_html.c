/* render/html: letter.md to the HTML page. The page is checked as text:
 * its skeleton and landmarks, every element the Markdown makes, escaping
 * (raw HTML shows as text; attributes cannot be broken out of; dangerous
 * link schemes lose their target), tables, call-outs, charts inline with
 * ids unique in the page, and determinism. */
#include <criterion/criterion.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart/scene.h"
#include "core/buf.h"
#include "render/html.h"
#include "testutil.h"

#define PATH "out/letter.md"

static struct test_render fx;

static void
setup(void)
{
	test_render_init(&fx);
	struct scene *bars =
	    test_render_bars(&fx, "findings-by-agency", 300, 150);
	bars->alt = "Findings by agency: Health, 1 strength & 0 <areas>";
	struct scene *other = test_render_bars(&fx, "other", 300, 150);
	other->alt = "Another chart";
}

static void
teardown(void)
{
	test_render_release(&fx);
}

TestSuite(html, .init = setup, .fini = teardown);

/* The page of md, as a malloc'd string; fails the test on an error. */
static char *
page(const char *md)
{
	struct buf out;
	buf_init(&out);
	cr_assert_eq(
	    render_html(PATH, md, strlen(md), &fx.opts, &out, &fx.sink), 0,
	    "%s", test_diags(&fx.sink));
	return buf_detach(&out);
}

/* The page's <main> and what follows, without the head and stylesheet. */
static const char *
body_of(const char *html)
{
	const char *b = strstr(html, "<body>");
	cr_assert_not_null(b);
	return b;
}

static void
has(const char *html, const char *want)
{
	cr_assert(strstr(html, want) != NULL, "want '%s' in:\n%s", want,
	          body_of(html));
}

static void
lacks(const char *html, const char *bad)
{
	cr_assert(strstr(html, bad) == NULL, "'%s' must not be in:\n%s", bad,
	          body_of(html));
}

static void
fails_with(const char *md, const char *want)
{
	struct buf out;
	buf_init(&out);
	cr_assert_eq(
	    render_html(PATH, md, strlen(md), &fx.opts, &out, &fx.sink), -1);
	test_diags_have(&fx.sink, want);
	buf_release(&out);
}

static const char *letter =
    "---\n"
    "title: Joint targeted area inspection in Northshire\n"
    "short_title: JTAI Northshire\n"
    "lang: en-GB\n"
    "date: 2026-04-27\n"
    "---\n"
    "27 April 2026\n"
    "\n"
    "Jo Bloggs, Director of Children's Services, Northshire\n"
    "\n"
    "# Joint targeted area inspection\n"
    "\n"
    "The *front door* works **well**.\n"
    "\n"
    "## What needs to improve?\n"
    "\n"
    "- First point\n"
    "- Second point with `code`\n";

Test(html, page_skeleton)
{
	char *h = page(letter);
	cr_assert(!strncmp(h, "<!DOCTYPE html>\n<html lang=\"en-GB\">\n", 36),
	          "%.80s", h);
	has(h, "<meta charset=\"utf-8\">\n");
	has(h, "<meta name=\"viewport\" "
	       "content=\"width=device-width, initial-scale=1\">\n");
	has(h, "<title>Joint targeted area inspection in Northshire</title>");
	has(h, "<meta name=\"dcterms.date\" content=\"2026-04-27\">");
	has(h, "<style>\n");
	has(h, "@media print{\n@page{size:A4;");
	has(h, "em,i,cite,var,dfn,address{font-style:normal}");
	has(h, "<footer>\n<p>JTAI Northshire</p>\n</footer>\n</body>\n"
	       "</html>\n");
	lacks(h, "<script");
	lacks(h, "<link");
	free(h);
}

Test(html, landmarks_split_at_the_first_heading)
{
	char *h = page(letter);
	has(h, "<body>\n<a class=\"skip\" href=\"#main\">Skip to main "
	       "content</a>\n<header>\n<p>27 April 2026</p>\n"
	       "<p>Jo Bloggs, Director of Children&#39;s Services, "
	       "Northshire</p>\n</header>\n<main id=\"main\">\n"
	       "<h1>Joint targeted area inspection</h1>\n");
	has(h, "<p>The <em>front door</em> works <strong>well</strong>.</p>");
	has(h, "<h2>What needs to improve?</h2>\n<ul>\n<li>First point</li>\n"
	       "<li>Second point with <code>code</code></li>\n</ul>\n"
	       "</main>\n<footer>");
	free(h);
}

Test(html, no_header_when_the_title_comes_first)
{
	char *h = page("# Title\n\nText.\n");
	has(h, "<body>\n<main id=\"main\">\n<h1>Title</h1>\n<p>Text.</p>\n"
	       "</main>\n");
	lacks(h, "<header>");
	lacks(h, "class=\"skip\"");
	free(h);
}

Test(html, title_and_lang_default_and_are_escaped)
{
	char *h = page("---\nlang: cy\n---\nSome text\n\n"
	               "# Ofsted & CQC <joint> \"letter\"\n");
	has(h, "<html lang=\"cy\">");
	has(h, "<title>Ofsted &amp; CQC &lt;joint&gt; &quot;letter&quot;"
	       "</title>");
	has(h, "<h1>Ofsted &amp; CQC &lt;joint&gt; &quot;letter&quot;</h1>");
	has(h, "<footer>\n<p>Ofsted &amp; CQC &lt;joint&gt;");
	free(h);
	h = page("No heading at all.\n");
	has(h, "<title>letter</title>"); /* from out/letter.md */
	free(h);
}

Test(html, headings_keep_their_levels)
{
	char *h = page("# One\n## Two\n### Three\n#### Four\n##### Five\n"
	               "###### Six\n\n##\n");
	has(h, "<h1>One</h1>\n<h2>Two</h2>\n<h3>Three</h3>\n<h4>Four</h4>\n"
	       "<h5>Five</h5>\n<h6>Six</h6>\n</main>");
	lacks(h, "<h2></h2>"); /* an empty heading is dropped, as in the PDF */
	free(h);
}

Test(html, raw_html_is_shown_as_text)
{
	char *h = page("# T\n\n<script>alert(1)</script>\n\n"
	               "Text with <img src=x onerror=alert(2)> inside and "
	               "<b>bold</b>.\n\n"
	               "<div onclick=\"steal()\">\nblock\n</div>\n");
	has(h, "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
	has(h, "<p>Text with &lt;img src=x onerror=alert(2)&gt; inside and "
	       "&lt;b&gt;bold&lt;/b&gt;.</p>");
	has(h, "<p>&lt;div onclick=&quot;steal()&quot;&gt;\nblock\n"
	       "&lt;/div&gt;</p>");
	lacks(h, "<script");
	lacks(h, "<img");
	lacks(h, "<div onclick");
	lacks(h, "<b>");
	free(h);
}

Test(html, attributes_cannot_be_broken_out_of)
{
	char *h =
	    page("# T\n\n"
	         "[a](http://x.org/?a=1&b=\"2\" \"t\\\"i<t>le' & co\")\n");
	has(h, "<a href=\"http://x.org/?a=1&amp;b=%222%22\" "
	       "title=\"t&quot;i&lt;t&gt;le&#39; &amp; co\">a</a>");
	free(h);
	h = page("# T\n\n[b](<http://x.org/a b'c>)\n");
	has(h, "<a href=\"http://x.org/a%20b&#39;c\">b</a>");
	free(h);
}

Test(html, dangerous_links_are_emptied)
{
	const char *bad[] = {
	    "javascript:alert(1)",   "JaVaScRiPt:alert(1)",
	    " javascript:alert(1)",  "java\tscript:alert(1)",
	    "java\nscript:alert(1)", "\x01javascript:alert(1)",
	    "vbscript:msgbox(1)",    "data:text/html;base64,PHNjcmlwdD4=",
	    "file:///etc/passwd",    "verylongscheme:x"};
	const char *good[] = {"http://example.org",
	                      "https://example.org/a",
	                      "HTTPS://EXAMPLE.ORG",
	                      "mailto:a@example.org",
	                      "report.pdf",
	                      "../a/b:c",
	                      "#next-steps",
	                      "?q=1",
	                      "",
	                      "/root"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++)
		cr_assert(!html_url_allowed(bad[i]), "%s", bad[i]);
	for (size_t i = 0; i < sizeof(good) / sizeof(*good); i++)
		cr_assert(html_url_allowed(good[i]), "%s", good[i]);
	char *h = page("# T\n\n[one](javascript:alert(1)) "
	               "[two](<java&#9;script:alert(2)>) "
	               "[three](&#106;avascript:alert(3)) "
	               "[four](https://example.org/) [five](mailto:a@b.org) "
	               "[six](report.html#part)\n");
	has(h, "<a href=\"\">one</a>");
	has(h, "<a href=\"\">two</a>");
	has(h, "<a href=\"\">three</a>");
	has(h, "<a href=\"https://example.org/\">four</a>");
	has(h, "<a href=\"mailto:a@b.org\">five</a>");
	has(h, "<a href=\"report.html#part\">six</a>");
	lacks(h, "script:");
	free(h);
}

Test(html, escape_replaces_what_html_forbids)
{
	struct buf b;
	buf_init(&b);
	const char in[] = "a\x01"
	                  "b\x7f"
	                  "c\xC2\x85"
	                  "d\xEF\xB7\x90"
	                  "e\xFF"
	                  "f\t\n<&>\"'\xC3\xA9";
	html_escape(&b, in, sizeof(in) - 1);
	cr_assert_str_eq(buf_cstr(&b), "a b c d\xEF\xBF\xBD"
	                               "e\xEF\xBF\xBD"
	                               "f\t\n&lt;&amp;&gt;&quot;&#39;\xC3\xA9");
	buf_release(&b);
}

Test(html, a_table_with_a_header)
{
	char *h = page("# T\n\n"
	               "```table\n"
	               "| Agency | Strengths | Areas |\n"
	               "| :----- | --------: | :---: |\n"
	               "| Health <b>x</b> | **3** | a \\| b |\n"
	               "| [Police](https://p.example) | 1 | `c\\|d` |\n"
	               "```\n");
	has(h, "<table>\n<thead>\n<tr>\n<th scope=\"col\">Agency</th>\n"
	       "<th scope=\"col\" class=\"right\">Strengths</th>\n"
	       "<th scope=\"col\" class=\"centre\">Areas</th>\n</tr>\n"
	       "</thead>\n<tbody>\n<tr>\n<td>Health &lt;b&gt;x&lt;/b&gt;</td>\n"
	       "<td class=\"right\"><strong>3</strong></td>\n"
	       "<td class=\"centre\">a | b</td>\n</tr>\n<tr>\n"
	       "<td><a href=\"https://p.example\">Police</a></td>\n"
	       "<td class=\"right\">1</td>\n"
	       "<td class=\"centre\"><code>c|d</code></td>\n</tr>\n"
	       "</tbody>\n</table>\n");
	free(h);
}

Test(html, a_table_without_a_header)
{
	char *h = page("# T\n\n```table\n| a | b |\n| c | d |\n```\n");
	has(h, "<table>\n<tbody>\n<tr>\n<td>a</td>\n<td>b</td>\n</tr>\n");
	lacks(h, "<thead>");
	lacks(h, "<th ");
	free(h);
}

Test(html, table_errors_are_reported_at_their_row)
{
	fails_with("# T\n\n```table\n| a | b |\n| c |\n```\n",
	           "out/letter.md:5:1: error: table row has 1 cell, the first "
	           "row has 2");
	fails_with("# T\n\n```table\n| a |\n| ![x](chart:other) |\n```\n",
	           "a table cell cannot show image 'chart:other'");
}

Test(html, a_callout_is_a_note)
{
	char *h = page("# T\n\n"
	               "````callout\n"
	               "**Case study: highly effective practice**\n"
	               "\n"
	               "A mother told her midwife.\n"
	               "\n"
	               "- one\n"
	               "- two\n"
	               "````\n"
	               "\n"
	               "> A quote.\n");
	has(h, "<div class=\"callout\" role=\"note\">\n"
	       "<p><strong>Case study: highly effective practice</strong></p>\n"
	       "<p>A mother told her midwife.</p>\n"
	       "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n</div>\n"
	       "<blockquote>\n<p>A quote.</p>\n</blockquote>\n");
	free(h);
}

Test(html, callouts_nest_four_deep_at_most)
{
	char *h = page("# T\n\n"
	               "`````callout\n"
	               "````callout\n"
	               "inner\n"
	               "````\n"
	               "`````\n");
	has(h, "<div class=\"callout\" role=\"note\">\n"
	       "<div class=\"callout\" role=\"note\">\n<p>inner</p>\n</div>\n"
	       "</div>\n");
	free(h);
	fails_with("# T\n\n"
	           "~~~~~~~~callout\n"
	           "~~~~~~~callout\n"
	           "~~~~~~callout\n"
	           "~~~~~callout\n"
	           "~~~~callout\n"
	           "deep\n"
	           "~~~~\n"
	           "~~~~~\n"
	           "~~~~~~\n"
	           "~~~~~~~\n"
	           "~~~~~~~~\n",
	           "call-outs nested deeper than 4");
}

Test(html, the_letterhead_opens_the_header)
{
	char *h = page("```letterhead\n"
	               "Ofsted\n"
	               "\n"
	               "  Care Quality Commission & *friends*  \n"
	               "```\n"
	               "\n"
	               "1 March 2026\n"
	               "\n"
	               "# Title\n");
	has(h, "<header>\n<div class=\"letterhead\">\n<p>Ofsted</p>\n"
	       "<p>Care Quality Commission &amp; <em>friends</em></p>\n</div>\n"
	       "<p>1 March 2026</p>\n</header>\n");
	free(h);
	fails_with(
	    "```letterhead\nOfsted\n![x](chart:other)\n```\n",
	    "out/letter.md:3:1: error: the letterhead cannot show image");
}

Test(html, lists_code_and_rules)
{
	char *h = page("# T\n\n    <code> & more\n\n3. three\n4. four\n\n"
	               "- a\n\n  para\n- b\n\n---\n\nline  \nbreak\n");
	has(h, "<ol start=\"3\">\n<li>three</li>\n<li>four</li>\n</ol>\n");
	has(h, "<ul>\n<li><p>a</p>\n<p>para</p>\n</li>\n<li><p>b</p>\n</li>\n"
	       "</ul>\n");
	has(h, "<h1>T</h1>\n<pre><code>&lt;code&gt; &amp; more\n</code></pre>\n"
	       "<ol");
	has(h, "</ul>\n<hr>\n");
	has(h, "<p>line<br>\nbreak</p>\n");
	free(h);
}

/* Every id="..." in s, as a malloc'd array of malloc'd strings. */
static size_t
ids_of(const char *s, char ***out)
{
	size_t n = 0;
	char **v = NULL;
	for (const char *p = s; (p = strstr(p, " id=\"")) != NULL;) {
		p += 5;
		const char *e = strchr(p, '"');
		v = realloc(v, (n + 1) * sizeof(*v));
		v[n++] = strndup(p, (size_t)(e - p));
	}
	*out = v;
	return n;
}

static bool
has_id(char **ids, size_t n, const char *id, size_t len)
{
	for (size_t i = 0; i < n; i++)
		if (strlen(ids[i]) == len && !memcmp(ids[i], id, len))
			return true;
	return false;
}

/* Every "#X" reference and aria-labelledby/describedby names an id. */
static void
check_references(const char *s, char **ids, size_t n)
{
	const char *keys[] = {"href=\"#", "aria-labelledby=\"",
	                      "aria-describedby=\"", "url(#"};
	for (size_t k = 0; k < 4; k++)
		for (const char *p = s; (p = strstr(p, keys[k])) != NULL;) {
			p += strlen(keys[k]);
			size_t len = strcspn(p, "\")");
			cr_assert(has_id(ids, n, p, len), "no id '%.*s'",
			          (int)len, p);
		}
}

Test(html, charts_are_inline_with_unique_ids)
{
	char *h = page("# T\n\n"
	               "![Findings by agency](chart:findings-by-agency "
	               "\"Figure 1: findings\")\n\n"
	               "![Another](chart:other)\n\n"
	               "![Findings again](chart:findings-by-agency)\n");
	lacks(h, "<?xml");
	has(h, "<figure>\n<svg class=\"chart\" role=\"img\" "
	       "aria-labelledby=\"chart1-title\" "
	       "aria-describedby=\"chart1-desc\" "
	       "xmlns=\"http://www.w3.org/2000/svg\"");
	has(h,
	    "\n<title id=\"chart1-title\">Findings by agency</title>\n"
	    "<desc id=\"chart1-desc\">Findings by agency: Health, 1 strength "
	    "&amp; 0 &lt;areas&gt;</desc>\n");
	has(h, "</svg>\n<figcaption>Figure 1: findings</figcaption>\n"
	       "</figure>\n");
	has(h, "<title id=\"chart2-title\">Another</title>");
	has(h, "<title id=\"chart3-title\">Findings again</title>");
	/* the labels are text in the page */
	has(h, "<text x=");
	/* the chart's own title is replaced, not kept beside ours */
	lacks(h, "<title>Findings by agency: Health");
	lacks(h, "<title>Another chart");
	char **ids;
	size_t n = ids_of(h, &ids);
	cr_assert_geq(n, 5);
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			cr_assert_str_neq(ids[i], ids[j], "id '%s' twice",
			                  ids[i]);
	check_references(h, ids, n);
	for (size_t i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
	free(h);
}

Test(html, a_chart_splits_its_paragraph)
{
	char *h = page("# T\n\nBefore **bold [link ![Alt](chart:other) "
	               "still](https://x.org)** after.\n");
	has(h, "<p>Before <strong>bold <a href=\"https://x.org\">link "
	       "</a></strong></p>\n<figure>\n");
	has(h, "</figure>\n<p><strong><a href=\"https://x.org\"> still</a>"
	       "</strong> after.</p>\n");
	free(h);
	/* a chart alone leaves no empty paragraph */
	h = page("# T\n\n![Alt](chart:other)\n\n## Next\n");
	has(h, "<h1>T</h1>\n<figure>\n");
	has(h, "</figure>\n<h2>Next</h2>");
	lacks(h, "<p></p>");
	free(h);
}

Test(html, images_must_be_known_charts)
{
	fails_with(
	    "# T\n\n![x](photo.png)\n",
	    "out/letter.md:3:1: error: image 'photo.png' is not a chart");
	fails_with("# T\n\n![x](chart:nope)\n",
	           "out/letter.md:3:1: error: unknown chart 'nope'");
}

Test(html, same_input_same_bytes)
{
	const char *md = "# T\n\n![A](chart:findings-by-agency)\n\n"
	                 "```table\n| a | b |\n| --- | --- |\n| 1 | 2 |\n```\n";
	char *a = page(md);
	char *b = page(md);
	cr_assert_str_eq(a, b);
	free(a);
	free(b);
}
