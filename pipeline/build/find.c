/* Finding the inspections under a path: every folder holding an
 * inspection.yaml, in sorted order so that builds are deterministic. */
#define _XOPEN_SOURCE 700 /* realpath */
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

/* path as given, or, when its last part names no folder ("pellowmere/",
 * ".", ".."), a path to the same folder that ends in its name, since an
 * inspection is named after its folder ("." becomes "../pellowmere"). */
static char *
named(const char *path)
{
	size_t len = strlen(path);
	while (len > 1 && path[len - 1] == '/')
		len--;
	char *p = xstrndup(path, len);
	const char *base = file_basename(p);
	if (strcmp(base, ".") != 0 && strcmp(base, "..") != 0)
		return p;
	char *real = realpath(p, NULL);
	const char *name = real ? file_basename(real) : "";
	if (*name == '\0' || !strcmp(name, "/")) {
		free(real);
		return p; /* the root: no name to give */
	}
	char *up = file_join("..", name);
	char *out = strcmp(p, ".") == 0 ? xstrdup(up) : file_join(p, up);
	free(up);
	free(real);
	free(p);
	return out;
}

static void
walk(const char *path, int depth, char ***dirs, size_t *n)
{
	char *yaml = file_join(path, "inspection.yaml");
	bool found = file_exists(yaml);
	free(yaml);
	if (found) {
		push(dirs, n, named(path));
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
