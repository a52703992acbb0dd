/* The table syntax (see table.h), the reading of a cell, and the sharing
 * of the width among the columns. A backslash escapes the byte after it
 * when a row is split, so "\|" stays inside its cell and "\\|" ends one,
 * as in GFM; a cell's escapes are left to cmark, but for "\|", which is
 * turned into '|' first. */
#include "render/table.h"

#include <cmark.h>
#include <string.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "core/diag.h"

bool
table_is_fence(const char *info)
{
	if (info == NULL || strncmp(info, "table", 5) != 0)
		return false;
	return info[5] == '\0' || info[5] == ' ' || info[5] == '\t';
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static struct table_cell_src
trim(const char *s, size_t n)
{
	while (n > 0 && is_space(*s)) {
		s++;
		n--;
	}
	while (n > 0 && is_space(s[n - 1]))
		n--;
	return (struct table_cell_src){s, n};
}

/* True when s[k] follows an odd number of backslashes. */
static bool
escaped(const char *s, size_t k)
{
	size_t b = 0;
	while (b < k && s[k - 1 - b] == '\\')
		b++;
	return b % 2 == 1;
}

/* Counts the cells of row and, when cell is not NULL, stores the first
 * max of them (trimmed). */
static size_t
split_row(struct table_cell_src row, struct table_cell_src *cell, size_t max)
{
	const char *s = row.s;
	size_t n = row.n, count = 0, start = 0;
	if (n > 0 && s[0] == '|') {
		s++;
		n--;
	}
	if (n > 0 && s[n - 1] == '|' && !escaped(s, n - 1))
		n--;
	for (size_t i = 0; i <= n; i++) {
		if (i + 1 < n && s[i] == '\\') {
			i++;
			continue;
		}
		if (i < n && s[i] != '|')
			continue;
		if (cell != NULL && count < max)
			cell[count] = trim(s + start, i - start);
		count++;
		start = i + 1;
	}
	return count;
}

/* A candidate delimiter row: only '-', ':', '|' and spaces. */
static bool
is_delimiter(struct table_cell_src row)
{
	for (size_t i = 0; i < row.n; i++)
		if (!strchr("-:| \t\r", row.s[i]))
			return false;
	return true;
}

/* ":?-+:?" gives an alignment; anything else is malformed (-1). */
static int
delimiter_align(struct table_cell_src c, enum cell_align *align)
{
	bool left = c.n > 0 && c.s[0] == ':';
	bool right = c.n > 1 && c.s[c.n - 1] == ':';
	size_t from = left, to = c.n - right;
	if (from >= to)
		return -1;
	for (size_t i = from; i < to; i++)
		if (c.s[i] != '-')
			return -1;
	*align = left && right ? CELL_CENTRE : right ? CELL_RIGHT : CELL_LEFT;
	return 0;
}

static void
ragged(const struct table_src *t, size_t count, const char *path, int line,
       int col, struct diag_sink *d)
{
	diag_error(d, path, line, col,
	           "table row has %zu cell%s, the first row has %zu", count,
	           count == 1 ? "" : "s", t->ncol);
	if (count > t->ncol)
		diag_hint(d, "write a '|' inside a cell as '\\|'");
}

static int
parse_delimiter(struct table_src *t, struct table_cell_src row,
                const char *path, int line, int col, struct diag_sink *d)
{
	struct table_cell_src cell[TABLE_MAX_COLS];
	size_t count = split_row(row, cell, TABLE_MAX_COLS);
	if (count != t->ncol) {
		ragged(t, count, path, line, col, d);
		return -1;
	}
	for (size_t c = 0; c < count; c++) {
		if (delimiter_align(cell[c], &t->align[c]) == 0)
			continue;
		diag_error(d, path, line, col,
		           "malformed table delimiter row '%.*s'", (int)row.n,
		           row.s);
		diag_hint(d, "under the header, each column is ---, :---, "
		             "---: or :---:");
		return -1;
	}
	t->header = true;
	return 0;
}

static void
store_row(struct table_src *t, struct table_cell_src row, int line, int col)
{
	if (t->nrow == t->cap) {
		t->line =
		    xgrow(t->line, &t->cap, t->nrow + 1, sizeof(*t->line));
		t->col = xrealloc(t->col, t->cap * sizeof(*t->col));
		t->cell =
		    xrealloc(t->cell, t->cap * t->ncol * sizeof(*t->cell));
	}
	split_row(row, t->cell + t->nrow * t->ncol, t->ncol);
	t->line[t->nrow] = line;
	t->col[t->nrow] = col;
	t->nrow++;
}

/* Takes the nth non-empty row of the table. */
static int
add_row(struct table_src *t, struct table_cell_src row, size_t nth,
        const char *path, int line, int col, struct diag_sink *d)
{
	if (nth == 1 && is_delimiter(row))
		return parse_delimiter(t, row, path, line, col, d);
	size_t count = split_row(row, NULL, 0);
	if (nth == 0) {
		if (count > TABLE_MAX_COLS) {
			diag_error(d, path, line, col,
			           "table row has %zu cells, at most %d are "
			           "allowed",
			           count, TABLE_MAX_COLS);
			return -1;
		}
		t->ncol = count;
	} else if (count != t->ncol) {
		ragged(t, count, path, line, col, d);
		return -1;
	}
	store_row(t, row, line, col);
	return 0;
}

int
table_parse(struct table_src *t, const char *s, size_t n, const char *path,
            int line, int col, struct diag_sink *d)
{
	memset(t, 0, sizeof(*t));
	int rc = 0;
	size_t nth = 0;
	for (size_t i = 0, k = 1; i < n; k++) {
		size_t e = i;
		while (e < n && s[e] != '\n')
			e++;
		struct table_cell_src row = trim(s + i, e - i);
		int rcol = col + (int)(row.s - (s + i));
		i = e < n ? e + 1 : e;
		if (row.n == 0)
			continue;
		/* stop at the first bad first row: every row would be off */
		if (add_row(t, row, nth++, path, line + (int)k, rcol, d) < 0) {
			rc = -1;
			if (t->ncol == 0)
				break;
		}
	}
	if (nth == 0) {
		diag_error(d, path, line, col, "empty table");
		diag_hint(d,
		          "write one row a line, its cells separated by '|'");
		rc = -1;
	}
	if (rc < 0)
		table_release(t);
	return rc;
}

void
table_release(struct table_src *t)
{
	free(t->cell);
	free(t->line);
	free(t->col);
	memset(t, 0, sizeof(*t));
}

/* c's text with each "\|" turned into '|' (inside code spans too, as
 * GFM does before inline parsing), so that a pipe escaped by the template
 * engine comes out as written. */
static void
cell_text(const struct table_cell_src *c, struct buf *out)
{
	size_t from = 0;
	for (size_t i = 0; i + 1 < c->n; i++) {
		if (c->s[i] != '\\')
			continue;
		if (c->s[i + 1] == '|') {
			buf_append(out, c->s + from, i - from);
			from = i + 1;
		}
		i++; /* the escaped byte */
	}
	buf_append(out, c->s + from, c->n - from);
}

static bool
one_paragraph(cmark_node *doc)
{
	cmark_node *c = cmark_node_first_child(doc);
	return c != NULL && cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH &&
	       cmark_node_next(c) == NULL;
}

/* Text that cmark would read as another block (a heading, a list item, a
 * quote, a rule, a link definition) gets a backslash before its marker and
 * is read again, so that "- none" or "1. April" shows as written, as in a
 * GFM cell. */
cmark_node *
table_cell_parse(const struct table_cell_src *src, struct buf *md)
{
	buf_clear(md);
	cell_text(src, md);
	cmark_node *doc = cmark_parse_document(buf_cstr(md), md->len,
	                                       CMARK_OPT_VALIDATE_UTF8);
	if (md->len == 0 || one_paragraph(doc))
		return doc;
	cmark_node_free(doc);
	size_t k = 0;
	while (k < md->len && md->data[k] >= '0' && md->data[k] <= '9')
		k++;
	if (k == md->len)
		k = 0;
	buf_putc(md, '\\');
	memmove(md->data + k + 1, md->data + k, md->len - k - 1);
	md->data[k] = '\\';
	return cmark_parse_document(md->data, md->len, CMARK_OPT_VALIDATE_UTF8);
}

struct table_cell_src
table_line(const char *s, size_t n, size_t *at)
{
	size_t i = *at, e = i;
	while (e < n && s[e] != '\n')
		e++;
	*at = e + (e < n);
	return trim(s + i, e - i);
}

int
table_walk_cell(cmark_node *doc,
                void (*visit)(void *ctx, cmark_node *node, bool enter),
                void *ctx, const char *what, const char *path, int line,
                int col, struct diag_sink *d)
{
	int rc = 0;
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
			diag_error(d, path, line, col,
			           "%s cannot show image '%s'", what,
			           url ? url : "");
			diag_hint(d, "put a chart in a paragraph of its own");
			rc = -1;
			skip = node;
		} else if (type > CMARK_NODE_LAST_BLOCK) {
			visit(ctx, node, ev == CMARK_EVENT_ENTER);
		}
	}
	cmark_iter_free(it);
	return rc;
}

void
table_widths(const double *natural, const double *minimum, size_t n,
             double room, double *w)
{
	double nat = 0, min = 0;
	for (size_t c = 0; c < n; c++) {
		nat += natural[c];
		min += minimum[c];
	}
	for (size_t c = 0; c < n; c++) {
		if (nat <= room)
			w[c] = natural[c];
		else if (min >= room)
			w[c] = minimum[c] * room / min;
		else
			w[c] = minimum[c] + (room - min) *
			                        (natural[c] - minimum[c]) /
			                        (nat - min);
	}
}
