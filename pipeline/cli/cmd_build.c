/* jtai build: every inspection under PATHs, all stages, outputs under -o,
 * incrementally and in parallel (build/engine.c); and jtai clean. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "build/build.h"
#include "cli/commands.h"
#include "core/diag.h"
#include "core/file.h"

static const char help[] =
    "usage: jtai build [-o OUTDIR] [-j N] [-n] [--explain] [-k] [-q]\n"
    "                  [--werror] [PATH...]\n\n"
    "Builds the letter of every inspection found at or under each PATH (a\n"
    "folder holding an inspection.yaml; default: the current folder).\n"
    "For each inspection NAME, writes into OUTDIR/NAME/:\n"
    "  merged.yaml   the merged letter model (canonical, diffable)\n"
    "  letter.md     the drafted letter (Markdown)\n"
    "  charts/*.svg  the letter's charts\n"
    "  letter.pdf    the laid-out letter (tagged PDF/A-1b)\n"
    "  letter.html   the same letter as one accessible web page\n"
    "Only what is stale is made again: a target is remade when a file it\n"
    "was made from (findings, templates, fonts...), its options or jtai\n"
    "itself changed. The build state is kept in OUTDIR/.jtai/. Outputs are\n"
    "written only when every stage of an inspection succeeds, each to a\n"
    "temporary name renamed into place: a failed or interrupted build\n"
    "leaves earlier outputs intact.\n\n"
    "options:\n"
    "  -o, --output OUTDIR  where to write (default: out)\n"
    "  -j, --jobs N         inspections built at once (default: the\n"
    "                       number of processors)\n"
    "  -n, --dry-run        print the targets that would be made; make none\n"
    "      --explain        say why each target is made\n"
    "  -k, --keep-going     go on past a failed inspection; list every\n"
    "                       failure at the end\n"
    "  -q, --quiet          print nothing but diagnostics\n"
    "      --werror         treat warnings as errors: no letter is written\n"
    "                       while the reviewer's warnings stand\n"
    "  -h, --help           show this help\n\n"
    "Progress: on a terminal one updating line, \"[12/153] render\n"
    "riverford/letter.pdf\"; otherwise one such line per target made.\n"
    "Ctrl-C stops the build: running inspections finish, nothing half\n"
    "written is left, and jtai exits with status 130.\n\n"
    "environment:\n"
    "  JTAI_DATADIR         the folder holding templates/ and fonts/\n"
    "  SOURCE_DATE_EPOCH    the PDF's date when the letter has none\n"
    "  JTAI_ICC_PROFILE     the sRGB profile of the PDF/A output intent\n\n"
    "examples:\n"
    "  jtai build samples -o out\n"
    "  jtai build -n --explain samples -o out\n"
    "  jtai build -j 8 -k areas -o published\n\n"
    "exit status: 0 every letter built, 1 an inspection failed, 2 wrong\n"
    "usage, 130 interrupted\n";

static const char clean_help[] =
    "usage: jtai clean [-o OUTDIR] [-q]\n\n"
    "Removes every file that jtai build wrote into OUTDIR (as its build\n"
    "state records them), then the build state, then the folders left\n"
    "empty. Other files in OUTDIR are left alone.\n\n"
    "options:\n"
    "  -o, --output OUTDIR  the output folder (default: out)\n"
    "  -q, --quiet          do not list the files removed\n"
    "  -h, --help           show this help\n\n"
    "example: jtai clean -o out\n\n"
    "exit status: 0 success, 1 the state could not be read, 2 wrong usage\n";

static int
parse_jobs(const char *s, int *jobs)
{
	char *end;
	long v = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || v < 1 || v > 1024)
		return cli_usage_error("build", "-j wants a number from 1 to "
		                                "1024, not '%s'", s);
	*jobs = (int)v;
	return 0;
}

static int
parse(int argc, char **argv, struct build_opts *o)
{
	static const struct option longs[] = {
	    {"output", required_argument, NULL, 'o'},
	    {"jobs", required_argument, NULL, 'j'},
	    {"dry-run", no_argument, NULL, 'n'},
	    {"explain", no_argument, NULL, 'E'},
	    {"keep-going", no_argument, NULL, 'k'},
	    {"quiet", no_argument, NULL, 'q'},
	    {"werror", no_argument, NULL, 'W'},
	    {NULL, 0, NULL, 0}};
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "o:j:nkq", longs, NULL)) != -1) {
		switch (c) {
		case 'o': o->outdir = optarg; break;
		case 'j':
			if (parse_jobs(optarg, &o->jobs))
				return 2;
			break;
		case 'n': o->dry_run = true; break;
		case 'E': o->explain = true; break;
		case 'k': o->keep_going = true; break;
		case 'q': o->quiet = true; break;
		case 'W': o->werror = true; break;
		default:
			return cli_usage_error("build", "unknown option '%s'",
			                       argv[optind - 1]);
		}
	}
	return 0;
}

/* Names must be unique: two inspections writing OUTDIR/NAME would clash. */
static int
check_names(char **dirs, size_t n, struct diag_sink *d)
{
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			if (!strcmp(file_basename(dirs[i]), file_basename(dirs[j]))) {
				diag_error(d, dirs[j], 0, 0,
				           "two inspections named '%s' would write to "
				           "the same output folder", file_basename(dirs[j]));
				diag_hint(d, "the other is %s", dirs[i]);
				return -1;
			}
	return 0;
}

static void
report(const struct diag_sink *d)
{
	cli_report(d);
}

int
cmd_build(int argc, char **argv)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	struct build_opts o = {.outdir = "out",
	                       .jobs = cpus > 0 ? (int)cpus : 1,
	                       .report = report};
	if (cli_wants_help(argc, argv)) {
		fputs(help, stdout);
		return cli_stdout("", 0);
	}
	if (parse(argc, argv, &o))
		return 2;
	o.progress = !o.quiet && isatty(STDERR_FILENO);
	struct diag_sink d;
	diag_init(&d);
	char **dirs = NULL;
	size_t n = 0;
	int rc = 1;
	if (optind == argc)
		build_find(".", &dirs, &n, &d);
	for (int i = optind; i < argc; i++)
		build_find(argv[i], &dirs, &n, &d);
	if (d.errors == 0)
		check_names(dirs, n, &d);
	if (cli_report(&d) == 0)
		rc = build_run(dirs, n, &o);
	for (size_t i = 0; i < n; i++)
		free(dirs[i]);
	free(dirs);
	diag_release(&d);
	if (rc == 0 && cli_stdout("", 0))
		rc = 1;
	return rc;
}

int
cmd_clean(int argc, char **argv)
{
	static const struct option longs[] = {
	    {"output", required_argument, NULL, 'o'},
	    {"quiet", no_argument, NULL, 'q'},
	    {NULL, 0, NULL, 0}};
	const char *outdir = "out";
	bool quiet = false;
	if (cli_wants_help(argc, argv)) {
		fputs(clean_help, stdout);
		return cli_stdout("", 0);
	}
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "o:q", longs, NULL)) != -1) {
		switch (c) {
		case 'o': outdir = optarg; break;
		case 'q': quiet = true; break;
		default:
			return cli_usage_error("clean", "unknown option '%s'",
			                       argv[optind - 1]);
		}
	}
	if (optind < argc)
		return cli_usage_error("clean", "unexpected argument '%s'",
		                       argv[optind]);
	struct diag_sink d;
	diag_init(&d);
	int rc = build_clean(outdir, quiet, &d);
	cli_report(&d);
	diag_release(&d);
	if (rc == 0 && cli_stdout("", 0))
		rc = -1;
	return rc < 0 ? 1 : 0;
}
