/* inspection.yaml, schema version 1 (docs/schema.md). */
#include <string.h>

#include "core/arena.h"
#include "core/diag.h"
#include "core/value.h"
#include "ingest/read.h"
#include "ingest/schema.h"

static const char *const top_keys[] = {
    "jtai", "framework", "area", "theme", "themes", "dates", "inspectorates",
    "agencies", "principal_authority", "addressees", "signatories", "team",
    "judgements", "never_print", NULL};
static const char *const top_required[] = {
    "jtai", "framework", "area", "theme", "dates", "inspectorates",
    "agencies", NULL};
static const char *const area_keys[] = {"name", "authority", "code",
                                        "description", NULL};
static const char *const area_required[] = {"name", NULL};
static const char *const theme_keys[] = {"id", "title", NULL};
static const char *const dates_keys[] = {"notification", "fieldwork",
                                         "letter", NULL};
static const char *const dates_required[] = {"fieldwork", "letter", NULL};
static const char *const range_keys[] = {"from", "to", NULL};
static const char *const agency_keys[] = {"id", "name", "inspectorate", NULL};
static const char *const person_keys[] = {"name", "role", "organisation",
                                          "domain", NULL};
static const char *const person_required[] = {"name", "role", NULL};
static const char *const signatory_keys[] = {"inspectorate", "name", "role",
                                             NULL};
static const char *const member_keys[] = {"name", "role", "inspectorate",
                                          NULL};

/* The three lists of people: who the letter is to, who signs it, and who
 * inspected. */
enum people { ADDRESSEES, SIGNATORIES, TEAM };

static const struct {
	const char *what, *item;
	const char *const *keys, *const *required;
} people_schema[] = {
    [ADDRESSEES] = {"'addressees'", "an addressee", person_keys,
                    person_required},
    [SIGNATORIES] = {"'signatories'", "a signatory", signatory_keys,
                     signatory_keys},
    [TEAM] = {"'team'", "a team member", member_keys, person_required},
};

static void
read_dates(struct reader *r, const struct value *v, struct inspection *ins)
{
	if (schema_map(r, v, "'dates'", dates_keys, dates_required) < 0)
		return;
	ins->has_notification =
	    schema_date(r, v, "notification", &ins->notification) == 1;
	ins->notification_pos = schema_pos(r, value_get(v, "notification"));
	bool letter = schema_date(r, v, "letter", &ins->letter) == 1;
	const struct value *fw = value_get(v, "fieldwork");
	if (schema_map(r, fw, "'fieldwork'", range_keys, range_keys) < 0)
		return;
	ins->fieldwork_pos = schema_pos(r, value_get(fw, "from"));
	if (schema_date(r, fw, "from", &ins->fieldwork_from) != 1 ||
	    schema_date(r, fw, "to", &ins->fieldwork_to) != 1)
		return;
	if (date_cmp(ins->fieldwork_to, ins->fieldwork_from) < 0)
		schema_error(r, value_get(fw, "to"),
		             "fieldwork ends (%s) before it starts (%s)",
		             value_get(fw, "to")->str, value_get(fw, "from")->str);
	else if (ins->has_notification &&
	         date_cmp(ins->fieldwork_from, ins->notification) < 0)
		schema_error(r, value_get(v, "notification"),
		             "notification (%s) comes after fieldwork starts (%s)",
		             value_get(v, "notification")->str,
		             value_get(fw, "from")->str);
	else if (letter && date_cmp(ins->letter, ins->fieldwork_to) < 0)
		schema_error(r, value_get(v, "letter"),
		             "the letter is dated (%s) before fieldwork ends (%s)",
		             value_get(v, "letter")->str, value_get(fw, "to")->str);
}

static void
read_agencies(struct reader *r, const struct value *v, struct inspection *ins)
{
	if (schema_seq(r, v, "'agencies'") < 0)
		return;
	ins->agencies = arena_alloc(r->a, v->n * sizeof(*ins->agencies) + 1);
	for (size_t i = 0; i < v->n; i++) {
		const struct value *it = v->items[i];
		if (schema_map(r, it, "an agency", agency_keys, agency_keys) < 0)
			continue;
		struct agency *ag = &ins->agencies[ins->nagencies++];
		ag->id = schema_id(r, it, "id");
		ag->name = schema_text(r, it, "name");
		ag->inspectorate = schema_id(r, it, "inspectorate");
		ag->pos = schema_pos(r, it);
	}
}

/* An addressee's email domain ("northshire.gov.uk"): emails at it may be
 * printed (docs/checks.md). */
static const char *
read_domain(struct reader *r, const struct value *it)
{
	const char *dom = schema_text(r, it, "domain");
	if (dom == NULL)
		return NULL;
	bool ok = strchr(dom, '.') && dom[0] != '.';
	for (const char *p = dom; *p && ok; p++)
		ok = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		     *p == '-' || *p == '.';
	if (!ok) {
		schema_error(r, value_get(it, "domain"),
		             "'domain' is not an email domain: '%s'", dom);
		const char *at = strrchr(dom, '@');
		if (at && at[1])
			diag_hint(r->d, "write the part after the '@': 'domain: %s'",
			          at + 1);
		else
			diag_hint(r->d, "write the part of an email address after the "
			                "'@', in lower case: 'domain: example.gov.uk'");
		return NULL;
	}
	return dom;
}

