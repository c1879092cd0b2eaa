/* pdf_post.h - finishing the PDF as Cairo writes it, for what Cairo 1.16
 * cannot do itself or does at too great a cost: the structure tree
 * (built here as the pages go, from the renderer's markers and scripts,
 * pdf_tags.h), the document language, showing the title (not the file
 * name) in the viewer, XMP metadata, page labels, and untagged content
 * marked as artifacts.
 *
 * It is a filter on Cairo's output stream: objects pass through to the
 * output as they arrive, numbered anew, a few rewritten, and the
 * cross-reference table is written anew at the end, so no page is held in
 * memory longer than it takes Cairo to write it. Included by render_pdf.c. */
#ifndef BC_PDF_POST_H
#define BC_PDF_POST_H

#include <stddef.h>
#include <stdio.h>

#include <cairo.h>

#include "diag.h"

struct bc_pdf_post {
	const char *lang;		     /* "en-GB" */
	const char *title;		     /* for XMP dc:title */
	const char *author, *subject, *date; /* date: "YYYY-MM-DDThh:mm:ssZ" or NULL */
	int first_label;		     /* >0: page labels 1-based decimal from this */
};

struct bc_pdf_filter;

/* A filter writing to `out`; `o` must outlive it. */
struct bc_pdf_filter *bc_pdf_filter_new(FILE *out, const struct bc_pdf_post *o);

/* Cairo's write callback; the closure is the filter. */
cairo_status_t bc_pdf_filter_write(void *closure, const unsigned char *data, unsigned int len);

/* The next page's script of structure events (pdf_tags.h; the filter
 * takes the malloc'd data), given before Cairo writes the page
 * (cairo_show_page). Pages with none are all artifacts. Safe to call from
 * the drawing thread while the filter runs on another. */
void bc_pdf_filter_page(struct bc_pdf_filter *f, char *script, size_t len);

/* Move the last `pages` pages, and the structure elements of the last
 * `parts` parts (pdf_tags.h, BC_PDF_EV_PART), to the front. Set before
 * cairo_surface_finish. */
void bc_pdf_filter_lead(struct bc_pdf_filter *f, size_t pages, size_t parts);

/* After cairo_surface_finish: checks that the whole file went through.
 * Frees the filter. 0, or -1 after a diagnostic. */
int bc_pdf_filter_end(struct bc_pdf_filter *f, struct bc_diag *d);

#endif
