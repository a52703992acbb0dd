/* build: one inspection through every stage; outputs written only whole. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build/build.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/file.h"
#include "testutil.h"

static struct build_env env;
static struct diag_sink diags;

static void
setup(void)
{
	diag_init(&diags);
	cr_assert_eq(build_env_init(&env, getenv("JTAI_SOURCE_DIR"), &diags), 0,
	             "%s", test_diags(&diags));
}

static void
teardown(void)
{
	build_env_release(&env);
	diag_release(&diags);
}

TestSuite(build, .init = setup, .fini = teardown);

static char *
read_text(const char *dir, const char *rel)
{
	char *path = file_join(dir, rel);
	struct buf b;
	buf_init(&b);
	struct diag_sink d;
	diag_init(&d);
	file_read(path, &b, &d);
	diag_release(&d);
	free(path);
	return buf_detach(&b);
}

Test(build, a_sample_gives_every_output)
{
	struct letter l;
	char *dir = strdup(test_src("samples/riverford-front-door"));
	cr_assert_eq(build_letter(&env, dir, &l, &diags), 0, "%s",
	             test_diags(&diags));
	cr_assert_str_eq(l.name, "riverford-front-door");
	cr_assert_eq(memcmp(l.pdf.data, "%PDF-", 5), 0);
	cr_assert_eq(l.ncharts, 3); /* findings-by-agency, case-audit, timeline */
	cr_assert(strstr(l.charts[0].svg.data, "<svg"));
	const char *out = test_tmpdir();
	cr_assert_eq(letter_write(&l, out, &diags), 0);
	char *merged = read_text(out, "riverford-front-door/merged.yaml");
	cr_assert_str_eq(merged, l.merged.data);
	char *svg = read_text(out, "riverford-front-door/charts/"
	                           "findings-by-agency.svg");
	cr_assert_str_eq(svg, l.charts[0].svg.data);
	free(svg);
	free(merged);
	free(dir);
	letter_release(&l);
}

Test(build, the_same_inputs_give_the_same_bytes)
{
	struct letter a, b;
	char *dir = strdup(test_src("samples/northshire-exploitation"));
	cr_assert_eq(build_letter(&env, dir, &a, &diags), 0);
	cr_assert_eq(build_letter(&env, dir, &b, &diags), 0);
	cr_assert_eq(a.pdf.len, b.pdf.len);
	cr_assert_eq(memcmp(a.pdf.data, b.pdf.data, a.pdf.len), 0);
	cr_assert_str_eq(a.markdown.data, b.markdown.data);
	free(dir);
	letter_release(&a);
	letter_release(&b);
}

Test(build, a_bad_input_writes_nothing)
{
	const char *dir = test_tmpdir();
	test_write(dir, "inspection.yaml", "jtai: 1\nframework: jtai-2022\n");
	struct letter l;
	cr_assert_eq(build_letter(&env, dir, &l, &diags), -1);
	cr_assert_gt(diags.errors, 0);
	cr_assert(strstr(test_diags(&diags), "inspection.yaml:1:1: error: "
	                                     "inspection.yaml is missing the "
	                                     "required key 'area'"),
	          "%s", test_diags(&diags));
	letter_release(&l);
}

Test(build, finds_inspections_in_sorted_order)
{
	char **dirs = NULL;
	size_t n = 0;
	cr_assert_eq(build_find(test_src("samples"), &dirs, &n, &diags), 0);
	cr_assert_geq(n, 2);
	size_t found = 0;
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			cr_assert_lt(strcmp(dirs[i - 1], dirs[i]), 0, "%s before %s",
			             dirs[i - 1], dirs[i]);
		found += strstr(dirs[i], "northshire-exploitation") != NULL ||
		         strstr(dirs[i], "riverford-front-door") != NULL;
	}
	cr_assert_eq(found, 2);
	for (size_t i = 0; i < n; i++)
		free(dirs[i]);
	free(dirs);
	dirs = NULL;
	n = 0;
	cr_assert_eq(build_find(test_src("docs"), &dirs, &n, &diags), -1);
	free(dirs);
}

/* jtai new: the folder it makes for each shipped framework builds into a
 * letter with no error and no warning, and it never overwrites a folder. */
static void
new_builds_cleanly(const char *framework)
{
	char *dir = file_join(test_tmpdir(), "westmoor");
	struct date notified;
	date_parse("2026-03-02", &notified);
	cr_assert_eq(build_new(dir, env.templates_dir, framework, "Westmoor",
	                       notified, &diags),
	             0, "%s", test_diags(&diags));
	struct letter l;
	cr_assert_eq(build_letter(&env, dir, &l, &diags), 0, "%s: %s", framework,
	             test_diags(&diags));
	cr_assert_eq(diags.warnings, 0, "%s: %s", framework, test_diags(&diags));
	cr_assert_gt(l.pdf.len, 1000);
	letter_release(&l);
	cr_assert_eq(build_new(dir, env.templates_dir, framework, "Westmoor",
	                       notified, &diags),
	             -1);
	cr_assert(strstr(test_diags(&diags), "westmoor: error: already exists"));
	free(dir);
}

Test(build, new_scaffolds_a_folder_that_builds_jtai_2022)
{
	new_builds_cleanly("jtai-2022");
}

Test(build, new_scaffolds_a_folder_that_builds_jtai_2016)
{
	new_builds_cleanly("jtai-2016");
}

Test(build, new_scaffolds_a_folder_that_builds_sif)
{
	new_builds_cleanly("sif");
}

Test(build, new_scaffolds_a_folder_that_builds_multi_agency_2013)
{
	new_builds_cleanly("multi-agency-2013");
}
