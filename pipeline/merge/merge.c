/* The letter model as a value tree: the layout is documented in
 * docs/merged.md and versioned by MERGED_VERSION. Keys are put in a fixed
 * order and lists in letter order, so merged.yaml diffs show real change. */
#include "merge/merge.h"

#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/calendar.h"
#include "core/diag.h"
#include "core/value.h"
#include "core/yaml.h"
#include "core/strv.h"
#include "ingest/model.h"
#include "merge/check.h"
#include "merge/fold.h"
#include "merge/judge.h"

struct ctx {
	struct arena *a;
	const struct inspection *ins;
};

static struct value *
map(struct ctx *c)
{
	return value_new(c->a, VALUE_MAP);
}

static struct value *
seq(struct ctx *c)
{
	return value_new(c->a, VALUE_SEQ);
}

static struct value *
date_node(struct ctx *c, struct date dt)
{
	char iso[11];
	struct buf text;
	buf_init(&text);
	date_iso(dt, iso);
	date_text(dt, &text);
	struct value *v = map(c);
	value_put_str(c->a, v, "iso", iso);
	value_put_str(c->a, v, "text", buf_cstr(&text));
	buf_release(&text);
	return v;
}

/* The name that id had on date dt, in a registry of names by date. */
static const struct inspectorate_name *
name_in(const struct inspectorate_name *names, size_t count, const char *id,
        struct date dt)
{
	const struct inspectorate_name *last = NULL;
	for (size_t i = 0; i < count; i++) {
		const struct inspectorate_name *n = &names[i];
		if (strcmp(n->id, id))
			continue;
		if (!n->has_until || date_cmp(dt, n->until) <= 0)
			return n;
		last = n;
	}
	return last;
}

/* The name an inspectorate had on date dt. */
static const struct inspectorate_name *
name_on(const struct inspection *ins, const char *id, struct date dt)
{
	return name_in(ins->names, ins->nnames, id, dt);
}

/* Joins words as "a", "a and b", "a, b and c". */
static char *
join_words(struct ctx *c, const char **words, size_t n)
{
	struct buf b;
	buf_init(&b);
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			buf_puts(&b, i + 1 == n ? " and " : ", ");
		buf_puts(&b, words[i]);
	}
	char *r = arena_strdup(c->a, buf_cstr(&b));
	buf_release(&b);
	return r;
}

static const char *
number_text(struct ctx *c, size_t n)
{
	static const char *const words[] = {"no",   "one", "two",   "three",
	                                    "four", "five", "six",  "seven",
	                                    "eight", "nine"};
	return n < 10 ? words[n] : arena_printf(c->a, "%zu", n);
}

static struct value *
id_list(struct ctx *c, const char **ids, size_t n)
{
	struct value *v = seq(c);
	for (size_t i = 0; i < n; i++)
		value_push(c->a, v, value_new_str(c->a, ids[i]));
	return v;
}

/* Every waiver of the group's findings, in source order: what a reviewer
 * must see, since each lets a check's match through to print. */
static struct value *
waivers_node(struct ctx *c, const struct group *g)
{
	struct value *list = seq(c);
	for (size_t i = 0; i < g->n; i++)
		for (size_t k = 0; k < g->members[i]->nwaivers; k++) {
			const struct waiver *w = &g->members[i]->waivers[k];
			struct value *m = map(c);
			value_put_str(c->a, m, "finding", g->members[i]->id);
			value_put_str(c->a, m, "rule", w->rule);
			value_put_str(c->a, m, "match", w->match);
			value_put_str(c->a, m, "reason", w->reason);
			value_push(c->a, list, m);
		}
	return list;
}

