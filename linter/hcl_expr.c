/* hcl_expr.c - HCL expressions: literals, collections, calls, for
 * expressions, traversals, operators and conditionals (mapping in hcl.h,
 * helpers in hcl_lex.h). Binary operators are reduced by precedence on the
 * scratch stack and unary operators are collected in a loop, so that only
 * brackets recurse, each through hcl_enter(). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hcl_lex.h"

static int binop_prec(int type)
{
	switch (type) {
	case T_OR: return 1;
	case T_AND: return 2;
	case T_EQ: case T_NE: return 3;
	case T_LT: case T_LE: case T_GT: case T_GE: return 4;
	case T_PLUS: case T_MINUS: return 5;
	case T_STAR: case T_SLASH: case T_PERCENT: return 6;
	default: return 0;
	}
}

static const char *op_text(int type)
{
	switch (type) {
	case T_OR: return "||";
	case T_AND: return "&&";
	case T_EQ: return "==";
	case T_NE: return "!=";
	case T_LT: return "<";
	case T_LE: return "<=";
	case T_GT: return ">";
	case T_GE: return ">=";
	case T_PLUS: return "+";
	case T_MINUS: return "-";
	case T_STAR: return "*";
	case T_SLASH: return "/";
	case T_PERCENT: return "%";
	case T_BANG: return "!";
	default: return "?";
	}
}

static void push_op(struct hcl_parser *p, const struct hcl_token *t)
{
	const char *s = op_text(t->type);
	hcl_str_node(hcl_push(p), S_PLAIN, s, strlen(s), t->start, t->end);
}

/* Call arguments after the name (on the stack) and '(' at `open`. */
static int finish_call(struct hcl_parser *p, size_t base, size_t open)
{
	const struct hcl_token *t;
	int expand = 0, nl = p->nl;
	if (hcl_enter(p, open))
		return -1;
	p->nl = 0;
	t = hcl_peek(p);
	while (t->type != T_RPAREN) {
		if (hcl_parse_expr(p))
			return -1;
		t = hcl_peek(p);
		if (t->type == T_ELLIPSIS) {
			size_t e = t->start;
			hcl_consume(p, t);
			expand = 1;
			t = hcl_peek(p);
			if (t->type != T_RPAREN) {
				if (t->type == T_EOF)
					return hcl_not_closed(p, t, open, "')'");
				hcl_fail(p, e, e + 3, IN_SYNTAX,
					 "'...' expands the last argument only: ')' "
					 "must follow it directly");
				hcl_related(p, open, "'(' opened here");
				return -1;
			}
			break;
		}
		if (t->type == T_COMMA) {
			hcl_consume(p, t);
			t = hcl_peek(p);
			continue;
		}
		if (t->type != T_RPAREN)
			return hcl_not_closed(p, t, open,
					  "',' or ')' after a function argument");
	}
	hcl_consume(p, t);
	p->nl = nl;
	hcl_leave(p);
	hcl_collapse(p, base, N_EXPR, EXPR_CALL, p->scratch[base].start, t->end)
		->flags |= expand ? NF_EXPAND : 0;
	return 0;
}

/* An identifier: a call, true/false/null, or a variable (is_var). */
static int parse_ident(struct hcl_parser *p, const struct hcl_token *t,
		       int *is_var)
{
	size_t s = t->start, e = t->end, l = e - s;
	const char *w = p->b + s;
	size_t base = p->ns;
	hcl_consume(p, t);
	t = hcl_peek(p);
	if (t->type == T_DCOLON || t->type == T_LPAREN) {
		while (t->type == T_DCOLON) {
			hcl_consume(p, t);
			t = hcl_peek(p);
			if (t->type != T_IDENT)
				return hcl_bad_token(p, t, "a function name after '::'");
			e = t->end;
			hcl_consume(p, t);
			t = hcl_peek(p);
		}
		if (t->type != T_LPAREN)
			return hcl_bad_token(p, t, "'(': a name with '::' is a "
					     "function call");
		hcl_str_node(hcl_push(p), S_PLAIN,
			 intern_str(p->strings, p->c->a, w, e - s), e - s, s, e);
		hcl_consume(p, t);
		return finish_call(p, base, t->start);
	}
	if (l == 4 && memcmp(w, "true", 4) == 0) {
		struct node *n = hcl_push(p);
		n->kind = N_BOOL;
		n->u.b = 1;
		n->start = (uint32_t)s;
		n->end = (uint32_t)e;
	} else if (l == 5 && memcmp(w, "false", 5) == 0) {
		struct node *n = hcl_push(p);
		n->kind = N_BOOL;
		n->start = (uint32_t)s;
		n->end = (uint32_t)e;
	} else if (l == 4 && memcmp(w, "null", 4) == 0) {
		struct node *n = hcl_push(p);
		n->kind = N_NULL;
		n->start = (uint32_t)s;
		n->end = (uint32_t)e;
	} else {
		hcl_str_node(hcl_push(p), S_PLAIN, intern_str(p->strings, p->c->a, w, l),
			 l, s, e);
		*is_var = 1;
	}
	return 0;
}

