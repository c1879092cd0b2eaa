/* xml.c - safe XML reading on libxml2 2.9.14.
 *
 * That version predates XML_PARSE_NO_XXE and per-context error handlers, so:
 * the file is read here (regular file, size cap, gzip refused, UTF-16
 * converted to UTF-8: encoding.h) and parsed from memory as UTF-8; entity substitution, DTD loading
 * and network stay off; a SAX hook refuses any DOCTYPE; an external-entity loader refuses every
 * load and records that it did (a refused load raises no error by itself); errors are collected
 * through the structured error hook, installed only for the call. */
#include "xml.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>

#include "encoding.h"
#include "util.h"

extern const char bc_schema_paper[]; /* generated from schema/boardc.rng */
extern const size_t bc_schema_paper_len;

struct bc_xml {
	xmlRelaxNGPtr paper;
};

/* Per-call state reached from libxml2 callbacks through ctxt->_private or
 * the error-handler context pointer. */
struct parse_state {
	struct bc_diag *d;
	const char *bytes;
	size_t len;
	bool refused_entity;
	bool doctype;
	int doctype_line;
};

static xmlParserInputPtr deny_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)id;
	if (ctxt && ctxt->_private) {
		struct parse_state *st = ctxt->_private;
		if (!st->refused_entity)
			bc_diag(st->d, BC_ERROR, ctxt->input ? ctxt->input->line : 0, 0,
				"external resource '%s' refused: boardc never loads "
				"entities, DTDs or network resources",
				url ? url : "?");
		st->refused_entity = true;
	}
	return NULL;
}

/* What an element must hold, for the validator's message when one ends
 * too soon: libxml2's compiled content models say only "Expecting an
 * element , got nothing". */
static const char *const required_content[][2] = {
    {"paper", "a <front>"},
    {"agenda", "at least one <agenda-item>"},
    {"members", "at least one <member>"},
    {"apologies", "at least one <member>"},
    {"ul", "at least one <li>"},
    {"ol", "at least one <li>"},
    {"advantages", "at least one <li>"},
    {"disadvantages", "at least one <li>"},
    {"table", "a <tbody> (after any <caption>, <col>s and <thead>)"},
    {"thead", "at least one <tr>"},
    {"tbody", "at least one <tr>"},
    {"tfoot", "at least one <tr>"},
    {"tr", "at least one <th> or <td>"},
    {"figure", "a <caption>, then an <alt>"},
    {"quote", "at least one <p>"},
    {"recommendations", "at least one <recommendation>"},
    {"options", "at least one <option>"},
    {"implications", "at least one <implication>"},
    {"reasons", "at least one block (<p>, <ul>, <ol>, <table>, <figure>, <quote>)"},
    {"summary", "at least one block (<p>, <ul>, <ol>, <table>, <figure>, <quote>)"},
};

static const char *what_is_required(const char *element)
{
	for (size_t i = 0; i < sizeof required_content / sizeof *required_content; i++)
		if (strcmp(required_content[i][0], element) == 0)
			return required_content[i][1];
	return NULL;
}

/* Cuts s at its first newline; returns what follows it (NULL if none). */
static char *cut_line(char *s)
{
	char *nl = strchr(s, '\n');
	if (nl)
		*nl++ = '\0';
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\r'))
		s[--n] = '\0';
	return nl;
}

static bool strip_suffix(char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	if (n < k || strcmp(s + n - k, suffix) != 0)
		return false;
	s[n - k] = '\0';
	return true;
}

static void report(void *ctx, xmlErrorPtr err)
{
	struct parse_state *st = ctx;
	if (!err || err->level == XML_ERR_NONE)
		return;
	char *msg = bc_xstrdup(err->message ? err->message : "malformed XML");
	/* Some libxml2 messages go on over more lines ("Bytes: 0xC0 0xAF ..."):
	 * the first line is the diagnostic; the others become notes at the
	 * same place, so that every line names the file and line. */
	char *more = cut_line(msg);
	/* libxml2's advice to declare another encoding does not apply. */
	bool encoding = strip_suffix(msg, ", indicate encoding !");
	int line = err->line;
	int col = err->int2;
	/* The element a validity error is about, if any. */
	xmlNodePtr el = err->domain == XML_FROM_RELAXNGV && err->node &&
				((xmlNodePtr)err->node)->type == XML_ELEMENT_NODE
			    ? err->node
			    : NULL;
	if (err->domain == XML_FROM_RELAXNGV && err->node) {
		line = (int)xmlGetLineNo(err->node);
		struct bc_xml_locator loc = {.bytes = st->bytes, .len = st->len};
		col = el ? bc_xml_locate(&loc, line, (const char *)el->name) : 0;
	}
	enum bc_severity sev = err->level == XML_ERR_WARNING ? BC_WARNING : BC_ERROR;
	const char *required = NULL;
	char *replaced = NULL; /* msg stays: `more` points into it */
	if (el && strcmp(msg, "Expecting an element , got nothing") == 0) {
		required = what_is_required((const char *)el->name);
		replaced =
		    bc_xasprintf("<%s> ends before its required content", (const char *)el->name);
	}
	bc_diag(st->d, sev, line, col, "%s", replaced ? replaced : msg);
	free(replaced);
	if (required)
		bc_hint(st->d, "<%s> must hold %s", (const char *)el->name, required);
	if (err->code == XML_ERR_DOCUMENT_EMPTY)
		bc_hint(st->d, "a paper starts with <paper xmlns=\"urn:x-boardc:paper:1\">");
	if (encoding)
		bc_hint(st->d, "boardc reads UTF-8 and UTF-16 with a byte-order mark; save the "
			       "file as UTF-8");
	while (more && *more) {
		char *next = cut_line(more);
		if (*more)
			bc_diag(st->d, BC_NOTE, line, col, "%s", more);
		more = next;
	}
	free(msg);
}

