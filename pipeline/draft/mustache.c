/* The Mustache renderer: runs the op array of a compiled template
 * (mustache_parse.c) against a value tree, and the escaping filters.
 *
 * Choices where the spec is silent:
 * - Falsey are a missing name, null, false and the empty sequence. Every
 *   string is truthy, the empty one too (as in the spec's Ruby reference),
 *   and so is every number, 0 too: templates test presence, and data that
 *   means "no" should say false or leave the key out.
 * - Interpolating a sequence or a map prints nothing.
 * - Numbers print in their shortest form that reads back the same
 *   (1.210 as 1.21, 85 as 85), never in the locale's format.
 * - Partials are fetched and compiled once per render, on first use; a
 *   missing partial renders as empty, as the spec says.
 * - Blocks passed to a parent also reach the partials that the parent
 *   includes; where a name is passed at several levels, the outermost
 *   template wins. */
#include "draft/mustache.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/value.h"
#include "draft/mustache_int.h"

/* Sections and expansions on the C stack at once; with TMPL_MAX_NESTING
 * per template and TMPL_MAX_DEPTH expansions this keeps the stack small. */
enum { MAX_FRAMES = 1024 };

struct cached {            /* a partial fetched during this render */
	char *name;
	struct tmpl *t;        /* NULL: the callback has no such partial */
};

struct arg {               /* a block passed to a parent */
	const struct tmpl *t;
	size_t op;             /* index of the block op in t */
	const struct arg *next; /* blocks passed further out */
};

struct render {
	const struct tmpl_env *env;
	tmpl_escape_fn escape;
	struct buf *out;
	struct diag_sink *d;
	const struct value **stack; /* the context stack, innermost last */
	size_t nstack, capstack;
	struct buf ind;        /* indentation: ind.data[ind_off, ind.len) */
	size_t ind_off;
	struct buf scratch;    /* names and numbers as text */
	struct cached *cache;
	size_t ncache, capcache;
	const struct arg *args; /* innermost first */
	int depth;             /* partials, parents and blocks being expanded */
	int frames;
	size_t mark;           /* out->len when the render began */
	size_t steps, max_steps, max_output;
};

static int render_ops(struct render *r, const struct tmpl *t, size_t from,
                      size_t to, bool first_bol);

static const char *const html_entities[256] = {
    ['&'] = "&amp;", ['"'] = "&quot;", ['<'] = "&lt;", ['>'] = "&gt;"};

void
tmpl_escape_html(struct buf *out, const char *s, size_t n)
{
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		const char *rep = html_entities[(unsigned char)s[i]];
		if (rep == NULL)
			continue;
		buf_append(out, s + run, i - run);
		buf_puts(out, rep);
		run = i + 1;
	}
	buf_append(out, s + run, n - run);
}

static bool
is_alnum(char ch)
{
	return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') ||
	       (ch >= 'A' && ch <= 'Z');
}

void
tmpl_escape_markdown(struct buf *out, const char *s, size_t n)
{
	size_t run = 0;
	for (size_t i = 0; i < n; i++) {
		bool esc = (s[i] && strchr("\\`*_[]<>|", s[i])) ||
		           (s[i] == '&' && i + 1 < n &&
		            (is_alnum(s[i + 1]) || s[i + 1] == '#'));
		if (!esc)
			continue;
		buf_append(out, s + run, i - run);
		buf_putc(out, '\\');
		run = i;
	}
	buf_append(out, s + run, n - run);
}

/* --- context stack and names --------------------------------------- */

static void
ctx_push(struct render *r, const struct value *v)
{
	r->stack = xgrow(r->stack, &r->capstack, r->nstack + 1, sizeof(*r->stack));
	r->stack[r->nstack++] = v;
}

