/* catalogue.c - the installed styles and templates: `boardc styles`,
 * `boardc templates`, and `boardc new`, which writes a template's skeleton. */
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "commands.h"
#include "datadir.h"
#include "diag.h"
#include "output.h"
#include "style.h"
#include "template.h"
#include "util.h"
#include "xml.h"

/* The NAME.xml files of a data folder kind, each name once (the first
 * folder to have it wins), sorted by name within a folder. */
struct named_file {
	char *name, *path;
};

static int cmp_named(const void *a, const void *b)
{
	return strcmp(((const struct named_file *)a)->name, ((const struct named_file *)b)->name);
}

static bool seen(const struct named_file *files, size_t n, const char *name)
{
	for (size_t k = 0; k < n; k++)
		if (strcmp(files[k].name, name) == 0)
			return true;
	return false;
}

static size_t list_data(const char *kind, struct named_file **out)
{
	char *dirs[4];
	size_t ndirs = bc_datadir_list(kind, dirs, 4), n = 0, cap = 0;
	struct named_file *files = NULL;
	for (size_t i = 0; i < ndirs; i++) {
		DIR *dir = opendir(dirs[i]);
		struct dirent *e;
		size_t first = n;
		while (dir && (e = readdir(dir))) {
			size_t len = strlen(e->d_name);
			if (len < 5 || strcmp(e->d_name + len - 4, ".xml") != 0 ||
			    e->d_name[0] == '.')
				continue;
			char *name = bc_xstrndup(e->d_name, len - 4);
			if (seen(files, n, name)) {
				free(name);
				continue;
			}
			struct named_file f = {name, bc_xasprintf("%s/%s", dirs[i], e->d_name)};
			BC_PUSH(files, n, cap, f);
		}
		if (dir)
			closedir(dir);
		if (n - first > 1)
			qsort(files + first, n - first, sizeof *files, cmp_named);
		free(dirs[i]);
	}
	*out = files;
	return n;
}

static void free_named(struct named_file *files, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(files[i].name);
		free(files[i].path);
	}
	free(files);
}

static bool wants_help(int argc, char **argv)
{
	return argc > 1 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"));
}

int bc_cmd_styles(int argc, char **argv)
{
	if (wants_help(argc, argv)) {
		puts("usage: boardc styles\n\nList the styles a paper can name with "
		     "style=\"NAME\" (or give as a file with --style).");
		return BC_EXIT_OK;
	}
	struct bc_xml *x = bc_xml_new();
	struct bc_style *def = bc_style_default(x);
	printf("%-24s %s\n", "default", def->description ? def->description : "");
	bc_style_free(def);
	struct named_file *files;
	size_t n = list_data("styles", &files);
	int rc = BC_EXIT_OK;
	for (size_t i = 0; i < n; i++) {
		if (!strcmp(files[i].name, "default"))
			continue; /* the built-in copy was listed above */
		struct bc_diag d;
		bc_diag_init(&d, files[i].path, stderr);
		struct bc_style *st = bc_style_load(x, files[i].path, &d);
		if (st)
			printf("%-24s %s\n", files[i].name, st->description ? st->description : "");
		else
			rc = BC_EXIT_INVALID;
		bc_style_free(st);
	}
	free_named(files, n);
	bc_xml_free(x);
	return rc;
}

int bc_cmd_templates(int argc, char **argv)
{
	if (wants_help(argc, argv)) {
		puts("usage: boardc templates\n\nList the paper templates; "
		     "'boardc new --template NAME' starts a paper from one.");
		return BC_EXIT_OK;
	}
	struct bc_xml *x = bc_xml_new();
	struct named_file *files;
	size_t n = list_data("templates", &files);
	int rc = BC_EXIT_OK;
	if (n == 0)
		fprintf(stderr, "boardc: no templates installed\n");
	for (size_t i = 0; i < n; i++) {
		struct bc_diag d;
		bc_diag_init(&d, files[i].path, stderr);
		struct bc_template *t = bc_template_load(x, files[i].path, &d);
		if (t)
			printf("%-36s %s\n", files[i].name, t->description ? t->description : "");
		else
			rc = BC_EXIT_INVALID;
		bc_template_free(t);
	}
	free_named(files, n);
	bc_xml_free(x);
	return rc;
}

static const char usage_new[] =
    "usage: boardc new --template NAME [-o FILE] [--force]\n"
    "\n"
    "Write a skeleton paper with every section the template requires, and\n"
    "placeholders ([insert ...]) that boardc check reports until they are\n"
    "filled. Without -o the paper goes to standard output. An existing FILE\n"
    "is kept unless --force is given. 'boardc templates' lists the templates.\n";

int bc_cmd_new(int argc, char **argv)
{
	const char *name = NULL, *output = "-";
	bool force = false;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			fputs(usage_new, stdout);
			return BC_EXIT_OK;
		} else if (!strcmp(a, "-t") || !strcmp(a, "--template")) {
			if (++i >= argc)
				return bc_usage_error("%s needs a template name", a, usage_new);
			name = argv[i];
		} else if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
			if (++i >= argc)
				return bc_usage_error("%s needs a file name", a, usage_new);
			output = argv[i];
		} else if (!strcmp(a, "--force")) {
			force = true;
		} else {
			return bc_usage_error("unexpected argument '%s'", a, usage_new);
		}
	}
	if (!name)
		return bc_usage_error("%s", "new needs --template NAME", usage_new);
	struct stat sb;
	if (strcmp(output, "-") != 0 && !force && stat(output, &sb) == 0)
		return bc_usage_error("'%s' exists; use --force to replace it", output, usage_new);
	char *path = bc_datadir_find("templates", name, NULL);
	if (!path)
		return bc_usage_error("template '%s' not found ('boardc templates' lists them)",
				      name, "");
	struct bc_diag d;
	bc_diag_init(&d, path, stderr);
	struct bc_xml *x = bc_xml_new();
	struct bc_template *t = bc_template_load(x, path, &d);
	if (t && !t->skeleton)
		bc_diag(&d, BC_ERROR, 0, 0, "template '%s' has no <skeleton>", name);
	if (t && t->skeleton && !d.errors) {
		struct bc_diag od;
		bc_diag_init(&od, output, stderr);
		struct bc_out out;
		if (bc_out_open(&out, output, &od) == 0) {
			fputs(t->skeleton, out.fp);
			bc_out_commit(&out, &od);
		}
		d.errors += od.errors;
		d.io_error |= od.io_error;
	}
	bc_template_free(t);
	bc_xml_free(x);
	free(path);
	return bc_exit_status(&d);
}
