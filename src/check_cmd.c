/* check_cmd.c - `boardc check PAPER.xml ...`: load each paper as build
 * does, turn what loading reports into findings, run the rules, and write
 * one report for all the papers. */
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "paper.h"
#include "util.h"
#include "xml.h"

static const char usage_check[] =
    "usage: boardc check PAPER.xml [MORE.xml ...] [--format text|json|sarif] [--werror]\n"
    "                    [--config FILE]\n"
    "\n"
    "Check papers for completeness and consistency: required sections, totals that\n"
    "do not add up, placeholders, acronyms, readability, length limits and more\n"
    "(docs/check.md lists every rule). Findings go to standard output.\n"
    "\n"
    "  -f, --format FMT   text (default, like a compiler), json or sarif (SARIF 2.1.0)\n"
    "      --werror       exit 1 on warnings too\n"
    "  -c, --config FILE  rule configuration (default: boardc-check.xml in each\n"
    "                     paper's folder, if there is one)\n"
    "  -h, --help         show this help\n"
    "\n"
    "exit status: 0 no errors (warnings allowed unless --werror), 1 findings of error\n"
    "severity, 2 usage error or unusable configuration, 3 I/O or resource error\n";

/* Findings of one paper in source order; stable, so findings at one
 * place keep the order the rules found them in. */
static void sort_segment(struct bc_finding *v, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		struct bc_finding f = v[i];
		size_t j = i;
		while (j > 0 && (v[j - 1].line > f.line ||
				 (v[j - 1].line == f.line && v[j - 1].col > f.col))) {
			v[j] = v[j - 1];
			j--;
		}
		v[j] = f;
	}
}

struct check_opts {
	enum bc_check_format format;
	bool werror;
	const char *config;
};

/* Check one paper into `all`; returns BC_EXIT_IO, BC_EXIT_USAGE (its
 * folder's configuration is unusable) or BC_EXIT_OK. */
static int check_one(struct bc_xml *x, const char *file, const struct bc_check_config *shared,
		     struct bc_findings *all)
{
	struct bc_check_config own;
	const struct bc_check_config *cfg = shared;
	if (!shared) {
		struct bc_diag cd;
		bc_diag_init(&cd, file, stderr);
		if (bc_check_config_for(&own, x, NULL, file, &cd) != 0) {
			bc_check_config_free(&own);
			return cd.io_error ? BC_EXIT_IO : BC_EXIT_USAGE;
		}
		cfg = &own;
	}
	char *captured = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&captured, &len);
	if (!fp) {
		if (!shared)
			bc_check_config_free(&own);
		return BC_EXIT_IO;
	}
	struct bc_diag d;
	bc_diag_init(&d, file, fp);
	struct bc_limits lim = BC_LIMITS_DEFAULT;
	size_t first = all->n;
	struct bc_paper *p = bc_paper_load(x, file, NULL, &lim, &d);
	fclose(fp);
	bc_check_import(all, captured, file, p->root, cfg);
	free(captured);
	struct bc_check_config run = *cfg; /* shares the lists; not freed */
	run.lay_out = p->root && p->style && d.errors == 0;
	if (p->root && p->root->kind == BC_PAPER)
		bc_check_paper(p, file, &run, all);
	sort_segment(all->v + first, all->n - first);
	all->files++;
	bc_paper_free(p);
	if (!shared)
		bc_check_config_free(&own);
	return d.io_error ? BC_EXIT_IO : BC_EXIT_OK;
}

/* The papers an agenda file names (paths resolved against its folder);
 * none when the file is not an agenda. Problems with the agenda itself
 * were reported when it was checked. Caller frees. */
static size_t agenda_papers(struct bc_xml *x, const char *file, char ***out)
{
	struct bc_diag quiet;
	FILE *null = fopen("/dev/null", "w");
	bc_diag_init(&quiet, file, null ? null : stderr);
	struct bc_limits lim = BC_LIMITS_DEFAULT;
	struct bc_node *root = bc_parse_file(x, file, &lim, &quiet);
	if (null)
		fclose(null);
	size_t n = 0, cap = 0;
	*out = NULL;
	if (root && root->kind == BC_AGENDA) {
		char *copy = bc_xstrdup(file);
		const char *dir = dirname(copy);
		for (const struct bc_node *c = root->first; c; c = c->next) {
			const char *paper =
			    c->kind == BC_AGENDA_ITEM ? bc_node_attr(c, "paper") : NULL;
			if (paper && paper[0] != '/')
				BC_PUSH(*out, n, cap, bc_xasprintf("%s/%s", dir, paper));
		}
		free(copy);
	}
	bc_node_free(root);
	return n;
}

