/* diag.h - compiler-style diagnostics and the exit-status policy.
 * Included by every stage that reports problems in a paper. A diagnostic
 * context is created per input file; it counts what it printed, so the
 * caller turns "worst severity seen" into the exit status. */
#ifndef BC_DIAG_H
#define BC_DIAG_H

#include <stdio.h>

/* Exit statuses, documented in boardc --help and docs/usage.md. */
enum bc_exit {
	BC_EXIT_OK = 0,
	BC_EXIT_INVALID = 1, /* the input has errors; diagnostics printed */
	BC_EXIT_USAGE = 2,   /* bad command line */
	BC_EXIT_IO = 3,	     /* cannot read, write, or resources exhausted */
};

enum bc_severity { BC_NOTE, BC_WARNING, BC_ERROR };

struct bc_diag {
	const char *file; /* shown as the location prefix; not owned */
	FILE *out;	  /* where messages go (stderr by default) */
	int errors;
	int warnings;
	int io_error; /* set when the failure was I/O or a resource limit */
};

void bc_diag_init(struct bc_diag *d, const char *file, FILE *out);

/* Print "file:line:col: severity: message". line/col <= 0 are omitted. */
void bc_diag(struct bc_diag *d, enum bc_severity sev, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* A "hint:" line attached to the previous diagnostic. */
void bc_hint(struct bc_diag *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* "boardc: <fmt with arg>" and the usage text on stderr; returns
 * BC_EXIT_USAGE. */
int bc_usage_error(const char *fmt, const char *arg, const char *usage);
/* The exit status for what a diagnostic context saw: I/O beats errors. */
int bc_exit_status(const struct bc_diag *d);

#endif
