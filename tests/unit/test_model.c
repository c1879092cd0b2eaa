/* test_model.c - node tree, attributes, text collapsing, invariants. */
#include "helpers.h"

static void tree_links_and_free(void **state)
{
	(void)state;
	struct bc_node *p = bc_node_new(BC_P, 3, 5);
	struct bc_node *t = bc_node_new(BC_TEXT, 3, 8);
	t->text = strdup("  Hello\n   there ");
	struct bc_node *em = bc_node_new(BC_EM, 3, 20);
	struct bc_node *t2 = bc_node_new(BC_TEXT, 3, 24);
	t2->text = strdup("world  ");
	bc_node_append(em, t2);
	bc_node_append(p, t);
	bc_node_append(p, em);
	assert_ptr_equal(p->first, t);
	assert_ptr_equal(p->last, em);
	assert_ptr_equal(em->prev, t);
	assert_true(bc_node_check(p));
	char *s = bc_node_text(p);
	assert_string_equal(s, "Hello there world");
	free(s);
	/* Breaking a link is caught by the invariant checker. */
	em->prev = NULL;
	assert_false(bc_node_check(p));
	em->prev = t;
	bc_node_free(p);
	bc_node_free(NULL);
}

static void attributes(void **state)
{
	(void)state;
	struct bc_node *n = bc_node_new(BC_SECTION, 1, 1);
	assert_null(bc_node_attr(n, "title"));
	bc_node_set_attr(n, "title", "Background");
	bc_node_set_attr(n, "id", "bg");
	bc_node_set_attr(n, "title", "Context");
	assert_string_equal(bc_node_attr(n, "title"), "Context");
	assert_true(bc_node_attr_is(n, "id", "bg"));
	assert_false(bc_node_attr_is(n, "id", "b"));
	assert_int_equal(n->nattrs, 2);
	bc_node_free(n);
}

static void kinds_and_titles(void **state)
{
	(void)state;
	enum bc_kind k;
	assert_true(bc_kind_from_name("background-papers", &k));
	assert_int_equal(k, BC_BACKGROUND_PAPERS);
	assert_string_equal(bc_kind_name(BC_REPORT_OF), "report-of");
	assert_false(bc_kind_from_name("#text", &k));
	assert_false(bc_kind_from_name("script", &k));
	assert_true(bc_kind_is_inline(BC_REF));
	assert_false(bc_kind_is_inline(BC_P));
	struct bc_node *n = bc_node_new(BC_IMPLICATION, 1, 1);
	bc_node_set_attr(n, "type", "legal");
	assert_string_equal(bc_node_title(n), "Legal implications");
	bc_node_set_attr(n, "title", "Legal powers");
	assert_string_equal(bc_node_title(n), "Legal powers");
	bc_node_free(n);
	n = bc_node_new(BC_OPTIONS, 1, 1);
	assert_string_equal(bc_node_title(n), "Options appraisal");
	bc_node_free(n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(tree_links_and_free),
	    cmocka_unit_test(attributes),
	    cmocka_unit_test(kinds_and_titles),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
