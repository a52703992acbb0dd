/* render/pdfa.c and render/subset.c: what can be checked in C. The XMP
 * (escaping, identification, dates), the choice of the document's date,
 * the file ID patched from a hash, and in whole PDFs the entries PDF/A-1b
 * needs and the font subsets. PDFBox Preflight itself runs in
 * tests/pdfa/run.sh. */
#include <criterion/criterion.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "render/page.h"
#include "render/pdf.h"
#include "render/pdfa.h"
#include "testutil.h"

#define PATH  "out/letter.md"
#define ZEROS "00000000000000000000000000000000"
#define UUID0 "uuid:00000000-0000-0000-0000-000000000000"

static struct test_render fx;

static void
setup(void)
{
	test_render_init(&fx);
	unsetenv("SOURCE_DATE_EPOCH");
	unsetenv("JTAI_ICC_PROFILE");
}

static void
teardown(void)
{
	test_render_release(&fx);
}

TestSuite(pdfa, .init = setup, .fini = teardown);

/* The first occurrence of s in b (which may hold NUL bytes), or NULL. */
static const char *
find(const struct buf *b, const char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; i + n <= b->len; i++)
		if (memcmp(b->data + i, s, n) == 0)
			return b->data + i;
	return NULL;
}

static size_t
count(const struct buf *b, const char *s)
{
	size_t n = strlen(s), k = 0;
	for (size_t i = 0; i + n <= b->len; i++)
		if (memcmp(b->data + i, s, n) == 0)
			k++;
	return k;
}

static void
escapes(const char *s, const char *want)
{
	struct buf b;
	buf_init(&b);
	pdfa_xml_escape(&b, s);
	cr_assert_str_eq(buf_cstr(&b), want);
	buf_release(&b);
}

Test(pdfa, xml_escape)
{
	escapes("a & b < c > d \"e\" 'f'",
	        "a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;");
	escapes("caf\xC3\xA9 \xE2\x80\x99", "caf\xC3\xA9 \xE2\x80\x99");
	escapes("a\x01\x1F"
	        "b\tc\nd",
	        "a  b\tc\nd");
	escapes("&amp;", "&amp;amp;");
}

static const struct pdfa_meta meta = {
    .title = "Inspection of <Riverford> & \"partners\"",
    .lang = "en-GB",
    .producer = "jtai",
    .creator = "jtai",
    .has_time = true,
    .time = {2025, 11, 24, 9, 5, 7},
};

Test(pdfa, xmp_identifies_pdfa_1b_and_repeats_the_info)
{
	struct buf x;
	buf_init(&x);
	pdfa_xmp(&meta, &x);
	cr_assert_eq(memcmp(x.data, "<?xpacket begin=\"\xEF\xBB\xBF\"", 20), 0);
	cr_assert_eq(count(&x, "<pdfaid:part>1</pdfaid:part>"), 1);
	cr_assert_eq(count(&x, "<pdfaid:conformance>B</pdfaid:conformance>"),
	             1);
	cr_assert_eq(count(&x, "<rdf:li xml:lang=\"x-default\">Inspection of "
	                       "&lt;Riverford&gt; &amp; &quot;partners&quot;"
	                       "</rdf:li>"),
	             1);
	cr_assert_eq(count(&x, "<rdf:li xml:lang=\"en-GB\">Inspection"), 1);
	cr_assert_eq(count(&x, "<dc:language><rdf:Bag><rdf:li>en-GB</rdf:li>"),
	             1);
	cr_assert_eq(count(&x, "<xmp:CreateDate>2025-11-24T09:05:07+00:00<"),
	             1);
	cr_assert_eq(count(&x, "<xmp:ModifyDate>2025-11-24T09:05:07+00:00<"),
	             1);
	cr_assert_eq(count(&x, "<pdf:Producer>jtai</pdf:Producer>"), 1);
	cr_assert_eq(count(&x, "<xmp:CreatorTool>jtai</xmp:CreatorTool>"), 1);
	cr_assert_eq(count(&x, UUID0), 2, "placeholders for pdfa_patch_id");
	cr_assert_eq(count(&x, "<Riverford>"), 0);
	cr_assert_not_null(find(&x, "<?xpacket end=\"w\"?>"));
	buf_release(&x);
}