/* The value of key (n bytes) in map, or NULL. */
static const struct value_member *
member(const struct value *map, const char *key, size_t n)
{
	if (map == NULL || map->kind != VALUE_MAP)
		return NULL;
	for (size_t i = 0; i < map->n; i++) {
		const char *k = map->members[i].key;
		if (k[0] == key[0] && strncmp(k, key, n) == 0 && k[n] == '\0')
			return &map->members[i];
	}
	return NULL;
}

/* Resolves a name: "." is the innermost context; the first part of a
 * dotted name is looked up from the innermost context outwards, the rest
 * only inside what the first part found. NULL when missing. */
static const struct value *
lookup(const struct render *r, const char *name, size_t n)
{
	if (n == 1 && name[0] == '.')
		return r->nstack ? r->stack[r->nstack - 1] : NULL;
	const char *dot = memchr(name, '.', n);
	size_t part = dot ? (size_t)(dot - name) : n;
	const struct value_member *m = NULL;
	for (size_t i = r->nstack; i-- > 0 && m == NULL;)
		m = member(r->stack[i], name, part);
	while (m && part < n) {
		name += part + 1;
		n -= part + 1;
		dot = memchr(name, '.', n);
		part = dot ? (size_t)(dot - name) : n;
		m = member(m->val, name, part);
	}
	return m ? m->val : NULL;
}

static bool
truthy(const struct value *v)
{
	if (v == NULL)
		return false;
	switch (v->kind) {
	case VALUE_NULL:
		return false;
	case VALUE_BOOL:
		return v->b;
	case VALUE_SEQ:
		return v->n > 0;
	default:
		return true;
	}
}

/* Shortest "%g" form that reads back as x; '.' as the decimal point. */
static void
format_number(struct buf *b, double x)
{
	char tmp[40];
	if (x != x) {
		snprintf(tmp, sizeof(tmp), "nan");
	} else if (x > -1e15 && x < 1e15 && x == (double)(long long)x) {
		snprintf(tmp, sizeof(tmp), "%lld", (long long)x);
	} else {
		for (int prec = 15; prec <= 17; prec++) {
			snprintf(tmp, sizeof(tmp), "%.*g", prec, x);
			if (strtod(tmp, NULL) == x)
				break;
		}
	}
	for (char *p = tmp; *p; p++)
		if (*p == ',')
			*p = '.';
	buf_puts(b, tmp);
}

/* The text of a scalar (numbers are formatted into r->scratch), or NULL
 * for what prints as nothing. */
static const char *
value_chars(struct render *r, const struct value *v, size_t *n)
{
	if (v == NULL)
		return NULL;
	switch (v->kind) {
	case VALUE_BOOL:
		*n = v->b ? 4 : 5;
		return v->b ? "true" : "false";
	case VALUE_NUMBER:
		buf_clear(&r->scratch);
		format_number(&r->scratch, v->num);
		*n = r->scratch.len;
		return r->scratch.data;
	case VALUE_STRING:
		*n = v->len;
		return v->str;
	default:
		return NULL;
	}
}

/* --- indentation ------------------------------------------------------ */

struct saved_ind {
	size_t off, len;
};

static void
put_indent(struct render *r)
{
	buf_append(r->out, r->ind.data + r->ind_off, r->ind.len - r->ind_off);
}

/* Makes the indentation the current one (or none, when !keep) plus s. */
static void
indent_push(struct render *r, bool keep, const char *s, size_t n,
            struct saved_ind *saved)
{
	saved->off = r->ind_off;
	saved->len = r->ind.len;
	for (size_t i = saved->off; keep && i < saved->len; i++)
		buf_putc(&r->ind, r->ind.data[i]);
	buf_append(&r->ind, s, n);
	r->ind_off = saved->len;
}

static void
indent_pop(struct render *r, const struct saved_ind *saved)
{
	r->ind.len = saved->len;
	if (r->ind.data)
		r->ind.data[saved->len] = '\0';
	r->ind_off = saved->off;
}

/* --- partials ---------------------------------------------------------- */

