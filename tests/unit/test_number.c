/* test_number.c - paragraph, section, table, figure, option, appendix and
 * footnote numbering, and the labels cross-references show. */
#include "helpers.h"

static int setup(void **state)
{
	*state = bc_xml_new();
	return 0;
}

static int teardown(void **state)
{
	bc_xml_free(*state);
	return 0;
}

#define ASSERT_NUM(root, id, num, lbl)                                                             \
	do {                                                                                       \
		struct bc_node *n_ = by_id(root, id);                                              \
		assert_non_null(n_);                                                               \
		if (num)                                                                           \
			assert_string_equal(n_->number, num);                                      \
		else                                                                               \
			assert_null(n_->number);                                                   \
		if (lbl)                                                                           \
			assert_string_equal(n_->label, lbl);                                       \
	} while (0)

static void hierarchical(void **state)
{
	struct capture c;
	capture_open(&c);
	struct bc_node *root = paper(
	    *state, &c,
	    "<recommendations numbered=\"no\"><recommendation id=\"r1\">Agree.</recommendation>"
	    "<recommendation id=\"r2\">Note.</recommendation></recommendations>"
	    "<section title=\"A\" id=\"s1\"><p id=\"p11\">x</p><p id=\"p12\">x</p>"
	    "<p numbered=\"no\" id=\"pn\">lead-in</p>"
	    "<section title=\"Sub\" id=\"s13\"><p id=\"p131\">x</p></section>"
	    "<p id=\"p14\">x</p>"
	    "<section title=\"Quiet\" numbered=\"no\" id=\"q\"><p id=\"p15\">x</p></section>"
	    "</section>"
	    "<section title=\"B\" id=\"s2\"><p id=\"p21\">x</p></section>"
	    "<section title=\"Front\" numbered=\"no\" id=\"top\"><p id=\"pt\">x</p></section>");
	assert_non_null(root);
	ASSERT_NUM(root, "r1", "1", "recommendation 1");
	ASSERT_NUM(root, "r2", "2", "recommendation 2");
	ASSERT_NUM(root, "s1", "1", "section 1");
	ASSERT_NUM(root, "p11", "1.1", "paragraph 1.1");
	ASSERT_NUM(root, "p12", "1.2", "paragraph 1.2");
	ASSERT_NUM(root, "pn", NULL, NULL);
	ASSERT_NUM(root, "s13", "1.3", "section 1.3");
	ASSERT_NUM(root, "p131", "1.3.1", "paragraph 1.3.1");
	ASSERT_NUM(root, "p14", "1.4", "paragraph 1.4");
	/* An unnumbered subsection continues its parent's counter. */
	ASSERT_NUM(root, "q", NULL, NULL);
	ASSERT_NUM(root, "p15", "1.5", "paragraph 1.5");
	ASSERT_NUM(root, "s2", "2", "section 2");
	ASSERT_NUM(root, "p21", "2.1", NULL);
	/* At top level an unnumbered section's paragraphs are unnumbered. */
	ASSERT_NUM(root, "pt", NULL, NULL);
	assert_int_equal(by_id(root, "s13")->depth, 2);
	bc_node_free(root);
	capture_close(&c);
}

static void flat(void **state)
{
	struct capture c;
	capture_open(&c);
	const char *src =
	    "<paper xmlns=\"urn:x-boardc:paper:1\" numbering=\"flat\">"
	    "<front><committee>Executive</committee><meeting "
	    "date=\"2009-04-27\"/><title>T</title></front>"
	    "<recommendations><recommendation id=\"r1\">Note.</recommendation></recommendations>"
	    "<section title=\"Overview\" id=\"o\"><p id=\"a\">x</p><p id=\"b\">x</p></section>"
	    "<section title=\"Next\"><p id=\"c\">x</p></section></paper>";
	struct bc_node *root = bc_parse_memory(*state, src, strlen(src), NULL, &c.d);
	assert_non_null(root);
	bc_number(root);
	ASSERT_NUM(root, "r1", "1", "recommendation 1");
	ASSERT_NUM(root, "o", NULL, NULL);
	ASSERT_NUM(root, "a", "1", "paragraph 1");
	ASSERT_NUM(root, "b", "2", "paragraph 2");
	ASSERT_NUM(root, "c", "3", "paragraph 3");
	bc_node_free(root);
	capture_close(&c);
}

