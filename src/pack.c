/* pack.c - boardc pack: an agenda and its papers as one published PDF.
 *
 * Papers are independent, so they are read and laid out in parallel (-j),
 * each worker thread with its own XML context and its own Pango font map
 * (Pango gives each thread a default one). Everything that decides bytes in
 * the PDF happens afterwards, in item order, on one thread: page numbers,
 * the agenda's page ranges, fillers, stamps and the drawing itself, so the
 * output is the same whatever -j is. */
#include <errno.h>
#include <libgen.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "commands.h"
#include "datadir.h"
#include "output.h"
#include "pack.h"
#include "paper.h"
#include "render.h"
#include "util.h"
#include "xml.h"

#ifndef BOARDC_VERSION
#define BOARDC_VERSION "0.0.0"
#endif

static const char usage_pack[] =
    "usage: boardc pack AGENDA.xml [-o PACK.pdf] [-j N] [--public|--full]\n"
    "                   [--keep-going] [--style FILE] [-M | --deps FILE]\n"
    "\n"
    "Build the agenda pack of a meeting: the agenda front sheet with each item's\n"
    "page range, then every paper in order on a right-hand page, numbered\n"
    "through the pack.\n"
    "\n"
    "  -o, --output FILE   where to write (default: AGENDA.pdf beside the agenda)\n"
    "  -j, --jobs N        lay papers out on N threads (default: number of cores)\n"
    "      --public        leave exempt items out, with a notice (the default)\n"
    "      --full          include exempt items\n"
    "      --keep-going    write the pack even if a paper has errors, with an\n"
    "                      error page in its place (the exit status is still 1)\n"
    "  -s, --style FILE    style for the agenda and every paper\n"
    "  -M                  print make-style dependencies and build nothing\n"
    "      --deps FILE     write make-style dependencies to FILE while building\n"
    "\n"
    "exit status: 0 success, 1 a paper or the agenda has errors, 2 usage, 3 I/O\n";

struct job {
	struct bc_pack_item *item;
	const char *style_path;
	struct bc_paper *paper;
	struct bc_doc *doc;
	char *log; /* diagnostics, printed in item order */
	size_t log_len;
	int errors;
	int io_error;
};

struct queue {
	pthread_mutex_t lock;
	struct job *jobs;
	size_t njobs, next, done;
	bool progress;
};

static void run_job(struct job *j)
{
	FILE *log = open_memstream(&j->log, &j->log_len);
	struct bc_diag d;
	bc_diag_init(&d, j->item->paper, log ? log : stderr);
	struct bc_xml *x = bc_xml_new();
	struct bc_limits lim = BC_LIMITS_DEFAULT;
	j->paper = bc_paper_load(x, j->item->paper, j->style_path, &lim, &d);
	if (j->paper->root && j->paper->root->kind != BC_PAPER)
		bc_diag(&d, BC_ERROR, j->paper->root->line, j->paper->root->col,
			"an agenda item's paper must be a <paper>");
	if (j->paper->root && j->paper->style && !d.errors)
		j->doc =
		    bc_layout(j->paper->root, j->paper->style, j->paper->tmpl, j->paper->dir, &d);
	bc_xml_free(x);
	j->errors = d.errors;
	j->io_error = d.io_error;
	if (log)
		fclose(log);
}

static void *worker(void *arg)
{
	struct queue *q = arg;
	for (;;) {
		pthread_mutex_lock(&q->lock);
		size_t i = q->next < q->njobs ? q->next++ : q->njobs;
		pthread_mutex_unlock(&q->lock);
		if (i >= q->njobs)
			break;
		run_job(&q->jobs[i]);
		pthread_mutex_lock(&q->lock);
		q->done++;
		if (q->progress) {
			fprintf(stderr, "\r\033[K[%zu/%zu] item %s: %.50s", q->done, q->njobs,
				q->jobs[i].item->number, q->jobs[i].item->title);
			fflush(stderr);
		}
		pthread_mutex_unlock(&q->lock);
	}
	return NULL;
}

