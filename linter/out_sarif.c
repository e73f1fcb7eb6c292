/* out_sarif.c - SARIF 2.1.0: the tool with every rule of the table (its
 * documentation as help text and Markdown), one artifact a file, one result
 * a diagnostic with snippets, and a notification for each unreadable file.
 * testdata/sarif/validate.sh runs Microsoft's validator over it. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "strbuf.h"
#include "diag.h"
#include "output_impl.h"
#include "ruledoc.h"
#include "source.h"

#ifndef BACKUPLINT_VERSION
#define BACKUPLINT_VERSION "0.0.0"
#endif
/* Where SARIF consumers send a user who wants to know about the tool:
 * given at build time (-DBACKUPLINT_URL=...), and left out of the log when
 * the build names none rather than pointing at a guess. */

static const char *sarif_level(int sev)
{
	switch (sev) {
	case SEV_ERROR:
		return "error";
	case SEV_WARNING:
		return "warning";
	}
	return "note";
}

/* An absolute path without "." and ".." segments and repeated slashes,
 * resolved lexically (SARIF forbids ".." in file URIs: through a symbolic
 * link it may mean another place on the reader's machine). Caller frees. */
static char *path_normalize(const char *path)
{
	size_t n = strlen(path), o = 0, i = 0, k;
	char *out = xmalloc(n + 2);

	while (i < n) {
		while (i < n && path[i] == '/')
			i++;
		for (k = i; k < n && path[k] != '/'; k++)
			;
		if (k - i == 1 && path[i] == '.') {
			/* nothing */
		} else if (k - i == 2 && path[i] == '.' && path[i + 1] == '.') {
			while (o > 0 && out[o - 1] != '/')
				o--;
			if (o > 0)
				o--;
		} else if (k > i) {
			out[o++] = '/';
			memcpy(out + o, path + i, k - i);
			o += k - i;
		}
		i = k;
	}
	if (o == 0)
		out[o++] = '/';
	out[o] = '\0';
	return out;
}

/* A file name as a URI reference (RFC 3986): relative paths stay relative,
 * absolute ones become file:// URIs; every byte outside the unreserved set
 * and '/' is %-encoded (':' too, so that a first segment never reads as a
 * scheme). Caller frees. */
static char *path_uri(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	char *norm = NULL;
	const unsigned char *s = (const unsigned char *)path;
	struct strbuf b = { 0 };

	if (*s == '/') {
		strbuf_add(&b, "file://", 7);
		norm = path_normalize(path);
		s = (const unsigned char *)norm;
	}
	for (; *s; s++) {
		if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || strchr("-._~/", *s)) {
			strbuf_add(&b, (const char *)s, 1);
		} else {
			strbuf_add(&b, "%", 1);
			strbuf_add(&b, &hex[*s >> 4], 1);
			strbuf_add(&b, &hex[*s & 15], 1);
		}
	}
	free(norm);
	if (!b.s)
		return xstrdup("");
	return b.s;
}

/* Message text ends with a period, as SARIF viewers expect (validator rule
 * SARIF2001). */
static cJSON *sarif_message(const char *msg)
{
	cJSON *m = out_jobj(NULL, NULL);
	size_t n = msg ? strlen(msg) : 0;
	char *t;

	if (n && !strchr(".!?", msg[n - 1])) {
		t = xmalloc(n + 2);
		memcpy(t, msg, n);
		t[n] = '.';
		t[n + 1] = '\0';
		out_jadd(m, "text", out_jstr(t));
		free(t);
	} else {
		out_jadd(m, "text", out_jstr(n ? msg : "(no message)."));
	}
	return m;
}

/* The first paragraph of a doc, lines joined: SARIF's fullDescription. */
static char *first_paragraph(const char *doc)
{
	const char *e = strstr(doc, "\n\n");
	size_t n = e ? (size_t)(e - doc) : strlen(doc), i;
	char *s = xmalloc(n + 1);

	for (i = 0; i < n; i++)
		s[i] = doc[i] == '\n' ? ' ' : doc[i];
	while (n && s[n - 1] == ' ')
		n--;
	s[n] = '\0';
	return s;
}

