/* merge: joint findings folded, grouping and order, canonical output. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/value.h"
#include "ingest/ingest.h"
#include "ingest/model.h"
#include "merge/merge.h"
#include "testutil.h"

static struct arena *arena;
static struct diag_sink diags;

static void
setup(void)
{
	arena = arena_new();
	diag_init(&diags);
}

static void
teardown(void)
{
	arena_free(arena);
	diag_release(&diags);
}

/* Reads the inspection in dir; fails the test when it cannot. */
static struct inspection *
load_dir(const char *dir, const char *templates)
{
	struct inspection *ins = ingest_load(arena, dir, templates, &diags);
	cr_assert_not_null(ins, "%s", test_diags(&diags));
	return ins;
}

static struct value *
merge_sample(const char *rel)
{
	char *dir = strdup(test_src(rel));
	struct inspection *ins =
	    ingest_load(arena, dir, test_src("templates"), &diags);
	free(dir);
	cr_assert_not_null(ins, "%s", test_diags(&diags));
	struct value *v = merge_run(arena, ins, &diags);
	cr_assert_not_null(v, "%s", test_diags(&diags));
	return v;
}

/* Every finding node under kinds.*.themes.*.findings, in order. */
static size_t
collect(const struct value *model, const struct value **out, size_t max)
{
	size_t n = 0;
	const struct value *kinds = value_get(model, "kinds");
	for (size_t k = 0; k < kinds->n; k++) {
		const struct value *themes = value_get(kinds->members[k].val, "themes");
		for (size_t t = 0; t < themes->n; t++) {
			const struct value *f = value_get(themes->items[t], "findings");
			for (size_t i = 0; i < f->n && n < max; i++)
				out[n++] = f->items[i];
		}
	}
	return n;
}

TestSuite(merge, .init = setup, .fini = teardown);

Test(merge, joint_findings_fold_into_one_credited_to_both)
{
	struct value *m = merge_sample("samples/northshire-exploitation");
	const struct value *all[256];
	size_t n = collect(m, all, 256);
	cr_assert_eq(n, (size_t)atoi(value_text(value_get(m, "findings"))));
	size_t joint = 0;
	for (size_t i = 0; i < n; i++) {
		const struct value *ids = value_get(all[i], "ids");
		if (ids == NULL)
			continue;
		joint++;
		cr_assert_geq(ids->n, 2);
		cr_assert_str_eq(value_text(value_get(all[i], "joint")), "true");
		cr_assert_geq(value_get(all[i], "found_by")->n, 2);
		/* the folded partners do not appear again on their own */
		for (size_t j = 0; j < n; j++)
			if (j != i)
				cr_assert_str_neq(value_text(value_get(all[j], "id")),
				                  value_text(ids->items[1]));
	}
	cr_assert_geq(joint, 1);
}

Test(merge, findings_are_ordered_by_kind_then_theme)
{
	struct value *m = merge_sample("samples/riverford-front-door");
	const struct value *kinds = value_get(m, "kinds");
	cr_assert_str_eq(kinds->members[0].key, "headline");
	cr_assert_str_eq(kinds->members[4].key, "finding");
	const struct value *all[256];
	size_t n = collect(m, all, 256);
	const char *order[] = {"headline", "priority-action", "improvement",
	                       "strength", "finding"};
	size_t rank = 0;
	for (size_t i = 0; i < n; i++) {
		const char *kind = value_text(value_get(all[i], "kind"));
		while (rank < 5 && strcmp(order[rank], kind))
			rank++;
		cr_assert_lt(rank, 5, "kind %s out of order", kind);
	}
}

Test(merge, output_is_canonical_and_reads_back)
{
	struct value *m = merge_sample("samples/northshire-exploitation");
	struct buf a, b;
	buf_init(&a);
	buf_init(&b);
	merge_write(m, &a);
	struct value *again = merge_sample("samples/northshire-exploitation");
	merge_write(again, &b);
	cr_assert_str_eq(buf_cstr(&a), buf_cstr(&b));
	const char *dir = test_tmpdir();
	test_write(dir, "merged.yaml", buf_cstr(&a));
	char path[4200];
	snprintf(path, sizeof(path), "%s/merged.yaml", dir);
	struct value *loaded = merge_load(arena, path, &diags);
	cr_assert_not_null(loaded);
	cr_assert_str_eq(value_text(value_path(loaded, "dates.letter.text")),
	                 "27 April 2026");
	cr_assert_str_eq(value_text(value_path(loaded, "dates.statement_due.iso")),
	                 "2026-08-05");
	buf_release(&a);
	buf_release(&b);
}

