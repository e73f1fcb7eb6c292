/* baseline.c - reading, matching and writing baselines. */
#include "baseline.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cJSON.h>

#include "paths.h"

static int cmp_entry(const void *a, const void *b)
{
	const struct baseline_entry *x = a, *y = b;
	return x->fingerprint < y->fingerprint ? -1 : x->fingerprint > y->fingerprint;
}

int baseline_read(struct baseline *b, const char *path, char *err, size_t n)
{
	struct source src;
	cJSON *root, *fmt, *list, *e;
	size_t i, o;
	char why[256];

	memset(b, 0, sizeof(*b));
	if (source_read(&src, path, path, (size_t)256 << 20, 0, why, sizeof(why))) {
		snprintf(err, n, "--baseline %s: %s", path, why);
		source_free(&src);
		return -1;
	}
	root = cJSON_ParseWithLength(src.buf, src.len);
	source_free(&src);
	fmt = cJSON_GetObjectItemCaseSensitive(root, "backuplint-baseline");
	if (!root || !cJSON_IsNumber(fmt)) {
		snprintf(err, n, "--baseline %s: not a backuplint baseline (write one "
			 "with --write-baseline)", path);
		cJSON_Delete(root);
		return -1;
	}
	if (fmt->valuedouble > BASELINE_FORMAT) {
		cJSON *v = cJSON_GetObjectItemCaseSensitive(root, "version");
		snprintf(err, n, "--baseline %s: written by a newer backuplint (%s, "
			 "format %d): upgrade, or write the baseline again", path,
			 cJSON_IsString(v) ? v->valuestring : "?", fmt->valueint);
		cJSON_Delete(root);
		return -1;
	}
	list = cJSON_GetObjectItemCaseSensitive(root, "findings");
	if (!cJSON_IsArray(list)) {
		snprintf(err, n, "--baseline %s: it has no \"findings\" list", path);
		cJSON_Delete(root);
		return -1;
	}
	b->v = xcalloc((size_t)cJSON_GetArraySize(list) + 1, sizeof(*b->v));
	cJSON_ArrayForEach(e, list) {
		cJSON *fp = cJSON_GetObjectItemCaseSensitive(e, "fingerprint");
		char *end;
		unsigned long long v;
		if (!cJSON_IsString(fp) || strlen(fp->valuestring) != 16 ||
		    (v = strtoull(fp->valuestring, &end, 16), *end)) {
			snprintf(err, n, "--baseline %s: a finding without a valid "
				 "fingerprint (16 hex digits)", path);
			cJSON_Delete(root);
			baseline_release(b);
			return -1;
		}
		b->v[b->n].fingerprint = v;
		b->v[b->n].count = 1;
		b->n++;
	}
	cJSON_Delete(root);
	/* sorted, equal fingerprints folded into one entry with a count */
	qsort(b->v, b->n, sizeof(*b->v), cmp_entry);
	for (i = 0, o = 0; i < b->n; i++) {
		if (o && b->v[o - 1].fingerprint == b->v[i].fingerprint)
			b->v[o - 1].count++;
		else
			b->v[o++] = b->v[i];
	}
	b->n = o;
	return 0;
}

void baseline_release(struct baseline *b)
{
	free(b->v);
	memset(b, 0, sizeof(*b));
}

/* Mark the findings of files[0..n) that the entries hold, using up
 * count[i] for entry i. */
static void mark(const struct baseline *b, size_t *count, struct file **files,
		 size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < files[i]->diags.n; j++) {
			struct diag *dg = &files[i]->diags.v[j];
			struct baseline_entry key = { dg->fingerprint, 0 }, *e;
			size_t at;
			if (dg->suppressed)
				continue;
			e = bsearch(&key, b->v, b->n, sizeof(*b->v), cmp_entry);
			if (!e)
				continue;
			at = (size_t)(e - b->v);
			if (count[at]) {
				count[at]--;
				dg->baselined = 1;
			}
		}
}

size_t baseline_apply(struct baseline *b, struct file **files, size_t n)
{
	size_t *count = xcalloc(b->n + 1, sizeof(*count));
	size_t i, fixed = 0;

	for (i = 0; i < b->n; i++)
		count[i] = b->v[i].count;
	mark(b, count, files, n);
	for (i = 0; i < b->n; i++) {
		b->v[i].count = count[i];
		fixed += count[i];
	}
	free(count);
	return fixed;
}

void baseline_mark(const struct baseline *b, struct file **files, size_t n)
{
	size_t *count = xcalloc(b->n + 1, sizeof(*count));
	size_t i;

	for (i = 0; i < b->n; i++)
		count[i] = b->v[i].count;
	mark(b, count, files, n);
	free(count);
}

int baseline_write(const char *path, struct file **files, size_t n,
		   const char *version, char *err, size_t errlen)
{
	cJSON *root = cJSON_CreateObject(), *list = cJSON_CreateArray();
	char *text, why[256];
	size_t i, j, len;
	int ok = 1;

	if (!root || !list)
		oom();
	cJSON_AddNumberToObject(root, "backuplint-baseline", BASELINE_FORMAT);
	cJSON_AddStringToObject(root, "version", version);
	cJSON_AddItemToObject(root, "findings", list);
	for (i = 0; i < n; i++)
		for (j = 0; j < files[i]->diags.n; j++) {
			const struct diag *dg = &files[i]->diags.v[j];
			const struct rule *r = rule_at(&files[i]->run->s->ck->rules, dg->rule);
			cJSON *e;
			char hex[17];
			if (dg->suppressed)
				continue;
			e = cJSON_CreateObject();
			snprintf(hex, sizeof(hex), "%016llx", (unsigned long long)dg->fingerprint);
			cJSON_AddStringToObject(e, "fingerprint", hex);
			cJSON_AddStringToObject(e, "rule", r ? r->id : "");
			cJSON_AddStringToObject(e, "file", files[i]->key ? files[i]->key
						: files[i]->src.name ? files[i]->src.name : "");
			cJSON_AddStringToObject(e, "path", dg->path ? dg->path : "");
			cJSON_AddStringToObject(e, "message", dg->message ? dg->message : "");
			cJSON_AddItemToArray(list, e);
		}
	text = cJSON_Print(root);
	cJSON_Delete(root);
	if (!text)
		oom();
	/* beside it, then renamed: a reader never sees half a baseline */
	len = strlen(text);
	text[len] = '\n'; /* over the terminator: written with its length */
	if (paths_replace(path, text, len + 1, NULL, NULL, NULL, why, sizeof(why)) < 0) {
		snprintf(err, errlen, "--write-baseline %s: %s", path, why);
		ok = 0;
	}
	cJSON_free(text);
	return ok ? 0 : -1;
}
