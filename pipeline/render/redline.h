/* The redline of a letter: the new letter typeset as it is published
 * (render.h), with what changed since the old one marked: inserted words
 * underlined and in colour, deleted words struck through and in another
 * colour, and a bar in the left margin beside every line that holds a
 * mark, so that the marks survive printing in black and white. Pages of
 * their own before it summarise the changes.
 *
 * The marks travel in the letter's Markdown as three private-use
 * characters, read only by these functions (through flow_build_marked):
 * REDLINE_INS opens an insertion, REDLINE_DEL a deletion, REDLINE_END
 * closes either. They
 * are a state, not a nesting: a mark may open in one inline element and
 * close in another of the same paragraph; each paragraph starts unmarked.
 * Whoever writes marks removes those characters from the text first. */
#ifndef JTAI_RENDER_REDLINE_H
#define JTAI_RENDER_REDLINE_H

#include <stddef.h>

struct buf;
struct diag_sink;
struct render_opts;

#define REDLINE_INS "\xEE\x80\x80" /* U+E000 */
#define REDLINE_DEL "\xEE\x80\x81" /* U+E001 */
#define REDLINE_END "\xEE\x80\x82" /* U+E002 */

/* What a run of text is: unchanged, inserted or deleted. */
enum mark { MARK_NONE, MARK_INS, MARK_DEL };

/* The mark a marker at s (n bytes left) sets, with its length in *len;
 * -1 when s holds no marker. */
int redline_marker(const char *s, size_t n, size_t *len);

/* Lays out summary (Markdown, no marks) on pages of its own, then md (a
 * letter with marks: front matter, letterhead and all) from a new page,
 * as one PDF appended to out, with opts's fonts and charts. path names md in
 * messages. Returns 0, or -1 after reporting into d. Same input, same bytes. */
int render_redline_pdf(const char *path, const char *summary, size_t slen,
                       const char *md, size_t len,
                       const struct render_opts *opts, struct buf *out,
                       struct diag_sink *d);

/* The same as an HTML page: md rendered as render_html does, each marked
 * stretch of text an <ins> or <del> element, every paragraph, heading,
 * list item or table row holding one ruled at its left, and the summary
 * (Markdown) opening the page. Returns 0, or -1 after reporting into d. */
int render_redline_html(const char *path, const char *summary, size_t slen,
                        const char *md, size_t len,
                        const struct render_opts *opts, struct buf *out,
                        struct diag_sink *d);

#endif