/* Refuses a further expansion past TMPL_MAX_DEPTH (what: "partials"). */
static int
too_deep(struct render *r, const struct tmpl *t, const struct tmpl_op *op,
         const char *what)
{
	if (r->depth < TMPL_MAX_DEPTH)
		return 0;
	diag_error(r->d, t->path, op->line, op->col,
	           "%s nested deeper than %d levels '%.*s'", what, TMPL_MAX_DEPTH,
	           (int)op->n, op->s);
	diag_hint(r->d, "a template that includes itself needs a section "
	                "that ends the recursion");
	return -1;
}

static struct tmpl *
cache_get(const struct render *r, const char *name, size_t n, bool *hit)
{
	for (size_t i = 0; i < r->ncache; i++)
		if (!strncmp(r->cache[i].name, name, n) && !r->cache[i].name[n]) {
			*hit = true;
			return r->cache[i].t;
		}
	*hit = false;
	return NULL;
}

/* Fetches and compiles the partial name (n bytes) once per render; *out
 * is NULL when the callback has no such partial. */
static int
fetch(struct render *r, const struct tmpl *t, const struct tmpl_op *op,
      const char *name, size_t n, const struct tmpl **out)
{
	struct cached e = {NULL, NULL};
	const char *src = NULL, *path = NULL;
	size_t len = 0;
	bool hit;
	int rc = -1;
	*out = cache_get(r, name, n, &hit);
	if (hit)
		return 0;
	e.name = xstrndup(name, n);
	if (r->env && r->env->partial)
		src = r->env->partial(r->env->ctx, e.name, &len, &path);
	if (src && !(e.t = tmpl_compile(path ? path : e.name, src, len, r->d))) {
		diag_note(r->d, t->path, op->line, op->col,
		          "in partial '%s' included here", e.name);
		goto out;
	}
	r->cache = xgrow(r->cache, &r->capcache, r->ncache + 1, sizeof(*r->cache));
	r->cache[r->ncache++] = e;
	*out = e.t;
	e.name = NULL;
	rc = 0;
out:
	free(e.name);
	return rc;
}

/* The template that a partial or parent op includes: *out is NULL when
 * the name resolves to nothing or names no partial. */
static int
partial_of(struct render *r, const struct tmpl *t, const struct tmpl_op *op,
           const struct tmpl **out)
{
	const char *name = op->s;
	size_t n = op->n;
	*out = NULL;
	if (op->dynamic) {
		name = value_chars(r, lookup(r, op->s, op->n), &n);
		if (name == NULL)
			return 0;
		if (name != r->scratch.data) {
			buf_clear(&r->scratch);
			buf_append(&r->scratch, name, n);
		}
		name = r->scratch.data;
	}
	if (fetch(r, t, op, name, n, out) < 0)
		return -1;
	return *out ? too_deep(r, t, op, "partials") : 0;
}

/* Renders the whole of pt with the indentation of op. */
static int
expand(struct render *r, const struct tmpl_op *op, const struct tmpl *pt)
{
	struct saved_ind saved;
	indent_push(r, op->standalone, op->ind, op->nind, &saved);
	r->depth++;
	int rc = render_ops(r, pt, 0, pt->nops, false);
	r->depth--;
	indent_pop(r, &saved);
	return rc;
}

static int
render_partial(struct render *r, const struct tmpl *t, const struct tmpl_op *op,
               bool bol)
{
	const struct tmpl *pt;
	if (bol && !op->standalone)
		put_indent(r);
	if (partial_of(r, t, op, &pt) < 0)
		return -1;
	return pt ? expand(r, op, pt) : 0;
}

/* Counts the blocks among the direct children of the parent op at i. */
static size_t
count_args(const struct tmpl *t, size_t i)
{
	size_t n = 0;
	for (size_t j = i + 1; j < t->ops[i].end;) {
		n += t->ops[j].kind == OP_BLOCK;
		j = tmpl_op_has_body(&t->ops[j]) ? t->ops[j].end : j + 1;
	}
	return n;
}

