/* What libharu 2.3.0 leaves for a TrueType face with the UTF-8 encoder
 * (whose CMap ordering is "Identity-H"): the content streams show each
 * character as its UTF-16 code unit under /Identity-H, so code, CID and
 * code point are one number (characters outside the BMP are drawn as
 * spaces); the descendant font's /W and its CIDToGIDMap stream were filled
 * at HPDF_GetFont for every character of the face; each glyph drawn is
 * flagged in the font definition's glyph_tbl.flgs; the font descriptor and
 * program are written only at save time, unless fontdef->descriptor is
 * already set, in which case libharu links that one.
 *
 * So, after drawing: the CIDs drawn are those whose glyph (read back from
 * libharu's CIDToGIDMap) is flagged; characters sharing a glyph (space and
 * no-break space) all count. HarfBuzz subsets the file to those glyphs and
 * renumbers them; for the CIDs drawn we write /W, a new CIDToGIDMap into
 * the subset's glyph ids (zero elsewhere, so it deflates to almost
 * nothing), a CIDSet, and a ToUnicode CMap (libharu's is a CID CMap that
 * poppler and PDFBox reject), and a descriptor of our own (with CapHeight)
 * whose FontFile2 is the subset. Widths are libharu's, truncated to whole
 * 1/1000 em (HPDF_TTFontDef_GetGidWidth) as the layout measures them
 * (core/font.c), so they match the program's hmtx to within a unit. */
#define _GNU_SOURCE /* memfd_create */
#include "render/subset.h"

#include <harfbuzz/hb-subset.h>
#include <hpdf_encoder.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/utf8.h"

#define NCODES  0x10000
#define BUFSIZE 4096

/* One character drawn: its CID (= code = code point), its glyph in the
 * face and in the subset. */
struct used {
	unsigned cid, gid, sub;
};

struct drawn {
	struct used *c;
	size_t n;
	unsigned maxcid;
};

/* The tables a PDF reader takes from an embedded TrueType program (the
 * cmap and names are not needed for a CIDFontType2 but are small and help
 * font tools); everything else is dropped. */
static const char keep[][5] = {"cmap", "glyf", "head", "hhea", "hmtx",
                               "loca", "maxp", "name", "OS/2", "post"};

static HPDF_Stream
mem_stream(HPDF_MMgr mmgr, const void *p, size_t n)
{
	HPDF_Stream s = HPDF_MemStream_New(mmgr, BUFSIZE);
	if (s != NULL && n > 0 &&
	    HPDF_Stream_Write(s, (const HPDF_BYTE *)p, (HPDF_UINT)n) !=
	        HPDF_OK) {
		HPDF_Stream_Free(s);
		s = NULL;
	}
	return s;
}

/* Replaces the content of stream dictionary sd with n bytes at p. */
static int
replace_content(HPDF_Dict sd, const void *p, size_t n)
{
	HPDF_Stream s = mem_stream(sd->mmgr, p, n);
	if (s == NULL)
		return -1;
	HPDF_Stream_Free(sd->stream);
	sd->stream = s;
	return 0;
}

/* libharu's CIDToGIDMap as read back: big-endian glyph ids by CID. */
static unsigned char *
read_map(HPDF_Dict map, HPDF_UINT *len)
{
	HPDF_UINT32 size = HPDF_Stream_Size(map->stream);
	unsigned char *b = xmalloc(size ? size : 1);
	*len = size;
	HPDF_STATUS st = HPDF_Stream_Seek(map->stream, 0, HPDF_SEEK_SET);
	if (st == HPDF_OK)
		st = HPDF_Stream_Read(map->stream, b, len);
	if ((st != HPDF_OK && st != HPDF_STREAM_EOF) || *len != size) {
		free(b);
		return NULL;
	}
	return b;
}

