/* render_html.c - the paper as one accessible HTML page: real headings,
 * numbered paragraphs, lists, tables with header scopes, figures with
 * captions and charts as inline SVG with their text alternatives, links
 * for cross-references and footnotes. It walks the model (not the page
 * layout), sharing its numbering and labels with the PDF. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-svg.h>

#include "chart.h"
#include "date.h"
#include "layout.h"
#include "number.h"
#include "render.h"
#include "template.h"
#include "util.h"

struct html {
	struct bc_buf out;
	const struct bc_template *tmpl;
	const struct bc_style *st;
	struct bc_doc *fonts;	      /* Pango context and fonts for drawing charts */
	const struct bc_node **notes; /* footnotes, in order */
	size_t nnotes, notes_cap;
};

static void id_attr(struct html *h, const struct bc_node *n)
{
	const char *id = bc_node_attr(n, "id");
	if (id) {
		bc_buf_adds(&h->out, " id=\"");
		bc_buf_add_escaped(&h->out, id);
		bc_buf_addc(&h->out, '"');
	}
}

static void inline_nodes(struct html *h, const struct bc_node *parent);

static void inline_node(struct html *h, const struct bc_node *c)
{
	struct bc_buf *b = &h->out;
	switch (c->kind) {
	case BC_TEXT:
		bc_buf_add_escaped(b, c->text);
		break;
	case BC_EM:
	case BC_STRONG: {
		const char *tag = c->kind == BC_EM ? "em" : "strong";
		bc_buf_printf(b, "<%s>", tag);
		inline_nodes(h, c);
		bc_buf_printf(b, "</%s>", tag);
		break;
	}
	case BC_A:
		bc_buf_adds(b, "<a href=\"");
		bc_buf_add_escaped(b, bc_node_attr(c, "href"));
		bc_buf_adds(b, "\">");
		if (c->first)
			inline_nodes(h, c);
		else
			bc_buf_add_escaped(b, bc_node_attr(c, "href"));
		bc_buf_adds(b, "</a>");
		break;
	case BC_REF:
		bc_buf_adds(b, "<a href=\"#");
		bc_buf_add_escaped(b, bc_node_attr(c, "to"));
		bc_buf_adds(b, "\">");
		if (c->first)
			inline_nodes(h, c);
		else
			bc_buf_add_escaped(b, c->target && c->target->label
						  ? c->target->label
						  : bc_node_attr(c, "to"));
		bc_buf_adds(b, "</a>");
		break;
	case BC_FN:
		if (!c->number) { /* a note inside a note: inline */
			inline_nodes(h, c);
			break;
		}
		BC_PUSH(h->notes, h->nnotes, h->notes_cap, c);
		bc_buf_printf(b, "<sup><a href=\"#fn-%s\" id=\"fnref-%s\">%s</a></sup>", c->number,
			      c->number, c->number);
		break;
	case BC_BR:
		bc_buf_adds(b, "<br>");
		break;
	default:
		break;
	}
}

static void inline_nodes(struct html *h, const struct bc_node *parent)
{
	for (const struct bc_node *c = parent->first; c; c = c->next)
		inline_node(h, c);
}

static void blocks(struct html *h, const struct bc_node *parent, int depth);

static void number_span(struct html *h, const char *number)
{
	if (!number)
		return;
	bc_buf_adds(&h->out, "<span class=\"num\">");
	bc_buf_add_escaped(&h->out, number);
	bc_buf_adds(&h->out, strchr(number, '.') ? "</span> " : ".</span> ");
}

