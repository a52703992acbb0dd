/* render_pdf in four steps: front matter, the cmark walk into a flow of
 * blocks (flow.c), line and page breaking (layout.c, page.c), and the PDF
 * (pdf.c). Everything a layout points into lives in its arena and flow.
 * And what the PDF's walk shares with the HTML page's (html.c): the chart
 * an image names. */
#include "render/render.h"

#include <cmark.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/diag.h"
#include "render/flow.h"
#include "render/frontmatter.h"
#include "render/layout.h"
#include "render/page.h"
#include "render/pdf.h"

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
