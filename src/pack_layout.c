/* pack_layout.c - the pages a pack adds around its papers: the agenda
 * front sheet (meeting, members, clerk, items with page ranges linked to
 * each paper), blank-page fillers and notices. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "pack.h"
#include "util.h"

static struct bc_lctx lctx_for(struct bc_doc *doc, const struct bc_style *st, struct bc_diag *d)
{
	struct bc_lctx lc = {doc, st, d, ".", bc_style_text_width(st), 0, false, NULL};
	return lc;
}

static void line(struct bc_lctx *lc, const char *text, const PangoFontDescription *f,
		 double space_after, bool keep)
{
	struct bc_tb tb = {0};
	bc_tb_text(&tb, text);
	struct bc_block *b = bc_block_from_tb(lc, &tb, f, 0, BC_ROLE_P, NULL, 0);
	b->space_after = space_after;
	b->keep_with_next = keep;
}

static char *child_text(const struct bc_node *n, enum bc_kind k)
{
	const struct bc_node *c = bc_node_child(n, k);
	return c ? bc_node_text(c) : NULL;
}

/* "Members: Cllr A (Chair), Cllr B" from <members> or <apologies>. */
static char *people(const struct bc_node *list, const char *lead)
{
	struct bc_buf b = {0};
	bc_buf_printf(&b, "%s: ", lead);
	bool first = true;
	for (const struct bc_node *m = list->first; m; m = m->next) {
		if (m->kind != BC_MEMBER)
			continue;
		char *t = bc_node_text(m);
		const char *role = bc_node_attr(m, "role");
		bc_buf_printf(&b, "%s%s", first ? "" : ", ", t);
		if (role)
			bc_buf_printf(&b, " (%s)", role);
		free(t);
		first = false;
	}
	return bc_buf_detach(&b);
}

static void meeting_line(struct bc_lctx *lc, const struct bc_node *agenda)
{
	const struct bc_node *meet = bc_node_child(agenda, BC_MEETING);
	struct bc_buf when = {0};
	struct bc_date date;
	if (meet && bc_date_parse(bc_node_attr(meet, "date"), &date)) {
		char buf[64];
		bc_date_format(&date, buf, sizeof buf);
		bc_buf_adds(&when, buf);
	}
	const char *time = meet ? bc_node_attr(meet, "time") : NULL;
	if (time) {
		char buf[32];
		bc_time_format(time, buf, sizeof buf);
		bc_buf_printf(&when, ", %s", buf);
	}
	const char *venue = meet ? bc_node_attr(meet, "venue") : NULL;
	if (venue)
		bc_buf_printf(&when, ", %s", venue);
	line(lc, when.data ? when.data : "", lc->doc->font_body, 10, true);
	bc_buf_free(&when);
}

static void clerk_line(struct bc_lctx *lc, const struct bc_node *clerk)
{
	struct bc_tb tb = {0};
	bc_tb_text(&tb, "Contact: ");
	char *name = child_text(clerk, BC_NAME), *post = child_text(clerk, BC_POST);
	char *phone = child_text(clerk, BC_PHONE), *email = child_text(clerk, BC_EMAIL);
	if (name)
		bc_tb_text(&tb, name);
	if (post) {
		bc_tb_text(&tb, ", ");
		bc_tb_text(&tb, post);
	}
	if (phone) {
		bc_tb_text(&tb, "; tel. ");
		bc_tb_text(&tb, phone);
	}
	if (email) {
		bc_tb_text(&tb, "; email ");
		int s = bc_tb_begin(&tb);
		bc_tb_text(&tb, email);
		struct bc_link l = {s, (int)tb.text.len, bc_xasprintf("mailto:%s", email), NULL};
		BC_PUSH(tb.links, tb.nlinks, tb.links_cap, l);
		bc_tb_end(&tb, s, BC_SPAN_LINK);
	}
	struct bc_block *b = bc_block_from_tb(lc, &tb, lc->doc->font_body, 0, BC_ROLE_P, NULL, 0);
	b->space_after = 12;
	free(name);
	free(post);
	free(phone);
	free(email);
}

