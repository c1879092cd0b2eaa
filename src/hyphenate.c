/* hyphenate.c - syllable breaks for words too wide for their cell.
 *
 * Pango breaks a word that does not fit its line wherever the line runs
 * out, so a narrow table column read "Employme-nt" and "Commissioni-ng".
 * Here such a word gets soft hyphens (U+00AD) at the breaks libhyphen's
 * patterns allow (the TeX patterns LibreOffice uses, from Debian's
 * hyphen-* packages), at least three letters from either end, and Pango,
 * which breaks at a soft hyphen before it breaks inside a word, does the
 * rest. Only runs of ASCII letters are hyphenated: lower-casing them for
 * the patterns keeps their byte offsets, and English is what the
 * dictionaries are opened for. */
#include "hyphenate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hyphen.h>
#include <pango/pangocairo.h>

#include "layout.h"
#include "util.h"

#define HYPHEN_DIR "/usr/share/hyphen"
#define MIN_PART   3  /* letters kept together at either end of a word */
#define MAX_WORD   63 /* longer letter runs are left to Pango */
#define SHY	   "\xc2\xad"

struct bc_hyph {
	HyphenDict *dict;
};

static HyphenDict *load(const char *name)
{
	char *path = bc_xasprintf("%s/hyph_%s.dic", HYPHEN_DIR, name);
	FILE *f = fopen(path, "r");
	free(path);
	if (!f)
		return NULL;
	HyphenDict *dict = hnj_hyphen_load_file(f);
	fclose(f);
	return dict;
}

struct bc_hyph *bc_hyph_open(const char *lang)
{
	/* "en-GB" -> hyph_en_GB.dic, else hyph_en.dic */
	char ll[9] = "", cc[9] = "";
	size_t i = 0, k = 0;
	for (; lang && lang[i] && lang[i] != '-' && lang[i] != '_' && k < 8; i++)
		if ((lang[i] | 0x20) >= 'a' && (lang[i] | 0x20) <= 'z')
			ll[k++] = (char)(lang[i] | 0x20);
	ll[k] = '\0';
	if (lang && (lang[i] == '-' || lang[i] == '_'))
		for (i++, k = 0; lang[i] && k < 8; i++)
			if ((lang[i] | 0x20) >= 'a' && (lang[i] | 0x20) <= 'z')
				cc[k++] = (char)(lang[i] & ~0x20);
	cc[k] = '\0';
	if (!ll[0])
		return NULL;
	HyphenDict *dict = NULL;
	if (cc[0]) {
		char name[20];
		snprintf(name, sizeof name, "%s_%s", ll, cc);
		dict = load(name);
	}
	if (!dict)
		dict = load(ll);
	if (!dict)
		return NULL;
	struct bc_hyph *h = bc_xcalloc(1, sizeof *h);
	h->dict = dict;
	return h;
}

void bc_hyph_free(struct bc_hyph *h)
{
	if (!h)
		return;
	hnj_hyphen_free(h->dict);
	free(h);
}

bool bc_para_breaks_word(const struct bc_para *p)
{
	PangoLayout *l = p->layout;
	const char *text = pango_layout_get_text(l);
	gint n = 0;
	const PangoLogAttr *a = pango_layout_get_log_attrs_readonly(l, &n);
	GSList *ls = pango_layout_get_lines_readonly(l);
	int byte = 0, ch = 0; /* walk forward once: lines come in text order */
	for (ls = ls ? ls->next : NULL; ls; ls = ls->next) {
		const PangoLayoutLine *line = ls->data;
		while (byte < line->start_index && text[byte]) {
			byte = (int)(g_utf8_next_char(text + byte) - text);
			ch++;
		}
		if (ch < n && !a[ch].is_line_break)
			return true;
	}
	return false;
}

static bool is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Byte offsets in text[from, to) where a soft hyphen may go, appended. */
static void word_breaks(const struct bc_hyph *h, const char *text, size_t from, size_t to,
			size_t **at, size_t *n, size_t *cap)
{
	for (size_t i = from; i < to;) {
		if (!is_letter(text[i])) {
			i++;
			continue;
		}
		size_t start = i;
		while (i < to && is_letter(text[i]))
			i++;
		size_t len = i - start;
		if (len < 2 * MIN_PART || len > MAX_WORD)
			continue;
		char word[MAX_WORD + 1], marks[MAX_WORD + 5];
		for (size_t k = 0; k < len; k++)
			word[k] = (char)(text[start + k] | 0x20);
		word[len] = '\0';
		char **rep = NULL;
		int *pos = NULL, *cut = NULL;
		if (hnj_hyphen_hyphenate3(h->dict, word, (int)len, marks, NULL, &rep, &pos, &cut,
					  MIN_PART, MIN_PART, MIN_PART, MIN_PART) == 0) {
			for (size_t k = 0; k + 1 < len; k++)
				if ((marks[k] & 1) && !(rep && rep[k]))
					BC_PUSH(*at, *n, *cap, start + k + 1);
		}
		if (rep) {
			for (size_t k = 0; k < len; k++)
				free(rep[k]);
			free(rep);
		}
		free(pos);
		free(cut);
	}
}

