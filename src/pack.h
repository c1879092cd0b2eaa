/* pack.h - agenda packs: an agenda and its papers as one PDF.
 * pack.c runs the command (papers laid out in parallel, assembled in
 * order); pack_layout.c makes the documents a pack adds to its papers: the
 * agenda front sheet with page ranges, blank-page fillers, notices for
 * exempt items and error pages. Included by main.c (via commands.h),
 * pack.c and pack_layout.c. */
#ifndef BC_PACK_H
#define BC_PACK_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "layout.h"
#include "model.h"
#include "style.h"

/* One agenda item as the pack sees it. */
struct bc_pack_item {
	const struct bc_node *node; /* <agenda-item> */
	const char *number, *title;
	char *paper;	    /* path of the paper file (resolved), or NULL */
	const char *exempt; /* Schedule 12A paragraph, or NULL */
	bool supplementary;
	bool left_out;		   /* exempt item in a public pack */
	int first_page, last_page; /* pack page numbers; 0 when no pages */
	char *dest;		   /* named destination of its first page */
};

/* The agenda front sheet; items' page ranges are printed as given.
 * Returns NULL after diagnostics. */
struct bc_doc *bc_pack_agenda(const struct bc_node *agenda, const struct bc_style *st,
			      const struct bc_pack_item *items, size_t nitems, struct bc_diag *d);
/* A one-page document with a centred notice (blank-page filler) or a
 * heading and paragraph (exempt item, paper with errors). */
struct bc_doc *bc_pack_notice(const struct bc_style *st, const char *heading, const char *text,
			      struct bc_diag *d);
/* Put "text" under the footer of every page of doc (pack page numbers). */
void bc_pack_stamp(struct bc_doc *doc, int first_number, struct bc_diag *d);

#endif
