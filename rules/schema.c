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
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "../linter/data.h"
#include "families.h"
#include "walk.h"

/* ------------------------------------------------------------------ */
/* Compiled shapes                                                    */

enum skind {
	SK_STRUCT, SK_LIST, SK_MAP, SK_STRING, SK_LONG, SK_INTEGER, SK_NUMBER,
	SK_BOOL, SK_TIMESTAMP, SK_JSON, SK_ANY, SK_UNION, SK_RESOURCE,
};

struct shape;

struct member {
	const char *name;
	struct shape *shape;
};

struct note {
	const char *name;
	const char *text;
};

struct arn_form {
	const char *service;     /* "*" for any */
	int region, account;     /* enum presence */
	const char **types;      /* resource types; NULL: not checked */
	size_t ntypes;
	char sep;                /* ':' or '/', 0: not checked */
	struct shape *name;      /* pattern for the name after the type */
};

enum presence { P_REQUIRED, P_EMPTY, P_OPTIONAL };

struct arn_kind {
	const char *key, *what, *example;
	struct arn_form *forms;
	size_t nforms;
	struct note *old_types, *wrong_types;
	size_t nold, nwrong;
	int star;                /* "*" alone is allowed, and wildcards */
};

struct shape {
	const char *name;
	const char *what;        /* how messages name it; default: name */
	enum skind kind;
	/* structure and resource */
	struct member *members;
	size_t nmembers;
	const char **required;
	size_t nrequired;
	struct note *readonly;
	size_t nreadonly;
	struct note *types;      /* resource: Type -> properties shape name */
	struct shape **type_shapes;
	size_t ntypes;
	/* list */
	struct shape *item;
	int has_max_items;
	long long max_items;
	const char *unique_by;
	int arn_quota;
	long long arn_max, arn_max_wild;
	/* map */
	struct shape *key, *value;
	/* string */
	const char *pattern;
	const char *file; /* where the pattern comes from, for defects */
	pcre2_code *re;   /* compiled on first use: see shape_re() */
	unsigned uses;    /* matches so far, to decide on the JIT */
	int has_chars;
	unsigned char chars[128]; /* allowed ASCII characters */
	const char *allowed;
	const char **enums;
	size_t nenums;
	const struct arn_kind *arn;
	int has_maxlen;
	long long maxlen;
	/* numbers */
	int has_min, has_max;
	double min, max;
	const char *min_why, *max_why;
	/* union */
	struct shape **alts;
	size_t nalts;
};

struct db {
	const char *file;
	int cfn;
	const char *other_dialect;   /* "CloudFormation" | "API" */
	struct note *other_names;    /* other dialect's name -> ours */
	size_t nother;
	struct shape *shapes;
	size_t nshapes;
	struct note *documents;      /* document label -> shape name */
	size_t ndocuments;
	const struct db *fallback;    /* shapes not defined here */
};

static struct db api_db, cfn_db;
static struct arn_kind *arn_kinds;
static size_t narn_kinds;
static const char **partitions;
static size_t npartitions;
static const char **colon_free;  /* CloudFormation values without ':' */
static size_t ncolon_free;
static pcre2_code *region_re, *account_re;
static pthread_once_t shapes_once = PTHREAD_ONCE_INIT;

static void __attribute__((noreturn)) defect(const char *file, const char *what,
					     const char *name)
{
	fprintf(stderr, "backuplint: internal error: schemas/%s: %s %s\n",
		file, what, name ? name : "");
	abort();
}

static pcre2_code *compile_re(const char *file, const char *pat, int jit)
{
	int errcode;
	PCRE2_SIZE erroff;
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED,
				       PCRE2_UTF | PCRE2_MATCH_INVALID_UTF,
				       &errcode, &erroff, NULL);
	if (!re)
		defect(file, "bad pattern", pat);
	/* JIT is an optimisation only: without it pcre2_match interprets. */
	if (jit)
		(void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	return re;
}

static int re_match(pcre2_code *re, const char *s, size_t len)
{
	pcre2_match_data *md = pcre2_match_data_create(1, NULL);
	int rc;
	if (!md)
		oom();
	rc = pcre2_match(re, (PCRE2_SPTR)s, len, 0, 0, md, NULL);
	pcre2_match_data_free(md);
	return rc >= 0;
}

/* The shape's pattern, compiled the first time a value is checked against
 * it (start-up compiles nothing), and JIT-compiled once it has served
 * JIT_AFTER matches: a JIT costs more than a few dozen interpreted matches
 * of a short name, so only the patterns of big runs earn it. The JIT copy
 * replaces the first one; the first stays allocated (another thread may be
 * matching with it) until the process ends. NULL when there is no pattern. */
#define JIT_AFTER 256

static pthread_mutex_t re_lock = PTHREAD_MUTEX_INITIALIZER;
static pcre2_code **retired;
static size_t nretired;

static pcre2_code *shape_re(const struct shape *cs)
{
	/* the compiled pattern is a cache: filling it does not change what
	 * the shape means */
	struct shape *s = (struct shape *)cs;
	pcre2_code *re;
	if (!s->pattern)
		return NULL;
	re = __atomic_load_n(&s->re, __ATOMIC_ACQUIRE);
	if (re) {
		if (__atomic_add_fetch(&s->uses, 1, __ATOMIC_RELAXED) != JIT_AFTER)
			return re;
		/* exactly one thread gets here, once */
		pthread_mutex_lock(&re_lock);
		retired = xrealloc(retired, (nretired + 1) * sizeof(*retired));
		retired[nretired++] = re;
		re = compile_re(s->file, s->pattern, 1);
		__atomic_store_n(&s->re, re, __ATOMIC_RELEASE);
		pthread_mutex_unlock(&re_lock);
		return re;
	}
	pthread_mutex_lock(&re_lock);
	re = s->re;
	if (!re) {
		re = compile_re(s->file, s->pattern, 0);
		__atomic_store_n(&s->re, re, __ATOMIC_RELEASE);
	}
	pthread_mutex_unlock(&re_lock);
	return re;
}

static const char **str_list(const char *file, const struct node *seq,
			     size_t *n)
{
	const char **v;
	uint32_t i;
	*n = 0;
	if (!seq)
		return NULL;
	if (!node_is(seq, N_SEQ))
		defect(file, "expected a list", NULL);
	v = xcalloc(seq->len, sizeof(*v));
	for (i = 0; i < seq->len; i++) {
		v[i] = node_str(seq_at(seq, i));
		if (!v[i])
			defect(file, "expected strings in a list", NULL);
	}
	*n = seq->len;
	return v;
}

static struct note *note_map(const char *file, const struct node *m, size_t *n)
{
	struct note *v;
	uint32_t i;
	*n = 0;
	if (!m)
		return NULL;
	if (!node_is(m, N_MAP))
		defect(file, "expected an object", NULL);
	v = xcalloc(m->len, sizeof(*v));
	for (i = 0; i < m->len; i++) {
		v[i].name = node_str(map_key(m, i));
		v[i].text = node_str(map_val(m, i));
		if (!v[i].text)
			defect(file, "expected a string value for", v[i].name);
	}
	*n = m->len;
	return v;
}

static struct shape *db_find(const struct db *db, const char *name)
{
	size_t i;
	for (; db; db = db->fallback)
		for (i = 0; i < db->nshapes; i++)
			if (strcmp(db->shapes[i].name, name) == 0)
				return &db->shapes[i];
	return NULL;
}

