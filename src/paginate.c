/* paginate.c - blocks onto pages.
 *
 * Rules, in the order they are applied: a forced break starts a page; a
 * heading (keep_with_next) moves to the next page unless its successor's
 * first lines fit beside it; a paragraph never leaves one line alone at the
 * foot (orphan) or head (widow) of a page; a footnote sits on the page of
 * its reference, and the line carrying the reference moves if its note does
 * not fit; a table repeats its header rows on every page and splits a row
 * taller than a page between its lines. Each block is visited once, so the
 * cost is linear in the number of lines. */
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "util.h"

struct pager {
	struct bc_doc *doc;
	const struct bc_style *st;
	struct bc_page *page;
	double top, bottom;   /* content area of a page */
	double y;	      /* next free y on the current page */
	double notes_h;	      /* height taken by this page's footnotes */
	double prev_after;    /* space_after of the last placed block */
	int group, row, cell; /* table, row and cell being placed (tags); 0 = none */
	enum bc_scope scope;
	int ntables;
	bool empty;	/* nothing placed on this page yet */
	bool repeating; /* placing a table's header again on a later page */
};

static void new_page(struct pager *pg)
{
	struct bc_doc *doc = pg->doc;
	bc_grow((void **)&doc->pages, &doc->pages_cap, doc->npages, sizeof *doc->pages);
	pg->page = &doc->pages[doc->npages++];
	memset(pg->page, 0, sizeof *pg->page);
	pg->y = pg->top;
	pg->notes_h = 0;
	pg->prev_after = 0;
	pg->empty = true;
}

static struct bc_page *cur(struct pager *pg)
{
	return &pg->doc->pages[pg->doc->npages - 1];
}

static void push_item(struct pager *pg, struct bc_item it)
{
	struct bc_page *p = cur(pg);
	it.group = pg->group;
	it.row = pg->row;
	it.cell = pg->cell;
	it.repeat = pg->repeating;
	if (it.kind == BC_ITEM_LINE)
		it.scope = pg->scope;
	BC_PUSH(p->items, p->nitems, p->cap, it);
	pg->empty = false;
}

static double note_height(const struct bc_para *note)
{
	return note->height + BC_NOTE_GAP;
}

static double limit(const struct pager *pg, double extra_notes)
{
	double notes = pg->notes_h + extra_notes;
	return pg->bottom - (notes > 0 ? notes + BC_NOTE_SEPARATOR : 0);
}

/* Height the footnotes referenced from one line add. */
static double line_notes(const struct bc_line *l)
{
	double h = 0;
	for (size_t i = 0; i < l->para->nfns; i++) {
		int idx = l->para->fns[i].index;
		if (idx >= l->start && idx < l->start + l->length)
			h += note_height(l->para->fns[i].note);
	}
	return h;
}

static void add_notes(struct pager *pg, const struct bc_line *l)
{
	struct bc_page *p = cur(pg);
	for (size_t i = 0; i < l->para->nfns; i++) {
		int idx = l->para->fns[i].index;
		if (idx >= l->start && idx < l->start + l->length) {
			BC_PUSH(p->notes, p->nnotes, p->notes_cap, l->para->fns[i].note);
			pg->notes_h += note_height(l->para->fns[i].note);
		}
	}
}

static void record_anchor(struct pager *pg, const struct bc_node *node, double y)
{
	if (!node)
		return;
	struct bc_anchor a = {node, (int)pg->doc->npages - 1, y, pg->doc->nanchors};
	BC_PUSH(pg->doc->anchors, pg->doc->nanchors, pg->doc->anchors_cap, a);
}

static void place_line(struct pager *pg, const struct bc_line *l, double dx, double dy,
		       enum bc_role role, const struct bc_node *figure)
{
	struct bc_item it = {.kind = BC_ITEM_LINE,
			     .x = pg->st->margin_left + dx + l->x,
			     .y = dy + l->y,
			     .line = l,
			     .figure = figure,
			     .role = role};
	push_item(pg, it);
	add_notes(pg, l);
}

/* How many of lines[from..n) fit below y0 (block-relative offset `off`)? */
static size_t lines_that_fit(const struct pager *pg, const struct bc_lines *ls, size_t from,
			     double y0, double off)
{
	double notes = 0;
	size_t k = from;
	for (; k < ls->n; k++) {
		const struct bc_line *l = &ls->v[k];
		double extra = line_notes(l);
		if (y0 + (l->y - off) + l->h > limit(pg, notes + extra) + 0.01)
			break;
		notes += extra;
	}
	return k - from;
}

