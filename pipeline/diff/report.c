/* The diff as text for a terminal, as Markdown for a review comment, and
 * as the redline's summary (Markdown our renderer reads: no HTML, no word
 * marks). One writer, three styles. Word diffs keep CONTEXT words of
 * unchanged text either side of a change, the rest shown as an ellipsis;
 * the JSON keeps everything. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/value.h"
#include "diff/diff.h"

#define CONTEXT 8

struct style {
	const char *del, *del_end, *ins, *ins_end;
	const char *head, *head_end; /* a part's heading */
	const char *sub, *sub_end;   /* a letter section's name */
	const char *id, *id_end;
	const char *item; /* a change's bullet */
	const char *arrow;
	bool markdown; /* escape < > & in text */
	bool words;    /* show word diffs */
};

static const struct style plain = {.del = "[-",
                                   .del_end = "-]",
                                   .ins = "{+",
                                   .ins_end = "+}",
                                   .head = "",
                                   .head_end = "\n",
                                   .sub = "  ",
                                   .sub_end = "\n",
                                   .id = "",
                                   .id_end = "",
                                   .item = "  ",
                                   .arrow = " -> ",
                                   .markdown = false,
                                   .words = true};
static const struct style colour = {.del = "\033[31;9m",
                                    .del_end = "\033[0m",
                                    .ins = "\033[32;4m",
                                    .ins_end = "\033[0m",
                                    .head = "\033[1m",
                                    .head_end = "\033[0m\n",
                                    .sub = "  \033[1m",
                                    .sub_end = "\033[0m\n",
                                    .id = "\033[36m",
                                    .id_end = "\033[0m",
                                    .item = "  ",
                                    .arrow = " -> ",
                                    .markdown = false,
                                    .words = true};
static const struct style markdown = {.del = "<del>",
                                      .del_end = "</del>",
                                      .ins = "<ins>",
                                      .ins_end = "</ins>",
                                      .head = "#### ",
                                      .head_end = "\n\n",
                                      .sub = "*",
                                      .sub_end = "*\n\n",
                                      .id = "**",
                                      .id_end = "**",
                                      .item = "- ",
                                      .arrow = " → ",
                                      .markdown = true,
                                      .words = true};
static const struct style summary = {.del = "",
                                     .del_end = "",
                                     .ins = "",
                                     .ins_end = "",
                                     .head = "## ",
                                     .head_end = "\n\n",
                                     .sub = "### ",
                                     .sub_end = "\n\n",
                                     .id = "**",
                                     .id_end = "**",
                                     .item = "- ",
                                     .arrow = " to ",
                                     .markdown = false,
                                     .words = false};

struct out {
	struct buf *b;
	const struct style *s;
};

static void
text(struct out *o, const char *s)
{
	if (s == NULL) {
		buf_puts(o->b, "none");
		return;
	}
	for (; *s; s++) {
		if (o->s->markdown && *s == '<')
			buf_puts(o->b, "&lt;");
		else if (o->s->markdown && *s == '>')
			buf_puts(o->b, "&gt;");
		else if (o->s->markdown && *s == '&')
			buf_puts(o->b, "&amp;");
		else if (*s == '\n')
			buf_putc(o->b, ' ');
		else
			buf_putc(o->b, *s);
	}
}

static void
put(struct out *o, const char *s)
{
	buf_puts(o->b, s);
}

static const char *
get(const struct value *v, const char *key)
{
	return value_text(value_get(v, key));
}

/* Words [from, to) of s, as written. */
static void
words_range(struct out *o, const char *s, size_t from, size_t to, size_t *count)
{
	size_t w = 0, i = 0, n = strlen(s);
	struct buf t;
	buf_init(&t);
	while (i < n) {
		while (i < n && s[i] == ' ')
			i++;
		size_t start = i;
		while (i < n && s[i] != ' ')
			i++;
		if (i == start)
			break;
		if (w >= from && w < to) {
			if (t.len)
				buf_putc(&t, ' ');
			buf_append(&t, s + start, i - start);
		}
		w++;
	}
	*count = w;
	text(o, buf_cstr(&t));
	buf_release(&t);
}

static size_t
count_words(const char *s)
{
	size_t w = 0;
	for (size_t i = 0; s[i];) {
		while (s[i] == ' ')
			i++;
		if (!s[i])
			break;
		w++;
		while (s[i] && s[i] != ' ')
			i++;
	}
	return w;
}

