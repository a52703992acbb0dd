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

/* The data a chart shows, as a table for readers who cannot see the
 * chart (the HTML letter offers it beside the figure): a header row and
 * nrows body rows of ncols cells each. The first cell of a body row names
 * it. Bit i of numeric is set when column i holds numbers. */
#define SCENE_DATA_MAX_COLS 16

struct scene_data {
	size_t ncols, nrows;
	const char **head;  /* ncols cells */
	const char **cells; /* nrows * ncols cells, row by row */
	unsigned numeric;
	size_t cap; /* rows allocated */
};

struct scene {
	const char *name; /* the chart's name, e.g. "findings-by-agency" */
	/* Alt text generated from the data ("Police: 2 strengths, 4 areas for
	 * improvement; ..."), never NULL: the description of the chart for
	 * the PDF's Figure tag and the HTML's <desc>. */
	const char *alt;
	double width, height;
	struct scene_op *ops;
	size_t n, cap;
	struct scene_data data; /* ncols 0: no table */
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

/* Starts the data table with its header row of ncols cells (1 to
 * SCENE_DATA_MAX_COLS; copied) and no body rows; numeric as in
 * struct scene_data. */
void scene_data_head(struct scene *s, size_t ncols, const char *const *head,
                     unsigned numeric);
/* Appends a body row of the header's ncols cells (copied). */
void scene_data_row(struct scene *s, const char *const *cells);

#endif
