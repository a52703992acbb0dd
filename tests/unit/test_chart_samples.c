/* Every sample's charts, from the model in memory and read back from
 * merged.yaml: drawn, inside, apart, and the same scenes both ways. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart/chart.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/diag.h"
#include "ingest/ingest.h"
#include "ingest/model.h"
#include "merge/merge.h"
#include "chart_fixture.h"
#include "testutil.h"

TestSuite(chart_samples, .init = chart_setup, .fini = chart_teardown);

static void
sample_charts(const char *sample)
{
	char dir[256];
	snprintf(dir, sizeof(dir), "samples/%s", sample);
	char *samples = strdup(test_src(dir));
	struct inspection *ins =
	    ingest_load(arena, samples, test_src("templates"), &sink);
	cr_assert_not_null(ins, "%s", test_diags(&sink));
	struct value *model = merge_run(arena, ins, &sink);
	cr_assert_not_null(model, "%s", test_diags(&sink));
	struct buf yaml;
	buf_init(&yaml);
	merge_write(model, &yaml);
	const char *tmp = test_tmpdir();
	test_write(tmp, "merged.yaml", buf_cstr(&yaml));
	char path[4096];
	snprintf(path, sizeof(path), "%s/merged.yaml", tmp);
	struct value *back = merge_load(arena, path, &sink);
	cr_assert_not_null(back, "%s", test_diags(&sink));
	cr_assert_gt(ins->fw->ncharts, 0);
	for (size_t i = 0; i < ins->fw->ncharts; i++) {
		const char *name = ins->fw->charts[i];
		struct scene *a = draw_chart(name, model);
		struct scene *b = draw_chart(name, back);
		cr_assert_str_eq(a->alt, b->alt, "%s", name);
		cr_assert_str_eq(a->id, b->id, "%s: not the same scene", name);
		cr_assert_gt(a->data.nrows, 0, "%s", name);
		if (!strcmp(name, TIMELINE))
			assert_leaders_clear(a);
	}
	buf_release(&yaml);
	free(samples);
}

Test(chart_samples, sample_riverford)
{
	sample_charts("riverford-front-door");
}

Test(chart_samples, sample_northshire)
{
	sample_charts("northshire-exploitation");
}

Test(chart_samples, sample_kelsworth)
{
	sample_charts("kelsworth-domestic-abuse");
}

Test(chart_samples, sample_kestrelmoor)
{
	sample_charts("kestrelmoor-child-protection");
}

Test(chart_samples, sample_hollinsby)
{
	sample_charts("hollinsby-sif");
}
