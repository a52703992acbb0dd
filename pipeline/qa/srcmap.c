/* Places of bytes inside YAML scalars and texts (srcmap.h). */
#include "qa/srcmap.h"

#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/diag.h"
#include "core/file.h"
#include "core/utf8.h"
#include "core/value.h"

void
srcmap_init(struct srcmap *m)
{
	memset(m, 0, sizeof(*m));
}

void
srcmap_release(struct srcmap *m)
{
	for (size_t i = 0; i < m->n; i++) {
		free(m->files[i].path);
		buf_release(&m->files[i].text);
	}
	free(m->files);
	memset(m, 0, sizeof(*m));
}

static const struct srcfile *
file_get(struct srcmap *m, const char *path)
{
	for (size_t i = 0; i < m->n; i++)
		if (!strcmp(m->files[i].path, path))
			return m->files[i].read ? &m->files[i] : NULL;
	m->files = xgrow(m->files, &m->cap, m->n + 1, sizeof(*m->files));
	struct srcfile *f = &m->files[m->n++];
	f->path = xstrdup(path);
	buf_init(&f->text);
	struct diag_sink quiet;
	diag_init(&quiet);
	f->read = file_read(path, &f->text, &quiet) == 0;
	diag_release(&quiet);
	return f->read ? f : NULL;
}

/* One step forward in the source, keeping line and column. */
static void
step(struct srcmap *m, const char *t)
{
	unsigned char c = (unsigned char)t[m->p++];
	if (c == '\n') {
		m->line++;
		m->col = 1;
	} else if ((c & 0xC0) != 0x80) {
		m->col++;
	}
}

/* Starts a walk at scalar v: finds its first byte from its line and
 * column, then steps over a quote or a block header line. */
static bool
walk_start(struct srcmap *m, const struct srcfile *f, const struct value *v)
{
	const char *t = buf_cstr(&f->text);
	size_t len = f->text.len, p = 0;
	for (int line = 1; line < v->line && p < len; p++)
		if (t[p] == '\n')
			line++;
	for (int col = 1; col < v->col && p < len && t[p] != '\n'; col++) {
		p++;
		while (p < len && ((unsigned char)t[p] & 0xC0) == 0x80)
			p++;
	}
	m->v = v;
	m->vi = 0;
	m->p = p;
	m->line = v->line;
	m->col = v->col;
	m->ok = p < len;
	if (!m->ok)
		return false;
	char c = t[p];
	m->style = c == '|' || c == '>' ? 'b'
	           : c == '"'           ? 'd'
	           : c == '\''          ? 's'
	                                : 'p';
	if (m->style == 'b')
		while (m->p < len && t[m->p] != '\n')
			step(m, t);
	if (m->style != 'p')
		step(m, t);
	return true;
}

static int
hex(char c)
{
	return c >= '0' && c <= '9'   ? c - '0'
	       : c >= 'a' && c <= 'f' ? c - 'a' + 10
	       : c >= 'A' && c <= 'F' ? c - 'A' + 10
	                              : -1;
}

/* The bytes a double-quoted escape at t[p] ('\\') stands for, into out;
 * *used receives the escape's length. Returns the bytes' count. */
static size_t
unescape(const char *t, size_t len, size_t p, char *out, size_t *used)
{
	static const char simple[] =
	    "0\0a\ab\bt\tn\nv\vf\fr\re\x1b \x20\"\"//\\\\";
	char c = p + 1 < len ? t[p + 1] : '\0';
	*used = 2;
	for (size_t k = 0; k + 1 < sizeof(simple); k += 2)
		if (simple[k] == c) {
			out[0] = simple[k + 1];
			return 1;
		}
	size_t digits = c == 'x' ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : 0;
	unsigned cp = 0;
	if (c == 'N')
		cp = 0x85;
	else if (c == '_')
		cp = 0xA0;
	else if (c == 'L')
		cp = 0x2028;
	else if (c == 'P')
		cp = 0x2029;
	else if (digits == 0 || p + 2 + digits > len)
		return 0;
	for (size_t k = 0; k < digits; k++) {
		int h = hex(t[p + 2 + k]);
		if (h < 0)
			return 0;
		cp = cp * 16 + (unsigned)h;
	}
	*used = 2 + digits;
	return utf8_encode(cp, out);
}

static bool
blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Walks until the scalar's byte off: the source and the text advance
 * together; what the source has and the text does not (indentation,
 * quotes, folded line breaks) is stepped over. */
static void
walk_to(struct srcmap *m, const struct srcfile *f, size_t off)
{
	const char *t = buf_cstr(&f->text);
	size_t len = f->text.len;
	const struct value *v = m->v;
	while (m->ok && m->vi < off) {
		if (m->p >= len) {
			m->ok = false;
			break;
		}
		char vc = v->str[m->vi], sc = t[m->p];
		if (m->style == 'd' && sc == '\\') {
			if (m->p + 1 < len &&
			    (t[m->p + 1] == '\n' || t[m->p + 1] == '\r')) {
				step(m, t); /* an escaped line break: nothing */
				continue;
			}
			char out[4];
			size_t used, n = unescape(t, len, m->p, out, &used);
			if (n == 0 || m->vi + n > v->len ||
			    memcmp(out, v->str + m->vi, n)) {
				m->ok = false;
				break;
			}
			if (off < m->vi + n)
				return; /* the place of the escape */
			m->vi += n;
			for (size_t k = 0; k < used; k++)
				step(m, t);
		} else if (m->style == 's' && sc == '\'' && m->p + 1 < len &&
		           t[m->p + 1] == '\'' && vc == '\'') {
			m->vi++;
			step(m, t);
			step(m, t);
		} else if (vc == sc ||
		           ((vc == ' ' || vc == '\n') && sc == '\n')) {
			m->vi++;
			step(m, t);
		} else if (blank(sc)) {
			step(m, t);
		} else {
			m->ok = false;
		}
	}
	/* to the byte itself, past indentation and folded breaks */
	while (m->ok && m->p < len && m->vi < v->len &&
	       t[m->p] != v->str[m->vi] && blank(t[m->p]))
		step(m, t);
}

void
srcmap_place(struct srcmap *m, const char *path, const struct value *v,
             size_t off, int *line, int *col)
{
	*line = v->line;
	*col = v->col;
	const struct srcfile *f = file_get(m, path);
	if (f == NULL || v->str == NULL || off > v->len)
		return;
	if (m->v != v || off < m->vi || !m->ok) {
		if (!walk_start(m, f, v))
			return;
	}
	walk_to(m, f, off);
	if (m->ok) {
		*line = m->line;
		*col = m->col;
	}
}

void
line_index_init(struct line_index *l, const char *text, size_t len)
{
	size_t cap = 0;
	l->text = text;
	l->n = 0;
	l->start = NULL;
	l->start = xgrow(l->start, &cap, 1, sizeof(*l->start));
	l->start[l->n++] = 0;
	for (size_t i = 0; i < len; i++)
		if (text[i] == '\n') {
			l->start =
			    xgrow(l->start, &cap, l->n + 1, sizeof(*l->start));
			l->start[l->n++] = i + 1;
		}
}

void
line_index_place(const struct line_index *l, size_t off, int *line, int *col)
{
	size_t lo = 0, hi = l->n;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (l->start[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	*line = (int)lo + 1;
	*col = 1;
	for (size_t i = l->start[lo]; i < off; i++)
		if (((unsigned char)l->text[i] & 0xC0) != 0x80)
			(*col)++;
}

void
line_index_release(struct line_index *l)
{
	free(l->start);
	memset(l, 0, sizeof(*l));
}
