/* paper.h - one paper made ready for layout or checking: parsed, numbered,
 * validated, charts prepared, its style and template found and loaded.
 * Shared by the build, check and pack commands. Included by main.c. */
#ifndef BC_PAPER_H
#define BC_PAPER_H

#include "diag.h"
#include "model.h"
#include "parse.h"
#include "style.h"
#include "template.h"

struct bc_xml;

struct bc_paper {
	struct bc_node *root;	  /* NULL when the paper could not be read */
	struct bc_style *style;	  /* never NULL after a successful load */
	struct bc_template *tmpl; /* NULL when the paper names none */
	char *dir;		  /* the paper's folder */
};

/* Load everything; diagnostics for the paper go to d, for a style or
 * template file under that file's name (counted in d too). style_path
 * overrides the paper's style attribute. Returns a paper (possibly with
 * root NULL) that the caller frees; check d->errors before using it. */
struct bc_paper *bc_paper_load(struct bc_xml *x, const char *path, const char *style_path,
			       const struct bc_limits *lim, struct bc_diag *d);
void bc_paper_free(struct bc_paper *p);

#endif
