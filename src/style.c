/* style.c - style files: each element/attribute pair maps onto one field of
 * struct bc_style through the table below, so a new property is one line.
 * Also here: running-text {fields}, and the logo, read once when the style
 * is loaded (PNG through Cairo, SVG through librsvg into a recording
 * surface, so it stays vector in the PDF). */
#include "style.h"

#include <errno.h>
#include <libgen.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <cairo.h>
#include <libxml/tree.h>

#include "svg.h"
#include "util.h"
#include "xml.h"

extern const char bc_style_default_xml[]; /* generated from styles/default.xml */
extern const size_t bc_style_default_xml_len;

enum prop_type {
	P_LENGTH,
	P_NUMBER,
	P_COLOUR,
	P_STRING,
	P_ALIGN,
	P_PAGESIZE,
	P_YESNO,
	P_DOTS,
	P_FIELDS,
	P_PALETTE,
	P_CORNER
};

/* A logo file is read whole into memory; decoded, a PNG may be larger. */
#define LOGO_MAX_BYTES	(2u << 20)
#define LOGO_MAX_PIXELS 16000000u
#define MM		(72.0 / 25.4)

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
    {"text", NULL, "hyphenate", P_YESNO, F(hyphenate)},
    {"numbering", NULL, "trailing-dot", P_DOTS, F(trailing_dot)},
    {"header", NULL, "left", P_FIELDS, F(header[0])},
    {"header", NULL, "centre", P_FIELDS, F(header[1])},
    {"header", NULL, "right", P_FIELDS, F(header[2])},
    {"header", NULL, "first-page", P_YESNO, F(header_first_page)},
    {"footer", NULL, "left", P_FIELDS, F(footer[0])},
    {"footer", NULL, "centre", P_FIELDS, F(footer[1])},
    {"footer", NULL, "right", P_FIELDS, F(footer[2])},
    {"palette", NULL, "colours", P_PALETTE, F(palette)},
    {"logo", NULL, "src", P_STRING, F(logo_src)},
    {"logo", NULL, "width", P_LENGTH, F(logo_width)},
    {"logo", NULL, "position", P_CORNER, F(logo_right)},
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

static const char *const field_names[BC_NFIELDS] = {"organisation", "committee", "date",  "item",
						    "title",	    "page",	 "pages", "part"};

/* At s == '{': the field named up to the next '}', with the length of
 * "{name}" in *len; -1 when the name is not a field. */
static int field_at(const char *s, size_t *len)
{
	const char *end = strchr(s, '}');
	if (!end)
		return -1;
	size_t n = (size_t)(end - s - 1);
	for (int i = 0; i < BC_NFIELDS; i++)
		if (strlen(field_names[i]) == n && strncmp(s + 1, field_names[i], n) == 0) {
			*len = n + 2;
			return i;
		}
	return -1;
}

/* Running text: every {name} must be a field; {{ and }} are braces. */
static bool check_fields(const char *v, char *why, size_t size)
{
	for (const char *s = v; *s;) {
		size_t len;
		if ((s[0] == '{' && s[1] == '{') || (s[0] == '}' && s[1] == '}')) {
			s += 2;
		} else if (*s == '{') {
			if (field_at(s, &len) >= 0) {
				s += len;
				continue;
			}
			const char *end = strchr(s, '}');
			if (!end)
				snprintf(why, size,
					 "'{' has no closing '}' (write {{ for a brace)");
			else
				snprintf(
				    why, size,
				    "unknown field %.*s; the fields are {organisation}, "
				    "{committee}, {date}, {item}, {title}, {page}, {pages} and "
				    "{part}",
				    (int)(end - s + 1 > 40 ? 40 : end - s + 1), s);
			return false;
		} else if (*s == '}') {
			snprintf(why, size, "'}' without '{' (write }} for a brace)");
			return false;
		} else {
			s++;
		}
	}
	return true;
}

