/* Searching bytes that are not a C string: an SVG document in a buffer,
 * read between two pointers. (memmem is not POSIX.1-2008.) */
#ifndef JTAI_CORE_MEM_H
#define JTAI_CORE_MEM_H

#include <stddef.h>
#include <string.h>

/* The first occurrence of needle (a string, its NUL not sought) in [p,
 * end), or NULL. */
static inline const char *
mem_find(const char *p, const char *end, const char *needle)
{
	size_t n = strlen(needle);
	for (; end - p >= (ptrdiff_t)n; p++)
		if (memcmp(p, needle, n) == 0)
			return p;
	return NULL;
}

#endif
