/* Tagged PDF through libharu's object API (see tag.h). The tree is built
 * in memory while the pages are drawn, since an element's kids arrive in
 * reading order page by page, and written once at the end: every element
 * a dictionary in the cross-reference table, its kids marked-content ids
 * of the element's page, marked-content references to other pages, kid
 * elements and, for a Link, its annotations. The parent tree maps each
 * page's marked-content ids, and each annotation, back to its element. */
#include "render/tag.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart/scene.h"
#include "core/alloc.h"
#include "render/page.h"

#define NONE SIZE_MAX

enum kid_kind { KID_ELEM, KID_MCID, KID_ANNOT };

struct kid {
	enum kid_kind kind;
	size_t page; /* KID_MCID: the page of the marked content */
	size_t ref;  /* an element, a marked-content id, or an annotation */
};

struct elem {
	const char *type; /* the standard structure type */
	size_t parent;    /* NONE: the tree's root */
	struct kid *kid;
	size_t nkid, kidcap;
	size_t page;      /* the page of its first marked content, or NONE */
	const char *alt;  /* Figure */
	double bbox[4];   /* Figure: left, bottom, right, top in PDF space */
	bool scope_col;   /* TH: a column header */
	HPDF_Dict dict;
};

struct tpage {
	HPDF_Page page;
	size_t *mcid_elem; /* each marked-content id's element */
	size_t nmcid, mcidcap;
};

struct annot {
	HPDF_Annotation a;
	size_t elem;
};

struct tagger {
	HPDF_Doc doc;
	const struct doc_layout *dl;
	struct elem *elem;
	size_t nelem, elemcap;
	struct tpage *page;
	size_t npage;
	size_t cur;       /* the page being drawn */
	size_t open;      /* the element of the open sequence, or NONE */
	bool open_any;    /* a sequence (maybe an artifact) is open */
	struct annot *annot;
	size_t nannot, annotcap;
	/* Elements by what they stand for; NONE until made. */
	size_t *block;     /* a block's own element */
	size_t *nest;      /* a list, item or quote, by nest id */
	size_t *body;      /* an item's LBody, by nest id */
	size_t *lbl;       /* an item's Lbl, by nest id */
	size_t nnest;
	size_t *cell;      /* a table cell's TH or TD, by flow cell */
	size_t *row;       /* a row's TR, by the flow cell of its column 0 */
	size_t *text_cell; /* each text's flow cell, or NONE */
	bool *repeat;      /* each text: part of a repeated header */
	size_t *link;      /* each pg_link's Link */
	/* The last text tagged, to join a link broken over lines. */
	size_t last_leaf, last_link, last_url;
};

static size_t *
nones(size_t n)
{
	size_t *a = xmalloc((n ? n : 1) * sizeof(*a));
	for (size_t i = 0; i < n; i++)
		a[i] = NONE;
	return a;
}

static void
add_kid(struct tagger *t, size_t e, struct kid k)
{
	struct elem *el = &t->elem[e];
	if (el->nkid == el->kidcap)
		el->kid =
		    xgrow(el->kid, &el->kidcap, el->nkid + 1, sizeof(*el->kid));
	el->kid[el->nkid++] = k;
}

static size_t
new_elem(struct tagger *t, const char *type, size_t parent)
{
	if (t->nelem == t->elemcap)
		t->elem = xgrow(t->elem, &t->elemcap, t->nelem + 1,
		                sizeof(*t->elem));
	size_t e = t->nelem++;
	memset(&t->elem[e], 0, sizeof(t->elem[e]));
	t->elem[e].type = type;
	t->elem[e].parent = parent;
	t->elem[e].page = NONE;
	if (parent != NONE)
		add_kid(t, parent, (struct kid){KID_ELEM, 0, e});
	return e;
}

/* Finds or makes slot's element, a kid of parent. */
static size_t
get(struct tagger *t, size_t *slot, const char *type, size_t parent)
{
	if (*slot == NONE)
		*slot = new_elem(t, type, parent);
	return *slot;
}

