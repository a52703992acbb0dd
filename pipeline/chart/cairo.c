/* The cairo backend: replays a scene onto an image surface for PNG. cairo
 * is loaded on the first PNG (cairo_dl.h).
 *
 * Text goes through cairo-ft with the very files the fontset measured, and
 * glyphs are placed one by one with font_advance(), the widths libharu puts
 * in the PDF, so that a label sits at the same place in the PDF, the SVG
 * (chart/svg.c) and the PNG. Hinting is off and metrics unhinted, for
 * output that does not depend on the rasteriser's grid fitting. */
#include "chart/chart.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart/cairo_dl.h"
#include "chart/scene.h"
#include "core/alloc.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/font.h"
#include "core/utf8.h"

#define MAX_PIXELS 32767 /* cairo's largest image side */

/* An FT_Face and its library, freed when cairo destroys the font face that
 * uses it (cairo may keep the face in its caches after we let go). */
struct ftref {
	FT_Library lib;
	FT_Face face;
};

static const cairo_user_data_key_t ftref_key;

/* cairo's functions (cairo_dl.h), set by chart_write_png before any use */
static const struct cairo_dl *cx;

static void
ftref_free(void *p)
{
	struct ftref *r = p;
	if (r == NULL)
		return;
	if (r->face)
		FT_Done_Face(r->face);
	if (r->lib)
		FT_Done_FreeType(r->lib);
	free(r);
}

/* The two faces a scene uses, indexed by op->bold. */
struct faces {
	const struct font *font[2];
	FT_Face ft[2];                /* borrowed from cf's user data */
	cairo_font_face_t *cf[2];
};

/* Returns a cairo font face for font's file, or NULL reported into d. */
static cairo_font_face_t *
face_open(const struct font *font, FT_Face *ft, struct diag_sink *d)
{
	cairo_font_face_t *cf = NULL, *result = NULL;
	struct ftref *r = xcalloc(1, sizeof(*r));
	const char *path = font_path(font);
	if (FT_Init_FreeType(&r->lib)) {
		r->lib = NULL;
		diag_error(d, path, 0, 0, "cannot start FreeType");
		goto out;
	}
	if (FT_New_Face(r->lib, path, 0, &r->face)) {
		r->face = NULL;
		diag_error(d, path, 0, 0, "cannot load font");
		goto out;
	}
	cf = cx->cairo_ft_font_face_create_for_ft_face(r->face, FT_LOAD_NO_HINTING);
	if (cx->cairo_font_face_status(cf) != CAIRO_STATUS_SUCCESS ||
	    cx->cairo_font_face_set_user_data(cf, &ftref_key, r, ftref_free) !=
	        CAIRO_STATUS_SUCCESS) {
		diag_error(d, path, 0, 0, "cairo cannot use font");
		goto out;
	}
	*ft = r->face;
	r = NULL; /* now cf's */
	result = cf;
	cf = NULL;
out:
	cx->cairo_font_face_destroy(cf);
	ftref_free(r);
	return result;
}

static void
faces_close(struct faces *f)
{
	for (int i = 0; i < 2; i++)
		cx->cairo_font_face_destroy(f->cf[i]);
	memset(f, 0, sizeof(*f));
}

/* Opens the regular and bold faces for cairo. Returns 0, or -1 reported
 * into d (f then holds nothing to close). */
static int
faces_open(struct faces *f, const struct fontset *fonts, struct diag_sink *d)
{
	int rc = -1;
	memset(f, 0, sizeof(*f));
	f->font[0] = fonts ? fonts->face[FONT_REGULAR] : NULL;
	f->font[1] = fonts ? fonts->face[FONT_BOLD] : NULL;
	for (int i = 0; i < 2; i++) {
		if (f->font[i] == NULL) {
			diag_error(d, NULL, 0, 0,
			           "charts need the regular and bold fonts");
			goto out;
		}
		f->cf[i] = face_open(f->font[i], &f->ft[i], d);
		if (f->cf[i] == NULL)
			goto out;
	}
	rc = 0;
out:
	if (rc < 0)
		faces_close(f);
	return rc;
}

static void
replay_path(cairo_t *cr, const struct scene_op *op)
{
	cx->cairo_new_path(cr);
	for (size_t i = 0; i < op->nsegs; i++) {
		const struct seg *g = &op->segs[i];
		switch (g->kind) {
		case SEG_MOVE:
			cx->cairo_move_to(cr, g->x[0], g->y[0]);
			break;
		case SEG_LINE:
			cx->cairo_line_to(cr, g->x[0], g->y[0]);
			break;
		case SEG_CURVE:
			cx->cairo_curve_to(cr, g->x[0], g->y[0], g->x[1], g->y[1],
			               g->x[2], g->y[2]);
			break;
		case SEG_CLOSE:
			cx->cairo_close_path(cr);
			break;
		}
	}
}

/* Shows op's text glyph by glyph at the advances the PDF uses; MIDDLE and
 * END anchors are resolved with font_width, as render/ does. */
