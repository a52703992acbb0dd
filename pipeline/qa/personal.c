/* The personal-data rules over numbers and places: NHS numbers, telephone
 * numbers, case and record numbers, postcodes, email addresses, dates of
 * birth and exact ages next to a named place. Names are in names.c. Each
 * rule is one pass over the tokens, looking a bounded way ahead. */
#include <string.h>
#include <strings.h>

#include "qa/lint.h"
#include "qa/text.h"
#include "qa/when.h"

static bool
is_num(const struct text *x, size_t i)
{
	return i < x->n && x->t[i].type == TOK_NUM;
}

static bool
is_word(const struct text *x, size_t i)
{
	return i < x->n && x->t[i].type == TOK_WORD;
}

/* Token i is glued to what precedes it ("ab12", "1.5", "£12", "+44"). */
static bool
attached_before(const struct text *x, size_t i)
{
	if (!tok_joined(x, i))
		return false;
	const struct tok *p = &x->t[i - 1];
	return p->type != TOK_PUNCT || strchr(".,/:+-$#)", (int)p->cp) ||
	       p->cp == 0xA3 || p->cp == 0x2013;
}

/* Token i is glued to what follows ("123ab", "12.5", "12/3"). */
static bool
attached_after(const struct text *x, size_t i)
{
	if (!tok_joined(x, i + 1))
		return false;
	const struct tok *n = &x->t[i + 1];
	if (n->type != TOK_PUNCT)
		return true;
	return strchr(".,/:-", (int)n->cp) && is_num(x, i + 2) &&
	       tok_joined(x, i + 2);
}

/* ---- NHS numbers ---- */

static bool
nhs_valid(const char *d)
{
	int sum = 0;
	for (int k = 0; k < 9; k++)
		sum += (d[k] - '0') * (10 - k);
	int check = 11 - sum % 11;
	if (check == 11)
		check = 0;
	return check != 10 && check == d[9] - '0';
}

/* Digit groups from token i, joined by whitespace or one hyphen: the
 * groups' token indexes into g (at most 8), their digits into d. */
static size_t
digit_groups(const struct text *x, size_t i, size_t *g, char *d, size_t *nd)
{
	size_t ng = 0, k = i;
	*nd = 0;
	for (;;) {
		if (ng == 8 || *nd + x->t[k].len > 16)
			break;
		memcpy(d + *nd, x->s + x->t[k].off, x->t[k].len);
		*nd += x->t[k].len;
		g[ng++] = k;
		if (is_num(x, k + 1) && !tok_joined(x, k + 1) &&
		    !(x->t[k + 1].flags & TF_BLOCK))
			k = k + 1;
		else if (tok_dash(x, k + 1) && tok_joined(x, k + 1) &&
		         is_num(x, k + 2) && tok_joined(x, k + 2))
			k = k + 2;
		else
			break;
	}
	d[*nd] = '\0';
	return ng;
}

static void
nhs_numbers(struct lint *L)
{
	const struct text *x = L->x;
	for (size_t i = 0; i < x->n; i++) {
		if (!is_num(x, i) || attached_before(x, i))
			continue;
		size_t g[8], nd;
		char d[24];
		size_t ng = digit_groups(x, i, g, d, &nd);
		size_t last = g[ng - 1];
		if (!attached_after(x, last)) {
			if (nd == 10 && nhs_valid(d)) {
				lint_hit(L, QA_NHS_NUMBER, i, last);
			} else {
				/* a 3-3-4 number inside a longer run */
				size_t off = 0;
				for (size_t k = 0; k + 2 < ng; k++) {
					size_t a = x->t[g[k]].len,
					       b = x->t[g[k + 1]].len,
					       c = x->t[g[k + 2]].len;
					if (a == 3 && b == 3 && c == 4 &&
					    nhs_valid(d + off)) {
						lint_hit(L, QA_NHS_NUMBER, g[k],
						         g[k + 2]);
						break;
					}
					off += a;
				}
			}
		}
		i = last;
	}
}

/* ---- telephone numbers ---- */

/* The digits of a telephone number starting at token i, through spaces,
 * hyphens, dots and brackets; *last receives its last token. */
