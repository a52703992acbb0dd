/* Internal to qa: dates written in prose, in every form a writer may use,
 * so that the date-of-birth rule finds them all and the house-style rule
 * knows which are not "1 March 2026". */
#ifndef JTAI_QA_WHEN_H
#define JTAI_QA_WHEN_H

#include <stdbool.h>
#include <stddef.h>

struct text;

enum when_form {
	WHEN_HOUSE,      /* 1 March 2026, 1 March */
	WHEN_MONTH_YEAR, /* March 2026 */
	WHEN_US,         /* March 1, 2026; March 1 */
	WHEN_ORDINAL,    /* 1st March 2026, 1st of March */
	WHEN_ZERO,       /* 01 March 2026 */
	WHEN_ABBREV,     /* 1 Mar 2026, Sept 2026 */
	WHEN_NUMERIC,    /* 01/03/2026, 1.3.26, 1-3-2026 */
	WHEN_ISO,        /* 2026-03-01 */
};

struct when {
	int d, m, y; /* d 0 for a month and year; y 0 when not given */
	enum when_form form;
	size_t last; /* the date's last token */
};

/* Recognises a date whose first token is i. A day must fit its month (and
 * the year when given); a year alone is not a date. */
bool when_at(const struct text *x, size_t i, struct when *w);
/* Writes w in the house style ("3 March 2026", "3 March", "March 2026")
 * into out (n bytes). */
void when_house(const struct when *w, char *out, size_t n);

#endif
