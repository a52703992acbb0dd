/* jtai draft: merged.yaml + the framework's template -> letter.md. */
#include <stdio.h>
#include <stdlib.h>

#include "build/build.h"
#include "cli/commands.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/file.h"
#include "draft/draft.h"
#include "merge/merge.h"

static const char help[] =
    "usage: jtai draft [-o FILE] MERGED\n\n"
    "Drafts the letter from the merged letter model MERGED (a merged.yaml)\n"
    "with the Mustache template of its framework (templates/<framework>/\n"
    "letter.md and partials/), and writes Markdown to FILE or standard\n"
    "output.\n\n"
    "options:\n"
    "  -o, --output FILE  where to write (written atomically)\n\n"
    "example: jtai draft out/riverford-front-door/merged.yaml -o letter.md\n\n"
    "exit status: 0 success, 1 the inputs are wrong, 2 wrong usage\n";

int
cmd_draft(int argc, char **argv)
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
	struct value *model = merge_load(a, input, &d);
	int ok = model && draft_run(model, templates, &out, NULL, &d) == 0;
	int rc = cli_report(&d);
	if (ok)
		rc = cli_output(output, out.data, out.len);
	free(templates);
	buf_release(&out);
	arena_free(a);
	diag_release(&d);
	return rc ? 1 : 0;
}
