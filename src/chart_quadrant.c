/* chart_quadrant.c - the quadrant (2x2) chart: four equal boxes, each with a
 * bold title and wrapped text, filled with light tints whose lightness
 * differs from cell to cell (greyscale prints keep them apart) under dark
 * text. Optional: a centre label in a box over the cross between the cells,
 * an x-axis label under the grid and a y-axis label turned up its left side
 * (written above the grid instead when it is too long to turn). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "chart.h"
#include "util.h"

#define CP	 8.0 /* padding inside a cell */
#define GUT	 4.0 /* white gutter between cells: the centre cross */
#define TGAP	 3.0 /* between a cell's title and its text */
#define BADGE_PX 8.0 /* centre label's box padding, across and down */
#define BADGE_PY 5.0
#define LGAP	 6.0 /* between the grid and an axis label */

enum { TL, TR, BL, BR };

static const char *const positions[4] = {"top-left", "top-right", "bottom-left", "bottom-right"};
static const char *const position_words[4] = {"top left", "top right", "bottom left",
					      "bottom right"};

/* Tints of the chart palette at CIE L* 96, 80, 88 and 72: side-by-side
 * cells differ by 8 or more in lightness, and near-black text on each is
 * at least 9:1. */
static const unsigned tints[4] = {0xEEF4FA, 0xFAB897, 0xCEE1DC, 0xCEA5BC};
static const size_t edges[4] = {4, 1, 2, 3}; /* palette colour for each cell's border */

struct cells {
	const char *title[4];
	char *text[4]; /* owned */
};

struct plan {
	PangoLayout *title[4], *body[4];
	PangoLayout *centre, *xl, *yl; /* each NULL when absent */
	bool y_above;		       /* y label written above the grid */
	double gx, gy, cw, ch;	       /* grid's top-left corner, one cell's size */
	double reserve;		       /* room kept clear for the centre label */
	double yl_wrap, height;
};

static struct bc_rgb rgb(unsigned v)
{
	return (struct bc_rgb){((v >> 16) & 255) / 255.0, ((v >> 8) & 255) / 255.0,
			       (v & 255) / 255.0};
}

static void cells_read(const struct bc_chart *c, struct cells *cs)
{
	memset(cs, 0, sizeof *cs);
	for (const struct bc_node *k = c->node->first; k; k = k->next) {
		if (k->kind != BC_CELL)
			continue;
		const char *pos = bc_node_attr(k, "position");
		for (int i = 0; i < 4; i++)
			if (pos && strcmp(pos, positions[i]) == 0 && !cs->text[i]) {
				cs->title[i] = bc_node_attr(k, "title");
				cs->text[i] = bc_node_text(k);
			}
	}
	for (int i = 0; i < 4; i++) {
		if (!cs->title[i])
			cs->title[i] = "";
		if (!cs->text[i])
			cs->text[i] = bc_xstrdup("");
	}
}

static void cells_free(struct cells *cs)
{
	for (int i = 0; i < 4; i++)
		free(cs->text[i]);
}

static void unref(PangoLayout **l)
{
	if (*l)
		g_object_unref(*l);
	*l = NULL;
}

static void plan_free(struct plan *p)
{
	for (int i = 0; i < 4; i++) {
		unref(&p->title[i]);
		unref(&p->body[i]);
	}
	unref(&p->centre);
	unref(&p->xl);
	unref(&p->yl);
}

static double height_of(PangoLayout *l)
{
	return l ? bc_chart_layout_height(l) : 0;
}

static double cell_text_height(const struct plan *p, int i)
{
	double t = height_of(p->title[i]), b = height_of(p->body[i]);
	return t + (t > 0 && b > 0 ? TGAP : 0) + b;
}

/* NULL for empty text, which then takes no room. */
static PangoLayout *text_layout(struct bc_chart_ctx *cx, const char *text,
				const PangoFontDescription *f, double width)
{
	return text[0] ? bc_chart_layout(cx, text, f, width, PANGO_ALIGN_LEFT) : NULL;
}

