/* check_recs.c - the rules about recommendations: that there are some,
 * that they are numbered <recommendation>s, that each reads as a sentence,
 * and that the option they recommend is the one the options appraisal
 * marks. */
#include "check.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

static bool contains_ci(const char *hay, const char *needle)
{
	return bc_check_find_ci(hay, needle) != NULL;
}

static void recommendations_missing(struct bc_check_ctx *cx)
{
	if (!bc_check_enabled(cx->cfg, BC_RULE_RECOMMENDATIONS_MISSING))
		return;
	const struct bc_node *decision =
	    bc_node_child(bc_node_child(cx->root, BC_FRONT), BC_DECISION);
	if (cx->for_decision ||
	    (decision && bc_node_attr_is(decision, "type", "for-information")) ||
	    bc_check_find_block(cx->root, BC_RECOMMENDATIONS, NULL, NULL))
		return;
	struct bc_finding *f = bc_check_add(cx, BC_RULE_RECOMMENDATIONS_MISSING, decision,
					    "the paper makes no recommendations");
	bc_check_hint(f, "add <recommendations> saying what the committee is asked to do, even "
			 "if only to note the report; a paper for information can say so with "
			 "<decision type=\"for-information\"/>");
}

/* Recommendations written as bullets under a heading, when the paper has no
 * <recommendations>: they get no numbers and cannot be referred to. */
static void recommendations_unnumbered(struct bc_check_ctx *cx)
{
	if (!bc_check_enabled(cx->cfg, BC_RULE_RECOMMENDATIONS_UNNUMBERED))
		return;
	for (const struct bc_node *n = cx->root; n; n = bc_node_walk(cx->root, n, false))
		if (n->kind == BC_RECOMMENDATIONS)
			return;
	for (const struct bc_node *n = cx->root; n; n = bc_node_walk(cx->root, n, false)) {
		if (n->kind != BC_SECTION || bc_check_in_appendix(n) ||
		    !contains_ci(bc_node_attr(n, "title"), "recommendation"))
			continue;
		bool listed = false;
		for (const struct bc_node *c = n->first; c; c = c->next)
			listed |= c->kind == BC_UL || c->kind == BC_OL || c->kind == BC_P;
		if (!listed)
			continue;
		struct bc_finding *f = bc_check_add(cx, BC_RULE_RECOMMENDATIONS_UNNUMBERED, n,
						    "the recommendations in '%s' are not numbered",
						    bc_node_attr(n, "title"));
		bc_check_hint(f, "write them as <recommendations> with one <recommendation> each, "
				 "so they are numbered and can be referred to");
	}
}

/* ---- recommendations as sentences ---- */

/* Verbs recommendations begin with after "The Cabinet is asked to:". */
static const char *const verbs[] = {
    "accept",	 "acknowledge", "adopt",     "agree",	"allocate",  "allow",	   "amend",
    "appoint",	 "approve",	"ask",	     "assure",	"authorise", "authorize",  "award",
    "comment",	 "commission",	"commit",    "confirm", "consider",  "continue",   "decide",
    "defer",	 "delegate",	"determine", "direct",	"discuss",   "encourage",  "endorse",
    "establish", "extend",	"formally",  "give",	"grant",     "identify",   "instruct",
    "invite",	 "make",	"nominate",  "note",	"offer",     "provide",	   "publish",
    "ratify",	 "receive",	"recommend", "refer",	"reject",    "release",	   "request",
    "require",	 "rescind",	"resolve",   "retain",	"review",    "scrutinise", "seek",
    "set",	 "share",	"sign",	     "submit",	"support",   "take",	   "transfer",
    "undertake", "use",		"vary",	     "waive",	"welcome",   "withdraw",   "be",
};

static bool starts_with_verb(const char *s)
{
	size_t n = 0;
	while (s[n] >= 'a' && s[n] <= 'z')
		n++;
	if (n == 0)
		return false;
	for (size_t i = 0; i < sizeof verbs / sizeof *verbs; i++)
		if (strlen(verbs[i]) == n && strncmp(verbs[i], s, n) == 0)
			return true;
	/* -ise verbs (prioritise, recognise, finalise) are numerous. */
	return n > 4 && (strncmp(s + n - 3, "ise", 3) == 0 || strncmp(s + n - 3, "ize", 3) == 0);
}

