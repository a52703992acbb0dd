/* Ties between a number and the word it belongs with (see linebreak_tie.h
 * and docs/typesetting.md). A tie only takes a break point away, so a
 * wrong guess costs a little raggedness, never text; the breaker lets a
 * tie go when the words it holds together do not fit on a line. */
#include "render/linebreak_tie.h"

#include <string.h>

enum {
	T_UNIT = 1,   /* tied to a number before it */
	T_MONTH = 2,  /* a unit that also binds a number after it */
	T_LABEL = 4,  /* binds a number after it */
	T_PER = 8,    /* as a unit, binds a unit after it */
	T_EXACT = 16, /* matched case-sensitively ("May", not "may") */
};

/* The one table of words (docs/typesetting.md lists it for writers).
 * Units are matched with trailing punctuation removed ("days," is
 * "days"); labels and months bind a number only when written exactly so
 * ("March," binds nothing). Other than months, case is ignored for ASCII
 * letters. */
/* clang-format off */
static const struct {
	const char *word;
	unsigned flags;
} words[] = {
    /* time */
    {"second", T_UNIT}, {"seconds", T_UNIT}, {"sec", T_UNIT},
    {"secs", T_UNIT}, {"minute", T_UNIT}, {"minutes", T_UNIT},
    {"min", T_UNIT}, {"mins", T_UNIT}, {"hour", T_UNIT},
    {"hours", T_UNIT}, {"hr", T_UNIT}, {"hrs", T_UNIT},
    {"day", T_UNIT}, {"days", T_UNIT}, {"night", T_UNIT},
    {"nights", T_UNIT}, {"week", T_UNIT}, {"weeks", T_UNIT},
    {"fortnight", T_UNIT}, {"fortnights", T_UNIT}, {"month", T_UNIT},
    {"months", T_UNIT}, {"year", T_UNIT | T_LABEL}, {"years", T_UNIT},
    {"yr", T_UNIT}, {"yrs", T_UNIT}, {"year-old", T_UNIT},
    {"year-olds", T_UNIT}, {"decade", T_UNIT}, {"decades", T_UNIT},
    {"am", T_UNIT}, {"pm", T_UNIT}, {"a.m", T_UNIT}, {"p.m", T_UNIT},
    /* shares and money */
    {"%", T_UNIT}, {"per", T_UNIT | T_PER}, {"cent", T_UNIT},
    {"percent", T_UNIT}, {"annum", T_UNIT}, {"pence", T_UNIT},
    {"p", T_UNIT}, {"pounds", T_UNIT}, {"hundred", T_UNIT},
    {"thousand", T_UNIT}, {"million", T_UNIT}, {"billion", T_UNIT},
    {"trillion", T_UNIT}, {"k", T_UNIT}, {"m", T_UNIT}, {"bn", T_UNIT},
    /* measures */
    {"mm", T_UNIT}, {"cm", T_UNIT}, {"km", T_UNIT}, {"mile", T_UNIT},
    {"miles", T_UNIT}, {"mph", T_UNIT}, {"g", T_UNIT}, {"kg", T_UNIT},
    {"mg", T_UNIT}, {"ml", T_UNIT}, {"l", T_UNIT}, {"litre", T_UNIT},
    {"litres", T_UNIT}, {"kb", T_UNIT}, {"mb", T_UNIT}, {"gb", T_UNIT},
    {"tb", T_UNIT}, {"pt", T_UNIT}, {"px", T_UNIT}, {"°C", T_UNIT},
    {"°F", T_UNIT},
    /* months: a day before, a year after */
    {"January", T_MONTH | T_EXACT}, {"February", T_MONTH | T_EXACT},
    {"March", T_MONTH | T_EXACT}, {"April", T_MONTH | T_EXACT},
    {"May", T_MONTH | T_EXACT}, {"June", T_MONTH | T_EXACT},
    {"July", T_MONTH | T_EXACT}, {"August", T_MONTH | T_EXACT},
    {"September", T_MONTH | T_EXACT}, {"October", T_MONTH | T_EXACT},
    {"November", T_MONTH | T_EXACT}, {"December", T_MONTH | T_EXACT},
    {"Jan", T_MONTH | T_EXACT}, {"Feb", T_MONTH | T_EXACT},
    {"Mar", T_MONTH | T_EXACT}, {"Apr", T_MONTH | T_EXACT},
    {"Jun", T_MONTH | T_EXACT}, {"Jul", T_MONTH | T_EXACT},
    {"Aug", T_MONTH | T_EXACT}, {"Sep", T_MONTH | T_EXACT},
    {"Sept", T_MONTH | T_EXACT}, {"Oct", T_MONTH | T_EXACT},
    {"Nov", T_MONTH | T_EXACT}, {"Dec", T_MONTH | T_EXACT},
    /* labels: a number after */
    {"page", T_LABEL}, {"pages", T_LABEL}, {"p.", T_LABEL},
    {"pp.", T_LABEL}, {"paragraph", T_LABEL}, {"paragraphs", T_LABEL},
    {"para", T_LABEL}, {"para.", T_LABEL}, {"paras", T_LABEL},
    {"section", T_LABEL}, {"sections", T_LABEL}, {"chapter", T_LABEL},
    {"part", T_LABEL}, {"figure", T_LABEL}, {"fig.", T_LABEL},
    {"table", T_LABEL}, {"appendix", T_LABEL}, {"annex", T_LABEL},
    {"step", T_LABEL}, {"stage", T_LABEL}, {"phase", T_LABEL},
    {"no.", T_LABEL}, {"vol.", T_LABEL}, {"c.", T_LABEL},
    {"Monday", T_LABEL}, {"Tuesday", T_LABEL}, {"Wednesday", T_LABEL},
    {"Thursday", T_LABEL}, {"Friday", T_LABEL}, {"Saturday", T_LABEL},
    {"Sunday", T_LABEL},
};
/* clang-format on */

