/* render_pdf.c - drawing pages with Cairo's PDF surface: text lines, table
 * rules, images, footnotes, running header and footer, links, outline and
 * metadata.
 *
 * Cairo 1.16 traps handled here (see docs/design.md): a link outside any
 * structure tag corrupts the file, so everything is drawn inside a root
 * Document tag; tag errors surface only at show_page, so the status is
 * checked after every page; link attribute strings are escaped; numbers in
 * attributes are printed locale-free. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "chart.h"
#include "render.h"
#include "util.h"

struct sink {
	FILE *out;
	bool failed;
};

static cairo_status_t write_cb(void *closure, const unsigned char *data, unsigned int len)
{
	struct sink *s = closure;
	if (fwrite(data, 1, len, s->out) != len) {
		s->failed = true;
		return CAIRO_STATUS_WRITE_ERROR;
	}
	return CAIRO_STATUS_SUCCESS;
}

/* A double as "%.2f" with a '.' whatever the locale. */
static void fmt_num(struct bc_buf *b, double v)
{
	long long scaled = (long long)(v * 100 + (v < 0 ? -0.5 : 0.5));
	bool neg = scaled < 0;
	if (neg)
		scaled = -scaled;
	bc_buf_printf(b, "%s%lld.%02lld", neg ? "-" : "", scaled / 100, scaled % 100);
}

/* Single-quoted cairo attribute string with ' and \ escaped. */
static void quoted(struct bc_buf *b, const char *s)
{
	bc_buf_addc(b, '\'');
	for (; *s; s++) {
		if (*s == '\'' || *s == '\\')
			bc_buf_addc(b, '\\');
		bc_buf_addc(b, *s);
	}
	bc_buf_addc(b, '\'');
}

/* The destination name of an anchor: the author's id where there is one,
 * so "paper.pdf#options" works from outside, else a generated name. */
static void dest_name(struct bc_buf *b, const struct bc_doc *doc, const struct bc_anchor *a)
{
	const char *id = a->node ? bc_node_attr(a->node, "id") : NULL;
	if (id)
		bc_buf_adds(b, id);
	else
		bc_buf_printf(b, "bc.%zu", (size_t)(a - doc->anchors));
}

static void dest_attrs(struct bc_buf *b, const struct bc_doc *doc, const struct bc_anchor *a)
{
	struct bc_buf name = {0};
	dest_name(&name, doc, a);
	bc_buf_adds(b, "dest=");
	quoted(b, name.data);
	bc_buf_free(&name);
}

/* Named destinations for every anchor on page p (links may point forward,
 * which Cairo 1.16 resolves only for named destinations). */
static void emit_dests(cairo_t *cr, const struct bc_doc *doc, const size_t *by_page, size_t *next,
		       int p)
{
	for (; *next < doc->nanchors && doc->anchors[by_page[*next]].page == p; (*next)++) {
		const struct bc_anchor *a = &doc->anchors[by_page[*next]];
		struct bc_buf at = {0}, name = {0};
		dest_name(&name, doc, a);
		bc_buf_adds(&at, "name=");
		quoted(&at, name.data);
		bc_buf_adds(&at, " x=0 y=");
		fmt_num(&at, a->y > 12 ? a->y - 12 : 0);
		cairo_tag_begin(cr, CAIRO_TAG_DEST, at.data);
		cairo_tag_end(cr, CAIRO_TAG_DEST);
		bc_buf_free(&at);
		bc_buf_free(&name);
	}
}

struct page_ref {
	int page;
	size_t index;
};

