/* Internal to ingest: the readers of each file of an inspection folder. */
#ifndef JTAI_INGEST_READ_H
#define JTAI_INGEST_READ_H

#include <stdbool.h>

#include "ingest/model.h"

struct reader;
struct value;

/* inspection.yaml -> ins (all but findings and cases). */
void read_inspection(struct reader *r, const struct value *root,
                     struct inspection *ins);
/* findings/<inspectorate>.yaml: appends its findings to ins->findings. */
void read_findings(struct reader *r, const struct value *root,
                   const char *inspectorate, struct inspection *ins);
/* cases.yaml -> ins->cases. */
void read_cases(struct reader *r, const struct value *root,
                struct inspection *ins);
/* templates/inspectorates.yaml or terms.yaml: each id's names by date. */
void read_names(struct reader *r, const struct value *root, bool terms,
                const struct inspectorate_name **out, size_t *n);
/* A list of {id, title} themes; *n receives the count. */
struct theme *read_themes(struct reader *r, const struct value *v, size_t *n);
/* Cross-references between the files: every id used is declared once. */
void xref_check(struct diag_sink *d, struct inspection *ins);

#endif