/* Unchanged text between changes, cut to CONTEXT words each side. */
static void
context(struct out *o, const char *s, bool first, bool last)
{
	size_t n = count_words(s), k;
	size_t head = first ? 0 : CONTEXT, tail = last ? 0 : CONTEXT;
	if ((first && last) || n <= head + tail + 2) {
		text(o, s);
		return;
	}
	if (head) {
		words_range(o, s, 0, head, &k);
		put(o, " ");
	}
	put(o, "…");
	if (tail) {
		put(o, " ");
		words_range(o, s, n - tail, n, &k);
	}
}

/* A word diff: [op, text] pairs. */
static void
words(struct out *o, const struct value *w)
{
	for (size_t i = 0; w && i < w->n; i++) {
		const struct value *p = w->items[i];
		const char *op = value_text(p->items[0]);
		const char *t = value_text(p->items[1]);
		if (i)
			put(o, " ");
		if (op[0] == '=') {
			context(o, t, i == 0, i + 1 == w->n);
			continue;
		}
		put(o, op[0] == '-' ? o->s->del : o->s->ins);
		text(o, t);
		put(o, op[0] == '-' ? o->s->del_end : o->s->ins_end);
	}
}

/* How many words a word diff deletes and inserts. */
static void
word_counts(const struct value *w, size_t *del, size_t *ins)
{
	*del = *ins = 0;
	for (size_t i = 0; w && i < w->n; i++) {
		const char *op = value_text(w->items[i]->items[0]);
		size_t n = count_words(value_text(w->items[i]->items[1]));
		if (op[0] == '-')
			*del += n;
		else if (op[0] == '+')
			*ins += n;
	}
}

static void
change_words(struct out *o, const struct value *w)
{
	if (o->s->words) {
		words(o, w);
		return;
	}
	size_t del, ins;
	word_counts(w, &del, &ins);
	buf_printf(o->b, "%zu word%s deleted, %zu inserted", del,
	           del == 1 ? "" : "s", ins);
}

static void
head(struct out *o, const char *title)
{
	if (o->b->len)
		put(o, "\n");
	put(o, o->s->head);
	put(o, title);
	put(o, o->s->head_end);
}

static void
item(struct out *o, const char *id)
{
	put(o, o->s->item);
	if (id) {
		put(o, o->s->id);
		text(o, id);
		put(o, o->s->id_end);
		put(o, " ");
	}
}

static void
old_new(struct out *o, const struct value *v, const char *what)
{
	if (what) {
		put(o, what);
		put(o, ": ");
	}
	text(o, get(v, "old"));
	put(o, o->s->arrow);
	text(o, get(v, "new"));
}

static void
list_text(struct out *o, const struct value *l)
{
	if (l == NULL || l->kind != VALUE_SEQ || l->n == 0) {
		put(o, "none");
		return;
	}
	for (size_t i = 0; i < l->n; i++) {
		if (i)
			put(o, ", ");
		if (l->items[i]->kind == VALUE_SEQ) {
			put(o, "(");
			list_text(o, l->items[i]);
			put(o, ")");
		} else {
			text(o, value_text(l->items[i]));
		}
	}
}

static void
whole_finding(struct out *o, const struct value *c, const char *what)
{
	put(o, what);
	put(o, " (");
	text(o, get(c, "kind"));
	put(o, ", ");
	text(o, get(c, "inspectorate"));
	put(o, "): ");
	text(o, get(c, "summary"));
}

static void
kind(struct out *o, const struct value *c)
{
	old_new(o, c, "kind");
	put(o, " (");
	text(o, get(c, "old_heading"));
	put(o, o->s->arrow);
	text(o, get(c, "new_heading"));
	put(o, ")");
	const char *sev = get(c, "severity");
	if (!strcmp(sev, "good-to-poor"))
		put(o, ": good practice is now poor practice");
	else if (!strcmp(sev, "poor-to-good"))
		put(o, ": poor practice is now good practice");
}

