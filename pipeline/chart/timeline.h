/* The timeline chart: notification, fieldwork, the letter and the written
 * statement's due date on an axis of working days. */
#ifndef JTAI_CHART_TIMELINE_H
#define JTAI_CHART_TIMELINE_H

struct arena;
struct diag_sink;
struct fontset;
struct value;

/* Draws the chart from the merged model's `dates`, measuring text with
 * fonts. merged is a map (chart_draw_from checks); path names its file in
 * messages. Returns the scene (owned by a), or NULL after reporting into
 * d. */
struct scene *timeline_draw(struct arena *a, const char *name, const char *path,
                            const struct value *merged,
                            const struct fontset *fonts, struct diag_sink *d);

#endif
