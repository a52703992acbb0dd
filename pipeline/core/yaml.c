/* YAML loading with libyaml's event API into a value tree, and a small
 * deterministic block-style emitter. libyaml's marks are 0-based and count
 * characters: every position here adds 1. */
#include "core/yaml.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/file.h"
#include "core/utf8.h"
#include "core/value.h"

struct frame {
	struct value *node;
	struct value *key; /* maps: the key waiting for its value */
};

struct loader {
	struct arena *a;
	const char *path;
	struct diag_sink *d;
	struct frame stack[YAML_MAX_DEPTH + 1];
	int depth;
	struct value *root;
	bool failed; /* a problem reported, reading went on */
	int problems;
};

/* After this many problems in one file, reading stops: an alias bomb or a
 * file of repeated keys would otherwise bury the first message. */
#define YAML_MAX_PROBLEMS 20

/* Counts a problem reported; returns -1 (stop) past the limit. */
static int
problem(struct loader *l)
{
	l->failed = true;
	if (++l->problems < YAML_MAX_PROBLEMS)
		return 0;
	diag_error(l->d, l->path, 0, 0, "too many problems; reading stopped");
	diag_hint(l->d, "fix these and run again");
	return -1;
}

static struct value *
scalar_node(struct loader *l, const yaml_event_t *ev)
{
	struct value *v = value_new_strn(l->a, (const char *)ev->data.scalar.value,
	                                 ev->data.scalar.length);
	v->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	v->line = (int)ev->start_mark.line + 1;
	v->col = (int)ev->start_mark.column + 1;
	return v;
}

static int
check_duplicate(struct loader *l, const struct value *map,
                const struct value *key)
{
	for (size_t i = 0; i < map->n; i++) {
		const struct value_member *m = &map->members[i];
		if (strcmp(m->key, key->str) == 0) {
			diag_error(l->d, l->path, key->line, key->col,
			           "duplicate key '%s'", key->str);
			diag_hint(l->d, "a key may be given once in each map");
			diag_note(l->d, l->path, m->line, m->col,
			          "'%s' first given here", key->str);
			return problem(l); /* go on: report every problem */
		}
	}
	return 0;
}

/* Attaches a finished node to its parent (or makes it the root). */
static int
attach(struct loader *l, struct value *v)
{
	if (l->depth == 0) {
		l->root = v;
		return 0;
	}
	struct frame *f = &l->stack[l->depth - 1];
	if (f->node->kind == VALUE_SEQ) {
		value_push(l->a, f->node, v);
		return 0;
	}
	if (f->key == NULL) {
		if (v->kind != VALUE_STRING) {
			diag_error(l->d, l->path, v->line, v->col,
			           "a key must be a plain word, not a %s",
			           v->kind == VALUE_MAP ? "map" : "list");
			return -1;
		}
		f->key = v;
		return check_duplicate(l, f->node, v);
	}
	value_put(l->a, f->node, f->key->str, v);
	struct value_member *m = &f->node->members[f->node->n - 1];
	m->line = f->key->line;
	m->col = f->key->col;
	f->key = NULL;
	return 0;
}

static int
open_collection(struct loader *l, const yaml_event_t *ev, enum value_kind kind)
{
	struct value *v = value_new(l->a, kind);
	v->line = (int)ev->start_mark.line + 1;
	v->col = (int)ev->start_mark.column + 1;
	if (l->depth >= YAML_MAX_DEPTH) {
		diag_error(l->d, l->path, v->line, v->col,
		           "nesting deeper than %d levels", YAML_MAX_DEPTH);
		return -1;
	}
	l->stack[l->depth].node = v;
	l->stack[l->depth].key = NULL;
	l->depth++;
	return 0;
}

static int
close_collection(struct loader *l)
{
	struct value *v = l->stack[--l->depth].node;
	return attach(l, v);
}

/* Anchors serve only aliases, which are refused: reported, then the
 * value is read as if it had none. */
