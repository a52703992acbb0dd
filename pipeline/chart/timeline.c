/* timeline: the notification, the fieldwork, the letter and the written
 * statement's due date on an axis of working days (England and Wales,
 * core/calendar.h), counted from the notification as day 1 (the domain's
 * rule), or from the first day of fieldwork when there is no notification.
 *
 * Each working day is a cell of equal width: a one-day event is a diamond
 * at the middle of its day's cell, the fieldwork a bar over its days'
 * cells, so the bar is (days of fieldwork) * (points per day) long. Each
 * event is named above the axis by a label on a flag: a leader line from
 * its mark up to its label's lane, the label to the right of the leader
 * (to its left near the chart's right edge). The fieldwork's leader rises
 * from the start of its bar, or from its middle or end when another
 * leader is near (range_leader). The labels take the fewest
 * lanes in which none overlaps another and no leader crosses a label: a
 * search of every way, pruned (four events).
 *
 * Layout, top to bottom: title, label lanes (highest first), the axis with
 * the marks, tick labels, axis caption. */
#include "chart/timeline.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "chart/fill.h"
#include "chart/frame.h"
#include "chart/model.h"
#include "chart/scene.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/calendar.h"
#include "core/diag.h"
#include "core/value.h"

#define MAX_EVENTS 4
#define EDGE       (MARK / 2 + 1) /* the axis's ends to the chart's edges */
#define MARK       9.0            /* a diamond's height and width */
#define BAR_H      8.0            /* the fieldwork bar */
#define FLAG_GAP   3.0            /* a leader to its label */
#define LABEL_GAP  8.0            /* between two labels in one lane */
#define LEADER_GAP 8.0            /* least space between two leaders */
#define LANE_GAP   5.0            /* between two lanes */
#define LANE_H     (3 * CHART_LINE + LANE_GAP) /* a label of three lines */
#define TICK_LEN   3.0
#define TICK_ROOM  8.0 /* least space between two tick labels */
#define MAX_TICKS  12

struct event {
	const char *name, *when; /* "Fieldwork", "16 to 20 March 2026" */
	const char *days;        /* "days 11 to 15" */
	const char *num;         /* "11 to 15": the data table's */
	long d0, d1;             /* first and last working day */
	bool range;
	const struct fill *fill;
	/* placement */
	double x;    /* the leader */
	double tx;   /* the label's anchor */
	bool left;   /* the label ends at tx (near the right edge) */
	double l, r; /* the label's extent */
	size_t lane;
};

struct timeline {
	struct event ev[MAX_EVENTS];
	size_t n;
	bool from_notification;
	long first, last; /* the axis, in working days */
	long statement_days;
};

struct layout {
	struct frame f;
	double x0, k; /* day `first` starts at x0; points per working day */
	size_t nlanes;
};

static const struct fill mark_ink = {
    {0x0b / 255.0, 0x0c / 255.0, 0x0c / 255.0}, HATCH_NONE, {1.0, 1.0, 1.0}};

/* Reading the model */

/* Reads {iso, text} at key of dates; returns 0, or -1 after reporting
 * (1 when optional and absent). */
static int
read_date(const char *path, const struct value *dates, const char *key,
          bool optional, struct date *dt, const char **text,
          struct diag_sink *d)
{
	const struct value *v = value_get(dates, key);
	if (v == NULL && optional)
		return 1;
	char what[64];
	snprintf(what, sizeof(what), "'dates.%s'", key);
	const struct value *m = model_map(path, dates, key, "'dates'", d);
	if (m == NULL)
		return -1;
	const char *iso = model_text(path, m, "iso", what, d);
	*text = model_text(path, m, "text", what, d);
	if (iso == NULL || *text == NULL)
		return -1;
	if (date_parse(iso, dt) < 0) {
		const struct value *iv = value_get(m, "iso");
		diag_error(d, path, iv->line, iv->col,
		           "'iso' of %s is not a date '%s'", what, iso);
		diag_hint(d, "write it YYYY-MM-DD");
		return -1;
	}
	return 0;
}

