/* check_table.c - numbers that must add up: totals rows of tables
 * (<tr total="yes">) against the sum of their column, and percentages
 * that should make 100, in tables and in charts. */
#include "check.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "util.h"

/* ---- numbers as tables write them ---- */

struct num {
	double value; /* in plain units: "£1.2m" is 1200000 */
	double unit;  /* one unit of the last digit written, in plain units */
	double scale; /* the suffix's multiplier: 1e6 for "m" */
	int decimals; /* digits after the point */
	bool percent;
	char prefix[4]; /* currency sign as written ("£"), or "" */
	char suffix[4]; /* "m", "k", "bn", or "" */
};

static const char *skip_space(const char *s)
{
	for (;;) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
			s++;
		else if (!strncmp(s, "\xc2\xa0", 2)) /* no-break space */
			s += 2;
		else if (!strncmp(s, "\xe2\x80\x89", 3) || !strncmp(s, "\xe2\x80\xaf", 3))
			s += 3; /* thin spaces */
		else
			return s;
	}
}

/* A currency sign at s: its length, copied into out; 0 if none. */
static size_t currency(const char *s, char out[4])
{
	static const char *const signs[] = {"\xc2\xa3", "$", "\xe2\x82\xac"}; /* £ $ € */
	for (size_t i = 0; i < 3; i++) {
		size_t n = strlen(signs[i]);
		if (!strncmp(s, signs[i], n)) {
			memcpy(out, signs[i], n + 1);
			return n;
		}
	}
	out[0] = '\0';
	return 0;
}

static bool minus_at(const char **s)
{
	if (**s == '-') {
		(*s)++;
		return true;
	}
	if (!strncmp(*s, "\xe2\x88\x92", 3)) { /* U+2212 minus sign */
		*s += 3;
		return true;
	}
	return false;
}

static bool parse_num(const char *text, struct num *out)
{
	memset(out, 0, sizeof *out);
	const char *s = skip_space(text);
	bool negative = false, paren = false;
	if (*s == '(') {
		paren = negative = true;
		s = skip_space(s + 1);
	}
	negative |= minus_at(&s);
	s += currency(s, out->prefix);
	if (!negative)
		negative = minus_at(&s);
	double v = 0;
	int digits = 0, decimals = -1;
	for (;; s++) {
		if (*s >= '0' && *s <= '9') {
			v = v * 10 + (*s - '0');
			digits++;
			if (decimals >= 0)
				decimals++;
		} else if (*s == ',' && decimals < 0 && digits && s[1] >= '0' && s[1] <= '9') {
			continue; /* thousands separator */
		} else if (*s == '.' && decimals < 0 && s[1] >= '0' && s[1] <= '9') {
			decimals = 0;
		} else {
			break;
		}
	}
	if (!digits)
		return false;
	if (decimals < 0)
		decimals = 0;
	s = skip_space(s);
	double scale = 1;
	static const struct {
		const char *word;
		double scale;
	} suffixes[] = {{"bn", 1e9}, {"m", 1e6}, {"M", 1e6}, {"k", 1e3}, {"K", 1e3}};
	for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++) {
		size_t n = strlen(suffixes[i].word);
		const char *after = s + n;
		if (!strncmp(s, suffixes[i].word, n) &&
		    !((*after >= 'a' && *after <= 'z') || (*after >= 'A' && *after <= 'Z'))) {
			scale = suffixes[i].scale;
			memcpy(out->suffix, suffixes[i].word, n + 1);
			s = skip_space(after);
			break;
		}
	}
	if (*s == '%') {
		out->percent = true;
		s = skip_space(s + 1);
	}
	if (paren) {
		if (*s != ')')
			return false;
		s = skip_space(s + 1);
	}
	if (*s)
		return false;
	double div = pow(10, decimals);
	out->value = (negative ? -v : v) / div * scale;
	out->unit = scale / div;
	out->scale = scale;
	out->decimals = decimals;
	return true;
}

bool bc_check_number(const char *s, double *value, double *unit, bool *percent)
{
	struct num n;
	if (!parse_num(s, &n))
		return false;
	*value = n.value;
	*unit = n.unit;
	*percent = n.percent;
	return true;
}

/* A cell that stands for nothing or zero: empty, a dash, "nil". */
static bool is_nil(const char *s)
{
	s = skip_space(s);
	return !*s || !strcmp(s, "-") || !strcmp(s, "\xe2\x80\x93") || !strcmp(s, "\xe2\x80\x94") ||
	       !strcmp(s, "nil") || !strcmp(s, "Nil");
}

