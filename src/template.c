/* template.c - reading template files (see template.h). */
#include "template.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "util.h"
#include "xml.h"

#define NS "urn:x-boardc:template:1"

static bool is(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static char *prop(xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	char *s = v ? bc_xstrdup((const char *)v) : NULL;
	xmlFree(v);
	return s;
}

/* A positive whole number, or 0 when absent; anything else is an error. */
static int int_prop(xmlNodePtr n, const char *name, struct bc_diag *d)
{
	char *v = prop(n, name);
	if (!v)
		return 0;
	char *end;
	long i = strtol(v, &end, 10);
	if (*end || i <= 0 || i > 1000000) {
		bc_diag(d, BC_ERROR, (int)xmlGetLineNo(n), 0,
			"%s=\"%s\" must be a whole number above zero", name, v);
		i = 0;
	}
	free(v);
	return (int)i;
}

/* What a template may require: the section-like blocks, the summary and
 * the front sheet's decision box. */
static bool requirable(enum bc_kind k)
{
	return bc_kind_is_sectionlike(k) || k == BC_SUMMARY || k == BC_DECISION;
}

/* "committee meeting item title" -> kinds, in order. */
static void read_front(struct bc_template *t, xmlNodePtr n, struct bc_diag *d)
{
	xmlChar *text = xmlNodeGetContent(n);
	char *copy = bc_xstrdup(text ? (const char *)text : "");
	xmlFree(text);
	size_t cap = 0;
	for (char *save = NULL, *w = strtok_r(copy, " \t\r\n", &save); w;
	     w = strtok_r(NULL, " \t\r\n", &save)) {
		enum bc_kind k;
		if (!bc_kind_from_name(w, &k)) {
			bc_diag(d, BC_ERROR, (int)xmlGetLineNo(n), 0,
				"unknown front-sheet field '%s'", w);
			continue;
		}
		BC_PUSH(t->front, t->nfront, cap, k);
	}
	free(copy);
}

static void read_requires(struct bc_template *t, xmlNodePtr n, struct bc_diag *d)
{
	size_t cap = 0;
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (!is(c, "section"))
			continue;
		char *kind = prop(c, "kind");
		enum bc_kind k;
		int line = (int)xmlGetLineNo(c);
		if (!kind || !bc_kind_from_name(kind, &k) || !requirable(k)) {
			bc_diag(d, BC_ERROR, line, 0,
				"<section kind=\"%s\"> is not a paper section", kind ? kind : "");
			free(kind);
			continue;
		}
		free(kind);
		struct bc_requirement r = {k, prop(c, "type"), prop(c, "title"), prop(c, "when"),
					   line};
		if (r.type && k != BC_IMPLICATION)
			bc_diag(d, BC_ERROR, line, 0,
				"type=\"%s\" applies only to kind=\"implication\"", r.type);
		if (r.when && strcmp(r.when, "for-decision") && strcmp(r.when, "key-decision") &&
		    strcmp(r.when, "exempt")) {
			bc_diag(d, BC_ERROR, line, 0,
				"when=\"%s\" must be for-decision, key-decision or exempt", r.when);
		}
		BC_PUSH(t->requires, t->nrequires, cap, r);
	}
}

static char *serialise(xmlDocPtr doc, xmlNodePtr n)
{
	xmlBufferPtr buf = xmlBufferCreate();
	xmlNodeDump(buf, doc, n, 0, 0);
	char *s = bc_xasprintf("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n%s\n",
			       (const char *)xmlBufferContent(buf));
	xmlBufferFree(buf);
	return s;
}

