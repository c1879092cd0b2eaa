/* check_acronym.c - acronyms used before they are spelled out: the first
 * use of each, in reading order, must carry its expansion in brackets
 * (either way round), unless a glossary lists it or it is well known. */
#include "check.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

static bool alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static bool space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* TBC is a placeholder (reported as one), not an acronym. */
static bool placeholder(const char *name)
{
	const char *what;
	size_t len;
	return bc_check_placeholder(name, &what, &len) && what == name && len == strlen(name);
}

/* Elements whose text is read as running prose. */
static bool prose_unit(enum bc_kind k)
{
	switch (k) {
	case BC_P:
	case BC_INTRO:
	case BC_RECOMMENDATION:
	case BC_CONSULTEE:
	case BC_DOCUMENT:
	case BC_CAPTION:
	case BC_SOURCE:
	case BC_FN:
	case BC_ALT:
	case BC_CELL:
	case BC_EXEMPT:
		return true;
	default:
		return false;
	}
}

struct acronym {
	char name[16];
	const struct bc_node *first; /* first use */
	bool defined_first;	     /* spelled out there */
	char *expansion;	     /* from a later definition, for the hint */
};

struct acronyms {
	struct acronym *v;
	size_t n, cap;
	char **glossary; /* acronyms a glossary section lists */
	size_t nglossary, glossary_cap;
};

static bool is_known(const struct bc_check_config *cfg, const char *a)
{
	for (size_t i = 0; i < cfg->nacronyms; i++)
		if (!strcmp(cfg->acronyms[i], a))
			return true;
	return false;
}

/* Roman numerals (Part II, Schedule XII) and placeholder XX are not
 * acronyms. */
static bool roman(const char *a)
{
	return strspn(a, "IVX") == strlen(a);
}

/* If s[0..len) is an acronym (2-6 capitals, '&' inside, then an optional
 * plural s or possessive), copy its name and return the length of the
 * capitals part; else 0. */
static size_t acronym_at(const char *s, size_t len, char name[16])
{
	size_t caps = 0, letters = 0;
	while (caps < len && ((s[caps] >= 'A' && s[caps] <= 'Z') || s[caps] == '&')) {
		letters += s[caps] != '&';
		caps++;
	}
	if (letters < 2 || letters > 6 || s[0] == '&' || s[caps - 1] == '&')
		return 0;
	const char *rest = s + caps;
	size_t rlen = len - caps;
	if (!(rlen == 0 || (rlen == 1 && rest[0] == 's') || (rlen == 2 && !strcmp(rest, "'s")) ||
	      (rlen == 4 && !strncmp(rest, "\xe2\x80\x99s", 4))))
		return 0;
	memcpy(name, s, caps);
	name[caps] = '\0';
	return caps;
}

/* Initials of the words before position `end` in t (at most 14 words). */
static size_t initials_before(const char *t, size_t end, char *out, size_t *starts)
{
	size_t n = 0;
	size_t i = end;
	char rev[16];
	size_t revpos[16];
	while (i > 0 && n < 14) {
		while (i > 0 && !alnum((unsigned char)t[i - 1]))
			i--;
		size_t e = i;
		while (i > 0 && (alnum((unsigned char)t[i - 1]) || t[i - 1] == '\''))
			i--;
		if (i == e)
			break;
		rev[n] = t[i];
		revpos[n] = i;
		n++;
		/* A sentence or clause boundary ends the search. */
		size_t k = i;
		while (k > 0 && space((unsigned char)t[k - 1]))
			k--;
		if (k > 0 && strchr(".;:(", t[k - 1]))
			break;
	}
	for (size_t k = 0; k < n; k++) {
		out[k] = rev[n - 1 - k];
		starts[k] = revpos[n - 1 - k];
	}
	return n;
}

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* "Joint Strategic Needs Assessment (JSNA)": the words before the bracket
 * give at least half the acronym's letters, in order, starting with its
 * first. Returns where the expansion starts, or -1. */
