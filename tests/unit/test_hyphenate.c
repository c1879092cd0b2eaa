/* test_hyphenate.c - dictionaries found by language (and nothing outside
 * /usr/share/hyphen), and a paragraph whose words are too wide for their
 * width broken between syllables, its link and footnote marker moved along
 * with their text (hyphenate.c). Needs hyphen-en-gb and hyphen-en-us. */
#include "helpers.h"

#include "hyphenate.h"
#include "layout.h"
#include "style.h"

static void dictionaries_by_language(void **state)
{
	(void)state;
	const char *found[] = {"en-GB", "en_US", "en", "EN-gb"};
	for (size_t i = 0; i < sizeof found / sizeof *found; i++) {
		struct bc_hyph *h = bc_hyph_open(found[i]);
		assert_non_null(h);
		bc_hyph_free(h);
	}
	const char *none[] = {"cy", "", "-GB", "../../etc/passwd", "x-klingon"};
	for (size_t i = 0; i < sizeof none / sizeof *none; i++)
		assert_null(bc_hyph_open(none[i]));
	assert_null(bc_hyph_open(NULL));
	bc_hyph_free(NULL);
}

#define SHY "\xc2\xad"

static void over_wide_words_break_between_syllables(void **state)
{
	(void)state;
	struct bc_xml *x = bc_xml_new();
	struct bc_style *st = bc_style_default(x);
	struct capture c;
	capture_open(&c);
	struct bc_doc *doc = bc_doc_new(st, "en-GB", &c.d);
	struct bc_node *root = bc_node_new(BC_PAPER, 1, 1);
	struct bc_lctx lc = bc_lctx_init(doc, root, NULL, ".", &c.d);
	const char *text = "Employment and Commissioning1";
	struct bc_para *p = bc_para_plain(&lc, text, doc->font_body, 40, BC_ALIGN_LEFT, BC_ROLE_TD);
	/* A link on "Commissioning" and a footnote marker after it. */
	p->links = bc_xcalloc(1, sizeof *p->links);
	p->links[0] = (struct bc_link){15, 28, NULL, NULL};
	p->nlinks = 1;
	p->fns = bc_xcalloc(1, sizeof *p->fns);
	p->fns[0] = (struct bc_fnref){28, NULL};
	p->nfns = 1;
	assert_true(bc_para_breaks_word(p));

	const struct bc_hyph *h = bc_doc_hyph(doc);
	assert_non_null(h);
	assert_true(bc_hyph_para(h, p, 40));
	assert_string_equal(pango_layout_get_text(p->layout),
			    "Employ" SHY "ment and Com" SHY "mis" SHY "sion" SHY "ing1");
	assert_int_equal(p->links[0].start, 15 + 2);
	assert_int_equal(p->links[0].end, 28 + 4 * 2);
	assert_int_equal(p->fns[0].index, 28 + 4 * 2);
	/* "and" and the marker fit: nothing more to do at a wide width. */
	assert_false(bc_hyph_para(h, p, 400));

	bc_doc_free(doc);
	bc_node_free(root);
	capture_close(&c);
	bc_style_free(st);
	bc_xml_free(x);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(dictionaries_by_language),
	    cmocka_unit_test(over_wide_words_break_between_syllables),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
