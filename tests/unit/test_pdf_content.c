/* test_pdf_content.c - a page's content stream marked between structure
 * markers: markers taken out, each run of drawing wrapped in what the
 * callback opens, state operators and clipping paths left outside, strings
 * and inline images never taken for operators or markers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "pdf_content.h"
#include "pdf_tags.h"

#define MARK BC_PDF_MARK_OPERANDS " re f\n"

struct calls {
	int markers, opens;
	int stop_at; /* the marker that fails, or 0 */
};

static int on_marker(void *ctx)
{
	struct calls *c = ctx;
	c->markers++;
	return c->markers == c->stop_at ? -1 : 0;
}

/* Runs are numbered: "/R1 BMC", "/R2 BMC" ... */
static void on_open(void *ctx, struct bc_buf *out)
{
	struct calls *c = ctx;
	bc_buf_printf(out, "/R%d BMC\n", ++c->opens);
}

static char *mark(const char *in, struct calls *c)
{
	struct bc_pdf_marks m = {c, on_marker, on_open};
	size_t n = 0;
	char *out = bc_pdf_mark_content(in, strlen(in), &m, &n);
	if (out)
		assert_int_equal(n, strlen(out));
	return out;
}

static void runs_between_markers(void **state)
{
	(void)state;
	struct calls c = {0};
	char *out =
	    mark("q\n0 0 0 rg " MARK "BT (a) Tj ET\n10 10 5 5 re f\n"
		 "0 0 0 rg " MARK "1 0 0 rg BT (b) Tj ET\n" MARK "q 1 0 0 1 0 0 cm /Im1 Do Q\nQ\n",
		 &c);
	assert_non_null(out);
	assert_int_equal(c.markers, 3);
	assert_int_equal(c.opens, 3);
	assert_null(strstr(out, BC_PDF_MARK_OPERANDS)); /* every marker taken out */
	/* A run reaches from its first graphics object to its last; the
	 * colour set before the next marker stays outside. */
	assert_non_null(strstr(out, "/R1 BMC\nBT (a) Tj ET\n10 10 5 5 re f\nEMC\n0 0 0 rg "));
	assert_non_null(strstr(out, "1 0 0 rg /R2 BMC\nBT (b) Tj ET\nEMC"));
	assert_non_null(strstr(out, "q 1 0 0 1 0 0 cm /R3 BMC\n/Im1 Do\nEMC Q"));
	free(out);
}

static void clips_and_state_start_no_run(void **state)
{
	(void)state;
	struct calls c = {0};
	/* Between these markers there is only a clip and state: no run. */
	char *out = mark(MARK "q 0 0 50 50 re W n 0.5 w\n" MARK "Q\n", &c);
	assert_non_null(out);
	assert_int_equal(c.markers, 2);
	assert_int_equal(c.opens, 0);
	assert_string_equal(out, "q 0 0 50 50 re W n 0.5 w\nQ\n");
	free(out);
}

static void strings_and_images_are_not_operators(void **state)
{
	(void)state;
	struct calls c = {0};
	/* A marker's text inside a string, and "BT" in inline image data. */
	char *out = mark("BT (" BC_PDF_MARK_OPERANDS " re f) Tj ET\nBI /W 1 /H 1 ID BT\x01 EI\n"
			 "0.125 0.125 0.25 0.5 re f\n",
			 &c);
	assert_non_null(out);
	assert_int_equal(c.markers, 0);
	assert_int_equal(c.opens, 1);
	assert_string_equal(out, "/R1 BMC\nBT (" BC_PDF_MARK_OPERANDS
				 " re f) Tj ET\nBI /W 1 /H 1 ID BT\x01 EI\n"
				 "0.125 0.125 0.25 0.5 re f\nEMC\n");
	free(out);
}

static void refuses_marked_content_and_failed_markers(void **state)
{
	(void)state;
	struct calls c = {0};
	assert_null(mark("/P << /MCID 0 >> BDC BT (a) Tj ET EMC\n", &c));
	c = (struct calls){.stop_at = 2};
	assert_null(mark(MARK "BT (a) Tj ET\n" MARK "BT (b) Tj ET\n", &c));
	assert_int_equal(c.markers, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(runs_between_markers),
	    cmocka_unit_test(clips_and_state_start_no_run),
	    cmocka_unit_test(strings_and_images_are_not_operators),
	    cmocka_unit_test(refuses_marked_content_and_failed_markers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
