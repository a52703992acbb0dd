/* The findings-by-agency chart: each agency's strengths and areas for
 * improvement as a diverging horizontal bar chart, drawn into a scene. */
#ifndef JTAI_CHART_BARS_H
#define JTAI_CHART_BARS_H

struct arena;
struct diag_sink;
struct fontset;
struct value;

/* Draws the chart from the merged model's `agencies` (and `area.name`),
 * measuring text with fonts (regular and bold must be loaded). merged is a
 * map (chart_draw_from checks); path names its file in messages. Returns the
 * scene (owned by a), or NULL after reporting every malformed agency into
 * d. */
struct scene *bars_draw(struct arena *a, const char *name, const char *path,
                        const struct value *merged, const struct fontset *fonts,
                        struct diag_sink *d);

#endif
