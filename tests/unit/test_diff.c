/* diff: the sequence diff (shortest, bounded), words, the letter's blocks
 * and redline, the diff of the test pair (tests/diff), and the redline's
 * marks on the page. */
#define _GNU_SOURCE /* memmem */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/value.h"
#include "diff/diff.h"
#include "diff/letter.h"
#include "diff/seq.h"
#include "diff/words.h"
#include "render/flow.h"
#include "render/layout.h"
#include "render/page.h"
#include "render/redline.h"
#include "testutil.h"

/* A small deterministic generator (xorshift), so failures reproduce. */
static unsigned long long rng_state = 88172645463325252ULL;

static unsigned
rnd(unsigned n)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (unsigned)(rng_state % n);
}

/* The length of the longest common subsequence, by dynamic programming. */
static size_t
lcs(const int *a, size_t na, const int *b, size_t nb)
{
	size_t *row = calloc(nb + 1, sizeof(size_t)),
	       *prev = calloc(nb + 1, sizeof(size_t));
	for (size_t i = 1; i <= na; i++) {
		for (size_t j = 1; j <= nb; j++)
			row[j] =
			    a[i - 1] == b[j - 1]
			        ? prev[j - 1] + 1
			        : (prev[j] > row[j - 1] ? prev[j] : row[j - 1]);
		memcpy(prev, row, (nb + 1) * sizeof(size_t));
	}
	size_t n = prev[nb];
	free(row);
	free(prev);
	return n;
}

/* Checks that the marks leave a common subsequence; returns its length. */
static size_t
kept(const int *a, size_t na, const int *b, size_t nb, const unsigned char *del,
     const unsigned char *ins)
{
	size_t i = 0, j = 0, n = 0;
	for (;;) {
		while (i < na && del[i])
			i++;
		while (j < nb && ins[j])
			j++;
		if (i == na || j == nb)
			break;
		cr_assert_eq(a[i], b[j], "kept elements differ at %zu, %zu", i,
		             j);
		i++, j++, n++;
	}
	cr_assert(i == na && j == nb, "kept elements left over");
	return n;
}

Test(seq, shortest_on_random_sequences)
{
	for (int round = 0; round < 300; round++) {
		size_t na = rnd(60), nb = rnd(60);
		int a[60], b[60];
		unsigned alphabet = 2 + rnd(6);
		for (size_t i = 0; i < na; i++)
			a[i] = (int)rnd(alphabet);
		for (size_t j = 0; j < nb; j++)
			b[j] = (int)rnd(alphabet);
		unsigned char del[61] = {0}, ins[61] = {0};
		seq_diff(a, na, b, nb, del, ins);
		cr_assert_eq(kept(a, na, b, nb, del, ins), lcs(a, na, b, nb),
		             "not the shortest edit script (round %d)", round);
	}
}

Test(seq, chunks_cover_both_sides)
{
	int a[] = {1, 2, 3, 4, 5}, b[] = {1, 9, 3, 4, 6, 7};
	unsigned char del[5] = {0}, ins[6] = {0};
	seq_diff(a, 5, b, 6, del, ins);
	size_t n;
	struct seq_chunk *c = seq_chunks(del, 5, ins, 6, &n);
	cr_assert_eq(n, 6);
	enum seq_op want[] = {SEQ_EQUAL, SEQ_DELETE, SEQ_INSERT,
	                      SEQ_EQUAL, SEQ_DELETE, SEQ_INSERT};
	for (size_t i = 0; i < n; i++)
		cr_assert_eq(c[i].op, want[i], "chunk %zu", i);
	cr_assert_eq(c[5].b1 - c[5].b0, 2);
	free(c);
}

/* Two long sequences with nothing in common, and two with a change every
 * few elements: the cost bound keeps both fast, and the script stays a
 * valid one. */
Test(seq, long_inputs_are_bounded, .timeout = 10)
{
	size_t n = 200000;
	int *a = xmalloc(n * sizeof(int)), *b = xmalloc(n * sizeof(int));
	unsigned char *del = xcalloc(n, 1), *ins = xcalloc(n, 1);
	for (size_t i = 0; i < n; i++) {
		a[i] = (int)i;
		b[i] = (int)(n + i);
	}
	seq_diff(a, n, b, n, del, ins);
	cr_assert_eq(kept(a, n, b, n, del, ins), 0);
	for (size_t i = 0; i < n; i++) {
		a[i] = (int)rnd(1000);
		b[i] = i % 7 == 0 ? (int)rnd(1000) : a[i];
	}
	memset(del, 0, n);
	memset(ins, 0, n);
	seq_diff(a, n, b, n, del, ins);
	cr_assert_geq(kept(a, n, b, n, del, ins), n * 6 / 7);
	free(a);
	free(b);
	free(del);
	free(ins);
}