static void list(struct html *h, const struct bc_node *l, int depth)
{
	struct bc_buf *b = &h->out;
	const char *style = bc_node_attr(l, "style");
	const char *type = !style			    ? "1"
			   : !strcmp(style, "letter")	    ? "a"
			   : !strcmp(style, "upper-letter") ? "A"
			   : !strcmp(style, "roman")	    ? "i"
							    : "1";
	if (l->kind == BC_OL) {
		bc_buf_printf(b, "<ol type=\"%s\"", type);
		if (bc_node_attr(l, "start"))
			bc_buf_printf(b, " start=\"%d\"", bc_list_start(l));
		bc_buf_adds(b, ">\n");
	} else {
		bc_buf_adds(b, "<ul>\n");
	}
	for (const struct bc_node *li = l->first; li; li = li->next) {
		bc_buf_adds(b, "<li");
		id_attr(h, li);
		bc_buf_adds(b, ">");
		for (const struct bc_node *c = li->first; c; c = c->next) {
			if (c->kind == BC_P && c->implicit)
				inline_nodes(h, c);
			else if (c->kind == BC_UL || c->kind == BC_OL)
				list(h, c, depth);
			else if (c->kind == BC_P && !c->implicit) {
				bc_buf_adds(b, "<p>");
				inline_nodes(h, c);
				bc_buf_adds(b, "</p>");
			}
		}
		bc_buf_adds(b, "</li>\n");
	}
	bc_buf_adds(b, l->kind == BC_OL ? "</ol>\n" : "</ul>\n");
}

static void cell_content(struct html *h, const struct bc_node *cell)
{
	for (const struct bc_node *c = cell->first; c; c = c->next) {
		if (c->kind == BC_P && c->implicit) {
			inline_nodes(h, c);
		} else if (c->kind == BC_P) {
			bc_buf_adds(&h->out, "<p>");
			inline_nodes(h, c);
			bc_buf_adds(&h->out, "</p>");
		} else if (c->kind == BC_UL || c->kind == BC_OL) {
			list(h, c, 0);
		}
	}
}

static void table(struct html *h, const struct bc_node *t)
{
	struct bc_buf *b = &h->out;
	bc_buf_adds(b, "<table");
	id_attr(h, t);
	bc_buf_adds(b, ">\n");
	const struct bc_node *cap = bc_node_child(t, BC_CAPTION);
	if (cap) {
		bc_buf_adds(b, "<caption>");
		if (t->label) {
			bc_buf_add_escaped(b, t->label);
			bc_buf_adds(b, ": ");
		}
		inline_nodes(h, cap);
		bc_buf_adds(b, "</caption>\n");
	}
	const enum bc_kind groups[] = {BC_THEAD, BC_TBODY, BC_TFOOT};
	const char *names[] = {"thead", "tbody", "tfoot"};
	for (int g = 0; g < 3; g++) {
		const struct bc_node *grp = bc_node_child(t, groups[g]);
		if (!grp)
			continue;
		bc_buf_printf(b, "<%s>\n", names[g]);
		for (const struct bc_node *tr = grp->first; tr; tr = tr->next) {
			bc_buf_adds(b, bc_node_attr_is(tr, "total", "yes") ? "<tr class=\"total\">"
									   : "<tr>");
			for (const struct bc_node *c = tr->first; c; c = c->next) {
				bool th = c->kind == BC_TH || groups[g] == BC_THEAD;
				bc_buf_adds(b, th ? "<th" : "<td");
				if (th)
					bc_buf_adds(b, groups[g] == BC_THEAD ? " scope=\"col\""
									     : " scope=\"row\"");
				const char *span = bc_node_attr(c, "colspan");
				if (span)
					bc_buf_printf(b, " colspan=\"%d\"", atoi(span));
				const char *align = bc_node_attr(c, "align");
				if (align)
					bc_buf_printf(b, " class=\"%s\"",
						      !strcmp(align, "right") ? "right" : "left");
				bc_buf_adds(b, ">");
				cell_content(h, c);
				bc_buf_adds(b, th ? "</th>" : "</td>");
			}
			bc_buf_adds(b, "</tr>\n");
		}
		bc_buf_printf(b, "</%s>\n", names[g]);
	}
	bc_buf_adds(b, "</table>\n");
	const struct bc_node *src = bc_node_child(t, BC_SOURCE);
	if (src) {
		bc_buf_adds(b, "<p class=\"source\">Source: ");
		inline_nodes(h, src);
		bc_buf_adds(b, "</p>\n");
	}
}

static cairo_status_t to_buf(void *closure, const unsigned char *data, unsigned int len)
{
	bc_buf_add(closure, (const char *)data, len);
	return CAIRO_STATUS_SUCCESS;
}

