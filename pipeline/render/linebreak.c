/* Step 2 of the line breaker (see layout.h): choosing where lines end.
 *
 * Total fit is Knuth and Plass's dynamic programming cut down for ragged
 * right, where lines neither stretch nor shrink. The candidate breaks of a
 * stretch between forced breaks are visited in order; each keeps the least
 * cost of setting everything before it, and the candidate that cost came
 * from. A line's cost is
 *
 *     LINE_COST + badness + the penalty where it ends,
 *     badness = (100 * slack / measure)^2,
 *
 * with no badness for the last line of the stretch. Squares, not cubes:
 * a line twice as short costs four times as much, which evens out the rag
 * without letting one short line that cannot be helped (before a long URL
 * or a tied date) pull the whole paragraph out of shape, as cubes do; it
 * is also the classic measure of raggedness, the sum of squared slack.
 * LINE_COST makes an extra line cost as much as a line a tenth short: the
 * breaker adds a line only when that evens the rag by more.
 *
 * A runt, a last line shorter than RUNT_SHARE of the measure after at
 * least one other line of its stretch ("Board" alone under an addressee
 * that filled the line before), costs RUNT_COST more, as much as a line
 * a quarter short: to give it company, the breaker will leave one line up
 * to about a quarter short, or spread the same cost over several lines,
 * and no more. Where nothing does it for less, the runt stays. The cost
 * depends on the last line alone, so the dynamic programming stays exact.
 *
 * The look-back is bounded: the candidates before a break are visited
 * from the nearest back, and the walk stops at the first that would make
 * the line too wide, so the time is O(candidates x candidates per line).
 * Lines must not be wider than the measure; the one exception is a piece
 * between two candidates that is wider by itself (a single character, the
 * item builder sees to that), which gets a line of its own. Of two ways
 * that cost the same, the one with the later previous break wins (earlier
 * lines hold more), so the result depends on nothing but the items. */
#include "render/layout.h"

#include <math.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/alloc.h"

/* Widths are sums of doubles: a line may be this much over and still fit. */
#define EPS 1e-6
/* The cost of a line, whatever else it costs. */
#define LINE_COST 100.0
/* A last line under RUNT_SHARE of the measure, after another line, is a
 * runt (see above): it costs RUNT_COST more, as a line a quarter short. */
#define RUNT_COST  625.0
#define RUNT_SHARE 0.15
/* A guard against text of no width (a size of 0), where every line would
 * fit anything: no line looks back over more candidates than this. A
 * line of 453.5 pt in 8 pt type holds about 115 ("i i i ..."). */
#define LOOKBACK_MAX 512

/* A candidate break reached at least cost. */
struct layout_node {
	size_t item;  /* the glue or penalty dropped here, or the end */
	size_t first; /* the next line's first box; SIZE_MAX until seen */
	double after; /* the width of the stretch before that box */
	double total; /* the least cost of the lines up to here */
	size_t prev;  /* the node of the previous break on that way */
};

static void
push_break(struct layout *l, size_t at)
{
	if (l->nbrk == l->brkcap)
		l->brk =
		    xgrow(l->brk, &l->brkcap, l->nbrk + 1, sizeof(*l->brk));
	l->brk[l->nbrk++] = at;
}

/* Glue and allowed breaks vanish at the start of a line. */
static bool
discardable(const struct layout_item *it)
{
	return it->kind == ITEM_GLUE ||
	       (it->kind == ITEM_PENALTY && it->penalty != LAYOUT_FORCE);
}

static bool
forced(const struct layout_item *it)
{
	return it->kind == ITEM_PENALTY && it->penalty == LAYOUT_FORCE;
}

/* Whether a line may end at item i: a glue that follows a box, or an
 * allowed penalty; in either case not a tie. */
static bool
candidate(const struct layout_item *item, size_t i, size_t lo)
{
	const struct layout_item *it = &item[i];
	if (it->penalty >= LAYOUT_NEVER)
		return false;
	if (it->kind == ITEM_GLUE)
		return i > lo && item[i - 1].kind == ITEM_BOX;
	return it->kind == ITEM_PENALTY;
}

/* The measure, 100 / measure to turn slack into a percentage, and the
 * width under which a last line is a runt. */
struct measure {
	double width, pct, runt;
};

static struct measure
measure_of(double width)
{
	return (struct measure){width, width > 0 ? 100 / width : 0,
	                        RUNT_SHARE * width};
}

/* The cost of a line of width w ending at a break of penalty pen; last
 * when it ends its stretch, first when it opens it. */
static double
line_cost(double w, struct measure m, int pen, bool last, bool first)
{
	if (last)
		return LINE_COST + (!first && w < m.runt ? RUNT_COST : 0);
	double r = w < m.width ? (m.width - w) * m.pct : 0;
	return LINE_COST + r * r + pen;
}

static struct layout_node *
push_node(struct layout *l)
{
	if (l->nnode == l->nodecap)
		l->node =
		    xgrow(l->node, &l->nodecap, l->nnode + 1, sizeof(*l->node));
	return &l->node[l->nnode++];
}

