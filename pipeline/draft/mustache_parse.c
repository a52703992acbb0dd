/* The Mustache compiler: source text to the flat op array of
 * mustache_int.h, in one forward pass with an explicit stack of open
 * elements (no recursion on input).
 *
 * Whitespace follows the spec and its whitespace notes:
 * - A tag other than an interpolation is standalone when only spaces and
 *   tabs share its line; then the whole line goes, and for a partial or
 *   parent the whitespace before the tag becomes the indentation of every
 *   line of the expansion.
 * - A parent element, or a block that is not an argument of a parent, whose
 *   start tag has only whitespace before it and whose end tag has only
 *   whitespace after it, is standalone too even when both tags share a line.
 *   Its leading whitespace becomes the indentation of the expansion; for a
 *   parent the rest of the end tag's line goes, for a block it stays.
 * - A block whose start tag ends its line (an argument block, or a block
 *   whose start tag is standalone) drops that line end and has an
 *   intrinsic indentation: the whitespace that begins the next line. That
 *   much is removed from the start of every line of its content, and the
 *   block's own indentation (relative to the block around it) is recorded
 *   for the renderer to add where the block is expanded.
 * Text is split into one op per source line, so that the renderer can put
 * indentation in front of each line. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/diag.h"
#include "draft/mustache.h"
#include "draft/mustache_int.h"

struct open {            /* an element whose end tag is awaited */
	size_t op;           /* index of its op */
	bool is_arg;         /* a block passed to a parent */
	bool blank;          /* only whitespace before the start tag */
	size_t prefix_op;    /* 1 + index of the text op of that whitespace */
	size_t lead, nlead;  /* that whitespace, in the source */
	size_t strip, nstrip; /* indentation removed from lines inside */
};

struct tag {
	char sigil;          /* 0 for {{name}}, else one of #^/!>&{=<$ */
	size_t start, end;   /* the tag's bytes */
	size_t name, n;      /* its trimmed content after the sigil */
	bool dynamic;        /* {{>*name}} or {{<*name}} */
	int line, col;
};

struct compiler {
	struct tmpl *t;
	struct diag_sink *d;
	const char *src;
	size_t len;
	size_t pos;          /* next byte to compile */
	size_t line_start;   /* first byte of the line of pos */
	bool line_blank;     /* only spaces and tabs from line_start to pos */
	const char *otag, *ctag;
	size_t olen, clen;
	size_t at;           /* where line and col were last counted */
	int line, col;
	struct open stack[TMPL_MAX_NESTING];
	size_t depth;
};

enum eol { EOL_NONE, EOL_EOF, EOL_NEWLINE };

static bool
is_blank(char ch)
{
	return ch == ' ' || ch == '\t';
}

static bool
is_space(char ch)
{
	return is_blank(ch) || ch == '\n' || ch == '\r';
}

/* Offset of the first pat (n bytes) in s[from, len), or SIZE_MAX. */
static size_t
find(const char *s, size_t from, size_t len, const char *pat, size_t n)
{
	while (from + n <= len) {
		const char *p = memchr(s + from, pat[0], len - from - n + 1);
		if (p == NULL)
			return SIZE_MAX;
		if (memcmp(p, pat, n) == 0)
			return (size_t)(p - s);
		from = (size_t)(p - s) + 1;
	}
	return SIZE_MAX;
}

/* Line and column (1-based, in UTF-8 characters) of off; off never goes
 * back, so the whole source is counted once. */
static void
locate(struct compiler *c, size_t off, int *line, int *col)
{
	for (; c->at < off; c->at++) {
		unsigned char ch = (unsigned char)c->src[c->at];
		if (ch == '\n') {
			c->line++;
			c->col = 1;
		} else if ((ch & 0xC0) != 0x80) {
			c->col++;
		}
	}
	*line = c->line;
	*col = c->col;
}

/* Follows the line structure over src[from, to). */
static void
track(struct compiler *c, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++) {
		if (c->src[i] == '\n') {
			c->line_start = i + 1;
			c->line_blank = true;
		} else if (!is_blank(c->src[i])) {
			c->line_blank = false;
		}
	}
}

/* Whether only blanks follow off up to a line end or the end of input;
 * *next receives the offset after that line end. */
