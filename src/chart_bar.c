/* chart_bar.c - bar charts: bars from a zero baseline, running left to right
 * (the default) or upwards, with negative values running the other way.
 * One series is drawn in one colour with the highlighted category darker;
 * several series are drawn side by side (grouped) or as segments of one bar
 * (stacked). Every bar carries its value at its end and its category name
 * beside it (horizontal) or under it (vertical); a legend names the series
 * only when there are several. Illustrative figures are hatched and marked
 * "(illustrative)". */
#include "chart.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define BAR_H	      16.0 /* a single or stacked horizontal bar */
#define GROUP_BAR_H   13.0 /* one series' bar inside a group (1pt of it is a white gap) */
#define ROW_GAP	      6.0  /* between horizontal bars */
#define GROUP_GAP     10.0 /* between groups: wider, so groups read as units */
#define LABEL_SHARE   0.4  /* widest the category label column may be, as a share */
#define LABEL_GAP     8.0  /* category labels to the plot */
#define PAD	      4.0  /* bar end to its value label, and text inside a bar */
#define AXIS_OVERHANG 3.0  /* baseline past the first and last bar */
#define SWATCH	      10.0 /* legend colour square */
#define LEGEND_GAP    14.0 /* between legend items */
#define MIN_SLOT      30.0 /* narrowest vertical category slot whose name can be read */
#define CAT_LINES     3	   /* vertical names are shortened past this; describe() has them */
#define MIN_PLOT_H    60.0 /* vertical: bars are not squeezed below this to fit a page */

enum mode { SINGLE, GROUPED, STACKED };

struct plan {
	enum mode mode;
	bool horizontal; /* may differ from c->horizontal: see fits_vertical() */
	bool rotate;	 /* vertical: value labels read upwards as they are wider than a bar */
	bool all_zero;	 /* every value 0: lo..hi is a nominal 0..1 */
	size_t ncat, nser;
	double w, height;
	/* legend: one item per series, positions relative to the chart's top-left */
	PangoLayout **legend;
	double *leg_x, *leg_y;
	double legend_h, line_h;
	/* category names */
	PangoLayout **cat;
	double label_w;	       /* horizontal: the label column */
	double *row_y, *row_h; /* horizontal: each category's row */
	/* value labels: val[s * ncat + i]; tot[i] holds stacked totals */
	PangoLayout **val, **tot;
	double lo, hi; /* value range, always including zero */
	/* value v lies at zero + v * k along x (horizontal) or zero - v * k along y */
	double zero, k;
	double axis0, axis1; /* extent of the baseline across the bars */
	/* vertical */
	double slot, bar_w, group_w, plot_top, plot_h, cat_y;
	double hatch; /* spacing of illustrative hatching, 5pt on the page whatever the scale */
};

static enum mode mode_of(const struct bc_chart *c)
{
	if (c->data.nseries <= 1)
		return SINGLE;
	return c->stacked ? STACKED : GROUPED;
}

static double value(const struct bc_chart *c, size_t s, size_t i)
{
	return c->data.values[s * c->data.ncat + i];
}

/* Sum of a stacked bar's segments; NAN when every segment is missing. */
static double total(const struct bc_chart *c, size_t i)
{
	double sum = NAN;
	for (size_t s = 0; s < c->data.nseries; s++) {
		double v = value(c, s, i);
		if (!isnan(v))
			sum = isnan(sum) ? v : sum + v;
	}
	return sum;
}

static bool highlighted(const struct bc_chart *c, size_t i)
{
	return c->highlight && strcmp(c->data.categories[i], c->highlight) == 0;
}

static struct bc_rgb fill_of(const struct bc_chart *c, const struct bc_style *st, enum mode m,
			     size_t s, size_t i)
{
	if (m != SINGLE)
		return bc_chart_colour(st, s);
	return highlighted(c, i) ? bc_chart_highlight_colour() : bc_chart_base_colour();
}

static const PangoFontDescription *value_font(struct bc_chart_ctx *cx, enum mode m)
{
	/* Grouped bars are thinner than a line of 11pt text. */
	return m == GROUPED ? cx->font_small : cx->font;
}

static double lw_of(PangoLayout *l)
{
	return l ? bc_chart_layout_width(l) : 0;
}

static double lh_of(PangoLayout *l)
{
	return l ? bc_chart_layout_height(l) : 0;
}

