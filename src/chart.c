/* chart.c - chart data: read from <point>/<series> or a CSV file (libcsv),
 * checked, sorted, folded to top N, and handed to the chart type's ops. */
#include "chart.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <csv.h>
#include <glib.h>
#include <pango/pangocairo.h>

#include "util.h"

#define MAX_CSV_BYTES (4u << 20)
#define MAX_POINTS    10000

const struct bc_chart_ops *bc_chart_ops_for(const struct bc_chart *c)
{
	switch (c->type) {
	case BC_CHART_BAR:
		return &bc_chart_bar_ops;
	case BC_CHART_TRIANGLE:
		return &bc_chart_triangle_ops;
	case BC_CHART_QUADRANT:
		return &bc_chart_quadrant_ops;
	case BC_CHART_ORGCHART:
		return &bc_chart_orgchart_ops;
	case BC_CHART_PIE:
		return &bc_chart_pie_ops;
	case BC_CHART_LINE:
		break;
	}
	return &bc_chart_line_ops;
}

/* A number as authors write them: "21", "-3.5", "1,234". Locale-free. */
bool bc_chart_number(const char *s, double *out)
{
	char buf[64];
	size_t n = 0;
	while (*s == ' ')
		s++;
	for (; *s && n < sizeof buf - 1; s++) {
		if (*s == ',')
			continue; /* thousands separator */
		if (!((*s >= '0' && *s <= '9') || *s == '.' || *s == '-' || *s == '+'))
			break;
		buf[n++] = *s;
	}
	while (*s == ' ')
		s++;
	if (*s || n == 0)
		return false;
	buf[n] = '\0';
	char *end;
	errno = 0;
	double v = strtod(buf, &end);
	if (*end || errno || !isfinite(v))
		return false;
	*out = v;
	return true;
}

/* ---- building the category x series table ---- */

struct entry {
	size_t s, c;
	double v;
};

/* Values as they are read; made dense by dense(). */
struct table {
	char **cats;
	size_t ncat, cat_cap;
	GHashTable *index; /* label -> position + 1; keeps reading linear */
	bool *illus;	   /* per category */
	size_t illus_cap;
	char **series;
	size_t nseries, series_cap;
	struct entry *e;
	size_t ne, e_cap;
	double *vals; /* dense: vals[s * ncat + c], NAN where missing */
};

static size_t cat_index(struct table *t, const char *label)
{
	if (!t->index)
		t->index = g_hash_table_new(g_str_hash, g_str_equal);
	size_t at = GPOINTER_TO_SIZE(g_hash_table_lookup(t->index, label));
	if (at)
		return at - 1;
	BC_PUSH(t->cats, t->ncat, t->cat_cap, bc_xstrdup(label));
	bc_grow((void **)&t->illus, &t->illus_cap, t->ncat - 1, sizeof *t->illus);
	t->illus[t->ncat - 1] = false;
	g_hash_table_insert(t->index, t->cats[t->ncat - 1], GSIZE_TO_POINTER(t->ncat));
	return t->ncat - 1;
}

static void set(struct table *t, size_t s, size_t c, double v)
{
	BC_PUSH(t->e, t->ne, t->e_cap, ((struct entry){s, c, v}));
}

static size_t add_series(struct table *t, const char *name)
{
	BC_PUSH(t->series, t->nseries, t->series_cap, bc_xstrdup(name));
	return t->nseries - 1;
}

static void dense(struct table *t)
{
	size_t n = t->nseries * t->ncat;
	t->vals = bc_xmalloc((n ? n : 1) * sizeof *t->vals);
	for (size_t i = 0; i < n; i++)
		t->vals[i] = NAN;
	for (size_t i = 0; i < t->ne; i++)
		t->vals[t->e[i].s * t->ncat + t->e[i].c] = t->e[i].v;
}

static double val(const struct table *t, size_t s, size_t c)
{
	return t->vals[s * t->ncat + c];
}