/* Lay the chart out in width w. */
static void plan_build(struct plan *p, const struct bc_chart *c, const struct cells *cs,
		       struct bc_chart_ctx *cx, double w)
{
	memset(p, 0, sizeof *p);
	double ylab_w = 0;
	/* The turned y label's width depends on the grid's height, which
	 * depends on the width left for the grid: settle it in two passes. */
	for (int pass = 0; pass < 3; pass++) {
		plan_free(p);
		p->gx = ylab_w;
		double gw = w - p->gx;
		p->cw = (gw - GUT) / 2;
		double tw = fmax(10, p->cw - 2 * CP);
		double need = 0;
		for (int i = 0; i < 4; i++) {
			p->title[i] = text_layout(cx, cs->title[i], cx->font_bold, tw);
			p->body[i] = text_layout(cx, cs->text[i], cx->font, tw);
			need = fmax(need, cell_text_height(p, i));
		}
		p->reserve = 0;
		if (c->centre && c->centre[0]) {
			p->centre = bc_chart_layout(cx, c->centre, cx->font_bold,
						    fmin(p->cw * 0.8, 160), PANGO_ALIGN_CENTER);
			p->reserve = bc_chart_layout_height(p->centre) / 2 + BADGE_PY + 4;
		}
		/* Never so flat that the grid stops reading as four boxes. */
		p->ch = fmax(need + 2 * CP + p->reserve, 0.4 * p->cw);
		double grid_h = 2 * p->ch + GUT;

		p->y_above = false;
		double want = 0;
		if (c->y_label && c->y_label[0]) {
			p->yl_wrap = grid_h * 0.95;
			p->yl = bc_chart_layout(cx, c->y_label, cx->font, p->yl_wrap,
						PANGO_ALIGN_CENTER);
			if (pango_layout_get_line_count(p->yl) <= 2) {
				want = bc_chart_layout_height(p->yl) + LGAP;
			} else {
				/* Too long to turn: above the grid, marked as
				 * the vertical axis by an upward arrow. */
				unref(&p->yl);
				char *up = bc_xasprintf("\xe2\x86\x91 %s", c->y_label);
				p->yl_wrap = w;
				p->yl = bc_chart_layout(cx, up, cx->font, w, PANGO_ALIGN_LEFT);
				free(up);
				p->y_above = true;
			}
		}
		if (fabs(want - ylab_w) < 0.5)
			break;
		ylab_w = want;
	}
	p->gy = p->y_above ? bc_chart_layout_height(p->yl) + LGAP : 0;
	p->height = p->gy + 2 * p->ch + GUT;
	if (c->x_label && c->x_label[0]) {
		p->xl = bc_chart_layout(cx, c->x_label, cx->font, w - p->gx, PANGO_ALIGN_CENTER);
		p->height += LGAP + bc_chart_layout_height(p->xl);
	}
}

static void rounded_rect(cairo_t *cr, double x, double y, double w, double h, double r)
{
	cairo_new_sub_path(cr);
	cairo_arc(cr, x + w - r, y + r, r, -M_PI / 2, 0);
	cairo_arc(cr, x + w - r, y + h - r, r, 0, M_PI / 2);
	cairo_arc(cr, x + r, y + h - r, r, M_PI / 2, M_PI);
	cairo_arc(cr, x + r, y + r, r, M_PI, 3 * M_PI / 2);
	cairo_close_path(cr);
}

