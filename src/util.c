/* util.c - allocation helpers and the growable buffer. */
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void out_of_memory(size_t n)
{
	fprintf(stderr, "boardc: error: out of memory (allocating %zu bytes)\n", n);
	exit(3);
}

void *bc_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		out_of_memory(n);
	return p;
}

void *bc_xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (!p)
		out_of_memory(count * size);
	return p;
}

void *bc_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		out_of_memory(n);
	return q;
}

char *bc_xstrdup(const char *s)
{
	return bc_xstrndup(s, strlen(s));
}

char *bc_xstrndup(const char *s, size_t n)
{
	char *p = bc_xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *bc_xasprintf(const char *fmt, ...)
{
	struct bc_buf b = {0};
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return bc_xstrdup("");
	b.data = bc_xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(b.data, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return b.data;
}

void bc_grow(void **items, size_t *cap, size_t n, size_t elem_size)
{
	if (n < *cap)
		return;
	size_t want = *cap ? *cap * 2 : 8;
	while (want <= n)
		want *= 2;
	*items = bc_xrealloc(*items, want * elem_size);
	*cap = want;
}

/* Room for n more bytes and the terminating NUL. */
static void buf_reserve(struct bc_buf *b, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t want = b->cap ? b->cap * 2 : 64;
		while (want < b->len + n + 1)
			want *= 2;
		b->data = bc_xrealloc(b->data, want);
		b->cap = want;
	}
}

void bc_buf_add(struct bc_buf *b, const char *s, size_t n)
{
	buf_reserve(b, n);
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void bc_buf_adds(struct bc_buf *b, const char *s)
{
	bc_buf_add(b, s, strlen(s));
}

/* Called for every byte of a paper's text (text.c): no memcpy. */
void bc_buf_addc(struct bc_buf *b, char c)
{
	buf_reserve(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

void bc_buf_printf(struct bc_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n <= 0)
		return;
	char *tmp = bc_xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(tmp, (size_t)n + 1, fmt, ap);
	va_end(ap);
	bc_buf_add(b, tmp, (size_t)n);
	free(tmp);
}

char *bc_buf_detach(struct bc_buf *b)
{
	char *p = b->data ? b->data : bc_xstrdup("");
	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}

void bc_buf_free(struct bc_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

void bc_buf_add_escaped(struct bc_buf *b, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&':
			bc_buf_adds(b, "&amp;");
			break;
		case '<':
			bc_buf_adds(b, "&lt;");
			break;
		case '>':
			bc_buf_adds(b, "&gt;");
			break;
		case '"':
			bc_buf_adds(b, "&quot;");
			break;
		default:
			bc_buf_addc(b, *s);
		}
	}
}

int bc_jobs_default(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

int bc_jobs_parse(const char *v)
{
	char *end;
	long n = v ? strtol(v, &end, 10) : 0;
	return !v || !*v || *end || n < 1 || n > 64 ? 0 : (int)n;
}

bool bc_path_inside(const char *dir, const char *path)
{
	char *rd = realpath(dir, NULL), *rp = realpath(path, NULL);
	bool ok = false;
	if (rd && rp) {
		size_t n = strlen(rd);
		while (n > 0 && rd[n - 1] == '/') /* "/" itself */
			n--;
		ok = strncmp(rp, rd, n) == 0 && rp[n] == '/';
	}
	free(rd);
	free(rp);
	return ok;
}
