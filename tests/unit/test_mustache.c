/* Unit tests of the Mustache engine (draft/mustache.h) for what the public
 * spec does not cover: located compile errors, Markdown escaping, the
 * partial depth limit, names and truthiness as jtai's templates use them,
 * number printing, and time bounds on large and hostile input. */
#include <criterion/criterion.h>
#include <criterion/logging.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/value.h"
#include "core/yaml.h"
#include "draft/mustache.h"
#include "testutil.h"

/* Partials for a test: pairs of name and source, ending with NULL. */
static const char *
table_partial(void *ctx, const char *name, size_t *len, const char **path)
{
	const char *const *p = ctx;
	for (; p[0]; p += 2)
		if (strcmp(p[0], name) == 0) {
			*len = strlen(p[1]);
			if (path)
				*path = name;
			return p[1];
		}
	return NULL;
}

/* YAML text as a value tree typed by the core schema, in arena a. */
static struct value *
data_of(struct arena *a, const char *yaml)
{
	struct diag_sink d;
	diag_init(&d);
	struct value *v = yaml_parse(a, "data.yaml", yaml, strlen(yaml), &d);
	cr_assert_not_null(v, "bad test data: %s", yaml);
	value_resolve_core(v);
	diag_release(&d);
	return v;
}

/* Renders src against yaml data with partials (may be NULL) and returns
 * the text (malloc'd), or NULL on failure with the diagnostics in *diags
 * (malloc'd) when diags is not NULL. */
static char *
render_env(const char *src, const char *yaml, const char *const *partials,
           tmpl_escape_fn escape, char **diags)
{
	struct arena *a = arena_new();
	struct diag_sink d;
	struct buf out;
	struct tmpl_env env = {escape, partials ? table_partial : NULL,
	                       (void *)partials};
	char *result = NULL;
	diag_init(&d);
	buf_init(&out);
	struct tmpl *t = tmpl_compile("t.md", src, strlen(src), &d);
	if (t && tmpl_render(t, yaml ? data_of(a, yaml) : NULL, &env, &out,
	                     &d) == 0)
		result = buf_detach(&out);
	if (diags)
		*diags = test_diags(&d);
	tmpl_free(t);
	buf_release(&out);
	diag_release(&d);
	arena_free(a);
	return result;
}

static void
expect_render(const char *src, const char *yaml, const char *want)
{
	char *diags = NULL;
	char *got = render_env(src, yaml, NULL, NULL, &diags);
	cr_expect_not_null(got, "render failed: %s", diags);
	if (got)
		cr_expect_str_eq(got, want, "template %s", src);
	free(got);
	free(diags);
}

/* Renders src against yaml data with partials and escape (either may be
 * NULL); stops the test unless it renders, and expects want. */
static void
expect_render_env(const char *src, const char *yaml,
                  const char *const *partials, tmpl_escape_fn escape,
                  const char *want)
{
	char *got = render_env(src, yaml, partials, escape, NULL);
	cr_assert_not_null(got);
	cr_expect_str_eq(got, want);
	free(got);
}

/* Compiles src, expects failure, and returns the diagnostics. */
static char *
compile_errors(const char *src)
{
	struct diag_sink d;
	diag_init(&d);
	struct tmpl *t = tmpl_compile("letter.md", src, strlen(src), &d);
	cr_expect_null(t, "compiled: %s", src);
	cr_expect_gt(d.errors, 0);
	char *s = test_diags(&d);
	tmpl_free(t);
	diag_release(&d);
	return s;
}

static void
expect_error(const char *src, const char *want)
{
	char *got = compile_errors(src);
	cr_expect(strstr(got, want) != NULL, "want '%s' in:\n%s", want, got);
	free(got);
}

/* --- located compile errors ------------------------------------------ */

Test(mustache, unclosed_section_is_located)
{
	expect_error("Dear {{name}},\n\n  {{#findings}}\n{{summary}}\n",
	             "letter.md:3:3: error: unclosed section 'findings' "
	             "(end it with '{{/findings}}')");
	expect_error("{{^none}}", "letter.md:1:1: error: unclosed inverted "
	                          "section 'none'");
	expect_error("{{<parent}}{{$b}}x{{/b}}",
	             "letter.md:1:1: error: unclosed parent 'parent'");
}

