/* Replaying a scene on a libharu page, in as few bytes as the PDF allows
 * (every byte is copied and deflated again when the file is written):
 * an axis-aligned rectangle as one `re`, a colour or line width set only
 * when it changes, and all of a chart's text in one text object after its
 * paths, the font set only when it changes. Text after the paths paints
 * the same as the scene's order because a scene never paints over its
 * text (scene.h; tests/unit/chart_fixture.c checks every chart). */
#include "render/pdf_chart.h"

#include <math.h>
#include <stdbool.h>
#include <string.h>

#include "chart/scene.h"
#include "core/font.h"
#include "render/page.h"

/* What the page's graphics state holds, so that a setting is written only
 * when it changes. */
struct pen {
	HPDF_Page pg;
	const struct pg_chart *c;
	struct rgb fill, stroke;
	double width;
	bool has_fill, has_stroke, has_width;
};

static bool
same_rgb(struct rgb a, struct rgb b)
{
	return a.r == b.r && a.g == b.g && a.b == b.b;
}

static void
set_fill(struct pen *p, struct rgb k)
{
	if (p->has_fill && same_rgb(p->fill, k))
		return;
	HPDF_Page_SetRGBFill(p->pg, (HPDF_REAL)k.r, (HPDF_REAL)k.g,
	                     (HPDF_REAL)k.b);
	p->fill = k;
	p->has_fill = true;
}

static void
set_stroke(struct pen *p, struct rgb k, double width)
{
	if (!p->has_stroke || !same_rgb(p->stroke, k)) {
		HPDF_Page_SetRGBStroke(p->pg, (HPDF_REAL)k.r, (HPDF_REAL)k.g,
		                       (HPDF_REAL)k.b);
		p->stroke = k;
		p->has_stroke = true;
	}
	if (!p->has_width || p->width != width) {
		HPDF_Page_SetLineWidth(p->pg, (HPDF_REAL)width);
		p->width = width;
		p->has_width = true;
	}
}

static HPDF_REAL
page_x(const struct pen *p, double x)
{
	return (HPDF_REAL)(p->c->x + x * p->c->scale);
}

static HPDF_REAL
page_y(const struct pen *p, double y)
{
	return (HPDF_REAL)(PAGE_HEIGHT - p->c->y - y * p->c->scale);
}

/* Sets r to op's path as x, y, w, h (scene points, y down) when it is an
 * axis-aligned rectangle: a move, three lines along the axes and a close. */
static bool
as_rect(const struct scene_op *op, double r[4])
{
	const struct seg *s = op->segs;
	if (op->nsegs != 5 || s[0].kind != SEG_MOVE || s[1].kind != SEG_LINE ||
	    s[2].kind != SEG_LINE || s[3].kind != SEG_LINE ||
	    s[4].kind != SEG_CLOSE)
		return false;
	double x0 = s[0].x[0], y0 = s[0].y[0], x2 = s[2].x[0], y2 = s[2].y[0];
	bool across = s[1].x[0] == x2 && s[1].y[0] == y0 && s[3].x[0] == x0 &&
	              s[3].y[0] == y2;
	bool down = s[1].x[0] == x0 && s[1].y[0] == y2 && s[3].x[0] == x2 &&
	            s[3].y[0] == y0;
	if (!across && !down)
		return false;
	r[0] = fmin(x0, x2);
	r[1] = fmin(y0, y2);
	r[2] = fabs(x2 - x0);
	r[3] = fabs(y2 - y0);
	return true;
}

static void
path(struct pen *p, const struct scene_op *op)
{
	double r[4];
	if (as_rect(op, r)) {
		double s = p->c->scale;
		HPDF_Page_Rectangle(
		    p->pg, page_x(p, r[0]), page_y(p, r[1] + r[3]),
		    (HPDF_REAL)(r[2] * s), (HPDF_REAL)(r[3] * s));
		return;
	}
	for (size_t i = 0; i < op->nsegs; i++) {
		const struct seg *sg = &op->segs[i];
		HPDF_REAL x[3], y[3];
		for (int k = 0; k < 3; k++) {
			x[k] = page_x(p, sg->x[k]);
			y[k] = page_y(p, sg->y[k]);
		}
		if (sg->kind == SEG_MOVE || (i == 0 && sg->kind == SEG_LINE))
			HPDF_Page_MoveTo(p->pg, x[0], y[0]);
		else if (sg->kind == SEG_LINE)
			HPDF_Page_LineTo(p->pg, x[0], y[0]);
		else if (sg->kind == SEG_CURVE && i > 0)
			HPDF_Page_CurveTo(p->pg, x[0], y[0], x[1], y[1], x[2],
			                  y[2]);
		else if (sg->kind == SEG_CLOSE && i > 0)
			HPDF_Page_ClosePath(p->pg);
	}
}

static void
draw_paths(struct pen *p, const struct scene *sc)
{
	for (size_t i = 0; i < sc->n; i++) {
		const struct scene_op *op = &sc->ops[i];
		if (op->kind == OP_TEXT || op->nsegs == 0)
			continue;
		if (op->kind == OP_FILL) {
			set_fill(p, op->color);
			path(p, op);
			HPDF_Page_Fill(p->pg);
		} else {
			set_stroke(p, op->color, op->line_width * p->c->scale);
			path(p, op);
			HPDF_Page_Stroke(p->pg);
		}
	}
}

/* Every text run of sc in one text object, placed by its anchor. */
static void
draw_text(struct pen *p, const struct scene *sc,
          const struct pdf_chart_fonts *f)
{
	HPDF_Font cur = NULL;
	double cur_size = 0;
	bool begun = false;
	for (size_t i = 0; i < sc->n; i++) {
		const struct scene_op *op = &sc->ops[i];
		if (op->kind != OP_TEXT || op->text == NULL)
			continue;
		double size = op->size * p->c->scale;
		size_t n = strlen(op->text);
		if (n == 0 || size <= 0)
			continue;
		int r = op->bold ? 1 : 0;
		double x = p->c->x + op->x * p->c->scale;
		if (op->anchor != ANCHOR_START) {
			double w = font_width(f->metrics[r], op->text, n, size);
			x -= op->anchor == ANCHOR_MIDDLE ? w / 2 : w;
		}
		if (!begun) {
			HPDF_Page_BeginText(p->pg);
			begun = true;
		}
		if (f->face[r] != cur || size != cur_size) {
			HPDF_Page_SetFontAndSize(p->pg, f->face[r],
			                         (HPDF_REAL)size);
			cur = f->face[r];
			cur_size = size;
		}
		set_fill(p, op->color);
		HPDF_Page_TextOut(p->pg, (HPDF_REAL)x, page_y(p, op->y),
		                  op->text);
	}
	if (begun)
		HPDF_Page_EndText(p->pg);
}

void
pdf_chart_draw(HPDF_Page pg, const struct pg_chart *c,
               const struct pdf_chart_fonts *f)
{
	struct pen p = {.pg = pg, .c = c};
	HPDF_Page_GSave(pg);
	draw_paths(&p, c->scene);
	draw_text(&p, c->scene, f);
	HPDF_Page_GRestore(pg);
}
