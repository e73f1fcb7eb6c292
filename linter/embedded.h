/* embedded.h - the data files of schemas/, compiled into the binary.
 *
 * Ownership: static storage, never freed. The data is NUL-terminated. */
#ifndef BACKUPLINT_EMBEDDED_H
#define BACKUPLINT_EMBEDDED_H

#include <stddef.h>

/* Contents of schemas/<name> (e.g. "regions.json"), or NULL. */
const char *embedded_file(const char *name, size_t *len);
/* The name of the i-th embedded file (in name order), NULL past the end. */
const char *embedded_name(size_t i);

#endif
