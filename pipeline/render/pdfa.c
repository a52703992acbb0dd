/* PDF/A-1b through libharu's object API. libharu's own PDF/A mode is not
 * used: its metadata stream has /SubType, its XMP is not escaped, its /ID
 * comes from the clock and its output intent key has a trailing space.
 *
 * The file identifier. A 16-byte placeholder of zeros goes into the
 * trailer's /ID (both elements) and a placeholder UUID of zeros into the
 * XMP's xmpMM:DocumentID and xmpMM:InstanceID; the XMP stream is never
 * compressed, so after saving all four stand in the bytes as written here.
 * The MD5 of the whole file, placeholders included, is then patched over
 * them: the trailer gets it in hex, the XMP as a name-based UUID (version
 * 3 bits set). Same bytes in, same ID out; the length never changes. */
#include "render/pdfa.h"

#include <hpdf_encrypt.h>
#include <hpdf_objects.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/diag.h"
#include "core/file.h"

/* The default profile; a packager may pass -DJTAI_SRGB_ICC=... */
#ifndef JTAI_SRGB_ICC
#define JTAI_SRGB_ICC "/usr/share/color/icc/sRGB.icc"
#endif

#define ID_LEN      16
#define HEX_ZEROS   "00000000000000000000000000000000"
#define UUID_ZEROS  "uuid:00000000-0000-0000-0000-000000000000"
#define TRAILER_ID  "/ID [ <" HEX_ZEROS "> <" HEX_ZEROS "> ]"
#define XMP_DOC_ID  "<xmpMM:DocumentID>" UUID_ZEROS
#define XMP_INST_ID "<xmpMM:InstanceID>" UUID_ZEROS
/* The latest second with a four-digit year: 9999-12-31T23:59:59Z. */
#define MAX_EPOCH 253402300799LL

const char *
pdfa_icc_path(void)
{
	const char *env = getenv("JTAI_ICC_PROFILE");
	return env && *env ? env : JTAI_SRGB_ICC;
}

int
pdfa_date(const struct date *letter, const char *sde, struct pdfa_time *out)
{
	if (letter != NULL) {
		*out = (struct pdfa_time){
		    .y = letter->y, .m = letter->m, .d = letter->d};
		return 1;
	}
	if (sde == NULL || *sde == '\0')
		return 0;
	long long secs = 0;
	for (const char *s = sde; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		secs = secs * 10 + (*s - '0');
		if (secs > MAX_EPOCH)
			return -1;
	}
	struct date dt = date_from_days((long)(secs / 86400));
	long rem = (long)(secs % 86400);
	*out = (struct pdfa_time){.y = dt.y,
	                          .m = dt.m,
	                          .d = dt.d,
	                          .hh = (int)(rem / 3600),
	                          .mm = (int)(rem / 60 % 60),
	                          .ss = (int)(rem % 60)};
	return 1;
}

void
pdfa_xml_escape(struct buf *out, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		switch (c) {
		case '&': buf_puts(out, "&amp;"); break;
		case '<': buf_puts(out, "&lt;"); break;
		case '>': buf_puts(out, "&gt;"); break;
		case '"': buf_puts(out, "&quot;"); break;
		case '\'': buf_puts(out, "&apos;"); break;
		default:
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
				buf_putc(out, ' ');
			else
				buf_putc(out, c);
		}
	}
}

static void
xmp_time(struct buf *out, const char *tag, const struct pdfa_time *t)
{
	buf_printf(out,
	           "<xmp:%s>%04d-%02d-%02dT%02d:%02d:%02d+00:00</xmp:%s>\n",
	           tag, t->y, t->m, t->d, t->hh, t->mm, t->ss, tag);
}

/* One rdf:Description per schema, as XMP writers usually do. */
static void
xmp_open(struct buf *out, const char *prefix, const char *uri)
{
	buf_printf(out, "<rdf:Description rdf:about=\"\" xmlns:%s=\"%s\">\n",
	           prefix, uri);
}

