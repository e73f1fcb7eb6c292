/* hcl.c - the HCL loader's entry point, its parser helpers, and bodies:
 * attributes and blocks with their labels (mapping in hcl.h; expressions
 * in hcl_expr.c, templates in hcl_template.c, tokens in hcl_lex.c).
 *
 * Every parse_* function pushes exactly one finished node on the scratch
 * stack, or returns -1 with the error set; a container's children wait on
 * that stack and are copied once into the arena when it closes (json.c does
 * the same). Recursion goes through hcl_enter() at each nesting construct,
 * which bounds it by max_depth and by a budget of C stack. */
#include "hcl.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hcl_lex.h"

/* C stack the parser may use; the worker threads have 8 MiB. */
#define STACK_BUDGET ((size_t)3 << 20)
#define NONE ((size_t)-1)

struct node *hcl_push(struct hcl_parser *p)
{
	if (p->ns == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 256;
		p->scratch = xrealloc(p->scratch, p->cap * sizeof(*p->scratch));
	}
	memset(&p->scratch[p->ns], 0, sizeof(struct node));
	return &p->scratch[p->ns++];
}

struct node *hcl_top(struct hcl_parser *p)
{
	return &p->scratch[p->ns - 1];
}

/* Replace the nodes from `base` up with one node of that kind whose kids
 * they are. */
struct node *hcl_collapse(struct hcl_parser *p, size_t base, int kind,
			     int style, size_t start, size_t end)
{
	struct node n;
	size_t count = p->ns - base;
	memset(&n, 0, sizeof(n));
	n.kind = (uint8_t)kind;
	n.style = (uint8_t)style;
	n.start = (uint32_t)start;
	n.end = (uint32_t)end;
	n.len = (uint32_t)(kind == N_MAP ? count / 2 : count);
	if (count) {
		n.u.kids = arena_alloc(p->c->a,
				       load_kids_size((uint32_t)count, kind == N_MAP));
		memcpy(n.u.kids, p->scratch + base, count * sizeof(struct node));
	}
	p->ns = base;
	*hcl_push(p) = n;
	return hcl_top(p);
}

void hcl_str_node(struct node *n, int style, const char *s, size_t len,
		     size_t start, size_t end)
{
	memset(n, 0, sizeof(*n));
	n->kind = N_STR;
	n->style = (uint8_t)style;
	n->u.str = s;
	n->len = (uint32_t)len;
	n->start = (uint32_t)start;
	n->end = (uint32_t)end;
}

/* An absent optional part: N_NULL with an empty span at `at`. */
void hcl_push_absent(struct hcl_parser *p, size_t at)
{
	struct node *n = hcl_push(p);
	n->kind = N_NULL;
	n->start = n->end = (uint32_t)at;
}

int hcl_enter(struct hcl_parser *p, size_t off)
{
	uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
	size_t used = p->stack_base > sp ? p->stack_base - sp : sp - p->stack_base;
	if (p->depth >= p->c->max_depth)
		return hcl_fail(p, off, off + 1, IN_LIMITS,
				"nesting deeper than %u levels (raise the limit with "
				"--max-depth)",
				p->c->max_depth);
	if (used > STACK_BUDGET)
		return hcl_fail(p, off, off + 1, IN_LIMITS,
				"nesting too deep for the HCL parser's stack (%u "
				"levels)",
				p->depth);
	p->depth++;
	return 0;
}

void hcl_leave(struct hcl_parser *p)
{
	p->depth--;
}

int hcl_is_word(const struct hcl_parser *p, const struct hcl_token *t,
		   const char *w)
{
	size_t l = strlen(w);
	return t->type == T_IDENT && t->end - t->start == l &&
	       memcmp(p->b + t->start, w, l) == 0;
}

void hcl_push_ident(struct hcl_parser *p, const struct hcl_token *t)
{
	size_t l = t->end - t->start;
	hcl_str_node(hcl_push(p), S_PLAIN,
		 intern_str(p->strings, p->c->a, p->b + t->start, l), l,
		 t->start, t->end);
}

/* Where a bracket was left open, or what came instead of the closer. */
int hcl_not_closed(struct hcl_parser *p, const struct hcl_token *t,
		      size_t open, const char *expected)
{
	char o = p->b[open];
	if (t->type == T_EOF)
		hcl_fail(p, t->start, t->end, IN_SYNTAX,
			 "unexpected end of the file: '%c' is never closed", o);
	else
		hcl_bad_token(p, t, expected);
	hcl_related(p, open, "'%c' opened here", o);
	return -1;
}

static int parse_body(struct hcl_parser *p, size_t open);

/* ---- bodies ---- */