/* A chart drawn as SVG, inlined without its XML declaration. */
static void chart_svg(struct html *h, const struct bc_node *chart, const char *label)
{
	const struct bc_chart *c = chart->aux;
	if (!c)
		return;
	struct bc_doc *f = h->fonts;
	struct bc_chart_ctx cx = {NULL,		 f->pango,	     h->st,
				  f->font_table, f->font_table_bold, f->font_small};
	double w = bc_style_text_width(h->st);
	double ht = bc_chart_ops_for(c)->height(c, &cx, w);
	if (!(ht > 0) || ht > 2000)
		ht = w / 2;
	struct bc_buf svg = {0};
	cairo_surface_t *s = cairo_svg_surface_create_for_stream(to_buf, &svg, w, ht);
	cairo_t *cr = cairo_create(s);
	cx.cr = cr;
	bc_chart_ops_for(c)->draw(c, &cx, 0, 0, w, ht);
	cairo_destroy(cr);
	cairo_surface_finish(s);
	cairo_surface_destroy(s);
	const char *start = svg.data ? strstr(svg.data, "<svg") : NULL;
	if (start) {
		/* role="img" with the text alternative as its accessible name. */
		bc_buf_adds(&h->out, "<svg role=\"img\" aria-label=\"");
		bc_buf_add_escaped(&h->out, label);
		bc_buf_adds(&h->out, "\"");
		bc_buf_adds(&h->out, start + 4);
	}
	bc_buf_free(&svg);
}

static void figure(struct html *h, const struct bc_node *fig)
{
	struct bc_buf *b = &h->out;
	bc_buf_adds(b, "<figure");
	id_attr(h, fig);
	bc_buf_adds(b, ">\n<figcaption>");
	bc_buf_add_escaped(b, fig->label ? fig->label : "Figure");
	bc_buf_adds(b, ": ");
	inline_nodes(h, bc_node_child(fig, BC_CAPTION));
	bc_buf_adds(b, "</figcaption>\n");
	const struct bc_node *alt = bc_node_child(fig, BC_ALT);
	char *alt_text = alt ? bc_node_text(alt) : bc_xstrdup("");
	const struct bc_node *chart = bc_node_child(fig, BC_CHART);
	const struct bc_node *img = bc_node_child(fig, BC_IMAGE);
	if (chart && chart->aux) {
		char *label = chart->description
				  ? bc_xasprintf("%s%s%s", alt_text, alt_text[0] ? " " : "",
						 chart->description)
				  : bc_xstrdup(alt_text);
		chart_svg(h, chart, label);
		free(label);
	} else if (img) {
		bc_buf_adds(b, "<img src=\"");
		bc_buf_add_escaped(b, bc_node_attr(img, "src"));
		bc_buf_adds(b, "\" alt=\"");
		bc_buf_add_escaped(b, alt_text);
		bc_buf_adds(b, "\">\n");
	} else {
		bc_buf_adds(b, "<p class=\"alt\">");
		bc_buf_add_escaped(b, alt_text);
		bc_buf_adds(b, "</p>\n");
	}
	const struct bc_node *src = bc_node_child(fig, BC_SOURCE);
	if (src) {
		bc_buf_adds(b, "<p class=\"source\">Source: ");
		inline_nodes(h, src);
		bc_buf_adds(b, "</p>\n");
	}
	free(alt_text);
	bc_buf_adds(b, "</figure>\n");
}

static void section(struct html *h, const struct bc_node *s, int depth);

static void block(struct html *h, const struct bc_node *c, int depth)
{
	struct bc_buf *b = &h->out;
	switch (c->kind) {
	case BC_P:
		bc_buf_adds(b, "<p");
		id_attr(h, c);
		bc_buf_adds(b, ">");
		number_span(h, c->number);
		inline_nodes(h, c);
		bc_buf_adds(b, "</p>\n");
		break;
	case BC_STANDARD: {
		const char *text = bc_template_wording(h->tmpl, bc_node_attr(c, "name"));
		bc_buf_adds(b, "<p>");
		number_span(h, c->number);
		bc_buf_add_escaped(b, text ? text : "");
		bc_buf_adds(b, "</p>\n");
		break;
	}
	case BC_UL:
	case BC_OL:
		list(h, c, depth);
		break;
	case BC_TABLE:
		table(h, c);
		break;
	case BC_FIGURE:
		figure(h, c);
		break;
	case BC_QUOTE:
		bc_buf_adds(b, "<blockquote>");
		for (const struct bc_node *p = c->first; p; p = p->next) {
			bc_buf_adds(b, "<p>");
			inline_nodes(h, p);
			bc_buf_adds(b, "</p>");
		}
		bc_buf_adds(b, "</blockquote>\n");
		break;
	case BC_SECTION:
	case BC_IMPLICATION:
		section(h, c, depth + 1);
		break;
	default:
		break;
	}
}

