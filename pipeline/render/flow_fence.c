/* The fenced and indented code blocks of the walk (flow.c): code, and
 * the fences that make something else of their text: a table (table.h),
 * a call-out (````callout: Markdown in a box) and the letterhead
 * (```letterhead: the band of the inspectorates opening page 1).
 *
 * A table's cells are parsed with cmark one by one, each as a document of
 * one paragraph, and their inlines walked by the walk's switch into runs
 * of the table's block, so that a cell reads exactly as a paragraph does;
 * so are the lines of a letterhead. A call-out's text is walked as a
 * document of its own inside a quote. */
#include <cmark.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "core/alloc.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/diag.h"
#include "render/flow_int.h"
#include "render/table.h"

static void
add_code_block(struct walker *w, cmark_node *node)
{
	const char *s = cmark_node_get_literal(node);
	size_t n = s ? strlen(s) : 0;
	while (n > 0 && s[n - 1] == '\n')
		n--;
	struct block *b = flow_new_block(w, BLOCK_TEXT, node);
	w->cur = w->f->n - 1;
	b->size = CODE_SIZE;
	b->leading = CODE_LEADING;
	b->space_before = TIGHT_AFTER;
	/* Leading spaces as no-break spaces, so that indentation shows. */
	for (size_t i = 0; i < n;) {
		size_t e = i, k = i;
		while (e < n && s[e] != '\n')
			e++;
		for (; k < e && s[k] == ' '; k++)
			flow_add_text(w, "\xC2\xA0", 2, FONT_MONO, CODE_SIZE);
		size_t stop =
		    e < n ? e + 1 : e; /* the newline breaks the line */
		flow_add_text(w, s + k, stop - k, FONT_MONO, CODE_SIZE);
		i = stop;
	}
	flow_end_text(w);
}

static void
visit_cell(void *w, cmark_node *node, bool enter)
{
	flow_walk_node(w, node, enter);
}

/* Walks the inlines of a cell's document (a table cell, a line of the
 * letterhead: what names it in messages) into the current block's runs
 * (table_walk_cell). */
static void
walk_cell(struct walker *w, cmark_node *doc, const char *what, int line,
          int col)
{
	if (table_walk_cell(doc, visit_cell, w, what, w->path, line, col,
	                    w->d) < 0)
		w->rc = -1;
}

static void
add_cell(struct walker *w, const struct table_src *t, size_t r, size_t c,
         struct buf *md)
{
	struct flow *f = w->f;
	if (f->ncell == f->cellcap)
		f->cell =
		    xgrow(f->cell, &f->cellcap, f->ncell + 1, sizeof(*f->cell));
	size_t i = f->ncell++;
	f->cell[i] = (struct cell){.run0 = f->nrun, .align = t->align[c]};
	w->merge0 = f->nrun; /* never into the cell before */
	int bold = t->header && r == 0;
	cmark_node *doc = table_cell_parse(&t->cell[r * t->ncol + c], md);
	w->strong += bold;
	walk_cell(w, doc, "a table cell", t->line[r], t->col[r]);
	w->strong -= bold;
	cmark_node_free(doc);
	f->cell[i].nruns = f->nrun - f->cell[i].run0;
}

static void
add_table(struct walker *w, cmark_node *node)
{
	const char *s = cmark_node_get_literal(node);
	struct table_src t;
	if (table_parse(&t, s ? s : "", s ? strlen(s) : 0, w->path,
	                flow_node_line(w, node),
	                cmark_node_get_start_column(node), w->d) < 0) {
		w->rc = -1;
		return;
	}
	struct flow *f = w->f;
	struct block *b = flow_new_block(w, BLOCK_TABLE, node);
	b->cell0 = f->ncell;
	b->nrow = t.nrow;
	b->ncol = t.ncol;
	b->header = t.header;
	b->space_before = TABLE_BEFORE;
	b->space_after = TABLE_AFTER;
	w->cur = f->n - 1;
	struct buf md;
	buf_init(&md);
	for (size_t r = 0; r < t.nrow; r++)
		for (size_t c = 0; c < t.ncol; c++)
			add_cell(w, &t, r, c, &md);
	buf_release(&md);
	w->cur = SIZE_MAX;
	table_release(&t);
}

/* A fenced block with the info string "letterhead" opens the letter with
 * the band of the bodies it comes from: each line of it (inline Markdown,
 * read as a table cell is) a bold block, then a rule. */
static void
add_letterhead(struct walker *w, cmark_node *node)
{
	int line = flow_node_line(w, node),
	    col = cmark_node_get_start_column(node);
	if (w->f->n > 0 || w->depth > 0 || w->over > 0 || w->callouts > 0) {
		diag_error(w->d, w->path, line, col,
		           "a letterhead must open the letter");
		diag_hint(w->d, "put the ```letterhead block first, right "
		                "after the front matter");
		w->rc = -1;
		return;
	}
	const char *s = cmark_node_get_literal(node);
	struct buf md;
	buf_init(&md);
	for (size_t i = 0, n = s ? strlen(s) : 0; i < n; line++) {
		struct table_cell_src c = table_line(s, n, &i);
		if (c.n == 0)
			continue;
		struct block *b = flow_new_block(w, BLOCK_TEXT, node);
		w->cur = w->f->n - 1;
		b->line = line + 1;
		b->letterhead = b->keep = true;
		b->space_after = HEAD_GAP;
		cmark_node *doc = table_cell_parse(&c, &md);
		w->strong++;
		walk_cell(w, doc, "the letterhead", line + 1, col);
		w->strong--;
		cmark_node_free(doc);
		flow_end_text(w);
	}
	buf_release(&md);
	if (w->f->n == 0) {
		diag_error(w->d, w->path, flow_node_line(w, node), col,
		           "empty letterhead");
		diag_hint(w->d, "write the name of each inspectorate taking "
		                "part on a line of its own");
		w->rc = -1;
		return;
	}
	struct block *r = flow_new_block(w, BLOCK_RULE, node);
	r->letterhead = true;
	r->space_before = HEAD_RULE;
	r->space_after = HEAD_AFTER;
}

/* A fenced block with the info string "callout" holds Markdown drawn as a
 * boxed call-out, as a block quote is, but free to hold several
 * paragraphs: a template cannot put '>' before each line of a value. */
static void
add_callout(struct walker *w, cmark_node *node)
{
	if (w->callouts >= FLOW_MAX_CALLOUTS) {
		diag_error(w->d, w->path, flow_node_line(w, node),
		           cmark_node_get_start_column(node),
		           "call-outs nested deeper than %d",
		           FLOW_MAX_CALLOUTS);
		w->rc = -1;
		return;
	}
	const char *s = cmark_node_get_literal(node);
	int saved = w->line_offset;
	/* the block's first line is the line after its fence */
	w->line_offset = flow_node_line(w, node);
	flow_open_quote(w, node);
	w->callouts++;
	flow_walk_document(w, s ? s : "", s ? strlen(s) : 0);
	w->callouts--;
	flow_close_quote(w);
	w->line_offset = saved;
}

void
flow_add_code(struct walker *w, cmark_node *node)
{
	const char *info = cmark_node_get_fence_info(node);
	if (table_is_fence(info))
		add_table(w, node);
	else if (info && !strcmp(info, "callout"))
		add_callout(w, node);
	else if (info && !strcmp(info, "letterhead"))
		add_letterhead(w, node);
	else
		add_code_block(w, node);
}
