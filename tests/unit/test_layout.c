/* render/layout: the items and lines of the line breaker over mixed runs
 * (where the lines end is tested in test_linebreak.c). Lines never exceed
 * the measure, segments never start or end inside a UTF-8 sequence, no
 * text is lost or reordered, long words break, hard breaks end lines. And
 * the widths a table's columns ask for and get (render/table.h). */
#include <criterion/criterion.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/font.h"
#include "layout_fixture.h"
#include "render/layout.h"
#include "render/table.h"

TestSuite(layout, .init = setup, .fini = teardown);

Test(layout, short_text_one_line_one_segment)
{
	struct run r = mkrun("Hello world, café at £2.", FONT_REGULAR);
	size_t n = layout_paragraph(&lay, &r, 1, 453.5, &lines);
	cr_assert_eq(n, 1);
	cr_assert_eq(lines.line[0].nseg, 1, "spaces stay inside one string");
	char *text = check_lines(&r, n, 453.5, "|");
	cr_assert_str_eq(text, "Hello world, café at £2.");
	free(text);
}

Test(layout, empty_runs_give_no_lines)
{
	struct run r = mkrun("", FONT_REGULAR);
	cr_assert_eq(layout_paragraph(&lay, &r, 1, 100, &lines), 0);
	cr_assert_eq(layout_paragraph(&lay, NULL, 0, 100, &lines), 0);
}

Test(layout, mixed_runs_are_placed_end_to_end)
{
	struct run r[] = {
	    mkrun("The ", FONT_REGULAR), mkrun("bold words", FONT_BOLD),
	    mkrun(", then ", FONT_REGULAR), mkrun("code()", FONT_MONO),
	    mkrun(" and more.", FONT_REGULAR)};
	size_t n = layout_paragraph(&lay, r, 5, 453.5, &lines);
	cr_assert_eq(n, 1);
	cr_assert_eq(lines.line[0].nseg, 5);
	char *text = check_lines(r, n, 453.5, "|");
	cr_assert_str_eq(text, "The bold words, then code() and more.");
	free(text);
}

static const char *const words[] = {
    "the", "partnership",  "café",       "£1.2m", "“front", "door”",
    "—",   "exploitation", "children’s", "naïve", "a",      "risk-assessment",
    "É"};

/* A pseudo-random paragraph of n words in mixed faces (deterministic). */
static size_t
make_para(struct run *runs, size_t n, unsigned seed, struct buf *expect)
{
	for (size_t i = 0; i < n; i++) {
		seed = seed * 1103515245u + 12345u;
		const char *w =
		    words[(seed >> 16) % (sizeof(words) / sizeof(*words))];
		enum font_role face = (enum font_role)((seed >> 8) % 3);
		char *s = malloc(strlen(w) + 2);
		strcpy(s, w);
		if (i + 1 < n)
			strcat(s, " ");
		runs[i] = mkrun(s, face);
		buf_puts(expect, s);
	}
	return n;
}

static void
nospace(char *s)
{
	char *o = s;
	for (; *s; s++)
		if (*s != ' ')
			*o++ = *s;
	*o = '\0';
}

Test(layout, never_exceeds_width_and_loses_nothing)
{
	static const double widths[] = {60, 100, 137.5, 200, 453.5};
	struct run runs[200];
	for (unsigned seed = 1; seed <= 20; seed++) {
		for (size_t k = 0; k < sizeof(widths) / sizeof(*widths); k++) {
			struct buf expect;
			buf_init(&expect);
			size_t nr =
			    make_para(runs, 40 + seed * 7, seed, &expect);
			lines.n = lines.nseg = 0;
			size_t n =
			    layout_paragraph(&lay, runs, nr, widths[k], &lines);
			cr_assert_gt(n, 0);
			char *text = check_lines(runs, n, widths[k], " ");
			/* words broken at the line's end come back without a
			 * space: compare without spaces */
			nospace(text);
			nospace(expect.data);
			cr_assert_str_eq(text, buf_cstr(&expect));
			free(text);
			buf_release(&expect);
			for (size_t i = 0; i < nr; i++)
				free((char *)runs[i].text);
		}
	}
}

