/* jtai: from inspectorates' findings to the published inspection letter. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/help.h"
#include "core/buf.h"

/* What main() takes off a command's arguments before running it. */
enum {
	TAKES_FORMAT = 1, /* --format text|json|github (cli/report.c) */
	TAKES_DEPFILE = 2, /* --depfile FILE (cli/depfile.c) */
};

/* The commands; their summaries and help texts are in cli/help.c. */
struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	unsigned flags;
};

static const struct command commands[] = {
    {"build", cmd_build, TAKES_FORMAT},
    {"clean", cmd_clean, 0},
    {"check", cmd_check, TAKES_FORMAT},
    {"merge", cmd_merge, TAKES_DEPFILE},
    {"draft", cmd_draft, TAKES_DEPFILE},
    {"chart", cmd_chart, TAKES_DEPFILE},
    {"render", cmd_render, TAKES_DEPFILE},
    {"diff", cmd_diff, 0},
    {"dates", cmd_dates, 0},
    {"new", cmd_new, 0},
};

/* jtai's own help (jtai --help, jtai(1)). */
static void
usage(FILE *f)
{
	struct buf text;
	buf_init(&text);
	help_text(help_find("jtai"), &text);
	fputs(buf_cstr(&text), f);
	buf_release(&text);
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
	if (!strcmp(name, "--help") || !strcmp(name, "-h")) {
		usage(stdout);
		return cli_stdout("", 0);
	}
	if (!strcmp(name, "help"))
		return help_run(argc - 1, argv + 1);
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