static void
assert_tokens(const char *s, unsigned flags, const char *want)
{
	struct tokens t = {0};
	words_split(s, strlen(s), flags, &t);
	struct buf b;
	buf_init(&b);
	for (size_t i = 0; i < t.n; i++)
		buf_printf(&b, "%s%s%.*s", i ? "|" : "",
		           t.t[i].syntax ? "@" : "", (int)t.t[i].n, t.t[i].s);
	cr_assert_str_eq(buf_cstr(&b), want, "tokens of '%s'", s);
	buf_release(&b);
	tokens_release(&t);
}

Test(words, syntax_at_the_edges_of_words)
{
	assert_tokens("**Key** strengths.", 0, "@**|Key|@**|strengths.");
	assert_tokens("see [the guidance](https://example.org/a).", 0,
	              "see|@[|the|guidance|@](https://example.org/a)|.");
	assert_tokens("**Adequate**.", 0, "@**|Adequate|@**|.");
	assert_tokens("children's snake_case", 0, "children's|snake_case");
	assert_tokens("| **Good** | --- |", WORDS_TABLE,
	              "@||@**|Good|@**|@||@---|@|");
}

Test(words, white_space_is_not_a_change)
{
	struct arena *a = arena_new();
	cr_assert_null(words_value(a, "one two\n  three", "one  two three"));
	struct value *v =
	    words_value(a, "the well planned", "the carefully planned");
	cr_assert_not_null(v);
	cr_assert_eq(v->n, 4);
	cr_assert_str_eq(value_text(v->items[1]->items[0]), "-");
	cr_assert_str_eq(value_text(v->items[1]->items[1]), "well");
	cr_assert_str_eq(value_text(v->items[2]->items[0]), "+");
	cr_assert_str_eq(value_text(v->items[2]->items[1]), "carefully");
	arena_free(a);
}

static const char old_md[] =
    "---\ntitle: A\n---\n\n# A letter\n\nIntro text here.\n\n"
    "## Strengths\n\n- First strength stays.\n- Second strength goes.\n\n"
    "## Judgements\n\n```table\n| Judgement | Grade |\n| --- | --- |\n"
    "| Overall | **Adequate** |\n```\n\nThe well planned work.\n";
static const char new_md[] =
    "---\ntitle: A\n---\n\n# A letter\n\nIntro text here.\n\n"
    "## Strengths\n\n- First strength stays.\n- A new strength.\n\n"
    "## Judgements\n\n```table\n| Judgement | Grade |\n| --- | --- |\n"
    "| Overall | **Inadequate** |\n```\n\nThe carefully planned work.\n";

Test(letter, blocks_of_a_letter)
{
	struct arena *a = arena_new();
	struct md_doc d;
	letter_split(a, new_md, strlen(new_md), &d);
	enum md_kind want[] = {MD_HEADING, MD_PARA,    MD_HEADING, MD_ITEM,
	                       MD_ITEM,    MD_HEADING, MD_FENCE,   MD_ROW,
	                       MD_ROW,     MD_ROW,     MD_FENCE,   MD_PARA};
	cr_assert_eq(d.n, sizeof(want) / sizeof(want[0]));
	for (size_t i = 0; i < d.n; i++)
		cr_assert_eq(d.b[i].kind, want[i], "block %zu", i);
	cr_assert_str_eq(d.b[2].heading, "Strengths");
	cr_assert_eq(d.b[3].nprefix, 2);
	arena_free(a);
}

