/* Tables. cmark has none, so a table is a fenced code block whose info
 * string is "table", holding rows in the pipe syntax of GitHub Flavored
 * Markdown:
 *
 *   ```table
 *   | Agency | Strengths |
 *   | :----- | --------: |
 *   | Health | 3         |
 *   ```
 *
 * Every non-empty line is a row; cells are separated by unescaped '|'; one
 * leading and one trailing '|' are optional; cell text is trimmed. A row of
 * only '-', ':', '|' and spaces right after the first row (the delimiter
 * row) makes the first row a header and gives each column its alignment.
 * Cells hold inline Markdown, parsed with cmark as a paragraph is.
 *
 * This file owns the syntax, the walk of a cell's inlines and how the
 * columns share the text width; flow.c turns the cells into runs (html.c
 * into elements) and page.c places them. */
#ifndef JTAI_RENDER_TABLE_H
#define JTAI_RENDER_TABLE_H

#include <stdbool.h>
#include <stddef.h>

struct buf;
struct cmark_node;
struct diag_sink;

enum cell_align { CELL_LEFT, CELL_CENTRE, CELL_RIGHT };

/* More columns than this could not be read on A4 in 12 pt. */
#define TABLE_MAX_COLS 16

/* A cell as written: bytes of the fence's text, trimmed, escapes kept. */
struct table_cell_src {
	const char *s;
	size_t n;
};

struct table_src {
	size_t nrow, ncol;
	bool header; /* row 0 is a header row */
	enum cell_align align[TABLE_MAX_COLS];
	struct table_cell_src *cell; /* nrow * ncol, row by row */
	int *line, *col;             /* each row's place in the file */
	size_t cap;                  /* rows allocated */
};

/* True when a fenced code block's info string (its first word) makes it a
 * table. */
bool table_is_fence(const char *info);

/* Splits s (n bytes: the text of a table fence that starts at line, col of
 * path) into t, which the caller provides and frees with table_release;
 * cells point into s. Returns 0, or -1 after reporting into d every row
 * whose cell count differs from the first row's, a malformed delimiter
 * row, too many columns, or an empty table. */
int table_parse(struct table_src *t, const char *s, size_t n, const char *path,
                int line, int col, struct diag_sink *d);
void table_release(struct table_src *t);

/* Parses cell c with cmark as one paragraph of inlines, a "\|" being a
 * '|' (also in code), with md as scratch space. Returns the document; the
 * caller frees it with cmark_node_free. */
struct cmark_node *table_cell_parse(const struct table_cell_src *c,
                                    struct buf *md);

/* The line of s (n bytes) that starts at *at, trimmed as a cell is, and
 * moves *at past its newline: for a fence read as one cell a line (the
 * letterhead). */
struct table_cell_src table_line(const char *s, size_t n, size_t *at);

/* Walks the inlines of doc (a document from table_cell_parse, what names
 * the cell in messages: "a table cell", "the letterhead") through visit,
 * called with ctx on each enter and exit. A chart cannot sit in a cell:
 * an image is reported into d at line, col of path and skipped. Returns
 * 0, or -1 when an image was reported. */
int table_walk_cell(struct cmark_node *doc,
                    void (*visit)(void *ctx, struct cmark_node *node,
                                  bool enter),
                    void *ctx, const char *what, const char *path, int line,
                    int col, struct diag_sink *d);

/* Shares room pt among n columns given each one's natural width (its
 * widest cell on one line) and minimum width (its widest word), padding
 * included, and writes the widths to w[0..n): the natural widths when they
 * fit; else each column's minimum plus a share of the rest in proportion
 * to natural - minimum; when even the minimums do not fit, the minimums
 * scaled down to fit (words then break between characters). */
void table_widths(const double *natural, const double *minimum, size_t n,
                  double room, double *w);

#endif
