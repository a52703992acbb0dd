/* The corpus of the checks before publication (README.md beside this
 * file): every sentence of flagged.txt must be reported by the rule it
 * names, no sentence of clean.txt by any rule. Prints each rule's figures
 * and the done-when figures, and fails when they fall short:
 *   - every structured personal-data sentence caught (NHS numbers,
 *     postcodes, telephone numbers, emails, dates of birth);
 *   - at least 90% of the name sentences caught;
 *   - at least 95% of every other flagged sentence caught;
 *   - at most 2% of the clean sentences flagged.
 *
 *   qa_corpus DIR [-v]      -v lists every miss and every false alarm
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/file.h"
#include "qa/lint.h"
#include "qa/qa.h"

struct tally {
	int flagged, caught, clean, alarms;
};

struct ctx {
	struct arena *a;
	struct qa_config c;
	struct qa_term term;
	struct tally t[QA_NRULES];
	int verbose;
};

/* Splits a ';'-separated list into the arena; *n receives the count. */
static const char **
split(struct arena *a, const char *s, size_t *n)
{
	const char **v = arena_alloc(a, (strlen(s) / 2 + 2) * sizeof(char *));
	*n = 0;
	while (*s) {
		while (*s == ' ' || *s == ';')
			s++;
		size_t k = strcspn(s, ";");
		while (k && s[k - 1] == ' ')
			k--;
		if (k)
			v[(*n)++] = arena_strndup(a, s, k);
		s += k;
		while (*s && *s != ';')
			s++;
	}
	return v;
}

static int
directive(struct ctx *x, const char *line)
{
	const char *colon = strchr(line, ':');
	if (colon == NULL)
		return -1;
	size_t klen = (size_t)(colon - line);
	const char *val = colon + 1;
	size_t n;
	const char **list = split(x->a, val, &n);
	if (!strncmp(line, "area", klen) || !strncmp(line, "known", klen)) {
		/* the area first, then the rest: both are known names */
		size_t old = x->c.nknown;
		const char **all =
		    arena_alloc(x->a, (old + n + 1) * sizeof(char *));
		if (old)
			memcpy(all, x->c.known, old * sizeof(char *));
		memcpy(all + old, list, n * sizeof(char *));
		qa_config_known(&x->c, x->a, all, old + n);
	} else if (!strncmp(line, "never_print", klen)) {
		x->c.never_print = list;
		x->c.nnever_print = n;
	} else if (!strncmp(line, "email_domains", klen)) {
		x->c.email_domains = list;
		x->c.nemail_domains = n;
	} else if (!strncmp(line, "abbreviations", klen)) {
		x->c.abbreviations = list;
		x->c.nabbreviations = n;
	} else if (!strncmp(line, "terms", klen)) {
		const char *eq = strstr(val, "=");
		if (eq == NULL)
			return -1;
		char *avoid = arena_strndup(x->a, val, (size_t)(eq - val));
		while (*avoid == ' ')
			avoid++;
		size_t k = strlen(avoid);
		while (k && avoid[k - 1] == ' ')
			avoid[--k] = '\0';
		x->term.avoid = avoid;
		x->term.use = arena_strdup(x->a, eq + 2);
		x->c.terms = &x->term;
		x->c.nterms = 1;
	} else if (!strncmp(line, "numbers", klen)) {
		x->c.numbers = strstr(val, "numerals") ? QA_NUMBERS_NUMERALS
		                                       : QA_NUMBERS_WORDS;
	} else {
		return -1;
	}
	return 0;
}

/* Lints one sentence as a letter of its own; returns whether rule r fired
 * (want) or whether anything did (want < 0). */
static bool
fires(struct ctx *x, const char *s, int want, struct buf *why)
{
	struct qa_hits hits = {0};
	qa_lint(&x->c, s, strlen(s), QA_FIRST_USE, NULL, 0, &hits);
	bool hit = false;
	for (size_t i = 0; i < hits.n; i++) {
		if (want < 0 || hits.v[i].rule == (enum qa_rule_id)want)
			hit = true;
		buf_printf(why, " %s '%.*s'", qa_rules[hits.v[i].rule].id,
		           (int)hits.v[i].len, s + hits.v[i].off);
	}
	qa_hits_release(&hits);
	return hit;
}

