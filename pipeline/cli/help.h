/* The help pages and the manual pages made from them (docs/cli.md, "How
 * the help is written"). Each command's help text sits beside its options
 * in cli/cmd_<name>.c and is what "jtai <command> --help" prints; jtai's
 * own (jtai(1)) is written by help_usage() and the input files' (jtai
 * help schema, jtai-schema(5)) is in cli/help_schema.c. The man pages are
 * made from the same texts (cli/help_man.c), so the two cannot disagree. */
#ifndef JTAI_CLI_HELP_H
#define JTAI_CLI_HELP_H

#include <stddef.h>

struct buf;
struct diag_sink;

struct help_page {
	const char *name;        /* "build"; "jtai" for jtai(1); "schema" */
	int section;             /* of the manual: 1 a command, 5 a file */
	const char *summary;     /* one line: in jtai --help and NAME */
	const char *const *text; /* the help text; NULL for "jtai" */
};

/* Every page: "jtai" first, then the commands in the order jtai --help
 * lists them, then "schema". */
extern const struct help_page help_pages[];
extern const size_t help_npages;

/* The input files' help text (cli/help_schema.c). */
extern const char *const help_schema_text;

/* The page called name ("jtai", a command or "schema"), or NULL. */
const struct help_page *help_find(const char *name);
/* Appends page p's help text to out: for "jtai" the usage that jtai
 * --help prints, with the commands listed from help_pages. */
void help_text(const struct help_page *p, struct buf *out);
/* The manual page's file name of p ("jtai-build.1"); static storage. */
const char *help_man_name(const struct help_page *p);
/* Appends the man page (roff, man(7) macros) made from text, the help
 * text of page p, to out. Returns 0, or -1 after reporting each place
 * where text breaks the layout into d (path "jtai help NAME"). */
int help_man(const struct help_page *p, const char *text, struct buf *out,
             struct diag_sink *d);

/* jtai help [--man] [PAGE] and jtai help --man-dir DIR; returns the exit
 * status. argv[0] is "help". */
int help_run(int argc, char **argv);

#endif
