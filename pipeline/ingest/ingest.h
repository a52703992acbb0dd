/* ingest: an inspection folder -> the typed model (model.h), validated
 * against schema version 1 and against its framework. */
#ifndef JTAI_INGEST_INGEST_H
#define JTAI_INGEST_INGEST_H

struct arena;
struct diag_sink;
struct inspection;
struct framework;

/* Reads dir/inspection.yaml, the findings file of each listed inspectorate
 * and dir/cases.yaml (optional), with the framework found under
 * templates_dir. Every problem found is reported into d as a located error;
 * returns the model (owned by the arena) or NULL when there was an error. */
struct inspection *ingest_load(struct arena *a, const char *dir,
                               const char *templates_dir, struct diag_sink *d);

/* Reads templates_dir/<id>/framework.yaml; NULL after reporting into d. */
struct framework *framework_load(struct arena *a, const char *templates_dir,
                                 const char *id, struct diag_sink *d);

#endif