static void unref_all(PangoLayout **ls, size_t n)
{
	if (!ls)
		return;
	for (size_t i = 0; i < n; i++)
		if (ls[i])
			g_object_unref(ls[i]);
	free(ls);
}

static void plan_free(struct plan *p)
{
	unref_all(p->legend, p->nser);
	unref_all(p->cat, p->ncat);
	unref_all(p->val, p->ncat * p->nser);
	unref_all(p->tot, p->ncat);
	free(p->leg_x);
	free(p->leg_y);
	free(p->row_y);
	free(p->row_h);
	memset(p, 0, sizeof *p);
}

static PangoLayout *value_layout(const struct bc_chart *c, struct bc_chart_ctx *cx,
				 const PangoFontDescription *f, double v)
{
	if (isnan(v))
		return bc_chart_layout(cx, "no data", cx->font_small, 0, PANGO_ALIGN_LEFT);
	char *s = bc_chart_format(c, v);
	PangoLayout *l = bc_chart_layout(cx, s, f, 0, PANGO_ALIGN_LEFT);
	free(s);
	return l;
}

/* Value labels and the value range. A missing value is labelled "no data"
 * where its bar would start, on the positive side of zero. */
static void plan_values(const struct bc_chart *c, struct bc_chart_ctx *cx, struct plan *p)
{
	size_t n = p->ncat;
	const PangoFontDescription *f = value_font(cx, p->mode);
	p->val = bc_xcalloc(n * p->nser + 1, sizeof *p->val);
	for (size_t s = 0; s < p->nser; s++)
		for (size_t i = 0; i < n; i++) {
			double v = value(c, s, i);
			/* A missing segment is simply not drawn; its bar's total
			 * says what is there. */
			if (p->mode == STACKED && isnan(v))
				continue;
			const PangoFontDescription *vf =
			    p->mode == STACKED
				? cx->font_small
				: (p->mode == SINGLE && highlighted(c, i) ? cx->font_bold : f);
			p->val[s * n + i] = value_layout(c, cx, vf, v);
			if (p->mode != STACKED && !isnan(v)) {
				p->lo = fmin(p->lo, v);
				p->hi = fmax(p->hi, v);
			}
		}
	if (p->mode == STACKED) {
		p->tot = bc_xcalloc(n + 1, sizeof *p->tot);
		for (size_t i = 0; i < n; i++) {
			double t = total(c, i);
			p->tot[i] = value_layout(c, cx, cx->font_bold, t);
			if (!isnan(t)) {
				p->lo = fmin(p->lo, t);
				p->hi = fmax(p->hi, t);
			}
		}
	}
	/* All zero: a nominal range, so nothing divides by zero and the
	 * baseline sits where positive bars would start. */
	p->all_zero = !(p->hi - p->lo > 0);
	if (p->all_zero)
		p->hi = p->lo + 1;
}

/* The label that sits past a bar's end when it does not fit inside. */
static PangoLayout *end_label(const struct plan *p, size_t s, size_t i)
{
	return p->mode == STACKED ? p->tot[i] : p->val[s * p->ncat + i];
}

static double end_value(const struct bc_chart *c, const struct plan *p, size_t s, size_t i)
{
	return p->mode == STACKED ? total(c, i) : value(c, s, i);
}

/* Widest outside label on each side of zero (measured along the value axis
 * when `along_w`, across it otherwise). */
static void end_label_room(const struct bc_chart *c, const struct plan *p, bool along_w,
			   double *pos, double *neg)
{
	*pos = *neg = 0;
	size_t ns = p->mode == STACKED ? 1 : p->nser;
	for (size_t s = 0; s < ns; s++)
		for (size_t i = 0; i < p->ncat; i++) {
			PangoLayout *l = end_label(p, s, i);
			double e = along_w ? lw_of(l) : lh_of(l);
			if (end_value(c, p, s, i) < 0)
				*neg = fmax(*neg, e);
			else
				*pos = fmax(*pos, e);
		}
}

/* Legend items flow left to right and wrap; only several series need one,
 * since a single series is named by the caption. */
