/* Writing with libharu (see shared pitfalls): compression is set right
 * after HPDF_New; UTF-8 is the current encoder before any Info string is
 * set; text is never measured through libharu (the layout measured it with
 * the same widths); each string is shown at a position the layout chose,
 * spaces kept inside so that text extracts as words. libharu's errors are
 * sticky: the handler keeps the first, and each phase checks
 * HPDF_GetError. All text of a page goes in one text object. */
#include "render/pdf.h"

#include <hpdf.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chart/scene.h"
#include "core/alloc.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/font.h"
#include "render/page.h"
#include "render/pdf_chart.h"
#include "render/hpdf_fast.h"
#include "render/pdfa.h"
#include "render/subset.h"
#include "render/tag.h"

/* Colours of the house style (GOV.UK's palette). */
static const struct rgb inks[] = {
    [INK_TEXT] = {0.043, 0.047, 0.047},  /* #0b0c0c */
    [INK_LINK] = {0.114, 0.439, 0.722},  /* #1d70b8 */
    [INK_MUTED] = {0.314, 0.353, 0.373}, /* #505a5f */
    [INK_RULE] = {0.694, 0.706, 0.714},  /* #b1b4b6 */
    [INK_INS] = {0.0, 0.439, 0.235},     /* #00703c: a redline's insertion */
    [INK_DEL] = {0.831, 0.208, 0.110},   /* #d4351c: and its deletion */
};
/* Quote boxes and table headers. */
static const struct rgb shade = {0.953, 0.949, 0.945}; /* #f3f2f1 */
#define QUOTE_BAR 5.0
/* Underline position and thickness of Liberation Sans, in em. */
#define UNDERLINE_POS   0.106
#define UNDERLINE_THICK 0.073

struct pdf {
	HPDF_Doc doc;
	const struct doc_layout *dl;
	const struct fontset *fonts;
	HPDF_Font font[FONT_ROLES];
	/* each face cut to the letter's characters (render/subset.h) */
	struct charset *chars;
	int face_fd[FONT_ROLES];
	bool face_tried[FONT_ROLES];
	char face_path[FONT_ROLES][64];
	HPDF_Encoder utf8;
	HPDF_Page *pages;
	struct tagger *tag;
	struct buf str; /* NUL-terminated copy of the string being shown */
	HPDF_STATUS err, detail;
	/* text state of the current text object */
	HPDF_Font cur_font;
	double cur_size;
	int cur_ink;
};

static void
on_error(HPDF_STATUS err, HPDF_STATUS detail, void *user)
{
	struct pdf *p = user;
	if (p->err == 0) {
		p->err = err;
		p->detail = detail;
	}
}

/* Returns 0, or -1 after reporting the first error libharu met. */
static int
check(struct pdf *p, const char *path, const char *phase, struct diag_sink *d)
{
	HPDF_STATUS err = p->err ? p->err : HPDF_GetError(p->doc);
	if (err == HPDF_OK)
		return 0;
	diag_error(d, path, 0, 0,
	           "cannot write the PDF while %s: libharu error 0x%04X "
	           "(detail %u)",
	           phase, (unsigned)err, (unsigned)p->detail);
	return -1;
}

static void
set_fill(HPDF_Page pg, struct rgb c)
{
	HPDF_Page_SetRGBFill(pg, (HPDF_REAL)c.r, (HPDF_REAL)c.g,
	                     (HPDF_REAL)c.b);
}

/* The characters each face draws: the text, and the charts' labels. */
static void
collect_chars(struct pdf *p)
{
	const struct doc_layout *dl = p->dl;
	p->chars = xcalloc(FONT_ROLES, sizeof(*p->chars));
	for (size_t i = 0; i < dl->ntext; i++)
		charset_add_utf8(&p->chars[dl->text[i].face], dl->text[i].s,
		                 dl->text[i].n);
	for (size_t i = 0; i < dl->npage; i++)
		for (int k = 0; k < 2; k++) {
			const struct pg_text *f = &dl->page[i].footer[k];
			if (f->n > 0)
				charset_add_utf8(&p->chars[f->face], f->s, f->n);
		}
	for (size_t i = 0; i < dl->nchart; i++) {
		const struct scene *sc = dl->chart[i].scene;
		for (size_t k = 0; k < sc->n; k++)
			if (sc->ops[k].kind == OP_TEXT && sc->ops[k].text != NULL)
				charset_add_utf8(
				    &p->chars[sc->ops[k].bold ? FONT_BOLD : FONT_REGULAR],
				    sc->ops[k].text, strlen(sc->ops[k].text));
	}
	/* every face keeps the space, and the H that libharu reads its cap
	 * height from (a PDF/A font descriptor's CapHeight) */
	for (int r = 0; r < FONT_ROLES; r++)
		charset_add_utf8(&p->chars[r], " H", 2);
}

