/* tree.c - lookups on the positioned tree. */
#include "tree.h"

#include <math.h>
#include <string.h>

/* Order of keys in a map index: non-strings first, then by bytes, then
 * by length. */
int key_cmp(const struct node *key, const char *k, size_t kl)
{
	size_t n;
	int c;
	if (key->kind != N_STR)
		return -1;
	n = key->len < kl ? key->len : kl;
	c = memcmp(key->u.str, k, n);
	if (c)
		return c;
	return key->len < kl ? -1 : key->len > kl;
}

long map_find(const struct node *m, const char *k)
{
	uint32_t i;
	size_t kl;
	if (!m || m->kind != N_MAP)
		return -1;
	kl = strlen(k);
	if (m->flags & NF_INDEXED) {
		const uint32_t *ix = (const uint32_t *)(m->u.kids + 2 * m->len);
		uint32_t lo = 0, hi = m->len;
		long found = -1;
		/* the index is sorted by (key, pair number): find the last
		 * pair with this key, since the last one wins */
		while (lo < hi) {
			uint32_t mid = lo + (hi - lo) / 2;
			int c = key_cmp(map_key(m, ix[mid]), k, kl);
			if (c <= 0) {
				if (c == 0)
					found = ix[mid];
				lo = mid + 1;
			} else {
				hi = mid;
			}
		}
		return found;
	}
	/* Last one wins, as in AWS's JSON parsers: scan backwards. */
	for (i = m->len; i-- > 0;) {
		const struct node *key = map_key(m, i);
		if (key->kind == N_STR && key->len == kl &&
		    memcmp(key->u.str, k, kl) == 0)
			return (long)i;
	}
	return -1;
}

struct node *map_get(const struct node *m, const char *k)
{
	long i = map_find(m, k);
	return i < 0 ? NULL : map_val(m, (uint32_t)i);
}

struct node *map_get_key(const struct node *m, const char *k)
{
	long i = map_find(m, k);
	return i < 0 ? NULL : map_key(m, (uint32_t)i);
}

int node_streq(const struct node *n, const char *s)
{
	return n && n->kind == N_STR && strcmp(n->u.str, s) == 0 &&
	       strlen(s) == n->len;
}

const char *node_str(const struct node *n)
{
	return n && n->kind == N_STR ? n->u.str : NULL;
}

int node_int(const struct node *n, long long *out, int digits_ok)
{
	if (!n)
		return 0;
	switch (n->kind) {
	case N_INT:
		if (n->flags & NF_BIG)
			return 0;
		*out = n->u.i;
		return 1;
	case N_FLOAT:
		if (isfinite(n->u.f) && n->u.f == floor(n->u.f) &&
		    fabs(n->u.f) < 9.2e18) {
			*out = (long long)n->u.f;
			return 1;
		}
		return 0;
	case N_STR: {
		const char *s = n->u.str;
		long long v = 0;
		int neg = 0;
		uint32_t i = 0;
		if (!digits_ok || n->len == 0 || n->len > 18)
			return 0;
		if (s[0] == '-') {
			neg = 1;
			i = 1;
			if (n->len == 1)
				return 0;
		}
		for (; i < n->len; i++) {
			if (s[i] < '0' || s[i] > '9')
				return 0;
			v = v * 10 + (s[i] - '0');
		}
		*out = neg ? -v : v;
		return 1;
	}
	default:
		return 0;
	}
}

const char *node_kind_name(const struct node *n)
{
	if (!n)
		return "nothing";
	switch (n->kind) {
	case N_NULL: return "null";
	case N_BOOL: return "boolean";
	case N_INT: return "integer";
	case N_FLOAT: return "number";
	case N_STR: return "string";
	case N_MAP: return "mapping";
	case N_SEQ: return "list";
	case N_EXPR: return "expression";
	}
	return "value";
}


uint32_t node_text_start(const struct node *n)
{
	return n->end - n->len - (n->style == S_QUOTED);
}
