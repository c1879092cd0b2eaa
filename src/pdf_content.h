/* pdf_content.h - marking a page's content stream: the drawing between
 * structure markers (pdf_tags.h) as marked content (see pdf_content.c).
 * Included by pdf_struct.c and the unit tests. */
#ifndef BC_PDF_CONTENT_H
#define BC_PDF_CONTENT_H

#include <stddef.h>

#include "util.h"

/* What the pass asks at each marker and at each run of drawing. */
struct bc_pdf_marks {
	void *ctx;
	/* A marker was reached and taken out. 0, or -1 to stop. */
	int (*marker)(void *ctx);
	/* A run of drawing begins: append its opening operator to out
	 * ("/P <</MCID 3>> BDC\n" or "/Artifact BMC\n"); "EMC" ends it. */
	void (*open)(void *ctx, struct bc_buf *out);
};

/* PDF's tokens, as in content streams and object dictionaries: the index
 * just past the token at s[i] (i is not white space), with *op set when the
 * token is a bare word ("BT", "R", "obj"), its length in *oplen. Strings,
 * hex strings, "<<", ">>", names, comments and delimiters are tokens too. */
size_t bc_pdf_token_end(const char *s, size_t n, size_t i, const char **op, size_t *oplen);

/* A new content stream (caller frees), its length in *out_len; NULL when
 * m->marker stopped it or the stream already has marked content. */
char *bc_pdf_mark_content(const char *content, size_t len, const struct bc_pdf_marks *m,
			  size_t *out_len);

#endif