/* Finds the best way to end a line at item b, whose last box ends at ink,
 * from the nodes [0, nnode); pushes it as a node. Returns false when no
 * line can end there (nothing but spaces since the stretch began). */
static bool
reach(struct layout *l, size_t b, double ink, int pen, bool last,
      struct measure m)
{
	double best = HUGE_VAL;
	size_t from = SIZE_MAX, seen = 0;
	for (size_t k = l->nnode; k-- > 0 && seen < LOOKBACK_MAX;) {
		const struct layout_node *a = &l->node[k];
		if (a->first >= b)
			continue; /* an empty line */
		seen++;
		double w = ink - a->after;
		bool over = w > m.width + EPS;
		if (over && from != SIZE_MAX)
			break;
		double c = a->total + line_cost(w, m, pen, last, k == 0);
		if (c < best) {
			best = c;
			from = k;
		}
		if (over)
			break; /* a piece wider than the line: alone */
	}
	if (from == SIZE_MAX)
		return false;
	struct layout_node *n = push_node(l);
	*n = (struct layout_node){
	    .item = b, .first = SIZE_MAX, .total = best, .prev = from};
	return true;
}

/* Appends the breaks of the way to the last node, in order. */
static void
trace_back(struct layout *l)
{
	size_t n0 = l->nbrk;
	for (size_t k = l->nnode - 1; k != 0; k = l->node[k].prev)
		push_break(l, l->node[k].item);
	for (size_t i = n0, j = l->nbrk - 1; i < j; i++, j--) {
		size_t t = l->brk[i];
		l->brk[i] = l->brk[j];
		l->brk[j] = t;
	}
}

/* Breaks the items [lo, hi), ending at a forced break or at the end. */
static void
break_stretch(struct layout *l, size_t lo, size_t hi, double width)
{
	const struct layout_item *item = l->item;
	struct measure m = measure_of(width);
	double w = 0, ink = 0;
	size_t pending = 0; /* nodes from here on wait for their first box */
	l->nnode = 0;
	*push_node(l) = (struct layout_node){.item = lo, .first = SIZE_MAX};
	for (size_t i = lo; i < hi; i++) {
		const struct layout_item *it = &item[i];
		if (it->kind == ITEM_BOX) {
			for (; pending < l->nnode; pending++) {
				l->node[pending].first = i;
				l->node[pending].after = w;
			}
			w += it->width;
			ink = w;
			continue;
		}
		if (candidate(item, i, lo))
			reach(l, i, ink, it->penalty, false, m);
		w += it->width;
	}
	if (l->node[0].first == SIZE_MAX) {
		if (hi < l->nitem)
			push_break(l, hi); /* an empty line: a forced break */
		return;
	}
	reach(l, hi, ink, 0, true, m);
	trace_back(l);
}

void
layout_break_total_fit(struct layout *l, double width)
{
	size_t n = l->nitem, lo = 0;
	l->nbrk = 0;
	for (size_t i = 0; i < n; i++) {
		if (forced(&l->item[i])) {
			break_stretch(l, lo, i, width);
			lo = i + 1;
		}
	}
	if (lo < n)
		break_stretch(l, lo, n, width);
	if (l->nbrk == 0 && n > 0)
		push_break(l, n); /* only spaces: one empty line */
}

void
layout_break_first_fit(struct layout *l, double width)
{
	const struct layout_item *item = l->item;
	size_t n = l->nitem, i = 0;
	l->nbrk = 0;
	for (;;) {
		while (i < n && discardable(&item[i]))
			i++;
		if (i >= n)
			break;
		double w = 0;
		size_t cand = SIZE_MAX, j;
		bool has_box = false;
		for (j = i; j < n; j++) {
			const struct layout_item *it = &item[j];
			if (it->kind == ITEM_BOX) {
				if (has_box && cand != SIZE_MAX &&
				    w + it->width > width + EPS)
					break;
				w += it->width;
				has_box = true;
			} else if (forced(it)) {
				break;
			} else {
				if (has_box && candidate(item, j, i))
					cand = j;
				if (it->kind == ITEM_GLUE)
					w += it->width;
			}
		}
		if (j >= n) {
			push_break(l, n);
			return;
		}
		if (forced(&item[j]))
			cand = j;
		push_break(l, cand);
		i = cand + 1;
	}
	if (l->nbrk == 0 && n > 0)
		push_break(l, n); /* only spaces: one empty line */
}

double
layout_demerits(const struct layout *l, double width)
{
	const struct layout_item *item = l->item;
	double total = 0;
	size_t s = 0;
	bool first = true;
	for (size_t b = 0; b < l->nbrk; b++) {
		size_t e = l->brk[b];
		bool last = e >= l->nitem || forced(&item[e]);
		while (s < e && discardable(&item[s]))
			s++;
		double w = 0, ink = 0;
		for (size_t k = s; k < e; k++) {
			w += item[k].kind == ITEM_PENALTY ? 0 : item[k].width;
			if (item[k].kind == ITEM_BOX)
				ink = w;
		}
		int pen = last ? 0 : item[e].penalty;
		total += line_cost(ink, measure_of(width), pen, last, first);
		first = last;
		s = e + 1;
	}
	return total;
}
