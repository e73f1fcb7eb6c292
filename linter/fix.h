/* fix.h - applying the fixes of diagnostics: --fix, --unsafe-fixes, --diff.
 *
 * Fixes are byte replacements on a file's original bytes (diag.h), so that
 * comments, quoting, indentation and line endings are kept. A pass applies
 * the fixes of a file in order of position; a fix whose edits overlap one
 * already taken waits for a later pass (never merged), after a relint of
 * every file of the run. Writes are atomic (a temporary file beside the
 * target, fsync, rename; mode and owner kept), never through a symlink that
 * leads out of the working tree, and never over a file whose bytes changed
 * since they were read.
 *
 * Failure: a file that cannot be written is reported on stderr and counted
 * (exit status 2); what is left after fixing is ordinary diagnostics. */
#ifndef BACKUPLINT_FIX_H
#define BACKUPLINT_FIX_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/stat.h>

#include "lint.h"

#define FIX_MAX_PASSES 10

enum fix_mode {
	FIX_NONE,
	FIX_WRITE,  /* --fix: write the files in place (stdin: to `out`) */
	FIX_DIFF,   /* --diff: a unified diff on `out`, nothing written */
};

struct baseline;

struct fix_opts {
	int mode;    /* enum fix_mode */
	int unsafe;  /* --unsafe-fixes: unsafe fixes too */
	/* --baseline: its findings are left as they are (not fixed), or NULL */
	const struct baseline *baseline;
};

struct fix_result {
	size_t changed;   /* files changed (or that would change, --diff) */
	size_t trouble;   /* files that could not be written */
};

/* 1 when dg has a fix that `unsafe` allows. */
int fix_applicable(const struct diag *dg, int unsafe);

/* Apply the fixes allowed by o->unsafe to files[0..nfix) (files[nfix..n)
 * are only read to link them), except those of findings that o->baseline
 * holds, relinting all n files in run r between
 * passes, at most FIX_MAX_PASSES times. Then, by o->mode: write the changed
 * files (a file named "-" is printed to `out`, changed or not), or print a
 * unified diff of each to `out`. On return the files hold the diagnostics
 * of what is on disk (or would be, with --diff). */
void fix_run(struct run *r, struct file **files, size_t n, size_t nfix,
	     const struct fix_opts *o, FILE *out, struct fix_result *res);

/* The result of applying to buf[0..len) the fixes of diags allowed by
 * `unsafe` that do not overlap an earlier one; *out (malloc'd) and *outlen.
 * Returns the number of fixes applied (0: *out is NULL). */
size_t fix_apply(const char *buf, size_t len, const struct diag_list *diags,
		 int unsafe, char **out, size_t *outlen);

/* What a file was when its bytes were read: stat, length, content hash. */
struct fix_seen {
	int have;            /* stat succeeded */
	struct stat st;
	uint64_t hash;
	size_t len;
};

/* Record path as read with bytes buf[0..len) (stat after the read). */
void fix_seen_init(struct fix_seen *was, const char *path, const char *buf,
		   size_t len);

/* Replace the file at path, read as `was`, by buf[0..len) atomically: a
 * temporary file beside it with its mode and owner, fsync, a last check
 * that its size, mtime and content are still those of `was`, rename, fsync
 * of the folder. A symlink is written through only when its target is in
 * the working tree (the current directory). Returns 0 when written, 1 when
 * skipped on purpose, -1 on failure; the reason in why[whylen]. */
int fix_write(const char *path, const struct fix_seen *was, const char *buf,
	      size_t len, char *why, size_t whylen);

/* Print a unified diff (3 lines of context) of a -> b, named a/NAME and
 * b/NAME. */
void fix_diff(FILE *fp, const char *name, const char *a, size_t alen,
	      const char *b, size_t blen);

#endif
