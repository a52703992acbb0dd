/* The cmark walk: one iterator over the tree (no recursion), one switch over
 * node types, open on enter and close on exit. Containers (block quotes,
 * lists, items) push a frame holding the indent they give their blocks;
 * nesting deeper than MAX_DEPTH is counted but adds nothing, and indents
 * stop growing at MAX_INDENT, so hostile nesting cannot run away.
 *
 * The runs' text is appended to one buffer, adjacent runs of one style
 * merged, and the run pointers resolved when the walk is over. Emphasis is
 * drawn as regular text (the house style has no italics); raw HTML is
 * dropped, as cmark's safe HTML renderer drops it.
 *
 * A table's cells are parsed with cmark one by one, each as a document of
 * one paragraph, and their inlines walked by the same switch into runs of
 * the table's block, so that a cell reads exactly as a paragraph does; so
 * are the lines of a letterhead.
 *
 * What page.c needs to keep things together is marked here: a paragraph
 * holding a hard line break (an address, a signature) is kept whole; a
 * chart's title becomes its caption, a block of its own after it. */
#include "render/flow.h"

#include <cmark.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "core/alloc.h"
#include "core/arena.h"
#include "core/diag.h"
#include "render/render.h"
#include "render/table.h"

/* The house style, in points. */
#define BODY_SIZE    12.0
#define BODY_LEADING 16.0
#define PARA_AFTER   8.0
#define TIGHT_AFTER  4.0
#define MONO_SHRINK  1.0 /* inline code is this much smaller than its text */
#define CODE_SIZE    10.0
#define CODE_LEADING 13.0
#define LIST_INDENT  22.0
#define BULLET_X     5.0 /* a bullet's left edge from its list's edge */
#define NUMBER_GAP   6.0 /* from a number's right edge to the item's text */
#define QUOTE_INDENT 20.0
#define RULE_SPACE   12.0
#define CHART_BEFORE 8.0
#define CHART_AFTER  12.0
#define TABLE_BEFORE 8.0
#define TABLE_AFTER  12.0
#define CAPTION_GAP  6.0  /* between a chart and its caption */
#define HEAD_GAP     2.0  /* between two lines of the letterhead */
#define HEAD_RULE    8.0  /* above the letterhead's rule */
#define HEAD_AFTER   20.0 /* below it */
#define MAX_INDENT   180.0
#define MAX_DEPTH    32

static const struct heading_style {
	double size, leading, before, after;
} heading_styles[] = {
    {18, 22, 24, 10}, /* h1 */
    {14, 18, 20, 6},  /* h2 */
    {12, 16, 14, 4},  /* h3 */
    {12, 16, 12, 4},  /* h4 to h6 */
};

/* Bullets by list level: black bullet, white bullet, small black square. */
static const char *const bullets[] = {"\xE2\x80\xA2", "\xE2\x97\xA6",
                                      "\xE2\x96\xAA"};

struct frame {
	cmark_node_type type;
	unsigned id;   /* lists, items and quotes: their struct nest id */
	double indent; /* left edge of the blocks inside */
	size_t nblock; /* blocks in the flow when it opened */
	/* CMARK_NODE_LIST */
	bool ordered;
	int number; /* the next item's number */
	char delim;
	int level; /* bullet lists: 1 when in no other */
	/* CMARK_NODE_ITEM: the marker waiting for the item's first block */
	const char *marker;
	enum marker_align align;
	double marker_x;
};

struct walker {
	struct flow *f;
	struct arena *a;
	const char *path;
	int line_offset;
	const struct render_opts *opts;
	struct diag_sink *d;
	struct frame stack[MAX_DEPTH];
	int depth;
	int over; /* containers entered beyond MAX_DEPTH, not pushed */
	int quotes;
	int callouts; /* call-outs being walked, one inside the other */
	unsigned quote_id[FLOW_QUOTES];
	double quote_x[FLOW_QUOTES];
	unsigned next_quote;
	unsigned next_nest;
	int bullet_lists; /* bullet lists open */
	size_t cur;       /* the text block taking runs, or SIZE_MAX */
	size_t merge0;    /* the first run new text may merge into */
	size_t *runoff;   /* each run's offset in f->text */
	size_t runoffcap;
	int strong;
	int link;
	double pad;        /* quote padding owed to the next block */
	cmark_node *image; /* skipping an image's alt text until its exit */
	int rc;
};

