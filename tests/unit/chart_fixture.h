/* The fixture the chart tests share (test_chart_*.c): the fonts, an arena
 * and a sink made afresh for each test; merged models built in memory;
 * and the scene read back as geometry (bars, fills, text boxes) with the
 * checks every drawn chart must pass. chart_fixture.c is linked into each
 * test_chart_* executable (tests/CMakeLists.txt), so the state below is
 * that executable's. */
#ifndef JTAI_TEST_CHART_FIXTURE_H
#define JTAI_TEST_CHART_FIXTURE_H

#include <stdbool.h>
#include <stddef.h>

#include "chart/scene.h"
#include "core/diag.h"
#include "core/font.h"

struct arena;
struct value;

#define CHART    "findings-by-agency"
#define CASES    "case-audit"
#define GRADES   "judgements"
#define TIMELINE "timeline"
#define WIDTH    453.5

extern struct arena *arena;
extern struct diag_sink sink;
extern struct fontset fonts;

/* Criterion's .init and .fini for every chart suite. */
void chart_setup(void);
void chart_teardown(void);

/* Okabe-Ito, as the charts fill (chart/fill.c). */
extern const struct rgb blue, sky, orange, vermillion, white;
bool same_color(struct rgb a, struct rgb b);

/* Models */

/* A merged model with area (unless NULL) and no agencies. */
struct value *model_new(const char *area);
struct value *agencies(struct value *root);
/* Appends an agency with its strengths and improvements counts. */
void add_agency(struct value *root, const char *name, long s, long i);
/* The model of two Northshire agencies (for the output tests). */
struct scene *sample(void);

extern const char *const grades4[4];
/* A model with the cases counts and no agency's ratings yet. */
struct value *cases_model(const char *area, long tracked, long sampled);
/* Adds an agency id, name and its counts of grades4. */
void add_rated(struct value *root, const char *id, const char *name,
               const long counts[4]);

/* A judgement item of merged.yaml; grade NULL: not graded. */
struct value *judgement(const char *id, const char *title, const char *grade,
                        const char *grade_title, bool sub, bool limiting);
/* The SIF's judgements of the hollinsby sample, its scale from the case
 * ratings (one agency, no case) when with_scale. */
struct value *grades_model(bool with_scale);

/* Riverford's dates: notification (unless NULL), fieldwork, letter, and
 * the statement due 70 working days after the letter. */
struct value *dates_model(const char *note, const char *from, const char *to,
                          const char *letter, const char *due);

/* Drawing: the chart named, which must draw without a diagnostic and pass
 * assert_inside. draw is draw_chart of findings-by-agency. */
struct scene *draw(const struct value *root);
struct scene *draw_chart(const char *name, const struct value *root);

/* Reading the scene back */

struct box {
	double x0, y0, x1, y1;
};

/* The box of a path's points (curves by their control points). */
struct box bbox(const struct scene_op *op);
/* The box a text run's letters take: its advance, from the cap height
 * (accents aside) to the descender. */
struct box text_box(const struct scene_op *op);
bool overlap(struct box a, struct box b);
/* The first text run of text (with that anchor; -1: any), or NULL. */
const struct scene_op *find_text_at(const struct scene *s, const char *text,
                                    int anchor);
const struct scene_op *find_text(const struct scene *s, const char *text);
/* Row labels, top to bottom: regular text starting at the left edge. */
size_t labels(const struct scene *s, const struct scene_op **out, size_t max);
/* The rectangles filled in color at least min_w wide and 11 pt tall (not a
 * legend's swatch), in drawing order. */
size_t fills(const struct scene *s, struct rgb color, double min_w,
             struct box *out, size_t max);

/* Everything inside the chart, text in the chart's two sizes, no two text
 * runs on top of each other, nothing painted over a text run drawn before
 * it (the PDF shows a chart's text after its paths), and alt text:
 * legible and uncluttered, as far as a test can tell. */
void assert_inside(const struct scene *s);
/* The timeline's vertical lines (leaders and ticks): none through a
 * label, and no two leaders closer than 8 pt. */
void assert_leaders_clear(const struct scene *s);

#endif
