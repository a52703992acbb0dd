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
#include <libdeflate.h>
#include <stdbool.h>
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

/* Copies into *fn (a function pointer) the definition of name that comes
 * after this file's in the lookup order: the library's own. It is there
 * (the library is linked in), so a miss cannot happen. */
static void
next_fn(const char *name, void *fn)
{
	void *sym = dlsym(RTLD_NEXT, name);
	if (sym == NULL)
		abort();
	memcpy(fn, &sym, sizeof(sym));
}

typedef HPDF_UINT16 (*glyphid_fn)(HPDF_FontDef, HPDF_UINT16);

static glyphid_fn
real_glyphid(void)
{
	static glyphid_fn real;
	if (real == NULL)
		next_fn("HPDF_TTFontDef_GetGlyphid", &real);
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

/* libharu deflates each stream through zlib: deflateInit_, deflate with
 * Z_NO_FLUSH as it reads, deflate with Z_FINISH until Z_STREAM_END, then
 * deflateEnd. Those three are defined here: a stream libharu begins
 * (deflateInit_, which only libharu calls in jtai) takes its input whole
 * and, at Z_FINISH, is compressed at once by libdeflate, a whole-buffer
 * compressor two to three times as fast as zlib for smaller output, and
 * handed out as avail_out allows. A stream begun otherwise (libpng's,
 * with deflateInit2_) is zlib's: deflate and deflateEnd pass it on. */
struct whole {
	const void *magic; /* &whole_magic; zlib's state starts with strm */
	int level;
	unsigned char *in, *out;
	size_t nin, capin, nout, given;
	bool done;
};

static const char whole_magic = 'w';

static struct whole *
whole_of(z_streamp strm)
{
	struct whole *w = (struct whole *)(void *)strm->state;
	return w && w->magic == &whole_magic ? w : NULL;
}

typedef int (*deflate_fn)(z_streamp, int);
typedef int (*deflate_end_fn)(z_streamp);

int
deflateInit_(z_streamp strm, int level, const char *version, int stream_size)
{
	if (version == NULL || version[0] != ZLIB_VERSION[0] ||
	    stream_size != (int)sizeof(z_stream))
		return Z_VERSION_ERROR;
	if (level == Z_DEFAULT_COMPRESSION)
		level = HPDF_FAST_DEFLATE_LEVEL;
	if (level < 0 || level > 9)
		return Z_STREAM_ERROR;
	struct whole *w = calloc(1, sizeof(*w));
	if (w == NULL)
		return Z_MEM_ERROR;
	w->magic = &whole_magic;
	w->level = level;
	strm->state = (struct internal_state *)(void *)w;
	strm->total_in = strm->total_out = 0;
	strm->msg = NULL;
	strm->adler = 1;
	return Z_OK;
}

/* The compressor for level, made once. */
static struct libdeflate_compressor *
compressor(int level)
{
	static struct libdeflate_compressor *c[10];
	if (c[level] == NULL)
		c[level] = libdeflate_alloc_compressor(level);
	return c[level];
}

void
hpdf_fast_warm(void)
{
	(void)compressor(HPDF_FAST_DEFLATE_LEVEL);
}

int
deflate(z_streamp strm, int flush)
{
	struct whole *w = whole_of(strm);
	if (w == NULL) {
		static deflate_fn real;
		if (real == NULL)
			next_fn("deflate", &real);
		return real(strm, flush);
	}
	if (strm->avail_in > 0) {
		if (w->done)
			return Z_STREAM_ERROR; /* input after Z_FINISH */
		size_t need = w->nin + strm->avail_in;
		if (need > w->capin) {
			size_t cap = w->capin ? w->capin : 4096;
			while (cap < need)
				cap *= 2;
			unsigned char *in = realloc(w->in, cap);
			if (in == NULL)
				return Z_MEM_ERROR;
			w->in = in;
			w->capin = cap;
		}
		memcpy(w->in + w->nin, strm->next_in, strm->avail_in);
		w->nin = need;
		strm->total_in += strm->avail_in;
		strm->next_in += strm->avail_in;
		strm->avail_in = 0;
	}
	if (flush != Z_FINISH)
		return Z_OK;
	if (!w->done) {
		struct libdeflate_compressor *c = compressor(w->level);
		size_t bound = c ? libdeflate_zlib_compress_bound(c, w->nin) : 0;
		w->out = c ? malloc(bound ? bound : 1) : NULL;
		if (w->out == NULL)
			return Z_MEM_ERROR;
		w->nout = libdeflate_zlib_compress(c, w->in ? w->in : w->out,
		                                   w->nin, w->out, bound);
		if (w->nout == 0)
			return Z_STREAM_ERROR; /* cannot happen: bound is enough */
		w->done = true;
	}
	size_t k = w->nout - w->given;
	if (k > strm->avail_out)
		k = strm->avail_out;
	memcpy(strm->next_out, w->out + w->given, k);
	w->given += k;
	strm->next_out += k;
	strm->avail_out -= (uInt)k;
	strm->total_out += k;
	return w->given == w->nout ? Z_STREAM_END : Z_OK;
}

int
deflateEnd(z_streamp strm)
{
	struct whole *w = whole_of(strm);
	if (w == NULL) {
		static deflate_end_fn real;
		if (real == NULL)
			next_fn("deflateEnd", &real);
		return real(strm);
	}
	free(w->in);
	free(w->out);
	free(w);
	strm->state = NULL;
	return Z_OK;
}