static size_t
max_nest(const struct flow *f)
{
	size_t m = 0;
	for (size_t i = 0; i < f->n; i++)
		for (int k = 0; k < f->block[i].nnest; k++)
			if (f->block[i].nest[k].id > m)
				m = f->block[i].nest[k].id;
	return m + 1;
}

/* Which texts are in table cells, and which repeat a header row that was
 * drawn on an earlier page. */
static void
map_cells(struct tagger *t)
{
	const struct doc_layout *dl = t->dl;
	bool *seen = xcalloc(dl->flow.ncell ? dl->flow.ncell : 1, 1);
	for (size_t i = 0; i < dl->ncell; i++) {
		const struct pg_cell *c = &dl->cell[i];
		const struct block *b = &dl->flow.block[c->block];
		size_t fc = b->cell0 + c->row * b->ncol + c->col;
		bool again = c->header && c->line0 == 0 && seen[fc];
		seen[fc] = true;
		for (size_t k = c->text0; k < c->text0 + c->ntext; k++) {
			t->text_cell[k] = fc;
			t->repeat[k] = again;
		}
	}
	free(seen);
}

struct tagger *
tag_new(HPDF_Doc doc, const struct doc_layout *dl)
{
	struct tagger *t = xcalloc(1, sizeof(*t));
	t->doc = doc;
	t->dl = dl;
	t->page = xcalloc(dl->npage ? dl->npage : 1, sizeof(*t->page));
	t->npage = dl->npage;
	t->cur = NONE;
	t->open = NONE;
	t->block = nones(dl->flow.n);
	t->nnest = max_nest(&dl->flow);
	t->nest = nones(t->nnest);
	t->body = nones(t->nnest);
	t->lbl = nones(t->nnest);
	t->cell = nones(dl->flow.ncell);
	t->row = nones(dl->flow.ncell);
	t->text_cell = nones(dl->ntext);
	t->repeat = xcalloc(dl->ntext ? dl->ntext : 1, sizeof(*t->repeat));
	t->link = nones(dl->nlink);
	t->last_leaf = t->last_link = t->last_url = NONE;
	new_elem(t, "Document", NONE); /* element 0 */
	map_cells(t);
	return t;
}

void
tag_free(struct tagger *t)
{
	if (t == NULL)
		return;
	for (size_t i = 0; i < t->nelem; i++)
		free(t->elem[i].kid);
	for (size_t i = 0; i < t->npage; i++)
		free(t->page[i].mcid_elem);
	free(t->elem);
	free(t->page);
	free(t->annot);
	free(t->block);
	free(t->nest);
	free(t->body);
	free(t->lbl);
	free(t->cell);
	free(t->row);
	free(t->text_cell);
	free(t->repeat);
	free(t->link);
	free(t);
}

void
tag_page(struct tagger *t, HPDF_Page page, size_t i)
{
	t->cur = i;
	t->page[i].page = page;
	t->open = NONE;
	t->open_any = false;
}

static void
emit(struct tagger *t, const char *s)
{
	HPDF_Page pg = t->page[t->cur].page;
	HPDF_Stream_WriteStr(((HPDF_PageAttr)pg->attr)->stream, s);
}

void
tag_close(struct tagger *t)
{
	if (t->open_any)
		emit(t, "EMC\n");
	t->open_any = false;
	t->open = NONE;
}

/* Opens a marked-content sequence of element e on the current page. */
static void
open_mcid(struct tagger *t, size_t e)
{
	tag_close(t);
	struct tpage *tp = &t->page[t->cur];
	if (tp->nmcid == tp->mcidcap)
		tp->mcid_elem = xgrow(tp->mcid_elem, &tp->mcidcap,
		                      tp->nmcid + 1, sizeof(*tp->mcid_elem));
	size_t id = tp->nmcid++;
	tp->mcid_elem[id] = e;
	struct elem *el = &t->elem[e];
	if (el->page == NONE)
		el->page = t->cur;
	add_kid(t, e, (struct kid){KID_MCID, t->cur, id});
	char op[96];
	snprintf(op, sizeof(op), "/%s <</MCID %zu>> BDC\n", el->type, id);
	emit(t, op);
	t->open = e;
	t->open_any = true;
}

