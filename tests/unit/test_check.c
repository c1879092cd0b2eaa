/* test_check.c - boardc check: number and placeholder recognition,
 * suppression markers in the parser, the rules on small papers, the
 * configuration file, and JSON string escaping. */
#include "helpers.h"

#include "chart.h"
#include "check.h"
#include "paper.h"

#include <unistd.h>

static int setup(void **state)
{
	*state = bc_xml_new();
	return 0;
}

static int teardown(void **state)
{
	bc_xml_free(*state);
	return 0;
}

/* Check PAPER_HEAD + body with cfg (defaults when NULL) into f. */
static void run(void **state, const char *body, const struct bc_check_config *cfg,
		struct bc_findings *f)
{
	struct capture c;
	capture_open(&c);
	struct bc_node *root = paper(*state, &c, body);
	assert_non_null(root);
	bc_charts_prepare(root, ".", &c.d);
	char dir[] = ".";
	struct bc_paper p = {.root = root, .dir = dir};
	struct bc_check_config def;
	bc_check_config_init(&def);
	memset(f, 0, sizeof *f);
	bc_check_paper(&p, "t.xml", cfg ? cfg : &def, f);
	bc_check_config_free(&def);
	bc_node_free(root);
	capture_close(&c);
}

static size_t count(const struct bc_findings *f, enum bc_rule r)
{
	size_t n = 0;
	for (size_t i = 0; i < f->n; i++)
		n += f->v[i].rule == r && !f->v[i].suppressed;
	return n;
}

static const struct bc_finding *first(const struct bc_findings *f, enum bc_rule r)
{
	for (size_t i = 0; i < f->n; i++)
		if (f->v[i].rule == r)
			return &f->v[i];
	return NULL;
}

/* ---- numbers and placeholders ---- */

static void numbers_as_tables_write_them(void **state)
{
	(void)state;
	double v, u;
	bool pct;
	assert_true(bc_check_number("2,560", &v, &u, &pct));
	assert_true(v == 2560 && u == 1 && !pct);
	assert_true(bc_check_number("£1.2m", &v, &u, &pct));
	assert_true(v > 1199999 && v < 1200001 && u > 99999 && u < 100001);
	assert_true(bc_check_number("(120)", &v, &u, &pct));
	assert_true(v == -120);
	assert_true(bc_check_number("(£0.1m)", &v, &u, &pct));
	assert_true(v < -99999 && v > -100001);
	assert_true(bc_check_number("\xe2\x88\x92"
				    "4",
				    &v, &u, &pct)); /* U+2212 minus */
	assert_true(v == -4);
	assert_true(bc_check_number(" 12.5% ", &v, &u, &pct));
	assert_true(v == 12.5 && pct && u == 0.1);
	assert_true(bc_check_number("£2bn", &v, &u, &pct) && v == 2e9);
	assert_true(bc_check_number("30k", &v, &u, &pct) && v == 30000);
	assert_false(bc_check_number("09:00", &v, &u, &pct));
	assert_false(bc_check_number("Total", &v, &u, &pct));
	assert_false(bc_check_number("2009/10", &v, &u, &pct));
	assert_false(bc_check_number("(120", &v, &u, &pct));
	assert_false(bc_check_number("", &v, &u, &pct));
	assert_false(bc_check_number("12 people", &v, &u, &pct));
}

static void placeholder_found(const char *s, const char *want)
{
	const char *what;
	size_t len;
	assert_true(bc_check_placeholder(s, &what, &len));
	assert_int_equal(len, strlen(want));
	assert_memory_equal(what, want, len);
}

