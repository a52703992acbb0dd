/* render/linebreak: where the lines end. First fit is greedy; total fit
 * is the default, never costs more than first fit, finds the least cost
 * of all breaks, and is better where first fit is known to be poor; no
 * line exceeds a sweep of measures; a runt is given company when that
 * costs little, and stays when nothing better exists; no-break spaces and
 * numbers with their units hold; URLs break at safe points, hyphens only
 * where it helps. The items and lines are tested in test_layout.c. */
#include <criterion/criterion.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "core/font.h"
#include "layout_fixture.h"
#include "render/layout.h"

#define NBSP  "\xC2\xA0"     /* U+00A0 */
#define NNBSP "\xE2\x80\xAF" /* U+202F */

TestSuite(linebreak, .init = setup, .fini = teardown);

Test(linebreak, first_fit_is_greedy)
{
	const char *s =
	    "Practitioners across agencies demonstrate a good "
	    "understanding of the signs that a child may be at risk "
	    "of exploitation, and referrals are of good quality.";
	struct run r = mkrun(s, FONT_REGULAR);
	double width = 200;
	lay.breaker = layout_break_first_fit;
	size_t n = layout_paragraph(&lay, &r, 1, width, &lines);
	cr_assert_gt(n, 2);
	double space = layout_measure(&lay, FONT_REGULAR, 12, " ", 1);
	for (size_t i = 0; i + 1 < n; i++) {
		const struct line_seg *next = &lines.seg[lines.line[i + 1].seg];
		const char *w = s + next->start;
		size_t wl = strcspn(w, " ");
		double ww = layout_measure(&lay, FONT_REGULAR, 12, w, wl);
		cr_assert_gt(lines.line[i].width + space + ww, width,
		             "line %zu could have taken the next word", i);
	}
}

/* Real paragraphs of letters, with no hyphen nor word too long, so that
 * neither breaker has a penalty to pay. */
static const char *const prose[] = {
    "This inspection took place from 16 to 20 March 2026. It was carried "
    "out by inspectors from the Office for Standards in Education, "
    "Children's Services and Skills (Ofsted), the Care Quality Commission "
    "(CQC), His Majesty's Inspectorate of Constabulary and Fire & Rescue "
    "Services (HMICFRS) and His Majesty's Inspectorate of Probation (HMI "
    "Probation).",
    "Since the last inspection, the number of children referred to "
    "children's social care has risen sharply, and the local authority has "
    "not had enough social workers to respond. Some children wait too long "
    "for a decision after a referral is made, and some children at risk of "
    "significant harm are not seen quickly enough to keep them safe. During "
    "the inspection, inspectors referred four children's cases to senior "
    "managers because the risks to the children had not been assessed or "
    "acted on. Managers took prompt action in each case.",
    "Decisions for children to come into care are appropriate, but for "
    "some children they are made late, after long periods of drift in child "
    "in need or child protection planning. The local authority finds "
    "adoptive families for children quickly, including for older children "
    "and for brothers and sisters who need to live together. Care leavers "
    "are supported well by committed personal advisers, but too few are in "
    "education, employment or training, and pathway plans are not always up "
    "to date.",
    "The director of children’s services, appointed in September 2015, has "
    "an accurate understanding of the weaknesses and has secured an extra "
    "£3.2 million to recruit social workers and managers. These are the "
    "right actions, but they have not yet made enough difference to the "
    "experiences of children who need help and protection. Performance "
    "information has improved, but managers do not yet use it consistently "
    "to check the quality of practice or to challenge drift.",
};

/* Sets runs[0..nr) at width with breaker fn into a fresh lines. */
static size_t
set(const struct run *runs, size_t nr, double width, layout_breaker_fn *fn)
{
	lines.n = lines.nseg = 0;
	lay.breaker = fn;
	return layout_paragraph(&lay, runs, nr, width, &lines);
}

/* The sum of the squared slack of every line but the last, in pt^2. */
static double
raggedness(size_t n, double width)
{
	double r = 0;
	for (size_t i = 0; i + 1 < n; i++) {
		double slack = width - lines.line[i].width;
		r += slack * slack;
	}
	return r;
}

