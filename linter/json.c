/* json.c - strict JSON into the positioned tree, in one iterative pass.
 *
 * Containers are parsed with an explicit stack (no recursion, so nesting is
 * bounded only by max_depth). Finished values wait on a scratch stack; when
 * a container closes, its children are copied once into one arena array.
 * Each byte is looked at a small constant number of times. */
#include "load.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"


struct frame {
	uint32_t start;  /* offset of '{' or '[' */
	uint32_t base;   /* scratch index of the first child */
	uint8_t is_map;
};

struct parser {
	struct load_ctx *c;
	const char *b;
	size_t len, i;
	struct node *scratch;
	size_t ns, cap;
	struct frame *st;
	size_t nst, stcap;
	struct intern *strings;
};

static int fail(struct parser *p, size_t off, size_t end, int kind,
		const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static int fail(struct parser *p, size_t off, size_t end, int kind,
		const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	load_error_set(&p->c->err, p->len, off, end, kind, fmt, ap);
	va_end(ap);
	return -1;
}

/* A short printable rendering of the byte at i for messages. */
static const char *what(struct parser *p, size_t i, char *buf, size_t n)
{
	unsigned char ch;
	if (i >= p->len)
		return "end of file";
	ch = (unsigned char)p->b[i];
	if (ch == '\n' || ch == '\r')
		return "end of line";
	if (ch < 0x20 || ch == 0x7f)
		snprintf(buf, n, "control character U+%04X", ch);
	else if (ch >= 0x80)
		snprintf(buf, n, "'%.*s'", (int)(i + 4 <= p->len ? 4 : 1),
			 p->b + i); /* best effort: a multibyte char */
	else
		snprintf(buf, n, "'%c'", ch);
	if (ch >= 0x80) {
		/* cut the quoted UTF-8 sequence at its real length */
		size_t l = (ch >= 0xF0) ? 4 : (ch >= 0xE0) ? 3 : 2;
		snprintf(buf, n, "'%.*s'", (int)(i + l <= p->len ? l : 1),
			 p->b + i);
	}
	return buf;
}

static struct node *push(struct parser *p)
{
	if (p->ns == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 256;
		p->scratch = xrealloc(p->scratch, p->cap * sizeof(*p->scratch));
	}
	return &p->scratch[p->ns++];
}

static void skip_ws(struct parser *p)
{
	const char *b = p->b;
	size_t i = p->i;
	for (;;) {
		char ch = b[i];
		if (ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t')
			i++;
		else
			break;
	}
	p->i = i;
}

static int word_char(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	       (ch >= '0' && ch <= '9') || ch == '_' || ch == '-';
}

/* End of the bare word starting at i (an unquoted key, a misspelt true). */
static size_t word_end(const struct parser *p, size_t i)
{
	while (i < p->len && word_char(p->b[i]))
		i++;
	return i;
}

/* Offset just past the last non-blank byte before i. */
static size_t back_over_ws(const struct parser *p, size_t i)
{
	while (i > 0 && (p->b[i - 1] == ' ' || p->b[i - 1] == '\n' ||
			 p->b[i - 1] == '\r' || p->b[i - 1] == '\t'))
		i--;
	return i;
}

/* Explain what a non-JSON token at i is, the common mistakes by name. */
static int bad_token(struct parser *p, const char *expected)
{
	char buf[40];
	size_t i = p->i;
	char ch = i < p->len ? p->b[i] : 0;
	if (i >= p->len)
		return fail(p, i, i, IN_SYNTAX, "unexpected end of file: expected %s",
			    expected);
	if (ch == '/' && i + 1 < p->len && (p->b[i + 1] == '/' || p->b[i + 1] == '*'))
		return fail(p, i, i + 2, IN_SYNTAX,
			    "comments are not allowed in JSON (expected %s)",
			    expected);
	if (ch == '#')
		return fail(p, i, i + 1, IN_SYNTAX,
			    "comments are not allowed in JSON (expected %s)",
			    expected);
	if (ch == '\'')
		return fail(p, i, i + 1, IN_SYNTAX,
			    "strings must use double quotes in JSON, found a single "
			    "quote (expected %s)",
			    expected);
	if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_') {
		size_t e = word_end(p, i);
		return fail(p, i, e, IN_SYNTAX, "unexpected word '%.*s': expected %s",
			    (int)(e - i > 40 ? 40 : e - i), p->b + i, expected);
	}
	return fail(p, i, i + 1, IN_SYNTAX, "unexpected %s: expected %s",
		    what(p, i, buf, sizeof(buf)), expected);
}

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

static int read_u4(struct parser *p, size_t i, unsigned *out)
{
	unsigned v = 0;
	int k;
	for (k = 0; k < 4; k++) {
		int h = i + k < p->len ? hexval(p->b[i + k]) : -1;
		if (h < 0)
			return fail(p, i - 2, i + k + 1, IN_SYNTAX,
				    "\\u must be followed by four hex digits");
		v = v * 16 + (unsigned)h;
	}
	*out = v;
	return 0;
}

/* 1 for bytes that end the fast scan of a string: '"', '\\', controls. */
static const unsigned char stop[256] = {
	[0] = 1, [1] = 1, [2] = 1, [3] = 1, [4] = 1, [5] = 1, [6] = 1, [7] = 1,
	[8] = 1, [9] = 1, [10] = 1, [11] = 1, [12] = 1, [13] = 1, [14] = 1,
	[15] = 1, [16] = 1, [17] = 1, [18] = 1, [19] = 1, [20] = 1, [21] = 1,
	[22] = 1, [23] = 1, [24] = 1, [25] = 1, [26] = 1, [27] = 1, [28] = 1,
	[29] = 1, [30] = 1, [31] = 1, ['"'] = 1, ['\\'] = 1,
};

/* String at p->i (on the opening quote) into n. */
static int parse_string(struct parser *p, struct node *n)
{
	const char *b = p->b;
	size_t s = p->i + 1, i = s;
	char *out, *o;

	while (!stop[(unsigned char)b[i]])
		i++;
	if (b[i] == '"') {
		n->kind = N_STR;
		n->style = S_QUOTED;
		n->flags = NF_VERBATIM;
		n->len = (uint32_t)(i - s);
		n->u.str = intern_str(p->strings, p->c->a, b + s, i - s);
		n->start = (uint32_t)p->i;
		n->end = (uint32_t)(i + 1);
		p->i = i + 1;
		return 0;
	}
	/* Slow path: escapes. The decoded string is never longer. */
	{
		size_t e = i;
		while (e < p->len && b[e] != '"' && b[e] != '\n') {
			if (b[e] == '\\' && e + 1 < p->len)
				e++;
			e++;
		}
		out = arena_alloc(p->c->a, e - s + 1);
	}
	memcpy(out, b + s, i - s);
	o = out + (i - s);
	for (;;) {
		unsigned char ch = (unsigned char)b[i];
		if (ch == '"')
			break;
		if (i >= p->len)
			return fail(p, p->i, p->i + 1, IN_SYNTAX,
				    "unterminated string: no closing '\"' before the "
				    "end of the file");
		if (ch == '\n' || ch == '\r')
			return fail(p, p->i, i, IN_SYNTAX,
				    "unterminated string: line break before the "
				    "closing '\"' (write it as \\n)");
		if (ch < 0x20)
			return fail(p, i, i + 1, IN_SYNTAX,
				    "control character U+%04X must be escaped in a "
				    "JSON string",
				    ch);
		if (ch != '\\') {
			*o++ = (char)ch;
			i++;
			continue;
		}
		ch = (unsigned char)b[i + 1];
		switch (ch) {
		case '"': *o++ = '"'; break;
		case '\\': *o++ = '\\'; break;
		case '/': *o++ = '/'; break;
		case 'b': *o++ = '\b'; break;
		case 'f': *o++ = '\f'; break;
		case 'n': *o++ = '\n'; break;
		case 'r': *o++ = '\r'; break;
		case 't': *o++ = '\t'; break;
		case 'u': {
			unsigned cp, lo;
			if (read_u4(p, i + 2, &cp))
				return -1;
			if (cp == 0 && !p->c->has_nul) {
				/* reported by the caller; the string keeps it */
				p->c->has_nul = 1;
				p->c->nul_off = i;
				p->c->nul_end = i + 6;
			}
			if (cp >= 0xDC00 && cp <= 0xDFFF)
				return fail(p, i, i + 6, IN_ENCODING,
					    "lone low surrogate \\u%04X: not a "
					    "Unicode character",
					    cp);
			if (cp >= 0xD800 && cp <= 0xDBFF) {
				if (b[i + 6] != '\\' || b[i + 7] != 'u')
					return fail(p, i, i + 6, IN_ENCODING,
						    "lone high surrogate \\u%04X: "
						    "must be followed by a low "
						    "surrogate \\uDC00-\\uDFFF",
						    cp);
				if (read_u4(p, i + 8, &lo))
					return -1;
				if (lo < 0xDC00 || lo > 0xDFFF)
					return fail(p, i, i + 12, IN_ENCODING,
						    "high surrogate \\u%04X is "
						    "followed by \\u%04X, not a "
						    "low surrogate",
						    cp, lo);
				cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
				i += 6;
			}
			o = utf8_put(o, cp);
			i += 6;
			continue;
		}
		default:
			if (i + 1 >= p->len)
				return fail(p, p->i, p->i + 1, IN_SYNTAX,
					    "unterminated string");
			return fail(p, i, i + 2, IN_SYNTAX,
				    "invalid escape '\\%c' in a string (valid: \\\" "
				    "\\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)",
				    ch >= 0x20 && ch < 0x7f ? ch : '?');
		}
		i += 2;
	}
	*o = '\0';
	n->kind = N_STR;
	n->style = S_QUOTED;
	n->flags = 0;
	n->len = (uint32_t)(o - out);
	n->u.str = out;
	n->start = (uint32_t)p->i;
	n->end = (uint32_t)(i + 1);
	p->i = i + 1;
	return 0;
}

static int parse_number(struct parser *p, struct node *n)
{
	const char *b = p->b;
	size_t s = p->i, i = s;
	int is_float = 0;
	if (b[i] == '-')
		i++;
	if (b[i] == '0') {
		i++;
		if (b[i] >= '0' && b[i] <= '9')
			return fail(p, s, i + 1, IN_SYNTAX,
				    "numbers cannot have leading zeros in JSON");
	} else if (b[i] >= '1' && b[i] <= '9') {
		while (b[i] >= '0' && b[i] <= '9')
			i++;
	} else {
		return fail(p, s, i + 1, IN_SYNTAX,
			    "'-' must be followed by a digit");
	}
	if (b[i] == '.') {
		i++;
		is_float = 1;
		if (!(b[i] >= '0' && b[i] <= '9'))
			return fail(p, s, i, IN_SYNTAX,
				    "a digit must follow the decimal point");
		while (b[i] >= '0' && b[i] <= '9')
			i++;
	}
	if (b[i] == 'e' || b[i] == 'E') {
		i++;
		is_float = 1;
		if (b[i] == '+' || b[i] == '-')
			i++;
		if (!(b[i] >= '0' && b[i] <= '9'))
			return fail(p, s, i, IN_SYNTAX,
				    "a digit must follow the exponent");
		while (b[i] >= '0' && b[i] <= '9')
			i++;
	}
	n->style = S_PLAIN;
	n->flags = 0;
	n->len = 0;
	n->start = (uint32_t)s;
	n->end = (uint32_t)i;
	if (!is_float) {
		int neg = b[s] == '-';
		load_int(n, b + s + neg, i - s - (size_t)neg, neg);
	} else {
		char tmp[64], *end;
		double d;
		size_t l = i - s;
		if (l < sizeof(tmp)) {
			memcpy(tmp, b + s, l);
			tmp[l] = '\0';
			d = strtod(tmp, &end);
		} else {
			char *big = xmalloc(l + 1);
			memcpy(big, b + s, l);
			big[l] = '\0';
			d = strtod(big, &end);
			free(big);
		}
		n->kind = N_FLOAT;
		n->u.f = d;
		if (isinf(d))
			n->flags = NF_BIG;
	}
	p->i = i;
	return 0;
}

static int parse_literal(struct parser *p, struct node *n)
{
	const char *b = p->b + p->i;
	n->style = S_PLAIN;
	n->flags = 0;
	n->len = 0;
	n->start = (uint32_t)p->i;
	if (strncmp(b, "true", 4) == 0) {
		n->kind = N_BOOL;
		n->u.b = 1;
		p->i += 4;
	} else if (strncmp(b, "false", 5) == 0) {
		n->kind = N_BOOL;
		n->u.b = 0;
		p->i += 5;
	} else if (strncmp(b, "null", 4) == 0) {
		n->kind = N_NULL;
		n->u.i = 0;
		p->i += 4;
	} else {
		return bad_token(p, "a value");
	}
	n->end = (uint32_t)p->i;
	/* "trueish" is one bad word, not true followed by junk */
	if (word_char(p->b[p->i])) {
		p->i = n->start;
		return bad_token(p, "a value");
	}
	return 0;
}

/* Close the container on top of the stack into node n. */
static void close_container(struct parser *p, struct node *n, size_t end)
{
	struct frame *f = &p->st[p->nst - 1];
	size_t count = p->ns - f->base;
	n->kind = f->is_map ? N_MAP : N_SEQ;
	n->style = S_FLOW;
	n->flags = 0;
	n->start = f->start;
	n->end = (uint32_t)end;
	n->len = (uint32_t)(f->is_map ? count / 2 : count);
	if (count) {
		n->u.kids = arena_alloc(p->c->a, load_kids_size((uint32_t)count,
								 f->is_map));
		memcpy(n->u.kids, p->scratch + f->base, count * sizeof(struct node));
	} else {
		n->u.kids = NULL;
	}
	p->ns = f->base;
	p->nst--;
	if (f->is_map)
		load_index_map(p->c, n, 1);
}

static int open_frame(struct parser *p, int is_map)
{
	if (p->nst >= p->c->max_depth)
		return fail(p, p->i, p->i + 1, IN_LIMITS,
			    "nesting deeper than %u levels (raise the limit with "
			    "--max-depth)",
			    p->c->max_depth);
	if (p->nst == p->stcap) {
		p->stcap = p->stcap ? p->stcap * 2 : 32;
		p->st = xrealloc(p->st, p->stcap * sizeof(*p->st));
	}
	p->st[p->nst].start = (uint32_t)p->i;
	p->st[p->nst].base = (uint32_t)p->ns;
	p->st[p->nst].is_map = (uint8_t)is_map;
	p->nst++;
	p->i++;
	return 0;
}

static int unclosed(struct parser *p)
{
	struct frame *f = &p->st[p->nst - 1];
	struct load_error *e = &p->c->err;
	fail(p, p->len, p->len, IN_SYNTAX,
	     "unexpected end of file: '%c' is never closed",
	     f->is_map ? '{' : '[');
	e->has_related = 1;
	e->related_off = f->start;
	snprintf(e->related_msg, sizeof(e->related_msg), "'%c' opened here",
		 f->is_map ? '{' : '[');
	return -1;
}

static int parse(struct parser *p, struct node *root)
{
	struct node v;
	char buf[40];

	/* State machine: expect a value; after a value, expect ',' or a
	 * closer; in a map, a key and ':' come before each value. */
value:
	skip_ws(p);
	switch (p->b[p->i]) {
	case '{':
		if (open_frame(p, 1))
			return -1;
		skip_ws(p);
		if (p->b[p->i] == '}') {
			p->i++;
			close_container(p, &v, p->i);
			goto have_value;
		}
		goto key;
	case '[':
		if (open_frame(p, 0))
			return -1;
		skip_ws(p);
		if (p->b[p->i] == ']') {
			p->i++;
			close_container(p, &v, p->i);
			goto have_value;
		}
		goto value;
	case '"':
		if (parse_string(p, &v))
			return -1;
		goto have_value;
	case '-': case '0': case '1': case '2': case '3': case '4':
	case '5': case '6': case '7': case '8': case '9':
		if (parse_number(p, &v))
			return -1;
		goto have_value;
	default:
		if (p->i >= p->len && p->nst)
			return unclosed(p);
		if (p->b[p->i] == ']' || p->b[p->i] == '}') {
			/* "[1,]" or "{"a":1,}": name the trailing comma */
			size_t k = back_over_ws(p, p->i);
			if (k > 0 && p->b[k - 1] == ',')
				return fail(p, k - 1, k, IN_SYNTAX,
					    "trailing comma before '%c' is not "
					    "allowed in JSON",
					    p->b[p->i]);
		}
		if (p->b[p->i] == 'N' || p->b[p->i] == 'I' ||
		    (p->b[p->i] == '+' ))
			return fail(p, p->i, p->i + 1, IN_SYNTAX,
				    "NaN, Infinity and '+' signs are not JSON numbers");
		if (parse_literal(p, &v))
			return -1;
		goto have_value;
	}

key:
	skip_ws(p);
	if (p->b[p->i] != '"') {
		if (p->i >= p->len)
			return unclosed(p);
		if (p->b[p->i] == '}') {
			size_t k = back_over_ws(p, p->i);
			return fail(p, k - 1, k, IN_SYNTAX,
				    "trailing comma before '}' is not allowed in JSON");
		}
		{
			char ch = p->b[p->i];
			if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
			    ch == '_') {
				size_t e = word_end(p, p->i);
				return fail(p, p->i, e, IN_SYNTAX,
					    "object keys must be double-quoted "
					    "strings: write \"%.*s\"",
					    (int)(e - p->i > 60 ? 60 : e - p->i),
					    p->b + p->i);
			}
		}
		return bad_token(p, "a double-quoted key or '}'");
	}
	if (parse_string(p, push(p)))
		return -1;
	p->scratch[p->ns - 1].flags |= NF_KEY;
	skip_ws(p);
	if (p->b[p->i] != ':') {
		if (p->i >= p->len)
			return unclosed(p);
		return bad_token(p, "':' after the key");
	}
	p->i++;
	goto value;

have_value:
	if (p->nst == 0) {
		*root = v;
		skip_ws(p);
		if (p->i < p->len)
			return fail(p, p->i, p->i + 1, IN_SYNTAX,
				    "unexpected %s after the end of the JSON value "
				    "(only one top-level value is allowed)",
				    what(p, p->i, buf, sizeof(buf)));
		return 0;
	}
	*push(p) = v;
	skip_ws(p);
	{
		struct frame *f = &p->st[p->nst - 1];
		char ch = p->b[p->i];
		if (ch == ',') {
			p->i++;
			if (f->is_map)
				goto key;
			goto value;
		}
		if (ch == (f->is_map ? '}' : ']')) {
			p->i++;
			close_container(p, &v, p->i);
			goto have_value;
		}
		if (p->i >= p->len)
			return unclosed(p);
		if (ch == '"' || ch == '{' || ch == '[' ||
		    (ch >= '0' && ch <= '9'))
			return fail(p, p->i, p->i + 1, IN_SYNTAX,
				    "missing ',' before %s",
				    what(p, p->i, buf, sizeof(buf)));
		return bad_token(p, f->is_map ? "',' or '}'" : "',' or ']'");
	}
}

