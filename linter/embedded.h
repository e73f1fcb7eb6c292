/* embedded.h - the data files of schemas/, compiled into the binary by
 * schemas/embed.c: each file's text, and each JSON file's tree as
 * linter/json.c loads it, built at compile time.
 *
 * Ownership: static read-only storage, never freed; no function here
 * allocates, parses or locks. Texts are NUL-terminated. Tree byte offsets
 * (start/end) are offsets into the file's text. */
#ifndef BACKUPLINT_EMBEDDED_H
#define BACKUPLINT_EMBEDDED_H

#include <stddef.h>

struct node;

/* Contents of schemas/<name> (e.g. "timezones.txt"), or NULL. */
const char *embedded_file(const char *name, size_t *len);
/* The name of the i-th embedded file (in name order), NULL past the end. */
const char *embedded_name(size_t i);
/* Root of schemas/<name> for a JSON file ("regions.json"), or NULL. */
const struct node *embedded_tree(const char *name);

/* The generated tables (build/embedded.c), ended by a NULL name. */
struct embedded {
	const char *name;
	const char *data;
	size_t len;
};
struct embedded_tree {
	const char *name;
	const struct node *root;
};
extern const struct embedded embedded_files[];
extern const struct embedded_tree embedded_trees[];

#endif
