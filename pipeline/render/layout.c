/* The line breaker over mixed runs: steps 1 and 3 (see layout.h); the
 * breakers of step 2 are in linebreak.c, the ties between numbers and
 * their words in linebreak_tie.c. Measuring goes through font_advance,
 * which caches the Basic Multilingual Plane per face; the items, breaks
 * and word buffers are kept in struct layout and reused, so a paragraph
 * allocates only when it is the largest seen so far.
 *
 * A word is what lies between two separators (space, no-break space, hard
 * break) and may span runs. Once a word is read, three things are decided
 * about it: whether the space before it is a tie (linebreak_tie.h), where
 * it may break inside (after a compound's hyphen; if it is wider than the
 * line, at a URL's safe points or between characters), and, when the
 * words tied together so far are wider than the line, that their ties may
 * break after all. Between two allowed breaks there is then never more
 * than fits on a line, but for a single character wider than the line. */
#include "render/layout.h"

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "core/alloc.h"
#include "core/utf8.h"
#include "render/linebreak_tie.h"

/* Widths are sums of doubles: a line may be this much over and still fit. */
#define EPS 1e-6
/* Longer words are never numbers, units, months or labels. */
#define TIE_WORD_MAX 32
/* Not a penalty: no break inside a word here. */
#define NO_BREAK LAYOUT_NEVER

void
lines_init(struct lines *ls)
{
	memset(ls, 0, sizeof(*ls));
}

void
lines_release(struct lines *ls)
{
	free(ls->line);
	free(ls->seg);
	memset(ls, 0, sizeof(*ls));
}

void
layout_init(struct layout *l, const struct fontset *fonts)
{
	memset(l, 0, sizeof(*l));
	l->fonts = fonts;
	l->breaker = layout_break_total_fit;
}

void
layout_release(struct layout *l)
{
	free(l->item);
	free(l->brk);
	free(l->word);
	free(l->node);
	memset(l, 0, sizeof(*l));
}

double
layout_measure(const struct layout *l, enum font_role face, double size,
               const char *s, size_t n)
{
	return font_width(l->fonts->face[face], s, n, size);
}

/* Combining marks belong to the character before them: never break there. */
static bool
is_combining(unsigned cp)
{
	return (cp >= 0x0300 && cp <= 0x036F) ||
	       (cp >= 0x1AB0 && cp <= 0x1AFF) ||
	       (cp >= 0x1DC0 && cp <= 0x1DFF) ||
	       (cp >= 0x20D0 && cp <= 0x20FF) ||
	       (cp >= 0xFE20 && cp <= 0xFE2F) || cp == 0x200D;
}

/* Letters of the Latin, Greek and Cyrillic scripts, enough to tell a
 * compound ("multi-agency") from a range or a code ("2020-21", "A-1"). */
