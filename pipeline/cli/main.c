/* jtai: from inspectorates' findings to the published inspection letter. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"

/* What main() takes off a command's arguments before running it. */
enum {
	TAKES_FORMAT = 1, /* --format text|json|github (cli/report.c) */
	TAKES_DEPFILE = 2, /* --depfile FILE (cli/depfile.c) */
};

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
	unsigned flags;
};

static const struct command commands[] = {
    {"build", cmd_build, "build the letters of every inspection under PATHs",
     0},
    {"clean", cmd_clean, "remove what jtai build wrote into an output folder",
     0},
    {"check", cmd_check, "check inspections, personal data and house style",
     TAKES_FORMAT},
    {"merge", cmd_merge, "merge an inspection's findings into merged.yaml",
     TAKES_DEPFILE},
    {"draft", cmd_draft, "draft letter.md from merged.yaml and a template",
     TAKES_DEPFILE},
    {"chart", cmd_chart, "draw a chart of merged.yaml as SVG or PNG",
     TAKES_DEPFILE},
    {"render", cmd_render, "lay out letter.md as a PDF", TAKES_DEPFILE},
    {"diff", cmd_diff, "what changed between two versions of an inspection", 0},
    {"dates", cmd_dates, "working-day arithmetic (England and Wales)", 0},
    {"new", cmd_new, "make a new inspection folder for a framework", 0},
};

static void
usage(FILE *f)
{
	fputs("usage: jtai [--version] [--help] [--templates DIR] <command> "
	      "[<args>]\n\n"
	      "Turns inspectorates' findings into the published inspection "
	      "letter.\n\ncommands:\n",
	      f);
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(f, "  %-8s %s\n", commands[i].name, commands[i].summary);
	fputs("\noptions (--templates also after the command):\n"
	      "  --templates DIR   search DIR for frameworks before the built-in\n"
	      "                    ones (repeatable; also $JTAI_TEMPLATES, a\n"
	      "                    colon-separated list of folders)\n"
	      "  --templates-path  print the folders searched for frameworks\n"
	      "  --version         print the version and the libraries'\n"
	      "\nRun 'jtai <command> --help' for a command's options.\n"
	      "Exit status: 0 success, 1 the inputs or the build failed, "
	      "2 wrong usage.\n",
	      f);
}

/* --templates-path: the frameworks' search path, one folder a line. */
static int
templates_path(void)
{
	char *path = cli_templates();
	for (char *p = path; *p; p++)
		if (*p == ':')
			*p = '\n';
	int rc = cli_stdout(path, strlen(path)) || cli_stdout("\n", 1);
	free(path);
	return rc;
}

int
main(int argc, char **argv)
{
	if (cli_take_templates(&argc, argv))
		return 2;
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	const char *name = argv[1];
	if (!strcmp(name, "--help") || !strcmp(name, "-h") ||
	    !strcmp(name, "help")) {
		usage(stdout);
		return cli_stdout("", 0);
	}
	if (!strcmp(name, "--version"))
		return cli_version();
	if (!strcmp(name, "--templates-path"))
		return templates_path();
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		const struct command *c = &commands[i];
		if (strcmp(name, c->name))
			continue;
		int cargc = argc - 1;
		if ((c->flags & TAKES_FORMAT) &&
		    cli_take_format(&cargc, argv + 1, name))
			return 2;
		const char *depfile = NULL, *target = NULL;
		if ((c->flags & TAKES_DEPFILE) &&
		    cli_depfile_begin(&cargc, argv + 1, &depfile, &target))
			return 2;
		int rc = c->run(cargc, argv + 1);
		if (depfile != NULL && rc == 0)
			rc = cli_depfile_end(depfile, target);
		if (rc != 2 && cli_report_flush())
			rc = rc ? rc : 1;
		return rc;
	}
	fprintf(stderr, "jtai: '%s' is not a jtai command\n", name);
	usage(stderr);
	return 2;
}
