/* Dates and working days in England and Wales. A working day is not a
 * Saturday, a Sunday, Christmas Day, Good Friday or a bank holiday of England
 * and Wales (computed by rule, with substitute days, plus the days moved or
 * added by proclamation, kept as data). */
#ifndef JTAI_CORE_CALENDAR_H
#define JTAI_CORE_CALENDAR_H

#include <stdbool.h>

struct buf;

struct date {
	int y, m, d;
};

/* Parses a strict ISO date "YYYY-MM-DD" (years 1900 to 2999) that exists in
 * the calendar. Returns 0, or -1 when s is not such a date. */
int date_parse(const char *s, struct date *out);
/* Writes "YYYY-MM-DD" and a NUL into out[11]. */
void date_iso(struct date dt, char out[11]);
/* Appends the house-style form: "1 March 2026". */
void date_text(struct date dt, struct buf *out);
/* Appends a house-style range: "16 to 20 March 2026", "30 March to 3 April
 * 2026", "29 December 2025 to 2 January 2026". */
void date_range_text(struct date from, struct date to, struct buf *out);

/* Days since 1970-01-01 (negative before), and back. */
long date_to_days(struct date dt);
struct date date_from_days(long days);
/* 0 = Monday ... 6 = Sunday. */
int date_weekday(struct date dt);
int date_cmp(struct date a, struct date b);

/* True when dt is a bank holiday (or Good Friday / Christmas Day) in England
 * and Wales. */
bool date_is_holiday(struct date dt);
bool date_is_working_day(struct date dt);
/* The date n working days after dt (n >= 0; dt itself does not count). */
struct date date_add_working_days(struct date dt, int n);
/* Working days after a up to and including b (negative when b < a). */
int date_working_days_between(struct date a, struct date b);

#endif
