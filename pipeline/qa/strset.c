/* A set of byte strings (strset.h). */
#include "qa/strset.h"

#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/hash.h"

static struct strslot *
probe(const struct strset *set, const char *s, size_t n)
{
	size_t h = (size_t)hash_bytes(HASH_INIT, s, n) & (set->cap - 1);
	while (set->slot[h].s &&
	       !(set->slot[h].n == n && !memcmp(set->slot[h].s, s, n)))
		h = (h + 1) & (set->cap - 1);
	return &set->slot[h];
}

static void
grow(struct strset *set)
{
	struct strset big = {NULL, set->cap ? set->cap * 2 : 64, set->used};
	big.slot = xcalloc(big.cap, sizeof(*big.slot));
	for (size_t i = 0; i < set->cap; i++)
		if (set->slot[i].s)
			*probe(&big, set->slot[i].s, set->slot[i].n) =
			    set->slot[i];
	free(set->slot);
	*set = big;
}

struct strslot *
strset_get(struct strset *set, const char *s, size_t n, bool add, size_t val)
{
	if (set->cap == 0 && !add)
		return NULL;
	if ((set->used + 1) * 2 > set->cap)
		grow(set);
	struct strslot *sl = probe(set, s, n);
	if (sl->s)
		return sl;
	if (!add)
		return NULL;
	sl->s = s;
	sl->n = n;
	sl->val = val;
	set->used++;
	return sl;
}

void
strset_release(struct strset *set)
{
	free(set->slot);
	memset(set, 0, sizeof(*set));
}
