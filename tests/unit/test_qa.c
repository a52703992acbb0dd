/* qa: the checks before publication. The rules' own examples, places
 * inside every kind of YAML scalar, waivers, the framework's settings,
 * hits in what a template writes, provenance, and time bounds on hostile
 * text. The corpus of sentences is tests/qa/. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/file.h"
#include "core/value.h"
#include "core/yaml.h"
#include "draft/draft.h"
#include "ingest/ingest.h"
#include "ingest/model.h"
#include "merge/merge.h"
#include "qa/gate.h"
#include "qa/lint.h"
#include "qa/qa.h"
#include "qa/srcmap.h"
#include "testutil.h"

/* The settings the rules' examples are written for: jtai-2022's. */
static void
example_config(struct qa_config *c, struct arena *a)
{
	static const char *const known[] = {"Northshire", "Northshire Police"};
	static const char *const never[] = {"Kayden Marsh"};
	static const char *const abbr[] = {"UK", "NHS", "GP", "HM", "COVID"};
	static const char *const domains[] = {"ofsted.gov.uk", "cqc.org.uk"};
	static const struct qa_term term = {"looked after children",
	                                    "children in care"};
	qa_config_init(c);
	qa_config_known(c, a, known, 2);
	c->never_print = never;
	c->nnever_print = 1;
	c->abbreviations = abbr;
	c->nabbreviations = 5;
	c->email_domains = domains;
	c->nemail_domains = 2;
	c->terms = &term;
	c->nterms = 1;
}

static bool
lint_has(const struct qa_config *c, const char *s, int rule, bool any_pd)
{
	struct qa_hits h = {0};
	qa_lint(c, s, strlen(s), QA_FIRST_USE, NULL, 0, &h);
	bool found = false;
	for (size_t i = 0; i < h.n; i++)
		found |= (int)h.v[i].rule == rule ||
		         (any_pd && qa_rules[h.v[i].rule].personal);
	qa_hits_release(&h);
	return found;
}

Test(qa, every_rule_fires_on_its_example_and_passes_its_near_miss)
{
	struct arena *a = arena_new();
	struct qa_config c;
	example_config(&c, a);
	for (int r = 0; r < QA_NRULES; r++) {
		const struct qa_rule *q = &qa_rules[r];
		cr_expect(lint_has(&c, q->fires, r, false),
		          "%s does not fire on: %s", q->id, q->fires);
		cr_expect(!lint_has(&c, q->passes, r, true), "%s fires on: %s",
		          q->id, q->passes);
		cr_expect(qa_rule_find(q->id) == q);
		cr_expect_eq(q->personal, !strncmp(q->id, "pd-", 3));
	}
	cr_expect_null(qa_rule_find("pd-nothing"));
	arena_free(a);
}

Test(qa, docs_list_every_rule_with_its_examples)
{
	struct buf doc;
	buf_init(&doc);
	struct diag_sink d;
	diag_init(&d);
	cr_assert_eq(file_read(test_src("docs/checks.md"), &doc, &d), 0);
	for (int r = 0; r < QA_NRULES; r++) {
		const struct qa_rule *q = &qa_rules[r];
		cr_expect(strstr(buf_cstr(&doc), q->id), "%s missing", q->id);
		cr_expect(strstr(buf_cstr(&doc), q->fires),
		          "%s: example missing", q->id);
		cr_expect(strstr(buf_cstr(&doc), q->passes),
		          "%s: near miss missing", q->id);
	}
	buf_release(&doc);
	diag_release(&d);
}

Test(qa, numbers_follow_the_frameworks_style)
{
	struct qa_config c;
	qa_config_init(&c);
	cr_expect(lint_has(&c, "Inspectors met 6 social workers.", QA_NUMBERS,
	                   false));
	cr_expect(!lint_has(&c, "Inspectors met six social workers.",
	                    QA_NUMBERS, false));
	c.numbers = QA_NUMBERS_NUMERALS;
	cr_expect(lint_has(&c, "Inspectors met six social workers.", QA_NUMBERS,
	                   false));
	cr_expect(!lint_has(&c, "Inspectors met 6 social workers.", QA_NUMBERS,
	                    false));
	c.off[QA_NUMBERS] = true;
	cr_expect(!lint_has(&c, "Inspectors met six social workers.",
	                    QA_NUMBERS, false));
	/* a personal-data rule cannot be turned off */
	c.off[QA_POSTCODE] = true;
	cr_expect(lint_has(&c, "She lives near NR2 4QZ.", QA_POSTCODE, false));
}