/* v written the way `like` is written: "£2,560", "133m", "12.5%". */
static char *format_like(double v, const struct num *like)
{
	double x = fabs(v) / like->scale;
	char digits[64];
	snprintf(digits, sizeof digits, "%.*f", like->decimals, x);
	char *point = strchr(digits, '.');
	size_t whole = point ? (size_t)(point - digits) : strlen(digits);
	struct bc_buf b = {0};
	if (v < 0)
		bc_buf_addc(&b, '-');
	bc_buf_adds(&b, like->prefix);
	for (size_t i = 0; i < whole; i++) {
		if (i && (whole - i) % 3 == 0)
			bc_buf_addc(&b, ',');
		bc_buf_addc(&b, digits[i]);
	}
	if (point)
		bc_buf_adds(&b, point);
	bc_buf_adds(&b, like->suffix);
	if (like->percent)
		bc_buf_addc(&b, '%');
	return bc_buf_detach(&b);
}

/* ---- the table as a grid ---- */

#define MAX_COLS 64

struct row {
	const struct bc_node *tr;
	const struct bc_node *cells[MAX_COLS]; /* by column; NULL where none starts */
	bool spans[MAX_COLS];		       /* the cell there spans columns */
	bool total;
};

struct grid {
	struct row *rows;
	size_t n, cap;
	size_t body; /* first row after <thead>; the last row of <thead> heads columns */
};

static void add_rows(struct grid *g, const struct bc_node *group)
{
	for (const struct bc_node *tr = group ? group->first : NULL; tr; tr = tr->next) {
		if (tr->kind != BC_TR)
			continue;
		struct row r;
		memset(&r, 0, sizeof r);
		r.tr = tr;
		r.total = bc_node_attr_is(tr, "total", "yes");
		size_t col = 0;
		for (const struct bc_node *c = tr->first; c && col < MAX_COLS; c = c->next) {
			if (c->kind != BC_TD && c->kind != BC_TH)
				continue;
			const char *span = bc_node_attr(c, "colspan");
			int n = span ? atoi(span) : 1;
			r.cells[col] = c;
			r.spans[col] = n > 1;
			col += n > 1 ? (size_t)n : 1;
		}
		BC_PUSH(g->rows, g->n, g->cap, r);
	}
}

static char *column_name(const struct grid *g, size_t col)
{
	const struct bc_node *h = g->body ? g->rows[g->body - 1].cells[col] : NULL;
	char *t = h ? bc_node_text(h) : NULL;
	if (t && *t)
		return t;
	free(t);
	return bc_xasprintf("column %zu", col + 1);
}

/* A column whose heading says it holds rates or shares, not amounts:
 * "Change %", "Rate", "Average", "Spend per head". Its totals row holds a
 * rate too, which is not a sum. */
static bool rate_column(const char *heading)
{
	static const char *const words[] = {"%",	"per cent",   "percent", "rate",
					    "ratio",	"average",    "mean",	 "median",
					    "per head", "per capita", "index"};
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (bc_check_find_ci(heading, words[i]))
			return true;
	return false;
}

/* Sum of a column over rows [from, to), skipping total rows. False when the
 * column is not one of numbers (a label, a spanning cell, a mix of
 * percentages and amounts). With `either`, cells may be written with or
 * without % (the heading says they are percentages). */
static bool column_sum(const struct grid *g, size_t col, size_t from, size_t to, bool percent,
		       bool either, double *sum, double *tol, int *count)
{
	*sum = *tol = 0;
	*count = 0;
	for (size_t i = from; i < to; i++) {
		const struct row *r = &g->rows[i];
		if (r->total)
			continue;
		if (r->spans[col])
			return false;
		if (!r->cells[col])
			continue;
		char *t = bc_node_text(r->cells[col]);
		struct num n;
		bool ok = parse_num(t, &n), nil = !ok && is_nil(t);
		free(t);
		if (nil)
			continue;
		if (!ok || (n.percent != percent && !either))
			return false;
		*sum += n.value;
		*tol += n.unit / 2;
		(*count)++;
	}
	return *count > 0;
}

static bool close_to(double a, double b, double tol)
{
	return fabs(a - b) <= tol + 1e-9 * (fabs(a) + fabs(b));
}

