/* render_pdf in four steps: front matter, the cmark walk into a flow of
 * blocks (flow.c), line and page breaking (layout.c, page.c), and the PDF
 * (pdf.c). Everything a layout points into lives in its arena and flow.
 * And what the PDF's walk shares with the HTML page's (html.c): the chart
 * an image names. */
#include "render/render.h"

#include <cmark.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/font.h"
#include "render/flow.h"
#include "render/frontmatter.h"
#include "render/hpdf_fast.h"
#include "render/layout.h"
#include "render/page.h"
#include "render/pdf.h"
#include "render/subset.h"

struct doc_layout *
render_layout(const char *path, const char *md, size_t len,
              const struct render_opts *opts, struct diag_sink *d)
{
	struct doc_layout *dl = xcalloc(1, sizeof(*dl));
	struct front_matter fm;
	dl->arena = arena_new();
	if (frontmatter_parse(dl->arena, path, md, len, &fm, d) < 0)
		goto fail;
	if (flow_build(&dl->flow, dl->arena, path, md + fm.body, len - fm.body,
	               fm.body_line, opts, d) < 0)
		goto fail;
	dl->title = frontmatter_title(&fm, dl->flow.first_h1, dl->arena, path);
	dl->short_title = fm.short_title ? fm.short_title : dl->title;
	dl->lang = fm.lang ? fm.lang : "en-GB";
	dl->has_date = fm.has_date;
	dl->date = fm.date;
	dl->url = dl->flow.link;
	dl->nurl = dl->flow.nlink;
	struct layout l;
	layout_init(&l, opts->fonts);
	page_build(dl, &l);
	layout_release(&l);
	return dl;
fail:
	doc_layout_free(dl);
	return NULL;
}

void
doc_layout_free(struct doc_layout *dl)
{
	if (dl == NULL)
		return;
	free(dl->page);
	free(dl->text);
	free(dl->rect);
	free(dl->link);
	free(dl->chart);
	free(dl->cell);
	free(dl->heading);
	flow_release(&dl->flow);
	arena_free(dl->arena);
	free(dl);
}

int
render_pdf(const char *path, const char *md, size_t len,
           const struct render_opts *opts, struct buf *out, struct diag_sink *d)
{
	struct doc_layout *dl = render_layout(path, md, len, opts, d);
	if (dl == NULL)
		return -1;
	int rc = pdf_write(dl, opts->fonts, 0, path, out, d);
	doc_layout_free(dl);
	return rc;
}

const struct scene *
render_chart(const struct render_opts *opts, cmark_node *image,
             const char *path, int line_offset, struct diag_sink *d)
{
	cmark_node *blk = image;
	while (cmark_node_get_type(blk) > CMARK_NODE_LAST_BLOCK)
		blk = cmark_node_parent(blk);
	int line = cmark_node_get_start_line(blk) + line_offset,
	    col = cmark_node_get_start_column(blk);
	const char *url = cmark_node_get_url(image);
	if (url == NULL || strncmp(url, "chart:", 6) != 0) {
		diag_error(d, path, line, col, "image '%s' is not a chart",
		           url ? url : "");
		diag_hint(
		    d,
		    "the letter can show only charts: ![alt text](chart:NAME)");
		return NULL;
	}
	const struct scene *sc = NULL;
	if (opts && opts->chart)
		sc = opts->chart(opts->chart_ctx, url + 6);
	if (sc == NULL)
		diag_error(d, path, line, col, "unknown chart '%s'", url + 6);
	return sc;
}

static bool
is_block_container(cmark_node_type t)
{
	return t == CMARK_NODE_BLOCK_QUOTE || t == CMARK_NODE_LIST ||
	       t == CMARK_NODE_ITEM;
}

static bool
is_inline_container(cmark_node_type t)
{
	return t == CMARK_NODE_EMPH || t == CMARK_NODE_STRONG ||
	       t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE;
}

static cmark_node *
block_of(cmark_node *node)
{
	while (cmark_node_get_type(node) > CMARK_NODE_LAST_BLOCK)
		node = cmark_node_parent(node);
	return node;
}

