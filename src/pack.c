/* pack.c - boardc pack: an agenda and its papers as one published PDF.
 *
 * Papers are independent, so worker threads read and lay them out (-j),
 * each with its own XML context and Pango font maps, while this thread
 * draws the finished papers into the PDF in item order; as soon as a paper
 * is drawn its worker frees it, so memory holds a few papers, not the pack.
 * Each worker has two font maps and lays papers out in them by turns, and
 * waits until a map's last paper has been drawn before it uses that map
 * again, so no font map is used by two threads at once while drawing and
 * layout overlap. Page numbers, fillers, stamps and all drawing happen on
 * this thread, in item order, so the output is the same whatever -j is.
 * The agenda, whose page ranges are known only at the end, is drawn last
 * and moved to the front of the file (render_pdf.c); its page count is
 * fixed beforehand with the widest page ranges in place. */
#include <errno.h>
#include <libgen.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <pango/pangocairo.h>

#include "commands.h"
#include "datadir.h"
#include "metrics_lock.h"
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
	bool done, drawn;
};

struct queue {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	struct job *jobs;
	size_t njobs, next, ndone;
	bool progress;
};

/* x: the thread's own compiled schema (compiling it is 1.5% of a pack's
 * work, so each thread does it once, not once a paper). */
static void run_job(struct job *j, struct bc_xml *x)
{
	FILE *log = open_memstream(&j->log, &j->log_len);
	struct bc_diag d;
	bc_diag_init(&d, j->item->paper, log ? log : stderr);
	struct bc_limits lim = BC_LIMITS_DEFAULT;
	j->paper = bc_paper_load(x, j->item->paper, j->style_path, &lim, &d);
	if (j->paper->root && j->paper->root->kind != BC_PAPER)
		bc_diag(&d, BC_ERROR, j->paper->root->line, j->paper->root->col,
			"an agenda item's paper must be a <paper>");
	if (j->paper->root && j->paper->style && !d.errors)
		j->doc = bc_layout(j->paper->root, j->paper->style, j->paper->tmpl, j->paper->dir,
				   1, &d);
	j->errors = d.errors;
	j->io_error = d.io_error;
	if (log)
		fclose(log);
}

/* The paper and its layout, freed by the thread that made them (a free
 * into another thread's malloc arena takes that arena's lock, which its
 * owner is busy taking). */
static void job_free(struct job *j)
{
	if (!j)
		return;
	bc_doc_free(j->doc);
	j->doc = NULL;
	bc_paper_free(j->paper);
	j->paper = NULL;
}

/* A worker lays papers out in two font maps by turns: while this thread
 * draws the paper laid out in one map, the worker goes on with the next
 * paper in the other. Before it uses a map again it waits until that map's
 * last paper has been drawn and freed, so no map is used by two threads at
 * once, and memory holds at most two papers a worker. */
static void *worker(void *arg)
{
	struct queue *q = arg;
	PangoFontMap *maps[2] = {pango_cairo_font_map_new(), pango_cairo_font_map_new()};
	struct bc_xml *x = bc_xml_new();
	struct job *last[2] = {NULL, NULL};
	int turn = 0;
	pthread_mutex_lock(&q->lock);
	for (;;) {
		while (last[turn] && !last[turn]->drawn)
			pthread_cond_wait(&q->cond, &q->lock);
		job_free(last[turn]);
		if (q->next >= q->njobs)
			break;
		struct job *j = &q->jobs[q->next++];
		pthread_mutex_unlock(&q->lock);
		pango_cairo_font_map_set_default(PANGO_CAIRO_FONT_MAP(maps[turn]));
		run_job(j, x);
		pthread_mutex_lock(&q->lock);
		j->done = true;
		q->ndone++;
		if (q->progress) {
			fprintf(stderr, "\r\033[K[%zu/%zu] item %s: %.50s", q->ndone, q->njobs,
				j->item->number, j->item->title);
			fflush(stderr);
		}
		pthread_cond_broadcast(&q->cond);
		last[turn] = j;
		if (!getenv("ONEMAP"))
			turn ^= 1;
	}
	/* Both maps free of papers before they go. */
	turn ^= 1;
	while (last[turn] && !last[turn]->drawn)
		pthread_cond_wait(&q->cond, &q->lock);
	job_free(last[turn]);
	pthread_mutex_unlock(&q->lock);
	bc_xml_free(x);
	pango_cairo_font_map_set_default(NULL);
	g_object_unref(maps[0]);
	g_object_unref(maps[1]);
	return NULL;
}

