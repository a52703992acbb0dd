/* YAML (through libyaml's event API) into a value tree. Every scalar becomes
 * VALUE_STRING with its position and plain flag: typing is the schema's job.
 * Refused with a located error: malformed YAML, nesting deeper than
 * YAML_MAX_DEPTH, anchors and aliases, a key that is not a scalar, and a
 * key given twice in one map (both places are named). */
#ifndef JTAI_CORE_YAML_H
#define JTAI_CORE_YAML_H

#include <stddef.h>

struct arena;
struct diag_sink;
struct value;
struct buf;

#define YAML_MAX_DEPTH 64

/* Parses the first document of text (len bytes) and returns its root (a
 * VALUE_NULL node for an empty document), owned by the arena; NULL after
 * reporting errors against path into d. */
struct value *yaml_parse(struct arena *a, const char *path, const char *text,
                         size_t len, struct diag_sink *d);
/* Reads and parses the file at path; NULL on error (reported into d). */
struct value *yaml_load(struct arena *a, const char *path,
                        struct diag_sink *d);

/* Writes v as block-style YAML to out, in the order of its members; strings
 * are quoted only where YAML needs it. Deterministic: same tree, same bytes. */
void yaml_emit(const struct value *v, struct buf *out);

#endif