static void table_free(struct table *t)
{
	if (t->index)
		g_hash_table_destroy(t->index);
	for (size_t i = 0; i < t->ncat; i++)
		free(t->cats[i]);
	for (size_t i = 0; i < t->nseries; i++)
		free(t->series[i]);
	free(t->cats);
	free(t->illus);
	free(t->series);
	free(t->e);
	free(t->vals);
}

static bool point(struct table *t, size_t s, const struct bc_node *p, struct bc_diag *d)
{
	const char *label = bc_node_attr(p, "label");
	const char *value = bc_node_attr(p, "value");
	double v;
	if (!bc_chart_number(value, &v)) {
		bc_diag(d, BC_ERROR, p->line, p->col, "chart value '%s' is not a number", value);
		bc_hint(d, "write plain numbers such as 21, 3.5 or 1,234; put the unit in "
			   "<chart unit=\"%%\">");
		return false;
	}
	size_t c = cat_index(t, label);
	if (t->ncat > MAX_POINTS) {
		bc_diag(d, BC_ERROR, p->line, p->col, "a chart may have at most %d categories",
			MAX_POINTS);
		return false;
	}
	set(t, s, c, v);
	if (bc_node_attr_is(p, "illustrative", "yes"))
		t->illus[c] = true;
	return true;
}

/* ---- CSV ---- */

struct csv_state {
	char ***rows;
	size_t nrows, rows_cap;
	char **cur;
	size_t ncur, cur_cap;
};

static void csv_field(void *s, size_t len, void *data)
{
	struct csv_state *st = data;
	BC_PUSH(st->cur, st->ncur, st->cur_cap, bc_xstrndup(s ? s : "", len));
}

static void csv_row(int c, void *data)
{
	(void)c;
	struct csv_state *st = data;
	BC_PUSH(st->cur, st->ncur, st->cur_cap, NULL); /* terminator */
	BC_PUSH(st->rows, st->nrows, st->rows_cap, st->cur);
	st->cur = NULL;
	st->ncur = st->cur_cap = 0;
}

static void csv_state_free(struct csv_state *st)
{
	for (size_t r = 0; r < st->nrows; r++) {
		for (char **f = st->rows[r]; *f; f++)
			free(*f);
		free(st->rows[r]);
	}
	free(st->rows);
	for (size_t i = 0; i < st->ncur; i++)
		free(st->cur[i]);
	free(st->cur);
}

static size_t row_len(char **row)
{
	size_t n = 0;
	while (row[n])
		n++;
	return n;
}

