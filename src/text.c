/* text.c - turning inline content into shaped paragraphs.
 *
 * Author text goes to Pango as plain text plus an attribute list, never as
 * markup. Whitespace is collapsed as in HTML. Two Pango limits are handled
 * here (see docs/performance.md): runs of more than BREAK_RUN bytes with no
 * break opportunity get zero-width spaces, since wrapping one long word is
 * quadratic; and text longer than CHUNK bytes is cut at a space into
 * several layouts, since one layout silently drops text beyond ~200k. */
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "util.h"

#define BREAK_RUN 48
#define CHUNK	  16384
#define ZWSP	  "\xe2\x80\x8b"

void bc_lines_push(struct bc_lines *l, struct bc_line line)
{
	BC_PUSH(l->v, l->n, l->cap, line);
}

static void flush_space(struct bc_tb *tb)
{
	if (tb->pending_space && tb->text.len) {
		bc_buf_addc(&tb->text, ' ');
		tb->word_run = 0;
	}
	tb->pending_space = false;
}

void bc_tb_text(struct bc_tb *tb, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			tb->pending_space = true;
			continue;
		}
		flush_space(tb);
		/* A break opportunity after hyphens and slashes resets the run. */
		if (tb->word_run >= BREAK_RUN && (c & 0xC0) != 0x80) {
			bc_buf_adds(&tb->text, ZWSP);
			tb->word_run = 0;
		}
		bc_buf_addc(&tb->text, (char)c);
		tb->word_run = (c == '-' || c == '/') ? 0 : tb->word_run + 1;
	}
}

int bc_tb_begin(struct bc_tb *tb)
{
	flush_space(tb);
	return (int)tb->text.len;
}

void bc_tb_end(struct bc_tb *tb, int start, enum bc_span_kind kind)
{
	struct bc_span sp = {start, (int)tb->text.len, kind};
	if (sp.end > sp.start)
		BC_PUSH(tb->spans, tb->nspans, tb->spans_cap, sp);
}

void bc_tb_free(struct bc_tb *tb)
{
	bc_buf_free(&tb->text);
	free(tb->spans);
	for (size_t i = 0; i < tb->nlinks; i++)
		free(tb->links[i].uri);
	free(tb->links);
	free(tb->fns);
	memset(tb, 0, sizeof *tb);
}

static void add_link(struct bc_tb *tb, int start, char *uri, const struct bc_node *target)
{
	struct bc_link l = {start, (int)tb->text.len, uri, target};
	if (l.end > l.start)
		BC_PUSH(tb->links, tb->nlinks, tb->links_cap, l);
	else
		free(uri);
	bc_tb_end(tb, start, BC_SPAN_LINK);
}

static struct bc_para *make_footnote(struct bc_lctx *lc, const struct bc_node *fn)
{
	struct bc_tb ftb = {0};
	int s = bc_tb_begin(&ftb);
	bc_tb_text(&ftb, fn->number ? fn->number : "*");
	bc_tb_end(&ftb, s, BC_SPAN_SUPER);
	bc_buf_adds(&ftb.text, " ");
	lc->fn_depth++;
	bc_tb_inline(&ftb, lc, fn);
	lc->fn_depth--;
	size_t n = 0;
	struct bc_para **ps = bc_tb_finish(&ftb, lc, lc->doc->font_small, lc->text_w, BC_ALIGN_LEFT,
					   BC_ROLE_NOTE, &n);
	struct bc_para *p = ps[0]; /* footnotes are far below the chunk size */
	p->node = fn;
	free(ps);
	return p;
}