/* [for ...] or {for ...} after the opener at `open`, with the `for` next. */
static int parse_for(struct hcl_parser *p, size_t base, size_t open, int object)
{
	const struct hcl_token *t = hcl_peek(p);
	size_t v1;
	int expand = 0, closer = object ? T_RBRACE : T_RBRACK;
	hcl_consume(p, t); /* for */
	t = hcl_peek(p);
	if (t->type != T_IDENT)
		return hcl_bad_token(p, t, "a variable name after 'for'");
	v1 = p->ns;
	hcl_push_ident(p, t);
	hcl_consume(p, t);
	t = hcl_peek(p);
	if (t->type == T_COMMA) {
		hcl_consume(p, t);
		t = hcl_peek(p);
		if (t->type != T_IDENT)
			return hcl_bad_token(p, t, "a second variable name after ','");
		hcl_push_ident(p, t);
		hcl_consume(p, t);
	} else {
		/* one name is the value: the key slot stays empty */
		struct node v = p->scratch[v1];
		p->ns = v1;
		hcl_push_absent(p, v.start);
		*hcl_push(p) = v;
	}
	t = hcl_peek(p);
	if (!hcl_is_word(p, t, "in"))
		return hcl_bad_token(p, t, "'in' after the variable names "
				     "(for k, v in collection)");
	hcl_consume(p, t);
	if (hcl_parse_expr(p))
		return -1;
	t = hcl_peek(p);
	if (t->type != T_COLON)
		return hcl_bad_token(p, t, "':' after the collection of a 'for'");
	hcl_consume(p, t);
	if (hcl_parse_expr(p))
		return -1;
	if (object) {
		t = hcl_peek(p);
		if (t->type != T_ARROW)
			return hcl_bad_token(p, t, "'=>' between the key and the "
					     "value of a 'for' object");
		hcl_consume(p, t);
		if (hcl_parse_expr(p))
			return -1;
		t = hcl_peek(p);
		if (t->type == T_ELLIPSIS) {
			expand = 1;
			hcl_consume(p, t);
		}
	}
	t = hcl_peek(p);
	if (hcl_is_word(p, t, "if")) {
		hcl_consume(p, t);
		if (hcl_parse_expr(p))
			return -1;
		t = hcl_peek(p);
	} else {
		hcl_push_absent(p, t->start);
	}
	if (t->type != closer)
		return hcl_not_closed(p, t, open, object ? "'}' to end the 'for'"
						     : "']' to end the 'for'");
	hcl_consume(p, t);
	hcl_collapse(p, base, N_EXPR, object ? EXPR_FOR_OBJECT : EXPR_FOR_TUPLE, open,
		 t->end)->flags |= expand ? NF_EXPAND : 0;
	return 0;
}

static int parse_tuple(struct hcl_parser *p, const struct hcl_token *t)
{
	size_t open = t->start, base = p->ns;
	hcl_consume(p, t);
	t = hcl_peek(p);
	if (hcl_is_word(p, t, "for"))
		return parse_for(p, base, open, 0);
	while (t->type != T_RBRACK) {
		if (hcl_parse_expr(p))
			return -1;
		t = hcl_peek(p);
		if (t->type == T_COMMA) {
			hcl_consume(p, t);
			t = hcl_peek(p);
		} else if (t->type != T_RBRACK) {
			if (t->type == T_EOF || t->type == T_BAD ||
			    binop_prec(t->type) || t->type == T_RPAREN ||
			    t->type == T_RBRACE || t->type == T_ASSIGN)
				return hcl_not_closed(p, t, open, "',' or ']'");
			hcl_fail(p, t->start, t->end, IN_SYNTAX,
				 "missing ',' between the items of a list");
			hcl_related(p, open, "'[' opened here");
			return -1;
		}
	}
	hcl_consume(p, t);
	hcl_collapse(p, base, N_SEQ, S_FLOW, open, t->end);
	return 0;
}

