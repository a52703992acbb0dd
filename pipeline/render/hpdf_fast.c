/* Faster stand-ins for libharu's byte copies and glyph lookup: why and
 * how in hpdf_fast.h. */
#define _GNU_SOURCE
#include "render/hpdf_fast.h"

#include <dlfcn.h>
#include <hpdf.h>
#include <hpdf_fontdef.h>
#include <hpdf_utils.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "render/subset.h"

/* The stand-ins run 131,072 times a letter: a fuzzing build (clang's
 * -fsanitize=fuzzer) leaves them out of its coverage tracing, which would
 * otherwise take half of a run's time and tells the fuzzer nothing. */
#if defined(__clang__)
#define NO_COVERAGE __attribute__((no_sanitize("coverage")))
#else
#define NO_COVERAGE
#endif

/* libharu copies forwards one byte at a time; where the target starts
 * inside the source, that repeats the source's first bytes, which memmove
 * would not. Most of its copies are of two bytes (a glyph id for each of
 * the 65,536 codes of a face): those stay a short loop, the long ones go
 * to memcpy. Returns the end of what was written, as libharu does. */
NO_COVERAGE HPDF_BYTE *
HPDF_MemCpy(HPDF_BYTE *out, const HPDF_BYTE *in, HPDF_UINT n)
{
	if (n == 2) {
		out[0] = in[0];
		out[1] = in[1];
	} else if (n <= 16 || (out > in && out < in + n)) {
		for (HPDF_UINT i = 0; i < n; i++)
			out[i] = in[i];
	} else {
		memmove(out, in, n);
	}
	return out + n;
}

NO_COVERAGE void *
HPDF_MemSet(void *s, HPDF_BYTE c, HPDF_UINT n)
{
	memset(s, c, n);
	return (HPDF_BYTE *)s + n;
}

static const struct charset *only;

void
hpdf_fast_glyphs(const struct charset *cs)
{
	only = cs;
}

typedef HPDF_UINT16 (*glyphid_fn)(HPDF_FontDef, HPDF_UINT16);

static glyphid_fn
real_glyphid(void)
{
	static glyphid_fn real;
	if (real == NULL) {
		/* dlsym returns an object pointer; POSIX allows the cast */
		void *sym = dlsym(RTLD_NEXT, "HPDF_TTFontDef_GetGlyphid");
		if (sym == NULL)
			abort(); /* libharu is linked in: cannot happen */
		memcpy(&real, &sym, sizeof(real));
	}
	return real;
}

NO_COVERAGE HPDF_UINT16
HPDF_TTFontDef_GetGlyphid(HPDF_FontDef fontdef, HPDF_UINT16 unicode)
{
	if (only && !(only->bits[unicode >> 3] >> (unicode & 7) & 1))
		return 0;
	return real_glyphid()(fontdef, unicode);
}

unsigned short
hpdf_real_glyphid(void *fontdef, unsigned short unicode)
{
	return real_glyphid()(fontdef, unicode);
}

/* libharu deflates every stream at zlib's default level, 6. Level 3 costs
 * a letter about 5 % more bytes and 7 % fewer instructions (the figures
 * are in docs/build.md). Only libharu calls deflateInit_ in jtai (libpng,
 * for cairo's PNGs, calls deflateInit2_); a level asked for explicitly is
 * kept. */
int
deflateInit_(z_streamp strm, int level, const char *version, int stream_size)
{
	if (level == Z_DEFAULT_COMPRESSION)
		level = HPDF_FAST_DEFLATE_LEVEL;
	return deflateInit2_(strm, level, Z_DEFLATED, MAX_WBITS, 8,
	                     Z_DEFAULT_STRATEGY, version, stream_size);
}
