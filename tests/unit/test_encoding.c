/* test_encoding.c - UTF-16 converted to UTF-8 on reading, malformed UTF-16
 * reported at its position, and the encodings a declaration may name. */
#include "helpers.h"

#include "encoding.h"

/* A malloc'd copy of n bytes, NUL-terminated, as bc_xml_slurp makes. */
static char *bytes(const char *s, size_t n)
{
	char *b = malloc(n + 1);
	memcpy(b, s, n);
	b[n] = '\0';
	return b;
}

static void converts_utf16_both_ways(void **state)
{
	(void)state;
	struct capture c;
	capture_open(&c);
	/* "<a>é\n" in UTF-16LE, then UTF-16BE, each with its mark. */
	const char le[] = "\xFF\xFE<\0a\0>\0\xE9\0\n\0";
	size_t n = sizeof le - 1;
	char *out = bc_encoding_to_utf8(bytes(le, n), &n, &c.d);
	assert_non_null(out);
	assert_int_equal(n, 6);
	assert_memory_equal(out, "<a>\xC3\xA9\n", 6); /* no mark left */
	free(out);
	const char be[] = "\xFE\xFF\0<\0a\0>\0\xE9\0\n";
	n = sizeof be - 1;
	out = bc_encoding_to_utf8(bytes(be, n), &n, &c.d);
	assert_non_null(out);
	assert_string_equal(out, "<a>\xC3\xA9\n");
	free(out);
	/* U+1D11E (musical G clef) is the pair D834 DD1E: four UTF-8 bytes. */
	const char pair[] = "\xFF\xFE\x34\xD8\x1E\xDD";
	n = sizeof pair - 1;
	out = bc_encoding_to_utf8(bytes(pair, n), &n, &c.d);
	assert_non_null(out);
	assert_string_equal(out, "\xF0\x9D\x84\x9E");
	free(out);
	assert_int_equal(c.d.errors, 0);
	capture_close(&c);
}

static void leaves_utf8_alone(void **state)
{
	(void)state;
	struct capture c;
	capture_open(&c);
	const char *s = "\xEF\xBB\xBF<a>caf\xC3\xA9</a>";
	size_t n = strlen(s);
	char *in = bytes(s, n);
	char *out = bc_encoding_to_utf8(in, &n, &c.d);
	assert_ptr_equal(out, in);
	assert_int_equal(n, strlen(s));
	free(out);
	capture_close(&c);
}

static void reports_malformed_utf16(void **state)
{
	(void)state;
	struct capture c;
	capture_open(&c);
	/* "<a>\nxy" then a lone low surrogate: line 2, column 3. */
	const char lone[] = "\xFF\xFE<\0a\0>\0\n\0x\0y\0\x00\xDC";
	size_t n = sizeof lone - 1;
	assert_null(bc_encoding_to_utf8(bytes(lone, n), &n, &c.d));
	assert_non_null(strstr(capture_text(&c), "t.xml:2:3: error: UTF-16 text has an "
						 "unpaired surrogate (0xDC00)\n  hint: "));
	/* A high surrogate at the very end has no partner either. */
	const char end[] = "\xFE\xFF\0a\xD8\x00";
	n = sizeof end - 1;
	assert_null(bc_encoding_to_utf8(bytes(end, n), &n, &c.d));
	assert_non_null(strstr(capture_text(&c), "t.xml:1:2: error: UTF-16 text has an "
						 "unpaired surrogate (0xD800)"));
	const char odd[] = "\xFF\xFE<\0a";
	n = sizeof odd - 1;
	assert_null(bc_encoding_to_utf8(bytes(odd, n), &n, &c.d));
	assert_non_null(strstr(capture_text(&c), "odd number of bytes (5)"));
	const char nomark[] = "<\0a\0>\0";
	n = sizeof nomark - 1;
	assert_null(bc_encoding_to_utf8(bytes(nomark, n), &n, &c.d));
	assert_non_null(
	    strstr(capture_text(&c), "t.xml:1:1: error: file is UTF-16 without a byte-order mark"));
	assert_int_equal(c.d.errors, 4);
	capture_close(&c);
}

static int declared(struct capture *c, const char *s)
{
	return bc_encoding_check_declaration(s, strlen(s), &c->d);
}

static void checks_the_declared_encoding(void **state)
{
	(void)state;
	struct capture c;
	capture_open(&c);
	assert_true(declared(&c, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a/>"));
	assert_true(declared(&c, "<?xml version=\"1.0\" encoding = 'utf-16' ?><a/>"));
	assert_true(declared(&c, "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"US-ASCII\"?><a/>"));
	assert_true(declared(&c, "<?xml version=\"1.0\"?><a encoding=\"latin1\"/>"));
	assert_true(declared(&c, "<?xml-stylesheet encoding=\"latin1\"?><a/>"));
	assert_true(declared(&c, "<a/>"));
	assert_int_equal(c.d.errors, 0);
	assert_false(declared(&c, "<?xml version=\"1.0\"\n  encoding=\"windows-1252\"?><a/>"));
	assert_non_null(strstr(capture_text(&c), "t.xml:2:3: error: encoding 'windows-1252' is "
						 "not supported\n  hint: "));
	capture_close(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(converts_utf16_both_ways),
	    cmocka_unit_test(leaves_utf8_alone),
	    cmocka_unit_test(reports_malformed_utf16),
	    cmocka_unit_test(checks_the_declared_encoding),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
