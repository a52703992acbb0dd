#include "ingest/schema.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/strv.h"
#include "core/value.h"

struct pos
schema_pos(const struct reader *r, const struct value *v)
{
	struct pos p = {r->path, v ? v->line : 1, v ? v->col : 1};
	return p;
}

void
schema_error(struct reader *r, const struct value *v, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_add(r->d, DIAG_ERROR, r->path, v ? v->line : 1, v ? v->col : 1,
	         fmt, ap);
	va_end(ap);
	r->failed = true;
}

static const char *
kind_name(const struct value *v)
{
	switch (v->kind) {
	case VALUE_MAP: return "a map";
	case VALUE_SEQ: return "a list";
	case VALUE_NULL: return "empty";
	default: return v->plain && v->len == 0 ? "empty" : "text";
	}
}

void
schema_unknown(struct reader *r, const struct value *v, const char *what,
               const char *word, const char *const *candidates, size_t n)
{
	schema_error(r, v, "unknown %s '%s'", what, word);
	schema_hint_nearest(r->d, word, candidates, n);
}

bool
schema_hint_nearest(struct diag_sink *d, const char *word,
                    const char *const *candidates, size_t n)
{
	const char *near = diag_nearest(word, candidates, n);
	if (near) {
		diag_hint(d, "did you mean '%s'?", near);
		return true;
	}
	if (n == 0)
		return false;
	struct buf list;
	buf_init(&list);
	for (size_t i = 0; i < n && i < 12; i++)
		buf_printf(&list, "%s'%s'", i ? ", " : "", candidates[i]);
	if (n > 12)
		buf_puts(&list, ", ...");
	diag_hint(d, "expected one of %s", buf_cstr(&list));
	buf_release(&list);
	return true;
}

static size_t
count(const char *const *list)
{
	size_t n = 0;
	while (list && list[n])
		n++;
	return n;
}

/* Whether an unknown key of v is a misspelling of key: its error already
 * says so, and a second "missing" error would only repeat it. */
static bool
misspelt(const struct value *v, const char *key, const char *const *keys,
         size_t nkeys)
{
	for (size_t i = 0; i < v->n; i++) {
		const char *k = v->members[i].key;
		if (strv_has(keys, nkeys, k))
			continue;
		const char *near = diag_nearest(k, keys, nkeys);
		if (near && !strcmp(near, key))
			return true;
	}
	return false;
}

int
schema_map(struct reader *r, const struct value *v, const char *what,
           const char *const *keys, const char *const *required)
{
	if (v == NULL || v->kind != VALUE_MAP) {
		schema_error(r, v, "%s must be a map of keys, not %s", what,
		             v ? kind_name(v) : "empty");
		return -1;
	}
	int rc = 0;
	size_t nkeys = count(keys);
	for (size_t i = 0; i < v->n; i++) {
		const struct value_member *m = &v->members[i];
		if (!strv_has(keys, nkeys, m->key)) {
			struct value at = {.line = m->line, .col = m->col};
			schema_unknown(r, &at, "key", m->key, keys, nkeys);
			rc = -1;
		}
	}
	for (size_t k = 0; required && required[k]; k++) {
		if (value_get(v, required[k]) == NULL &&
		    !misspelt(v, required[k], keys, nkeys)) {
			schema_error(r, v, "%s is missing the required key '%s'",
			             what, required[k]);
			rc = -1;
		}
	}
	return rc;
}

int
schema_seq(struct reader *r, const struct value *v, const char *what)
{
	if (v == NULL || v->kind != VALUE_SEQ) {
		schema_error(r, v, "%s must be a list, not %s", what,
		             v ? kind_name(v) : "empty");
		return -1;
	}
	return 0;
}

static const struct value *
scalar(struct reader *r, const struct value *map, const char *key)
{
	const struct value *v = value_get(map, key);
	if (v == NULL)
		return NULL;
	if (v->kind != VALUE_STRING) {
		schema_error(r, v, "'%s' must be text, not %s", key,
		             kind_name(v));
		return NULL;
	}
	return v;
}