static void placeholders_and_near_misses(void **state)
{
	(void)state;
	placeholder_found("Legal: TBC.", "TBC");
	placeholder_found("tba", "tba");
	placeholder_found("[insert the title of the report]", "[insert the title of the report]");
	placeholder_found("It costs £XXm a year", "£XXm");
	placeholder_found("by 20XX", "20XX");
	placeholder_found("see ??? below", "???");
	placeholder_found("Lorem ipsum dolor", "Lorem ipsum");
	placeholder_found("Details to follow.", "to follow");
	placeholder_found("(to follow)", "to follow");
	const char *what;
	size_t len;
	assert_false(bc_check_placeholder("The steps we need to follow in the review are set out.",
					  &what, &len));
	assert_false(bc_check_placeholder("Exxon and Mexico; TBCs; subtotal", &what, &len));
	assert_false(bc_check_placeholder("the [2019] report", &what, &len));
	assert_false(bc_check_placeholder("Is this right?", &what, &len));
}

/* ---- suppression markers in the parser ---- */

static struct bc_node *mark(struct bc_node *root, int k)
{
	for (struct bc_node *n = root->first; n; n = n->next)
		if (n->kind == BC_SUPPRESS && k-- == 0)
			return n;
	return NULL;
}

static void markers_become_suppress_nodes(void **state)
{
	const char *src =
	    "<?xml version=\"1.0\"?>\n"
	    "<?boardc-check ignore=\"acronym\" reason='whole paper'?>\n"
	    "<paper xmlns=\"urn:x-boardc:paper:1\">\n"
	    "<front><committee>C</committee><meeting "
	    "date=\"2010-07-06\"/><title>T</title></front>\n"
	    "<section title=\"A\">\n"
	    "  <?boardc-check ignore=\"table-total percent-sum\" reason=\"audited\"?>\n"
	    "  <table><tbody><?boardc-check ignore=\"x\" reason=\"r\"?><tr><td>1</td></tr>"
	    "</tbody></table>\n"
	    "  <p>Text</p><?boardc-check ignore=acronym?>\n"
	    "</section>\n"
	    "</paper>\n";
	struct capture c;
	capture_open(&c);
	struct bc_node *root = bc_parse_memory(*state, src, strlen(src), NULL, &c.d);
	assert_non_null(root);
	assert_int_equal(c.d.errors, 0);
	assert_true(bc_node_check(root));

	struct bc_node *m0 = mark(root, 0), *m1 = mark(root, 1), *m2 = mark(root, 2),
		       *m3 = mark(root, 3);
	assert_non_null(m3);
	assert_null(mark(root, 4));
	/* Before the root: silences the paper. */
	assert_ptr_equal(m0->target, root);
	assert_string_equal(bc_node_attr(m0, "reason"), "whole paper");
	assert_int_equal(m0->line, 2);
	assert_int_equal(m0->col, 1);
	/* Before the table. */
	assert_int_equal(m1->target->kind, BC_TABLE);
	assert_string_equal(bc_node_attr(m1, "ignore"), "table-total percent-sum");
	assert_int_equal(m1->line, 6);
	assert_int_equal(m1->col, 3);
	/* Inside <tbody>, before the row: the tbody's children are untouched. */
	assert_int_equal(m2->target->kind, BC_TR);
	struct bc_node *tbody = m2->target->parent;
	assert_int_equal(tbody->kind, BC_TBODY);
	assert_ptr_equal(tbody->first, tbody->last);
	/* After the last element, and malformed. */
	assert_null(m3->target);
	assert_non_null(bc_node_attr(m3, "#malformed"));
	/* The section holds only its table and paragraph. */
	struct bc_node *sec = m1->target->parent;
	assert_int_equal(sec->first->kind, BC_TABLE);
	assert_int_equal(sec->last->kind, BC_P);
	bc_node_free(root);
	capture_close(&c);
}

/* ---- rules ---- */

#define TABLE(total)                                                                               \
	"<section title=\"A\"><table><caption>Money</caption>"                                     \
	"<thead><tr><th>Item</th><th>Cost</th></tr></thead><tbody>"                                \
	"<tr><td>PCT</td><td>£67m</td></tr><tr><td>Council</td><td>£66m</td></tr>"               \
	"</tbody><tfoot><tr total=\"yes\"><th>Total</th><td>" total "</td></tr></tfoot>"           \
	"</table></section>"

