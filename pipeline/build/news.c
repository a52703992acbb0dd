/* Where a job's news goes (struct emit): in this process, records into
 * the state and progress to the terminal; in a worker, everything down a
 * pipe to the parent, one line each (the protocol: build/engine.c), the
 * job's diagnostics too. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "build/build_int.h"
#include "core/buf.h"
#include "core/diag.h"

static void
progress(struct news *n, const char *verb, const char *target)
{
	const struct build_opts *o = n->e->o;
	n->done++;
	if (n->done > n->total)
		n->total = n->done;
	if (o->quiet)
		return;
	if (o->progress) {
		fprintf(stderr, "\r[%zu/%zu] %s %s\033[K", n->done, n->total, verb,
		        target);
		fflush(stderr);
		n->line_open = true;
	} else {
		fprintf(o->news_stderr ? stderr : stdout, "[%zu/%zu] %s %s\n",
		        n->done, n->total, verb, target);
	}
}

void
progress_clear(struct news *n)
{
	if (n->line_open) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
		n->line_open = false;
	}
}

static void
explain(struct news *n, const char *target, const char *reason)
{
	if (n->e->o->quiet)
		return;
	progress_clear(n);
	FILE *f = n->e->o->news_stderr ? stderr : stdout;
	fprintf(f, "%s: %s\n", target, reason);
	fflush(f);
}

static void
send(struct news *n, char kind, const char *a, size_t alen, const char *b)
{
	struct buf m;
	buf_init(&m);
	buf_append(&m, &kind, 1);
	buf_append(&m, a, alen);
	if (b != NULL) {
		buf_append(&m, "\t", 1);
		buf_append(&m, b, strlen(b));
	}
	if (m.data[m.len - 1] != '\n')
		buf_append(&m, "\n", 1);
	const char *p = m.data;
	size_t left = m.len;
	while (left > 0) {
		ssize_t w = write(n->fd, p, left);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			break;
		p += w;
		left -= (size_t)w;
	}
	buf_release(&m);
}

static void
em_record(struct emit *em, const char *text, size_t len)
{
	struct news *n = (struct news *)em;
	state_apply(n->e->st, text, len); /* a worker's copy, or the log */
	while (n->fd >= 0 && len > 0) {
		const char *nl = memchr(text, '\n', len);
		size_t k = nl ? (size_t)(nl - text) + 1 : len;
		send(n, 'R', text, k, NULL);
		text += k;
		len -= k;
	}
}

static void
em_start(struct emit *em, const char *verb, const char *target)
{
	struct news *n = (struct news *)em;
	if (n->fd >= 0)
		send(n, 'S', verb, strlen(verb), target);
	else
		progress(n, verb, target);
}

static void
em_skip(struct emit *em, int delta)
{
	struct news *n = (struct news *)em;
	if (n->fd >= 0) {
		char s[32];
		int len = snprintf(s, sizeof(s), "%d", delta);
		send(n, 'K', s, (size_t)len, NULL);
	} else if (delta > 0) {
		n->total -= (size_t)delta < n->total ? (size_t)delta : n->total;
	} else {
		n->total += (size_t)-delta;
	}
}

static void
em_why(struct emit *em, const char *target, const char *reason)
{
	struct news *n = (struct news *)em;
	if (n->fd >= 0)
		send(n, 'W', target, strlen(target), reason);
	else
		explain(n, target, reason);
}

void
news_init(struct news *n, struct engine *e, int fd)
{
	memset(n, 0, sizeof(*n));
	n->em = (struct emit){em_record, em_start, em_skip, em_why};
	n->e = e;
	n->fd = fd;
}

/* ---- diagnostics down the pipe ----
 * D<level>\t<line>\t<col>\t<path>\t<message>\t<hint>: level e, w or n;
 * path and hint empty when absent, else '=' and the text; in the texts a
 * backslash, tab and newline are written \\, \t and \n. */

static void
put_text(struct buf *b, const char *s, bool optional)
{
	buf_putc(b, '\t');
	if (s == NULL)
		return;
	if (optional)
		buf_putc(b, '=');
	for (; *s; s++) {
		if (*s == '\\')
			buf_puts(b, "\\\\");
		else if (*s == '\t')
			buf_puts(b, "\\t");
		else if (*s == '\n')
			buf_puts(b, "\\n");
		else
			buf_putc(b, *s);
	}
}

void
news_diags(struct news *n, const struct diag_sink *d)
{
	static const char levels[] = "ewn";
	struct buf b;
	buf_init(&b);
	for (size_t i = 0; i < d->n; i++) {
		const struct diag *g = &d->items[i];
		buf_clear(&b);
		buf_printf(&b, "%c\t%d\t%d", levels[g->level], g->line, g->col);
		put_text(&b, g->path, true);
		put_text(&b, g->msg, false);
		put_text(&b, g->hint, true);
		send(n, 'D', b.data, b.len, NULL);
	}
	buf_release(&b);
}

/* The next field of *p (tab-separated) with its escapes undone, in place;
 * NULL when the line has no more. */
static char *
take_field(char **p)
{
	if (*p == NULL)
		return NULL;
	char *start = *p, *w = start, *r = start;
	for (; *r && *r != '\t'; r++) {
		if (*r == '\\' && r[1]) {
			r++;
			*w++ = *r == 't' ? '\t' : *r == 'n' ? '\n' : *r;
		} else {
			*w++ = *r;
		}
	}
	*p = *r ? r + 1 : NULL;
	*w = '\0';
	return start;
}

static void
diag_line(char *line, struct diag_sink *d)
{
	char *p = line;
	const char *lv = take_field(&p), *ln = take_field(&p),
	           *cl = take_field(&p);
	char *path = take_field(&p), *msg = take_field(&p),
	     *hint = take_field(&p);
	if (d == NULL || lv == NULL || ln == NULL || cl == NULL || msg == NULL)
		return;
	enum diag_level level = *lv == 'e'   ? DIAG_ERROR
	                        : *lv == 'w' ? DIAG_WARNING
	                                     : DIAG_NOTE;
	diag_put(d, level, path && *path == '=' ? path + 1 : NULL, atoi(ln),
	         atoi(cl), msg);
	if (hint && *hint == '=')
		diag_hint(d, "%s", hint + 1);
}

void
news_line(struct news *n, char *line, size_t len, struct diag_sink *d)
{
	if (len == 0)
		return;
	char *tab = memchr(line, '\t', len);
	switch (line[0]) {
	case 'R': state_apply(n->e->st, line + 1, len - 1); break;
	case 'S':
		if (tab) {
			*tab = '\0';
			progress(n, line + 1, tab + 1);
		}
		break;
	case 'K': em_skip(&n->em, atoi(line + 1)); break;
	case 'W':
		if (tab) {
			*tab = '\0';
			explain(n, line + 1, tab + 1);
		}
		break;
	case 'D': diag_line(line + 1, d); break;
	}
}

