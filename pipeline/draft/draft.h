/* draft: the letter model (merged.yaml) + the framework's Mustache template
 * -> letter.md. Interpolations are Markdown-escaped ({{name}}); finding text,
 * which is Markdown already, goes in raw ({{{summary}}}). Partials are
 * read from the framework's partials/ folder only. */
#ifndef JTAI_DRAFT_DRAFT_H
#define JTAI_DRAFT_DRAFT_H

#include <stddef.h>

struct buf;
struct diag_sink;
struct value;

/* Drafts the letter of model with the framework named in model
 * (framework.id) under templates_dir, appending Markdown to out. Records
 * in *used (when not NULL, a NUL-separated list appended to) every template
 * file read. Returns 0, or -1 after reporting into d. */
int draft_run(const struct value *model, const char *templates_dir,
              struct buf *out, struct buf *used, struct diag_sink *d);

#endif
