/* lint.h - one lint run: options, files, documents, and the report() API
 * that rules use to append diagnostics.
 *
 * Flow: lint_file() reads a file, loads each document into a tree, labels
 * its kind and runs every family's check_doc; lint_run() then runs every
 * family's check_run over all files. Documents are freed after check_doc
 * unless a family set doc->keep (it needs them in check_run); all are freed
 * by file_release().
 *
 * Failure: I/O trouble is recorded in file->io_error (exit status 2);
 * everything about the content is a diagnostic. */
#ifndef BACKUPLINT_LINT_H
#define BACKUPLINT_LINT_H

#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "source.h"
#include "tree.h"
#include "../rules/registry.h"

struct options {
	const char *region;   /* --region: source Region when the document does not say */
	const char *account;  /* --account: source account */
	const char *facts;    /* --facts: "spec" (default) or "current" */
	int fail_on;          /* enum severity; SEV_NONE never fails */
	size_t max_bytes;     /* --max-file-size */
	unsigned max_depth;   /* --max-depth: nesting of containers */
	size_t max_alias_nodes; /* --max-alias-nodes: nodes reachable through aliases */
	size_t max_findings;  /* --max-findings: kept per file; more are counted */
	unsigned char disabled[RULE_COUNT]; /* --disable */
};

void options_init(struct options *o);

enum doc_kind {
	DOC_UNKNOWN,
	DOC_PLAN_INPUT,       /* CreateBackupPlan / UpdateBackupPlan input */
	DOC_PLAN_OUTPUT,      /* GetBackupPlan output */
	DOC_PLAN_BARE,        /* {"BackupPlanName", "Rules"}: --backup-plan file:// */
	DOC_SELECTION_INPUT,  /* CreateBackupSelection input */
	DOC_SELECTION_OUTPUT, /* GetBackupSelection output */
	DOC_SELECTION_BARE,   /* {"SelectionName", "IamRoleArn", ...} */
	DOC_COPY_JOB,         /* StartCopyJob input */
	DOC_CFN,              /* CloudFormation template */
	DOC_EMPTY,            /* empty document (no content) */
};

const char *doc_kind_name(enum doc_kind k);

struct file;

struct doc {
	struct file *file;
	struct node *root;     /* NULL when the document failed to load */
	enum doc_kind kind;
	unsigned index;        /* 0-based document number in the stream */
	int keep;              /* set by a family to keep it for check_run */
	struct arena arena;    /* nodes, strings, family scratch */
	const struct options *opt;
	/* Per-family data for check_run, indexed like families[]. */
	void *ext[16];
};

struct file {
	struct source src;
	const char *arg;       /* the path as given or found */
	int explicit_arg;      /* named on the command line (not found by walking) */
	int io_error;          /* 1: could not be read; message in io_msg */
	char *io_msg;
	struct diag_list diags;
	size_t dropped;        /* findings over --max-findings, counted only */
	int dropped_severity;  /* the worst of them */
	struct doc **docs;     /* documents kept for check_run */
	size_t ndocs;
	const struct options *opt;
};

struct run {
	struct file **files;
	size_t nfiles;
	const struct options *opt;
};

/* Read and lint one file (phase one). `path` "-" is standard input. */
void lint_file(struct file *f, const char *path, const char *display,
	       int explicit_arg, const struct options *opt);
/* Lint an in-memory buffer as if read from a file named `name`. */
void lint_buffer(struct file *f, const char *name, const char *buf,
		 size_t len, const struct options *opt);
/* Phase two: check_run of every family, then sort each file's diagnostics. */
void lint_run(struct run *r);
void file_release(struct file *f);

/* Report a finding of rule `r` at node `at` (its whole span) of document d.
 * The message is printf-formatted and should name the values involved.
 * Returns the diagnostic (valid until the next report) so that a hint or a
 * different severity can be set, or NULL when the rule is disabled. */
struct diag *report(struct doc *d, enum rule_id r, const struct node *at,
		    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* The same at an explicit byte span (start, end) of the file, with a path. */
struct diag *report_span(struct file *f, unsigned doc_index, enum rule_id r,
			 size_t start, size_t end, const char *path,
			 const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));
/* Attach a hint ("hint: ..." in text output). */
void diag_hint(struct file *f, struct diag *dg, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Attach a related position (e.g. the first of two duplicate keys). */
void diag_related(struct file *f, struct diag *dg, size_t off,
		  const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Byte offset in the file where the text of string node n starts, when
 * its bytes stand there verbatim (JSON or YAML quoted or plain, without
 * escapes or folding); -1 otherwise. */
long node_text_offset(const struct doc *d, const struct node *n);
/* Report at bytes [off, off+len) of string node n (a field inside a cron
 * expression, a ${Var} inside Fn::Sub), or at the whole node when its text
 * cannot be located exactly. */
struct diag *report_in(struct doc *d, enum rule_id r, const struct node *n,
		       size_t off, size_t len, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* Document path of node n in d ("BackupPlan.Rules[0].RuleName"), allocated
 * in the file's diagnostic arena. */
const char *doc_path(struct doc *d, const struct node *n);

#endif
