/* check_report.c - writing findings: compiler-style text, a JSON document
 * (one object per finding; shape in docs/check.md) and SARIF 2.1.0 for
 * code hosts. JSON strings are escaped here and made valid UTF-8, since
 * file names need not be. */
#include "check.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

#ifndef BOARDC_VERSION
#define BOARDC_VERSION "0.0.0"
#endif

static const char *severity_name(enum bc_severity s)
{
	return s == BC_ERROR ? "error" : s == BC_WARNING ? "warning" : "note";
}

/* ---- text ---- */

static void plural(FILE *fp, int n, const char *word)
{
	fprintf(fp, "%d %s%s", n, word, n == 1 ? "" : "s");
}

void bc_check_write_text(FILE *fp, const struct bc_findings *f, bool summary)
{
	for (size_t i = 0; i < f->n; i++) {
		const struct bc_finding *x = &f->v[i];
		if (x->suppressed)
			continue;
		fputs(x->file, fp);
		if (x->line > 0) {
			fprintf(fp, ":%d", x->line);
			if (x->col > 0)
				fprintf(fp, ":%d", x->col);
		}
		fprintf(fp, ": %s: %s [%s]\n", severity_name(x->severity), x->message,
			bc_rule_info(x->rule)->id);
		if (x->hint)
			fprintf(fp, "  hint: %s\n", x->hint);
	}
	if (!summary)
		return;
	int e, w, n, s;
	bc_findings_count(f, &e, &w, &n, &s);
	fputs("check: ", fp);
	plural(fp, f->files, "paper");
	fputs(", ", fp);
	plural(fp, e, "error");
	fputs(", ", fp);
	plural(fp, w, "warning");
	if (n) {
		fputs(", ", fp);
		plural(fp, n, "note");
	}
	fprintf(fp, ", %d suppressed\n", s);
}

/* ---- JSON ---- */

/* Length of a valid UTF-8 sequence at s, or 0. */
static size_t utf8_len(const unsigned char *s)
{
	if (s[0] < 0x80)
		return 1;
	size_t n = s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC2 ? 2 : 0;
	if (s[0] > 0xF4)
		n = 0;
	for (size_t i = 1; i < n; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	/* Overlong forms, surrogates and code points past U+10FFFF. */
	if (n == 3 && ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] >= 0xA0)))
		return 0;
	if (n == 4 && ((s[0] == 0xF0 && s[1] < 0x90) || (s[0] == 0xF4 && s[1] >= 0x90)))
		return 0;
	return n;
}

void bc_json_string(FILE *fp, const char *s)
{
	fputc('"', fp);
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p;) {
		size_t n = utf8_len(p);
		if (!n) {
			fputs("\\ufffd", fp); /* not UTF-8: the replacement character */
			p++;
			continue;
		}
		if (*p == '"' || *p == '\\')
			fprintf(fp, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", fp);
		else if (*p == '\t')
			fputs("\\t", fp);
		else if (*p == '\r')
			fputs("\\r", fp);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(fp, "\\u%04x", *p);
		else
			fwrite(p, 1, n, fp);
		p += n;
	}
	fputc('"', fp);
}

static void json_finding(FILE *fp, const struct bc_finding *x)
{
	fputs("    {\"file\": ", fp);
	bc_json_string(fp, x->file);
	fprintf(fp, ", \"line\": %d, \"column\": %d, \"rule\": ", x->line > 0 ? x->line : 0,
		x->col > 0 ? x->col : 0);
	bc_json_string(fp, bc_rule_info(x->rule)->id);
	fprintf(fp, ", \"severity\": \"%s\", \"message\": ", severity_name(x->severity));
	bc_json_string(fp, x->message);
	if (x->hint) {
		fputs(", \"hint\": ", fp);
		bc_json_string(fp, x->hint);
	}
	if (x->suppressed) {
		fputs(", \"reason\": ", fp);
		bc_json_string(fp, x->reason);
		fprintf(fp, ", \"suppressed_at\": {\"line\": %d, \"column\": %d}",
			x->sup_line > 0 ? x->sup_line : 0, x->sup_col > 0 ? x->sup_col : 0);
	}
	fputc('}', fp);
}

