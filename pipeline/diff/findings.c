/* The findings of two inspections compared by id (diff.h, "findings"):
 * each finding as its inspectorate wrote it (the ingest model), and the
 * joint findings as merge folded them (the letter model's `ids`). Every
 * change is one entry; entries are sorted by how much they matter (a
 * strength that became an area for improvement first), then by id. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/strv.h"
#include "core/value.h"
#include "diff/diff.h"
#include "diff/diff_int.h"
#include "diff/words.h"
#include "ingest/model.h"

/* The order of entries: the rank of each change, most important first. */
enum rank {
	R_GOOD_TO_POOR,
	R_POOR_TO_GOOD,
	R_KIND,
	R_REMOVED,
	R_ADDED,
	R_SUMMARY,
	R_DETAIL,
	R_THEME,
	R_AGENCIES,
	R_INSPECTORATE,
	R_JUDGEMENT,
	R_CASES,
	R_JOINT_FORMED,
	R_JOINT_SPLIT,
	R_WAIVER
};

struct entry {
	enum rank rank;
	const char *id;
	size_t seq;
	struct value *v;
};

struct entries {
	struct entry *e;
	size_t n, cap;
	struct arena *a;
};

static struct value *
entry(struct entries *es, enum rank rank, const char *id, const char *change)
{
	if (es->n == es->cap)
		es->e = xgrow(es->e, &es->cap, es->n + 1, sizeof(*es->e));
	struct value *v = value_new(es->a, VALUE_MAP);
	value_put_str(es->a, v, "change", change);
	value_put_str(es->a, v, "id", id);
	es->e[es->n] = (struct entry){rank, id, es->n, v};
	es->n++;
	return v;
}

static int
by_rank(const void *x, const void *y)
{
	const struct entry *a = x, *b = y;
	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	int c = strcmp(a->id, b->id);
	if (c)
		return c;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static const struct finding *
find(const struct inspection *ins, const char *id)
{
	for (size_t i = 0; i < ins->nfindings; i++)
		if (!strcmp(ins->findings[i].id, id))
			return &ins->findings[i];
	return NULL;
}

static struct value *
str_or_null(struct arena *a, const char *s)
{
	return s ? value_new_str(a, s) : value_new(a, VALUE_NULL);
}

static struct value *
str_list(struct arena *a, const char *const *v, size_t n)
{
	struct value *s = value_new(a, VALUE_SEQ);
	for (size_t i = 0; i < n; i++)
		value_push(a, s, value_new_str(a, v[i]));
	return s;
}

static bool
same_str(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a && b && !strcmp(a, b));
}

static bool
same_list(const char *const *a, size_t na, const char *const *b, size_t nb)
{
	if (na != nb)
		return false;
	for (size_t i = 0; i < na; i++)
		if (!strv_has(b, nb, a[i]))
			return false;
	return true;
}

static void
whole(struct entries *es, enum rank rank, const char *change,
      const struct finding *f)
{
	struct arena *a = es->a;
	struct value *v = entry(es, rank, f->id, change);
	value_put_str(a, v, "kind", f->kind);
	value_put_str(a, v, "inspectorate", f->inspectorate);
	value_put(a, v, "theme", str_or_null(a, f->theme));
	value_put_str(a, v, "summary", f->summary);
}

static void
scalar(struct entries *es, enum rank rank, const char *change, const char *id,
       const char *o, const char *n)
{
	if (same_str(o, n))
		return;
	struct value *v = entry(es, rank, id, change);
	value_put(es->a, v, "old", str_or_null(es->a, o));
	value_put(es->a, v, "new", str_or_null(es->a, n));
}

static const char *
kind_heading(const struct framework *fw, const char *kind)
{
	const struct kind_def *k = framework_kind(fw, kind);
	return k ? k->heading : kind;
}

static void
kind_change(struct entries *es, const struct diff_side *o,
            const struct diff_side *n, const struct finding *fo,
            const struct finding *fn)
{
	if (!strcmp(fo->kind, fn->kind))
		return;
	const struct framework *fw = n->ins->fw;
	const char *const *good = fw->good, *const *poor = fw->poor;
	bool was_good = strv_has(good, fw->ngood, fo->kind),
	     was_poor = strv_has(poor, fw->npoor, fo->kind),
	     is_good = strv_has(good, fw->ngood, fn->kind),
	     is_poor = strv_has(poor, fw->npoor, fn->kind);
	enum rank r = was_good && is_poor   ? R_GOOD_TO_POOR
	              : was_poor && is_good ? R_POOR_TO_GOOD
	                                    : R_KIND;
	struct arena *a = es->a;
	struct value *v = entry(es, r, fn->id, "kind");
	value_put_str(a, v, "old", fo->kind);
	value_put_str(a, v, "new", fn->kind);
	value_put_str(a, v, "old_heading", kind_heading(o->ins->fw, fo->kind));
	value_put_str(a, v, "new_heading", kind_heading(fw, fn->kind));
	value_put_str(a, v, "severity",
	              r == R_GOOD_TO_POOR   ? "good-to-poor"
	              : r == R_POOR_TO_GOOD ? "poor-to-good"
	                                    : "other");
}

