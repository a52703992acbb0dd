/* render_html: one walk of the cmark tree, one switch over node types, open
 * on enter and close on exit (as cmark's own html.c, which is not used:
 * raw HTML must show as text, and tables, call-outs and charts are ours).
 *
 * The page: <header> holds what comes before the document's first
 * top-level level-1 heading (the letterhead, the letter's date and its
 * addressees), <main> the rest from that heading on, <footer> the short
 * title. A page with nothing before its first heading has no header.
 *
 * A paragraph or heading is written into a buffer of its own and put in
 * the page when it closes, and only when it holds some text, so that a
 * chart, which is a figure and cannot sit inside a <p> or <hN>, can split
 * it: the inline elements open at the chart are closed, the text so far
 * put out, the figure written, and the inline elements opened again. A
 * block left with no text is dropped, as the PDF drops it.
 *
 * Call-outs are walked recursively, FLOW_MAX_CALLOUTS deep at most;
 * everything else goes through one iterator. */
#include "render/html.h"

#include <cmark.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "chart/chart.h"
#include "chart/scene.h"
#include "core/alloc.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/calendar.h"
#include "core/diag.h"
#include "render/flow.h"
#include "render/frontmatter.h"
#include "render/render.h"
#include "render/table.h"

/* A chart's SVG, written once however often the letter shows it. */
struct svg_doc {
	const struct scene *scene;
	struct buf svg;
};

struct html {
	struct buf *out;   /* the page */
	struct buf block;  /* the paragraph or heading being written */
	struct buf *cur;   /* where inlines go: &block, or out in a cell */
	const char *tag;   /* the open text block's element ("" for a
	                      paragraph of a tight list), or NULL */
	bool has_text;     /* the open text block shows something */
	cmark_node **open; /* inline elements open in the text block */
	size_t nopen, capopen;
	cmark_node *image;   /* an image whose alt text is being skipped */
	cmark_node *main_at; /* the top-level heading that opens <main> */
	const char *path;
	int line_offset;
	const struct render_opts *opts;
	struct diag_sink *d;
	int callouts; /* call-outs being walked, one inside the other */
	struct svg_doc *svg;
	size_t nsvg, capsvg;
	unsigned nfigure;
	int rc;
};

static int
node_line(const struct html *h, cmark_node *node)
{
	return cmark_node_get_start_line(node) + h->line_offset;
}

/* Appends s to the current inline output, noting whether it shows. */
static void
put_text(struct html *h, const char *s, size_t n)
{
	html_escape(h->cur, s, n);
	for (size_t i = 0; i < n && !h->has_text; i++)
		if (s[i] != ' ' && s[i] != '\n' && s[i] != '\t' && s[i] != '\r')
			h->has_text = true;
}

static void
put_literal(struct html *h, cmark_node *node)
{
	const char *s = cmark_node_get_literal(node);
	if (s)
		put_text(h, s, strlen(s));
}

/* The plain text under node: its text and code, breaks as spaces. */
static void
plain_text(cmark_node *node, struct buf *out)
{
	cmark_iter *it = cmark_iter_new(node);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
		case CMARK_NODE_HTML_INLINE:
			buf_puts(out, cmark_node_get_literal(n));
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK: buf_putc(out, ' '); break;
		default: break;
		}
	}
	cmark_iter_free(it);
}

/* Text blocks. */

static void
open_block(struct html *h, const char *tag)
{
	buf_clear(&h->block);
	h->cur = &h->block;
	h->tag = tag;
	h->has_text = false;
}

static void
close_block(struct html *h)
{
	if (h->tag == NULL)
		return;
	if (h->has_text && *h->tag) {
		buf_printf(h->out, "<%s>", h->tag);
		buf_append(h->out, buf_cstr(&h->block), h->block.len);
		buf_printf(h->out, "</%s>\n", h->tag);
	} else if (h->has_text) {
		buf_append(h->out, buf_cstr(&h->block), h->block.len);
	}
	buf_clear(&h->block);
	h->cur = h->out;
	h->tag = NULL;
}

static const char *const heading_tags[] = {"h1", "h2", "h3", "h4", "h5", "h6"};

