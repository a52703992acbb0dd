/* The settings of the checks: the framework's `qa` map (framework.yaml)
 * read strictly, like the rest of the framework, and what the inspection
 * adds: its never_print names, its addressees' email domains, and the
 * names of its area, agencies, bodies and officials, which are never a
 * child's name or place. */
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/diag.h"
#include "core/file.h"
#include "core/value.h"
#include "ingest/model.h"
#include "ingest/schema.h"
#include "qa/gate.h"
#include "qa/lint.h"

static const char *const qa_keys[] = {
    "numbers", "sentence_words", "terms", "abbreviations", "email_domains",
    "off",     "waivers",        NULL};
static const char *const term_keys[] = {"avoid", "use", NULL};
static const char *const number_styles[] = {"words", "numerals", NULL};

static void
read_terms(struct reader *r, const struct value *v, struct qa_config *c)
{
	if (v == NULL || schema_seq(r, v, "'terms'") < 0)
		return;
	struct qa_term *t = arena_alloc(r->a, (v->n + 1) * sizeof(*t));
	size_t n = 0;
	for (size_t i = 0; i < v->n; i++) {
		if (schema_map(r, v->items[i], "a term", term_keys, term_keys) <
		    0)
			continue;
		t[n].avoid = schema_text(r, v->items[i], "avoid");
		t[n].use = schema_text(r, v->items[i], "use");
		if (t[n].avoid && t[n].use)
			n++;
	}
	c->terms = t;
	c->nterms = n;
}

static void
read_off(struct reader *r, const struct value *qa, struct qa_config *c)
{
	size_t n;
	const char **ids = schema_ids(r, qa, "off", &n);
	const struct value *list = value_get(qa, "off");
	const char *names[QA_NRULES];
	qa_rule_ids(names);
	for (size_t i = 0; i < n; i++) {
		const struct qa_rule *rule = qa_rule_find(ids[i]);
		if (rule == NULL) {
			schema_unknown(r, list->items[i], "rule", ids[i], names,
			               QA_NRULES);
		} else if (rule->personal) {
			schema_error(r, list->items[i],
			             "the personal-data rule '%s' "
			             "cannot be turned off",
			             ids[i]);
			diag_hint(
			    r->d,
			    "waive one match in a finding instead, with a "
			    "reason (docs/checks.md)");
		} else {
			c->off[rule - qa_rules] = true;
		}
	}
}

/* Waivers of the template's own words: [{rule, match, reason}]. */
static void
read_waivers(struct reader *r, const struct value *v, struct qa_settings *st)
{
	if (v == NULL || schema_seq(r, v, "'waivers'") < 0)
		return;
	const char *names[QA_NRULES];
	qa_rule_ids(names);
	st->waivers = arena_alloc(r->a, (v->n + 1) * sizeof(*st->waivers));
	for (size_t i = 0; i < v->n; i++) {
		struct waiver w = {0};
		bool whole = schema_waiver(r, v->items[i], &w);
		if (w.rule && qa_rule_find(w.rule) == NULL)
			schema_unknown(r, value_get(w.src, "rule"), "rule",
			               w.rule, names, QA_NRULES);
		else if (whole)
			st->waivers[st->nwaivers++] = w;
	}
}

/* The framework's house style: the `qa` map of framework.yaml. */
static void
read_framework(struct reader *r, const struct framework *fw,
               struct qa_settings *st, const char ***domains, size_t *ndomains)
{
	struct qa_config *c = &st->c;
	const struct value *qa = fw->qa;
	/* an unknown key is reported, and the known ones still read */
	if (qa == NULL || (schema_map(r, qa, "'qa'", qa_keys, NULL) < 0 &&
	                   qa->kind != VALUE_MAP))
		return;
	if (value_get(qa, "numbers")) {
		const char *style = schema_id(r, qa, "numbers");
		if (style && !strcmp(style, "numerals"))
			c->numbers = QA_NUMBERS_NUMERALS;
		else if (style && strcmp(style, "words"))
			schema_unknown(r, value_get(qa, "numbers"),
			               "number style", style, number_styles, 2);
	}
	int words = c->sentence_words;
	if (schema_int(r, qa, "sentence_words", &words) == 1 && words < 5)
		schema_error(r, value_get(qa, "sentence_words"),
		             "'sentence_words' must be 5 or more");
	else
		c->sentence_words = words;
	read_terms(r, value_get(qa, "terms"), c);
	c->abbreviations =
	    schema_texts(r, qa, "abbreviations", &c->nabbreviations);
	*domains = schema_texts(r, qa, "email_domains", ndomains);
	read_off(r, qa, c);
	read_waivers(r, value_get(qa, "waivers"), st);
}