static void
text_change(struct entries *es, enum rank rank, const char *change,
            const char *id, const char *o, const char *n)
{
	struct value *w = words_value(es->a, o, n);
	if (w == NULL)
		return;
	value_put(es->a, entry(es, rank, id, change), "words", w);
}

static void
list_change(struct entries *es, enum rank rank, const char *change,
            const char *id, const char *const *o, size_t no,
            const char *const *n, size_t nn)
{
	if (same_list(o, no, n, nn))
		return;
	struct value *v = entry(es, rank, id, change);
	value_put(es->a, v, "old", str_list(es->a, o, no));
	value_put(es->a, v, "new", str_list(es->a, n, nn));
}

static const struct waiver *
find_waiver(const struct finding *f, const struct waiver *w)
{
	for (size_t i = 0; i < f->nwaivers; i++)
		if (!strcmp(f->waivers[i].rule, w->rule) &&
		    !strcmp(f->waivers[i].match, w->match))
			return &f->waivers[i];
	return NULL;
}

static void
waiver(struct entries *es, const char *id, const char *change,
       const struct waiver *o, const struct waiver *n)
{
	const struct waiver *w = n ? n : o;
	struct value *v = entry(es, R_WAIVER, id, change);
	value_put_str(es->a, v, "rule", w->rule);
	value_put_str(es->a, v, "match", w->match);
	value_put(es->a, v, "old_reason",
	          str_or_null(es->a, o ? o->reason : NULL));
	value_put(es->a, v, "new_reason",
	          str_or_null(es->a, n ? n->reason : NULL));
}

/* Waivers keyed by rule and match: added, removed, or a new reason. */
static void
waivers(struct entries *es, const struct finding *fo, const struct finding *fn)
{
	for (size_t i = 0; i < fo->nwaivers; i++) {
		const struct waiver *w = &fo->waivers[i],
		                    *m = find_waiver(fn, w);
		if (m == NULL)
			waiver(es, fn->id, "waiver-removed", w, NULL);
		else if (strcmp(m->reason, w->reason))
			waiver(es, fn->id, "waiver-changed", w, m);
	}
	for (size_t i = 0; i < fn->nwaivers; i++)
		if (find_waiver(fo, &fn->waivers[i]) == NULL)
			waiver(es, fn->id, "waiver-added", NULL,
			       &fn->waivers[i]);
}

static void
compare(struct entries *es, const struct diff_side *o,
        const struct diff_side *n, const struct finding *fo,
        const struct finding *fn)
{
	const char *id = fn->id;
	kind_change(es, o, n, fo, fn);
	text_change(es, R_SUMMARY, "summary", id, fo->summary, fn->summary);
	text_change(es, R_DETAIL, "detail", id, fo->detail, fn->detail);
	scalar(es, R_THEME, "theme", id, fo->theme, fn->theme);
	list_change(es, R_AGENCIES, "agencies", id, fo->agencies, fo->nagencies,
	            fn->agencies, fn->nagencies);
	scalar(es, R_INSPECTORATE, "inspectorate", id, fo->inspectorate,
	       fn->inspectorate);
	scalar(es, R_JUDGEMENT, "judgement", id, fo->judgement, fn->judgement);
	list_change(es, R_CASES, "cases", id, fo->cases, fo->ncases, fn->cases,
	            fn->ncases);
	waivers(es, fo, fn);
}

/* Joint findings: the groups of ids merge folded into one. */

struct groups {
	const char **id; /* every source id of the letter's findings */
	size_t *group;   /* the letter finding each belongs to */
	size_t n, cap;
	size_t ngroups;
};

static void
add_id(struct groups *g, const char *id)
{
	if (g->n == g->cap) {
		size_t cap = g->cap;
		g->id = xgrow(g->id, &cap, g->n + 1, sizeof(*g->id));
		g->group =
		    xgrow(g->group, &g->cap, g->n + 1, sizeof(*g->group));
	}
	g->id[g->n] = id;
	g->group[g->n++] = g->ngroups;
}

static void
collect(const struct value *f, void *ctx)
{
	struct groups *g = ctx;
	const struct value *ids = value_get(f, "ids");
	if (ids && ids->kind == VALUE_SEQ && ids->n > 0) {
		for (size_t i = 0; i < ids->n; i++)
			if (value_text(ids->items[i]))
				add_id(g, value_text(ids->items[i]));
	} else if (value_text(value_get(f, "id"))) {
		add_id(g, value_text(value_get(f, "id")));
	}
	g->ngroups++;
}

