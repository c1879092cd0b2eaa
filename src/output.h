/* output.h - writing an output file all-or-nothing: into a temporary file
 * beside the target, renamed over it only when complete. On any failure
 * the previous file is untouched and no partial file remains.
 * Included by main.c and pack. */
#ifndef BC_OUTPUT_H
#define BC_OUTPUT_H

#include <stdio.h>

#include "diag.h"

struct bc_out {
	char *path; /* final name; NULL when writing to stdout */
	char *tmp;  /* temporary name; NULL when written in place */
	FILE *fp;
};

/* path "-" writes to standard output; an existing device or FIFO is
 * written in place. Returns 0 or -1 (diagnostic given). */
int bc_out_open(struct bc_out *o, const char *path, struct bc_diag *d);
/* Flush, sync and rename into place. */
int bc_out_commit(struct bc_out *o, struct bc_diag *d);
/* Remove the temporary file. Safe after commit or a failed open. */
void bc_out_abort(struct bc_out *o);

#endif