/* Characters that may come before a number's first digit. */
static const char *const leads[] = {"(",
                                    "[",
                                    "\"",
                                    "'",
                                    "\xE2\x80\x9C" /* “ */,
                                    "\xE2\x80\x98" /* ‘ */,
                                    "\xC2\xA3" /* £ */,
                                    "$",
                                    "\xE2\x82\xAC" /* € */,
                                    "+",
                                    "-",
                                    "\xE2\x88\x92" /* − */,
                                    "~",
                                    "<",
                                    ">"};

/* Punctuation that may end a unit: "14 days." */
static const char *const trails[] = {".",
                                     ",",
                                     ";",
                                     ":",
                                     "!",
                                     "?",
                                     ")",
                                     "]",
                                     "}",
                                     "\"",
                                     "'",
                                     "\xE2\x80\x99" /* ’ */,
                                     "\xE2\x80\x9D" /* ” */,
                                     "\xE2\x80\xA6" /* … */};

#define COUNT(a) (sizeof(a) / sizeof(*(a)))

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool
is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static char
lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* The flags of word w (n bytes) in the table, or 0. */
static unsigned
lookup(const char *w, size_t n)
{
	for (size_t i = 0; i < COUNT(words); i++) {
		const char *e = words[i].word;
		bool exact = words[i].flags & T_EXACT;
		if ((exact ? e[0] != w[0] : lower(e[0]) != lower(w[0])) ||
		    strlen(e) != n)
			continue;
		size_t k = 0;
		while (k < n &&
		       (exact ? e[k] == w[k] : lower(e[k]) == lower(w[k])))
			k++;
		if (k == n)
			return words[i].flags;
	}
	return 0;
}

/* The length of w without its trailing punctuation. */
static size_t
strip_trail(const char *w, size_t n)
{
	if (n > 0 && (is_alpha(w[n - 1]) || is_digit(w[n - 1])))
		return n; /* most words: nothing to strip */
	for (bool more = true; more && n > 0;) {
		more = false;
		for (size_t i = 0; i < COUNT(trails); i++) {
			size_t tl = strlen(trails[i]);
			if (tl < n && memcmp(w + n - tl, trails[i], tl) == 0) {
				n -= tl;
				more = true;
				break;
			}
		}
	}
	return n;
}

/* Where w's number starts after opening punctuation and currency. */
static size_t
skip_lead(const char *w, size_t n)
{
	size_t i = 0;
	if (n > 0 && (is_alpha(w[0]) || is_digit(w[0])))
		return 0; /* most words: no need to look further */
	for (bool more = true; more && i < n;) {
		more = false;
		for (size_t k = 0; k < COUNT(leads); k++) {
			size_t ll = strlen(leads[k]);
			if (ll <= n - i && memcmp(w + i, leads[k], ll) == 0) {
				i += ll;
				more = true;
				break;
			}
		}
	}
	return i;
}

/* A word that starts with a digit: "5", "2026.", "£1.2m", "(3rd". */
static bool
starts_number(const char *w, size_t n)
{
	size_t i = skip_lead(w, n);
	return i < n && is_digit(w[i]);
}

/* A number that ends as a number does, not with punctuation: "14",
 * "14%", "2,500", "£1.2m", "3rd", "9.30"; not "2025," nor "5.". */
static bool
is_number(const char *w, size_t n)
{
	if (!starts_number(w, n))
		return false;
	char c = w[n - 1];
	return is_digit(c) || is_alpha(c) || c == '%';
}

static unsigned
unit_flags(const char *w, size_t n)
{
	size_t m = strip_trail(w, n);
	return m > 0 ? lookup(w, m) & (T_UNIT | T_MONTH | T_PER) : 0;
}

/* Whether c may be the first byte of a number: a digit, or the first
 * byte of one of leads[]. */
static bool
may_start_number(char c)
{
	if (is_alpha(c) || is_digit(c))
		return is_digit(c);
	for (size_t k = 0; k < COUNT(leads); k++)
		if (leads[k][0] == c)
			return true;
	return false;
}

bool
tie_maybe(char a0, bool a_unit, char b0)
{
	return a_unit || may_start_number(a0) || may_start_number(b0);
}

enum tie_kind
tie_words(const char *a, size_t an, bool a_unit, const char *b, size_t bn)
{
	if (an == 0 || bn == 0)
		return TIE_NONE;
	if (starts_number(b, bn)) {
		if (lookup(a, an) & (T_MONTH | T_LABEL))
			return TIE_NUMBER;
		return TIE_NONE;
	}
	if (is_number(a, an) || (a_unit && (lookup(a, an) & T_PER))) {
		if (unit_flags(b, bn) != 0)
			return TIE_UNIT;
	}
	return TIE_NONE;
}
