/* Manual pages (roff, the man(7) macros) made from the help texts.
 *
 * A help text keeps this layout (docs/cli.md, "How the help is written"),
 * which is what lets one text serve as both --help and the man page:
 *
 *   usage: jtai build [-o OUTDIR]    the first section, "usage:" for a
 *                     [PATH...]      command or "files:" for a file
 *          jtai build OTHER-FORM     format: one form a line (a line
 *                                    indented further continues one), up
 *                                    to the first blank line
 *   Paragraphs at column 0, a blank line between them: the description.
 *
 *   options:                         a heading: after a blank line, at
 *     -o, --output FILE  where...    column 0, lower-case words and a
 *                        continued   colon
 *
 * Under a heading, and in the description, a line indented by two spaces
 * (or six, for a long option under short ones) is an item: its term, two
 * spaces or more, its definition; a line indented further continues the
 * definition. A line at column 0 is a paragraph. The sections come in
 * this order: the description's own (commands:, charts:, ...), options:,
 * environment:, exit status:, examples:, see also:. Under examples:,
 * "  # text" says what the commands below it do and each other line is a
 * command, as typed; under see also:, the indented lines are one
 * paragraph, with references written name(section). Lines are printable
 * ASCII, at most 79 columns, with no trailing space. */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cli/help.h"
#include "core/buf.h"
#include "core/diag.h"

#define HELP_WIDTH 79

enum sect {
	S_FIRST,
	S_DESC,
	S_FREE,
	S_OPTIONS,
	S_ENV,
	S_EXIT,
	S_EXAMPLES,
	S_SEEALSO
};

static const struct {
	const char *help, *man;
	enum sect sect;
} known[] = {
    {"options", "OPTIONS", S_OPTIONS},
    {"environment", "ENVIRONMENT", S_ENV},
    {"exit status", "EXIT STATUS", S_EXIT},
    {"examples", "EXAMPLES", S_EXAMPLES},
    {"see also", "SEE ALSO", S_SEEALSO},
};

/* How an item's term is set: options and syntax (-x bold, PLACEHOLDER
 * italic, punctuation plain), all bold, or plain. */
enum style { T_SYNTAX, T_BOLD, T_PLAIN };

enum block { B_NONE, B_PARA, B_ITEM, B_COMMENT, B_EXAMPLE };

struct man {
	struct buf *out;
	struct diag_sink *d;
	char where[64]; /* "jtai help build": the path of diagnostics */
	int line;       /* of the help text, 1-based */
	enum sect sect;
	enum block block;
	bool written;       /* anything under the current heading yet */
	bool list;          /* in a list of items, set close (.PD 0) */
	size_t next_indent; /* of the line after the current one */
	bool seen[S_SEEALSO + 1];
};

static void
fail(struct man *m, const char *msg, const char *subject)
{
	if (subject)
		diag_error(m->d, m->where, m->line, 1, "%s '%s'", msg, subject);
	else
		diag_error(m->d, m->where, m->line, 1, "%s", msg);
}

/* Text escaped for roff; at_start: the first characters of an output
 * line, where '.' and '\'' would start a request. */
static void
put_text(struct buf *out, const char *s, size_t n, bool at_start)
{
	if (at_start && n > 0 && (s[0] == '.' || s[0] == '\''))
		buf_puts(out, "\\&");
	for (size_t i = 0; i < n; i++) {
		switch (s[i]) {
		case '\\': buf_puts(out, "\\e"); break;
		case '-': buf_puts(out, "\\-"); break;
		case '\'': buf_puts(out, "\\(aq"); break;
		case '`': buf_puts(out, "\\(ga"); break;
		case '~': buf_puts(out, "\\(ti"); break;
		case '^': buf_puts(out, "\\(ha"); break;
		default: buf_putc(out, s[i]);
		}
	}
}

static bool
is_placeholder(const char *s, size_t n)
{
	bool letter = false;
	for (size_t i = 0; i < n; i++) {
		if (isupper((unsigned char)s[i]))
			letter = true;
		else if (!isdigit((unsigned char)s[i]) && s[i] != '_')
			return false;
	}
	return letter;
}

/* The length of the punctuation at s[i] (of n): 1, 3 for "...", or 0. */
static size_t
delim_len(const char *s, size_t i, size_t n)
{
	if (strchr(" ,|[]()/=", s[i]) != NULL)
		return 1;
	return n - i >= 3 && !strncmp(s + i, "...", 3) ? 3 : 0;
}

