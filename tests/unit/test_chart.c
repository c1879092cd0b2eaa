/* test_chart.c - chart data: points, series, CSV, sorting, top-N folding,
 * and the data checks with their messages. */
#include "helpers.h"

#include <math.h>

#include "chart.h"

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

/* Parse a paper whose only section holds `figure_body` inside a figure,
 * and build its chart from tests/data/csv. */
static struct bc_chart *chart_of(void **state, struct capture *c, const char *chart_xml,
				 struct bc_node **root_out)
{
	char body[4096];
	snprintf(
	    body, sizeof body,
	    "<section title=\"S\"><figure><caption>C</caption><alt>A</alt>%s</figure></section>",
	    chart_xml);
	struct bc_node *root = paper(*state, c, body);
	*root_out = root;
	if (!root)
		return NULL;
	for (struct bc_node *n = root; n; n = bc_node_walk(root, n, false))
		if (n->kind == BC_CHART)
			return bc_chart_build(n, "tests/data/csv", &c->d);
	return NULL;
}

static void inline_points_sorted_and_folded(void **state)
{
	struct capture c;
	capture_open(&c);
	struct bc_node *root;
	struct bc_chart *ch =
	    chart_of(state, &c,
		     "<chart type=\"bar\" unit=\"%\" sort=\"descending\" top=\"2\" "
		     "other-label=\"All others\">"
		     "<point label=\"A\" value=\"5\"/><point label=\"B\" value=\"1,200\"/>"
		     "<point label=\"C\" value=\"7.5\" illustrative=\"yes\"/>"
		     "<point label=\"D\" value=\"2\"/></chart>",
		     &root);
	assert_non_null(ch);
	assert_int_equal(ch->data.ncat, 3);
	assert_string_equal(ch->data.categories[0], "B");
	assert_string_equal(ch->data.categories[1], "C");
	assert_string_equal(ch->data.categories[2], "All others");
	assert_true(fabs(ch->data.values[0] - 1200) < 1e-9);
	assert_true(fabs(ch->data.values[2] - 7) < 1e-9); /* 5 + 2 folded */
	assert_true(ch->data.illustrative[1]);
	assert_false(ch->data.illustrative[0]);
	char *s = bc_chart_format(ch, 1200);
	assert_string_equal(s, "1,200%");
	free(s);
	s = bc_chart_format(ch, -1234567.25);
	assert_string_equal(s, "-1,234,567.3%");
	free(s);
	bc_chart_free(ch);
	bc_node_free(root);
	capture_close(&c);
}

static void series_and_csv(void **state)
{
	struct capture c;
	capture_open(&c);
	struct bc_node *root;
	struct bc_chart *ch =
	    chart_of(state, &c,
		     "<chart type=\"bar\" mode=\"grouped\"><data src=\"good.csv\" "
		     "category=\"Segment\" values=\"Percent, People\"/></chart>",
		     &root);
	assert_non_null(ch);
	assert_int_equal(ch->data.nseries, 2);
	assert_int_equal(ch->data.ncat, 4);
	assert_string_equal(ch->data.series[1], "People");
	assert_true(fabs(ch->data.values[1 * 4 + 1] - 1200) < 1e-9);
	bc_chart_free(ch);
	bc_node_free(root);

	ch = chart_of(
	    state, &c,
	    "<chart type=\"line\"><series name=\"x\"><point label=\"2010\" value=\"1\"/>"
	    "</series><series name=\"y\"><point label=\"2011\" value=\"2\"/></series></chart>",
	    &root);
	assert_non_null(ch);
	assert_int_equal(ch->data.ncat, 2);
	assert_true(isnan(ch->data.values[0 * 2 + 1])); /* x has no 2011 */
	bc_chart_free(ch);
	bc_node_free(root);

	/* Years run in numeric order even when a series lists them late. */
	ch = chart_of(state, &c,
		      "<chart type=\"line\"><series name=\"x\"><point label=\"2012\" value=\"1\"/>"
		      "</series><series name=\"y\"><point label=\"2010\" value=\"2\"/>"
		      "<point label=\"2011\" value=\"3\"/></series></chart>",
		      &root);
	assert_non_null(ch);
	assert_string_equal(ch->data.categories[0], "2010");
	assert_string_equal(ch->data.categories[2], "2012");
	assert_true(fabs(ch->data.values[0 * 3 + 2] - 1) < 1e-9);
	bc_chart_free(ch);
	bc_node_free(root);
	capture_close(&c);
}

