/* chart_org.c - organisation (governance, structure) charts: a tree of
 * <node> boxes laid out top-down, one layer per level, each parent centred
 * over its children and joined to them by orthogonal connectors; solid for
 * accountability, dashed (line="dashed") for an advisory link.
 *
 * Fitting to the text width takes three steps, in order of preference
 * (each costs the reader more than the one before): wrap box text
 * narrower; stack a wide family of children in rows under their parent
 * (a spine runs down a central gutter); scale the whole drawing down in
 * draw(). Nothing is ever drawn outside the chart's box. */
#include "chart.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define PAD_X	   5.0 /* text inset inside a box */
#define PAD_Y	   4.0
#define NOTE_GAP   2.0	 /* between label and note */
#define MIN_BOX	   60.0	 /* narrowest box */
#define WORD_CAP   110.0 /* a long word widens a box up to this, then breaks */
#define H_GAP	   10.0	 /* between sibling subtrees */
#define GUTTER	   18.0	 /* the column gap a spine runs down when children are stacked */
#define V_GAP	   26.0	 /* between layers; the sibling bar runs at its middle */
#define MARGIN	   1.5	 /* room for outlines inside the chart box */
#define LINE_W	   1.0	 /* connector width */
#define BOX_LINE_W 1.0	 /* box outline width */
#define DASH_ON	   3.0	 /* advisory connector dash pattern */
#define DASH_OFF   3.0

/* Widest text a box may hold, tried in turn until the tree fits. */
static const double text_widths[] = {150, 125, 100, 80, MIN_BOX - 2 * PAD_X};
#define N_TEXT_WIDTHS (sizeof text_widths / sizeof *text_widths)

struct onode {
	const char *label, *note; /* note may be NULL */
	bool dashed;		  /* link to the parent is advisory */
	bool virt;		  /* the unnamed root over several top nodes */
	int parent, first, next, last;
	int nchild;
	/* Measured once: unwrapped widths and the widest single word. */
	double label_nat, note_nat, word_nat;
	/* Per plan. */
	double tw, bw, bh, label_h; /* text width, box width, content height */
	int k;			    /* columns when children are stacked; 0: one row */
	int row, col;		    /* this node's cell among its siblings */
	double rx;		    /* box centre relative to the parent's */
	int loff;		    /* layer relative to the parent's */
	int span;		    /* layers the subtree occupies */
	double *cl, *cr;	    /* its contour, one entry per layer (see contour_new) */
	double x;		    /* box centre, absolute */
	int layer;
};

/* A box's size at one of text_widths. */
struct boxsize {
	double tw, bw, bh, label_h;
};

struct org {
	struct onode *v;
	size_t n;
	struct boxsize *sz; /* sz[t * n + i], measured for t once needed */
	bool sized[N_TEXT_WIDTHS];
	double *scratch; /* column extents and centres while stacking, 3(n + 1) entries */
	double *lh, *ly; /* layer heights and tops */
	int nlayers;
	double width, height; /* natural size including MARGIN */
};

static double max2(double a, double b)
{
	return a > b ? a : b;
}

/* ---- reading the tree ---- */

static void add_child(struct org *o, int parent, int child)
{
	struct onode *p = &o->v[parent];
	o->v[child].parent = parent;
	if (p->last < 0)
		p->first = child;
	else
		o->v[p->last].next = child;
	p->last = child;
	p->nchild++;
}

static int new_node(struct org *o, size_t *cap)
{
	struct onode blank = {.parent = -1, .first = -1, .next = -1, .last = -1};
	BC_PUSH(o->v, o->n, *cap, blank);
	return (int)o->n - 1;
}

/* Nodes in pre-order (a parent before its children), so bottom-up passes
 * run the array backwards. Iterative: a deep tree must not exhaust the
 * stack. */
