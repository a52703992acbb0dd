/* Internal to qa: the rules over one text. qa_lint() tokenises a text once
 * (text.h), runs every rule that is on, and returns its hits by offset. It
 * knows nothing of files or positions: gate.c maps hits to places. */
#ifndef JTAI_QA_LINT_H
#define JTAI_QA_LINT_H

#include <stdbool.h>
#include <stddef.h>

#include "qa/qa.h"

struct text;

enum qa_numbers {
	QA_NUMBERS_WORDS,   /* one to nine in words, 10 and over in numerals */
	QA_NUMBERS_NUMERALS /* numerals from 2 up (GOV.UK) */
};

struct qa_term {
	const char *avoid, *use;
};

/* What the rules need to know: the framework's house style, and the
 * inspection's own names. Every list is borrowed. */
struct qa_config {
	bool off[QA_NRULES];
	enum qa_numbers numbers;
	int sentence_words;
	const struct qa_term *terms;
	size_t nterms;
	const char *const *abbreviations; /* well known: never spelled out */
	size_t nabbreviations;
	const char *const *email_domains; /* emails at these may be printed */
	size_t nemail_domains;
	const char *const *never_print; /* names that must never appear */
	size_t nnever_print;
	/* Lower-case words of the area's, agencies', bodies' and officials'
	 * names, sorted (strcmp): never a child's name or place. */
	const char *const *known;
	size_t nknown;
};

/* Sets c to the defaults: every rule on, numbers in words, 30 words. */
void qa_config_init(struct qa_config *c);
struct arena;
/* Sets c->known to the lower-case capitalised words of the n names (an
 * area's, agencies', bodies' and officials'), sorted, in the arena. */
void qa_config_known(struct qa_config *c, struct arena *a,
                     const char *const *names, size_t n);

struct qa_hit {
	enum qa_rule_id rule;
	size_t off, len;           /* bytes of the text */
	size_t note_off, note_len; /* a related place; note_len 0 when none */
	char arg[80];              /* for the message: a suggestion, a count */
};

struct qa_hits {
	struct qa_hit *v;
	size_t n, cap;
};

enum qa_lint_flags {
	QA_LETTER = 1,    /* the text is a whole letter.md (front matter) */
	QA_FIRST_USE = 2, /* check abbreviations' first use, in text order */
};

/* Bytes of a text that count as one word in a sentence's length: a value
 * the template put in (a name, a title, a list of names, a date). */
struct qa_unit {
	size_t off, len;
};

/* Runs every rule of c that is on over s (len bytes of Markdown) and
 * appends the hits to out, ordered by offset. units (n, sorted, may be
 * NULL) each count as one word. Of hits that overlap, one is kept: a
 * personal-data hit over a house-style one, else the first. Linear in
 * len. */
void qa_lint(const struct qa_config *c, const char *s, size_t len,
             unsigned flags, const struct qa_unit *units, size_t nunits,
             struct qa_hits *out);
void qa_hits_release(struct qa_hits *h);

/* For the rules (personal.c, style.c, firstuse.c): one text being linted. */
struct lint {
	const struct qa_config *c;
	const struct text *x;
	unsigned flags;
	const struct qa_unit *units;
	size_t nunits;
	struct qa_hits *out;
	struct qa_hit scratch; /* what lint_hit returns for a rule turned off */
};

/* Records a hit on tokens a..b (inclusive); returns it to add a note or
 * an argument. */
struct qa_hit *lint_hit(struct lint *L, enum qa_rule_id r, size_t a, size_t b);
/* Records a hit on bytes [off, off + len). */
struct qa_hit *lint_hit_bytes(struct lint *L, enum qa_rule_id r, size_t off,
                              size_t len);
/* strcmp for qsort and bsearch over arrays of strings. */
int lint_strcmp(const void *a, const void *b);
/* Whether a capitalised word is part of a known name (c->known). */
bool lint_known(const struct lint *L, size_t i);
/* Whether a capitalised word is a common word, not a name ("Children",
 * "However", "Monday", "Year"); names.c. */
bool lint_stopword(const struct lint *L, size_t i);
/* Whether word i names a kind of place ("Academy", "Road", "estate");
 * personal.c. */
bool lint_place_noun(const struct text *x, size_t i);

void pd_numbers(struct lint *L); /* NHS, telephone, case numbers, postcodes */
void pd_email(struct lint *L);
void pd_birth(struct lint *L); /* dates of birth, ages with a place */
void pd_names(struct lint *L);
void style_words(struct lint *L); /* dates, ranges, judgement, terms */
void style_numbers(struct lint *L);
void style_sentences(struct lint *L);
void style_marks(struct lint *L); /* italics, capitals */
void style_first_use(struct lint *L);
/* Headings with nothing under them (the text's Markdown lines, not its
 * tokens; marks.c). */
void style_sections(struct lint *L, const char *s, size_t len);

#endif
