/* test_validate.c - cross-reference resolution and the semantic rules. */
#include "helpers.h"
#include "date.h"

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

static struct bc_node *first_of(struct bc_node *root, enum bc_kind k)
{
	for (struct bc_node *n = root; n; n = bc_node_walk(root, n, false))
		if (n->kind == k)
			return n;
	return NULL;
}

static void refs_resolve_to_their_targets(void **state)
{
	struct capture c;
	capture_open(&c);
	struct bc_node *root = paper(
	    *state, &c,
	    "<section title=\"A\" id=\"a\"><p>See <ref to=\"tab\"/>.</p>"
	    "<table id=\"tab\"><caption>Money</caption><tbody><tr><td>1</td></tr></tbody></table>"
	    "</section>");
	assert_non_null(root);
	assert_int_equal(c.d.errors, 0);
	struct bc_node *ref = first_of(root, BC_REF);
	assert_ptr_equal(ref->target, by_id(root, "tab"));
	assert_string_equal(ref->target->label, "Table 1");
	bc_node_free(root);
	capture_close(&c);
}

static void unknown_ref_is_an_error_with_a_hint(void **state)
{
	struct capture c;
	capture_open(&c);
	struct bc_node *root =
	    paper(*state, &c,
		  "<section title=\"A\" id=\"options\">\n"
		  "<p>See <ref to=\"optoins\"/> and <ref to=\"zzz\"/>.</p></section>");
	assert_non_null(root);
	assert_int_equal(c.d.errors, 2);
	const char *out = capture_text(&c);
	assert_non_null(strstr(out, "t.xml:4:8: error: <ref> points at unknown id 'optoins'"));
	assert_non_null(strstr(out, "did you mean 'options'?"));
	assert_non_null(strstr(out, "unknown id 'zzz'"));
	bc_node_free(root);
	capture_close(&c);
}

static void unnumbered_target_needs_link_text(void **state)
{
	struct capture c;
	capture_open(&c);
	struct bc_node *root =
	    paper(*state, &c,
		  "<section title=\"A\"><p numbered=\"no\" id=\"lead\">x</p>"
		  "<p><ref to=\"lead\"/></p><p><ref to=\"lead\">the lead-in</ref></p></section>");
	assert_non_null(root);
	assert_int_equal(c.d.errors, 1);
	assert_non_null(strstr(capture_text(&c), "needs link text"));
	bc_node_free(root);
	capture_close(&c);
}

static void duplicate_ids_name_both_places(void **state)
{
	struct capture c;
	capture_open(&c);
	struct bc_node *root =
	    paper(*state, &c, "<section title=\"A\" id=\"x\">\n<p id=\"x\">y</p></section>");
	assert_non_null(root);
	assert_int_equal(c.d.errors, 1);
	const char *out = capture_text(&c);
	assert_non_null(strstr(out, "t.xml:4:1: error: duplicate id 'x'"));
	assert_non_null(strstr(out, "t.xml:3:1: note: 'x' was first used here"));
	bc_node_free(root);
	capture_close(&c);
}

static void empty_recommendation_and_bad_values(void **state)
{
	struct capture c;
	capture_open(&c);
	const char *src =
	    "<paper xmlns=\"urn:x-boardc:paper:1\">\n"
	    "<front><committee>C</committee><meeting date=\"2010-02-30\" time=\"25:00\"/>"
	    "<title>T</title><exempt paragraph=\"9\"/></front>\n"
	    "<recommendations><recommendation>  </recommendation></recommendations>\n"
	    "<section title=\"S\"><p><a href=\"javascript:alert(1)\">x</a></p></section></paper>";
	struct bc_node *root = bc_parse_memory(*state, src, strlen(src), NULL, &c.d);
	assert_non_null(root);
	bc_number(root);
	assert_int_equal(bc_validate(root, &c.d), 5);
	const char *out = capture_text(&c);
	assert_non_null(strstr(out, "'2010-02-30' is not a real date"));
	assert_non_null(strstr(out, "'25:00' is not a 24-hour time"));
	assert_non_null(strstr(out, "exempt paragraph '9'"));
	assert_non_null(strstr(out, "t.xml:3:18: error: <recommendation> must have text"));
	assert_non_null(strstr(out, "javascript:alert(1)"));
	bc_node_free(root);
	capture_close(&c);
}

