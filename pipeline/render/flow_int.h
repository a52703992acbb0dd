/* What flow.c (the walk) and flow_fence.c (code blocks, tables, call-outs,
 * the letterhead) share: the house style, the walker's state, and the
 * walk's steps the fences call back into. Internal to flow_build
 * (flow.h). */
#ifndef JTAI_RENDER_FLOW_INT_H
#define JTAI_RENDER_FLOW_INT_H

#include <cmark.h>
#include <stdbool.h>
#include <stddef.h>

#include "render/flow.h"

struct arena;
struct diag_sink;
struct render_opts;

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
#define CHART_BEFORE 12.0
#define CHART_AFTER  12.0
#define TABLE_BEFORE 8.0
#define TABLE_AFTER  12.0
#define CAPTION_GAP  6.0  /* between a chart and its caption */
#define HEAD_GAP     2.0  /* between two lines of the letterhead */
#define HEAD_RULE    8.0  /* above the letterhead's rule */
#define HEAD_AFTER   20.0 /* below it */
#define MAX_INDENT   180.0
#define MAX_DEPTH    32

struct frame {
	cmark_node_type type;
	unsigned id;   /* lists, items and quotes: their struct nest id */
	double indent; /* left edge of the blocks inside */
	size_t nblock; /* blocks in the flow when it opened */
	/* CMARK_NODE_LIST */
	bool ordered;
	int number; /* the next item's number */
	char delim;
	int level;   /* bullet lists: 1 when in no other */
	double hang; /* from the list's edge to its items' text */
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
	bool marks;        /* read a redline's marks (render/redline.h) */
	int mark;          /* the redline mark of new text */
	double pad;        /* quote padding owed to the next block */
	cmark_node *image; /* skipping an image's alt text until its exit */
	int rc;
};

/* The line in the file where node starts. */
int flow_node_line(const struct walker *w, cmark_node *node);
/* Appends a block of kind for node with the containers' indent, quotes,
 * marker and nesting. Returns it; valid until the next block. */
struct block *flow_new_block(struct walker *w, enum block_kind kind,
                             cmark_node *node);
/* Appends text to the current block as a run in face and size. */
void flow_add_text(struct walker *w, const char *s, size_t n,
                   enum font_role face, double size);
/* Closes the current text block, dropping it when it shows nothing. */
void flow_end_text(struct walker *w);
/* The walk's switch over node types, for one event. */
void flow_walk_node(struct walker *w, cmark_node *node, bool enter);
/* Parses md (len bytes) with cmark and walks it. */
void flow_walk_document(struct walker *w, const char *md, size_t len);
/* Opens and closes a quote box around the blocks between. */
void flow_open_quote(struct walker *w, cmark_node *node);
void flow_close_quote(struct walker *w);

/* flow_fence.c: a code block, fenced or indented: a table, a call-out,
 * the letterhead, or code. */
void flow_add_code(struct walker *w, cmark_node *node);

#endif
