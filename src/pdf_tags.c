/* pdf_tags.c - markers and script events for the structure tree
 * (pdf_tags.h). */
#include "pdf_tags.h"

#include <string.h>

/* The marker: drawn in device space, outside any clip, in an opaque solid
 * colour (Cairo drops a fill it cannot see), over whatever source is set
 * when that is already solid and opaque, so no colour operator comes
 * with it. */
static void marker(cairo_t *cr)
{
	cairo_save(cr);
	cairo_reset_clip(cr);
	cairo_identity_matrix(cr);
	cairo_set_operator(cr, CAIRO_OPERATOR_OVER);
	double r, g, b, a;
	cairo_pattern_t *src = cairo_get_source(cr);
	if (cairo_pattern_get_type(src) != CAIRO_PATTERN_TYPE_SOLID ||
	    cairo_pattern_get_rgba(src, &r, &g, &b, &a) != CAIRO_STATUS_SUCCESS || a < 1)
		cairo_set_source_rgb(cr, 0, 0, 0);
	cairo_new_path(cr);
	cairo_rectangle(cr, 0.125, 0.125, 0.25, 0.25);
	cairo_fill(cr);
	cairo_restore(cr);
}

void bc_pdf_tag_begin(cairo_t *cr, struct bc_buf *script, const char *type, const char *alt,
		      char scope)
{
	bc_buf_addc(script, BC_PDF_EV_BEGIN);
	bc_buf_add(script, type, strlen(type) + 1);
	bc_buf_add(script, alt ? alt : "", strlen(alt ? alt : "") + 1);
	bc_buf_addc(script, scope ? scope : '-');
	marker(cr);
}

void bc_pdf_tag_end(cairo_t *cr, struct bc_buf *script)
{
	bc_buf_addc(script, BC_PDF_EV_END);
	marker(cr);
}

void bc_pdf_tag_suspend(cairo_t *cr, struct bc_buf *script)
{
	bc_buf_addc(script, BC_PDF_EV_SUSPEND);
	marker(cr);
}

void bc_pdf_tag_resume(cairo_t *cr, struct bc_buf *script)
{
	bc_buf_addc(script, BC_PDF_EV_RESUME);
	marker(cr);
}

/* v to two decimals, whatever the locale. */
static void num(struct bc_buf *b, double v, char after)
{
	long long scaled = (long long)(v * 100 + (v < 0 ? -0.5 : 0.5));
	bool neg = scaled < 0;
	if (neg)
		scaled = -scaled;
	bc_buf_printf(b, "%s%lld.%02lld", neg ? "-" : "", scaled / 100, scaled % 100);
	bc_buf_addc(b, after);
}

void bc_pdf_tag_link(struct bc_buf *script, double x, double y, double w, double h, double h_page,
		     bool uri, const char *target, const char *text)
{
	bc_buf_addc(script, BC_PDF_EV_LINK);
	num(script, x, ' ');
	num(script, h_page - y - h, ' ');
	num(script, x + w, ' ');
	num(script, h_page - y, '\0');
	bc_buf_addc(script, uri ? 'U' : 'D');
	bc_buf_add(script, target, strlen(target) + 1);
	bc_buf_add(script, text, strlen(text) + 1);
}

void bc_pdf_tag_part(struct bc_buf *script, const char *title)
{
	bc_buf_addc(script, BC_PDF_EV_PART);
	bc_buf_add(script, title ? title : "", strlen(title ? title : "") + 1);
}