struct bc_template *bc_template_load(struct bc_xml *x, const char *path, struct bc_diag *d)
{
	size_t len = 0;
	char *bytes = bc_xml_slurp(path, 1u << 20, &len, d);
	if (!bytes)
		return NULL;
	int before = d->errors;
	xmlDocPtr doc = bc_xml_parse(x, bytes, len, BC_SCHEMA_NONE, d);
	free(bytes);
	if (!doc)
		return NULL;
	struct bc_template *t = bc_xcalloc(1, sizeof *t);
	t->path = bc_xstrdup(path);
	xmlNodePtr root = xmlDocGetRootElement(doc);
	if (!root || !is(root, "template") || !root->ns ||
	    strcmp((const char *)root->ns->href, NS) != 0) {
		bc_diag(d, BC_ERROR, root ? (int)xmlGetLineNo(root) : 0, 0,
			"a template's root must be <template xmlns=\"" NS "\">");
	} else {
		t->name = prop(root, "name");
		t->description = prop(root, "description");
		size_t wcap = 0;
		for (xmlNodePtr c = root->children; c; c = c->next) {
			if (c->type != XML_ELEMENT_NODE)
				continue;
			if (is(c, "front")) {
				read_front(t, c, d);
			} else if (is(c, "requires")) {
				read_requires(t, c, d);
			} else if (is(c, "limits")) {
				t->max_pages = int_prop(c, "pages", d);
				t->max_words = int_prop(c, "words", d);
			} else if (is(c, "wording")) {
				xmlChar *text = xmlNodeGetContent(c);
				struct bc_wording w = {prop(c, "name"),
						       bc_xstrdup(text ? (const char *)text : "")};
				xmlFree(text);
				if (!w.name)
					bc_diag(d, BC_ERROR, (int)xmlGetLineNo(c), 0,
						"<wording> needs a name");
				else if (bc_template_wording(t, w.name))
					bc_diag(d, BC_ERROR, (int)xmlGetLineNo(c), 0,
						"wording '%s' is defined twice", w.name);
				BC_PUSH(t->wordings, t->nwordings, wcap, w);
			} else if (is(c, "skeleton")) {
				for (xmlNodePtr p = c->children; p; p = p->next) {
					if (p->type != XML_ELEMENT_NODE || t->skeleton)
						continue;
					if (!is(p, "paper") || !p->ns ||
					    strcmp((const char *)p->ns->href,
						   "urn:x-boardc:paper:1")) {
						bc_diag(
						    d, BC_ERROR, (int)xmlGetLineNo(p), 0,
						    "<skeleton> must hold a <paper> in the paper "
						    "namespace");
						continue;
					}
					t->skeleton = serialise(doc, p);
				}
			} else {
				bc_diag(d, BC_ERROR, (int)xmlGetLineNo(c), 0,
					"unknown template element <%s>", (const char *)c->name);
			}
		}
		if (!t->name)
			bc_diag(d, BC_ERROR, (int)xmlGetLineNo(root), 0, "<template> needs a name");
	}
	xmlFreeDoc(doc);
	if (d->errors != before) {
		bc_template_free(t);
		return NULL;
	}
	return t;
}

void bc_template_free(struct bc_template *t)
{
	if (!t)
		return;
	free(t->name);
	free(t->description);
	free(t->path);
	free(t->front);
	for (size_t i = 0; i < t->nrequires; i++) {
		free(t->requires[i].type);
		free(t->requires[i].title);
		free(t->requires[i].when);
	}
	free(t->requires);
	for (size_t i = 0; i < t->nwordings; i++) {
		free(t->wordings[i].name);
		free(t->wordings[i].text);
	}
	free(t->wordings);
	free(t->skeleton);
	free(t);
}

const char *bc_template_wording(const struct bc_template *t, const char *name)
{
	for (size_t i = 0; t && name && i < t->nwordings; i++)
		if (t->wordings[i].name && strcmp(t->wordings[i].name, name) == 0)
			return t->wordings[i].text;
	return NULL;
}

bool bc_template_shows(const struct bc_template *t, enum bc_kind field)
{
	if (!t || !t->nfront)
		return true;
	for (size_t i = 0; i < t->nfront; i++)
		if (t->front[i] == field)
			return true;
	return false;
}