Test(letter, changes_by_section_and_the_redline)
{
	struct arena *a = arena_new();
	struct buf red;
	buf_init(&red);
	struct value *v = letter_diff(a, old_md, strlen(old_md), new_md,
	                              strlen(new_md), &red);
	cr_assert_eq(v->n, 2, "two sections changed");
	cr_assert_str_eq(value_text(value_get(v->items[0], "section")),
	                 "Strengths");
	const struct value *ch = value_get(v->items[0], "changes");
	cr_assert_eq(ch->n, 2);
	cr_assert_str_eq(value_text(value_get(ch->items[0], "op")), "removed");
	cr_assert_str_eq(value_text(value_get(ch->items[1], "op")), "added");
	ch = value_get(v->items[1], "changes");
	cr_assert_eq(ch->n, 2, "a row and a paragraph");
	cr_assert_str_eq(value_text(value_get(ch->items[0], "kind")), "row");
	const char *r = buf_cstr(&red);
	cr_assert(strncmp(r, "---\ntitle: A\n---\n", 17) == 0, "front matter");
	cr_assert_not_null(strstr(r, "- " REDLINE_DEL
	                             "Second strength goes." REDLINE_END
	                             "\n- " REDLINE_INS "A new "
	                             "strength." REDLINE_END "\n"),
	                   "%s", r);
	/* no space inside the emphasis marks, or they would not be marks */
	cr_assert_not_null(strstr(r, "| **" REDLINE_DEL "Adequate" REDLINE_END
	                             " " REDLINE_INS "Inadequate" REDLINE_END
	                             "** |"),
	                   "%s", r);
	cr_assert_not_null(strstr(r, "The " REDLINE_DEL "well" REDLINE_END
	                             " " REDLINE_INS "carefully" REDLINE_END
	                             " planned work."),
	                   "%s", r);
	buf_release(&red);
	arena_free(a);
}

Test(letter, the_same_words_are_no_change)
{
	struct arena *a = arena_new();
	struct buf red;
	buf_init(&red);
	const char *rewrapped = "# A\n\nSome words\nover two lines.\n";
	const char *one = "# A\n\nSome words over two lines.\n";
	struct value *v = letter_diff(a, one, strlen(one), rewrapped,
	                              strlen(rewrapped), &red);
	cr_assert_eq(v->n, 0);
	cr_assert_str_eq(buf_cstr(&red), rewrapped);
	buf_release(&red);
	arena_free(a);
}

Test(letter, marks_in_the_text_cannot_be_forged)
{
	struct arena *a = arena_new();
	struct buf red;
	buf_init(&red);
	const char *o = "Plain words.\n";
	const char *n = "Plain " REDLINE_INS "words." REDLINE_END " More.\n";
	letter_diff(a, o, strlen(o), n, strlen(n), &red);
	cr_assert_str_eq(buf_cstr(&red),
	                 "Plain words. " REDLINE_INS "More." REDLINE_END "\n");
	buf_release(&red);
	arena_free(a);
}

Test(redline, markers)
{
	size_t len = 0;
	cr_assert_eq(redline_marker(REDLINE_INS, 3, &len), MARK_INS);
	cr_assert_eq(len, 3);
	cr_assert_eq(redline_marker(REDLINE_DEL "x", 4, &len), MARK_DEL);
	cr_assert_eq(redline_marker(REDLINE_END, 3, &len), MARK_NONE);
	cr_assert_eq(redline_marker("\xEE\x80\x83", 3, &len), -1);
	cr_assert_eq(redline_marker("\xEE\x80", 2, &len), -1);
	cr_assert_eq(redline_marker("abc", 3, &len), -1);
}

/* The pair of tests/diff: exactly the changes made, in order. */
Test(diff, the_test_pair)
{
	struct arena *a = arena_new();
	struct diag_sink d;
	diag_init(&d);
	struct diff_side o, n;
	char *templates = strdup(test_src("templates"));
	cr_assert_eq(
	    diff_load(a,
	              test_src("tests/diff/old/kestrelmoor-child-protection"),
	              templates, "old", &o, &d),
	    0, "%s", test_diags(&d));
	cr_assert_eq(
	    diff_load(a,
	              test_src("tests/diff/new/kestrelmoor-child-protection"),
	              templates, "new", &n, &d),
	    0, "%s", test_diags(&d));
	struct value *v = diff_run(a, &o, &n, NULL);
	cr_assert(diff_differ(v));
	const struct value *f = value_get(v, "findings");
	const char *want[][2] = {{"kind", "ofsted-8"},
	                         {"removed", "cqc-3"},
	                         {"added", "ofsted-14"},
	                         {"summary", "hmic-4"}};
	cr_assert_eq(f->n, 4);
	for (size_t i = 0; i < 4; i++) {
		cr_assert_str_eq(value_text(value_get(f->items[i], "change")),
		                 want[i][0]);
		cr_assert_str_eq(value_text(value_get(f->items[i], "id")),
		                 want[i][1]);
	}
	cr_assert_str_eq(value_text(value_get(f->items[0], "severity")),
	                 "good-to-poor");
	const struct value *j = value_get(v, "judgements");
	cr_assert_eq(value_get(j, "changed")->n, 1);
	cr_assert(value_path(j, "overall.changed")->b);
	cr_assert_eq(value_get(v, "dates")->n, 0);
	struct value *self = diff_run(a, &n, &n, NULL);
	cr_assert(!diff_differ(self));
	struct buf out;
	buf_init(&out);
	diff_write_text(self, false, &out);
	diff_write_markdown(self, &out);
	cr_assert_eq(out.len, 0, "nothing to say about no change");
	diff_write_json(v, &out);
	cr_assert(strncmp(buf_cstr(&out), "{\n  \"jtai_diff\": 1,\n", 20) == 0);
	buf_release(&out);
	diff_side_release(&o);
	diff_side_release(&n);
	free(templates);
	diag_release(&d);
	arena_free(a);
}