static size_t
phone_digits(const struct text *x, size_t i, char *d, size_t cap, size_t *last)
{
	size_t nd = 0, k = i;
	for (;;) {
		size_t len = x->t[k].len;
		if (nd + len >= cap)
			return 0;
		memcpy(d + nd, x->s + x->t[k].off, len);
		nd += len;
		*last = k;
		size_t j = k + 1, seps = 0;
		while (j < x->n && seps < 2 && x->t[j].type == TOK_PUNCT &&
		       !(x->t[j].flags & TF_BLOCK) &&
		       (strchr("()-", (int)x->t[j].cp) ||
		        x->t[j].cp == 0x2013 ||
		        (x->t[j].cp == '.' && tok_joined(x, j) &&
		         tok_joined(x, j + 1))))
			j++, seps++;
		if (!is_num(x, j) || (x->t[j].flags & TF_BLOCK))
			break;
		if (tok_punct(x, j - 1, ')') && !tok_punct(x, k + 1, ')') &&
		    seps == 1)
			break;
		k = j;
	}
	if (tok_punct(x, *last + 1, ')') && tok_joined(x, *last + 1))
		*last += 1;
	d[nd] = '\0';
	return nd;
}

static void
phones(struct lint *L)
{
	const struct text *x = L->x;
	for (size_t i = 0; i < x->n; i++) {
		size_t first = i, start = i;
		bool intl = false;
		if (tok_punct(x, i, '+') && is_num(x, i + 1) &&
		    tok_joined(x, i + 1) &&
		    !strncmp(x->s + x->t[i + 1].off, "44", 2)) {
			intl = true;
			start = i + 1;
		} else if (tok_punct(x, i, '(') && is_num(x, i + 1) &&
		           tok_joined(x, i + 1) &&
		           x->s[x->t[i + 1].off] == '0') {
			start = i + 1;
		} else if (!is_num(x, i) || x->s[x->t[i].off] != '0' ||
		           x->t[i].len < 2 || attached_before(x, i)) {
			continue;
		}
		char d[32], nat[32];
		size_t last;
		size_t nd = phone_digits(x, start, d, sizeof(d), &last);
		if (nd == 0)
			continue;
		if (intl) {
			const char *rest = d + 2;
			if (*rest == '0')
				rest++;
			nat[0] = '0';
			strncpy(nat + 1, rest, sizeof(nat) - 2);
			nat[sizeof(nat) - 1] = '\0';
		} else {
			memcpy(nat, d, nd + 1);
		}
		size_t n = strlen(nat);
		if ((n == 10 || n == 11) && nat[0] == '0' &&
		    strchr("127", nat[1]) && !attached_after(x, last)) {
			lint_hit(L, QA_PHONE, first, last);
			i = last;
		}
	}
}

/* ---- case and record numbers ---- */

struct chain {
	size_t last;
	size_t digits, groups, letter_groups;
	size_t widest_inner; /* the most digits in a middle group */
	bool only_digits;
};

/* The reference starting at token i: words and numbers glued together by
 * '/', '-' or '.', and digit groups parted by a space ("123 456 7890"). */
static void
chain_at(const struct text *x, size_t i, struct chain *c)
{
	memset(c, 0, sizeof(*c));
	c->only_digits = true;
	size_t k = i, widest = 0, last_digits = 0;
	for (;;) {
		const struct tok *t = &x->t[k];
		size_t dg = 0;
		for (size_t b = 0; b < t->len; b++)
			dg +=
			    x->s[t->off + b] >= '0' && x->s[t->off + b] <= '9';
		c->digits += dg;
		c->groups++;
		if (t->type == TOK_WORD) {
			c->only_digits = false;
			if (dg == 0 && (t->flags & TF_UPPER) && t->letters <= 5)
				c->letter_groups++;
		}
		/* a middle group: known once the next one is seen */
		if (c->groups > 2 && last_digits > widest)
			widest = last_digits;
		last_digits = dg;
		c->last = k;
		if (c->groups > 12)
			break;
		if (tok_joined(x, k + 1) && x->t[k + 1].type == TOK_PUNCT &&
		    (strchr("/-.", (int)x->t[k + 1].cp) ||
		     x->t[k + 1].cp == 0x2013) &&
		    tok_joined(x, k + 2) && k + 2 < x->n &&
		    x->t[k + 2].type != TOK_PUNCT)
			k += 2;
		else if (t->type == TOK_NUM && is_num(x, k + 1) &&
		         !tok_joined(x, k + 1) &&
		         !(x->t[k + 1].flags & TF_BLOCK))
			k += 1;
		else
			break;
	}
	c->widest_inner = widest;
}