/* The characters whose glyph libharu flagged as drawn, by CID. */
static int
find_drawn(HPDF_FontAttr attr, struct drawn *dr)
{
	HPDF_TTFontDefAttr def = attr->fontdef->attr;
	HPDF_UINT maplen;
	unsigned char *map = read_map(attr->map_stream, &maplen);
	if (map == NULL)
		return -1;
	size_t cap = 256;
	dr->c = xmalloc(cap * sizeof(*dr->c));
	dr->n = 0;
	dr->maxcid = 0;
	for (unsigned cid = 1; cid < NCODES && 2 * cid + 1 < maplen; cid++) {
		/* most of the map is zeros: four codes at a time past them */
		uint64_t four;
		if ((cid & 3) == 0 && 2 * (size_t)cid + sizeof(four) <= maplen) {
			memcpy(&four, map + 2 * cid, sizeof(four));
			if (four == 0) {
				cid += 3;
				continue;
			}
		}
		unsigned gid = (unsigned)map[2 * cid] << 8 | map[2 * cid + 1];
		if (gid == 0 || gid >= def->num_glyphs ||
		    !def->glyph_tbl.flgs[gid])
			continue;
		if (dr->n == cap) {
			cap *= 2;
			dr->c = xrealloc(dr->c, cap * sizeof(*dr->c));
		}
		dr->c[dr->n++] = (struct used){cid, gid, 0};
		dr->maxcid = cid;
	}
	free(map);
	return 0;
}

static int
is_kept(hb_tag_t t)
{
	for (size_t i = 0; i < sizeof(keep) / sizeof(keep[0]); i++)
		if (t == hb_tag_from_string(keep[i], 4))
			return 1;
	return 0;
}

/* The subset program of file for the glyphs drawn (and .notdef), with
 * each one's glyph id in it set in dr. Returns the blob (hb_blob_destroy
 * it), or NULL. */
static hb_blob_t *
subset_program(const char *file, struct drawn *dr)
{
	hb_blob_t *blob = hb_blob_create_from_file_or_fail(file);
	hb_face_t *face = blob ? hb_face_create(blob, 0) : NULL;
	hb_subset_input_t *in = face ? hb_subset_input_create_or_fail() : NULL;
	hb_subset_plan_t *plan = NULL;
	hb_blob_t *out = NULL;
	if (in == NULL)
		goto done;
	hb_set_t *glyphs = hb_subset_input_glyph_set(in);
	hb_set_t *unicodes = hb_subset_input_unicode_set(in);
	hb_set_add(glyphs, 0);
	for (size_t i = 0; i < dr->n; i++) {
		hb_set_add(glyphs, dr->c[i].gid);
		hb_set_add(unicodes, dr->c[i].cid);
	}
	hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
	hb_set_clear(drop);
	hb_tag_t tags[64];
	unsigned start = 0, count;
	do {
		count = sizeof(tags) / sizeof(tags[0]);
		hb_face_get_table_tags(face, start, &count, tags);
		for (unsigned i = 0; i < count; i++)
			if (!is_kept(tags[i]))
				hb_set_add(drop, tags[i]);
		start += count;
	} while (count == sizeof(tags) / sizeof(tags[0]));
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING |
	                                  HB_SUBSET_FLAGS_NOTDEF_OUTLINE);
	plan = hb_subset_plan_create_or_fail(face, in);
	hb_face_t *sub = plan ? hb_subset_plan_execute_or_fail(plan) : NULL;
	if (sub == NULL)
		goto done;
	const hb_map_t *to_new = hb_subset_plan_old_to_new_glyph_mapping(plan);
	bool mapped = true;
	for (size_t i = 0; i < dr->n; i++) {
		dr->c[i].sub = hb_map_get(to_new, dr->c[i].gid);
		mapped = mapped && dr->c[i].sub != HB_MAP_VALUE_INVALID;
	}
	out = hb_face_reference_blob(sub);
	hb_face_destroy(sub);
	if (!mapped || hb_blob_get_length(out) == 0) {
		hb_blob_destroy(out);
		out = NULL;
	}
done:
	hb_subset_plan_destroy(plan);
	hb_subset_input_destroy(in);
	hb_face_destroy(face);
	hb_blob_destroy(blob);
	return out;
}

/* A stream object of n bytes at p, compressed like the font. */
static HPDF_Dict
new_stream(HPDF_Font font, HPDF_Xref xref, const void *p, size_t n)
{
	HPDF_Dict sd = HPDF_DictStream_New(font->mmgr, xref);
	if (sd == NULL)
		return NULL;
	sd->filter = font->filter;
	if (n > 0 && HPDF_Stream_Write(sd->stream, (const HPDF_BYTE *)p,
	                               (HPDF_UINT)n) != HPDF_OK)
		return NULL;
	return sd;
}

