/* layout.c - the model's blocks in reading order: headings, numbered
 * paragraphs, lists, recommendations, options, figures. Tables and the front
 * sheet have their own files; pagination is paginate.c. */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "chart.h"
#include "date.h"
#include "hyphenate.h"
#include "layout.h"
#include "number.h"
#include "template.h"
#include "util.h"

#define LIST_INDENT 18.0

struct bc_block *bc_doc_add_block(struct bc_doc *doc, enum bc_block_kind kind)
{
	bc_grow((void **)&doc->blocks, &doc->blocks_cap, doc->nblocks, sizeof *doc->blocks);
	struct bc_block *b = &doc->blocks[doc->nblocks++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	return b;
}

static PangoFontDescription *font(const struct bc_style *st, double size, bool bold)
{
	PangoFontDescription *f = pango_font_description_new();
	pango_font_description_set_family(f, st->font);
	pango_font_description_set_size(f, (gint)(size * PANGO_SCALE));
	if (bold)
		pango_font_description_set_weight(f, PANGO_WEIGHT_BOLD);
	return f;
}

struct bc_block *bc_block_from_tb(struct bc_lctx *lc, struct bc_tb *tb,
				  const PangoFontDescription *f, double x, enum bc_role role,
				  const char *label, double label_x)
{
	double lw = 0;
	struct bc_para *lp = label ? bc_para_label(lc, label, f, &lw) : NULL;
	/* A number wider than its gutter (2.3.1.4) pushes this paragraph's
	 * text along rather than overprinting it. Text never starts further
	 * right than half the text width (deep nesting): then a long label
	 * stands on a line of its own above the text. */
	double max_x = lc->text_w / 2;
	if (x > max_x)
		x = max_x;
	struct bc_para *own_line = NULL;
	if (lp && label_x + lw + 6 > max_x) {
		pango_layout_set_width(lp->layout, (int)((lc->text_w - label_x) * PANGO_SCALE));
		PangoRectangle lg;
		pango_layout_get_extents(lp->layout, NULL, &lg);
		lp->height = lg.height / (double)PANGO_SCALE;
		own_line = lp;
		lp = NULL;
	} else if (lp && label_x + lw + 6 > x) {
		x = label_x + lw + 6;
	}
	size_t n = 0;
	enum bc_align align =
	    lc->st->justify && role == BC_ROLE_P ? BC_ALIGN_JUSTIFY : BC_ALIGN_LEFT;
	struct bc_para **ps = bc_tb_finish(tb, lc, f, lc->text_w - x, align, role, &n);
	struct bc_block *b = bc_doc_add_block(lc->doc, BC_BLK_LINES);
	b->w = lc->text_w;
	b->role = role;
	double y = 0;
	if (own_line)
		bc_para_lines(own_line, label_x, &y, &b->lines);
	for (size_t i = 0; i < n; i++) {
		size_t first = b->lines.n;
		bc_para_lines(ps[i], x, &y, &b->lines);
		if (i == 0 && lp && b->lines.n > first) {
			b->lines.v[first].label = lp;
			b->lines.v[first].label_x = label_x;
		}
	}
	free(ps);
	b->h = y;
	b->space_after = lc->st->para_space;
	return b;
}

/* The paras of a block, for setting colour, level or node on all of them. */
static void block_paras(struct bc_block *b, int level, const struct bc_node *node,
			const struct bc_rgb *colour)
{
	for (size_t i = 0; i < b->lines.n; i++) {
		struct bc_line *l = &b->lines.v[i];
		l->para->level = level;
		l->para->node = node;
		if (colour) {
			l->para->colour = *colour;
			if (l->label)
				l->label->colour = *colour;
		}
	}
}

struct bc_block *bc_caption_block(struct bc_lctx *lc, const char *label,
				  const struct bc_node *caption, double x)
{
	struct bc_tb tb = {0};
	int s = bc_tb_begin(&tb);
	bc_tb_text(&tb, label);
	bc_tb_text(&tb, ": ");
	bc_tb_end(&tb, s, BC_SPAN_BOLD);
	if (caption)
		bc_tb_inline(&tb, lc, caption);
	struct bc_block *b =
	    bc_block_from_tb(lc, &tb, lc->doc->font_body, x, BC_ROLE_CAPTION, NULL, 0);
	b->space_before = lc->st->para_space;
	b->space_after = 4;
	b->keep_with_next = true;
	return b;
}

struct bc_block *bc_source_block(struct bc_lctx *lc, const struct bc_node *source, double x)
{
	/* The block above (table, figure) belongs with its source note. */
	if (lc->doc->nblocks) {
		lc->doc->blocks[lc->doc->nblocks - 1].keep_with_next = true;
		lc->doc->blocks[lc->doc->nblocks - 1].space_after = 2;
	}
	struct bc_tb tb = {0};
	bc_tb_text(&tb, "Source: ");
	bc_tb_inline(&tb, lc, source);
	struct bc_block *b =
	    bc_block_from_tb(lc, &tb, lc->doc->font_small, x, BC_ROLE_CAPTION, NULL, 0);
	b->keep_together = true;
	return b;
}

/* One paragraph of inline content (after an optional prefix) as a block,
 * with an optional label hanging in the gutter at label_x. */
static struct bc_block *text_block(struct bc_lctx *lc, const struct bc_node *inl,
				   const char *prefix, const char *label, double label_x, double x,
				   const PangoFontDescription *f, enum bc_role role, int level)
{
	struct bc_tb tb = {0};
	if (prefix)
		bc_tb_text(&tb, prefix);
	if (inl)
		bc_tb_inline(&tb, lc, inl);
	struct bc_block *b = bc_block_from_tb(lc, &tb, f, x, role, label, label_x);
	block_paras(b, level, inl, NULL);
	if (inl && bc_node_attr(inl, "id"))
		b->anchor = inl;
	return b;
}

static char *display_number(const struct bc_style *st, const char *number)
{
	/* Most council papers print "3." and "3.2" (top); some "3.2." (all),
	 * some bare numbers (none): <numbering trailing-dot>. */
	bool dot = st->trailing_dot == BC_DOT_ALL ||
		   (st->trailing_dot == BC_DOT_TOP && !strchr(number, '.'));
	return dot ? bc_xasprintf("%s.", number) : bc_xstrdup(number);
}

/* Indent of text inside a section: the number gutter, when numbers are
 * shown in this part of the paper. */
struct flow {
	double x;	/* text column */
	double label_x; /* paragraph-number column */
	int depth;	/* heading level of the enclosing section */
};

static void layout_blocks(struct bc_lctx *lc, const struct bc_node *parent, struct flow fl);

static void heading(struct bc_lctx *lc, const struct bc_node *n, const char *text,
		    const char *number, int depth, struct flow fl)
{
	int lvl = depth < 1 ? 1 : depth > 3 ? 3 : depth;
	char *label = number ? display_number(lc->st, number) : NULL;
	double x = label ? lc->st->number_width : 0;
	if (!label && fl.x > 0 && depth > 1)
		x = fl.x;
	struct bc_tb tb = {0};
	bc_tb_text(&tb, text);
	struct bc_block *b =
	    bc_block_from_tb(lc, &tb, lc->doc->font_h[lvl - 1], x, BC_ROLE_H, label, 0);
	block_paras(b, depth, n, &lc->st->h_colour[lvl - 1]);
	b->space_before = lc->st->h_before[lvl - 1];
	b->space_after = lc->st->h_after[lvl - 1];
	b->keep_with_next = true;
	b->keep_together = true;
	b->anchor = n;
	if (depth <= 3) {
		b->outline_level = depth;
		b->outline_title = label ? bc_xasprintf("%s %s", label, text) : bc_xstrdup(text);
	}
	free(label);
}

static const char *bullet_for(int level)
{
	static const char *const bullets[] = {"\u2022", "\u2013", "\u25e6"};
	return bullets[level % 3];
}

int bc_list_start(const struct bc_node *list)
{
	const char *start = bc_node_attr(list, "start");
	int k = start ? atoi(start) : 1;
	return k > 0 && k < 100000 ? k : 1;
}

char *bc_list_label(const struct bc_node *list, int k, int level)
{
	if (list->kind != BC_OL)
		return bc_xstrdup(bullet_for(level));
	const char *style = bc_node_attr(list, "style");
	char *num = bc_number_format(k, style);
	char *label;
	if (style && (strcmp(style, "letter") == 0 || strcmp(style, "roman") == 0))
		label = bc_xasprintf("(%s)", num);
	else
		label = bc_xasprintf("%s.", num);
	free(num);
	return label;
}

/* Lists: each item a block; nested lists indent further. */
static void layout_list(struct bc_lctx *lc, const struct bc_node *list, double x, int level)
{
	int k = bc_list_start(list);
	for (const struct bc_node *li = list->first; li; li = li->next, k++) {
		char *label = bc_list_label(list, k, level);
		/* Deeply nested lists stop indenting at a third of the width. */
		double step = list->kind == BC_OL ? LIST_INDENT + 8 : LIST_INDENT;
		double tx = x + step <= lc->text_w / 3 ? x + step : x;
		bool first = true;
		for (const struct bc_node *c = li->first; c; c = c->next) {
			if (c->kind == BC_P) {
				struct bc_block *b =
				    text_block(lc, c, NULL, first ? label : NULL, x, tx,
					       lc->doc->font_body, BC_ROLE_LI, 0);
				b->space_after = lc->st->para_space / 2;
				if (first && bc_node_attr(li, "id"))
					b->anchor = li;
				first = false;
			} else if (c->kind == BC_UL || c->kind == BC_OL) {
				layout_list(lc, c, tx, level + 1);
			}
		}
		free(label);
	}
	if (lc->doc->nblocks)
		lc->doc->blocks[lc->doc->nblocks - 1].space_after = lc->st->para_space;
}

static struct bc_block *lead_in(struct bc_lctx *lc, const char *text, double x)
{
	struct bc_tb tb = {0};
	bc_tb_text(&tb, text);
	struct bc_block *b = bc_block_from_tb(lc, &tb, lc->doc->font_bold, x, BC_ROLE_P, NULL, 0);
	b->space_after = lc->st->para_space / 2;
	b->keep_with_next = true;
	return b;
}

/* A chart scaled to the text width; its height is what the chart asks for,
 * but never more than three quarters of a page (the chart fits itself into
 * the box it is given). */
static void chart_block(struct bc_lctx *lc, const struct bc_chart *chart, double x)
{
	const struct bc_style *st = lc->st;
	struct bc_chart_ctx cx = {NULL,
				  lc->doc->pango,
				  st,
				  lc->doc->font_table,
				  lc->doc->font_table_bold,
				  lc->doc->font_small};
	double w = lc->text_w - x;
	double h = bc_chart_ops_for(chart)->height(chart, &cx, w);
	double maxh = (st->page_h - st->margin_top - st->margin_bottom) * 0.75;
	if (!(h > 0))
		h = w / 2;
	if (h > maxh)
		h = maxh;
	struct bc_block *b = bc_doc_add_block(lc->doc, BC_BLK_CHART);
	b->chart = chart;
	b->figure = chart->node->parent;
	b->x = x;
	b->w = w;
	b->h = h;
	b->role = BC_ROLE_FIGURE;
	b->space_after = st->para_space;
}

static void figure(struct bc_lctx *lc, const struct bc_node *fig, double x)
{
	const struct bc_style *st = lc->st;
	double w = lc->text_w - x;
	bc_caption_block(lc, fig->label ? fig->label : "Figure", bc_node_child(fig, BC_CAPTION), x)
	    ->anchor = fig;

	const struct bc_node *img = bc_node_child(fig, BC_IMAGE);
	const struct bc_node *alt = bc_node_child(fig, BC_ALT);
	cairo_surface_t *surface = NULL;
	if (img) {
		char *path = bc_xasprintf("%s/%s", lc->base_dir, bc_node_attr(img, "src"));
		struct stat sb;
		if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode)) {
			bc_diag(lc->d, BC_ERROR, img->line, img->col, "image '%s' not found",
				bc_node_attr(img, "src"));
		} else if (!bc_path_inside(lc->base_dir, path)) {
			bc_diag(lc->d, BC_ERROR, img->line, img->col,
				"image '%s' resolves outside the paper's folder",
				bc_node_attr(img, "src"));
		} else if (sb.st_size > 20 * 1024 * 1024) {
			bc_diag(lc->d, BC_ERROR, img->line, img->col,
				"image '%s' is larger than 20 MiB", bc_node_attr(img, "src"));
		} else {
			surface = cairo_image_surface_create_from_png(path);
			if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
				bc_diag(lc->d, BC_ERROR, img->line, img->col,
					"image '%s' is not a readable PNG (%s)",
					bc_node_attr(img, "src"),
					cairo_status_to_string(cairo_surface_status(surface)));
				cairo_surface_destroy(surface);
				surface = NULL;
			}
		}
		free(path);
	}
	const struct bc_node *chart = bc_node_child(fig, BC_CHART);
	if (chart && chart->aux) {
		chart_block(lc, chart->aux, x);
	} else if (surface) {
		double pw = cairo_image_surface_get_width(surface);
		double ph = cairo_image_surface_get_height(surface);
		double want = w;
		const char *wattr = bc_node_attr(img, "width");
		if (wattr && strchr(wattr, '%'))
			want = w * atof(wattr) / 100.0;
		if (want > w || want <= 0)
			want = w;
		double maxh = (st->page_h - st->margin_top - st->margin_bottom) * 0.75;
		double h = ph * want / pw;
		if (h > maxh) {
			want *= maxh / h;
			h = maxh;
		}
		struct bc_block *ib = bc_doc_add_block(lc->doc, BC_BLK_IMAGE);
		ib->image = surface;
		ib->figure = fig;
		ib->x = x;
		ib->w = want;
		ib->h = h;
		ib->role = BC_ROLE_FIGURE;
		ib->space_after = st->para_space;
	} else {
		/* No drawing yet: a framed box holding the text alternative, so
		 * the figure's place and meaning are visible on the page. */
		struct bc_tb at = {0};
		int s2 = bc_tb_begin(&at);
		char *alt_text = alt ? bc_node_text(alt) : bc_xstrdup("");
		bc_tb_text(&at, alt_text);
		free(alt_text);
		bc_tb_end(&at, s2, BC_SPAN_ITALIC);
		size_t an = 0;
		struct bc_para **aps = bc_tb_finish(&at, lc, lc->doc->font_small, w - 16,
						    BC_ALIGN_LEFT, BC_ROLE_FIGURE, &an);
		struct bc_block *fb = bc_doc_add_block(lc->doc, BC_BLK_LINES);
		fb->w = w;
		fb->x = x;
		fb->role = BC_ROLE_FIGURE;
		fb->figure = fig; /* its /Alt, as its text */
		fb->frame = 0.75;
		fb->colour = st->table_rule;
		double fy = 8;
		for (size_t i = 0; i < an; i++)
			bc_para_lines(aps[i], x + 8, &fy, &fb->lines);
		free(aps);
		fb->h = fy + 8;
		fb->keep_together = true;
		fb->space_after = st->para_space;
	}
	const struct bc_node *src = bc_node_child(fig, BC_SOURCE);
	if (src)
		bc_source_block(lc, src, x);
}

