/* chart_quadrant.c - quadrant charts (placeholder until implemented: draws a frame). */
#include "chart.h"
#include "util.h"

static double height(const struct bc_chart *c, struct bc_chart_ctx *cx, double width)
{
	(void)c;
	(void)cx;
	return width / 3;
}

static void draw(const struct bc_chart *c, struct bc_chart_ctx *cx, double x, double y, double w,
		 double h)
{
	(void)c;
	bc_chart_rect(cx, x, y, w, h, bc_chart_base_colour());
}

static char *describe(const struct bc_chart *c)
{
	(void)c;
	return bc_xstrdup("quadrant chart");
}

const struct bc_chart_ops bc_chart_quadrant_ops = {height, draw, describe};