/* A table cell holding text that links to a named destination. */
static void link_cell(struct bc_lctx *lc, struct bc_tcell *cell, const char *text, const char *dest)
{
	struct bc_tb tb = {0};
	int s = bc_tb_begin(&tb);
	bc_tb_text(&tb, text);
	if (dest) {
		struct bc_link l = {s, (int)tb.text.len, bc_xasprintf("#%s", dest), NULL};
		BC_PUSH(tb.links, tb.nlinks, tb.links_cap, l);
		bc_tb_end(&tb, s, BC_SPAN_LINK);
	}
	size_t n = 0;
	struct bc_para **ps =
	    bc_tb_finish(&tb, lc, lc->doc->font_table, -1, cell->align, BC_ROLE_TD, &n);
	for (size_t i = 0; i < n; i++) {
		struct bc_cpara cp = {ps[i], 0, NULL, 0};
		BC_PUSH(cell->v, cell->n, cell->cap, cp);
	}
	free(ps);
}

static void items_table(struct bc_lctx *lc, const struct bc_pack_item *items, size_t nitems)
{
	struct bc_tspec t = {0};
	t.widths = bc_xcalloc(3, sizeof *t.widths);
	t.widths[0] = 1;
	t.widths[1] = 6;
	t.widths[2] = 1.6;
	t.nwidths = t.ncols = 3;
	struct bc_trow *head = bc_tspec_row(&t);
	head->header = true;
	t.nhead = 1;
	const char *heads[3] = {"Item", "Title", "Pages"};
	for (int i = 0; i < 3; i++) {
		struct bc_tcell *c = bc_trow_cell(head);
		c->header = c->shade = true;
		c->align = i == 2 ? BC_ALIGN_RIGHT : BC_ALIGN_LEFT;
		bc_tcell_text(lc, c, heads[i], lc->doc->font_table_bold, BC_ROLE_TH);
	}
	for (size_t i = 0; i < nitems; i++) {
		const struct bc_pack_item *it = &items[i];
		struct bc_trow *row = bc_tspec_row(&t);
		bc_tcell_text(lc, bc_trow_cell(row), it->number, lc->doc->font_table, BC_ROLE_TD);
		struct bc_tcell *title = bc_trow_cell(row);
		link_cell(lc, title, it->title, it->first_page ? it->dest : NULL);
		char *note = bc_node_text(it->node);
		if (note[0])
			bc_tcell_text(lc, title, note, lc->doc->font_small, BC_ROLE_TD);
		free(note);
		if (!it->left_out && it->exempt) {
			char *why = bc_xasprintf("Exempt (Schedule 12A, paragraph %s): not for "
						 "publication",
						 it->exempt);
			bc_tcell_text(lc, title, why, lc->doc->font_small, BC_ROLE_TD);
			free(why);
		} else if (it->left_out && it->exempt) {
			char *why = bc_xasprintf("Exempt: not for publication (Schedule 12A, "
						 "paragraph %s)",
						 it->exempt);
			bc_tcell_text(lc, title, why, lc->doc->font_small, BC_ROLE_TD);
			free(why);
		}
		struct bc_tcell *pages = bc_trow_cell(row);
		pages->align = BC_ALIGN_RIGHT;
		char *range = it->first_page == 0 ? bc_xstrdup("")
			      : it->last_page > it->first_page
				  ? bc_xasprintf("%d \u2013 %d", it->first_page, it->last_page)
				  : bc_xasprintf("%d", it->first_page);
		link_cell(lc, pages, range, it->first_page ? it->dest : NULL);
		free(range);
	}
	bc_table_build(lc, &t);
}

