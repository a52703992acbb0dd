/* The display list. Ops and their paths are copied into the scene's arena,
 * so a scene outlives the buffers its drawing code used. */
#include "chart/scene.h"

#include <string.h>

#include "core/arena.h"

struct scene *
scene_new(struct arena *a, const char *name, double width, double height)
{
	struct scene *s = arena_alloc(a, sizeof(*s));
	s->name = arena_strdup(a, name);
	s->alt = "";
	s->width = width;
	s->height = height;
	s->arena = a;
	return s;
}

/* Returns a new zeroed op at the end of the list. */
static struct scene_op *
scene_push(struct scene *s, enum op_kind kind, struct rgb color)
{
	if (s->n == s->cap) {
		size_t cap = s->cap ? 2 * s->cap : 32;
		s->ops = arena_grow(s->arena, s->ops, s->cap * sizeof(*s->ops),
		                    cap * sizeof(*s->ops));
		s->cap = cap;
	}
	struct scene_op *op = &s->ops[s->n++];
	memset(op, 0, sizeof(*op));
	op->kind = kind;
	op->color = color;
	return op;
}

static struct seg *
scene_copy_segs(struct scene *s, const struct seg *segs, size_t n)
{
	if (n == 0)
		return NULL;
	struct seg *copy = arena_alloc(s->arena, n * sizeof(*copy));
	memcpy(copy, segs, n * sizeof(*copy));
	return copy;
}

void
scene_fill(struct scene *s, const struct seg *segs, size_t n,
           struct rgb color)
{
	struct scene_op *op = scene_push(s, OP_FILL, color);
	op->segs = scene_copy_segs(s, segs, n);
	op->nsegs = n;
}

void
scene_stroke(struct scene *s, const struct seg *segs, size_t n, double width,
             struct rgb color)
{
	struct scene_op *op = scene_push(s, OP_STROKE, color);
	op->segs = scene_copy_segs(s, segs, n);
	op->nsegs = n;
	op->line_width = width;
}

void
scene_rect(struct scene *s, double x, double y, double w, double h,
           struct rgb color)
{
	struct seg segs[5] = {
	    {SEG_MOVE, {x}, {y}},
	    {SEG_LINE, {x + w}, {y}},
	    {SEG_LINE, {x + w}, {y + h}},
	    {SEG_LINE, {x}, {y + h}},
	    {SEG_CLOSE, {0}, {0}},
	};
	scene_fill(s, segs, 5, color);
}

void
scene_line(struct scene *s, double x0, double y0, double x1, double y1,
           double width, struct rgb color)
{
	struct seg segs[2] = {
	    {SEG_MOVE, {x0}, {y0}},
	    {SEG_LINE, {x1}, {y1}},
	};
	scene_stroke(s, segs, 2, width, color);
}

void
scene_text(struct scene *s, double x, double y, const char *text,
           double size, bool bold, enum text_anchor anchor, struct rgb color)
{
	struct scene_op *op = scene_push(s, OP_TEXT, color);
	op->text = arena_strdup(s->arena, text);
	op->x = x;
	op->y = y;
	op->size = size;
	op->bold = bold;
	op->anchor = anchor;
}

void
scene_data_head(struct scene *s, size_t ncols, const char *const *head,
                unsigned numeric)
{
	struct scene_data *t = &s->data;
	if (ncols > SCENE_DATA_MAX_COLS)
		ncols = SCENE_DATA_MAX_COLS;
	memset(t, 0, sizeof(*t));
	t->ncols = ncols;
	t->numeric = numeric;
	t->head = arena_alloc(s->arena, (ncols ? ncols : 1) * sizeof(*t->head));
	for (size_t i = 0; i < ncols; i++)
		t->head[i] = arena_strdup(s->arena, head[i]);
}

void
scene_data_row(struct scene *s, const char *const *cells)
{
	struct scene_data *t = &s->data;
	if (t->ncols == 0)
		return;
	if (t->nrows == t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 8;
		t->cells = arena_grow(s->arena, t->cells,
		                      t->cap * t->ncols * sizeof(*t->cells),
		                      cap * t->ncols * sizeof(*t->cells));
		t->cap = cap;
	}
	const char **row = &t->cells[t->nrows++ * t->ncols];
	for (size_t i = 0; i < t->ncols; i++)
		row[i] = arena_strdup(s->arena, cells[i]);
}