/* Whether the breaks in lay.brk include a penalty item. */
static bool
broke_at_penalty(void)
{
	for (size_t b = 0; b < lay.nbrk; b++)
		if (lay.brk[b] < lay.nitem &&
		    lay.item[lay.brk[b]].kind == ITEM_PENALTY &&
		    lay.item[lay.brk[b]].penalty != LAYOUT_FORCE)
			return true;
	return false;
}

/* The lines of text s in face at size, width, with fn, joined by '|'. */
static char *
set_text(const char *s, enum font_role face, double size, double width,
         layout_breaker_fn *fn)
{
	struct run r = mkrun(s, face);
	r.size = size;
	size_t n = set(&r, 1, width, fn);
	return check_lines(&r, n, width, "|");
}

Test(linebreak, total_fit_is_the_default)
{
	cr_assert(lay.breaker == layout_break_total_fit);
}

Test(linebreak, total_fit_is_never_more_ragged_than_first_fit)
{
	static const double widths[] = {120, 150, 200, 260.5, 300, 425, 453.5};
	int better = 0;
	for (size_t p = 0; p < sizeof(prose) / sizeof(*prose); p++) {
		struct run r = mkrun(prose[p], FONT_REGULAR);
		for (size_t k = 0; k < sizeof(widths) / sizeof(*widths); k++) {
			double w = widths[k];
			size_t nf = set(&r, 1, w, layout_break_first_fit);
			double rf = raggedness(nf, w);
			double df = layout_demerits(&lay, w);
			cr_assert_not(broke_at_penalty());
			size_t nt = set(&r, 1, w, layout_break_total_fit);
			double rt = raggedness(nt, w);
			double dt = layout_demerits(&lay, w);
			cr_assert_not(broke_at_penalty());
			cr_assert_leq(dt, df + EPS, "paragraph %zu at %g", p,
			              w);
			cr_assert_leq(rt, rf + EPS,
			              "paragraph %zu at %g: %g > %g", p, w, rt,
			              rf);
			cr_assert_geq(nt, nf, "first fit uses fewest lines");
			better += rt < rf - 1;
		}
	}
	cr_assert_geq(better, 20, "less ragged on %d of 28 only", better);
}

Test(linebreak, total_fit_costs_no_more_than_first_fit_with_penalties)
{
	static const char *const s[] = {
	    "The multi-agency safeguarding hub (MASH) is well established, "
	    "and a co-located team of social workers, police officers and "
	    "health practitioners make decisions within 24 hours; see "
	    "https://www.gov.uk/government/publications/working-together-to-"
	    "safeguard-children--2 for the statutory guidance on "
	    "information-sharing and child-centred practice.",
	    "Mr\xC2\xA0Smith met the team on 5 March 2026 at 9.30 am, when "
	    "14 per cent of the 2,500 referrals had waited more than 5 working "
	    "days; inter-agency strategy discussions were held on 12 of them.",
	};
	for (size_t p = 0; p < 2; p++) {
		struct run r = mkrun(s[p], FONT_REGULAR);
		for (double w = 40; w < 500; w += 9.5) {
			size_t nf = set(&r, 1, w, layout_break_first_fit);
			free(check_lines(&r, nf, w, "|"));
			double df = layout_demerits(&lay, w);
			size_t nt = set(&r, 1, w, layout_break_total_fit);
			free(check_lines(&r, nt, w, "|"));
			double dt = layout_demerits(&lay, w);
			cr_assert_leq(dt, df + EPS,
			              "paragraph %zu at %g: %g > %g", p, w, dt,
			              df);
		}
	}
}

/* Mono at 10 pt: every character, space included, is 6 pt wide. */
Test(linebreak, total_fit_beats_first_fit_where_greed_hurts)
{
	const char *s = "aaa bb cc ddddd";
	char *ff = set_text(s, FONT_MONO, 10, 36, layout_break_first_fit);
	char *tf = set_text(s, FONT_MONO, 10, 36, layout_break_total_fit);
	cr_assert_str_eq(ff, "aaa bb|cc|ddddd"); /* slack 0, 24: 576 */
	cr_assert_str_eq(tf, "aaa|bb cc|ddddd"); /* slack 18, 6: 360 */
	cr_assert_float_eq(raggedness(3, 36), 360, EPS);
	free(ff);
	free(tf);
}