/* A sentence-length unit: the template's values count as one word. */
Test(qa, a_value_the_template_puts_in_counts_as_one_word)
{
	struct qa_config c;
	qa_config_init(&c);
	const char *s =
	    "Inspectors looked at the work of A, B, C, D, E, F, G, H, "
	    "I, J, K, L, M, N, O, P, Q, R, S, T, U, V, W and X.";
	cr_expect(lint_has(&c, s, QA_SENTENCE, false));
	struct qa_unit u = {strstr(s, "A,") - s, strstr(s, "X.") - s + 1};
	u.len -= u.off;
	struct qa_hits h = {0};
	qa_lint(&c, s, strlen(s), 0, &u, 1, &h);
	cr_expect_eq(h.n, 0);
	qa_hits_release(&h);
}

/* ---- places inside YAML scalars ---- */

struct place_case {
	const char *yaml;
	const char *word; /* a word of the value: its place in the file is
	                     where it is written in the source */
};

static void
check_place(const struct place_case *pc)
{
	const char *dir = test_tmpdir();
	test_write(dir, "t.yaml", pc->yaml);
	char *path = file_join(dir, "t.yaml");
	struct arena *a = arena_new();
	struct diag_sink d;
	diag_init(&d);
	struct value *root = yaml_load(a, path, &d);
	cr_assert_not_null(root, "%s", test_diags(&d));
	const struct value *v = value_get(root, "text");
	const char *in_value = strstr(v->str, pc->word);
	cr_assert_not_null(in_value, "'%s' not in '%s'", pc->word, v->str);
	/* where it is written: after the key, in the source */
	const char *src = strstr(pc->yaml, "text:");
	const char *at = strstr(src, pc->word);
	int want_line = 1, want_col = 1;
	for (const char *p = pc->yaml; p < at; p++) {
		if (*p == '\n') {
			want_line++;
			want_col = 1;
		} else if (((unsigned char)*p & 0xC0) != 0x80) {
			want_col++;
		}
	}
	struct srcmap m;
	srcmap_init(&m);
	int line, col;
	srcmap_place(&m, path, v, (size_t)(in_value - v->str), &line, &col);
	cr_expect(line == want_line && col == want_col,
	          "'%s': %d:%d, want %d:%d in\n%s", pc->word, line, col,
	          want_line, want_col, pc->yaml);
	srcmap_release(&m);
	diag_release(&d);
	arena_free(a);
	free(path);
}

