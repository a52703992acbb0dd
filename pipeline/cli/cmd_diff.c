/* jtai diff: what changed between two versions of an inspection. */
#define _XOPEN_SOURCE 700 /* realpath */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "build/build.h"
#include "chart/chart.h"
#include "chart/scene.h"
#include "cli/commands.h"
#include "core/alloc.h"
#include "core/arena.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/file.h"
#include "core/value.h"
#include "diff/diff.h"
#include "ingest/model.h"
#include "render/redline.h"
#include "render/render.h"

static const char help[] =
    "usage: jtai diff [--format FORMAT] [--redline FILE] [--templates DIR]\n"
    "                 OLD NEW\n"
    "       jtai diff --rev A [B] [--format FORMAT] [--redline FILE]\n"
    "                 [--templates DIR] [INSPECTION]\n\n"
    "Compares two versions of an inspection, each an inspection folder,\n"
    "and prints what changed in the terms of the letter: findings by id\n"
    "(a strength that became an area for improvement first; findings\n"
    "removed, added, reworded word by word; theme, agencies, inspectorate\n"
    "or judgement changed; joint findings formed or split; waivers),\n"
    "judgements and whether the overall changed with them, dates,\n"
    "addressees and signatories, then the drafted letter's text section\n"
    "by section, word by word. Prints nothing when nothing changed.\n"
    "With --rev, the two versions are the folder INSPECTION (default: the\n"
    "current folder) at git revisions A and B of the repository it is in;\n"
    "with A alone, at A and as it is now, edits not yet committed\n"
    "included. A word after A that names a folder is INSPECTION, not B.\n\n"
    "options:\n"
    "  -f, --format FORMAT  text (the default; in colour on a terminal\n"
    "                       unless NO_COLOR is set), markdown (for a\n"
    "                       review comment) or json (for tools; docs/qa.md)\n"
    "                       or github (a GitHub Actions ::notice at each\n"
    "                       changed finding); under json and github, an\n"
    "                       inspection that cannot be read gives its errors\n"
    "                       on stdout as jtai check --format does\n"
    "  -r, --redline FILE   also write the redline: the new letter typeset\n"
    "                       with insertions underlined, deletions struck\n"
    "                       through and a bar beside each changed line,\n"
    "                       after a summary of the changes; a PDF, or an\n"
    "                       HTML page when FILE ends in .html\n"
    "      --rev A [B]      compare INSPECTION at git revisions A and B,\n"
    "                       or at A and as it is now\n"
    "      --templates DIR  search DIR for frameworks before the built-in\n"
    "                       ones\n"
    "  -h, --help           show this help\n\n"
    "environment:\n"
    "  JTAI_DATADIR       the folder holding templates/ and fonts/\n"
    "  JTAI_TEMPLATES     folders of frameworks searched before the\n"
    "                     built-in ones, separated by colons\n"
    "  NO_COLOR           when set and not empty: no colour, even on a\n"
    "                     terminal\n"
    "  SOURCE_DATE_EPOCH  the redline PDF's date when the letter has none\n"
    "  TMPDIR             where --rev checks the two revisions out\n"
    "                     (default: /tmp)\n\n"
    "exit status:\n"
    "  0  no difference\n"
    "  1  a difference\n"
    "  2  trouble: wrong usage, or an inspection that cannot be read\n\n"
    "examples:\n"
    "  # what the last commit changed in one inspection (exit status 1: it\n"
    "  # changed)\n"
    "  jtai diff --rev HEAD~1 HEAD samples/hollinsby-sif\n"
    "  # edits not yet committed: nothing (exit status 0) until one is made\n"
    "  jtai diff --rev HEAD samples/hollinsby-sif\n"
    "  # the same for a review comment, with the letter's redline as a PDF\n"
    "  # (exit status 1 too)\n"
    "  jtai diff --rev HEAD~1 HEAD -f markdown -r redline.pdf"
    " samples/hollinsby-sif\n\n"
    "see also:\n"
    "  jtai(1), jtai-build(1), git(1); docs/qa.md\n";