void bc_tb_inline(struct bc_tb *tb, struct bc_lctx *lc, const struct bc_node *parent)
{
	for (const struct bc_node *c = parent->first; c; c = c->next) {
		int start;
		switch (c->kind) {
		case BC_TEXT:
			bc_tb_text(tb, c->text);
			break;
		case BC_EM:
		case BC_STRONG:
			start = bc_tb_begin(tb);
			bc_tb_inline(tb, lc, c);
			bc_tb_end(tb, start, c->kind == BC_EM ? BC_SPAN_ITALIC : BC_SPAN_BOLD);
			break;
		case BC_A:
			start = bc_tb_begin(tb);
			bc_tb_inline(tb, lc, c);
			if ((int)tb->text.len == start) /* empty link: show the address */
				bc_tb_text(tb, bc_node_attr(c, "href"));
			add_link(tb, start, bc_xstrdup(bc_node_attr(c, "href")), NULL);
			break;
		case BC_REF:
			start = bc_tb_begin(tb);
			bc_tb_inline(tb, lc, c);
			if ((int)tb->text.len == start)
				bc_tb_text(tb, c->target && c->target->label
						   ? c->target->label
						   : bc_node_attr(c, "to"));
			add_link(tb, start, NULL, c->target);
			break;
		case BC_FN:
			if (lc->fn_depth > 0 || !lc->doc->font_small) {
				bc_tb_inline(tb, lc, c);
				break;
			}
			tb->pending_space = false; /* the marker hugs its word */
			start = bc_tb_begin(tb);
			bc_tb_text(tb, c->number ? c->number : "*");
			bc_tb_end(tb, start, BC_SPAN_SUPER);
			{
				struct bc_fnref f = {start, make_footnote(lc, c)};
				BC_PUSH(tb->fns, tb->nfns, tb->fns_cap, f);
			}
			break;
		case BC_BR:
			tb->pending_space = false;
			bc_buf_addc(&tb->text, '\n');
			tb->word_run = 0;
			break;
		default:
			break;
		}
	}
}

static PangoAttrList *attrs_for(const struct bc_tb *tb, int a, int b, const struct bc_style *st)
{
	PangoAttrList *list = pango_attr_list_new();
	/* <text hyphenate="no">: a word broken at a line end (a narrow table
	 * cell) gets no hyphen, which some house styles prefer. */
	if (!st->hyphenate)
		pango_attr_list_insert(list, pango_attr_insert_hyphens_new(FALSE));
	for (size_t i = 0; i < tb->nspans; i++) {
		const struct bc_span *sp = &tb->spans[i];
		int s = sp->start > a ? sp->start : a, e = sp->end < b ? sp->end : b;
		if (s >= e)
			continue;
		PangoAttribute *at[2] = {NULL, NULL};
		switch (sp->kind) {
		case BC_SPAN_ITALIC:
			at[0] = pango_attr_style_new(PANGO_STYLE_ITALIC);
			break;
		case BC_SPAN_BOLD:
			at[0] = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
			break;
		case BC_SPAN_SUPER:
			at[0] = pango_attr_rise_new(4 * PANGO_SCALE);
			at[1] = pango_attr_scale_new(0.7);
			break;
		case BC_SPAN_LINK:
			at[0] = pango_attr_foreground_new((guint16)(st->link.r * 65535),
							  (guint16)(st->link.g * 65535),
							  (guint16)(st->link.b * 65535));
			at[1] = pango_attr_underline_new(PANGO_UNDERLINE_SINGLE);
			break;
		}
		for (int k = 0; k < 2; k++) {
			if (!at[k])
				continue;
			at[k]->start_index = (guint)(s - a);
			at[k]->end_index = (guint)(e - a);
			pango_attr_list_insert(list, at[k]);
		}
	}
	return list;
}

/* Pango grows a run's glyph arrays by doubling and never gives the rest
 * back; a laid-out paper keeps them until it is drawn, so trim them to
 * the glyphs they hold (the fields are public, and g_realloc'd by Pango). */
static void fit_glyphs(PangoLayout *l)
{
	for (GSList *ls = pango_layout_get_lines_readonly(l); ls; ls = ls->next) {
		PangoLayoutLine *line = ls->data;
		for (GSList *r = line->runs; r; r = r->next) {
			PangoGlyphString *gs = ((PangoGlyphItem *)r->data)->glyphs;
			if (gs->space > gs->num_glyphs && gs->num_glyphs > 0) {
				gs->glyphs = g_renew(PangoGlyphInfo, gs->glyphs, gs->num_glyphs);
				gs->log_clusters = g_renew(gint, gs->log_clusters, gs->num_glyphs);
				gs->space = gs->num_glyphs;
			}
		}
	}
}