static void plan_legend(const struct bc_chart *c, struct bc_chart_ctx *cx, struct plan *p)
{
	if (p->mode == SINGLE)
		return;
	p->legend = bc_xcalloc(p->nser, sizeof *p->legend);
	p->leg_x = bc_xcalloc(p->nser, sizeof *p->leg_x);
	p->leg_y = bc_xcalloc(p->nser, sizeof *p->leg_y);
	PangoLayout *one = bc_chart_layout(cx, "Ag", cx->font_small, 0, PANGO_ALIGN_LEFT);
	p->line_h = lh_of(one);
	g_object_unref(one);
	double text_max = p->w - SWATCH - PAD;
	double x = 0, y = 0, line = 0;
	for (size_t s = 0; s < p->nser; s++) {
		PangoLayout *l =
		    bc_chart_layout(cx, c->data.series[s], cx->font_small, 0, PANGO_ALIGN_LEFT);
		if (lw_of(l) > text_max)
			pango_layout_set_width(l, (int)(text_max * PANGO_SCALE));
		double iw = SWATCH + PAD + lw_of(l), ih = fmax(SWATCH, lh_of(l));
		if (x > 0 && x + iw > p->w) {
			y += line + PAD;
			x = line = 0;
		}
		p->legend[s] = l;
		p->leg_x[s] = x;
		p->leg_y[s] = y;
		x += iw + LEGEND_GAP;
		line = fmax(line, ih);
	}
	p->legend_h = y + line + 2 * PAD;
}

static char *cat_text(const struct bc_chart *c, size_t i)
{
	if (c->data.illustrative[i])
		return bc_xasprintf("%s (illustrative)", c->data.categories[i]);
	return bc_xstrdup(c->data.categories[i]);
}

static void plan_horizontal(const struct bc_chart *c, struct bc_chart_ctx *cx, struct plan *p)
{
	size_t n = p->ncat;
	double cap = p->w * LABEL_SHARE;
	p->cat = bc_xcalloc(n, sizeof *p->cat);
	p->row_y = bc_xcalloc(n, sizeof *p->row_y);
	p->row_h = bc_xcalloc(n, sizeof *p->row_h);
	p->label_w = 0;
	for (size_t i = 0; i < n; i++) {
		char *t = cat_text(c, i);
		const PangoFontDescription *f = highlighted(c, i) ? cx->font_bold : cx->font;
		p->cat[i] = bc_chart_layout(cx, t, f, cap, PANGO_ALIGN_RIGHT);
		free(t);
		p->label_w = fmax(p->label_w, lw_of(p->cat[i]));
	}
	/* Narrower than the cap when every name is short; the breaks stay the
	 * same as each line already fits. */
	p->label_w = fmin(cap, ceil(p->label_w) + 1);
	for (size_t i = 0; i < n; i++)
		pango_layout_set_width(p->cat[i], (int)(p->label_w * PANGO_SCALE));

	double pos, neg;
	end_label_room(c, p, true, &pos, &neg);
	double a0 = p->label_w + LABEL_GAP + (p->lo < 0 ? neg + PAD : 0);
	double a1 = p->w - pos - PAD;
	if (a1 - a0 < 20)
		a1 = a0 + 20; /* absurdly narrow: keep bars visible */
	p->k = (a1 - a0) / (p->hi - p->lo);
	p->zero = a0 - p->lo * p->k;

	double block = p->mode == GROUPED ? (double)p->nser * GROUP_BAR_H : BAR_H;
	double gap = p->mode == GROUPED ? GROUP_GAP : ROW_GAP;
	double y = p->legend_h + AXIS_OVERHANG;
	p->axis0 = p->legend_h;
	for (size_t i = 0; i < n; i++) {
		p->row_y[i] = y;
		p->row_h[i] = fmax(block, lh_of(p->cat[i]));
		y += p->row_h[i] + (i + 1 < n ? gap : 0);
	}
	p->axis1 = y + AXIS_OVERHANG;
	p->height = ceil(p->axis1 + 1);
}

/* Whether a vertical bar's value label goes inside the bar: single
 * series only, as grouped bars are too narrow for most labels and mixed
 * placements would read unevenly; stacked bars put their total above. */
static bool may_inside(const struct bc_chart *c, const struct plan *p, size_t i, double v)
{
	return p->mode == SINGLE && !c->data.illustrative[i] && !isnan(v);
}

