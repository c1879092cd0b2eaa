/* datadir.c - where styles and templates live. The binary finds its data
 * relative to itself, so a build tree and an installed tree (PREFIX/bin,
 * PREFIX/share/boardc) both work without a path compiled in. */
#include "datadir.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

static char *exe_dir(void)
{
	char buf[4096];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
	if (n <= 0)
		return NULL;
	buf[n] = '\0';
	char *slash = strrchr(buf, '/');
	if (!slash)
		return NULL;
	*slash = '\0';
	return bc_xstrdup(buf);
}

static bool is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

size_t bc_datadir_list(const char *kind, char **dirs, size_t max)
{
	size_t n = 0;
	const char *env = getenv("BOARDC_DATA_DIR");
	if (env && *env && n < max) {
		char *d = bc_xasprintf("%s/%s", env, kind);
		if (is_dir(d))
			dirs[n++] = d;
		else
			free(d);
	}
	char *exe = exe_dir();
	if (exe) {
		const char *rel[] = {"../share/boardc", ".."};
		for (size_t i = 0; i < 2 && n < max; i++) {
			char *d = bc_xasprintf("%s/%s/%s", exe, rel[i], kind);
			if (is_dir(d))
				dirs[n++] = d;
			else
				free(d);
		}
		free(exe);
	}
	return n;
}

static bool is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

char *bc_datadir_find(const char *kind, const char *name, const char *paper_dir)
{
	/* Names are plain words: never a path that could leave the folders. */
	if (!name || !*name || strchr(name, '/') || name[0] == '.')
		return NULL;
	if (paper_dir) {
		char *p = bc_xasprintf("%s/%s/%s.xml", paper_dir, kind, name);
		if (is_file(p))
			return p;
		free(p);
	}
	char *dirs[4];
	size_t n = bc_datadir_list(kind, dirs, 4);
	char *found = NULL;
	for (size_t i = 0; i < n; i++) {
		if (!found) {
			char *p = bc_xasprintf("%s/%s.xml", dirs[i], name);
			if (is_file(p))
				found = p;
			else
				free(p);
		}
		free(dirs[i]);
	}
	return found;
}
