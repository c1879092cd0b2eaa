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

#endif
