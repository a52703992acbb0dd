/* templates/<framework>/framework.yaml: a framework is data (its kinds,
 * themes, judgements, inspectorates, deadlines and charts), so that a new
 * framework is a new folder and no C change. See docs/templates.md. */
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/diag.h"
#include "core/file.h"
#include "core/value.h"
#include "core/yaml.h"
#include "ingest/ingest.h"
#include "ingest/read.h"
#include "ingest/schema.h"

static const char *const fw_keys[] = {
    "framework", "name", "letter", "kinds", "good", "poor", "themes",
    "inspectorates", "judgements", "scale", "notice_working_days",
    "statement_working_days", "charts", NULL};
static const char *const fw_required[] = {"framework", "name", "kinds",
                                          "inspectorates", NULL};
static const char *const kind_keys[] = {"id", "heading", NULL};
static const char *const theme_keys[] = {"id", "title", NULL};
static const char *const judgement_keys[] = {"id", "title", "key", NULL};

static void
read_kinds(struct reader *r, const struct value *root, struct framework *fw)
{
	const struct value *v = value_get(root, "kinds");
	if (schema_seq(r, v, "'kinds'") < 0)
		return;
	fw->kinds = arena_alloc(r->a, v->n * sizeof(*fw->kinds) + 1);
	for (size_t i = 0; i < v->n; i++) {
		const struct value *k = v->items[i];
		if (schema_map(r, k, "a kind", kind_keys, kind_keys) < 0)
			continue;
		struct kind_def *kd = &fw->kinds[fw->nkinds++];
		kd->id = schema_id(r, k, "id");
		kd->heading = schema_text(r, k, "heading");
	}
}

struct theme *
read_themes(struct reader *r, const struct value *v, size_t *n)
{
	*n = 0;
	if (v == NULL)
		return NULL;
	if (schema_seq(r, v, "'themes'") < 0)
		return NULL;
	struct theme *t = arena_alloc(r->a, v->n * sizeof(*t) + 1);
	for (size_t i = 0; i < v->n; i++) {
		const struct value *it = v->items[i];
		if (schema_map(r, it, "a theme", theme_keys, theme_keys) < 0)
			continue;
		t[*n].id = schema_id(r, it, "id");
		t[*n].title = schema_text(r, it, "title");
		t[*n].pos = schema_pos(r, it);
		(*n)++;
	}
	return t;
}

static void
read_judgements(struct reader *r, const struct value *root,
                struct framework *fw)
{
	const struct value *v = value_get(root, "judgements");
	if (v == NULL || schema_seq(r, v, "'judgements'") < 0)
		return;
	fw->judgements = arena_alloc(r->a, v->n * sizeof(*fw->judgements) + 1);
	for (size_t i = 0; i < v->n; i++) {
		const struct value *j = v->items[i];
		static const char *const req[] = {"id", "title", NULL};
		if (schema_map(r, j, "a judgement", judgement_keys, req) < 0)
			continue;
		struct judgement_def *jd = &fw->judgements[fw->njudgements++];
		jd->id = schema_id(r, j, "id");
		jd->title = schema_text(r, j, "title");
		schema_bool(r, j, "key", &jd->key);
	}
	fw->scale = schema_ids(r, root, "scale", &fw->nscale);
	if (fw->njudgements && fw->nscale == 0)
		schema_error(r, v, "a framework with judgements needs a 'scale'");
}

/* Checks that a list of kind ids (good, poor) names kinds of the framework. */
static const char **
read_kind_refs(struct reader *r, const struct value *root, const char *key,
               size_t *n, const struct framework *fw)
{
	const char **ids = schema_ids(r, root, key, n);
	const struct value *v = value_get(root, key);
	for (size_t i = 0; i < *n; i++) {
		size_t k = 0;
		while (k < fw->nkinds && strcmp(fw->kinds[k].id ? fw->kinds[k].id : "", ids[i]))
			k++;
		if (k == fw->nkinds)
			schema_error(r, v->items[i], "'%s' lists '%s', which is not "
			             "one of the framework's kinds", key, ids[i]);
	}
	return ids;
}

struct framework *
framework_load(struct arena *a, const char *templates_dir, const char *id,
               struct diag_sink *d)
{
	char *dir = file_join(templates_dir, id);
	char *path = file_join(dir, "framework.yaml");
	struct framework *fw = NULL;
	struct reader r = {a, arena_strdup(a, path), d, false};
	const struct value *root = yaml_load(a, r.path, d);
	if (root == NULL ||
	    schema_map(&r, root, "framework.yaml", fw_keys, fw_required) < 0)
		goto out;
	fw = arena_alloc(a, sizeof(*fw));
	fw->id = schema_id(&r, root, "framework");
	fw->name = schema_text(&r, root, "name");
	fw->dir = arena_strdup(a, dir);
	fw->letter = schema_text(&r, root, "letter");
	if (fw->letter == NULL)
		fw->letter = "letter.md";
	read_kinds(&r, root, fw);
	fw->good = read_kind_refs(&r, root, "good", &fw->ngood, fw);
	fw->poor = read_kind_refs(&r, root, "poor", &fw->npoor, fw);
	fw->themes = read_themes(&r, value_get(root, "themes"), &fw->nthemes);
	fw->inspectorates =
	    schema_ids(&r, root, "inspectorates", &fw->ninspectorates);
	read_judgements(&r, root, fw);
	fw->notice_working_days = 10;
	fw->statement_working_days = 70;
	schema_int(&r, root, "notice_working_days", &fw->notice_working_days);
	schema_int(&r, root, "statement_working_days",
	           &fw->statement_working_days);
	fw->charts = schema_ids(&r, root, "charts", &fw->ncharts);
	if (fw->id && strcmp(fw->id, id))
		schema_error(&r, value_get(root, "framework"),
		             "framework.yaml names '%s' but its folder is '%s'",
		             fw->id, id);
	if (r.failed)
		fw = NULL;
out:
	free(path);
	free(dir);
	return fw;
}
