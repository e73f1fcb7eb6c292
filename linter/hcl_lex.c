/* hcl_lex.c - characters, tokens and numbers of the HCL native syntax, and
 * the loader's error helpers. See hcl_lex.h. */
#include "hcl_lex.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

int hcl_fail(struct hcl_parser *p, size_t off, size_t end, int kind,
	     const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	load_error_set(&p->c->err, p->len, off, end, kind, fmt, ap);
	va_end(ap);
	return -1;
}

void hcl_related(struct hcl_parser *p, size_t off, const char *fmt, ...)
{
	struct load_error *e = &p->c->err;
	va_list ap;
	e->has_related = 1;
	e->related_off = off;
	va_start(ap, fmt);
	vsnprintf(e->related_msg, sizeof(e->related_msg), fmt, ap);
	va_end(ap);
}

/* ---- characters ---- */

/* The code point of the UTF-8 sequence at s[0..n) and its length in *l,
 * or *l = 0 when the bytes are not UTF-8 (the caller checked the file, but
 * the loader must not trust that). */
static unsigned utf8_at(const char *s, size_t n, size_t *l)
{
	long cp = 0;
	*l = n ? utf8_valid((const unsigned char *)s, n, &cp, NULL) : 0;
	return *l ? (unsigned)cp : 0;
}

static int is_uspace(unsigned cp)
{
	return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85 ||
	       cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
	       cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
	       cp == 0x3000;
}

size_t hcl_space_len(const char *s, size_t n)
{
	size_t l;
	unsigned cp;
	if (n && (unsigned char)s[0] < 0x80)
		return is_uspace((unsigned char)s[0]) ? 1 : 0;
	cp = utf8_at(s, n, &l);
	return l && is_uspace(cp) ? l : 0;
}

/* Identifiers are Unicode ID_Start / ID_Continue plus '-'. Without the
 * Unicode tables, a non-ASCII character counts as a letter by block: the
 * letters of the world's scripts are in, the blocks of punctuation,
 * symbols, arrows, shapes, emoji, private use and non-characters are out
 * (hclsyntax rejects those as invalid characters). Terraform files are
 * ASCII in practice; this never splits a real identifier. */