static struct value *
finding_node(struct ctx *c, const struct group *g, long number)
{
	const struct inspection *ins = c->ins;
	const struct finding *lead = g->members[0];
	struct value *v = map(c);
	value_put_str(c->a, v, "id", lead->id);
	value_put_int(c->a, v, "number", number);
	if (g->n > 1) {
		struct value *ids = seq(c);
		for (size_t i = 0; i < g->n; i++)
			value_push(c->a, ids, value_new_str(c->a, g->members[i]->id));
		value_put(c->a, v, "ids", ids);
	}
	value_put_str(c->a, v, "kind", lead->kind);
	value_put_str(c->a, v, "theme", lead->theme);
	value_put_bool(c->a, v, "joint", g->ninspectorates > 1);
	value_put(c->a, v, "found_by", id_list(c, g->inspectorates, g->ninspectorates));
	const char *abbrs[16], *names[64];
	size_t na = 0;
	for (size_t i = 0; i < g->ninspectorates && na < 16; i++)
		abbrs[na++] = name_on(ins, g->inspectorates[i], ins->letter)->abbr;
	value_put_str(c->a, v, "found_by_text", join_words(c, abbrs, na));
	value_put(c->a, v, "agencies", id_list(c, g->agencies, g->nagencies));
	size_t nn = 0;
	for (size_t i = 0; i < g->nagencies && nn < 64; i++)
		names[nn++] = inspection_agency(ins, g->agencies[i])->name;
	value_put_str(c->a, v, "agencies_text", join_words(c, names, nn));
	value_put_str(c->a, v, "summary", lead->summary);
	const char *detail = NULL;
	for (size_t i = 0; i < g->n && !detail; i++)
		detail = g->members[i]->detail;
	if (detail)
		value_put_str(c->a, v, "detail", detail);
	if (g->ncases)
		value_put(c->a, v, "cases", id_list(c, g->cases, g->ncases));
	if (g->ncontrasts)
		value_put(c->a, v, "contrasts_with",
		          id_list(c, g->contrasts, g->ncontrasts));
	if (lead->judgement)
		value_put_str(c->a, v, "judgement", lead->judgement);
	struct value *waivers = waivers_node(c, g);
	if (waivers->n)
		value_put(c->a, v, "waivers", waivers);
	return v;
}

/* The title of a theme by id: framework, deep dive or inspection's own. */
static const char *
theme_title(const struct inspection *ins, const char *id)
{
	size_t rank;
	const struct theme *t = fold_theme(ins, id, &rank);
	return t ? t->title : id;
}

/* A title as a heading: its first letter upper-case (sentence case). */
static const char *
heading_case(struct ctx *c, const char *title)
{
	char *h = arena_strdup(c->a, title);
	if (h[0] >= 'a' && h[0] <= 'z')
		h[0] = (char)(h[0] - 'a' + 'A');
	return h;
}

static const char *const by_names[] = {"theme", "agency", "judgement"};

/* Puts a judgement's id, title, place and grade into m. */
static void
put_judgement(struct ctx *c, struct value *m, const struct judgement_def *j)
{
	const struct grade *given = inspection_grade(c->ins, j->id);
	const char *grade = given ? given->grade : NULL;
	const struct grade_def *gd =
	    grade ? framework_grade(c->ins->fw, grade) : NULL;
	value_put_str(c->a, m, "id", j->id);
	value_put_str(c->a, m, "title", j->title);
	value_put_bool(c->a, m, "key", j->key);
	value_put_bool(c->a, m, "sub", j->parent != NULL);
	if (j->parent)
		value_put_str(c->a, m, "parent", j->parent);
	value_put_str(c->a, m, "grade", grade);
	value_put_str(c->a, m, "grade_title", gd ? gd->title : NULL);
}

/* A new group of a kind's findings, headed by g's theme or agency. */
static struct value *
group_node(struct ctx *c, enum kind_by by, const struct group *g)
{
	struct value *v = map(c);
	const char *t = g->members[0]->theme;
	if (by == BY_THEME) {
		value_put_str(c->a, v, "id", t);
		value_put_str(c->a, v, "title",
		              t ? heading_case(c, theme_title(c->ins, t)) : NULL);
	} else if (g->nagencies == 0) {
		value_put_bool(c->a, v, "partnership", true);
	} else {
		const struct agency *ag = inspection_agency(c->ins, g->agencies[0]);
		value_put_str(c->a, v, "id", ag->id);
		value_put_str(c->a, v, "name", ag->name);
	}
	return v;
}

/* The findings of kind k grouped by judgement: every judgement of the
 * framework in its order, with or without findings. */
