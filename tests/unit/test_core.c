/* core: buffers, arenas, diagnostics, YAML trees, UTF-8, dates. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/calendar.h"
#include "core/diag.h"
#include "core/file.h"
#include "core/hash.h"
#include "core/utf8.h"
#include "core/value.h"
#include "core/yaml.h"
#include "testutil.h"

static struct value *
parse(struct arena *a, const char *text, struct diag_sink *d)
{
	return yaml_parse(a, "t.yaml", text, strlen(text), d);
}

Test(buf, printf_appends_and_detach_empties)
{
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "%d-%s", 7, "x");
	buf_puts(&b, "!");
	cr_assert_str_eq(buf_cstr(&b), "7-x!");
	char *s = buf_detach(&b);
	cr_assert_str_eq(s, "7-x!");
	cr_assert_eq(b.len, 0);
	free(s);
}

Test(arena, large_and_small_allocations_are_zeroed)
{
	struct arena *a = arena_new();
	for (int i = 0; i < 1000; i++) {
		char *p = arena_alloc(a, (size_t)(i * 37 % 5000) + 1);
		cr_assert_eq(p[0], 0);
		p[0] = 1;
	}
	cr_assert_str_eq(arena_printf(a, "%s/%d", "a", 3), "a/3");
	arena_free(a);
}

Test(diag, format_has_place_level_and_hint)
{
	struct diag_sink d;
	diag_init(&d);
	diag_error(&d, "f.yaml", 3, 7, "unknown key '%s'", "sumary");
	diag_hint(&d, "did you mean '%s'?", "summary");
	diag_warning(&d, "g.yaml", 0, 0, "no finding");
	char *s = test_diags(&d);
	cr_assert_str_eq(s, "f.yaml:3:7: error: unknown key 'sumary' (did you "
	                    "mean 'summary'?)\ng.yaml: warning: no finding\n");
	cr_assert_eq(d.errors, 1);
	cr_assert_eq(d.warnings, 1);
	free(s);
	diag_release(&d);
}

Test(diag, json_and_github_formats_for_tools)
{
	struct diag_sink d;
	diag_init(&d);
	diag_error(&d, "a \"b\".yaml", 3, 7, "bad\tkey '%s'", "x");
	diag_hint(&d, "did you mean 'y'?");
	diag_warning(&d, "c,d:e.yaml", 0, 0, "50%% done\nnext");
	struct buf b;
	buf_init(&b);
	diag_error(&d, "p.yaml", 2, 0, "a postcode in print [pd-postcode]");
	diag_note(&d, NULL, 0, 0, "not a rule [x y]");
	diag_format_json(&d, &b);
	cr_assert_str_eq(buf_cstr(&b),
	                 "{\n  \"diagnostics\": [\n"
	                 "    {\"file\": \"a \\\"b\\\".yaml\", \"line\": 3, "
	                 "\"column\": 7, \"severity\": \"error\", \"message\": "
	                 "\"bad\\u0009key 'x'\", \"hint\": \"did you mean 'y'?\", "
	                 "\"rule\": null},\n"
	                 "    {\"file\": \"c,d:e.yaml\", \"line\": null, "
	                 "\"column\": null, \"severity\": \"warning\", "
	                 "\"message\": \"50% done\\nnext\", \"hint\": null, "
	                 "\"rule\": null},\n"
	                 "    {\"file\": \"p.yaml\", \"line\": 2, \"column\": 1, "
	                 "\"severity\": \"error\", \"message\": \"a postcode in "
	                 "print\", \"hint\": null, \"rule\": \"pd-postcode\"},\n"
	                 "    {\"file\": null, \"line\": null, \"column\": null, "
	                 "\"severity\": \"note\", \"message\": \"not a rule [x y]\", "
	                 "\"hint\": null, \"rule\": null}\n"
	                 "  ],\n  \"errors\": 2,\n  \"warnings\": 1\n}\n");
	buf_clear(&b);
	diag_format_github(&d, &b);
	cr_assert_str_eq(buf_cstr(&b),
	                 "::error file=a \"b\".yaml,line=3,col=7::bad\tkey 'x' "
	                 "(did you mean 'y'?)\n"
	                 "::warning file=c%2Cd%3Ae.yaml::50%25 done%0Anext\n"
	                 "::error file=p.yaml,line=2,col=1::a postcode in print "
	                 "[pd-postcode]\n"
	                 "::notice ::not a rule [x y]\n");
	struct diag_sink copy;
	diag_init(&copy);
	diag_append(&copy, &d);
	diag_append(&copy, &d);
	cr_assert_eq(copy.n, 8);
	cr_assert_eq(copy.errors, 4);
	cr_assert_str_eq(copy.items[4].hint, "did you mean 'y'?");
	diag_release(&copy);
	diag_werror(&d);
	cr_assert_eq(d.errors, 3);
	cr_assert_eq(d.warnings, 0);
	buf_clear(&b);
	diag_format_json(&(struct diag_sink){0}, &b);
	cr_assert_str_eq(buf_cstr(&b), "{\n  \"diagnostics\": [],\n  "
	                               "\"errors\": 0,\n  \"warnings\": 0\n}\n");
	buf_release(&b);
	diag_release(&d);
}

Test(diag, nearest_only_when_close)
{
	const char *const keys[] = {"summary", "detail", "agencies", "theme"};
	cr_assert_str_eq(diag_nearest("sumary", keys, 4), "summary");
	cr_assert_str_eq(diag_nearest("agences", keys, 4), "agencies");
	cr_assert_null(diag_nearest("zzzzzz", keys, 4));
}

Test(yaml, positions_are_one_based_and_scalars_stay_text)
{
	struct arena *a = arena_new();
	struct diag_sink d;
	diag_init(&d);
	struct value *v = parse(a, "a: 1\nb:\n  - no\n  - '2024'\n", &d);
	cr_assert_not_null(v);
	const struct value *b = value_get(v, "b");
	cr_assert_eq(b->kind, VALUE_SEQ);
	cr_assert_eq(b->items[0]->kind, VALUE_STRING);
	cr_assert_str_eq(b->items[0]->str, "no");
	cr_assert_eq(b->items[0]->line, 3);
	cr_assert_eq(b->items[0]->col, 5);
	cr_assert(b->items[0]->plain);
	cr_assert_not(b->items[1]->plain);
	diag_release(&d);
	arena_free(a);
}

Test(yaml, refuses_duplicates_aliases_and_depth)
{
	struct arena *a = arena_new();
	struct diag_sink d;
	diag_init(&d);
	cr_assert_null(parse(a, "a: 1\nb: 2\na: 3\n", &d));
	cr_assert_null(parse(a, "a: &x [1]\nb: *x\n", &d));
	char deep[400];
	memset(deep, '[', 200);
	memset(deep + 200, ']', 199);
	deep[399] = '\0';
	cr_assert_null(parse(a, deep, &d));
	cr_assert_null(parse(a, "a: [1, 2\n", &d));
	char *s = test_diags(&d);
	/* both places of a duplicate, and every problem of a file */
	cr_assert(strstr(s, "t.yaml:3:1: error: duplicate key 'a' (a key may "
	                    "be given once in each map)\n"
	                    "t.yaml:1:1: note: 'a' first given here\n"), "%s", s);
	cr_assert(strstr(s, "t.yaml:1:4: error: anchors ('&x') are not allowed"),
	          "%s", s);
	cr_assert(strstr(s, "t.yaml:2:4: error: aliases ('*x') are not allowed"),
	          "%s", s);
	cr_assert(strstr(s, "nesting deeper than 64 levels"), "%s", s);
	cr_assert(strstr(s, "t.yaml:2:1: error: malformed YAML"), "%s", s);
	free(s);
	diag_release(&d);
	arena_free(a);
}

