/* The limiting rule: a key judgement (and, when the framework says so, a
 * sub-judgement) graded at the rule's limit makes the overall that grade.
 * When nothing limits it, the overall is stated by the writer or is the
 * worst key judgement, as the framework says. */
#include "merge/judge.h"

#include <string.h>

#include "core/buf.h"
#include "core/diag.h"
#include "ingest/model.h"

bool
judge_limits(const struct framework *fw, const char *id)
{
	const struct judgement_def *j = framework_judgement(fw, id);
	if (j == NULL)
		return false;
	return j->key || (j->parent && fw->overall.sub_judgements_limit);
}

static size_t
rank(const struct framework *fw, const char *grade)
{
	const struct grade_def *g = framework_grade(fw, grade);
	return g ? (size_t)(g - fw->scale) : fw->nscale;
}

/* Lower-cases the first letter, for a title inside a sentence. */
static void
put_lower(struct buf *out, const char *title)
{
	if (title[0] >= 'A' && title[0] <= 'Z') {
		buf_putc(out, (char)(title[0] - 'A' + 'a'));
		title++;
	}
	buf_puts(out, title);
}

void
judge_rule_text(const struct framework *fw, struct buf *out)
{
	const struct overall_rule *o = &fw->overall;
	const char *title = o->title ? o->title : "Overall effectiveness";
	const struct grade_def *limit =
	    o->limit ? framework_grade(fw, o->limit) : NULL;
	if (limit) {
		buf_puts(out, o->sub_judgements_limit
		                  ? "If any key judgement or sub-judgement is "
		                  : "If any key judgement is ");
		put_lower(out, limit->title);
		buf_puts(out, ", ");
		put_lower(out, title);
		buf_puts(out, " is ");
		put_lower(out, limit->title);
		buf_puts(out, ". Otherwise, ");
		put_lower(out, title);
	} else {
		buf_puts(out, title);
	}
	buf_puts(out, o->otherwise == OVERALL_WORST
	                  ? " is the lowest grade of the key judgements."
	                  : " is the inspectors' judgement.");
}

/* Fills v by the rule, from the grades given. */
static void
decide(const struct inspection *ins, struct verdict *v)
{
	const struct framework *fw = ins->fw;
	const struct overall_rule *o = &fw->overall;
	memset(v, 0, sizeof(*v));
	size_t worst = 0;
	for (size_t i = 0; i < fw->njudgements; i++) {
		const struct judgement_def *j = &fw->judgements[i];
		const struct grade *g = inspection_grade(ins, j->id);
		if (g == NULL)
			continue;
		if (o->limit && judge_limits(fw, j->id) &&
		    !strcmp(g->grade, o->limit) && v->nby < 16) {
			v->limited = true;
			v->by[v->nby++] = j->id;
		}
		size_t r = j->key ? rank(fw, g->grade) : 0;
		if (r > worst)
			worst = r;
	}
	if (v->limited) {
		v->overall = o->limit;
		return;
	}
	if (o->otherwise == OVERALL_WORST && worst < fw->nscale) {
		v->overall = fw->scale[worst].id;
		for (size_t i = 0; i < fw->njudgements && v->nby < 16; i++) {
			const struct grade *g = inspection_grade(ins, fw->judgements[i].id);
			if (fw->judgements[i].key && g &&
			    rank(fw, g->grade) == worst)
				v->by[v->nby++] = fw->judgements[i].id;
		}
		return;
	}
	v->overall = ins->overall;
}

static void
note_by(const struct inspection *ins, const struct verdict *v,
        struct diag_sink *d)
{
	for (size_t i = 0; i < v->nby; i++) {
		const struct grade *g = inspection_grade(ins, v->by[i]);
		const struct judgement_def *j =
		    framework_judgement(ins->fw, v->by[i]);
		diag_note(d, g->pos.path, g->pos.line, g->pos.col,
		          "'%s' (%s) is '%s' here", j->id, j->title, g->grade);
	}
}

int
judge_overall(const struct inspection *ins, struct verdict *v,
              struct diag_sink *d)
{
	const struct framework *fw = ins->fw;
	const char *title = fw->overall.title ? fw->overall.title
	                                      : "Overall effectiveness";
	decide(ins, v);
	struct buf rule;
	buf_init(&rule);
	judge_rule_text(fw, &rule);
	int rc = 0;
	if (v->overall == NULL) {
		diag_error(d, ins->judgements_pos.path, ins->judgements_pos.line,
		           ins->judgements_pos.col,
		           "%s is not stated, and no judgement limits it", title);
		diag_hint(d, "add 'overall: <grade>' under 'judgements'; the rule: %s",
		          buf_cstr(&rule));
		rc = -1;
	} else if (ins->overall && strcmp(ins->overall, v->overall)) {
		diag_error(d, ins->overall_pos.path, ins->overall_pos.line,
		           ins->overall_pos.col,
		           "%s '%s' contradicts the framework's rule: it must be "
		           "'%s'",
		           title, ins->overall, v->overall);
		diag_hint(d, "rule: %s", buf_cstr(&rule));
		note_by(ins, v, d);
		rc = -1;
	}
	buf_release(&rule);
	return rc;
}