static double
cur_indent(const struct walker *w)
{
	return w->depth > 0 ? w->stack[w->depth - 1].indent : 0;
}

static double
clamp_indent(double x)
{
	return x < MAX_INDENT ? x : MAX_INDENT;
}

/* Pushes a frame for a container, or NULL when nested too deep. */
static struct frame *
push_frame(struct walker *w, cmark_node_type type)
{
	if (w->over > 0 || w->depth == MAX_DEPTH) {
		w->over++;
		return NULL;
	}
	double indent = cur_indent(w);
	struct frame *fr = &w->stack[w->depth++];
	memset(fr, 0, sizeof(*fr));
	fr->type = type;
	fr->id = ++w->next_nest;
	fr->indent = indent;
	fr->nblock = w->f->n;
	return fr;
}

/* Pops the container being closed, or NULL when it was never pushed. */
static struct frame *
pop_frame(struct walker *w)
{
	if (w->over > 0) {
		w->over--;
		return NULL;
	}
	return &w->stack[--w->depth];
}

static int
node_line(const struct walker *w, cmark_node *node)
{
	return cmark_node_get_start_line(node) + w->line_offset;
}

/* Gives b the innermost waiting list marker; outer ones are dropped. */
static void
take_marker(struct walker *w, struct block *b)
{
	for (int i = w->depth - 1; i >= 0; i--) {
		struct frame *fr = &w->stack[i];
		if (fr->type != CMARK_NODE_ITEM || fr->marker == NULL)
			continue;
		if (b->marker == NULL) {
			b->marker = fr->marker;
			b->marker_align = fr->align;
			b->marker_x = fr->marker_x;
		}
		fr->marker = NULL;
	}
}

/* Records the lists, items and quotes open around b. */
static void
set_nest(const struct walker *w, struct block *b)
{
	for (int i = 0; i < w->depth && b->nnest < FLOW_NEST; i++) {
		const struct frame *fr = &w->stack[i];
		enum nest_kind k;
		if (fr->type == CMARK_NODE_LIST)
			k = NEST_LIST;
		else if (fr->type == CMARK_NODE_ITEM)
			k = NEST_ITEM;
		else if (fr->type == CMARK_NODE_BLOCK_QUOTE)
			k = NEST_QUOTE;
		else
			continue;
		b->nest[b->nnest++] = (struct nest){k, fr->id};
	}
}

static struct block *
new_block(struct walker *w, enum block_kind kind, cmark_node *node)
{
	struct flow *f = w->f;
	if (f->n == f->cap)
		f->block =
		    xgrow(f->block, &f->cap, f->n + 1, sizeof(*f->block));
	struct block *b = &f->block[f->n++];
	memset(b, 0, sizeof(*b));
	b->kind = kind;
	b->line = node_line(w, node);
	b->col = cmark_node_get_start_column(node);
	b->indent = cur_indent(w);
	b->size = BODY_SIZE;
	b->leading = BODY_LEADING;
	b->space_after = PARA_AFTER;
	b->pad_before = w->pad;
	w->pad = 0;
	b->inset = w->quotes > 0 ? FLOW_QUOTE_INSET : 0;
	b->nquote = w->quotes < FLOW_QUOTES ? w->quotes : FLOW_QUOTES;
	for (int i = 0; i < b->nquote; i++) {
		b->quote_id[i] = w->quote_id[i];
		b->quote_x[i] = w->quote_x[i];
	}
	b->run0 = f->nrun;
	take_marker(w, b);
	set_nest(w, b);
	return b;
}

/* Appends text to the current block as a run in face; tabs and control
 * characters other than the newline of a hard break become spaces. */
