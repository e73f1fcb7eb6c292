/* data.h - the embedded data files of schemas/ as trees, parsed on first use.
 *
 * Ownership: the trees live for the whole process (never freed); loading is
 * thread-safe and happens at most once per file. A data file that fails to
 * parse is a build defect: data_tree() aborts with a message. */
#ifndef BACKUPLINT_DATA_H
#define BACKUPLINT_DATA_H

#include "tree.h"

/* Root of schemas/<name> parsed as JSON ("facts-spec.json"). */
const struct node *data_tree(const char *name);
/* The name of the i-th data file ("facts-spec.json"), in name order; NULL
 * past the end. */
const char *data_name(size_t i);
/* Raw bytes of schemas/<name> (NUL-terminated), for line-based data such as
 * timezones.txt; NULL when there is no such file. */
const char *data_text(const char *name, size_t *len);

#endif