static struct value *
by_judgement(struct ctx *c, const struct kind_def *k, const struct group *g,
             size_t n, long *count)
{
	const struct framework *fw = c->ins->fw;
	struct value *list = seq(c);
	for (size_t j = 0; j < fw->njudgements; j++) {
		struct value *m = map(c), *findings = seq(c);
		put_judgement(c, m, &fw->judgements[j]);
		for (size_t i = 0; i < n; i++)
			if (!strcmp(g[i].members[0]->kind, k->id) &&
			    g[i].judgement_rank == j)
				value_push(c->a, findings,
				           finding_node(c, &g[i], ++*count));
		value_put_bool(c->a, m, "any", findings->n > 0);
		value_put(c->a, m, "findings", findings);
		value_push(c->a, list, m);
	}
	return list;
}

static struct value *
kind_node(struct ctx *c, const struct kind_def *k, const struct group *g,
          size_t n)
{
	struct value *v = map(c), *groups = seq(c), *cur = NULL;
	size_t cur_key = 0;
	long count = 0;
	if (k->by == BY_JUDGEMENT)
		groups = by_judgement(c, k, g, n, &count);
	for (size_t i = 0; i < n && k->by != BY_JUDGEMENT; i++) {
		if (strcmp(g[i].members[0]->kind, k->id))
			continue;
		/* groups are sorted by their key within a kind: a new key
		 * starts a new group */
		if (cur == NULL || g[i].key[0] != cur_key) {
			struct value *gn = group_node(c, k->by, &g[i]);
			cur = seq(c);
			value_put(c->a, gn, "findings", cur);
			value_push(c->a, groups, gn);
			cur_key = g[i].key[0];
		}
		value_push(c->a, cur, finding_node(c, &g[i], ++count));
	}
	value_put_str(c->a, v, "heading", k->heading);
	value_put_str(c->a, v, "by", by_names[k->by]);
	value_put_int(c->a, v, "count", count);
	value_put_bool(c->a, v, "any", count > 0);
	value_put(c->a, v, k->by == BY_THEME    ? "themes"
	                   : k->by == BY_AGENCY ? "agencies"
	                                        : "judgements",
	          groups);
	return v;
}

/* The judgement table: the scale, each judgement's grade, and the
 * overall by the framework's rule (verdict). */
static struct value *
judgements_node(struct ctx *c, const struct verdict *vd)
{
	const struct framework *fw = c->ins->fw;
	struct value *v = map(c);
	value_put_bool(c->a, v, "graded", fw->njudgements > 0);
	if (fw->njudgements == 0)
		return v;
	struct buf rule;
	buf_init(&rule);
	judge_rule_text(fw, &rule);
	value_put_str(c->a, v, "rule", buf_cstr(&rule));
	buf_release(&rule);
	struct value *scale = seq(c);
	for (size_t i = 0; i < fw->nscale; i++) {
		struct value *g = map(c);
		value_put_str(c->a, g, "id", fw->scale[i].id);
		value_put_str(c->a, g, "title", fw->scale[i].title);
		value_push(c->a, scale, g);
	}
	value_put(c->a, v, "scale", scale);
	struct value *o = map(c), *items = seq(c);
	const struct grade_def *gd = framework_grade(fw, vd->overall);
	value_put_str(c->a, o, "title", fw->overall.title);
	value_put_str(c->a, o, "grade", vd->overall);
	value_put_str(c->a, o, "grade_title", gd ? gd->title : NULL);
	value_put_bool(c->a, o, "limited", vd->limited);
	const char *titles[16];
	for (size_t i = 0; i < vd->nby; i++)
		titles[i] = framework_judgement(fw, vd->by[i])->title;
	if (vd->limited)
		value_put_str(c->a, o, "limited_by_text",
		              join_words(c, titles, vd->nby));
	value_put(c->a, v, "overall", o);
	for (size_t i = 0; i < fw->njudgements; i++) {
		const struct judgement_def *j = &fw->judgements[i];
		struct value *m = map(c);
		put_judgement(c, m, j);
		value_put_bool(c->a, m, "limiting",
		               vd->limited && strv_has(vd->by, vd->nby, j->id));
		value_push(c->a, items, m);
	}
	value_put(c->a, v, "items", items);
	return v;
}

