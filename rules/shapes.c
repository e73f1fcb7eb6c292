/* shapes.c - compiling the shapes files, and the pattern cache. */
#include "shapes.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../linter/arena.h"
#include "../linter/data.h"
#include "../linter/utf8.h"
#include "facts.h"
#include "schema.h"

static struct db api_db, cfn_db, tf_db;
static struct arn_kind *arn_kinds;
static size_t narn_kinds;
static struct shapes_arns arns;
static pthread_once_t shapes_once = PTHREAD_ONCE_INIT;

void shapes_defect(const char *file, const char *what, const char *name)
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
		shapes_defect(file, "bad pattern", pat);
	/* JIT is an optimisation only: without it pcre2_match interprets. */
	if (jit)
		(void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	return re;
}

/* One match block per thread, made at its first match and freed when the
 * thread ends (the main thread's is still reachable at exit): a match
 * needs only to know whether it matched, and creating a block for each
 * was a good part of a short match. */
static pthread_key_t md_key;
static pthread_once_t md_once = PTHREAD_ONCE_INIT;

static void md_free(void *md)
{
	pcre2_match_data_free(md);
}

static void md_init(void)
{
	if (pthread_key_create(&md_key, md_free) != 0)
		oom();
}

int re_match(pcre2_code *re, const char *s, size_t len)
{
	pcre2_match_data *md;
	pthread_once(&md_once, md_init);
	if (!(md = pthread_getspecific(md_key))) {
		if (!(md = pcre2_match_data_create(1, NULL)) ||
		    pthread_setspecific(md_key, md) != 0)
			oom();
	}
	return pcre2_match(re, (PCRE2_SPTR)s, len, 0, 0, md, NULL) >= 0;
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

pcre2_code *shape_re(const struct shape *cs)
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

/* The bounds of a repeat "{m,n}", "{m}", "+" or "*" at p, and what
 * follows it in *rest; 0 when p holds none. */
static int repeat_bounds(const char *p, unsigned long *lo, unsigned long *hi,
			 const char **rest)
{
	char *end;
	const char *q;

	if (p[0] == '+' || p[0] == '*') {
		*lo = p[0] == '+';
		*hi = (unsigned long)-1;
		*rest = p + 1;
		return 1;
	}
	if (p[0] != '{')
		return 0;
	*lo = strtoul(p + 1, &end, 10);
	if (end == p + 1)
		return 0;
	*hi = *lo;
	if (*end == ',') {
		q = end + 1;
		*hi = strtoul(q, &end, 10);
		if (end == q)
			return 0;
	}
	if (*end != '}' || *hi < *lo)
		return 0;
	*rest = end + 1;
	return 1;
}

/* 1 when PCRE2 was built with LF as its newline: then '.' is any
 * character but '\n', and '$' also matches before a final '\n'. */
static int newline_is_lf(void)
{
	uint32_t nl = 0;
	return pcre2_config(PCRE2_CONFIG_NEWLINE, &nl) >= 0 &&
	       nl == PCRE2_NEWLINE_LF;
}

/* A pattern ^[class]{m,n}$ (or + or *) whose class holds only ASCII
 * characters, ranges of them and escaped punctuation, or ^.{m,n}$: its set
 * and bounds in s, so that shape_match() needs no PCRE2. Anything else
 * (classes such as \d, negation, other syntax) stays with PCRE2. */
static void simple_pattern(struct shape *s)
{
	const char *p = s->pattern, *q;
	uint8_t set[32] = { 0 };
	unsigned long lo, hi;
	int any = 0;

	if (strncmp(p, "^.", 2) == 0 && newline_is_lf()) {
		/* any code point but a newline, counted in code points (the
		 * pattern is compiled with PCRE2_UTF) */
		any = 1;
		memset(set, 0xFF, 16);
		set['\n' >> 3] &= (uint8_t)~(1u << ('\n' & 7));
		p += 2;
	} else if (strncmp(p, "^[", 2) != 0 || p[2] == '^' || p[2] == ']') {
		return;
	} else {
		p += 2;
	}
	while (!any && *p && *p != ']') {
		unsigned char a, b;
		if (*p == '\\') {
			/* only escaped punctuation stands for itself */
			if (!p[1] || (unsigned char)p[1] >= 128 ||
			    !ispunct((unsigned char)p[1]))
				return;
			a = (unsigned char)p[1];
			p += 2;
		} else if ((unsigned char)*p >= 128 || *p == '[') {
			return;
		} else {
			a = (unsigned char)*p++;
		}
		b = a;
		if (p[0] == '-' && p[1] && p[1] != ']') {
			if (p[1] == '\\' || (unsigned char)p[1] >= 128 || p[1] == '[')
				return;
			b = (unsigned char)p[1];
			p += 2;
			if (b < a)
				return;
		}
		for (; a <= b; a++) {
			set[a >> 3] |= (uint8_t)(1u << (a & 7));
			if (a == 127)
				break;
		}
	}
	if (!any && *p++ != ']')
		return;
	if (!repeat_bounds(p, &lo, &hi, &q))
		return;
	/* $ also matches before a final newline: keep such classes away */
	if (strcmp(q, "$") != 0 || (set['\n' >> 3] & (1u << ('\n' & 7))))
		return;
	memcpy(s->simple_set, set, sizeof(set));
	s->simple_min = lo;
	s->simple_max = hi;
	s->simple = any ? 2 : 1;
}

/* PCRE2's answers for short strings, per thread: documents repeat a few
 * Regions and names many times. Direct-mapped (a collision recomputes);
 * the answer is a pure function of the shape and the string. */
#define MATCH_MEMO 64
#define MATCH_MEMO_LEN 30
static _Thread_local struct match_memo {
	const struct shape *sh;
	uint8_t len, ok;
	char s[MATCH_MEMO_LEN];
} match_memo[MATCH_MEMO];

static int memo_match(const struct shape *sh, const char *s, size_t len)
{
	struct match_memo *m;
	uint32_t h = (uint32_t)((uintptr_t)sh >> 4) * 2654435761u;
	size_t i;

	if (len > MATCH_MEMO_LEN)
		return re_match(shape_re(sh), s, len);
	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	m = &match_memo[(h >> 8) % MATCH_MEMO];
	if (m->sh == sh && m->len == len && memcmp(m->s, s, len) == 0)
		return m->ok;
	m->sh = sh;
	m->len = (uint8_t)len;
	memcpy(m->s, s, len);
	m->ok = (uint8_t)re_match(shape_re(sh), s, len);
	return m->ok;
}

int shape_match(const struct shape *sh, const char *s, size_t len)
{
	size_t i, n;
	if (!sh->simple)
		return memo_match(sh, s, len);
	/* PCRE2's $ matches before a final newline too */
	if (len && s[len - 1] == '\n')
		len--;
	if (sh->simple == 2) {
		/* '.': valid UTF-8 (PCRE2_MATCH_INVALID_UTF matches no
		 * invalid byte), no newline, code points within the bounds */
		if (len < sh->simple_min)
			return 0;
		for (i = n = 0; i < len; n++) {
			unsigned char c = (unsigned char)s[i];
			size_t k = c < 128 ? 1
					   : utf8_valid((const unsigned char *)s + i,
							len - i, NULL, NULL);
			if (!k || c == '\n')
				return 0;
			i += k;
		}
		return n >= sh->simple_min && n <= sh->simple_max;
	}
	if (len < sh->simple_min || len > sh->simple_max)
		return 0;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (!(sh->simple_set[c >> 3] & (1u << (c & 7))))
			return 0;
	}
	return 1;
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
		shapes_defect(file, "expected a list", NULL);
	v = xcalloc(seq->len, sizeof(*v));
	for (i = 0; i < seq->len; i++) {
		v[i] = node_str(seq_at(seq, i));
		if (!v[i])
			shapes_defect(file, "expected strings in a list", NULL);
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
		shapes_defect(file, "expected an object", NULL);
	v = xcalloc(m->len, sizeof(*v));
	for (i = 0; i < m->len; i++) {
		v[i].name = node_str(map_key(m, i));
		v[i].text = node_str(map_val(m, i));
		if (!v[i].text)
			shapes_defect(file, "expected a string value for", v[i].name);
	}
	*n = m->len;
	return v;
}

struct shape *db_find(const struct db *db, const char *name)
{
	/* db->shapes[i] is pair i of the shapes map, whose sorted key index
	 * (made at compile time for big maps) makes this a binary search */
	for (; db; db = db->fallback) {
		long i = map_find(db->shapes_node, name);
		if (i >= 0)
			return &db->shapes[i];
	}
	return NULL;
}

static struct shape *resolve(const struct db *db, const char *name)
{
	struct shape *s = name ? db_find(db, name) : NULL;
	if (!s)
		shapes_defect(db->file, "unknown shape", name);
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
static void parse_chars(unsigned char set[128], const char *spec)
{
	size_t i, n = strlen(spec);
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)spec[i];
		if (i + 2 < n && spec[i + 1] == '-') {
			unsigned char e = (unsigned char)spec[i + 2], x;
			for (x = c; x <= e && x < 128; x++)
				set[x] = 1;
			i += 2;
		} else if (c < 128) {
			set[c] = 1;
		}
	}
}

