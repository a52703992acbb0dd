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
    "                  [--werror] [--format FORMAT] [--templates DIR]"
    " [PATH...]\n"
    "       jtai build --watch [OPTION...] [PATH...]\n\n"
    "Builds the letter of every inspection found at or under each PATH (a\n"
    "folder holding an inspection.yaml; default: the current folder). For\n"
    "each inspection NAME, writes into OUTDIR/NAME/:\n\n"
    "  merged.yaml   the merged letter model (canonical, diffable)\n"
    "  letter.md     the drafted letter (Markdown)\n"
    "  charts/*.svg  the letter's charts\n"
    "  letter.pdf    the laid-out letter (tagged PDF/A-1b)\n"
    "  letter.html   the same letter as one accessible web page\n\n"
    "Only what is stale is made again: a target is remade when a file it\n"
    "was made from (findings, templates, fonts...), its options or jtai\n"
    "itself changed. The build state is kept in OUTDIR/.jtai/. Outputs are\n"
    "written only when every stage of an inspection succeeds, each to a\n"
    "temporary name renamed into place: a failed or interrupted build\n"
    "leaves earlier outputs intact.\n\n"
    "Progress: on a terminal one updating line, \"[12/153] render\n"
    "riverford/letter.pdf\"; otherwise one such line per target made.\n"
    "Ctrl-C stops the build: running inspections finish, nothing half\n"
    "written is left, and jtai exits with status 130.\n\n"
    "With --watch, jtai builds, then watches the PATHs (every folder below,\n"
    "new ones too), the frameworks and the font manifest, and builds again\n"
    "after each save: one line per target remade, and the diagnostics. An\n"
    "error does not stop it; Ctrl-C does (status 130).\n\n"
    "options:\n"
    "  -o, --output OUTDIR  where to write (default: out)\n"
    "  -j, --jobs N         inspections built at once (default: the number\n"
    "                       of processors)\n"
    "  -n, --dry-run        print the targets that would be made; make none\n"
    "      --explain        say why each target is made\n"
    "  -k, --keep-going     go on past a failed inspection; list every\n"
    "                       failure at the end\n"
    "  -q, --quiet          print nothing but diagnostics\n"
    "      --werror         treat warnings as errors: no letter is written\n"
    "                       while the reviewer's warnings stand\n"
    "      --templates DIR  search DIR for frameworks before the built-in\n"
    "                       ones\n"
    "      --watch          build, then build again after every change\n"
    "                       (Linux inotify; implies -k; docs/build.md)\n"
    "      --format FORMAT  text (the default); json: the diagnostics as one\n"
    "                       JSON document on stdout, as jtai check prints\n"
    "                       them; github: GitHub Actions annotations on\n"
    "                       stdout; either way progress goes to stderr\n"
    "  -h, --help           show this help\n\n"
    "environment:\n"
    "  JTAI_DATADIR       the folder holding templates/ and fonts/\n"
    "  JTAI_TEMPLATES     folders of frameworks searched before the\n"
    "                     built-in ones, separated by colons\n"
    "  SOURCE_DATE_EPOCH  the PDF's date when the letter has none\n"
    "  JTAI_ICC_PROFILE   the sRGB profile of the PDF/A output intent\n\n"
    "exit status:\n"
    "  0    every letter built\n"
    "  1    an inspection failed\n"
    "  2    wrong usage\n"
    "  130  interrupted\n\n"
    "examples:\n"
    "  # build the letter of every sample into out/; run again, it makes\n"
    "  # only what changed\n"
    "  jtai build samples -o out\n"
    "  # what would be made, and why, without making it\n"
    "  jtai build -n --explain samples -o out\n"
    "  # a batch on 8 jobs, going on past a failure to list them all\n"
    "  jtai build -j 8 -k samples -o published\n"
    "  # build again after every save, beside a PDF viewer that reloads;\n"
    "  # Ctrl-C ends it (exit status 130)\n"
    "  jtai build --watch samples/riverford-front-door -o out\n\n"
    "see also:\n"
    "  jtai(1), jtai-clean(1), jtai-check(1), jtai-schema(5); docs/build.md\n";