int bc_cmd_check(int argc, char **argv)
{
	struct check_opts o = {BC_CHECK_TEXT, false, NULL};
	const char **files = bc_xcalloc((size_t)argc, sizeof *files);
	size_t nfiles = 0;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		int rc = -1;
		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			fputs(usage_check, stdout);
			rc = BC_EXIT_OK;
		} else if (!strcmp(a, "-f") || !strcmp(a, "--format")) {
			if (++i >= argc)
				rc = bc_usage_error("%s needs text, json or sarif", a, usage_check);
			else if (!strcmp(argv[i], "text"))
				o.format = BC_CHECK_TEXT;
			else if (!strcmp(argv[i], "json"))
				o.format = BC_CHECK_JSON;
			else if (!strcmp(argv[i], "sarif"))
				o.format = BC_CHECK_SARIF;
			else
				rc = bc_usage_error("unknown format '%s' (text, json or sarif)",
						    argv[i], usage_check);
		} else if (!strcmp(a, "--werror")) {
			o.werror = true;
		} else if (!strcmp(a, "-c") || !strcmp(a, "--config")) {
			if (++i >= argc)
				rc = bc_usage_error("%s needs a file name", a, usage_check);
			else
				o.config = argv[i];
		} else if (a[0] == '-' && a[1]) {
			rc = bc_usage_error("unknown option '%s'", a, usage_check);
		} else {
			files[nfiles++] = a;
		}
		if (rc >= 0) {
			free(files);
			return rc;
		}
	}
	if (!nfiles) {
		free(files);
		return bc_usage_error("%s", "check needs at least one paper file", usage_check);
	}

	struct bc_xml *x = bc_xml_new();
	struct bc_check_config shared;
	int status = BC_EXIT_OK;
	if (o.config) {
		struct bc_diag cd;
		bc_diag_init(&cd, o.config, stderr);
		bc_check_config_init(&shared);
		if (bc_check_config_load(&shared, x, o.config, &cd) != 0) {
			bc_check_config_free(&shared);
			bc_xml_free(x);
			free(files);
			return cd.io_error ? BC_EXIT_IO : BC_EXIT_USAGE;
		}
	}
	struct bc_findings all = {0};
	for (size_t i = 0; i < nfiles; i++) {
		int rc = check_one(x, files[i], o.config ? &shared : NULL, &all);
		if (rc == BC_EXIT_IO || (rc == BC_EXIT_USAGE && status != BC_EXIT_IO))
			status = rc;
		/* An agenda: check every paper it names, too. */
		char **papers = NULL;
		size_t npapers = agenda_papers(x, files[i], &papers);
		for (size_t k = 0; k < npapers; k++) {
			rc = check_one(x, papers[k], o.config ? &shared : NULL, &all);
			if (rc == BC_EXIT_IO || (rc == BC_EXIT_USAGE && status != BC_EXIT_IO))
				status = rc;
			free(papers[k]);
		}
		free(papers);
	}
	if (o.format == BC_CHECK_JSON)
		bc_check_write_json(stdout, &all);
	else if (o.format == BC_CHECK_SARIF)
		bc_check_write_sarif(stdout, &all);
	else
		bc_check_write_text(stdout, &all, true);
	fflush(stdout);
	int errors, warnings;
	bc_findings_count(&all, &errors, &warnings, NULL, NULL);
	if (status == BC_EXIT_OK && (errors || (o.werror && warnings)))
		status = BC_EXIT_INVALID;
	bc_findings_free(&all);
	if (o.config)
		bc_check_config_free(&shared);
	bc_xml_free(x);
	free(files);
	return status;
}

int bc_check_build(struct bc_xml *x, const struct bc_paper *p, const char *file, struct bc_diag *d)
{
	struct bc_check_config cfg;
	if (bc_check_config_for(&cfg, x, NULL, file, d) != 0) {
		bc_check_config_free(&cfg);
		return 0; /* reported, and counted in d */
	}
	cfg.min_severity = BC_ERROR;
	/* Build lays the paper out itself; only a page limit made an error
	 * needs a layout first. */
	cfg.lay_out =
	    p->tmpl && p->tmpl->max_pages > 0 && bc_check_enabled(&cfg, BC_RULE_PAGE_LIMIT);
	struct bc_findings f = {0};
	int errors = bc_check_paper(p, file, &cfg, &f);
	bc_check_write_text(d->out, &f, false);
	bc_findings_free(&f);
	bc_check_config_free(&cfg);
	return errors;
}