/* Each attribute name once per body: blocks may repeat. */
static void body_dups(struct hcl_parser *p, struct node *m)
{
	uint32_t i, j, n = m->len;
	load_index_map(p->c, m, 0);
	if (!p->c->on_dup || n < 2)
		return;
	if (!(m->flags & NF_INDEXED)) {
		for (i = 1; i < n; i++) {
			const struct node *k = map_key(m, i);
			if (k->flags & NF_BLOCK)
				continue;
			for (j = 0; j < i; j++) {
				const struct node *f = map_key(m, j);
				if (!(f->flags & NF_BLOCK) &&
				    key_cmp(f, k->u.str, k->len) == 0) {
					p->c->on_dup(p->c->ud, f, k);
					break;
				}
			}
		}
		return;
	}
	{
		/* sorted by key then position: equal keys stand together */
		const uint32_t *ix = (const uint32_t *)(m->u.kids + 2 * n);
		const struct node *first = NULL;
		for (i = 0; i < n; i++) {
			const struct node *k = map_key(m, ix[i]);
			if (i == 0 || key_cmp(map_key(m, ix[i - 1]), k->u.str, k->len))
				first = NULL;
			if (k->flags & NF_BLOCK)
				continue;
			if (first)
				p->c->on_dup(p->c->ud, first, k);
			else
				first = k;
		}
	}
}

static int after_block(struct hcl_parser *p)
{
	const struct hcl_token *t = hcl_peek(p);
	if (t->type == T_NL || t->type == T_EOF)
		return 0;
	return hcl_bad_token(p, t, "a line break after the block's '}'");
}

/* name = value, ending at the end of its line. */
static int parse_attribute(struct hcl_parser *p, const struct hcl_token *t,
			   int one_line)
{
	const struct hcl_token *e;
	hcl_consume(p, t); /* '=' */
	if (hcl_parse_expr(p))
		return -1;
	e = hcl_peek(p);
	if (one_line || e->type == T_NL || e->type == T_EOF)
		return 0;
	if (e->type == T_COMMA)
		return hcl_fail(p, e->start, e->end, IN_SYNTAX,
				"unexpected ',' after an argument: arguments are "
				"separated by line breaks, not commas");
	return hcl_bad_token(p, e, "a line break after the argument");
}

/* A block's labels and body; its type is on the stack. */
static int parse_block(struct hcl_parser *p, const struct hcl_token *t)
{
	size_t lab = p->ns, open, nlab, i;
	struct node body;
	for (;; t = hcl_peek(p)) {
		if (t->type == T_IDENT) {
			hcl_push_ident(p, t);
			hcl_top(p)->flags |= NF_KEY;
			hcl_consume(p, t);
		} else if (t->type == T_OQUOTE) {
			struct node lit;
			size_t next;
			int stop;
			if (hcl_quoted_chunk(p, t->end, t->start, &lit, &next, &stop))
				return -1;
			if (stop != STOP_QUOTE)
				return hcl_fail(p, next, next + 2, IN_SYNTAX,
						"a block label is a literal string: "
						"no ${ } or %%{ } in it");
			lit.style = S_QUOTED;
			lit.flags = NF_KEY;
			lit.start = t->start;
			lit.end = (uint32_t)next + 1;
			*hcl_push(p) = lit;
			p->pos = next + 1;
			p->peek_ok = 0;
		} else {
			break;
		}
	}
	if (t->type != T_LBRACE) {
		struct hcl_token n = *t;
		while (n.type == T_NL)
			hcl_lex(p, n.end, &n);
		if (t->type == T_NL && n.type == T_LBRACE)
			return hcl_fail(p, t->start, t->end, IN_SYNTAX,
					"a block's '{' must be on the line of its "
					"type and labels");
		return hcl_bad_token(p, t, "'=' for an argument, or a block's "
				     "labels and '{'");
	}
	open = t->start;
	hcl_consume(p, t);
	if (hcl_enter(p, open))
		return -1;
	t = hcl_peek(p);
	if (t->type == T_NL) {
		if (parse_body(p, open))
			return -1;
	} else if (t->type == T_RBRACE) {
		hcl_consume(p, t);
		hcl_collapse(p, p->ns, N_MAP, S_PLAIN, open, t->end)->flags |= NF_BODY;
	} else if (t->type == T_IDENT) {
		/* one-line block: one argument, closed on the same line */
		size_t base = p->ns;
		hcl_push_ident(p, t);
		hcl_top(p)->flags |= NF_KEY;
		hcl_consume(p, t);
		t = hcl_peek(p);
		if (t->type != T_ASSIGN)
			return hcl_bad_token(p, t, "'=': a block on one line holds "
					     "one argument and no nested block");
		if (parse_attribute(p, t, 1))
			return -1;
		t = hcl_peek(p);
		if (t->type == T_COMMA)
			return hcl_fail(p, t->start, t->end, IN_SYNTAX,
					"a block on one line holds one argument: "
					"write one argument per line");
		if (t->type != T_RBRACE)
			return hcl_not_closed(p, t, open, "'}' on the same line (a "
					  "block on one line holds one argument)");
		hcl_consume(p, t);
		hcl_collapse(p, base, N_MAP, S_PLAIN, open, t->end)->flags |= NF_BODY;
	} else {
		return hcl_not_closed(p, t, open, "an argument or a line break after '{'");
	}
	hcl_leave(p);
	/* labels, innermost first, each a one-pair map around the rest */
	body = *hcl_top(p);
	p->ns--;
	nlab = p->ns - lab;
	for (i = nlab; i-- > 0;) {
		struct node *kids = arena_alloc(p->c->a, 2 * sizeof(struct node));
		kids[0] = p->scratch[lab + i];
		kids[1] = body;
		memset(&body, 0, sizeof(body));
		body.kind = N_MAP;
		body.flags = NF_LABEL;
		body.len = 1;
		body.start = kids[0].start;
		body.end = kids[1].end;
		body.u.kids = kids;
	}
	p->ns = lab;
	*hcl_push(p) = body;
	return after_block(p);
}

