/* A count axis: integer ticks at 1, 2 or 5 times a power of ten, chosen
 * so that their labels never touch, with gridlines behind the plot. Bars
 * drawn with its scale are to scale: a count n is n * scale points. */
#ifndef JTAI_CHART_AXIS_H
#define JTAI_CHART_AXIS_H

#include <stdbool.h>

struct frame;

struct axis {
	long step;    /* between ticks, in counts */
	long nticks;  /* ticks after zero (on each side when mirrored) */
	double scale; /* points per count */
};

/* Picks the step giving at most 5 ticks after zero whose labels fit, and
 * the scale that puts the last tick, at or past max, avail points from
 * zero. max may be 0. */
void axis_choose(struct axis *ax, const struct frame *f, long max,
                 double avail);
/* Room that the last tick's label (centred on its tick) and a bar's count
 * at its end (up to max) take past the last tick, for max's magnitude. */
double axis_overhang(const struct frame *f, long max);
/* Draws the gridlines (grey, behind what is drawn after) from top to
 * bottom at every tick right of zero at x0 (and left of it too when
 * mirrored), the tick labels under bottom and caption centred under them
 * at x0 (mirrored) or under the axis. Returns the caption's baseline. */
double axis_draw(struct frame *f, const struct axis *ax, double x0,
                 bool mirrored, double top, double bottom, const char *caption);

#endif
