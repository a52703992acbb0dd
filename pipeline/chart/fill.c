/* Fills: Okabe-Ito colours and white hatching. A stripe is a stroked
 * segment clipped by arithmetic to the rectangle, so that a hatched bar is
 * plain paths in every backend: no clip, no pattern object, the same in
 * the PDF, the SVG and the PNG. The outline, drawn last in the fill's
 * colour, squares the stripes' ends off along the edges. */
#include "chart/fill.h"

#include <math.h>
#include <stdlib.h>

#include "core/alloc.h"

#define HATCH_GAP 4.0 /* stripe period, across the stripes */
#define HATCH_W   1.4 /* white stripe width */
#define OUTLINE   0.75
#define SQRT2     1.41421356237309504880

static const struct rgb white = {1.0, 1.0, 1.0};

/* Okabe-Ito. Text on each: white on blue (5.2:1), ink on the rest (ink on
 * vermillion 5.0:1, where white would give 3.9:1). */
#define RGB8(r, g, b)                                                          \
	{                                                                      \
		(r) / 255.0, (g) / 255.0, (b) / 255.0                          \
	}
#define BLUE       RGB8(0x00, 0x72, 0xb2)
#define SKY        RGB8(0x56, 0xb4, 0xe9)
#define YELLOW     RGB8(0xf0, 0xe4, 0x42)
#define ORANGE     RGB8(0xe6, 0x9f, 0x00)
#define PURPLE     RGB8(0xcc, 0x79, 0xa7)
#define VERMILLION RGB8(0xd5, 0x5e, 0x00)
/* a macro, not a const object: C11 initializers need constants (clang) */
#define INK        RGB8(0x0b, 0x0c, 0x0c)

const struct fill fill_strength = {BLUE, HATCH_NONE, {1.0, 1.0, 1.0}};
const struct fill fill_improvement = {VERMILLION, HATCH_RISING, INK};

/* The better half of a scale from the best down, the worse half from the
 * worst up. */
static const struct fill better[] = {
    {BLUE, HATCH_NONE, {1.0, 1.0, 1.0}},
    {SKY, HATCH_NONE, INK},
    {YELLOW, HATCH_NONE, INK},
};
static const struct fill worse[] = {
    {VERMILLION, HATCH_CROSS, INK},
    {ORANGE, HATCH_RISING, INK},
    {PURPLE, HATCH_FALLING, INK},
};

const struct fill *
fill_grade(size_t i, size_t n)
{
	if (n > FILL_MAX_GRADES)
		n = FILL_MAX_GRADES;
	if (i >= n)
		i = n ? n - 1 : 0;
	size_t good = (n + 1) / 2; /* the middle grade of an odd scale too */
	if (n == 1 || i < good)
		return &better[i];
	return &worse[n - 1 - i];
}

/* Draws white stripes over the rectangle as one stroked path of segments
 * (two points a stripe, where a filled stripe takes five: the PDF's
 * content stays small). y grows downwards: dir 1 (x + y constant) makes
 * stripes that rise to the right, dir -1 (x - y constant) stripes that
 * fall. Each segment is the stripe's centre line clipped to the rectangle
 * inset by e: a 45-degree stroke of width HATCH_W reaches e = HATCH_W /
 * (2 sqrt 2) past its centre line in x and in y, so every stripe stays
 * exactly inside the rectangle. */
static void
stripes(struct scene *s, double x, double y, double w, double h, double dir)
{
	const double period = HATCH_GAP * SQRT2, e = HATCH_W / (2 * SQRT2);
	double x0 = x + e, x1 = x + w - e, y0 = y + e, y1 = y + h - e;
	if (x1 <= x0 || y1 <= y0)
		return;
	/* On the line x + dir * y = c, across the inset rectangle. */
	double lo = fmin(x0 + dir * y0, x0 + dir * y1);
	double hi = fmax(x1 + dir * y0, x1 + dir * y1);
	struct seg *segs = NULL;
	size_t n = 0, cap = 0;
	for (long k = (long)ceil(lo / period); k <= (long)floor(hi / period);
	     k++) {
		double c = (double)k * period;
		/* y on the line at x0 and x1, clamped to the rectangle. */
		double ya = (c - x0) * dir, yb = (c - x1) * dir;
		double ta = fmax(y0, fmin(y1, fmin(ya, yb)));
		double tb = fmax(y0, fmin(y1, fmax(ya, yb)));
		if (tb - ta < 1e-9)
			continue;
		segs = xgrow(segs, &cap, n + 2, sizeof(*segs));
		segs[n++] = (struct seg){SEG_MOVE, {c - dir * ta}, {ta}};
		segs[n++] = (struct seg){SEG_LINE, {c - dir * tb}, {tb}};
	}
	if (n)
		scene_stroke(s, segs, n, HATCH_W, white);
	free(segs);
}

void
fill_rect(struct scene *s, double x, double y, double w, double h,
          const struct fill *f)
{
	if (!(w > 0 && h > 0))
		return;
	scene_rect(s, x, y, w, h, f->color);
	if (f->hatch == HATCH_NONE || w <= 2 * OUTLINE || h <= 2 * OUTLINE)
		return;
	if (f->hatch == HATCH_RISING || f->hatch == HATCH_CROSS)
		stripes(s, x, y, w, h, 1.0);
	if (f->hatch == HATCH_FALLING || f->hatch == HATCH_CROSS)
		stripes(s, x, y, w, h, -1.0);
	const double i = OUTLINE / 2;
	struct seg box[5] = {
	    {SEG_MOVE, {x + i}, {y + i}},
	    {SEG_LINE, {x + w - i}, {y + i}},
	    {SEG_LINE, {x + w - i}, {y + h - i}},
	    {SEG_LINE, {x + i}, {y + h - i}},
	    {SEG_CLOSE, {0}, {0}},
	};
	scene_stroke(s, box, 5, OUTLINE, f->color);
}
