/* table.c - tables: column widths from content, cells wrapped to them,
 * header rows marked for repetition, totals rows set apart.
 *
 * Widths follow the automatic table layout browsers use: each column gets at
 * least its longest word and at most its longest line; spare room is shared
 * in proportion. A table whose words alone are wider than the text block is
 * squeezed and its words broken (never run off the page). */
#include <stdlib.h>
#include <string.h>

#include "hyphenate.h"
#include "layout.h"
#include "number.h"
#include "util.h"
#include "validate.h"

#define CELL_LIST_INDENT 12.0

struct bc_trow *bc_tspec_row(struct bc_tspec *t)
{
	bc_grow((void **)&t->rows, &t->cap, t->nrows, sizeof *t->rows);
	struct bc_trow *r = &t->rows[t->nrows++];
	memset(r, 0, sizeof *r);
	return r;
}

struct bc_tcell *bc_trow_cell(struct bc_trow *r)
{
	bc_grow((void **)&r->cells, &r->cap, r->n, sizeof *r->cells);
	struct bc_tcell *c = &r->cells[r->n++];
	memset(c, 0, sizeof *c);
	c->colspan = 1;
	return c;
}

static void push_cpara(struct bc_tcell *cell, struct bc_cpara cp)
{
	BC_PUSH(cell->v, cell->n, cell->cap, cp);
}

static void push_paras(struct bc_tcell *cell, struct bc_para **ps, size_t n, double indent,
		       struct bc_para *label, double space_before)
{
	for (size_t i = 0; i < n; i++)
		push_cpara(cell, (struct bc_cpara){ps[i], indent, i == 0 ? label : NULL,
						   i == 0 ? space_before : 0});
	free(ps);
}

void bc_tcell_inline(struct bc_lctx *lc, struct bc_tcell *cell, const struct bc_node *inl,
		     const PangoFontDescription *font, enum bc_role role)
{
	struct bc_tb tb = {0};
	bc_tb_inline(&tb, lc, inl);
	size_t n = 0;
	struct bc_para **ps = bc_tb_finish(&tb, lc, font, -1, cell->align, role, &n);
	push_paras(cell, ps, n, 0, NULL, cell->n ? 4 : 0);
}

void bc_tcell_text(struct bc_lctx *lc, struct bc_tcell *cell, const char *text,
		   const PangoFontDescription *font, enum bc_role role)
{
	struct bc_tb tb = {0};
	bc_tb_text(&tb, text);
	size_t n = 0;
	struct bc_para **ps = bc_tb_finish(&tb, lc, font, -1, cell->align, role, &n);
	push_paras(cell, ps, n, 0, NULL, cell->n ? 4 : 0);
}

static void cell_list(struct bc_lctx *lc, struct bc_tcell *cell, const struct bc_node *list,
		      double indent, const PangoFontDescription *font, enum bc_role role)
{
	int k = bc_list_start(list);
	for (const struct bc_node *li = list->first; li; li = li->next, k++) {
		char *label = bc_list_label(list, k, 0);
		double in =
		    indent + (list->kind == BC_OL ? CELL_LIST_INDENT + 8 : CELL_LIST_INDENT);
		bool first = true;
		for (const struct bc_node *c = li->first; c; c = c->next) {
			if (c->kind == BC_P) {
				struct bc_tb tb = {0};
				bc_tb_inline(&tb, lc, c);
				size_t n = 0;
				struct bc_para **ps =
				    bc_tb_finish(&tb, lc, font, -1, BC_ALIGN_LEFT, role, &n);
				struct bc_para *lp =
				    first ? bc_para_label(lc, label, font, NULL) : NULL;
				push_paras(cell, ps, n, in, lp, cell->n ? 2 : 0);
				first = false;
			} else if (c->kind == BC_UL || c->kind == BC_OL) {
				cell_list(lc, cell, c, in, font, role);
			}
		}
		free(label);
	}
}

