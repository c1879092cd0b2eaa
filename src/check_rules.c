/* check_rules.c - the structural rules of `boardc check`: required
 * sections, what a decision paper must contain, recommendations and the
 * appendices nobody refers to, implications, contacts, dates, alt text,
 * exempt papers and key decisions. Recommendations are in check_recs.c. */
#include "check.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "date.h"
#include "paper.h"
#include "util.h"

/* ---- helpers ---- */

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Whether a block says anything: text, standard wording, a table or a
 * figure. */
bool bc_check_has_content(const struct bc_node *n)
{
	for (const struct bc_node *c = n; c; c = bc_node_walk(n, c, false)) {
		if (c->kind == BC_STANDARD || c->kind == BC_TABLE || c->kind == BC_FIGURE)
			return true;
		if (c->kind == BC_TEXT)
			for (const char *s = c->text; *s; s++)
				if (!is_space(*s))
					return true;
	}
	return false;
}

const char *bc_check_find_ci(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (; hay && *hay; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return hay;
	return NULL;
}

static bool contains_ci(const char *hay, const char *needle)
{
	return bc_check_find_ci(hay, needle) != NULL;
}

/* A <section> standing in for a section-like block: the word its title must
 * contain ("Options appraisal" does for <options>). */
static const char *title_word(enum bc_kind k)
{
	switch (k) {
	case BC_RECOMMENDATIONS:
		return "recommendation";
	case BC_REASONS:
		return "reason";
	case BC_OPTIONS:
		return "option";
	case BC_CONSULTEES:
		return "consult";
	case BC_BACKGROUND_PAPERS:
		return "background paper";
	case BC_APPENDIX_LIST:
		return "appendi";
	case BC_IMPLICATIONS:
		return "implication";
	case BC_SUMMARY:
		return "summary";
	default:
		return NULL;
	}
}

bool bc_check_in_appendix(const struct bc_node *n)
{
	for (; n; n = n->parent)
		if (n->kind == BC_APPENDIX)
			return true;
	return false;
}

/* The first element of a kind in the paper, or a section titled for it. */
const struct bc_node *bc_check_find_block(const struct bc_node *root, enum bc_kind k,
					  const char *type, const char *title)
{
	const char *word = title_word(k);
	const struct bc_node *stand_in = NULL;
	for (const struct bc_node *n = root; n; n = bc_node_walk(root, n, false)) {
		if (n->kind == BC_SUPPRESS)
			continue;
		if (n->kind == k) {
			if (type && !bc_node_attr_is(n, "type", type))
				continue;
			const char *t = bc_node_attr(n, "title");
			if (title && (!t || strncasecmp(t, title, strlen(title)) != 0))
				continue;
			return n;
		}
		if (!stand_in && word && n->kind == BC_SECTION && !bc_check_in_appendix(n) &&
		    contains_ci(bc_node_attr(n, "title"), word))
			stand_in = n;
	}
	return stand_in;
}

/* ---- required sections and decision papers ---- */

static bool when_applies(const struct bc_check_ctx *cx, const char *when)
{
	if (!when)
		return true;
	if (!strcmp(when, "for-decision"))
		return cx->for_decision;
	if (!strcmp(when, "key-decision"))
		return cx->key_decision;
	return !strcmp(when, "exempt") && cx->exempt;
}

static const char *when_text(const char *when)
{
	if (!when)
		return "";
	if (!strcmp(when, "for-decision"))
		return " of a paper for decision";
	if (!strcmp(when, "key-decision"))
		return " of a key decision";
	return " of an exempt paper";
}

/* "financial implications (<implication type="financial">)" */
static char *describe(const struct bc_requirement *r)
{
	if (r->kind == BC_SECTION && r->title)
		return bc_xasprintf("a <section> titled '%s...'", r->title);
	if (!bc_kind_is_sectionlike(r->kind) || r->kind == BC_SECTION)
		return bc_xasprintf("<%s>", bc_kind_name(r->kind));
	struct bc_attr type = {(char *)"type", r->type};
	struct bc_node tmp = {
	    .kind = r->kind, .attrs = r->type ? &type : NULL, .nattrs = r->type ? 1 : 0};
	if (r->type)
		return bc_xasprintf("%s (<%s type=\"%s\">)", bc_node_title(&tmp),
				    bc_kind_name(r->kind), r->type);
	return bc_xasprintf("%s (<%s>)", bc_node_title(&tmp), bc_kind_name(r->kind));
}

static void require(struct bc_check_ctx *cx, const struct bc_requirement *r, const char *source,
		    const char *source_path, bool *missing)
{
	if (!when_applies(cx, r->when))
		return;
	const struct bc_node *n = bc_check_find_block(cx->root, r->kind, r->type, r->title);
	char *what = describe(r);
	struct bc_finding *f = NULL;
	if (!n) {
		missing[r->kind] = true;
		f = bc_check_add(cx, BC_RULE_REQUIRED_SECTION, cx->root,
				 "required section missing: %s, which %s requires%s", what, source,
				 when_text(r->when));
		char *wording = r->type ? bc_xasprintf("no-%s-implications", r->type) : NULL;
		if (wording && bc_template_wording(cx->p->tmpl, wording))
			bc_check_hint(f,
				      "add <implication type=\"%s\">; where there are none, "
				      "<standard name=\"%s\"/> gives the template's wording",
				      r->type, wording);
		else if (source_path)
			bc_check_hint(f, "add it; the requirement is at %s:%d", source_path,
				      r->line);
		free(wording);
	} else if ((bc_kind_is_sectionlike(n->kind) || n->kind == BC_SUMMARY) &&
		   !bc_check_has_content(n)) {
		f = bc_check_add(cx, BC_RULE_REQUIRED_SECTION, n, "required section %s is empty",
				 what);
		bc_check_hint(f, "write the section, or say in a sentence why it does not apply");
	}
	free(what);
}

static void required_sections(struct bc_check_ctx *cx, bool *missing)
{
	const struct bc_template *t = cx->p->tmpl;
	const char *tname = t ? t->name : NULL;
	bool replaced = false;
	for (size_t i = 0; tname && i < cx->cfg->nreqs; i++) {
		const struct bc_check_reqs *rq = &cx->cfg->reqs[i];
		replaced |= rq->replace && rq->template && !strcmp(rq->template, tname);
	}
	if (t && !replaced) {
		char *src = bc_xasprintf("template '%s'", tname ? tname : "?");
		/* Named so: clang-format reads the field name as a C++ keyword. */
		const struct bc_requirement *list = t->requires;
		for (size_t i = 0; i < t->nrequires; i++)
			require(cx, &list[i], src, t->path, missing);
		free(src);
	}
	for (size_t i = 0; i < cx->cfg->nreqs; i++) {
		const struct bc_check_reqs *rq = &cx->cfg->reqs[i];
		if (rq->template && (!tname || strcmp(rq->template, tname) != 0))
			continue;
		for (size_t k = 0; k < rq->n; k++)
			require(cx, &rq->v[k], "the check configuration", NULL, missing);
	}
}

/* A template is the committee's own rule for its kind of paper: when the
 * paper names one, its requirements decide whether reasons and options are
 * needed, and only the recommendations are checked here. */
static void decision_content(struct bc_check_ctx *cx, const bool *missing)
{
	const struct bc_node *front = bc_node_child(cx->root, BC_FRONT);
	const struct bc_node *decision = bc_node_child(front, BC_DECISION);
	bool templated = cx->p->tmpl != NULL;
	struct bc_finding *f;
	if (!bc_check_find_block(cx->root, BC_RECOMMENDATIONS, NULL, NULL) &&
	    !missing[BC_RECOMMENDATIONS]) {
		f = bc_check_add(cx, BC_RULE_DECISION_CONTENT, decision,
				 "a paper for decision has no recommendations");
		bc_check_hint(f, "add <recommendations> saying what the committee is asked to "
				 "decide");
	}
	if (templated)
		return;
	if (!bc_check_find_block(cx->root, BC_REASONS, NULL, NULL) && !missing[BC_REASONS]) {
		f = bc_check_add(cx, BC_RULE_DECISION_CONTENT, decision,
				 "a paper for decision gives no reasons for its recommendations");
		bc_check_hint(f, "add <reasons>: the reasons are recorded with the decision");
	}
	const struct bc_node *opts = bc_check_find_block(cx->root, BC_OPTIONS, NULL, NULL);
	if ((!opts || !bc_check_has_content(opts)) && !missing[BC_OPTIONS]) {
		f = bc_check_add(cx, BC_RULE_DECISION_CONTENT, decision,
				 "a paper for decision has no options appraisal");
		bc_check_hint(f, "add <options> with the alternatives considered, or a section "
				 "titled \"Options\" saying why there are none");
	}
}

/* ---- appendices, implications, contacts, dates, alt text ---- */

static void unused_appendices(struct bc_check_ctx *cx)
{
	if (!bc_check_enabled(cx->cfg, BC_RULE_UNUSED_APPENDIX))
		return;
	for (const struct bc_node *a = cx->root->first; a; a = a->next) {
		if (a->kind != BC_APPENDIX)
			continue;
		bool used = false;
		for (const struct bc_node *n = cx->root; n && !used;
		     n = bc_node_walk(cx->root, n, false)) {
			if (n->kind != BC_REF || !n->target)
				continue;
			/* A reference into the appendix (its table, a paragraph)
			 * sends the reader there too; one from inside does not. */
			bool into = false, from = false;
			for (const struct bc_node *t = n->target; t; t = t->parent)
				into |= t == a;
			for (const struct bc_node *t = n; t; t = t->parent)
				from |= t == a;
			used = into && !from;
		}
		if (used)
			continue;
		struct bc_finding *f =
		    bc_check_add(cx, BC_RULE_UNUSED_APPENDIX, a, "%s ('%s') is never referred to",
				 a->label ? a->label : "appendix", bc_node_title(a));
		if (bc_node_attr(a, "id"))
			bc_check_hint(f,
				      "refer to it where the text relies on it: <ref to=\"%s\"/>",
				      bc_node_attr(a, "id"));
		else
			bc_check_hint(f, "give it an id and refer to it where the text relies on "
					 "it with <ref>");
	}
}

static void implications(struct bc_check_ctx *cx)
{
	if (!bc_check_enabled(cx->cfg, BC_RULE_EMPTY_IMPLICATION))
		return;
	for (const struct bc_node *n = cx->root; n; n = bc_node_walk(cx->root, n, false)) {
		if (n->kind != BC_IMPLICATION || bc_check_has_content(n))
			continue;
		const char *type = bc_node_attr(n, "type");
		struct bc_finding *f = bc_check_add(cx, BC_RULE_EMPTY_IMPLICATION, n,
						    "implication '%s' is empty", type ? type : "");
		char *wording = bc_xasprintf("no-%s-implications", type ? type : "");
		if (bc_template_wording(cx->p->tmpl, wording))
			bc_check_hint(f,
				      "state the implications; where there are none, "
				      "<standard name=\"%s\"/> says so",
				      wording);
		else
			bc_check_hint(f, "state the implications, or that there are none");
		free(wording);
	}
}

static bool child_has_text(const struct bc_node *n, enum bc_kind k)
{
	for (const struct bc_node *c = n->first; c; c = c->next)
		if (c->kind == k && bc_check_has_content(c))
			return true;
	return false;
}

static void contacts(struct bc_check_ctx *cx)
{
	if (!bc_check_enabled(cx->cfg, BC_RULE_CONTACT_DETAILS))
		return;
	const struct bc_node *front = bc_node_child(cx->root, BC_FRONT);
	for (const struct bc_node *c = front ? front->first : NULL; c; c = c->next) {
		if (c->kind != BC_CONTACT || child_has_text(c, BC_EMAIL) ||
		    child_has_text(c, BC_PHONE))
			continue;
		const struct bc_node *name = bc_node_child(c, BC_NAME);
		char *who = name ? bc_node_text(name) : bc_xstrdup("");
		struct bc_finding *f =
		    bc_check_add(cx, BC_RULE_CONTACT_DETAILS, c,
				 "contact officer '%s' has no email address or phone number", who);
		bc_check_hint(f, "add <email> or <phone> so readers can ask questions before the "
				 "meeting");
		free(who);
	}
}

static void report_date(struct bc_check_ctx *cx)
{
	if (!bc_check_enabled(cx->cfg, BC_RULE_REPORT_DATE))
		return;
	const struct bc_node *front = bc_node_child(cx->root, BC_FRONT);
	const struct bc_node *meeting = bc_node_child(front, BC_MEETING);
	const struct bc_node *rd = bc_node_child(front, BC_REPORT_DATE);
	if (!meeting || !rd)
		return;
	struct bc_date md, rdd;
	char *t = bc_node_text(rd);
	/* Dates that do not parse are reported when the paper is read. */
	if (bc_date_parse(bc_node_attr(meeting, "date"), &md) && bc_date_parse(t, &rdd) &&
	    (rdd.year - md.year	    ? rdd.year > md.year
	     : rdd.month - md.month ? rdd.month > md.month
				    : rdd.day > md.day)) {
		struct bc_finding *f = bc_check_add(cx, BC_RULE_REPORT_DATE, rd,
						    "report dated %s, after the meeting on %s", t,
						    bc_node_attr(meeting, "date"));
		bc_check_hint(f, "check both dates: a report is published before its meeting");
	}
	free(t);
}

static void figure_alts(struct bc_check_ctx *cx)
{
	if (!bc_check_enabled(cx->cfg, BC_RULE_FIGURE_ALT))
		return;
	for (const struct bc_node *n = cx->root; n; n = bc_node_walk(cx->root, n, false)) {
		if (n->kind != BC_ALT)
			continue;
		char *t = bc_node_text(n);
		const char *what;
		size_t len;
		const char *fig = n->parent && n->parent->label ? n->parent->label : "a figure";
		struct bc_finding *f = NULL;
		if (!*t) {
			/* reported when the paper is read */
		} else if (bc_check_placeholder(t, &what, &len)) {
			f = bc_check_add(cx, BC_RULE_FIGURE_ALT, n,
					 "alt text of %s is a placeholder (\"%.*s\")", fig,
					 (int)len, what);
		}
		bc_check_hint(f, "say what the figure shows, with its figures, for readers who "
				 "cannot see it");
		free(t);
	}
}

static void exempt_paper(struct bc_check_ctx *cx)
{
	if (!bc_check_enabled(cx->cfg, BC_RULE_EXEMPT_PAPER))
		return;
	const struct bc_node *ex = bc_node_child(bc_node_child(cx->root, BC_FRONT), BC_EXEMPT);
	if (!ex || bc_check_has_content(ex))
		return;
	const char *para = bc_node_attr(ex, "paragraph");
	struct bc_finding *f = bc_check_add(
	    cx, BC_RULE_EXEMPT_PAPER, ex,
	    "exempt paper (Schedule 12A paragraph %s) has no public interest statement",
	    para ? para : "?");
	bc_check_hint(f, "write in <exempt> why the public interest in keeping the information "
			 "exempt outweighs the public interest in disclosing it");
}

static void forward_plan(struct bc_check_ctx *cx)
{
	if (!bc_check_enabled(cx->cfg, BC_RULE_FORWARD_PLAN))
		return;
	const struct bc_node *d = bc_node_child(bc_node_child(cx->root, BC_FRONT), BC_DECISION);
	if (!cx->key_decision)
		return;
	const char *ref = bc_node_attr(d, "forward-plan-ref");
	bool blank = true;
	for (const char *s = ref; s && *s; s++)
		blank &= is_space(*s);
	if (!blank)
		return;
	struct bc_finding *f =
	    bc_check_add(cx, BC_RULE_FORWARD_PLAN, d, "key decision has no forward plan reference");
	bc_check_hint(f, "add forward-plan-ref=\"...\": a key decision must be in the forward "
			 "plan (notice of key decisions) before it is taken");
}

void bc_check_structure(struct bc_check_ctx *cx)
{
	bool missing[BC_KIND_COUNT] = {false};
	if (bc_check_enabled(cx->cfg, BC_RULE_REQUIRED_SECTION))
		required_sections(cx, missing);
	if (cx->for_decision && bc_check_enabled(cx->cfg, BC_RULE_DECISION_CONTENT))
		decision_content(cx, missing);
	bc_check_recommendations(cx);
	unused_appendices(cx);
	implications(cx);
	contacts(cx);
	report_date(cx);
	figure_alts(cx);
	exempt_paper(cx);
	forward_plan(cx);
}
