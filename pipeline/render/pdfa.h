/* PDF/A-1b for a libharu document, through libharu's object API (its own
 * PDF/A mode does not validate; see docs/pdfa.md): the XMP metadata
 * stream, the sRGB output intent, the file identifier, the PDF version.
 * Nothing here reads the clock: the document's date is the letter's, or
 * SOURCE_DATE_EPOCH, or none; the identifier is a hash of the saved bytes,
 * patched in place after saving, so that the same letter gives the same
 * bytes. Fonts are made conformant by render/subset.h. */
#ifndef JTAI_RENDER_PDFA_H
#define JTAI_RENDER_PDFA_H

#include <hpdf.h>
#include <stdbool.h>
#include <stddef.h>

struct buf;
struct date;
struct diag_sink;

/* A moment in UTC, to the second. */
struct pdfa_time {
	int y, m, d, hh, mm, ss;
};

/* What the Info dictionary says, and so what the XMP must repeat. */
struct pdfa_meta {
	const char *title;    /* UTF-8, no control characters */
	const char *lang;     /* an RFC 3066 tag, e.g. "en-GB" */
	const char *producer; /* ASCII */
	const char *creator;  /* ASCII */
	bool has_time;
	struct pdfa_time time; /* creation and modification date */
};

/* The file holding the sRGB profile of the output intent:
 * $JTAI_ICC_PROFILE when set and not empty, else the path jtai was built
 * with (JTAI_SRGB_ICC, by default Debian's icc-profiles-free). Borrowed. */
const char *pdfa_icc_path(void);

/* The document's date: the letter's date at midnight UTC when letter is
 * not NULL, else the time given by sde (the value of SOURCE_DATE_EPOCH,
 * seconds since 1970 in UTC; NULL or "" when unset). Returns 1 with *out
 * set, 0 when there is no date, -1 when sde is not a whole number of
 * seconds between 1970 and 9999. */
int pdfa_date(const struct date *letter, const char *sde,
              struct pdfa_time *out);

/* Appends s (UTF-8) to out with the five XML special characters escaped,
 * and each character XML 1.0 forbids (the C0 controls but tab, line feed
 * and carriage return) replaced by a space. */
void pdfa_xml_escape(struct buf *out, const char *s);

/* Appends the XMP packet describing m (UTF-8, PDF/A-1b identification,
 * the document and instance IDs as placeholders that pdfa_patch_id
 * fills in). */
void pdfa_xmp(const struct pdfa_meta *m, struct buf *out);

/* Makes doc a PDF/A-1b document: version 1.4, the XMP metadata of m as an
 * uncompressed /Metadata stream, the sRGB output intent read from
 * pdfa_icc_path() (compressed when compress is true), and a placeholder
 * /ID in the trailer. Call after the Info dictionary is set from m and
 * before saving. Returns 0, or -1 after reporting into d against path
 * (a missing profile, or libharu's error). */
int pdfa_begin(HPDF_Doc doc, const struct pdfa_meta *m, bool compress,
               const char *path, struct diag_sink *d);

/* Replaces the placeholders written by pdfa_begin in the saved PDF (len
 * bytes at pdf) with an ID derived from an MD5 of those bytes: the
 * trailer's /ID and the XMP's document and instance IDs. The length does
 * not change. Returns 0, or -1 when a placeholder is missing. */
int pdfa_patch_id(char *pdf, size_t len);

#endif
