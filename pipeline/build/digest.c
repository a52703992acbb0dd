/* The digest of each file the build checks: from the state when the file's
 * stamp is unchanged (build/state.h), else by reading it; a folder's digest
 * is that of its sorted names. Each path is digested once per run. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <xxhash.h>

#include "build/build_int.h"
#include "core/alloc.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/file.h"
#include "core/strv.h"

struct memo_entry {
	char *path;
	struct digest dg;
};

struct memo {
	struct memo_entry *v;
	size_t cap, n;
};

static struct memo_entry *
memo_slot(struct memo *m, const char *path)
{
	if ((m->n + 1) * 2 > m->cap) {
		struct memo_entry *old = m->v;
		size_t oc = m->cap;
		m->cap = oc ? oc * 2 : 4096;
		m->v = xcalloc(m->cap, sizeof(*m->v));
		for (size_t i = 0; i < oc; i++)
			if (old[i].path)
				*memo_slot(m, old[i].path) = old[i];
		free(old);
	}
	size_t i = (size_t)XXH3_64bits(path, strlen(path)) & (m->cap - 1);
	while (m->v[i].path && strcmp(m->v[i].path, path))
		i = (i + 1) & (m->cap - 1);
	return &m->v[i];
}

void
engine_note(struct engine *e, const char *path, struct digest dg)
{
	struct memo_entry *s = memo_slot(e->memo, path);
	if (s->path == NULL) {
		s->path = xstrdup(path);
		e->memo->n++;
	}
	s->dg = dg;
}

struct memo *
memo_new(void)
{
	return xcalloc(1, sizeof(struct memo));
}

void
memo_free(struct memo *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->v[i].path);
	free(m->v);
	free(m);
}

void
record_file(struct engine *e, struct emit *em, const char *path,
            const struct stamp *s, struct digest dg)
{
	struct digest known;
	if (s->mtime_ns >= e->racy_ns || s->ctime_ns >= e->racy_ns ||
	    (state_file(e->st, path, s, &known) && digest_eq(known, dg)))
		return;
	struct buf line;
	buf_init(&line);
	state_line_file(&line, path, s, dg);
	em->record(em, line.data, line.len);
	buf_release(&line);
}

/* A folder's names, sorted, one a line: what a folder holds counts as
 * its content (a new findings file makes the inspection stale). */
static void
listing(const char *path, struct buf *out)
{
	DIR *dp = opendir(path);
	char **names = NULL;
	size_t n = 0;
	struct dirent *de;
	while (dp && (de = readdir(dp)) != NULL) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		names = xrealloc(names, (n + 1) * sizeof(*names));
		names[n++] = xstrdup(de->d_name);
	}
	if (dp)
		closedir(dp);
	qsort(names, n, sizeof(*names), strv_cmp);
	buf_append(out, "", 0);
	for (size_t i = 0; i < n; i++) {
		buf_printf(out, "%s\n", names[i]);
		free(names[i]);
	}
	free(names);
}

static struct digest
digest_now(struct engine *e, struct emit *em, const char *path)
{
	struct digest dg = {0, 0};
	struct stat sb;
	if (stat(path, &sb) < 0 || !(S_ISREG(sb.st_mode) || S_ISDIR(sb.st_mode)))
		return dg;
	struct stamp s;
	stamp_of(&sb, &s);
	if (state_file(e->st, path, &s, &dg))
		return dg;
	if (S_ISDIR(sb.st_mode)) {
		struct buf b;
		buf_init(&b);
		listing(path, &b);
		dg = digest_bytes(b.data, b.len);
		record_file(e, em, path, &s, dg);
		buf_release(&b);
		return dg;
	}
	struct buf b;
	buf_init(&b);
	struct diag_sink quiet; /* unreadable: as absent, the target says */
	diag_init(&quiet);
	if (file_read_unobserved(path, &b, &sb, &quiet) == 0) {
		stamp_of(&sb, &s);
		dg = digest_bytes(b.data, b.len);
		record_file(e, em, path, &s, dg);
	}
	diag_release(&quiet);
	buf_release(&b);
	return dg;
}

struct digest
engine_digest(struct engine *e, struct emit *em, const char *path)
{
	struct memo_entry *s = memo_slot(e->memo, path);
	if (s->path != NULL)
		return s->dg;
	struct digest dg = digest_now(e, em, path);
	engine_note(e, path, dg);
	return dg;
}

int
engine_env(struct engine *e, struct diag_sink *d)
{
	if (e->env_ready)
		return 0;
	if (build_env_init(&e->env, build_datadir(), d) < 0)
		return -1;
	e->env_ready = true;
	return 0;
}