Test(mustache, columns_count_characters)
{
	/* "Année " is 6 characters in 7 bytes. */
	expect_error("Année {{#x}}", "letter.md:1:7: error: unclosed section");
}

Test(mustache, mismatched_close_tag)
{
	expect_error("{{#a}}\n{{#b}}\n{{/a}}\n",
	             "letter.md:3:1: error: closing tag 'a' does not match "
	             "section 'b' ('b' was opened at line 2, column 1)");
	expect_error("text\n{{/a}}", "letter.md:2:1: error: closing tag 'a' "
	                             "without an open section");
}

Test(mustache, unclosed_tag)
{
	expect_error("Hello {{name", "letter.md:1:7: error: unclosed tag '{{' "
	                             "(end it with '}}')");
	expect_error("Hello {{name} and {{other}}",
	             "letter.md:1:7: error: unclosed tag");
	expect_error("a {{{raw}} b", "letter.md:1:3: error: unclosed tag '{{' "
	                             "(end it with '}}}')");
	expect_error("{{=<% %>=}}\n<%name", "letter.md:2:1: error: unclosed "
	                                   "tag '<%' (end it with '%>')");
}

Test(mustache, bad_delimiters)
{
	expect_error("{{=<%%>=}}", "letter.md:1:1: error: bad delimiters '<%%>'");
	expect_error("x\n {{=<% %> |=}}", "letter.md:2:2: error: bad delimiters");
	expect_error("{{= =}}", "error: bad delimiters");
	expect_error("{{=<= =>=}}", "error: bad delimiters");
	expect_error("{{=<% %>", "error: unclosed tag '{{' (end it with '=}}')");
}

Test(mustache, bad_names)
{
	expect_error("{{}}", "letter.md:1:1: error: tag without a name");
	expect_error("{{#}}{{/}}", "error: tag without a name");
	expect_error("{{area name}}", "error: bad name 'area name'");
	expect_error("{{a..b}}", "error: bad name 'a..b'");
	expect_error("{{.a}}", "error: bad name '.a'");
}

Test(mustache, nesting_is_capped)
{
	struct buf src;
	buf_init(&src);
	for (int i = 0; i < TMPL_MAX_NESTING + 1; i++)
		buf_puts(&src, "{{#a}}");
	char *got = compile_errors(src.data);
	cr_expect(strstr(got, "nested deeper than 256 levels") != NULL, "%s",
	          got);
	free(got);
	buf_release(&src);
}

/* --- escaping ---------------------------------------------------------- */

static char *
escape_md(const char *s)
{
	struct buf b;
	buf_init(&b);
	tmpl_escape_markdown(&b, s, strlen(s));
	return buf_detach(&b);
}

static void
expect_md(const char *in, const char *want)
{
	char *got = escape_md(in);
	cr_expect_str_eq(got, want, "escaping %s", in);
	free(got);
}

Test(mustache, escape_markdown)
{
	expect_md("", "");
	expect_md("Northshire", "Northshire");
	/* Ordinary punctuation stays as written. */
	expect_md("St. Mary's (North) - East, 2026! #1 \"x\" {y} 50% $5 ~a",
	          "St. Mary's (North) - East, 2026! #1 \"x\" {y} 50% $5 ~a");
	/* | would end a table cell (docs/templates.md, "Tables") */
	expect_md("a | b", "a \\| b");
	expect_md("a*b_c`d", "a\\*b\\_c\\`d");
	expect_md("[link](x) <b> \\", "\\[link\\](x) \\<b\\> \\\\");
	/* & only where cmark could read an entity. */
	expect_md("Smith & Sons", "Smith & Sons");
	expect_md("R&D", "R\\&D");
	expect_md("&amp; &#38; &", "\\&amp; \\&#38; &");
	/* UTF-8 passes through untouched. */
	expect_md("Année — é_", "Année — é\\_");
}