static int uni_ident(unsigned cp)
{
	if (cp < 0xC0)
		return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
	if (cp < 0x2000)
		return cp != 0xD7 && cp != 0xF7 && cp != 0x37E && cp != 0x387 &&
		       cp != 0x589 && cp != 0x5BE && cp != 0x1680 &&
		       !(cp >= 0x55A && cp <= 0x55F) && !(cp >= 0x600 && cp <= 0x60F) &&
		       !(cp >= 0x61B && cp <= 0x61F);
	if (cp < 0x2C00)
		return cp == 0x203F || cp == 0x2040 || cp == 0x2054 || cp == 0x2071 ||
		       cp == 0x207F || (cp >= 0x2090 && cp <= 0x209C);
	if (cp < 0x2E00)
		return 1;
	if (cp < 0x3040)
		return (cp >= 0x3005 && cp <= 0x3007) || (cp >= 0x3021 && cp <= 0x3029) ||
		       (cp >= 0x3031 && cp <= 0x3035) || (cp >= 0x3038 && cp <= 0x303C);
	if (cp < 0xE000)
		return !(cp >= 0xD800) && !(cp >= 0xA490 && cp <= 0xA4CF);
	if (cp < 0xF900)
		return 0; /* private use */
	if (cp < 0xFE00)
		return !(cp >= 0xFDD0 && cp <= 0xFDEF) && cp != 0xFD3E && cp != 0xFD3F &&
		       cp < 0xFDFC;
	if (cp < 0xFF00)
		return cp < 0xFE10 || (cp >= 0xFE20 && cp <= 0xFE2F) ||
		       cp == 0xFE33 || cp == 0xFE34 || (cp >= 0xFE4D && cp <= 0xFE4F) ||
		       (cp >= 0xFE70 && cp <= 0xFEFC);
	if (cp < 0x10000)
		return (cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
		       cp == 0xFF3F || (cp >= 0xFF41 && cp <= 0xFF5A) ||
		       (cp >= 0xFF66 && cp <= 0xFFDC);
	if (cp < 0x1F000)
		return !(cp >= 0x1D000 && cp <= 0x1D24F);
	return (cp >= 0x20000 && cp <= 0x3FFFF) || (cp >= 0xE0100 && cp <= 0xE01EF);
}

static const unsigned char ident_ascii[256] = {
	[0x80 ... 0xFF] = 4,
	['-'] = 2, ['_'] = 3,
	['0'] = 2, ['1'] = 2, ['2'] = 2, ['3'] = 2, ['4'] = 2,
	['5'] = 2, ['6'] = 2, ['7'] = 2, ['8'] = 2, ['9'] = 2,
	['a'] = 3, ['b'] = 3, ['c'] = 3, ['d'] = 3, ['e'] = 3, ['f'] = 3,
	['g'] = 3, ['h'] = 3, ['i'] = 3, ['j'] = 3, ['k'] = 3, ['l'] = 3,
	['m'] = 3, ['n'] = 3, ['o'] = 3, ['p'] = 3, ['q'] = 3, ['r'] = 3,
	['s'] = 3, ['t'] = 3, ['u'] = 3, ['v'] = 3, ['w'] = 3, ['x'] = 3,
	['y'] = 3, ['z'] = 3,
	['A'] = 3, ['B'] = 3, ['C'] = 3, ['D'] = 3, ['E'] = 3, ['F'] = 3,
	['G'] = 3, ['H'] = 3, ['I'] = 3, ['J'] = 3, ['K'] = 3, ['L'] = 3,
	['M'] = 3, ['N'] = 3, ['O'] = 3, ['P'] = 3, ['Q'] = 3, ['R'] = 3,
	['S'] = 3, ['T'] = 3, ['U'] = 3, ['V'] = 3, ['W'] = 3, ['X'] = 3,
	['Y'] = 3, ['Z'] = 3,
};

/* Length of the identifier character at i (1: may start, 2: continue
 * only), in *l; 0 when none. */
static int ident_char(const struct hcl_parser *p, size_t i, size_t *l)
{
	unsigned char ch = (unsigned char)p->b[i];
	unsigned cp;
	if (i >= p->len)
		return 0;
	if (ch < 0x80) {
		*l = 1;
		return ident_ascii[ch] == 3 ? 1 : ident_ascii[ch] == 2 ? 2 : 0;
	}
	cp = utf8_at(p->b + i, p->len - i, l);
	return *l && uni_ident(cp) ? 1 : 0;
}

static size_t ident_end(const struct hcl_parser *p, size_t i)
{
	const unsigned char *b = (const unsigned char *)p->b;
	size_t l;
	for (;;) {
		/* b[len] is NUL, which ends an identifier */
		while (ident_ascii[b[i]] & 2)
			i++;
		if (ident_ascii[b[i]] != 4 || i >= p->len || !ident_char(p, i, &l))
			return i;
		i += l;
	}
}

/* ---- tokens ---- */

static void tok(struct hcl_token *t, int type, size_t s, size_t e)
{
	t->type = (uint8_t)type;
	t->start = (uint32_t)s;
	t->end = (uint32_t)e;
}

static void bad(struct hcl_token *t, int why, size_t s, size_t e)
{
	tok(t, T_BAD, s, e);
	t->bad = (uint8_t)why;
}

/* <<MARKER or <<-MARKER at i, then directly a line break. */
static int heredoc_start(const struct hcl_parser *p, size_t i,
			 struct hcl_token *t)
{
	size_t s = i, m0, m1, l;
	int flush = 0;
	i += 2;
	if (i < p->len && p->b[i] == '-')
		i++, flush = 1;
	m0 = i;
	if (ident_char(p, i, &l) != 1)
		return 0;
	m1 = ident_end(p, i);
	if (m1 < p->len && p->b[m1] == '\n')
		l = 1;
	else if (m1 + 1 < p->len && p->b[m1] == '\r' && p->b[m1 + 1] == '\n')
		l = 2;
	else
		return 0;
	tok(t, T_HEREDOC, s, m1 + l);
	t->flush = (uint8_t)flush;
	t->m0 = (uint32_t)m0;
	t->m1 = (uint32_t)m1;
	return 1;
}

static inline __attribute__((always_inline)) void
lex(const struct hcl_parser *p, size_t i, struct hcl_token *t)
{
	const char *b = p->b;
	size_t l;
	unsigned char ch;

	t->bad = t->flush = 0;
	for (;;) {
		/* indentation and alignment: eight spaces at a time */
		while (i + 8 <= p->len) {
			uint64_t w;
			memcpy(&w, b + i, 8);
			if (w != 0x2020202020202020ULL)
				break;
			i += 8;
		}
		/* b[len] is NUL: it ends the run of spaces */
		while (b[i] == ' ' || b[i] == '\t')
			i++;
		if (i >= p->len) {
			tok(t, T_EOF, p->len, p->len);
			return;
		}
		ch = (unsigned char)b[i];
		if (ch == '/' && b[i + 1] == '*' && i + 1 < p->len) {
			/* a block comment is a space, even across lines */
			const char *e = i + 2 < p->len ?
				memmem(b + i + 2, p->len - i - 2, "*/", 2) : NULL;
			if (!e) {
				bad(t, BAD_COMMENT, i, i + 2);
				return;
			}
			i = (size_t)(e - b) + 2;
		} else {
			break;
		}
	}
	switch (ch) {
	case '\n':
		tok(t, T_NL, i, i + 1);
		return;
	case '\r':
		if (b[i + 1] == '\n' && i + 1 < p->len)
			tok(t, T_NL, i, i + 2);
		else
			bad(t, BAD_CR, i, i + 1);
		return;
	case '#':
		goto line_comment;
	case '/':
		if (b[i + 1] == '/' && i + 1 < p->len)
			goto line_comment;
		tok(t, T_SLASH, i, i + 1);
		return;
	case '"': tok(t, T_OQUOTE, i, i + 1); return;
	case '{': tok(t, T_LBRACE, i, i + 1); return;
	case '}': tok(t, T_RBRACE, i, i + 1); return;
	case '[': tok(t, T_LBRACK, i, i + 1); return;
	case ']': tok(t, T_RBRACK, i, i + 1); return;
	case '(': tok(t, T_LPAREN, i, i + 1); return;
	case ')': tok(t, T_RPAREN, i, i + 1); return;
	case ',': tok(t, T_COMMA, i, i + 1); return;
	case '?': tok(t, T_QUESTION, i, i + 1); return;
	case '+': tok(t, T_PLUS, i, i + 1); return;
	case '-': tok(t, T_MINUS, i, i + 1); return;
	case '%': tok(t, T_PERCENT, i, i + 1); return;
	case '.':
		if (b[i + 1] == '.' && b[i + 2] == '.' && i + 2 < p->len)
			tok(t, T_ELLIPSIS, i, i + 3);
		else
			tok(t, T_DOT, i, i + 1);
		return;
	case ':':
		if (b[i + 1] == ':' && i + 1 < p->len)
			tok(t, T_DCOLON, i, i + 2);
		else
			tok(t, T_COLON, i, i + 1);
		return;
	case '*':
		if (b[i + 1] == '*' && i + 1 < p->len)
			bad(t, BAD_POW, i, i + 2);
		else
			tok(t, T_STAR, i, i + 1);
		return;
	case '=':
		if (b[i + 1] == '=' && i + 1 < p->len)
			tok(t, T_EQ, i, i + 2);
		else if (b[i + 1] == '>' && i + 1 < p->len)
			tok(t, T_ARROW, i, i + 2);
		else
			tok(t, T_ASSIGN, i, i + 1);
		return;
	case '!':
		if (b[i + 1] == '=' && i + 1 < p->len)
			tok(t, T_NE, i, i + 2);
		else
			tok(t, T_BANG, i, i + 1);
		return;
	case '<':
		if (b[i + 1] == '<' && i + 1 < p->len) {
			if (!heredoc_start(p, i, t))
				bad(t, BAD_HEREDOC, i, i + 2);
		} else if (b[i + 1] == '=' && i + 1 < p->len) {
			tok(t, T_LE, i, i + 2);
		} else {
			tok(t, T_LT, i, i + 1);
		}
		return;
	case '>':
		if (b[i + 1] == '=' && i + 1 < p->len)
			tok(t, T_GE, i, i + 2);
		else
			tok(t, T_GT, i, i + 1);
		return;
	case '&':
		if (b[i + 1] == '&' && i + 1 < p->len)
			tok(t, T_AND, i, i + 2);
		else
			bad(t, BAD_AMP, i, i + 1);
		return;
	case '|':
		if (b[i + 1] == '|' && i + 1 < p->len)
			tok(t, T_OR, i, i + 2);
		else
			bad(t, BAD_PIPE, i, i + 1);
		return;
	case '~':
		if (b[i + 1] == '}' && i + 1 < p->len)
			tok(t, T_STRIP_RBRACE, i, i + 2);
		else
			bad(t, BAD_TILDE, i, i + 1);
		return;
	case '\'': bad(t, BAD_SQUOTE, i, i + 1); return;
	case '`': bad(t, BAD_BACKTICK, i, i + 1); return;
	case ';': bad(t, BAD_SEMI, i, i + 1); return;
	case '^': bad(t, BAD_CARET, i, i + 1); return;
	case '\0': bad(t, BAD_NUL, i, i + 1); return;
	default:
		break;
	}
	if (ch >= '0' && ch <= '9') {
		size_t e = i;
		while (e < p->len && b[e] >= '0' && b[e] <= '9')
			e++;
		if (b[e] == '.' && e + 1 < p->len && b[e + 1] >= '0' && b[e + 1] <= '9') {
			e++;
			while (e < p->len && b[e] >= '0' && b[e] <= '9')
				e++;
		}
		if ((b[e] == 'e' || b[e] == 'E') && e < p->len) {
			size_t k = e + 1;
			if (k < p->len && (b[k] == '+' || b[k] == '-'))
				k++;
			if (k < p->len && b[k] >= '0' && b[k] <= '9') {
				size_t d = 0;
				long long x = 0;
				while (i + d < p->len && b[i + d] >= '0' && b[i + d] <= '9')
					d++;
				while (k < p->len && b[k] >= '0' && b[k] <= '9') {
					if (x < 100000000000LL)
						x = x * 10 + (b[k] - '0');
					k++;
				}
				if (b[e + 1] == '-' ? x >= 2147483650LL
						    : x + (long long)d - 1 >= 2147483647LL) {
					/* beyond the exponents of hclsyntax's
					 * big floats: it refuses the literal */
					bad(t, BAD_NUMBER, i, k);
					return;
				}
				e = k;
			}
		}
		tok(t, T_NUMBER, i, e);
		return;
	}
	if (ident_char(p, i, &l) == 1) {
		tok(t, T_IDENT, i, ident_end(p, i + l));
		return;
	}
	if (ch >= 0x80 && (utf8_at(b + i, p->len - i, &l), l == 0))
		bad(t, BAD_UTF8, i, i + 1);
	else
		bad(t, BAD_CHAR, i, i + (ch >= 0x80 ? l : 1));
	return;

line_comment:
	{
		const char *e = memchr(b + i, '\n', p->len - i);
		tok(t, T_NL, i, e ? (size_t)(e - b) + 1 : p->len);
	}
}

void hcl_lex(const struct hcl_parser *p, size_t pos, struct hcl_token *t)
{
	lex(p, pos, t);
}

/* Here rather than in hcl.c, so that the lexer is inlined into it. */
const struct hcl_token *hcl_peek_lex(struct hcl_parser *p)
{
	size_t i = p->pos;
	for (;;) {
		lex(p, i, &p->peek);
		if (p->peek.type != T_NL || p->nl)
			break;
		i = p->peek.end;
	}
	p->peek_ok = 1;
	p->peek_pos = p->pos;
	p->peek_nl = p->nl;
	return &p->peek;
}

const char *hcl_tok_what(const struct hcl_parser *p, const struct hcl_token *t,
			 char *buf, size_t n)
{
	size_t l = t->end - t->start;
	switch (t->type) {
	case T_EOF: return "end of the file";
	case T_NL:
		return p->b[t->start] == '#' || p->b[t->start] == '/' ?
			"comment (which ends the line)" : "end of the line";
	case T_OQUOTE: return "string";
	case T_HEREDOC: return "heredoc";
	case T_IDENT:
		snprintf(buf, n, "'%.*s'", (int)(l > 40 ? 40 : l), p->b + t->start);
		return buf;
	case T_NUMBER:
		snprintf(buf, n, "number %.*s", (int)(l > 40 ? 40 : l),
			 p->b + t->start);
		return buf;
	case T_BAD:
		if (t->bad == BAD_UTF8)
			return "byte that is not UTF-8";
		if (t->bad == BAD_NUL)
			return "NUL byte";
		if ((unsigned char)p->b[t->start] < 0x20 ||
		    p->b[t->start] == 0x7f) {
			snprintf(buf, n, "control character U+%04X",
				 (unsigned char)p->b[t->start]);
			return buf;
		}
		break;
	default:
		break;
	}
	snprintf(buf, n, "'%.*s'", (int)(l > 8 ? 8 : l), p->b + t->start);
	return buf;
}

int hcl_bad_token(struct hcl_parser *p, const struct hcl_token *t,
		  const char *expected)
{
	char buf[64];
	size_t s = t->start, e = t->end;
	if (t->type == T_BAD) {
		switch (t->bad) {
		case BAD_SQUOTE:
			return hcl_fail(p, s, e, IN_SYNTAX,
					"single quotes are not valid in HCL: strings "
					"use double quotes (\"...\") (expected %s)",
					expected);
		case BAD_BACKTICK:
			return hcl_fail(p, s, e, IN_SYNTAX,
					"backticks are not valid in HCL: use double "
					"quotes, or a heredoc (<<EOT) for text over "
					"several lines (expected %s)",
					expected);
		case BAD_SEMI:
			return hcl_fail(p, s, e, IN_SYNTAX,
					"';' is not valid in HCL: put each argument "
					"on its own line (expected %s)",
					expected);
		case BAD_AMP:
			return hcl_fail(p, s, e, IN_SYNTAX,
					"bitwise '&' is not an HCL operator: did you "
					"mean the boolean and, '&&'?");
		case BAD_PIPE:
			return hcl_fail(p, s, e, IN_SYNTAX,
					"bitwise '|' is not an HCL operator: did you "
					"mean the boolean or, '||'?");
		case BAD_CARET:
			return hcl_fail(p, s, e, IN_SYNTAX,
					"'^' is not an HCL operator (there are no "
					"bitwise operators)");
		case BAD_POW:
			return hcl_fail(p, s, e, IN_SYNTAX,
					"'**' is not an HCL operator: use the pow(x, "
					"y) function for powers");
		case BAD_TILDE:
			return hcl_fail(p, s, e, IN_SYNTAX,
					"'~' is only valid as a strip marker right "
					"inside a template's braces: \"${~ x ~}\" or "
					"\"%%{~ if c ~}\"");
		case BAD_COMMENT:
			hcl_fail(p, s, e, IN_SYNTAX,
				 "unterminated comment: '/*' is never closed by "
				 "'*/'");
			hcl_related(p, s, "comment opened here");
			return -1;
		case BAD_HEREDOC:
			return hcl_fail(p, s, e, IN_SYNTAX,
					"a heredoc starts with <<MARKER or <<-MARKER "
					"(an identifier) and a line break right after "
					"the marker (expected %s)",
					expected);
		case BAD_NUMBER:
			return hcl_fail(p, s, e, IN_SYNTAX,
					"number out of range: its exponent is beyond "
					"what HCL can represent (about 10^2147483647)");
		case BAD_CR:
			return hcl_fail(p, s, e, IN_SYNTAX,
					"a carriage return that is not part of a "
					"CRLF line break (expected %s)",
					expected);
		case BAD_UTF8:
			return hcl_fail(p, s, e, IN_ENCODING,
					"a byte that is not UTF-8 (expected %s)",
					expected);
		default:
			break;
		}
		return hcl_fail(p, s, e, IN_SYNTAX,
				"unexpected %s: it is not part of the HCL syntax "
				"(expected %s)",
				hcl_tok_what(p, t, buf, sizeof(buf)), expected);
	}
	if (t->type == T_EOF)
		return hcl_fail(p, s, e, IN_SYNTAX, "unexpected end of the file: "
				"expected %s", expected);
	return hcl_fail(p, s, e, IN_SYNTAX, "unexpected %s: expected %s",
			hcl_tok_what(p, t, buf, sizeof(buf)), expected);
}

/* ---- numbers ---- */

void hcl_number(const struct hcl_parser *p, size_t s, size_t e, int neg,
		struct node *n)
{
	const char *b = p->b;
	size_t k;
	int is_float = 0;
	for (k = s; k < e; k++)
		if (b[k] == '.' || b[k] == 'e' || b[k] == 'E')
			is_float = 1;
	n->style = S_PLAIN;
	n->flags = 0;
	n->len = 0;
	if (!is_float) {
		load_int(n, b + s, e - s, neg);
	} else {
		char tmp[64], *big = NULL, *t = tmp;
		size_t l = e - s;
		double d;
		if (l + 2 > sizeof(tmp))
			t = big = xmalloc(l + 2);
		t[0] = '-';
		memcpy(t + 1, b + s, l);
		t[l + 1] = '\0';
		d = strtod(neg ? t : t + 1, NULL);
		free(big);
		n->kind = N_FLOAT;
		n->u.f = d;
		if (isinf(d))
			n->flags = NF_BIG;
	}
}