static void
open_paragraph(struct html *h, cmark_node *node)
{
	cmark_node *item = cmark_node_parent(node);
	bool tight = item && cmark_node_get_type(item) == CMARK_NODE_ITEM &&
	             cmark_node_get_list_tight(cmark_node_parent(item));
	open_block(h, tight ? "" : "p");
}

static void
open_heading(struct html *h, cmark_node *node)
{
	int level = cmark_node_get_heading_level(node);
	open_block(h, heading_tags[level >= 1 && level <= 6 ? level - 1 : 5]);
}

/* Inline elements. */

static void
put_open_tag(struct html *h, cmark_node *node)
{
	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_EMPH: buf_puts(h->cur, "<em>"); break;
	case CMARK_NODE_STRONG: buf_puts(h->cur, "<strong>"); break;
	case CMARK_NODE_LINK: {
		const char *url = cmark_node_get_url(node);
		const char *title = cmark_node_get_title(node);
		buf_puts(h->cur, "<a href=\"");
		html_put_href(h->cur, url ? url : "");
		buf_putc(h->cur, '"');
		if (title && *title) {
			buf_puts(h->cur, " title=\"");
			html_escape(h->cur, title, strlen(title));
			buf_putc(h->cur, '"');
		}
		buf_putc(h->cur, '>');
		break;
	}
	default: break;
	}
}

static void
put_close_tag(struct html *h, cmark_node *node)
{
	cmark_node_type type = cmark_node_get_type(node);
	buf_puts(h->cur, type == CMARK_NODE_EMPH     ? "</em>"
	                 : type == CMARK_NODE_STRONG ? "</strong>"
	                                             : "</a>");
}

static void
open_inline(struct html *h, cmark_node *node)
{
	h->open = xgrow(h->open, &h->capopen, h->nopen + 1, sizeof(*h->open));
	h->open[h->nopen++] = node;
	put_open_tag(h, node);
}

static void
close_inline(struct html *h, cmark_node *node)
{
	if (h->nopen > 0)
		h->nopen--;
	put_close_tag(h, node);
}

/* Charts. */

static const char *
chart_svg(struct html *h, const struct scene *sc, size_t *len)
{
	for (size_t i = 0; i < h->nsvg; i++)
		if (h->svg[i].scene == sc) {
			*len = h->svg[i].svg.len;
			return buf_cstr(&h->svg[i].svg);
		}
	struct buf svg;
	buf_init(&svg);
	if ((h->opts->chart_svg
	         ? h->opts->chart_svg(h->opts->chart_ctx, sc, &svg, h->d)
	         : chart_write_svg(sc, h->opts->fonts, &svg, h->d)) < 0) {
		buf_release(&svg);
		return NULL;
	}
	h->svg = xgrow(h->svg, &h->capsvg, h->nsvg + 1, sizeof(*h->svg));
	h->svg[h->nsvg] = (struct svg_doc){sc, svg};
	*len = svg.len;
	return buf_cstr(&h->svg[h->nsvg++].svg);
}

/* A chart splits the text block it stands in: the text before, the
 * figure, then a block of the same kind for the text after. */
static void
add_chart(struct html *h, cmark_node *node)
{
	h->image = node;
	const struct scene *sc =
	    render_chart(h->opts, node, h->path, h->line_offset, h->d);
	size_t len = 0;
	const char *svg = sc ? chart_svg(h, sc, &len) : NULL;
	if (svg == NULL) {
		h->rc = -1;
		return;
	}
	struct buf alt;
	buf_init(&alt);
	plain_text(node, &alt);
	const char *name = alt.len               ? buf_cstr(&alt)
	                   : sc->alt && *sc->alt ? sc->alt
	                                         : sc->name;
	const char *tag = h->tag;
	for (size_t i = h->nopen; i-- > 0;)
		put_close_tag(h, h->open[i]);
	close_block(h);
	char prefix[32];
	snprintf(prefix, sizeof(prefix), "chart%u", ++h->nfigure);
	html_figure(h->out, svg, len, prefix, name, sc->alt,
	            cmark_node_get_title(node));
	buf_release(&alt);
	if (tag == NULL)
		return;
	open_block(h, tag);
	for (size_t i = 0; i < h->nopen; i++)
		put_open_tag(h, h->open[i]);
}