const char *const cmd_build_help = help;

static const char clean_help[] =
    "usage: jtai clean [-o OUTDIR] [-q]\n\n"
    "Removes every file that jtai build wrote into OUTDIR (as its build\n"
    "state records them), then the build state, then the folders left\n"
    "empty. Other files in OUTDIR are left alone.\n\n"
    "options:\n"
    "  -o, --output OUTDIR  the output folder (default: out)\n"
    "  -q, --quiet          do not list the files removed\n"
    "  -h, --help           show this help\n\n"
    "exit status:\n"
    "  0  success\n"
    "  1  the build state could not be read\n"
    "  2  wrong usage\n\n"
    "examples:\n"
    "  # remove what jtai build wrote into out/\n"
    "  jtai clean -o out\n\n"
    "see also:\n"
    "  jtai(1), jtai-build(1); docs/build.md\n";
const char *const cmd_clean_help = clean_help;

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
parse(int argc, char **argv, struct build_opts *o, bool *watch)
{
	static const struct option longs[] = {
	    {"watch", no_argument, NULL, 'w'},
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
		case 'w': *watch = true; break;
		default:
			return cli_usage_error("build", "unknown option '%s'",
			                       argv[optind - 1]);
		}
	}
	if (*watch && o->dry_run)
		return cli_usage_error("build", "--watch builds: it cannot be "
		                                "used with -n");
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

/* --werror: warnings fail the build, so they are reported as errors, as
 * jtai check --werror reports them. */
static bool werror;

static void
report(const struct diag_sink *d)
{
	if (!werror) {
		cli_report(d);
		return;
	}
	struct diag_sink e;
	diag_init(&e);
	diag_append(&e, d);
	diag_werror(&e);
	cli_report(&e);
	diag_release(&e);
}

/* The PATHs given (argv[optind...], else "."). */
struct paths {
	char **v;
	size_t n;
};

/* Finds every inspection under the paths; reports and returns -1 when a
 * path holds none or two have the same name. */
static int
find_all(void *ctx, char ***dirs, size_t *n)
{
	const struct paths *p = ctx;
	struct diag_sink d;
	diag_init(&d);
	for (size_t i = 0; i < p->n; i++)
		build_find(p->v[i], dirs, n, &d);
	if (d.errors == 0)
		check_names(*dirs, *n, &d);
	int rc = cli_report(&d) ? -1 : 0;
	diag_release(&d);
	return rc;
}

/* After each build of --watch: under --format json or github, the
 * diagnostics of that build as one document. */
static void
built(void *ctx, int status)
{
	(void)ctx;
	(void)status;
	if (cli_report_format() == CLI_TEXT)
		return;
	struct diag_sink none;
	diag_init(&none);
	cli_report(&none); /* a document even when there is nothing */
	cli_report_flush();
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
	bool watch = false;
	if (parse(argc, argv, &o, &watch))
		return 2;
	werror = o.werror;
	/* a document on stdout: everything else goes to stderr, and each
	 * inspection's diagnostics in the inspections' order */
	o.news_stderr = o.in_order = cli_report_format() != CLI_TEXT;
	/* watching, every target remade is a line of its own */
	o.progress = !o.quiet && !watch && isatty(STDERR_FILENO);
	o.say_idle = !o.quiet && !watch;
	static char *here[] = {"."};
	struct paths p = {argv + optind, (size_t)(argc - optind)};
	if (p.n == 0)
		p = (struct paths){here, 1};
	int rc = 1;
	if (watch) {
		o.keep_going = true;
		struct watch w = {p.v, p.n, find_all, built, &p};
		rc = build_watch(&w, &o);
	} else {
		char **dirs = NULL;
		size_t n = 0;
		if (find_all(&p, &dirs, &n) == 0)
			rc = build_run(dirs, n, &o);
		for (size_t i = 0; i < n; i++)
			free(dirs[i]);
		free(dirs);
	}
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
