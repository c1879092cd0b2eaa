/* model.h - the paper as a tree of nodes, one node per element or text run.
 * Produced by parse.c, annotated by number.c and validate.c, read by the
 * layout stage. Nothing here knows about libxml2, Pango or Cairo.
 * Ownership: a tree is owned by its root; bc_node_free(root) frees it all. */
#ifndef BC_MODEL_H
#define BC_MODEL_H

#include <stdbool.h>
#include <stddef.h>

/* X-macro: kind, element name. BC_TEXT and BC_SUPPRESS have no element and
 * come last, so no element name can map to them. BC_SUPPRESS is a
 * <?boardc-check ignore="rule" reason="..."?> marker (attributes as written):
 * parse.c gathers the markers as the last children of the root, where no
 * content stage looks, each with `target` set to the element it precedes. */
#define BC_KINDS(X)                                                                                \
	X(PAPER, "paper")                                                                          \
	X(FRONT, "front")                                                                          \
	X(ORGANISATION, "organisation")                                                            \
	X(COMMITTEE, "committee")                                                                  \
	X(MEETING, "meeting")                                                                      \
	X(ITEM, "item")                                                                            \
	X(TITLE, "title")                                                                          \
	X(SUBTITLE, "subtitle")                                                                    \
	X(REPORT_OF, "report-of")                                                                  \
	X(REPORT_DATE, "report-date")                                                              \
	X(AUTHOR, "author")                                                                        \
	X(CONTACT, "contact")                                                                      \
	X(NAME, "name")                                                                            \
	X(POST, "post")                                                                            \
	X(PHONE, "phone")                                                                          \
	X(EMAIL, "email")                                                                          \
	X(WARDS, "wards")                                                                          \
	X(DECISION, "decision")                                                                    \
	X(EXEMPT, "exempt")                                                                        \
	X(SUMMARY, "summary")                                                                      \
	X(SECTION, "section")                                                                      \
	X(RECOMMENDATIONS, "recommendations")                                                      \
	X(INTRO, "intro")                                                                          \
	X(RECOMMENDATION, "recommendation")                                                        \
	X(REASONS, "reasons")                                                                      \
	X(OPTIONS, "options")                                                                      \
	X(OPTION, "option")                                                                        \
	X(ADVANTAGES, "advantages")                                                                \
	X(DISADVANTAGES, "disadvantages")                                                          \
	X(IMPLICATIONS, "implications")                                                            \
	X(IMPLICATION, "implication")                                                              \
	X(CONSULTEES, "consultees")                                                                \
	X(CONSULTEE, "consultee")                                                                  \
	X(BACKGROUND_PAPERS, "background-papers")                                                  \
	X(DOCUMENT, "document")                                                                    \
	X(APPENDIX_LIST, "appendix-list")                                                          \
	X(APPENDIX, "appendix")                                                                    \
	X(P, "p")                                                                                  \
	X(QUOTE, "quote")                                                                          \
	X(STANDARD, "standard")                                                                    \
	X(UL, "ul")                                                                                \
	X(OL, "ol")                                                                                \
	X(LI, "li")                                                                                \
	X(TABLE, "table")                                                                          \
	X(CAPTION, "caption")                                                                      \
	X(COL, "col")                                                                              \
	X(THEAD, "thead")                                                                          \
	X(TBODY, "tbody")                                                                          \
	X(TFOOT, "tfoot")                                                                          \
	X(TR, "tr")                                                                                \
	X(TH, "th")                                                                                \
	X(TD, "td")                                                                                \
	X(SOURCE, "source")                                                                        \
	X(FIGURE, "figure")                                                                        \
	X(ALT, "alt")                                                                              \
	X(IMAGE, "image")                                                                          \
	X(CHART, "chart")                                                                          \
	X(DATA, "data")                                                                            \
	X(SERIES, "series")                                                                        \
	X(POINT, "point")                                                                          \
	X(TIER, "tier")                                                                            \
	X(CELL, "cell")                                                                            \
	X(NODE, "node")                                                                            \
	X(AGENDA, "agenda")                                                                        \
	X(MEMBERS, "members")                                                                      \
	X(MEMBER, "member")                                                                        \
	X(APOLOGIES, "apologies")                                                                  \
	X(CLERK, "clerk")                                                                          \
	X(AGENDA_ITEM, "agenda-item")                                                              \
	X(EM, "em")                                                                                \
	X(STRONG, "strong")                                                                        \
	X(A, "a")                                                                                  \
	X(REF, "ref")                                                                              \
	X(FN, "fn")                                                                                \
	X(BR, "br")                                                                                \
	X(TEXT, "#text")                                                                           \
	X(SUPPRESS, "?boardc-check")

enum bc_kind {
#define BC_KIND_ENUM(k, name) BC_##k,
	BC_KINDS(BC_KIND_ENUM)
#undef BC_KIND_ENUM
	    BC_KIND_COUNT
};

struct bc_attr {
	char *name;
	char *value;
};

struct bc_node {
	enum bc_kind kind;
	struct bc_node *parent, *first, *last, *next, *prev;
	int line, col; /* source position, 1-based; 0 when unknown */

	char *text; /* BC_TEXT: the characters, UTF-8 */
	struct bc_attr *attrs;
	size_t nattrs;
	bool implicit; /* a P the parser wrapped around loose inline content */

	/* Filled in by bc_number(); all owned by the node. */
	char *number;		/* displayed number: "2.3", "4", "A", "(b)" */
	char *label;		/* what a <ref> to this node shows */
	int seq;		/* footnote, table or figure ordinal (1-based) */
	int depth;		/* heading level of a section-like node (1-based) */
	struct bc_node *target; /* BC_REF: the node it points at; BC_SUPPRESS: the
				   element the marker silences (NULL: none follows) */
	char *description;	/* BC_CHART: text alternative generated from the data */
	void *aux;		/* data a later pass attaches (BC_CHART: its chart) */
	void (*aux_free)(void *aux);
};

struct bc_node *bc_node_new(enum bc_kind kind, int line, int col);
void bc_node_append(struct bc_node *parent, struct bc_node *child);
void bc_node_free(struct bc_node *node); /* frees the subtree; NULL is a no-op */

const char *bc_kind_name(enum bc_kind kind);
bool bc_kind_from_name(const char *name, enum bc_kind *out);
bool bc_kind_is_inline(enum bc_kind kind);
/* Section-like kinds: section, recommendations, reasons, options, ... */
bool bc_kind_is_sectionlike(enum bc_kind kind);

void bc_node_set_attr(struct bc_node *n, const char *name, const char *value);
const char *bc_node_attr(const struct bc_node *n, const char *name);
bool bc_node_attr_is(const struct bc_node *n, const char *name, const char *value);

struct bc_node *bc_node_child(const struct bc_node *n, enum bc_kind kind);
/* The text of a subtree with whitespace collapsed and trimmed; caller frees. */
char *bc_node_text(const struct bc_node *n);

/* Pre-order walk: next node after n within root (NULL at the end). With
 * skip_children, n's subtree is not entered. */
struct bc_node *bc_node_walk(const struct bc_node *root, const struct bc_node *n,
			     bool skip_children);

/* The heading of a section-like node: its title attribute, or the default
 * for its kind ("Recommendations", "Legal implications", ...). Never NULL. */
const char *bc_node_title(const struct bc_node *n);

/* Structural invariants (parent/child/sibling links); for tests and debug. */
bool bc_node_check(const struct bc_node *root);

#endif
