/* How a series looks: a colour of the Okabe-Ito palette (safe for readers
 * with any common colour-vision deficiency) and, for the poor side of a
 * scale, white hatching, so that series differ in print, in grey and to a
 * colour-blind reader by more than colour. Stripes sit at fixed positions
 * of the chart, so that a bar and its legend swatch share one pattern. */
#ifndef JTAI_CHART_FILL_H
#define JTAI_CHART_FILL_H

#include <stddef.h>

#include "chart/scene.h"

enum hatch {
	HATCH_NONE,
	HATCH_RISING,  /* white stripes rising to the right: /// */
	HATCH_FALLING, /* falling to the right: \\\ */
	HATCH_CROSS    /* both */
};

struct fill {
	struct rgb color;
	enum hatch hatch;
	struct rgb text; /* ink or white: the colour of a count drawn on it */
};

/* findings-by-agency's series: strengths blue and solid, areas for
 * improvement vermillion and hatched. */
extern const struct fill fill_strength;
extern const struct fill fill_improvement;

/* The most grades fill_grade tells apart. */
#define FILL_MAX_GRADES 6

/* The fill of grade i of an ordinal scale of n grades, best first: the
 * better half solid blues (then yellow), the worse half hatched oranges,
 * the worst vermillion and cross-hatched. n is 1 to FILL_MAX_GRADES. */
const struct fill *fill_grade(size_t i, size_t n);

/* Fills the rectangle with f; a hatched rectangle is outlined inside in
 * its colour so that its edges stay sharp. Nothing for w or h <= 0. */
void fill_rect(struct scene *s, double x, double y, double w, double h,
               const struct fill *f);

#endif