const char *const cmd_diff_help = help;

enum format { F_TEXT, F_MARKDOWN, F_JSON, F_GITHUB };

struct opts {
	enum format format;
	const char *redline;
	const char *rev[2];
	const char *paths[2];
	int npaths;
};

/* Takes --rev A [B] out of argv (getopt has no option of two values). B
 * is the word after A unless that is an option or names a folder: then
 * the second version is the folder as it is now (rev[1] NULL). */
static int
take_rev(int *argc, char **argv, struct opts *o)
{
	for (int i = 1; i < *argc; i++) {
		if (!strcmp(argv[i], "--"))
			return 0;
		if (strcmp(argv[i], "--rev"))
			continue;
		if (i + 1 >= *argc || argv[i + 1][0] == '-')
			return cli_usage_error("diff",
			                       "--rev needs a revision");
		o->rev[0] = argv[i + 1];
		int take = 2;
		if (i + 2 < *argc && argv[i + 2][0] != '-' &&
		    !file_is_dir(argv[i + 2])) {
			o->rev[1] = argv[i + 2];
			take = 3;
		}
		for (int k = i; k + take <= *argc; k++)
			argv[k] = argv[k + take];
		*argc -= take;
		return 0;
	}
	return 0;
}

static int
parse(int argc, char **argv, struct opts *o)
{
	static const struct option longs[] = {
	    {"format", required_argument, NULL, 'f'},
	    {"redline", required_argument, NULL, 'r'},
	    {NULL, 0, NULL, 0}};
	if (take_rev(&argc, argv, o))
		return 2;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "f:r:", longs, NULL)) != -1) {
		if (c == 'f' && !strcmp(optarg, "text"))
			o->format = F_TEXT;
		else if (c == 'f' && !strcmp(optarg, "markdown"))
			o->format = F_MARKDOWN;
		else if (c == 'f' && !strcmp(optarg, "json"))
			o->format = F_JSON;
		else if (c == 'f' && !strcmp(optarg, "github"))
			o->format = F_GITHUB;
		else if (c == 'f')
			return cli_usage_error("diff", "unknown format '%s' (expected "
			                       "text, markdown, json or github)",
			                       optarg);
		else if (c == 'r')
			o->redline = optarg;
		else
			return cli_usage_error("diff", "unknown option '%s'",
			                       argv[optind - 1]);
	}
	o->npaths = argc - optind;
	int want = o->rev[0] ? 1 : 2;
	if (o->npaths > want || (!o->rev[0] && o->npaths < 2))
		return cli_usage_error(
		    "diff", o->rev[0] ? "expected at most one folder with --rev"
		                      : "expected two inspection folders");
	for (int i = 0; i < o->npaths; i++)
		o->paths[i] = argv[optind + i];
	return 0;
}

/* Copies g into d, its path as the side's label says when it lies in
 * the folder read for that side (with --rev, a temporary copy: its files
 * are then named REV:DIR/FILE, as git names them). */
static void
add_placed(struct diag_sink *d, const struct diag *g, char *const dirs[2],
           char *const labels[2])
{
	struct buf path;
	buf_init(&path);
	const char *p = g->path;
	for (int i = 0; p && dirs && i < 2; i++) {
		size_t n = strlen(dirs[i]);
		if (strcmp(dirs[i], labels[i]) && !strncmp(p, dirs[i], n) &&
		    (p[n] == '/' || p[n] == '\0')) {
			buf_printf(&path, "%s%s", labels[i], p + n);
			p = buf_cstr(&path);
			break;
		}
	}
	diag_put(d, g->level, p, g->line, g->col, g->msg);
	if (g->hint)
		diag_hint(d, "%s", g->hint);
	buf_release(&path);
}

/* Prints the errors of d (and their notes): the warnings of either side
 * are not the diff's business. As text on stderr, or under json and
 * github as jtai check prints them, on stdout (nothing when there is no
 * error: the report is the document then). dirs and labels (may be NULL)
 * are the folders read and how to name them. Returns 1 when there was an
 * error. */
