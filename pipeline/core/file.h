/* Files: whole-file reads, atomic writes (temporary name, then rename, so an
 * interrupted run never leaves a half-written output), and folders. */
#ifndef JTAI_CORE_FILE_H
#define JTAI_CORE_FILE_H

#include <stdbool.h>
#include <stddef.h>

struct buf;
struct diag_sink;

/* The largest input file read (docs/limits.md). */
#define FILE_MAX_BYTES (16u << 20)

/* Appends the content of path to out (NUL-terminated): a regular file or a
 * pipe of at most FILE_MAX_BYTES. Returns 0, or -1 after reporting "path:
 * error: cannot read: <reason>" (or the limit) into d, out as it was. */
int file_read(const char *path, struct buf *out, struct diag_sink *d);
/* As file_read, for rel inside the folder dir (which may itself be a
 * link): refuses an absolute rel, a '..' component and a symbolic link at
 * any component of rel, so that nothing outside dir is read. */
int file_read_within(const char *dir, const char *rel, struct buf *out,
                     struct diag_sink *d);

/* Called after every successful file_read with the path, the file's status
 * (from the open file) and what was read: the build records from it what
 * each target was made from (build/deps.h). NULL (the default) for none.
 * One observer per process. */
struct stat;
typedef void (*file_read_observer)(void *ctx, const char *path,
                                   const struct stat *st, const void *data,
                                   size_t len);
void file_observe_reads(file_read_observer fn, void *ctx);
/* Tells the observer of a file or folder used without file_read (a font
 * opened by FreeType, a folder listed): data is then NULL. */
void file_note_use(const char *path);
/* file_read without telling the observer, also giving the status of the
 * file as read: how the build digests the files it checks. */
int file_read_unobserved(const char *path, struct buf *out, struct stat *st,
                         struct diag_sink *d);
/* Writes data to a temporary file beside path, then renames it over path.
 * On failure returns -1 (reported into d), removes the temporary file and
 * leaves any previous file at path untouched. The folder of path must not
 * be a symbolic link (refused); a link at path itself is replaced by the
 * new file, never written through. */
int file_write_atomic(const char *path, const void *data, size_t len,
                      struct diag_sink *d);
/* file_write_atomic in two steps, for a set of files that must change
 * together: file_write_temp writes data to a new temporary file beside
 * path (".NAME.tmpXXXXXX") and returns its malloc'd name in *tmp (NULL on
 * failure, reported into d, nothing left); file_commit renames it over
 * path (on failure: reported, the temporary file removed). Write every
 * temporary file first, then commit them: a full disk or a write error
 * then leaves every previous file as it was. */
int file_write_temp(const char *path, const void *data, size_t len,
                    char **tmp, struct diag_sink *d);
int file_commit(const char *tmp, const char *path, struct diag_sink *d);
/* Creates path and its missing parents (mode 0777 before umask). path
 * itself must be a real folder, not a symbolic link (its parents may be
 * links). Returns 0, or -1 reported into d. */
int file_mkdirs(const char *path, struct diag_sink *d);
/* Creates root as file_mkdirs does (root may be a link or reached through
 * links),
 * then rel inside it: every component of rel must be a real folder, not a
 * symbolic link, and rel may not leave root ('..', an absolute path). For
 * outputs: file_mkdirs_within(OUTDIR, "NAME/charts"). Returns 0, or -1
 * reported into d. */
int file_mkdirs_within(const char *root, const char *rel,
                       struct diag_sink *d);
bool file_exists(const char *path);
bool file_is_dir(const char *path);
/* Returns dir/name as a malloc'd string (the caller frees it). */
char *file_join(const char *dir, const char *name);
/* Returns the last component of path (borrowed, inside path). */
const char *file_basename(const char *path);
/* Returns the folder part of path as a malloc'd string ("." when none). */
char *file_dirname(const char *path);

#endif
