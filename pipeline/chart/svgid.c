/* cairo names what it defines in an SVG document glyphN-M (font subset N,
 * glyph M: both restart in every document), clipN and maskN (per document)
 * and surfaceN (from a process-wide counter, so it changes with whatever
 * was drawn before). Two passes: collect the ids in document order and give
 * each its new name, then copy the document renaming ids and references. */
#include "chart/svgid.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "core/mem.h"

struct rename {
	char *from, *to;
	size_t nfrom; /* strlen(from) */
};

struct idmap {
	struct rename *v;
	size_t n, cap;
	char **fam; /* family keys ("surface7"), in order of appearance */
	size_t nfam, capfam;
};

static bool
is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool
is_id_char(char c)
{
	return is_alpha(c) || is_digit(c) || c == '-' || c == '.' || c == ':';
}

/* True at an id attribute: whitespace, then id=" . */
static bool
at_id(const char *p, const char *start, const char *end)
{
	return *p == 'i' && p > start && end - p >= 4 &&
	       memcmp(p, "id=\"", 4) == 0 &&
	       (p[-1] == ' ' || p[-1] == '\t' || p[-1] == '\n' ||
	        p[-1] == '\r');
}

/* True at a reference: '#' right after a quote or "url(". */
static bool
at_ref(const char *p, const char *start)
{
	return *p == '#' && p > start && (p[-1] == '"' || p[-1] == '(');
}

static const char *
idmap_get(const struct idmap *m, const char *id, size_t n)
{
	for (size_t i = 0; i < m->n; i++)
		if (m->v[i].nfrom == n && memcmp(m->v[i].from, id, n) == 0)
			return m->v[i].to;
	return NULL;
}

/* Returns the number of id's family (alpha part plus first number) among
 * the families of the same alpha part, recording it when new. */
static size_t
idmap_family(struct idmap *m, const char *id, size_t alpha, size_t digits)
{
	size_t key = alpha + digits, k = 0;
	for (size_t i = 0; i < m->nfam; i++) {
		const char *f = m->fam[i];
		if (strncmp(f, id, alpha) != 0 || !is_digit(f[alpha]))
			continue;
		if (strlen(f) == key && memcmp(f, id, key) == 0)
			return k;
		k++;
	}
	m->fam = xgrow(m->fam, &m->capfam, m->nfam + 1, sizeof(*m->fam));
	m->fam[m->nfam++] = xstrndup(id, key);
	return k;
}

static void
idmap_add(struct idmap *m, const char *id, size_t n, const char *prefix)
{
	if (idmap_get(m, id, n))
		return;
	size_t alpha = 0, digits = 0;
	while (alpha < n && is_alpha(id[alpha]))
		alpha++;
	while (alpha + digits < n && is_digit(id[alpha + digits]))
		digits++;
	struct buf to;
	buf_init(&to);
	if (digits == 0) {
		buf_printf(&to, "%s-%.*s", prefix, (int)n, id);
	} else {
		size_t k = idmap_family(m, id, alpha, digits);
		size_t rest = alpha + digits;
		buf_printf(&to, "%s-%.*s%zu%.*s", prefix, (int)alpha, id, k,
		           (int)(n - rest), id + rest);
	}
	m->v = xgrow(m->v, &m->cap, m->n + 1, sizeof(*m->v));
	m->v[m->n].from = xstrndup(id, n);
	m->v[m->n].nfrom = strlen(m->v[m->n].from);
	m->v[m->n].to = buf_detach(&to);
	m->n++;
	buf_release(&to);
}

static void
idmap_release(struct idmap *m)
{
	for (size_t i = 0; i < m->n; i++) {
		free(m->v[i].from);
		free(m->v[i].to);
	}
	for (size_t i = 0; i < m->nfam; i++)
		free(m->fam[i]);
	free(m->v);
	free(m->fam);
}

void
svgid_rewrite(const char *svg, size_t len, const char *prefix,
              const char *head, struct buf *out)
{
	const char *end = svg + len;
	struct idmap m = {0};
	for (const char *p = svg; p < end; p++) {
		if (!at_id(p, svg, end))
			continue;
		const char *id = p + 4, *q = id;
		while (q < end && *q != '"')
			q++;
		idmap_add(&m, id, (size_t)(q - id), prefix);
		p = q;
	}

	const char *root = mem_find(svg, end, "<svg");
	const char *root_end = root ? mem_find(root, end, ">") : NULL;
	for (const char *p = svg; p < end;) {
		/* the bytes up to the next id or reference, or past the root's
		 * start tag, as they are */
		const char *q = p;
		while (q < end && q != root_end && !at_id(q, svg, end) &&
		       !at_ref(q, svg))
			q++;
		if (q == root_end) {
			buf_append(out, p, (size_t)(++q - p));
			if (head)
				buf_puts(out, head);
			p = q;
			continue;
		}
		buf_append(out, p, (size_t)(q - p));
		if ((p = q) == end)
			break;
		if (at_id(p, svg, end)) {
			buf_append(out, p, 4);
			q = p += 4;
			while (q < end && *q != '"')
				q++;
		} else {
			buf_putc(out, '#');
			q = ++p;
			while (q < end && is_id_char(*q))
				q++;
		}
		const char *to = idmap_get(&m, p, (size_t)(q - p));
		if (to)
			buf_puts(out, to);
		else
			buf_append(out, p, (size_t)(q - p));
		p = q;
	}
	idmap_release(&m);
}
