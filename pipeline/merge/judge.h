/* Internal to merge: the overall judgement of a graded framework, by its
 * rule (framework.yaml's `overall`). */
#ifndef JTAI_MERGE_JUDGE_H
#define JTAI_MERGE_JUDGE_H

#include <stdbool.h>
#include <stddef.h>

struct buf;
struct diag_sink;
struct framework;
struct inspection;

struct verdict {
	const char *overall; /* the overall grade's id */
	bool limited;        /* decided by the limiting rule */
	/* the judgements that limit it (limited) or decide it (worst) */
	const char *by[16];
	size_t nby;
};

/* Computes the overall judgement of ins by its framework's rule and checks
 * the one the writer states against it. Returns 0, or -1 after reporting
 * a contradiction (with the rule and the judgement that limits it) or an
 * overall that is needed and missing. */
int judge_overall(const struct inspection *ins, struct verdict *v,
                  struct diag_sink *d);

/* Appends the framework's rule as a sentence: "If any key judgement is
 * inadequate, overall effectiveness is inadequate." */
void judge_rule_text(const struct framework *fw, struct buf *out);

/* Whether judgement id limits the overall when graded at the limit. */
bool judge_limits(const struct framework *fw, const char *id);

#endif
