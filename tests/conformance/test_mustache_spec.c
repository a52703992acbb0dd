/* The public Mustache spec, run as data: every case of every spec file
 * (core modules and the optional ~inheritance and ~dynamic-names) through
 * tmpl_compile and tmpl_render. Each case is logged by name with its
 * result; a test fails listing the names of its failing cases.
 *
 * The spec folder is $JTAI_MUSTACHE_SPEC, else
 * $JTAI_SOURCE_DIR/../shared/conformance/mustache; without either the
 * tests are skipped. */
#include <criterion/criterion.h>
#include <criterion/logging.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/value.h"
#include "core/yaml.h"
#include "draft/mustache.h"

static bool
is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The spec folder, or NULL (a static buffer). */
static const char *
spec_dir(void)
{
	static char path[4096];
	const char *env = getenv("JTAI_MUSTACHE_SPEC");
	const char *root = getenv("JTAI_SOURCE_DIR");
	if (env && *env) {
		snprintf(path, sizeof(path), "%s", env);
		if (is_dir(path))
			return path;
	}
	snprintf(path, sizeof(path), "%s/../shared/conformance/mustache",
	         root ? root : ".");
	return is_dir(path) ? path : NULL;
}

/* The case's partials map is the partial callback's context. */
static const char *
spec_partial(void *ctx, const char *name, size_t *len, const char **path)
{
	const struct value *v = value_get(ctx, name);
	if (v == NULL || v->kind != VALUE_STRING)
		return NULL;
	*len = v->len;
	if (path)
		*path = name;
	return v->str;
}

static const char *
text_of(const struct value *tc, const char *key)
{
	const struct value *v = value_get(tc, key);
	return v && v->str ? v->str : "";
}

/* Appends s with control characters made visible, for failure logs. */
static void
show(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (; *s; s++) {
		if (*s == '\n')
			buf_puts(b, "\\n");
		else if (*s == '\r')
			buf_puts(b, "\\r");
		else if (*s == '\t')
			buf_puts(b, "\\t");
		else
			buf_putc(b, *s);
	}
	buf_putc(b, '"');
}

/* Runs one case; on failure appends what differed to why. */
static bool
run_case(struct value *tc, struct buf *why)
{
	struct value *data = (struct value *)value_get(tc, "data");
	const char *tmpl_src = text_of(tc, "template");
	const char *expected = text_of(tc, "expected");
	struct tmpl_env env = {NULL, spec_partial,
	                       (void *)value_get(tc, "partials")};
	struct diag_sink d;
	struct buf out;
	bool ok = false;
	diag_init(&d);
	buf_init(&out);
	if (data)
		value_resolve_core(data);
	struct tmpl *t = tmpl_compile(text_of(tc, "name"), tmpl_src,
	                              strlen(tmpl_src), &d);
	if (t && tmpl_render(t, data, &env, &out, &d) == 0)
		ok = strcmp(buf_cstr(&out), expected) == 0;
	if (!ok) {
		buf_puts(why, "    expected ");
		show(why, expected);
		buf_puts(why, "\n    got      ");
		show(why, buf_cstr(&out));
		buf_putc(why, '\n');
		diag_format_all(&d, why);
	}
	tmpl_free(t);
	buf_release(&out);
	diag_release(&d);
	return ok;
}

/* Runs every case of one spec file and fails naming the failing ones. */
static void
run_file(const char *file)
{
	const char *dir = spec_dir();
	if (dir == NULL) {
		fprintf(stderr, "%s: skipped: mustache spec not found (set "
		                "JTAI_MUSTACHE_SPEC, or put shared/conformance/"
		                "mustache beside the checkout)\n", file);
		cr_skip_test("mustache spec not found: set JTAI_MUSTACHE_SPEC or "
		             "put shared/conformance/mustache beside the checkout");
	}
	char path[4200];
	snprintf(path, sizeof(path), "%s/%s", dir, file);
	struct arena *a = arena_new();
	struct diag_sink d;
	struct buf failed, why;
	size_t pass = 0, total = 0;
	diag_init(&d);
	buf_init(&failed);
	buf_init(&why);
	struct value *root = yaml_load(a, path, &d);
	const struct value *tests = value_get(root, "tests");
	if (tests == NULL || tests->kind != VALUE_SEQ) {
		diag_format_all(&d, &why);
		cr_assert_fail("%s: no tests loaded\n%s", path, buf_cstr(&why));
	}
	for (size_t i = 0; i < tests->n; i++) {
		struct value *tc = tests->items[i];
		const char *name = text_of(tc, "name");
		buf_clear(&why);
		bool ok = run_case(tc, &why);
		total++;
		pass += ok;
		if (ok) {
			cr_log_info("pass  %s: %s", file, name);
			continue;
		}
		cr_log_warn("FAIL  %s: %s\n%s", file, name, buf_cstr(&why));
		buf_printf(&failed, "%s'%s'", failed.len ? ", " : "", name);
	}
	cr_log_info("%s: %zu of %zu cases pass", file, pass, total);
	printf("mustache spec %s: %zu of %zu cases pass\n", file, pass, total);
	fflush(stdout);
	cr_expect(pass == total, "%s: %zu of %zu cases fail: %s", file,
	          total - pass, total, buf_cstr(&failed));
	buf_release(&failed);
	buf_release(&why);
	diag_release(&d);
	arena_free(a);
}

Test(mustache_spec, comments) { run_file("comments.yml"); }
Test(mustache_spec, delimiters) { run_file("delimiters.yml"); }
Test(mustache_spec, interpolation) { run_file("interpolation.yml"); }
Test(mustache_spec, inverted) { run_file("inverted.yml"); }
Test(mustache_spec, partials) { run_file("partials.yml"); }
Test(mustache_spec, sections) { run_file("sections.yml"); }
/* The optional modules: both are implemented, so they must pass too. */
Test(mustache_spec, inheritance) { run_file("~inheritance.yml"); }
Test(mustache_spec, dynamic_names) { run_file("~dynamic-names.yml"); }
