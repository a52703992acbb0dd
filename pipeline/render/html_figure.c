/* A chart inline in the page. chart_write_svg gives a standalone document:
 *
 *   <?xml version="1.0" encoding="UTF-8"?>
 *   <svg xmlns=... width=... height=... viewBox=... version="1.1">
 *   <title>the chart's description</title>
 *   <metadata>its data</metadata>
 *   <g ...> paths and text </g>
 *   </svg>
 *
 * It defines no id (chart/svg.c), so any number of charts, the same one
 * twice included, can share the page as they are. The XML declaration,
 * which HTML would read as a bogus comment, goes, and the
 * root element gets the image role, a name and a description of its own in
 * place of the document's title.
 * The chart's data, which the document carries in its <metadata>
 * (chart/svgdata.h), leaves the SVG and follows it as a table in a
 * <details> element, for readers who cannot see the chart. */
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "chart/svgdata.h"
#include "core/buf.h"
#include "core/mem.h"
#include "render/html.h"

/* Appends the root's opening tag with the role and the references to
 * its name and description, and returns where the tag ends, or NULL. */
static const char *
put_root(struct buf *out, const char *p, const char *end, const char *prefix,
         bool described)
{
	const char *root = mem_find(p, end, "<svg");
	const char *close = root ? mem_find(root, end, ">") : NULL;
	if (close == NULL)
		return NULL;
	buf_printf(out,
	           "<svg class=\"chart\" role=\"img\" "
	           "aria-labelledby=\"%s-title\"",
	           prefix);
	if (described)
		buf_printf(out, " aria-describedby=\"%s-desc\"", prefix);
	buf_append(out, root + 4, (size_t)(close + 1 - (root + 4)));
	return close + 1;
}

void
html_figure(struct buf *out, const char *svg, size_t len, const char *prefix,
            const char *name, const char *desc, const char *caption)
{
	struct buf doc, table;
	buf_init(&doc);
	buf_init(&table);
	svgdata_split(svg, len, &doc, &table);
	const char *p = buf_cstr(&doc), *end = p + doc.len;
	bool described = desc && *desc && strcmp(desc, name) != 0;
	buf_puts(out, "<figure>\n");
	p = put_root(out, p, end, prefix, described);
	if (p == NULL) {
		buf_release(&doc);
		buf_release(&table);
		buf_puts(out, "</figure>\n");
		return;
	}
	buf_printf(out, "\n<title id=\"%s-title\">", prefix);
	html_escape(out, name, strlen(name));
	buf_puts(out, "</title>");
	if (described) {
		buf_printf(out, "\n<desc id=\"%s-desc\">", prefix);
		html_escape(out, desc, strlen(desc));
		buf_puts(out, "</desc>");
	}
	/* the document's own title, when it has one, is replaced */
	const char *t = p;
	while (t < end && (*t == '\n' || *t == ' '))
		t++;
	if (end - t >= 7 && memcmp(t, "<title>", 7) == 0) {
		const char *te = mem_find(t, end, "</title>");
		if (te)
			p = te + 8;
	}
	while (end > p && end[-1] == '\n')
		end--;
	buf_append(out, p, (size_t)(end - p));
	buf_puts(out, "\n");
	if (table.len) {
		buf_puts(out,
		         "<details class=\"chart-data\">\n"
		         "<summary>The chart's data as a table</summary>\n");
		buf_append(out, table.data, table.len);
		buf_puts(out, "\n</details>\n");
	}
	if (caption && *caption) {
		buf_puts(out, "<figcaption>");
		html_escape(out, caption, strlen(caption));
		buf_puts(out, "</figcaption>\n");
	}
	buf_puts(out, "</figure>\n");
	buf_release(&doc);
	buf_release(&table);
}
