/* chart_triangle.c - the triangle chart ("pyramid of need"): a triangle cut
 * into horizontal bands, one per <tier>, the first tier at the base and the
 * last at the apex. Bands are equally tall, or (sizing="value") as tall as
 * their share of the tier values. A tier's label sits inside its band when
 * it fits there, else in the column to the right of the triangle; that
 * column also gives each tier's value and note, joined to the band by a
 * leader line. An optional arrow runs down the left side from apex to base,
 * labelled with the chart's arrow text; arrow-direction="up" turns it. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "chart.h"
#include "util.h"

#define GAP	     6.0  /* between entries in the right-hand column */
#define LEAD	     24.0 /* between the triangle's base corner and the column */
#define PAD	     4.0  /* around a label inside its band */
#define ASPECT	     0.72 /* height over base width, when the text needs no more */
#define ARROW_GAP    3.0  /* between the arrow's label and its line */
#define ARROW_COL    (ARROW_GAP + 4 + 4 + 12) /* the arrow's column past its label */
#define MAX_LINES_IN 3 /* a label needing more lines goes beside the triangle */

struct tier {
	const char *label, *note; /* note may be NULL */
	char *value;		  /* as displayed, or NULL */
	double weight;		  /* share of the height */
};

struct tiers {
	struct tier *t;
	size_t n;
	bool by_value;	   /* band heights follow the values */
	const char *arrow; /* without its direction mark; NULL for none */
	bool arrow_up;
};

struct band {
	double top, bot;		 /* y of the band's edges */
	PangoLayout *in;		 /* label drawn inside the band, or NULL */
	double in_wrap, in_y;		 /* the width `in` is wrapped (and centred) in; its top */
	PangoLayout *out, *value, *note; /* right-hand column; each may be NULL */
	double ey, eh;			 /* column entry's top and height (0: none) */
};

struct plan {
	size_t n;
	struct band *b;
	double tx, tw, top, th; /* triangle: left, base width, apex y, height */
	double col_x, col_w;	/* right-hand column */
	double vcol_w;		/* value sub-column; notes start after it */
	bool stack;		/* notes under values: too little room beside them */
	bool capped;		/* long column text cut short (see draw) */
	double line_b;		/* one line of bold text */
	PangoLayout *arrow;	/* arrow label, centred in arrow_wrap */
	double arrow_wrap;
	double height;
};

static void tiers_read(const struct bc_chart *c, struct tiers *ts)
{
	size_t cap = 0;
	memset(ts, 0, sizeof *ts);
	double sum = 0;
	for (const struct bc_node *k = c->node->first; k; k = k->next) {
		if (k->kind != BC_TIER)
			continue;
		struct tier t = {0};
		t.label = bc_node_attr(k, "label") ? bc_node_attr(k, "label") : "";
		t.note = bc_node_attr(k, "note");
		if (t.note && !t.note[0])
			t.note = NULL;
		const char *v = bc_node_attr(k, "value");
		double x;
		if (v && bc_chart_number(v, &x)) {
			t.value = bc_chart_format(c, x);
			t.weight = x > 0 ? x : 0;
		} else if (v && v[0]) {
			t.value = bc_xstrdup(v);
		}
		sum += t.weight;
		BC_PUSH(ts->t, ts->n, cap, t);
	}
	/* Equal bands unless sized by value, and then only if some value is
	 * above zero (all zeros would leave no triangle to draw). */
	ts->by_value = c->value_sizing && sum > 0;
	for (size_t i = 0; i < ts->n; i++)
		ts->t[i].weight = ts->by_value ? ts->t[i].weight / sum : 1.0 / (double)ts->n;
	const char *a = c->arrow;
	ts->arrow_up = c->arrow_up;
	if (a) {
		while (*a == ' ')
			a++;
		ts->arrow = a[0] ? a : NULL;
	}
}

static void tiers_free(struct tiers *ts)
{
	for (size_t i = 0; i < ts->n; i++)
		free(ts->t[i].value);
	free(ts->t);
}

static void unref(PangoLayout **l)
{
	if (*l)
		g_object_unref(*l);
	*l = NULL;
}

