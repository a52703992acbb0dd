/* A Mustache template engine (the public spec: interpolation, sections,
 * inverted sections, comments, set delimiters, partials, and the optional
 * template inheritance). Templates compile to a tree of ops with source
 * positions, then render against a value tree (core/value.h). */
#ifndef JTAI_DRAFT_MUSTACHE_H
#define JTAI_DRAFT_MUSTACHE_H

#include <stddef.h>

struct buf;
struct diag_sink;
struct value;

struct tmpl;

/* How interpolated text is escaped by {{name}} ({{{name}}} and {{&name}}
 * never escape). */
typedef void (*tmpl_escape_fn)(struct buf *out, const char *s, size_t n);
/* The spec's HTML escaping: & " < > become entities. */
void tmpl_escape_html(struct buf *out, const char *s, size_t n);
/* Markdown escaping: backslashes ASCII punctuation that cmark would read as
 * markup inside a paragraph, so interpolated names print as written:
 * \ ` * _ [ ] < > always, and & before a letter, digit or '#' (an entity).
 * Nothing else, so that . - ' ( ) stay readable in letter.md. */
void tmpl_escape_markdown(struct buf *out, const char *s, size_t n);

/* Returns the source of partial name (*len bytes, borrowed until the render
 * ends), or NULL when there is none (the spec renders that as empty). path,
 * when not NULL, receives the name to use in messages. */
typedef const char *(*tmpl_partial_fn)(void *ctx, const char *name,
                                       size_t *len, const char **path);

struct tmpl_env {
	tmpl_escape_fn escape;   /* NULL: tmpl_escape_html */
	tmpl_partial_fn partial; /* NULL: no partials */
	void *ctx;
};

/* Sections, inverted sections, parents and blocks nest at most this deep
 * in one template. */
#define TMPL_MAX_NESTING 256

/* Compiles src (len bytes, copied; path names it in messages). Returns the
 * template (free with tmpl_free), or NULL after reporting a located error
 * into d: an unclosed tag or section, a closing tag that does not match,
 * bad delimiters, a bad name, or nesting deeper than TMPL_MAX_NESTING. */
struct tmpl *tmpl_compile(const char *path, const char *src, size_t len,
                          struct diag_sink *d);
void tmpl_free(struct tmpl *t);

/* One render writes at most TMPL_MAX_OUTPUT bytes and runs at most
 * TMPL_MAX_STEPS ops (tags and pieces of text, counted each time a section
 * or partial repeats them): a partial that includes itself twice, or
 * sections nested over lists, would otherwise take exponential time. */
#define TMPL_MAX_OUTPUT (16u << 20)
#define TMPL_MAX_STEPS  10000000u
/* Lowers (or raises) the two budgets of a render of t; 0 keeps a default. */
void tmpl_set_budget(struct tmpl *t, size_t max_output, size_t max_steps);

/* Renders t against data (may be NULL) and appends the text to out; env
 * may be NULL. Returns 0, or -1 after reporting into d (for example a
 * partial that does not compile, partials nested deeper than
 * TMPL_MAX_DEPTH, or a render past TMPL_MAX_OUTPUT or TMPL_MAX_STEPS),
 * and then leaves out as it was. Falsey are a missing
 * name, null, false and the empty sequence; strings and numbers are
 * truthy, "" and 0 too. Typing scalars is the caller's (a schema, or
 * value_resolve_core): a VALUE_STRING "false" is truthy. */
#define TMPL_MAX_DEPTH 64
int tmpl_render(const struct tmpl *t, const struct value *data,
                const struct tmpl_env *env, struct buf *out,
                struct diag_sink *d);

#endif