static void quote(struct bc_lctx *lc, const struct bc_node *q, double x)
{
	for (const struct bc_node *p = q->first; p; p = p->next) {
		struct bc_tb tb = {0};
		int s = bc_tb_begin(&tb);
		bc_tb_inline(&tb, lc, p);
		bc_tb_end(&tb, s, BC_SPAN_ITALIC);
		bc_block_from_tb(lc, &tb, lc->doc->font_body, x + LIST_INDENT, BC_ROLE_P, NULL, 0);
	}
	const char *source = bc_node_attr(q, "source");
	if (source && lc->doc->nblocks) {
		char *t = bc_xasprintf("\u2014 %s", source);
		struct bc_block *b = lead_in(lc, t, x + LIST_INDENT);
		b->keep_with_next = false;
		b->space_after = lc->st->para_space;
		free(t);
	}
}

static void paragraph(struct bc_lctx *lc, const struct bc_node *p, struct flow fl)
{
	char *label = p->number ? display_number(lc->st, p->number) : NULL;
	struct bc_block *b =
	    text_block(lc, p, NULL, label, fl.label_x, fl.x, lc->doc->font_body, BC_ROLE_P, 0);
	free(label);
	/* "The options are:" introduces what follows; keep them together. */
	char *text = bc_node_text(p);
	size_t n = strlen(text);
	if (n && text[n - 1] == ':' && p->next && p->next->kind != BC_SECTION)
		b->keep_with_next = true;
	free(text);
}

