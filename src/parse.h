/* parse.h - reading a paper file into the model (src/model.h).
 * Included by main.c, pack and tests. The XML library stays behind this
 * interface: callers get a bc_node tree or diagnostics, never an xmlDoc. */
#ifndef BC_PARSE_H
#define BC_PARSE_H

#include <stddef.h>

#include "diag.h"
#include "model.h"

struct bc_xml;

/* Resource limits for untrusted input; docs/security.md lists them. */
struct bc_limits {
	size_t max_input_bytes; /* size of one XML file */
	size_t max_text_bytes;	/* text of one paragraph, cell or heading */
};
#define BC_LIMITS_DEFAULT                                                                          \
	{                                                                                          \
		16u << 20, 1u << 20                                                                \
	}

/* Parse and validate; returns the tree (caller frees with bc_node_free) or
 * NULL after reporting every error. */
struct bc_node *bc_parse_file(struct bc_xml *x, const char *path, const struct bc_limits *lim,
			      struct bc_diag *d);
struct bc_node *bc_parse_memory(struct bc_xml *x, const char *bytes, size_t len,
				const struct bc_limits *lim, struct bc_diag *d);

#endif