static void read_tree(struct org *o, const struct bc_node *chart)
{
	size_t cap = 0, tops = 0;
	for (const struct bc_node *k = chart->first; k; k = k->next)
		tops += k->kind == BC_NODE;
	if (tops != 1) {
		int r = new_node(o, &cap);
		o->v[r].virt = true;
		o->v[r].label = "";
	}
	/* The path from the chart down to the current node: element, index. */
	const struct bc_node **path = NULL;
	int *pidx = NULL;
	size_t depth = 0, pcap = 0, icap = 0;
	for (const struct bc_node *m = chart->first; m;) {
		if (m->kind == BC_NODE) {
			int i = new_node(o, &cap);
			struct onode *v = &o->v[i];
			v->label = bc_node_attr(m, "label") ? bc_node_attr(m, "label") : "";
			v->note = bc_node_attr(m, "note");
			if (v->note && !v->note[0])
				v->note = NULL;
			v->dashed = bc_node_attr_is(m, "line", "dashed");
			if (depth)
				add_child(o, pidx[depth - 1], i);
			else if (tops != 1)
				add_child(o, 0, i);
			if (m->first) {
				size_t d = depth;
				BC_PUSH(path, d, pcap, m);
				BC_PUSH(pidx, depth, icap, i);
				m = m->first;
				continue;
			}
		}
		while (!m->next && depth) {
			depth--;
			m = path[depth];
		}
		m = m->next;
	}
	free(path);
	free(pidx);
}

static double text_width(struct bc_chart_ctx *cx, const char *s, const PangoFontDescription *f)
{
	PangoLayout *l = bc_chart_layout(cx, s, f, -1, PANGO_ALIGN_LEFT);
	double w = bc_chart_layout_width(l);
	g_object_unref(l);
	return w;
}

/* The widest word: wrapping at word boundaries only, at a tiny width,
 * puts one word on each line. */
static double word_width(struct bc_chart_ctx *cx, const char *s, const PangoFontDescription *f)
{
	PangoLayout *l = bc_chart_layout(cx, s, f, 1, PANGO_ALIGN_LEFT);
	pango_layout_set_wrap(l, PANGO_WRAP_WORD);
	double w = bc_chart_layout_width(l);
	g_object_unref(l);
	return w;
}

static void measure(struct org *o, struct bc_chart_ctx *cx)
{
	for (size_t i = 0; i < o->n; i++) {
		struct onode *v = &o->v[i];
		if (v->virt)
			continue;
		v->label_nat = text_width(cx, v->label, cx->font_bold);
		v->word_nat = word_width(cx, v->label, cx->font_bold);
		if (v->note) {
			v->note_nat = text_width(cx, v->note, cx->font_small);
			v->word_nat = max2(v->word_nat, word_width(cx, v->note, cx->font_small));
		}
	}
}

/* ---- layout ---- */

static double layout_h(struct bc_chart_ctx *cx, const char *s, const PangoFontDescription *f,
		       double w)
{
	PangoLayout *l = bc_chart_layout(cx, s, f, w, PANGO_ALIGN_CENTER);
	double h = bc_chart_layout_height(l);
	g_object_unref(l);
	return h;
}

/* Box size with text at most max_text wide (but a word up to WORD_CAP
 * keeps its line rather than breaking mid-word). */
static struct boxsize size_box(const struct onode *v, struct bc_chart_ctx *cx, double max_text)
{
	struct boxsize b = {0, 0, 0, 0};
	if (v->virt)
		return b;
	/* +1: a layout exactly as wide as its text can still wrap by rounding. */
	double tw = ceil(max2(v->label_nat, v->note_nat)) + 1;
	if (tw > max_text)
		tw = max_text;
	tw = max2(tw, fmin(ceil(v->word_nat) + 1, WORD_CAP));
	tw = max2(tw, MIN_BOX - 2 * PAD_X);
	b.tw = tw;
	b.bw = tw + 2 * PAD_X;
	b.label_h = layout_h(cx, v->label, cx->font_bold, tw);
	b.bh = 2 * PAD_Y + b.label_h;
	if (v->note)
		b.bh += NOTE_GAP + layout_h(cx, v->note, cx->font_small, tw);
	return b;
}

/* Every box at text width t: measured once per plan, as placing is tried
 * many times. */
static const struct boxsize *sizes(struct org *o, struct bc_chart_ctx *cx, size_t t)
{
	struct boxsize *row = o->sz + t * o->n;
	if (!o->sized[t]) {
		for (size_t i = 0; i < o->n; i++)
			row[i] = size_box(&o->v[i], cx, text_widths[t]);
		o->sized[t] = true;
	}
	return row;
}

