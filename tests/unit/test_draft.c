/* draft: the jtai-2022 letter drafted from a merged model. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/value.h"
#include "draft/draft.h"
#include "ingest/ingest.h"
#include "merge/merge.h"
#include "testutil.h"

static char *
draft_sample(const char *rel, struct buf *used)
{
	struct arena *a = arena_new();
	struct diag_sink d;
	diag_init(&d);
	char *dir = strdup(test_src(rel));
	char *templates = strdup(test_src("templates"));
	struct inspection *ins = ingest_load(a, dir, templates, &d);
	cr_assert_not_null(ins, "%s", test_diags(&d));
	struct value *m = merge_run(a, ins, &d);
	struct buf out;
	buf_init(&out);
	cr_assert_eq(draft_run(m, templates, &out, used, &d), 0, "%s",
	             test_diags(&d));
	free(dir);
	free(templates);
	diag_release(&d);
	arena_free(a);
	return buf_detach(&out);
}

static const char *
after(const char *hay, const char *needle, const char *from)
{
	const char *p = strstr(from ? from : hay, needle);
	cr_assert_not_null(p, "'%s' missing or out of order", needle);
	return p + strlen(needle);
}

Test(draft, sections_come_in_the_letters_order)
{
	struct buf used;
	buf_init(&used);
	char *md = draft_sample("samples/riverford-front-door", &used);
	cr_assert_eq(strncmp(md, "---\ntitle: >-\n", 14), 0, "%.80s", md);
	/* the letter's parts, each after the one before */
	static const char *const parts[] = {
	    "24 November 2025\n",
	    "Lydia Garnock, Director of Children's Services",
	    "# Joint targeted area inspection of the multi-agency response to "
	    "the identification of initial need and risk in Riverford",
	    "13 to 17 October 2025",
	    "the Care Quality Commission (CQC)",
	    "## Headline findings",
	    "## Areas for priority action",
	    "## What needs to improve?",
	    "## Strengths",
	    "(chart:findings-by-agency",
	    "## Main findings",
	    "## Next steps",
	    "5 March 2026",
	    "Yours sincerely",
	    "**Helena Marchbank**"};
	const char *p = NULL;
	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
		p = after(md, parts[i], p);
	/* the template and its three partials were read */
	size_t files = 0;
	for (size_t i = 0; i < used.len; i += strlen(used.data + i) + 1)
		files++;
	cr_assert_eq(files, 4);
	buf_release(&used);
	free(md);
}

Test(draft, no_case_detail_reaches_the_letter)
{
	char *md = draft_sample("samples/northshire-exploitation", NULL);
	/* case ids are evidence for reviewers, never printed */
	cr_assert_null(strstr(md, "c01"));
	cr_assert_null(strstr(md, "age_band"));
	cr_assert(strstr(md, "They tracked six children's cases in depth"));
	free(md);
}