static void blocks(struct html *h, const struct bc_node *parent, int depth)
{
	for (const struct bc_node *c = parent ? parent->first : NULL; c; c = c->next)
		block(h, c, depth);
}

static void heading(struct html *h, int depth, const char *number, const char *text)
{
	int level = depth + 1 > 6 ? 6 : depth + 1; /* the title is the h1 */
	bc_buf_printf(&h->out, "<h%d>", level);
	number_span(h, number);
	bc_buf_add_escaped(&h->out, text);
	bc_buf_printf(&h->out, "</h%d>\n", level);
}

static void items(struct html *h, const struct bc_node *parent, enum bc_kind kind)
{
	bool any = false;
	for (const struct bc_node *c = parent->first; c; c = c->next) {
		if (c->kind != kind)
			continue;
		bc_buf_adds(&h->out, any ? "" : "<ul>\n");
		any = true;
		bc_buf_adds(&h->out, "<li>");
		const char *href = bc_node_attr(c, "href");
		if (href) {
			bc_buf_adds(&h->out, "<a href=\"");
			bc_buf_add_escaped(&h->out, href);
			bc_buf_adds(&h->out, "\">");
		}
		inline_nodes(h, c);
		bc_buf_adds(&h->out, href ? "</a></li>\n" : "</li>\n");
	}
	if (any)
		bc_buf_adds(&h->out, "</ul>\n");
}

static void section(struct html *h, const struct bc_node *s, int depth)
{
	struct bc_buf *b = &h->out;
	bc_buf_adds(b, "<section");
	id_attr(h, s);
	bc_buf_adds(b, ">\n");
	if (s->kind == BC_APPENDIX) {
		char *t = bc_xasprintf("%s \u2013 %s", s->label, bc_node_title(s));
		heading(h, 1, NULL, t);
		free(t);
	} else {
		heading(h, depth, s->number, bc_node_title(s));
	}
	switch (s->kind) {
	case BC_RECOMMENDATIONS: {
		const struct bc_node *intro = bc_node_child(s, BC_INTRO);
		if (intro) {
			bc_buf_adds(b, "<p>");
			inline_nodes(h, intro);
			bc_buf_adds(b, "</p>\n");
		}
		for (const struct bc_node *r = s->first; r; r = r->next) {
			if (r->kind != BC_RECOMMENDATION)
				continue;
			bc_buf_adds(b, "<p class=\"recommendation\"");
			id_attr(h, r);
			bc_buf_adds(b, ">");
			number_span(h, r->number);
			inline_nodes(h, r);
			bc_buf_adds(b, "</p>\n");
		}
		break;
	}
	case BC_OPTIONS:
		for (const struct bc_node *o = s->first; o; o = o->next) {
			if (o->kind != BC_OPTION) {
				block(h, o, depth);
				continue;
			}
			bc_buf_adds(b, "<section");
			id_attr(h, o);
			bc_buf_adds(b, ">\n");
			char *t = bc_xasprintf(
			    "%s: %s%s", o->label, bc_node_title(o),
			    bc_node_attr_is(o, "recommended", "yes") ? " (recommended)" : "");
			heading(h, depth + 1, NULL, t);
			free(t);
			blocks(h, o, depth + 1);
			const enum bc_kind lists[] = {BC_ADVANTAGES, BC_DISADVANTAGES};
			const char *names[] = {"Advantages", "Disadvantages"};
			for (int i = 0; i < 2; i++) {
				const struct bc_node *l = bc_node_child(o, lists[i]);
				if (!l)
					continue;
				bc_buf_printf(b, "<p><strong>%s</strong></p>\n", names[i]);
				struct bc_node as_ul = *l;
				as_ul.kind = BC_UL;
				list(h, &as_ul, depth);
			}
			bc_buf_adds(b, "</section>\n");
		}
		break;
	case BC_CONSULTEES:
		blocks(h, s, depth);
		items(h, s, BC_CONSULTEE);
		break;
	case BC_BACKGROUND_PAPERS:
		blocks(h, s, depth);
		items(h, s, BC_DOCUMENT);
		break;
	case BC_APPENDIX_LIST: {
		blocks(h, s, depth);
		const struct bc_node *root = s;
		while (root->parent)
			root = root->parent;
		bc_buf_adds(b, "<ul>\n");
		for (const struct bc_node *a = root->first; a; a = a->next) {
			if (a->kind != BC_APPENDIX)
				continue;
			bc_buf_adds(b, "<li><a href=\"#");
			bc_buf_add_escaped(b, bc_node_attr(a, "id") ? bc_node_attr(a, "id") : "");
			bc_buf_adds(b, "\">");
			bc_buf_add_escaped(b, a->label);
			bc_buf_adds(b, " \u2013 ");
			bc_buf_add_escaped(b, bc_node_title(a));
			bc_buf_adds(b, "</a></li>\n");
		}
		bc_buf_adds(b, "</ul>\n");
		break;
	}
	default:
		blocks(h, s, depth);
		break;
	}
	const char *by = s->kind == BC_IMPLICATION ? bc_node_attr(s, "signed-off-by") : NULL;
	if (by) {
		bc_buf_adds(b, "<p class=\"signoff\">");
		bc_buf_add_escaped(b, by);
		bc_buf_adds(b, "</p>\n");
	}
	bc_buf_adds(b, "</section>\n");
}