/* Height needed at the top of a block so it does not start alone: its first
 * two lines, or a table's header and first row. */
static double lead_height(const struct bc_doc *doc, size_t i, int depth)
{
	if (i >= doc->nblocks || depth > 3)
		return 0;
	const struct bc_block *b = &doc->blocks[i];
	double h;
	switch (b->kind) {
	case BC_BLK_LINES:
		if (b->keep_together || b->keep_with_next || b->lines.n <= 3)
			h = b->h;
		else
			h = b->lines.v[1].y + b->lines.v[1].h;
		break;
	case BC_BLK_TABLE:
		h = 0;
		for (size_t r = 0; r < b->table->nrows && r <= b->table->nhead; r++)
			h += b->table->rows[r].h;
		break;
	case BC_BLK_BREAK:
		return 0;
	default:
		h = b->h;
		break;
	}
	if (b->keep_with_next)
		h += b->space_after + lead_height(doc, i + 1, depth + 1);
	return h;
}

static double space_before(struct pager *pg, const struct bc_block *b)
{
	if (pg->empty)
		return 0;
	return b->space_before > pg->prev_after ? b->space_before : pg->prev_after;
}

static void place_lines(struct pager *pg, const struct bc_block *b, size_t index)
{
	const struct bc_lines *ls = &b->lines;
	double sp = space_before(pg, b);
	/* Short blocks that keep with the next move whole; a long one keeps
	 * only its last lines with the next (see below). */
	bool short_block = b->keep_together || ls->n <= 3;
	double lead = b->keep_with_next ? b->space_after + lead_height(pg->doc, index + 1, 1) : 0;
	double need = short_block ? b->h + lead : 0;
	if (need > pg->bottom - pg->top) {
		/* A chain taller than a page (a heading, a long caption, a tall
		 * chart in large print): keep the block with the start of the
		 * next one only, so a heading is still never left alone. */
		need =
		    b->h +
		    (b->keep_with_next ? b->space_after + lead_height(pg->doc, index + 1, 3) : 0);
		if (need > pg->bottom - pg->top)
			need = b->h;
	}
	if (!pg->empty && need > 0 && pg->y + sp + need > limit(pg, 0) + 0.01) {
		new_page(pg);
		sp = 0;
	}
	pg->y += sp;
	record_anchor(pg, b->anchor, pg->y);
	if (b->outline_level) {
		struct bc_outline o = {b->outline_level, bc_xstrdup(b->outline_title),
				       (int)pg->doc->npages - 1, pg->y};
		BC_PUSH(pg->doc->outline, pg->doc->noutline, pg->doc->outline_cap, o);
	}
	double frame_top = pg->y;
	size_t i = 0;
	while (i < ls->n) {
		/* Block-relative y of what goes at pg->y: the block's top at first
		 * (keeping any inset), the first remaining line after a break. */
		double off = i == 0 ? 0 : ls->v[i].y;
		size_t fit = lines_that_fit(pg, ls, i, pg->y, off);
		size_t left = ls->n - i;
		if (fit < left) {
			/* Orphans and widows: never one line alone. */
			if (left - fit < 2)
				fit = left >= 2 ? left - 2 : 0;
			if (fit < 2)
				fit = 0;
			if (b->keep_together && i == 0 && !pg->empty)
				fit = 0;
			if (fit == 0 && pg->empty)
				fit = 1; /* a line taller than the page: place it anyway */
		} else if (b->keep_with_next && !short_block && left > 3) {
			/* All of it fits, but would the next block's start? If not,
			 * carry the last two lines over with it. */
			const struct bc_line *last = &ls->v[ls->n - 1];
			if (pg->y + last->y + last->h - off + lead > limit(pg, 0) + 0.01 &&
			    lead < pg->bottom - pg->top)
				fit = left - 2;
		}
		if (b->frame > 0 && fit > 0 && i == 0 && fit == left) {
			struct bc_item fr = {.kind = BC_ITEM_RECT,
					     .x = pg->st->margin_left + b->x,
					     .y = frame_top,
					     .w = b->w,
					     .h = b->h,
					     .colour = b->colour,
					     .role = BC_ROLE_ARTIFACT};
			push_item(pg, fr);
		}
		for (size_t k = i; k < i + fit; k++)
			place_line(pg, &ls->v[k], 0, pg->y - off, b->role, b->figure);
		if (fit > 0) {
			const struct bc_line *last = &ls->v[i + fit - 1];
			pg->y += last->y + last->h - off;
		}
		i += fit;
		if (i < ls->n) {
			new_page(pg);
		}
	}
	if (b->frame > 0)
		pg->y = frame_top + b->h > pg->y ? frame_top + b->h : pg->y;
	pg->prev_after = b->space_after;
	pg->empty = false;
}

