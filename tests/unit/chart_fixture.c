/* The chart tests' fixture (chart_fixture.h). */
#include "chart_fixture.h"

#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "chart/chart.h"
#include "core/arena.h"
#include "core/value.h"
#include "testutil.h"

struct arena *arena;
struct diag_sink sink;
struct fontset fonts;

void
chart_setup(void)
{
	arena = arena_new();
	diag_init(&sink);
	test_fonts(&fonts);
}

void
chart_teardown(void)
{
	fontset_release(&fonts);
	diag_release(&sink);
	arena_free(arena);
}

const struct rgb blue = {0x00 / 255.0, 0x72 / 255.0, 0xb2 / 255.0};
const struct rgb sky = {0x56 / 255.0, 0xb4 / 255.0, 0xe9 / 255.0};
const struct rgb orange = {0xe6 / 255.0, 0x9f / 255.0, 0.0};
const struct rgb vermillion = {0xd5 / 255.0, 0x5e / 255.0, 0.0};
const struct rgb white = {1, 1, 1};

bool
same_color(struct rgb a, struct rgb b)
{
	return fabs(a.r - b.r) < 1e-6 && fabs(a.g - b.g) < 1e-6 &&
	       fabs(a.b - b.b) < 1e-6;
}

/* Models */

struct value *
model_new(const char *area)
{
	struct value *root = value_new(arena, VALUE_MAP);
	if (area) {
		struct value *a = value_new(arena, VALUE_MAP);
		value_put_str(arena, a, "name", area);
		value_put(arena, root, "area", a);
	}
	value_put(arena, root, "agencies", value_new(arena, VALUE_SEQ));
	return root;
}

struct value *
agencies(struct value *root)
{
	return (struct value *)value_get(root, "agencies");
}

void
add_agency(struct value *root, const char *name, long s, long i)
{
	struct value *m = value_new(arena, VALUE_MAP);
	value_put_str(arena, m, "id", "agency");
	value_put_str(arena, m, "name", name);
	value_put_int(arena, m, "strengths", s);
	value_put_int(arena, m, "improvements", i);
	value_push(arena, agencies(root), m);
}

struct scene *
sample(void)
{
	struct value *m = model_new("Northshire");
	add_agency(m, "Northshire children's social care", 5, 3);
	add_agency(m, "Northshire Police", 2, 4);
	return draw(m);
}

const char *const grades4[4] = {"outstanding", "good", "requires-improvement",
                                "inadequate"};

struct value *
cases_model(const char *area, long tracked, long sampled)
{
	struct value *root = model_new(area);
	struct value *c = value_new(arena, VALUE_MAP);
	value_put_int(arena, c, "total", tracked + sampled);
	value_put_bool(arena, c, "any", tracked + sampled > 0);
	value_put_int(arena, c, "tracked", tracked);
	value_put_int(arena, c, "sampled", sampled);
	value_put(arena, c, "practice", value_new(arena, VALUE_SEQ));
	value_put(arena, root, "cases", c);
	return root;
}

void
add_rated(struct value *root, const char *id, const char *name,
          const long counts[4])
{
	struct value *ag = value_new(arena, VALUE_MAP);
	value_put_str(arena, ag, "id", id);
	value_put_str(arena, ag, "name", name);
	value_put_int(arena, ag, "strengths", 0);
	value_put_int(arena, ag, "improvements", 0);
	value_push(arena, agencies(root), ag);
	struct value *m = value_new(arena, VALUE_MAP), *r;
	r = value_new(arena, VALUE_MAP);
	long rated = 0;
	for (size_t g = 0; g < 4; g++) {
		value_put_int(arena, r, grades4[g], counts[g]);
		rated += counts[g];
	}
	value_put_str(arena, m, "agency", id);
	value_put_int(arena, m, "rated", rated);
	value_put(arena, m, "ratings", r);
	value_push(arena, (struct value *)value_path(root, "cases.practice"),
	           m);
}

struct value *
judgement(const char *id, const char *title, const char *grade,
          const char *grade_title, bool sub, bool limiting)
{
	struct value *m = value_new(arena, VALUE_MAP);
	value_put_str(arena, m, "id", id);
	value_put_str(arena, m, "title", title);
	value_put_bool(arena, m, "key", !sub);
	value_put_bool(arena, m, "sub", sub);
	if (grade) {
		value_put_str(arena, m, "grade", grade);
		value_put_str(arena, m, "grade_title", grade_title);
	} else {
		value_put(arena, m, "grade", value_new(arena, VALUE_NULL));
	}
	value_put_bool(arena, m, "limiting", limiting);
	return m;
}