static void totals_allow_for_rounding(void **state)
{
	struct bc_findings f;
	/* 67 + 66 = 133; 134 is within half a unit per row and total. */
	run(state, TABLE("£134m"), NULL, &f);
	assert_int_equal(count(&f, BC_RULE_TABLE_TOTAL), 0);
	bc_findings_free(&f);
	run(state, TABLE("£136m"), NULL, &f);
	assert_int_equal(count(&f, BC_RULE_TABLE_TOTAL), 1);
	const struct bc_finding *x = first(&f, BC_RULE_TABLE_TOTAL);
	assert_int_equal(x->severity, BC_ERROR);
	assert_non_null(strstr(x->message, "is £136m, but the rows above add up to £133m"));
	assert_non_null(strstr(x->message, "column 'Cost' of Table 1"));
	bc_findings_free(&f);
}

static void subtotals_and_grand_totals(void **state)
{
	struct bc_findings f;
	run(state,
	    "<section title=\"A\"><table><tbody>"
	    "<tr><td>a</td><td>1,000</td></tr><tr><td>b</td><td>2,000</td></tr>"
	    "<tr total=\"yes\"><td>Sub</td><td>3,000</td></tr>"
	    "<tr><td>c</td><td>(500)</td></tr><tr><td>d</td><td>-</td></tr>"
	    "<tr total=\"yes\"><td>Sub</td><td>(500)</td></tr>"
	    "<tr total=\"yes\"><td>Total</td><td>2,500</td></tr>"
	    "</tbody></table></section>",
	    NULL, &f);
	assert_int_equal(count(&f, BC_RULE_TABLE_TOTAL), 0);
	bc_findings_free(&f);
}

static void percentages_in_tables_and_charts(void **state)
{
	struct bc_findings f;
	run(state,
	    "<section title=\"A\"><table><tbody>"
	    "<tr><td>a</td><td>33.3%</td></tr><tr><td>b</td><td>33.3%</td></tr>"
	    "<tr><td>c</td><td>33.3%</td></tr>"
	    "<tr total=\"yes\"><td>All</td><td>100%</td></tr></tbody></table>"
	    "<table><tbody><tr><td>a</td><td>30%</td></tr><tr><td>b</td><td>35%</td></tr>"
	    "<tr total=\"yes\"><td>Share</td><td>32%</td></tr></tbody></table>"
	    "<figure><caption>Pie</caption><alt>Shares.</alt><chart type=\"pie\" unit=\"%\">"
	    "<point label=\"x\" value=\"60\"/><point label=\"y\" value=\"20\"/></chart></figure>"
	    "</section>",
	    NULL, &f);
	/* 99.9% rounds to 100; a 32% share is not a sum; the pie makes 80. */
	assert_int_equal(count(&f, BC_RULE_PERCENT_SUM), 1);
	assert_int_equal(count(&f, BC_RULE_TABLE_TOTAL), 0);
	assert_non_null(strstr(first(&f, BC_RULE_PERCENT_SUM)->message, "sum to 80, not 100"));
	bc_findings_free(&f);
}

static void rate_columns_are_not_summed(void **state)
{
	struct bc_findings f;
	run(state,
	    "<section title=\"A\"><table><thead><tr><th>Service</th><th>2024</th>"
	    "<th>Change %</th><th>Share %</th></tr></thead><tbody>"
	    "<tr><td>a</td><td>100</td><td>9.9</td><td>50</td></tr>"
	    "<tr><td>b</td><td>200</td><td>-2.3</td><td>40</td></tr>"
	    "</tbody><tfoot><tr total=\"yes\"><td>All</td><td>300</td><td>2.4</td><td>100</td>"
	    "</tr></tfoot></table></section>",
	    NULL, &f);
	/* The change is a rate; the shares claim 100 and make 90. */
	assert_int_equal(count(&f, BC_RULE_TABLE_TOTAL), 0);
	assert_int_equal(count(&f, BC_RULE_PERCENT_SUM), 1);
	assert_non_null(strstr(first(&f, BC_RULE_PERCENT_SUM)->message, "'Share %'"));
	bc_findings_free(&f);
}