/* Other bodies' names on the letter's date (templates/terms.yaml). */
static struct value *
terms_node(struct ctx *c)
{
	const struct inspection *ins = c->ins;
	struct value *v = map(c);
	for (size_t i = 0; i < ins->nterms; i++) {
		const char *id = ins->terms[i].id;
		if (value_get(v, id))
			continue;
		const struct inspectorate_name *t =
		    name_in(ins->terms, ins->nterms, id, ins->letter);
		struct value *m = map(c);
		value_put_str(c->a, m, "name", t->name);
		value_put_str(c->a, m, "abbr", t->abbr ? t->abbr : t->name);
		value_put_str(c->a, m, "first",
		              t->abbr ? arena_printf(c->a, "%s (%s)", t->name,
		                                     t->abbr)
		                      : t->name);
		const char *plural = t->plural ? t->plural : t->name;
		value_put_str(c->a, m, "plural", plural);
		value_put_str(c->a, m, "plural_first",
		              t->plural_abbr ? arena_printf(c->a, "%s (%s)", plural,
		                                            t->plural_abbr)
		                             : plural);
		value_put(c->a, v, id, m);
	}
	return v;
}

static struct value *
agencies_node(struct ctx *c, const struct group *g, size_t n)
{
	const struct inspection *ins = c->ins;
	const struct framework *fw = ins->fw;
	struct value *v = seq(c);
	for (size_t i = 0; i < ins->nagencies; i++) {
		const struct agency *ag = &ins->agencies[i];
		long good = 0, poor = 0, all = 0;
		for (size_t k = 0; k < n; k++) {
			if (!strv_has(g[k].agencies, g[k].nagencies, ag->id))
				continue;
			const char *kind = g[k].members[0]->kind;
			all++;
			good += strv_has(fw->good, fw->ngood, kind);
			poor += strv_has(fw->poor, fw->npoor, kind);
		}
		struct value *a = map(c);
		value_put_str(c->a, a, "id", ag->id);
		value_put_str(c->a, a, "name", ag->name);
		value_put_str(c->a, a, "inspectorate", ag->inspectorate);
		value_put_int(c->a, a, "findings", all);
		value_put_int(c->a, a, "strengths", good);
		value_put_int(c->a, a, "improvements", poor);
		value_push(c->a, v, a);
	}
	return v;
}

static struct value *
inspectorates_node(struct ctx *c, const char **text)
{
	const struct inspection *ins = c->ins;
	struct value *v = seq(c);
	const char *firsts[16];
	size_t nf = 0;
	for (size_t i = 0; i < ins->ninspectorates; i++) {
		const struct inspectorate_name *nm =
		    name_on(ins, ins->inspectorates[i], ins->letter);
		struct value *m = map(c);
		value_put_str(c->a, m, "id", nm->id);
		value_put_str(c->a, m, "name", nm->name);
		value_put_str(c->a, m, "abbr", nm->abbr);
		const char *first = arena_printf(c->a, "%s%s%s (%s)",
		                                 nm->article ? nm->article : "",
		                                 nm->article ? " " : "", nm->name,
		                                 nm->abbr);
		value_put_str(c->a, m, "first", first);
		if (nf < 16)
			firsts[nf++] = first;
		value_push(c->a, v, m);
	}
	*text = join_words(c, firsts, nf);
	return v;
}

static struct value *
people_node(struct ctx *c, const struct person *p, size_t n, bool signatory)
{
	struct value *v = seq(c);
	for (size_t i = 0; i < n; i++) {
		struct value *m = map(c);
		value_put_str(c->a, m, "name", p[i].name);
		value_put_str(c->a, m, "role", p[i].role);
		if (signatory || p[i].inspectorate) {
			const struct inspectorate_name *nm =
			    name_on(c->ins, p[i].inspectorate, c->ins->letter);
			value_put_str(c->a, m, "inspectorate", p[i].inspectorate);
			value_put_str(c->a, m, "inspectorate_name", nm->name);
			value_put_str(c->a, m, "inspectorate_abbr", nm->abbr);
		} else {
			value_put_str(c->a, m, "organisation", p[i].organisation);
		}
		value_push(c->a, v, m);
	}
	return v;
}

