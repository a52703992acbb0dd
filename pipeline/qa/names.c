/* The personal-data rules over names: the inspection's never_print list,
 * a title and a name ("Mrs Okafor"), a name and an age ("Tyler, 15,"), and
 * a person named outright ("a girl called Amelia", "Amelia's mother"). A
 * word counts as a name when it is capitalised, not in capitals, not a
 * common word (stopwords below, months) and not part of the area's,
 * agencies', bodies' or officials' names (qa_config.known). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/strv.h"
#include "qa/lint.h"
#include "qa/text.h"

/* Common words that start sentences or head generic phrases: lower case,
 * in byte order for bsearch (keep it so: LC_ALL=C sort). */
/* clang-format off */
static const char *const stopwords[] = {
    "a", "about", "above", "according", "across", "action", "additionally",
    "adult", "adults", "after", "afterwards", "again", "against", "agencies",
    "agency", "all", "almost", "alongside", "also", "although", "always",
    "among", "an", "and", "another", "any", "anyone", "approximately",
    "april", "are", "around", "as", "at", "august", "authority", "autumn",
    "babies", "baby", "bank", "barnardo", "before", "being", "below",
    "between", "board", "both", "boy", "boys", "britain", "but", "by", "care",
    "carers", "case", "cases", "chief", "child", "child's", "children",
    "children's", "christmas", "consequently", "council", "court",
    "currently", "december", "despite", "director", "diwali", "during",
    "each", "early", "easter", "eid", "either", "england", "english", "every",
    "everybody", "everyone", "families", "family", "father", "february",
    "few", "fewer", "finally", "first", "following", "for", "from", "further",
    "girl", "girls", "god", "half", "hanukkah", "he", "head", "health", "her",
    "here", "his", "however", "hub", "i", "if", "in", "including",
    "independent", "infants", "inspection", "inspectorate", "inspectorates",
    "inspectors", "instead", "is", "it", "its", "january", "july", "june",
    "just", "key", "king", "lady", "last", "later", "lead", "leaders", "less",
    "level", "likewise", "local", "lord", "majesty", "majesty's", "manager",
    "many", "march", "may", "meeting", "meetings", "men", "monday", "more",
    "moreover", "most", "mother", "mothers", "much", "my", "nearly",
    "neither", "never", "nevertheless", "new", "next", "nhs", "no", "nobody",
    "none", "nor", "not", "notably", "november", "now", "october", "of",
    "ofsted", "often", "older", "on", "once", "one", "only", "or", "other",
    "others", "our", "over", "overall", "parents", "part", "partners",
    "partnership", "people", "people's", "phase", "plan", "plans", "police",
    "practitioners", "previously", "priority", "professionals", "pupil",
    "pupils", "queen", "ramadan", "recently", "recommendation",
    "recommendations", "referrals", "saturday", "schools", "scotland",
    "second", "section", "september", "service", "services", "several", "she",
    "sibling", "siblings", "similarly", "since", "sir", "so", "social",
    "some", "somebody", "someone", "spring", "staff", "stage", "still",
    "strategy", "student", "students", "such", "summer", "sunday", "team",
    "teams", "teenager", "teenagers", "than", "that", "the", "their", "them",
    "then", "there", "therefore", "these", "they", "third", "this", "those",
    "though", "three", "through", "thursday", "thus", "tier", "to", "today",
    "toddlers", "together", "too", "trust", "tuesday", "two", "uk", "under",
    "unless", "until", "wales", "we", "wednesday", "when", "where", "whether",
    "which", "while", "who", "whose", "why", "with", "within", "without",
    "women", "women's", "workers", "year", "year's", "years", "yesterday",
    "yet", "you", "young", "younger", "your", NULL};
/* clang-format on */

static bool
stop(const char *w)
{
	const char *key = w;
	return bsearch(&key, stopwords,
	               sizeof(stopwords) / sizeof(*stopwords) - 1,
	               sizeof(char *), lint_strcmp) != NULL;
}

bool
lint_stopword(const struct lint *L, size_t i)
{
	char w[64];
	tok_lower(L->x, i, w, sizeof(w));
	if (stop(w))
		return true;
	tok_base(L->x, i, w, sizeof(w));
	return stop(w);
}