/* The file libharu loads for role r: the face cut to the letter's
 * characters, else (when it cannot be cut) the whole face. */
static const char *
face_file(struct pdf *p, enum font_role r)
{
	const char *whole = font_path(p->fonts->face[r]);
	if (!p->face_tried[r]) {
		p->face_tried[r] = true;
		const char *common = subset_preload_common(whole, &p->chars[r]);
		if (common)
			snprintf(p->face_path[r], sizeof(p->face_path[r]), "%s",
			         common); /* not ours to close: face_fd stays -1 */
		else
			p->face_fd[r] = subset_preload(whole, &p->chars[r],
			                               p->face_path[r]);
	}
	return p->face_path[r][0] ? p->face_path[r] : whole;
}

/* The face of role r, embedded on first use. */
static HPDF_Font
pdf_font(struct pdf *p, enum font_role r)
{
	if (p->font[r] == NULL) {
		const char *name =
		    HPDF_LoadTTFontFromFile(p->doc, face_file(p, r), HPDF_TRUE);
		if (name != NULL) {
			/* only the letter's characters are drawn: the rest
			 * need no lookup (render/hpdf_fast.h) */
			hpdf_fast_glyphs(&p->chars[r]);
			p->font[r] = HPDF_GetFont(p->doc, name, "UTF-8");
			hpdf_fast_glyphs(NULL);
		}
	}
	return p->font[r];
}

static const char *
cstr(struct pdf *p, const char *s, size_t n)
{
	buf_clear(&p->str);
	buf_append(&p->str, s, n);
	return buf_cstr(&p->str);
}

static void
show(struct pdf *p, HPDF_Page pg, const struct pg_text *t)
{
	/* the faces were cut to what collect_chars found: all text drawn
	 * must be there, or it would print as blanks */
	if (!charset_has_utf8(&p->chars[t->face], t->s, t->n) && !p->err)
		p->err = HPDF_INVALID_PARAMETER;
	HPDF_Font f = pdf_font(p, t->face);
	if (f != p->cur_font || t->size != p->cur_size) {
		HPDF_Page_SetFontAndSize(pg, f, (HPDF_REAL)t->size);
		p->cur_font = f;
		p->cur_size = t->size;
	}
	if ((int)t->ink != p->cur_ink) {
		set_fill(pg, inks[t->ink]);
		p->cur_ink = (int)t->ink;
	}
	HPDF_Page_TextOut(pg, (HPDF_REAL)t->x, (HPDF_REAL)(PAGE_HEIGHT - t->y),
	                  cstr(p, t->s, t->n));
}

static void
fill_rect(HPDF_Page pg, double x, double y, double w, double h, struct rgb c)
{
	set_fill(pg, c);
	HPDF_Page_Rectangle(pg, (HPDF_REAL)x, (HPDF_REAL)(PAGE_HEIGHT - y - h),
	                    (HPDF_REAL)w, (HPDF_REAL)h);
	HPDF_Page_Fill(pg);
}

static void
draw_rect(HPDF_Page pg, const struct pg_rect *r)
{
	switch (r->kind) {
	case RECT_QUOTE:
		fill_rect(pg, r->x, r->y, r->w, r->h, shade);
		fill_rect(pg, r->x, r->y, QUOTE_BAR, r->h, inks[r->ink]);
		break;
	case RECT_SHADE:
		fill_rect(pg, r->x, r->y, r->w, r->h, shade);
		break;
	case RECT_FILL:
	case RECT_OVER:
		fill_rect(pg, r->x, r->y, r->w, r->h, inks[r->ink]);
		break;
	}
}

/* Chart c, drawn in the letter's regular and bold faces. */
static void
draw_chart(struct pdf *p, HPDF_Page pg, const struct pg_chart *c)
{
	struct pdf_chart_fonts f = {
	    {pdf_font(p, FONT_REGULAR), pdf_font(p, FONT_BOLD)},
	    {p->fonts->face[FONT_REGULAR], p->fonts->face[FONT_BOLD]}};
	pdf_chart_draw(pg, c, &f);
}

/* A link target as a URI: bytes outside printable ASCII, and the few that
 * a URI may not hold, percent-encoded. */
