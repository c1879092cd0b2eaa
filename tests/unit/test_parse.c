/* test_parse.c - XML to model: structure, implicit paragraphs, positions,
 * and the refusals that keep untrusted input safe. */
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

static void builds_tree_with_positions(void **state)
{
	struct capture c;
	capture_open(&c);
	struct bc_node *root = paper(*state, &c,
				     "<section title=\"One\" id=\"s1\">\n"
				     "  <p id=\"p1\">Hello <em>there</em>.</p>\n"
				     "</section>\n");
	assert_non_null(root);
	assert_true(bc_node_check(root));
	assert_int_equal(root->kind, BC_PAPER);
	struct bc_node *p = by_id(root, "p1");
	assert_non_null(p);
	assert_int_equal(p->kind, BC_P);
	assert_int_equal(p->line, 4);
	assert_int_equal(p->col, 3);
	assert_int_equal(p->first->kind, BC_TEXT);
	assert_string_equal(p->first->text, "Hello ");
	assert_int_equal(p->first->next->kind, BC_EM);
	/* Whitespace between blocks is not kept as text. */
	struct bc_node *s = by_id(root, "s1");
	assert_ptr_equal(s->first, p);
	assert_ptr_equal(s->last, p);
	assert_int_equal(c.d.errors, 0);
	bc_node_free(root);
	capture_close(&c);
}

static void wraps_loose_inline_in_list_items(void **state)
{
	struct capture c;
	capture_open(&c);
	struct bc_node *root = paper(*state, &c,
				     "<section title=\"One\"><ul><li id=\"li\">a <strong>b</strong>"
				     "<ul><li>c</li></ul> d</li></ul></section>");
	assert_non_null(root);
	struct bc_node *li = by_id(root, "li");
	assert_int_equal(li->first->kind, BC_P);
	assert_true(li->first->implicit);
	assert_int_equal(li->first->next->kind, BC_UL);
	assert_int_equal(li->last->kind, BC_P);
	char *t = bc_node_text(li->last);
	assert_string_equal(t, "d");
	free(t);
	bc_node_free(root);
	capture_close(&c);
}

static void reports_every_schema_error_with_lines(void **state)
{
	struct capture c;
	capture_open(&c);
	struct bc_node *root = paper(*state, &c,
				     "<section title=\"One\">\n"
				     "  <bogus/>\n"
				     "</section>\n");
	assert_null(root);
	const char *out = capture_text(&c);
	assert_non_null(strstr(out, "t.xml:4:3: error: "));
	assert_non_null(strstr(out, "bogus"));
	assert_true(c.d.errors >= 1);
	capture_close(&c);
}

/* The schema leaves the counts of <front> and <agenda> children to boardc
 * (occurs.c): missing and repeated ones are errors at their lines. */
static void checks_front_and_agenda_counts(void **state)
{
	struct capture c;
	capture_open(&c);
	const char *dup = "<paper xmlns=\"urn:x-boardc:paper:1\">\n"
			  "<front>\n"
			  "  <title>A</title><committee>C</committee>\n"
			  "  <meeting date=\"2010-07-06\"/><title>B</title>\n"
			  "  <author><name>X</name></author><author><name>Y</name></author>\n"
			  "</front>\n"
			  "</paper>\n";
	assert_null(bc_parse_memory(*state, dup, strlen(dup), NULL, &c.d));
	const char *out = capture_text(&c);
	assert_non_null(strstr(out, "t.xml:4:31: error: <front> may have only one <title>\n"
				    "  hint: a second line of the title goes in <subtitle>\n"));
	assert_non_null(strstr(out, "t.xml:3:3: note: the first <title> is here\n"));
	assert_null(strstr(out, "<author>")); /* authors may repeat */
	assert_int_equal(c.d.errors, 1);
	capture_close(&c);

	capture_open(&c);
	const char *missing = "<paper xmlns=\"urn:x-boardc:paper:1\">\n"
			      "  <front><title>T</title></front>\n"
			      "</paper>\n";
	assert_null(bc_parse_memory(*state, missing, strlen(missing), NULL, &c.d));
	out = capture_text(&c);
	assert_non_null(strstr(out, "t.xml:2:3: error: <front> has no <committee>\n  hint: "));
	assert_non_null(strstr(out, "t.xml:2:3: error: <front> has no <meeting>\n  hint: "));
	assert_int_equal(c.d.errors, 2);
	capture_close(&c);

	capture_open(&c);
	const char *agenda = "<agenda xmlns=\"urn:x-boardc:paper:1\">\n"
			     "<committee>C</committee><meeting date=\"2010-07-06\"/>\n"
			     "<members><member>A</member></members>\n"
			     "<members><member>B</member></members>\n"
			     "<agenda-item number=\"1\" title=\"T\"/>\n"
			     "</agenda>\n";
	assert_null(bc_parse_memory(*state, agenda, strlen(agenda), NULL, &c.d));
	out = capture_text(&c);
	assert_non_null(strstr(out, "t.xml:4:1: error: <agenda> may have only one <members>\n"));
	assert_non_null(strstr(out, "t.xml:3:1: note: the first <members> is here\n"));
	capture_close(&c);
}

