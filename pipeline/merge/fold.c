/* Folding joint findings: joint_with links are symmetric (a link from
 * either side joins both) and transitive, computed with union-find. */
#include "merge/fold.h"

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/diag.h"
#include "ingest/model.h"

static size_t
root(size_t *parent, size_t i)
{
	while (parent[i] != i) {
		parent[i] = parent[parent[i]];
		i = parent[i];
	}
	return i;
}

static void
join(size_t *parent, size_t a, size_t b)
{
	a = root(parent, a);
	b = root(parent, b);
	if (a < b)
		parent[b] = a;
	else if (b < a)
		parent[a] = b;
}

static size_t
index_of(const struct inspection *ins, const char *id)
{
	for (size_t i = 0; i < ins->nfindings; i++)
		if (!strcmp(ins->findings[i].id, id))
			return i;
	return (size_t)-1;
}

static size_t
rank_in(const char *const *list, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(list[i], id))
			return i;
	return n;
}

size_t
fold_theme_rank(const struct inspection *ins, const char *theme)
{
	if (theme == NULL)
		return 0;
	const struct framework *fw = ins->fw;
	for (size_t i = 0; i < fw->nthemes; i++)
		if (!strcmp(fw->themes[i].id, theme))
			return 1 + i;
	if (ins->theme.id && !strcmp(ins->theme.id, theme))
		return 1 + fw->nthemes;
	for (size_t i = 0; i < ins->nthemes; i++)
		if (!strcmp(ins->themes[i].id, theme))
			return 2 + fw->nthemes + i;
	return (size_t)-1;
}

static size_t
agency_rank(const struct inspection *ins, const char *id)
{
	for (size_t i = 0; i < ins->nagencies; i++)
		if (!strcmp(ins->agencies[i].id, id))
			return i;
	return ins->nagencies;
}

/* Adds id to a set kept in the order given by rank (smaller first). */
static void
add_ranked(struct arena *a, const char ***set, size_t *n, const char *id,
           size_t (*rank)(const struct inspection *, const char *),
           const struct inspection *ins)
{
	for (size_t i = 0; i < *n; i++)
		if (!strcmp((*set)[i], id))
			return;
	*set = arena_grow(a, *set, *n * sizeof(char *), (*n + 1) * sizeof(char *));
	size_t at = *n;
	while (at > 0 && (rank ? rank(ins, (*set)[at - 1]) > rank(ins, id)
	                       : strcmp((*set)[at - 1], id) > 0)) {
		(*set)[at] = (*set)[at - 1];
		at--;
	}
	(*set)[at] = id;
	(*n)++;
}

static size_t
inspectorate_rank(const struct inspection *ins, const char *id)
{
	return rank_in(ins->inspectorates, ins->ninspectorates, id);
}

static int
check_partners(const struct group *g, struct diag_sink *d)
{
	const struct finding *lead = g->members[0];
	int rc = 0;
	for (size_t i = 1; i < g->n; i++) {
		const struct finding *f = g->members[i];
		const char *what = strcmp(f->kind, lead->kind) ? "kind"
		                   : (f->theme == NULL) != (lead->theme == NULL) ||
		                           (f->theme && strcmp(f->theme, lead->theme))
		                       ? "theme"
		                       : NULL;
		if (what == NULL)
			continue;
		diag_error(d, f->pos.path, f->pos.line, f->pos.col,
		           "joint finding '%s' differs in %s from its partner '%s'",
		           f->id, what, lead->id);
		diag_hint(d, "joint partners share their kind and theme");
		rc = -1;
	}
	return rc;
}

static void
fill_group(struct arena *a, const struct inspection *ins, struct group *g,
           size_t *parent)
{
	for (size_t m = 0; m < g->n; m++) {
		const struct finding *f = g->members[m];
		for (size_t k = 0; k < f->nagencies; k++)
			add_ranked(a, &g->agencies, &g->nagencies, f->agencies[k],
			           agency_rank, ins);
		add_ranked(a, &g->inspectorates, &g->ninspectorates,
		           f->inspectorate, inspectorate_rank, ins);
		for (size_t k = 0; k < f->ncases; k++)
			add_ranked(a, &g->cases, &g->ncases, f->cases[k], NULL, ins);
		for (size_t k = 0; k < f->ncontrasts; k++) {
			size_t j = index_of(ins, f->contrasts_with[k]);
			if (j != (size_t)-1)
				add_ranked(a, &g->contrasts, &g->ncontrasts,
				           ins->findings[root(parent, j)].id,
				           NULL, ins);
		}
	}
	const struct finding *lead = g->members[0];
	g->kind_rank = 0;
	while (g->kind_rank < ins->fw->nkinds &&
	       strcmp(ins->fw->kinds[g->kind_rank].id, lead->kind))
		g->kind_rank++;
	g->theme_rank = fold_theme_rank(ins, lead->theme);
	/* partnership-wide findings (no agency named) come first */
	g->agency_rank = g->nagencies ? 1 + agency_rank(ins, g->agencies[0]) : 0;
}

static int
compare(const void *pa, const void *pb)
{
	const struct group *a = pa, *b = pb;
	if (a->kind_rank != b->kind_rank)
		return a->kind_rank < b->kind_rank ? -1 : 1;
	if (a->theme_rank != b->theme_rank)
		return a->theme_rank < b->theme_rank ? -1 : 1;
	if (a->agency_rank != b->agency_rank)
		return a->agency_rank < b->agency_rank ? -1 : 1;
	size_t x = a->members[0]->order, y = b->members[0]->order;
	return x < y ? -1 : x > y;
}

struct group *
fold_findings(struct arena *a, const struct inspection *ins, size_t *n,
              struct diag_sink *d)
{
	size_t count = ins->nfindings;
	size_t *parent = arena_alloc(a, (count + 1) * sizeof(*parent));
	for (size_t i = 0; i < count; i++)
		parent[i] = i;
	for (size_t i = 0; i < count; i++)
		for (size_t k = 0; k < ins->findings[i].njoint; k++) {
			size_t j = index_of(ins, ins->findings[i].joint_with[k]);
			if (j != (size_t)-1)
				join(parent, i, j);
		}
	struct group *groups = arena_alloc(a, (count + 1) * sizeof(*groups));
	size_t *slot = arena_alloc(a, (count + 1) * sizeof(*slot));
	*n = 0;
	for (size_t i = 0; i < count; i++) {
		size_t r = root(parent, i);
		if (r == i)
			slot[i] = (*n)++;
		struct group *g = &groups[slot[r]];
		g->members = arena_grow(a, g->members, g->n * sizeof(void *),
		                        (g->n + 1) * sizeof(void *));
		g->members[g->n++] = &ins->findings[i];
	}
	int rc = 0;
	for (size_t i = 0; i < *n; i++) {
		rc |= check_partners(&groups[i], d);
		fill_group(a, ins, &groups[i], parent);
	}
	qsort(groups, *n, sizeof(*groups), compare);
	return rc ? NULL : groups;
}