static int
run_file(struct ctx *x, const char *path, bool clean)
{
	struct buf text;
	buf_init(&text);
	struct diag_sink d;
	diag_init(&d);
	if (file_read(path, &text, &d) < 0) {
		fprintf(stderr, "qa_corpus: cannot read %s\n", path);
		return -1;
	}
	char *all = buf_detach(&text);
	int lineno = 0, rc = 0;
	for (char *line = strtok(all, "\n"); line; line = strtok(NULL, "\n")) {
		lineno++;
		if (!strncmp(line, "#!", 2)) {
			if (directive(x, line + 3) < 0) {
				fprintf(stderr, "%s: bad directive '%s'\n",
				        path, line);
				rc = -1;
			}
			continue;
		}
		if (line[0] == '#' || line[0] == '\0')
			continue;
		char *tab = strchr(line, '\t');
		if (tab)
			*tab = '\0';
		const struct qa_rule *r = qa_rule_find(line);
		if (tab == NULL || r == NULL) {
			fprintf(stderr, "%s: no rule for '%s'\n", path, line);
			rc = -1;
			continue;
		}
		const char *s = tab + 1;
		int id = (int)(r - qa_rules);
		struct buf why;
		buf_init(&why);
		if (clean) {
			x->t[id].clean++;
			if (fires(x, s, -1, &why)) {
				x->t[id].alarms++;
				if (x->verbose)
					printf("false alarm [%s] %s\n   ->%s\n",
					       r->id, s, buf_cstr(&why));
			}
		} else {
			x->t[id].flagged++;
			if (fires(x, s, id, &why))
				x->t[id].caught++;
			else if (x->verbose)
				printf("missed [%s] %s\n   ->%s\n", r->id, s,
				       why.len ? buf_cstr(&why) : " nothing");
		}
		buf_release(&why);
	}
	free(all);
	diag_release(&d);
	return rc;
}

static double
pct(int a, int b)
{
	return b ? 100.0 * a / b : 100.0;
}

int
main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: qa_corpus DIR [-v]\n");
		return 2;
	}
	struct ctx x;
	memset(&x, 0, sizeof(x));
	x.a = arena_new();
	x.verbose = argc > 2 && !strcmp(argv[2], "-v");
	qa_config_init(&x.c);
	char *flagged = file_join(argv[1], "flagged.txt");
	char *clean = file_join(argv[1], "clean.txt");
	int rc = run_file(&x, flagged, false);
	qa_config_init(&x.c);
	rc |= run_file(&x, clean, true);
	free(flagged);
	free(clean);
	int sc = 0, sf = 0, nc = 0, nf = 0, oc = 0, of = 0, cl = 0, al = 0;
	printf("%-22s %8s %7s %6s %8s\n", "rule", "flagged", "caught", "clean",
	       "alarms");
	for (int i = 0; i < QA_NRULES; i++) {
		const struct tally *t = &x.t[i];
		printf("%-22s %8d %7d %6d %8d\n", qa_rules[i].id, t->flagged,
		       t->caught, t->clean, t->alarms);
		bool structured = i <= QA_DATE_OF_BIRTH;
		bool name = i >= QA_NAME_LISTED && i <= QA_NAME_PERSON;
		int *c = structured ? &sc : name ? &nc : &oc;
		int *f = structured ? &sf : name ? &nf : &of;
		*c += t->caught;
		*f += t->flagged;
		cl += t->clean;
		al += t->alarms;
	}
	printf("structured personal data caught: %d of %d (%.1f%%)\n", sc, sf,
	       pct(sc, sf));
	printf("names caught: %d of %d (%.1f%%)\n", nc, nf, pct(nc, nf));
	printf("other flagged sentences caught: %d of %d (%.1f%%)\n", oc, of,
	       pct(oc, of));
	printf("clean sentences flagged: %d of %d (%.1f%%)\n", al, cl,
	       pct(al, cl));
	bool ok = rc == 0 && sc == sf && pct(nc, nf) >= 90.0 &&
	          pct(oc, of) >= 95.0 && pct(al, cl) <= 2.0 &&
	          sf + nf + of >= 150 && cl >= 150;
	printf("%d passed, %d failed\n", ok ? 1 : 0, ok ? 0 : 1);
	arena_free(x.a);
	return ok ? 0 : 1;
}