/* Runts. Mono at 10 pt on a measure of 120 pt: 20 characters a line, a
 * runt is a last line under 18 pt (15 %), one or two characters. */
Test(linebreak, a_runt_is_given_company_when_that_costs_little)
{
	const char *s = "aaaaaaaaaaaa bbbb cc dd";
	char *ff = set_text(s, FONT_MONO, 10, 120, layout_break_first_fit);
	cr_assert_str_eq(ff, "aaaaaaaaaaaa bbbb cc|dd");
	/* two lines, the first full, and the runt's cost */
	cr_assert_float_eq(layout_demerits(&lay, 120), 100 + 100 + 625, EPS);
	char *tf = set_text(s, FONT_MONO, 10, 120, layout_break_total_fit);
	cr_assert_str_eq(tf, "aaaaaaaaaaaa bbbb|cc dd");
	/* the first line 15 % short: 225 */
	cr_assert_float_eq(layout_demerits(&lay, 120), 100 + 225 + 100, EPS);
	free(ff);
	free(tf);
	/* the same before a hard break; the line after it is alone in its
	 * stretch, however short */
	tf = set_text("aaaaaaaaaaaa bbbb cc dd\nx", FONT_MONO, 10, 120,
	              layout_break_total_fit);
	cr_assert_str_eq(tf, "aaaaaaaaaaaa bbbb|cc dd|x");
	free(tf);
	/* a short paragraph of one line is no runt */
	tf = set_text("x", FONT_MONO, 10, 120, layout_break_total_fit);
	cr_assert_float_eq(layout_demerits(&lay, 120), 100, EPS);
	free(tf);
	/* an addressee: "Board" alone under a full line, as first fit and the
	 * breaker without runts leave it */
	s = "Nkechi Adeleke, Chief Executive, NHS Westmarch and Riverford "
	    "Integrated Care Board";
	tf = set_text(s, FONT_REGULAR, 12, 453.5, layout_break_first_fit);
	cr_assert(strstr(tf, "Care|Board") != NULL, "%s", tf);
	free(tf);
	tf = set_text(s, FONT_REGULAR, 12, 453.5, layout_break_total_fit);
	cr_assert(strstr(tf, "Riverford|Integrated Care Board") != NULL, "%s",
	          tf);
	free(tf);
}

Test(linebreak, a_runt_stays_when_nothing_better_exists)
{
	/* no other break */
	char *t = set_text("aaaaaaaaaaaaaaaaaa bb", FONT_MONO, 10, 120,
	                   layout_break_total_fit);
	cr_assert_str_eq(t, "aaaaaaaaaaaaaaaaaa|bb");
	free(t);
	/* company for "cc" would leave the first line 55 % short: 3,025 */
	t = set_text("aaaaaaaaa bbbbbbbbbb cc", FONT_MONO, 10, 120,
	             layout_break_total_fit);
	cr_assert_str_eq(t, "aaaaaaaaa bbbbbbbbbb|cc");
	free(t);
	/* a line 30 % short (900) costs more than the runt; 25 % (625, from
	 * 5 %: 600 more) costs less */
	t = set_text("aaaaaaaaaaaaaa bbbbb c", FONT_MONO, 10, 120,
	             layout_break_total_fit);
	cr_assert_str_eq(t, "aaaaaaaaaaaaaa bbbbb|c");
	free(t);
	t = set_text("aaaaaaaaaaaaaaa bbb c", FONT_MONO, 10, 120,
	             layout_break_total_fit);
	cr_assert_str_eq(t, "aaaaaaaaaaaaaaa|bbb c");
	free(t);
}

/* Removes every what from s. */
static void
drop_all(char *s, const char *what)
{
	size_t n = strlen(what);
	char *o = s;
	while (*s)
		if (strncmp(s, what, n) == 0)
			s += n;
		else
			*o++ = *s++;
	*o = '\0';
}