static void cell_flow(struct bc_lctx *lc, struct bc_tcell *cell, const struct bc_node *n,
		      const PangoFontDescription *font, enum bc_role role)
{
	for (const struct bc_node *c = n->first; c; c = c->next) {
		if (c->kind == BC_P)
			bc_tcell_inline(lc, cell, c, font, role);
		else if (c->kind == BC_UL || c->kind == BC_OL)
			cell_list(lc, cell, c, 0, font, role);
	}
}

/* Widest unbreakable stretch of a para: the widest run of characters
 * between two line break opportunities, on the unwrapped layout. Reading
 * every character's width in one pass keeps a cell of many short words or
 * inline elements linear. */
static double min_width(struct bc_para *p)
{
	PangoLayout *l = p->layout;
	const char *text = pango_layout_get_text(l);
	size_t len = strlen(text);
	int *w = bc_para_char_widths(p);
	gint n_attrs = 0;
	const PangoLogAttr *attrs = pango_layout_get_log_attrs_readonly(l, &n_attrs);
	int widest = 0, seg = 0;
	size_t byte = 0;
	for (gint i = 0; i < n_attrs && byte < len; i++) {
		if (i > 0 && attrs[i].is_line_break) {
			if (seg > widest)
				widest = seg;
			seg = 0;
		}
		seg += w[byte];
		byte = (size_t)(g_utf8_next_char(text + byte) - text);
	}
	if (seg > widest)
		widest = seg;
	free(w);
	return widest / (double)PANGO_SCALE;
}

static void measure(struct bc_tcell *cell, double *minw, double *maxw)
{
	*minw = *maxw = 0;
	for (size_t i = 0; i < cell->n; i++) {
		struct bc_cpara *cp = &cell->v[i];
		pango_layout_set_width(cp->p->layout, -1);
		double mx = bc_para_width(cp->p) + cp->indent;
		double mn = min_width(cp->p) + cp->indent;
		if (mx > *maxw)
			*maxw = mx;
		if (mn > *minw)
			*minw = mn;
	}
}

static void column_widths(struct bc_tspec *t, double total, double pad, double *out)
{
	size_t nc = t->ncols;
	double *mn = bc_xcalloc(nc, sizeof *mn), *mx = bc_xcalloc(nc, sizeof *mx);
	for (size_t r = 0; r < t->nrows; r++) {
		size_t col = 0;
		for (size_t c = 0; c < t->rows[r].n && col < nc; c++) {
			struct bc_tcell *cell = &t->rows[r].cells[c];
			double a, b;
			measure(cell, &a, &b);
			if (cell->colspan == 1) {
				if (a + 2 * pad > mn[col])
					mn[col] = a + 2 * pad;
				if (b + 2 * pad > mx[col])
					mx[col] = b + 2 * pad;
			}
			col += (size_t)cell->colspan;
		}
	}
	double fixed_sum = 0;
	for (size_t c = 0; c < nc; c++)
		fixed_sum += t->widths ? t->widths[c] : 0;
	if (fixed_sum > 0) {
		/* Author-given shares; unspecified columns get an average share. */
		size_t unspecified = 0;
		for (size_t c = 0; c < nc; c++)
			unspecified += t->widths[c] <= 0;
		double avg = fixed_sum / (double)(nc - unspecified ? nc - unspecified : 1);
		double sum = fixed_sum + avg * (double)unspecified;
		for (size_t c = 0; c < nc; c++)
			out[c] = total * (t->widths[c] > 0 ? t->widths[c] : avg) / sum;
		/* Shares give way to words: a column narrower than its longest
		 * word takes the room from columns that have some to spare. */
		double deficit = 0, spare = 0;
		for (size_t c = 0; c < nc; c++) {
			if (out[c] < mn[c])
				deficit += mn[c] - out[c];
			else
				spare += out[c] - mn[c];
		}
		if (deficit > 0 && spare >= deficit) {
			for (size_t c = 0; c < nc; c++)
				out[c] = out[c] < mn[c]
					     ? mn[c]
					     : out[c] - (out[c] - mn[c]) * deficit / spare;
		}
	} else {
		double smin = 0, smax = 0;
		for (size_t c = 0; c < nc; c++) {
			if (mx[c] < 2 * pad + 6)
				mx[c] = mn[c] = 2 * pad + 6;
			smin += mn[c];
			smax += mx[c];
		}
		for (size_t c = 0; c < nc; c++) {
			if (smax <= total)
				out[c] = mx[c] * total / smax;
			else if (smin >= total)
				out[c] = mn[c] * total / smin;
			else
				out[c] = mn[c] + (mx[c] - mn[c]) * (total - smin) / (smax - smin);
		}
	}
	free(mn);
	free(mx);
}