static struct shape *resolve(const struct db *db, const char *name)
{
	struct shape *s = name ? db_find(db, name) : NULL;
	if (!s)
		defect(db->file, "unknown shape", name);
	return s;
}

static int cmp_member(const void *a, const void *b)
{
	return strcmp(((const struct member *)a)->name,
		      ((const struct member *)b)->name);
}

static const struct arn_kind *arn_kind_find(const char *key)
{
	size_t i;
	for (i = 0; i < narn_kinds; i++)
		if (strcmp(arn_kinds[i].key, key) == 0)
			return &arn_kinds[i];
	return NULL;
}

/* "a-zA-Z0-9._-" -> allowed[] (ranges written x-y; a '-' at either end
 * stands for itself). */
static void parse_chars(struct shape *s, const char *spec)
{
	size_t i, n = strlen(spec);
	s->has_chars = 1;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)spec[i];
		if (i + 2 < n && spec[i + 1] == '-') {
			unsigned char e = (unsigned char)spec[i + 2], x;
			for (x = c; x <= e && x < 128; x++)
				s->chars[x] = 1;
			i += 2;
		} else if (c < 128) {
			s->chars[c] = 1;
		}
	}
}

static double num_of(const char *file, const struct node *n, const char *what)
{
	if (node_is(n, N_INT))
		return (double)n->u.i;
	if (node_is(n, N_FLOAT))
		return n->u.f;
	defect(file, "expected a number for", what);
}

static const struct member *member_find(const struct shape *s, const char *k)
{
	size_t lo = 0, hi = s->nmembers;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(k, s->members[mid].name);
		if (c == 0)
			return &s->members[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

static void build_shape(struct db *db, struct shape *s, const struct node *def)
{
	static const struct { const char *name; enum skind k; } kinds[] = {
		{ "structure", SK_STRUCT }, { "list", SK_LIST },
		{ "map", SK_MAP }, { "string", SK_STRING },
		{ "long", SK_LONG }, { "integer", SK_INTEGER },
		{ "number", SK_NUMBER }, { "boolean", SK_BOOL },
		{ "timestamp", SK_TIMESTAMP }, { "json", SK_JSON },
		{ "any", SK_ANY }, { "union", SK_UNION },
		{ "resource", SK_RESOURCE },
	};
	const char *type = node_str(map_get(def, "type"));
	const struct node *n;
	size_t i;

	if (!type)
		defect(db->file, "no type for shape", s->name);
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(kinds[i].name, type) == 0)
			break;
	if (i == sizeof(kinds) / sizeof(kinds[0]))
		defect(db->file, "unknown type", type);
	s->kind = kinds[i].k;
	s->what = node_str(map_get(def, "what"));

	if ((n = map_get(def, "members"))) {
		s->members = xcalloc(n->len, sizeof(*s->members));
		s->nmembers = n->len;
		for (i = 0; i < n->len; i++) {
			s->members[i].name = node_str(map_key(n, (uint32_t)i));
			s->members[i].shape =
				resolve(db, node_str(map_val(n, (uint32_t)i)));
		}
		qsort(s->members, s->nmembers, sizeof(*s->members), cmp_member);
	}
	s->required = str_list(db->file, map_get(def, "required"), &s->nrequired);
	for (i = 0; i < s->nrequired; i++)
		if (!member_find(s, s->required[i]))
			defect(db->file, "required name is not a member:",
			       s->required[i]);
	s->readonly = note_map(db->file, map_get(def, "readonly"), &s->nreadonly);
	if ((s->types = note_map(db->file, map_get(def, "types"), &s->ntypes))) {
		s->type_shapes = xcalloc(s->ntypes, sizeof(*s->type_shapes));
		for (i = 0; i < s->ntypes; i++)
			s->type_shapes[i] = resolve(db, s->types[i].text);
	}
	if ((n = map_get(def, "item")))
		s->item = resolve(db, node_str(n));
	if ((n = map_get(def, "max"))) {
		s->has_max = s->has_max_items = 1;
		s->max = num_of(db->file, n, s->name);
		s->max_items = (long long)s->max;
	}
	if ((n = map_get(def, "min"))) {
		s->has_min = 1;
		s->min = num_of(db->file, n, s->name);
	}
	s->min_why = node_str(map_get(def, "min_why"));
	s->max_why = node_str(map_get(def, "max_why"));
	s->unique_by = node_str(map_get(def, "unique_by"));
	if ((n = map_get(def, "arn_quota"))) {
		s->arn_quota = 1;
		s->arn_max = (long long)num_of(db->file, map_get(n, "max"), s->name);
		s->arn_max_wild = (long long)num_of(db->file,
				map_get(n, "max_wildcard"), s->name);
	}
	if ((n = map_get(def, "key")))
		s->key = resolve(db, node_str(n));
	if ((n = map_get(def, "value")))
		s->value = resolve(db, node_str(n));
	if ((s->pattern = node_str(map_get(def, "pattern"))))
		s->file = db->file; /* compiled on first use */
	if ((n = map_get(def, "chars")))
		parse_chars(s, node_str(n));
	s->allowed = node_str(map_get(def, "allowed"));
	s->enums = str_list(db->file, map_get(def, "enum"), &s->nenums);
	if ((n = map_get(def, "arn"))) {
		s->arn = arn_kind_find(node_str(n));
		if (!s->arn)
			defect(db->file, "unknown ARN kind", node_str(n));
	}
	if ((n = map_get(def, "maxlen"))) {
		s->has_maxlen = 1;
		s->maxlen = (long long)num_of(db->file, n, s->name);
	}
	if ((n = map_get(def, "of"))) {
		s->alts = xcalloc(n->len, sizeof(*s->alts));
		s->nalts = n->len;
		for (i = 0; i < n->len; i++)
			s->alts[i] = resolve(db, node_str(seq_at(n, (uint32_t)i)));
	}
}

static void build_db(struct db *db, const char *file, const struct db *fallback)
{
	const struct node *root = data_tree(file), *shapes;
	uint32_t i;

	db->file = file;
	db->fallback = fallback;
	db->cfn = node_streq(map_get(root, "dialect"), "cfn");
	db->other_dialect = node_str(map_get(root, "other_dialect"));
	db->other_names = note_map(file, map_get(root, "other_names"), &db->nother);
	db->documents = note_map(file, map_get(root, "documents"), &db->ndocuments);
	shapes = map_get(root, "shapes");
	if (!node_is(shapes, N_MAP))
		defect(file, "no shapes", NULL);
	/* Names first, so that shapes can refer to each other in any order. */
	db->shapes = xcalloc(shapes->len, sizeof(*db->shapes));
	db->nshapes = shapes->len;
	for (i = 0; i < shapes->len; i++)
		db->shapes[i].name = node_str(map_key(shapes, i));
	for (i = 0; i < shapes->len; i++)
		build_shape(db, &db->shapes[i], map_val(shapes, i));
}

static void build_arns(void)
{
	const char *file = "shapes-api.json";
	const struct node *arns = map_get(data_tree(file), "arns"), *kinds;
	uint32_t i, j;

	partitions = str_list(file, map_get(arns, "partitions"), &npartitions);
	region_re = compile_re(file, node_str(map_get(arns, "region_pattern")), 0);
	account_re = compile_re(file, node_str(map_get(arns, "account_pattern")), 0);
	kinds = map_get(arns, "kinds");
	if (!node_is(kinds, N_MAP))
		defect(file, "no ARN kinds", NULL);
	arn_kinds = xcalloc(kinds->len, sizeof(*arn_kinds));
	narn_kinds = kinds->len;
	for (i = 0; i < kinds->len; i++) {
		const struct node *k = map_val(kinds, i), *forms;
		struct arn_kind *ak = &arn_kinds[i];
		ak->key = node_str(map_key(kinds, i));
		ak->what = node_str(map_get(k, "what"));
		ak->example = node_str(map_get(k, "example"));
		ak->star = map_get(k, "star") != NULL;
		ak->old_types = note_map(file, map_get(k, "old_types"), &ak->nold);
		ak->wrong_types = note_map(file, map_get(k, "wrong_types"),
					   &ak->nwrong);
		forms = map_get(k, "forms");
		if (!node_is(forms, N_SEQ) || !ak->what || !ak->example)
			defect(file, "incomplete ARN kind", ak->key);
		ak->forms = xcalloc(forms->len, sizeof(*ak->forms));
		ak->nforms = forms->len;
		for (j = 0; j < forms->len; j++) {
			const struct node *f = seq_at(forms, j);
			struct arn_form *af = &ak->forms[j];
			const char *p;
			af->service = node_str(map_get(f, "service"));
			if (!af->service)
				defect(file, "ARN form without service", ak->key);
			p = node_str(map_get(f, "region"));
			af->region = !p || !strcmp(p, "optional") ? P_OPTIONAL :
				     !strcmp(p, "empty") ? P_EMPTY : P_REQUIRED;
			p = node_str(map_get(f, "account"));
			af->account = !p || !strcmp(p, "optional") ? P_OPTIONAL :
				      !strcmp(p, "empty") ? P_EMPTY : P_REQUIRED;
			af->types = str_list(file, map_get(f, "types"), &af->ntypes);
			p = node_str(map_get(f, "sep"));
			af->sep = p ? p[0] : 0;
		}
	}
}

/* The API shapes (with the ARN kinds) serve every document; the
 * CloudFormation shapes are built only when a template comes along. */
static pthread_once_t cfn_once = PTHREAD_ONCE_INIT;

static void build_api(void)
{
	size_t i, j;
	build_arns();
	build_db(&api_db, "shapes-api.json", NULL);
	/* ARN name parts refer to API shapes by name. */
	{
		const struct node *kinds = map_get(map_get(data_tree(
			"shapes-api.json"), "arns"), "kinds");
		for (i = 0; i < narn_kinds; i++) {
			const struct node *forms =
				map_get(map_val(kinds, (uint32_t)i), "forms");
			for (j = 0; j < arn_kinds[i].nforms; j++) {
				const char *nm = node_str(map_get(
					seq_at(forms, (uint32_t)j), "name"));
				if (nm)
					arn_kinds[i].forms[j].name =
						resolve(&api_db, nm);
			}
		}
	}
}

static void build_cfn(void)
{
	pthread_once(&shapes_once, build_api);
	build_db(&cfn_db, "shapes-cfn.json", &api_db);
	colon_free = str_list("shapes-cfn.json", map_get(data_tree(
		"shapes-cfn.json"), "colon_free_pseudo_parameters"), &ncolon_free);
}

static const char *note_find(const struct note *v, size_t n, const char *k)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (strcmp(v[i].name, k) == 0)
			return v[i].text;
	return NULL;
}

