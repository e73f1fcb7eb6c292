/* data.c - the embedded data files: trees and texts generated at build time. */
#include "data.h"

#include <stdio.h>
#include <stdlib.h>

#include "embedded.h"

const char *data_name(size_t i)
{
	return embedded_name(i);
}

const char *data_text(const char *name, size_t *len)
{
	return embedded_file(name, len);
}

const struct node *data_tree(const char *name)
{
	const struct node *r = embedded_tree(name);
	if (!r) {
		fprintf(stderr, "backuplint: internal error: no data file %s\n", name);
		abort();
	}
	return r;
}
