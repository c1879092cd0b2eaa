/* util.h - allocation that never returns NULL, and a growable byte buffer.
 * Included by every module. Allocation failure prints a message and exits
 * with status 3 (resource error): there is no partial recovery to attempt. */
#ifndef BC_UTIL_H
#define BC_UTIL_H

#include <stdarg.h>
#include <stddef.h>

void *bc_xmalloc(size_t n);
void *bc_xcalloc(size_t count, size_t size);
void *bc_xrealloc(void *p, size_t n);
char *bc_xstrdup(const char *s);
char *bc_xstrndup(const char *s, size_t n);
char *bc_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Grow *items (of elem_size bytes each) so that index n is valid; *cap tracks
 * the allocated count. */
void bc_grow(void **items, size_t *cap, size_t n, size_t elem_size);
#define BC_PUSH(arr, len, cap, value)                                                              \
	do {                                                                                       \
		bc_grow((void **)&(arr), &(cap), (len), sizeof *(arr));                            \
		(arr)[(len)++] = (value);                                                          \
	} while (0)

/* Whether path, with links resolved, lies below dir (both must exist).
 * Only files inside a paper's folder are opened at all. */
#include <stdbool.h>
bool bc_path_inside(const char *dir, const char *path);

/* Threads for -j: the number of cores (1 to 64), and "N" read as a
 * number of threads from 1 to 64 (0 when it is not one). */
int bc_jobs_default(void);
int bc_jobs_parse(const char *v);

/* A NUL-terminated growable string. Owner frees with bc_buf_free. */
struct bc_buf {
	char *data;
	size_t len;
	size_t cap;
};

void bc_buf_add(struct bc_buf *b, const char *s, size_t n);
void bc_buf_adds(struct bc_buf *b, const char *s);
void bc_buf_addc(struct bc_buf *b, char c);
void bc_buf_printf(struct bc_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Text for XML or HTML content and attributes: & < > " escaped. */
void bc_buf_add_escaped(struct bc_buf *b, const char *s);
char *bc_buf_detach(struct bc_buf *b); /* caller frees; buffer is reset */
void bc_buf_free(struct bc_buf *b);

#endif