Test(yaml, emit_then_parse_gives_the_same_tree)
{
	const char *src = "a: plain text\nb: \"2024\"\nc: ''\nd: \"x: y\"\n"
	                  "e:\n  - one\n  - k: v\n    l: [1, 2]\nf: {}\ng: []\n"
	                  "h: |\n  line one\n\n  line two\ni: \"tab\\there\"\n"
	                  "j: '# not a comment'\nk: \"trailing \"\n";
	struct arena *a = arena_new();
	struct diag_sink d;
	diag_init(&d);
	struct value *v = parse(a, src, &d);
	cr_assert_not_null(v);
	struct buf out;
	buf_init(&out);
	yaml_emit(v, &out);
	struct value *w = parse(a, buf_cstr(&out), &d);
	cr_assert_not_null(w, "%s", buf_cstr(&out));
	cr_assert(value_equal(v, w), "%s", buf_cstr(&out));
	cr_assert(strstr(buf_cstr(&out), "b: \"2024\"\n"));
	cr_assert(strstr(buf_cstr(&out), "h: |\n  line one\n\n  line two\n"));
	buf_release(&out);
	diag_release(&d);
	arena_free(a);
}

Test(utf8, decodes_and_rejects)
{
	unsigned cp;
	cr_assert_eq(utf8_decode("\xc2\xa3", 2, &cp), 2);
	cr_assert_eq(cp, 0xA3);
	cr_assert_eq(utf8_decode("\xe2\x80\x99", 3, &cp), 3);
	cr_assert_eq(cp, 0x2019);
	cr_assert_eq(utf8_decode("\xe2\x80", 2, &cp), 1);
	cr_assert_eq(cp, UTF8_REPLACEMENT);
	cr_assert_eq(utf8_decode("\xc0\xaf", 2, &cp), 1); /* overlong */
	size_t bad;
	cr_assert(utf8_valid("caf\xc3\xa9", 5, NULL));
	cr_assert_not(utf8_valid("ab\xff", 3, &bad));
	cr_assert_eq(bad, 2);
	cr_assert_eq(utf8_length("\xc2\xa3" "5", 3), 2);
}

