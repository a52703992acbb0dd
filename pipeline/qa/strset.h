/* Internal to qa: a set of byte strings with a value each (open
 * addressing, FNV-1a), so that every look-up in a pass is O(1) and a pass
 * stays linear however many distinct words a text holds. */
#ifndef JTAI_QA_STRSET_H
#define JTAI_QA_STRSET_H

#include <stdbool.h>
#include <stddef.h>

struct strset {
	struct strslot {
		const char *s; /* borrowed: must outlive the set */
		size_t n;
		size_t val;
	} * slot;
	size_t cap, used;
};

/* The slot of the n bytes at s. Absent: added with val when add, else
 * NULL. A zero-filled struct is an empty set. */
struct strslot *strset_get(struct strset *set, const char *s, size_t n,
                           bool add, size_t val);
void strset_release(struct strset *set);

#endif
