/* The frameworks' search path: a list of folders joined by ':', each
 * holding framework folders (<id>/framework.yaml) and perhaps the names
 * files (inspectorates.yaml, terms.yaml). The first folder holding what is
 * looked for wins, so a user's folders ($JTAI_TEMPLATES, jtai --templates)
 * come before the built-in one, which is always last. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "core/file.h"
#include "ingest/ingest.h"

/* The next folder of the search path at *p into one (empty entries
 * skipped); returns 0 at the end. */
static int
next_folder(const char **p, struct buf *one)
{
	while (**p == ':')
		(*p)++;
	if (**p == '\0')
		return 0;
	size_t n = strcspn(*p, ":");
	buf_clear(one);
	buf_append(one, *p, n);
	*p += n;
	return 1;
}

char *
ingest_templates_path(const char *builtin)
{
	const char *env = getenv("JTAI_TEMPLATES");
	struct buf path, one;
	buf_init(&path);
	buf_init(&one);
	for (const char *p = env ? env : ""; next_folder(&p, &one);)
		buf_printf(&path, "%s:", buf_cstr(&one));
	buf_puts(&path, builtin);
	buf_release(&one);
	return buf_detach(&path);
}

char *
ingest_template_file(const char *templates, const char *rel)
{
	struct buf one;
	buf_init(&one);
	char *found = NULL;
	for (const char *p = templates; next_folder(&p, &one);) {
		free(found);
		found = file_join(buf_cstr(&one), rel);
		if (file_exists(found))
			break;
	}
	buf_release(&one);
	return found ? found : xstrdup(rel);
}

char *
ingest_framework_dir(const char *templates, const char *id)
{
	struct buf rel;
	buf_init(&rel);
	buf_printf(&rel, "%s/framework.yaml", id);
	char *fy = ingest_template_file(templates, buf_cstr(&rel));
	buf_release(&rel);
	char *slash = strrchr(fy, '/');
	if (slash && slash != fy)
		*slash = '\0';
	return fy;
}

static int
compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **
ingest_framework_ids(const char *templates, size_t *n)
{
	char **ids = NULL;
	size_t cap = 0;
	*n = 0;
	struct buf one;
	buf_init(&one);
	for (const char *p = templates; next_folder(&p, &one);) {
		DIR *dir = opendir(buf_cstr(&one));
		struct dirent *e;
		while (dir && (e = readdir(dir))) {
			char *sub = file_join(buf_cstr(&one), e->d_name);
			char *fy = file_join(sub, "framework.yaml");
			if (e->d_name[0] != '.' && file_exists(fy)) {
				ids = xgrow(ids, &cap, *n + 1, sizeof(*ids));
				ids[(*n)++] = xstrdup(e->d_name);
			}
			free(fy);
			free(sub);
		}
		if (dir)
			closedir(dir);
	}
	buf_release(&one);
	if (*n > 1)
		qsort(ids, *n, sizeof(*ids), compare_names);
	size_t k = 0; /* one of each: a user's framework may shadow ours */
	for (size_t i = 0; i < *n; i++) {
		if (k && !strcmp(ids[k - 1], ids[i]))
			free(ids[i]);
		else
			ids[k++] = ids[i];
	}
	*n = k;
	return ids;
}