static void json_list(FILE *fp, const struct bc_findings *f, bool suppressed)
{
	bool first = true;
	fputc('[', fp);
	for (size_t i = 0; i < f->n; i++) {
		if (f->v[i].suppressed != suppressed)
			continue;
		fputs(first ? "\n" : ",\n", fp);
		json_finding(fp, &f->v[i]);
		first = false;
	}
	fputs(first ? "]" : "\n  ]", fp);
}

void bc_check_write_json(FILE *fp, const struct bc_findings *f)
{
	int e, w, n, s;
	bc_findings_count(f, &e, &w, &n, &s);
	fprintf(fp, "{\n  \"tool\": \"boardc\",\n  \"version\": \"%s\",\n  \"findings\": ",
		BOARDC_VERSION);
	json_list(fp, f, false);
	fputs(",\n  \"suppressed\": ", fp);
	json_list(fp, f, true);
	fprintf(fp,
		",\n  \"summary\": {\"papers\": %d, \"errors\": %d, \"warnings\": %d, "
		"\"notes\": %d, \"suppressed\": %d}\n}\n",
		f->files, e, w, n, s);
}

/* ---- SARIF 2.1.0 ---- */

/* A file name as a URI reference: relative names stay relative (code
 * hosts resolve them against the checkout), absolute ones become file:
 * URIs; anything outside the unreserved set is percent-encoded. */
static void sarif_uri(FILE *fp, const char *path)
{
	fputc('"', fp);
	if (path[0] == '/')
		fputs("file://", fp);
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~/", *p))
			fputc(*p, fp);
		else
			fprintf(fp, "%%%02X", *p);
	}
	fputc('"', fp);
}

static const char *sarif_level(enum bc_severity s)
{
	return s == BC_ERROR ? "error" : s == BC_WARNING ? "warning" : "note";
}

static void sarif_result(FILE *fp, const struct bc_finding *x)
{
	fputs("        {\"ruleId\": ", fp);
	bc_json_string(fp, bc_rule_info(x->rule)->id);
	fprintf(fp, ", \"ruleIndex\": %d, \"level\": \"%s\",\n         \"message\": {\"text\": ",
		(int)x->rule, sarif_level(x->severity));
	/* Code hosts show only the message: the hint goes with it. */
	char *text =
	    x->hint ? bc_xasprintf("%s\nHint: %s", x->message, x->hint) : bc_xstrdup(x->message);
	bc_json_string(fp, text);
	free(text);
	fputs(
	    "},\n         \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ",
	    fp);
	sarif_uri(fp, x->file);
	fputc('}', fp);
	if (x->line > 0) {
		fprintf(fp, ", \"region\": {\"startLine\": %d", x->line);
		if (x->col > 0)
			fprintf(fp, ", \"startColumn\": %d", x->col);
		fputc('}', fp);
	}
	fputs("}}]", fp);
	if (x->suppressed) {
		fputs(",\n         \"suppressions\": [{\"kind\": \"inSource\", \"justification\": ",
		      fp);
		bc_json_string(fp, x->reason);
		fputs("}]", fp);
	}
	fputc('}', fp);
}

void bc_check_write_sarif(FILE *fp, const struct bc_findings *f)
{
	fputs("{\n  \"$schema\": \"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/"
	      "schemas/sarif-schema-2.1.0.json\",\n"
	      "  \"version\": \"2.1.0\",\n"
	      "  \"runs\": [{\n"
	      "    \"tool\": {\"driver\": {\"name\": \"boardc\", \"version\": \"" BOARDC_VERSION
	      "\",\n      \"rules\": [",
	      fp);
	for (int r = 0; r < BC_RULE_COUNT; r++) {
		const struct bc_rule_info *ri = bc_rule_info((enum bc_rule)r);
		fputs(r ? ",\n        {\"id\": " : "\n        {\"id\": ", fp);
		bc_json_string(fp, ri->id);
		fputs(", \"shortDescription\": {\"text\": ", fp);
		bc_json_string(fp, ri->what);
		fprintf(fp, "}, \"defaultConfiguration\": {\"level\": \"%s\"}}",
			sarif_level(ri->severity));
	}
	fputs("]}},\n    \"columnKind\": \"unicodeCodePoints\",\n    \"results\": [", fp);
	for (size_t i = 0; i < f->n; i++) {
		fputs(i ? ",\n" : "\n", fp);
		sarif_result(fp, &f->v[i]);
	}
	fputs(f->n ? "\n    ]\n  }]\n}\n" : "]\n  }]\n}\n", fp);
}
