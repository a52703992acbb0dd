/* jtai draft: merged.yaml + the framework's template -> letter.md. */
#include <stddef.h>

#include "cli/commands.h"
#include "draft/draft.h"
#include "merge/merge.h"

static const char help[] =
    "usage: jtai draft [-o FILE] [--depfile FILE] [--templates DIR] MERGED\n\n"
    "Drafts the letter from the merged letter model MERGED (a merged.yaml,\n"
    "as jtai merge writes it) with the Mustache template of its framework\n"
    "(templates/FRAMEWORK/letter.md and its partials/), and writes Markdown\n"
    "to FILE or standard output.\n\n"
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
    "  # draft the letter of a built inspection\n"
    "  jtai draft out/riverford-front-door/merged.yaml -o letter.md\n\n"
    "see also:\n"
    "  jtai(1), jtai-merge(1), jtai-render(1); docs/templates.md\n";
const char *const cmd_draft_help = help;

static int
draft_to_text(struct arena *a, const char *input, const char *templates,
              struct buf *out, struct diag_sink *d)
{
	struct value *model = merge_load(a, input, d);
	return model ? draft_run(model, templates, out, NULL, d) : -1;
}

int
cmd_draft(int argc, char **argv)
{
	return cli_transform(argc, argv, help, draft_to_text);
}
