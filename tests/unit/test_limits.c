/* The limits of docs/limits.md: each refuses hostile input fast, with an
 * error that names the limit, and leaves what the caller had intact. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/file.h"
#include "core/value.h"
#include "core/yaml.h"
#include "draft/mustache.h"
#include "ingest/model.h"
#include "ingest/read.h"
#include "ingest/schema.h"
#include "render/html.h"
#include "render/render.h"
#include "testutil.h"

static double
now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A string of n copies of unit followed by tail (malloc'd). */
static char *
repeat(const char *unit, size_t n, const char *tail)
{
	size_t u = strlen(unit), t = strlen(tail);
	char *s = malloc(u * n + t + 1);
	cr_assert_not_null(s);
	for (size_t i = 0; i < n; i++)
		memcpy(s + i * u, unit, u);
	memcpy(s + u * n, tail, t + 1);
	return s;
}

/* Parses text as YAML; returns the seconds taken, the diagnostics in
 * *diags (malloc'd), and asserts that it was refused. */
static double
refused_yaml(const char *text, char **diags)
{
	struct arena *a = arena_new();
	struct diag_sink d;
	diag_init(&d);
	double t0 = now();
	struct value *v = yaml_parse(a, "f.yaml", text, strlen(text), &d);
	double dt = now() - t0;
	cr_assert_null(v);
	*diags = test_diags(&d);
	diag_release(&d);
	arena_free(a);
	return dt;
}

/* --- YAML ------------------------------------------------------------ */

Test(limits, yaml_200000_flow_levels_refused_in_milliseconds)
{
	char *open = repeat("[", 200000, "");
	char *text = repeat("]", 200000, "");
	char *doc = malloc(strlen(open) + strlen(text) + 20);
	sprintf(doc, "findings: %s%s\n", open, text);
	char *diags;
	double dt = refused_yaml(doc, &diags);
	cr_assert(strstr(diags, "f.yaml:1:74: error: nesting deeper than 64 "
	                        "levels"), "%s", diags);
	/* libyaml alone takes over a minute on this document */
	cr_assert_lt(dt, 0.5 * test_time_scale(), "took %.3f s", dt);
	free(diags);
	free(doc);
	free(text);
	free(open);
}

Test(limits, yaml_200000_block_levels_refused_in_milliseconds)
{
	char *doc = repeat("- ", 200000, "x\n");
	char *diags;
	double dt = refused_yaml(doc, &diags);
	cr_assert(strstr(diags, "error: nesting deeper than 64 levels"), "%s",
	          diags);
	cr_assert_lt(dt, 0.5 * test_time_scale(), "took %.3f s", dt);
	free(diags);
	free(doc);
}

Test(limits, yaml_billion_laughs_refused_without_expanding)
{
	struct buf b;
	buf_init(&b);
	buf_puts(&b, "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
	for (char c = 'b'; c <= 'z'; c++) {
		buf_printf(&b, "%c: &%c [", c, c);
		for (int i = 0; i < 9; i++)
			buf_printf(&b, "%s*%c", i ? ", " : "", c - 1);
		buf_puts(&b, "]\n");
	}
	char *diags;
	double dt = refused_yaml(buf_cstr(&b), &diags);
	cr_assert(strstr(diags, "f.yaml:1:4: error: anchors ('&a') are not "
	                        "allowed"), "%s", diags);
	cr_assert(strstr(diags, "too many problems; reading stopped"), "%s",
	          diags);
	cr_assert_lt(dt, 0.5 * test_time_scale(), "took %.3f s", dt);
	free(diags);
	buf_release(&b);
}

Test(limits, yaml_alias_cycle_refused)
{
	char *diags;
	refused_yaml("a: &r [1, *r]\n", &diags);
	cr_assert(strstr(diags, "f.yaml:1:11: error: aliases ('*r') are not "
	                        "allowed"), "%s", diags);
	free(diags);
}

/* --- input files ------------------------------------------------------- */

Test(limits, input_file_over_16_mib_refused)
{
	const char *dir = test_tmpdir();
	char *path = file_join(dir, "big.yaml");
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f);
	static char line[1024];
	memset(line, 'x', sizeof(line) - 1);
	line[0] = '#';
	line[sizeof(line) - 2] = '\n';
	for (size_t i = 0; i <= FILE_MAX_BYTES / (sizeof(line) - 1); i++)
		fputs(line, f);
	fclose(f);
	struct arena *a = arena_new();
	struct diag_sink d;
	diag_init(&d);
	struct buf out;
	buf_init(&out);
	buf_puts(&out, "kept");
	cr_assert_eq(file_read(path, &out, &d), -1);
	cr_assert_str_eq(buf_cstr(&out), "kept");
	cr_assert_null(yaml_load(a, path, &d));
	test_diags_have(&d, "big.yaml: error: the file is larger than 16 MiB, "
	                    "the limit of an input file");
	buf_release(&out);
	diag_release(&d);
	arena_free(a);
	free(path);
}

