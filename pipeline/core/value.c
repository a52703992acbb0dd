#include "core/value.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"

struct value *
value_new(struct arena *a, enum value_kind kind)
{
	struct value *v = arena_alloc(a, sizeof(*v));
	v->kind = kind;
	return v;
}

struct value *
value_new_strn(struct arena *a, const char *s, size_t n)
{
	struct value *v = value_new(a, VALUE_STRING);
	v->str = arena_strndup(a, s, n);
	v->len = n;
	return v;
}

struct value *
value_new_str(struct arena *a, const char *s)
{
	return value_new_strn(a, s, strlen(s));
}

struct value *
value_new_bool(struct arena *a, bool b)
{
	struct value *v = value_new(a, VALUE_BOOL);
	v->b = b;
	v->str = b ? "true" : "false";
	v->len = strlen(v->str);
	return v;
}

struct value *
value_new_int(struct arena *a, long n)
{
	struct value *v = value_new(a, VALUE_NUMBER);
	v->num = (double)n;
	v->str = arena_printf(a, "%ld", n);
	v->len = strlen(v->str);
	return v;
}

void
value_push(struct arena *a, struct value *seq, struct value *item)
{
	if (seq->n == seq->cap) {
		size_t cap = seq->cap ? seq->cap * 2 : 4;
		seq->items = arena_grow(a, seq->items, seq->n * sizeof(*seq->items),
		                        cap * sizeof(*seq->items));
		seq->cap = cap;
	}
	seq->items[seq->n++] = item;
}

void
value_put(struct arena *a, struct value *map, const char *key,
          struct value *val)
{
	if (map->n == map->cap) {
		size_t cap = map->cap ? map->cap * 2 : 4;
		map->members = arena_grow(a, map->members,
		                          map->n * sizeof(*map->members),
		                          cap * sizeof(*map->members));
		map->cap = cap;
	}
	struct value_member *m = &map->members[map->n++];
	m->key = arena_strdup(a, key);
	m->line = m->col = 0;
	m->val = val;
}

void
value_put_str(struct arena *a, struct value *map, const char *key,
              const char *s)
{
	value_put(a, map, key, s ? value_new_str(a, s) : value_new(a, VALUE_NULL));
}

void
value_put_int(struct arena *a, struct value *map, const char *key, long n)
{
	value_put(a, map, key, value_new_int(a, n));
}

void
value_put_bool(struct arena *a, struct value *map, const char *key, bool b)
{
	value_put(a, map, key, value_new_bool(a, b));
}

const struct value_member *
value_member(const struct value *map, const char *key)
{
	if (map == NULL || map->kind != VALUE_MAP)
		return NULL;
	for (size_t i = 0; i < map->n; i++)
		if (strcmp(map->members[i].key, key) == 0)
			return &map->members[i];
	return NULL;
}

const struct value *
value_get(const struct value *map, const char *key)
{
	const struct value_member *m = value_member(map, key);
	return m ? m->val : NULL;
}

const struct value *
value_path(const struct value *map, const char *path)
{
	char part[128];
	const struct value *v = map;
	while (v && *path) {
		size_t n = strcspn(path, ".");
		if (n >= sizeof(part))
			return NULL;
		memcpy(part, path, n);
		part[n] = '\0';
		v = value_get(v, part);
		path += n;
		if (*path == '.')
			path++;
	}
	return v;
}

const char *
value_text(const struct value *v)
{
	if (v == NULL || v->kind == VALUE_SEQ || v->kind == VALUE_MAP ||
	    v->kind == VALUE_NULL)
		return NULL;
	return v->str;
}

static bool
is_null_word(const char *s)
{
	return !strcmp(s, "~") || !strcmp(s, "null") || !strcmp(s, "Null") ||
	       !strcmp(s, "NULL") || !*s;
}

static int
bool_word(const char *s)
{
	if (!strcmp(s, "true") || !strcmp(s, "True") || !strcmp(s, "TRUE"))
		return 1;
	if (!strcmp(s, "false") || !strcmp(s, "False") || !strcmp(s, "FALSE"))
		return 0;
	return -1;
}

static bool
number_word(const char *s, double *out)
{
	if (!*s || strspn(s, "0123456789+-.eE") != strlen(s))
		return false;
	char *end;
	errno = 0;
	double d = strtod(s, &end);
	if (*end || errno)
		return false;
	*out = d;
	return true;
}

static void
resolve_scalar(struct value *v)
{
	int b;
	double d;
	if (!v->plain)
		return;
	if (is_null_word(v->str)) {
		v->kind = VALUE_NULL;
	} else if ((b = bool_word(v->str)) >= 0) {
		v->kind = VALUE_BOOL;
		v->b = b;
	} else if (number_word(v->str, &d)) {
		v->kind = VALUE_NUMBER;
		v->num = d;
	}
}

/* Iterative walk with an explicit stack: input trees may be deep. */
void
value_resolve_core(struct value *root)
{
	size_t cap = 64, n = 0;
	struct value **stack = malloc(cap * sizeof(*stack));
	if (!stack)
		abort();
	stack[n++] = root;
	while (n) {
		struct value *v = stack[--n];
		size_t count = v->n;
		if (v->kind == VALUE_STRING) {
			resolve_scalar(v);
			continue;
		}
		if (v->kind != VALUE_SEQ && v->kind != VALUE_MAP)
			continue;
		if (n + count > cap) {
			while (n + count > cap)
				cap *= 2;
			stack = realloc(stack, cap * sizeof(*stack));
			if (!stack)
				abort();
		}
		for (size_t i = 0; i < count; i++)
			stack[n++] = v->kind == VALUE_SEQ ? v->items[i]
			                                  : v->members[i].val;
	}
	free(stack);
}

bool
value_equal(const struct value *a, const struct value *b)
{
	if (a == b)
		return true;
	if (!a || !b || a->kind != b->kind || a->n != b->n)
		return false;
	switch (a->kind) {
	case VALUE_NULL:
		return true;
	case VALUE_BOOL:
		return a->b == b->b;
	case VALUE_NUMBER:
		return a->num == b->num;
	case VALUE_STRING:
		return a->len == b->len && !memcmp(a->str, b->str, a->len);
	case VALUE_SEQ:
		for (size_t i = 0; i < a->n; i++)
			if (!value_equal(a->items[i], b->items[i]))
				return false;
		return true;
	case VALUE_MAP:
		for (size_t i = 0; i < a->n; i++)
			if (strcmp(a->members[i].key, b->members[i].key) ||
			    !value_equal(a->members[i].val, b->members[i].val))
				return false;
		return true;
	}
	return false;
}
