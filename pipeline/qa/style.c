/* The house-style rules over words and numbers: dates, ranges with a
 * dash, "judgment", the framework's terms, numbers in words or numerals,
 * and long sentences. Italics, capitals and abbreviations are in marks.c.
 * Nothing in the front matter is linted: the letter's title is checked
 * where it is written (its heading and the inspection's data). */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "qa/lint.h"
#include "qa/text.h"
#include "qa/when.h"

static bool
lintable(const struct text *x, size_t i)
{
	return !(x->t[i].flags & TF_FRONT);
}

/* ---- dates ---- */

static void
dates(struct lint *L)
{
	const struct text *x = L->x;
	for (size_t i = 0; i < x->n; i++) {
		struct when w;
		if (!lintable(x, i) || !when_at(x, i, &w))
			continue;
		if (w.form != WHEN_HOUSE && w.form != WHEN_MONTH_YEAR) {
			struct qa_hit *h = lint_hit(L, QA_DATE, i, w.last);
			when_house(&w, h->arg, sizeof(h->arg));
		}
		i = w.last;
	}
}

/* ---- ranges with a dash ---- */

static const char *const weekdays[] = {"Monday",   "Tuesday", "Wednesday",
                                       "Thursday", "Friday",  "Saturday",
                                       "Sunday",   NULL};

/* What kind of range end token i can be: 1 a number, 2 a month, 3 a day of
 * the week, 4 a time ("9am"); 0 none. */
static int
range_end(const struct text *x, size_t i)
{
	if (i >= x->n)
		return 0;
	const struct tok *t = &x->t[i];
	if (t->type == TOK_NUM)
		return t->len <= 4 ? 1 : 0;
	if (tok_month(x, i, NULL))
		return 2;
	for (size_t k = 0; weekdays[k]; k++)
		if (tok_is(x, i, weekdays[k]))
			return 3;
	if (t->type == TOK_WORD && (t->flags & TF_DIGIT) && t->len >= 3) {
		const char *e = x->s + t->off + t->len - 2;
		if (!strncmp(e, "am", 2) || !strncmp(e, "pm", 2))
			return 4;
	}
	return 0;
}

/* Token i is part of a longer chain ("1-2-1", "2026-03-16", "CR-19-1"). */
static bool
in_chain(const struct text *x, size_t a, size_t b)
{
	if (tok_joined(x, a) && (x->t[a - 1].type != TOK_PUNCT ||
	                         strchr("-/.:", (int)x->t[a - 1].cp) ||
	                         tok_dash(x, a - 1) || x->t[a - 1].cp == 0xA3))
		return true;
	if (tok_joined(x, b + 1)) {
		const struct tok *n = &x->t[b + 1];
		if (n->type != TOK_PUNCT)
			return true;
		if ((strchr("-/.:", (int)n->cp) || tok_dash(x, b + 1)) &&
		    b + 2 < x->n && tok_joined(x, b + 2) &&
		    x->t[b + 2].type != TOK_PUNCT)
			return true;
	}
	return false;
}

static void
ranges(struct lint *L)
{
	const struct text *x = L->x;
	for (size_t k = 1; k + 1 < x->n; k++) {
		if (!tok_dash(x, k) || !lintable(x, k))
			continue;
		size_t a = k - 1, b = k + 1;
		int ca = range_end(x, a), cb = range_end(x, b);
		if (ca == 0 || ca != cb || x->sent_of[a] != x->sent_of[b])
			continue;
		bool ja = tok_joined(x, k), jb = tok_joined(x, b);
		if ((x->t[k].cp == '-' && !(ja && jb)) || ja != jb ||
		    in_chain(x, a, b))
			continue;
		struct qa_hit *h = lint_hit(L, QA_RANGE, a, b);
		long va = tok_number(x, a), vb = tok_number(x, b);
		if (ca == 1 && x->t[a].len == 4 && x->t[b].len == 2 &&
		    va > 1900)
			snprintf(h->arg, sizeof(h->arg), "%ld to %ld", va,
			         va - va % 100 + vb);
		else
			snprintf(h->arg, sizeof(h->arg), "%.*s to %.*s",
			         (int)x->t[a].len, x->s + x->t[a].off,
			         (int)x->t[b].len, x->s + x->t[b].off);
	}
}

