/* Laid-out pages: the flow placed on A4 pages as positioned text, rules,
 * quote boxes, link areas, charts and table cells, with the running
 * footers and the headings for the outline. The PDF writer (pdf.h) draws
 * exactly this, and tests can read it. Coordinates are points from the
 * page's top-left corner, y growing downwards; text is placed by its
 * baseline. */
#ifndef JTAI_RENDER_PAGE_H
#define JTAI_RENDER_PAGE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/calendar.h"
#include "render/flow.h"

struct arena;
struct diag_sink;
struct render_opts;
struct scene;

#define PAGE_WIDTH           595.276 /* A4 portrait */
#define PAGE_HEIGHT          841.89
#define PAGE_MARGIN          70.866 /* 25 mm on every side */
#define PAGE_TEXT_WIDTH      (PAGE_WIDTH - 2 * PAGE_MARGIN)
#define PAGE_TOP             PAGE_MARGIN
#define PAGE_BOTTOM          (PAGE_HEIGHT - PAGE_MARGIN)
#define PAGE_FOOTER_BASELINE (PAGE_HEIGHT - 36.0)
#define PAGE_FOOTER_SIZE     9.0

/* Tables: the space between a cell's edges and its text, and the
 * thickness of the rules between rows and columns and of the border. */
#define TABLE_PAD_X  6.0
#define TABLE_PAD_Y  4.0
#define TABLE_RULE   0.5
#define TABLE_BORDER 0.75

enum ink {
	INK_TEXT,
	INK_LINK,
	INK_MUTED,
	INK_RULE,
	INK_INS, /* a redline's inserted text (render/redline.h) */
	INK_DEL  /* and its deleted text */
};

/* A string shown in one face and size, starting at its baseline (x, y). */
struct pg_text {
	double x, y, width;
	const char *s; /* UTF-8, n bytes, not NUL-terminated; borrowed */
	size_t n;
	enum font_role face;
	double size;
	enum ink ink;
	size_t block; /* the flow block it belongs to; SIZE_MAX: a footer */
	bool marker;  /* a list item's marker */
	size_t link;  /* the pg_link it is part of, or SIZE_MAX */
	unsigned char mark; /* a redline's mark (render/redline.h), or 0 */
};

enum pg_rect_kind {
	RECT_FILL,  /* a rule: filled in ink */
	RECT_QUOTE, /* a quote box: shaded, with a bar at its left edge */
	RECT_SHADE, /* a table's header row: shaded as a quote box */
	RECT_OVER   /* filled in ink over the text: a redline's strike */
};

struct pg_rect {
	enum pg_rect_kind kind;
	double x, y, w, h; /* y is the top edge */
	enum ink ink;
	unsigned quote; /* RECT_QUOTE: the quote it belongs to */
};

/* Linked text on one line: underlined, and a link annotation over it. */
struct pg_link {
	size_t url;           /* index into doc_layout.url */
	double x, y, w, size; /* y is the baseline */
};

struct pg_chart {
	size_t block;
	const struct scene *scene;
	double x, y, scale; /* top-left corner, and scene points to pt */
};

/* A table cell, or the part of it on one page: its box, padding
 * included, and its strings. A header repeated on a later page gives
 * cells of row 0 again. */
struct pg_cell {
	size_t block;        /* the table's block in the flow */
	size_t row, col;     /* row 0 is the header when there is one */
	bool header;         /* drawn as a header cell: bold, shaded */
	double x, y, w, h;   /* y is the top edge */
	size_t text0, ntext; /* its strings in doc_layout.text */
	size_t line0, nline; /* which of the cell's lines are on this page */
	enum cell_align align;
};

/* One page: ranges in the layout's arrays, and its footer. */
struct pg_page {
	size_t text0, ntext;
	size_t rect0, nrect;
	size_t link0, nlink;
	size_t chart0, nchart;
	size_t cell0, ncell;
	struct pg_text footer[2]; /* short title, "Page N of M" */
	char number[64];          /* the text of footer[1] */
};

struct pg_heading {
	size_t page;
	int level;
	double y; /* top of the heading's first line */
	const char *title;
};

struct doc_layout {
	struct pg_page *page;
	size_t npage, pagecap;
	struct pg_text *text;
	size_t ntext, textcap;
	struct pg_rect *rect;
	size_t nrect, rectcap;
	struct pg_link *link;
	size_t nlink, linkcap;
	struct pg_chart *chart;
	size_t nchart, chartcap;
	struct pg_cell *cell;
	size_t ncell, cellcap;
	struct pg_heading *heading;
	size_t nheading, headingcap;
	const char *const *url; /* link targets as written (the flow's) */
	size_t nurl;
	const char *title, *short_title, *lang;
	bool has_date;
	struct date date;
	struct flow flow; /* what the strings point into */
	struct arena *arena;
};

/* Parses and lays out md as render_pdf does (see render/render.h), without
 * writing the PDF. Returns the layout, freed with doc_layout_free, or NULL
 * after reporting into d. */
struct doc_layout *render_layout(const char *path, const char *md, size_t len,
                                 const struct render_opts *opts,
                                 struct diag_sink *d);
void doc_layout_free(struct doc_layout *dl);

/* Breaks dl->flow's blocks into lines with l and places them on pages
 * (at least one), with the footers; dl->short_title must be set. */
void page_build(struct doc_layout *dl, struct layout *l);

#endif
