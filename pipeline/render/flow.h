/* The flow: letter.md as a list of blocks to lay out, built by one walk of
 * the cmark tree. A block is a paragraph or heading (a list of runs that
 * the line breaker will break), a thematic break, a chart or a table (see
 * table.h; each cell a list of runs), with its
 * indent, list marker, spacing and the quote boxes around it. The house
 * style (sizes, spacing, indents) is decided here; where blocks fall on
 * pages is page.c's job, helped by what is marked here: a paragraph of
 * hard-broken lines (a signature) to keep whole, a chart's caption (the
 * image's title, `![alt](chart:NAME "Caption")`, a text block right after
 * the chart), and the letterhead (a ```letterhead fence opening the
 * letter: one bold block per line, then a rule). */
#ifndef JTAI_RENDER_FLOW_H
#define JTAI_RENDER_FLOW_H

#include <stdbool.h>
#include <stddef.h>

#include "core/buf.h"
#include "render/layout.h"
#include "render/table.h"

struct arena;
struct diag_sink;
struct render_opts;
struct scene;

enum block_kind { BLOCK_TEXT, BLOCK_RULE, BLOCK_CHART, BLOCK_TABLE };
enum marker_align { MARKER_LEFT, MARKER_RIGHT };

/* Quote boxes drawn around a block; deeper quotes indent but add no box. */
#define FLOW_QUOTES 4
/* Call-outs (```callout blocks) nested this deep at most. */
#define FLOW_MAX_CALLOUTS 4
/* Space between a quote box's edge and the text inside, above and below. */
#define FLOW_QUOTE_PAD 8.0
/* Space between a quote box's right edge and the text inside. */
#define FLOW_QUOTE_INSET 12.0

/* The containers around a block, for the structure tree of a tagged PDF
 * (render/tag.c): a list, one of its items, or a quote or call-out. Each
 * has an id unique in the flow; blocks in the same container share it. */
enum nest_kind { NEST_LIST, NEST_ITEM, NEST_QUOTE };
struct nest {
	enum nest_kind kind;
	unsigned id;
};
/* Containers recorded per block, outermost first; deeper ones are left
 * out of the structure (the blocks inside join the deepest recorded). */
#define FLOW_NEST 8

struct block {
	enum block_kind kind;
	int heading;          /* 1 to 6 for a heading, else 0 */
	int line, col;        /* where it starts in the file */
	double indent;        /* text's left edge from the margin */
	double inset;         /* text's right edge from the margin */
	double size, leading; /* font size and line height, pt */
	double space_before,
	    space_after;              /* between two blocks the larger wins */
	double pad_before, pad_after; /* added to that: quote box padding */
	size_t run0, nruns;           /* BLOCK_TEXT: runs in flow.run */
	const char *marker;           /* list marker of the first line */
	enum marker_align marker_align;
	double marker_x; /* the marker's left or right edge */
	int nquote;      /* quote boxes around, outermost first */
	unsigned quote_id[FLOW_QUOTES];
	double quote_x[FLOW_QUOTES]; /* each box's left edge */
	const char *title;           /* heading: plain text, for the outline */
	const struct scene *scene;   /* BLOCK_CHART */
	size_t cell0, nrow, ncol;    /* BLOCK_TABLE: cells in flow.cell */
	bool header;                 /* BLOCK_TABLE: row 0 is a header */
	const char *alt;             /* BLOCK_CHART: the image's alt text */
	bool keep;       /* BLOCK_TEXT: never split across pages (page.c) */
	bool caption;    /* BLOCK_TEXT: the caption of the chart before it */
	bool letterhead; /* the letterhead band opening page 1 */
	bool new_page;   /* starts a page (a redline's letter after its
	                  * summary) */
	int nnest;
	struct nest nest[FLOW_NEST]; /* outermost first */
};

/* A table cell: one paragraph of runs in flow.run. A table's cells are
 * stored row by row; its block's runs span all of theirs. */
struct cell {
	size_t run0, nruns;
	enum cell_align align;
};

struct flow {
	struct block *block;
	size_t n, cap;
	struct run *run;
	size_t nrun, runcap;
	struct cell *cell;
	size_t ncell, cellcap;
	const char **link; /* link targets as written in the Markdown */
	size_t nlink, linkcap;
	const char *first_h1; /* text of the first level-1 heading, or NULL */
	struct buf text;      /* the runs' text */
};

/* Parses md (len bytes; its line 1 is line 1 + line_offset of path) and
 * builds f, which the caller provides and later frees with flow_release;
 * strings are owned by a, scenes by the caller of opts->chart. Returns 0,
 * or -1 after reporting into d (every bad image is reported). */
int flow_build(struct flow *f, struct arena *a, const char *path,
               const char *md, size_t len, int line_offset,
               const struct render_opts *opts, struct diag_sink *d);
/* flow_build for a redline: the marks of render/redline.h in md set the
 * mark of the runs after them, and are not shown. */
int flow_build_marked(struct flow *f, struct arena *a, const char *path,
                      const char *md, size_t len, int line_offset,
                      const struct render_opts *opts, struct diag_sink *d);
void flow_release(struct flow *f);

#endif
