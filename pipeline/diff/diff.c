/* diff_load and diff_run: each side through ingest, merge and draft in
 * memory, then the parts of the diff in the order the reports give them. */
#include "diff/diff.h"

#include <stdio.h>
#include <string.h>

#include "core/arena.h"
#include "core/value.h"
#include "diff/diff_int.h"
#include "diff/letter.h"
#include "draft/draft.h"
#include "ingest/ingest.h"
#include "merge/merge.h"

int
diff_load(struct arena *a, const char *dir, const char *templates_dir,
          const char *label, struct diff_side *out, struct diag_sink *d)
{
	memset(out, 0, sizeof(*out));
	buf_init(&out->letter);
	out->label = label;
	out->ins = ingest_load(a, dir, templates_dir, d);
	if (out->ins == NULL)
		return -1;
	out->model = merge_run(a, out->ins, d);
	if (out->model == NULL)
		return -1;
	return draft_run(out->model, templates_dir, &out->letter, NULL, d);
}

void
diff_side_release(struct diff_side *s)
{
	buf_release(&s->letter);
	memset(s, 0, sizeof(*s));
}

struct value *
diff_run(struct arena *a, const struct diff_side *o, const struct diff_side *n,
         struct buf *redline)
{
	static const char *const addressee[] = {"role", "organisation", NULL};
	static const char *const signatory[] = {"role", "inspectorate", NULL};
	struct value *v = value_new(a, VALUE_MAP);
	value_put_int(a, v, "jtai_diff", DIFF_VERSION);
	value_put_str(a, v, "old", o->label);
	value_put_str(a, v, "new", n->label);
	struct value *differ = value_new_bool(a, false);
	value_put(a, v, "differ", differ);
	value_put(a, v, "inspection", diff_inspection(a, o->model, n->model));
	value_put(a, v, "findings", diff_findings(a, o, n));
	value_put(a, v, "judgements", diff_judgements(a, o->model, n->model));
	value_put(a, v, "dates", diff_dates(a, o->model, n->model));
	value_put(a, v, "addressees",
	          diff_people(a, value_get(o->model, "addressees"),
	                      value_get(n->model, "addressees"), "name",
	                      addressee));
	value_put(a, v, "signatories",
	          diff_people(a, value_get(o->model, "signatories"),
	                      value_get(n->model, "signatories"), "name",
	                      signatory));
	value_put(a, v, "letter",
	          letter_diff(a, o->letter.data ? o->letter.data : "",
	                      o->letter.len,
	                      n->letter.data ? n->letter.data : "",
	                      n->letter.len, redline));
	differ->b = diff_differ(v);
	differ->str = differ->b ? "true" : "false";
	differ->len = strlen(differ->str);
	return v;
}

bool
diff_differ(const struct value *diff)
{
	static const char *const parts[] = {"inspection",  "findings",
	                                    "dates",       "addressees",
	                                    "signatories", "letter"};
	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		const struct value *p = value_get(diff, parts[i]);
		if (p && p->kind == VALUE_SEQ && p->n > 0)
			return true;
	}
	const struct value *j = value_get(diff, "judgements");
	return j && j->kind == VALUE_MAP;
}
