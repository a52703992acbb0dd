/* The line breaker over mixed runs (see layout.h for the three steps).
 * Measuring goes through font_advance, which caches the Basic Multilingual
 * Plane per face; the items, breaks and word buffers are kept in struct
 * layout and reused, so a paragraph allocates only when it is the largest
 * seen so far. */
#include "render/layout.h"

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "core/alloc.h"
#include "core/utf8.h"

/* Widths are sums of doubles: a line may be this much over and still fit. */
#define EPS 1e-6

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
	l->breaker = layout_break_first_fit;
}

void
layout_release(struct layout *l)
{
	free(l->item);
	free(l->brk);
	free(l->word);
	memset(l, 0, sizeof(*l));
}

/* Decodes the code point at s[i] (i < n); returns its length in bytes. */
static size_t
next_cp(const char *s, size_t n, size_t i, unsigned *cp)
{
	unsigned char c = (unsigned char)s[i];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	return utf8_decode(s + i, n - i, cp);
}

double
layout_measure(const struct layout *l, enum font_role face, double size,
               const char *s, size_t n)
{
	const struct font *f = l->fonts->face[face];
	double units = 0;
	unsigned cp;
	for (size_t i = 0; i < n;) {
		i += next_cp(s, n, i, &cp);
		units += font_advance(f, cp);
	}
	return units * size / 1000.0;
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

/* Re-emits the boxes of l->word, allowing a break between two characters
 * wherever the next one would overflow a line of its own. */
static void
split_word(struct layout *l, const struct run *runs, double width)
{
	double w = 0;
	for (size_t b = 0; b < l->nword; b++) {
		const struct layout_item *box = &l->word[b];
		const struct run *r = &runs[box->run];
		const struct font *f = l->fonts->face[r->face];
		double k = r->size / 1000.0, piece = 0;
		size_t s = box->start, i = box->start;
		while (i < box->end) {
			unsigned cp;
			size_t len = next_cp(r->text, box->end, i, &cp);
			double a = font_advance(f, cp) * k;
			if (w > 0 && w + a > width + EPS && !is_combining(cp)) {
				if (i > s)
					push_item(l, ITEM_BOX, box->run, s, i,
					          piece, 0);
				push_item(l, ITEM_PENALTY, box->run, i, i, 0,
				          0);
				s = i;
				piece = w = 0;
			}
			piece += a;
			w += a;
			i += len;
		}
		if (i > s)
			push_item(l, ITEM_BOX, box->run, s, box->end, piece, 0);
	}
}

/* Ends the word made of items [word0, nitem): splits it if too wide. */
static void
end_word(struct layout *l, const struct run *runs, size_t word0, double wordw,
         double width)
{
	if (wordw <= width + EPS)
		return;
	size_t n = l->nitem - word0;
	if (n > l->wordcap)
		l->word = xgrow(l->word, &l->wordcap, n, sizeof(*l->word));
	memcpy(l->word, l->item + word0, n * sizeof(*l->word));
	l->nword = n;
	l->nitem = word0;
	split_word(l, runs, width);
}

/* Step 1: runs to boxes, glue and penalties. */
static void
itemize(struct layout *l, const struct run *runs, size_t n, double width)
{
	size_t word0 = 0;
	double wordw = 0;
	l->nitem = 0;
	for (size_t r = 0; r < n; r++) {
		const char *t = runs[r].text;
		size_t len = runs[r].len;
		const struct font *f = l->fonts->face[runs[r].face];
		double k = runs[r].size / 1000.0;
		size_t i = 0;
		while (i < len) {
			if (t[i] == ' ' || t[i] == '\n') {
				end_word(l, runs, word0, wordw, width);
				if (t[i] == ' ')
					push_item(l, ITEM_GLUE, r, i, i + 1,
					          font_advance(f, ' ') * k, 0);
				else
					push_item(l, ITEM_PENALTY, r, i, i, 0,
					          LAYOUT_FORCE);
				i++;
				word0 = l->nitem;
				wordw = 0;
				continue;
			}
			size_t j = i;
			double units = 0;
			while (j < len && t[j] != ' ' && t[j] != '\n') {
				unsigned cp;
				j += next_cp(t, len, j, &cp);
				units += font_advance(f, cp);
			}
			push_item(l, ITEM_BOX, r, i, j, units * k, 0);
			wordw += units * k;
			i = j;
		}
	}
	end_word(l, runs, word0, wordw, width);
}

static void
push_break(struct layout *l, size_t at)
{
	if (l->nbrk == l->brkcap)
		l->brk =
		    xgrow(l->brk, &l->brkcap, l->nbrk + 1, sizeof(*l->brk));
	l->brk[l->nbrk++] = at;
}

/* Glue and allowed breaks vanish at the start of a line. */
static bool
discardable(const struct layout_item *it)
{
	return it->kind == ITEM_GLUE ||
	       (it->kind == ITEM_PENALTY && it->penalty != LAYOUT_FORCE);
}

void
layout_break_first_fit(struct layout *l, double width)
{
	const struct layout_item *item = l->item;
	size_t n = l->nitem, i = 0;
	l->nbrk = 0;
	for (;;) {
		while (i < n && discardable(&item[i]))
			i++;
		if (i >= n)
			break;
		double w = 0;
		size_t cand = SIZE_MAX, j;
		bool has_box = false;
		for (j = i; j < n; j++) {
			const struct layout_item *it = &item[j];
			if (it->kind == ITEM_BOX) {
				if (has_box && cand != SIZE_MAX &&
				    w + it->width > width + EPS)
					break;
				w += it->width;
				has_box = true;
			} else if (it->kind == ITEM_GLUE) {
				if (j > i && item[j - 1].kind == ITEM_BOX)
					cand = j;
				w += it->width;
			} else if (it->penalty == LAYOUT_FORCE) {
				break;
			} else if (has_box) {
				cand = j;
			}
		}
		if (j >= n) {
			push_break(l, n);
			return;
		}
		if (item[j].kind == ITEM_PENALTY &&
		    item[j].penalty == LAYOUT_FORCE)
			cand = j;
		push_break(l, cand);
		i = cand + 1;
	}
	if (l->nbrk == 0 && n > 0)
		push_break(l, n); /* only spaces: one empty line */
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
	*natural = *minimum = 0;
	itemize(l, runs, n, HUGE_VAL);
	for (size_t i = 0; i < l->nitem; i++) {
		const struct layout_item *it = &l->item[i];
		if (it->kind == ITEM_BOX) {
			line += it->width;
			ink = line;
			word += it->width;
			if (word > *minimum)
				*minimum = word;
			started = true;
			continue;
		}
		word = 0;
		if (it->kind == ITEM_GLUE && started) {
			line += it->width;
		} else if (it->kind == ITEM_PENALTY &&
		           it->penalty == LAYOUT_FORCE) {
			if (ink > *natural)
				*natural = ink;
			line = ink = 0;
			started = false;
		}
	}
	if (ink > *natural)
		*natural = ink;
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