/* Papers laid out by `nthreads` workers, or on this thread with one. */
struct pool {
	struct queue q;
	pthread_t *threads;
	int started;
};

static void pool_start(struct pool *p, struct job *jobs, size_t n, int nthreads)
{
	*p = (struct pool){.q = {.jobs = jobs, .njobs = n, .progress = isatty(2) == 1}};
	pthread_mutex_init(&p->q.lock, NULL);
	pthread_cond_init(&p->q.cond, NULL);
	if (nthreads <= 1 || n == 0)
		return;
	if ((size_t)nthreads > n)
		nthreads = (int)n;
	p->threads = bc_xcalloc((size_t)nthreads, sizeof *p->threads);
	for (int t = 0; t < nthreads; t++)
		if (pthread_create(&p->threads[p->started], NULL, worker, &p->q) == 0)
			p->started++;
}

/* The next paper in item order, laid out. */
static struct job *pool_take(struct pool *p, size_t i, struct bc_xml *x)
{
	struct job *j = &p->q.jobs[i];
	if (p->started == 0) {
		run_job(j, x);
		return j;
	}
	pthread_mutex_lock(&p->q.lock);
	while (!j->done)
		pthread_cond_wait(&p->q.cond, &p->q.lock);
	pthread_mutex_unlock(&p->q.lock);
	return j;
}

/* The paper is drawn: its worker may free it and go on. */
static void pool_release(struct pool *p, struct job *j)
{
	if (p->started == 0)
		job_free(j);
	free(j->log);
	j->log = NULL;
	pthread_mutex_lock(&p->q.lock);
	j->drawn = true;
	pthread_cond_broadcast(&p->q.cond);
	pthread_mutex_unlock(&p->q.lock);
}

