/* The parts of the diff read from the letter models (merged.yaml layout,
 * docs/merged.md): the inspection's own fields, judgements, dates,
 * addressees and signatories. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/value.h"
#include "diff/diff_int.h"

static bool
same_text(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a && b && !strcmp(a, b));
}

static struct value *
str_or_null(struct arena *a, const char *s)
{
	return s ? value_new_str(a, s) : value_new(a, VALUE_NULL);
}

void
diff_each_finding(const struct value *model,
                  void (*fn)(const struct value *finding, void *ctx), void *ctx)
{
	static const char *const groups[] = {"themes", "agencies",
	                                     "judgements"};
	const struct value *kinds = value_get(model, "kinds");
	if (kinds == NULL || kinds->kind != VALUE_MAP)
		return;
	for (size_t k = 0; k < kinds->n; k++) {
		const struct value *kind = kinds->members[k].val;
		for (size_t g = 0; g < 3; g++) {
			const struct value *list = value_get(kind, groups[g]);
			for (size_t i = 0; list && i < list->n; i++) {
				const struct value *f =
				    value_get(list->items[i], "findings");
				for (size_t j = 0; f && j < f->n; j++)
					fn(f->items[j], ctx);
			}
		}
	}
}

/* "field" changed from o to n: appends {field, old, new} to seq. */
static void
field(struct arena *a, struct value *seq, const char *name, const char *o,
      const char *n)
{
	if (same_text(o, n))
		return;
	struct value *v = value_new(a, VALUE_MAP);
	value_put_str(a, v, "field", name);
	value_put(a, v, "old", str_or_null(a, o));
	value_put(a, v, "new", str_or_null(a, n));
	value_push(a, seq, v);
}

/* The key of each item of list joined with ", ". */
static const char *
joined(struct arena *a, const struct value *list, const char *key,
       struct buf *b)
{
	buf_clear(b);
	for (size_t i = 0; list && i < list->n; i++) {
		const char *s = value_text(value_get(list->items[i], key));
		if (i)
			buf_puts(b, ", ");
		buf_puts(b, s ? s : "~");
	}
	return value_text(value_new_str(a, buf_cstr(b)));
}

struct value *
diff_inspection(struct arena *a, const struct value *o, const struct value *n)
{
	static const char *const paths[] = {
	    "framework.id", "area.name",   "area.authority",     "area.code",
	    "theme.id",     "theme.title", "principal_authority"};
	struct value *seq = value_new(a, VALUE_SEQ);
	for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++)
		field(a, seq, paths[i], value_text(value_path(o, paths[i])),
		      value_text(value_path(n, paths[i])));
	struct buf b;
	buf_init(&b);
	static const char *const lists[] = {"inspectorates", "agencies"};
	for (size_t i = 0; i < 2; i++) {
		const char *x = joined(a, value_get(o, lists[i]), "id", &b);
		const char *y = joined(a, value_get(n, lists[i]), "id", &b);
		field(a, seq, lists[i], x, y);
	}
	buf_release(&b);
	return seq;
}

struct value *
diff_dates(struct arena *a, const struct value *o, const struct value *n)
{
	static const char *const paths[][2] = {
	    {"notification", "dates.notification.iso"},
	    {"fieldwork.from", "dates.fieldwork.from.iso"},
	    {"fieldwork.to", "dates.fieldwork.to.iso"},
	    {"letter", "dates.letter.iso"},
	    {"statement_due", "dates.statement_due.iso"}};
	struct value *seq = value_new(a, VALUE_SEQ);
	for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++)
		field(a, seq, paths[i][0],
		      value_text(value_path(o, paths[i][1])),
		      value_text(value_path(n, paths[i][1])));
	return seq;
}

static const struct value *
by_key(const struct value *list, const char *key, const char *want)
{
	for (size_t i = 0; list && i < list->n; i++)
		if (same_text(value_text(value_get(list->items[i], key)), want))
			return list->items[i];
	return NULL;
}

/* A person's fields joined with ", ". */
static const char *
person(struct arena *a, const struct value *p, const char *const *fields,
       struct buf *b)
{
	if (p == NULL)
		return NULL;
	buf_clear(b);
	for (size_t i = 0; fields[i]; i++) {
		const char *s = value_text(value_get(p, fields[i]));
		if (s == NULL)
			continue;
		if (b->len)
			buf_puts(b, ", ");
		buf_puts(b, s);
	}
	return value_text(value_new_str(a, buf_cstr(b)));
}

