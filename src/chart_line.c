/* chart_line.c - line charts: categories (years, months) along the x axis,
 * one line per series on a y axis from zero (or the lowest value, when
 * negative) to a rounded maximum with gridlines. Series differ in colour,
 * dash pattern and marker shape, so they stay apart in greyscale, and each
 * is named at its right end instead of in a legend. Missing values (NAN)
 * break the line. */
#include "chart.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define MAX_TICKS      6    /* intervals on the y axis: 4 to 6 */
#define INSET	       8.0  /* first and last points stand off the plot's edges */
#define MARKER	       3.2  /* marker half-size */
#define MARKER_SPACING 14.0 /* closer points show a marker only now and then */
#define NAME_GAP       8.0  /* from the plot's right edge to the series names */
#define NAME_MAX_W     140.0
#define XLABEL_MAX_W   90.0
#define LABEL_GAP      2.0
#define MIN_PLOT_H     70.0

struct name {
	PangoLayout *layout;
	double w, h;
	double want; /* centre y: the series' last value */
	double y;    /* top, after pushing names apart */
	double end_x, end_y;
	size_t series;
};

struct plan {
	double width, height; /* natural size */
	double top;	      /* plot top, below the y axis title */
	double plot_h;
	double below;	 /* from the plot's bottom to the chart's bottom */
	double px0, px1; /* plot left and right */
	double lo, hi, step;
	size_t nticks; /* gridlines: lo, lo + step, ..., hi */
	PangoLayout **ticks;
	double tick_w;
	double *pos; /* x of each category in [0, 1] */
	PangoLayout **xl;
	bool *shown;
	double xl_h;
	PangoLayout *y_title, *x_title, *note;
	struct name *names;
	size_t nnames;
	double names_need;
	bool any_illustrative;
};

static double val(const struct bc_chart *c, size_t s, size_t i)
{
	return c->data.values[s * c->data.ncat + i];
}

/* Units written after the number ("people") would repeat on every tick:
 * ticks show bare numbers and the unit titles the axis instead. */
static bool word_unit(const struct bc_chart *c)
{
	return c->unit[0] && strcmp(c->unit, "%") != 0 && strncmp(c->unit, "£", strlen("£")) != 0;
}

static char *tick_text(const struct bc_chart *c, double v, double step)
{
	struct bc_chart plain = *c;
	if (word_unit(c))
		plain.unit = "";
	if (fabs(v) < step * 1e-6)
		v = 0; /* no "-0" from rounding */
	if (step >= 0.1 - 1e-12)
		return bc_chart_format(&plain, v);
	/* bc_chart_format keeps one decimal; finer steps need more. */
	int dec = (int)ceil(-log10(step) - 1e-9);
	const char *u = plain.unit;
	if (strncmp(u, "£", strlen("£")) == 0)
		return bc_xasprintf("%s£%.*f%s", v < 0 ? "-" : "", dec, fabs(v), u + strlen("£"));
	return bc_xasprintf("%.*f%s", dec, v, u);
}

/* The smallest 1, 2, 2.5 or 5 x 10^k step that covers [lo, hi] in at most
 * MAX_TICKS intervals; lo and hi are then widened to whole steps. */
static void nice_axis(double dmin, double dmax, struct plan *p)
{
	double lo = fmin(0, dmin), hi = fmax(0, dmax);
	if (!(hi > lo))
		hi = lo + 1;
	double range = hi - lo;
	double base = pow(10, floor(log10(range / MAX_TICKS)));
	static const double mult[] = {1, 2, 2.5, 5, 10, 20};
	double step = base * 10;
	for (size_t i = 0; i < sizeof mult / sizeof *mult; i++) {
		double s = base * mult[i];
		if (mult[i] == 2.5 && s < 1)
			continue; /* 0.25 cannot be written with one decimal */
		double n = ceil(hi / s - 1e-9) - floor(lo / s + 1e-9);
		if (n <= MAX_TICKS) {
			step = s;
			break;
		}
	}
	p->step = step;
	p->lo = floor(lo / step + 1e-9) * step;
	p->hi = ceil(hi / step - 1e-9) * step;
	p->nticks = (size_t)llround((p->hi - p->lo) / step) + 1;
}

/* Categories that are all numbers in increasing order (years) are placed
 * by value, so 2010, 2015, 2016 are not evenly spaced; anything else is. */
