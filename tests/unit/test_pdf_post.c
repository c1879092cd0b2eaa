/* test_pdf_post.c - the streaming finisher: the same output however Cairo
 * splits its writes; the structure tree built from markers and scripts
 * (elements, MCIDs, /Alt, /Scope, links, the parent tree); catalog
 * additions; artifacts in page content; a string holding "endobj" does not
 * end its object; object streams written between pages, lengths given
 * directly; objects numbered anew with no reference left dangling; input
 * that is not Cairo's PDF, or markers the script does not match, is an
 * error, not a damaged file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cmocka.h>
#include <zlib.h>

#include "pdf_post.h"
#include "pdf_tags.h"

struct out {
	char *data;
	size_t len;
};

/* A small tagged PDF from Cairo through the filter, Cairo's writes cut
 * into pieces of at most `chunk` bytes (0: as Cairo writes them). */
struct chunker {
	struct bc_pdf_filter *f;
	size_t chunk;
};

static cairo_status_t chunked(void *closure, const unsigned char *data, unsigned int len)
{
	struct chunker *c = closure;
	if (!c->chunk)
		return bc_pdf_filter_write(c->f, data, len);
	for (unsigned int i = 0; i < len; i += (unsigned)c->chunk) {
		unsigned int n = len - i < c->chunk ? len - i : (unsigned)c->chunk;
		cairo_status_t s = bc_pdf_filter_write(c->f, data + i, n);
		if (s != CAIRO_STATUS_SUCCESS)
			return s;
	}
	return CAIRO_STATUS_SUCCESS;
}

static int make_pdf(size_t chunk, struct out *o)
{
	FILE *fp = open_memstream(&o->data, &o->len);
	struct bc_pdf_post post = {"cy-GB", "Café (draft) endobj", "A. Author", "Subject", NULL, 5};
	struct chunker c = {bc_pdf_filter_new(fp, &post), chunk};
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(chunked, &c, 200, 200);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, "Title ) with endobj");
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_KEYWORDS, "see 999 0 R");
	/* A fixed date: else the runs differ when a second passes between them. */
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, "2024-01-01T00:00:00Z");
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, "2024-01-01T00:00:00Z");
	cairo_t *cr = cairo_create(s);
	static const char *const alts[] = {"First (figure)", "Second – dash", "Third"};
	struct bc_buf script = {0};
	for (int page = 0; page < 3; page++) {
		bc_pdf_tag_begin(cr, &script, "Figure", alts[page], 0);
		cairo_rectangle(cr, 10, 10, 50, 50);
		cairo_fill(cr);
		bc_pdf_tag_end(cr, &script);
		bc_pdf_tag_begin(cr, &script, "TH", NULL, page == 1 ? 'R' : 'C');
		cairo_move_to(cr, 10, 100);
		cairo_show_text(cr, "Header endobj stream");
		bc_pdf_tag_link(&script, 10, 90, 50, 12, 200, page == 0,
				page ? "dest-1" : "https://x.org/(a)", "the (link)");
		bc_pdf_tag_end(cr, &script);
		cairo_rectangle(cr, 0, 190, 200, 1); /* untagged: a rule */
		cairo_fill(cr);
		cairo_push_group(cr); /* a form XObject: a stream with more keys */
		cairo_rectangle(cr, 100, 10, 20, 20);
		cairo_fill(cr);
		cairo_pop_group_to_source(cr);
		cairo_paint_with_alpha(cr, 0.5);
		size_t len = script.len;
		bc_pdf_filter_page(c.f, bc_buf_detach(&script), len);
		cairo_show_page(cr);
	}
	cairo_destroy(cr);
	cairo_surface_finish(s);
	cairo_surface_destroy(s);
	struct bc_diag d;
	bc_diag_init(&d, "test.pdf", stderr);
	int rc = bc_pdf_filter_end(c.f, &d);
	fclose(fp);
	return rc;
}

static int contains(const struct out *o, const char *needle, size_t n)
{
	for (size_t i = 0; i + n <= o->len; i++)
		if (memcmp(o->data + i, needle, n) == 0)
			return 1;
	return 0;
}

/* All FlateDecode streams decompressed and concatenated. */
static struct out inflate_streams(const struct out *o)
{
	struct out all = {0};
	FILE *fp = open_memstream(&all.data, &all.len);
	const char *p = o->data, *end = o->data + o->len;
	while ((p = memchr(p, 's', (size_t)(end - p))) != NULL) {
		if ((size_t)(end - p) > 7 && memcmp(p, "stream\n", 7) == 0 && p > o->data &&
		    p[-1] == '\n') {
			unsigned char buf[65536];
			uLongf n = sizeof buf;
			const char *q = p + 7;
			if (uncompress(buf, &n, (const Bytef *)q, (uLong)(end - q)) == Z_OK ||
			    n > 0)
				fwrite(buf, 1, n, fp);
		}
		p++;
	}
	fclose(fp);
	return all;
}

