/* The cairo backend and the SVG it writes: well-formed, ids prefixed per
 * chart and renumbered, the data table carried in the SVG, PNG opaque at
 * the size asked, and SVG and PNG bytes the same across runs. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart/chart.h"
#include "chart/svgdata.h"
#include "chart/svgid.h"
#include "chart_fixture.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/value.h"

TestSuite(chart_output, .init = chart_setup, .fini = chart_teardown);

/* Checks that tags nest and close: a small stack machine over the text. */
static void
assert_well_formed(const char *svg)
{
	char stack[64][32];
	int depth = 0, roots = 0;
	for (const char *p = svg; (p = strchr(p, '<')) != NULL;) {
		if (p[1] == '?' || p[1] == '!') {
			p = strchr(p, '>');
			cr_assert_not_null(p);
			continue;
		}
		bool close = p[1] == '/';
		const char *name = p + 1 + close;
		size_t n = strcspn(name, " \t\n/>");
		const char *end = strchr(p, '>');
		cr_assert_not_null(end);
		cr_assert(n > 0 && n < 32);
		if (close) {
			cr_assert_gt(depth, 0);
			depth--;
			cr_assert_eq(strncmp(stack[depth], name, n), 0);
			cr_assert_eq(stack[depth][n], '\0');
		} else if (end[-1] != '/') {
			cr_assert_lt(depth, 64);
			if (depth == 0)
				roots++;
			memcpy(stack[depth], name, n);
			stack[depth++][n] = '\0';
		}
		p = end + 1;
	}
	cr_assert_eq(depth, 0);
	cr_assert_eq(roots, 1);
}

static void
assert_prefixed(const char *svg, const char *before)
{
	size_t n = strlen(before);
	int count = 0;
	for (const char *p = svg; (p = strstr(p, before)) != NULL; p += n) {
		cr_assert_eq(strncmp(p + n, CHART "-", strlen(CHART) + 1), 0,
		             "%.40s", p);
		count++;
	}
	cr_assert_gt(count, 0, "no %s", before);
}

Test(chart_output, svg)
{
	struct scene *s = sample();
	struct buf a, b;
	buf_init(&a);
	buf_init(&b);
	cr_assert_eq(chart_write_svg(s, &fonts, &a, &sink), 0);
	const char *svg = buf_cstr(&a);
	cr_assert_eq(strncmp(svg, "<?xml", 5), 0);
	cr_assert_not_null(strstr(svg, "version=\"1.1\""));
	cr_assert_not_null(strstr(svg, "width=\"453.5pt\""));
	cr_assert_not_null(strstr(svg, "<title>Strengths and areas"));
	assert_well_formed(svg);
	assert_prefixed(svg, " id=\"");
	assert_prefixed(svg, "href=\"#");
	cr_assert_null(strstr(svg, "\"#glyph"));
	cr_assert_null(strstr(svg, "\"#surface"));

	/* Another chart drawn in between moves cairo's surface counter;
	 * the second document must still be the same bytes. */
	struct scene *other = sample();
	cr_assert_eq(chart_write_svg(other, &fonts, &b, &sink), 0);
	buf_clear(&b);
	cr_assert_eq(chart_write_svg(sample(), &fonts, &b, &sink), 0);
	cr_assert_eq(a.len, b.len);
	cr_assert_eq(memcmp(a.data, b.data, a.len), 0);
	buf_release(&a);
	buf_release(&b);
}

static unsigned long
be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 |
	       (unsigned long)p[2] << 8 | p[3];
}

Test(chart_output, png)
{
	struct scene *s = sample();
	struct buf a, b;
	buf_init(&a);
	buf_init(&b);
	cr_assert_eq(chart_write_png(s, &fonts, 144, &a, &sink), 0);
	cr_assert_eq(chart_write_png(sample(), &fonts, 144, &b, &sink), 0);
	const unsigned char *p = (const unsigned char *)a.data;
	cr_assert_gt(a.len, 33);
	cr_assert_eq(memcmp(p, "\x89PNG\r\n\x1a\n", 8), 0);
	cr_assert_eq(be32(p + 16), (unsigned long)ceil(WIDTH * 2));
	cr_assert_eq(be32(p + 20), (unsigned long)ceil(s->height * 2));
	cr_assert_eq(p[25], 2); /* truecolour, no alpha: opaque */
	cr_assert_eq(a.len, b.len);
	cr_assert_eq(memcmp(a.data, b.data, a.len), 0);
	if (getenv("JTAI_CHART_PNG")) { /* for looking at it */
		FILE *f = fopen(getenv("JTAI_CHART_PNG"), "wb");
		cr_assert_not_null(f);
		fwrite(a.data, 1, a.len, f);
		fclose(f);
	}
	buf_release(&a);
	buf_release(&b);
}

Test(chart_output, png_too_large)
{
	struct buf out;
	buf_init(&out);
	cr_assert_eq(chart_write_png(sample(), &fonts, 1e6, &out, &sink), -1);
	cr_assert_eq(out.len, 0);
	cr_assert_gt(sink.errors, 0);
	buf_release(&out);
}

