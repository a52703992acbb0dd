/* letter.md -> letter.html, the PDF's accessible twin: one self-contained
 * page (no script, no external resource) with the document's language and
 * title, the letter's headings, lists, links, tables and call-outs as real
 * HTML elements, its charts as inline SVG, and one stylesheet with a print
 * section. docs/html.md describes the page.
 *
 * The Markdown is the one render_pdf reads (render.h: front matter, charts
 * as "chart:NAME" images, ```table, ````callout and ```letterhead
 * fences). Raw HTML in it is shown as text, never passed through; a link
 * whose scheme is not http, https or mailto (or none: relative) keeps its
 * text but loses its target. */
#ifndef JTAI_RENDER_HTML_H
#define JTAI_RENDER_HTML_H

#include <stdbool.h>
#include <stddef.h>

struct buf;
struct diag_sink;
struct render_opts;

/* Renders md (len bytes, read from path, which is used in messages) as an
 * HTML page appended to out. Charts come from opts->chart, as for
 * render_pdf, so one set of scenes serves both; opts->fonts draws them.
 * Returns 0, or -1 after reporting into d (an image that is not a known
 * chart, a bad table, call-outs nested too deep, bad front matter); out is
 * then unspecified. Same input, same bytes. */
int render_html(const char *path, const char *md, size_t len,
                const struct render_opts *opts, struct buf *out,
                struct diag_sink *d);

/* Appends s (n bytes) to out escaped for HTML text and for a double-quoted
 * attribute value: & < > " ' as character references. Characters HTML
 * forbids in its input (controls other than tab and line endings, C1
 * controls) become spaces; noncharacters and invalid UTF-8 become U+FFFD. */
void html_escape(struct buf *out, const char *s, size_t n);

/* True when a link may point at url: http, https and mailto, or no scheme
 * (a relative reference). Tabs and line breaks inside, and controls and
 * spaces before, are ignored first, as a browser ignores them. */
bool html_url_allowed(const char *url);

/* Appends url as the value of an href attribute: percent-encoded where a
 * URL needs it, then escaped; nothing when html_url_allowed refuses it. */
void html_put_href(struct buf *out, const char *url);

/* Appends a <figure> holding svg (len bytes, a document as chart_write_svg
 * writes it) inline: its XML declaration and title dropped, every id and
 * reference prefixed with prefix (unique in the page), role="img", named
 * by name and described by desc (may be NULL or empty), and captioned by
 * caption when it is not NULL or empty. */
void html_figure(struct buf *out, const char *svg, size_t len,
                 const char *prefix, const char *name, const char *desc,
                 const char *caption);

/* The page's stylesheet: screen, and print on A4. */
extern const char html_style[];

#endif
