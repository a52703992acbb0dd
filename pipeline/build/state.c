/* The build state log, OUTDIR/.jtai/state: UTF-8 text, one record per line,
 * fields separated by one tab; in a path, a backslash, tab or newline is
 * written as \\, \t or \n. The first line is the header
 *
 *     jtai-state<TAB>1
 *
 * and a log with another header is discarded (every target rebuilt). Then,
 * in the order they were made, records of three kinds:
 *
 *     F  PATH  SIZE  MTIME_NS  CTIME_NS  INODE  DIGEST
 *         the file PATH had content DIGEST when stat gave these values
 *     T  TARGET  OUT  ID  SET  [DEP  DIGEST]...
 *         TARGET (a path under the output folder) was built: OUT is the
 *         digest of its output, ID of what built it (jtai, the kind of
 *         target, its options), and each DEP the file it read, as it was;
 *         SET names a D record of more files it read, or is "-"
 *     D  SET  [DEP  DIGEST]...
 *         files read by many targets (a framework's templates, the
 *         fonts), written once: SET is the digest of this list
 *     O  NAME  [TARGET]...
 *         the outputs of inspection NAME (to remove those it no longer makes)
 *
 * A later record for the same key replaces an earlier one. Digests are
 * XXH3-128 as 32 lower-case hex digits; all zeros for a file that is not
 * there. Records are appended as targets finish, each with one write(2);
 * a last line without its newline (a build killed while writing it) is
 * cut off when the log is next opened. When the log holds more than one
 * and a half as many records as there are keys, it is rewritten to
 * state.tmp and renamed over the log. A build holds an exclusive lock on .jtai/lock; the
 * file .jtai/running exists while one runs, so that the next finds out
 * that the last did not end (and sweeps its temporary files). */
#include "build/state.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include "core/alloc.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/file.h"

#define HEADER "jtai-state\t1\n"

struct entry {
	char *key; /* kind letter, then the path or name */
	union {
		struct {
			struct stamp s;
			struct digest d;
		} f;
		struct target_rec t;
		struct {
			char **v;
			size_t n;
		} o;
	} u;
};

struct state {
	char *dir, *log, *running;
	int lock_fd, log_fd;
	struct entry **tab; /* open addressing, cap a power of two */
	size_t cap, live, records;
	struct buf line, scratch;
	char **fields; /* of the line being applied */
	/* every entry, key and string of the table: a record that replaces
	 * another leaves the old one here until the state is closed */
	struct arena *a;
};

bool
digest_eq(struct digest a, struct digest b)
{
	return a.hi == b.hi && a.lo == b.lo;
}

bool
digest_is_zero(struct digest a)
{
	return a.hi == 0 && a.lo == 0;
}

struct digest
digest_bytes(const void *p, size_t n)
{
	XXH128_hash_t h = XXH3_128bits(p, n);
	struct digest d = {h.high64, h.low64};
	if (digest_is_zero(d))
		d.lo = 1; /* zero means "absent" */
	return d;
}

void
stamp_of(const struct stat *st, struct stamp *out)
{
	out->size = (int64_t)st->st_size;
	out->mtime_ns = (int64_t)st->st_mtim.tv_sec * 1000000000 +
	                st->st_mtim.tv_nsec;
	out->ctime_ns = (int64_t)st->st_ctim.tv_sec * 1000000000 +
	                st->st_ctim.tv_nsec;
	out->ino = (uint64_t)st->st_ino;
}

char *
state_dir(const char *outdir)
{
	return file_join(outdir, ".jtai");
}

/* ---- the table ---- */

static uint64_t
key_hash(const char *k)
{
	return XXH3_64bits(k, strlen(k));
}

static struct entry **
slot(const struct state *st, const char *key)
{
	size_t i = (size_t)key_hash(key) & (st->cap - 1);
	while (st->tab[i] != NULL && strcmp(st->tab[i]->key, key) != 0)
		i = (i + 1) & (st->cap - 1);
	return &st->tab[i];
}

static void
grow(struct state *st)
{
	struct entry **old = st->tab;
	size_t n = st->cap;
	st->cap = n ? n * 2 : 1024;
	st->tab = xcalloc(st->cap, sizeof(*st->tab));
	for (size_t i = 0; i < n; i++)
		if (old[i] != NULL)
			*slot(st, old[i]->key) = old[i];
	free(old);
}

