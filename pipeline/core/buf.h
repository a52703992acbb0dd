/* A growable byte buffer, always NUL-terminated after its content. A struct
 * the caller provides: buf_init() it, buf_release() it. */
#ifndef JTAI_CORE_BUF_H
#define JTAI_CORE_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char *data; /* NUL-terminated; NULL until something is written */
	size_t len;
	size_t cap;
};

void buf_init(struct buf *b);
void buf_release(struct buf *b);
/* Empties the buffer, keeping its memory. */
void buf_clear(struct buf *b);
void buf_append(struct buf *b, const void *p, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, int c);
void buf_printf(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap);
/* Returns the content as a malloc'd string (the caller frees it) and leaves
 * the buffer empty. Never NULL. */
char *buf_detach(struct buf *b);
/* Returns the content as a string ("" when empty); borrowed. */
const char *buf_cstr(const struct buf *b);

#endif