/* What is left of text once breaks have dropped the spaces, no-break
 * spaces and hard breaks where lines end: compare without any. */
static void
no_breakables(char *s)
{
	drop_all(s, " ");
	drop_all(s, "\n");
	drop_all(s, NBSP);
	drop_all(s, NNBSP);
}

/* Whether the breaks in lay.brk give lines no wider than width. */
static bool
breaks_fit(double width)
{
	size_t s = 0;
	for (size_t b = 0; b < lay.nbrk; b++) {
		double w = 0, ink = 0;
		bool started = false;
		for (size_t k = s; k < lay.brk[b]; k++) {
			const struct layout_item *it = &lay.item[k];
			if (it->kind == ITEM_BOX) {
				w += it->width;
				ink = w;
				started = true;
			} else if (started && it->kind == ITEM_GLUE) {
				w += it->width;
			}
		}
		if (ink > width + EPS)
			return false;
		s = lay.brk[b] + 1;
	}
	return true;
}

/* Every set of breaks of a short paragraph, tried one by one: none costs
 * less than the one total fit finds. */
Test(linebreak, total_fit_finds_the_least_cost)
{
	static const char *const w[] = {"a",     "bb",     "ccc",     "dddd",
	                                "eeeee", "ffffff", "ggg-hhh", "ii"};
	unsigned seed = 7;
	unsigned long tried = 0;
	for (int trial = 0; trial < 60; trial++) {
		char s[200] = "";
		for (int i = 0; i < 13; i++) {
			seed = seed * 1103515245u + 12345u;
			strcat(s, w[(seed >> 16) % 8]);
			strcat(s, i < 12 ? " " : "");
		}
		double width = 6 * (8 + trial % 9); /* mono 10 pt */
		struct run r = mkrun(s, FONT_MONO);
		r.size = 10;
		set(&r, 1, width, layout_break_total_fit);
		double best = layout_demerits(&lay, width);
		cr_assert(breaks_fit(width));
		size_t cand[32], nc = 0;
		for (size_t i = 0; i < lay.nitem; i++) {
			const struct layout_item *it = &lay.item[i];
			if ((it->kind == ITEM_GLUE && i > 0 &&
			     lay.item[i - 1].kind == ITEM_BOX) ||
			    it->kind == ITEM_PENALTY)
				cand[nc++] = i;
		}
		cr_assert_leq(nc, 20);
		size_t brk[32], *keep = lay.brk;
		lay.brk = brk;
		for (unsigned long m = 0; m < 1ul << nc; m++) {
			lay.nbrk = 0;
			for (size_t c = 0; c < nc; c++)
				if (m >> c & 1)
					lay.brk[lay.nbrk++] = cand[c];
			lay.brk[lay.nbrk++] = lay.nitem;
			if (breaks_fit(width))
				cr_assert_geq(layout_demerits(&lay, width),
				              best - EPS, "'%s' at %g", s,
				              width);
		}
		lay.brk = keep;
		tried += 1ul << nc;
	}
	cr_assert_gt(tried, 100000);
}

Test(linebreak, lines_never_exceed_a_sweep_of_measures)
{
	struct run r[] = {
	    mkrun("On 5 March 2026 at 9.30 am Mr" NBSP "Smith of the "
	          "multi-agency team (see ",
	          FONT_REGULAR),
	    mkrun("https://www.gov.uk/guidance/working-together?a=1&b=2#top",
	          FONT_REGULAR),
	    mkrun(") said that 14 per cent of ", FONT_REGULAR),
	    mkrun("Supercalifragilisticexpialidocious", FONT_BOLD),
	    mkrun(" children’s cases, about £1.2m over 3 years, waited "
	          "10" NNBSP "days for a ",
	          FONT_REGULAR),
	    mkrun("decision()", FONT_MONO),
	    mkrun(".\nNext: naïve e\xCC\x81"
	          "e\xCC\x81 words.",
	          FONT_REGULAR)};
	r[1].link = 0;
	size_t nr = sizeof(r) / sizeof(*r);
	struct buf all;
	buf_init(&all);
	for (size_t i = 0; i < nr; i++)
		buf_append(&all, r[i].text, r[i].len);
	char *expect = buf_detach(&all);
	no_breakables(expect);
	layout_breaker_fn *fns[] = {layout_break_total_fit,
	                            layout_break_first_fit};
	for (double w = 0; w < 520; w += 0.75) {
		for (int f = 0; f < 2; f++) {
			size_t n = set(r, nr, w, fns[f]);
			cr_assert_gt(n, 1);
			char *text = check_lines(r, n, w, "");
			no_breakables(text);
			cr_assert_str_eq(text, expect, "at %g", w);
			free(text);
		}
	}
	free(expect);
}

