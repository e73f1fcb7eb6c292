/* yaml.c - YAML streams into the positioned tree, from libyaml's events.
 *
 * libyaml marks count characters; the tree wants byte offsets, so a cursor
 * converts character indexes to byte offsets walking the UTF-8 buffer (marks
 * arrive almost in order, so the walk is linear overall).
 *
 * Aliases share the anchored node (a copy of its 24-byte head, children not
 * copied), so a "billion laughs" file costs nothing to load; the number of
 * nodes reachable through aliases is counted and limited, which bounds the
 * work of every rule that walks the tree. */
#include "load.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>


struct yframe {
	struct node head;   /* kind, style, start; children come at close */
	size_t base;        /* scratch index of the first child */
	size_t size;        /* nodes in the subtree, aliases expanded */
	char *anchor;       /* anchor to define at close, or NULL */
	char *tag;          /* tag to apply at close, or NULL */
};

struct anchor {
	char *name;
	struct node n;
	size_t size;
};

struct ystate {
	struct load_ctx *c;
	struct arena *a;
	const char *b;
	size_t len;
	/* char index -> byte offset cursor */
	size_t ci, bi, base_bi;
	/* bytes [base_bi, asc_end) are ASCII: a character index there is
	 * its byte offset, no cursor needed */
	size_t asc_end;
	struct node *scratch;
	size_t ns, cap;
	struct yframe *st;
	size_t nst, stcap;
	struct anchor *anchors;
	size_t nanchors, acap;
	struct intern *strings;
	size_t alias_nodes;
};

static int yfail(struct ystate *y, size_t off, size_t end, int kind,
		 const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static int yfail(struct ystate *y, size_t off, size_t end, int kind,
		 const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	load_error_set(&y->c->err, y->len, off, end, kind, fmt, ap);
	va_end(ap);
	return -1;
}

static size_t boff(struct ystate *y, size_t ci)
{
	if (ci < y->asc_end - y->base_bi)
		return y->base_bi + ci;
	/* Move the cursor to character index ci; ASCII runs eight at a time. */
	while (ci - y->ci >= 8 && y->ci < ci && y->bi + 8 <= y->len) {
		uint64_t w;
		memcpy(&w, y->b + y->bi, 8);
		if (w & 0x8080808080808080ULL)
			break;
		y->bi += 8;
		y->ci += 8;
	}
	while (y->ci < ci && y->bi < y->len) {
		y->bi++;
		while (y->bi < y->len && ((unsigned char)y->b[y->bi] & 0xC0) == 0x80)
			y->bi++;
		y->ci++;
	}
	while (y->ci > ci && y->bi > y->base_bi) {
		y->bi--;
		while (y->bi > y->base_bi &&
		       ((unsigned char)y->b[y->bi] & 0xC0) == 0x80)
			y->bi--;
		y->ci--;
	}
	return y->bi;
}

static void push(struct ystate *y, const struct node *n, size_t size)
{
	if (y->ns == y->cap) {
		y->cap = y->cap ? y->cap * 2 : 256;
		y->scratch = xrealloc(y->scratch, y->cap * sizeof(*y->scratch));
	}
	y->scratch[y->ns] = *n;
	y->ns++;
	if (y->nst)
		y->st[y->nst - 1].size += size;
}

/* ---- anchors: real documents define a handful, so a list will do ---- */
static struct anchor *anchor_find(struct ystate *y, const char *name)
{
	size_t i;
	/* latest definition wins (YAML allows redefining an anchor) */
	for (i = y->nanchors; i-- > 0;)
		if (strcmp(y->anchors[i].name, name) == 0)
			return &y->anchors[i];
	return NULL;
}

static void anchor_set(struct ystate *y, const char *name, const struct node *n,
		       size_t size)
{
	struct anchor *a;
	if (y->nanchors == y->acap) {
		y->acap = y->acap ? y->acap * 2 : 16;
		y->anchors = xrealloc(y->anchors, y->acap * sizeof(*y->anchors));
	}
	a = &y->anchors[y->nanchors++];
	a->name = arena_strdup(y->a, name);
	a->n = *n;
	a->size = size;
}

/* ---- scalars ---- */
static int is_digits(const char *s, const char *set)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!strchr(set, *s))
			return 0;
	return 1;
}

