/* The redline as an HTML page (redline.h): the letter's page as
 * render_html writes it, whose text still holds the marks, rewritten in
 * one pass. A mark is a state: while one is set, each stretch of text
 * between two tags is wrapped in <ins> or <del> of its own, so the
 * elements always nest, whatever inline elements the mark crosses. Marks
 * inside a tag (an attribute) are dropped. The summary, rendered by
 * cmark's own HTML renderer (safe: no raw HTML), opens the body; the
 * stylesheet gains the marks' rules: underlined twice or struck through,
 * in colour, and a bar (a left border: it prints) beside each paragraph,
 * heading, tight list item or table row holding one. */
#include "render/redline.h"

#include <cmark.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "render/html.h"
#include "render/render.h"

static const char style[] =
    "ins{text-decoration:underline double;text-decoration-skip-ink:none;"
    "color:#00703c}\n"
    "del{text-decoration:line-through;color:#d4351c}\n"
    ":is(p,h1,h2,h3,h4,h5,h6):has(ins,del),li:not(:has(p)):has(ins,del){"
    "border-left:3px solid #0b0c0c;padding-left:.5rem}\n"
    "tr:has(ins,del)>:first-child{border-left:3px solid #0b0c0c}\n"
    ".redline-summary{max-width:38em;margin:0 auto 2rem;padding:0 1rem;"
    "border-bottom:2px solid #0b0c0c}\n"
    "@media print{.redline-summary{max-width:none;padding:0;"
    "break-after:page}}\n";

static const char *const tags[] = {"", "ins", "del"};

/* Copies page to out, marks turned into elements. */
static void
rewrite(const char *page, size_t n, struct buf *out)
{
	int mark = MARK_NONE;
	bool open = false, in_tag = false;
	for (size_t i = 0; i < n;) {
		char c = page[i];
		size_t len;
		int m = redline_marker(page + i, n - i, &len);
		if (m >= 0) {
			if (open && !in_tag)
				buf_printf(out, "</%s>", tags[mark]);
			open = false;
			if (!in_tag)
				mark = m;
			i += len;
			continue;
		}
		if (in_tag) {
			in_tag = c != '>';
		} else if (c == '<') {
			if (open)
				buf_printf(out, "</%s>", tags[mark]);
			open = false;
			in_tag = true;
		} else if (mark != MARK_NONE && !open) {
			buf_printf(out, "<%s>", tags[mark]);
			open = true;
		}
		buf_putc(out, c);
		i++;
	}
	if (open)
		buf_printf(out, "</%s>", tags[mark]);
}

/* Inserts text into page before the first at, or at its end. */
static void
insert(struct buf *page, const char *at, const char *text, bool after)
{
	const char *p = strstr(buf_cstr(page), at);
	size_t pos =
	    p ? (size_t)(p - page->data) + (after ? strlen(at) : 0) : page->len;
	struct buf b;
	buf_init(&b);
	buf_append(&b, page->data, pos);
	buf_puts(&b, text);
	buf_append(&b, page->data + pos, page->len - pos);
	buf_clear(page);
	buf_append(page, b.data, b.len);
	buf_release(&b);
}

int
render_redline_html(const char *path, const char *summary, size_t slen,
                    const char *md, size_t len, const struct render_opts *opts,
                    struct buf *out, struct diag_sink *d)
{
	struct buf page, marked;
	buf_init(&page);
	buf_init(&marked);
	int rc = render_html(path, md, len, opts, &page, d);
	if (rc == 0) {
		rewrite(buf_cstr(&page), page.len, &marked);
		insert(&marked, "</style>", style, false);
		char *html =
		    cmark_markdown_to_html(summary, slen, CMARK_OPT_DEFAULT);
		struct buf sec;
		buf_init(&sec);
		buf_puts(&sec, "<section class=\"redline-summary\">\n");
		buf_puts(&sec, html);
		buf_puts(&sec, "</section>\n");
		free(html);
		insert(&marked, "<body>\n", buf_cstr(&sec), true);
		buf_release(&sec);
		buf_append(out, marked.data, marked.len);
	}
	buf_release(&page);
	buf_release(&marked);
	return rc;
}
