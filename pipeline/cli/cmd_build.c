/* jtai build: every inspection under PATHs, all stages, outputs under -o. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build/build.h"
#include "cli/commands.h"
#include "core/diag.h"
#include "core/file.h"

static const char help[] =
    "usage: jtai build [-o OUTDIR] [-k] [-q] [--werror] [PATH...]\n\n"
    "Builds the letter of every inspection found at or under each PATH (a\n"
    "folder holding an inspection.yaml; default: the current folder).\n"
    "For each inspection NAME, writes into OUTDIR/NAME/:\n"
    "  merged.yaml   the merged letter model (canonical, diffable)\n"
    "  letter.md     the drafted letter (Markdown)\n"
    "  letter.pdf    the laid-out letter\n"
    "  charts/*.svg  the letter's charts\n"
    "Outputs are written only when every stage succeeds, each to a temporary\n"
    "name renamed into place: a failed build leaves earlier outputs intact.\n\n"
    "options:\n"
    "  -o, --output OUTDIR  where to write (default: out)\n"
    "  -k, --keep-going     go on past a failed inspection; report all\n"
    "  -q, --quiet          print nothing but diagnostics\n"
    "      --werror         treat warnings as errors: no letter is written\n"
    "                       while the reviewer's warnings stand\n"
    "  -h, --help           show this help\n\n"
    "environment:\n"
    "  JTAI_DATADIR         the folder holding templates/ and fonts/\n"
    "  SOURCE_DATE_EPOCH    the PDF's date when the letter has none\n"
    "  JTAI_ICC_PROFILE     the sRGB profile of the PDF/A output intent\n\n"
    "example: jtai build samples -o out\n\n"
    "exit status: 0 every letter built, 1 an inspection failed, 2 wrong "
    "usage\n";

struct opts {
	const char *outdir;
	int keep_going, quiet, werror;
};

static int
parse(int argc, char **argv, struct opts *o)
{
	static const struct option longs[] = {
	    {"output", required_argument, NULL, 'o'},
	    {"keep-going", no_argument, NULL, 'k'},
	    {"quiet", no_argument, NULL, 'q'},
	    {"werror", no_argument, NULL, 'W'},
	    {NULL, 0, NULL, 0}};
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "o:kq", longs, NULL)) != -1) {
		switch (c) {
		case 'o': o->outdir = optarg; break;
		case 'k': o->keep_going = 1; break;
		case 'q': o->quiet = 1; break;
		case 'W': o->werror = 1; break;
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

static int
build_all(const struct build_env *env, char **dirs, size_t n,
          const struct opts *o)
{
	size_t failed = 0;
	for (size_t i = 0; i < n; i++) {
		struct diag_sink d;
		diag_init(&d);
		struct letter l;
		int rc = build_letter(env, dirs[i], &l, &d);
		if (o->werror && d.warnings) {
			diag_werror(&d);
			rc = -1;
		}
		if (rc == 0)
			rc = letter_write(&l, o->outdir, &d);
		cli_report(&d);
		if (rc == 0 && !o->quiet)
			printf("%s/%s/letter.pdf\n", o->outdir, l.name);
		letter_release(&l);
		diag_release(&d);
		if (rc < 0) {
			failed++;
			if (!o->keep_going)
				break;
		}
	}
	if (failed && o->keep_going)
		fprintf(stderr, "jtai build: %zu of %zu inspections failed\n",
		        failed, n);
	return failed ? 1 : cli_stdout("", 0);
}

int
cmd_build(int argc, char **argv)
{
	struct opts o = {"out", 0, 0, 0};
	if (cli_wants_help(argc, argv)) {
		fputs(help, stdout);
		return cli_stdout("", 0);
	}
	if (parse(argc, argv, &o))
		return 2;
	struct diag_sink d;
	diag_init(&d);
	char **dirs = NULL;
	size_t n = 0;
	int rc = 1;
	struct build_env env = {0};
	if (optind == argc)
		build_find(".", &dirs, &n, &d);
	for (int i = optind; i < argc; i++)
		build_find(argv[i], &dirs, &n, &d);
	if (d.errors == 0)
		check_names(dirs, n, &d);
	if (d.errors == 0)
		build_env_init(&env, build_datadir(), &d);
	if (cli_report(&d) == 0)
		rc = build_all(&env, dirs, n, &o);
	build_env_release(&env);
	for (size_t i = 0; i < n; i++)
		free(dirs[i]);
	free(dirs);
	diag_release(&d);
	return rc;
}