static bool ends_with_word(const char *s, size_t len, const char *word)
{
	size_t n = strlen(word);
	return len >= n && strncmp(s + len - n, word, n) == 0 &&
	       (len == n || s[len - n - 1] == ' ' || s[len - n - 1] == ',' ||
		s[len - n - 1] == ';');
}

/* The first few words of a text, for messages. */
static char *opening(const char *s)
{
	size_t n = 0, words = 0;
	while (s[n] && words < 6) {
		if (s[n] == ' ')
			words++;
		n++;
	}
	return bc_xasprintf("%.*s%s", (int)(n && s[n] ? n - 1 : n), s, s[n] ? "..." : "");
}

static void recommendation_sentence(struct bc_check_ctx *cx, const struct bc_node *r, bool last)
{
	char *t = bc_node_text(r);
	const char *what;
	size_t plen;
	/* Empty is a build error; a placeholder is reported as one. */
	if (!*t || (bc_check_placeholder(t, &what, &plen) && what == t && plen == strlen(t))) {
		free(t);
		return;
	}
	const char *label = r->label ? r->label : "recommendation";
	unsigned char c0 = (unsigned char)t[0];
	bool capital = (c0 >= 'A' && c0 <= 'Z') || (c0 >= '0' && c0 <= '9') || c0 >= 0x80 ||
		       c0 == '(' || c0 == '"';
	struct bc_finding *f;
	if (!capital && !starts_with_verb(t)) {
		char *o = opening(t);
		f = bc_check_add(cx, BC_RULE_RECOMMENDATION_SENTENCE, r,
				 "%s does not start with a capital letter or a verb: \"%s\"", label,
				 o);
		bc_check_hint(f, "begin with what the committee is asked to do: \"agree ...\", "
				 "\"note ...\", or write a whole sentence");
		free(o);
	}
	size_t len = strlen(t);
	/* A full stop may sit inside a closing bracket or quote. */
	while (len && t[len - 1] != '.' && t[len - 1] != ';') {
		if (t[len - 1] == ')' || t[len - 1] == '"' || t[len - 1] == '\'')
			len--;
		else if (len >= 3 && (!strncmp(t + len - 3, "\xe2\x80\x9d", 3) ||
				      !strncmp(t + len - 3, "\xe2\x80\x99", 3)))
			len -= 3;
		else
			break;
	}
	char end = len ? t[len - 1] : 0;
	bool list_form =
	    end == ';' || ends_with_word(t, len, "and") || ends_with_word(t, len, "or");
	if (end == '.') {
		/* a full sentence */
	} else if (list_form && last) {
		f = bc_check_add(cx, BC_RULE_RECOMMENDATION_SENTENCE, r,
				 "%s is the last, but ends as if another followed", label);
		bc_check_hint(f, "end the last recommendation with a full stop");
	} else if (!list_form) {
		f = bc_check_add(cx, BC_RULE_RECOMMENDATION_SENTENCE, r,
				 "%s does not end with a full stop", label);
		bc_check_hint(f, "end it with '.', or with ';' or '; and' when another follows");
	}
	free(t);
}

static void recommendation_sentences(struct bc_check_ctx *cx)
{
	if (!bc_check_enabled(cx->cfg, BC_RULE_RECOMMENDATION_SENTENCE))
		return;
	for (const struct bc_node *n = cx->root; n; n = bc_node_walk(cx->root, n, false)) {
		if (n->kind != BC_RECOMMENDATIONS)
			continue;
		for (const struct bc_node *r = n->first; r; r = r->next) {
			if (r->kind != BC_RECOMMENDATION)
				continue;
			bool last = true;
			for (const struct bc_node *k = r->next; k; k = k->next)
				last &= k->kind != BC_RECOMMENDATION;
			recommendation_sentence(cx, r, last);
		}
	}
}

