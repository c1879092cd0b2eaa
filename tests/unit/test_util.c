/* test_util.c - bc_path_inside: a file is inside a folder only when its
 * real path, links resolved, lies below the folder's. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "util.h"

static void inside_and_outside(void **state)
{
	(void)state;
	char top[] = "/tmp/boardc-util-XXXXXX";
	assert_non_null(mkdtemp(top));
	char *a = bc_xasprintf("%s/a", top), *ab = bc_xasprintf("%s/ab", top);
	char *in = bc_xasprintf("%s/a/in.txt", top), *sib = bc_xasprintf("%s/ab/x.txt", top);
	char *link = bc_xasprintf("%s/a/link.txt", top);
	assert_int_equal(mkdir(a, 0700), 0);
	assert_int_equal(mkdir(ab, 0700), 0);
	fclose(fopen(in, "w"));
	fclose(fopen(sib, "w"));
	assert_int_equal(symlink(sib, link), 0);
	assert_true(bc_path_inside(a, in));
	assert_false(bc_path_inside(a, sib));  /* "ab" only starts like "a" */
	assert_false(bc_path_inside(a, link)); /* a link out of the folder */
	assert_false(bc_path_inside(a, a));    /* the folder itself */
	assert_true(bc_path_inside("/", in));  /* everything is below "/" */
	char *missing = bc_xasprintf("%s/a/missing.txt", top);
	assert_false(bc_path_inside(a, missing));
	unlink(link);
	unlink(in);
	unlink(sib);
	rmdir(a);
	rmdir(ab);
	rmdir(top);
	free(a), free(ab), free(in), free(sib), free(link), free(missing);
}

int main(void)
{
	const struct CMUnitTest tests[] = {cmocka_unit_test(inside_and_outside)};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
