/* Internal to merge: checks of the merged letter that a reviewer should
 * see, reported as warnings (a letter may rightly praise one part of an
 * agency's work and criticise another). See docs/schema.md, "Checks". */
#ifndef JTAI_MERGE_CHECK_H
#define JTAI_MERGE_CHECK_H

#include <stddef.h>

struct diag_sink;
struct group;
struct inspection;

/* Warns about: contradictions between inspectorates on one agency and
 * theme with no contrasts_with link; agencies in scope with no finding;
 * inspectorates with no finding of a kind the framework requires; cases
 * no finding names; notification and fieldwork that do not fit the
 * framework's notice period. */
void merge_check(const struct inspection *ins, const struct group *g,
                 size_t n, struct diag_sink *d);

#endif
