/* render.h - output backends over a laid-out document (layout.h).
 * Each backend draws the same pages; only the surface differs.
 * Included by main.c and pack. */
#ifndef BC_RENDER_H
#define BC_RENDER_H

#include <stdbool.h>
#include <stdio.h>

#include <cairo.h>

#include "diag.h"
#include "layout.h"

struct bc_render_opts {
	/* PDF creation date, "YYYY-MM-DDThh:mm:ssZ", or NULL for now. */
	const char *date;
	const char *creator;
	/* Metadata (title, author, ...) from this document; NULL: the first part's. */
	const struct bc_doc *meta;
	/* >0: PDF page labels numbered from this (a pack's printed numbers). */
	int first_label;
};

/* Write the document as PDF to `out`. Returns 0, or -1 after a diagnostic
 * (write failure, cairo error). */
enum bc_format { BC_FORMAT_PDF, BC_FORMAT_PNG, BC_FORMAT_SVG, BC_FORMAT_HTML };

/* Write each page as PNG (at dpi) or SVG: OUT "x.png" gives x-1.png, x-2.png
 * and so on, each written whole or not at all. Returns 0 or -1. */
int bc_render_images(const struct bc_doc *doc, const char *out, enum bc_format format, double dpi,
		     struct bc_diag *d);

struct bc_template;
/* The paper as one semantic, accessible HTML page (render_html.c). */
int bc_render_html(const struct bc_node *root, const struct bc_style *st,
		   const struct bc_template *tmpl, FILE *out, struct bc_diag *d);

/* ---- shared by the backends (render.c) ---- */

struct bc_sink {
	FILE *out;
	bool failed;
};

/* Cairo stream callback writing to a bc_sink, reporting short writes. */
cairo_status_t bc_render_write(void *closure, const unsigned char *data, unsigned int len);
/* What tagging carries from one page of a document to the next (PDF):
 * the elements a page break interrupts. Its events go to `script`. */
struct bc_tagger;
struct bc_tagger *bc_tagger_new(struct bc_buf *script);
void bc_tagger_free(struct bc_tagger *t);

/* Draw page p; with a tagger (PDF), structure markers and link
 * annotations too, the page's events appended to its script
 * (pdf_tags.h). Pages are drawn in order. */
void bc_render_page(cairo_t *cr, const struct bc_doc *doc, size_t p, struct bc_tagger *t);
/* Where a page's structure events go (PDF), and the link whose Link
 * element is open because its words go on past the line drawn last. */
struct bc_line_tags {
	struct bc_buf *script;
	const struct bc_para *para; /* the open link's paragraph, or NULL */
	int link;		    /* its index in para->links */
};
/* One line of a paragraph, its left edge at x and baseline at base (h its
 * height, baseline its baseline's depth in it); with line tags (PDF), its
 * links' annotations too, each link's words in a Link element
 * (render_links.c). */
void bc_render_text_line(cairo_t *cr, const struct bc_doc *doc, const struct bc_para *p,
			 PangoLayoutLine *pl, double x, double base, double h, double baseline,
			 struct bc_line_tags *lt);
/* Ends the Link element left open, if any (before any other element
 * begins or ends). */
void bc_render_end_link(cairo_t *cr, struct bc_line_tags *lt);
/* Locale-free "%.2f", a quoted attribute string, an anchor's dest name. */
void bc_render_num(struct bc_buf *b, double v);
void bc_render_quoted(struct bc_buf *b, const char *s);
void bc_render_dest_name(struct bc_buf *b, const struct bc_doc *doc, const struct bc_anchor *a);

/* One document among several in one PDF (an agenda pack). */
struct bc_render_part {
	const struct bc_doc *doc;
	const char *outline_title; /* a bookmark over this part's own, or NULL */
	bool no_outline;	   /* leave this part's bookmarks out (fillers) */
	const char *dest;	   /* a named destination at its first page, or NULL */
};

/* Write the parts in order as one PDF. Returns 0, or -1 after a diagnostic. */
int bc_render_pdf_parts(const struct bc_render_part *parts, size_t nparts, FILE *out,
			const struct bc_render_opts *opts, struct bc_diag *d);

/* A PDF written part by part (an agenda pack): each part's pages are
 * drawn when it is added, so the caller may free the part at once. `meta`
 * gives the metadata and page size. At the end,
 * the last `lead` parts added move to the front of the file (the agenda,
 * drawn last, when its page ranges are known). Return 0, or -1 after a
 * diagnostic; end frees the writer. */
struct bc_pdf_writer;
struct bc_pdf_writer *bc_pdf_writer_new(FILE *out, const struct bc_doc *meta,
					const struct bc_render_opts *opts);
int bc_pdf_writer_add(struct bc_pdf_writer *w, const struct bc_render_part *part,
		      struct bc_diag *d);
int bc_pdf_writer_end(struct bc_pdf_writer *w, size_t lead, struct bc_diag *d);

int bc_render_pdf(const struct bc_doc *doc, FILE *out, const struct bc_render_opts *opts,
		  struct bc_diag *d);

#endif