static void on_doctype(void *ctx, const xmlChar *name, const xmlChar *ext_id, const xmlChar *sys_id)
{
	(void)name;
	(void)ext_id;
	(void)sys_id;
	xmlParserCtxtPtr ctxt = ctx;
	struct parse_state *st = ctxt->_private;
	st->doctype = true;
	st->doctype_line = ctxt->input ? ctxt->input->line : 0;
	xmlStopParser(ctxt);
}

struct bc_xml *bc_xml_new(void)
{
	xmlInitParser();
	/* Process-wide in libxml2; it keeps no state of ours. */
	xmlSetExternalEntityLoader(deny_loader);
	struct bc_xml *x = bc_xcalloc(1, sizeof *x);
	xmlRelaxNGParserCtxtPtr pc =
	    xmlRelaxNGNewMemParserCtxt(bc_schema_paper, (int)bc_schema_paper_len);
	x->paper = xmlRelaxNGParse(pc);
	xmlRelaxNGFreeParserCtxt(pc);
	if (!x->paper) {
		fprintf(stderr, "boardc: internal error: built-in schema does not compile\n");
		abort();
	}
	return x;
}

void bc_xml_free(struct bc_xml *x)
{
	if (!x)
		return;
	xmlRelaxNGFree(x->paper);
	free(x);
}

char *bc_xml_slurp(const char *path, size_t max_bytes, size_t *len_out, struct bc_diag *d)
{
	/* O_NONBLOCK: opening a FIFO must not wait for a writer; only regular
	 * files are read, and for those the flag changes nothing. */
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		bc_diag(d, BC_ERROR, 0, 0, "cannot open: %s", strerror(errno));
		d->io_error = 1;
		return NULL;
	}
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		bc_diag(d, BC_ERROR, 0, 0, "not a regular file");
		d->io_error = 1;
		close(fd);
		return NULL;
	}
	if ((unsigned long long)st.st_size > max_bytes) {
		bc_diag(d, BC_ERROR, 0, 0, "file is %lld bytes; the limit is %zu",
			(long long)st.st_size, max_bytes);
		bc_hint(d, "split the paper, or raise the limit with --max-input-bytes");
		d->io_error = 1;
		close(fd);
		return NULL;
	}
	size_t cap = (size_t)st.st_size + 1, len = 0;
	char *buf = bc_xmalloc(cap);
	for (;;) {
		if (len == cap - 1) {
			/* The file grew while we read it: stay within the cap. */
			if (cap - 1 >= max_bytes)
				break;
			cap = cap * 2 > max_bytes + 1 ? max_bytes + 1 : cap * 2;
			buf = bc_xrealloc(buf, cap);
		}
		ssize_t r = read(fd, buf + len, cap - 1 - len);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			bc_diag(d, BC_ERROR, 0, 0, "read failed: %s", strerror(errno));
			d->io_error = 1;
			free(buf);
			close(fd);
			return NULL;
		}
		if (r == 0)
			break;
		len += (size_t)r;
	}
	close(fd);
	buf[len] = '\0';
	/* UTF-16 becomes UTF-8 here, so everything after sees UTF-8 only. */
	buf = bc_encoding_to_utf8(buf, &len, d);
	if (!buf)
		return NULL;
	*len_out = len;
	return buf;
}

xmlDocPtr bc_xml_parse(struct bc_xml *x, const char *bytes, size_t len, enum bc_schema schema,
		       struct bc_diag *d)
{
	struct parse_state st = {.d = d, .bytes = bytes, .len = len};
	int errors_before = d->errors;

