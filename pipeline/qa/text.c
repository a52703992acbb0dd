/* Prose as tokens and sentences (text.h). Markdown is read only as far as
 * the checks need: block starts (blank lines, list items, headings, table
 * rows, fenced blocks), backslash escapes, link targets and bare URLs
 * (skipped, but an address after "mailto:" is kept), and the letter's
 * front matter (its keys skipped, its values kept). */
#include "qa/text.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "core/alloc.h"
#include "core/utf8.h"

struct lexer {
	struct text *x;
	/* for the next token: TF_SPACE, TF_NEWLINE, TF_BLOCK */
	unsigned pending;
	/* for every token of this line: TF_HEADING, TF_FRONT, TF_TABLE */
	unsigned line;
};

static bool
is_space(unsigned cp)
{
	return cp == ' ' || cp == '\t' || cp == '\r' || cp == 0xA0 ||
	       (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F ||
	       cp == 0x3000 || cp == 0xFEFF;
}

static bool
is_letter(unsigned cp)
{
	if (cp < 0x80)
		return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
	if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7 || cp == UTF8_REPLACEMENT)
		return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
	return !(cp >= 0x2000 && cp <= 0x2BFF) &&
	       !(cp >= 0x3000 && cp <= 0x303F) &&
	       !(cp >= 0xFE00 && cp <= 0xFE0F) && cp < 0x1F000;
}

static bool
is_upper(unsigned cp)
{
	return (cp >= 'A' && cp <= 'Z') ||
	       (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7);
}

static bool
is_lower(unsigned cp)
{
	return (cp >= 'a' && cp <= 'z') ||
	       (cp >= 0xDF && cp <= 0xFF && cp != 0xF7);
}

static unsigned
cp_at(const struct text *x, size_t i, size_t *n)
{
	unsigned cp;
	size_t k = utf8_decode(x->s + i, x->len - i, &cp);
	if (n)
		*n = k;
	return cp;
}

/* FNV-1a over s (n bytes) with A-Z read as a-z. */
static unsigned
fold_hash(const char *s, size_t n)
{
	unsigned h = 2166136261u;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		h = (h ^ (c >= 'A' && c <= 'Z' ? c + 32u : c)) * 16777619u;
	}
	return h;
}

static void
push(struct lexer *lx, enum tok_type type, size_t off, size_t len, unsigned cp)
{
	struct text *x = lx->x;
	x->t = xgrow(x->t, &x->cap, x->n + 1, sizeof(*x->t));
	struct tok *t = &x->t[x->n++];
	memset(t, 0, sizeof(*t));
	t->off = off;
	t->len = len;
	t->cp = cp;
	t->type = (unsigned short)type;
	t->flags = (unsigned short)(lx->pending | lx->line);
	t->hash = fold_hash(x->s + off, len);
	lx->pending = 0;
}

/* A word or number at i (ending at most at end); returns its end. */
static size_t
lex_word(struct lexer *lx, size_t i, size_t end)
{
	const struct text *x = lx->x;
	size_t j = i, n;
	unsigned letters = 0, uppers = 0, lowers = 0, digits = 0;
	bool cap = false;
	while (j < end) {
		unsigned cp = cp_at(x, j, &n);
		if (cp >= '0' && cp <= '9') {
			digits++;
		} else if (is_letter(cp)) {
			if (letters == 0 && digits == 0)
				cap = is_upper(cp);
			letters++;
			uppers += is_upper(cp);
			lowers += is_lower(cp);
		} else if ((cp == '\'' || cp == 0x2019) && letters &&
		           j + n < end) {
			size_t m;
			unsigned next = cp_at(x, j + n, &m);
			if (!is_letter(next))
				break;
		} else {
			break;
		}
		j += n;
	}
	push(lx, letters ? TOK_WORD : TOK_NUM, i, j - i, 0);
	struct tok *t = &lx->x->t[lx->x->n - 1];
	t->letters = letters;
	if (cap)
		t->flags |= TF_CAP;
	if (letters && lowers == 0 && uppers > 0)
		t->flags |= TF_UPPER;
	if (letters && digits)
		t->flags |= TF_DIGIT;
	return j;
}

static bool
starts(const struct text *x, size_t i, size_t end, const char *p)
{
	size_t n = strlen(p);
	return i + n <= end && !strncmp(x->s + i, p, n);
}