/* The CIDSet: one bit per CID, most significant first; CID 0 included. */
static HPDF_Dict
cid_set(HPDF_Font font, HPDF_Xref xref, const struct drawn *dr)
{
	size_t n = dr->maxcid / 8 + 1;
	unsigned char *bits = xcalloc(n, 1);
	bits[0] = 0x80;
	for (size_t i = 0; i < dr->n; i++)
		bits[dr->c[i].cid / 8] |=
		    (unsigned char)(0x80 >> dr->c[i].cid % 8);
	HPDF_Dict sd = new_stream(font, xref, bits, n);
	free(bits);
	return sd;
}

static HPDF_Dict
descriptor(HPDF_Font font, HPDF_Xref xref, hb_blob_t *prog,
           const struct drawn *dr)
{
	HPDF_FontDef def = ((HPDF_FontAttr)font->attr)->fontdef;
	HPDF_TTFontDefAttr tt = def->attr;
	unsigned len;
	const char *data = hb_blob_get_data(prog, &len);
	HPDF_Dict file = new_stream(font, xref, data, len);
	HPDF_Dict set = cid_set(font, xref, dr);
	HPDF_Dict d = HPDF_Dict_New(font->mmgr);
	if (file == NULL || set == NULL || d == NULL ||
	    HPDF_Xref_Add(xref, d) != HPDF_OK)
		return NULL;
	HPDF_STATUS st = HPDF_Dict_AddNumber(file, "Length1", (HPDF_INT32)len);
	st |= HPDF_Dict_AddName(d, "Type", "FontDescriptor");
	st |= HPDF_Dict_AddName(d, "FontName", tt->base_font);
	st |= HPDF_Dict_AddNumber(d, "Flags", (HPDF_INT32)def->flags);
	st |= HPDF_Dict_Add(d, "FontBBox",
	                    HPDF_Box_Array_New(font->mmgr, def->font_bbox));
	st |= HPDF_Dict_AddNumber(d, "ItalicAngle", def->italic_angle);
	st |= HPDF_Dict_AddNumber(d, "Ascent", def->ascent);
	st |= HPDF_Dict_AddNumber(d, "Descent", def->descent);
	st |= HPDF_Dict_AddNumber(d, "CapHeight", def->cap_height);
	st |= HPDF_Dict_AddNumber(d, "XHeight", def->x_height);
	st |= HPDF_Dict_AddNumber(d, "StemV", def->stemv);
	st |= HPDF_Dict_Add(d, "FontFile2", file);
	st |= HPDF_Dict_Add(d, "CIDSet", set);
	return st == HPDF_OK ? d : NULL;
}

/* /W: runs of consecutive CIDs, "c [w1 w2 ...]". */
static HPDF_Array
widths(HPDF_Font font, const struct drawn *dr)
{
	HPDF_FontDef def = ((HPDF_FontAttr)font->attr)->fontdef;
	HPDF_Array w = HPDF_Array_New(font->mmgr);
	HPDF_Array run = NULL;
	HPDF_STATUS st = w ? HPDF_OK : HPDF_FAILD_TO_ALLOC_MEM;
	for (size_t i = 0; i < dr->n && st == HPDF_OK; i++) {
		if (run == NULL || dr->c[i].cid != dr->c[i - 1].cid + 1) {
			run = HPDF_Array_New(font->mmgr);
			st |= HPDF_Array_AddNumber(w, (HPDF_INT32)dr->c[i].cid);
			st |= HPDF_Array_Add(w, run);
		}
		st |= HPDF_Array_AddNumber(
		    run,
		    HPDF_TTFontDef_GetGidWidth(def, (HPDF_UINT16)dr->c[i].gid));
	}
	return st == HPDF_OK ? w : NULL;
}

static int
write_map(HPDF_Dict map, const struct drawn *dr)
{
	size_t n = 2 * ((size_t)dr->maxcid + 1);
	unsigned char *b = xcalloc(n, 1);
	for (size_t i = 0; i < dr->n; i++) {
		b[2 * dr->c[i].cid] = (unsigned char)(dr->c[i].sub >> 8);
		b[2 * dr->c[i].cid + 1] = (unsigned char)dr->c[i].sub;
	}
	int rc = replace_content(map, b, n);
	free(b);
	return rc;
}

/* Whether entry i may extend the bfrange that starts at entry s:
 * consecutive CIDs that differ in their last byte only. */
