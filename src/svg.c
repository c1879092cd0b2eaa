/* svg.c - draw an SVG into a Cairo recording surface with librsvg.
 *
 * librsvg and the ten libraries it brings (gdk-pixbuf, gio, libjpeg, ...)
 * are opened the first time a style has an SVG logo, not at start-up:
 * linking them cost every run about 3 ms, a twentieth of building a
 * 20-page paper, and few styles have an SVG logo. dlopen is reference
 * counted and the library is never unloaded (its GObject types stay
 * registered), so there is nothing to keep between calls.
 */
#include "svg.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#include <librsvg/rsvg.h>

#define RSVG_SONAME "librsvg-2.so.2"

struct rsvg_api {
	RsvgHandle *(*new_from_data)(const guint8 *, gsize, GError **);
	void (*set_dpi)(RsvgHandle *, double);
	gboolean (*size_in_pixels)(RsvgHandle *, gdouble *, gdouble *);
	void (*dimensions)(RsvgHandle *, gboolean *, RsvgLength *, gboolean *, RsvgLength *,
			   gboolean *, RsvgRectangle *);
	gboolean (*render_document)(RsvgHandle *, cairo_t *, const RsvgRectangle *, GError **);
};

/* Fill api from librsvg; false, with the reason in why, if it cannot be. */
static bool open_rsvg(struct rsvg_api *api, char *why, size_t size)
{
	void *lib = dlopen(RSVG_SONAME, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
	if (!lib) {
		const char *e = dlerror();
		snprintf(why, size, "cannot be drawn: librsvg is not installed (%s)",
			 e ? e : RSVG_SONAME);
		return false;
	}
	struct {
		const char *name;
		void *slot;
	} want[] = {
	    {"rsvg_handle_new_from_data", &api->new_from_data},
	    {"rsvg_handle_set_dpi", &api->set_dpi},
	    {"rsvg_handle_get_intrinsic_size_in_pixels", &api->size_in_pixels},
	    {"rsvg_handle_get_intrinsic_dimensions", &api->dimensions},
	    {"rsvg_handle_render_document", &api->render_document},
	};
	bool ok = true;
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		void *fn = dlsym(lib, want[i].name);
		if (!fn) {
			snprintf(why, size,
				 "cannot be drawn: %s has no %s (librsvg 2.52 or later is needed)",
				 RSVG_SONAME, want[i].name);
			ok = false;
			break;
		}
		/* POSIX: a data pointer from dlsym converts to a function pointer. */
		memcpy(want[i].slot, &fn, sizeof fn);
	}
	dlclose(lib); /* RTLD_NODELETE: the functions stay mapped */
	return ok;
}

cairo_surface_t *bc_svg_render(const char *bytes, size_t len, double *width, double *height,
			       char *why, size_t size)
{
	struct rsvg_api api;
	if (!open_rsvg(&api, why, size))
		return NULL;
	/* From bytes, with no base file: relative references cannot load. */
	GError *err = NULL;
	RsvgHandle *h = api.new_from_data((const guint8 *)bytes, len, &err);
	if (!h) {
		/* librsvg's parse messages end in a newline. */
		const char *m = err && err->message ? err->message : "?";
		int n = (int)strlen(m);
		while (n > 0 && (m[n - 1] == '\n' || m[n - 1] == ' '))
			n--;
		snprintf(why, size, "is not a readable SVG (%.*s)", n, m);
		g_clear_error(&err);
		return NULL;
	}
	api.set_dpi(h, 72); /* one CSS pixel = one point */
	double w = 0, ht = 0;
	if (!api.size_in_pixels(h, &w, &ht)) {
		gboolean has_vb = FALSE;
		RsvgRectangle vb = {0, 0, 0, 0};
		api.dimensions(h, NULL, NULL, NULL, NULL, &has_vb, &vb);
		w = has_vb ? vb.width : 0;
		ht = has_vb ? vb.height : 0;
	}
	cairo_surface_t *rec = NULL;
	if (!(w > 0 && ht > 0 && w < 100000 && ht < 100000)) {
		snprintf(why, size,
			 "has no usable size: give the <svg> a viewBox, or a width "
			 "and height");
	} else {
		cairo_rectangle_t ext = {0, 0, w, ht};
		rec = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &ext);
		cairo_t *cr = cairo_create(rec);
		RsvgRectangle vp = {0, 0, w, ht};
		gboolean ok = api.render_document(h, cr, &vp, &err);
		cairo_status_t cs = cairo_status(cr);
		cairo_destroy(cr);
		if (!ok || cs != CAIRO_STATUS_SUCCESS) {
			snprintf(why, size, "cannot be drawn (%s)",
				 err ? err->message : cairo_status_to_string(cs));
			g_clear_error(&err);
			cairo_surface_destroy(rec);
			rec = NULL;
		} else {
			*width = w;
			*height = ht;
		}
	}
	g_object_unref(h);
	return rec;
}
