/* test_pdf_artifact.c - untagged content becomes /Artifact; tagged content,
 * strings that look like operators, and inline images are left alone. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "pdf_artifact.h"

static char *mark(const char *in)
{
	size_t n = 0;
	return bc_pdf_mark_artifacts(in, strlen(in), &n);
}

static void wraps_untagged_text_paths_and_images(void **state)
{
	(void)state;
	char *out = mark("q\n/P << /MCID 0 >> BDC\nBT (a) Tj ET\nEMC\n"
			 "0 0 1 rg BT (Page 1) Tj ET\n"
			 "10 10 100 0.5 re f\n"
			 "q 1 0 0 1 0 0 cm /Im1 Do Q\nQ\n");
	assert_non_null(strstr(out, "/P << /MCID 0 >> BDC\nBT (a) Tj ET\nEMC"));
	assert_non_null(strstr(out, "/Artifact BMC\nBT (Page 1) Tj ET\nEMC"));
	assert_non_null(strstr(out, "/Artifact BMC\n10 10 100 0.5 re f\nEMC"));
	assert_non_null(strstr(out, "/Artifact BMC\n/Im1 Do\nEMC"));
	free(out);
}

static void leaves_tagged_and_string_content(void **state)
{
	(void)state;
	/* "BT" and "re" inside strings and tagged content are not operators. */
	const char *in = "/Span << /ActualText (x) >> BDC BT (BT re f) Tj ET EMC\n";
	char *out = mark(in);
	assert_string_equal(out, in);
	free(out);
	out = mark("BI /W 1 /H 1 ID \x01\x02 EI\n");
	assert_null(strstr(out, "Artifact"));
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(wraps_untagged_text_paths_and_images),
	    cmocka_unit_test(leaves_tagged_and_string_content),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
