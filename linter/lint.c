/* lint.c - one file through the pipeline: read, check the encoding, load
 * each document, label its kind, run the rule families; and report(). */
#include "lint.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"

void options_init(struct options *o)
{
	memset(o, 0, sizeof(*o));
	o->facts = "spec";
	o->fail_on = SEV_WARNING;
	o->max_bytes = (size_t)256 << 20;
	o->max_depth = 512;
	o->max_alias_nodes = 1000000;
	o->max_findings = 10000;
}

const char *doc_kind_name(enum doc_kind k)
{
	switch (k) {
	case DOC_PLAN_INPUT: return "CreateBackupPlan/UpdateBackupPlan input";
	case DOC_PLAN_OUTPUT: return "GetBackupPlan output";
	case DOC_PLAN_BARE: return "backup plan";
	case DOC_SELECTION_INPUT: return "CreateBackupSelection input";
	case DOC_SELECTION_OUTPUT: return "GetBackupSelection output";
	case DOC_SELECTION_BARE: return "backup selection";
	case DOC_COPY_JOB: return "StartCopyJob input";
	case DOC_CFN: return "CloudFormation template";
	case DOC_EMPTY: return "empty document";
	default: return "unrecognized document";
	}
}

/* ---- reporting ---- */

static struct diag *add(struct file *f, enum rule_id r, size_t start, size_t end)
{
	struct diag *dg;
	if (f->opt && f->opt->disabled[r])
		return NULL;
	/* Past --max-findings a finding is only counted: a hostile file can
	 * yield one per few bytes, each with a path as long as the nesting.
	 * Limit findings (BKP005) are always kept; lint_run() adds one for
	 * the count. */
	if (f->opt && f->opt->max_findings && r != BKP005 &&
	    f->diags.n >= f->opt->max_findings) {
		int sev = rules[r].severity ? rules[r].severity : SEV_ERROR;
		f->dropped++;
		if (sev > f->dropped_severity)
			f->dropped_severity = sev;
		return NULL;
	}
	dg = diag_add(&f->diags);
	dg->rule = r;
	dg->severity = rules[r].severity ? rules[r].severity : SEV_ERROR;
	if (start > f->src.len)
		start = f->src.len;
	if (end < start)
		end = start;
	if (end > f->src.len)
		end = f->src.len;
	dg->start = (uint32_t)start;
	dg->end = (uint32_t)end;
	dg->pos = source_pos(&f->src, start);
	dg->end_pos = end > start ? source_pos(&f->src, end) : dg->pos;
	if (end == start) {
		dg->end_pos = dg->pos;
		dg->end_pos.col++;
	}
	return dg;
}

struct diag *report_span(struct file *f, unsigned doc_index, enum rule_id r,
			 size_t start, size_t end, const char *path,
			 const char *fmt, ...)
{
	va_list ap;
	struct diag *dg = add(f, r, start, end);
	if (!dg)
		return NULL;
	dg->doc_index = doc_index;
	dg->path = path ? arena_strdup(&f->diags.strings, path) : "";
	va_start(ap, fmt);
	dg->message = arena_vprintf(&f->diags.strings, fmt, ap);
	va_end(ap);
	return dg;
}

struct diag *report(struct doc *d, enum rule_id r, const struct node *at,
		    const char *fmt, ...)
{
	va_list ap;
	struct diag *dg;
	size_t s = at ? at->start : 0, e = at ? at->end : 0;
	dg = add(d->file, r, s, e);
	if (!dg)
		return NULL;
	dg->doc_index = d->index;
	dg->path = at ? doc_path(d, at) : "";
	va_start(ap, fmt);
	dg->message = arena_vprintf(&d->file->diags.strings, fmt, ap);
	va_end(ap);
	return dg;
}

long node_text_offset(const struct doc *d, const struct node *n)
{
	const struct source *src = &d->file->src;
	size_t q, base;
	if (!node_is(n, N_STR) || n->end > src->len || n->start > n->end ||
	    (n->flags & NF_ALIAS) || (n->style != S_PLAIN && n->style != S_QUOTED))
		return -1;
	q = n->style == S_QUOTED; /* the closing quote */
	if (n->end - n->start < (size_t)n->len + 2 * q)
		return -1;
	/* The text ends just before the closing quote; an anchor or a tag
	 * may stand before it within the node's span. */
	base = n->end - q - n->len;
	if (memcmp(src->buf + base, n->u.str, n->len) != 0)
		return -1;
	if (base - n->start > q && src->buf[n->start] != '&' &&
	    src->buf[n->start] != '!')
		return -1;
	return (long)base;
}

