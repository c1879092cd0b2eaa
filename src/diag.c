/* diag.c - printing diagnostics in the file:line:col form editors parse. */
#include "diag.h"

#include <stdarg.h>

void bc_diag_init(struct bc_diag *d, const char *file, FILE *out)
{
	d->file = file;
	d->out = out ? out : stderr;
	d->errors = d->warnings = d->io_error = 0;
}

static const char *severity_name(enum bc_severity sev)
{
	switch (sev) {
	case BC_NOTE:
		return "note";
	case BC_WARNING:
		return "warning";
	case BC_ERROR:
		break;
	}
	return "error";
}

void bc_diag(struct bc_diag *d, enum bc_severity sev, int line, int col, const char *fmt, ...)
{
	if (sev == BC_ERROR)
		d->errors++;
	else if (sev == BC_WARNING)
		d->warnings++;
	if (d->file)
		fprintf(d->out, "%s:", d->file);
	if (line > 0) {
		fprintf(d->out, "%d:", line);
		if (col > 0)
			fprintf(d->out, "%d:", col);
	}
	fprintf(d->out, " %s: ", severity_name(sev));
	va_list ap;
	va_start(ap, fmt);
	vfprintf(d->out, fmt, ap);
	va_end(ap);
	fputc('\n', d->out);
}

void bc_hint(struct bc_diag *d, const char *fmt, ...)
{
	fputs("  hint: ", d->out);
	va_list ap;
	va_start(ap, fmt);
	vfprintf(d->out, fmt, ap);
	va_end(ap);
	fputc('\n', d->out);
}

int bc_usage_error(const char *fmt, const char *arg, const char *usage)
{
	fprintf(stderr, "boardc: ");
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	fprintf(stderr, "%s", usage);
	return BC_EXIT_USAGE;
}

int bc_exit_status(const struct bc_diag *d)
{
	if (d->io_error)
		return BC_EXIT_IO;
	return d->errors ? BC_EXIT_INVALID : BC_EXIT_OK;
}