static void bands_clear(struct plan *p)
{
	for (size_t i = 0; i < p->n; i++) {
		unref(&p->b[i].in);
		unref(&p->b[i].out);
		unref(&p->b[i].value);
		unref(&p->b[i].note);
	}
}

static void plan_free(struct plan *p)
{
	bands_clear(p);
	unref(&p->arrow);
	free(p->b);
}

/* Half the triangle's width at height y. */
static double half_at(const struct plan *p, double y)
{
	double f = (y - p->top) / p->th;
	return p->tw / 2 * (f < 0 ? 0 : f > 1 ? 1 : f);
}

/* The label laid out to fit inside band b, or NULL when it does not fit
 * there: too many lines, or a word wider than the band. Centred in the
 * band if it fits so, else as low as it goes, where the band is widest. */
static PangoLayout *inside(const struct plan *p, struct bc_chart_ctx *cx, const char *label,
			   struct band *b)
{
	double bh = b->bot - b->top, ym = (b->top + b->bot) / 2;
	if (!label[0] || bh < p->line_b + PAD)
		return NULL;
	for (int low = 0; low < 2; low++) {
		/* The text's top line is where the band is narrowest; a taller
		 * text reaches higher, so narrow the width until it settles. */
		double th = p->line_b;
		for (int k = 0; k < 4; k++) {
			double ty = low ? b->bot - PAD / 2 - th : ym - th / 2;
			double wrap = 2 * half_at(p, ty) - 2 * PAD - 6;
			if (wrap < 20)
				break;
			PangoLayout *l =
			    bc_chart_layout(cx, label, cx->font_bold, wrap, PANGO_ALIGN_CENTER);
			pango_layout_set_wrap(l, PANGO_WRAP_WORD); /* no words broken in a band */
			double lw = bc_chart_layout_width(l), lh = bc_chart_layout_height(l);
			if (pango_layout_get_line_count(l) > MAX_LINES_IN || lh > bh - PAD ||
			    lw > wrap + 0.01) {
				g_object_unref(l);
				break;
			}
			if (lh <= th + 0.01) {
				b->in_wrap = wrap;
				b->in_y = low ? b->bot - PAD / 2 - lh : ym - lh / 2;
				return l;
			}
			g_object_unref(l);
			th = lh;
		}
	}
	return NULL;
}

/* Text for the right-hand column, wrapped at width; when the plan is
 * capped, cut to at most `lines` lines (the text alternative keeps it all). */
static PangoLayout *column_layout(const struct plan *p, struct bc_chart_ctx *cx, const char *text,
				  const PangoFontDescription *f, double width, int lines)
{
	PangoLayout *l = bc_chart_layout(cx, text, f, width, PANGO_ALIGN_LEFT);
	if (p->capped) {
		pango_layout_set_height(l, -lines);
		pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	}
	return l;
}

/* Place the bands for triangle height H, choose where each label goes and
 * lay out the right-hand column. Returns the column's total height. */
static double bands_fit(struct plan *p, const struct tiers *ts, struct bc_chart_ctx *cx, double H)
{
	bands_clear(p);
	p->th = H;
	double y = p->top + H, total = 0;
	size_t entries = 0;
	for (size_t i = 0; i < p->n; i++) {
		const struct tier *t = &ts->t[i];
		struct band *b = &p->b[i];
		b->bot = y;
		y -= H * t->weight;
		b->top = i + 1 == p->n ? p->top : y; /* no rounding gap at the apex */
		b->in = inside(p, cx, t->label, b);
		if (!b->in && t->label[0])
			b->out = column_layout(p, cx, t->label, cx->font_bold, p->col_w, 3);
		if (t->value)
			b->value = column_layout(p, cx, t->value, cx->font,
						 p->stack ? p->col_w : p->vcol_w, 2);
		if (t->note) {
			double nw = p->stack || !t->value ? p->col_w : p->col_w - p->vcol_w - 8;
			b->note = column_layout(p, cx, t->note, cx->font_small, nw, 2);
		}
		double vh = b->value ? bc_chart_layout_height(b->value) : 0;
		double nh = b->note ? bc_chart_layout_height(b->note) : 0;
		b->eh = (b->out ? bc_chart_layout_height(b->out) + (vh + nh > 0 ? 2 : 0) : 0) +
			(p->stack ? vh + nh : fmax(vh, nh));
		if (b->eh > 0) {
			total += b->eh;
			entries++;
		}
	}
	return total + (entries > 1 ? GAP * (double)(entries - 1) : 0);
}

