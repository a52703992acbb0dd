/* jtai new: a new inspection folder for a framework, every file explained
 * in comments, that passes jtai check as it stands. Generated from the
 * framework's data (its inspectorates, kinds, themes and judgements), so a
 * new framework scaffolds without a C change. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "build/build.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/calendar.h"
#include "core/diag.h"
#include "core/file.h"
#include "ingest/ingest.h"
#include "ingest/model.h"

/* The agency each inspectorate usually inspects, for the first draft. */
static const struct {
	const char *inspectorate, *id, *name, *role, *organisation;
} usual[] = {
    {"ofsted", "csc", "%s children's social care", "Director of Children's Services", "%s"},
    {"cqc", "health", "health services in %s", "Chief Executive", "NHS %s Integrated Care Board"},
    {"hmicfrs", "police", "%s Police", "Chief Constable", "%s Police"},
    {"hmi-probation", "probation", "probation services in %s", "Regional Probation Director", "The Probation Service"},
    {"hmi-prisons", "custody", "the young offender institution serving %s", "Governor", "the young offender institution"},
    {"hmcpsi", "cps", "the Crown Prosecution Service in %s", "Chief Crown Prosecutor", "the Crown Prosecution Service"},
};

static int
usual_of(const char *inspectorate)
{
	for (size_t i = 0; i < sizeof(usual) / sizeof(usual[0]); i++)
		if (!strcmp(usual[i].inspectorate, inspectorate))
			return (int)i;
	return -1;
}

/* A YAML double-quoted string. */
static void
quoted(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			buf_putc(b, '\\');
		buf_putc(b, *s);
	}
	buf_putc(b, '"');
}

static void
put_date(struct buf *b, struct date dt)
{
	char iso[11];
	date_iso(dt, iso);
	buf_puts(b, iso);
}

struct plan {
	const struct framework *fw;
	const char *area; /* "Westmoor" */
	struct date notification, from, to, letter;
};

static void
agency_line(struct buf *b, const struct plan *p, const char *insp)
{
	int u = usual_of(insp);
	char name[256];
	snprintf(name, sizeof(name), u >= 0 ? usual[u].name : "%s services",
	         p->area);
	buf_printf(b, "  - id: %s\n    name: ", u >= 0 ? usual[u].id : insp);
	quoted(b, name);
	buf_printf(b, "\n    inspectorate: %s\n", insp);
}

static void
inspection_yaml(struct buf *b, const struct plan *p)
{
	const struct framework *fw = p->fw;
	buf_printf(b,
	    "# inspection.yaml: what was inspected, where, when and by whom.\n"
	    "# Every key is explained in docs/schema.md.\n"
	    "# Replace the example values; `jtai check` says what is wrong and\n"
	    "# where. Never write a child's name or anything that identifies a\n"
	    "# child in any file of this folder.\n"
	    "jtai: 1                     # the schema version\n"
	    "framework: %s    # the letter's framework: templates/%s/\n"
	    "area:\n  name: ",
	    fw->id, fw->id);
	quoted(b, p->area);
	buf_puts(b, "            # the local area, as the title reads\n"
	            "  authority: ");
	char council[256];
	snprintf(council, sizeof(council), "%s Council", p->area);
	quoted(b, council);
	buf_puts(b, "\n# The deep dive: the title completes \"the multi-agency "
	            "response to ...\".\ntheme:\n  id: deep-dive\n"
	            "  title: children who need help and protection\n"
	            "dates:\n"
	            "  # Day 1 of the inspection: the day the area was told.\n"
	            "  notification: ");
	put_date(b, p->notification);
	buf_printf(b, "\n  # On site after %d working days' notice.\n"
	              "  fieldwork:\n    from: ",
	           fw->notice_working_days);
	put_date(b, p->from);
	buf_puts(b, "\n    to: ");
	put_date(b, p->to);
	buf_puts(b, "\n  # The letter's date: the written statement of action is "
	            "due\n  # a fixed number of working days after it.\n"
	            "  letter: ");
	put_date(b, p->letter);
	buf_puts(b, "\n# The inspectorates taking part: each writes "
	            "findings/<id>.yaml.\ninspectorates: [");
	for (size_t i = 0; i < fw->ninspectorates; i++)
		buf_printf(b, "%s%s", i ? ", " : "", fw->inspectorates[i]);
	buf_puts(b, "]\n# The agencies in scope, each with the inspectorate that "
	            "inspects it.\n# Findings name them by id.\nagencies:\n");
	for (size_t i = 0; i < fw->ninspectorates; i++)
		agency_line(b, p, fw->inspectorates[i]);
	buf_puts(b, "# The authority that sends the written statement of "
	            "action.\nprincipal_authority: ");
	quoted(b, council);
	buf_puts(b, "\n# Who the letter is addressed to: service leaders by "
	            "role.\naddressees:\n");
	for (size_t i = 0; i < fw->ninspectorates; i++) {
		int u = usual_of(fw->inspectorates[i]);
		char org[256];
		snprintf(org, sizeof(org), u >= 0 ? usual[u].organisation : "%s",
		         i == 0 ? council : p->area);
		buf_puts(b, "  - name: Firstname Lastname\n    role: ");
		quoted(b, u >= 0 ? usual[u].role : "Chief Executive");
		buf_puts(b, "\n    organisation: ");
		quoted(b, org);
		buf_putc(b, '\n');
	}
	buf_puts(b, "# One signature per inspectorate.\nsignatories:\n");
	for (size_t i = 0; i < fw->ninspectorates; i++)
		buf_printf(b, "  - inspectorate: %s\n    name: Firstname Lastname\n"
		              "    role: Regional Director\n",
		           fw->inspectorates[i]);
	if (fw->njudgements == 0)
		return;
	buf_puts(b, "# The judgements, each on the framework's scale (");
	for (size_t i = 0; i < fw->nscale; i++)
		buf_printf(b, "%s%s", i ? ", " : "", fw->scale[i].id);
	buf_puts(b, ").\n# The overall follows the framework's rule; state it "
	            "when the rule\n# leaves it to the inspectors.\n"
	            "judgements:\n");
	const char *mid = fw->scale[fw->nscale > 1 ? 1 : 0].id;
	for (size_t i = 0; i < fw->njudgements; i++)
		buf_printf(b, "  %s: %s\n", fw->judgements[i].id, mid);
	if (fw->overall.otherwise == OVERALL_STATED)
		buf_printf(b, "  overall: %s\n", mid);
}

