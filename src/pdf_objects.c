/* pdf_objects.c - writing the finished PDF's objects (pdf_objects.h).
 *
 * Streams are written as they come. Other objects (structure elements,
 * annotations, dictionaries: most of a tagged file's objects) are gathered
 * 200 at a time and compressed together into object streams, which are
 * written at the end, when the first object number after Cairo's is known.
 * The cross-reference stream then gives each object's place: a byte offset,
 * or an object stream and an index in it. */
#include "pdf_objects.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libdeflate.h>

#include "util.h"

const char bc_pdf_end_stream[] = "\nendstream\nendobj\n";

/* A cross-reference entry: 1 = at byte `where`; 2 = number `index` in the
 * object stream `where` (a batch number until the end). */
struct xent {
	unsigned char type;
	uint64_t where;
	unsigned index;
};

/* Small objects gathered for one object stream. */
struct batch {
	struct bc_buf head, body; /* "num offset ..." and the objects */
	unsigned n;
};

struct packed {
	char *z; /* compressed head + body */
	size_t zlen, first;
	unsigned n;
};

struct bc_pdf_objects {
	FILE *out;
	bool failed;
	const char *error;
	uint64_t offset; /* bytes written */
	struct xent *x;	 /* by object number */
	size_t nx;
	struct batch batch;
	struct packed *packed;
	size_t npacked, packedcap;
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

static struct xent *xent(struct bc_pdf_objects *w, size_t num)
{
	if (num >= w->nx) {
		size_t cap = w->nx ? w->nx : 256;
		while (cap <= num)
			cap *= 2;
		w->x = bc_xrealloc(w->x, cap * sizeof *w->x);
		memset(w->x + w->nx, 0, (cap - w->nx) * sizeof *w->x);
		w->nx = cap;
	}
	return &w->x[num];
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
	return z;
}

/* Compress the gathered small objects. */
static void close_batch(struct bc_pdf_objects *w)
{
	struct batch *b = &w->batch;
	if (b->n == 0)
		return;
	struct packed p = {.first = b->head.len, .n = b->n};
	bc_buf_add(&b->head, b->body.data, b->body.len);
	p.z = bc_pdf_deflate(w, b->head.data, b->head.len, &p.zlen);
	if (!p.z)
		w->error = "compressing an object stream failed";
	else
		BC_PUSH(w->packed, w->npacked, w->packedcap, p);
	b->head.len = b->body.len = 0;
	b->n = 0;
}

void bc_pdf_objects_add(struct bc_pdf_objects *w, size_t num, const char *s, size_t n)
{
	size_t k = strlen(bc_pdf_end_stream);
	if (n >= k && memcmp(s + n - k, bc_pdf_end_stream, k) == 0) {
		*xent(w, num) = (struct xent){1, w->offset, 0};
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
	*xent(w, num) = (struct xent){2, w->npacked, b->n};
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
	struct bc_buf b = {0};
	size_t first_packed = size;
	for (size_t i = 0; i < w->npacked; i++) {
		struct packed *p = &w->packed[i];
		*xent(w, size) = (struct xent){1, w->offset, 0};
		b.len = 0;
		bc_buf_printf(&b,
			      "%zu 0 obj\n<< /Type /ObjStm\n   /N %u\n   /First %zu\n"
			      "   /Length %zu\n   /Filter /FlateDecode\n>>\nstream\n",
			      size++, p->n, p->first, p->zlen);
		bc_pdf_objects_raw(w, b.data, b.len);
		bc_pdf_objects_raw(w, p->z, p->zlen);
		bc_pdf_objects_raw(w, bc_pdf_end_stream, strlen(bc_pdf_end_stream));
	}
	/* The cross-reference stream: type, 4-byte offset or stream number,
	 * 2-byte generation or index. */
	size_t xref_num = size++;
	uint64_t xref = w->offset;
	*xent(w, xref_num) = (struct xent){1, xref, 0};
	if (xref > 0xffffffffu) {
		bc_buf_free(&b);
		return "the PDF is larger than 4 GB";
	}
	size_t rows_len = size * 7;
	unsigned char *rows = bc_xcalloc(rows_len, 1);
	for (size_t i = 0; i < size; i++) {
		struct xent e = i < w->nx ? w->x[i] : (struct xent){0};
		uint64_t at = e.type == 2 ? first_packed + e.where : e.where;
		unsigned g = e.type == 2 ? e.index : e.type == 1 ? 0 : i == 0 ? 65535 : 0;
		unsigned char *r = rows + i * 7;
		r[0] = e.type;
		for (int k = 0; k < 4; k++)
			r[1 + k] = (unsigned char)(at >> (24 - 8 * k));
		r[5] = (unsigned char)(g >> 8);
		r[6] = (unsigned char)g;
	}
	size_t zlen = 0;
	char *z = bc_pdf_deflate(w, (const char *)rows, rows_len, &zlen);
	free(rows);
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
		      "   /Length %zu\n   /Filter /FlateDecode\n>>\nstream\n",
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
