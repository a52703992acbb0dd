/* Faster stand-ins for three of libharu's internal helpers, and for its
 * deflate (hpdf_fast.c).
 *
 * libharu calls its own exported functions through its PLT, so a function
 * of the same name defined in the executable takes their place (ELF symbol
 * interposition). Three of them cost a letter a quarter of its
 * instructions: HPDF_MemCpy and HPDF_MemSet copy and fill byte by byte,
 * and HPDF_GetFont, for a TrueType face with the UTF-8 encoder, asks
 * HPDF_TTFontDef_GetGlyphid about each of the 65,536 codes of the Basic
 * Multilingual Plane, a search of the face's cmap each time. The
 * stand-ins keep libharu's results exactly (a test compares them with the
 * library's own): the copies return the end of what they wrote, as
 * libharu's do, and the glyph lookup answers 0 (no glyph) at once for a
 * code outside the characters the letter draws, which pdf.c names with
 * hpdf_fast_glyphs() around HPDF_GetFont. When a libharu build does not
 * call through its PLT, nothing changes but the speed.
 *
 * zlib's deflateInit_, deflate and deflateEnd are defined here too, so
 * that the streams libharu deflates are compressed whole by libdeflate
 * (at HPDF_FAST_DEFLATE_LEVEL where libharu asks for zlib's default);
 * other zlib streams pass through to zlib. */
#ifndef JTAI_RENDER_HPDF_FAST_H
#define JTAI_RENDER_HPDF_FAST_H

struct charset;

#define HPDF_FAST_DEFLATE_LEVEL 6

/* Until the next call: HPDF_TTFontDef_GetGlyphid finds no glyph for a code
 * outside cs (NULL: every code is looked up). */
void hpdf_fast_glyphs(const struct charset *cs);

/* Makes the deflate compressor now rather than at the first stream. */
void hpdf_fast_warm(void);

/* libharu's own HPDF_TTFontDef_GetGlyphid, for the test that compares. */
unsigned short hpdf_real_glyphid(void *fontdef, unsigned short unicode);

#endif
