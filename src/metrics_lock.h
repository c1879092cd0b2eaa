/* metrics_lock.h - making Pango's font metrics safe to compute on several
 * threads at once.
 *
 * Pango 1.50 computes a font's metrics (and caches them in the font) under
 * a process-wide recursion guard that is not thread-safe: when two threads
 * compute metrics at the same moment, one of them gets an approximate
 * character width of 0. Line breaking uses that width, so a paper laid out
 * beside another could break its lines differently. The lock serialises
 * metrics computation for every font Pango's Cairo font map makes. Called
 * before threads lay text out (boardc pack, and build on several threads);
 * installing it again is harmless. */
#ifndef BC_METRICS_LOCK_H
#define BC_METRICS_LOCK_H

#include <pango/pango.h>

/* Found through a font of this thread's default font map: give the one
 * about to be used, and no font matching is wasted. */
void bc_metrics_lock_install(const char *family, double size);
/* The same, found through a font ctx already has (no font matching). */
void bc_metrics_lock_install_for(PangoContext *ctx, const PangoFontDescription *desc);

#endif