/* The widest stretch with no free break, as layout_extent reports it: it
 * tells which spaces are ties. */
static double
widest(const char *s)
{
	struct run r = mkrun(s, FONT_REGULAR);
	double nat, min;
	layout_extent(&lay, &r, 1, &nat, &min);
	return min;
}

static double
width_of(const char *s)
{
	return layout_measure(&lay, FONT_REGULAR, 12, s, strlen(s));
}

Test(linebreak, no_break_spaces_hold_and_show)
{
	const char *s = "Letters to Mr" NBSP "Smith and Ms" NBSP "Jones, "
	                "Dr" NBSP "Patel, Mr" NBSP "Smith and 10" NNBSP
	                "km of road, Mr" NBSP "Smith again.";
	for (double w = widest(s); w < 460; w += 3.5) {
		char *text =
		    set_text(s, FONT_REGULAR, 12, w, layout_break_total_fit);
		cr_assert(strstr(text, "|Smith") == NULL, "at %g: %s", w, text);
		cr_assert(strstr(text, "|Jones") == NULL, "at %g: %s", w, text);
		cr_assert(strstr(text, "|Patel") == NULL, "at %g: %s", w, text);
		cr_assert(strstr(text, "|km") == NULL, "at %g: %s", w, text);
		drop_all(text, "|");
		drop_all(text, " ");
		char *e = xstrdup(s);
		drop_all(e, " ");
		cr_assert_str_eq(text, e, "the bytes are kept");
		free(e);
		free(text);
	}
	/* measured by its own glyph, as the PDF shows it */
	struct run r = mkrun("Mr" NBSP "Smith", FONT_REGULAR);
	cr_assert_eq(set(&r, 1, 453.5, layout_break_total_fit), 1);
	cr_assert_eq(lines.line[0].nseg, 1);
	cr_assert_float_eq(
	    lines.line[0].width,
	    layout_measure(&lay, FONT_REGULAR, 12, "Mr Smith", 8), EPS);
}

Test(linebreak, numbers_keep_their_units_and_dates_hold)
{
	static const struct {
		const char *text, *widest;
	} cases[] = {
	    {"it took 14 days", "14 days"},
	    {"by 5 March 2026.", "5 March 2026."},
	    {"on 21st September", "21st September"},
	    {"in March 2026 we", "March 2026"},
	    {"a 12% rise", "12%"},
	    {"about 14 per cent of them", "14 per cent"},
	    {"at 9.30 am, or", "9.30 am,"},
	    {"cost £1.2 million in all", "£1.2 million"},
	    {"see page 12 and Figure 3", "Figure 3"},
	    {"see page 12 or p. 3", "page 12"},
	    {"for 2,500 children", "children"},
	    {"aged 5. Months later", "Months"},
	    {"in 2025, 14 weeks", "14 weeks"},
	    {"on 5 may be", "may"},
	    {"over 3 years.", "3 years."},
	    {"on Monday 5 May 2026", "Monday 5 May 2026"},
	    {"rose 10 per child", "10 per"}, /* "per" is a unit */
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++)
		cr_assert_float_eq(widest(cases[i].text),
		                   width_of(cases[i].widest), EPS, "%s",
		                   cases[i].text);
}

