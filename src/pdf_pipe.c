/* pdf_pipe.c - the PDF finisher on its own thread (pdf_pipe.h).
 *
 * The drawing thread appends Cairo's writes to `fill`; a full block goes on
 * the queue under the lock, and the finisher thread takes blocks off in
 * order and runs the filter on each. Blocks are reused, so a long document
 * allocates a handful of them in all.
 *
 * A failed write (a full disk) is never reported to Cairo: Cairo 1.16 with
 * a structure tree aborts on an assertion in cairo_surface_finish when its
 * stream has failed. Cairo finishes normally, the filter drops the rest,
 * and bc_pdf_pipe_end reports the failure (bc_pdf_filter_end). */
#include "pdf_pipe.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

enum { BLOCK = 64 * 1024, MAX_QUEUED = 8 };

struct block {
	unsigned char *data;
	size_t len;
};

struct bc_pdf_pipe {
	struct bc_pdf_filter *f; /* used only by the finisher thread while it runs,
				  * but for bc_pdf_filter_page, which locks */
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t cond;
	struct block fill; /* the drawing thread's block */
	/* Under the lock: */
	struct block queue[MAX_QUEUED]; /* blocks to filter, oldest at `head` */
	size_t head, nqueued;
	struct block spare[MAX_QUEUED + 1]; /* filtered blocks, to reuse */
	size_t nspare;
	bool busy;     /* the finisher is filtering a block */
	bool ending;   /* no more blocks will come */
	bool threaded; /* else (no thread could start) the filter runs inline */
};

static void *finisher(void *arg)
{
	struct bc_pdf_pipe *p = arg;
	pthread_mutex_lock(&p->lock);
	for (;;) {
		while (p->nqueued == 0 && !p->ending)
			pthread_cond_wait(&p->cond, &p->lock);
		if (p->nqueued == 0)
			break;
		struct block b = p->queue[p->head];
		p->head = (p->head + 1) % MAX_QUEUED;
		p->nqueued--;
		p->busy = true;
		pthread_mutex_unlock(&p->lock);
		bc_pdf_filter_write(p->f, b.data, (unsigned int)b.len);
		pthread_mutex_lock(&p->lock);
		p->busy = false;
		b.len = 0;
		p->spare[p->nspare++] = b;
		pthread_cond_broadcast(&p->cond);
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

struct bc_pdf_pipe *bc_pdf_pipe_new(struct bc_pdf_filter *f)
{
	struct bc_pdf_pipe *p = bc_xcalloc(1, sizeof *p);
	p->f = f;
	p->fill.data = bc_xmalloc(BLOCK);
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->cond, NULL);
	p->threaded = pthread_create(&p->thread, NULL, finisher, p) == 0;
	return p;
}

/* Queue the fill block (waiting while the queue is full) and take a spare
 * one in its place. */
static void pass_on(struct bc_pdf_pipe *p)
{
	if (!p->threaded) {
		bc_pdf_filter_write(p->f, p->fill.data, (unsigned int)p->fill.len);
		p->fill.len = 0;
		return;
	}
	pthread_mutex_lock(&p->lock);
	while (p->nqueued == MAX_QUEUED)
		pthread_cond_wait(&p->cond, &p->lock);
	p->queue[(p->head + p->nqueued) % MAX_QUEUED] = p->fill;
	p->nqueued++;
	pthread_cond_broadcast(&p->cond);
	if (p->nspare > 0) {
		p->fill = p->spare[--p->nspare];
	} else {
		p->fill.data = bc_xmalloc(BLOCK);
		p->fill.len = 0;
	}
	pthread_mutex_unlock(&p->lock);
}

cairo_status_t bc_pdf_pipe_write(void *closure, const unsigned char *data, unsigned int len)
{
	struct bc_pdf_pipe *p = closure;
	while (len > 0) {
		size_t n = BLOCK - p->fill.len < len ? BLOCK - p->fill.len : len;
		memcpy(p->fill.data + p->fill.len, data, n);
		p->fill.len += n;
		data += n;
		len -= (unsigned int)n;
		if (p->fill.len == BLOCK)
			pass_on(p);
	}
	return CAIRO_STATUS_SUCCESS;
}

void bc_pdf_pipe_page(struct bc_pdf_pipe *p, struct bc_buf *script)
{
	size_t len = script->len;
	char *data = script->data ? bc_buf_detach(script) : NULL;
	bc_pdf_filter_page(p->f, data, len);
}

struct bc_pdf_filter *bc_pdf_pipe_sync(struct bc_pdf_pipe *p)
{
	if (p->fill.len > 0)
		pass_on(p);
	pthread_mutex_lock(&p->lock);
	while (p->nqueued > 0 || p->busy)
		pthread_cond_wait(&p->cond, &p->lock);
	pthread_mutex_unlock(&p->lock);
	return p->f;
}

int bc_pdf_pipe_end(struct bc_pdf_pipe *p, struct bc_diag *d)
{
	if (p->fill.len > 0)
		pass_on(p);
	if (p->threaded) {
		pthread_mutex_lock(&p->lock);
		p->ending = true;
		pthread_cond_broadcast(&p->cond);
		pthread_mutex_unlock(&p->lock);
		pthread_join(p->thread, NULL);
	}
	int rc = bc_pdf_filter_end(p->f, d);
	free(p->fill.data);
	for (size_t i = 0; i < p->nspare; i++)
		free(p->spare[i].data);
	pthread_mutex_destroy(&p->lock);
	pthread_cond_destroy(&p->cond);
	free(p);
	return rc;
}
