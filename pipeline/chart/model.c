/* The merged model, read for charts. */
#include "chart/model.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/diag.h"
#include "core/value.h"

int
model_root(const char *path, const struct value *merged, struct diag_sink *d)
{
	if (merged && merged->kind == VALUE_MAP)
		return 0;
	diag_error(d, path, merged ? merged->line : 0, merged ? merged->col : 0,
	           "the merged model must be a map");
	return -1;
}

static const struct value *
model_get(const char *path, const struct value *map, const char *key,
          const char *what, enum value_kind kind, const char *kind_text,
          struct diag_sink *d)
{
	const struct value *v = value_get(map, key);
	if (v == NULL) {
		diag_error(d, path, map->line, map->col,
		           "'%s' is missing from %s", key, what);
		return NULL;
	}
	if (v->kind != kind) {
		diag_error(d, path, v->line, v->col, "'%s' must be %s", key,
		           kind_text);
		return NULL;
	}
	return v;
}

const struct value *
model_map(const char *path, const struct value *map, const char *key,
          const char *what, struct diag_sink *d)
{
	return model_get(path, map, key, what, VALUE_MAP, "a map", d);
}

const struct value *
model_list(const char *path, const struct value *map, const char *key,
           const char *what, struct diag_sink *d)
{
	return model_get(path, map, key, what, VALUE_SEQ, "a list", d);
}

int
model_count(const char *path, const struct value *map, const char *key,
            const char *whose, long *out, struct diag_sink *d)
{
	const struct value *v = value_get(map, key);
	if (v == NULL) {
		diag_error(d, path, map->line, map->col, "%s has no '%s' count",
		           whose, key);
		return -1;
	}
	const char *text = value_text(v);
	char *end = NULL;
	long n = -1;
	if (text && text[0] >= '0' && text[0] <= '9')
		n = strtol(text, &end, 10);
	if (n < 0 || *end != '\0') {
		diag_error(d, path, v->line, v->col,
		           "'%s' of %s must be a whole number, not '%s'", key,
		           whose, text ? text : "(none)");
		return -1;
	}
	if (n > MODEL_COUNT_MAX) {
		diag_error(d, path, v->line, v->col,
		           "'%s' of %s is too large '%s'", key, whose, text);
		diag_hint(d, "at most %ld", MODEL_COUNT_MAX);
		return -1;
	}
	*out = n;
	return 0;
}

const char *
model_text(const char *path, const struct value *map, const char *key,
           const char *whose, struct diag_sink *d)
{
	const struct value *v = value_get(map, key);
	const char *text = value_text(v);
	if (text == NULL)
		diag_error(d, path, v ? v->line : map->line,
		           v ? v->col : map->col, "%s has no '%s'", whose, key);
	return text;
}

const char *
model_opt(const struct value *map, const char *key)
{
	const char *text = value_text(value_get(map, key));
	return text && *text && strcmp(text, "~") != 0 ? text : NULL;
}

bool
model_true(const struct value *map, const char *key)
{
	const struct value *v = value_get(map, key);
	if (v == NULL)
		return false;
	if (v->kind == VALUE_BOOL)
		return v->b;
	const char *t = value_text(v);
	return t && strcmp(t, "true") == 0;
}

const char *
model_words(struct arena *a, const char *id)
{
	char *t = arena_strdup(a, id);
	for (char *p = t; *p; p++)
		if (*p == '-')
			*p = ' ';
	t[0] = (char)toupper((unsigned char)t[0]);
	return t;
}

const char *
model_area(const struct value *merged)
{
	const char *area = value_text(value_path(merged, "area.name"));
	return area && *area ? area : NULL;
}

int
model_scale(const char *path, const struct value *merged, const char **ids,
            const char **titles, size_t max, size_t *n, struct diag_sink *d)
{
	const struct value *j = value_get(merged, "judgements");
	const struct value *list =
	    j && j->kind == VALUE_MAP ? value_get(j, "scale") : NULL;
	*n = 0;
	if (list == NULL)
		return 0;
	if (list->kind != VALUE_SEQ || list->n == 0 || list->n > max) {
		diag_error(d, path, list->line, list->col,
		           "'judgements.scale' must be a list of 1 to %zu "
		           "grades",
		           max);
		return -1;
	}
	for (size_t i = 0; i < list->n; i++) {
		const struct value *g = list->items[i];
		if (g->kind != VALUE_MAP) {
			diag_error(d, path, g->line, g->col,
			           "each grade of 'judgements.scale' must be a "
			           "map with 'id' and 'title'");
			return -1;
		}
		const char *whose = "a grade of 'judgements.scale'";
		ids[i] = model_text(path, g, "id", whose, d);
		titles[i] = model_text(path, g, "title", whose, d);
		if (ids[i] == NULL || titles[i] == NULL)
			return -1;
	}
	*n = list->n;
	return 1;
}
