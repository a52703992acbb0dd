/* Tokens, their classes (equal text, equal class: one hash table over both
 * sides) and the word diff. */
#include "diff/words.h"

#include <stdint.h>
#include <string.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "core/hash.h"
#include "core/value.h"

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void
push(struct tokens *t, const char *s, size_t n, bool syntax)
{
	if (n == 0)
		return;
	if (t->n == t->cap)
		t->t = xgrow(t->t, &t->cap, t->n + 1, sizeof(*t->t));
	t->t[t->n++] = (struct token){s, n, 0, syntax};
}

static bool
emphasis(char c)
{
	return c == '*' || c == '_' || c == '`';
}

/* Length of the syntax opening word w (n bytes): emphasis and code marks,
 * "![" and "[". */
static size_t
lead_syntax(const char *w, size_t n)
{
	size_t k = 0;
	if (n >= 2 && w[0] == '!' && w[1] == '[')
		return 2;
	if (w[0] == '[')
		return 1;
	while (k < n && emphasis(w[k]) && w[k] == w[0])
		k++;
	return k;
}

/* Length of the emphasis closing word w (n bytes), before any trailing
 * punctuation. */
static size_t
trail_syntax(const char *w, size_t n)
{
	size_t k = 0;
	while (k < n && emphasis(w[n - 1 - k]) && w[n - 1 - k] == w[n - 1])
		k++;
	return k;
}

static bool
table_syntax(const char *w, size_t n)
{
	return strspn(w, "|:-") >= n;
}

static void split_plain(struct tokens *t, const char *w, size_t n);

/* A word into tokens; one with many links ("a](b)c](d)...") in a loop,
 * not by recursion. */
static void
split_word(struct tokens *t, const char *w, size_t n, unsigned flags)
{
	for (;;) {
		if ((flags & WORDS_TABLE) && table_syntax(w, n)) {
			push(t, w, n, true);
			return;
		}
		size_t k;
		while (n > 0 && (k = lead_syntax(w, n)) > 0 && k < n) {
			push(t, w, k, true);
			w += k;
			n -= k;
		}
		if (n > 0 && lead_syntax(w, n) == n) {
			push(t, w, n, true);
			return;
		}
		/* a link's target: "text](url)rest" */
		const char *close = NULL;
		for (size_t i = 0; i + 1 < n; i++)
			if (w[i] == ']' && w[i + 1] == '(') {
				close = w + i;
				break;
			}
		if (close == NULL) {
			split_plain(t, w, n);
			return;
		}
		const char *end = memchr(close, ')', (size_t)(w + n - close));
		size_t tgt =
		    end ? (size_t)(end - close) + 1 : (size_t)(w + n - close);
		split_plain(t, w, (size_t)(close - w));
		push(t, close, tgt, true);
		n = (size_t)(w + n - close) - tgt;
		w = close + tgt;
		if (n == 0)
			return;
	}
}

/* A word with no link target in it. */
static void
split_plain(struct tokens *t, const char *w, size_t n)
{
	if (n == 0)
		return;
	/* trailing punctuation after emphasis: "**word**." */
	size_t p = n;
	while (p > 0 && strchr(".,;:!?)", w[p - 1]) != NULL)
		p--;
	size_t e = p > 0 ? trail_syntax(w, p) : 0;
	if (e == 0 || e == p) {
		push(t, w, n, false);
		return;
	}
	push(t, w, p - e, false);
	push(t, w + p - e, e, true);
	push(t, w + p, n - p, false);
}

void
words_split(const char *s, size_t n, unsigned flags, struct tokens *out)
{
	size_t i = 0;
	while (i < n && is_space(s[i]))
		i++;
	while (i < n) {
		size_t w = i;
		while (i < n && !is_space(s[i]))
			i++;
		size_t before = out->n;
		split_word(out, s + w, i - w, flags);
		size_t ws = i;
		while (i < n && is_space(s[i]))
			i++;
		if (out->n > before)
			out->t[out->n - 1].ws = i - ws;
	}
}

void
tokens_release(struct tokens *t)
{
	free(t->t);
	memset(t, 0, sizeof(*t));
}

/* Classes of equal tokens: an open-addressed table of the first token of
 * each class. */
struct classes {
	const struct token **slot;
	int *id;
	size_t cap;
	int next;
};

