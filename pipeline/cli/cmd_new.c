/* jtai new: scaffolds a new inspection folder. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "build/build.h"
#include "cli/commands.h"
#include "core/calendar.h"
#include "core/diag.h"
#include "core/file.h"

static const char help[] =
    "usage: jtai new [--framework F] [--area NAME] [--notified DATE]\n"
    "                [--templates DIR] INSPECTION\n\n"
    "Makes a new inspection folder INSPECTION for framework F:\n"
    "inspection.yaml, findings/INSPECTORATE.yaml for each inspectorate the\n"
    "framework names, and cases.yaml, every file explained in comments,\n"
    "with example values that pass 'jtai check' as they stand: one agency\n"
    "per inspectorate, one finding of each kind the framework requires\n"
    "(and one of every kind in the first inspectorate's file, so that no\n"
    "section of the letter is empty), and each judgement graded for a\n"
    "graded framework. The dates follow the framework: notified on DATE\n"
    "(day 1), on site after the notice period, the letter 20 working days\n"
    "after fieldwork. An INSPECTION that exists is refused.\n\n"
    "options:\n"
    "  -f, --framework F    the framework (default jtai-2022), a folder on\n"
    "                       the frameworks' search path\n"
    "      --area NAME      the area's name (default: from the folder's\n"
    "                       name, west-moor giving West Moor)\n"
    "      --notified DATE  the notification date, YYYY-MM-DD (default:\n"
    "                       today, or the next working day)\n"
    "      --templates DIR  search DIR for frameworks before the built-in\n"
    "                       ones\n"
    "  -h, --help           show this help\n\n"
    "environment:\n"
    "  JTAI_DATADIR    the folder holding templates/ and fonts/\n"
    "  JTAI_TEMPLATES  folders of frameworks searched before the built-in\n"
    "                  ones, separated by colons\n\n"
    "exit status:\n"
    "  0  made\n"
    "  1  INSPECTION exists or cannot be written, or F is not a framework\n"
    "  2  wrong usage\n\n"
    "examples:\n"
    "  # an inspection of Westmoor under the current framework, notified on\n"
    "  # 2 March 2026\n"
    "  jtai new westmoor --framework jtai-2022 --notified 2026-03-02\n"
    "  # which passes the checks as it stands\n"
    "  jtai check westmoor\n\n"
    "see also:\n"
    "  jtai(1), jtai-check(1), jtai-build(1), jtai-schema(5); docs/schema.md,\n"
    "  docs/templates.md\n";
const char *const cmd_new_help = help;

/* "west-moor" -> "West Moor". */
static char *
area_from(const char *dir)
{
	char *copy = strdup(dir);
	size_t n = strlen(copy);
	while (n > 1 && copy[n - 1] == '/')
		copy[--n] = '\0';
	char *s = strdup(file_basename(copy));
	free(copy);
	for (char *p = s; *p; p++) {
		if (*p == '-' || *p == '_')
			*p = ' ';
		if ((p == s || p[-1] == ' ') && *p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	}
	return s;
}

static struct date
today(void)
{
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	struct date d = {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
	return d;
}

int
cmd_new(int argc, char **argv)
{
	static const struct option longs[] = {
	    {"framework", required_argument, NULL, 'f'},
	    {"area", required_argument, NULL, 'a'},
	    {"notified", required_argument, NULL, 'n'},
	    {NULL, 0, NULL, 0}};
	if (cli_wants_help(argc, argv)) {
		fputs(help, stdout);
		return cli_stdout("", 0);
	}
	const char *framework = "jtai-2022", *area = NULL;
	struct date notified = today();
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "f:", longs, NULL)) != -1) {
		if (c == 'f')
			framework = optarg;
		else if (c == 'a')
			area = optarg;
		else if (c == 'n' && date_parse(optarg, &notified) == 0)
			continue;
		else if (c == 'n')
			return cli_usage_error("new", "'%s' is not a date "
			                       "(YYYY-MM-DD)", optarg);
		else
			return cli_usage_error("new", "unknown option '%s'",
			                       argv[optind - 1]);
	}
	if (optind + 1 != argc)
		return cli_usage_error("new", "expected one folder, got %d",
		                       argc - optind);
	const char *dir = argv[optind];
	char *name = area ? strdup(area) : area_from(dir);
	char *templates = cli_templates();
	struct diag_sink d;
	diag_init(&d);
	build_new(dir, templates, framework, name, notified, &d);
	int rc = cli_report(&d);
	if (rc == 0)
		fprintf(stderr, "jtai new: made %s (%s); next: jtai check %s\n",
		        dir, framework, dir);
	diag_release(&d);
	free(templates);
	free(name);
	return rc;
}