static void use_size(struct onode *v, struct boxsize b)
{
	v->tw = b.tw;
	v->bw = b.bw;
	v->bh = b.bh;
	v->label_h = b.label_h;
}

/* Contours: for each layer a subtree occupies, the leftmost and rightmost
 * x it uses, relative to its top box's centre. Siblings are packed as
 * close as their contours allow (a tidy tree), so a leaf can sit beside a
 * wide family's box while that family's children spread out beneath. */
static void contour_new(struct onode *p, int span)
{
	free(p->cl);
	free(p->cr);
	p->span = span;
	p->cl = bc_xmalloc((size_t)span * sizeof *p->cl);
	p->cr = bc_xmalloc((size_t)span * sizeof *p->cr);
	p->cl[0] = -p->bw / 2;
	p->cr[0] = p->bw / 2;
	for (int d = 1; d < span; d++) {
		p->cl[d] = INFINITY;
		p->cr[d] = -INFINITY;
	}
}

/* Add child ch's contour at layer offset loff and x offset dx. */
static void contour_add(struct onode *p, const struct onode *ch, int loff, double dx)
{
	for (int d = 0; d < ch->span; d++) {
		p->cl[loff + d] = fmin(p->cl[loff + d], ch->cl[d] + dx);
		p->cr[loff + d] = max2(p->cr[loff + d], ch->cr[d] + dx);
	}
}

static double contour_width(const struct onode *p)
{
	double lo = INFINITY, hi = -INFINITY;
	for (int d = 0; d < p->span; d++) {
		lo = fmin(lo, p->cl[d]);
		hi = max2(hi, p->cr[d]);
	}
	return hi - lo;
}

/* Children of node i side by side under it, each as far left as the
 * contours of those before it allow; the parent centred over the first
 * and last child. */
static void arrange_row(struct org *o, int i)
{
	struct onode *p = &o->v[i];
	int maxspan = 0;
	for (int c = p->first; c >= 0; c = o->v[c].next)
		if (o->v[c].span > maxspan)
			maxspan = o->v[c].span;
	p->k = 0;
	contour_new(p, 1 + maxspan);
	double first_x = 0, x = 0;
	for (int c = p->first; c >= 0; c = o->v[c].next) {
		struct onode *ch = &o->v[c];
		if (c != p->first) {
			x = -INFINITY;
			for (int d = 0; d < ch->span; d++)
				if (p->cr[1 + d] > -INFINITY)
					x = max2(x, p->cr[1 + d] + H_GAP - ch->cl[d]);
		}
		ch->row = ch->col = 0;
		ch->loff = 1;
		ch->rx = x;
		contour_add(p, ch, 1, x);
	}
	double centre = (first_x + x) / 2;
	for (int c = p->first; c >= 0; c = o->v[c].next)
		o->v[c].rx -= centre;
	for (int d = 1; d < p->span; d++) {
		p->cl[d] -= centre;
		p->cr[d] -= centre;
	}
}

/* Children in rows of k columns, half either side of a spine that runs
 * down a gutter from the parent; a short last row keeps to the columns
 * nearest the spine. Each row starts under the deepest layer of the row
 * above. */
