/* lint.h - one file through the pipeline: read, check the encoding, load
 * each document with the syntax that claims it, let the checker classify it,
 * run every family's check_doc; then, for the run, every family's check_run
 * and the finalize step of each file.
 *
 * Files are linted in worker threads (lint_file is thread-safe for distinct
 * files of one run); run_finish() runs in one thread after all of them.
 * Documents are freed after check_doc unless the checker set doc->keep (it
 * needs them in check_run); all are freed by file_release().
 *
 * Failure: I/O trouble is recorded in file->io_error (exit status 2);
 * everything about the content is a diagnostic. */
#ifndef BACKUPLINT_LINT_H
#define BACKUPLINT_LINT_H

#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "report.h"
#include "session.h"
#include "source.h"
#include "tree.h"

struct doc {
	struct file *file;
	struct node *root;     /* NULL for an empty document */
	int kind;              /* the checker's classify(), >= 0 */
	unsigned index;        /* 0-based document number in the stream */
	int keep;              /* set by the checker to keep it for check_run */
	struct arena arena;    /* nodes, strings, the checker's model */
	void *model;           /* the checker's model of the document */
};

struct file {
	struct run *run;
	struct source src;
	const char *arg;       /* the path as given or found */
	int explicit_arg;      /* named on the command line (not found by walking) */
	int io_error;          /* 1: could not be read; message in io_msg */
	char *io_msg;
	struct diag_list diags;
	size_t kept;           /* findings kept against --max-findings */
	size_t dropped;        /* findings over --max-findings, counted only */
	int dropped_severity;  /* the worst of them */
	size_t dropped_by[4];  /* all of them by severity (enum severity) */
	int skipped;           /* found by walking, but not a regular file */
	struct doc **docs;     /* documents kept for check_run */
	size_t ndocs;
};

/* The session of a document, a file. */
static inline struct session *doc_session(const struct doc *d)
{
	return d->file->run->s;
}

/* Read and lint one file (the document phase). `path` "-" is standard
 * input; `display` the name shown in output (NULL: path). */
void lint_file(struct run *r, struct file *f, const char *path,
	       const char *display, int explicit_arg);
/* Lint an in-memory buffer as if read from a file named `name`. */
void lint_buffer(struct run *r, struct file *f, const char *name,
		 const char *buf, size_t len);
/* The run phase: every family's check_run over files[0..n), then each
 * file's finalize step (report.h). */
void run_finish(struct run *r, struct file **files, size_t n);
void file_release(struct file *f);

#endif