static cJSON *sarif_rule(const struct rule *r)
{
	cJSON *o = out_jobj(NULL, NULL), *x, *props;
	char *s;

	out_jadd(o, "id", out_jstr(r->id));
	out_jadd(o, "name", out_jstr(r->name));
	out_jadd(out_jobj(o, "shortDescription"), "text", out_jstr(r->summary));
	s = first_paragraph(r->doc ? r->doc : (r->summary ? r->summary : ""));
	out_jadd(out_jobj(o, "fullDescription"), "text",
		 out_jstr(*s ? s : r->summary));
	free(s);
	x = out_jobj(o, "help");
	s = ruledoc_text(r);
	out_jadd(x, "text", out_jstr(s));
	free(s);
	s = ruledoc_markdown(r);
	out_jadd(x, "markdown", out_jstr(s));
	free(s);
	x = out_jobj(o, "defaultConfiguration");
	if (r->severity) {
		out_jadd(x, "level", out_jstr(sarif_level(r->severity)));
	} else {
		/* off unless a configuration turns it on (a policy control) */
		out_jadd(x, "enabled", cJSON_CreateBool(0));
		out_jadd(x, "level", out_jstr("none"));
	}
	props = out_jobj(o, "properties");
	if (r->source)
		out_jadd(props, "source", out_jstr(r->source));
	out_jadd(props, "facts", cJSON_CreateBool(!!(r->flags & RF_FACTS)));
	return o;
}

static cJSON *sarif_region(struct pos start, struct pos end)
{
	cJSON *g = out_jobj(NULL, NULL);
	uint32_t sc = start.col ? start.col : 1;

	out_jadd(g, "startLine", out_jnum(start.line));
	out_jadd(g, "startColumn", out_jnum(sc));
	/* Keep the region consistent (SARIF1007) even if a producer left
	 * the end unset or before the start. */
	if (end.line < start.line || (end.line == start.line && end.col < sc)) {
		end.line = start.line;
		end.col = sc;
	}
	out_jadd(g, "endLine", out_jnum(end.line));
	out_jadd(g, "endColumn", out_jnum(end.col ? end.col : 1));
	return g;
}

static cJSON *sarif_physical(const char *uri, long artifact,
			     const struct pos *start, const struct pos *end)
{
	cJSON *p = out_jobj(NULL, NULL), *a;

	a = out_jobj(p, "artifactLocation");
	out_jadd(a, "uri", out_jstr(uri));
	if (artifact >= 0)
		out_jadd(a, "index", out_jnum((double)artifact));
	if (start && start->line) {
		if (end) {
			out_jadd(p, "region", sarif_region(*start, *end));
		} else {
			cJSON *g = out_jobj(p, "region");

			out_jadd(g, "startLine", out_jnum(start->line));
			out_jadd(g, "startColumn",
				 out_jnum(start->col ? start->col : 1));
		}
	}
	return p;
}

/* Longest span or context (bytes) copied into the log as a snippet. */
#define SARIF_SNIPPET_MAX 1024

/* {"text": bytes a..b of f}, or NULL when the text is too long or holds a
 * NUL byte. */
static cJSON *sarif_text(struct file *f, size_t a, size_t b)
{
	cJSON *o;
	char *t;

	if (b <= a || b > f->src.len || b - a > SARIF_SNIPPET_MAX ||
	    memchr(f->src.buf + a, '\0', b - a))
		return NULL;
	t = xmalloc(b - a + 1);
	memcpy(t, f->src.buf + a, b - a);
	t[b - a] = '\0';
	o = out_jobj(NULL, NULL);
	out_jadd(o, "text", out_jstr(t));
	free(t);
	return o;
}

/* The span's text as region.snippet, and the whole lines around it as
 * contextRegion, so that a viewer without the file can show them. */
static void sarif_snippets(cJSON *phys, struct file *f, const struct diag *d)
{
	cJSON *region = cJSON_GetObjectItemCaseSensitive(phys, "region");
	cJSON *snip, *ctx;
	const char *first, *last;
	size_t len1, len2, a, b;
	uint32_t end_line;

	if (!region || f->io_error)
		return;
	snip = sarif_text(f, d->start, d->end);
	if (snip)
		out_jadd(region, "snippet", snip);
	end_line = d->end_pos.line > d->pos.line ? d->end_pos.line : d->pos.line;
	first = source_line(&f->src, d->pos.line, &len1);
	last = source_line(&f->src, end_line, &len2);
	if (!first || !last)
		return;
	a = (size_t)(first - f->src.buf);
	b = (size_t)(last - f->src.buf) + len2;
	snip = sarif_text(f, a, b);
	if (!snip)
		return;
	ctx = out_jobj(phys, "contextRegion");
	out_jadd(ctx, "startLine", out_jnum(d->pos.line));
	out_jadd(ctx, "endLine", out_jnum(end_line));
	out_jadd(ctx, "snippet", snip);
}

/* SARIF fixes: each an artifactChange of replacements on the result's
 * artifact (deleted region by line and column, inserted text). */
