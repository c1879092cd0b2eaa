/* chart.h - figures drawn from data: bar, triangle (pyramid of need),
 * quadrant, organisation chart, pie/donut and line charts.
 *
 * chart.c reads a <chart> element (and its CSV file) into struct bc_chart,
 * checks the data with file:line diagnostics and dispatches to one file per
 * chart type (chart_bar.c, chart_triangle.c, ...), each implementing
 * struct bc_chart_ops: measure a height for a given width, draw into a box,
 * describe the data in words. All chart text goes through Pango with the
 * paper's fonts; colours come from the palette below.
 * Included by chart*.c, layout.c, number.c/validate.c users and render. */
#ifndef BC_CHART_H
#define BC_CHART_H

#include <stdbool.h>
#include <stddef.h>

#include <cairo.h>
#include <pango/pango.h>

#include "diag.h"
#include "model.h"
#include "style.h"

/* The longest label, series name, note or cell text a chart takes, in
 * bytes (docs/format.md); longer is an error, exit status 3. */
#define BC_MAX_CHART_TEXT 2000
/* The most series a chart takes: the data are a series x categories table,
 * and a line chart's height grows with its series. */
#define BC_MAX_SERIES 100

enum bc_chart_type {
	BC_CHART_BAR,
	BC_CHART_TRIANGLE,
	BC_CHART_QUADRANT,
	BC_CHART_ORGCHART,
	BC_CHART_PIE,
	BC_CHART_LINE,
};

/* Categories x series of numbers (bar, pie, line). After bc_chart_build,
 * sorting and top-N folding ("Other") are already applied. */
struct bc_chart_data {
	char **categories; /* ncat labels, owned */
	size_t ncat;
	char **series; /* nseries names, owned; one unnamed ("") series for simple data */
	size_t nseries;
	double *values;	    /* values[s * ncat + c] */
	bool *illustrative; /* per category: data marked illustrative="yes" */
};

struct bc_chart {
	enum bc_chart_type type;
	const struct bc_node *node; /* the <chart> element; tiers, cells and
				       org nodes are read from its children */
	struct bc_chart_data data;
	bool horizontal;       /* bar: bars run left to right (the default) */
	bool stacked;	       /* bar: mode="stacked" */
	bool grouped;	       /* bar: mode="grouped" (several series side by side) */
	bool donut;	       /* pie */
	bool value_sizing;     /* triangle: band heights follow values */
	const char *unit;      /* "%", "£", "£m", "people", ... or "" */
	const char *highlight; /* category label to emphasise, or NULL */
	const char *arrow;     /* triangle annotation, or NULL */
	bool arrow_up;	       /* arrow-direction="up": base to apex */
	const char *centre;    /* quadrant centre label, or NULL */
	const char *x_label, *y_label;
};

/* What drawing and measuring need. Fonts are owned by the caller. */
struct bc_chart_ctx {
	cairo_t *cr; /* NULL while measuring */
	PangoContext *pango;
	const struct bc_style *st;
	const PangoFontDescription *font;	/* labels */
	const PangoFontDescription *font_bold;	/* titles, highlighted values */
	const PangoFontDescription *font_small; /* axis ticks, notes */
};

struct bc_chart_ops {
	/* Height the chart needs at this width (points). */
	double (*height)(const struct bc_chart *c, struct bc_chart_ctx *cx, double width);
	/* Draw inside (x, y, w, h); never outside it. */
	void (*draw)(const struct bc_chart *c, struct bc_chart_ctx *cx, double x, double y,
		     double w, double h);
	/* A text alternative stating the data; caller frees. */
	char *(*describe)(const struct bc_chart *c);
};

extern const struct bc_chart_ops bc_chart_bar_ops, bc_chart_triangle_ops, bc_chart_quadrant_ops,
    bc_chart_orgchart_ops, bc_chart_pie_ops, bc_chart_line_ops;

/* Read and check a <chart>; CSV files are looked up in base_dir and must be
 * inside it. NULL after diagnostics. */
struct bc_chart *bc_chart_build(const struct bc_node *chart, const char *base_dir,
				struct bc_diag *d);
void bc_chart_free(struct bc_chart *c);
const struct bc_chart_ops *bc_chart_ops_for(const struct bc_chart *c);

/* Build every chart of a paper, attach each to its node (aux) with its
 * text alternative (description). Returns the number of errors. */
int bc_charts_prepare(struct bc_node *root, const char *base_dir, struct bc_diag *d);

/* ---- helpers shared by the chart types ---- */

/* A number as authors write it ("21", "-3.5", "1,234"), locale-free. */
bool bc_chart_number(const char *s, double *out);

/* "21%", "£67m", "£1,234", "30,852 people": the value with the chart's unit. */
char *bc_chart_format(const struct bc_chart *c, double v);
/* Colour i of the palette: the style's <palette> when it has one (st may
 * be NULL), else colour-blind-safe hues whose lightness steps between
 * neighbours (greyscale prints stay distinguishable); each at least 3:1
 * against white. Colours repeat past the end of the list. */
struct bc_rgb bc_chart_colour(const struct bc_style *st, size_t i);
/* The single-series bar colour and its highlight. */
struct bc_rgb bc_chart_base_colour(void);
struct bc_rgb bc_chart_highlight_colour(void);
/* Black or white, whichever contrasts more with a fill. */
struct bc_rgb bc_chart_text_on(struct bc_rgb fill);
/* A text layout wrapped at width (<= 0: unwrapped); caller unrefs. */
PangoLayout *bc_chart_layout(struct bc_chart_ctx *cx, const char *text,
			     const PangoFontDescription *f, double width, PangoAlignment align);
double bc_chart_layout_width(PangoLayout *l);
double bc_chart_layout_height(PangoLayout *l);
/* Draw a layout with its top-left at (x, y) in colour. No-op when measuring. */
void bc_chart_show(struct bc_chart_ctx *cx, PangoLayout *l, double x, double y,
		   struct bc_rgb colour);
/* Fill a rectangle; no-op when measuring. */
void bc_chart_rect(struct bc_chart_ctx *cx, double x, double y, double w, double h,
		   struct bc_rgb fill);

#endif