/* WCAG contrast of a colour against white. */
static double contrast_on_white(struct bc_rgb c)
{
	double ch[3] = {c.r, c.g, c.b};
	for (int i = 0; i < 3; i++)
		ch[i] = ch[i] <= 0.04045 ? ch[i] / 12.92 : pow((ch[i] + 0.055) / 1.055, 2.4);
	double l = 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
	return 1.05 / (l + 0.05);
}

/* "#12436D #F46A25 ...": 2 to BC_PALETTE_MAX colours, each at least 3:1
 * against white (WCAG's minimum for graphics), since chart marks sit on
 * white paper. */
static bool parse_palette(struct bc_style *st, const char *v, char *why, size_t size)
{
	struct bc_rgb got[BC_PALETTE_MAX];
	size_t n = 0;
	for (const char *s = v;;) {
		while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
			s++;
		if (!*s)
			break;
		size_t len = strcspn(s, " \t\n\r");
		if (n == BC_PALETTE_MAX) {
			snprintf(why, size, "more than %d colours", BC_PALETTE_MAX);
			return false;
		}
		char tok[16] = "";
		if (len < sizeof tok)
			memcpy(tok, s, len);
		if (len >= sizeof tok || !parse_colour(tok, &got[n])) {
			snprintf(why, size, "'%.*s' is not a colour such as #1d70b8",
				 (int)(len > 20 ? 20 : len), s);
			return false;
		}
		double c = contrast_on_white(got[n]);
		if (c < 3.0) {
			snprintf(why, size,
				 "colour %s has a contrast of %.2f:1 against white; chart "
				 "colours need at least 3:1",
				 tok, c);
			return false;
		}
		n++;
		s += len;
	}
	if (n < 2) {
		snprintf(why, size, "a palette needs 2 to %d colours", BC_PALETTE_MAX);
		return false;
	}
	memcpy(st->palette, got, n * sizeof *got);
	st->npalette = n;
	return true;
}

/* Set one property from its attribute value. On failure *why may hold a
 * reason more precise than the property type's "expected ...". */
static bool set_prop(struct bc_style *st, const struct prop *p, const char *v, char *why,
		     size_t size)
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
	case P_YESNO:
		if (strcmp(v, "yes") == 0 || strcmp(v, "no") == 0) {
			*(bool *)base = strcmp(v, "yes") == 0;
			return true;
		}
		return false;
	case P_DOTS:
		if (strcmp(v, "top") == 0)
			st->trailing_dot = BC_DOT_TOP;
		else if (strcmp(v, "all") == 0)
			st->trailing_dot = BC_DOT_ALL;
		else if (strcmp(v, "none") == 0)
			st->trailing_dot = BC_DOT_NONE;
		else
			return false;
		return true;
	case P_CORNER:
		if (strcmp(v, "top-left") == 0 || strcmp(v, "top-right") == 0) {
			*(bool *)base = strcmp(v, "top-right") == 0;
			return true;
		}
		return false;
	case P_FIELDS:
		if (!check_fields(v, why, size))
			return false;
		free(*(char **)base);
		*(char **)base = bc_xstrdup(v);
		return true;
	case P_PALETTE:
		return parse_palette(st, v, why, size);
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
	case P_YESNO:
		return "yes or no";
	case P_DOTS:
		return "top, all or none";
	case P_CORNER:
		return "top-left or top-right";
	case P_FIELDS:
		return "text with {fields}";
	case P_PALETTE:
		return "2 to 12 colours such as #12436D, separated by spaces";
	case P_STRING:
		break;
	}
	return "text";
}

