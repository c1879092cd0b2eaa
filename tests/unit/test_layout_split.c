/* test_layout_split.c - a long paper laid out on several threads
 * (layout_split.c) is cut where its text is halved, and gives the same
 * blocks, pages and lines as on one thread, with the diagnostics of its
 * parts in document order. */
#include "helpers.h"

#include "layout.h"
#include "style.h"

#define SECTIONS 6
#define PARAS	 24

/* SECTIONS sections of PARAS paragraphs (about 8 KB of text each); the
 * first and the last carry an Arabic letter, which the test fonts lack. */
static char *long_body(void)
{
	struct bc_buf b = {0};
	for (int s = 0; s < SECTIONS; s++) {
		bc_buf_printf(&b, "<section title=\"Part %d\">\n", s + 1);
		for (int p = 0; p < PARAS; p++) {
			bc_buf_printf(&b, "<p>Section %d, paragraph %d: ", s + 1, p + 1);
			if (p == 0 && (s == 0 || s == SECTIONS - 1))
				bc_buf_adds(&b, s == 0 ? "Alpha \xd8\xa7 " : "Omega \xd8\xa7 ");
			for (int w = 0; w < 30; w++)
				bc_buf_adds(&b, "council budget ");
			bc_buf_adds(&b, "end.</p>\n");
		}
		bc_buf_adds(&b, "</section>\n");
	}
	return bc_buf_detach(&b);
}

struct laid {
	struct bc_node *root;
	struct bc_doc *doc;
	struct capture c;
};

static void lay_out(struct bc_xml *x, const struct bc_style *st, int jobs, struct laid *l)
{
	char *body = long_body();
	capture_open(&l->c);
	l->root = paper(x, &l->c, body);
	free(body);
	assert_non_null(l->root);
	l->doc = bc_layout(l->root, st, NULL, ".", jobs, &l->c.d);
	assert_non_null(l->doc);
}

static void laid_free(struct laid *l)
{
	bc_doc_free(l->doc);
	bc_node_free(l->root);
	capture_close(&l->c);
}

static void cut_at_half_the_text(void **state)
{
	struct bc_xml *x = *state;
	struct bc_style *st = bc_style_default(x);
	struct capture c;
	capture_open(&c);
	char *body = long_body();
	struct bc_node *root = paper(x, &c, body);
	free(body);
	struct bc_doc *doc = bc_doc_new(st, NULL, &c.d);
	/* Front sheet and six equal sections: the cut is before the fourth. */
	struct bc_split *sp = bc_split_start(doc, root, NULL, ".", 2, &c.d);
	assert_non_null(sp);
	const struct bc_node *first = bc_split_first(sp);
	assert_non_null(first);
	assert_string_equal(bc_node_attr(first, "title"), "Part 4");
	struct bc_lctx lc = bc_lctx_init(doc, root, NULL, ".", &c.d);
	bc_layout_parts(&lc, root->first, first);
	size_t before = doc->nblocks;
	bc_split_end(sp, doc, &c.d);
	assert_true(doc->nblocks > before);
	/* One thread, or too little text: no split. */
	assert_null(bc_split_start(doc, root, NULL, ".", 1, &c.d));
	bc_doc_free(doc);
	bc_node_free(root);
	capture_close(&c);
	bc_style_free(st);
}

static void same_pages_on_any_number_of_threads(void **state)
{
	struct bc_xml *x = *state;
	struct bc_style *st = bc_style_default(x);
	struct laid one, four;
	lay_out(x, st, 1, &one);
	lay_out(x, st, 4, &four);
	assert_true(one.doc->npages >= 4);
	assert_int_equal(one.doc->nblocks, four.doc->nblocks);
	assert_int_equal(one.doc->npages, four.doc->npages);
	for (size_t p = 0; p < one.doc->npages; p++) {
		const struct bc_page *a = &one.doc->pages[p], *b = &four.doc->pages[p];
		assert_int_equal(a->nitems, b->nitems);
		for (size_t i = 0; i < a->nitems; i++) {
			assert_int_equal(a->items[i].kind, b->items[i].kind);
			assert_true(a->items[i].x == b->items[i].x);
			assert_true(a->items[i].y == b->items[i].y);
			if (a->items[i].kind != BC_ITEM_LINE)
				continue;
			const struct bc_line *la = a->items[i].line, *lb = b->items[i].line;
			assert_int_equal(la->length, lb->length);
			const char *ta = pango_layout_get_text(la->para->layout) + la->start;
			const char *tb = pango_layout_get_text(lb->para->layout) + lb->start;
			assert_memory_equal(ta, tb, (size_t)la->length);
		}
	}
	/* The missing-glyph warnings, first part's first, as on one thread. */
	const char *w1 = capture_text(&one.c), *w4 = capture_text(&four.c);
	assert_string_equal(w1, w4);
	const char *alpha = strstr(w4, "Alpha"), *omega = strstr(w4, "Omega");
	assert_non_null(alpha);
	assert_non_null(omega);
	assert_true(alpha < omega);
	laid_free(&one);
	laid_free(&four);
	bc_style_free(st);
}

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

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(cut_at_half_the_text),
	    cmocka_unit_test(same_pages_on_any_number_of_threads),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