static enum eol
rest_blank(const struct compiler *c, size_t off, size_t *next)
{
	while (off < c->len && is_blank(c->src[off]))
		off++;
	if (off == c->len) {
		*next = off;
		return EOL_EOF;
	}
	if (c->src[off] == '\n' || (c->src[off] == '\r' && off + 1 < c->len &&
	                            c->src[off + 1] == '\n')) {
		*next = off + (c->src[off] == '\r' ? 2 : 1);
		return EOL_NEWLINE;
	}
	return EOL_NONE;
}

static struct tmpl_op *
push_op(struct compiler *c, enum tmpl_op_kind kind, size_t at)
{
	struct tmpl *t = c->t;
	t->ops = xgrow(t->ops, &t->cap, t->nops + 1, sizeof(*t->ops));
	struct tmpl_op *op = &t->ops[t->nops++];
	memset(op, 0, sizeof(*op));
	op->kind = kind;
	op->bol = at == 0 || c->src[at - 1] == '\n';
	locate(c, at, &op->line, &op->col);
	return op;
}

/* The indentation removed inside the innermost open block. */
static void
strip_get(const struct compiler *c, size_t *off, size_t *n)
{
	*off = c->depth ? c->stack[c->depth - 1].strip : 0;
	*n = c->depth ? c->stack[c->depth - 1].nstrip : 0;
}

/* Start of the text from off once the indentation inside the innermost
 * open block is removed (when the text begins with all of it). */
static size_t
unindent(const struct compiler *c, size_t off, size_t end)
{
	size_t s, n;
	strip_get(c, &s, &n);
	if (n && end - off >= n && memcmp(c->src + off, c->src + s, n) == 0)
		return off + n;
	return off;
}

/* Appends src[from, to) as text ops, one per line. */
static void
emit_text(struct compiler *c, size_t from, size_t to)
{
	while (from < to) {
		const char *nl = memchr(c->src + from, '\n', to - from);
		size_t stop = nl ? (size_t)(nl - c->src) + 1 : to;
		struct tmpl_op *op = push_op(c, OP_TEXT, from);
		size_t s = op->bol ? unindent(c, from, stop) : from;
		op->s = c->src + s;
		op->n = stop - s;
		from = stop;
	}
}

static int
fail_unclosed(struct compiler *c, const struct tag *tg, const char *close)
{
	diag_error(c->d, c->t->path, tg->line, tg->col, "unclosed tag '%.*s'",
	           (int)c->olen, c->otag);
	diag_hint(c->d, "end it with '%s%.*s'", close, (int)c->clen, c->ctag);
	return -1;
}

/* Finds the end of the tag whose content starts at p and must end with
 * closer + ctag ({{{name}}}, {{=<% %>=}}). */
static int
scan_special(struct compiler *c, struct tag *tg, size_t p, char closer)
{
	char close[2] = {closer, '\0'};
	size_t from = p, e;
	while ((e = find(c->src, from, c->len, c->ctag, c->clen)) != SIZE_MAX) {
		if (e > p && c->src[e - 1] == closer)
			break;
		/* {{{name}}}: the closer starts the first ctag found. */
		if (closer == '}') {
			if (c->src[e] != '}' || e + 1 + c->clen > c->len ||
			    memcmp(c->src + e + 1, c->ctag, c->clen) != 0)
				return fail_unclosed(c, tg, close);
			e++;
			break;
		}
		from = e + 1;
	}
	if (e == SIZE_MAX)
		return fail_unclosed(c, tg, close);
	tg->name = p;
	tg->n = e - 1 - p;
	tg->end = e + c->clen;
	return 0;
}

