/* jtai draft: merged.yaml + the framework's template -> letter.md. */
#include <stddef.h>

#include "cli/commands.h"
#include "draft/draft.h"
#include "merge/merge.h"

static const char help[] =
    "usage: jtai draft [-o FILE] [--depfile FILE] MERGED\n\n"
    "Drafts the letter from the merged letter model MERGED (a merged.yaml)\n"
    "with the Mustache template of its framework (templates/<framework>/\n"
    "letter.md and partials/), and writes Markdown to FILE or standard\n"
    "output.\n\n"
    "options:\n"
    "  -o, --output FILE  where to write (written atomically)\n"
    "      --depfile FILE Make rule of the files read, for -o's FILE\n\n"
    "example: jtai draft out/riverford-front-door/merged.yaml -o letter.md\n\n"
    "exit status: 0 success, 1 the inputs are wrong, 2 wrong usage\n";

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
