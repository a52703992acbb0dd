#include "core/hash.h"

#include <string.h>

uint64_t
hash_bytes(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	for (size_t i = 0; i < n; i++) {
		h ^= s[i];
		h *= UINT64_C(0x100000001b3);
	}
	return h;
}

uint64_t
hash_str(uint64_t h, const char *s)
{
	return hash_bytes(h, s, strlen(s));
}

void
hash_hex(uint64_t h, char out[17])
{
	static const char digits[] = "0123456789abcdef";
	for (int i = 15; i >= 0; i--) {
		out[i] = digits[h & 15];
		h >>= 4;
	}
	out[16] = '\0';
}
