/* UTF-8 decoding and checks. */
#ifndef JTAI_CORE_UTF8_H
#define JTAI_CORE_UTF8_H

#include <stdbool.h>
#include <stddef.h>

#define UTF8_REPLACEMENT 0xFFFDu

/* Decodes the code point at s (n bytes left, n > 0) into *cp and returns its
 * length in bytes; an invalid or truncated sequence gives U+FFFD, length 1. */
size_t utf8_decode(const char *s, size_t n, unsigned *cp);
/* utf8_decode at s[i] (i < n), ASCII decoded inline: the step of the loops
 * that measure text, code point by code point. */
static inline size_t
utf8_next(const char *s, size_t n, size_t i, unsigned *cp)
{
	unsigned char c = (unsigned char)s[i];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	return utf8_decode(s + i, n - i, cp);
}
/* Encodes cp into out (room for 4 bytes); returns the length. */
size_t utf8_encode(unsigned cp, char *out);
/* True when s (n bytes) is valid UTF-8; else *bad is the offset of the
 * first invalid byte. */
bool utf8_valid(const char *s, size_t n, size_t *bad);
/* Number of code points in s (n bytes). */
size_t utf8_length(const char *s, size_t n);

#endif
