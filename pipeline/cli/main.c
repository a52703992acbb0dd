/* jtai: from inspectorates' findings to the published inspection letter. */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
};

static const struct command commands[] = {
    {"build", cmd_build, "build the letters of every inspection under PATHs"},
    {"check", cmd_check, "check inspections, personal data and house style"},
    {"merge", cmd_merge, "merge an inspection's findings into merged.yaml"},
    {"draft", cmd_draft, "draft letter.md from merged.yaml and a template"},
    {"chart", cmd_chart, "draw a chart of merged.yaml as SVG or PNG"},
    {"render", cmd_render, "lay out letter.md as a PDF"},
    {"dates", cmd_dates, "working-day arithmetic (England and Wales)"},
    {"new", cmd_new, "make a new inspection folder for a framework"},
};

static void
usage(FILE *f)
{
	fputs("usage: jtai [--version] [--help] <command> [<args>]\n\n"
	      "Turns inspectorates' findings into the published inspection "
	      "letter.\n\ncommands:\n",
	      f);
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(f, "  %-8s %s\n", commands[i].name, commands[i].summary);
	fputs("\nRun 'jtai <command> --help' for a command's options.\n"
	      "Exit status: 0 success, 1 the inputs or the build failed, "
	      "2 wrong usage.\n",
	      f);
}

int
main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	const char *name = argv[1];
	if (!strcmp(name, "--help") || !strcmp(name, "-h") ||
	    !strcmp(name, "help")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(name, "--version")) {
		printf("jtai %s\n", JTAI_VERSION);
		return 0;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(name, commands[i].name))
			return commands[i].run(argc - 1, argv + 1);
	fprintf(stderr, "jtai: '%s' is not a jtai command\n", name);
	usage(stderr);
	return 2;
}
