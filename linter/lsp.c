/* lsp.c - the language server (see lsp.h): the message loop, documents,
 * diagnostics and code actions. */
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "load.h"
#include "lsp_impl.h"

#ifndef BACKUPLINT_VERSION
#define BACKUPLINT_VERSION "0.0.0"
#endif

/* ---- output ---- */

static void send(struct server *sv, cJSON *msg)
{
	char *s = cJSON_PrintUnformatted(msg);
	if (!s || rpc_write(&sv->rpc, s, strlen(s)) < 0) {
		/* the client is gone */
		sv->done = 1;
		sv->status = 1;
	}
	free(s);
	cJSON_Delete(msg);
}

static cJSON *message(void)
{
	cJSON *m = cJSON_CreateObject();
	cJSON_AddStringToObject(m, "jsonrpc", "2.0");
	return m;
}

void lsp_respond(struct server *sv, const cJSON *id, cJSON *result)
{
	cJSON *m = message();
	cJSON_AddItemToObject(m, "id", id ? cJSON_Duplicate(id, 1) : cJSON_CreateNull());
	cJSON_AddItemToObject(m, "result", result ? result : cJSON_CreateNull());
	send(sv, m);
}

void lsp_respond_error(struct server *sv, const cJSON *id, int code,
			  const char *msg)
{
	cJSON *m = message(), *e = cJSON_CreateObject();
	cJSON_AddItemToObject(m, "id", id ? cJSON_Duplicate(id, 1) : cJSON_CreateNull());
	cJSON_AddNumberToObject(e, "code", code);
	cJSON_AddStringToObject(e, "message", msg);
	cJSON_AddItemToObject(m, "error", e);
	send(sv, m);
}

static void notify(struct server *sv, const char *method, cJSON *params)
{
	cJSON *m = message();
	cJSON_AddStringToObject(m, "method", method);
	cJSON_AddItemToObject(m, "params", params);
	send(sv, m);
}

void lsp_show_message(struct server *sv, int type, const char *text)
{
	cJSON *p = cJSON_CreateObject();
	cJSON_AddNumberToObject(p, "type", type);
	cJSON_AddStringToObject(p, "message", text);
	notify(sv, "window/showMessage", p);
}

/* ---- documents ---- */

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The path of a file:// URI (percent-decoded), or NULL. */
static char *uri_path(const char *uri)
{
	const char *p;
	char *out, *q;
	if (strncmp(uri, "file://", 7) != 0)
		return NULL;
	p = strchr(uri + 7, '/'); /* after the host, usually empty */
	if (!p)
		return NULL;
	out = q = xmalloc(strlen(p) + 1);
	for (; *p && *p != '?' && *p != '#'; p++) {
		int h, l;
		if (*p == '%' && (h = hexval(p[1])) >= 0 && (l = hexval(p[2])) >= 0) {
			*q++ = (char)(h * 16 + l);
			p += 2;
		} else {
			*q++ = *p;
		}
	}
	*q = '\0';
	if (memchr(out, '\0', (size_t)(q - out)) || out[0] == '\0') {
		free(out);
		return NULL;
	}
	return out;
}

struct lsp_doc *lsp_doc_find(struct server *sv, const char *uri, size_t *at)
{
	size_t i;
	for (i = 0; uri && i < sv->ndocs; i++)
		if (strcmp(sv->docs[i]->uri, uri) == 0) {
			if (at)
				*at = i;
			return sv->docs[i];
		}
	return NULL;
}

static void doc_free(struct lsp_doc *d)
{
	free(d->uri);
	free(d->path);
	free(d->text);
	free(d->shown);
	source_free(&d->src);
	diag_list_release(&d->diags);
	free(d);
}

static void doc_set_text(struct lsp_doc *d, const char *text, size_t len)
{
	free(d->text);
	d->text = xmalloc(len + 1);
	memcpy(d->text, text, len);
	d->text[len] = '\0';
	d->len = len;
	d->dirty = 1;
	d->lost = 0;
}

/* The line comment of the syntax that reads the text, as the engine picks
 * it: the surest sniff. */
/* ---- linting ---- */

static int lsp_severity(int sev)
{
	return sev == SEV_ERROR ? 1 : sev == SEV_WARNING ? 2 : 3;
}

static cJSON *position(struct server *sv, struct source *src, size_t off)
{
	cJSON *p = cJSON_CreateObject();
	unsigned line, ch;
	lsp_position(src, off, sv->utf8, &sv->cursor, &line, &ch);
	cJSON_AddNumberToObject(p, "line", line);
	cJSON_AddNumberToObject(p, "character", ch);
	return p;
}

