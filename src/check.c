/* check.c - the check engine: the rule table, adding and placing findings,
 * suppression markers, and bc_check_paper, which runs the rule files over
 * one loaded paper. The command line is in check_cmd.c. */
#include "check.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "paper.h"
#include "util.h"
#include "xml.h"

static const struct bc_rule_info rules[] = {
#define BC_RULE_INFO(e, id, sev, what) {id, sev, what},
    BC_CHECK_RULES(BC_RULE_INFO)
#undef BC_RULE_INFO
};

const struct bc_rule_info *bc_rule_info(enum bc_rule r)
{
	return &rules[r < BC_RULE_COUNT ? r : 0];
}

bool bc_rule_from_id(const char *id, enum bc_rule *out)
{
	for (int r = 0; r < BC_RULE_COUNT; r++) {
		if (strcmp(rules[r].id, id) == 0) {
			*out = (enum bc_rule)r;
			return true;
		}
	}
	return false;
}

bool bc_check_enabled(const struct bc_check_config *c, enum bc_rule r)
{
	return !c->off[r] && c->severity[r] >= c->min_severity;
}

void bc_findings_free(struct bc_findings *f)
{
	for (size_t i = 0; i < f->n; i++) {
		free(f->v[i].file);
		free(f->v[i].message);
		free(f->v[i].hint);
		free(f->v[i].reason);
	}
	free(f->v);
	f->v = NULL;
	f->n = f->cap = 0;
}

void bc_findings_count(const struct bc_findings *f, int *errors, int *warnings, int *notes,
		       int *suppressed)
{
	int e = 0, w = 0, n = 0, s = 0;
	for (size_t i = 0; i < f->n; i++) {
		if (f->v[i].suppressed)
			s++;
		else if (f->v[i].severity == BC_ERROR)
			e++;
		else if (f->v[i].severity == BC_WARNING)
			w++;
		else
			n++;
	}
	if (errors)
		*errors = e;
	if (warnings)
		*warnings = w;
	if (notes)
		*notes = n;
	if (suppressed)
		*suppressed = s;
}

const struct bc_node *bc_check_element(const struct bc_node *n)
{
	/* Text runs and the paragraphs the parser wraps around them carry the
	 * line where the text ends, and no column. */
	while (n && (n->kind == BC_TEXT || n->implicit || n->line <= 0) && n->parent)
		n = n->parent;
	return n;
}