struct value *
grades_model(bool with_scale)
{
	struct value *m = with_scale ? cases_model("Hollinsby", 0, 0)
	                             : model_new("Hollinsby");
	if (with_scale)
		add_rated(m, "csc", "Children's social care",
		          (long[]){0, 0, 0, 0});
	struct value *j = value_new(arena, VALUE_MAP);
	value_put_bool(arena, j, "graded", true);
	struct value *o = judgement("overall", "Overall effectiveness",
	                            "inadequate", "Inadequate", false, false);
	value_put_bool(arena, o, "limited", true);
	value_put(arena, j, "overall", o);
	struct value *items = value_new(arena, VALUE_SEQ);
	value_push(arena, items,
	           judgement("help", "Children who need help and protection",
	                     "inadequate", "Inadequate", false, true));
	value_push(arena, items,
	           judgement("looked-after",
	                     "Children looked after and achieving permanence",
	                     "requires-improvement",
	                     "Requires improvement to be good", false, false));
	value_push(arena, items,
	           judgement("adoption", "Adoption performance", "good", "Good",
	                     true, false));
	value_put(arena, j, "items", items);
	value_put(arena, m, "judgements", j);
	return m;
}

static struct value *
date_node(const char *iso, const char *text)
{
	struct value *m = value_new(arena, VALUE_MAP);
	value_put_str(arena, m, "iso", iso);
	value_put_str(arena, m, "text", text);
	return m;
}

struct value *
dates_model(const char *note, const char *from, const char *to,
            const char *letter, const char *due)
{
	struct value *m = model_new("Riverford");
	struct value *d = value_new(arena, VALUE_MAP);
	if (note)
		value_put(arena, d, "notification", date_node(note, note));
	struct value *fw = value_new(arena, VALUE_MAP);
	value_put(arena, fw, "from", date_node(from, from));
	value_put(arena, fw, "to", date_node(to, to));
	value_put_str(arena, fw, "text", "the fieldwork");
	value_put(arena, d, "fieldwork", fw);
	value_put(arena, d, "letter", date_node(letter, letter));
	struct value *sd = date_node(due, due);
	value_put_int(arena, sd, "working_days", 70);
	value_put(arena, d, "statement_due", sd);
	value_put(arena, m, "dates", d);
	return m;
}

/* Drawing */

struct scene *
draw(const struct value *root)
{
	return draw_chart(CHART, root);
}

struct scene *
draw_chart(const char *name, const struct value *root)
{
	struct scene *s = chart_draw(arena, name, root, &fonts, &sink);
	cr_assert_not_null(s, "%s", test_diags(&sink));
	cr_assert_eq(sink.errors, 0, "%s", test_diags(&sink));
	cr_assert_str_eq(s->name, name);
	cr_assert_float_eq(s->width, WIDTH, 1e-9);
	assert_inside(s);
	return s;
}

/* Reading the scene back */

struct box
bbox(const struct scene_op *op)
{
	struct box b = {INFINITY, INFINITY, -INFINITY, -INFINITY};
	for (size_t i = 0; i < op->nsegs; i++) {
		int k = op->segs[i].kind == SEG_CURVE ? 3 : 1;
		if (op->segs[i].kind == SEG_CLOSE)
			continue;
		for (int j = 0; j < k; j++) {
			b.x0 = fmin(b.x0, op->segs[i].x[j]);
			b.x1 = fmax(b.x1, op->segs[i].x[j]);
			b.y0 = fmin(b.y0, op->segs[i].y[j]);
			b.y1 = fmax(b.y1, op->segs[i].y[j]);
		}
	}
	return b;
}

struct box
text_box(const struct scene_op *op)
{
	double w = font_width(fonts.face[op->bold], op->text, strlen(op->text),
	                      op->size);
	double x0 = op->anchor == ANCHOR_START    ? op->x
	            : op->anchor == ANCHOR_MIDDLE ? op->x - w / 2
	                                          : op->x - w;
	return (struct box){x0, op->y - 0.72 * op->size, x0 + w,
	                    op->y + 0.21 * op->size};
}

bool
overlap(struct box a, struct box b)
{
	return a.x0 < b.x1 - 0.01 && b.x0 < a.x1 - 0.01 && a.y0 < b.y1 - 0.01 &&
	       b.y0 < a.y1 - 0.01;
}