struct bc_block *bc_table_build(struct bc_lctx *lc, struct bc_tspec *t)
{
	const struct bc_style *st = lc->st;
	double pad = st->table_padding;
	double total = lc->text_w;
	for (size_t r = 0; r < t->nrows; r++) {
		size_t span = 0;
		for (size_t c = 0; c < t->rows[r].n; c++)
			span += (size_t)t->rows[r].cells[c].colspan;
		if (span > t->ncols)
			t->ncols = span;
	}
	if (t->ncols == 0)
		t->ncols = 1;
	if (t->widths && t->nwidths < t->ncols) {
		t->widths = bc_xrealloc(t->widths, t->ncols * sizeof *t->widths);
		for (size_t c = t->nwidths; c < t->ncols; c++)
			t->widths[c] = 0;
		t->nwidths = t->ncols;
	}
	double *w = bc_xcalloc(t->ncols, sizeof *w);
	column_widths(t, total, pad, w);
	double *colx = bc_xcalloc(t->ncols + 1, sizeof *colx);
	for (size_t c = 0; c < t->ncols; c++)
		colx[c + 1] = colx[c] + w[c];

	struct bc_block *b = bc_doc_add_block(lc->doc, BC_BLK_TABLE);
	struct bc_table *tab = bc_xcalloc(1, sizeof *tab);
	b->table = tab;
	b->w = total;
	b->role = BC_ROLE_TD;
	b->anchor = t->anchor;
	b->space_after = st->para_space * 1.5;
	tab->w = total;
	tab->padding = pad;
	tab->rule = st->table_rule;
	tab->header_bg = st->table_header_bg;
	tab->label_bg = st->front_label_bg;
	tab->nhead = t->nhead;
	tab->rows = bc_xcalloc(t->nrows ? t->nrows : 1, sizeof *tab->rows);
	tab->nrows = t->nrows;
	double height = 0;
	for (size_t r = 0; r < t->nrows; r++) {
		struct bc_trow *src = &t->rows[r];
		struct bc_row *row = &tab->rows[r];
		row->header = src->header;
		row->total = src->total;
		row->cells = bc_xcalloc(src->n ? src->n : 1, sizeof *row->cells);
		row->ncells = src->n;
		size_t col = 0;
		double rowh = 0;
		for (size_t c = 0; c < src->n; c++) {
			struct bc_tcell *sc = &src->cells[c];
			struct bc_cell *cell = &row->cells[c];
			size_t span = (size_t)sc->colspan;
			if (col >= t->ncols)
				col = t->ncols - 1;
			if (col + span > t->ncols)
				span = t->ncols - col;
			cell->x = colx[col];
			cell->w = colx[col + span] - colx[col];
			cell->header = sc->header;
			cell->shade = sc->shade;
			double y = pad;
			for (size_t i = 0; i < sc->n; i++) {
				struct bc_cpara *cp = &sc->v[i];
				double inner = cell->w - 2 * pad - cp->indent;
				if (inner < 4)
					inner = 4;
				pango_layout_set_width(cp->p->layout, (int)(inner * PANGO_SCALE));
				/* A word wider than the cell breaks between syllables. */
				if (bc_para_breaks_word(cp->p)) {
					const struct bc_hyph *h = bc_doc_hyph(lc->doc);
					if (h)
						bc_hyph_para(h, cp->p, inner);
				}
				PangoRectangle lg;
				pango_layout_get_extents(cp->p->layout, NULL, &lg);
				cp->p->height = lg.height / (double)PANGO_SCALE;
				y += cp->space_before;
				size_t first = cell->lines.n;
				bc_para_lines(cp->p, cell->x + pad + cp->indent, &y, &cell->lines);
				if (cp->label && cell->lines.n > first) {
					cell->lines.v[first].label = cp->label;
					cell->lines.v[first].label_x =
					    cell->x + pad + cp->indent -
					    (cp->indent >= CELL_LIST_INDENT + 8
						 ? CELL_LIST_INDENT + 8
						 : CELL_LIST_INDENT);
				}
			}
			cell->content_h = y + pad;
			if (cell->content_h > rowh)
				rowh = cell->content_h;
			col += span;
			free(sc->v);
		}
		if (rowh < 2 * pad + 6)
			rowh = 2 * pad + 6;
		row->h = rowh;
		height += rowh;
		free(src->cells);
	}
	b->h = height;
	free(t->rows);
	free(t->widths);
	free(w);
	free(colx);
	memset(t, 0, sizeof *t);
	return b;
}