static struct value *
dates_node(struct ctx *c)
{
	const struct inspection *ins = c->ins;
	struct value *v = map(c);
	if (ins->has_notification)
		value_put(c->a, v, "notification", date_node(c, ins->notification));
	struct value *fw = map(c);
	struct buf range;
	buf_init(&range);
	date_range_text(ins->fieldwork_from, ins->fieldwork_to, &range);
	value_put(c->a, fw, "from", date_node(c, ins->fieldwork_from));
	value_put(c->a, fw, "to", date_node(c, ins->fieldwork_to));
	value_put_str(c->a, fw, "text", buf_cstr(&range));
	buf_release(&range);
	value_put(c->a, v, "fieldwork", fw);
	value_put(c->a, v, "letter", date_node(c, ins->letter));
	int days = ins->fw->statement_working_days;
	struct value *due =
	    date_node(c, date_add_working_days(ins->letter, days));
	value_put_int(c->a, due, "working_days", days);
	value_put(c->a, v, "statement_due", due);
	return v;
}

static struct value *
cases_node(struct ctx *c)
{
	const struct inspection *ins = c->ins;
	size_t tracked = 0;
	for (size_t i = 0; i < ins->ncases; i++)
		tracked += ins->cases[i].tracked;
	struct value *v = map(c), *by_band = seq(c), *practice = seq(c);
	value_put_int(c->a, v, "total", (long)ins->ncases);
	value_put_bool(c->a, v, "any", ins->ncases > 0);
	value_put_int(c->a, v, "tracked", (long)tracked);
	value_put_int(c->a, v, "sampled", (long)(ins->ncases - tracked));
	value_put_str(c->a, v, "tracked_text",
	              arena_printf(c->a, "%s %s", number_text(c, tracked),
	                           tracked == 1 ? "child's case"
	                                        : "children's cases"));
	value_put_bool(c->a, v, "sampled_any", ins->ncases > tracked);
	value_put_str(c->a, v, "sampled_text",
	              number_text(c, ins->ncases - tracked));
	for (size_t b = 0; b < CASE_AGE_BANDS; b++) {
		long n = 0;
		for (size_t i = 0; i < ins->ncases; i++)
			n += ins->cases[i].age_band &&
			     !strcmp(ins->cases[i].age_band, case_age_bands[b]);
		struct value *m = map(c);
		value_put_str(c->a, m, "band", case_age_bands[b]);
		value_put_int(c->a, m, "count", n);
		value_push(c->a, by_band, m);
	}
	value_put(c->a, v, "age_bands", by_band);
	const char *const *scale;
	size_t nscale = framework_case_scale(ins->fw, &scale);
	for (size_t i = 0; i < ins->nagencies; i++) {
		const struct agency *ag = &ins->agencies[i];
		struct value *m = map(c), *ratings = map(c);
		long rated = 0;
		for (size_t s = 0; s < nscale; s++) {
			long n = 0;
			for (size_t k = 0; k < ins->ncases; k++)
				for (size_t p = 0; p < ins->cases[k].npractice; p++)
					n += !strcmp(ins->cases[k].practice[p].agency, ag->id) &&
					     !strcmp(ins->cases[k].practice[p].grade, scale[s]);
			value_put_int(c->a, ratings, scale[s], n);
			rated += n;
		}
		value_put_str(c->a, m, "agency", ag->id);
		value_put_int(c->a, m, "rated", rated);
		value_put(c->a, m, "ratings", ratings);
		value_push(c->a, practice, m);
	}
	value_put(c->a, v, "practice", practice);
	return v;
}

static struct value *
head_node(struct ctx *c)
{
	const struct inspection *ins = c->ins;
	struct value *v = map(c), *fw = map(c), *area = map(c), *theme = map(c);
	value_put_int(c->a, v, "jtai_merged", MERGED_VERSION);
	value_put_str(c->a, v, "inspection", ins->name);
	value_put_str(c->a, fw, "id", ins->fw->id);
	value_put_str(c->a, fw, "name", ins->fw->name);
	value_put(c->a, v, "framework", fw);
	value_put_str(c->a, area, "name", ins->area_name);
	value_put_str(c->a, area, "authority", ins->area_authority);
	value_put_str(c->a, area, "code", ins->area_code);
	if (ins->area_description)
		value_put_str(c->a, area, "description", ins->area_description);
	value_put(c->a, v, "area", area);
	value_put_str(c->a, theme, "id", ins->theme.id);
	value_put_str(c->a, theme, "title", ins->theme.title);
	value_put(c->a, v, "theme", theme);
	return v;
}

