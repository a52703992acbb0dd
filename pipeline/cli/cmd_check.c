/* jtai check: ingest and merge every inspection, write nothing. */
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
#include "ingest/ingest.h"
#include "merge/merge.h"
#include "qa/qa.h"

static const char help[] =
    "usage: jtai check [--werror] [--format FORMAT] [--templates DIR]\n"
    "                  [PATH...]\n"
    "       jtai check --explain RULE|all\n\n"
    "Reads every inspection found at or under each PATH (default: the\n"
    "current folder), merges its findings and drafts its letter, writing\n"
    "nothing. Reports every problem, not only the first, each as\n"
    "path:line:col: error: message (hint). Errors stop a letter: the input\n"
    "breaks the schema or the framework, or personal data could identify a\n"
    "child. Warnings are for the reviewer: the house style; a contradiction\n"
    "between inspectorates with no contrasts_with link; an agency in scope\n"
    "with no finding; an inspectorate with no finding of a kind the\n"
    "framework requires; a case no finding names; fieldwork that does not\n"
    "fit the notice period. A check's message ends with its rule,\n"
    "[pd-postcode] (docs/checks.md lists them). In text, a last line\n"
    "counts them: \"jtai check: 2 inspections, 1 error, 3 warnings\".\n\n"
    "options:\n"
    "  --werror         treat warnings as errors\n"
    "  --format FORMAT  text (the default, on standard error); json: one\n"
    "                   JSON document on standard output, {\"diagnostics\":\n"
    "                   [{file, line, column, severity, message, hint,\n"
    "                   rule}], \"errors\": N, \"warnings\": N}; github:"
    " GitHub\n"
    "                   Actions annotations on standard output, one a line\n"
    "                   (::error file=F,line=L,col=C::message)\n"
    "  --explain RULE   say what rule RULE checks, with an example that it\n"
    "                   reports and one it lets through; 'all' lists every\n"
    "                   rule\n"
    "  --templates DIR  search DIR for frameworks before the built-in ones\n"
    "  -h, --help       show this help\n\n"
    "environment:\n"
    "  JTAI_DATADIR    the folder holding templates/ and fonts/\n"
    "  JTAI_TEMPLATES  folders of frameworks searched before the built-in\n"
    "                  ones, separated by colons\n"
    "  NO_COLOR        when set and not empty: no colour, even on a terminal\n"
    "\n"
    "exit status:\n"
    "  0  no error (warnings allowed, unless --werror)\n"
    "  1  an error was found\n"
    "  2  wrong usage\n\n"
    "examples:\n"
    "  # check one inspection, as a reviewer would before sign-off\n"
    "  jtai check --werror samples/northshire-exploitation\n"
    "  # every inspection under samples/, as annotations on a pull request\n"
    "  jtai check --format github samples\n"
    "  # what the rule pd-postcode looks for\n"
    "  jtai check --explain pd-postcode\n\n"
    "see also:\n"
    "  jtai(1), jtai-build(1), jtai-new(1), jtai-schema(5); docs/checks.md,\n"
    "  docs/schema.md\n";
const char *const cmd_check_help = help;

struct check_opts {
	int werror;
	const char *explain;
};

static int
parse(int argc, char **argv, struct check_opts *o)
{
	static const struct option longs[] = {
	    {"werror", no_argument, NULL, 'W'},
	    {"explain", required_argument, NULL, 'e'},
	    {NULL, 0, NULL, 0}};
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "", longs, NULL)) != -1) {
		if (c == 'W')
			o->werror = 1;
		else if (c == 'e')
			o->explain = optarg;
		else
			return cli_usage_error("check", "unknown option '%s'",
			                       argv[optind - 1]);
	}
	return 0;
}

/* --explain RULE: the rule's line and examples; all: every rule. */
/* An example after its label, a text of several lines indented under its
 * first. */
static void
put_example(struct buf *out, const char *label, const char *text)
{
	buf_puts(out, label);
	for (const char *p = text; *p; p++) {
		buf_putc(out, *p);
		if (*p == '\n' && p[1] != '\n')
			buf_printf(out, "%*s", (int)strlen(label), "");
	}
	buf_putc(out, '\n');
}

static int
explain(const char *id)
{
	struct buf out;
	buf_init(&out);
	if (!strcmp(id, "all")) {
		for (size_t i = 0; i < QA_NRULES; i++)
			buf_printf(&out, "%-22s %s\n", qa_rules[i].id,
			           qa_rules[i].explain);
	} else {
		const struct qa_rule *r = qa_rule_find(id);
		if (r == NULL) {
			const char *names[QA_NRULES];
			qa_rule_ids(names);
			const char *near = diag_nearest(id, names, QA_NRULES);
			buf_release(&out);
			if (near)
				return cli_usage_error("check", "unknown rule '%s' (did you "
				                       "mean '%s'?)", id, near);
			return cli_usage_error("check", "unknown rule '%s' (jtai check "
			                       "--explain all lists them)", id);
		}
		buf_printf(&out, "%s (%s): %s\n", r->id,
		           r->personal ? "personal data, an error"
		                       : "house style, a warning",
		           r->explain);
		put_example(&out, "  reports:   ", r->fires);
		put_example(&out, "  lets pass: ", r->passes);
	}
	int rc = cli_stdout(buf_cstr(&out), out.len);
	buf_release(&out);
	return rc;
}

int
cmd_check(int argc, char **argv)
{
	if (cli_wants_help(argc, argv)) {
		fputs(help, stdout);
		return cli_stdout("", 0);
	}
	struct check_opts o = {0, NULL};
	if (parse(argc, argv, &o))
		return 2;
	if (o.explain)
		return explain(o.explain);
	struct diag_sink d;
	diag_init(&d);
	char **dirs = NULL;
	size_t n = 0;
	if (optind == argc)
		build_find(".", &dirs, &n, &d);
	for (int i = optind; i < argc; i++)
		build_find(argv[i], &dirs, &n, &d);
	char *templates = cli_templates();
	for (size_t i = 0; i < n; i++) {
		struct arena *a = arena_new();
		struct inspection *ins = ingest_load(a, dirs[i], templates, &d);
		const struct value *model = ins ? merge_run(a, ins, &d) : NULL;
		if (model)
			qa_run(ins, model, templates, &d);
		arena_free(a);
		free(dirs[i]);
	}
	free(dirs);
	free(templates);
	if (o.werror)
		diag_werror(&d);
	int rc = cli_report(&d);
	if (cli_report_format() == CLI_TEXT) {
		/* the count, errors or not, as a compiler ends its run */
		fprintf(stderr, "jtai check: %zu inspection%s, ", n,
		        n == 1 ? "" : "s");
		if (d.errors)
			fprintf(stderr, "%zu error%s", d.errors,
			        d.errors == 1 ? "" : "s");
		else
			fputs("no error", stderr);
		if (d.warnings)
			fprintf(stderr, ", %zu warning%s", d.warnings,
			        d.warnings == 1 ? "" : "s");
		fputc('\n', stderr);
	}
	diag_release(&d);
	return rc;
}
