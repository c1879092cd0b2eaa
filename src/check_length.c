/* check_length.c - the template's word and page limits. Words are counted
 * in the body (not the front sheet or appendices); pages by laying the
 * paper out as build does, which also finds what only layout can (missing
 * images, unknown standard wording). */
#include "check.h"

#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "paper.h"
#include "util.h"

static int words_in(const char *s)
{
	int words = 0;
	bool in_word = false;
	for (; *s; s++) {
		bool sp = *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r';
		words += !sp && !in_word;
		in_word = !sp;
	}
	return words;
}

static int body_words(const struct bc_node *root)
{
	int words = 0;
	const struct bc_node *n = root;
	while (n) {
		bool skip = n->kind == BC_FRONT || n->kind == BC_APPENDIX;
		if (n->kind == BC_TEXT)
			words += words_in(n->text);
		n = bc_node_walk(root, n, skip);
	}
	return words;
}

static void word_limit(struct bc_check_ctx *cx)
{
	const struct bc_template *t = cx->p->tmpl;
	if (!t || t->max_words <= 0 || !bc_check_enabled(cx->cfg, BC_RULE_WORD_LIMIT))
		return;
	int words = body_words(cx->root);
	if (words <= t->max_words)
		return;
	struct bc_finding *f = bc_check_add(cx, BC_RULE_WORD_LIMIT, cx->root,
					    "the body has %d words; template '%s' allows %d", words,
					    t->name ? t->name : "?", t->max_words);
	bc_check_hint(f, "cut it, or move detail into appendices, which do not count");
}

/* Lay the paper out as build does: what only layout finds becomes findings
 * (invalid-paper, build-warning), and the pages are counted. */
static void layout_and_pages(struct bc_check_ctx *cx)
{
	const struct bc_paper *p = cx->p;
	if (!cx->cfg->lay_out || !p->style)
		return;
	char *captured = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&captured, &len);
	if (!fp)
		return;
	struct bc_diag d;
	bc_diag_init(&d, cx->file, fp);
	struct bc_doc *doc = bc_layout(p->root, p->style, p->tmpl, p->dir, 1, &d);
	fclose(fp);
	bc_check_import(cx->out, captured, cx->file, cx->root, cx->cfg);
	free(captured);
	const struct bc_template *t = p->tmpl;
	if (doc && t && t->max_pages > 0 && (int)doc->npages > t->max_pages) {
		struct bc_finding *f =
		    bc_check_add(cx, BC_RULE_PAGE_LIMIT, cx->root,
				 "the paper has %zu pages; template '%s' allows %d", doc->npages,
				 t->name ? t->name : "?", t->max_pages);
		bc_check_hint(f, "cut it, or publish the longest appendices as background papers");
	}
	bc_doc_free(doc);
}

void bc_check_length(struct bc_check_ctx *cx)
{
	word_limit(cx);
	layout_and_pages(cx);
}
