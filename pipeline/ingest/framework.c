/* templates/<framework>/framework.yaml: a framework is data (its kinds,
 * themes, judgements, inspectorates, deadlines and charts), so that a new
 * framework is a new folder and no C change. See docs/templates.md. */
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/diag.h"
#include "core/file.h"
#include "core/strv.h"
#include "core/value.h"
#include "core/yaml.h"
#include "ingest/ingest.h"
#include "ingest/read.h"
#include "ingest/schema.h"

static const char *const fw_keys[] = {
    "framework", "name", "letter", "kinds", "good", "poor", "themes",
    "inspectorates", "judgements", "scale", "overall",
    "notice_working_days", "statement_working_days", "charts", "qa", NULL};
static const char *const fw_required[] = {"framework", "name", "kinds",
                                          "inspectorates", NULL};
static const char *const kind_keys[] = {"id", "heading", "by", "required",
                                        NULL};
static const char *const kind_required[] = {"id", "heading", NULL};
static const char *const theme_keys[] = {"id", "title", NULL};
static const char *const judgement_keys[] = {"id", "title", "key", "parent",
                                             NULL};
static const char *const overall_keys[] = {
    "title", "limit", "sub_judgements_limit", "otherwise", NULL};
static const char *const overall_required[] = {"title", NULL};
static const char *const by_names[] = {"theme", "agency", "judgement", NULL};
static const char *const otherwise_names[] = {"stated", "worst", NULL};

/* The index of word in a NULL-terminated list, or -1 after reporting it
 * with the nearest as a hint. */
static int
pick(struct reader *r, const struct value *map, const char *key,
     const char *what, const char *const *names)
{
	const char *word = schema_id(r, map, key);
	if (word == NULL)
		return -1;
	size_t n = 0;
	while (names[n])
		n++;
	size_t k = strv_index(names, n, word);
	if (k < n)
		return (int)k;
	schema_unknown(r, value_get(map, key), what, word, names, n);
	return -1;
}