static bool inside_v(const struct plan *p, PangoLayout *l, double len, bool may)
{
	double along = p->rotate ? lw_of(l) : lh_of(l);
	double across = p->rotate ? lh_of(l) : lw_of(l);
	return may && len >= along + 2 * PAD && across + (p->rotate ? 2 : 2 * PAD) <= p->bar_w;
}

static void plan_vertical(const struct bc_chart *c, struct bc_chart_ctx *cx, struct plan *p,
			  double plot_h)
{
	size_t n = p->ncat;
	p->slot = p->w / (double)n;
	if (p->mode == GROUPED) {
		p->group_w = fmin(p->slot * 0.8, (double)p->nser * 36);
		p->bar_w = p->group_w / (double)p->nser;
	} else {
		p->bar_w = p->group_w = fmin(p->slot * 0.65, 60);
	}
	/* Labels wider than the room above their bar would run into the
	 * neighbours' labels: turn them all, so they read alike. */
	double pitch = p->mode == GROUPED ? p->bar_w : p->slot - 2;
	double pos, neg;
	end_label_room(c, p, true, &pos, &neg);
	p->rotate = fmax(pos, neg) > pitch;

	p->cat = bc_xcalloc(n, sizeof *p->cat);
	double cat_h = 0;
	for (size_t i = 0; i < n; i++) {
		char *t = cat_text(c, i);
		const PangoFontDescription *f = highlighted(c, i) ? cx->font_bold : cx->font;
		p->cat[i] = bc_chart_layout(cx, t, f, p->slot - 4, PANGO_ALIGN_CENTER);
		pango_layout_set_ellipsize(p->cat[i], PANGO_ELLIPSIZE_END);
		pango_layout_set_height(p->cat[i], -CAT_LINES);
		free(t);
		cat_h = fmax(cat_h, lh_of(p->cat[i]));
	}
	if (plot_h > 0)
		p->plot_h = plot_h;
	else if (p->all_zero)
		p->plot_h = MIN_PLOT_H; /* no bars to show: no room for them */
	else
		p->plot_h = fmin(fmax(p->w * 0.42, 140), 240);
	p->k = p->plot_h / (p->hi - p->lo);

	/* The scale does not depend on the labels here, so room is made only
	 * for labels that end up beyond the plot. */
	double above = 0, below = 0;
	size_t ns = p->mode == STACKED ? 1 : p->nser;
	for (size_t s = 0; s < ns; s++)
		for (size_t i = 0; i < n; i++) {
			double v = end_value(c, p, s, i);
			double len = isnan(v) ? 0 : fabs(v) * p->k;
			PangoLayout *l = end_label(p, s, i);
			if (inside_v(p, l, len, may_inside(c, p, i, v)))
				continue;
			double past = len + PAD + (p->rotate ? lw_of(l) : lh_of(l));
			if (v < 0)
				below = fmax(below, past + p->lo * p->k);
			else
				above = fmax(above, past - p->hi * p->k);
		}
	p->plot_top = p->legend_h + above;
	p->zero = p->plot_top + p->hi * p->k;
	p->axis0 = 0;
	p->axis1 = p->w;
	p->cat_y = p->plot_top + p->plot_h + below + PAD;
	p->height = ceil(p->cat_y + cat_h + 1);
}

/* Vertical bars need a slot wide enough to name each category under it;
 * with more categories than that the chart is drawn horizontally, where
 * each name has a line of its own. */
static bool fits_vertical(const struct plan *p)
{
	double need = MIN_SLOT;
	if (p->mode == GROUPED)
		need = fmax(need, (double)p->nser * 8 + 8);
	return p->w / (double)p->ncat >= need;
}

/* plot_h > 0 fixes the vertical plot height; force_h keeps a chart that
 * was planned horizontally so when it is planned again at another width. */
static void plan(const struct bc_chart *c, struct bc_chart_ctx *cx, double w, double plot_h,
		 bool force_h, struct plan *p)
{
	memset(p, 0, sizeof *p);
	p->mode = mode_of(c);
	p->ncat = c->data.ncat;
	p->nser = c->data.nseries ? c->data.nseries : 1;
	p->w = w;
	p->horizontal = c->horizontal || force_h || !fits_vertical(p);
	plan_legend(c, cx, p);
	plan_values(c, cx, p);
	if (p->horizontal)
		plan_horizontal(c, cx, p);
	else
		plan_vertical(c, cx, p, plot_h);
}