Test(mustache, escape_through_env)
{
	expect_render_env("{{name}} {{{name}}} {{&name}}", "name: 'A_B & <C>'",
	                  NULL, tmpl_escape_markdown,
	                  "A\\_B & \\<C\\> A_B & <C> A_B & <C>");
	expect_render("{{x}}", "x: '<a href=\"&\">'",
	              "&lt;a href=&quot;&amp;&quot;&gt;");
}

/* --- partials ---------------------------------------------------------- */

Test(mustache, partial_recursion_is_capped)
{
	const char *partials[] = {"loop", "x{{>loop}}", NULL};
	char *diags = NULL;
	struct buf out;
	struct diag_sink d;
	buf_init(&out);
	buf_puts(&out, "kept");
	diag_init(&d);
	struct tmpl_env env = {NULL, table_partial, (void *)partials};
	struct tmpl *t = tmpl_compile("t.md", "{{>loop}}", 9, &d);
	cr_assert_not_null(t);
	cr_expect_eq(tmpl_render(t, NULL, &env, &out, &d), -1);
	diags = test_diags(&d);
	cr_expect(strstr(diags, "loop:1:2: error: partials nested deeper than "
	                        "64 levels 'loop'") != NULL,
	          "%s", diags);
	cr_expect_str_eq(out.data, "kept", "output left as it was");
	free(diags);
	tmpl_free(t);
	diag_release(&d);
	buf_release(&out);
}

Test(mustache, render_nesting_is_capped)
{
	/* Each partial nests 200 sections: the C stack is bounded before the
	 * partial depth is. */
	struct buf p;
	buf_init(&p);
	for (int i = 0; i < 200; i++)
		buf_puts(&p, "{{#a}}");
	buf_puts(&p, "{{>p}}");
	for (int i = 0; i < 200; i++)
		buf_puts(&p, "{{/a}}");
	const char *partials[] = {"p", p.data, NULL};
	char *diags = NULL;
	char *got = render_env("{{>p}}", "a: true", partials, NULL, &diags);
	cr_expect_null(got);
	cr_expect(strstr(diags, "error: sections and partials nested deeper "
	                        "than 1024 levels"),
	          "%s", diags);
	free(got);
	free(diags);
	buf_release(&p);
}

Test(mustache, recursion_through_blocks_is_capped)
{
	/* An argument block that contains its own block expands itself. */
	const char *partials[] = {"p", "{{$x}}{{/x}}", NULL};
	char *diags = NULL;
	char *got = render_env("{{<p}}{{$x}}a{{$x}}{{/x}}{{/x}}{{/p}}", NULL,
	                       partials, NULL, &diags);
	cr_expect_null(got);
	cr_expect(strstr(diags, "blocks nested deeper than 64 levels 'x'"),
	          "%s", diags);
	free(got);
	free(diags);
}

Test(mustache, bounded_recursion_and_missing_partials)
{
	const char *partials[] = {
	    "node", "{{name}}{{#kids}}({{>node}}){{/kids}}", "list", "", NULL};
	expect_render_env("{{>node}}|{{>absent}}|{{>list}}",
	                  "name: a\nkids:\n  - name: b\n    kids:\n"
	                  "      - {name: c, kids: []}\n",
	                  partials, NULL, "a(b(c))||");
	/* No env at all: every partial is missing. */
	expect_render("[{{>x}}]", NULL, "[]");
}

Test(mustache, partial_errors_are_located_in_the_partial)
{
	const char *partials[] = {"bad", "line\n{{#open}}", NULL};
	char *diags = NULL;
	char *got = render_env("a\n {{>bad}}", NULL, partials, NULL, &diags);
	cr_expect_null(got);
	cr_expect(strstr(diags, "bad:2:1: error: unclosed section 'open'"),
	          "%s", diags);
	cr_expect(strstr(diags, "t.md:2:2: note: in partial 'bad' included "
	                        "here"),
	          "%s", diags);
	free(got);
	free(diags);
}

Test(mustache, standalone_partial_indents_each_line)
{
	const char *partials[] = {"item", "- {{.}}\n  more\n", NULL};
	expect_render_env("list:\n{{#xs}}\n  {{>item}}\n{{/xs}}\nend\n",
	                  "xs: [one, two]", partials, NULL,
	                  "list:\n  - one\n    more\n  - two\n    more\n"
	                  "end\n");
}