Test(merge, partners_that_disagree_are_refused)
{
	const char *dir = test_tmpdir();
	test_write(dir, "inspection.yaml",
	           "jtai: 1\nframework: jtai-2022\narea: {name: X}\n"
	           "theme: {id: t, title: t}\ndates:\n"
	           "  fieldwork: {from: 2026-06-08, to: 2026-06-12}\n"
	           "  letter: 2026-07-13\ninspectorates: [ofsted, cqc]\n"
	           "agencies: [{id: a, name: A, inspectorate: ofsted}]\n");
	test_write(dir, "findings/ofsted.yaml",
	           "inspectorate: ofsted\nfindings:\n  - id: o1\n    kind: "
	           "strength\n    summary: S.\n    joint_with: [c1]\n");
	test_write(dir, "findings/cqc.yaml",
	           "inspectorate: cqc\nfindings:\n  - id: c1\n    kind: "
	           "improvement\n    summary: S.\n");
	struct inspection *ins = load_dir(dir, test_src("templates"));
	cr_assert_null(merge_run(arena, ins, &diags));
	char *out = test_diags(&diags);
	cr_assert(strstr(out, "findings/cqc.yaml:4:11: error: joint finding 'c1' "
	                      "differs in kind from its partner 'o1'"),
	          "%s", out);
	cr_assert(strstr(out, "findings/ofsted.yaml:4:11: note: 'o1' is here"),
	          "%s", out);
	free(out);
}

/* ---- graded frameworks: the overall by the framework's rule ---- */

/* A templates folder with a graded framework "g": two key judgements and
 * a sub-judgement of the first, the limiting rule set by the arguments. */
static const char *
graded_templates(const char *sublimit, const char *otherwise)
{
	static char dir[4096];
	snprintf(dir, sizeof(dir), "%s", test_tmpdir());
	test_write(dir, "inspectorates.yaml",
	           "ofsted:\n  - {name: Office, abbr: Ofsted, article: the}\n");
	char fw[2048];
	snprintf(fw, sizeof(fw),
	         "framework: g\nname: G\nkinds:\n"
	         "  - {id: finding, heading: Findings, by: judgement}\n"
	         "inspectorates: [ofsted]\n"
	         "scale:\n  - {id: outstanding, title: Outstanding}\n"
	         "  - {id: good, title: Good}\n"
	         "  - {id: requires-improvement, title: Requires improvement to "
	         "be good}\n  - {id: inadequate, title: Inadequate}\n"
	         "judgements:\n"
	         "  - {id: help, title: Children who need help, key: true}\n"
	         "  - {id: adoption, title: Adoption, parent: help}\n"
	         "  - {id: leadership, title: Leadership, key: true}\n"
	         "overall:\n  title: Overall effectiveness\n  limit: inadequate\n"
	         "  sub_judgements_limit: %s\n  otherwise: %s\n",
	         sublimit, otherwise);
	test_write(dir, "g/framework.yaml", fw);
	return dir;
}

/* An inspection of framework g with the judgements given as YAML lines. */
static struct value *
merge_graded(const char *templates, const char *judgements)
{
	const char *dir = test_tmpdir();
	char yaml[2048];
	snprintf(yaml, sizeof(yaml),
	         "jtai: 1\nframework: g\narea: {name: X}\n"
	         "theme: {id: t, title: t}\ndates:\n"
	         "  fieldwork: {from: 2016-06-06, to: 2016-06-24}\n"
	         "  letter: 2016-08-01\ninspectorates: [ofsted]\n"
	         "agencies: [{id: a, name: A, inspectorate: ofsted}]\n"
	         "judgements:\n%s",
	         judgements);
	test_write(dir, "inspection.yaml", yaml);
	test_write(dir, "findings/ofsted.yaml",
	           "inspectorate: ofsted\nfindings:\n"
	           "  - {id: o1, kind: finding, judgement: leadership, "
	           "agencies: [a], summary: L.}\n"
	           "  - {id: o2, kind: finding, judgement: help, "
	           "agencies: [a], summary: H.}\n");
	struct inspection *ins = load_dir(dir, templates);
	return merge_run(arena, ins, &diags);
}

static const char *
text_at(const struct value *m, const char *path)
{
	const struct value *v = value_path(m, path);
	return v ? value_text(v) : NULL;
}

