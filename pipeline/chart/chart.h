/* The letter's charts, drawn from the merged letter model (merged.yaml) into
 * a scene (scene.h), and the backends that write a scene as SVG (svg.c) or
 * as PNG (cairo, cairo.c). render/ replays the same scene as vector graphics
 * in the PDF. */
#ifndef JTAI_CHART_CHART_H
#define JTAI_CHART_CHART_H

#include <stddef.h>

struct arena;
struct buf;
struct diag_sink;
struct fontset;
struct scene;
struct value;

/* The names of the charts jtai can draw, NULL-terminated. */
extern const char *const chart_names[];

/* Draws chart name from the merged model, measuring text with fonts.
 * Returns the scene (owned by the arena), complete with its alt text and
 * data table, or NULL after reporting an unknown chart name or unusable
 * model into d. */
struct scene *chart_draw(struct arena *a, const char *name,
                         const struct value *merged,
                         const struct fontset *fonts, struct diag_sink *d);
/* chart_draw with the file merged was loaded from, named in messages about
 * the model (chart_draw names "merged.yaml"). */
struct scene *chart_draw_from(struct arena *a, const char *name,
                              const char *path, const struct value *merged,
                              const struct fontset *fonts,
                              struct diag_sink *d);

/* Appends the scene as a standalone SVG document to out: its alt text as
 * the <title>, its data table in the <metadata> (chart/svgdata.h), shapes
 * as paths and text as text (format: svg.c), with no id, so that several
 * SVGs can share one HTML page. Returns 0, or -1 reported into d. Same
 * scene, same bytes. */
int chart_write_svg(const struct scene *s, const struct fontset *fonts,
                    struct buf *out, struct diag_sink *d);
/* Appends the scene as a PNG at dpi dots per inch, on white. */
int chart_write_png(const struct scene *s, const struct fontset *fonts,
                    double dpi, struct buf *out, struct diag_sink *d);

#endif
