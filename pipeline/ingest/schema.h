/* Typed reads from a YAML value tree with located errors: the vocabulary the
 * ingest stage validates its files with. A reader carries the file's path,
 * the arena and the sink; every getter reports what is wrong at the
 * position of the offending node and returns NULL / -1, and sets r->failed. */
#ifndef JTAI_INGEST_SCHEMA_H
#define JTAI_INGEST_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>

#include "ingest/model.h"

struct arena;
struct diag_sink;
struct value;

struct reader {
	struct arena *a;
	const char *path;
	struct diag_sink *d;
	bool failed;
};

/* Reports an error at v's position (v may be NULL: the file's start). */
void schema_error(struct reader *r, const struct value *v, const char *fmt,
                  ...) __attribute__((format(printf, 3, 4)));
struct pos schema_pos(const struct reader *r, const struct value *v);

/* Checks that v is a map whose keys are all in keys[] (NULL-terminated) and
 * that every key named in required[] is there. what names the map in
 * messages ("the finding"). Returns 0 or -1. */
int schema_map(struct reader *r, const struct value *v, const char *what,
               const char *const *keys, const char *const *required);
/* Checks that v is a list; returns 0 or -1. */
int schema_seq(struct reader *r, const struct value *v, const char *what);

/* The text of map.key: a scalar, not empty. NULL when absent (no error) or
 * wrong (error). */
const char *schema_text(struct reader *r, const struct value *map,
                        const char *key);
/* An identifier: lower-case letters and digits in words joined by '-'. */
const char *schema_id(struct reader *r, const struct value *map,
                      const char *key);
/* The identifier that a map of ids to ids gives key ("the grade of
 * 'leadership'", what = "grade"): NULL when absent or wrong. */
const char *schema_id_of(struct reader *r, const struct value *map,
                         const char *key, const char *what);
/* A list of identifiers (a YAML sequence); *n receives the count. Absent:
 * NULL with *n = 0. */
const char **schema_ids(struct reader *r, const struct value *map,
                        const char *key, size_t *n);
/* A list of text (a YAML sequence of non-empty scalars); *n receives the
 * count. Absent: NULL with *n = 0. */
const char **schema_texts(struct reader *r, const struct value *map,
                          const char *key, size_t *n);
/* An ISO date; returns 1 when present and valid, 0 when absent, -1 when
 * wrong. */
int schema_date(struct reader *r, const struct value *map, const char *key,
                struct date *out);
/* A boolean (true or false); returns 1, 0 when absent, -1 when wrong. */
int schema_bool(struct reader *r, const struct value *map, const char *key,
                bool *out);
/* A non-negative integer; returns 1, 0 when absent, -1 when wrong. */
int schema_int(struct reader *r, const struct value *map, const char *key,
               int *out);
/* True when s is an identifier. */
bool schema_is_id(const char *s);

/* Reports "unknown <what> 'word'" at v with a hint: the nearest of
 * candidates, else the list of them. */
void schema_unknown(struct reader *r, const struct value *v, const char *what,
                    const char *word, const char *const *candidates,
                    size_t n);
/* Hints into d the candidate nearest to word ("did you mean 'x'?"), else
 * the candidates (a dozen at most). Returns false, hinting nothing, when
 * there are none. */
bool schema_hint_nearest(struct diag_sink *d, const char *word,
                         const char *const *candidates, size_t n);

/* A waiver {rule, match, reason} (a finding's, or a framework's of its
 * template's words) into *w. Returns true when all three are there and
 * valid; when v is not a map of those keys (reported), w is left as it
 * was. */
bool schema_waiver(struct reader *r, const struct value *v, struct waiver *w);

#endif