static bool read_csv(struct table *t, const struct bc_node *data, const char *base_dir,
		     struct bc_diag *d)
{
	const char *src = bc_node_attr(data, "src");
	int line = data->line, col = data->col;
	if (!src || !src[0] || src[0] == '/' || strstr(src, "../") || strcmp(src, "..") == 0) {
		bc_diag(d, BC_ERROR, line, col,
			"CSV file '%s' must be a relative path inside the paper's folder",
			src ? src : "");
		return false;
	}
	char *path = bc_xasprintf("%s/%s", base_dir, src);
	struct stat sb;
	bool ok = false;
	FILE *fp = NULL;
	struct csv_state st = {0};
	if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		bc_diag(d, BC_ERROR, line, col, "CSV file '%s' not found", src);
		goto out;
	}
	if (!bc_path_inside(base_dir, path)) {
		bc_diag(d, BC_ERROR, line, col, "CSV file '%s' resolves outside the paper's folder",
			src);
		goto out;
	}
	if ((size_t)sb.st_size > MAX_CSV_BYTES) {
		bc_diag(d, BC_ERROR, line, col, "CSV file '%s' is larger than %u bytes", src,
			MAX_CSV_BYTES);
		goto out;
	}
	fp = fopen(path, "rb");
	if (!fp) {
		bc_diag(d, BC_ERROR, line, col, "cannot open CSV file '%s': %s", src,
			strerror(errno));
		goto out;
	}
	struct csv_parser p;
	csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
	/* libcsv grows a field's buffer by this many bytes at a time (128 by
	 * default): a long field would cost one realloc per 128 bytes, each a
	 * copy where realloc cannot grow in place. */
	csv_set_blk_size(&p, 64u << 10);
	char buf[8192];
	size_t n;
	bool parse_ok = true;
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		if (csv_parse(&p, buf, n, csv_field, csv_row, &st) != n) {
			parse_ok = false;
			break;
		}
	if (parse_ok && csv_fini(&p, csv_field, csv_row, &st) != 0)
		parse_ok = false;
	if (!parse_ok)
		bc_diag(d, BC_ERROR, line, col, "%s:%zu: CSV error: %s", src, st.nrows + 1,
			csv_strerror(csv_error(&p)));
	csv_free(&p);
	if (!parse_ok)
		goto out;
	if (st.nrows < 2) {
		bc_diag(d, BC_ERROR, line, col, "CSV file '%s' needs a header row and data rows",
			src);
		goto out;
	}
	/* Columns by header name. */
	char **head = st.rows[0];
	size_t ncols = row_len(head);
	const char *cat_name = bc_node_attr(data, "category");
	long cat_col = -1;
	for (size_t i = 0; i < ncols; i++)
		if (strcmp(head[i], cat_name) == 0)
			cat_col = (long)i;
	struct bc_buf have = {0};
	for (size_t i = 0; i < ncols; i++)
		bc_buf_printf(&have, "%s'%s'", i ? ", " : "", head[i]);
	if (cat_col < 0) {
		bc_diag(d, BC_ERROR, line, col, "CSV file '%s' has no column '%s'", src, cat_name);
		bc_hint(d, "its columns are %s", have.data ? have.data : "(none)");
		bc_buf_free(&have);
		goto out;
	}
	char *values = bc_xstrdup(bc_node_attr(data, "values"));
	ok = true;
	for (char *save = NULL, *name = strtok_r(values, ",", &save); name;
	     name = strtok_r(NULL, ",", &save)) {
		while (*name == ' ')
			name++;
		long vcol = -1;
		for (size_t i = 0; i < ncols; i++)
			if (strcmp(head[i], name) == 0)
				vcol = (long)i;
		if (vcol < 0) {
			bc_diag(d, BC_ERROR, line, col, "CSV file '%s' has no column '%s'", src,
				name);
			bc_hint(d, "its columns are %s", have.data ? have.data : "(none)");
			ok = false;
			continue;
		}
		size_t s = add_series(t, name);
		for (size_t r = 1; r < st.nrows; r++) {
			char **row = st.rows[r];
			if (row_len(row) != ncols) {
				bc_diag(d, BC_ERROR, line, col,
					"%s:%zu: row has %zu fields; the header has %zu", src,
					r + 1, row_len(row), ncols);
				ok = false;
				break;
			}
			double v;
			if (!bc_chart_number(row[vcol], &v)) {
				bc_diag(d, BC_ERROR, line, col,
					"%s:%zu: value '%s' in column '%s' is not a number", src,
					r + 1, row[vcol], name);
				ok = false;
				continue;
			}
			if (strlen(row[cat_col]) > BC_MAX_CHART_TEXT) {
				bc_diag(d, BC_ERROR, line, col,
					"%s:%zu: label is %zu bytes; chart text is limited to %d",
					src, r + 1, strlen(row[cat_col]), BC_MAX_CHART_TEXT);
				bc_hint(d, "a chart has room for short labels");
				d->io_error = 1; /* a resource limit: exit status 3 */
				ok = false;
				break;
			}
			size_t c = cat_index(t, row[cat_col]);
			if (t->ncat > MAX_POINTS) {
				bc_diag(d, BC_ERROR, line, col,
					"%s:%zu: a chart may have at most %d categories", src,
					r + 1, MAX_POINTS);
				ok = false;
				break;
			}
			set(t, s, c, v);
		}
		if (!ok)
			break;
	}
	free(values);
	bc_buf_free(&have);
