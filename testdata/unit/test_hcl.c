/* test_hcl.c - the HCL loader (linter/hcl*.c): every expression form, the
 * tree mapping of hcl.h, spans, strip markers and heredoc indentation,
 * errors with their positions and related places, duplicates, limits and
 * hostile input (deep nesting, unterminated constructs, NUL, bad UTF-8).
 *
 * Trees are compared through a compact rendering: 'x' is an N_STR written
 * plainly, "x" quoted, <x> a heredoc; B{..} a body, L{..} a label map, {..}
 * an object, [..] a list, k! a block's type; (op kid ...) an N_EXPR, with
 * "..." after op for NF_EXPAND. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../linter/hcl.h"
#include "../../linter/load.h"
#include "../../linter/tree.h"
#include "check.h"



static struct arena arena;
static struct load_ctx ctx;
static const char *text;
static int ndups;
static char dupbuf[256];

static void on_dup(void *ud, const struct node *a, const struct node *b)
{
	(void)ud;
	CHECK(a->start < b->start, "first before duplicate");
	if (ndups++ == 0)
		snprintf(dupbuf, sizeof(dupbuf), "%s@%u,%u", b->u.str, a->start,
			 b->start);
}

static struct node *parse_n(const char *t, size_t len, unsigned depth)
{
	arena_release(&arena);
	arena_init(&arena);
	memset(&ctx, 0, sizeof(ctx));
	ctx.a = &arena;
	ctx.max_depth = depth;
	ctx.on_dup = on_dup;
	ndups = 0;
	dupbuf[0] = '\0';
	text = t;
	return hcl_parse(&ctx, t, len);
}

static struct node *parse(const char *t)
{
	return parse_n(t, strlen(t), 64);
}

/* ---- rendering ---- */

struct out {
	char s[4096];
	size_t n;
};

