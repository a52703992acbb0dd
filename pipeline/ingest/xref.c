/* Cross-references between an inspection's files: every id is declared
 * once, and every reference names something declared. */
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/value.h"
#include "core/strv.h"
#include "ingest/read.h"
#include "ingest/schema.h"

/* A set of declared names, for lookups and hints. */
struct names {
	const char **list;
	size_t n, cap;
	struct pos *pos; /* where each was declared, when known */
	size_t poscap;
};

static void
add(struct names *s, const char *id)
{
	if (id == NULL)
		return;
	s->list = xgrow(s->list, &s->cap, s->n + 1, sizeof(*s->list));
	s->pos = xgrow(s->pos, &s->poscap, s->n + 1, sizeof(*s->pos));
	s->pos[s->n] = (struct pos){NULL, 0, 0};
	s->list[s->n++] = id;
}

static void
release(struct names *s)
{
	free(s->list);
	free(s->pos);
	s->list = NULL;
	s->pos = NULL;
	s->n = s->cap = s->poscap = 0;
}

static bool
has(const struct names *s, const char *id)
{
	return strv_has(s->list, s->n, id);
}

/* Hints the nearest known name, else lists them (a dozen at most). */
static void
hint_known(struct diag_sink *d, const char *word, const struct names *known)
{
	if (!schema_hint_nearest(d, word, known->list, known->n))
		diag_hint(d, "none is declared");
}

static void
report(struct diag_sink *d, struct pos p, const struct value *at,
       const char *fmt, const char *what, const char *word,
       const struct names *known)
{
	int line = at ? at->line : p.line, col = at ? at->col : p.col;
	diag_error(d, p.path, line, col, fmt, what, word);
	hint_known(d, word, known);
}

/* Checks every id of a finding's list key against known. */
static void
check_list(struct diag_sink *d, const struct finding *f, const char *key,
           const char **ids, size_t n, const char *what,
           const struct names *known)
{
	const struct value *list = value_get(f->src, key);
	for (size_t i = 0; i < n; i++)
		if (!has(known, ids[i]))
			report(d, f->pos, list ? list->items[i] : NULL,
			       "unknown %s '%s'", what, ids[i], known);
}

static const struct finding *
find(const struct inspection *ins, const char *id)
{
	for (size_t i = 0; i < ins->nfindings; i++)
		if (ins->findings[i].id && !strcmp(ins->findings[i].id, id))
			return &ins->findings[i];
	return NULL;
}

static void
check_links(struct diag_sink *d, const struct inspection *ins,
            const struct finding *f, const struct names *ids)
{
	check_list(d, f, "contrasts_with", f->contrasts_with, f->ncontrasts,
	           "finding", ids);
	const struct value *cl = value_get(f->src, "contrasts_with");
	for (size_t i = 0; i < f->ncontrasts; i++) {
		const char *id = f->contrasts_with[i];
		const struct finding *g = find(ins, id);
		const struct value *at = cl->items[i];
		if (!strcmp(id, f->id)) {
			diag_error(d, f->pos.path, at->line, at->col,
			           "'contrasts_with' names '%s', the finding itself",
			           id);
			diag_hint(d, "a contrast links two different findings");
		} else if (g && (strv_has(f->joint_with, f->njoint, g->id) ||
		                 strv_has(g->joint_with, g->njoint, f->id))) {
			diag_error(d, f->pos.path, at->line, at->col,
			           "'contrasts_with' names '%s', a joint partner of "
			           "'%s'",
			           id, f->id);
			diag_hint(d, "a finding cannot be the same finding and a "
			             "contrast: drop one link");
		}
	}
	check_list(d, f, "joint_with", f->joint_with, f->njoint, "finding",
	           ids);
	const struct value *list = value_get(f->src, "joint_with");
	for (size_t i = 0; i < f->njoint; i++) {
		const struct finding *g = find(ins, f->joint_with[i]);
		if (g && !strcmp(g->inspectorate, f->inspectorate)) {
			const struct value *at = list->items[i];
			diag_error(d, f->pos.path, at->line, at->col,
			           "'joint_with' names '%s', a finding of the same "
			           "inspectorate", g->id);
			diag_hint(d, "a joint finding is shared with another "
			             "inspectorate");
		}
	}
}

