/* Every sample's charts, from the model in memory and read back from
 * merged.yaml: drawn, inside, apart, and the same scenes both ways; and
 * their SVGs all inlined in one page without an id defined twice or a
 * reference that leaves its own SVG. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart/chart.h"
#include "chart_fixture.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/diag.h"
#include "ingest/ingest.h"
#include "ingest/model.h"
#include "merge/merge.h"
#include "testutil.h"

TestSuite(chart_samples, .init = chart_setup, .fini = chart_teardown);

static const char *const all_samples[] = {
    "riverford-front-door", "northshire-exploitation",
    "kelsworth-domestic-abuse", "kestrelmoor-child-protection",
    "hollinsby-sif"};

/* The sample's merged model, and its inspection in *ins. */
static struct value *
load_sample(const char *sample, struct inspection **ins)
{
	char dir[256];
	snprintf(dir, sizeof(dir), "samples/%s", sample);
	char *samples = strdup(test_src(dir));
	*ins = ingest_load(arena, samples, test_src("templates"), &sink);
	free(samples);
	cr_assert_not_null(*ins, "%s", test_diags(&sink));
	struct value *model = merge_run(arena, *ins, &sink);
	cr_assert_not_null(model, "%s", test_diags(&sink));
	return model;
}

static void
sample_charts(const char *sample)
{
	struct inspection *ins;
	struct value *model = load_sample(sample, &ins);
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
		struct buf sa, sb;
		buf_init(&sa);
		buf_init(&sb);
		cr_assert_eq(chart_write_svg(a, &fonts, &sa, &sink), 0);
		cr_assert_eq(chart_write_svg(b, &fonts, &sb, &sink), 0);
		cr_assert_str_eq(buf_cstr(&sa), buf_cstr(&sb),
		                 "%s: not the same chart", name);
		buf_release(&sa);
		buf_release(&sb);
		cr_assert_gt(a->data.nrows, 0, "%s", name);
		if (!strcmp(name, TIMELINE))
			assert_leaders_clear(a);
	}
	buf_release(&yaml);
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

/* The ids an SVG defines, and the ids it refers to (href="#x",
 * url(#x)), appended to *v (n of them) as arena strings. */
struct ids {
	const char **v;
	size_t n, cap;
};

static void
ids_add(struct ids *ids, const char *s, size_t n)
{
	if (ids->n == ids->cap) {
		size_t cap = ids->cap ? ids->cap * 2 : 256;
		ids->v = arena_grow(arena, ids->v, ids->n * sizeof(*ids->v),
		                    cap * sizeof(*ids->v));
		ids->cap = cap;
	}
	char *t = arena_alloc(arena, n + 1);
	memcpy(t, s, n);
	t[n] = '\0';
	ids->v[ids->n++] = t;
}

static void
scan(const char *svg, const char *before, char end, struct ids *out)
{
	size_t k = strlen(before);
	for (const char *p = svg; (p = strstr(p, before)) != NULL;) {
		p += k;
		const char *e = strchr(p, end);
		cr_assert_not_null(e);
		ids_add(out, p, (size_t)(e - p));
	}
}

static bool
has(const struct ids *ids, size_t from, const char *id)
{
	for (size_t i = from; i < ids->n; i++)
		if (strcmp(ids->v[i], id) == 0)
			return true;
	return false;
}

Test(chart_samples, svgs_inline_together)
{
	/* Every chart of every sample inlined in one HTML page: no id
	 * defined twice, and each reference resolved inside its own SVG, so
	 * that no chart shows another's shapes. (The SVGs define none now;
	 * this keeps any that a later change adds honest.) */
	struct ids def = {0};
	size_t nsvg = 0;
	for (size_t k = 0; k < sizeof(all_samples) / sizeof(*all_samples);
	     k++) {
		struct inspection *ins;
		struct value *model = load_sample(all_samples[k], &ins);
		for (size_t i = 0; i < ins->fw->ncharts; i++) {
			struct scene *s = draw_chart(ins->fw->charts[i], model);
			struct buf svg;
			buf_init(&svg);
			cr_assert_eq(chart_write_svg(s, &fonts, &svg, &sink),
			             0);
			size_t first = def.n;
			struct ids ref = {0};
			scan(buf_cstr(&svg), " id=\"", '"', &def);
			scan(buf_cstr(&svg), "href=\"#", '"', &ref);
			scan(buf_cstr(&svg), "url(#", ')', &ref);
			cr_assert_not_null(strstr(buf_cstr(&svg), "<text "),
			                   "%s: no text", s->name);
			for (size_t j = 0; j < ref.n; j++)
				cr_assert(has(&def, first, ref.v[j]),
				          "%s refers to '%s' outside itself",
				          s->name, ref.v[j]);
			buf_release(&svg);
			nsvg++;
		}
	}
	cr_assert_geq(nsvg, 14);
	for (size_t i = 0; i < def.n; i++)
		for (size_t j = 0; j < i; j++)
			cr_assert_str_neq(def.v[i], def.v[j], "id '%s' twice",
			                  def.v[i]);
}