static void put(struct out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void put(struct out *o, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (o->n < sizeof(o->s))
		o->n += (size_t)vsnprintf(o->s + o->n, sizeof(o->s) - o->n, fmt, ap);
	va_end(ap);
	if (o->n >= sizeof(o->s))
		o->n = sizeof(o->s) - 1;
}

static void render(struct out *o, const struct node *n)
{
	static const char *ops[] = { "trav", "idx", "splat", "call", "tmpl",
				     "tif", "tfor", "cond", "bin", "un",
				     "fort", "foro", "paren" };
	uint32_t i;
	switch (n->kind) {
	case N_NULL: put(o, "null"); return;
	case N_BOOL: put(o, n->u.b ? "true" : "false"); return;
	case N_INT:
		if (n->flags & NF_BIG)
			put(o, "big");
		else
			put(o, "%lld", n->u.i);
		return;
	case N_FLOAT:
		put(o, (n->flags & NF_BIG) ? "bigf" : "%gf", n->u.f);
		return;
	case N_STR: {
		char q = n->style == S_QUOTED ? '"' : n->style == S_BLOCK ? '<' : '\'';
		put(o, "%c", q);
		for (i = 0; i < n->len; i++) {
			char c = n->u.str[i];
			if (c == '\n')
				put(o, "\\n");
			else if (c == '\t')
				put(o, "\\t");
			else
				put(o, "%c", c);
		}
		put(o, "%c", q == '<' ? '>' : q);
		if (n->flags & NF_BLOCK)
			put(o, "!");
		return;
	}
	case N_SEQ:
		put(o, "[");
		for (i = 0; i < n->len; i++) {
			if (i)
				put(o, " ");
			render(o, &n->u.kids[i]);
		}
		put(o, "]");
		return;
	case N_MAP:
		put(o, "%s{", n->flags & NF_BODY ? "B" : n->flags & NF_LABEL ? "L" : "");
		for (i = 0; i < n->len; i++) {
			if (i)
				put(o, " ");
			render(o, map_key(n, i));
			put(o, "=");
			render(o, map_val(n, i));
		}
		put(o, "}");
		return;
	case N_EXPR:
		put(o, "(%s%s", n->style < 13 ? ops[n->style] : "?",
		    n->flags & NF_EXPAND ? "..." : "");
		for (i = 0; i < n->len; i++) {
			put(o, " ");
			render(o, &n->u.kids[i]);
		}
		put(o, ")");
		return;
	}
}

static const char *show(const struct node *n)
{
	static struct out o;
	o.n = 0;
	o.s[0] = '\0';
	if (!n)
		return "NULL";
	render(&o, n);
	return o.s;
}

/* T: the whole file renders as `want`. V: the value of attribute a of a
 * one-line file "a = EXPR". */
static void tree_is(int line, const char *t, const char *want)
{
	struct node *r = parse(t);
	const char *got = r ? show(r) : ctx.err.msg;
	check_count++;
	if (!r || strcmp(got, want) != 0) {
		check_failures++;
		printf("FAIL %s:%d: %s\n  got  %s\n  want %s\n", __FILE__, line, t,
		       got, want);
	}
}
#define T(t, want) tree_is(__LINE__, t, want)

static void value_is(int line, const char *expr, const char *want)
{
	char buf[1024];
	struct node *r;
	const char *got;
	snprintf(buf, sizeof(buf), "a = %s\n", expr);
	r = parse(buf);
	got = r ? show(map_val(r, 0)) : ctx.err.msg;
	check_count++;
	if (!r || strcmp(got, want) != 0) {
		check_failures++;
		printf("FAIL %s:%d: a = %s\n  got  %s\n  want %s\n", __FILE__, line,
		       expr, got, want);
	}
}
#define V(e, want) value_is(__LINE__, e, want)

/* ---- positions ---- */

static void line_col(const char *t, size_t off, int *line, int *col)
{
	size_t i;
	*line = 1;
	*col = 1;
	for (i = 0; i < off && t[i]; i++) {
		if (t[i] == '\n')
			++*line, *col = 1;
		else if (((unsigned char)t[i] & 0xC0) != 0x80)
			++*col;
	}
}

/* E: parsing fails at line:col with a message holding `msg`, with the
 * related place at rl:rc (0 for none) and the kind (enum input_kind). */
static void error_is(int ln, const char *t, size_t len, int kind, int line,
		     int col, const char *msg, int rl, int rc)
{
	struct node *r = parse_n(t, len, 64);
	int l, c;
	check_count++;
	if (r) {
		check_failures++;
		printf("FAIL %s:%d: accepted %s: %s\n", __FILE__, ln, t, show(r));
		return;
	}
	line_col(t, ctx.err.off, &l, &c);
	if (l != line || c != col || !strstr(ctx.err.msg, msg) ||
	    ctx.err.kind != kind) {
		check_failures++;
		printf("FAIL %s:%d: %s\n  got  %d:%d kind %d %s\n  want %d:%d kind "
		       "%d ...%s...\n",
		       __FILE__, ln, t, l, c, ctx.err.kind, ctx.err.msg, line, col,
		       kind, msg);
		return;
	}
	if (rl) {
		line_col(t, ctx.err.related_off, &l, &c);
		CHECK(ctx.err.has_related && l == rl && c == rc,
		      "%d: %s: related %d:%d (%s), want %d:%d", ln, t, l, c,
		      ctx.err.related_msg, rl, rc);
	} else {
		CHECK(!ctx.err.has_related, "%d: %s: unexpected related place %s",
		      ln, t, ctx.err.related_msg);
	}
}
#define E(t, line, col, msg) error_is(__LINE__, t, strlen(t), IN_SYNTAX, line, col, msg, 0, 0)
#define ER(t, line, col, msg, rl, rc) \
	error_is(__LINE__, t, strlen(t), IN_SYNTAX, line, col, msg, rl, rc)

/* The source text of a node's span. */
static const char *src_of(const struct node *n)
{
	static char buf[512];
	size_t l = n->end - n->start;
	if (l >= sizeof(buf))
		l = sizeof(buf) - 1;
	memcpy(buf, text + n->start, l);
	buf[l] = '\0';
	return buf;
}

#define SPAN(n, want) \
	CHECK((n) && strcmp(src_of(n), want) == 0, "span '%s', want '%s'", \
	      (n) ? src_of(n) : "(null)", want)

/* ---- cases ---- */

static void bodies(void)
{
	struct node *r;
	T("", "B{}");
	T("\n\n# only\n// comments\n/* and\nthis */\n", "B{}");
	T("a = 1\nb = \"x\"\n", "B{'a'=1 'b'=\"x\"}");
	T("a = 1", "B{'a'=1}");
	T("a = 1\r\nb = 2\r\n", "B{'a'=1 'b'=2}");
	T("a = 1 # end\nb = 2 // end\nc = /* mid */ 3 /* end */\n",
	  "B{'a'=1 'b'=2 'c'=3}");
	T("resource \"aws_backup_plan\" p {\n  name = \"n\"\n}\n",
	  "B{'resource'!=L{\"aws_backup_plan\"=L{'p'=B{'name'=\"n\"}}}}");
	T("rule {\n}\n", "B{'rule'!=B{}}");
	T("rule {}\n", "B{'rule'!=B{}}");
	T("rule { a = 1 }\nrule { a = 2 }\n", "B{'rule'!=B{'a'=1} 'rule'!=B{'a'=2}}");
	CHECK(ndups == 0, "repeated blocks are not duplicates (%d)", ndups);
	T("a {\n  b {\n    c = 1\n  }\n  d = [\n    1,\n  ]\n}\n",
	  "B{'a'!=B{'b'!=B{'c'=1} 'd'=[1]}}");
	T("my-block \"x\" {\n  my-attr = 1\n}", "B{'my-block'!=L{\"x\"=B{'my-attr'=1}}}");
	T("x \"a\\\"b\" {}\n", "B{'x'!=L{\"a\"b\"=B{}}}");
	T("\xEF\xBB\xBF" "a = 1\n", "B{'a'=1}");
	r = parse("\xEF\xBB\xBF" "a = 1\n");
	CHECK(r && r->start == 3 && r->end == 9, "BOM skipped: root %u..%u",
	      r ? r->start : 0, r ? r->end : 0);
	/* spans of a block: key, label maps, body */
	r = parse("x \"l1\" l2 {\n  a = 1\n}\n");
	if (r) {
		const struct node *l1 = map_val(r, 0), *l2 = map_val(l1, 0),
				  *body = map_val(l2, 0);
		SPAN(map_key(r, 0), "x");
		SPAN(map_key(l1, 0), "\"l1\"");
		SPAN(l1, "\"l1\" l2 {\n  a = 1\n}");
		SPAN(map_key(l2, 0), "l2");
		SPAN(body, "{\n  a = 1\n}");
		CHECK((l1->flags & NF_LABEL) && (l2->flags & NF_LABEL) &&
		      (body->flags & NF_BODY) && (map_key(r, 0)->flags & NF_BLOCK) &&
		      !(map_key(body, 0)->flags & NF_BLOCK),
		      "block flags");
		SPAN(map_key(body, 0), "a");
		SPAN(r, "x \"l1\" l2 {\n  a = 1\n}\n");
	}
}

static void literals(void)
{
	V("1", "1");
	V("0", "0");
	V("007", "7");
	V("-1", "-1");
	V("- 2", "-2");
	V("1.5", "1.5f");
	V("1e3", "1000f");
	V("2.5E-1", "0.25f");
	V("-1.5e+2", "-150f");
	V("--1", "(un '-' -1)");
	V("9223372036854775807", "9223372036854775807");
	V("-9223372036854775808", "-9223372036854775808");
	V("9223372036854775808", "big");
	V("123456789012345678901234567890", "big");
	V("1e400", "bigf");
	V("1e2147483646", "bigf");
	V("1e-2147483649", "0f");
	V("x.1e5", "(trav 'x' (idx 100000f))");
	V("\xE6\x97\xA5\xE6\x9C\xAC", "(trav '\xE6\x97\xA5\xE6\x9C\xAC')");
	V("a\xCC\x81" "b", "(trav 'a\xCC\x81" "b')");
	V("true", "true");
	V("false", "false");
	V("null", "null");
	V("\"x\"", "\"x\"");
	V("\"\"", "\"\"");
	V("\"a\\nb\\t\\\"\\\\\\r\"", "\"a\\nb\\t\"\\\r\"");
	V("\"\\u00e9\\U0001F600\"", "\"\xC3\xA9\xF0\x9F\x98\x80\"");
	V("\"$${x} %%{y} $ % $$ %% $5\"", "\"${x} %{y} $ % $$ %% $5\"");
	V("\"$$${x}\"", "\"$${x}\"");
	V("\"a#b // c /* d\"", "\"a#b // c /* d\"");
	V("<<EOT\nhi\n  there\nEOT", "<hi\\n  there\\n>");
	V("<<EOT\nEOT", "<>");
	V("<<EOT\n  x\n  EOT", "<  x\\n>");
	V("<<EOT\nno \\n escapes $${x}\nEOT", "<no \\n escapes ${x}\\n>");
	V("<<-EOT\n    a\n      b\n    EOT", "<a\\n  b\\n>");
	V("<<-EOT\n    a\n\n      \n    b\n  EOT", "<a\\n\\n      \\nb\\n>");
	V("<<-EOT\n\t  a\n\t b\n\tEOT", "< a\\nb\\n>");
	V("<<-EOT\n  x\r\n  EOT", "<x\r\\n>");
	V("[]", "[]");
	V("[1, \"a\", [true],]", "[1 \"a\" [true]]");
	V("[\n  1,\n  # c\n  2\n]", "[1 2]");
	V("{}", "{}");
	V("{a = 1, \"b\": 2\n c = 3,\n\n # x\n d = 4 // y\n}",
	  "{'a'=1 \"b\"=2 'c'=3 'd'=4}");
	V("{(k) = 1, a.b = 2, 1 = 3, \"${x}\" = 4, true = 5}",
	  "{(paren (trav 'k'))=1 (trav 'a' 'b')=2 1=3 (tmpl (trav 'x'))=4 true=5}");
	V("{\"SAP HANA on Amazon EC2\" = false}", "{\"SAP HANA on Amazon EC2\"=false}");
}

static void expressions(void)
{
	V("x", "(trav 'x')");
	V("my-var", "(trav 'my-var')");
	V("a - b", "(bin (trav 'a') '-' (trav 'b'))");
	V("a.b[0].*.c", "(trav 'a' 'b' (idx 0) (splat) 'c')");
	V("a[*].b[0]", "(trav 'a' (splat) 'b' (idx 0))");
	V("a.0", "(trav 'a' (idx 0))");
	V("a.0.b", "(trav 'a' (idx 0) 'b')");
	V("a[\"k\"][x]", "(trav 'a' (idx \"k\") (idx (trav 'x')))");
	V("a.null.true.for", "(trav 'a' 'null' 'true' 'for')");
	V("[1][0]", "(trav [1] (idx 0))");
	V("f()", "(call 'f')");
	V("f(1, x...)", "(call... 'f' 1 (trav 'x'))");
	V("f(1,\n 2,\n)", "(call 'f' 1 2)");
	V("provider::aws::arn_parse(x).account",
	  "(trav (call 'provider::aws::arn_parse' (trav 'x')) 'account')");
	V("true()", "(call 'true')");
	V("1 + 2 * 3", "(bin 1 '+' (bin 2 '*' 3))");
	V("1 * 2 + 3", "(bin (bin 1 '*' 2) '+' 3)");
	V("1 - 2 - 3", "(bin (bin 1 '-' 2) '-' 3)");
	V("a || b && c == d", "(bin (trav 'a') '||' (bin (trav 'b') '&&' "
	  "(bin (trav 'c') '==' (trav 'd'))))");
	V("a < b + 1 != c", "(bin (bin (trav 'a') '<' (bin (trav 'b') '+' 1)) "
	  "'!=' (trav 'c'))");
	V("a <= b >= c > d % 2 / 3", "(bin (bin (bin (trav 'a') '<=' (trav 'b')) "
	  "'>=' (trav 'c')) '>' (bin (bin (trav 'd') '%' 2) '/' 3))");
	V("!a", "(un '!' (trav 'a'))");
	V("!!a", "(un '!' (un '!' (trav 'a')))");
	V("-a.b[0]", "(un '-' (trav 'a' 'b' (idx 0)))");
	V("-1 + 2", "(bin -1 '+' 2)");
	V("a ? b : c ? d : e", "(cond (trav 'a') (trav 'b') (cond (trav 'c') "
	  "(trav 'd') (trav 'e')))");
	V("a || b ? 1 : null", "(cond (bin (trav 'a') '||' (trav 'b')) 1 null)");
	V("(1 + 2) * 3", "(bin (paren (bin 1 '+' 2)) '*' 3)");
	V("(\n  1\n)", "(paren 1)");
	V("(x).y", "(trav (paren (trav 'x')) 'y')");
	V("[for x in l : x]", "(fort null 'x' (trav 'l') (trav 'x') null)");
	V("[for i, x in l : x if i > 0]", "(fort 'i' 'x' (trav 'l') (trav 'x') "
	  "(bin (trav 'i') '>' 0))");
	V("{for k, v in m : k => v}", "(foro 'k' 'v' (trav 'm') (trav 'k') "
	  "(trav 'v') null)");
	V("{for v in m : v.t => v... if v.on}", "(foro... null 'v' (trav 'm') "
	  "(trav 'v' 't') (trav 'v') (trav 'v' 'on'))");
	V("{\n  for k, v in m :\n  k => v\n}", "(foro 'k' 'v' (trav 'm') "
	  "(trav 'k') (trav 'v') null)");
	V("[\n  for s in l :\n  s\n]", "(fort null 's' (trav 'l') (trav 's') null)");
	V("x ? {a = 1} : [2]", "(cond (trav 'x') {'a'=1} [2])");
}

static void templates(void)
{
	V("\"a${b}c\"", "(tmpl 'a' (trav 'b') 'c')");
	V("\"${x}\"", "(tmpl (trav 'x'))");
	V("\"${1}\"", "(tmpl 1)");
	V("\"${x}${y}\"", "(tmpl (trav 'x') (trav 'y'))");
	V("\"%{if a}x%{else}y%{endif}\"", "(tmpl (tif (trav 'a') (tmpl 'x') "
	  "(tmpl 'y')))");
	V("\"%{ if a }x%{ endif }\"", "(tmpl (tif (trav 'a') (tmpl 'x') null))");
	V("\"%{for k, v in m}${k}%{endfor}\"", "(tmpl (tfor 'k' 'v' (trav 'm') "
	  "(tmpl (trav 'k'))))");
	V("\"%{for v in m}%{if v}[${v}]%{endif}%{endfor}!\"",
	  "(tmpl (tfor null 'v' (trav 'm') (tmpl (tif (trav 'v') "
	  "(tmpl '[' (trav 'v') ']') null))) '!')");
	V("\"a  ${~ b ~}  c\"", "(tmpl 'a' (trav 'b') 'c')");
	V("\"a \\n ${~ b}\"", "(tmpl 'a' (trav 'b'))");
	V("\"${b ~}  \"", "(tmpl (trav 'b') '')");
	V("\"x  %{~ if c ~}  y  %{~ else ~}  z  %{~ endif ~}  w\"",
	  "(tmpl 'x' (tif (trav 'c') (tmpl 'y') (tmpl 'z')) 'w')");
	V("\"a${\"b${c}\"}\"", "(tmpl 'a' (tmpl 'b' (trav 'c')))");
	V("\"${\"in\"}\"", "(tmpl \"in\")");
	V("\"a-${join(\"-\", [\"${x}\", \"b\"])}\"",
	  "(tmpl 'a-' (call 'join' \"-\" [(tmpl (trav 'x')) \"b\"]))");
	V("\"${ {a = 1}.a }\"", "(tmpl (trav {'a'=1} 'a'))");
	V("\"${ lookup(m, \"k\", \"}\") }\"",
	  "(tmpl (call 'lookup' (trav 'm') \"k\" \"}\"))");
	V("\"${ # c\n x\n}\"", "(tmpl (trav 'x'))");
	V("<<EOT\nx ${y}\nEOT", "(tmpl 'x ' (trav 'y') '\\n')");
	V("<<EOT\n${x ~}\n\n  z\nEOT", "(tmpl (trav 'x') '\\n  z\\n')");
	V("<<-EOT\n    a ${b}\n   ${c}\n    d\n    EOT",
	  "(tmpl ' a ' (trav 'b') '\\n' (trav 'c') '\\n d\\n')");
	V("<<-EOT\n    ${x ~}\n      y\n    z\n    EOT",
	  "(tmpl '' (trav 'x') '      y\\nz\\n')");
	V("<<-EOT\n  ${a}\n    b\n  EOT", "(tmpl '' (trav 'a') '\\n  b\\n')");
	V("<<-EOT\n${a}\n    b\n  EOT", "(tmpl (trav 'a') '\\n    b\\n')");
	/* nested heredocs, the same marker too */
	V("<<EOT\nouter ${<<-EOT\n    inner\n    EOT\n} after\nEOT",
	  "(tmpl 'outer ' <inner\\n> ' after\\n')");
	V("<<A\n${f(<<B\nb\nB\n)}\nA", "(tmpl (call 'f' <b\\n>) '\\n')");
	V("<<EOT\n%{ for n in l ~}\n- ${n}\n%{ endfor ~}\ndone\nEOT",
	  "(tmpl (tfor null 'n' (trav 'l') (tmpl '- ' (trav 'n') '\\n')) "
	  "'done\\n')");
}

static void spans(void)
{
	struct node *r = parse("a = x.y[0] + f(1)\nb = \"p${q}r\"\nc = -1\n"
			       "d = {k = [1, 2]}\ne = a ? b : c\n");
	const struct node *v, *t;
	if (!r) {
		CHECK(0, "spans: %s", ctx.err.msg);
		return;
	}
	v = map_val(r, 0);
	SPAN(v, "x.y[0] + f(1)");
	SPAN(&v->u.kids[0], "x.y[0]");
	SPAN(&v->u.kids[0].u.kids[0], "x");
	SPAN(&v->u.kids[0].u.kids[1], "y");
	SPAN(&v->u.kids[0].u.kids[2], "[0]");
	SPAN(&v->u.kids[1], "+");
	SPAN(&v->u.kids[2], "f(1)");
	SPAN(&v->u.kids[2].u.kids[0], "f");
	t = map_val(r, 1);
	SPAN(t, "\"p${q}r\"");
	SPAN(&t->u.kids[0], "p");
	SPAN(&t->u.kids[1], "q");
	SPAN(&t->u.kids[2], "r");
	SPAN(map_val(r, 2), "-1");
	v = map_val(r, 3);
	SPAN(v, "{k = [1, 2]}");
	SPAN(map_key(v, 0), "k");
	SPAN(map_val(v, 0), "[1, 2]");
	SPAN(map_val(r, 4), "a ? b : c");
	r = parse("a = <<EOT\nx\nEOT\nb = \"%{if c}y%{endif}\"\nc = a.*.b\n");
	if (r) {
		SPAN(map_val(r, 0), "<<EOT\nx\nEOT");
		v = &map_val(r, 1)->u.kids[0];
		SPAN(v, "%{if c}y%{endif}");
		SPAN(&v->u.kids[1], "y");
		SPAN(&map_val(r, 2)->u.kids[1], ".*");
	}
}

static void errors(void)
{
	char deep[256];
	E("a = 'x'\n", 1, 5, "single quotes");
	E("a = 1;\n", 1, 6, "';'");
	E("a = 1 & 2\n", 1, 7, "'&&'");
	E("a = 1 | 2\n", 1, 7, "'||'");
	E("a = 1 ^ 2\n", 1, 7, "'^'");
	E("a = 2 ** 3\n", 1, 7, "pow");
	E("a = `x`\n", 1, 5, "backticks");
	E("a = x ~\n", 1, 7, "strip marker");
	E("a = 1, b = 2\n", 1, 6, "separated by line breaks");
	E("a = 1 b = 2\n", 1, 7, "line break after the argument");
	E("a = 1 +\n2\n", 1, 8, "expected an expression");
	E("a = x ?\n1 : 2\n", 1, 8, "expected an expression");
	ER("a = x ? 1\n", 1, 10, "':'", 1, 7);
	E("a = 1 /* x\n */ b = 2\n", 2, 5, "line break after the argument");
	ER("a = 1 /* x\n", 1, 7, "unterminated comment", 1, 7);
	ER("a = [1, 2\n", 2, 1, "'[' is never closed", 1, 5);
	ER("a = [1, 2}\n", 1, 10, "',' or ']'", 1, 5);
	ER("a = [1\n2]\n", 2, 1, "missing ','", 1, 5);
	ER("a = {b = 1\n", 2, 1, "'{' is never closed", 1, 5);
	ER("a = {b = 1 c = 2}\n", 1, 12, "after an object item", 1, 5);
	ER("a = {b 1}\n", 1, 8, "'=' or ':'", 1, 5);
	ER("a = f(1\n", 2, 1, "'(' is never closed", 1, 6);
	ER("a = (1\n", 2, 1, "'(' is never closed", 1, 5);
	ER("a = x[1\n", 2, 1, "'[' is never closed", 1, 6);
	ER("x {\n a = 1\n", 3, 1, "'{' is never closed", 1, 3);
	ER("a = \"abc\n", 1, 9, "unterminated string", 1, 5);
	ER("a = \"abc", 1, 9, "unterminated string", 1, 5);
	ER("a = <<EOT\nx\n", 3, 1, "no line holding only EOT", 1, 5);
	ER("a = <<-MARK\nx\n  MARK", 3, 7, "MARK needs a line break", 1, 5);
	ER("a = \"${x\"\n", 1, 9, "'}' to end the interpolation", 1, 6);
	ER("a = \"${\n", 2, 1, "expected an expression", 0, 0);
	E("a = \"%{ if x }y\"\n", 1, 6, "%{ if } is never closed");
	E("a = \"%{ else }\"\n", 1, 6, "without an open %{ if }");
	ER("a = \"%{ for x in y }%{ endif }\"\n", 1, 21, "without an open %{ if }",
	   1, 6);
	ER("a = \"%{ if x }%{ else }%{ else }%{ endif }\"\n", 1, 24,
	   "a second %{ else }", 1, 6);
	E("a = \"%{ bogus }\"\n", 1, 9, "template directive");
	E("a = \"\\q\"\n", 1, 6, "invalid escape '\\q'");
	E("a = \"\\u12\"\n", 1, 6, "4 hex digits");
	E("a = \"\\uD800\"\n", 1, 6, "UTF-8 can encode");
	E("a = \"\\U00110000\"\n", 1, 6, "UTF-8 can encode");
	E("x\n{\n}\n", 1, 2, "must be on the line");
	E("x\n", 1, 2, "'=' for an argument");
	E("x { a = 1, b = 2 }\n", 1, 10, "one argument");
	E("x { y {} }\n", 1, 7, "no nested block");
	E("x { a = 1 } y {}\n", 1, 13, "line break after the block");
	E("x {\n a = 1 }\n", 2, 8, "line break after the argument");
	E("x \"${y}\" {}\n", 1, 4, "literal string");
	E("\"a\" = 1\n", 1, 1, "not quoted");
	E("a: 1\n", 1, 2, "'=' for an argument");
	E("}\n", 1, 1, "argument (name = value)");
	E("a = a.0.1\n", 1, 6, "cannot be chained");
	E("a = a.\n", 1, 7, "attribute name after '.'");
	ER("a = f(x..., y)\n", 1, 8, "'...'", 1, 6);
	E("a = p::q\n", 1, 9, "'('");
	E("a = [for]\n", 1, 9, "variable name after 'for'");
	E("a = [for x l : x]\n", 1, 12, "'in'");
	E("a = {for k, v in m : v}\n", 1, 23, "'=>'");
	E("a = <<EOT \nx\nEOT\n", 1, 5, "heredoc starts with");
	E("a = <<\"EOT\"\nx\nEOT\n", 1, 5, "heredoc starts with");
	E("a = 1\rb = 2\n", 1, 6, "carriage return");
	E("a = <<EOT\nx\ry\nEOT\n", 2, 2, "carriage return");
	E("a = 1e2147483647\n", 1, 5, "out of range");
	E("a = 12345e2147483643\n", 1, 5, "out of range");
	E("a = 1e-2147483650\n", 1, 5, "out of range");
	E("a = 1e99999999999999999999999\n", 1, 5, "out of range");
	E("a = \xE2\x9C\x93\n", 1, 5, "not part of the HCL syntax");
	E("a = \xEF\xBF\xBF\n", 1, 5, "not part of the HCL syntax");
	error_is(__LINE__, "a = \xff\n", 6, IN_ENCODING, 1, 5, "not UTF-8", 0, 0);
	error_is(__LINE__, "a = \xc3\n", 6, IN_ENCODING, 1, 5, "not UTF-8", 0, 0);
	error_is(__LINE__, "a = \0\n", 6, IN_SYNTAX, 1, 5, "unexpected NUL byte", 0, 0);
	/* a nesting limit, at the bracket one level too deep */
	memset(deep, '[', 100);
	memcpy(deep, "a = ", 4);
	deep[100] = '\0';
	error_is(__LINE__, deep, strlen(deep), IN_LIMITS, 1, 69, "nesting deeper than 64",
		 0, 0);
}

static void duplicates_and_nul(void)
{
	char big[2048];
	size_t n = 0;
	int i;
	struct node *r = parse("a = 1\nb = 2\na = 3\n");
	CHECK(r && ndups == 1 && strcmp(dupbuf, "a@0,12") == 0,
	      "one duplicate attribute: %d %s", ndups, dupbuf);
	r = parse("a = 1\na {}\na {}\n");
	CHECK(r && ndups == 0, "a block may share an attribute's name (%d)", ndups);
	r = parse("a = {x = 1, \"x\" = 2, (x) = 3}\n");
	CHECK(r && ndups == 1, "duplicate object key (%d)", ndups);
	/* a body big enough for the sorted index */
	for (i = 0; i < 30; i++)
		n += (size_t)sprintf(big + n, "rule {}\nk%d = %d\n", i % 25, i);
	r = parse(big);
	CHECK(r && ndups == 5 && r->len == 60, "indexed body: %d duplicates, %u "
	      "pairs", ndups, r ? r->len : 0);
	CHECK(r && (r->flags & NF_INDEXED) && map_get(r, "k3") &&
	      map_get(r, "k3")->u.i == 28, "map_get on an indexed body");
	r = parse_n("a = \"x\0y\"\n", 10, 64);
	CHECK(r && ctx.has_nul && ctx.nul_off == 6 && map_val(r, 0)->len == 3,
	      "raw NUL in a string is kept and noted");
	r = parse("a = \"x\\u0000\"\n");
	CHECK(r && ctx.has_nul && ctx.nul_off == 6 && ctx.nul_end == 12,
	      "\\u0000 is noted (%zu..%zu)", ctx.nul_off, ctx.nul_end);
}

/* Nesting 100,000 deep of every construct: a limit error (IN_LIMITS), never
 * a crash, under the CLI's highest --max-depth too. */
static void deep(void)
{
	static const struct {
		const char *head, *unit, *tail;
	} forms[] = {
		{ "a = ", "[", "" },
		{ "a = ", "(", "" },
		{ "a = ", "{b = ", "" },
		{ "a = ", "f(", "" },
		{ "a = ", "x[", "" },
		{ "a = ", "\"${", "" },
		{ "a = ", "-", "1" },
		{ "a = ", "!", "x" },
		{ "a = ", "x ? y : ", "z" },
		{ "a = ", "<<EOT\n${", "" },
		{ "a = \"", "%{if x}", "\"" },
		{ "a = \"", "%{for x in y}", "\"" },
		{ "", "b {\n", "" },
		{ "", "b \"l\" {\n", "" },
		{ "a = ", "[for x in ", "" },
	};
	size_t f, k, n = 100000;
	unsigned depths[] = { 512, 10000 };
	for (f = 0; f < sizeof(forms) / sizeof(forms[0]); f++) {
		size_t hl = strlen(forms[f].head), ul = strlen(forms[f].unit),
		       tl = strlen(forms[f].tail), d;
		char *buf = malloc(hl + ul * n + tl + 1), *o = buf;
		memcpy(o, forms[f].head, hl);
		o += hl;
		for (k = 0; k < n; k++, o += ul)
			memcpy(o, forms[f].unit, ul);
		memcpy(o, forms[f].tail, tl + 1);
		for (d = 0; d < 2; d++) {
			struct node *r = parse_n(buf, strlen(buf), depths[d]);
			CHECK(!r && ctx.err.kind == IN_LIMITS, "%s x100000 at --max-depth %u: "
			      "%s (rule %d)", forms[f].unit, depths[d],
			      r ? "accepted" : ctx.err.msg, ctx.err.kind);
		}
		free(buf);
	}
	/* within the limit: fine */
	{
		char buf[512];
		memset(buf, '[', 200);
		memset(buf + 200, ']', 200);
		buf[400] = '\0';
		memmove(buf + 4, buf, 401);
		memcpy(buf, "a = ", 4);
		CHECK(parse_n(buf, strlen(buf), 512) != NULL, "200 levels: %s",
		      ctx.err.msg);
	}
}

/* Every prefix of a realistic file: parsed or one clean error, a span
 * inside the buffer; nothing else. */
static void prefixes(void)
{
	static const char f[] =
		"resource \"aws_backup_plan\" \"p\" {\n"
		"  name = \"plan-${var.env}\" # c\n"
		"  rule {\n"
		"    rule_name = \"daily\"\n"
		"    schedule  = \"cron(0 5 ? * * *)\"\n"
		"    lifecycle { delete_after = var.cold ? 120 : -1 }\n"
		"    copy_action {\n"
		"      destination_vault_arn = aws_backup_vault.dr[0].arn\n"
		"    }\n"
		"  }\n"
		"  tags = merge(local.tags, { for k, v in var.t : k => v... })\n"
		"  policy = <<-EOT\n"
		"    %{ if x ~}\n"
		"    ${jsonencode({a = [1, 2.5e3, \"\\u00e9\"]})}\n"
		"    %{ endif }\n"
		"    EOT\n"
		"}\n";
	size_t i, bad = 0;
	for (i = 0; i <= sizeof(f) - 1; i++) {
		char *b = malloc(i + 1);
		struct node *r;
		memcpy(b, f, i);
		b[i] = '\0';
		r = parse_n(b, i, 64);
		if (!r && (ctx.err.msg[0] == '\0' || ctx.err.off > i ||
			   ctx.err.end > i + 1 || ctx.err.kind != IN_SYNTAX))
			bad++;
		free(b);
	}
	CHECK(bad == 0, "%zu prefixes without a clean error", bad);
	CHECK(parse(f) != NULL, "the whole file parses: %s", ctx.err.msg);
}

int main(void)
{
	clock_t t0 = clock();
	arena_init(&arena);
	bodies();
	literals();
	expressions();
	templates();
	spans();
	errors();
	duplicates_and_nul();
	deep();
	prefixes();
	arena_release(&arena);
	printf("test_hcl: %.2fs\n", (double)(clock() - t0) / CLOCKS_PER_SEC);
	return check_done("test_hcl");
}