static void x_positions(const struct bc_chart *c, double *pos)
{
	size_t n = c->data.ncat;
	bool numeric = n > 1;
	double prev = 0;
	for (size_t i = 0; i < n && numeric; i++) {
		char *end;
		double v = strtod(c->data.categories[i], &end);
		numeric = end != c->data.categories[i] && *end == '\0' && isfinite(v) &&
			  (i == 0 || v > prev);
		pos[i] = v;
		prev = v;
	}
	if (numeric) {
		double a = pos[0], b = pos[n - 1];
		for (size_t i = 0; i < n; i++)
			pos[i] = (pos[i] - a) / (b - a);
	} else {
		for (size_t i = 0; i < n; i++)
			pos[i] = n > 1 ? (double)i / (double)(n - 1) : 0.5;
	}
}

static double px(const struct plan *p, size_t i)
{
	return p->px0 + INSET + p->pos[i] * (p->px1 - p->px0 - 2 * INSET);
}

static double py(const struct plan *p, double v)
{
	return p->top + p->plot_h - (v - p->lo) / (p->hi - p->lo) * p->plot_h;
}

static bool named(const struct bc_chart *c)
{
	return c->data.nseries > 1 || c->data.series[0][0];
}

static void plan_free(struct plan *p, size_t ncat)
{
	for (size_t i = 0; i < p->nticks; i++)
		g_object_unref(p->ticks[i]);
	for (size_t i = 0; i < ncat; i++)
		g_object_unref(p->xl[i]);
	for (size_t i = 0; i < p->nnames; i++)
		g_object_unref(p->names[i].layout);
	if (p->y_title)
		g_object_unref(p->y_title);
	if (p->x_title)
		g_object_unref(p->x_title);
	if (p->note)
		g_object_unref(p->note);
	free(p->ticks);
	free(p->pos);
	free(p->xl);
	free(p->shown);
	free(p->names);
}

static PangoLayout *one_line(struct bc_chart_ctx *cx, const char *text, double max_w)
{
	PangoLayout *l = bc_chart_layout(cx, text, cx->font_small, max_w, PANGO_ALIGN_LEFT);
	pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	pango_layout_set_height(l, -1);
	return l;
}

/* Left and right edges of category i's x label, kept inside the chart. */
static void xl_box(const struct plan *p, size_t i, double *l, double *r)
{
	double w = bc_chart_layout_width(p->xl[i]);
	double x = fmin(fmax(px(p, i) - w / 2, 0), p->width - w);
	*l = x;
	*r = x + w;
}

/* Show as many x labels as fit without touching: every k-th (so the
 * rhythm is regular), and the last one in preference to its neighbour. */
static void thin_x_labels(const struct bc_chart *c, struct plan *p)
{
	size_t n = c->data.ncat;
	const double gap = 6;
	double maxw = 0;
	for (size_t i = 0; i < n; i++)
		maxw = fmax(maxw, bc_chart_layout_width(p->xl[i]));
	size_t k = 1;
	if (n > 1) {
		double spacing = (px(p, n - 1) - px(p, 0)) / (double)(n - 1);
		if (spacing > 0)
			k = (size_t)fmax(1, ceil((maxw + gap) / spacing));
	}
	double last_r = -1e9;
	for (size_t i = 0; i < n; i += k) {
		double l, r;
		xl_box(p, i, &l, &r);
		if (l >= last_r + gap) {
			p->shown[i] = true;
			last_r = r;
		}
	}
	if (n > 1 && !p->shown[n - 1]) {
		double l, r;
		xl_box(p, n - 1, &l, &r);
		for (size_t i = n - 1; i-- > 0;) {
			if (!p->shown[i])
				continue;
			double li, ri;
			xl_box(p, i, &li, &ri);
			if (ri + gap <= l)
				break;
			p->shown[i] = false;
		}
		p->shown[n - 1] = true;
		/* Never leave the first label alone off the axis for the last. */
		bool any = false;
		for (size_t i = 0; i + 1 < n; i++)
			any |= p->shown[i];
		if (!any) {
			double l0, r0;
			xl_box(p, 0, &l0, &r0);
			if (r0 + gap <= l)
				p->shown[0] = true;
		}
	}
}

struct want {
	struct name *nm;
	double y;
};

static int cmp_want(const void *a, const void *b)
{
	const struct want *x = a, *y = b;
	if (x->y != y->y)
		return x->y < y->y ? -1 : 1;
	return x->nm->series < y->nm->series ? -1 : 1;
}