Test(linebreak, numbers_and_dates_stay_on_one_line)
{
	const char *s =
	    "The review began on 5 March 2026 and took 14 days; about 14 per "
	    "cent of the 2,500 referrals were seen within 24 hours, and the "
	    "panel met at 9.30 am on 12 March 2026 to read page 12 again.";
	static const char *const kept[] = {
	    "5 March 2026", "14 days",       "14 per cent", "24 hours",
	    "9.30 am",      "12 March 2026", "page 12"};
	for (double w = width_of("12 March 2026 to"); w < 460; w += 2.5) {
		char *text =
		    set_text(s, FONT_REGULAR, 12, w, layout_break_total_fit);
		for (size_t k = 0; k < sizeof(kept) / sizeof(*kept); k++)
			cr_assert(strstr(text, kept[k]), "at %g: %s broken: %s",
			          w, kept[k], text);
		free(text);
	}
	/* too narrow for the date: its ties give way rather than overflow,
	 * where the rag is best */
	double w = width_of("March 2026") + 1;
	char *text = set_text("on 5 March 2026", FONT_REGULAR, 12, w,
	                      layout_break_total_fit);
	cr_assert_str_eq(text, "on 5 March|2026");
	free(text);
}

/* Whether the URL u, set in lines joined by '|', breaks only where it
 * may: after '/', '-', '?', '&', '=', '_', '#', or before '.'. */
static bool
broken_safely(const char *text)
{
	for (const char *bar = strchr(text, '|'); bar;
	     bar = strchr(bar + 1, '|'))
		if (bar == text || bar[1] == '\0' ||
		    (!strchr("/-?&=_#", bar[-1]) && bar[1] != '.'))
			return false;
	return true;
}

Test(linebreak, urls_break_at_safe_points)
{
	const char *url = "https://www.gov.uk/government/publications/"
	                  "working-together-to-safeguard-children--2"
	                  "?utm_source=letter&utm_medium=pdf#section-3";
	struct run r = mkrun(url, FONT_REGULAR);
	r.link = 0;
	/* the widest piece between two safe points */
	for (double w = width_of("publications/"); w < width_of(url); w += 3) {
		size_t n = set(&r, 1, w, layout_break_total_fit);
		cr_assert_gt(n, 1);
		char *text = check_lines(&r, n, w, "|");
		cr_assert(broken_safely(text), "at %g: %s", w, text);
		cr_assert(strstr(text, "/|/") == NULL);
		free(text);
	}
	/* a path is a URL even outside a link */
	char *text = set_text("see https://example.org/some/long/path/name",
	                      FONT_REGULAR, 12, 100, layout_break_total_fit);
	cr_assert_str_eq(text,
	                 "see https://|example.org/|some/long/path/|name");
	free(text);
	/* a URL that fits is never broken, not even at its hyphens */
	text = set_text("a https://x.org/multi-agency b", FONT_REGULAR, 12,
	                width_of("https://x.org/multi-agency"),
	                layout_break_first_fit);
	cr_assert_str_eq(text, "a|https://x.org/multi-agency|b");
	free(text);
}

/* Mono at 10 pt: every character, space included, is 6 pt wide. */
Test(linebreak, hyphens_break_only_where_it_helps)
{
	char *t = set_text("aaaa well-known bbb", FONT_MONO, 10, 60,
	                   layout_break_total_fit);
	cr_assert_str_eq(t, "aaaa well-|known bbb");
	free(t);
	/* "well-" would fill the first line, then "known" sits alone */
	t = set_text("aaaaaaaaaaaa well-known bbbbbbbbbbbbbbbb c", FONT_MONO,
	             10, 120, layout_break_total_fit);
	cr_assert_str_eq(t, "aaaaaaaaaaaa|well-known|bbbbbbbbbbbbbbbb c");
	free(t);
	t = set_text("aaaaaaaaaaaa well-known bbbbbbbbbbbbbbbb c", FONT_MONO,
	             10, 120, layout_break_first_fit);
	cr_assert_str_eq(t, "aaaaaaaaaaaa well-|known|bbbbbbbbbbbbbbbb c");
	free(t);
	/* first fit takes any break that fits: none in these */
	static const char *const whole[] = {"e-mail",  "X-ray", "2020-21",
	                                    "well-kn", "re-do", "co-op"};
	for (size_t i = 0; i < sizeof(whole) / sizeof(*whole); i++) {
		char s[40];
		snprintf(s, sizeof(s), "aaaa %s", whole[i]);
		t = set_text(s, FONT_MONO, 10, 6 * (strlen(s) - 2),
		             layout_break_first_fit);
		cr_assert(strncmp(t, "aaaa|", 5) == 0, "%s", t);
		free(t);
	}
}

