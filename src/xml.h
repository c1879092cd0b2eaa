/* xml.h - the one safe way boardc reads XML: size-capped, no DTDs, no
 * entities, no network, no gzip, optional RELAX NG validation, and every
 * libxml2 message turned into a file:line:col diagnostic.
 * Included by parse.c and style.c only: nothing downstream sees libxml2. */
#ifndef BC_XML_H
#define BC_XML_H

#include <stddef.h>

#include <libxml/tree.h>

#include "diag.h"

struct bc_xml; /* parser context: the compiled schemas; one per thread */

struct bc_xml *bc_xml_new(void);
void bc_xml_free(struct bc_xml *x);

enum bc_schema { BC_SCHEMA_NONE, BC_SCHEMA_PAPER };

/* Read a file (regular file, at most max_bytes) into memory as UTF-8 (a
 * UTF-16 file with a byte-order mark is converted: encoding.h); caller
 * frees. Reports its own diagnostics; returns NULL on failure. */
char *bc_xml_slurp(const char *path, size_t max_bytes, size_t *len_out, struct bc_diag *d);

/* Parse UTF-8 bytes (an XML declaration naming another encoding than
 * UTF-8, UTF-16 or US-ASCII is an error); on success returns a document the caller frees with
 * xmlFreeDoc. On any error (including schema errors) returns NULL after
 * reporting every error found. */
xmlDocPtr bc_xml_parse(struct bc_xml *x, const char *bytes, size_t len, enum bc_schema schema,
		       struct bc_diag *d);

/* Finds columns of start tags, which libxml2 2.9 does not record. Elements
 * are looked up in document order, so the search only moves forward. */
struct bc_xml_locator {
	const char *bytes;
	size_t len;
	size_t pos; /* next byte to search from */
	int line;   /* line number of pos; 0 = not started */
	/* Columns are counted incrementally along a line, so a paper written
	 * on one long line costs no more than one on many. */
	size_t line_start; /* first byte of line `line` */
	size_t cpos;	   /* a byte on that line ... */
	int ccol;	   /* ... and its 1-based column */
};

/* 1-based column of the next start tag <name (or <prefix:name) on `line`;
 * 0 when not found. */
int bc_xml_locate(struct bc_xml_locator *loc, int line, const char *name);

#endif
