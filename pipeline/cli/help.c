/* jtai help: the pages, jtai's own usage, and the man pages written out. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/help.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/file.h"

const struct help_page help_pages[] = {
    {"jtai", 1,
     "from inspectorates' findings to the published inspection "
     "letter",
     NULL},
    {"build", 1, "build the letters of every inspection under PATHs",
     &cmd_build_help},
    {"clean", 1, "remove what jtai build wrote into an output folder",
     &cmd_clean_help},
    {"check", 1, "check inspections, personal data and house style",
     &cmd_check_help},
    {"merge", 1, "merge an inspection's findings into merged.yaml",
     &cmd_merge_help},
    {"draft", 1, "draft letter.md from merged.yaml and a template",
     &cmd_draft_help},
    {"chart", 1, "draw a chart of merged.yaml as SVG or PNG", &cmd_chart_help},
    {"render", 1, "lay out letter.md as a PDF or an HTML page",
     &cmd_render_help},
    {"diff", 1, "what changed between two versions of an inspection",
     &cmd_diff_help},
    {"dates", 1, "working-day arithmetic (England and Wales)", &cmd_dates_help},
    {"new", 1, "make a new inspection folder for a framework", &cmd_new_help},
    {"schema", 5,
     "the input files of an inspection: inspection.yaml, "
     "findings, cases.yaml",
     &help_schema_text},
};
const size_t help_npages = sizeof(help_pages) / sizeof(help_pages[0]);

/* jtai --help, around the list of commands. */
static const char usage_head[] =
    "usage: jtai [--templates DIR] COMMAND [ARGS...]\n"
    "       jtai help [--man] [COMMAND|schema]\n"
    "       jtai --version | --templates-path\n\n"
    "Turns the findings that inspectorates write about one local area into\n"
    "the published inspection letter: a tagged PDF/A and an accessible HTML\n"
    "page. An inspection is a folder holding inspection.yaml, one\n"
    "findings/INSPECTORATE.yaml for each inspectorate taking part and,\n"
    "optionally, cases.yaml: 'jtai help schema' says what goes in them, and\n"
    "'jtai new' makes one to start from.\n\n"
    "Each stage of the pipeline is a command: merge reads an inspection into\n"
    "one merged letter model (merged.yaml), draft fills the framework's\n"
    "template with it (letter.md), chart draws its charts and render lays\n"
    "out the letter as a PDF or an HTML page. build runs every stage for one\n"
    "inspection or hundreds, remaking only what changed; check reports every\n"
    "problem without writing anything.\n\n"
    "Problems are reported on standard error as\n"
    "path:line:col: error: message (hint), in colour on a terminal. A\n"
    "command's help: 'jtai help COMMAND' or 'jtai COMMAND --help'; its\n"
    "manual page: 'man jtai-COMMAND', or 'jtai help --man COMMAND | man -l -'\n"
    "where the pages are not installed.\n\n"
    "commands:\n";

static const char usage_tail[] =
    "\noptions:\n"
    "  --templates DIR   search DIR for frameworks before the built-in ones;\n"
    "                    repeatable, and also after the command\n"
    "  --templates-path  print the folders searched for frameworks, in order\n"
    "  --version         print jtai's version and its libraries' (built\n"
    "                    with, running with)\n"
    "  -h, --help        show this help\n\n"
    "environment:\n"
    "  JTAI_DATADIR       the folder holding templates/ and fonts/ (default:\n"
    "                     ../share/jtai beside jtai, else its source tree)\n"
    "  JTAI_TEMPLATES     folders of frameworks searched before the built-in\n"
    "                     ones (after --templates), separated by colons\n"
    "  SOURCE_DATE_EPOCH  the PDF's date when the letter has none\n"
    "  JTAI_ICC_PROFILE   the sRGB profile of the PDF/A output intent\n"
    "                     (default: /usr/share/color/icc/sRGB.icc)\n"
    "  NO_COLOR           when set and not empty: no colour, even on a\n"
    "                     terminal\n\n"
    "exit status:\n"
    "  0  success\n"
    "  1  the inputs or the build failed\n"
    "  2  wrong usage\n"
    "Some commands say more: jtai diff exits 1 when the versions differ,\n"
    "jtai build 130 when interrupted.\n\n"
    "examples:\n"
    "  # start an inspection of Westmoor, check it, then build its letter\n"
    "  jtai new westmoor --framework jtai-2022\n"
    "  jtai check westmoor\n"
    "  jtai build westmoor -o out\n"
    "  # what a command does, and its options\n"
    "  jtai help build\n"
    "  # where frameworks are looked for\n"
    "  jtai --templates-path\n\n"
    "see also:\n"
    "  jtai-build(1), jtai-clean(1), jtai-check(1), jtai-merge(1),\n"
    "  jtai-draft(1), jtai-chart(1), jtai-render(1), jtai-diff(1),\n"
    "  jtai-dates(1), jtai-new(1), jtai-schema(5); README.md and docs/*.md,\n"
    "  installed in share/doc/jtai/\n";

