/* render_pdf.c - the PDF backend: pages drawn by render.c on Cairo's PDF
 * surface, plus what only PDF has: named destinations for links, the
 * outline (bookmarks) and document metadata.
 *
 * Cairo 1.16 traps handled here (see docs/design.md): a link outside any
 * structure tag corrupts the file, so everything is drawn inside a root
 * Document tag; tag errors surface only at show_page, so the status is
 * checked after every page; links to later pages need named destinations. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>

#include "pdf_post.h"
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
/* A part's outline under `root` (CAIRO_PDF_OUTLINE_ROOT for a paper on
 * its own, an item's entry in a pack); pages are offset by first_page. */
static void add_outline(cairo_surface_t *surface, const struct bc_doc *doc, int root,
			int first_page)
{
	int parents[8] = {root};
	for (size_t i = 0; i < doc->noutline; i++) {
		const struct bc_outline *o = &doc->outline[i];
		int level = o->level < 1 ? 1 : o->level > 7 ? 7 : o->level;
		/* A level with no parent above it hangs from the nearest one. */
		int parent = root;
		for (int l = level - 1; l >= 1; l--)
			if (parents[l]) {
				parent = parents[l];
				break;
			}
		struct bc_buf attrs = {0};
		page_attrs(&attrs, first_page + o->page, o->y);
		int id = cairo_pdf_surface_add_outline(
		    surface, parent, o->title, attrs.data,
		    level == 1 && root == CAIRO_PDF_OUTLINE_ROOT ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
		bc_buf_free(&attrs);
		parents[level] = id;
		for (int l = level + 1; l < 8; l++)
			parents[l] = 0;
	}
}

int bc_render_pdf_parts(const struct bc_render_part *parts, size_t nparts, FILE *out,
			const struct bc_render_opts *opts, struct bc_diag *d)
{
	const struct bc_doc *meta = opts && opts->meta ? opts->meta : parts[0].doc;
	const struct bc_style *st = parts[0].doc->st;
	/* Cairo writes into memory; pdf_post.c adds what Cairo cannot and
	 * writes the result to `out`. */
	char *mem = NULL;
	size_t mem_len = 0;
	FILE *mf = open_memstream(&mem, &mem_len);
	if (!mf) {
		bc_diag(d, BC_ERROR, 0, 0, "out of memory for the PDF");
		d->io_error = 1;
		return -1;
	}
	struct bc_sink sink = {mf, false};
	cairo_surface_t *surface =
	    cairo_pdf_surface_create_for_stream(bc_render_write, &sink, st->page_w, st->page_h);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, meta->title);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, meta->author);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, meta->subject);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_KEYWORDS, meta->keywords);
	cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR,
				       opts && opts->creator ? opts->creator : "boardc");
	if (opts && opts->date) {
		cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, opts->date);
		cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, opts->date);
	}
	cairo_t *cr = cairo_create(surface);
	int rc = 0;
	size_t total = 0, page_no = 0;
	struct bc_tag_notes notes = {0};
	for (size_t k = 0; k < nparts; k++)
		total += parts[k].doc->npages;
	cairo_tag_begin(cr, "Document", NULL);
	for (size_t k = 0; k < nparts && rc == 0; k++) {
		const struct bc_doc *doc = parts[k].doc;
		size_t *by_page = anchors_by_page(doc), next_anchor = 0;
		for (size_t p = 0; p < doc->npages && rc == 0; p++, page_no++) {
			/* Page labels are written by pdf_post.c: Cairo 1.16 writes
			 * labels 1, 2, 3 ... as a range with no numbering style. */
			if (p == 0 && parts[k].dest) {
				struct bc_buf at = {0};
				bc_buf_adds(&at, "name=");
				bc_render_quoted(&at, parts[k].dest);
				bc_buf_adds(&at, " x=0 y=0");
				cairo_tag_begin(cr, CAIRO_TAG_DEST, at.data);
				cairo_tag_end(cr, CAIRO_TAG_DEST);
				bc_buf_free(&at);
			}
			emit_dests(cr, doc, by_page, &next_anchor, (int)p);
			bc_render_page(cr, doc, p, true, &notes);
			if (page_no + 1 == total)
				cairo_tag_end(cr, "Document");
			cairo_show_page(cr);
			if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
				bc_diag(d, BC_ERROR, 0, 0, "PDF drawing failed on page %zu: %s",
					page_no + 1, cairo_status_to_string(cairo_status(cr)));
				rc = -1;
			}
		}
		free(by_page);
	}
	/* Outline after the last page: page links then resolve. */
	int first = 0;
	for (size_t k = 0; k < nparts; k++) {
		int root = CAIRO_PDF_OUTLINE_ROOT;
		if (parts[k].outline_title) {
			struct bc_buf attrs = {0};
			page_attrs(&attrs, first, 0);
			root = cairo_pdf_surface_add_outline(surface, CAIRO_PDF_OUTLINE_ROOT,
							     parts[k].outline_title, attrs.data, 0);
			bc_buf_free(&attrs);
		}
		if (!parts[k].no_outline)
			add_outline(surface, parts[k].doc, root, first);
		first += (int)parts[k].doc->npages;
	}
	cairo_destroy(cr);
	cairo_surface_finish(surface);
	cairo_status_t status = cairo_surface_status(surface);
	cairo_surface_destroy(surface);
	if (rc == 0 && (status != CAIRO_STATUS_SUCCESS || sink.failed)) {
		bc_diag(d, BC_ERROR, 0, 0, "writing the PDF failed: %s",
			sink.failed ? "out of memory" : cairo_status_to_string(status));
		d->io_error = 1;
		rc = -1;
	}
	fclose(mf);
	if (rc == 0) {
		struct bc_pdf_post post = {meta->lang,
					   meta->title,
					   meta->author,
					   meta->subject,
					   opts ? opts->date : NULL,
					   opts ? opts->first_label : 0,
					   (const char *const *)notes.alts,
					   notes.nalts,
					   notes.scopes,
					   notes.nscopes};
		rc = bc_pdf_post((const unsigned char *)mem, mem_len, out, &post, d);
	}
	free(mem);
	bc_tag_notes_free(&notes);
	return rc;
}

int bc_render_pdf(const struct bc_doc *doc, FILE *out, const struct bc_render_opts *opts,
		  struct bc_diag *d)
{
	struct bc_render_part part = {doc, NULL, false, NULL};
	return bc_render_pdf_parts(&part, 1, out, opts, d);
}