out:
	if (fp)
		fclose(fp);
	csv_state_free(&st);
	free(path);
	return ok;
}

/* ---- order and folding ---- */

struct order_item {
	size_t index;
	double key;
};

static int cmp_desc(const void *a, const void *b)
{
	const struct order_item *x = a, *y = b;
	if (x->key != y->key)
		return x->key < y->key ? 1 : -1;
	return x->index < y->index ? -1 : 1; /* stable */
}

static int cmp_asc(const void *a, const void *b)
{
	const struct order_item *x = a, *y = b;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->index < y->index ? -1 : 1;
}

static double cat_total(const struct table *t, size_t c)
{
	double sum = 0;
	for (size_t s = 0; s < t->nseries; s++) {
		double v = val(t, s, c);
		if (!isnan(v))
			sum += v;
	}
	return sum;
}

/* Copy the table into the chart's data, in `order`, folding categories past
 * `top` into one "Other". */
static void finish_data(struct bc_chart *c, const struct table *t, const char *sort, size_t top,
			const char *other_label)
{
	size_t n = t->ncat;
	struct order_item *ord = bc_xcalloc(n + 1, sizeof *ord);
	for (size_t i = 0; i < n; i++)
		ord[i] = (struct order_item){i, cat_total(t, i)};
	/* A line chart over years (or any numbers) runs in numeric order,
	 * whatever order the series listed them in. */
	bool numeric = c->type == BC_CHART_LINE && !sort;
	for (size_t i = 0; numeric && i < n; i++) {
		double v;
		if (bc_chart_number(t->cats[i], &v))
			ord[i].key = v;
		else
			numeric = false;
	}
	if (numeric && n > 1)
		qsort(ord, n, sizeof *ord, cmp_asc);
	else if (sort && strcmp(sort, "descending") == 0 && n > 1)
		qsort(ord, n, sizeof *ord, cmp_desc);
	else if (sort && strcmp(sort, "ascending") == 0 && n > 1)
		qsort(ord, n, sizeof *ord, cmp_asc);
	size_t keep = top && top < n ? top : n;
	bool fold = keep < n;
	size_t outn = keep + (fold ? 1 : 0);
	struct bc_chart_data *dd = &c->data;
	dd->ncat = outn;
	dd->nseries = t->nseries;
	dd->categories = bc_xcalloc(outn + 1, sizeof *dd->categories);
	dd->series = bc_xcalloc(t->nseries + 1, sizeof *dd->series);
	dd->values =
	    bc_xcalloc((outn ? outn : 1) * (t->nseries ? t->nseries : 1), sizeof *dd->values);
	dd->illustrative = bc_xcalloc(outn + 1, sizeof *dd->illustrative);
	for (size_t s = 0; s < t->nseries; s++)
		dd->series[s] = bc_xstrdup(t->series[s]);
	for (size_t i = 0; i < keep; i++) {
		dd->categories[i] = bc_xstrdup(t->cats[ord[i].index]);
		dd->illustrative[i] = t->illus[ord[i].index];
		for (size_t s = 0; s < t->nseries; s++)
			dd->values[s * outn + i] = val(t, s, ord[i].index);
	}
	if (fold) {
		dd->categories[keep] = bc_xstrdup(other_label ? other_label : "Other");
		for (size_t s = 0; s < t->nseries; s++) {
			double sum = 0;
			for (size_t i = keep; i < n; i++) {
				double v = val(t, s, ord[i].index);
				if (!isnan(v))
					sum += v;
				if (t->illus[ord[i].index])
					dd->illustrative[keep] = true;
			}
			dd->values[s * outn + keep] = sum;
		}
	}
	free(ord);
}

