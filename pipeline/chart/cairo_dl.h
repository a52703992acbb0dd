/* cairo, loaded when a chart is first drawn as PNG (dlopen), not when jtai
 * starts. cairo and the dozen libraries it brings (pixman, fontconfig,
 * libpng, the X client libraries) cost every jtai process about 0.9 ms of
 * start-up, a tenth of a letter's build, and only `jtai chart --png` uses
 * them. The functions keep cairo's own declarations (cairo.h): each is a
 * pointer of the declared function's type. */
#ifndef JTAI_CHART_CAIRO_DL_H
#define JTAI_CHART_CAIRO_DL_H

#include <cairo-ft.h>
#include <cairo.h>

#define JTAI_CAIRO_FUNCS(X)                                                    \
	X(cairo_close_path)                                                    \
	X(cairo_create)                                                        \
	X(cairo_curve_to)                                                      \
	X(cairo_destroy)                                                       \
	X(cairo_fill)                                                          \
	X(cairo_font_face_destroy)                                             \
	X(cairo_font_face_set_user_data)                                       \
	X(cairo_font_face_status)                                              \
	X(cairo_font_options_create)                                           \
	X(cairo_font_options_destroy)                                          \
	X(cairo_font_options_set_antialias)                                    \
	X(cairo_font_options_set_hint_metrics)                                 \
	X(cairo_font_options_set_hint_style)                                   \
	X(cairo_ft_font_face_create_for_ft_face)                               \
	X(cairo_image_surface_create)                                          \
	X(cairo_line_to)                                                       \
	X(cairo_move_to)                                                       \
	X(cairo_new_path)                                                      \
	X(cairo_paint)                                                         \
	X(cairo_scale)                                                         \
	X(cairo_set_fill_rule)                                                 \
	X(cairo_set_font_face)                                                 \
	X(cairo_set_font_options)                                              \
	X(cairo_set_font_size)                                                 \
	X(cairo_set_line_cap)                                                  \
	X(cairo_set_line_join)                                                 \
	X(cairo_set_line_width)                                                \
	X(cairo_set_source_rgb)                                                \
	X(cairo_show_glyphs)                                                   \
	X(cairo_status)                                                        \
	X(cairo_status_to_string)                                              \
	X(cairo_stroke)                                                        \
	X(cairo_surface_destroy)                                               \
	X(cairo_surface_flush)                                                 \
	X(cairo_surface_status)                                                \
	X(cairo_surface_write_to_png_stream)                                   \
	X(cairo_version_string)

struct cairo_dl {
#define JTAI_CAIRO_FIELD(f) __typeof__(f) *f;
	JTAI_CAIRO_FUNCS(JTAI_CAIRO_FIELD)
#undef JTAI_CAIRO_FIELD
};

/* cairo's functions, loaded on the first call; NULL when libcairo.so.2
 * cannot be loaded or lacks one of them, with the reason in *why. */
const struct cairo_dl *cairo_dl(const char **why);

#endif
