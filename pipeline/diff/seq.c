/* Myers' algorithm ("An O(ND) difference algorithm and its variations",
 * 1986), the linear-space refinement: a forward and a backward search meet
 * on a middle snake, which splits the problem in two. Subproblems wait on
 * an explicit stack, so deep inputs cannot exhaust the C stack. Each split
 * searches at most SEQ_COST_LIMIT edit steps; past that it splits at the
 * point either search has pushed furthest along its diagonals, which keeps
 * long and unrelated inputs linear in their length. */
#include "diff/seq.h"

#include <limits.h>
#include <stdbool.h>
#include <string.h>

#include "core/alloc.h"

struct seq {
	const int *a, *b;
	long *fd, *bd; /* furthest x on each diagonal, indexed by k + off */
	unsigned char *del, *ins;
};

struct box {
	long x0, x1, y0, y1;
};

/* Finds where to split box b: the end of a middle snake, or past the
 * cost limit the furthest point reached. */
static void
split(const struct seq *s, struct box b, long *xm, long *ym)
{
	const int *a = s->a, *bb = s->b;
	long *fd = s->fd, *bd = s->bd;
	long dmin = b.x0 - b.y1, dmax = b.x1 - b.y0;
	long fmid = b.x0 - b.y0, bmid = b.x1 - b.y1;
	long fmin = fmid, fmax = fmid, bmin = bmid, bmax = bmid;
	bool odd = ((fmid - bmid) & 1) != 0;
	fd[fmid] = b.x0;
	bd[bmid] = b.x1;
	for (long c = 1;; c++) {
		if (fmin > dmin)
			fd[--fmin - 1] = -1;
		else
			++fmin;
		if (fmax < dmax)
			fd[++fmax + 1] = -1;
		else
			--fmax;
		for (long d = fmax; d >= fmin; d -= 2) {
			long lo = fd[d - 1], hi = fd[d + 1];
			long x = lo >= hi ? lo + 1 : hi, y = x - d;
			while (x < b.x1 && y < b.y1 && a[x] == bb[y])
				x++, y++;
			fd[d] = x;
			if (odd && bmin <= d && d <= bmax && bd[d] <= x) {
				*xm = x;
				*ym = y;
				return;
			}
		}
		if (bmin > dmin)
			bd[--bmin - 1] = LONG_MAX;
		else
			++bmin;
		if (bmax < dmax)
			bd[++bmax + 1] = LONG_MAX;
		else
			--bmax;
		for (long d = bmax; d >= bmin; d -= 2) {
			long lo = bd[d - 1], hi = bd[d + 1];
			long x = lo < hi ? lo : hi - 1, y = x - d;
			while (x > b.x0 && y > b.y0 && a[x - 1] == bb[y - 1])
				x--, y--;
			bd[d] = x;
			if (!odd && fmin <= d && d <= fmax && x <= fd[d]) {
				*xm = x;
				*ym = y;
				return;
			}
		}
		if (c < SEQ_COST_LIMIT)
			continue;
		/* Too costly: the furthest point of either search. */
		long fbest = -1, fx = b.x0, bbest = LONG_MAX, bx = b.x1;
		for (long d = fmax; d >= fmin; d -= 2) {
			long x = fd[d] < b.x1 ? fd[d] : b.x1, y = x - d;
			if (y > b.y1)
				x = b.y1 + d, y = b.y1;
			if (x + y > fbest)
				fbest = x + y, fx = x;
		}
		for (long d = bmax; d >= bmin; d -= 2) {
			long x = bd[d] > b.x0 ? bd[d] : b.x0, y = x - d;
			if (y < b.y0)
				x = b.y0 + d, y = b.y0;
			if (x + y < bbest)
				bbest = x + y, bx = x;
		}
		if ((b.x1 + b.y1) - bbest < fbest - (b.x0 + b.y0)) {
			*xm = fx;
			*ym = fbest - fx;
		} else {
			*xm = bx;
			*ym = bbest - bx;
		}
		return;
	}
}

static void
mark_all(const struct seq *s, struct box b)
{
	for (long x = b.x0; x < b.x1; x++)
		s->del[x] = 1;
	for (long y = b.y0; y < b.y1; y++)
		s->ins[y] = 1;
}

void
seq_diff(const int *a, size_t na, const int *b, size_t nb, unsigned char *del,
         unsigned char *ins)
{
	size_t diags = na + nb + 3;
	struct seq s = {a, b, NULL, NULL, del, ins};
	long *fd = xmalloc(diags * sizeof(long)),
	     *bd = xmalloc(diags * sizeof(long));
	s.fd = fd + nb + 1; /* diagonals run from -nb to na */
	s.bd = bd + nb + 1;
	size_t cap = 64, n = 0;
	struct box *stack = xmalloc(cap * sizeof(*stack));
	stack[n++] = (struct box){0, (long)na, 0, (long)nb};
	while (n > 0) {
		struct box bx = stack[--n];
		while (bx.x0 < bx.x1 && bx.y0 < bx.y1 && a[bx.x0] == b[bx.y0])
			bx.x0++, bx.y0++;
		while (bx.x0 < bx.x1 && bx.y0 < bx.y1 &&
		       a[bx.x1 - 1] == b[bx.y1 - 1])
			bx.x1--, bx.y1--;
		if (bx.x0 == bx.x1 || bx.y0 == bx.y1) {
			mark_all(&s, bx);
			continue;
		}
		long xm, ym;
		split(&s, bx, &xm, &ym);
		bool empty_head = xm == bx.x0 && ym == bx.y0;
		bool empty_tail = xm == bx.x1 && ym == bx.y1;
		if (empty_head || empty_tail || xm < bx.x0 || xm > bx.x1 ||
		    ym < bx.y0 || ym > bx.y1) {
			mark_all(&s, bx); /* no progress: give up on this box */
			continue;
		}
		if (n + 2 > cap)
			stack = xgrow(stack, &cap, n + 2, sizeof(*stack));
		stack[n++] = (struct box){xm, bx.x1, ym, bx.y1};
		stack[n++] = (struct box){bx.x0, xm, bx.y0, ym};
	}
	free(stack);
	free(fd);
	free(bd);
}

static void
push(struct seq_chunk **v, size_t *n, size_t *cap, struct seq_chunk c)
{
	if (*n == *cap)
		*v = xgrow(*v, cap, *n + 1, sizeof(**v));
	(*v)[(*n)++] = c;
}

struct seq_chunk *
seq_chunks(const unsigned char *del, size_t na, const unsigned char *ins,
           size_t nb, size_t *n)
{
	struct seq_chunk *v = NULL;
	size_t cap = 0, i = 0, j = 0;
	*n = 0;
	while (i < na || j < nb) {
		struct seq_chunk c = {SEQ_EQUAL, i, i, j, j};
		if (i < na && del[i]) {
			c.op = SEQ_DELETE;
			while (c.a1 < na && del[c.a1])
				c.a1++;
		} else if (j < nb && ins[j]) {
			c.op = SEQ_INSERT;
			while (c.b1 < nb && ins[c.b1])
				c.b1++;
		} else {
			while (c.a1 < na && c.b1 < nb && !del[c.a1] &&
			       !ins[c.b1])
				c.a1++, c.b1++;
			if (c.a1 == i) /* inconsistent marks: stop safely */
				break;
		}
		push(&v, n, &cap, c);
		i = c.a1;
		j = c.b1;
	}
	return v;
}