static const char *
uri_encode(struct pdf *p, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	buf_clear(&p->str);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c <= 0x20 || c >= 0x7F || strchr("\"<>\\^`{|}", c)) {
			char esc[3] = {'%', hex[c >> 4], hex[c & 15]};
			buf_append(&p->str, esc, 3);
		} else {
			buf_putc(&p->str, c);
		}
	}
	return buf_cstr(&p->str);
}

/* Link i: its underline, an artifact, and its annotation, tied to the
 * Link element of its text. */
static void
draw_link(struct pdf *p, HPDF_Page pg, size_t i)
{
	const struct pg_link *k = &p->dl->link[i];
	tag_artifact(p->tag, "Layout");
	fill_rect(pg, k->x, k->y + UNDERLINE_POS * k->size, k->w,
	          UNDERLINE_THICK * k->size, inks[INK_LINK]);
	tag_close(p->tag);
	const struct font *f = p->fonts->face[FONT_REGULAR];
	double asc = font_ascent(f) * k->size / 1000;
	double desc = -font_descent(f) * k->size / 1000;
	HPDF_Rect r = {(HPDF_REAL)k->x, (HPDF_REAL)(PAGE_HEIGHT - k->y - desc),
	               (HPDF_REAL)(k->x + k->w),
	               (HPDF_REAL)(PAGE_HEIGHT - k->y + asc)};
	const char *uri = uri_encode(p, p->dl->url[k->url]);
	if (uri[0] == '\0') /* [text](): libharu refuses an empty URI */
		return;
	HPDF_Annotation a = HPDF_Page_CreateURILinkAnnot(pg, r, uri);
	if (a == NULL)
		return;
	HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
	HPDF_Dict_AddNumber(a, "F", 4); /* print */
	tag_link(p->tag, a, i);
}

/* Restarts the text state cache: after a text object ends, or a chart. */
static void
text_state_reset(struct pdf *p)
{
	p->cur_font = NULL;
	p->cur_size = 0;
	p->cur_ink = -1;
}

/* Rules, shading and boxes: behind the text (over it: a redline's
 * strikes, when over is set), and artifacts. */
static void
draw_rects(struct pdf *p, HPDF_Page pg, const struct pg_page *page, bool over)
{
	size_t n = 0;
	for (size_t i = 0; i < page->nrect; i++)
		n += (p->dl->rect[page->rect0 + i].kind == RECT_OVER) == over;
	if (n == 0)
		return;
	tag_artifact(p->tag, "Layout");
	for (size_t i = 0; i < page->nrect; i++)
		if ((p->dl->rect[page->rect0 + i].kind == RECT_OVER) == over)
			draw_rect(pg, &p->dl->rect[page->rect0 + i]);
	tag_close(p->tag);
}

/* The page's text and charts in reading order, each tagged: a chart goes
 * before the first text of a later block, outside the text object. */
static void
draw_content(struct pdf *p, HPDF_Page pg, const struct pg_page *page)
{
	const struct doc_layout *dl = p->dl;
	size_t c = 0;
	bool in_text = false;
	for (size_t i = 0; i <= page->ntext; i++) {
		const struct pg_text *t =
		    i < page->ntext ? &dl->text[page->text0 + i] : NULL;
		while (c < page->nchart &&
		       (t == NULL ||
		        dl->chart[page->chart0 + c].block < t->block)) {
			const struct pg_chart *ch = &dl->chart[page->chart0 + c];
			if (in_text) {
				tag_close(p->tag);
				HPDF_Page_EndText(pg);
				in_text = false;
			}
			tag_figure(p->tag, ch);
			draw_chart(p, pg, ch);
			tag_close(p->tag);
			text_state_reset(p);
			c++;
		}
		if (t == NULL)
			break;
		if (!in_text) {
			HPDF_Page_BeginText(pg);
			in_text = true;
		}
		tag_text(p->tag, page->text0 + i);
		show(p, pg, t);
	}
	if (in_text) {
		tag_close(p->tag);
		HPDF_Page_EndText(pg);
	}
}

static void
draw_page(struct pdf *p, HPDF_Page pg, size_t i)
{
	const struct doc_layout *dl = p->dl;
	const struct pg_page *page = &dl->page[i];
	HPDF_Page_SetWidth(pg, (HPDF_REAL)PAGE_WIDTH);
	HPDF_Page_SetHeight(pg, (HPDF_REAL)PAGE_HEIGHT);
	tag_page(p->tag, pg, i);
	text_state_reset(p);
	draw_rects(p, pg, page, false);
	draw_content(p, pg, page);
	draw_rects(p, pg, page, true);
	HPDF_Page_BeginText(pg);
	tag_artifact(p->tag, "Pagination");
	for (int k = 0; k < 2; k++)
		if (page->footer[k].n > 0)
			show(p, pg, &page->footer[k]);
	tag_close(p->tag);
	HPDF_Page_EndText(pg);
	for (size_t k = 0; k < page->nlink; k++)
		draw_link(p, pg, page->link0 + k);
}