static int
report_errors(const struct opts *o, const struct diag_sink *d,
              char *const dirs[2], char *const labels[2])
{
	struct diag_sink shown;
	diag_init(&shown);
	bool error = false;
	for (size_t i = 0; i < d->n; i++) {
		enum diag_level l = d->items[i].level;
		if (l != DIAG_NOTE)
			error = l == DIAG_ERROR;
		if (error)
			add_placed(&shown, &d->items[i], dirs, labels);
	}
	struct buf out;
	buf_init(&out);
	if (o->format == F_JSON && shown.errors)
		diag_format_json(&shown, &out);
	else if (o->format == F_GITHUB)
		diag_format_github(&shown, &out);
	else if (o->format != F_JSON)
		diag_format_all(&shown, &out);
	if (o->format == F_JSON || o->format == F_GITHUB)
		cli_stdout(out.data, out.len);
	else
		fputs(buf_cstr(&out), stderr);
	buf_release(&out);
	diag_release(&shown);
	return d->errors > 0;
}

/* ---- --format github: a notice for each change of a finding ---- */

static const char *
text_of(const struct value *c, const char *key)
{
	const char *s = value_text(value_get(c, key));
	return s ? s : "none";
}

static void
list_of(struct buf *b, const struct value *l)
{
	if (l == NULL || l->kind != VALUE_SEQ || l->n == 0) {
		buf_puts(b, "none");
		return;
	}
	for (size_t i = 0; i < l->n; i++) {
		if (i)
			buf_puts(b, ", ");
		if (l->items[i]->kind == VALUE_SEQ) {
			buf_putc(b, '(');
			list_of(b, l->items[i]);
			buf_putc(b, ')');
		} else {
			buf_puts(b, value_text(l->items[i]));
		}
	}
}

/* What change c did to its finding, in a line. */
static void
change_line(struct buf *b, const struct value *c)
{
	const char *change = text_of(c, "change");
	buf_printf(b, "%s ", text_of(c, "id"));
	if (!strcmp(change, "kind")) {
		const char *sev = text_of(c, "severity");
		buf_printf(b, "kind: %s -> %s%s", text_of(c, "old"),
		           text_of(c, "new"),
		           !strcmp(sev, "good-to-poor")
		               ? ": good practice is now poor practice"
		           : !strcmp(sev, "poor-to-good")
		               ? ": poor practice is now good practice"
		               : "");
	} else if (!strcmp(change, "added") || !strcmp(change, "removed")) {
		buf_printf(b, "%s (%s, %s): %s", change, text_of(c, "kind"),
		           text_of(c, "inspectorate"), text_of(c, "summary"));
	} else if (!strcmp(change, "summary") || !strcmp(change, "detail")) {
		buf_printf(b, "%s reworded", change);
	} else if (!strcmp(change, "agencies") || !strcmp(change, "cases") ||
	           !strncmp(change, "joint-", 6)) {
		bool joint = !strncmp(change, "joint-", 6);
		buf_printf(b, "%s: ", joint ? !strcmp(change, "joint-formed")
		                                  ? "joint finding formed"
		                                  : "joint finding split"
		                            : change);
		list_of(b, value_get(c, joint ? "ids" : "old"));
		if (!joint) {
			buf_puts(b, " -> ");
			list_of(b, value_get(c, "new"));
		}
	} else if (!strncmp(change, "waiver-", 7)) {
		buf_printf(b, "waiver %s: %s '%s'", change + 7, text_of(c, "rule"),
		           text_of(c, "match"));
	} else {
		buf_printf(b, "%s: %s -> %s", change, text_of(c, "old"),
		           text_of(c, "new"));
	}
}

static const struct finding *
finding_of(const struct diff_side *side, const char *id)
{
	for (size_t i = 0; side->ins && i < side->ins->nfindings; i++)
		if (!strcmp(side->ins->findings[i].id, id))
			return &side->ins->findings[i];
	return NULL;
}

/* One ::notice a change of a finding, at the finding in the new side (a
 * removed one: in the old side). */