/* ------------------------------------------------------------------ */
/* Spelling                                                           */

unsigned schema_edit_distance(const char *a, size_t la, const char *b,
			      size_t lb, int nocase)
{
	unsigned d[65][65];
	size_t i, j;
	if (la > 64 || lb > 64)
		return 1000;
	for (i = 0; i <= la; i++)
		d[i][0] = (unsigned)i;
	for (j = 0; j <= lb; j++)
		d[0][j] = (unsigned)j;
	for (i = 1; i <= la; i++) {
		for (j = 1; j <= lb; j++) {
			int ca = (unsigned char)a[i - 1], cb = (unsigned char)b[j - 1];
			unsigned cost, v;
			if (nocase) {
				ca = tolower(ca);
				cb = tolower(cb);
			}
			cost = ca != cb;
			v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + cost < v)
				v = d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	}
	return d[la][lb];
}

const char *schema_did_you_mean(const char *word, const char *const *cand,
				size_t n)
{
	size_t i, lw = strlen(word);
	const char *best = NULL;
	unsigned bestd = 1000;
	for (i = 0; i < n; i++) {
		size_t lc = strlen(cand[i]);
		unsigned dist = schema_edit_distance(word, lw, cand[i], lc, 1);
		size_t longer = lw > lc ? lw : lc;
		/* Close enough to be a slip of the keyboard: at most a third
		 * of the longer word, and never more than 4 edits. A word
		 * that contains the candidate whole (TargetBackupVaultNames)
		 * counts too. */
		if (dist > 4 || dist * 3 > longer) {
			if (!(lc >= 4 && lw > lc &&
			      strncasecmp(word, cand[i], lc) == 0))
				continue;
			dist = (unsigned)(lw - lc);
		}
		if (dist < bestd) {
			bestd = dist;
			best = cand[i];
		}
	}
	return best;
}

int schema_pattern_match(const char *dialect, const char *shape,
			 const char *s, size_t len)
{
	const struct shape *sh;
	pthread_once(&cfn_once, build_cfn);
	sh = db_find(strcmp(dialect, "cfn") == 0 ? &cfn_db : &api_db, shape);
	if (!sh || !sh->pattern)
		return -1;
	return re_match(shape_re(sh), s, len);
}

/* ------------------------------------------------------------------ */
/* Validation                                                         */

struct vctx {
	struct doc *d;
	const struct db *db;
	int cfn;
	/* While checking a parameter's Default in place of a Ref: where to
	 * report (the Ref) and what to add to the message. */
	const struct node *at;
	const char *assumed;
};

