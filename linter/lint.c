/* lint.c - one file through the pipeline: read, check the encoding, load
 * each document with the syntax that claims it, classify it, run the rule
 * families; and the run phase. */
#include "lint.h"

#include <stdarg.h>
#include <stdio.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "lint_impl.h"
#include "load.h"
#include "utf8.h"

static int input_rule(const struct file *f, enum input_kind k)
{
	return f->run->s->ck->input_rule[k];
}

/* ---- encoding ---- */

static int check_encoding(struct file *f)
{
	const unsigned char *b = (const unsigned char *)f->src.buf;
	size_t n = f->src.len, i = 0;
	const char *enc = NULL, *why = NULL;
	struct diag *dg;

	if (n >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0)
		enc = "UTF-32LE";
	else if (n >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF)
		enc = "UTF-32BE";
	else if (n >= 2 && b[0] == 0xFF && b[1] == 0xFE)
		enc = "UTF-16LE";
	else if (n >= 2 && b[0] == 0xFE && b[1] == 0xFF)
		enc = "UTF-16BE";
	else if (n >= 4 && b[0] && !b[1] && !b[2] && !b[3])
		enc = "UTF-32LE (no byte-order mark)";
	else if (n >= 4 && !b[0] && !b[1] && !b[2] && b[3])
		enc = "UTF-32BE (no byte-order mark)";
	else if (n >= 2 && b[0] && !b[1])
		enc = "UTF-16LE (no byte-order mark)";
	else if (n >= 2 && !b[0] && b[1])
		enc = "UTF-16BE (no byte-order mark)";
	if (enc) {
		char from[16];
		snprintf(from, sizeof(from), "%.8s", enc);
		dg = report_at(f, 0, f->run->s->ck->input_rule[IN_ENCODING], 0, n < 2 ? n : 2, "",
				 "the file is encoded as %s; AWS reads documents as "
				 "UTF-8",
				 enc);
		diag_hint(f, dg, "convert it: iconv -f %s -t UTF-8 FILE > FILE.utf8",
			  strtok(from, " "));
		return -1;
	}
	while (i < n) {
		size_t l;
		/* ASCII fast path, eight bytes at a time, stopping at NUL */
		while (i + 8 <= n) {
			uint64_t w;
			memcpy(&w, b + i, 8);
			if ((w & 0x8080808080808080ULL) ||
			    ((w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL))
				break;
			i += 8;
		}
		if (i >= n)
			break;
		if (b[i] == 0) {
			dg = report_at(f, 0, f->run->s->ck->input_rule[IN_ENCODING], i, i + 1, "",
					 "NUL byte in the file: this is not a text "
					 "document");
			return -1;
		}
		l = utf8_valid(b + i, n - i, NULL, &why);
		if (!l) {
			report_at(f, 0, f->run->s->ck->input_rule[IN_ENCODING], i, i + 1, "",
				    "invalid UTF-8: byte 0x%02X %s", b[i], why);
			return -1;
		}
		i += l;
	}
	return 0;
}

/* ---- documents ---- */

void lint_doc_free(struct doc *d)
{
	arena_release(&d->arena);
	free(d);
}

struct loader {
	struct file *f;
	struct load_ctx *c;
	struct doc *cur;       /* document being loaded */
	size_t last_size;      /* bytes the last document's arena handed out */
	unsigned ndocs;        /* started */
	unsigned delivered;    /* loaded and checked */
	struct dup { const struct node *first, *dup; } *dups;
	size_t ndups, dcap;
};

static void on_dup(void *ud, const struct node *first, const struct node *dup)
{
	struct loader *l = ud;
	if (l->ndups == l->dcap) {
		l->dcap = l->dcap ? l->dcap * 2 : 8;
		l->dups = xrealloc(l->dups, l->dcap * sizeof(*l->dups));
	}
	l->dups[l->ndups].first = first;
	l->dups[l->ndups].dup = dup;
	l->ndups++;
}

/* "null", "an integer", ... for the message about a document that is not
 * a mapping. */
static const char *a_value(const struct node *n)
{
	switch (n->kind) {
	case N_NULL: return "null";
	case N_INT: return "an integer";
	case N_SEQ: return "a list";
	case N_BOOL: return "a boolean";
	case N_FLOAT: return "a number";
	case N_MAP: return "a mapping";
	case N_EXPR: return "an expression";
	default: return "a string";
	}
}

static void unrecognized(struct doc *d)
{
	struct file *f = d->file;
	const struct checker *ck = f->run->s->ck;
	int r = input_rule(f, IN_UNRECOGNIZED);
	struct diag *dg;

	if (!f->explicit_arg)
		return;
	if (!d->root) {
		report_at(f, d->index, r, 0, 0, "",
			  "the document is empty: nothing to lint");
	} else if (d->root->kind != N_MAP) {
		report(d, r, d->root,
		       "the document is %s, not %s: nothing to lint",
		       a_value(d->root), ck->documents);
	} else {
		dg = report(d, r, d->root->len ? map_key(d->root, 0) : d->root,
			    "not %s: nothing to lint", ck->documents);
		diag_hint(f, dg, "expected %s", ck->keys);
	}
}

/* The document phase of d: its model for a context file, else its
 * suppressions and every family's check_doc. */
static void check_doc(struct doc *d)
{
	struct file *f = d->file;
	const struct checker *ck = f->run->s->ck;
	size_t i;

	if (f->context) {
		/* read only to link the files linted: the model, no checks */
		if (ck->context_doc)
			ck->context_doc(d);
		return;
	}
	if (ck->doc_suppressions)
		ck->doc_suppressions(d);
	for (i = 0; i < ck->nfamilies; i++)
		if (ck->families[i].check_doc)
			ck->families[i].check_doc(d);
}

static void keep_or_free(struct doc *d)
{
	struct file *f = d->file;
	if (d->keep) {
		f->docs = xrealloc(f->docs, (f->ndocs + 1) * sizeof(*f->docs));
		f->docs[f->ndocs++] = d;
	} else {
		lint_doc_free(d);
	}
}

static void process_doc(struct loader *l, struct doc *d, struct node *root)
{
	struct file *f = l->f;
	const struct checker *ck = f->run->s->ck;
	size_t i;

	d->root = root;
	d->tagged = l->c->tagged;
	l->c->tagged = 0;
	if (l->c->has_nul) {
		report_at(f, d->index, input_rule(f, IN_ENCODING), l->c->nul_off,
			  l->c->nul_end, "",
			  "a string holds a NUL character (\\u0000 or \\0): no "
			  "AWS name or value may contain one");
		l->c->has_nul = 0;
	}
	d->kind = root ? ck->classify(d) : -1;
	for (i = 0; i < l->ndups; i++) {
		const struct node *a = l->dups[i].first, *b = l->dups[i].dup;
		struct pos fp = source_pos(&f->src, a->start);
		struct diag *dg;
		/* the checker read the key as one that may repeat (a block
		 * type of Terraform's JSON syntax) */
		if (b->flags & NF_REPEATS)
			continue;
		dg = report(d, input_rule(f, IN_DUPLICATE_KEY), b,
			    "duplicate key \"%s\": already defined at line %u, "
			    "column %u; only the last value counts",
			    b->u.str, fp.line, fp.col);
		diag_related(f, dg, a->start, "first \"%s\" is here", a->u.str);
	}
	l->ndups = 0;
	if (d->kind < 0) {
		unrecognized(d);
		l->last_size = d->arena.total;
		lint_doc_free(d);
		return;
	}
	if (ck->defer_doc && ck->defer_doc(d)) {
		/* checked with the other documents of the run (run_finish) */
		d->deferred = d->keep = 1;
	} else {
		check_doc(d);
	}
	/* the tree and the model: what the next document will likely need */
	l->last_size = d->arena.total;
	/* one of many documents of a file: loaded again for the run phase
	 * rather than held (never a file's first: a file of one document is
	 * not read twice) */
	if (d->keep && !d->deferred && d->index > 0 && !f->context &&
	    d->kind < 255 && f->run->release && ck->release_doc &&
	    ck->release_doc(d)) {
		release_mark(f, d->index, d->kind);
		lint_doc_free(d);
		return;
	}
	keep_or_free(d);
}

struct doc *doc_embedded(struct doc *d, size_t size)
{
	struct doc *e = xcalloc(1, sizeof(*e));
	e->file = d->file;
	e->index = d->index;
	e->kind = -1;
	e->tagged = d->tagged;
	arena_init_sized(&e->arena, size + 256);
	return e;
}

void lint_embedded(struct doc *d, struct doc *e)
{
	const struct checker *ck = d->file->run->s->ck;

	if (e->kind < 0)
		e->kind = e->root ? ck->classify(e) : -1;
	if (e->kind < 0 || !e->root) {
		lint_doc_free(e);
		return;
	}
	check_doc(e);
	/* e's tree may point into d's */
	if (e->keep)
		d->keep = 1;
	keep_or_free(e);
}

static struct arena *new_doc(void *ud)
{
	struct loader *l = ud;
	struct doc *d = xcalloc(1, sizeof(*d));
	d->file = l->f;
	d->index = l->ndocs++;
	/* An arena sized to the document: the first of a file from the
	 * file's size, each next one from what the last one used (a stream
	 * of 200,000 small documents must not cost a big chunk each). */
	arena_init_sized(&d->arena, l->ndocs == 1 ? l->f->src.len * 4 + 512
						  : l->last_size + l->last_size / 8 + 64);
	l->cur = d;
	return &d->arena;
}

static void on_doc(void *ud, struct node *root)
{
	struct loader *l = ud;
	struct doc *d = l->cur;
	l->cur = NULL;
	l->delivered++;
	/* the tree is built: a mapped file's pages so far can go before the
	 * model and the checks take their memory */
	if (root)
		source_done_before(&l->f->src, root->end);
	process_doc(l, d, root);
}

static void load_failed(struct file *f, unsigned index, const struct load_error *e)
{
	struct diag *dg = report_at(f, index, input_rule(f, (enum input_kind)e->kind),
				    e->off, e->end, "", "%s", e->msg);
	if (dg && e->has_related)
		diag_related(f, dg, e->related_off, "%s", e->related_msg);
	if (dg && e->hint[0])
		diag_hint(f, dg, "%s", e->hint);
}

/* Only white space (and a byte-order mark)? */
static int blank(const char *b, size_t n)
{
	size_t i = n >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	for (; i < n; i++)
		if (b[i] != ' ' && b[i] != '\t' && b[i] != '\n' && b[i] != '\r')
			return 0;
	return 1;
}

/* Load f with the syntax surest of it; when that fails before delivering a
 * document, with the next one the file name claims (a .yaml file holding
 * YAML flow style that is not strict JSON). */
static void load_all(struct file *f, struct loader *l)
{
	const struct load_sink sink = { l, new_doc, on_doc };
	int score[16], tried[16] = { 0 };
	size_t i, n = 0;
	int best, rc = 0, floor = SNIFF_ANY;

	if (blank(f->src.buf, f->src.len)) {
		/* told apart by content: an empty file is no document in any
		 * syntax, whatever its name */
		if (f->explicit_arg)
			report_at(f, 0, input_rule(f, IN_UNRECOGNIZED), 0, 0, "",
				  "the file is empty: nothing to lint");
		return;
	}
	for (n = 0; syntaxes[n] && n < 16; n++)
		score[n] = syntaxes[n]->sniff(f->src.name, f->src.buf, f->src.len);
	for (;;) {
		best = -1;
		for (i = 0; i < n; i++)
			if (!tried[i] && score[i] >= floor &&
			    (best < 0 || score[i] > score[best]))
				best = (int)i;
		if (best < 0)
			break;
		tried[best] = 1;
		l->ndups = 0;
		l->c->has_nul = 0;
		l->c->tagged = 0;
		/* the syntax's comments may hold suppressions */
		f->nsupp = 0;
		f->comment = syntaxes[best]->comment;
		if (!f->context)
			suppress_scan(f, f->comment);
		rc = syntaxes[best]->load(l->c, f->src.buf, f->src.len, &sink);
		if (l->cur) {
			lint_doc_free(l->cur);
			l->cur = NULL;
		}
		if (rc == 0 || l->delivered > 0) {
			f->syntax = syntaxes[best];
			break;
		}
		l->ndocs = 0;
		/* another try only for a syntax the name claims */
		floor = SNIFF_NAME;
	}
	if (rc)
		load_failed(f, l->ndocs ? l->ndocs - 1 : 0, &l->c->err);
	else if (l->ndocs == 0 && f->explicit_arg)
		report_at(f, 0, input_rule(f, IN_UNRECOGNIZED), 0, 0, "",
			  "the file is empty (no document): nothing to lint");
}

void load_ctx_for(struct load_ctx *c, const struct session *s)
{
	memset(c, 0, sizeof(*c));
	c->max_depth = s->opt.max_depth;
	c->max_alias_nodes = s->opt.max_alias_nodes;
	c->tag = s->ck->yaml_tag;
}

static void lint_source(struct file *f)
{
	const struct session *s = f->run->s;
	struct loader l;
	struct load_ctx c;

	/* A file found by walking is linted only when it may be ours; when
	 * it does not even load, that look spares the user findings about a
	 * tsconfig.json with comments or another tool's UTF-16 file. */
	if (!f->explicit_arg && s->ck->relevant &&
	    !s->ck->relevant(f->src.buf, f->src.len))
		return;
	if (check_encoding(f))
		return;
	memset(&l, 0, sizeof(l));
	load_ctx_for(&c, s);
	l.f = f;
	l.c = &c;
	c.on_dup = on_dup;
	c.ud = &l;
	load_all(f, &l);
	free(l.dups);
	release_early(f);
}

static void file_init(struct run *r, struct file *f, int explicit_arg,
		      const struct file_settings *set)
{
	memset(f, 0, sizeof(*f));
	f->run = r;
	f->explicit_arg = explicit_arg;
	if (set) {
		f->sev = set->sev;
		f->external = set->external;
		f->external_reason = set->external_reason;
		f->region = set->region;
		f->account = set->account;
		f->facts = set->facts;
		f->context = set->context;
		f->section = set->section;
		f->section_mask = set->section_mask;
	}
	diag_list_init(&f->diags);
}

void lint_file(struct run *r, struct file *f, const char *path,
	       const char *display, int explicit_arg,
	       const struct file_settings *set)
{
	char err[256];
	int rc;
	file_init(r, f, explicit_arg, set);
	f->arg = path;
	/* a file found by walking is linted only when it is a regular file;
	 * one named on the command line is read as it is */
	f->read_flags = (explicit_arg ? 0 : SRC_REGULAR_ONLY) |
			(r->s->opt.map_files ? SRC_MAP : 0);
	f->from_path = strcmp(path, "-") != 0;
	rc = source_read(&f->src, path, display, r->s->opt.max_bytes,
			 f->read_flags, err, sizeof(err));
	if (rc == -3) {
		f->src.buf = xcalloc(1, 1);
		f->skipped = 1;
		return;
	}
	if (rc) {
		if (!f->src.buf)
			f->src.buf = xcalloc(1, 1);
		f->io_error = 1;
		f->io_msg = xstrdup(err);
		/* Over the size limit is also a finding, so that CI annotations
		 * and SARIF show it against the file. */
		if (rc == -2)
			report_at(f, 0, input_rule(f, IN_LIMITS), 0, 0, "", "%s", err);
		return;
	}
	lint_source(f);
}

void lint_buffer(struct run *r, struct file *f, const char *name,
		 const char *buf, size_t len)
{
	lint_buffer_set(r, f, name, buf, len, 1, NULL);
}

void lint_buffer_set(struct run *r, struct file *f, const char *name,
	       const char *buf, size_t len, int explicit_arg,
	       const struct file_settings *set)
{
	file_init(r, f, explicit_arg, set);
	f->arg = name;
	if (len > r->s->opt.max_bytes) {
		/* as source_read() refuses a file over the limit */
		source_from_mem(&f->src, name, "", 0);
		report_at(f, 0, input_rule(f, IN_LIMITS), 0, 0, "",
			  "the text is %zu bytes, over the limit of %zu "
			  "(--max-file-size)", len, r->s->opt.max_bytes);
		return;
	}
	source_from_mem(&f->src, name, buf, len);
	lint_source(f);
}

void lint_again(struct run *r, struct file *f, const char *buf, size_t len)
{
	struct file_settings set = {
		.sev = f->sev, .external = f->external, .region = f->region,
		.account = f->account, .facts = f->facts, .context = f->context,
		.section = f->section, .section_mask = f->section_mask,
		.external_reason = f->external_reason,
	};
	const char *arg = f->arg, *key = f->key;
	int explicit_arg = f->explicit_arg;
	char *name = xstrdup(f->src.name ? f->src.name : arg);

	file_release(f);
	file_init(r, f, explicit_arg, &set);
	f->arg = arg;
	f->key = key;
	source_from_mem(&f->src, name, buf, len);
	free(name);
	lint_source(f);
}

/* ---- deferred documents, group by group ---- */

struct gdoc {
	struct doc *d;
	size_t order;             /* in the run */
};

struct groups {
	struct gdoc *v;           /* by group, then in the order of the run */
	size_t *start;            /* group g: v[start[g]..start[g + 1]) */
	size_t ngroups, next;     /* next: the next group to take */
	pthread_mutex_t lock;
};

static const struct checker *sort_ck;

static int by_group(const void *pa, const void *pb)
{
	const struct gdoc *a = pa, *b = pb;
	int c = sort_ck->defer_cmp(a->d, b->d);
	return c ? c : a->order < b->order ? -1 : a->order > b->order;
}

static void *group_worker(void *arg)
{
	struct groups *g = arg;
	for (;;) {
		size_t k, i;
		pthread_mutex_lock(&g->lock);
		k = g->next++;
		pthread_mutex_unlock(&g->lock);
		if (k >= g->ngroups)
			return NULL;
		for (i = g->start[k]; i < g->start[k + 1]; i++)
			check_doc(g->v[i].d);
	}
}

/* The deferred documents v[0..n) (in the order of the run): in one thread,
 * or group by group in r->jobs threads. */
static void check_deferred(struct run *r, struct doc **v, size_t n)
{
	const struct checker *ck = r->s->ck;
	struct groups g;
	pthread_t *th;
	pthread_attr_t attr;
	long k, jobs = r->jobs, started = 0;
	size_t i;

	if (!ck->defer_cmp || jobs < 2 || n < 2) {
		for (i = 0; i < n; i++)
			check_doc(v[i]);
		return;
	}
	if (ck->defer_prepare)
		ck->defer_prepare(r);
	memset(&g, 0, sizeof(g));
	g.v = xmalloc(n * sizeof(*g.v));
	for (i = 0; i < n; i++) {
		g.v[i].d = v[i];
		g.v[i].order = i;
	}
	sort_ck = ck; /* qsort has no context; this thread alone sorts */
	qsort(g.v, n, sizeof(*g.v), by_group);
	g.start = xmalloc((n + 1) * sizeof(*g.start));
	for (i = 0; i < n; i++)
		if (i == 0 || ck->defer_cmp(g.v[i - 1].d, g.v[i].d) != 0)
			g.start[g.ngroups++] = i;
	g.start[g.ngroups] = n;
	if ((size_t)jobs > g.ngroups)
		jobs = (long)g.ngroups;
	pthread_mutex_init(&g.lock, NULL);
	th = xcalloc((size_t)jobs, sizeof(*th));
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, LINT_THREAD_STACK);
	for (k = 0; k < jobs; k++)
		if (pthread_create(&th[k], &attr, group_worker, &g) == 0)
			started++;
	pthread_attr_destroy(&attr);
	if (!started)
		group_worker(&g);
	for (k = 0; k < started; k++)
		pthread_join(th[k], NULL);
	pthread_mutex_destroy(&g.lock);
	free(th);
	free(g.start);
	free(g.v);
}