Test(layout, long_word_is_broken_at_characters)
{
	char word[301];
	memset(word, 'm', 300);
	word[300] = '\0';
	struct run r = mkrun(word, FONT_BOLD);
	size_t n = layout_paragraph(&lay, &r, 1, 100, &lines);
	cr_assert_gt(n, 10);
	char *text = check_lines(&r, n, 100, "");
	cr_assert_str_eq(text, word);
	free(text);
	/* every line but the last is full: one more m would overflow */
	double m = layout_measure(&lay, FONT_BOLD, 12, "m", 1);
	for (size_t i = 0; i + 1 < n; i++)
		cr_assert_gt(lines.line[i].width + m, 100);
}

Test(layout, long_utf8_word_never_split_inside_a_sequence)
{
	struct buf b;
	buf_init(&b);
	buf_puts(&b, "see ");
	for (int i = 0; i < 80; i++)
		buf_puts(&b, i % 3 ? "é" : "—");
	buf_puts(&b, "€ end");
	struct run r = mkrun(buf_cstr(&b), FONT_REGULAR);
	for (double width = 30; width < 200; width += 17) {
		lines.n = lines.nseg = 0;
		size_t n = layout_paragraph(&lay, &r, 1, width, &lines);
		cr_assert_gt(n, 1);
		char *text = check_lines(&r, n, width, "");
		/* joined without separators: only the two spaces are dropped */
		cr_assert_eq(strlen(text) + 2 >= b.len, true);
		free(text);
	}
	buf_release(&b);
}

Test(layout, long_word_across_runs_is_broken)
{
	struct run r[] = {mkrun("Supercalifragilistic", FONT_BOLD),
	                  mkrun("expialidocious", FONT_REGULAR),
	                  mkrun("andmoreandmoreandmore", FONT_MONO)};
	size_t n = layout_paragraph(&lay, r, 3, 80, &lines);
	cr_assert_gt(n, 2);
	char *text = check_lines(r, n, 80, "");
	cr_assert_str_eq(
	    text, "Supercalifragilisticexpialidociousandmoreandmoreandmore");
	free(text);
}

Test(layout, combining_mark_stays_with_its_letter)
{
	struct buf b;
	buf_init(&b);
	for (int i = 0; i < 60; i++)
		buf_puts(&b, "e\xCC\x81"); /* e + combining acute */
	struct run r = mkrun(buf_cstr(&b), FONT_REGULAR);
	size_t n = layout_paragraph(&lay, &r, 1, 50, &lines);
	cr_assert_gt(n, 1);
	for (size_t i = 0; i < n; i++) {
		const struct line_seg *sg = &lines.seg[lines.line[i].seg];
		cr_assert_eq(r.text[sg->start], 'e',
		             "line %zu starts with a mark", i);
	}
	buf_release(&b);
}

Test(layout, hard_break_forces_a_line)
{
	struct run r[] = {mkrun("Alex Morgan", FONT_BOLD),
	                  mkrun("\n", FONT_REGULAR),
	                  mkrun("Regional Director, Ofsted", FONT_REGULAR)};
	size_t n = layout_paragraph(&lay, r, 3, 453.5, &lines);
	cr_assert_eq(n, 2);
	char *text = check_lines(r, n, 453.5, "|");
	cr_assert_str_eq(text, "Alex Morgan|Regional Director, Ofsted");
	free(text);
}

Test(layout, spaces_at_line_ends_are_dropped)
{
	struct run r = mkrun("  word  another   word  ", FONT_REGULAR);
	double w = layout_measure(&lay, FONT_REGULAR, 12, "another", 7) + 1;
	size_t n = layout_paragraph(&lay, &r, 1, w, &lines);
	cr_assert_eq(n, 3);
	char *text = check_lines(&r, n, w, "|");
	cr_assert_str_eq(text, "word|another|word");
	free(text);
}

Test(layout, lines_append_across_paragraphs)
{
	struct run a = mkrun("first paragraph", FONT_REGULAR);
	struct run b = mkrun("second", FONT_BOLD);
	cr_assert_eq(layout_paragraph(&lay, &a, 1, 453.5, &lines), 1);
	cr_assert_eq(layout_paragraph(&lay, &b, 1, 453.5, &lines), 1);
	cr_assert_eq(lines.n, 2);
	const struct line_seg *sg = &lines.seg[lines.line[1].seg];
	cr_assert_eq(sg->run, 0, "runs are indexed within their paragraph");
	cr_assert_eq(sg->end, 6);
}