const struct help_page *
help_find(const char *name)
{
	for (size_t i = 0; i < help_npages; i++)
		if (!strcmp(help_pages[i].name, name))
			return &help_pages[i];
	return NULL;
}

void
help_text(const struct help_page *p, struct buf *out)
{
	if (p->text != NULL) {
		buf_puts(out, *p->text);
		return;
	}
	buf_puts(out, usage_head);
	for (size_t i = 0; i < help_npages; i++)
		if (help_pages[i].section == 1 && help_pages[i].text != NULL)
			buf_printf(out, "  %-8s %s\n", help_pages[i].name,
			           help_pages[i].summary);
	buf_puts(out, usage_tail);
}

const char *
help_man_name(const struct help_page *p)
{
	static char name[64];
	if (!strcmp(p->name, "jtai"))
		snprintf(name, sizeof(name), "jtai.%d", p->section);
	else
		snprintf(name, sizeof(name), "jtai-%s.%d", p->name, p->section);
	return name;
}

/* The man page of p into out; returns 0, or -1 reported into d. */
static int
man_page(const struct help_page *p, struct buf *out, struct diag_sink *d)
{
	struct buf text;
	buf_init(&text);
	help_text(p, &text);
	int rc = help_man(p, buf_cstr(&text), out, d);
	buf_release(&text);
	return rc;
}

/* --man-dir DIR: every page as DIR/man<section>/<name>.<section>. */
static int
man_dir(const char *dir)
{
	struct diag_sink d;
	diag_init(&d);
	struct buf page;
	buf_init(&page);
	for (size_t i = 0; i < help_npages && d.errors == 0; i++) {
		const struct help_page *p = &help_pages[i];
		char sub[16];
		snprintf(sub, sizeof(sub), "man%d", p->section);
		buf_clear(&page);
		if (man_page(p, &page, &d) < 0 ||
		    file_mkdirs_within(dir, sub, &d) < 0)
			break;
		char *folder = file_join(dir, sub);
		char *path = file_join(folder, help_man_name(p));
		file_write_atomic(path, page.data, page.len, &d);
		free(path);
		free(folder);
	}
	buf_release(&page);
	int rc = cli_report(&d);
	diag_release(&d);
	return rc;
}

static int
unknown_page(const char *name)
{
	const char *names[32];
	size_t n = 0;
	for (size_t i = 0; i < help_npages && n < 32; i++)
		names[n++] = help_pages[i].name;
	const char *near = diag_nearest(name, names, n);
	if (near)
		return cli_usage_error("help",
		                       "no help on '%s' (did you mean "
		                       "'%s'?)",
		                       name, near);
	return cli_usage_error("help",
	                       "no help on '%s' (jtai --help lists "
	                       "the commands)",
	                       name);
}

int
help_run(int argc, char **argv)
{
	bool man = false;
	const char *name = NULL, *dir = NULL;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--man"))
			man = true;
		else if (!strcmp(a, "--man-dir") && i + 1 < argc)
			dir = argv[++i];
		else if (!strncmp(a, "--man-dir=", 10))
			dir = a + 10;
		else if (!strcmp(a, "-h") || !strcmp(a, "--help"))
			name = name ? name : "jtai";
		else if (a[0] == '-' || name != NULL)
			return cli_usage_error("help", "unexpected '%s'", a);
		else
			name = a;
	}
	if (dir != NULL)
		return man || name ? cli_usage_error("help", "--man-dir takes "
		                                             "no page")
		                   : man_dir(dir);
	const struct help_page *p = help_find(name ? name : "jtai");
	if (p == NULL)
		return unknown_page(name);
	struct buf out;
	buf_init(&out);
	struct diag_sink d;
	diag_init(&d);
	int rc = man ? man_page(p, &out, &d) : (help_text(p, &out), 0);
	if (rc == 0)
		rc = cli_stdout(out.data, out.len);
	else
		rc = cli_report(&d);
	buf_release(&out);
	diag_release(&d);
	return rc;
}
