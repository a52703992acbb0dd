/* A generic data tree (null, boolean, number, string, sequence, map) with
 * source positions: what YAML files load into, what merge writes out as
 * merged.yaml, and the context that Mustache templates render from.
 * Every node lives in an arena; maps keep their members in insertion order. */
#ifndef JTAI_CORE_VALUE_H
#define JTAI_CORE_VALUE_H

#include <stdbool.h>
#include <stddef.h>

struct arena;

enum value_kind {
	VALUE_NULL,
	VALUE_BOOL,
	VALUE_NUMBER,
	VALUE_STRING,
	VALUE_SEQ,
	VALUE_MAP,
};

struct value;

struct value_member {
	const char *key;
	int line, col; /* position of the key, 1-based; 0 if generated */
	struct value *val;
};

struct value {
	enum value_kind kind;
	int line, col;   /* 1-based source position; 0 if generated */
	bool plain;      /* scalar was unquoted in its YAML source */
	const char *str; /* scalars: the text as written; NULL otherwise */
	size_t len;      /* length of str in bytes */
	bool b;          /* VALUE_BOOL */
	double num;      /* VALUE_NUMBER */
	size_t n;        /* SEQ: items; MAP: members */
	size_t cap;
	struct value **items;         /* VALUE_SEQ */
	struct value_member *members; /* VALUE_MAP */
};

/* Constructors: the node is owned by the arena. Strings are copied. */
struct value *value_new(struct arena *a, enum value_kind kind);
struct value *value_new_str(struct arena *a, const char *s);
struct value *value_new_strn(struct arena *a, const char *s, size_t n);
struct value *value_new_bool(struct arena *a, bool b);
struct value *value_new_int(struct arena *a, long n);
/* Appends item to a sequence. */
void value_push(struct arena *a, struct value *seq, struct value *item);
/* Appends a member to a map (no check for an existing key); key is copied. */
void value_put(struct arena *a, struct value *map, const char *key,
               struct value *val);
/* Shorthands for value_put of a new string / int / bool. */
void value_put_str(struct arena *a, struct value *map, const char *key,
                   const char *s);
void value_put_int(struct arena *a, struct value *map, const char *key,
                   long n);
void value_put_bool(struct arena *a, struct value *map, const char *key,
                    bool b);

/* Returns the value of key in map, or NULL (also when map is not a map). */
const struct value *value_get(const struct value *map, const char *key);
/* Returns the member of key in map, or NULL. */
const struct value_member *value_member(const struct value *map,
                                        const char *key);
/* Follows a dotted path ("area.name") from map; NULL if any part is absent. */
const struct value *value_path(const struct value *map, const char *path);
/* Returns the text of a scalar, or NULL for NULL/non-scalar nodes. */
const char *value_text(const struct value *v);

/* Types plain scalars by YAML's core schema, recursively: null, ~, true,
 * false, integers and floats become VALUE_NULL, VALUE_BOOL, VALUE_NUMBER.
 * Quoted scalars stay strings. (The schema of inspection files does its own
 * typing; this is for generic data such as the Mustache spec's.) */
void value_resolve_core(struct value *v);

/* Returns true when two trees hold the same data (positions ignored). */
bool value_equal(const struct value *a, const struct value *b);

#endif
