/* style.c - style files: each element/attribute pair maps onto one field of
 * struct bc_style through the table below, so a new property is one line. */
#include "style.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "util.h"
#include "xml.h"

extern const char bc_style_default_xml[]; /* generated from styles/default.xml */
extern const size_t bc_style_default_xml_len;

enum prop_type { P_LENGTH, P_NUMBER, P_COLOUR, P_STRING, P_ALIGN, P_PAGESIZE };

struct prop {
	const char *element;
	const char *level; /* for <heading level="N">, else NULL */
	const char *attr;
	enum prop_type type;
	size_t offset;
};

#define F(field) offsetof(struct bc_style, field)
static const struct prop props[] = {
    {"style", NULL, "name", P_STRING, F(name)},
    {"style", NULL, "description", P_STRING, F(description)},
    {"page", NULL, "size", P_PAGESIZE, F(page_w)},
    {"page", NULL, "width", P_LENGTH, F(page_w)},
    {"page", NULL, "height", P_LENGTH, F(page_h)},
    {"page", NULL, "margin-top", P_LENGTH, F(margin_top)},
    {"page", NULL, "margin-bottom", P_LENGTH, F(margin_bottom)},
    {"page", NULL, "margin-left", P_LENGTH, F(margin_left)},
    {"page", NULL, "margin-right", P_LENGTH, F(margin_right)},
    {"text", NULL, "font", P_STRING, F(font)},
    {"text", NULL, "size", P_LENGTH, F(body_size)},
    {"text", NULL, "line-height", P_NUMBER, F(line_height)},
    {"text", NULL, "align", P_ALIGN, F(justify)},
    {"text", NULL, "colour", P_COLOUR, F(text)},
    {"text", NULL, "paragraph-space", P_LENGTH, F(para_space)},
    {"text", NULL, "number-width", P_LENGTH, F(number_width)},
    {"title", NULL, "size", P_LENGTH, F(title_size)},
    {"title", NULL, "colour", P_COLOUR, F(title)},
    {"heading", "1", "size", P_LENGTH, F(h_size[0])},
    {"heading", "2", "size", P_LENGTH, F(h_size[1])},
    {"heading", "3", "size", P_LENGTH, F(h_size[2])},
    {"heading", "1", "colour", P_COLOUR, F(h_colour[0])},
    {"heading", "2", "colour", P_COLOUR, F(h_colour[1])},
    {"heading", "3", "colour", P_COLOUR, F(h_colour[2])},
    {"heading", "1", "space-before", P_LENGTH, F(h_before[0])},
    {"heading", "2", "space-before", P_LENGTH, F(h_before[1])},
    {"heading", "3", "space-before", P_LENGTH, F(h_before[2])},
    {"heading", "1", "space-after", P_LENGTH, F(h_after[0])},
    {"heading", "2", "space-after", P_LENGTH, F(h_after[1])},
    {"heading", "3", "space-after", P_LENGTH, F(h_after[2])},
    {"small", NULL, "size", P_LENGTH, F(small_size)},
    {"small", NULL, "colour", P_COLOUR, F(small)},
    {"table", NULL, "size", P_LENGTH, F(table_size)},
    {"table", NULL, "padding", P_LENGTH, F(table_padding)},
    {"table", NULL, "header-background", P_COLOUR, F(table_header_bg)},
    {"table", NULL, "rule-colour", P_COLOUR, F(table_rule)},
    {"link", NULL, "colour", P_COLOUR, F(link)},
    {"front", NULL, "label-background", P_COLOUR, F(front_label_bg)},
};
#undef F