/* Item o's /Dest, [page /XYZ 0 top 1], as a direct array: PDFBox
 * Preflight cannot read the indirect one HPDF_Page_CreateDestination
 * makes. */
static void
set_dest(struct pdf *p, HPDF_Outline o, HPDF_Page pg, double top)
{
	HPDF_Array a = HPDF_Array_New(p->doc->mmgr);
	if (a == NULL)
		return; /* the error is libharu's: check() reports it */
	HPDF_Array_Add(a, pg);
	HPDF_Array_AddName(a, "XYZ");
	HPDF_Array_AddNumber(a, 0);
	HPDF_Array_AddReal(a, (HPDF_REAL)top);
	HPDF_Array_AddNumber(a, 1);
	HPDF_Dict_Add(o, "Dest", a);
}

static void
add_outline(struct pdf *p)
{
	const struct doc_layout *dl = p->dl;
	HPDF_Outline parent[7] = {NULL};
	for (size_t i = 0; i < dl->nheading; i++) {
		const struct pg_heading *h = &dl->heading[i];
		int level = h->level < 1 ? 1 : h->level > 6 ? 6 : h->level;
		HPDF_Outline up = NULL;
		for (int l = level - 1; l >= 1 && up == NULL; l--)
			up = parent[l];
		HPDF_Outline o =
		    HPDF_CreateOutline(p->doc, up, h->title, p->utf8);
		set_dest(p, o, p->pages[h->page], PAGE_HEIGHT - h->y + 6);
		HPDF_Outline_SetOpened(o, HPDF_TRUE);
		parent[level] = o;
		for (int l = level + 1; l <= 6; l++)
			parent[l] = NULL;
	}
}

/* The title with the control characters XML cannot hold (all but tab,
 * line feed and carriage return) as spaces, so that Info and XMP agree. */
static const char *
plain_title(const char *title, struct buf *b)
{
	for (const char *s = title; *s; s++) {
		unsigned char c = (unsigned char)*s;
		bool bad = c < 0x20 && c != '\t' && c != '\n' && c != '\r';
		buf_putc(b, bad ? ' ' : c);
	}
	return buf_cstr(b);
}

/* Document-wide entries: Info, /Lang, the viewer showing the title, and
 * PDF/A-1b (render/pdfa.h), whose XMP repeats the Info. The date is the
 * letter's, else SOURCE_DATE_EPOCH's, else there is none: never the
 * clock. Returns 0, or -1 reported into d (libharu's errors are left for
 * check()). */
static int
set_document(struct pdf *p, bool compress, const char *path,
             struct diag_sink *d)
{
	const struct doc_layout *dl = p->dl;
	HPDF_Doc doc = p->doc;
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	struct buf title;
	buf_init(&title);
	struct pdfa_meta m = {.title = plain_title(dl->title, &title),
	                      .lang = dl->lang,
	                      .producer = "jtai",
	                      .creator = "jtai"};
	int dated = pdfa_date(dl->has_date ? &dl->date : NULL, sde, &m.time);
	if (dated < 0) {
		diag_error(d, path, 0, 0,
		           "SOURCE_DATE_EPOCH is not a number of seconds since "
		           "1970 '%s'",
		           sde);
		buf_release(&title);
		return -1;
	}
	m.has_time = dated > 0;
	/* ASCII first, as plain strings; then UTF-8 for the title. */
	HPDF_SetInfoAttr(doc, HPDF_INFO_PRODUCER, m.producer);
	HPDF_SetInfoAttr(doc, HPDF_INFO_CREATOR, m.creator);
	HPDF_UseUTFEncodings(doc);
	HPDF_SetCurrentEncoder(doc, "UTF-8");
	p->utf8 = HPDF_GetEncoder(doc, "UTF-8");
	HPDF_SetInfoAttr(doc, HPDF_INFO_TITLE, m.title);
	if (m.has_time) {
		const struct pdfa_time *t = &m.time;
		HPDF_Date date = {t->y,  t->m, t->d, t->hh, t->mm,
		                  t->ss, '+',  0,    0};
		HPDF_SetInfoDateAttr(doc, HPDF_INFO_CREATION_DATE, date);
		HPDF_SetInfoDateAttr(doc, HPDF_INFO_MOD_DATE, date);
	}
	HPDF_Dict_Add(doc->catalog, "Lang",
	              HPDF_String_New(doc->mmgr, dl->lang, NULL));
	HPDF_Dict prefs = HPDF_Dict_New(doc->mmgr);
	if (prefs != NULL) {
		HPDF_Dict_Add(prefs, "DisplayDocTitle",
		              HPDF_Boolean_New(doc->mmgr, HPDF_TRUE));
		HPDF_Dict_Add(doc->catalog, "ViewerPreferences", prefs);
	}
	if (dl->nheading > 0)
		HPDF_SetPageMode(doc, HPDF_PAGE_MODE_USE_OUTLINE);
	int rc = pdfa_begin(doc, &m, compress, path, d);
	buf_release(&title);
	return rc;
}