const struct scene_op *
find_text_at(const struct scene *s, const char *text, int anchor)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->ops[i].kind == OP_TEXT &&
		    !strcmp(s->ops[i].text, text) &&
		    (anchor < 0 || (int)s->ops[i].anchor == anchor))
			return &s->ops[i];
	return NULL;
}

const struct scene_op *
find_text(const struct scene *s, const char *text)
{
	return find_text_at(s, text, -1);
}

size_t
labels(const struct scene *s, const struct scene_op **out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < s->n; i++) {
		const struct scene_op *op = &s->ops[i];
		if (op->kind == OP_TEXT && !op->bold && op->x == 0 &&
		    op->anchor == ANCHOR_START) {
			cr_assert_lt(n, max);
			out[n++] = op;
		}
	}
	return n;
}

size_t
fills(const struct scene *s, struct rgb color, double min_w, struct box *out,
      size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < s->n; i++) {
		const struct scene_op *op = &s->ops[i];
		if (op->kind != OP_FILL || !same_color(op->color, color) ||
		    op->nsegs != 5)
			continue;
		struct box b = bbox(op);
		if (b.x1 - b.x0 < min_w || b.y1 - b.y0 < 11) /* not a swatch */
			continue;
		cr_assert_lt(n, max);
		out[n++] = b;
	}
	return n;
}

/* The box a path paints: its points' box, a stroke's widened by half its
 * width. */
static struct box
paint_box(const struct scene_op *op)
{
	struct box b = bbox(op);
	double h = op->kind == OP_STROKE ? op->line_width / 2 : 0;
	return (struct box){b.x0 - h, b.y0 - h, b.x1 + h, b.y1 + h};
}

static void
assert_text(const struct scene *s, size_t i)
{
	const struct scene_op *op = &s->ops[i];
	struct box t = text_box(op);
	cr_assert(op->y > 0 && op->y < s->height, "%s", op->text);
	cr_assert(t.x0 >= 0 && t.x1 <= s->width + 1e-9, "%s", op->text);
	cr_assert(op->size >= 9 && op->size <= 10);
	for (size_t j = 0; j < i; j++)
		if (s->ops[j].kind == OP_TEXT)
			cr_assert(!overlap(t, text_box(&s->ops[j])),
			          "'%s' on '%s'", op->text, s->ops[j].text);
	for (size_t j = i + 1; j < s->n; j++)
		if (s->ops[j].kind != OP_TEXT && s->ops[j].nsegs > 0)
			cr_assert(!overlap(t, paint_box(&s->ops[j])),
			          "a path drawn over '%s'", op->text);
}

void
assert_inside(const struct scene *s)
{
	for (size_t i = 0; i < s->n; i++) {
		const struct scene_op *op = &s->ops[i];
		if (op->kind == OP_TEXT) {
			assert_text(s, i);
			continue;
		}
		struct box b = bbox(op);
		cr_assert(b.x0 >= 0 && b.x1 <= s->width && b.y0 >= 0 &&
		          b.y1 <= s->height);
	}
	cr_assert_not_null(s->alt);
	cr_assert_gt(strlen(s->alt), 10);
}

void
assert_leaders_clear(const struct scene *s)
{
	double xs[16];
	size_t n = 0;
	for (size_t i = 0; i < s->n; i++) {
		const struct scene_op *l = &s->ops[i];
		if (l->kind != OP_STROKE || l->nsegs != 2 ||
		    l->segs[0].x[0] != l->segs[1].x[0] ||
		    l->segs[0].y[0] == l->segs[1].y[0])
			continue;
		double x = l->segs[0].x[0];
		double y0 = fmin(l->segs[0].y[0], l->segs[1].y[0]);
		double y1 = fmax(l->segs[0].y[0], l->segs[1].y[0]);
		if (y1 - y0 >= 10) { /* a leader, not a tick */
			for (size_t k = 0; k < n; k++)
				cr_assert_geq(fabs(xs[k] - x), 8.0,
				              "two leaders %.2f pt apart",
				              fabs(xs[k] - x));
			cr_assert_lt(n, 16);
			xs[n++] = x;
		}
		for (size_t j = 0; j < s->n; j++) {
			if (s->ops[j].kind != OP_TEXT)
				continue;
			struct box t = text_box(&s->ops[j]);
			cr_assert(!(x > t.x0 + 0.5 && x < t.x1 - 0.5 &&
			            y0 < t.y1 && y1 > t.y0),
			          "a leader crosses '%s'", s->ops[j].text);
		}
	}
	cr_assert_geq(n, 3, "no leaders found");
}