static void
write_notices(const struct value *diff, const struct diff_side side[2],
              char *const dirs[2], char *const labels[2], struct buf *out)
{
	const struct value *l = value_get(diff, "findings");
	struct diag_sink notes;
	diag_init(&notes);
	struct buf msg;
	buf_init(&msg);
	for (size_t i = 0; l && l->kind == VALUE_SEQ && i < l->n; i++) {
		const struct value *c = l->items[i];
		bool gone = !strcmp(text_of(c, "change"), "removed");
		const struct finding *f =
		    finding_of(&side[gone ? 0 : 1], text_of(c, "id"));
		buf_clear(&msg);
		change_line(&msg, c);
		struct diag g = {DIAG_NOTE, f ? (char *)f->pos.path : NULL,
		                 f ? f->pos.line : 0, f ? f->pos.col : 0,
		                 (char *)buf_cstr(&msg), NULL};
		add_placed(&notes, &g, dirs, labels);
	}
	diag_format_github(&notes, out);
	buf_release(&msg);
	diag_release(&notes);
}

/* Charts for the redline, from the new side's model, each drawn once. */
struct charts {
	struct arena *a;
	const struct value *model;
	const struct fontset *fonts;
	struct diag_sink *d;
	const struct scene *scene[16];
	size_t n;
};

static const struct scene *
chart_for(void *p, const char *name)
{
	struct charts *c = p;
	for (size_t i = 0; i < c->n; i++)
		if (!strcmp(c->scene[i]->name, name))
			return c->scene[i];
	const struct scene *s =
	    chart_draw(c->a, name, c->model, c->fonts, c->d);
	if (s && c->n < sizeof(c->scene) / sizeof(c->scene[0]))
		c->scene[c->n++] = s;
	return s;
}

static bool
ends_with(const char *s, const char *end)
{
	size_t n = strlen(s), k = strlen(end);
	return n >= k && !strcmp(s + n - k, end);
}

static int
write_redline(const struct opts *o, const struct build_env *env,
              struct arena *a, const struct value *diff,
              const struct diff_side *new, const struct buf *md,
              struct diag_sink *d)
{
	struct buf summary, doc;
	buf_init(&summary);
	buf_init(&doc);
	diff_write_summary(diff, &summary);
	struct charts c = {
	    .a = a, .model = new->model, .fonts = &env->fonts, .d = d};
	struct render_opts ro = {
	    .fonts = &env->fonts, .chart = chart_for, .chart_ctx = &c};
	bool html = ends_with(o->redline, ".html");
	int rc = (html ? render_redline_html : render_redline_pdf)(
	    o->redline, buf_cstr(&summary), summary.len, buf_cstr(md), md->len,
	    &ro, &doc, d);
	if (rc == 0)
		rc = file_write_atomic(o->redline, doc.data ? doc.data : "",
		                       doc.len, d);
	buf_release(&summary);
	buf_release(&doc);
	return rc;
}

static bool
use_colour(void)
{
	const char *nc = getenv("NO_COLOR");
	return isatty(STDOUT_FILENO) && (nc == NULL || nc[0] == '\0');
}

/* Compares dirs[0] with dirs[1], labelled labels[0] and [1]; returns the
 * exit status. */
