/* Ties: spaces the line breaker must not break, decided from the words on
 * either side: a number and its unit ("14 days", "5 per cent", "9.30 am"),
 * a day and its month and a month and its year ("5 March 2026"), a label
 * and its number ("page 12", "Year 6"). One table holds the words; the
 * rule and the table are written out for writers in docs/typesetting.md. */
#ifndef JTAI_RENDER_LINEBREAK_TIE_H
#define JTAI_RENDER_LINEBREAK_TIE_H

#include <stdbool.h>
#include <stddef.h>

enum tie_kind {
	TIE_NONE,   /* the space may break */
	TIE_UNIT,   /* b is the unit of the number a (or of "per") */
	TIE_NUMBER, /* b is the number of the month or label a */
};

/* Whether words whose first bytes are a0 and b0 may be tied at all: a
 * cheap test that spares most pairs of words the call to tie_words. */
bool tie_maybe(char a0, bool a_unit, char b0);

/* How the space between the words a and b (an and bn bytes of UTF-8, as
 * written, punctuation included) is tied. a_unit says a was itself tied
 * to the word before it as a unit: "per" then binds the unit after it, as
 * in "5 per cent". */
enum tie_kind tie_words(const char *a, size_t an, bool a_unit, const char *b,
                        size_t bn);

#endif