static bool
possessive(const struct text *x, size_t i)
{
	const char *s = x->s + x->t[i].off;
	size_t n = x->t[i].len;
	return (n > 2 && s[n - 2] == '\'' && s[n - 1] == 's') ||
	       (n > 4 && !memcmp(s + n - 4, "\xe2\x80\x99s", 4));
}

/* A word that may be a person's name. */
static bool
name_like(const struct lint *L, size_t i)
{
	const struct text *x = L->x;
	if (i >= x->n)
		return false;
	const struct tok *t = &x->t[i];
	return t->type == TOK_WORD && (t->flags & TF_CAP) &&
	       !(t->flags & (TF_UPPER | TF_DIGIT)) && t->letters >= 2 &&
	       tok_month(x, i, NULL) == 0 && !lint_stopword(L, i) &&
	       !lint_known(L, i);
}

/* ---- the never_print list ---- */

/* Whether the capitalised word i is one word of entry. */
static bool
part_of(const struct text *x, size_t i, const char *entry)
{
	char w[64];
	tok_base(x, i, w, sizeof(w));
	size_t wn = strlen(w);
	for (const char *p = entry; *p;) {
		while (*p == ' ' || *p == '-')
			p++;
		size_t n = strcspn(p, " -");
		if (n >= 2 && n == wn && !strncasecmp(p, w, n))
			return true;
		p += n;
	}
	return false;
}

static void
listed(struct lint *L)
{
	const struct text *x = L->x;
	for (size_t i = 0; i < x->n && L->c->nnever_print; i++) {
		if (x->t[i].type != TOK_WORD)
			continue;
		for (size_t e = 0; e < L->c->nnever_print; e++) {
			const char *entry = L->c->never_print[e];
			size_t last = i;
			if (tok_phrase(x, i, entry, true, &last)) {
				lint_hit(L, QA_NAME_LISTED, i, last);
				i = last;
				break;
			}
			if ((x->t[i].flags & TF_CAP) && part_of(x, i, entry)) {
				lint_hit(L, QA_NAME_LISTED, i, i);
				break;
			}
		}
	}
}

/* ---- a title and a name ---- */

static void
titles(struct lint *L)
{
	static const char *const honorifics[] = {"Mr", "Mrs", "Ms",     "Miss",
	                                         "Mx", "Dr",  "Mister", NULL};
	const struct text *x = L->x;
	for (size_t i = 0; i < x->n; i++) {
		size_t k = 0;
		while (honorifics[k] && !tok_is(x, i, honorifics[k]))
			k++;
		if (honorifics[k] == NULL)
			continue;
		size_t j = i + 1;
		if (tok_punct(x, j, '.') && tok_joined(x, j))
			j++;
		if (j >= x->n || x->t[j].type != TOK_WORD ||
		    !(x->t[j].flags & TF_CAP) || tok_joined(x, j) ||
		    tok_iis(x, j, "Barnardo") || tok_iis(x, j, "Barnardo's") ||
		    (x->t[j].letters > 1 && lint_stopword(L, j)) ||
		    (x->t[j].letters > 1 && lint_known(L, j)))
			continue; /* "Dr Neil Farrant", who signs the letter */
		size_t last = j;
		/* "Mrs J Patel", "Mr A. Hale" */
		while (
		    last + 1 < x->n && x->t[last].letters == 1 &&
		    (tok_punct(x, last + 1, '.') || name_like(L, last + 1))) {
			last += tok_punct(x, last + 1, '.') ? 1 : 0;
			if (name_like(L, last + 1) ||
			    (last + 1 < x->n && x->t[last + 1].letters == 1 &&
			     (x->t[last + 1].flags & TF_CAP)))
				last++;
			else
				break;
		}
		lint_hit(L, QA_NAME_TITLE, i, last);
		i = last;
	}
}

/* ---- a name and an age ---- */

static bool
age_number(const struct text *x, size_t i)
{
	long v = tok_number(x, i);
	return v >= 0 && v <= 25 && x->t[i].len <= 2;
}