static void same_output_however_writes_are_cut(void **state)
{
	(void)state;
	struct out whole = {0}, bytes = {0}, sevens = {0};
	assert_int_equal(make_pdf(0, &whole), 0);
	assert_int_equal(make_pdf(1, &bytes), 0);
	assert_int_equal(make_pdf(7, &sevens), 0);
	assert_true(whole.len > 1000);
	assert_int_equal(whole.len, bytes.len);
	assert_memory_equal(whole.data, bytes.data, whole.len);
	assert_int_equal(whole.len, sevens.len);
	assert_memory_equal(whole.data, sevens.data, whole.len);
	free(whole.data);
	free(bytes.data);
	free(sevens.data);
}

/* Every stream but the XMP metadata is compressed. */
static int all_streams_compressed(const struct out *o)
{
	int streams = 0;
	for (size_t i = 0; i + 10 <= o->len; i++) {
		if (memcmp(o->data + i, ">>\nstream\n", 10) != 0)
			continue;
		size_t j = i;
		while (j > 0 && memcmp(o->data + j, " obj\n", 5) != 0)
			j--;
		struct out dict = {o->data + j, i - j};
		if (!contains(&dict, "/Filter /FlateDecode", 20) &&
		    !contains(&dict, "/Type /Metadata", 15))
			return 0;
		streams++;
	}
	return streams;
}

/* With CAIRO_DEBUG_PDF Cairo leaves its streams uncompressed, and the
 * filter compresses them: the file is the same as when Cairo compresses. */
static void same_output_whether_cairo_compresses(void **state)
{
	(void)state;
	struct out zipped = {0}, plain = {0};
	unsetenv("CAIRO_DEBUG_PDF");
	assert_int_equal(make_pdf(0, &zipped), 0);
	setenv("CAIRO_DEBUG_PDF", "1", 1);
	assert_int_equal(make_pdf(0, &plain), 0);
	unsetenv("CAIRO_DEBUG_PDF");
	assert_true(all_streams_compressed(&zipped) >= 5);
	assert_int_equal(all_streams_compressed(&plain), all_streams_compressed(&zipped));
	assert_int_equal(plain.len, zipped.len);
	assert_memory_equal(plain.data, zipped.data, plain.len);
	struct out text = inflate_streams(&plain);
	assert_true(contains(&text, "/Artifact BMC", 13));
	free(text.data);
	free(zipped.data);
	free(plain.data);
}

static void adds_what_cairo_cannot(void **state)
{
	(void)state;
	struct out o = {0};
	assert_int_equal(make_pdf(0, &o), 0);
	assert_true(o.len > 9 && memcmp(o.data, "%PDF-1.5\n", 9) == 0);
	assert_true(contains(&o, "startxref", 9));
	assert_true(contains(&o, "/Type /XRef", 11));
	assert_true(contains(&o, "%%EOF\n", 6));
	struct out plain = inflate_streams(&o);
	assert_true(contains(&plain, "/Lang (cy-GB)", 13));
	/* Dates as PDF requires them; Cairo 1.16 leaves out the "D:". */
	assert_true(contains(&plain, "/CreationDate (D:20240101000000Z)", 33));
	assert_true(contains(&plain, "/ModDate (D:20240101000000Z)", 28));
	assert_true(contains(&plain, "/DisplayDocTitle true", 21));
	assert_true(contains(&plain, "/PageLabels << /Nums [ 0 << /S /D /St 5 >> ] >>", 47));
	assert_true(contains(&plain, "/Alt (First \\(figure\\))", 23));
	assert_true(contains(&plain, "/Alt (Third)", 12));
	/* Non-ASCII: UTF-16BE after an escaped byte order mark; U+2013 is 20 13. */
	assert_true(contains(&plain, "/Alt (\\376\\377\0S", 16));
	assert_true(contains(&plain, "\x20\x13", 2));
	assert_true(contains(&plain, "/Scope /Column", 14));
	assert_true(contains(&plain, "/Scope /Row", 11));
	/* The untagged rule is an artifact; the tagged drawing is not; no
	 * marker is left in the content. */
	assert_true(contains(&plain, "/Artifact BMC", 13));
	assert_true(contains(&plain, "/Figure <</MCID 0>> BDC", 23));
	assert_true(contains(&plain, "/TH <</MCID 1>> BDC", 19));
	assert_false(contains(&plain, BC_PDF_MARK_OPERANDS, strlen(BC_PDF_MARK_OPERANDS)));
	/* The structure tree: root, parent tree, the page's keys, links. */
	assert_true(contains(&plain, "/MarkInfo << /Marked true >>", 28));
	assert_true(contains(&plain, "/Type /StructTreeRoot", 21));
	assert_true(contains(&plain, "/ParentTreeNextKey 6", 20)); /* 3 pages, 3 links */
	assert_true(contains(&plain, "/StructParents ", 15));
	assert_true(contains(&plain, "/S /Link", 8));
	assert_true(contains(&plain, "/Rect [ 10.00 98.00 60.00 110.00 ]", 34));
	assert_true(contains(&plain, "/URI (https://x.org/\\(a\\))", 26));
	assert_true(contains(&plain, "/Dest (dest-1)", 14));
	assert_true(contains(&plain, "/Type /OBJR", 11));
	assert_true(contains(&plain, "/Contents (the \\(link\\))", 24));
	/* Objects are numbered anew, but not a string that looks like a
	 * reference. */
	assert_true(contains(&plain, "/Keywords (see 999 0 R)", 23));
	assert_true(contains(&o, "<x:xmpmeta", 10)); /* metadata is not compressed */
	free(plain.data);
	free(o.data);
}

