/* The diff as JSON (docs/qa.md): the value tree as it is, keys in the
 * order diff_run puts them, two spaces of indent, a list of scalars (a
 * word diff's [op, text] pair, a list of ids) on one line. Same diff, same
 * bytes. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/value.h"
#include "diff/diff.h"

static void
json_str(struct buf *out, const char *s, size_t n)
{
	buf_putc(out, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\')
			buf_printf(out, "\\%c", c);
		else if (c == '\n')
			buf_puts(out, "\\n");
		else if (c == '\t')
			buf_puts(out, "\\t");
		else if (c < 0x20 || c == 0x7F)
			buf_printf(out, "\\u%04x", c);
		else
			buf_putc(out, (char)c);
	}
	buf_putc(out, '"');
}

static bool
flat(const struct value *v)
{
	if (v->kind != VALUE_SEQ)
		return false;
	for (size_t i = 0; i < v->n; i++)
		if (v->items[i]->kind == VALUE_SEQ ||
		    v->items[i]->kind == VALUE_MAP)
			return false;
	return true;
}

static void
indent(struct buf *out, int depth)
{
	buf_putc(out, '\n');
	for (int i = 0; i < depth; i++)
		buf_puts(out, "  ");
}

/* Nesting is bounded by the diff's own layout (five levels). */
static void
json_value(struct buf *out, const struct value *v, int depth)
{
	switch (v->kind) {
	case VALUE_NULL: buf_puts(out, "null"); break;
	case VALUE_BOOL: buf_puts(out, v->b ? "true" : "false"); break;
	case VALUE_NUMBER: buf_puts(out, v->str ? v->str : "0"); break;
	case VALUE_STRING: json_str(out, v->str, v->len); break;
	case VALUE_SEQ:
		buf_putc(out, '[');
		for (size_t i = 0; i < v->n; i++) {
			if (i)
				buf_putc(out, ',');
			if (flat(v))
				buf_puts(out, i ? " " : "");
			else
				indent(out, depth + 1);
			json_value(out, v->items[i], depth + 1);
		}
		if (v->n && !flat(v))
			indent(out, depth);
		buf_putc(out, ']');
		break;
	case VALUE_MAP:
		buf_putc(out, '{');
		for (size_t i = 0; i < v->n; i++) {
			if (i)
				buf_putc(out, ',');
			indent(out, depth + 1);
			json_str(out, v->members[i].key,
			         strlen(v->members[i].key));
			buf_puts(out, ": ");
			json_value(out, v->members[i].val, depth + 1);
		}
		if (v->n)
			indent(out, depth);
		buf_putc(out, '}');
		break;
	}
}

void
diff_write_json(const struct value *diff, struct buf *out)
{
	json_value(out, diff, 0);
	buf_putc(out, '\n');
}