static bool check_data(struct bc_chart *c, const struct table *t, struct bc_diag *d)
{
	const struct bc_node *n = c->node;
	bool ok = true;
	if (t->ncat == 0) {
		bc_diag(d, BC_ERROR, n->line, n->col, "chart has no data");
		bc_hint(d,
			"add <point label=\"...\" value=\"...\"/> elements or a <data> CSV file");
		return false;
	}
	if (c->type == BC_CHART_PIE && t->nseries > 1) {
		bc_diag(d, BC_ERROR, n->line, n->col,
			"a pie chart shows one series; this one has %zu", t->nseries);
		bc_hint(d,
			"use a bar chart with mode=\"grouped\" or \"stacked\" to compare series");
		return false;
	}
	for (size_t s = 0; s < t->nseries; s++) {
		size_t have = 0;
		for (size_t i = 0; i < t->ncat; i++) {
			double v = val(t, s, i);
			if (isnan(v))
				continue;
			have++;
			if (c->type == BC_CHART_PIE && v < 0) {
				bc_diag(d, BC_ERROR, n->line, n->col,
					"pie chart value %g for '%s' is negative", v, t->cats[i]);
				ok = false;
			}
			if (c->type == BC_CHART_BAR && c->stacked && v < 0) {
				bc_diag(d, BC_ERROR, n->line, n->col,
					"stacked bar value %g for '%s' is negative", v, t->cats[i]);
				ok = false;
			}
		}
		if (have == 0) {
			bc_diag(d, BC_ERROR, n->line, n->col, "series '%s' has no values",
				t->series[s]);
			ok = false;
		}
	}
	/* Percentages that should make a whole. */
	bool percent = strcmp(c->unit, "%") == 0;
	const char *total = bc_node_attr(n, "total");
	bool want100 = total ? strcmp(total, "100") == 0 : (percent && c->type == BC_CHART_PIE);
	if (want100 && ok) {
		for (size_t s = 0; s < t->nseries; s++) {
			double sum = 0;
			for (size_t i = 0; i < t->ncat; i++) {
				double v = val(t, s, i);
				if (!isnan(v))
					sum += v;
			}
			if (fabs(sum - 100) > 0.5 + 0.05 * (double)t->ncat) {
				bc_diag(d, BC_WARNING, n->line, n->col,
					"percentages%s%s sum to %g, not 100",
					t->series[s][0] ? " of " : "", t->series[s], sum);
				bc_hint(
				    d, "check the figures, or write total=\"none\" if they are not "
				       "parts of one whole");
			}
		}
	}
	return ok;
}

static bool children_of(const struct bc_node *n, enum bc_kind k)
{
	for (const struct bc_node *c = n->first; c; c = c->next)
		if (c->kind == k)
			return true;
	return false;
}

static bool check_shape(struct bc_chart *c, struct bc_diag *d)
{
	const struct bc_node *n = c->node;
	switch (c->type) {
	case BC_CHART_TRIANGLE: {
		size_t tiers = 0;
		for (const struct bc_node *t = n->first; t; t = t->next)
			if (t->kind == BC_TIER) {
				tiers++;
				const char *v = bc_node_attr(t, "value");
				double x;
				if (c->value_sizing && (!v || !bc_chart_number(v, &x) || x < 0)) {
					bc_diag(
					    d, BC_ERROR, t->line, t->col,
					    "sizing=\"value\" needs a non-negative number value on "
					    "every <tier>");
					return false;
				}
			}
		if (!tiers) {
			bc_diag(d, BC_ERROR, n->line, n->col,
				"a triangle chart needs <tier> elements, base first");
			return false;
		}
		if (tiers > 12) {
			bc_diag(d, BC_ERROR, n->line, n->col,
				"a triangle chart has at most 12 tiers (this one has %zu)", tiers);
			return false;
		}
		return true;
	}
	case BC_CHART_QUADRANT: {
		const char *seen[4] = {0};
		size_t k = 0;
		for (const struct bc_node *t = n->first; t; t = t->next) {
			if (t->kind != BC_CELL)
				continue;
			const char *pos = bc_node_attr(t, "position");
			for (size_t i = 0; i < k; i++)
				if (strcmp(seen[i], pos) == 0) {
					bc_diag(d, BC_ERROR, t->line, t->col,
						"quadrant cell '%s' given twice", pos);
					return false;
				}
			if (k < 4)
				seen[k++] = pos;
		}
		if (k != 4) {
			bc_diag(d, BC_ERROR, n->line, n->col,
				"a quadrant chart needs four <cell> elements (top-left, top-right, "
				"bottom-left, bottom-right); it has %zu",
				k);
			return false;
		}
		return true;
	}
	case BC_CHART_ORGCHART:
		if (!children_of(n, BC_NODE)) {
			bc_diag(d, BC_ERROR, n->line, n->col,
				"an organisation chart needs a <node> (with nested nodes)");
			return false;
		}
		return true;
	default:
		return true;
	}
}

