/* The stand-ins for libharu's helpers (render/hpdf_fast.h): libharu's
 * results exactly, and libharu's own calls reach them. */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <dlfcn.h>
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_fontdef.h>
#include <hpdf_utils.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "core/font.h"
#include "render/hpdf_fast.h"
#include "render/subset.h"
#include "testutil.h"

Test(hpdf_fast, copies_return_the_end_like_libharu)
{
	HPDF_BYTE a[16] = "abcdefgh", b[16] = {0};
	cr_assert_eq(HPDF_MemCpy(b, a, 8), b + 8);
	cr_assert_eq(memcmp(a, b, 8), 0);
	cr_assert_eq(HPDF_MemCpy(b, a, 0), b);
	/* forwards, byte by byte: a target inside the source repeats it */
	HPDF_BYTE o[16] = "xyz";
	cr_assert_eq(HPDF_MemCpy(o + 1, o, 6), o + 7);
	cr_assert_eq(memcmp(o, "xxxxxxx", 7), 0);
	HPDF_BYTE back[16] = "abcdefgh";
	HPDF_MemCpy(back, back + 2, 6);
	cr_assert_eq(memcmp(back, "cdefghgh", 8), 0);
	cr_assert_eq(HPDF_MemSet(b, 'q', 5), b + 5);
	cr_assert_eq(memcmp(b, "qqqqqfgh", 8), 0);
	cr_assert_eq(HPDF_MemSet(b, 0, 0), b);
}

Test(hpdf_fast, libharu_calls_reach_them)
{
	/* the names libharu's PLT binds are ours, not the library's */
	cr_assert_eq(dlsym(RTLD_DEFAULT, "HPDF_MemCpy"), (void *)HPDF_MemCpy);
	cr_assert_eq(dlsym(RTLD_DEFAULT, "HPDF_MemSet"), (void *)HPDF_MemSet);
	cr_assert_eq(dlsym(RTLD_DEFAULT, "HPDF_TTFontDef_GetGlyphid"),
	             (void *)HPDF_TTFontDef_GetGlyphid);
	cr_assert_neq(dlsym(RTLD_NEXT, "HPDF_TTFontDef_GetGlyphid"),
	              (void *)HPDF_TTFontDef_GetGlyphid);
}

static void
check_face(const char *file, const char *text)
{
	struct charset cs;
	memset(&cs, 0, sizeof(cs));
	charset_add_utf8(&cs, text, strlen(text));
	char path[64];
	int fd = subset_preload(file, &cs, path);
	cr_assert_geq(fd, 0, "%s: not cut", file);
	HPDF_Doc doc = HPDF_New(NULL, NULL);
	cr_assert_not_null(doc);
	HPDF_UseUTFEncodings(doc);
	/* loaded into the document, which frees it */
	const char *name = HPDF_LoadTTFontFromFile(doc, path, HPDF_TRUE);
	cr_assert_not_null(name);
	HPDF_FontDef def = HPDF_GetFontDef(doc, name);
	cr_assert_not_null(def);
	/* every code: the cut face has a glyph for the text's characters
	 * only, so answering 0 outside them is what libharu answers */
	size_t found = 0;
	hpdf_fast_glyphs(&cs);
	for (unsigned u = 0; u <= 0xFFFF; u++) {
		unsigned short want = hpdf_real_glyphid(def, (unsigned short)u);
		unsigned short got =
		    HPDF_TTFontDef_GetGlyphid(def, (HPDF_UINT16)u);
		cr_assert_eq(got, want, "U+%04X: %u, libharu %u", u, got, want);
		found += want != 0;
	}
	hpdf_fast_glyphs(NULL);
	cr_assert_gt(found, 10);
	/* with no set, every code is looked up */
	cr_assert_neq(HPDF_TTFontDef_GetGlyphid(def, (HPDF_UINT16)text[0]), 0);
	HPDF_Free(doc);
	close(fd);
}

Test(hpdf_fast, glyph_ids_are_libharus)
{
	struct fontset fonts;
	test_fonts(&fonts);
	check_face(font_path(fonts.face[FONT_REGULAR]),
	           "Riverford’s front door: 12 children — “safe” ½ é");
	check_face(font_path(fonts.face[FONT_BOLD]), "Areas for improvement");
	fontset_release(&fonts);
}

/* Deflates text as libharu does: input in pieces of in_step bytes with
 * Z_NO_FLUSH, then Z_FINISH with room for out_step bytes at a time. */
static size_t
deflate_like_libharu(z_stream *z, const unsigned char *text, size_t n,
                     size_t in_step, unsigned char *out, size_t out_step)
{
	size_t have = 0;
	for (size_t at = 0; at < n; at += in_step) {
		z->next_in = (unsigned char *)text + at;
		z->avail_in = (uInt)(n - at < in_step ? n - at : in_step);
		z->next_out = out + have;
		z->avail_out = (uInt)out_step;
		int rc = deflate(z, Z_NO_FLUSH);
		cr_assert(rc == Z_OK || rc == Z_BUF_ERROR, "deflate: %d", rc);
		cr_assert_eq(z->avail_in, 0);
		have += out_step - z->avail_out;
	}
	for (;;) {
		z->next_out = out + have;
		z->avail_out = (uInt)out_step;
		int rc = deflate(z, Z_FINISH);
		cr_assert(rc == Z_OK || rc == Z_STREAM_END, "finish: %d", rc);
		have += out_step - z->avail_out;
		if (rc == Z_STREAM_END)
			return have;
	}
}

