/* Internal to merge: joint findings folded into groups, in letter order. */
#ifndef JTAI_MERGE_FOLD_H
#define JTAI_MERGE_FOLD_H

#include <stddef.h>

struct arena;
struct diag_sink;
struct finding;
struct inspection;
struct theme;

/* One finding of the letter: one source finding, or several joined by
 * joint_with (members in source order; members[0] leads). */
struct group {
	const struct finding **members;
	size_t n;
	const char **agencies; /* union, in the order agencies are declared */
	size_t nagencies;
	const char **inspectorates; /* union, in inspection order */
	size_t ninspectorates;
	const char **cases; /* union, sorted */
	size_t ncases;
	const char **contrasts; /* leads of contrasted groups, sorted */
	size_t ncontrasts;
	size_t kind_rank, theme_rank, agency_rank, judgement_rank;
	/* the sort keys after the kind: the kind's grouping first (theme,
	 * agency or judgement), then theme, then agency */
	size_t key[3];
};

/* Folds ins's findings into groups sorted in letter order; *n receives the
 * count. NULL after reporting partners that disagree into d. */
struct group *fold_findings(struct arena *a, const struct inspection *ins,
                            size_t *n, struct diag_sink *d);

/* The theme with this id, searched in the letter's order (the framework's
 * themes, then the deep dive, then the inspection's own); *rank receives
 * 1 + its place in that order (0 is left for "no theme"). NULL, with *rank
 * (size_t)-1, when there is none. */
const struct theme *fold_theme(const struct inspection *ins, const char *id,
                               size_t *rank);

#endif
