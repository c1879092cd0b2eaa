/* test_metrics_lock.c - Pango font metrics computed on two threads at once
 * are right on both (metrics_lock.h): without the lock, Pango 1.50 gives
 * one of them an approximate character width of 0, and line breaks then
 * depend on which papers were laid out side by side. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>

#include <cmocka.h>
#include <pango/pangocairo.h>

#include "metrics_lock.h"

enum { ROUNDS = 20 };

struct run {
	pthread_barrier_t *start;
	int widths[ROUNDS];
};

/* Each round: a new font map (so metrics are computed, not cached),
 * both threads asking for the same font's metrics at the same moment. */
static void *measure(void *arg)
{
	struct run *r = arg;
	for (int i = 0; i < ROUNDS; i++) {
		PangoFontMap *fm = pango_cairo_font_map_new();
		PangoContext *ctx = pango_font_map_create_context(fm);
		PangoFontDescription *desc =
		    pango_font_description_from_string("Liberation Sans 11");
		PangoFont *font = pango_context_load_font(ctx, desc);
		pthread_barrier_wait(r->start);
		PangoFontMetrics *m =
		    pango_font_get_metrics(font, pango_language_from_string("en-gb"));
		r->widths[i] = pango_font_metrics_get_approximate_char_width(m);
		pango_font_metrics_unref(m);
		g_object_unref(font);
		pango_font_description_free(desc);
		g_object_unref(ctx);
		g_object_unref(fm);
	}
	return NULL;
}

static void same_metrics_on_two_threads(void **state)
{
	(void)state;
	bc_metrics_lock_install("Liberation Sans", 11);
	bc_metrics_lock_install("Liberation Sans", 11); /* a second install changes nothing */
	pthread_barrier_t start;
	pthread_barrier_init(&start, NULL, 2);
	struct run a = {.start = &start}, b = {.start = &start};
	pthread_t ta, tb;
	assert_int_equal(pthread_create(&ta, NULL, measure, &a), 0);
	assert_int_equal(pthread_create(&tb, NULL, measure, &b), 0);
	pthread_join(ta, NULL);
	pthread_join(tb, NULL);
	pthread_barrier_destroy(&start);
	for (int i = 0; i < ROUNDS; i++) {
		assert_true(a.widths[i] > 0);
		assert_int_equal(a.widths[i], b.widths[i]);
		assert_int_equal(a.widths[i], a.widths[0]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(same_metrics_on_two_threads),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