/* One finding of each kind the framework requires (or its last kind);
 * the first inspectorate's file holds one of every kind, so that the new
 * letter has something in each of its sections (an empty one is printed
 * as a bare heading, and jtai check warns: style-empty-section). */
static void
findings_yaml(struct buf *b, const struct plan *p, const char *insp,
              bool first)
{
	const struct framework *fw = p->fw;
	int u = usual_of(insp);
	const char *agency = u >= 0 ? usual[u].id : insp;
	buf_printf(b,
	    "# findings/%s.yaml: the findings of this inspectorate, one item\n"
	    "# each (docs/schema.md). Summaries and details are Markdown. A\n"
	    "# finding's id is unique across the inspection; `kind` is one of:\n",
	    insp);
	for (size_t k = 0; k < fw->nkinds; k++)
		buf_printf(b, "#   %-16s %s%s\n", fw->kinds[k].id,
		           fw->kinds[k].heading,
		           fw->kinds[k].required ? " (one expected from each "
		                                   "inspectorate)"
		                                 : "");
	buf_printf(b, "# The same finding by two inspectorates is written by "
	              "both and linked\n# with joint_with; a deliberate "
	              "contrast with contrasts_with.\n"
	              "inspectorate: %s\nfindings:\n", insp);
	int n = 0;
	for (size_t k = 0; k < fw->nkinds; k++) {
		const struct kind_def *kd = &fw->kinds[k];
		if (!kd->required && !(k == fw->nkinds - 1 && n == 0) &&
		    !first)
			continue;
		buf_printf(b, "  - id: %s-%d\n    kind: %s\n", insp, ++n, kd->id);
		if (fw->nthemes)
			buf_printf(b, "    theme: %s\n", fw->themes[0].id);
		buf_printf(b, "    agencies: [%s]\n", agency);
		if (kd->by == BY_JUDGEMENT || fw->njudgements)
			buf_printf(b, "    judgement: %s\n", fw->judgements[0].id);
		buf_printf(b, "    summary: >-\n      Replace this with the "
		              "finding (%s), in one or two\n      plain "
		              "sentences that name the agency.\n",
		           kd->heading);
	}
}

static const char cases_yaml[] =
    "# cases.yaml: the children's cases that inspectors tracked in depth\n"
    "# or sampled. Never printed one by one: they feed the counts and the\n"
    "# case-audit chart. No name, date of birth, address or school: an id\n"
    "# and an age band only. Findings name the cases they draw on.\n"
    "#\n"
    "#   - id: c01\n"
    "#     age_band: 13-15      # 0-4, 5-9, 10-12, 13-15 or 16-17\n"
    "#     tracked: true        # tracked in depth, or sampled (false)\n"
    "#     practice: {csc: good, police: requires-improvement}\n"
    "cases: []\n";

static int
write(const char *dir, const char *rel, const struct buf *b,
      struct diag_sink *d)
{
	char *path = file_join(dir, rel);
	int rc = file_write_atomic(path, b->data, b->len, d);
	free(path);
	return rc;
}

int
build_new(const char *dir, const char *templates_dir, const char *framework,
          const char *area, struct date notification, struct diag_sink *d)
{
	if (file_exists(dir)) {
		diag_error(d, dir, 0, 0, "already exists");
		diag_hint(d, "jtai new makes a new folder; choose another name");
		return -1;
	}
	struct arena *a = arena_new();
	struct framework *fw = framework_load(a, templates_dir, framework, d);
	int rc = -1;
	if (fw == NULL)
		goto out;
	struct plan p = {fw, area, notification, {0}, {0}, {0}};
	if (!date_is_working_day(p.notification))
		p.notification = date_add_working_days(p.notification, 1);
	p.from = date_add_working_days(p.notification, fw->notice_working_days);
	p.to = date_add_working_days(p.from, 4);
	p.letter = date_add_working_days(p.to, 20);
	char *findings = file_join(dir, "findings");
	rc = file_mkdirs(findings, d);
	free(findings);
	struct buf b;
	buf_init(&b);
	if (rc == 0) {
		inspection_yaml(&b, &p);
		rc = write(dir, "inspection.yaml", &b, d);
	}
	for (size_t i = 0; rc == 0 && i < fw->ninspectorates; i++) {
		char rel[128];
		snprintf(rel, sizeof(rel), "findings/%s.yaml",
		         fw->inspectorates[i]);
		buf_clear(&b);
		findings_yaml(&b, &p, fw->inspectorates[i], i == 0);
		rc = write(dir, rel, &b, d);
	}
	if (rc == 0) {
		buf_clear(&b);
		buf_puts(&b, cases_yaml);
		rc = write(dir, "cases.yaml", &b, d);
	}
	buf_release(&b);
out:
	arena_free(a);
	return rc;
}