/* <standard name="..."/>: the template's wording, set as a paragraph. */
static void standard(struct bc_lctx *lc, const struct bc_node *n, struct flow fl)
{
	const char *name = bc_node_attr(n, "name");
	const char *text = bc_template_wording(lc->tmpl, name);
	if (!text) {
		if (lc->tmpl) {
			bc_diag(lc->d, BC_ERROR, n->line, n->col,
				"template '%s' has no standard wording '%s'", lc->tmpl->name, name);
			bc_hint(lc->d, "%s lists its <wording> blocks", lc->tmpl->path);
		} else {
			bc_diag(lc->d, BC_ERROR, n->line, n->col,
				"<standard name=\"%s\"> needs a template: the paper names none",
				name);
			bc_hint(lc->d,
				"add template=\"NAME\" to <paper>; 'boardc templates' lists them");
		}
		return;
	}
	char *label = n->number ? display_number(lc->st, n->number) : NULL;
	struct bc_block *b =
	    text_block(lc, NULL, text, label, fl.label_x, fl.x, lc->doc->font_body, BC_ROLE_P, 0);
	if (bc_node_attr(n, "id"))
		b->anchor = n;
	free(label);
}

static void one_block(struct bc_lctx *lc, const struct bc_node *c, struct flow fl)
{
	switch (c->kind) {
	case BC_P:
		paragraph(lc, c, fl);
		break;
	case BC_STANDARD:
		standard(lc, c, fl);
		break;
	case BC_UL:
	case BC_OL:
		layout_list(lc, c, fl.x, 0);
		break;
	case BC_TABLE:
		bc_layout_table(lc, c);
		break;
	case BC_FIGURE:
		figure(lc, c, fl.x);
		break;
	case BC_QUOTE:
		quote(lc, c, fl.x);
		break;
	default:
		break;
	}
}