Test(mustache, inheritance_in_a_letter)
{
	const char *partials[] = {
	    "letter", "# {{$title}}Letter{{/title}}\n\n{{$body}}{{/body}}\n"
	              "Yours,\n",
	    NULL};
	expect_render_env("{{<letter}}\n{{$title}}Inspection of "
	                  "{{area}}{{/title}}\n{{$body}}\nDear {{to}},\n"
	                  "{{/body}}\n{{/letter}}\n",
	                  "{area: Northshire, to: Sam}", partials, NULL,
	                  "# Inspection of Northshire\n\nDear Sam,\n\n"
	                  "Yours,\n");
}

Test(mustache, dynamic_parent)
{
	const char *partials[] = {"box", "[{{$in}}-{{/in}}]", NULL};
	expect_render_env("{{<*kind}}{{$in}}{{x}}{{/in}}{{/kind}} "
	                  "{{<*kind}}{{/*kind}} {{<*none}}{{/none}}",
	                  "{kind: box, x: 1}", partials, NULL, "[1] [-] ");
}

Test(mustache, block_lines_are_indented_once)
{
	const char *partials[] = {"p", "[\n  {{$b}}\n  {{/b}}\n]\n", NULL};
	expect_render_env("{{<p}}{{$b}}\n{{#x}}\nfoo\n{{/x}}\nbar\n"
	                  "{{/b}}{{/p}}",
	                  "x: true", partials, NULL, "[\n  foo\n  bar\n]\n");
}

/* --- names and truthiness --------------------------------------------- */

Test(mustache, dotted_names)
{
	const char *data = "area: {name: Northshire, code: E1}\n"
	                   "theme: {title: exploitation}\n"
	                   "findings:\n"
	                   "  - {summary: one, area: {name: Inner}}\n"
	                   "  - {summary: two}\n";
	expect_render("{{area.name}} ({{area.code}}) {{theme.title}}", data,
	              "Northshire (E1) exploitation");
	/* The first part is found from the innermost context outwards. */
	expect_render("{{#findings}}{{summary}}:{{area.name}} {{/findings}}",
	              data, "one:Inner two:Northshire ");
	/* The rest is looked up only in what the first part found. */
	expect_render("[{{area.title}}][{{area.name.x}}][{{nothing.at.all}}]",
	              data, "[][][]");
	expect_render("{{#area.name}}<{{.}}>{{/area.name}}", data,
	              "<Northshire>");
	expect_render("{{#area}}{{name}}{{/area}}", data, "Northshire");
}

Test(mustache, falsey_empty_list)
{
	const char *src = "{{#items}}- {{.}}\n{{/items}}{{^items}}none\n"
	                  "{{/items}}";
	expect_render(src, "items: []", "none\n");
	expect_render(src, "items: [a, b]", "- a\n- b\n");
	expect_render(src, "other: 1", "none\n");
	expect_render(src, "items: ~", "none\n");
	expect_render(src, "items: false", "none\n");
	/* An empty map is truthy, as are strings and numbers, "" and 0 too. */
	expect_render("{{#m}}yes{{/m}}{{^m}}no{{/m}}", "m: {}", "yes");
	expect_render("{{#s}}yes{{/s}}{{^s}}no{{/s}}", "s: ''", "yes");
	expect_render("{{#n}}yes{{/n}}{{^n}}no{{/n}}", "n: 0", "yes");
}

Test(mustache, scalars_print)
{
	expect_render("{{a}} {{b}} {{c}} {{d}} {{e}} {{f}} {{g}} [{{h}}] [{{i}}]",
	              "{a: 1.210, b: 85, c: -3, d: 0.1, e: 1e20, f: true, "
	              "g: false, h: null, i: [1, 2]}",
	              "1.21 85 -3 0.1 1e+20 true false [] []");
	expect_render("{{x}}", "x: 0.30000000000000004", "0.30000000000000004");
	expect_render("{{x}}", "x: '007'", "007");
}