/* Declares id at p, reporting both places when it was declared before. */
static void
check_unique(struct diag_sink *d, struct pos p, const char *what,
             const char *id, struct names *seen)
{
	if (id == NULL)
		return;
	size_t i = strv_index(seen->list, seen->n, id);
	if (i < seen->n) {
		diag_error(d, p.path, p.line, p.col, "%s '%s' is used twice", what,
		           id);
		diag_hint(d, "each id names one thing");
		if (seen->pos[i].path)
			diag_note(d, seen->pos[i].path, seen->pos[i].line,
			          seen->pos[i].col, "'%s' first declared here", id);
		return;
	}
	add(seen, id);
	seen->pos[seen->n - 1] = p;
}

static void
declare(struct diag_sink *d, struct inspection *ins, struct names *agencies,
        struct names *themes, struct names *cases, struct names *findings)
{
	for (size_t i = 0; i < ins->nagencies; i++)
		check_unique(d, ins->agencies[i].pos, "agency id",
		             ins->agencies[i].id, agencies);
	const struct framework *fw = ins->fw;
	for (size_t i = 0; fw && i < fw->nthemes; i++)
		add(themes, fw->themes[i].id);
	size_t own = themes->n; /* the inspection's themes start here */
	/* the deep dive may be one of the framework's themes */
	if (ins->theme.id && !has(themes, ins->theme.id))
		check_unique(d, ins->theme.pos, "theme id", ins->theme.id, themes);
	for (size_t i = 0; i < ins->nthemes; i++) {
		const struct theme *t = &ins->themes[i];
		if (t->id && has(themes, t->id) &&
		    !strv_has(themes->list + own, themes->n - own, t->id)) {
			diag_error(d, t->pos.path, t->pos.line, t->pos.col,
			           "theme id '%s' is used twice", t->id);
			diag_hint(d, "framework '%s' has a theme '%s' already: "
			             "findings name it without declaring it",
			          fw->id, t->id);
			continue;
		}
		check_unique(d, t->pos, "theme id", t->id, themes);
	}
	for (size_t i = 0; i < ins->ncases; i++)
		check_unique(d, ins->cases[i].pos, "case id", ins->cases[i].id,
		             cases);
	for (size_t i = 0; i < ins->nfindings; i++)
		check_unique(d, ins->findings[i].pos, "finding id",
		             ins->findings[i].id, findings);
}

/* A kind of schema version 1 that the framework does not use, or no kind
 * at all: said differently, since the first is a choice of framework. */
static void
report_kind(struct diag_sink *d, const struct inspection *ins,
            const struct finding *f, const struct names *kinds)
{
	static const char *const v1[] = {
	    "headline", "strength", "improvement", "priority-action", "finding",
	    "case-study-good", "case-study-poor", "recommendation"};
	const struct value *at = value_get(f->src, "kind");
	if (!strv_has(v1, sizeof(v1) / sizeof(v1[0]), f->kind)) {
		diag_error(d, f->pos.path, at->line, at->col,
		           "unknown kind '%s' for framework '%s'", f->kind,
		           ins->fw->id);
		hint_known(d, f->kind, kinds);
		return;
	}
	diag_error(d, f->pos.path, at->line, at->col,
	           "kind '%s' is not used by framework '%s'", f->kind,
	           ins->fw->id);
	struct buf list;
	buf_init(&list);
	for (size_t i = 0; i < kinds->n; i++)
		buf_printf(&list, "%s'%s'", i ? ", " : "", kinds->list[i]);
	diag_hint(d, "it uses %s", buf_cstr(&list));
	buf_release(&list);
}

