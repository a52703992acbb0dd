/* The shortest edit script between two sequences of integers (each element
 * an equivalence class: a word, a block of a letter): Myers' O(ND)
 * algorithm in linear space, splitting at the middle snake, with a bound
 * on the work done per split so that two long sequences with little in
 * common cost O(N x SEQ_COST_LIMIT) time, not O(N^2); past the bound the
 * script is still correct, only perhaps not the shortest. */
#ifndef JTAI_DIFF_SEQ_H
#define JTAI_DIFF_SEQ_H

#include <stddef.h>

/* The edit steps searched per split before settling for a good split. */
#define SEQ_COST_LIMIT 256

/* Marks del[i] = 1 for each a[i] not in the common subsequence and
 * ins[j] = 1 for each b[j] not in it; del (na bytes) and ins (nb bytes)
 * are the caller's, zeroed. Never fails. */
void seq_diff(const int *a, size_t na, const int *b, size_t nb,
              unsigned char *del, unsigned char *ins);

/* A run of one kind of step of an edit script: equal elements a[a0..a1)
 * and b[b0..b1), or a deletion (a0..a1, b0 == b1), or an insertion. */
enum seq_op { SEQ_EQUAL, SEQ_DELETE, SEQ_INSERT };
struct seq_chunk {
	enum seq_op op;
	size_t a0, a1, b0, b1;
};

/* The edit script of del and ins (from seq_diff) as chunks, deletions
 * before insertions where both meet; a malloc'd array the caller frees,
 * its length in *n. */
struct seq_chunk *seq_chunks(const unsigned char *del, size_t na,
                             const unsigned char *ins, size_t nb, size_t *n);

#endif
