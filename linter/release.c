/* release.c - documents released after their checks (lint.h), loaded again
 * from their file's source for the run phase.
 *
 * A stream of many small plans would otherwise hold every document's tree
 * and model until the end. When the checker says the run is isolated (no
 * document links to another), each file with released documents is loaded
 * again once, and every family's check_run sees one of its documents at a
 * time, in the order of the file; the other files are checked as one run
 * before. Each family's findings on a file then come in the same order as
 * over the whole run, so the output is the same; only when --max-findings
 * is reached in that file's run phase (which findings are kept then depends
 * on the order of all families) are its run-phase findings taken back and
 * made again family by family, loading the file once per family. When the
 * run is not isolated, the released documents are loaded again into their
 * files, all of them, and the run phase goes as usual. */
#include "lint_impl.h"

#include <stdlib.h>
#include <string.h>

#include "checker.h"
#include "load.h"

void release_mark(struct file *f, unsigned index, int kind)
{
	if (index >= f->released_cap) {
		size_t cap = f->released_cap ? f->released_cap : 256;
		while (cap <= index)
			cap *= 2;
		f->released = xrealloc(f->released, cap);
		memset(f->released + f->released_cap, 0, cap - f->released_cap);
		f->released_cap = cap;
	}
	f->released[index] = (unsigned char)(kind + 1);
	f->nreleased++;
}

/* The kind of document `index` when it was released, else -1. */
static int released(const struct file *f, unsigned index)
{
	return index < f->released_cap ? f->released[index] - 1 : -1;
}

/* One loading of a file again. */
struct reload {
	struct run *r;
	struct file *f;
	struct doc *cur;
	unsigned ndocs;            /* started */
	size_t last_size;          /* the last document's arena, for the next */
	struct doc **kept;         /* the file's kept documents, in order */
	size_t nkept, next_kept;
	int family;                /* the family to run, -1: every one */
	int collect;               /* 1: add the documents to the file's */
	struct doc **docs;         /* collect: kept and loaded, in order */
	size_t ndocs_out, cap;
};

/* check_run over a run of one document: d, in its file. */
static void view(struct reload *rl, struct doc *d)
{
	struct run *r = rl->r;
	const struct checker *ck = r->s->ck;
	struct file *f = rl->f, **files = r->files;
	struct doc **docs = f->docs;
	size_t nfiles = r->nfiles, ndocs = f->ndocs, i;

	f->docs = &d;
	f->ndocs = 1;
	r->files = &f;
	r->nfiles = 1;
	ck->run_forget(r);
	for (i = 0; i < ck->nfamilies; i++)
		if (ck->families[i].check_run &&
		    (rl->family < 0 || rl->family == (int)i))
			ck->families[i].check_run(r);
	f->docs = docs;
	f->ndocs = ndocs;
	r->files = files;
	r->nfiles = nfiles;
}

static void push(struct reload *rl, struct doc *d)
{
	if (rl->ndocs_out == rl->cap) {
		rl->cap = rl->cap ? 2 * rl->cap : 64;
		rl->docs = xrealloc(rl->docs, rl->cap * sizeof(*rl->docs));
	}
	rl->docs[rl->ndocs_out++] = d;
}

/* The kept documents before document `index` (all: -1). */
static void kept_before(struct reload *rl, unsigned index)
{
	while (rl->next_kept < rl->nkept &&
	       rl->kept[rl->next_kept]->index < index) {
		struct doc *k = rl->kept[rl->next_kept++];
		if (rl->collect)
			push(rl, k);
		else
			view(rl, k);
	}
}

static struct arena *re_new_doc(void *ud)
{
	struct reload *rl = ud;
	struct doc *d = xcalloc(1, sizeof(*d));
	d->file = rl->f;
	d->index = rl->ndocs++;
	d->kind = -1;
	arena_init_sized(&d->arena, rl->last_size + rl->last_size / 8 + 64);
	rl->cur = d;
	return &d->arena;
}

