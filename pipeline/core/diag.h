/* Diagnostics: the library reports problems into a sink; only cli/ prints
 * them and decides the exit status. Every message has the form
 *   path:line:col: error: what went wrong 'subject' (hint)
 * with line and col 1-based (0 when unknown: then the place is just path). */
#ifndef JTAI_CORE_DIAG_H
#define JTAI_CORE_DIAG_H

#include <stdarg.h>
#include <stddef.h>

struct buf;

enum diag_level { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE };

struct diag {
	enum diag_level level;
	char *path; /* may be NULL */
	int line, col;
	char *msg;
	char *hint; /* NULL or e.g. "did you mean 'strength'?" */
};

struct diag_sink {
	struct diag *items;
	size_t n, cap;
	size_t errors, warnings;
};

void diag_init(struct diag_sink *s);
void diag_release(struct diag_sink *s);

/* Records a diagnostic; the sink copies every string. */
void diag_error(struct diag_sink *s, const char *path, int line, int col,
                const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void diag_warning(struct diag_sink *s, const char *path, int line, int col,
                  const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void diag_note(struct diag_sink *s, const char *path, int line, int col,
               const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void diag_add(struct diag_sink *s, enum diag_level level, const char *path,
              int line, int col, const char *fmt, va_list ap);
/* Records a diagnostic whose message is msg as it is (no formatting): one
 * read back from another process or another sink. */
void diag_put(struct diag_sink *s, enum diag_level level, const char *path,
              int line, int col, const char *msg);
/* Attaches a hint to the last diagnostic recorded (no-op if none). */
void diag_hint(struct diag_sink *s, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Appends one diagnostic as a line: "path:line:col: error: msg (hint)\n". */
void diag_format(const struct diag *d, struct buf *out);
/* Appends every diagnostic of the sink, in the order recorded. */
void diag_format_all(const struct diag_sink *s, struct buf *out);
/* Appends the sink as one JSON document: {"diagnostics": [...], "errors":
 * N, "warnings": N}, each diagnostic {file, line, column, severity
 * ("error", "warning" or "note"), message, hint, rule}. A check's rule
 * ("... [pd-postcode]") moves from the message to "rule"; file, line,
 * column, hint and rule are null when unknown. */
void diag_format_json(const struct diag_sink *s, struct buf *out);
/* Appends every diagnostic as a GitHub Actions annotation
 * ("::error file=P,line=L,col=C::message"). */
void diag_format_github(const struct diag_sink *s, struct buf *out);
/* Turns every warning into an error (--werror). */
void diag_werror(struct diag_sink *s);
/* Appends a copy of every diagnostic of src to dst. */
void diag_append(struct diag_sink *dst, const struct diag_sink *src);
/* Moves every diagnostic of src to the end of dst, leaving src empty. */
void diag_move(struct diag_sink *dst, struct diag_sink *src);

/* Returns the candidate closest to word by edit distance, or NULL when none
 * is close enough to be a useful hint. */
const char *diag_nearest(const char *word, const char *const *candidates,
                         size_t n);

#endif
