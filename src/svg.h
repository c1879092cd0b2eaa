/* svg.h - draw an SVG (a style's logo) with librsvg, opened on first use. */
#ifndef BOARDC_SVG_H
#define BOARDC_SVG_H

#include <stdbool.h>
#include <stddef.h>

#include <cairo.h>

/* Draw the SVG in bytes into a new recording surface at its own size in
 * points (set in *width and *height). NULL, with the reason in why (a
 * phrase to follow the file's name), if it cannot be read or drawn. */
cairo_surface_t *bc_svg_render(const char *bytes, size_t len, double *width, double *height,
			       char *why, size_t size);

#endif
