/* parse.c - copy a validated libxml2 document into the model.
 *
 * The schema has already checked structure, so this only converts: element
 * names to kinds, attributes to strings, text to text nodes. Two things are
 * normalised here so later stages need not care: whitespace-only text between
 * blocks is dropped, and loose inline content in list items and table cells
 * is wrapped in implicit paragraphs. Comments and processing instructions
 * are dropped, except <?boardc-check ...?> suppression markers (model.h). */
#include "parse.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "occurs.h"
#include "util.h"
#include "xml.h"

struct converter {
	struct bc_diag *d;
	struct bc_xml_locator loc;
	const struct bc_limits *lim;
	struct bc_node **marks; /* suppression markers, in document order */
	size_t nmarks, marks_cap;
};

#define MARK_NAME "boardc-check"

/* Column of "<?boardc-check" on a line of the source: libxml2 keeps only
 * the line of a processing instruction. Markers are rare, so a scan from
 * the start of the file costs nothing that matters. */
static int mark_column(const struct bc_xml_locator *loc, int line)
{
	size_t pos = 0;
	for (int l = 1; l < line && pos < loc->len; pos++)
		if (loc->bytes[pos] == '\n')
			l++;
	const char *want = "<?" MARK_NAME;
	size_t n = strlen(want);
	int col = 1;
	for (; pos + n <= loc->len && loc->bytes[pos] != '\n'; pos++) {
		if (memcmp(loc->bytes + pos, want, n) == 0)
			return col;
		if (((unsigned char)loc->bytes[pos] & 0xC0) != 0x80)
			col++;
	}
	return 0;
}

/* The pseudo-attributes of a marker, name="value" or name='value', become
 * attributes of its node; anything else is kept under "#malformed" for the
 * checker to report. */
static void read_pseudo_attrs(struct bc_node *n, const char *s)
{
	while (s && *s) {
		while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
			s++;
		if (!*s)
			break;
		const char *name = s;
		while ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '-' ||
		       *s == '_')
			s++;
		size_t nlen = (size_t)(s - name);
		char quote = s[0] == '=' ? s[1] : 0;
		const char *end = quote == '"' || quote == '\'' ? strchr(s + 2, quote) : NULL;
		if (!nlen || !end) {
			bc_node_set_attr(n, "#malformed", name);
			return;
		}
		char *key = bc_xstrndup(name, nlen);
		char *value = bc_xstrndup(s + 2, (size_t)(end - s - 2));
		bc_node_set_attr(n, key, value);
		free(key);
		free(value);
		s = end + 1;
	}
}

static void add_mark(struct converter *cv, xmlNodePtr pi, struct bc_node *target)
{
	int line = (int)xmlGetLineNo(pi);
	struct bc_node *m = bc_node_new(BC_SUPPRESS, line, mark_column(&cv->loc, line));
	read_pseudo_attrs(m, (const char *)pi->content);
	m->target = target;
	BC_PUSH(cv->marks, cv->nmarks, cv->marks_cap, m);
}

static bool is_mark(xmlNodePtr c)
{
	return c->type == XML_PI_NODE && c->name && strcmp((const char *)c->name, MARK_NAME) == 0;
}

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
	case BC_MEMBER:
	case BC_AGENDA_ITEM:
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
	size_t pending = cv->nmarks; /* this element's markers still waiting for a target */
	for (xmlNodePtr c = xn->children; c; c = c->next) {
		if (c->type == XML_ELEMENT_NODE) {
			size_t waiting = cv->nmarks;
			struct bc_node *child = convert_element(cv, c);
			if (child)
				bc_node_append(parent, child);
			for (size_t i = pending; i < waiting; i++)
				cv->marks[i]->target = child;
			pending = cv->nmarks; /* markers inside the child found their own */
		} else if (is_mark(c)) {
			add_mark(cv, c, NULL);
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
		/* Comments and other processing instructions carry nothing. */
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
	struct converter cv = {.d = d, .loc = {.bytes = bytes, .len = len}, .lim = lim};
	int before = d->errors;
	xmlNodePtr xroot = xmlDocGetRootElement(doc);
	/* A marker before the root silences the whole paper. */
	for (xmlNodePtr c = doc->children; c && c != xroot; c = c->next)
		if (is_mark(c))
			add_mark(&cv, c, NULL);
	size_t before_root = cv.nmarks;
	struct bc_node *root = convert_element(&cv, xroot);
	for (size_t i = 0; i < before_root; i++)
		cv.marks[i]->target = root;
	for (xmlNodePtr c = xroot ? xroot->next : NULL; c; c = c->next)
		if (is_mark(c))
			add_mark(&cv, c, NULL);
	xmlFreeDoc(doc);
	for (size_t i = 0; i < cv.nmarks; i++) {
		if (root)
			bc_node_append(root, cv.marks[i]);
		else
			bc_node_free(cv.marks[i]);
	}
	free(cv.marks);
	/* The counts the schema leaves to boardc (occurs.h). */
	bc_check_occurs(root, d);
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
