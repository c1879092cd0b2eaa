/* render_img.c - pages as images: PNG at a chosen resolution, or SVG; one
 * file per page, for previews and for tests that probe pixels. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-svg.h>

#include "output.h"
#include "render.h"
#include "util.h"

/* "dir/x.png" + 3 -> "dir/x-3.png" (the extension is kept). */
static char *page_path(const char *out, size_t page)
{
	const char *slash = strrchr(out, '/');
	const char *dot = strrchr(out, '.');
	if (!dot || (slash && dot < slash))
		return bc_xasprintf("%s-%zu", out, page);
	return bc_xasprintf("%.*s-%zu%s", (int)(dot - out), out, page, dot);
}

static int one_page(const struct bc_doc *doc, size_t p, const char *path, enum bc_format format,
		    double dpi, struct bc_diag *d)
{
	struct bc_out out;
	if (bc_out_open(&out, path, d) != 0)
		return -1;
	struct bc_sink sink = {out.fp, false};
	const struct bc_style *st = doc->st;
	cairo_surface_t *surface;
	double scale = format == BC_FORMAT_PNG ? dpi / 72.0 : 1.0;
	if (format == BC_FORMAT_SVG) {
		surface = cairo_svg_surface_create_for_stream(bc_render_write, &sink, st->page_w,
							      st->page_h);
	} else {
		surface =
		    cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)ceil(st->page_w * scale),
					       (int)ceil(st->page_h * scale));
	}
	cairo_t *cr = cairo_create(surface);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, scale, scale);
	bc_render_page(cr, doc, p, NULL);
	cairo_status_t status = cairo_status(cr);
	cairo_destroy(cr);
	if (status == CAIRO_STATUS_SUCCESS && format == BC_FORMAT_PNG)
		status = cairo_surface_write_to_png_stream(surface, bc_render_write, &sink);
	cairo_surface_finish(surface);
	if (status == CAIRO_STATUS_SUCCESS)
		status = cairo_surface_status(surface);
	cairo_surface_destroy(surface);
	if (status != CAIRO_STATUS_SUCCESS || sink.failed) {
		bc_diag(d, BC_ERROR, 0, 0, "writing '%s' failed: %s", path,
			sink.failed ? "short write (disk full?)" : cairo_status_to_string(status));
		d->io_error = 1;
		bc_out_abort(&out);
		return -1;
	}
	return bc_out_commit(&out, d);
}

int bc_render_images(const struct bc_doc *doc, const char *out, enum bc_format format, double dpi,
		     struct bc_diag *d)
{
	for (size_t p = 0; p < doc->npages; p++) {
		char *path = page_path(out, p + 1);
		int rc = one_page(doc, p, path, format, dpi, d);
		free(path);
		if (rc != 0)
			return -1;
	}
	return 0;
}
