/* render_pdf in four steps: front matter, the cmark walk into a flow of
 * blocks (flow.c), line and page breaking (layout.c, page.c), and the PDF
 * (pdf.c). Everything a layout points into lives in its arena and flow. */
#include "render/render.h"

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

/* The document title when neither the front matter nor a level-1 heading
 * gives one: the file's name without folder and extension. */
static const char *
title_from_path(struct arena *a, const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	const char *dot = strrchr(base, '.');
	size_t n = dot && dot > base ? (size_t)(dot - base) : strlen(base);
	return arena_strndup(a, base, n);
}

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
	dl->title = fm.title            ? fm.title
	            : dl->flow.first_h1 ? dl->flow.first_h1
	            : fm.short_title    ? fm.short_title
	                                : title_from_path(dl->arena, path);
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