Test(mustache, data_may_be_null)
{
	expect_render("a{{x}}{{#y}}b{{/y}}{{^z}}c{{/z}}", NULL, "ac");
}

/* --- time bounds ------------------------------------------------------- */

static double
now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* About 50 KB of data: findings with agencies, like a merged letter. */
static struct value *
big_data(struct arena *a)
{
	struct value *root = value_new(a, VALUE_MAP);
	struct value *findings = value_new(a, VALUE_SEQ);
	value_put_str(a, root, "area", "Northshire");
	for (int i = 0; i < 300; i++) {
		struct value *f = value_new(a, VALUE_MAP);
		struct value *ag = value_new(a, VALUE_SEQ);
		char id[32];
		snprintf(id, sizeof(id), "ofsted-%d", i);
		value_put_str(a, f, "id", id);
		value_put_str(a, f, "kind", i % 3 ? "strength" : "improvement");
		value_put_str(a, f, "summary", "Health visitors share concerns "
		                               "with the front door on the same "
		                               "day & record them.");
		value_put_bool(a, f, "joint", i % 2);
		value_push(a, ag, value_new_str(a, "csc"));
		value_push(a, ag, value_new_str(a, "police"));
		value_put(a, f, "agencies", ag);
		value_push(a, findings, f);
	}
	value_put(a, root, "findings", findings);
	return root;
}

Test(mustache, render_time_bound)
{
	struct arena *a = arena_new();
	struct value *data = big_data(a);
	struct buf src, out;
	struct diag_sink d;
	buf_init(&src);
	buf_init(&out);
	diag_init(&d);
	/* A letter: prose with names, and a few passes over the findings. */
	for (int i = 0; src.len < 10 * 1024; i++) {
		buf_puts(&src, "## Findings in {{area}}\n\nInspectors found that "
		               "leaders in {{area}} know their services well and "
		               "{{#none}}never{{/none}}{{^none}}often{{/none}} act "
		               "on what they learn from audits of practice.\n\n");
		if (i % 8 == 0)
			buf_puts(&src, "{{#findings}}\n{{#joint}}\n- {{summary}} "
			               "({{id}}, {{kind}}: {{#agencies}}{{.}} "
			               "{{/agencies}})\n{{/joint}}\n{{/findings}}\n");
	}
	struct tmpl *t = tmpl_compile("big.md", src.data, src.len, &d);
	cr_assert_not_null(t);
	int runs = 20;
	double t0 = now_ms();
	for (int i = 0; i < runs; i++) {
		buf_clear(&out);
		cr_assert_eq(tmpl_render(t, data, NULL, &out, &d), 0);
	}
	double ms = (now_ms() - t0) / runs;
	cr_log_info("render of %zu B template, %zu B output: %.3f ms", src.len,
	            out.len, ms);
	/* Well under 1 ms in a release build; the bound leaves room for
	 * sanitizers and valgrind. */
	cr_expect_lt(ms, 250.0, "%.3f ms per render", ms);
	tmpl_free(t);
	buf_release(&src);
	buf_release(&out);
	diag_release(&d);
	arena_free(a);
}

Test(mustache, hostile_input_is_linear)
{
	struct buf src;
	struct diag_sink d;
	buf_init(&src);
	diag_init(&d);
	/* 100 000 tags on one line, then 100 000 unclosed openers. */
	for (int i = 0; i < 100000; i++)
		buf_puts(&src, "{{a}} ");
	double t0 = now_ms();
	struct tmpl *t = tmpl_compile("big.md", src.data, src.len, &d);
	cr_expect_not_null(t);
	tmpl_free(t);
	buf_clear(&src);
	for (int i = 0; i < 100000; i++)
		buf_puts(&src, "{{#a}}");
	t = tmpl_compile("deep.md", src.data, src.len, &d);
	cr_expect_null(t);
	buf_clear(&src);
	for (int i = 0; i < 100000; i++)
		buf_puts(&src, "{{ ");
	t = tmpl_compile("open.md", src.data, src.len, &d);
	cr_expect_null(t);
	double ms = now_ms() - t0;
	cr_expect_lt(ms, 5000.0, "%.1f ms", ms);
	buf_release(&src);
	diag_release(&d);
}
