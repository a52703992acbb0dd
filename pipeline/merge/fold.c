/* Folding joint findings: joint_with links are symmetric (a link from
 * either side joins both) and transitive, computed with union-find. */
#include "merge/fold.h"

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/diag.h"
#include "core/value.h"
#include "core/strv.h"
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

const struct theme *
fold_theme(const struct inspection *ins, const char *id, size_t *rank)
{
	const struct framework *fw = ins->fw;
	for (size_t i = 0; i < fw->nthemes; i++)
		if (!strcmp(fw->themes[i].id, id)) {
			*rank = 1 + i;
			return &fw->themes[i];
		}
	if (ins->theme.id && !strcmp(ins->theme.id, id)) {
		*rank = 1 + fw->nthemes;
		return &ins->theme;
	}
	for (size_t i = 0; i < ins->nthemes; i++)
		if (!strcmp(ins->themes[i].id, id)) {
			*rank = 2 + fw->nthemes + i;
			return &ins->themes[i];
		}
	*rank = (size_t)-1;
	return NULL;
}

static size_t
agency_rank(const struct inspection *ins, const char *id)
{
	const struct agency *ag = inspection_agency(ins, id);
	return ag ? (size_t)(ag - ins->agencies) : ins->nagencies;
}

/* Adds id to a set kept in the order given by rank (smaller first). */
static void
add_ranked(struct arena *a, const char ***set, size_t *n, const char *id,
           size_t (*rank)(const struct inspection *, const char *),
           const struct inspection *ins)
{
	if (strv_has(*set, *n, id))
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
	return strv_index(ins->inspectorates, ins->ninspectorates, id);
}

static bool
same_text(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

/* Whether two findings name the same agencies, in any order. */
static bool
same_agencies(const struct finding *a, const struct finding *b)
{
	if (a->nagencies != b->nagencies)
		return false;
	for (size_t i = 0; i < a->nagencies; i++)
		if (strv_index(b->agencies, b->nagencies, a->agencies[i]) ==
		    b->nagencies)
			return false;
	return true;
}

/* What a joint finding's partner disagrees on: the letter prints one
 * finding for all of them, so they must agree on where it goes. */
static const char *
disagreement(const struct finding *f, const struct finding *lead)
{
	if (!same_text(f->kind, lead->kind))
		return "kind";
	if (!same_text(f->theme, lead->theme))
		return "theme";
	if (!same_agencies(f, lead))
		return "agencies";
	if (!same_text(f->judgement, lead->judgement))
		return "judgement";
	return NULL;
}

static int
check_partners(const struct group *g, struct diag_sink *d)
{
	const struct finding *lead = g->members[0];
	int rc = 0;
	for (size_t i = 1; i < g->n; i++) {
		const struct finding *f = g->members[i];
		const char *what = disagreement(f, lead);
		if (what == NULL)
			continue;
		const struct value *at = value_get(f->src, what);
		diag_error(d, f->pos.path, at ? at->line : f->pos.line,
		           at ? at->col : f->pos.col,
		           "joint finding '%s' differs in %s from its partner '%s'",
		           f->id, what, lead->id);
		diag_hint(d, "joint partners share their kind, theme, agencies "
		             "and judgement");
		const struct value *lat = value_get(lead->src, what);
		diag_note(d, lead->pos.path, lat ? lat->line : lead->pos.line,
		          lat ? lat->col : lead->pos.col, "'%s' is here", lead->id);
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
	const struct framework *fw = ins->fw;
	const struct kind_def *k = framework_kind(fw, lead->kind);
	g->kind_rank = k ? (size_t)(k - fw->kinds) : fw->nkinds;
	g->theme_rank = 0; /* no theme */
	if (lead->theme)
		fold_theme(ins, lead->theme, &g->theme_rank);
	/* partnership-wide findings (no agency named) come first */
	g->agency_rank = g->nagencies ? 1 + agency_rank(ins, g->agencies[0]) : 0;
	const struct judgement_def *j =
	    lead->judgement ? framework_judgement(fw, lead->judgement) : NULL;
	g->judgement_rank = j ? (size_t)(j - fw->judgements) : fw->njudgements;
	enum kind_by by = k ? k->by : BY_THEME;
	g->key[0] = by == BY_AGENCY      ? g->agency_rank
	            : by == BY_JUDGEMENT ? g->judgement_rank
	                                 : g->theme_rank;
	g->key[1] = by == BY_THEME ? g->agency_rank : g->theme_rank;
	g->key[2] = by == BY_AGENCY ? 0 : by == BY_THEME ? 0 : g->agency_rank;
}

static int
compare(const void *pa, const void *pb)
{
	const struct group *a = pa, *b = pb;
	if (a->kind_rank != b->kind_rank)
		return a->kind_rank < b->kind_rank ? -1 : 1;
	for (size_t i = 0; i < 3; i++)
		if (a->key[i] != b->key[i])
			return a->key[i] < b->key[i] ? -1 : 1;
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
