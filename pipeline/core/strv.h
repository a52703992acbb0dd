/* Small lists of strings (ids, names) searched by value: the lists of an
 * inspection are short, so a linear search is the simple and fast one. */
#ifndef JTAI_CORE_STRV_H
#define JTAI_CORE_STRV_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

/* The index of s in the n strings of v, or n when it is not there. */
static inline size_t
strv_index(const char *const *v, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(v[i], s))
			return i;
	return n;
}

/* Whether s is one of the n strings of v. */
static inline bool
strv_has(const char *const *v, size_t n, const char *s)
{
	return strv_index(v, n, s) < n;
}

/* qsort's comparison of two char * (byte order, as strcmp). */
static inline int
strv_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

#endif