cJSON *lsp_range(struct server *sv, struct source *src, size_t a, size_t b)
{
	cJSON *r = cJSON_CreateObject();
	cJSON_AddItemToObject(r, "start", position(sv, src, a));
	cJSON_AddItemToObject(r, "end", position(sv, src, b < a ? a : b));
	return r;
}

/* Shown in the editor: neither suppressed nor baselined. */
int lsp_shown(const struct diag *g)
{
	return !g->suppressed && !g->baselined;
}

cJSON *lsp_diagnostic(struct server *sv, struct lsp_doc *d, const struct diag *g)
{
	const struct rule *ru = rule_at(&sv->ck->rules, g->rule);
	cJSON *j = cJSON_CreateObject();
	cJSON_AddItemToObject(j, "range", lsp_range(sv, &d->src, g->start, g->end));
	cJSON_AddNumberToObject(j, "severity", lsp_severity(g->severity));
	if (ru)
		cJSON_AddStringToObject(j, "code", ru->id);
	cJSON_AddStringToObject(j, "source", "backuplint");
	if (g->hint) {
		size_t n = strlen(g->message) + strlen(g->hint) + 2;
		char *m = xmalloc(n);
		snprintf(m, n, "%s\n%s", g->message, g->hint);
		cJSON_AddStringToObject(j, "message", m);
		free(m);
	} else {
		cJSON_AddStringToObject(j, "message", g->message);
	}
	if (g->has_related) {
		cJSON *rel = cJSON_AddArrayToObject(j, "relatedInformation");
		cJSON *ri = cJSON_CreateObject(), *loc = cJSON_CreateObject();
		cJSON_AddStringToObject(loc, "uri", d->uri);
		cJSON_AddItemToObject(loc, "range",
				      lsp_range(sv, &d->src, g->related_off, g->related_off));
		cJSON_AddItemToObject(ri, "location", loc);
		cJSON_AddStringToObject(ri, "message",
					g->related_msg ? g->related_msg : "here");
		cJSON_AddItemToArray(rel, ri);
	}
	if (g->rule == sv->ck->input_rule[IN_UNUSED_SUPPRESSION]) {
		/* a directive that silences nothing: the editor greys it */
		cJSON *tags = cJSON_AddArrayToObject(j, "tags");
		cJSON_AddItemToArray(tags, cJSON_CreateNumber(1)); /* Unnecessary */
	}
	if (ru) {
		cJSON *data = cJSON_AddObjectToObject(j, "data");
		cJSON_AddStringToObject(data, "name", ru->name);
	}
	return j;
}

void lsp_publish(struct server *sv, struct lsp_doc *d, int empty)
{
	cJSON *p = cJSON_CreateObject(), *a;
	char *now;
	size_t i;
	memset(&sv->cursor, 0, sizeof(sv->cursor)); /* the text may be new */
	cJSON_AddStringToObject(p, "uri", d->uri);
	a = cJSON_AddArrayToObject(p, "diagnostics");
	for (i = 0; !empty && i < d->diags.n; i++)
		if (lsp_shown(&d->diags.v[i]))
			cJSON_AddItemToArray(a, lsp_diagnostic(sv, d, &d->diags.v[i]));
	now = cJSON_PrintUnformatted(a);
	if (!d->dirty && d->shown && now && strcmp(now, d->shown) == 0) {
		/* linted again for another document: nothing new to say */
		free(now);
		cJSON_Delete(p);
		return;
	}
	free(d->shown);
	d->shown = now;
	d->dirty = 0;
	notify(sv, "textDocument/publishDiagnostics", p);
}

/* ---- the protocol ---- */

/* The workspace folder: the first of workspaceFolders, else rootUri, else
 * rootPath; NULL when the editor names none. */
static char *workspace_root(const cJSON *params)
{
	const cJSON *f = cJSON_GetObjectItemCaseSensitive(params, "workspaceFolders");
	const cJSON *u = cJSON_GetObjectItemCaseSensitive(params, "rootUri");
	const cJSON *p = cJSON_GetObjectItemCaseSensitive(params, "rootPath");
	char *path;
	if (cJSON_IsArray(f) && cJSON_GetArraySize(f) > 0) {
		const cJSON *fu = cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(f, 0), "uri");
		if (cJSON_IsString(fu) && (path = uri_path(fu->valuestring)))
			return path;
	}
	if (cJSON_IsString(u) && (path = uri_path(u->valuestring)))
		return path;
	if (cJSON_IsString(p) && p->valuestring[0])
		return xstrdup(p->valuestring);
	return NULL;
}