/* Names as near their line's end as they can be without overlapping,
 * within [top, bottom]. */
static void spread_names(struct plan *p, double top, double bottom)
{
	size_t n = p->nnames;
	struct want *w = bc_xcalloc(n + 1, sizeof *w);
	for (size_t i = 0; i < n; i++)
		w[i] = (struct want){&p->names[i], p->names[i].want};
	qsort(w, n, sizeof *w, cmp_want);
	double next = top;
	for (size_t i = 0; i < n; i++) {
		struct name *nm = w[i].nm;
		nm->y = fmax(nm->want - nm->h / 2, next);
		next = nm->y + nm->h + LABEL_GAP;
	}
	double limit = bottom;
	for (size_t i = n; i-- > 0;) {
		struct name *nm = w[i].nm;
		if (nm->y + nm->h > limit)
			nm->y = limit - nm->h;
		limit = nm->y - LABEL_GAP;
	}
	next = top;
	for (size_t i = 0; i < n; i++) {
		struct name *nm = w[i].nm;
		if (nm->y < next)
			nm->y = next;
		next = nm->y + nm->h + LABEL_GAP;
	}
	free(w);
}

/* Where things go once the plot's height is known. */
static void place(const struct bc_chart *c, struct plan *p, double plot_h)
{
	p->plot_h = plot_h;
	p->height = p->top + plot_h + p->below;
	for (size_t i = 0; i < p->nnames; i++) {
		struct name *nm = &p->names[i];
		size_t s = nm->series, last = c->data.ncat;
		for (size_t j = c->data.ncat; j-- > 0;)
			if (!isnan(val(c, s, j))) {
				last = j;
				break;
			}
		nm->end_x = px(p, last);
		nm->end_y = py(p, val(c, s, last));
		nm->want = nm->end_y;
	}
	spread_names(p, 0, p->height);
}

static void plan(const struct bc_chart *c, struct bc_chart_ctx *cx, double width, struct plan *p)
{
	memset(p, 0, sizeof *p);
	size_t n = c->data.ncat, ns = c->data.nseries;
	p->width = width;
	double dmin = INFINITY, dmax = -INFINITY;
	for (size_t s = 0; s < ns; s++)
		for (size_t i = 0; i < n; i++) {
			double v = val(c, s, i);
			if (!isnan(v)) {
				dmin = fmin(dmin, v);
				dmax = fmax(dmax, v);
			}
		}
	if (!isfinite(dmin))
		dmin = dmax = 0;
	nice_axis(dmin, dmax, p);
	p->ticks = bc_xcalloc(p->nticks, sizeof *p->ticks);
	for (size_t i = 0; i < p->nticks; i++) {
		char *t = tick_text(c, p->lo + (double)i * p->step, p->step);
		p->ticks[i] = bc_chart_layout(cx, t, cx->font_small, 0, PANGO_ALIGN_LEFT);
		p->tick_w = fmax(p->tick_w, bc_chart_layout_width(p->ticks[i]));
		free(t);
	}
	double tick_h = bc_chart_layout_height(p->ticks[0]);

	const char *yt = c->y_label ? c->y_label : word_unit(c) ? c->unit : NULL;
	if (yt && yt[0])
		p->y_title = bc_chart_layout(cx, yt, cx->font_small, width * 0.6, PANGO_ALIGN_LEFT);
	p->top = p->y_title ? bc_chart_layout_height(p->y_title) + 6 : tick_h / 2 + 2;

	double name_w = 0;
	if (named(c)) {
		p->nnames = ns;
		p->names = bc_xcalloc(ns, sizeof *p->names);
		double cap = fmin(NAME_MAX_W, width * 0.28);
		for (size_t s = 0; s < ns; s++) {
			struct name *nm = &p->names[s];
			nm->series = s;
			nm->layout =
			    bc_chart_layout(cx, c->data.series[s], cx->font, cap, PANGO_ALIGN_LEFT);
			pango_layout_set_ellipsize(nm->layout, PANGO_ELLIPSIZE_END);
			pango_layout_set_height(nm->layout, -2);
			nm->w = bc_chart_layout_width(nm->layout);
			nm->h = bc_chart_layout_height(nm->layout);
			name_w = fmax(name_w, nm->w);
			p->names_need += nm->h + LABEL_GAP;
		}
	}
	p->px0 = p->tick_w + 6;
	p->px1 = width - (p->nnames ? name_w + NAME_GAP : 4);

	p->pos = bc_xcalloc(n + 1, sizeof *p->pos);
	x_positions(c, p->pos);
	p->xl = bc_xcalloc(n + 1, sizeof *p->xl);
	p->shown = bc_xcalloc(n + 1, sizeof *p->shown);
	for (size_t i = 0; i < n; i++) {
		p->xl[i] = one_line(cx, c->data.categories[i], XLABEL_MAX_W);
		p->xl_h = fmax(p->xl_h, bc_chart_layout_height(p->xl[i]));
		p->any_illustrative |= c->data.illustrative[i];
	}
	thin_x_labels(c, p);

	p->below = 4 + p->xl_h;
	if (c->x_label && c->x_label[0]) {
		p->x_title = bc_chart_layout(cx, c->x_label, cx->font_small, p->px1 - p->px0,
					     PANGO_ALIGN_CENTER);
		p->below += 4 + bc_chart_layout_height(p->x_title);
	}
	if (p->any_illustrative) {
		p->note = bc_chart_layout(cx, "Hollow markers: illustrative figures",
					  cx->font_small, width, PANGO_ALIGN_LEFT);
		p->below += 4 + bc_chart_layout_height(p->note);
	}
	double plot_h = fmin(240, fmax(140, width * 0.42));
	plot_h = fmax(plot_h, p->names_need - p->top - p->below);
	place(c, p, plot_h);
}