Test(merge, a_key_judgement_inadequate_limits_the_overall)
{
	const char *t = graded_templates("false", "stated");
	struct value *m = merge_graded(t, "  help: good\n  adoption: good\n"
	                                  "  leadership: inadequate\n");
	cr_assert_not_null(m, "%s", test_diags(&diags));
	cr_assert_str_eq(text_at(m, "judgements.overall.grade"), "inadequate");
	cr_assert_str_eq(text_at(m, "judgements.overall.grade_title"),
	                 "Inadequate");
	cr_assert_str_eq(text_at(m, "judgements.overall.limited_by_text"),
	                 "Leadership");
	cr_assert_str_eq(text_at(m, "judgements.rule"),
	                 "If any key judgement is inadequate, overall "
	                 "effectiveness is inadequate. Otherwise, overall "
	                 "effectiveness is the inspectors' judgement.");
	const struct value *items = value_path(m, "judgements.items");
	cr_assert_eq(items->n, 3);
	cr_assert_str_eq(text_at(items->items[2], "limiting"), "true");
	cr_assert_str_eq(text_at(items->items[0], "limiting"), "false");
}

Test(merge, an_overall_against_the_rule_is_refused_with_the_rule_named)
{
	const char *t = graded_templates("false", "stated");
	cr_assert_null(merge_graded(t, "  help: good\n  adoption: good\n"
	                               "  leadership: inadequate\n"
	                               "  overall: good\n"));
	char *out = test_diags(&diags);
	cr_assert(strstr(out, "inspection.yaml:14:12: error: Overall "
	                      "effectiveness 'good' contradicts the framework's "
	                      "rule: it must be 'inadequate' (rule: If any key "
	                      "judgement is inadequate, overall effectiveness is "
	                      "inadequate."),
	          "%s", out);
	cr_assert(strstr(out, "inspection.yaml:13:3: note: 'leadership' "
	                      "(Leadership) is 'inadequate' here"),
	          "%s", out);
	free(out);
}

Test(merge, the_overall_is_needed_when_nothing_limits_it)
{
	const char *t = graded_templates("false", "stated");
	cr_assert_null(merge_graded(t, "  help: good\n  adoption: good\n"
	                               "  leadership: requires-improvement\n"));
	char *out = test_diags(&diags);
	cr_assert(strstr(out, "error: Overall effectiveness is not stated, and "
	                      "no judgement limits it"),
	          "%s", out);
	free(out);
	struct value *m = merge_graded(t, "  help: good\n  adoption: good\n"
	                                  "  leadership: requires-improvement\n"
	                                  "  overall: requires-improvement\n");
	cr_assert_not_null(m);
	cr_assert_str_eq(text_at(m, "judgements.overall.limited"), "false");
}

Test(merge, a_sub_judgement_limits_only_when_the_framework_says_so)
{
	const char *judged = "  help: good\n  adoption: inadequate\n"
	                     "  leadership: good\n  overall: good\n";
	struct value *m =
	    merge_graded(graded_templates("false", "stated"), judged);
	cr_assert_not_null(m, "%s", test_diags(&diags));
	cr_assert_str_eq(text_at(m, "judgements.overall.grade"), "good");
	cr_assert_null(merge_graded(graded_templates("true", "stated"), judged));
	cr_assert(strstr(test_diags(&diags), "it must be 'inadequate'"));
}

Test(merge, the_worst_rule_takes_the_lowest_key_judgement)
{
	struct value *m = merge_graded(graded_templates("false", "worst"),
	                               "  help: good\n  adoption: outstanding\n"
	                               "  leadership: requires-improvement\n");
	cr_assert_not_null(m, "%s", test_diags(&diags));
	cr_assert_str_eq(text_at(m, "judgements.overall.grade"),
	                 "requires-improvement");
}

Test(merge, findings_by_judgement_are_numbered_in_letter_order)
{
	struct value *m = merge_graded(graded_templates("false", "worst"),
	                               "  help: good\n  adoption: good\n"
	                               "  leadership: good\n");
	cr_assert_not_null(m, "%s", test_diags(&diags));
	const struct value *groups = value_path(m, "kinds.finding.judgements");
	cr_assert_eq(groups->n, 3); /* every judgement, even with no finding */
	cr_assert_str_eq(text_at(groups->items[0], "id"), "help");
	cr_assert_str_eq(text_at(groups->items[1], "any"), "false");
	const struct value *help = value_get(groups->items[0], "findings");
	const struct value *lead = value_get(groups->items[2], "findings");
	cr_assert_str_eq(text_at(help->items[0], "id"), "o2");
	cr_assert_str_eq(text_at(help->items[0], "number"), "1");
	cr_assert_str_eq(text_at(lead->items[0], "id"), "o1");
	cr_assert_str_eq(text_at(lead->items[0], "number"), "2");
}