static void options_tables_figures_appendices(void **state)
{
	struct capture c;
	capture_open(&c);
	const char *src = "<paper xmlns=\"urn:x-boardc:paper:1\" appendix-name=\"Annex\" "
			  "appendix-numbering=\"letter\">"
			  "<front><committee>Board</committee><meeting "
			  "date=\"2012-07-26\"/><title>T</title></front>"
			  "<options title=\"Options\" id=\"opts\"><p id=\"o0\">intro</p>"
			  "<option name=\"Do nothing\" id=\"opt1\"><p id=\"o1\">x</p></option>"
			  "<option name=\"Integrate\" id=\"opt2\" recommended=\"yes\"><p "
			  "id=\"o2\">x<fn>n</fn></p></option>"
			  "</options>"
			  "<section title=\"S\"><table "
			  "id=\"t1\"><caption>C</caption><tbody><tr><td>1</td></tr></tbody></table>"
			  "<table id=\"t0\"><tbody><tr><td>1</td></tr></tbody></table>"
			  "<figure id=\"g1\"><caption>F</caption><alt>A</alt></figure>"
			  "<p>y<fn>m</fn></p></section>"
			  "<appendix title=\"Plan\" id=\"ax\"><p id=\"ap\">x</p><section "
			  "title=\"One\" id=\"as\"><p id=\"asp\">x</p></section></appendix>"
			  "<appendix title=\"More\" id=\"ay\"/>"
			  "</paper>";
	struct bc_node *root = bc_parse_memory(*state, src, strlen(src), NULL, &c.d);
	assert_non_null(root);
	bc_number(root);
	ASSERT_NUM(root, "opts", "1", "section 1");
	ASSERT_NUM(root, "o0", "1.1", NULL);
	ASSERT_NUM(root, "opt1", "1", "Option 1");
	ASSERT_NUM(root, "o1", "1.2", NULL);
	ASSERT_NUM(root, "opt2", "2", "Option 2");
	ASSERT_NUM(root, "o2", "1.3", NULL);
	ASSERT_NUM(root, "t1", "1", "Table 1");
	ASSERT_NUM(root, "t0", NULL, NULL);
	ASSERT_NUM(root, "g1", "1", "Figure 1");
	int fns = 0;
	for (struct bc_node *n = root; n; n = bc_node_walk(root, n, false))
		if (n->kind == BC_FN)
			assert_int_equal(n->seq, ++fns);
	assert_int_equal(fns, 2);
	ASSERT_NUM(root, "ax", "A", "Annex A");
	ASSERT_NUM(root, "ay", "B", "Annex B");
	ASSERT_NUM(root, "ap", NULL, NULL);
	ASSERT_NUM(root, "as", "1", "section 1 of Annex A");
	ASSERT_NUM(root, "asp", "1.1", "paragraph 1.1 of Annex A");
	/* Numbering twice gives the same result. */
	bc_number(root);
	ASSERT_NUM(root, "asp", "1.1", "paragraph 1.1 of Annex A");
	bc_node_free(root);
	capture_close(&c);
}

static void list_number_formats(void **state)
{
	(void)state;
	const struct {
		int n;
		const char *style, *want;
	} cases[] = {
	    {1, "letter", "a"},	      {26, "letter", "z"}, {27, "letter", "aa"},
	    {3, "upper-letter", "C"}, {4, "roman", "iv"},  {1994, "roman", "mcmxciv"},
	    {12, "number", "12"},     {7, NULL, "7"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *s = bc_number_format(cases[i].n, cases[i].style);
		assert_string_equal(s, cases[i].want);
		free(s);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(hierarchical),
	    cmocka_unit_test(flat),
	    cmocka_unit_test(options_tables_figures_appendices),
	    cmocka_unit_test(list_number_formats),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