static void run_jobs(struct job *jobs, size_t n, int nthreads)
{
	struct queue q = {.jobs = jobs, .njobs = n, .progress = isatty(2) == 1};
	pthread_mutex_init(&q.lock, NULL);
	if (nthreads < 1)
		nthreads = 1;
	if ((size_t)nthreads > n)
		nthreads = n ? (int)n : 1;
	pthread_t *threads = bc_xcalloc((size_t)nthreads, sizeof *threads);
	int started = 0;
	/* The calling thread works too; extra threads only when asked. */
	for (int t = 1; t < nthreads; t++)
		if (pthread_create(&threads[started], NULL, worker, &q) == 0)
			started++;
	worker(&q);
	for (int t = 0; t < started; t++)
		pthread_join(threads[t], NULL);
	free(threads);
	pthread_mutex_destroy(&q.lock);
	if (q.progress)
		fprintf(stderr, "\r\033[K");
}

/* Files a paper depends on: itself, its CSV data and images. */
static void paper_deps(FILE *out, const struct bc_paper *p, const char *path)
{
	fprintf(out, " \\\n  %s", path);
	if (!p || !p->root)
		return;
	for (const struct bc_node *n = p->root; n; n = bc_node_walk(p->root, n, false)) {
		const char *src = NULL;
		if (n->kind == BC_DATA || n->kind == BC_IMAGE)
			src = bc_node_attr(n, "src");
		if (src)
			fprintf(out, " \\\n  %s/%s", p->dir, src);
	}
	if (p->tmpl && p->tmpl->path)
		fprintf(out, " \\\n  %s", p->tmpl->path);
	const char *style = bc_node_attr(p->root, "style");
	char *style_path = style ? bc_datadir_find("styles", style, p->dir) : NULL;
	if (style_path)
		fprintf(out, " \\\n  %s", style_path);
	free(style_path);
}

static int default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

static char *default_output(const char *agenda)
{
	size_t n = strlen(agenda);
	if (n > 4 && strcmp(agenda + n - 4, ".xml") == 0)
		n -= 4;
	return bc_xasprintf("%.*s.pdf", (int)n, agenda);
}

struct options {
	const char *agenda, *output, *style, *deps;
	int jobs;
	bool full, keep_going, print_deps;
};

static int parse_args(int argc, char **argv, struct options *o)
{
	o->jobs = default_jobs();
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			fputs(usage_pack, stdout);
			return -1;
		} else if (!strcmp(a, "-o") || !strcmp(a, "--output")) {
			if (++i >= argc)
				return bc_usage_error("%s needs a file name", a, usage_pack);
			o->output = argv[i];
		} else if (!strcmp(a, "-s") || !strcmp(a, "--style")) {
			if (++i >= argc)
				return bc_usage_error("%s needs a file name", a, usage_pack);
			o->style = argv[i];
		} else if (!strcmp(a, "--deps")) {
			if (++i >= argc)
				return bc_usage_error("%s needs a file name", a, usage_pack);
			o->deps = argv[i];
		} else if (!strncmp(a, "-j", 2) || !strcmp(a, "--jobs")) {
			const char *v = a[1] == 'j' && a[2] ? a + 2 : (++i < argc ? argv[i] : NULL);
			char *end;
			long n = v ? strtol(v, &end, 10) : 0;
			if (!v || *end || n < 1 || n > 64)
				return bc_usage_error("-j needs a number of threads from 1 to 64, "
						      "not '%s'",
						      v ? v : "", usage_pack);
			o->jobs = (int)n;
		} else if (!strcmp(a, "--public")) {
			o->full = false;
		} else if (!strcmp(a, "--full")) {
			o->full = true;
		} else if (!strcmp(a, "--keep-going")) {
			o->keep_going = true;
		} else if (!strcmp(a, "-M")) {
			o->print_deps = true;
		} else if (a[0] == '-' && a[1]) {
			return bc_usage_error("unknown option '%s'", a, usage_pack);
		} else if (!o->agenda) {
			o->agenda = a;
		} else {
			return bc_usage_error("unexpected argument '%s'", a, usage_pack);
		}
	}
	if (!o->agenda)
		return bc_usage_error("%s", "pack needs an agenda file", usage_pack);
	return 0;
}