static double num_of(const char *file, const struct node *n, const char *what)
{
	if (node_is(n, N_INT))
		return (double)n->u.i;
	if (node_is(n, N_FLOAT))
		return n->u.f;
	shapes_defect(file, "expected a number for", what);
}

/* The length and three bytes of a member name: enough to tell a shape's
 * members apart, and cheaper than hashing every byte. */
static uint32_t name_hash(const char *k, size_t len)
{
	if (!len)
		return 0;
	return (uint32_t)len * 31u + (unsigned char)k[0] * 7u +
	       (unsigned char)k[len / 2] * 3u + (unsigned char)k[len - 1] * 13u;
}

const struct member *member_find_n(const struct shape *s, const char *k,
				   size_t len)
{
	size_t i;
	if (!s->nslots)
		return NULL;
	for (i = name_hash(k, len) & (s->nslots - 1); s->slots[i];
	     i = (i + 1) & (s->nslots - 1)) {
		const struct member *m = &s->members[s->slots[i] - 1];
		if (m->len == len && memcmp(m->name, k, len) == 0)
			return m;
	}
	return NULL;
}

const struct member *member_find(const struct shape *s, const char *k)
{
	return member_find_n(s, k, strlen(k));
}

/* The hash table of member_find() over s's members. */
static void member_slots(const char *file, struct shape *s)
{
	size_t n = 4, i;
	while (n < 2 * s->nmembers)
		n *= 2;
	if (s->nmembers > 65535)
		shapes_defect(file, "too many members in", s->name);
	s->slots = xcalloc(n, sizeof(*s->slots));
	s->nslots = n;
	for (i = 0; i < s->nmembers; i++) {
		uint32_t j = name_hash(s->members[i].name, s->members[i].len) &
			     (uint32_t)(n - 1);
		while (s->slots[j])
			j = (j + 1) & (uint32_t)(n - 1);
		s->slots[j] = (uint16_t)(i + 1);
	}
}

