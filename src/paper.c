/* paper.c - the front half of every command: parse, number, validate,
 * prepare charts, find the style and the template. */
#include "paper.h"

#include <libgen.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "datadir.h"
#include "image.h"
#include "number.h"
#include "util.h"
#include "validate.h"

/* Run a loader with diagnostics under another file's name, folding the
 * counts into the paper's. */
static void merge(struct bc_diag *into, const struct bc_diag *from)
{
	into->errors += from->errors;
	into->warnings += from->warnings;
	into->io_error |= from->io_error;
}

static struct bc_style *load_style(struct bc_xml *x, const char *path, struct bc_diag *d)
{
	struct bc_diag sd;
	bc_diag_init(&sd, path, d->out);
	struct bc_style *st = bc_style_load(x, path, &sd);
	merge(d, &sd);
	return st;
}

static struct bc_style *find_style(struct bc_xml *x, struct bc_paper *p, struct bc_diag *d)
{
	const char *name = bc_node_attr(p->root, "style");
	if (!name || strcmp(name, "default") == 0)
		return bc_style_default(x);
	char *path = bc_datadir_find("styles", name, p->dir);
	if (!path) {
		bc_diag(d, BC_ERROR, p->root->line, p->root->col, "style '%s' not found", name);
		bc_hint(d,
			"'boardc styles' lists the installed styles; a paper's folder may "
			"also hold styles/%s.xml",
			name);
		return NULL;
	}
	struct bc_style *st = load_style(x, path, d);
	free(path);
	return st;
}

static struct bc_template *find_template(struct bc_xml *x, struct bc_paper *p, struct bc_diag *d)
{
	const char *name = bc_node_attr(p->root, "template");
	if (!name)
		return NULL;
	char *path = bc_datadir_find("templates", name, p->dir);
	if (!path) {
		bc_diag(d, BC_ERROR, p->root->line, p->root->col, "template '%s' not found", name);
		bc_hint(d, "'boardc templates' lists the installed templates");
		return NULL;
	}
	struct bc_diag td;
	bc_diag_init(&td, path, d->out);
	struct bc_template *t = bc_template_load(x, path, &td);
	merge(d, &td);
	free(path);
	return t;
}

struct bc_paper *bc_paper_load(struct bc_xml *x, const char *path, const char *style_path,
			       const struct bc_limits *lim, struct bc_diag *d)
{
	struct bc_paper *p = bc_xcalloc(1, sizeof *p);
	char *copy = bc_xstrdup(path);
	p->dir = bc_xstrdup(dirname(copy));
	free(copy);
	p->root = bc_parse_file(x, path, lim, d);
	if (p->root) {
		bc_number(p->root);
		bc_validate(p->root, d);
		bc_charts_prepare(p->root, p->dir, d);
		bc_images_check(p->root, p->dir, d);
		p->tmpl = find_template(x, p, d);
	}
	if (style_path)
		p->style = load_style(x, style_path, d);
	else if (p->root)
		p->style = find_style(x, p, d);
	return p;
}

void bc_paper_free(struct bc_paper *p)
{
	if (!p)
		return;
	bc_node_free(p->root);
	bc_style_free(p->style);
	bc_template_free(p->tmpl);
	free(p->dir);
	free(p);
}
