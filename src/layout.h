/* layout.h - the laid-out document: paragraphs shaped by Pango, cut into
 * lines, stacked into blocks, paginated into pages of positioned items.
 *
 * Stages (each file does one):
 *   text.c      inline content -> struct bc_para (one PangoLayout + links)
 *   layout.c    model -> blocks (headings, paragraphs, lists, figures)
 *   table.c     <table> and the front sheet -> table blocks
 *   front.c     front sheet
 *   paginate.c  blocks -> pages (keeps, widows/orphans, footnotes, tables)
 * The render backends (render_pdf.c) read only struct bc_doc. Every item
 * carries a role so tagged output can be produced from it.
 * Included by the files above, render_*.c and main.c. */
#ifndef BC_LAYOUT_H
#define BC_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include <pango/pango.h>

#include "diag.h"
#include "model.h"
#include "style.h"

struct bc_chart;
struct bc_template;
#include "util.h"

/* What a piece of the page is, for tagging and for tests. */
enum bc_role {
	BC_ROLE_P,
	BC_ROLE_H, /* with level 1-6 */
	BC_ROLE_TITLE,
	BC_ROLE_LBL, /* a paragraph number, bullet or list number */
	BC_ROLE_LI,
	BC_ROLE_TH,
	BC_ROLE_TD,
	BC_ROLE_CAPTION,
	BC_ROLE_FIGURE,
	BC_ROLE_NOTE,	  /* footnote text */
	BC_ROLE_ARTIFACT, /* running header, footer, decoration */
};

/* A link inside a paragraph's text, as a byte range. */
struct bc_link {
	int start, end;
	char *uri; /* external (owned), "#name" for a named destination, or NULL */
	const struct bc_node *target; /* internal: the node linked to */
};

struct bc_para;

/* A footnote reference inside a paragraph: byte index of its marker. */
struct bc_fnref {
	int index;
	struct bc_para *note; /* the footnote's own paragraph */
};

/* One PangoLayout and what its text points at. Owned by the bc_doc. */
struct bc_para {
	PangoLayout *layout;
	struct bc_link *links;
	size_t nlinks;
	struct bc_fnref *fns;
	size_t nfns;
	enum bc_role role;
	int level;
	struct bc_rgb colour;
	const struct bc_node *node;
	struct bc_para *owned_next; /* the doc's list of every para */
	/* Lines of this para (filled by bc_para_lines) */
	double height;
};

/* One line of a para, positioned relative to its block (or cell) top. */
struct bc_line {
	struct bc_para *para;
	int index;	       /* line number inside para->layout */
	double x, y, h;	       /* y = top of the line box */
	double baseline;       /* from y */
	PangoLayoutLine *pl;   /* the Pango line (owned by para->layout) */
	int start, length;     /* its byte range in the para's text */
	struct bc_para *label; /* number or bullet drawn on this line, or NULL */
	double label_x;
	bool keep_with_prev; /* never break the page before this line */
};

struct bc_lines {
	struct bc_line *v;
	size_t n, cap;
};

struct bc_cell {
	double x, w;
	struct bc_lines lines;
	double content_h;
	bool header;
	bool shade;
};

struct bc_row {
	struct bc_cell *cells;
	size_t ncells;
	double h;
	bool header, total;
};

struct bc_table {
	struct bc_row *rows;
	size_t nrows, cap;
	size_t nhead; /* leading header rows, repeated on each page */
	double x, w;
	double padding;
	struct bc_rgb rule, header_bg, label_bg;
};

enum bc_block_kind {
	BC_BLK_LINES,
	BC_BLK_TABLE,
	BC_BLK_RULE,
	BC_BLK_IMAGE,
	BC_BLK_CHART,
	BC_BLK_BREAK
};

struct bc_block {
	enum bc_block_kind kind;
	double space_before, space_after;
	bool keep_with_next;
	bool keep_together;
	double x, w, h;
	struct bc_lines lines;	/* LINES */
	struct bc_table *table; /* TABLE */
	/* IMAGE: a PNG scaled to w x h; the surface is owned here. */
	void *image;		      /* cairo_surface_t*, kept opaque to layout users */
	const struct bc_chart *chart; /* CHART: owned by the model node */
	const struct bc_node *figure; /* IMAGE, CHART, alt-text box: its <figure> */
	struct bc_rgb colour;
	double frame;		      /* >0: draw a frame of this line width around lines */
	const struct bc_node *anchor; /* reference target placed by this block */
	int outline_level;	      /* 0 = not in the outline */
	char *outline_title;
	enum bc_role role;
};

