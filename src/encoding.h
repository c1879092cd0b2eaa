/* encoding.h - the encodings boardc reads: UTF-8 (with or without a
 * byte-order mark) and UTF-16 with a byte-order mark, which is converted to
 * UTF-8 as the file is read, so that every later stage (libxml2, the column
 * finder, the checker's source quotes) sees UTF-8 only.
 * Included by xml.c only. */
#ifndef BC_ENCODING_H
#define BC_ENCODING_H

#include <stddef.h>

#include "diag.h"

/* Takes ownership of bytes (len bytes, NUL-terminated, from malloc) and
 * returns them as UTF-8: the same buffer when they are not UTF-16, else a
 * new one (*len updated). Reports malformed UTF-16 (an odd length, an
 * unpaired surrogate: file:line:col) and UTF-16 without a byte-order mark,
 * then frees bytes and returns NULL. UTF-8 itself is checked by libxml2. */
char *bc_encoding_to_utf8(char *bytes, size_t *len, struct bc_diag *d);

/* The encoding an XML declaration names is one boardc reads (UTF-8,
 * UTF-16, US-ASCII), or there is none; else reports it at its line and
 * column and returns 0. */
int bc_encoding_check_declaration(const char *bytes, size_t len, struct bc_diag *d);

#endif
