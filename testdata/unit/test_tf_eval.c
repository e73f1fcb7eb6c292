/* test_tf_eval.c - Terraform values before `terraform plan` (rules/tf_eval.h):
 * each local of a module evaluated and written back as JSON-like text, "?"
 * for unknown and a leading "~" for a value assumed from a default. The
 * functions, operators, templates, `for` expressions, index and attribute
 * access, and what stays unknown (references, unknown functions, splats,
 * cycles, failures). */
#include <stdio.h>
#include <string.h>

#include "../../linter/strbuf.h"
#include "harness.h"
#include "lint.h"
#include "tf_eval.h"

static int fails;

static const char module[] =
	"variable \"days\" {\n"
	"  default = 7\n"
	"}\n"
	"variable \"none\" {}\n"
	"locals {\n"
	"  json  = jsonencode({ b = 1, a = \"<x&y>\", c = [true, null, 1.5] })\n"
	"  fmt   = format(\"%s-%d-%v%%\", \"x\", 5, true)\n"
	"  fmtw  = format(\"%5s\", \"x\")\n"
	"  tmpl  = \"a${1 + 2}b${\"c\"}\"\n"
	"  tif   = \"%{if 2 > 1}yes%{else}no%{endif}\"\n"
	"  tfor  = \"%{for x in [1] }${x}%{endfor}\"\n"
	"  merge = merge({ a = 1, b = 2 }, { b = 3 }, null)\n"
	"  cat   = concat([1], [2, 3])\n"
	"  look  = lookup({ a = 1 }, \"b\", \"d\")\n"
	"  lookx = lookup({ a = 1 }, \"b\")\n"
	"  try   = try(local.merge.zz, \"fallback\")\n"
	"  can   = can(local.merge.zz)\n"
	"  coal  = coalesce(null, \"\", \"x\")\n"
	"  max   = max(1, 5.5, 3)\n"
	"  min   = min(\"2\", 7)\n"
	"  len   = length(\"h\\u00e9llo\")\n"
	"  set   = toset([\"a\", \"b\", \"a\"])\n"
	"  for   = [for k, v in { a = 1, b = 2 } : \"${k}=${v}\" if v > 1]\n"
	"  forob = { for s in [\"x\", \"y\"] : s => upper(s) }\n"
	"  index = [10, 20, 30][1]\n"
	"  attr  = { a = { b = \"deep\" } }.a.b\n"
	"  cond  = 1 > 2 ? \"a\" : \"b\"\n"
	"  div   = 7 / 2\n"
	"  neg   = -(3)\n"
	"  and   = true && !false\n"
	"  var   = var.days * 2\n"
	"  part  = [var.days, 1]\n"
	"  none  = var.none\n"
	"  ref   = aws_s3_bucket.b.arn\n"
	"  refs  = [aws_s3_bucket.b.arn, \"x\"]\n"
	"  cyc   = local.cyc2\n"
	"  cyc2  = local.cyc\n"
	"  file  = file(\"x\")\n"
	"  splat = [1, 2][*]\n"
	"  oob   = [1][5]\n"
	"  expd  = max([1, 2]...)\n"
	"  nul   = null\n"
	"}\n";

static const struct {
	const char *local, *want;
} cases[] = {
	{ "json", "\"{\\\"a\\\":\\\"\\\\u003cx\\\\u0026y\\\\u003e\\\",\\\"b\\\":1,"
		  "\\\"c\\\":[true,null,1.5]}\"" },
	{ "fmt", "\"x-5-true%\"" },
	{ "fmtw", "?" },
	{ "tmpl", "\"a3bc\"" },
	{ "tif", "\"yes\"" },
	{ "tfor", "?" },
	{ "merge", "{\"a\":1,\"b\":3}" },
	{ "cat", "[1,2,3]" },
	{ "look", "\"d\"" },
	{ "lookx", "?" },
	{ "try", "\"fallback\"" },
	{ "can", "false" },
	{ "coal", "\"x\"" },
	{ "max", "5.5" },
	{ "min", "2" },
	{ "len", "5" },
	{ "set", "[\"a\",\"b\"]" },
	{ "for", "[\"b=2\"]" },
	{ "forob", "{\"x\":\"X\",\"y\":\"Y\"}" },
	{ "index", "20" },
	{ "attr", "\"deep\"" },
	{ "cond", "\"b\"" },
	{ "div", "3.5" },
	{ "neg", "-3" },
	{ "and", "true" },
	{ "var", "~14" },
	{ "part", "~[~7,1]" },
	{ "none", "?" },
	{ "ref", "?" },
	{ "refs", "[?,\"x\"]" },
	{ "cyc", "?" },
	{ "file", "?" },
	{ "splat", "?" },
	{ "oob", "?" },
	{ "expd", "?" },
	{ "nul", "null" },
};