/* After the age: nothing that makes it a count ("Northshire, 14 children"). */
static bool
age_ends(const struct text *x, size_t i)
{
	static const char *const after[] = {
	    "years", "year", "when", "and", "at", "but",   "so",
	    "now",   "has",  "had",  "was", "is", "lives", NULL};
	if (i >= x->n || (x->t[i].flags & TF_BLOCK))
		return true;
	const struct tok *t = &x->t[i];
	if (t->type != TOK_PUNCT)
		return tok_in(x, i, after);
	if (t->cp == '.')
		return !tok_joined(x, i + 1); /* not "15.5" */
	return t->cp != '%' && t->cp != '/' && !tok_dash(x, i);
}

/* An age right after the name that ends at token j - 1: returns the age's
 * last token, or 0. first: the name starts its sentence. */
static size_t
age_after(const struct lint *L, size_t j, bool first)
{
	const struct text *x = L->x;
	bool comma = tok_punct(x, j, ',');
	size_t k = comma ? j + 1 : j;
	/* "(15)", "(aged 15)", "(age 15)" */
	if (tok_punct(x, j, '(')) {
		size_t a =
		    j + 1 +
		    (tok_iis(x, j + 1, "aged") || tok_iis(x, j + 1, "age"));
		if (age_number(x, a) && tok_punct(x, a + 1, ')'))
			return a + 1;
		if (age_number(x, a) &&
		    (tok_iis(x, a + 1, "years") || tok_iis(x, a + 1, "yrs")) &&
		    tok_punct(x, a + 2, ')'))
			return a + 2;
		return 0;
	}
	/* ", now 12,", ", who is 10," */
	if (comma && (tok_iis(x, k, "now") || tok_iis(x, k, "then")))
		k++;
	else if (comma && tok_iis(x, k, "who") &&
	         (tok_iis(x, k + 1, "is") || tok_iis(x, k + 1, "was")))
		k += 2;
	/* ", 15," ", 15." */
	if (comma && age_number(x, k) && !tok_joined(x, k)) {
		const struct tok *n = k + 1 < x->n ? &x->t[k + 1] : NULL;
		if (n == NULL ||
		    (n->type == TOK_PUNCT &&
		     (n->cp == ',' || n->cp == ')' || n->cp == ';' ||
		      (n->cp == '.' && !tok_joined(x, k + 2)))))
			return k;
		return 0;
	}
	/* "aged 15", ", aged 15" */
	if (tok_iis(x, k, "aged") && age_number(x, k + 1) &&
	    (comma || !first) && !tok_iis(x, k + 2, "to") &&
	    !tok_iis(x, k + 2, "and") && !tok_iis(x, k + 2, "or") &&
	    !tok_dash(x, k + 2))
		return k + 1;
	/* "is 15", "was 15 years old", "turned 15" */
	if (!comma &&
	    (tok_iis(x, k, "is") || tok_iis(x, k, "was") ||
	     tok_iis(x, k, "turned")) &&
	    age_number(x, k + 1) && age_ends(x, k + 2)) {
		if (tok_iis(x, k + 2, "years") && tok_iis(x, k + 3, "old"))
			return k + 3;
		return k + 1;
	}
	/* ", a 15-year-old" */
	if (tok_iis(x, k, "a") && age_number(x, k + 1) && tok_dash(x, k + 2) &&
	    tok_iis(x, k + 3, "year") && tok_dash(x, k + 4) &&
	    tok_iis(x, k + 5, "old"))
		return k + 5;
	return 0;
}

static void
ages(struct lint *L)
{
	const struct text *x = L->x;
	for (size_t i = 0; i < x->n; i++) {
		if (!name_like(L, i) || possessive(x, i))
			continue;
		bool first = tok_sentence_start(x, i);
		size_t j = i + 1;
		size_t last = age_after(L, j, first);
		if (last == 0 && name_like(L, j) && !tok_joined(x, j) &&
		    !lint_place_noun(x, j))
			last = age_after(L, j + 1, first);
		if (last) {
			lint_hit(L, QA_NAME_AGE, i, last);
			i = last;
		}
	}
}

/* ---- a person named outright ---- */