void
tag_artifact(struct tagger *t, const char *type)
{
	tag_close(t);
	char op[96];
	snprintf(op, sizeof(op), "/Artifact <</Type /%s>> BDC\n", type);
	emit(t, op);
	t->open_any = true;
}

/* The element that holds block b's content: Document, or the innermost
 * list body or quote around it. With lbl, the innermost item instead. */
static size_t
container(struct tagger *t, const struct block *b, bool lbl)
{
	size_t cur = 0;
	int last_item = -1;
	for (int k = 0; k < b->nnest; k++)
		if (b->nest[k].kind == NEST_ITEM)
			last_item = k;
	for (int k = 0; k < b->nnest; k++) {
		size_t id = b->nest[k].id;
		switch (b->nest[k].kind) {
		case NEST_LIST:
			cur = get(t, &t->nest[id], "L", cur);
			break;
		case NEST_QUOTE:
			cur = get(t, &t->nest[id], "BlockQuote", cur);
			break;
		case NEST_ITEM:
			cur = get(t, &t->nest[id], "LI", cur);
			if (lbl && k == last_item)
				return get(t, &t->lbl[id], "Lbl", cur);
			cur = get(t, &t->body[id], "LBody", cur);
			break;
		}
	}
	return cur;
}

static const char *const heading_types[] = {"H1", "H2", "H3",
                                            "H4", "H5", "H6"};

/* Block i's own element: a heading, paragraph, figure or table. */
static size_t
block_elem(struct tagger *t, size_t i)
{
	if (t->block[i] != NONE)
		return t->block[i];
	const struct block *b = &t->dl->flow.block[i];
	const char *type = "P";
	if (b->kind == BLOCK_CHART)
		type = "Figure";
	else if (b->kind == BLOCK_TABLE)
		type = "Table";
	else if (b->heading >= 1 && b->heading <= 6)
		type = heading_types[b->heading - 1];
	else if (b->caption)
		type = "Caption"; /* after its Figure, not inside: a reader
		                     given the Figure's /Alt skips its kids */
	size_t parent = container(t, b, false);
	return t->block[i] = new_elem(t, type, parent);
}

/* A table cell's TH or TD, in its row's TR. */
static size_t
cell_elem(struct tagger *t, size_t i, size_t fc)
{
	if (t->cell[fc] != NONE)
		return t->cell[fc];
	const struct block *b = &t->dl->flow.block[i];
	size_t r = (fc - b->cell0) / b->ncol;
	size_t table = block_elem(t, i);
	size_t tr = get(t, &t->row[b->cell0 + r * b->ncol], "TR", table);
	bool th = b->header && r == 0;
	size_t e = new_elem(t, th ? "TH" : "TD", tr);
	t->elem[e].scope_col = th;
	return t->cell[fc] = e;
}

/* The element text i of the layout belongs to, or NONE for an artifact. */
static size_t
text_elem(struct tagger *t, size_t i)
{
	const struct pg_text *x = &t->dl->text[i];
	if (x->block == NONE || t->repeat[i])
		return NONE;
	const struct block *b = &t->dl->flow.block[x->block];
	if (x->marker)
		return container(t, b, true);
	size_t leaf = t->text_cell[i] != NONE
	                  ? cell_elem(t, x->block, t->text_cell[i])
	                  : block_elem(t, x->block);
	if (x->link == NONE) {
		t->last_leaf = leaf;
		t->last_link = t->last_url = NONE;
		return leaf;
	}
	size_t url = t->dl->link[x->link].url;
	if (t->link[x->link] == NONE) {
		/* a link broken over lines or pages stays one Link */
		if (t->last_leaf == leaf && t->last_url == url &&
		    t->last_link != NONE)
			t->link[x->link] = t->last_link;
		else
			t->link[x->link] = new_elem(t, "Link", leaf);
	}
	t->last_leaf = leaf;
	t->last_link = t->link[x->link];
	t->last_url = url;
	return t->link[x->link];
}

