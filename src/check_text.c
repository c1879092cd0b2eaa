/* check_text.c - rules over the words of a paper: placeholder text left in
 * (TBC, [insert ...], XX, lorem ipsum, "to follow") and readability (long
 * sentences and paragraphs). Acronyms are in check_acronym.c. */
#include "check.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

/* ---- placeholders ---- */

static bool alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static bool wordish(unsigned char c)
{
	return alnum(c) || c >= 0x80;
}

static bool space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* "[insert the title]": a bracket opening with one of these words. */
static size_t bracket_placeholder(const char *s)
{
	static const char *const words[] = {"insert", "add ",	     "enter ",	  "todo",
					    "to do",  "tbc",	     "tba",	  "tbd",
					    "xx",     "placeholder", "to follow", "details"};
	const char *p = s + 1;
	while (space((unsigned char)*p))
		p++;
	for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
		if (strncasecmp(p, words[i], strlen(words[i])) != 0)
			continue;
		const char *end = strchr(p, ']');
		return end ? (size_t)(end - s) + 1 : strlen(s);
	}
	return 0;
}

/* TBC, TBA, TBD, TODO, FIXME as whole words. */
static size_t word_placeholder(const char *s)
{
	static const char *const words[] = {"TBC", "TBA", "TBD", "TODO", "FIXME"};
	for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
		size_t n = strlen(words[i]);
		if (!strncasecmp(s, words[i], n) && !wordish((unsigned char)s[n]))
			return n;
	}
	return 0;
}

/* XX, £XXm, 20XX, xx,xxx: a token whose letters are all x (two or more),
 * apart from an amount's suffix. */
static size_t x_placeholder(const char *s)
{
	size_t n = 0, xs = 0, others = 0;
	while (s[n] && !space((unsigned char)s[n]) && !strchr("()[]{};:!?\"/", s[n]))
		n++;
	size_t end = n;
	while (end && (s[end - 1] == '.' || s[end - 1] == ','))
		end--; /* sentence punctuation after the token */
	size_t letters_end = end;
	if (letters_end >= 2 && !strncmp(s + letters_end - 2, "bn", 2))
		letters_end -= 2;
	else if (letters_end && (s[letters_end - 1] == 'm' || s[letters_end - 1] == 'k'))
		letters_end--;
	for (size_t i = 0; i < letters_end; i++) {
		if (s[i] == 'x' || s[i] == 'X')
			xs++;
		else if ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'))
			others++;
	}
	return xs >= 2 && !others ? end : 0;
}

/* "to follow" as a promise, not as English: "Details to follow.", "(to
 * follow)"; at most three words before it in its sentence and nothing
 * after it but punctuation. */
static size_t follow_placeholder(const char *start, const char *s)
{
	static const char phrase[] = "to follow";
	size_t n = sizeof phrase - 1;
	if (strncasecmp(s, phrase, n) != 0 || wordish((unsigned char)s[n]))
		return 0;
	const char *after = s + n;
	while (space((unsigned char)*after))
		after++;
	if (*after && !strchr(".)];,", *after))
		return 0;
	int words = 0;
	bool in_word = false;
	for (const char *p = s; p > start; p--) {
		unsigned char c = (unsigned char)p[-1];
		if (strchr(".!?:;([", c))
			break;
		if (space(c)) {
			in_word = false;
		} else if (!in_word) {
			in_word = true;
			words++;
		}
	}
	return words <= 3 ? n : 0;
}

bool bc_check_placeholder(const char *s, const char **what, size_t *len)
{
	for (const char *p = s; *p; p++) {
		size_t n = 0;
		bool boundary = p == s || !wordish((unsigned char)p[-1]);
		if (*p == '[')
			n = bracket_placeholder(p);
		else if (*p == '?' && p[1] == '?')
			n = strspn(p, "?");
		else if (boundary && !strncasecmp(p, "lorem ipsum", 11))
			n = 11;
		else if (boundary)
			n = word_placeholder(p);
		if (!n && boundary && (p == s || space((unsigned char)p[-1]) || p[-1] == '('))
			n = x_placeholder(p);
		if (!n && boundary)
			n = follow_placeholder(s, p);
		if (n) {
			*what = p;
			*len = n;
			return true;
		}
	}
	return false;
}

/* For messages: whitespace collapsed, at most about 60 bytes. */
static char *shorten(const char *s, size_t len)
{
	struct bc_buf b = {0};
	for (size_t i = 0; i < len; i++) {
		if (space((unsigned char)s[i])) {
			if (b.len && b.data[b.len - 1] != ' ')
				bc_buf_addc(&b, ' ');
		} else if (b.len >= 60 && ((unsigned char)s[i] & 0xC0) != 0x80) {
			bc_buf_adds(&b, "...");
			break;
		} else {
			bc_buf_addc(&b, s[i]);
		}
	}
	return b.data ? bc_buf_detach(&b) : bc_xstrdup("");
}

