/* datadir.h - finding installed data files (styles, templates) by name.
 * Included by main.c, style and template lookup. */
#ifndef BC_DATADIR_H
#define BC_DATADIR_H

#include <stddef.h>

/* The folders searched for `kind` ("styles" or "templates"), most specific
 * first: $BOARDC_DATA_DIR/kind, <exe>/../share/boardc/kind (installed),
 * <exe>/../kind (source tree). Returns the number written to dirs (each
 * malloc'd; caller frees). */
size_t bc_datadir_list(const char *kind, char **dirs, size_t max);

/* Path of kind/NAME.xml in the first folder that has it, also trying
 * paper_dir/kind first when paper_dir is given; NULL if none. Caller frees. */
char *bc_datadir_find(const char *kind, const char *name, const char *paper_dir);

#endif
