/* The build's memory between runs: what each target was made from, and
 * the content digest of each file seen, keyed by its status so that an
 * unchanged file is not read again. Kept as an append-only log under the
 * output folder (format: build/state.c). */
#ifndef JTAI_BUILD_STATE_H
#define JTAI_BUILD_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct buf;
struct diag_sink;
struct stat;

/* A content digest (XXH3, 128 bits). All zero means "no such file". */
struct digest {
	uint64_t hi, lo;
};

/* What stat says of a file; equal stamps mean an unchanged file. */
struct stamp {
	int64_t size, mtime_ns, ctime_ns;
	uint64_t ino;
};

struct dep {
	char *path;
	struct digest digest;
};

/* A target as last built: the digest of its output, of what it was built
 * with (jtai itself, the kind of target, its options) and of each file it
 * was built from. */
struct target_rec {
	struct digest out, id;
	struct dep *deps;
	size_t ndeps;
	/* files shared with other targets (a framework's templates, the
	 * fonts), kept once in the log as a set */
	const struct dep *shared;
	size_t nshared;
};

struct state;

/* Opens (creating) the state of the builds into outdir, under
 * outdir/.jtai/, and locks it against other builds (waiting for them).
 * Returns NULL after reporting into d. *unclean is set when the last build
 * into outdir did not end cleanly (killed or crashed): its temporary files
 * may be left behind. */
struct state *state_open(const char *outdir, bool *unclean,
                         struct diag_sink *d);
/* Compacts the log when it has grown (write, then rename), marks the end
 * of a clean build and unlocks. Returns 0, or -1 reported into d. */
int state_close(struct state *st, struct diag_sink *d);
/* The state folder of outdir (malloc'd): outdir/.jtai */
char *state_dir(const char *outdir);

bool digest_eq(struct digest a, struct digest b);
bool digest_is_zero(struct digest a);
struct digest digest_bytes(const void *p, size_t n);
void stamp_of(const struct stat *st, struct stamp *out);

/* Looks up a file's last known digest when its stamp is s. */
bool state_file(const struct state *st, const char *path,
                const struct stamp *s, struct digest *out);
/* The target's record, or NULL when it was never built. */
const struct target_rec *state_target(const struct state *st,
                                      const char *target);
/* The outputs last made for an inspection, or NULL. */
const char *const *state_outputs(const struct state *st, const char *name,
                                 size_t *n);

/* Records, as one line appended to out (so that a worker can send them to
 * the process that owns the state): */
void state_line_file(struct buf *out, const char *path, const struct stamp *s,
                     struct digest dg);
/* t's shared files are written as a set, first on its own line when st
 * does not hold it yet. */
void state_line_target(const struct state *st, struct buf *out,
                       const char *target, const struct target_rec *t);
void state_line_outputs(struct buf *out, const char *name,
                        const char *const *targets, size_t n);
/* Applies record lines (each ending in a newline) and appends them to
 * the log. A malformed line is ignored. */
void state_apply(struct state *st, const char *line, size_t len);

/* In a worker process: records still update st, but are no longer
 * appended to the log (the parent appends what the worker sends it). */
void state_detach(struct state *st);

/* Every target recorded, in no particular order, for jtai clean: calls fn
 * for each key. */
void state_each_target(const struct state *st,
                       void (*fn)(void *ctx, const char *target), void *ctx);

#endif
