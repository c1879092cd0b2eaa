/* pdf_tags.h - what the drawing thread records for the tagged PDF.
 *
 * Cairo 1.16 keeps every structure element it is given until the surface
 * is finished (about 200 bytes each, 20 a page), so boardc builds the
 * structure tree itself, in the finisher (pdf_struct.c), as the pages go
 * out. The drawing side says where each element begins and ends in two
 * ways at once: it draws a marker into the page, a tiny square that
 * Cairo writes as its own path ("0.125 0.125 0.25 0.25 re f"), and it
 * appends an event to the page's script. The finisher takes the markers
 * out of the content stream in order, matching each with the script's next
 * begin or end, and marks the drawing between them as that element's
 * content. Link annotations are events only: the finisher writes them.
 * Included by render.c, render_pdf.c, pdf_struct.c and the unit tests. */
#ifndef BC_PDF_TAGS_H
#define BC_PDF_TAGS_H

#include <stdbool.h>

#include <cairo.h>

#include "util.h"

/* The marker's operands as Cairo writes them, before "re f". */
#define BC_PDF_MARK_OPERANDS "0.125 0.125 0.25 0.25"

/* The script's events, one byte each, then their fields (NUL-ended):
 *   'B' type alt scope  an element begins (a marker): alt may be empty,
 *                       scope is 'C' or 'R' for a TH, else '-'
 *   'E'                 the innermost element ends (a marker)
 *   'Z'                 the open elements go on after the page break: set
 *                       aside while the page's notes and running text are
 *                       drawn (a marker)
 *   'R'                 ... and are open again on the next page (a marker)
 *   'L' rect kind target text  a link annotation over rect ("x1 y1 x2 y2"
 *                       in PDF space); kind 'U' a URI, 'D' a named
 *                       destination; text, the link's words (/Contents)
 *   'S' title           a new part (paper) begins: its elements are counted
 *                       from here when the pack's agenda moves to the front;
 *                       with a title (a pack's paper or agenda) they are
 *                       wrapped in a Part element titled so */
enum {
	BC_PDF_EV_BEGIN = 'B',
	BC_PDF_EV_END = 'E',
	BC_PDF_EV_SUSPEND = 'Z',
	BC_PDF_EV_RESUME = 'R',
	BC_PDF_EV_LINK = 'L',
	BC_PDF_EV_PART = 'S'
};

void bc_pdf_tag_begin(cairo_t *cr, struct bc_buf *script, const char *type, const char *alt,
		      char scope);
void bc_pdf_tag_end(cairo_t *cr, struct bc_buf *script);
void bc_pdf_tag_suspend(cairo_t *cr, struct bc_buf *script);
void bc_pdf_tag_resume(cairo_t *cr, struct bc_buf *script);
/* A link over x, y, w, h (Cairo's page space, y down) on a page h_page
 * tall, to a URI (uri) or a named destination; text is what it says. */
void bc_pdf_tag_link(struct bc_buf *script, double x, double y, double w, double h, double h_page,
		     bool uri, const char *target, const char *text);
void bc_pdf_tag_part(struct bc_buf *script, const char *title);

#endif