/* Every label, name, note and cell text of a chart is at most
 * BC_MAX_CHART_TEXT bytes: charts fit their text by laying it out again
 * and again at other sizes, so a 1 MB label took over a minute. */
static bool text_fits(const struct bc_node *chart, struct bc_diag *d)
{
	bool ok = true;
	for (const struct bc_node *n = chart; n; n = bc_node_walk(chart, n, false)) {
		const struct bc_node *at = n->kind == BC_TEXT ? n->parent : n;
		for (size_t i = 0; i < n->nattrs; i++) {
			size_t len = strlen(n->attrs[i].value);
			if (len > BC_MAX_CHART_TEXT) {
				bc_diag(d, BC_ERROR, at->line, at->col,
					"%s of <%s> is %zu bytes; chart text is limited to %d",
					n->attrs[i].name, bc_kind_name(at->kind), len,
					BC_MAX_CHART_TEXT);
				bc_hint(d, "a chart has room for short labels: say more in the "
					   "caption or the text");
				ok = false;
			}
		}
		if (n->kind == BC_TEXT && strlen(n->text) > BC_MAX_CHART_TEXT) {
			bc_diag(d, BC_ERROR, at->line, at->col,
				"text of <%s> is %zu bytes; chart text is limited to %d",
				bc_kind_name(at->kind), strlen(n->text), BC_MAX_CHART_TEXT);
			bc_hint(d, "a chart has room for short labels: say more in the caption "
				   "or the text");
			ok = false;
		}
	}
	if (!ok)
		d->io_error = 1; /* a resource limit: exit status 3 */
	return ok;
}

struct bc_chart *bc_chart_build(const struct bc_node *node, const char *base_dir, struct bc_diag *d)
{
	static const char *const types[] = {"bar",	"triangle", "quadrant",
					    "orgchart", "pie",	    "line"};
	struct bc_chart *c = bc_xcalloc(1, sizeof *c);
	c->node = node;
	const char *type = bc_node_attr(node, "type");
	for (size_t i = 0; i < sizeof types / sizeof *types; i++)
		if (type && strcmp(type, types[i]) == 0)
			c->type = (enum bc_chart_type)i;
	c->horizontal = !bc_node_attr_is(node, "orientation", "vertical");
	c->stacked = bc_node_attr_is(node, "mode", "stacked");
	c->grouped = bc_node_attr_is(node, "mode", "grouped");
	c->donut = bc_node_attr_is(node, "donut", "yes");
	c->value_sizing = bc_node_attr_is(node, "sizing", "value");
	c->unit = bc_node_attr(node, "unit") ? bc_node_attr(node, "unit") : "";
	c->highlight = bc_node_attr(node, "highlight");
	c->arrow = bc_node_attr(node, "arrow");
	c->arrow_up = bc_node_attr_is(node, "arrow-direction", "up");
	c->centre = bc_node_attr(node, "centre");
	c->x_label = bc_node_attr(node, "x-label");
	c->y_label = bc_node_attr(node, "y-label");