/* ---- judgement ---- */

static void
judgement(struct lint *L)
{
	static const char *const legal[] = {"court",    "courts", "court's",
	                                    "tribunal", "legal",  "judge",
	                                    "appeal",   NULL};
	const struct text *x = L->x;
	for (size_t i = 0; i < x->n; i++) {
		if (!lintable(x, i) ||
		    !(tok_iis(x, i, "judgment") || tok_iis(x, i, "judgments")))
			continue;
		bool court = false;
		for (size_t k = i >= 4 ? i - 4 : 0; k <= i + 4 && k < x->n; k++)
			court |= tok_in(x, k, legal);
		if (court)
			continue;
		struct qa_hit *h = lint_hit(L, QA_JUDGEMENT, i, i);
		/* judg|ment -> judg|e|ment, keeping the writer's capitals */
		snprintf(h->arg, sizeof(h->arg), "%.4se%.*s",
		         x->s + x->t[i].off, (int)x->t[i].len - 4,
		         x->s + x->t[i].off + 4);
	}
}

/* ---- the framework's terms ---- */

/* "Foster carers looked after children well": a verb, not the term. */
static bool
verb_use(const struct text *x, size_t i)
{
	static const char *const subjects[] = {
	    "who", "they", "we",  "he",  "she",  "i",    "you",   "which",
	    "had", "have", "has", "was", "were", "been", "staff", NULL};
	if (i == 0 || x->t[i - 1].type != TOK_WORD ||
	    x->sent_of[i - 1] != x->sent_of[i])
		return false;
	if (tok_in(x, i - 1, subjects))
		return true;
	const char *w = x->s + x->t[i - 1].off;
	size_t n = x->t[i - 1].len;
	return n > 4 && (!strncmp(w + n - 3, "ers", 3) ||
	                 !strncmp(w + n - 4, "ents", 4) ||
	                 !strncmp(w + n - 3, "ies", 3));
}

static void
terms(struct lint *L)
{
	const struct text *x = L->x;
	for (size_t i = 0; i < x->n && L->c->nterms; i++) {
		if (x->t[i].type != TOK_WORD || !lintable(x, i))
			continue;
		for (size_t k = 0; k < L->c->nterms; k++) {
			size_t last = i;
			if (tok_phrase(x, i, L->c->terms[k].avoid, false,
			               &last) &&
			    !(tok_iis(x, i, "looked") && verb_use(x, i))) {
				struct qa_hit *h =
				    lint_hit(L, QA_TERM, i, last);
				snprintf(h->arg, sizeof(h->arg), "%s",
				         L->c->terms[k].use);
				i = last;
				break;
			}
		}
	}
}

void
style_words(struct lint *L)
{
	dates(L);
	ranges(L);
	judgement(L);
	terms(L);
}

/* ---- numbers ---- */

static const char *const small[] = {"zero",  "one",  "two", "three",
                                    "four",  "five", "six", "seven",
                                    "eight", "nine", NULL};
static const char *const teens[] = {
    "ten",     "eleven",    "twelve",   "thirteen", "fourteen", "fifteen",
    "sixteen", "seventeen", "eighteen", "nineteen", NULL};
static const char *const tens[] = {"twenty", "thirty", "forty",
                                   "fifty",  "sixty",  "seventy",
                                   "eighty", "ninety", NULL};
/* Words before a numeral that make it a label: "Year 9", "section 4". */
static const char *const labels[] = {
    "section",        "sections", "year",       "tier",
    "stage",          "level",    "phase",      "paragraph",
    "paragraphs",     "page",     "pages",      "part",
    "schedule",       "article",  "regulation", "regulations",
    "chapter",        "appendix", "annex",      "figure",
    "table",          "number",   "no",         "step",
    "band",           "grade",    "category",   "version",
    "wave",           "round",    "ward",       "priority",
    "recommendation", "type",     "class",      "room",
    "aged",           "age",      "ages",       "point",
    "item",           "question", "option",     "standard",
    "principle",      "rule",     "clause",     "line",
    "column",         "cohort",   "unit",       "floor",
    "flat",           "key",      "code",       "route",
    "volume",         "issue",    "edition",    "case",
    "child",          "phase",    "criterion",  "outcome",
    "objective",      "theme",    "area",       "finding",
    "domain",         "quadrant", "zone",       "under",
    "over",           NULL};
