/* jtai merge: one inspection folder -> merged.yaml. */
#include <stddef.h>

#include "cli/commands.h"
#include "ingest/ingest.h"
#include "merge/merge.h"

static const char help[] =
    "usage: jtai merge [-o FILE] [--depfile FILE] [--templates DIR]\n"
    "                  INSPECTION\n\n"
    "Reads the inspection in the folder INSPECTION (inspection.yaml,\n"
    "findings/*.yaml, cases.yaml) and its framework, and writes the merged\n"
    "letter model as canonical YAML (layout: docs/merged.md) to FILE, or to\n"
    "standard output: the findings grouped by kind, theme, agency or\n"
    "judgement, each credited to the inspectorates that found it, joint\n"
    "findings folded into one, the overall judgement by the framework's\n"
    "rule and the dates in working days. Its keys and lists come in a fixed\n"
    "order, so that a diff shows only real change.\n\n"
    "options:\n"
    "  -o, --output FILE    where to write (default: standard output),\n"
    "                       atomically\n"
    "      --depfile FILE   also write a Make rule naming every file read,\n"
    "                       for the output named by -o\n"
    "      --templates DIR  search DIR for frameworks before the built-in\n"
    "                       ones\n"
    "  -h, --help           show this help\n\n"
    "environment:\n"
    "  JTAI_DATADIR    the folder holding templates/ and fonts/\n"
    "  JTAI_TEMPLATES  folders of frameworks searched before the built-in\n"
    "                  ones, separated by colons\n\n"
    "exit status:\n"
    "  0  success\n"
    "  1  the inputs are wrong (each error located on standard error)\n"
    "  2  wrong usage\n\n"
    "examples:\n"
    "  # merge one inspection into merged.yaml\n"
    "  jtai merge samples/riverford-front-door -o merged.yaml\n"
    "  # the same, with a Make rule of the files read, for make's include\n"
    "  jtai merge --depfile merged.d -o merged.yaml"
    " samples/riverford-front-door\n\n"
    "see also:\n"
    "  jtai(1), jtai-draft(1), jtai-build(1), jtai-schema(5); docs/merged.md,\n"
    "  docs/build.md\n";
const char *const cmd_merge_help = help;

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