static void
waiver(struct out *o, const struct value *c, const char *change)
{
	put(o, !strcmp(change, "waiver-added")     ? "waiver added: "
	       : !strcmp(change, "waiver-removed") ? "waiver removed: "
	                                           : "waiver changed: ");
	text(o, get(c, "rule"));
	put(o, " '");
	text(o, get(c, "match"));
	put(o, "'");
	if (!strcmp(change, "waiver-changed")) {
		put(o, ": ");
		text(o, get(c, "old_reason"));
		put(o, o->s->arrow);
		text(o, get(c, "new_reason"));
	} else if (!strcmp(change, "waiver-added")) {
		put(o, ": ");
		text(o, get(c, "new_reason"));
	}
}

static void
finding(struct out *o, const struct value *c)
{
	const char *change = get(c, "change");
	item(o, get(c, "id"));
	if (!strcmp(change, "kind")) {
		kind(o, c);
	} else if (!strcmp(change, "added") || !strcmp(change, "removed")) {
		whole_finding(o, c, change);
	} else if (!strcmp(change, "summary") || !strcmp(change, "detail")) {
		put(o, change);
		put(o, ": ");
		change_words(o, value_get(c, "words"));
	} else if (!strcmp(change, "agencies") || !strcmp(change, "cases")) {
		put(o, change);
		put(o, ": ");
		list_text(o, value_get(c, "old"));
		put(o, o->s->arrow);
		list_text(o, value_get(c, "new"));
	} else if (!strcmp(change, "joint-formed") ||
	           !strcmp(change, "joint-split")) {
		bool formed = !strcmp(change, "joint-formed");
		put(o, formed ? "joint finding formed: "
		              : "joint finding split: ");
		list_text(o, value_get(c, "ids"));
		put(o, formed ? " (were " : " (now ");
		list_text(o, value_get(c, formed ? "old" : "new"));
		put(o, ")");
	} else if (!strncmp(change, "waiver-", 7)) {
		waiver(o, c, change);
	} else {
		old_new(o, c, change);
	}
	put(o, "\n");
}

static const char *
grade(const struct value *v, const char *which)
{
	char key[16];
	snprintf(key, sizeof(key), "%s_title", which);
	const char *t = get(v, key);
	return t ? t : get(v, which);
}

static void
judgements(struct out *o, const struct value *j)
{
	const struct value *ch = value_get(j, "changed");
	for (size_t i = 0; ch && i < ch->n; i++) {
		item(o, NULL);
		text(o, get(ch->items[i], "title"));
		put(o, ": ");
		text(o, grade(ch->items[i], "old"));
		put(o, o->s->arrow);
		text(o, grade(ch->items[i], "new"));
		put(o, "\n");
	}
	const struct value *ov = value_get(j, "overall");
	if (ov == NULL || get(ov, "title") == NULL)
		return;
	item(o, NULL);
	text(o, get(ov, "title"));
	const struct value *changed = value_get(ov, "changed");
	if (changed && changed->b) {
		put(o, ": ");
		text(o, grade(ov, "old"));
		put(o, o->s->arrow);
		text(o, grade(ov, "new"));
		if (get(ov, "limited_by")) {
			put(o, " (limited by ");
			text(o, get(ov, "limited_by"));
			put(o, ")");
		}
	} else {
		put(o, ": unchanged, ");
		text(o, grade(ov, "new"));
	}
	put(o, "\n");
}

static void
fields(struct out *o, const struct value *l)
{
	for (size_t i = 0; i < l->n; i++) {
		item(o, NULL);
		old_new(o, l->items[i], get(l->items[i], "field"));
		put(o, "\n");
	}
}

static void
people(struct out *o, const struct value *l)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct value *p = l->items[i];
		const char *op = get(p, "op");
		item(o, NULL);
		text(o, get(p, "name"));
		put(o, " ");
		put(o, op);
		if (!strcmp(op, "changed")) {
			put(o, ": ");
			old_new(o, p, NULL);
		} else {
			put(o, " (");
			text(o, get(p, !strcmp(op, "added") ? "new" : "old"));
			put(o, ")");
		}
		put(o, "\n");
	}
}

static void
letter_change(struct out *o, const struct value *c)
{
	const char *op = get(c, "op");
	item(o, NULL);
	if (!strcmp(op, "changed")) {
		change_words(o, value_get(c, "words"));
	} else {
		bool add = !strcmp(op, "added");
		put(o, add ? o->s->ins : o->s->del);
		text(o, get(c, "text"));
		put(o, add ? o->s->ins_end : o->s->del_end);
	}
	put(o, "\n");
}

/* The summary's account of a section: how many blocks changed, were
 * added and removed (the redline shows the words). */