/* The working day of dt, day 1 being the origin: counted on from the
 * last date asked about (*last, day *last_day), as the events come in date
 * order, so that the days are walked once. */
static long
day_of(struct date dt, struct date *last, long *last_day)
{
	*last_day += date_working_days_between(*last, dt);
	*last = dt;
	return *last_day;
}

struct counter {
	struct date last;
	long day;
};

static void
add_event(struct arena *a, struct timeline *t, struct counter *c,
          const char *name, const char *when, struct date from, struct date to,
          bool range, const struct fill *fill)
{
	struct event *e = &t->ev[t->n++];
	e->name = name;
	e->when = when;
	e->range = range;
	e->fill = fill;
	e->d0 = day_of(from, &c->last, &c->day);
	e->d1 = range ? day_of(to, &c->last, &c->day) : e->d0;
	if (e->d1 < e->d0)
		e->d1 = e->d0;
	bool many = range && e->d1 > e->d0;
	e->num = many ? arena_printf(a, "%ld to %ld", e->d0, e->d1)
	              : arena_printf(a, "%ld", e->d0);
	e->days = arena_printf(a, "%s %s", many ? "days" : "day", e->num);
}

static int
read_timeline(struct arena *a, const char *path, const struct value *merged,
              struct timeline *t, struct diag_sink *d)
{
	const struct value *dates =
	    model_map(path, merged, "dates", "the merged model", d);
	if (dates == NULL)
		return -1;
	struct date note = {0}, from = {0}, to = {0}, letter = {0}, due = {0};
	const char *note_text = NULL, *from_text, *to_text, *letter_text,
	           *due_text;
	int has_note =
	    read_date(path, dates, "notification", true, &note, &note_text, d);
	const struct value *fw =
	    model_map(path, dates, "fieldwork", "'dates'", d);
	if (has_note < 0 || fw == NULL ||
	    read_date(path, fw, "from", false, &from, &from_text, d) < 0 ||
	    read_date(path, fw, "to", false, &to, &to_text, d) < 0 ||
	    read_date(path, dates, "letter", false, &letter, &letter_text, d) <
	        0 ||
	    read_date(path, dates, "statement_due", false, &due, &due_text, d) <
	        0)
		return -1;
	const char *range =
	    model_text(path, fw, "text", "'dates.fieldwork'", d);
	if (range == NULL)
		return -1;
	t->statement_days = -1;
	model_count(path, value_get(dates, "statement_due"), "working_days",
	            "'dates.statement_due'", &t->statement_days, d);
	if (t->statement_days < 0)
		return -1;
	t->from_notification = has_note == 0;
	struct counter c = {has_note == 0 ? note : from, 1};
	if (has_note == 0)
		add_event(a, t, &c, "Notification", note_text, note, note,
		          false, &mark_ink);
	add_event(a, t, &c, "Fieldwork", range, from, to, true, &fill_strength);
	add_event(a, t, &c, "Letter", letter_text, letter, letter, false,
	          &mark_ink);
	add_event(a, t, &c, "Written statement due", due_text, due, due, false,
	          &fill_improvement);
	struct event *s = &t->ev[t->n - 1];
	s->days = arena_printf(a, "%s, %ld after the letter", s->days,
	                       t->statement_days);
	s->num = arena_printf(a, "%s (%ld after the letter)", s->num,
	                      t->statement_days);
	t->first = t->last = t->ev[0].d0;
	for (size_t i = 0; i < t->n; i++) {
		t->first = t->ev[i].d0 < t->first ? t->ev[i].d0 : t->first;
		t->last = t->ev[i].d1 > t->last ? t->ev[i].d1 : t->last;
	}
	return 0;
}

/* Layout */

static double
day_start(const struct layout *l, const struct timeline *t, long day)
{
	return l->x0 + (double)(day - t->first) * l->k;
}