static void acronyms_spelled_out(void **state)
{
	struct bc_findings f;
	run(state,
	    "<section title=\"A\">"
	    "<p>The Joint Strategic Needs Assessment (JSNA) and the JSNA again.</p>"
	    "<p>NHS Hammersmith and Fulham (NHS H&amp;F) and H&amp;F.</p>"
	    "<p>PCTs (Primary Care Trusts) and the PCT's budget.</p>"
	    "<p>Part II of the NHS and GP A&amp;E plans.</p>"
	    "<p>The CCG and the LSP.</p>"
	    "<p>The Local Strategic Partnership (LSP).</p>"
	    "</section>"
	    "<section title=\"Glossary\"><p>CCG: clinical commissioning group.</p></section>",
	    NULL, &f);
	assert_int_equal(count(&f, BC_RULE_ACRONYM), 1);
	const struct bc_finding *x = first(&f, BC_RULE_ACRONYM);
	assert_string_equal(x->message, "acronym 'LSP' is used before it is spelled out");
	assert_non_null(strstr(x->hint, "Local Strategic Partnership (LSP)"));
	bc_findings_free(&f);
}

static void recommendations_as_sentences(void **state)
{
	struct bc_findings f;
	run(state,
	    "<recommendations><intro>The Board is asked to:</intro>"
	    "<recommendation>note the report;</recommendation>"
	    "<recommendation>Agree the plan (Appendix 1).</recommendation>"
	    "<recommendation>prioritise the work, and</recommendation>"
	    "<recommendation>the report be noted</recommendation>"
	    "</recommendations>",
	    NULL, &f);
	/* The fourth neither starts with a verb nor ends as the last should. */
	assert_int_equal(count(&f, BC_RULE_RECOMMENDATION_SENTENCE), 2);
	for (size_t i = 0; i < f.n; i++)
		if (f.v[i].rule == BC_RULE_RECOMMENDATION_SENTENCE)
			assert_non_null(strstr(f.v[i].message, "recommendation 1.4 "));
	bc_findings_free(&f);
}

static void markers_silence_findings(void **state)
{
	struct bc_findings f;
	run(state,
	    "<section title=\"A\"><?boardc-check ignore=\"acronym\" reason=\"in the glossary\"?>"
	    "<p>The CIPFA data.</p><?boardc-check ignore=\"acronym\"?><p>The ONS data.</p>"
	    "</section>",
	    NULL, &f);
	assert_int_equal(count(&f, BC_RULE_ACRONYM), 1); /* ONS: the marker has no reason */
	assert_int_equal(count(&f, BC_RULE_SUPPRESSION), 1);
	int e, w, n, s;
	bc_findings_count(&f, &e, &w, &n, &s);
	assert_int_equal(s, 1);
	const struct bc_finding *x = first(&f, BC_RULE_ACRONYM);
	assert_true(x->suppressed);
	assert_string_equal(x->reason, "in the glossary");
	bc_findings_free(&f);
}

static void build_runs_only_error_rules(void **state)
{
	struct bc_check_config cfg;
	bc_check_config_init(&cfg);
	cfg.min_severity = BC_ERROR;
	struct bc_findings f;
	run(state, "<section title=\"A\"><p>The CIPFA data. TBC.</p></section>" TABLE("£200m"),
	    &cfg, &f);
	assert_int_equal(f.n, 1);
	assert_int_equal(f.v[0].rule, BC_RULE_TABLE_TOTAL);
	bc_findings_free(&f);
	bc_check_config_free(&cfg);
}

/* ---- configuration ---- */