static struct person *
read_people(struct reader *r, const struct value *v, enum people which,
            size_t *n)
{
	*n = 0;
	if (v == NULL || schema_seq(r, v, people_schema[which].what) < 0)
		return NULL;
	struct person *p = arena_alloc(r->a, v->n * sizeof(*p) + 1);
	for (size_t i = 0; i < v->n; i++) {
		const struct value *it = v->items[i];
		if (schema_map(r, it, people_schema[which].item,
		               people_schema[which].keys,
		               people_schema[which].required) < 0)
			continue;
		struct person *pp = &p[(*n)++];
		pp->name = schema_text(r, it, "name");
		pp->role = schema_text(r, it, "role");
		pp->pos = schema_pos(r, it);
		pp->inspectorate = schema_id(r, it, "inspectorate");
		pp->organisation = schema_text(r, it, "organisation");
		if (which == ADDRESSEES)
			pp->domain = read_domain(r, it);
	}
	return p;
}

static void
read_grades(struct reader *r, const struct value *root,
            struct inspection *ins)
{
	const struct value *v = value_get(root, "judgements");
	ins->judgements_pos = schema_pos(r, v ? v : root);
	ins->has_judgements = v != NULL;
	if (v == NULL)
		return;
	if (v->kind != VALUE_MAP) {
		schema_error(r, v, "'judgements' must be a map of judgement: grade");
		return;
	}
	ins->grades = arena_alloc(r->a, v->n * sizeof(*ins->grades) + 1);
	for (size_t i = 0; i < v->n; i++) {
		const struct value_member *m = &v->members[i];
		const char *grade = schema_id_of(r, v, m->key, "grade");
		if (grade == NULL)
			continue;
		if (!strcmp(m->key, "overall")) {
			ins->overall = grade;
			ins->overall_pos = schema_pos(r, m->val);
			continue;
		}
		struct grade *g = &ins->grades[ins->ngrades++];
		g->judgement = m->key;
		g->grade = grade;
		g->pos.path = r->path;
		g->pos.line = m->line;
		g->pos.col = m->col;
		g->grade_pos = schema_pos(r, m->val);
	}
}

static void
read_area(struct reader *r, const struct value *v, struct inspection *ins)
{
	if (schema_map(r, v, "'area'", area_keys, area_required) < 0)
		return;
	ins->area_name = schema_text(r, v, "name");
	ins->area_authority = schema_text(r, v, "authority");
	ins->area_code = schema_text(r, v, "code");
	ins->area_description = schema_text(r, v, "description");
}

void
read_inspection(struct reader *r, const struct value *root,
                struct inspection *ins)
{
	if (schema_map(r, root, "inspection.yaml", top_keys, top_required) < 0 &&
	    (root == NULL || root->kind != VALUE_MAP))
		return;
	const struct value *version = value_get(root, "jtai");
	if (version &&
	    (version->kind != VALUE_STRING || strcmp(version->str, "1"))) {
		schema_error(r, version, "unsupported schema version '%s'",
		             version->str ? version->str : "");
		diag_hint(r->d, "this jtai reads schema version 1 ('jtai: 1')");
	}
	if (value_get(root, "area"))
		read_area(r, value_get(root, "area"), ins);
	const struct value *theme = value_get(root, "theme");
	if (theme &&
	    schema_map(r, theme, "'theme'", theme_keys, theme_keys) == 0) {
		ins->theme.id = schema_id(r, theme, "id");
		ins->theme.title = schema_text(r, theme, "title");
		ins->theme.pos = schema_pos(r, theme);
	}
	ins->themes = read_themes(r, value_get(root, "themes"), &ins->nthemes);
	if (value_get(root, "dates"))
		read_dates(r, value_get(root, "dates"), ins);
	ins->inspectorates =
	    schema_ids(r, root, "inspectorates", &ins->ninspectorates);
	if (value_get(root, "agencies"))
		read_agencies(r, value_get(root, "agencies"), ins);
	ins->principal_authority = schema_text(r, root, "principal_authority");
	if (ins->principal_authority == NULL)
		ins->principal_authority = ins->area_authority;
	ins->addressees = read_people(r, value_get(root, "addressees"),
	                              ADDRESSEES, &ins->naddressees);
	ins->signatories = read_people(r, value_get(root, "signatories"),
	                               SIGNATORIES, &ins->nsignatories);
	ins->team = read_people(r, value_get(root, "team"), TEAM, &ins->nteam);
	ins->never_print =
	    schema_texts(r, root, "never_print", &ins->nnever_print);
	read_grades(r, root, ins);
}