/* YAML 1.2 core schema for a plain scalar. */
static void type_plain(struct node *n, const char *v, size_t len)
{
	const char *d = v;
	/* Most plain scalars are words: decide from the first character
	 * before trying the dozen spellings below. */
	if (len && !strchr("~nNtTfF0123456789+-.", v[0]))
		return; /* a string */
	if (len == 0 || (len == 1 && v[0] == '~') ||
	    (len == 4 && (strcmp(v, "null") == 0 || strcmp(v, "Null") == 0 ||
			  strcmp(v, "NULL") == 0))) {
		n->kind = N_NULL;
		return;
	}
	if (len == 4 && (strcmp(v, "true") == 0 || strcmp(v, "True") == 0 ||
			 strcmp(v, "TRUE") == 0)) {
		n->kind = N_BOOL;
		n->u.b = 1;
		return;
	}
	if (len == 5 && (strcmp(v, "false") == 0 || strcmp(v, "False") == 0 ||
			 strcmp(v, "FALSE") == 0)) {
		n->kind = N_BOOL;
		n->u.b = 0;
		return;
	}
	if (strchr("~nNtTfF", v[0]))
		return; /* a word such as name, tags, Fn::If */
	if (*d == '-' || *d == '+')
		d++;
	if (is_digits(d, "0123456789") ||
	    (strncmp(v, "0o", 2) == 0 && is_digits(v + 2, "01234567")) ||
	    (strncmp(v, "0x", 2) == 0 &&
	     is_digits(v + 2, "0123456789abcdefABCDEF"))) {
		unsigned long long u;
		char *end;
		int base = v[0] == '0' && v[1] == 'o' ? 8 : v[0] == '0' && v[1] == 'x' ? 16 : 10;
		const char *digits = base == 10 ? d : v + 2;
		errno = 0;
		u = strtoull(digits, &end, base);
		n->kind = N_INT;
		if (errno == ERANGE || u > 9223372036854775807ULL + (v[0] == '-')) {
			n->flags |= NF_BIG;
			n->u.i = v[0] == '-' ? (-9223372036854775807LL - 1) : 9223372036854775807LL;
		} else {
			n->u.i = v[0] == '-' ? (long long)(0 - u) : (long long)u;
		}
		return;
	}
	{
		/* [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )? */
		const char *s = d;
		int digits = 0;
		while (*s >= '0' && *s <= '9')
			s++, digits++;
		if (*s == '.') {
			s++;
			while (*s >= '0' && *s <= '9')
				s++, digits++;
		}
		if (digits && (*s == 'e' || *s == 'E')) {
			s++;
			if (*s == '-' || *s == '+')
				s++;
			if (!(*s >= '0' && *s <= '9'))
				s = "x";
			while (*s >= '0' && *s <= '9')
				s++;
		}
		if (digits && !*s) {
			n->kind = N_FLOAT;
			n->u.f = strtod(v, NULL);
			if (isinf(n->u.f))
				n->flags |= NF_BIG;
			return;
		}
		if (strcmp(d, ".inf") == 0 || strcmp(d, ".Inf") == 0 ||
		    strcmp(d, ".INF") == 0) {
			n->kind = N_FLOAT;
			n->u.f = v[0] == '-' ? -INFINITY : INFINITY;
			n->flags |= NF_BIG;
			return;
		}
		if (strcmp(v, ".nan") == 0 || strcmp(v, ".NaN") == 0 ||
		    strcmp(v, ".NAN") == 0) {
			n->kind = N_FLOAT;
			n->u.f = NAN;
			n->flags |= NF_BIG;
			return;
		}
	}
	n->kind = N_STR;
}

