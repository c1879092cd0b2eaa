/* metrics_lock.c - serialising Pango's font metrics (metrics_lock.h).
 *
 * The font class's get_metrics method is wrapped in a recursive lock (the
 * method lays out a sample string, which may ask for metrics again). The
 * class is shared by every font of the Cairo font map, on every thread, so
 * the wrapper is installed once and the lock is process-wide: the one piece
 * of global state in boardc, standing guard over one in Pango. */
#include "metrics_lock.h"

#include <pango/pangocairo.h>

static GRecMutex lock;
static PangoFontMetrics *(*pango_get_metrics)(PangoFont *, PangoLanguage *);

static PangoFontMetrics *locked_get_metrics(PangoFont *font, PangoLanguage *language)
{
	g_rec_mutex_lock(&lock);
	PangoFontMetrics *m = pango_get_metrics(font, language);
	g_rec_mutex_unlock(&lock);
	return m;
}

void bc_metrics_lock_install_for(PangoContext *ctx, const PangoFontDescription *desc)
{
	PangoFont *font = pango_context_load_font(ctx, desc);
	if (font) {
		PangoFontClass *k = PANGO_FONT_GET_CLASS(font);
		if (k->get_metrics && k->get_metrics != locked_get_metrics) {
			pango_get_metrics = k->get_metrics;
			k->get_metrics = locked_get_metrics;
		}
		g_object_unref(font);
	}
}

void bc_metrics_lock_install(const char *family, double size)
{
	PangoContext *ctx = pango_font_map_create_context(pango_cairo_font_map_get_default());
	PangoFontDescription *desc = pango_font_description_new();
	pango_font_description_set_family(desc, family);
	pango_font_description_set_size(desc, (gint)(size * PANGO_SCALE));
	bc_metrics_lock_install_for(ctx, desc);
	pango_font_description_free(desc);
	g_object_unref(ctx);
}