/* Reads the tag at start into tg: its sigil, its trimmed content, its end. */
static int
scan_tag(struct compiler *c, size_t start, struct tag *tg)
{
	size_t p = start + c->olen;
	memset(tg, 0, sizeof(*tg));
	tg->start = start;
	locate(c, start, &tg->line, &tg->col);
	if (p < c->len && (c->src[p] == '{' || c->src[p] == '=')) {
		tg->sigil = c->src[p];
		if (scan_special(c, tg, p + 1, tg->sigil == '{' ? '}' : '=') < 0)
			return -1;
	} else {
		size_t e = find(c->src, p, c->len, c->ctag, c->clen);
		if (e == SIZE_MAX)
			return fail_unclosed(c, tg, "");
		if (p < e && strchr("#^/!>&<$", c->src[p]))
			tg->sigil = c->src[p++];
		if (tg->sigil != '!' &&
		    find(c->src, p, e, c->otag, c->olen) != SIZE_MAX)
			return fail_unclosed(c, tg, "");
		tg->name = p;
		tg->n = e - p;
		tg->end = e + c->clen;
	}
	while (tg->n && is_space(c->src[tg->name])) {
		tg->name++;
		tg->n--;
	}
	while (tg->n && is_space(c->src[tg->name + tg->n - 1]))
		tg->n--;
	return 0;
}

/* Checks the name of tg: not empty, no whitespace, and for names looked
 * up in the data no empty part between dots ("." alone is the current
 * item). A leading '*' on a partial or parent makes it dynamic. */
static int
check_name(struct compiler *c, struct tag *tg)
{
	const char *s = c->src + tg->name;
	bool dotted = tg->sigil != '>' && tg->sigil != '<' && tg->sigil != '$';
	if ((tg->sigil == '>' || tg->sigil == '<') && tg->n && s[0] == '*') {
		tg->dynamic = dotted = true;
		for (tg->name++, tg->n--; tg->n && is_space(c->src[tg->name]);
		     tg->name++, tg->n--)
			;
		s = c->src + tg->name;
	}
	bool ok = tg->n > 0;
	for (size_t i = 0; ok && i < tg->n; i++)
		ok = !is_space(s[i]);
	if (ok && dotted && !(tg->n == 1 && s[0] == '.'))
		ok = s[0] != '.' && s[tg->n - 1] != '.' &&
		     find(s, 0, tg->n, "..", 2) == SIZE_MAX;
	if (ok)
		return 0;
	if (tg->n == 0)
		diag_error(c->d, c->t->path, tg->line, tg->col, "tag without a name");
	else
		diag_error(c->d, c->t->path, tg->line, tg->col, "bad name '%.*s'",
		           (int)tg->n, s);
	diag_hint(c->d, "a name is one word, or words joined by '.'");
	return -1;
}

/* {{=<% %>=}}: two new delimiters, without blanks or '=' in them. */
static int
set_delims(struct compiler *c, const struct tag *tg)
{
	const char *s = c->src + tg->name;
	size_t n = tg->n, a = 0, b, e;
	while (a < n && !is_space(s[a]) && s[a] != '=')
		a++;
	for (b = a; b < n && is_space(s[b]); b++)
		;
	for (e = b; e < n && !is_space(s[e]) && s[e] != '='; e++)
		;
	if (a == 0 || b == a || e == b || e != n) {
		diag_error(c->d, c->t->path, tg->line, tg->col,
		           "bad delimiters '%.*s'", (int)n, s);
		diag_hint(c->d, "give two delimiters without spaces or '=' in "
		                "them, as in {{=<%% %%>=}}");
		return -1;
	}
	c->otag = s;
	c->olen = a;
	c->ctag = s + b;
	c->clen = e - b;
	return 0;
}

static const char *
element_noun(enum tmpl_op_kind kind)
{
	switch (kind) {
	case OP_INVERTED:
		return "inverted section";
	case OP_PARENT:
		return "parent";
	case OP_BLOCK:
		return "block";
	default:
		return "section";
	}
}

/* Opens an element: pushes its op and its stack entry. */
static int
open_element(struct compiler *c, const struct tag *tg, enum tmpl_op_kind kind,
             bool alone)
{
	if (c->depth == TMPL_MAX_NESTING) {
		diag_error(c->d, c->t->path, tg->line, tg->col,
		           "sections nested deeper than %d levels '%.*s'",
		           TMPL_MAX_NESTING, (int)tg->n, c->src + tg->name);
		return -1;
	}
	struct open *o = &c->stack[c->depth];
	memset(o, 0, sizeof(*o));
	strip_get(c, &o->strip, &o->nstrip);
	o->is_arg = kind == OP_BLOCK && c->depth &&
	            c->t->ops[c->stack[c->depth - 1].op].kind == OP_PARENT;
	o->blank = c->line_blank;
	o->lead = c->line_start;
	o->nlead = tg->start - c->line_start;
	if (!alone && o->blank && o->nlead && c->t->nops &&
	    c->t->ops[c->t->nops - 1].kind == OP_TEXT)
		o->prefix_op = c->t->nops;
	struct tmpl_op *op = push_op(c, kind, tg->start);
	op->bol = op->bol && !alone;
	op->alone = alone;
	op->s = c->src + tg->name;
	op->n = tg->n;
	op->dynamic = tg->dynamic;
	op->standalone = alone && kind == OP_PARENT;
	o->op = c->t->nops - 1;
	c->depth++;
	return 0;
}

