/* The front-matter block of letter.md: YAML between a first line "---" and
 * the next line "---" (keys in render/render.h). */
#ifndef JTAI_RENDER_FRONTMATTER_H
#define JTAI_RENDER_FRONTMATTER_H

#include <stdbool.h>
#include <stddef.h>

#include "core/calendar.h"

struct arena;
struct diag_sink;

struct front_matter {
	const char *title;       /* NULL when not given */
	const char *short_title; /* NULL when not given */
	const char *lang;        /* NULL when not given */
	bool has_date;
	struct date date;
	size_t body;   /* offset of the Markdown after the block (0: none) */
	int body_line; /* lines the block takes: add to the body's lines */
};

/* Reads the front matter at the start of md (len bytes), if any, into fm;
 * strings are owned by a. Returns 0, or -1 after reporting into d a
 * malformed or unclosed block, an unknown key or a bad date. */
int frontmatter_parse(struct arena *a, const char *path, const char *md,
                      size_t len, struct front_matter *fm, struct diag_sink *d);

/* The document title: fm's title, else h1 (the text of the first level-1
 * heading, or NULL), else fm's short title, else the name of the file at
 * path without folder and extension, copied into a. */
const char *frontmatter_title(const struct front_matter *fm, const char *h1,
                              struct arena *a, const char *path);

#endif