/* The entry for key, made empty when new or cleared when old. */
static struct entry *
put(struct state *st, const char *key)
{
	if ((st->live + 1) * 2 > st->cap)
		grow(st);
	struct entry **s = slot(st, key);
	if (*s == NULL) {
		*s = arena_alloc(st->a, sizeof(**s));
		(*s)->key = arena_strdup(st->a, key);
		st->live++;
	} else {
		memset(&(*s)->u, 0, sizeof((*s)->u));
	}
	return *s;
}

static const struct entry *
get(const struct state *st, char kind, const char *name)
{
	if (st->cap == 0)
		return NULL;
	char small[512];
	size_t n = strlen(name);
	char *key = n + 2 <= sizeof(small) ? small : xmalloc(n + 2);
	key[0] = kind;
	memcpy(key + 1, name, n + 1);
	const struct entry *e = *slot(st, key);
	if (key != small)
		free(key);
	return e;
}

/* ---- lines ---- */

static void
put_field(struct buf *b, const char *s)
{
	buf_append(b, "\t", 1);
	for (; *s; s++) {
		const char *esc = *s == '\\' ? "\\\\"
		                  : *s == '\t' ? "\\t"
		                  : *s == '\n' ? "\\n"
		                               : NULL;
		if (esc)
			buf_append(b, esc, 2);
		else
			buf_append(b, s, 1);
	}
}

static void
put_digest(struct buf *b, struct digest d)
{
	buf_printf(b, "\t%016llx%016llx", (unsigned long long)d.hi,
	           (unsigned long long)d.lo);
}

void
state_line_file(struct buf *out, const char *path, const struct stamp *s,
                struct digest dg)
{
	buf_append(out, "F", 1);
	put_field(out, path);
	buf_printf(out, "\t%lld\t%lld\t%lld\t%llu", (long long)s->size,
	           (long long)s->mtime_ns, (long long)s->ctime_ns,
	           (unsigned long long)s->ino);
	put_digest(out, dg);
	buf_append(out, "\n", 1);
}

static void
put_deps(struct buf *b, const struct dep *d, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		put_field(b, d[i].path);
		put_digest(b, d[i].digest);
	}
}

static const struct entry *get(const struct state *st, char kind,
                               const char *name);

void
state_line_target(const struct state *st, struct buf *out,
                  const char *target, const struct target_rec *t)
{
	char set[33] = "-";
	if (t->nshared > 0) {
		struct buf b;
		buf_init(&b);
		put_deps(&b, t->shared, t->nshared);
		struct digest dg = digest_bytes(b.data, b.len);
		buf_release(&b);
		snprintf(set, sizeof(set), "%016llx%016llx",
		         (unsigned long long)dg.hi, (unsigned long long)dg.lo);
		if (st == NULL || get(st, 'D', set) == NULL) {
			buf_append(out, "D", 1);
			put_field(out, set);
			put_deps(out, t->shared, t->nshared);
			buf_append(out, "\n", 1);
		}
	}
	buf_append(out, "T", 1);
	put_field(out, target);
	put_digest(out, t->out);
	put_digest(out, t->id);
	put_field(out, set);
	put_deps(out, t->deps, t->ndeps);
	buf_append(out, "\n", 1);
}

void
state_line_outputs(struct buf *out, const char *name,
                   const char *const *targets, size_t n)
{
	buf_append(out, "O", 1);
	put_field(out, name);
	for (size_t i = 0; i < n; i++)
		put_field(out, targets[i]);
	buf_append(out, "\n", 1);
}

/* Splits line into fields in place, unescaping; returns the count.
 * Escapes are rare: runs between tabs and backslashes are found with
 * strcspn and moved only after an escape. */
static size_t
split(char *line, char **f, size_t max)
{
	size_t n = 0;
	char *w = line, *r = line;
	f[n++] = w;
	for (;;) {
		size_t k = strcspn(r, "\t\\");
		if (w != r)
			memmove(w, r, k);
		w += k;
		r += k;
		if (*r == '\0')
			break;
		if (*r == '\t') {
			*w++ = '\0';
			r++;
			if (n == max)
				return 0;
			f[n++] = w;
		} else if (r[1]) {
			r++;
			*w++ = *r == 't' ? '\t' : *r == 'n' ? '\n' : *r;
			r++;
		} else {
			*w++ = *r++;
		}
	}
	*w = '\0';
	return n;
}