/* Marked runs on the page: in colour, a deletion struck over its text, an
 * insertion underlined twice, one bar beside each line with a mark. */
Test(redline, marks_on_the_page)
{
	struct test_render r;
	test_render_init(&r);
	const char *md = "Kept " REDLINE_DEL "gone" REDLINE_END " " REDLINE_INS
	                 "new words" REDLINE_END " kept.\n\n"
	                 "Unmarked paragraph.\n";
	struct doc_layout *dl = xcalloc(1, sizeof(*dl));
	dl->arena = arena_new();
	dl->short_title = "t";
	cr_assert_eq(flow_build_marked(&dl->flow, dl->arena, "t.md", md,
	                               strlen(md), 0, &r.opts, &r.sink),
	             0);
	struct layout l;
	layout_init(&l, &r.fonts);
	page_build(dl, &l);
	layout_release(&l);
	size_t ins = 0, del = 0, over = 0, under = 0, bars = 0;
	for (size_t i = 0; i < dl->ntext; i++) {
		const struct pg_text *t = &dl->text[i];
		cr_assert(memmem(t->s, t->n, "\xEE\x80", 2) == NULL,
		          "a marker shown");
		ins += t->mark == MARK_INS && t->ink == INK_INS;
		del += t->mark == MARK_DEL && t->ink == INK_DEL;
	}
	for (size_t i = 0; i < dl->nrect; i++) {
		const struct pg_rect *k = &dl->rect[i];
		over += k->kind == RECT_OVER && k->ink == INK_DEL;
		under += k->kind == RECT_FILL && k->ink == INK_INS;
		bars += k->kind == RECT_FILL && k->ink == INK_TEXT &&
		        k->x < PAGE_MARGIN;
	}
	cr_assert_eq(ins, 1);
	cr_assert_eq(del, 1);
	cr_assert_eq(over, 1, "one strike");
	cr_assert_eq(under, 2, "a double underline");
	cr_assert_eq(bars, 1, "one bar for the one line marked");
	doc_layout_free(dl);
	test_render_release(&r);
}

Test(redline, a_pdf_with_its_summary_first)
{
	struct test_render r;
	test_render_init(&r);
	const char *md =
	    "---\ntitle: Letter\n---\n\n```letterhead\nOfsted\n```\n\n"
	    "# Letter\n\nText " REDLINE_INS "added" REDLINE_END ".\n";
	const char *sum = "# Changes to the letter\n\n- one\n";
	struct buf pdf;
	buf_init(&pdf);
	cr_assert_eq(render_redline_pdf("letter.md", sum, strlen(sum), md,
	                                strlen(md), &r.opts, &pdf, &r.sink),
	             0, "%s", test_diags(&r.sink));
	cr_assert(pdf.len > 1000 && !strncmp(pdf.data, "%PDF-", 5));
	cr_assert_not_null(memmem(pdf.data, pdf.len, "/Count 2", 8),
	                   "two pages: the summary's, the letter's");
	struct buf html;
	buf_init(&html);
	cr_assert_eq(render_redline_html("letter.md", sum, strlen(sum), md,
	                                 strlen(md), &r.opts, &html, &r.sink),
	             0);
	cr_assert_not_null(strstr(buf_cstr(&html), "<ins>added</ins>"));
	cr_assert_not_null(strstr(buf_cstr(&html), "<li>one</li>"));
	buf_release(&pdf);
	buf_release(&html);
	test_render_release(&r);
}

/* A copy of the old side of the test pair with cqc-4 made one joint
 * finding with ofsted-6 (same kind, theme and agencies). */
