/* The reviewer's warnings over the folded findings (merge/check.h). */
#include "merge/check.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/calendar.h"
#include "core/diag.h"
#include "core/value.h"
#include "core/strv.h"
#include "ingest/model.h"
#include "merge/fold.h"

static bool
shares(const char *const *a, size_t na, const char *const *b, size_t nb)
{
	for (size_t i = 0; i < na; i++)
		if (strv_has(b, nb, a[i]))
			return true;
	return false;
}

/* Whether a member of one group names a member of the other in
 * contrasts_with (either way round). */
static bool
linked(const struct group *a, const struct group *b)
{
	for (size_t i = 0; i < a->n; i++)
		for (size_t k = 0; k < b->n; k++)
			if (strv_has(a->members[i]->contrasts_with,
			            a->members[i]->ncontrasts, b->members[k]->id) ||
			    strv_has(b->members[k]->contrasts_with,
			            b->members[k]->ncontrasts, a->members[i]->id))
				return true;
	return false;
}

/* The first agency two groups share. */
static const char *
shared_agency(const struct group *a, const struct group *b)
{
	for (size_t i = 0; i < a->nagencies; i++)
		if (strv_has(b->agencies, b->nagencies, a->agencies[i]))
			return a->agencies[i];
	return NULL;
}

/* One inspectorate calls a practice good and another poor, for the same
 * agency and theme, and neither finding acknowledges the other. */
static void
check_contradictions(const struct inspection *ins, const struct group *g,
                     size_t n, struct diag_sink *d)
{
	const struct framework *fw = ins->fw;
	for (size_t i = 0; i < n; i++) {
		const struct finding *good = g[i].members[0];
		if (!strv_has(fw->good, fw->ngood, good->kind))
			continue;
		for (size_t k = 0; k < n; k++) {
			const struct finding *poor = g[k].members[0];
			const char *ag = shared_agency(&g[i], &g[k]);
			if (ag == NULL ||
			    !strv_has(fw->poor, fw->npoor, poor->kind) ||
			    !(good->theme == poor->theme ||
			      (good->theme && poor->theme &&
			       !strcmp(good->theme, poor->theme))) ||
			    shares(g[i].inspectorates, g[i].ninspectorates,
			           g[k].inspectorates, g[k].ninspectorates) ||
			    linked(&g[i], &g[k]))
				continue;
			diag_warning(d, poor->pos.path, poor->pos.line, poor->pos.col,
			             "'%s' (%s) and '%s' (%s) judge %s differently "
			             "on %s%s%s",
			             poor->id, poor->kind, good->id, good->kind,
			             inspection_agency(ins, ag)->name,
			             poor->theme ? "theme '" : "no theme",
			             poor->theme ? poor->theme : "",
			             poor->theme ? "'" : "");
			diag_hint(d, "if both stand, acknowledge it: "
			             "'contrasts_with: [%s]'",
			          good->id);
			diag_note(d, good->pos.path, good->pos.line, good->pos.col,
			          "'%s' is here", good->id);
		}
	}
}

static void
check_agencies(const struct inspection *ins, const struct group *g, size_t n,
               struct diag_sink *d)
{
	for (size_t i = 0; i < ins->nagencies; i++) {
		const struct agency *ag = &ins->agencies[i];
		size_t k = 0;
		while (k < n && !strv_has(g[k].agencies, g[k].nagencies, ag->id))
			k++;
		if (k < n)
			continue;
		diag_warning(d, ag->pos.path, ag->pos.line, ag->pos.col,
		             "agency '%s' is in scope but no finding names it",
		             ag->id);
		diag_hint(d, "name it in a finding's 'agencies', or take it out "
		             "of scope");
	}
}

/* The path of an inspectorate's findings file, as ingest read it. */
static const char *
findings_path(const struct inspection *ins, const char *insp)
{
	char tail[256];
	size_t len = (size_t)snprintf(tail, sizeof(tail), "findings/%s.yaml",
	                              insp);
	for (size_t i = 0; i < ins->ninputs; i++) {
		size_t n = strlen(ins->inputs[i]);
		if (n >= len && !strcmp(ins->inputs[i] + n - len, tail))
			return ins->inputs[i];
	}
	return ins->inputs[0];
}

static void
check_required(const struct inspection *ins, const struct group *g,
               size_t n, struct diag_sink *d)
{
	const struct framework *fw = ins->fw;
	for (size_t k = 0; k < fw->nkinds; k++) {
		const struct kind_def *kd = &fw->kinds[k];
		if (!kd->required)
			continue;
		for (size_t i = 0; i < ins->ninspectorates; i++) {
			const char *insp = ins->inspectorates[i];
			size_t j = 0;
			while (j < n && !(!strcmp(g[j].members[0]->kind, kd->id) &&
			                  strv_has(g[j].inspectorates,
			                          g[j].ninspectorates, insp)))
				j++;
			if (j < n)
				continue;
			diag_warning(d, findings_path(ins, insp), 1, 1,
			             "inspectorate '%s' reports no '%s' finding",
			             insp, kd->id);
			diag_hint(d, "framework '%s' expects one from every "
			             "inspectorate, under '%s'",
			          fw->id, kd->heading);
		}
	}
}

static void
check_cases(const struct inspection *ins, struct diag_sink *d)
{
	for (size_t i = 0; i < ins->ncases; i++) {
		const struct casefile *c = &ins->cases[i];
		size_t k = 0;
		while (k < ins->nfindings &&
		       !strv_has(ins->findings[k].cases, ins->findings[k].ncases,
		                c->id))
			k++;
		if (k < ins->nfindings)
			continue;
		diag_warning(d, c->pos.path, c->pos.line, c->pos.col,
		             "case '%s' is named by no finding", c->id);
		diag_hint(d, "name it in the 'cases' of the findings it "
		             "supports");
	}
}

/* Notification is day 1; fieldwork starts on the working day after the
 * last day of notice. */
static void
check_notice(const struct inspection *ins, struct diag_sink *d)
{
	int days = ins->fw->notice_working_days;
	if (!ins->has_notification || days <= 0)
		return;
	struct date start = date_add_working_days(ins->notification, days);
	if (date_cmp(start, ins->fieldwork_from) == 0)
		return;
	struct buf a, b;
	buf_init(&a);
	buf_init(&b);
	date_text(ins->fieldwork_from, &a);
	date_text(start, &b);
	const struct pos *p = &ins->fieldwork_pos;
	diag_warning(d, p->path, p->line, p->col,
	             "fieldwork starts on %s, but %d working days' notice "
	             "from the notification puts it on %s",
	             buf_cstr(&a), days, buf_cstr(&b));
	diag_hint(d, "the notification day counts as day 1 in framework '%s'",
	          ins->fw->id);
	buf_release(&a);
	buf_release(&b);
}

void
merge_check(const struct inspection *ins, const struct group *g, size_t n,
            struct diag_sink *d)
{
	check_notice(ins, d);
	check_agencies(ins, g, n, d);
	check_required(ins, g, n, d);
	check_cases(ins, d);
	check_contradictions(ins, g, n, d);
}
