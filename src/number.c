/* number.c - paragraph, section, table, figure, footnote and appendix
 * numbers, and the label a cross-reference shows for each.
 *
 * Hierarchical numbering (the default, as in most council reports): top-level
 * sections are 1, 2, 3; inside section N, paragraphs and subsections share one
 * counter, so after paragraphs 2.1 and 2.2 a subsection is 2.3 and its
 * paragraphs are 2.3.1, 2.3.2. An unnumbered section (numbered="no") keeps
 * its parent's counter going, so its paragraphs continue the parent's
 * numbers; at top level its paragraphs are unnumbered.
 * Flat numbering (London Councils style): headings unnumbered, paragraphs
 * 1, 2, 3 through the whole body. Appendices number their own sections
 * again from 1 and their labels name the appendix. */
#include "number.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

struct numbering {
	bool flat;
	int flat_counter;
	int tables, figures, footnotes, appendices;
	const struct bc_node *appendix; /* appendix being numbered, if any */
	const char *appendix_name;
	const char *appendix_style;
};

static void set_str(char **slot, char *value)
{
	free(*slot);
	*slot = value;
}

/* Label text with " of Appendix X" appended inside appendices. */
static char *in_appendix(struct numbering *nb, char *label)
{
	if (!nb->appendix || !nb->appendix->number)
		return label;
	char *full = bc_xasprintf("%s of %s %s", label, nb->appendix_name, nb->appendix->number);
	free(label);
	return full;
}