/* v as text: JSON, "?" for an unknown part, "~" before an assumed part
 * (the value itself: when top, its state says). */
static void render(struct strbuf *b, const struct node *v, int top)
{
	uint32_t i;
	if ((v->flags & NF_ASSUMED) && !top)
		strbuf_puts(b, "~");
	switch (v->kind) {
	case N_NULL: strbuf_puts(b, "null"); break;
	case N_BOOL: strbuf_puts(b, v->u.b ? "true" : "false"); break;
	case N_INT: strbuf_printf(b, "%lld", v->u.i); break;
	case N_FLOAT: strbuf_printf(b, "%g", v->u.f); break;
	case N_STR:
		strbuf_puts(b, "\"");
		for (i = 0; i < v->len; i++) {
			if (v->u.str[i] == '"' || v->u.str[i] == '\\')
				strbuf_puts(b, "\\");
			strbuf_add(b, v->u.str + i, 1);
		}
		strbuf_puts(b, "\"");
		break;
	case N_SEQ:
		strbuf_puts(b, "[");
		for (i = 0; i < v->len; i++) {
			if (i)
				strbuf_puts(b, ",");
			render(b, seq_at(v, i), 0);
		}
		strbuf_puts(b, "]");
		break;
	case N_MAP:
		strbuf_puts(b, "{");
		for (i = 0; i < v->len; i++) {
			if (i)
				strbuf_puts(b, ",");
			render(b, map_key(v, i), 0);
			strbuf_puts(b, ":");
			render(b, map_val(v, i), 0);
		}
		strbuf_puts(b, "}");
		break;
	default:
		strbuf_puts(b, "?");
	}
}

int main(void)
{
	struct harness h;
	struct file f, *fp = &f;
	const struct node *locals = NULL;
	struct doc *d;
	size_t k;
	uint32_t i;

	harness_init(&h, NULL);
	lint_buffer(&h.r, &f, "t.tf", module, strlen(module));
	if (f.ndocs != 1 || !f.docs[0]->deferred) {
		printf("test_tf_eval.c: the module is not a deferred document\n");
		return 1;
	}
	d = f.docs[0];
	h.r.files = &fp;
	h.r.nfiles = 1;
	for (i = 0; i < d->root->len; i++)
		if (node_streq(map_key(d->root, i), "locals"))
			locals = map_val(d->root, i);
	for (k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		struct strbuf b = { .a = &d->arena };
		const struct node *e = map_get(locals, cases[k].local);
		struct tf_val tv;
		strbuf_add(&b, "", 0);
		if (!e) {
			printf("test_tf_eval.c: no local %s\n", cases[k].local);
			fails++;
			continue;
		}
		tf_eval(d, e, &tv);
		if (tv.state == TF_UNKNOWN)
			strbuf_puts(&b, "?");
		else if (tv.state == TF_NULL)
			strbuf_puts(&b, "null");
		else {
			if (tv.state == TF_ASSUMED)
				strbuf_puts(&b, "~");
			render(&b, tv.node, 1);
		}
		if (strcmp(b.s, cases[k].want) != 0) {
			printf("test_tf_eval.c: local.%s is %s, want %s\n",
			       cases[k].local, b.s, cases[k].want);
			fails++;
		}
		if ((tv.state == TF_ASSUMED) != (cases[k].want[0] == '~')) {
			printf("test_tf_eval.c: local.%s: assumed is %d\n",
			       cases[k].local, tv.state == TF_ASSUMED);
			fails++;
		}
	}
	file_release(&f);
	harness_release(&h);
	if (fails)
		printf("test_tf_eval: %d failure(s)\n", fails);
	return fails != 0;
}
