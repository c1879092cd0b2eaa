/* render_pdf.c - the PDF backend: pages drawn by render.c on Cairo's PDF
 * surface, plus what only PDF has: named destinations for links, the
 * outline (bookmarks) and document metadata.
 *
 * Structure tags and link annotations do not go through Cairo's tag API,
 * which keeps every element until the surface is finished: each page's
 * script of events (pdf_tags.h) goes to the finisher ahead of the page,
 * which builds the structure tree from it (pdf_struct.c). Cairo 1.16 traps
 * handled here (see docs/design.md): drawing errors surface only at
 * show_page, so the status is checked after every page; links to later
 * pages need named destinations. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>

#include "pdf_pipe.h"
#include "pdf_post.h"
#include "pdf_tags.h"
#include "render.h"
#include "util.h"

/* Named destinations for every anchor on page p (links may point forward,
 * which Cairo 1.16 resolves only for named destinations). */
static void emit_dests(cairo_t *cr, const struct bc_doc *doc, const size_t *by_page, size_t *next,
		       int p)
{
	for (; *next < doc->nanchors && doc->anchors[by_page[*next]].page == p; (*next)++) {
		const struct bc_anchor *a = &doc->anchors[by_page[*next]];
		struct bc_buf at = {0}, name = {0};
		bc_render_dest_name(&name, doc, a);
		bc_buf_adds(&at, "name=");
		bc_render_quoted(&at, name.data);
		bc_buf_adds(&at, " x=0 y=");
		bc_render_num(&at, a->y > 12 ? a->y - 12 : 0);
		cairo_tag_begin(cr, CAIRO_TAG_DEST, at.data);
		cairo_tag_end(cr, CAIRO_TAG_DEST);
		bc_buf_free(&at);
		bc_buf_free(&name);
	}
}

struct page_ref {
	int page;
	size_t seq;   /* placement order: output must not depend on addresses */
	size_t index; /* into doc->anchors */
};

