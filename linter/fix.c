/* fix.c - see fix.h. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "baseline.h"
#include "fix.h"
#include "paths.h"
#include "udiff.h"

int fix_applicable(const struct diag *dg, int unsafe)
{
	uint32_t i;
	if (dg->suppressed || dg->baselined)
		return 0;
	for (i = 0; i < dg->nfixes; i++)
		if (dg->fixes[i].nedits && (dg->fixes[i].safe || unsafe))
			return 1;
	return 0;
}

/* ---- one pass over one file ---- */

struct taken {
	const struct edit *e;
};

static int cmp_edit(const void *pa, const void *pb)
{
	const struct edit *a = ((const struct taken *)pa)->e;
	const struct edit *b = ((const struct taken *)pb)->e;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return a->end < b->end ? -1 : a->end > b->end;
}

/* Two edits conflict when their spans overlap or both insert at one
 * place (their order would be a guess). */
static int conflict(const struct edit *a, const struct edit *b)
{
	if (a->start == b->start)
		return 1;
	return a->start < b->end && b->start < a->end;
}

size_t fix_apply(const char *buf, size_t len, const struct diag_list *diags,
		 int unsafe, char **out, size_t *outlen)
{
	struct taken *t = NULL;
	size_t nt = 0, cap = 0, nfix = 0, i, j, k, pos, total;
	char *o;

	*out = NULL;
	*outlen = 0;
	/* the diagnostics are sorted by position: the first fix of each, in
	 * that order, unless it conflicts with one taken or falls outside */
	for (i = 0; i < diags->n; i++) {
		const struct diag *dg = &diags->v[i];
		const struct fix *fx = NULL;
		int ok = 1;
		if (!fix_applicable(dg, unsafe))
			continue;
		for (j = 0; j < dg->nfixes && !fx; j++)
			if (dg->fixes[j].nedits && (dg->fixes[j].safe || unsafe))
				fx = &dg->fixes[j];
		for (j = 0; j < fx->nedits && ok; j++) {
			const struct edit *e = &fx->edits[j];
			if (e->start > e->end || e->end > len)
				ok = 0;
			for (k = 0; k < nt && ok; k++)
				if (conflict(e, t[k].e))
					ok = 0;
			for (k = 0; k < j && ok; k++)
				if (conflict(e, &fx->edits[k]))
					ok = 0;
		}
		if (!ok)
			continue; /* a later pass, after a relint */
		if (nt + fx->nedits > cap) {
			cap = (nt + fx->nedits) * 2;
			t = xrealloc(t, cap * sizeof(*t));
		}
		for (j = 0; j < fx->nedits; j++)
			t[nt++].e = &fx->edits[j];
		nfix++;
	}
	if (!nfix) {
		free(t);
		return 0;
	}
	qsort(t, nt, sizeof(*t), cmp_edit);
	total = len;
	for (k = 0; k < nt; k++)
		total += strlen(t[k].e->text);
	o = xmalloc(total + 1);
	pos = 0;
	*outlen = 0;
	for (k = 0; k < nt; k++) {
		size_t tl = strlen(t[k].e->text);
		memcpy(o + *outlen, buf + pos, t[k].e->start - pos);
		*outlen += t[k].e->start - pos;
		memcpy(o + *outlen, t[k].e->text, tl);
		*outlen += tl;
		pos = t[k].e->end;
	}
	memcpy(o + *outlen, buf + pos, len - pos);
	*outlen += len - pos;
	o[*outlen] = '\0';
	free(t);
	*out = o;
	return nfix;
}

void fix_diff(FILE *fp, const char *name, const char *a, size_t alen,
	      const char *b, size_t blen)
{
	udiff(fp, name, a, alen, b, blen, 3);
}

/* ---- writing ---- */

static uint64_t hash_bytes(const char *p, size_t n)
{
	uint64_t h = 1469598103934665603ull; /* FNV-1a */
	size_t i;
	for (i = 0; i < n; i++) {
		h ^= (unsigned char)p[i];
		h *= 1099511628211ull;
	}
	return h;
}