/* Where p's words wider than width (Pango units) may break. */
static size_t *breaks_for(const struct bc_hyph *h, struct bc_para *p, int width, size_t *n)
{
	PangoLayout *l = p->layout;
	int wrap_width = pango_layout_get_width(l);
	pango_layout_set_width(l, -1);
	int *w = bc_para_char_widths(p);
	pango_layout_set_width(l, wrap_width);
	const char *text = pango_layout_get_text(l);
	size_t len = strlen(text);
	gint nattrs = 0;
	const PangoLogAttr *a = pango_layout_get_log_attrs_readonly(l, &nattrs);
	size_t *at = NULL, cap = 0;
	*n = 0;
	size_t seg = 0, byte = 0;
	int seg_w = 0;
	for (gint i = 0; i < nattrs && byte <= len; i++) {
		if (byte == len || (i > 0 && a[i].is_line_break)) {
			if (seg_w > width)
				word_breaks(h, text, seg, byte, &at, n, &cap);
			seg = byte;
			seg_w = 0;
			if (byte == len)
				break;
		}
		seg_w += w[byte];
		byte = (size_t)(g_utf8_next_char(text + byte) - text);
	}
	free(w);
	return at;
}

/* How far an index moves: two bytes for each soft hyphen inserted before
 * it (at[] ascending), or also at it when `at_too`. Binary search keeps a
 * cell of many links and broken words linear. */
static int shift(const size_t *at, size_t n, int index, bool at_too)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (at[mid] < (size_t)index || (at_too && at[mid] == (size_t)index))
			lo = mid + 1;
		else
			hi = mid;
	}
	return (int)(lo * (sizeof SHY - 1));
}

/* p's attributes with their ranges moved along the inserted hyphens. */
static PangoAttrList *shifted_attrs(PangoAttrList *attrs, const size_t *at, size_t n)
{
	if (!attrs)
		return NULL;
	PangoAttrList *out = pango_attr_list_new();
	GSList *all = pango_attr_list_get_attributes(attrs);
	for (GSList *a = all; a; a = a->next) {
		PangoAttribute *attr = a->data;
		if (attr->start_index != PANGO_ATTR_INDEX_FROM_TEXT_BEGINNING)
			attr->start_index += (guint)shift(at, n, (int)attr->start_index, true);
		if (attr->end_index != PANGO_ATTR_INDEX_TO_TEXT_END)
			attr->end_index += (guint)shift(at, n, (int)attr->end_index, false);
		pango_attr_list_insert(out, attr); /* takes it */
	}
	g_slist_free(all);
	return out;
}

bool bc_hyph_para(const struct bc_hyph *h, struct bc_para *p, double width_pt)
{
	size_t n = 0;
	size_t *at = breaks_for(h, p, (int)(width_pt * PANGO_SCALE), &n);
	if (n == 0) {
		free(at);
		return false;
	}
	PangoLayout *l = p->layout;
	const char *text = pango_layout_get_text(l);
	size_t len = strlen(text);
	struct bc_buf out = {0};
	size_t from = 0;
	for (size_t k = 0; k < n; k++) {
		bc_buf_add(&out, text + from, at[k] - from);
		bc_buf_adds(&out, SHY);
		from = at[k];
	}
	bc_buf_add(&out, text + from, len - from);
	/* Attributes, links and footnote markers follow their text. */
	PangoAttrList *attrs = shifted_attrs(pango_layout_get_attributes(l), at, n);
	for (size_t j = 0; j < p->nlinks; j++) {
		p->links[j].start += shift(at, n, p->links[j].start, true);
		p->links[j].end += shift(at, n, p->links[j].end, false);
	}
	for (size_t j = 0; j < p->nfns; j++)
		p->fns[j].index += shift(at, n, p->fns[j].index, true);
	pango_layout_set_text(l, out.data, (int)out.len);
	pango_layout_set_attributes(l, attrs);
	if (attrs)
		pango_attr_list_unref(attrs);
	bc_buf_free(&out);
	free(at);
	return true;
}
