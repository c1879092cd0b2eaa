/* encoding.c - UTF-16 to UTF-8 on reading, and the encodings an XML
 * declaration may name (see encoding.h).
 *
 * libxml2 would decode UTF-16, and any encoding iconv knows, by itself; but
 * the column finder, the suppression markers and the checker all read the
 * file's bytes as UTF-8, so a UTF-16 paper had diagnostics without columns
 * and a Latin-1 one would have had wrong columns. Converting here keeps one
 * encoding behind this point; other encodings are refused with a hint. */
#include "encoding.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

static unsigned unit(const unsigned char *p, bool big_endian)
{
	return big_endian ? (unsigned)p[0] << 8 | p[1] : (unsigned)p[1] << 8 | p[0];
}

static size_t put_utf8(unsigned char *o, unsigned cp)
{
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | cp >> 6);
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | cp >> 12);
		o[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | cp >> 18);
	o[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
	o[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

char *bc_encoding_to_utf8(char *bytes, size_t *len, struct bc_diag *d)
{
	const unsigned char *b = (const unsigned char *)bytes;
	size_t n = *len;
	bool le = n >= 2 && b[0] == 0xFF && b[1] == 0xFE;
	bool be = n >= 2 && b[0] == 0xFE && b[1] == 0xFF;
	if (!le && !be) {
		/* A "<" beside a zero byte: UTF-16 with no mark to say which. */
		if (n >= 2 && ((b[0] == 0 && b[1] == '<') || (b[0] == '<' && b[1] == 0))) {
			bc_diag(d, BC_ERROR, 1, 1, "file is UTF-16 without a byte-order mark");
			bc_hint(d, "save it as UTF-8, or as UTF-16 with a byte-order mark");
			free(bytes);
			return NULL;
		}
		return bytes;
	}
	if (n % 2) {
		bc_diag(d, BC_ERROR, 0, 0, "file is UTF-16 but has an odd number of bytes (%zu)",
			n);
		bc_hint(d, "the file is cut short or damaged; save it again, as UTF-8");
		free(bytes);
		return NULL;
	}
	/* Each 2-byte unit becomes at most 3 bytes; a 4-byte pair at most 4. */
	unsigned char *out = bc_xmalloc(n / 2 * 3 + 1);
	size_t o = 0;
	int line = 1, col = 1;
	for (size_t i = 2; i < n; i += 2) {
		unsigned u = unit(b + i, be), cp = u;
		if (u >= 0xD800 && u <= 0xDBFF && i + 3 < n) {
			unsigned v = unit(b + i + 2, be);
			if (v >= 0xDC00 && v <= 0xDFFF) {
				cp = 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00);
				i += 2;
			}
		}
		if (cp >= 0xD800 && cp <= 0xDFFF) {
			bc_diag(d, BC_ERROR, line, col,
				"UTF-16 text has an unpaired surrogate (0x%04X)", cp);
			bc_hint(d, "the file is damaged; save it again, as UTF-8");
			free(out);
			free(bytes);
			return NULL;
		}
		o += put_utf8(out + o, cp);
		if (cp == '\n') {
			line++;
			col = 1;
		} else {
			col++;
		}
	}
	out[o] = '\0';
	free(bytes);
	*len = o;
	return (char *)out;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int bc_encoding_check_declaration(const char *bytes, size_t len, struct bc_diag *d)
{
	size_t p = len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	if (len - p < 6 || memcmp(bytes + p, "<?xml", 5) != 0 || !is_space(bytes[p + 5]))
		return 1;
	size_t end = p;
	while (end + 1 < len && !(bytes[end] == '?' && bytes[end + 1] == '>'))
		end++;
	/* " encoding" as a pseudo-attribute of the declaration. */
	size_t at = 0;
	for (size_t i = p + 5; i + 9 <= end; i++)
		if (is_space(bytes[i - 1]) && memcmp(bytes + i, "encoding", 8) == 0 &&
		    (is_space(bytes[i + 8]) || bytes[i + 8] == '=')) {
			at = i;
			break;
		}
	if (!at)
		return 1;
	size_t v = at + 8;
	while (v < end && (is_space(bytes[v]) || bytes[v] == '='))
		v++;
	if (v >= end || (bytes[v] != '"' && bytes[v] != '\''))
		return 1; /* malformed: libxml2 reports it */
	char quote = bytes[v++];
	size_t ve = v;
	while (ve < end && bytes[ve] != quote)
		ve++;
	static const char *const ok[] = {"UTF-8", "UTF8", "UTF-16", "UTF16", "US-ASCII", "ASCII"};
	for (size_t i = 0; i < sizeof ok / sizeof *ok; i++)
		if (strlen(ok[i]) == ve - v && strncasecmp(ok[i], bytes + v, ve - v) == 0)
			return 1;
	int line = 1, col = 1;
	for (size_t i = p; i < at; i++) {
		if (bytes[i] == '\n') {
			line++;
			col = 1;
		} else if (((unsigned char)bytes[i] & 0xC0) != 0x80) {
			col++;
		}
	}
	bc_diag(d, BC_ERROR, line, col, "encoding '%.*s' is not supported", (int)(ve - v),
		bytes + v);
	bc_hint(d, "boardc reads UTF-8 and UTF-16 with a byte-order mark; save the file "
		   "as UTF-8 and declare encoding=\"UTF-8\"");
	return 0;
}
