/* The commands of the jtai executable: each is cmd_<name>(argc, argv) in
 * cli/cmd_<name>.c, returning the exit status (0 success, 1 the inputs or
 * the build failed, 2 wrong usage). argv[0] is the command's name. */
#ifndef JTAI_CLI_COMMANDS_H
#define JTAI_CLI_COMMANDS_H

struct arena;
struct buf;
struct diag_sink;

int cmd_build(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_clean(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_draft(int argc, char **argv);
int cmd_chart(int argc, char **argv);
int cmd_render(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_dates(int argc, char **argv);
int cmd_new(int argc, char **argv);
/* Each command's help text, as its --help prints it; cli/help.c makes the
 * man pages of them. */
extern const char *const cmd_build_help, *const cmd_clean_help,
    *const cmd_check_help, *const cmd_merge_help, *const cmd_draft_help,
    *const cmd_chart_help, *const cmd_render_help, *const cmd_diff_help,
    *const cmd_dates_help, *const cmd_new_help;

/* Prints every diagnostic of d to stderr (colour on a terminal unless
 * NO_COLOR is set); under --format json or github (cli_take_format) keeps
 * a copy for cli_report_flush instead. Returns 1 when d holds an error,
 * else 0. */
int cli_report(const struct diag_sink *d);
/* How diagnostics are printed: text on stderr, or for other tools one JSON
 * document or GitHub annotations on stdout. */
enum cli_format { CLI_TEXT, CLI_JSON, CLI_GITHUB };
/* Removes every "--format FORMAT" and "--format=FORMAT" before "--" from
 * argv (updating *argc) and makes cli_report keep to FORMAT (text, json or
 * github). main() calls it for the commands that take --format. Returns 0,
 * or 2 after a usage error naming cmd. */
int cli_take_format(int *argc, char **argv, const char *cmd);
/* The format set by cli_take_format (CLI_TEXT when none). */
enum cli_format cli_report_format(void);
/* Under --format json or github, once a command has called cli_report:
 * prints every diagnostic kept, as one document on stdout. Returns 0, or
 * 1 when stdout failed. */
int cli_report_flush(void);
/* Removes every "--templates DIR" and "--templates=DIR" before "--" from
 * argv (updating *argc) and puts the DIRs, in the order given, at the
 * front of $JTAI_TEMPLATES, which ingest_templates_path() reads. Returns
 * 0, or 2 after a usage error (no DIR, or DIR not a folder). */
int cli_take_templates(int *argc, char **argv);
/* The frameworks' search path (ingest_templates_path) for the data
 * folder's templates/. The caller frees it. */
char *cli_templates(void);
/* Prints jtai's version and its libraries' (jtai --version); returns 0,
 * or 1 when stdout failed. */
int cli_version(void);
/* Prints "jtai <cmd>: message" and a pointer to --help; returns 2. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Writes text to stdout and checks it reached it; returns 0 or 1. */
int cli_stdout(const char *text, unsigned long len);
/* Writes data to path atomically, or to stdout when path is NULL or "-".
 * Returns 0, or 1 after printing the error. */
int cli_output(const char *path, const char *data, unsigned long len);
/* Parses the options of a command that takes "[-o FILE] INPUT": prints
 * help and returns -1 (exit 0) when asked, returns 2 on wrong usage, else 0
 * with *output (NULL when not given) and *input set. */
int cli_input_output(int argc, char **argv, const char *help,
                     const char **input, const char **output);
/* Turns input into text appended to out, with the frameworks under
 * templates; returns 0, or -1 after reporting into d. */
typedef int (*cli_transform_fn)(struct arena *a, const char *input,
                                const char *templates, struct buf *out,
                                struct diag_sink *d);
/* The whole of a command "[-o FILE] INPUT" that turns one input into text:
 * parses the options, runs fn, prints its diagnostics and writes the text
 * to FILE (atomically) or standard output. Returns the exit status. */
int cli_transform(int argc, char **argv, const char *help,
                  cli_transform_fn fn);
/* --depfile FILE (cli/depfile.c): takes it off argv (argv[0] is the
 * command), finds the command's -o output, and records every file read
 * from then on. Returns 0 (*depfile NULL when not asked for), or 2 after
 * a usage error. */
int cli_depfile_begin(int *argc, char **argv, const char **depfile,
                      const char **target);
/* Writes the Make rule "target: every file read" to depfile, atomically.
 * Returns 0, or 1 after printing the error. */
int cli_depfile_end(const char *depfile, const char *target);

/* True when argv[i] asks for help (-h or --help) for any i >= 1. */
int cli_wants_help(int argc, char **argv);

#endif
