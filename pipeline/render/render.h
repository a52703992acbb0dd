/* letter.md -> PDF. The Markdown is parsed with cmark, laid out into A4
 * pages in the house style (render/layout.c breaks lines over mixed runs),
 * and written with libharu with the fonts embedded.
 *
 * letter.md may open with a front-matter block between two "---" lines:
 *   title:       the document title (default: the first level-1 heading)
 *   short_title: the running footer's title (default: title)
 *   lang:        the document language (default: en-GB)
 *   date:        ISO date, the PDF's creation and modification date
 * An image whose URL is "chart:NAME" is drawn from the chart named NAME; a
 * fenced code block whose info string is "table" is a table (table.h). */
#ifndef JTAI_RENDER_RENDER_H
#define JTAI_RENDER_RENDER_H

#include <stddef.h>

struct buf;
struct cmark_node;
struct diag_sink;
struct fontset;
struct scene;

struct render_opts {
	const struct fontset *fonts;
	/* Returns the scene of chart NAME, or NULL when there is none (render
	 * then reports an error at the image). May be NULL: no charts. */
	const struct scene *(*chart)(void *ctx, const char *name);
	void *chart_ctx;
	/* Appends the SVG of a scene that chart returned (chart_write_svg's),
	 * when the caller has it made already; NULL: made here. */
	int (*chart_svg)(void *ctx, const struct scene *s, struct buf *out,
	                 struct diag_sink *d);
};

/* Lays out md (len bytes, read from path, which is used in messages) and
 * appends the PDF to out. Returns 0, or -1 after reporting into d; out is
 * then unspecified. Same input, same bytes. */
int render_pdf(const char *path, const char *md, size_t len,
               const struct render_opts *opts, struct buf *out,
               struct diag_sink *d);

/* The scene of the chart image names ("chart:NAME") from opts->chart, for
 * the PDF's flow and the HTML page alike. NULL after reporting into d, at
 * the block holding image (its lines line_offset on in path): an image
 * that is not a chart, or an unknown chart. */
const struct scene *render_chart(const struct render_opts *opts,
                                 struct cmark_node *image, const char *path,
                                 int line_offset, struct diag_sink *d);

/* Limits of the Markdown laid out (docs/limits.md): lists, items and block
 * quotes nest RENDER_MAX_NESTING deep at most, and so do emphasis, strong
 * emphasis and links; a word (characters without a space) is at most
 * RENDER_MAX_WORD characters; a paragraph or heading, and a line of a
 * code block (a table's row), at most RENDER_MAX_BLOCK bytes. */
#define RENDER_MAX_NESTING ((size_t)32)
#define RENDER_MAX_WORD    ((size_t)1000)
#define RENDER_MAX_BLOCK   ((size_t)100000)

/* Returns 0, or -1 after reporting at the first block past one of the
 * limits above (its lines line_offset on in path). */
int render_check_nesting(struct cmark_node *doc, const char *path,
                         int line_offset, struct diag_sink *d);

/* Makes ready, in this process, what every PDF it writes shares and would
 * otherwise make on its first letter: the regular and bold faces cut to
 * the common characters (render/subset.h) and the deflate compressor
 * (render/hpdf_fast.h). A build calls it before forking its workers, which
 * then inherit them instead of each making its own. */
void render_warm(const struct fontset *fonts);

#endif