/* A PDF drawn straight into the filter: each page's script is handed over
 * before the page is shown. */
struct run {
	struct out o;
	FILE *fp;
	struct bc_pdf_post post;
	struct bc_pdf_filter *f;
	cairo_surface_t *s;
	cairo_t *cr;
	struct bc_buf script;
};

static void run_begin(struct run *r)
{
	r->fp = open_memstream(&r->o.data, &r->o.len);
	r->post = (struct bc_pdf_post){"en-GB", "Test", NULL, NULL, NULL, 0};
	r->f = bc_pdf_filter_new(r->fp, &r->post);
	r->s = cairo_pdf_surface_create_for_stream(bc_pdf_filter_write, r->f, 200, 200);
	r->cr = cairo_create(r->s);
}

static void run_page(struct run *r)
{
	size_t len = r->script.len;
	bc_pdf_filter_page(r->f, bc_buf_detach(&r->script), len);
	cairo_show_page(r->cr);
}

/* Finishes the PDF (in r->o, which the caller frees): the filter's result,
 * its diagnostics in *log when log is not NULL (the caller frees them). */
static int run_end(struct run *r, char **log)
{
	cairo_destroy(r->cr);
	cairo_surface_finish(r->s);
	cairo_surface_destroy(r->s);
	char *l = NULL;
	size_t log_len = 0;
	FILE *lf = open_memstream(&l, &log_len);
	struct bc_diag d;
	bc_diag_init(&d, "test.pdf", lf);
	int rc = bc_pdf_filter_end(r->f, &d);
	fclose(lf);
	fclose(r->fp);
	bc_buf_free(&r->script);
	if (log)
		*log = l;
	else
		free(l);
	return rc;
}

/* Many pages of tagged text: the object streams of structure elements and
 * page dictionaries go out between the pages, not all at the end. */
static void object_streams_go_out_as_pages_come(void **state)
{
	(void)state;
	struct run r = {0};
	setenv("CAIRO_DEBUG_PDF", "1", 1);
	run_begin(&r);
	for (int page = 0; page < 150; page++) {
		for (int k = 0; k < 12; k++) {
			bc_pdf_tag_begin(r.cr, &r.script, "P", NULL, 0);
			cairo_move_to(r.cr, 10, 10 + 15 * k);
			cairo_show_text(r.cr, "A paragraph");
			bc_pdf_tag_end(r.cr, &r.script);
		}
		run_page(&r);
	}
	assert_int_equal(run_end(&r, NULL), 0);
	unsetenv("CAIRO_DEBUG_PDF");
	struct out o = r.o;
	size_t first = 0, count = 0;
	for (size_t i = 0; i + 13 <= o.len; i++)
		if (memcmp(o.data + i, "/Type /ObjStm", 13) == 0 && count++ == 0)
			first = i;
	assert_true(count >= 3);
	assert_true(first < o.len / 2);
	/* Every stream's length is given directly. */
	for (size_t i = 0; i + 8 <= o.len; i++) {
		if (memcmp(o.data + i, "/Length ", 8) != 0)
			continue;
		size_t j = i + 8;
		while (j < o.len && o.data[j] >= '0' && o.data[j] <= '9')
			j++;
		assert_false(j + 4 <= o.len && memcmp(o.data + j, " 0 R", 4) == 0);
	}
	free(o.data);
}

/* A paragraph broken by a page: set aside at the foot of the first page
 * (a footer drawn after it is an artifact), taken up at the head of the
 * second: one element, its second page's content marked by reference. */