/* ---- tags ---- */
#define YAML_TAG_PREFIX "tag:yaml.org,2002:"

/* Apply a tag to a finished node: YAML core tags retype scalars; other
 * tags go to the context's tag hook (CloudFormation's short forms), and
 * what nobody takes is kept, flagged unknown. */
static void apply_tag(struct ystate *y, struct node *n, const char *tag)
{
	if (!tag)
		return;
	y->c->tagged = 1;
	if (strncmp(tag, YAML_TAG_PREFIX, strlen(YAML_TAG_PREFIX)) == 0) {
		const char *t = tag + strlen(YAML_TAG_PREFIX);
		if (n->kind == N_MAP || n->kind == N_SEQ) {
			/* !!map and !!seq say what it is; !!omap, !!set,
			 * !!pairs (and anything else) are not JSON's */
			if (strcmp(t, n->kind == N_MAP ? "map" : "seq") != 0)
				n->flags |= NF_UNKNOWN_TAG;
			return;
		}
		if (strcmp(t, "str") == 0) {
			if (n->kind != N_STR) {
				size_t l = n->end - n->start;
				/* the scalar text was kept for strings only;
				 * rebuild it from the source */
				const char *src = y->b + n->start;
				const char *sp = memchr(src, ' ', l);
				if (sp) {
					l -= (size_t)(sp + 1 - src);
					src = sp + 1;
				}
				n->u.str = arena_strndup(y->a, src, l);
				n->len = (uint32_t)l;
			}
			n->kind = N_STR;
		} else if (strcmp(t, "int") == 0 || strcmp(t, "float") == 0 ||
			   strcmp(t, "bool") == 0 || strcmp(t, "null") == 0) {
			if (n->kind == N_STR) {
				struct node m = *n;
				type_plain(&m, n->u.str, n->len);
				*n = m;
			}
			/* "!!float daily": the tag does not fit the value */
			if (n->kind == N_STR)
				n->flags |= NF_UNKNOWN_TAG;
		} else {
			/* !!binary, !!timestamp, !!python/...: not JSON's types */
			n->flags |= NF_UNKNOWN_TAG;
		}
		return;
	}
	if (y->c->tag && y->c->tag(y->c, n, tag, y->b, y->len))
		return;
	n->flags |= NF_UNKNOWN_TAG;
}

/* ---- merge keys ---- */
static int has_merge(const struct node *kids, size_t npairs)
{
	size_t i;
	for (i = 0; i < npairs; i++)
		if (kids[2 * i].kind == N_STR && kids[2 * i].style == S_PLAIN &&
		    strcmp(kids[2 * i].u.str, "<<") == 0)
			return 1;
	return 0;
}

static int key_in(const struct node *kids, size_t npairs, const struct node *k)
{
	size_t i;
	if (k->kind != N_STR)
		return 0;
	for (i = 0; i < npairs; i++)
		if (kids[2 * i].kind == N_STR && kids[2 * i].len == k->len &&
		    memcmp(kids[2 * i].u.str, k->u.str, k->len) == 0)
			return 1;
	return 0;
}

