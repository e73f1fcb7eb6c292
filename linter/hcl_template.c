/* hcl_template.c - quoted and heredoc templates of the HCL native syntax:
 * literal text and its escapes, ${ } interpolations, %{ } directives, strip
 * markers and <<- indentation (mapping in hcl.h, helpers in hcl_lex.h).
 *
 * A template is read in two steps, as hclsyntax does. First a flat list of
 * parts on the scratch stack: text chunks (a heredoc's text is cut at each
 * line end) and markers for ${ }, %{ if }, %{ else }, ... each followed by
 * its operands. Strip markers trim the text chunk right next to them while
 * reading; <<- then removes the common indentation of the lines' first
 * chunks. Second, the list is nested into if/for parts with an explicit
 * stack, and neighbouring text chunks are merged. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "hcl_lex.h"

#define NONE ((size_t)-1)

/* ---- literal text: escapes, $${ and %%{, heredoc lines ---- */

static int hexval(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

static void note_nul(struct hcl_parser *p, size_t s, size_t e)
{
	if (!p->c->has_nul) {
		p->c->has_nul = 1;
		p->c->nul_off = s;
		p->c->nul_end = e;
	}
}

static void lit_node(struct hcl_parser *p, struct node *n, size_t s, size_t e,
		     const char *v, size_t vlen)
{
	n->kind = N_STR;
	n->style = S_PLAIN;
	n->flags = 0;
	n->start = (uint32_t)s;
	n->end = (uint32_t)e;
	n->len = (uint32_t)(v ? vlen : e - s);
	n->u.str = v ? v : intern_str(p->strings, p->c->a, p->b + s, e - s);
}

/* Bytes that end the fast scan of a quoted string's text. */
static const unsigned char quoted_stop[256] = {
	['"'] = 1, ['\\'] = 1, ['\n'] = 1, ['\r'] = 1, ['\0'] = 1, ['$'] = 1,
	['%'] = 1,
};

int hcl_quoted_chunk(struct hcl_parser *p, size_t pos, size_t open,
		     struct node *lit, size_t *next, int *stop)
{
	const char *b = p->b;
	size_t i = pos, e;
	char *out, *o;

	/* fast path: no escapes (b[len] is NUL, a stop byte) */
	for (e = pos;; e++) {
		char ch = b[e];
		if (!quoted_stop[(unsigned char)ch])
			continue;
		if ((ch == '$' || ch == '%') && b[e + 1] != '{' && b[e + 1] != ch)
			continue;
		break;
	}
	if (e < p->len && (b[e] == '"' || ((b[e] == '$' || b[e] == '%') &&
					   b[e + 1] == '{' && e + 1 < p->len))) {
		*stop = b[e] == '"' ? STOP_QUOTE : b[e] == '$' ? STOP_INTERP
							      : STOP_DIRECTIVE;
		*next = e;
		lit_node(p, lit, pos, e, NULL, 0);
		return 0;
	}
	/* the slow path: the decoded text is never longer than the source */
	{
		size_t k = e;
		while (k < p->len && b[k] != '"' && b[k] != '\n') {
			if (b[k] == '\\' && k + 1 < p->len)
				k++;
			k++;
		}
		out = arena_alloc(p->c->a, k - pos + 1);
	}
	o = out;
	for (;;) {
		char ch = b[i];
		if (i >= p->len) {
			hcl_fail(p, p->len, p->len, IN_SYNTAX,
				 "unterminated string: no closing '\"' before the end "
				 "of the file");
			hcl_related(p, open, "string opened here");
			return -1;
		}
		if (ch == '"')
			break;
		if (ch == '\n' || ch == '\r') {
			hcl_fail(p, i, i + 1, IN_SYNTAX,
				 "unterminated string: a quoted string must end on "
				 "its line (write a line break as \\n, or use a "
				 "heredoc <<EOT for text over several lines)");
			hcl_related(p, open, "string opened here");
			return -1;
		}
		if ((ch == '$' || ch == '%') && b[i + 1] == '{' && i + 1 < p->len)
			break;
		if ((ch == '$' || ch == '%') && b[i + 1] == ch && b[i + 2] == '{' &&
		    i + 2 < p->len) {
			/* $${ and %%{ are a literal ${ and %{ */
			*o++ = ch;
			*o++ = '{';
			i += 3;
			continue;
		}
		if (ch == '\0')
			note_nul(p, i, i + 1);
		if (ch != '\\') {
			*o++ = ch;
			i++;
			continue;
		}
		ch = i + 1 < p->len ? b[i + 1] : 0;
		switch (ch) {
		case 'n': *o++ = '\n'; i += 2; continue;
		case 'r': *o++ = '\r'; i += 2; continue;
		case 't': *o++ = '\t'; i += 2; continue;
		case '"': *o++ = '"'; i += 2; continue;
		case '\\': *o++ = '\\'; i += 2; continue;
		case 'u':
		case 'U': {
			int nd = ch == 'u' ? 4 : 8, k;
			unsigned long cp = 0;
			for (k = 0; k < nd; k++) {
				int h = i + 2 + (size_t)k < p->len ?
					hexval(b[i + 2 + (size_t)k]) : -1;
				if (h < 0) {
					hcl_fail(p, i, i + 2 + (size_t)k, IN_SYNTAX,
						 "\\%c must be followed by %d hex "
						 "digits",
						 ch, nd);
					return -1;
				}
				cp = cp * 16 + (unsigned long)h;
			}
			if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
				hcl_fail(p, i, i + 2 + (size_t)nd, IN_SYNTAX,
					 "invalid escape: U+%04lX is not a character "
					 "that UTF-8 can encode",
					 cp);
				return -1;
			}
			if (cp == 0)
				note_nul(p, i, i + 2 + (size_t)nd);
			o = utf8_put(o, (unsigned)cp);
			i += 2 + (size_t)nd;
			continue;
		}
		default:
			if (i + 1 >= p->len) {
				hcl_fail(p, p->len, p->len, IN_SYNTAX,
					 "unterminated string: no closing '\"' "
					 "before the end of the file");
				hcl_related(p, open, "string opened here");
				return -1;
			}
			hcl_fail(p, i, i + 2, IN_SYNTAX,
				 "invalid escape '\\%c' in a string (valid: \\n \\r "
				 "\\t \\\" \\\\ \\uNNNN \\UNNNNNNNN; $${ and %%%%{ "
				 "for a literal ${ and %%{)",
				 ch > 0x20 && ch < 0x7f ? ch : '?');
			return -1;
		}
	}
	*o = '\0';
	*stop = b[i] == '"' ? STOP_QUOTE : b[i] == '$' ? STOP_INTERP
						       : STOP_DIRECTIVE;
	*next = i;
	lit_node(p, lit, pos, i, out, (size_t)(o - out));
	return 0;
}

