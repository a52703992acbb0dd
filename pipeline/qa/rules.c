/* The table of rules: each one's id, whether it guards personal data, its
 * one-line explanation (jtai check --explain) and an example that fires and
 * one that does not (docs/checks.md; tests/unit/test_qa.c runs them with
 * the never_print list [Kayden Marsh] and the jtai-2022 settings). */
#include "qa/qa.h"

#include <string.h>

const struct qa_rule qa_rules[QA_NRULES] = {
    [QA_NHS_NUMBER] =
        {"pd-nhs-number", true,
         "An NHS number (ten digits in any spacing with a valid modulus-11 "
         "check digit) identifies one patient.",
         "Her NHS number, 999 765 4323, was on the referral.",
         "Between 2019 and 2024, 4,318 children were referred."},
    [QA_POSTCODE] =
        {"pd-postcode", true,
         "A full UK postcode (outward and inward code) narrows an address "
         "to a handful of homes.",
         "The family moved to a flat near NR2 4QZ.",
         "The panel met in room B12 on the second floor."},
    [QA_PHONE] =
        {"pd-phone", true,
         "A telephone number that can be a person's (01, 02 or 07, also "
         "written +44); 03, 08 and 09 service numbers may be printed.",
         "Her mother can be reached on 07700 900461.",
         "Children can call the council's contact centre on 0300 123 4567."},
    [QA_EMAIL] =
        {"pd-email", true,
         "An email address, unless it is at an inspectorate's domain or an "
         "addressee's organisation's ('domain' in inspection.yaml).",
         "The family wrote from kayla.m2011@example.com.",
         "Send the statement to enquiries@ofsted.gov.uk."},
    [QA_DATE_OF_BIRTH] =
        {"pd-date-of-birth", true,
         "A date of birth: a date after 'born', 'date of birth', 'DOB' or "
         "'birthday'.",
         "The boy, born on 14 March 2011, was seen twice.",
         "The service was born out of a review in March 2021."},
    [QA_AGE_PLACE] =
        {"pd-age-place", true,
         "An exact age ('a 14-year-old', 'aged 14') in the same sentence as "
         "a named school, street or place.",
         "A 14-year-old at Brackley Academy was not seen for six weeks.",
         "A 14-year-old was not seen for six weeks."},
    [QA_CASE_NUMBER] =
        {"pd-case-number", true,
         "A case, record or reference number in an agency's own format "
         "('case number 4471920', 'CR/2024/00123').",
         "The referral was logged as case number 4471920.",
         "The regulations (SI 2015/1792) set the deadline."},
    [QA_NAME_LISTED] =
        {"pd-name-listed", true,
         "A name on the inspection's never_print list, or any part of it, "
         "also in the possessive.",
         "Inspectors read Kayden's plan.", "Inspectors read the child's plan."},
    [QA_NAME_TITLE] =
        {"pd-name-title", true,
         "A title and a name ('Mrs Okafor', 'Mr J Hale'): letters say "
         "'the child's mother'.",
         "Mrs Okafor told inspectors that she felt listened to.",
         "The child's grandmother told inspectors that she felt listened "
         "to."},
    [QA_NAME_AGE] =
        {"pd-name-age", true,
         "A name followed by an age ('Tyler, 15,', 'Tyler (15)', 'Tyler, "
         "aged 15').",
         "Tyler, 15, was excluded from school twice.",
         "In 2025, 15 children were excluded from school twice."},
    [QA_NAME_PERSON] =
        {"pd-name-person", true,
         "A person named outright ('a girl called Amelia', 'Amelia's "
         "mother').",
         "A girl called Amelia was moved three times.",
         "A project called Safe Steps works with girls at risk."},
    [QA_DATE] = {"style-date", false,
                 "Dates are written '1 March 2026', not 'March 1, 2026', '1st "
                 "March', '01/03/2026' or '2026-03-01'.",
                 "The meeting was held on March 3, 2026.",
                 "The meeting was held on 3 March 2026."},
    [QA_RANGE] =
        {"style-range-dash", false,
         "Ranges are written with 'to' ('7 to 11 March', '2023 to 2024'), "
         "not with a dash.",
         "Fieldwork took place from 7–11 March.",
         "Fieldwork took place from 7 to 11 March."},
    [QA_JUDGEMENT] =
        {"style-judgement", false,
         "'judgement' is spelt with an e (a court's 'judgment' excepted).",
         "Leaders use sound professional judgment.",
         "Leaders use sound professional judgement."},
    [QA_ABBREVIATION] =
        {"style-abbreviation", false,
         "An abbreviation is spelled out where the letter first uses it: "
         "'multi-agency safeguarding hub (MASH)'.",
         "The MASH makes timely decisions.",
         "The multi-agency safeguarding hub (MASH) makes timely decisions."},
    [QA_NUMBERS] =
        {"style-numbers", false,
         "Numbers in the framework's style: one to nine in words, 10 and "
         "over in numerals (Ofsted), or numerals from 2 (GOV.UK).",
         "Inspectors met 6 social workers.",
         "Inspectors met six social workers and 12 health visitors."},
    [QA_SENTENCE] =
        {"style-sentence-length", false,
         "A sentence has at most 30 words (the framework's "
         "'sentence_words').",
         "When children go missing from home or care, the police, social "
         "workers and the return home service do not always share what "
         "they know quickly enough to keep the children safe from harm.",
         "When children go missing, agencies do not always share what they "
         "know quickly enough."},
    [QA_ITALICS] = {"style-italics", false,
                    "No italics (*text* or _text_): they are hard to read.",
                    "Children said they felt *safe* at home.",
                    "Children said they felt safe at home."},
    [QA_CAPITALS] =
        {"style-capitals", false,
         "No words in capital letters for emphasis: capitals are for "
         "abbreviations.",
         "Plans did NOT say who would act.",
         "Plans did not say who would act."},
    [QA_TERM] =
        {"style-term", false,
         "The framework's preferred terms ('children in care', not 'looked "
         "after children' in jtai-2022).",
         "The plans of looked after children are reviewed.",
         "The plans of children in care are reviewed."},
    [QA_EMPTY_SECTION] =
        {"style-empty-section", false,
         "A heading with nothing under it before the next heading of its "
         "level or above: the letter would print an empty section (no "
         "finding of that kind yet?).",
         "## Headline findings\n\n## What needs to improve?\n\nPlans are "
         "not reviewed.",
         "## Headline findings\n\nChildren are safe.\n\n## What needs to "
         "improve?\n\n### Plans\n\nPlans are not reviewed."},
};

const struct qa_rule *
qa_rule_find(const char *id)
{
	for (size_t i = 0; i < QA_NRULES; i++)
		if (!strcmp(qa_rules[i].id, id))
			return &qa_rules[i];
	return NULL;
}

void
qa_rule_ids(const char *ids[QA_NRULES])
{
	for (size_t i = 0; i < QA_NRULES; i++)
		ids[i] = qa_rules[i].id;
}