static const char *const case_words[] = {
    "case",    "record",   "file",     "reference", "ref",
    "crime",   "incident", "log",      "client",    "patient",
    "cad",     "urn",      "referral", "pnc",       "custody",
    "police",  "nhs",      "mosaic",   "lcs",       "ehm",
    "eclipse", "rio",      "systmone", "id",        NULL};
static const char *const number_words[] = {"number",     "no",        "num",
                                           "ref",        "reference", "id",
                                           "identifier", "code",      NULL};

/* "case number 4471920", "crime reference: 12/34567/24", "ID 885102". */
static bool
after_keyword(struct lint *L, size_t i)
{
	const struct text *x = L->x;
	if (!tok_in(x, i, case_words))
		return false;
	size_t j = i + 1;
	bool labelled = tok_iis(x, i, "ref") || tok_iis(x, i, "id") ||
	                tok_iis(x, i, "urn") || tok_iis(x, i, "reference");
	if (tok_in(x, j, number_words)) {
		labelled = true;
		j++;
		if (tok_punct(x, j, '.') && tok_joined(x, j))
			j++;
	}
	if (tok_punct(x, j, ':') || tok_punct(x, j, '#'))
		j++;
	if (j >= x->n || x->t[j].type == TOK_PUNCT || attached_before(x, j))
		return false;
	struct chain c;
	chain_at(x, j, &c);
	if (c.digits < 4 || attached_after(x, c.last))
		return false;
	if (!labelled && c.digits < 5 && c.only_digits)
		return false;
	lint_hit(L, QA_CASE_NUMBER, j, c.last);
	return true;
}

/* "E10000099" is an area's ONS code, not a case. */
static bool
ons_code(const struct text *x, size_t i)
{
	const char *s = x->s + x->t[i].off;
	if (x->t[i].len != 9 || !strchr("EWSNK", s[0]))
		return false;
	for (size_t k = 1; k < 9; k++)
		if (s[k] < '0' || s[k] > '9')
			return false;
	return true;
}

/* "CR/2024/00123", "MASH-19-04567", "12/34567/24", "LCS1234567". */
static bool
by_shape(struct lint *L, size_t i)
{
	const struct text *x = L->x;
	if (x->t[i].type == TOK_PUNCT || attached_before(x, i))
		return false;
	if (x->t[i].type == TOK_WORD && (x->t[i].flags & TF_DIGIT) &&
	    x->t[i].letters <= 4 && !ons_code(x, i)) {
		const char *s = x->s + x->t[i].off;
		size_t k = 0, n = x->t[i].len;
		while (k < n && s[k] >= 'A' && s[k] <= 'Z')
			k++;
		size_t digits = n - k;
		bool tail = k > 0;
		for (size_t b = k; b < n; b++)
			tail &= s[b] >= '0' && s[b] <= '9';
		if (tail && digits >= 6 && !attached_after(x, i)) {
			lint_hit(L, QA_CASE_NUMBER, i, i);
			return true;
		}
	}
	struct chain c;
	chain_at(x, i, &c);
	size_t glued = 0;
	for (size_t k = i; k < c.last; k++)
		glued += tok_joined(x, k + 1);
	if (glued == 0 || attached_after(x, c.last))
		return false;
	if ((c.letter_groups >= 1 && c.digits >= 5 && c.groups >= 2) ||
	    (c.only_digits && c.groups >= 3 && c.widest_inner >= 4 &&
	     c.digits >= 7)) {
		lint_hit(L, QA_CASE_NUMBER, i, c.last);
		return true;
	}
	return false;
}

static void
case_numbers(struct lint *L)
{
	const struct text *x = L->x;
	for (size_t i = 0; i < x->n; i++) {
		size_t before = L->out->n;
		if (after_keyword(L, i) || by_shape(L, i)) {
			/* go on after the reference */
			size_t end = L->out->n > before
			                 ? L->out->v[L->out->n - 1].off +
			                       L->out->v[L->out->n - 1].len
			                 : 0;
			while (i + 1 < x->n && x->t[i + 1].off < end)
				i++;
		}
	}
}

