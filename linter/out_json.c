/* out_json.c - JSON output, one diagnostic a line, and the cJSON helpers
 * SARIF builds on. The shape is in output.h. */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "strbuf.h"
#include "diag.h"
#include "output_impl.h"
#include "utf8.h"

/* A JSON string of s; bytes that are not valid UTF-8 (a file name can hold
 * any byte) become U+FFFD so that the output stays valid JSON. */
cJSON *out_jstr(const char *str)
{
	const unsigned char *s = (const unsigned char *)(str ? str : "");
	size_t n = strlen((const char *)s), i, k;
	struct strbuf b = { 0 };
	cJSON *j;
	long cp;

	for (i = 0; i < n; i += k) {
		k = utf8_decode(s + i, n - i, &cp);
		if (cp < 0)
			break;
	}
	if (i >= n)
		return cJSON_CreateString((const char *)s);
	for (i = 0; i < n; i += k) {
		k = utf8_decode(s + i, n - i, &cp);
		if (cp < 0)
			strbuf_add(&b, "\xef\xbf\xbd", 3);
		else
			strbuf_add(&b, (const char *)s + i, k);
	}
	j = cJSON_CreateString(b.s ? b.s : "");
	free(b.s);
	return j;
}

void out_jadd(cJSON *obj, const char *key, cJSON *val)
{
	if (!val || !cJSON_AddItemToObject(obj, key, val))
		oom();
}

cJSON *out_jnum(double v)
{
	return cJSON_CreateNumber(v);
}

cJSON *out_jobj(cJSON *parent, const char *key)
{
	cJSON *o = cJSON_CreateObject();

	if (parent)
		out_jadd(parent, key, o);
	else if (!o)
		oom();
	return o;
}

void out_jpush(cJSON *arr, cJSON *val)
{
	if (!val || !cJSON_AddItemToArray(arr, val))
		oom();
}

/* Print j (compact or indented), then free it. */
void out_jprint(FILE *fp, cJSON *j, int pretty)
{
	char *s = pretty ? cJSON_Print(j) : cJSON_PrintUnformatted(j);

	if (!s)
		oom();
	fputs(s, fp);
	cJSON_free(s);
	cJSON_Delete(j);
}


/* ---- json ---- */

static cJSON *json_diag(const struct rule_table *rt, const struct file *f,
			const struct diag *d)
{
	const struct rule *r = rule_at(rt, d->rule);
	cJSON *o = out_jobj(NULL, NULL), *rel;

	out_jadd(o, "file", out_jstr(out_file_name(f)));
	out_jadd(o, "line", out_jnum(d->pos.line));
	out_jadd(o, "column",
		 out_jnum(d->pos.line ? (d->pos.col ? d->pos.col : 1) : 0));
	out_jadd(o, "end_line", out_jnum(d->end_pos.line));
	out_jadd(o, "end_column", out_jnum(d->end_pos.col));
	out_jadd(o, "severity", out_jstr(out_sev_word(d->severity)));
	out_jadd(o, "rule", out_jstr(r ? r->id : ""));
	out_jadd(o, "name", out_jstr(r ? r->name : ""));
	out_jadd(o, "message", out_jstr(d->message));
	out_jadd(o, "path", out_jstr(d->path ? d->path : ""));
	out_jadd(o, "hint", d->hint ? out_jstr(d->hint) : cJSON_CreateNull());
	if (d->has_related) {
		rel = out_jobj(o, "related");
		out_jadd(rel, "line", out_jnum(d->related.line));
		out_jadd(rel, "column", out_jnum(d->related.col));
		out_jadd(rel, "message",
			 out_jstr(d->related_msg ? d->related_msg : ""));
	} else {
		out_jadd(o, "related", cJSON_CreateNull());
	}
	return o;
}

/* One diagnostic a line, printed as it is built, so that memory does not
 * grow with the number of files. */
void out_write_json(FILE *fp, struct file **files, size_t n,
		    const struct out_opts *o)
{
	struct out_counts c;
	cJSON *sum;
	size_t i, j;
	int first = 1;

	fputs("{\"diagnostics\": [", fp);
	for (i = 0; i < n; i++) {
		for (j = 0; j < files[i]->diags.n; j++) {
			fputs(first ? "\n  " : ",\n  ", fp);
			first = 0;
			out_jprint(fp, json_diag(o->rules, files[i],
						 &files[i]->diags.v[j]), 0);
		}
	}
	fputs(first ? "],\n" : "\n],\n", fp);
	out_count_all(files, n, &c);
	sum = out_jobj(NULL, NULL);
	out_jadd(sum, "files", out_jnum((double)c.files));
	out_jadd(sum, "unreadable", out_jnum((double)c.unreadable));
	out_jadd(sum, "errors", out_jnum((double)c.errors));
	out_jadd(sum, "warnings", out_jnum((double)c.warnings));
	out_jadd(sum, "infos", out_jnum((double)c.infos));
	fputs("\"summary\": ", fp);
	out_jprint(fp, sum, 0);
	fputs("}\n", fp);
}

