/* ingest: the typed model, and a located error for each kind of mistake. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/diag.h"
#include "ingest/ingest.h"
#include "ingest/model.h"
#include "testutil.h"

static const char base[] =
    "jtai: 1\n"
    "framework: jtai-2022\n"
    "area: {name: Eastwick, authority: Eastwick Council}\n"
    "theme: {id: neglect, title: children living with neglect}\n"
    "dates:\n"
    "  fieldwork: {from: 2026-06-08, to: 2026-06-12}\n"
    "  letter: 2026-07-13\n"
    "inspectorates: [ofsted, cqc]\n"
    "agencies:\n"
    "  - {id: csc, name: Eastwick children's services, inspectorate: ofsted}\n"
    "  - {id: health, name: Eastwick health services, inspectorate: cqc}\n";

static const char ofsted[] =
    "inspectorate: ofsted\n"
    "findings:\n"
    "  - id: ofsted-1\n"
    "    kind: strength\n"
    "    theme: neglect\n"
    "    agencies: [csc]\n"
    "    summary: Social workers see children alone.\n"
    "    joint_with: [cqc-1]\n";

static const char cqc[] =
    "inspectorate: cqc\n"
    "findings:\n"
    "  - id: cqc-1\n"
    "    kind: strength\n"
    "    theme: neglect\n"
    "    agencies: [health]\n"
    "    summary: Health visitors see children alone.\n";

/* Writes an inspection whose files are base/ofsted/cqc with the given
 * replacements (NULL keeps the default) and loads it. */
static char *
load(const char *ins, const char *of, const char *cq, const char *cases,
     struct inspection **out)
{
	const char *dir = test_tmpdir();
	test_write(dir, "inspection.yaml", ins ? ins : base);
	test_write(dir, "findings/ofsted.yaml", of ? of : ofsted);
	if (cq != NULL || ins == NULL || strstr(ins, "cqc"))
		test_write(dir, "findings/cqc.yaml", cq ? cq : cqc);
	if (cases)
		test_write(dir, "cases.yaml", cases);
	struct arena *a = arena_new();
	struct diag_sink d;
	diag_init(&d);
	struct inspection *r = ingest_load(a, dir, test_src("templates"), &d);
	if (out)
		*out = r;
	char *text = test_diags(&d);
	/* strip the temporary folder from paths */
	size_t n = strlen(dir);
	for (char *p; (p = strstr(text, dir));)
		memmove(p, p + n + 1, strlen(p + n + 1) + 1);
	diag_release(&d);
	if (out == NULL)
		arena_free(a);
	return text;
}

static char *
replace(const char *s, const char *from, const char *to)
{
	const char *p = strstr(s, from);
	cr_assert_not_null(p, "fixture lacks '%s'", from);
	size_t n = strlen(s) - strlen(from) + strlen(to) + 1;
	char *r = malloc(n);
	snprintf(r, n, "%.*s%s%s", (int)(p - s), s, to, p + strlen(from));
	return r;
}

static void
expect(const char *diags, const char *want)
{
	cr_assert(strstr(diags, want), "expected\n  %s\ngot\n%s", want, diags);
}

Test(ingest, reads_a_valid_inspection)
{
	struct inspection *ins;
	char *diags = load(NULL, NULL, NULL, NULL, &ins);
	cr_assert_str_eq(diags, "");
	cr_assert_not_null(ins);
	cr_assert_str_eq(ins->area_name, "Eastwick");
	cr_assert_str_eq(ins->principal_authority, "Eastwick Council");
	cr_assert_eq(ins->nfindings, 2);
	cr_assert_str_eq(ins->findings[1].id, "cqc-1");
	cr_assert_str_eq(ins->findings[1].inspectorate, "cqc");
	cr_assert_eq(ins->findings[0].pos.line, 3);
	cr_assert_eq(ins->fw->nkinds, 5);
	cr_assert_eq(ins->letter.d, 13);
	free(diags);
}

struct fault {
	const char *file; /* "i", "o" or "c" */
	const char *from, *to;
	const char *want;
};

