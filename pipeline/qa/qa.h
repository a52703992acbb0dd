/* qa: the checks a letter passes before it is published (docs/checks.md).
 * The personal-data gate reports as errors anything in print that could
 * identify a child (NHS numbers, postcodes, telephone numbers, emails,
 * dates of birth, ages next to a place, case numbers, names); the
 * house-style lint reports as warnings what the inspectorates' style does
 * not allow. Both read every text that can reach print: the findings
 * (located in their YAML), the inspection's own printed text, and the
 * drafted letter (what the templates add). */
#ifndef JTAI_QA_QA_H
#define JTAI_QA_QA_H

#include <stdbool.h>
#include <stddef.h>

struct diag_sink;
struct inspection;
struct value;

/* Every rule, personal data first. The order is the table's (qa_rules). */
enum qa_rule_id {
	QA_NHS_NUMBER,
	QA_POSTCODE,
	QA_PHONE,
	QA_EMAIL,
	QA_DATE_OF_BIRTH,
	QA_AGE_PLACE,
	QA_CASE_NUMBER,
	QA_NAME_LISTED,
	QA_NAME_TITLE,
	QA_NAME_AGE,
	QA_NAME_PERSON,
	QA_DATE,
	QA_RANGE,
	QA_JUDGEMENT,
	QA_ABBREVIATION,
	QA_NUMBERS,
	QA_SENTENCE,
	QA_ITALICS,
	QA_CAPITALS,
	QA_TERM,
	QA_EMPTY_SECTION,
	QA_NRULES
};

struct qa_rule {
	const char *id;      /* "pd-postcode" */
	bool personal;       /* personal data: an error, never turned off */
	const char *explain; /* one line */
	const char *fires;   /* an example it reports */
	const char *passes;  /* a near miss it lets through */
};

/* The table of rules, indexed by enum qa_rule_id. */
extern const struct qa_rule qa_rules[QA_NRULES];
/* The rule with this id, or NULL. */
const struct qa_rule *qa_rule_find(const char *id);
/* Fills ids with every rule's id, in the table's order (the candidates of
 * a hint for a misspelt one). */
void qa_rule_ids(const char *ids[QA_NRULES]);

/* Runs the gate and the lint over the inspection ins and its letter
 * model (merge_run's), drafting the letter with the framework's template
 * under templates_dir. Hits in the findings and in inspection.yaml are
 * placed in their YAML; hits in what the template adds, in the drafted
 * letter, named <inspection>/letter.md as the build names it (its lines
 * are those of OUTDIR/NAME/letter.md), with a note at the template line
 * that writes the same words. Waivers in the findings silence the one hit
 * each names. Returns 0, or -1 when an error was reported into d (a
 * personal-data hit, bad settings or waivers); warnings alone give 0. */
int qa_run(const struct inspection *ins, const struct value *model,
           const char *templates_dir, struct diag_sink *d);

#endif