struct value *
merge_run(struct arena *a, const struct inspection *ins, struct diag_sink *d)
{
	struct ctx c = {a, ins};
	size_t n;
	struct group *g = fold_findings(a, ins, &n, d);
	struct verdict vd = {0};
	int rc = ins->fw->njudgements ? judge_overall(ins, &vd, d) : 0;
	if (g == NULL || rc < 0)
		return NULL;
	merge_check(ins, g, n, d);
	struct value *v = head_node(&c), *kinds = map(&c);
	const char *insp_text;
	value_put(a, v, "dates", dates_node(&c));
	value_put_str(a, v, "principal_authority", ins->principal_authority);
	value_put(a, v, "addressees",
	          people_node(&c, ins->addressees, ins->naddressees, false));
	value_put(a, v, "signatories",
	          people_node(&c, ins->signatories, ins->nsignatories, true));
	if (ins->nteam)
		value_put(a, v, "team", people_node(&c, ins->team, ins->nteam, false));
	value_put(a, v, "inspectorates", inspectorates_node(&c, &insp_text));
	value_put_str(a, v, "inspectorates_text", insp_text);
	value_put(a, v, "agencies", agencies_node(&c, g, n));
	const char *names[64];
	for (size_t i = 0; i < ins->nagencies && i < 64; i++)
		names[i] = ins->agencies[i].name;
	value_put_str(a, v, "agencies_text",
	              join_words(&c, names, ins->nagencies < 64 ? ins->nagencies : 64));
	value_put(a, v, "cases", cases_node(&c));
	value_put(a, v, "terms", terms_node(&c));
	value_put(a, v, "judgements", judgements_node(&c, &vd));
	for (size_t i = 0; i < ins->fw->nkinds; i++)
		value_put(a, kinds, ins->fw->kinds[i].id,
		          kind_node(&c, &ins->fw->kinds[i], g, n));
	value_put(a, v, "kinds", kinds);
	value_put_int(a, v, "findings", (long)n);
	return v;
}

void
merge_write(const struct value *model, struct buf *out)
{
	buf_puts(out, "# merged.yaml: the letter model, written by jtai merge. "
	              "Do not edit:\n# change the findings and build again. "
	              "Layout: docs/merged.md.\n");
	yaml_emit(model, out);
}

/* merged.yaml's plain scalars back to what merge_write wrote them from:
 * true and false, ~, and numbers (a string that reads as one of those is
 * always quoted, core/yaml.c), so that a letter drafted from the file is
 * the letter drafted in memory. */
static void
retype(struct value *v)
{
	if (v->kind == VALUE_SEQ)
		for (size_t i = 0; i < v->n; i++)
			retype(v->items[i]);
	if (v->kind == VALUE_MAP)
		for (size_t i = 0; i < v->n; i++)
			retype(v->members[i].val);
	if (v->kind != VALUE_STRING || !v->plain || v->len == 0)
		return;
	char *end;
	double x = strtod(v->str, &end);
	if (!strcmp(v->str, "true") || !strcmp(v->str, "false")) {
		v->kind = VALUE_BOOL;
		v->b = v->str[0] == 't';
	} else if (!strcmp(v->str, "~")) {
		v->kind = VALUE_NULL;
	} else if (*end == '\0') {
		v->kind = VALUE_NUMBER;
		v->num = x;
	}
}

struct value *
merge_load(struct arena *a, const char *path, struct diag_sink *d)
{
	struct value *v = yaml_load(a, path, d);
	if (v == NULL)
		return NULL;
	const struct value *ver = value_get(v, "jtai_merged");
	if (ver == NULL || !value_text(ver) || strcmp(value_text(ver), "1")) {
		diag_error(d, path, ver ? ver->line : 1, ver ? ver->col : 1,
		           "not a merged.yaml of layout version %d",
		           MERGED_VERSION);
		diag_hint(d, "make it with 'jtai merge'");
		return NULL;
	}
	retype(v);
	return v;
}
