/* readsum.c - anchor: read every file and sum its bytes, nothing else.
 *
 * The floor for any tool that must look at every byte: process start-up,
 * directory walk, open/read/close. Prints the sum so that the loop cannot be
 * optimised away. Usage: readsum FILE|DIR...; exit 2 on I/O trouble. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "files.h"

int main(int argc, char **argv)
{
	struct filelist l = { 0 };
	char *buf = NULL;
	size_t cap = 0, len, i, j;
	uint64_t sum = 0;
	int k, rc = 0;

	for (k = 1; k < argc; k++)
		if (filelist_add(&l, argv[k]))
			rc = 2;
	for (i = 0; i < l.n; i++) {
		if (slurp(l.v[i], &buf, &cap, &len)) {
			rc = 2;
			continue;
		}
		for (j = 0; j < len; j++)
			sum += (unsigned char)buf[j];
	}
	printf("%zu files, byte sum %llu\n", l.n, (unsigned long long)sum);
	free(buf);
	filelist_free(&l);
	return rc;
}
