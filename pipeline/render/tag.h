/* Tagged PDF: the structure tree of a letter and the marked content that
 * ties the page streams to it. libharu has no API for either, so this
 * module writes both through libharu's exported object API: operators
 * straight into a page's content stream, and dictionaries added to the
 * document's cross-reference table.
 *
 * The tree follows the flow (flow.h): Document holds, in reading order,
 * H1 to H6, P, Figure (with its alt text), Table (TR, TH or TD), L (LI,
 * Lbl, LBody) and BlockQuote; a link is a Link inside its paragraph
 * holding its text and its annotation. What the reader does not read as
 * the letter (rules, shading, underlines, the running footer, a table
 * header repeated on a later page) is marked as an artifact.
 *
 * pdf.c draws each page's content in reading order and calls tag_text or
 * tag_figure before each piece, tag_artifact around the rest; tag_finish
 * then writes the tree, the parent tree, /MarkInfo and /StructTreeRoot. */
#ifndef JTAI_RENDER_TAG_H
#define JTAI_RENDER_TAG_H

#include <hpdf.h>
#include <stddef.h>

struct doc_layout;
struct pg_chart;
struct tagger;

/* Starts the tree of dl for doc. Never NULL. */
struct tagger *tag_new(HPDF_Doc doc, const struct doc_layout *dl);
void tag_free(struct tagger *t);

/* The page being drawn: page (dl's index i) until the next call. */
void tag_page(struct tagger *t, HPDF_Page page, size_t i);

/* Marks what is drawn next as text i of dl (an index into dl->text):
 * continues the open marked-content sequence when the text belongs to the
 * same structure element, else closes it and opens one. Call only inside
 * a text object (or only outside one) until tag_close. */
void tag_text(struct tagger *t, size_t i);

/* Opens the marked content of chart c, a Figure; tag_close ends it. */
void tag_figure(struct tagger *t, const struct pg_chart *c);

/* Opens an artifact of the given /Type (Layout, Pagination); tag_close
 * ends it. */
void tag_artifact(struct tagger *t, const char *type);

/* Closes the open marked-content sequence, if any. */
void tag_close(struct tagger *t);

/* Ties link annotation a, drawn for dl->link[i], to its Link element. */
void tag_link(struct tagger *t, HPDF_Annotation a, size_t i);

/* Writes the structure tree into the document. Returns 0, or -1 when
 * libharu failed (its error is then set in the document). */
int tag_finish(struct tagger *t);

#endif
