/* Dates and the working-day calendar of England and Wales.
 *
 * Bank holidays by rule: New Year's Day, Good Friday, Easter Monday, the
 * early May (first Monday), spring (last Monday of May) and summer (last
 * Monday of August) holidays, Christmas Day and Boxing Day, with substitute
 * days when New Year's Day, Christmas Day or Boxing Day fall at a weekend.
 * Days moved or added by royal proclamation are data (moves[], added[]). */
#include "core/calendar.h"

#include <stdio.h>
#include <string.h>

#include "core/buf.h"

static const char *const month_names[] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

struct move {
	struct date from, to;
};

/* A holiday moved from its rule's day to another by proclamation. */
static const struct move moves[] = {
    {{1995, 5, 1}, {1995, 5, 8}},   /* VE Day 50th anniversary */
    {{2002, 5, 27}, {2002, 6, 4}},  /* Golden Jubilee */
    {{2012, 5, 28}, {2012, 6, 4}},  /* Diamond Jubilee */
    {{2020, 5, 4}, {2020, 5, 8}},   /* VE Day 75th anniversary */
    {{2022, 5, 30}, {2022, 6, 2}},  /* Platinum Jubilee */
};

/* Holidays added by proclamation. */
static const struct date added[] = {
    {1999, 12, 31}, /* millennium */
    {2002, 6, 3},   /* Golden Jubilee */
    {2011, 4, 29},  /* royal wedding */
    {2012, 6, 5},   /* Diamond Jubilee */
    {2022, 6, 3},   /* Platinum Jubilee */
    {2022, 9, 19},  /* state funeral of Queen Elizabeth II */
    {2023, 5, 8},   /* coronation of King Charles III */
};

static bool
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && leap(y) ? 29 : days[m - 1];
}

int
date_parse(const char *s, struct date *out)
{
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return -1;
	struct date dt;
	dt.y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	       (s[3] - '0');
	dt.m = (s[5] - '0') * 10 + (s[6] - '0');
	dt.d = (s[8] - '0') * 10 + (s[9] - '0');
	if (dt.y < 1900 || dt.y > 2999 || dt.m < 1 || dt.m > 12 || dt.d < 1 ||
	    dt.d > month_days(dt.y, dt.m))
		return -1;
	*out = dt;
	return 0;
}

void
date_iso(struct date dt, char out[11])
{
	unsigned y = (unsigned)dt.y % 10000, m = (unsigned)dt.m % 100,
	         d = (unsigned)dt.d % 100;
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = out[7] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

void
date_text(struct date dt, struct buf *out)
{
	buf_printf(out, "%d %s %d", dt.d, month_names[dt.m - 1], dt.y);
}

void
date_range_text(struct date from, struct date to, struct buf *out)
{
	if (from.y != to.y)
		date_text(from, out);
	else if (from.m != to.m)
		buf_printf(out, "%d %s", from.d, month_names[from.m - 1]);
	else
		buf_printf(out, "%d", from.d);
	buf_puts(out, " to ");
	date_text(to, out);
}

/* Howard Hinnant's days-from-civil. */
long
date_to_days(struct date dt)
{
	long y = dt.y - (dt.m <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (dt.m + (dt.m > 2 ? -3 : 9)) + 2) / 5 + dt.d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

struct date
date_from_days(long z)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	struct date dt;
	dt.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	dt.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	dt.y = (int)(yoe + era * 400 + (dt.m <= 2));
	return dt;
}

int
date_weekday(struct date dt)
{
	long z = date_to_days(dt); /* 1970-01-01 was a Thursday */
	long w = (z + 3) % 7;
	return (int)(w < 0 ? w + 7 : w);
}

int
date_cmp(struct date a, struct date b)
{
	long x = date_to_days(a), y = date_to_days(b);
	return x < y ? -1 : x > y;
}

static bool
same(struct date a, struct date b)
{
	return a.y == b.y && a.m == b.m && a.d == b.d;
}

/* Easter Sunday (anonymous Gregorian algorithm). */
static struct date
easter(int y)
{
	int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
	int f = (b + 8) / 25, g = (b - f + 1) / 3;
	int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - h - k) % 7;
	int m = (a + 11 * h + 22 * l) / 451;
	struct date dt = {y, (h + l - 7 * m + 114) / 31,
	                  (h + l - 7 * m + 114) % 31 + 1};
	return dt;
}

static struct date
shift(struct date dt, long days)
{
	return date_from_days(date_to_days(dt) + days);
}

static struct date
first_monday(int y, int m)
{
	struct date dt = {y, m, 1};
	return shift(dt, (7 - date_weekday(dt)) % 7);
}

static struct date
last_monday(int y, int m)
{
	struct date dt = {y, m, month_days(y, m)};
	return shift(dt, -date_weekday(dt));
}

/* Fills out[] with the holidays of year y by rule, before any move; returns
 * how many. */
static int
rule_holidays(int y, struct date out[12])
{
	int n = 0;
	struct date ny = {y, 1, 1};
	int w = date_weekday(ny);
	out[n++] = w == 5 ? shift(ny, 2) : w == 6 ? shift(ny, 1) : ny;
	struct date e = easter(y);
	out[n++] = shift(e, -2);
	out[n++] = shift(e, 1);
	out[n++] = first_monday(y, 5);
	out[n++] = last_monday(y, 5);
	out[n++] = last_monday(y, 8);
	struct date xmas = {y, 12, 25}, boxing = {y, 12, 26};
	switch (date_weekday(xmas)) {
	case 4: /* Friday: Boxing Day on Saturday, substitute Monday 28 */
		out[n++] = xmas;
		out[n++] = shift(xmas, 3);
		break;
	case 5: /* Saturday: substitutes Monday 27 and Tuesday 28 */
		out[n++] = shift(xmas, 2);
		out[n++] = shift(xmas, 3);
		break;
	case 6: /* Sunday: Boxing Day Monday, Christmas substitute Tuesday */
		out[n++] = boxing;
		out[n++] = shift(xmas, 2);
		break;
	default:
		out[n++] = xmas;
		out[n++] = boxing;
	}
	/* Christmas Day itself is never a working day, even at a weekend. */
	out[n++] = xmas;
	return n;
}

bool
date_is_holiday(struct date dt)
{
	for (size_t i = 0; i < sizeof(added) / sizeof(added[0]); i++)
		if (same(dt, added[i]))
			return true;
	for (size_t i = 0; i < sizeof(moves) / sizeof(moves[0]); i++) {
		if (same(dt, moves[i].to))
			return true;
		if (same(dt, moves[i].from))
			return false;
	}
	struct date hol[12];
	int n = rule_holidays(dt.y, hol);
	for (int i = 0; i < n; i++)
		if (same(dt, hol[i]))
			return true;
	return false;
}

bool
date_is_working_day(struct date dt)
{
	return date_weekday(dt) < 5 && !date_is_holiday(dt);
}

struct date
date_add_working_days(struct date dt, int n)
{
	long z = date_to_days(dt);
	while (n > 0) {
		z++;
		if (date_is_working_day(date_from_days(z)))
			n--;
	}
	return date_from_days(z);
}

int
date_working_days_between(struct date a, struct date b)
{
	int sign = 1;
	if (date_cmp(b, a) < 0) {
		struct date t = a;
		a = b;
		b = t;
		sign = -1;
	}
	int count = 0;
	for (long z = date_to_days(a) + 1; z <= date_to_days(b); z++)
		if (date_is_working_day(date_from_days(z)))
			count++;
	return sign * count;
}
