/* chart_pie.c - pie and donut charts: one series drawn as slices clockwise
 * from 12 o'clock in data order, separated by thin white lines, each named
 * by a direct label (name, value and share of the total) in a column to the
 * left or right of the pie and joined to its slice by a leader line. */
#include "chart.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define TINY_SHARE    0.02  /* slices below this share are labelled together */
#define MAX_COLUMN_H  400.0 /* taller label columns group more slices instead */
#define GROUP_NAMES   4	    /* names a grouped label lists before "and N more" */
#define LEADER	      20.0  /* from the pie's edge to its label column */
#define ELBOW	      7.0   /* radial part of a leader line */
#define LABEL_GAP     3.0   /* between labels in a column */
#define PAD	      12.0  /* above and below the pie, room for the top and bottom labels */
#define MAX_LINES     4	    /* longer labels are shortened; describe() keeps them whole */
#define MAX_DIAMETER  210.0
#define MIN_COLUMN    60.0
#define DONUT_HOLE    0.56 /* inner radius as a share of the outer */
#define MIN_GREY_STEP 0.1  /* lightness two touching slices must differ by */
#define MIN_ARC	      2.5  /* slices narrower than this at the rim get no separator */

struct label {
	PangoLayout *layout;
	double w, h;
	double angle; /* where the leader leaves the pie */
	double y;     /* top, after pushing labels apart */
	bool right;
};

struct plan {
	size_t n;
	double total;
	double width, height; /* natural size */
	double cx, cy, r, inner;
	double col_w;
	size_t *colour; /* palette index per slice */
	struct label *labels;
	size_t nlabels;
	PangoLayout *centre; /* donut total, or the note that every value is zero */
};

static double value(const struct bc_chart *c, size_t i)
{
	double v = c->data.values[i]; /* series 0: a pie shows one series */
	return isnan(v) || v < 0 ? 0 : v;
}

static bool is_percent(const struct bc_chart *c)
{
	return strcmp(c->unit, "%") == 0;
}

static double grey(struct bc_rgb c)
{
	return 0.299 * c.r + 0.587 * c.g + 0.114 * c.b;
}

static bool same_rgb(struct bc_rgb a, struct bc_rgb b)
{
	return a.r == b.r && a.g == b.g && a.b == b.b;
}

/* The palette repeats; find its length rather than assume it. */
static size_t palette_size(const struct bc_style *st)
{
	struct bc_rgb first = bc_chart_colour(st, 0);
	for (size_t k = 1; k < 64; k++)
		if (same_rgb(bc_chart_colour(st, k), first))
			return k;
	return 64;
}

/* Palette order keeps neighbours apart in lightness, but a pie closes on
 * itself: the last slice also touches the first, so it may need another
 * colour (e.g. with 4 slices the palette's 4th colour is as dark as its
 * 1st). */
static void pick_colours(const struct bc_style *st, size_t n, size_t *idx)
{
	size_t np = palette_size(st);
	for (size_t i = 0; i < n; i++)
		idx[i] = i % np;
	if (n < 3)
		return;
	size_t prev = idx[n - 2], first = idx[0];
	double gp = grey(bc_chart_colour(st, prev)), gf = grey(bc_chart_colour(st, first));
	double g0 = grey(bc_chart_colour(st, idx[n - 1]));
	if (idx[n - 1] != first && fmin(fabs(g0 - gp), fabs(g0 - gf)) >= MIN_GREY_STEP)
		return;
	/* Rank: distinct enough in grey, then a hue not shown yet, then the
	 * larger lightness step. */
	size_t best = idx[n - 1];
	double best_rank = -1;
	for (size_t k = 0; k < np; k++) {
		if (k == prev || k == first)
			continue;
		double g = grey(bc_chart_colour(st, k));
		double score = fmin(fabs(g - gp), fabs(g - gf));
		double rank = (score >= MIN_GREY_STEP ? 4 : 0) + (k >= n - 1 ? 2 : 0) + score;
		if (rank > best_rank) {
			best = k;
			best_rank = rank;
		}
	}
	idx[n - 1] = best;
}

