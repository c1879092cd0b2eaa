/* front.c - the front sheet: who the paper is for and from, what is asked
 * of the meeting, laid out as council templates do: a heading block, the
 * title, then a two-column table of labels and values, then the summary. */
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "layout.h"
#include "template.h"
#include "util.h"

static void add_row(struct bc_lctx *lc, struct bc_tspec *t, const char *label,
		    struct bc_tcell **value_out)
{
	struct bc_trow *row = bc_tspec_row(t);
	struct bc_tcell *l = bc_trow_cell(row);
	l->header = true;
	l->shade = true;
	bc_tcell_text(lc, l, label, lc->doc->font_table_bold, BC_ROLE_TH);
	*value_out = bc_trow_cell(row);
}

static void text_row(struct bc_lctx *lc, struct bc_tspec *t, const char *label, const char *value)
{
	struct bc_tcell *v;
	add_row(lc, t, label, &v);
	bc_tcell_text(lc, v, value, lc->doc->font_table, BC_ROLE_TD);
}

static void node_row(struct bc_lctx *lc, struct bc_tspec *t, const char *label,
		     const struct bc_node *n)
{
	if (!n)
		return;
	char *text = bc_node_text(n);
	text_row(lc, t, label, text);
	free(text);
}

/* "Name, Post, Organisation" then "Tel: ...  Email: ..." with a mailto link. */
static void person(struct bc_lctx *lc, struct bc_tcell *cell, const struct bc_node *p)
{
	struct bc_tb tb = {0};
	const enum bc_kind parts[] = {BC_NAME, BC_POST, BC_ORGANISATION};
	for (int i = 0; i < 3; i++) {
		const struct bc_node *c = bc_node_child(p, parts[i]);
		if (!c)
			continue;
		if (i > 0)
			bc_tb_text(&tb, ", ");
		int s = bc_tb_begin(&tb);
		bc_tb_inline(&tb, lc, c);
		if (i == 0)
			bc_tb_end(&tb, s, BC_SPAN_BOLD);
	}
	const struct bc_node *phone = bc_node_child(p, BC_PHONE);
	const struct bc_node *email = bc_node_child(p, BC_EMAIL);
	if (phone || email) {
		bc_buf_addc(&tb.text, '\n');
		tb.pending_space = false;
	}
	if (phone) {
		bc_tb_text(&tb, "Tel: ");
		bc_tb_inline(&tb, lc, phone);
		if (email)
			bc_tb_text(&tb, "  ");
	}
	if (email) {
		char *addr = bc_node_text(email);
		bc_tb_text(&tb, "Email: ");
		int s = bc_tb_begin(&tb);
		bc_tb_text(&tb, addr);
		struct bc_link l = {s, (int)tb.text.len, bc_xasprintf("mailto:%s", addr), NULL};
		BC_PUSH(tb.links, tb.nlinks, tb.links_cap, l);
		bc_tb_end(&tb, s, BC_SPAN_LINK);
		free(addr);
	}
	size_t n = 0;
	struct bc_para **ps =
	    bc_tb_finish(&tb, lc, lc->doc->font_table, -1, BC_ALIGN_LEFT, BC_ROLE_TD, &n);
	for (size_t i = 0; i < n; i++) {
		struct bc_cpara cp = {ps[i], 0, NULL, cell->n && i == 0 ? 6 : 0};
		BC_PUSH(cell->v, cell->n, cell->cap, cp);
	}
	free(ps);
}

static void people_row(struct bc_lctx *lc, struct bc_tspec *t, const struct bc_node *front,
		       enum bc_kind kind, const char *one, const char *many)
{
	int count = 0;
	for (const struct bc_node *c = front->first; c; c = c->next)
		count += c->kind == kind;
	if (!count)
		return;
	struct bc_tcell *v;
	add_row(lc, t, count > 1 ? many : one, &v);
	for (const struct bc_node *c = front->first; c; c = c->next)
		if (c->kind == kind)
			person(lc, v, c);
}

