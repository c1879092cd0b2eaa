/* pdf_objects.c - writing the finished PDF's objects (pdf_objects.h).
 *
 * Streams are written as they come. Other objects (structure elements,
 * annotations, dictionaries: most of a tagged file's objects) are gathered
 * 200 at a time and compressed together into object streams. An object
 * stream needs an object number Cairo does not use: the finisher gives
 * back the numbers of the /Length objects it makes unneeded (one a page),
 * and a stream is written as soon as there is one; any still waiting at the
 * end take numbers after Cairo's last. The cross-reference stream then gives each object's place: a
 * byte offset, or an object stream and an index in it. */
#include "pdf_objects.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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

/* A compressed object stream waiting for an object number. */
struct packed {
	char *z; /* compressed head + body */
	size_t zlen, first, batch;
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
	size_t nbatches;    /* batches closed */
	size_t *stream_num; /* each batch's object number, 0 while waiting */
	size_t nstream_num, stream_cap;
	struct packed *packed; /* batches waiting for a number, oldest first */
	size_t npacked, packedcap;
	size_t *spare; /* object numbers free for object streams */
	size_t nspare, sparecap;
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
	return w;
}

void bc_pdf_objects_free(struct bc_pdf_objects *w)
{
	free(w->x);
	for (size_t i = 0; i < w->npacked; i++)
		free(w->packed[i].z);
	free(w->packed);
	free(w->stream_num);
	free(w->spare);
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

/* The object stream p, written now as object num. */
static void write_stream(struct bc_pdf_objects *w, const struct packed *p, size_t num)
{
	xset(w, num, 1, w->offset, 0);
	bc_grow((void **)&w->stream_num, &w->stream_cap, p->batch, sizeof *w->stream_num);
	w->stream_num[p->batch] = num;
	if (p->batch >= w->nstream_num)
		w->nstream_num = p->batch + 1;
	char head[160];
	int n = snprintf(head, sizeof head,
			 "%zu 0 obj\n<< /Type /ObjStm\n   /N %u\n   /First %zu\n"
			 "   /Length %zu\n   /Filter /FlateDecode\n>>\nstream\n",
			 num, p->n, p->first, p->zlen);
	bc_pdf_objects_raw(w, head, (size_t)n);
	bc_pdf_objects_raw(w, p->z, p->zlen);
	bc_pdf_objects_raw(w, bc_pdf_end_stream, strlen(bc_pdf_end_stream));
	free(p->z);
}

/* Write waiting object streams while there are numbers for them. */
static void write_waiting(struct bc_pdf_objects *w)
{
	size_t done = 0;
	while (done < w->npacked && w->nspare > 0)
		write_stream(w, &w->packed[done++], w->spare[--w->nspare]);
	if (done == 0)
		return;
	memmove(w->packed, w->packed + done, (w->npacked - done) * sizeof *w->packed);
	w->npacked -= done;
}

void bc_pdf_objects_spare(struct bc_pdf_objects *w, size_t num)
{
	BC_PUSH(w->spare, w->nspare, w->sparecap, num);
	write_waiting(w);
}

/* Compress the gathered small objects; write them when a number is free. */
static void close_batch(struct bc_pdf_objects *w)
{
	struct batch *b = &w->batch;
	if (b->n == 0)
		return;
	struct packed p = {.first = b->head.len, .n = b->n, .batch = w->nbatches++};
	bc_buf_add(&b->head, b->body.data, b->body.len);
	p.z = bc_pdf_deflate(w, b->head.data, b->head.len, &p.zlen);
	if (!p.z)
		w->error = "compressing an object stream failed";
	else
		BC_PUSH(w->packed, w->npacked, w->packedcap, p);
	b->head.len = b->body.len = 0;
	b->n = 0;
	write_waiting(w);
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
	xset(w, num, 2, w->nbatches, b->n);
	bc_buf_printf(&b->head, "%zu %zu ", num, b->body.len);
	bc_buf_add(&b->body, s + start, end - start);
	b->n++;
	if (b->n == 200 || b->body.len > 65536)
		close_batch(w);
}

const char *bc_pdf_objects_finish(struct bc_pdf_objects *w, size_t size, size_t root, size_t info)
{
	close_batch(w);
	if (w->error)
		return w->error;
	while (w->npacked) { /* no spare number came: new ones */
		bc_pdf_objects_spare(w, size++);
		if (bc_pdf_objects_failed(w))
			return NULL;
	}
	struct bc_buf b = {0};
	/* The cross-reference stream: type, 4-byte offset or stream number,
	 * 2-byte generation or index. */
	size_t xref_num = size++;
	uint64_t xref = w->offset;
	xset(w, xref_num, 1, xref, 0);
	if (w->too_big) {
		bc_buf_free(&b);
		return "the PDF is larger than 4 GB";
	}
	unsigned char *rows = w->x;
	rows[5] = rows[6] = 0xff; /* object 0: free, generation 65535 */
	for (size_t i = 0; i < size; i++) {
		unsigned char *r = rows + i * XROW;
		if (r[0] != 2)
			continue;
		uint64_t batch = 0;
		for (int k = 0; k < 4; k++)
			batch += (uint64_t)r[1 + k] << (24 - 8 * k);
		uint64_t at = batch < w->nstream_num ? w->stream_num[batch] : 0;
		for (int k = 0; k < 4; k++)
			r[1 + k] = (unsigned char)(at >> (24 - 8 * k));
	}
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
