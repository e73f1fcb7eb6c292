/* lint.h - one file through the pipeline: read, check the encoding, load
 * each document with the syntax that claims it, let the checker classify it,
 * run every family's check_doc; then, for the run, every family's check_run
 * and the finalize step of each file.
 *
 * Files are linted in worker threads (lint_file is thread-safe for distinct
 * files of one run); run_finish() runs in one thread after all of them.
 * Documents are freed after check_doc unless the checker set doc->keep (it
 * needs them in check_run); the kept ones are freed by file_drop_docs()
 * (main.c calls it after run_finish(), before the output) or file_release().
 * In a run that allows it (run->release), a kept document after the first
 * of its file that the checker's release_doc() lets go is freed too, and
 * loaded again from the source for the run phase (release.c): a stream of
 * 200,000 plans does not hold 200,000 trees and models. A file of one such
 * document gets its run phase at once instead, alone (release_early).
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
#include "suppress.h"
#include "tree.h"

/* The stack of a thread that checks documents: the checks recurse (see
 * docs/limits.md, Depth). */
#define LINT_THREAD_STACK ((size_t)8 << 20)

struct doc {
	struct file *file;
	struct node *root;     /* NULL for an empty document */
	int kind;              /* the checker's classify(), >= 0 */
	unsigned index;        /* 0-based document number in the stream */
	int keep;              /* set by the checker to keep it for check_run */
	int deferred;          /* checked at the run phase (checker defer_doc) */
	int tagged;            /* written with YAML tags (set when it is
				* first read, and for its embedded documents) */
	struct arena arena;    /* nodes, strings, the checker's model */
	void *model;           /* the checker's model of the document */
};

struct file {
	struct run *run;
	struct source src;
	const char *arg;       /* the path as given or found */
	const char *key;       /* its name in fingerprints: relative to the
				* repository's root (NULL: the display name) */
	int explicit_arg;      /* named on the command line (not found by walking) */
	int io_error;          /* 1: could not be read; message in io_msg */
	char *io_msg;
	struct diag_list diags;
	size_t kept;           /* findings kept against --max-findings */
	size_t dropped;        /* findings over --max-findings, counted only */
	int dropped_severity;  /* the worst of them */
	size_t dropped_by[4];  /* all of them by severity (enum severity) */
	int skipped;           /* found by walking, but not a regular file */
	const char *comment;   /* the comment marker of the syntax that read
				* it ("#"), or NULL */
	struct doc **docs;     /* documents kept for check_run */
	size_t ndocs;
	/* what a configuration says for this file (NULL: the session's) */
	const unsigned char *sev;      /* per rule: severity here, 0 off */
	const unsigned char *external; /* per rule: 1 when its findings are
					* kept as suppressed (per-file off) */
	const char *external_reason;   /* why: the per-file entry's reason */
	const char *region, *account, *facts; /* NULL: the session's */
	int context;           /* read only to link others: nothing reported */
	/* the checker's configuration section (checker.h), and which of its
	 * grants apply to this file (bit i: grant i) */
	const void *section;
	unsigned long long section_mask;
	struct suppression *supp;      /* suppress.h */
	size_t nsupp, capsupp;
	size_t nsuppressed;    /* findings kept as suppressed */
	/* Documents released after their checks (run->release, the
	 * checker's release_doc): released[i] is 1 + the kind of document
	 * i when it was released, else 0; run_finish() loads them again,
	 * with `syntax`, for the run phase. */
	unsigned char *released;
	size_t nreleased, released_cap;
	const struct syntax *syntax; /* what loaded its documents */
	/* A file of one plan document, released with its run phase done as
	 * soon as it was read (release.c: release_early): 1 + the document's
	 * kind, else 0; and its findings before that run phase, to take it
	 * back when the run turns out to link documents. */
	int early;
	/* read from a path (lint_file, not standard input) with these
	 * source_read() flags: it can be read again */
	int from_path, read_flags;
	/* an early file with no finding lets its bytes go (its length kept
	 * here, its source emptied) until the run needs them again */
	size_t forgotten;
	struct file_counts {
		size_t n, kept, dropped, dropped_by[4], nsuppressed;
		int dropped_severity;
	} early_at;
};

/* What the run's configuration says for one file (config.h computes it);
 * NULL members: the session's. */
struct file_settings {
	const unsigned char *sev;      /* per rule: severity here, 0 off */
	const unsigned char *external; /* per rule: findings kept as suppressed */
	const char *external_reason;   /* the configuration's reason, or NULL */
	const char *region, *account, *facts;
	int context;                   /* read only to link the others */
	const void *section;           /* the checker's section (checker.h) */
	unsigned long long section_mask; /* the grants that apply */
};

/* The option values in force for a document: the file's, else the
 * session's. */
static inline const char *doc_region(const struct doc *d)
{
	return d->file->region ? d->file->region : d->file->run->s->opt.region;
}
static inline const char *doc_account(const struct doc *d)
{
	return d->file->account ? d->file->account : d->file->run->s->opt.account;
}
static inline const char *doc_facts(const struct doc *d)
{
	return d->file->facts ? d->file->facts : d->file->run->s->opt.facts;
}

/* The severity of rule r in file f (0: off). */
static inline int file_severity(const struct file *f, int r)
{
	if (f->sev)
		return r >= 0 && (size_t)r < f->run->s->ck->rules.n ? f->sev[r] : 0;
	return session_severity(f->run->s, r);
}

/* The session of a document, a file. */
static inline struct session *doc_session(const struct doc *d)
{
	return d->file->run->s;
}

/* Read and lint one file (the document phase). `path` "-" is standard
 * input; `display` the name shown in output (NULL: path); `set` what the
 * configuration says for it (NULL: the session's settings). */
void lint_file(struct run *r, struct file *f, const char *path,
	       const char *display, int explicit_arg,
	       const struct file_settings *set);
/* Lint an in-memory buffer as if read from a file named `name`. */
void lint_buffer(struct run *r, struct file *f, const char *name,
		 const char *buf, size_t len);
/* Lint file f again, in run r, with the bytes buf[0..len) (copied; buf
 * may not point into f): its name, settings and key are kept, its
 * documents and findings released. For --fix, between passes. */
void lint_again(struct run *r, struct file *f, const char *buf, size_t len);
/* Lint text that is not read from a file (an editor's buffer) as the file
 * `name`, with lint_file()'s `explicit_arg` and `set`. Text over the
 * session's max_bytes is not loaded: a size finding, as for a file. */
void lint_buffer_set(struct run *r, struct file *f, const char *name,
	       const char *buf, size_t len, int explicit_arg,
	       const struct file_settings *set);
/* The run phase: every family's check_run over files[0..n), then each
 * file's finalize step (report.h). */
/* A document embedded in document d (an Organizations policy in a
 * template's property or a Terraform argument): a new document of d's file
 * and index, with an arena of its own (sized for `size` bytes of text), for
 * the caller to fill: root may be nodes of its arena (a string's text
 * loaded with positions in the file) or of d's tree. */
struct doc *doc_embedded(struct doc *d, size_t size);
/* Classify and check document e (from doc_embedded) as a loaded document
 * is (its kind, when the caller set one, stands), then keep it for the run or free it; when e is kept, d is kept too
 * (e's tree may point into d's). For a family's check_doc of d. */
void lint_embedded(struct doc *d, struct doc *e);
void run_finish(struct run *r, struct file **files, size_t n);
/* Free the documents kept for the run phase (once run_finish() is done and
 * nothing reads their trees again); file_release() frees the rest. */
void file_drop_docs(struct file *f);
void file_release(struct file *f);

#endif