static void front_row(struct html *h, const char *label, const char *value)
{
	if (!value || !*value)
		return;
	bc_buf_adds(&h->out, "<tr><th scope=\"row\">");
	bc_buf_add_escaped(&h->out, label);
	bc_buf_adds(&h->out, "</th><td>");
	bc_buf_add_escaped(&h->out, value);
	bc_buf_adds(&h->out, "</td></tr>\n");
}

static void front(struct html *h, const struct bc_node *f)
{
	struct bc_buf *b = &h->out;
	char *org = bc_node_child(f, BC_ORGANISATION)
			? bc_node_text(bc_node_child(f, BC_ORGANISATION))
			: NULL;
	char *com = bc_node_text(bc_node_child(f, BC_COMMITTEE));
	char *title = bc_node_text(bc_node_child(f, BC_TITLE));
	bc_buf_adds(b, "<header>\n");
	if (org) {
		bc_buf_adds(b, "<p class=\"organisation\">");
		bc_buf_add_escaped(b, org);
		bc_buf_adds(b, "</p>\n");
	}
	bc_buf_adds(b, "<p class=\"committee\">");
	bc_buf_add_escaped(b, com);
	bc_buf_adds(b, "</p>\n");
	const struct bc_node *meet = bc_node_child(f, BC_MEETING);
	struct bc_date date;
	if (meet && bc_date_parse(bc_node_attr(meet, "date"), &date)) {
		char buf[64];
		bc_date_format(&date, buf, sizeof buf);
		bc_buf_adds(b, "<p class=\"date\">");
		bc_buf_add_escaped(b, buf);
		bc_buf_adds(b, "</p>\n");
	}
	bc_buf_adds(b, "<h1>");
	bc_buf_add_escaped(b, title);
	bc_buf_adds(b, "</h1>\n<table class=\"front\">\n");
	const enum bc_kind fields[] = {BC_ITEM, BC_REPORT_OF, BC_WARDS};
	const char *labels[] = {"Agenda item", "Report of", "Wards affected"};
	for (int i = 0; i < 3; i++) {
		const struct bc_node *n = bc_node_child(f, fields[i]);
		char *v = n ? bc_node_text(n) : NULL;
		front_row(h, labels[i], v);
		free(v);
	}
	for (const struct bc_node *p = f->first; p; p = p->next) {
		if (p->kind != BC_AUTHOR && p->kind != BC_CONTACT)
			continue;
		struct bc_buf who = {0};
		const enum bc_kind parts[] = {BC_NAME, BC_POST, BC_ORGANISATION, BC_PHONE,
					      BC_EMAIL};
		for (int i = 0; i < 5; i++) {
			const struct bc_node *c = bc_node_child(p, parts[i]);
			if (!c)
				continue;
			char *t = bc_node_text(c);
			bc_buf_printf(&who, "%s%s", who.len ? ", " : "", t);
			free(t);
		}
		front_row(h, p->kind == BC_AUTHOR ? "Report author" : "Contact officer", who.data);
		bc_buf_free(&who);
	}
	const struct bc_node *ex = bc_node_child(f, BC_EXEMPT);
	front_row(h, "Status", ex ? "Part 2 \u2013 exempt" : "Part 1 \u2013 public");
	bc_buf_adds(b, "</table>\n</header>\n");
	const struct bc_node *summary = bc_node_child(f, BC_SUMMARY);
	if (summary) {
		bc_buf_adds(b, "<section id=\"summary\">\n<h2>Summary</h2>\n");
		blocks(h, summary, 1);
		bc_buf_adds(b, "</section>\n");
	}
	free(org);
	free(com);
	free(title);
}

