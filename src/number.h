/* number.h - numbering and reference labels, the pass between parse and
 * layout. Included by main.c, validate.c and tests. */
#ifndef BC_NUMBER_H
#define BC_NUMBER_H

#include "model.h"

/* Fill in number, label, seq and depth on every node of a paper tree.
 * Idempotent: running it twice gives the same result. */
void bc_number(struct bc_node *root);

/* "1", "a", "A", "i" for n in the given list style ("number", "letter",
 * "upper-letter", "roman"); caller frees. */
char *bc_number_format(int n, const char *style);

#endif