static long defined_before(const char *t, size_t open, const char *name)
{
	char ini[16];
	size_t starts[16];
	size_t n = initials_before(t, open, ini, starts);
	char letters[16];
	size_t nl = 0;
	for (const char *c = name; *c; c++)
		if (*c != '&')
			letters[nl++] = lower(*c);
	for (size_t k = 0; k < n; k++) {
		if (lower(ini[k]) != letters[0])
			continue;
		/* Words may be skipped ("of", "and"), and so may letters taken
		 * from inside a word ("Multidisciplinary teams (MDTs)"). */
		size_t matched = 1, j = 1;
		for (size_t w = k + 1; w < n && j < nl; w++)
			for (size_t l = j; l < nl; l++)
				if (lower(ini[w]) == letters[l]) {
					matched++;
					j = l + 1;
					break;
				}
		if (matched * 2 >= nl && (n - k) <= nl + 4)
			return (long)starts[k];
	}
	return -1;
}

/* "JSNA (Joint Strategic Needs Assessment)": bracketed words after it, the
 * first starting with the acronym's first letter. */
static bool defined_after(const char *t, size_t after, const char *name, size_t *e_start,
			  size_t *e_end)
{
	size_t i = after;
	while (space((unsigned char)t[i]))
		i++;
	if (t[i] != '(')
		return false;
	const char *close = strchr(t + i, ')');
	if (!close || lower(t[i + 1]) != lower(name[0]))
		return false;
	size_t words = 0;
	for (const char *p = t + i + 1; p < close; p++)
		words += space((unsigned char)*p) && !space((unsigned char)p[1]);
	*e_start = i + 1;
	*e_end = (size_t)(close - t);
	return words >= 1;
}

static struct acronym *acronym_entry(struct acronyms *as, const char *name)
{
	for (size_t i = 0; i < as->n; i++)
		if (!strcmp(as->v[i].name, name))
			return &as->v[i];
	return NULL;
}

static bool in_glossary(const struct acronyms *as, const char *name)
{
	for (size_t i = 0; i < as->nglossary; i++)
		if (!strcmp(as->glossary[i], name))
			return true;
	return false;
}

/* Calls fn for every acronym in t with its position. */
static void each_acronym(const char *t,
			 void (*fn)(void *arg, const char *t, size_t start, size_t caps, size_t end,
				    const char *name),
			 void *arg)
{
	size_t i = 0, len = strlen(t);
	while (i < len) {
		while (i < len && !alnum((unsigned char)t[i]) && t[i] != '&')
			i++;
		size_t s = i;
		while (i < len && (alnum((unsigned char)t[i]) || t[i] == '&' || t[i] == '\'' ||
				   !strncmp(t + i, "\xe2\x80\x99", 3)))
			i += !strncmp(t + i, "\xe2\x80\x99", 3) ? 3 : 1;
		char name[16];
		size_t caps = i > s && i - s < 16 ? acronym_at(t + s, i - s, name) : 0;
		if (caps)
			fn(arg, t, s, caps, i, name);
		if (i == s)
			i++;
	}
}

struct use_ctx {
	struct bc_check_ctx *cx;
	struct acronyms *as;
	const struct bc_node *unit;
};

static void note_glossary(void *arg, const char *t, size_t start, size_t caps, size_t end,
			  const char *name)
{
	(void)t;
	(void)start;
	(void)caps;
	(void)end;
	struct acronyms *as = arg;
	if (!in_glossary(as, name))
		BC_PUSH(as->glossary, as->nglossary, as->glossary_cap, bc_xstrdup(name));
}