static double height(const struct bc_chart *c, struct bc_chart_ctx *cx, double width)
{
	if (c->data.ncat == 0 || !(width > 0))
		return 0;
	struct plan p;
	plan(c, cx, width, 0, false, &p);
	double h = p.height;
	plan_free(&p);
	return h;
}

/* ---- drawing ---- */

static struct bc_rgb tint(struct bc_rgb c, double share)
{
	return (struct bc_rgb){1 - share * (1 - c.r), 1 - share * (1 - c.g), 1 - share * (1 - c.b)};
}

/* A bar, or for illustrative figures a pale fill crossed by diagonal lines
 * inside an outline in the bar's colour: a reader (in colour or grey) can
 * tell it from measured data. */
static void bar(struct bc_chart_ctx *cx, const struct plan *p, double x, double y, double w,
		double h, struct bc_rgb col, bool illustrative)
{
	if (!cx->cr || !(w > 0.01) || !(h > 0.01))
		return;
	if (!illustrative) {
		bc_chart_rect(cx, x, y, w, h, col);
		return;
	}
	cairo_t *cr = cx->cr;
	struct bc_rgb pale = tint(col, 0.25);
	cairo_save(cr);
	cairo_rectangle(cr, x, y, w, h);
	cairo_set_source_rgb(cr, pale.r, pale.g, pale.b);
	cairo_fill_preserve(cr);
	cairo_clip(cr);
	cairo_set_source_rgb(cr, col.r, col.g, col.b);
	cairo_set_line_width(cr, 1);
	for (double t = -h; t < w; t += p->hatch) {
		cairo_move_to(cr, x + t, y + h);
		cairo_line_to(cr, x + t + h, y);
	}
	cairo_stroke(cr);
	/* The outline lies inside the bar so the bar keeps its length. */
	cairo_rectangle(cr, x + 0.6, y + 0.6, fmax(w - 1.2, 0), fmax(h - 1.2, 0));
	cairo_set_line_width(cr, 1.2);
	cairo_stroke(cr);
	cairo_restore(cr);
}

/* Text on a hatched bar gets a white ground so the lines do not cross it. */
static void text_on_hatch(struct bc_chart_ctx *cx, PangoLayout *l, double x, double y)
{
	bc_chart_rect(cx, x - 1, y, lw_of(l) + 2, lh_of(l), (struct bc_rgb){1, 1, 1});
	bc_chart_show(cx, l, x, y, cx->st->text);
}

/* A layout turned to read upwards, its box's top-left at (x, y). */
static void show_up(struct bc_chart_ctx *cx, PangoLayout *l, double x, double y,
		    struct bc_rgb colour)
{
	if (!cx->cr)
		return;
	cairo_save(cx->cr);
	cairo_translate(cx->cr, x, y + lw_of(l));
	cairo_rotate(cx->cr, -M_PI / 2);
	bc_chart_show(cx, l, 0, 0, colour);
	cairo_restore(cx->cr);
}

/* A value label at the end of a horizontal bar from `zero` to `end`,
 * centred on cy: inside when there is room, otherwise beyond the end. */
static void end_label_h(struct bc_chart_ctx *cx, PangoLayout *l, double zero, double end, double cy,
			double thick, bool may_inside, struct bc_rgb fill)
{
	if (!l)
		return;
	double w = lw_of(l), h = lh_of(l);
	bool neg = end < zero;
	bool in = may_inside && fabs(end - zero) >= w + 2 * PAD && h <= thick + 1;
	double x = in ? (neg ? end + PAD : end - PAD - w) : (neg ? end - PAD - w : end + PAD);
	bc_chart_show(cx, l, x, cy - h / 2, in ? bc_chart_text_on(fill) : cx->st->text);
}

/* The same for a vertical bar from y `zero` to y `end`, centred on cx0. */
static void end_label_v(struct bc_chart_ctx *cx, const struct plan *p, PangoLayout *l, double end,
			double cx0, bool may, struct bc_rgb fill)
{
	if (!l)
		return;
	double along = p->rotate ? lw_of(l) : lh_of(l);
	double across = p->rotate ? lh_of(l) : lw_of(l);
	bool neg = end > p->zero;
	bool in = inside_v(p, l, fabs(end - p->zero), may);
	double top =
	    in ? (neg ? end - PAD - along : end + PAD) : (neg ? end + PAD : end - PAD - along);
	struct bc_rgb col = in ? bc_chart_text_on(fill) : cx->st->text;
	if (p->rotate)
		show_up(cx, l, cx0 - across / 2, top, col);
	else
		bc_chart_show(cx, l, cx0 - across / 2, top, col);
}