static void sectionlike(struct bc_lctx *lc, const struct bc_node *n, struct flow fl);

/* One bulleted item whose text is in tb (consumed); a link to `uri` or
 * `target` covers the whole text when given. */
static void bullet_item(struct bc_lctx *lc, struct bc_tb *tb, int start, const char *uri,
			const struct bc_node *target, struct flow fl)
{
	if (uri || target) {
		struct bc_link l = {start, (int)tb->text.len, uri ? bc_xstrdup(uri) : NULL, target};
		BC_PUSH(tb->links, tb->nlinks, tb->links_cap, l);
		bc_tb_end(tb, start, BC_SPAN_LINK);
	}
	struct bc_block *b = bc_block_from_tb(lc, tb, lc->doc->font_body, fl.x + LIST_INDENT,
					      BC_ROLE_LI, bullet_for(0), fl.x);
	b->space_after = lc->st->para_space / 2;
}

static void item_list(struct bc_lctx *lc, const struct bc_node *parent, enum bc_kind kind,
		      struct flow fl)
{
	for (const struct bc_node *c = parent->first; c; c = c->next) {
		if (c->kind != kind)
			continue;
		struct bc_tb tb = {0};
		int s = bc_tb_begin(&tb);
		bc_tb_inline(&tb, lc, c);
		bullet_item(lc, &tb, s, bc_node_attr(c, "href"), NULL, fl);
	}
}