static double
label_width(const struct frame *f, const struct event *e)
{
	return fmax(frame_width(f, true, CHART_TEXT, e->name),
	            fmax(frame_width(f, false, CHART_TEXT, e->when),
	                 frame_width(f, false, CHART_TEXT, e->days)));
}

/* True when the labels of p and e, in their lanes, keep apart: no
 * overlap in one lane, and neither's leader, which rises from its mark to
 * its own label, crosses the other's text. */
static bool
pair_clear(const struct event *p, const struct event *e)
{
	if (p->lane == e->lane)
		return e->l >= p->r + LABEL_GAP || p->l >= e->r + LABEL_GAP;
	if (p->lane < e->lane) {
		const struct event *q = p;
		p = e;
		e = q;
	}
	/* p is higher: its leader passes e's lane. A leader along a label's
	 * own edge does not cross it. */
	double el = e->left ? e->l : e->tx, er = e->left ? e->tx : e->r;
	return !(p->x > el - 1 && p->x < er + 1);
}

/* Sets e's label to the right (or left) of its leader in lane. */
static void
set_label(struct event *e, double w, bool left, size_t lane)
{
	e->left = left;
	e->lane = lane;
	e->tx = left ? e->x - FLAG_GAP : e->x + FLAG_GAP;
	e->l = left ? e->tx - w : e->x;
	e->r = left ? e->x : e->tx + w;
}

/* A search for the labels' places: the best found so far, by cost
 * (lanes used, then labels turned from their natural side, then how high
 * the labels stack, a later event's lane weighing more, so that labels
 * read in date order from the top when all else is equal). */
struct search {
	struct event *ev;
	size_t n;
	const double *w;
	const bool *natural;
	size_t lane[MAX_EVENTS], best_lane[MAX_EVENTS];
	bool left[MAX_EVENTS], best_left[MAX_EVENTS];
	size_t best_cost;
};

static size_t
cost(size_t lanes, size_t turned, size_t height)
{
	/* height is at most 3 * (1 + 2 + 3 + 4) = 30 */
	return (lanes * 8 + turned) * 64 + height;
}

/* Tries every lane and side for event i and those after it, given those
 * before; prunes what cannot beat the best. */
static void
search(struct search *s, size_t i, size_t lanes, size_t turned, size_t height)
{
	if (cost(lanes, turned, height) >= s->best_cost)
		return;
	if (i == s->n) {
		s->best_cost = cost(lanes, turned, height);
		memcpy(s->best_lane, s->lane, sizeof(s->lane));
		memcpy(s->best_left, s->left, sizeof(s->left));
		return;
	}
	struct event *e = &s->ev[i];
	for (size_t lane = 0; lane < s->n; lane++)
		for (int side = 0; side < 2; side++) {
			bool left = side ? !s->natural[i] : s->natural[i];
			set_label(e, s->w[i], left, lane);
			bool ok = e->l >= 0 && e->r <= CHART_WIDTH;
			for (size_t j = 0; j < i && ok; j++)
				ok = pair_clear(&s->ev[j], e);
			if (!ok)
				continue;
			s->lane[i] = lane;
			s->left[i] = left;
			search(s, i + 1, lane + 1 > lanes ? lane + 1 : lanes,
			       turned + (size_t)side, height + lane * (i + 1));
		}
}

/* Where the leader of range event e rises: from its bar's start, or where
 * in the bar it keeps LEADER_GAP from every other event's leader (an
 * unannounced inspection's notification is on the bar's first day): the
 * start, the middle or the end, the first that is clear; else the middle. */
static double
range_leader(const struct layout *l, const struct timeline *t,
             const struct event *e)
{
	double x0 = day_start(l, t, e->d0), x1 = day_start(l, t, e->d1 + 1);
	const double at[] = {x0, (x0 + x1) / 2, x1};
	for (size_t k = 0; k < 3; k++) {
		bool clear = true;
		for (size_t i = 0; i < t->n && clear; i++)
			clear = &t->ev[i] == e ||
			        fabs(t->ev[i].x - at[k]) >= LEADER_GAP;
		if (clear)
			return at[k];
	}
	return at[1];
}