/* The first word of a placeholder, to find it in the source. */
static char *first_word(const char *s, size_t len)
{
	size_t n = 0;
	while (n < len && n < 40 && !space((unsigned char)s[n]))
		n++;
	return bc_xstrndup(s, n);
}

static enum bc_rule placeholder_rule(const struct bc_check_ctx *cx)
{
	return cx->for_decision ? BC_RULE_PLACEHOLDER_DECISION : BC_RULE_PLACEHOLDER_TEXT;
}

/* Attributes that hold names, numbers and references, never prose. */
static bool prose_attr(const char *name)
{
	static const char *const skip[] = {"id",
					   "to",
					   "href",
					   "src",
					   "type",
					   "kind",
					   "numbered",
					   "page-break",
					   "recommended",
					   "key",
					   "total",
					   "align",
					   "width",
					   "colspan",
					   "style",
					   "template",
					   "numbering",
					   "lang",
					   "appendix-numbering",
					   "date",
					   "time",
					   "position",
					   "orientation",
					   "mode",
					   "sort",
					   "top",
					   "unit",
					   "donut",
					   "sizing",
					   "arrow-direction",
					   "line",
					   "illustrative",
					   "value",
					   "category",
					   "values",
					   "paragraph",
					   "start"};
	for (size_t i = 0; i < sizeof skip / sizeof *skip; i++)
		if (!strcmp(name, skip[i]))
			return false;
	return true;
}

static void placeholder_attrs(struct bc_check_ctx *cx, const struct bc_node *n)
{
	for (size_t i = 0; i < n->nattrs; i++) {
		const char *v = n->attrs[i].value, *what;
		size_t len;
		if (!prose_attr(n->attrs[i].name) || !bc_check_placeholder(v, &what, &len))
			continue;
		char *ph = shorten(what, len);
		struct bc_finding *f = bc_check_add(
		    cx, placeholder_rule(cx), n, "placeholder \"%s\" in the %s attribute of <%s>",
		    ph, n->attrs[i].name, bc_kind_name(n->kind));
		bc_check_hint(f, "replace it with the real %s before the paper is published",
			      n->attrs[i].name);
		char *needle = bc_xasprintf("%s=", n->attrs[i].name);
		bc_check_place(cx, f, needle);
		free(needle);
		free(ph);
	}
}

static void placeholder_text(struct bc_check_ctx *cx, const struct bc_node *t)
{
	const char *what;
	size_t len;
	for (const char *p = t->text; bc_check_placeholder(p, &what, &len); p = what + len) {
		const struct bc_node *el = bc_check_element(t);
		char *ph = shorten(what, len), *word = first_word(what, len);
		struct bc_finding *f =
		    bc_check_add(cx, placeholder_rule(cx), t, "placeholder \"%s\" in <%s>", ph,
				 bc_kind_name(el ? el->kind : BC_P));
		bc_check_hint(f, "write the real text before the paper is published");
		bc_check_place(cx, f, word);
		free(ph);
		free(word);
	}
}

/* An implication whose whole text is a placeholder ("TBC"). */
static bool placeholder_implication(struct bc_check_ctx *cx, const struct bc_node *n)
{
	char *t = bc_node_text(n);
	const char *what;
	size_t len;
	bool whole = bc_check_placeholder(t, &what, &len);
	for (const char *p = t; whole && *p; p++)
		if ((p < what || p >= what + len) && wordish((unsigned char)*p))
			whole = false;
	if (whole) {
		char *ph = shorten(what, len);
		const char *type = bc_node_attr(n, "type");
		struct bc_finding *f = bc_check_add(cx, placeholder_rule(cx), n,
						    "implication '%s' is a placeholder (\"%s\")",
						    type ? type : "", ph);
		bc_check_hint(f, "state the %s implications, or that there are none",
			      type ? type : "");
		free(ph);
	}
	free(t);
	return whole;
}

static void placeholders(struct bc_check_ctx *cx)
{
	if (!bc_check_enabled(cx->cfg, placeholder_rule(cx)))
		return;
	const struct bc_node *n = cx->root;
	while (n) {
		bool skip = n->kind == BC_SUPPRESS || n->kind == BC_ALT; /* alt: figure-alt */
		if (!skip && n->kind != BC_TEXT)
			placeholder_attrs(cx, n);
		if (!skip && n->kind == BC_IMPLICATION)
			skip = placeholder_implication(cx, n);
		if (!skip && n->kind == BC_TEXT)
			placeholder_text(cx, n);
		n = bc_node_walk(cx->root, n, skip);
	}
}

/* ---- readability ---- */

static int count_words(const char *s, size_t len)
{
	int words = 0;
	bool in_word = false, has_alnum = false;
	for (size_t i = 0; i <= len; i++) {
		bool sp = i == len || space((unsigned char)s[i]);
		if (sp) {
			words += in_word && has_alnum;
			in_word = has_alnum = false;
		} else {
			in_word = true;
			has_alnum |= wordish((unsigned char)s[i]);
		}
	}
	return words;
}