static int
refuse_anchor(struct loader *l, int line, int col, const yaml_char_t *name)
{
	diag_error(l->d, l->path, line, col, "anchors ('&%s') are not allowed",
	           name);
	diag_hint(l->d, "write the value out in full");
	return problem(l);
}

/* Handles one event; returns 1 at the end of the first document, 0 to go
 * on, -1 on error. */
static int
handle(struct loader *l, const yaml_event_t *ev)
{
	int line = (int)ev->start_mark.line + 1;
	int col = (int)ev->start_mark.column + 1;
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		if (ev->data.scalar.anchor &&
		    refuse_anchor(l, line, col, ev->data.scalar.anchor) < 0)
			return -1;
		return attach(l, scalar_node(l, ev));
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT: {
		const yaml_char_t *anchor = ev->type == YAML_SEQUENCE_START_EVENT
		                                ? ev->data.sequence_start.anchor
		                                : ev->data.mapping_start.anchor;
		if (anchor && refuse_anchor(l, line, col, anchor) < 0)
			return -1;
		return open_collection(l, ev,
		                       ev->type == YAML_SEQUENCE_START_EVENT
		                           ? VALUE_SEQ
		                           : VALUE_MAP);
	}
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		return close_collection(l);
	case YAML_ALIAS_EVENT: {
		/* refused, and never followed: a null stands in its place so
		 * that the rest of the file is still checked */
		diag_error(l->d, l->path, line, col,
		           "aliases ('*%s') are not allowed",
		           ev->data.alias.anchor);
		diag_hint(l->d, "write the value out in full");
		if (problem(l) < 0)
			return -1;
		struct value *v = value_new(l->a, VALUE_NULL);
		v->line = line;
		v->col = col;
		return attach(l, v);
	}
	case YAML_DOCUMENT_END_EVENT:
	case YAML_STREAM_END_EVENT:
		return 1;
	default:
		return 0;
	}
}

static void
report_parser(struct loader *l, const yaml_parser_t *p)
{
	if (p->problem == NULL) {
		diag_error(l->d, l->path, 0, 0, "malformed YAML");
		return;
	}
	const yaml_mark_t *m = &p->problem_mark;
	int line = (int)m->line + 1, col = (int)m->column + 1;
	if (strstr(p->problem, "tab character")) {
		diag_error(l->d, l->path, line, col,
		           "malformed YAML: a tab is used for indentation");
		diag_hint(l->d, "YAML indents with spaces");
		return;
	}
	diag_error(l->d, l->path, line, col, "malformed YAML: %s%s%s",
	           p->problem, p->context ? " " : "",
	           p->context ? p->context : "");
	/* "while parsing a flow mapping": say where that began */
	const char *what = p->context;
	if (what && !strncmp(what, "while parsing ", 14) &&
	    p->context_mark.line != m->line)
		diag_note(l->d, l->path, (int)p->context_mark.line + 1,
		          (int)p->context_mark.column + 1, "%s starts here",
		          what + 14);
}

/* libyaml reports a byte that is not UTF-8 at the start of the file:
 * find it, and say where it is, in characters as editors count. */
static int
check_utf8(struct loader *l, const char *text, size_t len)
{
	size_t bad;
	if (utf8_valid(text, len, &bad))
		return 0;
	int line = 1, col = 1;
	for (size_t i = 0; i < bad; i++) {
		if (text[i] == '\n') {
			line++;
			col = 1;
		} else if (((unsigned char)text[i] & 0xC0) != 0x80) {
			col++;
		}
	}
	diag_error(l->d, l->path, line, col, "the file is not UTF-8: byte 0x%02x",
	           (unsigned char)text[bad]);
	diag_hint(l->d, "save it as UTF-8");
	return -1;
}