static void
add_text(struct walker *w, const char *s, size_t n, enum font_role face,
         double size)
{
	struct flow *f = w->f;
	if (w->cur == SIZE_MAX || n == 0)
		return;
	struct block *b = &f->block[w->cur];
	size_t off = f->text.len;
	buf_append(&f->text, s, n);
	for (size_t i = off; i < f->text.len; i++)
		if ((unsigned char)f->text.data[i] < 0x20 &&
		    f->text.data[i] != '\n')
			f->text.data[i] = ' ';
	if (b->nruns > 0 && f->nrun > w->merge0) {
		struct run *last = &f->run[f->nrun - 1];
		if (last->face == face && last->size == size &&
		    last->link == w->link &&
		    w->runoff[f->nrun - 1] + last->len == off) {
			last->len += n;
			return;
		}
	}
	if (f->nrun == f->runcap)
		f->run =
		    xgrow(f->run, &f->runcap, f->nrun + 1, sizeof(*f->run));
	if (f->nrun == w->runoffcap)
		w->runoff = xgrow(w->runoff, &w->runoffcap, f->nrun + 1,
		                  sizeof(*w->runoff));
	w->runoff[f->nrun] = off;
	f->run[f->nrun++] =
	    (struct run){.len = n, .face = face, .size = size, .link = w->link};
	b->nruns++;
}

static void
add_inline(struct walker *w, const char *s, enum font_role face)
{
	if (w->cur == SIZE_MAX)
		return;
	const struct block *b = &w->f->block[w->cur];
	double size = b->size;
	if (face == FONT_MONO)
		size -= MONO_SHRINK;
	else if (w->strong > 0 || b->heading)
		face = FONT_BOLD;
	add_text(w, s, strlen(s), face, size);
}

static bool
block_blank(const struct walker *w, const struct block *b)
{
	for (size_t r = b->run0; r < b->run0 + b->nruns; r++)
		for (size_t i = 0; i < w->f->run[r].len; i++) {
			char c = w->f->text.data[w->runoff[r] + i];
			if (c != ' ' && c != '\n')
				return false;
		}
	return true;
}

/* Closes the current text block, dropping it when it holds no text and
 * no marker (its quote padding passes to the next block). */
static void
end_text(struct walker *w)
{
	if (w->cur == SIZE_MAX)
		return;
	struct flow *f = w->f;
	struct block *b = &f->block[w->cur];
	w->cur = SIZE_MAX;
	if (b->marker != NULL || !block_blank(w, b))
		return;
	w->pad += b->pad_before;
	f->nrun = b->run0;
	f->n--;
}

/* The plain text of block b, runs joined, breaks as spaces. */
static const char *
block_title(struct walker *w, const struct block *b)
{
	struct buf t;
	buf_init(&t);
	for (size_t r = b->run0; r < b->run0 + b->nruns; r++)
		buf_append(&t, w->f->text.data + w->runoff[r],
		           w->f->run[r].len);
	for (size_t i = 0; i < t.len; i++)
		if (t.data[i] == '\n')
			t.data[i] = ' ';
	const char *s = arena_strdup(w->a, buf_cstr(&t));
	buf_release(&t);
	return s;
}

static void
open_text(struct walker *w, cmark_node *node)
{
	struct block *b = new_block(w, BLOCK_TEXT, node);
	w->cur = w->f->n - 1;
	if (cmark_node_get_type(node) == CMARK_NODE_HEADING) {
		int level = cmark_node_get_heading_level(node);
		const struct heading_style *hs =
		    &heading_styles[level < 4 ? level - 1 : 3];
		b->heading = level;
		b->size = hs->size;
		b->leading = hs->leading;
		b->space_before = hs->before;
		b->space_after = hs->after;
		return;
	}
	cmark_node *item = cmark_node_parent(node);
	if (cmark_node_get_type(item) == CMARK_NODE_ITEM &&
	    cmark_node_get_list_tight(cmark_node_parent(item)))
		b->space_after = TIGHT_AFTER;
}

static void
close_heading(struct walker *w)
{
	if (w->cur == SIZE_MAX)
		return;
	struct block *b = &w->f->block[w->cur];
	b->title = block_title(w, b);
	if (b->heading == 1 && w->f->first_h1 == NULL && *b->title)
		w->f->first_h1 = b->title;
	end_text(w);
}

static void
open_quote(struct walker *w, cmark_node *node)
{
	struct frame *fr = push_frame(w, CMARK_NODE_BLOCK_QUOTE);
	if (fr == NULL)
		return;
	if (w->quotes < FLOW_QUOTES) {
		w->quote_id[w->quotes] = ++w->next_quote;
		w->quote_x[w->quotes] = fr->indent;
	}
	w->quotes++;
	fr->indent = clamp_indent(fr->indent + QUOTE_INDENT);
	w->pad += FLOW_QUOTE_PAD;
}

