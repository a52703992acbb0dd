/* Helpers shared by the unit tests. */
#ifndef JTAI_TESTUTIL_H
#define JTAI_TESTUTIL_H

#include <stddef.h>

struct diag_sink;
struct fontset;

/* The source tree (JTAI_SOURCE_DIR) joined with rel; a static buffer. */
const char *test_src(const char *rel);
/* The shared/ folder beside the checkout, or NULL when absent. */
const char *test_shared(const char *rel);
/* Makes a fresh empty temporary folder and returns its path (static). */
const char *test_tmpdir(void);
/* Writes text to dir/rel, creating parent folders. */
void test_write(const char *dir, const char *rel, const char *text);
/* Loads the project's fonts (fonts/fonts.yaml) into fs; aborts the test
 * with the diagnostics when they cannot be loaded. */
void test_fonts(struct fontset *fs);
/* All diagnostics of s formatted as lines, as a malloc'd string. */
char *test_diags(const struct diag_sink *s);

#endif