static void appendix_list(struct bc_lctx *lc, const struct bc_node *root, struct flow fl)
{
	bool any = false;
	for (const struct bc_node *a = root->first; a; a = a->next) {
		if (a->kind != BC_APPENDIX)
			continue;
		any = true;
		struct bc_tb tb = {0};
		int s = bc_tb_begin(&tb);
		bc_tb_text(&tb, a->label);
		bc_tb_text(&tb, " \u2013 ");
		bc_tb_text(&tb, bc_node_title(a));
		bullet_item(lc, &tb, s, NULL, a, fl);
	}
	if (!any)
		text_block(lc, NULL, "None.", NULL, 0, fl.x, lc->doc->font_body, BC_ROLE_P, 0);
}

static void option(struct bc_lctx *lc, const struct bc_node *o, struct flow fl)
{
	char *title =
	    bc_xasprintf("%s: %s%s", o->label, bc_node_title(o),
			 bc_node_attr_is(o, "recommended", "yes") ? " (recommended)" : "");
	struct flow sub = fl;
	sub.depth = fl.depth + 1;
	heading(lc, o, title, NULL, sub.depth, fl);
	free(title);
	layout_blocks(lc, o, fl);
	const struct bc_node *adv = bc_node_child(o, BC_ADVANTAGES);
	const struct bc_node *dis = bc_node_child(o, BC_DISADVANTAGES);
	const struct bc_node *lists[2] = {adv, dis};
	const char *names[2] = {"Advantages", "Disadvantages"};
	for (int i = 0; i < 2; i++) {
		if (!lists[i])
			continue;
		lead_in(lc, names[i], fl.x);
		struct bc_node fake = *lists[i];
		fake.kind = BC_UL;
		layout_list(lc, &fake, fl.x, 0);
	}
}

static void sectionlike(struct bc_lctx *lc, const struct bc_node *n, struct flow fl)
{
	if (bc_node_attr_is(n, "page-break", "before"))
		bc_doc_add_block(lc->doc, BC_BLK_BREAK);
	int depth = n->depth > 0 ? n->depth : fl.depth + 1;
	heading(lc, n, bc_node_title(n), n->number, depth, fl);
	struct flow inner = fl;
	inner.depth = depth;
	if (n->number || fl.x > 0 || lc->flat) {
		inner.x = lc->st->number_width;
		inner.label_x = 0;
	}
	switch (n->kind) {
	case BC_RECOMMENDATIONS: {
		const struct bc_node *intro = bc_node_child(n, BC_INTRO);
		if (intro)
			text_block(lc, intro, NULL, NULL, 0, inner.x, lc->doc->font_body, BC_ROLE_P,
				   0);
		double x = inner.x > 0 ? inner.x : lc->st->number_width;
		for (const struct bc_node *r = n->first; r; r = r->next) {
			if (r->kind != BC_RECOMMENDATION)
				continue;
			char *label = display_number(lc->st, r->number ? r->number : "?");
			double lx = inner.x > 0 ? inner.label_x : 0;
			text_block(lc, r, NULL, label, lx, x, lc->doc->font_body, BC_ROLE_P, 0);
			free(label);
		}
		break;
	}
	case BC_OPTIONS:
		layout_blocks(lc, n, inner);
		for (const struct bc_node *o = n->first; o; o = o->next)
			if (o->kind == BC_OPTION)
				option(lc, o, inner);
		break;
	case BC_CONSULTEES:
		layout_blocks(lc, n, inner);
		item_list(lc, n, BC_CONSULTEE, inner);
		break;
	case BC_BACKGROUND_PAPERS:
		layout_blocks(lc, n, inner);
		item_list(lc, n, BC_DOCUMENT, inner);
		break;
	case BC_APPENDIX_LIST: {
		layout_blocks(lc, n, inner);
		const struct bc_node *root = n;
		while (root->parent)
			root = root->parent;
		appendix_list(lc, root, inner);
		break;
	}
	default:
		layout_blocks(lc, n, inner);
		break;
	}
	if (n->kind == BC_IMPLICATION) {
		const char *by = bc_node_attr(n, "signed-off-by");
		if (by) {
			/* The sign-off belongs to the text above it. */
			if (lc->doc->nblocks)
				lc->doc->blocks[lc->doc->nblocks - 1].keep_with_next = true;
			struct bc_tb tb = {0};
			bc_tb_text(&tb, by);
			struct bc_block *b = bc_block_from_tb(lc, &tb, lc->doc->font_small, inner.x,
							      BC_ROLE_P, NULL, 0);
			b->space_after = lc->st->para_space;
		}
	}
}

static void layout_blocks(struct bc_lctx *lc, const struct bc_node *parent, struct flow fl)
{
	for (const struct bc_node *c = parent->first; c; c = c->next) {
		if (c->kind == BC_SECTION || c->kind == BC_IMPLICATION)
			sectionlike(lc, c, fl);
		else
			one_block(lc, c, fl);
	}
}

void bc_layout_blocks_at(struct bc_lctx *lc, const struct bc_node *parent, double x)
{
	struct flow fl = {x, 0, 1};
	layout_blocks(lc, parent, fl);
}

