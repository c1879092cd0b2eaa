/* render_links.c - drawing one line of text, and for PDF its links.
 *
 * A line with links is drawn in pieces, cut where a link's text begins and
 * ends, so that each link's words are drawn inside a Link element that
 * also holds the link's annotation (PDF/UA: a link's text belongs to its
 * Link element). Pango draws a line run by run, and a link's colour and
 * underline make its text runs of its own; a piece is the line drawn with
 * its list of runs cut down to that piece for the moment, so Pango draws
 * underlines, rises and colours exactly as it does for the whole line. A
 * link whose words go on to the next line keeps its Link element open
 * across the break (struct bc_line_tags), so a wrapped link is one element
 * with an annotation a line. A line Pango lays out right to left, or a
 * link that does not fill its runs, is drawn whole, its annotation in a
 * Link element of its own. */
#include <stdlib.h>
#include <string.h>

#include <pango/pangocairo.h>

#include "pdf_tags.h"
#include "render.h"

/* Link k's target: a named destination or a URI (*uri), into `target`;
 * false when it has none (an unknown anchor). */
static bool link_target(const struct bc_doc *doc, const struct bc_link *k, struct bc_buf *target,
			bool *uri)
{
	*uri = false;
	if (k->uri && k->uri[0] == '#') {
		/* "#name": a named destination elsewhere in the same PDF (a
		 * pack's agenda linking to a paper). */
		bc_buf_adds(target, k->uri + 1);
	} else if (k->uri) {
		bc_buf_adds(target, k->uri);
		*uri = true;
	} else {
		const struct bc_anchor *an = k->target ? bc_doc_anchor(doc, k->target) : NULL;
		if (!an)
			return false;
		bc_render_dest_name(target, doc, an);
	}
	return target->len > 0;
}

/* The annotation of link k over its part of the line whose left edge is
 * at x and baseline at y, as an event of the page's script. */
static void link_event(struct bc_buf *script, const struct bc_doc *doc, const struct bc_para *para,
		       const struct bc_link *k, PangoLayoutLine *pl, double x, double y, double h,
		       double baseline)
{
	int ls = pl->start_index, le = pl->start_index + pl->length;
	int s = k->start > ls ? k->start : ls, e = k->end < le ? k->end : le;
	struct bc_buf target = {0};
	bool uri;
	if (s >= e || !link_target(doc, k, &target, &uri)) {
		bc_buf_free(&target);
		return;
	}
	int x0, x1;
	pango_layout_line_index_to_x(pl, s, FALSE, &x0);
	pango_layout_line_index_to_x(pl, e, FALSE, &x1);
	if (x1 < x0) {
		int t = x0;
		x0 = x1;
		x1 = t;
	}
	/* The link's words, for its annotation's /Contents: all of them on
	 * each line it spans, less soft hyphens. */
	struct bc_buf words = {0};
	const char *text = pango_layout_get_text(para->layout);
	for (int c = k->start; c < k->end && text[c]; c++)
		if ((unsigned char)text[c] == 0xc2 && (unsigned char)text[c + 1] == 0xad)
			c++;
		else
			bc_buf_addc(&words, text[c]);
	bc_pdf_tag_link(script, x + x0 / (double)PANGO_SCALE, y - baseline,
			(x1 - x0) / (double)PANGO_SCALE, h, doc->st->page_h, uri, target.data,
			words.data ? words.data : "");
	bc_buf_free(&words);
	bc_buf_free(&target);
}

/* The link (with a target) whose text holds all of run r's, or -1. */
static int run_link(const struct bc_doc *doc, const struct bc_para *p, const PangoLayoutRun *r)
{
	int s = r->item->offset, e = s + r->item->length;
	for (size_t i = 0; i < p->nlinks; i++) {
		const struct bc_link *k = &p->links[i];
		if (k->start <= s && e <= k->end) {
			struct bc_buf t = {0};
			bool uri, ok = link_target(doc, k, &t, &uri);
			bc_buf_free(&t);
			return ok ? (int)i : -1;
		}
	}
	return -1;
}