/* A term or a synopsis token; nbsp: its spaces do not break. */
static void
put_styled(struct buf *out, const char *s, size_t n, enum style st, bool nbsp)
{
	if (st == T_PLAIN || st == T_BOLD) {
		if (st == T_BOLD)
			buf_puts(out, "\\fB");
		put_text(out, s, n, true);
		if (st == T_BOLD)
			buf_puts(out, "\\fR");
		return;
	}
	size_t i = 0;
	while (i < n) {
		size_t k = delim_len(s, i, n);
		if (k > 0) {
			if (s[i] == ' ' && nbsp)
				buf_puts(out, "\\ ");
			else
				put_text(out, s + i, k, i == 0);
			i += k;
			continue;
		}
		size_t j = i;
		while (j < n && delim_len(s, j, n) == 0)
			j++;
		bool italic = s[i] != '-' && is_placeholder(s + i, j - i);
		buf_puts(out, italic ? "\\fI" : "\\fB");
		put_text(out, s + i, j - i, i == 0);
		buf_puts(out, "\\fR");
		i = j;
	}
}

static void
end_block(struct man *m)
{
	if (m->block == B_EXAMPLE)
		buf_puts(m->out, ".EE\n.RE\n");
	m->block = B_NONE;
}

/* Items are set close together, as in the help; what follows them is
 * spaced again. */
static void
end_list(struct man *m)
{
	if (m->list)
		buf_puts(m->out, ".PD\n");
	m->list = false;
}

/* Starts a paragraph unless one is open; .PP only after something, as a
 * heading starts one itself. */
static void
paragraph(struct man *m)
{
	if (m->block == B_PARA || m->block == B_COMMENT)
		return;
	end_block(m);
	end_list(m);
	if (m->written)
		buf_puts(m->out, ".PP\n");
}

static void
put_seealso(struct buf *out, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		size_t j = i;
		while (j < n && s[j] != ' ')
			j++;
		/* name(N) */
		const char *open = memchr(s + i, '(', j - i);
		if (open && open > s + i && open + 2 < s + j &&
		    open[2] == ')' && isdigit((unsigned char)open[1])) {
			buf_puts(out, "\\fB");
			put_text(out, s + i, (size_t)(open - s - i), i == 0);
			buf_puts(out, "\\fR");
			put_text(out, open, (size_t)(s + j - open), false);
		} else {
			put_text(out, s + i, j - i, i == 0);
		}
		if (j < n)
			buf_putc(out, ' ');
		i = j + 1;
	}
}

static enum style
term_style(enum sect s)
{
	switch (s) {
	case S_ENV: return T_BOLD;
	case S_EXIT: return T_PLAIN;
	default: return T_SYNTAX;
	}
}

/* An item: "TERM  definition", the term parted by two spaces or more,
 * at indent; its definition starts at the same column in the man page as
 * in the help (else, after a long term, on the next line). */
static void
item(struct man *m, const char *s, size_t n, size_t indent)
{
	end_block(m);
	const char *gap = NULL;
	for (size_t i = 0; i + 1 < n; i++)
		if (s[i] == ' ' && s[i + 1] == ' ') {
			gap = s + i;
			break;
		}
	size_t tn = gap ? (size_t)(gap - s) : n;
	const char *def = gap;
	while (def && *def == ' ')
		def++;
	size_t column = def ? indent + (size_t)(def - s) : m->next_indent;
	if (!m->list) {
		buf_puts(m->out, m->written ? ".sp\n.PD 0\n" : ".PD 0\n");
		m->list = true;
	}
	buf_printf(m->out, ".TP %zun\n", column > 2 ? column - 2 : 7);
	put_styled(m->out, s, tn, term_style(m->sect), false);
	buf_putc(m->out, '\n');
	if (def) {
		put_text(m->out, def, n - (size_t)(def - s), true);
		buf_putc(m->out, '\n');
	}
	m->block = B_ITEM;
}

static void
example(struct man *m, const char *s, size_t n)
{
	if (n >= 2 && s[0] == '#' && s[1] == ' ') {
		paragraph(m);
		m->block = B_COMMENT;
		put_text(m->out, s + 2, n - 2, true);
		buf_putc(m->out, '\n');
		return;
	}
	if (n > 0 && s[0] == '#')
		fail(m, "a comment in examples starts '# '", NULL);
	if (m->block != B_EXAMPLE) {
		end_list(m);
		if (m->block == B_NONE && m->written)
			buf_puts(m->out, ".PP\n");
		buf_puts(m->out, ".RS 4\n.EX\n");
		m->block = B_EXAMPLE;
	}
	put_text(m->out, s, n, true);
	buf_putc(m->out, '\n');
}

