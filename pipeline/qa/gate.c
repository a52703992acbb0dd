/* The checks before publication for one inspection (qa.h). Two passes:
 *
 * 1. Every printable text of the inspection (each finding's summary and
 *    detail; inspection.yaml's area, theme, themes, agencies, principal
 *    authority, signatories and team) is linted on its own, and each hit
 *    placed in its YAML at line:col. A finding's waivers apply here.
 * 2. The letter is drafted (provenance.c records where each text landed)
 *    and linted whole. A hit inside a text already checked is not reported
 *    again, except the first use of an abbreviation, which only the whole
 *    letter shows: it is placed back in the text's YAML. A hit in what the
 *    template adds is placed in the drafted letter, with a note at the
 *    template line that holds the same words, when one does. The same
 *    rule on the same words is reported once per inspection.
 *
 * Addressees are set aside: their names and organisations are meant to be
 * printed. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/arena.h"
#include "core/diag.h"
#include "core/file.h"
#include "core/value.h"
#include "ingest/model.h"
#include "qa/gate.h"
#include "qa/lint.h"
#include "qa/qa.h"
#include "qa/srcmap.h"
#include "qa/strset.h"

struct source {
	const char *text;
	size_t len;
	const char *path;
	const struct value *v;   /* its scalar, for places */
	const struct finding *f; /* a finding's text: its waivers apply */
	size_t waivers;          /* f's first waiver in gate.used */
	bool aside;              /* an addressee's: not checked */
	bool prose;              /* Markdown the writers wrote, not a name */
};

struct gate {
	struct arena *a;
	const struct inspection *ins;
	struct qa_settings st;
	struct qa_config cfg;
	struct diag_sink *d;
	struct source *src;
	size_t nsrc, cap;
	bool *used; /* each waiver, findings in order: has it silenced a hit? */
	struct strset seen; /* "rule\nwords" reported or waived */
	struct srcmap map;
	/* the letter */
	char *letter_path; /* <inspection>/letter.md */
	struct drafted letter;
	struct line_index lines;
	struct buf *templates; /* the template files, read on demand */
	char **template_paths;
	size_t ntemplates;
	bool templates_read;
};

/* ---- messages ---- */

static const char *const messages[QA_NRULES] = {
    [QA_NHS_NUMBER] = "an NHS number in print could identify a child",
    [QA_POSTCODE] = "a postcode in print could locate a child's home or school",
    [QA_PHONE] = "a telephone number in print could identify a child's family",
    [QA_EMAIL] = "an email address in print could identify a child's family",
    [QA_DATE_OF_BIRTH] = "a date of birth in print could identify a child",
    [QA_AGE_PLACE] = "an exact age beside a named place could identify a child",
    [QA_CASE_NUMBER] = ("a case or record number in print points at one "
                        "child's file"),
    [QA_NAME_LISTED] = "a name on this inspection's never_print list",
    [QA_NAME_TITLE] = "a person named by title and name could identify a child",
    [QA_NAME_AGE] = "a name with an age could identify a child",
    [QA_NAME_PERSON] = "a person named in print could identify a child",
};

static const char *const hints[QA_NRULES] = {
    [QA_EMAIL] = "only the inspectorates' addresses and the addressees' "
                 "organisations' ('domain' in inspection.yaml) may be printed",
    [QA_NAME_TITLE] = "name the role instead: 'the child's mother'",
    [QA_NAME_AGE] = "write 'a 15-year-old' or 'one child' instead",
    [QA_NAME_PERSON] = "write 'the child' or the person's role instead",
    [QA_AGE_PLACE] = "drop the exact age or the place",
};

/* The words of a hit, quoted in a message: at most 48 bytes, whole
 * characters, no line breaks. */
