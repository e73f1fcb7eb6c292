/* tojson.c - print the tree hcl_parse() builds from a .tf file as the JSON
 * that @cdktf/hcl2json (HashiCorp's hclsyntax in WebAssembly) prints for it,
 * for the differential test check-hcl2json.sh.
 *
 * hcl2json's shape: a body is an object of its attributes, and of its
 * blocks nested by type and labels down to an array of bodies; literals are
 * JSON values, with "${" and "%{" in literal text written "$${" and "%%{";
 * an expression that is not a literal is "${" + its source text + "}"; a
 * template is its literal text and its parts, rebuilt as text ("a${b}",
 * "%{if c}x%{else}y%{endif}", "%{for k, v in l}...%{endfor}"). Printing
 * the source text of each expression from our spans is what makes the
 * comparison check the spans too.
 *
 * Usage: tojson FILE.tf. Exit 0 with the JSON on one line; exit 1 with
 * "error LINE:COL: MESSAGE" when the file does not parse; 2 on I/O
 * trouble. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../linter/arena.h"
#include "../../linter/hcl.h"
#include "../../linter/load.h"
#include "../../linter/tree.h"

static const char *src;

static const struct node *dups[64];
static size_t ndups;

static void on_dup(void *ud, const struct node *first, const struct node *dup)
{
	(void)ud;
	(void)first;
	if (ndups < 64)
		dups[ndups++] = dup;
}

/* A duplicate attribute of a body, if any: hclsyntax rejects those (a
 * repeated key of an object expression it accepts, the last one wins). */
static const struct node *body_dup(const struct node *n)
{
	uint32_t i, nk;
	size_t k;
	const struct node *d;
	if (n->kind != N_MAP && n->kind != N_SEQ && n->kind != N_EXPR)
		return NULL;
	nk = n->kind == N_MAP ? 2 * n->len : n->len;
	for (i = 0; i < nk; i++) {
		if (n->kind == N_MAP && (n->flags & NF_BODY) && i % 2 == 0)
			for (k = 0; k < ndups; k++)
				if (dups[k] == &n->u.kids[i])
					return dups[k];
		if ((d = body_dup(&n->u.kids[i])) != NULL)
			return d;
	}
	return NULL;
}

/* A JSON string of s[0..n); literal text escapes ${ and %{ as hcl2json. */
static void put_str(const char *s, size_t n, int literal)
{
	size_t i;
	putchar('"');
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (literal && (c == '$' || c == '%') && i + 1 < n && s[i + 1] == '{')
			putchar(c);
		if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c < 0x20)
			printf("\\u%04x", c);
		else
			putchar(c);
	}
	putchar('"');
}

static void put_value(const struct node *n);

/* The text of a template part, as hcl2json builds it. */
static void put_part(const struct node *n, int top);

/* The source text of n, escaped for inside a JSON string. */
static void put_src(const struct node *n)
{
	uint32_t i;
	for (i = n->start; i < n->end; i++) {
		unsigned char c = (unsigned char)src[i];
		if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c < 0x20)
			printf("\\u%04x", c);
		else
			putchar(c);
	}
}

/* A number written out in plain decimal from its source text, exactly (as
 * cty turns a number into a string in a template): 1e3 is 1000, 2.50 is
 * 2.5, 1e-2 is 0.01. */
static void put_decimal(const struct node *n)
{
	char digits[400];
	size_t nd = 0, i = n->start;
	long point = 0, e = 0, k;
	int neg = 0, seen_point = 0, esign = 1;
	if (src[i] == '-')
		neg = 1, i++;
	for (; i < n->end && src[i] != 'e' && src[i] != 'E'; i++) {
		if (src[i] == '.') {
			seen_point = 1;
			continue;
		}
		if (nd < sizeof(digits))
			digits[nd++] = src[i];
		if (!seen_point)
			point++;
	}
	if (i < n->end) {
		i++;
		if (src[i] == '-' || src[i] == '+')
			esign = src[i++] == '-' ? -1 : 1;
		for (; i < n->end && e < 100000; i++)
			e = e * 10 + (src[i] - '0');
	}
	point += esign * e;
	/* the digits are d0 d1 ... with the decimal point after `point` */
	while (nd && digits[nd - 1] == '0' && (long)nd > point)
		nd--;
	k = 0;
	while (k < (long)nd && digits[k] == '0' && k < point - 1)
		k++;
	if (neg && nd)
		putchar('-');
	if (point <= k) {
		fputs("0", stdout);
		if ((long)nd > k) {
			putchar('.');
			for (long z = point; z < k; z++)
				putchar('0');
		}
	}
	for (long j = k; j < (long)nd || j < point; j++) {
		if (j == point && j > k)
			putchar('.');
		putchar(j < (long)nd ? digits[j] : '0');
	}
	if (nd == 0)
		putchar('0');
}

