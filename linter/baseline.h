/* baseline.h - adopting backuplint on a repository that already has
 * findings: --write-baseline FILE records today's findings; --baseline FILE
 * then reports only the ones that are not in it.
 *
 * Findings are matched by fingerprint (report.h: rule, file, the document
 * path with list items named, the text under the span without white space
 * and quotes), counted, never by line: lines added above a finding, a file
 * re-indented or JSON reformatted leave it matched. Entries that match
 * nothing any more are counted as fixed.
 *
 * The file is JSON: {"backuplint-baseline": 1, "version": "...",
 * "findings": [{"fingerprint", "rule", "file", "path", "message"}]} (the
 * last three for a reader; only the fingerprint is matched).
 *
 * Ownership: a baseline owns its entries. Failure: reading returns -1 with
 * a one-line reason (not a baseline, from a newer backuplint, unreadable);
 * writing is atomic (a temporary file beside it, renamed) and returns -1
 * with a reason. */
#ifndef BACKUPLINT_BASELINE_H
#define BACKUPLINT_BASELINE_H

#include <stddef.h>
#include <stdint.h>

#include "lint.h"

#define BASELINE_FORMAT 1

struct baseline {
	struct baseline_entry {
		uint64_t fingerprint;
		size_t count;
	} *v;
	size_t n;
};

int baseline_read(struct baseline *b, const char *path, char *err, size_t n);
void baseline_release(struct baseline *b);
/* Mark the findings of files[0..n) that the baseline holds (dg->baselined);
 * returns how many of its entries matched nothing (fixed since). Suppressed
 * findings are left alone. */
size_t baseline_apply(struct baseline *b, struct file **files, size_t n);
/* The same marks without using the baseline up: for --fix, which must not
 * fix what the baseline holds, before the findings are reported. */
void baseline_mark(const struct baseline *b, struct file **files, size_t n);
/* Write the unsuppressed findings of files[0..n) to `path`. */
int baseline_write(const char *path, struct file **files, size_t n,
		   const char *version, char *err, size_t errlen);

#endif
