/* The letter diff (letter.h). Blocks are aligned by their words (kind and
 * words; white space, prefixes and list numbers aside), with seq.h; in a
 * stretch where blocks differ, each new block is paired with the first
 * old block of its kind ahead that shares at least half its words (a
 * reworded paragraph), looking PAIR_WINDOW blocks ahead at most, and the
 * pair is compared word by word. Unpaired old blocks were removed, new
 * ones added.
 *
 * The redline is the new letter's text with marks (render/redline.h):
 * unchanged blocks as they are; an added block with its words marked
 * inserted; a removed block, as the old letter had it, with its words
 * marked deleted, where it stood; a paired block with the old words that
 * went marked deleted and the new marked inserted. Markdown's syntax
 * tokens (words.h) are never inside a mark: a deleted one is left out, an
 * inserted one written as it is, so the structure is always the new
 * letter's. Images (charts) are never marked. */
#include "diff/letter.h"

#include <stdbool.h>
#include <string.h>

#include "core/alloc.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/hash.h"
#include "core/value.h"
#include "diff/seq.h"
#include "diff/words.h"
#include "render/redline.h"

#define PAIR_WINDOW 16

struct side {
	struct md_doc doc;
	struct tokens *tok; /* each block's words */
};

struct ldiff {
	struct arena *a;
	struct side old, new;
	struct buf *out;        /* the redline, or NULL */
	struct value *sections; /* the report */
	struct value *cur;      /* the changes of the last section */
	const char *section;    /* the current section's heading, or NULL */
};

static unsigned
words_flags(const struct md_block *b)
{
	return b->kind == MD_ROW ? WORDS_TABLE : 0;
}

static void
side_init(struct arena *a, struct side *s, const char *md, size_t len)
{
	letter_split(a, md, len, &s->doc);
	s->tok = xcalloc(s->doc.n + 1, sizeof(*s->tok));
	for (size_t i = 0; i < s->doc.n; i++) {
		const struct md_block *b = &s->doc.b[i];
		words_split(b->body, b->nbody, words_flags(b), &s->tok[i]);
	}
}

static void
side_release(struct side *s)
{
	for (size_t i = 0; i < s->doc.n; i++)
		tokens_release(&s->tok[i]);
	free(s->tok);
}

/* A block's class: its kind and words. */
static uint64_t
block_hash(const struct side *s, size_t i)
{
	const struct md_block *b = &s->doc.b[i];
	uint64_t h = hash_bytes(HASH_INIT, &b->kind, sizeof(b->kind));
	if (b->kind == MD_FENCE || b->kind == MD_RULE)
		return hash_bytes(h, b->prefix, b->nprefix);
	for (size_t k = 0; k < s->tok[i].n; k++) {
		const struct token *t = &s->tok[i].t[k];
		h = hash_bytes(h, t->s, t->n);
		h = hash_bytes(h, "", 1);
	}
	return h;
}

static bool
same_block(const struct side *a, size_t i, const struct side *b, size_t j)
{
	const struct md_block *x = &a->doc.b[i], *y = &b->doc.b[j];
	if (x->kind != y->kind)
		return false;
	if (x->kind == MD_FENCE || x->kind == MD_RULE)
		return x->nprefix == y->nprefix &&
		       !memcmp(x->prefix, y->prefix, x->nprefix);
	const struct tokens *ta = &a->tok[i], *tb = &b->tok[j];
	if (ta->n != tb->n)
		return false;
	for (size_t k = 0; k < ta->n; k++)
		if (ta->t[k].n != tb->t[k].n ||
		    memcmp(ta->t[k].s, tb->t[k].s, ta->t[k].n))
			return false;
	return true;
}

