/* The house-style rules over marks and letters: italics, words in capitals
 * for emphasis, and abbreviations used before they are spelled out. An
 * all-capital word is an abbreviation unless it is a common word ("NOT"),
 * eight letters or more ("SAFEGUARDING"), or one of three or more in a row
 * ("DID NOT ATTEND"): those are emphasis. */
#include <stdlib.h>
#include <string.h>

#include "qa/lint.h"
#include "qa/strset.h"
#include "qa/text.h"

/* ---- italics ---- */

static void
italics(struct lint *L)
{
	const struct text *x = L->x;
	size_t open[2] = {(size_t)-1, (size_t)-1};
	for (size_t i = 0; i < x->n; i++) {
		const struct tok *t = &x->t[i];
		if (t->flags & TF_BLOCK)
			open[0] = open[1] = (size_t)-1;
		if (t->type != TOK_PUNCT || (t->cp != '*' && t->cp != '_') ||
		    (t->flags & (TF_ESCAPED | TF_FRONT)))
			continue;
		int which = t->cp == '_';
		size_t j = i + 1;
		while (j < x->n && tok_punct(x, j, t->cp) && tok_joined(x, j) &&
		       !(x->t[j].flags & TF_ESCAPED))
			j++;
		bool space_before = i == 0 || !tok_joined(x, i);
		bool space_after = j >= x->n || !tok_joined(x, j);
		bool alnum_before =
		    !space_before && x->t[i - 1].type != TOK_PUNCT;
		bool alnum_after = !space_after && x->t[j].type != TOK_PUNCT;
		bool can_open = !space_after && !(which && alnum_before);
		bool can_close = !space_before && !(which && alnum_after);
		if ((j - i) % 2 == 1) {
			if (can_close && open[which] != (size_t)-1) {
				lint_hit(L, QA_ITALICS, open[which], j - 1);
				open[which] = (size_t)-1;
			} else if (can_open) {
				open[which] = i;
			}
		}
		i = j - 1;
	}
}

/* ---- capitals ---- */

/* Common words (upper case, sorted): in capitals they are emphasis. */
static const char *const common[] = {
    "ACTION",    "AGAIN",  "ALERT",  "ALL",      "ALWAYS", "AND",     "ANY",
    "ARE",       "AT",     "BE",     "BEEN",     "BUT",    "BY",      "CAN",
    "CANNOT",    "CARE",   "CHILD",  "CHILDREN", "COULD",  "DID",     "DO",
    "DOES",      "DONE",   "EACH",   "ENOUGH",   "EVERY",  "FAIL",    "FAILED",
    "FAMILIES",  "FAMILY", "FOR",    "FROM",     "GOOD",   "HAD",     "HAS",
    "HAVE",      "HE",     "HEALTH", "HER",      "HIGH",   "HIS",     "HOW",
    "IMPORTANT", "IN",     "IS",     "LOW",      "MAY",    "MEETING", "MIGHT",
    "MUST",      "NEVER",  "NEW",    "NO",       "NONE",   "NOT",     "NOTE",
    "NOW",       "OF",     "ON",     "ONLY",     "OR",     "PARENT",  "PARENTS",
    "PLAN",      "PLANS",  "PLEASE", "POLICE",   "POOR",   "RISK",    "SAFE",
    "SCHOOL",    "SHE",    "SHOULD", "SOCIAL",   "STILL",  "STOP",    "THAT",
    "THE",       "THEM",   "THESE",  "THEY",     "THIS",   "THOSE",   "TO",
    "TOO",       "UNSAFE", "URGENT", "URGENTLY", "VERY",   "WARNING", "WAS",
    "WE",        "WELL",   "WERE",   "WHAT",     "WHEN",   "WHERE",   "WHO",
    "WHY",       "WILL",   "WITH",   "WITHOUT",  "WORKER", "WORKERS", "WOULD",
    "YES",       "YOU",    NULL};

static bool
upper_word(const struct text *x, size_t i)
{
	return i < x->n && x->t[i].type == TOK_WORD &&
	       (x->t[i].flags & TF_UPPER) && !(x->t[i].flags & TF_DIGIT) &&
	       x->t[i].letters >= 2;
}

static bool
common_word(const struct text *x, size_t i)
{
	char w[16];
	if (x->t[i].len >= sizeof(w))
		return false;
	memcpy(w, x->s + x->t[i].off, x->t[i].len);
	w[x->t[i].len] = '\0';
	const char *key = w;
	return bsearch(&key, common, sizeof(common) / sizeof(*common) - 1,
	               sizeof(char *), lint_strcmp) != NULL;
}

/* Whether token i is in a run of three or more words in capitals. */
static size_t
capital_run(const struct text *x, size_t i)
{
	size_t j = i;
	while (upper_word(x, j) &&
	       (j == i || (!tok_joined(x, j) && !(x->t[j].flags & TF_BLOCK))))
		j++;
	return j - i;
}

static bool
emphasis(const struct text *x, size_t i)
{
	return upper_word(x, i) && (common_word(x, i) || x->t[i].letters >= 8);
}

static void
capitals(struct lint *L)
{
	const struct text *x = L->x;
	for (size_t i = 0; i < x->n; i++) {
		if (!upper_word(x, i) || (x->t[i].flags & TF_FRONT))
			continue;
		size_t run = capital_run(x, i);
		if (run >= 3) {
			if (!(x->t[i].flags & TF_TABLE))
				lint_hit(L, QA_CAPITALS, i, i + run - 1);
			i += run - 1;
		} else if (emphasis(x, i) && !tok_punct(x, i - 1, '(')) {
			lint_hit(L, QA_CAPITALS, i, i);
		}
	}
}