static enum bc_align parse_align(const char *a, enum bc_align dflt)
{
	if (!a)
		return dflt;
	if (strcmp(a, "right") == 0)
		return BC_ALIGN_RIGHT;
	if (strcmp(a, "center") == 0)
		return BC_ALIGN_CENTER;
	return BC_ALIGN_LEFT;
}

/* Column width shares from <col width="2*"> or "30%". */
static double parse_share(const char *w)
{
	if (!w)
		return 0;
	double v = atof(w);
	return v > 0 && v < 1000 ? v : 0;
}

void bc_layout_table(struct bc_lctx *lc, const struct bc_node *table)
{
	const struct bc_node *caption = bc_node_child(table, BC_CAPTION);
	if (caption)
		bc_caption_block(lc, table->label ? table->label : "Table", caption, 0)->anchor =
		    table;

	struct bc_tspec t = {0};
	enum bc_align col_align[256];
	size_t ncol_nodes = 0;
	for (const struct bc_node *c = table->first; c; c = c->next)
		if (c->kind == BC_COL && ncol_nodes < 256)
			ncol_nodes++;
	if (ncol_nodes) {
		t.widths = bc_xcalloc(ncol_nodes, sizeof *t.widths);
		t.ncols = t.nwidths = ncol_nodes;
	}
	size_t k = 0;
	for (const struct bc_node *c = table->first; c; c = c->next) {
		if (c->kind == BC_COL && k < 256) {
			col_align[k] = parse_align(bc_node_attr(c, "align"), BC_ALIGN_LEFT);
			t.widths[k] = parse_share(bc_node_attr(c, "width"));
			k++;
		}
	}
	if (!caption)
		t.anchor = table;
	const enum bc_kind groups[] = {BC_THEAD, BC_TBODY, BC_TFOOT};
	for (int g = 0; g < 3; g++) {
		const struct bc_node *grp = bc_node_child(table, groups[g]);
		for (const struct bc_node *tr = grp ? grp->first : NULL; tr; tr = tr->next) {
			struct bc_trow *row = bc_tspec_row(&t);
			row->header = groups[g] == BC_THEAD;
			row->total = bc_node_attr_is(tr, "total", "yes");
			if (row->header)
				t.nhead++;
			size_t col = 0;
			for (const struct bc_node *td = tr->first; td; td = td->next) {
				struct bc_tcell *cell = bc_trow_cell(row);
				const char *span = bc_node_attr(td, "colspan");
				/* validate.c has refused larger spans. */
				cell->colspan =
				    span && atoi(span) > 0 && atoi(span) <= BC_MAX_COLSPAN
					? atoi(span)
					: 1;
				cell->header = td->kind == BC_TH || row->header;
				cell->shade = row->header;
				enum bc_align dflt =
				    col < ncol_nodes ? col_align[col] : BC_ALIGN_LEFT;
				cell->align = parse_align(bc_node_attr(td, "align"), dflt);
				bool bold = cell->header || row->total;
				cell_flow(lc, cell, td,
					  bold ? lc->doc->font_table_bold : lc->doc->font_table,
					  cell->header ? BC_ROLE_TH : BC_ROLE_TD);
				col += (size_t)cell->colspan;
			}
		}
	}
	bc_table_build(lc, &t);
	const struct bc_node *src = bc_node_child(table, BC_SOURCE);
	if (src)
		bc_source_block(lc, src, 0);
}