/* Returns the element's column, for later messages about it. */
static int apply_element(struct bc_style *st, xmlNodePtr el, struct bc_xml_locator *loc,
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
		char why[256] = "";
		if (!p) {
			bc_diag(d, BC_ERROR, line, col, "<%s> has no property '%s'%s", ename, aname,
				level ? " at this level (levels are 1-3)" : "");
		} else if (!set_prop(st, p, value, why, sizeof why)) {
			bc_diag(d, BC_ERROR, line, col, "<%s %s=\"%s\">: %s%s", ename, aname, value,
				why[0] ? "" : "expected ", why[0] ? why : expected(p->type));
		}
		xmlFree(v);
	}
	xmlFree(level);
	return col;
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
	s->hyphenate = true;
	s->trailing_dot = BC_DOT_TOP;
	/* What boardc printed before running text was a style property. */
	s->header[0] = bc_xstrdup("{committee} \u00b7 {date}");
	s->header[1] = bc_xstrdup("");
	s->header[2] = bc_xstrdup("Agenda item {item}");
	s->footer[0] = bc_xstrdup("");
	s->footer[1] = bc_xstrdup("");
	s->footer[2] = bc_xstrdup("Page {page} of {pages}");
	s->logo_width = 40 * MM;
}

/* ---- the logo ---- */

/* Top of the logo box: near the page edge, but inside a shallow margin. */
static double logo_top(const struct bc_style *s)
{
	return fmin(8 * MM, s->margin_top / 3);
}

/* Bottom of the logo box: above the text, and above the running header
 * when page 1 shows one (render.c sets its text 14 pt, or its height plus
 * 2 pt, above a rule 10 pt over the margin; one line of the small size is
 * under 1.2 times its size). */
static double logo_bottom(const struct bc_style *s)
{
	double header = fmax(14, s->small_size * 1.2 + 2);
	return s->margin_top - (s->header_first_page ? 10 + header + 4 : 6);
}

bool bc_style_logo_box(const struct bc_style *s, double *x, double *y, double *w, double *h)
{
	if (!s->logo)
		return false;
	double room = logo_bottom(s) - logo_top(s);
	double lw = s->logo_width, lh = lw * s->logo_nat_h / s->logo_nat_w;
	/* Too tall for the margin: keep the proportions, shrink to fit. */
	if (lh > room) {
		lw *= room / lh;
		lh = room;
	}
	*x = s->logo_right ? s->page_w - s->margin_right - lw : s->margin_left;
	*y = logo_top(s);
	*w = lw;
	*h = lh;
	return true;
}

static bool has_dotdot(const char *src)
{
	for (const char *s = src; *s;) {
		size_t n = strcspn(s, "/");
		if (n == 2 && s[0] == '.' && s[1] == '.')
			return true;
		s += n;
		while (*s == '/')
			s++;
	}
	return false;
}

