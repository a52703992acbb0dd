/* merge: every inspectorate's findings -> one letter model, as a value tree
 * in canonical order (written out as merged.yaml; see docs/merged.md).
 * Findings linked by joint_with fold into one joint finding credited to
 * every inspectorate that found it; findings are grouped by kind (in the
 * framework's order), then theme, and ordered by agency, then source. */
#ifndef JTAI_MERGE_MERGE_H
#define JTAI_MERGE_MERGE_H

struct arena;
struct buf;
struct diag_sink;
struct inspection;
struct value;

/* The version of merged.yaml's layout, written as its first key. */
#define MERGED_VERSION 1

/* Builds the letter model of ins (owned by the arena); NULL after reporting
 * errors into d (for example joint partners that disagree on kind). */
struct value *merge_run(struct arena *a, const struct inspection *ins,
                        struct diag_sink *d);

/* Appends the model as merged.yaml text (a header comment, then the tree). */
void merge_write(const struct value *model, struct buf *out);

/* Reads a merged.yaml back (for the draft, chart and render commands);
 * NULL after reporting into d, including a layout version it cannot read. */
struct value *merge_load(struct arena *a, const char *path,
                         struct diag_sink *d);

#endif