static double height(const struct bc_chart *c, struct bc_chart_ctx *cx, double width)
{
	struct plan p;
	plan(c, cx, width, &p);
	double h = p.height;
	plan_free(&p, c->data.ncat);
	return h;
}

static void set_rgb(cairo_t *cr, struct bc_rgb c)
{
	cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

/* Solid, dashed, dotted, dash-dot, long dash: a series can be followed
 * without its colour. */
static void set_dash(cairo_t *cr, size_t s)
{
	static const double pat[][4] = {{0}, {7, 3.5}, {1, 3}, {8, 3, 1, 3}, {14, 4}};
	static const int len[] = {0, 2, 2, 4, 2};
	size_t k = s % (sizeof len / sizeof *len);
	cairo_set_dash(cr, pat[k], len[k], 0);
}

/* Circle, square, triangle, diamond, inverted triangle, cross. */
static void marker_path(cairo_t *cr, size_t s, double x, double y)
{
	double m = MARKER;
	switch (s % 6) {
	case 0:
		cairo_new_sub_path(cr);
		cairo_arc(cr, x, y, m, 0, 2 * M_PI);
		break;
	case 1:
		cairo_rectangle(cr, x - m * 0.9, y - m * 0.9, m * 1.8, m * 1.8);
		break;
	case 2:
		cairo_move_to(cr, x, y - m * 1.2);
		cairo_line_to(cr, x + m * 1.1, y + m * 0.8);
		cairo_line_to(cr, x - m * 1.1, y + m * 0.8);
		cairo_close_path(cr);
		break;
	case 3:
		cairo_move_to(cr, x, y - m * 1.25);
		cairo_line_to(cr, x + m * 1.1, y);
		cairo_line_to(cr, x, y + m * 1.25);
		cairo_line_to(cr, x - m * 1.1, y);
		cairo_close_path(cr);
		break;
	case 4:
		cairo_move_to(cr, x, y + m * 1.2);
		cairo_line_to(cr, x + m * 1.1, y - m * 0.8);
		cairo_line_to(cr, x - m * 1.1, y - m * 0.8);
		cairo_close_path(cr);
		break;
	default: {
		double a = m * 0.45, b = m * 1.1; /* a plus sign as a filled shape */
		cairo_rectangle(cr, x - b, y - a, 2 * b, 2 * a);
		cairo_rectangle(cr, x - a, y - b, 2 * a, 2 * b);
		break;
	}
	}
}

static void marker(cairo_t *cr, size_t s, double x, double y, struct bc_rgb col, bool hollow)
{
	cairo_set_dash(cr, NULL, 0, 0);
	cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
	marker_path(cr, s, x, y);
	/* A white rim keeps markers apart from lines that cross them. */
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_set_line_width(cr, 2.2);
	cairo_stroke_preserve(cr);
	if (hollow) {
		cairo_fill_preserve(cr);
		set_rgb(cr, col);
		cairo_set_line_width(cr, 1.3);
		cairo_stroke(cr);
	} else {
		set_rgb(cr, col);
		cairo_fill(cr);
	}
}

static void draw_series(const struct bc_chart *c, const struct bc_style *st, cairo_t *cr,
			const struct plan *p, size_t s)
{
	size_t n = c->data.ncat;
	struct bc_rgb col = bc_chart_colour(st, s);
	set_rgb(cr, col);
	cairo_set_line_width(cr, 2);
	cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
	cairo_set_line_cap(cr, s % 5 == 2 ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT);
	set_dash(cr, s);
	bool pen = false;
	for (size_t i = 0; i < n; i++) {
		double v = val(c, s, i);
		if (isnan(v)) {
			pen = false; /* a gap in the data is a gap in the line */
			continue;
		}
		if (pen)
			cairo_line_to(cr, px(p, i), py(p, v));
		else
			cairo_move_to(cr, px(p, i), py(p, v));
		pen = true;
	}
	cairo_stroke(cr);
	cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);

	/* Markers on every point when there is room, otherwise on every
	 * k-th, the ends, isolated points and illustrative ones. */
	size_t k = 1;
	if (n > 1) {
		double spacing = (px(p, n - 1) - px(p, 0)) / (double)(n - 1);
		if (spacing > 0 && spacing < MARKER_SPACING)
			k = (size_t)ceil(MARKER_SPACING / spacing);
	}
	size_t first = n, last = n;
	for (size_t i = 0; i < n; i++)
		if (!isnan(val(c, s, i))) {
			if (first == n)
				first = i;
			last = i;
		}
	for (size_t i = 0; i < n; i++) {
		double v = val(c, s, i);
		if (isnan(v))
			continue;
		bool alone =
		    (i == 0 || isnan(val(c, s, i - 1))) && (i + 1 == n || isnan(val(c, s, i + 1)));
		if (i % k == 0 || i == first || i == last || alone || c->data.illustrative[i])
			marker(cr, s, px(p, i), py(p, v), col, c->data.illustrative[i]);
	}
}

