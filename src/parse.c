/* parse.c - copy a validated libxml2 document into the model.
 *
 * The schema has already checked structure, so this only converts: element
 * names to kinds, attributes to strings, text to text nodes. Two things are
 * normalised here so later stages need not care: whitespace-only text between
 * blocks is dropped, and loose inline content in list items and table cells
 * is wrapped in implicit paragraphs. */
#include "parse.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "util.h"
#include "xml.h"

struct converter {
	struct bc_diag *d;
	struct bc_xml_locator loc;
	const struct bc_limits *lim;
};

/* Kinds whose content is text (inline content or a plain text field). */
static bool keeps_text(enum bc_kind k)
{
	switch (k) {
	case BC_P:
	case BC_INTRO:
	case BC_RECOMMENDATION:
	case BC_CONSULTEE:
	case BC_DOCUMENT:
	case BC_CAPTION:
	case BC_SOURCE:
	case BC_LI:
	case BC_TH:
	case BC_TD:
	case BC_ORGANISATION:
	case BC_COMMITTEE:
	case BC_ITEM:
	case BC_TITLE:
	case BC_SUBTITLE:
	case BC_REPORT_OF:
	case BC_REPORT_DATE:
	case BC_NAME:
	case BC_POST:
	case BC_PHONE:
	case BC_EMAIL:
	case BC_WARDS:
	case BC_EXEMPT:
	case BC_ALT:
	case BC_CELL:
		return true;
	default:
		return bc_kind_is_inline(k);
	}
}

/* Kinds that mix inline content with blocks. */
static bool is_flow(enum bc_kind k)
{
	return k == BC_LI || k == BC_TH || k == BC_TD;
}

static bool is_blank(const char *s)
{
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return false;
	return true;
}

/* In a list item or cell, wrap each run of inline children in a P. */
static void wrap_loose_inline(struct bc_node *n)
{
	struct bc_node *c = n->first;
	n->first = n->last = NULL;
	struct bc_node *para = NULL;
	while (c) {
		struct bc_node *next = c->next;
		c->next = c->prev = NULL;
		if (bc_kind_is_inline(c->kind)) {
			if (!para) {
				if (c->kind == BC_TEXT && is_blank(c->text)) {
					bc_node_free(c);
					c = next;
					continue;
				}
				para = bc_node_new(BC_P, c->line, c->col);
				para->implicit = true;
				bc_node_append(n, para);
			}
			bc_node_append(para, c);
		} else {
			para = NULL;
			bc_node_append(n, c);
		}
		c = next;
	}
}

static void convert_children(struct converter *cv, xmlNodePtr xn, struct bc_node *parent);

static struct bc_node *convert_element(struct converter *cv, xmlNodePtr xn)
{
	enum bc_kind kind;
	if (!bc_kind_from_name((const char *)xn->name, &kind)) {
		/* Unreachable after schema validation; kept for safety. */
		int line = (int)xmlGetLineNo(xn);
		bc_diag(cv->d, BC_ERROR, line,
			bc_xml_locate(&cv->loc, line, (const char *)xn->name),
			"unknown element <%s>", (const char *)xn->name);
		return NULL;
	}
	int line = (int)xmlGetLineNo(xn);
	struct bc_node *n =
	    bc_node_new(kind, line, bc_xml_locate(&cv->loc, line, (const char *)xn->name));
	for (xmlAttrPtr a = xn->properties; a; a = a->next) {
		if (a->ns)
			continue; /* foreign attributes are ignored */
		xmlChar *v = xmlNodeListGetString(xn->doc, a->children, 1);
		bc_node_set_attr(n, (const char *)a->name, v ? (const char *)v : "");
		xmlFree(v);
	}
	convert_children(cv, xn, n);
	if (is_flow(kind))
		wrap_loose_inline(n);
	return n;
}

static void convert_children(struct converter *cv, xmlNodePtr xn, struct bc_node *parent)
{
	for (xmlNodePtr c = xn->children; c; c = c->next) {
		if (c->type == XML_ELEMENT_NODE) {
			struct bc_node *child = convert_element(cv, c);
			if (child)
				bc_node_append(parent, child);
		} else if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			const char *text = (const char *)c->content;
			if (!text || !keeps_text(parent->kind))
				continue;
			size_t len = strlen(text);
			if (len > cv->lim->max_text_bytes) {
				bc_diag(cv->d, BC_ERROR, (int)xmlGetLineNo(c), 0,
					"text of <%s> is %zu bytes; the limit is %zu",
					bc_kind_name(parent->kind), len, cv->lim->max_text_bytes);
				bc_hint(cv->d, "split it into several paragraphs");
				cv->d->io_error = 1; /* a resource limit: exit status 3 */
				continue;
			}
			/* Merge adjacent text (libxml2 splits at entity refs). */
			if (parent->last && parent->last->kind == BC_TEXT) {
				struct bc_node *t = parent->last;
				size_t old = strlen(t->text);
				t->text = bc_xrealloc(t->text, old + len + 1);
				memcpy(t->text + old, text, len + 1);
				continue;
			}
			struct bc_node *t = bc_node_new(BC_TEXT, (int)xmlGetLineNo(c), 0);
			t->text = bc_xstrndup(text, len);
			bc_node_append(parent, t);
		}
		/* Comments and processing instructions carry nothing. */
	}
}

struct bc_node *bc_parse_memory(struct bc_xml *x, const char *bytes, size_t len,
				const struct bc_limits *lim, struct bc_diag *d)
{
	struct bc_limits def = BC_LIMITS_DEFAULT;
	if (!lim)
		lim = &def;
	if (len > lim->max_input_bytes) {
		bc_diag(d, BC_ERROR, 0, 0, "input is %zu bytes; the limit is %zu", len,
			lim->max_input_bytes);
		d->io_error = 1;
		return NULL;
	}
	xmlDocPtr doc = bc_xml_parse(x, bytes, len, BC_SCHEMA_PAPER, d);
	if (!doc)
		return NULL;
	struct converter cv = {.d = d, .loc = {bytes, len, 0, 0}, .lim = lim};
	int before = d->errors;
	struct bc_node *root = convert_element(&cv, xmlDocGetRootElement(doc));
	xmlFreeDoc(doc);
	if (d->errors != before) {
		bc_node_free(root);
		return NULL;
	}
	return root;
}

struct bc_node *bc_parse_file(struct bc_xml *x, const char *path, const struct bc_limits *lim,
			      struct bc_diag *d)
{
	struct bc_limits def = BC_LIMITS_DEFAULT;
	if (!lim)
		lim = &def;
	size_t len = 0;
	char *bytes = bc_xml_slurp(path, lim->max_input_bytes, &len, d);
	if (!bytes)
		return NULL;
	struct bc_node *root = bc_parse_memory(x, bytes, len, lim, d);
	free(bytes);
	return root;
}
