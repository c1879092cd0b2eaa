/* occurs.c - required and single children of <front> and <agenda>.
 *
 * The schema writes these children as a repeated choice rather than an
 * <interleave>: libxml2 2.9 validates an interleave (and every element
 * inside one) without compiling it to an automaton, keeping every reachable
 * state and comparing each new one with all the others, so a front sheet
 * of 40,000 contacts, or a summary of 40,000 paragraphs, took seconds and
 * grew with the square of its size. A repeated choice compiles and is
 * checked in linear time; the counts are checked here, in one pass over
 * the children. */
#include "occurs.h"

#include <stdbool.h>
#include <stddef.h>

enum rule_count { ONE, AT_MOST_ONE, ANY };

struct rule {
	enum bc_kind kind;
	enum rule_count count;
	const char *hint; /* for ONE: what the missing element looks like */
};

static const struct rule front_rules[] = {
    {BC_ORGANISATION, AT_MOST_ONE, NULL},
    {BC_COMMITTEE, ONE, "name the committee: <committee>Cabinet</committee>"},
    {BC_MEETING, ONE, "give the meeting's date: <meeting date=\"2024-05-14\"/>"},
    {BC_ITEM, AT_MOST_ONE, NULL},
    {BC_TITLE, ONE, "give the paper's title: <title>...</title>"},
    {BC_SUBTITLE, AT_MOST_ONE, NULL},
    {BC_REPORT_OF, AT_MOST_ONE, NULL},
    {BC_REPORT_DATE, AT_MOST_ONE, NULL},
    {BC_AUTHOR, ANY, NULL},
    {BC_CONTACT, ANY, NULL},
    {BC_WARDS, AT_MOST_ONE, NULL},
    {BC_DECISION, AT_MOST_ONE, NULL},
    {BC_EXEMPT, AT_MOST_ONE, NULL},
    {BC_SUMMARY, AT_MOST_ONE, NULL},
};

static const struct rule agenda_rules[] = {
    {BC_ORGANISATION, AT_MOST_ONE, NULL},
    {BC_COMMITTEE, ONE, "name the committee: <committee>Cabinet</committee>"},
    {BC_MEETING, ONE, "give the meeting's date: <meeting date=\"2024-05-14\"/>"},
    {BC_TITLE, AT_MOST_ONE, NULL},
    {BC_MEMBERS, AT_MOST_ONE, NULL},
    {BC_APOLOGIES, AT_MOST_ONE, NULL},
    {BC_CLERK, AT_MOST_ONE, NULL},
    {BC_INTRO, AT_MOST_ONE, NULL},
};

#define NRULES(r) (sizeof(r) / sizeof *(r))

static int check(const struct bc_node *parent, const struct rule *rules, size_t nrules,
		 struct bc_diag *d)
{
	int before = d->errors;
	/* The first child of each kind: one pass over the children. */
	const struct bc_node *first[BC_KIND_COUNT] = {0};
	bool single[BC_KIND_COUNT] = {0};
	for (size_t i = 0; i < nrules; i++)
		single[rules[i].kind] = rules[i].count != ANY;
	const char *pname = bc_kind_name(parent->kind);
	for (const struct bc_node *c = parent->first; c; c = c->next) {
		if (c->kind == BC_TEXT || c->kind == BC_SUPPRESS)
			continue;
		if (!first[c->kind]) {
			first[c->kind] = c;
			continue;
		}
		if (!single[c->kind])
			continue;
		const char *name = bc_kind_name(c->kind);
		bc_diag(d, BC_ERROR, c->line, c->col, "<%s> may have only one <%s>", pname, name);
		if (c->kind == BC_TITLE && parent->kind == BC_FRONT)
			bc_hint(d, "a second line of the title goes in <subtitle>");
		const struct bc_node *f = first[c->kind];
		bc_diag(d, BC_NOTE, f->line, f->col, "the first <%s> is here", name);
	}
	for (size_t i = 0; i < nrules; i++) {
		if (rules[i].count != ONE || first[rules[i].kind])
			continue;
		bc_diag(d, BC_ERROR, parent->line, parent->col, "<%s> has no <%s>", pname,
			bc_kind_name(rules[i].kind));
		bc_hint(d, "%s", rules[i].hint);
	}
	return d->errors - before;
}

int bc_check_occurs(const struct bc_node *root, struct bc_diag *d)
{
	if (!root)
		return 0;
	if (root->kind == BC_AGENDA)
		return check(root, agenda_rules, NRULES(agenda_rules), d);
	int errors = 0;
	for (const struct bc_node *c = root->first; c; c = c->next)
		if (c->kind == BC_FRONT)
			errors += check(c, front_rules, NRULES(front_rules), d);
	return errors;
}
