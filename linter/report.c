/* report.c - the report path: the rule switch and the findings cap as
 * findings arrive, severity and order in file_finalize(); document paths. */
#include "report.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lint.h"
#include "strbuf.h"

/* A kept finding of rule r at [start, end), or NULL: the rule is off, or the
 * file is past the cap (then only counted; findings of the limits rule are
 * always kept, and finalize adds one for the count). */
static struct diag *add(struct file *f, int r, size_t start, size_t end)
{
	const struct session *s = f->run->s;
	int sev = file_severity(f, r), supp;
	const char *reason;
	struct diag *dg;

	if (!sev || f->context)
		return NULL;
	if (start > f->src.len)
		start = f->src.len;
	/* suppressions first: a silenced finding does not use up the cap
	 * of shown ones (it has its own) */
	supp = suppress_match(f, r, (uint32_t)start, &reason);
	if (supp) {
		if (s->opt.max_findings && f->nsuppressed >= s->opt.max_findings)
			return NULL;
		f->nsuppressed++;
	} else if (s->opt.max_findings && r != s->ck->input_rule[IN_LIMITS] &&
		   f->kept >= s->opt.max_findings) {
		f->dropped++;
		f->dropped_by[sev]++;
		if (sev > f->dropped_severity)
			f->dropped_severity = sev;
		return NULL;
	} else if (r != s->ck->input_rule[IN_LIMITS]) {
		f->kept++;
	}
	dg = diag_add(&f->diags);
	dg->rule = r;
	dg->severity = sev;
	dg->suppressed = (uint8_t)supp;
	dg->supp_reason = reason;
	dg->phase = (uint8_t)f->run->phase;
	if (end < start)
		end = start;
	if (end > f->src.len)
		end = f->src.len;
	dg->start = (uint32_t)start;
	dg->end = (uint32_t)end;
	dg->pos = source_pos(&f->src, start);
	if (end > start) {
		dg->end_pos = source_pos(&f->src, end);
	} else {
		dg->end_pos = dg->pos;
		dg->end_pos.col++;
	}
	return dg;
}

static const char *path_of(struct doc *d, const struct node *t,
			   const char *const *names, const char **named);

static struct diag *vreport(struct file *f, unsigned doc_index, int r,
			    size_t start, size_t end, struct doc *d,
			    const struct node *path_at, const char *path,
			    const char *fmt, va_list ap)
	__attribute__((format(printf, 9, 0)));

static struct diag *vreport(struct file *f, unsigned doc_index, int r,
			    size_t start, size_t end, struct doc *d,
			    const struct node *path_at, const char *path,
			    const char *fmt, va_list ap)
{
	struct diag *dg = add(f, r, start, end);
	if (!dg)
		return NULL;
	dg->doc_index = doc_index;
	/* the fingerprint names list items, not their numbers: both paths
	 * come from one descent */
	const char *named = NULL;
	if (d && path_at)
		dg->path = path_of(d, path_at, f->run->s->ck->item_names, &named);
	else
		dg->path = path ? arena_strdup(&f->diags.strings, path) : "";
	dg->ident = diag_fingerprint(f, dg, named ? named : dg->path);
	dg->message = arena_vprintf(&f->diags.strings, fmt, ap);
	return dg;
}

struct diag *report_at(struct file *f, unsigned doc_index, int r,
		       size_t start, size_t end, const char *path,
		       const char *fmt, ...)
{
	va_list ap;
	struct diag *dg;
	va_start(ap, fmt);
	dg = vreport(f, doc_index, r, start, end, NULL, NULL, path, fmt, ap);
	va_end(ap);
	return dg;
}

struct diag *report(struct doc *d, int r, const struct node *at,
		    const char *fmt, ...)
{
	va_list ap;
	struct diag *dg;
	va_start(ap, fmt);
	dg = vreport(d->file, d->index, r, at ? at->start : 0, at ? at->end : 0,
		     d, at, NULL, fmt, ap);
	va_end(ap);
	return dg;
}

struct diag *report_sub(struct doc *d, int r, const struct node *n,
			size_t off, size_t len, const char *fmt, ...)
{
	va_list ap;
	struct diag *dg;
	size_t s = n->start, e = n->end;

	if (node_verbatim(n) && off + len <= n->len) {
		s = node_text_start(n) + off;
		e = s + len;
	}
	va_start(ap, fmt);
	dg = vreport(d->file, d->index, r, s, e, d, n, NULL, fmt, ap);
	va_end(ap);
	return dg;
}

void diag_hint(struct file *f, struct diag *dg, const char *fmt, ...)
{
	va_list ap;
	if (!dg)
		return;
	va_start(ap, fmt);
	dg->hint = arena_vprintf(&f->diags.strings, fmt, ap);
	va_end(ap);
}