/* ---- the recommended option ---- */

struct option_set {
	const struct bc_node *v[256];
	size_t n;
};

/* "Option 3" written in a recommendation's own words: its number, or 0. */
static int option_mentioned(const char *t)
{
	for (const char *s = t; (s = bc_check_find_ci(s, "option ")); s += 7) {
		if (s > t && ((s[-1] >= 'a' && s[-1] <= 'z') || (s[-1] >= 'A' && s[-1] <= 'Z')))
			continue;
		int v = atoi(s + 7);
		if (v > 0 && s[7] >= '0' && s[7] <= '9')
			return v;
	}
	return 0;
}

static void recommended_option(struct bc_check_ctx *cx)
{
	if (!bc_check_enabled(cx->cfg, BC_RULE_RECOMMENDED_OPTION))
		return;
	struct option_set all = {{0}, 0}, marked = {{0}, 0};
	for (const struct bc_node *n = cx->root; n; n = bc_node_walk(cx->root, n, false)) {
		if (n->kind != BC_OPTION || all.n >= 256)
			continue;
		all.v[all.n++] = n;
		if (bc_node_attr_is(n, "recommended", "yes"))
			marked.v[marked.n++] = n;
	}
	bool chosen = marked.n > 0;
	struct bc_finding *f;
	for (const struct bc_node *r = cx->root; r; r = bc_node_walk(cx->root, r, false)) {
		if (r->kind != BC_RECOMMENDATION)
			continue;
		const char *label = r->label ? r->label : "a recommendation";
		for (const struct bc_node *ref = r; ref; ref = bc_node_walk(r, ref, false)) {
			if (ref->kind != BC_REF || !ref->target || ref->target->kind != BC_OPTION)
				continue;
			chosen = true;
			const struct bc_node *o = ref->target;
			if (marked.n && !bc_node_attr_is(o, "recommended", "yes")) {
				f = bc_check_add(
				    cx, BC_RULE_RECOMMENDED_OPTION, ref,
				    "%s recommends %s, but the options appraisal marks "
				    "%s as the recommended option",
				    label, o->label ? o->label : "an option",
				    marked.v[0]->label ? marked.v[0]->label : "another");
				bc_check_hint(f, "make the recommendation and recommended=\"yes\" "
						 "agree");
			}
		}
		char *t = bc_node_text(r);
		int k = option_mentioned(t);
		free(t);
		if (!k)
			continue;
		chosen = true;
		if ((size_t)k > all.n) {
			f = bc_check_add(cx, BC_RULE_RECOMMENDED_OPTION, r,
					 all.n
					     ? "%s refers to Option %d, but the options appraisal "
					       "has %zu options"
					     : "%s refers to Option %d, but the paper has no "
					       "options appraisal",
					 label, k, all.n);
			bc_check_hint(f, "refer to options with <ref to=\"option-id\"/> so the "
					 "number follows the appraisal");
		} else if (marked.n && !bc_node_attr_is(all.v[k - 1], "recommended", "yes")) {
			f = bc_check_add(cx, BC_RULE_RECOMMENDED_OPTION, r,
					 "%s refers to Option %d, but the options appraisal marks "
					 "%s as the recommended option",
					 label, k,
					 marked.v[0]->label ? marked.v[0]->label : "another");
			bc_check_hint(f, "make the recommendation and recommended=\"yes\" agree");
		}
	}
	if (cx->for_decision && all.n > 1 && !chosen) {
		const struct bc_node *opts = all.v[0]->parent;
		f = bc_check_add(cx, BC_RULE_RECOMMENDED_OPTION, opts,
				 "the options appraisal does not say which option is recommended");
		bc_check_hint(f, "mark it <option recommended=\"yes\">, or refer to it from the "
				 "recommendation with <ref to=\"option-id\"/>");
	}
}

void bc_check_recommendations(struct bc_check_ctx *cx)
{
	recommendations_missing(cx);
	recommendations_unnumbered(cx);
	recommendation_sentences(cx);
	recommended_option(cx);
}