static void re_on_doc(void *ud, struct node *root)
{
	struct reload *rl = ud;
	struct doc *d = rl->cur;
	const struct checker *ck = rl->r->s->ck;

	rl->cur = NULL;
	d->kind = released(rl->f, d->index);
	if (d->kind < 0 || !root) {
		lint_doc_free(d);
		return;
	}
	/* classified the first time (release_doc takes only documents
	 * that classify() reads as they are) */
	d->root = root;
	/* its model, built before the run's links as it was the first time
	 * (what a context document needs is what the run phase needs) */
	if (ck->context_doc)
		ck->context_doc(d);
	rl->last_size = d->arena.total;
	d->keep = 1;
	kept_before(rl, d->index);
	if (rl->collect) {
		push(rl, d);
		return;
	}
	view(rl, d);
	lint_doc_free(d);
}

/* Load f again: its released documents (and its kept ones, in order) to
 * the views of family `family` (-1: all), or collected. */
static void reload(struct run *r, struct file *f, struct doc **kept,
		   size_t nkept, int family, int collect, struct reload *rl)
{
	const struct session *s = r->s;
	const struct load_sink sink = { rl, re_new_doc, re_on_doc };
	struct load_ctx c;

	memset(rl, 0, sizeof(*rl));
	rl->r = r;
	rl->f = f;
	rl->kept = kept;
	rl->nkept = nkept;
	rl->family = family;
	rl->collect = collect;
	load_ctx_for(&c, s);
	/* what failed the first time fails again, after the same documents */
	(void)f->syntax->load(&c, f->src.buf, f->src.len, &sink);
	if (rl->cur) {
		lint_doc_free(rl->cur);
		rl->cur = NULL;
	}
	kept_before(rl, (unsigned)-1);
}

static void take(const struct file *f, struct file_counts *sn)
{
	sn->n = f->diags.n;
	sn->kept = f->kept;
	sn->dropped = f->dropped;
	memcpy(sn->dropped_by, f->dropped_by, sizeof(sn->dropped_by));
	sn->nsuppressed = f->nsuppressed;
	sn->dropped_severity = f->dropped_severity;
}

static void put_back(struct file *f, const struct file_counts *sn)
{
	f->diags.n = sn->n;
	f->kept = sn->kept;
	f->dropped = sn->dropped;
	memcpy(f->dropped_by, sn->dropped_by, sizeof(sn->dropped_by));
	f->nsuppressed = sn->nsuppressed;
	f->dropped_severity = sn->dropped_severity;
}

/* 1 when f reached --max-findings (shown or suppressed) since sn: which
 * findings are kept then depends on the order of the families over the
 * whole file. */
static int reached_max(const struct file *f, const struct file_counts *sn)
{
	const size_t max = f->run->s->opt.max_findings;
	return max && ((sn->kept < max && f->kept >= max) ||
		       (sn->nsuppressed < max && f->nsuppressed >= max));
}

/* The run phase of a file with released documents, in an isolated run. */
static void check_file(struct run *r, struct file *f, struct doc **kept,
		       size_t nkept)
{
	const struct checker *ck = r->s->ck;
	struct file_counts sn;
	struct reload rl;
	size_t i;

	take(f, &sn);
	reload(r, f, kept, nkept, -1, 0, &rl);
	if (!reached_max(f, &sn))
		return;
	/* the limit was reached: which findings it keeps depends on the
	 * order of the families over the whole file */
	put_back(f, &sn);
	for (i = 0; i < ck->nfamilies; i++)
		if (ck->families[i].check_run)
			reload(r, f, kept, nkept, (int)i, 0, &rl);
}

int run_released(struct run *r)
{
	const struct checker *ck = r->s->ck;
	struct reload rl;
	size_t i, *ndocs;
	int any = 0;

	for (i = 0; i < r->nfiles; i++)
		any |= r->files[i]->nreleased > 0;
	if (!any)
		return 0;
	if (!ck->run_isolated(r)) {
		/* the run links documents: all of them, as if none had gone */
		for (i = 0; i < r->nfiles; i++) {
			struct file *f = r->files[i];
			if (!f->nreleased)
				continue;
			reload(r, f, f->docs, f->ndocs, -1, 1, &rl);
			free(f->docs);
			f->docs = rl.docs;
			f->ndocs = rl.ndocs_out;
			f->nreleased = 0;
		}
		return 0;
	}
	/* the files without released documents, as one run */
	ndocs = xcalloc(r->nfiles, sizeof(*ndocs));
	for (i = 0; i < r->nfiles; i++) {
		ndocs[i] = r->files[i]->ndocs;
		if (r->files[i]->nreleased)
			r->files[i]->ndocs = 0;
	}
	for (i = 0; i < ck->nfamilies; i++)
		if (ck->families[i].check_run)
			ck->families[i].check_run(r);
	for (i = 0; i < r->nfiles; i++)
		r->files[i]->ndocs = ndocs[i];
	free(ndocs);
	/* then each document of the others */
	for (i = 0; i < r->nfiles; i++) {
		struct file *f = r->files[i];
		if (f->nreleased)
			check_file(r, f, f->docs, f->ndocs);
	}
	return 1;
}

