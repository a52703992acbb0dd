/* Reading the merged letter model (docs/merged.md) for the charts: lists,
 * texts and counts, each problem reported at its place in merged.yaml.
 * merged.yaml read back holds numbers and booleans as strings, a model
 * built in memory as numbers and booleans: both are accepted. */
#ifndef JTAI_CHART_MODEL_H
#define JTAI_CHART_MODEL_H

#include <stdbool.h>
#include <stddef.h>

struct arena;
struct diag_sink;
struct value;

/* The largest count a chart draws. */
#define MODEL_COUNT_MAX 999999999L

/* Returns the map at key in map, or NULL after reporting that it is
 * missing or not a map (what names it in the message). */
const struct value *model_map(const char *path, const struct value *map,
                              const char *key, const char *what,
                              struct diag_sink *d);
/* Returns the list at key in map, or NULL after reporting. */
const struct value *model_list(const char *path, const struct value *map,
                               const char *key, const char *what,
                               struct diag_sink *d);
/* Reads the whole number at key of map (0 to MODEL_COUNT_MAX) into *out.
 * Returns 0, or -1 after reporting; whose names the map in messages. */
int model_count(const char *path, const struct value *map, const char *key,
                const char *whose, long *out, struct diag_sink *d);
/* Returns the text at key of map, or NULL after reporting. */
const char *model_text(const char *path, const struct value *map,
                       const char *key, const char *whose, struct diag_sink *d);
/* Returns the text at key of map, or NULL when it is absent or null (~). */
const char *model_opt(const struct value *map, const char *key);
/* True when the value at key is true ("true" read back). */
bool model_true(const struct value *map, const char *key);
/* A grade's id in words with a capital, copied into a:
 * "requires-improvement" gives "Requires improvement". */
const char *model_words(struct arena *a, const char *id);
/* The area's name (area.name), or NULL. */
const char *model_area(const struct value *merged);
/* Reads the framework's scale, best first, from judgements.scale (each
 * {id, title}) into ids and titles, at most max grades, and sets *n.
 * Returns 1, or 0 when there is none (an ungraded framework's model), or
 * -1 after reporting a malformed one. The strings are the model's. */
int model_scale(const char *path, const struct value *merged, const char **ids,
                const char **titles, size_t max, size_t *n,
                struct diag_sink *d);
/* Reports that merged is not a map, unless it is; returns 0 or -1. */
int model_root(const char *path, const struct value *merged,
               struct diag_sink *d);

#endif
