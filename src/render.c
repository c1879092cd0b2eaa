/* render.c - drawing one laid-out page with Cairo, for every backend:
 * text lines with their labels, table rules and fills, images, charts,
 * footnotes, running header and footer, the logo; and, where the surface is PDF,
 * link annotations. The backends (render_pdf.c, render_img.c) own the
 * surfaces. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "chart.h"
#include "pdf_tags.h"
#include "render.h"
#include "util.h"

cairo_status_t bc_render_write(void *closure, const unsigned char *data, unsigned int len)
{
	struct bc_sink *s = closure;
	if (fwrite(data, 1, len, s->out) != len) {
		s->failed = true;
		return CAIRO_STATUS_WRITE_ERROR;
	}
	return CAIRO_STATUS_SUCCESS;
}

/* A double as "%.2f" with a '.' whatever the locale. */
void bc_render_num(struct bc_buf *b, double v)
{
	long long scaled = (long long)(v * 100 + (v < 0 ? -0.5 : 0.5));
	bool neg = scaled < 0;
	if (neg)
		scaled = -scaled;
	bc_buf_printf(b, "%s%lld.%02lld", neg ? "-" : "", scaled / 100, scaled % 100);
}

/* Single-quoted cairo attribute string with ' and \ escaped. */
void bc_render_quoted(struct bc_buf *b, const char *s)
{
	bc_buf_addc(b, '\'');
	for (; *s; s++) {
		if (*s == '\'' || *s == '\\')
			bc_buf_addc(b, '\\');
		bc_buf_addc(b, *s);
	}
	bc_buf_addc(b, '\'');
}

/* The destination name of an anchor: the author's id where there is one,
 * so "paper.pdf#options" works from outside, else a generated name. */
void bc_render_dest_name(struct bc_buf *b, const struct bc_doc *doc, const struct bc_anchor *a)
{
	const char *id = a->node ? bc_node_attr(a->node, "id") : NULL;
	if (doc->dest_prefix)
		bc_buf_adds(b, doc->dest_prefix);
	if (id)
		bc_buf_adds(b, id);
	else
		bc_buf_printf(b, "bc.%zu", a->seq);
}

