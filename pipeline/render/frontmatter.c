/* Front matter. The YAML is handed to yaml_parse from the first byte of the
 * file, opening "---" included (a YAML document start), up to the closing
 * line: so the parser's positions are the file's own. */
#include "render/frontmatter.h"

#include <ctype.h>
#include <string.h>

#include "core/arena.h"
#include "core/diag.h"
#include "core/value.h"
#include "core/yaml.h"

static const char *const keys[] = {"title", "short_title", "lang", "date"};
enum { NKEYS = sizeof(keys) / sizeof(keys[0]) };

static size_t
line_end(const char *s, size_t len, size_t i)
{
	const char *nl = memchr(s + i, '\n', len - i);
	return nl ? (size_t)(nl - s) : len;
}

/* True when the line s (n bytes, no newline) is "---", trailing blanks
 * allowed. */
static int
is_fence(const char *s, size_t n)
{
	if (n < 3 || memcmp(s, "---", 3) != 0)
		return 0;
	for (size_t i = 3; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

/* A BCP 47 tag in its common shape: en, en-GB, cy-GB, zh-Hant-TW. */
static int
is_lang_tag(const char *s)
{
	size_t part = 0, nparts = 0;
	for (;; s++) {
		if (*s == '-' || *s == '\0') {
			if (part == 0 || part > 8 || (nparts == 0 && part < 2))
				return 0;
			nparts++;
			part = 0;
			if (*s == '\0')
				return 1;
		} else if (isalnum((unsigned char)*s) &&
		           (nparts > 0 || isalpha((unsigned char)*s))) {
			part++;
		} else {
			return 0;
		}
	}
}

/* Checks and stores one key; returns 0 or -1 (reported). */
static int
take_key(struct front_matter *fm, const char *path,
         const struct value_member *m, struct diag_sink *d)
{
	const struct value *v = m->val;
	const char *s = value_text(v);
	if (s == NULL || *s == '\0') {
		diag_error(d, path, m->line, m->col, "'%s' must be text",
		           m->key);
		return -1;
	}
	if (strcmp(m->key, "title") == 0) {
		fm->title = s;
	} else if (strcmp(m->key, "short_title") == 0) {
		fm->short_title = s;
	} else if (strcmp(m->key, "lang") == 0) {
		if (!is_lang_tag(s)) {
			diag_error(d, path, v->line, v->col,
			           "not a language tag '%s'", s);
			diag_hint(d, "for example en-GB");
			return -1;
		}
		fm->lang = s;
	} else {
		if (date_parse(s, &fm->date) < 0) {
			diag_error(d, path, v->line, v->col, "not a date '%s'",
			           s);
			diag_hint(d, "write it as YYYY-MM-DD");
			return -1;
		}
		fm->has_date = true;
	}
	return 0;
}

static int
check_keys(struct front_matter *fm, const char *path, const struct value *root,
           struct diag_sink *d)
{
	if (root->kind == VALUE_NULL)
		return 0;
	if (root->kind != VALUE_MAP) {
		diag_error(d, path, root->line, root->col,
		           "the front matter must be a map of keys");
		diag_hint(d, "for example 'title: ...'");
		return -1;
	}
	int rc = 0;
	for (size_t i = 0; i < root->n; i++) {
		const struct value_member *m = &root->members[i];
		size_t k = 0;
		while (k < NKEYS && strcmp(m->key, keys[k]) != 0)
			k++;
		if (k == NKEYS) {
			diag_error(d, path, m->line, m->col,
			           "unknown front-matter key '%s'", m->key);
			const char *near = diag_nearest(m->key, keys, NKEYS);
			if (near)
				diag_hint(d, "did you mean '%s'?", near);
			else
				diag_hint(
				    d, "the keys are title, short_title, lang "
				       "and date");
			rc = -1;
		} else if (take_key(fm, path, m, d) < 0) {
			rc = -1;
		}
	}
	return rc;
}

int
frontmatter_parse(struct arena *a, const char *path, const char *md, size_t len,
                  struct front_matter *fm, struct diag_sink *d)
{
	memset(fm, 0, sizeof(*fm));
	size_t start = 0;
	if (len >= 3 && memcmp(md, "\xEF\xBB\xBF", 3) == 0)
		start = 3;
	size_t eol = line_end(md, len, start);
	if (!is_fence(md + start, eol - start))
		return 0;
	int line = 1;
	for (size_t p = eol + 1; p < len;) {
		size_t e = line_end(md, len, p);
		line++;
		if (is_fence(md + p, e - p)) {
			const struct value *root =
			    yaml_parse(a, path, md + start, p - start, d);
			if (root == NULL || check_keys(fm, path, root, d) < 0)
				return -1;
			fm->body = e < len ? e + 1 : len;
			fm->body_line = line;
			return 0;
		}
		p = e + 1;
	}
	diag_error(d, path, 1, 1, "the front matter is not closed");
	diag_hint(d, "end it with a line '---'");
	return -1;
}

const char *
frontmatter_title(const struct front_matter *fm, const char *h1,
                  struct arena *a, const char *path)
{
	if (fm->title)
		return fm->title;
	if (h1)
		return h1;
	if (fm->short_title)
		return fm->short_title;
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	const char *dot = strrchr(base, '.');
	size_t n = dot && dot > base ? (size_t)(dot - base) : strlen(base);
	return arena_strndup(a, base, n);
}
