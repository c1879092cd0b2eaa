/* check.h - `boardc check`: completeness and consistency rules over a
 * loaded paper (required sections, totals, placeholders, acronyms, ...),
 * the configuration that turns rules on and off and sets their severity,
 * in-place suppression markers, and the text, JSON and SARIF reports.
 *
 *   check.c         engine: rule table, findings, suppressions, the command
 *   check_config.c  boardc-check.xml
 *   check_rules.c   structural rules (sections, implications, appendices, ...)
 *   check_recs.c    recommendations and the recommended option
 *   check_table.c   table totals and percentages
 *   check_text.c    placeholders and readability
 *   check_acronym.c acronyms spelled out at first use
 *   check_length.c  word and page limits (the page count lays the paper out)
 *   check_report.c  text, JSON and SARIF writers
 * Rules and their defaults are documented in docs/check.md.
 * Included by main.c (build runs the error rules) and the files above. */
#ifndef BC_CHECK_H
#define BC_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "diag.h"
#include "model.h"
#include "parse.h"
#include "template.h"

struct bc_paper;
struct bc_xml;

/* X-macro: enum name, rule id, default severity, what it checks. The ids
 * are public (config files, suppression markers, JSON, SARIF): never
 * rename one. */
#define BC_CHECK_RULES(X)                                                                          \
	X(INVALID_PAPER, "invalid-paper", BC_ERROR,                                                \
	  "the paper does not build: XML, schema, reference, date or chart errors")                \
	X(BUILD_WARNING, "build-warning", BC_WARNING,                                              \
	  "a warning given while reading the paper (charts, templates, styles)")                   \
	X(REQUIRED_SECTION, "required-section", BC_ERROR,                                          \
	  "a section the paper's template or the configuration requires is missing")               \
	X(DECISION_CONTENT, "decision-content", BC_ERROR,                                          \
	  "a paper for decision lacks recommendations, reasons or an options appraisal")           \
	X(FORWARD_PLAN, "forward-plan", BC_ERROR, "a key decision has no forward plan reference")  \
	X(EXEMPT_PAPER, "exempt-paper", BC_ERROR,                                                  \
	  "an exempt paper lacks its Schedule 12A paragraph or public interest statement")         \
	X(RECOMMENDATIONS_MISSING, "recommendations-missing", BC_WARNING,                          \
	  "the paper makes no recommendations")                                                    \
	X(RECOMMENDATIONS_UNNUMBERED, "recommendations-unnumbered", BC_WARNING,                    \
	  "recommendations written as a list or paragraphs instead of <recommendation>s")          \
	X(RECOMMENDATION_SENTENCE, "recommendation-sentence", BC_WARNING,                          \
	  "a recommendation is not a full sentence")                                               \
	X(RECOMMENDED_OPTION, "recommended-option", BC_ERROR,                                      \
	  "the recommended option is missing from, or disagrees with, the options appraisal")      \
	X(UNUSED_APPENDIX, "unused-appendix", BC_WARNING, "an appendix no <ref> refers to")        \
	X(TABLE_TOTAL, "table-total", BC_ERROR,                                                    \
	  "a totals row does not equal the sum of its column")                                     \
	X(PERCENT_SUM, "percent-sum", BC_WARNING, "percentages that should make 100 do not")       \
	X(PLACEHOLDER_TEXT, "placeholder-text", BC_WARNING,                                        \
	  "placeholder text (TBC, [insert ...], XX, lorem ipsum, ...)")                            \
	X(PLACEHOLDER_DECISION, "placeholder-decision", BC_WARNING,                                \
	  "placeholder text in a paper for decision")                                              \
	X(EMPTY_IMPLICATION, "empty-implication", BC_ERROR, "an implication with no text")         \
	X(CONTACT_DETAILS, "contact-details", BC_WARNING,                                          \
	  "a contact officer without an email address or phone number")                            \
	X(REPORT_DATE, "report-date", BC_ERROR, "the report is dated after the meeting")           \
	X(FIGURE_ALT, "figure-alt", BC_ERROR,                                                      \
	  "a figure's alt text is empty, a placeholder or says nothing")                           \
	X(ACRONYM, "acronym", BC_WARNING, "an acronym used before it is spelled out")              \
	X(SENTENCE_LENGTH, "sentence-length", BC_WARNING, "a sentence longer than the limit")      \
	X(PARAGRAPH_LENGTH, "paragraph-length", BC_WARNING, "a paragraph longer than the limit")   \
	X(WORD_LIMIT, "word-limit", BC_WARNING,                                                    \
	  "the body is longer than the template's word limit")                                     \
	X(PAGE_LIMIT, "page-limit", BC_WARNING,                                                    \
	  "the paper is longer than the template's page limit")                                    \
	X(SUPPRESSION, "suppression", BC_WARNING,                                                  \
	  "a <?boardc-check?> marker that is malformed, has no reason or silences nothing")

