/* The judgements chart: for a graded framework, each judgement on its
 * scale, the limiting one marked. */
#ifndef JTAI_CHART_GRADES_H
#define JTAI_CHART_GRADES_H

struct arena;
struct diag_sink;
struct fontset;
struct value;

/* Draws the chart from the merged model's `judgements` (the scale from
 * `cases.practice[].ratings`, whose keys are the framework's grades, best
 * first), measuring text with fonts. merged is a map (chart_draw_from
 * checks); path names its file in messages. Returns the scene (owned by a),
 * or NULL after reporting into d (an ungraded framework among the
 * reasons). */
struct scene *grades_draw(struct arena *a, const char *name, const char *path,
                          const struct value *merged,
                          const struct fontset *fonts, struct diag_sink *d);

#endif