/* The fields of a shape definition in schemas/shapes-*.json. */
enum shape_field {
	SF_ALIAS_NOTE, SF_ALIASES, SF_ALLOWED, SF_ARN,
	SF_ARN_QUOTA, SF_CASE_NOTE, SF_CHARS, SF_CLI_OPTIONS,
	SF_EMPTY_UNSET, SF_ENUM, SF_FIRST, SF_FIRST_CHARS,
	SF_ITEM, SF_KEY, SF_MAX,
	SF_MAX_WHY, SF_MAXCHARS, SF_MAXLEN, SF_MEMBERS,
	SF_MIN, SF_MIN_WHY, SF_OF, SF_PATTERN,
	SF_READONLY, SF_REQUIRED, SF_TYPE, SF_TYPES,
	SF_UNIQUE_BY, SF_VALUE, SF_WHAT, SF_ZERO_UNSET,
	SF_COUNT
};
/* the fields a shape definition may have, sorted (bsearch) */
static const char *const field_names[SF_COUNT] = {
	"alias_note", "aliases", "allowed", "arn",
	"arn_quota", "case_note", "chars", "cli_options",
	"empty_unset", "enum", "first", "first_chars",
	"item", "key", "max",
	"max_why", "maxchars", "maxlen", "members",
	"min", "min_why", "of", "pattern",
	"readonly", "required", "type", "types",
	"unique_by", "value", "what", "zero_unset",
};