/* ---- postcodes ---- */

static bool
postcode_area(const char *s, size_t n)
{
	static const char areas[] = " AB AL B BA BB BD BH BL BN BR BS BT CA CB "
	                            "CF CH CM CO CR CT CV CW DA"
	                            " DD DE DG DH DL DN DT DY E EC EH EN EX FK "
	                            "FY G GL GU GY HA HD HG HP"
	                            " HR HS HU HX IG IM IP IV JE KA KT KW KY L "
	                            "LA LD LE LL LN LS LU M ME"
	                            " MK ML N NE NG NN NP NR NW OL OX PA PE PH "
	                            "PL PO PR RG RH RM S SA SE"
	                            " SG SK SL SM SN SO SP SR SS ST SW SY TA "
	                            "TD TF TN TQ TR TS TW UB W WA"
	                            " WC WD WF WN WR WS WV YO ZE ";
	char key[5] = {' ', 0, 0, 0, 0};
	for (size_t k = 0; k < n; k++)
		key[k + 1] = (char)(s[k] & ~0x20);
	key[n + 1] = ' ';
	return strstr(areas, key) != NULL;
}

static bool
upper_alpha(char c)
{
	return (c & ~0x20) >= 'A' && (c & ~0x20) <= 'Z';
}

static bool
digit(char c)
{
	return c >= '0' && c <= '9';
}

/* An outward code: A9, A99, A9A, AA9, AA99, AA9A with a real area. */
static bool
outward(const char *s, size_t n)
{
	size_t a = 0;
	while (a < n && a < 2 && upper_alpha(s[a]))
		a++;
	if (a == 0 || a == n || !postcode_area(s, a))
		return false;
	size_t d = a;
	while (d < n && d - a < 2 && digit(s[d]))
		d++;
	if (d == a)
		return false;
	if (d == n)
		return true;
	return d + 1 == n && d - a == 1 && upper_alpha(s[d]);
}

/* An inward code: 9AA, without C, I, K, M, O or V. */
static bool
inward(const char *s, size_t n)
{
	return n == 3 && digit(s[0]) && upper_alpha(s[1]) &&
	       upper_alpha(s[2]) && !strchr("CIKMOVcikmov", s[1]) &&
	       !strchr("CIKMOVcikmov", s[2]);
}

static void
postcodes(struct lint *L)
{
	const struct text *x = L->x;
	for (size_t i = 0; i < x->n; i++) {
		const struct tok *t = &x->t[i];
		if (t->type != TOK_WORD || !(t->flags & TF_DIGIT) ||
		    attached_before(x, i))
			continue;
		const char *s = x->s + t->off;
		if (outward(s, t->len) && is_word(x, i + 1) &&
		    !tok_joined(x, i + 1) && !(x->t[i + 1].flags & TF_BLOCK) &&
		    inward(x->s + x->t[i + 1].off, x->t[i + 1].len) &&
		    !attached_after(x, i + 1)) {
			lint_hit(L, QA_POSTCODE, i, i + 1);
			i++;
		} else if (t->len >= 5 && t->len <= 7 &&
		           outward(s, t->len - 3) &&
		           inward(s + t->len - 3, 3) && !attached_after(x, i)) {
			lint_hit(L, QA_POSTCODE, i, i);
		}
	}
}

void
pd_numbers(struct lint *L)
{
	nhs_numbers(L);
	phones(L);
	case_numbers(L);
	postcodes(L);
}

/* ---- email addresses ---- */

static bool
domain_allowed(const struct qa_config *c, const char *dom, size_t n)
{
	for (size_t i = 0; i < c->nemail_domains; i++) {
		const char *a = c->email_domains[i];
		size_t k = strlen(a);
		if (k > n || strncasecmp(dom + n - k, a, k))
			continue;
		if (k == n || dom[n - k - 1] == '.')
			return true;
	}
	return false;
}

