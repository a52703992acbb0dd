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

Test(hpdf_fast, deflate_at_the_chosen_level)
{
	cr_assert_eq(dlsym(RTLD_DEFAULT, "deflateInit_"), (void *)deflateInit_);
	/* the default level becomes ours; the stream still inflates */
	static const char text[] = "The police contribute well to the daily "
	                           "MASH meeting. The police contribute well.";
	unsigned char out[256], back[256];
	z_stream z;
	memset(&z, 0, sizeof(z));
	cr_assert_eq(deflateInit(&z, Z_DEFAULT_COMPRESSION), Z_OK);
	z.next_in = (unsigned char *)text;
	z.avail_in = sizeof(text);
	z.next_out = out;
	z.avail_out = sizeof(out);
	cr_assert_eq(deflate(&z, Z_FINISH), Z_STREAM_END);
	size_t n = sizeof(out) - z.avail_out;
	deflateEnd(&z);
	uLongf m = sizeof(back);
	cr_assert_eq(uncompress(back, &m, out, (uLong)n), Z_OK);
	cr_assert_eq(m, sizeof(text));
	cr_assert_eq(memcmp(back, text, m), 0);
	/* the same bytes as level 3 asked for by name */
	unsigned char three[256];
	memset(&z, 0, sizeof(z));
	cr_assert_eq(deflateInit(&z, HPDF_FAST_DEFLATE_LEVEL), Z_OK);
	z.next_in = (unsigned char *)text;
	z.avail_in = sizeof(text);
	z.next_out = three;
	z.avail_out = sizeof(three);
	cr_assert_eq(deflate(&z, Z_FINISH), Z_STREAM_END);
	cr_assert_eq(sizeof(three) - z.avail_out, n);
	cr_assert_eq(memcmp(three, out, n), 0);
	deflateEnd(&z);
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