static cJSON *sarif_fixes(struct file *f, const struct diag *d, const char *uri,
			  long artifact)
{
	cJSON *arr = cJSON_CreateArray();
	uint32_t i, j;

	for (i = 0; i < d->nfixes; i++) {
		const struct fix *fx = &d->fixes[i];
		cJSON *x = out_jobj(NULL, NULL), *changes = cJSON_CreateArray();
		cJSON *ch = out_jobj(NULL, NULL), *loc, *reps = cJSON_CreateArray();
		out_jadd(x, "description", sarif_message(fx->title ? fx->title : "fix"));
		out_jadd(x, "artifactChanges", changes);
		out_jpush(changes, ch);
		loc = out_jobj(ch, "artifactLocation");
		out_jadd(loc, "uri", out_jstr(uri));
		if (artifact >= 0)
			out_jadd(loc, "index", out_jnum((double)artifact));
		out_jadd(ch, "replacements", reps);
		for (j = 0; j < fx->nedits; j++) {
			const struct edit *ed = &fx->edits[j];
			struct pos a = source_pos(&f->src, ed->start);
			struct pos b = source_pos(&f->src, ed->end);
			cJSON *rp = out_jobj(NULL, NULL);
			out_jadd(rp, "deletedRegion", sarif_region(a, b));
			out_jadd(out_jobj(rp, "insertedContent"), "text", out_jstr(ed->text));
			out_jpush(reps, rp);
		}
		out_jpush(arr, x);
	}
	return arr;
}

static cJSON *sarif_result(const struct rule_table *rt, struct file *f,
			   const struct diag *d, const char *uri, long artifact,
			   const long *rule_index)
{
	const struct rule *r = rule_at(rt, d->rule);
	cJSON *o = out_jobj(NULL, NULL), *locs, *loc, *logs, *lg, *rel, *props, *phys;

	out_jadd(o, "ruleId", out_jstr(r ? r->id : "BKP000"));
	if (r && rule_index[d->rule] >= 0)
		out_jadd(o, "ruleIndex", out_jnum((double)rule_index[d->rule]));
	out_jadd(o, "level", out_jstr(sarif_level(d->severity)));
	out_jadd(o, "message", sarif_message(d->message));
	locs = cJSON_CreateArray();
	out_jadd(o, "locations", locs);
	loc = out_jobj(NULL, NULL);
	out_jpush(locs, loc);
	phys = sarif_physical(uri, artifact, &d->pos, &d->end_pos);
	sarif_snippets(phys, f, d);
	out_jadd(loc, "physicalLocation", phys);
	if (d->path && *d->path) {
		logs = cJSON_CreateArray();
		out_jadd(loc, "logicalLocations", logs);
		lg = out_jobj(NULL, NULL);
		out_jpush(logs, lg);
		out_jadd(lg, "fullyQualifiedName", out_jstr(d->path));
	}
	if (d->has_related) {
		rel = cJSON_CreateArray();
		out_jadd(o, "relatedLocations", rel);
		loc = out_jobj(NULL, NULL);
		out_jpush(rel, loc);
		out_jadd(loc, "id", out_jnum(1));
		out_jadd(loc, "physicalLocation",
			 sarif_physical(uri, artifact, &d->related, NULL));
		out_jadd(loc, "message", sarif_message(d->related_msg ?
						       d->related_msg :
						       "Related location"));
	}
	if (d->hint || d->doc_index) {
		props = out_jobj(o, "properties");
		if (d->hint)
			out_jadd(props, "hint", out_jstr(d->hint));
		if (d->doc_index)
			out_jadd(props, "documentIndex", out_jnum(d->doc_index));
	}
	/* the fingerprint code scanning matches results by across runs */
	if (d->fingerprint) {
		char fp[17];
		cJSON *pf = out_jobj(o, "partialFingerprints");
		out_jadd(pf, "backuplint/v1", out_jstr(out_fingerprint(d->fingerprint, fp)));
	}
	if (d->suppressed) {
		cJSON *sups = cJSON_CreateArray(), *sp = out_jobj(NULL, NULL);
		out_jadd(o, "suppressions", sups);
		out_jadd(sp, "kind", out_jstr(d->suppressed == SUPP_EXTERNAL ? "external"
							      : "inSource"));
		if (d->supp_reason)
			out_jadd(sp, "justification", out_jstr(d->supp_reason));
		out_jpush(sups, sp);
	}
	if (d->nfixes)
		out_jadd(o, "fixes", sarif_fixes(f, d, uri, artifact));
	return o;
}

/* The run's single invocation: successful unless a file could not be
 * read; each unreadable file is a tool execution notification. */