static void draw_axes(const struct bc_chart *c, struct bc_chart_ctx *cx, const struct plan *p)
{
	cairo_t *cr = cx->cr;
	cairo_set_dash(cr, NULL, 0, 0);
	for (size_t i = 0; i < p->nticks; i++) {
		double v = p->lo + (double)i * p->step;
		double y = py(p, v);
		bool zero = fabs(v) < p->step * 1e-6;
		if (zero)
			set_rgb(cr, cx->st->small);
		else
			cairo_set_source_rgb(cr, 0.85, 0.85, 0.85);
		cairo_set_line_width(cr, zero ? 1.0 : 0.5);
		cairo_move_to(cr, p->px0, y);
		cairo_line_to(cr, p->px1, y);
		cairo_stroke(cr);
		PangoLayout *l = p->ticks[i];
		bc_chart_show(cx, l, p->px0 - 5 - bc_chart_layout_width(l),
			      y - bc_chart_layout_height(l) / 2, cx->st->text);
	}
	if (p->y_title)
		bc_chart_show(cx, p->y_title, 0, 0, cx->st->text);
	double base = p->top + p->plot_h;
	set_rgb(cr, cx->st->small);
	cairo_set_line_width(cr, 0.75);
	for (size_t i = 0; i < c->data.ncat; i++) {
		if (!p->shown[i])
			continue;
		cairo_move_to(cr, px(p, i), base);
		cairo_line_to(cr, px(p, i), base + 3);
		cairo_stroke(cr);
		double l, r;
		xl_box(p, i, &l, &r);
		bc_chart_show(cx, p->xl[i], l, base + 4, cx->st->text);
	}
	double y = base + 4 + p->xl_h;
	if (p->x_title) {
		bc_chart_show(cx, p->x_title, p->px0, y + 4, cx->st->text);
		y += 4 + bc_chart_layout_height(p->x_title);
	}
	if (p->note)
		bc_chart_show(cx, p->note, 0, y + 4, cx->st->text);
}