/* Places every label: the cheapest clear way of all (at most 8^4 for four
 * events, most of them pruned). */
static void
place_labels(struct layout *l, struct timeline *t)
{
	double w[MAX_EVENTS];
	bool natural[MAX_EVENTS];
	for (size_t i = 0; i < t->n; i++) {
		struct event *e = &t->ev[i];
		w[i] = label_width(&l->f, e);
		e->x = e->range ? day_start(l, t, e->d0)
		                : day_start(l, t, e->d0) + l->k / 2;
	}
	for (size_t i = 0; i < t->n; i++) {
		struct event *e = &t->ev[i];
		if (e->range)
			e->x = range_leader(l, t, e);
		natural[i] = e->x + FLAG_GAP + w[i] > CHART_WIDTH;
	}
	struct search s = {.ev = t->ev,
	                   .n = t->n,
	                   .w = w,
	                   .natural = natural,
	                   .best_cost = SIZE_MAX};
	search(&s, 0, 0, 0, 0);
	/* None clear (not met with four events): one lane each, in order. */
	l->nlanes = 1;
	for (size_t i = 0; i < t->n; i++) {
		bool found = s.best_cost != SIZE_MAX;
		size_t lane = found ? s.best_lane[i] : t->n - 1 - i;
		set_label(&t->ev[i], w[i], found ? s.best_left[i] : natural[i],
		          lane);
		l->nlanes = lane + 1 > l->nlanes ? lane + 1 : l->nlanes;
	}
}

/* Drawing */

static void
draw_diamond(struct scene *s, double x, double cy, struct rgb color)
{
	const double h = MARK / 2;
	struct seg d[5] = {
	    {SEG_MOVE, {x}, {cy - h}}, {SEG_LINE, {x + h}, {cy}},
	    {SEG_LINE, {x}, {cy + h}}, {SEG_LINE, {x - h}, {cy}},
	    {SEG_CLOSE, {0}, {0}},
	};
	scene_fill(s, d, 5, color);
}

/* Draws e's label in its lane (lane 0 ends at bottom) and its leader down
 * to the axis at axis_y. */
static void
draw_event(struct layout *l, const struct timeline *t, const struct event *e,
           double bottom, double axis_y)
{
	struct frame *f = &l->f;
	double top = bottom - (double)(e->lane + 1) * LANE_H + LANE_GAP;
	double base = top + f->ascent;
	enum text_anchor a = e->left ? ANCHOR_END : ANCHOR_START;
	scene_text(f->s, e->tx, base, e->name, CHART_TEXT, true, a, chart_ink);
	scene_text(f->s, e->tx, base + CHART_LINE, e->when, CHART_TEXT, false,
	           a, chart_ink);
	scene_text(f->s, e->tx, base + 2 * CHART_LINE, e->days, CHART_TEXT,
	           false, a, chart_muted);
	double mark_top = axis_y - (e->range ? BAR_H : MARK) / 2;
	scene_line(f->s, e->x, top + 1, e->x, mark_top, 0.75, chart_ink);
	if (e->range) {
		double x = day_start(l, t, e->d0);
		double w = (double)(e->d1 - e->d0 + 1) * l->k;
		fill_rect(f->s, x, axis_y - BAR_H / 2, w, BAR_H, e->fill);
	} else {
		draw_diamond(f->s, e->x, axis_y, e->fill->color);
	}
}

/* The tick step: 1, 2 or 5 times a power of ten, its labels apart. */
static long
tick_step(const struct layout *l, const struct timeline *t)
{
	char s[32];
	double w =
	    frame_width(&l->f, false, CHART_TEXT, frame_count(t->last, s)) +
	    TICK_ROOM;
	static const long mult[] = {1, 2, 5};
	for (long mag = 1;; mag *= 10)
		for (size_t i = 0; i < 3; i++) {
			long step = mult[i] * mag;
			if ((double)step * l->k >= w &&
			    (t->last - t->first) / step < MAX_TICKS)
				return step;
		}
}