static const char css[] =
    "body{font-family:'Liberation Sans',Arial,sans-serif;max-width:46em;margin:2em auto;"
    "padding:0 1em;line-height:1.5;color:#0b0c0c}"
    ".num{display:inline-block;min-width:2.8em}table{border-collapse:collapse;margin:1em 0}"
    "th,td{border:1px solid #505a5f;padding:.3em .5em;vertical-align:top;text-align:left}"
    "thead th{background:#e6e6e6}td.right,th.right{text-align:right}"
    "tr.total{font-weight:bold}caption,figcaption{text-align:left;font-weight:bold}"
    "figure{margin:1em 0}svg{max-width:100%;height:auto}"
    ".source,.signoff,.footnotes{font-size:.9em;color:#505a5f}";

int bc_render_html(const struct bc_node *root, const struct bc_style *st,
		   const struct bc_template *tmpl, FILE *out, struct bc_diag *d)
{
	struct html h = {.tmpl = tmpl, .st = st};
	h.fonts = bc_doc_new(st, bc_node_attr(root, "lang"), d);
	const char *lang = bc_node_attr(root, "lang");
	const struct bc_node *f = bc_node_child(root, BC_FRONT);
	char *title = bc_node_text(bc_node_child(f, BC_TITLE));
	bc_buf_printf(&h.out,
		      "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n",
		      lang ? lang : "en-GB");
	bc_buf_adds(
	    &h.out,
	    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
	bc_buf_add_escaped(&h.out, title);
	bc_buf_printf(&h.out, "</title>\n<style>%s</style>\n</head>\n<body>\n<main>\n", css);
	free(title);
	for (const struct bc_node *c = root->first; c; c = c->next) {
		if (c->kind == BC_FRONT)
			front(&h, c);
		else if (bc_kind_is_sectionlike(c->kind))
			section(&h, c, c->kind == BC_APPENDIX ? 1 : (c->depth > 0 ? c->depth : 1));
	}
	if (h.nnotes) {
		bc_buf_adds(&h.out, "<section class=\"footnotes\">\n<h2>Notes</h2>\n<ol>\n");
		for (size_t i = 0; i < h.nnotes; i++) {
			const struct bc_node *n = h.notes[i];
			bc_buf_printf(&h.out, "<li id=\"fn-%s\">", n->number);
			inline_nodes(&h, n);
			bc_buf_printf(&h.out, " <a href=\"#fnref-%s\">Back</a></li>\n", n->number);
		}
		bc_buf_adds(&h.out, "</ol>\n</section>\n");
	}
	bc_buf_adds(&h.out, "</main>\n</body>\n</html>\n");
	int rc = 0;
	if (fwrite(h.out.data, 1, h.out.len, out) != h.out.len) {
		bc_diag(d, BC_ERROR, 0, 0, "writing the HTML failed (disk full?)");
		d->io_error = 1;
		rc = -1;
	}
	bc_buf_free(&h.out);
	free(h.notes);
	bc_doc_free(h.fonts);
	return rc;
}