	int before = d->errors;
	if (!text_fits(node, d)) {
		bc_chart_free(c);
		return NULL;
	}
	bool needs_data =
	    c->type == BC_CHART_BAR || c->type == BC_CHART_PIE || c->type == BC_CHART_LINE;
	if (needs_data) {
		struct table t = {0};
		bool ok = true;
		for (const struct bc_node *k = node->first; k; k = k->next) {
			if (k->kind == BC_POINT) {
				if (t.nseries == 0)
					add_series(&t, "");
				ok &= point(&t, 0, k, d);
			} else if (k->kind == BC_SERIES) {
				size_t s = add_series(&t, bc_node_attr(k, "name"));
				for (const struct bc_node *p = k->first; p; p = p->next)
					if (p->kind == BC_POINT)
						ok &= point(&t, s, p, d);
			} else if (k->kind == BC_DATA) {
				ok &= read_csv(&t, k, base_dir, d);
			}
		}
		/* Before the table is made dense: series x categories numbers. */
		if (ok && t.nseries > BC_MAX_SERIES) {
			bc_diag(d, BC_ERROR, node->line, node->col,
				"a chart may have at most %d series; this one has %zu",
				BC_MAX_SERIES, t.nseries);
			bc_hint(d, "split it into several charts, or give the figures in a table");
			ok = false;
		}
		if (ok)
			dense(&t);
		if (ok && check_data(c, &t, d)) {
			const char *top = bc_node_attr(node, "top");
			finish_data(c, &t, bc_node_attr(node, "sort"),
				    top ? (size_t)strtoul(top, NULL, 10) : 0,
				    bc_node_attr(node, "other-label"));
		}
		table_free(&t);
		if (c->highlight && d->errors == before) {
			bool found = false;
			for (size_t i = 0; i < c->data.ncat; i++)
				found |= strcmp(c->data.categories[i], c->highlight) == 0;
			if (!found)
				bc_diag(d, BC_WARNING, node->line, node->col,
					"highlight '%s' is not one of the chart's categories",
					c->highlight);
		}
	} else {
		check_shape(c, d);
	}
	if (d->errors != before) {
		bc_chart_free(c);
		return NULL;
	}
	return c;
}

void bc_chart_free(struct bc_chart *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->data.ncat; i++)
		free(c->data.categories[i]);
	for (size_t i = 0; i < c->data.nseries; i++)
		free(c->data.series[i]);
	free(c->data.categories);
	free(c->data.series);
	free(c->data.values);
	free(c->data.illustrative);
	free(c);
}

static void chart_free_aux(void *aux)
{
	bc_chart_free(aux);
}

int bc_charts_prepare(struct bc_node *root, const char *base_dir, struct bc_diag *d)
{
	int before = d->errors;
	for (struct bc_node *n = root; n; n = bc_node_walk(root, n, false)) {
		if (n->kind != BC_CHART)
			continue;
		struct bc_chart *c = bc_chart_build(n, base_dir, d);
		if (!c)
			continue;
		if (n->aux && n->aux_free)
			n->aux_free(n->aux);
		n->aux = c;
		n->aux_free = chart_free_aux;
		free(n->description);
		n->description = bc_chart_ops_for(c)->describe(c);
	}
	return d->errors - before;
}

/* ---- shared drawing helpers ---- */

/* Digits of a non-negative integer with thousands separators. */
static void grouped(long long v, char *out, size_t size)
{
	char digits[32];
	snprintf(digits, sizeof digits, "%lld", v);
	size_t len = strlen(digits), k = 0;
	for (size_t i = 0; i < len && k + 2 < size; i++) {
		if (i && (len - i) % 3 == 0)
			out[k++] = ',';
		out[k++] = digits[i];
	}
	out[k] = '\0';
}