/* "29%", "2.5%", "0.4%": the share of the whole, with a decimal only
 * where rounding would mislead (40 slices of 2.5% are not 40 of 3%). */
static char *share_text(double share)
{
	double p = share * 100;
	if (p > 0 && p < 0.05)
		return bc_xstrdup("<0.1%");
	if (p > 0 && p < 10 && fabs(p - floor(p + 0.5)) >= 0.05)
		return bc_xasprintf("%.1f%%", p);
	return bc_xasprintf("%.0f%%", floor(p + 0.5));
}

/* "£67m (29%)", or just "29%" when the values are percentages already. */
static char *value_text(const struct bc_chart *c, size_t i, double total)
{
	if (isnan(c->data.values[i]))
		return bc_xstrdup("no data");
	char *v = bc_chart_format(c, value(c, i));
	if (is_percent(c) || !(total > 0))
		return v;
	char *s = share_text(value(c, i) / total);
	char *out = bc_xasprintf("%s (%s)", v, s);
	free(v);
	free(s);
	return out;
}

/* " (illustrative)" for made-up figures, so a reader can tell. */
static const char *illus(const struct bc_chart *c, size_t i)
{
	return c->data.illustrative[i] ? " (illustrative)" : "";
}

static void item_text(struct bc_buf *b, const struct bc_chart *c, size_t i, double total,
		      const char *sep)
{
	char *v = value_text(c, i, total);
	bc_buf_printf(b, "%s%s%s%s", c->data.categories[i], sep, v, illus(c, i));
	free(v);
}

/* A grouped label is short per item: the share alone (or the value, when
 * values are percentages). */
static void short_item(struct bc_buf *b, const struct bc_chart *c, size_t i, double total)
{
	char *v = is_percent(c) || isnan(c->data.values[i]) ? value_text(c, i, total)
							    : share_text(value(c, i) / total);
	bc_buf_printf(b, "%s %s%s", c->data.categories[i], v, illus(c, i));
	free(v);
}

static void plan_free(struct plan *p)
{
	for (size_t i = 0; i < p->nlabels; i++)
		g_object_unref(p->labels[i].layout);
	if (p->centre)
		g_object_unref(p->centre);
	free(p->labels);
	free(p->colour);
}

static double mid_angle(const double *ang, size_t a, size_t b)
{
	return (ang[a] + ang[b + 1]) / 2;
}

static bool on_right(double angle)
{
	/* Angles run from -pi/2 (12 o'clock) clockwise to 3pi/2. */
	return angle <= M_PI / 2 + 1e-9;
}