static void initialize(struct server *sv, const cJSON *id, const cJSON *params)
{
	const cJSON *caps = cJSON_GetObjectItemCaseSensitive(params, "capabilities");
	const cJSON *gen = cJSON_GetObjectItemCaseSensitive(caps, "general");
	const cJSON *encs = cJSON_GetObjectItemCaseSensitive(gen, "positionEncodings");
	const cJSON *e;
	cJSON *res = cJSON_CreateObject(), *c, *sync, *info, *ca;

	cJSON_ArrayForEach(e, encs)
		if (cJSON_IsString(e) && strcmp(e->valuestring, "utf-8") == 0)
			sv->utf8 = 1;
	sv->root = workspace_root(params);
	{
		const cJSON *ws = cJSON_GetObjectItemCaseSensitive(caps, "workspace");
		const cJSON *w = cJSON_GetObjectItemCaseSensitive(ws, "didChangeWatchedFiles");
		sv->can_watch = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(
			w, "dynamicRegistration"));
	}
	c = cJSON_AddObjectToObject(res, "capabilities");
	cJSON_AddStringToObject(c, "positionEncoding", sv->utf8 ? "utf-8" : "utf-16");
	sync = cJSON_AddObjectToObject(c, "textDocumentSync");
	cJSON_AddTrueToObject(sync, "openClose");
	cJSON_AddNumberToObject(sync, "change", 2); /* incremental */
	cJSON_AddTrueToObject(sync, "save");
	cJSON_AddTrueToObject(c, "hoverProvider");
	ca = cJSON_AddObjectToObject(c, "codeActionProvider");
	cJSON_AddItemToObject(ca, "codeActionKinds", cJSON_CreateStringArray(
		(const char *[]){ "quickfix" }, 1));
	info = cJSON_AddObjectToObject(res, "serverInfo");
	cJSON_AddStringToObject(info, "name", "backuplint");
	cJSON_AddStringToObject(info, "version", BACKUPLINT_VERSION);
	sv->initialized = 1;
	lsp_respond(sv, id, res);
}

static void did_open(struct server *sv, const cJSON *params)
{
	const cJSON *td = cJSON_GetObjectItemCaseSensitive(params, "textDocument");
	const cJSON *text = cJSON_GetObjectItemCaseSensitive(td, "text");
	const char *uri = lsp_doc_uri(params);
	struct lsp_doc *d;
	if (!uri || !cJSON_IsString(text))
		return;
	d = lsp_doc_find(sv, uri, NULL);
	if (!d) {
		d = xcalloc(1, sizeof(*d));
		d->uri = xstrdup(uri);
		d->path = uri_path(uri);
		sv->docs = xrealloc(sv->docs, (sv->ndocs + 1) * sizeof(*sv->docs));
		sv->docs[sv->ndocs++] = d;
	}
	doc_set_text(d, text->valuestring, strlen(text->valuestring));
	lsp_due(sv, 0);
}

/* A change the server cannot follow: the document is out of step until
 * the editor sends its whole text again. */
static void lose(struct server *sv, struct lsp_doc *d, const char *why)
{
	char m[512];
	d->lost = 1;
	snprintf(m, sizeof(m), "backuplint: %s; %s is not linted until it is "
		 "opened again", why, d->uri);
	lsp_show_message(sv, 1, m);
	lsp_publish(sv, d, 1);
}

static void did_change(struct server *sv, const cJSON *params)
{
	struct lsp_doc *d = lsp_doc_find(sv, lsp_doc_uri(params), NULL);
	const cJSON *ch;
	if (!d)
		return;
	cJSON_ArrayForEach(ch, cJSON_GetObjectItemCaseSensitive(params, "contentChanges")) {
		const cJSON *text = cJSON_GetObjectItemCaseSensitive(ch, "text");
		const cJSON *r = cJSON_GetObjectItemCaseSensitive(ch, "range");
		size_t a, b, n, len;
		char *t;
		if (!cJSON_IsString(text))
			continue;
		n = strlen(text->valuestring);
		if (!r) {
			doc_set_text(d, text->valuestring, n);
			continue;
		}
		if (d->lost)
			continue;
		if (lsp_get_range(sv, r, d->text, d->len, &a, &b) < 0) {
			lose(sv, d, "a change with an invalid range");
			return;
		}
		len = d->len - (b - a) + n;
		if (len > sv->rpc.max_body) {
			lose(sv, d, "the document grew over the size limit");
			return;
		}
		t = xmalloc(len + 1);
		memcpy(t, d->text, a);
		memcpy(t + a, text->valuestring, n);
		memcpy(t + a + n, d->text + b, d->len - b);
		t[len] = '\0';
		free(d->text);
		d->text = t;
		d->len = len;
		d->dirty = 1;
	}
	/* linted when the typing pauses */
	if (d->dirty)
		lsp_due(sv, LSP_DEBOUNCE_MS);
}