static void data_errors(void **state)
{
	static const struct {
		const char *xml, *message;
	} cases[] = {
	    {"<chart type=\"bar\"><point label=\"A\" value=\"many\"/></chart>",
	     "chart value 'many' is not a number"},
	    {"<chart type=\"pie\"><point label=\"A\" value=\"-1\"/></chart>",
	     "pie chart value -1 for 'A' is negative"},
	    {"<chart type=\"bar\"/>", "chart has no data"},
	    {"<chart type=\"pie\"><series name=\"a\"><point label=\"x\" value=\"1\"/></series>"
	     "<series name=\"b\"><point label=\"x\" value=\"2\"/></series></chart>",
	     "a pie chart shows one series; this one has 2"},
	    {"<chart type=\"line\"><series name=\"empty\"/></chart>", "chart has no data"},
	    {"<chart type=\"bar\"><data src=\"good.csv\" category=\"Segmnt\" values=\"Percent\"/>"
	     "</chart>",
	     "has no column 'Segmnt'"},
	    {"<chart type=\"bar\"><data src=\"missing.csv\" category=\"a\" values=\"b\"/></chart>",
	     "CSV file 'missing.csv' not found"},
	    {"<chart type=\"bar\"><data src=\"../csv/good.csv\" category=\"a\" "
	     "values=\"b\"/></chart>",
	     "must be a relative path inside"},
	    {"<chart type=\"bar\"><data src=\"unterminated.csv\" category=\"Segment\" "
	     "values=\"Percent\"/></chart>",
	     "CSV error"},
	    {"<chart type=\"bar\"><data src=\"ragged.csv\" category=\"Segment\" "
	     "values=\"Percent\"/></chart>",
	     "ragged.csv:3: row has 3 fields; the header has 2"},
	    {"<chart type=\"bar\"><data src=\"nonnumeric.csv\" category=\"Segment\" "
	     "values=\"Percent\"/></chart>",
	     "nonnumeric.csv:3: value 'lots'"},
	    {"<chart type=\"quadrant\"><cell position=\"top-left\" title=\"a\">x</cell></chart>",
	     "needs four <cell> elements"},
	    {"<chart type=\"triangle\"/>", "needs <tier> elements"},
	    {"<chart type=\"orgchart\"/>", "needs a <node>"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct capture c;
		capture_open(&c);
		struct bc_node *root;
		struct bc_chart *ch = chart_of(state, &c, cases[i].xml, &root);
		if (ch || !strstr(capture_text(&c), cases[i].message))
			fail_msg("case %zu: wanted '%s', got '%s'", i, cases[i].message,
				 capture_text(&c));
		assert_null(ch);
		assert_non_null(strstr(capture_text(&c), "t.xml:"));
		bc_node_free(root);
		capture_close(&c);
	}
}

static void percentages_warn_with_the_sum(void **state)
{
	struct capture c;
	capture_open(&c);
	struct bc_node *root;
	struct bc_chart *ch =
	    chart_of(state, &c,
		     "<chart type=\"pie\" unit=\"%\"><point label=\"A\" value=\"60\"/>"
		     "<point label=\"B\" value=\"30\"/></chart>",
		     &root);
	assert_non_null(ch);
	assert_int_equal(c.d.warnings, 1);
	assert_non_null(strstr(capture_text(&c), "sum to 90, not 100"));
	bc_chart_free(ch);
	bc_node_free(root);
	/* total="none" says they are not parts of a whole. */
	ch = chart_of(
	    state, &c,
	    "<chart type=\"bar\" unit=\"%\" total=\"none\"><point label=\"A\" value=\"60\"/>"
	    "</chart>",
	    &root);
	assert_non_null(ch);
	assert_int_equal(c.d.warnings, 1);
	bc_chart_free(ch);
	bc_node_free(root);
	capture_close(&c);
}

/* The text alternative each chart type generates states its data. */
static void descriptions(void **state)
{
	static const struct {
		const char *xml;
		const char *want[3];
	} cases[] = {
	    {"<chart type=\"bar\" unit=\"%\" total=\"none\"><point label=\"Renters\" value=\"21\"/>"
	     "<point label=\"Students\" value=\"2\"/></chart>",
	     {"Bar chart", "Renters 21%", "Students 2%"}},
	    {"<chart type=\"triangle\"><tier label=\"Universal\" value=\"£2m\"/>"
	     "<tier label=\"Specialist\"/></chart>",
	     {"Triangle", "Universal", "Specialist"}},
	    {"<chart type=\"quadrant\"><cell position=\"top-left\" title=\"Shared access\">a</cell>"
	     "<cell position=\"top-right\" title=\"Shared delivery\">b</cell>"
	     "<cell position=\"bottom-left\" title=\"Shared outcomes\">c</cell>"
	     "<cell position=\"bottom-right\" title=\"Shared outreach\">d</cell></chart>",
	     {"Quadrant", "top left Shared access", "Shared outreach"}},
	    {"<chart type=\"orgchart\"><node label=\"Board\"><node label=\"Finance\" "
	     "line=\"dashed\"/><node label=\"Delivery\"/></node></chart>",
	     {"Organisation chart", "Board", "Finance (advisory)"}},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct capture c;
		capture_open(&c);
		struct bc_node *root;
		struct bc_chart *ch = chart_of(state, &c, cases[i].xml, &root);
		assert_non_null(ch);
		char *text = bc_chart_ops_for(ch)->describe(ch);
		for (int k = 0; k < 3; k++)
			if (!strstr(text, cases[i].want[k]))
				fail_msg("case %zu: '%s' lacks '%s'", i, text, cases[i].want[k]);
		free(text);
		bc_chart_free(ch);
		bc_node_free(root);
		capture_close(&c);
	}
}

static void palette_and_contrast(void **state)
{
	(void)state;
	/* Text on a fill always reaches 4.5:1; palette marks reach 3:1 on white. */
	for (size_t i = 0; i < 12; i++) {
		struct bc_rgb f = bc_chart_colour(NULL, i), t = bc_chart_text_on(f);
		double lf =
		    0.2126 * pow(f.r, 2.2) + 0.7152 * pow(f.g, 2.2) + 0.0722 * pow(f.b, 2.2);
		double lt =
		    0.2126 * pow(t.r, 2.2) + 0.7152 * pow(t.g, 2.2) + 0.0722 * pow(t.b, 2.2);
		double hi = lf > lt ? lf : lt, lo = lf > lt ? lt : lf;
		assert_true((hi + 0.05) / (lo + 0.05) >= 4.5);
		assert_true(1.05 / (lf + 0.05) >= 2.9);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(inline_points_sorted_and_folded),
	    cmocka_unit_test(series_and_csv),
	    cmocka_unit_test(data_errors),
	    cmocka_unit_test(percentages_warn_with_the_sum),
	    cmocka_unit_test(descriptions),
	    cmocka_unit_test(palette_and_contrast),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
