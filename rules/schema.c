/* schema.c - BKP101-BKP109: one generic validator that walks a document
 * against the shapes of schemas/shapes-api.json (AWS Backup API documents)
 * or schemas/shapes-cfn.json (CloudFormation templates).
 *
 * The shapes files are compiled once into struct shape graphs (members
 * sorted for binary search, PCRE2 patterns JIT-compiled) on the first
 * document checked; after that they are read-only and shared by all lint
 * threads. All knowledge of AWS lives in the data: this file knows kinds
 * of values (structure, list, map, string, number...), not fields.
 *
 * CloudFormation intrinsic functions stand for values unknown at lint time
 * and are never type errors. What is known is still checked: both branches
 * of Fn::If, a Ref to a parameter's Default (the message says so), and the
 * literal parts of Fn::Sub and Fn::Join strings (placeholders are skipped).
 *
 * Positions: unknown keys point at the key; wrong type, range, name, ARN
 * and enum findings at the value (for a Ref with an assumed Default, at the
 * Ref); a name's message gives the column of its first bad character, and
 * ARN findings narrow to the wrong part (and a misplaced '*' to itself)
 * when the source holds the string as is, without escapes; missing members
 * at the key that holds the object, or at the object itself for list items
 * and the document root; quotas at the first item over the limit;
 * duplicate rule names at the second RuleName. */
#include "schema.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../linter/strbuf.h"
#include "../linter/suggest.h"
#include "../linter/utf8.h"
#include "arn.h"
#include "cfn.h"
#include "families.h"
#include "kinds.h"
#include "schema_check.h"

struct diag *rep(struct vctx *c, enum rule_id r, const struct node *n,
			const char *fmt, ...)
{
	va_list ap;
	char *msg;
	va_start(ap, fmt);
	msg = arena_vprintf(&c->d->arena, fmt, ap);
	va_end(ap);
	return report(c->d, r, c->at ? c->at : n, "%s%s", msg,
		      assumed_text(c));
}

/* Like rep(), but pointing at bytes [off, off+len) of the string value n
 * when the source holds the string as is (no escapes, not folded), so the
 * caret lands under the part that is wrong; else at the whole value. */
struct diag *rep_part(struct vctx *c, enum rule_id r,
			     const struct node *n, size_t off, size_t len,
			     const char *fmt, ...)
{
	va_list ap;
	char *msg;
	if (!rule_on(c->d, r))
		return NULL;
	va_start(ap, fmt);
	msg = arena_vprintf(&c->d->arena, fmt, ap);
	va_end(ap);
	if (len == 0)
		len = 1; /* an empty field: point at what follows it */
	if (c->at || !node_verbatim(n) || off + len > n->len)
		return report(c->d, r, c->at ? c->at : n, "%s%s", msg,
			      assumed_text(c));
	return report_sub(c->d, r, n, off, len, "%s", msg);
}

/* ------------------------------------------------------------------ */
/* Scalars                                                            */

static int numeric_string(const char *s, double *out)
{
	char *end;
	if (!*s || isspace((unsigned char)*s))
		return 0;
	*out = strtod(s, &end);
	return *end == '\0' && isfinite(*out);
}

void check_range(struct vctx *c, const struct shape *s,
			const struct node *v, const char *label, double x,
			const char *shown_in)
{
	if (s->has_min && x < s->min)
		rep(c, BKP104, v, "%s is %s but must be at least %.15g%s%s%s",
		    label, SHOWN, s->min, s->min_why ? " (" : "",
		    s->min_why ? s->min_why : "", s->min_why ? ")" : "");
	else if (s->has_max && x > s->max)
		rep(c, BKP104, v, "%s is %s but must be at most %.15g%s%s%s",
		    label, SHOWN, s->max, s->max_why ? " (" : "",
		    s->max_why ? s->max_why : "", s->max_why ? ")" : "");
}