struct node *json_parse(struct load_ctx *c, const char *buf, size_t len)
{
	struct parser p;
	struct node *root;
	int r;

	memset(&p, 0, sizeof(p));
	memset(&c->err, 0, sizeof(c->err));
	p.c = c;
	p.b = buf;
	p.len = len;
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		p.i = 3;
	if (len > UINT32_MAX - 1) {
		fail(&p, 0, 0, IN_LIMITS, "file too large for positions (4 GiB)");
		return NULL;
	}
	root = arena_alloc(c->a, sizeof(*root));
	/* only big documents repeat enough to pay for the table */
	p.strings = len > 65536 ? xcalloc(1, sizeof(*p.strings)) : NULL;
	r = parse(&p, root);
	free(p.scratch);
	free(p.st);
	free(p.strings);
	return r ? NULL : root;
}

static int json_sniff(const char *name, const char *buf, size_t len)
{
	size_t i = 0;
	(void)name;
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\n' ||
			   buf[i] == '\r'))
		i++;
	return i < len && (buf[i] == '{' || buf[i] == '[') ? SNIFF_CONTENT
							  : SNIFF_NO;
}

static int json_load(struct load_ctx *c, const char *buf, size_t len,
		     const struct load_sink *k)
{
	struct node *root;
	c->a = k->new_doc(k->ud);
	root = json_parse(c, buf, len);
	if (!root)
		return -1;
	k->on_doc(k->ud, root);
	return 0;
}

static const char *const json_endings[] = { ".json", NULL };

const struct syntax json_syntax = {
	.name = "json",
	.endings = json_endings,
	.sniff = json_sniff,
	.load = json_load,
};