/* Draw part of a row: each cell's lines from start[c] whose bottoms fit
 * within `avail`; returns the part's height and advances start[]. */
static double place_row_part(struct pager *pg, const struct bc_table *t, const struct bc_row *row,
			     size_t *start, double avail, bool force)
{
	pg->row++; /* each part of a row is a row of its own in the tags */
	double pad = t->padding;
	double part_h = 0;
	size_t *end = bc_xcalloc(row->ncells ? row->ncells : 1, sizeof *end);
	bool whole = true;
	for (size_t c = 0; c < row->ncells; c++)
		if (start[c] != 0)
			whole = false;
	if (whole && row->h <= avail) {
		for (size_t c = 0; c < row->ncells; c++)
			end[c] = row->cells[c].lines.n;
		part_h = row->h;
	} else {
		for (size_t c = 0; c < row->ncells; c++) {
			const struct bc_cell *cell = &row->cells[c];
			double off = start[c] < cell->lines.n ? cell->lines.v[start[c]].y - pad : 0;
			size_t k = start[c];
			while (k < cell->lines.n &&
			       cell->lines.v[k].y + cell->lines.v[k].h - off + pad <= avail + 0.01)
				k++;
			if (k == start[c] && force && k < cell->lines.n)
				k++;
			end[c] = k;
			double h = k > start[c]
				       ? cell->lines.v[k - 1].y + cell->lines.v[k - 1].h - off + pad
				       : 2 * pad;
			if (k == cell->lines.n)
				h = cell->content_h - off;
			if (h > part_h)
				part_h = h;
		}
	}
	double y = pg->y;
	double x0 = pg->st->margin_left + t->x;
	for (size_t c = 0; c < row->ncells; c++) {
		const struct bc_cell *cell = &row->cells[c];
		if (cell->shade || row->header) {
			struct bc_item bg = {.kind = BC_ITEM_RECT,
					     .x = x0 + cell->x,
					     .y = y,
					     .w = cell->w,
					     .h = part_h,
					     .fill = true,
					     .colour = row->header ? t->header_bg : t->label_bg,
					     .role = BC_ROLE_ARTIFACT};
			push_item(pg, bg);
		}
	}
	for (size_t c = 0; c < row->ncells; c++) {
		const struct bc_cell *cell = &row->cells[c];
		double off = start[c] < cell->lines.n ? cell->lines.v[start[c]].y - pad : 0;
		pg->cell = (int)c + 1;
		pg->scope = !cell->header ? BC_SCOPE_NONE
			    : row->header ? BC_SCOPE_COLUMN
					  : BC_SCOPE_ROW;
		for (size_t k = start[c]; k < end[c]; k++)
			place_line(pg, &cell->lines.v[k], 0, y - off,
				   cell->header ? BC_ROLE_TH : BC_ROLE_TD, NULL);
		pg->scope = BC_SCOPE_NONE;
		pg->cell = 0;
		struct bc_item border = {.kind = BC_ITEM_RECT,
					 .x = x0 + cell->x,
					 .y = y,
					 .w = cell->w,
					 .h = part_h,
					 .colour = t->rule,
					 .role = BC_ROLE_ARTIFACT};
		push_item(pg, border);
		start[c] = end[c];
	}
	if (row->total) {
		struct bc_item rule = {.kind = BC_ITEM_RULE,
				       .x = x0,
				       .y = y,
				       .w = t->w,
				       .h = 1.5,
				       .colour = t->rule,
				       .role = BC_ROLE_ARTIFACT};
		push_item(pg, rule);
	}
	free(end);
	pg->y += part_h;
	return part_h;
}

static bool row_done(const struct bc_row *row, const size_t *start)
{
	for (size_t c = 0; c < row->ncells; c++)
		if (start[c] < row->cells[c].lines.n)
			return false;
	return true;
}

/* The header rows: again (on a later page) they are marked as repeats. */
static void place_header(struct pager *pg, const struct bc_table *t, bool again)
{
	pg->repeating = again;
	for (size_t r = 0; r < t->nhead && r < t->nrows; r++) {
		size_t *start = bc_xcalloc(t->rows[r].ncells + 1, sizeof *start);
		place_row_part(pg, t, &t->rows[r], start, 1e9, true);
		free(start);
	}
	pg->repeating = false;
}

