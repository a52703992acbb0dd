/* Files: whole-file reads, atomic writes (temporary name, then rename, so an
 * interrupted run never leaves a half-written output), and folders. */
#ifndef JTAI_CORE_FILE_H
#define JTAI_CORE_FILE_H

#include <stdbool.h>
#include <stddef.h>

struct buf;
struct diag_sink;

/* Appends the content of path to out (NUL-terminated). Returns 0, or -1 after
 * reporting "path: error: cannot read: <reason>" into d. */
int file_read(const char *path, struct buf *out, struct diag_sink *d);
/* Writes data to a temporary file beside path, then renames it over path.
 * On failure returns -1 (reported into d), removes the temporary file and
 * leaves any previous file at path untouched. */
int file_write_atomic(const char *path, const void *data, size_t len,
                      struct diag_sink *d);
/* Creates path and its missing parents (mode 0777 before umask).
 * Returns 0, or -1 reported into d. */
int file_mkdirs(const char *path, struct diag_sink *d);
bool file_exists(const char *path);
bool file_is_dir(const char *path);
/* Returns dir/name as a malloc'd string (the caller frees it). */
char *file_join(const char *dir, const char *name);
/* Returns the last component of path (borrowed, inside path). */
const char *file_basename(const char *path);
/* Returns the folder part of path as a malloc'd string ("." when none). */
char *file_dirname(const char *path);

#endif