static void
section_counts(struct out *o, const char *sec, const struct value *ch)
{
	static const char *const ops[] = {"changed", "added", "removed"};
	size_t n[3] = {0, 0, 0};
	for (size_t k = 0; ch && k < ch->n; k++)
		for (int j = 0; j < 3; j++)
			n[j] += !strcmp(get(ch->items[k], "op"), ops[j]);
	item(o, NULL);
	text(o, sec ? sec : "Before the first heading");
	put(o, ":");
	for (int j = 0, first = 1; j < 3; j++) {
		if (n[j] == 0)
			continue;
		buf_printf(o->b, "%s %zu %s", first ? "" : ",", n[j], ops[j]);
		first = 0;
	}
	put(o, "\n");
}

static void
letter(struct out *o, const struct value *l)
{
	if (o->s == &summary) {
		for (size_t i = 0; i < l->n; i++)
			section_counts(o, get(l->items[i], "section"),
			               value_get(l->items[i], "changes"));
		return;
	}
	for (size_t i = 0; i < l->n; i++) {
		const char *sec = get(l->items[i], "section");
		put(o, o->s->sub);
		text(o, sec ? sec : "Before the first heading");
		put(o, o->s->sub_end);
		const struct value *ch = value_get(l->items[i], "changes");
		for (size_t k = 0; ch && k < ch->n; k++) {
			if (!o->s->markdown)
				put(o, "  ");
			letter_change(o, ch->items[k]);
		}
		if (o->s->markdown)
			put(o, "\n");
	}
}

static bool
any(const struct value *v)
{
	return v &&
	       ((v->kind == VALUE_SEQ && v->n > 0) || v->kind == VALUE_MAP);
}

static void
report(struct out *o, const struct value *d)
{
	static const char *const titles[][2] = {{"findings", "Findings"},
	                                        {"judgements", "Judgements"},
	                                        {"dates", "Dates"},
	                                        {"addressees", "Addressees"},
	                                        {"signatories", "Signatories"},
	                                        {"inspection", "Inspection"},
	                                        {"letter", "Letter"}};
	for (size_t i = 0; i < sizeof(titles) / sizeof(titles[0]); i++) {
		const char *key = titles[i][0];
		const struct value *v = value_get(d, key);
		if (!any(v))
			continue;
		head(o, titles[i][1]);
		if (!strcmp(key, "findings"))
			for (size_t k = 0; k < v->n; k++)
				finding(o, v->items[k]);
		else if (!strcmp(key, "judgements"))
			judgements(o, v);
		else if (!strcmp(key, "dates") || !strcmp(key, "inspection"))
			fields(o, v);
		else if (!strcmp(key, "letter"))
			letter(o, v);
		else
			people(o, v);
	}
}

void
diff_write_text(const struct value *diff, bool use_colour, struct buf *out)
{
	if (!diff_differ(diff))
		return;
	struct out o = {out, use_colour ? &colour : &plain};
	buf_printf(out, "%s--- %s%s\n", use_colour ? "\033[1m" : "",
	           get(diff, "old"), use_colour ? "\033[0m" : "");
	buf_printf(out, "%s+++ %s%s\n", use_colour ? "\033[1m" : "",
	           get(diff, "new"), use_colour ? "\033[0m" : "");
	report(&o, diff);
}

void
diff_write_markdown(const struct value *diff, struct buf *out)
{
	if (!diff_differ(diff))
		return;
	struct out o = {out, &markdown};
	buf_puts(out, "### Changes from `");
	text(&o, get(diff, "old"));
	buf_puts(out, "` to `");
	text(&o, get(diff, "new"));
	buf_puts(out, "`\n");
	report(&o, diff);
}

void
diff_write_summary(const struct value *diff, struct buf *out)
{
	struct out o = {out, &summary};
	buf_puts(out, "# Changes to the letter\n\n");
	buf_puts(out, "From ");
	text(&o, get(diff, "old"));
	buf_puts(out, " to ");
	text(&o, get(diff, "new"));
	buf_puts(out, ". In the letter that follows, inserted words are "
	              "underlined, deleted words are struck through, and a bar "
	              "in the left margin marks every line that changed.\n");
	if (!diff_differ(diff)) {
		buf_puts(out, "\nNothing changed.\n");
		return;
	}
	report(&o, diff);
}
