/* libFuzzer target: a Mustache template compiled and rendered against a
 * small fixed context, with itself as every partial. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/value.h"
#include "core/yaml.h"
#include "draft/mustache.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct self {
	const char *text;
	size_t len;
};

static const char *
partial(void *ctx, const char *name, size_t *len, const char **path)
{
	struct self *s = ctx;
	*len = s->len;
	if (path)
		*path = name;
	return s->text;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char ctx_yaml[] =
	    "a: x\nb: [1, 2, {c: y}]\nd: {e: {f: z}}\nt: true\nn: ~\n";
	struct arena *a = arena_new();
	struct diag_sink d;
	diag_init(&d);
	struct value *ctx =
	    yaml_parse(a, "ctx.yaml", ctx_yaml, strlen(ctx_yaml), &d);
	value_resolve_core(ctx);
	struct tmpl *t = tmpl_compile("fuzz", (const char *)data, size, &d);
	if (t) {
		struct self s = {(const char *)data, size};
		/* smaller budgets than a draft's keep each run fast; the
		 * limits themselves are tested in tests/unit/test_limits.c */
		tmpl_set_budget(t, 1u << 16, 5000);
		struct tmpl_env env = {tmpl_escape_markdown, partial, &s};
		struct buf out;
		buf_init(&out);
		tmpl_render(t, ctx, &env, &out, &d);
		buf_release(&out);
		tmpl_free(t);
	}
	diag_release(&d);
	arena_free(a);
	return 0;
}
