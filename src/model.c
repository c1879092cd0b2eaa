/* model.c - node allocation, tree links, attribute access. */
#include "model.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

static const char *const kind_names[] = {
#define BC_KIND_NAME(k, name) name,
    BC_KINDS(BC_KIND_NAME)
#undef BC_KIND_NAME
};

struct bc_node *bc_node_new(enum bc_kind kind, int line, int col)
{
	struct bc_node *n = bc_xcalloc(1, sizeof *n);
	n->kind = kind;
	n->line = line;
	n->col = col;
	return n;
}

void bc_node_append(struct bc_node *parent, struct bc_node *child)
{
	child->parent = parent;
	child->prev = parent->last;
	child->next = NULL;
	if (parent->last)
		parent->last->next = child;
	else
		parent->first = child;
	parent->last = child;
}

void bc_node_free(struct bc_node *node)
{
	/* Iterative over siblings and recursive over depth; the parser bounds
	 * depth, so the recursion is bounded too. */
	while (node) {
		struct bc_node *next = node->next;
		bc_node_free(node->first);
		for (size_t i = 0; i < node->nattrs; i++) {
			free(node->attrs[i].name);
			free(node->attrs[i].value);
		}
		free(node->attrs);
		free(node->text);
		free(node->number);
		free(node->label);
		free(node->description);
		if (node->aux && node->aux_free)
			node->aux_free(node->aux);
		free(node);
		node = next;
	}
}

const char *bc_kind_name(enum bc_kind kind)
{
	return kind < BC_KIND_COUNT ? kind_names[kind] : "?";
}

bool bc_kind_from_name(const char *name, enum bc_kind *out)
{
	for (int k = 0; k < BC_TEXT; k++) {
		if (strcmp(kind_names[k], name) == 0) {
			*out = (enum bc_kind)k;
			return true;
		}
	}
	return false;
}

bool bc_kind_is_inline(enum bc_kind kind)
{
	switch (kind) {
	case BC_TEXT:
	case BC_EM:
	case BC_STRONG:
	case BC_A:
	case BC_REF:
	case BC_FN:
	case BC_BR:
		return true;
	default:
		return false;
	}
}

bool bc_kind_is_sectionlike(enum bc_kind kind)
{
	switch (kind) {
	case BC_SECTION:
	case BC_RECOMMENDATIONS:
	case BC_REASONS:
	case BC_OPTIONS:
	case BC_IMPLICATIONS:
	case BC_IMPLICATION:
	case BC_CONSULTEES:
	case BC_BACKGROUND_PAPERS:
	case BC_APPENDIX_LIST:
	case BC_APPENDIX:
		return true;
	default:
		return false;
	}
}

void bc_node_set_attr(struct bc_node *n, const char *name, const char *value)
{
	for (size_t i = 0; i < n->nattrs; i++) {
		if (strcmp(n->attrs[i].name, name) == 0) {
			free(n->attrs[i].value);
			n->attrs[i].value = bc_xstrdup(value);
			return;
		}
	}
	n->attrs = bc_xrealloc(n->attrs, (n->nattrs + 1) * sizeof *n->attrs);
	n->attrs[n->nattrs].name = bc_xstrdup(name);
	n->attrs[n->nattrs].value = bc_xstrdup(value);
	n->nattrs++;
}

const char *bc_node_attr(const struct bc_node *n, const char *name)
{
	for (size_t i = 0; i < n->nattrs; i++)
		if (strcmp(n->attrs[i].name, name) == 0)
			return n->attrs[i].value;
	return NULL;
}

bool bc_node_attr_is(const struct bc_node *n, const char *name, const char *value)
{
	const char *v = bc_node_attr(n, name);
	return v && strcmp(v, value) == 0;
}

struct bc_node *bc_node_child(const struct bc_node *n, enum bc_kind kind)
{
	for (struct bc_node *c = n ? n->first : NULL; c; c = c->next)
		if (c->kind == kind)
			return c;
	return NULL;
}

static void append_collapsed(struct bc_buf *b, const char *s)
{
	for (; *s; s++) {
		bool space = *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r';
		if (!space)
			bc_buf_addc(b, *s);
		else if (b->len && b->data[b->len - 1] != ' ')
			bc_buf_addc(b, ' ');
	}
}

static void collect_text(const struct bc_node *n, struct bc_buf *b)
{
	if (n->kind == BC_TEXT) {
		append_collapsed(b, n->text);
		return;
	}
	for (const struct bc_node *c = n->first; c; c = c->next)
		if (c->kind != BC_FN)
			collect_text(c, b);
}

char *bc_node_text(const struct bc_node *n)
{
	struct bc_buf b = {0};
	collect_text(n, &b);
	while (b.len && b.data[b.len - 1] == ' ')
		b.data[--b.len] = '\0';
	return bc_buf_detach(&b);
}

struct bc_node *bc_node_walk(const struct bc_node *root, const struct bc_node *n,
			     bool skip_children)
{
	if (!skip_children && n->first)
		return n->first;
	while (n && n != root) {
		if (n->next)
			return n->next;
		n = n->parent;
	}
	return NULL;
}

bool bc_node_check(const struct bc_node *root)
{
	for (const struct bc_node *n = root; n; n = bc_node_walk(root, n, false)) {
		const struct bc_node *prev = NULL;
		for (const struct bc_node *c = n->first; c; c = c->next) {
			if (c->parent != n || c->prev != prev)
				return false;
			prev = c;
		}
		if (n->last != prev)
			return false;
		if ((n->kind == BC_TEXT) != (n->text != NULL))
			return false;
	}
	return true;
}

static const struct {
	const char *type, *title;
} implication_titles[] = {
    {"financial", "Financial implications"},
    {"legal", "Legal implications"},
    {"equalities", "Equalities implications"},
    {"staffing", "Staffing implications"},
    {"risk", "Risk management"},
    {"safeguarding", "Safeguarding implications"},
    {"safeguarding-children", "Safeguarding children"},
    {"safeguarding-adults", "Safeguarding adults"},
    {"crime-and-disorder", "Crime and disorder implications"},
    {"property", "Property and asset implications"},
    {"customer-impact", "Customer impact"},
    {"contractual", "Contractual implications"},
    {"procurement", "Procurement implications"},
    {"health", "Health implications"},
    {"environment", "Environmental implications"},
    {"data-protection", "Data protection implications"},
    {"communications", "Communications implications"},
    {"other", "Other implications"},
};

const char *bc_node_title(const struct bc_node *n)
{
	const char *t = bc_node_attr(n, "title");
	if (t)
		return t;
	switch (n->kind) {
	case BC_RECOMMENDATIONS:
		return "Recommendations";
	case BC_REASONS:
		return "Reasons for recommendations";
	case BC_OPTIONS:
		return "Options appraisal";
	case BC_IMPLICATIONS:
		return "Implications";
	case BC_CONSULTEES:
		return "Consultees";
	case BC_BACKGROUND_PAPERS:
		return "Background papers";
	case BC_APPENDIX_LIST:
		return "List of appendices";
	case BC_OPTION: {
		const char *name = bc_node_attr(n, "name");
		return name ? name : "Option";
	}
	case BC_IMPLICATION: {
		const char *type = bc_node_attr(n, "type");
		for (size_t i = 0;
		     type && i < sizeof implication_titles / sizeof *implication_titles; i++)
			if (strcmp(type, implication_titles[i].type) == 0)
				return implication_titles[i].title;
		return "Implications";
	}
	default:
		return "";
	}
}
