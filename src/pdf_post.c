/* pdf_post.c - the streaming finisher over Cairo's PDF output (pdf_post.h).
 *
 * Cairo 1.16 writes a plain PDF 1.5 file: a header, then one indirect object
 * after another ("N 0 obj ... endobj"; streams as "stream\n DATA
 * \nendstream\nendobj\n" with "/Length M 0 R" and M written after the data),
 * then a cross-reference table and the trailer. The filter cuts the bytes
 * into objects as they arrive and passes each to the output, except:
 *
 *  - a page's content stream: the structure markers the renderer drew are
 *    taken out and its drawing marked as the content of structure elements
 *    or as artifacts, against the page's script of structure events
 *    (pdf_struct.c, which writes the structure tree as the pages go). Cairo
 *    writes the page dictionary after its content, so objects from a stream
 *    with no /Type (a content stream or a ToUnicode map) are held until the
 *    next page dictionary says which stream is its content; the page
 *    dictionary then gets /StructParents, /Annots and /Tabs;
 *  - every object is numbered anew, Cairo's and the finisher's own from one
 *    counter (pdf_objects.c), so that structure elements and annotations
 *    can be written while Cairo is still numbering its objects;
 *  - the catalog gets /StructTreeRoot, /MarkInfo, /Lang, /ViewerPreferences,
 *    /Metadata and /PageLabels; it is Cairo's last object, held until the
 *    trailer;
 *  - objects go out through pdf_objects.c, which gathers the small ones
 *    into object streams and writes a cross-reference stream (with an /ID
 *    derived from the bytes written, so equal input gives equal output).
 *
 * The scanner resumes where it stopped, so Cairo's many small writes cost
 * linear time. Anything it does not recognise stops the filter with an
 * error rather than producing a damaged file. */
#include "pdf_post.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <pthread.h>
#include <zlib.h>

#include "pdf_content.h"
#include "pdf_objects.h"
#include "pdf_struct.h"
#include "util.h"

struct held {
	size_t num;
	char *bytes;
	size_t len;
	size_t length_ref; /* a stream's indirect /Length object, or 0 */
	bool bare;	   /* "<< /Length N 0 R >>" only: content or a ToUnicode map */
	bool raw;	   /* stream data not yet compressed */
	bool ours;	   /* compressed here (Cairo's compression is replaced, so
			    * the file is the same whether Cairo compressed or not) */
	bool dropped;	   /* a /Length object made unneeded: not written */
};

/* A page's script of structure events (pdf_tags.h), queued by the drawing
 * thread before Cairo writes the page. */
struct script {
	char *data;
	size_t len;
};

/* Where the scan of the current object stands (positions from its start). */
struct scan {
	size_t pos;
	int paren; /* depth inside a literal string */
	bool esc, hex, comment;
	bool data;	   /* past "stream": looking for its end */
	size_t body;	   /* after "N G obj" */
	size_t data_start; /* first byte of stream data */
};

struct bc_pdf_filter {
	const struct bc_pdf_post *o;
	const char *error; /* why the input was not understood */
	bool header_done, done;
	struct bc_buf in; /* input not yet consumed, from `start` */
	size_t start;
	size_t unscanned; /* bytes written since the last scan */
	struct scan sc;
	struct bc_pdf_objects *w; /* where objects go */
	struct held *held;
	size_t nheld, heldcap;
	struct held catalog;
	size_t lead_pages, lead_parts; /* to move to the front */
	bool pages_done;	       /* Cairo has begun the end of the file: no more pages */
	bool in_xref;		       /* in Cairo's cross-reference table */
	size_t *map;		       /* our number for each of Cairo's, 0 before one is given */
	size_t nmap;
	struct bc_pdf_struct *st;
	struct bc_buf page_keys; /* for the page dictionary whose content was just marked */
	/* Scripts not yet played, oldest at script_head; under script_lock,
	 * for the drawing thread adds them while the finisher takes them. */
	pthread_mutex_t script_lock;
	struct script *scripts;
	size_t script_head, nscripts, scripts_cap;
};

struct bc_pdf_filter *bc_pdf_filter_new(FILE *out, const struct bc_pdf_post *o)
{
	struct bc_pdf_filter *f = bc_xcalloc(1, sizeof *f);
	f->w = bc_pdf_objects_new(out);
	f->o = o;
	f->st = bc_pdf_struct_new(f->w);
	pthread_mutex_init(&f->script_lock, NULL);
	return f;
}