/* Replaces libharu's font programs and tables by subsets of what was
 * drawn (render/subset.h). Returns 0, or -1 reported into d. */
static int
subset_fonts(struct pdf *p, const char *path, struct diag_sink *d)
{
	for (int r = 0; r < FONT_ROLES; r++)
		if (p->font[r] != NULL &&
		    subset_font(p->doc, p->font[r], face_file(p, r), path, d) < 0)
			return -1;
	return 0;
}

static int
save(struct pdf *p, struct buf *out)
{
	if (HPDF_SaveToStream(p->doc) != HPDF_OK)
		return -1;
	HPDF_UINT32 size = HPDF_GetStreamSize(p->doc);
	HPDF_BYTE *bytes = xmalloc(size ? size : 1);
	HPDF_UINT32 got = size;
	HPDF_STATUS st = HPDF_ReadFromStream(p->doc, bytes, &got);
	int rc =
	    (st == HPDF_OK || st == HPDF_STREAM_EOF) && got == size ? 0 : -1;
	/* the file ID is a hash of the saved bytes (render/pdfa.h) */
	if (rc == 0)
		rc = pdfa_patch_id((char *)bytes, got);
	if (rc == 0)
		buf_append(out, bytes, got);
	free(bytes);
	return rc;
}

int
pdf_write(const struct doc_layout *dl, const struct fontset *fonts,
          unsigned flags, const char *path, struct buf *out,
          struct diag_sink *d)
{
	struct pdf p = {.dl = dl, .fonts = fonts};
	int rc = -1;
	for (int r = 0; r < FONT_ROLES; r++)
		p.face_fd[r] = -1;
	collect_chars(&p);
	buf_init(&p.str);
	p.doc = HPDF_New(on_error, &p);
	if (p.doc == NULL) {
		diag_error(d, path, 0, 0, "cannot start libharu");
		goto out;
	}
	bool compress = !(flags & PDF_UNCOMPRESSED);
	HPDF_SetCompressionMode(p.doc,
	                        compress ? HPDF_COMP_ALL : HPDF_COMP_NONE);
	int set = set_document(&p, compress, path, d);
	if (check(&p, path, "setting up the document", d) < 0 || set < 0)
		goto out;
	p.pages = xcalloc(dl->npage, sizeof(*p.pages));
	p.tag = tag_new(p.doc, dl);
	for (size_t i = 0; i < dl->npage; i++) {
		p.pages[i] = HPDF_AddPage(p.doc);
		if (p.pages[i] == NULL) /* an error before: check() reports it */
			break;
		draw_page(&p, p.pages[i], i);
	}
	if (check(&p, path, "drawing the pages", d) < 0)
		goto out;
	if (tag_finish(p.tag) < 0 &&
	    check(&p, path, "tagging the structure", d) < 0)
		goto out;
	add_outline(&p);
	if (check(&p, path, "making the outline", d) < 0)
		goto out;
	if (subset_fonts(&p, path, d) < 0 ||
	    check(&p, path, "subsetting the fonts", d) < 0)
		goto out;
	if (save(&p, out) < 0) {
		if (check(&p, path, "saving", d) == 0)
			diag_error(d, path, 0, 0, "cannot save the PDF");
		goto out;
	}
	if (check(&p, path, "saving", d) < 0)
		goto out;
	rc = 0;
out:
	if (p.doc != NULL)
		HPDF_Free(p.doc);
	free(p.pages);
	free(p.chars);
	for (int r = 0; r < FONT_ROLES; r++)
		if (p.face_fd[r] >= 0)
			close(p.face_fd[r]);
	tag_free(p.tag);
	buf_release(&p.str);
	return rc;
}
