/* Content hashing for file IDs and build state: 64-bit FNV-1a, streamed.
 * Not cryptographic; stable across machines and runs. */
#ifndef JTAI_CORE_HASH_H
#define JTAI_CORE_HASH_H

#include <stddef.h>
#include <stdint.h>

#define HASH_INIT UINT64_C(0xcbf29ce484222325)

/* Returns h updated with n bytes at p; start from HASH_INIT. */
uint64_t hash_bytes(uint64_t h, const void *p, size_t n);
uint64_t hash_str(uint64_t h, const char *s);
/* Writes h as 16 lower-case hex digits and a NUL into out[17]. */
void hash_hex(uint64_t h, char out[17]);

#endif