void diag_related(struct file *f, struct diag *dg, size_t off,
		  const char *fmt, ...)
{
	va_list ap;
	if (!dg)
		return;
	dg->has_related = 1;
	dg->related_off = (uint32_t)(off > f->src.len ? f->src.len : off);
	dg->related = source_pos(&f->src, off);
	va_start(ap, fmt);
	dg->related_msg = arena_vprintf(&f->diags.strings, fmt, ap);
	va_end(ap);
}

void diag_demote(struct diag *dg, int levels)
{
	if (dg && levels > 0)
		dg->demote = (uint8_t)(dg->demote + levels);
}

struct fix *diag_fix(struct file *f, struct diag *dg, int safe,
		     const char *fmt, ...)
{
	va_list ap;
	struct fix *x, *v;
	if (!dg)
		return NULL;
	/* fixes live in the list's arena: grow by copying, old copies stay */
	v = arena_alloc(&f->diags.strings, (dg->nfixes + 1) * sizeof(*v));
	if (dg->nfixes)
		memcpy(v, dg->fixes, dg->nfixes * sizeof(*v));
	dg->fixes = v;
	x = &v[dg->nfixes++];
	memset(x, 0, sizeof(*x));
	x->safe = safe;
	va_start(ap, fmt);
	x->title = arena_vprintf(&f->diags.strings, fmt, ap);
	va_end(ap);
	return x;
}

struct fix *diag_fix_sub(struct file *f, struct diag *dg, int safe,
			 const struct node *n, size_t off, size_t len,
			 const char *text, const char *fmt, ...)
{
	va_list ap;
	struct fix *x;
	char *title;
	size_t s;
	if (!dg || !node_verbatim(n) || off + len > n->len)
		return NULL;
	va_start(ap, fmt);
	title = arena_vprintf(&f->diags.strings, fmt, ap);
	va_end(ap);
	x = diag_fix(f, dg, safe, "%s", title);
	s = node_text_start(n) + off;
	fix_edit(f, x, s, s + len, text);
	return x;
}

struct fix *diag_fix_scalar(struct file *f, struct diag *dg, int safe,
			    const struct node *n, const char *text,
			    const char *fmt, ...)
{
	va_list ap;
	struct fix *x;
	char *title;
	if (!dg || !n ||
	    (n->flags & (NF_ALIAS | NF_SHORT_TAG | NF_UNKNOWN_TAG | NF_DERIVED)))
		return NULL;
	if (!node_verbatim(n) &&
	    !((n->kind == N_INT || n->kind == N_FLOAT) && n->style == S_PLAIN))
		return NULL;
	va_start(ap, fmt);
	title = arena_vprintf(&f->diags.strings, fmt, ap);
	va_end(ap);
	if (node_verbatim(n))
		return diag_fix_sub(f, dg, safe, n, 0, n->len, text, "%s", title);
	x = diag_fix(f, dg, safe, "%s", title);
	fix_edit(f, x, n->start, n->end, text);
	return x;
}

/* 1 when buf[a..b) holds only blanks, and at most one `comma`. */
static int only_blanks(const char *buf, size_t a, size_t b, int comma)
{
	for (; a < b; a++) {
		if (buf[a] == ',' && comma)
			comma = 0;
		else if (buf[a] != ' ' && buf[a] != '\t' && buf[a] != '\n' &&
			 buf[a] != '\r')
			return 0;
	}
	return 1;
}

struct fix *diag_fix_remove_pair(struct file *f, struct diag *dg, int safe,
				 const struct node *map, const struct node *key,
				 const char *fmt, ...)
{
	const char *buf = f->src.buf;
	const struct node *val;
	size_t s, e, len = f->src.len;
	uint32_t i;
	va_list ap;
	struct fix *x;

	if (!dg || !node_is(map, N_MAP) || map->len < 2 || !buf ||
	    (map->flags & NF_DERIVED))
		return NULL;
	for (i = 0; i < map->len && map_key(map, i) != key; i++)
		;
	if (i == map->len)
		return NULL;
	val = map_val(map, i);
	if ((key->flags & (NF_MERGED | NF_ALIAS)) || (val->flags & NF_ALIAS) ||
	    val->kind == N_MAP || val->kind == N_SEQ || val->end > len ||
	    key->start >= val->end)
		return NULL;
	if (map->style == S_FLOW) {
		/* to the next key, or from the value before */
		if (i + 1 < map->len) {
			s = key->start;
			e = map_key(map, i + 1)->start;
			if (!only_blanks(buf, val->end, e, 1))
				return NULL;
		} else {
			s = map_val(map, i - 1)->end;
			e = val->end;
			if (!only_blanks(buf, s, key->start, 1))
				return NULL;
		}
	} else {
		/* the whole line: only blanks before the key, only blanks
		 * and a comment after the value */
		for (s = key->start; s > 0 && (buf[s - 1] == ' ' || buf[s - 1] == '\t'); s--)
			;
		if (s > 0 && buf[s - 1] != '\n' && buf[s - 1] != '\r')
			return NULL;
		for (e = val->end; e < len && (buf[e] == ' ' || buf[e] == '\t'); e++)
			;
		if (e < len && buf[e] == '#')
			while (e < len && buf[e] != '\n' && buf[e] != '\r')
				e++;
		if (e < len && buf[e] != '\r' && buf[e] != '\n')
			return NULL;
		if (e < len && buf[e] == '\r')
			e++;
		if (e < len && buf[e] == '\n')
			e++;
	}
	va_start(ap, fmt);
	x = diag_fix(f, dg, safe, "%s", arena_vprintf(&f->diags.strings, fmt, ap));
	va_end(ap);
	fix_edit(f, x, s, e, "");
	return x;
}

