/* jtai merge: one inspection folder -> merged.yaml. */
#include <stdio.h>
#include <stdlib.h>

#include "build/build.h"
#include "cli/commands.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/file.h"
#include "ingest/ingest.h"
#include "merge/merge.h"

static const char help[] =
    "usage: jtai merge [-o FILE] DIR\n\n"
    "Reads the inspection in DIR (inspection.yaml, findings/*.yaml,\n"
    "cases.yaml) and writes the merged letter model as canonical YAML\n"
    "(layout: docs/merged.md) to FILE, or to standard output.\n\n"
    "options:\n"
    "  -o, --output FILE  where to write (written atomically)\n\n"
    "example: jtai merge samples/riverford-front-door -o merged.yaml\n\n"
    "exit status: 0 success, 1 the inputs are wrong, 2 wrong usage\n";

int
cmd_merge(int argc, char **argv)
{
	const char *input, *output;
	int status = cli_input_output(argc, argv, help, &input, &output);
	if (status)
		return status < 0 ? 0 : status;
	struct diag_sink d;
	diag_init(&d);
	struct arena *a = arena_new();
	struct buf out;
	buf_init(&out);
	char *templates = file_join(build_datadir(), "templates");
	struct inspection *ins = ingest_load(a, input, templates, &d);
	struct value *model = ins ? merge_run(a, ins, &d) : NULL;
	int rc = cli_report(&d);
	if (model) {
		merge_write(model, &out);
		rc = cli_output(output, out.data, out.len);
	}
	free(templates);
	buf_release(&out);
	arena_free(a);
	diag_release(&d);
	return rc;
}
