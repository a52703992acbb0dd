/* jtai dates: working-day arithmetic for England and Wales. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "core/buf.h"
#include "core/calendar.h"

static const char help[] =
    "usage: jtai dates add DATE N\n"
    "       jtai dates between A B\n"
    "       jtai dates is-working DATE\n\n"
    "Working days in England and Wales: not a Saturday, a Sunday, Christmas\n"
    "Day, Good Friday or a bank holiday (with substitute days and the days\n"
    "moved or added by proclamation). Dates are ISO 8601 (2026-03-16).\n\n"
    "  add DATE N       prints the date N working days after DATE\n"
    "  between A B      prints the number of working days after A up to and\n"
    "                   including B\n"
    "  is-working DATE  prints yes or no (exit status 0 either way)\n\n"
    "options:\n"
    "  -h, --help  show this help\n\n"
    "exit status:\n"
    "  0  success\n"
    "  2  wrong usage, or a date that is not one\n\n"
    "examples:\n"
    "  # when the written statement of action is due, 70 working days after\n"
    "  # a letter of 21 February 2022 (prints 2022-06-06)\n"
    "  jtai dates add 2022-02-21 70\n"
    "  # the working days from notification to the end of fieldwork\n"
    "  # (prints 14)\n"
    "  jtai dates between 2026-03-02 2026-03-20\n"
    "  # whether Easter Monday 2026 is a working day (prints no)\n"
    "  jtai dates is-working 2026-04-06\n\n"
    "see also:\n"
    "  jtai(1), jtai-schema(5); docs/schema.md\n";
const char *const cmd_dates_help = help;

static int
parse_date(const char *s, struct date *out)
{
	if (date_parse(s, out) < 0)
		return cli_usage_error("dates", "'%s' is not a date (YYYY-MM-DD)", s);
	return 0;
}

int
cmd_dates(int argc, char **argv)
{
	struct date a, b;
	char iso[11];
	if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
		fputs(help, stdout);
		return cli_stdout("", 0);
	}
	if (argc == 4 && !strcmp(argv[1], "add")) {
		char *end;
		long n = strtol(argv[3], &end, 10);
		if (parse_date(argv[2], &a) || *end || n < 0 || n > 100000)
			return 2;
		date_iso(date_add_working_days(a, (int)n), iso);
		printf("%s\n", iso);
	} else if (argc == 4 && !strcmp(argv[1], "between")) {
		if (parse_date(argv[2], &a) || parse_date(argv[3], &b))
			return 2;
		printf("%d\n", date_working_days_between(a, b));
	} else if (argc == 3 && !strcmp(argv[1], "is-working")) {
		if (parse_date(argv[2], &a))
			return 2;
		printf("%s\n", date_is_working_day(a) ? "yes" : "no");
	} else {
		return cli_usage_error("dates", "expected 'add DATE N', "
		                                "'between A B' or 'is-working DATE'");
	}
	return cli_stdout("", 0);
}