/* Tables. */

static void walk_node(struct html *h, cmark_node *node, bool enter);

static void
visit_cell(void *h, cmark_node *node, bool enter)
{
	walk_node(h, node, enter);
}

/* Walks the inlines of a cell's document (a table cell, a line of the
 * letterhead: what names it in messages) as the PDF does
 * (table_walk_cell). */
static void
walk_cell(struct html *h, cmark_node *doc, const char *what, int line, int col)
{
	if (table_walk_cell(doc, visit_cell, h, what, h->path, line, col,
	                    h->d) < 0)
		h->rc = -1;
}

static const char *
align_attr(enum cell_align a)
{
	switch (a) {
	case CELL_CENTRE: return " class=\"centre\"";
	case CELL_RIGHT: return " class=\"right\"";
	default: return "";
	}
}

static void
put_row(struct html *h, const struct table_src *t, size_t r, struct buf *md)
{
	bool head = t->header && r == 0;
	buf_puts(h->out, "<tr>\n");
	for (size_t c = 0; c < t->ncol; c++) {
		buf_printf(h->out, head ? "<th scope=\"col\"%s>" : "<td%s>",
		           align_attr(t->align[c]));
		cmark_node *doc =
		    table_cell_parse(&t->cell[r * t->ncol + c], md);
		walk_cell(h, doc, "a table cell", t->line[r], t->col[r]);
		cmark_node_free(doc);
		buf_puts(h->out, head ? "</th>\n" : "</td>\n");
	}
	buf_puts(h->out, "</tr>\n");
}

static void
add_table(struct html *h, cmark_node *node)
{
	const char *s = cmark_node_get_literal(node);
	struct table_src t;
	if (table_parse(&t, s ? s : "", s ? strlen(s) : 0, h->path,
	                node_line(h, node), cmark_node_get_start_column(node),
	                h->d) < 0) {
		h->rc = -1;
		return;
	}
	struct buf md;
	buf_init(&md);
	size_t r = 0;
	buf_puts(h->out, "<table>\n");
	if (t.header) {
		buf_puts(h->out, "<thead>\n");
		put_row(h, &t, r++, &md);
		buf_puts(h->out, "</thead>\n");
	}
	if (r < t.nrow) {
		buf_puts(h->out, "<tbody>\n");
		for (; r < t.nrow; r++)
			put_row(h, &t, r, &md);
		buf_puts(h->out, "</tbody>\n");
	}
	buf_puts(h->out, "</table>\n");
	buf_release(&md);
	table_release(&t);
}

/* Other blocks. */

static void walk_document(struct html *h, const char *md, size_t len);

/* A fenced block with the info string "callout": Markdown in a box. */
static void
add_callout(struct html *h, cmark_node *node)
{
	if (h->callouts >= FLOW_MAX_CALLOUTS) {
		diag_error(h->d, h->path, node_line(h, node),
		           cmark_node_get_start_column(node),
		           "call-outs nested deeper than %d",
		           FLOW_MAX_CALLOUTS);
		h->rc = -1;
		return;
	}
	const char *s = cmark_node_get_literal(node);
	int saved = h->line_offset;
	/* the block's first line is the line after its fence */
	h->line_offset = node_line(h, node);
	buf_puts(h->out, "<div class=\"callout\" role=\"note\">\n");
	h->callouts++;
	walk_document(h, s ? s : "", s ? strlen(s) : 0);
	h->callouts--;
	buf_puts(h->out, "</div>\n");
	h->line_offset = saved;
}

/* A fenced block with the info string "letterhead": the bodies the letter
 * comes from, one a line, each line inline Markdown read as a table cell
 * is. Where it may stand is the PDF's business (render/flow.c). */
