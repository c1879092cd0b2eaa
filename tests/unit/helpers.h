/* helpers.h - shared set-up for the cmocka unit tests: parse a paper from a
 * string with diagnostics captured in memory. Included by tests/unit/ only. */
#ifndef BC_TEST_HELPERS_H
#define BC_TEST_HELPERS_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "diag.h"
#include "model.h"
#include "number.h"
#include "parse.h"
#include "validate.h"
#include "xml.h"

struct capture {
	char *buf;
	size_t len;
	FILE *fp;
	struct bc_diag d;
};

static inline void capture_open(struct capture *c)
{
	c->buf = NULL;
	c->len = 0;
	c->fp = open_memstream(&c->buf, &c->len);
	bc_diag_init(&c->d, "t.xml", c->fp);
}

/* Flush and return everything printed so far. */
static inline const char *capture_text(struct capture *c)
{
	fflush(c->fp);
	return c->buf ? c->buf : "";
}

static inline void capture_close(struct capture *c)
{
	fclose(c->fp);
	free(c->buf);
}

#define PAPER_HEAD                                                             \
	"<paper xmlns=\"urn:x-boardc:paper:1\">\n"                             \
	"<front><committee>Cabinet</committee><meeting date=\"2010-07-06\"/>"  \
	"<title>T</title></front>\n"

/* Parse PAPER_HEAD + body + "</paper>", number and validate it. */
static inline struct bc_node *paper(struct bc_xml *x, struct capture *c, const char *body)
{
	size_t n = strlen(PAPER_HEAD) + strlen(body) + 16;
	char *src = malloc(n);
	snprintf(src, n, "%s%s</paper>\n", PAPER_HEAD, body);
	struct bc_node *root = bc_parse_memory(x, src, strlen(src), NULL, &c->d);
	free(src);
	if (root) {
		bc_number(root);
		bc_validate(root, &c->d);
	}
	return root;
}

/* The first node of a kind whose id attribute is `id`. */
static inline struct bc_node *by_id(struct bc_node *root, const char *id)
{
	for (struct bc_node *n = root; n; n = bc_node_walk(root, n, false))
		if (bc_node_attr_is(n, "id", id))
			return n;
	return NULL;
}

#endif