/* ---- the reviewer's warnings ---- */

/* An inspection of jtai-2022 whose findings files are given. */
static struct value *
merge_two(const char *ofsted, const char *cqc, const char *extra)
{
	const char *dir = test_tmpdir();
	char yaml[2048];
	snprintf(yaml, sizeof(yaml),
	         "jtai: 1\nframework: jtai-2022\narea: {name: X}\n"
	         "theme: {id: t, title: t}\ndates:\n"
	         "  notification: 2026-06-01\n"
	         "  fieldwork: {from: 2026-06-15, to: 2026-06-19}\n"
	         "  letter: 2026-07-13\ninspectorates: [ofsted, cqc]\n"
	         "agencies:\n  - {id: a, name: A, inspectorate: ofsted}\n"
	         "  - {id: h, name: H, inspectorate: cqc}\n%s",
	         extra);
	test_write(dir, "inspection.yaml", yaml);
	test_write(dir, "findings/ofsted.yaml", ofsted);
	test_write(dir, "findings/cqc.yaml", cqc);
	struct inspection *ins = load_dir(dir, test_src("templates"));
	return merge_run(arena, ins, &diags);
}

static const char ofsted_ok[] =
    "inspectorate: ofsted\nfindings:\n"
    "  - {id: o1, kind: strength, theme: voice, agencies: [a, h], "
    "summary: S.}\n"
    "  - {id: o2, kind: improvement, theme: voice, agencies: [a], "
    "summary: I.}\n";

Test(merge, a_contradiction_without_a_link_is_a_warning_naming_both)
{
	struct value *m = merge_two(
	    ofsted_ok,
	    "inspectorate: cqc\nfindings:\n"
	    "  - {id: c1, kind: strength, theme: voice, agencies: [h], "
	    "summary: S.}\n"
	    "  - {id: c2, kind: improvement, theme: voice, agencies: [h], "
	    "summary: I.}\n",
	    "");
	cr_assert_not_null(m); /* a warning: the letter is still made */
	char *out = test_diags(&diags);
	cr_assert_eq(diags.errors, 0);
	cr_assert(strstr(out, "findings/cqc.yaml:4:5: warning: 'c2' "
	                      "(improvement) and 'o1' (strength) judge H "
	                      "differently on theme 'voice' (if both stand, "
	                      "acknowledge it: 'contrasts_with: [o1]')\n"),
	          "%s", out);
	cr_assert(strstr(out, "findings/ofsted.yaml:3:5: note: 'o1' is here"),
	          "%s", out);
	free(out);
}

Test(merge, a_contrasts_with_link_silences_the_contradiction)
{
	struct value *m = merge_two(
	    ofsted_ok,
	    "inspectorate: cqc\nfindings:\n"
	    "  - {id: c1, kind: strength, theme: voice, agencies: [h], "
	    "summary: S.}\n"
	    "  - {id: c2, kind: improvement, theme: voice, agencies: [h], "
	    "summary: I., contrasts_with: [o1]}\n",
	    "");
	cr_assert_not_null(m);
	cr_assert_eq(diags.warnings, 0, "%s", test_diags(&diags));
}

Test(merge, missing_coverage_and_notice_are_warnings)
{
	/* cqc reports no strength (a required kind), and agency h is named
	 * by no finding */
	struct value *m = merge_two(
	    "inspectorate: ofsted\nfindings:\n"
	    "  - {id: o1, kind: strength, agencies: [a], summary: S.}\n"
	    "  - {id: o2, kind: improvement, agencies: [a], summary: I.}\n",
	    "inspectorate: cqc\nfindings:\n"
	    "  - {id: c1, kind: improvement, summary: I.}\n",
	    "");
	cr_assert_not_null(m);
	char *out = test_diags(&diags);
	cr_assert(strstr(out, "inspection.yaml:12:5: warning: agency 'h' is in "
	                      "scope but no finding names it"),
	          "%s", out);
	cr_assert(strstr(out, "findings/cqc.yaml:1:1: warning: inspectorate "
	                      "'cqc' reports no 'strength' finding"),
	          "%s", out);
	cr_assert_eq(diags.errors, 0);
	free(out);
}