Test(pdfa, xmp_without_a_date_has_none)
{
	struct pdfa_meta m = meta;
	m.has_time = false;
	struct buf x;
	buf_init(&x);
	pdfa_xmp(&m, &x);
	cr_assert_eq(count(&x, "Date"), 0);
	buf_release(&x);
}

Test(pdfa, date_from_the_letter_else_source_date_epoch)
{
	struct date letter = {2026, 4, 27};
	struct pdfa_time t;
	cr_assert_eq(pdfa_date(&letter, "1700000000", &t), 1);
	cr_assert_eq(t.y, 2026);
	cr_assert_eq(t.m, 4);
	cr_assert_eq(t.d, 27);
	cr_assert_eq(t.hh + t.mm + t.ss, 0);
	cr_assert_eq(pdfa_date(NULL, "1700000000", &t), 1);
	cr_assert(t.y == 2023 && t.m == 11 && t.d == 14);
	cr_assert(t.hh == 22 && t.mm == 13 && t.ss == 20);
	cr_assert_eq(pdfa_date(NULL, "0", &t), 1);
	cr_assert(t.y == 1970 && t.m == 1 && t.d == 1 && t.hh == 0);
	cr_assert_eq(pdfa_date(NULL, "253402300799", &t), 1);
	cr_assert(t.y == 9999 && t.m == 12 && t.d == 31 && t.ss == 59);
	cr_assert_eq(pdfa_date(NULL, NULL, &t), 0, "no date: never the clock");
	cr_assert_eq(pdfa_date(NULL, "", &t), 0);
}

