/* Internal to qa: the pieces qa_run() (gate.c) puts together. */
#ifndef JTAI_QA_GATE_H
#define JTAI_QA_GATE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/buf.h"
#include "qa/lint.h"

struct arena;
struct diag_sink;
struct inspection;
struct value;
struct waiver;

/* The settings of the checks for one inspection. */
struct qa_settings {
	struct qa_config c;
	/* the framework's waivers of its template's own words */
	struct waiver *waivers;
	size_t nwaivers;
};

/* Reads the settings of the checks into st: the framework's `qa` map,
 * checked against its schema (errors in framework.yaml), and the
 * inspection's never_print names, addressees' domains and known names.
 * Every list lives in the arena. Returns 0, or -1 after reporting. */
int qa_settings(struct arena *a, const struct inspection *ins,
                struct qa_settings *st, struct diag_sink *d);

/* A stretch of the drafted letter that is one value of the letter model,
 * as the template put it in: the text of a source (a finding's summary or
 * detail, a name from inspection.yaml), or another value (a date, a list
 * of names, an inspectorate's name). */
struct letter_span {
	size_t off, len; /* in the letter */
	size_t source;   /* the index of the source, or SPAN_VALUE */
};

#define SPAN_VALUE ((size_t)-1)

/* The drafted letter and where each source's text landed in it. */
struct drafted {
	struct buf text;
	struct letter_span *spans; /* in letter order */
	size_t nspans, cap;
};

/* Drafts the letter of model with the framework's template (as draft_run
 * does) and records where each string of the model landed, and which are
 * one of the n texts of sources (the first source with that text): the
 * strings are marked, drafted, and the marks taken out again, so the text
 * is byte for byte draft_run's. Template errors
 * are reported into d. Returns 0, or -1 when the letter cannot be
 * drafted. Release with drafted_release(). */
int qa_draft(const struct value *model, const char *templates_dir,
             const char *const *sources, const size_t *lens, size_t n,
             struct drafted *out, struct diag_sink *d);
void drafted_release(struct drafted *l);

#endif
