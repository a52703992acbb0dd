#include "core/alloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *
check(void *p, size_t n)
{
	if (p == NULL && n != 0) {
		fprintf(stderr, "jtai: fatal: out of memory (%zu bytes)\n", n);
		abort();
	}
	return p;
}

void *
xmalloc(size_t n)
{
	return check(malloc(n ? n : 1), n);
}

void *
xcalloc(size_t count, size_t n)
{
	if (n && count > SIZE_MAX / n)
		return check(NULL, SIZE_MAX);
	return check(calloc(count ? count : 1, n ? n : 1), count * n);
}

void *
xrealloc(void *p, size_t n)
{
	return check(realloc(p, n ? n : 1), n);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *r = xmalloc(n + 1);
	memcpy(r, s, n);
	r[n] = '\0';
	return r;
}

void *
xgrow(void *p, size_t *cap, size_t need, size_t elem)
{
	size_t c = *cap;
	if (need <= c)
		return p;
	if (c < 8)
		c = 8;
	while (c < need) {
		if (c > SIZE_MAX / 2 / elem)
			return check(NULL, SIZE_MAX);
		c *= 2;
	}
	*cap = c;
	return xrealloc(p, c * elem);
}
