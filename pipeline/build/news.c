/* Where a job's news goes (struct emit): in this process, records into
 * the state and progress to the terminal; in a worker, everything down a
 * pipe to the parent, one line each (the protocol: build/engine.c). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "build/build_int.h"
#include "core/buf.h"

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
		printf("[%zu/%zu] %s %s\n", n->done, n->total, verb, target);
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
	printf("%s: %s\n", target, reason);
	fflush(stdout);
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

void
news_line(struct news *n, char *line, size_t len)
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
	}
}