static void arrange_stack(struct org *o, int i, int k)
{
	struct onode *p = &o->v[i];
	int half = k / 2, j = 0;
	double *lx = o->scratch, *rx = o->scratch + k, *cc = o->scratch + 2 * k;
	for (int q = 0; q < k; q++)
		lx[q] = rx[q] = 0;
	int total = 0, row = 0, rowspan = 0;
	for (int c = p->first; c >= 0; c = o->v[c].next, j++) {
		struct onode *ch = &o->v[c];
		int r = j / k, q = j % k;
		int m = p->nchild - r * k < k ? p->nchild - r * k : k;
		int left = (m + 1) / 2;
		if (r != row) {
			total += rowspan;
			rowspan = 0;
			row = r;
		}
		ch->row = r;
		ch->col = q < left ? half - left + q : half + q - left;
		ch->loff = 1 + total;
		if (ch->span > rowspan)
			rowspan = ch->span;
		for (int d = 0; d < ch->span; d++) {
			lx[ch->col] = max2(lx[ch->col], -ch->cl[d]);
			rx[ch->col] = max2(rx[ch->col], ch->cr[d]);
		}
	}
	/* Column centres outwards from the spine at x = 0. */
	cc[half - 1] = -GUTTER / 2 - rx[half - 1];
	for (int q = half - 2; q >= 0; q--)
		cc[q] = cc[q + 1] - lx[q + 1] - H_GAP - rx[q];
	cc[half] = GUTTER / 2 + lx[half];
	for (int q = half + 1; q < k; q++)
		cc[q] = cc[q - 1] + rx[q - 1] + H_GAP + lx[q];
	p->k = k;
	contour_new(p, 1 + total + rowspan);
	int last_row_layer = 1;
	for (int c = p->first; c >= 0; c = o->v[c].next) {
		struct onode *ch = &o->v[c];
		ch->rx = cc[ch->col];
		contour_add(p, ch, ch->loff, ch->rx);
		last_row_layer = ch->loff;
	}
	/* The spine and the last row's bar reach x = 0 in these layers. */
	for (int d = 1; d <= last_row_layer; d++) {
		p->cl[d] = fmin(p->cl[d], 0);
		p->cr[d] = max2(p->cr[d], 0);
	}
}

/* Lay out every subtree bottom-up at this text width; with `stack`, a
 * family wider than `avail` goes into rows. Returns the tree's width. */
static double place(struct org *o, struct bc_chart_ctx *cx, size_t t, bool stack, double avail)
{
	const struct boxsize *sz = sizes(o, cx, t);
	for (size_t ii = o->n; ii-- > 0;) {
		int i = (int)ii;
		struct onode *p = &o->v[i];
		use_size(p, sz[i]);
		if (p->nchild == 0) {
			p->k = 0;
			contour_new(p, 1);
			continue;
		}
		arrange_row(o, i);
		double w = contour_width(p);
		if (stack && p->nchild >= 3 && w > avail) {
			/* Start near the column count the average child
			 * suggests, so this stays close to linear. */
			double sum = 0;
			for (int c = p->first; c >= 0; c = o->v[c].next)
				sum += contour_width(&o->v[c]);
			double avg = sum / p->nchild;
			int est = 2 * (int)((avail - GUTTER + H_GAP) / (2 * (avg + H_GAP))) + 2;
			int kmax = (p->nchild - 1) & ~1;
			int k = est < kmax ? est : kmax;
			if (k < 2)
				k = 2;
			for (; k > 2; k -= 2) {
				arrange_stack(o, i, k);
				if (contour_width(p) <= avail)
					break;
			}
			if (k == 2)
				arrange_stack(o, i, 2);
		}
		/* The children's contours are now part of this one. */
		for (int c = p->first; c >= 0; c = o->v[c].next) {
			free(o->v[c].cl);
			free(o->v[c].cr);
			o->v[c].cl = o->v[c].cr = NULL;
		}
	}
	return contour_width(&o->v[0]);
}

static void layer_heights(struct org *o);

/* Absolute positions: layers top-down, box centres from the parents'. */
static void assign_layers(struct org *o)
{
	const struct onode *root = &o->v[0];
	double lo = INFINITY, hi = -INFINITY;
	for (int d = 0; d < root->span; d++) {
		lo = fmin(lo, root->cl[d]);
		hi = max2(hi, root->cr[d]);
	}
	o->nlayers = root->span;
	o->v[0].layer = 0;
	o->v[0].x = MARGIN - lo;
	for (size_t i = 1; i < o->n; i++) {
		struct onode *v = &o->v[i], *p = &o->v[v->parent];
		v->layer = p->layer + v->loff;
		v->x = p->x + v->rx;
	}
	o->width = hi - lo + 2 * MARGIN;
	layer_heights(o);
}

/* Each layer as tall as its tallest box. */
static void layer_heights(struct org *o)
{
	free(o->lh);
	free(o->ly);
	o->lh = bc_xcalloc((size_t)o->nlayers, sizeof *o->lh);
	o->ly = bc_xcalloc((size_t)o->nlayers, sizeof *o->ly);
	for (size_t i = 0; i < o->n; i++)
		o->lh[o->v[i].layer] = max2(o->lh[o->v[i].layer], o->v[i].bh);
	/* An unnamed root has no box, so no gap under it either. */
	double y = MARGIN - (o->v[0].virt ? V_GAP : 0);
	for (int l = 0; l < o->nlayers; l++) {
		o->ly[l] = y;
		y += o->lh[l] + V_GAP;
	}
	o->height = y - V_GAP + MARGIN;
}

