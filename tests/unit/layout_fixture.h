/* The fixture the line-breaking tests share (test_layout.c, the items and
 * lines; test_linebreak.c, where the lines end): fonts, a layout and the
 * lines it appends to, made afresh for each test, and check_lines, which
 * checks every line it is given. Each test file includes it once, into a
 * Criterion executable of its own, so the state below is that file's. */
#ifndef JTAI_TEST_LAYOUT_FIXTURE_H
#define JTAI_TEST_LAYOUT_FIXTURE_H

#include <criterion/criterion.h>
#include <stdbool.h>
#include <string.h>

#include "core/buf.h"
#include "core/diag.h"
#include "core/font.h"
#include "core/utf8.h"
#include "render/layout.h"
#include "testutil.h"

#define EPS 1e-6

static struct diag_sink sink;
static struct fontset fonts;
static struct layout lay;
static struct lines lines;

static void
setup(void)
{
	diag_init(&sink);
	test_fonts(&fonts);
	layout_init(&lay, &fonts);
	lines_init(&lines);
}

static void
teardown(void)
{
	lines_release(&lines);
	layout_release(&lay);
	fontset_release(&fonts);
	diag_release(&sink);
}

static struct run
mkrun(const char *s, enum font_role face)
{
	return (struct run){
	    .text = s, .len = strlen(s), .face = face, .size = 12, .link = -1};
}

static bool
boundary(const struct run *r, size_t at)
{
	return at == r->len || ((unsigned char)r->text[at] & 0xC0) != 0x80;
}

/* Whether line ln shows a single character (and its combining marks):
 * the one thing allowed to be wider than the line. */
static bool
one_char(const struct run *runs, const struct line *ln)
{
	size_t chars = 0;
	for (size_t s = ln->seg; s < ln->seg + ln->nseg; s++) {
		const struct line_seg *sg = &lines.seg[s];
		const char *t = runs[sg->run].text;
		for (size_t i = sg->start; i < sg->end;) {
			unsigned cp;
			i += utf8_decode(t + i, sg->end - i, &cp);
			if (cp < 0x300 || cp > 0x36F)
				chars++;
		}
	}
	return chars == 1;
}

/* Checks every line of out against width and UTF-8 boundaries, and
 * returns the text of all lines joined by sep (a malloc'd string). */
static char *
check_lines(const struct run *runs, size_t nlines, double width,
            const char *sep)
{
	struct buf all;
	buf_init(&all);
	for (size_t i = 0; i < nlines; i++) {
		const struct line *ln = &lines.line[i];
		if (ln->width > width + EPS)
			cr_assert(one_char(runs, ln), "line %zu: %g > %g", i,
			          ln->width, width);
		double x = 0;
		for (size_t s = ln->seg; s < ln->seg + ln->nseg; s++) {
			const struct line_seg *sg = &lines.seg[s];
			const struct run *r = &runs[sg->run];
			cr_assert(boundary(r, sg->start) &&
			              boundary(r, sg->end),
			          "segment inside a UTF-8 sequence");
			cr_assert_float_eq(sg->x, x, EPS);
			double w = layout_measure(&lay, r->face, r->size,
			                          r->text + sg->start,
			                          sg->end - sg->start);
			cr_assert_float_eq(sg->width, w, EPS);
			x += sg->width;
			buf_append(&all, r->text + sg->start,
			           sg->end - sg->start);
		}
		cr_assert_float_eq(ln->width, x, EPS);
		if (i + 1 < nlines)
			buf_puts(&all, sep);
	}
	return buf_detach(&all);
}

#endif