Test(layout, many_words_quickly, .timeout = 5)
{
	struct buf b;
	buf_init(&b);
	for (int i = 0; i < 50000; i++)
		buf_puts(&b, "word ");
	struct run r = mkrun(buf_cstr(&b), FONT_REGULAR);
	size_t n = layout_paragraph(&lay, &r, 1, 453.5, &lines);
	cr_assert_gt(n, 1000);
	buf_release(&b);
}

Test(layout, extent_is_the_one_line_width_and_the_widest_word)
{
	struct run r[] = {mkrun("  Children’s ", FONT_REGULAR),
	                  mkrun("social", FONT_BOLD),
	                  mkrun("workers and early help  ", FONT_REGULAR)};
	double nat, min;
	layout_extent(&lay, r, 3, &nat, &min);
	/* set at exactly its natural width, it is one line of that width */
	cr_assert_eq(layout_paragraph(&lay, r, 3, nat, &lines), 1);
	cr_assert_float_eq(lines.line[0].width, nat, EPS);
	/* "socialworkers" is one word across two runs: the widest */
	double word = layout_measure(&lay, FONT_BOLD, 12, "social", 6) +
	              layout_measure(&lay, FONT_REGULAR, 12, "workers", 7);
	cr_assert_float_eq(min, word, EPS);
	/* at the widest word's width no word is broken */
	lines.n = lines.nseg = 0;
	size_t n = layout_paragraph(&lay, r, 3, min, &lines);
	cr_assert_geq(n, 3);
	char *text = check_lines(r, n, min, "|");
	cr_assert(strstr(text, "Children’s|socialworkers|") == text, "%s",
	          text);
	free(text);
}

Test(layout, extent_of_forced_lines_is_the_widest_line)
{
	struct run r[] = {mkrun("short", FONT_REGULAR),
	                  mkrun("\n", FONT_REGULAR),
	                  mkrun("a longer line", FONT_REGULAR)};
	double nat, min;
	layout_extent(&lay, r, 3, &nat, &min);
	cr_assert_float_eq(
	    nat, layout_measure(&lay, FONT_REGULAR, 12, "a longer line", 13),
	    EPS);
	cr_assert_float_eq(
	    min, layout_measure(&lay, FONT_REGULAR, 12, "longer", 6), EPS);
	layout_extent(&lay, NULL, 0, &nat, &min);
	cr_assert(nat == 0 && min == 0);
}

Test(layout, table_widths_natural_when_they_fit)
{
	double nat[] = {50, 120, 30}, min[] = {40, 60, 30}, w[3];
	table_widths(nat, min, 3, 453.5, w);
	for (int c = 0; c < 3; c++)
		cr_assert_float_eq(w[c], nat[c], EPS);
}

Test(layout, table_widths_share_the_rest_by_slack)
{
	/* minimums 100, slack 100 + 300: 200 more to share, 1 to 3 */
	double nat[] = {60, 140, 300}, min[] = {20, 40, 40}, w[3];
	table_widths(nat, min, 3, 300, w);
	cr_assert_float_eq(w[0], 20 + 200 * 40.0 / 400, EPS);
	cr_assert_float_eq(w[1], 40 + 200 * 100.0 / 400, EPS);
	cr_assert_float_eq(w[2], 40 + 200 * 260.0 / 400, EPS);
	cr_assert_float_eq(w[0] + w[1] + w[2], 300, EPS);
	for (int c = 0; c < 3; c++)
		cr_assert(w[c] >= min[c] && w[c] <= nat[c]);
}

Test(layout, table_widths_scale_minimums_that_do_not_fit)
{
	double nat[] = {300, 500}, min[] = {200, 400}, w[2];
	table_widths(nat, min, 2, 300, w);
	cr_assert_float_eq(w[0], 100, EPS);
	cr_assert_float_eq(w[1], 200, EPS);
}
