/* What the parts of diff/ share. Internal to diff_run (diff.h). */
#ifndef JTAI_DIFF_DIFF_INT_H
#define JTAI_DIFF_DIFF_INT_H

struct arena;
struct diff_side;
struct value;

/* Calls fn on every finding of the letter model (merged.yaml layout:
 * kinds, then each kind's groups), in the letter's order. */
void diff_each_finding(const struct value *model,
                       void (*fn)(const struct value *finding, void *ctx),
                       void *ctx);

/* The "findings" entries (findings.c). */
struct value *diff_findings(struct arena *a, const struct diff_side *o,
                            const struct diff_side *n);
/* The "judgements" map, or NULL value when nothing changed (model.c). */
struct value *diff_judgements(struct arena *a, const struct value *o,
                              const struct value *n);
/* "inspection", "dates", "addressees" and "signatories" (model.c). */
struct value *diff_inspection(struct arena *a, const struct value *o,
                              const struct value *n);
struct value *diff_dates(struct arena *a, const struct value *o,
                         const struct value *n);
struct value *diff_people(struct arena *a, const struct value *o,
                          const struct value *n, const char *key,
                          const char *const *fields);

#endif