/* A line under a heading or in the description, its indent taken off. */
static void
body_line(struct man *m, const char *s, size_t n, size_t indent)
{
	bool long_option = indent == 6 && m->sect == S_OPTIONS && s[0] == '-';
	if (indent == 0) {
		paragraph(m);
		m->block = B_PARA;
		if (m->sect == S_SEEALSO)
			put_seealso(m->out, s, n);
		else
			put_text(m->out, s, n, true);
		buf_putc(m->out, '\n');
	} else if (indent == 2 && m->sect == S_EXAMPLES) {
		example(m, s, n);
	} else if (indent == 2 && m->sect == S_SEEALSO) {
		body_line(m, s, n, 0);
	} else if (indent == 2 || long_option) {
		item(m, s, n, indent);
	} else if (indent > 2 && m->block == B_ITEM) {
		if (s[0] == '-' && m->sect == S_OPTIONS)
			fail(m,
			     "a continued definition starts with '-', which "
			     "reads as an option",
			     NULL);
		put_text(m->out, s, n, true);
		buf_putc(m->out, '\n');
	} else {
		fail(m,
		     "a line indented by neither two spaces (an item) nor "
		     "more under an item",
		     NULL);
	}
	m->written = true;
}

/* "options" -> its section; any other heading is the description's own. */
static void
heading(struct man *m, const char *s, size_t n)
{
	enum sect sect = S_FREE;
	const char *name = NULL;
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (strlen(known[i].help) == n &&
		    !strncmp(known[i].help, s, n)) {
			sect = known[i].sect;
			name = known[i].man;
		}
	char subject[64];
	snprintf(subject, sizeof(subject), "%.*s", (int)n, s);
	if (sect < m->sect || (sect == m->sect && sect != S_FREE))
		fail(m,
		     "a heading out of order (options, environment, exit "
		     "status, examples, see also)",
		     subject);
	end_block(m);
	end_list(m);
	m->sect = sect;
	m->seen[sect] = true;
	m->written = false;
	buf_puts(m->out, ".SH \"");
	if (name) {
		buf_puts(m->out, name);
	} else {
		/* file names keep their case: inspection.yaml */
		bool file = memchr(s, '.', n) || memchr(s, '/', n);
		for (size_t i = 0; i < n; i++)
			buf_putc(m->out,
			         file ? s[i] : toupper((unsigned char)s[i]));
	}
	buf_puts(m->out, "\"\n");
}

static bool
is_heading(const char *s, size_t n)
{
	if (n < 2 || s[n - 1] != ':' || !islower((unsigned char)s[0]))
		return false;
	for (size_t i = 0; i + 1 < n; i++)
		if (!isalnum((unsigned char)s[i]) && !strchr(" ./-", s[i]))
			return false;
	return true;
}

/* One form of the synopsis: "jtai build [-o OUTDIR] [PATH...]". */
static void
synopsis_form(struct man *m, const char *s, size_t n, bool files)
{
	if (files) {
		buf_puts(m->out, ".nf\n");
		put_styled(m->out, s, n, T_SYNTAX, false);
		buf_puts(m->out, "\n.fi\n");
		return;
	}
	/* the name: jtai and its command's word, if any */
	size_t name = 4;
	if (n > 5 && islower((unsigned char)s[5])) {
		name = 5;
		while (name < n && islower((unsigned char)s[name]))
			name++;
	}
	buf_puts(m->out, ".SY \"");
	put_text(m->out, s, name, false);
	buf_puts(m->out, "\"\n");
	size_t i = name;
	while (i < n) {
		while (i < n && s[i] == ' ')
			i++;
		size_t j = i;
		int depth = 0;
		while (j < n && (depth > 0 || s[j] != ' ')) {
			depth += s[j] == '[' ? 1 : s[j] == ']' ? -1 : 0;
			j++;
		}
		if (j > i) {
			put_styled(m->out, s + i, j - i, T_SYNTAX, true);
			buf_putc(m->out, '\n');
		}
		i = j;
	}
	buf_puts(m->out, ".YS\n");
}

/* Checks one line of the text; returns its length without '\n'. */
static size_t
check_line(struct man *m, const char *s)
{
	size_t n = strcspn(s, "\n");
	if (s[n] != '\n')
		fail(m, "the text does not end with a new line", NULL);
	if (n > HELP_WIDTH)
		fail(m, "a line longer than 79 columns", NULL);
	if (n > 0 && s[n - 1] == ' ')
		fail(m, "a space at the end of a line", NULL);
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < ' ' || (unsigned char)s[i] > '~') {
			fail(m, "a character other than printable ASCII", NULL);
			break;
		}
	return n;
}

