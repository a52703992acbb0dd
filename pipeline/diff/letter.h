/* Two drafted letters (letter.md) compared: first block by block (a
 * paragraph, a heading, a list item, a table row, a line of the
 * letterhead), then, in blocks that changed, word by word. Gives the
 * changes section by section (a section runs from one heading to the
 * next) and the redline: the new letter's Markdown with the marks of
 * render/redline.h. */
#ifndef JTAI_DIFF_LETTER_H
#define JTAI_DIFF_LETTER_H

#include <stddef.h>

struct arena;
struct buf;
struct value;

enum md_kind {
	MD_PARA,    /* a paragraph */
	MD_HEADING, /* an ATX heading */
	MD_ITEM,    /* a list item's first paragraph */
	MD_QUOTE,   /* a paragraph of a block quote */
	MD_ROW,     /* a row of a ```table */
	MD_LINE,    /* a line of the letterhead or of code */
	MD_FENCE,   /* a fence's opening or closing line: structure only */
	MD_RULE,    /* a thematic break: structure only */
	MD_IMAGE    /* a line holding only an image (a chart): compared whole,
	               never marked */
};

/* A block: its separator (the line breaks before it), its prefix (the
 * structure: "## ", "- ", indentation) and its body (the words), each a
 * stretch of the letter's text. */
struct md_block {
	enum md_kind kind;
	const char *sep, *prefix, *body;
	size_t nsep, nprefix, nbody;
	int line;
	const char *heading; /* MD_HEADING: its text, for section names */
};

struct md_doc {
	size_t front; /* bytes of front matter (kept whole, never compared) */
	size_t end;   /* where the last block ends: line breaks follow */
	struct md_block *b;
	size_t n;
};

/* Splits md (len bytes) into blocks owned by a. Never fails. */
void letter_split(struct arena *a, const char *md, size_t len,
                  struct md_doc *out);

/* Compares the letters. Returns the changes as a value owned by a: a
 * sequence of sections in the new letter's order, each {section,
 * changes}, a change {op: "changed", kind, words} (words as words_pairs
 * gives them) or {op: "added" or "removed", kind, text}; an empty
 * sequence when the letters have the same words. When redline is not
 * NULL, appends the redline Markdown to it. */
struct value *letter_diff(struct arena *a, const char *old_md, size_t old_len,
                          const char *new_md, size_t new_len,
                          struct buf *redline);

/* The name of kind, as the JSON gives it ("paragraph", "heading", ...). */
const char *md_kind_name(enum md_kind kind);

#endif