static char *vformat(const char *fmt, va_list ap)
{
	va_list again;
	va_copy(again, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	char *s = bc_xmalloc(n > 0 ? (size_t)n + 1 : 1);
	if (n > 0)
		vsnprintf(s, (size_t)n + 1, fmt, again);
	else
		s[0] = '\0';
	va_end(again);
	return s;
}

struct bc_finding *bc_check_add(struct bc_check_ctx *cx, enum bc_rule r, const struct bc_node *n,
				const char *fmt, ...)
{
	if (!bc_check_enabled(cx->cfg, r))
		return NULL;
	const struct bc_node *el = bc_check_element(n ? n : cx->root);
	struct bc_finding f = {.rule = r,
			       .severity = cx->cfg->severity[r],
			       .file = bc_xstrdup(cx->file),
			       .line = el ? el->line : 0,
			       .col = el ? el->col : 0,
			       .node = n ? n : cx->root};
	va_list ap;
	va_start(ap, fmt);
	f.message = vformat(fmt, ap);
	va_end(ap);
	BC_PUSH(cx->out->v, cx->out->n, cx->out->cap, f);
	return &cx->out->v[cx->out->n - 1];
}

void bc_check_hint(struct bc_finding *f, const char *fmt, ...)
{
	if (!f)
		return;
	va_list ap;
	va_start(ap, fmt);
	free(f->hint);
	f->hint = vformat(fmt, ap);
	va_end(ap);
}

/* ---- placing findings inside text ---- */

/* Byte offset of (line, col) in the source; col counts characters. */
static size_t offset_of(const struct bc_check_ctx *cx, int line, int col)
{
	size_t pos = 0;
	int l = 1;
	while (pos < cx->srclen && l < line)
		if (cx->src[pos++] == '\n')
			l++;
	for (int c = 1; pos < cx->srclen && c < col && cx->src[pos] != '\n'; c++) {
		pos++; /* one character: a lead byte and its continuation bytes */
		while (pos < cx->srclen && ((unsigned char)cx->src[pos] & 0xC0) == 0x80)
			pos++;
	}
	return pos;
}

static bool is_blank_char(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool is_word_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Length of the source matching needle at s, 0 if it does not: a space in
 * the needle matches any run of white space (rules see collapsed text; the
 * source wraps lines). */
static size_t matches(const char *s, const char *end, const char *needle)
{
	const char *start = s;
	while (*needle) {
		if (s >= end)
			return 0;
		if (*needle == ' ') {
			if (!is_blank_char(*s))
				return 0;
			while (s < end && is_blank_char(*s))
				s++;
			needle++;
		} else if (*s++ != *needle++) {
			return 0;
		}
	}
	return (size_t)(s - start);
}

void bc_check_place(struct bc_check_ctx *cx, struct bc_finding *f, const char *needle)
{
	if (!f || !cx->src || !needle || !*needle || f->line <= 0)
		return;
	size_t from = offset_of(cx, f->line, f->col > 0 ? f->col : 1);
	/* Stop where the next element outside this one starts, so a word
	 * written differently in the source (an entity) is not found in a
	 * later element instead. */
	size_t to = cx->srclen;
	const struct bc_node *el = bc_check_element(f->node);
	for (const struct bc_node *nx = el ? bc_node_walk(cx->root, el, true) : NULL; nx;
	     nx = bc_node_walk(cx->root, nx, false)) {
		if (nx->kind != BC_TEXT && nx->kind != BC_SUPPRESS && nx->line > 0) {
			to = offset_of(cx, nx->line, nx->col > 0 ? nx->col : 1);
			break;
		}
	}
	/* A word is found as a word: NEL is not the end of ONEL. */
	const char *hit = NULL;
	bool word_start = is_word_char(needle[0]);
	bool word_end = is_word_char(needle[strlen(needle) - 1]);
	for (size_t p = from; p < to && !hit; p++) {
		size_t len = matches(cx->src + p, cx->src + to, needle);
		if (!len || (word_start && p > 0 && is_word_char(cx->src[p - 1])) ||
		    (word_end && p + len < cx->srclen && is_word_char(cx->src[p + len])))
			continue;
		hit = cx->src + p;
	}
	if (!hit)
		return;
	int line = 1, col = 1;
	for (const char *s = cx->src; s < hit; s++) {
		if (*s == '\n') {
			line++;
			col = 1;
		} else if (((unsigned char)*s & 0xC0) != 0x80) {
			col++;
		}
	}
	f->line = line;
	f->col = col;
}

/* ---- suppression markers ---- */

static bool inside(const struct bc_node *n, const struct bc_node *ancestor)
{
	for (; n; n = n->parent)
		if (n == ancestor)
			return true;
	return false;
}

/* The rule ids a marker names: ignore="a b" or "a, b". */
static size_t marker_rules(const char *ignore, enum bc_rule *out, size_t max, char **bad)
{
	size_t n = 0;
	char *copy = bc_xstrdup(ignore ? ignore : "");
	for (char *save = NULL, *w = strtok_r(copy, " ,\t\n", &save); w;
	     w = strtok_r(NULL, " ,\t\n", &save)) {
		enum bc_rule r;
		if (!bc_rule_from_id(w, &r)) {
			if (!*bad)
				*bad = bc_xstrdup(w);
		} else if (n < max) {
			out[n++] = r;
		}
	}
	free(copy);
	return n;
}

static bool blank(const char *s)
{
	for (; s && *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return false;
	return true;
}

/* Apply one marker to the findings from index `first` on; report a marker
 * that cannot be used or silences nothing. */
static void apply_marker(struct bc_check_ctx *cx, const struct bc_node *m, size_t first)
{
	const char *malformed = bc_node_attr(m, "#malformed");
	const char *ignore = bc_node_attr(m, "ignore");
	const char *reason = bc_node_attr(m, "reason");
	struct bc_finding *f;
	if (malformed || blank(ignore)) {
		f = bc_check_add(cx, BC_RULE_SUPPRESSION, m,
				 malformed ? "suppression marker is malformed near '%.40s'"
					   : "suppression marker names no rule%s",
				 malformed ? malformed : "");
		bc_check_hint(f, "write <?boardc-check ignore=\"rule-id\" reason=\"why\"?>");
		return;
	}
	enum bc_rule which[BC_RULE_COUNT];
	char *bad = NULL;
	size_t nwhich = marker_rules(ignore, which, BC_RULE_COUNT, &bad);
	if (bad) {
		f = bc_check_add(cx, BC_RULE_SUPPRESSION, m,
				 "suppression marker names unknown rule '%s'", bad);
		bc_check_hint(f, "docs/check.md lists the rule ids");
		free(bad);
		return;
	}
	if (blank(reason)) {
		f = bc_check_add(cx, BC_RULE_SUPPRESSION, m,
				 "suppression of '%s' gives no reason, so it is not applied",
				 ignore);
		bc_check_hint(f, "add reason=\"...\" saying why the finding does not apply");
		return;
	}
	if (!m->target) {
		f = bc_check_add(cx, BC_RULE_SUPPRESSION, m,
				 "suppression marker is not followed by an element");
		bc_check_hint(f, "put the marker immediately before the element it silences");
		return;
	}
	for (size_t k = 0; k < nwhich; k++) {
		if (which[k] == BC_RULE_INVALID_PAPER || which[k] == BC_RULE_SUPPRESSION) {
			f = bc_check_add(cx, BC_RULE_SUPPRESSION, m, "'%s' cannot be suppressed",
					 bc_rule_info(which[k])->id);
			continue;
		}
		bool used = false;
		for (size_t i = first; i < cx->out->n; i++) {
			struct bc_finding *g = &cx->out->v[i];
			if (g->rule != which[k] || g->suppressed || !inside(g->node, m->target))
				continue;
			g->suppressed = true;
			g->reason = bc_xstrdup(reason);
			g->sup_line = m->line;
			g->sup_col = m->col;
			used = true;
		}
		/* A rule that did not run (off, or below the build's threshold)
		 * cannot show whether the marker is still needed. */
		if (!used && bc_check_enabled(cx->cfg, which[k]))
			bc_check_add(cx, BC_RULE_SUPPRESSION, m,
				     "suppression of '%s' silences nothing in <%s> at line %d",
				     bc_rule_info(which[k])->id, bc_kind_name(m->target->kind),
				     m->target->line);
	}
}

static void apply_markers(struct bc_check_ctx *cx, size_t first)
{
	for (const struct bc_node *m = cx->root->first; m; m = m->next)
		if (m->kind == BC_SUPPRESS)
			apply_marker(cx, m, first);
}

/* ---- running the rules ---- */

static void read_source(struct bc_check_ctx *cx)
{
	char *sink = NULL;
	size_t sinklen = 0;
	FILE *fp = open_memstream(&sink, &sinklen);
	struct bc_diag quiet;
	bc_diag_init(&quiet, cx->file, fp);
	cx->src = bc_xml_slurp(cx->file, (size_t)1 << 30, &cx->srclen, &quiet);
	if (fp)
		fclose(fp);
	free(sink);
}

int bc_check_paper(const struct bc_paper *p, const char *file, const struct bc_check_config *cfg,
		   struct bc_findings *out)
{
	if (!p || !p->root || p->root->kind != BC_PAPER)
		return 0; /* the rules are about papers (an agenda is not one) */
	struct bc_check_ctx cx = {.p = p, .root = p->root, .cfg = cfg, .out = out, .file = file};
	read_source(&cx);
	const struct bc_node *front = bc_node_child(p->root, BC_FRONT);
	const struct bc_node *decision = bc_node_child(front, BC_DECISION);
	cx.for_decision = decision && bc_node_attr_is(decision, "type", "for-decision");
	cx.key_decision = decision && bc_node_attr_is(decision, "key", "yes");
	cx.exempt = bc_node_child(front, BC_EXEMPT) != NULL;

	size_t first = out->n;
	/* What loading reported about this paper just before (build-warning)
	 * is open to its markers too. */
	size_t marked = first;
	while (marked > 0 && !strcmp(out->v[marked - 1].file, file))
		marked--;
	bc_check_structure(&cx);
	bc_check_tables(&cx);
	bc_check_text(&cx);
	bc_check_length(&cx);
	apply_markers(&cx, marked);
	free(cx.src);

	int errors = 0;
	for (size_t i = first; i < out->n; i++)
		errors += !out->v[i].suppressed && out->v[i].severity == BC_ERROR;
	return errors;
}

/* ---- diagnostics from reading and laying out ---- */

static const struct bc_node *node_at(const struct bc_node *root, int line, int col)
{
	for (const struct bc_node *n = root; n && line > 0; n = bc_node_walk(root, n, false))
		if (n->kind != BC_TEXT && n->line == line && (col <= 0 || n->col == col))
			return n;
	return root;
}

/* "file:12:5" -> file, 12, 5 (either number may be missing). */
static char *split_location(const char *loc, size_t len, int *line, int *col)
{
	int nums[2] = {0, 0}, k = 0;
	while (k < 2) {
		size_t i = len;
		while (i > 0 && loc[i - 1] >= '0' && loc[i - 1] <= '9')
			i--;
		if (i == len || i == 0 || loc[i - 1] != ':' || len - i > 9)
			break;
		nums[k++] = atoi(loc + i);
		len = i - 1;
	}
	*line = k == 2 ? nums[1] : k == 1 ? nums[0] : 0;
	*col = k == 2 ? nums[0] : 0;
	return bc_xstrndup(loc, len);
}

void bc_check_import(struct bc_findings *out, const char *captured, const char *file,
		     const struct bc_node *root, const struct bc_check_config *cfg)
{
	static const struct {
		const char *tag;
		enum bc_severity sev;
	} tags[] = {{": error: ", BC_ERROR}, {": warning: ", BC_WARNING}, {": note: ", BC_NOTE}};
	long last = -1; /* the finding a hint line belongs to */
	for (const char *line = captured; line && *line;) {
		const char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line);
		char *l = bc_xstrndup(line, len);
		line = nl ? nl + 1 : NULL;
		if (!strncmp(l, "  hint: ", 8)) {
			if (last >= 0) {
				free(out->v[last].hint);
				out->v[last].hint = bc_xstrdup(l + 8);
			}
			free(l);
			continue;
		}
		const char *at = NULL;
		enum bc_severity sev = BC_ERROR;
		for (size_t i = 0; i < 3; i++) {
			const char *p = strstr(l, tags[i].tag);
			if (p && (!at || p < at)) {
				at = p;
				sev = tags[i].sev;
			}
		}
		int ln = 0, col = 0;
		char *where = at ? split_location(l, (size_t)(at - l), &ln, &col) : NULL;
		const char *msg = at ? strchr(at + 2, ':') + 2 : l;
		enum bc_rule rule = sev == BC_ERROR ? BC_RULE_INVALID_PAPER : BC_RULE_BUILD_WARNING;
		/* The percent-sum rule makes the build's chart percentage test
		 * itself, with its own id and severity. */
		bool dup = rule == BC_RULE_BUILD_WARNING && !strncmp(msg, "percentages", 11);
		last = -1;
		if (!dup && (rule == BC_RULE_INVALID_PAPER || bc_check_enabled(cfg, rule))) {
			const char *ffile = where && *where ? where : file;
			struct bc_finding f = {
			    .rule = rule,
			    .severity =
				rule == BC_RULE_INVALID_PAPER ? BC_ERROR : cfg->severity[rule],
			    .file = bc_xstrdup(ffile),
			    .line = ln,
			    .col = col,
			    .message = bc_xstrdup(msg),
			    .node = !strcmp(ffile, file) ? node_at(root, ln, col) : root};
			if (sev == BC_NOTE && rule == BC_RULE_BUILD_WARNING)
				f.severity = BC_NOTE;
			BC_PUSH(out->v, out->n, out->cap, f);
			last = (long)out->n - 1;
		}
		free(where);
		free(l);
	}
}