static void place_table(struct pager *pg, const struct bc_block *b)
{
	pg->group = ++pg->ntables;
	pg->row = 0;
	const struct bc_table *t = b->table;
	double sp = space_before(pg, b);
	double head_h = 0;
	for (size_t r = 0; r < t->nhead && r < t->nrows; r++)
		head_h += t->rows[r].h;
	double page_h = pg->bottom - pg->top;
	bool repeat = head_h < page_h / 3; /* huge headers are not repeated */
	double first = head_h + (t->nrows > t->nhead ? t->rows[t->nhead].h : 0);
	if (!pg->empty && pg->y + sp + (first < page_h ? first : 0) > limit(pg, 0))
		new_page(pg), sp = 0;
	pg->y += sp;
	record_anchor(pg, b->anchor, pg->y);
	place_header(pg, t, false);
	for (size_t r = t->nhead; r < t->nrows; r++) {
		const struct bc_row *row = &t->rows[r];
		size_t *start = bc_xcalloc(row->ncells + 1, sizeof *start);
		while (!row_done(row, start)) {
			double avail = limit(pg, 0) - pg->y;
			bool fits_whole_page = row->h + (repeat ? head_h : 0) <= page_h;
			bool at_row_start = true;
			for (size_t c = 0; c < row->ncells; c++)
				at_row_start &= start[c] == 0;
			if (at_row_start && row->h > avail && fits_whole_page) {
				new_page(pg);
				if (repeat)
					place_header(pg, t, true);
				continue;
			}
			/* Split: needs room for at least one line per cell. */
			if (avail < 3 * t->padding + pg->st->table_size * 1.5) {
				new_page(pg);
				if (repeat)
					place_header(pg, t, true);
				continue;
			}
			bool was_empty = pg->empty;
			place_row_part(pg, t, row, start, avail, was_empty);
			if (!row_done(row, start)) {
				new_page(pg);
				if (repeat)
					place_header(pg, t, true);
			}
		}
		free(start);
	}
	pg->group = pg->row = 0;
	pg->prev_after = b->space_after;
	pg->empty = false;
}

static void place_simple(struct pager *pg, const struct bc_block *b, enum bc_item_kind kind)
{
	double sp = space_before(pg, b);
	double need =
	    b->h +
	    (b->keep_with_next ? lead_height(pg->doc, (size_t)(b - pg->doc->blocks) + 1, 1) : 0);
	double h = b->h;
	if (!pg->empty && pg->y + sp + need > limit(pg, 0)) {
		/* A chart whose caption is already on this page may give up a
		 * fifth of its height (it scales itself to its box) rather than
		 * leave the caption alone at the foot of the page. */
		size_t i = (size_t)(b - pg->doc->blocks);
		double room = limit(pg, 0) - pg->y - sp - (need - b->h);
		if (kind == BC_ITEM_CHART && i > 0 && pg->doc->blocks[i - 1].keep_with_next &&
		    room >= 0.8 * b->h)
			h = room;
		else
			new_page(pg), sp = 0;
	}
	pg->y += sp;
	record_anchor(pg, b->anchor, pg->y);
	struct bc_item it = {.kind = kind,
			     .x = pg->st->margin_left + b->x,
			     .y = pg->y,
			     .w = b->w,
			     .h = h,
			     .colour = b->colour,
			     .fill = true,
			     .image = b->image,
			     .chart = b->chart,
			     .figure = b->figure,
			     .role = b->role};
	push_item(pg, it);
	pg->y += h;
	pg->prev_after = b->space_after;
}

void bc_paginate(struct bc_doc *doc)
{
	struct pager pg = {.doc = doc, .st = doc->st};
	pg.top = doc->st->margin_top;
	pg.bottom = doc->st->page_h - doc->st->margin_bottom;
	new_page(&pg);
	for (size_t i = 0; i < doc->nblocks; i++) {
		const struct bc_block *b = &doc->blocks[i];
		switch (b->kind) {
		case BC_BLK_BREAK:
			if (!pg.empty)
				new_page(&pg);
			break;
		case BC_BLK_LINES:
			place_lines(&pg, b, i);
			break;
		case BC_BLK_TABLE:
			place_table(&pg, b);
			break;
		case BC_BLK_RULE:
			place_simple(&pg, b, BC_ITEM_RULE);
			break;
		case BC_BLK_IMAGE:
			place_simple(&pg, b, BC_ITEM_IMAGE);
			break;
		case BC_BLK_CHART:
			place_simple(&pg, b, BC_ITEM_CHART);
			break;
		}
	}
	bc_doc_sort_anchors(doc);
}
