/* render/tag.c: the structure tree of a tagged PDF. Each test renders a
 * letter and reads the tree back with poppler's `pdfinfo -struct-text`,
 * which prints every element in tree order with the text of its marked
 * content; so these tests check what a reader of the tags gets, not the
 * bytes that make it. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart/scene.h"
#include "core/buf.h"
#include "core/file.h"
#include "testutil.h"

static struct test_render fx;

static void
setup(void)
{
	test_render_init(&fx);
	struct scene *chart = test_render_chart(&fx, "bars", 400, 200);
	struct rgb black = {0, 0, 0};
	scene_rect(chart, 100, 20, 200, 40, black);
	scene_text(chart, 90, 45, "Health", 10, false, ANCHOR_END, black);
}

static void
teardown(void)
{
	test_render_release(&fx);
}

TestSuite(tag, .init = setup, .fini = teardown);

/* The tree of md's PDF as pdfinfo prints it, without the "(block)" and
 * "(inline)" notes and the object numbers of annotations ("Object" is
 * left); a malloc'd string. */
static char *
struct_text(const char *md)
{
	struct buf pdf;
	test_render_pdf(&fx, "letter.md", md, &pdf);
	char path[4096];
	snprintf(path, sizeof(path), "%s/letter.pdf", test_tmpdir());
	cr_assert_eq(file_write_atomic(path, pdf.data, pdf.len, &fx.sink), 0);
	buf_release(&pdf);
	char cmd[4200];
	snprintf(cmd, sizeof(cmd), "pdfinfo -struct-text '%s' 2>/dev/null",
	         path);
	FILE *f = popen(cmd, "r");
	cr_assert_not_null(f);
	struct buf out;
	buf_init(&out);
	char line[4096];
	while (fgets(line, sizeof(line), f)) {
		char *note;
		while ((note = strstr(line, " (block)")) ||
		       (note = strstr(line, " (inline)")))
			memmove(note, strchr(note, ')') + 1,
			        strlen(strchr(note, ')') + 1) + 1);
		char *obj = strstr(line, "Object ");
		if (obj != NULL) /* an annotation: its number varies */
			strcpy(obj, "Object\n");
		buf_append(&out, line, strlen(line));
	}
	cr_assert_eq(pclose(f), 0, "pdfinfo failed");
	return buf_detach(&out);
}

Test(tag, headings_paragraphs_and_a_link_in_reading_order)
{
	char *s = struct_text("# Letter\n\nSee [the report](https://example.org) "
	                      "now.\n\n## Next\n\nLast.\n");
	cr_assert_str_eq(s, "Document\n"
	                    "  H1\n"
	                    "    \"Letter\"\n"
	                    "  P\n"
	                    "    \"See \"\n"
	                    "    Link\n"
	                    "      \"the report\"\n"
	                    "      Object\n"
	                    "    \" now.\"\n"
	                    "  H2\n"
	                    "    \"Next\"\n"
	                    "  P\n"
	                    "    \"Last.\"\n");
	free(s);
}

Test(tag, nested_lists_have_labels_and_bodies)
{
	char *s = struct_text("- one\n- two\n  1. inner\n");
	cr_assert_str_eq(s, "Document\n"
	                    "  L\n"
	                    "    LI\n"
	                    "      Lbl\n"
	                    "        \"\xE2\x80\xA2\"\n"
	                    "      LBody\n"
	                    "        P\n"
	                    "          \"one\"\n"
	                    "    LI\n"
	                    "      Lbl\n"
	                    "        \"\xE2\x80\xA2\"\n"
	                    "      LBody\n"
	                    "        P\n"
	                    "          \"two\"\n"
	                    "        L\n"
	                    "          LI\n"
	                    "            Lbl\n"
	                    "              \"1.\"\n"
	                    "            LBody\n"
	                    "              P\n"
	                    "                \"inner\"\n");
	free(s);
}

Test(tag, table_has_header_cells_with_scope)
{
	char *s = struct_text("```table\n| Agency | Strengths |\n|---|---|\n"
	                      "| Health | 3 |\n```\n");
	cr_assert_str_eq(s, "Document\n"
	                    "  Table\n"
	                    "    TR\n"
	                    "      TH:\n"
	                    "         /Scope /Column\n"
	                    "        \"Agency\"\n"
	                    "      TH:\n"
	                    "         /Scope /Column\n"
	                    "        \"Strengths\"\n"
	                    "    TR\n"
	                    "      TD\n"
	                    "        \"Health\"\n"
	                    "      TD\n"
	                    "        \"3\"\n");
	free(s);
}

Test(tag, figure_has_alt_text_and_quote_is_a_blockquote)
{
	char *s = struct_text("![Findings by agency](chart:bars)\n\n"
	                      "> Quoted.\n");
	cr_assert(strstr(s, "  Figure \"Findings by agency\":\n") != NULL, "%s",
	          s);
	cr_assert(strstr(s, "/BBox [") != NULL, "%s", s);
	cr_assert(strstr(s, "  BlockQuote\n    P\n      \"Quoted.\"\n") !=
	              NULL,
	          "%s", s);
	free(s);
}

Test(tag, paragraph_over_two_pages_is_one_element)
{
	struct buf md;
	buf_init(&md);
	for (int i = 0; i < 60; i++)
		buf_printf(&md, "Line %d of a long paragraph.  \n", i);
	buf_printf(&md, "End.\n");
	char *s = struct_text(buf_cstr(&md));
	buf_release(&md);
	/* one P, whatever the page break; the footers are not in the tree */
	cr_assert_eq(strncmp(s, "Document\n  P\n", 13), 0, "%s", s);
	cr_assert_null(strstr(s + 13, "  P\n"), "%s", s);
	cr_assert_null(strstr(s, "Page 1 of"), "%s", s);
	cr_assert(strstr(s, "Line 59 of a long paragraph.") != NULL);
	free(s);
}