void fix_seen_init(struct fix_seen *was, const char *path, const char *buf,
		   size_t len)
{
	memset(was, 0, sizeof(*was));
	was->len = len;
	was->hash = hash_bytes(buf, len);
	was->have = stat(path, &was->st) == 0;
}

/* 0 when the file at path still has the size, mtime and content hash of
 * `was`. */
static int unchanged(const char *path, const struct fix_seen *was)
{
	struct stat st;
	char *buf;
	ssize_t got;
	size_t n = 0;
	int fd, rc = -1;

	if (!was->have || stat(path, &st) < 0 || (size_t)st.st_size != was->len ||
	    st.st_size != was->st.st_size ||
	    st.st_mtim.tv_sec != was->st.st_mtim.tv_sec ||
	    st.st_mtim.tv_nsec != was->st.st_mtim.tv_nsec)
		return -1;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return -1;
	buf = xmalloc(was->len + 1);
	/* one byte more than expected tells a file that grew */
	while (n < was->len + 1 && (got = read(fd, buf + n, was->len + 1 - n)) > 0)
		n += (size_t)got;
	if (n == was->len && hash_bytes(buf, n) == was->hash)
		rc = 0;
	free(buf);
	close(fd);
	return rc;
}

/* The path to write for `path`: itself, or the target of a symlink when it
 * lies inside the working tree (the current directory); NULL (with a
 * reason) when it must not be written. */
static char *write_target(const char *path, char *why, size_t whylen)
{
	struct stat st;
	char *real, *cwd;
	size_t cl;

	if (lstat(path, &st) < 0) {
		snprintf(why, whylen, "%s", strerror(errno));
		return NULL;
	}
	if (!S_ISLNK(st.st_mode)) {
		if (!S_ISREG(st.st_mode)) {
			snprintf(why, whylen, "not a regular file");
			return NULL;
		}
		return xstrdup(path);
	}
	real = realpath(path, NULL);
	cwd = realpath(".", NULL);
	cl = cwd ? strlen(cwd) : 0;
	if (!real || !cwd ||
	    !(strncmp(real, cwd, cl) == 0 && (real[cl] == '/' || (cl == 1 && cwd[0] == '/')))) {
		snprintf(why, whylen, "a symbolic link that leads out of the working "
			 "tree");
		free(real);
		free(cwd);
		return NULL;
	}
	free(cwd);
	if (stat(real, &st) < 0 || !S_ISREG(st.st_mode)) {
		snprintf(why, whylen, "a symbolic link to something not a regular file");
		free(real);
		return NULL;
	}
	return real;
}

/* The last look before the rename: a change since is the unavoidable
 * window of any editor's save. */
struct last_look {
	const char *target;
	const struct fix_seen *was;
};

static int changed_since(void *arg)
{
	const struct last_look *l = arg;
	return unchanged(l->target, l->was) != 0;
}

int fix_write(const char *path, const struct fix_seen *was, const char *buf,
	      size_t len, char *why, size_t whylen)
{
	char *target;
	struct stat st;
	struct last_look look;
	int rc;

	if (!(target = write_target(path, why, whylen)))
		return 1;
	if (unchanged(target, was) != 0) {
		snprintf(why, whylen, "it changed since it was read");
		free(target);
		return 1;
	}
	if (stat(target, &st) < 0) {
		snprintf(why, whylen, "%s", strerror(errno));
		free(target);
		return -1;
	}
	look.target = target;
	look.was = was;
	rc = paths_replace(target, buf, len, &st, changed_since, &look, why, whylen);
	if (rc == 1)
		snprintf(why, whylen, "it changed since it was read");
	free(target);
	return rc;
}

/* ---- the passes ---- */

static int fixable_file(const struct file *f)
{
	return !f->io_error && !f->skipped && !f->context && f->src.buf;
}

