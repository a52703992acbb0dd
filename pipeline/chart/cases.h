/* The case-audit chart: for the tracked and sampled cases, each agency's
 * practice ratings as a stacked bar on the framework's scale. */
#ifndef JTAI_CHART_CASES_H
#define JTAI_CHART_CASES_H

struct arena;
struct diag_sink;
struct fontset;
struct value;

/* Draws the chart from the merged model's `cases` (and `agencies` for the
 * names, `judgements.items` for the grades' titles), measuring text with
 * fonts. merged is a map (chart_draw_from checks); path names its file in
 * messages. Returns the scene (owned by a), or NULL after reporting every
 * malformed entry into d. */
struct scene *cases_draw(struct arena *a, const char *name, const char *path,
                         const struct value *merged,
                         const struct fontset *fonts, struct diag_sink *d);

#endif
