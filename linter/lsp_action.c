/* lsp_action.c - the language server's requests about a document: code
 * actions (a finding's fixes, suppression comments) and hover (see
 * lsp_impl.h). */
#include <stdlib.h>
#include <string.h>

#include "lsp_impl.h"
#include "strbuf.h"

/* ---- code actions ---- */

static cJSON *text_edit(struct server *sv, struct lsp_doc *d, size_t a,
			size_t b, const char *text)
{
	cJSON *e = cJSON_CreateObject();
	cJSON_AddItemToObject(e, "range", lsp_range(sv, &d->src, a, b));
	cJSON_AddStringToObject(e, "newText", text);
	return e;
}

/* A quick fix made of edits (an array, taken), about diagnostic g. */
static cJSON *action(struct server *sv, struct lsp_doc *d, const struct diag *g,
		     const char *title, cJSON *edits, int preferred)
{
	cJSON *a = cJSON_CreateObject(), *we = cJSON_CreateObject(), *ch, *ds;
	cJSON_AddStringToObject(a, "title", title);
	cJSON_AddStringToObject(a, "kind", "quickfix");
	ds = cJSON_AddArrayToObject(a, "diagnostics");
	cJSON_AddItemToArray(ds, lsp_diagnostic(sv, d, g));
	if (preferred)
		cJSON_AddTrueToObject(a, "isPreferred");
	ch = cJSON_AddObjectToObject(we, "changes");
	cJSON_AddItemToObject(ch, d->uri, edits);
	cJSON_AddItemToObject(a, "edit", we);
	return a;
}

/* The end of the line holding byte off (before its line break). */
static size_t line_end(const struct source *src, size_t off)
{
	while (off < src->len && src->buf[off] != '\n' && src->buf[off] != '\r')
		off++;
	return off;
}