void hcl_heredoc_chunk(struct hcl_parser *p, size_t pos, struct node *lit,
		       size_t *next, int *stop)
{
	const char *b = p->b;
	const char *q = memchr(b + pos, '\n', p->len - pos);
	size_t lim = q ? (size_t)(q - b) : p->len, k = pos;
	int esc = 0;
	char *out, *o;

	*stop = q ? STOP_EOL : STOP_EOF;
	while (k < lim) {
		char ch = b[k];
		if (ch == '$' || ch == '%') {
			if (b[k + 1] == '{' && k + 1 < lim) {
				*stop = ch == '$' ? STOP_INTERP : STOP_DIRECTIVE;
				break;
			}
			if (b[k + 1] == ch && b[k + 2] == '{' && k + 2 < lim) {
				/* $${ and %%{: a literal ${ and %{ */
				esc = 1;
				k += 3;
				continue;
			}
		} else if (ch == '\0') {
			note_nul(p, k, k + 1);
		} else if (ch == '\r' && k + 1 < lim) {
			/* only as the first half of a CRLF line break */
			*stop = STOP_BAD_CR;
			break;
		}
		k++;
	}
	if (*stop == STOP_EOL)
		k = lim + 1;
	else if (*stop == STOP_EOF)
		k = lim;
	*next = k;
	if (!esc) {
		lit_node(p, lit, pos, k, NULL, 0);
		return;
	}
	out = arena_alloc(p->c->a, k - pos + 1);
	o = out;
	for (size_t i = pos; i < k; i++) {
		if ((b[i] == '$' || b[i] == '%') && b[i + 1] == b[i] &&
		    b[i + 2] == '{' && i + 2 < k) {
			*o++ = b[i];
			*o++ = '{';
			i += 2;
			continue;
		}
		*o++ = b[i];
	}
	*o = '\0';
	lit_node(p, lit, pos, k, out, (size_t)(o - out));
}