static void
close_quote(struct walker *w)
{
	struct frame *fr = pop_frame(w);
	if (fr == NULL)
		return;
	w->quotes--;
	if (w->f->n == fr->nblock)
		w->pad -= FLOW_QUOTE_PAD;
	else
		w->f->block[w->f->n - 1].pad_after += FLOW_QUOTE_PAD;
}

static void
open_list(struct walker *w, cmark_node *node)
{
	struct frame *fr = push_frame(w, CMARK_NODE_LIST);
	if (fr == NULL)
		return;
	fr->ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
	fr->number = cmark_node_get_list_start(node);
	fr->delim =
	    cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM ? ')' : '.';
	if (!fr->ordered)
		fr->level = ++w->bullet_lists;
}

/* After a list, the space after a paragraph; after a list nested in an
 * item, the space between the outer list's items. */
static void
close_list(struct walker *w, cmark_node *node)
{
	struct frame *fr = pop_frame(w);
	if (fr == NULL)
		return;
	double after = PARA_AFTER;
	cmark_node *item = cmark_node_parent(node);
	if (cmark_node_get_type(item) == CMARK_NODE_ITEM &&
	    cmark_node_get_list_tight(cmark_node_parent(item)))
		after = TIGHT_AFTER;
	if (!fr->ordered)
		w->bullet_lists--;
	struct block *last =
	    w->f->n > fr->nblock ? &w->f->block[w->f->n - 1] : NULL;
	if (last && last->space_after < after)
		last->space_after = after;
}

static void
open_item(struct walker *w)
{
	struct frame *list =
	    w->depth > 0 && w->over == 0 ? &w->stack[w->depth - 1] : NULL;
	struct frame *fr = push_frame(w, CMARK_NODE_ITEM);
	if (fr == NULL)
		return;
	double edge = fr->indent;
	fr->indent = clamp_indent(edge + LIST_INDENT);
	if (list && list->type == CMARK_NODE_LIST && list->ordered) {
		fr->marker =
		    arena_printf(w->a, "%d%c", list->number++, list->delim);
		fr->align = MARKER_RIGHT;
		fr->marker_x = fr->indent - NUMBER_GAP;
	} else {
		int level =
		    list && list->type == CMARK_NODE_LIST ? list->level : 1;
		fr->marker = bullets[(level - 1) % 3];
		fr->align = MARKER_LEFT;
		fr->marker_x = edge + BULLET_X;
	}
}

static void
close_item(struct walker *w, cmark_node *node)
{
	if (w->over == 0 && w->stack[w->depth - 1].marker != NULL) {
		/* An empty item: its marker on a line of its own. */
		open_text(w, node);
		if (cmark_node_get_list_tight(cmark_node_parent(node)))
			w->f->block[w->cur].space_after = TIGHT_AFTER;
		add_text(w, " ", 1, FONT_REGULAR, BODY_SIZE);
		end_text(w);
	}
	pop_frame(w);
}

static void
add_code_block(struct walker *w, cmark_node *node)
{
	const char *s = cmark_node_get_literal(node);
	size_t n = s ? strlen(s) : 0;
	while (n > 0 && s[n - 1] == '\n')
		n--;
	struct block *b = new_block(w, BLOCK_TEXT, node);
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
			add_text(w, "\xC2\xA0", 2, FONT_MONO, CODE_SIZE);
		size_t stop =
		    e < n ? e + 1 : e; /* the newline breaks the line */
		add_text(w, s + k, stop - k, FONT_MONO, CODE_SIZE);
		i = stop;
	}
	end_text(w);
}

static void
add_rule(struct walker *w, cmark_node *node)
{
	struct block *b = new_block(w, BLOCK_RULE, node);
	b->space_before = b->space_after = RULE_SPACE;
}

/* Returns the scene of image node's chart, or NULL after reporting. */
static const struct scene *
find_chart(struct walker *w, cmark_node *node)
{
	cmark_node *blk = node;
	while (cmark_node_get_type(blk) > CMARK_NODE_LAST_BLOCK)
		blk = cmark_node_parent(blk);
	int line = node_line(w, blk), col = cmark_node_get_start_column(blk);
	const char *url = cmark_node_get_url(node);
	if (url == NULL || strncmp(url, "chart:", 6) != 0) {
		diag_error(w->d, w->path, line, col,
		           "image '%s' is not a chart", url ? url : "");
		diag_hint(
		    w->d,
		    "the letter can show only charts: ![alt text](chart:NAME)");
		return NULL;
	}
	const struct scene *sc = NULL;
	if (w->opts && w->opts->chart)
		sc = w->opts->chart(w->opts->chart_ctx, url + 6);
	if (sc == NULL)
		diag_error(w->d, w->path, line, col, "unknown chart '%s'",
		           url + 6);
	return sc;
}

