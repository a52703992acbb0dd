/* One text through every rule (lint.h). */
#include "qa/lint.h"

#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "qa/text.h"

void
qa_config_init(struct qa_config *c)
{
	memset(c, 0, sizeof(*c));
	c->numbers = QA_NUMBERS_WORDS;
	c->sentence_words = 30;
}

struct qa_hit *
lint_hit_bytes(struct lint *L, enum qa_rule_id r, size_t off, size_t len)
{
	if (L->c->off[r] && !qa_rules[r].personal) {
		memset(&L->scratch, 0, sizeof(L->scratch));
		return &L->scratch;
	}
	struct qa_hits *h = L->out;
	h->v = xgrow(h->v, &h->cap, h->n + 1, sizeof(*h->v));
	struct qa_hit *hit = &h->v[h->n++];
	memset(hit, 0, sizeof(*hit));
	hit->rule = r;
	hit->off = off;
	hit->len = len;
	return hit;
}

struct qa_hit *
lint_hit(struct lint *L, enum qa_rule_id r, size_t a, size_t b)
{
	return lint_hit_bytes(L, r, L->x->t[a].off, tok_extent(L->x, a, b));
}

int
lint_strcmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

bool
lint_known(const struct lint *L, size_t i)
{
	char w[64];
	tok_base(L->x, i, w, sizeof(w)); /* "Northshire's": "northshire" */
	const char *key = w;
	return L->c->nknown && bsearch(&key, L->c->known, L->c->nknown,
	                               sizeof(char *), lint_strcmp) != NULL;
}

static int
compare_hits(const void *a, const void *b)
{
	const struct qa_hit *x = a, *y = b;
	if (x->off != y->off)
		return x->off < y->off ? -1 : 1;
	return (int)x->rule - (int)y->rule;
}

static bool
overlap(const struct qa_hit *a, const struct qa_hit *b)
{
	return a->off < b->off + b->len && b->off < a->off + a->len;
}

/* Keeps, of overlapping hits, the personal-data one over a house-style one
 * (a sentence's length is never hidden), and the first of two of a kind;
 * the same hit twice is kept once. Both lists are sorted, so one sweep. */
static void
keep(const struct qa_hits *raw, struct qa_hits *out)
{
	size_t last_pd = (size_t)-1, last_style = (size_t)-1, last_out = 0;
	size_t pd_end = 0;
	for (size_t i = 0; i < raw->n; i++) {
		const struct qa_hit *h = &raw->v[i];
		bool pd = qa_rules[h->rule].personal;
		if (pd && last_pd != (size_t)-1 &&
		    overlap(h, &raw->v[last_pd])) {
			/* the more specific rule (lower in the table) names it
			 */
			if (h->rule < out->v[last_out].rule)
				out->v[last_out] = *h;
			if (h->off + h->len > pd_end)
				pd_end = h->off + h->len;
			continue;
		}
		if (!pd && last_style != (size_t)-1 &&
		    raw->v[last_style].rule == h->rule &&
		    raw->v[last_style].off == h->off)
			continue;
		if (!pd && h->rule != QA_SENTENCE && h->off < pd_end)
			continue;
		if (!pd && h->rule != QA_SENTENCE) {
			/* a personal-data hit starting inside this one */
			bool hidden = false;
			for (size_t k = i + 1;
			     k < raw->n && raw->v[k].off < h->off + h->len; k++)
				if (qa_rules[raw->v[k].rule].personal) {
					hidden = true;
					break;
				}
			if (hidden)
				continue;
		}
		out->v = xgrow(out->v, &out->cap, out->n + 1, sizeof(*out->v));
		out->v[out->n++] = *h;
		if (pd) {
			last_pd = i;
			last_out = out->n - 1;
			if (h->off + h->len > pd_end)
				pd_end = h->off + h->len;
		} else {
			last_style = i;
		}
	}
}

void
qa_lint(const struct qa_config *c, const char *s, size_t len, unsigned flags,
        const struct qa_unit *units, size_t nunits, struct qa_hits *out)
{
	struct text x;
	struct qa_hits raw = {0};
	text_init(&x, s, len, flags & QA_LETTER);
	struct lint L = {.c = c,
	                 .x = &x,
	                 .flags = flags,
	                 .units = units,
	                 .nunits = nunits,
	                 .out = &raw};
	pd_numbers(&L);
	pd_email(&L);
	pd_birth(&L);
	pd_names(&L);
	style_words(&L);
	style_numbers(&L);
	style_sentences(&L);
	style_marks(&L);
	style_sections(&L, s, len);
	if (flags & QA_FIRST_USE)
		style_first_use(&L);
	if (raw.n > 1)
		qsort(raw.v, raw.n, sizeof(*raw.v), compare_hits);
	keep(&raw, out);
	qa_hits_release(&raw);
	text_release(&x);
}

void
qa_hits_release(struct qa_hits *h)
{
	free(h->v);
	memset(h, 0, sizeof(*h));
}