/* Words after a numeral that keep it a numeral: units, times, per cent. */
static const char *const units_after[] = {
    "am", "pm",  "per",     "percent", "km",      "kg",  "cm",
    "mm", "mph", "mg",      "ml",      "m",       "hrs", "mins",
    "pt", "x",   "million", "billion", "o'clock", NULL};
static const char *const fractions[] = {
    "third",  "thirds",  "quarter", "quarters", "half",
    "halves", "fifth",   "fifths",  "sixth",    "sixths",
    "eighth", "eighths", "tenth",   "tenths",   NULL};

static int
number_word(const struct text *x, size_t i)
{
	if (i >= x->n || x->t[i].type != TOK_WORD || x->t[i].len < 3 ||
	    x->t[i].len > 9)
		return -1;
	int k;
	if ((k = tok_index(x, i, small)) >= 0)
		return k;
	if ((k = tok_index(x, i, teens)) >= 0)
		return 10 + k;
	if ((k = tok_index(x, i, tens)) >= 0)
		return 20 + 10 * k;
	return -1;
}

/* A numeral's value when it is another number of a range or comparison
 * ("5 to 15", "between 3 and 12", "1 in 20"), else -1. */
static long
partner(const struct text *x, size_t i)
{
	static const char *const links[] = {"to", "and", "or",
	                                    "in", "of",  NULL};
	if (tok_in(x, i + 1, links) && tok_number(x, i + 2) >= 0)
		return tok_number(x, i + 2);
	if (tok_iis(x, i + 1, "out") && tok_iis(x, i + 2, "of"))
		return tok_number(x, i + 3);
	if (i >= 2 && tok_in(x, i - 1, links) && tok_number(x, i - 2) >= 0)
		return tok_number(x, i - 2);
	if (i >= 3 && tok_iis(x, i - 1, "of") && tok_iis(x, i - 2, "out"))
		return tok_number(x, i - 3);
	return -1;
}

/* A numeral that counts something (not a label, date, time, measure, age,
 * decimal or part of a reference). */
static bool
counting_numeral(const struct lint *L, size_t i)
{
	const struct text *x = L->x;
	const struct tok *t = &x->t[i];
	if (t->type != TOK_NUM || (t->flags & (TF_FRONT | TF_TABLE)))
		return false;
	if (tok_joined(x, i) && (x->t[i - 1].type != TOK_PUNCT ||
	                         !strchr("(\"'", (int)x->t[i - 1].cp)))
		return false;
	if (tok_joined(x, i + 1) &&
	    (x->t[i + 1].type != TOK_PUNCT ||
	     !strchr(",;:)\"'!?", (int)x->t[i + 1].cp)) &&
	    !(tok_punct(x, i + 1, '.') && !tok_joined(x, i + 2)))
		return false;
	if (tok_joined(x, i + 1) && tok_joined(x, i + 2) && i + 2 < x->n &&
	    x->t[i + 2].type == TOK_NUM)
		return false; /* "2,614" */
	if (i > 0 && (tok_in(x, i - 1, labels) || tok_month(x, i - 1, NULL) ||
	              (x->t[i - 1].type == TOK_WORD &&
	               (x->t[i - 1].flags & (TF_CAP | TF_UPPER)) &&
	               !tok_sentence_start(x, i - 1))))
		return false;
	/* "2 to 6 March", "between 2 and 6 March", "2–6 March" */
	if ((tok_iis(x, i + 1, "to") || tok_iis(x, i + 1, "and") ||
	     tok_dash(x, i + 1)) &&
	    tok_number(x, i + 2) >= 0 && tok_month(x, i + 3, NULL))
		return false;
	if (tok_month(x, i + 1, NULL) || tok_in(x, i + 1, units_after) ||
	    tok_punct(x, i + 1, '%') ||
	    ((tok_iis(x, i + 1, "years") || tok_iis(x, i + 1, "year")) &&
	     tok_iis(x, i + 2, "old")))
		return false;
	long other = partner(x, i);
	return other < 10;
}

/* A number in words at token i that counts what follows ("fifteen
 * children", "twenty-five staff"): its value when it is min or more, with
 * *last its last token; else -1. Not at a sentence's start, nor in a
 * heading, a table or the front matter. */