/* Whether path, with links resolved, lies below dir. */
static bool below(const char *dir, const char *path)
{
	char *rd = realpath(dir, NULL), *rp = realpath(path, NULL);
	bool ok = rd && rp && strncmp(rp, rd, strlen(rd)) == 0 && rp[strlen(rd)] == '/';
	free(rd);
	free(rp);
	return ok;
}

/* The agenda's items, with paper paths resolved against its folder. */
static struct bc_pack_item *read_items(const struct bc_node *agenda, const char *dir,
				       const struct options *o, size_t *n_out, struct bc_diag *d)
{
	size_t n = 0, cap = 0;
	struct bc_pack_item *items = NULL;
	for (const struct bc_node *c = agenda->first; c; c = c->next) {
		if (c->kind != BC_AGENDA_ITEM)
			continue;
		struct bc_pack_item it = {0};
		it.node = c;
		it.number = bc_node_attr(c, "number");
		it.title = bc_node_attr(c, "title");
		it.exempt = bc_node_attr(c, "exempt");
		it.supplementary = bc_node_attr_is(c, "supplementary", "yes");
		it.left_out = it.exempt && !o->full;
		if (it.exempt &&
		    (strlen(it.exempt) != 1 || it.exempt[0] < '1' || it.exempt[0] > '7'))
			bc_diag(d, BC_ERROR, c->line, c->col,
				"exempt paragraph '%s' is not one of 1-7 of Schedule 12A",
				it.exempt);
		const char *paper = bc_node_attr(c, "paper");
		if (paper) {
			if (paper[0] == '/' || strncmp(paper, "../", 3) == 0 ||
			    strcmp(paper, "..") == 0 || strstr(paper, "/../")) {
				bc_diag(
				    d, BC_ERROR, c->line, c->col,
				    "paper '%s' must be a relative path below the agenda's folder",
				    paper);
			} else {
				it.paper = bc_xasprintf("%s/%s", dir, paper);
				struct stat sb;
				if (stat(it.paper, &sb) != 0) {
					bc_diag(d, BC_ERROR, c->line, c->col,
						"paper '%s' not found", paper);
					d->io_error = 1;
				} else if (!below(dir, it.paper)) {
					bc_diag(d, BC_ERROR, c->line, c->col,
						"paper '%s' resolves outside the agenda's folder",
						paper);
				}
			}
		}
		/* Named after the item's number, so "#item-9" finds item 9 in any
		 * pack; positions break ties between items numbered alike. */
		struct bc_buf name = {0};
		bc_buf_adds(&name, "item-");
		for (const char *q = it.number; q && *q; q++)
			if ((*q >= '0' && *q <= '9') || (*q >= 'a' && *q <= 'z') ||
			    (*q >= 'A' && *q <= 'Z'))
				bc_buf_addc(&name, *q);
		for (size_t k = 0; k < n; k++)
			if (strcmp(items[k].dest, name.data) == 0)
				bc_buf_printf(&name, ".%zu", n + 1);
		it.dest = bc_buf_detach(&name);
		BC_PUSH(items, n, cap, it);
	}
	*n_out = n;
	return items;
}

/* One document of the pack, in order. */
struct part {
	struct bc_doc *doc;
	bool owned; /* freed with the pack (fillers, notices, agenda) */
	char *outline;
	const char *dest;
};

static void add_part(struct part **parts, size_t *n, size_t *cap, struct bc_doc *doc, bool owned,
		     char *outline, const char *dest)
{
	struct part p = {doc, owned, outline, dest};
	BC_PUSH(*parts, *n, *cap, p);
}

