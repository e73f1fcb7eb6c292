/* lsp_work.c - the language server's runs (see lsp_impl.h): every open
 * document linted together, with the backup documents of the workspace
 * folder read from disk to link them (a selection in one file, its plan in
 * another). An open document takes the place of its file on disk. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "config.h"
#include "lsp_impl.h"

long long lsp_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void lsp_due(struct server *sv, long long delay_ms)
{
	long long now = lsp_now_ms(), t, cap;
	if (sv->due < 0) {
		sv->since = now;
		sv->due = now + delay_ms;
		return;
	}
	if (sv->due <= now)
		return; /* due at once already */
	if (delay_ms == 0) {
		sv->due = now;
		return;
	}
	/* typing pushes the lint back, but not past LSP_DEBOUNCE_MAX_MS
	 * after the first change waiting */
	t = now + delay_ms;
	cap = sv->since + LSP_DEBOUNCE_MAX_MS;
	sv->due = t < cap ? t : cap > now ? cap : now;
}

void lsp_work_release(struct server *sv)
{
	inputs_release(&sv->ws);
	memset(&sv->ws, 0, sizeof(sv->ws));
	free(sv->ws_dir);
	sv->ws_dir = NULL;
	free(sv->root);
	sv->root = NULL;
}

/* The folder whose documents link the open ones: --context, else the
 * workspace configuration's `context` when it sets one, else the workspace
 * folder; when the editor names none, the folder of the configuration of
 * the folder the server runs in, as on the command line; NULL for none
 * (--no-context, context: false, no workspace and no configuration). */
static char *context_dir(struct server *sv, struct config_set *cs)
{
	const struct flags *fl = sv->o->fl;
	const char *root = sv->root ? sv->root : ".";
	struct config *c;
	if (fl && fl->no_context)
		return NULL;
	if (fl && fl->context)
		return xstrdup(fl->context);
	c = config_set_for(cs, root);
	if (c && !c->broken && c->context_set)
		return config_context_dir(c);
	/* no workspace named, no configuration: the open documents alone, as
	 * on the command line (the server's folder may be a home folder) */
	if (!sv->root)
		return c && !c->broken ? config_context_dir(c) : NULL;
	return xstrdup(root);
}

/* The files under dir, walked again when the folder or the files may have
 * changed (a save, a watched-file event). */
static void walk(struct server *sv, const char *dir)
{
	struct stat st;
	if (!sv->ws_stale && sv->ws_dir && strcmp(sv->ws_dir, dir) == 0)
		return;
	inputs_release(&sv->ws);
	memset(&sv->ws, 0, sizeof(sv->ws));
	free(sv->ws_dir);
	sv->ws_dir = xstrdup(dir);
	sv->ws_stale = 0;
	sv->ws.quiet = 1;
	sv->ws.max_seen = LSP_CONTEXT_MAX;
	if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
		inputs_walk(&sv->ws, dir);
	if (sv->ws.truncated && !sv->ws_warned) {
		char m[600];
		snprintf(m, sizeof(m), "backuplint: the workspace folder %.400s "
			 "holds more than %d files and folders: open documents "
			 "are linked only with each other", dir, LSP_CONTEXT_MAX);
		lsp_show_message(sv, 2, m);
		sv->ws_warned = 1;
	}
}

/* By name: the order of the files of a run is the order of the documents
 * that messages list (selections of a plan), as on the command line. */
static int cmp_name(const void *a, const void *b)
{
	const struct file *x = *(struct file *const *)a, *y = *(struct file *const *)b;
	return strcmp(x->src.name ? x->src.name : "", y->src.name ? y->src.name : "");
}

static int same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

