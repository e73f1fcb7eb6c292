/* report.h - the one way to report a finding, and the finalize step.
 *
 * A rule reports on a node (its whole span), on a part of a string node
 * (bytes [off, off+len) of its text: a field of a cron expression, the
 * Region of an ARN), or, for the engine's own input checks, on a raw byte
 * span of the file. A part of a string is pointed at exactly when the loader
 * marked the string verbatim (NF_VERBATIM: no escapes, no folding); else the
 * whole node is. Each report returns the diagnostic, so that a hint, a
 * related place, fixes or a demotion can be attached, or NULL when nothing
 * is kept.
 *
 * Policy is applied in one place, in this order: whether the rule is on
 * (session), then the findings cap (--max-findings: past it findings are
 * only counted, so that a hostile file cannot exhaust memory), when each is
 * reported; the effective severity (the rule's, lowered by the demotion)
 * and the order (by position) in file_finalize(), after the run phase.
 *
 * Ownership: messages, hints and fixes are copied into the file's list. */
#ifndef BACKUPLINT_REPORT_H
#define BACKUPLINT_REPORT_H

#include <stddef.h>

#include "diag.h"
#include "tree.h"

struct doc;
struct file;

struct diag *report(struct doc *d, int rule, const struct node *at,
		    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* At bytes [off, off+len) of the text of string node n; at n when the text
 * is not verbatim in the source or the part does not fit in it. */
struct diag *report_sub(struct doc *d, int rule, const struct node *n,
			size_t off, size_t len, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* At byte span [start, end) of file f (document doc_index), with document
 * path `path` ("" or NULL for the whole file). */
struct diag *report_at(struct file *f, unsigned doc_index, int rule,
		       size_t start, size_t end, const char *path,
		       const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));

/* Attach a hint ("hint: ..." in text output); dg may be NULL. */
void diag_hint(struct file *f, struct diag *dg, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Attach a related position (e.g. the first of two duplicate keys). */
void diag_related(struct file *f, struct diag *dg, size_t off,
		  const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Report dg `levels` severities below its rule's (error -> warning -> info,
 * never below info). */
void diag_demote(struct diag *dg, int levels);
/* Start a fix of dg (NULL when dg is NULL); add its edits with fix_edit. */
struct fix *diag_fix(struct file *f, struct diag *dg, int safe,
		     const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void fix_edit(struct file *f, struct fix *x, size_t start, size_t end,
	      const char *text);
/* A fix of dg that replaces bytes [off, off+len) of the text of string node
 * n by `text` (titled by fmt), when that text stands verbatim in the
 * source; NULL (no fix) otherwise. The caller makes sure that `text` needs
 * no quoting or escaping where it goes. */
struct fix *diag_fix_sub(struct file *f, struct diag *dg, int safe,
			 const struct node *n, size_t off, size_t len,
			 const char *text, const char *fmt, ...)
	__attribute__((format(printf, 8, 9)));
/* A fix of dg that replaces the scalar n by `text`: the text of a verbatim
 * string, or a plain number; NULL (no fix) for anything else (an alias, a
 * tag, an escaped or folded string). */
struct fix *diag_fix_scalar(struct file *f, struct diag *dg, int safe,
			    const struct node *n, const char *text,
			    const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* A fix of dg that removes the pair of `key` (a scalar value) from `map`:
 * in block style its whole line (with a comment after it), in flow style
 * or JSON the pair with one comma. NULL (no fix) when the map would be
 * left empty or the pair does not stand alone on its lines. */
struct fix *diag_fix_remove_pair(struct file *f, struct diag *dg, int safe,
				 const struct node *map, const struct node *key,
				 const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* 1 when rule number r is on for document d (so that a costly check can be
 * skipped when all its rules are off). */
int rule_on(const struct doc *d, int r);

/* Document path of node n in d ("BackupPlan.Rules[0].RuleName"), allocated
 * in the file's diagnostic list. */
const char *doc_path(struct doc *d, const struct node *n);

/* The file-independent part of dg's fingerprint for baselines and SARIF:
 * its rule, its document path with list items named (`stable_path`), and
 * the text under its span without white space and quotes. file_finalize()
 * adds the file's key (lint.h). */
uint64_t diag_fingerprint(const struct file *f, const struct diag *dg,
			  const char *stable_path);

/* The last step for file f: one finding for what the cap dropped, the
 * effective severities, the sort. Safe to call again after more findings
 * (a second run phase). */
void file_finalize(struct file *f);

#endif