/* Whether a scalar's text is only spaces, tabs and line breaks. */
static bool
blank(const struct value *v)
{
	size_t i = 0;
	while (i < v->len && strchr(" \t\n", v->str[i]))
		i++;
	return i == v->len;
}

/* What YAML's core schema makes of a plain scalar that is not text: "a
 * number", "true or false", "a date" or "empty"; NULL when it is text. A
 * writer who means text there puts it in quotes. */
static const char *
plain_type(const struct value *v)
{
	static const char *const nulls[] = {"~", "null", "Null", "NULL"};
	static const char *const bools[] = {"true",  "True",  "TRUE",
	                                    "false", "False", "FALSE"};
	if (!v->plain)
		return NULL;
	if (strv_has(nulls, sizeof(nulls) / sizeof(*nulls), v->str))
		return "empty";
	if (strv_has(bools, sizeof(bools) / sizeof(*bools), v->str))
		return "true or false";
	struct date dt;
	if (date_parse(v->str, &dt) == 0)
		return "a date";
	char *end;
	const char *s = v->str;
	if (*s == '+' || *s == '-')
		s++;
	if ((*s >= '0' && *s <= '9') || (*s == '.' && s[1] >= '0' && s[1] <= '9')) {
		(void)strtod(v->str, &end);
		if (*end == '\0')
			return "a number";
	}
	return NULL;
}

const char *
schema_text(struct reader *r, const struct value *map, const char *key)
{
	const struct value *v = scalar(r, map, key);
	if (v == NULL)
		return NULL;
	const char *type = plain_type(v);
	if (type && strcmp(type, "empty")) {
		schema_error(r, v, "'%s' must be text, not %s", key, type);
		diag_hint(r->d, "put it in quotes if it is meant as text: "
		                "'%s: \"%s\"'", key, v->str);
		return NULL;
	}
	if (type) {
		schema_error(r, v, "'%s' must not be empty", key);
		return NULL;
	}
	if (blank(v)) {
		schema_error(r, v, "'%s' must not be empty", key);
		return NULL;
	}
	if (strlen(v->str) != v->len) {
		schema_error(r, v, "'%s' contains a NUL character", key);
		return NULL;
	}
	return v->str;
}

bool
schema_is_id(const char *s)
{
	if (!*s || *s == '-')
		return false;
	for (const char *p = s; *p; p++) {
		bool ok = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		          (*p == '-' && p[1] != '-' && p[1] != '\0');
		if (!ok)
			return false;
	}
	return true;
}

/* label names the value in the message: "'kind'", or "the grade of
 * 'looked-after'" for a map of ids to ids. */
static const char *
check_id_as(struct reader *r, const struct value *v, const char *label)
{
	if (!schema_is_id(v->str)) {
		schema_error(r, v, "%s is not an identifier: '%s'", label, v->str);
		char *lower = arena_strdup(r->a, v->str);
		for (char *p = lower; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p - 'A' + 'a');
		if (schema_is_id(lower))
			diag_hint(r->d, "identifiers are lower case: '%s'", lower);
		else
			diag_hint(r->d, "use lower-case letters and digits in "
			                "words joined by '-'");
		return NULL;
	}
	return v->str;
}

static const char *
check_id(struct reader *r, const struct value *v, const char *key)
{
	char label[128];
	snprintf(label, sizeof(label), "'%s'", key);
	return check_id_as(r, v, label);
}

const char *
schema_id(struct reader *r, const struct value *map, const char *key)
{
	const struct value *v = scalar(r, map, key);
	return v ? check_id(r, v, key) : NULL;
}

const char *
schema_id_of(struct reader *r, const struct value *map, const char *key,
             const char *what)
{
	const struct value *v = value_get(map, key);
	if (v == NULL)
		return NULL;
	char label[160];
	snprintf(label, sizeof(label), "the %s of '%s'", what, key);
	if (v->kind != VALUE_STRING) {
		schema_error(r, v, "%s must be an identifier, not %s", label,
		             kind_name(v));
		return NULL;
	}
	return check_id_as(r, v, label);
}