/* Indentation of o's start tag line, less the indentation removed around
 * it. */
static void
lead_of(const struct compiler *c, const struct open *o, struct tmpl_op *op)
{
	size_t s = unindent(c, o->lead, o->lead + o->nlead);
	op->ind = c->src + s;
	op->nind = o->lead + o->nlead - s;
}

/* After {{$name}}: a block whose start tag ends its line takes the
 * whitespace that begins the next line as its intrinsic indentation. */
static void
block_indent(struct compiler *c, const struct tag *tg, bool alone)
{
	struct open *o = &c->stack[c->depth - 1];
	struct tmpl_op *op = &c->t->ops[o->op];
	size_t next, ws, outer = o->nstrip;
	if (!alone) {
		if (!o->is_arg || rest_blank(c, tg->end, &next) != EOL_NEWLINE)
			return;
		c->pos = next;
	}
	op->standalone = alone;
	for (ws = c->pos; ws < c->len && is_blank(c->src[ws]); ws++)
		;
	ws -= c->pos;
	if (ws < outer || memcmp(c->src + c->pos, c->src + o->strip, outer))
		return;
	o->strip = c->pos;
	o->nstrip = ws;
	op->ind = c->src + c->pos + outer;
	op->nind = ws - outer;
}

/* A parent, or a block that is not an argument, is standalone when its
 * start tag begins its line and its end tag ends one. */
static void
element_standalone(struct compiler *c, const struct open *o,
                   const struct tag *tg, bool alone)
{
	struct tmpl_op *op = &c->t->ops[o->op];
	size_t next = c->pos;
	if (op->standalone || o->is_arg || !o->blank ||
	    (op->kind != OP_PARENT && op->kind != OP_BLOCK))
		return;
	if (!alone && rest_blank(c, tg->end, &next) == EOL_NONE)
		return;
	if (o->prefix_op) {
		c->t->ops[o->prefix_op - 1].n = 0;
		c->t->ops[o->prefix_op - 1].bol = false;
	}
	op->bol = true;
	op->standalone = true;
	lead_of(c, o, op);
	if (op->kind == OP_BLOCK)
		op->lead = true;
	else
		c->pos = next;
}

static int
close_element(struct compiler *c, const struct tag *tg, bool alone)
{
	const char *name = c->src + tg->name;
	if (c->depth == 0) {
		diag_error(c->d, c->t->path, tg->line, tg->col,
		           "closing tag '%.*s' without an open section", (int)tg->n,
		           name);
		return -1;
	}
	const struct open *o = &c->stack[c->depth - 1];
	struct tmpl_op *op = &c->t->ops[o->op];
	size_t n = tg->n;
	/* A dynamic parent {{<*name}} may also end with the starred name. */
	if (op->dynamic && n > 1 && name[0] == '*') {
		name++;
		n--;
	}
	if (op->n != n || memcmp(op->s, name, n) != 0) {
		diag_error(c->d, c->t->path, tg->line, tg->col,
		           "closing tag '%.*s' does not match %s '%.*s'", (int)n,
		           name, element_noun(op->kind), (int)op->n, op->s);
		diag_hint(c->d, "'%.*s' was opened at line %d, column %d",
		          (int)op->n, op->s, op->line, op->col);
		return -1;
	}
	op->end = c->t->nops;
	element_standalone(c, o, tg, alone);
	c->depth--;
	return 0;
}