static void set_rgb(cairo_t *cr, struct bc_rgb c)
{
	cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

/* A figure's text alternative: the author's alt text, then what the
 * chart's data say (caller frees). */
static char *figure_alt(const struct bc_node *figure)
{
	const struct bc_node *alt = figure ? bc_node_child(figure, BC_ALT) : NULL;
	const struct bc_node *chart = figure ? bc_node_child(figure, BC_CHART) : NULL;
	char *a = alt ? bc_node_text(alt) : bc_xstrdup("");
	if (!chart || !chart->description)
		return a;
	char *text = bc_xasprintf("%s%s%s", a, a[0] ? " " : "", chart->description);
	free(a);
	return text;
}

/* Structure tags for tagged PDF, opened and closed as the items of a page
 * are drawn in reading order: headings, paragraphs (a numbered paragraph
 * is a P that begins with its number, as in the HTML output: paragraph
 * numbers are references, not a list to be announced), lists (L > LI >
 * Lbl + LBody), tables (Table > TR > TH/TD), captions, figures and notes.
 * The tagger lives for all the pages of a document: the elements open at
 * the foot of a page are set aside (suspended) while the page's footnotes
 * and running text are drawn, and taken up again at the head of the next
 * page, so a paragraph, list or table broken by a page is one element
 * (if the next page begins with something else, they simply close there);
 * a table's header rows repeated on a later page are drawn with the table
 * set aside the same way, as artifacts.
 * Running headers and footers are drawn outside every element (the
 * finisher marks them as artifacts). Each begin, end, suspension and
 * resumption is a marker drawn into the page and an event of the page's
 * script (pdf_tags.h), from which the finisher builds the structure tree. */
struct tag_state {
	const char *stack[4]; /* open elements, outermost first */
	int n;
	const struct bc_para *para; /* whose text the innermost element holds */
	int group, row, cell;
	struct bc_line_tags lt; /* and a Link element open inside them */
};

struct bc_tagger {
	cairo_t *cr;
	struct bc_buf *script;
	const char *stack[4]; /* open elements, outermost first */
	int n;
	const struct bc_para *para; /* whose text the innermost element holds */
	int group, row, cell;
	struct bc_line_tags lt; /* the script, and a link open across lines */
	struct tag_state held;	/* set aside across a page break (held.n > 0) */
	bool aside;		/* set aside for a repeated table header */
};

/* At the foot of a page: the open elements go on after the break. */
static void t_suspend(struct bc_tagger *t)
{
	if (t->n == 0)
		return;
	bc_pdf_tag_suspend(t->cr, t->script);
	t->held.n = t->n;
	memcpy(t->held.stack, t->stack, sizeof t->stack);
	t->held.para = t->para;
	t->held.group = t->group;
	t->held.row = t->row;
	t->held.cell = t->cell;
	t->held.lt = t->lt;
	t->lt.para = NULL;
	t->lt.link = -1;
	t->n = 0;
	t->para = NULL;
	t->group = t->row = t->cell = 0;
}

/* At the head of the next page: they are open again. */
static void t_resume(struct bc_tagger *t)
{
	if (t->held.n == 0)
		return;
	bc_pdf_tag_resume(t->cr, t->script);
	t->n = t->held.n;
	memcpy(t->stack, t->held.stack, sizeof t->stack);
	t->para = t->held.para;
	t->group = t->held.group;
	t->row = t->held.row;
	t->cell = t->held.cell;
	t->lt = t->held.lt;
	t->held.n = 0;
}

struct bc_tagger *bc_tagger_new(struct bc_buf *script)
{
	struct bc_tagger *t = bc_xcalloc(1, sizeof *t);
	t->script = script;
	t->lt = (struct bc_line_tags){script, NULL, -1};
	return t;
}

void bc_tagger_free(struct bc_tagger *t)
{
	free(t);
}

static void t_open_with(struct bc_tagger *t, const char *name, const char *alt, char scope)
{
	bc_render_end_link(t->cr, &t->lt);
	bc_pdf_tag_begin(t->cr, t->script, name, alt, scope);
	t->stack[t->n++] = name;
}

static void t_open(struct bc_tagger *t, const char *name)
{
	t_open_with(t, name, NULL, 0);
}

static void t_open_figure(struct bc_tagger *t, const struct bc_node *figure)
{
	char *alt = figure_alt(figure);
	t_open_with(t, "Figure", alt, 0);
	free(alt);
}

static void t_close_to(struct bc_tagger *t, int depth)
{
	if (t->n > depth)
		bc_render_end_link(t->cr, &t->lt);
	while (t->n > depth) {
		bc_pdf_tag_end(t->cr, t->script);
		t->n--;
	}
	if (depth == 0) {
		t->group = 0;
		t->row = 0;
	}
	t->para = NULL;
}

static const char *heading_tag(int level)
{
	static const char *const h[] = {"H1", "H2", "H3", "H4", "H5", "H6"};
	return h[level < 1 ? 0 : level > 6 ? 5 : level - 1];
}

/* Open what the line item needs; returns whether its label goes in Lbl. */
static bool t_line(struct bc_tagger *t, const struct bc_item *it)
{
	/* A table's header repeated on a later page is an artifact: the
	 * table is set aside while it is drawn, and taken up after it. */
	if (it->repeat != t->aside) {
		if (it->repeat)
			t_suspend(t);
		else
			t_resume(t);
		t->aside = it->repeat;
	}
	if (it->repeat)
		return false;
	const struct bc_line *l = it->line;
	const struct bc_para *p = l->para;
	if (it->group) {
		if (t->n == 0 || strcmp(t->stack[0], "Table") || t->group != it->group) {
			t_close_to(t, 0);
			t_open(t, "Table");
			t->group = it->group;
		}
		if (t->row != it->row) {
			t_close_to(t, 1);
			t_open(t, "TR");
			t->row = it->row;
			t->cell = 0;
		}
		if (it->cell != t->cell || t->n < 3) {
			t_close_to(t, 2);
			if (it->role == BC_ROLE_TH)
				t_open_with(t, "TH", NULL, it->scope == BC_SCOPE_ROW ? 'R' : 'C');
			else
				t_open(t, "TD");
			t->cell = it->cell;
		}
		return false;
	}
	if (it->role == BC_ROLE_ARTIFACT) {
		t_close_to(t, 0); /* fillers: drawn outside every element */
		return false;
	}
	if (p == t->para)
		return false;
	bool heading = it->role == BC_ROLE_H || it->role == BC_ROLE_TITLE;
	if (l->label && l->index == 0 && !heading && it->role == BC_ROLE_LI) {
		if (t->n == 0 || strcmp(t->stack[0], "L")) {
			t_close_to(t, 0);
			t_open(t, "L");
		}
		t_close_to(t, 1);
		t_open(t, "LI");
		t_open(t, "Lbl");
		t->para = p;
		return true;
	}
	if (t->n >= 2 && !strcmp(t->stack[0], "L") && it->role == BC_ROLE_LI) {
		/* A further paragraph of the same list item. */
		t_close_to(t, 2);
		t_open(t, "LBody");
		t->para = p;
		return false;
	}
	t_close_to(t, 0);
	switch (it->role) {
	case BC_ROLE_H:
		t_open(t, heading_tag(p->level));
		break;
	case BC_ROLE_TITLE:
		t_open(t, "H1");
		break;
	case BC_ROLE_CAPTION:
		t_open(t, "Caption");
		break;
	case BC_ROLE_FIGURE:
		t_open_figure(t, it->figure);
		break;
	case BC_ROLE_NOTE:
		t_open(t, "Note");
		break;
	default:
		t_open(t, "P");
		break;
	}
	t->para = p;
	return false;
}

static void draw_line_item(cairo_t *cr, const struct bc_doc *doc, const struct bc_item *it,
			   struct bc_tagger *t)
{
	const struct bc_line *l = it->line;
	double base = it->y + l->baseline;
	bool lbl = t ? t_line(t, it) : false;
	if (l->label) {
		/* Drawn first, so text extraction reads "2.1 Text"; labels share
		 * the line's baseline and x is in text-block units. */
		double lx = it->x - l->x + l->label_x;
		bc_render_text_line(cr, doc, l->label,
				    pango_layout_get_line_readonly(l->label->layout, 0), lx, base,
				    0, 0, NULL);
	}
	if (lbl) {
		t_close_to(t, 2);
		t_open(t, "LBody");
		t->para = l->para;
	}
	bc_render_text_line(cr, doc, l->para, l->pl, it->x, base, l->h, l->baseline,
			    t ? &t->lt : NULL);
}

/* A whole para at (x, top): used for footnotes and running text; its
 * links tagged when there are line tags. */
static double draw_para(cairo_t *cr, const struct bc_doc *doc, const struct bc_para *p, double x,
			double top, struct bc_line_tags *lt)
{
	PangoLayoutIter *it = pango_layout_get_iter(p->layout);
	do {
		int y0, y1;
		PangoRectangle lg;
		pango_layout_iter_get_line_yrange(it, &y0, &y1);
		pango_layout_iter_get_line_extents(it, NULL, &lg);
		double base = top + pango_layout_iter_get_baseline(it) / (double)PANGO_SCALE;
		PangoLayoutLine *pl = pango_layout_iter_get_line_readonly(it);
		double lx = x + lg.x / (double)PANGO_SCALE;
		bc_render_text_line(cr, doc, p, pl, lx, base, (y1 - y0) / (double)PANGO_SCALE,
				    base - top - y0 / (double)PANGO_SCALE, lt);
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	return p->height;
}

static void draw_item(cairo_t *cr, const struct bc_doc *doc, const struct bc_item *it,
		      struct bc_tagger *t)
{
	bool figure = it->kind == BC_ITEM_CHART || it->kind == BC_ITEM_IMAGE;
	if (t && figure) {
		t_close_to(t, 0);
		t_open_figure(t, it->figure);
	}
	switch (it->kind) {
	case BC_ITEM_LINE:
		draw_line_item(cr, doc, it, t);
		break;
	case BC_ITEM_RECT:
	case BC_ITEM_RULE:
		break; /* draw_decor */
	case BC_ITEM_CHART: {
		struct bc_chart_ctx cx = {cr,
					  doc->pango,
					  doc->st,
					  doc->font_table,
					  doc->font_table_bold,
					  doc->font_small};
		cairo_save(cr);
		cairo_rectangle(cr, it->x, it->y, it->w, it->h);
		cairo_clip(cr); /* a chart never draws outside its box */
		bc_chart_ops_for(it->chart)->draw(it->chart, &cx, it->x, it->y, it->w, it->h);
		cairo_restore(cr);
		break;
	}
	case BC_ITEM_IMAGE: {
		cairo_surface_t *img = it->image;
		double pw = cairo_image_surface_get_width(img);
		double ph = cairo_image_surface_get_height(img);
		cairo_save(cr);
		cairo_translate(cr, it->x, it->y);
		cairo_scale(cr, it->w / pw, it->h / ph);
		cairo_set_source_surface(cr, img, 0, 0);
		cairo_paint(cr);
		cairo_restore(cr);
		break;
	}
	}
}

/* Left, centre and right running text across the text width, tops at y. */
static void draw_slots(cairo_t *cr, const struct bc_doc *doc, struct bc_para *const slot[3],
		       double y)
{
	const struct bc_style *st = doc->st;
	double left = st->margin_left, right = st->page_w - st->margin_right;
	if (slot[0])
		draw_para(cr, doc, slot[0], left, y, NULL);
	if (slot[1])
		draw_para(cr, doc, slot[1], (left + right - bc_para_width(slot[1])) / 2, y, NULL);
	if (slot[2])
		draw_para(cr, doc, slot[2], right - bc_para_width(slot[2]), y, NULL);
}

static void draw_running(cairo_t *cr, const struct bc_doc *doc, const struct bc_page *pg)
{
	const struct bc_style *st = doc->st;
	double right = st->page_w - st->margin_right;
	/* The header sits on a rule 10 pt above the text: 14 pt of room fits
	 * the default 10 pt text with a little air; larger text (large print)
	 * is raised by its height plus that air, rather than touching the rule. */
	double h = 14;
	bool any = false;
	for (int i = 0; i < 3; i++)
		if (pg->header[i]) {
			any = true;
			if (pg->header[i]->height + 2 > h)
				h = pg->header[i]->height + 2;
		}
	if (any) {
		draw_slots(cr, doc, pg->header, st->margin_top - 10 - h);
		set_rgb(cr, st->small);
		cairo_rectangle(cr, st->margin_left, st->margin_top - 10, right - st->margin_left,
				0.5);
		cairo_fill(cr);
	}
	draw_slots(cr, doc, pg->footer, st->page_h - st->margin_bottom + 14);
	if (pg->stamp) {
		/* The pack's own page number, centred under the paper's footer. */
		double w = bc_para_width(pg->stamp);
		draw_para(cr, doc, pg->stamp, (st->page_w - w) / 2,
			  st->page_h - st->margin_bottom + 30, NULL);
	}
}

/* The style's logo in its corner of the top margin (page 1 only). */
static void draw_logo(cairo_t *cr, const struct bc_style *st)
{
	double x, y, w, h;
	if (!bc_style_logo_box(st, &x, &y, &w, &h))
		return;
	cairo_save(cr);
	cairo_translate(cr, x, y);
	cairo_scale(cr, w / st->logo_nat_w, h / st->logo_nat_h);
	cairo_set_source_surface(cr, st->logo, 0, 0);
	cairo_paint(cr);
	cairo_restore(cr);
}

static void draw_notes(cairo_t *cr, const struct bc_doc *doc, const struct bc_page *pg,
		       struct bc_tagger *t)
{
	if (!pg->nnotes)
		return;
	const struct bc_style *st = doc->st;
	double h = 0;
	for (size_t i = 0; i < pg->nnotes; i++)
		h += pg->notes[i]->height + BC_NOTE_GAP;
	double y = st->page_h - st->margin_bottom - h;
	set_rgb(cr, st->small);
	cairo_rectangle(cr, st->margin_left, y - BC_NOTE_SEPARATOR / 2, 120, 0.5);
	cairo_fill(cr);
	for (size_t i = 0; i < pg->nnotes; i++) {
		if (t)
			t_open(t, "Note");
		y += draw_para(cr, doc, pg->notes[i], st->margin_left, y, t ? &t->lt : NULL) +
		     BC_NOTE_GAP;
		if (t)
			t_close_to(t, 0);
	}
}

/* The page's fills (cell shading, rules) or its borders (cells, frames).
 * They are drawn apart from the text, the fills first and the borders
 * last, so they fall outside every structure element (they are artifacts,
 * and a cell's marked content is its text alone), and the colour and line
 * width are set once for a run of them rather than again for every cell.
 * Each is its own path: Cairo writes a lone rectangle as "re" but a path
 * of several as lines, three times the bytes. */
static void draw_decor(cairo_t *cr, const struct bc_page *pg, bool fills)
{
	if (!fills)
		cairo_set_line_width(cr, 0.5);
	for (size_t i = 0; i < pg->nitems; i++) {
		const struct bc_item *it = &pg->items[i];
		bool fill = it->kind == BC_ITEM_RULE || (it->kind == BC_ITEM_RECT && it->fill);
		if ((it->kind != BC_ITEM_RULE && it->kind != BC_ITEM_RECT) || fill != fills)
			continue;
		set_rgb(cr, it->colour);
		double y = it->kind == BC_ITEM_RULE ? it->y - it->h / 2 : it->y;
		cairo_rectangle(cr, it->x, y, it->w, it->h);
		if (fills)
			cairo_fill(cr);
		else
			cairo_stroke(cr);
	}
}

void bc_render_page(cairo_t *cr, const struct bc_doc *doc, size_t p, struct bc_tagger *t)
{
	const struct bc_page *pg = &doc->pages[p];
	draw_decor(cr, pg, true);
	if (t) {
		t->cr = cr;
		t->aside = false;
		t_resume(t);
	}
	for (size_t i = 0; i < pg->nitems; i++) {
		const struct bc_item *it = &pg->items[i];
		draw_item(cr, doc, it, t);
		if (t && (it->kind == BC_ITEM_CHART || it->kind == BC_ITEM_IMAGE))
			t_close_to(t, 0);
	}
	if (t && p + 1 < doc->npages) {
		t_suspend(t);
	} else if (t) {
		t_resume(t); /* what a repeated header set aside ends here too */
		t_close_to(t, 0);
	}
	draw_decor(cr, pg, false);
	draw_notes(cr, doc, pg, t);
	draw_running(cr, doc, pg);
	if (p == 0)
		draw_logo(cr, doc->st);
}