int hcl_heredoc_closer(const struct hcl_parser *p, size_t i, size_t m0,
		       size_t m1, size_t *mend)
{
	const char *b = p->b;
	size_t ml = m1 - m0;
	while (i < p->len && (b[i] == ' ' || b[i] == '\t'))
		i++;
	if (i + ml > p->len || memcmp(b + i, b + m0, ml) != 0)
		return 0;
	*mend = i + ml;
	i += ml;
	while (i < p->len && (b[i] == ' ' || b[i] == '\t'))
		i++;
	/* the closing line needs its line break, as in hclsyntax */
	return (i < p->len && b[i] == '\n') ||
	       (i + 1 < p->len && b[i] == '\r' && b[i + 1] == '\n');
}

/* ---- parts and their nesting ---- */

/* A marker's kind, in its `style` (its kind is N_EXPR, `len` operands
 * follow it); text chunks are N_STR. */
enum { P_INTERP = 200, P_IF, P_ELSE, P_ENDIF, P_FOR, P_ENDFOR };
#define PF_ADJUST 0x8000 /* <<-: the first chunk of a line, to unindent */

static void ltrim(struct node *n, size_t max_chars)
{
	size_t i = 0, l, k = 0;
	while (i < n->len && k < max_chars &&
	       (l = hcl_space_len(n->u.str + i, n->len - i))) {
		i += l;
		k++;
	}
	n->u.str += i;
	n->len -= (uint32_t)i;
}

static void rtrim(struct hcl_parser *p, struct node *n)
{
	size_t i = 0, keep = 0, l;
	while (i < n->len) {
		l = hcl_space_len(n->u.str + i, n->len - i);
		if (l) {
			i += l;
			continue;
		}
		i++;
		while (i < n->len && ((unsigned char)n->u.str[i] & 0xC0) == 0x80)
			i++;
		keep = i;
	}
	if (keep < n->len) {
		/* strings may be shared (interned): copy, never cut in place */
		n->u.str = arena_strndup(p->c->a, n->u.str, keep);
		n->len = (uint32_t)keep;
	}
}

/* One ${ ... } or %{ ... } at s; `prev` is the text chunk right before it
 * (or NONE), trimmed by ${~. Sets *strip_after for ~}. */
static int parse_seq(struct hcl_parser *p, size_t s, size_t prev,
		     int *strip_after)
{
	const struct hcl_token *t;
	size_t i = s + 2, mi;
	int directive = p->b[s] == '%', type = P_INTERP, nl = p->nl;
	struct node *m;

	if (i < p->len && p->b[i] == '~') {
		i++;
		if (prev != NONE)
			rtrim(p, &p->scratch[prev]);
	}
	if (hcl_enter(p, s))
		return -1;
	p->pos = i;
	p->peek_ok = 0;
	p->nl = 0;
	mi = p->ns;
	m = hcl_push(p);
	m->kind = N_EXPR;
	m->start = (uint32_t)s;
	if (!directive) {
		if (hcl_parse_expr(p))
			return -1;
	} else {
		t = hcl_peek(p);
		if (hcl_is_word(p, t, "if")) {
			type = P_IF;
			hcl_consume(p, t);
			if (hcl_parse_expr(p))
				return -1;
		} else if (hcl_is_word(p, t, "for")) {
			type = P_FOR;
			hcl_consume(p, t);
			t = hcl_peek(p);
			if (t->type != T_IDENT)
				return hcl_bad_token(p, t, "a variable name after 'for'");
			hcl_push_ident(p, t);
			hcl_consume(p, t);
			t = hcl_peek(p);
			if (t->type == T_COMMA) {
				hcl_consume(p, t);
				t = hcl_peek(p);
				if (t->type != T_IDENT)
					return hcl_bad_token(p, t, "a second variable "
							     "name after ','");
				hcl_push_ident(p, t);
				hcl_consume(p, t);
			} else {
				struct node v = *hcl_top(p);
				p->ns--;
				hcl_push_absent(p, v.start);
				*hcl_push(p) = v;
			}
			t = hcl_peek(p);
			if (!hcl_is_word(p, t, "in"))
				return hcl_bad_token(p, t, "'in' after the variable "
						     "names (%{ for k, v in list })");
			hcl_consume(p, t);
			if (hcl_parse_expr(p))
				return -1;
		} else if (hcl_is_word(p, t, "else")) {
			type = P_ELSE;
			hcl_consume(p, t);
		} else if (hcl_is_word(p, t, "endif")) {
			type = P_ENDIF;
			hcl_consume(p, t);
		} else if (hcl_is_word(p, t, "endfor")) {
			type = P_ENDFOR;
			hcl_consume(p, t);
		} else {
			return hcl_bad_token(p, t, "a template directive after '%{': "
					     "if, else, endif, for or endfor");
		}
	}
	t = hcl_peek(p);
	if (t->type != T_RBRACE && t->type != T_STRIP_RBRACE) {
		hcl_bad_token(p, t, directive ? "'}' to end the directive"
					      : "'}' to end the interpolation");
		hcl_related(p, s, "'%c{' opened here", p->b[s]);
		return -1;
	}
	*strip_after = t->type == T_STRIP_RBRACE;
	hcl_consume(p, t);
	p->nl = nl;
	hcl_leave(p);
	m = &p->scratch[mi];
	m->style = (uint8_t)type;
	m->len = (uint32_t)(p->ns - mi - 1);
	m->end = t->end;
	return 0;
}