Test(merge, fieldwork_must_follow_the_notice_period)
{
	/* notified Monday 1 June 2026: day 10 is Friday 12 June, so fieldwork
	 * starts on Monday 15 June; a start on 8 June is too early */
	const char *dir = test_tmpdir();
	test_write(dir, "inspection.yaml",
	           "jtai: 1\nframework: jtai-2022\narea: {name: X}\n"
	           "theme: {id: t, title: t}\ndates:\n"
	           "  notification: 2026-06-01\n"
	           "  fieldwork: {from: 2026-06-08, to: 2026-06-12}\n"
	           "  letter: 2026-07-13\ninspectorates: [ofsted]\n"
	           "agencies: [{id: a, name: A, inspectorate: ofsted}]\n");
	test_write(dir, "findings/ofsted.yaml",
	           "inspectorate: ofsted\nfindings:\n"
	           "  - {id: o1, kind: strength, agencies: [a], summary: S.}\n"
	           "  - {id: o2, kind: improvement, agencies: [a], "
	           "summary: I.}\n");
	struct inspection *ins = load_dir(dir, test_src("templates"));
	cr_assert_not_null(merge_run(arena, ins, &diags));
	char *out = test_diags(&diags);
	cr_assert(strstr(out, "inspection.yaml:7:21: warning: fieldwork starts on "
	                      "8 June 2026, but 10 working days' notice from the "
	                      "notification puts it on 15 June 2026"),
	          "%s", out);
	free(out);
}

Test(merge, names_of_bodies_follow_the_letter_date)
{
	const char *dir = test_tmpdir();
	test_write(dir, "inspection.yaml",
	           "jtai: 1\nframework: jtai-2022\narea: {name: X}\n"
	           "theme: {id: t, title: t}\ndates:\n"
	           "  fieldwork: {from: 2017-03-06, to: 2017-03-10}\n"
	           "  letter: 2017-04-21\ninspectorates: [ofsted, hmicfrs]\n"
	           "agencies: [{id: a, name: A, inspectorate: ofsted}]\n");
	test_write(dir, "findings/ofsted.yaml",
	           "inspectorate: ofsted\nfindings:\n"
	           "  - {id: o1, kind: strength, agencies: [a], summary: S.}\n");
	test_write(dir, "findings/hmicfrs.yaml",
	           "inspectorate: hmicfrs\nfindings:\n"
	           "  - {id: h1, kind: improvement, summary: I.}\n");
	struct inspection *ins = load_dir(dir, test_src("templates"));
	struct value *m = merge_run(arena, ins, &diags);
	cr_assert_not_null(m);
	cr_assert_str_eq(text_at(m, "terms.health-commissioner.first"),
	                 "clinical commissioning group (CCG)");
	cr_assert_str_eq(text_at(m, "terms.health-commissioner.plural_first"),
	                 "clinical commissioning groups (CCGs)");
	cr_assert_str_eq(text_at(m, "terms.safeguarding-board.abbr"), "LSCB");
	cr_assert_str_eq(text_at(m, "terms.majesty.name"), "Her Majesty's");
	const struct value *insp = value_get(m, "inspectorates");
	cr_assert_str_eq(text_at(insp->items[1], "first"),
	                 "Her Majesty's Inspectorate of Constabulary (HMIC)");
}

Test(merge, partners_must_agree_on_agencies)
{
	cr_assert_null(merge_two(
	    "inspectorate: ofsted\nfindings:\n"
	    "  - {id: o1, kind: strength, agencies: [a, h], summary: S., "
	    "joint_with: [c1]}\n",
	    "inspectorate: cqc\nfindings:\n"
	    "  - {id: c1, kind: strength, agencies: [h], summary: S.}\n",
	    ""));
	cr_assert(strstr(test_diags(&diags), "findings/cqc.yaml:3:40: error: "
	                                     "joint finding 'c1' differs in "
	                                     "agencies from its partner 'o1'"),
	          "%s", test_diags(&diags));
}

Test(merge, counts_per_agency_and_cases)
{
	struct value *m = merge_sample("samples/riverford-front-door");
	const struct value *agencies = value_get(m, "agencies");
	cr_assert_geq(agencies->n, 3);
	long good = 0, poor = 0;
	for (size_t i = 0; i < agencies->n; i++) {
		good += atol(value_text(value_get(agencies->items[i], "strengths")));
		poor += atol(value_text(value_get(agencies->items[i], "improvements")));
	}
	cr_assert_gt(good, 0);
	cr_assert_gt(poor, 0);
	cr_assert_str_eq(value_text(value_path(m, "cases.total")), "9");
}