void bc_pdf_filter_page(struct bc_pdf_filter *f, char *script, size_t len)
{
	pthread_mutex_lock(&f->script_lock);
	if (f->script_head > 0 && f->script_head * 2 >= f->nscripts) { /* drop those played */
		memmove(f->scripts, f->scripts + f->script_head,
			(f->nscripts - f->script_head) * sizeof *f->scripts);
		f->nscripts -= f->script_head;
		f->script_head = 0;
	}
	struct script sc = {script, len};
	BC_PUSH(f->scripts, f->nscripts, f->scripts_cap, sc);
	pthread_mutex_unlock(&f->script_lock);
}

/* The oldest script not yet played ({NULL, 0} when none is queued: a
 * page drawn without one, all artifacts). The caller frees its data. */
static struct script next_script(struct bc_pdf_filter *f)
{
	struct script sc = {0};
	pthread_mutex_lock(&f->script_lock);
	if (f->script_head < f->nscripts)
		sc = f->scripts[f->script_head++];
	pthread_mutex_unlock(&f->script_lock);
	return sc;
}

void bc_pdf_filter_lead(struct bc_pdf_filter *f, size_t pages, size_t parts)
{
	f->lead_pages = pages;
	f->lead_parts = parts;
}

static bool is_white(char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

/* memmem, which C11 and POSIX lack. */
static const char *find(const char *s, size_t n, const char *pat, size_t k)
{
	for (const char *p = s; k <= n - (size_t)(p - s);) {
		p = memchr(p, pat[0], n - (size_t)(p - s) - k + 1);
		if (!p)
			return NULL;
		if (memcmp(p, pat, k) == 0)
			return p;
		p++;
	}
	return NULL;
}

static bool starts(const char *s, size_t n, const char *prefix)
{
	size_t k = strlen(prefix);
	return n >= k && memcmp(s, prefix, k) == 0;
}

/* The object number after `key` ("/Contents 12 0 R"), or 0. */
static size_t ref_after(const char *s, size_t n, const char *key)
{
	size_t k = strlen(key);
	for (size_t i = 0; i + k < n; i++)
		if (memcmp(s + i, key, k) == 0) {
			size_t v = 0;
			for (i += k; i < n && s[i] == ' '; i++)
				;
			for (; i < n && s[i] >= '0' && s[i] <= '9' && v < SIZE_MAX / 16; i++)
				v = v * 10 + (size_t)(s[i] - '0');
			return v;
		}
	return 0;
}

/* Our number for Cairo's object num, given when first asked. */
static size_t ours(struct bc_pdf_filter *f, size_t num)
{
	if (num >= f->nmap) {
		size_t cap = f->nmap ? f->nmap : 1024;
		while (cap <= num)
			cap *= 2;
		f->map = bc_xrealloc(f->map, cap * sizeof *f->map);
		memset(f->map + f->nmap, 0, (cap - f->nmap) * sizeof *f->map);
		f->nmap = cap;
	}
	if (!f->map[num])
		f->map[num] = bc_pdf_objects_number(f->w);
	return f->map[num];
}

/* Cairo's object s[0..n) into out with our numbers in "N 0 obj" and every
 * "N 0 R"; a stream's data is copied as it is. */
static void renumber(struct bc_pdf_filter *f, const char *s, size_t n, struct bc_buf *out)
{
	size_t copied = 0, i = 0;
	size_t a = SIZE_MAX, a_end = 0; /* the integer before the last */
	size_t b = SIZE_MAX, b_end = 0; /* the last token, when an integer */
	while (i < n) {
		char c = s[i];
		if (is_white(c)) {
			i++;
			continue;
		}
		size_t start = i, len = 0;
		const char *op;
		i = bc_pdf_token_end(s, n, i, &op, &len);
		bool integer = !op && c >= '0' && c <= '9';
		for (size_t k = start; integer && k < i; k++)
			integer = s[k] >= '0' && s[k] <= '9';
		if (integer) {
			a = b;
			a_end = b_end;
			b = start;
			b_end = i;
			continue;
		}
		bool ref = op && ((len == 1 && *op == 'R') || (len == 3 && !memcmp(op, "obj", 3)));
		if (ref && a != SIZE_MAX && b_end - b == 1 && s[b] == '0') {
			bc_buf_add(out, s + copied, a - copied);
			bc_buf_printf(out, "%zu", ours(f, strtoul(s + a, NULL, 10)));
			copied = a_end;
		}
		a = b = SIZE_MAX;
		if (op && len == 6 && !memcmp(op, "stream", 6))
			break; /* the data, to the end, as it is */
	}
	bc_buf_add(out, s + copied, n - copied);
}

/* Cairo's object s[0..n), numbered anew, to the output; with `add` (our
 * own keys, already in our numbers) before its dictionary's end. */
static void put(struct bc_pdf_filter *f, size_t num, const char *s, size_t n, const char *add)
{
	struct bc_buf b = {0};
	renumber(f, s, n, &b);
	if (add && *add) {
		const char *close = strstr(b.data, ">>\nendobj");
		if (!close) {
			f->error = "a dictionary does not end as expected";
			bc_buf_free(&b);
			return;
		}
		size_t at = (size_t)(close - b.data);
		struct bc_buf c = {0};
		bc_buf_add(&c, b.data, at);
		bc_buf_adds(&c, add);
		bc_buf_add(&c, b.data + at, b.len - at);
		bc_buf_free(&b);
		b = c;
	}
	bc_pdf_objects_add(f->w, ours(f, num), b.data, b.len);
	bc_buf_free(&b);
}

/* ---- rewriting single objects ---- */

static char *inflate_all(const char *s, size_t n, size_t *out_len)
{
	struct bc_buf b = {0};
	z_stream z = {0};
	if (inflateInit(&z) != Z_OK)
		return NULL;
	z.next_in = (Bytef *)s;
	z.avail_in = (uInt)n;
	char chunk[16384];
	int rc;
	do {
		z.next_out = (Bytef *)chunk;
		z.avail_out = sizeof chunk;
		rc = inflate(&z, Z_NO_FLUSH);
		if (rc != Z_OK && rc != Z_STREAM_END) {
			inflateEnd(&z);
			bc_buf_free(&b);
			return NULL;
		}
		bc_buf_add(&b, chunk, sizeof chunk - z.avail_out);
	} while (rc != Z_STREAM_END && (z.avail_in > 0 || z.avail_out == 0));
	inflateEnd(&z);
	*out_len = b.len;
	return bc_buf_detach(&b);
}

/* The held stream *h compressed, its data first marked when it is the
 * content of the page `page` (Cairo's number; 0: not content), and its
 * length given directly. Cairo compresses streams itself unless
 * CAIRO_DEBUG_PDF is set (main.c sets it, so that content is compressed
 * once, here). */
static void compress_held(struct bc_pdf_filter *f, struct held *h, size_t page)
{
	const char *data = strstr(h->bytes, ">>\nstream\n");
	if (!data)
		return;
	data += 10;
	size_t data_len = h->len - (size_t)(data - h->bytes) - strlen(bc_pdf_end_stream);
	char *plain = NULL;
	size_t plain_len = data_len;
	if (!h->raw) {
		plain = inflate_all(data, data_len, &plain_len);
		if (!plain) {
			f->error = "a page's content stream does not decompress";
			return;
		}
	}
	const char *text = plain ? plain : data;
	char *marked = NULL;
	size_t marked_len = plain_len;
	if (page) {
		struct script sc = next_script(f);
		const char *why = NULL;
		marked = bc_pdf_struct_page(f->st, sc.data, sc.len, text, plain_len, ours(f, page),
					    &f->page_keys, &marked_len, &why);
		free(sc.data);
		if (!marked) {
			free(plain);
			f->error = why;
			return;
		}
	}
	size_t clen = 0;
	char *z = bc_pdf_deflate(f->w, marked ? marked : text, marked_len, &clen);
	free(marked);
	free(plain);
	if (!z) {
		f->error = "compressing a stream failed";
		return;
	}
	/* The dictionary as Cairo wrote it, its length given directly rather
	 * than by reference, and with a /Filter when it had none. */
	struct bc_buf b = {0};
	char ref[48];
	snprintf(ref, sizeof ref, "/Length %zu 0 R\n", h->length_ref);
	const char *at = find(h->bytes, (size_t)(data - h->bytes), ref, strlen(ref));
	if (!at) {
		free(z);
		f->error = "a stream's length is not where Cairo writes it";
		return;
	}
	bc_buf_add(&b, h->bytes, (size_t)(at - h->bytes));
	bc_buf_printf(&b, "/Length %zu\n", clen);
	if (h->raw)
		bc_buf_adds(&b, "   /Filter /FlateDecode\n");
	const char *rest = at + strlen(ref);
	bc_buf_add(&b, rest, (size_t)(data - rest));
	bc_buf_add(&b, z, clen);
	bc_buf_adds(&b, bc_pdf_end_stream);
	free(z);
	free(h->bytes);
	h->len = b.len;
	h->bytes = bc_buf_detach(&b);
	h->raw = false;
	h->ours = true;
	/* Cairo's /Length object is now not needed: dropped. */
	bool found = false;
	for (size_t i = 0; i < f->nheld; i++)
		if (f->held[i].num == h->length_ref && !f->held[i].length_ref &&
		    !f->held[i].dropped) {
			free(f->held[i].bytes);
			f->held[i].bytes = NULL;
			f->held[i].len = 0;
			f->held[i].dropped = true;
			found = true;
		}
	if (!found)
		f->error = "a stream's length is not where Cairo writes it";
}

static void flush_held(struct bc_pdf_filter *f)
{
	for (size_t i = 0; i < f->nheld && !f->error; i++)
		if (f->held[i].length_ref && !f->held[i].ours)
			compress_held(f, &f->held[i], 0);
	for (size_t i = 0; i < f->nheld; i++) {
		if (!f->held[i].dropped && !f->error)
			put(f, f->held[i].num, f->held[i].bytes, f->held[i].len, NULL);
		free(f->held[i].bytes);
	}
	f->nheld = 0;
}

static struct held *hold(struct bc_pdf_filter *f, size_t num, const char *s, size_t n)
{
	char *copy = bc_xmalloc(n + 1);
	memcpy(copy, s, n);
	copy[n] = '\0';
	struct held h = {.num = num, .bytes = copy, .len = n};
	BC_PUSH(f->held, f->nheld, f->heldcap, h);
	return &f->held[f->nheld - 1];
}

/* s[0..n) with the array of references after `key` turned so that its
 * last m come first; NULL if the array is not plain references. */
static char *rotate_refs(const char *s, size_t n, const char *key, size_t m, size_t *out_len)
{
	const char *k = find(s, n, key, strlen(key));
	if (!k)
		return NULL;
	const char *open = k + strlen(key), *end = s + n;
	while (open < end && *open == ' ')
		open++;
	if (open >= end || *open != '[')
		return NULL;
	const char *close = memchr(open, ']', (size_t)(end - open));
	if (!close)
		return NULL;
	size_t *refs = NULL, nrefs = 0, cap = 0;
	for (const char *p = open + 1; p < close;) {
		if (is_white(*p)) {
			p++;
			continue;
		}
		char *e;
		unsigned long num = strtoul(p, &e, 10);
		if (e == p || e + 4 > close || memcmp(e, " 0 R", 4) != 0) {
			free(refs);
			return NULL;
		}
		size_t v = num;
		BC_PUSH(refs, nrefs, cap, v);
		p = e + 4;
	}
	if (m > nrefs) {
		free(refs);
		return NULL;
	}
	struct bc_buf b = {0};
	bc_buf_add(&b, s, (size_t)(open - s) + 1);
	for (size_t i = 0; i < nrefs; i++)
		bc_buf_printf(&b, " %zu 0 R", refs[(nrefs - m + i) % nrefs]);
	bc_buf_addc(&b, ' ');
	bc_buf_add(&b, close, (size_t)(end - close));
	free(refs);
	*out_len = b.len;
	return bc_buf_detach(&b);
}

/* The document information dictionary s[0..n) with "D:" before its dates:
 * Cairo 1.16 leaves it out of dates it is given ((20231114221320Z)), and
 * PDF requires it. NULL when there is nothing to add. */
static char *info_dates(const char *s, size_t n)
{
	static const char *const keys[] = {"/CreationDate (", "/ModDate ("};
	struct bc_buf b = {0};
	size_t from = 0;
	for (size_t k = 0; k < 2; k++) {
		const char *at = find(s + from, n - from, keys[k], strlen(keys[k]));
		if (!at)
			continue;
		size_t i = (size_t)(at - s) + strlen(keys[k]);
		if (i >= n || s[i] < '0' || s[i] > '9')
			continue;
		bc_buf_add(&b, s + from, i - from);
		bc_buf_adds(&b, "D:");
		from = i;
	}
	if (from == 0)
		return NULL;
	bc_buf_add(&b, s + from, n - from);
	return bc_buf_detach(&b);
}

/* Whether every held stream's /Length object has come. */
static bool lengths_held(const struct bc_pdf_filter *f)
{
	for (size_t i = 0; i < f->nheld; i++) {
		if (!f->held[i].length_ref || f->held[i].ours)
			continue;
		bool found = false;
		for (size_t k = i + 1; k < f->nheld && !found; k++)
			found = f->held[k].num == f->held[i].length_ref;
		if (!found)
			return false;
	}
	return true;
}

static void handle_object(struct bc_pdf_filter *f, size_t num, const char *s, size_t n,
			  size_t body);

/* One whole object s[0..n) numbered num; body is where its value starts.
 * Cairo 1.16 writes fonts and the page tree only once the last page is
 * done, so from the first of them no held stream can be a page's content:
 * what is held goes out, and from then on a held stream goes out as soon
 * as its length has come. Else the structure tree, the outline and the
 * rest of a long pack's end would all be held to the trailer. */
static void handle(struct bc_pdf_filter *f, size_t num, const char *s, size_t n, size_t body)
{
	const char *v = s + body;
	size_t vn = n - body;
	if (!f->pages_done &&
	    (starts(v, vn, "<< /Type /FontDescriptor\n") || starts(v, vn, "<< /Type /Font\n") ||
	     starts(v, vn, "<< /Type /Pages\n"))) {
		f->pages_done = true;
		flush_held(f);
	}
	handle_object(f, num, s, n, body);
	if (f->pages_done && f->nheld && lengths_held(f))
		flush_held(f);
}

static void handle_object(struct bc_pdf_filter *f, size_t num, const char *s, size_t n, size_t body)
{
	const char *v = s + body;
	size_t vn = n - body;
	if (starts(v, vn, "<< /Length ") && !starts(v, vn, "<< /Length1")) {
		/* A stream with an indirect length: held, for a content stream
		 * or a ToUnicode map ("bare": nothing but its length) is known
		 * only by the next page dictionary, and an uncompressed one is
		 * compressed before it goes out. */
		size_t len_ref = ref_after(v, vn, "/Length");
		char bare[64], zipped[80];
		snprintf(bare, sizeof bare, "<< /Length %zu 0 R\n>>\n", len_ref);
		int zn = snprintf(zipped, sizeof zipped,
				  "<< /Length %zu 0 R\n   /Filter /FlateDecode\n>>\n", len_ref);
		const char *dict_end = find(v, vn, ">>\nstream\n", 10);
		bool raw = dict_end && !find(v, (size_t)(dict_end - v), "/Filter", 7);
		/* zipped less its closing ">>": Cairo's deflate and nothing else */
		bool deflated = zn > 3 && vn > (size_t)zn - 3 && !memcmp(v, zipped, (size_t)zn - 3);
		if (len_ref && (raw || deflated)) {
			struct held *h = hold(f, num, s, n);
			h->length_ref = len_ref;
			h->raw = raw;
			h->bare = starts(v, vn, raw ? bare : zipped);
			return;
		}
	}
	if (starts(v, vn, "<< /Type /Page ") || starts(v, vn, "<< /Type /Page\n")) {
		size_t contents = ref_after(v, vn, "/Contents");
		f->page_keys.len = 0;
		bc_buf_adds(&f->page_keys, ""); /* empty, not what the last page had */
		bool marked = false;
		for (size_t i = 0; i < f->nheld && !f->error; i++)
			if (f->held[i].num == contents && f->held[i].bare) {
				compress_held(f, &f->held[i], num);
				marked = true;
			}
		if (!marked && !f->error)
			f->error = "a page's content stream is not where Cairo writes it";
		flush_held(f);
		if (!f->error)
			put(f, num, s, n, f->page_keys.data);
		return;
	}
	if (starts(v, vn, "<< /Type /Pages\n") && f->lead_pages) {
		size_t len = 0;
		char *r = rotate_refs(s, n, "/Kids", f->lead_pages, &len);
		if (!r) {
			f->error = "the page tree is not one list of pages";
			return;
		}
		if (f->nheld)
			hold(f, num, r, len);
		else
			put(f, num, r, len, NULL);
		free(r);
		return;
	}
	if (starts(v, vn, "<< /Type /StructTreeRoot") || starts(v, vn, "<< /Type /StructElem")) {
		f->error = "Cairo wrote a structure tree of its own";
		return;
	}
	if (starts(v, vn, "<< /Type /Catalog\n")) {
		free(f->catalog.bytes);
		f->catalog = (struct held){.num = num, .bytes = bc_xmalloc(n + 1), .len = n};
		memcpy(f->catalog.bytes, s, n);
		f->catalog.bytes[n] = '\0';
		return;
	}
	if (starts(v, vn, "<< /Producer ")) {
		char *r = info_dates(s, n);
		if (r) {
			if (f->nheld)
				hold(f, num, r, strlen(r));
			else
				put(f, num, r, strlen(r), NULL);
			free(r);
			return;
		}
	}
	if (f->nheld)
		hold(f, num, s, n);
	else
		put(f, num, s, n, NULL);
}

/* ---- the end of the file ---- */

static char *xmp_packet(const struct bc_pdf_post *o)
{
	struct bc_buf b = {0};
	bc_buf_adds(&b, "<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
			"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
			"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
			"<rdf:Description rdf:about=\"\"\n"
			"  xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
			"  xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
			"  xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
			"<dc:format>application/pdf</dc:format>\n"
			"<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">");
	bc_buf_add_escaped(&b, o->title ? o->title : "");
	bc_buf_adds(&b, "</rdf:li></rdf:Alt></dc:title>\n");
	if (o->author && *o->author) {
		bc_buf_adds(&b, "<dc:creator><rdf:Seq><rdf:li>");
		bc_buf_add_escaped(&b, o->author);
		bc_buf_adds(&b, "</rdf:li></rdf:Seq></dc:creator>\n");
	}
	if (o->subject && *o->subject) {
		bc_buf_adds(&b, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">");
		bc_buf_add_escaped(&b, o->subject);
		bc_buf_adds(&b, "</rdf:li></rdf:Alt></dc:description>\n");
	}
	bc_buf_adds(&b, "<dc:language><rdf:Bag><rdf:li>");
	bc_buf_add_escaped(&b, o->lang ? o->lang : "en-GB");
	bc_buf_adds(&b, "</rdf:li></rdf:Bag></dc:language>\n");
	if (o->date) {
		bc_buf_adds(&b, "<xmp:CreateDate>");
		bc_buf_add_escaped(&b, o->date);
		bc_buf_adds(&b, "</xmp:CreateDate>\n<xmp:ModifyDate>");
		bc_buf_add_escaped(&b, o->date);
		bc_buf_adds(&b, "</xmp:ModifyDate>\n");
	}
	bc_buf_adds(&b, "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
			"<?xpacket end=\"w\"?>\n");
	return bc_buf_detach(&b);
}

/* Cairo's trailer s[0..n) has been read: write the XMP stream, the catalog
 * and a new cross-reference table and trailer. */
static void finish_file(struct bc_pdf_filter *f, const char *s, size_t n)
{
	flush_held(f);
	size_t root = ref_after(s, n, "/Root"), info = ref_after(s, n, "/Info");
	if (!root || root != f->catalog.num || !f->catalog.bytes) {
		f->error = "the trailer does not name the catalog";
		return;
	}
	const char *why = NULL;
	size_t tree = bc_pdf_struct_finish(f->st, f->lead_parts, &why);
	if (!tree) {
		f->error = why;
		return;
	}
	size_t meta = bc_pdf_objects_number(f->w);
	char *xmp = xmp_packet(f->o);
	struct bc_buf b = {0};
	bc_buf_printf(&b,
		      "%zu 0 obj\n<< /Type /Metadata\n   /Subtype /XML\n   /Length %zu\n>>\n"
		      "stream\n",
		      meta, strlen(xmp));
	bc_buf_adds(&b, xmp);
	bc_buf_adds(&b, bc_pdf_end_stream);
	free(xmp);
	bc_pdf_objects_add(f->w, meta, b.data, b.len);
	bc_buf_free(&b);

	b.len = 0;
	bc_buf_printf(&b, "   /StructTreeRoot %zu 0 R\n   /MarkInfo << /Marked true >>\n", tree);
	bc_buf_adds(&b, "   /Lang ");
	bc_pdf_text_string(&b, f->o->lang ? f->o->lang : "en-GB");
	bc_buf_printf(&b,
		      "\n   /ViewerPreferences << /DisplayDocTitle true >>\n"
		      "   /Metadata %zu 0 R\n",
		      meta);
	if (f->o->first_label > 0)
		bc_buf_printf(&b, "   /PageLabels << /Nums [ 0 << /S /D /St %d >> ] >>\n",
			      f->o->first_label);
	put(f, f->catalog.num, f->catalog.bytes, f->catalog.len, b.data);
	bc_buf_free(&b);
	if (f->error)
		return;
	f->error = bc_pdf_objects_finish(f->w, ours(f, root), info ? ours(f, info) : 0);
	f->done = true;
}

/* ---- cutting the input into objects ---- */

/* Advance the scan over the object s[0..n): 1 when it is whole (its length
 * in *end), 0 when more input is needed. */
static int scan_object(struct scan *sc, const char *s, size_t n, size_t *end)
{
	if (sc->data) {
		size_t k = strlen(bc_pdf_end_stream);
		size_t from = sc->pos > sc->data_start ? sc->pos : sc->data_start;
		if (from > 0)
			from--; /* the newline before endstream may end the data */
		if (n >= from + k) {
			const char *e = find(s + from, n - from, bc_pdf_end_stream, k);
			if (e) {
				*end = (size_t)(e - s) + k;
				return 1;
			}
		}
		sc->pos = n >= k ? n - k + 1 : 0;
		return 0;
	}
	while (sc->pos < n) {
		char c = s[sc->pos];
		if (sc->comment) {
			sc->comment = c != '\n' && c != '\r';
		} else if (sc->paren) {
			if (sc->esc)
				sc->esc = false;
			else if (c == '\\')
				sc->esc = true;
			else if (c == '(')
				sc->paren++;
			else if (c == ')')
				sc->paren--;
		} else if (sc->hex) {
			sc->hex = c != '>';
		} else if (c == '%') {
			sc->comment = true;
		} else if (c == '(') {
			sc->paren = 1;
		} else if (c == '<') {
			if (sc->pos + 1 >= n)
				return 0;
			if (s[sc->pos + 1] == '<')
				sc->pos++;
			else
				sc->hex = true;
		} else if ((c == 'e' || c == 's') && is_white(s[sc->pos - 1])) {
			const char *kw = c == 'e' ? "endobj" : "stream";
			if (sc->pos + 7 > n)
				return 0;
			if (memcmp(s + sc->pos, kw, 6) == 0 && is_white(s[sc->pos + 6])) {
				size_t after = sc->pos + 6;
				if (c == 'e') {
					*end = after + (s[after] == '\n');
					return 1;
				}
				if (s[after] == '\r')
					after++;
				if (after >= n)
					return 0;
				sc->data = true;
				sc->data_start = sc->pos = after + 1;
				return scan_object(sc, s, n, end);
			}
		}
		sc->pos++;
	}
	return 0;
}

static void process(struct bc_pdf_filter *f)
{
	while (!f->done && !bc_pdf_objects_failed(f->w) && !f->error) {
		const char *s = f->in.data + f->start;
		size_t n = f->in.len - f->start;
		if (!f->header_done) {
			if (n == 0)
				return;
			if (s[0] != '%') {
				f->header_done = true;
				continue;
			}
			const char *nl = memchr(s, '\n', n);
			if (!nl)
				return;
			bc_pdf_objects_raw(f->w, s, (size_t)(nl - s) + 1);
			f->start += (size_t)(nl - s) + 1;
			continue;
		}
		size_t ws = 0;
		while (ws < n && is_white(s[ws]))
			ws++;
		f->start += ws;
		s += ws;
		n -= ws;
		if (n == 0)
			return;
		if (f->in_xref || starts(s, n, "xref")) {
			/* Cairo's table, an entry a line, is not used: drop it
			 * as it comes (it is 20 bytes an object) and keep what
			 * may be the start of the trailer. */
			f->in_xref = true;
			const char *eof = find(s, n, "%%EOF", 5);
			if (!eof) {
				const char *t = find(s, n, "trailer", 7);
				size_t keep = t ? n - (size_t)(t - s) : n < 8 ? n : 8;
				f->start += n - keep;
				return;
			}
			finish_file(f, s, (size_t)(eof - s));
			f->start += n;
			return;
		}
		if (f->sc.pos == 0) { /* "N G obj" */
			size_t i = 0, num = 0;
			while (i < n && s[i] >= '0' && s[i] <= '9' && num < SIZE_MAX / 16)
				num = num * 10 + (size_t)(s[i++] - '0');
			const char *obj =
			    i < n ? memchr(s + i, 'j', n - i < 16 ? n - i : 16) : NULL;
			if (!obj && n - i < 16)
				return;
			if (i == 0 || !obj || !starts(s + i, n - i, " 0 obj") || num > 100000000) {
				f->error = "an object does not start as expected";
				return;
			}
			f->sc = (struct scan){.pos = (size_t)(obj - s) + 1};
			f->sc.body = f->sc.pos;
			while (f->sc.body < n && is_white(s[f->sc.body]))
				f->sc.body++;
			if (f->sc.body >= n) {
				f->sc.pos = 0;
				return;
			}
		}
		size_t end = 0;
		if (!scan_object(&f->sc, s, n, &end))
			return;
		size_t num = strtoul(s, NULL, 10);
		handle(f, num, s, end, f->sc.body);
		f->start += end;
		f->sc = (struct scan){0};
	}
}

cairo_status_t bc_pdf_filter_write(void *closure, const unsigned char *data, unsigned int len)
{
	struct bc_pdf_filter *f = closure;
	if (bc_pdf_objects_failed(f->w))
		return CAIRO_STATUS_WRITE_ERROR;
	if (f->error || f->done)
		return CAIRO_STATUS_SUCCESS; /* reported by bc_pdf_filter_end */
	if (f->start > 0 && f->start * 2 >= f->in.len) {
		memmove(f->in.data, f->in.data + f->start, f->in.len - f->start);
		f->in.len -= f->start;
		f->in.data[f->in.len] = '\0';
		f->start = 0;
	}
	bc_buf_add(&f->in, (const char *)data, len);
	/* Cairo writes uncompressed content an operator at a time: scan
	 * when a few pages' worth has come, not after every write. */
	f->unscanned += len;
	if (f->unscanned < 32768)
		return CAIRO_STATUS_SUCCESS;
	f->unscanned = 0;
	process(f);
	return bc_pdf_objects_failed(f->w) ? CAIRO_STATUS_WRITE_ERROR : CAIRO_STATUS_SUCCESS;
}

int bc_pdf_filter_end(struct bc_pdf_filter *f, struct bc_diag *d)
{
	int rc = 0;
	if (!f->error && !f->done)
		process(f); /* what came since the last scan */
	if (bc_pdf_objects_failed(f->w)) {
		bc_diag(d, BC_ERROR, 0, 0, "writing the PDF failed (disk full?)");
		d->io_error = 1;
		rc = -1;
	} else if (f->error || !f->done) {
		bc_diag(d, BC_ERROR, 0, 0, "finishing the PDF failed: %s",
			f->error ? f->error : "Cairo's output ended early");
		bc_hint(d, "this is a fault in boardc, not in the paper: please report it with "
			   "the paper");
		d->io_error = 1; /* the PDF could not be written: exit status 3 */
		rc = -1;
	}
	for (size_t i = 0; i < f->nheld; i++)
		free(f->held[i].bytes);
	free(f->held);
	free(f->catalog.bytes);
	for (size_t i = f->script_head; i < f->nscripts; i++)
		free(f->scripts[i].data);
	free(f->scripts);
	pthread_mutex_destroy(&f->script_lock);
	bc_pdf_struct_free(f->st);
	free(f->map);
	bc_buf_free(&f->page_keys);
	bc_pdf_objects_free(f->w);
	bc_buf_free(&f->in);
	free(f);
	return rc;
}