static void put_parts(const struct node *t)
{
	uint32_t i;
	for (i = 0; i < t->len; i++)
		put_part(&t->u.kids[i], 0);
}

static int is_text(const struct node *n)
{
	return n->kind == N_STR && n->style == S_PLAIN;
}

static void put_part(const struct node *n, int top)
{
	(void)top;
	if (is_text(n) || n->kind == N_STR) {
		/* literal text and literal strings alike: their value */
		size_t i;
		for (i = 0; i < n->len; i++) {
			char c = n->u.str[i];
			if ((c == '$' || c == '%') && i + 1 < n->len &&
			    n->u.str[i + 1] == '{')
				putchar(c);
			if (c == '"' || c == '\\')
				printf("\\%c", c);
			else if ((unsigned char)c < 0x20)
				printf("\\u%04x", (unsigned char)c);
			else
				putchar(c);
		}
		return;
	}
	if ((n->kind == N_INT || n->kind == N_FLOAT) && src[n->start] != '-') {
		/* (hcl2json writes -3, an operator for hclsyntax, as ${-3}) */
		put_decimal(n);
		return;
	}
	if (n->kind == N_BOOL) {
		fputs(n->u.b ? "true" : "false", stdout);
		return;
	}
	if (n->kind == N_NULL) {
		fputs("null", stdout); /* as hcl2json writes a null key */
		return;
	}
	if (n->kind == N_EXPR && n->style == EXPR_TEMPLATE) {
		put_parts(n);
		return;
	}
	if (n->kind == N_EXPR && n->style == EXPR_TEMPLATE_IF) {
		const struct node *k = n->u.kids;
		fputs("%{if ", stdout);
		put_src(&k[0]);
		putchar('}');
		put_parts(&k[1]);
		/* hcl2json cannot tell an empty else from none */
		if (k[2].kind != N_NULL && k[2].len) {
			fputs("%{else}", stdout);
			put_parts(&k[2]);
		}
		fputs("%{endif}", stdout);
		return;
	}
	if (n->kind == N_EXPR && n->style == EXPR_TEMPLATE_FOR) {
		const struct node *k = n->u.kids;
		fputs("%{for ", stdout);
		if (k[0].kind != N_NULL)
			printf("%s, ", k[0].u.str);
		printf("%s in ", k[1].u.str);
		put_src(&k[2]);
		putchar('}');
		put_parts(&k[3]);
		fputs("%{endfor}", stdout);
		return;
	}
	/* an interpolated expression: ${source} */
	fputs("${", stdout);
	put_src(n);
	putchar('}');
}

static void put_text_of(const struct node *n)
{
	putchar('"');
	put_part(n, 1);
	putchar('"');
}

static void put_key(const struct node *k)
{
	if (k->kind == N_STR)
		put_str(k->u.str, k->len, 1);
	else if (k->kind == N_EXPR && k->style == EXPR_TRAVERSAL)
		/* hcl2json writes a dotted bare key as its source */
		put_str(src + k->start, k->end - k->start, 0);
	else
		put_text_of(k);
}

static void put_body(const struct node *m);

/* Blocks vals[0..n) of one type (or under one label), nested by their
 * remaining labels down to the array of bodies. */
static void put_blocks(const struct node **vals, size_t n)
{
	size_t i, j, k, m;
	const struct node **sub;
	int first = 1;
	if (!(vals[0]->flags & NF_LABEL)) {
		putchar('[');
		for (i = 0; i < n; i++) {
			if (i)
				putchar(',');
			put_body(vals[i]);
		}
		putchar(']');
		return;
	}
	sub = malloc(n * sizeof(*sub));
	putchar('{');
	for (i = 0; i < n; i++) {
		const struct node *l = map_key(vals[i], 0);
		for (j = 0; j < i; j++)
			if (key_cmp(map_key(vals[j], 0), l->u.str, l->len) == 0)
				break;
		if (j < i)
			continue; /* printed with the first of its label */
		for (k = i, m = 0; k < n; k++)
			if (key_cmp(map_key(vals[k], 0), l->u.str, l->len) == 0)
				sub[m++] = map_val(vals[k], 0);
		if (!first)
			putchar(',');
		first = 0;
		put_str(l->u.str, l->len, 0);
		putchar(':');
		put_blocks(sub, m);
	}
	putchar('}');
	free(sub);
}