static int
class_of(struct classes *c, const struct token *t)
{
	uint64_t h = hash_bytes(HASH_INIT, t->s, t->n);
	size_t i = (size_t)h & (c->cap - 1);
	while (c->slot[i] != NULL) {
		const struct token *u = c->slot[i];
		if (u->n == t->n && memcmp(u->s, t->s, t->n) == 0)
			return c->id[i];
		i = (i + 1) & (c->cap - 1);
	}
	c->slot[i] = t;
	c->id[i] = c->next++;
	return c->id[i];
}

struct seq_chunk *
words_diff(const struct tokens *a, const struct tokens *b, size_t *n)
{
	struct classes c = {NULL, NULL, 16, 0};
	while (c.cap < 2 * (a->n + b->n) + 16)
		c.cap *= 2;
	c.slot = xcalloc(c.cap, sizeof(*c.slot));
	c.id = xcalloc(c.cap, sizeof(*c.id));
	int *ca = xmalloc((a->n + 1) * sizeof(int)),
	    *cb = xmalloc((b->n + 1) * sizeof(int));
	for (size_t i = 0; i < a->n; i++)
		ca[i] = class_of(&c, &a->t[i]);
	for (size_t j = 0; j < b->n; j++)
		cb[j] = class_of(&c, &b->t[j]);
	unsigned char *del = xcalloc(a->n + 1, 1), *ins = xcalloc(b->n + 1, 1);
	seq_diff(ca, a->n, cb, b->n, del, ins);
	struct seq_chunk *v = seq_chunks(del, a->n, ins, b->n, n);
	free(del);
	free(ins);
	free(ca);
	free(cb);
	free(c.slot);
	free(c.id);
	return v;
}

/* The words of tokens [i0, i1) of t: Markdown's syntax left out but for
 * a link's target, unless it is all there is. */
void
words_text(const struct tokens *t, size_t i0, size_t i1, struct buf *out)
{
	for (size_t i = i0; i < i1; i++) {
		const struct token *k = &t->t[i];
		if (k->syntax && !(k->n > 2 && k->s[0] == ']'))
			continue;
		if (out->len)
			buf_putc(out, ' ');
		buf_append(out, k->s, k->n);
	}
	if (out->len > 0)
		return;
	for (size_t i = i0; i < i1; i++) {
		if (i > i0 && t->t[i - 1].ws > 0)
			buf_putc(out, ' ');
		buf_append(out, t->t[i].s, t->t[i].n);
	}
}

static bool
only_syntax(const struct tokens *t, size_t i0, size_t i1)
{
	for (size_t i = i0; i < i1; i++)
		if (!t->t[i].syntax)
			return false;
	return true;
}

static void
put_pair(struct arena *a, struct value *seq, const char *op,
         const struct tokens *t, size_t i0, size_t i1)
{
	struct buf b;
	buf_init(&b);
	words_text(t, i0, i1, &b);
	if (op[0] == '=' && only_syntax(t, i0, i1)) {
		buf_release(&b);
		return;
	}
	struct value *pair = value_new(a, VALUE_SEQ);
	value_push(a, pair, value_new_str(a, op));
	value_push(a, pair, value_new_str(a, buf_cstr(&b)));
	value_push(a, seq, pair);
	buf_release(&b);
}

struct value *
words_pairs(struct arena *ar, const struct tokens *a, const struct tokens *b,
            const struct seq_chunk *chunks, size_t n)
{
	struct value *v = value_new(ar, VALUE_SEQ);
	for (size_t i = 0; i < n; i++) {
		const struct seq_chunk *c = &chunks[i];
		if (c->op == SEQ_DELETE)
			put_pair(ar, v, "-", a, c->a0, c->a1);
		else
			put_pair(ar, v, c->op == SEQ_EQUAL ? "=" : "+", b,
			         c->b0, c->b1);
	}
	return v;
}

struct value *
words_value(struct arena *a, const char *old_text, const char *new_text)
{
	struct tokens ta = {0}, tb = {0};
	if (old_text)
		words_split(old_text, strlen(old_text), 0, &ta);
	if (new_text)
		words_split(new_text, strlen(new_text), 0, &tb);
	size_t n;
	struct seq_chunk *ch = words_diff(&ta, &tb, &n);
	bool changed = false;
	for (size_t i = 0; i < n; i++)
		changed |= ch[i].op != SEQ_EQUAL;
	struct value *v = changed ? words_pairs(a, &ta, &tb, ch, n) : NULL;
	free(ch);
	tokens_release(&ta);
	tokens_release(&tb);
	return v;
}