void
tag_text(struct tagger *t, size_t i)
{
	size_t e = text_elem(t, i);
	if (e == NONE) {
		bool footer = t->dl->text[i].block == NONE;
		if (t->open_any && t->open == NONE)
			return; /* an artifact is open */
		tag_artifact(t, footer ? "Pagination" : "Layout");
		return;
	}
	if (e != t->open)
		open_mcid(t, e);
}

void
tag_figure(struct tagger *t, const struct pg_chart *c)
{
	size_t e = block_elem(t, c->block);
	struct elem *el = &t->elem[e];
	const struct block *b = &t->dl->flow.block[c->block];
	el->alt = b->alt;
	el->bbox[0] = c->x;
	el->bbox[1] = PAGE_HEIGHT - c->y - c->scene->height * c->scale;
	el->bbox[2] = c->x + c->scene->width * c->scale;
	el->bbox[3] = PAGE_HEIGHT - c->y;
	open_mcid(t, e);
}

void
tag_link(struct tagger *t, HPDF_Annotation a, size_t i)
{
	if (t->link[i] == NONE)
		return;
	if (t->nannot == t->annotcap)
		t->annot = xgrow(t->annot, &t->annotcap, t->nannot + 1,
		                 sizeof(*t->annot));
	t->annot[t->nannot] = (struct annot){a, t->link[i]};
	add_kid(t, t->link[i], (struct kid){KID_ANNOT, 0, t->nannot});
	t->nannot++;
}

/* Writing the tree. */

static HPDF_Dict
new_dict(struct tagger *t, bool indirect)
{
	HPDF_Dict d = HPDF_Dict_New(t->doc->mmgr);
	if (d != NULL && indirect &&
	    HPDF_Xref_Add(t->doc->xref, d) != HPDF_OK)
		return NULL;
	return d;
}

static HPDF_Array
new_array(struct tagger *t)
{
	return HPDF_Array_New(t->doc->mmgr);
}

static void
write_kids(struct tagger *t, struct elem *el)
{
	HPDF_Array k = new_array(t);
	if (k == NULL)
		return;
	for (size_t i = 0; i < el->nkid; i++) {
		const struct kid *kd = &el->kid[i];
		if (kd->kind == KID_ELEM) {
			HPDF_Array_Add(k, t->elem[kd->ref].dict);
		} else if (kd->kind == KID_MCID && kd->page == el->page) {
			HPDF_Array_AddNumber(k, (HPDF_INT32)kd->ref);
		} else if (kd->kind == KID_MCID) {
			HPDF_Dict r = new_dict(t, false);
			if (r == NULL)
				return;
			HPDF_Dict_AddName(r, "Type", "MCR");
			HPDF_Dict_Add(r, "Pg", t->page[kd->page].page);
			HPDF_Dict_AddNumber(r, "MCID", (HPDF_INT32)kd->ref);
			HPDF_Array_Add(k, r);
		} else {
			HPDF_Dict r = new_dict(t, false);
			if (r == NULL)
				return;
			HPDF_Dict_AddName(r, "Type", "OBJR");
			HPDF_Dict_Add(r, "Obj", t->annot[kd->ref].a);
			HPDF_Array_Add(k, r);
		}
	}
	HPDF_Dict_Add(el->dict, "K", k);
}

static bool
ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return false;
	return true;
}

