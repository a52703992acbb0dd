/* A bump allocator: every object of one run's model lives in one arena and is
 * freed at once with arena_free(). Allocation never fails (see alloc.h). */
#ifndef JTAI_CORE_ARENA_H
#define JTAI_CORE_ARENA_H

#include <stdarg.h>
#include <stddef.h>

struct arena;

/* Returns a new, empty arena; the caller frees it with arena_free(). */
struct arena *arena_new(void);
/* Frees the arena and everything allocated in it; NULL is allowed. */
void arena_free(struct arena *a);

/* Returns n bytes aligned for any type, zero-filled; owned by the arena. */
void *arena_alloc(struct arena *a, size_t n);
/* Copies s (or its first n bytes) into the arena, NUL-terminated. */
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
/* printf into a new string owned by the arena. */
char *arena_printf(struct arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
char *arena_vprintf(struct arena *a, const char *fmt, va_list ap);
/* Returns a copy of the old block grown to new_n bytes (old_n bytes kept,
 * the rest zero). Used for growable arrays whose memory is the arena's. */
void *arena_grow(struct arena *a, void *old, size_t old_n, size_t new_n);

/* Bytes handed out so far (for benchmarks and limits). */
size_t arena_used(const struct arena *a);

#endif
