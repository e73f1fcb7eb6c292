/* session.h - the context every entry point takes: session -> run -> file ->
 * document.
 *
 * A session holds what is decided once: the options, the checker (rule
 * table, families, document kinds), the effective severity of every rule,
 * how "today" is decided, and the checker's own session state (the facts
 * dataset). A run lints a set of files against a session: it fixes today's
 * date, holds the checker's run state (links between documents) and the
 * files. One process may hold several sessions and lint many runs in a row
 * (a language server): nothing here is process-global, and runs of the same
 * files give the same findings.
 *
 * Ownership: session_init() copies the options' strings it keeps; a run
 * borrows its session and owns neither its files nor the array (lint.h).
 * Failure: session_init() returns -1 with a one-line reason (a bad option
 * value, an invalid date); nothing here exits. */
#ifndef BACKUPLINT_SESSION_H
#define BACKUPLINT_SESSION_H

#include <stddef.h>

#include "checker.h"

struct options {
	const char *region;   /* --region: source Region when the document does not say */
	const char *account;  /* --account: source account */
	const char *facts;    /* --facts: the dataset name, NULL for the default */
	const char *now;      /* "YYYY-MM-DD" fixing today (BACKUPLINT_NOW), or NULL: the clock */
	int fail_on;          /* enum severity; SEV_NONE never fails */
	size_t max_bytes;     /* --max-file-size */
	unsigned max_depth;   /* --max-depth: nesting of containers */
	size_t max_alias_nodes; /* --max-alias-nodes: nodes reachable through aliases */
	size_t max_findings;  /* --max-findings: kept per file; more are counted */
	int apply_frameworks; /* --apply-frameworks: the checker applies the
			       * frameworks found in the run to every file */
	int map_files;        /* read big files by mapping them (source.h);
			       * off in a long-lived process, where a file
			       * cut short under it must not end the process */
};

/* The defaults of every option. */
void options_init(struct options *o);

struct date {
	int year, mon, day; /* mon 1-12, day 1-31 */
};

/* "YYYY-MM-DD" (a real date, years 1970-2199) into *out: 0, or -1. */
int date_parse(const char *s, struct date *out);

struct session {
	const struct checker *ck;
	struct options opt;
	unsigned char *sev;   /* per rule number: effective severity, 0 = off */
	int today_fixed;      /* opt.now was given: every run uses `today` */
	struct date today;
	void *state;          /* the checker's (session_init) */
};

/* 0, or -1 with a reason in err[errlen]: an invalid date, or what the
 * checker's session_init refuses. */
int session_init(struct session *s, const struct checker *ck,
		 const struct options *o, char *err, size_t errlen);
void session_release(struct session *s);

/* Set the severity of rule number r (0 turns it off). */
void session_set_severity(struct session *s, int r, int sev);
/* Effective severity of rule number r, 0 when it is off or unknown. */
int session_severity(const struct session *s, int r);

enum phase {
	PHASE_DOC,  /* documents are checked one by one (check_doc) */
	PHASE_RUN,  /* findings that link documents (check_run) */
};

struct file;

/* The verdict of one check on one item of a file (a policy control on a
 * plan or a vault), for `--report controls`: checkers record them in the
 * run phase, out_controls() writes them. */
enum verdict { VERDICT_PASS, VERDICT_FAIL, VERDICT_UNDECIDED };

struct run_verdict {
	const struct file *file;
	const char *item;     /* "plan 'orders'" (lives as long as the file) */
	const char *check;    /* "BACKUP_RECOVERY_POINT_ENCRYPTED" */
	const char *group;    /* the framework it comes from, or NULL */
	int verdict;          /* enum verdict */
};

struct run {
	struct session *s;
	struct date today;    /* fixed for the whole run */
	int phase;            /* enum phase: tags the findings reported */
	struct file **files;  /* set by run_finish() */
	size_t nfiles;
	void *state;          /* the checker's (run_init) */
	int release;          /* documents may be released after their checks
			       * (lint.h): the command line's runs, not the
			       * language server's or --fix's */
	long jobs;            /* threads for the run phase's deferred
			       * documents (checker.h defer_cmp); 0, 1: one */
	struct run_verdict *verdicts; /* in the order recorded */
	size_t nverdicts, cverdicts;
	int links;            /* a kept document links to others, or may
			       * (release.c); read and set atomically */
};

/* Record a verdict (strings are borrowed: they must outlive the run's
 * output). */
void run_verdict_add(struct run *r, const struct file *f, const char *item,
		     const char *check, const char *group, int verdict);

/* Start a run: today is the session's fixed date or the UTC date now. */
void run_init(struct run *r, struct session *s);
void run_release(struct run *r);

#endif
