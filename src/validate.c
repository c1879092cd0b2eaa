/* validate.c - the semantic rules of a paper (see validate.h). */
#include "validate.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "util.h"

struct id_entry {
	const char *id;
	struct bc_node *node;
};

static int cmp_entry(const void *a, const void *b)
{
	const struct id_entry *x = a, *y = b;
	int c = strcmp(x->id, y->id);
	if (c)
		return c;
	/* Stable by source position so the first definition comes first. */
	return x->node->line != y->node->line ? x->node->line - y->node->line
					      : x->node->col - y->node->col;
}

static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 64 || lb > 64)
		return (size_t)-1;
	size_t row[65];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			if (up + 1 < best)
				best = up + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

static bool has_text(const struct bc_node *n)
{
	char *t = bc_node_text(n);
	bool ok = t[0] != '\0';
	free(t);
	return ok;
}

static void check_ref(struct bc_node *n, const struct id_entry *ids, size_t nids, struct bc_diag *d)
{
	const char *to = bc_node_attr(n, "to");
	struct id_entry key = {.id = to};
	const struct id_entry *hit = NULL;
	/* Find the first entry with this id. */
	size_t lo = 0, hi = nids;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (strcmp(ids[mid].id, to) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < nids && strcmp(ids[lo].id, key.id) == 0)
		hit = &ids[lo];
	if (!hit) {
		bc_diag(d, BC_ERROR, n->line, n->col, "<ref> points at unknown id '%s'", to);
		const char *best = NULL;
		size_t best_d = 3;
		/* Hints cost a comparison with every id: offer them for the first
		 * errors only, so a paper of broken references stays fast. */
		size_t limit = d->errors <= 50 ? nids : 0;
		for (size_t i = 0; i < limit; i++) {
			size_t la = strlen(to), lb = strlen(ids[i].id);
			if (la > lb + 2 || lb > la + 2)
				continue;
			size_t dist = edit_distance(to, ids[i].id);
			if (dist < best_d) {
				best_d = dist;
				best = ids[i].id;
			}
		}
		if (best)
			bc_hint(d, "did you mean '%s'?", best);
		return;
	}
	n->target = hit->node;
	if (!hit->node->label && !has_text(n)) {
		bc_diag(d, BC_ERROR, n->line, n->col,
			"<ref> to '%s' needs link text: the <%s> it points at has no number", to,
			bc_kind_name(hit->node->kind));
		bc_hint(d, "write the link text yourself: <ref to=\"%s\">...</ref>", to);
	}
}

/* "2*" or "30%": a positive number followed by `unit`. */
static bool is_share(const char *s, char unit)
{
	char *end;
	double v = strtod(s, &end);
	return end != s && v > 0 && v <= 1000 && end[0] == unit && end[1] == '\0';
}

static bool has_dotdot(const char *path)
{
	for (const char *p = path; (p = strstr(p, "..")); p += 2)
		if ((p == path || p[-1] == '/') && (p[2] == '/' || p[2] == '\0'))
			return true;
	return false;
}

static void check_cols(const struct bc_node *table, struct bc_diag *d)
{
	char unit = 0;
	for (const struct bc_node *c = table->first; c; c = c->next) {
		const char *w = c->kind == BC_COL ? bc_node_attr(c, "width") : NULL;
		if (!w)
			continue;
		char u = is_share(w, '*') ? '*' : is_share(w, '%') ? '%' : 0;
		if (!u) {
			bc_diag(d, BC_ERROR, c->line, c->col,
				"column width '%s' is neither a share like \"2*\" nor a percentage",
				w);
		} else if (unit && u != unit) {
			bc_diag(d, BC_ERROR, c->line, c->col,
				"column widths mix shares (*) and percentages (%%)");
			bc_hint(d, "use one kind for all the columns of a table");
		}
		if (u)
			unit = u;
	}
}

/* A positive integer attribute (the schema has checked the digits) that
 * must not exceed max: the schema sets no upper bound, and a larger value
 * would otherwise be ignored by layout. */
static void check_at_most(const struct bc_node *n, const char *attr, unsigned long max,
			  const char *hint, struct bc_diag *d)
{
	const char *v = bc_node_attr(n, attr);
	if (!v)
		return;
	const char *p = v;
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '+' || *p == '0')
		p++;
	unsigned long value = 0;
	bool over = false;
	for (; *p >= '0' && *p <= '9'; p++) {
		value = value * 10 + (unsigned long)(*p - '0');
		if (value > max) {
			over = true;
			break;
		}
	}
	if (!over)
		return;
	bc_diag(d, BC_ERROR, n->line, n->col, "%s=\"%s\" on <%s> is more than %lu", attr, v,
		bc_kind_name(n->kind), max);
	bc_hint(d, "%s", hint);
}