/* The first section, "usage:" or "files:", up to a blank line; returns
 * where the text goes on. */
static const char *
synopsis(struct man *m, const char *text, bool files)
{
	const char *tag = files ? "files: " : "usage: ";
	if (strncmp(text, tag, 7) != 0) {
		fail(m,
		     files ? "a file format's help starts with 'files: '"
		           : "a command's help starts with 'usage: '",
		     NULL);
		return text + strlen(text);
	}
	buf_puts(m->out, ".SH SYNOPSIS\n");
	const char *s = text;
	char form[512];
	size_t len = 0;
	while (*s) {
		size_t n = check_line(m, s);
		if (n == 0)
			break;
		size_t ind = s == text ? 7 : strspn(s, " ");
		const char *t = s + ind;
		bool starts = s == text || files || !strncmp(t, "jtai", 4);
		if (starts && len > 0)
			synopsis_form(m, form, len, files);
		if (starts)
			len = 0;
		else if (len + 1 < sizeof(form))
			form[len++] = ' ';
		size_t k =
		    n - ind < sizeof(form) - len ? n - ind : sizeof(form) - len;
		memcpy(form + len, t, k);
		len += k;
		s += n + (s[n] == '\n');
		m->line++;
	}
	if (len > 0)
		synopsis_form(m, form, len, files);
	return s;
}

static void
header(struct man *m, const struct help_page *p)
{
	const char *file = help_man_name(p);
	size_t n = strcspn(file, ".");
	buf_printf(m->out,
	           ".\\\" %s, made by 'jtai help --man %s' from the "
	           "help text\n.\\\" in pipeline/cli/: edit that, "
	           "not this.\n.TH \"",
	           file, p->name);
	for (size_t i = 0; i < n; i++)
		buf_putc(m->out, toupper((unsigned char)file[i]));
	buf_printf(m->out,
	           "\" \"%d\" \"\" \"jtai %s\" \"jtai manual\"\n"
	           ".ad l\n.nr HY 0\n.nh\n.SH NAME\n",
	           p->section, JTAI_VERSION);
	put_text(m->out, file, n, true);
	buf_puts(m->out, " \\- ");
	put_text(m->out, p->summary, strlen(p->summary), false);
	buf_putc(m->out, '\n');
}

int
help_man(const struct help_page *p, const char *text, struct buf *out,
         struct diag_sink *d)
{
	struct man m = {.out = out, .d = d, .line = 1, .sect = S_FIRST};
	size_t errors = d->errors;
	snprintf(m.where, sizeof(m.where), "jtai help %s", p->name);
	header(&m, p);
	const char *s = synopsis(&m, text, p->section == 5);
	buf_puts(out, ".SH DESCRIPTION\n");
	m.sect = S_DESC;
	bool blank = true;
	while (*s) {
		size_t n = check_line(&m, s);
		size_t indent = strspn(s, " ");
		const char *next = s + n + (s[n] == '\n');
		m.next_indent = strspn(next, " ");
		if (n == 0) {
			end_block(&m);
			blank = true;
		} else if (indent == 0 && blank && is_heading(s, n)) {
			heading(&m, s, n - 1);
		} else if (indent == n) {
			fail(&m, "a line of spaces", NULL);
		} else {
			if (m.sect == S_DESC || m.sect == S_FREE)
				m.seen[m.sect] = true;
			body_line(&m, s + indent, n - indent, indent);
			blank = false;
		}
		s += n + (s[n] == '\n');
		m.line++;
	}
	end_block(&m);
	end_list(&m);
	static const struct {
		enum sect sect;
		const char *what;
	} needs[] = {{S_DESC, "description"},
	             {S_OPTIONS, "options:"},
	             {S_EXIT, "exit status:"},
	             {S_EXAMPLES, "examples:"},
	             {S_SEEALSO, "see also:"}};
	for (size_t i = 0; i < sizeof(needs) / sizeof(needs[0]); i++) {
		bool command_only =
		    needs[i].sect == S_OPTIONS || needs[i].sect == S_EXIT;
		if (!m.seen[needs[i].sect] &&
		    !(command_only && p->section != 1))
			fail(&m, "no section", needs[i].what);
	}
	return d->errors > errors ? -1 : 0;
}
