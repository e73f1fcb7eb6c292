/* shapes.c - the shape graphs compiled at build time (build/shapes_gen.c,
 * from schemas/shapes_build.c), their look-ups, and the pattern cache. */
#include "shapes.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../linter/arena.h"
#include "../linter/utf8.h"
#include "facts.h"
#include "schema.h"
#include "shapes_gen.h"

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

struct shape *db_find(const struct db *db, const char *name)
{
	/* a binary search in the names' index, made at build time */
	for (; db; db = db->fallback) {
		size_t lo = 0, hi = db->nshapes;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			struct shape *s = &db->shapes[db->by_name[mid]];
			int c = strcmp(name, s->name);
			if (!c)
				return s;
			if (c < 0)
				hi = mid;
			else
				lo = mid + 1;
		}
	}
	return NULL;
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
	const struct shape *sh = db_find(strcmp(dialect, "cfn") == 0
						 ? &shapes_gen_cfn : &shapes_gen_api,
					 shape);
	if (!sh || !sh->pattern)
		return -1;
	return shape_match(sh, s, len);
}

const struct db *shapes_tf(void)
{
	return &shapes_gen_tf;
}

const struct db *shapes_api(void)
{
	return &shapes_gen_api;
}

const struct db *shapes_cfn(void)
{
	return &shapes_gen_cfn;
}

const struct arn_kind *shapes_arn_kind(const char *key)
{
	size_t i;
	for (i = 0; i < shapes_gen_narn_kinds; i++)
		if (strcmp(shapes_gen_arn_kinds[i].key, key) == 0)
			return &shapes_gen_arn_kinds[i];
	return NULL;
}

/* The partitions are regions.json's, which facts.c reads on first use. */
static pthread_once_t arns_once = PTHREAD_ONCE_INIT;

static void arns_init(void)
{
	shapes_gen_arns.partitions = facts_partitions(&shapes_gen_arns.npartitions);
}

const struct shapes_arns *shapes_arns(void)
{
	pthread_once(&arns_once, arns_init);
	return &shapes_gen_arns;
}

const struct shape *doc_shape(const struct db *db, const char *label)
{
	const char *name = note_find(db->documents, db->ndocuments, label);
	return name ? db_find(db, name) : NULL;
}
