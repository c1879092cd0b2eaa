/* pdf_pipe.h - the PDF finisher (pdf_post.h) on a thread of its own.
 *
 * Cairo writes its PDF in many small pieces from the drawing thread. The
 * pipe gathers them into blocks and hands each block to a finisher thread,
 * which runs the filter; so compressing and marking one page overlaps
 * drawing the next. The filter sees the same bytes in the same order as
 * when it is called directly, so the file is the same. At most a few
 * blocks wait at a time: a drawing thread that gets ahead waits.
 * Included by render_pdf.c. */
#ifndef BC_PDF_PIPE_H
#define BC_PDF_PIPE_H

#include <cairo.h>

#include "diag.h"
#include "pdf_post.h"
#include "util.h"

struct bc_pdf_pipe;

/* A pipe into `f`, which it owns from now on. */
struct bc_pdf_pipe *bc_pdf_pipe_new(struct bc_pdf_filter *f);

/* Cairo's write callback; the closure is the pipe. Always succeeds: a
 * failed write is reported by bc_pdf_pipe_end. */
cairo_status_t bc_pdf_pipe_write(void *closure, const unsigned char *data, unsigned int len);

/* The next page's script of structure events (bc_pdf_filter_page); the
 * pipe takes the buffer's data and empties it. */
void bc_pdf_pipe_page(struct bc_pdf_pipe *p, struct bc_buf *script);

/* Waits until the filter has taken everything written so far, and returns
 * it, to be told something (bc_pdf_filter_lead) before the next write. */
struct bc_pdf_filter *bc_pdf_pipe_sync(struct bc_pdf_pipe *p);

/* After cairo_surface_finish: passes on the rest, stops the thread, ends
 * the filter (bc_pdf_filter_end) and frees the pipe. 0, or -1 after a
 * diagnostic. */
int bc_pdf_pipe_end(struct bc_pdf_pipe *p, struct bc_diag *d);

#endif