static const char *decision_text(const char *type)
{
	static const struct {
		const char *type, *text;
	} names[] = {
	    {"for-decision", "For decision"},		{"for-information", "For information"},
	    {"for-discussion", "For discussion"},	{"for-noting", "For noting"},
	    {"approval-required", "Approval required"},
	};
	for (size_t i = 0; type && i < sizeof names / sizeof *names; i++)
		if (strcmp(names[i].type, type) == 0)
			return names[i].text;
	return type ? type : "";
}

static struct bc_block *line_block(struct bc_lctx *lc, const char *text,
				   const PangoFontDescription *f, enum bc_role role,
				   double space_after)
{
	struct bc_tb tb = {0};
	bc_tb_text(&tb, text);
	struct bc_block *b = bc_block_from_tb(lc, &tb, f, 0, role, NULL, 0);
	b->space_after = space_after;
	b->keep_with_next = true;
	return b;
}

static void decision_rows(struct bc_lctx *lc, struct bc_tspec *t, const struct bc_node *dec)
{
	text_row(lc, t, "Decision type", decision_text(bc_node_attr(dec, "type")));
	const char *key = bc_node_attr(dec, "key");
	if (!key)
		return;
	const char *fpr = bc_node_attr(dec, "forward-plan-ref");
	char *v =
	    strcmp(key, "yes") == 0
		? (fpr ? bc_xasprintf("Yes (forward plan reference %s)", fpr) : bc_xstrdup("Yes"))
		: bc_xstrdup("No");
	text_row(lc, t, "Key decision", v);
	free(v);
}

static void status_row(struct bc_lctx *lc, struct bc_tspec *t, const struct bc_node *ex)
{
	if (!ex) {
		text_row(lc, t, "Status", "Part 1 \u2013 public");
		return;
	}
	char *why = bc_node_text(ex);
	char *v = bc_xasprintf("Part 2 \u2013 exempt: Schedule 12A, paragraph %s%s%s",
			       bc_node_attr(ex, "paragraph"), why[0] ? ". " : "", why);
	text_row(lc, t, "Status", v);
	free(v);
	free(why);
}

static void date_row(struct bc_lctx *lc, struct bc_tspec *t, const struct bc_node *rd)
{
	if (!rd)
		return;
	char *v = bc_node_text(rd);
	struct bc_date dd;
	char buf[64];
	if (bc_date_parse(v, &dd)) {
		bc_date_format(&dd, buf, sizeof buf);
		text_row(lc, t, "Report date", buf);
	}
	free(v);
}

/* One field of the label/value table; heading fields (committee, title,
 * ...) are set above the table and ignored here. */
static void front_row(struct bc_lctx *lc, struct bc_tspec *t, const struct bc_node *front,
		      enum bc_kind kind)
{
	switch (kind) {
	case BC_ITEM:
		node_row(lc, t, "Agenda item", bc_node_child(front, BC_ITEM));
		break;
	case BC_REPORT_OF:
		node_row(lc, t, "Report of", bc_node_child(front, BC_REPORT_OF));
		break;
	case BC_AUTHOR:
		people_row(lc, t, front, BC_AUTHOR, "Report author", "Report authors");
		break;
	case BC_CONTACT:
		people_row(lc, t, front, BC_CONTACT, "Contact officer", "Contact officers");
		break;
	case BC_WARDS:
		node_row(lc, t, "Wards affected", bc_node_child(front, BC_WARDS));
		break;
	case BC_DECISION:
		if (bc_node_child(front, BC_DECISION))
			decision_rows(lc, t, bc_node_child(front, BC_DECISION));
		break;
	case BC_EXEMPT:
		status_row(lc, t, bc_node_child(front, BC_EXEMPT));
		break;
	case BC_REPORT_DATE:
		date_row(lc, t, bc_node_child(front, BC_REPORT_DATE));
		break;
	default:
		break;
	}
}