static void malformed_xml_has_line_and_column(void **state)
{
	struct capture c;
	capture_open(&c);
	const char *src = "<paper xmlns=\"urn:x-boardc:paper:1\">\n  <front>\n</paper>\n";
	assert_null(bc_parse_memory(*state, src, strlen(src), NULL, &c.d));
	assert_non_null(strstr(capture_text(&c), "t.xml:3:"));
	capture_close(&c);
}

static void refuses_doctype_and_entities(void **state)
{
	struct capture c;
	capture_open(&c);
	const char *src = "<?xml version=\"1.0\"?>\n"
			  "<!DOCTYPE paper [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
			  "<paper xmlns=\"urn:x-boardc:paper:1\">&x;</paper>\n";
	assert_null(bc_parse_memory(*state, src, strlen(src), NULL, &c.d));
	assert_non_null(strstr(capture_text(&c), "DOCTYPE"));
	assert_null(strstr(capture_text(&c), "root:"));
	capture_close(&c);
}

static void refuses_gzip_empty_and_wrong_namespace(void **state)
{
	struct capture c;
	capture_open(&c);
	const char gz[] = {0x1f, (char)0x8b, 8, 0, 0, 0};
	assert_null(bc_parse_memory(*state, gz, sizeof gz, NULL, &c.d));
	assert_non_null(strstr(capture_text(&c), "gzip"));
	assert_null(bc_parse_memory(*state, "", 0, NULL, &c.d));
	assert_non_null(strstr(capture_text(&c), "empty"));
	const char *nons = "<paper><front/></paper>";
	assert_null(bc_parse_memory(*state, nons, strlen(nons), NULL, &c.d));
	assert_non_null(strstr(capture_text(&c), "xmlns"));
	capture_close(&c);
}

static void enforces_text_limit(void **state)
{
	struct capture c;
	capture_open(&c);
	struct bc_limits lim = {1u << 20, 10};
	const char *src = PAPER_HEAD "<section title=\"S\"><p>0123456789ABC</p></section></paper>";
	assert_null(bc_parse_memory(*state, src, strlen(src), &lim, &c.d));
	assert_non_null(strstr(capture_text(&c), "limit is 10"));
	capture_close(&c);
}

static void locator_counts_characters(void **state)
{
	(void)state;
	const char *src = "<a>\n\xc3\xa9\xc3\xa9<b/><b/>\n";
	struct bc_xml_locator loc = {.bytes = src, .len = strlen(src)};
	assert_int_equal(bc_xml_locate(&loc, 2, "b"), 3);
	assert_int_equal(bc_xml_locate(&loc, 2, "b"), 7);
	assert_int_equal(bc_xml_locate(&loc, 2, "b"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(builds_tree_with_positions),
	    cmocka_unit_test(wraps_loose_inline_in_list_items),
	    cmocka_unit_test(reports_every_schema_error_with_lines),
	    cmocka_unit_test(checks_front_and_agenda_counts),
	    cmocka_unit_test(malformed_xml_has_line_and_column),
	    cmocka_unit_test(refuses_doctype_and_entities),
	    cmocka_unit_test(refuses_gzip_empty_and_wrong_namespace),
	    cmocka_unit_test(enforces_text_limit),
	    cmocka_unit_test(locator_counts_characters),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
