/* validate.h - semantic rules no grammar can express: unique ids, resolved
 * cross-references, real dates, non-empty recommendations, safe link URLs.
 * Runs after bc_number(); shared by build and check. */
#ifndef BC_VALIDATE_H
#define BC_VALIDATE_H

#include "diag.h"
#include "model.h"

/* Bounds on numbers the schema leaves open (docs/format.md): layout relies
 * on them, so a paper over them is an error, never silently changed. */
#define BC_MAX_COLSPAN	  256
#define BC_MAX_LIST_START 99999

/* Reports every problem; sets BC_REF targets. Returns the error count. */
int bc_validate(struct bc_node *root, struct bc_diag *d);

#endif