static const char *
joint_copy(void)
{
	const char *dir = test_tmpdir();
	char cmd[8192];
	snprintf(cmd, sizeof(cmd), "cp -R '%s' '%s/k'",
	         test_src("tests/diff/old/kestrelmoor-child-protection"), dir);
	cr_assert_eq(system(cmd), 0);
	static char path[4096];
	snprintf(path, sizeof(path), "%s/k/findings/cqc.yaml", dir);
	struct buf b;
	buf_init(&b);
	FILE *f = fopen(path, "r");
	cr_assert_not_null(f);
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_append(&b, chunk, n);
	fclose(f);
	const char *s = buf_cstr(&b);
	const char *at = strstr(s, "  - id: cqc-4\n    kind: improvement\n");
	cr_assert_not_null(at);
	struct buf out;
	buf_init(&out);
	size_t head = (size_t)(at - s) + strlen("  - id: cqc-4\n");
	buf_append(&out, s, head);
	buf_puts(&out, "    joint_with: [ofsted-6]\n");
	const char *rest = s + head;
	const char *ag = strstr(rest, "agencies: [ccg]");
	cr_assert_not_null(ag);
	buf_append(&out, rest, (size_t)(ag - rest));
	buf_puts(&out, "agencies: [csc]");
	buf_puts(&out, ag + strlen("agencies: [ccg]"));
	test_write(dir, "k/findings/cqc.yaml", buf_cstr(&out));
	buf_release(&b);
	buf_release(&out);
	snprintf(path, sizeof(path), "%s/k", dir);
	return path;
}

Test(diff, joint_findings_formed_and_split)
{
	struct arena *a = arena_new();
	struct diag_sink d;
	diag_init(&d);
	struct diff_side o, n;
	char *templates = strdup(test_src("templates"));
	cr_assert_eq(
	    diff_load(a,
	              test_src("tests/diff/old/kestrelmoor-child-protection"),
	              templates, "old", &o, &d),
	    0, "%s", test_diags(&d));
	const char *copy = joint_copy();
	cr_assert_eq(diff_load(a, copy, templates, "new", &n, &d), 0, "%s",
	             test_diags(&d));
	for (int way = 0; way < 2; way++) {
		struct value *v =
		    way ? diff_run(a, &n, &o, NULL) : diff_run(a, &o, &n, NULL);
		const struct value *f = value_get(v, "findings");
		cr_assert_eq(f->n, 2);
		cr_assert_str_eq(value_text(value_get(f->items[0], "change")),
		                 "agencies");
		const struct value *j = f->items[1];
		cr_assert_str_eq(value_text(value_get(j, "change")),
		                 way ? "joint-split" : "joint-formed");
		cr_assert_eq(value_get(j, "ids")->n, 2);
		cr_assert_eq(value_get(j, way ? "new" : "old")->n, 2,
		             "two findings apart");
	}
	char cmd[8192];
	snprintf(cmd, sizeof(cmd), "rm -rf '%.*s'",
	         (int)(strrchr(copy, '/') - copy), copy);
	cr_assert_eq(system(cmd), 0);
	diff_side_release(&o);
	diff_side_release(&n);
	free(templates);
	diag_release(&d);
	arena_free(a);
}

/* Two long letters with every paragraph changed: no quadratic blowup in
 * aligning, pairing or marking them. */
Test(letter, long_letters_are_bounded, .timeout = 20)
{
	struct buf o, n, red;
	buf_init(&o);
	buf_init(&n);
	buf_init(&red);
	for (int i = 0; i < 5000; i++) {
		buf_printf(&o, "Paragraph %d says the old thing about %d.\n\n",
		           i, i * 7);
		buf_printf(&n, "Paragraph %d says a new thing about %d.\n\n", i,
		           i * 7);
		if (i % 100 == 0)
			buf_printf(&n, "## Section %d\n\n", i);
	}
	struct arena *a = arena_new();
	struct value *v = letter_diff(a, o.data, o.len, n.data, n.len, &red);
	size_t changed = 0;
	for (size_t i = 0; i < v->n; i++) {
		const struct value *ch = value_get(v->items[i], "changes");
		for (size_t k = 0; k < ch->n; k++)
			changed +=
			    !strcmp(value_text(value_get(ch->items[k], "op")),
			            "changed");
	}
	cr_assert_eq(changed, 5000, "each paragraph paired with its old self");
	arena_free(a);
	buf_release(&o);
	buf_release(&n);
	buf_release(&red);
}

/* One word of 100,000 link targets: split in a loop, in linear time. */
Test(words, a_word_of_many_links, .timeout = 10)
{
	struct buf b;
	buf_init(&b);
	for (int i = 0; i < 100000; i++)
		buf_puts(&b, "a](b)");
	struct tokens t = {0};
	words_split(b.data, b.len, 0, &t);
	cr_assert_eq(t.n, 200000);
	cr_assert(t.t[1].syntax && !t.t[2].syntax);
	tokens_release(&t);
	buf_release(&b);
}