static int cmp_page_ref(const void *a, const void *b)
{
	const struct page_ref *x = a, *y = b;
	if (x->page != y->page)
		return x->page - y->page;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Anchor indices ordered by page; caller frees. */
static size_t *anchors_by_page(const struct bc_doc *doc)
{
	struct page_ref *refs = bc_xcalloc(doc->nanchors + 1, sizeof *refs);
	for (size_t i = 0; i < doc->nanchors; i++)
		refs[i] = (struct page_ref){doc->anchors[i].page, doc->anchors[i].seq, i};
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
	bc_render_num(b, 0);
	bc_buf_addc(b, ' ');
	bc_render_num(b, y > 12 ? y - 12 : 0);
	bc_buf_addc(b, ']');
}
/* What the outline needs of a part once its pages are drawn and the part
 * may be freed: bookmarks are added after the last page, when page links
 * work. */
struct saved_part {
	char *title; /* the part's own bookmark, or NULL */
	bool no_outline;
	size_t first_page, npages; /* in drawing order */
	struct bc_outline *outline;
	size_t noutline;
};

struct bc_pdf_writer {
	struct bc_pdf_post post; /* read by the filter until the end */
	char *lang, *title, *author, *subject, *date;
	struct bc_pdf_pipe *pipe; /* into the finisher, pdf_post.c */
	cairo_surface_t *surface;
	cairo_t *cr;
	struct bc_buf script; /* the page being drawn's structure events */
	size_t pages;
	struct saved_part *parts;
	size_t nparts, cap;
	int rc;
};

struct bc_pdf_writer *bc_pdf_writer_new(FILE *out, const struct bc_doc *meta,
					const struct bc_render_opts *opts)
{
	struct bc_pdf_writer *w = bc_xcalloc(1, sizeof *w);
	w->lang = meta->lang ? bc_xstrdup(meta->lang) : NULL;
	w->title = meta->title ? bc_xstrdup(meta->title) : NULL;
	w->author = meta->author ? bc_xstrdup(meta->author) : NULL;
	w->subject = meta->subject ? bc_xstrdup(meta->subject) : NULL;
	w->date = opts && opts->date ? bc_xstrdup(opts->date) : NULL;
	w->post = (struct bc_pdf_post){w->lang,	   w->title, w->author,
				       w->subject, w->date,  opts ? opts->first_label : 0};
	/* pdf_post.c finishes Cairo's output on its way to `out`. */
	w->pipe = bc_pdf_pipe_new(bc_pdf_filter_new(out, &w->post));
	const struct bc_style *st = meta->st;
	w->surface =
	    cairo_pdf_surface_create_for_stream(bc_pdf_pipe_write, w->pipe, st->page_w, st->page_h);
	cairo_pdf_surface_set_metadata(w->surface, CAIRO_PDF_METADATA_TITLE, meta->title);
	cairo_pdf_surface_set_metadata(w->surface, CAIRO_PDF_METADATA_AUTHOR, meta->author);
	cairo_pdf_surface_set_metadata(w->surface, CAIRO_PDF_METADATA_SUBJECT, meta->subject);
	cairo_pdf_surface_set_metadata(w->surface, CAIRO_PDF_METADATA_KEYWORDS, meta->keywords);
	cairo_pdf_surface_set_metadata(w->surface, CAIRO_PDF_METADATA_CREATOR,
				       opts && opts->creator ? opts->creator : "boardc");
	if (w->date) {
		cairo_pdf_surface_set_metadata(w->surface, CAIRO_PDF_METADATA_CREATE_DATE, w->date);
		cairo_pdf_surface_set_metadata(w->surface, CAIRO_PDF_METADATA_MOD_DATE, w->date);
	}
	w->cr = cairo_create(w->surface);
	return w;
}

int bc_pdf_writer_add(struct bc_pdf_writer *w, const struct bc_render_part *part, struct bc_diag *d)
{
	const struct bc_doc *doc = part->doc;
	cairo_t *cr = w->cr;
	size_t *by_page = anchors_by_page(doc), next_anchor = 0;
	struct bc_tagger *tagger = bc_tagger_new(&w->script);
	for (size_t p = 0; p < doc->npages && w->rc == 0; p++) {
		/* Page labels are written by pdf_post.c: Cairo 1.16 writes
		 * labels 1, 2, 3 ... as a range with no numbering style. */
		if (p == 0 && part->dest) {
			struct bc_buf at = {0};
			bc_buf_adds(&at, "name=");
			bc_render_quoted(&at, part->dest);
			bc_buf_adds(&at, " x=0 y=0");
			cairo_tag_begin(cr, CAIRO_TAG_DEST, at.data);
			cairo_tag_end(cr, CAIRO_TAG_DEST);
			bc_buf_free(&at);
		}
		emit_dests(cr, doc, by_page, &next_anchor, (int)p);
		if (p == 0)
			bc_pdf_tag_part(&w->script, part->outline_title);
		bc_render_page(cr, doc, p, tagger);
		bc_pdf_pipe_page(w->pipe, &w->script);
		cairo_show_page(cr);
		if (cairo_status(cr) == CAIRO_STATUS_WRITE_ERROR) {
			w->rc = -1; /* reported by bc_pdf_pipe_end */
		} else if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
			bc_diag(d, BC_ERROR, 0, 0, "PDF drawing failed on page %zu: %s",
				w->pages + p + 1, cairo_status_to_string(cairo_status(cr)));
			w->rc = -1;
		}
	}
	free(by_page);
	bc_tagger_free(tagger);
	struct saved_part sp = {part->outline_title ? bc_xstrdup(part->outline_title) : NULL,
				part->no_outline,
				w->pages,
				doc->npages,
				NULL,
				0};
	if (!part->no_outline && doc->noutline) {
		sp.outline = bc_xcalloc(doc->noutline, sizeof *sp.outline);
		for (size_t i = 0; i < doc->noutline; i++) {
			sp.outline[i] = doc->outline[i];
			sp.outline[i].title = bc_xstrdup(doc->outline[i].title);
		}
		sp.noutline = doc->noutline;
	}
	BC_PUSH(w->parts, w->nparts, w->cap, sp);
	w->pages += doc->npages;
	return w->rc;
}

