/* check_config.c - boardc-check.xml: rule severities, readability limits,
 * well-known acronyms and required sections, read with the safe XML
 * reader. The format is documented in docs/check.md. */
#include "check.h"

#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/tree.h>

#include "util.h"
#include "xml.h"

#define NS "urn:x-boardc:check:1"

/* Acronyms every reader knows, and capitalised words that are not
 * acronyms at all; a config file adds to them. */
static const char *const known_acronyms[] = {
    "NHS", "UK",  "GP", "A&E", "HR", "IT",  "EU",  "US",  "USA", "UN",	 "BBC", "ICT",
    "CEO", "MP",  "PC", "PDF", "TV", "ID",  "VAT", "AM",  "PM",	 "CCTV", "OK",	"COVID",
    "URL", "FAQ", "NO", "NOT", "OR", "AND", "THE", "ALL", "YES", "CV",
};

void bc_check_config_init(struct bc_check_config *c)
{
	memset(c, 0, sizeof *c);
	for (int r = 0; r < BC_RULE_COUNT; r++)
		c->severity[r] = bc_rule_info((enum bc_rule)r)->severity;
	c->min_severity = BC_NOTE;
	c->sentence_words = 25;
	c->paragraph_words = 150;
	size_t n = sizeof known_acronyms / sizeof *known_acronyms;
	c->acronyms = bc_xcalloc(n, sizeof *c->acronyms);
	for (size_t i = 0; i < n; i++)
		c->acronyms[i] = bc_xstrdup(known_acronyms[i]);
	c->nacronyms = n;
}

static void free_acronyms(struct bc_check_config *c)
{
	for (size_t i = 0; i < c->nacronyms; i++)
		free(c->acronyms[i]);
	free(c->acronyms);
	c->acronyms = NULL;
	c->nacronyms = 0;
}

void bc_check_config_free(struct bc_check_config *c)
{
	free_acronyms(c);
	for (size_t i = 0; i < c->nreqs; i++) {
		struct bc_check_reqs *rq = &c->reqs[i];
		for (size_t k = 0; k < rq->n; k++) {
			free(rq->v[k].type);
			free(rq->v[k].title);
			free(rq->v[k].when);
		}
		free(rq->v);
		free(rq->template);
	}
	free(c->reqs);
	c->reqs = NULL;
	c->nreqs = 0;
}

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

static int line_of(xmlNodePtr n)
{
	return (int)xmlGetLineNo(n);
}

static void read_rule(struct bc_check_config *c, xmlNodePtr n, struct bc_diag *d)
{
	char *id = prop(n, "id"), *sev = prop(n, "severity");
	enum bc_rule r;
	if (!id || !bc_rule_from_id(id, &r)) {
		bc_diag(d, BC_ERROR, line_of(n), 0, "unknown rule '%s'", id ? id : "");
		bc_hint(d, "docs/check.md lists the rule ids");
	} else if (r == BC_RULE_INVALID_PAPER) {
		bc_diag(d, BC_ERROR, line_of(n), 0,
			"'invalid-paper' cannot be configured: such a paper does not build");
	} else if (!sev) {
		bc_diag(d, BC_ERROR, line_of(n), 0, "<rule id=\"%s\"> needs severity=", id);
	} else if (!strcmp(sev, "off")) {
		c->off[r] = true;
	} else if (!strcmp(sev, "error") || !strcmp(sev, "warning") || !strcmp(sev, "note")) {
		c->off[r] = false;
		c->severity[r] = sev[0] == 'e' ? BC_ERROR : sev[0] == 'w' ? BC_WARNING : BC_NOTE;
	} else {
		bc_diag(d, BC_ERROR, line_of(n), 0,
			"severity '%s' must be error, warning, note or off", sev);
	}
	free(id);
	free(sev);
}

static void read_limit(xmlNodePtr n, const char *name, int *out, struct bc_diag *d)
{
	char *v = prop(n, name);
	if (!v)
		return;
	char *end;
	long x = strtol(v, &end, 10);
	if (*end || end == v || x < 1 || x > 100000)
		bc_diag(d, BC_ERROR, line_of(n), 0, "%s=\"%s\" is not a whole number from 1", name,
			v);
	else
		*out = (int)x;
	free(v);
}

static void read_acronyms(struct bc_check_config *c, xmlNodePtr n, struct bc_diag *d)
{
	char *replace = prop(n, "replace");
	if (replace && !strcmp(replace, "yes"))
		free_acronyms(c);
	else if (replace && strcmp(replace, "no") != 0)
		bc_diag(d, BC_ERROR, line_of(n), 0, "replace=\"%s\" must be yes or no", replace);
	free(replace);
	xmlChar *text = xmlNodeGetContent(n);
	char *copy = bc_xstrdup(text ? (const char *)text : "");
	xmlFree(text);
	size_t cap = c->nacronyms;
	for (char *save = NULL, *w = strtok_r(copy, " ,\t\r\n", &save); w;
	     w = strtok_r(NULL, " ,\t\r\n", &save))
		BC_PUSH(c->acronyms, c->nacronyms, cap, bc_xstrdup(w));
	free(copy);
}

