/* render.h - output backends over a laid-out document (layout.h).
 * Each backend draws the same pages; only the surface differs.
 * Included by main.c and pack. */
#ifndef BC_RENDER_H
#define BC_RENDER_H

#include <stdio.h>

#include "diag.h"
#include "layout.h"

struct bc_render_opts {
	/* PDF creation date, "YYYY-MM-DDThh:mm:ssZ", or NULL for now. */
	const char *date;
	const char *creator;
};

/* Write the document as PDF to `out`. Returns 0, or -1 after a diagnostic
 * (write failure, cairo error). */
int bc_render_pdf(const struct bc_doc *doc, FILE *out, const struct bc_render_opts *opts,
		  struct bc_diag *d);

#endif