static void did_close(struct server *sv, const cJSON *params)
{
	size_t at;
	struct lsp_doc *d = lsp_doc_find(sv, lsp_doc_uri(params), &at);
	if (!d)
		return;
	lsp_publish(sv, d, 1);
	doc_free(d);
	memmove(&sv->docs[at], &sv->docs[at + 1], (sv->ndocs - at - 1) * sizeof(*sv->docs));
	sv->ndocs--;
	/* the others link with its file on disk now */
	if (sv->ndocs)
		lsp_due(sv, 0);
}

/* Ask the editor to say when files of the workspace are created, changed
 * or deleted (the folder is walked again), when it can. Its answer is a
 * response to our request, which needs nothing. */
static void watch_files(struct server *sv)
{
	static const char *const globs[] = {
		"**/*.{json,yaml,yml,template,tf}",
		"**/.backuplint.{yaml,yml,json}",
	};
	cJSON *m, *p, *regs, *reg, *opts, *ws;
	size_t i;
	if (!sv->can_watch)
		return;
	m = message();
	cJSON_AddStringToObject(m, "id", "backuplint-watch");
	cJSON_AddStringToObject(m, "method", "client/registerCapability");
	p = cJSON_AddObjectToObject(m, "params");
	regs = cJSON_AddArrayToObject(p, "registrations");
	reg = cJSON_CreateObject();
	cJSON_AddStringToObject(reg, "id", "backuplint-watch");
	cJSON_AddStringToObject(reg, "method", "workspace/didChangeWatchedFiles");
	opts = cJSON_AddObjectToObject(reg, "registerOptions");
	ws = cJSON_AddArrayToObject(opts, "watchers");
	for (i = 0; i < sizeof(globs) / sizeof(globs[0]); i++) {
		cJSON *w = cJSON_CreateObject();
		cJSON_AddStringToObject(w, "globPattern", globs[i]);
		cJSON_AddItemToArray(ws, w);
	}
	cJSON_AddItemToArray(regs, reg);
	send(sv, m);
}

static void dispatch(struct server *sv, const cJSON *msg)
{
	const cJSON *m = cJSON_GetObjectItemCaseSensitive(msg, "method");
	const cJSON *id = cJSON_GetObjectItemCaseSensitive(msg, "id");
	const cJSON *params = cJSON_GetObjectItemCaseSensitive(msg, "params");
	memset(&sv->cursor, 0, sizeof(sv->cursor)); /* the text may be new */
	const char *method;

	if (!cJSON_IsObject(msg) || (id && !cJSON_IsNumber(id) && !cJSON_IsString(id))) {
		lsp_respond_error(sv, NULL, E_INVALID_REQUEST, "not a JSON-RPC message");
		return;
	}
	if (!cJSON_IsString(m)) {
		if (!id || (!cJSON_GetObjectItemCaseSensitive(msg, "result") &&
			    !cJSON_GetObjectItemCaseSensitive(msg, "error")))
			lsp_respond_error(sv, id, E_INVALID_REQUEST, "no method");
		return; /* a response to a request of ours: we send none */
	}
	method = m->valuestring;
	if (strcmp(method, "exit") == 0) {
		sv->done = 1;
		sv->status = sv->shut ? 0 : 1;
		return;
	}
	if (!sv->initialized && strcmp(method, "initialize") != 0) {
		if (id)
			lsp_respond_error(sv, id, E_NOT_INITIALIZED, "initialize first");
		return;
	}
	if (sv->shut && id) {
		lsp_respond_error(sv, id, E_INVALID_REQUEST, "the server is shut down");
		return;
	}
	if (id && strcmp(method, "initialize") == 0) {
		if (sv->initialized)
			lsp_respond_error(sv, id, E_INVALID_REQUEST, "initialized already");
		else
			initialize(sv, id, params);
	} else if (id && strcmp(method, "shutdown") == 0) {
		sv->shut = 1;
		lsp_respond(sv, id, NULL);
	} else if (id && strcmp(method, "textDocument/codeAction") == 0) {
		lsp_code_action(sv, id, params);
	} else if (id && strcmp(method, "textDocument/hover") == 0) {
		lsp_hover(sv, id, params);
	} else if (!id && strcmp(method, "textDocument/didOpen") == 0) {
		did_open(sv, params);
	} else if (!id && strcmp(method, "textDocument/didChange") == 0) {
		did_change(sv, params);
	} else if (!id && strcmp(method, "textDocument/didSave") == 0) {
		/* a configuration or a linked file may have changed with it */
		sv->ws_stale = 1;
		lsp_due(sv, 0);
	} else if (!id && strcmp(method, "initialized") == 0) {
		watch_files(sv);
	} else if (!id && strcmp(method, "workspace/didChangeWatchedFiles") == 0) {
		sv->ws_stale = 1;
		if (sv->ndocs)
			lsp_due(sv, 0);
	} else if (!id && strcmp(method, "textDocument/didClose") == 0) {
		did_close(sv, params);
	} else if (id) {
		char e[256];
		snprintf(e, sizeof(e), "unknown method %.200s", method);
		lsp_respond_error(sv, id, E_METHOD_NOT_FOUND, e);
	}
	/* other notifications ($/cancelRequest, ...) need nothing */
}

