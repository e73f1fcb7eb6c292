/* embedded.c - lookup into the table generated from schemas/ by embed.c. */
#include "embedded.h"

#include <string.h>

struct embedded {
	const char *name;
	const char *data;
	size_t len;
};

extern const struct embedded embedded_files[];

const char *embedded_file(const char *name, size_t *len)
{
	const struct embedded *e;
	for (e = embedded_files; e->name; e++)
		if (strcmp(e->name, name) == 0) {
			if (len)
				*len = e->len;
			return e->data;
		}
	return NULL;
}

const char *embedded_name(size_t i)
{
	size_t k;
	for (k = 0; embedded_files[k].name; k++)
		if (k == i)
			return embedded_files[k].name;
	return NULL;
}