char *bc_chart_format(const struct bc_chart *c, double v)
{
	char num[64], whole[48];
	double a = fabs(v);
	if (a >= 1e15) {
		snprintf(num, sizeof num, "%s%.3g", v < 0 ? "-" : "", a);
	} else if (fabs(a - round(a)) < 1e-9) {
		/* Whole numbers with thousands separators; otherwise one decimal. */
		grouped(llround(a), whole, sizeof whole);
		snprintf(num, sizeof num, "%s%s", v < 0 ? "-" : "", whole);
	} else {
		long long tenths = llround(a * 10);
		grouped(tenths / 10, whole, sizeof whole);
		snprintf(num, sizeof num, "%s%s.%lld", v < 0 ? "-" : "", whole, tenths % 10);
	}
	const char *u = c->unit;
	if (!u[0])
		return bc_xstrdup(num);
	if (strcmp(u, "%") == 0)
		return bc_xasprintf("%s%%", num);
	if (strncmp(u, "£", strlen("£")) == 0) /* "£", "£m", "£k", "£bn" */
		return bc_xasprintf("%s%s%s%s", v < 0 ? "-" : "", "£", num + (v < 0),
				    u + strlen("£"));
	return bc_xasprintf("%s %s", num, u);
}

static struct bc_rgb hex(unsigned v)
{
	return (struct bc_rgb){((v >> 16) & 255) / 255.0, ((v >> 8) & 255) / 255.0,
			       (v & 255) / 255.0};
}

struct bc_rgb bc_chart_colour(const struct bc_style *st, size_t i)
{
	if (st && st->npalette) /* checked for contrast when the style was read */
		return st->palette[i % st->npalette];
	/* Lightness (CIE L*) 27, 61, 47, 29, 59, 47, 26, 60: neighbours differ
	 * by at least 12 (also from the last back to the first), and every
	 * colour is >= 3:1 against white. Hues are told apart with the common
	 * colour-vision deficiencies. Past eight the colours repeat. */
	static const unsigned palette[] = {0x12436D, 0xF46A25, 0x2E7D6B, 0x801650,
					   0x5694CA, 0x8A6D00, 0x3D3D3D, 0xB58840};
	return hex(palette[i % (sizeof palette / sizeof *palette)]);
}

struct bc_rgb bc_chart_base_colour(void)
{
	return hex(0x5694CA);
}

struct bc_rgb bc_chart_highlight_colour(void)
{
	return hex(0x12436D);
}

static double channel(double c)
{
	return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double luminance(struct bc_rgb c)
{
	return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

struct bc_rgb bc_chart_text_on(struct bc_rgb fill)
{
	double l = luminance(fill);
	double white = 1.05 / (l + 0.05), black = (l + 0.05) / 0.05;
	return white >= black ? (struct bc_rgb){1, 1, 1} : (struct bc_rgb){0.04, 0.05, 0.05};
}

PangoLayout *bc_chart_layout(struct bc_chart_ctx *cx, const char *text,
			     const PangoFontDescription *f, double width, PangoAlignment align)
{
	PangoLayout *l = pango_layout_new(cx->pango);
	pango_layout_set_font_description(l, f);
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_width(l, width > 0 ? (int)(width * PANGO_SCALE) : -1);
	pango_layout_set_alignment(l, align);
	pango_layout_set_text(l, text ? text : "", -1);
	return l;
}

double bc_chart_layout_width(PangoLayout *l)
{
	PangoRectangle r;
	pango_layout_get_extents(l, NULL, &r);
	return r.width / (double)PANGO_SCALE;
}

double bc_chart_layout_height(PangoLayout *l)
{
	PangoRectangle r;
	pango_layout_get_extents(l, NULL, &r);
	return r.height / (double)PANGO_SCALE;
}

void bc_chart_show(struct bc_chart_ctx *cx, PangoLayout *l, double x, double y,
		   struct bc_rgb colour)
{
	if (!cx->cr)
		return;
	cairo_set_source_rgb(cx->cr, colour.r, colour.g, colour.b);
	cairo_move_to(cx->cr, x, y);
	pango_cairo_show_layout(cx->cr, l);
}

void bc_chart_rect(struct bc_chart_ctx *cx, double x, double y, double w, double h,
		   struct bc_rgb fill)
{
	if (!cx->cr)
		return;
	cairo_set_source_rgb(cx->cr, fill.r, fill.g, fill.b);
	cairo_rectangle(cx->cr, x, y, w, h);
	cairo_fill(cx->cr);
}