/* {{<name}}: renders the parent with the blocks of the op's body passed
 * in front of those passed from further out. */
static int
render_parent(struct render *r, const struct tmpl *t, size_t i, bool bol)
{
	const struct tmpl_op *op = &t->ops[i];
	const struct tmpl *pt;
	const struct arg *outer = r->args;
	size_t n = count_args(t, i), k = 0;
	struct arg *args = n ? xcalloc(n, sizeof(*args)) : NULL;
	int rc = -1;
	if (bol && !op->standalone)
		put_indent(r);
	if (partial_of(r, t, op, &pt) < 0)
		goto out;
	rc = 0;
	if (pt == NULL)
		goto out;
	for (size_t j = i + 1; j < op->end;) {
		if (t->ops[j].kind == OP_BLOCK) {
			args[k] = (struct arg){t, j, k + 1 < n ? &args[k + 1] : outer};
			k++;
		}
		j = tmpl_op_has_body(&t->ops[j]) ? t->ops[j].end : j + 1;
	}
	r->args = n ? args : outer;
	rc = expand(r, op, pt);
out:
	r->args = outer;
	free(args);
	return rc;
}

/* --- blocks, sections, ops --------------------------------------------- */

/* The block passed under name from the outermost template, or NULL. */
static const struct arg *
arg_find(const struct render *r, const char *name, size_t n)
{
	const struct arg *found = NULL;
	for (const struct arg *a = r->args; a; a = a->next) {
		const struct tmpl_op *b = &a->t->ops[a->op];
		if (b->n == n && memcmp(b->s, name, n) == 0)
			found = a;
	}
	return found;
}

/* {{$name}}: the block passed from outside, else the default content. A
 * standalone block indents every line of what it expands to. */
static int
render_block(struct render *r, const struct tmpl *t, size_t i, bool bol)
{
	const struct tmpl_op *op = &t->ops[i];
	const struct arg *a = arg_find(r, op->s, op->n);
	const struct tmpl *bt = a ? a->t : t;
	size_t bi = a ? a->op : i;
	struct saved_ind saved = {r->ind_off, r->ind.len};
	bool indent = op->standalone && !(op->lead && a == NULL);
	int rc;
	if (a && too_deep(r, t, op, "blocks") < 0)
		return -1;
	if (!indent && bol)
		put_indent(r);
	if (!indent && op->standalone)
		buf_append(r->out, op->ind, op->nind);
	if (indent)
		indent_push(r, true, op->ind, op->nind, &saved);
	r->depth += a != NULL;
	rc = render_ops(r, bt, bi + 1, bt->ops[bi].end, indent && a);
	r->depth -= a != NULL;
	indent_pop(r, &saved);
	return rc;
}

static int
render_section(struct render *r, const struct tmpl *t, size_t i)
{
	const struct tmpl_op *op = &t->ops[i];
	const struct value *v = lookup(r, op->s, op->n);
	int rc = 0;
	if (truthy(v) == (op->kind == OP_INVERTED))
		return 0;
	if (op->kind == OP_INVERTED)
		return render_ops(r, t, i + 1, op->end, false);
	size_t count = v->kind == VALUE_SEQ ? v->n : 1;
	for (size_t k = 0; k < count && rc == 0; k++) {
		ctx_push(r, v->kind == VALUE_SEQ ? v->items[k] : v);
		rc = render_ops(r, t, i + 1, op->end, false);
		r->nstack--;
	}
	return rc;
}

static void
render_var(struct render *r, const struct tmpl_op *op)
{
	size_t n;
	const char *s = value_chars(r, lookup(r, op->s, op->n), &n);
	if (s == NULL)
		return;
	if (op->kind == OP_RAW)
		buf_append(r->out, s, n);
	else
		r->escape(r->out, s, n);
}