static void
add_letterhead(struct html *h, cmark_node *node)
{
	const char *s = cmark_node_get_literal(node);
	int line = node_line(h, node), col = cmark_node_get_start_column(node);
	struct buf md;
	buf_init(&md);
	buf_puts(h->out, "<div class=\"letterhead\">\n");
	for (size_t i = 0, n = s ? strlen(s) : 0; i < n; line++) {
		struct table_cell_src c = table_line(s, n, &i);
		if (c.n == 0)
			continue;
		buf_puts(h->out, "<p>");
		cmark_node *doc = table_cell_parse(&c, &md);
		walk_cell(h, doc, "the letterhead", line + 1, col);
		cmark_node_free(doc);
		buf_puts(h->out, "</p>\n");
	}
	buf_puts(h->out, "</div>\n");
	buf_release(&md);
}

static void
add_code_block(struct html *h, cmark_node *node)
{
	const char *info = cmark_node_get_fence_info(node);
	if (table_is_fence(info)) {
		add_table(h, node);
	} else if (info && !strcmp(info, "callout")) {
		add_callout(h, node);
	} else if (info && !strcmp(info, "letterhead")) {
		add_letterhead(h, node);
	} else {
		buf_puts(h->out, "<pre><code>");
		put_literal(h, node);
		buf_puts(h->out, "</code></pre>\n");
	}
}

/* Raw HTML shows as the text it is, in a paragraph of its own. */
static void
add_raw_block(struct html *h, cmark_node *node)
{
	const char *s = cmark_node_get_literal(node);
	size_t n = s ? strlen(s) : 0;
	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	open_block(h, "p");
	put_text(h, s, n);
	close_block(h);
}

static void
open_list(struct html *h, cmark_node *node)
{
	if (cmark_node_get_list_type(node) != CMARK_ORDERED_LIST) {
		buf_puts(h->out, "<ul>\n");
		return;
	}
	int start = cmark_node_get_list_start(node);
	if (start != 1)
		buf_printf(h->out, "<ol start=\"%d\">\n", start);
	else
		buf_puts(h->out, "<ol>\n");
}

static void
close_list(struct html *h, cmark_node *node)
{
	bool ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
	buf_puts(h->out, ordered ? "</ol>\n" : "</ul>\n");
}

/* The renderer's one switch: enter opens, exit closes. */
static void
walk_node(struct html *h, cmark_node *node, bool enter)
{
	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_BLOCK_QUOTE:
		buf_puts(h->out, enter ? "<blockquote>\n" : "</blockquote>\n");
		break;
	case CMARK_NODE_LIST:
		enter ? open_list(h, node) : close_list(h, node);
		break;
	case CMARK_NODE_ITEM:
		buf_puts(h->out, enter ? "<li>" : "</li>\n");
		break;
	case CMARK_NODE_PARAGRAPH:
		enter ? open_paragraph(h, node) : close_block(h);
		break;
	case CMARK_NODE_HEADING:
		enter ? open_heading(h, node) : close_block(h);
		break;
	case CMARK_NODE_CODE_BLOCK: add_code_block(h, node); break;
	case CMARK_NODE_HTML_BLOCK: add_raw_block(h, node); break;
	case CMARK_NODE_THEMATIC_BREAK: buf_puts(h->out, "<hr>\n"); break;
	case CMARK_NODE_TEXT:
	case CMARK_NODE_HTML_INLINE: /* shown as text, never as markup */
		put_literal(h, node);
		break;
	case CMARK_NODE_CODE:
		buf_puts(h->cur, "<code>");
		put_literal(h, node);
		buf_puts(h->cur, "</code>");
		break;
	case CMARK_NODE_SOFTBREAK: buf_putc(h->cur, '\n'); break;
	case CMARK_NODE_LINEBREAK: buf_puts(h->cur, "<br>\n"); break;
	case CMARK_NODE_EMPH:
	case CMARK_NODE_STRONG:
	case CMARK_NODE_LINK:
		enter ? open_inline(h, node) : close_inline(h, node);
		break;
	case CMARK_NODE_IMAGE:
		if (enter)
			add_chart(h, node);
		break;
	default: /* the document */ break;
	}
}

static void
walk_tree(struct html *h, cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(it);
		if (h->image != NULL) {
			if (node == h->image && ev == CMARK_EVENT_EXIT)
				h->image = NULL;
			continue;
		}
		if (node == h->main_at && ev == CMARK_EVENT_ENTER)
			buf_puts(h->out, "</header>\n<main id=\"main\">\n");
		walk_node(h, node, ev == CMARK_EVENT_ENTER);
	}
	cmark_iter_free(it);
}

