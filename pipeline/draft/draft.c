#include "draft/draft.h"

#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/file.h"
#include "core/value.h"
#include "draft/mustache.h"
#include "ingest/ingest.h"
#include "ingest/model.h"
#include "ingest/schema.h"

/* Partials read during one draft, kept until it ends. */
struct partials {
	const char *dir; /* the framework's folder */
	struct buf *used;
	struct diag_sink *d;
	struct partial {
		char *name, *path;
		struct buf text;
		int found;
	} *items;
	size_t n, cap;
};

/* Reads partial name on first use; later uses get the same text. */
static struct partial *
partial_read(struct partials *p, const char *name)
{
	p->items = xgrow(p->items, &p->cap, p->n + 1, sizeof(*p->items));
	struct partial *it = &p->items[p->n++];
	it->name = xstrdup(name);
	buf_init(&it->text);
	struct buf rel;
	buf_init(&rel);
	buf_printf(&rel, "partials/%s.md", name);
	it->path = file_join(p->dir, buf_cstr(&rel));
	/* Confinement: a partial is a plain name inside partials/, read
	 * through no symbolic link. */
	it->found = schema_is_id(name) && file_exists(it->path) &&
	            file_read_within(p->dir, buf_cstr(&rel), &it->text, p->d) ==
	                0;
	buf_release(&rel);
	if (it->found && p->used)
		buf_append(p->used, it->path, strlen(it->path) + 1);
	return it;
}

static const char *
partial_get(void *ctx, const char *name, size_t *len, const char **path)
{
	struct partials *p = ctx;
	struct partial *it = NULL;
	for (size_t i = 0; i < p->n && it == NULL; i++)
		if (!strcmp(p->items[i].name, name))
			it = &p->items[i];
	if (it == NULL)
		it = partial_read(p, name);
	if (!it->found)
		return NULL;
	*len = it->text.len;
	if (path)
		*path = it->path;
	return buf_cstr(&it->text);
}

static void
partials_release(struct partials *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->items[i].name);
		free(p->items[i].path);
		buf_release(&p->items[i].text);
	}
	free(p->items);
}

int
draft_run(const struct value *model, const char *templates_dir,
          struct buf *out, struct buf *used, struct diag_sink *d)
{
	struct arena *a = arena_new();
	struct buf src;
	buf_init(&src);
	struct partials parts = {.used = used, .d = d};
	struct tmpl *t = NULL;
	char *path = NULL;
	int rc = -1;
	const char *id = value_text(value_path(model, "framework.id"));
	if (id == NULL) {
		diag_error(d, NULL, 0, 0, "the letter model names no framework");
		goto out;
	}
	const struct framework *fw = framework_load(a, templates_dir, id, d);
	if (fw == NULL)
		goto out;
	parts.dir = fw->dir;
	path = file_join(fw->dir, fw->letter);
	if (file_read_within(fw->dir, fw->letter, &src, d) < 0)
		goto out;
	if (used)
		buf_append(used, path, strlen(path) + 1);
	t = tmpl_compile(path, buf_cstr(&src), src.len, d);
	if (t == NULL)
		goto out;
	struct tmpl_env env = {tmpl_escape_markdown, partial_get, &parts};
	size_t errors = d->errors;
	rc = tmpl_render(t, model, &env, out, d);
	if (rc == 0 && d->errors > errors) /* a partial refused (confinement) */
		rc = -1;
out:
	tmpl_free(t);
	partials_release(&parts);
	free(path);
	buf_release(&src);
	arena_free(a);
	return rc;
}
