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

static void dest_attrs(struct bc_buf *b, const struct bc_doc *doc, const struct bc_anchor *a)
{
	struct bc_buf name = {0};
	bc_render_dest_name(&name, doc, a);
	bc_buf_adds(b, "dest=");
	bc_render_quoted(b, name.data);
	bc_buf_free(&name);
}

static void set_rgb(cairo_t *cr, struct bc_rgb c)
{
	cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

/* Link annotations for the part of `para` shown by one line whose left
 * edge is at x and baseline at y. */
static void line_links(cairo_t *cr, const struct bc_doc *doc, const struct bc_para *para,
		       PangoLayoutLine *pl, double x, double y, double h, double baseline)
{
	int ls = pl->start_index, le = pl->start_index + pl->length;
	for (size_t i = 0; i < para->nlinks; i++) {
		const struct bc_link *k = &para->links[i];
		int s = k->start > ls ? k->start : ls, e = k->end < le ? k->end : le;
		if (s >= e)
			continue;
		int x0, x1;
		pango_layout_line_index_to_x(pl, s, FALSE, &x0);
		pango_layout_line_index_to_x(pl, e, FALSE, &x1);
		if (x1 < x0) {
			int t = x0;
			x0 = x1;
			x1 = t;
		}
		struct bc_buf a = {0};
		if (k->uri && k->uri[0] == '#') {
			/* "#name": a named destination elsewhere in the same PDF (a
			 * pack's agenda linking to a paper). */
			bc_buf_adds(&a, "dest=");
			bc_render_quoted(&a, k->uri + 1);
		} else if (k->uri) {
			bc_buf_adds(&a, "uri=");
			bc_render_quoted(&a, k->uri);
		} else {
			const struct bc_anchor *an =
			    k->target ? bc_doc_anchor(doc, k->target) : NULL;
			if (!an) {
				bc_buf_free(&a);
				continue;
			}
			dest_attrs(&a, doc, an);
		}
		bc_buf_adds(&a, " rect=[");
		bc_render_num(&a, x + x0 / (double)PANGO_SCALE);
		bc_buf_addc(&a, ' ');
		bc_render_num(&a, y - baseline);
		bc_buf_addc(&a, ' ');
		bc_render_num(&a, (x1 - x0) / (double)PANGO_SCALE);
		bc_buf_addc(&a, ' ');
		bc_render_num(&a, h);
		bc_buf_addc(&a, ']');
		cairo_tag_begin(cr, CAIRO_TAG_LINK, a.data);
		cairo_tag_end(cr, CAIRO_TAG_LINK);
		bc_buf_free(&a);
	}
}

static void draw_pl(cairo_t *cr, const struct bc_para *p, PangoLayoutLine *pl, double x,
		    double baseline_y)
{
	set_rgb(cr, p->colour);
	cairo_move_to(cr, x, baseline_y);
	pango_cairo_show_layout_line(cr, pl);
}

static void draw_line_item(cairo_t *cr, const struct bc_doc *doc, const struct bc_item *it,
			   bool links)
{
	const struct bc_line *l = it->line;
	double base = it->y + l->baseline;
	if (l->label) {
		/* Drawn first, so text extraction reads "2.1 Text"; labels share
		 * the line's baseline and x is in text-block units. */
		double lx = it->x - l->x + l->label_x;
		draw_pl(cr, l->label, pango_layout_get_line_readonly(l->label->layout, 0), lx,
			base);
	}
	draw_pl(cr, l->para, l->pl, it->x, base);
	if (links)
		line_links(cr, doc, l->para, l->pl, it->x, base, l->h, l->baseline);
}

/* A whole para at (x, top): used for footnotes and running text. */
static double draw_para(cairo_t *cr, const struct bc_doc *doc, const struct bc_para *p, double x,
			double top, bool links)
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
		draw_pl(cr, p, pl, lx, base);
		if (links)
			line_links(cr, doc, p, pl, lx, base, (y1 - y0) / (double)PANGO_SCALE,
				   base - top - y0 / (double)PANGO_SCALE);
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	return p->height;
}

static void draw_item(cairo_t *cr, const struct bc_doc *doc, const struct bc_item *it, bool links)
{
	switch (it->kind) {
	case BC_ITEM_LINE:
		draw_line_item(cr, doc, it, links);
		break;
	case BC_ITEM_RECT:
		set_rgb(cr, it->colour);
		cairo_rectangle(cr, it->x, it->y, it->w, it->h);
		if (it->fill) {
			cairo_fill(cr);
		} else {
			cairo_set_line_width(cr, 0.5);
			cairo_stroke(cr);
		}
		break;
	case BC_ITEM_RULE:
		set_rgb(cr, it->colour);
		cairo_rectangle(cr, it->x, it->y - it->h / 2, it->w, it->h);
		cairo_fill(cr);
		break;
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
		draw_para(cr, doc, slot[0], left, y, false);
	if (slot[1])
		draw_para(cr, doc, slot[1], (left + right - bc_para_width(slot[1])) / 2, y, false);
	if (slot[2])
		draw_para(cr, doc, slot[2], right - bc_para_width(slot[2]), y, false);
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
			  st->page_h - st->margin_bottom + 30, false);
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

static void draw_notes(cairo_t *cr, const struct bc_doc *doc, const struct bc_page *pg, bool links)
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
	for (size_t i = 0; i < pg->nnotes; i++)
		y += draw_para(cr, doc, pg->notes[i], st->margin_left, y, links) + BC_NOTE_GAP;
}

void bc_render_page(cairo_t *cr, const struct bc_doc *doc, size_t p, bool links)
{
	const struct bc_page *pg = &doc->pages[p];
	for (size_t i = 0; i < pg->nitems; i++)
		draw_item(cr, doc, &pg->items[i], links);
	draw_notes(cr, doc, pg, links);
	draw_running(cr, doc, pg);
	if (p == 0)
		draw_logo(cr, doc->st);
}