static void note_use(void *arg, const char *t, size_t start, size_t caps, size_t end,
		     const char *name)
{
	struct use_ctx *u = arg;
	if (is_known(u->cx->cfg, name) || roman(name) || placeholder(name) ||
	    in_glossary(u->as, name))
		return;
	(void)caps;
	/* "(JSNA)", or "(NHS H&F)" after "NHS Hammersmith and Fulham". */
	size_t open = start;
	while (open > 0 && start - open < 16 &&
	       ((t[open - 1] >= 'A' && t[open - 1] <= 'Z') || t[open - 1] == '&' ||
		t[open - 1] == ' '))
		open--;
	bool bracketed = open > 0 && t[open - 1] == '(' && t[end] == ')';
	long before = bracketed ? defined_before(t, open - 1, name) : -1;
	size_t es = 0, ee = 0;
	bool after = !bracketed && defined_after(t, end, name, &es, &ee);
	struct acronym *a = acronym_entry(u->as, name);
	if (!a) {
		struct acronym na = {{0}, u->unit, before >= 0 || after, NULL};
		memcpy(na.name, name, strlen(name) + 1);
		BC_PUSH(u->as->v, u->as->n, u->as->cap, na);
		return;
	}
	if (!a->defined_first && !a->expansion && (before >= 0 || after)) {
		if (before >= 0) {
			size_t e = start - 1;
			while (e > (size_t)before && space((unsigned char)t[e - 1]))
				e--;
			a->expansion =
			    bc_xasprintf("%.*s (%s)", (int)(e - (size_t)before), t + before, name);
		} else {
			a->expansion = bc_xasprintf("%.*s (%s)", (int)(ee - es), t + es, name);
		}
	}
}

static bool glossary_title(const struct bc_node *n)
{
	const char *t = bc_node_attr(n, "title");
	if (!t || (n->kind != BC_SECTION && n->kind != BC_APPENDIX))
		return false;
	static const char *const words[] = {"glossary", "abbreviation", "acronym"};
	for (size_t i = 0; i < 3; i++)
		for (const char *p = t; *p; p++)
			if (!strncasecmp(p, words[i], strlen(words[i])))
				return true;
	return false;
}

void bc_check_acronyms(struct bc_check_ctx *cx)
{
	if (!bc_check_enabled(cx->cfg, BC_RULE_ACRONYM))
		return;
	struct acronyms as = {0};
	/* A glossary anywhere defines what it lists, for the whole paper. */
	for (const struct bc_node *g = cx->root; g; g = bc_node_walk(cx->root, g, false)) {
		if (!glossary_title(g))
			continue;
		for (const struct bc_node *n = g; n; n = bc_node_walk(g, n, false))
			if (n->kind == BC_TEXT)
				each_acronym(n->text, note_glossary, &as);
	}
	for (const struct bc_node *n = cx->root; n; n = bc_node_walk(cx->root, n, false)) {
		struct use_ctx u = {cx, &as, n};
		/* A heading is read before what it heads, and may spell out. */
		const char *heading = n->kind == BC_OPTION		? bc_node_attr(n, "name")
				      : bc_kind_is_sectionlike(n->kind) ? bc_node_attr(n, "title")
									: NULL;
		if (heading)
			each_acronym(heading, note_use, &u);
		if (!prose_unit(n->kind))
			continue;
		char *t = bc_node_text(n);
		each_acronym(t, note_use, &u);
		free(t);
	}
	for (size_t i = 0; i < as.n; i++) {
		struct acronym *a = &as.v[i];
		if (!a->defined_first) {
			struct bc_finding *f = bc_check_add(
			    cx, BC_RULE_ACRONYM, a->first,
			    a->expansion ? "acronym '%s' is used before it is spelled out"
					 : "acronym '%s' is never spelled out",
			    a->name);
			if (a->expansion)
				bc_check_hint(f, "spell it out at its first use: %s", a->expansion);
			else
				bc_check_hint(
				    f, "spell it out at its first use, as in \"Joint "
				       "Strategic Needs Assessment (JSNA)\", or list it in a "
				       "glossary; boardc-check.xml can list well-known ones");
			bc_check_place(cx, f, a->name);
		}
		free(a->expansion);
	}
	free(as.v);
	for (size_t i = 0; i < as.nglossary; i++)
		free(as.glossary[i]);
	free(as.glossary);
}
