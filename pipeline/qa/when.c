/* Dates in prose (when.h). */
#include "qa/when.h"

#include <stdio.h>
#include <string.h>

#include "qa/text.h"

static const char *const month_names[] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

static bool
fits(int d, int m, int y)
{
	static const int days[] = {31, 29, 31, 30, 31, 30,
	                           31, 31, 30, 31, 30, 31};
	if (m < 1 || m > 12 || d < 1 || d > days[m - 1])
		return false;
	if (m == 2 && d == 29 && y)
		return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return true;
}

/* "1st", "22nd", "3rd", "14th": the day, else 0. */
static int
ordinal(const struct text *x, size_t i)
{
	if (i >= x->n || x->t[i].type != TOK_WORD || x->t[i].len < 3 ||
	    x->t[i].len > 4)
		return 0;
	const char *s = x->s + x->t[i].off;
	size_t n = x->t[i].len;
	int d = 0;
	size_t k = 0;
	while (k < n - 2 && s[k] >= '0' && s[k] <= '9')
		d = d * 10 + (s[k++] - '0');
	if (k != n - 2 || k == 0)
		return 0;
	const char *suffix = s + k;
	if (strncmp(suffix, "st", 2) && strncmp(suffix, "nd", 2) &&
	    strncmp(suffix, "rd", 2) && strncmp(suffix, "th", 2))
		return 0;
	return d >= 1 && d <= 31 ? d : 0;
}

static int
day_number(const struct text *x, size_t i)
{
	long v = tok_number(x, i);
	return x->t[i].len <= 2 && v >= 1 && v <= 31 ? (int)v : 0;
}

static int
year(const struct text *x, size_t i)
{
	long v = tok_number(x, i);
	return i < x->n && x->t[i].len == 4 && v >= 1900 && v <= 2099 ? (int)v
	                                                              : 0;
}

/* Whether token i continues a chain of numbers ("1.2.3.4", "12/3/45/6"). */
static bool
chained(const struct text *x, size_t i)
{
	return i + 2 < x->n && tok_joined(x, i + 1) && tok_joined(x, i + 2) &&
	       x->t[i + 1].type == TOK_PUNCT && x->t[i + 2].type == TOK_NUM &&
	       strchr("/.-", (int)x->t[i + 1].cp);
}

/* 01/03/2026, 1.3.26, 2026-03-01. */
static bool
numeric(const struct text *x, size_t i, struct when *w)
{
	if (i + 4 >= x->n || x->t[i].type != TOK_NUM)
		return false;
	unsigned sep = x->t[i + 1].cp;
	for (size_t k = i + 1; k <= i + 4; k++)
		if (!tok_joined(x, k))
			return false;
	if (x->t[i + 1].type != TOK_PUNCT || !strchr("/.-", (int)sep) ||
	    !tok_punct(x, i + 3, sep) || x->t[i + 2].type != TOK_NUM ||
	    x->t[i + 4].type != TOK_NUM || chained(x, i + 4) ||
	    (i > 0 && tok_joined(x, i) && x->t[i - 1].type != TOK_PUNCT))
		return false;
	long a = tok_number(x, i), b = tok_number(x, i + 2),
	     c = tok_number(x, i + 4);
	size_t la = x->t[i].len, lb = x->t[i + 2].len, lc = x->t[i + 4].len;
	w->last = i + 4;
	if (la == 4 && sep == '-' && lb == 2 && lc == 2) {
		w->y = (int)a, w->m = (int)b, w->d = (int)c;
		w->form = WHEN_ISO;
		return a >= 1900 && a <= 2099 && fits(w->d, w->m, w->y);
	}
	if (la > 2 || lb > 2 || (lc != 2 && lc != 4))
		return false;
	w->d = (int)a, w->m = (int)b;
	w->y = (int)(lc == 2 ? 2000 + c : c);
	w->form = WHEN_NUMERIC;
	return fits(w->d, w->m, w->y);
}

/* After a day and month: ", 2026" or " 2026". */
static void
take_year(const struct text *x, size_t j, struct when *w)
{
	size_t k = j + 1;
	if (tok_punct(x, k, ',') && tok_joined(x, k))
		k++;
	if (k < x->n && !tok_joined(x, k) && year(x, k)) {
		w->y = year(x, k);
		w->last = k;
	}
}

/* 1 March 2026, 1st of March, 01 Mar 2026. */
static bool
day_first(const struct text *x, size_t i, struct when *w)
{
	int ord = ordinal(x, i);
	int d = ord ? ord : day_number(x, i);
	if (d == 0)
		return false;
	size_t j = i + 1;
	bool of = ord && tok_iis(x, j, "of");
	if (of)
		j++;
	bool abbrev;
	int m = tok_month(x, j, &abbrev);
	if (m == 0 || tok_joined(x, j))
		return false;
	w->d = d, w->m = m, w->y = 0, w->last = j;
	take_year(x, j, w);
	w->form = ord                        ? WHEN_ORDINAL
	          : x->s[x->t[i].off] == '0' ? WHEN_ZERO
	          : abbrev                   ? WHEN_ABBREV
	                                     : WHEN_HOUSE;
	return fits(d, m, w->y);
}

/* March 1, 2026; March 2026. "March 15 children" is not a date. */
static bool
month_first(const struct text *x, size_t i, struct when *w)
{
	bool abbrev;
	int m = tok_month(x, i, &abbrev);
	size_t j = i + 1;
	if (m == 0 || j >= x->n || tok_joined(x, j))
		return false;
	w->m = m, w->d = 0, w->y = 0, w->last = j;
	if (year(x, j)) {
		w->y = year(x, j);
		w->form = abbrev ? WHEN_ABBREV : WHEN_MONTH_YEAR;
		return true;
	}
	int ord = ordinal(x, j);
	int d = ord ? ord : day_number(x, j);
	if (d == 0)
		return false;
	w->d = d;
	w->form = WHEN_US;
	take_year(x, j, w);
	if (w->y == 0) {
		/* "March 15 children" is a count; "September 1 and" a date */
		static const char *const links[] = {
		    "and",   "or",   "but",  "to",   "at",  "when",
		    "until", "this", "that", "with", "for", NULL};
		size_t n = w->last + 1;
		const struct tok *next = n < x->n ? &x->t[n] : NULL;
		if (next && ((next->type == TOK_WORD && !tok_in(x, n, links)) ||
		             next->type == TOK_NUM || next->cp == '-' ||
		             next->cp == 0x2013))
			return false;
	}
	return fits(d, m, w->y);
}

bool
when_at(const struct text *x, size_t i, struct when *w)
{
	memset(w, 0, sizeof(*w));
	if (i >= x->n)
		return false;
	return numeric(x, i, w) || day_first(x, i, w) || month_first(x, i, w);
}

void
when_house(const struct when *w, char *out, size_t n)
{
	const char *month =
	    w->m >= 1 && w->m <= 12 ? month_names[w->m - 1] : "";
	if (w->d && w->y)
		snprintf(out, n, "%d %s %d", w->d, month, w->y);
	else if (w->d)
		snprintf(out, n, "%d %s", w->d, month);
	else
		snprintf(out, n, "%s %d", month, w->y);
}