/* clang-format off */
static const char *const persons[] = {
    "child", "boy", "girl", "baby", "teenager", "person", "sibling",
    "brother", "sister", "mother", "father", "mum", "dad", "parent", "carer",
    "grandmother", "grandfather", "aunt", "uncle", "cousin", "stepfather",
    "stepmother", "partner", "son", "daughter", "pupil", "student", "infant",
    "toddler", "man", "woman", "adult", "perpetrator", "lad", "youngster",
    "twin", "twins", "siblings", NULL};
/* clang-format on */
/* clang-format off */
static const char *const relations[] = {
    "mother", "father", "mum", "dad", "parents", "parent", "sister",
    "sisters", "brother", "brothers", "siblings", "sibling", "carer",
    "carers", "grandmother", "grandfather", "grandparents", "nan", "aunt",
    "uncle", "stepfather", "stepmother", "stepdad", "stepmum", "family",
    "teacher", "school", "baby", "partner", "boyfriend", "girlfriend", "case",
    "plan", "bedroom", "home", "friend", "friends", "foster", "social", "key",
    "birthday", "records", "record", "file", "child", "children", "son",
    "daughter", "cousin", NULL};
/* clang-format on */

/* A capitalised possessive that may be a person's ("Amelia's"). */
static bool
possessor(const struct lint *L, size_t i)
{
	static const char *const owners[] = {
	    "children's",    "child's",   "people's",   "women's",
	    "men's",         "young",     "everyone's", "someone's",
	    "today's",       "year's",    "week's",     "council's",
	    "authority's",   "ofsted's",  "majesty's",  "barnardo's",
	    "nation's",      "country's", "city's",     "town's",
	    "area's",        "county's",  "school's",   "service's",
	    "partnership's", "agency's",  "team's",     "court's",
	    "police's",      "board's",   "trust's",    "family's",
	    "parents'",      "mother's",  "father's",   "carer's",
	    "baby's",        "girl's",    "boy's",      "person's",
	    "nobody's",      "anyone's"};
	const struct text *x = L->x;
	const struct tok *t = &x->t[i];
	if (t->type != TOK_WORD || !(t->flags & TF_CAP) ||
	    (t->flags & (TF_UPPER | TF_DIGIT)) || t->letters < 3 ||
	    lint_known(L, i))
		return false;
	char w[64];
	tok_lower(x, i, w, sizeof(w));
	/* "’s" as "'s" */
	size_t n = strlen(w);
	if (n > 4 && !strcmp(w + n - 4, "\xe2\x80\x99s"))
		strcpy(w + n - 4, "'s");
	return !strv_has(owners, sizeof(owners) / sizeof(*owners), w);
}

static void
persons_named(struct lint *L)
{
	const struct text *x = L->x;
	for (size_t i = 0; i < x->n; i++) {
		size_t j = 0;
		if (tok_in(x, i, persons)) {
			if (tok_iis(x, i + 1, "called") ||
			    tok_iis(x, i + 1, "named"))
				j = i + 2;
			else if (tok_iis(x, i + 1, "known") &&
			         tok_iis(x, i + 2, "as"))
				j = i + 3;
			else if (tok_punct(x, i + 1, ',') &&
			         (tok_iis(x, i + 2, "called") ||
			          tok_iis(x, i + 2, "named")))
				j = i + 3;
			else if (tok_punct(x, i + 1, ',') &&
			         tok_iis(x, i + 2, "known") &&
			         tok_iis(x, i + 3, "as"))
				j = i + 4;
		} else if (tok_iis(x, i, "whose") &&
		           tok_iis(x, i + 1, "name") &&
		           tok_iis(x, i + 2, "is")) {
			j = i + 3;
		}
		if (j && name_like(L, j)) {
			size_t last =
			    name_like(L, j + 1) && !tok_joined(x, j + 1) ? j + 1
			                                                 : j;
			lint_hit(L, QA_NAME_PERSON, j, last);
			i = last;
			continue;
		}
		/* "Amelia's mother": here a common word may be a name
		 * ("Summer's stepfather"), so only words that never own a
		 * mother are out */
		if (possessive(x, i) && tok_in(x, i + 1, relations) &&
		    !tok_joined(x, i + 1) && possessor(L, i))
			lint_hit(L, QA_NAME_PERSON, i, i);
	}
}

void
pd_names(struct lint *L)
{
	listed(L);
	titles(L);
	ages(L);
	persons_named(L);
}