/* The session: the configuration of the current folder and the flags, as
 * for the command line. */
static int make_session(struct server *sv)
{
	struct options boot_opt, opt;
	struct session boot;
	struct run boot_run;
	struct config_set cs;
	struct config *root;
	char err[512];
	int rc = 0;

	options_init(&boot_opt);
	if (session_init(&boot, sv->ck, &boot_opt, err, sizeof(err)) < 0) {
		fprintf(stderr, "backuplint: %s\n", err);
		return -1;
	}
	run_init(&boot_run, &boot);
	config_set_init(&cs, &boot_run, sv->o->config, sv->o->no_config);
	root = config_set_for(&cs, ".");
	if (root && root->broken)
		root = NULL;
	options_init(&opt);
	settings_options(&opt, root, sv->o->fl);
	opt.now = sv->o->now;
	/* the editor saves files while the server holds them */
	opt.map_files = 0;
	if (session_init(&sv->s, sv->ck, &opt, err, sizeof(err)) < 0) {
		fprintf(stderr, "backuplint: %s\n", err);
		rc = -1;
	}
	config_set_release(&cs);
	run_release(&boot_run);
	session_release(&boot);
	return rc;
}

int lsp_serve(const struct checker *ck, const struct lsp_opts *o, int in_fd,
	      FILE *out)
{
	struct server sv;
	size_t i, max;

	memset(&sv, 0, sizeof(sv));
	sv.ck = ck;
	sv.o = o;
	if (make_session(&sv) < 0)
		return 2;
	/* a message holds a document's text, JSON-escaped: room for that */
	max = sv.s.opt.max_bytes + sv.s.opt.max_bytes / 4 + (1u << 20);
	rpc_init(&sv.rpc, in_fd, out, max);
	sv.status = 1;
	sv.due = -1;
	while (!sv.done) {
		char *body;
		size_t len;
		int st;
		if (sv.due >= 0) {
			/* a lint is due: when it is time, unless a message
			 * waits (a message waits at most one lint) */
			long long wait = sv.due - lsp_now_ms();
			if (!rpc_pending(&sv.rpc, wait > 0 ? (int)(wait < 60000 ? wait : 60000) : 0)) {
				if (sv.due <= lsp_now_ms())
					lsp_lint_all(&sv);
				continue;
			}
		}
		st = rpc_read(&sv.rpc, &body, &len);
		if (st == RPC_EOF)
			break;
		if (st == RPC_TOO_LARGE) {
			char m[256];
			snprintf(m, sizeof(m), "backuplint: a message of %zu bytes is "
				 "over the limit of %zu (--max-file-size): refused", len,
				 sv.rpc.max_body);
			for (i = 0; i < sv.ndocs; i++)
				if (!sv.docs[i]->lost)
					lose(&sv, sv.docs[i], "a change was too large");
			lsp_show_message(&sv, 1, m);
		} else if (st == RPC_BAD_HEADER) {
			lsp_respond_error(&sv, NULL, E_PARSE, "a header without Content-Length");
		} else {
			cJSON *msg = cJSON_ParseWithLength(body, len);
			if (!msg)
				lsp_respond_error(&sv, NULL, E_PARSE, "malformed JSON");
			else
				dispatch(&sv, msg);
			cJSON_Delete(msg);
			free(body);
		}
	}
	for (i = 0; i < sv.ndocs; i++)
		doc_free(sv.docs[i]);
	free(sv.docs);
	lsp_work_release(&sv);
	rpc_release(&sv.rpc);
	session_release(&sv.s);
	return sv.done ? sv.status : (sv.shut ? 0 : 1);
}