static void read_requires(struct bc_check_config *c, xmlNodePtr n, struct bc_diag *d)
{
	struct bc_check_reqs rq = {prop(n, "template"), false, NULL, 0};
	char *replace = prop(n, "replace");
	rq.replace = replace && !strcmp(replace, "yes");
	if (replace && strcmp(replace, "yes") != 0 && strcmp(replace, "no") != 0)
		bc_diag(d, BC_ERROR, line_of(n), 0, "replace=\"%s\" must be yes or no", replace);
	free(replace);
	size_t cap = 0;
	for (xmlNodePtr s = n->children; s; s = s->next) {
		if (s->type != XML_ELEMENT_NODE)
			continue;
		if (!is(s, "section")) {
			bc_diag(d, BC_ERROR, line_of(s), 0, "<requires> holds <section> elements");
			continue;
		}
		char *kind = prop(s, "kind");
		enum bc_kind k;
		if (!kind || !bc_kind_from_name(kind, &k)) {
			bc_diag(d, BC_ERROR, line_of(s), 0,
				"<section kind=\"%s\"> is not a paper element", kind ? kind : "");
			free(kind);
			continue;
		}
		free(kind);
		struct bc_requirement r = {.kind = k,
					   .type = prop(s, "type"),
					   .title = prop(s, "title"),
					   .when = prop(s, "when"),
					   .line = line_of(s)};
		if (r.when && strcmp(r.when, "for-decision") && strcmp(r.when, "key-decision") &&
		    strcmp(r.when, "exempt"))
			bc_diag(d, BC_ERROR, line_of(s), 0,
				"when=\"%s\" must be for-decision, key-decision or exempt", r.when);
		BC_PUSH(rq.v, rq.n, cap, r);
	}
	size_t rcap = c->nreqs;
	BC_PUSH(c->reqs, c->nreqs, rcap, rq);
}

int bc_check_config_load(struct bc_check_config *c, struct bc_xml *x, const char *path,
			 struct bc_diag *d)
{
	const char *keep = d->file; /* messages name the config file */
	d->file = path;
	int before = d->errors;
	size_t len = 0;
	char *bytes = bc_xml_slurp(path, 1u << 20, &len, d);
	xmlDocPtr doc = bytes ? bc_xml_parse(x, bytes, len, BC_SCHEMA_NONE, d) : NULL;
	free(bytes);
	if (!doc) {
		d->file = keep;
		return -1;
	}
	xmlNodePtr root = xmlDocGetRootElement(doc);
	if (!root || !is(root, "check") || !root->ns ||
	    strcmp((const char *)root->ns->href, NS) != 0) {
		bc_diag(d, BC_ERROR, root ? line_of(root) : 0, 0,
			"a check configuration's root must be <check xmlns=\"" NS "\">");
	} else {
		for (xmlNodePtr n = root->children; n; n = n->next) {
			if (n->type != XML_ELEMENT_NODE)
				continue;
			if (is(n, "rule")) {
				read_rule(c, n, d);
			} else if (is(n, "readability")) {
				read_limit(n, "sentence-words", &c->sentence_words, d);
				read_limit(n, "paragraph-words", &c->paragraph_words, d);
			} else if (is(n, "acronyms")) {
				read_acronyms(c, n, d);
			} else if (is(n, "requires")) {
				read_requires(c, n, d);
			} else {
				bc_diag(d, BC_ERROR, line_of(n), 0,
					"unknown configuration element <%s>",
					(const char *)n->name);
				bc_hint(d, "a configuration holds <rule>, <readability>, "
					   "<acronyms> and <requires>");
			}
		}
	}
	xmlFreeDoc(doc);
	d->file = keep;
	return d->errors == before ? 0 : -1;
}

int bc_check_config_for(struct bc_check_config *c, struct bc_xml *x, const char *explicit_path,
			const char *paper_path, struct bc_diag *d)
{
	bc_check_config_init(c);
	if (explicit_path)
		return bc_check_config_load(c, x, explicit_path, d);
	char *copy = bc_xstrdup(paper_path);
	char *path = bc_xasprintf("%s/%s", dirname(copy), BC_CHECK_CONFIG_NAME);
	free(copy);
	struct stat sb;
	int rc = 0;
	if (stat(path, &sb) == 0)
		rc = bc_check_config_load(c, x, path, d);
	free(path);
	return rc;
}
