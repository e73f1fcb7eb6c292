/* files.h - file arguments and file reading shared by the benchmark anchors.
 *
 * An argument is a file, or a directory standing for every regular file
 * below it (sorted by name, recursively), so that a 10,000-file run is one
 * short command line, as for backuplint. Failure: functions print the reason
 * to stderr and return -1. */
#ifndef BENCH_FILES_H
#define BENCH_FILES_H

#include <stddef.h>

struct filelist {
	char **v;
	size_t n, cap;
};

/* Append `path` (a file, or the files below a directory) to l. */
int filelist_add(struct filelist *l, const char *path);
void filelist_free(struct filelist *l);

/* Read a whole file into *buf (grown as needed, NUL-terminated; *cap is its
 * size); *len receives the byte count. */
int slurp(const char *path, char **buf, size_t *cap, size_t *len);

#endif