/* Entries as near their bands' middles as they go without overlapping,
 * all between the apex and the base (the column is never taller). */
static void entries_place(struct plan *p)
{
	double lo = p->top, hi = p->top + p->th, cur = lo;
	for (size_t k = p->n; k-- > 0;) { /* apex (top of page) first */
		struct band *b = &p->b[k];
		if (b->eh <= 0)
			continue;
		double want = (b->top + b->bot) / 2 - b->eh / 2;
		b->ey = want > cur ? want : cur;
		cur = b->ey + b->eh + GAP;
	}
	double lim = hi;
	for (size_t k = 0; k < p->n; k++) {
		struct band *b = &p->b[k];
		if (b->eh <= 0)
			continue;
		if (b->ey + b->eh > lim)
			b->ey = lim - b->eh;
		if (b->ey < lo)
			b->ey = lo;
		lim = b->ey - GAP;
	}
}

/* Lay the chart out in width w with the triangle taking `frac` of it. */
static void plan_build(struct plan *p, const struct tiers *ts, struct bc_chart_ctx *cx, double w,
		       double frac, bool capped)
{
	memset(p, 0, sizeof *p);
	p->capped = capped;
	p->n = ts->n;
	p->b = bc_xcalloc(ts->n ? ts->n : 1, sizeof *p->b);
	PangoLayout *one = bc_chart_layout(cx, "Xg", cx->font_bold, -1, PANGO_ALIGN_LEFT);
	p->line_b = bc_chart_layout_height(one);
	g_object_unref(one);

	/* The arrow's column takes width from the triangle, whose height
	 * then sets the arrow label's wrapping: settle it in a few passes. */
	double left = 0;
	for (int pass = 0; pass < 4; pass++) {
		p->tx = left;
		p->top = 0;
		p->tw = frac * (w - left);
		p->col_x = p->tx + p->tw + LEAD;
		p->col_w = fmax(40, w - p->col_x);
		/* Values in a sub-column so notes line up beside them. */
		p->vcol_w = 0;
		for (size_t i = 0; i < ts->n; i++)
			if (ts->t[i].value) {
				PangoLayout *l = bc_chart_layout(cx, ts->t[i].value, cx->font,
								 p->col_w * 0.45, PANGO_ALIGN_LEFT);
				p->vcol_w = fmax(p->vcol_w, bc_chart_layout_width(l));
				g_object_unref(l);
			}
		p->stack = p->col_w - p->vcol_w - 8 < 70;

		double H = ASPECT * p->tw;
		if (!ts->by_value) /* every band can hold a line of text */
			H = fmax(H, (double)ts->n * (p->line_b + 2 * PAD));
		double S = bands_fit(p, ts, cx, H);
		if (S > H) /* taller bands only let more labels inside: S shrinks */
			bands_fit(p, ts, cx, H = S);

		unref(&p->arrow);
		if (!ts->arrow)
			break;
		p->arrow_wrap = 0.95 * p->th;
		p->arrow = bc_chart_layout(cx, ts->arrow, cx->font_small, p->arrow_wrap,
					   PANGO_ALIGN_CENTER);
		double need = bc_chart_layout_height(p->arrow) + ARROW_COL;
		if (fabs(need - left) < 0.5)
			break;
		left = need;
	}
	entries_place(p);
	p->height = p->top + p->th;
}