static void org_free(struct org *o)
{
	for (size_t i = 0; i < o->n; i++) {
		free(o->v[i].cl);
		free(o->v[i].cr);
	}
	free(o->v);
	free(o->sz);
	free(o->scratch);
	free(o->lh);
	free(o->ly);
}

/* What occupies a stretch of one layer: a box, or a spine passing through. */
struct span_item {
	int layer, node; /* node -1: a spine */
	double x, lo, hi;
};

static int cmp_item(const void *a, const void *b)
{
	const struct span_item *p = a, *q = b;
	if (p->layer != q->layer)
		return p->layer < q->layer ? -1 : 1;
	if (p->x != q->x)
		return p->x < q->x ? -1 : 1;
	return p->node < q->node ? -1 : p->node > q->node;
}

/* Text narrowed for the widest layer also narrows boxes in layers with
 * room to spare. Give each box back the widest text width that stays
 * clear of its neighbours (and of spines), growing about its centre so
 * connectors stay put, and within the drawing's width. */
static void relax(struct org *o, struct bc_chart_ctx *cx, size_t t)
{
	if (t == 0)
		return;
	struct span_item *it = NULL;
	size_t n = 0, cap = 0;
	for (size_t i = 0; i < o->n; i++) {
		const struct onode *v = &o->v[i];
		if (!v->virt)
			BC_PUSH(it, n, cap,
				((struct span_item){v->layer, (int)i, v->x, v->x - v->bw / 2,
						    v->x + v->bw / 2}));
		if (v->k == 0)
			continue;
		int last = v->layer;
		for (int c = v->first; c >= 0; c = o->v[c].next)
			last = o->v[c].layer;
		for (int l = v->layer + 1; l < last; l++)
			BC_PUSH(it, n, cap, ((struct span_item){l, -1, v->x, v->x, v->x}));
	}
	if (n)
		qsort(it, n, sizeof *it, cmp_item);
	for (size_t j = 0; j < n; j++) {
		if (it[j].node < 0)
			continue;
		struct onode *v = &o->v[it[j].node];
		bool first = j == 0 || it[j - 1].layer != it[j].layer;
		bool last = j + 1 == n || it[j + 1].layer != it[j].layer;
		double left = first ? MARGIN : it[j - 1].hi + H_GAP;
		double right = last ? o->width - MARGIN : it[j + 1].lo - H_GAP;
		double half = fmin(v->x - left, right - v->x);
		for (size_t u = 0; u < t; u++) {
			struct boxsize b = sizes(o, cx, u)[it[j].node];
			if (b.bw <= v->bw)
				break;
			if (b.bw / 2 <= half) {
				use_size(v, b);
				it[j].lo = v->x - v->bw / 2;
				it[j].hi = v->x + v->bw / 2;
				break;
			}
		}
	}
	free(it);
	layer_heights(o);
}

/* Read, measure and lay out the tree for this width: the widest text that
 * fits in one row per level; else stack wide families in rows, trying
 * narrower text and other widths for each family, until the tree fits the
 * width and the page's figure height; else whichever try needs the least
 * scaling. */