static void
walk_document(struct html *h, const char *md, size_t len)
{
	cmark_node *doc =
	    cmark_parse_document(md, len, CMARK_OPT_VALIDATE_UTF8);
	walk_tree(h, doc);
	cmark_node_free(doc);
}

/* The page. */

/* The text of the first level-1 heading that has some, or NULL. */
static const char *
first_h1(struct arena *a, cmark_node *doc)
{
	const char *title = NULL;
	struct buf t;
	buf_init(&t);
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while (title == NULL &&
	       (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER ||
		    cmark_node_get_type(n) != CMARK_NODE_HEADING ||
		    cmark_node_get_heading_level(n) != 1)
			continue;
		buf_clear(&t);
		plain_text(n, &t);
		if (strspn(buf_cstr(&t), " ") != t.len)
			title = arena_strdup(a, buf_cstr(&t));
	}
	cmark_iter_free(it);
	buf_release(&t);
	return title;
}

/* The first top-level level-1 heading, when something comes before it. */
static cmark_node *
main_start(cmark_node *doc)
{
	cmark_node *first = cmark_node_first_child(doc);
	for (cmark_node *n = first; n; n = cmark_node_next(n))
		if (cmark_node_get_type(n) == CMARK_NODE_HEADING &&
		    cmark_node_get_heading_level(n) == 1)
			return n == first ? NULL : n;
	return NULL;
}

static void
put_element(struct buf *out, const char *open, const char *text,
            const char *close)
{
	buf_puts(out, open);
	html_escape(out, text, strlen(text));
	buf_puts(out, close);
}

static void
put_head(struct buf *out, const struct front_matter *fm, const char *title)
{
	buf_puts(out, "<!DOCTYPE html>\n");
	put_element(out, "<html lang=\"", fm->lang ? fm->lang : "en-GB",
	            "\">\n");
	buf_puts(out, "<head>\n<meta charset=\"utf-8\">\n"
	              "<meta name=\"viewport\" "
	              "content=\"width=device-width, initial-scale=1\">\n");
	put_element(out, "<title>", title, "</title>\n");
	if (fm->has_date) {
		char iso[11];
		date_iso(fm->date, iso);
		buf_printf(out, "<meta name=\"dcterms.date\" content=\"%s\">\n",
		           iso);
	}
	buf_puts(out, "<style>\n");
	buf_puts(out, html_style);
	buf_puts(out, "</style>\n</head>\n<body>\n");
}

int
render_html(const char *path, const char *md, size_t len,
            const struct render_opts *opts, struct buf *out,
            struct diag_sink *d)
{
	struct arena *a = arena_new();
	struct front_matter fm;
	struct html h = {
	    .out = out, .cur = out, .path = path, .opts = opts, .d = d};
	buf_init(&h.block);
	if (frontmatter_parse(a, path, md, len, &fm, d) < 0) {
		arena_free(a);
		return -1;
	}
	h.line_offset = fm.body_line;
	cmark_node *doc = cmark_parse_document(md + fm.body, len - fm.body,
	                                       CMARK_OPT_VALIDATE_UTF8);
	const char *title = frontmatter_title(&fm, first_h1(a, doc), a, path);
	h.main_at = main_start(doc);
	if (render_check_nesting(doc, path, h.line_offset, d) < 0) {
		cmark_node_free(doc);
		arena_free(a);
		return -1;
	}
	put_head(out, &fm, title);
	if (h.main_at)
		buf_puts(out, "<a class=\"skip\" href=\"#main\">Skip to main "
		              "content</a>\n<header>\n");
	else
		buf_puts(out, "<main id=\"main\">\n");
	walk_tree(&h, doc);
	put_element(out, "</main>\n<footer>\n<p>",
	            fm.short_title ? fm.short_title : title,
	            "</p>\n</footer>\n</body>\n</html>\n");
	cmark_node_free(doc);
	for (size_t i = 0; i < h.nsvg; i++)
		buf_release(&h.svg[i].svg);
	free(h.svg);
	free(h.open);
	buf_release(&h.block);
	arena_free(a);
	return h.rc;
}
