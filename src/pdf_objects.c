/* pdf_objects.c - writing the finished PDF's objects (pdf_objects.h).
 *
 * Object numbers are given out here, one counter for all: the finisher
 * numbers Cairo's objects anew as they go out and its own (structure
 * elements, annotations) from the same counter. Streams are written as
 * they come. Other objects (structure elements, annotations, dictionaries:
 * most of a tagged file's objects) are gathered 200 at a time and
 * compressed together into object streams, each written as soon as it is
 * full under the next number. The cross-reference stream then gives each
 * object's place: a byte offset, or an object stream and an index in it. */
#include "pdf_objects.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <libdeflate.h>

#include "util.h"

const char bc_pdf_end_stream[] = "\nendstream\nendobj\n";

/* The cross-reference stream's rows are kept as they will be written,
 * 7 bytes an object (/W [ 1 4 2 ]): the type (0 free, 1 at a byte offset,
 * 2 in an object stream), the offset or the object stream (a batch number
 * until the end), and the generation or the index in that stream. */
enum { XROW = 7 };

/* Small objects gathered for one object stream. */
struct batch {
	struct bc_buf head, body; /* "num offset ..." and the objects */
	unsigned n;
};

struct bc_pdf_objects {
	FILE *out;
	bool failed;
	const char *error;
	uint64_t offset;  /* bytes written */
	unsigned char *x; /* cross-reference rows, by object number */
	size_t nx;
	bool too_big; /* an offset past 4 GB */
	struct batch batch;
	size_t batch_num; /* the object number the open batch will be written under */
	size_t next;	  /* the next object number to give out */
	uint64_t hash[2]; /* FNV-1a over the output, for /ID */
	struct libdeflate_compressor *zc;
};

struct bc_pdf_objects *bc_pdf_objects_new(FILE *out)
{
	struct bc_pdf_objects *w = bc_xcalloc(1, sizeof *w);
	w->out = out;
	w->hash[0] = 0xcbf29ce484222325u;
	w->hash[1] = 0x84222325cbf29ce4u;
	w->zc = libdeflate_alloc_compressor(BC_PDF_DEFLATE_LEVEL); /* NULL: deflate fails */
	w->next = 1;
	return w;
}

void bc_pdf_objects_free(struct bc_pdf_objects *w)
{
	free(w->x);
	bc_buf_free(&w->batch.head);
	bc_buf_free(&w->batch.body);
	libdeflate_free_compressor(w->zc);
	free(w);
}

bool bc_pdf_objects_failed(const struct bc_pdf_objects *w)
{
	return w->failed;
}

void bc_pdf_objects_raw(struct bc_pdf_objects *w, const char *s, size_t n)
{
	if (w->failed || n == 0)
		return;
	if (fwrite(s, 1, n, w->out) != n) {
		w->failed = true;
		return;
	}
	w->offset += n;
	for (size_t i = 0; i < n; i++) {
		w->hash[0] = (w->hash[0] ^ (unsigned char)s[i]) * 0x100000001b3u;
		w->hash[1] = (w->hash[1] ^ (unsigned char)s[i]) * 0x100000001b3u + 1;
	}
}

static unsigned char *xrow(struct bc_pdf_objects *w, size_t num)
{
	if (num >= w->nx) {
		size_t cap = w->nx ? w->nx : 256;
		while (cap <= num)
			cap *= 2;
		w->x = bc_xrealloc(w->x, cap * XROW);
		memset(w->x + w->nx * XROW, 0, (cap - w->nx) * XROW);
		w->nx = cap;
	}
	return w->x + num * XROW;
}

static void xset(struct bc_pdf_objects *w, size_t num, unsigned type, uint64_t where,
		 unsigned index)
{
	unsigned char *r = xrow(w, num);
	w->too_big |= where > 0xffffffffu;
	r[0] = (unsigned char)type;
	for (int k = 0; k < 4; k++)
		r[1 + k] = (unsigned char)(where >> (24 - 8 * k));
	r[5] = (unsigned char)(index >> 8);
	r[6] = (unsigned char)index;
}

char *bc_pdf_deflate(struct bc_pdf_objects *w, const char *s, size_t n, size_t *out_len)
{
	if (!w->zc)
		return NULL;
	size_t cap = libdeflate_zlib_compress_bound(w->zc, n);
	char *z = bc_xmalloc(cap);
	size_t zlen = libdeflate_zlib_compress(w->zc, s, n, z, cap);
	if (zlen == 0) {
		free(z);
		return NULL;
	}
	*out_len = zlen;
	/* The bound is more than the input; an object stream may wait for
	 * its number, so give back what the data did not use. */
	return cap - zlen > 4096 ? bc_xrealloc(z, zlen) : z;
}

size_t bc_pdf_objects_number(struct bc_pdf_objects *w)
{
	return w->next++;
}

/* Compress the gathered small objects and write them as an object stream
 * under the number they were given. */
static void close_batch(struct bc_pdf_objects *w)
{
	struct batch *b = &w->batch;
	if (b->n == 0)
		return;
	size_t first = b->head.len, zlen = 0;
	bc_buf_add(&b->head, b->body.data, b->body.len);
	char *z = bc_pdf_deflate(w, b->head.data, b->head.len, &zlen);
	if (!z) {
		w->error = "compressing an object stream failed";
	} else {
		xset(w, w->batch_num, 1, w->offset, 0);
		char head[160];
		int n = snprintf(head, sizeof head,
				 "%zu 0 obj\n<< /Type /ObjStm\n   /N %u\n   /First %zu\n"
				 "   /Length %zu\n   /Filter /FlateDecode\n>>\nstream\n",
				 w->batch_num, b->n, first, zlen);
		bc_pdf_objects_raw(w, head, (size_t)n);
		bc_pdf_objects_raw(w, z, zlen);
		bc_pdf_objects_raw(w, bc_pdf_end_stream, strlen(bc_pdf_end_stream));
		free(z);
	}
	b->head.len = b->body.len = 0;
	b->n = 0;
}