/* Resolve << in map n: its own keys win, then the merged maps in order. */
static int do_merge(struct ystate *y, struct node *n)
{
	size_t i, j, cap = 0, out = 0;
	struct node *res;
	for (i = 0; i < n->len; i++) {
		const struct node *v = map_val(n, (uint32_t)i);
		if (!(map_key(n, (uint32_t)i)->kind == N_STR &&
		      map_key(n, (uint32_t)i)->style == S_PLAIN &&
		      strcmp(map_key(n, (uint32_t)i)->u.str, "<<") == 0)) {
			cap++;
			continue;
		}
		if (v->kind == N_MAP) {
			cap += v->len;
		} else if (v->kind == N_SEQ) {
			for (j = 0; j < v->len; j++) {
				if (seq_at(v, (uint32_t)j)->kind != N_MAP)
					return yfail(y, seq_at(v, (uint32_t)j)->start,
						     seq_at(v, (uint32_t)j)->end, IN_SYNTAX,
						     "a merge key '<<' takes a mapping "
						     "or a list of mappings");
				cap += seq_at(v, (uint32_t)j)->len;
			}
		} else {
			return yfail(y, v->start, v->end, IN_SYNTAX,
				     "a merge key '<<' takes a mapping or a list of "
				     "mappings, not a %s",
				     node_kind_name(v));
		}
	}
	res = arena_alloc(y->a, load_kids_size((uint32_t)(2 * cap), 1) + 1);
	for (i = 0; i < n->len; i++) {
		const struct node *k = map_key(n, (uint32_t)i);
		if (k->kind == N_STR && k->style == S_PLAIN && strcmp(k->u.str, "<<") == 0)
			continue;
		res[2 * out] = *k;
		res[2 * out + 1] = *map_val(n, (uint32_t)i);
		out++;
	}
	for (i = 0; i < n->len; i++) {
		const struct node *k = map_key(n, (uint32_t)i), *v = map_val(n, (uint32_t)i);
		size_t nm = v->kind == N_SEQ ? v->len : 1;
		if (!(k->kind == N_STR && k->style == S_PLAIN && strcmp(k->u.str, "<<") == 0))
			continue;
		for (j = 0; j < nm; j++) {
			const struct node *m = v->kind == N_SEQ ? seq_at(v, (uint32_t)j) : v;
			uint32_t t;
			for (t = 0; t < m->len; t++) {
				if (key_in(res, out, map_key(m, t)))
					continue;
				res[2 * out] = *map_key(m, t);
				res[2 * out + 1] = *map_val(m, t);
				res[2 * out].flags |= NF_MERGED;
				out++;
			}
		}
	}
	n->u.kids = res;
	n->len = (uint32_t)out;
	n->flags &= (uint16_t)~NF_INDEXED;
	load_index_map(y->c, n, 0);
	return 0;
}

/* ---- events ---- */
static int start_container(struct ystate *y, const yaml_event_t *e, int is_map)
{
	struct yframe *f;
	const yaml_char_t *anchor, *tag;
	int flow;
	if (y->nst >= y->c->max_depth)
		return yfail(y, boff(y, e->start_mark.index), 0, IN_LIMITS,
			     "nesting deeper than %u levels (raise the limit with "
			     "--max-depth)",
			     y->c->max_depth);
	if (y->nst == y->stcap) {
		y->stcap = y->stcap ? y->stcap * 2 : 32;
		y->st = xrealloc(y->st, y->stcap * sizeof(*y->st));
	}
	if (is_map) {
		anchor = e->data.mapping_start.anchor;
		tag = e->data.mapping_start.tag;
		flow = e->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
	} else {
		anchor = e->data.sequence_start.anchor;
		tag = e->data.sequence_start.tag;
		flow = e->data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE;
	}
	f = &y->st[y->nst++];
	memset(f, 0, sizeof(*f));
	f->head.kind = is_map ? N_MAP : N_SEQ;
	f->head.style = flow ? S_FLOW : S_PLAIN;
	f->head.start = (uint32_t)boff(y, e->start_mark.index);
	f->head.end = (uint32_t)boff(y, e->end_mark.index);
	f->base = y->ns;
	f->size = 1;
	f->anchor = anchor ? arena_strdup(y->a, (const char *)anchor) : NULL;
	f->tag = tag ? arena_strdup(y->a, (const char *)tag) : NULL;
	return 0;
}