static void add_actions(struct server *sv, struct lsp_doc *d, const struct diag *g,
			cJSON *out, int file_action)
{
	const struct rule *ru = rule_at(&sv->ck->rules, g->rule);
	char title[160], text[160];
	uint32_t i, k;

	for (i = 0; i < g->nfixes; i++) {
		const struct fix *x = &g->fixes[i];
		cJSON *edits = cJSON_CreateArray();
		for (k = 0; k < x->nedits; k++)
			cJSON_AddItemToArray(edits, text_edit(sv, d, x->edits[k].start,
							      x->edits[k].end,
							      x->edits[k].text));
		cJSON_AddItemToArray(out, action(sv, d, g, x->title, edits, x->safe));
	}
	/* suppression comments: only where the syntax has comments */
	if (!ru || !d->comment)
		return;
	{
		size_t e = line_end(&d->src, g->start);
		cJSON *edits = cJSON_CreateArray();
		snprintf(title, sizeof(title), "Disable %s for this line", ru->id);
		snprintf(text, sizeof(text), " %s backuplint: disable=%s", d->comment, ru->id);
		cJSON_AddItemToArray(edits, text_edit(sv, d, e, e, text));
		cJSON_AddItemToArray(out, action(sv, d, g, title, edits, 0));
	}
	if (file_action) {
		size_t at = d->src.len >= 3 && memcmp(d->src.buf, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
		const char *eol = memchr(d->src.buf, '\r', d->src.len) &&
				  !memchr(d->src.buf, '\n', d->src.len) ? "\r"
				  : strstr(d->src.buf, "\r\n") ? "\r\n" : "\n";
		cJSON *edits = cJSON_CreateArray();
		snprintf(title, sizeof(title), "Disable %s for this file", ru->id);
		snprintf(text, sizeof(text), "%s backuplint: disable-file=%s%s",
			 d->comment, ru->id, eol);
		cJSON_AddItemToArray(edits, text_edit(sv, d, at, at, text));
		cJSON_AddItemToArray(out, action(sv, d, g, title, edits, 0));
	}
}

int lsp_get_pos(const cJSON *p, unsigned *line, unsigned *ch)
{
	const cJSON *l = cJSON_GetObjectItemCaseSensitive(p, "line");
	const cJSON *c = cJSON_GetObjectItemCaseSensitive(p, "character");
	if (!cJSON_IsNumber(l) || !cJSON_IsNumber(c) || l->valuedouble < 0 ||
	    c->valuedouble < 0 || l->valuedouble > 4e9 || c->valuedouble > 4e9)
		return -1;
	*line = (unsigned)l->valuedouble;
	*ch = (unsigned)c->valuedouble;
	return 0;
}

/* The byte span of an LSP range in text[0..len). */
int lsp_get_range(struct server *sv, const cJSON *r, const char *text,
		     size_t len, size_t *a, size_t *b)
{
	unsigned l1, c1, l2, c2;
	if (lsp_get_pos(cJSON_GetObjectItemCaseSensitive(r, "start"), &l1, &c1) < 0 ||
	    lsp_get_pos(cJSON_GetObjectItemCaseSensitive(r, "end"), &l2, &c2) < 0)
		return -1;
	*a = lsp_offset(text, len, l1, c1, sv->utf8);
	*b = lsp_offset(text, len, l2, c2, sv->utf8);
	return *b < *a ? -1 : 0;
}

const char *lsp_doc_uri(const cJSON *params)
{
	const cJSON *td = cJSON_GetObjectItemCaseSensitive(params, "textDocument");
	const cJSON *u = cJSON_GetObjectItemCaseSensitive(td, "uri");
	return cJSON_IsString(u) ? u->valuestring : NULL;
}

void lsp_code_action(struct server *sv, const cJSON *id, const cJSON *params)
{
	struct lsp_doc *d = lsp_doc_find(sv, lsp_doc_uri(params), NULL);
	cJSON *out = cJSON_CreateArray();
	size_t a, b, i, j;
	if (!d || d->lost) {
		lsp_respond(sv, id, out);
		return;
	}
	if (sv->due >= 0)
		lsp_lint_all(sv); /* actions about the text the editor has */
	if (lsp_get_range(sv, cJSON_GetObjectItemCaseSensitive(params, "range"),
		      d->src.buf, d->src.len, &a, &b) < 0) {
		cJSON_Delete(out);
		lsp_respond_error(sv, id, E_INVALID_PARAMS, "textDocument/codeAction: "
			      "no valid range");
		return;
	}
	for (i = 0; i < d->diags.n; i++) {
		const struct diag *g = &d->diags.v[i];
		int first = 1;
		if (!lsp_shown(g) || g->start > b || (g->end < a && g->start < a))
			continue;
		/* one "for this file" per rule */
		for (j = 0; j < i && first; j++)
			if (d->diags.v[j].rule == g->rule && lsp_shown(&d->diags.v[j]) &&
			    !(d->diags.v[j].start > b ||
			      (d->diags.v[j].end < a && d->diags.v[j].start < a)))
				first = 0;
		add_actions(sv, d, g, out, first);
	}
	lsp_respond(sv, id, out);
}


/* What the checker says of the value at byte off of d's text (its days,
 * its schedule): d's text linted again in a run of its own, since a lint
 * keeps no documents, then each document asked. */
static int value_hover(struct server *sv, struct lsp_doc *d, size_t off,
		       struct strbuf *b)
{
	struct run run;
	struct file f;
	size_t i;
	int said = 0;

	if (!sv->ck->hover || !d->src.buf)
		return 0;
	run_init(&run, &sv->s);
	lint_buffer_set(&run, &f, d->path ? d->path : d->uri, d->src.buf,
			d->src.len, 0, NULL);
	for (i = 0; i < f.ndocs; i++) {
		struct strbuf one;
		memset(&one, 0, sizeof(one));
		if (sv->ck->hover(f.docs[i], off, &one) && one.s) {
			strbuf_printf(b, "%s%s", said ? "\n" : "", one.s);
			said = 1;
		}
		free(one.s);
	}
	file_release(&f);
	run_release(&run);
	return said;
}

void lsp_hover(struct server *sv, const cJSON *id, const cJSON *params)
{
	struct lsp_doc *d = lsp_doc_find(sv, lsp_doc_uri(params), NULL);
	const cJSON *pos = cJSON_GetObjectItemCaseSensitive(params, "position");
	struct strbuf b;
	cJSON *res, *contents;
	unsigned line, ch;
	size_t off, i, first = 0, last = 0, n = 0;
	int value;

	if (!d || d->lost) {
		lsp_respond(sv, id, NULL);
		return;
	}
	if (sv->due >= 0)
		lsp_lint_all(sv);
	if (lsp_get_pos(pos, &line, &ch) < 0) {
		lsp_respond_error(sv, id, E_INVALID_PARAMS, "textDocument/hover: "
				  "no valid position");
		return;
	}
	off = lsp_offset(d->src.buf, d->src.len, line, ch, sv->utf8);
	memset(&b, 0, sizeof(b)); /* on the heap */
	for (i = 0; i < d->diags.n; i++) {
		const struct diag *g = &d->diags.v[i];
		const struct rule *ru = rule_at(&sv->ck->rules, g->rule);
		if (!lsp_shown(g) || !ru || off < g->start ||
		    off >= (g->end > g->start ? g->end : g->start + 1))
			continue;
		if (n++ == 0)
			first = last = i;
		else {
			strbuf_puts(&b, "\n\n---\n\n");
			last = i;
		}
		strbuf_printf(&b, "**%s** `%s` (%s): %s", ru->id, ru->name,
			      severity_name(g->severity), g->message);
		if (g->hint)
			strbuf_printf(&b, "\n\n%s", g->hint);
		if (ru->summary)
			strbuf_printf(&b, "\n\n*%s* (`backuplint --explain %s`)",
				      ru->summary, ru->id);
	}
	{
		struct strbuf v;
		memset(&v, 0, sizeof(v));
		value = value_hover(sv, d, off, &v);
		if (value)
			strbuf_printf(&b, "%s%s", n ? "\n\n---\n\n" : "", v.s);
		free(v.s);
	}
	if (n == 0 && !value) {
		free(b.s);
		lsp_respond(sv, id, NULL);
		return;
	}
	res = cJSON_CreateObject();
	contents = cJSON_AddObjectToObject(res, "contents");
	cJSON_AddStringToObject(contents, "kind", "markdown");
	cJSON_AddStringToObject(contents, "value", b.s ? b.s : "");
	if (n)
		cJSON_AddItemToObject(res, "range", lsp_range(sv, &d->src,
				      d->diags.v[first].start, d->diags.v[last].end));
	free(b.s);
	lsp_respond(sv, id, res);
}