void bc_pdf_objects_add(struct bc_pdf_objects *w, size_t num, const char *s, size_t n)
{
	size_t k = strlen(bc_pdf_end_stream);
	if (n >= k && memcmp(s + n - k, bc_pdf_end_stream, k) == 0) {
		xset(w, num, 1, w->offset, 0);
		bc_pdf_objects_raw(w, s, n);
		return;
	}
	const char *v = memchr(s, 'j', n < 24 ? n : 24); /* "N 0 obj" */
	size_t start = v ? (size_t)(v - s) + 1 : 0, end = n;
	while (end > start && (s[end - 1] == '\n' || s[end - 1] == ' '))
		end--;
	if (end - start >= 6 && memcmp(s + end - 6, "endobj", 6) == 0)
		end -= 6;
	struct batch *b = &w->batch;
	if (b->n == 0)
		w->batch_num = bc_pdf_objects_number(w);
	xset(w, num, 2, w->batch_num, b->n);
	bc_buf_printf(&b->head, "%zu %zu ", num, b->body.len);
	bc_buf_add(&b->body, s + start, end - start);
	b->n++;
	if (b->n == 200 || b->body.len > 65536)
		close_batch(w);
}

const char *bc_pdf_objects_finish(struct bc_pdf_objects *w, size_t root, size_t info)
{
	close_batch(w);
	if (w->error)
		return w->error;
	struct bc_buf b = {0};
	/* The cross-reference stream: type, 4-byte offset or stream number,
	 * 2-byte generation or index. */
	size_t xref_num = bc_pdf_objects_number(w), size = w->next;
	uint64_t xref = w->offset;
	xset(w, xref_num, 1, xref, 0);
	if (w->too_big) {
		bc_buf_free(&b);
		return "the PDF is larger than 4 GB";
	}
	unsigned char *rows = w->x;
	rows[5] = rows[6] = 0xff; /* object 0: free, generation 65535 */
	size_t zlen = 0;
	/* PNG "Up" prediction: each row as its difference from the one
	 * before, which for rising offsets is mostly zeros (a third of the
	 * compressed size). */
	unsigned char *up = bc_xmalloc(size * (XROW + 1));
	for (size_t i = 0; i < size; i++) {
		unsigned char *u = up + i * (XROW + 1);
		const unsigned char *r = rows + i * XROW;
		u[0] = 2;
		for (int k = 0; k < XROW; k++)
			u[1 + k] = (unsigned char)(r[k] - (i ? r[k - XROW] : 0));
	}
	char *z = bc_pdf_deflate(w, (const char *)up, size * (XROW + 1), &zlen);
	free(up);
	if (!z) {
		bc_buf_free(&b);
		return "compressing the cross-reference stream failed";
	}
	b.len = 0;
	bc_buf_printf(&b,
		      "%zu 0 obj\n<< /Type /XRef\n   /Size %zu\n   /W [ 1 4 2 ]\n"
		      "   /Root %zu 0 R\n",
		      xref_num, size, root);
	if (info)
		bc_buf_printf(&b, "   /Info %zu 0 R\n", info);
	bc_buf_printf(&b,
		      "   /ID [<%016" PRIx64 "%016" PRIx64 "> <%016" PRIx64 "%016" PRIx64 ">]\n"
		      "   /Length %zu\n   /Filter /FlateDecode\n"
		      "   /DecodeParms << /Columns 7 /Predictor 12 >>\n>>\nstream\n",
		      w->hash[0], w->hash[1], w->hash[0], w->hash[1], zlen);
	bc_pdf_objects_raw(w, b.data, b.len);
	bc_pdf_objects_raw(w, z, zlen);
	free(z);
	b.len = 0;
	bc_buf_printf(&b, "%sstartxref\n%" PRIu64 "\n%%%%EOF\n", bc_pdf_end_stream, xref);
	bc_pdf_objects_raw(w, b.data, b.len);
	bc_buf_free(&b);
	return NULL;
}

void bc_pdf_text_string(struct bc_buf *b, const char *s)
{
	bool ascii = true;
	for (const char *p = s; *p; p++)
		if ((unsigned char)*p < 0x20 || (unsigned char)*p > 0x7e)
			ascii = false;
	if (ascii) {
		bc_buf_addc(b, '(');
		for (const char *p = s; *p; p++) {
			if (*p == '(' || *p == ')' || *p == '\\')
				bc_buf_addc(b, '\\');
			bc_buf_addc(b, *p);
		}
		bc_buf_addc(b, ')');
		return;
	}
	/* UTF-16BE with a byte order mark, as raw bytes in a literal string:
	 * half the size of hex. Bytes that a reader would take for string
	 * syntax or an end of line are escaped. */
	glong n = 0;
	gunichar2 *u = g_utf8_to_utf16(s, -1, NULL, &n, NULL);
	bc_buf_adds(b, "(\\376\\377");
	for (glong i = 0; u && i < n; i++) {
		unsigned char pair[2] = {(unsigned char)(u[i] >> 8), (unsigned char)u[i]};
		for (int k = 0; k < 2; k++) {
			unsigned char c = pair[k];
			if (c == '(' || c == ')' || c == '\\')
				bc_buf_printf(b, "\\%c", c);
			else if (c == '\r' || c == '\n')
				bc_buf_adds(b, c == '\r' ? "\\r" : "\\n");
			else
				bc_buf_add(b, (const char *)&c, 1);
		}
	}
	bc_buf_addc(b, ')');
	g_free(u);
}