static void draw_legend(struct bc_chart_ctx *cx, const struct plan *p)
{
	if (!p->legend)
		return;
	for (size_t s = 0; s < p->nser; s++) {
		double y = p->leg_y[s];
		bc_chart_rect(cx, p->leg_x[s], y + (p->line_h - SWATCH) / 2, SWATCH, SWATCH,
			      bc_chart_colour(cx->st, s));
		bc_chart_show(cx, p->legend[s], p->leg_x[s] + SWATCH + PAD, y, cx->st->text);
	}
}

static void line(struct bc_chart_ctx *cx, double x0, double y0, double x1, double y1)
{
	struct bc_rgb t = cx->st->text;
	cairo_set_source_rgb(cx->cr, t.r, t.g, t.b);
	cairo_set_line_width(cx->cr, 0.75);
	cairo_move_to(cx->cr, x0, y0);
	cairo_line_to(cx->cr, x1, y1);
	cairo_stroke(cx->cr);
}

/* Thin white lines between stacked segments keep them apart in grey. */
static void seam(struct bc_chart_ctx *cx, double x0, double y0, double x1, double y1)
{
	cairo_set_source_rgb(cx->cr, 1, 1, 1);
	cairo_set_line_width(cx->cr, 0.75);
	cairo_move_to(cx->cr, x0, y0);
	cairo_line_to(cx->cr, x1, y1);
	cairo_stroke(cx->cr);
}

static void draw_stack_h(const struct bc_chart *c, struct bc_chart_ctx *cx, const struct plan *p,
			 size_t i, double by)
{
	bool illus = c->data.illustrative[i];
	double acc = 0;
	for (size_t s = 0; s < p->nser; s++) {
		double v = value(c, s, i);
		if (isnan(v) || v == 0)
			continue;
		double x0 = p->zero + acc * p->k, x1 = p->zero + (acc + v) * p->k;
		acc += v;
		struct bc_rgb col = bc_chart_colour(cx->st, s);
		bar(cx, p, x0, by, x1 - x0, BAR_H, col, illus);
		if (acc > v)
			seam(cx, x0, by, x0, by + BAR_H);
		PangoLayout *l = p->val[s * p->ncat + i];
		double w = lw_of(l), h = lh_of(l);
		if (w + 2 * PAD > x1 - x0 || h > BAR_H + 1)
			continue;
		double tx = (x0 + x1 - w) / 2, ty = by + (BAR_H - h) / 2;
		if (illus)
			text_on_hatch(cx, l, tx, ty);
		else
			bc_chart_show(cx, l, tx, ty, bc_chart_text_on(col));
	}
	double end = p->zero + acc * p->k;
	end_label_h(cx, p->tot[i], p->zero, end, by + BAR_H / 2, BAR_H, false, cx->st->text);
}

static void draw_horizontal(const struct bc_chart *c, struct bc_chart_ctx *cx, const struct plan *p)
{
	size_t n = p->ncat;
	for (size_t i = 0; i < n; i++) {
		double ry = p->row_y[i], rh = p->row_h[i];
		double lh = lh_of(p->cat[i]);
		bc_chart_show(cx, p->cat[i], 0, ry + (rh - lh) / 2, cx->st->text);
		bool illus = c->data.illustrative[i];
		if (p->mode == STACKED) {
			draw_stack_h(c, cx, p, i, ry + (rh - BAR_H) / 2);
			continue;
		}
		double thick = p->mode == GROUPED ? GROUP_BAR_H : BAR_H;
		double by = ry + (rh - thick * (double)p->nser) / 2;
		for (size_t s = 0; s < p->nser; s++, by += thick) {
			double v = value(c, s, i);
			double bh = p->mode == GROUPED ? thick - 1 : thick;
			struct bc_rgb col = fill_of(c, cx->st, p->mode, s, i);
			double end = isnan(v) ? p->zero : p->zero + v * p->k;
			bar(cx, p, fmin(p->zero, end), by, fabs(end - p->zero), bh, col, illus);
			end_label_h(cx, p->val[s * n + i], p->zero, end, by + bh / 2, bh,
				    !illus && !isnan(v), col);
		}
	}
	line(cx, p->zero, p->axis0, p->zero, p->axis1);
}