static void put_body(const struct node *m)
{
	uint32_t i, j;
	int first = 1;
	const struct node **vals = malloc((m->len + 1) * sizeof(*vals));
	putchar('{');
	for (i = 0; i < m->len; i++) {
		const struct node *k = map_key(m, i);
		if (k->flags & NF_BLOCK)
			continue;
		if (!first)
			putchar(',');
		first = 0;
		put_key(k);
		putchar(':');
		put_value(map_val(m, i));
	}
	for (i = 0; i < m->len; i++) {
		const struct node *k = map_key(m, i);
		size_t n = 0;
		if (!(k->flags & NF_BLOCK))
			continue;
		for (j = 0; j < i; j++)
			if ((map_key(m, j)->flags & NF_BLOCK) &&
			    key_cmp(map_key(m, j), k->u.str, k->len) == 0)
				break;
		if (j < i)
			continue;
		for (j = i; j < m->len; j++)
			if ((map_key(m, j)->flags & NF_BLOCK) &&
			    key_cmp(map_key(m, j), k->u.str, k->len) == 0)
				vals[n++] = map_val(m, j);
		if (!first)
			putchar(',');
		first = 0;
		put_str(k->u.str, k->len, 0);
		putchar(':');
		put_blocks(vals, n);
	}
	putchar('}');
	free(vals);
}

static void put_value(const struct node *n)
{
	uint32_t i;
	switch (n->kind) {
	case N_NULL:
		fputs("null", stdout);
		return;
	case N_BOOL:
		fputs(n->u.b ? "true" : "false", stdout);
		return;
	case N_INT:
	case N_FLOAT:
		if (!(n->flags & NF_BIG)) {
			if (n->kind == N_INT)
				printf("%lld", n->u.i);
			else
				printf("%.17g", n->u.f);
		} else {
			/* as hcl2json: the nearest double, or beyond (1e999,
			 * which it cannot write) */
			char *t = strndup(src + n->start, n->end - n->start);
			double d = strtod(t, NULL);
			free(t);
			if (d > 1.7976931348623157e308 || d < -1.7976931348623157e308)
				fputs(d > 0 ? "1e999" : "-1e999", stdout);
			else
				printf("%.17g", d);
		}
		return;
	case N_STR:
		put_str(n->u.str, n->len, 1);
		return;
	case N_SEQ:
		putchar('[');
		for (i = 0; i < n->len; i++) {
			if (i)
				putchar(',');
			put_value(&n->u.kids[i]);
		}
		putchar(']');
		return;
	case N_MAP:
		if (n->flags & NF_BODY) {
			put_body(n);
			return;
		}
		putchar('{');
		for (i = 0; i < n->len; i++) {
			if (i)
				putchar(',');
			put_key(map_key(n, i));
			putchar(':');
			put_value(map_val(n, i));
		}
		putchar('}');
		return;
	case N_EXPR:
		break;
	}
	if (n->style == EXPR_TEMPLATE && n->len == 1 && !is_text(&n->u.kids[0]) &&
	    !(n->u.kids[0].kind == N_EXPR &&
	      (n->u.kids[0].style == EXPR_TEMPLATE_IF ||
	       n->u.kids[0].style == EXPR_TEMPLATE_FOR))) {
		/* "${x}" alone is x itself */
		put_value(&n->u.kids[0]);
		return;
	}
	if (n->style == EXPR_UNARY && n->u.kids[1].kind == N_BOOL &&
	    n->u.kids[0].u.str[0] == '!') {
		/* hcl2json evaluates an operator on a literal */
		fputs(n->u.kids[1].u.b ? "false" : "true", stdout);
		return;
	}
	put_text_of(n);
}

int main(int argc, char **argv)
{
	struct arena a;
	struct load_ctx c;
	struct node *root;
	FILE *f;
	char *buf;
	size_t len = 0, cap = 1 << 16, r;

	if (argc != 2) {
		fprintf(stderr, "usage: tojson FILE.tf\n");
		return 2;
	}
	f = fopen(argv[1], "rb");
	if (!f) {
		perror(argv[1]);
		return 2;
	}
	buf = xmalloc(cap);
	while ((r = fread(buf + len, 1, cap - len - 1, f)) > 0) {
		len += r;
		if (cap - len < 2)
			buf = xrealloc(buf, cap *= 2);
	}
	fclose(f);
	buf[len] = '\0';
	src = buf;
	arena_init(&a);
	memset(&c, 0, sizeof(c));
	c.a = &a;
	c.max_depth = 512;
	c.on_dup = on_dup;
	root = hcl_parse(&c, buf, len);
	if (root && ndups && body_dup(root)) {
		const struct node *d = body_dup(root);
		snprintf(c.err.msg, sizeof(c.err.msg),
			 "attribute \"%s\" is set twice in one body", d->u.str);
		c.err.off = d->start;
		root = NULL;
	}
	if (!root) {
		size_t i, line = 1, col = 1;
		for (i = 0; i < c.err.off && i < len; i++) {
			if (buf[i] == '\n')
				line++, col = 1;
			else if (((unsigned char)buf[i] & 0xC0) != 0x80)
				col++;
		}
		printf("error %zu:%zu: %s\n", line, col, c.err.msg);
		arena_release(&a);
		free(buf);
		return 1;
	}
	put_value(root);
	putchar('\n');
	arena_release(&a);
	free(buf);
	return 0;
}