void
pd_email(struct lint *L)
{
	const struct text *x = L->x;
	for (size_t i = 1; i + 1 < x->n; i++) {
		if (!tok_punct(x, i, '@') || !tok_joined(x, i) ||
		    !tok_joined(x, i + 1))
			continue;
		size_t at = x->t[i].off, a = at, b = at + 1;
		while (a > 0 && at - a < 64 &&
		       (strchr("._%+-'", x->s[a - 1]) || digit(x->s[a - 1]) ||
		        upper_alpha(x->s[a - 1])))
			a--;
		while (b < x->len && b - at < 255 &&
		       (strchr(".-", x->s[b]) || digit(x->s[b]) ||
		        upper_alpha(x->s[b])))
			b++;
		while (b > at + 1 && strchr(".-", x->s[b - 1]))
			b--;
		const char *dom = x->s + at + 1;
		size_t n = b - at - 1;
		const char *dot = NULL;
		for (size_t k = n; k > 0 && dot == NULL; k--)
			if (dom[k - 1] == '.')
				dot = dom + k - 1;
		if (a == at || dot == NULL || (size_t)(dom + n - dot) < 3)
			continue;
		bool tld = true;
		for (const char *p = dot + 1; p < dom + n; p++)
			tld &= upper_alpha(*p);
		if (tld && !domain_allowed(L->c, dom, n))
			lint_hit_bytes(L, QA_EMAIL, a, b - a);
	}
}

/* ---- dates of birth ---- */

/* The token after a birth keyword at i ("born", "date of birth", "DOB",
 * "D.O.B.", "birthday"), or 0 when there is none. */
static size_t
birth_keyword(const struct text *x, size_t i)
{
	if (tok_iis(x, i, "born") || tok_iis(x, i, "birthday") ||
	    tok_iis(x, i, "birthdate") || tok_is(x, i, "DOB") ||
	    tok_is(x, i, "dob"))
		return i + 1;
	if (tok_iis(x, i, "birth"))
		return tok_iis(x, i + 1, "date") ? i + 2
		       : tok_iis(x, i - 1, "of") ? i + 1
		                                 : 0;
	if ((tok_is(x, i, "D") || tok_is(x, i, "d")) &&
	    tok_punct(x, i + 1, '.') && tok_iis(x, i + 2, "o") &&
	    tok_punct(x, i + 3, '.') && tok_iis(x, i + 4, "b"))
		return tok_punct(x, i + 5, '.') ? i + 6 : i + 5;
	return 0;
}

static void
births(struct lint *L)
{
	static const char *const fillers[] = {"on",  "in", "is",    "was", "of",
	                                      "the", "as", "given", NULL};
	const struct text *x = L->x;
	for (size_t i = 0; i < x->n; i++) {
		size_t j = birth_keyword(x, i);
		if (j == 0)
			continue;
		for (size_t k = 0; k < 3 && j < x->n; k++) {
			if (tok_in(x, j, fillers) || tok_punct(x, j, ':') ||
			    tok_punct(x, j, ',') || tok_dash(x, j) ||
			    tok_punct(x, j, '('))
				j++;
			else
				break;
		}
		struct when w;
		if (j < x->n && x->sent_of[j] == x->sent_of[i] &&
		    when_at(x, j, &w)) {
			lint_hit(L, QA_DATE_OF_BIRTH, j, w.last);
			i = w.last;
		}
	}
}

/* ---- exact ages next to a named place ---- */

static const char *const number_names[] = {
    "one",      "two",      "three",   "four",    "five",      "six",
    "seven",    "eight",    "nine",    "ten",     "eleven",    "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty",   NULL};
static const char *const units[] = {"year", "years", "month", "months",
                                    "week", "weeks", NULL};

static bool
age_value(const struct text *x, size_t i)
{
	long v = tok_number(x, i);
	return (v >= 0 && v <= 25 && x->t[i].len <= 2) ||
	       tok_in(x, i, number_names);
}

/* An exact age whose first token is i ("14-year-old", "14 years old",
 * "aged 14", "age of 14"); returns its last token, or 0. */
static size_t
age_at(const struct text *x, size_t i)
{
	if (age_value(x, i)) {
		if (tok_dash(x, i + 1) && tok_joined(x, i + 1) &&
		    tok_in(x, i + 2, units) && tok_dash(x, i + 3) &&
		    (tok_iis(x, i + 4, "old") || tok_iis(x, i + 4, "olds")))
			return i + 4;
		if (tok_in(x, i + 1, units) && tok_iis(x, i + 2, "old") &&
		    !tok_joined(x, i + 1))
			return i + 2;
		return 0;
	}
	size_t j;
	if (tok_iis(x, i, "aged") || tok_iis(x, i, "age"))
		j = tok_iis(x, i + 1, "of") ? i + 2 : i + 1;
	else
		return 0;
	if (!is_num(x, j) || !age_value(x, j))
		return 0;
	/* a range or a bound is not an exact age */
	if (tok_iis(x, j + 1, "to") || tok_iis(x, j + 1, "and") ||
	    tok_iis(x, j + 1, "or") || tok_dash(x, j + 1) ||
	    tok_punct(x, j + 1, '+') || tok_iis(x, i - 1, "under") ||
	    tok_iis(x, i - 1, "over"))
		return 0;
	return j;
}