static int end_container(struct ystate *y, const yaml_event_t *e)
{
	struct yframe *f = &y->st[y->nst - 1];
	struct node n = f->head;
	size_t count = y->ns - f->base, size = f->size;
	const char *anchor = f->anchor, *tag = f->tag;
	if (n.kind == N_MAP && count % 2)
		return yfail(y, n.start, n.end, IN_SYNTAX, "mapping without a value");
	n.len = (uint32_t)(n.kind == N_MAP ? count / 2 : count);
	if (count) {
		n.u.kids = arena_alloc(y->a, load_kids_size((uint32_t)count,
							    n.kind == N_MAP));
		memcpy(n.u.kids, y->scratch + f->base, count * sizeof(struct node));
		/* Block containers end where their last child ends; libyaml's
		 * end mark points at the next token, lines further on. */
		if (n.style != S_FLOW)
			n.end = n.u.kids[count - 1].end;
	} else {
		n.u.kids = NULL;
	}
	if (n.style == S_FLOW)
		n.end = (uint32_t)boff(y, e->end_mark.index);
	y->ns = f->base;
	y->nst--;
	if (n.kind == N_MAP) {
		load_index_map(y->c, &n, 1);
		if (has_merge(n.u.kids, n.len) && do_merge(y, &n))
			return -1;
	}
	apply_tag(y, &n, tag);
	if (anchor)
		anchor_set(y, anchor, &n, size);
	push(y, &n, size);
	return 0;
}

static int scalar(struct ystate *y, const yaml_event_t *e)
{
	struct node n;
	const char *v = (const char *)e->data.scalar.value;
	size_t len = e->data.scalar.length;
	const char *tag = (const char *)e->data.scalar.tag;
	memset(&n, 0, sizeof(n));
	n.start = (uint32_t)boff(y, e->start_mark.index);
	n.end = (uint32_t)boff(y, e->end_mark.index);
	switch (e->data.scalar.style) {
	case YAML_SINGLE_QUOTED_SCALAR_STYLE:
	case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
		n.style = S_QUOTED;
		break;
	case YAML_LITERAL_SCALAR_STYLE:
	case YAML_FOLDED_SCALAR_STYLE:
		n.style = S_BLOCK;
		/* the end mark is past the trailing blank lines */
		while (n.end > n.start && (y->b[n.end - 1] == '\n' ||
					   y->b[n.end - 1] == '\r' ||
					   y->b[n.end - 1] == ' '))
			n.end--;
		break;
	default:
		n.style = S_PLAIN;
	}
	if (len > UINT32_MAX)
		return yfail(y, n.start, n.end, IN_LIMITS, "scalar too long");
	if (memchr(v, '\0', len) && !y->c->has_nul) {
		/* reported by the caller; the string keeps it */
		y->c->has_nul = 1;
		y->c->nul_off = n.start;
		y->c->nul_end = n.end;
	}
	n.kind = N_STR;
	n.u.str = intern_str(y->strings, y->a, v, len);
	n.len = (uint32_t)len;
	/* The text stands as it is in the source when it ends the span
	 * (before a closing quote): no escapes, no folding. An anchor or a
	 * tag may come before it within the span. */
	if (n.style != S_BLOCK) {
		size_t q = n.style == S_QUOTED;
		if (n.end - n.start >= len + 2 * q &&
		    memcmp(y->b + n.end - q - len, v, len) == 0 &&
		    (n.end - n.start == len + 2 * q ||
		     y->b[n.start] == '&' || y->b[n.start] == '!'))
			n.flags |= NF_VERBATIM;
	}
	/* Untagged plain scalars are typed by the core schema; a tagged one
	 * ("!Ref 30") keeps its text for the tag's owner. */
	if (n.style == S_PLAIN && !tag)
		type_plain(&n, n.u.str, len);
	if (tag && strcmp(tag, "!") != 0) /* "!" alone: a plain string */
		apply_tag(y, &n, tag);
	if (y->nst && y->st[y->nst - 1].head.kind == N_MAP &&
	    (y->ns - y->st[y->nst - 1].base) % 2 == 0)
		n.flags |= NF_KEY;
	if (e->data.scalar.anchor)
		anchor_set(y, (const char *)e->data.scalar.anchor, &n, 1);
	push(y, &n, 1);
	return 0;
}