/* A link's target "(...)" right after "]": returns where scanning goes on
 * (past it, or inside it for a mailto: address). */
static size_t
link_target(const struct text *x, size_t i, size_t end)
{
	const char *close = memchr(x->s + i, ')', end - i);
	if (close == NULL)
		return i;
	if (starts(x, i + 1, end, "mailto:"))
		return i + 8;
	return (size_t)(close - x->s) + 1;
}

/* Inline tokens of one line's content [i, end). */
static void
lex_inline(struct lexer *lx, size_t i, size_t end)
{
	const struct text *x = lx->x;
	while (i < end) {
		size_t n;
		unsigned cp = cp_at(x, i, &n);
		if (is_space(cp)) {
			lx->pending |= TF_SPACE;
			i += n;
		} else if (cp == '\\' && i + 1 < end &&
		           strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
		                  x->s[i + 1])) {
			push(lx, TOK_PUNCT, i + 1, 1,
			     (unsigned char)x->s[i + 1]);
			lx->x->t[lx->x->n - 1].flags |= TF_ESCAPED;
			i += 2;
		} else if (cp == '\\') {
			i++;
		} else if (cp == ']' && i + 1 < end && x->s[i + 1] == '(') {
			push(lx, TOK_PUNCT, i, 1, cp);
			i = link_target(x, i + 1, end);
		} else if (cp == '<' && (starts(x, i + 1, end, "http://") ||
		                         starts(x, i + 1, end, "https://"))) {
			const char *gt = memchr(x->s + i, '>', end - i);
			i = gt ? (size_t)(gt - x->s) + 1 : end;
		} else if (starts(x, i, end, "http://") ||
		           starts(x, i, end, "https://") ||
		           (starts(x, i, end, "www.") &&
		            (i == 0 ||
		             !is_letter((unsigned char)x->s[i - 1])))) {
			while (i < end && !is_space(cp_at(x, i, &n)) &&
			       x->s[i] != '>')
				i += n;
			lx->pending |= TF_SPACE;
		} else if (is_letter(cp) || (cp >= '0' && cp <= '9')) {
			i = lex_word(lx, i, end);
		} else {
			push(lx, TOK_PUNCT, i, n, cp);
			i += n;
		}
	}
}

/* Front matter lines ("key: value"): the key is skipped, the value kept. */
static size_t
front_value(const struct text *x, size_t c, size_t le)
{
	size_t k = c;
	while (k < le && ((x->s[k] >= 'a' && x->s[k] <= 'z') || x->s[k] == '_'))
		k++;
	if (k > c && k < le && x->s[k] == ':' && c > 0 && x->s[c - 1] == '\n') {
		k++;
		while (k < le && strchr(" >|-", x->s[k]))
			k++;
		return k;
	}
	return c;
}

/* The length of a list marker at c ("- ", "* ", "+ ", "12. ", "3) "), or 0. */
static size_t
list_marker(const char *s, size_t c, size_t le)
{
	if (c + 1 < le && strchr("-*+", s[c]) &&
	    (s[c + 1] == ' ' || s[c + 1] == '\t'))
		return 2;
	size_t k = c;
	while (k < le && k - c < 9 && s[k] >= '0' && s[k] <= '9')
		k++;
	if (k > c && k + 1 < le && (s[k] == '.' || s[k] == ')') &&
	    s[k + 1] == ' ')
		return k + 2 - c;
	return 0;
}

struct blocks {
	bool front, fence, fence_lines, after_heading;
	char fence_char;
};

