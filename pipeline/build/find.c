/* Finding the inspections under a path: every folder holding an
 * inspection.yaml, in sorted order so that builds are deterministic. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "build/build.h"
#include "core/alloc.h"
#include "core/diag.h"
#include "core/file.h"

enum { FIND_MAX_DEPTH = 16 };

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
push(char ***dirs, size_t *n, char *path)
{
	*dirs = xrealloc(*dirs, (*n + 1) * sizeof(**dirs));
	(*dirs)[(*n)++] = path;
}

/* Lists the subfolders of path (not hidden), sorted. */
static char **
subfolders(const char *path, size_t *n)
{
	char **subs = NULL;
	*n = 0;
	DIR *dir = opendir(path);
	struct dirent *e;
	while (dir && (e = readdir(dir))) {
		if (e->d_name[0] == '.')
			continue;
		char *sub = file_join(path, e->d_name);
		if (file_is_dir(sub))
			push(&subs, n, sub);
		else
			free(sub);
	}
	if (dir)
		closedir(dir);
	if (*n)
		qsort(subs, *n, sizeof(*subs), cmp_str);
	return subs;
}

static void
walk(const char *path, int depth, char ***dirs, size_t *n)
{
	char *yaml = file_join(path, "inspection.yaml");
	bool found = file_exists(yaml);
	free(yaml);
	if (found) {
		push(dirs, n, xstrdup(path));
		return;
	}
	if (depth >= FIND_MAX_DEPTH)
		return;
	size_t ns;
	char **subs = subfolders(path, &ns);
	for (size_t i = 0; i < ns; i++) {
		walk(subs[i], depth + 1, dirs, n);
		free(subs[i]);
	}
	free(subs);
}

int
build_find(const char *path, char ***dirs, size_t *n, struct diag_sink *d)
{
	if (!file_is_dir(path)) {
		diag_error(d, path, 0, 0, "not a folder");
		return -1;
	}
	size_t before = *n;
	walk(path, 0, dirs, n);
	if (*n == before) {
		diag_error(d, path, 0, 0, "no inspection found (no inspection.yaml "
		                          "here or in any folder below)");
		return -1;
	}
	return 0;
}
