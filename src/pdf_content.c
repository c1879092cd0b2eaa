/* pdf_content.c - marking a page's content stream (pdf_content.h).
 *
 * Cairo writes a page's drawing in order, with the markers of structure
 * elements (pdf_tags.h) among it as paths of their own. This pass takes
 * each marker out and calls back at it, and wraps each run of drawing
 * between two markers, from the first graphics object (a text object
 * BT ... ET, a painted path, an XObject, a shading or an inline image) to
 * the last, in marked content that the callback opens: the innermost open
 * element's "/P <</MCID n>> BDC", or "/Artifact BMC" when none is open
 * (running headers and footers, table rules, fillers, the logo). Graphics
 * state operators between runs stay outside, and a path that only clips
 * does not start a run. The tokenizer (also used by pdf_post.c to number
 * objects anew) knows strings, hex strings, dictionaries, comments and
 * inline images; Cairo writes nothing else. */
#include "pdf_content.h"

#include <stdbool.h>
#include <string.h>

#include "pdf_tags.h"
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

size_t bc_pdf_token_end(const char *s, size_t n, size_t i, const char **op, size_t *oplen)
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

static bool builds_path(const char *op, size_t len)
{
	static const char *const ops[] = {"m", "l", "c", "v", "y", "h", "re", "W", "W*"};
	for (size_t i = 0; i < sizeof ops / sizeof *ops; i++)
		if (is_op(op, len, ops[i]))
			return true;
	return false;
}

/* Whether "re" at s[i] with operands from `operands` is a marker: the
 * marker's own operands, then "f". Sets *end past the "f". */
static bool is_marker(const char *s, size_t n, size_t operands, size_t i, size_t *end)
{
	static const char want[] = BC_PDF_MARK_OPERANDS;
	size_t k = sizeof want - 1;
	if (i - operands < k || memcmp(s + operands, want, k) != 0)
		return false;
	for (size_t j = operands + k; j < i; j++)
		if (!is_space(s[j]))
			return false;
	size_t j = i + 2;
	while (j < n && is_space(s[j]))
		j++;
	if (j >= n || s[j] != 'f' || (j + 1 < n && !is_space(s[j + 1]) && !is_delim(s[j + 1])))
		return false;
	*end = j + 1 < n && is_space(s[j + 1]) ? j + 2 : j + 1; /* and its line's end */
	return true;
}

struct pass {
	const char *s;
	struct bc_buf out;
	size_t copied;	 /* bytes of s already in out */
	bool open;	 /* a run of drawing is open */
	size_t last_end; /* end of the open run's last graphics object */
	const struct bc_pdf_marks *m;
};

/* A graphics object s[start..end) was drawn. */
static void drawn(struct pass *p, size_t start, size_t end)
{
	if (!p->open) {
		bc_buf_add(&p->out, p->s + p->copied, start - p->copied);
		p->m->open(p->m->ctx, &p->out);
		p->copied = start;
		p->open = true;
	}
	p->last_end = end;
}

static void close_run(struct pass *p)
{
	if (!p->open)
		return;
	bc_buf_add(&p->out, p->s + p->copied, p->last_end - p->copied);
	bc_buf_adds(&p->out, "\nEMC");
	p->copied = p->last_end;
	p->open = false;
}

char *bc_pdf_mark_content(const char *s, size_t n, const struct bc_pdf_marks *m, size_t *out_len)
{
	struct pass p = {.s = s, .m = m};
	bool in_text = false, in_path = false;
	size_t text_start = 0, path_start = 0;
	size_t operands = 0; /* start of the current operator's operands */
	bool have_operands = false;
	size_t i = 0;
	while (i < n) {
		if (is_space(s[i])) {
			i++;
			continue;
		}
		const char *op;
		size_t oplen = 0;
		size_t end = bc_pdf_token_end(s, n, i, &op, &oplen);
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
		have_operands = false;
		size_t mark_end = 0;
		if (in_text) {
			if (is_op(op, oplen, "ET")) {
				drawn(&p, text_start, end);
				in_text = false;
			}
		} else if (is_op(op, oplen, "BDC") || is_op(op, oplen, "BMC") ||
			   is_op(op, oplen, "EMC")) {
			bc_buf_free(&p.out);
			return NULL; /* marked already: not Cairo's drawing alone */
		} else if (is_op(op, oplen, "BT")) {
			in_text = true;
			text_start = i;
		} else if (!in_path && is_op(op, oplen, "re") &&
			   is_marker(s, n, operands, i, &mark_end)) {
			close_run(&p);
			bc_buf_add(&p.out, s + p.copied, operands - p.copied);
			p.copied = mark_end;
			end = mark_end;
			if (m->marker(m->ctx) != 0) {
				bc_buf_free(&p.out);
				return NULL;
			}
		} else if (builds_path(op, oplen)) {
			if (!in_path)
				path_start = operands;
			in_path = true;
		} else if (in_path && paints(op, oplen)) {
			in_path = false;
			if (!is_op(op, oplen, "n")) /* "W n" only clips */
				drawn(&p, path_start, end);
		} else if (is_op(op, oplen, "Do") || is_op(op, oplen, "sh")) {
			drawn(&p, operands, end);
		} else if (is_op(op, oplen, "BI")) { /* inline image: skip to EI */
			const char *ei = NULL;
			for (size_t k = end; k + 2 <= n; k++)
				if (s[k] == 'E' && s[k + 1] == 'I' && is_space(s[k - 1]) &&
				    (k + 2 == n || is_space(s[k + 2]))) {
					ei = s + k;
					break;
				}
			end = ei ? (size_t)(ei - s) + 2 : n;
			drawn(&p, i, end);
		}
		i = end;
	}
	close_run(&p);
	bc_buf_add(&p.out, s + p.copied, n - p.copied);
	*out_len = p.out.len;
	return p.out.data ? bc_buf_detach(&p.out) : bc_xstrdup("");
}
