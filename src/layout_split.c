/* layout_split.c - a long paper laid out on several threads.
 *
 * Shaping text is most of the work of a build, and a paper's top-level
 * parts (the front sheet, sections, appendices) lay out independently:
 * numbers are set before layout and pages are made after it. So the parts
 * are cut into runs of about equal text; each run after the first is laid
 * out by a thread of its own, in that thread's own Pango font map, while
 * the calling thread does the first. Their blocks are then appended in
 * order, before pagination, and their diagnostics printed in order after
 * the first run's. Lines break as they would on one thread (the metrics
 * lock, metrics_lock.c), so the output is the same for any -j.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "metrics_lock.h"
#include "util.h"

/* Text below which a thread costs more than it saves (font matching in a
 * new font map is about a millisecond; a page of text about two). */
#define MIN_RUN_BYTES 12000
#define MAX_RUNS      8

struct run {
	const struct bc_node *root, *from, *to;
	const struct bc_style *st;
	const struct bc_template *tmpl;
	const char *base_dir, *file;
	struct bc_doc *doc;
	char *log; /* diagnostics, printed after the runs before */
	size_t log_len;
	int errors, warnings, io_error;
	pthread_t thread;
	bool started;
};

struct bc_split {
	struct run runs[MAX_RUNS - 1]; /* the runs after the first */
	size_t n;
};

/* Bytes of text in a subtree, without recursion (trees can be deep). */
static size_t text_bytes(const struct bc_node *top)
{
	size_t sum = 0;
	const struct bc_node *n = top;
	while (n) {
		if (n->text)
			sum += strlen(n->text);
		if (n->first) {
			n = n->first;
			continue;
		}
		while (n != top && !n->next)
			n = n->parent;
		n = n == top ? NULL : n->next;
	}
	return sum;
}

static void *lay_out_run(void *arg)
{
	struct run *r = arg;
	FILE *log = open_memstream(&r->log, &r->log_len);
	struct bc_diag d;
	bc_diag_init(&d, r->file, log ? log : stderr);
	/* This thread's default font map: a new one, used by no other thread
	 * while the run is laid out. */
	r->doc = bc_doc_part(r->st, bc_node_attr(r->root, "lang"));
	struct bc_lctx lc = bc_lctx_init(r->doc, r->root, r->tmpl, r->base_dir, &d);
	bc_layout_parts(&lc, r->from, r->to);
	r->errors = d.errors;
	r->warnings = d.warnings;
	r->io_error = d.io_error;
	if (log)
		fclose(log);
	return NULL;
}

struct bc_split *bc_split_start(const struct bc_doc *doc, const struct bc_node *root,
				const struct bc_template *tmpl, const char *base_dir, int jobs,
				struct bc_diag *d)
{
	if (jobs < 2 || !root->first)
		return NULL;
	size_t total = 0, parts = 0;
	for (const struct bc_node *c = root->first; c; c = c->next, parts++)
		total += text_bytes(c);
	size_t nruns = total / MIN_RUN_BYTES;
	if (nruns > (size_t)jobs)
		nruns = (size_t)jobs;
	if (nruns > MAX_RUNS)
		nruns = MAX_RUNS;
	if (nruns > parts)
		nruns = parts;
	if (nruns < 2)
		return NULL;
	struct bc_split *sp = bc_xcalloc(1, sizeof *sp);
	/* Cut where the text so far passes k/nruns of the whole. */
	const struct bc_node *c = root->first;
	size_t done = 0;
	for (size_t k = 1; k < nruns && c; k++) {
		while (c && (done + text_bytes(c) / 2) * nruns < k * total) {
			done += text_bytes(c);
			c = c->next;
		}
		if (!c || (sp->n && sp->runs[sp->n - 1].from == c) || c == root->first)
			continue;
		if (sp->n)
			sp->runs[sp->n - 1].to = c;
		sp->runs[sp->n++] = (struct run){.root = root,
						 .from = c,
						 .st = doc->st,
						 .tmpl = tmpl,
						 .base_dir = base_dir,
						 .file = d->file};
	}
	if (sp->n == 0) {
		free(sp);
		return NULL;
	}
	/* Threads measuring fonts at once need Pango's metrics serialised. */
	bc_metrics_lock_install_for(doc->pango, doc->font_body);
	for (size_t i = 0; i < sp->n; i++)
		sp->runs[i].started =
		    pthread_create(&sp->runs[i].thread, NULL, lay_out_run, &sp->runs[i]) == 0;
	return sp;
}

const struct bc_node *bc_split_first(const struct bc_split *sp)
{
	return sp ? sp->runs[0].from : NULL;
}

void bc_split_end(struct bc_split *sp, struct bc_doc *doc, struct bc_diag *d)
{
	if (!sp)
		return;
	for (size_t i = 0; i < sp->n; i++) {
		struct run *r = &sp->runs[i];
		if (r->started)
			pthread_join(r->thread, NULL);
		else
			lay_out_run(r); /* no thread to be had: here, in order */
		if (r->log_len)
			fwrite(r->log, 1, r->log_len, d->out);
		free(r->log);
		d->errors += r->errors;
		d->warnings += r->warnings;
		d->io_error |= r->io_error;
		bc_doc_append(doc, r->doc);
	}
	free(sp);
}