Test(hash, is_fnv1a)
{
	char hex[17];
	hash_hex(hash_str(HASH_INIT, "a"), hex);
	cr_assert_str_eq(hex, "af63dc4c8601ec8c");
}

static void
check_add(const char *from, int n, const char *want)
{
	struct date d;
	char iso[11];
	cr_assert_eq(date_parse(from, &d), 0);
	date_iso(date_add_working_days(d, n), iso);
	cr_assert_str_eq(iso, want, "%s + %d", from, n);
}

Test(calendar, working_days)
{
	check_add("2022-02-21", 70, "2022-06-06"); /* the regulations' example */
	check_add("2026-03-02", 9, "2026-03-13");
	check_add("2025-12-24", 1, "2025-12-29"); /* Christmas, Boxing Day */
	check_add("2026-12-24", 1, "2026-12-29"); /* Boxing Day substitute */
	check_add("2026-04-02", 1, "2026-04-07"); /* Easter 2026 */
	check_add("2022-06-01", 1, "2022-06-06"); /* jubilee 2 and 3 June */
	check_add("2020-05-07", 1, "2020-05-11"); /* VE day moved to 8 May */
	struct date a, b;
	date_parse("2020-05-04", &a);
	cr_assert(date_is_working_day(a)); /* the early May holiday moved */
	date_parse("2023-05-08", &a);
	cr_assert_not(date_is_working_day(a)); /* coronation */
	date_parse("2027-01-01", &a);
	date_parse("2027-12-28", &b);
	cr_assert_not(date_is_working_day(b)); /* Boxing Day on Sunday */
	cr_assert_eq(date_working_days_between(a, a), 0);
}

/* Every weekday from 2010 to 2030 is a holiday exactly when the list in
 * tests/data/bank-holidays-ew.txt says so: the rules (Easter, the Mondays,
 * substitute days) and the days moved or added by proclamation. */
Test(calendar, bank_holidays_2010_to_2030)
{
	FILE *f = fopen(test_src("tests/data/bank-holidays-ew.txt"), "r");
	cr_assert_not_null(f);
	char line[256], listed[200][11];
	size_t n = 0;
	while (fgets(line, sizeof(line), f) && n < 200) {
		if (line[0] == '#' || strlen(line) <= 10)
			continue;
		memcpy(listed[n], line, 10);
		listed[n++][10] = '\0';
	}
	fclose(f);
	cr_assert_eq(n, 173);
	struct date d = {2010, 1, 1}, end = {2030, 12, 31};
	size_t k = 0, found = 0;
	for (; date_cmp(d, end) <= 0; d = date_from_days(date_to_days(d) + 1)) {
		char iso[11];
		date_iso(d, iso);
		bool want = k < n && !strcmp(listed[k], iso);
		if (date_weekday(d) >= 5) { /* Saturday, Sunday */
			cr_assert_not(want, "%s listed but a weekend", iso);
			continue;
		}
		cr_assert_eq(date_is_holiday(d), want, "%s: holiday %d, listed %d",
		             iso, date_is_holiday(d), want);
		k += want;
		found += want;
	}
	cr_assert_eq(found, n);
}

Test(calendar, parse_and_text)
{
	struct date a, b;
	cr_assert_eq(date_parse("2026-02-29", &a), -1);
	cr_assert_eq(date_parse("2028-02-29", &a), 0);
	cr_assert_eq(date_parse("2026-3-1", &a), -1);
	struct buf t;
	buf_init(&t);
	date_parse("2026-03-01", &a);
	date_text(a, &t);
	cr_assert_str_eq(buf_cstr(&t), "1 March 2026");
	buf_clear(&t);
	date_parse("2026-04-03", &b);
	date_range_text(a, b, &t);
	cr_assert_str_eq(buf_cstr(&t), "1 March to 3 April 2026");
	buf_clear(&t);
	date_parse("2025-12-29", &a);
	date_range_text(a, b, &t);
	cr_assert_str_eq(buf_cstr(&t), "29 December 2025 to 3 April 2026");
	buf_release(&t);
}

Test(file, atomic_write_replaces_and_failure_keeps_old)
{
	const char *dir = test_tmpdir();
	char *path = file_join(dir, "x.txt");
	struct diag_sink d;
	diag_init(&d);
	cr_assert_eq(file_write_atomic(path, "one", 3, &d), 0);
	cr_assert_eq(file_write_atomic(path, "two", 3, &d), 0);
	struct buf b;
	buf_init(&b);
	file_read(path, &b, &d);
	cr_assert_str_eq(buf_cstr(&b), "two");
	char *bad = file_join(dir, "missing/y.txt");
	cr_assert_eq(file_write_atomic(bad, "z", 1, &d), -1);
	cr_assert_eq(d.errors, 1);
	buf_release(&b);
	free(bad);
	free(path);
	diag_release(&d);
}
