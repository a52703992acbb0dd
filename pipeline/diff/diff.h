/* diff: what changed between two versions of an inspection, in the terms
 * of the letter: findings by id (added, removed, reworded, moved from
 * strength to area for improvement, re-themed, joint findings formed or
 * split, waivers), judgements and the overall, dates, addressees and
 * signatories, then the drafted letter's text section by section, word by
 * word. The result is one value tree, whose layout is the JSON schema of
 * `jtai diff --format json` (docs/qa.md); the text and Markdown reports
 * and the redline's summary are written from it. */
#ifndef JTAI_DIFF_DIFF_H
#define JTAI_DIFF_DIFF_H

#include <stdbool.h>

#include "core/buf.h"

struct arena;
struct diag_sink;
struct inspection;
struct value;

/* The version of the JSON layout, its first key. */
#define DIFF_VERSION 1

/* One side of a diff: an inspection read, merged and drafted. */
struct diff_side {
	const char *label;      /* how reports name it (borrowed) */
	struct inspection *ins; /* owned by the arena given to diff_load */
	struct value *model;    /* likewise */
	struct buf letter;      /* the drafted letter.md */
};

/* Reads the inspection in dir with the frameworks under templates_dir,
 * merges it and drafts its letter into out (label is kept, borrowed).
 * Returns 0, or -1 after reporting into d. Release out with
 * diff_side_release either way. */
int diff_load(struct arena *a, const char *dir, const char *templates_dir,
              const char *label, struct diff_side *out, struct diag_sink *d);
void diff_side_release(struct diff_side *s);

/* Compares old with new. Returns the diff (owned by a); when redline is
 * not NULL, appends the new letter's Markdown with the marks of
 * render/redline.h to it. */
struct value *diff_run(struct arena *a, const struct diff_side *old,
                       const struct diff_side *new, struct buf *redline);

/* True when diff holds any change. */
bool diff_differ(const struct value *diff);

/* Reports: readable text (with ANSI colour, struck through and
 * underlined, when colour is set; [-deleted-] and {+inserted+}
 * otherwise), Markdown for a review comment, and JSON (docs/qa.md). Each
 * appends nothing but the JSON when diff holds no change. */
void diff_write_text(const struct value *diff, bool colour, struct buf *out);
void diff_write_markdown(const struct value *diff, struct buf *out);
void diff_write_json(const struct value *diff, struct buf *out);
/* The redline's first pages: the changes by finding, as Markdown. */
void diff_write_summary(const struct value *diff, struct buf *out);

/* Writes the files of folder dir (inside a git work tree) as they were at
 * revision rev into dest, a folder it creates; runs git (found on PATH)
 * without a shell. Records in *made (a NUL-separated list appended to)
 * every file and folder created, deepest last, for diff_export_remove.
 * Returns 0, or -1 after reporting into d (git's own message as a hint). */
int diff_export_rev(const char *dir, const char *rev, const char *dest,
                    struct buf *made, struct diag_sink *d);
/* Removes what diff_export_rev made, in reverse order. */
void diff_export_remove(const struct buf *made);

#endif