static void check_number(struct vctx *c, const struct shape *s,
			 const struct node *v, const char *label)
{
	double x;
	long long i;
	if (v->flags & NF_BIG) {
		size_t n = v->end - v->start;
		const char *t = c->d->file->src.buf + v->start;
		if (v->kind == N_FLOAT && (isnan(v->u.f) || isinf(v->u.f)) &&
		    (t[0] == '.' || (t[1] == '.' && (t[0] == '-' || t[0] == '+'))))
			/* YAML's .nan and .inf: not too big, not numbers */
			rep(c, BKP104, v, "%s is %.*s, YAML's %s, which is not a "
			    "number AWS reads", label, (int)(n > 40 ? 40 : n),
			    c->d->file->src.buf + v->start,
			    isnan(v->u.f) ? "not-a-number" : "infinity");
		else
			rep(c, BKP104, v, "%s is %.*s%s, which does not fit a "
			    "64-bit number", label, (int)(n > 40 ? 40 : n),
			    c->d->file->src.buf + v->start, n > 40 ? "..." : "");
		return;
	}
	switch (s->kind) {
	case SK_LONG:
		/* The API's long accepts only integers as written: botocore
		 * rejects 30.0 and "30" alike. */
		if (v->kind != N_INT) {
			wrong_type(c, s, v, label, NULL);
			return;
		}
		check_range(c, s, v, label, (double)v->u.i, NULL);
		return;
	case SK_INTEGER:
		/* CloudFormation converts digit strings and integral numbers. */
		if (!node_int(v, &i, c->cfn)) {
			wrong_type(c, s, v, label, NULL);
			return;
		}
		check_range(c, s, v, label, (double)i, NULL);
		return;
	default: /* SK_NUMBER: CloudFormation's number */
		if (v->kind == N_INT)
			x = (double)v->u.i;
		else if (v->kind == N_FLOAT)
			x = v->u.f;
		else if (v->kind == N_STR && c->cfn && numeric_string(v->u.str, &x))
			;
		else {
			wrong_type(c, s, v, label, NULL);
			return;
		}
		check_range(c, s, v, label, x, NULL);
	}
}

static void check_scalar(struct vctx *c, const struct shape *s,
			 const struct node *v, const char *label)
{
	switch (s->kind) {
	case SK_STRING:
		if (v->kind == N_STR) {
			check_string_text(c, s, v->u.str, v->len, v, label, 0,
					  NULL);
			return;
		}
		/* CloudFormation passes numbers and booleans on as strings. */
		if (c->cfn && (v->kind == N_INT || v->kind == N_FLOAT ||
			       v->kind == N_BOOL) && !(v->flags & NF_BIG)) {
			const char *t = show(c, v);
			check_string_text(c, s, t, strlen(t), v, label, 0, t);
			return;
		}
		wrong_type(c, s, v, label, NULL);
		return;
	case SK_LONG: case SK_INTEGER: case SK_NUMBER:
		check_number(c, s, v, label);
		return;
	case SK_BOOL:
		if (v->kind == N_BOOL)
			return;
		if (c->cfn && v->kind == N_STR && (strcasecmp(v->u.str, "true") == 0 ||
						   strcasecmp(v->u.str, "false") == 0))
			return;
		wrong_type(c, s, v, label, NULL);
		return;
	case SK_TIMESTAMP:
		if (v->kind == N_STR || v->kind == N_INT || v->kind == N_FLOAT)
			return;
		wrong_type(c, s, v, label, NULL);
		return;
	default:
		return;
	}
}

/* ------------------------------------------------------------------ */
/* Containers                                                         */

struct named {
	const char *s;
	const struct node *n;
	uint32_t index;
};