static void
replay_text(cairo_t *cr, const struct scene_op *op, const struct faces *f)
{
	int role = op->bold ? 1 : 0;
	const struct font *font = f->font[role];
	size_t len = strlen(op->text);
	double x = op->x, w = font_width(font, op->text, len, op->size);
	if (op->anchor == ANCHOR_MIDDLE)
		x -= w / 2;
	else if (op->anchor == ANCHOR_END)
		x -= w;
	cairo_glyph_t *glyphs = xmalloc((len ? len : 1) * sizeof(*glyphs));
	size_t n = 0;
	for (size_t i = 0; i < len;) {
		unsigned cp;
		i += utf8_decode(op->text + i, len - i, &cp);
		glyphs[n].index = FT_Get_Char_Index(f->ft[role], cp);
		glyphs[n].x = x;
		glyphs[n].y = op->y;
		n++;
		x += font_advance(font, cp) * op->size / 1000;
	}
	cx->cairo_set_font_face(cr, f->cf[role]);
	cx->cairo_set_font_size(cr, op->size);
	cx->cairo_show_glyphs(cr, glyphs, (int)n);
	free(glyphs);
}

static void
replay(cairo_t *cr, const struct scene *s, const struct faces *f)
{
	cairo_font_options_t *fo = cx->cairo_font_options_create();
	cx->cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cx->cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cx->cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
	cx->cairo_set_font_options(cr, fo);
	cx->cairo_font_options_destroy(fo);
	cx->cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
	cx->cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
	cx->cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
	for (size_t i = 0; i < s->n; i++) {
		const struct scene_op *op = &s->ops[i];
		cx->cairo_set_source_rgb(cr, op->color.r, op->color.g, op->color.b);
		switch (op->kind) {
		case OP_FILL:
			replay_path(cr, op);
			cx->cairo_fill(cr);
			break;
		case OP_STROKE:
			replay_path(cr, op);
			cx->cairo_set_line_width(cr, op->line_width);
			cx->cairo_stroke(cr);
			break;
		case OP_TEXT:
			replay_text(cr, op, f);
			break;
		}
	}
}

static cairo_status_t
write_buf(void *closure, const unsigned char *data, unsigned int len)
{
	buf_append(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

/* Replays s onto surface at scale k, on white when paint is set. Returns
 * 0, or -1 reported into d. */
static int
draw(cairo_surface_t *surface, const struct scene *s, const struct faces *f,
     double k, int paint, const char *what, struct diag_sink *d)
{
	cairo_t *cr = cx->cairo_create(surface);
	if (paint) {
		cx->cairo_set_source_rgb(cr, 1, 1, 1);
		cx->cairo_paint(cr);
	}
	cx->cairo_scale(cr, k, k);
	replay(cr, s, f);
	cairo_status_t st = cx->cairo_status(cr);
	cx->cairo_destroy(cr);
	if (st == CAIRO_STATUS_SUCCESS)
		return 0;
	diag_error(d, NULL, 0, 0, "cannot draw chart '%s' as %s: %s", s->name,
	           what, cx->cairo_status_to_string(st));
	return -1;
}

static int
check_surface(cairo_surface_t *surface, const struct scene *s,
              const char *what, struct diag_sink *d)
{
	cairo_status_t st = cx->cairo_surface_status(surface);
	if (st == CAIRO_STATUS_SUCCESS)
		return 0;
	diag_error(d, NULL, 0, 0, "cannot write chart '%s' as %s: %s", s->name,
	           what, cx->cairo_status_to_string(st));
	return -1;
}

int
chart_write_png(const struct scene *s, const struct fontset *fonts,
                double dpi, struct buf *out, struct diag_sink *d)
{
	const char *why = NULL;
	cx = cairo_dl(&why);
	if (cx == NULL) {
		diag_error(d, NULL, 0, 0, "cannot draw chart '%s' as PNG: %s",
		           s->name, why);
		diag_hint(d, "PNG output needs cairo (Debian: libcairo2)");
		return -1;
	}
	int rc = -1;
	struct faces f = {0};
	struct buf png;
	cairo_surface_t *surface = NULL;
	buf_init(&png);
	double k = dpi / 72;
	double w = ceil(s->width * k), h = ceil(s->height * k);
	if (!(w >= 1 && h >= 1 && w <= MAX_PIXELS && h <= MAX_PIXELS)) {
		diag_error(d, NULL, 0, 0,
		           "chart '%s' at %g dpi would be %.0f by %.0f pixels",
		           s->name, dpi, w, h);
		diag_hint(d, "at most %d pixels a side", MAX_PIXELS);
		goto out;
	}
	if (faces_open(&f, fonts, d) < 0)
		goto out;
	surface = cx->cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)w, (int)h);
	if (check_surface(surface, s, "PNG", d) < 0 ||
	    draw(surface, s, &f, k, 1, "PNG", d) < 0)
		goto out;
	cx->cairo_surface_flush(surface);
	cairo_status_t st =
	    cx->cairo_surface_write_to_png_stream(surface, write_buf, &png);
	if (st != CAIRO_STATUS_SUCCESS) {
		diag_error(d, NULL, 0, 0, "cannot write chart '%s' as PNG: %s",
		           s->name, cx->cairo_status_to_string(st));
		goto out;
	}
	buf_append(out, png.data, png.len);
	rc = 0;
out:
	cx->cairo_surface_destroy(surface);
	faces_close(&f);
	buf_release(&png);
	return rc;
}
