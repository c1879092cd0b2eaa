/* pdf_artifact.c - marking untagged page content as artifacts.
 *
 * Cairo 1.16 marks the content of structure elements but cannot mark
 * artifacts: running headers and footers, pack page stamps, table rules,
 * blank-page fillers and the logo are drawn outside every element and left
 * unmarked, which PDF/UA does not allow. This pass walks a page's content
 * stream and wraps each text object (BT ... ET), path (construction through
 * painting) and XObject (Do) that lies outside all marked content in
 * "/Artifact BMC ... EMC". The tokenizer knows strings, hex strings,
 * dictionaries, comments and inline images; Cairo writes nothing else. */
#include "pdf_artifact.h"

#include <stdbool.h>
#include <string.h>

#include "util.h"

static bool is_space(char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

static bool is_delim(char c)
{
	return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{' ||
	       c == '}' || c == '/' || c == '%';
}

/* Index just past the token at i (i is not white space). Sets *op when the
 * token is an operator (a bare word), with its length in *oplen. */
static size_t token_end(const char *s, size_t n, size_t i, const char **op, size_t *oplen)
{
	*op = NULL;
	char c = s[i];
	if (c == '(') { /* literal string, balanced parentheses, escapes */
		int depth = 0;
		for (; i < n; i++) {
			if (s[i] == '\\')
				i++;
			else if (s[i] == '(')
				depth++;
			else if (s[i] == ')' && --depth == 0)
				return i + 1;
		}
		return n;
	}
	if (c == '<' && i + 1 < n && s[i + 1] == '<')
		return i + 2;
	if (c == '>' && i + 1 < n && s[i + 1] == '>')
		return i + 2;
	if (c == '<') { /* hex string */
		const char *e = memchr(s + i, '>', n - i);
		return e ? (size_t)(e - s) + 1 : n;
	}
	if (c == '%') {
		while (i < n && s[i] != '\n' && s[i] != '\r')
			i++;
		return i;
	}
	if (c == '[' || c == ']' || c == '{' || c == '}')
		return i + 1;
	size_t start = i;
	if (c == '/')
		i++;
	while (i < n && !is_space(s[i]) && !is_delim(s[i]))
		i++;
	if (i == start) /* a stray delimiter */
		return start + 1;
	bool word = c != '/' && !((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.');
	if (word) {
		*op = s + start;
		*oplen = i - start;
	}
	return i;
}

static bool is_op(const char *op, size_t len, const char *name)
{
	return op && strlen(name) == len && memcmp(op, name, len) == 0;
}

static bool paints(const char *op, size_t len)
{
	static const char *const ops[] = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n"};
	for (size_t i = 0; i < sizeof ops / sizeof *ops; i++)
		if (is_op(op, len, ops[i]))
			return true;
	return false;
}

char *bc_pdf_mark_artifacts(const char *s, size_t n, size_t *out_len)
{
	struct bc_buf out = {0};
	int depth = 0;	      /* marked-content nesting from the page */
	bool in_text = false; /* inside an artifact BT ... ET */
	bool in_path = false; /* inside an artifact path */
	size_t copied = 0;    /* bytes of s already in out */
	size_t operands = 0;  /* start of the current operator's operands */
	bool have_operands = false;
	size_t i = 0;
	while (i < n) {
		if (is_space(s[i])) {
			i++;
			continue;
		}
		const char *op;
		size_t oplen = 0;
		size_t end = token_end(s, n, i, &op, &oplen);
		if (!op) {
			if (!have_operands) {
				operands = i;
				have_operands = true;
			}
			i = end;
			continue;
		}
		if (!have_operands)
			operands = i;
		if (is_op(op, oplen, "BI")) { /* inline image: skip to EI */
			const char *ei = NULL;
			for (size_t k = end; k + 2 <= n; k++)
				if (s[k] == 'E' && s[k + 1] == 'I' && is_space(s[k - 1]) &&
				    (k + 2 == n || is_space(s[k + 2]))) {
					ei = s + k;
					break;
				}
			end = ei ? (size_t)(ei - s) + 2 : n;
		}
		if (is_op(op, oplen, "BDC") || is_op(op, oplen, "BMC")) {
			depth++;
		} else if (is_op(op, oplen, "EMC")) {
			if (depth > 0)
				depth--;
		} else if (depth == 0 && !in_text && is_op(op, oplen, "BT")) {
			bc_buf_add(&out, s + copied, i - copied);
			bc_buf_adds(&out, "/Artifact BMC\n");
			copied = i;
			in_text = true;
		} else if (in_text && is_op(op, oplen, "ET")) {
			bc_buf_add(&out, s + copied, end - copied);
			bc_buf_adds(&out, "\nEMC");
			copied = end;
			in_text = false;
		} else if (depth == 0 && !in_text && !in_path &&
			   (is_op(op, oplen, "m") || is_op(op, oplen, "re") ||
			    is_op(op, oplen, "Do"))) {
			bc_buf_add(&out, s + copied, operands - copied);
			bc_buf_adds(&out, "/Artifact BMC\n");
			copied = operands;
			in_path = !is_op(op, oplen, "Do");
			if (!in_path) {
				bc_buf_add(&out, s + copied, end - copied);
				bc_buf_adds(&out, "\nEMC");
				copied = end;
			}
		} else if (in_path && paints(op, oplen)) {
			bc_buf_add(&out, s + copied, end - copied);
			bc_buf_adds(&out, "\nEMC");
			copied = end;
			in_path = false;
		}
		i = end;
		have_operands = false;
	}
	bc_buf_add(&out, s + copied, n - copied);
	if (in_text || in_path)
		bc_buf_adds(&out, "\nEMC\n");
	*out_len = out.len;
	return bc_buf_detach(&out);
}