/* One line [ls, le): its block marks, then its inline tokens. */
static void
lex_line(struct lexer *lx, struct blocks *b, size_t ls, size_t le)
{
	const char *s = lx->x->s;
	size_t c = ls;
	while (c < le && (s[c] == ' ' || s[c] == '\t'))
		c++;
	lx->line = 0;
	if (c == le || (c + 1 == le && s[c] == '\r')) {
		lx->pending |= TF_BLOCK;
		b->after_heading = false;
		return;
	}
	if (b->front) {
		if (le - c >= 3 &&
		    (!strncmp(s + c, "---", 3) || !strncmp(s + c, "...", 3))) {
			b->front = false;
			lx->pending |= TF_BLOCK;
			return;
		}
		lx->line = TF_FRONT;
		lx->pending |= TF_BLOCK | TF_SPACE;
		lex_inline(lx, front_value(lx->x, c, le), le);
		return;
	}
	if (c - ls < 4 && le - c >= 3 && (s[c] == '`' || s[c] == '~') &&
	    s[c + 1] == s[c] && s[c + 2] == s[c] &&
	    (!b->fence || s[c] == b->fence_char)) {
		b->fence = !b->fence;
		b->fence_char = s[c];
		size_t k = c;
		while (k < le && s[k] == s[c])
			k++;
		b->fence_lines =
		    b->fence && !(le - k >= 7 && !strncmp(s + k, "callout", 7));
		lx->pending |= TF_BLOCK;
		return;
	}
	lx->pending |= TF_SPACE;
	if (b->fence && b->fence_lines) {
		lx->line = TF_TABLE;
		lx->pending |= TF_BLOCK;
	} else if (s[c] == '#') {
		size_t k = c;
		while (k < le && s[k] == '#')
			k++;
		if (k - c <= 6 && (k == le || s[k] == ' ')) {
			lx->line = TF_HEADING;
			lx->pending |= TF_BLOCK;
			c = k;
		}
	} else if (s[c] == '|' || s[c] == '>') {
		lx->pending |= TF_BLOCK;
		c += s[c] == '>';
	} else if (list_marker(s, c, le)) {
		c += list_marker(s, c, le);
		lx->pending |= TF_BLOCK;
	}
	if (b->after_heading)
		lx->pending |= TF_BLOCK;
	if (!(lx->pending & TF_BLOCK))
		lx->pending |= TF_NEWLINE;
	b->after_heading = lx->line == TF_HEADING;
	lex_inline(lx, c, le);
}

static const char *const title_abbrevs[] = {
    "Mr", "Mrs", "Ms",     "Mx",   "Dr",    "St", "Prof", "Rev", "No",  "Nos",
    "no", "vs",  "approx", "para", "paras", "cf", "Jr",   "Sr",  "Fig", NULL};

static bool
closing(const struct tok *t)
{
	return t->type == TOK_PUNCT &&
	       (t->cp == '"' || t->cp == '\'' || t->cp == ')' || t->cp == ']' ||
	        t->cp == 0x201D || t->cp == 0x2019 || t->cp == '*' ||
	        t->cp == '_');
}

static bool
opens_sentence(const struct text *x, size_t j)
{
	const struct tok *t = &x->t[j];
	if (t->type == TOK_NUM || (t->type == TOK_WORD && (t->flags & TF_CAP)))
		return true;
	return t->type == TOK_PUNCT &&
	       (t->cp == '"' || t->cp == 0x201C || t->cp == 0x2018 ||
	        t->cp == '(' || t->cp == '[' || t->cp == '*' || t->cp == '_') &&
	       j + 1 < x->n && opens_sentence(x, j + 1);
}

/* Whether the full stop (or ! ? …) at token i ends a sentence; *next
 * receives the first token after it and its closing quotes. */
static bool
ends_sentence(const struct text *x, size_t i, size_t *next)
{
	const struct tok *t = &x->t[i];
	if (t->type != TOK_PUNCT || (t->flags & TF_ESCAPED) ||
	    !(t->cp == '.' || t->cp == '!' || t->cp == '?' || t->cp == 0x2026))
		return false;
	if (t->cp == '.' && i > 0 && tok_joined(x, i)) {
		const struct tok *p = &x->t[i - 1];
		if (p->type == TOK_WORD &&
		    (p->letters == 1 || tok_in(x, i - 1, title_abbrevs)))
			return false;
	}
	size_t j = i + 1;
	while (j < x->n && closing(&x->t[j]) && tok_joined(x, j))
		j++;
	*next = j;
	if (j == x->n || (x->t[j].flags & TF_BLOCK))
		return true;
	return (x->t[j].flags & TF_SPACE) && opens_sentence(x, j);
}

static void
add_sentence(struct text *x, size_t first, size_t end)
{
	if (end <= first)
		return;
	x->sent = xgrow(x->sent, &x->sentcap, x->nsent + 1, sizeof(*x->sent));
	x->sent[x->nsent].first = first;
	x->sent[x->nsent].end = end;
	for (size_t i = first; i < end; i++)
		x->sent_of[i] = x->nsent;
	x->nsent++;
}

