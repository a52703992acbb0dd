/* The SVG and PNG backends: SVG well-formed, with text as text at the PDF's
 * places and widths and no id, the data table carried in the SVG, PNG
 * opaque at the size asked, and SVG and PNG bytes the same across runs. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart/chart.h"
#include "chart/svgdata.h"
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
	/* Nothing for two charts in one page to share: no id, no
	 * reference; text as text in the letter's family, held to the width
	 * the PDF gives it. */
	cr_assert_null(strstr(svg, " id="));
	cr_assert_null(strstr(svg, "href="));
	cr_assert_null(strstr(svg, "url("));
	cr_assert_not_null(strstr(svg, "font-family=\"'Liberation Sans', "
	                               "Arial, Helvetica, sans-serif\""));
	const char *t = strstr(svg, "<text ");
	cr_assert_not_null(t);
	cr_assert_not_null(strstr(svg, ">Strengths</text>"));
	/* the title: bold, 10 pt, at the left edge, as the PDF draws it */
	double x, y, size, len;
	cr_assert_eq(sscanf(t, "<text x=\"%lf\" y=\"%lf\" font-size=\"%lf\" "
	                       "font-weight=\"bold\" fill=\"#0b0c0c\" "
	                       "textLength=\"%lf\">",
	                    &x, &y, &size, &len),
	             4, "%.120s", t);
	cr_assert_float_eq(x, 0, 1e-9);
	cr_assert_float_eq(size, 10, 1e-9);
	const char *title = strchr(t, '>') + 1;
	const char *title_end = strstr(title, "</text>");
	cr_assert_float_eq(len,
	                   font_width(fonts.face[FONT_BOLD], title,
	                              (size_t)(title_end - title), 10),
	                   0.006);

	/* Another chart drawn in between changes nothing: the second
	 * document must be the same bytes. */
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

Test(chart_output, svg_carries_its_data_and_escapes_text)
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
	/* The label as text, escaped for XML; '#' too, so that the HTML
	 * page's id rewriting never reads it as a reference. */
	cr_assert_not_null(strstr(svg, ">Police &amp; &lt;Crime&gt; &#35;1"
	                               "</text>"));

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

Test(chart_output, svg_numbers_and_colours)
{
	/* Hundredths of a point, rounded half away from zero, no trailing
	 * zero and no "-0", whatever the locale; colours as #rrggbb. */
	struct scene *s = scene_new(arena, "numbers", 100.5, 20);
	scene_rect(s, -0.004, 0.125, 3, -2.5, (struct rgb){1, 0.5, 0});
	scene_line(s, 1234567.25, 7, -1e300, 7, 0.75, (struct rgb){0, 0, 0});
	scene_text(s, 50, 10, "A \"quoted\" 'label'", 8, false, ANCHOR_MIDDLE,
	           (struct rgb){0.2, 0.2, 0.2});
	struct buf out;
	buf_init(&out);
	cr_assert_eq(chart_write_svg(s, &fonts, &out, &sink), 0);
	const char *svg = buf_cstr(&out);
	assert_well_formed(svg);
	cr_assert_not_null(strstr(svg, "width=\"100.5pt\" height=\"20pt\" "
	                               "viewBox=\"0 0 100.5 20\""));
	cr_assert_not_null(strstr(svg, "<path fill=\"#ff8000\" d=\"M0 0.13L3 "
	                               "0.13L3 -2.38L0 -2.38Z\"/>"),
	                   "%s", svg);
	cr_assert_not_null(strstr(svg, "stroke=\"#000000\" stroke-width="
	                               "\"0.75\" d=\"M1234567.25 7L0 7\"/>"),
	                   "%s", svg);
	/* a middle anchor resolved to the start, as in the PDF */
	const char *label = "A \"quoted\" 'label'";
	double w = font_width(fonts.face[FONT_REGULAR], label, strlen(label), 8);
	char x[32];
	snprintf(x, sizeof(x), "<text x=\"%.2f", 50 - w / 2);
	while (x[strlen(x) - 1] == '0')
		x[strlen(x) - 1] = '\0';
	cr_assert_not_null(strstr(svg, x), "%s not in %s", x, svg);
	cr_assert_not_null(strstr(svg, "fill=\"#333333\""));
	cr_assert_not_null(strstr(svg, ">A &quot;quoted&quot; &apos;label&apos;"
	                               "</text>"));
	buf_release(&out);
}