void bc_layout_heading(struct bc_lctx *lc, const struct bc_node *anchor, const char *text,
		       int depth)
{
	struct flow fl = {0, 0, depth - 1};
	heading(lc, anchor, text, NULL, depth, fl);
}

static void appendix(struct bc_lctx *lc, const struct bc_node *a)
{
	bc_doc_add_block(lc->doc, BC_BLK_BREAK);
	char *title = bc_xasprintf("%s \u2013 %s", a->label, bc_node_title(a));
	struct flow fl = {0, 0, 1};
	heading(lc, a, title, NULL, 1, fl);
	free(title);
	layout_blocks(lc, a, fl);
}

static void set_meta(struct bc_doc *doc, const struct bc_node *root)
{
	const struct bc_node *front = bc_node_child(root, BC_FRONT);
	const struct bc_node *t = bc_node_child(front, BC_TITLE);
	doc->title = t ? bc_node_text(t) : bc_xstrdup("");
	const struct bc_node *author = bc_node_child(front, BC_AUTHOR);
	if (!author)
		author = bc_node_child(front, BC_CONTACT);
	const struct bc_node *name = author ? bc_node_child(author, BC_NAME) : NULL;
	const struct bc_node *rep = bc_node_child(front, BC_REPORT_OF);
	doc->author = name ? bc_node_text(name) : rep ? bc_node_text(rep) : bc_xstrdup("");
	const struct bc_node *com = bc_node_child(front, BC_COMMITTEE);
	const struct bc_node *meet = bc_node_child(front, BC_MEETING);
	const struct bc_node *item = bc_node_child(front, BC_ITEM);
	char *committee = com ? bc_node_text(com) : bc_xstrdup("");
	const char *date = meet ? bc_node_attr(meet, "date") : "";
	doc->subject = bc_xasprintf("%s, %s", committee, date ? date : "");
	const char *kw = bc_node_attr(root, "keywords");
	doc->keywords = bc_xstrdup(kw ? kw : "");
	const char *lang = bc_node_attr(root, "lang");
	doc->lang = bc_xstrdup(lang ? lang : "en-GB");
	struct bc_date dd;
	char when[64] = "";
	if (date && bc_date_parse(date, &dd)) {
		bc_date_format(&dd, when, sizeof when);
		/* Drop the weekday: "6 July 2010" reads better in a header. */
		char *sp = strchr(when, ' ');
		if (sp)
			memmove(when, sp + 1, strlen(sp));
	}
	/* Values for the style's running text; {page} and {pages} come later. */
	const struct bc_node *org = bc_node_child(front, BC_ORGANISATION);
	doc->fields[BC_FIELD_ORGANISATION] = org ? bc_node_text(org) : bc_xstrdup("");
	doc->fields[BC_FIELD_COMMITTEE] = committee;
	doc->fields[BC_FIELD_DATE] = bc_xstrdup(when);
	doc->fields[BC_FIELD_ITEM] = item ? bc_node_text(item) : bc_xstrdup("");
	doc->fields[BC_FIELD_TITLE] = bc_xstrdup(doc->title);
	doc->fields[BC_FIELD_PART] = bc_xstrdup(
	    bc_node_child(front, BC_EXEMPT) ? "Part 2 \u2013 exempt" : "Part 1 \u2013 public");
}

/* One slot of running text for a page, or NULL when it comes out empty. */
static struct bc_para *running(struct bc_lctx *lc, const char *text, const char *const *values)
{
	char *t = bc_style_expand(text, values);
	struct bc_para *p = NULL;
	if (t[0]) {
		p = bc_para_plain(lc, t, lc->doc->font_small, -1, BC_ALIGN_LEFT, BC_ROLE_ARTIFACT);
		p->colour = lc->st->small;
	}
	free(t);
	return p;
}

static double natural(const struct bc_para *p)
{
	return p ? bc_para_width(p) : 0;
}

/* Cut a slot wider than room short with an ellipsis, rather than let it
 * run into its neighbour. */
static void fit(struct bc_para *p, double room)
{
	if (p && bc_para_width(p) > room) {
		pango_layout_set_width(p->layout, (int)(room * PANGO_SCALE));
		pango_layout_set_ellipsize(p->layout, PANGO_ELLIPSIZE_END);
	}
}

/* Left, centre and right running text of one page. Slots that fit keep
 * their width; otherwise the centre slot (centred on the text width) keeps
 * at least a third, and the sides share what is left, a short side giving
 * its spare room to a long one. */
static void running_slots(struct bc_lctx *lc, char *const text[3], const char *const *values,
			  struct bc_para *out[3])
{
	const double w = lc->text_w, gap = 12;
	for (int i = 0; i < 3; i++)
		out[i] = running(lc, text[i], values);
	double nl = natural(out[0]), nc = natural(out[1]), nr = natural(out[2]);
	if (out[1]) {
		double side = fmax(nl, nr) + gap;
		double c = fmin(nc, fmax(w / 3, w - 2 * side));
		fit(out[1], c);
		fit(out[0], (w - c) / 2 - gap);
		fit(out[2], (w - c) / 2 - gap);
	} else if (nl + gap + nr > w) {
		double half = (w - gap) / 2;
		fit(out[0], nr < half ? w - gap - nr : nl < half ? nl : half);
		fit(out[2], nl < half ? w - gap - nl : nr < half ? nr : half);
	}
}

