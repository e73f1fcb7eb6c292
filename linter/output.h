/* output.h - writing diagnostics for people and machines (one format a file,
 * linter/out_*.c; the rule documentation is ruledoc.h).
 *
 * Outputs read diagnostics (and, for the text format, the source lines they
 * point at); they never look at document trees. Formats:
 *   text   FILE:LINE:COL: SEVERITY: MESSAGE [ID name], the source line with
 *          ^~~~ under the span, hint/note lines, a one-line summary
 *   gnu    the first line of each diagnostic only; golden tests compare it
 *   json   {"diagnostics": [{"file", "line", "column", "end_line",
 *          "end_column", "severity", "rule", "name", "message", "path",
 *          "hint", "related"}], "summary": {"files", "unreadable", "errors",
 *          "warnings", "infos"}}, one diagnostic a line; end_column is
 *          exclusive, hint and related ({"line", "column", "message"}) null
 *          when absent
 *   sarif  SARIF 2.1.0 with every rule of the table
 *   github GitHub Actions workflow commands (::error file=...::message)
 *
 * Ownership: nothing returned is allocated; output_write() borrows the files.
 * Failure: output_write() returns -1 when writing to fp failed (a full disk,
 * a closed pipe), 0 otherwise. Control characters of messages and file names
 * are escaped in text and gnu output, so a document cannot drive the
 * terminal. */
#ifndef BACKUPLINT_OUTPUT_H
#define BACKUPLINT_OUTPUT_H

#include <stddef.h>
#include <stdio.h>

#include "lint.h"
#include "rule.h"

enum out_format { OUT_TEXT, OUT_GNU, OUT_JSON, OUT_SARIF, OUT_GITHUB };

/* "text", "gnu", "json", "sarif", "github"; -1 when unknown. */
int out_format_parse(const char *s);

struct out_opts {
	const struct rule_table *rules; /* the table diagnostics index */
	int color;                /* ANSI colours in text output */
	int quiet;                /* text: no summary line */
	const char *tool_version; /* for SARIF's tool.driver; NULL: VERSION */
	int baseline;             /* a --baseline was applied */
	size_t baseline_fixed;    /* its findings no longer found */
	/* text: findings --fix would fix, and those only --unsafe-fixes would
	 * (counted by the writer) */
	size_t fixable, unsafe_fixable;
};

/* 1 when a human format shows diagnostic d: not suppressed, not in the
 * baseline. */
#define OUT_SHOWN(d) (!(d)->suppressed && !(d)->baselined)

/* Write all diagnostics of files[0..n) in order (files are already sorted
 * and complete). A file with io_error is not printed (the caller prints its
 * reason), except for diagnostics it carries (BKP005 for a file over the
 * size limit), shown without a source line; the summaries count it as
 * unreadable, and SARIF adds a tool execution notification for it.
 * Returns -1 when writing failed (checked with ferror after fflush), else 0. */
int output_write(FILE *fp, enum out_format fmt, struct file **files, size_t n,
		 const struct out_opts *o);

struct run;
/* `--report controls`: the run's verdicts (session.h), one line each with
 * the file, the item, the check and its verdict, then the counts; or, with
 * json, {"controls": [...], "summary": {...}}. -1 when writing failed. */
int out_controls(FILE *fp, const struct run *r, int json);

#endif