/* Classes of the blocks of both sides: equal blocks, equal classes. */
static void
block_classes(const struct ldiff *L, int *ca, int *cb)
{
	size_t na = L->old.doc.n, nb = L->new.doc.n, cap = 16;
	while (cap < 2 * (na + nb) + 16)
		cap *= 2;
	struct slot {
		const struct side *s;
		size_t i;
		int id;
		bool used;
	} *slot = xcalloc(cap, sizeof(*slot));
	int next = 0;
	for (size_t k = 0; k < na + nb; k++) {
		const struct side *s = k < na ? &L->old : &L->new;
		size_t i = k < na ? k : k - na;
		size_t h = (size_t)block_hash(s, i) & (cap - 1);
		while (slot[h].used && !same_block(slot[h].s, slot[h].i, s, i))
			h = (h + 1) & (cap - 1);
		if (!slot[h].used)
			slot[h] = (struct slot){s, i, next++, true};
		(k < na ? ca : cb)[i] = slot[h].id;
	}
	free(slot);
}

/* Appends s (n bytes) to out without any redline marker. */
static void
put_clean(struct buf *out, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		size_t len;
		if (redline_marker(s + i, n - i, &len) >= 0) {
			i += len;
			continue;
		}
		size_t k = i + 1;
		while (k < n && (unsigned char)s[k] != 0xEE)
			k++;
		buf_append(out, s + i, k - i);
		i = k;
	}
}

static bool
ends_blank(const struct buf *b)
{
	if (b->len == 0)
		return true;
	char c = b->data[b->len - 1];
	return c == ' ' || c == '\n' || c == '\t';
}

/* Tokens [i0, i1) of t, each run of words inside the marker open (none
 * when NULL); syntax tokens left out when skip_syntax, else written
 * unmarked. White space is the text's own, or one space when
 * skip_syntax; none after the last token. */
static void
put_tokens(struct buf *out, const struct tokens *t, size_t i0, size_t i1,
           const char *open, bool skip_syntax)
{
	bool in = false;
	for (size_t i = i0; i < i1; i++) {
		const struct token *k = &t->t[i];
		if (k->syntax && skip_syntax)
			continue;
		if (k->syntax) {
			if (in)
				buf_puts(out, REDLINE_END);
			in = false;
			put_clean(out, k->s, k->n);
		} else {
			if (!in && open)
				buf_puts(out, open);
			in = open != NULL;
			put_clean(out, k->s, k->n);
		}
		size_t j = i + 1;
		while (skip_syntax && j < i1 && t->t[j].syntax)
			j++;
		if (j >= i1)
			break;
		bool joined = in && !t->t[j].syntax;
		if (in && !joined) {
			buf_puts(out, REDLINE_END);
			in = false;
		}
		if (skip_syntax)
			buf_putc(out, ' ');
		else
			buf_append(out, k->s + k->n, k->ws);
	}
	if (in)
		buf_puts(out, REDLINE_END);
}

/* The white space after token i1 - 1 of t (the end of a chunk). */
static void
put_ws_after(struct buf *out, const struct tokens *t, size_t i1)
{
	if (i1 > 0)
		buf_append(out, t->t[i1 - 1].s + t->t[i1 - 1].n,
		           t->t[i1 - 1].ws);
}

static void
put_head(struct buf *out, const struct md_block *b)
{
	buf_append(out, b->sep, b->nsep);
	buf_append(out, b->prefix, b->nprefix);
}

static bool
structure_only(const struct md_block *b)
{
	return b->kind == MD_FENCE || b->kind == MD_RULE || b->kind == MD_IMAGE;
}

/* Block b of side s whole, its words marked with open (or not). */
static void
put_block(struct ldiff *L, const struct side *s, size_t i, const char *open)
{
	const struct md_block *b = &s->doc.b[i];
	if (L->out == NULL)
		return;
	put_head(L->out, b);
	if (open == NULL || structure_only(b))
		put_clean(L->out, b->body, b->nbody);
	else
		put_tokens(L->out, &s->tok[i], 0, s->tok[i].n, open, false);
}

