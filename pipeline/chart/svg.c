/* The SVG backend: writes a scene as a standalone SVG 1.1 document.
 *
 *   <?xml version="1.0" encoding="UTF-8"?>
 *   <svg xmlns=... width="Wpt" height="Hpt" viewBox="0 0 W H" version="1.1">
 *   <title>the alt text</title>
 *   <metadata>the data table (chart/svgdata.h)</metadata>
 *   <g font-family="'Liberation Sans', Arial, Helvetica, sans-serif" ...>
 *   <path fill="#0072b2" d="M10 20H30V40H10Z"/>
 *   <path fill="none" stroke="#000000" stroke-width="0.5" d="M0 1L20 1"/>
 *   <text x="12" y="30" font-size="8" textLength="41.3">Police</text>
 *   ...
 *   </g>
 *   </svg>
 *
 * Text stays text, in the font family the letter's font set measured it
 * with: the HTML letter shows it in the page's own font (the same family
 * stack as its body text), a reader can select, search and zoom it, and it
 * costs a few bytes where glyph outlines cost kilobytes. Each run starts
 * where the PDF starts it (anchors resolved with font_width, as render/
 * does) and textLength holds it to the PDF's width, so a viewer that lacks
 * the family and falls back to another still fits every label in its place;
 * kerning is off, as in the PDF. Arial and Helvetica follow Liberation Sans
 * in the stack because they share its metrics.
 *
 * The document defines no id, so any number of charts can share one HTML
 * page. Numbers are written to hundredths of a point without printf: the
 * same scene gives the same bytes in any locale. */
#include "chart/chart.h"

#include <math.h>
#include <string.h>

#include "chart/scene.h"
#include "chart/svgdata.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/font.h"

/* Appends v rounded to hundredths, without trailing zeros ("12.5", "-3"). */
static void
put_num(struct buf *out, double v)
{
	char tmp[32], *p = tmp + sizeof(tmp);
	if (!isfinite(v) || fabs(v) > 1e15)
		v = 0;
	long long n = llround(v * 100);
	int neg = n < 0;
	unsigned long long u = neg ? (unsigned long long)-n : (unsigned long long)n;
	unsigned frac = (unsigned)(u % 100);
	u /= 100;
	if (frac) {
		if (frac % 10)
			*--p = (char)('0' + frac % 10);
		*--p = (char)('0' + frac / 10);
		*--p = '.';
	}
	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (neg)
		*--p = '-';
	buf_append(out, p, (size_t)(tmp + sizeof(tmp) - p));
}

static void
put_color(struct buf *out, struct rgb c)
{
	static const char hex[] = "0123456789abcdef";
	double v[3] = {c.r, c.g, c.b};
	char s[7] = {'#'};
	for (int i = 0; i < 3; i++) {
		long k = lround((v[i] > 1 ? 1 : v[i] < 0 ? 0 : v[i]) * 255);
		s[1 + 2 * i] = hex[k >> 4];
		s[2 + 2 * i] = hex[k & 15];
	}
	buf_append(out, s, sizeof(s));
}

/* Escapes text for XML content and attributes; '#' too, so that no text
 * reads as an id reference to a program that renames ids in a page. */
static void
put_text(struct buf *out, const char *s)
{
	for (const char *run = s;; s++) {
		const char *esc;
		switch (*s) {
		case '&': esc = "&amp;"; break;
		case '<': esc = "&lt;"; break;
		case '>': esc = "&gt;"; break;
		case '"': esc = "&quot;"; break;
		case '\'': esc = "&apos;"; break;
		case '#': esc = "&#35;"; break;
		case '\0': esc = NULL; break;
		default: continue;
		}
		buf_append(out, run, (size_t)(s - run));
		if (esc == NULL)
			return;
		buf_puts(out, esc);
		run = s + 1;
	}
}

