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
#include <stdbool.h>
#include <stddef.h>

struct diag_sink;

/* Subsets font (from HPDF_GetFont(doc, name, "UTF-8") on the TrueType file
 * at file, embedded) to the glyphs drawn so far: call after the last text
 * is drawn and before saving. Fonts of other kinds are left alone.
 * Returns 0, or -1 after reporting into d against path. */
int subset_font(HPDF_Doc doc, HPDF_Font font, const char *file,
                const char *path, struct diag_sink *d);

/* The characters of one face a letter draws: a bit per code point of the
 * Basic Multilingual Plane (libharu draws no other). */
struct charset {
	unsigned char bits[0x10000 / 8];
};

void charset_add_utf8(struct charset *cs, const char *s, size_t n);
/* True when cs holds every character of s (n bytes of UTF-8). */
bool charset_has_utf8(const struct charset *cs, const char *s, size_t n);

/* A face cut down to the characters of cs before libharu loads it, since
 * libharu's UTF-8 font setup looks up every one of the 65,536 codes in the
 * face's cmap (5 ms for a whole Liberation Sans, a tenth of that for a
 * letter's hundred characters): the subset, with its cmap, in an
 * anonymous file whose path (/proc/self/fd/N) is written to path (64
 * bytes). Returns the file's descriptor (close it after saving), or -1
 * when the face cannot be cut: load the whole file then. */
int subset_preload(const char *file, const struct charset *cs,
                   char path[64]);

/* subset_preload to the characters most English letters use (ASCII,
 * Latin-1, the general punctuation: quotes, dashes, bullets, the euro, the
 * minus sign, the bullets of nested lists),
 * made once per face and kept open for the life of the process: a batch
 * builds many letters in one process. Returns the cut face's path, or
 * NULL when cs holds a character outside that set or the face cannot be
 * cut: call subset_preload then. The PDF is the same either way: its
 * fonts are cut again, from the whole face, to the glyphs drawn. */
const char *subset_preload_common(const char *file, const struct charset *cs);

#endif