static bool
is_letter(unsigned cp)
{
	return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
	       (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
	       (cp >= 0x370 && cp <= 0x52F && !is_combining(cp));
}

static bool
is_hyphen(unsigned cp)
{
	return cp == '-' || cp == 0x2010;
}

/* Spaces that separate words; the no-break ones tie them. */
static bool
is_separator(unsigned cp)
{
	return cp == ' ' || cp == '\n' || cp == 0xA0 || cp == 0x202F;
}

static void
push_item(struct layout *l, enum item_kind kind, size_t run, size_t start,
          size_t end, double width, int penalty)
{
	if (l->nitem == l->itemcap)
		l->item =
		    xgrow(l->item, &l->itemcap, l->nitem + 1, sizeof(*l->item));
	l->item[l->nitem++] = (struct layout_item){.kind = kind,
	                                           .penalty = penalty,
	                                           .run = run,
	                                           .start = start,
	                                           .end = end,
	                                           .width = width};
}

/* Step 1's state between words. */
struct itemizer {
	struct layout *l;
	const struct run *runs;
	double width;
	size_t word0; /* the word being read: its first item, or SIZE_MAX */
	double wordw;
	bool hyphen;    /* it holds a hyphen */
	size_t gap0;    /* the first glue after the last word, or SIZE_MAX */
	double gapw;    /* the width of the glue after it */
	bool prev;      /* a word came before, since any forced break */
	bool prev_unit; /* it was tied to a number as its unit */
	size_t prev0, prev1; /* its items */
	char prev_first;     /* its first byte */
	char first;          /* the first byte of the word being read */
	size_t group0;       /* the first item of the words tied to the last */
	double groupw;
};

/* Copies the text of items [k0, k1) into buf (TIE_WORD_MAX bytes);
 * returns its length, above TIE_WORD_MAX when it did not fit. */
static size_t
word_text(const struct itemizer *z, size_t k0, size_t k1, char *buf)
{
	size_t n = 0;
	for (size_t k = k0; k < k1 && n <= TIE_WORD_MAX; k++) {
		const struct layout_item *it = &z->l->item[k];
		size_t len = it->end - it->start;
		if (n + len <= TIE_WORD_MAX)
			memcpy(buf + n, z->runs[it->run].text + it->start, len);
		n += len;
	}
	return n;
}

/* How the word being read is tied to the last one (linebreak_tie.h). */
static enum tie_kind
tie_to_last(const struct itemizer *z)
{
	char a[TIE_WORD_MAX], b[TIE_WORD_MAX];
	if (!z->prev_unit &&
	    ((z->prev_first | 0x20) >= 'a' && (z->prev_first | 0x20) <= 'z') &&
	    ((z->first | 0x20) >= 'a' && (z->first | 0x20) <= 'z'))
		return TIE_NONE; /* no number starts with a letter */
	if (!tie_maybe(z->prev_first, z->prev_unit, z->first))
		return TIE_NONE;
	size_t an = word_text(z, z->prev0, z->prev1, a);
	size_t bn = word_text(z, z->word0, z->l->nitem, b);
	if (an > TIE_WORD_MAX || bn > TIE_WORD_MAX)
		return TIE_NONE;
	return tie_words(a, an, z->prev_unit, b, bn);
}

/* What the word l->word[0..nword) is: a path or URL by its text ("://",
 * "www.", '/', '@', a dot between letters as in "gov.uk"), or link text. */
enum { W_PATH = 1, W_LINK = 2 };

static unsigned
word_kind(const struct layout *l, const struct run *runs)
{
	unsigned kind = 0;
	uint32_t h = 0; /* the last four bytes */
	for (size_t b = 0; b < l->nword; b++) {
		const struct layout_item *box = &l->word[b];
		const struct run *r = &runs[box->run];
		if (r->link >= 0)
			kind |= W_LINK;
		for (size_t i = box->start; i < box->end; i++) {
			unsigned char c = (unsigned char)r->text[i];
			h = h << 8 | c;
			bool alpha = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
			unsigned char b2 = (unsigned char)(h >> 16);
			if (c == '/' || c == '@' ||
			    h == 0x7777772Eu /* www. */ ||
			    (alpha && (h >> 8 & 0xFF) == '.' &&
			     (b2 | 0x20) >= 'a' && (b2 | 0x20) <= 'z'))
				kind |= W_PATH;
		}
	}
	return kind;
}

/* Whether the word l->word[] goes on with n letters from byte i of its
 * box b (maybe into later boxes). */
static bool
letters_ahead(const struct layout *l, const struct run *runs, size_t b,
              size_t i, int n)
{
	while (n > 0) {
		while (b < l->nword && i >= l->word[b].end)
			if (++b < l->nword)
				i = l->word[b].start;
		if (b >= l->nword)
			return false;
		unsigned cp;
		i += utf8_next(runs[l->word[b].run].text, l->word[b].end, i,
		               &cp);
		if (!is_letter(cp))
			return false;
		n--;
	}
	return true;
}

/* A safe point in a URL or path before cp: after '/', '-', '?', '&', '=',
 * '_' or '#' (after the last of a row: "//"), or before '.'. */
static int
url_point(unsigned prev, unsigned cp)
{
	if (cp == '.' && prev != '.')
		return LAYOUT_URL;
	if (prev != 0 && prev < 0x80 && strchr("/-?&=_#", (int)prev) &&
	    cp != prev)
		return LAYOUT_URL;
	return NO_BREAK;
}

/* Where a word may break inside, as it is re-emitted. */
struct wordbreak {
	bool wide;   /* wider than the line: break it somewhere */
	bool url;    /* at a URL's safe points */
	bool hyphen; /* after a compound's hyphen */
	size_t len;  /* its bytes */
};

/* The penalty for a break before cp at byte pos of the word, prev the
 * code point before, letters the letters right before prev's hyphen;
 * after is where the code point after cp starts in box b. A compound
 * breaks after its hyphen with two letters before and three after, as
 * TeX's English hyphenation minimums ask: "multi-|agency", not "e-|mail"
 * nor "re-|do". */
static int
point_before(const struct wordbreak *wb, const struct layout *l,
             const struct run *runs, size_t b, size_t after, size_t pos,
             unsigned prev, unsigned cp, int letters)
{
	if (pos == 0 || wb->len - pos < 2 || is_combining(cp))
		return NO_BREAK;
	if (wb->url)
		return url_point(prev, cp);
	if (wb->hyphen && is_hyphen(prev) && letters >= 2 && is_letter(cp) &&
	    letters_ahead(l, runs, b, after, 2))
		return LAYOUT_HYPHEN;
	return NO_BREAK;
}

/* Re-emits the boxes of l->word with the breaks wb allows, and, in a word
 * too wide, a break between two characters wherever the stretch since
 * the last break would overflow a line of its own. */
static void
rebreak_word(struct itemizer *z, const struct wordbreak *wb)
{
	struct layout *l = z->l;
	double w = 0;
	size_t pos = 0;
	unsigned prev = 0;
	int letters = 0, hy_letters = 0;
	for (size_t b = 0; b < l->nword; b++) {
		const struct layout_item box = l->word[b];
		const struct run *r = &z->runs[box.run];
		const struct font *f = l->fonts->face[r->face];
		double k = r->size / 1000.0, piece = 0;
		size_t s = box.start, i = box.start;
		while (i < box.end) {
			unsigned cp;
			size_t len = utf8_next(r->text, box.end, i, &cp);
			double a = font_advance(f, cp) * k;
			int p = point_before(wb, l, z->runs, b, i + len, pos,
			                     prev, cp, hy_letters);
			if (p == NO_BREAK && wb->wide && w > 0 &&
			    w + a > z->width + EPS && !is_combining(cp))
				p = LAYOUT_CHAR;
			if (p != NO_BREAK) {
				if (i > s)
					push_item(l, ITEM_BOX, box.run, s, i,
					          piece, 0);
				push_item(l, ITEM_PENALTY, box.run, i, i, 0, p);
				s = i;
				piece = w = 0;
			}
			piece += a;
			w += a;
			if (is_hyphen(cp)) {
				hy_letters = letters;
				letters = 0;
			} else if (is_letter(cp)) {
				letters++;
			} else if (!is_combining(cp)) {
				letters = 0;
			}
			prev = cp;
			i += len;
			pos += len;
		}
		if (s == box.start)
			push_item(l, ITEM_BOX, box.run, s, box.end, box.width,
			          0);
		else if (i > s)
			push_item(l, ITEM_BOX, box.run, s, box.end, piece, 0);
	}
}

/* Gives the word being read its breaks inside, if it has any. */
static void
break_word(struct itemizer *z)
{
	struct layout *l = z->l;
	bool wide = z->wordw > z->width + EPS;
	if (!wide && !z->hyphen)
		return;
	size_t n = l->nitem - z->word0;
	if (n > l->wordcap)
		l->word = xgrow(l->word, &l->wordcap, n, sizeof(*l->word));
	memcpy(l->word, l->item + z->word0, n * sizeof(*l->word));
	l->nword = n;
	unsigned kind = word_kind(l, z->runs);
	if (!wide && (kind & W_PATH))
		return; /* a hyphen in a URL that fits: no break */
	struct wordbreak wb = {
	    .wide = wide, .url = wide && kind != 0, .hyphen = !(kind & W_PATH)};
	for (size_t b = 0; b < n; b++)
		wb.len += l->word[b].end - l->word[b].start;
	l->nitem = z->word0;
	rebreak_word(z, &wb);
}

/* Ends the words tied together up to item end: if they are wider than
 * the line, their ties may break after all, at a cost. */
static void
close_group(struct itemizer *z, size_t end)
{
	if (!z->prev || z->groupw <= z->width + EPS)
		return;
	for (size_t k = z->group0; k < end; k++) {
		struct layout_item *it = &z->l->item[k];
		if (it->kind == ITEM_GLUE && it->penalty == LAYOUT_NEVER)
			it->penalty = LAYOUT_TIE;
	}
}

/* Ends the word being read, if any: ties it to the last word, breaks it
 * inside, and extends or closes the group of tied words. */
static void
end_word(struct itemizer *z)
{
	if (z->word0 == SIZE_MAX)
		return;
	struct layout *l = z->l;
	enum tie_kind tie = TIE_NONE;
	bool tied = false;
	if (z->prev && z->gap0 != SIZE_MAX) {
		tie = tie_to_last(z);
		struct layout_item *g = &l->item[z->gap0];
		tied = tie != TIE_NONE || g->penalty == LAYOUT_NEVER;
		if (tied)
			g->penalty = LAYOUT_NEVER;
	}
	break_word(z);
	if (tied) {
		z->groupw += z->gapw + z->wordw;
	} else {
		close_group(z, z->gap0 != SIZE_MAX ? z->gap0 : z->word0);
		z->group0 = z->word0;
		z->groupw = z->wordw;
	}
	z->prev = true;
	z->prev_unit = tie == TIE_UNIT;
	z->prev0 = z->word0;
	z->prev1 = l->nitem;
	z->prev_first = z->first;
	z->word0 = z->gap0 = SIZE_MAX;
	z->wordw = z->gapw = 0;
	z->hyphen = false;
}

/* A space, no-break space or hard break at byte i of run r. */
static void
separator(struct itemizer *z, size_t r, size_t i, size_t len, unsigned cp)
{
	struct layout *l = z->l;
	const struct run *run = &z->runs[r];
	end_word(z);
	if (cp == '\n') {
		close_group(z, l->nitem);
		push_item(l, ITEM_PENALTY, r, i, i, 0, LAYOUT_FORCE);
		z->prev = false;
		z->gap0 = SIZE_MAX;
		z->gapw = 0;
		return;
	}
	double w =
	    font_advance(l->fonts->face[run->face], cp) * run->size / 1000.0;
	if (z->gap0 == SIZE_MAX)
		z->gap0 = l->nitem;
	z->gapw += w;
	push_item(l, ITEM_GLUE, r, i, i + len, w, cp == ' ' ? 0 : LAYOUT_NEVER);
}

static void
scan_run(struct itemizer *z, size_t r)
{
	struct layout *l = z->l;
	const char *t = z->runs[r].text;
	size_t len = z->runs[r].len;
	const struct font *f = l->fonts->face[z->runs[r].face];
	double k = z->runs[r].size / 1000.0;
	size_t i = 0;
	while (i < len) {
		unsigned cp;
		size_t cl = utf8_next(t, len, i, &cp);
		if (is_separator(cp)) {
			separator(z, r, i, cl, cp);
			i += cl;
			continue;
		}
		size_t j = i;
		double units = 0;
		bool hyphen = false;
		while (j < len) {
			unsigned char c = (unsigned char)t[j];
			if (c < 0x80) { /* most text: no decoding */
				if (c == ' ' || c == '\n')
					break;
				hyphen |= c == '-';
				units += font_advance(f, c);
				j++;
				continue;
			}
			cl = utf8_decode(t + j, len - j, &cp);
			if (is_separator(cp))
				break;
			hyphen |= is_hyphen(cp);
			units += font_advance(f, cp);
			j += cl;
		}
		z->hyphen |= hyphen;
		if (z->word0 == SIZE_MAX) {
			z->word0 = l->nitem;
			z->first = t[i];
		}
		push_item(l, ITEM_BOX, r, i, j, units * k, 0);
		z->wordw += units * k;
		i = j;
	}
}

/* Step 1: runs to boxes, glue and penalties, for a measure of width. */
static void
itemize(struct layout *l, const struct run *runs, size_t n, double width)
{
	struct itemizer z = {.l = l,
	                     .runs = runs,
	                     .width = width,
	                     .word0 = SIZE_MAX,
	                     .gap0 = SIZE_MAX};
	l->nitem = 0;
	for (size_t r = 0; r < n; r++)
		scan_run(&z, r);
	end_word(&z);
	close_group(&z, l->nitem);
}

/* The sums run in the order the breaker and build_line add the same
 * widths, so that a line measured here fits a measure of exactly its
 * width. */
void
layout_extent(struct layout *l, const struct run *runs, size_t n,
              double *natural, double *minimum)
{
	double line = 0, ink = 0, word = 0;
	bool started = false; /* glue before a line's first box is dropped */
	bool inword = false;  /* tied words and hyphens go on */
	*natural = *minimum = 0;
	itemize(l, runs, n, HUGE_VAL);
	for (size_t i = 0; i < l->nitem; i++) {
		const struct layout_item *it = &l->item[i];
		if (it->kind == ITEM_BOX) {
			line += it->width;
			ink = line;
			word = inword ? word + it->width : it->width;
			if (word > *minimum)
				*minimum = word;
			started = inword = true;
		} else if (it->kind == ITEM_GLUE) {
			if (started)
				line += it->width;
			if (inword && it->penalty == LAYOUT_NEVER)
				word += it->width;
			else
				inword = false;
		} else if (it->penalty == LAYOUT_FORCE) {
			if (ink > *natural)
				*natural = ink;
			line = ink = 0;
			started = inword = false;
		}
	}
	if (ink > *natural)
		*natural = ink;
}

/* Glue and allowed breaks vanish at the start of a line. */
static bool
discardable(const struct layout_item *it)
{
	return it->kind == ITEM_GLUE ||
	       (it->kind == ITEM_PENALTY && it->penalty != LAYOUT_FORCE);
}

static struct line_seg *
push_seg(struct lines *out)
{
	if (out->nseg == out->segcap)
		out->seg = xgrow(out->seg, &out->segcap, out->nseg + 1,
		                 sizeof(*out->seg));
	return &out->seg[out->nseg++];
}

/* Step 3: the items [s, e) of one line as segments. */
static void
build_line(const struct layout *l, size_t s, size_t e, struct lines *out)
{
	const struct layout_item *item = l->item;
	while (s < e && discardable(&item[s]))
		s++;
	size_t last = s; /* one past the last box */
	for (size_t k = s; k < e; k++)
		if (item[k].kind == ITEM_BOX)
			last = k + 1;
	if (out->n == out->cap)
		out->line =
		    xgrow(out->line, &out->cap, out->n + 1, sizeof(*out->line));
	struct line *ln = &out->line[out->n++];
	ln->seg = out->nseg;
	double x = 0;
	struct line_seg *seg = NULL;
	for (size_t k = s; k < last; k++) {
		const struct layout_item *it = &item[k];
		if (it->kind == ITEM_PENALTY)
			continue;
		if (seg == NULL || seg->run != it->run ||
		    seg->end != it->start) {
			seg = push_seg(out);
			*seg = (struct line_seg){.run = it->run,
			                         .start = it->start,
			                         .end = it->start,
			                         .x = x};
		}
		seg->end = it->end;
		seg->width += it->width;
		x += it->width;
	}
	ln->nseg = out->nseg - ln->seg;
	ln->width = x;
}

size_t
layout_paragraph(struct layout *l, const struct run *runs, size_t n,
                 double width, struct lines *out)
{
	itemize(l, runs, n, width);
	if (l->nitem == 0)
		return 0;
	l->breaker(l, width);
	size_t s = 0;
	for (size_t b = 0; b < l->nbrk; b++) {
		build_line(l, s, l->brk[b], out);
		s = l->brk[b] + 1;
	}
	return l->nbrk;
}