	if (len == 0) {
		bc_diag(d, BC_ERROR, 0, 0, "file is empty");
		bc_hint(d, "a paper starts with <paper xmlns=\"urn:x-boardc:paper:1\">");
		return NULL;
	}
	if (len >= 2 && (unsigned char)bytes[0] == 0x1f && (unsigned char)bytes[1] == 0x8b) {
		bc_diag(d, BC_ERROR, 1, 1, "file is gzip-compressed, not XML");
		bc_hint(d, "decompress it first; boardc reads plain XML only");
		return NULL;
	}
	if (len > INT32_MAX) {
		bc_diag(d, BC_ERROR, 0, 0, "file too large");
		return NULL;
	}
	if (!bc_encoding_check_declaration(bytes, len, d))
		return NULL;

	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	if (!ctxt) {
		bc_diag(d, BC_ERROR, 0, 0, "out of memory creating the XML parser");
		d->io_error = 1;
		return NULL;
	}
	ctxt->_private = &st;
	ctxt->sax->internalSubset = on_doctype;
	xmlSetStructuredErrorFunc(&st, report);
	xmlDocPtr doc = xmlCtxtReadMemory(ctxt, bytes, (int)len, NULL, NULL,
					  XML_PARSE_NONET | XML_PARSE_BIG_LINES |
					      XML_PARSE_NOCDATA | XML_PARSE_IGNORE_ENC);
	if (st.doctype) {
		/* Errors libxml2 raised because we stopped it are noise. */
		bc_diag(d, BC_ERROR, st.doctype_line, 1, "DOCTYPE declarations are not allowed");
		bc_hint(d, "remove the <!DOCTYPE ...> line; boardc papers use no "
			   "DTD and no entities");
		xmlFreeDoc(doc);
		doc = NULL;
	} else if (doc && !ctxt->wellFormed) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	xmlFreeParserCtxt(ctxt);

	if (doc && schema == BC_SCHEMA_PAPER) {
		xmlNodePtr root = xmlDocGetRootElement(doc);
		if (!root || !root->ns ||
		    strcmp((const char *)root->ns->href, "urn:x-boardc:paper:1") != 0) {
			struct bc_xml_locator loc = {.bytes = bytes, .len = len};
			int line = root ? (int)xmlGetLineNo(root) : 0;
			bc_diag(d, BC_ERROR, line,
				root ? bc_xml_locate(&loc, line, (const char *)root->name) : 0,
				"root element <%s> is not in the boardc namespace",
				root ? (const char *)root->name : "?");
			bc_hint(d, "write <paper xmlns=\"urn:x-boardc:paper:1\">");
		} else {
			xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(x->paper);
			xmlRelaxNGSetValidStructuredErrors(vc, report, &st);
			int rc = xmlRelaxNGValidateDoc(vc, doc);
			xmlRelaxNGFreeValidCtxt(vc);
			if (rc != 0 && d->errors == errors_before)
				bc_diag(d, BC_ERROR, 0, 0, "the paper does not match the schema");
		}
	}
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (d->errors != errors_before || st.refused_entity) {
		if (d->errors == errors_before)
			bc_diag(d, BC_ERROR, 0, 0, "external resources are not allowed");
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

static bool is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '_' || c == '.' || (unsigned char)c >= 0x80;
}

int bc_xml_locate(struct bc_xml_locator *loc, int line, const char *name)
{
	if (!loc->bytes || line <= 0)
		return 0;
	if (line < loc->line || loc->line == 0) {
		loc->pos = 0;
		loc->line = 1;
	}
	bool moved = false;
	while (loc->pos < loc->len && loc->line < line) {
		if (loc->bytes[loc->pos++] == '\n') {
			loc->line++;
			moved = true;
		}
	}
	if (loc->line != line)
		return 0;
	const char *b = loc->bytes;
	if (moved || loc->ccol == 0) {
		size_t line_start = loc->pos;
		while (line_start > 0 && b[line_start - 1] != '\n')
			line_start--;
		loc->line_start = line_start;
		loc->cpos = line_start;
		loc->ccol = 1;
	}
	size_t nlen = strlen(name);
	for (size_t pos = loc->pos; pos < loc->len && b[pos] != '\n'; pos++) {
		if (b[pos] != '<')
			continue;
		size_t p = pos + 1, q = p;
		while (q < loc->len && is_name_char(b[q]))
			q++;
		if (q < loc->len && b[q] == ':') { /* skip a namespace prefix */
			p = q + 1;
			for (q = p; q < loc->len && is_name_char(b[q]);)
				q++;
		}
		if (q - p != nlen || memcmp(b + p, name, nlen) != 0)
			continue;
		loc->pos = pos + 1;
		/* Columns count characters, not bytes; count on from the last
		 * column found on this line. */
		if (pos < loc->cpos) {
			loc->cpos = loc->line_start;
			loc->ccol = 1;
		}
		for (size_t i = loc->cpos; i < pos; i++)
			if (((unsigned char)b[i] & 0xC0) != 0x80)
				loc->ccol++;
		loc->cpos = pos;
		return loc->ccol;
	}
	return 0;
}
