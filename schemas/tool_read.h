/* tool_read.h - the build tools' one way to read a schema file whole
 * (schemas/embed.c, schemas/shapegen.c): NUL-terminated, its length in
 * *len; a file that cannot be read stops the build with its name. */
#ifndef BACKUPLINT_TOOL_READ_H
#define BACKUPLINT_TOOL_READ_H

#include <stdio.h>
#include <stdlib.h>

#include "../linter/arena.h"

static inline char *tool_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0, got;
	if (!f) {
		perror(path);
		exit(1);
	}
	do {
		if (n == cap) {
			cap = cap ? 2 * cap : 65536;
			buf = xrealloc(buf, cap + 1);
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got);
	if (ferror(f)) {
		perror(path);
		exit(1);
	}
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

#endif
