/* The build state log (build/state.c): records written by state_line_*
 * read back the same, awkward paths and numbers included, across a close
 * and a reopen; malformed and torn lines are ignored. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "build/state.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/file.h"
#include "testutil.h"

static struct diag_sink sink;

static void
setup(void)
{
	diag_init(&sink);
}

static void
teardown(void)
{
	diag_release(&sink);
}

TestSuite(state, .init = setup, .fini = teardown);

static struct state *
open_in(const char *out)
{
	bool unclean;
	struct state *st = state_open(out, &unclean, &sink);
	cr_assert_not_null(st, "%s", test_diags(&sink));
	return st;
}

static const char *const paths[] = {
    "plain/findings/ofsted.yaml",
    "a\ttab/and\nnewline.yaml",
    "back\\slash\\t-not-a-tab\\",
    "ends-with-backslash\\",
    "\\\\double",
};

Test(state, records_read_back_the_same)
{
	char *out = file_join(test_tmpdir(), "out");
	struct state *st = open_in(out);
	struct buf lines;
	buf_init(&lines);
	struct stamp s[5] = {
	    {0, 0, 0, 0},
	    {1, -1, INT64_MIN + 1, UINT64_MAX},
	    {INT64_MAX, 1700000000123456789, -5, 42},
	    {7, 8, 9, 10},
	    {11, 12, 13, 14},
	};
	struct dep deps[5];
	for (int i = 0; i < 5; i++) {
		struct digest d = digest_bytes(paths[i], strlen(paths[i]));
		state_line_file(&lines, paths[i], &s[i], d);
		deps[i].path = (char *)paths[i];
		deps[i].digest = d;
	}
	struct target_rec t = {digest_bytes("out", 3), digest_bytes("id", 2),
	                       deps, 2, deps + 2, 3};
	state_line_target(st, &lines, "name\twith tab/letter.pdf", &t);
	const char *const made[] = {"x/letter.pdf", "x/a\tb.svg"};
	state_line_outputs(&lines, "x", made, 2);
	state_apply(st, lines.data, lines.len);
	cr_assert_eq(state_close(st, &sink), 0);

	/* reopened: read from the log */
	st = open_in(out);
	for (int i = 0; i < 5; i++) {
		struct digest d;
		cr_assert(state_file(st, paths[i], &s[i], &d), "%s", paths[i]);
		cr_assert(digest_eq(d, deps[i].digest), "%s", paths[i]);
		struct stamp other = s[i];
		other.mtime_ns ^= 1;
		cr_assert(!state_file(st, paths[i], &other, &d));
	}
	const struct target_rec *r =
	    state_target(st, "name\twith tab/letter.pdf");
	cr_assert_not_null(r);
	cr_assert(digest_eq(r->out, t.out) && digest_eq(r->id, t.id));
	cr_assert_eq(r->ndeps, 2);
	cr_assert_eq(r->nshared, 3);
	for (size_t i = 0; i < 2; i++)
		cr_assert_str_eq(r->deps[i].path, paths[i]);
	for (size_t i = 0; i < 3; i++)
		cr_assert_str_eq(r->shared[i].path, paths[2 + i]);
	size_t n;
	const char *const *o = state_outputs(st, "x", &n);
	cr_assert_eq(n, 2);
	cr_assert_str_eq(o[1], "x/a\tb.svg");
	cr_assert_eq(state_close(st, &sink), 0);
	buf_release(&lines);
	free(out);
}

Test(state, malformed_and_torn_lines_are_ignored)
{
	char *out = file_join(test_tmpdir(), "out");
	struct state *st = open_in(out);
	struct stamp s = {1, 2, 3, 4};
	struct buf good;
	buf_init(&good);
	state_line_file(&good, "good.yaml", &s, digest_bytes("g", 1));
	static const char bad[] =
	    "F\tnum.yaml\t1x\t2\t3\t4\t00000000000000000000000000000000\n"
	    "F\tbig.yaml\t99999999999999999999\t2\t3\t4\t"
	    "00000000000000000000000000000000\n"
	    "F\tshort.yaml\t1\t2\n"
	    "Z\twhat\n"
	    "F\thex.yaml\t1\t2\t3\t4\t0000000000000000000000000000000g\n";
	state_apply(st, bad, sizeof(bad) - 1);
	state_apply(st, good.data, good.len);
	struct digest d;
	struct stamp z = {1, 2, 3, 4};
	cr_assert(!state_file(st, "num.yaml", &z, &d));
	cr_assert(!state_file(st, "big.yaml", &z, &d));
	cr_assert(!state_file(st, "hex.yaml", &z, &d));
	cr_assert(state_file(st, "good.yaml", &s, &d));
	cr_assert_eq(state_close(st, &sink), 0);

	/* a torn last line (a build killed while appending) is cut off */
	char *log = file_join(out, ".jtai/state");
	FILE *f = fopen(log, "a");
	cr_assert_not_null(f);
	fputs("F\ttorn.yaml\t1\t2\t3", f);
	fclose(f);
	st = open_in(out);
	cr_assert(state_file(st, "good.yaml", &s, &d));
	cr_assert(!state_file(st, "torn.yaml", &z, &d));
	cr_assert_eq(state_close(st, &sink), 0);
	free(log);
	buf_release(&good);
	free(out);
}