Test(linebreak, forced_breaks_and_blank_paragraphs)
{
	static const struct {
		const char *text, *lines;
		size_t n;
	} cases[] = {
	    {"", "", 0},
	    {"   ", "", 1},
	    {"\n", "", 1},
	    {"  \n  ", "", 1},
	    {"a\n", "a", 1},
	    {"a\n\nb", "a||b", 3},
	    {" a \n b ", "a|b", 2},
	    {"\n\na", "||a", 3},
	};
	layout_breaker_fn *fns[] = {layout_break_total_fit,
	                            layout_break_first_fit};
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		for (int f = 0; f < 2; f++) {
			struct run r = mkrun(cases[i].text, FONT_REGULAR);
			size_t n = set(&r, 1, 100, fns[f]);
			cr_assert_eq(n, cases[i].n, "'%s'", cases[i].text);
			char *t = check_lines(&r, n, 100, "|");
			cr_assert_str_eq(t, cases[i].lines);
			free(t);
		}
	}
	/* a line before a forced break costs nothing, however short */
	char *t = set_text("aaaa bbbb cc\nddd eee fff", FONT_MONO, 10, 60,
	                   layout_break_total_fit);
	cr_assert_str_eq(t, "aaaa bbbb|cc|ddd eee|fff");
	free(t);
}

Test(linebreak, very_narrow_measures_make_progress)
{
	struct run r[] = {mkrun("A café, 5 March 2026 e\xCC\x81t", FONT_BOLD),
	                  mkrun(" https://x.org/a_b ", FONT_MONO),
	                  mkrun("WWW", FONT_REGULAR)};
	static const double widths[] = {0, 0.5, 1, 3, 6.9, 7.3, 12};
	for (size_t k = 0; k < sizeof(widths) / sizeof(*widths); k++) {
		size_t n = set(r, 3, widths[k], layout_break_total_fit);
		cr_assert_geq(n, 10);
		char *t = check_lines(r, n, widths[k], "");
		no_breakables(t);
		cr_assert_str_eq(t, "Acafé,5March2026e\xCC\x81thttps://x.org/"
		                    "a_bWWW");
		free(t);
	}
}

Test(linebreak, word_wider_than_the_line_fills_lines)
{
	char *t = set_text("xx abcdefghijklmnopqrstuvwxyz yy", FONT_MONO, 10,
	                   60, layout_break_total_fit);
	cr_assert_str_eq(t, "xx|abcdefghij|klmnopqrst|uvwxyz yy");
	free(t);
}

Test(linebreak, breaks_do_not_depend_on_the_past)
{
	struct run r = mkrun(prose[1], FONT_REGULAR);
	size_t n = set(&r, 1, 250, layout_break_total_fit);
	char *a = check_lines(&r, n, 250, "|");
	struct run other = mkrun(prose[2], FONT_BOLD);
	set(&other, 1, 100, layout_break_total_fit);
	n = set(&r, 1, 250, layout_break_total_fit);
	char *b = check_lines(&r, n, 250, "|");
	cr_assert_str_eq(a, b);
	free(a);
	free(b);
}

/* Everything fits a line of text of no width: the look-back is capped. */
Test(linebreak, text_of_no_width_is_broken_quickly, .timeout = 5)
{
	struct buf b;
	buf_init(&b);
	for (int i = 0; i < 20000; i++)
		buf_puts(&b, "word ");
	struct run r = mkrun(buf_cstr(&b), FONT_REGULAR);
	r.size = 0;
	size_t n = set(&r, 1, 453.5, layout_break_total_fit);
	cr_assert_gt(n, 0);
	free(check_lines(&r, n, 453.5, "|"));
	buf_release(&b);
}