Test(limits, device_is_not_read)
{
	struct diag_sink d;
	diag_init(&d);
	struct buf out;
	buf_init(&out);
	cr_assert_eq(file_read("/dev/zero", &out, &d), -1);
	test_diags_have(&d, "/dev/zero: error: cannot read: not a regular file");
	buf_release(&out);
	diag_release(&d);
}

/* --- findings ------------------------------------------------------------ */

Test(limits, more_findings_than_the_limit_refused)
{
	struct buf b;
	buf_init(&b);
	buf_puts(&b, "inspectorate: ofsted\nfindings:\n");
	for (int i = 0; i < 2001; i++)
		buf_printf(&b, "  - {id: ofsted-%d, kind: strength, summary: s}\n",
		           i);
	struct arena *a = arena_new();
	struct diag_sink d;
	diag_init(&d);
	struct value *v = yaml_parse(a, "ofsted.yaml", b.data, b.len, &d);
	cr_assert_not_null(v);
	struct inspection ins = {0};
	struct reader r = {a, "ofsted.yaml", &d, false};
	read_findings(&r, v, "ofsted", &ins);
	cr_assert(r.failed);
	cr_assert_eq(ins.nfindings, 0);
	test_diags_have(&d, "ofsted.yaml:2003:5: error: more than 2000 findings "
	                    "in the inspection, the limit of one letter");
	buf_release(&b);
	diag_release(&d);
	arena_free(a);
}

/* --- templates ----------------------------------------------------------- */

struct one_partial {
	const char *text;
};

static const char *
partial(void *ctx, const char *name, size_t *len, const char **path)
{
	const struct one_partial *p = ctx;
	*len = strlen(p->text);
	if (path)
		*path = "partials/self.md";
	(void)name;
	return p->text;
}

/* Renders src with partial text as every partial; returns the diagnostics
 * (malloc'd) and asserts failure, out left as it was. */
static char *
refused_tmpl(const char *src, const char *ptext, const char *data,
             size_t max_output, double *dt)
{
	struct arena *a = arena_new();
	struct diag_sink d;
	diag_init(&d);
	struct value *v = yaml_parse(a, "data.yaml", data, strlen(data), &d);
	cr_assert_not_null(v);
	value_resolve_core(v);
	struct tmpl *t = tmpl_compile("letter.md", src, strlen(src), &d);
	cr_assert_not_null(t);
	if (max_output)
		tmpl_set_budget(t, max_output, 0);
	struct one_partial p = {ptext};
	struct tmpl_env env = {NULL, partial, &p};
	struct buf out;
	buf_init(&out);
	buf_puts(&out, "before");
	double t0 = now();
	cr_assert_eq(tmpl_render(t, v, &env, &out, &d), -1);
	*dt = now() - t0;
	cr_assert_str_eq(buf_cstr(&out), "before");
	char *diags = test_diags(&d);
	buf_release(&out);
	tmpl_free(t);
	diag_release(&d);
	arena_free(a);
	return diags;
}

Test(limits, partial_recursion_refused_at_64_levels)
{
	double dt;
	char *diags = refused_tmpl("{{>self}}", "x{{>self}}", "a: 1", 0, &dt);
	cr_assert(strstr(diags, "partials/self.md:1:2: error: partials nested "
	                        "deeper than 64 levels 'self'"), "%s", diags);
	free(diags);
}

Test(limits, exponential_partials_stopped_by_the_step_budget)
{
	double dt;
	/* 40 levels of x, the last false: the recursion ends there, but with
	 * two includes per level it takes 2^40 expansions to get there */
	char *open = repeat("{x: ", 40, "false");
	char *closing = repeat("}", 40, "\n");
	char *data = malloc(strlen(open) + strlen(closing) + 4);
	sprintf(data, "x: %s%s", open, closing);
	char *diags = refused_tmpl("{{>p}}", "{{#x}}{{>p}}{{>p}}{{/x}}", data, 0,
	                           &dt);
	free(data);
	free(open);
	free(closing);
	cr_assert(strstr(diags, "error: the template runs more than 10000000 "
	                        "steps (the limit of work in one render)"),
	          "%s", diags);
	cr_assert_lt(dt, 20.0 * test_time_scale(), "took %.3f s", dt);
	free(diags);
}

Test(limits, nested_sections_stopped_by_the_output_budget)
{
	struct buf data;
	buf_init(&data);
	buf_puts(&data, "t: ");
	for (int i = 0; i < 100; i++)
		buf_puts(&data, "0123456789");
	buf_puts(&data, "\nl: [");
	for (int i = 0; i < 100; i++)
		buf_printf(&data, "%s%d", i ? ", " : "", i);
	buf_puts(&data, "]\n");
	double dt;
	/* 100^3 copies of 1000 bytes: 1 GB without a budget */
	char *diags = refused_tmpl("{{#l}}{{#l}}{{#l}}{{t}}{{/l}}{{/l}}{{/l}}",
	                           "", buf_cstr(&data), 0, &dt);
	cr_assert(strstr(diags, "error: the template writes more than 16777216 "
	                        "bytes (the limit of one render's output)"),
	          "%s", diags);
	free(diags);
	diags = refused_tmpl("{{#l}}{{t}}{{/l}}", "", buf_cstr(&data), 5000,
	                     &dt);
	cr_assert(strstr(diags, "letter.md:1:7: error: the template writes "
	                        "more than 5000 bytes"), "%s", diags);
	free(diags);
	buf_release(&data);
}