static void draw_vertical(const struct bc_chart *c, struct bc_chart_ctx *cx, const struct plan *p)
{
	size_t n = p->ncat;
	for (size_t i = 0; i < n; i++) {
		double mid = p->slot * ((double)i + 0.5);
		bool illus = c->data.illustrative[i];
		PangoLayout *cl = p->cat[i];
		bc_chart_show(cx, cl, mid - (p->slot - 4) / 2, p->cat_y, cx->st->text);
		double x = mid - p->group_w / 2;
		if (p->mode == STACKED) {
			double acc = 0;
			for (size_t s = 0; s < p->nser; s++) {
				double v = value(c, s, i);
				if (isnan(v) || v == 0)
					continue;
				double y0 = p->zero - acc * p->k, y1 = p->zero - (acc + v) * p->k;
				acc += v;
				struct bc_rgb col = bc_chart_colour(cx->st, s);
				bar(cx, p, x, y1, p->bar_w, y0 - y1, col, illus);
				if (acc > v)
					seam(cx, x, y0, x + p->bar_w, y0);
				PangoLayout *l = p->val[s * n + i];
				double w = lw_of(l), h = lh_of(l);
				if (w + 2 * PAD > p->bar_w || h + 2 > y0 - y1)
					continue;
				double tx = mid - w / 2, ty = (y0 + y1 - h) / 2;
				if (illus)
					text_on_hatch(cx, l, tx, ty);
				else
					bc_chart_show(cx, l, tx, ty, bc_chart_text_on(col));
			}
			end_label_v(cx, p, p->tot[i], p->zero - acc * p->k, mid, false,
				    cx->st->text);
			continue;
		}
		for (size_t s = 0; s < p->nser; s++, x += p->bar_w) {
			double v = value(c, s, i);
			double bw = p->mode == GROUPED ? p->bar_w - 1 : p->bar_w;
			struct bc_rgb col = fill_of(c, cx->st, p->mode, s, i);
			double end = isnan(v) ? p->zero : p->zero - v * p->k;
			bar(cx, p, x, fmin(p->zero, end), bw, fabs(end - p->zero), col, illus);
			end_label_v(cx, p, p->val[s * n + i], end, x + bw / 2,
				    may_inside(c, p, i, v), col);
		}
	}
	line(cx, p->axis0, p->zero, p->axis1, p->zero);
}

static void draw(const struct bc_chart *c, struct bc_chart_ctx *cx, double x, double y, double w,
		 double h)
{
	if (!cx->cr || c->data.ncat == 0 || !(w > 0) || !(h > 0))
		return;
	struct plan p;
	plan(c, cx, w, 0, false, &p);
	if (p.height > h && !p.horizontal) {
		/* Shorter bars first: the text keeps its size. */
		double plot_h = fmax(MIN_PLOT_H, p.plot_h - (p.height - h));
		plan_free(&p);
		plan(c, cx, w, plot_h, false, &p);
	}
	double s = 1;
	if (p.height > h) {
		s = h / p.height;
		if (p.horizontal) {
			/* Planned wider by as much as it will be scaled down, the
			 * chart fills the width again; wider label columns wrap
			 * less, so it is no taller than before. */
			plan_free(&p);
			plan(c, cx, w / s, 0, true, &p);
			if (p.height * s > h)
				s = h / p.height;
		}
	}
	p.hatch = 5 / s; /* linear time however far a chart is scaled down */
	cairo_t *cr = cx->cr;
	cairo_save(cr);
	cairo_translate(cr, x + (w - p.w * s) / 2, y);
	cairo_scale(cr, s, s);
	draw_legend(cx, &p);
	if (p.horizontal)
		draw_horizontal(c, cx, &p);
	else
		draw_vertical(c, cx, &p);
	cairo_restore(cr);
	plan_free(&p);
}

/* ---- text alternative ---- */

static void add_value(struct bc_buf *b, const struct bc_chart *c, double v)
{
	if (isnan(v)) {
		bc_buf_adds(b, "no data");
		return;
	}
	char *s = bc_chart_format(c, v);
	bc_buf_adds(b, s);
	free(s);
}

