/* output.c - temp-file-and-rename output (see output.h). */
#include "output.h"

#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

/* The one piece of process-wide state in boardc: the temporary file being
 * written, so that SIGINT, SIGTERM or SIGHUP can remove it before the
 * process dies (a handler has no other way to know it), and so can SIGABRT
 * (a library that runs out of memory under a memory limit aborts) and
 * exit() (boardc's own allocations failing: util.c). SIGKILL cannot be
 * caught: then a hidden .boardc-XXXXXX file may remain beside the output,
 * but the output itself is never half-written. */
static char pending[4096];
static volatile sig_atomic_t have_pending;

static void on_signal(int sig)
{
	if (have_pending)
		unlink(pending);
	signal(sig, SIG_DFL);
	raise(sig);
}

static void on_exit_unlink(void)
{
	if (have_pending)
		unlink(pending);
	have_pending = 0;
}

static void track(const char *tmp)
{
	static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGABRT};
	static bool registered;
	have_pending = 0;
	if (!tmp || strlen(tmp) >= sizeof pending)
		return;
	if (!registered)
		registered = atexit(on_exit_unlink) == 0;
	memcpy(pending, tmp, strlen(tmp) + 1);
	for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
		struct sigaction sa;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_signal;
		sigemptyset(&sa.sa_mask);
		sigaction(sigs[i], &sa, NULL);
	}
	have_pending = 1;
}

int bc_out_open(struct bc_out *o, const char *path, struct bc_diag *d)
{
	memset(o, 0, sizeof *o);
	if (strcmp(path, "-") == 0) {
		o->fp = stdout;
		return 0;
	}
	/* A device or a pipe (-o /dev/null, a FIFO) is written in place:
	 * renaming over it would replace it with a plain file. */
	struct stat st;
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
		o->fp = fopen(path, "wb");
		if (!o->fp) {
			bc_diag(d, BC_ERROR, 0, 0, "cannot open output '%s': %s", path,
				strerror(errno));
			d->io_error = 1;
			return -1;
		}
		o->path = bc_xstrdup(path);
		return 0;
	}
	const char *slash = strrchr(path, '/');
	char *dir = slash ? bc_xstrndup(path, (size_t)(slash - path + 1)) : bc_xstrdup("");
	o->tmp = bc_xasprintf("%s.boardc-XXXXXX", dir);
	free(dir);
	int fd = mkstemp(o->tmp);
	if (fd < 0) {
		bc_diag(d, BC_ERROR, 0, 0, "cannot create output beside '%s': %s", path,
			strerror(errno));
		d->io_error = 1;
		free(o->tmp);
		o->tmp = NULL;
		return -1;
	}
	/* mkstemp makes the file 0600; a published PDF follows the umask. */
	mode_t mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) != 0) {
		/* Not fatal: the file is still written. */
	}
	o->fp = fdopen(fd, "wb");
	if (!o->fp) {
		close(fd);
		bc_out_abort(o);
		bc_diag(d, BC_ERROR, 0, 0, "cannot open output: %s", strerror(errno));
		d->io_error = 1;
		return -1;
	}
	o->path = bc_xstrdup(path);
	track(o->tmp);
	return 0;
}

int bc_out_commit(struct bc_out *o, struct bc_diag *d)
{
	if (!o->tmp) { /* standard output, a device or a pipe */
		int rc = fflush(o->fp) != 0 || ferror(o->fp) ? -1 : 0;
		if (o->fp != stdout && fclose(o->fp) != 0)
			rc = -1;
		o->fp = NULL;
		if (rc != 0) {
			bc_diag(d, BC_ERROR, 0, 0, "writing to %s failed: %s",
				o->path ? o->path : "standard output", strerror(errno));
			d->io_error = 1;
		}
		free(o->path);
		o->path = NULL;
		return rc;
	}
	int rc = 0;
	if (fflush(o->fp) != 0 || fsync(fileno(o->fp)) != 0 || ferror(o->fp))
		rc = -1;
	if (fclose(o->fp) != 0)
		rc = -1;
	o->fp = NULL;
	if (rc == 0 && rename(o->tmp, o->path) != 0)
		rc = -1;
	if (rc != 0) {
		bc_diag(d, BC_ERROR, 0, 0, "cannot write '%s': %s", o->path, strerror(errno));
		d->io_error = 1;
		bc_out_abort(o);
		return -1;
	}
	have_pending = 0;
	free(o->tmp);
	free(o->path);
	o->tmp = o->path = NULL;
	return 0;
}

void bc_out_abort(struct bc_out *o)
{
	if (o->fp && o->fp != stdout)
		fclose(o->fp);
	o->fp = NULL;
	have_pending = 0;
	if (o->tmp)
		unlink(o->tmp);
	free(o->tmp);
	free(o->path);
	o->tmp = o->path = NULL;
}