void fix_edit(struct file *f, struct fix *x, size_t start, size_t end,
	      const char *text)
{
	struct edit *v;
	if (!x)
		return;
	v = arena_alloc(&f->diags.strings, (x->nedits + 1) * sizeof(*v));
	if (x->nedits)
		memcpy(v, x->edits, x->nedits * sizeof(*v));
	x->edits = v;
	if (end > f->src.len)
		end = f->src.len;
	if (start > end)
		start = end;
	v[x->nedits].start = (uint32_t)start;
	v[x->nedits].end = (uint32_t)end;
	v[x->nedits].text = arena_strdup(&f->diags.strings, text);
	x->nedits++;
}

int rule_on(const struct doc *d, int r)
{
	return file_severity(d->file, r) != 0;
}

static void fingerprint_file(struct file *f);

void file_finalize(struct file *f)
{
	const struct session *s = f->run->s;
	size_t i;

	for (i = 0; i < f->diags.n; i++) {
		struct diag *dg = &f->diags.v[i];
		int sev = file_severity(f, dg->rule) - dg->demote;
		if (dg->demote)
			dg->severity = sev < SEV_INFO ? SEV_INFO : sev;
	}
	if (f->dropped) {
		struct diag *dg = report_at(
			f, 0, s->ck->input_rule[IN_LIMITS], 0, 0, "",
			"%zu more finding%s not shown: at most %zu are kept "
			"per file (raise the limit with --max-findings)",
			f->dropped, f->dropped == 1 ? "" : "s",
			s->opt.max_findings);
		if (dg)
			dg->severity = f->dropped_severity;
		f->dropped = 0;
	}
	fingerprint_file(f);
	diag_sort(&f->diags);
}

/* ---- document paths ---- */

static int ident_like(const struct node *k)
{
	uint32_t i;
	if (k->kind != N_STR || k->len == 0)
		return 0;
	for (i = 0; i < k->len; i++) {
		char c = k->u.str[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '_' || c == ':' || c == '-'))
			return 0;
	}
	return 1;
}

static void path_key(struct strbuf *b, const struct node *k)
{
	char tmp[64];
	if (ident_like(k)) {
		if (b->n)
			strbuf_add(b, ".", 1);
		strbuf_add(b, k->u.str, k->len);
	} else if (k->kind == N_STR) {
		strbuf_add(b, "[\"", 2);
		strbuf_add(b, k->u.str, k->len > 200 ? 200 : k->len);
		strbuf_add(b, "\"]", 2);
	} else {
		snprintf(tmp, sizeof(tmp), "[<%s>]", node_kind_name(k));
		strbuf_add(b, tmp, strlen(tmp));
	}
}

static int same(const struct node *a, const struct node *b)
{
	return a == b || (a->start == b->start && a->end == b->end &&
			  a->kind == b->kind && a->flags == b->flags);
}

static int contains(const struct node *n, const struct node *t)
{
	return n->start <= t->start && t->end <= n->end;
}

/* The path of t in d; with `names`, also (in *named) the path where list
 * items that are mappings holding one of those keys are named by it
 * ("Rules[nightly]"), not numbered, so that the path survives items added
 * before them. */