static void
put_pair(struct ldiff *L, size_t i, size_t j, const struct seq_chunk *ch,
         size_t n)
{
	const struct tokens *ta = &L->old.tok[i], *tb = &L->new.tok[j];
	struct buf *out = L->out;
	if (out == NULL)
		return;
	put_head(out, &L->new.doc.b[j]);
	if (structure_only(&L->new.doc.b[j])) {
		put_clean(out, L->new.doc.b[j].body, L->new.doc.b[j].nbody);
		return;
	}
	size_t start = out->len;
	bool glued = true; /* the last token written is syntax, or none */
	for (size_t k = 0; k < n; k++) {
		const struct seq_chunk *c = &ch[k];
		if (c->op == SEQ_DELETE) {
			/* spaced from words, never from syntax: "**" then a
			 * space would no longer open emphasis */
			size_t mark = out->len;
			if (out->len > start && !ends_blank(out) && !glued)
				buf_putc(out, ' ');
			size_t before = out->len;
			put_tokens(out, ta, c->a0, c->a1, REDLINE_DEL, true);
			bool next_syntax = k + 1 < n &&
			                   ch[k + 1].op != SEQ_DELETE &&
			                   tb->t[ch[k + 1].b0].syntax;
			if (out->len == before)
				out->len = mark; /* only syntax went */
			else if (k + 1 < n && !next_syntax)
				buf_putc(out, ' ');
			if (out->data)
				out->data[out->len] = '\0';
			continue;
		}
		put_tokens(out, tb, c->b0, c->b1,
		           c->op == SEQ_INSERT ? REDLINE_INS : NULL, false);
		put_ws_after(out, tb, c->b1);
		glued = tb->t[c->b1 - 1].syntax && tb->t[c->b1 - 1].ws == 0;
	}
}

/* The report. */

static void
note(struct ldiff *L, struct value *change)
{
	if (L->cur == NULL) {
		struct value *sec = value_new(L->a, VALUE_MAP);
		value_put(L->a, sec, "section",
		          L->section ? value_new_str(L->a, L->section)
		                     : value_new(L->a, VALUE_NULL));
		L->cur = value_new(L->a, VALUE_SEQ);
		value_put(L->a, sec, "changes", L->cur);
		value_push(L->a, L->sections, sec);
	}
	value_push(L->a, L->cur, change);
}

static void
enter_section(struct ldiff *L, const struct md_block *b)
{
	if (b->kind != MD_HEADING)
		return;
	L->section = b->heading;
	L->cur = NULL;
}

static void
note_whole(struct ldiff *L, const struct side *s, size_t i, const char *op)
{
	const struct md_block *b = &s->doc.b[i];
	struct value *c = value_new(L->a, VALUE_MAP);
	struct buf t;
	buf_init(&t);
	value_put_str(L->a, c, "op", op);
	value_put_str(L->a, c, "kind", md_kind_name(b->kind));
	if (structure_only(b) && b->kind != MD_IMAGE)
		put_clean(&t, b->prefix, b->nprefix);
	else
		words_text(&s->tok[i], 0, s->tok[i].n, &t);
	value_put_str(L->a, c, "text", buf_cstr(&t));
	buf_release(&t);
	note(L, c);
}

static void
added(struct ldiff *L, size_t j)
{
	enter_section(L, &L->new.doc.b[j]);
	note_whole(L, &L->new, j, "added");
	put_block(L, &L->new, j, REDLINE_INS);
}

static void
removed(struct ldiff *L, size_t i)
{
	note_whole(L, &L->old, i, "removed");
	put_block(L, &L->old, i, REDLINE_DEL);
}

/* Words the two token lists share, as a share of both: 0 to 1. */
static double
likeness(const struct seq_chunk *ch, size_t n, size_t na, size_t nb)
{
	size_t same = 0;
	for (size_t k = 0; k < n; k++)
		if (ch[k].op == SEQ_EQUAL)
			same += ch[k].a1 - ch[k].a0;
	return na + nb ? 2.0 * (double)same / (double)(na + nb) : 1;
}

static void
changed(struct ldiff *L, size_t i, size_t j, const struct seq_chunk *ch,
        size_t n)
{
	enter_section(L, &L->new.doc.b[j]);
	struct value *c = value_new(L->a, VALUE_MAP);
	value_put_str(L->a, c, "op", "changed");
	value_put_str(L->a, c, "kind", md_kind_name(L->new.doc.b[j].kind));
	value_put(L->a, c, "words",
	          words_pairs(L->a, &L->old.tok[i], &L->new.tok[j], ch, n));
	note(L, c);
	put_pair(L, i, j, ch, n);
}

/* The first old block in [i0, i1), PAIR_WINDOW at most, of new block j's
 * kind sharing at least half its words: its index and word diff, or i1. */