/* Items: what one page shows, in reading order. */
enum bc_item_kind { BC_ITEM_LINE, BC_ITEM_RECT, BC_ITEM_RULE, BC_ITEM_IMAGE, BC_ITEM_CHART };

struct bc_item {
	enum bc_item_kind kind;
	double x, y, w, h; /* LINE: x,y = top-left of the line box */
	const struct bc_line *line;
	struct bc_rgb colour;
	bool fill;
	void *image;
	const struct bc_chart *chart;
	enum bc_role role;
	/* For tagged output: table (group > 0) and row of a cell's line, and
	 * the scope of a header cell; the figure an image or chart shows. */
	int group, row, cell;
	enum bc_scope { BC_SCOPE_NONE, BC_SCOPE_COLUMN, BC_SCOPE_ROW } scope;
	const struct bc_node *figure;
	bool repeat; /* a table's header row again on a later page: an artifact */
};

#define BC_NOTE_GAP	  3.0  /* between footnotes */
#define BC_NOTE_SEPARATOR 10.0 /* room for the rule above the footnotes */

struct bc_page {
	/* Running text: left, centre, right; NULL where a slot shows nothing. */
	struct bc_para *header[3], *footer[3];
	struct bc_para *stamp; /* pack page number, under the footer; or NULL */
	struct bc_item *items;
	size_t nitems, cap;
	struct bc_para **notes; /* footnotes at the foot of this page */
	size_t nnotes, notes_cap;
};

struct bc_anchor {
	const struct bc_node *node;
	int page; /* 0-based */
	double y;
	size_t seq; /* order of placement: stable names for destinations */
};

struct bc_outline {
	int level;
	char *title;
	int page;
	double y;
};

struct bc_doc {
	const struct bc_style *st;
	struct bc_page *pages;
	size_t npages, pages_cap;
	struct bc_block *blocks;
	size_t nblocks, blocks_cap;
	struct bc_anchor *anchors;
	size_t nanchors, anchors_cap;
	struct bc_outline *outline;
	size_t noutline, outline_cap;
	struct bc_para *paras; /* every para, for freeing */
	/* Values of running-text fields ({committee}, ...; bc_style_expand);
	 * {page} and {pages} are filled per page. */
	char *fields[BC_NFIELDS];
	char *title, *author, *subject, *keywords, *lang;
	char *dest_prefix; /* prepended to destination names (papers in a pack) */
			   /* "N characters in ... have no glyph" warnings, printed by
			    * bc_doc_finish: at most BC_GLYPH_NOTES a document. */
#define BC_GLYPH_NOTES 20
	char *glyph_notes[BC_GLYPH_NOTES];
	size_t nglyph_notes;
	PangoContext *pango;
	struct bc_hyph *hyph; /* bc_doc_hyph: opened when first needed */
	bool hyph_tried;
	PangoFontDescription *font_body, *font_bold, *font_small, *font_table, *font_table_bold,
	    *font_title, *font_h[3], *font_label;
	/* Footer/header paras are made at render time from these fonts. */
};

/* Lay out and paginate a numbered, validated paper. base_dir is where
 * images are looked up. With jobs > 1 a long paper's later parts are laid
 * out on other threads (layout_split.c); the result is the same. Returns
 * NULL after diagnostics on error. */
struct bc_doc *bc_layout(const struct bc_node *root, const struct bc_style *st,
			 const struct bc_template *tmpl, const char *base_dir, int jobs,
			 struct bc_diag *d);
void bc_doc_free(struct bc_doc *doc);
/* The hyphenation patterns for the document's language (hyphenate.h),
 * opened on first use; NULL when the system has none. */
const struct bc_hyph *bc_doc_hyph(struct bc_doc *doc);

/* For documents other than papers (an agenda front sheet, a blank-page
 * filler): a document with the style's fonts, laid out with the block
 * builders below through a struct bc_lctx, then finished (paginated, and
 * given running header and footer when `running`). */