static int
compare(const struct opts *o, char *const dirs[2], char *const labels[2])
{
	struct diag_sink d;
	diag_init(&d);
	struct arena *a = arena_new();
	struct build_env env = {0};
	struct diff_side side[2];
	struct buf md, text;
	buf_init(&md);
	buf_init(&text);
	memset(side, 0, sizeof(side));
	int rc = 2;
	char *templates = cli_templates();
	if (build_env_init(&env, build_datadir(), &d) < 0)
		goto out;
	for (int i = 0; i < 2; i++)
		diff_load(a, dirs[i], templates, labels[i], &side[i], &d);
	if (d.errors)
		goto out;
	struct value *diff =
	    diff_run(a, &side[0], &side[1], o->redline ? &md : NULL);
	if (o->format == F_JSON)
		diff_write_json(diff, &text);
	else if (o->format == F_GITHUB)
		write_notices(diff, side, dirs, labels, &text);
	else if (o->format == F_MARKDOWN)
		diff_write_markdown(diff, &text);
	else
		diff_write_text(diff, use_colour(), &text);
	if (o->redline &&
	    write_redline(o, &env, a, diff, &side[1], &md, &d) < 0)
		goto out;
	if (cli_stdout(text.data, text.len))
		goto out;
	rc = diff_differ(diff) ? 1 : 0;
out:
	report_errors(o, &d, dirs, labels);
	for (int i = 0; i < 2; i++)
		diff_side_release(&side[i]);
	build_env_release(&env);
	free(templates);
	buf_release(&md);
	buf_release(&text);
	arena_free(a);
	diag_release(&d);
	return rc;
}

/* --rev: the folder at each revision, written under a temporary folder
 * as old/NAME and new/NAME (NAME the folder's own name, so that both
 * sides read as the same inspection), removed afterwards. With one
 * revision, the new side is the folder itself, as it is now. */
static int
compare_revs(const struct opts *o)
{
	const char *dir = o->npaths ? o->paths[0] : ".";
	const char *tmp = getenv("TMPDIR");
	char *root = NULL, *sides[2] = {NULL, NULL}, *dirs[2] = {NULL, NULL},
	     *labels[2] = {NULL, NULL};
	char *real = NULL;
	struct diag_sink d;
	diag_init(&d);
	struct buf made;
	buf_init(&made);
	int rc = 2;
	if ((real = realpath(dir, NULL)) == NULL) {
		diag_error(&d, dir, 0, 0, "cannot find the folder");
		goto out;
	}
	root = file_join(tmp && *tmp ? tmp : "/tmp", "jtai-diff-XXXXXX");
	if (mkdtemp(root) == NULL) {
		diag_error(&d, root, 0, 0, "cannot make a temporary folder");
		goto out;
	}
	buf_append(&made, root, strlen(root) + 1);
	for (int i = 0; i < 2; i++) {
		if (o->rev[i] == NULL) {
			/* the folder as it is now, under its own name */
			dirs[i] = xstrdup(real);
			labels[i] = xstrdup(dir);
			continue;
		}
		sides[i] = file_join(root, i ? "new" : "old");
		if (file_mkdirs(sides[i], &d) < 0)
			goto out;
		buf_append(&made, sides[i], strlen(sides[i]) + 1);
		dirs[i] = file_join(sides[i], file_basename(real));
		size_t n = strlen(o->rev[i]) + strlen(dir) + 2;
		labels[i] = xmalloc(n);
		snprintf(labels[i], n, "%s:%s", o->rev[i], dir);
		if (diff_export_rev(dir, o->rev[i], dirs[i], &made, &d) < 0)
			goto out;
	}
	rc = compare(o, dirs, labels);
out:
	report_errors(o, &d, NULL, NULL);
	diff_export_remove(&made);
	for (int i = 0; i < 2; i++) {
		free(sides[i]);
		free(dirs[i]);
		free(labels[i]);
	}
	free(root);
	free(real);
	buf_release(&made);
	diag_release(&d);
	return rc;
}

int
cmd_diff(int argc, char **argv)
{
	struct opts o = {F_TEXT, NULL, {NULL, NULL}, {NULL, NULL}, 0};
	if (cli_wants_help(argc, argv)) {
		fputs(help, stdout);
		return cli_stdout("", 0) ? 2 : 0;
	}
	int rc = parse(argc, argv, &o);
	if (rc)
		return rc;
	if (o.redline && !ends_with(o.redline, ".pdf") &&
	    !ends_with(o.redline, ".html"))
		return cli_usage_error(
		    "diff", "the redline must be a .pdf or .html file");
	if (o.rev[0])
		return compare_revs(&o);
	char *dirs[2] = {(char *)o.paths[0], (char *)o.paths[1]};
	return compare(&o, dirs, dirs);
}