static void
split_sentences(struct text *x)
{
	x->sent_of = xcalloc(x->n + 1, sizeof(*x->sent_of));
	size_t start = 0;
	for (size_t i = 0; i < x->n; i++) {
		const struct tok *t = &x->t[i];
		size_t next;
		if (i > start && (t->flags & TF_BLOCK)) {
			add_sentence(x, start, i);
			start = i;
		}
		if (t->type == TOK_PUNCT && t->cp == '|') {
			add_sentence(x, start, i);
			x->sent_of[i] = x->nsent ? x->nsent - 1 : 0;
			start = i + 1;
		} else if (ends_sentence(x, i, &next)) {
			add_sentence(x, start, next);
			start = next;
			i = next - 1;
		}
	}
	add_sentence(x, start, x->n);
}

void
text_init(struct text *x, const char *s, size_t len, bool letter)
{
	memset(x, 0, sizeof(*x));
	x->s = s;
	x->len = len;
	struct lexer lx = {x, TF_BLOCK, 0};
	struct blocks b = {0};
	size_t ls = 0;
	if (letter &&
	    (starts(x, 0, len, "---\n") || starts(x, 0, len, "---\r\n"))) {
		b.front = true;
		ls = strchr(s, '\n') - s + 1;
	}
	while (ls < len) {
		const char *nl = memchr(s + ls, '\n', len - ls);
		size_t le = nl ? (size_t)(nl - s) : len;
		lex_line(&lx, &b, ls, le);
		ls = le + 1;
	}
	split_sentences(x);
}

void
text_release(struct text *x)
{
	free(x->t);
	free(x->sent);
	free(x->sent_of);
	memset(x, 0, sizeof(*x));
}

static char
lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

bool
tok_punct(const struct text *x, size_t i, unsigned cp)
{
	return i < x->n && x->t[i].type == TOK_PUNCT && x->t[i].cp == cp;
}

bool
tok_in(const struct text *x, size_t i, const char *const *words)
{
	return tok_index(x, i, words) >= 0;
}

/* The word lists are static and asked about again and again: each gets,
 * on first use, a hash table of its words (case folded as fold_hash does)
 * holding the index of the first of equal words, in a table of lists kept
 * for the life of the process and keyed by the list's address. */
struct wordset {
	const char *const *words;
	unsigned *slot; /* index + 1 of a word, 0 empty; mask + 1 of them */
	unsigned *hash; /* of each slot's word */
	size_t mask;
};

#define WORDSETS 256 /* more than the lists in qa/ */

bool
tok_same_folded(const char *a, const char *b, size_t n)
{
	for (size_t j = 0; j < n; j++)
		if (lower(a[j]) != lower(b[j]))
			return false;
	return true;
}

static void
wordset_build(struct wordset *ws, const char *const *words)
{
	size_t n = 0, cap = 16;
	while (words[n])
		n++;
	while (cap < 2 * n + 2)
		cap *= 2;
	ws->words = words;
	ws->mask = cap - 1;
	ws->slot = xcalloc(cap, sizeof(*ws->slot));
	ws->hash = xcalloc(cap, sizeof(*ws->hash));
	for (size_t k = 0; k < n; k++) {
		size_t len = strlen(words[k]);
		unsigned h = fold_hash(words[k], len);
		size_t at = h & ws->mask;
		for (;; at = (at + 1) & ws->mask) {
			unsigned v = ws->slot[at];
			if (v == 0) {
				ws->slot[at] = (unsigned)k + 1;
				ws->hash[at] = h;
				break;
			}
			const char *w = words[v - 1];
			if (ws->hash[at] == h && strlen(w) == len &&
			    tok_same_folded(w, words[k], len))
				break; /* the first of equal words wins */
		}
	}
}

static const struct wordset *
wordset_of(const char *const *words)
{
	static struct wordset sets[WORDSETS];
	size_t at = ((uintptr_t)words >> 3) & (WORDSETS - 1);
	for (size_t tries = 0; tries < WORDSETS; tries++) {
		struct wordset *ws = &sets[at];
		if (ws->words == words)
			return ws;
		if (ws->words == NULL) {
			wordset_build(ws, words);
			return ws;
		}
		at = (at + 1) & (WORDSETS - 1);
	}
	return NULL; /* every slot taken: the caller scans the list */
}

