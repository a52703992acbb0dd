/* The table of charts and the dispatch from a chart's name to its drawing
 * code. The cairo backend (chart_write_svg, chart_write_png) is cairo.c. */
#include "chart/chart.h"

#include <stddef.h>
#include <string.h>

#include "chart/bars.h"
#include "chart/cases.h"
#include "chart/grades.h"
#include "chart/model.h"
#include "chart/scene.h"
#include "chart/timeline.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/font.h"

/* A chart's drawing code: merged is a map (checked here first). */
typedef struct scene *draw_fn(struct arena *a, const char *name,
                              const char *path, const struct value *merged,
                              const struct fontset *fonts,
                              struct diag_sink *d);

static const struct {
	const char *name;
	draw_fn *draw;
} charts[] = {
    {"findings-by-agency", bars_draw},
    {"case-audit", cases_draw},
    {"judgements", grades_draw},
    {"timeline", timeline_draw},
};

const char *const chart_names[] = {"findings-by-agency", "case-audit",
                                   "judgements", "timeline", NULL};

_Static_assert(sizeof(charts) / sizeof(charts[0]) ==
                   sizeof(chart_names) / sizeof(chart_names[0]) - 1,
               "chart_names lists every chart of charts[]");

struct scene *
chart_draw_from(struct arena *a, const char *name, const char *path,
                const struct value *merged, const struct fontset *fonts,
                struct diag_sink *d)
{
	size_t n = sizeof(charts) / sizeof(charts[0]);
	for (size_t i = 0; i < n; i++) {
		if (strcmp(charts[i].name, name) != 0)
			continue;
		if (fonts == NULL || fonts->face[FONT_REGULAR] == NULL ||
		    fonts->face[FONT_BOLD] == NULL) {
			diag_error(d, NULL, 0, 0,
			           "chart '%s' needs the regular and bold fonts",
			           name);
			return NULL;
		}
		if (model_root(path, merged, d) < 0)
			return NULL;
		return charts[i].draw(a, name, path, merged, fonts, d);
	}
	diag_error(d, NULL, 0, 0, "unknown chart '%s'", name);
	const char *near = diag_nearest(name, (const char *const *)chart_names,
	                                n);
	if (near) {
		diag_hint(d, "did you mean '%s'?", near);
	} else {
		struct buf list;
		buf_init(&list);
		for (size_t i = 0; chart_names[i]; i++)
			buf_printf(&list, "%s'%s'", i ? ", " : "", chart_names[i]);
		diag_hint(d, "the charts are %s", buf_cstr(&list));
		buf_release(&list);
	}
	return NULL;
}

struct scene *
chart_draw(struct arena *a, const char *name, const struct value *merged,
           const struct fontset *fonts, struct diag_sink *d)
{
	return chart_draw_from(a, name, "merged.yaml", merged, fonts, d);
}