void release_early(struct file *f)
{
	struct run *r = f->run, v;
	const struct checker *ck = r->s->ck;
	struct doc *d;
	size_t i;
	int keep;

	if (!r->release || !f->ndocs || !ck->run_isolated)
		return;
	/* a run of this file alone: the run's session, date and options, its
	 * own state, findings of the run phase (not a copy of *r, whose
	 * `links` other threads write) */
	memset(&v, 0, sizeof(v));
	v.s = r->s;
	v.today = r->today;
	v.release = r->release;
	v.jobs = r->jobs;
	v.files = &f;
	v.nfiles = 1;
	v.phase = PHASE_RUN;
	if (!ck->run_isolated(&v)) {
		__atomic_store_n(&r->links, 1, __ATOMIC_RELAXED);
		return;
	}
	d = f->docs[0];
	/* one plan document, no suppression comment (whether one is used
	 * could not be taken back), nothing that links seen so far */
	if (f->ndocs != 1 || f->nreleased || f->context || f->nsupp ||
	    d->deferred || d->kind >= 255 || !ck->release_doc || !ck->release_doc(d) ||
	    __atomic_load_n(&r->links, __ATOMIC_RELAXED))
		return;
	take(f, &f->early_at);
	if (ck->run_init)
		ck->run_init(&v);
	f->run = &v;
	for (i = 0; i < ck->nfamilies; i++)
		if (ck->families[i].check_run)
			ck->families[i].check_run(&v);
	f->run = r;
	/* a verdict is the run's; past --max-findings the order of the whole
	 * run phase decides: then the run phase goes as usual */
	keep = v.nverdicts || reached_max(f, &f->early_at);
	run_release(&v);
	if (keep) {
		put_back(f, &f->early_at);
		return;
	}
	f->early = 1 + d->kind;
	file_drop_docs(f);
	/* nothing to show: its bytes go too (10,000 plans otherwise hold
	 * theirs to the end), read again only if the run links */
	if (!f->diags.n && f->from_path && !f->src.maplen && f->src.len) {
		f->forgotten = f->src.len;
		source_forget(&f->src);
	}
}

/* Read an early file's forgotten bytes again; -1 (and an I/O error on f)
 * when they are not what they were. */
static int recall(struct file *f)
{
	char err[256], *name = xstrdup(f->src.name);
	int rc;
	source_free(&f->src);
	rc = source_read(&f->src, f->arg, name, f->run->s->opt.max_bytes,
			 f->read_flags, err, sizeof(err));
	free(name);
	if (rc == 0 && f->src.len == f->forgotten) {
		f->forgotten = 0;
		return 0;
	}
	if (!f->src.buf)
		f->src.buf = xcalloc(1, 1);
	f->io_error = 1;
	f->io_msg = xstrdup(rc ? err : "the file changed while it was linted; "
				  "lint it again");
	f->forgotten = 0;
	return -1;
}

void release_early_settle(struct run *r)
{
	const struct checker *ck = r->s->ck;
	size_t i;
	int any = 0;

	for (i = 0; i < r->nfiles; i++)
		any |= r->files[i]->early != 0;
	if (!any || ck->run_isolated(r))
		return;
	for (i = 0; i < r->nfiles; i++) {
		struct file *f = r->files[i];
		if (!f->early)
			continue;
		put_back(f, &f->early_at);
		if (!f->forgotten || recall(f) == 0)
			release_mark(f, 0, f->early - 1);
		f->early = 0;
	}
}