static int
render_op(struct render *r, const struct tmpl *t, size_t i, bool bol)
{
	const struct tmpl_op *op = &t->ops[i];
	switch (op->kind) {
	case OP_PARTIAL:
		return render_partial(r, t, op, bol);
	case OP_PARENT:
		return render_parent(r, t, i, bol);
	case OP_BLOCK:
		return render_block(r, t, i, bol);
	default:
		break;
	}
	if (bol)
		put_indent(r);
	switch (op->kind) {
	case OP_TEXT:
		buf_append(r->out, op->s, op->n);
		return 0;
	case OP_VAR:
	case OP_RAW:
		render_var(r, op);
		return 0;
	default:
		return render_section(r, t, i);
	}
}

/* Counts one op against the budget of a render; -1 (reported at op) once
 * the render has run TMPL_MAX_STEPS ops or written TMPL_MAX_OUTPUT bytes. */
static int
over_budget(struct render *r, const struct tmpl *t, const struct tmpl_op *op)
{
	if (++r->steps > r->max_steps) {
		diag_error(r->d, t->path, op->line, op->col,
		           "the template runs more than %zu steps (the limit "
		           "of work in one render)", r->max_steps);
		diag_hint(r->d, "a partial that includes itself more than once, "
		                "or sections nested over lists, multiply the work");
		return -1;
	}
	if (r->out->len - r->mark > r->max_output) {
		diag_error(r->d, t->path, op->line, op->col,
		           "the template writes more than %zu bytes (the limit "
		           "of one render's output)", r->max_output);
		diag_hint(r->d, "a partial that includes itself more than once, "
		                "or sections nested over lists, multiply the text");
		return -1;
	}
	return 0;
}

/* Renders the ops [from, to) of t; first_bol makes the first of them
 * begin a line (the first line of an indented block) unless its line
 * compiled to nothing. */
static int
render_ops(struct render *r, const struct tmpl *t, size_t from, size_t to,
           bool first_bol)
{
	int rc = 0;
	if (++r->frames > MAX_FRAMES && from < to) {
		diag_error(r->d, t->path, t->ops[from].line, t->ops[from].col,
		           "sections and partials nested deeper than %d levels",
		           MAX_FRAMES);
		rc = -1;
	}
	for (size_t i = from; i < to && rc == 0;) {
		const struct tmpl_op *op = &t->ops[i];
		bool bol = op->bol || (first_bol && i == from && !op->alone);
		rc = over_budget(r, t, op) < 0 ? -1 : render_op(r, t, i, bol);
		i = tmpl_op_has_body(op) ? op->end : i + 1;
	}
	r->frames--;
	return rc;
}

void
tmpl_set_budget(struct tmpl *t, size_t max_output, size_t max_steps)
{
	t->max_output = max_output;
	t->max_steps = max_steps;
}

int
tmpl_render(const struct tmpl *t, const struct value *data,
            const struct tmpl_env *env, struct buf *out, struct diag_sink *d)
{
	struct render r = {.env = env, .out = out, .d = d, .mark = out->len};
	size_t mark = out->len;
	r.escape = env && env->escape ? env->escape : tmpl_escape_html;
	r.max_output = t->max_output ? t->max_output : TMPL_MAX_OUTPUT;
	r.max_steps = t->max_steps ? t->max_steps : TMPL_MAX_STEPS;
	buf_init(&r.ind);
	buf_init(&r.scratch);
	if (data)
		ctx_push(&r, data);
	int rc = render_ops(&r, t, 0, t->nops, false);
	if (rc < 0 && out->data) {
		out->len = mark;
		out->data[mark] = '\0';
	}
	for (size_t i = 0; i < r.ncache; i++) {
		free(r.cache[i].name);
		tmpl_free(r.cache[i].t);
	}
	free(r.cache);
	free(r.stack);
	buf_release(&r.ind);
	buf_release(&r.scratch);
	return rc;
}