static PangoLayout *label_layout(struct bc_chart_ctx *cx, const struct plan *p, bool right,
				 const char *name, size_t name_len, bool cut, const char *rest)
{
	char *text = bc_xasprintf("%.*s%s%s", (int)name_len, name, cut ? "\u2026" : "", rest);
	PangoLayout *l = bc_chart_layout(cx, text, cx->font, p->col_w,
					 right ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
	free(text);
	return l;
}

/* A label of at most max_lines lines. An over-long name is shortened (the
 * text alternative has it whole) but the value after it always shows. */
static void add_label(struct plan *p, struct bc_chart_ctx *cx, const char *name, const char *rest,
		      int max_lines, double angle, size_t *cap)
{
	struct label lb = {0};
	lb.angle = angle;
	lb.right = on_right(angle);
	size_t len = strlen(name);
	lb.layout = label_layout(cx, p, lb.right, name, len, false, rest);
	if (pango_layout_get_line_count(lb.layout) > max_lines) {
		/* Longest prefix (in characters) that fits, by bisection. */
		long lo = 0, hi = g_utf8_strlen(name, -1);
		while (lo < hi) {
			long mid = (lo + hi + 1) / 2;
			size_t bytes = (size_t)(g_utf8_offset_to_pointer(name, mid) - name);
			PangoLayout *t = label_layout(cx, p, lb.right, name, bytes, true, rest);
			bool fits = pango_layout_get_line_count(t) <= max_lines;
			g_object_unref(t);
			if (fits)
				lo = mid;
			else
				hi = mid - 1;
		}
		g_object_unref(lb.layout);
		size_t bytes = (size_t)(g_utf8_offset_to_pointer(name, lo) - name);
		lb.layout = label_layout(cx, p, lb.right, name, bytes, true, rest);
		/* Even the value alone is too long for the column: let Pango
		 * cut it rather than run on. */
		pango_layout_set_height(lb.layout, -max_lines);
		pango_layout_set_ellipsize(lb.layout, PANGO_ELLIPSIZE_END);
	}
	lb.w = bc_chart_layout_width(lb.layout);
	lb.h = bc_chart_layout_height(lb.layout);
	BC_PUSH(p->labels, p->nlabels, *cap, lb);
}

/* One label per slice, but runs of tiny slices on one side share a label
 * so that 200 slivers do not need 200 lines. */
static void make_labels(const struct bc_chart *c, struct bc_chart_ctx *cx, struct plan *p,
			const double *ang, double tiny)
{
	size_t cap = 0;
	for (size_t i = 0; i < p->n;) {
		double share = value(c, i) / p->total;
		if (share >= tiny) {
			char *v = value_text(c, i, p->total);
			char *rest = bc_xasprintf(": %s%s", v, illus(c, i));
			/* A slice that is (nearly) the whole pie has no useful
			 * middle; label it from 3 o'clock. */
			double a = share > 0.75 ? 0 : mid_angle(ang, i, i);
			add_label(p, cx, c->data.categories[i], rest, MAX_LINES, a, &cap);
			free(v);
			free(rest);
			i++;
			continue;
		}
		bool right = on_right(mid_angle(ang, i, i));
		size_t j = i;
		double sum = 0;
		while (j < p->n && value(c, j) / p->total < tiny &&
		       on_right(mid_angle(ang, j, j)) == right) {
			sum += value(c, j);
			j++;
		}
		struct bc_buf b = {0};
		for (size_t k = i; k < j && k < i + GROUP_NAMES; k++) {
			if (k > i)
				bc_buf_adds(&b, "; ");
			short_item(&b, c, k, p->total);
		}
		if (j - i > GROUP_NAMES) {
			char *s =
			    is_percent(c) ? bc_chart_format(c, sum) : share_text(sum / p->total);
			bc_buf_printf(&b, " and %zu more (%s together)", j - i - GROUP_NAMES, s);
			free(s);
		}
		add_label(p, cx, b.data, "", 2 * MAX_LINES, mid_angle(ang, i, j - 1), &cap);
		bc_buf_free(&b);
		i = j;
	}
}

/* Space a column's labels: each as near its slice as it can be, none
 * overlapping, all within [top, bottom]. Labels arrive sorted by wanted y. */
static void spread(struct label **col, size_t n, const double *want, double top, double bottom)
{
	double next = top;
	for (size_t i = 0; i < n; i++) {
		col[i]->y = fmax(want[i] - col[i]->h / 2, next);
		next = col[i]->y + col[i]->h + LABEL_GAP;
	}
	double limit = bottom;
	for (size_t i = n; i-- > 0;) {
		if (col[i]->y + col[i]->h > limit)
			col[i]->y = limit - col[i]->h;
		limit = col[i]->y - LABEL_GAP;
	}
	/* Too many to fit (only when drawn smaller than planned): keep the
	 * top in the box; the caller scales to the planned height. */
	next = top;
	for (size_t i = 0; i < n; i++) {
		if (col[i]->y < next)
			col[i]->y = next;
		next = col[i]->y + col[i]->h + LABEL_GAP;
	}
}

static double column_need(const struct plan *p, bool right)
{
	double need = 0;
	for (size_t i = 0; i < p->nlabels; i++)
		if (p->labels[i].right == right)
			need += p->labels[i].h + LABEL_GAP;
	return need;
}

struct want {
	struct label *lb;
	double y;
};

static int cmp_want(const void *a, const void *b)
{
	const struct want *x = a, *y = b;
	if (x->y != y->y)
		return x->y < y->y ? -1 : 1;
	return x->lb < y->lb ? -1 : 1;
}

static void place_column(struct plan *p, bool right)
{
	struct want *w = bc_xcalloc(p->nlabels + 1, sizeof *w);
	size_t n = 0;
	for (size_t i = 0; i < p->nlabels; i++)
		if (p->labels[i].right == right)
			w[n++] = (struct want){&p->labels[i],
					       p->cy + (p->r + ELBOW) * sin(p->labels[i].angle)};
	qsort(w, n, sizeof *w, cmp_want);
	struct label **col = bc_xcalloc(n + 1, sizeof *col);
	double *want = bc_xcalloc(n + 1, sizeof *want);
	for (size_t i = 0; i < n; i++) {
		col[i] = w[i].lb;
		want[i] = w[i].y;
	}
	spread(col, n, want, 0, p->height);
	free(w);
	free(col);
	free(want);
}

/* Everything about the chart at this width, in coordinates relative to the
 * top-left of a box of the natural size. */
static void plan(const struct bc_chart *c, struct bc_chart_ctx *cx, double width, struct plan *p)
{
	memset(p, 0, sizeof *p);
	p->n = c->data.ncat;
	p->width = width;
	for (size_t i = 0; i < p->n; i++)
		p->total += value(c, i);
	double d = fmin(MAX_DIAMETER, width * 0.42);
	p->col_w = (width - d) / 2 - LEADER;
	if (p->col_w < MIN_COLUMN) {
		p->col_w = MIN_COLUMN;
		d = fmax(24, width - 2 * (MIN_COLUMN + LEADER));
	}
	p->r = d / 2;
	p->inner = c->donut ? p->r * DONUT_HOLE : 0;
	p->colour = bc_xcalloc(p->n + 1, sizeof *p->colour);
	pick_colours(cx->st, p->n, p->colour);

	if (p->total > 0) {
		double *ang = bc_xcalloc(p->n + 1, sizeof *ang);
		double acc = 0;
		ang[0] = -M_PI / 2;
		for (size_t i = 0; i < p->n; i++) {
			acc += value(c, i);
			ang[i + 1] = -M_PI / 2 + 2 * M_PI * acc / p->total;
		}
		/* Many middling slices: raise the bar for a label of one's own
		 * until the columns fit; everything still gets named. */
		for (double tiny = TINY_SHARE;; tiny *= 1.6) {
			make_labels(c, cx, p, ang, tiny);
			double need = fmax(column_need(p, true), column_need(p, false));
			if (need <= fmax(MAX_COLUMN_H, 2 * p->r + 2 * PAD) || tiny > 1)
				break;
			for (size_t i = 0; i < p->nlabels; i++)
				g_object_unref(p->labels[i].layout);
			free(p->labels);
			p->labels = NULL;
			p->nlabels = 0;
		}
		free(ang);
		if (c->donut && !is_percent(c)) {
			char *t = bc_chart_format(c, p->total);
			char *s = bc_xasprintf("Total\n%s", t);
			p->centre = bc_chart_layout(cx, s, cx->font_bold, 0, PANGO_ALIGN_CENTER);
			free(t);
			free(s);
			if (bc_chart_layout_width(p->centre) > p->inner * 1.7 ||
			    bc_chart_layout_height(p->centre) > p->inner * 1.4) {
				g_object_unref(p->centre);
				p->centre = NULL;
			}
		}
	} else {
		/* Nothing to divide: an empty ring, and words saying why. */
		p->inner = p->r * DONUT_HOLE;
		p->centre = bc_chart_layout(cx, "All values are zero", cx->font, p->inner * 1.8,
					    PANGO_ALIGN_CENTER);
	}
	p->height = fmax(2 * p->r + 2 * PAD, fmax(column_need(p, true), column_need(p, false)));
	p->cx = width / 2;
	p->cy = p->height / 2;
	place_column(p, true);
	place_column(p, false);
}

static double height(const struct bc_chart *c, struct bc_chart_ctx *cx, double width)
{
	struct plan p;
	plan(c, cx, width, &p);
	double h = p.height;
	plan_free(&p);
	return h;
}

static void sector(cairo_t *cr, const struct plan *p, double a0, double a1)
{
	if (p->inner > 0) {
		cairo_new_sub_path(cr);
		cairo_arc(cr, p->cx, p->cy, p->r, a0, a1);
		cairo_arc_negative(cr, p->cx, p->cy, p->inner, a1, a0);
		cairo_close_path(cr);
	} else {
		cairo_move_to(cr, p->cx, p->cy);
		cairo_arc(cr, p->cx, p->cy, p->r, a0, a1);
		cairo_close_path(cr);
	}
}

/* Made-up figures get white diagonal hatching so a reader can tell. */
static void hatch(cairo_t *cr, const struct plan *p)
{
	cairo_save(cr);
	cairo_clip(cr);
	cairo_set_source_rgba(cr, 1, 1, 1, 0.55);
	cairo_set_line_width(cr, 1.5);
	for (double t = -2 * p->r; t <= 2 * p->r; t += 6) {
		cairo_move_to(cr, p->cx + t - p->r, p->cy + p->r);
		cairo_line_to(cr, p->cx + t + p->r, p->cy - p->r);
	}
	cairo_stroke(cr);
	cairo_restore(cr);
}

static void separator(cairo_t *cr, const struct plan *p, double a)
{
	cairo_move_to(cr, p->cx + p->inner * cos(a), p->cy + p->inner * sin(a));
	cairo_line_to(cr, p->cx + (p->r + 0.5) * cos(a), p->cy + (p->r + 0.5) * sin(a));
}

static void draw_slices(const struct bc_chart *c, const struct bc_style *st, cairo_t *cr,
			const struct plan *p)
{
	double acc = 0, a0 = -M_PI / 2;
	size_t drawn = 0;
	for (size_t i = 0; i < p->n; i++) {
		double v = value(c, i);
		acc += v;
		double a1 = -M_PI / 2 + 2 * M_PI * acc / p->total;
		if (v > 0) {
			struct bc_rgb col = bc_chart_colour(st, p->colour[i]);
			cairo_set_source_rgb(cr, col.r, col.g, col.b);
			sector(cr, p, a0, a1);
			if (c->data.illustrative[i]) {
				cairo_fill_preserve(cr);
				hatch(cr, p);
				cairo_new_path(cr);
			} else {
				cairo_fill(cr);
			}
			drawn++;
		}
		a0 = a1;
	}
	if (drawn < 2)
		return;
	/* Separators between non-empty slices, but not between slivers,
	 * where white lines would cover the colour entirely. */
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_set_line_width(cr, 1.0);
	double prev_arc = 0, first_arc = -1;
	acc = 0;
	for (size_t i = 0; i < p->n; i++) {
		double v = value(c, i);
		if (v <= 0)
			continue;
		double arc = 2 * M_PI * p->r * v / p->total;
		if (first_arc < 0)
			first_arc = arc;
		/* The first boundary (12 o'clock) lies between the last
		 * slice and the first; it is judged after the loop. */
		double a = -M_PI / 2 + 2 * M_PI * acc / p->total;
		if (acc > 0 && fmin(arc, prev_arc) >= MIN_ARC)
			separator(cr, p, a);
		prev_arc = arc;
		acc += v;
	}
	if (fmin(first_arc, prev_arc) >= MIN_ARC)
		separator(cr, p, -M_PI / 2);
	cairo_stroke(cr);
}

static void draw_labels(struct bc_chart_ctx *cx, const struct plan *p)
{
	cairo_t *cr = cx->cr;
	struct bc_rgb line = cx->st->small;
	for (size_t i = 0; i < p->nlabels; i++) {
		const struct label *lb = &p->labels[i];
		double col_x = lb->right ? p->cx + p->r + LEADER : p->cx - p->r - LEADER - p->col_w;
		double mid = lb->y + lb->h / 2;
		double ex = lb->right ? col_x - 3 : col_x + p->col_w + 3;
		double ca = cos(lb->angle), sa = sin(lb->angle);
		cairo_set_source_rgb(cr, line.r, line.g, line.b);
		cairo_set_line_width(cr, 0.6);
		cairo_move_to(cr, p->cx + (p->r + 1.5) * ca, p->cy + (p->r + 1.5) * sa);
		cairo_line_to(cr, p->cx + (p->r + ELBOW) * ca, p->cy + (p->r + ELBOW) * sa);
		cairo_line_to(cr, ex, mid);
		cairo_stroke(cr);
		bc_chart_show(cx, lb->layout, col_x, lb->y, cx->st->text);
	}
}

static void draw(const struct bc_chart *c, struct bc_chart_ctx *cx, double x, double y, double w,
		 double h)
{
	if (!cx->cr)
		return;
	struct plan p;
	plan(c, cx, w, &p);
	cairo_t *cr = cx->cr;
	cairo_save(cr);
	/* Given less height than planned: shrink the whole chart evenly. */
	double s = p.height > h ? h / p.height : 1;
	cairo_translate(cr, x + (w - w * s) / 2, y + (h - p.height * s) / 2);
	cairo_scale(cr, s, s);
	if (p.total > 0) {
		draw_slices(c, cx->st, cr, &p);
		draw_labels(cx, &p);
	} else {
		cairo_set_source_rgb(cr, 0.85, 0.85, 0.85);
		cairo_set_line_width(cr, 1.5);
		cairo_arc(cr, p.cx, p.cy, p.r, 0, 2 * M_PI);
		cairo_stroke(cr);
		cairo_arc(cr, p.cx, p.cy, p.inner, 0, 2 * M_PI);
		cairo_stroke(cr);
	}
	if (p.centre) {
		/* A wrapped layout centres its lines within its own width. */
		int lw = pango_layout_get_width(p.centre);
		double tw = lw > 0 ? lw / (double)PANGO_SCALE : bc_chart_layout_width(p.centre);
		bc_chart_show(cx, p.centre, p.cx - tw / 2,
			      p.cy - bc_chart_layout_height(p.centre) / 2, cx->st->text);
	}
	cairo_restore(cr);
	plan_free(&p);
}

static char *describe(const struct bc_chart *c)
{
	struct bc_buf b = {0};
	size_t n = c->data.ncat;
	double total = 0;
	for (size_t i = 0; i < n; i++)
		total += value(c, i);
	bc_buf_printf(&b, "%s chart, %zu slice%s", c->donut ? "Donut" : "Pie", n,
		      n == 1 ? "" : "s");
	if (!(total > 0)) {
		bc_buf_adds(&b, ", all values are zero");
	} else if (!is_percent(c)) {
		char *t = bc_chart_format(c, total);
		bc_buf_printf(&b, ", total %s", t);
		free(t);
	}
	bc_buf_adds(&b, ": ");
	for (size_t i = 0; i < n; i++) {
		if (i)
			bc_buf_adds(&b, ", ");
		item_text(&b, c, i, total, " ");
	}
	bc_buf_adds(&b, ".");
	return bc_buf_detach(&b);
}

const struct bc_chart_ops bc_chart_pie_ops = {height, draw, describe};