static int alias(struct ystate *y, const yaml_event_t *e)
{
	const char *name = (const char *)e->data.alias.anchor;
	struct anchor *a = anchor_find(y, name);
	struct node n;
	size_t s = boff(y, e->start_mark.index), end = boff(y, e->end_mark.index);
	size_t i;
	if (!a) {
		for (i = 0; i < y->nst; i++)
			if (y->st[i].anchor && strcmp(y->st[i].anchor, name) == 0)
				return yfail(y, s, end, IN_SYNTAX,
					     "alias *%s refers to its own enclosing "
					     "node (recursive alias)",
					     name);
		return yfail(y, s, end, IN_SYNTAX,
			     "alias *%s refers to an undefined anchor &%s", name,
			     name);
	}
	y->alias_nodes += a->size;
	if (y->alias_nodes > y->c->max_alias_nodes)
		return yfail(y, s, end, IN_LIMITS,
			     "aliases expand to more than %zu nodes (an alias bomb?); "
			     "raise the limit with --max-alias-nodes",
			     y->c->max_alias_nodes);
	n = a->n;
	n.flags |= NF_ALIAS;
	n.flags &= (uint16_t)~NF_KEY;
	if (y->nst && y->st[y->nst - 1].head.kind == N_MAP &&
	    (y->ns - y->st[y->nst - 1].base) % 2 == 0)
		n.flags |= NF_KEY;
	/* Keep the alias's own position for reports about the value as a
	 * whole; its children keep the anchor's positions. */
	n.start = (uint32_t)s;
	n.end = (uint32_t)end;
	push(y, &n, a->size);
	return 0;
}

static void yaml_problem(struct ystate *y, yaml_parser_t *p)
{
	size_t off = boff(y, p->problem_mark.index);
	const char *problem = p->problem ? p->problem : "invalid YAML";
	if (p->error == YAML_READER_ERROR) {
		yfail(y, y->base_bi + p->problem_offset,
		      y->base_bi + p->problem_offset + 1, IN_ENCODING,
		      "%s", problem);
		return;
	}
	if (off < y->len && y->b[off] == '\t') {
		yfail(y, off, off + 1, IN_SYNTAX,
		      "a tab character where YAML expects indentation or a token; "
		      "YAML indentation must use spaces");
		return;
	}
	yfail(y, off, off + 1, IN_SYNTAX, "%s%s%s", problem,
	      p->context ? " " : "", p->context ? p->context : "");
	/* libyaml's wording is terse; say what usually causes it */
	if (strstr(problem, "mapping values are not allowed"))
		snprintf(y->c->err.hint, sizeof(y->c->err.hint), "%s",
			 "a 'key: value' where YAML expects a plain value: check "
			 "this line's indentation against the line above, or quote "
			 "a value that contains ': '");
	else if (strstr(problem, "did not find expected key"))
		snprintf(y->c->err.hint, sizeof(y->c->err.hint), "%s",
			 "a line is indented differently from the keys around it, "
			 "or a '- ' list item is mixed into a mapping");
	else if (strstr(problem, "found undefined tag handle") ||
		 strstr(problem, "found character that cannot start any token"))
		snprintf(y->c->err.hint, sizeof(y->c->err.hint), "%s",
			 "characters such as '@', '`' and '%' cannot start a plain "
			 "value: quote it");
	if (p->context && p->context_mark.index != p->problem_mark.index) {
		y->c->err.has_related = 1;
		y->c->err.related_off = boff(y, p->context_mark.index);
		snprintf(y->c->err.related_msg, sizeof(y->c->err.related_msg),
			 "%s", p->context);
	}
}