/* "12pt", "25mm", "2.5cm", "1in" -> points. Locale-free. */
static bool parse_length(const char *s, double *out)
{
	double v = 0, scale = 1;
	bool any = false, frac = false;
	for (; (*s >= '0' && *s <= '9') || *s == '.'; s++) {
		if (*s == '.') {
			if (frac)
				return false;
			frac = true;
			continue;
		}
		any = true;
		if (frac) {
			scale /= 10;
			v += (*s - '0') * scale;
		} else {
			v = v * 10 + (*s - '0');
		}
	}
	if (!any)
		return false;
	if (strcmp(s, "pt") == 0)
		*out = v;
	else if (strcmp(s, "mm") == 0)
		*out = v * 72.0 / 25.4;
	else if (strcmp(s, "cm") == 0)
		*out = v * 72.0 / 2.54;
	else if (strcmp(s, "in") == 0)
		*out = v * 72.0;
	else if (*s == '\0' && frac) /* plain number: line-height factors */
		*out = v;
	else if (*s == '\0')
		*out = v;
	else
		return false;
	return true;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static bool parse_colour(const char *s, struct bc_rgb *out)
{
	if (strlen(s) != 7 || s[0] != '#')
		return false;
	int v[6];
	for (int i = 0; i < 6; i++)
		if ((v[i] = hexval(s[i + 1])) < 0)
			return false;
	out->r = (v[0] * 16 + v[1]) / 255.0;
	out->g = (v[2] * 16 + v[3]) / 255.0;
	out->b = (v[4] * 16 + v[5]) / 255.0;
	return true;
}

static bool set_prop(struct bc_style *st, const struct prop *p, const char *v)
{
	char *base = (char *)st + p->offset;
	switch (p->type) {
	case P_LENGTH:
	case P_NUMBER:
		return parse_length(v, (double *)base) && *(double *)base >= 0 &&
		       *(double *)base < 10000;
	case P_COLOUR:
		return parse_colour(v, (struct bc_rgb *)base);
	case P_STRING:
		free(*(char **)base);
		*(char **)base = bc_xstrdup(v);
		return true;
	case P_ALIGN:
		if (strcmp(v, "justify") == 0 || strcmp(v, "left") == 0) {
			*(bool *)base = strcmp(v, "justify") == 0;
			return true;
		}
		return false;
	case P_PAGESIZE:
		if (strcmp(v, "A4") == 0) {
			st->page_w = 595.2756;
			st->page_h = 841.8898;
		} else if (strcmp(v, "Letter") == 0) {
			st->page_w = 612;
			st->page_h = 792;
		} else if (strcmp(v, "A5") == 0) {
			st->page_w = 419.5276;
			st->page_h = 595.2756;
		} else {
			return false;
		}
		return true;
	}
	return false;
}

static const char *expected(enum prop_type t)
{
	switch (t) {
	case P_LENGTH:
		return "a length such as 12pt, 25mm or 2.5cm";
	case P_NUMBER:
		return "a number such as 1.2";
	case P_COLOUR:
		return "a colour such as #1d70b8";
	case P_ALIGN:
		return "left or justify";
	case P_PAGESIZE:
		return "A4, A5 or Letter";
	case P_STRING:
		break;
	}
	return "text";
}

static void apply_element(struct bc_style *st, xmlNodePtr el, struct bc_xml_locator *loc,
			  struct bc_diag *d)
{
	const char *ename = (const char *)el->name;
	int line = (int)xmlGetLineNo(el);
	int col = bc_xml_locate(loc, line, ename);
	xmlChar *level = xmlGetProp(el, (const xmlChar *)"level");
	bool known_element = false;
	for (size_t i = 0; i < sizeof props / sizeof *props; i++)
		if (strcmp(props[i].element, ename) == 0)
			known_element = true;
	if (!known_element) {
		bc_diag(d, BC_ERROR, line, col, "unknown style element <%s>", ename);
		bc_hint(d, "docs/styles.md lists the elements a style may use");
	}
	for (xmlAttrPtr a = el->properties; known_element && a; a = a->next) {
		const char *aname = (const char *)a->name;
		if (strcmp(aname, "level") == 0 && level)
			continue;
		if (strcmp(ename, "style") == 0 && strcmp(aname, "xmlns") == 0)
			continue;
		const struct prop *p = NULL;
		for (size_t i = 0; i < sizeof props / sizeof *props; i++) {
			const struct prop *q = &props[i];
			if (strcmp(q->element, ename) || strcmp(q->attr, aname))
				continue;
			if (q->level && (!level || strcmp(q->level, (const char *)level)))
				continue;
			p = q;
		}
		xmlChar *v = xmlNodeListGetString(el->doc, a->children, 1);
		const char *value = v ? (const char *)v : "";
		if (!p) {
			bc_diag(d, BC_ERROR, line, col, "<%s> has no property '%s'%s", ename, aname,
				level ? " at this level (levels are 1-3)" : "");
		} else if (!set_prop(st, p, value)) {
			bc_diag(d, BC_ERROR, line, col, "<%s %s=\"%s\">: expected %s", ename, aname,
				value, expected(p->type));
		}
		xmlFree(v);
	}
	xmlFree(level);
}

static void set_builtin(struct bc_style *s)
{
	s->page_w = 595.2756;
	s->page_h = 841.8898;
	s->margin_top = s->margin_bottom = s->margin_left = s->margin_right = 72;
	s->font = bc_xstrdup("Liberation Sans");
	s->body_size = 12;
	s->line_height = 1.2;
	s->para_space = 6;
	s->number_width = 34;
	s->title_size = 20;
	for (int i = 0; i < 3; i++) {
		s->h_size[i] = 15 - 2 * i;
		s->h_before[i] = 12;
		s->h_after[i] = 5;
	}
	s->small_size = 10;
	s->small = (struct bc_rgb){0.31, 0.35, 0.37};
	s->table_size = 11;
	s->table_padding = 4;
	s->table_header_bg = (struct bc_rgb){0.9, 0.9, 0.9};
	s->table_rule = (struct bc_rgb){0.31, 0.35, 0.37};
	s->link = (struct bc_rgb){0.11, 0.44, 0.71};
	s->front_label_bg = (struct bc_rgb){0.95, 0.95, 0.95};
}

struct bc_style *bc_style_load_memory(struct bc_xml *x, const char *bytes, size_t len,
				      struct bc_diag *d)
{
	int before = d->errors;
	xmlDocPtr doc = bc_xml_parse(x, bytes, len, BC_SCHEMA_NONE, d);
	if (!doc)
		return NULL;
	struct bc_style *st = bc_xcalloc(1, sizeof *st);
	set_builtin(st);
	struct bc_xml_locator loc = {bytes, len, 0, 0};
	xmlNodePtr root = xmlDocGetRootElement(doc);
	if (!root || strcmp((const char *)root->name, "style") != 0 || !root->ns ||
	    strcmp((const char *)root->ns->href, "urn:x-boardc:style:1") != 0) {
		bc_diag(d, BC_ERROR, root ? (int)xmlGetLineNo(root) : 0, 0,
			"a style file's root must be <style xmlns=\"urn:x-boardc:style:1\">");
	} else {
		apply_element(st, root, &loc, d);
		for (xmlNodePtr c = root->children; c; c = c->next)
			if (c->type == XML_ELEMENT_NODE)
				apply_element(st, c, &loc, d);
	}
	xmlFreeDoc(doc);
	if (st->margin_left + st->margin_right > st->page_w - 72 ||
	    st->margin_top + st->margin_bottom > st->page_h - 144)
		bc_diag(d, BC_ERROR, 0, 0, "margins leave too little room on the page");
	if (st->body_size < 4 || st->line_height < 0.8 || st->line_height > 4)
		bc_diag(d, BC_ERROR, 0, 0, "text size or line-height out of range");
	if (d->errors != before) {
		bc_style_free(st);
		return NULL;
	}
	return st;
}

struct bc_style *bc_style_load(struct bc_xml *x, const char *path, struct bc_diag *d)
{
	size_t len = 0;
	char *bytes = bc_xml_slurp(path, 1u << 20, &len, d);
	if (!bytes)
		return NULL;
	struct bc_style *st = bc_style_load_memory(x, bytes, len, d);
	free(bytes);
	return st;
}

struct bc_style *bc_style_default(struct bc_xml *x)
{
	struct bc_diag d;
	bc_diag_init(&d, "<built-in default style>", stderr);
	struct bc_style *st =
	    bc_style_load_memory(x, bc_style_default_xml, bc_style_default_xml_len, &d);
	if (!st)
		abort(); /* the built-in style is tested; this cannot happen */
	return st;
}

void bc_style_free(struct bc_style *s)
{
	if (!s)
		return;
	free(s->name);
	free(s->description);
	free(s->font);
	free(s);
}

double bc_style_text_width(const struct bc_style *s)
{
	return s->page_w - s->margin_left - s->margin_right;
}