/* The whole file, NUL-terminated, or NULL with *why set. */
static char *read_logo(const char *path, size_t *len, char *why, size_t size)
{
	struct stat sb;
	if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		snprintf(why, size, "not found (or not a regular file)");
		return NULL;
	}
	if (sb.st_size > (off_t)LOGO_MAX_BYTES) {
		snprintf(why, size, "is larger than %u MiB", LOGO_MAX_BYTES >> 20);
		return NULL;
	}
	FILE *f = fopen(path, "rb");
	if (!f) {
		snprintf(why, size, "cannot be read (%s)", strerror(errno));
		return NULL;
	}
	/* Read one byte past the cap, in case the file grew since stat. */
	char *buf = bc_xmalloc(LOGO_MAX_BYTES + 2);
	size_t n = fread(buf, 1, LOGO_MAX_BYTES + 1, f);
	bool err = ferror(f);
	fclose(f);
	if (err || n > LOGO_MAX_BYTES) {
		snprintf(why, size, err ? "cannot be read" : "is larger than %u MiB",
			 LOGO_MAX_BYTES >> 20);
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

struct mem_reader {
	const unsigned char *p;
	size_t left;
};

static cairo_status_t read_mem(void *closure, unsigned char *data, unsigned int len)
{
	struct mem_reader *r = closure;
	if (len > r->left)
		return CAIRO_STATUS_READ_ERROR; /* a truncated file */
	memcpy(data, r->p, len);
	r->p += len;
	r->left -= len;
	return CAIRO_STATUS_SUCCESS;
}

static unsigned be32(const unsigned char *p)
{
	return (unsigned)p[0] << 24 | (unsigned)p[1] << 16 | (unsigned)p[2] << 8 | p[3];
}

static cairo_surface_t *png_logo(struct bc_style *st, const char *bytes, size_t len, char *why,
				 size_t size)
{
	const unsigned char *b = (const unsigned char *)bytes;
	/* A small file can declare a huge image: check the header's size
	 * before Cairo allocates for it. */
	if (len < 33 || memcmp(b, "\x89PNG\r\n\x1a\n", 8) != 0 || memcmp(b + 12, "IHDR", 4) != 0) {
		snprintf(why, size, "is not a PNG file");
		return NULL;
	}
	unsigned w = be32(b + 16), h = be32(b + 20);
	if (w == 0 || h == 0 || w > 20000 || h > 20000 || (unsigned long)w * h > LOGO_MAX_PIXELS) {
		snprintf(why, size,
			 "is %u x %u pixels, more than a logo needs (at most %u million "
			 "pixels, 20000 on a side)",
			 w, h, LOGO_MAX_PIXELS / 1000000);
		return NULL;
	}
	struct mem_reader r = {b, len};
	cairo_surface_t *s = cairo_image_surface_create_from_png_stream(read_mem, &r);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		snprintf(why, size, "is not a readable PNG (%s)",
			 cairo_status_to_string(cairo_surface_status(s)));
		cairo_surface_destroy(s);
		return NULL;
	}
	st->logo_nat_w = cairo_image_surface_get_width(s);
	st->logo_nat_h = cairo_image_surface_get_height(s);
	return s;
}

static bool prefix_ci(const char *s, const char *prefix)
{
	return strncasecmp(s, prefix, strlen(prefix)) == 0;
}

/* An SVG that reaches outside itself: entity declarations, or an href (or
 * CSS url()) that is not a reference inside the file. librsvg already
 * refuses such loads without a base file; this refuses the file before
 * parsing. */
static const char *svg_reaches_out(const char *b, size_t len)
{
	if (strlen(b) != len)
		return "contains a NUL byte";
	if (strstr(b, "<!ENTITY"))
		return "declares entities (<!ENTITY)";
	for (const char *s = b; *s; s++) {
		const char *v = NULL;
		if (prefix_ci(s, "href")) {
			v = s + 4;
			while (*v == ' ' || *v == '\t' || *v == '\n' || *v == '\r')
				v++;
			if (*v != '=')
				continue;
			v++;
		} else if (prefix_ci(s, "url(")) {
			v = s + 4;
		} else {
			continue;
		}
		while (*v == ' ' || *v == '\t' || *v == '\n' || *v == '\r' || *v == '"' ||
		       *v == '\'')
			v++;
		/* Allow only references inside the file (#id) and data: URIs;
		 * anything else, including character references that spell an
		 * address (&#104;ttp:), may reach outside. */
		if (*v != '#' && !prefix_ci(v, "data:"))
			return "refers to something outside the file (only #id and data: "
			       "references are allowed)";
	}
	return NULL;
}

static cairo_surface_t *svg_logo(struct bc_style *st, const char *bytes, size_t len, char *why,
				 size_t size)
{
	const char *bad = svg_reaches_out(bytes, len);
	if (bad) {
		snprintf(why, size, "%s", bad);
		return NULL;
	}
	double w = 0, h = 0;
	cairo_surface_t *rec = bc_svg_render(bytes, len, &w, &h, why, size);
	if (rec) {
		st->logo_nat_w = w;
		st->logo_nat_h = h;
	}
	return rec;
}