static size_t
pair_of(const struct ldiff *L, size_t i0, size_t i1, size_t j,
        struct seq_chunk **best, size_t *n)
{
	const struct md_block *nb = &L->new.doc.b[j];
	for (size_t i = i0; i < i1 && i < i0 + PAIR_WINDOW; i++) {
		if (L->old.doc.b[i].kind != nb->kind || structure_only(nb))
			continue;
		size_t m;
		struct seq_chunk *ch =
		    words_diff(&L->old.tok[i], &L->new.tok[j], &m);
		if (likeness(ch, m, L->old.tok[i].n, L->new.tok[j].n) >= 0.5) {
			*best = ch;
			*n = m;
			return i;
		}
		free(ch);
	}
	return i1;
}

/* A stretch of old blocks [a0, a1) replaced by new blocks [b0, b1): the
 * pairs in order, and before each pair (and at the end) the old blocks
 * removed, then the new ones added. */
static void
replace(struct ldiff *L, size_t a0, size_t a1, size_t b0, size_t b1)
{
	size_t next = a0, added_to = b0;
	for (size_t j = b0; j < b1; j++) {
		struct seq_chunk *best = NULL;
		size_t n = 0, found = pair_of(L, next, a1, j, &best, &n);
		if (found == a1)
			continue;
		for (; next < found; next++)
			removed(L, next);
		for (; added_to < j; added_to++)
			added(L, added_to);
		changed(L, found, j, best, n);
		free(best);
		next = found + 1;
		added_to = j + 1;
	}
	for (; next < a1; next++)
		removed(L, next);
	for (; added_to < b1; added_to++)
		added(L, added_to);
}

struct value *
letter_diff(struct arena *a, const char *old_md, size_t old_len,
            const char *new_md, size_t new_len, struct buf *redline)
{
	struct ldiff L = {.a = a, .out = redline};
	struct buf clean[2];
	L.sections = value_new(a, VALUE_SEQ);
	/* no text may hold a mark of its own: the redline's are the only ones
	 */
	buf_init(&clean[0]);
	buf_init(&clean[1]);
	put_clean(&clean[0], old_md, old_len);
	put_clean(&clean[1], new_md, new_len);
	old_md = buf_cstr(&clean[0]);
	new_md = buf_cstr(&clean[1]);
	side_init(a, &L.old, old_md, clean[0].len);
	side_init(a, &L.new, new_md, clean[1].len);
	size_t na = L.old.doc.n, nb = L.new.doc.n;
	int *ca = xmalloc((na + 1) * sizeof(int)),
	    *cb = xmalloc((nb + 1) * sizeof(int));
	block_classes(&L, ca, cb);
	unsigned char *del = xcalloc(na + 1, 1), *ins = xcalloc(nb + 1, 1);
	seq_diff(ca, na, cb, nb, del, ins);
	size_t n;
	struct seq_chunk *ch = seq_chunks(del, na, ins, nb, &n);
	if (redline)
		buf_append(redline, new_md, L.new.doc.front);
	for (size_t k = 0; k < n; k++) {
		const struct seq_chunk *c = &ch[k];
		if (c->op == SEQ_EQUAL) {
			for (size_t j = c->b0; j < c->b1; j++) {
				enter_section(&L, &L.new.doc.b[j]);
				put_block(&L, &L.new, j, NULL);
			}
		} else if (c->op == SEQ_DELETE && k + 1 < n &&
		           ch[k + 1].op == SEQ_INSERT) {
			replace(&L, c->a0, c->a1, ch[k + 1].b0, ch[k + 1].b1);
			k++;
		} else if (c->op == SEQ_DELETE) {
			replace(&L, c->a0, c->a1, c->b0, c->b0);
		} else {
			replace(&L, c->a0, c->a0, c->b0, c->b1);
		}
	}
	if (redline)
		buf_append(redline, new_md + L.new.doc.end,
		           clean[1].len - L.new.doc.end);
	free(ch);
	free(del);
	free(ins);
	free(ca);
	free(cb);
	side_release(&L.old);
	side_release(&L.new);
	buf_release(&clean[0]);
	buf_release(&clean[1]);
	return L.sections;
}