struct diag *report_in(struct doc *d, enum rule_id r, const struct node *n,
		       size_t off, size_t len, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	long base = node_text_offset(d, n);
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (base < 0 || off + len > n->len)
		return report(d, r, n, "%s", msg);
	return report_span(d->file, d->index, r, (size_t)base + off,
			   (size_t)base + off + len, doc_path(d, n), "%s", msg);
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
	dg->related = source_pos(&f->src, off);
	va_start(ap, fmt);
	dg->related_msg = arena_vprintf(&f->diags.strings, fmt, ap);
	va_end(ap);
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

const char *doc_path(struct doc *d, const struct node *t)
{
	struct strbuf b = { 0 };
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
					goto done;
				}
				if (contains(v, t) || same(v, t)) {
					path_key(&b, k);
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
				snprintf(tmp, sizeof(tmp), "[%u]", i);
				strbuf_add(&b, tmp, strlen(tmp));
			}
		}
		if (!next)
			break;
		cur = next;
	}
done:
	res = arena_strdup(&d->file->diags.strings, b.s ? b.s : "");
	free(b.s);
	return res;
}

/* ---- encoding ---- */

/* Length of the valid UTF-8 sequence at s (n bytes left), or 0 with a
 * reason. */
static size_t utf8_seq(const unsigned char *s, size_t n, const char **why)
{
	unsigned c = s[0];
	size_t len, i;
	unsigned cp, min;
	if (c < 0x80)
		return 1;
	if (c < 0xC2) {
		*why = c < 0xC0 ? "a continuation byte with no lead byte"
				: "an overlong encoding";
		return 0;
	}
	if (c < 0xE0)
		len = 2, cp = c & 0x1F, min = 0x80;
	else if (c < 0xF0)
		len = 3, cp = c & 0x0F, min = 0x800;
	else if (c < 0xF5)
		len = 4, cp = c & 0x07, min = 0x10000;
	else {
		*why = "a byte that never appears in UTF-8";
		return 0;
	}
	if (n < len) {
		*why = "a sequence cut short by the end of the file";
		return 0;
	}
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*why = "a sequence cut short (missing continuation byte)";
			return 0;
		}
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if (cp < min) {
		*why = "an overlong encoding";
		return 0;
	}
	if (cp >= 0xD800 && cp <= 0xDFFF) {
		*why = "an encoded UTF-16 surrogate";
		return 0;
	}
	if (cp > 0x10FFFF) {
		*why = "a code point beyond U+10FFFF";
		return 0;
	}
	return len;
}

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
		dg = report_span(f, 0, BKP004, 0, n < 2 ? n : 2, "",
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
			dg = report_span(f, 0, BKP004, i, i + 1, "",
					 "NUL byte in the file: this is not a text "
					 "document");
			return -1;
		}
		l = utf8_seq(b + i, n - i, &why);
		if (!l) {
			report_span(f, 0, BKP004, i, i + 1, "",
				    "invalid UTF-8: byte 0x%02X starts %s", b[i], why);
			return -1;
		}
		i += l;
	}
	return 0;
}

/* ---- documents ---- */

static enum doc_kind detect(const struct node *r)
{
	const struct node *res;
	if (!r)
		return DOC_EMPTY;
	if (r->kind != N_MAP)
		return DOC_UNKNOWN;
	res = map_get(r, "Resources");
	if (map_get(r, "AWSTemplateFormatVersion") || node_is(res, N_MAP))
		return DOC_CFN;
	if (map_get(r, "BackupPlan")) {
		if (map_get(r, "BackupPlanArn") || map_get(r, "VersionId") ||
		    map_get(r, "CreationDate") || map_get(r, "LastExecutionDate") ||
		    map_get(r, "DeletionDate"))
			return DOC_PLAN_OUTPUT;
		return DOC_PLAN_INPUT;
	}
	if (map_get(r, "BackupSelection")) {
		if (map_get(r, "SelectionId") || map_get(r, "CreationDate"))
			return DOC_SELECTION_OUTPUT;
		return DOC_SELECTION_INPUT;
	}
	if (map_get(r, "RecoveryPointArn") ||
	    (map_get(r, "SourceBackupVaultName") &&
	     map_get(r, "DestinationBackupVaultArn")))
		return DOC_COPY_JOB;
	if (map_get(r, "BackupPlanName") || map_get(r, "Rules"))
		return DOC_PLAN_BARE;
	if (map_get(r, "SelectionName") || map_get(r, "IamRoleArn"))
		return DOC_SELECTION_BARE;
	return DOC_UNKNOWN;
}