struct words {
	const char **v;
	size_t n, cap;
};

/* Adds the capitalised words of name, lower-cased, to w. */
static void
add_words(struct arena *a, struct words *w, const char *name)
{
	for (const char *p = name; p && *p;) {
		while (*p &&
		       !((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		         (unsigned char)*p >= 0x80))
			p++;
		const char *s = p;
		while (*p &&
		       ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		        (unsigned char)*p >= 0x80 || *p == '\''))
			p++;
		size_t n = (size_t)(p - s);
		if (n >= 2 && s[n - 2] == '\'' && s[n - 1] == 's')
			n -= 2;
		if (n == 0 || (*s >= 'a' && *s <= 'z'))
			continue;
		char *lw = arena_strndup(a, s, n);
		for (char *q = lw; *q; q++)
			if (*q >= 'A' && *q <= 'Z')
				*q = (char)(*q - 'A' + 'a');
		if (w->n == w->cap) {
			size_t cap = w->cap ? w->cap * 2 : 64;
			w->v = arena_grow(a, w->v, w->cap * sizeof(char *),
			                  cap * sizeof(char *));
			w->cap = cap;
		}
		w->v[w->n++] = lw;
	}
}

void
qa_config_known(struct qa_config *c, struct arena *a, const char *const *names,
                size_t n)
{
	struct words w = {0};
	for (size_t i = 0; i < n; i++)
		add_words(a, &w, names[i]);
	if (w.n > 1)
		qsort(w.v, w.n, sizeof(*w.v), lint_strcmp);
	size_t u = 0;
	for (size_t i = 0; i < w.n; i++)
		if (u == 0 || strcmp(w.v[u - 1], w.v[i]))
			w.v[u++] = w.v[i];
	c->known = w.v;
	c->nknown = u;
}

/* The names the inspection knows: its area, agencies, inspectorates,
 * other bodies and officials. */
static void
known_names(struct arena *a, const struct inspection *ins, struct qa_config *c)
{
	size_t cap = 4 + ins->nagencies + ins->nnames + ins->nterms +
	             2 * (ins->naddressees + ins->nsignatories + ins->nteam);
	const char **names = arena_alloc(a, cap * sizeof(char *));
	size_t n = 0;
	names[n++] = ins->area_name;
	names[n++] = ins->area_authority;
	names[n++] = ins->principal_authority;
	for (size_t i = 0; i < ins->nagencies; i++)
		names[n++] = ins->agencies[i].name;
	for (size_t i = 0; i < ins->nnames; i++)
		names[n++] = ins->names[i].name;
	for (size_t i = 0; i < ins->nterms; i++)
		names[n++] = ins->terms[i].name;
	const struct person *people[] = {ins->addressees, ins->signatories,
	                                 ins->team};
	size_t counts[] = {ins->naddressees, ins->nsignatories, ins->nteam};
	for (size_t k = 0; k < 3; k++)
		for (size_t i = 0; i < counts[k]; i++) {
			names[n++] = people[k][i].name;
			names[n++] = people[k][i].organisation;
		}
	qa_config_known(c, a, names, n);
}

int
qa_settings(struct arena *a, const struct inspection *ins,
            struct qa_settings *st, struct diag_sink *d)
{
	memset(st, 0, sizeof(*st));
	struct qa_config *c = &st->c;
	qa_config_init(c);
	char *path = file_join(ins->fw->dir, "framework.yaml");
	struct reader r = {a, arena_strdup(a, path), d, false};
	free(path);
	const char **fw_domains = NULL;
	size_t nfw = 0;
	read_framework(&r, ins->fw, st, &fw_domains, &nfw);
	const char **domains =
	    arena_alloc(a, (nfw + ins->naddressees + 1) * sizeof(char *));
	if (nfw)
		memcpy(domains, fw_domains, nfw * sizeof(char *));
	c->nemail_domains = nfw;
	for (size_t i = 0; i < ins->naddressees; i++)
		if (ins->addressees[i].domain)
			domains[c->nemail_domains++] =
			    ins->addressees[i].domain;
	c->email_domains = domains;
	c->never_print = ins->never_print;
	c->nnever_print = ins->nnever_print;
	known_names(a, ins, c);
	return r.failed ? -1 : 0;
}
