/* Post-processing of the SVG documents cairo writes, so that several charts
 * can be inlined in one HTML page and the bytes do not depend on what else
 * the process drew before. */
#ifndef JTAI_CHART_SVGID_H
#define JTAI_CHART_SVGID_H

#include <stddef.h>

struct buf;

/* Appends svg (len bytes) to out with every id="X" and every reference to
 * it ("#X" in an attribute, url(#X)) renamed prefix-Y, where Y is X with its
 * first number renumbered from 0 in order of first appearance within its
 * family (surface7 -> surface0; glyph0-3 -> glyph0-3). When head is not
 * NULL it goes in as it is (markup) right after the root's start tag. */
void svgid_rewrite(const char *svg, size_t len, const char *prefix,
                   const char *head, struct buf *out);

#endif