static cJSON *sarif_invocation(struct file **files, size_t n, char **uris)
{
	cJSON *iv = out_jobj(NULL, NULL), *notes = NULL, *nt, *locs, *loc;
	size_t i;

	for (i = 0; i < n; i++) {
		if (!files[i]->io_error)
			continue;
		if (!notes) {
			notes = cJSON_CreateArray();
			out_jadd(iv, "toolExecutionNotifications", notes);
		}
		nt = out_jobj(NULL, NULL);
		out_jpush(notes, nt);
		out_jadd(nt, "level", out_jstr("error"));
		out_jadd(nt, "message", sarif_message(files[i]->io_msg ?
						      files[i]->io_msg :
						      "cannot read the file"));
		locs = cJSON_CreateArray();
		out_jadd(nt, "locations", locs);
		loc = out_jobj(NULL, NULL);
		out_jpush(locs, loc);
		out_jadd(loc, "physicalLocation",
			 sarif_physical(uris[i], -1, NULL, NULL));
	}
	out_jadd(iv, "executionSuccessful", cJSON_CreateBool(notes == NULL));
	return iv;
}

/* The log is written piece by piece: the tool (with every rule) pretty,
 * then one artifact and one result a line, so that memory does not grow
 * with the number of files and the output diffs well. */
void out_write_sarif(FILE *fp, struct file **files, size_t n,
		     const struct out_opts *o)
{
	const char *version = o->tool_version ? o->tool_version : BACKUPLINT_VERSION;
	cJSON *tool = out_jobj(NULL, NULL), *driver, *arr, *a, *roles;
	const struct rule_table *rt = o->rules;
	long *rule_index = xcalloc(rt->n ? rt->n : 1, sizeof(*rule_index));
	size_t i, j, k = 0;
	char **uris;
	int first = 1;

	driver = out_jobj(tool, "driver");
	out_jadd(driver, "name", out_jstr("backuplint"));
	out_jadd(driver, "version", out_jstr(version));
	out_jadd(driver, "semanticVersion", out_jstr(version));
#ifdef BACKUPLINT_URL
	out_jadd(driver, "informationUri", out_jstr(BACKUPLINT_URL));
#endif
	arr = cJSON_CreateArray();
	out_jadd(driver, "rules", arr);
	for (i = 0; i < rt->n; i++) {
		rule_index[i] = -1;
		if (!rt->v[i].id)
			continue;
		rule_index[i] = (long)k++;
		out_jpush(arr, sarif_rule(&rt->v[i]));
	}
	fputs("{\n\"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
	      "\"version\": \"2.1.0\",\n\"runs\": [{\n\"tool\": ", fp);
	out_jprint(fp, tool, 1);

	uris = xcalloc(n ? n : 1, sizeof(*uris));
	for (i = 0; i < n; i++)
		uris[i] = path_uri(out_file_name(files[i]));
	fputs(",\n\"invocations\": [", fp);
	out_jprint(fp, sarif_invocation(files, n, uris), 0);
	fputs("],\n\"columnKind\": \"unicodeCodePoints\",\n\"artifacts\": [", fp);

	/* Artifacts: every file named or found, an analysis target (its
	 * length when it was read); the artifact index of files[i] is i. */
	for (i = 0; i < n; i++) {
		a = out_jobj(NULL, NULL);
		out_jadd(out_jobj(a, "location"), "uri", out_jstr(uris[i]));
		if (!files[i]->io_error)
			out_jadd(a, "length", out_jnum((double)(files[i]->forgotten ? files[i]->forgotten
											    : files[i]->src.len)));
		roles = cJSON_CreateArray();
		out_jadd(a, "roles", roles);
		out_jpush(roles, out_jstr("analysisTarget"));
		fputs(i ? ",\n  " : "\n  ", fp);
		out_jprint(fp, a, 0);
	}
	fputs(n ? "\n],\n\"results\": [" : "],\n\"results\": [", fp);
	for (i = 0; i < n; i++) {
		for (j = 0; j < files[i]->diags.n; j++) {
			if (files[i]->diags.v[j].baselined)
				continue;
			fputs(first ? "\n  " : ",\n  ", fp);
			first = 0;
			out_jprint(fp, sarif_result(o->rules, files[i],
						    &files[i]->diags.v[j], uris[i],
						    (long)i, rule_index), 0);
		}
	}
	fputs(first ? "]\n}]\n}\n" : "\n]\n}]\n}\n", fp);
	for (i = 0; i < n; i++)
		free(uris[i]);
	free(uris);
	free(rule_index);
}