static int
counting_words(const struct text *x, size_t i, int min, size_t *last)
{
	int w = number_word(x, i);
	if (w < min || tok_sentence_start(x, i) ||
	    (x->t[i].flags & (TF_FRONT | TF_HEADING | TF_TABLE)))
		return -1;
	*last = i;
	int unit = w >= 20 && tok_dash(x, i + 1) && tok_joined(x, i + 1)
	               ? number_word(x, i + 2)
	               : -1;
	if (unit > 0 && unit < 10) {
		w += unit;
		*last = i + 2;
	}
	const struct tok *n = *last + 1 < x->n ? &x->t[*last + 1] : NULL;
	if (n == NULL || n->type != TOK_WORD || (n->flags & TF_CAP) ||
	    tok_joined(x, *last + 1) || tok_in(x, *last + 1, fractions))
		return -1;
	return w;
}

static void
numbers_in_words(struct lint *L)
{
	const struct text *x = L->x;
	for (size_t i = 0; i < x->n; i++) {
		long v = tok_number(x, i);
		if (v >= 1 && v <= 9 && x->t[i].len == 1 &&
		    counting_numeral(L, i)) {
			struct qa_hit *h = lint_hit(L, QA_NUMBERS, i, i);
			snprintf(h->arg, sizeof(h->arg), "%s", small[v]);
			continue;
		}
		size_t last;
		int w = counting_words(x, i, 10, &last);
		if (w < 0 || tok_iis(x, i - 1, "in") || tok_iis(x, i - 1, "of"))
			continue;
		struct qa_hit *h = lint_hit(L, QA_NUMBERS, i, last);
		snprintf(h->arg, sizeof(h->arg), "%d", w);
	}
}

/* GOV.UK: numerals from 2 up, "one" in words. */
static void
numerals(struct lint *L)
{
	const struct text *x = L->x;
	for (size_t i = 0; i < x->n; i++) {
		if (tok_number(x, i) == 1 && x->t[i].len == 1 &&
		    counting_numeral(L, i)) {
			struct qa_hit *h = lint_hit(L, QA_NUMBERS, i, i);
			snprintf(h->arg, sizeof(h->arg), "one");
			continue;
		}
		/* "one or two", "two-thirds", "two of the", "in two" */
		size_t last;
		int w = counting_words(x, i, 2, &last);
		if (w < 0 || tok_iis(x, last + 1, "or") ||
		    tok_iis(x, i - 1, "or") || tok_iis(x, i - 1, "in"))
			continue;
		struct qa_hit *h = lint_hit(L, QA_NUMBERS, i, last);
		snprintf(h->arg, sizeof(h->arg), "%d", w);
	}
}

void
style_numbers(struct lint *L)
{
	if (L->c->numbers == QA_NUMBERS_WORDS)
		numbers_in_words(L);
	else
		numerals(L);
}

/* ---- long sentences ---- */

/* Words are what white space parts ("multi-agency" is one); a unit (a
 * value the template put in) is one word however many it holds. */
void
style_sentences(struct lint *L)
{
	const struct text *x = L->x;
	int max = L->c->sentence_words > 0 ? L->c->sentence_words : 30;
	size_t u = 0, counted = (size_t)-1;
	for (size_t s = 0; s < x->nsent; s++) {
		size_t first = x->sent[s].first, end = x->sent[s].end;
		if (x->t[first].flags & (TF_FRONT | TF_HEADING | TF_TABLE))
			continue;
		int words = 0;
		bool gap = true;
		size_t start = end;
		for (size_t i = first; i < end; i++) {
			if (x->t[i].flags & (TF_SPACE | TF_BLOCK))
				gap = true;
			if (x->t[i].type == TOK_PUNCT)
				continue;
			if (start == end)
				start = i;
			size_t off = x->t[i].off;
			while (u < L->nunits &&
			       L->units[u].off + L->units[u].len <= off)
				u++;
			if (u < L->nunits && L->units[u].off <= off) {
				words += counted != u;
				counted = u;
				gap = false;
				continue;
			}
			words += gap;
			gap = false;
		}
		if (words > max) {
			struct qa_hit *h =
			    lint_hit(L, QA_SENTENCE, start, end - 1);
			snprintf(h->arg, sizeof(h->arg), "%d", words);
		}
	}
}