/* The list at map.key, or NULL: absent (no error) or not a list (error). */
static const struct value *
list_of(struct reader *r, const struct value *map, const char *key)
{
	const struct value *v = value_get(map, key);
	if (v == NULL || v->kind == VALUE_SEQ)
		return v;
	schema_error(r, v, "'%s' must be a list, not %s", key, kind_name(v));
	diag_hint(r->d, "write [%s]", v->str ? v->str : "...");
	return NULL;
}

const char **
schema_ids(struct reader *r, const struct value *map, const char *key,
           size_t *n)
{
	*n = 0;
	const struct value *v = list_of(r, map, key);
	if (v == NULL)
		return NULL;
	const char **ids = arena_alloc(r->a, (v->n + 1) * sizeof(*ids));
	for (size_t i = 0; i < v->n; i++) {
		const struct value *it = v->items[i];
		if (it->kind != VALUE_STRING) {
			schema_error(r, it, "'%s' must list identifiers, not %s",
			             key, kind_name(it));
			return NULL;
		}
		if (!check_id(r, it, key))
			return NULL;
		ids[(*n)++] = it->str;
	}
	return ids;
}

const char **
schema_texts(struct reader *r, const struct value *map, const char *key,
             size_t *n)
{
	*n = 0;
	const struct value *v = list_of(r, map, key);
	if (v == NULL)
		return NULL;
	const char **texts = arena_alloc(r->a, (v->n + 1) * sizeof(*texts));
	for (size_t i = 0; i < v->n; i++) {
		const struct value *it = v->items[i];
		if (it->kind != VALUE_STRING) {
			schema_error(r, it, "'%s' must list text, not %s", key,
			             kind_name(it));
			return NULL;
		}
		if (blank(it)) {
			schema_error(r, it, "'%s' must not list empty text", key);
			return NULL;
		}
		texts[(*n)++] = it->str;
	}
	return texts;
}

int
schema_date(struct reader *r, const struct value *map, const char *key,
            struct date *out)
{
	const struct value *v = scalar(r, map, key);
	if (v == NULL)
		return value_get(map, key) ? -1 : 0;
	if (date_parse(v->str, out) < 0) {
		schema_error(r, v, "'%s' is not a date: '%s'", key, v->str);
		diag_hint(r->d, "write dates as YYYY-MM-DD, for example 2026-03-16");
		return -1;
	}
	return 1;
}

int
schema_bool(struct reader *r, const struct value *map, const char *key,
            bool *out)
{
	const struct value *v = scalar(r, map, key);
	if (v == NULL)
		return value_get(map, key) ? -1 : 0;
	if (!strcmp(v->str, "true") || !strcmp(v->str, "false")) {
		*out = v->str[0] == 't';
		return 1;
	}
	schema_error(r, v, "'%s' must be true or false, not '%s'", key, v->str);
	return -1;
}

int
schema_int(struct reader *r, const struct value *map, const char *key,
           int *out)
{
	const struct value *v = scalar(r, map, key);
	if (v == NULL)
		return value_get(map, key) ? -1 : 0;
	char *end;
	long n = strtol(v->str, &end, 10);
	if (*end || end == v->str || n < 0 || n > 100000) {
		schema_error(r, v, "'%s' must be a whole number, not '%s'", key,
		             v->str);
		return -1;
	}
	*out = (int)n;
	return 1;
}

bool
schema_waiver(struct reader *r, const struct value *v, struct waiver *w)
{
	static const char *const keys[] = {"rule", "match", "reason", NULL};
	if (schema_map(r, v, "a waiver", keys, keys) < 0)
		return false;
	w->rule = schema_id(r, v, "rule");
	w->match = schema_text(r, v, "match");
	w->reason = schema_text(r, v, "reason");
	w->pos = schema_pos(r, v);
	w->src = v;
	return w->rule && w->match && w->reason;
}
