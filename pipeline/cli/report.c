/* Printing diagnostics and checked writes to stdout: the only place, with
 * the commands, that talks to the terminal. */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "build/build.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/file.h"
#include "ingest/ingest.h"

static int
use_colour(void)
{
	const char *nc = getenv("NO_COLOR");
	return isatty(STDERR_FILENO) && (nc == NULL || nc[0] == '\0');
}

/* Set by cli_take_format: under json or github, cli_report keeps every
 * diagnostic in `kept` and cli_report_flush prints them as one document. */
static enum cli_format format = CLI_TEXT;
static struct diag_sink kept;
static int reported;

static void
print_text(const struct diag_sink *d)
{
	static const char *const colours[] = {"\033[1;31m", "\033[1;35m",
	                                      "\033[1;36m"};
	int colour = use_colour();
	struct buf line;
	buf_init(&line);
	for (size_t i = 0; i < d->n; i++) {
		buf_clear(&line);
		diag_format(&d->items[i], &line);
		const char *s = buf_cstr(&line);
		const char *lvl = strstr(s, d->items[i].level == DIAG_ERROR
		                                ? "error:"
		                                : d->items[i].level == DIAG_WARNING
		                                      ? "warning:"
		                                      : "note:");
		if (colour && lvl) {
			size_t n = strcspn(lvl, ":") + 1;
			fprintf(stderr, "\033[1m%.*s\033[0m%s%.*s\033[0m%s",
			        (int)(lvl - s), s, colours[d->items[i].level],
			        (int)n, lvl, lvl + n);
		} else {
			fputs(s, stderr);
		}
	}
	buf_release(&line);
}

int
cli_report(const struct diag_sink *d)
{
	reported = 1;
	if (format == CLI_TEXT)
		print_text(d);
	else
		diag_append(&kept, d);
	return d->errors > 0;
}

enum cli_format
cli_report_format(void)
{
	return format;
}

int
cli_report_flush(void)
{
	if (format == CLI_TEXT || !reported)
		return 0;
	struct buf out;
	buf_init(&out);
	if (format == CLI_JSON)
		diag_format_json(&kept, &out);
	else
		diag_format_github(&kept, &out);
	int rc = cli_stdout(out.data, out.len);
	buf_release(&out);
	diag_release(&kept);
	reported = 0;
	return rc;
}

/* Removes the first "--NAME VALUE" or "--NAME=VALUE" before "--" from argv.
 * Returns 1 with *value set, 0 when there is none, -1 when VALUE is
 * missing. */
static int
take_option(int *argc, char **argv, const char *name, const char **value)
{
	size_t len = strlen(name);
	for (int i = 1; i < *argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--"))
			return 0;
		if (strncmp(a, "--", 2) || strncmp(a + 2, name, len) ||
		    (a[2 + len] != '\0' && a[2 + len] != '='))
			continue;
		int used = 1;
		if (a[2 + len] == '=') {
			*value = a + 3 + len;
		} else if (i + 1 < *argc) {
			*value = argv[i + 1];
			used = 2;
		} else {
			return -1;
		}
		memmove(&argv[i], &argv[i + used],
		        (size_t)(*argc - i - used + 1) * sizeof(*argv));
		*argc -= used;
		return 1;
	}
	return 0;
}

int
cli_take_format(int *argc, char **argv, const char *cmd)
{
	static const char *const names[] = {"text", "json", "github"};
	const char *value;
	int found;
	while ((found = take_option(argc, argv, "format", &value)) == 1) {
		int i = 0;
		while (i < 3 && strcmp(value, names[i]))
			i++;
		if (i == 3)
			return cli_usage_error(cmd, "unknown format '%s' (expected "
			                       "text, json or github)", value);
		format = (enum cli_format)i;
	}
	return found < 0 ? cli_usage_error(cmd, "--format needs a value: "
	                                   "text, json or github")
	                 : 0;
}

int
cli_take_templates(int *argc, char **argv)
{
	const char *dir;
	int found;
	struct buf dirs;
	buf_init(&dirs);
	while ((found = take_option(argc, argv, "templates", &dir)) == 1) {
		if (!file_is_dir(dir)) {
			fprintf(stderr, "jtai: --templates '%s' is not a folder\n", dir);
			buf_release(&dirs);
			return 2;
		}
		buf_printf(&dirs, "%s:", dir);
	}
	if (found < 0) {
		fputs("jtai: --templates needs a folder\n", stderr);
		buf_release(&dirs);
		return 2;
	}
	if (dirs.len) {
		const char *old = getenv("JTAI_TEMPLATES");
		buf_puts(&dirs, old ? old : "");
		setenv("JTAI_TEMPLATES", buf_cstr(&dirs), 1);
	}
	buf_release(&dirs);
	return 0;
}

char *
cli_templates(void)
{
	char *builtin = file_join(build_datadir(), "templates");
	char *path = ingest_templates_path(builtin);
	free(builtin);
	return path;
}

int
cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "jtai %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nRun 'jtai %s --help' for usage.\n", cmd);
	return 2;
}

int
cli_stdout(const char *text, unsigned long len)
{
	if (len && fwrite(text, 1, len, stdout) != len)
		goto fail;
	if (fflush(stdout) != 0 || ferror(stdout))
		goto fail;
	return 0;
fail:
	fprintf(stderr, "jtai: cannot write to standard output\n");
	return 1;
}

int
cli_output(const char *path, const char *data, unsigned long len)
{
	if (path == NULL || !strcmp(path, "-"))
		return cli_stdout(data, len);
	struct diag_sink d;
	diag_init(&d);
	file_write_atomic(path, data, len, &d);
	int rc = cli_report(&d);
	diag_release(&d);
	return rc;
}

int
cli_wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--"))
			return 0;
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help"))
			return 1;
	}
	return 0;
}

int
cli_input_output(int argc, char **argv, const char *help, const char **input,
                 const char **output)
{
	static const struct option longs[] = {
	    {"output", required_argument, NULL, 'o'}, {NULL, 0, NULL, 0}};
	int c;
	if (cli_wants_help(argc, argv)) {
		fputs(help, stdout);
		return cli_stdout("", 0) ? 1 : -1;
	}
	*output = NULL;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "o:", longs, NULL)) != -1) {
		if (c != 'o')
			return cli_usage_error(argv[0], "unknown option '%s'",
			                       argv[optind - 1]);
		*output = optarg;
	}
	if (optind + 1 != argc)
		return cli_usage_error(argv[0], "expected one input, got %d",
		                       argc - optind);
	*input = argv[optind];
	return 0;
}

int
cli_transform(int argc, char **argv, const char *help, cli_transform_fn fn)
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
	char *templates = cli_templates();
	int ok = fn(a, input, templates, &out, &d) == 0;
	int rc = cli_report(&d);
	if (ok)
		rc = cli_output(output, out.data, out.len);
	free(templates);
	buf_release(&out);
	arena_free(a);
	diag_release(&d);
	return rc ? 1 : 0;
}
