/* --depfile FILE on the stage commands (merge, draft, chart, render): the
 * files a command read, written when it succeeds as a Make rule for its
 * output, as cc -MD -MP writes one: "OUTPUT: DEP..." then an empty rule
 * for each DEP, so that make goes on when a dependency is removed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "core/alloc.h"
#include "core/buf.h"
#include "core/file.h"

static struct {
	char **paths;
	size_t n;
} deps;

static void
note(void *ctx, const char *path, const struct stat *st, const void *data,
     size_t len)
{
	for (size_t i = 0; i < deps.n; i++)
		if (!strcmp(deps.paths[i], path))
			return;
	deps.paths = xrealloc(deps.paths, (deps.n + 1) * sizeof(char *));
	deps.paths[deps.n++] = xstrdup(path);
}

/* Removes "--depfile FILE" or "--depfile=FILE" from argv[1..]. */
static const char *
take(int *argc, char **argv, int *bad)
{
	const char *file = NULL;
	for (int i = 1; i < *argc; i++) {
		int used = 0;
		if (!strcmp(argv[i], "--")) {
			break;
		} else if (!strcmp(argv[i], "--depfile")) {
			if (i + 1 >= *argc) {
				*bad = 1;
				return NULL;
			}
			file = argv[i + 1];
			used = 2;
		} else if (!strncmp(argv[i], "--depfile=", 10)) {
			file = argv[i] + 10;
			used = 1;
		}
		if (used) {
			memmove(argv + i, argv + i + used,
			        (size_t)(*argc - i - used + 1) * sizeof(char *));
			*argc -= used;
			i--;
		}
	}
	return file;
}

/* The command's output: the argument of -o or --output. */
static const char *
output_of(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if ((!strcmp(argv[i], "-o") || !strcmp(argv[i], "--output")) &&
		    i + 1 < argc)
			return argv[i + 1];
		if (!strncmp(argv[i], "--output=", 9))
			return argv[i] + 9;
		if (!strncmp(argv[i], "-o", 2) && argv[i][2])
			return argv[i] + 2;
	}
	return NULL;
}

/* A path as make reads it in a rule. */
static void
put_path(struct buf *b, const char *p)
{
	for (; *p; p++) {
		if (*p == '$')
			buf_puts(b, "$$");
		else if (*p == ' ' || *p == '#' || *p == '\\' || *p == ':')
			buf_putc(b, '\\'), buf_putc(b, *p);
		else
			buf_putc(b, *p);
	}
}

int
cli_depfile_begin(int *argc, char **argv, const char **depfile,
                  const char **target)
{
	int bad = 0;
	*depfile = take(argc, argv, &bad);
	*target = NULL;
	if (bad)
		return cli_usage_error(argv[0], "--depfile needs a file name");
	if (*depfile == NULL)
		return 0;
	*target = output_of(*argc, argv);
	if (*target == NULL || !strcmp(*target, "-"))
		return cli_usage_error(argv[0],
		                       "--depfile needs an output file (-o FILE)");
	file_observe_reads(note, NULL);
	return 0;
}

int
cli_depfile_end(const char *depfile, const char *target)
{
	file_observe_reads(NULL, NULL);
	struct buf b;
	buf_init(&b);
	put_path(&b, target);
	buf_putc(&b, ':');
	for (size_t i = 0; i < deps.n; i++) {
		buf_puts(&b, " \\\n  ");
		put_path(&b, deps.paths[i]);
	}
	buf_putc(&b, '\n');
	for (size_t i = 0; i < deps.n; i++) {
		buf_putc(&b, '\n');
		put_path(&b, deps.paths[i]);
		buf_puts(&b, ":\n");
	}
	int rc = cli_output(depfile, b.data, b.len);
	buf_release(&b);
	for (size_t i = 0; i < deps.n; i++)
		free(deps.paths[i]);
	free(deps.paths);
	deps.paths = NULL;
	deps.n = 0;
	return rc;
}
