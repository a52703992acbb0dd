/* ingest: an inspection folder -> the typed model (model.h), validated
 * against schema version 1 and against its framework. */
#ifndef JTAI_INGEST_INGEST_H
#define JTAI_INGEST_INGEST_H

#include <stddef.h>

struct arena;
struct diag_sink;
struct inspection;
struct framework;

/* Reads dir/inspection.yaml, the findings file of each listed inspectorate
 * and dir/cases.yaml (optional), with the framework found on the search
 * path templates_dir. Every problem found is reported into d as a located error;
 * returns the model (owned by the arena) or NULL when there was an error. */
struct inspection *ingest_load(struct arena *a, const char *dir,
                               const char *templates_dir, struct diag_sink *d);

/* Reads <id>/framework.yaml from the first folder of the search path
 * templates_dir that holds one; NULL after reporting into d. */
struct framework *framework_load(struct arena *a, const char *templates_dir,
                                 const char *id, struct diag_sink *d);

/* The frameworks' search path (ingest/templates.c): every templates_dir
 * above is a list of folders joined by ':', searched in order. Returns the
 * folders of $JTAI_TEMPLATES (empty entries skipped), then builtin; the
 * caller frees it. */
char *ingest_templates_path(const char *builtin);
/* The path of rel ("terms.yaml") in the first folder of templates that
 * holds it, else under the last folder. The caller frees it. */
char *ingest_template_file(const char *templates, const char *rel);
/* The folder of framework id: the first <folder>/<id> of templates holding
 * a framework.yaml, else <last folder>/<id>. The caller frees it. */
char *ingest_framework_dir(const char *templates, const char *id);
/* The ids of every framework on templates, sorted, each once; the caller
 * frees each and the array. */
char **ingest_framework_ids(const char *templates, size_t *n);

#endif
