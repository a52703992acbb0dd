#include "core/arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"

/* Blocks are chained; a request larger than a quarter block gets a block of
 * its own so that big arrays do not waste the rest of the current block. */
enum { ARENA_BLOCK = 64 * 1024 };

struct block {
	struct block *next;
	size_t size, used;
	alignas(max_align_t) unsigned char data[];
};

struct arena {
	struct block *head;
	size_t total;
};

struct arena *
arena_new(void)
{
	return xcalloc(1, sizeof(struct arena));
}

void
arena_free(struct arena *a)
{
	if (a == NULL)
		return;
	struct block *b = a->head;
	while (b) {
		struct block *next = b->next;
		free(b);
		b = next;
	}
	free(a);
}

static struct block *
block_new(size_t size)
{
	struct block *b = xmalloc(sizeof(*b) + size);
	b->size = size;
	b->used = 0;
	b->next = NULL;
	return b;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	const size_t align = alignof(max_align_t);
	n = (n + align - 1) & ~(align - 1);
	if (n == 0)
		n = align;
	struct block *b = a->head;
	if (b == NULL || b->size - b->used < n) {
		if (n > ARENA_BLOCK / 4) {
			struct block *big = block_new(n);
			if (b) { /* keep the current block at the head */
				big->next = b->next;
				b->next = big;
			} else {
				a->head = big;
			}
			big->used = n;
			a->total += n;
			memset(big->data, 0, n);
			return big->data;
		}
		b = block_new(ARENA_BLOCK);
		b->next = a->head;
		a->head = b;
	}
	void *p = b->data + b->used;
	b->used += n;
	a->total += n;
	memset(p, 0, n);
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *r = arena_alloc(a, n + 1);
	memcpy(r, s, n);
	r[n] = '\0';
	return r;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *
arena_vprintf(struct arena *a, const char *fmt, va_list ap)
{
	va_list cp;
	va_copy(cp, ap);
	int n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		n = 0;
	char *r = arena_alloc(a, (size_t)n + 1);
	vsnprintf(r, (size_t)n + 1, fmt, ap);
	return r;
}

char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *r = arena_vprintf(a, fmt, ap);
	va_end(ap);
	return r;
}

void *
arena_grow(struct arena *a, void *old, size_t old_n, size_t new_n)
{
	void *p = arena_alloc(a, new_n);
	if (old && old_n)
		memcpy(p, old, old_n < new_n ? old_n : new_n);
	return p;
}

size_t
arena_used(const struct arena *a)
{
	return a->total;
}
