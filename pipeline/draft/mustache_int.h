/* What the Mustache compiler (mustache_parse.c) hands to the renderer
 * (mustache.c): a template is one flat array of ops. An op with a body
 * (section, inverted section, parent, block) is followed by its body ops,
 * and its `end` is the index just past them, so the tree needs no pointers
 * and is freed with one free(). Private to the draft stage. */
#ifndef JTAI_DRAFT_MUSTACHE_INT_H
#define JTAI_DRAFT_MUSTACHE_INT_H

#include <stdbool.h>
#include <stddef.h>

enum tmpl_op_kind {
	OP_TEXT,     /* literal text, at most one source line */
	OP_VAR,      /* {{name}}: escaped */
	OP_RAW,      /* {{{name}}} and {{&name}}: not escaped */
	OP_SECTION,  /* {{#name}} ... {{/name}} */
	OP_INVERTED, /* {{^name}} ... {{/name}} */
	OP_PARTIAL,  /* {{>name}} */
	OP_PARENT,   /* {{<name}} ... {{/name}}: body holds the argument blocks */
	OP_BLOCK,    /* {{$name}} ... {{/name}}: body is the default content */
};

struct tmpl_op {
	enum tmpl_op_kind kind;
	/* Starts a source line: the current indentation goes before it. */
	bool bol;
	/* The tag stood alone on its line, which compiled to nothing. */
	bool alone;
	/* PARTIAL, PARENT: the name is a dotted name whose value names the
	 * partial ({{>*name}}). */
	bool dynamic;
	/* PARTIAL, PARENT: the tag stands alone on its line, so `ind` indents
	 * every line of the expansion. BLOCK: see `lead`. */
	bool standalone;
	/* BLOCK, standalone: true when `ind` is the whitespace that stood
	 * before the tag (the tag did not end its line), which the default
	 * content prints as text; false when `ind` is the block's intrinsic
	 * indentation, already removed from each line of the body. */
	bool lead;
	int line, col;       /* 1-based position of the tag or text */
	const char *s;       /* TEXT: the text; tags: the name */
	size_t n;            /* its length in bytes */
	const char *ind;     /* PARTIAL, PARENT, BLOCK: indentation */
	size_t nind;
	size_t end;          /* ops with a body: index just past the body */
};

struct tmpl {
	char *path;          /* for messages */
	char *src;           /* a copy of the source: ops point into it */
	size_t len;
	struct tmpl_op *ops;
	size_t nops, cap;
	size_t max_output, max_steps; /* 0: the defaults (tmpl_set_budget) */
};

/* True for the kinds of op followed by a body. */
static inline bool
tmpl_op_has_body(const struct tmpl_op *op)
{
	return op->kind == OP_SECTION || op->kind == OP_INVERTED ||
	       op->kind == OP_PARENT || op->kind == OP_BLOCK;
}

#endif