static void
check_finding(struct diag_sink *d, const struct inspection *ins,
              const struct finding *f, const struct names *sets)
{
	const struct names *agencies = &sets[0], *themes = &sets[1],
	                   *cases = &sets[2], *ids = &sets[3], *kinds = &sets[4];
	if (f->kind && !has(kinds, f->kind))
		report_kind(d, ins, f, kinds);
	if (f->theme && !has(themes, f->theme))
		report(d, f->pos, value_get(f->src, "theme"), "unknown %s '%s'",
		       "theme", f->theme, themes);
	check_list(d, f, "agencies", f->agencies, f->nagencies, "agency",
	           agencies);
	check_list(d, f, "cases", f->cases, f->ncases, "case", cases);
	check_links(d, ins, f, ids);
}

/* Checks that the inspectorate of whose (declared at p) is listed. */
static void
check_listed(struct diag_sink *d, struct pos p, const char *whose,
             const char *inspectorate, const struct names *listed)
{
	if (inspectorate && !has(listed, inspectorate))
		report(d, p, NULL,
		       "%s inspectorate '%s' is not in 'inspectorates'", whose,
		       inspectorate, listed);
}

static void
check_agencies(struct diag_sink *d, const struct inspection *ins,
               const struct names *listed)
{
	for (size_t i = 0; i < ins->nagencies; i++)
		check_listed(d, ins->agencies[i].pos, "agency's",
		             ins->agencies[i].inspectorate, listed);
	for (size_t i = 0; i < ins->nsignatories; i++)
		check_listed(d, ins->signatories[i].pos, "signatory's",
		             ins->signatories[i].inspectorate, listed);
	for (size_t i = 0; i < ins->nteam; i++)
		check_listed(d, ins->team[i].pos, "team member's",
		             ins->team[i].inspectorate, listed);
}

static void
check_cases(struct diag_sink *d, const struct inspection *ins,
            const struct names *agencies)
{
	struct names scale = {.n = 0};
	const char *const *grades;
	size_t ngrades = framework_case_scale(ins->fw, &grades);
	for (size_t i = 0; i < ngrades; i++)
		add(&scale, grades[i]);
	for (size_t i = 0; i < ins->ncases; i++) {
		const struct casefile *c = &ins->cases[i];
		const struct value *practice = value_get(c->src, "practice");
		for (size_t j = 0; j < c->npractice; j++) {
			const struct value_member *m = &practice->members[j];
			struct pos p = {c->pos.path, m->line, m->col};
			if (!has(agencies, c->practice[j].agency))
				report(d, p, NULL, "unknown %s '%s'", "agency",
				       c->practice[j].agency, agencies);
			if (!has(&scale, c->practice[j].grade))
				report(d, p, m->val, "unknown %s '%s'", "rating",
				       c->practice[j].grade, &scale);
		}
	}
	release(&scale);
}

/* Judgements stated in inspection.yaml, for an ungraded framework: ignored
 * with a warning (the schema allows them in any file). */
static void
ignore_judgements(struct diag_sink *d, const struct inspection *ins)
{
	const char *fw = ins->fw->id;
	for (size_t i = 0; i < ins->ngrades; i++) {
		const struct grade *g = &ins->grades[i];
		diag_warning(d, g->pos.path, g->pos.line, g->pos.col,
		             "judgement '%s' ignored: framework '%s' is not "
		             "graded", g->judgement, fw);
	}
	if (ins->overall)
		diag_warning(d, ins->overall_pos.path, ins->overall_pos.line,
		             ins->overall_pos.col,
		             "overall judgement ignored: framework '%s' is not "
		             "graded", fw);
	for (size_t i = 0; i < ins->nfindings; i++) {
		const struct finding *f = &ins->findings[i];
		const struct value *at = value_get(f->src, "judgement");
		if (f->judgement)
			diag_warning(d, f->pos.path, at->line, at->col,
			             "judgement '%s' ignored: framework '%s' is not "
			             "graded", f->judgement, fw);
	}
}

/* Every judgement stated is the framework's, on its scale, and every
 * judgement of the framework is graded. */
