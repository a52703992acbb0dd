/* Font subsets fit for PDF/A-1b, and small. For a TrueType face fetched
 * with the UTF-8 encoding, libharu embeds a program where only glyf and
 * loca are subset, with widths and a CIDToGIDMap for every character of
 * the face and a ToUnicode that is not one. This replaces them: the
 * program is subset by HarfBuzz (hb-subset) to the glyphs drawn, without
 * hinting and the tables a PDF does not read; the widths, CIDToGIDMap,
 * CIDSet and ToUnicode cover the characters drawn. */
#ifndef JTAI_RENDER_SUBSET_H
#define JTAI_RENDER_SUBSET_H

#include <hpdf.h>

struct diag_sink;

/* Subsets font (from HPDF_GetFont(doc, name, "UTF-8") on the TrueType file
 * at file, embedded) to the glyphs drawn so far: call after the last text
 * is drawn and before saving. Fonts of other kinds are left alone.
 * Returns 0, or -1 after reporting into d against path. */
int subset_font(HPDF_Doc doc, HPDF_Font font, const char *file,
                const char *path, struct diag_sink *d);

#endif