static const char *path_of(struct doc *d, const struct node *t,
			   const char *const *names, const char **named)
{
	struct strbuf b = { 0 }, bn = { 0 };
	const struct node *cur = d->root;
	const char *res;
	unsigned guard = 0;

	/* Greedy descent by byte span: children of a container do not
	 * overlap, so at each level at most one contains the target. */
	while (cur && !same(cur, t) && guard++ < 100000) {
		const struct node *next = NULL;
		uint32_t i;
		char tmp[32];
		if (cur->kind == N_MAP) {
			/* Pairs stand in source order (merged keys come last,
			 * out of order): try the pair whose key starts at or
			 * before the target first, then scan. */
			uint32_t lo = 0, hi = cur->len, guess;
			while (lo < hi) {
				uint32_t mid = lo + (hi - lo) / 2;
				if (map_key(cur, mid)->start <= t->start)
					lo = mid + 1;
				else
					hi = mid;
			}
			guess = lo ? lo - 1 : 0;
			for (i = 0; i <= cur->len && cur->len; i++) {
				uint32_t j = i == 0 ? guess : i - 1;
				const struct node *k, *v;
				if (i > 0 && j == guess)
					continue;
				if (j >= cur->len)
					break;
				k = map_key(cur, j);
				v = map_val(cur, j);
				if (same(k, t)) {
					path_key(&b, k);
					if (names)
						path_key(&bn, k);
					goto done;
				}
				if (contains(v, t) || same(v, t)) {
					path_key(&b, k);
					if (names)
						path_key(&bn, k);
					next = v;
					break;
				}
			}
		} else if (cur->kind == N_SEQ || cur->kind == N_EXPR) {
			/* items are in source order: binary search */
			uint32_t lo = 0, hi = cur->len;
			while (lo < hi) {
				uint32_t mid = lo + (hi - lo) / 2;
				if (seq_at(cur, mid)->end < t->end ||
				    (seq_at(cur, mid)->end == t->end &&
				     seq_at(cur, mid)->start < t->start && 0))
					lo = mid + 1;
				else
					hi = mid;
			}
			for (i = lo; i < cur->len && i < lo + 2; i++)
				if (contains(seq_at(cur, i), t)) {
					next = seq_at(cur, i);
					break;
				}
			if (!next)
				for (i = 0; i < cur->len; i++)
					if (contains(seq_at(cur, i), t)) {
						next = seq_at(cur, i);
						break;
					}
			if (next) {
				const char *name = NULL;
				size_t k;
				for (k = 0; names && names[k] && !name; k++)
					name = node_str(map_get(next, names[k]));
				snprintf(tmp, sizeof(tmp), "[%u]", i);
				strbuf_add(&b, tmp, strlen(tmp));
				if (name && strlen(name) < 200) {
					strbuf_add(&bn, "[", 1);
					strbuf_add(&bn, name, strlen(name));
					strbuf_add(&bn, "]", 1);
				} else if (names) {
					strbuf_add(&bn, tmp, strlen(tmp));
				}
			}
		}
		if (!next)
			break;
		cur = next;
	}
done:
	res = arena_strdup(&d->file->diags.strings, b.s ? b.s : "");
	free(b.s);
	if (named)
		*named = names ? arena_strdup(&d->file->diags.strings,
					      bn.s ? bn.s : "") : NULL;
	free(bn.s);
	return res;
}


const char *doc_path(struct doc *d, const struct node *t)
{
	return path_of(d, t, NULL, NULL);
}

/* FNV-1a over a few fields, each ended by a NUL. */
static uint64_t fnv(uint64_t h, const char *s, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
	return h * 0x100000001b3ULL; /* the field's end */
}

uint64_t diag_fingerprint(const struct file *f, const struct diag *dg,
			  const char *stable_path)
{
	const struct rule *r = rule_at(&f->run->s->ck->rules, dg->rule);
	uint64_t h = 0xcbf29ce484222325ULL;
	char tmp[SRC_CHUNK];
	size_t a, n, i;

	h = fnv(h, r ? r->id : "", r ? strlen(r->id) : 0);
	h = fnv(h, stable_path, strlen(stable_path));
	/* the subject: the text under the span without white space and
	 * quotes, so that reformatting does not change it */
	for (a = dg->start; a < dg->end; a += n) {
		const char *p = source_bytes(&f->src, a, dg->end, tmp, &n);
		if (!n)
			break;
		for (i = 0; i < n; i++)
			if (p[i] != ' ' && p[i] != '\t' && p[i] != '\n' && p[i] != '\r' &&
			    p[i] != '"' && p[i] != '\'')
				h = (h ^ (unsigned char)p[i]) * 0x100000001b3ULL;
	}
	return h;
}

/* The file's part of its findings' fingerprints: its repository name. */
static void fingerprint_file(struct file *f)
{
	const char *name = f->key ? f->key : f->src.name ? f->src.name : "";
	size_t i;
	while (name[0] == '.' && name[1] == '/')
		name += 2;
	for (i = 0; i < f->diags.n; i++) {
		uint64_t h = fnv(f->diags.v[i].ident, name, strlen(name));
		f->diags.v[i].fingerprint = h ? h : 1;
	}
}