/* The items of a body, up to the '}' of the block opened at `open` or to
 * the end of the file (open == NONE). */
static int parse_body(struct hcl_parser *p, size_t open)
{
	const struct hcl_token *t;
	size_t base = p->ns, start = open == NONE ? p->pos : open;
	p->nl = 1;
	for (;;) {
		t = hcl_peek(p);
		if (t->type == T_NL) {
			hcl_consume(p, t);
		} else if (t->type == T_IDENT) {
			hcl_push_ident(p, t);
			hcl_top(p)->flags |= NF_KEY;
			hcl_consume(p, t);
			t = hcl_peek(p);
			if (t->type == T_ASSIGN) {
				if (parse_attribute(p, t, 0))
					return -1;
			} else {
				p->scratch[p->ns - 1].flags |= NF_BLOCK;
				if (parse_block(p, t))
					return -1;
			}
			p->nl = 1;
		} else if (t->type == T_RBRACE && open != NONE) {
			hcl_consume(p, t);
			break;
		} else if (t->type == T_EOF) {
			if (open != NONE)
				return hcl_not_closed(p, t, open, "'}'");
			break;
		} else if (t->type == T_OQUOTE) {
			return hcl_fail(p, t->start, t->start + 1, IN_SYNTAX,
					"argument and block type names are not "
					"quoted: write name = value");
		} else {
			return hcl_bad_token(p, t, "an argument (name = value) or a "
					     "block (type \"label\" { ... })");
		}
	}
	body_dups(p, hcl_collapse(p, base, N_MAP, S_PLAIN, start, t->end));
	hcl_top(p)->flags |= NF_BODY;
	return 0;
}

/* A parser over buf[0..len) for c; stack_base: the caller's frame, which
 * the depth guard measures from. */
static void parser_init(struct hcl_parser *p, struct load_ctx *c,
			const char *buf, size_t len, uintptr_t stack_base)
{
	memset(p, 0, sizeof(*p));
	memset(&c->err, 0, sizeof(c->err));
	p->c = c;
	p->b = buf;
	p->len = len;
	p->stack_base = stack_base;
}

struct node *hcl_parse(struct load_ctx *c, const char *buf, size_t len)
{
	struct hcl_parser p;
	struct node *root = NULL;

	parser_init(&p, c, buf, len, (uintptr_t)__builtin_frame_address(0));
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		p.pos = 3;
	if (len > UINT32_MAX - 1) {
		hcl_fail(&p, 0, 0, IN_LIMITS, "file too large for positions (4 GiB)");
		return NULL;
	}
	p.strings = len > 65536 ? xcalloc(1, sizeof(*p.strings)) : NULL;
	if (parse_body(&p, NONE) == 0) {
		root = arena_alloc(c->a, sizeof(*root));
		*root = p.scratch[0];
	}
	free(p.scratch);
	free(p.strings);
	return root;
}

struct node *hcl_parse_quoted_at(struct load_ctx *c, const char *buf,
				 size_t len, size_t open, size_t close)
{
	struct hcl_parser p;
	struct hcl_token t;
	struct node *n = NULL;

	parser_init(&p, c, buf, len, (uintptr_t)__builtin_frame_address(0));
	hcl_lex(&p, open, &t);
	if (t.type == T_OQUOTE && t.start == open &&
	    hcl_parse_quoted(&p, &t) == 0 && p.pos == close) {
		n = arena_alloc(c->a, sizeof(*n));
		*n = p.scratch[0];
	}
	free(p.scratch);
	return n;
}

static int hcl_sniff(const char *name, const char *buf, size_t len)
{
	size_t l = strlen(name);
	(void)buf;
	(void)len;
	return l > 3 && strcmp(name + l - 3, ".tf") == 0 ? SNIFF_NAME : SNIFF_NO;
}

static int hcl_load(struct load_ctx *c, const char *buf, size_t len,
		    const struct load_sink *k)
{
	struct node *root;
	c->a = k->new_doc(k->ud);
	root = hcl_parse(c, buf, len);
	if (!root)
		return -1;
	k->on_doc(k->ud, root);
	return 0;
}

/* .tf.json ends in .json: the JSON syntax reads it. */
static const char *const hcl_endings[] = { ".tf", NULL };

/* Suppressions are read after "#", the comment Terraform's style uses
 * (`//` comments are skipped like any other, but hold none). */
const struct syntax hcl_syntax = {
	.name = "hcl",
	.endings = hcl_endings,
	.comment = "#",
	.sniff = hcl_sniff,
	.load = hcl_load,
};