/* Relint all files in a new run r with bytes[i] (NULL: as they are). */
static void relint(struct run *r, struct file **files, size_t n, char **bytes,
		   const size_t *lens)
{
	struct session *s = r->s;
	struct date today = r->today;
	size_t i;

	run_release(r);
	run_init(r, s);
	r->today = today;
	for (i = 0; i < n; i++) {
		struct file *f = files[i];
		char *b;
		size_t l;
		if (f->io_error || f->skipped) {
			f->run = r;
			continue;
		}
		if (bytes && bytes[i]) {
			b = bytes[i];
			l = lens[i];
			bytes[i] = NULL;
		} else {
			l = f->src.len;
			b = xmalloc(l + 1);
			memcpy(b, f->src.buf, l);
		}
		lint_again(r, f, b, l);
		free(b);
	}
	run_finish(r, files, n);
}

void fix_run(struct run *r, struct file **files, size_t n, size_t nfix,
	     const struct fix_opts *o, FILE *out, struct fix_result *res)
{
	char **orig = xcalloc(nfix + 1, sizeof(*orig));
	size_t *olen = xcalloc(nfix + 1, sizeof(*olen));
	struct fix_seen *seen = xcalloc(nfix + 1, sizeof(*seen));
	char **next = xcalloc(n + 1, sizeof(*next));
	size_t *nlen = xcalloc(n + 1, sizeof(*nlen));
	int pass, skipped = 0;
	size_t i;

	memset(res, 0, sizeof(*res));
	for (i = 0; i < nfix; i++) {
		struct file *f = files[i];
		if (!fixable_file(f))
			continue;
		olen[i] = f->src.len;
		orig[i] = xmalloc(olen[i] + 1);
		memcpy(orig[i], f->src.buf, olen[i]);
		if (strcmp(f->arg, "-") != 0)
			fix_seen_init(&seen[i], f->arg, orig[i], olen[i]);
	}
	for (pass = 0; pass < FIX_MAX_PASSES; pass++) {
		size_t changed = 0;
		/* a finding the baseline holds is accepted as it is: no fix */
		if (o->baseline)
			baseline_mark(o->baseline, files, nfix);
		for (i = 0; i < nfix; i++)
			if (orig[i] && fix_apply(files[i]->src.buf, files[i]->src.len,
						 &files[i]->diags, o->unsafe,
						 &next[i], &nlen[i]))
				changed++;
		if (!changed)
			break;
		relint(r, files, n, next, nlen);
	}
	for (i = 0; i < nfix; i++) {
		struct file *f = files[i];
		char why[256];
		int rc;
		if (!orig[i])
			continue;
		if (strcmp(f->arg, "-") == 0 && o->mode == FIX_WRITE) {
			/* the fixed document, changed or not */
			fwrite(f->src.buf, 1, f->src.len, out);
			if (f->src.len != olen[i] || memcmp(f->src.buf, orig[i], olen[i]))
				res->changed++;
			continue;
		}
		if (f->src.len == olen[i] && memcmp(f->src.buf, orig[i], olen[i]) == 0)
			continue;
		res->changed++;
		if (o->mode == FIX_DIFF) {
			fix_diff(out, f->src.name, orig[i], olen[i], f->src.buf, f->src.len);
			continue;
		}
		rc = fix_write(f->arg, &seen[i], f->src.buf, f->src.len, why, sizeof(why));
		if (rc == 0)
			continue;
		fprintf(stderr, "backuplint: %s: not fixed: %s\n", f->arg, why);
		if (rc < 0)
			res->trouble++;
		res->changed--;
		/* what is left is what is on disk */
		next[i] = orig[i];
		nlen[i] = olen[i];
		orig[i] = NULL;
		skipped = 1;
	}
	if (skipped)
		relint(r, files, n, next, nlen);
	for (i = 0; i < nfix; i++)
		free(orig[i]);
	for (i = 0; i < n; i++)
		free(next[i]);
	free(orig);
	free(olen);
	free(seen);
	free(next);
	free(nlen);
}