static void
quote(struct buf *out, const char *s, size_t n)
{
	size_t k = n > 48 ? 45 : n;
	while (k < n && k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
		k--;
	buf_putc(out, '\'');
	for (size_t i = 0; i < k; i++)
		buf_putc(out, s[i] == '\n' ? ' ' : s[i]);
	buf_puts(out, k < n ? "...'" : "'");
}

static void
style_message(const struct qa_hit *h, const char *s, const struct qa_config *c,
              struct buf *msg, struct buf *hint)
{
	switch (h->rule) {
	case QA_DATE:
		buf_puts(msg, "date ");
		quote(msg, s, h->len);
		buf_puts(msg, " is not in the house style");
		buf_printf(hint, "write '%s'", h->arg);
		break;
	case QA_RANGE:
		buf_puts(msg, "range ");
		quote(msg, s, h->len);
		buf_puts(msg, " is written with a dash");
		buf_printf(hint, "write '%s'", h->arg);
		break;
	case QA_JUDGEMENT:
		quote(msg, s, h->len);
		buf_printf(msg, " is spelt '%s' in the house style", h->arg);
		break;
	case QA_ABBREVIATION:
		quote(msg, s, h->len);
		buf_puts(msg, " is used before it is spelled out");
		buf_puts(hint,
		         "write it in full where it is first used, with the "
		         "abbreviation in brackets");
		break;
	case QA_NUMBERS:
		quote(msg, s, h->len);
		buf_printf(msg, " should be written '%s'", h->arg);
		buf_puts(hint,
		         c->numbers == QA_NUMBERS_WORDS
		             ? "this framework writes one to nine in words, "
		               "10 and over in numerals"
		             : "this framework writes numerals from 2 up "
		               "(GOV.UK style)");
		break;
	case QA_SENTENCE:
		buf_printf(msg, "sentence of %s words", h->arg);
		buf_printf(hint,
		           "the house style keeps sentences to %d words or "
		           "fewer: split it",
		           c->sentence_words);
		break;
	case QA_ITALICS:
		buf_puts(msg, "italics ");
		quote(msg, s, h->len);
		buf_puts(hint, "write it plain: italics are hard to read");
		break;
	case QA_CAPITALS:
		quote(msg, s, h->len);
		buf_puts(msg, " is in capital letters");
		buf_puts(hint, "write it in lower case: capitals are for "
		               "abbreviations");
		break;
	case QA_TERM:
		quote(msg, s, h->len);
		buf_printf(msg, " is not this framework's term");
		buf_printf(hint, "write '%s'", h->arg);
		break;
	case QA_EMPTY_SECTION:
		buf_puts(msg, "the heading ");
		quote(msg, s, h->len);
		buf_puts(msg, " has nothing under it");
		buf_puts(hint, "the letter would print an empty section: add a "
		               "finding of that kind, or leave it out of the "
		               "template");
		break;
	default: break;
	}
}

/* Reports hit h (of text s, the hit's own bytes) at path:line:col; note,
 * when given, places h's note. in_finding: the text is a finding's, so a
 * waiver could take it. */
static void
report(struct gate *g, const struct qa_hit *h, const char *s, const char *path,
       int line, int col, bool in_finding)
{
	struct buf msg, hint;
	buf_init(&msg);
	buf_init(&hint);
	bool pd = qa_rules[h->rule].personal;
	if (pd) {
		/* never repeat the personal data itself: logs travel */
		buf_puts(&msg, messages[h->rule]);
		if (hints[h->rule])
			buf_puts(&hint, hints[h->rule]);
		else
			buf_puts(&hint, "remove it");
		if (in_finding)
			buf_puts(
			    &hint,
			    "; if it is not personal data, waive this match "
			    "with a reason (docs/checks.md)");
	} else {
		style_message(h, s, &g->cfg, &msg, &hint);
	}
	if (pd)
		diag_error(g->d, path, line, col, "%s [%s]", buf_cstr(&msg),
		           qa_rules[h->rule].id);
	else
		diag_warning(g->d, path, line, col, "%s [%s]", buf_cstr(&msg),
		             qa_rules[h->rule].id);
	if (hint.len)
		diag_hint(g->d, "%s", buf_cstr(&hint));
	buf_release(&msg);
	buf_release(&hint);
}

/* ---- sources ---- */

static struct source *
add_source(struct gate *g, const char *path, const struct value *v,
           const struct finding *f, size_t waivers, bool aside)
{
	if (v == NULL || v->kind != VALUE_STRING || v->str == NULL)
		return NULL;
	g->src = xgrow(g->src, &g->cap, g->nsrc + 1, sizeof(*g->src));
	struct source *s = &g->src[g->nsrc++];
	s->text = v->str;
	s->len = v->len;
	s->path = path;
	s->v = v;
	s->f = f;
	s->waivers = waivers;
	s->aside = aside;
	s->prose = f != NULL;
	return s;
}

static void
add_list(struct gate *g, const char *path, const struct value *list,
         const char *const *keys, bool aside)
{
	if (list == NULL || list->kind != VALUE_SEQ)
		return;
	for (size_t i = 0; i < list->n; i++)
		for (size_t k = 0; keys[k]; k++)
			add_source(g, path, value_get(list->items[i], keys[k]),
			           NULL, 0, aside);
}

static void
collect(struct gate *g)
{
	static const char *const title[] = {"title", NULL};
	static const char *const name[] = {"name", NULL};
	static const char *const person[] = {"name", "role", NULL};
	static const char *const addressee[] = {"name", "role", "organisation",
	                                        NULL};
	const struct inspection *ins = g->ins;
	size_t nw = 0;
	for (size_t i = 0; i < ins->nfindings; i++) {
		const struct finding *f = &ins->findings[i];
		add_source(g, f->pos.path, value_get(f->src, "summary"), f, nw,
		           false);
		add_source(g, f->pos.path, value_get(f->src, "detail"), f, nw,
		           false);
		nw += f->nwaivers;
	}
	g->used = arena_alloc(g->a, nw + 1);
	const char *path = ins->inputs[0];
	const struct value *root = ins->src;
	add_source(g, path, value_path(root, "area.name"), NULL, 0, false);
	add_source(g, path, value_path(root, "area.authority"), NULL, 0, false);
	struct source *desc = add_source(
	    g, path, value_path(root, "area.description"), NULL, 0, false);
	if (desc)
		desc->prose = true;
	add_source(g, path, value_path(root, "theme.title"), NULL, 0, false);
	add_list(g, path, value_get(root, "themes"), title, false);
	add_list(g, path, value_get(root, "agencies"), name, false);
	add_source(g, path, value_get(root, "principal_authority"), NULL, 0,
	           false);
	add_list(g, path, value_get(root, "signatories"), person, false);
	add_list(g, path, value_get(root, "team"), person, false);
	add_list(g, path, value_get(root, "addressees"), addressee, true);
}

/* ---- waivers ---- */

/* The words of s (n bytes) with every run of white space made one space,
 * into out. */
static void
words_of(const char *s, size_t n, struct buf *out)
{
	bool space = false;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' ||
		    s[i] == '\r') {
			space = out->len > 0;
			continue;
		}
		if (space)
			buf_putc(out, ' ');
		space = false;
		buf_putc(out, s[i]);
	}
}