/* 16 hex digits (lower case) as a number; false on any other byte. */
static bool
parse_hex64(const char *s, uint64_t *v)
{
	/* each byte's value, or 16 when it is no digit */
	static unsigned char val[256];
	static bool made;
	if (!made) {
		memset(val, 16, sizeof(val));
		for (int i = 0; i < 10; i++)
			val['0' + i] = (unsigned char)i;
		for (int i = 0; i < 6; i++)
			val['a' + i] = (unsigned char)(10 + i);
		made = true;
	}
	uint64_t x = 0;
	unsigned bad = 0;
	for (int i = 0; i < 16; i++) {
		unsigned d = val[(unsigned char)s[i]];
		bad |= d;
		x = x << 4 | (d & 15);
	}
	*v = x;
	return (bad & 16) == 0;
}

static bool
parse_digest(const char *s, struct digest *d)
{
	/* s ends at its NUL: a short one fails at it, before reading on */
	return strnlen(s, 33) == 32 && parse_hex64(s, &d->hi) &&
	       parse_hex64(s + 16, &d->lo);
}

/* A decimal integer of 64 bits, unsigned / optionally negative. */
static bool
parse_u64(const char *s, uint64_t *v)
{
	if (*s == '\0')
		return false;
	uint64_t x = 0;
	for (; *s; s++) {
		unsigned d = (unsigned)(*s - '0');
		if (d > 9 || x > (UINT64_MAX - d) / 10)
			return false;
		x = x * 10 + d;
	}
	*v = x;
	return true;
}

static bool
parse_i64(const char *s, int64_t *v)
{
	bool neg = *s == '-';
	uint64_t x;
	if (!parse_u64(s + neg, &x) || x > (uint64_t)INT64_MAX + neg)
		return false;
	*v = neg ? (int64_t)(0 - x) : (int64_t)x;
	return true;
}

/* Applies one record (already split); false when malformed. */
static bool
apply_fields(struct state *st, char **f, size_t n)
{
	if (f[0][0] == '\0' || f[0][1] != '\0' || n < 2)
		return false;
	if (f[0][0] == 'D' && get(st, 'D', f[1]) != NULL)
		return true; /* a set is named by its content: the same again */
	size_t nk = strlen(f[1]);
	char small[512];
	char *key = nk + 2 <= sizeof(small) ? small : xmalloc(nk + 2);
	key[0] = f[0][0];
	memcpy(key + 1, f[1], nk + 1);
	bool ok = true;
	switch (f[0][0]) {
	case 'F': {
		struct stamp s;
		struct digest d;
		ok = n == 7 && parse_i64(f[2], &s.size) &&
		     parse_i64(f[3], &s.mtime_ns) && parse_i64(f[4], &s.ctime_ns) &&
		     parse_u64(f[5], &s.ino) && parse_digest(f[6], &d);
		if (ok) {
			struct entry *e = put(st, key);
			e->u.f.s = s;
			e->u.f.d = d;
		}
		break;
	}
	case 'T':
	case 'D': {
		struct digest out = {0, 0}, id = {0, 0};
		const struct entry *set = NULL;
		size_t first = f[0][0] == 'T' ? 5 : 2;
		ok = n >= first && (n - first) % 2 == 0;
		if (ok && f[0][0] == 'T') {
			ok = parse_digest(f[2], &out) && parse_digest(f[3], &id);
			if (ok && strcmp(f[4], "-") != 0) {
				set = get(st, 'D', f[4]);
				ok = set != NULL;
			}
		}
		size_t nd = ok ? (n - first) / 2 : 0;
		struct dep *deps =
		    nd ? arena_alloc(st->a, nd * sizeof(*deps)) : NULL;
		for (size_t i = 0; ok && i < nd; i++)
			ok = parse_digest(f[first + 1 + 2 * i], &deps[i].digest);
		if (ok) {
			struct entry *e = put(st, key);
			e->u.t.out = out;
			e->u.t.id = id;
			e->u.t.deps = deps;
			e->u.t.ndeps = nd;
			if (set != NULL) {
				e->u.t.shared = set->u.t.deps;
				e->u.t.nshared = set->u.t.ndeps;
			}
			for (size_t i = 0; i < nd; i++)
				deps[i].path =
				    arena_strdup(st->a, f[first + 2 * i]);
		}
		break;
	}
	case 'O': {
		struct entry *e = put(st, key);
		e->u.o.n = n - 2;
		e->u.o.v = n > 2 ? arena_alloc(st->a, (n - 2) * sizeof(char *))
		                 : NULL;
		for (size_t i = 2; i < n; i++)
			e->u.o.v[i - 2] = arena_strdup(st->a, f[i]);
		break;
	}
	default:
		ok = false;
	}
	if (key != small)
		free(key);
	return ok;
}