char *bc_number_format(int n, const char *style)
{
	if (style && (strcmp(style, "letter") == 0 || strcmp(style, "upper-letter") == 0)) {
		char buf[16];
		size_t i = sizeof buf - 1;
		char base = style[0] == 'u' ? 'A' : 'a';
		buf[i] = '\0';
		for (int v = n; v > 0 && i > 0; v = (v - 1) / 26)
			buf[--i] = (char)(base + (v - 1) % 26);
		return bc_xstrdup(buf + i);
	}
	if (style && strcmp(style, "roman") == 0 && n > 0 && n < 4000) {
		static const int val[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
		static const char *const sym[] = {"m",	"cm", "d",  "cd", "c",	"xc", "l",
						  "xl", "x",  "ix", "v",  "iv", "i"};
		struct bc_buf b = {0};
		for (int i = 0; i < 13; i++)
			for (; n >= val[i]; n -= val[i])
				bc_buf_adds(&b, sym[i]);
		return bc_buf_detach(&b);
	}
	return bc_xasprintf("%d", n);
}

static void number_content(struct numbering *nb, struct bc_node *parent, const char *prefix,
			   int *counter, int depth);

static char *child_number(const char *prefix, int k)
{
	return prefix ? bc_xasprintf("%s.%d", prefix, k) : bc_xasprintf("%d", k);
}

static bool wants_number(const struct bc_node *n)
{
	return !bc_node_attr_is(n, "numbered", "no");
}

/* Number one paragraph-like node (P or RECOMMENDATION) in the running
 * counter; returns whether it got a number. */
static bool number_para(struct numbering *nb, struct bc_node *n, const char *prefix, int *counter,
			const char *noun)
{
	char *num = NULL;
	if (nb->flat && strcmp(noun, "recommendation") == 0)
		return false; /* flat papers number recommendations 1, 2, 3 */
	if (nb->flat && !nb->appendix && counter)
		num = bc_xasprintf("%d", ++nb->flat_counter);
	else if (counter && prefix)
		num = child_number(prefix, ++*counter);
	if (!num)
		return false;
	set_str(&n->number, num);
	set_str(&n->label, in_appendix(nb, bc_xasprintf("%s %s", noun, num)));
	return true;
}

static void number_block(struct numbering *nb, struct bc_node *n)
{
	switch (n->kind) {
	case BC_TABLE:
		if (bc_node_child(n, BC_CAPTION)) {
			n->seq = ++nb->tables;
			set_str(&n->number, bc_xasprintf("%d", n->seq));
			set_str(&n->label, bc_xasprintf("Table %d", n->seq));
		}
		break;
	case BC_FIGURE:
		n->seq = ++nb->figures;
		set_str(&n->number, bc_xasprintf("%d", n->seq));
		set_str(&n->label, bc_xasprintf("Figure %d", n->seq));
		break;
	case BC_FN:
		/* A note inside a note is printed inline in it: no number. */
		n->seq = ++nb->footnotes;
		set_str(&n->number, bc_xasprintf("%d", n->seq));
		return;
	default:
		break;
	}
	/* Tables, figures and footnotes can sit anywhere below a block. */
	for (struct bc_node *c = n->first; c; c = c->next)
		if (c->kind != BC_TEXT)
			number_block(nb, c);
}

static void number_sectionlike(struct numbering *nb, struct bc_node *n, const char *prefix,
			       int *counter, int depth)
{
	n->depth = depth;
	bool numbered = wants_number(n) && !nb->flat;
	if (nb->appendix)
		numbered = wants_number(n);
	if (numbered && counter) {
		set_str(&n->number, child_number(prefix, ++*counter));
		const char *noun = "section";
		set_str(&n->label, in_appendix(nb, bc_xasprintf("%s %s", noun, n->number)));
		int inner = 0;
		number_content(nb, n, n->number, &inner, depth + 1);
	} else {
		set_str(&n->number, NULL);
		set_str(&n->label,
			in_appendix(nb, bc_xasprintf("\u2018%s\u2019", bc_node_title(n))));
		/* Unnumbered: paragraphs continue the parent's counter (or stay
		 * unnumbered at top level, where there is no parent counter). */
		bool has_parent_counter = prefix != NULL || nb->flat;
		if (nb->flat && !wants_number(n) && !prefix && depth == 1)
			has_parent_counter = false;
		number_content(nb, n, prefix, has_parent_counter ? counter : NULL, depth + 1);
	}
}

static void number_content(struct numbering *nb, struct bc_node *parent, const char *prefix,
			   int *counter, int depth)
{
	int own = 0; /* recommendations numbered on their own: 1, 2, 3 */
	for (struct bc_node *c = parent->first; c; c = c->next) {
		switch (c->kind) {
		case BC_P:
		case BC_STANDARD:
			if (!c->implicit && wants_number(c))
				number_para(nb, c, prefix, counter, "paragraph");
			number_block(nb, c);
			break;
		case BC_RECOMMENDATION:
			if (!number_para(nb, c, prefix, counter, "recommendation")) {
				set_str(&c->number, bc_xasprintf("%d", ++own));
				set_str(&c->label, bc_xasprintf("recommendation %d", own));
			}
			number_block(nb, c);
			break;
		case BC_OPTION:
			c->depth = depth;
			c->seq = ++own;
			set_str(&c->number, bc_xasprintf("%d", own));
			set_str(&c->label, bc_xasprintf("Option %d", own));
			number_content(nb, c, prefix, counter, depth + 1);
			break;
		case BC_SECTION:
		case BC_IMPLICATION:
			number_sectionlike(nb, c, prefix, counter, depth);
			break;
		case BC_TEXT:
			break;
		default:
			number_block(nb, c);
			break;
		}
	}
}

void bc_number(struct bc_node *root)
{
	struct numbering nb = {0};
	nb.flat = bc_node_attr_is(root, "numbering", "flat");
	nb.appendix_name = bc_node_attr(root, "appendix-name");
	if (!nb.appendix_name)
		nb.appendix_name = "Appendix";
	nb.appendix_style = bc_node_attr(root, "appendix-numbering");

	int top = 0;
	for (struct bc_node *c = root->first; c; c = c->next) {
		if (c->kind == BC_FRONT) {
			number_block(&nb, c);
		} else if (c->kind == BC_APPENDIX) {
			c->depth = 1;
			c->seq = ++nb.appendices;
			const char *label = bc_node_attr(c, "label");
			set_str(&c->number,
				label ? bc_xstrdup(label)
				      : bc_number_format(
					    c->seq, nb.appendix_style &&
							    strcmp(nb.appendix_style, "letter") == 0
							? "upper-letter"
							: "number"));
			set_str(&c->label, bc_xasprintf("%s %s", nb.appendix_name, c->number));
			nb.appendix = c;
			int inner = 0;
			number_content(&nb, c, NULL, &inner, 2);
			nb.appendix = NULL;
		} else if (bc_kind_is_sectionlike(c->kind)) {
			number_sectionlike(&nb, c, NULL, &top, 1);
		}
	}
}