/* Whether waiver text w names the words s (n bytes): the same words, in
 * any spacing; for a long sentence, its first words are enough. */
static bool
waiver_matches(const char *w, const char *s, size_t n, enum qa_rule_id rule)
{
	struct buf a, b;
	buf_init(&a);
	buf_init(&b);
	words_of(w, strlen(w), &a);
	words_of(s, n, &b);
	bool ok = a.len == b.len && !memcmp(buf_cstr(&a), buf_cstr(&b), a.len);
	if (!ok && rule == QA_SENTENCE && a.len > 0 && a.len < b.len)
		ok = !memcmp(buf_cstr(&a), buf_cstr(&b), a.len) &&
		     buf_cstr(&b)[a.len] == ' ';
	buf_release(&a);
	buf_release(&b);
	return ok;
}

/* Whether a waiver of the source's finding takes hit h; it is then used. */
static bool
waived(struct gate *g, const struct source *src, const struct qa_hit *h)
{
	if (src->f == NULL)
		return false;
	for (size_t k = 0; k < src->f->nwaivers; k++) {
		const struct waiver *w = &src->f->waivers[k];
		if (g->used[src->waivers + k] ||
		    strcmp(w->rule, qa_rules[h->rule].id) ||
		    !waiver_matches(w->match, src->text + h->off, h->len,
		                    h->rule))
			continue;
		g->used[src->waivers + k] = true;
		return true;
	}
	return false;
}

