/* style.h - a paper's look: page, fonts, sizes, colours. Loaded from a
 * style file (styles/NAME.xml, documented in docs/styles.md) over built-in
 * defaults. Included by main.c, layout and render. Lengths are in points. */
#ifndef BC_STYLE_H
#define BC_STYLE_H

#include <stdbool.h>

#include "diag.h"

struct bc_rgb {
	double r, g, b;
};

/* The fields running headers and footers may use, as {name}. */
enum bc_field {
	BC_FIELD_ORGANISATION,
	BC_FIELD_COMMITTEE,
	BC_FIELD_DATE,
	BC_FIELD_ITEM,
	BC_FIELD_TITLE,
	BC_FIELD_PAGE,
	BC_FIELD_PAGES,
	BC_FIELD_PART,
	BC_NFIELDS
};

enum bc_trailing_dot { BC_DOT_TOP, BC_DOT_ALL, BC_DOT_NONE };

#define BC_PALETTE_MAX 12

struct bc_style {
	char *name, *description;
	double page_w, page_h;
	double margin_top, margin_bottom, margin_left, margin_right;
	char *font;
	double body_size, line_height, para_space, number_width;
	bool justify;
	struct bc_rgb text;
	double title_size;
	struct bc_rgb title;
	double h_size[3], h_before[3], h_after[3];
	struct bc_rgb h_colour[3];
	double small_size;
	struct bc_rgb small;
	double table_size, table_padding;
	struct bc_rgb table_header_bg, table_rule;
	struct bc_rgb link;
	struct bc_rgb front_label_bg;
	bool hyphenate;			   /* a hyphen where a word breaks at a line end */
	enum bc_trailing_dot trailing_dot; /* "3." / "3.2" (top), "3.2." (all), "3" (none) */
	/* Running text: left, centre, right, with {fields}; "" shows nothing. */
	char *header[3], *footer[3];
	bool header_first_page; /* the front sheet normally carries its own heading */
	struct bc_rgb palette[BC_PALETTE_MAX];
	size_t npalette; /* 0: charts use the built-in palette */
	/* Logo in the top margin of page 1 (NULL: none). An image surface
	 * (PNG) or a recording surface (SVG, kept as vectors); owned. */
	void *logo; /* cairo_surface_t * */
	char *logo_src;
	double logo_width, logo_nat_w, logo_nat_h;
	bool logo_right;
};

struct bc_xml;

/* The built-in default style (the same as styles/default.xml). */
struct bc_style *bc_style_default(struct bc_xml *x);
/* Load a style file; NULL after diagnostics on error. */
struct bc_style *bc_style_load(struct bc_xml *x, const char *path, struct bc_diag *d);
/* Load from bytes; `name` is used only for messages. */
struct bc_style *bc_style_load_memory(struct bc_xml *x, const char *bytes, size_t len,
				      struct bc_diag *d);
void bc_style_free(struct bc_style *s);

/* Text width between the margins. */
double bc_style_text_width(const struct bc_style *s);

/* Where the logo goes on page 1 (points from the top-left corner); false
 * when the style has none. */
bool bc_style_logo_box(const struct bc_style *s, double *x, double *y, double *w, double *h);

/* Running text with its {fields} filled from values[BC_NFIELDS] (NULL or ""
 * for no value). Text falls into segments at separators (" · ", " | ",
 * " – ", " — ", " • "); a segment with a field that has no value is left
 * out with its separator. A value longer than BC_RUNNING_FIELD_MAX
 * characters is cut there, with an ellipsis. Caller frees. */
#define BC_RUNNING_FIELD_MAX 1000
char *bc_style_expand(const char *text, const char *const *values);

#endif
