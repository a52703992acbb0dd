/* findings/<inspectorate>.yaml, cases.yaml and the inspectorates' names. */
#include <string.h>

#include "core/arena.h"
#include "core/diag.h"
#include "core/strv.h"
#include "core/value.h"
#include "ingest/read.h"
#include "ingest/schema.h"

static const char *const file_keys[] = {"inspectorate", "findings", NULL};
static const char *const finding_keys[] = {
    "id", "kind", "theme", "agencies", "summary", "detail", "cases",
    "joint_with", "contrasts_with", "judgement", "waivers", NULL};
static const char *const finding_required[] = {"id", "kind", "summary",
                                               NULL};
static const char *const case_keys[] = {"id", "age_band", "tracked",
                                        "practice", NULL};
static const char *const case_required[] = {"id", NULL};

/* The most findings one inspection may hold, all files together
 * (docs/limits.md): the checks across findings grow with the square. */
#define FINDINGS_MAX 2000

const char *const case_age_bands[CASE_AGE_BANDS] = {"0-4", "5-9", "10-12",
                                                    "13-15", "16-17"};

/* waivers: [{rule, match, reason}]; the rule's id is checked by qa/,
 * which knows the rules. */
static void
read_waivers(struct reader *r, const struct value *v, struct finding *f)
{
	if (v == NULL || schema_seq(r, v, "'waivers'") < 0)
		return;
	f->waivers = arena_alloc(r->a, v->n * sizeof(*f->waivers) + 1);
	for (size_t i = 0; i < v->n; i++)
		if (schema_waiver(r, v->items[i], &f->waivers[f->nwaivers]))
			f->nwaivers++;
}

static void
read_finding(struct reader *r, const struct value *v, const char *insp,
             struct inspection *ins)
{
	if (schema_map(r, v, "a finding", finding_keys, finding_required) < 0)
		return;
	struct finding *f = &ins->findings[ins->nfindings];
	f->order = ins->nfindings++;
	f->inspectorate = insp;
	f->pos = schema_pos(r, v);
	f->src = v;
	f->id = schema_id(r, v, "id");
	f->kind = schema_id(r, v, "kind");
	f->theme = schema_id(r, v, "theme");
	f->summary = schema_text(r, v, "summary");
	f->detail = schema_text(r, v, "detail");
	f->judgement = schema_id(r, v, "judgement");
	f->agencies = schema_ids(r, v, "agencies", &f->nagencies);
	f->cases = schema_ids(r, v, "cases", &f->ncases);
	f->joint_with = schema_ids(r, v, "joint_with", &f->njoint);
	f->contrasts_with = schema_ids(r, v, "contrasts_with", &f->ncontrasts);
	read_waivers(r, value_get(v, "waivers"), f);
}

void
read_findings(struct reader *r, const struct value *root,
              const char *inspectorate, struct inspection *ins)
{
	if (schema_map(r, root, "a findings file", file_keys, file_keys) < 0)
		return;
	const char *named = schema_id(r, root, "inspectorate");
	if (named && strcmp(named, inspectorate)) {
		schema_error(r, value_get(root, "inspectorate"),
		             "this file holds the findings of '%s' but names "
		             "'%s'", inspectorate, named);
		diag_hint(r->d, "each inspectorate's findings go in "
		                "findings/<inspectorate>.yaml");
	}
	const struct value *list = value_get(root, "findings");
	if (schema_seq(r, list, "'findings'") < 0) {
		if (list->kind != VALUE_SEQ && list->kind != VALUE_MAP &&
		    list->len == 0)
			diag_hint(r->d, "write 'findings: []' while there are none");
		return;
	}
	size_t old = ins->nfindings;
	if (old + list->n > FINDINGS_MAX) {
		size_t at = old < FINDINGS_MAX ? FINDINGS_MAX - old : 0;
		schema_error(r, list->items[at],
		             "more than %d findings in the inspection, the limit "
		             "of one letter", FINDINGS_MAX);
		diag_hint(r->d, "a letter this long would not be read; see "
		                "docs/limits.md");
		return;
	}
	struct finding *grown =
	    arena_grow(r->a, ins->findings, old * sizeof(*grown),
	               (old + list->n + 1) * sizeof(*grown));
	ins->findings = grown;
	for (size_t i = 0; i < list->n; i++)
		read_finding(r, list->items[i], inspectorate, ins);
}

