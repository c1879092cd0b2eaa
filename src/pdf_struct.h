/* pdf_struct.h - the tagged PDF's structure tree, built by the finisher as
 * the pages go out (see pdf_struct.c). Included by pdf_post.c and the unit
 * tests. */
#ifndef BC_PDF_STRUCT_H
#define BC_PDF_STRUCT_H

#include <stddef.h>

#include "pdf_objects.h"
#include "util.h"

struct bc_pdf_struct;

/* A tree whose objects go to w (numbered from it). */
struct bc_pdf_struct *bc_pdf_struct_new(struct bc_pdf_objects *w);
void bc_pdf_struct_free(struct bc_pdf_struct *st);

/* One page: its content stream with the markers taken out and its drawing
 * marked (caller frees; length in *out_len), the page's script (pdf_tags.h;
 * may be empty) played against it, the elements it closes and its link
 * annotations written. page is the page object's number. What the page
 * dictionary needs (/StructParents, /Annots, /Tabs) is appended to
 * page_keys. NULL, with *error set, when markers and script disagree. */
char *bc_pdf_struct_page(struct bc_pdf_struct *st, const char *script, size_t script_len,
			 const char *content, size_t len, size_t page, struct bc_buf *page_keys,
			 size_t *out_len, const char **error);

/* Writes the root Document element (the elements of the last lead_parts
 * parts first: a pack's agenda, drawn last), the parent tree and the
 * structure tree root, and returns the root's number; 0 with *error set. */
size_t bc_pdf_struct_finish(struct bc_pdf_struct *st, size_t lead_parts, const char **error);

#endif
