/* pdf_objects.h - the writing side of the PDF finisher (pdf_post.c): whole
 * objects go to the file, streams at once and small objects gathered into
 * compressed object streams; at the end, a cross-reference stream for all
 * of them. Included by pdf_post.c. */
#ifndef BC_PDF_OBJECTS_H
#define BC_PDF_OBJECTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "util.h"

struct bc_pdf_objects;

struct bc_pdf_objects *bc_pdf_objects_new(FILE *out);
void bc_pdf_objects_free(struct bc_pdf_objects *w);

/* Bytes outside any object (the header). */
void bc_pdf_objects_raw(struct bc_pdf_objects *w, const char *s, size_t n);
/* A whole object s[0..n), "N 0 obj ... endobj\n". */
void bc_pdf_objects_add(struct bc_pdf_objects *w, size_t num, const char *s, size_t n);
/* A new object number (the first is 1): every object written must have
 * one from here. */
size_t bc_pdf_objects_number(struct bc_pdf_objects *w);
/* Write the last object stream and the cross-reference stream with the
 * trailer's /Root, /Info (0: none) and an /ID derived from the bytes
 * written. NULL, or why not. */
const char *bc_pdf_objects_finish(struct bc_pdf_objects *w, size_t root, size_t info);
/* Whether a write to the file failed. */
bool bc_pdf_objects_failed(const struct bc_pdf_objects *w);

/* s[0..n) deflated in the zlib format (caller frees), or NULL; with
 * libdeflate, which compresses a whole buffer at once: at level 6 as fast
 * as zlib's default and 3-4% smaller. */
#define BC_PDF_DEFLATE_LEVEL 6
char *bc_pdf_deflate(struct bc_pdf_objects *w, const char *s, size_t n, size_t *out_len);

/* s (UTF-8) as a PDF text string: literal when printable ASCII, else
 * UTF-16BE with a byte order mark, as raw bytes in a literal string (half
 * the size of hex), with string syntax and ends of line escaped. */
void bc_pdf_text_string(struct bc_buf *b, const char *s);

/* How every stream object ends. */
extern const char bc_pdf_end_stream[];

#endif