void lsp_lint_all(struct server *sv)
{
	struct config_set cs;
	struct settings st;
	struct run run;
	struct file **files;
	struct lsp_doc **who;
	struct stat *open_st;
	int *have_open;
	char err[512], *dir;
	size_t i, j, n = 0, nopen;
	int have_st;

	sv->due = -1;
	run_init(&run, &sv->s);
	config_set_init(&cs, &run, sv->o->config, sv->o->no_config);
	have_st = settings_init(&st, &sv->s, sv->o->fl, err, sizeof(err)) == 0;
	dir = context_dir(sv, &cs);
	if (dir)
		walk(sv, dir);
	files = xcalloc(sv->ndocs + (dir ? sv->ws.n : 0) + 1, sizeof(*files));
	who = xcalloc(sv->ndocs + 1, sizeof(*who));
	open_st = xcalloc(sv->ndocs + 1, sizeof(*open_st));
	have_open = xcalloc(sv->ndocs + 1, sizeof(*have_open));

	for (i = 0; i < sv->ndocs; i++) {
		struct lsp_doc *d = sv->docs[i];
		const char *name = d->path ? d->path : d->uri;
		const struct file_settings *set = NULL;
		struct config *c = NULL;
		struct file *f;

		have_open[i] = d->path && stat(d->path, &open_st[i]) == 0;
		if (d->lost)
			continue;
		if (d->path)
			c = config_set_for(&cs, d->path);
		if (c && c->broken) {
			char m[1024];
			snprintf(m, sizeof(m), "backuplint: the configuration %s has "
				 "findings and is not used (run backuplint on it)",
				 c->path);
			lsp_show_message(sv, 2, m);
			c = NULL;
		}
		if (c && config_excludes(c, d->path)) {
			/* excluded: nothing to say about it */
			source_free(&d->src);
			diag_list_release(&d->diags);
			source_from_mem(&d->src, name, d->text, d->len);
			lsp_publish(sv, d, 0);
			continue;
		}
		if (have_st)
			set = settings_for(&st, c, d->path ? d->path : ".");
		f = xcalloc(1, sizeof(*f));
		/* as a file found by walking: a document that is not a
		 * backup document is not one to talk about */
		lint_buffer_set(&run, f, name, d->text, d->len, 0, set);
		who[n] = d;
		files[n++] = f;
	}
	nopen = n;
	/* the workspace's other files, as they are on disk, to link */
	for (i = 0; dir && !sv->ws.truncated && i < sv->ws.n; i++) {
		const char *path = sv->ws.v[i].path;
		const struct file_settings *set = NULL;
		struct stat fs;
		struct file *f;
		int open = 0;
		if (stat(path, &fs) != 0 || !S_ISREG(fs.st_mode) || config_is_name(path))
			continue;
		for (j = 0; j < sv->ndocs && !open; j++)
			open = have_open[j] && same_file(&open_st[j], &fs);
		if (open)
			continue;
		if (have_st)
			set = settings_for(&st, config_set_for(&cs, path), path);
		f = xcalloc(1, sizeof(*f));
		lint_file(&run, f, path, path, 0, settings_context(&st, set));
		files[n++] = f;
	}
	{
		struct file **byname = xcalloc(n + 1, sizeof(*byname));
		memcpy(byname, files, n * sizeof(*files));
		qsort(byname, n, sizeof(*byname), cmp_name);
		run_finish(&run, byname, n);
		free(byname);
	}
	for (i = 0; i < nopen; i++) {
		struct lsp_doc *d = who[i];
		source_free(&d->src);
		diag_list_release(&d->diags);
		d->src = files[i]->src;
		d->comment = files[i]->comment;
		d->diags = files[i]->diags;
		memset(&files[i]->src, 0, sizeof(files[i]->src));
		memset(&files[i]->diags, 0, sizeof(files[i]->diags));
		lsp_publish(sv, d, 0);
	}
	for (i = 0; i < n; i++) {
		file_release(files[i]);
		free(files[i]);
	}
	free(files);
	free(who);
	free(open_st);
	free(have_open);
	free(dir);
	settings_release(&st); /* initialised even when it failed */
	config_set_release(&cs);
	run_release(&run);
}
