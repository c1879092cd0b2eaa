/* hyphenate.h - a word too wide for its table cell broken between
 * syllables ("Employ-ment") rather than wherever the cell ran out
 * ("Employme-nt"). Only such words are touched: text that fits is never
 * hyphenated, as plain-English guidance asks. Included by layout.c,
 * table.c and the unit tests. */
#ifndef BC_HYPHENATE_H
#define BC_HYPHENATE_H

#include <stdbool.h>

struct bc_para;
struct bc_hyph;

/* The hyphenation patterns for a language ("en-GB"), from the system's
 * dictionaries (libhyphen's, /usr/share/hyphen); NULL when there are
 * none for it. Caller frees with bc_hyph_free. */
struct bc_hyph *bc_hyph_open(const char *lang);
void bc_hyph_free(struct bc_hyph *h);

/* Whether p, as wrapped now, breaks a line inside a word. */
bool bc_para_breaks_word(const struct bc_para *p);

/* Soft hyphens in every word of p wider than width_pt, at the syllable
 * breaks the patterns allow, keeping p's links and footnote markers on
 * their text; p is laid out anew at its current width. Returns whether
 * any was added. */
bool bc_hyph_para(const struct bc_hyph *h, struct bc_para *p, double width_pt);

#endif