void bc_layout_front(struct bc_lctx *lc, const struct bc_node *front)
{
	const struct bc_style *st = lc->st;
	struct bc_doc *doc = lc->doc;
	const struct bc_node *org = bc_node_child(front, BC_ORGANISATION);
	if (org) {
		char *t = bc_node_text(org);
		line_block(lc, t, doc->font_label, BC_ROLE_P, 4);
		free(t);
	}
	char *committee = bc_node_text(bc_node_child(front, BC_COMMITTEE));
	struct bc_block *cb = line_block(lc, committee, doc->font_h[0], BC_ROLE_P, 2);
	cb->lines.v[0].para->colour = st->h_colour[0];
	free(committee);

	const struct bc_node *meet = bc_node_child(front, BC_MEETING);
	struct bc_buf when = {0};
	struct bc_date date;
	if (bc_date_parse(bc_node_attr(meet, "date"), &date)) {
		char buf[64];
		bc_date_format(&date, buf, sizeof buf);
		bc_buf_adds(&when, buf);
	}
	const char *time = bc_node_attr(meet, "time");
	if (time) {
		char buf[32];
		bc_time_format(time, buf, sizeof buf);
		bc_buf_printf(&when, ", %s", buf);
	}
	const char *venue = bc_node_attr(meet, "venue");
	if (venue)
		bc_buf_printf(&when, ", %s", venue);
	line_block(lc, when.data ? when.data : "", doc->font_body, BC_ROLE_P, 10);
	bc_buf_free(&when);

	struct bc_block *rule = bc_doc_add_block(lc->doc, BC_BLK_RULE);
	rule->w = lc->text_w;
	rule->h = 1.5;
	rule->colour = st->h_colour[0];
	rule->space_after = 10;
	rule->keep_with_next = true;
	rule->role = BC_ROLE_ARTIFACT;

	char *title = bc_node_text(bc_node_child(front, BC_TITLE));
	struct bc_block *tb = line_block(lc, title, doc->font_title, BC_ROLE_TITLE, 6);
	for (size_t i = 0; i < tb->lines.n; i++)
		tb->lines.v[i].para->colour = st->title;
	tb->outline_level = 1;
	tb->outline_title = title;
	tb->anchor = front;
	const struct bc_node *sub = bc_node_child(front, BC_SUBTITLE);
	if (sub) {
		char *t = bc_node_text(sub);
		line_block(lc, t, doc->font_h[1], BC_ROLE_P, 6);
		free(t);
	}
	doc->blocks[doc->nblocks - 1].space_after = 12;

	struct bc_tspec t = {0};
	t.widths = bc_xcalloc(2, sizeof *t.widths);
	t.widths[0] = 3;
	t.widths[1] = 7;
	t.nwidths = t.ncols = 2;
	/* Rows in the template's order, or the default order. */
	static const enum bc_kind default_rows[] = {BC_ITEM,	BC_REPORT_OF,  BC_AUTHOR,
						    BC_CONTACT, BC_WARDS,      BC_DECISION,
						    BC_EXEMPT,	BC_REPORT_DATE};
	const enum bc_kind *rows = default_rows;
	size_t nrows = sizeof default_rows / sizeof *default_rows;
	if (lc->tmpl && lc->tmpl->nfront) {
		rows = lc->tmpl->front;
		nrows = lc->tmpl->nfront;
	}
	for (size_t i = 0; i < nrows; i++)
		front_row(lc, &t, front, rows[i]);
	struct bc_block *table = bc_table_build(lc, &t);
	table->space_after = 14;

	const struct bc_node *summary = bc_node_child(front, BC_SUMMARY);
	if (summary && bc_template_shows(lc->tmpl, BC_SUMMARY)) {
		bc_layout_heading(lc, summary, "Summary", 1);
		bc_layout_blocks_at(lc, summary, 0);
	}
}