/* The plain text of an image's description: its alt text. */
static const char *
image_alt(struct walker *w, cmark_node *image)
{
	struct buf t;
	buf_init(&t);
	cmark_iter *it = cmark_iter_new(image);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		cmark_node_type type = cmark_node_get_type(n);
		if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) {
			const char *s = cmark_node_get_literal(n);
			buf_append(&t, s, strlen(s));
		} else if (type == CMARK_NODE_SOFTBREAK ||
		           type == CMARK_NODE_LINEBREAK) {
			buf_putc(&t, ' ');
		}
	}
	cmark_iter_free(it);
	const char *s = arena_strdup(w->a, buf_cstr(&t));
	buf_release(&t);
	return s;
}

/* A chart splits its paragraph: text before, the chart, text after. */
static void
add_chart(struct walker *w, cmark_node *node)
{
	w->image = node;
	const struct scene *sc = find_chart(w, node);
	if (sc == NULL) {
		w->rc = -1;
		return;
	}
	if (w->cur == SIZE_MAX)
		return;
	struct flow *f = w->f;
	struct block para = f->block[w->cur];
	struct block *b = &f->block[w->cur];
	if (block_blank(w, b)) {
		f->nrun = b->run0;
	} else {
		b = new_block(w, BLOCK_CHART, node);
		b->line = para.line;
		b->col = para.col;
	}
	b->kind = BLOCK_CHART;
	b->nruns = 0;
	b->heading = 0;
	b->scene = sc;
	b->alt = image_alt(w, node);
	b->space_before = CHART_BEFORE;
	b->space_after = CHART_AFTER;
	b = new_block(w, BLOCK_TEXT, node);
	w->cur = f->n - 1;
	b->line = para.line;
	b->col = para.col;
	b->heading = para.heading;
	b->size = para.size;
	b->leading = para.leading;
	b->space_after = para.space_after;
}

static const char *
add_link(struct walker *w, cmark_node *node)
{
	struct flow *f = w->f;
	const char *url = cmark_node_get_url(node);
	if (f->nlink == f->linkcap)
		f->link =
		    xgrow(f->link, &f->linkcap, f->nlink + 1, sizeof(*f->link));
	f->link[f->nlink] = arena_strdup(w->a, url ? url : "");
	w->link = (int)f->nlink++;
	return f->link[w->link];
}

static void walk_node(struct walker *w, cmark_node *node, bool enter);

/* Walks the inlines of a cell's document (a table cell, a line of the
 * letterhead: what names it in messages) into the current block's runs.
 * A chart cannot sit there: an image is an error at line, col. */
static void
walk_cell(struct walker *w, cmark_node *doc, const char *what, int line,
          int col)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_node *skip = NULL;
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(it);
		cmark_node_type type = cmark_node_get_type(node);
		if (skip != NULL) {
			if (node == skip && ev == CMARK_EVENT_EXIT)
				skip = NULL;
		} else if (type == CMARK_NODE_IMAGE) {
			const char *url = cmark_node_get_url(node);
			diag_error(w->d, w->path, line, col,
			           "%s cannot show image '%s'", what,
			           url ? url : "");
			diag_hint(w->d,
			          "put a chart in a paragraph of its own");
			w->rc = -1;
			skip = node;
		} else if (type > CMARK_NODE_LAST_BLOCK) {
			walk_node(w, node, ev == CMARK_EVENT_ENTER);
		}
	}
	cmark_iter_free(it);
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
	                node_line(w, node), cmark_node_get_start_column(node),
	                w->d) < 0) {
		w->rc = -1;
		return;
	}
	struct flow *f = w->f;
	struct block *b = new_block(w, BLOCK_TABLE, node);
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

static void add_callout(struct walker *w, cmark_node *node);