/* Push a text chunk read at pos (trimmed first after a ~}); returns its
 * index, or NONE when it is empty in the source. */
static size_t push_chunk(struct hcl_parser *p, struct node *lit, size_t pos,
			 size_t next, int strip)
{
	if (next == pos)
		return NONE;
	if (strip)
		ltrim(lit, NONE);
	*hcl_push(p) = *lit;
	return p->ns - 1;
}

/* <<-: remove from each line's first chunk the smallest indentation of
 * the lines, counted in characters. A line that starts with an
 * interpolation or a directive counts as not indented; a line of spaces
 * only does not count (and keeps its spaces). */
static void unindent(struct hcl_parser *p, size_t base)
{
	size_t i, min = NONE;
	int line_start = 1;
	for (i = base; i < p->ns; i++) {
		struct node *x = &p->scratch[i];
		if (x->kind != N_STR) {
			if (line_start)
				min = 0;
			line_start = 0;
			i += x->len;
			continue;
		}
		if (line_start) {
			size_t k = 0, chars = 0, l;
			while (k < x->len && (l = hcl_space_len(x->u.str + k, x->len - k))) {
				k += l;
				chars++;
			}
			if (!(k == x->len && x->len && x->u.str[x->len - 1] == '\n')) {
				if (chars < min)
					min = chars;
				x->flags |= PF_ADJUST;
			}
		}
		line_start = x->len && x->u.str[x->len - 1] == '\n';
	}
	for (i = base; i < p->ns; i++) {
		struct node *x = &p->scratch[i];
		if (x->kind != N_STR) {
			i += x->len;
			continue;
		}
		if (x->flags & PF_ADJUST) {
			x->flags &= (uint16_t)~PF_ADJUST;
			ltrim(x, min);
		}
	}
}

/* Text chunks scratch[i..j) as one N_STR. */
static void merge(struct hcl_parser *p, size_t i, size_t j, struct node *out)
{
	size_t k, total = 0;
	char *s;
	if (j - i == 1) {
		*out = p->scratch[i];
		return;
	}
	for (k = i; k < j; k++)
		total += p->scratch[k].len;
	s = arena_alloc(p->c->a, total + 1);
	memset(out, 0, sizeof(*out));
	out->kind = N_STR;
	out->u.str = s;
	out->len = (uint32_t)total;
	out->start = p->scratch[i].start;
	out->end = p->scratch[j - 1].end;
	for (k = i; k < j; k++) {
		memcpy(s, p->scratch[k].u.str, p->scratch[k].len);
		s += p->scratch[k].len;
	}
	*s = '\0';
}

struct open_dir {
	size_t marker; /* flat index of the if/for marker */
	size_t body;   /* stack index of the current body's first part */
	size_t mid;    /* flat index of the else marker, or NONE */
};

static int dir_error(struct hcl_parser *p, const struct node *x,
		     const struct open_dir *o, const char *fmt)
{
	hcl_fail(p, x->start, x->end, IN_SYNTAX, "%s", fmt);
	if (o)
		hcl_related(p, p->scratch[o->marker].start, "%%{ %s } opened here",
			    p->scratch[o->marker].style == P_IF ? "if" : "for");
	return -1;
}