/* Checks each waiver's rule: an unknown one is an error. */
static void
check_waivers(struct gate *g)
{
	const char *names[QA_NRULES];
	qa_rule_ids(names);
	for (size_t i = 0; i < g->ins->nfindings; i++) {
		const struct finding *f = &g->ins->findings[i];
		for (size_t k = 0; k < f->nwaivers; k++) {
			const struct waiver *w = &f->waivers[k];
			if (qa_rule_find(w->rule))
				continue;
			const struct value *v = value_get(w->src, "rule");
			diag_error(g->d, f->pos.path, v->line, v->col,
			           "unknown rule '%s'", w->rule);
			const char *near =
			    diag_nearest(w->rule, names, QA_NRULES);
			if (near)
				diag_hint(g->d, "did you mean '%s'?", near);
			else
				diag_hint(g->d, "'jtai check --explain all' "
				                "lists the rules");
		}
	}
}

static void
unused_waivers(struct gate *g)
{
	size_t nw = 0;
	for (size_t i = 0; i < g->ins->nfindings; i++) {
		const struct finding *f = &g->ins->findings[i];
		for (size_t k = 0; k < f->nwaivers; k++, nw++) {
			const struct waiver *w = &f->waivers[k];
			if (g->used[nw] || !qa_rule_find(w->rule))
				continue;
			const struct value *v = value_get(w->src, "match");
			diag_warning(
			    g->d, f->pos.path, v->line, v->col,
			    "the waiver of '%s' matches nothing in finding "
			    "'%s'",
			    w->rule, f->id ? f->id : "");
			diag_hint(
			    g->d,
			    "remove it, or give as 'match' the exact words "
			    "the rule reports");
		}
	}
}

/* Records that rule fired on these words; returns false when it already
 * had. */
static bool
first_time(struct gate *g, enum qa_rule_id rule, const char *s, size_t n)
{
	char *key = arena_printf(g->a, "%d\n%.*s", (int)rule, (int)n, s);
	size_t before = g->seen.used;
	strset_get(&g->seen, key, strlen(key), true, 0);
	return g->seen.used > before;
}

/* ---- pass 1: each text in its YAML ---- */

static void
source_hit(struct gate *g, const struct source *src, const struct qa_hit *h)
{
	const char *s = src->text + h->off;
	first_time(g, h->rule, s, h->len); /* for pass 2 */
	if (waived(g, src, h))
		return;
	int line, col;
	srcmap_place(&g->map, src->path, src->v, h->off, &line, &col);
	report(g, h, s, src->path, line, col, src->f != NULL);
	if (h->note_len) {
		srcmap_place(&g->map, src->path, src->v, h->note_off, &line,
		             &col);
		diag_note(g->d, src->path, line, col,
		          h->rule == QA_AGE_PLACE ? "the place is named here"
		                                  : "spelled out here");
	}
}

static void
source_pass(struct gate *g)
{
	struct qa_hits hits = {0};
	for (size_t i = 0; i < g->nsrc; i++) {
		if (g->src[i].aside)
			continue;
		hits.n = 0;
		qa_lint(&g->cfg, g->src[i].text, g->src[i].len, 0, NULL, 0,
		        &hits);
		for (size_t k = 0; k < hits.n; k++)
			source_hit(g, &g->src[i], &hits.v[k]);
	}
	qa_hits_release(&hits);
}

/* ---- pass 2: the drafted letter ---- */

/* The span of the letter that holds byte off (a value the template put
 * in), or NULL. */