static int
extends(const struct drawn *dr, size_t s, size_t i)
{
	return dr->c[i].cid == dr->c[i - 1].cid + 1 &&
	       (dr->c[i].cid >> 8) == (dr->c[s].cid >> 8);
}

/* The text of a ToUnicode CMap for the characters drawn. */
static void
to_unicode_text(const struct drawn *dr, struct buf *out)
{
	buf_puts(out, "/CIDInit /ProcSet findresource begin\n"
	              "12 dict begin\nbegincmap\n"
	              "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
	              "/Supplement 0 >> def\n"
	              "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
	              "1 begincodespacerange\n<0000> <FFFF>\n"
	              "endcodespacerange\n");
	struct buf ranges;
	buf_init(&ranges);
	size_t nranges = 0;
	for (size_t s = 0, i; s < dr->n; s = i) {
		for (i = s + 1; i < dr->n && extends(dr, s, i); i++)
			;
		if (dr->c[s].cid >= 0xD800 && dr->c[s].cid < 0xE000)
			continue; /* a lone surrogate maps to nothing */
		buf_printf(&ranges, "<%04X> <%04X> <%04X>\n", dr->c[s].cid,
		           dr->c[i - 1].cid, dr->c[s].cid);
		if (++nranges == 100) {
			buf_printf(out, "100 beginbfrange\n%sendbfrange\n",
			           buf_cstr(&ranges));
			buf_clear(&ranges);
			nranges = 0;
		}
	}
	if (nranges > 0)
		buf_printf(out, "%zu beginbfrange\n%sendbfrange\n", nranges,
		           buf_cstr(&ranges));
	buf_release(&ranges);
	buf_puts(out, "endcmap\nCMapName currentdict /CMap defineresource pop\n"
	              "end\nend\n");
}

/* Turns libharu's CID CMap, linked as /ToUnicode, into a ToUnicode CMap. */
static int
write_to_unicode(HPDF_Font font, const struct drawn *dr)
{
	HPDF_Dict cmap = ((HPDF_FontAttr)font->attr)->cmap_stream;
	if (cmap == NULL ||
	    HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT) != cmap)
		return 0; /* not libharu's Identity-H layout: leave it */
	static const char *const drop[] = {"Type", "CMapName", "CIDSystemInfo",
	                                   "WMode"};
	for (size_t i = 0; i < sizeof(drop) / sizeof(drop[0]); i++)
		HPDF_Dict_RemoveElement(cmap, drop[i]);
	struct buf text;
	buf_init(&text);
	to_unicode_text(dr, &text);
	int rc = replace_content(cmap, text.data, text.len);
	buf_release(&text);
	return rc;
}

/* Whether font is what this file knows how to subset. */
static int
is_utf8_truetype(HPDF_Font font)
{
	HPDF_FontAttr attr = font->attr;
	HPDF_CMapEncoderAttr enc = attr->encoder->attr;
	return attr->type == HPDF_FONT_TYPE0_TT &&
	       attr->fontdef->type == HPDF_FONTDEF_TYPE_TRUETYPE &&
	       ((HPDF_TTFontDefAttr)attr->fontdef->attr)->embedding &&
	       attr->fontdef->descriptor == NULL && attr->map_stream != NULL &&
	       attr->descendant_font != NULL &&
	       attr->encoder->type == HPDF_ENCODER_TYPE_DOUBLE_BYTE &&
	       strcmp(enc->ordering, "Identity-H") == 0;
}

int
subset_font(HPDF_Doc doc, HPDF_Font font, const char *file, const char *path,
            struct diag_sink *d)
{
	if (font == NULL || !is_utf8_truetype(font))
		return 0;
	HPDF_FontAttr attr = font->attr;
	struct drawn dr = {0};
	hb_blob_t *prog = NULL;
	int rc = -1;
	if (find_drawn(attr, &dr) < 0 ||
	    (prog = subset_program(file, &dr)) == NULL)
		goto out;
	HPDF_Dict desc = descriptor(font, doc->xref, prog, &dr);
	HPDF_Array w = widths(font, &dr);
	if (desc == NULL || w == NULL ||
	    HPDF_Dict_Add(attr->descendant_font, "W", w) != HPDF_OK ||
	    write_map(attr->map_stream, &dr) < 0 ||
	    write_to_unicode(font, &dr) < 0)
		goto out;
	attr->fontdef->descriptor = desc;
	rc = 0;
out:
	if (rc < 0)
		diag_error(d, path, 0, 0, "cannot subset the font '%s'", file);
	hb_blob_destroy(prog);
	free(dr.c);
	return rc;
}

