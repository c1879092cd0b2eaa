/* pdf_post.h - finishing touches on the PDF Cairo wrote, which Cairo 1.16
 * cannot make itself: the document language, showing the title (not the
 * file name) in the viewer, XMP metadata, and page labels. Done with
 * libqpdf's C API on the finished file. Included by render_pdf.c. */
#ifndef BC_PDF_POST_H
#define BC_PDF_POST_H

#include <stddef.h>
#include <stdio.h>

#include "diag.h"

struct bc_pdf_post {
	const char *lang;		     /* "en-GB" */
	const char *title;		     /* for XMP dc:title */
	const char *author, *subject, *date; /* date: "YYYY-MM-DDThh:mm:ssZ" or NULL */
	int first_label;		     /* >0: page labels 1-based decimal from this */
	/* In structure-tree order: /Alt of each Figure, /Scope of each TH. */
	const char *const *alts;
	size_t nalts;
	const char *scopes; /* 'C' column, 'R' row */
	size_t nscopes;
};

/* Rewrite pdf[0..len) with the additions into out. 0, or -1 after a
 * diagnostic. The output is the same for the same input. */
int bc_pdf_post(const unsigned char *pdf, size_t len, FILE *out, const struct bc_pdf_post *o,
		struct bc_diag *d);

#endif
