/* cjson_parse.c - anchor: cJSON parse and free of every file.
 *
 * What a JSON linter built on a DOM library pays before any rule runs.
 * Usage: cjson_parse FILE|DIR...; exit 1 when a file is not valid JSON,
 * 2 on I/O trouble. */
#include <stdio.h>
#include <stdlib.h>

#include <cjson/cJSON.h>

#include "files.h"

int main(int argc, char **argv)
{
	struct filelist l = { 0 };
	char *buf = NULL;
	size_t cap = 0, len, i, bad = 0;
	int k, rc = 0;

	for (k = 1; k < argc; k++)
		if (filelist_add(&l, argv[k]))
			rc = 2;
	for (i = 0; i < l.n; i++) {
		cJSON *root;

		if (slurp(l.v[i], &buf, &cap, &len)) {
			rc = 2;
			continue;
		}
		root = cJSON_ParseWithLength(buf, len);
		if (!root) {
			fprintf(stderr, "%s: not valid JSON\n", l.v[i]);
			bad++;
		}
		cJSON_Delete(root);
	}
	printf("%zu files, %zu invalid\n", l.n, bad);
	free(buf);
	filelist_free(&l);
	return rc ? rc : bad ? 1 : 0;
}