/* Nest the flat parts scratch[base..) into the template [start, end). */
static int nest(struct hcl_parser *p, size_t base, size_t start, size_t end)
{
	size_t n = p->ns, i = base, nd = 0, cap = 0;
	struct open_dir *d = NULL;
	int r = -1;

	while (i < n) {
		struct node x = p->scratch[i], tmp, *kids;
		struct open_dir *o = nd ? &d[nd - 1] : NULL;
		size_t j;
		if (x.kind == N_STR) {
			for (j = i; j < n && p->scratch[j].kind == N_STR; j++)
				;
			merge(p, i, j, &tmp);
			*hcl_push(p) = tmp;
			i = j;
			continue;
		}
		switch (x.style) {
		case P_INTERP:
			tmp = p->scratch[i + 1];
			*hcl_push(p) = tmp;
			break;
		case P_IF:
		case P_FOR:
			if (p->depth + nd + 1 >= p->c->max_depth) {
				hcl_fail(p, x.start, x.end, IN_LIMITS,
					 "nesting deeper than %u levels (raise the "
					 "limit with --max-depth)",
					 p->c->max_depth);
				goto out;
			}
			if (nd == cap) {
				cap = cap ? 2 * cap : 8;
				d = xrealloc(d, cap * sizeof(*d));
			}
			d[nd].marker = i;
			d[nd].body = p->ns;
			d[nd].mid = NONE;
			nd++;
			break;
		case P_ELSE:
			if (!o || p->scratch[o->marker].style != P_IF || o->mid != NONE) {
				dir_error(p, &x, o, !o ? "%{ else } without an open "
							 "%{ if }"
						 : o->mid != NONE ? "a second %{ else } "
								     "in one %{ if }"
								   : "%{ for } has no "
								     "%{ else }");
				goto out;
			}
			hcl_collapse(p, o->body, N_EXPR, EXPR_TEMPLATE,
				     p->scratch[o->marker].end, x.start);
			o->mid = i;
			o->body = p->ns;
			break;
		case P_ENDIF:
		case P_ENDFOR: {
			int is_if = x.style == P_ENDIF;
			const struct node *m;
			if (!o || (p->scratch[o->marker].style == P_IF) != is_if) {
				dir_error(p, &x, o, is_if ? "%{ endif } without an "
							    "open %{ if }"
							  : "%{ endfor } without an "
							    "open %{ for }");
				goto out;
			}
			m = &p->scratch[o->marker];
			hcl_collapse(p, o->body, N_EXPR, EXPR_TEMPLATE,
				     o->mid != NONE ? p->scratch[o->mid].end : m->end,
				     x.start);
			if (is_if) {
				kids = arena_alloc(p->c->a, 3 * sizeof(*kids));
				kids[0] = m[1];
				if (o->mid != NONE) {
					kids[1] = p->scratch[p->ns - 2];
					kids[2] = p->scratch[p->ns - 1];
					p->ns -= 2;
				} else {
					kids[1] = p->scratch[p->ns - 1];
					memset(&kids[2], 0, sizeof(kids[2]));
					kids[2].kind = N_NULL;
					kids[2].start = kids[2].end = x.start;
					p->ns -= 1;
				}
			} else {
				kids = arena_alloc(p->c->a, 4 * sizeof(*kids));
				memcpy(kids, m + 1, 3 * sizeof(*kids));
				kids[3] = p->scratch[p->ns - 1];
				p->ns -= 1;
			}
			memset(&tmp, 0, sizeof(tmp));
			tmp.kind = N_EXPR;
			tmp.style = is_if ? EXPR_TEMPLATE_IF : EXPR_TEMPLATE_FOR;
			tmp.len = is_if ? 3 : 4;
			tmp.u.kids = kids;
			tmp.start = m->start;
			tmp.end = x.end;
			*hcl_push(p) = tmp;
			nd--;
			break;
		}
		}
		i += 1 + x.len;
	}
	if (nd) {
		const struct node *m = &p->scratch[d[nd - 1].marker];
		hcl_fail(p, m->start, m->end, IN_SYNTAX,
			 m->style == P_IF ? "%%{ if } is never closed: expected "
					    "%%{ endif } before the end of the template"
					  : "%%{ for } is never closed: expected "
					    "%%{ endfor } before the end of the template");
		goto out;
	}
	/* the nested parts replace the flat list */
	memmove(p->scratch + base, p->scratch + n, (p->ns - n) * sizeof(struct node));
	p->ns = base + (p->ns - n);
	hcl_collapse(p, base, N_EXPR, EXPR_TEMPLATE, start, end);
	r = 0;
out:
	free(d);
	return r;
}

