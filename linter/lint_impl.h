/* lint_impl.h - what lint.c and release.c share: releasing documents after
 * their checks and loading them again for the run phase (lint.h). */
#ifndef BACKUPLINT_LINT_IMPL_H
#define BACKUPLINT_LINT_IMPL_H

#include "lint.h"
#include "load.h"

void lint_doc_free(struct doc *d);
/* A loading context with the session's limits and YAML tags: the same for
 * a file's first reading and its second (release.c), so that what failed
 * the first time fails again. */
void load_ctx_for(struct load_ctx *c, const struct session *s);
/* Document `index` of f, of kind `kind` (< 255), was released after its
 * checks. */
void release_mark(struct file *f, unsigned index, int kind);
/* The run phase of the released documents: when the checker says the run
 * is isolated, every family's check_run over each document of the files
 * with released documents, one document at a time (their other documents
 * hidden from the rest of the run, which this also checks), and 1; else
 * they are loaded again into their files' documents, and 0: the caller
 * runs check_run over the whole run. */
int run_released(struct run *r);
/* File f is read: when its one document is a plan that needs nothing from
 * the rest of the run, its run phase now, alone, and the document freed;
 * otherwise what it holds may link the run (run->links). */
void release_early(struct file *f);
/* Before the run phase: when the run links documents after all, the early
 * run phases are taken back and their documents marked released, to be
 * loaded again. */
void release_early_settle(struct run *r);

#endif
