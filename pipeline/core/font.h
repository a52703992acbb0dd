/* Font metrics of one TrueType face, read through FreeType: advance widths
 * for the line breaker and for chart labels, so that the letter and its
 * charts measure text the same way. And the font set: which files serve the
 * body, bold and heading roles, from the manifest fonts/fonts.yaml. */
#ifndef JTAI_CORE_FONT_H
#define JTAI_CORE_FONT_H

#include <stddef.h>

struct diag_sink;

struct font;

/* Loads the face in the TrueType file at path; NULL on failure (reported
 * into d). The caller frees it with font_free(). */
struct font *font_load(const char *path, struct diag_sink *d);
void font_free(struct font *f);
/* The file the face was loaded from (borrowed). */
const char *font_path(const struct font *f);
/* The face's family name ("Liberation Sans"; borrowed), or "" when the
 * file names none. */
const char *font_family(const struct font *f);
/* Width in points of the UTF-8 text s (n bytes) at size pt. Invalid UTF-8
 * is measured as U+FFFD; a missing glyph as the face's .notdef. */
double font_width(const struct font *f, const char *s, size_t n, double size);
/* Advance of one code point, in 1/1000 em. */
double font_advance(const struct font *f, unsigned cp);
/* Ascender, descender (negative) and cap height, in 1/1000 em. */
double font_ascent(const struct font *f);
double font_descent(const struct font *f);
double font_cap_height(const struct font *f);
/* True when the face has a glyph for cp. */
int font_has_glyph(const struct font *f, unsigned cp);

enum font_role { FONT_REGULAR, FONT_BOLD, FONT_MONO, FONT_ROLES };

struct fontset {
	struct font *face[FONT_ROLES];
};

/* Reads the manifest (fonts/fonts.yaml), finds each role's file in its
 * search folders and loads it. Returns 0, or -1 reported into d. */
int fontset_load(struct fontset *fs, const char *manifest,
                 struct diag_sink *d);
void fontset_release(struct fontset *fs);

#endif