void
style_marks(struct lint *L)
{
	italics(L);
	capitals(L);
}

/* ---- abbreviations before they are spelled out ---- */

/* An abbreviation's letters: two or more capitals, maybe a plural "s"
 * ("GPs"); *n receives the length without the "s". Roman numerals are not
 * abbreviations. */
static bool
abbreviation(const struct text *x, size_t i, size_t *n)
{
	if (i >= x->n || x->t[i].type != TOK_WORD || (x->t[i].flags & TF_DIGIT))
		return false;
	const char *s = x->s + x->t[i].off;
	size_t len = x->t[i].len, caps = 0;
	while (caps < len && s[caps] >= 'A' && s[caps] <= 'Z')
		caps++;
	if (caps < 2 || (caps != len && !(caps + 1 == len && s[caps] == 's')))
		return false;
	if (strspn(s, "IVXLC") >= caps && caps <= 4)
		return false;
	*n = caps;
	return true;
}

/* What the set of abbreviations holds for each: the index of the hit on
 * its first use, or one of these. */
#define UNUSED  ((size_t)-1)
#define DEFINED ((size_t)-2)

/* Defines every abbreviation between the brackets that open at i ("(MASH)",
 * "(HMI Probation)"); returns the closing bracket, or i. */
static size_t
define(struct lint *L, struct strset *set, size_t i)
{
	const struct text *x = L->x;
	size_t j = i + 1;
	while (j < x->n && j - i <= 5 && !tok_punct(x, j, ')') &&
	       x->sent_of[j] == x->sent_of[i])
		j++;
	if (!tok_punct(x, j, ')'))
		return i;
	for (size_t k = i + 1; k < j; k++) {
		size_t n;
		if (!abbreviation(x, k, &n))
			continue;
		struct strslot *sl =
		    strset_get(set, x->s + x->t[k].off, n, true, UNUSED);
		if (sl->val < DEFINED && L->out->v[sl->val].note_len == 0) {
			L->out->v[sl->val].note_off = x->t[k].off;
			L->out->v[sl->val].note_len = x->t[k].len;
		}
		sl->val = DEFINED;
	}
	return j;
}

void
style_first_use(struct lint *L)
{
	const struct text *x = L->x;
	struct strset set = {0};
	for (size_t i = 0; i < L->c->nabbreviations; i++) {
		const char *a = L->c->abbreviations[i];
		strset_get(&set, a, strlen(a), true, DEFINED)->val = DEFINED;
	}
	for (size_t i = 0; i < x->n; i++) {
		size_t n;
		if (tok_punct(x, i, '(')) {
			i = define(L, &set, i);
			continue;
		}
		size_t run = capital_run(x, i);
		if (run >= 3) {
			i += run - 1; /* emphasis, not abbreviations */
			continue;
		}
		if ((x->t[i].flags & TF_FRONT) || !abbreviation(x, i, &n) ||
		    emphasis(x, i))
			continue;
		struct strslot *sl =
		    strset_get(&set, x->s + x->t[i].off, n, true, UNUSED);
		if (sl->val != UNUSED)
			continue;
		/* "CAMHS (child and adolescent mental health services)" */
		if (tok_punct(x, i + 1, '(') && i + 2 < x->n &&
		    x->t[i + 2].type == TOK_WORD &&
		    !(x->t[i + 2].flags & TF_UPPER)) {
			sl->val = DEFINED;
			continue;
		}
		lint_hit(L, QA_ABBREVIATION, i, i);
		sl->val = L->c->off[QA_ABBREVIATION] ? DEFINED : L->out->n - 1;
	}
	strset_release(&set);
}

/* ---- sections with nothing in them ---- */

/* The level of the ATX heading on the line at p (n bytes, no newline), or
 * 0 when it is not one. */
static int
heading_level(const char *p, size_t n)
{
	size_t i = 0;
	while (i < n && i < 3 && p[i] == ' ')
		i++;
	size_t k = 0;
	while (i + k < n && p[i + k] == '#')
		k++;
	if (k < 1 || k > 6)
		return 0;
	return i + k == n || p[i + k] == ' ' || p[i + k] == '\t' ? (int)k : 0;
}

static bool
blank(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r')
			return false;
	return true;
}

static bool
fence(const char *p, size_t n)
{
	size_t i = 0;
	while (i < n && i < 3 && p[i] == ' ')
		i++;
	return n - i >= 3 && (!strncmp(p + i, "```", 3) ||
	                      !strncmp(p + i, "~~~", 3));
}

void
style_sections(struct lint *L, const char *s, size_t len)
{
	/* the heading waiting for its content: where it is and its level */
	size_t open_off = 0, open_len = 0;
	int open_level = 0;
	bool in_fence = false;
	size_t front = 0;
	if ((L->flags & QA_LETTER) && len >= 4 && !strncmp(s, "---\n", 4)) {
		const char *end = strstr(s + 4, "\n---");
		front = end ? (size_t)(end - s) + 4 : len;
	}
	for (size_t at = front; at < len;) {
		const char *nl = memchr(s + at, '\n', len - at);
		size_t n = nl ? (size_t)(nl - (s + at)) : len - at;
		const char *p = s + at;
		if (fence(p, n))
			in_fence = !in_fence;
		int level = in_fence ? 0 : heading_level(p, n);
		if (level > 0) {
			if (open_level > 0 && level <= open_level)
				lint_hit_bytes(L, QA_EMPTY_SECTION, open_off,
				               open_len);
			open_off = at;
			open_len = n;
			open_level = level;
		} else if (!blank(p, n)) {
			open_level = 0;
		}
		at += n + 1;
	}
	if (open_level > 0)
		lint_hit_bytes(L, QA_EMPTY_SECTION, open_off, open_len);
}
