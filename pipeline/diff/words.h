/* Words of Markdown text for a word-level diff. A token is a word (a run
 * of characters other than white space) with the white space after it;
 * Markdown's inline syntax at a word's edges (emphasis and code marks,
 * the brackets and target of a link) is a token of its own, flagged as
 * syntax, so that "**Key** strengths" and "Key strengths" differ only in
 * syntax and a redline never underlines an asterisk. White space is not
 * compared: a word re-wrapped onto another line is the same word. */
#ifndef JTAI_DIFF_WORDS_H
#define JTAI_DIFF_WORDS_H

#include <stdbool.h>
#include <stddef.h>

#include "diff/seq.h"

struct arena;
struct buf;
struct value;

struct token {
	const char *s; /* borrowed from the text split */
	size_t n;
	size_t ws; /* bytes of white space after it */
	bool syntax;
};

struct tokens {
	struct token *t;
	size_t n, cap;
};

/* Flags for words_split. */
#define WORDS_TABLE 1u /* a table row: '|' and "---" are syntax */

/* Appends the tokens of s (n bytes) to out (zeroed, or used before);
 * release with tokens_release. */
void words_split(const char *s, size_t n, unsigned flags, struct tokens *out);
void tokens_release(struct tokens *t);

/* The word-level edit script from a to b, as chunks of tokens
 * (seq.h); a malloc'd array the caller frees, its length in *n. */
struct seq_chunk *words_diff(const struct tokens *a, const struct tokens *b,
                             size_t *n);

/* The words of tokens [i0, i1) of t, one space apart, appended to out:
 * Markdown's syntax left out but for a link's target, unless the tokens
 * hold nothing else. */
void words_text(const struct tokens *t, size_t i0, size_t i1, struct buf *out);

/* The chunks of a word diff from a to b as a value: a sequence of
 * [op, text] pairs, op "=" (text of b), "-" (of a) or "+" (of b), each
 * text as words_text gives it; unchanged syntax alone is left out. */
struct value *words_pairs(struct arena *ar, const struct tokens *a,
                          const struct tokens *b,
                          const struct seq_chunk *chunks, size_t n);

/* The word diff of old and new text as a value (a sequence of [op, text]
 * pairs, op "=", "-" or "+"), owned by a; NULL when the texts have the
 * same words. Either text may be NULL (none). */
struct value *words_value(struct arena *a, const char *old_text,
                          const char *new_text);

#endif