static void doc_free(struct doc *d)
{
	arena_release(&d->arena);
	free(d);
}

struct loader {
	struct file *f;
	struct load_ctx *c;
	struct doc *cur;       /* document being loaded (YAML) */
	unsigned ndocs;
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

static void process_doc(struct loader *l, struct doc *d, struct node *root)
{
	struct file *f = l->f;
	size_t i;

	d->root = root;
	d->kind = detect(root);
	if (l->c && l->c->has_nul) {
		report_span(f, d->index, BKP004, l->c->nul_off, l->c->nul_end, "",
			    "a string holds a NUL character (\\u0000 or \\0): no "
			    "AWS name or value may contain one");
		l->c->has_nul = 0;
	}
	for (i = 0; i < l->ndups; i++) {
		const struct node *a = l->dups[i].first, *b = l->dups[i].dup;
		struct pos fp = source_pos(&f->src, a->start);
		struct diag *dg = report(d, BKP002, b,
					 "duplicate key \"%s\": already defined at "
					 "line %u, column %u; only the last value counts",
					 b->u.str, fp.line, fp.col);
		diag_related(f, dg, a->start, "first \"%s\" is here", a->u.str);
	}
	l->ndups = 0;
	if (d->kind == DOC_UNKNOWN || d->kind == DOC_EMPTY) {
		if (f->explicit_arg) {
			if (d->kind == DOC_EMPTY)
				report_span(f, d->index, BKP003, 0, 0, "",
					    "the document is empty: nothing to lint");
			else if (root->kind != N_MAP)
				report(d, BKP003, root,
				       "the document is %s, not a backup plan, "
				       "selection, copy job or CloudFormation "
				       "template: nothing to lint",
				       root->kind == N_NULL ? "null"
				       : root->kind == N_INT ? "an integer"
				       : root->kind == N_SEQ ? "a list"
				       : root->kind == N_BOOL ? "a boolean"
				       : root->kind == N_FLOAT ? "a number"
				       : root->kind == N_EXPR ? "an expression"
							       : "a string");
			else {
				struct diag *dg = report(
					d, BKP003, root->len ? map_key(root, 0) : root,
					"not a backup plan, selection, copy job or "
					"CloudFormation template: nothing to lint");
				diag_hint(f, dg,
					  "expected a top-level BackupPlan, "
					  "BackupPlanName, BackupSelection, "
					  "RecoveryPointArn or Resources key");
			}
		}
		doc_free(d);
		return;
	}
	for (i = 0; i < nfamilies; i++)
		if (families[i].check_doc)
			families[i].check_doc(d);
	if (d->keep) {
		f->docs = xrealloc(f->docs, (f->ndocs + 1) * sizeof(*f->docs));
		f->docs[f->ndocs++] = d;
	} else {
		doc_free(d);
	}
}

static struct doc *doc_new(struct loader *l)
{
	struct doc *d = xcalloc(1, sizeof(*d));
	d->file = l->f;
	d->opt = l->f->opt;
	d->index = l->ndocs++;
	arena_init(&d->arena);
	return d;
}

static struct arena *yaml_new_arena(void *ud)
{
	struct loader *l = ud;
	l->cur = doc_new(l);
	return &l->cur->arena;
}

static void yaml_on_doc(void *ud, struct node *root, size_t start, size_t end)
{
	struct loader *l = ud;
	struct doc *d = l->cur;
	(void)start;
	(void)end;
	l->cur = NULL;
	process_doc(l, d, root);
}

static void load_failed(struct file *f, unsigned index, const struct load_error *e)
{
	struct diag *dg = report_span(f, index, (enum rule_id)e->rule, e->off,
				      e->end, "", "%s", e->msg);
	if (dg && e->has_related)
		diag_related(f, dg, e->related_off, "%s", e->related_msg);
	if (dg && e->hint[0])
		diag_hint(f, dg, "%s", e->hint);
}

static int ends_with(const char *s, const char *suf)
{
	size_t a = strlen(s), b = strlen(suf);
	return a >= b && strcmp(s + a - b, suf) == 0;
}

/* A file found by walking a directory is linted only when it is a backup
 * document. When it does not even load, look for the words such a document
 * must contain, so that a tsconfig.json with comments or a UTF-16 file of
 * another tool stays silent while a broken backup plan is still reported. */
static int relevant(const struct file *f)
{
	static const char *const marks[] = {
		"BackupPlan", "BackupSelection", "AWS::Backup::", "RecoveryPointArn",
		"BackupVault", "SelectionName",
	};
	size_t i;
	if (f->explicit_arg)
		return 1;
	for (i = 0; i < sizeof(marks) / sizeof(marks[0]); i++)
		if (memmem(f->src.buf, f->src.len, marks[i], strlen(marks[i])))
			return 1;
	return 0;
}

static void lint_source(struct file *f)
{
	struct loader l;
	struct load_ctx c;
	const char *b = f->src.buf;
	size_t i = 0;
	int yaml_name = ends_with(f->src.name, ".yaml") || ends_with(f->src.name, ".yml");

	if (!relevant(f))
		return;
	if (check_encoding(f))
		return;
	memset(&l, 0, sizeof(l));
	memset(&c, 0, sizeof(c));
	l.f = f;
	l.c = &c;
	c.max_depth = f->opt->max_depth;
	c.max_alias_nodes = f->opt->max_alias_nodes;
	c.on_dup = on_dup;
	c.ud = &l;

	if (f->src.len >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < f->src.len && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r'))
		i++;
	if (i < f->src.len && (b[i] == '{' || b[i] == '[')) {
		/* JSON by content. A .yaml file holding YAML flow style that
		 * is not strict JSON falls back to the YAML loader. */
		struct doc *d = doc_new(&l);
		struct node *root;
		c.a = &d->arena;
		root = json_parse(&c, b, f->src.len);
		if (root) {
			process_doc(&l, d, root);
			free(l.dups);
			return;
		}
		if (!yaml_name) {
			load_failed(f, 0, &c.err);
			doc_free(d);
			free(l.dups);
			return;
		}
		doc_free(d);
		l.ndocs = 0;
		l.ndups = 0;
	} else if (i == f->src.len && ends_with(f->src.name, ".json")) {
		report_span(f, 0, BKP001, 0, 0, "",
			    "the file is empty: expected a JSON value");
		return;
	}
	if (yaml_load_stream(&c, b, f->src.len, yaml_new_arena, yaml_on_doc, &l)) {
		load_failed(f, l.ndocs ? l.ndocs - 1 : 0, &c.err);
		if (l.cur)
			doc_free(l.cur);
	} else if (l.ndocs == 0 && f->explicit_arg) {
		report_span(f, 0, BKP003, 0, 0, "",
			    "the file is empty (no document): nothing to lint");
	}
	free(l.dups);
}

static void file_init(struct file *f, const struct options *opt, int explicit_arg)
{
	memset(f, 0, sizeof(*f));
	f->opt = opt;
	f->explicit_arg = explicit_arg;
	diag_list_init(&f->diags);
}

void lint_file(struct file *f, const char *path, const char *display,
	       int explicit_arg, const struct options *opt)
{
	char err[256];
	int r;
	file_init(f, opt, explicit_arg);
	f->arg = path;
	r = source_read(&f->src, path, display, opt->max_bytes, err, sizeof(err));
	if (r) {
		if (!f->src.buf)
			f->src.buf = xcalloc(1, 1);
		f->io_error = 1;
		f->io_msg = xstrdup(err);
		/* Over the size limit is also a finding, so that CI annotations
		 * and SARIF show it against the file. */
		if (r == -2)
			report_span(f, 0, BKP005, 0, 0, "", "%s", err);
		return;
	}
	lint_source(f);
}

void lint_buffer(struct file *f, const char *name, const char *buf,
		 size_t len, const struct options *opt)
{
	file_init(f, opt, 1);
	f->arg = name;
	source_from_mem(&f->src, name, buf, len);
	lint_source(f);
}

void lint_run(struct run *r)
{
	size_t i;
	for (i = 0; i < nfamilies; i++)
		if (families[i].check_run)
			families[i].check_run(r);
	for (i = 0; i < r->nfiles; i++) {
		struct file *f = r->files[i];
		if (f->dropped) {
			struct diag *dg = report_span(
				f, 0, BKP005, 0, 0, "",
				"%zu more finding%s not shown: at most %zu are kept "
				"per file (raise the limit with --max-findings)",
				f->dropped, f->dropped == 1 ? "" : "s",
				f->opt->max_findings);
			if (dg)
				dg->severity = f->dropped_severity;
		}
		diag_sort(&f->diags);
	}
}

void file_release(struct file *f)
{
	size_t i;
	for (i = 0; i < f->ndocs; i++)
		doc_free(f->docs[i]);
	free(f->docs);
	free(f->io_msg);
	diag_list_release(&f->diags);
	source_free(&f->src);
	memset(f, 0, sizeof(*f));
}