static int finish(struct hcl_parser *p, size_t base, size_t start, size_t end,
		  int any, int style, int flush)
{
	struct node s;
	if (flush)
		unindent(p, base);
	if (any)
		return nest(p, base, start, end);
	if (p->ns > base)
		merge(p, base, p->ns, &s);
	else
		memset(&s, 0, sizeof(s)), s.kind = N_STR, s.u.str = "";
	s.style = (uint8_t)style;
	s.start = (uint32_t)start;
	s.end = (uint32_t)end;
	/* a quoted string with no escape: its bytes stand between the quotes,
	 * so a finding can point inside it (tree.h) */
	if (style == S_QUOTED && s.len + 2 == end - start &&
	    memcmp(p->b + start + 1, s.u.str, s.len) == 0)
		s.flags |= NF_VERBATIM;
	p->ns = base;
	*hcl_push(p) = s;
	return 0;
}

int hcl_parse_quoted(struct hcl_parser *p, const struct hcl_token *t)
{
	size_t open = t->start, pos = t->end, base = p->ns, prev, next;
	int strip = 0, stop, any = 0;
	for (;;) {
		struct node lit;
		if (hcl_quoted_chunk(p, pos, open, &lit, &next, &stop))
			return -1;
		prev = push_chunk(p, &lit, pos, next, strip);
		strip = 0;
		pos = next;
		if (stop == STOP_QUOTE)
			break;
		if (parse_seq(p, pos, prev, &strip))
			return -1;
		any = 1;
		pos = p->pos;
	}
	p->pos = pos + 1;
	p->peek_ok = 0;
	return finish(p, base, open, pos + 1, any, S_QUOTED, 0);
}

static int unterminated(struct hcl_parser *p, size_t start, size_t m0,
			size_t m1)
{
	size_t k = p->len, ml = m1 - m0, last;
	int shown = (int)(ml > 60 ? 60 : ml);
	while (k > 0 && p->b[k - 1] != '\n')
		k--;
	last = k;
	while (k < p->len && (p->b[k] == ' ' || p->b[k] == '\t'))
		k++;
	if (p->len - k >= ml && memcmp(p->b + k, p->b + m0, ml) == 0) {
		k += ml;
		while (k < p->len && (p->b[k] == ' ' || p->b[k] == '\t'))
			k++;
	}
	if (k == p->len && last < p->len && k > last + ml - 1)
		/* the marker is there, but the file ends right after it */
		hcl_fail(p, p->len, p->len, IN_SYNTAX,
			 "unterminated heredoc: its closing marker %.*s needs a "
			 "line break after it",
			 shown, p->b + m0);
	else
		hcl_fail(p, p->len, p->len, IN_SYNTAX,
			 "unterminated heredoc: no line holding only %.*s closes it",
			 shown, p->b + m0);
	hcl_related(p, start, "heredoc <<%.*s opened here", shown, p->b + m0);
	return -1;
}

int hcl_parse_heredoc(struct hcl_parser *p, const struct hcl_token *t)
{
	size_t start = t->start, pos = t->end, m0 = t->m0, m1 = t->m1;
	size_t base = p->ns, prev, next, mend = 0;
	int line_start = 1, strip = 0, stop, any = 0, flush = t->flush;
	for (;;) {
		struct node lit;
		if (line_start && hcl_heredoc_closer(p, pos, m0, m1, &mend))
			break;
		if (pos >= p->len)
			return unterminated(p, start, m0, m1);
		hcl_heredoc_chunk(p, pos, &lit, &next, &stop);
		if (stop == STOP_BAD_CR)
			return hcl_fail(p, next, next + 1, IN_SYNTAX,
					"a carriage return that is not part of a "
					"CRLF line break, in a heredoc");
		prev = push_chunk(p, &lit, pos, next, strip);
		strip = 0;
		line_start = stop == STOP_EOL;
		pos = next;
		if (stop == STOP_INTERP || stop == STOP_DIRECTIVE) {
			if (parse_seq(p, pos, prev, &strip))
				return -1;
			any = 1;
			pos = p->pos;
		}
	}
	p->pos = mend;
	p->peek_ok = 0;
	return finish(p, base, start, mend, any, S_BLOCK, flush);
}