void run_finish(struct run *r, struct file **files, size_t n)
{
	const struct checker *ck = r->s->ck;
	struct doc **deferred = NULL;
	size_t i, j, nd = 0, cap = 0;

	r->files = files;
	r->nfiles = n;
	r->phase = PHASE_RUN;
	release_early_settle(r);
	/* documents whose checks need the others (defer_doc), in order */
	for (i = 0; i < n; i++)
		for (j = 0; j < files[i]->ndocs; j++)
			if (files[i]->docs[j]->deferred) {
				if (nd == cap) {
					cap = cap ? 2 * cap : 64;
					deferred = xrealloc(deferred, cap * sizeof(*deferred));
				}
				deferred[nd++] = files[i]->docs[j];
			}
	check_deferred(r, deferred, nd);
	free(deferred);
	/* released documents: checked one at a time, or loaded again */
	if (!run_released(r))
		for (i = 0; i < ck->nfamilies; i++)
			if (ck->families[i].check_run)
				ck->families[i].check_run(r);
	for (i = 0; i < n; i++) {
		suppress_report_unused(files[i]);
		file_finalize(files[i]);
	}
}

void file_drop_docs(struct file *f)
{
	size_t i;
	for (i = 0; i < f->ndocs; i++)
		lint_doc_free(f->docs[i]);
	free(f->docs);
	f->docs = NULL;
	f->ndocs = 0;
}

void file_release(struct file *f)
{
	file_drop_docs(f);
	free(f->released);
	free(f->io_msg);
	free(f->supp);
	diag_list_release(&f->diags);
	source_free(&f->src);
	memset(f, 0, sizeof(*f));
}
