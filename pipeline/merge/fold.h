/* Internal to merge: joint findings folded into groups, in letter order. */
#ifndef JTAI_MERGE_FOLD_H
#define JTAI_MERGE_FOLD_H

#include <stddef.h>

struct arena;
struct diag_sink;
struct finding;
struct inspection;

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

/* The rank of a theme id in the letter's order (framework themes, then the
 * deep dive, then the inspection's own); 0 is "no theme". */
size_t fold_theme_rank(const struct inspection *ins, const char *theme);

#endif
