/* out_controls.c - `--report controls`: the verdict of every policy
 * control on every plan and vault of the files linted, as an aligned table
 * for a review or an audit trail, or as JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lint.h"
#include "output_impl.h"

static const char *const words[] = { "pass", "fail", "undecided" };

/* By file, then item, then the order recorded: plans x controls. */
static int cmp_verdict(const void *a, const void *b)
{
	const struct run_verdict *x = *(const struct run_verdict *const *)a;
	const struct run_verdict *y = *(const struct run_verdict *const *)b;
	int c = strcmp(out_file_name(x->file), out_file_name(y->file));
	if (!c)
		c = strcmp(x->item, y->item);
	return c ? c : (x > y) - (x < y);
}

static const struct run_verdict **sorted(const struct run *r)
{
	const struct run_verdict **v = xcalloc(r->nverdicts + 1, sizeof(*v));
	size_t i;
	for (i = 0; i < r->nverdicts; i++)
		v[i] = &r->verdicts[i];
	if (r->nverdicts)
		qsort(v, r->nverdicts, sizeof(*v), cmp_verdict);
	return v;
}

static int text(FILE *fp, const struct run *r)
{
	size_t i, wf = 4, wi = 4, wc = 7, n[3] = { 0, 0, 0 };
	const struct run_verdict **vs;
	for (i = 0; i < r->nverdicts; i++) {
		const struct run_verdict *v = &r->verdicts[i];
		size_t lc = strlen(v->check) + (v->group ? strlen(v->group) + 1 : 0);
		if (strlen(out_file_name(v->file)) > wf)
			wf = strlen(out_file_name(v->file));
		if (strlen(v->item) > wi)
			wi = strlen(v->item);
		if (lc > wc)
			wc = lc;
	}
	if (!r->nverdicts) {
		fputs("no policy control applies to the files linted\n", fp);
		return 0;
	}
	fprintf(fp, "%-*s  %-*s  %-*s  %s\n", (int)wf, "file", (int)wi, "item",
		(int)wc, "control", "verdict");
	vs = sorted(r);
	for (i = 0; i < r->nverdicts; i++) {
		const struct run_verdict *v = vs[i];
		char check[600];
		snprintf(check, sizeof(check), "%s%s%s", v->group ? v->group : "",
			 v->group ? "/" : "", v->check);
		out_put_escaped(fp, out_file_name(v->file));
		fprintf(fp, "%*s  ", (int)(wf - strlen(out_file_name(v->file))), "");
		out_put_escaped(fp, v->item);
		fprintf(fp, "%*s  ", (int)(wi - strlen(v->item)), "");
		out_put_escaped(fp, check);
		fprintf(fp, "%*s  %s\n", (int)(wc - strlen(check)), "",
			words[v->verdict]);
		n[v->verdict]++;
	}
	free(vs);
	fprintf(fp, "%zu pass, %zu fail, %zu undecided\n", n[0], n[1], n[2]);
	return 0;
}

static int json(FILE *fp, const struct run *r)
{
	cJSON *root = out_jobj(NULL, NULL), *list = cJSON_CreateArray(), *sum;
	size_t i, n[3] = { 0, 0, 0 };
	const struct run_verdict **vs;
	if (!list)
		return -1;
	vs = sorted(r);
	for (i = 0; i < r->nverdicts; i++) {
		const struct run_verdict *v = vs[i];
		cJSON *o = out_jobj(NULL, NULL);
		out_jadd(o, "file", out_jstr(out_file_name(v->file)));
		out_jadd(o, "item", out_jstr(v->item));
		out_jadd(o, "control", out_jstr(v->check));
		out_jadd(o, "framework", v->group ? out_jstr(v->group) : cJSON_CreateNull());
		out_jadd(o, "verdict", out_jstr(words[v->verdict]));
		out_jpush(list, o);
		n[v->verdict]++;
	}
	free(vs);
	out_jadd(root, "controls", list);
	sum = out_jobj(root, "summary");
	out_jadd(sum, "pass", out_jnum((double)n[0]));
	out_jadd(sum, "fail", out_jnum((double)n[1]));
	out_jadd(sum, "undecided", out_jnum((double)n[2]));
	out_jprint(fp, root, 1);
	return 0;
}

int out_controls(FILE *fp, const struct run *r, int as_json)
{
	if ((as_json ? json(fp, r) : text(fp, r)) != 0)
		return -1;
	return fflush(fp) || ferror(fp) ? -1 : 0;
}