static int build(const struct options *o)
{
	struct bc_diag d;
	bc_diag_init(&d, o->agenda, stderr);
	struct bc_xml *x = bc_xml_new();
	struct bc_limits lim = BC_LIMITS_DEFAULT;
	struct bc_paper *agenda = bc_paper_load(x, o->agenda, o->style, &lim, &d);
	struct bc_node *root = agenda->root;
	if (root && root->kind != BC_AGENDA)
		bc_diag(&d, BC_ERROR, root->line, root->col, "'%s' is a <%s>, not an <agenda>",
			o->agenda, bc_kind_name(root->kind));
	size_t nitems = 0;
	struct bc_pack_item *items =
	    root && root->kind == BC_AGENDA ? read_items(root, agenda->dir, o, &nitems, &d) : NULL;
	struct job *jobs = bc_xcalloc(nitems + 1, sizeof *jobs);
	size_t njobs = 0;
	for (size_t i = 0; i < nitems && !d.errors; i++)
		if (items[i].paper && !items[i].left_out)
			jobs[njobs++] = (struct job){.item = &items[i], .style_path = o->style};
	if (!d.errors)
		run_jobs(jobs, njobs, o->jobs);
	int bad = 0;
	for (size_t j = 0; j < njobs; j++) {
		if (jobs[j].log_len)
			fwrite(jobs[j].log, 1, jobs[j].log_len, stderr);
		d.io_error |= jobs[j].io_error;
		if (jobs[j].errors || !jobs[j].doc)
			bad++;
	}
	if (o->print_deps || o->deps) {
		FILE *out = o->print_deps ? stdout : fopen(o->deps, "w");
		if (!out) {
			bc_diag(&d, BC_ERROR, 0, 0, "cannot write '%s': %s", o->deps,
				strerror(errno));
			d.io_error = 1;
		} else {
			char *pdf = o->output ? bc_xstrdup(o->output) : default_output(o->agenda);
			fprintf(out, "%s: %s", pdf, o->agenda);
			if (o->style)
				fprintf(out, " \\\n  %s", o->style);
			for (size_t j = 0; j < njobs; j++)
				paper_deps(out, jobs[j].paper, jobs[j].item->paper);
			fputc('\n', out);
			free(pdf);
			if (out != stdout)
				fclose(out);
		}
	}
	bool write = !o->print_deps && !d.errors && (bad == 0 || o->keep_going);
	if (bad)
		d.errors += bad;

	struct part *parts = NULL;
	size_t nparts = 0, pcap = 0;
	struct bc_doc *agenda_doc = NULL;
	const struct bc_style *st = agenda->style;
	int first = 1;
	const char *fp = root ? bc_node_attr(root, "first-page") : NULL;
	if (fp) {
		char *end;
		long v = strtol(fp, &end, 10);
		if (*end || v < 1 || v > 100000) {
			bc_diag(&d, BC_ERROR, root->line, root->col,
				"first-page '%s' must be a page number from 1 to 100000", fp);
			write = false;
		} else {
			first = (int)v;
		}
	}
	bool blanks = !(root && bc_node_attr_is(root, "blank-pages", "no"));
	if (write && st) {
		/* Notices for exempt items and papers that failed. */
		for (size_t i = 0, j = 0; i < nitems; i++) {
			struct bc_pack_item *it = &items[i];
			if (it->paper && !it->left_out) {
				struct job *jb = &jobs[j++];
				if (!jb->doc || jb->errors) {
					bc_doc_free(jb->doc);
					char *h =
					    bc_xasprintf("Item %s: %s", it->number, it->title);
					jb->doc = bc_pack_notice(
					    st, h,
					    "This paper could not be included: it has errors. The "
					    "build log lists them with their lines.",
					    &d);
					free(h);
				}
			}
		}
		/* The agenda's page count decides where papers start; its page
		 * ranges decide nothing else, so two passes settle it. */
		for (int pass = 0; pass < 3; pass++) {
			bc_doc_free(agenda_doc);
			agenda_doc = bc_pack_agenda(root, st, items, nitems, &d);
			int page = first + (int)agenda_doc->npages;
			bool changed = false;
			for (size_t i = 0, j = 0; i < nitems; i++) {
				struct bc_pack_item *it = &items[i];
				struct bc_doc *doc = NULL;
				if (it->paper && !it->left_out)
					doc = jobs[j++].doc;
				int f = 0, l = 0;
				if (doc || it->left_out) {
					if (blanks && page % 2 == 0)
						page++;
					int np = doc ? (int)doc->npages : 1;
					f = page;
					l = page + np - 1;
					page += np;
				}
				changed |= f != it->first_page || l != it->last_page;
				it->first_page = f;
				it->last_page = l;
			}
			if (!changed && pass > 0)
				break;
		}
		add_part(&parts, &nparts, &pcap, agenda_doc, true, bc_xstrdup("Agenda"), NULL);
		int page = first + (int)agenda_doc->npages;
		for (size_t i = 0, j = 0; i < nitems; i++) {
			struct bc_pack_item *it = &items[i];
			struct bc_doc *doc = NULL;
			bool owned = false;
			if (it->paper && !it->left_out) {
				doc = jobs[j++].doc;
			} else if (it->left_out) {
				char *h = bc_xasprintf("Item %s: %s", it->number, it->title);
				char *t = bc_xasprintf(
				    "This item is exempt from publication under paragraph %s of "
				    "Schedule 12A to the Local Government Act 1972. Its papers are "
				    "not in the public pack.",
				    it->exempt);
				doc = bc_pack_notice(st, h, t, &d);
				owned = true;
				free(h);
				free(t);
			}
			if (!doc)
				continue;
			if (blanks && page % 2 == 0) {
				struct bc_doc *filler = bc_pack_notice(
				    st, NULL, "This page is intentionally left blank", &d);
				add_part(&parts, &nparts, &pcap, filler, true, NULL, NULL);
				page++;
			}
			doc->dest_prefix = bc_xasprintf("i%zu.", i + 1);
			add_part(&parts, &nparts, &pcap, doc, owned,
				 bc_xasprintf("Item %s: %s", it->number, it->title), it->dest);
			page += (int)doc->npages;
		}
		/* Pack page numbers on every page. */
		int n = first;
		for (size_t k = 0; k < nparts; k++) {
			bc_pack_stamp(parts[k].doc, n, &d);
			n += (int)parts[k].doc->npages;
		}
	}
	if (write && st && nparts) {
		const char *env = getenv("SOURCE_DATE_EPOCH");
		char date[32] = "";
		if (env && *env) {
			time_t t = (time_t)strtoll(env, NULL, 10);
			struct tm tm;
			gmtime_r(&t, &tm);
			strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &tm);
		}
		char *pdf = o->output ? bc_xstrdup(o->output) : default_output(o->agenda);
		struct bc_render_part *rp = bc_xcalloc(nparts, sizeof *rp);
		for (size_t k = 0; k < nparts; k++)
			rp[k] = (struct bc_render_part){parts[k].doc, parts[k].outline,
							parts[k].outline == NULL, parts[k].dest};
		char creator[64];
		snprintf(creator, sizeof creator, "boardc %s", BOARDC_VERSION);
		struct bc_render_opts opts = {.date = date[0] ? date : NULL,
					      .creator = creator,
					      .meta = agenda_doc,
					      .first_label = first};
		struct bc_out out;
		struct bc_diag od;
		bc_diag_init(&od, pdf, stderr);
		if (bc_out_open(&out, pdf, &od) == 0) {
			if (bc_render_pdf_parts(rp, nparts, out.fp, &opts, &od) == 0)
				bc_out_commit(&out, &od);
			else
				bc_out_abort(&out);
		}
		d.errors += od.errors;
		d.io_error |= od.io_error;
		free(rp);
		free(pdf);
	}
	for (size_t k = 0; k < nparts; k++) {
		if (parts[k].owned)
			bc_doc_free(parts[k].doc);
		free(parts[k].outline);
	}
	free(parts);
	for (size_t j = 0; j < njobs; j++) {
		bc_doc_free(jobs[j].doc);
		bc_paper_free(jobs[j].paper);
		free(jobs[j].log);
	}
	free(jobs);
	for (size_t i = 0; i < nitems; i++) {
		free(items[i].paper);
		free(items[i].dest);
	}
	free(items);
	bc_paper_free(agenda);
	bc_xml_free(x);
	return bc_exit_status(&d);
}

int bc_cmd_pack(int argc, char **argv)
{
	struct options o = {0};
	int rc = parse_args(argc, argv, &o);
	if (rc != 0)
		return rc < 0 ? BC_EXIT_OK : rc;
	if (!o.print_deps && o.output && strcmp(o.output, o.agenda) == 0)
		return bc_usage_error("output '%s' would overwrite the agenda", o.output,
				      usage_pack);
	return build(&o);
}