enum bc_rule {
#define BC_RULE_ENUM(e, id, sev, what) BC_RULE_##e,
	BC_CHECK_RULES(BC_RULE_ENUM)
#undef BC_RULE_ENUM
	    BC_RULE_COUNT
};

struct bc_rule_info {
	const char *id;
	enum bc_severity severity; /* default */
	const char *what;
};

const struct bc_rule_info *bc_rule_info(enum bc_rule r);
/* The rule with this id; false if there is none. */
bool bc_rule_from_id(const char *id, enum bc_rule *out);

/* ---- configuration (check_config.c) ---- */

#define BC_CHECK_CONFIG_NAME "boardc-check.xml"

/* Sections required of papers using `template` (NULL: of every paper). */
struct bc_check_reqs {
	char *template;
	bool replace; /* instead of the template's own list, not in addition */
	struct bc_requirement *v;
	size_t n;
};

struct bc_check_config {
	bool off[BC_RULE_COUNT];
	enum bc_severity severity[BC_RULE_COUNT];
	/* How a command runs the rules, not read from the file: rules whose
	 * severity is below min_severity are not run (build: BC_ERROR), and
	 * lay_out lays the paper out, turning layout errors into findings and
	 * counting pages (only for a paper read without errors). */
	enum bc_severity min_severity;
	bool lay_out;
	int sentence_words;  /* sentence-length: more words than this */
	int paragraph_words; /* paragraph-length */
	char **acronyms;     /* well known: never need spelling out */
	size_t nacronyms;
	struct bc_check_reqs *reqs;
	size_t nreqs;
};

/* Defaults: every rule on at its default severity, built-in acronyms. */
void bc_check_config_init(struct bc_check_config *c);
/* Read a config file over the defaults; diagnostics name the file.
 * Returns 0, or -1 after reporting (d->io_error set when unreadable). */
int bc_check_config_load(struct bc_check_config *c, struct bc_xml *x, const char *path,
			 struct bc_diag *d);
void bc_check_config_free(struct bc_check_config *c);
/* The config for a paper: `explicit` if given, else boardc-check.xml in
 * the paper's folder if there is one, else the defaults. */
int bc_check_config_for(struct bc_check_config *c, struct bc_xml *x, const char *explicit_path,
			const char *paper_path, struct bc_diag *d);
/* Whether the rule runs under this config. */
bool bc_check_enabled(const struct bc_check_config *c, enum bc_rule r);

/* ---- findings ---- */

struct bc_finding {
	enum bc_rule rule;
	enum bc_severity severity;  /* after configuration */
	char *file;		    /* owned */
	int line, col;		    /* 0 when unknown */
	char *message, *hint;	    /* owned; hint may be NULL */
	const struct bc_node *node; /* where it is, for suppression; may be NULL */
	/* Set when a marker silenced it: */
	bool suppressed;
	char *reason;
	int sup_line, sup_col;
};

struct bc_findings {
	struct bc_finding *v;
	size_t n, cap;
	int files; /* papers checked */
};

void bc_findings_free(struct bc_findings *f);
/* Counts of unsuppressed findings by severity, and suppressed ones. */
void bc_findings_count(const struct bc_findings *f, int *errors, int *warnings, int *notes,
		       int *suppressed);

/* Turn diagnostics printed while reading or laying out a paper (captured
 * text in the bc_diag format) into findings: errors as invalid-paper,
 * warnings as build-warning. root (may be NULL) places them for markers. */