static void
check_grades(struct diag_sink *d, const struct inspection *ins,
             const struct names *ids, const struct names *scale)
{
	const struct framework *fw = ins->fw;
	for (size_t i = 0; i < ins->ngrades; i++) {
		const struct grade *g = &ins->grades[i];
		if (!has(ids, g->judgement))
			report(d, g->pos, NULL, "unknown %s '%s'", "judgement",
			       g->judgement, ids);
		else if (!has(scale, g->grade))
			report(d, g->grade_pos, NULL, "unknown %s '%s'", "grade",
			       g->grade, scale);
	}
	if (ins->overall && !has(scale, ins->overall))
		report(d, ins->overall_pos, NULL, "unknown %s '%s'", "grade",
		       ins->overall, scale);
	if (!ins->has_judgements) {
		diag_error(d, ins->judgements_pos.path, ins->judgements_pos.line,
		           ins->judgements_pos.col,
		           "framework '%s' is graded, but 'judgements' is missing",
		           fw->id);
		diag_hint(d, "grade each of its judgements: %s: <grade>, ...",
		          fw->judgements[0].id);
		return;
	}
	for (size_t i = 0; i < fw->njudgements; i++) {
		const struct judgement_def *j = &fw->judgements[i];
		if (inspection_grade(ins, j->id))
			continue;
		diag_error(d, ins->judgements_pos.path, ins->judgements_pos.line,
		           ins->judgements_pos.col,
		           "judgement '%s' (%s) is not graded", j->id, j->title);
		diag_hint(d, "add '%s: <grade>' under 'judgements'", j->id);
	}
}

/* A finding names a judgement of the framework, and one of a kind grouped
 * by judgement must name one. */
static void
check_finding_judgement(struct diag_sink *d, const struct inspection *ins,
                        const struct finding *f, const struct names *ids)
{
	const struct value *at = value_get(f->src, "judgement");
	if (f->judgement) {
		if (!has(ids, f->judgement))
			report(d, f->pos, at, "unknown %s '%s'", "judgement",
			       f->judgement, ids);
		return;
	}
	const struct kind_def *k = framework_kind(ins->fw, f->kind);
	if (k && k->by == BY_JUDGEMENT) {
		diag_error(d, f->pos.path, f->pos.line, f->pos.col,
		           "finding '%s' of kind '%s' names no judgement", f->id,
		           f->kind);
		diag_hint(d, "'%s' findings are grouped by judgement: add "
		             "'judgement: %s' or another",
		          f->kind, ids->n ? ids->list[0] : "...");
	}
}

static void
check_judgements(struct diag_sink *d, const struct inspection *ins)
{
	const struct framework *fw = ins->fw;
	if (fw->njudgements == 0) {
		ignore_judgements(d, ins);
		return;
	}
	struct names ids = {.n = 0}, scale = {.n = 0};
	for (size_t i = 0; i < fw->njudgements; i++)
		add(&ids, fw->judgements[i].id);
	for (size_t i = 0; i < fw->nscale; i++)
		add(&scale, fw->scale[i].id);
	check_grades(d, ins, &ids, &scale);
	for (size_t i = 0; i < ins->nfindings; i++)
		check_finding_judgement(d, ins, &ins->findings[i], &ids);
	release(&ids);
	release(&scale);
}

void
xref_check(struct diag_sink *d, struct inspection *ins)
{
	struct names sets[6] = {{0}};
	/* 0 agencies, 1 themes, 2 cases, 3 findings, 4 kinds, 5 inspectorates */
	declare(d, ins, &sets[0], &sets[1], &sets[2], &sets[3]);
	for (size_t i = 0; i < ins->fw->nkinds; i++)
		add(&sets[4], ins->fw->kinds[i].id);
	for (size_t i = 0; i < ins->ninspectorates; i++)
		add(&sets[5], ins->inspectorates[i]);
	for (size_t i = 0; i < ins->nfindings; i++)
		check_finding(d, ins, &ins->findings[i], sets);
	check_agencies(d, ins, &sets[5]);
	check_cases(d, ins, &sets[0]);
	check_judgements(d, ins);
	for (size_t i = 0; i < 6; i++)
		release(&sets[i]);
}
