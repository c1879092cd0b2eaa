/* main.c - the boardc command line: a table of subcommands, each a
 * function with one signature, in the manner of git. */
#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "chart.h"
#include "check.h"
#include "commands.h"
#include "diag.h"
#include "layout.h"
#include "number.h"
#include "output.h"
#include "paper.h"
#include "parse.h"
#include "render.h"
#include "style.h"
#include "util.h"
#include "validate.h"
#include "xml.h"

#ifndef BOARDC_VERSION
#define BOARDC_VERSION "0.0.0"
#endif

static const char usage_main[] =
    "usage: boardc <command> [options]\n"
    "\n"
    "Compile UK council and NHS board papers written in XML into PDF.\n"
    "\n"
    "commands:\n"
    "  build PAPER.xml [-o OUT.pdf]   compile a paper into a PDF\n"
    "  check PAPER.xml ...            check papers for completeness and consistency\n"
    "  pack AGENDA.xml [-o PACK.pdf]  build a meeting's agenda pack\n"
    "  new --template NAME -o FILE    start a paper from a template's skeleton\n"
    "  templates                      list the installed paper templates\n"
    "  styles                         list the installed styles\n"
    "\n"
    "options:\n"
    "  -h, --help       show this help (or a command's: boardc build --help)\n"
    "  -V, --version    print the version\n"
    "\n"
    "exit status:\n"
    "  0  success\n"
    "  1  the input has errors (diagnostics were printed)\n"
    "  2  usage error (bad command line)\n"
    "  3  I/O or resource error (cannot read or write, limit exceeded)\n";

static const char usage_build[] =
    "usage: boardc build PAPER.xml [-o OUT.pdf] [--style STYLE.xml] [-f pdf|png|svg|html]\n"
    "                    [-r DPI] [-j N] [--no-check]\n"
    "\n"
    "Validate PAPER.xml and write it as a paginated PDF. The error-severity rules\n"
    "of 'boardc check' run too, and stop the build.\n"
    "\n"
    "  -o, --output FILE        where to write (default: PAPER.pdf beside the input;\n"
    "                           '-' for standard output)\n"
    "  -s, --style FILE         style file to use instead of the built-in default\n"
    "  -f, --format FMT         pdf (default); html (one accessible page); png or svg\n"
    "                           (one file per page: -o x.png gives x-1.png, x-2.png ...)\n"
    "  -r, --resolution DPI     resolution of png pages (default 96)\n"
    "  -j, --jobs N             lay a long paper out on up to N threads (default: the\n"
    "                           number of cores); the output is the same for any N\n"
    "      --max-input-bytes N  refuse input files larger than N bytes (default 16 MiB)\n"
    "      --no-check           skip the check rules (for drafts)\n"
    "  -h, --help               show this help\n"
    "\n"
    "The output is written to a temporary file and renamed into place, so on\n"
    "any error an existing OUT.pdf is left untouched. With SOURCE_DATE_EPOCH set,\n"
    "the same input gives a byte-identical PDF.\n"
    "\n"
    "exit status: 0 success, 1 invalid input, 2 usage error, 3 I/O or resource error\n";

/* SOURCE_DATE_EPOCH (reproducible builds) as a PDF date; false if unset. */
static bool source_date(char *buf, size_t size, bool *bad)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	*bad = false;
	if (!s || !*s)
		return false;
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || *end || v < 0 || v > 253402300799LL) {
		*bad = true;
		return false;
	}
	time_t t = (time_t)v;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return true;
}

static char *default_output(const char *input, enum bc_format format)
{
	size_t n = strlen(input);
	if (n > 4 && strcmp(input + n - 4, ".xml") == 0)
		n -= 4;
	const char *ext = format == BC_FORMAT_PNG    ? ".png"
			  : format == BC_FORMAT_SVG  ? ".svg"
			  : format == BC_FORMAT_HTML ? ".html"
						     : ".pdf";
	return bc_xasprintf("%.*s%s", (int)n, input, ext);
}

static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