struct bc_doc *bc_doc_new(const struct bc_style *st, const char *lang, struct bc_diag *d);

/* A document with the style's fonts and no diagnostics (bc_doc_new less
 * its missing-font warning): a part of a paper laid out on another thread. */
struct bc_doc *bc_doc_part(const struct bc_style *st, const char *lang);
/* Move part's blocks, and the paras they show, to the end of doc; frees part. */
void bc_doc_append(struct bc_doc *doc, struct bc_doc *part);

/* Look up where a node was placed; NULL if it was not. */
const struct bc_anchor *bc_doc_anchor(const struct bc_doc *doc, const struct bc_node *n);

/* ---- shared between the layout files ---- */

enum bc_span_kind { BC_SPAN_ITALIC, BC_SPAN_BOLD, BC_SPAN_SUPER, BC_SPAN_LINK };

struct bc_span {
	int start, end;
	enum bc_span_kind kind;
};

/* Text builder: inline content to text, spans, links and footnote refs. */
struct bc_tb {
	struct bc_buf text;
	struct bc_span *spans;
	size_t nspans, spans_cap;
	struct bc_link *links;
	size_t nlinks, links_cap;
	struct bc_fnref *fns;
	size_t nfns, fns_cap;
	bool pending_space;
	size_t word_run; /* bytes since the last break opportunity */
};

struct bc_lctx {
	struct bc_doc *doc;
	const struct bc_style *st;
	struct bc_diag *d;
	const char *base_dir;
	double text_w;
	int fn_depth;			/* >0 while building a footnote */
	bool flat;			/* paragraphs numbered 1, 2, 3 through the paper */
	const struct bc_template *tmpl; /* the paper's template, or NULL */
};

struct bc_lctx bc_lctx_init(struct bc_doc *doc, const struct bc_node *root,
			    const struct bc_template *tmpl, const char *base_dir,
			    struct bc_diag *d);
/* Lay out the paper's top-level parts from `from` up to `to` (NULL: all). */
void bc_layout_parts(struct bc_lctx *lc, const struct bc_node *from, const struct bc_node *to);

/* layout_split.c: a long paper's later parts laid out on other threads. */
struct bc_split;
/* Start threads on the later parts of root when jobs > 1 and the paper is
 * long enough; NULL (lay everything out here) otherwise. */
struct bc_split *bc_split_start(const struct bc_doc *doc, const struct bc_node *root,
				const struct bc_template *tmpl, const char *base_dir, int jobs,
				struct bc_diag *d);
/* The first part the threads took: where this thread stops (NULL: the end). */
const struct bc_node *bc_split_first(const struct bc_split *sp);
/* Wait for the threads, print their diagnostics in document order and
 * append their blocks to doc. NULL is a no-op. */
void bc_split_end(struct bc_split *sp, struct bc_doc *doc, struct bc_diag *d);

void bc_tb_text(struct bc_tb *tb, const char *s);
void bc_tb_inline(struct bc_tb *tb, struct bc_lctx *lc, const struct bc_node *parent);
int bc_tb_begin(struct bc_tb *tb);
void bc_tb_end(struct bc_tb *tb, int start, enum bc_span_kind kind);
void bc_tb_free(struct bc_tb *tb);

enum bc_align { BC_ALIGN_LEFT, BC_ALIGN_RIGHT, BC_ALIGN_CENTER, BC_ALIGN_JUSTIFY };

/* Shape the builder's text at `width` points; the builder is consumed.
 * Very long text becomes several paras chained through the returned array
 * (*count of them). */
struct bc_para **bc_tb_finish(struct bc_tb *tb, struct bc_lctx *lc,
			      const PangoFontDescription *font, double width, enum bc_align align,
			      enum bc_role role, size_t *count);
/* A para from plain text. */
struct bc_para *bc_para_plain(struct bc_lctx *lc, const char *text,
			      const PangoFontDescription *font, double width, enum bc_align align,
			      enum bc_role role);
/* A paragraph number, bullet or list number, set with a space after it:
 * the space draws nothing, but keeps "1.1" and "The" apart for whatever
 * reads the text rather than the page (a screen reader follows the
 * structure tree, where a numbered paragraph is one P). *width, when
 * asked for, is the label's width without the space, in points. */
