/* The typed model of one inspection, as ingest reads it: schema version 1
 * of inspection.yaml, findings/<inspectorate>.yaml and cases.yaml, with the
 * framework it names (templates/<framework>/framework.yaml) and the
 * inspectorates' names (templates/inspectorates.yaml). Every object lives in
 * the arena given to ingest_load() and keeps the source position it came
 * from. Lists keep the order of their source files. */
#ifndef JTAI_INGEST_MODEL_H
#define JTAI_INGEST_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "core/calendar.h"

struct value;

struct pos {
	const char *path;
	int line, col;
};

/* How the letter groups the findings of one kind. */
enum kind_by { BY_THEME, BY_AGENCY, BY_JUDGEMENT };

struct kind_def {
	const char *id, *heading;
	enum kind_by by;
	bool required; /* every inspectorate taking part should report one */
};

struct theme {
	const char *id, *title;
	struct pos pos;
};

struct judgement_def {
	const char *id, *title;
	bool key;           /* a key judgement (limits the overall) */
	const char *parent; /* a sub-judgement: the judgement it belongs to */
};

struct grade_def {
	const char *id, *title;
};

/* How the overall judgement follows from the others. */
enum overall_otherwise {
	OVERALL_STATED, /* the writer states it */
	OVERALL_WORST   /* the worst key judgement */
};

struct overall_rule {
	const char *title;     /* "Overall effectiveness" */
	const char *limit;     /* a grade id: a key judgement there limits */
	bool sub_judgements_limit;
	enum overall_otherwise otherwise;
};

struct framework {
	const char *id, *name;
	const char *dir;    /* the framework's folder */
	const char *letter; /* the letter template, relative to dir */
	struct kind_def *kinds;
	size_t nkinds;
	const char **good, **poor; /* kinds that count as good / poor practice */
	size_t ngood, npoor;
	struct theme *themes;
	size_t nthemes;
	const char **inspectorates; /* those that may take part */
	size_t ninspectorates;
	struct judgement_def *judgements; /* empty for ungraded frameworks */
	size_t njudgements;
	struct grade_def *scale; /* the judgements' grades, best first */
	size_t nscale;
	const char **case_scale; /* the scale's ids */
	struct overall_rule overall;
	int notice_working_days, statement_working_days;
	const char **charts;
	size_t ncharts;
	/* the 'qa' map (house style, emails that may be printed), or NULL:
	 * read and checked by qa/, where its rules are known */
	const struct value *qa;
};

/* One name of an inspectorate or other body, valid up to and including
 * `until`. */
struct inspectorate_name {
	const char *id, *name, *abbr;
	const char *article; /* "the", or NULL */
	const char *plural, *plural_abbr; /* terms only; NULL when absent */
	bool has_until;
	struct date until;
};

struct agency {
	const char *id, *name, *inspectorate;
	struct pos pos;
};

struct person {
	const char *name, *role, *organisation, *inspectorate;
	const char *domain; /* addressees: the organisation's email domain */
	struct pos pos;
};

/* A finding's waiver of one rule of the checks before publication for one
 * match (docs/checks.md): the rule's id, the text it matched, and why the
 * text may be printed. */
struct waiver {
	const char *rule, *match, *reason;
	struct pos pos;
	const struct value *src; /* its YAML map */
};

struct finding {
	const char *id, *kind, *theme, *summary, *detail, *judgement;
	const char *inspectorate; /* whose findings file it is in */
	const char **agencies, **cases, **joint_with, **contrasts_with;
	size_t nagencies, ncases, njoint, ncontrasts;
	size_t order; /* position in the inspection: file order, then item */
	struct pos pos;
	const struct value *src; /* its YAML map, for precise positions */
	struct waiver *waivers;
	size_t nwaivers;
};

struct rating {
	const char *agency, *grade;
};

/* The age bands a case may give (cases.yaml), youngest first. */
#define CASE_AGE_BANDS 5
extern const char *const case_age_bands[CASE_AGE_BANDS];

struct casefile {
	const char *id, *age_band; /* age_band: one of case_age_bands */
	bool tracked;
	struct rating *practice;
	size_t npractice;
	struct pos pos;
	const struct value *src;
};

struct grade {
	const char *judgement, *grade;
	struct pos pos;       /* of the judgement's key */
	struct pos grade_pos; /* of the grade */
};

struct inspection {
	const char *dir;  /* the inspection folder as given */
	const char *name; /* its last path component */
	const struct framework *fw;
	const struct inspectorate_name *names; /* the registry */
	size_t nnames;
	const struct inspectorate_name *terms; /* other bodies' names by date */
	size_t nterms;
	const char *area_name, *area_authority, *area_code;
	const char *area_description; /* Markdown, or NULL */
	struct theme theme;    /* the deep dive */
	struct theme *themes;  /* the inspection's own extra themes */
	size_t nthemes;
	bool has_notification;
	struct date notification, fieldwork_from, fieldwork_to, letter;
	struct pos notification_pos, fieldwork_pos;
	const char **inspectorates;
	size_t ninspectorates;
	struct agency *agencies;
	size_t nagencies;
	const char *principal_authority;
	struct person *addressees, *signatories, *team;
	size_t naddressees, nsignatories, nteam;
	struct grade *grades; /* judgements: graded frameworks only */
	size_t ngrades;
	const char *overall; /* the stated overall judgement, or NULL */
	struct pos overall_pos;
	struct pos judgements_pos; /* of the 'judgements' map, or the file */
	bool has_judgements;
	struct finding *findings;
	size_t nfindings;
	struct casefile *cases;
	size_t ncases;
	/* names that must never appear in print (never_print) */
	const char **never_print;
	size_t nnever_print;
	const struct value *src; /* inspection.yaml's root map */
	/* every file read, for the build's dependency hashing */
	const char **inputs;
	size_t ninputs;
};

/* The kind of the framework with this id, or NULL. */
const struct kind_def *framework_kind(const struct framework *fw,
                                      const char *id);
/* The grade of the framework's scale with this id, or NULL. */
const struct grade_def *framework_grade(const struct framework *fw,
                                        const char *id);
/* The judgement of the framework with this id, or NULL. */
const struct judgement_def *framework_judgement(const struct framework *fw,
                                                const char *id);
/* The grade the inspection gives judgement, or NULL. */
const struct grade *inspection_grade(const struct inspection *ins,
                                     const char *judgement);
/* The agency of the inspection with this id, or NULL. */
const struct agency *inspection_agency(const struct inspection *ins,
                                       const char *id);
/* The grades cases are rated on: the framework's scale, or for an ungraded
 * framework outstanding, good, requires-improvement, inadequate. */
size_t framework_case_scale(const struct framework *fw,
                            const char *const **grades);

#endif