void bc_check_import(struct bc_findings *out, const char *captured, const char *file,
		     const struct bc_node *root, const struct bc_check_config *cfg);

/* Run every enabled rule over a loaded paper (p->root non-NULL), adding
 * findings under the name `file`, then apply the paper's suppression
 * markers. Returns the number of unsuppressed error findings added. */
int bc_check_paper(const struct bc_paper *p, const char *file, const struct bc_check_config *cfg,
		   struct bc_findings *out);

/* ---- reports (check_report.c) ---- */

enum bc_check_format { BC_CHECK_TEXT, BC_CHECK_JSON, BC_CHECK_SARIF };

/* Compiler-style lines with hints; `summary` adds the closing count line. */
void bc_check_write_text(FILE *fp, const struct bc_findings *f, bool summary);
void bc_check_write_json(FILE *fp, const struct bc_findings *f);
void bc_check_write_sarif(FILE *fp, const struct bc_findings *f);
/* s as a JSON string, quotes included. */
void bc_json_string(FILE *fp, const char *s);

/* `boardc check` */
int bc_cmd_check(int argc, char **argv);
/* What build runs after loading: the error-severity rules under the
 * paper's folder configuration, printed to d's stream. Returns the number
 * of errors for the caller to add to d (a configuration file's own errors
 * are counted in d directly). */
int bc_check_build(struct bc_xml *x, const struct bc_paper *p, const char *file, struct bc_diag *d);

/* ---- shared between the check files ---- */

struct bc_check_ctx {
	const struct bc_paper *p;
	const struct bc_node *root;
	const struct bc_check_config *cfg;
	struct bc_findings *out;
	const char *file;
	char *src; /* the paper's bytes, to place findings inside text; may be NULL */
	size_t srclen;
	bool for_decision, key_decision, exempt;
	int errors; /* error findings added */
};

/* Add a finding at node n (its element's position); returns it so a hint
 * can be attached, or NULL when the rule does not run. The pointer is
 * valid until the next finding is added. */
struct bc_finding *bc_check_add(struct bc_check_ctx *cx, enum bc_rule r, const struct bc_node *n,
				const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void bc_check_hint(struct bc_finding *f, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Move a finding to where `needle` first occurs in the source at or after
 * its node's start tag (text runs carry no column of their own). */
void bc_check_place(struct bc_check_ctx *cx, struct bc_finding *f, const char *needle);
/* The element a node belongs to (itself unless it is text). */
const struct bc_node *bc_check_element(const struct bc_node *n);

void bc_check_structure(struct bc_check_ctx *cx);
void bc_check_recommendations(struct bc_check_ctx *cx); /* called by bc_check_structure */
void bc_check_acronyms(struct bc_check_ctx *cx);	/* called by bc_check_text */
void bc_check_tables(struct bc_check_ctx *cx);
void bc_check_text(struct bc_check_ctx *cx);
void bc_check_length(struct bc_check_ctx *cx);

/* Helpers shared by the rule files. */
/* Whether a block says anything: text, standard wording, a table, a figure. */
bool bc_check_has_content(const struct bc_node *n);
/* Case-insensitive strstr (ASCII). */
const char *bc_check_find_ci(const char *hay, const char *needle);
bool bc_check_in_appendix(const struct bc_node *n);
/* The first element of a kind (an implication of `type`, a section whose
 * title starts with `title`) or else a <section> titled for it ("Options
 * appraisal" for <options>); NULL if none. */
const struct bc_node *bc_check_find_block(const struct bc_node *root, enum bc_kind k,
					  const char *type, const char *title);

/* A number as tables write it: "2,560", "£1.2m", "(120)", "-4.5%", "12k".
 * *unit is one unit of the last digit written (0.1 for "£1.2m" in
 * millions: 100000), *percent whether it ends in %. False if not a number. */
bool bc_check_number(const char *s, double *value, double *unit, bool *percent);
/* Whether s contains placeholder text; *what gets the placeholder found
 * (a pointer into a static string or into s, with *len its length). */
bool bc_check_placeholder(const char *s, const char **what, size_t *len);

#endif
