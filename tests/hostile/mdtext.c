/* Prints the text that a Markdown file shows, one literal a line: the
 * text, code spans and code blocks of its cmark tree, without raw HTML
 * (which the letter drops) or link destinations. tests/hostile/suites.mjs
 * checks that the words of each CommonMark example reach the PDF.
 *
 *   mdtext FILE */
#include <cmark.h>
#include <stdio.h>
#include <stdlib.h>

int
main(int argc, char **argv)
{
	if (argc != 2) {
		fputs("usage: mdtext FILE\n", stderr);
		return 2;
	}
	FILE *f = fopen(argv[1], "rb");
	if (f == NULL) {
		perror(argv[1]);
		return 1;
	}
	cmark_node *doc = cmark_parse_file(f, CMARK_OPT_VALIDATE_UTF8);
	fclose(f);
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);
		if (ev == CMARK_EVENT_ENTER &&
		    (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE ||
		     t == CMARK_NODE_CODE_BLOCK))
			printf("%s\n", cmark_node_get_literal(n));
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
	return 0;
}
