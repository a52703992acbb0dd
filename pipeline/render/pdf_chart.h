/* A chart in the PDF: its scene (chart/scene.h) replayed on a libharu page
 * as vector graphics, its text real text in the letter's embedded fonts. */
#ifndef JTAI_RENDER_PDF_CHART_H
#define JTAI_RENDER_PDF_CHART_H

#include <hpdf.h>

struct font;
struct pg_chart;

/* The two faces a chart's text is set in: libharu's, to draw with, and
 * their metrics (core/font.h), to place text by its anchor. */
struct pdf_chart_fonts {
	HPDF_Font face[2];             /* regular, bold */
	const struct font *metrics[2]; /* the same faces' widths */
};

/* Draws chart c on page pg (page.h's coordinates: y from the top of an A4
 * page): every path, then all the text in one text object (a scene never
 * paints over its text, scene.h). Leaves the graphics state as it found
 * it, outside a text object. libharu's errors are left for the caller to
 * check (HPDF_GetError). */
void pdf_chart_draw(HPDF_Page pg, const struct pg_chart *c,
                    const struct pdf_chart_fonts *f);

#endif