static bool
is_callout(const char *info)
{
	return info && !strcmp(info, "callout");
}

/* The renderer's one switch: enter opens, exit closes. */
static void
walk_node(struct walker *w, cmark_node *node, bool enter)
{
	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_BLOCK_QUOTE:
		enter ? open_quote(w, node) : close_quote(w);
		break;
	case CMARK_NODE_LIST:
		enter ? open_list(w, node) : close_list(w, node);
		break;
	case CMARK_NODE_ITEM:
		enter ? open_item(w) : close_item(w, node);
		break;
	case CMARK_NODE_PARAGRAPH:
		enter ? open_text(w, node) : end_text(w);
		break;
	case CMARK_NODE_HEADING:
		enter ? open_text(w, node) : close_heading(w);
		break;
	case CMARK_NODE_CODE_BLOCK:
		if (table_is_fence(cmark_node_get_fence_info(node)))
			add_table(w, node);
		else if (is_callout(cmark_node_get_fence_info(node)))
			add_callout(w, node);
		else
			add_code_block(w, node);
		break;
	case CMARK_NODE_THEMATIC_BREAK:
		add_rule(w, node);
		break;
	case CMARK_NODE_TEXT:
		add_inline(w, cmark_node_get_literal(node), FONT_REGULAR);
		break;
	case CMARK_NODE_CODE:
		add_inline(w, cmark_node_get_literal(node), FONT_MONO);
		break;
	case CMARK_NODE_SOFTBREAK:
		add_inline(w, " ", FONT_REGULAR);
		break;
	case CMARK_NODE_LINEBREAK:
		add_inline(w, "\n", FONT_REGULAR);
		break;
	case CMARK_NODE_STRONG:
		w->strong += enter ? 1 : -1;
		break;
	case CMARK_NODE_LINK:
		if (enter)
			add_link(w, node);
		else
			w->link = -1;
		break;
	case CMARK_NODE_IMAGE:
		if (enter)
			add_chart(w, node);
		break;
	default: /* document, emphasis (drawn as regular text), raw HTML */
		break;
	}
}

static void
walk_document(struct walker *w, const char *md, size_t len)
{
	cmark_node *doc =
	    cmark_parse_document(md, len, CMARK_OPT_VALIDATE_UTF8);
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(it);
		if (w->image != NULL) {
			if (node == w->image && ev == CMARK_EVENT_EXIT)
				w->image = NULL;
			continue;
		}
		walk_node(w, node, ev == CMARK_EVENT_ENTER);
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
}

/* A fenced block with the info string "callout" holds Markdown drawn as a
 * boxed call-out, as a block quote is, but free to hold several
 * paragraphs: a template cannot put '>' before each line of a value. */
static void
add_callout(struct walker *w, cmark_node *node)
{
	if (w->callouts >= FLOW_MAX_CALLOUTS) {
		diag_error(w->d, w->path, node_line(w, node),
		           cmark_node_get_start_column(node),
		           "call-outs nested deeper than %d", FLOW_MAX_CALLOUTS);
		w->rc = -1;
		return;
	}
	const char *s = cmark_node_get_literal(node);
	int saved = w->line_offset;
	/* the block's first line is the line after its fence */
	w->line_offset = node_line(w, node);
	open_quote(w, node);
	w->callouts++;
	walk_document(w, s ? s : "", s ? strlen(s) : 0);
	w->callouts--;
	close_quote(w);
	w->line_offset = saved;
}

int
flow_build(struct flow *f, struct arena *a, const char *path, const char *md,
           size_t len, int line_offset, const struct render_opts *opts,
           struct diag_sink *d)
{
	memset(f, 0, sizeof(*f));
	buf_init(&f->text);
	struct walker w = {.f = f,
	                   .a = a,
	                   .path = path,
	                   .line_offset = line_offset,
	                   .opts = opts,
	                   .d = d,
	                   .cur = SIZE_MAX,
	                   .link = -1};
	walk_document(&w, md, len);
	for (size_t r = 0; r < f->nrun; r++)
		f->run[r].text = f->text.data + w.runoff[r];
	free(w.runoff);
	return w.rc;
}

void
flow_release(struct flow *f)
{
	free(f->block);
	free(f->run);
	free(f->cell);
	free(f->link);
	buf_release(&f->text);
	memset(f, 0, sizeof(*f));
}