static struct bc_para *new_para(struct bc_lctx *lc, const struct bc_tb *tb, int a, int b,
				const PangoFontDescription *font, double width, enum bc_align align,
				enum bc_role role)
{
	struct bc_doc *doc = lc->doc;
	struct bc_para *p = bc_xcalloc(1, sizeof *p);
	p->owned_next = doc->paras;
	doc->paras = p;
	p->role = role;
	p->colour = lc->st->text;
	PangoLayout *l = pango_layout_new(doc->pango);
	pango_layout_set_font_description(l, font);
	pango_layout_set_width(l, width > 0 ? (int)(width * PANGO_SCALE) : -1);
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_line_spacing(l, (float)lc->st->line_height);
	switch (align) {
	case BC_ALIGN_RIGHT:
		pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT);
		break;
	case BC_ALIGN_CENTER:
		pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
		break;
	case BC_ALIGN_JUSTIFY:
		pango_layout_set_justify(l, TRUE);
		break;
	case BC_ALIGN_LEFT:
		break;
	}
	pango_layout_set_text(l, tb->text.data ? tb->text.data + a : "", b - a);
	PangoAttrList *attrs = attrs_for(tb, a, b, lc->st);
	pango_layout_set_attributes(l, attrs);
	pango_attr_list_unref(attrs);
	p->layout = l;
	for (size_t i = 0; i < tb->nlinks; i++) {
		const struct bc_link *k = &tb->links[i];
		int s = k->start > a ? k->start : a, e = k->end < b ? k->end : b;
		if (s >= e)
			continue;
		struct bc_link nl = {s - a, e - a, k->uri ? bc_xstrdup(k->uri) : NULL, k->target};
		p->links = bc_xrealloc(p->links, (p->nlinks + 1) * sizeof *p->links);
		p->links[p->nlinks++] = nl;
	}
	for (size_t i = 0; i < tb->nfns; i++) {
		const struct bc_fnref *f = &tb->fns[i];
		if (f->index < a || f->index >= b)
			continue;
		p->fns = bc_xrealloc(p->fns, (p->nfns + 1) * sizeof *p->fns);
		p->fns[p->nfns++] = (struct bc_fnref){f->index - a, f->note};
	}
	PangoRectangle logical;
	pango_layout_get_extents(l, NULL, &logical);
	p->height = logical.height / (double)PANGO_SCALE;
	fit_glyphs(l);
	int unknown = pango_layout_get_unknown_glyphs_count(l);
	if (unknown > 0 && lc->doc->nglyph_notes < BC_GLYPH_NOTES) {
		/* Quote the start of the text, cut at a character boundary. The
		 * warning is printed when the document is finished, so that the
		 * parts of a paper laid out on other threads keep their order. */
		int cut = b - a < 40 ? b - a : 40;
		while (cut > 0 && ((unsigned char)tb->text.data[a + cut] & 0xC0) == 0x80)
			cut--;
		lc->doc->glyph_notes[lc->doc->nglyph_notes++] =
		    bc_xasprintf("%d character%s in \"%.*s\" have no glyph in font '%s'", unknown,
				 unknown == 1 ? "" : "s", cut, tb->text.data + a, lc->st->font);
	}
	return p;
}