static int cmp_field(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
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
	const struct node *f[SF_COUNT] = { NULL }, *n;
	const char *type;
	size_t i;
	uint32_t k;

	/* one pass over the definition's keys, not a look-up per field; a
	 * key that is no field is a defect of the data */
	for (k = 0; node_is(def, N_MAP) && k < def->len; k++) {
		const char *key = node_str(map_key(def, k));
		const char *const *hit =
			key ? bsearch(&key, field_names, SF_COUNT,
				      sizeof(*field_names), cmp_field)
			    : NULL;
		if (!hit)
			shapes_defect(db->file, "unknown field in shape", s->name);
		f[hit - field_names] = map_val(def, k);
	}
	type = node_str(f[SF_TYPE]);
	if (!type)
		shapes_defect(db->file, "no type for shape", s->name);
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(kinds[i].name, type) == 0)
			break;
	if (i == sizeof(kinds) / sizeof(kinds[0]))
		shapes_defect(db->file, "unknown type", type);
	s->kind = kinds[i].k;
	s->what = node_str(f[SF_WHAT]);

	if ((n = f[SF_MEMBERS])) {
		s->members = xcalloc(n->len, sizeof(*s->members));
		s->nmembers = n->len;
		for (i = 0; i < n->len; i++) {
			s->members[i].name = node_str(map_key(n, (uint32_t)i));
			s->members[i].len = (uint32_t)strlen(s->members[i].name);
			s->members[i].shape =
				resolve(db, node_str(map_val(n, (uint32_t)i)));
		}
		qsort(s->members, s->nmembers, sizeof(*s->members), cmp_member);
		member_slots(db->file, s);
	}
	s->required = str_list(db->file, f[SF_REQUIRED], &s->nrequired);
	s->required_m = s->nrequired ? xcalloc(s->nrequired, sizeof(*s->required_m))
				     : NULL;
	for (i = 0; i < s->nrequired; i++)
		if (!(s->required_m[i] = member_find(s, s->required[i])))
			shapes_defect(db->file, "required name is not a member:",
			       s->required[i]);
	s->readonly = note_map(db->file, f[SF_READONLY], &s->nreadonly);
	if ((s->types = note_map(db->file, f[SF_TYPES], &s->ntypes))) {
		s->type_shapes = xcalloc(s->ntypes, sizeof(*s->type_shapes));
		for (i = 0; i < s->ntypes; i++)
			s->type_shapes[i] = resolve(db, s->types[i].text);
	}
	if ((n = f[SF_ITEM]))
		s->item = resolve(db, node_str(n));
	if ((n = f[SF_MAX])) {
		s->has_max = s->has_max_items = 1;
		s->max = num_of(db->file, n, s->name);
		s->max_items = (long long)s->max;
	}
	if ((n = f[SF_MIN])) {
		s->has_min = 1;
		s->min = num_of(db->file, n, s->name);
	}
	s->min_why = node_str(f[SF_MIN_WHY]);
	s->max_why = node_str(f[SF_MAX_WHY]);
	s->unique_by = node_str(f[SF_UNIQUE_BY]);
	if ((n = f[SF_ARN_QUOTA])) {
		s->arn_quota = 1;
		s->arn_max = (long long)num_of(db->file, map_get(n, "max"), s->name);
		s->arn_max_wild = (long long)num_of(db->file,
				map_get(n, "max_wildcard"), s->name);
	}
	if ((n = f[SF_KEY]))
		s->key = resolve(db, node_str(n));
	if ((n = f[SF_VALUE]))
		s->value = resolve(db, node_str(n));
	if ((s->pattern = node_str(f[SF_PATTERN]))) {
		s->file = db->file; /* compiled on first use */
		simple_pattern(s);
	}
	if ((n = f[SF_CHARS])) {
		s->has_chars = 1;
		parse_chars(s->chars, node_str(n));
	}
	if ((n = f[SF_FIRST_CHARS])) {
		parse_chars(s->first_chars, node_str(n));
		s->first = node_str(f[SF_FIRST]);
		if (!s->first)
			shapes_defect(db->file, "first_chars without first in", s->name);
	}
	s->allowed = node_str(f[SF_ALLOWED]);
	s->enums = str_list(db->file, f[SF_ENUM], &s->nenums);
	if ((n = f[SF_ARN])) {
		s->arn = arn_kind_find(node_str(n));
		if (!s->arn)
			shapes_defect(db->file, "unknown ARN kind", node_str(n));
	}
	if ((n = f[SF_MAXLEN])) {
		s->has_maxlen = 1;
		s->maxlen = (long long)num_of(db->file, n, s->name);
	}
	if ((n = f[SF_MAXCHARS])) {
		s->has_maxchars = 1;
		s->maxchars = (long long)num_of(db->file, n, s->name);
	}
	s->zero_unset = f[SF_ZERO_UNSET] != NULL;
	s->empty_unset = f[SF_EMPTY_UNSET] != NULL;
	s->case_note = node_str(f[SF_CASE_NOTE]);
	s->aliases = note_map(db->file, f[SF_ALIASES], &s->naliases);
	s->alias_note = node_str(f[SF_ALIAS_NOTE]);
	s->cli = note_map(db->file, f[SF_CLI_OPTIONS], &s->ncli);
	if ((n = f[SF_OF])) {
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
		shapes_defect(file, "no shapes", NULL);
	db->shapes_node = shapes;
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
	const struct node *arn_node = map_get(data_tree(file), "arns"), *kinds;
	uint32_t i, j;

	arns.partitions = facts_partitions(&arns.npartitions);
	arns.region.name = "region_pattern";
	arns.account.name = "account_pattern";
	arns.region.file = arns.account.file = file;
	if (!(arns.region.pattern = node_str(map_get(arn_node, "region_pattern"))) ||
	    !(arns.account.pattern = node_str(map_get(arn_node, "account_pattern"))))
		shapes_defect(file, "no Region or account pattern", NULL);
	simple_pattern(&arns.region);
	simple_pattern(&arns.account);
	kinds = map_get(arn_node, "kinds");
	if (!node_is(kinds, N_MAP))
		shapes_defect(file, "no ARN kinds", NULL);
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
			shapes_defect(file, "incomplete ARN kind", ak->key);
		ak->forms = xcalloc(forms->len, sizeof(*ak->forms));
		ak->nforms = forms->len;
		for (j = 0; j < forms->len; j++) {
			const struct node *f = seq_at(forms, j);
			struct arn_form *af = &ak->forms[j];
			const char *p;
			af->service = node_str(map_get(f, "service"));
			if (!af->service)
				shapes_defect(file, "ARN form without service", ak->key);
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
	arns.colon_free = str_list("shapes-cfn.json", map_get(data_tree(
		"shapes-cfn.json"), "colon_free_pseudo_parameters"), &arns.ncolon_free);
	arns.pseudo_min = note_map("shapes-cfn.json", map_get(data_tree(
		"shapes-cfn.json"), "pseudo_parameter_min_lengths"), &arns.npseudo_min);
}

const char *note_find(const struct note *v, size_t n, const char *k)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (strcmp(v[i].name, k) == 0)
			return v[i].text;
	return NULL;
}