enum { MAX_FIELDS = 4096 };

static bool
apply_line(struct state *st, const char *line, size_t len)
{
	if (st->fields == NULL)
		st->fields = xmalloc(MAX_FIELDS * sizeof(*st->fields));
	buf_clear(&st->scratch);
	buf_append(&st->scratch, line, len);
	char *copy = st->scratch.data;
	size_t n = memchr(copy, '\0', len) ? 0
	                                    : split(copy, st->fields, MAX_FIELDS);
	bool ok = n > 0 && apply_fields(st, st->fields, n);
	if (ok)
		st->records++;
	return ok;
}

static void apply_one(struct state *st, const char *line, size_t len);

void
state_apply(struct state *st, const char *text, size_t len)
{
	while (len > 0) {
		const char *nl = memchr(text, '\n', len);
		size_t n = nl ? (size_t)(nl - text) : len;
		apply_one(st, text, n);
		if (nl == NULL)
			break;
		len -= n + 1;
		text = nl + 1;
	}
}

static void
apply_one(struct state *st, const char *line, size_t len)
{
	if (!apply_line(st, line, len) || st->log_fd < 0)
		return;
	buf_clear(&st->line);
	buf_append(&st->line, line, len);
	buf_append(&st->line, "\n", 1);
	const char *p = st->line.data;
	size_t left = st->line.len;
	while (left > 0) {
		ssize_t w = write(st->log_fd, p, left);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			break; /* the state is a cache: a lost record costs a rebuild */
		p += w;
		left -= (size_t)w;
	}
}

/* ---- open and close ---- */

/* Loads the log's records; returns the length of its whole lines, or 0
 * when it must be started again (no log, or another header). */
static size_t
load(struct state *st, const struct buf *text)
{
	if (text->len < sizeof(HEADER) - 1 ||
	    memcmp(text->data, HEADER, sizeof(HEADER) - 1) != 0)
		return 0;
	size_t pos = sizeof(HEADER) - 1;
	while (pos < text->len) {
		const char *nl = memchr(text->data + pos, '\n', text->len - pos);
		if (nl == NULL)
			break; /* torn: cut off */
		apply_line(st, text->data + pos, (size_t)(nl - text->data) - pos);
		pos = (size_t)(nl - text->data) + 1;
	}
	return pos;
}

struct state *
state_open(const char *outdir, bool *unclean, struct diag_sink *d)
{
	struct state *st = xcalloc(1, sizeof(*st));
	st->lock_fd = st->log_fd = -1;
	st->a = arena_new();
	buf_init(&st->line);
	buf_init(&st->scratch);
	st->dir = state_dir(outdir);
	st->log = file_join(st->dir, "state");
	st->running = file_join(st->dir, "running");
	char *lock = file_join(st->dir, "lock");
	*unclean = false;
	if (file_mkdirs(st->dir, d) < 0)
		goto fail;
	st->lock_fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
	if (st->lock_fd < 0 || flock(st->lock_fd, LOCK_EX) < 0) {
		diag_error(d, lock, 0, 0, "cannot lock the build state: %s",
		           strerror(errno));
		goto fail;
	}
	*unclean = access(st->running, F_OK) == 0;
	int rfd = open(st->running, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW,
	               0644);
	if (rfd >= 0)
		close(rfd);
	struct buf text;
	buf_init(&text);
	struct diag_sink quiet;
	diag_init(&quiet);
	bool had = file_read(st->log, &text, &quiet) == 0;
	diag_release(&quiet);
	size_t keep = had ? load(st, &text) : 0;
	st->log_fd = open(st->log, O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW,
	                  0644);
	if (st->log_fd < 0) {
		diag_error(d, st->log, 0, 0, "cannot write the build state: %s",
		           strerror(errno));
		buf_release(&text);
		goto fail;
	}
	if (keep == 0) {
		if (ftruncate(st->log_fd, 0) < 0 ||
		    write(st->log_fd, HEADER, sizeof(HEADER) - 1) < 0)
			keep = 0;
	} else if (keep < text.len && ftruncate(st->log_fd, (off_t)keep) < 0) {
		keep = 0;
	}
	buf_release(&text);
	lseek(st->log_fd, 0, SEEK_END);
	int fl = fcntl(st->log_fd, F_GETFL);
	fcntl(st->log_fd, F_SETFL, fl | O_APPEND);
	free(lock);
	return st;
fail:
	free(lock);
	state_close(st, NULL);
	return NULL;
}

