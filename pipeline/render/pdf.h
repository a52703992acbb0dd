/* The PDF writer: draws laid-out pages (page.h) with libharu. Fonts are
 * embedded from the font set's files with UTF-8 encoding, fetched only
 * when first drawn; the document gets its title, language, outline of
 * headings, and fixed Producer and Creator, so that the same layout gives
 * the same bytes. */
#ifndef JTAI_RENDER_PDF_H
#define JTAI_RENDER_PDF_H

struct buf;
struct diag_sink;
struct doc_layout;
struct fontset;

/* pdf_write flags. */
#define PDF_UNCOMPRESSED 1u /* plain content streams, for tests */

/* Writes dl as a PDF and appends it to out. Returns 0, or -1 after
 * reporting libharu's error against path into d (out is then unspecified). */
int pdf_write(const struct doc_layout *dl, const struct fontset *fonts,
              unsigned flags, const char *path, struct buf *out,
              struct diag_sink *d);

#endif
