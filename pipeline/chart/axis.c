/* Count axes. */
#include "chart/axis.h"

#include <math.h>
#include <stdlib.h>

#include "chart/frame.h"

#define MAX_TICKS 5   /* after zero */
#define TICK_ROOM 6.0 /* least space between two tick labels */
#define TICK_LEN  3.0
#define STEP_MAX  1000000000L /* past any count a chart accepts */

void
axis_choose(struct axis *ax, const struct frame *f, long max, double avail)
{
	static const long mult[] = {1, 2, 5};
	for (long mag = 1;; mag *= 10) {
		for (size_t i = 0; i < 3; i++) {
			long step = mult[i] * mag;
			long n = max <= 0 ? 1 : (max + step - 1) / step;
			char t[32];
			double room = avail / (double)n;
			/* Past the largest count one tick always fits. */
			if (step < STEP_MAX &&
			    (n > MAX_TICKS ||
			     room < frame_width(f, false, CHART_TEXT,
			                        frame_count(n * step, t)) +
			                TICK_ROOM))
				continue;
			ax->step = step;
			ax->nticks = n;
			ax->scale = avail / (double)(n * step);
			return;
		}
	}
}

double
axis_overhang(const struct frame *f, long max)
{
	char t[32];
	/* The last tick's label has at most one digit more than max. */
	double tick =
	    frame_width(f, false, CHART_TEXT, frame_count(max * 10, t)) / 2;
	double count = CHART_COUNT_GAP +
	               frame_width(f, false, CHART_TEXT, frame_count(max, t));
	return fmax(count, tick) + 1;
}

double
axis_draw(struct frame *f, const struct axis *ax, double x0, bool mirrored,
          double top, double bottom, const char *caption)
{
	double base = bottom + TICK_LEN + 2 + f->ascent;
	for (long k = mirrored ? -ax->nticks : 0; k <= ax->nticks; k++) {
		char t[32];
		double x = x0 + (double)(k * ax->step) * ax->scale;
		if (k != 0)
			scene_line(f->s, x, top, x, bottom + TICK_LEN, 0.5,
			           chart_grid);
		scene_text(f->s, x, base, frame_count(labs(k) * ax->step, t),
		           CHART_TEXT, false, ANCHOR_MIDDLE, chart_ink);
	}
	double cx = mirrored
	                ? x0
	                : x0 + (double)(ax->nticks * ax->step) * ax->scale / 2;
	base += CHART_LINE + 1;
	scene_text(f->s, cx, base, caption, CHART_TEXT, false, ANCHOR_MIDDLE,
	           chart_ink);
	return base;
}
