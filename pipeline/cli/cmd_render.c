/* jtai render: letter.md -> letter.pdf, or letter.html with --html. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build/build.h"
#include "cli/commands.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/file.h"
#include "merge/merge.h"

static const char help[] =
    "usage: jtai render [-o FILE] [--model MERGED] [--html] [--depfile FILE]\n"
    "                   LETTER\n\n"
    "Lays out the Markdown letter LETTER (a letter.md) as an A4 PDF with\n"
    "embedded fonts, bookmarks and a running footer: tagged, and PDF/A-1b\n"
    "(docs/tagged-pdf.md, docs/pdfa.md). Charts referenced as\n"
    "![alt](chart:NAME) are drawn from the merged letter model MERGED\n"
    "(default: the merged.yaml beside LETTER, when there is one). With\n"
    "--html, writes the letter as one accessible HTML page instead\n"
    "(docs/html.md).\n\n"
    "options:\n"
    "  -o, --output FILE    where to write (default: LETTER with .pdf, or\n"
    "                       .html with --html), atomically\n"
    "  -m, --model MERGED   the merged.yaml to draw the charts from\n"
    "      --html           write the HTML page, not the PDF\n"
    "      --depfile FILE   also write a Make rule naming every file read,\n"
    "                       for the output named by -o\n"
    "  -h, --help           show this help\n\n"
    "environment:\n"
    "  JTAI_DATADIR       the folder holding templates/ and fonts/\n"
    "  SOURCE_DATE_EPOCH  the PDF's date when the letter has none\n"
    "  JTAI_ICC_PROFILE   the sRGB profile of the PDF/A output intent\n\n"
    "exit status:\n"
    "  0  success\n"
    "  1  the inputs are wrong (each error located on standard error)\n"
    "  2  wrong usage\n\n"
    "examples:\n"
    "  # lay out a drafted letter as letter.pdf beside it\n"
    "  jtai render out/riverford-front-door/letter.md\n"
    "  # the same letter as a web page, written elsewhere\n"
    "  jtai render --html -o riverford.html"
    " out/riverford-front-door/letter.md\n\n"
    "see also:\n"
    "  jtai(1), jtai-draft(1), jtai-chart(1), jtai-build(1);\n"
    "  docs/typesetting.md, docs/pdfa.md, docs/html.md\n";
const char *const cmd_render_help = help;

/* LETTER with its .md replaced by ext (".pdf" or ".html"). */
static char *
default_output(const char *letter, const char *ext)
{
	size_t n = strlen(letter), e = strlen(ext) + 1;
	if (n > 3 && !strcmp(letter + n - 3, ".md"))
		n -= 3;
	char *out = malloc(n + e);
	if (out == NULL)
		abort();
	memcpy(out, letter, n);
	memcpy(out + n, ext, e);
	return out;
}

static struct value *
load_model(struct arena *a, const char *letter, const char *given,
           struct diag_sink *d)
{
	if (given)
		return merge_load(a, given, d);
	char *dir = file_dirname(letter);
	char *path = file_join(dir, "merged.yaml");
	struct value *v = file_exists(path) ? merge_load(a, path, d) : NULL;
	free(path);
	free(dir);
	return v;
}

int
cmd_render(int argc, char **argv)
{
	static const struct option longs[] = {
	    {"output", required_argument, NULL, 'o'},
	    {"model", required_argument, NULL, 'm'},
	    {"html", no_argument, NULL, 'H'},
	    {NULL, 0, NULL, 0}};
	const char *output = NULL, *model_path = NULL;
	int c, html = 0;
	if (cli_wants_help(argc, argv)) {
		fputs(help, stdout);
		return cli_stdout("", 0);
	}
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "o:m:", longs, NULL)) != -1) {
		if (c == 'o')
			output = optarg;
		else if (c == 'm')
			model_path = optarg;
		else if (c == 'H')
			html = 1;
		else
			return cli_usage_error("render", "unknown option '%s'",
			                       argv[optind - 1]);
	}
	if (optind + 1 != argc)
		return cli_usage_error("render", "expected one letter.md");
	const char *letter = argv[optind];
	struct diag_sink d;
	diag_init(&d);
	struct arena *a = arena_new();
	struct buf md, doc;
	buf_init(&md);
	buf_init(&doc);
	struct build_env env = {0};
	const char *ext = html ? ".html" : ".pdf";
	char *out = output ? NULL : default_output(letter, ext);
	int ok = build_env_init(&env, build_datadir(), &d) == 0 &&
	         file_read(letter, &md, &d) == 0;
	struct value *model = ok ? load_model(a, letter, model_path, &d) : NULL;
	if (ok && d.errors == 0)
		ok = build_render(&env, letter, md.data, md.len, model,
		                  html ? NULL : &doc, html ? &doc : NULL,
		                  &d) == 0;
	else
		ok = 0;
	int rc = cli_report(&d);
	if (ok)
		rc = cli_output(output ? output : out, doc.data, doc.len);
	free(out);
	build_env_release(&env);
	buf_release(&md);
	buf_release(&doc);
	arena_free(a);
	diag_release(&d);
	return rc ? 1 : 0;
}