static void
write_attrs(struct tagger *t, struct elem *el, HPDF_Encoder utf8)
{
	if (el->alt != NULL) {
		/* /Alt is what a reader hears; /T shows it in tools too.
		 * ASCII as it is, else UTF-16 (which pdfinfo prints raw). */
		HPDF_Encoder enc = ascii(el->alt) ? NULL : utf8;
		HPDF_Dict_Add(el->dict, "Alt",
		              HPDF_String_New(t->doc->mmgr, el->alt, enc));
		HPDF_Dict_Add(el->dict, "T",
		              HPDF_String_New(t->doc->mmgr, el->alt, enc));
	}
	if (strcmp(el->type, "Figure") == 0) {
		HPDF_Dict a = new_dict(t, false);
		HPDF_Array box = new_array(t);
		if (a == NULL || box == NULL)
			return;
		for (int i = 0; i < 4; i++)
			HPDF_Array_AddReal(box, (HPDF_REAL)el->bbox[i]);
		HPDF_Dict_AddName(a, "O", "Layout");
		HPDF_Dict_Add(a, "BBox", box);
		HPDF_Dict_Add(el->dict, "A", a);
	} else if (el->scope_col) {
		HPDF_Dict a = new_dict(t, false);
		if (a == NULL)
			return;
		HPDF_Dict_AddName(a, "O", "Table");
		HPDF_Dict_AddName(a, "Scope", "Column");
		HPDF_Dict_Add(el->dict, "A", a);
	}
}

/* The parent tree: page i's key i holds the elements of its ids; each
 * annotation's key, after the pages', its Link. */
static HPDF_Dict
parent_tree(struct tagger *t)
{
	HPDF_Dict tree = new_dict(t, true);
	HPDF_Array nums = new_array(t);
	if (tree == NULL || nums == NULL)
		return NULL;
	for (size_t i = 0; i < t->npage; i++) {
		const struct tpage *tp = &t->page[i];
		HPDF_Array a = new_array(t);
		if (a == NULL)
			return NULL;
		for (size_t m = 0; m < tp->nmcid; m++)
			HPDF_Array_Add(a, t->elem[tp->mcid_elem[m]].dict);
		HPDF_Dict_AddNumber(tp->page, "StructParents", (HPDF_INT32)i);
		HPDF_Array_AddNumber(nums, (HPDF_INT32)i);
		HPDF_Array_Add(nums, a);
	}
	for (size_t i = 0; i < t->nannot; i++) {
		HPDF_INT32 key = (HPDF_INT32)(t->npage + i);
		HPDF_Dict_AddNumber(t->annot[i].a, "StructParent", key);
		HPDF_Array_AddNumber(nums, key);
		HPDF_Array_Add(nums, t->elem[t->annot[i].elem].dict);
	}
	HPDF_Dict_Add(tree, "Nums", nums);
	return tree;
}

int
tag_finish(struct tagger *t)
{
	HPDF_Doc doc = t->doc;
	HPDF_Encoder utf8 = HPDF_GetEncoder(doc, "UTF-8");
	HPDF_Dict root = new_dict(t, true);
	if (root == NULL)
		return -1;
	for (size_t i = 0; i < t->nelem; i++)
		if ((t->elem[i].dict = new_dict(t, true)) == NULL)
			return -1;
	for (size_t i = 0; i < t->nelem; i++) {
		struct elem *el = &t->elem[i];
		HPDF_Dict_AddName(el->dict, "Type", "StructElem");
		HPDF_Dict_AddName(el->dict, "S", el->type);
		HPDF_Dict_Add(el->dict, "P",
		              el->parent == NONE ? root
		                                 : t->elem[el->parent].dict);
		if (el->page != NONE)
			HPDF_Dict_Add(el->dict, "Pg", t->page[el->page].page);
		write_attrs(t, el, utf8);
		write_kids(t, el);
	}
	HPDF_Dict tree = parent_tree(t);
	if (tree == NULL)
		return -1;
	HPDF_Dict_AddName(root, "Type", "StructTreeRoot");
	HPDF_Dict_Add(root, "K", t->elem[0].dict);
	HPDF_Dict_Add(root, "ParentTree", tree);
	HPDF_Dict_AddNumber(root, "ParentTreeNextKey",
	                    (HPDF_INT32)(t->npage + t->nannot));
	HPDF_Dict_Add(doc->catalog, "StructTreeRoot", root);
	HPDF_Dict mark = new_dict(t, false);
	if (mark == NULL)
		return -1;
	HPDF_Dict_Add(mark, "Marked", HPDF_Boolean_New(doc->mmgr, HPDF_TRUE));
	HPDF_Dict_Add(doc->catalog, "MarkInfo", mark);
	return HPDF_GetError(doc) == HPDF_OK ? 0 : -1;
}