/* Draw a plan with its origin at the cairo frame's origin. */
static void paint(const struct plan *p, struct bc_chart_ctx *cx)
{
	cairo_t *cr = cx->cr;
	struct bc_rgb ink = cx->st->text;
	for (int i = 0; i < 4; i++) {
		int col = i % 2, row = i / 2;
		double x = p->gx + col * (p->cw + GUT), y = p->gy + row * (p->ch + GUT);
		struct bc_rgb fill = rgb(tints[i]), edge = bc_chart_colour(cx->st, edges[i]);
		bc_chart_rect(cx, x, y, p->cw, p->ch, fill);
		cairo_set_source_rgb(cr, edge.r, edge.g, edge.b);
		cairo_set_line_width(cr, 1);
		cairo_rectangle(cr, x + 0.5, y + 0.5, p->cw - 1, p->ch - 1);
		cairo_stroke(cr);
		/* Bottom cells start below the centre label's box. */
		double ty = y + CP + (row ? p->reserve : 0);
		struct bc_rgb fg = bc_chart_text_on(fill);
		double th = height_of(p->title[i]);
		if (p->title[i])
			bc_chart_show(cx, p->title[i], x + CP, ty, fg);
		if (p->body[i])
			bc_chart_show(cx, p->body[i], x + CP, ty + th + (th > 0 ? TGAP : 0), fg);
	}
	if (p->centre) {
		double lw = bc_chart_layout_width(p->centre),
		       lh = bc_chart_layout_height(p->centre);
		double bw = lw + 2 * BADGE_PX, bh = lh + 2 * BADGE_PY;
		double mx = p->gx + p->cw + GUT / 2, my = p->gy + p->ch + GUT / 2;
		rounded_rect(cr, mx - bw / 2, my - bh / 2, bw, bh, 5);
		cairo_set_source_rgb(cr, 1, 1, 1);
		cairo_fill_preserve(cr);
		cairo_set_source_rgb(cr, ink.r, ink.g, ink.b);
		cairo_set_line_width(cr, 1.5);
		cairo_stroke(cr);
		/* Lines are centred in the layout's wrap width; find its left. */
		PangoRectangle r;
		pango_layout_get_extents(p->centre, NULL, &r);
		bc_chart_show(cx, p->centre, mx - lw / 2 - r.x / (double)PANGO_SCALE, my - lh / 2,
			      ink);
	}
	double grid_h = 2 * p->ch + GUT;
	if (p->xl)
		bc_chart_show(cx, p->xl, p->gx, p->gy + grid_h + LGAP, ink);
	if (p->yl && p->y_above) {
		bc_chart_show(cx, p->yl, 0, 0, ink);
	} else if (p->yl) {
		/* Turned to read upwards, centred on the grid's height. */
		cairo_save(cr);
		cairo_translate(cr, 0, p->gy + grid_h);
		cairo_rotate(cr, -M_PI / 2);
		bc_chart_show(cx, p->yl, (grid_h - p->yl_wrap) / 2, 0, ink);
		cairo_restore(cr);
	}
}

static double natural(const struct bc_chart *c, const struct cells *cs, struct bc_chart_ctx *cx,
		      double w)
{
	struct plan p;
	plan_build(&p, c, cs, cx, w);
	double h = p.height;
	plan_free(&p);
	return h;
}

static double height(const struct bc_chart *c, struct bc_chart_ctx *cx, double width)
{
	struct cells cs;
	cells_read(c, &cs);
	double h = natural(c, &cs, cx, width);
	cells_free(&cs);
	return h;
}

static void draw(const struct bc_chart *c, struct bc_chart_ctx *cx, double x, double y, double w,
		 double h)
{
	if (!cx->cr)
		return;
	struct cells cs;
	cells_read(c, &cs);
	double lw = w, scale = 1, nat = natural(c, &cs, cx, w);
	if (nat > h + 0.01) {
		/* Too tall for the box: scale down. Laid out wider than the
		 * box, the text takes fewer lines; keep the width that needs the
		 * least shrinking. */
		double s0 = h / nat;
		scale = s0;
		for (int k = 1; k < 6; k++) {
			double s = s0 + (1 - s0) * k / 6.0, W = w / s;
			double g = fmin(w / W, h / natural(c, &cs, cx, W));
			if (g > scale) {
				scale = g;
				lw = W;
			}
		}
	}
	struct plan p;
	plan_build(&p, c, &cs, cx, lw);
	cairo_save(cx->cr);
	cairo_translate(cx->cr, x + (w - lw * scale) / 2, y);
	cairo_scale(cx->cr, scale, scale);
	paint(&p, cx);
	cairo_restore(cx->cr);
	plan_free(&p);
	cells_free(&cs);
}

static char *describe(const struct bc_chart *c)
{
	struct cells cs;
	cells_read(c, &cs);
	struct bc_buf b = {0};
	bc_buf_adds(&b, "Quadrant:");
	for (int i = 0; i < 4; i++) {
		bc_buf_printf(&b, "%s %s", i ? ";" : "", position_words[i]);
		if (cs.title[i][0])
			bc_buf_printf(&b, " %s", cs.title[i]);
		if (cs.text[i][0])
			bc_buf_printf(&b, " \xe2\x80\x93 %s", cs.text[i]); /* en dash */
	}
	bc_buf_adds(&b, ".");
	if (c->centre && c->centre[0])
		bc_buf_printf(&b, " Centre: %s.", c->centre);
	if (c->x_label && c->x_label[0])
		bc_buf_printf(&b, " Horizontal axis: %s.", c->x_label);
	if (c->y_label && c->y_label[0])
		bc_buf_printf(&b, " Vertical axis: %s.", c->y_label);
	cells_free(&cs);
	return bc_buf_detach(&b);
}

const struct bc_chart_ops bc_chart_quadrant_ops = {height, draw, describe};