static int
add_partial(struct compiler *c, const struct tag *tg, bool alone)
{
	struct tmpl_op *op = push_op(c, OP_PARTIAL, tg->start);
	op->bol = op->bol && !alone;
	op->alone = alone;
	op->s = c->src + tg->name;
	op->n = tg->n;
	op->dynamic = tg->dynamic;
	op->standalone = alone;
	if (alone) {
		struct open o = {.lead = c->line_start,
		                 .nlead = tg->start - c->line_start};
		lead_of(c, &o, op);
	}
	return 0;
}

static int
add_var(struct compiler *c, const struct tag *tg)
{
	enum tmpl_op_kind kind = tg->sigil ? OP_RAW : OP_VAR;
	struct tmpl_op *op = push_op(c, kind, tg->start);
	op->s = c->src + tg->name;
	op->n = tg->n;
	return 0;
}

/* Compiles one tag; c->pos is already past it (and past its line when it
 * stands alone). */
static int
compile_tag(struct compiler *c, struct tag *tg, bool alone)
{
	if (tg->sigil == '!')
		return 0;
	if (tg->sigil == '=')
		return set_delims(c, tg);
	if (check_name(c, tg) < 0)
		return -1;
	switch (tg->sigil) {
	case '#':
		return open_element(c, tg, OP_SECTION, alone);
	case '^':
		return open_element(c, tg, OP_INVERTED, alone);
	case '<':
		if (open_element(c, tg, OP_PARENT, alone) < 0)
			return -1;
		if (alone)
			lead_of(c, &c->stack[c->depth - 1],
			        &c->t->ops[c->t->nops - 1]);
		return 0;
	case '$':
		if (open_element(c, tg, OP_BLOCK, alone) < 0)
			return -1;
		block_indent(c, tg, alone);
		return 0;
	case '/':
		return close_element(c, tg, alone);
	case '>':
		return add_partial(c, tg, alone);
	default:
		return add_var(c, tg);
	}
}

/* Compiles the next tag at start, and the text before it. */
static int
compile_step(struct compiler *c, size_t start)
{
	struct tag tg;
	size_t next;
	track(c, c->pos, start);
	if (scan_tag(c, start, &tg) < 0)
		return -1;
	bool alone = tg.sigil && !strchr("&{", tg.sigil) && c->line_blank &&
	             rest_blank(c, tg.end, &next) != EOL_NONE;
	emit_text(c, c->pos, alone ? c->line_start : start);
	c->pos = alone ? next : tg.end;
	if (compile_tag(c, &tg, alone) < 0)
		return -1;
	track(c, start, c->pos);
	return 0;
}

static int
check_closed(struct compiler *c)
{
	if (c->depth == 0)
		return 0;
	const struct tmpl_op *op = &c->t->ops[c->stack[c->depth - 1].op];
	diag_error(c->d, c->t->path, op->line, op->col, "unclosed %s '%.*s'",
	           element_noun(op->kind), (int)op->n, op->s);
	diag_hint(c->d, "end it with '%.*s/%.*s%.*s'", (int)c->olen, c->otag,
	          (int)op->n, op->s, (int)c->clen, c->ctag);
	return -1;
}

struct tmpl *
tmpl_compile(const char *path, const char *src, size_t len,
             struct diag_sink *d)
{
	struct tmpl *t = xcalloc(1, sizeof(*t));
	struct compiler *c = xcalloc(1, sizeof(*c));
	int rc = -1;
	t->path = xstrdup(path ? path : "<template>");
	t->src = xmalloc(len + 1);
	memcpy(t->src, src, len);
	t->src[len] = '\0';
	t->len = len;
	*c = (struct compiler){.t = t, .d = d, .src = t->src, .len = len,
	                       .line_blank = true, .otag = "{{", .ctag = "}}",
	                       .olen = 2, .clen = 2, .line = 1, .col = 1};
	while (c->pos < len) {
		size_t start = find(c->src, c->pos, len, c->otag, c->olen);
		if (start == SIZE_MAX) {
			emit_text(c, c->pos, len);
			break;
		}
		if (compile_step(c, start) < 0)
			goto out;
	}
	rc = check_closed(c);
out:
	free(c);
	if (rc < 0) {
		tmpl_free(t);
		t = NULL;
	}
	return t;
}

void
tmpl_free(struct tmpl *t)
{
	if (t == NULL)
		return;
	free(t->ops);
	free(t->src);
	free(t->path);
	free(t);
}
