/* A chart's data table (struct scene_data) carried in its SVG document, so
 * that the SVG file holds what it shows in a form a program or a reader can
 * use, and the HTML letter, which inlines the SVG, can offer it as a table:
 *
 *   <metadata>
 *   <jtai:table xmlns:jtai="urn:x-jtai:chart-data:1">
 *   <jtai:thead><jtai:tr><jtai:th scope="col">Agency</jtai:th>
 *     <jtai:th scope="col" class="right">Strengths</jtai:th>...</jtai:tr>
 *   </jtai:thead>
 *   <jtai:tbody><jtai:tr><jtai:th scope="row">Police</jtai:th>
 *     <jtai:td class="right">2</jtai:td>...</jtai:tr>...</jtai:tbody>
 *   </jtai:table>
 *   </metadata>
 *
 * HTML's elements in a namespace of their own: an HTML page that inlines
 * the SVG as it is shows nothing of it (a bare <table> inside <svg> would
 * break out of the SVG in an HTML parser), and without the prefix it is
 * the HTML table. Text is escaped for XML and HTML alike. */
#ifndef JTAI_CHART_SVGDATA_H
#define JTAI_CHART_SVGDATA_H

#include <stddef.h>

struct buf;
struct scene;

/* Appends what goes first in the scene's SVG: its alt text as the
 * <title> (none when empty) and its data as the <metadata> element above
 * (none when it has no column or no row). */
void svgdata_head(const struct scene *s, struct buf *out);

/* Finds the <metadata> element of svg (len bytes). When there is one,
 * appends svg without it to rest and the table as HTML to table, and
 * returns 1; otherwise appends svg to rest and returns 0. */
int svgdata_split(const char *svg, size_t len, struct buf *rest,
                  struct buf *table);

#endif
