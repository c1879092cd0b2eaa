/* image.h - the size check on a paper's images that runs before anything
 * decodes them (layout.c decodes them with Cairo). Included by paper.c. */
#ifndef BC_IMAGE_H
#define BC_IMAGE_H

#include "diag.h"
#include "model.h"

/* Pixels a paper's PNG may have (docs/format.md): at 4 bytes a pixel,
 * 200 MB decoded. A full A4 page at 300 dpi is about 9 million. */
#define BC_IMAGE_MAX_PIXELS 50000000u

/* Reads the header of each <image>'s PNG inside base_dir and reports, at the
 * element, one that declares more than BC_IMAGE_MAX_PIXELS. Files that are
 * missing, outside the folder or not PNG are left to layout to report.
 * Returns the number of errors. */
int bc_images_check(const struct bc_node *root, const char *base_dir, struct bc_diag *d);

#endif