static void
read_practice(struct reader *r, const struct value *v, struct casefile *c)
{
	if (v == NULL)
		return;
	if (v->kind != VALUE_MAP) {
		schema_error(r, v, "'practice' must be a map of agency: rating");
		return;
	}
	c->practice = arena_alloc(r->a, v->n * sizeof(*c->practice) + 1);
	for (size_t i = 0; i < v->n; i++) {
		const char *grade = schema_id_of(r, v, v->members[i].key, "rating");
		if (grade == NULL)
			continue;
		c->practice[c->npractice].agency = v->members[i].key;
		c->practice[c->npractice].grade = grade;
		c->npractice++;
	}
}

void
read_cases(struct reader *r, const struct value *root,
           struct inspection *ins)
{
	static const char *const keys[] = {"cases", NULL};
	if (schema_map(r, root, "cases.yaml", keys, keys) < 0)
		return;
	const struct value *list = value_get(root, "cases");
	if (schema_seq(r, list, "'cases'") < 0)
		return;
	ins->cases = arena_alloc(r->a, list->n * sizeof(*ins->cases) + 1);
	for (size_t i = 0; i < list->n; i++) {
		const struct value *v = list->items[i];
		if (schema_map(r, v, "a case", case_keys, case_required) < 0)
			continue;
		struct casefile *c = &ins->cases[ins->ncases++];
		c->pos = schema_pos(r, v);
		c->src = v;
		c->id = schema_id(r, v, "id");
		/* read as written: '14' is an unknown band, not a number */
		const struct value *band = value_get(v, "age_band");
		c->age_band = band && band->kind == VALUE_STRING ? band->str
		                                                 : NULL;
		if (band && c->age_band == NULL)
			schema_error(r, band, "'age_band' must be text, not a %s",
			             band->kind == VALUE_MAP ? "map" : "list");
		if (c->age_band &&
		    !strv_has(case_age_bands, CASE_AGE_BANDS, c->age_band))
			schema_unknown(r, band, "age band", c->age_band,
			               case_age_bands, CASE_AGE_BANDS);
		schema_bool(r, v, "tracked", &c->tracked);
		read_practice(r, value_get(v, "practice"), c);
	}
}

void
read_names(struct reader *r, const struct value *root, bool terms,
           const struct inspectorate_name **out, size_t *nout)
{
	static const char *const keys[] = {"name", "abbr", "until", "article",
	                                   "plural", "plural_abbr", NULL};
	static const char *const insp_keys[] = {"name", "abbr", "until",
	                                        "article", NULL};
	static const char *const req[] = {"name", "abbr", NULL};
	static const char *const term_req[] = {"name", NULL};
	if (root == NULL || root->kind != VALUE_MAP) {
		schema_error(r, root, "expected a map of %s: names",
		             terms ? "term" : "inspectorate");
		return;
	}
	size_t total = 0;
	for (size_t i = 0; i < root->n; i++)
		if (root->members[i].val->kind == VALUE_SEQ)
			total += root->members[i].val->n;
	struct inspectorate_name *names =
	    arena_alloc(r->a, (total + 1) * sizeof(*names));
	size_t n = 0;
	for (size_t i = 0; i < root->n; i++) {
		const struct value *list = root->members[i].val;
		if (schema_seq(r, list, "an inspectorate's names") < 0)
			continue;
		for (size_t j = 0; j < list->n; j++) {
			const struct value *it = list->items[j];
			if (schema_map(r, it, "a name", terms ? keys : insp_keys,
			               terms ? term_req : req) < 0)
				continue;
			names[n].id = root->members[i].key;
			names[n].name = schema_text(r, it, "name");
			names[n].abbr = schema_text(r, it, "abbr");
			names[n].article = schema_text(r, it, "article");
			names[n].plural = schema_text(r, it, "plural");
			names[n].plural_abbr = schema_text(r, it, "plural_abbr");
			names[n].has_until =
			    schema_date(r, it, "until", &names[n].until) == 1;
			n++;
		}
	}
	*out = names;
	*nout = n;
}