static char *write_temp(const char *text)
{
	char *path = strdup("/tmp/boardc-check-cfg-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *fp = fdopen(fd, "w");
	fputs(text, fp);
	fclose(fp);
	return path;
}

static void config_sets_rules_and_limits(void **state)
{
	char *path =
	    write_temp("<check xmlns=\"urn:x-boardc:check:1\">"
		       "<rule id=\"acronym\" severity=\"error\"/>"
		       "<rule id=\"sentence-length\" severity=\"off\"/>"
		       "<readability sentence-words=\"30\" paragraph-words=\"99\"/>"
		       "<acronyms replace=\"yes\">ONS, CIPFA</acronyms>"
		       "<requires template=\"x\" replace=\"yes\"><section kind=\"implication\" "
		       "type=\"legal\" when=\"exempt\"/></requires></check>");
	struct bc_check_config cfg;
	bc_check_config_init(&cfg);
	struct capture c;
	capture_open(&c);
	assert_int_equal(bc_check_config_load(&cfg, *state, path, &c.d), 0);
	assert_int_equal(cfg.severity[BC_RULE_ACRONYM], BC_ERROR);
	assert_true(cfg.off[BC_RULE_SENTENCE_LENGTH]);
	assert_false(bc_check_enabled(&cfg, BC_RULE_SENTENCE_LENGTH));
	assert_int_equal(cfg.sentence_words, 30);
	assert_int_equal(cfg.paragraph_words, 99);
	assert_int_equal(cfg.nacronyms, 2);
	assert_string_equal(cfg.acronyms[1], "CIPFA");
	assert_int_equal(cfg.nreqs, 1);
	assert_true(cfg.reqs[0].replace);
	assert_int_equal(cfg.reqs[0].v[0].kind, BC_IMPLICATION);
	assert_string_equal(cfg.reqs[0].v[0].when, "exempt");
	bc_check_config_free(&cfg);
	capture_close(&c);
	unlink(path);
	free(path);
}

static void config_errors_name_the_line(void **state)
{
	char *path = write_temp("<check xmlns=\"urn:x-boardc:check:1\">\n"
				"<rule id=\"nope\" severity=\"error\"/>\n"
				"<rule id=\"invalid-paper\" severity=\"off\"/>\n"
				"<readability sentence-words=\"many\"/>\n"
				"<colour/>\n</check>");
	struct bc_check_config cfg;
	bc_check_config_init(&cfg);
	struct capture c;
	capture_open(&c);
	assert_int_equal(bc_check_config_load(&cfg, *state, path, &c.d), -1);
	assert_int_equal(c.d.errors, 4);
	const char *out = capture_text(&c);
	assert_non_null(strstr(out, ":2: error: unknown rule 'nope'"));
	assert_non_null(strstr(out, ":3: error: 'invalid-paper' cannot be configured"));
	assert_non_null(strstr(out, ":4: error: sentence-words=\"many\""));
	assert_non_null(strstr(out, ":5: error: unknown configuration element <colour>"));
	bc_check_config_free(&cfg);
	capture_close(&c);
	unlink(path);
	free(path);
}

/* ---- JSON ---- */

static void json_strings_are_escaped(void **state)
{
	(void)state;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	bc_json_string(fp, "a\"b\\c\nd\te\x01 £ \xff end");
	fclose(fp);
	assert_string_equal(buf, "\"a\\\"b\\\\c\\nd\\te\\u0001 £ \\ufffd end\"");
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(numbers_as_tables_write_them),
	    cmocka_unit_test(placeholders_and_near_misses),
	    cmocka_unit_test(markers_become_suppress_nodes),
	    cmocka_unit_test(totals_allow_for_rounding),
	    cmocka_unit_test(subtotals_and_grand_totals),
	    cmocka_unit_test(percentages_in_tables_and_charts),
	    cmocka_unit_test(rate_columns_are_not_summed),
	    cmocka_unit_test(acronyms_spelled_out),
	    cmocka_unit_test(recommendations_as_sentences),
	    cmocka_unit_test(markers_silence_findings),
	    cmocka_unit_test(build_runs_only_error_rules),
	    cmocka_unit_test(config_sets_rules_and_limits),
	    cmocka_unit_test(config_errors_name_the_line),
	    cmocka_unit_test(json_strings_are_escaped),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