/* Read <logo src> from the style file's folder (dir). */
static void load_logo(struct bc_style *st, const char *dir, int line, int col, struct bc_diag *d)
{
	const char *src = st->logo_src;
	char why[300] = "";
	if (!src || !src[0]) {
		bc_diag(d, BC_ERROR, line, col, "<logo> needs src=\"FILE.png\" or an .svg file");
		return;
	}
	if (!dir) {
		bc_diag(d, BC_ERROR, line, col,
			"logo '%s': the built-in style has no folder to find it in", src);
		return;
	}
	size_t n = strlen(src);
	bool png = n > 4 && strcasecmp(src + n - 4, ".png") == 0;
	bool svg = n > 4 && strcasecmp(src + n - 4, ".svg") == 0;
	if (src[0] == '/' || has_dotdot(src)) {
		bc_diag(d, BC_ERROR, line, col,
			"logo '%s': give a path inside the style file's folder (not absolute, "
			"no '..')",
			src);
		return;
	}
	if (!png && !svg) {
		bc_diag(d, BC_ERROR, line, col, "logo '%s': must be a .png or .svg file", src);
		return;
	}
	char *path = bc_xasprintf("%s/%s", dir, src);
	size_t len = 0;
	char *bytes = NULL;
	struct stat sb;
	if (stat(path, &sb) == 0 && !bc_path_inside(dir, path))
		snprintf(why, sizeof why, "resolves outside the style file's folder");
	else
		bytes = read_logo(path, &len, why, sizeof why);
	if (bytes)
		st->logo = png ? png_logo(st, bytes, len, why, sizeof why)
			       : svg_logo(st, bytes, len, why, sizeof why);
	if (!st->logo)
		bc_diag(d, BC_ERROR, line, col, "logo '%s' %s", src, why);
	else if (logo_bottom(st) - logo_top(st) < 12)
		bc_diag(d, BC_ERROR, line, col,
			"logo '%s': margin-top %.0fmm leaves no room for it above the text", src,
			st->margin_top / MM);
	else if (!(st->logo_width > 0) || st->logo_width > bc_style_text_width(st))
		bc_diag(d, BC_ERROR, line, col,
			"logo '%s': width must be more than 0 and at most the text width", src);
	free(bytes);
	free(path);
}

/* ---- running text ---- */

/* Length of a separator at s: spaces, one of · | – — •, spaces; else 0. */
static size_t separator_at(const char *s)
{
	static const char *const marks[] = {"\u00b7", "|", "\u2013", "\u2014", "\u2022"};
	const char *p = s;
	if (*p != ' ')
		return 0;
	while (*p == ' ')
		p++;
	for (size_t i = 0; i < sizeof marks / sizeof *marks; i++) {
		size_t m = strlen(marks[i]);
		if (strncmp(p, marks[i], m) != 0 || p[m] != ' ')
			continue;
		const char *q = p + m;
		while (*q == ' ')
			q++;
		return (size_t)(q - s);
	}
	return 0;
}

static bool blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ')
			return false;
	return true;
}

/* A field's value in running text, cut after BC_RUNNING_FIELD_MAX
 * characters with an ellipsis. The slot is one line, shortened with an
 * ellipsis to fit the page anyway; without the cut, a 1 MB committee name
 * was laid out whole in the header of each of the hundreds of pages it
 * filled (108 s and 13 GB of memory). */
static void add_field(struct bc_buf *b, const char *v)
{
	size_t i = 0;
	for (size_t chars = 0; v[i] && chars < BC_RUNNING_FIELD_MAX; chars++)
		do
			i++;
		while (((unsigned char)v[i] & 0xC0) == 0x80);
	bc_buf_add(b, v, i);
	if (v[i])
		bc_buf_adds(b, "\u2026");
}