static struct diag *rep(struct vctx *c, enum rule_id r, const struct node *n,
			const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static struct diag *rep(struct vctx *c, enum rule_id r, const struct node *n,
			const char *fmt, ...)
{
	va_list ap;
	char *msg;
	va_start(ap, fmt);
	msg = arena_vprintf(&c->d->arena, fmt, ap);
	va_end(ap);
	return report(c->d, r, c->at ? c->at : n, "%s%s", msg,
		      c->assumed ? c->assumed : "");
}

/* Like rep(), but pointing at bytes [off, off+len) of the string value n
 * when the source holds the string as is (no escapes, not folded), so the
 * caret lands under the part that is wrong; else at the whole value. */
static struct diag *rep_part(struct vctx *c, enum rule_id r,
			     const struct node *n, size_t off, size_t len,
			     const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

static struct diag *rep_part(struct vctx *c, enum rule_id r,
			     const struct node *n, size_t off, size_t len,
			     const char *fmt, ...)
{
	const struct source *src = &c->d->file->src;
	size_t q = n->style == S_QUOTED ? 1 : 0;
	va_list ap;
	char *msg;
	va_start(ap, fmt);
	msg = arena_vprintf(&c->d->arena, fmt, ap);
	va_end(ap);
	if (len == 0)
		len = 1; /* an empty field: point at what follows it */
	if (c->at || n->kind != N_STR || c->d->opt->disabled[r] ||
	    (n->style != S_QUOTED && n->style != S_PLAIN) ||
	    (size_t)n->start + q + n->len > src->len ||
	    memcmp(src->buf + n->start + q, n->u.str, n->len) != 0 ||
	    off + len > n->len)
		return report(c->d, r, c->at ? c->at : n, "%s%s", msg,
			      c->assumed ? c->assumed : "");
	return report_span(c->d->file, c->d->index, r,
			   n->start + q + off, n->start + q + off + len,
			   doc_path(c->d, n), "%s", msg);
}

/* A value for a message: strings quoted (control characters escaped, long
 * ones shortened), other scalars as written. */
static const char *quote(struct vctx *c, const char *s, size_t len)
{
	char buf[160];
	size_t o = 0, i;
	buf[o++] = '"';
	for (i = 0; i < len && o < 120; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch == '"' || ch == '\\') {
			buf[o++] = '\\';
			buf[o++] = (char)ch;
		} else if (ch == '\n' || ch == '\t' || ch == '\r') {
			buf[o++] = '\\';
			buf[o++] = ch == '\n' ? 'n' : ch == '\t' ? 't' : 'r';
		} else if (ch < 32 || ch == 127) {
			o += (size_t)snprintf(buf + o, sizeof(buf) - o,
					      "\\x%02x", ch);
		} else {
			buf[o++] = (char)ch;
		}
	}
	if (i < len) {
		/* do not cut a UTF-8 sequence in half */
		while (o > 1 && ((unsigned char)buf[o - 1] & 0xC0) == 0x80)
			o--;
		if (o > 1 && ((unsigned char)buf[o - 1] & 0xC0) == 0xC0)
			o--;
		memcpy(buf + o, "...", 3);
		o += 3;
	}
	buf[o++] = '"';
	buf[o] = '\0';
	return arena_strdup(&c->d->arena, buf);
}

static const char *show(struct vctx *c, const struct node *n)
{
	switch (n->kind) {
	case N_STR:
		return quote(c, n->u.str, n->len);
	case N_INT:
		return arena_printf(&c->d->arena, "%lld", n->u.i);
	case N_FLOAT:
		/* as written: 120.0 is not 120 to the AWS CLI */
		return arena_strndup(&c->d->arena, c->d->file->src.buf + n->start,
				     n->end - n->start);
	case N_BOOL:
		return n->u.b ? "true" : "false";
	case N_NULL:
		return "null";
	default:
		return node_kind_name(n);
	}
}

static void check_value(struct vctx *c, const struct shape *s,
			const struct node *v, const struct node *key,
			const char *label);
static int accepts(const struct vctx *c, const struct shape *s,
		   const struct node *v);

/* What a node kind is called next to a shape kind, for wrong-type
 * messages: "an integer", "a string", ... */
static const char *a_kind(const struct node *n)
{
	switch (n->kind) {
	case N_NULL: return "null";
	case N_BOOL: return "a boolean";
	case N_INT: return "an integer";
	case N_FLOAT: return "a number";
	case N_STR: return "a string";
	case N_MAP: return "a mapping";
	case N_SEQ: return "a list";
	case N_EXPR: return "an expression";
	}
	return "a value";
}

static const char *a_shape(const struct shape *s)
{
	switch (s->kind) {
	case SK_STRUCT: case SK_RESOURCE: case SK_MAP: return "a mapping";
	case SK_LIST: return "a list";
	case SK_STRING: return "a string";
	case SK_LONG: case SK_INTEGER: return "an integer";
	case SK_NUMBER: return "a number";
	case SK_BOOL: return "a boolean (true or false)";
	case SK_TIMESTAMP: return "a timestamp";
	case SK_JSON: return "a JSON object or a string";
	case SK_ANY: return "any value";
	case SK_UNION: return "one of several types";
	}
	return "a value";
}

static void wrong_type(struct vctx *c, const struct shape *s,
		       const struct node *v, const char *label,
		       const char *want)
{
	struct diag *dg;
	if (v->kind == N_MAP || v->kind == N_SEQ || v->kind == N_NULL)
		dg = rep(c, BKP102, v, "%s is %s but must be %s", label,
			 a_kind(v), want ? want : a_shape(s));
	else
		dg = rep(c, BKP102, v, "%s is %s (%s) but must be %s", label,
			 a_kind(v), show(c, v), want ? want : a_shape(s));
	if (!dg)
		return;
	if (v->kind == N_STR && (s->kind == SK_LONG || s->kind == SK_INTEGER ||
				 s->kind == SK_NUMBER || s->kind == SK_BOOL))
		diag_hint(c->d->file, dg, "write %s without quotes%s", v->u.str,
			  c->cfn ? "" : " (only CloudFormation converts strings)");
	else if ((v->kind == N_INT || v->kind == N_FLOAT || v->kind == N_BOOL) &&
		 s->kind == SK_STRING)
		diag_hint(c->d->file, dg, "quote the value: %s",
			  quote(c, c->d->file->src.buf + v->start,
				v->end - v->start));
}

/* Decode one UTF-8 sequence (input already validated by the loader). */
static unsigned utf8_next(const unsigned char *s, size_t len, size_t *i)
{
	unsigned ch = s[*i], n = 0, cp;
	if (ch < 0x80) {
		(*i)++;
		return ch;
	}
	if ((ch & 0xE0) == 0xC0) { n = 1; cp = ch & 0x1F; }
	else if ((ch & 0xF0) == 0xE0) { n = 2; cp = ch & 0x0F; }
	else if ((ch & 0xF8) == 0xF0) { n = 3; cp = ch & 0x07; }
	else { (*i)++; return 0xFFFD; }
	(*i)++;
	while (n-- && *i < len) {
		cp = (cp << 6) | (s[*i] & 0x3F);
		(*i)++;
	}
	return cp;
}

static size_t utf8_count(const char *s, size_t len)
{
	size_t i, n = 0;
	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

/* "a space", "'/'", "U+00E9 'é'", "a tab" */
static const char *char_name(struct vctx *c, unsigned cp, const char *at,
			     size_t bytes)
{
	switch (cp) {
	case ' ': return "a space";
	case '\t': return "a tab";
	case '\n': return "a line break";
	case '\r': return "a carriage return";
	case 0: return "a NUL character";
	}
	if (cp < 32 || cp == 127)
		return arena_printf(&c->d->arena, "control character U+%04X", cp);
	if (cp < 128)
		return arena_printf(&c->d->arena, "'%c'", (char)cp);
	return arena_printf(&c->d->arena, "U+%04X '%.*s'", cp, (int)bytes, at);
}

/* Placeholders in partially known strings (Fn::Sub, Fn::Join). */
#define PH_SAFE  '\001' /* a value without ':' (AWS::Region, AWS::AccountId...) */
#define PH_ANY   '\002' /* anything */

/* The first character of s[0..len) outside the shape's allowed set:
 * returns its byte offset or -1, and its 1-based column in *col. */
static long first_bad_char(const struct shape *s, const char *str, size_t len,
			   size_t *col, unsigned *cp, size_t *bytes)
{
	size_t i = 0, n = 0;
	while (i < len) {
		size_t at = i;
		unsigned ch = utf8_next((const unsigned char *)str, len, &i);
		n++;
		if (ch == PH_SAFE || ch == PH_ANY)
			continue;
		if (ch >= 128 || !s->chars[ch]) {
			*col = n;
			*cp = ch;
			*bytes = i - at;
			return (long)at;
		}
	}
	return -1;
}

/* How a value is printed in a message, computed only when a message is
 * written: callers pass NULL for "the value itself, as show() prints it". */
#define SHOWN (shown_in ? shown_in : show(c, v))

static void check_arn(struct vctx *c, const struct arn_kind *k,
		      const char *s, size_t len, const struct node *v,
		      const char *label, const char *shown_in);

/* Byte offset and 1-based column of the first control character, or -1. */
static long first_control(const char *s, size_t len, size_t *col)
{
	size_t i, n = 0;
	for (i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];
		if ((ch & 0xC0) != 0x80)
			n++;
		if (ch < 32 || ch == 127) {
			*col = n;
			return (long)i;
		}
	}
	return -1;
}

/* A string known in full (partial = 0) or with placeholders (partial = 1;
 * `shown_in` is how to print it, NULL for show(c, v)). */
static void check_string_text(struct vctx *c, const struct shape *s,
			      const char *str, size_t len, const struct node *v,
			      const char *label, int partial, const char *shown_in)
{
	size_t i;
	struct diag *dg;

	if (s->nenums && !partial) {
		const char *close = NULL;
		char *list;
		size_t o = 0, total = 0;
		for (i = 0; i < s->nenums; i++) {
			if (strlen(s->enums[i]) == len &&
			    memcmp(s->enums[i], str, len) == 0)
				break;
			if (strlen(s->enums[i]) == len &&
			    strncasecmp(s->enums[i], str, len) == 0)
				close = s->enums[i];
		}
		if (i == s->nenums) {
			for (i = 0; i < s->nenums; i++)
				total += strlen(s->enums[i]) + 2;
			list = arena_alloc(&c->d->arena, total + 1);
			for (i = 0; i < s->nenums; i++)
				o += (size_t)sprintf(list + o, "%s%s",
						     i ? ", " : "", s->enums[i]);
			list[o] = '\0';
			if (!close)
				close = schema_did_you_mean(
					arena_strndup(&c->d->arena, str, len),
					s->enums, s->nenums);
			dg = rep(c, BKP107, v, "%s %s is not a valid value; "
				 "allowed: %s", label, SHOWN, list);
			if (dg && close)
				diag_hint(c->d->file, dg, "did you mean %s?%s",
					  close, strcasecmp(close, str) == 0 ?
					  " (values are case-sensitive)" : "");
		}
		return;
	}
	if (s->pattern) {
		size_t col = 0, bytes = 0;
		unsigned cp = 0;
		long bad;
		if (partial) {
			/* Only the literal characters can be judged. */
			if (s->has_chars &&
			    (bad = first_bad_char(s, str, len, &col, &cp, &bytes)) >= 0)
				rep(c, BKP105, v, "%s %s has %s; allowed: %s",
				    label, SHOWN,
				    char_name(c, cp, str + bad, bytes),
				    s->allowed ? s->allowed : s->pattern);
			return;
		}
		if (re_match(shape_re(s), str, len))
			return;
		if (s->has_chars && len > 4 && memcmp(str, "arn:", 4) == 0 &&
		    !s->chars[':']) {
			/* An ARN where AWS wants the bare name. */
			const char *last = str + len;
			while (last > str && last[-1] != ':' && last[-1] != '/')
				last--;
			dg = rep(c, BKP105, v, "%s %s is an ARN but must be a "
				 "name; allowed: %s", label, SHOWN,
				 s->allowed ? s->allowed : s->pattern);
			if (dg && last < str + len)
				diag_hint(c->d->file, dg, "write the name alone: %s",
					  quote(c, last, (size_t)(str + len - last)));
			return;
		}
		if (s->has_chars &&
		    (bad = first_bad_char(s, str, len, &col, &cp, &bytes)) >= 0) {
			rep(c, BKP105, v, "%s %s has %s at column %zu; allowed: %s",
			    label, SHOWN, char_name(c, cp, str + bad, bytes),
			    col, s->allowed ? s->allowed : s->pattern);
		} else if (len == 0) {
			rep(c, BKP105, v, "%s is empty; allowed: %s", label,
			    s->allowed ? s->allowed : s->pattern);
		} else if ((bad = first_control(str, len, &col)) >= 0) {
			/* '.' in a pattern does not match a line break */
			rep(c, BKP105, v, "%s %s has %s at column %zu; allowed: %s",
			    label, SHOWN, char_name(c, (unsigned char)str[bad],
						    str + bad, 1),
			    col, s->allowed ? s->allowed : s->pattern);
		} else if (s->allowed) {
			size_t nc = utf8_count(str, len);
			rep(c, BKP105, v, "%s %s is %zu character%s long; "
			    "allowed: %s", label, SHOWN, nc, nc == 1 ? "" : "s",
			    s->allowed);
		} else {
			rep(c, BKP105, v, "%s %s does not match the pattern %s",
			    label, SHOWN, s->pattern);
		}
		return;
	}
	if (s->has_maxlen && !partial && (long long)len > s->maxlen) {
		rep(c, BKP104, v, "%s is %zu bytes long but must be at most "
		    "%lld%s%s%s", label, len, s->maxlen,
		    s->max_why ? " (" : "", s->max_why ? s->max_why : "",
		    s->max_why ? ")" : "");
		return;
	}
	if (s->arn)
		check_arn(c, s->arn, str, len, v, label, shown_in);
}

/* ------------------------------------------------------------------ */
/* ARNs                                                               */

struct field {
	size_t off, len;
	int known;  /* 0: cut off by a wildcard or an unknown placeholder */
};

/* 1 when the field holds a placeholder (its value is unknown). */
static int has_ph(const char *s, const struct field *f)
{
	return memchr(s + f->off, PH_SAFE, f->len) ||
	       memchr(s + f->off, PH_ANY, f->len);
}

static int str_in(const char *s, size_t len, const char **v, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (strlen(v[i]) == len && memcmp(v[i], s, len) == 0)
			return 1;
	return 0;
}

static const char *join_list(struct vctx *c, const char **v, size_t n,
			     const char *quote)
{
	size_t i, total = 1;
	char *out, *p;
	for (i = 0; i < n; i++)
		total += strlen(v[i]) + 2 + 2 * strlen(quote);
	p = out = arena_alloc(&c->d->arena, total);
	*p = '\0';
	for (i = 0; i < n; i++)
		p += sprintf(p, "%s%s%s%s", i ? ", " : "", quote, v[i], quote);
	return out;
}

static void check_arn(struct vctx *c, const struct arn_kind *k,
		      const char *s, size_t len, const struct node *v,
		      const char *label, const char *shown_in)
{
	static const char *const fname[6] = {
		"prefix", "partition", "service", "Region", "account", "resource",
	};
	struct field f[6];
	size_t cut = len, i, nf = 0, start = 0;
	const struct arn_form *form = NULL;
	struct diag *dg;
	const char *star;

	if (k->star && len == 1 && s[0] == '*')
		return;
	/* A wildcard may only end a selection ARN: it is a prefix match. */
	star = memchr(s, '*', len);
	if (k->star && star) {
		if ((size_t)(star - s) != len - 1) {
			/* In a partly known string the column is not known. */
			int ph = memchr(s, PH_SAFE, len) || memchr(s, PH_ANY, len);
			const char *at = ph ? "" : arena_printf(&c->d->arena,
				" at column %zu", utf8_count(s, (size_t)(star - s)) + 1);
			dg = rep_part(c, BKP109, v, (size_t)(star - s), 1,
				      "%s %s has a '*'%s; a wildcard is "
				      "only allowed as the last character (a prefix "
				      "pattern)", label, SHOWN, at);
			if (dg)
				diag_hint(c->d->file, dg, "match a prefix, e.g. "
					  "arn:aws:s3:::my-bucket-*, or use "
					  "ListOfTags or Conditions");
			return;
		}
		cut = len - 1;
	}
	/* A placeholder that may hold ':' hides where the later fields are. */
	for (i = 0; i < cut; i++)
		if (s[i] == PH_ANY) {
			cut = i;
			break;
		}

	/* Split into six fields; those not fully before `cut` are unknown. */
	memset(f, 0, sizeof(f));
	for (i = 0; i <= len && nf < 6; i++) {
		if (nf < 5 ? (i == len || s[i] == ':') : i == len) {
			f[nf].off = start;
			f[nf].len = i - start;
			f[nf].known = i <= cut && !(nf == 5 && cut < len);
			nf++;
			start = i + 1;
		}
	}
	if (f[0].known && !(f[0].len == 3 && memcmp(s, "arn", 3) == 0)) {
		dg = rep(c, BKP106, v, "%s %s is not an ARN: it must start with "
			 "\"arn:\"; expected %s", label, SHOWN, k->what);
		if (dg)
			diag_hint(c->d->file, dg, "for example %s", k->example);
		return;
	}
	if (!f[0].known) {
		/* Cut before the first ':': the prefix must still fit "arn:". */
		size_t n = cut < 4 ? cut : 4;
		if (memcmp(s, "arn:", n) != 0)
			rep(c, BKP106, v, "%s %s is not an ARN: it must start "
			    "with \"arn:\"", label, SHOWN);
		return;
	}
	if (nf < 6 && cut == len) {
		dg = rep(c, BKP106, v, "%s %s has %zu of the 6 ':'-separated "
			 "fields of an ARN (arn:partition:service:region:"
			 "account:resource); the %s field is missing",
			 label, SHOWN, nf, fname[nf]);
		if (dg)
			diag_hint(c->d->file, dg, "%s looks like %s",
				  k->what, k->example);
		return;
	}
	for (i = 0; i < 6; i++)
		if (f[i].known && has_ph(s, &f[i]))
			f[i].known = 0;

	if (f[1].known &&
	    !str_in(s + f[1].off, f[1].len, partitions, npartitions)) {
		rep_part(c, BKP106, v, f[1].off, f[1].len,
			 "%s %s has partition %s, which is not an AWS partition "
			 "(%s)", label, SHOWN, quote(c, s + f[1].off, f[1].len),
			 join_list(c, partitions, npartitions, ""));
		return;
	}
	if (!f[2].known)
		return;
	for (i = 0; i < k->nforms; i++)
		if (strcmp(k->forms[i].service, "*") == 0 ||
		    (strlen(k->forms[i].service) == f[2].len &&
		     memcmp(k->forms[i].service, s + f[2].off, f[2].len) == 0)) {
			form = &k->forms[i];
			break;
		}
	if (!form) {
		const char *svc[16];
		size_t n = 0;
		for (i = 0; i < k->nforms && n < 16; i++)
			svc[n++] = k->forms[i].service;
		dg = rep_part(c, BKP106, v, f[2].off, f[2].len,
			      "%s %s has service %s but %s has "
			      "%s", label, SHOWN, quote(c, s + f[2].off, f[2].len),
			      k->what, join_list(c, svc, n, "\""));
		if (dg)
			diag_hint(c->d->file, dg, "%s looks like %s", k->what,
				  k->example);
		return;
	}
	if (f[3].known) {
		if (form->region == P_EMPTY && f[3].len) {
			rep_part(c, BKP106, v, f[3].off, f[3].len,
				 "%s %s has Region %s but the Region "
				 "field of %s is empty (arn:partition:%s::account:...)",
				 label, SHOWN, quote(c, s + f[3].off, f[3].len), k->what,
				 form->service);
			return;
		}
		if (form->region == P_REQUIRED && !f[3].len) {
			rep_part(c, BKP106, v, f[3].off, 0,
				 "%s %s has an empty Region field; %s "
				 "names its Region (e.g. %s)", label, SHOWN, k->what,
				 k->example);
			return;
		}
		if (f[3].len && !re_match(region_re, s + f[3].off, f[3].len)) {
			rep_part(c, BKP106, v, f[3].off, f[3].len,
				 "%s %s has %s in the Region field, "
				 "which is not a Region code like us-east-1", label,
				 SHOWN, quote(c, s + f[3].off, f[3].len));
			return;
		}
	}
	if (f[4].known) {
		if (form->account == P_EMPTY && f[4].len) {
			rep_part(c, BKP106, v, f[4].off, f[4].len,
				 "%s %s has account %s but the "
				 "account field of %s is empty", label, SHOWN,
				 quote(c, s + f[4].off, f[4].len), k->what);
			return;
		}
		if ((form->account == P_REQUIRED || f[4].len) &&
		    !re_match(account_re, s + f[4].off, f[4].len)) {
			if (f[4].len == 0)
				rep_part(c, BKP106, v, f[4].off, 0,
					 "%s %s has an empty account "
					 "field; %s names the 12-digit account",
					 label, SHOWN, k->what);
			else
				rep_part(c, BKP106, v, f[4].off, f[4].len,
					 "%s %s has account %s "
					 "(%zu characters); an account ID is 12 digits",
					 label, SHOWN, quote(c, s + f[4].off, f[4].len),
					 utf8_count(s + f[4].off, f[4].len));
			return;
		}
	}
	if (!form->types)
		return;
	if (!f[5].known) {
		/* Cut inside the resource (a wildcard or an unknown value after
		 * the type): the type is still known when its separator comes
		 * first. */
		const char *res = s + f[5].off, *old;
		size_t avail = cut > f[5].off ? cut - f[5].off : 0;
		char tbuf[64];
		if (nf < 6)
			return;
		for (i = 0; i < avail; i++)
			if (res[i] == ':' || res[i] == '/' || res[i] == PH_SAFE)
				break;
		if (i == avail || res[i] == PH_SAFE || i >= sizeof(tbuf))
			return;
		snprintf(tbuf, sizeof(tbuf), "%.*s", (int)i, res);
		if ((old = note_find(k->old_types, k->nold, tbuf)))
			rep(c, BKP106, v, "%s %s uses the old resource type "
			    "\"%s:\"; %s has \"%s:\"", label, SHOWN, tbuf,
			    k->what, old);
		else if ((old = note_find(k->wrong_types, k->nwrong, tbuf)))
			rep(c, BKP106, v, "%s %s is %s", label, SHOWN, old);
		else if (!str_in(res, i, form->types, form->ntypes) &&
			 !(form->ntypes == 1 && form->types[0][0] == '\0'))
			rep(c, BKP106, v, "%s %s has resource type \"%s\" but %s "
			    "has %s", label, SHOWN, tbuf, k->what,
			    join_list(c, form->types, form->ntypes, "\""));
		else if (form->sep && res[i] != form->sep)
			rep(c, BKP106, v, "%s %s has '%c' after \"%s\"; %s has "
			    "'%c' there", label, SHOWN, res[i], tbuf, k->what,
			    form->sep);
		return;
	}
	{
		const char *res = s + f[5].off, *sep;
		size_t rlen = f[5].len, tlen;
		const char *old;
		char tbuf[64];
		sep = NULL;
		for (i = 0; i < rlen; i++)
			if (res[i] == ':' || res[i] == '/') {
				sep = res + i;
				break;
			}
		tlen = sep ? (size_t)(sep - res) : rlen;
		if (memchr(res, PH_SAFE, tlen) || memchr(res, PH_ANY, tlen))
			return;
		snprintf(tbuf, sizeof(tbuf), "%.*s", (int)(tlen < 60 ? tlen : 60),
			 res);
		if (form->ntypes == 1 && form->types[0][0] == '\0') {
			if (sep)
				rep_part(c, BKP106, v, f[5].off, rlen,
					 "%s %s has a resource part "
					 "%s with a '%c'; %s ends in a plain name",
					 label, SHOWN, quote(c, res, rlen), *sep, k->what);
			return;
		}
		if ((old = note_find(k->old_types, k->nold, tbuf)) && sep) {
			dg = rep_part(c, BKP106, v, f[5].off, tlen,
				      "%s %s uses the old resource type "
				      "\"%s:\"; %s has \"%s:\"", label, SHOWN, tbuf,
				      k->what, old);
			if (dg && len < 200 && !memchr(s, PH_SAFE, len) &&
			    !memchr(s, PH_ANY, len))
				diag_hint(c->d->file, dg, "write %.*s%s%.*s",
					  (int)(res - s), s, old,
					  (int)(len - (size_t)(sep - s)), sep);
			return;
		}
		if ((old = note_find(k->wrong_types, k->nwrong, tbuf))) {
			rep_part(c, BKP106, v, f[5].off, tlen, "%s %s is %s",
				 label, SHOWN, old);
			return;
		}
		if (!sep || !str_in(res, tlen, form->types, form->ntypes)) {
			dg = rep_part(c, BKP106, v, f[5].off, rlen,
				      "%s %s has resource %s but %s "
				      "has %s followed by a name", label, SHOWN,
				      quote(c, res, rlen), k->what,
				      join_list(c, form->types, form->ntypes, "\""));
			if (dg)
				diag_hint(c->d->file, dg, "for example %s",
					  k->example);
			return;
		}
		if (form->sep && *sep != form->sep) {
			rep_part(c, BKP106, v, (size_t)(sep - s), 1,
				 "%s %s has '%c' after \"%s\"; %s has '%c' there",
				 label, SHOWN, *sep, tbuf, k->what, form->sep);
			return;
		}
		if (form->name) {
			const struct shape *ns = form->name;
			const char *nm = sep + 1;
			size_t nlen = rlen - tlen - 1, col, bytes;
			unsigned cp;
			long bad;
			if (memchr(nm, PH_SAFE, nlen) || memchr(nm, PH_ANY, nlen)) {
				if (ns->has_chars &&
				    (bad = first_bad_char(ns, nm, nlen, &col, &cp,
							  &bytes)) >= 0)
					rep(c, BKP106, v, "%s %s has %s in its "
					    "name part; allowed: %s", label, SHOWN,
					    char_name(c, cp, nm + bad, bytes),
					    ns->allowed);
				return;
			}
			if (ns->pattern && !re_match(shape_re(ns), nm, nlen)) {
				if (ns->has_chars &&
				    (bad = first_bad_char(ns, nm, nlen, &col, &cp,
							  &bytes)) >= 0)
					rep_part(c, BKP106, v,
						 (size_t)(nm - s) + (size_t)bad, bytes,
						 "%s %s has %s in the name %s; "
						 "allowed: %s", label, SHOWN,
						 char_name(c, cp, nm + bad, bytes),
						 quote(c, nm, nlen), ns->allowed);
				else
					rep_part(c, BKP106, v, (size_t)(nm - s),
						 nlen, "%s %s has a name of %zu "
						 "character%s; allowed: %s", label,
						 SHOWN, utf8_count(nm, nlen),
						 utf8_count(nm, nlen) == 1 ? "" : "s",
						 ns->allowed);
			}
		}
	}
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

static void check_range(struct vctx *c, const struct shape *s,
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
		rep(c, BKP104, v, "%s is %.*s%s, which does not fit a 64-bit "
		    "number", label, (int)(n > 40 ? 40 : n),
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
/* Intrinsic functions                                                */

static int is_scalar_shape(const struct shape *s)
{
	return s->kind == SK_STRING || s->kind == SK_LONG ||
	       s->kind == SK_INTEGER || s->kind == SK_NUMBER ||
	       s->kind == SK_BOOL || s->kind == SK_TIMESTAMP;
}

struct sbuf {
	char *p;
	size_t len, cap;
	int ph;  /* placeholders added */
};

static void sb_add(struct vctx *c, struct sbuf *b, const char *s, size_t n)
{
	struct strbuf t = { b->p, b->len, b->cap, &c->d->arena };
	strbuf_add(&t, s, n);
	b->p = t.s;
	b->len = t.n;
	b->cap = t.cap;
}

static void sb_ph(struct vctx *c, struct sbuf *b, const char *name, size_t n)
{
	/* Pseudo parameters that never contain ':' keep later ARN fields in
	 * place; anything else may hold colons. */
	char ph = str_in(name, n, colon_free, ncolon_free) ? PH_SAFE : PH_ANY;
	sb_add(c, b, &ph, 1);
	b->ph = 1;
}

/* The text of Fn::Sub's template with ${...} as placeholders ("${!x}" is a
 * literal "${x}"). Returns 0, or -1 when the template is not a string. */
static int sub_text(struct vctx *c, const struct node *arg, struct sbuf *b)
{
	const struct node *t = node_is(arg, N_SEQ) && arg->len ?
			       seq_at(arg, 0) : arg;
	const struct node *vars = node_is(arg, N_SEQ) && arg->len > 1 ?
				  seq_at(arg, 1) : NULL, *var;
	const char *s = node_str(t), *e;
	if (!s)
		return -1;
	while (*s) {
		if (s[0] == '$' && s[1] == '{' && (e = strchr(s, '}'))) {
			char name[128];
			snprintf(name, sizeof(name), "%.*s",
				 (int)(e - s - 2 < 127 ? e - s - 2 : 127), s + 2);
			var = map_get(vars, name);
			if (s[2] == '!') {
				sb_add(c, b, "${", 2);
				sb_add(c, b, s + 3, (size_t)(e - s - 2));
			} else if (node_is(var, N_STR) && e - s - 2 < 127) {
				/* a variable given literally in Fn::Sub's map */
				sb_add(c, b, var->u.str, var->len);
			} else
				sb_ph(c, b, s + 2, (size_t)(e - s - 2));
			s = e + 1;
			continue;
		}
		sb_add(c, b, s, 1);
		s++;
	}
	return 0;
}

/* Fn::Join [delim, [parts]]: literal parts as they are, the rest as
 * placeholders. Returns -1 when the list itself is not known. */
static int join_text(struct vctx *c, const struct node *arg, struct sbuf *b)
{
	const struct node *parts;
	const char *delim;
	uint32_t i;
	if (!node_is(arg, N_SEQ) || arg->len != 2)
		return -1;
	delim = node_str(seq_at(arg, 0));
	parts = seq_at(arg, 1);
	if (!delim || !node_is(parts, N_SEQ))
		return -1;
	for (i = 0; i < parts->len; i++) {
		const struct node *p = seq_at(parts, i);
		if (i)
			sb_add(c, b, delim, strlen(delim));
		if (p->kind == N_STR)
			sb_add(c, b, p->u.str, p->len);
		else if (p->kind == N_INT || p->kind == N_FLOAT)
			sb_add(c, b, c->d->file->src.buf + p->start,
			       p->end - p->start);
		else if (node_intrinsic(p) == FN_REF && node_str(map_val(p, 0)))
			sb_ph(c, b, node_str(map_val(p, 0)),
			      strlen(node_str(map_val(p, 0))));
		else
			sb_ph(c, b, "", 0);
	}
	return 0;
}

/* How a partial string reads in a message: placeholders as ${...}. */
static const char *show_partial(struct vctx *c, const struct sbuf *b)
{
	struct sbuf o = { 0 };
	size_t i;
	sb_add(c, &o, "\"", 1);
	for (i = 0; i < b->len && o.len < 90; i++) {
		if (b->p[i] == PH_SAFE || b->p[i] == PH_ANY)
			sb_add(c, &o, "${...}", 6);
		else
			sb_add(c, &o, b->p + i, 1);
	}
	if (i < b->len)
		sb_add(c, &o, "...", 3);
	sb_add(c, &o, "\"", 1);
	return o.p;
}

static void check_intrinsic(struct vctx *c, const struct shape *s,
			    const struct node *v, enum cfn_fn fn,
			    const struct node *key, const char *label)
{
	const struct node *arg = map_val(v, 0), *def;
	enum cfn_known how;
	struct sbuf b = { 0 };

	switch (fn) {
	case FN_IF:
		/* [condition, value if true, value if false]: both can happen. */
		if (node_is(arg, N_SEQ) && arg->len == 3) {
			check_value(c, s, seq_at(arg, 1), key, label);
			check_value(c, s, seq_at(arg, 2), key, label);
		}
		return;
	case FN_REF:
		if (!is_scalar_shape(s) || c->at)
			return;
		def = cfn_value(c->d, v, &how);
		if (how != CFN_ASSUMED || !def)
			return;
		c->at = v;
		c->assumed = arena_printf(&c->d->arena,
					  " (assuming parameter %s's default %s)",
					  node_str(arg), show(c, def));
		check_value(c, s, def, key, label);
		c->at = NULL;
		c->assumed = NULL;
		return;
	case FN_SUB:
	case FN_JOIN:
		if (s->kind != SK_STRING)
			return;
		if ((fn == FN_SUB ? sub_text(c, arg, &b) : join_text(c, arg, &b)) < 0)
			return;
		/* Fn::Sub is shown as written, Fn::Join with ${...} holes. */
		check_string_text(c, s, b.p ? b.p : "", b.len, v, label, b.ph,
				  fn == FN_SUB ? show(c, node_is(arg, N_SEQ) ?
						      seq_at(arg, 0) : arg) :
				  show_partial(c, &b));
		return;
	default:
		/* Fn::GetAtt, Fn::Select, Fn::FindInMap, Fn::ImportValue...:
		 * unknown until the stack is deployed. */
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
	uint32_t k;
	for (k = 0; k < v->len; k++) {
		const struct node *item = seq_at(v, k), *val;
		if (!node_is(item, N_MAP))
			continue;
		val = map_get(item, s->unique_by);
		if (!node_is(val, N_STR))
			continue;
		if (!u)
			u = arena_alloc(&c->d->arena, v->len * sizeof(*u));
		u[n].s = val->u.str;
		u[n].n = val;
		u[n].index = k;
		n++;
	}
	if (n < 2)
		return;
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
}

static void check_list(struct vctx *c, const struct shape *s,
		       const struct node *v, const char *label)
{
	char sub[160];
	uint32_t i;
	long long wild = 0, arns = 0;
	for (i = 0; i < v->len; i++) {
		snprintf(sub, sizeof(sub), "%s[%u]", label, i);
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
	for (i = 0; i < v->len; i++) {
		const struct node *it = seq_at(v, i);
		if (it->kind != N_STR && !(c->cfn && node_intrinsic(it)))
			continue;
		arns++;
		if (arns == s->arn_max + 1) {
			rep(c, BKP109, it, "%s has %u ARNs; at most %lld are "
			    "allowed (%lld when any has a wildcard)", label,
			    v->len, s->arn_max, s->arn_max_wild);
			return;
		}
		if (it->kind == N_STR && memchr(it->u.str, '*', it->len) &&
		    ++wild == s->arn_max_wild + 1)
			rep(c, BKP109, it, "%s has more than %lld ARNs with "
			    "wildcards; at most %lld are allowed", label,
			    s->arn_max_wild, s->arn_max_wild);
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

/* BKP101 for key k in structure s; *suppress receives a member that the
 * message already names as the fix (so BKP103 does not repeat it). */
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
	mean = schema_did_you_mean(name, cand, n);
	if (mean) {
		dg = rep(c, BKP101, k, "unknown key %s in %s; did you mean "
			 "\"%s\"?%s", show(c, k), where, mean,
			 strcasecmp(mean, name) == 0 ?
			 " (keys are case-sensitive)" : "");
		if (dg)
			diag_hint(c->d->file, dg, "rename it to %s", mean);
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

static void check_struct(struct vctx *c, const struct shape *s,
			 const struct node *v, const struct node *key,
			 const char *label, const char *where)
{
	/* present[i]: member i is in the mapping; named[i]: a BKP101 already
	 * names member i as the fix for a misspelt or renamed key. */
	unsigned char *present = arena_zalloc(&c->d->arena, s->nmembers + 1);
	unsigned char *named = arena_zalloc(&c->d->arena, s->nmembers + 1);
	const struct member *m;
	size_t i;
	uint32_t k;

	for (k = 0; k < v->len; k++)
		if (map_key(v, k)->kind == N_STR &&
		    (m = member_find(s, map_key(v, k)->u.str)))
			present[m - s->members] = 1;
	for (k = 0; k < v->len; k++) {
		const struct node *kn = map_key(v, k);
		if (kn->kind != N_STR) {
			/* a YAML key such as 5: or true: is never a member */
			rep(c, BKP101, kn, "unknown key %s in %s: member names "
			    "are strings", show(c, kn), where);
			continue;
		}
		if (!(m = member_find(s, kn->u.str))) {
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
		const struct member *r = member_find(s, s->required[i]);
		struct diag *dg;
		if (present[r - s->members] || named[r - s->members])
			continue;
		dg = rep(c, BKP103, key ? key : v, "%s has no %s, which %s "
			 "requires", label, s->required[i], where);
		if (dg && s->nrequired > 1)
			diag_hint(c->d->file, dg, "%s requires %s", where,
				  join_list(c, s->required, s->nrequired, ""));
	}
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

static int accepts(const struct vctx *c, const struct shape *s,
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

static void check_value(struct vctx *c, const struct shape *s,
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

static const struct shape *doc_shape(const struct db *db, const char *label)
{
	const char *name = note_find(db->documents, db->ndocuments, label);
	return name ? db_find(db, name) : NULL;
}

void schema_check_doc(struct doc *d)
{
	struct vctx c;
	const struct shape *s = NULL;
	const char *label = NULL;

	if (!d->root)
		return;
	pthread_once(&shapes_once, build_api);
	if (d->kind == DOC_CFN)
		pthread_once(&cfn_once, build_cfn);
	memset(&c, 0, sizeof(c));
	c.d = d;
	c.db = &api_db;
	switch (d->kind) {
	case DOC_PLAN_INPUT:
		label = map_get(d->root, "BackupPlanId") ? "plan-update" :
			"plan-create";
		break;
	case DOC_PLAN_OUTPUT: label = "plan-output"; break;
	case DOC_PLAN_BARE: label = "plan-bare"; break;
	case DOC_SELECTION_INPUT: label = "selection-input"; break;
	case DOC_SELECTION_OUTPUT: label = "selection-output"; break;
	case DOC_SELECTION_BARE: label = "selection-bare"; break;
	case DOC_COPY_JOB: label = "copy-job"; break;
	case DOC_CFN:
		label = "template";
		c.db = &cfn_db;
		c.cfn = 1;
		break;
	default:
		return;
	}
	s = doc_shape(c.db, label);
	if (!s)
		defect(c.db->file, "no shape for document", label);
	check_value(&c, s, d->root, NULL, "the document");
}
