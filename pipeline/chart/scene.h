/* A chart as a display list: filled and stroked paths and text runs, in
 * points, origin at the top left, y growing downwards (as in cairo and SVG).
 * The chart code draws into a scene once; backends replay it: cairo for SVG
 * and PNG (chart/), libharu for vector graphics with real text in the PDF
 * (render/). Everything in a scene lives in its arena. */
#ifndef JTAI_CHART_SCENE_H
#define JTAI_CHART_SCENE_H

#include <stdbool.h>
#include <stddef.h>

struct arena;

struct rgb {
	double r, g, b; /* 0 to 1 */
};

enum seg_kind { SEG_MOVE, SEG_LINE, SEG_CURVE, SEG_CLOSE };

struct seg {
	enum seg_kind kind;
	double x[3], y[3]; /* MOVE/LINE: point 0; CURVE: controls 0, 1 and end 2 */
};

enum text_anchor { ANCHOR_START, ANCHOR_MIDDLE, ANCHOR_END };

enum op_kind { OP_FILL, OP_STROKE, OP_TEXT };

struct scene_op {
	enum op_kind kind;
	struct rgb color;
	/* OP_FILL, OP_STROKE */
	struct seg *segs;
	size_t nsegs;
	double line_width; /* OP_STROKE */
	/* OP_TEXT: baseline at (x, y) */
	const char *text;
	double x, y, size;
	bool bold;
	enum text_anchor anchor;
};

struct scene {
	const char *name; /* the chart's name, e.g. "findings-by-agency" */
	const char *alt;  /* alt text generated from the data */
	double width, height;
	struct scene_op *ops;
	size_t n, cap;
	struct arena *arena;
};

/* Returns an empty scene of the given size, owned by the arena. */
struct scene *scene_new(struct arena *a, const char *name, double width,
                        double height);
/* Adds a filled rectangle / a stroked line / a text run. */
void scene_rect(struct scene *s, double x, double y, double w, double h,
                struct rgb color);
void scene_line(struct scene *s, double x0, double y0, double x1, double y1,
                double width, struct rgb color);
void scene_text(struct scene *s, double x, double y, const char *text,
                double size, bool bold, enum text_anchor anchor,
                struct rgb color);
/* Adds a general path (segs copied) to be filled, or stroked at width. */
void scene_fill(struct scene *s, const struct seg *segs, size_t n,
                struct rgb color);
void scene_stroke(struct scene *s, const struct seg *segs, size_t n,
                  double width, struct rgb color);

#endif