static int cmd_build(int argc, char **argv)
{
	const char *input = NULL, *output = NULL, *style_path = NULL;
	enum bc_format format = BC_FORMAT_PDF;
	double dpi = 96;
	struct bc_limits lim = BC_LIMITS_DEFAULT;
	bool check = true;
	int jobs = bc_jobs_default();
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			fputs(usage_build, stdout);
			return BC_EXIT_OK;
		} else if (!strcmp(a, "--no-check")) {
			check = false;
		} else if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
			if (++i >= argc)
				return bc_usage_error("%s needs a file name", a, usage_build);
			output = argv[i];
		} else if (!strcmp(a, "-s") || !strcmp(a, "--style")) {
			if (++i >= argc)
				return bc_usage_error("%s needs a file name", a, usage_build);
			style_path = argv[i];
		} else if (!strcmp(a, "-f") || !strcmp(a, "--format")) {
			if (++i >= argc)
				return bc_usage_error("%s needs pdf, png, svg or html", a,
						      usage_build);
			if (!strcmp(argv[i], "pdf"))
				format = BC_FORMAT_PDF;
			else if (!strcmp(argv[i], "png"))
				format = BC_FORMAT_PNG;
			else if (!strcmp(argv[i], "svg"))
				format = BC_FORMAT_SVG;
			else if (!strcmp(argv[i], "html"))
				format = BC_FORMAT_HTML;
			else
				return bc_usage_error("unknown format '%s' (pdf, png, svg or html)",
						      argv[i], usage_build);
		} else if (!strcmp(a, "-r") || !strcmp(a, "--resolution")) {
			if (++i >= argc)
				return bc_usage_error("%s needs a number", a, usage_build);
			char *end;
			dpi = strtod(argv[i], &end);
			if (*end || !(dpi >= 10 && dpi <= 1200))
				return bc_usage_error("resolution '%s' is not between 10 and 1200",
						      argv[i], usage_build);
		} else if (!strncmp(a, "-j", 2) || !strcmp(a, "--jobs")) {
			const char *v = a[1] == 'j' && a[2] ? a + 2 : (++i < argc ? argv[i] : NULL);
			jobs = bc_jobs_parse(v);
			if (!jobs)
				return bc_usage_error("-j needs a number of threads from 1 to 64, "
						      "not '%s'",
						      v ? v : "", usage_build);
		} else if (!strcmp(a, "--max-input-bytes")) {
			if (++i >= argc)
				return bc_usage_error("%s needs a number", a, usage_build);
			char *end;
			unsigned long long v = strtoull(argv[i], &end, 10);
			if (*end || v == 0)
				return bc_usage_error("bad --max-input-bytes '%s'", argv[i],
						      usage_build);
			lim.max_input_bytes = (size_t)v;
		} else if (a[0] == '-' && a[1]) {
			return bc_usage_error("unknown option '%s'", a, usage_build);
		} else if (!input) {
			input = a;
		} else {
			return bc_usage_error("unexpected argument '%s'", a, usage_build);
		}
	}
	if (!input)
		return bc_usage_error("%s", "build needs a paper file", usage_build);
	char *owned_out = output ? NULL : default_output(input, format);
	if (!output)
		output = owned_out;
	if (strcmp(output, "-") != 0 && (strcmp(output, input) == 0 || same_file(output, input))) {
		free(owned_out);
		return bc_usage_error("output '%s' would overwrite the input", output, usage_build);
	}
	char date[32];
	bool bad_date;
	bool have_date = source_date(date, sizeof date, &bad_date);
	if (bad_date) {
		free(owned_out);
		return bc_usage_error("SOURCE_DATE_EPOCH '%s' is not a number of seconds",
				      getenv("SOURCE_DATE_EPOCH"), usage_build);
	}

	struct bc_diag d;
	bc_diag_init(&d, input, stderr);
	struct bc_xml *x = bc_xml_new();
	struct bc_paper *paper = bc_paper_load(x, input, style_path, &lim, &d);
	if (paper->root && paper->root->kind == BC_AGENDA) {
		bc_diag(&d, BC_ERROR, paper->root->line, paper->root->col,
			"this is an agenda, not a paper");
		bc_hint(&d, "build an agenda pack with: boardc pack %s", input);
	}
	int check_errors = 0; /* counted after layout, so its errors are reported too */
	if (check && paper->root && paper->style && !d.errors)
		check_errors = bc_check_build(x, paper, input, &d);
	struct bc_doc *doc = NULL;
	if (paper->root && paper->style && !d.errors)
		doc = bc_layout(paper->root, paper->style, paper->tmpl, paper->dir, jobs, &d);
	d.errors += check_errors;
	if (doc && !d.errors && format == BC_FORMAT_HTML) {
		struct bc_out out;
		if (bc_out_open(&out, output, &d) == 0) {
			if (bc_render_html(paper->root, paper->style, paper->tmpl, out.fp, &d) == 0)
				bc_out_commit(&out, &d);
			else
				bc_out_abort(&out);
		}
	} else if (doc && !d.errors && format != BC_FORMAT_PDF) {
		if (!strcmp(output, "-"))
			bc_diag(&d, BC_ERROR, 0, 0, "png and svg pages need a file name, not '-'");
		else
			bc_render_images(doc, output, format, dpi, &d);
	} else if (doc && !d.errors) {
		struct bc_out out;
		if (bc_out_open(&out, output, &d) == 0) {
			char creator[64];
			snprintf(creator, sizeof creator, "boardc %s", BOARDC_VERSION);
			struct bc_render_opts opts = {.date = have_date ? date : NULL,
						      .creator = creator};
			if (bc_render_pdf(doc, out.fp, &opts, &d) == 0)
				bc_out_commit(&out, &d);
			else
				bc_out_abort(&out);
		}
	}
	bc_doc_free(doc);
	bc_paper_free(paper);
	bc_xml_free(x);
	free(owned_out);
	return bc_exit_status(&d);
}

static const struct {
	const char *name;
	int (*fn)(int argc, char **argv);
} commands[] = {
    {"build", cmd_build},      {"check", bc_cmd_check},
    {"new", bc_cmd_new},       {"templates", bc_cmd_templates},
    {"styles", bc_cmd_styles}, {"pack", bc_cmd_pack},
};

int main(int argc, char **argv)
{
	/* Cairo 1.16 compresses each page's content, which pdf_post.c must
	 * then inflate to mark artifacts and compress again. With this set
	 * (Cairo reads it when a PDF surface is created) Cairo leaves its
	 * streams plain and pdf_post.c compresses each once. Set before any
	 * thread starts; the output is the same either way. */
	setenv("CAIRO_DEBUG_PDF", "1", 0);
	if (argc < 2)
		return bc_usage_error("%s", "no command given", usage_main);
	const char *cmd = argv[1];
	if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
		fputs(usage_main, stdout);
		return BC_EXIT_OK;
	}
	if (!strcmp(cmd, "-V") || !strcmp(cmd, "--version")) {
		printf("boardc %s\n", BOARDC_VERSION);
		return BC_EXIT_OK;
	}
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		if (!strcmp(commands[i].name, cmd))
			return commands[i].fn(argc - 1, argv + 1);
	return bc_usage_error("unknown command '%s'", cmd, usage_main);
}
