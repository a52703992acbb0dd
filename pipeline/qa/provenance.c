/* Where each text of the inspection landed in the drafted letter. The
 * template engine knows nothing of provenance, and need not: a copy of the
 * letter model has each string that is a source's text wrapped in marks
 * (0x01 index 0x02 ... 0x03, bytes YAML text never holds), the copy is
 * drafted, and the marks are taken out again, recording each span. The
 * result is checked against an unmarked draft, byte for byte; should they
 * differ (a template that turned a marked value into a partial's name, say)
 * the letter is used without spans, and nothing is lost but precision. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/arena.h"
#include "core/diag.h"
#include "core/value.h"
#include "draft/draft.h"
#include "ingest/schema.h"
#include "qa/gate.h"
#include "qa/strset.h"

struct marker {
	struct arena *a;
	struct strset texts; /* source text -> its index */
	bool controls;       /* a string of the model holds a mark's byte */
};

static bool
has_marks(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] >= 0x01 && s[i] <= 0x03)
			return true;
	return false;
}

static struct value *
copy(struct marker *m, const struct value *v)
{
	struct value *c = value_new(m->a, v->kind);
	c->line = v->line;
	c->col = v->col;
	c->plain = v->plain;
	c->b = v->b;
	c->num = v->num;
	if (v->kind == VALUE_SEQ) {
		for (size_t i = 0; i < v->n; i++)
			value_push(m->a, c, copy(m, v->items[i]));
	} else if (v->kind == VALUE_MAP) {
		for (size_t i = 0; i < v->n; i++)
			value_put(m->a, c, v->members[i].key,
			          copy(m, v->members[i].val));
	} else if (v->str) {
		struct strslot *sl =
		    strset_get(&m->texts, v->str, v->len, false, 0);
		m->controls |= has_marks(v->str, v->len);
		bool id = schema_is_id(v->str) || v->len == 0;
		/* the model outlives its marked copy: an id is shared */
		c->str = id ? v->str
		            : arena_printf(m->a, "\x01%zu\x02%s\x03",
		                           sl ? sl->val : (size_t)SPAN_VALUE,
		                           v->str);
		c->len = strlen(c->str);
	}
	return c;
}

static void
add_span(struct drafted *l, size_t off, size_t source)
{
	l->spans = xgrow(l->spans, &l->cap, l->nspans + 1, sizeof(*l->spans));
	l->spans[l->nspans].off = off;
	l->spans[l->nspans].len = l->text.len - off;
	l->spans[l->nspans].source = source;
	l->nspans++;
}

/* Takes the marks out of raw into l->text, recording spans; -1 when they
 * do not pair up. */
static int
unmark(const struct buf *raw, struct drafted *l)
{
	const char *s = buf_cstr(raw);
	size_t i = 0, open = 0, source = 0;
	bool inside = false;
	while (i < raw->len) {
		size_t k = i;
		while (k < raw->len && (s[k] < 0x01 || s[k] > 0x03))
			k++;
		buf_append(&l->text, s + i, k - i);
		if (k == raw->len)
			break;
		if (s[k] == 0x01 && !inside) {
			char *end;
			source = strtoul(s + k + 1, &end, 10);
			if (*end != 0x02)
				return -1;
			open = l->text.len;
			inside = true;
			i = (size_t)(end - s) + 1;
		} else if (s[k] == 0x03 && inside) {
			add_span(l, open, source);
			inside = false;
			i = k + 1;
		} else {
			return -1;
		}
	}
	return inside ? -1 : 0;
}

int
qa_draft(const struct value *model, const char *templates_dir,
         const char *const *sources, const size_t *lens, size_t n,
         struct drafted *out, struct diag_sink *d)
{
	struct marker m = {arena_new(), {0}, false};
	struct buf raw, plain;
	buf_init(&raw);
	buf_init(&plain);
	memset(out, 0, sizeof(*out));
	buf_init(&out->text);
	int rc = -1;
	for (size_t i = 0; i < n; i++)
		if (lens[i] && !has_marks(sources[i], lens[i]))
			strset_get(&m.texts, sources[i], lens[i], true, i);
	struct value *marked = copy(&m, model);
	struct diag_sink quiet;
	diag_init(&quiet);
	if (draft_run(model, templates_dir, &plain, NULL, d) < 0)
		goto out;
	rc = 0;
	if (!m.controls &&
	    draft_run(marked, templates_dir, &raw, NULL, &quiet) == 0 &&
	    unmark(&raw, out) == 0 && out->text.len == plain.len &&
	    !memcmp(buf_cstr(&out->text), buf_cstr(&plain), plain.len))
		goto out;
	/* no provenance: the letter as drafted, without spans */
	buf_release(&out->text);
	out->text = plain;
	buf_init(&plain);
	out->nspans = 0;
out:
	diag_release(&quiet);
	buf_release(&raw);
	buf_release(&plain);
	strset_release(&m.texts);
	arena_free(m.a);
	return rc;
}

void
drafted_release(struct drafted *l)
{
	buf_release(&l->text);
	free(l->spans);
	memset(l, 0, sizeof(*l));
}