static void show_band_labels(const struct plan *p, struct bc_chart_ctx *cx)
{
	cairo_t *cr = cx->cr;
	double mid = p->tx + p->tw / 2;
	for (size_t i = 0; i < p->n; i++) {
		const struct band *b = &p->b[i];
		if (b->bot - b->top < 0.01)
			continue; /* a zero value: its entry still names it */
		struct bc_rgb f = bc_chart_colour(cx->st, i);
		double ht = half_at(p, b->top), hb = half_at(p, b->bot);
		cairo_move_to(cr, mid - ht, b->top);
		cairo_line_to(cr, mid + ht, b->top);
		cairo_line_to(cr, mid + hb, b->bot);
		cairo_line_to(cr, mid - hb, b->bot);
		cairo_close_path(cr);
		cairo_set_source_rgb(cr, f.r, f.g, f.b);
		cairo_fill(cr);
	}
	/* White rules between bands keep neighbours apart in any print. */
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_set_line_width(cr, 1.5);
	for (size_t i = 1; i < p->n; i++) {
		double y = p->b[i].bot, hw = half_at(p, y);
		cairo_move_to(cr, mid - hw, y);
		cairo_line_to(cr, mid + hw, y);
	}
	cairo_stroke(cr);
	for (size_t i = 0; i < p->n; i++) {
		const struct band *b = &p->b[i];
		if (b->in)
			bc_chart_show(cx, b->in, mid - b->in_wrap / 2, b->in_y,
				      bc_chart_text_on(bc_chart_colour(cx->st, i)));
	}
}

static double baseline(PangoLayout *l)
{
	return pango_layout_get_baseline(l) / (double)PANGO_SCALE;
}

static void show_column(const struct plan *p, struct bc_chart_ctx *cx)
{
	cairo_t *cr = cx->cr;
	struct bc_rgb ink = cx->st->text;
	double mid = p->tx + p->tw / 2;
	cairo_set_line_width(cr, 0.75);
	for (size_t i = 0; i < p->n; i++) {
		const struct band *b = &p->b[i];
		if (b->eh <= 0)
			continue;
		/* Leader from the band's right edge to the entry's first line. */
		double ym = (b->top + b->bot) / 2;
		PangoLayout *fl = b->out ? b->out : b->value ? b->value : b->note;
		PangoLayoutLine *line = pango_layout_get_line_readonly(fl, 0);
		PangoRectangle lr;
		pango_layout_line_get_extents(line, NULL, &lr);
		double target = b->ey + lr.height / (double)PANGO_SCALE / 2;
		/* Straight, so leaders from neighbouring thin bands fan out
		 * rather than run on top of each other. */
		double x0 = mid + half_at(p, ym) + 2;
		cairo_set_source_rgb(cr, ink.r, ink.g, ink.b);
		cairo_move_to(cr, x0, ym);
		cairo_line_to(cr, p->col_x - 4, target);
		cairo_stroke(cr);
		cairo_arc(cr, x0, ym, 1.5, 0, 2 * M_PI);
		cairo_fill(cr);

		double y = b->ey;
		if (b->out) {
			bc_chart_show(cx, b->out, p->col_x, y, ink);
			y += bc_chart_layout_height(b->out) + 2;
		}
		if (b->value)
			bc_chart_show(cx, b->value, p->col_x, y, ink);
		if (b->note) {
			if (!b->value)
				bc_chart_show(cx, b->note, p->col_x, y, ink);
			else if (p->stack)
				bc_chart_show(cx, b->note, p->col_x,
					      y + bc_chart_layout_height(b->value), ink);
			else /* beside the value, on its baseline */
				bc_chart_show(cx, b->note, p->col_x + p->vcol_w + 8,
					      y + baseline(b->value) - baseline(b->note), ink);
		}
	}
}

/* A vertical arrow left of the triangle, apex to base (or up), its label
 * turned to read upwards beside it. */
static void show_arrow(const struct plan *p, const struct tiers *ts, struct bc_chart_ctx *cx)
{
	cairo_t *cr = cx->cr;
	struct bc_rgb ink = cx->st->text;
	double lh = bc_chart_layout_height(p->arrow);
	double x = lh + ARROW_GAP + 4, y0 = p->top + 2, y1 = p->top + p->th - 2;
	double head = ts->arrow_up ? y0 : y1, dir = ts->arrow_up ? -1 : 1;
	cairo_set_source_rgb(cr, ink.r, ink.g, ink.b);
	cairo_set_line_width(cr, 1.5);
	cairo_move_to(cr, x, ts->arrow_up ? y1 : y0);
	cairo_line_to(cr, x, head - dir * 5);
	cairo_stroke(cr);
	cairo_move_to(cr, x, head);
	cairo_line_to(cr, x - 4, head - dir * 8);
	cairo_line_to(cr, x + 4, head - dir * 8);
	cairo_close_path(cr);
	cairo_fill(cr);
	cairo_save(cr);
	cairo_translate(cr, 0, p->top + p->th);
	cairo_rotate(cr, -M_PI / 2);
	bc_chart_show(cx, p->arrow, (p->th - p->arrow_wrap) / 2, 0, ink);
	cairo_restore(cr);
}