static void one_element_across_a_page_break(void **state)
{
	(void)state;
	struct run r = {0};
	run_begin(&r);
	for (int page = 0; page < 2; page++) {
		if (page == 0)
			bc_pdf_tag_begin(r.cr, &r.script, "P", NULL, 0);
		else
			bc_pdf_tag_resume(r.cr, &r.script);
		cairo_move_to(r.cr, 10, 50);
		cairo_show_text(r.cr, page ? "ends here" : "A paragraph that");
		if (page == 0)
			bc_pdf_tag_suspend(r.cr, &r.script);
		else
			bc_pdf_tag_end(r.cr, &r.script);
		cairo_move_to(r.cr, 10, 190);
		cairo_show_text(r.cr, "Page footer");
		run_page(&r);
	}
	assert_int_equal(run_end(&r, NULL), 0);
	struct out plain = inflate_streams(&r.o);
	int ps = 0;
	for (size_t i = 0; i + 6 <= plain.len; i++)
		ps += memcmp(plain.data + i, "/S /P\n", 6) == 0;
	assert_int_equal(ps, 1);
	assert_true(contains(&plain, "/K [ 0 << /Type /MCR /Pg ", 25));
	assert_true(contains(&plain, "/P <</MCID 0>> BDC", 18));
	assert_true(contains(&plain, "/Artifact BMC", 13)); /* the footers */
	free(plain.data);
	free(r.o.data);
}

/* A marker the page's script has no event for (or an event with no
 * marker) stops the filter: a structure tree that does not match its
 * content is not written. */
static int pdf_with(int markers, const char *events, size_t nevents, char **log)
{
	struct run r = {0};
	run_begin(&r);
	struct bc_buf ignored = {0};
	for (int i = 0; i < markers; i++)
		bc_pdf_tag_end(r.cr, &ignored);
	bc_buf_free(&ignored);
	cairo_move_to(r.cr, 10, 10);
	cairo_show_text(r.cr, "text");
	bc_buf_add(&r.script, events, nevents);
	run_page(&r);
	int rc = run_end(&r, log);
	free(r.o.data);
	return rc;
}

static void rejects_markers_the_script_does_not_match(void **state)
{
	(void)state;
	char *log = NULL;
	/* Matched: a P begun and ended around nothing, then text. */
	assert_int_equal(pdf_with(2, "BP\0\0-E", 6, &log), 0);
	free(log);
	assert_int_equal(pdf_with(1, "", 0, &log), -1); /* a marker, no event */
	assert_non_null(strstr(log, "no element for it"));
	free(log);
	assert_int_equal(pdf_with(0, "BP\0\0-E", 6, &log), -1); /* events, no marker */
	assert_non_null(strstr(log, "no marker"));
	free(log);
	assert_int_equal(pdf_with(1, "E", 1, &log), -1); /* an end with no begin */
	assert_non_null(strstr(log, "never began"));
	free(log);
	assert_int_equal(pdf_with(1, "BP\0\0-", 5, &log), -1); /* never ended */
	assert_non_null(strstr(log, "still open"));
	free(log);
}

static void rejects_what_is_not_cairo_output(void **state)
{
	(void)state;
	static const char *const inputs[] = {
	    "%PDF-1.5\nhello\n",
	    "%PDF-1.5\n1 0 obj\n<< /A 1 >>\nendobj\n", /* no trailer */
	    "%PDF-1.5\n1 0 obj\n(never ends endobj\n",
	    "",
	};
	for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
		char *data = NULL;
		size_t len = 0;
		FILE *fp = open_memstream(&data, &len);
		struct bc_pdf_post post = {0};
		struct bc_pdf_filter *f = bc_pdf_filter_new(fp, &post);
		bc_pdf_filter_write(f, (const unsigned char *)inputs[i], strlen(inputs[i]));
		char *log = NULL;
		size_t log_len = 0;
		FILE *lf = open_memstream(&log, &log_len);
		struct bc_diag d;
		bc_diag_init(&d, "x.pdf", lf);
		assert_int_equal(bc_pdf_filter_end(f, &d), -1);
		fclose(lf);
		assert_non_null(strstr(log, "finishing the PDF failed"));
		assert_non_null(strstr(log, "hint: this is a fault in boardc"));
		assert_int_equal(bc_exit_status(&d), 3); /* the PDF could not be written */
		free(log);
		fclose(fp);
		free(data);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(same_output_however_writes_are_cut),
	    cmocka_unit_test(same_output_whether_cairo_compresses),
	    cmocka_unit_test(object_streams_go_out_as_pages_come),
	    cmocka_unit_test(adds_what_cairo_cannot),
	    cmocka_unit_test(rejects_what_is_not_cairo_output),
	    cmocka_unit_test(rejects_markers_the_script_does_not_match),
	    cmocka_unit_test(one_element_across_a_page_break),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