static void draw_names(struct bc_chart_ctx *cx, const struct plan *p)
{
	cairo_t *cr = cx->cr;
	double x = p->px1 + NAME_GAP;
	for (size_t i = 0; i < p->nnames; i++) {
		const struct name *nm = &p->names[i];
		double mid = nm->y + nm->h / 2;
		/* A leader when the name had to move or the line ends early. */
		if (fabs(mid - nm->end_y) > 2 || nm->end_x < p->px1 - INSET - 0.5) {
			set_rgb(cr, cx->st->small);
			cairo_set_dash(cr, NULL, 0, 0);
			cairo_set_line_width(cr, 0.5);
			cairo_move_to(cr, nm->end_x + MARKER + 2, nm->end_y);
			cairo_line_to(cr, x - 2, mid);
			cairo_stroke(cr);
		}
		bc_chart_show(cx, nm->layout, x, nm->y, cx->st->text);
	}
}

static void draw(const struct bc_chart *c, struct bc_chart_ctx *cx, double x, double y, double w,
		 double h)
{
	if (!cx->cr)
		return;
	struct plan p;
	plan(c, cx, w, &p);
	double s = 1;
	if (p.height > h) {
		/* Less room than asked for: a shorter plot if it stays
		 * readable, otherwise everything smaller. */
		double ph = h - p.top - p.below;
		if (ph >= MIN_PLOT_H && ph + p.top + p.below >= p.names_need)
			place(c, &p, ph);
		else
			s = h / p.height;
	}
	cairo_t *cr = cx->cr;
	cairo_save(cr);
	cairo_translate(cr, x + (w - w * s) / 2, y);
	cairo_scale(cr, s, s);
	draw_axes(c, cx, &p);
	for (size_t k = 0; k < c->data.nseries; k++)
		draw_series(c, cx->st, cr, &p, k);
	draw_names(cx, &p);
	cairo_restore(cr);
	plan_free(&p, c->data.ncat);
}

/* "A from 100 to 140, highest 150 in 2018". */
static void describe_series(struct bc_buf *b, const struct bc_chart *c, size_t s)
{
	size_t n = c->data.ncat, first = n, last = n, hi = n, lo = n, missing = 0;
	for (size_t i = 0; i < n; i++) {
		double v = val(c, s, i);
		if (isnan(v)) {
			missing++;
			continue;
		}
		if (first == n)
			first = i;
		last = i;
		if (hi == n || v > val(c, s, hi))
			hi = i;
		if (lo == n || v < val(c, s, lo))
			lo = i;
	}
	if (c->data.series[s][0])
		bc_buf_printf(b, "%s ", c->data.series[s]);
	if (first == n) {
		bc_buf_adds(b, "no data");
		return;
	}
	char *a = bc_chart_format(c, val(c, s, first)), *z = bc_chart_format(c, val(c, s, last));
	if (first == last)
		bc_buf_printf(b, "%s in %s", a, c->data.categories[first]);
	else
		bc_buf_printf(b, "from %s to %s", a, z);
	free(a);
	free(z);
	if (first != last) {
		double vh = val(c, s, hi), vl = val(c, s, lo);
		if (vh > val(c, s, first) && vh > val(c, s, last)) {
			char *t = bc_chart_format(c, vh);
			bc_buf_printf(b, ", highest %s in %s", t, c->data.categories[hi]);
			free(t);
		}
		if (vl < val(c, s, first) && vl < val(c, s, last)) {
			char *t = bc_chart_format(c, vl);
			bc_buf_printf(b, ", lowest %s in %s", t, c->data.categories[lo]);
			free(t);
		}
	}
	if (missing)
		bc_buf_printf(b, " (%zu missing)", missing);
	for (size_t i = 0; i < n; i++)
		if (c->data.illustrative[i] && !isnan(val(c, s, i))) {
			bc_buf_adds(b, " (includes illustrative figures)");
			break;
		}
}

static char *describe(const struct bc_chart *c)
{
	struct bc_buf b = {0};
	size_t n = c->data.ncat, ns = c->data.nseries;
	bc_buf_adds(&b, "Line chart");
	if (named(c))
		bc_buf_printf(&b, ", %zu series", ns);
	if (n > 1)
		bc_buf_printf(&b, " over %s\u2013%s", c->data.categories[0],
			      c->data.categories[n - 1]);
	else
		bc_buf_printf(&b, " at %s", c->data.categories[0]);
	if (c->y_label)
		bc_buf_printf(&b, " (%s)", c->y_label);
	bc_buf_adds(&b, ": ");
	for (size_t s = 0; s < ns; s++) {
		if (s)
			bc_buf_adds(&b, "; ");
		describe_series(&b, c, s);
	}
	bc_buf_adds(&b, ".");
	return bc_buf_detach(&b);
}

const struct bc_chart_ops bc_chart_line_ops = {height, draw, describe};