static int parse_object(struct hcl_parser *p, const struct hcl_token *t)
{
	size_t open = t->start, base = p->ns;
	hcl_consume(p, t);
	p->nl = 1;
	for (t = hcl_peek(p); t->type == T_NL; t = hcl_peek(p))
		hcl_consume(p, t);
	if (hcl_is_word(p, t, "for")) {
		p->nl = 0;
		return parse_for(p, base, open, 1);
	}
	for (;;) {
		struct node *k;
		for (; t->type == T_NL; t = hcl_peek(p))
			hcl_consume(p, t);
		if (t->type == T_RBRACE)
			break;
		if (t->type == T_EOF)
			return hcl_not_closed(p, t, open, "'}'");
		if (hcl_parse_expr(p))
			return -1;
		/* a bare name is the key itself, not a variable */
		k = hcl_top(p);
		if (k->kind == N_EXPR && k->style == EXPR_TRAVERSAL && k->len == 1)
			*k = k->u.kids[0];
		k->flags |= NF_KEY;
		t = hcl_peek(p);
		if (t->type != T_ASSIGN && t->type != T_COLON)
			return hcl_not_closed(p, t, open,
					  "'=' or ':' after the key of an object "
					  "item");
		hcl_consume(p, t);
		if (hcl_parse_expr(p))
			return -1;
		t = hcl_peek(p);
		if (t->type == T_COMMA || t->type == T_NL) {
			hcl_consume(p, t);
			t = hcl_peek(p);
		} else if (t->type != T_RBRACE) {
			return hcl_not_closed(p, t, open,
					  "',', a line break or '}' after an "
					  "object item");
		}
	}
	hcl_consume(p, t);
	load_index_map(p->c, hcl_collapse(p, base, N_MAP, S_FLOW, open, t->end), 1);
	return 0;
}

/* Steps after a term at scratch[base]: .attr, .0, .*, [key], [*]. */
static int parse_postfix(struct hcl_parser *p, size_t base, int is_var)
{
	const struct hcl_token *t;
	int steps = 0;
	for (;; steps++) {
		t = hcl_peek(p);
		if (t->type == T_DOT) {
			size_t dot = t->start, k;
			hcl_consume(p, t);
			t = hcl_peek(p);
			if (t->type == T_IDENT) {
				hcl_push_ident(p, t);
			} else if (t->type == T_STAR) {
				struct node *n = hcl_push(p);
				n->kind = N_EXPR;
				n->style = EXPR_SPLAT;
				n->start = (uint32_t)dot;
				n->end = t->end;
			} else if (t->type == T_NUMBER) {
				size_t ib = p->ns;
				/* a.0.1 lexes 0.1 as one number; a.1e5 is
				 * an index, as in hclsyntax */
				for (k = t->start; k < t->end; k++)
					if (p->b[k] == '.')
						return hcl_fail(
							p, dot, t->end, IN_SYNTAX,
							"legacy index .N cannot be "
							"chained (%.*s reads as a "
							"number): write [0][1]",
							(int)(t->end - t->start > 20 ? 20 : t->end - t->start),
							p->b + t->start);
				hcl_number(p, t->start, t->end, 0, hcl_push(p));
				hcl_top(p)->start = t->start;
				hcl_top(p)->end = t->end;
				hcl_collapse(p, ib, N_EXPR, EXPR_INDEX, dot, t->end);
			} else {
				return hcl_bad_token(p, t, "an attribute name after '.'");
			}
			hcl_consume(p, t);
		} else if (t->type == T_LBRACK) {
			size_t open = t->start, ib = p->ns;
			int nl = p->nl;
			hcl_consume(p, t);
			if (hcl_enter(p, open))
				return -1;
			p->nl = 0;
			t = hcl_peek(p);
			if (t->type == T_STAR) {
				hcl_consume(p, t);
				t = hcl_peek(p);
				if (t->type != T_RBRACK)
					return hcl_not_closed(p, t, open, "']' after '[*'");
				hcl_consume(p, t);
				hcl_collapse(p, ib, N_EXPR, EXPR_SPLAT, open, t->end);
			} else {
				if (hcl_parse_expr(p))
					return -1;
				t = hcl_peek(p);
				if (t->type != T_RBRACK)
					return hcl_not_closed(p, t, open, "']' to end the index");
				hcl_consume(p, t);
				hcl_collapse(p, ib, N_EXPR, EXPR_INDEX, open, t->end);
			}
			p->nl = nl;
			hcl_leave(p);
		} else {
			break;
		}
	}
	if (steps || is_var)
		hcl_collapse(p, base, N_EXPR, EXPR_TRAVERSAL, p->scratch[base].start,
			 hcl_top(p)->end);
	return 0;
}