static size_t
group_of(const struct groups *g, const char *id)
{
	for (size_t i = 0; i < g->n; i++)
		if (!strcmp(g->id[i], id))
			return g->group[i];
	return SIZE_MAX;
}

/* The ids of group k of g, sorted, as a value; only those also in h when
 * h is not NULL. */
static struct value *
group_ids(struct arena *a, const struct groups *g, size_t k,
          const struct groups *h)
{
	struct value *v = value_new(a, VALUE_SEQ);
	for (size_t i = 0; i < g->n; i++)
		if (g->group[i] == k &&
		    (h == NULL || group_of(h, g->id[i]) != SIZE_MAX))
			value_push(a, v, value_new_str(a, g->id[i]));
	return v;
}

/* Appends to was the groups of h that ids [i0, i1) of g (whose groups in
 * h are hg) are in, each once, in h's order. */
static void
groups_met(struct entries *es, const struct groups *g, const struct groups *h,
           const size_t *hg, size_t i0, size_t i1, struct value *was)
{
	size_t last = SIZE_MAX;
	for (;;) {
		size_t next = SIZE_MAX;
		for (size_t i = i0; i < i1; i++)
			if (hg[i] != SIZE_MAX &&
			    (last == SIZE_MAX || hg[i] > last) && hg[i] < next)
				next = hg[i];
		if (next == SIZE_MAX)
			return;
		value_push(es->a, was, group_ids(es->a, h, next, g));
		last = next;
	}
}

/* Each group of g of two ids or more whose ids (those h knows) were not
 * one group in h: formed (g new, h old) or split (g old, h new). A
 * group's ids are consecutive in g. */
static void
joint(struct entries *es, const struct groups *g, const struct groups *h,
      const char *change, enum rank rank, const char *other)
{
	size_t *hg = xcalloc(g->n + 1, sizeof(*hg));
	for (size_t i = 0; i < g->n; i++)
		hg[i] = group_of(h, g->id[i]);
	for (size_t i0 = 0, i1; i0 < g->n; i0 = i1) {
		size_t k = g->group[i0], there = SIZE_MAX;
		bool apart = false;
		for (i1 = i0; i1 < g->n && g->group[i1] == k; i1++) {
			if (hg[i1] == SIZE_MAX)
				continue;
			apart |= there != SIZE_MAX && hg[i1] != there;
			there = hg[i1];
		}
		if (i1 - i0 < 2 || !apart)
			continue;
		struct value *v = entry(es, rank, g->id[i0], change);
		value_put(es->a, v, "ids", group_ids(es->a, g, k, NULL));
		struct value *was = value_new(es->a, VALUE_SEQ);
		groups_met(es, g, h, hg, i0, i1, was);
		value_put(es->a, v, other, was);
	}
	free(hg);
}

static int
by_id(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

struct value *
diff_findings(struct arena *a, const struct diff_side *o,
              const struct diff_side *n)
{
	struct entries es = {.a = a};
	size_t nid = o->ins->nfindings + n->ins->nfindings;
	const char **ids = xcalloc(nid + 1, sizeof(*ids));
	size_t k = 0;
	for (size_t i = 0; i < o->ins->nfindings; i++)
		ids[k++] = o->ins->findings[i].id;
	for (size_t i = 0; i < n->ins->nfindings; i++)
		if (find(o->ins, n->ins->findings[i].id) == NULL)
			ids[k++] = n->ins->findings[i].id;
	qsort(ids, k, sizeof(*ids), by_id);
	for (size_t i = 0; i < k; i++) {
		const struct finding *fo = find(o->ins, ids[i]),
		                     *fn = find(n->ins, ids[i]);
		if (fo && fn)
			compare(&es, o, n, fo, fn);
		else if (fo)
			whole(&es, R_REMOVED, "removed", fo);
		else
			whole(&es, R_ADDED, "added", fn);
	}
	free(ids);
	struct groups go = {0}, gn = {0};
	diff_each_finding(o->model, collect, &go);
	diff_each_finding(n->model, collect, &gn);
	joint(&es, &gn, &go, "joint-formed", R_JOINT_FORMED, "old");
	joint(&es, &go, &gn, "joint-split", R_JOINT_SPLIT, "new");
	if (es.n > 1) /* es.e is NULL when empty (UBSan) */
		qsort(es.e, es.n, sizeof(*es.e), by_rank);
	struct value *v = value_new(a, VALUE_SEQ);
	for (size_t i = 0; i < es.n; i++)
		value_push(a, v, es.e[i].v);
	free(es.e);
	free(go.id);
	free(go.group);
	free(gn.id);
	free(gn.group);
	return v;
}