static int
cmp_entry(const void *a, const void *b)
{
	return strcmp((*(struct entry *const *)a)->key,
	              (*(struct entry *const *)b)->key);
}

static void
entry_line(const struct state *st, struct buf *b, const struct entry *e)
{
	const char *name = e->key + 1;
	switch (e->key[0]) {
	case 'F': state_line_file(b, name, &e->u.f.s, e->u.f.d); break;
	case 'D':
		buf_append(b, "D", 1);
		put_field(b, name);
		put_deps(b, e->u.t.deps, e->u.t.ndeps);
		buf_append(b, "\n", 1);
		break;
	case 'T': state_line_target(st, b, name, &e->u.t); break;
	case 'O':
		state_line_outputs(b, name, (const char *const *)e->u.o.v,
		                   e->u.o.n);
		break;
	}
}

/* Rewrites the log with one record per key, sorted: write, then rename. */
static int
compact(struct state *st, struct diag_sink *d)
{
	struct entry **all = xcalloc(st->live + 1, sizeof(*all));
	size_t n = 0;
	for (size_t i = 0; i < st->cap; i++)
		if (st->tab[i] != NULL)
			all[n++] = st->tab[i];
	qsort(all, n, sizeof(*all), cmp_entry);
	struct buf b;
	buf_init(&b);
	buf_append(&b, HEADER, sizeof(HEADER) - 1);
	for (size_t i = 0; i < n; i++)
		entry_line(st, &b, all[i]);
	free(all);
	int rc = file_write_atomic(st->log, b.data, b.len, d);
	buf_release(&b);
	if (rc == 0)
		st->records = st->live;
	return rc;
}

int
state_close(struct state *st, struct diag_sink *d)
{
	if (st == NULL)
		return 0;
	int rc = 0;
	if (st->log_fd >= 0) {
		close(st->log_fd);
		st->log_fd = -1;
		/* compacted once a third of it is stale: a full rebuild (one
		 * record more for each key) is followed by the log it made */
		if (2 * st->records > 3 * st->live + 512 && d != NULL)
			rc = compact(st, d);
		unlink(st->running);
	}
	if (st->lock_fd >= 0)
		close(st->lock_fd); /* releases the lock */
	arena_free(st->a);
	free(st->tab);
	buf_release(&st->line);
	buf_release(&st->scratch);
	free(st->fields);
	free(st->dir);
	free(st->log);
	free(st->running);
	free(st);
	return rc;
}

void
state_detach(struct state *st)
{
	st->log_fd = -1; /* the parent's; left open for it */
	st->lock_fd = -1;
}

/* ---- lookups ---- */

bool
state_file(const struct state *st, const char *path, const struct stamp *s,
           struct digest *out)
{
	const struct entry *e = get(st, 'F', path);
	if (e == NULL || e->u.f.s.size != s->size ||
	    e->u.f.s.mtime_ns != s->mtime_ns ||
	    e->u.f.s.ctime_ns != s->ctime_ns || e->u.f.s.ino != s->ino)
		return false;
	*out = e->u.f.d;
	return true;
}

const struct target_rec *
state_target(const struct state *st, const char *target)
{
	const struct entry *e = get(st, 'T', target);
	return e ? &e->u.t : NULL;
}

const char *const *
state_outputs(const struct state *st, const char *name, size_t *n)
{
	const struct entry *e = get(st, 'O', name);
	*n = e ? e->u.o.n : 0;
	return e ? (const char *const *)e->u.o.v : NULL;
}

void
state_each_target(const struct state *st,
                  void (*fn)(void *ctx, const char *target), void *ctx)
{
	for (size_t i = 0; i < st->cap; i++)
		if (st->tab[i] != NULL && st->tab[i]->key[0] == 'T')
			fn(ctx, st->tab[i]->key + 1);
}