int schema_pattern_match(const char *dialect, const char *shape,
			 const char *s, size_t len)
{
	const struct shape *sh;
	pthread_once(&cfn_once, build_cfn);
	sh = db_find(strcmp(dialect, "cfn") == 0 ? &cfn_db : &api_db, shape);
	if (!sh || !sh->pattern)
		return -1;
	return shape_match(sh, s, len);
}

static pthread_once_t tf_once = PTHREAD_ONCE_INIT;

static void build_tf(void)
{
	pthread_once(&shapes_once, build_api);
	build_db(&tf_db, "shapes-tf.json", &api_db);
}

const struct db *shapes_tf(void)
{
	pthread_once(&tf_once, build_tf);
	return &tf_db;
}

const struct db *shapes_api(void)
{
	pthread_once(&shapes_once, build_api);
	return &api_db;
}

const struct db *shapes_cfn(void)
{
	pthread_once(&cfn_once, build_cfn);
	return &cfn_db;
}

const struct arn_kind *shapes_arn_kind(const char *key)
{
	pthread_once(&shapes_once, build_api); /* builds the ARN kinds */
	return arn_kind_find(key);
}

const struct shapes_arns *shapes_arns(void)
{
	pthread_once(&shapes_once, build_api);
	return &arns;
}

const struct shape *doc_shape(const struct db *db, const char *label)
{
	const char *name = note_find(db->documents, db->ndocuments, label);
	return name ? db_find(db, name) : NULL;
}