Test(pdfa, malformed_source_date_epoch)
{
	struct pdfa_time t;
	const char *bad[] = {"abc",
	                     "-1",
	                     "12a",
	                     " 12",
	                     "1.5",
	                     "253402300800",
	                     "99999999999999999999999"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		cr_assert_eq(pdfa_date(NULL, bad[i], &t), -1, "%s", bad[i]);
}

/* A stand-in for a saved PDF, with the placeholders where pdfa_begin
 * puts them. */
static void
fake_pdf(struct buf *b, const char *body)
{
	buf_init(b);
	buf_printf(b,
	           "%%PDF-1.4\n1 0 obj\n<< /Length 9 >>\nstream\n"
	           "<xmpMM:DocumentID>" UUID0 "</xmpMM:DocumentID>\n"
	           "<xmpMM:InstanceID>" UUID0 "</xmpMM:InstanceID>\n"
	           "%s\nendstream\nendobj\n"
	           "trailer\n<<\n/ID [ <" ZEROS "> <" ZEROS "> ]\n>>\n"
	           "%%%%EOF\n",
	           body);
}

static void
id_of(const struct buf *b, char out[33])
{
	const char *p = find(b, "/ID [ <");
	cr_assert_not_null(p);
	memcpy(out, p + 7, 32);
	out[32] = '\0';
}

Test(pdfa, id_is_a_hash_of_the_bytes)
{
	struct buf a, b, c;
	fake_pdf(&a, "one letter");
	fake_pdf(&b, "one letter");
	fake_pdf(&c, "another letter");
	size_t len = a.len;
	cr_assert_eq(pdfa_patch_id(a.data, a.len), 0);
	cr_assert_eq(pdfa_patch_id(b.data, b.len), 0);
	cr_assert_eq(pdfa_patch_id(c.data, c.len), 0);
	cr_assert_eq(a.len, len);
	cr_assert_eq(memcmp(a.data, b.data, a.len), 0, "same bytes, same ID");
	char ia[33], ic[33];
	id_of(&a, ia);
	id_of(&c, ic);
	cr_assert_str_neq(ia, ic);
	cr_assert_str_neq(ia, ZEROS);
	cr_assert_eq(count(&a, ZEROS), 0);
	cr_assert_eq(count(&a, UUID0), 0);
	/* both /ID elements alike; the XMP IDs the same hash as a UUID */
	cr_assert_not_null(find(&a, "> <"));
	cr_assert_eq(count(&a, ia), 2);
	char uuid[37];
	snprintf(uuid, sizeof(uuid), "%.8s-%.4s-3", ia, ia + 8);
	for (char *s = uuid; *s; s++)
		*s = (char)(*s >= 'A' && *s <= 'F' ? *s - 'A' + 'a' : *s);
	cr_assert_eq(count(&a, uuid), 2, "%s", a.data);
	buf_release(&a);
	buf_release(&b);
	buf_release(&c);
}

Test(pdfa, id_placeholders_must_be_there_once)
{
	struct buf a;
	buf_init(&a);
	buf_puts(&a, "%PDF-1.4\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
	cr_assert_eq(pdfa_patch_id(a.data, a.len), -1);
	buf_release(&a);
	fake_pdf(&a, "<xmpMM:DocumentID>" UUID0);
	cr_assert_eq(pdfa_patch_id(a.data, a.len), -1, "twice: ambiguous");
	buf_release(&a);
}

static void
pdf_of(const char *md, unsigned flags, struct buf *out)
{
	struct doc_layout *dl = test_render_layout(&fx, PATH, md);
	buf_init(out);
	cr_assert_eq(pdf_write(dl, &fx.fonts, flags, PATH, out, &fx.sink), 0,
	             "%s", test_diags(&fx.sink));
	doc_layout_free(dl);
}

static const char *letter = "---\n"
                            "title: A letter & its title\n"
                            "date: 2026-04-27\n"
                            "---\n"
                            "# A letter\n\n"
                            "Plain words and a [link](https://example.org).\n";

Test(pdfa, a_letter_is_pdfa_1b)
{
	struct buf out;
	pdf_of(letter, 0, &out);
	cr_assert_eq(memcmp(out.data, "%PDF-1.4\n", 9), 0);
	cr_assert_eq(count(&out, "/Type /Metadata"), 1);
	cr_assert_eq(count(&out, "/Subtype /XML"), 1);
	cr_assert_eq(count(&out, "/SubType"), 0);
	cr_assert_eq(count(&out, "<pdfaid:part>1</pdfaid:part>"), 1);
	cr_assert_eq(count(&out, "A letter &amp; its title"), 2);
	cr_assert_eq(count(&out, "/S /GTS_PDFA1"), 1);
	cr_assert_eq(count(&out, "/DestOutputProfile "), 1);
	cr_assert_eq(count(&out, "/CreationDate (D:20260427000000+00'00')"), 1);
	cr_assert_eq(count(&out, "<xmp:CreateDate>2026-04-27T00:00:00+00:00"),
	             1);
	cr_assert_eq(count(&out, "/ID [ <"), 1);
	cr_assert_eq(count(&out, ZEROS), 0);
	cr_assert_eq(count(&out, "/F 4"), 1, "the link annotation prints");
	cr_assert_eq(count(&out, "/CIDSet "), 2, "regular and bold (heading)");
	cr_assert_eq(count(&out, "/CapHeight "), 2);
	buf_release(&out);
}

Test(pdfa, same_letter_same_bytes)
{
	struct buf a, b;
	pdf_of(letter, 0, &a);
	setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
	pdf_of(letter, 0, &b);
	cr_assert_eq(a.len, b.len);
	cr_assert_eq(memcmp(a.data, b.data, a.len), 0,
	             "the letter's date wins over SOURCE_DATE_EPOCH");
	buf_release(&a);
	buf_release(&b);
}

Test(pdfa, undated_letter_takes_source_date_epoch)
{
	const char *md = "Words.\n";
	struct buf a, b, c;
	pdf_of(md, 0, &a);
	cr_assert_eq(count(&a, "/CreationDate"), 0, "no date, not the clock");
	cr_assert_eq(count(&a, "<xmp:CreateDate>"), 0);
	setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
	pdf_of(md, 0, &b);
	pdf_of(md, 0, &c);
	cr_assert_eq(count(&b, "/ModDate (D:20231114221320+00'00')"), 1);
	cr_assert_eq(count(&b, "<xmp:ModifyDate>2023-11-14T22:13:20+00:00"), 1);
	cr_assert_eq(b.len, c.len);
	cr_assert_eq(memcmp(b.data, c.data, b.len), 0);
	buf_release(&a);
	buf_release(&b);
	buf_release(&c);
}

/* The diagnostics (malloc'd) of writing the PDF of a one-word letter,
 * which must fail. */
static char *
pdf_write_errors(void)
{
	struct doc_layout *dl =
	    render_layout(PATH, "Words.\n", 7, &fx.opts, &fx.sink);
	struct buf out;
	buf_init(&out);
	cr_assert_eq(pdf_write(dl, &fx.fonts, 0, PATH, &out, &fx.sink), -1);
	buf_release(&out);
	doc_layout_free(dl);
	return test_diags(&fx.sink);
}

Test(pdfa, bad_source_date_epoch_is_an_error)
{
	setenv("SOURCE_DATE_EPOCH", "yesterday", 1);
	char *got = pdf_write_errors();
	cr_assert(strstr(got, "SOURCE_DATE_EPOCH") != NULL, "%s", got);
	free(got);
}

Test(pdfa, missing_colour_profile_is_an_error)
{
	setenv("JTAI_ICC_PROFILE", "/nonexistent/sRGB.icc", 1);
	cr_assert_str_eq(pdfa_icc_path(), "/nonexistent/sRGB.icc");
	char *got = pdf_write_errors();
	cr_assert(strstr(got, "out/letter.md: error: cannot find the sRGB "
	                      "colour profile for PDF/A "
	                      "'/nonexistent/sRGB.icc'") != NULL,
	          "%s", got);
	cr_assert(strstr(got, "JTAI_ICC_PROFILE") != NULL, "%s", got);
	free(got);
}

/* The value after key at its first occurrence, or -1. */
static long
number_after(const struct buf *b, const char *key)
{
	const char *p = find(b, key);
	return p ? strtol(p + strlen(key), NULL, 10) : -1;
}

Test(pdfa, only_faces_drawn_are_embedded_as_small_subsets)
{
	struct buf out;
	pdf_of("Plain words only.\n", PDF_UNCOMPRESSED, &out);
	cr_assert_eq(count(&out, "/FontFile2 "), 1, "no bold, no mono");
	long len1 = number_after(&out, "/Length1 ");
	cr_assert_gt(len1, 1000);
	cr_assert_lt(len1, 12000, "a subset: %ld bytes", len1);
	cr_assert_eq(count(&out, "begincidrange"), 0);
	cr_assert_eq(count(&out, "beginbfrange"), 1, "a real ToUnicode");
	cr_assert_eq(count(&out, "<0050> <0050> <0050>"), 1, "P");
	buf_release(&out);
	pdf_of("Plain words, then **bold**.\n", 0, &out);
	cr_assert_eq(count(&out, "/FontFile2 "), 2);
	cr_assert_lt(out.len, 40000, "%zu bytes", out.len);
	buf_release(&out);
}

Test(pdfa, widths_only_for_characters_drawn)
{
	struct buf out;
	pdf_of("AAA\n", PDF_UNCOMPRESSED, &out);
	/* 'A', and the footer's title and "Page 1 of 1": a few runs */
	const char *w = find(&out, "/W [");
	cr_assert_not_null(w);
	int depth = 0, runs = 0;
	const char *s = w + 3;
	do {
		if (*s == '[' && ++depth == 2)
			runs++;
		else if (*s == ']')
			depth--;
	} while (*++s && depth > 0);
	cr_assert_eq(depth, 0);
	cr_assert_lt(runs, 15, "%.*s", (int)(s - w), w);
	cr_assert_lt(s - w, 400, "%.*s", (int)(s - w), w);
	buf_release(&out);
}