static int parse_term(struct hcl_parser *p)
{
	const struct hcl_token *t = hcl_peek(p);
	size_t base = p->ns, open;
	int is_var = 0, nl = p->nl, r = 0;
	switch (t->type) {
	case T_NUMBER:
		hcl_number(p, t->start, t->end, 0, hcl_push(p));
		hcl_top(p)->start = t->start;
		hcl_top(p)->end = t->end;
		hcl_consume(p, t);
		break;
	case T_IDENT:
		if (parse_ident(p, t, &is_var))
			return -1;
		break;
	case T_OQUOTE:
		r = hcl_parse_quoted(p, t);
		break;
	case T_HEREDOC:
		r = hcl_parse_heredoc(p, t);
		break;
	case T_LBRACK:
	case T_LBRACE:
	case T_LPAREN:
		open = t->start;
		if (hcl_enter(p, open))
			return -1;
		if (t->type == T_LBRACE) {
			r = parse_object(p, t);
		} else {
			p->nl = 0;
			if (t->type == T_LBRACK) {
				r = parse_tuple(p, t);
			} else {
				hcl_consume(p, t);
				r = hcl_parse_expr(p);
				t = hcl_peek(p);
				if (!r && t->type != T_RPAREN)
					r = hcl_not_closed(p, t, open, "')'");
				if (!r) {
					hcl_consume(p, t);
					hcl_collapse(p, base, N_EXPR, EXPR_PAREN, open,
						 t->end);
				}
			}
		}
		p->nl = nl;
		hcl_leave(p);
		break;
	default:
		return hcl_bad_token(p, t, "an expression");
	}
	return r ? r : parse_postfix(p, base, is_var);
}

/* Unary '-' and '!' are collected without recursion, then applied from
 * the innermost; '-' right before a number literal makes it negative. */
static int parse_unary(struct hcl_parser *p)
{
	const struct hcl_token *t;
	size_t nops = 0;
	for (t = hcl_peek(p); t->type == T_MINUS || t->type == T_BANG;
	     t = hcl_peek(p)) {
		if (p->depth + nops >= p->c->max_depth)
			return hcl_fail(p, t->start, t->end, IN_LIMITS,
					"nesting deeper than %u levels (raise the "
					"limit with --max-depth)",
					p->c->max_depth);
		push_op(p, t);
		hcl_consume(p, t);
		nops++;
	}
	if (parse_term(p))
		return -1;
	if (nops) {
		struct node v = *hcl_top(p), *op = &p->scratch[p->ns - 2];
		if ((v.kind == N_INT || v.kind == N_FLOAT) && op->u.str[0] == '-') {
			uint32_t s = op->start;
			p->ns -= 2;
			hcl_number(p, v.start, v.end, 1, hcl_push(p));
			hcl_top(p)->start = s;
			hcl_top(p)->end = v.end;
			nops--;
		}
	}
	while (nops--)
		hcl_collapse(p, p->ns - 2, N_EXPR, EXPR_UNARY, p->scratch[p->ns - 2].start,
			 hcl_top(p)->end);
	return 0;
}

int hcl_parse_expr(struct hcl_parser *p)
{
	const struct hcl_token *t;
	size_t base = p->ns;
	unsigned char prec[8];
	int nops = 0;

	if (parse_unary(p))
		return -1;
	for (t = hcl_peek(p); binop_prec(t->type); t = hcl_peek(p)) {
		int pr = binop_prec(t->type);
		/* left-associative: reduce what binds at least as tightly, so
		 * the pending precedences rise strictly (at most six) */
		while (nops && prec[nops - 1] >= pr) {
			hcl_collapse(p, p->ns - 3, N_EXPR, EXPR_BINARY,
				 p->scratch[p->ns - 3].start, hcl_top(p)->end);
			nops--;
		}
		push_op(p, t);
		hcl_consume(p, t);
		prec[nops++] = (unsigned char)pr;
		if (parse_unary(p))
			return -1;
	}
	while (nops--)
		hcl_collapse(p, p->ns - 3, N_EXPR, EXPR_BINARY,
			 p->scratch[p->ns - 3].start, hcl_top(p)->end);
	t = hcl_peek(p);
	if (t->type == T_QUESTION) {
		size_t q = t->start;
		hcl_consume(p, t);
		if (hcl_enter(p, q) || hcl_parse_expr(p))
			return -1;
		t = hcl_peek(p);
		if (t->type != T_COLON) {
			hcl_bad_token(p, t, "':' and the value when false, in "
				      "'condition ? a : b'");
			hcl_related(p, q, "'?' is here");
			return -1;
		}
		hcl_consume(p, t);
		if (hcl_parse_expr(p))
			return -1;
		hcl_leave(p);
		hcl_collapse(p, base, N_EXPR, EXPR_COND, p->scratch[base].start,
			 hcl_top(p)->end);
	}
	return 0;
}