int
tok_index(const struct text *x, size_t i, const char *const *words)
{
	if (i >= x->n || x->t[i].type == TOK_PUNCT)
		return -1;
	const char *s = x->s + x->t[i].off;
	size_t n = x->t[i].len;
	const struct wordset *ws = wordset_of(words);
	if (ws == NULL) {
		for (size_t k = 0; words[k]; k++)
			if (strlen(words[k]) == n && tok_same_folded(words[k], s, n))
				return (int)k;
		return -1;
	}
	unsigned h = x->t[i].hash;
	for (size_t at = h & ws->mask; ws->slot[at]; at = (at + 1) & ws->mask) {
		const char *w = ws->words[ws->slot[at] - 1];
		if (ws->hash[at] == h && strlen(w) == n && tok_same_folded(w, s, n))
			return (int)ws->slot[at] - 1;
	}
	return -1;
}

bool
tok_dash(const struct text *x, size_t i)
{
	if (i >= x->n || x->t[i].type != TOK_PUNCT)
		return false;
	unsigned cp = x->t[i].cp;
	return cp == '-' || cp == 0x2012 || cp == 0x2013 || cp == 0x2014 ||
	       cp == 0x2212 || cp == 0x2010 || cp == 0x2011;
}

bool
tok_joined(const struct text *x, size_t i)
{
	return i > 0 && i < x->n && !(x->t[i].flags & (TF_SPACE | TF_BLOCK));
}

long
tok_number(const struct text *x, size_t i)
{
	if (i >= x->n || x->t[i].type != TOK_NUM || x->t[i].len > 9)
		return -1;
	long v = 0;
	for (size_t k = 0; k < x->t[i].len; k++)
		v = v * 10 + (x->s[x->t[i].off + k] - '0');
	return v;
}

void
tok_lower(const struct text *x, size_t i, char *out, size_t n)
{
	size_t k = 0;
	if (i < x->n)
		for (; k + 1 < n && k < x->t[i].len; k++)
			out[k] = lower(x->s[x->t[i].off + k]);
	out[k] = '\0';
}

void
tok_base(const struct text *x, size_t i, char *out, size_t n)
{
	tok_lower(x, i, out, n);
	size_t k = strlen(out);
	if (k > 2 && out[k - 2] == '\'' && out[k - 1] == 's')
		out[k - 2] = '\0';
	else if (k > 4 && !strcmp(out + k - 4, "\xe2\x80\x99s"))
		out[k - 4] = '\0';
}

bool
tok_phrase(const struct text *x, size_t i, const char *p, bool base,
           size_t *last)
{
	size_t k = i;
	for (;;) {
		while (*p == ' ' || *p == '-')
			p++;
		size_t n = strcspn(p, " -");
		if (n == 0)
			return k > i;
		if (k > i && tok_dash(x, k) && tok_joined(x, k))
			k++;
		if (k >= x->n || x->t[k].type == TOK_PUNCT ||
		    (k > i && x->sent_of[k] != x->sent_of[i]))
			return false;
		char w[64];
		if (base)
			tok_base(x, k, w, sizeof(w));
		else
			tok_lower(x, k, w, sizeof(w));
		if (strlen(w) != n || strncasecmp(w, p, n))
			return false;
		*last = k++;
		p += n;
	}
}

int
tok_month(const struct text *x, size_t i, bool *abbrev)
{
	static const char *const full[] = {"January", "February", "March",
	                                   "April",   "May",      "June",
	                                   "July",    "August",   "September",
	                                   "October", "November", "December"};
	static const char *const shrt[] = {"Jan", "Feb", "Mar", "Apr",
	                                   "May", "Jun", "Jul", "Aug",
	                                   "Sep", "Oct", "Nov", "Dec"};
	if (abbrev)
		*abbrev = false;
	if (i >= x->n || x->t[i].type != TOK_WORD || !(x->t[i].flags & TF_CAP))
		return 0;
	for (int m = 0; m < 12; m++) {
		if (tok_is(x, i, full[m]))
			return m + 1;
		if (tok_is(x, i, shrt[m]) || (m == 8 && tok_is(x, i, "Sept"))) {
			if (abbrev)
				*abbrev = true;
			return m + 1;
		}
	}
	return 0;
}

bool
tok_sentence_start(const struct text *x, size_t i)
{
	if (i >= x->n || x->nsent == 0)
		return false;
	size_t first = x->sent[x->sent_of[i]].first;
	while (first < i && x->t[first].type == TOK_PUNCT)
		first++;
	return first == i;
}

size_t
tok_extent(const struct text *x, size_t a, size_t b)
{
	return x->t[b].off + x->t[b].len - x->t[a].off;
}