static int cmp_named(const void *a, const void *b)
{
	const struct named *x = a, *y = b;
	int r = strcmp(x->s, y->s);
	if (r)
		return r;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* BKP108: items of the list must differ in member `by` (sorted, so that a
 * huge hostile list costs n log n). */
static void check_unique(struct vctx *c, const struct shape *s,
			 const struct node *v, const char *label)
{
	struct named *u = NULL;
	size_t n = 0, i, first;
	int dup;
	uint32_t k;
	for (k = 0; k < v->len; k++) {
		const struct node *item = seq_at(v, k), *val;
		if (!node_is(item, N_MAP))
			continue;
		val = map_get(item, s->unique_by);
		if (!node_is(val, N_STR))
			continue;
		if (!u) /* scratch: freed below, not kept in the arena */
			u = xmalloc(v->len * sizeof(*u));
		u[n].s = val->u.str;
		u[n].n = val;
		u[n].index = k;
		n++;
	}
	/* a short list (a plan's rules) without a repeat needs no sort */
	for (i = 1, dup = n > 16; i < n && !dup; i++)
		for (first = 0; first < i && !dup; first++)
			dup = strcmp(u[i].s, u[first].s) == 0;
	if (!dup) {
		free(u);
		return;
	}
	qsort(u, n, sizeof(*u), cmp_named);
	for (i = 1, first = 0; i < n; i++) {
		struct diag *dg;
		if (strcmp(u[i].s, u[i - 1].s) != 0) {
			first = i;
			continue;
		}
		dg = rep(c, BKP108, u[i].n, "%s %s is used by %s[%u] and %s[%u]; "
			 "%s values must be unique within a plan", s->unique_by,
			 show(c, u[i].n), label, u[first].index, label,
			 u[i].index, s->unique_by);
		if (dg)
			diag_related(c->d->file, dg, u[first].n->start,
				     "first used here");
	}
	free(u);
}

static void check_list(struct vctx *c, const struct shape *s,
		       const struct node *v, const char *label)
{
	char sub[160];
	uint32_t i;
	long long wild = 0, arns = 0;
	size_t ll = strlen(label);
	if (ll > sizeof(sub) - 16)
		ll = sizeof(sub) - 16;
	memcpy(sub, label, ll);
	for (i = 0; i < v->len; i++) {
		/* label[i], without snprintf for each item */
		char digits[12];
		size_t nd = 0, o = ll;
		uint32_t x = i;
		do
			digits[nd++] = (char)('0' + x % 10);
		while ((x /= 10));
		sub[o++] = '[';
		while (nd)
			sub[o++] = digits[--nd];
		sub[o++] = ']';
		sub[o] = '\0';
		check_value(c, s->item, seq_at(v, i), NULL, sub);
	}
	if (s->has_max_items && (long long)v->len > s->max_items) {
		rep(c, BKP109, seq_at(v, (uint32_t)s->max_items),
		    "%s has %u entries but at most %lld %s allowed%s%s%s", label,
		    v->len, s->max_items, s->max_items == 1 ? "is" : "are",
		    s->max_why ? " (" : "", s->max_why ? s->max_why : "",
		    s->max_why ? ")" : "");
	}
	if (s->unique_by)
		check_unique(c, s, v, label);
	if (!s->arn_quota)
		return;
	/* "500 without wildcards, or 30 ARNs with wildcards": 30 in all
	 * once any has one */
	for (i = 0; i < v->len; i++) {
		const struct node *it = seq_at(v, i);
		if (it->kind == N_STR && memchr(it->u.str, '*', it->len))
			wild++;
	}
	for (i = 0; i < v->len; i++) {
		const struct node *it = seq_at(v, i);
		long long max = wild ? s->arn_max_wild : s->arn_max;
		if (it->kind != N_STR && !(c->cfn && node_intrinsic(it)))
			continue;
		if (++arns == max + 1) {
			if (wild)
				rep(c, BKP109, it, "%s has %u ARNs, %lld of them "
				    "with wildcards; with any wildcard at most %lld "
				    "are allowed (%lld without)", label, v->len,
				    wild, s->arn_max_wild, s->arn_max);
			else
				rep(c, BKP109, it, "%s has %u ARNs; at most %lld "
				    "are allowed (%lld when any has a wildcard)",
				    label, v->len, s->arn_max, s->arn_max_wild);
			return;
		}
	}
}

static void check_map(struct vctx *c, const struct shape *s,
		      const struct node *v, const char *label)
{
	uint32_t i;
	for (i = 0; i < v->len; i++) {
		const struct node *k = map_key(v, i);
		const char *name = node_str(k);
		if (!name)
			continue;
		/* AWS::LanguageExtensions' Fn::ForEach::Name loops expand
		 * into entries; their bodies are templates of templates. */
		if (c->cfn && strncmp(name, "Fn::ForEach::", 13) == 0)
			continue;
		if (s->key)
			check_value(c, s->key, k, NULL, s->key->what ?
				    s->key->what : s->key->name);
		check_value(c, s->value, map_val(v, i), k, k->len <= 64 ? name :
			    quote(c, name, k->len));
	}
	if (s->has_max_items && (long long)v->len > s->max_items)
		rep(c, BKP109, map_key(v, (uint32_t)s->max_items),
		    "%s has %u entries but at most %lld are allowed%s%s%s",
		    label, v->len, s->max_items, s->max_why ? " (" : "",
		    s->max_why ? s->max_why : "", s->max_why ? ")" : "");
}

/* BKP101 for key k in structure s. `present` flags the members the mapping
 * has. Returns the member that the message names as the fix, so that BKP103
 * does not repeat it, or NULL; *same is 1 when the key's value is that
 * member's value (a misspelling), 0 when it belongs inside it. */
static const struct member *unknown_key(struct vctx *c, const struct shape *s,
					const unsigned char *present,
					const struct node *k, const char *where,
					int *same)
{
	const char *name = k->u.str, *why, *mean;
	const char **cand;
	struct diag *dg;
	size_t i, n;

	if ((why = note_find(s->readonly, s->nreadonly, name))) {
		rep(c, BKP101, k, "%s", why);
		return NULL;
	}
	mean = note_find(c->db->other_names, c->db->nother, name);
	if (mean && member_find(s, mean)) {
		dg = rep(c, BKP101, k, "%s is the %s name; %s needs %s", name,
			 c->db->other_dialect, c->cfn ?
			 arena_printf(&c->d->arena, "CloudFormation's %s", where) :
			 "this API document", mean);
		if (dg)
			diag_hint(c->d->file, dg, "rename %s to %s", name, mean);
		if (node_streq(k, name))
			diag_fix_sub(c->d->file, dg, 1, k, 0, k->len, mean,
				     "rename %s to %s", name, mean);
		return member_find(s, mean);
	}
	/* A member of a nested object written one level too high. */
	for (i = 0; i < s->nmembers; i++) {
		const struct shape *ms = s->members[i].shape;
		int in_list = ms->kind == SK_LIST && ms->item;
		if (in_list)
			ms = ms->item;
		if (ms->kind != SK_STRUCT || !member_find(ms, name))
			continue;
		dg = rep(c, BKP101, k, "unknown key %s in %s; %s is a member of "
			 "%s%s", show(c, k), where, name, in_list ?
			 "each entry of " : "", s->members[i].name);
		if (dg)
			diag_hint(c->d->file, dg, "move it inside %s",
				  s->members[i].name);
		*same = 0;
		return &s->members[i];
	}
	/* Suggest only members the mapping does not have yet. */
	cand = arena_alloc(&c->d->arena, (s->nmembers + 1) * sizeof(*cand));
	for (i = n = 0; i < s->nmembers; i++)
		if (!present[i])
			cand[n++] = s->members[i].name;
	mean = did_you_mean(name, cand, n);
	if (mean) {
		dg = rep(c, BKP101, k, "unknown key %s in %s; did you mean "
			 "\"%s\"?%s", show(c, k), where, mean,
			 strcasecmp(mean, name) == 0 ?
			 " (keys are case-sensitive)" : "");
		if (dg)
			diag_hint(c->d->file, dg, "rename it to %s", mean);
		if (node_streq(k, name) &&
		    did_you_mean_only(name, (const char *const *)cand, n) == mean)
			diag_fix_sub(c->d->file, dg, 1, k, 0, k->len, mean,
				     "rename %s to %s", name, mean);
		return member_find(s, mean);
	}
	dg = rep(c, BKP101, k, "unknown key %s in %s", show(c, k), where);
	for (i = 0; i < s->nmembers; i++)
		cand[i] = s->members[i].name;
	if (dg)
		diag_hint(c->d->file, dg, "%s has: %s", where,
			  join_list(c, cand, s->nmembers, ""));
	return NULL;
}

/* A mapping that names members by their aliases (a tag's {Key, Value}
 * where a Condition has ConditionKey and ConditionValue): one finding for
 * it, instead of unknown keys and missing members. 1 when reported. */
static int aliased(struct vctx *c, const struct shape *s, const struct node *v,
		   const unsigned char *present)
{
	const char *target;
	const struct member *m;
	struct diag *dg;
	uint32_t k;
	int n = 0;

	for (k = 0; k < v->len; k++) {
		const char *name = node_str(map_key(v, k));
		if (!name || !(target = note_find(s->aliases, s->naliases, name)))
			continue;
		if ((m = member_find(s, target)) && present[m - s->members])
			return 0; /* the real member is there too */
		n++;
	}
	if (!n)
		return 0;
	dg = rep(c, BKP101, map_key(v, 0), "%s", s->alias_note ? s->alias_note
				: "members written under other names");
	if (dg) {
		const char *names[16], *add[16];
		size_t i, j, nn = 0, na = 0;
		for (i = 0; i < s->naliases && nn < 16; i++)
			names[nn++] = arena_printf(&c->d->arena, "%s to %s",
						   s->aliases[i].name, s->aliases[i].text);
		for (i = 0; i < s->nrequired && na < 16; i++) {
			int is_target = 0;
			for (j = 0; j < s->naliases; j++)
				is_target |= strcmp(s->aliases[j].text, s->required[i]) == 0;
			m = member_find(s, s->required[i]);
			if (!is_target && !present[m - s->members])
				add[na++] = s->required[i];
		}
		diag_hint(c->d->file, dg, "rename %s%s", join_list(c, names, nn, ""),
			  na ? arena_printf(&c->d->arena, ", and add %s",
					    join_list(c, add, na, "")) : "");
	}
	return 1;
}

static void check_struct(struct vctx *c, const struct shape *s,
			 const struct node *v, const struct node *key,
			 const char *label, const char *where)
{
	/* Scratch for this call only, on the stack when it fits (nearly every
	 * mapping), else on the heap: never in the document's arena, which a
	 * kept document holds until the end of the run. found[k]: the member
	 * key k names (one look-up per key); present[i]: member i is in the
	 * mapping; named[i]: a BKP101 already names member i as the fix for a
	 * misspelt or renamed key. */
	const struct member *found_s[24], **found = found_s, **found_h = NULL;
	unsigned char present_s[96], *present = present_s, *present_h = NULL;
	unsigned char *named;
	const struct member *m;
	size_t i, np = 2 * (s->nmembers + 1);
	uint32_t k;

	if (v->len > sizeof(found_s) / sizeof(*found_s))
		found = found_h = xmalloc(v->len * sizeof(*found));
	if (np > sizeof(present_s))
		present = present_h = xmalloc(np);
	memset(present, 0, np);
	named = present + s->nmembers + 1;
	for (k = 0; k < v->len; k++)
		if ((found[k] = member_of_key(s, map_key(v, k))))
			present[found[k] - s->members] = 1;
	if (s->naliases && aliased(c, s, v, present))
		goto out;
	for (k = 0; k < v->len; k++) {
		const struct node *kn = map_key(v, k);
		if (kn->kind != N_STR) {
			/* a YAML key such as 5: or true: is never a member */
			rep(c, BKP101, kn, "unknown key %s in %s: member names "
			    "are strings", show(c, kn), where);
			continue;
		}
		if (!(m = found[k])) {
			int same = 1;
			if (!(m = unknown_key(c, s, present, kn, where, &same)))
				continue;
			named[m - s->members] = 1;
			if (!same)
				continue;
			/* A misspelt or renamed member's value is still
			 * checked as the member it names, unless it is not
			 * even of that kind (then the guess may be wrong). */
			if (!accepts(c, m->shape, map_val(v, k)))
				continue;
		}
		if (s->kind == SK_RESOURCE && strcmp(m->name, "Properties") == 0)
			continue;
		check_value(c, m->shape, map_val(v, k), kn, m->name);
	}
	for (i = 0; i < s->nrequired; i++) {
		/* build_shape made sure every required name is a member */
		const struct member *r = s->required_m[i];
		struct diag *dg;
		if (present[r - s->members] || named[r - s->members])
			continue;
		if (v == c->root && note_find(s->cli, s->ncli, s->required[i])) {
			/* aws backup ... --cli-input-json file://x.json
			 * --backup-plan-id ID: the option gives it */
			const char *opt = note_find(s->cli, s->ncli, s->required[i]);
			dg = rep(c, BKP103, key ? key : v, "%s has no %s, which %s "
				 "requires: the command line must give it (%s)",
				 label, s->required[i], where, opt);
			diag_demote(dg, 1);
			diag_hint(c->d->file, dg,
				  "pass %s on the command line, or add %s to the file",
				  opt, s->required[i]);
			continue;
		}
		dg = rep(c, BKP103, key ? key : v, "%s has no %s, which %s "
			 "requires", label, s->required[i], where);
		if (dg && s->nrequired > 1)
			diag_hint(c->d->file, dg, "%s requires %s", where,
				  join_list(c, s->required, s->nrequired, ""));
	}
out:
	free(found_h);
	free(present_h);
}

static void check_resource(struct vctx *c, const struct shape *s,
			   const struct node *v, const struct node *key,
			   const char *label)
{
	const char *type = node_str(map_get(v, "Type"));
	const struct node *props = map_get(v, "Properties");
	const struct shape *ps = NULL;
	size_t i;

	check_struct(c, s, v, key, label, s->what ? s->what : s->name);
	if (!type)
		return;
	for (i = 0; i < s->ntypes; i++)
		if (strcmp(s->types[i].name, type) == 0)
			ps = s->type_shapes[i];
	if (!ps)
		return; /* other resource types: attributes only */
	if (!props) {
		if (ps->nrequired)
			rep(c, BKP103, key ? key : v, "resource %s (%s) has no "
			    "Properties; %s requires %s", label, type, type,
			    join_list(c, ps->required, ps->nrequired, ""));
		return;
	}
	check_value(c, ps, props, map_get_key(v, "Properties"), "Properties");
}

int accepts(const struct vctx *c, const struct shape *s,
		   const struct node *v)
{
	size_t i;
	if (c->cfn && node_intrinsic(v) != FN_NONE)
		return 1;
	switch (s->kind) {
	case SK_UNION:
		for (i = 0; i < s->nalts; i++)
			if (accepts(c, s->alts[i], v))
				return 1;
		return 0;
	case SK_STRUCT: case SK_RESOURCE: case SK_MAP:
		return v->kind == N_MAP;
	case SK_LIST:
		return v->kind == N_SEQ;
	case SK_STRING:
		return v->kind == N_STR || (c->cfn && (v->kind == N_INT ||
			v->kind == N_FLOAT || v->kind == N_BOOL));
	case SK_JSON:
		return v->kind == N_MAP || v->kind == N_STR;
	case SK_ANY:
		return 1;
	default:
		return v->kind != N_MAP && v->kind != N_SEQ && v->kind != N_NULL;
	}
}

void check_value(struct vctx *c, const struct shape *s,
			const struct node *v, const struct node *key,
			const char *label)
{
	enum cfn_fn fn;
	size_t i;

	if (!v || s->kind == SK_ANY)
		return;
	if (c->cfn && (fn = node_intrinsic(v)) != FN_NONE) {
		check_intrinsic(c, s, v, fn, key, label);
		return;
	}
	switch (s->kind) {
	case SK_STRUCT:
		if (v->kind != N_MAP)
			wrong_type(c, s, v, label, NULL);
		else
			check_struct(c, s, v, key, label,
				     s->what ? s->what : s->name);
		return;
	case SK_RESOURCE:
		if (v->kind != N_MAP)
			wrong_type(c, s, v, label, NULL);
		else
			check_resource(c, s, v, key, label);
		return;
	case SK_LIST:
		if (v->kind != N_SEQ)
			wrong_type(c, s, v, label, NULL);
		else
			check_list(c, s, v, label);
		return;
	case SK_MAP:
		if (v->kind != N_MAP)
			wrong_type(c, s, v, label, NULL);
		else
			check_map(c, s, v, label);
		return;
	case SK_JSON:
		if (v->kind != N_MAP && v->kind != N_STR)
			wrong_type(c, s, v, label, NULL);
		return;
	case SK_UNION:
		for (i = 0; i < s->nalts; i++)
			if (accepts(c, s->alts[i], v)) {
				check_value(c, s->alts[i], v, key, label);
				return;
			}
		{
			const char *kinds[8];
			size_t n = 0;
			for (i = 0; i < s->nalts && n < 8; i++)
				kinds[n++] = a_shape(s->alts[i]);
			wrong_type(c, s, v, label, n == 2 ?
				   arena_printf(&c->d->arena, "%s or %s",
						kinds[0], kinds[1]) :
				   join_list(c, kinds, n, ""));
		}
		return;
	default:
		check_scalar(c, s, v, label);
	}
}

/* ------------------------------------------------------------------ */
/* Entry point                                                        */

void schema_check_doc(struct doc *d)
{
	struct vctx c;
	const struct shape *s = NULL;
	const char *label = NULL;

	if (d->root && kind_of(d)->dialect == DIALECT_TF) {
		tf_schema_check(d);
		return;
	}
	if (!d->root || !kind_of(d)->shape)
		return;
	memset(&c, 0, sizeof(c));
	c.d = d;
	c.db = shapes_api();
	label = kind_of(d)->shape;
	if (kind_of(d)->dialect == DIALECT_CFN) {
		c.db = shapes_cfn();
		c.cfn = 1;
	}
	s = doc_shape(c.db, label);
	if (!s)
		shapes_defect(c.db->file, "no shape for document", label);
	c.root = d->root;
	check_value(&c, s, d->root, NULL, "the document");
}
