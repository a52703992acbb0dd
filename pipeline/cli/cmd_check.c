/* jtai check: ingest and merge every inspection, write nothing. */
#include <stdio.h>
#include <stdlib.h>

#include "build/build.h"
#include "cli/commands.h"
#include "core/arena.h"
#include "core/diag.h"
#include "core/file.h"
#include "ingest/ingest.h"
#include "merge/merge.h"

static const char help[] =
    "usage: jtai check [PATH...]\n\n"
    "Reads every inspection found at or under each PATH (default: the\n"
    "current folder) and merges its findings, writing nothing. Prints every\n"
    "problem as path:line:col: error: message.\n\n"
    "example: jtai check samples/northshire-exploitation\n\n"
    "exit status: 0 no error, 1 an error was found, 2 wrong usage\n";

int
cmd_check(int argc, char **argv)
{
	if (cli_wants_help(argc, argv)) {
		fputs(help, stdout);
		return cli_stdout("", 0);
	}
	for (int i = 1; i < argc; i++)
		if (argv[i][0] == '-')
			return cli_usage_error("check", "unknown option '%s'", argv[i]);
	struct diag_sink d;
	diag_init(&d);
	char **dirs = NULL;
	size_t n = 0;
	if (argc == 1)
		build_find(".", &dirs, &n, &d);
	for (int i = 1; i < argc; i++)
		build_find(argv[i], &dirs, &n, &d);
	char *templates = file_join(build_datadir(), "templates");
	for (size_t i = 0; i < n; i++) {
		struct arena *a = arena_new();
		struct inspection *ins = ingest_load(a, dirs[i], templates, &d);
		if (ins)
			merge_run(a, ins, &d);
		arena_free(a);
		free(dirs[i]);
	}
	free(dirs);
	free(templates);
	int rc = cli_report(&d);
	if (rc == 0)
		fprintf(stderr, "jtai check: %zu inspection%s, no error\n", n,
		        n == 1 ? "" : "s");
	diag_release(&d);
	return rc;
}
