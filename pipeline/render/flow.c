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
 * Code blocks, and the fences that make tables, call-outs and the
 * letterhead, are flow_fence.c's.
 *
 * What page.c needs to keep things together is marked here: a paragraph
 * holding a hard line break (an address, a signature) is kept whole; a
 * chart's title becomes its caption, a block of its own after it. */
#include "render/flow.h"

#include <cmark.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "chart/scene.h"
#include "core/alloc.h"
#include "core/arena.h"
#include "render/flow_int.h"
#include "render/redline.h"
#include "render/render.h"

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

int
flow_node_line(const struct walker *w, cmark_node *node)
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

struct block *
flow_new_block(struct walker *w, enum block_kind kind, cmark_node *node)
{
	struct flow *f = w->f;
	if (f->n == f->cap)
		f->block =
		    xgrow(f->block, &f->cap, f->n + 1, sizeof(*f->block));
	struct block *b = &f->block[f->n++];
	memset(b, 0, sizeof(*b));
	b->kind = kind;
	b->line = flow_node_line(w, node);
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
	w->mark = MARK_NONE; /* a block starts unmarked */
	take_marker(w, b);
	set_nest(w, b);
	return b;
}

/* Appends text to the current block as a run in face; tabs and control
 * characters other than the newline of a hard break become spaces. */
static void
add_run(struct walker *w, const char *s, size_t n, enum font_role face,
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
		    last->link == w->link && last->mark == w->mark &&
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
	f->run[f->nrun++] = (struct run){.len = n,
	                                 .face = face,
	                                 .size = size,
	                                 .link = w->link,
	                                 .mark = (unsigned char)w->mark};
	b->nruns++;
}

/* A redline's marks (render/redline.h) set the mark of the text after
 * them and are not shown; without opts->marks, text is added as it is. */
void
flow_add_text(struct walker *w, const char *s, size_t n, enum font_role face,
              double size)
{
	if (!w->marks) {
		add_run(w, s, n, face, size);
		return;
	}
	size_t start = 0;
	for (size_t i = 0; i < n;) {
		size_t len;
		int m = redline_marker(s + i, n - i, &len);
		if (m < 0) {
			i++;
			continue;
		}
		add_run(w, s + start, i - start, face, size);
		w->mark = m;
		i += len;
		start = i;
	}
	add_run(w, s + start, n - start, face, size);
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
	flow_add_text(w, s, strlen(s), face, size);
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
void
flow_end_text(struct walker *w)
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
	struct block *b = flow_new_block(w, BLOCK_TEXT, node);
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
	flow_end_text(w);
}

void
flow_open_quote(struct walker *w, cmark_node *node)
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

void
flow_close_quote(struct walker *w)
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

/* The hang of ordered list node's items: room for its widest number
 * (its last: digits are all as wide) and the gap after it, and never
 * less than a bullet list's, so that no number sticks out to the left. */
static double
number_hang(const struct walker *w, cmark_node *node, int start, char delim)
{
	long last = start - 1L;
	for (cmark_node *it = cmark_node_first_child(node); it != NULL;
	     it = cmark_node_next(it))
		last++;
	char s[32];
	int n = snprintf(s, sizeof(s), "%ld%c", last, delim);
	double width = n * BODY_SIZE * 0.6;
	if (w->opts && w->opts->fonts)
		width = font_width(w->opts->fonts->face[FONT_REGULAR], s,
		                   (size_t)n, BODY_SIZE);
	return width + NUMBER_GAP > LIST_INDENT ? width + NUMBER_GAP
	                                        : LIST_INDENT;
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
	fr->hang = fr->ordered ? number_hang(w, node, fr->number, fr->delim)
	                       : LIST_INDENT;
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
	double hang =
	    list && list->type == CMARK_NODE_LIST ? list->hang : LIST_INDENT;
	fr->indent = clamp_indent(edge + hang);
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
		flow_add_text(w, " ", 1, FONT_REGULAR, BODY_SIZE);
		flow_end_text(w);
	}
	pop_frame(w);
}