struct bc_doc *bc_doc_part(const struct bc_style *st, const char *lang)
{
	struct bc_doc *doc = bc_xcalloc(1, sizeof *doc);
	doc->st = st;
	/* The thread's default font map (Pango keeps one per thread): font
	 * loading and fontconfig's caches are then paid once per process, and
	 * a new map per document would leak fontconfig patterns each time. */
	PangoFontMap *map = pango_cairo_font_map_get_default();
	/* 72 dpi for the map too, not only for our context: Pango measures a
	 * font's metrics with a context of the map's own, and at the default
	 * 96 dpi each font we measure became a second fontconfig pattern (a
	 * 9 pt face also matched at 6.75 pt, two threads each). */
	if (pango_cairo_font_map_get_resolution(PANGO_CAIRO_FONT_MAP(map)) != 72.0)
		pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(map), 72.0);
	doc->pango = pango_font_map_create_context(map);
	pango_cairo_context_set_resolution(doc->pango, 72.0);
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(doc->pango, fo);
	cairo_font_options_destroy(fo);
	pango_context_set_round_glyph_positions(doc->pango, FALSE);
	pango_context_set_language(doc->pango, pango_language_from_string(lang ? lang : "en-GB"));

	doc->font_body = font(st, st->body_size, false);
	doc->font_bold = font(st, st->body_size, true);
	doc->font_small = font(st, st->small_size, false);
	doc->font_table = font(st, st->table_size, false);
	doc->font_table_bold = font(st, st->table_size, true);
	doc->font_title = font(st, st->title_size, true);
	doc->font_label = font(st, st->small_size, true);
	for (int i = 0; i < 3; i++)
		doc->font_h[i] = font(st, st->h_size[i], true);
	return doc;
}

struct bc_doc *bc_doc_new(const struct bc_style *st, const char *lang, struct bc_diag *d)
{
	struct bc_doc *doc = bc_doc_part(st, lang);
	/* Warn, naming the font, when the style's face is not installed. */
	PangoFont *loaded = pango_context_load_font(doc->pango, doc->font_body);
	if (loaded) {
		PangoFontDescription *got = pango_font_describe(loaded);
		const char *family = pango_font_description_get_family(got);
		if (family && g_ascii_strcasecmp(family, st->font) != 0)
			bc_diag(d, BC_WARNING, 0, 0,
				"font '%s' is not installed; using '%s' instead", st->font, family);
		pango_font_description_free(got);
		g_object_unref(loaded);
	}
	return doc;
}

/* Print, and forget, the document's missing-glyph warnings. */
static void glyph_warnings(struct bc_doc *doc, struct bc_diag *d)
{
	for (size_t i = 0; i < doc->nglyph_notes; i++) {
		bc_diag(d, BC_WARNING, 0, 0, "%s", doc->glyph_notes[i]);
		free(doc->glyph_notes[i]);
	}
	doc->nglyph_notes = 0;
}

void bc_doc_finish(struct bc_lctx *lc, bool running)
{
	struct bc_doc *doc = lc->doc;
	const struct bc_style *st = lc->st;
	glyph_warnings(doc, lc->d);
	bc_paginate(doc);
	if (!running)
		return;
	/* Running header and footer, now that the page count is known. */
	const char *values[BC_NFIELDS];
	for (int f = 0; f < BC_NFIELDS; f++)
		values[f] = doc->fields[f];
	char pages[32];
	snprintf(pages, sizeof pages, "%zu", doc->npages);
	values[BC_FIELD_PAGES] = pages;
	for (size_t i = 0; i < doc->npages; i++) {
		struct bc_page *pg = &doc->pages[i];
		char page[32];
		snprintf(page, sizeof page, "%zu", i + 1);
		values[BC_FIELD_PAGE] = page;
		running_slots(lc, st->footer, values, pg->footer);
		/* The front sheet carries its own heading, unless asked. */
		if (i > 0 || st->header_first_page)
			running_slots(lc, st->header, values, pg->header);
	}
}

struct bc_lctx bc_lctx_init(struct bc_doc *doc, const struct bc_node *root,
			    const struct bc_template *tmpl, const char *base_dir, struct bc_diag *d)
{
	return (struct bc_lctx){doc,
				doc->st,
				d,
				base_dir ? base_dir : ".",
				bc_style_text_width(doc->st),
				0,
				bc_node_attr_is(root, "numbering", "flat"),
				tmpl};
}

void bc_layout_parts(struct bc_lctx *lc, const struct bc_node *from, const struct bc_node *to)
{
	struct flow fl = {0, 0, 0};
	for (const struct bc_node *c = from; c && c != to; c = c->next) {
		if (c->kind == BC_FRONT)
			bc_layout_front(lc, c);
		else if (c->kind == BC_APPENDIX)
			appendix(lc, c);
		else if (bc_kind_is_sectionlike(c->kind))
			sectionlike(lc, c, fl);
	}
}

