/* letter.md as blocks, line by line, for the diff (letter.h). Not a
 * Markdown parser: it finds the blocks that the templates write (ATX
 * headings, list items, quotes, paragraphs, thematic breaks, fences, and
 * inside ```table and ```letterhead fences one block a line), which is
 * all a diff needs to align two letters and to mark words without
 * touching their structure. A ````callout fence holds Markdown, split the
 * same way. */
#include <stdbool.h>
#include <string.h>

#include "core/arena.h"
#include "diff/letter.h"

enum fence_kind { F_MARKDOWN, F_TABLE, F_LINES };

#define MAX_FENCES 16

struct fence {
	char c;
	size_t len;
	enum fence_kind kind;
};

struct splitter {
	struct arena *a;
	const char *md;
	size_t len;
	struct md_doc *doc;
	size_t cap;
	size_t prev_end;       /* end of the last block's text */
	struct md_block *open; /* a paragraph taking continuation lines */
	struct fence fence[MAX_FENCES];
	int nfence;
	int line;
};

static size_t
indent_of(const char *s, size_t n)
{
	size_t k = 0;
	while (k < n && s[k] == ' ')
		k++;
	return k;
}

static struct md_block *
add(struct splitter *sp, enum md_kind kind, size_t start, size_t body,
    size_t end)
{
	struct md_doc *d = sp->doc;
	if (d->n == sp->cap) {
		size_t cap = sp->cap ? 2 * sp->cap : 64;
		d->b = arena_grow(sp->a, d->b, sp->cap * sizeof(*d->b),
		                  cap * sizeof(*d->b));
		sp->cap = cap;
	}
	struct md_block *b = &d->b[d->n++];
	memset(b, 0, sizeof(*b));
	b->kind = kind;
	b->sep = sp->md + sp->prev_end;
	b->nsep = start - sp->prev_end;
	b->prefix = sp->md + start;
	b->nprefix = body - start;
	b->body = sp->md + body;
	b->nbody = end - body;
	b->line = sp->line;
	sp->prev_end = end;
	sp->open = NULL;
	return b;
}

/* A fence line at s (n bytes): its character and length, or 0. */
static size_t
fence_len(const char *s, size_t n, char *c)
{
	size_t i = indent_of(s, n);
	if (i > 3 || i >= n || (s[i] != '`' && s[i] != '~'))
		return 0;
	size_t k = i;
	while (k < n && s[k] == s[i])
		k++;
	*c = s[i];
	return k - i >= 3 ? k - i : 0;
}

static bool
closes(const struct fence *f, const char *s, size_t n)
{
	char c;
	size_t k = fence_len(s, n, &c);
	if (k == 0 || c != f->c || k < f->len)
		return false;
	size_t i = indent_of(s, n) + k;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i == n;
}

static enum fence_kind
fence_kind(const char *s, size_t n, size_t k)
{
	size_t i = indent_of(s, n) + k;
	while (i < n && s[i] == ' ')
		i++;
	const char *info = s + i;
	size_t m = n - i;
	if (m >= 5 && !strncmp(info, "table", 5))
		return F_TABLE;
	if (m >= 7 && !strncmp(info, "callout", 7))
		return F_MARKDOWN;
	return F_LINES;
}

static bool
is_rule(const char *s, size_t n)
{
	size_t i = indent_of(s, n), count = 0;
	if (i > 3 || i >= n || strchr("-*_", s[i]) == NULL)
		return false;
	char c = s[i];
	for (; i < n; i++) {
		if (s[i] == c)
			count++;
		else if (s[i] != ' ' && s[i] != '\t')
			return false;
	}
	return count >= 3;
}

/* The length of an ATX heading's opening "## ", or 0. */
static size_t
heading_prefix(const char *s, size_t n)
{
	size_t i = indent_of(s, n), k = i;
	if (i > 3)
		return 0;
	while (k < n && s[k] == '#')
		k++;
	if (k == i || k - i > 6 || (k < n && s[k] != ' ' && s[k] != '\t'))
		return 0;
	while (k < n && (s[k] == ' ' || s[k] == '\t'))
		k++;
	return k;
}

/* The length of a list item's marker with its indent and spaces, or 0. */
static size_t
item_prefix(const char *s, size_t n)
{
	size_t i = indent_of(s, n), k = i;
	if (k < n && strchr("-+*", s[k]) != NULL) {
		k++;
	} else {
		while (k < n && k - i < 9 && s[k] >= '0' && s[k] <= '9')
			k++;
		if (k == i || k >= n || (s[k] != '.' && s[k] != ')'))
			return 0;
		k++;
	}
	if (k < n && s[k] != ' ')
		return 0;
	while (k < n && s[k] == ' ')
		k++;
	return k;
}

/* The length of a quote's "> " (and a heading's or item's opening inside
 * it), or 0. */
