#include "core/diag.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/buf.h"

void
diag_init(struct diag_sink *s)
{
	memset(s, 0, sizeof(*s));
}

void
diag_release(struct diag_sink *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->items[i].path);
		free(s->items[i].msg);
		free(s->items[i].hint);
	}
	free(s->items);
	diag_init(s);
}

/* Records a diagnostic whose message, msg, is malloc'd and now the
 * sink's. */
static void
push(struct diag_sink *s, enum diag_level level, const char *path, int line,
     int col, char *msg)
{
	s->items = xgrow(s->items, &s->cap, s->n + 1, sizeof(*s->items));
	struct diag *d = &s->items[s->n++];
	d->level = level;
	d->path = path ? xstrdup(path) : NULL;
	d->line = line;
	d->col = col;
	d->msg = msg;
	d->hint = NULL;
	if (level == DIAG_ERROR)
		s->errors++;
	else if (level == DIAG_WARNING)
		s->warnings++;
}

void
diag_add(struct diag_sink *s, enum diag_level level, const char *path,
         int line, int col, const char *fmt, va_list ap)
{
	struct buf msg;
	buf_init(&msg);
	buf_vprintf(&msg, fmt, ap);
	push(s, level, path, line, col, buf_detach(&msg));
}

void
diag_put(struct diag_sink *s, enum diag_level level, const char *path,
         int line, int col, const char *msg)
{
	push(s, level, path, line, col, xstrdup(msg));
}

#define DIAG_FN(fn, level)                                                   \
	void fn(struct diag_sink *s, const char *path, int line, int col,     \
	        const char *fmt, ...)                                         \
	{                                                                     \
		va_list ap;                                                   \
		va_start(ap, fmt);                                            \
		diag_add(s, level, path, line, col, fmt, ap);                 \
		va_end(ap);                                                   \
	}
DIAG_FN(diag_error, DIAG_ERROR)
DIAG_FN(diag_warning, DIAG_WARNING)
DIAG_FN(diag_note, DIAG_NOTE)

void
diag_hint(struct diag_sink *s, const char *fmt, ...)
{
	if (s->n == 0)
		return;
	struct buf h;
	buf_init(&h);
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&h, fmt, ap);
	va_end(ap);
	struct diag *d = &s->items[s->n - 1];
	free(d->hint);
	d->hint = buf_detach(&h);
}

static const char *const level_names[] = {"error", "warning", "note"};

void
diag_format(const struct diag *d, struct buf *out)
{
	if (d->path && d->line > 0)
		buf_printf(out, "%s:%d:%d: ", d->path, d->line,
		           d->col > 0 ? d->col : 1);
	else if (d->path)
		buf_printf(out, "%s: ", d->path);
	buf_printf(out, "%s: %s", level_names[d->level], d->msg);
	if (d->hint)
		buf_printf(out, " (%s)", d->hint);
	buf_putc(out, '\n');
}

/* A JSON string: quotes, backslashes and control characters escaped;
 * UTF-8 passes through. */
static void
json_string(struct buf *out, const char *s)
{
	if (s == NULL) {
		buf_puts(out, "null");
		return;
	}
	buf_putc(out, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			buf_printf(out, "\\%c", c);
		else if (c == '\n')
			buf_puts(out, "\\n");
		else if (c < 0x20)
			buf_printf(out, "\\u%04x", c);
		else
			buf_putc(out, (char)c);
	}
	buf_putc(out, '"');
}

/* The rule of a check's message, which ends with it: "... [pd-postcode]".
 * Returns the rule's length (0 when the message names none) and sets
 * *rule to it and *text_len to the message's length without it. */
static size_t
rule_of(const char *msg, const char **rule, size_t *text_len)
{
	size_t n = strlen(msg);
	*text_len = n;
	if (n < 4 || msg[n - 1] != ']')
		return 0;
	size_t i = n - 1;
	while (i > 0 && ((msg[i - 1] >= 'a' && msg[i - 1] <= 'z') ||
	                 (msg[i - 1] >= '0' && msg[i - 1] <= '9') ||
	                 msg[i - 1] == '-'))
		i--;
	if (i < 2 || i == n - 1 || msg[i - 1] != '[' || msg[i - 2] != ' ')
		return 0;
	*rule = msg + i;
	*text_len = i - 2;
	return n - 1 - i;
}

static void
json_number(struct buf *out, int n)
{
	if (n > 0)
		buf_printf(out, "%d", n);
	else
		buf_puts(out, "null");
}