static const struct letter_span *
span_at(const struct drafted *l, size_t off)
{
	size_t lo = 0, hi = l->nspans;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (l->spans[mid].off <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return NULL;
	const struct letter_span *sp = &l->spans[lo - 1];
	return off < sp->off + sp->len ? sp : NULL;
}

/* The byte of a source's text that byte rel of its span stands for: the
 * template may have escaped the text ("\_"), so the two are walked side by
 * side. */
static size_t
source_offset(const char *span, size_t span_len, const struct source *src,
              size_t rel)
{
	size_t i = 0, j = 0;
	while (i < rel && i < span_len && j < src->len) {
		if (span[i] == src->text[j])
			i++, j++;
		else if (span[i] == '\\')
			i++;
		else
			break;
	}
	return j;
}

/* Places byte off of the letter: in a source's YAML when a source's text
 * holds it, else in the drafted letter. */
static void
letter_place(struct gate *g, size_t off, const char **path, int *line, int *col)
{
	const struct letter_span *sp = span_at(&g->letter, off);
	if (sp && sp->source != SPAN_VALUE && !g->src[sp->source].aside) {
		const struct source *src = &g->src[sp->source];
		size_t rel = source_offset(g->letter.text.data + sp->off,
		                           sp->len, src, off - sp->off);
		*path = src->path;
		srcmap_place(&g->map, src->path, src->v, rel, line, col);
		return;
	}
	*path = g->letter_path;
	line_index_place(&g->lines, off, line, col);
}

static int
by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

/* Reads the template at path (taken over) into the next of g's slots; one
 * that cannot be read stays empty. */
static void
add_template(struct gate *g, char *path, struct diag_sink *quiet)
{
	size_t k = g->ntemplates++;
	g->template_paths[k] = path;
	buf_init(&g->templates[k]);
	file_read(path, &g->templates[k], quiet);
}

/* The letter template, then every partial in name order. */
static void
read_templates(struct gate *g)
{
	const struct framework *fw = g->ins->fw;
	g->templates_read = true;
	char *parts = file_join(fw->dir, "partials");
	struct dirent **names = NULL;
	int n = scandir(parts, &names, NULL, by_name);
	size_t room = (size_t)(n > 0 ? n : 0) + 1;
	g->templates = xcalloc(room, sizeof(struct buf));
	g->template_paths = xcalloc(room, sizeof(char *));
	struct diag_sink quiet;
	diag_init(&quiet);
	add_template(g, file_join(fw->dir, fw->letter), &quiet);
	for (int i = 0; i < n; i++) {
		size_t len = strlen(names[i]->d_name);
		if (len > 3 && !strcmp(names[i]->d_name + len - 3, ".md"))
			add_template(g, file_join(parts, names[i]->d_name),
			             &quiet);
		free(names[i]);
	}
	free(names);
	free(parts);
	diag_release(&quiet);
}

/* A note at the template line that writes the words s (n bytes), when one
 * does: for a long sentence, its first words. */
static void
template_note(struct gate *g, const struct qa_hit *h, const char *s)
{
	size_t n = h->len;
	if (h->rule == QA_SENTENCE && n > 24) {
		n = 24;
		while (n > 8 && s[n] != ' ')
			n--;
	}
	if (n < 3 || memchr(s, '\n', n))
		return;
	if (!g->templates_read)
		read_templates(g);
	char *needle = xstrndup(s, n);
	for (size_t i = 0; i < g->ntemplates; i++) {
		const char *t = buf_cstr(&g->templates[i]);
		const char *at = strstr(t, needle);
		if (at == NULL)
			continue;
		struct line_index l;
		int line, col;
		line_index_init(&l, t, g->templates[i].len);
		line_index_place(&l, (size_t)(at - t), &line, &col);
		line_index_release(&l);
		diag_note(g->d, g->template_paths[i], line, col,
		          "the template writes these words here");
		break;
	}
	free(needle);
}

/* Whether the framework waives this hit on its template's own words. */
static bool
template_waived(const struct gate *g, const struct qa_hit *h, const char *s)
{
	for (size_t k = 0; k < g->st.nwaivers; k++) {
		const struct waiver *w = &g->st.waivers[k];
		if (!strcmp(w->rule, qa_rules[h->rule].id) &&
		    waiver_matches(w->match, s, h->len, h->rule))
			return true;
	}
	return false;
}

static void
letter_hit(struct gate *g, const struct qa_hit *h)
{
	const char *s = g->letter.text.data + h->off;
	const struct letter_span *sp = span_at(&g->letter, h->off);
	const char *path;
	int line, col;
	/* a value jtai made (a date, a list of names): its words were checked
	 * where they were written; only its abbreviations' order is new */
	if (sp && sp->source == SPAN_VALUE) {
		if (!qa_rules[h->rule].personal && h->rule != QA_ABBREVIATION)
			return;
		sp = NULL;
	}
	if (sp) {
		/* a source's text: only what pass 1 could not see */
		const struct source *src = &g->src[sp->source];
		if (src->aside || h->rule != QA_ABBREVIATION)
			return;
		struct qa_hit mapped = *h;
		mapped.off = source_offset(g->letter.text.data + sp->off,
		                           sp->len, src, h->off - sp->off);
		if (mapped.off + mapped.len > src->len ||
		    waived(g, src, &mapped))
			return;
		srcmap_place(&g->map, src->path, src->v, mapped.off, &line,
		             &col);
		report(g, h, s, src->path, line, col, src->f != NULL);
	} else {
		if (!first_time(g, h->rule, s, h->len) ||
		    template_waived(g, h, s))
			return;
		line_index_place(&g->lines, h->off, &line, &col);
		report(g, h, s, g->letter_path, line, col, false);
	}
	if (h->note_len) {
		letter_place(g, h->note_off, &path, &line, &col);
		diag_note(g->d, path, line, col,
		          h->rule == QA_AGE_PLACE ? "the place is named here"
		                                  : "spelled out only here");
	}
	if (sp == NULL)
		template_note(g, h, s);
}

static void
letter_pass(struct gate *g, const struct value *model, const char *templates)
{
	const char **texts = xcalloc(g->nsrc + 1, sizeof(char *));
	size_t *lens = xcalloc(g->nsrc + 1, sizeof(size_t));
	for (size_t i = 0; i < g->nsrc; i++) {
		texts[i] = g->src[i].text;
		lens[i] = g->src[i].len;
	}
	if (qa_draft(model, templates, texts, lens, g->nsrc, &g->letter,
	             g->d) == 0) {
		struct qa_hits hits = {0};
		/* a name, a title, a list of names, a date: one word each */
		struct qa_unit *units =
		    xcalloc(g->letter.nspans + 1, sizeof(*units));
		size_t nunits = 0;
		for (size_t i = 0; i < g->letter.nspans; i++) {
			const struct letter_span *sp = &g->letter.spans[i];
			if (sp->source == SPAN_VALUE ||
			    !g->src[sp->source].prose) {
				units[nunits].off = sp->off;
				units[nunits++].len = sp->len;
			}
		}
		line_index_init(&g->lines, buf_cstr(&g->letter.text),
		                g->letter.text.len);
		qa_lint(&g->cfg, buf_cstr(&g->letter.text), g->letter.text.len,
		        QA_LETTER | QA_FIRST_USE, units, nunits, &hits);
		free(units);
		for (size_t k = 0; k < hits.n; k++)
			letter_hit(g, &hits.v[k]);
		qa_hits_release(&hits);
	}
	free(texts);
	free(lens);
}

int
qa_run(const struct inspection *ins, const struct value *model,
       const char *templates_dir, struct diag_sink *d)
{
	size_t errors = d->errors;
	struct gate g;
	memset(&g, 0, sizeof(g));
	g.a = arena_new();
	g.ins = ins;
	g.d = d;
	g.letter_path = file_join(ins->dir, "letter.md");
	srcmap_init(&g.map);
	if (qa_settings(g.a, ins, &g.st, d) == 0) {
		g.cfg = g.st.c;
		check_waivers(&g);
		collect(&g);
		source_pass(&g);
		letter_pass(&g, model, templates_dir);
		unused_waivers(&g);
	}
	for (size_t i = 0; i < g.ntemplates; i++) {
		buf_release(&g.templates[i]);
		free(g.template_paths[i]);
	}
	free(g.templates);
	free(g.template_paths);
	line_index_release(&g.lines);
	drafted_release(&g.letter);
	srcmap_release(&g.map);
	strset_release(&g.seen);
	free(g.src);
	free(g.letter_path);
	arena_free(g.a);
	return d->errors > errors ? -1 : 0;
}