void bc_doc_append(struct bc_doc *doc, struct bc_doc *part)
{
	for (size_t i = 0; i < part->nblocks; i++)
		*bc_doc_add_block(doc, part->blocks[i].kind) = part->blocks[i];
	part->nblocks = 0;
	for (size_t i = 0; i < part->nglyph_notes; i++) {
		if (doc->nglyph_notes < BC_GLYPH_NOTES)
			doc->glyph_notes[doc->nglyph_notes++] = part->glyph_notes[i];
		else
			free(part->glyph_notes[i]);
	}
	part->nglyph_notes = 0;
	if (part->paras) {
		struct bc_para *last = part->paras;
		while (last->owned_next)
			last = last->owned_next;
		last->owned_next = doc->paras;
		doc->paras = part->paras;
		part->paras = NULL;
	}
	bc_doc_free(part);
}

struct bc_doc *bc_layout(const struct bc_node *root, const struct bc_style *st,
			 const struct bc_template *tmpl, const char *base_dir, int jobs,
			 struct bc_diag *d)
{
	struct bc_doc *doc = bc_doc_new(st, bc_node_attr(root, "lang"), d);
	struct bc_lctx lc = bc_lctx_init(doc, root, tmpl, base_dir, d);
	set_meta(doc, root);
	int before = d->errors;
	/* Later parts of a long paper on other threads (layout_split.c). */
	struct bc_split *split = bc_split_start(doc, root, tmpl, base_dir, jobs, d);
	bc_layout_parts(&lc, root->first, bc_split_first(split));
	bc_split_end(split, doc, d);
	glyph_warnings(doc, d);
	if (d->errors != before) {
		bc_doc_free(doc);
		return NULL;
	}
	bc_doc_finish(&lc, true);
	return doc;
}

static void free_lines(struct bc_lines *l)
{
	free(l->v);
}

const struct bc_hyph *bc_doc_hyph(struct bc_doc *doc)
{
	if (!doc->hyph_tried) {
		doc->hyph_tried = true;
		doc->hyph =
		    bc_hyph_open(pango_language_to_string(pango_context_get_language(doc->pango)));
	}
	return doc->hyph;
}

void bc_doc_free(struct bc_doc *doc)
{
	if (!doc)
		return;
	bc_hyph_free(doc->hyph);
	for (size_t i = 0; i < doc->nblocks; i++) {
		struct bc_block *b = &doc->blocks[i];
		free_lines(&b->lines);
		free(b->outline_title);
		if (b->image)
			cairo_surface_destroy(b->image);
		if (b->table) {
			for (size_t r = 0; r < b->table->nrows; r++) {
				struct bc_row *row = &b->table->rows[r];
				for (size_t c = 0; c < row->ncells; c++)
					free_lines(&row->cells[c].lines);
				free(row->cells);
			}
			free(b->table->rows);
			free(b->table);
		}
	}
	free(doc->blocks);
	for (size_t i = 0; i < doc->npages; i++) {
		free(doc->pages[i].items);
		free(doc->pages[i].notes);
	}
	free(doc->pages);
	free(doc->anchors);
	for (size_t i = 0; i < doc->noutline; i++)
		free(doc->outline[i].title);
	free(doc->outline);
	for (struct bc_para *p = doc->paras, *next; p; p = next) {
		next = p->owned_next;
		g_object_unref(p->layout);
		for (size_t i = 0; i < p->nlinks; i++)
			free(p->links[i].uri);
		free(p->links);
		free(p->fns);
		free(p);
	}
	PangoFontDescription *fonts[] = {doc->font_body,  doc->font_bold,	doc->font_small,
					 doc->font_table, doc->font_table_bold, doc->font_title,
					 doc->font_label, doc->font_h[0],	doc->font_h[1],
					 doc->font_h[2]};
	for (size_t i = 0; i < sizeof fonts / sizeof *fonts; i++)
		if (fonts[i])
			pango_font_description_free(fonts[i]);
	if (doc->pango)
		g_object_unref(doc->pango);
	for (int f = 0; f < BC_NFIELDS; f++)
		free(doc->fields[f]);
	free(doc->title);
	free(doc->dest_prefix);
	free(doc->author);
	free(doc->subject);
	free(doc->keywords);
	free(doc->lang);
	for (size_t i = 0; i < doc->nglyph_notes; i++)
		free(doc->glyph_notes[i]);
	free(doc);
}

static int cmp_anchor(const void *a, const void *b)
{
	const struct bc_anchor *x = a, *y = b;
	return x->node < y->node ? -1 : x->node > y->node;
}

void bc_doc_sort_anchors(struct bc_doc *doc)
{
	if (doc->nanchors > 1)
		qsort(doc->anchors, doc->nanchors, sizeof *doc->anchors, cmp_anchor);
}

const struct bc_anchor *bc_doc_anchor(const struct bc_doc *doc, const struct bc_node *n)
{
	struct bc_anchor key = {n, 0, 0, 0};
	if (!doc->nanchors)
		return NULL;
	return bsearch(&key, doc->anchors, doc->nanchors, sizeof key, cmp_anchor);
}
