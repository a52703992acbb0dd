/* ingest: reads an inspection folder into the typed model. Each file is
 * parsed into a value tree (core/yaml.h), then read by schema (schema.h):
 * every problem is reported, not only the first. */
#include "ingest/ingest.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/file.h"
#include "core/value.h"
#include "core/yaml.h"
#include "core/strv.h"
#include "ingest/model.h"
#include "ingest/read.h"
#include "ingest/schema.h"

/* Parses the file at path, recorded in ins->inputs, and sets r->path to
 * the recorded copy, for r's messages about it. */
static const struct value *
load(struct reader *r, struct inspection *ins, const char *path)
{
	const char *p = arena_strdup(r->a, path);
	size_t n = ins->ninputs;
	ins->inputs = arena_grow(r->a, ins->inputs, n * sizeof(char *),
	                         (n + 1) * sizeof(char *));
	ins->inputs[ins->ninputs++] = p;
	r->path = p;
	return yaml_load(r->a, p, r->d);
}

static int
compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Lists the frameworks on the search path templates_dir into a hint. */
static void
hint_frameworks(struct diag_sink *d, const char *templates_dir, const char *id)
{
	size_t n;
	char **names = ingest_framework_ids(templates_dir, &n);
	const char *near =
	    diag_nearest(id, (const char *const *)names, n);
	struct buf list;
	buf_init(&list);
	for (size_t i = 0; i < n; i++)
		buf_printf(&list, "%s'%s'", i ? ", " : "", names[i]);
	if (near)
		diag_hint(d, "did you mean '%s'?", near);
	else if (n)
		diag_hint(d, "expected one of %s", buf_cstr(&list));
	else
		diag_hint(d, "frameworks are folders under %s", templates_dir);
	buf_release(&list);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

static const struct framework *
load_framework(struct reader *r, const struct value *root,
               const char *templates_dir)
{
	const char *id = schema_id(r, root, "framework");
	if (id == NULL)
		return NULL;
	char *dir = ingest_framework_dir(templates_dir, id);
	char *fy = file_join(dir, "framework.yaml");
	bool exists = file_exists(fy);
	free(fy);
	free(dir);
	if (!exists) {
		schema_error(r, value_get(root, "framework"),
		             "unknown framework '%s'", id);
		hint_frameworks(r->d, templates_dir, id);
		return NULL;
	}
	return framework_load(r->a, templates_dir, id, r->d);
}

static bool
known_inspectorate(const struct inspection *ins, const char *id)
{
	for (size_t i = 0; i < ins->nnames; i++)
		if (!strcmp(ins->names[i].id, id))
			return true;
	return false;
}

/* Checks one listed inspectorate and reads its findings file. */
static void
load_inspectorate(struct reader *r, struct inspection *ins, size_t i,
                  const struct value *item)
{
	const char *id = ins->inspectorates[i];
	if (!known_inspectorate(ins, id)) {
		const char *ids[64];
		size_t n = 0;
		for (size_t k = 0; k < ins->nnames && n < 64; k++)
			if (!n || strcmp(ids[n - 1], ins->names[k].id))
				ids[n++] = ins->names[k].id;
		schema_unknown(r, item, "inspectorate", id, ids, n);
		return;
	}
	if (strv_has(ins->inspectorates, i, id)) {
		schema_error(r, item, "inspectorate '%s' is listed twice", id);
		return;
	}
	if (!strv_has(ins->fw->inspectorates, ins->fw->ninspectorates, id)) {
		schema_error(r, item, "inspectorate '%s' does not take part in "
		             "'%s' inspections", id, ins->fw->id);
		return;
	}
	char rel[256];
	snprintf(rel, sizeof(rel), "findings/%s.yaml", id);
	char *path = file_join(ins->dir, rel);
	if (!file_exists(path)) {
		schema_error(r, item, "no findings file for inspectorate '%s'", id);
		diag_hint(r->d, "expected %s", path);
	} else {
		struct reader fr = {r->a, NULL, r->d, false};
		const struct value *root = load(&fr, ins, path);
		if (root)
			read_findings(&fr, root, id, ins);
		r->failed |= fr.failed || root == NULL;
	}
	free(path);
}

/* A findings file for an inspectorate that inspection.yaml does not list
 * would be silently left out of the letter. */
static void
check_unlisted(struct reader *r, const struct inspection *ins)
{
	char *dir = file_join(ins->dir, "findings");
	file_note_use(ins->dir); /* cases.yaml may come or go */
	file_note_use(dir);
	DIR *dp = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0;
	while (dp && (e = readdir(dp))) {
		size_t len = strlen(e->d_name);
		if (e->d_name[0] == '.' || len < 6 ||
		    strcmp(e->d_name + len - 5, ".yaml"))
			continue;
		char *id = strndup(e->d_name, len - 5);
		if (strv_has(ins->inspectorates, ins->ninspectorates, id)) {
			free(id);
			continue;
		}
		names = xgrow(names, &cap, n + 1, sizeof(*names));
		names[n++] = id;
	}
	if (dp)
		closedir(dp);
	/* in sorted order: the same report whatever the directory order */
	if (n > 1)
		qsort(names, n, sizeof(*names), compare_names);
	for (size_t i = 0; i < n; i++) {
		char rel[300];
		snprintf(rel, sizeof(rel), "findings/%s.yaml", names[i]);
		char *path = file_join(ins->dir, rel);
		diag_error(r->d, path, 1, 1,
		           "findings file for inspectorate '%s', which is not in "
		           "'inspectorates'",
		           names[i]);
		diag_hint(r->d, "add '%s' to 'inspectorates' in inspection.yaml, "
		                "or remove the file",
		          names[i]);
		free(path);
		free(names[i]);
	}
	free(names);
	free(dir);
}

static void
load_cases(struct arena *a, struct inspection *ins, struct diag_sink *d)
{
	char *path = file_join(ins->dir, "cases.yaml");
	if (file_exists(path)) {
		struct reader r = {a, NULL, d, false};
		const struct value *root = load(&r, ins, path);
		if (root && root->kind != VALUE_NULL)
			read_cases(&r, root, ins);
	}
	free(path);
}

static void
load_names(struct arena *a, struct inspection *ins, const char *templates_dir,
           struct diag_sink *d)
{
	char *path = ingest_template_file(templates_dir, "inspectorates.yaml");
	struct reader r = {a, NULL, d, false};
	const struct value *root = load(&r, ins, path);
	if (root)
		read_names(&r, root, false, &ins->names, &ins->nnames);
	free(path);
	path = ingest_template_file(templates_dir, "terms.yaml");
	if (file_exists(path)) {
		root = load(&r, ins, path);
		if (root)
			read_names(&r, root, true, &ins->terms, &ins->nterms);
	}
	free(path);
}

static char *
folder_name(struct arena *a, const char *dir)
{
	size_t n = strlen(dir);
	while (n > 1 && dir[n - 1] == '/')
		n--;
	char *trimmed = arena_strndup(a, dir, n);
	return arena_strdup(a, file_basename(trimmed));
}

struct inspection *
ingest_load(struct arena *a, const char *dir, const char *templates_dir,
            struct diag_sink *d)
{
	size_t errors = d->errors;
	struct inspection *ins = arena_alloc(a, sizeof(*ins));
	ins->dir = arena_strdup(a, dir);
	ins->name = folder_name(a, dir);
	char *path = file_join(dir, "inspection.yaml");
	struct reader r = {a, NULL, d, false};
	const struct value *root = load(&r, ins, path);
	free(path);
	if (root == NULL)
		return NULL;
	ins->src = root;
	read_inspection(&r, root, ins);
	if (root->kind != VALUE_MAP)
		return NULL;
	load_names(a, ins, templates_dir, d);
	ins->fw = load_framework(&r, root, templates_dir);
	if (ins->fw == NULL)
		return NULL;
	const struct value *list = value_get(root, "inspectorates");
	for (size_t i = 0; i < ins->ninspectorates; i++)
		load_inspectorate(&r, ins, i, list->items[i]);
	if (list && list->kind == VALUE_SEQ)
		check_unlisted(&r, ins);
	load_cases(a, ins, d);
	if (d->errors == errors)
		xref_check(d, ins);
	return d->errors == errors ? ins : NULL;
}