static void widths_and_paths(void **state)
{
	struct capture c;
	capture_open(&c);
	struct bc_node *root =
	    paper(*state, &c,
		  "<section title=\"A\">"
		  "<table><col width=\"2*\"/><col width=\"30%\"/><col width=\"wide\"/>"
		  "<tbody><tr><td>1</td></tr></tbody></table>"
		  "<table><col width=\"1*\"/><col width=\"2.5*\"/>"
		  "<tbody><tr><td>1</td></tr></tbody></table>"
		  "<figure><caption>c</caption><alt>a</alt><image src=\"a/../../x.png\" "
		  "width=\"200px\"/></figure>"
		  "<figure><caption>c</caption><alt>a</alt><image src=\"v1..2.png\" "
		  "width=\"50%\"/></figure>"
		  "</section>");
	assert_non_null(root);
	const char *out = capture_text(&c);
	assert_non_null(strstr(out, "mix shares"));
	assert_non_null(strstr(out, "'wide' is neither"));
	assert_non_null(strstr(out, "image width '200px'"));
	assert_non_null(strstr(out, "'a/../../x.png' must be a relative path"));
	assert_null(strstr(out, "v1..2.png"));
	assert_int_equal(c.d.errors, 4);
	bc_node_free(root);
	capture_close(&c);
}

static void dates(void **state)
{
	(void)state;
	struct bc_date d;
	assert_true(bc_date_parse("2012-02-29", &d));
	assert_false(bc_date_parse("2013-02-29", &d));
	assert_false(bc_date_parse("2013-13-01", &d));
	assert_false(bc_date_parse("6 July 2010", &d));
	assert_true(bc_date_parse("2010-07-06", &d));
	char buf[64];
	bc_date_format(&d, buf, sizeof buf);
	assert_string_equal(buf, "Tuesday 6 July 2010");
	bc_time_format("19:00", buf, sizeof buf);
	assert_string_equal(buf, "7.00 pm");
	bc_time_format("09:30", buf, sizeof buf);
	assert_string_equal(buf, "9.30 am");
	assert_false(bc_time_valid("9:30"));
}

/* colspan and <ol start> have bounds the schema does not state: over them
 * is an error at the element, with a hint, never silently ignored. */
static void colspan_and_list_start_bounds(void **state)
{
	struct capture c;
	capture_open(&c);
	struct bc_node *root =
	    paper(*state, &c,
		  "<section title=\"S\">\n"
		  "<table><tbody><tr><td colspan=\"256\">a</td>"
		  "<td colspan=\"257\">b</td>"
		  "<th colspan=\"99999999999999999999\">c</th></tr></tbody></table>\n"
		  "<ol start=\"99999\"><li>x</li></ol><ol start=\"100000\"><li>y</li></ol>\n"
		  "</section>\n");
	const char *out = capture_text(&c);
	assert_non_null(strstr(out, "t.xml:4:43: error: colspan=\"257\" on <td> is more than 256\n"
				    "  hint: a cell spans at most 256 columns"));
	assert_non_null(strstr(out, "t.xml:4:67: error: colspan=\"99999999999999999999\" on <th> "
				    "is more than 256\n  hint: "));
	assert_non_null(strstr(out, "t.xml:5:34: error: start=\"100000\" on <ol> is more than "
				    "99999\n  hint: a numbered list starts at 1 to 99999"));
	assert_int_equal(c.d.errors, 3);
	bc_node_free(root);
	capture_close(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(refs_resolve_to_their_targets),
	    cmocka_unit_test(unknown_ref_is_an_error_with_a_hint),
	    cmocka_unit_test(unnumbered_target_needs_link_text),
	    cmocka_unit_test(duplicate_ids_name_both_places),
	    cmocka_unit_test(empty_recommendation_and_bad_values),
	    cmocka_unit_test(widths_and_paths),
	    cmocka_unit_test(dates),
	    cmocka_unit_test(colspan_and_list_start_bounds),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