void
charset_add_utf8(struct charset *cs, const char *s, size_t n)
{
	unsigned cp;
	for (size_t i = 0; i < n; i += utf8_next(s, n, i, &cp))
		if (utf8_next(s, n, i, &cp) && cp < 0x10000)
			cs->bits[cp >> 3] |= (unsigned char)(1u << (cp & 7));
}

bool
charset_has_utf8(const struct charset *cs, const char *s, size_t n)
{
	unsigned cp;
	for (size_t i = 0; i < n; i += utf8_next(s, n, i, &cp))
		if (utf8_next(s, n, i, &cp) && cp < 0x10000 &&
		    !(cs->bits[cp >> 3] & (1u << (cp & 7))))
			return false;
	return true;
}

static int
write_all(int fd, const char *p, unsigned n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w <= 0)
			return -1;
		p += w;
		n -= (unsigned)w;
	}
	return 0;
}

int
subset_preload(const char *file, const struct charset *cs, char path[64])
{
	hb_blob_t *blob = hb_blob_create_from_file_or_fail(file);
	hb_face_t *face = blob ? hb_face_create(blob, 0) : NULL;
	hb_subset_input_t *in = face ? hb_subset_input_create_or_fail() : NULL;
	hb_face_t *sub = NULL;
	int fd = -1;
	if (in == NULL)
		goto out;
	hb_set_t *unicodes = hb_subset_input_unicode_set(in);
	for (unsigned byte = 0; byte < sizeof(cs->bits); byte++)
		for (unsigned bit = 0; cs->bits[byte] >> bit; bit++)
			if (cs->bits[byte] >> bit & 1)
				hb_set_add(unicodes, byte * 8 + bit);
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
	sub = hb_subset_or_fail(face, in);
	if (sub == NULL)
		goto out;
	hb_blob_t *data = hb_face_reference_blob(sub);
	unsigned len = 0;
	const char *bytes = hb_blob_get_data(data, &len);
	fd = len > 0 ? memfd_create("jtai-face", MFD_CLOEXEC) : -1;
	if (fd >= 0 && write_all(fd, bytes, len) < 0) {
		close(fd);
		fd = -1;
	}
	hb_blob_destroy(data);
	if (fd >= 0)
		snprintf(path, 64, "/proc/self/fd/%d", fd);
out:
	hb_face_destroy(sub);
	hb_subset_input_destroy(in);
	hb_face_destroy(face);
	hb_blob_destroy(blob);
	return fd;
}

/* The common characters of subset_preload_common. */
static void
common_set(struct charset *cs)
{
	/* and the bullets of nested lists (render/flow.c) */
	static const unsigned ranges[][2] = {
	    {0x20, 0x7E},     {0xA0, 0xFF},     {0x2010, 0x2027},
	    {0x2030, 0x203A}, {0x20AC, 0x20AC}, {0x2122, 0x2122},
	    {0x2212, 0x2212}, {0x25AA, 0x25AA}, {0x25E6, 0x25E6},
	};
	memset(cs, 0, sizeof(*cs));
	for (size_t i = 0; i < sizeof(ranges) / sizeof(*ranges); i++)
		for (unsigned cp = ranges[i][0]; cp <= ranges[i][1]; cp++)
			cs->bits[cp >> 3] |= (unsigned char)(1u << (cp & 7));
}

#define COMMON_FACES 8 /* more than a font set's faces */

const char *
subset_preload_common(const char *file, const struct charset *cs)
{
	static struct charset common;
	static struct {
		char *file;
		int fd;
		char path[64];
	} faces[COMMON_FACES];
	static bool made;
	if (!made) {
		common_set(&common);
		made = true;
	}
	for (size_t i = 0; i < sizeof(cs->bits); i++)
		if (cs->bits[i] & ~common.bits[i])
			return NULL;
	for (size_t i = 0; i < COMMON_FACES; i++) {
		if (faces[i].file == NULL) {
			faces[i].file = xstrdup(file);
			faces[i].fd = subset_preload(file, &common, faces[i].path);
		}
		if (strcmp(faces[i].file, file) == 0)
			return faces[i].fd >= 0 ? faces[i].path : NULL;
	}
	return NULL;
}
