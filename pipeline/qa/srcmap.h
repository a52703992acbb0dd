/* Internal to qa: where a byte of a YAML scalar's text stands in its file.
 * libyaml gives each scalar's first position; a hit inside it is found by
 * walking the source beside the scalar's text: plain and quoted scalars
 * (escapes and '' undone, line breaks folded), and literal (|) and folded
 * (>) blocks (indentation skipped). Columns count characters, as editors
 * and libyaml do. Hits in one scalar asked for in order cost one walk. */
#ifndef JTAI_QA_SRCMAP_H
#define JTAI_QA_SRCMAP_H

#include <stdbool.h>
#include <stddef.h>

#include "core/buf.h"

struct value;

struct srcmap {
	struct srcfile {
		char *path;
		struct buf text;
		bool read;
	} * files;
	size_t n, cap;
	/* the last walk, to go on from */
	const struct value *v;
	size_t vi, p;
	int line, col;
	char style;
	bool ok;
};

void srcmap_init(struct srcmap *m);
void srcmap_release(struct srcmap *m);

/* The place (1-based line, column in characters) of byte off of the text
 * of scalar v, read from the file at path. When the file cannot be read
 * or the walk loses its way, the scalar's own place. */
void srcmap_place(struct srcmap *m, const char *path, const struct value *v,
                  size_t off, int *line, int *col);

/* The lines of a text, to place its bytes: init, place, release. */
struct line_index {
	const char *text;
	size_t *start; /* each line's first byte */
	size_t n;
};

void line_index_init(struct line_index *l, const char *text, size_t len);
/* The place (1-based line, column in characters) of byte off. */
void line_index_place(const struct line_index *l, size_t off, int *line,
                      int *col);
void line_index_release(struct line_index *l);

#endif
