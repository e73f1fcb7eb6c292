/* test_lsp.c - the language server turns a finding's fix into a quick fix:
 * a checker of its own (one rule, "teh" -> "the" with a safe fix), since
 * backuplint's rules carry no fixes yet; requests from a file, responses
 * to a file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "lint.h"
#include "lsp.h"
#include "check.h"


static const struct rule rules[] = {
	{ .id = "TST000", .name = "input", .severity = SEV_ERROR },
	{ .id = "TST001", .name = "typo", .severity = SEV_WARNING },
};

static void check_typo(struct doc *d)
{
	struct file *f = d->file;
	const char *p = strstr(f->src.buf, "teh");
	if (p) {
		size_t at = (size_t)(p - f->src.buf);
		struct diag *g = report_at(f, d->index, 1, at, at + 3, "", "'teh'");
		struct fix *x = diag_fix(f, g, 1, "replace with 'the'");
		fix_edit(f, x, at, at + 3, "the");
	}
}

static int classify(struct doc *d)
{
	(void)d;
	return 0;
}

static const struct family families[] = { { "typo", check_typo, NULL } };

static const struct checker tst = {
	.rules = { rules, 2 },
	.families = families,
	.nfamilies = 1,
	.documents = "anything",
	.keys = "any",
	.classify = classify,
};

static void put(FILE *fp, const char *body)
{
	fprintf(fp, "Content-Length: %zu\r\n\r\n%s", strlen(body), body);
}

/* The response to request id, from the server's output. */
static cJSON *response(const char *out, int id)
{
	const char *p = out;
	while ((p = strstr(p, "Content-Length: ")) != NULL) {
		size_t n = strtoul(p + 16, NULL, 10);
		const char *body = strstr(p, "\r\n\r\n") + 4;
		cJSON *m = cJSON_ParseWithLength(body, n);
		cJSON *i = cJSON_GetObjectItem(m, "id");
		if (cJSON_IsNumber(i) && i->valueint == id)
			return m;
		cJSON_Delete(m);
		p = body + n;
	}
	return NULL;
}

int main(void)
{
	struct flags fl;
	struct lsp_opts o;
	FILE *in = tmpfile(), *out = tmpfile();
	char *text;
	long n;
	cJSON *r, *a, *fix = NULL, *line = NULL;

	memset(&fl, 0, sizeof(fl));
	fl.fail_on = -1;
	o.fl = &fl;
	o.config = NULL;
	o.no_config = 1;
	o.now = "2026-06-15";
	put(in, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}");
	put(in, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":"
		"{\"uri\":\"untitled:t.yaml\",\"languageId\":\"yaml\",\"version\":1,"
		"\"text\":\"key: \\u00fc\\ud83d\\ude00 teh\\n\"}}}");
	put(in, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"textDocument/codeAction\",\"params\":"
		"{\"textDocument\":{\"uri\":\"untitled:t.yaml\"},\"range\":{\"start\":{\"line\":0,"
		"\"character\":9},\"end\":{\"line\":0,\"character\":9}},\"context\":{\"diagnostics\":[]}}}");
	put(in, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"shutdown\"}");
	put(in, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
	fflush(in);
	rewind(in);
	CHECK(lsp_serve(&tst, &o, fileno(in), out) == 0);
	n = ftell(out);
	text = calloc(1, (size_t)n + 1);
	rewind(out);
	CHECK(fread(text, 1, (size_t)n, out) == (size_t)n);

	r = response(text, 2);
	CHECK(r != NULL);
	cJSON_ArrayForEach(a, cJSON_GetObjectItem(r, "result")) {
		const char *t = cJSON_GetObjectItem(a, "title")->valuestring;
		if (strcmp(t, "replace with 'the'") == 0)
			fix = a;
		if (strcmp(t, "Disable TST001 for this line") == 0)
			line = a;
	}
	CHECK(fix != NULL);
	CHECK(line != NULL);
	if (fix) {
		/* "key: ü😀 " is 9 UTF-16 code units (😀 is two) */
		char *s = cJSON_PrintUnformatted(cJSON_GetObjectItem(fix, "edit"));
		CHECK(strcmp(s, "{\"changes\":{\"untitled:t.yaml\":[{\"range\":{\"start\":"
			     "{\"line\":0,\"character\":9},\"end\":{\"line\":0,\"character\":12}},"
			     "\"newText\":\"the\"}]}}") == 0);
		free(s);
		CHECK(cJSON_IsTrue(cJSON_GetObjectItem(fix, "isPreferred")));
		CHECK(strcmp(cJSON_GetObjectItem(fix, "kind")->valuestring, "quickfix") == 0);
	}
	cJSON_Delete(r);
	free(text);
	fclose(in);
	fclose(out);
	return check_done("test_lsp");
}