static const char *const school_words[] = {
    "School",  "Academy", "College", "Primary", "Nursery", "Infants",
    "Juniors", "High",    "Grammar", "PRU",     NULL};
static const char *const street_words[] = {
    "Road",     "Street",  "Avenue",  "Lane",  "Close",  "Drive",  "Way",
    "Crescent", "Gardens", "Terrace", "Grove", "Estate", "estate", "Park",
    "Square",   "Place",   "Court",   "Mews",  "Rise",   "Row",    "Walk",
    "Green",    "Hill",    "Centre",  NULL};
static const char *const place_preps[] = {
    "at",       "from",    "in",    "near",  "attending", "attends",
    "attended", "outside", "lives", "lived", NULL};

bool
lint_place_noun(const struct text *x, size_t i)
{
	return tok_in(x, i, school_words) || tok_in(x, i, street_words);
}

/* A capitalised word that can be part of a place's name. */
static bool
place_word(const struct lint *L, size_t i)
{
	const struct tok *t = &L->x->t[i];
	return t->type == TOK_WORD && (t->flags & TF_CAP) &&
	       (!(t->flags & TF_UPPER) || t->letters == 1);
}

/* A named place at token i ("at Brackley Academy", "Marsh Lane", "St
 * Anne's"): returns its last token, or 0; *first receives its first. */
static size_t
place_at(const struct lint *L, size_t i, size_t *first)
{
	const struct text *x = L->x;
	size_t j = i;
	*first = i;
	if (tok_in(x, i, place_preps)) {
		j = i + 1;
		if (tok_iis(x, j, "in") || tok_iis(x, j, "at"))
			j++; /* "lives in" */
		if (tok_iis(x, j, "the"))
			j++;
	} else if (tok_is(x, i, "St") && place_word(L, i + 1)) {
		return i + 1;
	}
	*first = j;
	size_t k = j;
	bool unknown = false;
	while (k < x->n && place_word(L, k) && x->sent_of[k] == x->sent_of[i] &&
	       k - j < 6) {
		unknown |= !lint_known(L, k) && !lint_stopword(L, k) &&
		           tok_month(x, k, NULL) == 0;
		k++;
	}
	if (k == j)
		return 0;
	size_t last = k - 1;
	if (tok_in(x, k, street_words) || tok_iis(x, k, "school"))
		last =
		    k; /* "the Brackley estate", "Marsh Lane primary school" */
	if ((tok_in(x, last, school_words) ||
	     (tok_is(x, last, "Unit") && tok_is(x, last - 1, "Referral"))) &&
	    last > j)
		return last;
	if (tok_in(x, last, street_words) && last > j && unknown)
		return last;
	return j > i && unknown ? last : 0;
}

static void
ages_and_places(struct lint *L)
{
	const struct text *x = L->x;
	for (size_t s = 0; s < x->nsent; s++) {
		size_t place = 0, place_last = 0, age = 0, age_last = 0;
		bool have_place = false, have_age = false;
		for (size_t i = x->sent[s].first; i < x->sent[s].end; i++) {
			size_t last = 0;
			if (!have_age && (last = age_at(x, i)) != 0) {
				have_age = true;
				age = i;
				age_last = last;
			} else if (!have_place &&
			           (last = place_at(L, i, &place)) != 0) {
				have_place = true;
				place_last = last;
				i = last;
			}
		}
		if (have_age && have_place) {
			struct qa_hit *h =
			    lint_hit(L, QA_AGE_PLACE, age, age_last);
			h->note_off = x->t[place].off;
			h->note_len = tok_extent(x, place, place_last);
		}
	}
}

void
pd_birth(struct lint *L)
{
	births(L);
	ages_and_places(L);
}
