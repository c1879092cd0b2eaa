/* template.h - paper templates: for one kind of paper (cabinet report,
 * executive report, ...), which front-sheet fields show and in what
 * order, which sections are required (for `check`), page and word limits,
 * standard wording blocks, and the skeleton `boardc new` writes.
 * Template files are documented in docs/templates.md.
 * Included by main.c, front.c, layout.c and check. */
#ifndef BC_TEMPLATE_H
#define BC_TEMPLATE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "model.h"

struct bc_xml;

struct bc_requirement {
	enum bc_kind kind; /* BC_SUMMARY, BC_RECOMMENDATIONS, BC_IMPLICATION, ... */
	char *type;	   /* implication type, or NULL */
	char *title;	   /* kind section: the heading it must have, or NULL */
	char *when;	   /* NULL (always), "for-decision", "key-decision", "exempt" */
	int line;	   /* in the template file, for messages */
};

struct bc_wording {
	char *name;
	char *text;
};

struct bc_template {
	char *name, *description;
	char *path; /* file it was read from */
	enum bc_kind *front;
	size_t nfront; /* 0: the default front sheet */
	struct bc_requirement *requires;
	size_t nrequires;
	struct bc_wording *wordings;
	size_t nwordings;
	int max_pages, max_words; /* 0: no limit */
	char *skeleton;		  /* a complete paper, serialised; NULL if none */
};

struct bc_template *bc_template_load(struct bc_xml *x, const char *path, struct bc_diag *d);
void bc_template_free(struct bc_template *t);
/* The text of a standard wording block, or NULL. */
const char *bc_template_wording(const struct bc_template *t, const char *name);
/* Whether the front sheet shows this field (always true without a list). */
bool bc_template_shows(const struct bc_template *t, enum bc_kind field);

#endif