void
diag_format_json(const struct diag_sink *s, struct buf *out)
{
	buf_puts(out, "{\n  \"diagnostics\": [");
	for (size_t i = 0; i < s->n; i++) {
		const struct diag *d = &s->items[i];
		const char *rule = NULL;
		size_t text_len, rule_len = rule_of(d->msg, &rule, &text_len);
		char *text = xstrndup(d->msg, text_len);
		char *id = rule_len ? xstrndup(rule, rule_len) : NULL;
		buf_puts(out, i ? ",\n    {" : "\n    {");
		buf_puts(out, "\"file\": ");
		json_string(out, d->path);
		buf_puts(out, ", \"line\": ");
		json_number(out, d->path ? d->line : 0);
		buf_puts(out, ", \"column\": ");
		json_number(out, d->path && d->line > 0 ? (d->col > 0 ? d->col : 1)
		                                        : 0);
		buf_puts(out, ", \"severity\": ");
		json_string(out, level_names[d->level]);
		buf_puts(out, ", \"message\": ");
		json_string(out, text);
		buf_puts(out, ", \"hint\": ");
		json_string(out, d->hint);
		buf_puts(out, ", \"rule\": ");
		json_string(out, id);
		buf_puts(out, "}");
		free(text);
		free(id);
	}
	buf_printf(out, "%s],\n  \"errors\": %zu,\n  \"warnings\": %zu\n}\n",
	           s->n ? "\n  " : "", s->errors, s->warnings);
}

/* GitHub Actions' workflow commands: data escaped with %25, %0D, %0A;
 * properties also with %3A and %2C. */
static void
gh_escape(struct buf *out, const char *s, bool property)
{
	for (; s && *s; s++) {
		if (*s == '%')
			buf_puts(out, "%25");
		else if (*s == '\r')
			buf_puts(out, "%0D");
		else if (*s == '\n')
			buf_puts(out, "%0A");
		else if (property && *s == ':')
			buf_puts(out, "%3A");
		else if (property && *s == ',')
			buf_puts(out, "%2C");
		else
			buf_putc(out, *s);
	}
}

void
diag_format_github(const struct diag_sink *s, struct buf *out)
{
	static const char *const cmd[] = {"error", "warning", "notice"};
	for (size_t i = 0; i < s->n; i++) {
		const struct diag *d = &s->items[i];
		buf_printf(out, "::%s ", cmd[d->level]);
		if (d->path) {
			buf_puts(out, "file=");
			gh_escape(out, d->path, true);
			if (d->line > 0)
				buf_printf(out, ",line=%d,col=%d", d->line,
				           d->col > 0 ? d->col : 1);
		}
		buf_puts(out, "::");
		gh_escape(out, d->msg, false);
		if (d->hint) {
			buf_puts(out, " (");
			gh_escape(out, d->hint, false);
			buf_puts(out, ")");
		}
		buf_putc(out, '\n');
	}
}

void
diag_werror(struct diag_sink *s)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->items[i].level == DIAG_WARNING)
			s->items[i].level = DIAG_ERROR;
	s->errors += s->warnings;
	s->warnings = 0;
}

void
diag_format_all(const struct diag_sink *s, struct buf *out)
{
	for (size_t i = 0; i < s->n; i++)
		diag_format(&s->items[i], out);
}

void
diag_append(struct diag_sink *dst, const struct diag_sink *src)
{
	for (size_t i = 0; i < src->n; i++) {
		const struct diag *d = &src->items[i];
		dst->items = xgrow(dst->items, &dst->cap, dst->n + 1,
		                   sizeof(*dst->items));
		struct diag *c = &dst->items[dst->n++];
		*c = *d;
		c->path = d->path ? xstrdup(d->path) : NULL;
		c->msg = xstrdup(d->msg);
		c->hint = d->hint ? xstrdup(d->hint) : NULL;
	}
	dst->errors += src->errors;
	dst->warnings += src->warnings;
}

void
diag_move(struct diag_sink *dst, struct diag_sink *src)
{
	for (size_t i = 0; i < src->n; i++) {
		dst->items = xgrow(dst->items, &dst->cap, dst->n + 1,
		                   sizeof(*dst->items));
		dst->items[dst->n++] = src->items[i];
	}
	dst->errors += src->errors;
	dst->warnings += src->warnings;
	free(src->items);
	diag_init(src);
}

/* Levenshtein distance, bounded by the short lengths of keys and kinds. */
static size_t
distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 64 || lb > 64)
		return (size_t)-1;
	size_t row[65];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
			size_t best = diag + cost;
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

const char *
diag_nearest(const char *word, const char *const *candidates, size_t n)
{
	const char *best = NULL;
	size_t best_d = (size_t)-1;
	for (size_t i = 0; i < n; i++) {
		size_t d = distance(word, candidates[i]);
		if (d < best_d) {
			best_d = d;
			best = candidates[i];
		}
	}
	/* close enough: at most a third of the word's letters, and at least 1 */
	size_t limit = strlen(word) / 3;
	if (limit < 1)
		limit = 1;
	if (limit > 3)
		limit = 3;
	return best_d <= limit ? best : NULL;
}
