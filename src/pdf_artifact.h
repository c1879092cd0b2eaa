/* pdf_artifact.h - wrap untagged content of a page's content stream in
 * /Artifact marked content (see pdf_artifact.c). Included by pdf_post.c
 * and the unit tests. */
#ifndef BC_PDF_ARTIFACT_H
#define BC_PDF_ARTIFACT_H

#include <stddef.h>

/* A new content stream (caller frees) with artifacts marked. */
char *bc_pdf_mark_artifacts(const char *content, size_t len, size_t *out_len);

#endif