static size_t
quote_prefix(const char *s, size_t n)
{
	size_t i = indent_of(s, n);
	if (i > 3 || i >= n || s[i] != '>')
		return 0;
	size_t k = i + 1;
	while (k < n && s[k] == ' ')
		k++;
	size_t more = heading_prefix(s + k, n - k);
	if (more == 0)
		more = item_prefix(s + k, n - k);
	return k + more;
}

static bool
image_line(const char *s, size_t n)
{
	size_t i = indent_of(s, n);
	while (n > i && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return n - i > 4 && s[i] == '!' && s[i + 1] == '[' && s[n - 1] == ')';
}

/* A line of Markdown (outside fences, or inside a call-out). */
static void
markdown_line(struct splitter *sp, size_t ls, size_t le)
{
	const char *s = sp->md + ls;
	size_t n = le - ls, k;
	char c;
	if (indent_of(s, n) == n) {
		sp->open = NULL;
		return;
	}
	if ((k = fence_len(s, n, &c)) > 0) {
		add(sp, MD_FENCE, ls, le, le);
		if (sp->nfence < MAX_FENCES)
			sp->fence[sp->nfence] =
			    (struct fence){c, k, fence_kind(s, n, k)};
		sp->nfence++;
		return;
	}
	if (is_rule(s, n)) {
		add(sp, MD_RULE, ls, le, le);
		return;
	}
	if ((k = heading_prefix(s, n)) > 0) {
		struct md_block *b = add(sp, MD_HEADING, ls, ls + k, le);
		b->heading = arena_strndup(sp->a, s + k, n - k);
		return;
	}
	if (image_line(s, n)) {
		add(sp, MD_IMAGE, ls, ls + indent_of(s, n), le);
		return;
	}
	if ((k = item_prefix(s, n)) > 0) {
		sp->open = add(sp, MD_ITEM, ls, ls + k, le);
		return;
	}
	if ((k = quote_prefix(s, n)) > 0) {
		if (sp->open && sp->open->kind == MD_QUOTE) {
			sp->open->nbody =
			    le - (size_t)(sp->open->body - sp->md);
			sp->prev_end = le;
			return;
		}
		sp->open = add(sp, MD_QUOTE, ls, ls + k, le);
		return;
	}
	if (sp->open) { /* a continuation line */
		sp->open->nbody = le - (size_t)(sp->open->body - sp->md);
		sp->prev_end = le;
		return;
	}
	sp->open = add(sp, MD_PARA, ls, ls + indent_of(s, n), le);
}

static void
split_line(struct splitter *sp, size_t ls, size_t le)
{
	const char *s = sp->md + ls;
	size_t n = le - ls;
	if (sp->nfence > 0) {
		const struct fence *f =
		    &sp->fence[(sp->nfence <= MAX_FENCES ? sp->nfence
		                                         : MAX_FENCES) -
		               1];
		if (closes(f, s, n)) {
			add(sp, MD_FENCE, ls, le, le);
			sp->nfence--;
			return;
		}
		if (f->kind != F_MARKDOWN) {
			if (indent_of(s, n) < n)
				add(sp, f->kind == F_TABLE ? MD_ROW : MD_LINE,
				    ls, ls + indent_of(s, n), le);
			return;
		}
	}
	markdown_line(sp, ls, le);
}

/* The length of the front matter: "---" lines around it, at the start. */
static size_t
front_matter(const char *md, size_t len)
{
	if (len < 4 || strncmp(md, "---\n", 4) != 0)
		return 0;
	for (size_t i = 4; i + 3 <= len; i++) {
		if (md[i - 1] != '\n' || strncmp(md + i, "---", 3) != 0)
			continue;
		size_t e = i + 3;
		if (e == len)
			return e;
		if (md[e] == '\n')
			return e + 1;
	}
	return 0;
}

void
letter_split(struct arena *a, const char *md, size_t len, struct md_doc *out)
{
	memset(out, 0, sizeof(*out));
	out->front = front_matter(md, len);
	struct splitter sp = {.a = a, .md = md, .len = len, .doc = out};
	sp.prev_end = out->front;
	sp.line = 1;
	for (size_t i = 0; i < out->front; i++)
		sp.line += md[i] == '\n';
	for (size_t i = out->front; i < len; sp.line++) {
		size_t e = i;
		while (e < len && md[e] != '\n')
			e++;
		size_t end = e;
		if (end > i && md[end - 1] == '\r')
			end--;
		split_line(&sp, i, end);
		i = e < len ? e + 1 : e;
	}
	out->end = sp.prev_end;
}

const char *
md_kind_name(enum md_kind kind)
{
	static const char *const names[] = {"paragraph", "heading", "item",
	                                    "quote",     "row",     "line",
	                                    "fence",     "rule",    "image"};
	return names[kind];
}