/* Draw a plan with its origin at the current point of the cairo frame. */
static void paint(const struct plan *p, const struct tiers *ts, struct bc_chart_ctx *cx)
{
	show_band_labels(p, cx);
	show_column(p, cx);
	if (p->arrow)
		show_arrow(p, ts, cx);
}

static double natural(const struct tiers *ts, struct bc_chart_ctx *cx, double w, double frac,
		      bool capped)
{
	struct plan p;
	plan_build(&p, ts, cx, w, frac, capped);
	double h = p.height;
	plan_free(&p);
	return h;
}

static double height(const struct bc_chart *c, struct bc_chart_ctx *cx, double width)
{
	struct tiers ts;
	tiers_read(c, &ts);
	double h = natural(&ts, cx, width, 0.5, false);
	tiers_free(&ts);
	return h;
}

static void draw(const struct bc_chart *c, struct bc_chart_ctx *cx, double x, double y, double w,
		 double h)
{
	if (!cx->cr)
		return;
	struct tiers ts;
	tiers_read(c, &ts);
	/* Too tall for the box: first a smaller triangle, which leaves a wider
	 * column where long text takes fewer lines; then long column text cut
	 * to a few lines; only then everything scaled down. */
	static const double fracs[] = {0.5, 0.42, 0.35, 0.3};
	const size_t nf = sizeof fracs / sizeof *fracs;
	double frac = 0, lw = w, scale = 1;
	bool capped = false;
	for (int cap = 0; cap < 2 && !frac; cap++)
		for (size_t i = 0; i < nf && !frac; i++)
			if (natural(&ts, cx, w, fracs[i], cap) <= h + 0.01) {
				frac = fracs[i];
				capped = cap;
			}
	if (!frac) {
		/* Laid out wider than the box, text takes fewer lines; keep the
		 * width that needs the least shrinking. */
		frac = fracs[nf - 1];
		capped = true;
		double s0 = h / natural(&ts, cx, w, frac, true);
		scale = s0;
		for (int k = 1; k < 6; k++) {
			double s = s0 + (1 - s0) * k / 6.0, W = w / s;
			double g = fmin(w / W, h / natural(&ts, cx, W, frac, true));
			if (g > scale) {
				scale = g;
				lw = W;
			}
		}
	}
	struct plan p;
	plan_build(&p, &ts, cx, lw, frac, capped);
	cairo_save(cx->cr);
	cairo_translate(cx->cr, x + (w - lw * scale) / 2, y);
	cairo_scale(cx->cr, scale, scale);
	paint(&p, &ts, cx);
	cairo_restore(cx->cr);
	plan_free(&p);
	tiers_free(&ts);
}

static char *describe(const struct bc_chart *c)
{
	struct tiers ts;
	tiers_read(c, &ts);
	struct bc_buf b = {0};
	bc_buf_printf(&b, "Triangle (pyramid) of need, %zu tier%s from base to apex: ", ts.n,
		      ts.n == 1 ? "" : "s");
	for (size_t i = 0; i < ts.n; i++) {
		const struct tier *t = &ts.t[i];
		bc_buf_printf(&b, "%s%s", i ? "; " : "", t->label[0] ? t->label : "(unlabelled)");
		if (t->value && t->note)
			bc_buf_printf(&b, " (%s, %s)", t->value, t->note);
		else if (t->value || t->note)
			bc_buf_printf(&b, " (%s)", t->value ? t->value : t->note);
	}
	bc_buf_adds(&b, ".");
	if (ts.by_value)
		bc_buf_adds(&b, " Band heights are in proportion to the values.");
	if (ts.arrow)
		bc_buf_printf(&b, " An arrow from %s to %s: %s.", ts.arrow_up ? "base" : "apex",
			      ts.arrow_up ? "apex" : "base", ts.arrow);
	tiers_free(&ts);
	return bc_buf_detach(&b);
}

const struct bc_chart_ops bc_chart_triangle_ops = {height, draw, describe};
