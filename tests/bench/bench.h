/* Timing for the benchmarks: a monotonic clock and the median of the
 * runs, which this kind of shared, noisy machine needs (README.md). Each
 * benchmark is an executable of its own; the helpers are static inline so
 * that this header needs no source file or build rule. */
#ifndef JTAI_BENCH_H
#define JTAI_BENCH_H

#include <stddef.h>
#include <stdlib.h>
#include <time.h>

/* Seconds on the monotonic clock, from an arbitrary start. */
static inline double
bench_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static inline int
bench_cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The median of v[0..n), n > 0; sorts v in place. */
static inline double
bench_median(double *v, size_t n)
{
	qsort(v, n, sizeof(*v), bench_cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

#endif
