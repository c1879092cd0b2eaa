/* fuzz_paper.c - the whole pipeline on arbitrary bytes: decode (UTF-16 to
 * UTF-8, as reading a file does), parse, number, validate, prepare charts,
 * check images, lay out and render a PDF into memory.
 *
 * libFuzzer:  make fuzz FUZZ_SECONDS=60   (clang, -fsanitize=fuzzer)
 * AFL++:      build with -DBC_FUZZ_STDIN_MAIN and afl-clang-fast; the
 *             program then reads one input from standard input.
 * Any crash, hang or leak the sanitizers report is a bug; the input that
 * caused it belongs in tests/regress/ with the expected diagnostic. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chart.h"
#include "encoding.h"
#include "image.h"
#include "layout.h"
#include "number.h"
#include "parse.h"
#include "render.h"
#include "style.h"
#include "validate.h"
#include "xml.h"

/* Fuzzing is the one place with process-wide state: the parser context
 * and style are made once and reused across inputs, as a long-running
 * server would. */
static struct bc_xml *xml;
static struct bc_style *style;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!xml) {
		xml = bc_xml_new();
		style = bc_style_default(xml);
	}
	FILE *sink = fopen("/dev/null", "w");
	struct bc_diag d;
	bc_diag_init(&d, "fuzz.xml", sink);
	struct bc_limits lim = {1u << 20, 64u << 10};
	char *bytes = malloc(size + 1);
	if (!bytes)
		return 0;
	memcpy(bytes, data, size);
	bytes[size] = '\0';
	size_t len = size;
	bytes = bc_encoding_to_utf8(bytes, &len, &d);
	struct bc_node *root = bytes ? bc_parse_memory(xml, bytes, len, &lim, &d) : NULL;
	free(bytes);
	if (root) {
		bc_number(root);
		bc_validate(root, &d);
		/* No files: CSV and image references resolve in an empty folder. */
		bc_charts_prepare(root, "/nonexistent", &d);
		bc_images_check(root, "/nonexistent", &d);
		if (!d.errors) {
			struct bc_doc *doc = bc_layout(root, style, NULL, "/nonexistent", 1, &d);
			if (doc && !d.errors && doc->npages < 200) {
				struct bc_render_opts opts = {.date = "2024-01-01T00:00:00Z", .creator = "boardc-fuzz"};
				/* A paper that laid out draws: a failure here (a
				 * structure marker the finisher could not match, say)
				 * is a bug, not bad input. */
				if (bc_render_pdf(doc, sink, &opts, &d) != 0)
					abort();
			}
			bc_doc_free(doc);
		}
	}
	bc_node_free(root);
	fclose(sink);
	return 0;
}

#ifdef BC_FUZZ_STDIN_MAIN
int main(void)
{
	size_t cap = 1 << 16, len = 0;
	char *buf = malloc(cap);
	size_t n;
	while (buf && (n = fread(buf + len, 1, cap - len, stdin)) > 0) {
		len += n;
		if (len == cap && cap < (8u << 20))
			buf = realloc(buf, cap *= 2);
		else if (len == cap)
			break;
	}
	if (buf)
		LLVMFuzzerTestOneInput((const uint8_t *)buf, len);
	free(buf);
	bc_style_free(style);
	bc_xml_free(xml);
	return 0;
}
#endif