static void plan(const struct bc_chart *c, struct bc_chart_ctx *cx, double width, struct org *o)
{
	/* Family width budgets, as fractions of the width: below 1 stacks
	 * families lower down too; above 1 gives a very large family more
	 * columns, when being too tall would cost more scaling than being
	 * too wide. */
	static const double budgets[] = {1, 0.75, 0.5, 0.33, 0.25, 1.5, 2, 3, 4};
	memset(o, 0, sizeof *o);
	read_tree(o, c->node);
	o->scratch = bc_xcalloc(3 * (o->n + 1), sizeof *o->scratch);
	o->sz = bc_xcalloc(N_TEXT_WIDTHS * o->n, sizeof *o->sz);
	measure(o, cx);
	double avail = width - 2 * MARGIN;
	for (size_t t = 0; t < N_TEXT_WIDTHS; t++)
		if (place(o, cx, t, false, avail) <= avail) {
			assign_layers(o);
			relax(o, cx, t);
			return;
		}
	/* The layout stage clamps a figure to three quarters of the page
	 * body; a stacked tree taller than that would only be scaled. */
	const struct bc_style *st = cx->st;
	double maxh = (st->page_h - st->margin_top - st->margin_bottom) * 0.75;
	double best = -1;
	size_t best_t = 0, best_b = 0;
	for (size_t b = 0; b < sizeof budgets / sizeof *budgets && best < 1; b++)
		for (size_t t = 0; t < N_TEXT_WIDTHS && best < 1; t++) {
			place(o, cx, t, true, avail * budgets[b]);
			assign_layers(o);
			double s = fmin(1, fmin(width / o->width, maxh / o->height));
			if (s > best + 1e-6) {
				best = s;
				best_t = t;
				best_b = b;
			}
		}
	place(o, cx, best_t, true, avail * budgets[best_b]);
	assign_layers(o);
	relax(o, cx, best_t);
}

/* ---- ops ---- */

static double height(const struct bc_chart *c, struct bc_chart_ctx *cx, double width)
{
	struct org o;
	plan(c, cx, width, &o);
	double h = o.height;
	/* Wider than the text even when stacked: draw() scales it down. */
	if (o.width > width)
		h *= width / o.width;
	org_free(&o);
	return h;
}