/* A file holds one document: a second one would be silently ignored. */
static int
refuse_second_document(struct loader *l, yaml_parser_t *p)
{
	yaml_event_t ev;
	if (!yaml_parser_parse(p, &ev))
		return 0; /* the first document is whole; leave the rest */
	int rc = 0;
	if (ev.type == YAML_DOCUMENT_START_EVENT) {
		diag_error(l->d, l->path, (int)ev.start_mark.line + 1,
		           (int)ev.start_mark.column + 1,
		           "a second YAML document is not allowed");
		diag_hint(l->d, "a file holds one document: remove the '---' line");
		rc = -1;
	}
	yaml_event_delete(&ev);
	return rc;
}

struct value *
yaml_parse(struct arena *a, const char *path, const char *text, size_t len,
           struct diag_sink *d)
{
	struct loader l = {.a = a, .path = path, .d = d};
	yaml_parser_t parser;
	yaml_event_t ev;
	int rc = 0;
	if (!yaml_parser_initialize(&parser)) {
		diag_error(d, path, 0, 0, "cannot start the YAML parser");
		return NULL;
	}
	if (check_utf8(&l, text, len) < 0) {
		yaml_parser_delete(&parser);
		return NULL;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	while (rc == 0) {
		if (!yaml_parser_parse(&parser, &ev)) {
			report_parser(&l, &parser);
			rc = -1;
			break;
		}
		rc = handle(&l, &ev);
		yaml_event_delete(&ev);
	}
	if (rc == 1)
		rc = refuse_second_document(&l, &parser);
	yaml_parser_delete(&parser);
	if (rc < 0 || l.failed)
		return NULL;
	if (l.root == NULL) {
		l.root = value_new(a, VALUE_NULL);
		l.root->line = l.root->col = 1;
	}
	return l.root;
}

struct value *
yaml_load(struct arena *a, const char *path, struct diag_sink *d)
{
	struct buf text;
	buf_init(&text);
	struct value *v = NULL;
	if (file_read(path, &text, d) == 0)
		v = yaml_parse(a, path, buf_cstr(&text), text.len, d);
	buf_release(&text);
	return v;
}

/* ---- emitter ---- */

static bool
special_word(const char *s)
{
	static const char *const words[] = {
	    "~",   "null", "Null", "NULL", "true", "True", "TRUE", "false",
	    "False", "FALSE", "yes", "Yes", "YES", "no", "No", "NO", "on", "On",
	    "ON", "off", "Off", "OFF", "y", "Y", "n", "N", NULL};
	for (size_t i = 0; words[i]; i++)
		if (!strcmp(s, words[i]))
			return true;
	/* numbers, dates and times: keep strings that look like them quoted */
	char *end;
	strtod(s, &end);
	if (*end == '\0')
		return true;
	return (s[0] >= '0' && s[0] <= '9') &&
	       strspn(s, "0123456789-:._+") == strlen(s);
}

static bool
plain_ok(const struct value *v)
{
	const char *s = v->str;
	size_t n = v->len;
	if (v->kind != VALUE_STRING)
		return true;
	if (n == 0 || strlen(s) != n || special_word(s))
		return false;
	if (strchr("-?:,[]{}#&*!|>'\"%@`", s[0]) && !(s[0] == '-' && n > 1 &&
	                                             s[1] != ' ' && s[1] != '-'))
		return false;
	if (s[0] == ' ' || s[n - 1] == ' ' || s[n - 1] == ':')
		return false;
	if (strstr(s, ": ") || strstr(s, " #") || strpbrk(s, "\n\r\t"))
		return false;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return false;
	return true;
}

static void
emit_quoted(const struct value *v, struct buf *out)
{
	buf_putc(out, '"');
	for (size_t i = 0; i < v->len; i++) {
		unsigned char c = (unsigned char)v->str[i];
		switch (c) {
		case '"': buf_puts(out, "\\\""); break;
		case '\\': buf_puts(out, "\\\\"); break;
		case '\n': buf_puts(out, "\\n"); break;
		case '\t': buf_puts(out, "\\t"); break;
		case '\r': buf_puts(out, "\\r"); break;
		default:
			if (c < 0x20 || c == 0x7f)
				buf_printf(out, "\\x%02x", c);
			else
				buf_putc(out, c);
		}
	}
	buf_putc(out, '"');
}

/* A multi-line string prints as a literal block when it reads back the
 * same: no leading space on the first line, no carriage return or control
 * character, no trailing spaces before a line end. */
static bool
literal_ok(const struct value *v)
{
	const char *s = v->str;
	if (!memchr(s, '\n', v->len) || s[0] == ' ' || s[0] == '\n')
		return false;
	for (size_t i = 0; i < v->len; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && c != '\n') || c == 0x7f)
			return false;
		if (c == ' ' && (i + 1 == v->len || s[i + 1] == '\n'))
			return false;
	}
	return true;
}