static void
add_rule(struct walker *w, cmark_node *node)
{
	struct block *b = flow_new_block(w, BLOCK_RULE, node);
	b->space_before = b->space_after = RULE_SPACE;
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

/* The title of a chart's image, when it holds text, as the chart's
 * caption: a block of its own right after the chart. */
static void
add_caption(struct walker *w, cmark_node *image, size_t chart,
            const struct block *para)
{
	const char *title = cmark_node_get_title(image);
	size_t n = title ? strlen(title) : 0;
	if (n == strspn(title ? title : "", " \t\r\n"))
		return;
	struct flow *f = w->f;
	f->block[chart].space_after = CAPTION_GAP;
	struct block *b = flow_new_block(w, BLOCK_TEXT, image);
	w->cur = f->n - 1;
	b->line = para->line;
	b->col = para->col;
	b->caption = b->keep = true;
	b->space_before = CAPTION_GAP;
	b->space_after = CHART_AFTER;
	for (size_t i = 0; i < n;) {
		size_t k = strcspn(title + i, "\r\n");
		flow_add_text(w, title + i, k, FONT_REGULAR, BODY_SIZE);
		if (i + k < n)
			flow_add_text(w, " ", 1, FONT_REGULAR, BODY_SIZE);
		i += k + (i + k < n);
	}
	flow_end_text(w);
}

/* A chart splits its paragraph: text before, the chart (and its caption),
 * text after. */
static void
add_chart(struct walker *w, cmark_node *node)
{
	w->image = node;
	const struct scene *sc =
	    render_chart(w->opts, node, w->path, w->line_offset, w->d);
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
		b = flow_new_block(w, BLOCK_CHART, node);
		b->line = para.line;
		b->col = para.col;
	}
	b->kind = BLOCK_CHART;
	b->nruns = 0;
	b->heading = 0;
	b->scene = sc;
	/* the template's words, then the chart's own account of its data */
	b->alt = image_alt(w, node);
	if (sc->alt != NULL && *sc->alt != '\0')
		b->alt = *b->alt ? arena_printf(w->a, "%s. %s", b->alt, sc->alt)
		                 : sc->alt;
	b->space_before = CHART_BEFORE;
	b->space_after = CHART_AFTER;
	add_caption(w, node, (size_t)(b - f->block), &para);
	b = flow_new_block(w, BLOCK_TEXT, node);
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

/* A paragraph set line by line with hard breaks (an address, a
 * signature) reads as one piece: it is kept whole on a page. */
static void
keep_lines(struct walker *w)
{
	if (w->cur == SIZE_MAX)
		return;
	struct block *b = &w->f->block[w->cur];
	if (b->kind == BLOCK_TEXT && !b->heading)
		b->keep = true;
}

/* The renderer's one switch: enter opens, exit closes. */
void
flow_walk_node(struct walker *w, cmark_node *node, bool enter)
{
	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_BLOCK_QUOTE:
		enter ? flow_open_quote(w, node) : flow_close_quote(w);
		break;
	case CMARK_NODE_LIST:
		enter ? open_list(w, node) : close_list(w, node);
		break;
	case CMARK_NODE_ITEM:
		enter ? open_item(w) : close_item(w, node);
		break;
	case CMARK_NODE_PARAGRAPH:
		enter ? open_text(w, node) : flow_end_text(w);
		break;
	case CMARK_NODE_HEADING:
		enter ? open_text(w, node) : close_heading(w);
		break;
	case CMARK_NODE_CODE_BLOCK:
		flow_add_code(w, node);
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
		keep_lines(w);
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

void
flow_walk_document(struct walker *w, const char *md, size_t len)
{
	cmark_node *doc =
	    cmark_parse_document(md, len, CMARK_OPT_VALIDATE_UTF8);
	if (render_check_nesting(doc, w->path, w->line_offset, w->d) < 0) {
		w->rc = -1;
		cmark_node_free(doc);
		return;
	}
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(it);
		if (w->image != NULL) {
			if (node == w->image && ev == CMARK_EVENT_EXIT)
				w->image = NULL;
			continue;
		}
		flow_walk_node(w, node, ev == CMARK_EVENT_ENTER);
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
}

static int
build(struct flow *f, struct arena *a, const char *path, const char *md,
      size_t len, int line_offset, const struct render_opts *opts, bool marks,
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
	                   .link = -1,
	                   .marks = marks};
	flow_walk_document(&w, md, len);
	for (size_t r = 0; r < f->nrun; r++)
		f->run[r].text = f->text.data + w.runoff[r];
	free(w.runoff);
	return w.rc;
}

int
flow_build(struct flow *f, struct arena *a, const char *path, const char *md,
           size_t len, int line_offset, const struct render_opts *opts,
           struct diag_sink *d)
{
	return build(f, a, path, md, len, line_offset, opts, false, d);
}

int
flow_build_marked(struct flow *f, struct arena *a, const char *path,
                  const char *md, size_t len, int line_offset,
                  const struct render_opts *opts, struct diag_sink *d)
{
	return build(f, a, path, md, len, line_offset, opts, true, d);
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