void
pdfa_xmp(const struct pdfa_meta *m, struct buf *out)
{
	buf_puts(out, "<?xpacket begin=\"\xEF\xBB\xBF\" "
	              "id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
	              "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
	              "<rdf:RDF xmlns:rdf="
	              "\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
	xmp_open(out, "dc", "http://purl.org/dc/elements/1.1/");
	buf_puts(out, "<dc:format>application/pdf</dc:format>\n"
	              "<dc:title><rdf:Alt>"
	              "<rdf:li xml:lang=\"x-default\">");
	pdfa_xml_escape(out, m->title);
	buf_puts(out, "</rdf:li>");
	if (m->lang && *m->lang) {
		buf_puts(out, "<rdf:li xml:lang=\"");
		pdfa_xml_escape(out, m->lang);
		buf_puts(out, "\">");
		pdfa_xml_escape(out, m->title);
		buf_puts(out, "</rdf:li>");
	}
	buf_puts(out, "</rdf:Alt></dc:title>\n");
	if (m->lang && *m->lang) {
		buf_puts(out, "<dc:language><rdf:Bag><rdf:li>");
		pdfa_xml_escape(out, m->lang);
		buf_puts(out, "</rdf:li></rdf:Bag></dc:language>\n");
	}
	buf_puts(out, "</rdf:Description>\n");
	xmp_open(out, "xmp", "http://ns.adobe.com/xap/1.0/");
	buf_puts(out, "<xmp:CreatorTool>");
	pdfa_xml_escape(out, m->creator);
	buf_puts(out, "</xmp:CreatorTool>\n");
	if (m->has_time) {
		xmp_time(out, "CreateDate", &m->time);
		xmp_time(out, "ModifyDate", &m->time);
	}
	buf_puts(out, "</rdf:Description>\n");
	xmp_open(out, "pdf", "http://ns.adobe.com/pdf/1.3/");
	buf_puts(out, "<pdf:Producer>");
	pdfa_xml_escape(out, m->producer);
	buf_puts(out, "</pdf:Producer>\n</rdf:Description>\n");
	xmp_open(out, "xmpMM", "http://ns.adobe.com/xap/1.0/mm/");
	buf_puts(out, XMP_DOC_ID "</xmpMM:DocumentID>\n" XMP_INST_ID
	                         "</xmpMM:InstanceID>\n</rdf:Description>\n");
	xmp_open(out, "pdfaid", "http://www.aiim.org/pdfa/ns/id/");
	buf_puts(out, "<pdfaid:part>1</pdfaid:part>\n"
	              "<pdfaid:conformance>B</pdfaid:conformance>\n"
	              "</rdf:Description>\n"
	              "</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
}

/* The metadata stream: /Subtype /XML, never compressed (PDF/A prefers it
 * readable, and pdfa_patch_id must find its placeholders). */
static int
add_metadata(HPDF_Doc doc, const struct pdfa_meta *m)
{
	struct buf xmp;
	buf_init(&xmp);
	pdfa_xmp(m, &xmp);
	HPDF_Dict s = HPDF_DictStream_New(doc->mmgr, doc->xref);
	int rc = -1;
	if (s == NULL)
		goto out;
	s->filter = HPDF_STREAM_FILTER_NONE;
	if (HPDF_Dict_AddName(s, "Type", "Metadata") != HPDF_OK ||
	    HPDF_Dict_AddName(s, "Subtype", "XML") != HPDF_OK ||
	    HPDF_Stream_Write(s->stream, (const HPDF_BYTE *)xmp.data,
	                      (HPDF_UINT)xmp.len) != HPDF_OK ||
	    HPDF_Dict_Add(doc->catalog, "Metadata", s) != HPDF_OK)
		goto out;
	rc = 0;
out:
	buf_release(&xmp);
	return rc;
}

/* Reads the profile and checks that it is an RGB ICC profile. */
static int
read_icc(const char *icc, const char *path, struct buf *out,
         struct diag_sink *d)
{
	if (!file_exists(icc)) {
		diag_error(d, path, 0, 0,
		           "cannot find the sRGB colour profile for PDF/A '%s'",
		           icc);
		diag_hint(d, "install icc-profiles-free, or set "
		             "JTAI_ICC_PROFILE to an sRGB ICC profile");
		return -1;
	}
	if (file_read(icc, out, d) < 0)
		return -1;
	if (out->len < 128 || memcmp(out->data + 36, "acsp", 4) != 0 ||
	    memcmp(out->data + 16, "RGB ", 4) != 0) {
		diag_error(d, path, 0, 0,
		           "the colour profile for PDF/A is not an RGB ICC "
		           "profile '%s'",
		           icc);
		return -1;
	}
	return 0;
}

static HPDF_String
ascii(HPDF_Doc doc, const char *s)
{
	return HPDF_String_New(doc->mmgr, s, NULL);
}

/* The catalog's /OutputIntents: one GTS_PDFA1 intent with the profile. */
static int
add_intent(HPDF_Doc doc, const struct buf *icc, bool compress)
{
	HPDF_Dict prof = HPDF_DictStream_New(doc->mmgr, doc->xref);
	HPDF_Dict intent = HPDF_Dict_New(doc->mmgr);
	HPDF_Array list = HPDF_Array_New(doc->mmgr);
	if (prof == NULL || intent == NULL || list == NULL)
		return -1;
	prof->filter = compress ? HPDF_STREAM_FILTER_FLATE_DECODE
	                        : HPDF_STREAM_FILTER_NONE;
	HPDF_STATUS st = HPDF_Dict_AddNumber(prof, "N", 3);
	st |= HPDF_Stream_Write(prof->stream, (const HPDF_BYTE *)icc->data,
	                        (HPDF_UINT)icc->len);
	st |= HPDF_Dict_AddName(intent, "Type", "OutputIntent");
	st |= HPDF_Dict_AddName(intent, "S", "GTS_PDFA1");
	st |= HPDF_Dict_Add(intent, "OutputConditionIdentifier",
	                    ascii(doc, "sRGB IEC61966-2.1"));
	st |= HPDF_Dict_Add(intent, "RegistryName",
	                    ascii(doc, "http://www.color.org"));
	st |= HPDF_Dict_Add(intent, "Info", ascii(doc, "sRGB IEC61966-2.1"));
	st |= HPDF_Dict_Add(intent, "DestOutputProfile", prof);
	st |= HPDF_Array_Add(list, intent);
	st |= HPDF_Dict_Add(doc->catalog, "OutputIntents", list);
	return st == HPDF_OK ? 0 : -1;
}

static int
add_id_placeholder(HPDF_Doc doc)
{
	static const HPDF_BYTE zeros[ID_LEN];
	HPDF_Array id = HPDF_Array_New(doc->mmgr);
	if (id == NULL)
		return -1;
	HPDF_STATUS st = HPDF_Array_Add(
	    id, HPDF_Binary_New(doc->mmgr, (HPDF_BYTE *)zeros, ID_LEN));
	st |= HPDF_Array_Add(
	    id, HPDF_Binary_New(doc->mmgr, (HPDF_BYTE *)zeros, ID_LEN));
	st |= HPDF_Dict_Add(doc->trailer, "ID", id);
	return st == HPDF_OK ? 0 : -1;
}

int
pdfa_begin(HPDF_Doc doc, const struct pdfa_meta *m, bool compress,
           const char *path, struct diag_sink *d)
{
	struct buf icc;
	buf_init(&icc);
	int rc = -1;
	if (read_icc(pdfa_icc_path(), path, &icc, d) < 0)
		goto out;
	doc->pdf_version = HPDF_VER_14;
	if (add_metadata(doc, m) < 0 || add_intent(doc, &icc, compress) < 0 ||
	    add_id_placeholder(doc) < 0)
		goto out;
	rc = 0;
out:
	buf_release(&icc);
	return rc;
}

/* The offset of the only occurrence of s in [from, pdf+len), or -1 when
 * it occurs zero or several times. */
static long
find_once(const char *pdf, size_t len, size_t from, const char *s)
{
	size_t n = strlen(s);
	long at = -1;
	for (size_t i = from; i + n <= len; i++) {
		if (pdf[i] != s[0] || memcmp(pdf + i, s, n) != 0)
			continue;
		if (at >= 0)
			return -1;
		at = (long)i;
	}
	return at;
}

/* The last "trailer" keyword: the /ID placeholder is searched after it,
 * where no content can reach. */
static size_t
trailer_start(const char *pdf, size_t len)
{
	static const char kw[] = "\ntrailer\n";
	size_t n = sizeof(kw) - 1;
	for (size_t i = len >= n ? len - n + 1 : 0; i-- > 0;)
		if (memcmp(pdf + i, kw, n) == 0)
			return i;
	return len;
}

static void
put_hex(char *at, const unsigned char *b, size_t n, bool dashes)
{
	static const char hex[] = "0123456789ABCDEF";
	static const char lower[] = "0123456789abcdef";
	const char *h = dashes ? lower : hex;
	for (size_t i = 0; i < n; i++) {
		if (dashes && (i == 4 || i == 6 || i == 8 || i == 10))
			*at++ = '-';
		*at++ = h[b[i] >> 4];
		*at++ = h[b[i] & 15];
	}
}

int
pdfa_patch_id(char *pdf, size_t len)
{
	size_t tr = trailer_start(pdf, len);
	long id = find_once(pdf, len, tr, TRAILER_ID);
	long doc = find_once(pdf, tr, 0, XMP_DOC_ID);
	long inst = find_once(pdf, tr, 0, XMP_INST_ID);
	if (id < 0 || doc < 0 || inst < 0)
		return -1;
	unsigned char md5[ID_LEN];
	HPDF_MD5_CTX ctx;
	HPDF_MD5Init(&ctx);
	for (size_t at = 0; at < len;) {
		size_t n = len - at < UINT32_MAX ? len - at : UINT32_MAX;
		HPDF_MD5Update(&ctx, (const HPDF_BYTE *)pdf + at,
		               (HPDF_UINT32)n);
		at += n;
	}
	HPDF_MD5Final(md5, &ctx);
	put_hex(pdf + id + strlen("/ID [ <"), md5, ID_LEN, false);
	put_hex(pdf + id + strlen("/ID [ <" HEX_ZEROS "> <"), md5, ID_LEN,
	        false);
	unsigned char uuid[ID_LEN];
	memcpy(uuid, md5, ID_LEN);
	uuid[6] = (unsigned char)((uuid[6] & 0x0F) | 0x30); /* version 3 */
	uuid[8] = (unsigned char)((uuid[8] & 0x3F) | 0x80); /* RFC 4122 */
	size_t skip = strlen("<xmpMM:DocumentID>uuid:");
	put_hex(pdf + doc + skip, uuid, ID_LEN, true);
	put_hex(pdf + inst + skip, uuid, ID_LEN, true);
	return 0;
}