static void set_rgb(cairo_t *cr, struct bc_rgb c)
{
	cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

static void line(cairo_t *cr, double x0, double y0, double x1, double y1, bool dashed)
{
	if (x0 == x1 && y0 == y1)
		return;
	if (dashed) {
		const double dash[] = {DASH_ON, DASH_OFF};
		cairo_set_dash(cr, dash, 2, 0);
	} else {
		cairo_set_dash(cr, NULL, 0, 0);
	}
	cairo_move_to(cr, x0, y0);
	cairo_line_to(cr, x1, y1);
	cairo_stroke(cr);
}

static double box_x(const struct onode *v)
{
	return v->x - v->bw / 2;
}

/* Connectors from parent p to its children: a spine down from the box,
 * a bar over each row, a drop into each child. A stretch is solid when it
 * carries any accountability link, dashed when it carries only advisory
 * ones. */
static void connectors(const struct org *o, cairo_t *cr, int i)
{
	const struct onode *p = &o->v[i];
	if (p->virt || p->nchild == 0)
		return;
	double sx = p->x;
	double y = o->ly[p->layer] + o->lh[p->layer];
	int c = p->first;
	/* Lowest row reached by a solid link. */
	int solid_row = -1;
	for (int k = p->first; k >= 0; k = o->v[k].next)
		if (!o->v[k].dashed)
			solid_row = o->v[k].row;
	while (c >= 0) {
		int row = o->v[c].row;
		double top = o->ly[o->v[c].layer];
		double bar = top - V_GAP / 2;
		line(cr, sx, y, sx, bar, row > solid_row);
		y = bar;
		/* Farthest child each side of the spine, and farthest solid. */
		double lo = sx, hi = sx, slo = sx, shi = sx;
		int k = c;
		for (; k >= 0 && o->v[k].row == row; k = o->v[k].next) {
			const struct onode *ch = &o->v[k];
			double cxm = ch->x;
			lo = fmin(lo, cxm);
			hi = max2(hi, cxm);
			if (!ch->dashed) {
				slo = fmin(slo, cxm);
				shi = max2(shi, cxm);
			}
			line(cr, cxm, bar, cxm, top, ch->dashed);
		}
		line(cr, lo, bar, slo, bar, true);
		line(cr, shi, bar, hi, bar, true);
		line(cr, slo, bar, shi, bar, false);
		c = k;
	}
}

static void draw_tree(const struct org *o, struct bc_chart_ctx *cx)
{
	cairo_t *cr = cx->cr;
	const struct bc_rgb link = {0x50 / 255.0, 0x5a / 255.0, 0x5f / 255.0};
	const struct bc_rgb outline = bc_chart_highlight_colour();
	/* Light tints of the outline colour: text on them keeps the body
	 * text's contrast. The top box is a shade deeper. */
	const struct bc_rgb fill = {0xf1 / 255.0, 0xf5 / 255.0, 0xf9 / 255.0};
	const struct bc_rgb top_fill = {0xd9 / 255.0, 0xe5 / 255.0, 0xf1 / 255.0};

	cairo_save(cr);
	cairo_set_line_width(cr, LINE_W);
	cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
	set_rgb(cr, link);
	for (size_t i = 0; i < o->n; i++)
		connectors(o, cr, (int)i);
	cairo_set_dash(cr, NULL, 0, 0);
	cairo_set_line_width(cr, BOX_LINE_W);
	for (size_t i = 0; i < o->n; i++) {
		const struct onode *v = &o->v[i];
		if (v->virt)
			continue;
		double bx = box_x(v), by = o->ly[v->layer], bh = o->lh[v->layer];
		bool top = v->parent < 0 || o->v[v->parent].virt;
		cairo_rectangle(cr, bx, by, v->bw, bh);
		set_rgb(cr, top ? top_fill : fill);
		cairo_fill_preserve(cr);
		set_rgb(cr, outline);
		cairo_stroke(cr);
		/* Text centred vertically in the layer's box height. */
		double ty = by + (bh - v->bh) / 2 + PAD_Y;
		PangoLayout *l =
		    bc_chart_layout(cx, v->label, cx->font_bold, v->tw, PANGO_ALIGN_CENTER);
		bc_chart_show(cx, l, bx + PAD_X, ty, cx->st->text);
		g_object_unref(l);
		if (v->note) {
			l = bc_chart_layout(cx, v->note, cx->font_small, v->tw, PANGO_ALIGN_CENTER);
			bc_chart_show(cx, l, bx + PAD_X, ty + v->label_h + NOTE_GAP, cx->st->text);
			g_object_unref(l);
		}
	}
	cairo_restore(cr);
}

static void draw(const struct bc_chart *c, struct bc_chart_ctx *cx, double x, double y, double w,
		 double h)
{
	if (!cx->cr)
		return;
	struct org o;
	plan(c, cx, w, &o);
	double s = fmin(1, fmin(w / o.width, h / o.height));
	cairo_save(cx->cr);
	cairo_translate(cx->cr, x + (w - o.width * s) / 2, y);
	cairo_scale(cx->cr, s, s);
	draw_tree(&o, cx);
	cairo_restore(cx->cr);
	org_free(&o);
}

/* ---- text alternative ---- */

static void name_node(struct bc_buf *b, const struct onode *v, bool with_link)
{
	bc_buf_adds(b, v->label);
	bool advisory = with_link && v->dashed;
	if (v->note || advisory)
		bc_buf_printf(b, " (%s%s%s)", v->note ? v->note : "",
			      v->note && advisory ? "; " : "", advisory ? "advisory" : "");
}

static char *describe(const struct bc_chart *c)
{
	struct org o;
	memset(&o, 0, sizeof o);
	read_tree(&o, c->node);
	struct bc_buf b = {0};
	bc_buf_adds(&b, "Organisation chart: ");
	const struct onode *root = &o.v[0];
	if (root->virt) {
		for (int k = root->first; k >= 0; k = o.v[k].next) {
			if (k != root->first)
				bc_buf_adds(&b, o.v[k].next >= 0 ? ", " : " and ");
			name_node(&b, &o.v[k], false);
		}
	} else {
		name_node(&b, root, false);
	}
	for (size_t i = 0; i < o.n; i++) {
		const struct onode *v = &o.v[i];
		if (v->virt || v->nchild == 0)
			continue;
		if (i == 0)
			bc_buf_adds(&b, "; reporting to it: ");
		else
			bc_buf_printf(&b, "; under %s: ", v->label);
		for (int k = v->first; k >= 0; k = o.v[k].next) {
			if (k != v->first)
				bc_buf_adds(&b, ", ");
			name_node(&b, &o.v[k], true);
		}
	}
	bc_buf_adds(&b, ".");
	org_free(&o);
	return bc_buf_detach(&b);
}

const struct bc_chart_ops bc_chart_orgchart_ops = {height, draw, describe};