/* The axis line through the marks at y, ticks at day `first` and every
 * step down from it, their labels and the caption; returns the caption's
 * baseline. Drawn before the marks, which cover it. */
static double
draw_axis(struct layout *l, const struct timeline *t, double y)
{
	struct frame *f = &l->f;
	double x1 = day_start(l, t, t->last + 1);
	scene_line(f->s, l->x0, y, x1, y, 0.75, chart_ink);
	long step = tick_step(l, t);
	double tick_end = y + MARK / 2 + TICK_LEN;
	double base = tick_end + 2 + f->ascent, last_x = -INFINITY;
	char s[32];
	double min_gap =
	    frame_width(f, false, CHART_TEXT, frame_count(t->last, s)) +
	    TICK_ROOM;
	for (long day = t->first; day <= t->last;) {
		double x = day_start(l, t, day) + l->k / 2;
		if (x - last_x >= min_gap) {
			scene_line(f->s, x, y, x, tick_end, 0.75, chart_ink);
			scene_text(f->s, x, base, frame_count(day, s),
			           CHART_TEXT, false, ANCHOR_MIDDLE, chart_ink);
			last_x = x;
		}
		long next = (day / step + 1) * step;
		day = next > day ? next : day + 1;
	}
	base += CHART_LINE + 1;
	scene_text(f->s, (l->x0 + x1) / 2, base,
	           t->from_notification
	               ? "Working days from the notification (day 1)"
	               : "Working days from the first day of fieldwork (day 1)",
	           CHART_TEXT, false, ANCHOR_MIDDLE, chart_ink);
	return base;
}

/* Alt text and data */

static const char *
make_alt(struct arena *a, const char *title, const struct timeline *t)
{
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "%s, in working days.", title);
	for (size_t i = 0; i < t->n; i++) {
		const struct event *e = &t->ev[i];
		buf_printf(&b, "%s %s: %s (%s)", i ? ";" : "", e->name, e->when,
		           e->days);
	}
	buf_putc(&b, '.');
	const char *alt = arena_strdup(a, buf_cstr(&b));
	buf_release(&b);
	return alt;
}

static void
make_data(struct scene *s, const struct timeline *t)
{
	static const char *const head[] = {"Event", "Date", "Working day"};
	scene_data_head(s, 3, head, 0);
	for (size_t i = 0; i < t->n; i++) {
		const struct event *e = &t->ev[i];
		const char *cells[] = {e->name, e->when, e->num};
		scene_data_row(s, cells);
	}
}

struct scene *
timeline_draw(struct arena *a, const char *name, const char *path,
              const struct value *merged, const struct fontset *fonts,
              struct diag_sink *d)
{
	struct timeline t = {0};
	if (read_timeline(a, path, merged, &t, d) < 0)
		return NULL;
	struct layout l = {0};
	frame_init(&l.f, a, name, fonts);
	const char *title = frame_title_in(&l.f, "Timeline of the inspection",
	                                   model_area(merged));
	l.f.s->alt = make_alt(a, title, &t);
	make_data(l.f.s, &t);
	double y = frame_title(&l.f, title);
	l.x0 = EDGE;
	l.k = (CHART_WIDTH - 2 * EDGE) / (double)(t.last - t.first + 1);
	place_labels(&l, &t);
	double bottom = y + (double)l.nlanes * LANE_H;
	double axis_y = bottom + MARK / 2 + 2;
	frame_end(&l.f, draw_axis(&l, &t, axis_y));
	/* The fieldwork's bar first: a diamond on the same day shows on it. */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < t.n; i++)
			if (t.ev[i].range == (pass == 0))
				draw_event(&l, &t, &t.ev[i], bottom, axis_y);
	return l.f.s;
}