Test(hpdf_fast, deflate_whole_streams_and_zlibs_own)
{
	cr_assert_eq(dlsym(RTLD_DEFAULT, "deflateInit_"), (void *)deflateInit_);
	cr_assert_eq(dlsym(RTLD_DEFAULT, "deflate"), (void *)deflate);
	cr_assert_eq(dlsym(RTLD_DEFAULT, "deflateEnd"), (void *)deflateEnd);
	static unsigned char text[20000];
	for (size_t i = 0; i < sizeof(text); i++) /* compressible, not trivial */
		text[i] = (unsigned char)("The police contribute well "[i % 27] +
		                          (i / 997 % 3));
	static unsigned char out[4][30000], back[sizeof(text)];
	size_t n[4];
	/* libharu's streams: whole, at the chosen level, any piece sizes */
	const size_t steps[][2] = {{4096, 4096}, {1, 7}, {20000, 30000}};
	for (int k = 0; k < 3; k++) {
		z_stream z;
		memset(&z, 0, sizeof(z));
		cr_assert_eq(deflateInit(&z, Z_DEFAULT_COMPRESSION), Z_OK);
		n[k] = deflate_like_libharu(&z, text, sizeof(text), steps[k][0],
		                            out[k], steps[k][1]);
		cr_assert_eq(z.total_in, sizeof(text));
		cr_assert_eq(z.total_out, n[k]);
		cr_assert_eq(deflateEnd(&z), Z_OK);
		uLongf m = sizeof(back);
		cr_assert_eq(uncompress(back, &m, out[k], (uLong)n[k]), Z_OK);
		cr_assert_eq(m, sizeof(text));
		cr_assert_eq(memcmp(back, text, m), 0);
		cr_assert_eq(n[k], n[0]); /* the same bytes, however fed */
		cr_assert_eq(memcmp(out[k], out[0], n[0]), 0);
	}
	cr_assert_lt(n[0], sizeof(text) / 4);
	/* a stream begun with deflateInit2_ (libpng's) is zlib's own */
	z_stream z;
	memset(&z, 0, sizeof(z));
	cr_assert_eq(deflateInit2(&z, 9, Z_DEFLATED, 15, 9, Z_DEFAULT_STRATEGY),
	             Z_OK);
	n[3] = deflate_like_libharu(&z, text, sizeof(text), 512, out[3], 100);
	cr_assert_eq(deflateEnd(&z), Z_OK);
	uLongf m = sizeof(back);
	cr_assert_eq(uncompress(back, &m, out[3], (uLong)n[3]), Z_OK);
	cr_assert_eq(m, sizeof(text));
	cr_assert_eq(memcmp(back, text, m), 0);
	/* input after Z_FINISH is refused */
	memset(&z, 0, sizeof(z));
	cr_assert_eq(deflateInit(&z, Z_DEFAULT_COMPRESSION), Z_OK);
	unsigned char small[64];
	z.next_in = text;
	z.avail_in = 10;
	z.next_out = small;
	z.avail_out = sizeof(small);
	cr_assert_eq(deflate(&z, Z_FINISH), Z_STREAM_END);
	z.next_in = text;
	z.avail_in = 10;
	cr_assert_eq(deflate(&z, Z_FINISH), Z_STREAM_ERROR);
	cr_assert_eq(deflateEnd(&z), Z_OK);
}

Test(hpdf_fast, common_faces_are_made_once)
{
	struct fontset fonts;
	test_fonts(&fonts);
	const char *file = font_path(fonts.face[FONT_REGULAR]);
	struct charset cs;
	memset(&cs, 0, sizeof(cs));
	const char *text = "Riverford’s “front door” — £12 · café";
	charset_add_utf8(&cs, text, strlen(text));
	const char *a = subset_preload_common(file, &cs);
	cr_assert_not_null(a);
	cr_assert_eq(strncmp(a, "/proc/self/fd/", 14), 0);
	/* the same face again: the same file, not made again */
	cr_assert_eq(subset_preload_common(file, &cs), a);
	/* another face: another file */
	const char *b =
	    subset_preload_common(font_path(fonts.face[FONT_BOLD]), &cs);
	cr_assert_not_null(b);
	cr_assert_str_neq(a, b);
	/* a character outside the common set: the caller cuts its own */
	const char *arrow = "→";
	charset_add_utf8(&cs, arrow, strlen(arrow));
	cr_assert_null(subset_preload_common(file, &cs));
	fontset_release(&fonts);
}