static void
put_path(struct buf *out, const struct scene_op *op)
{
	static const char letter[] = {'M', 'L', 'C', 'Z'};
	static const int points[] = {1, 1, 3, 0};
	buf_puts(out, " d=\"");
	for (size_t i = 0; i < op->nsegs; i++) {
		const struct seg *g = &op->segs[i];
		buf_putc(out, letter[g->kind]);
		for (int k = 0; k < points[g->kind]; k++) {
			if (k)
				buf_putc(out, ' ');
			put_num(out, g->x[k]);
			buf_putc(out, ' ');
			put_num(out, g->y[k]);
		}
	}
	buf_puts(out, "\"/>\n");
}

static void
put_textrun(struct buf *out, const struct scene_op *op, const struct font *font)
{
	size_t len = strlen(op->text);
	if (len == 0)
		return;
	double x = op->x, w = font_width(font, op->text, len, op->size);
	if (op->anchor == ANCHOR_MIDDLE)
		x -= w / 2;
	else if (op->anchor == ANCHOR_END)
		x -= w;
	buf_puts(out, "<text x=\"");
	put_num(out, x);
	buf_puts(out, "\" y=\"");
	put_num(out, op->y);
	buf_puts(out, "\" font-size=\"");
	put_num(out, op->size);
	buf_puts(out, op->bold ? "\" font-weight=\"bold\" fill=\"" : "\" fill=\"");
	put_color(out, op->color);
	buf_puts(out, "\" textLength=\"");
	put_num(out, w);
	buf_puts(out, "\">");
	put_text(out, op->text);
	buf_puts(out, "</text>\n");
}

/* The font-family attribute's value: the family measured, then the
 * families that share Liberation Sans's metrics, then the generic one. */
static void
put_family(struct buf *out, const struct font *font)
{
	const char *family = font_family(font);
	if (*family) {
		buf_puts(out, "'");
		put_text(out, family);
		buf_puts(out, "', ");
		if (strcmp(family, "Liberation Sans") == 0)
			buf_puts(out, "Arial, Helvetica, ");
	}
	buf_puts(out, "sans-serif");
}

int
chart_write_svg(const struct scene *s, const struct fontset *fonts,
                struct buf *out, struct diag_sink *d)
{
	const struct font *face[2] = {
	    fonts ? fonts->face[FONT_REGULAR] : NULL,
	    fonts ? fonts->face[FONT_BOLD] : NULL,
	};
	if (face[0] == NULL || face[1] == NULL) {
		diag_error(d, NULL, 0, 0, "charts need the regular and bold fonts");
		return -1;
	}
	buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	              "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"");
	put_num(out, s->width);
	buf_puts(out, "pt\" height=\"");
	put_num(out, s->height);
	buf_puts(out, "pt\" viewBox=\"0 0 ");
	put_num(out, s->width);
	buf_putc(out, ' ');
	put_num(out, s->height);
	buf_puts(out, "\" version=\"1.1\">");
	svgdata_head(s, out);
	buf_puts(out, "\n<g font-family=\"");
	put_family(out, face[0]);
	buf_puts(out, "\" stroke-miterlimit=\"10\" style=\"font-kerning:none\">\n");
	for (size_t i = 0; i < s->n; i++) {
		const struct scene_op *op = &s->ops[i];
		switch (op->kind) {
		case OP_FILL:
			buf_puts(out, "<path fill=\"");
			put_color(out, op->color);
			buf_putc(out, '"');
			put_path(out, op);
			break;
		case OP_STROKE:
			buf_puts(out, "<path fill=\"none\" stroke=\"");
			put_color(out, op->color);
			buf_puts(out, "\" stroke-width=\"");
			put_num(out, op->line_width);
			buf_putc(out, '"');
			put_path(out, op);
			break;
		case OP_TEXT:
			put_textrun(out, op, face[op->bold ? 1 : 0]);
			break;
		}
	}
	buf_puts(out, "</g>\n</svg>\n");
	return 0;
}