/* --- Markdown ------------------------------------------------------------ */

/* Renders md to a PDF; asserts that it fails and that the diagnostics
 * hold want. */
static void
refused_md(const char *md, const char *want)
{
	struct test_render r;
	test_render_init(&r);
	struct buf out;
	buf_init(&out);
	double t0 = now();
	cr_assert_eq(render_pdf("letter.md", md, strlen(md), &r.opts, &out,
	                        &r.sink), -1);
	double dt = now() - t0;
	cr_assert_lt(dt, 2.0 * test_time_scale(), "took %.3f s", dt);
	test_diags_have(&r.sink, want);
	buf_release(&out);
	test_render_release(&r);
}

Test(limits, markdown_nesting_refused)
{
	char *md = repeat("> ", 33, "x\n");
	refused_md(md, "letter.md:1:65: error: Markdown nested deeper than 32 "
	               "levels (the limit of lists and block quotes");
	free(md);
	md = repeat("- ", 100000, "x\n");
	refused_md(md, "error: Markdown nested deeper than 32 levels");
	free(md);
	char *open = repeat("*a ", 40, "x");
	char *closing = repeat("*", 40, "\n");
	md = malloc(strlen(open) + strlen(closing) + 1);
	sprintf(md, "%s%s", open, closing);
	refused_md(md, "letter.md:1:1: error: Markdown nested deeper than 32 "
	               "levels (the limit of emphasis and links");
	free(md);
	free(open);
	free(closing);
}

Test(limits, markdown_nesting_refused_in_html_too)
{
	struct test_render r;
	test_render_init(&r);
	char *md = repeat("> ", 40, "x\n");
	struct buf out;
	buf_init(&out);
	cr_assert_eq(render_html("letter.md", md, strlen(md), &r.opts, &out,
	                         &r.sink), -1);
	test_diags_have(&r.sink, "letter.md:1:65: error: Markdown nested deeper "
	                         "than 32 levels");
	buf_release(&out);
	free(md);
	test_render_release(&r);
}

Test(limits, markdown_within_the_nesting_limit_renders)
{
	struct test_render r;
	test_render_init(&r);
	char *md = repeat("> ", 32, "x\n");
	struct buf out;
	test_render_pdf(&r, "letter.md", md, &out);
	cr_assert_gt(out.len, 1000);
	buf_release(&out);
	free(md);
	test_render_release(&r);
}

Test(limits, one_megabyte_word_refused)
{
	char *md = repeat("a", 1 << 20, "\n");
	refused_md(md, "letter.md:1:1: error: a word longer than 1000 "
	               "characters (the limit of one word)");
	free(md);
}

Test(limits, long_line_refused_and_a_shorter_one_laid_out)
{
	/* 150,000 characters in one paragraph: past the limit */
	char *md = repeat("word ", 30000, "\n");
	refused_md(md, "letter.md:1:1: error: a paragraph longer than 100000 "
	               "bytes (the limit of one paragraph)");
	free(md);
	/* 99,000: laid out, quickly, into several pages */
	md = repeat("word ", 19800, "\n");
	struct test_render r;
	test_render_init(&r);
	struct buf out;
	double t0 = now();
	test_render_pdf(&r, "letter.md", md, &out);
	double dt = now() - t0;
	cr_assert_lt(dt, 5.0 * test_time_scale(), "took %.3f s", dt);
	cr_assert_gt(out.len, 10000);
	buf_release(&out);
	test_render_release(&r);
	free(md);
	/* a word of 1000 characters is broken across lines, not refused */
	md = repeat("b", 1000, "\n");
	test_render_init(&r);
	test_render_pdf(&r, "letter.md", md, &out);
	buf_release(&out);
	test_render_release(&r);
	free(md);
}

/* --- regressions: crashes found by the public suites and the fuzzers --- */

Test(regress, empty_link_destination_renders)
{
	/* CommonMark examples 200, 485, 486, 567: libharu refused the empty
	 * URI, and the pages after it were drawn on NULL (a crash) */
	static const char *const docs[] = {
	    "[link]()\n", "[link](<>)\n", "[foo]: <>\n\n[foo]\n",
	    "# Title\n\n[foo]()\n\n[foo]: /url1\n\n- a\n- [b]()\n"};
	for (size_t i = 0; i < sizeof(docs) / sizeof(*docs); i++) {
		struct test_render r;
		test_render_init(&r);
		struct buf out;
		test_render_pdf(&r, "letter.md", docs[i], &out);
		cr_assert(out.len > 100 && !memcmp(out.data, "%PDF-", 5), "%s",
		          docs[i]);
		buf_release(&out);
		test_render_release(&r);
	}
}