struct bc_para **bc_tb_finish(struct bc_tb *tb, struct bc_lctx *lc,
			      const PangoFontDescription *font, double width, enum bc_align align,
			      enum bc_role role, size_t *count)
{
	struct bc_para **out = NULL;
	size_t n = 0, cap = 0;
	int len = (int)tb->text.len;
	int a = 0;
	do {
		int b = len;
		if (len - a > CHUNK) {
			b = a + CHUNK;
			int s = b;
			while (s > a + CHUNK / 2 && tb->text.data[s] != ' ')
				s--;
			if (tb->text.data[s] == ' ')
				b = s;
			else /* no space: cut at a character boundary */
				while (b > a && ((unsigned char)tb->text.data[b] & 0xC0) == 0x80)
					b--;
		}
		struct bc_para *p = new_para(lc, tb, a, b, font, width, align, role);
		BC_PUSH(out, n, cap, p);
		a = b;
		if (a < len && tb->text.data[a] == ' ')
			a++;
	} while (a < len);
	bc_tb_free(tb);
	*count = n;
	return out;
}

struct bc_para *bc_para_plain(struct bc_lctx *lc, const char *text,
			      const PangoFontDescription *font, double width, enum bc_align align,
			      enum bc_role role)
{
	struct bc_tb tb = {0};
	bc_tb_text(&tb, text);
	size_t n = 0;
	struct bc_para **ps = bc_tb_finish(&tb, lc, font, width, align, role, &n);
	struct bc_para *p = ps[0];
	free(ps);
	return p;
}

struct bc_para *bc_para_label(struct bc_lctx *lc, const char *label,
			      const PangoFontDescription *font, double *width)
{
	struct bc_tb tb = {0};
	bc_tb_text(&tb, label);
	int end = bc_tb_begin(&tb);
	bc_buf_addc(&tb.text, ' ');
	size_t n = 0;
	struct bc_para **ps = bc_tb_finish(&tb, lc, font, -1, BC_ALIGN_LEFT, BC_ROLE_LBL, &n);
	struct bc_para *p = ps[0];
	free(ps);
	if (width) {
		PangoRectangle space;
		pango_layout_index_to_pos(p->layout, end, &space);
		*width = space.x / (double)PANGO_SCALE;
	}
	return p;
}

void bc_para_lines(struct bc_para *p, double x, double *y, struct bc_lines *out)
{
	PangoLayoutIter *it = pango_layout_get_iter(p->layout);
	int index = 0;
	do {
		int y0, y1;
		PangoRectangle logical;
		pango_layout_iter_get_line_yrange(it, &y0, &y1);
		pango_layout_iter_get_line_extents(it, NULL, &logical);
		int base = pango_layout_iter_get_baseline(it);
		PangoLayoutLine *pl = pango_layout_iter_get_line_readonly(it);
		struct bc_line line = {
		    .pl = pl,
		    .start = pl->start_index,
		    .length = pl->length,
		    .para = p,
		    .index = index++,
		    .x = x + logical.x / (double)PANGO_SCALE,
		    .y = *y + y0 / (double)PANGO_SCALE,
		    .h = (y1 - y0) / (double)PANGO_SCALE,
		    .baseline = (base - y0) / (double)PANGO_SCALE,
		};
		bc_lines_push(out, line);
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	*y += p->height;
}

double bc_para_width(const struct bc_para *p)
{
	PangoRectangle logical;
	pango_layout_get_extents(p->layout, NULL, &logical);
	return logical.width / (double)PANGO_SCALE;
}

int *bc_para_char_widths(const struct bc_para *p)
{
	PangoLayout *l = p->layout;
	const char *text = pango_layout_get_text(l);
	size_t len = strlen(text);
	int *w = bc_xcalloc(len + 1, sizeof *w);
	for (GSList *ls = pango_layout_get_lines_readonly(l); ls; ls = ls->next) {
		const PangoLayoutLine *line = ls->data;
		for (GSList *r = line->runs; r; r = r->next) {
			PangoGlyphItem *run = r->data;
			int nch = run->item->num_chars;
			int *lw = bc_xcalloc(nch > 0 ? (size_t)nch : 1, sizeof *lw);
			pango_glyph_item_get_logical_widths(run, text, lw);
			const char *c = text + run->item->offset;
			for (int k = 0; k < nch && (size_t)(c - text) < len; k++) {
				w[c - text] = lw[k];
				c = g_utf8_next_char(c);
			}
			free(lw);
		}
	}
	return w;
}