static void
read_kinds(struct reader *r, const struct value *root, struct framework *fw)
{
	const struct value *v = value_get(root, "kinds");
	if (schema_seq(r, v, "'kinds'") < 0)
		return;
	fw->kinds = arena_alloc(r->a, v->n * sizeof(*fw->kinds) + 1);
	for (size_t i = 0; i < v->n; i++) {
		const struct value *k = v->items[i];
		if (schema_map(r, k, "a kind", kind_keys, kind_required) < 0)
			continue;
		struct kind_def *kd = &fw->kinds[fw->nkinds++];
		kd->id = schema_id(r, k, "id");
		kd->heading = schema_text(r, k, "heading");
		if (value_get(k, "by")) {
			int by = pick(r, k, "by", "grouping", by_names);
			kd->by = by < 0 ? BY_THEME : (enum kind_by)by;
		}
		schema_bool(r, k, "required", &kd->required);
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

const struct grade_def *
framework_grade(const struct framework *fw, const char *id)
{
	for (size_t i = 0; i < fw->nscale; i++)
		if (fw->scale[i].id && !strcmp(fw->scale[i].id, id))
			return &fw->scale[i];
	return NULL;
}

const struct kind_def *
framework_kind(const struct framework *fw, const char *id)
{
	for (size_t i = 0; i < fw->nkinds; i++)
		if (fw->kinds[i].id && !strcmp(fw->kinds[i].id, id))
			return &fw->kinds[i];
	return NULL;
}

const struct judgement_def *
framework_judgement(const struct framework *fw, const char *id)
{
	for (size_t i = 0; i < fw->njudgements; i++)
		if (fw->judgements[i].id && !strcmp(fw->judgements[i].id, id))
			return &fw->judgements[i];
	return NULL;
}

const struct grade *
inspection_grade(const struct inspection *ins, const char *judgement)
{
	for (size_t i = 0; i < ins->ngrades; i++)
		if (!strcmp(ins->grades[i].judgement, judgement))
			return &ins->grades[i];
	return NULL;
}

const struct agency *
inspection_agency(const struct inspection *ins, const char *id)
{
	for (size_t i = 0; i < ins->nagencies; i++)
		if (ins->agencies[i].id && !strcmp(ins->agencies[i].id, id))
			return &ins->agencies[i];
	return NULL;
}

size_t
framework_case_scale(const struct framework *fw, const char *const **grades)
{
	static const char *const fallback[] = {"outstanding", "good",
	                                       "requires-improvement",
	                                       "inadequate"};
	if (fw->nscale == 0 || fw->case_scale == NULL) {
		*grades = fallback;
		return 4;
	}
	*grades = fw->case_scale;
	return fw->nscale;
}

static void
read_scale(struct reader *r, const struct value *root, struct framework *fw)
{
	const struct value *v = value_get(root, "scale");
	if (v == NULL || schema_seq(r, v, "'scale'") < 0)
		return;
	fw->scale = arena_alloc(r->a, v->n * sizeof(*fw->scale) + 1);
	for (size_t i = 0; i < v->n; i++) {
		const struct value *g = v->items[i];
		if (schema_map(r, g, "a grade", theme_keys, theme_keys) < 0)
			continue;
		struct grade_def *gd = &fw->scale[fw->nscale++];
		gd->id = schema_id(r, g, "id");
		gd->title = schema_text(r, g, "title");
	}
	fw->case_scale = arena_alloc(r->a, (fw->nscale + 1) * sizeof(char *));
	for (size_t i = 0; i < fw->nscale; i++)
		fw->case_scale[i] = fw->scale[i].id ? fw->scale[i].id : "";
}

static void
read_overall(struct reader *r, const struct value *root, struct framework *fw)
{
	const struct value *v = value_get(root, "overall");
	struct overall_rule *o = &fw->overall;
	if (v == NULL) {
		if (fw->njudgements)
			schema_error(r, value_get(root, "judgements"),
			             "a framework with judgements needs an "
			             "'overall' rule");
		return;
	}
	if (schema_map(r, v, "'overall'", overall_keys, overall_required) < 0)
		return;
	o->title = schema_text(r, v, "title");
	o->limit = schema_id(r, v, "limit");
	schema_bool(r, v, "sub_judgements_limit", &o->sub_judgements_limit);
	if (value_get(v, "otherwise")) {
		int k = pick(r, v, "otherwise", "rule", otherwise_names);
		o->otherwise = k < 0 ? OVERALL_STATED : (enum overall_otherwise)k;
	}
	if (o->limit && framework_grade(fw, o->limit) == NULL)
		schema_error(r, value_get(v, "limit"),
		             "'limit' names '%s', which is not on the scale",
		             o->limit);
}

static void
read_judgements(struct reader *r, const struct value *root,
                struct framework *fw)
{
	read_scale(r, root, fw);
	const struct value *v = value_get(root, "judgements");
	if (v != NULL && schema_seq(r, v, "'judgements'") == 0) {
		fw->judgements =
		    arena_alloc(r->a, v->n * sizeof(*fw->judgements) + 1);
		for (size_t i = 0; i < v->n; i++) {
			const struct value *j = v->items[i];
			static const char *const req[] = {"id", "title", NULL};
			if (schema_map(r, j, "a judgement", judgement_keys, req) < 0)
				continue;
			struct judgement_def *jd =
			    &fw->judgements[fw->njudgements++];
			jd->id = schema_id(r, j, "id");
			jd->title = schema_text(r, j, "title");
			schema_bool(r, j, "key", &jd->key);
			jd->parent = schema_id(r, j, "parent");
			size_t k = 0;
			while (jd->parent && k + 1 < fw->njudgements &&
			       strcmp(fw->judgements[k].id ? fw->judgements[k].id
			                                   : "",
			              jd->parent))
				k++;
			if (jd->parent && k + 1 >= fw->njudgements)
				schema_error(r, value_get(j, "parent"),
				             "'parent' must name a judgement listed "
				             "before this one");
		}
	}
	if (fw->njudgements && fw->nscale == 0)
		schema_error(r, v, "a framework with judgements needs a 'scale'");
	read_overall(r, root, fw);
}

/* Checks that a list of kind ids (good, poor) names kinds of the framework. */
static const char **
read_kind_refs(struct reader *r, const struct value *root, const char *key,
               size_t *n, const struct framework *fw)
{
	const char **ids = schema_ids(r, root, key, n);
	const struct value *v = value_get(root, key);
	for (size_t i = 0; i < *n; i++)
		if (framework_kind(fw, ids[i]) == NULL)
			schema_error(r, v->items[i], "'%s' lists '%s', which is not "
			             "one of the framework's kinds", key, ids[i]);
	return ids;
}

struct framework *
framework_load(struct arena *a, const char *templates_dir, const char *id,
               struct diag_sink *d)
{
	char *dir = ingest_framework_dir(templates_dir, id);
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
	fw->qa = value_get(root, "qa");
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