static void check_total_cell(struct bc_check_ctx *cx, const struct grid *g, size_t ri, size_t col,
			     size_t seg_from, bool had_total)
{
	const struct row *r = &g->rows[ri];
	char *t = bc_node_text(r->cells[col]);
	struct num total;
	bool ok = !r->spans[col] && parse_num(t, &total);
	free(t);
	if (!ok)
		return;
	const char *table = r->tr->parent && r->tr->parent->parent && r->tr->parent->parent->label
				? r->tr->parent->parent->label
				: "the table";
	double sum, tol;
	int count;
	char *heading = column_name(g, col);
	bool rate = rate_column(heading);
	bool percent_heading = bc_check_find_ci(heading, "%") != NULL;
	free(heading);
	if (total.percent || percent_heading) {
		/* A percentage total is a share or a rate unless it claims the
		 * whole: only 100 says the column must add up. */
		if (fabs(total.value - 100) > 1e-9 ||
		    !column_sum(g, col, seg_from, ri, true, percent_heading, &sum, &tol, &count) ||
		    close_to(sum, 100, tol + total.unit / 2))
			return;
		char *name = column_name(g, col), *got = format_like(sum, &total);
		struct bc_finding *f = bc_check_add(
		    cx, BC_RULE_PERCENT_SUM, r->cells[col],
		    "percentages in column '%s' of %s sum to %s, not 100%%", name, table, got);
		bc_check_hint(f, "check the figures; rounding is allowed for (half a unit of the "
				 "last digit per row)");
		free(name);
		free(got);
		return;
	}
	if (rate || !column_sum(g, col, seg_from, ri, false, false, &sum, &tol, &count))
		return;
	tol += total.unit / 2;
	if (close_to(sum, total.value, tol))
		return;
	/* After subtotals, a grand total adds up every row above. */
	double all, all_tol;
	if (had_total && column_sum(g, col, g->body, ri, false, false, &all, &all_tol, &count) &&
	    close_to(all, total.value, all_tol + total.unit / 2))
		return;
	char *name = column_name(g, col), *found = format_like(total.value, &total),
	     *want = format_like(sum, &total), *diff = format_like(total.value - sum, &total);
	struct bc_finding *f =
	    bc_check_add(cx, BC_RULE_TABLE_TOTAL, r->cells[col],
			 "total in column '%s' of %s is %s, but the rows above add up to %s", name,
			 table, found, want);
	bc_check_hint(f,
		      "expected %s, found %s (a difference of %s); correct the figures or "
		      "the total",
		      want, found, diff);
	free(name);
	free(found);
	free(want);
	free(diff);
}

static void check_table(struct bc_check_ctx *cx, const struct bc_node *table)
{
	bool any = false;
	for (const struct bc_node *n = table; n && !any; n = bc_node_walk(table, n, false))
		any = n->kind == BC_TR && bc_node_attr_is(n, "total", "yes");
	if (!any)
		return;
	struct grid g = {0};
	add_rows(&g, bc_node_child(table, BC_THEAD));
	g.body = g.n;
	add_rows(&g, bc_node_child(table, BC_TBODY));
	add_rows(&g, bc_node_child(table, BC_TFOOT));
	size_t seg_from = g.body;
	bool had_total = false;
	for (size_t i = g.body; i < g.n; i++) {
		if (!g.rows[i].total)
			continue;
		for (size_t col = 0; col < MAX_COLS; col++)
			if (g.rows[i].cells[col])
				check_total_cell(cx, &g, i, col, seg_from, had_total);
		seg_from = i + 1;
		had_total = true;
	}
	free(g.rows);
}

/* ---- charts ---- */

static void check_chart(struct bc_check_ctx *cx, const struct bc_node *n)
{
	const struct bc_chart *c = n->aux;
	if (!c || !c->unit || strcmp(c->unit, "%") != 0)
		return;
	/* The same test the build makes: pies are wholes unless total="none";
	 * other charts only when total="100". */
	const char *total = bc_node_attr(n, "total");
	if (!(total ? !strcmp(total, "100") : c->type == BC_CHART_PIE))
		return;
	const struct bc_chart_data *d = &c->data;
	const char *fig = n->parent && n->parent->label ? n->parent->label : "a chart";
	for (size_t s = 0; s < d->nseries; s++) {
		double sum = 0;
		for (size_t i = 0; i < d->ncat; i++) {
			double v = d->values[s * d->ncat + i];
			if (!isnan(v))
				sum += v;
		}
		if (fabs(sum - 100) <= 0.5 + 0.05 * (double)d->ncat)
			continue;
		const char *series = d->series[s] && d->series[s][0] ? d->series[s] : NULL;
		struct bc_finding *f = bc_check_add(
		    cx, BC_RULE_PERCENT_SUM, n, "percentages%s%s%s in %s sum to %g, not 100",
		    series ? " of '" : "", series ? series : "", series ? "'" : "", fig, sum);
		bc_check_hint(f, "check the figures, or write total=\"none\" if they are not parts "
				 "of one whole");
	}
}

void bc_check_tables(struct bc_check_ctx *cx)
{
	if (!bc_check_enabled(cx->cfg, BC_RULE_TABLE_TOTAL) &&
	    !bc_check_enabled(cx->cfg, BC_RULE_PERCENT_SUM))
		return;
	for (const struct bc_node *n = cx->root; n; n = bc_node_walk(cx->root, n, false)) {
		if (n->kind == BC_TABLE)
			check_table(cx, n);
		else if (n->kind == BC_CHART)
			check_chart(cx, n);
	}
}
