/* data.h - the embedded data files of schemas/ as trees.
 *
 * Ownership: the trees are static read-only data built at compile time
 * (schemas/embed.c): no parsing, allocation or locking at run time, safe
 * from any thread, never freed; do not write through them. Asking for a
 * file that is not embedded is a defect of the program: data_tree() aborts
 * with a message. */
#ifndef BACKUPLINT_DATA_H
#define BACKUPLINT_DATA_H

#include "tree.h"

/* Root of schemas/<name> as loaded by json.c ("facts-spec.json"). */
const struct node *data_tree(const char *name);
/* The name of the i-th data file ("facts-spec.json"), in name order; NULL
 * past the end. */
const char *data_name(size_t i);
/* Raw bytes of schemas/<name> (NUL-terminated), for line-based data such as
 * timezones.txt; NULL when there is no such file. */
const char *data_text(const char *name, size_t *len);

#endif