Test(chart_output, svgid_renumbers)
{
	const char *in =
	    "<svg x=\"1\"><g id=\"surface7\"><use "
	    "xlink:href=\"#glyph0-3\"/><g clip-path=\"url(#clip2)\" "
	    "fill=\"#surface8\"/><clipPath id=\"clip2\"/>"
	    "<symbol id=\"glyph0-3\"/><g id=\"surface9\"/></g></svg>";
	struct buf out;
	buf_init(&out);
	svgid_rewrite(in, strlen(in), "c", "\n<title>A &amp; B</title>", &out);
	cr_assert_str_eq(
	    buf_cstr(&out),
	    "<svg x=\"1\">\n<title>A &amp; B</title><g "
	    "id=\"c-surface0\"><use xlink:href=\"#c-glyph0-3\"/><g "
	    "clip-path=\"url(#c-clip0)\" fill=\"#surface8\"/>"
	    "<clipPath id=\"c-clip0\"/><symbol id=\"c-glyph0-3\"/>"
	    "<g id=\"c-surface1\"/></g></svg>");
	buf_release(&out);
}

Test(chart_output, svg_carries_its_data_and_ids_differ_by_content)
{
	struct buf a, b;
	buf_init(&a);
	buf_init(&b);
	struct value *m = model_new("Northshire");
	add_agency(m, "Police & <Crime> #1", 2, 4);
	struct scene *s = draw(m);
	cr_assert_eq(chart_write_svg(s, &fonts, &a, &sink), 0);
	const char *svg = buf_cstr(&a);
	assert_well_formed(svg);
	cr_assert_not_null(strstr(svg, "<metadata>\n<jtai:table xmlns:jtai="));
	cr_assert_not_null(strstr(svg, "<jtai:th scope=\"row\">Police &amp; "
	                               "&lt;Crime&gt; &#35;1</jtai:th>"
	                               "<jtai:td class=\"right\">2</jtai:td>"));
	/* Another area, another chart: no id in common. */
	cr_assert_eq(chart_write_svg(sample(), &fonts, &b, &sink), 0);
	cr_assert_str_neq(s->id, sample()->id);
	const char *id = strstr(svg, " id=\"");
	cr_assert_not_null(id);
	char first[64];
	sscanf(id, " id=\"%63[^\"]", first);
	char needle[80];
	snprintf(needle, sizeof(needle), "id=\"%s\"", first);
	cr_assert_null(strstr(buf_cstr(&b), needle), "%s twice", first);

	/* The HTML page takes the table out of the SVG. */
	struct buf rest, table;
	buf_init(&rest);
	buf_init(&table);
	cr_assert_eq(svgdata_split(a.data, a.len, &rest, &table), 1);
	cr_assert_null(strstr(buf_cstr(&rest), "metadata"));
	cr_assert_null(strstr(buf_cstr(&rest), "jtai:"));
	assert_well_formed(buf_cstr(&rest));
	cr_assert_str_eq(
	    buf_cstr(&table),
	    "<table>\n<thead>\n<tr><th scope=\"col\">Agency</th>"
	    "<th scope=\"col\" class=\"right\">Strengths</th>"
	    "<th scope=\"col\" class=\"right\">Areas for improvement</th>"
	    "</tr>\n</thead>\n<tbody>\n<tr><th scope=\"row\">Police &amp; "
	    "&lt;Crime&gt; &#35;1</th><td class=\"right\">2</td>"
	    "<td class=\"right\">4</td></tr>\n</tbody>\n</table>");
	buf_clear(&rest);
	cr_assert_eq(svgdata_split("<svg/>", 6, &rest, &table), 0);
	cr_assert_str_eq(buf_cstr(&rest), "<svg/>");
	buf_release(&rest);
	buf_release(&table);
	buf_release(&a);
	buf_release(&b);
}

Test(chart_output, every_chart_same_bytes)
{
	/* SVG and PNG bytes the same across runs, whatever was drawn in
	 * between (cairo's surface counter moves). */
	struct value *m = cases_model("Riverford", 2, 1);
	add_rated(m, "csc", "Children's social care", (long[]){0, 2, 1, 0});
	struct value *d = dates_model("2025-09-29", "2025-10-13", "2025-10-17",
	                              "2025-11-24", "2026-03-05");
	value_put(arena, m, "dates", (struct value *)value_get(d, "dates"));
	const char *names[] = {CASES, TIMELINE, CHART};
	for (size_t i = 0; i < 3; i++) {
		struct buf a, b;
		buf_init(&a);
		buf_init(&b);
		struct scene *s = draw_chart(names[i], m);
		cr_assert_eq(chart_write_svg(s, &fonts, &a, &sink), 0);
		cr_assert_eq(chart_write_png(s, &fonts, 100, &a, &sink), 0);
		cr_assert_eq(chart_write_svg(sample(), &fonts, &b, &sink), 0);
		buf_clear(&b);
		s = draw_chart(names[i], m);
		cr_assert_eq(chart_write_svg(s, &fonts, &b, &sink), 0);
		cr_assert_eq(chart_write_png(s, &fonts, 100, &b, &sink), 0);
		cr_assert_eq(a.len, b.len, "%s", names[i]);
		cr_assert_eq(memcmp(a.data, b.data, a.len), 0, "%s", names[i]);
		buf_release(&a);
		buf_release(&b);
	}
}