static int yaml_load(struct load_ctx *c, const char *buf, size_t len,
		     const struct load_sink *k)
{
	yaml_parser_t p;
	yaml_event_t e;
	struct ystate y;
	int rc = 0, done = 0;

	memset(&y, 0, sizeof(y));
	memset(&c->err, 0, sizeof(c->err));
	y.c = c;
	y.b = buf;
	y.len = len;
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		y.bi = y.base_bi = 3;
	if (len > UINT32_MAX - 1)
		return yfail(&y, 0, 0, IN_LIMITS, "file too large for positions (4 GiB)");
	if (!yaml_parser_initialize(&p))
		oom();
	/* The byte-order mark is not handed to libyaml: with the encoding
	 * set, it would read it as a character in column 0, so that the
	 * first line's keys sit one column right of the next line's and the
	 * mapping breaks. Character index 0 is then byte base_bi. */
	yaml_parser_set_input_string(&p, (const unsigned char *)buf + y.base_bi,
				     len - y.base_bi);
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	y.strings = len > 65536 ? xcalloc(1, sizeof(*y.strings)) : NULL;
	y.asc_end = y.base_bi;
	while (y.asc_end + 8 <= len) {
		uint64_t w;
		memcpy(&w, buf + y.asc_end, 8);
		if (w & 0x8080808080808080ULL)
			break;
		y.asc_end += 8;
	}
	while (y.asc_end < len && !((unsigned char)buf[y.asc_end] & 0x80))
		y.asc_end++;
	while (!done) {
		if (!yaml_parser_parse(&p, &e)) {
			yaml_problem(&y, &p);
			rc = -1;
			break;
		}
		switch (e.type) {
		case YAML_DOCUMENT_START_EVENT:
			y.a = k->new_doc(k->ud);
			c->a = y.a;
			/* a new document: the last one's strings may be gone
			 * (its arena freed), whatever address this one has */
			if (y.strings)
				y.strings->a = NULL;
			y.nanchors = 0;
			y.alias_nodes = 0;
			break;
		case YAML_DOCUMENT_END_EVENT: {
			struct node *root = NULL;
			if (y.ns) {
				root = arena_alloc(y.a, sizeof(*root));
				*root = y.scratch[0];
			}
			y.ns = 0;
			/* a big document's scratch (its longest list, twice
			 * over) is not held while it is checked */
			if (y.cap > 4096) {
				free(y.scratch);
				y.scratch = NULL;
				y.cap = 0;
			}
			k->on_doc(k->ud, root);
			break;
		}
		case YAML_MAPPING_START_EVENT:
			rc = start_container(&y, &e, 1);
			break;
		case YAML_SEQUENCE_START_EVENT:
			rc = start_container(&y, &e, 0);
			break;
		case YAML_MAPPING_END_EVENT:
		case YAML_SEQUENCE_END_EVENT:
			rc = end_container(&y, &e);
			break;
		case YAML_SCALAR_EVENT:
			rc = scalar(&y, &e);
			break;
		case YAML_ALIAS_EVENT:
			rc = alias(&y, &e);
			break;
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		default:
			break;
		}
		yaml_event_delete(&e);
		if (rc)
			break;
	}
	yaml_parser_delete(&p);
	free(y.scratch);
	free(y.st);
	free(y.anchors);
	free(y.strings);
	return rc;
}

static int yaml_sniff(const char *name, const char *buf, size_t len)
{
	static const char *const ends[] = { ".yaml", ".yml", ".template" };
	size_t i, l = strlen(name);
	(void)buf;
	(void)len;
	for (i = 0; i < sizeof(ends) / sizeof(ends[0]); i++) {
		size_t e = strlen(ends[i]);
		if (l > e && strcmp(name + l - e, ends[i]) == 0)
			return SNIFF_NAME;
	}
	/* JSON is YAML too: YAML reads whatever nothing else claims */
	return SNIFF_ANY;
}

static const char *const yaml_endings[] = { ".yaml", ".yml", ".template", NULL };

const struct syntax yaml_syntax = {
	.name = "yaml",
	.endings = yaml_endings,
	.comment = "#",
	.sniff = yaml_sniff,
	.load = yaml_load,
};