static void draw_whole(cairo_t *cr, const struct bc_para *p, PangoLayoutLine *pl, double x,
		       double base)
{
	cairo_set_source_rgb(cr, p->colour.r, p->colour.g, p->colour.b);
	cairo_move_to(cr, x, base);
	pango_cairo_show_layout_line(cr, pl);
}

/* The runs first..last of the line, drawn from x: the line's run list is
 * cut to them while Pango draws, and put back. */
static void draw_runs(cairo_t *cr, const struct bc_para *p, PangoLayoutLine *pl, GSList *first,
		      GSList *last, double x, double base)
{
	GSList *all = pl->runs, *after = last->next;
	last->next = NULL;
	pl->runs = first;
	draw_whole(cr, p, pl, x, base);
	pl->runs = all;
	last->next = after;
}

void bc_render_end_link(cairo_t *cr, struct bc_line_tags *lt)
{
	if (!lt || !lt->para)
		return;
	bc_pdf_tag_end(cr, lt->script);
	lt->para = NULL;
	lt->link = -1;
}

void bc_render_text_line(cairo_t *cr, const struct bc_doc *doc, const struct bc_para *p,
			 PangoLayoutLine *pl, double x, double base, double h, double baseline,
			 struct bc_line_tags *lt)
{
	struct bc_buf *script = lt ? lt->script : NULL;
	if (!script || p->nlinks == 0 || pl->resolved_dir != PANGO_DIRECTION_LTR || !pl->runs) {
		bc_render_end_link(cr, lt);
		draw_whole(cr, p, pl, x, base);
		for (size_t i = 0; script && i < p->nlinks; i++)
			link_event(script, doc, p, &p->links[i], pl, x, base, h, baseline);
		return;
	}
	/* A link open from the line before goes on if this line begins
	 * with its words; else it ends here. */
	int cont = -1;
	if (lt->para && lt->para == p && run_link(doc, p, pl->runs->data) == lt->link)
		cont = lt->link;
	else
		bc_render_end_link(cr, lt);
	lt->para = NULL;
	lt->link = -1;
	int line_end = pl->start_index + pl->length;
	bool *wrapped = bc_xcalloc(p->nlinks, sizeof *wrapped);
	GSList *seg = pl->runs, *prev = NULL;
	int seg_link = run_link(doc, p, seg->data);
	double seg_x = 0, run_x = 0;
	for (GSList *l = pl->runs;; prev = l, l = l->next) {
		int li = l ? run_link(doc, p, l->data) : -2;
		if (l != seg && li != seg_link) {
			/* The piece seg..prev: a link's inside its Link element
			 * (once: a second piece of the same link is drawn plain),
			 * begun on an earlier line when the link goes on from
			 * there, left open when it goes on to the next. */
			bool as_link = seg_link >= 0 && !wrapped[seg_link];
			bool from_before = seg == pl->runs && seg_link == cont;
			bool goes_on = !l && as_link && p->links[seg_link].end > line_end;
			if (as_link && !from_before)
				bc_pdf_tag_begin(cr, script, "Link", NULL, 0);
			draw_runs(cr, p, pl, seg, prev, x + seg_x / PANGO_SCALE, base);
			if (as_link) {
				link_event(script, doc, p, &p->links[seg_link], pl, x, base, h,
					   baseline);
				if (goes_on) {
					lt->para = p;
					lt->link = seg_link;
				} else {
					bc_pdf_tag_end(cr, script);
				}
				wrapped[seg_link] = true;
			}
			seg = l;
			seg_x = run_x;
			seg_link = li;
		}
		if (!l)
			break;
		run_x += pango_glyph_string_get_width(((PangoLayoutRun *)l->data)->glyphs);
	}
	/* Links this line cuts through a run: annotations alone. */
	for (size_t i = 0; i < p->nlinks; i++)
		if (!wrapped[i])
			link_event(script, doc, p, &p->links[i], pl, x, base, h, baseline);
	free(wrapped);
}
