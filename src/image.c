/* image.c - refuse, before decoding, a PNG with more pixels than a page
 * needs (see image.h). Cairo decodes a PNG whole: a 450 kB file declaring
 * 12000 x 12000 pixels became 576 MB of memory. */
#include "image.h"

#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

/* Width and height from a PNG's IHDR chunk; false when it is not a PNG. */
static bool png_size(const char *path, unsigned long *w, unsigned long *h)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return false;
	unsigned char b[24];
	struct stat st;
	bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && read(fd, b, sizeof b) == sizeof b &&
		  memcmp(b, "\x89PNG\r\n\x1a\n", 8) == 0 && memcmp(b + 12, "IHDR", 4) == 0;
	close(fd);
	if (!ok)
		return false;
	*w = (unsigned long)b[16] << 24 | (unsigned long)b[17] << 16 | (unsigned long)b[18] << 8 |
	     b[19];
	*h = (unsigned long)b[20] << 24 | (unsigned long)b[21] << 16 | (unsigned long)b[22] << 8 |
	     b[23];
	return true;
}

int bc_images_check(const struct bc_node *root, const char *base_dir, struct bc_diag *d)
{
	int before = d->errors;
	for (const struct bc_node *n = root; n; n = bc_node_walk(root, n, false)) {
		const char *src = n->kind == BC_IMAGE ? bc_node_attr(n, "src") : NULL;
		/* validate.c reports absolute paths and ".." components. */
		if (!src || !src[0] || src[0] == '/' || strstr(src, ".."))
			continue;
		char *path = bc_xasprintf("%s/%s", base_dir, src);
		unsigned long w, h;
		if (bc_path_inside(base_dir, path) && png_size(path, &w, &h) &&
		    (w > BC_IMAGE_MAX_PIXELS || h > BC_IMAGE_MAX_PIXELS ||
		     w * h > BC_IMAGE_MAX_PIXELS)) {
			bc_diag(d, BC_ERROR, n->line, n->col,
				"image '%s' is %lu x %lu pixels; the limit is %u million", src, w,
				h, BC_IMAGE_MAX_PIXELS / 1000000);
			bc_hint(d, "scale it down: a full page at 300 dpi needs about 2500 x "
				   "3500 pixels");
		}
		free(path);
	}
	return d->errors - before;
}