static int cmp_page_ref(const void *a, const void *b)
{
	const struct page_ref *x = a, *y = b;
	if (x->page != y->page)
		return x->page - y->page;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* Anchor indices ordered by page; caller frees. */
static size_t *anchors_by_page(const struct bc_doc *doc)
{
	struct page_ref *refs = bc_xcalloc(doc->nanchors + 1, sizeof *refs);
	for (size_t i = 0; i < doc->nanchors; i++)
		refs[i] = (struct page_ref){doc->anchors[i].page, i};
	if (doc->nanchors > 1)
		qsort(refs, doc->nanchors, sizeof *refs, cmp_page_ref);
	size_t *out = bc_xcalloc(doc->nanchors + 1, sizeof *out);
	for (size_t i = 0; i < doc->nanchors; i++)
		out[i] = refs[i].index;
	free(refs);
	return out;
}

/* Outline entries are added after the last page, when page links work. */
static void page_attrs(struct bc_buf *b, int page, double y)
{
	bc_buf_printf(b, "page=%d pos=[", page + 1);
	fmt_num(b, 0);
	bc_buf_addc(b, ' ');
	fmt_num(b, y > 12 ? y - 12 : 0);
	bc_buf_addc(b, ']');
}
static void set_rgb(cairo_t *cr, struct bc_rgb c)
{
	cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

/* Link annotations for the part of `para` shown by one line whose left
 * edge is at x and baseline at y. */
static void line_links(cairo_t *cr, const struct bc_doc *doc, const struct bc_para *para,
		       PangoLayoutLine *pl, double x, double y, double h, double baseline)
{
	int ls = pl->start_index, le = pl->start_index + pl->length;
	for (size_t i = 0; i < para->nlinks; i++) {
		const struct bc_link *k = &para->links[i];
		int s = k->start > ls ? k->start : ls, e = k->end < le ? k->end : le;
		if (s >= e)
			continue;
		int x0, x1;
		pango_layout_line_index_to_x(pl, s, FALSE, &x0);
		pango_layout_line_index_to_x(pl, e, FALSE, &x1);
		if (x1 < x0) {
			int t = x0;
			x0 = x1;
			x1 = t;
		}
		struct bc_buf a = {0};
		if (k->uri) {
			bc_buf_adds(&a, "uri=");
			quoted(&a, k->uri);
		} else {
			const struct bc_anchor *an =
			    k->target ? bc_doc_anchor(doc, k->target) : NULL;
			if (!an) {
				bc_buf_free(&a);
				continue;
			}
			dest_attrs(&a, doc, an);
		}
		bc_buf_adds(&a, " rect=[");
		fmt_num(&a, x + x0 / (double)PANGO_SCALE);
		bc_buf_addc(&a, ' ');
		fmt_num(&a, y - baseline);
		bc_buf_addc(&a, ' ');
		fmt_num(&a, (x1 - x0) / (double)PANGO_SCALE);
		bc_buf_addc(&a, ' ');
		fmt_num(&a, h);
		bc_buf_addc(&a, ']');
		cairo_tag_begin(cr, CAIRO_TAG_LINK, a.data);
		cairo_tag_end(cr, CAIRO_TAG_LINK);
		bc_buf_free(&a);
	}
}

static void draw_pl(cairo_t *cr, const struct bc_para *p, PangoLayoutLine *pl, double x,
		    double baseline_y)
{
	set_rgb(cr, p->colour);
	cairo_move_to(cr, x, baseline_y);
	pango_cairo_show_layout_line(cr, pl);
}

static void draw_line_item(cairo_t *cr, const struct bc_doc *doc, const struct bc_item *it)
{
	const struct bc_line *l = it->line;
	double base = it->y + l->baseline;
	if (l->label) {
		/* Drawn first, so text extraction reads "2.1 Text"; labels share
		 * the line's baseline and x is in text-block units. */
		double lx = it->x - l->x + l->label_x;
		draw_pl(cr, l->label, pango_layout_get_line_readonly(l->label->layout, 0), lx,
			base);
	}
	draw_pl(cr, l->para, l->pl, it->x, base);
	line_links(cr, doc, l->para, l->pl, it->x, base, l->h, l->baseline);
}

/* A whole para at (x, top): used for footnotes and running text. */
static double draw_para(cairo_t *cr, const struct bc_doc *doc, const struct bc_para *p, double x,
			double top)
{
	PangoLayoutIter *it = pango_layout_get_iter(p->layout);
	do {
		int y0, y1;
		PangoRectangle lg;
		pango_layout_iter_get_line_yrange(it, &y0, &y1);
		pango_layout_iter_get_line_extents(it, NULL, &lg);
		double base = top + pango_layout_iter_get_baseline(it) / (double)PANGO_SCALE;
		PangoLayoutLine *pl = pango_layout_iter_get_line_readonly(it);
		double lx = x + lg.x / (double)PANGO_SCALE;
		draw_pl(cr, p, pl, lx, base);
		line_links(cr, doc, p, pl, lx, base, (y1 - y0) / (double)PANGO_SCALE,
			   base - top - y0 / (double)PANGO_SCALE);
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	return p->height;
}

static void draw_item(cairo_t *cr, const struct bc_doc *doc, const struct bc_item *it)
{
	switch (it->kind) {
	case BC_ITEM_LINE:
		draw_line_item(cr, doc, it);
		break;
	case BC_ITEM_RECT:
		set_rgb(cr, it->colour);
		cairo_rectangle(cr, it->x, it->y, it->w, it->h);
		if (it->fill) {
			cairo_fill(cr);
		} else {
			cairo_set_line_width(cr, 0.5);
			cairo_stroke(cr);
		}
		break;
	case BC_ITEM_RULE:
		set_rgb(cr, it->colour);
		cairo_rectangle(cr, it->x, it->y - it->h / 2, it->w, it->h);
		cairo_fill(cr);
		break;
	case BC_ITEM_CHART: {
		struct bc_chart_ctx cx = {cr, doc->pango, doc->st, doc->font_table,
					  doc->font_table_bold, doc->font_small};
		cairo_save(cr);
		cairo_rectangle(cr, it->x, it->y, it->w, it->h);
		cairo_clip(cr); /* a chart never draws outside its box */
		bc_chart_ops_for(it->chart)->draw(it->chart, &cx, it->x, it->y, it->w, it->h);
		cairo_restore(cr);
		break;
	}
	case BC_ITEM_IMAGE: {
		cairo_surface_t *img = it->image;
		double pw = cairo_image_surface_get_width(img);
		double ph = cairo_image_surface_get_height(img);
		cairo_save(cr);
		cairo_translate(cr, it->x, it->y);
		cairo_scale(cr, it->w / pw, it->h / ph);
		cairo_set_source_surface(cr, img, 0, 0);
		cairo_paint(cr);
		cairo_restore(cr);
		break;
	}
	}
}

static void draw_running(cairo_t *cr, const struct bc_doc *doc, const struct bc_page *pg)
{
	const struct bc_style *st = doc->st;
	double right = st->page_w - st->margin_right;
	if (pg->header_left) {
		double y = st->margin_top - 24;
		draw_para(cr, doc, pg->header_left, st->margin_left, y);
		draw_para(cr, doc, pg->header_right, right - bc_para_width(pg->header_right), y);
		set_rgb(cr, st->small);
		cairo_rectangle(cr, st->margin_left, st->margin_top - 10, right - st->margin_left,
				0.5);
		cairo_fill(cr);
	}
	if (pg->footer) {
		double w = bc_para_width(pg->footer);
		draw_para(cr, doc, pg->footer, right - w, st->page_h - st->margin_bottom + 14);
	}
}

static void draw_notes(cairo_t *cr, const struct bc_doc *doc, const struct bc_page *pg)
{
	if (!pg->nnotes)
		return;
	const struct bc_style *st = doc->st;
	double h = 0;
	for (size_t i = 0; i < pg->nnotes; i++)
		h += pg->notes[i]->height + BC_NOTE_GAP;
	double y = st->page_h - st->margin_bottom - h;
	set_rgb(cr, st->small);
	cairo_rectangle(cr, st->margin_left, y - BC_NOTE_SEPARATOR / 2, 120, 0.5);
	cairo_fill(cr);
	for (size_t i = 0; i < pg->nnotes; i++)
		y += draw_para(cr, doc, pg->notes[i], st->margin_left, y) + BC_NOTE_GAP;
}

static void add_outline(cairo_surface_t *surface, const struct bc_doc *doc)
{
	int parents[8] = {CAIRO_PDF_OUTLINE_ROOT};
	for (size_t i = 0; i < doc->noutline; i++) {
		const struct bc_outline *o = &doc->outline[i];
		int level = o->level < 1 ? 1 : o->level > 7 ? 7 : o->level;
		/* A level with no parent above it hangs from the nearest one. */
		int parent = CAIRO_PDF_OUTLINE_ROOT;
		for (int l = level - 1; l >= 1; l--)
			if (parents[l]) {
				parent = parents[l];
				break;
			}
		struct bc_buf attrs = {0};
		page_attrs(&attrs, o->page, o->y);
		int id =
		    cairo_pdf_surface_add_outline(surface, parent, o->title, attrs.data,
						  level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
		bc_buf_free(&attrs);
		parents[level] = id;
		for (int l = level + 1; l < 8; l++)
			parents[l] = 0;
	}
}

int bc_render_pdf(const struct bc_doc *doc, FILE *out, const struct bc_render_opts *opts,
		  struct bc_diag *d)
{
	const struct bc_style *st = doc->st;
	struct sink sink = {out, false};
	cairo_surface_t *surface =
	    cairo_pdf_surface_create_for_stream(write_cb, &sink, st->page_w, st->page_h);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, doc->title);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, doc->author);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, doc->subject);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_KEYWORDS, doc->keywords);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR,
				       opts && opts->creator ? opts->creator : "boardc");
	if (opts && opts->date) {
		cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, opts->date);
		cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, opts->date);
	}
	cairo_t *cr = cairo_create(surface);
	int rc = 0;
	cairo_tag_begin(cr, "Document", NULL);
	size_t *by_page = anchors_by_page(doc), next_anchor = 0;
	for (size_t p = 0; p < doc->npages && rc == 0; p++) {
		const struct bc_page *pg = &doc->pages[p];
		emit_dests(cr, doc, by_page, &next_anchor, (int)p);
		for (size_t i = 0; i < pg->nitems; i++)
			draw_item(cr, doc, &pg->items[i]);
		draw_notes(cr, doc, pg);
		draw_running(cr, doc, pg);
		if (p + 1 == doc->npages)
			cairo_tag_end(cr, "Document");
		cairo_show_page(cr);
		if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
			bc_diag(d, BC_ERROR, 0, 0, "PDF drawing failed on page %zu: %s", p + 1,
				cairo_status_to_string(cairo_status(cr)));
			rc = -1;
		}
	}
	free(by_page);
	add_outline(surface, doc);
	cairo_destroy(cr);
	cairo_surface_finish(surface);
	cairo_status_t status = cairo_surface_status(surface);
	cairo_surface_destroy(surface);
	if (rc == 0 && (status != CAIRO_STATUS_SUCCESS || sink.failed)) {
		bc_diag(d, BC_ERROR, 0, 0, "writing the PDF failed: %s",
			sink.failed ? "short write (disk full?)" : cairo_status_to_string(status));
		d->io_error = 1;
		rc = -1;
	}
	return rc;
}
