/* jtai merge: one inspection folder -> merged.yaml. */
#include <stddef.h>

#include "cli/commands.h"
#include "ingest/ingest.h"
#include "merge/merge.h"

static const char help[] =
    "usage: jtai merge [-o FILE] [--depfile FILE] DIR\n\n"
    "Reads the inspection in DIR (inspection.yaml, findings/*.yaml,\n"
    "cases.yaml) and writes the merged letter model as canonical YAML\n"
    "(layout: docs/merged.md) to FILE, or to standard output.\n\n"
    "options:\n"
    "  -o, --output FILE  where to write (written atomically)\n"
    "      --depfile FILE Make rule of the files read, for -o's FILE\n\n"
    "example: jtai merge samples/riverford-front-door -o merged.yaml\n\n"
    "exit status: 0 success, 1 the inputs are wrong, 2 wrong usage\n";

static int
merge_to_text(struct arena *a, const char *input, const char *templates,
              struct buf *out, struct diag_sink *d)
{
	struct inspection *ins = ingest_load(a, input, templates, d);
	struct value *model = ins ? merge_run(a, ins, d) : NULL;
	if (model == NULL)
		return -1;
	merge_write(model, out);
	return 0;
}

int
cmd_merge(int argc, char **argv)
{
	return cli_transform(argc, argv, help, merge_to_text);
}