/* A part's bookmarks under `root` (CAIRO_PDF_OUTLINE_ROOT for a paper on
 * its own, an item's entry in a pack). */
static void add_outline(cairo_surface_t *surface, const struct saved_part *sp)
{
	int root = CAIRO_PDF_OUTLINE_ROOT;
	int first = (int)sp->first_page;
	if (sp->title) {
		struct bc_buf attrs = {0};
		page_attrs(&attrs, first, 0);
		root = cairo_pdf_surface_add_outline(surface, CAIRO_PDF_OUTLINE_ROOT, sp->title,
						     attrs.data, 0);
		bc_buf_free(&attrs);
	}
	int parents[8] = {root};
	for (size_t i = 0; i < sp->noutline; i++) {
		const struct bc_outline *o = &sp->outline[i];
		int level = o->level < 1 ? 1 : o->level > 7 ? 7 : o->level;
		/* A level with no parent above it hangs from the nearest one. */
		int parent = root;
		for (int l = level - 1; l >= 1; l--)
			if (parents[l]) {
				parent = parents[l];
				break;
			}
		struct bc_buf attrs = {0};
		page_attrs(&attrs, first + o->page, o->y);
		int id = cairo_pdf_surface_add_outline(
		    surface, parent, o->title, attrs.data,
		    level == 1 && root == CAIRO_PDF_OUTLINE_ROOT ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
		bc_buf_free(&attrs);
		parents[level] = id;
		for (int l = level + 1; l < 8; l++)
			parents[l] = 0;
	}
}

int bc_pdf_writer_end(struct bc_pdf_writer *w, size_t lead, struct bc_diag *d)
{
	int rc = w->rc;
	if (lead > w->nparts)
		lead = w->nparts;
	size_t lead_pages = 0;
	for (size_t k = w->nparts - lead; k < w->nparts; k++)
		lead_pages += w->parts[k].npages;
	/* Bookmarks in reading order: the leading parts first. */
	for (size_t i = 0; i < w->nparts; i++) {
		size_t k = i < lead ? w->nparts - lead + i : i - lead;
		add_outline(w->surface, &w->parts[k]);
	}
	cairo_destroy(w->cr);
	/* The page tree and the structure tree's root are written now. */
	bc_pdf_filter_lead(bc_pdf_pipe_sync(w->pipe), lead_pages, lead);
	cairo_surface_finish(w->surface);
	cairo_status_t status = cairo_surface_status(w->surface);
	cairo_surface_destroy(w->surface);
	if (bc_pdf_pipe_end(w->pipe, d) != 0) {
		rc = -1;
	} else if (rc == 0 && status != CAIRO_STATUS_SUCCESS) {
		bc_diag(d, BC_ERROR, 0, 0, "writing the PDF failed: %s",
			cairo_status_to_string(status));
		d->io_error = 1;
		rc = -1;
	}
	for (size_t k = 0; k < w->nparts; k++) {
		for (size_t i = 0; i < w->parts[k].noutline; i++)
			free(w->parts[k].outline[i].title);
		free(w->parts[k].outline);
		free(w->parts[k].title);
	}
	free(w->parts);
	bc_buf_free(&w->script);
	free(w->lang);
	free(w->title);
	free(w->author);
	free(w->subject);
	free(w->date);
	free(w);
	return rc;
}

int bc_render_pdf_parts(const struct bc_render_part *parts, size_t nparts, FILE *out,
			const struct bc_render_opts *opts, struct bc_diag *d)
{
	const struct bc_doc *meta = opts && opts->meta ? opts->meta : parts[0].doc;
	struct bc_pdf_writer *w = bc_pdf_writer_new(out, meta, opts);
	for (size_t k = 0; k < nparts; k++)
		bc_pdf_writer_add(w, &parts[k], d);
	return bc_pdf_writer_end(w, 0, d);
}

int bc_render_pdf(const struct bc_doc *doc, FILE *out, const struct bc_render_opts *opts,
		  struct bc_diag *d)
{
	struct bc_render_part part = {doc, NULL, false, NULL};
	return bc_render_pdf_parts(&part, 1, out, opts, d);
}