/* The length of the longest run of characters without a space in s, in
 * characters (UTF-8 continuation bytes are not counted). */
static size_t
longest_word(const char *s)
{
	size_t best = 0, n = 0;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == ' ' || c == '\n' || c == '\t' || c == '\r')
			n = 0;
		else if ((c & 0xC0) != 0x80 && ++n > best)
			best = n;
	}
	return best;
}

struct limits_walk {
	const char *path;
	int line_offset;
	struct diag_sink *d;
	cmark_node *block; /* the leaf block whose text is being counted */
	size_t chars;      /* its characters so far */
};

static int
limit_error(struct limits_walk *lw, cmark_node *node, const char *fmt,
            size_t n, const char *hint)
{
	cmark_node *blk = block_of(node);
	diag_error(lw->d, lw->path,
	           cmark_node_get_start_line(blk) + lw->line_offset,
	           cmark_node_get_start_column(blk), fmt, n);
	diag_hint(lw->d, "%s", hint);
	return -1;
}

/* Checks the words and the length of the text in node (a text, code or
 * code block node). */
static int
check_text(struct limits_walk *lw, cmark_node *node)
{
	const char *s = cmark_node_get_literal(node);
	if (s == NULL)
		return 0;
	if (longest_word(s) > RENDER_MAX_WORD)
		return limit_error(lw, node,
		                   "a word longer than %zu characters (the limit "
		                   "of one word)", RENDER_MAX_WORD,
		                   "break it with spaces; a long link can be "
		                   "written [as text](URL)");
	cmark_node *blk = block_of(node);
	if (blk != lw->block) {
		lw->block = blk;
		lw->chars = 0;
	}
	if (cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK) {
		/* a table or call-out fence: each of its lines on its own */
		size_t longest = 0;
		for (const char *p = s; *p;) {
			size_t n = strcspn(p, "\n");
			longest = n > longest ? n : longest;
			p += n + (p[n] == '\n');
		}
		lw->chars = longest;
	} else {
		lw->chars += strlen(s);
	}
	if (lw->chars > RENDER_MAX_BLOCK)
		return limit_error(lw, node,
		                   "a paragraph longer than %zu bytes (the limit "
		                   "of one paragraph)", RENDER_MAX_BLOCK,
		                   "split it into paragraphs");
	return 0;
}

int
render_check_nesting(cmark_node *doc, const char *path, int line_offset,
                     struct diag_sink *d)
{
	struct limits_walk lw = {path, line_offset, d, NULL, 0};
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	size_t blocks = 0, inlines = 0;
	int rc = 0;
	while (rc == 0 && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(node);
		bool enter = ev == CMARK_EVENT_ENTER;
		if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE ||
		    t == CMARK_NODE_CODE_BLOCK) {
			rc = check_text(&lw, node);
			continue;
		}
		if (is_block_container(t))
			enter ? blocks++ : blocks--;
		else if (is_inline_container(t))
			enter ? inlines++ : inlines--;
		else
			continue;
		if (blocks <= RENDER_MAX_NESTING && inlines <= RENDER_MAX_NESTING)
			continue;
		rc = limit_error(&lw, node,
		                 blocks > RENDER_MAX_NESTING
		                     ? "Markdown nested deeper than %zu levels (the "
		                       "limit of lists and block quotes inside each "
		                       "other)"
		                     : "Markdown nested deeper than %zu levels (the "
		                       "limit of emphasis and links inside each "
		                       "other)",
		                 RENDER_MAX_NESTING,
		                 "flatten the text: a letter reads best with two "
		                 "levels at most");
	}
	cmark_iter_free(it);
	return rc;
}

void
render_warm(const struct fontset *fonts)
{
	struct charset none;
	memset(&none, 0, sizeof(none));
	for (int r = 0; r <= FONT_BOLD; r++)
		if (fonts->face[r])
			(void)subset_preload_common(font_path(fonts->face[r]),
			                            &none);
	hpdf_fast_warm();
}
