/* suppress.h - silencing one finding with a reason.
 *
 * In source: a comment "backuplint: disable=BKP302,cold-storage-ignored --
 * reason" silences those rules on its own line, or, alone on a line, on the
 * next line that holds something; "backuplint: disable-file=..." silences
 * them in the whole file. A checker may add its own (CloudFormation's
 * Metadata) through suppress_name(). External: a configuration's per-file
 * entry that turns a rule off for a file keeps its findings, marked
 * suppressed.
 *
 * A suppressed finding is kept (SARIF shows it as suppressed, the summary
 * counts it) but printed by no human format and never fails a run. A
 * directive that silences nothing is itself a finding, and so is one that
 * names no rule (with a did-you-mean).
 *
 * Ownership: a file's suppressions live in its diagnostic list's arena. */
#ifndef BACKUPLINT_SUPPRESS_H
#define BACKUPLINT_SUPPRESS_H

#include <stddef.h>
#include <stdint.h>

struct file;

enum supp_kind {
	SUPP_NONE,
	SUPP_IN_SOURCE,  /* a comment or the document's own metadata */
	SUPP_EXTERNAL,   /* the configuration */
};

struct suppression {
	int rule;                /* rule number */
	uint32_t start, end;     /* the bytes whose findings it silences */
	uint32_t at, at_end;     /* the directive, for "silences nothing" */
	unsigned doc;            /* document number of the directive */
	int used;
	int comment;             /* a comment directive (not metadata) */
	const char *reason;      /* after "--", or NULL */
};

/* Scan f's text for comment directives; `comment` is the syntax's line
 * comment ("#"), NULL when it has none. */
void suppress_scan(struct file *f, const char *comment);

/* A directive naming rule `name` (an id or a name, len bytes at [at,
 * at_end)) that silences [start, end) of document doc: added, or reported
 * when it names no rule. The reason (NULL: none) is copied. */
void suppress_name(struct file *f, const char *name, size_t len, uint32_t at,
		   uint32_t at_end, unsigned doc, uint32_t start, uint32_t end,
		   const char *reason);

/* The suppression kind for a finding of rule r at byte `start` of f, and
 * its reason in *reason; marks the directive used. */
int suppress_match(struct file *f, int r, uint32_t start, const char **reason);

/* Report the directives of f that silenced nothing. */
void suppress_report_unused(struct file *f);

#endif
