/* The data table in an SVG's metadata (format: svgdata.h). */
#include "chart/svgdata.h"

#include <stdbool.h>
#include <string.h>

#include "chart/scene.h"
#include "core/buf.h"
#include "core/mem.h"

#define NS     "urn:x-jtai:chart-data:1"
#define PREFIX "jtai:"

/* Escapes for XML and HTML; '#' too, so that no text reads as an id
 * reference to a program that renames ids in a page. */
static void
put_text(struct buf *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': buf_puts(out, "&amp;"); break;
		case '<': buf_puts(out, "&lt;"); break;
		case '>': buf_puts(out, "&gt;"); break;
		case '"': buf_puts(out, "&quot;"); break;
		case '#': buf_puts(out, "&#35;"); break;
		default: buf_putc(out, *s); break;
		}
	}
}

static void
put_cell(struct buf *out, const char *tag, const char *scope, bool right,
         const char *text)
{
	buf_printf(out, "<" PREFIX "%s", tag);
	if (scope)
		buf_printf(out, " scope=\"%s\"", scope);
	if (right)
		buf_puts(out, " class=\"right\"");
	buf_putc(out, '>');
	put_text(out, text);
	buf_printf(out, "</" PREFIX "%s>", tag);
}

void
svgdata_head(const struct scene *s, struct buf *out)
{
	const struct scene_data *t = &s->data;
	if (s->alt && *s->alt) {
		buf_puts(out, "\n<title>");
		put_text(out, s->alt);
		buf_puts(out, "</title>");
	}
	if (t->ncols == 0 || t->nrows == 0)
		return;
	buf_puts(out, "\n<metadata>\n<" PREFIX "table xmlns:jtai=\"" NS "\">\n"
	              "<" PREFIX "thead>\n<" PREFIX "tr>");
	for (size_t c = 0; c < t->ncols; c++)
		put_cell(out, "th", "col", c > 0 && (t->numeric >> c & 1u),
		         t->head[c]);
	buf_puts(out,
	         "</" PREFIX "tr>\n</" PREFIX "thead>\n<" PREFIX "tbody>\n");
	for (size_t r = 0; r < t->nrows; r++) {
		const char *const *row = &t->cells[r * t->ncols];
		buf_puts(out, "<" PREFIX "tr>");
		for (size_t c = 0; c < t->ncols; c++)
			put_cell(out, c ? "td" : "th", c ? NULL : "row",
			         c > 0 && (t->numeric >> c & 1u), row[c]);
		buf_puts(out, "</" PREFIX "tr>\n");
	}
	buf_puts(out, "</" PREFIX "tbody>\n</" PREFIX "table>\n</metadata>");
}

/* Appends the table's markup without the namespace: tags lose the prefix
 * and the root its namespace declaration. */
static void
unprefix(const char *p, const char *end, struct buf *out)
{
	static const char decl[] = " xmlns:jtai=\"" NS "\"";
	const size_t nd = sizeof(decl) - 1, np = sizeof(PREFIX) - 1;
	while (p < end) {
		if (*p == '<') {
			buf_putc(out, '<');
			p++;
			if (p < end && *p == '/') {
				buf_putc(out, '/');
				p++;
			}
			if ((size_t)(end - p) >= np &&
			    memcmp(p, PREFIX, np) == 0)
				p += np;
		} else if ((size_t)(end - p) >= nd &&
		           memcmp(p, decl, nd) == 0) {
			p += nd;
		} else {
			buf_putc(out, *p++);
		}
	}
}

int
svgdata_split(const char *svg, size_t len, struct buf *rest, struct buf *table)
{
	const char *end = svg + len;
	const char *open = mem_find(svg, end, "<metadata>");
	const char *close = open ? mem_find(open, end, "</metadata>") : NULL;
	const char *root =
	    open ? mem_find(open, close ? close : end, "<" PREFIX "table")
	         : NULL;
	if (open == NULL || close == NULL || root == NULL) {
		buf_append(rest, svg, len);
		return 0;
	}
	const char *cut = open;
	if (cut > svg && cut[-1] == '\n')
		cut--;
	buf_append(rest, svg, (size_t)(cut - svg));
	const char *after = close + strlen("</metadata>");
	buf_append(rest, after, (size_t)(end - after));
	const char *table_end = close;
	while (table_end > root && table_end[-1] == '\n')
		table_end--;
	unprefix(root, table_end, table);
	return 1;
}