Test(qa, a_hit_is_placed_inside_every_kind_of_scalar)
{
	static const struct place_case cases[] = {
	    {"text: one two NR2 4QZ three\n", "NR2"},
	    {"text: one two\n  three four NR2 4QZ five\n", "NR2"},
	    {"text: \"caf\\u00e9 \\\"quoted\\\" and NR2 4QZ\"\n", "NR2"},
	    {"text: \"a long line \\\n    broken NR2 4QZ\"\n", "NR2"},
	    {"text: 'it''s here, and ''NR2'' 4QZ'\n", "NR2"},
	    {"text: 'one\n  two NR2 4QZ'\n", "NR2"},
	    {"text: >-\n  first line\n  second\n\n  after a blank NR2 4QZ\n",
	     "NR2"},
	    {"text: |  # a comment NR2\n  - item\n    more-indented\n  NR2 "
	     "4QZ\n",
	     "NR2 4QZ"},
	    {"text: |\r\n  crlf line\r\n  NR2 4QZ here\r\n", "NR2"},
	    {"text: >\n  Ünïcödé wörds\n  then NR2 4QZ\n", "NR2"},
	    {"key: x\ntext:\n  on its own line NR2\n", "NR2"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++)
		check_place(&cases[i]);
}

/* ---- whole inspections ---- */

static const char inspection[] =
    "jtai: 1\n"
    "framework: %s\n"
    "area: {name: Eastwick, authority: Eastwick Council}\n"
    "theme: {id: neglect, title: children living with neglect}\n"
    "dates:\n"
    "  fieldwork: {from: 2026-06-08, to: 2026-06-12}\n"
    "  letter: 2026-07-13\n"
    "inspectorates: [ofsted]\n"
    "agencies:\n"
    "  - {id: csc, name: Eastwick children's services, inspectorate: ofsted}\n"
    "never_print: [Tia Rowntree]\n";

static char *
run_inspection(const char *framework, const char *templates,
               const char *findings, char **merged)
{
	const char *dir = test_tmpdir();
	char ins[2048];
	snprintf(ins, sizeof(ins), inspection, framework);
	test_write(dir, "inspection.yaml", ins);
	test_write(dir, "findings/ofsted.yaml", findings);
	struct arena *a = arena_new();
	struct diag_sink d;
	diag_init(&d);
	struct inspection *in = ingest_load(a, dir, templates, &d);
	cr_assert_not_null(in, "%s", test_diags(&d));
	struct value *model = merge_run(a, in, &d);
	cr_assert_not_null(model, "%s", test_diags(&d));
	if (merged) {
		struct buf b;
		buf_init(&b);
		merge_write(model, &b);
		*merged = buf_detach(&b);
	}
	qa_run(in, model, templates, &d);
	char *text = test_diags(&d);
	size_t n = strlen(dir);
	for (char *p; (p = strstr(text, dir));)
		memmove(p, p + n + 1, strlen(p + n + 1) + 1);
	diag_release(&d);
	arena_free(a);
	return text;
}

static const char findings[] =
    "inspectorate: ofsted\n"
    "findings:\n"
    "  - id: ofsted-1\n"
    "    kind: strength\n"
    "    agencies: [csc]\n"
    "    summary: >-\n"
    "      The clinic at BD7 1DP takes referrals, and Tia's plan was read.\n"
    "      The clinic at BD7 1DP is open daily.\n"
    "    waivers:\n"
    "      - {rule: pd-postcode, match: BD7 1DP, reason: The council's "
    "offices.}\n"
    "      - {rule: pd-postcod, match: x, reason: A typo.}\n"
    "      - {rule: pd-phone, match: 01632 960123, reason: Gone.}\n"
    "  - id: ofsted-2\n"
    "    kind: improvement\n"
    "    agencies: [csc]\n"
    "    summary: Plans are late.\n";

Test(qa, a_waiver_silences_one_match_and_shows_in_merged_yaml)
{
	char *merged;
	char *diags = run_inspection("jtai-2022", test_src("templates"),
	                             findings, &merged);
	/* the first BD7 1DP is waived, the second is not */
	cr_expect(strstr(diags,
	                 "findings/ofsted.yaml:7:50: error: a name on this "
	                 "inspection's never_print list [pd-name-listed]"),
	          "%s", diags);
	cr_expect(strstr(diags, "findings/ofsted.yaml:8:21: error: a postcode"),
	          "%s", diags);
	cr_expect_null(strstr(diags, "ofsted.yaml:7:21"), "%s", diags);
	cr_expect(strstr(diags,
	                 "findings/ofsted.yaml:11:16: error: unknown rule "
	                 "'pd-postcod' (did you mean 'pd-postcode'?)"),
	          "%s", diags);
	cr_expect(strstr(diags,
	                 "findings/ofsted.yaml:12:33: warning: the waiver "
	                 "of 'pd-phone' matches nothing in finding "
	                 "'ofsted-1'"),
	          "%s", diags);
	/* the personal data itself is never repeated in a message */
	cr_expect_null(strstr(diags, "BD7"), "%s", diags);
	cr_expect_null(strstr(diags, "Tia"), "%s", diags);
	cr_expect(strstr(merged, "        waivers:\n"
	                         "        - finding: ofsted-1\n"
	                         "          rule: pd-postcode\n"
	                         "          match: BD7 1DP\n"
	                         "          reason: The council's offices.\n"),
	          "%s", merged);
	free(merged);
	free(diags);
}

/* Copies the jtai-2022 framework into a temporary templates folder, with
 * its qa settings and its letter.md's first line replaced. */
static const char *
custom_templates(const char *qa, const char *letter_line)
{
	static const char *const files[] = {"inspectorates.yaml",
	                                    "terms.yaml",
	                                    "jtai-2022/framework.yaml",
	                                    "jtai-2022/letter.md",
	                                    "jtai-2022/partials/addressees.md",
	                                    "jtai-2022/partials/next-steps.md",
	                                    "jtai-2022/partials/signatures.md",
	                                    NULL};
	const char *dir = test_tmpdir();
	for (size_t i = 0; files[i]; i++) {
		char rel[256];
		snprintf(rel, sizeof(rel), "templates/%s", files[i]);
		struct buf b;
		buf_init(&b);
		struct diag_sink d;
		diag_init(&d);
		cr_assert_eq(file_read(test_src(rel), &b, &d), 0);
		const char *text = buf_cstr(&b);
		char *edited = NULL;
		if (!strcmp(files[i], "jtai-2022/framework.yaml")) {
			const char *q = strstr(text, "\nqa:\n");
			cr_assert_not_null(q);
			size_t n = (size_t)(q - text) + 1;
			edited = malloc(n + strlen(qa) + 1);
			memcpy(edited, text, n);
			strcpy(edited + n, qa);
		} else if (!strcmp(files[i], "jtai-2022/letter.md")) {
			const char *body = strstr(text, "{{> next-steps}}");
			cr_assert_not_null(body);
			size_t n = (size_t)(body - text);
			edited = malloc(strlen(text) + strlen(letter_line) + 3);
			memcpy(edited, text, n);
			sprintf(edited + n, "%s\n\n%s", letter_line, body);
		}
		test_write(dir, rel, edited ? edited : text);
		free(edited);
		buf_release(&b);
		diag_release(&d);
	}
	static char path[4096];
	snprintf(path, sizeof(path), "%s/templates", dir);
	return path;
}

static const char plain_findings[] =
    "inspectorate: ofsted\n"
    "findings:\n"
    "  - id: ofsted-1\n"
    "    kind: strength\n"
    "    agencies: [csc]\n"
    "    summary: Social workers see children alone.\n"
    "  - id: ofsted-2\n"
    "    kind: improvement\n"
    "    agencies: [csc]\n"
    "    summary: The MASH makes late decisions.\n";

Test(qa, a_hit_in_the_templates_words_points_at_letter_md_and_the_template)
{
	const char *t = custom_templates(
	    "qa:\n  numbers: words\n  abbreviations: [UK]\n",
	    "Leaders use sound judgment, and the data of 03/04/2026 is kept.");
	char *diags = run_inspection("jtai-2022", t, plain_findings, NULL);
	cr_expect(strstr(diags, "letter.md:"), "%s", diags);
	cr_expect(strstr(diags,
	                 "warning: 'judgment' is spelt 'judgement' in the "
	                 "house style [style-judgement]"),
	          "%s", diags);
	cr_expect(strstr(diags, "jtai-2022/letter.md:"), "%s", diags);
	cr_expect(strstr(diags, "note: the template writes these words here"),
	          "%s", diags);
	cr_expect(strstr(diags,
	                 "warning: date '03/04/2026' is not in the house "
	                 "style [style-date] (write '3 April 2026')"),
	          "%s", diags);
	/* an abbreviation a finding uses first is placed in its YAML */
	cr_expect(strstr(diags,
	                 "findings/ofsted.yaml:10:18: warning: 'MASH' is "
	                 "used before it is spelled out"),
	          "%s", diags);
	free(diags);
}

Test(qa, the_frameworks_settings_are_checked)
{
	const char *t = custom_templates(
	    "qa:\n  numbers: roman\n  off: [pd-postcode, style-numbrs]\n"
	    "  colour: red\n",
	    "");
	char *diags = run_inspection("jtai-2022", t, plain_findings, NULL);
	cr_expect(strstr(diags, "error: unknown key 'colour'"), "%s", diags);
	cr_expect(strstr(diags, "error: unknown number style 'roman'"), "%s",
	          diags);
	cr_expect(strstr(diags, "error: the personal-data rule 'pd-postcode' "
	                        "cannot be turned off"),
	          "%s", diags);
	cr_expect(strstr(diags, "error: unknown rule 'style-numbrs' (did you "
	                        "mean 'style-numbers'?)"),
	          "%s", diags);
	free(diags);
}

Test(qa, the_drafted_letter_is_draft_runs_byte_for_byte)
{
	static const char *const samples[] = {
	    "samples/hollinsby-sif", "samples/kelsworth-domestic-abuse",
	    "samples/kestrelmoor-child-protection",
	    "samples/northshire-exploitation", "samples/riverford-front-door"};
	for (size_t i = 0; i < 5; i++) {
		struct arena *a = arena_new();
		struct diag_sink d;
		diag_init(&d);
		char dir[4096];
		snprintf(dir, sizeof(dir), "%s", test_src(samples[i]));
		struct inspection *in =
		    ingest_load(a, dir, test_src("templates"), &d);
		cr_assert_not_null(in);
		struct value *m = merge_run(a, in, &d);
		struct buf plain;
		buf_init(&plain);
		cr_assert_eq(
		    draft_run(m, test_src("templates"), &plain, NULL, &d), 0);
		const char *texts[] = {in->findings[0].summary};
		size_t lens[] = {strlen(in->findings[0].summary)};
		struct drafted l;
		cr_assert_eq(
		    qa_draft(m, test_src("templates"), texts, lens, 1, &l, &d),
		    0);
		cr_expect_str_eq(buf_cstr(&l.text), buf_cstr(&plain), "%s",
		                 samples[i]);
		cr_expect_gt(l.nspans, 10, "%s: no provenance", samples[i]);
		bool found = false;
		for (size_t k = 0; k < l.nspans; k++)
			found |= l.spans[k].source == 0;
		cr_expect(found, "%s: the first summary has no span",
		          samples[i]);
		/* and the samples pass every check */
		cr_expect_eq(qa_run(in, m, test_src("templates"), &d), 0);
		cr_expect_eq(d.n, 0, "%s: %s", samples[i], test_diags(&d));
		drafted_release(&l);
		buf_release(&plain);
		diag_release(&d);
		arena_free(a);
	}
}

/* ---- hostile text: linear time ---- */

static double
seconds(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

Test(qa, hostile_text_is_linted_in_linear_time)
{
	static const char *const units[] = {
	    "a *b ",         "_x ",    "1 ",          "1-",   "(A ",
	    "ABC ",          "a@b.",   "Mr ",         "Tia ", "NR2 ",
	    "07700 ",        "born ",  "aged 14 at ", "X, ",  "word ",
	    "\n- ",          "`",      "[a](",        "| ",   "((((",
	    "Kayden Marsh ", "MASH (", "2026-",       "\\"};
	struct arena *a = arena_new();
	struct qa_config c;
	example_config(&c, a);
	for (size_t u = 0; u < sizeof(units) / sizeof(*units); u++) {
		struct buf b;
		buf_init(&b);
		while (b.len < 400000)
			buf_puts(&b, units[u]);
		double t0 = seconds();
		struct qa_hits h = {0};
		qa_lint(&c, buf_cstr(&b), b.len, QA_FIRST_USE | QA_LETTER, NULL,
		        0, &h);
		double t = seconds() - t0;
		cr_expect_lt(t, 3.0 * test_time_scale(), "'%s' x %zu: %.2f s",
		             units[u],
		             b.len / strlen(units[u]), t);
		qa_hits_release(&h);
		buf_release(&b);
	}
	arena_free(a);
}