struct bc_doc *bc_pack_agenda(const struct bc_node *agenda, const struct bc_style *st,
			      const struct bc_pack_item *items, size_t nitems, struct bc_diag *d)
{
	struct bc_doc *doc = bc_doc_new(st, bc_node_attr(agenda, "lang"), d);
	struct bc_lctx lc = lctx_for(doc, st, d);
	bool supplementary = bc_node_attr_is(agenda, "supplementary", "yes");
	char *org = child_text(agenda, BC_ORGANISATION);
	char *committee = child_text(agenda, BC_COMMITTEE);
	char *title = child_text(agenda, BC_TITLE);
	if (org)
		line(&lc, org, doc->font_label, 4, true);
	line(&lc, committee ? committee : "", doc->font_h[0], 2, true);
	meeting_line(&lc, agenda);
	const char *heading = title ? title : supplementary ? "Supplementary agenda" : "Agenda";
	bc_layout_heading(&lc, agenda, heading, 1);
	const struct bc_node *intro = bc_node_child(agenda, BC_INTRO);
	if (intro) {
		struct bc_tb tb = {0};
		bc_tb_inline(&tb, &lc, intro);
		bc_block_from_tb(&lc, &tb, doc->font_body, 0, BC_ROLE_P, NULL, 0);
	} else if (supplementary) {
		line(&lc,
		     "Please find enclosed additional papers for the items below. They were not "
		     "available when the agenda was collated.",
		     doc->font_body, st->para_space, false);
	}
	const struct bc_node *members = bc_node_child(agenda, BC_MEMBERS);
	if (members) {
		char *t = people(members, "Members");
		line(&lc, t, doc->font_body, st->para_space, false);
		free(t);
	}
	const struct bc_node *apologies = bc_node_child(agenda, BC_APOLOGIES);
	if (apologies) {
		char *t = people(apologies, "Apologies");
		line(&lc, t, doc->font_body, st->para_space, false);
		free(t);
	}
	const struct bc_node *clerk = bc_node_child(agenda, BC_CLERK);
	if (clerk)
		clerk_line(&lc, clerk);
	items_table(&lc, items, nitems);

	/* Metadata for the whole pack. */
	doc->title = bc_xasprintf("%s, %s: %s", committee ? committee : "",
				  bc_node_attr(bc_node_child(agenda, BC_MEETING), "date"),
				  supplementary ? "supplementary agenda pack" : "agenda pack");
	doc->author = bc_xstrdup(org ? org : committee ? committee : "");
	doc->subject = bc_xasprintf("Agenda and papers of %s", committee ? committee : "");
	doc->keywords = bc_xstrdup("agenda, committee papers");
	doc->lang =
	    bc_xstrdup(bc_node_attr(agenda, "lang") ? bc_node_attr(agenda, "lang") : "en-GB");
	free(org);
	free(committee);
	free(title);
	bc_doc_finish(&lc, false);
	return doc;
}

struct bc_doc *bc_pack_notice(const struct bc_style *st, const char *heading, const char *text,
			      struct bc_diag *d)
{
	struct bc_doc *doc = bc_doc_new(st, NULL, d);
	struct bc_lctx lc = lctx_for(doc, st, d);
	if (heading) {
		bc_layout_heading(&lc, NULL, heading, 1);
		line(&lc, text, doc->font_body, 0, false);
	} else {
		/* A filler: the notice in the middle of an otherwise empty page. */
		struct bc_block *gap = bc_doc_add_block(doc, BC_BLK_RULE);
		gap->h = (st->page_h - st->margin_top - st->margin_bottom) / 2 - 20;
		gap->colour = (struct bc_rgb){1, 1, 1};
		gap->role = BC_ROLE_ARTIFACT;
		struct bc_tb tb = {0};
		bc_tb_text(&tb, text);
		size_t n = 0;
		struct bc_para **ps = bc_tb_finish(&tb, &lc, doc->font_body, lc.text_w,
						   BC_ALIGN_CENTER, BC_ROLE_ARTIFACT, &n);
		struct bc_block *b = bc_doc_add_block(doc, BC_BLK_LINES);
		b->w = lc.text_w;
		b->role = BC_ROLE_ARTIFACT;
		double y = 0;
		for (size_t i = 0; i < n; i++)
			bc_para_lines(ps[i], 0, &y, &b->lines);
		free(ps);
		b->h = y;
	}
	doc->title = bc_xstrdup(heading ? heading : "");
	bc_doc_finish(&lc, false);
	return doc;
}

void bc_pack_stamp(struct bc_doc *doc, int first_number, struct bc_diag *d)
{
	struct bc_lctx lc = lctx_for(doc, doc->st, d);
	for (size_t i = 0; i < doc->npages; i++) {
		char text[48];
		snprintf(text, sizeof text, "Pack page %d", first_number + (int)i);
		doc->pages[i].stamp =
		    bc_para_plain(&lc, text, doc->font_small, -1, BC_ALIGN_LEFT, BC_ROLE_ARTIFACT);
		doc->pages[i].stamp->colour = doc->st->small;
	}
}