static void
indent(struct buf *out, int n)
{
	for (int i = 0; i < n; i++)
		buf_putc(out, ' ');
}

static void
emit_literal(const struct value *v, int ind, struct buf *out)
{
	size_t n = v->len;
	size_t trailing = 0;
	while (trailing < n && v->str[n - 1 - trailing] == '\n')
		trailing++;
	buf_puts(out, trailing == 0 ? "|-" : trailing == 1 ? "|" : "|+");
	buf_putc(out, '\n');
	const char *p = v->str, *end = v->str + n - trailing;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *stop = nl ? nl : end;
		if (stop > p)
			indent(out, ind);
		buf_append(out, p, (size_t)(stop - p));
		buf_putc(out, '\n');
		p = nl ? nl + 1 : end;
	}
	for (size_t i = 1; i < trailing; i++)
		buf_putc(out, '\n');
}

static void emit_node(const struct value *v, int ind, struct buf *out);

static void
emit_scalar(const struct value *v, int ind, struct buf *out)
{
	if (v->kind == VALUE_NULL)
		buf_puts(out, "~");
	else if (v->kind == VALUE_STRING && literal_ok(v)) {
		emit_literal(v, ind, out);
		return;
	} else if (plain_ok(v))
		buf_append(out, v->str, v->len);
	else
		emit_quoted(v, out);
	buf_putc(out, '\n');
}

static bool
is_block(const struct value *v)
{
	return (v->kind == VALUE_MAP || v->kind == VALUE_SEQ) && v->n > 0;
}

static void
emit_map_body(const struct value *v, int ind, bool first_inline,
              struct buf *out)
{
	for (size_t i = 0; i < v->n; i++) {
		const struct value_member *m = &v->members[i];
		if (i > 0 || !first_inline)
			indent(out, ind);
		buf_puts(out, m->key);
		buf_putc(out, ':');
		if (is_block(m->val)) {
			buf_putc(out, '\n');
			emit_node(m->val, m->val->kind == VALUE_SEQ ? ind : ind + 2,
			          out);
		} else {
			buf_putc(out, ' ');
			emit_node(m->val, ind + 2, out);
		}
	}
}

static void
emit_node(const struct value *v, int ind, struct buf *out)
{
	switch (v->kind) {
	case VALUE_MAP:
		if (v->n == 0)
			buf_puts(out, "{}\n");
		else
			emit_map_body(v, ind, false, out);
		break;
	case VALUE_SEQ:
		if (v->n == 0) {
			buf_puts(out, "[]\n");
			break;
		}
		for (size_t i = 0; i < v->n; i++) {
			const struct value *it = v->items[i];
			indent(out, ind);
			buf_puts(out, "- ");
			if (it->kind == VALUE_MAP && it->n > 0)
				emit_map_body(it, ind + 2, true, out);
			else if (it->kind == VALUE_SEQ && it->n > 0) {
				buf_putc(out, '\n');
				emit_node(it, ind + 2, out);
			} else
				emit_node(it, ind + 2, out);
		}
		break;
	default:
		emit_scalar(v, ind, out);
	}
}

void
yaml_emit(const struct value *v, struct buf *out)
{
	emit_node(v, 0, out);
}
