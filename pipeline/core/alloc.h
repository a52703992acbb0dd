/* Allocation that never returns NULL: jtai treats running out of memory as
 * fatal (it prints a message and aborts), as cmark and git do, so callers
 * need no NULL checks after allocating. */
#ifndef JTAI_CORE_ALLOC_H
#define JTAI_CORE_ALLOC_H

#include <stddef.h>
#include <stdlib.h> /* free() */

/* malloc/calloc/realloc/strdup that abort on failure; free with free(). */
void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Grows *cap (at least doubling) so that *cap >= need; returns the resized
 * block of (*cap * elem) bytes. */
void *xgrow(void *p, size_t *cap, size_t need, size_t elem);

#endif