static void pool_finish(struct pool *p)
{
	for (int t = 0; t < p->started; t++)
		pthread_join(p->threads[t], NULL);
	free(p->threads);
	pthread_cond_destroy(&p->q.cond);
	pthread_mutex_destroy(&p->q.lock);
	if (p->q.progress && p->started)
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
	o->jobs = bc_jobs_default();
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
			o->jobs = bc_jobs_parse(v);
			if (!o->jobs)
				return bc_usage_error("-j needs a number of threads from 1 to 64, "
						      "not '%s'",
						      v ? v : "", usage_pack);
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
				} else if (!bc_path_inside(dir, it.paper)) {
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
/* The writer with the pack's page count so far. */
struct pack_out {
	struct bc_pdf_writer *w;
	int page; /* the next page's pack number */
	bool blanks;
	const struct bc_style *st;
};

/* Add doc (owned: freed here) as the next part, after a filler page if it
 * would start on a left-hand page. */
static void add_doc(struct pack_out *po, struct bc_doc *doc, char *outline, const char *dest,
		    bool owned, struct bc_diag *d)
{
	if (po->blanks && po->page % 2 == 0) {
		struct bc_doc *filler =
		    bc_pack_notice(po->st, NULL, "This page is intentionally left blank", d);
		bc_pack_stamp(filler, po->page, d);
		struct bc_render_part fp = {filler, NULL, true, NULL};
		bc_pdf_writer_add(po->w, &fp, d);
		bc_doc_free(filler);
		po->page++;
	}
	bc_pack_stamp(doc, po->page, d);
	struct bc_render_part part = {doc, outline, false, dest};
	bc_pdf_writer_add(po->w, &part, d);
	po->page += (int)doc->npages;
	free(outline);
	if (owned)
		bc_doc_free(doc);
}

static char *item_heading(const struct bc_pack_item *it)
{
	return bc_xasprintf("Item %s: %s", it->number, it->title);
}

/* Draw one item: its paper (or a notice in its place). */
static void add_item(struct pack_out *po, struct bc_pack_item *it, size_t index, struct job *jb,
		     struct bc_diag *d)
{
	struct bc_doc *doc = NULL;
	bool owned = false;
	if (jb && jb->doc && !jb->errors) {
		doc = jb->doc;
	} else if (jb) {
		char *h = item_heading(it);
		doc = bc_pack_notice(po->st, h,
				     "This paper could not be included: it has errors. The build "
				     "log lists them with their lines.",
				     d);
		owned = true;
		free(h);
	} else if (it->left_out) {
		char *h = item_heading(it);
		char *t =
		    bc_xasprintf("This item is exempt from publication under paragraph %s of "
				 "Schedule 12A to the Local Government Act 1972. Its papers are "
				 "not in the public pack.",
				 it->exempt);
		doc = bc_pack_notice(po->st, h, t, d);
		owned = true;
		free(h);
		free(t);
	}
	if (!doc)
		return;
	doc->dest_prefix = bc_xasprintf("i%zu.", index + 1);
	int start = po->page + (po->blanks && po->page % 2 == 0);
	add_doc(po, doc, item_heading(it), it->dest, owned, d);
	it->first_page = start;
	it->last_page = po->page - 1;
}

/* The agenda with every item's page range as wide as it can be, for its
 * page count before any paper is drawn. */
static struct bc_doc *provisional_agenda(const struct bc_node *root, const struct bc_style *st,
					 struct bc_pack_item *items, size_t nitems,
					 struct bc_diag *d)
{
	for (size_t i = 0; i < nitems; i++) {
		bool pages = items[i].left_out || (items[i].paper && !items[i].left_out);
		items[i].first_page = pages ? 88888 : 0;
		items[i].last_page = pages ? 88889 : 0;
	}
	struct bc_doc *doc = bc_pack_agenda(root, st, items, nitems, d);
	for (size_t i = 0; i < nitems; i++)
		items[i].first_page = items[i].last_page = 0;
	return doc;
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
	int first = 1;
	const char *fp = root ? bc_node_attr(root, "first-page") : NULL;
	if (fp) {
		char *end;
		long v = strtol(fp, &end, 10);
		if (*end || v < 1 || v > 100000)
			bc_diag(&d, BC_ERROR, root->line, root->col,
				"first-page '%s' must be a page number from 1 to 100000", fp);
		else
			first = (int)v;
	}
	struct job *jobs = bc_xcalloc(nitems + 1, sizeof *jobs);
	struct job **job_of = bc_xcalloc(nitems + 1, sizeof *job_of);
	size_t njobs = 0;
	for (size_t i = 0; i < nitems && !d.errors; i++)
		if (items[i].paper && !items[i].left_out) {
			job_of[i] = &jobs[njobs];
			jobs[njobs++] = (struct job){.item = &items[i], .style_path = o->style};
		}
	char *pdf = o->output ? bc_xstrdup(o->output) : default_output(o->agenda);
	char *deps = NULL;
	size_t deps_len = 0;
	FILE *depf = (o->print_deps || o->deps) ? open_memstream(&deps, &deps_len) : NULL;
	if (depf) {
		fprintf(depf, "%s: %s", pdf, o->agenda);
		if (o->style)
			fprintf(depf, " \\\n  %s", o->style);
	}

	/* The output is opened before the papers are read: pages go out as
	 * they are drawn, and nothing is left if the pack fails. */
	const struct bc_style *st = agenda->style;
	struct pack_out po = {.page = first,
			      .blanks = !(root && bc_node_attr_is(root, "blank-pages", "no")),
			      .st = st};
	struct bc_out out = {0};
	bool writing = false;
	int agenda_pages = 0;
	char *date = NULL;
	char creator[64];
	snprintf(creator, sizeof creator, "boardc %s", BOARDC_VERSION);
	struct bc_diag od; /* about the output, named as the user named it */
	bc_diag_init(&od, strcmp(pdf, "-") ? pdf : "standard output", stderr);
	/* The workers start on the papers while this thread sets the agenda.
	 * Papers laid out side by side must break lines as they would alone. */
	struct pool pool;
	if (o->jobs > 1 && njobs > 0)
		bc_metrics_lock_install(st ? st->font : "Sans", st ? st->body_size : 10);
	pool_start(&pool, jobs, njobs, o->jobs);
	if (!o->print_deps && !d.errors && st) {
		struct bc_doc *pre = provisional_agenda(root, st, items, nitems, &d);
		if (pre && !d.errors && bc_out_open(&out, pdf, &od) == 0) {
			const char *env = getenv("SOURCE_DATE_EPOCH");
			if (env && *env) {
				time_t t = (time_t)strtoll(env, NULL, 10);
				struct tm tm;
				gmtime_r(&t, &tm);
				date = bc_xmalloc(32);
				strftime(date, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
			}
			struct bc_render_opts opts = {
			    .date = date, .creator = creator, .meta = pre, .first_label = first};
			po.w = bc_pdf_writer_new(out.fp, pre, &opts);
			agenda_pages = (int)pre->npages;
			po.page = first + agenda_pages;
			writing = true;
		}
		bc_doc_free(pre);
	}

	int paper_errors = 0; /* with --keep-going, the pack is still written */
	for (size_t i = 0; i < nitems; i++) {
		struct job *jb = job_of[i] ? pool_take(&pool, (size_t)(job_of[i] - jobs), x) : NULL;
		if (jb) {
			if (jb->log_len)
				fwrite(jb->log, 1, jb->log_len, stderr);
			d.io_error |= jb->io_error;
			if (jb->errors || !jb->doc) {
				paper_errors++;
				if (!o->keep_going)
					writing = false;
			}
			if (depf)
				paper_deps(depf, jb->paper, jb->item->paper);
		}
		if (writing)
			add_item(&po, &items[i], i, jb, &d);
		if (jb)
			pool_release(&pool, jb);
	}
	pool_finish(&pool);

	if (writing) {
		/* The agenda, now with its page ranges, drawn last and moved to
		 * the front; the widest ranges gave it at least as many pages. */
		struct bc_doc *ag = bc_pack_agenda(root, st, items, nitems, &d);
		size_t lead = 0;
		if (!ag || (int)ag->npages > agenda_pages) {
			bc_diag(&d, BC_ERROR, 0, 0, "the agenda's page ranges made it longer");
			writing = false;
		} else {
			bc_pack_stamp(ag, first, &d);
			int spare = agenda_pages - (int)ag->npages;
			struct bc_render_part part = {ag, "Agenda", false, NULL};
			bc_pdf_writer_add(po.w, &part, &d);
			lead = 1;
			for (int k = 0; k < spare; k++, lead++) {
				struct bc_doc *filler = bc_pack_notice(
				    st, NULL, "This page is intentionally left blank", &d);
				bc_pack_stamp(filler, first + (int)ag->npages + k, &d);
				struct bc_render_part fpart = {filler, NULL, true, NULL};
				bc_pdf_writer_add(po.w, &fpart, &d);
				bc_doc_free(filler);
			}
		}
		bc_doc_free(ag);
		if (bc_pdf_writer_end(po.w, lead, &od) == 0 && writing && !d.errors)
			bc_out_commit(&out, &od);
		else
			bc_out_abort(&out);
	} else if (po.w) { /* a paper failed: what was drawn goes, quietly */
		char *junk = NULL;
		size_t junk_len = 0;
		FILE *jf = open_memstream(&junk, &junk_len);
		struct bc_diag quiet;
		bc_diag_init(&quiet, pdf, jf ? jf : stderr);
		bc_pdf_writer_end(po.w, 0, &quiet);
		if (jf)
			fclose(jf);
		free(junk);
		bc_out_abort(&out);
	} else if (out.fp) {
		bc_out_abort(&out);
	}
	d.errors += od.errors + paper_errors;
	d.io_error |= od.io_error;

	if (depf) {
		fputc('\n', depf);
		fclose(depf);
		FILE *dout = o->print_deps ? stdout : fopen(o->deps, "w");
		if (!dout) {
			bc_diag(&d, BC_ERROR, 0, 0, "cannot write '%s': %s", o->deps,
				strerror(errno));
			d.io_error = 1;
		} else {
			fwrite(deps, 1, deps_len, dout);
			if (dout != stdout)
				fclose(dout);
		}
		free(deps);
	}
	free(date);
	free(pdf);
	free(jobs);
	free(job_of);
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