/* Series s, or the stacked totals when s is the series count. */
static double entry(const struct bc_chart *c, size_t s, size_t i)
{
	return s < c->data.nseries ? value(c, s, i) : total(c, i);
}

/* "largest: A 21%; smallest: B 2%", or "all values are 0%". */
static void add_extremes(struct bc_buf *b, const struct bc_chart *c, size_t s, const char *what,
			 const char *sep)
{
	const struct bc_chart_data *d = &c->data;
	size_t hi = d->ncat, lo = d->ncat;
	for (size_t i = 0; i < d->ncat; i++) {
		double v = entry(c, s, i);
		if (isnan(v))
			continue;
		if (hi == d->ncat || v > entry(c, s, hi))
			hi = i;
		if (lo == d->ncat || v < entry(c, s, lo))
			lo = i;
	}
	if (hi == d->ncat) {
		bc_buf_adds(b, "no data");
		return;
	}
	if (d->ncat == 1) {
		bc_buf_printf(b, "%s ", d->categories[hi]);
		add_value(b, c, entry(c, s, hi));
		return;
	}
	if (entry(c, s, hi) == entry(c, s, lo)) {
		bc_buf_adds(b, "all values are ");
		add_value(b, c, entry(c, s, hi));
		return;
	}
	bc_buf_printf(b, "largest%s %s ", what, d->categories[hi]);
	add_value(b, c, entry(c, s, hi));
	bc_buf_printf(b, "%ssmallest%s %s ", sep, what, d->categories[lo]);
	add_value(b, c, entry(c, s, lo));
}

#define LIST_MAX 20 /* every value is listed for charts up to this many categories */

static char *describe(const struct bc_chart *c)
{
	const struct bc_chart_data *d = &c->data;
	enum mode m = mode_of(c);
	struct bc_buf b = {0};
	bc_buf_printf(&b, "%s, %zu %s",
		      m == STACKED   ? "Stacked bar chart"
		      : m == GROUPED ? "Grouped bar chart"
				     : "Bar chart",
		      d->ncat, d->ncat == 1 ? "category" : "categories");
	if (m != SINGLE) {
		bc_buf_printf(&b, ", %zu series (", d->nseries);
		for (size_t s = 0; s < d->nseries; s++)
			bc_buf_printf(&b, "%s%s", s ? ", " : "", d->series[s]);
		bc_buf_adds(&b, ")");
	}
	if (m == SINGLE) {
		bc_buf_adds(&b, "; ");
		add_extremes(&b, c, 0, ":", "; ");
	} else if (m == STACKED) {
		bc_buf_adds(&b, "; ");
		add_extremes(&b, c, d->nseries, " total:", "; ");
	} else {
		for (size_t s = 0; s < d->nseries; s++) {
			bc_buf_printf(&b, "; %s: ", d->series[s]);
			add_extremes(&b, c, s, "", ", ");
		}
	}
	if (c->highlight)
		for (size_t i = 0; i < d->ncat; i++)
			if (highlighted(c, i))
				bc_buf_printf(&b, "; highlighted: %s", d->categories[i]);
	if (d->ncat > 1 && d->ncat <= LIST_MAX) {
		bc_buf_adds(&b, "; values: ");
		for (size_t i = 0; i < d->ncat; i++) {
			bc_buf_printf(&b, "%s%s ", i ? (m == SINGLE ? ", " : "; ") : "",
				      d->categories[i]);
			if (m == SINGLE) {
				add_value(&b, c, value(c, 0, i));
				continue;
			}
			for (size_t s = 0; s < d->nseries; s++) {
				bc_buf_printf(&b, "%s%s ", s ? ", " : "", d->series[s]);
				add_value(&b, c, value(c, s, i));
			}
			if (m == STACKED) {
				bc_buf_adds(&b, ", total ");
				add_value(&b, c, total(c, i));
			}
		}
	}
	size_t nill = 0;
	for (size_t i = 0; i < d->ncat; i++)
		if (d->illustrative[i])
			bc_buf_printf(&b, "%s%s",
				      nill++ ? ", " : "; illustrative figures: ", d->categories[i]);
	bc_buf_adds(&b, ".");
	return bc_buf_detach(&b);
}

const struct bc_chart_ops bc_chart_bar_ops = {height, draw, describe};
