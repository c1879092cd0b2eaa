/* occurs.h - how often each child of <front> and <agenda> may occur.
 * The schema lists those children as "any of these, in any order" (see
 * schema/boardc.rng for why); this checks the counts it leaves out.
 * Included by parse.c only. */
#ifndef BC_OCCURS_H
#define BC_OCCURS_H

#include "diag.h"
#include "model.h"

/* Reports each missing required child and each repeated one (with a note
 * at the first) in the paper or agenda under root; returns the number of
 * errors. Linear in the number of children. */
int bc_check_occurs(const struct bc_node *root, struct bc_diag *d);

#endif