static void
person_change(struct arena *a, struct value *seq, const char *op,
              const char *name, const char *o, const char *n)
{
	struct value *v = value_new(a, VALUE_MAP);
	value_put_str(a, v, "op", op);
	value_put_str(a, v, "name", name);
	value_put(a, v, "old", str_or_null(a, o));
	value_put(a, v, "new", str_or_null(a, n));
	value_push(a, seq, v);
}

struct value *
diff_people(struct arena *a, const struct value *o, const struct value *n,
            const char *key, const char *const *fields)
{
	struct value *seq = value_new(a, VALUE_SEQ);
	struct buf b;
	buf_init(&b);
	for (size_t i = 0; o && i < o->n; i++) {
		const char *name = value_text(value_get(o->items[i], key));
		const struct value *m = by_key(n, key, name);
		const char *x = person(a, o->items[i], fields, &b);
		const char *y = person(a, m, fields, &b);
		if (name == NULL)
			continue;
		if (m == NULL)
			person_change(a, seq, "removed", name, x, NULL);
		else if (!same_text(x, y))
			person_change(a, seq, "changed", name, x, y);
	}
	for (size_t i = 0; n && i < n->n; i++) {
		const char *name = value_text(value_get(n->items[i], key));
		if (name && by_key(o, key, name) == NULL)
			person_change(a, seq, "added", name, NULL,
			              person(a, n->items[i], fields, &b));
	}
	buf_release(&b);
	return seq;
}

static void
put_grade(struct arena *a, struct value *v, const char *which,
          const struct value *item)
{
	char key[32];
	snprintf(key, sizeof(key), "%s_title", which);
	value_put(a, v, which,
	          str_or_null(a, value_text(value_get(item, "grade"))));
	value_put(a, v, key,
	          str_or_null(a, value_text(value_get(item, "grade_title"))));
}

static const struct value *
item_of(const struct value *items, const char *id)
{
	return by_key(items, "id", id);
}

static bool
same_grade(const struct value *x, const struct value *y)
{
	return same_text(value_text(value_get(x, "grade")),
	                 value_text(value_get(y, "grade")));
}

static void
judgement(struct arena *a, struct value *seq, const struct value *item,
          const struct value *o, const struct value *n)
{
	if (o && n && same_grade(o, n))
		return;
	struct value *v = value_new(a, VALUE_MAP);
	value_put_str(a, v, "id", value_text(value_get(item, "id")));
	value_put(a, v, "title",
	          str_or_null(a, value_text(value_get(item, "title"))));
	put_grade(a, v, "old", o);
	put_grade(a, v, "new", n);
	value_push(a, seq, v);
}

struct value *
diff_judgements(struct arena *a, const struct value *o, const struct value *n)
{
	const struct value *oi = value_path(o, "judgements.items"),
	                   *ni = value_path(n, "judgements.items");
	const struct value *oo = value_path(o, "judgements.overall"),
	                   *no = value_path(n, "judgements.overall");
	struct value *changed = value_new(a, VALUE_SEQ);
	for (size_t i = 0; ni && i < ni->n; i++) {
		const char *id = value_text(value_get(ni->items[i], "id"));
		judgement(a, changed, ni->items[i], item_of(oi, id),
		          ni->items[i]);
	}
	for (size_t i = 0; oi && i < oi->n; i++) {
		const char *id = value_text(value_get(oi->items[i], "id"));
		if (item_of(ni, id) == NULL)
			judgement(a, changed, oi->items[i], oi->items[i], NULL);
	}
	bool overall =
	    !((oo == NULL && no == NULL) || (oo && no && same_grade(oo, no)));
	if (changed->n == 0 && !overall)
		return value_new(a, VALUE_NULL);
	struct value *v = value_new(a, VALUE_MAP);
	value_put(a, v, "changed", changed);
	struct value *ov = value_new(a, VALUE_MAP);
	const struct value *any = no ? no : oo;
	value_put(a, ov, "title",
	          str_or_null(a, value_text(value_get(any, "title"))));
	put_grade(a, ov, "old", oo);
	put_grade(a, ov, "new", no);
	value_put_bool(a, ov, "changed", overall);
	const struct value *lim = value_get(no, "limited");
	value_put_bool(a, ov, "limited",
	               lim && lim->kind == VALUE_BOOL && lim->b);
	value_put(a, ov, "limited_by",
	          str_or_null(a, value_text(value_get(no, "limited_by_text"))));
	value_put(a, v, "overall", ov);
	return v;
}