/* Whether the full stop at t[i] ends an abbreviation or an initial. */
static bool abbreviation(const char *t, size_t i)
{
	static const char *const abbr[] = {
	    "e.g", "i.e", "etc", "cf",	"vs",  "no",   "nos",  "para", "paras", "approx", "incl",
	    "mr",  "mrs", "ms",	 "dr",	"st",  "cllr", "prof", "ref",  "fig",	"ltd",	  "co",
	    "inc", "jan", "feb", "mar", "apr", "jun",  "jul",  "aug",  "sep",	"sept",	  "oct",
	    "nov", "dec", "s",	 "ss",	"p",   "pp",   "vol",  "op",   "al",	"ibid",	  "viz"};
	size_t s = i;
	while (s > 0 && !space((unsigned char)t[s - 1]) && t[s - 1] != '(')
		s--;
	size_t n = i - s;
	if (n == 1 && t[s] >= 'A' && t[s] <= 'Z')
		return true; /* an initial: J. Smith */
	for (size_t k = 0; k < sizeof abbr / sizeof *abbr; k++)
		if (strlen(abbr[k]) == n && !strncasecmp(t + s, abbr[k], n))
			return true;
	return false;
}

/* Length of the sentence starting at t (up to and including its end). */
static size_t sentence_end(const char *t)
{
	for (size_t i = 0; t[i]; i++) {
		if (t[i] != '.' && t[i] != '!' && t[i] != '?')
			continue;
		size_t j = i + 1;
		while (t[j] == ')' || t[j] == '"' || t[j] == '\'')
			j++;
		if (t[j] && !space((unsigned char)t[j]))
			continue;
		size_t k = j;
		while (space((unsigned char)t[k]))
			k++;
		if (!t[k])
			return k;
		if (t[i] == '.' && (abbreviation(t, i) || (t[k] >= 'a' && t[k] <= 'z')))
			continue;
		return j;
	}
	return strlen(t);
}

/* Bytes of s[0..len) up to the end of its first `words` words. */
static size_t words_prefix(const char *s, size_t len, int words)
{
	size_t n = 0;
	int w = 0;
	while (n < len) {
		if (space((unsigned char)s[n]) && n && !space((unsigned char)s[n - 1]) &&
		    ++w == words)
			break;
		n++;
	}
	return n;
}

static char *opening_words(const char *s, size_t len, int words)
{
	size_t n = words_prefix(s, len, words);
	return bc_xasprintf("%.*s%s", (int)n, s, n < len ? "..." : "");
}

/* Units read as sentences: paragraphs (not in tables or quotations),
 * recommendations and their lead-in. */
static bool sentence_unit(const struct bc_node *n)
{
	if (n->kind != BC_P && n->kind != BC_RECOMMENDATION && n->kind != BC_INTRO)
		return false;
	for (const struct bc_node *p = n->parent; p; p = p->parent)
		if (p->kind == BC_TD || p->kind == BC_TH || p->kind == BC_QUOTE)
			return false;
	return true;
}

static void readability(struct bc_check_ctx *cx)
{
	bool sentences = bc_check_enabled(cx->cfg, BC_RULE_SENTENCE_LENGTH);
	bool paragraphs = bc_check_enabled(cx->cfg, BC_RULE_PARAGRAPH_LENGTH);
	if (!sentences && !paragraphs)
		return;
	int smax = cx->cfg->sentence_words, pmax = cx->cfg->paragraph_words;
	for (const struct bc_node *n = cx->root; n; n = bc_node_walk(cx->root, n, false)) {
		if (!sentence_unit(n))
			continue;
		char *t = bc_node_text(n);
		struct bc_finding *f;
		int total = count_words(t, strlen(t));
		if (paragraphs && n->kind == BC_P && total > pmax) {
			char *o = opening_words(t, strlen(t), 6);
			f = bc_check_add(cx, BC_RULE_PARAGRAPH_LENGTH, n,
					 "paragraph of %d words (the limit is %d): \"%s\"", total,
					 pmax, o);
			bc_check_hint(f, "split it: one point to a paragraph");
			free(o);
		}
		for (const char *s = t; sentences && *s;) {
			while (space((unsigned char)*s))
				s++;
			size_t len = sentence_end(s);
			int words = count_words(s, len);
			if (words > smax) {
				char *o = opening_words(s, len, 6);
				char *needle = bc_xstrndup(s, words_prefix(s, len, 2));
				f = bc_check_add(cx, BC_RULE_SENTENCE_LENGTH, n,
						 "sentence of %d words (the limit is %d): \"%s\"",
						 words, smax, o);
				bc_check_hint(f, "split it, or make a list of its parts");
				bc_check_place(cx, f, needle);
				free(o);
				free(needle);
			}
			s += len;
		}
		free(t);
	}
}

void bc_check_text(struct bc_check_ctx *cx)
{
	placeholders(cx);
	bc_check_acronyms(cx);
	readability(cx);
}