char *bc_style_expand(const char *text, const char *const *values)
{
	struct bc_buf out = {0}, seg = {0};
	const char *sep = NULL; /* the separator before this segment */
	size_t seplen = 0;
	bool ok = true; /* no field of this segment is empty */
	for (const char *s = text ? text : "";;) {
		size_t sl = *s ? separator_at(s) : 0;
		if (!*s || sl) {
			if (ok && !blank(seg.data ? seg.data : "", seg.len)) {
				if (out.len && sep)
					bc_buf_add(&out, sep, seplen);
				bc_buf_add(&out, seg.data, seg.len);
			}
			if (!*s)
				break;
			sep = s;
			seplen = sl;
			s += sl;
			seg.len = 0;
			ok = true;
			continue;
		}
		size_t fl;
		int f;
		if ((s[0] == '{' && s[1] == '{') || (s[0] == '}' && s[1] == '}')) {
			bc_buf_addc(&seg, s[0]);
			s += 2;
		} else if (*s == '{' && (f = field_at(s, &fl)) >= 0) {
			if (values[f] && values[f][0])
				add_field(&seg, values[f]);
			else
				ok = false;
			s += fl;
		} else {
			bc_buf_addc(&seg, *s++);
		}
	}
	bc_buf_free(&seg);
	/* Trim: an empty result means the slot shows nothing. */
	char *r = bc_buf_detach(&out);
	size_t a = 0, n = strlen(r);
	while (r[a] == ' ')
		a++;
	while (n > a && r[n - 1] == ' ')
		n--;
	memmove(r, r + a, n - a);
	r[n - a] = '\0';
	return r;
}

/* dir: the style file's folder, where a logo is looked up; NULL for the
 * built-in style. */
static struct bc_style *load(struct bc_xml *x, const char *bytes, size_t len, const char *dir,
			     struct bc_diag *d)
{
	int before = d->errors;
	xmlDocPtr doc = bc_xml_parse(x, bytes, len, BC_SCHEMA_NONE, d);
	if (!doc)
		return NULL;
	struct bc_style *st = bc_xcalloc(1, sizeof *st);
	set_builtin(st);
	struct bc_xml_locator loc = {.bytes = bytes, .len = len};
	xmlNodePtr root = xmlDocGetRootElement(doc);
	if (!root || strcmp((const char *)root->name, "style") != 0 || !root->ns ||
	    strcmp((const char *)root->ns->href, "urn:x-boardc:style:1") != 0) {
		bc_diag(d, BC_ERROR, root ? (int)xmlGetLineNo(root) : 0, 0,
			"a style file's root must be <style xmlns=\"urn:x-boardc:style:1\">");
	} else {
		apply_element(st, root, &loc, d);
		int logo_line = 0, logo_col = 0;
		for (xmlNodePtr c = root->children; c; c = c->next) {
			if (c->type != XML_ELEMENT_NODE)
				continue;
			int col = apply_element(st, c, &loc, d);
			if (strcmp((const char *)c->name, "logo") == 0) {
				logo_line = (int)xmlGetLineNo(c);
				logo_col = col;
			}
		}
		/* After every element: the logo's room depends on the margins. */
		if (logo_line && d->errors == before)
			load_logo(st, dir, logo_line, logo_col, d);
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

struct bc_style *bc_style_load_memory(struct bc_xml *x, const char *bytes, size_t len,
				      struct bc_diag *d)
{
	return load(x, bytes, len, NULL, d);
}

struct bc_style *bc_style_load(struct bc_xml *x, const char *path, struct bc_diag *d)
{
	size_t len = 0;
	char *bytes = bc_xml_slurp(path, 1u << 20, &len, d);
	if (!bytes)
		return NULL;
	char *copy = bc_xstrdup(path);
	struct bc_style *st = load(x, bytes, len, dirname(copy), d);
	free(copy);
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
	for (int i = 0; i < 3; i++) {
		free(s->header[i]);
		free(s->footer[i]);
	}
	free(s->logo_src);
	if (s->logo)
		cairo_surface_destroy(s->logo);
	free(s);
}

double bc_style_text_width(const struct bc_style *s)
{
	return s->page_w - s->margin_left - s->margin_right;
}