static const struct fault faults[] = {
    {"i", "jtai: 1", "jtai: 2", "inspection.yaml:1:7: error: unsupported schema version '2'"},
    {"i", "  letter: 2026-07-13\n", "", "inspection.yaml:6:3: error: 'dates' is missing the required key 'letter'"},
    {"i", "letter: 2026-07-13", "letter: 13/07/2026", "inspection.yaml:7:11: error: 'letter' is not a date: '13/07/2026'"},
    {"i", "inspectorates: [ofsted, cqc]", "inspectorates: ofsted", "inspection.yaml:8:16: error: 'inspectorates' must be a list, not text"},
    {"i", "inspectorates: [ofsted, cqc]", "inspectorates: [ofsted, cqc, hmicfrs]", "inspection.yaml:8:30: error: no findings file for inspectorate 'hmicfrs'"},
    {"i", "framework:", "framwork:", "inspection.yaml:2:1: error: unknown key 'framwork' (did you mean 'framework'?)"},
    {"i", "inspectorate: cqc}", "inspectorate: cq}", "inspection.yaml:11:5: error: agency's inspectorate 'cq' is not in 'inspectorates' (did you mean 'cqc'?)"},
    {"o", "kind: strength", "kind: strenght", "findings/ofsted.yaml:4:11: error: unknown kind 'strenght' for framework 'jtai-2022' (did you mean 'strength'?)"},
    {"o", "agencies: [csc]", "agencies: [cs]", "findings/ofsted.yaml:6:16: error: unknown agency 'cs' (did you mean 'csc'?)"},
    {"o", "theme: neglect", "theme: neglet", "findings/ofsted.yaml:5:12: error: unknown theme 'neglet' (did you mean 'neglect'?)"},
    {"o", "summary:", "sumary:", "findings/ofsted.yaml:7:5: error: unknown key 'sumary' (did you mean 'summary'?)"},
    {"o", "joint_with: [cqc-1]", "joint_with: [cqc-9]", "findings/ofsted.yaml:8:18: error: unknown finding 'cqc-9'"},
    {"o", "joint_with: [cqc-1]", "cases: [c9]", "findings/ofsted.yaml:8:13: error: unknown case 'c9' (none is declared)"},
    {"o", "inspectorate: ofsted", "inspectorate: cqc", "findings/ofsted.yaml:1:15: error: this file holds the findings of 'ofsted' but names 'cqc'"},
    {"c", "id: cqc-1", "id: ofsted-1", "findings/cqc.yaml:3:5: error: finding id 'ofsted-1' is used twice"},
    {"c", "agencies: [health]", "agencies: health", "findings/cqc.yaml:6:15: error: 'agencies' must be a list, not text"},
    {"c", "summary: Health visitors see children alone.", "summary: ''", "findings/cqc.yaml:7:14: error: 'summary' must not be empty"},
    {"c", "    theme: neglect\n", "    theme: neglect\n    theme: neglect\n", "findings/cqc.yaml:6:5: error: duplicate key 'theme'"},
    {"c", "kind: strength", "kind: improvement", "error: joint finding 'cqc-1' differs in kind from its partner 'ofsted-1'"},
};

Test(ingest, each_fault_gives_its_located_error)
{
	for (size_t i = 0; i < sizeof(faults) / sizeof(faults[0]); i++) {
		const struct fault *f = &faults[i];
		char *ins = f->file[0] == 'i' ? replace(base, f->from, f->to) : NULL;
		char *of = f->file[0] == 'o' ? replace(ofsted, f->from, f->to) : NULL;
		char *cq = f->file[0] == 'c' ? replace(cqc, f->from, f->to) : NULL;
		char *diags;
		if (strstr(f->want, "joint finding")) {
			/* partners disagreeing is found by merge: see test_merge */
			free(ins), free(of), free(cq);
			continue;
		}
		diags = load(ins, of, cq, NULL, NULL);
		expect(diags, f->want);
		free(diags), free(ins), free(of), free(cq);
	}
}

Test(ingest, cases_are_read_and_checked)
{
	struct inspection *ins;
	char *d = load(NULL, NULL, NULL,
	               "cases:\n  - {id: c1, age_band: 13-15, tracked: true, "
	               "practice: {csc: good}}\n  - {id: c2, age_band: 11-12}\n"
	               "  - {id: c3, tracked: maybe, practice: {csx: good, "
	               "health: great}}\n",
	               &ins);
	expect(d, "cases.yaml:3:24: error: unknown age band '11-12' (did you "
	          "mean '10-12'?)");
	expect(d, "cases.yaml:4:23: error: 'tracked' must be true or false, not "
	          "'maybe'");
	cr_assert_null(ins);
	free(d);
}

Test(ingest, malformed_yaml_and_unknown_framework)
{
	char *ins = replace(base, "jtai-2022", "jtai-2222");
	char *d = load(ins, NULL, NULL, NULL, NULL);
	expect(d, "inspection.yaml:2:12: error: unknown framework 'jtai-2222' (did "
	          "you mean 'jtai-2022'?)");
	free(d);
	free(ins);
	ins = replace(base, "area: {name: Eastwick,", "area: {name: Eastwick");
	d = load(ins, NULL, NULL, NULL, NULL);
	expect(d, "inspection.yaml:3:");
	expect(d, "error: malformed YAML");
	free(d);
	free(ins);
}
