/* Internal to qa: prose as tokens. One linear pass turns Markdown text (a
 * finding's summary, or the whole drafted letter) into words, numbers and
 * punctuation, each with its byte range and what precedes it (a space, a
 * line break, the start of a block); link targets and bare URLs are left
 * out, list markers and heading marks are dropped. Sentences are then
 * ranges of tokens. Every rule reads these; nothing here allocates per
 * token beyond the growing arrays. */
#ifndef JTAI_QA_TEXT_H
#define JTAI_QA_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

enum tok_type { TOK_WORD, TOK_NUM, TOK_PUNCT };

enum tok_flag {
	TF_SPACE = 1 << 0,   /* whitespace (or a line break) before it */
	TF_NEWLINE = 1 << 1, /* a line break before it, inside a block */
	TF_BLOCK = 1 << 2, /* first token of a paragraph, item, heading, cell */
	TF_HEADING = 1 << 3, /* in a heading */
	TF_FRONT = 1 << 4,   /* in the letter's front matter */
	TF_CAP = 1 << 5,     /* a word starting with a capital letter */
	TF_UPPER = 1 << 6,   /* a word whose letters are all capitals */
	TF_DIGIT = 1 << 7,   /* a word holding a digit ("NR1", "9am") */
	TF_ESCAPED = 1 << 8, /* punctuation escaped with a backslash */
	TF_TABLE = 1 << 9, /* in a fenced block of lines (letterhead, table) */
};

struct tok {
	size_t off, len; /* bytes in the text */
	unsigned cp;     /* punctuation: its code point */
	unsigned short type, flags;
	unsigned letters; /* words: how many letters */
	unsigned hash;    /* of its bytes, A-Z as a-z (tok_index) */
};

struct span {
	size_t first, end; /* tokens [first, end) */
};

struct text {
	const char *s;
	size_t len;
	struct tok *t;
	size_t n, cap;
	struct span *sent; /* sentences, in order */
	size_t nsent, sentcap;
	size_t *sent_of; /* the sentence of each token */
};

/* Tokenises s (len bytes, UTF-8 Markdown) into x and splits it into
 * sentences. letter: s is a whole letter.md (front matter, fenced blocks).
 * Release with text_release(). */
void text_init(struct text *x, const char *s, size_t len, bool letter);
void text_release(struct text *x);

/* Token helpers. i may be out of range: they then answer false / 0. */
/* tok_is: exactly word; tok_iis: word in any case (ASCII). Inline, as
 * the checks ask them about every token: with a literal word its length
 * is known when compiling, and most tokens differ in length or in the
 * first letter. */
bool tok_same_folded(const char *s, const char *word, size_t n);
static inline bool
tok_is(const struct text *x, size_t i, const char *word)
{
	if (i >= x->n)
		return false;
	const struct tok *t = &x->t[i];
	size_t n = strlen(word);
	return t->type != TOK_PUNCT && t->len == n && x->s[t->off] == word[0] &&
	       memcmp(x->s + t->off, word, n) == 0;
}
static inline bool
tok_iis(const struct text *x, size_t i, const char *word)
{
	if (i >= x->n)
		return false;
	const struct tok *t = &x->t[i];
	size_t n = strlen(word);
	return t->type != TOK_PUNCT && t->len == n &&
	       tok_same_folded(x->s + t->off, word, n);
}
bool tok_punct(const struct text *x, size_t i, unsigned cp);
/* One of the words in a NULL-terminated list, in any case; tok_index
 * gives its index in the list, or -1. */
bool tok_in(const struct text *x, size_t i, const char *const *words);
int tok_index(const struct text *x, size_t i, const char *const *words);
/* A dash: - – — ‒ − (hyphen-minus, en, em, figure dash, minus). */
bool tok_dash(const struct text *x, size_t i);
/* Joined: no whitespace between token i - 1 and token i. */
bool tok_joined(const struct text *x, size_t i);
/* The value of a number token of at most 9 digits, else -1. */
long tok_number(const struct text *x, size_t i);
/* Copies the token lower-cased (ASCII) into out (size n, NUL-ended). */
void tok_lower(const struct text *x, size_t i, char *out, size_t n);
/* The word lower-cased (ASCII), without a possessive "'s" or "’s". */
void tok_base(const struct text *x, size_t i, char *out, size_t n);
/* Whether phrase (words parted by spaces or hyphens) is written from token
 * i, word for word in any case, with a space or a hyphen between words, in
 * one sentence; with base, a word may be possessive ("Kayden's"). *last
 * receives the phrase's last token. */
bool tok_phrase(const struct text *x, size_t i, const char *phrase, bool base,
                size_t *last);
/* The month (1 to 12) a word names ("March"; with abbrev also "Mar",
 * "Sept"), else 0. *abbrev receives whether it was abbreviated. */
int tok_month(const struct text *x, size_t i, bool *abbrev);
/* True for a word that is a sentence's first. */
bool tok_sentence_start(const struct text *x, size_t i);
/* Byte length from token a to the end of token b (inclusive). */
size_t tok_extent(const struct text *x, size_t a, size_t b);

#endif
