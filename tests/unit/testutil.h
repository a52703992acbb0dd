/* Helpers shared by the unit tests. */
#ifndef JTAI_TESTUTIL_H
#define JTAI_TESTUTIL_H

#include <stddef.h>

/* struct test_render holds these by value. */
#include "core/diag.h"
#include "core/font.h"
#include "render/render.h"

struct arena;
struct buf;
struct doc_layout;
struct scene;

/* The source tree (JTAI_SOURCE_DIR) joined with rel; a static buffer. */
const char *test_src(const char *rel);
/* The shared/ folder beside the checkout, or NULL when absent. */
const char *test_shared(const char *rel);
/* What a test's time limit is multiplied by: JTAI_TEST_TIME_SCALE (at least
 * 1), set by tests/ci/sanitize.sh and valgrind.sh, whose builds run slower.
 * Time limits catch quadratic work, not a slow machine. */
double test_time_scale(void);
/* Makes a fresh empty temporary folder and returns its path (static). */
const char *test_tmpdir(void);
/* Writes text to dir/rel, creating parent folders. */
void test_write(const char *dir, const char *rel, const char *text);
/* Loads the project's fonts (fonts/fonts.yaml) into fs; aborts the test
 * with the diagnostics when they cannot be loaded. */
void test_fonts(struct fontset *fs);
/* All diagnostics of s formatted as lines, as a malloc'd string. */
char *test_diags(const struct diag_sink *s);
/* Fails the test unless the diagnostics of s contain want. */
void test_diags_have(const struct diag_sink *s, const char *want);

/* What a renderer test starts from: a sink, the project's fonts, an arena
 * for its charts, and render options that find the charts added with
 * test_render_chart by name (and no other). Never copy one once set up:
 * its options point back at it. */
#define TEST_RENDER_CHARTS 4
struct test_render {
	struct diag_sink sink;
	struct fontset fonts;
	struct arena *arena;
	struct render_opts opts;
	struct scene *chart[TEST_RENDER_CHARTS];
	size_t nchart;
};

/* Sets up r with no charts; aborts the test with the diagnostics when the
 * fonts cannot be loaded. */
void test_render_init(struct test_render *r);
/* Frees what r holds, its charts with it. */
void test_render_release(struct test_render *r);
/* An empty chart NAME of w x h, owned by r's arena, that r's options find
 * from now on; at most TEST_RENDER_CHARTS of them. */
struct scene *test_render_chart(struct test_render *r, const char *name,
                                double w, double h);
/* test_render_chart with the chart the renderer tests show: a green bar
 * from x 100 across half the width, an axis at x 100 from 10 to h - 10,
 * the label "Health" (10 pt, ending at x 90) and the bold title
 * "Strengths" (11 pt, centred). */
struct scene *test_render_bars(struct test_render *r, const char *name,
                               double w, double h);
/* md, read from path, laid out with r's options (render_layout); fails
 * the test with the diagnostics when it cannot be. The caller frees the
 * layout with doc_layout_free. */
struct doc_layout *test_render_layout(struct test_render *r, const char *path,
                                      const char *md);
/* Initialises out and writes md's PDF into it with r's options
 * (render_pdf); fails the test with the diagnostics on an error. The
 * caller releases out. */
void test_render_pdf(struct test_render *r, const char *path, const char *md,
                     struct buf *out);

#endif
