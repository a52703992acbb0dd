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
	struct inspection *ins =
	    ingest_load(arena, dir, test_src("templates"), &diags);
	cr_assert_not_null(ins, "%s", test_diags(&diags));
	cr_assert_null(merge_run(arena, ins, &diags));
	cr_assert(strstr(test_diags(&diags), "findings/cqc.yaml:3:5: error: joint "
	                                     "finding 'c1' differs in kind from "
	                                     "its partner 'o1'"),
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