struct bc_para *bc_para_label(struct bc_lctx *lc, const char *label,
			      const PangoFontDescription *font, double *width);
/* Append the lines of para at (x, *y), advancing *y. */
void bc_para_lines(struct bc_para *p, double x, double *y, struct bc_lines *out);
/* Natural (unwrapped) width of a para's widest line, in points. */
double bc_para_width(const struct bc_para *p);
/* The width, in Pango units, of the character that starts at each byte of
 * p's text as laid out now (0 elsewhere); caller frees. Read from the
 * glyph runs in one pass: asking Pango for each position
 * (pango_layout_index_to_pos) walks the line from its start every time. */
int *bc_para_char_widths(const struct bc_para *p);

void bc_lines_push(struct bc_lines *l, struct bc_line line);

struct bc_block *bc_doc_add_block(struct bc_doc *doc, enum bc_block_kind kind);
void bc_layout_table(struct bc_lctx *lc, const struct bc_node *table);
void bc_layout_front(struct bc_lctx *lc, const struct bc_node *front);
/* Table building, shared by table.c and front.c: cells hold paragraphs
 * shaped without a width; bc_table_build picks column widths from their
 * natural widths, wraps them and adds the table block. */
struct bc_cpara {
	struct bc_para *p;
	double indent;
	struct bc_para *label; /* bullet or number, drawn in the indent */
	double space_before;
};

struct bc_tcell {
	struct bc_cpara *v;
	size_t n, cap;
	int colspan;
	enum bc_align align;
	bool header, shade;
};

struct bc_trow {
	struct bc_tcell *cells;
	size_t n, cap;
	bool header, total;
};

struct bc_tspec {
	struct bc_trow *rows;
	size_t nrows, cap;
	size_t nhead;
	double *widths; /* per column: >0 fixed share (weights), 0 = automatic */
	size_t nwidths;
	size_t ncols;
	const struct bc_node *anchor;
};

/* Add inline content or plain text as a paragraph of a cell. */
void bc_tcell_inline(struct bc_lctx *lc, struct bc_tcell *cell, const struct bc_node *inl,
		     const PangoFontDescription *font, enum bc_role role);
void bc_tcell_text(struct bc_lctx *lc, struct bc_tcell *cell, const char *text,
		   const PangoFontDescription *font, enum bc_role role);
struct bc_trow *bc_tspec_row(struct bc_tspec *t);
struct bc_tcell *bc_trow_cell(struct bc_trow *r);
/* Lays the table out as a block and frees the spec's contents. */
struct bc_block *bc_table_build(struct bc_lctx *lc, struct bc_tspec *t);

void bc_doc_sort_anchors(struct bc_doc *doc);

/* List labels: "1.", "(a)", "A.", "(iv)" for <ol>, a bullet for <ul>;
 * caller frees. bc_list_start honours <ol start>. */
char *bc_list_label(const struct bc_node *list, int k, int level);
int bc_list_start(const struct bc_node *list);

/* Shape a text builder (consumed) into a block of lines at text column x;
 * a label (number, bullet) hangs at label_x on the first line. */
struct bc_block *bc_block_from_tb(struct bc_lctx *lc, struct bc_tb *tb,
				  const PangoFontDescription *f, double x, enum bc_role role,
				  const char *label, double label_x);
/* "Table 2: caption" above a table or figure, kept with it. */
struct bc_block *bc_caption_block(struct bc_lctx *lc, const char *label,
				  const struct bc_node *caption, double x);
/* "Source: ..." under a table or figure, kept with it. */
struct bc_block *bc_source_block(struct bc_lctx *lc, const struct bc_node *source, double x);

/* Blocks of a container (summary, section body) at text column x. */
void bc_layout_blocks_at(struct bc_lctx *lc, const struct bc_node *parent, double x);
/* An unnumbered heading of the given depth, in the outline. */
void bc_layout_heading(struct bc_lctx *lc, const struct bc_node *anchor, const char *text,
		       int depth);
void bc_paginate(struct bc_doc *doc);
void bc_doc_finish(struct bc_lctx *lc, bool running);

#endif