static bool safe_uri(const char *href)
{
	static const char *const schemes[] = {"https://", "http://", "mailto:"};
	for (const char *s = href; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return false;
	for (size_t i = 0; i < 3; i++)
		if (strncmp(href, schemes[i], strlen(schemes[i])) == 0)
			return true;
	return false;
}

static void check_node(struct bc_node *n, const struct id_entry *ids, size_t nids,
		       struct bc_diag *d)
{
	switch (n->kind) {
	case BC_REF:
		check_ref(n, ids, nids, d);
		break;
	case BC_MEETING: {
		struct bc_date date;
		const char *v = bc_node_attr(n, "date");
		if (!bc_date_parse(v, &date)) {
			bc_diag(d, BC_ERROR, n->line, n->col,
				"meeting date '%s' is not a real date", v ? v : "");
			bc_hint(d, "write it as YYYY-MM-DD, e.g. date=\"2010-07-06\"");
		}
		const char *t = bc_node_attr(n, "time");
		if (t && !bc_time_valid(t)) {
			bc_diag(d, BC_ERROR, n->line, n->col,
				"meeting time '%s' is not a 24-hour time", t);
			bc_hint(d, "write it as HH:MM, e.g. time=\"19:00\"");
		}
		break;
	}
	case BC_REPORT_DATE: {
		struct bc_date date;
		char *v = bc_node_text(n);
		if (!bc_date_parse(v, &date)) {
			bc_diag(d, BC_ERROR, n->line, n->col, "report date '%s' is not a real date",
				v);
			bc_hint(d, "write it as YYYY-MM-DD");
		}
		free(v);
		break;
	}
	case BC_RECOMMENDATION:
	case BC_TITLE:
	case BC_COMMITTEE:
	case BC_CONSULTEE:
	case BC_NAME:
		if (!has_text(n))
			bc_diag(d, BC_ERROR, n->line, n->col, "<%s> must have text",
				bc_kind_name(n->kind));
		break;
	case BC_CAPTION:
		if (!has_text(n))
			bc_diag(d, BC_ERROR, n->line, n->col, "<caption> must have text");
		break;
	case BC_ALT:
		if (!has_text(n)) {
			bc_diag(d, BC_ERROR, n->line, n->col, "<alt> must describe the figure");
			bc_hint(d, "say what the figure shows for readers who cannot see it");
		}
		break;
	case BC_TABLE:
		check_cols(n, d);
		break;
	case BC_TH:
	case BC_TD:
		check_at_most(n, "colspan", BC_MAX_COLSPAN,
			      "a cell spans at most 256 columns, more than a page can hold; "
			      "give the number of columns it covers",
			      d);
		break;
	case BC_OL:
		check_at_most(n, "start", BC_MAX_LIST_START,
			      "a numbered list starts at 1 to 99999; to continue another "
			      "list, give the number of this list's first item",
			      d);
		break;
	case BC_EXEMPT: {
		const char *p = bc_node_attr(n, "paragraph");
		if (!p || strlen(p) != 1 || p[0] < '1' || p[0] > '7') {
			bc_diag(d, BC_ERROR, n->line, n->col,
				"exempt paragraph '%s' is not one of 1-7 of Schedule 12A",
				p ? p : "");
			bc_hint(
			    d,
			    "Schedule 12A to the Local Government Act 1972 has paragraphs 1 to 7");
		}
		break;
	}
	case BC_A:
	case BC_DOCUMENT: {
		const char *href = bc_node_attr(n, "href");
		if (href && !safe_uri(href)) {
			bc_diag(d, BC_ERROR, n->line, n->col,
				"link '%s' is not an http(s) or mailto address", href);
			bc_hint(d, "links must start with https://, http:// or mailto:");
		}
		break;
	}
	case BC_IMAGE: {
		const char *src = bc_node_attr(n, "src");
		const char *w = bc_node_attr(n, "width");
		if (w && !is_share(w, '%')) {
			bc_diag(d, BC_ERROR, n->line, n->col,
				"image width '%s' must be a percentage of the text width", w);
			bc_hint(d, "for example width=\"60%%\"");
		}
		if (!src || !src[0] || src[0] == '/' || has_dotdot(src)) {
			bc_diag(d, BC_ERROR, n->line, n->col,
				"image '%s' must be a relative path inside the paper's folder",
				src ? src : "");
		}
		break;
	}
	default:
		break;
	}
}

int bc_validate(struct bc_node *root, struct bc_diag *d)
{
	int before = d->errors;
	struct id_entry *ids = NULL;
	size_t nids = 0, cap = 0;
	for (struct bc_node *n = root; n; n = bc_node_walk(root, n, false)) {
		const char *id = bc_node_attr(n, "id");
		if (id)
			BC_PUSH(ids, nids, cap, ((struct id_entry){id, n}));
	}
	if (nids > 1)
		qsort(ids, nids, sizeof *ids, cmp_entry);
	for (size_t i = 1; i < nids; i++) {
		if (strcmp(ids[i].id, ids[i - 1].id) == 0) {
			bc_diag(d, BC_ERROR, ids[i].node->line, ids[i].node->col,
				"duplicate id '%s'", ids[i].id);
			bc_diag(d, BC_NOTE, ids[i - 1].node->line, ids[i - 1].node->col,
				"'%s' was first used here", ids[i].id);
		}
	}
	for (struct bc_node *n = root; n; n = bc_node_walk(root, n, false))
		check_node(n, ids, nids, d);
	free(ids);
	return d->errors - before;
}
