/* config.c - configuration files: found, read, checked, applied by glob. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "glob.h"
#include "load.h"
#include "suggest.h"

static const char *const config_names[] = {
	".backuplint.yaml", ".backuplint.yml", ".backuplint.json",
};

static const char *const top_keys[] = {
	"facts", "region", "account", "fail-on", "format", "max-file-size",
	"max-depth", "max-alias-nodes", "max-findings", "rules", "exclude",
	"per-file", "context", "policy",
};

/* ---- diagnostics on the configuration ---- */

__attribute__((format(printf, 3, 4)))
static struct diag *bad(struct config *c, const struct node *at, const char *fmt,
			...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	c->broken = 1;
	return report_at(&c->file, 0, c->file.run->s->ck->input_rule[IN_CONFIG],
			 at ? at->start : 0, at ? at->end : 0, "", "%s", msg);
}

static unsigned line_of(struct config *c, const struct node *n)
{
	return source_pos(&c->file.src, n->start).line;
}

/* "a number", "a list": a value's kind after "not". */
static const char *a_kind(const struct node *v)
{
	switch (v ? v->kind : N_NULL) {
	case N_NULL: return "null";
	case N_BOOL: return "true or false";
	case N_INT: case N_FLOAT: return "a number";
	case N_STR: return "a string";
	case N_MAP: return "a mapping";
	case N_SEQ: return "a list";
	}
	return "a value";
}

static const char *str_value(struct config *c, const struct node *k,
			     const struct node *v)
{
	if (node_is(v, N_STR))
		return v->u.str;
	bad(c, v, "%s takes a string, not %s", k->u.str,
	    a_kind(v));
	return NULL;
}

/* A positive whole number at most `max`. */
static size_t size_value(struct config *c, const struct node *k,
			 const struct node *v, size_t max)
{
	if (!node_is(v, N_INT) || v->u.i <= 0 || (v->flags & NF_BIG)) {
		bad(c, v, "%s takes a positive whole number", k->u.str);
		return 0;
	}
	if ((unsigned long long)v->u.i > max) {
		bad(c, v, "%s is at most %zu", k->u.str, max);
		return 0;
	}
	return (size_t)v->u.i;
}

static int one_of(struct config *c, const struct node *v, const char *what,
		  const char *const *names, size_t n)
{
	size_t i;
	const char *dym;
	struct diag *dg;
	if (!node_is(v, N_STR)) {
		bad(c, v, "%s takes one of %s", what, names[0]);
		return -1;
	}
	for (i = 0; i < n; i++)
		if (strcmp(v->u.str, names[i]) == 0)
			return (int)i;
	dym = did_you_mean(v->u.str, names, n);
	dg = bad(c, v, "%s '%.60s' is not one of the values it takes", what, v->u.str);
	{
		char list[256];
		size_t o = 0;
		for (i = 0; i < n && o < sizeof(list); i++)
			o += (size_t)snprintf(list + o, sizeof(list) - o, "%s%s",
					      i ? ", " : "", names[i]);
		if (dym)
			diag_hint(&c->file, dg, "did you mean %s? (%s)", dym, list);
		else
			diag_hint(&c->file, dg, "use one of %s", list);
	}
	return -1;
}

/* A checker-owned option ("region"): its own check. */
static const char *checked_option(struct config *c, const struct node *k,
				  const struct node *v)
{
	const struct checker *ck = c->file.run->s->ck;
	const char *s = str_value(c, k, v);
	char why[256];
	if (s && ck->check_option && ck->check_option(k->u.str, s, why, sizeof(why)) < 0) {
		bad(c, v, "%s", why);
		return NULL;
	}
	return s;
}

/* ---- rules: id or name -> severity ---- */

static int rule_value(struct config *c, const struct node *k)
{
	const struct rule_table *rt = &c->file.run->s->ck->rules;
	const struct rule *r;
	const char **cand;
	const char *dym;
	size_t i, n = 0;
	struct diag *dg;

	if (!node_is(k, N_STR)) {
		bad(c, k, "a rule is named by its id or name (BKP501, cold-storage-minimum)");
		return -1;
	}
	if ((r = rule_find(rt, k->u.str)) != NULL)
		return (int)(r - rt->v);
	cand = xcalloc(2 * rt->n + 1, sizeof(*cand));
	for (i = 0; i < rt->n; i++)
		if (rt->v[i].id) {
			cand[n++] = rt->v[i].id;
			cand[n++] = rt->v[i].name;
		}
	dym = did_you_mean(k->u.str, cand, n);
	dg = bad(c, k, "'%.60s' is not a rule of backuplint", k->u.str);
	if (dym)
		diag_hint(&c->file, dg, "did you mean %s?", dym);
	else
		diag_hint(&c->file, dg, "backuplint --list-rules lists them");
	free(cand);
	return -1;
}

static const char *const sev_names[] = { "off", "info", "warning", "error" };

static struct conf_rule *rules_value(struct config *c, const struct node *k,
				     const struct node *v, size_t *n)
{
	struct conf_rule *out;
	uint32_t i;

	*n = 0;
	if (!node_is(v, N_MAP)) {
		bad(c, v, "%s takes a mapping of rule ids or names to off, info, "
		    "warning or error", k->u.str);
		return NULL;
	}
	out = arena_zalloc(&c->arena, (v->len + 1) * sizeof(*out));
	for (i = 0; i < v->len; i++) {
		int r = rule_value(c, map_key(v, i));
		int sev = one_of(c, map_val(v, i), "a rule's severity", sev_names, 4);
		if (r < 0 || sev < 0)
			continue;
		out[*n].rule = r;
		out[*n].sev = sev; /* off, info, warning, error = 0..3 */
		out[*n].line = line_of(c, map_key(v, i));
		(*n)++;
	}
	return out;
}

/* A glob or a list of globs. */
static const char **globs_value(struct config *c, const struct node *k,
				const struct node *v, size_t *n)
{
	const char **out;
	uint32_t i, cnt = node_is(v, N_SEQ) ? v->len : 1;

	*n = 0;
	if (!node_is(v, N_SEQ) && !node_is(v, N_STR)) {
		bad(c, v, "%s takes a glob or a list of globs", k->u.str);
		return NULL;
	}
	out = arena_zalloc(&c->arena, (cnt + 1) * sizeof(*out));
	for (i = 0; i < cnt; i++) {
		const struct node *g = node_is(v, N_SEQ) ? seq_at(v, i) : v;
		size_t at;
		const char *why;
		if (!node_is(g, N_STR)) {
			bad(c, g, "a glob is a string, not %s", a_kind(g));
			continue;
		}
		if (glob_check(g->u.str, &at, &why) < 0) {
			bad(c, g, "invalid glob '%.80s': %s", g->u.str, why);
			continue;
		}
		out[(*n)++] = g->u.str;
	}
	return out;
}

static void unknown_key(struct config *c, const struct node *k,
			const char *const *keys, size_t n, const char *where)
{
	const char *dym = node_is(k, N_STR) ? did_you_mean(k->u.str, keys, n) : NULL;
	struct diag *dg = bad(c, k, "unknown key '%.60s' in %s",
			      node_is(k, N_STR) ? k->u.str : "?", where);
	if (dym)
		diag_hint(&c->file, dg, "did you mean %s?", dym);
}

static void per_file_value(struct config *c, const struct node *k,
			   const struct node *v)
{
	static const char *const keys[] = { "files", "rules", "region", "account",
					    "reason" };
	uint32_t i, j;

	if (!node_is(v, N_SEQ)) {
		bad(c, v, "%s takes a list of {files, rules, region, account, reason}", k->u.str);
		return;
	}
	c->per_file = arena_zalloc(&c->arena, (v->len + 1) * sizeof(*c->per_file));
	for (i = 0; i < v->len; i++) {
		const struct node *e = seq_at(v, i);
		struct conf_override *o = &c->per_file[c->nper_file];
		if (!node_is(e, N_MAP)) {
			bad(c, e, "a per-file entry is a mapping {files, rules, region, account, reason}");
			continue;
		}
		o->line = line_of(c, e);
		for (j = 0; j < e->len; j++) {
			const struct node *ek = map_key(e, j), *ev = map_val(e, j);
			if (node_streq(ek, "files"))
				o->globs = globs_value(c, ek, ev, &o->nglobs);
			else if (node_streq(ek, "rules"))
				o->rules = rules_value(c, ek, ev, &o->nrules);
			else if (node_streq(ek, "region"))
				o->region = checked_option(c, ek, ev);
			else if (node_streq(ek, "account"))
				o->account = checked_option(c, ek, ev);
			else if (node_streq(ek, "reason"))
				o->reason = str_value(c, ek, ev);
			else
				unknown_key(c, ek, keys, 5, "a per-file entry");
		}
		if (!map_get(e, "files"))
			bad(c, e, "a per-file entry needs files: the globs it applies to");
		c->nper_file++;
	}
}

static void check_root(struct config *c)
{
	const struct checker *ck = c->file.run->s->ck;
	static const char *const formats[] = { "text", "gnu", "json", "sarif", "github" };
	static const char *const fail_ons[] = { "none", "info", "warning", "error" };
	const struct node *r = c->root;
	uint32_t i;

	if (!node_is(r, N_MAP)) {
		bad(c, r, "a configuration is a mapping of settings (facts, region, "
		    "rules, exclude, per-file, ...)");
		return;
	}
	for (i = 0; i < r->len; i++) {
		const struct node *k = map_key(r, i), *v = map_val(r, i);
		unsigned line = line_of(c, k);
		const char *name = node_str(k);
		if (!name) {
			unknown_key(c, k, top_keys, sizeof(top_keys) / sizeof(top_keys[0]),
				    "the configuration");
		} else if (strcmp(name, "facts") == 0) {
			c->set.facts = checked_option(c, k, v);
			c->line_facts = line;
		} else if (strcmp(name, "region") == 0) {
			c->set.region = checked_option(c, k, v);
			c->line_region = line;
		} else if (strcmp(name, "account") == 0) {
			c->set.account = checked_option(c, k, v);
			c->line_account = line;
		} else if (strcmp(name, "fail-on") == 0) {
			int f = one_of(c, v, "fail-on", fail_ons, 4);
			c->set.fail_on = f; /* none, info, warning, error = 0..3 */
			c->line_fail_on = line;
		} else if (strcmp(name, "format") == 0) {
			if (one_of(c, v, "format", formats, 5) >= 0)
				c->set.format = v->u.str;
			c->line_format = line;
		} else if (strcmp(name, "max-file-size") == 0) {
			c->set.max_file_size = size_value(c, k, v, (size_t)UINT32_MAX - 1);
			c->line_max_file_size = line;
		} else if (strcmp(name, "max-depth") == 0) {
			c->set.max_depth = size_value(c, k, v, 10000);
			c->line_max_depth = line;
		} else if (strcmp(name, "max-alias-nodes") == 0) {
			c->set.max_alias_nodes = size_value(c, k, v, SIZE_MAX);
			c->line_max_alias_nodes = line;
		} else if (strcmp(name, "max-findings") == 0) {
			c->set.max_findings = size_value(c, k, v, SIZE_MAX);
			c->line_max_findings = line;
		} else if (strcmp(name, "rules") == 0) {
			c->rules = rules_value(c, k, v, &c->nrules);
		} else if (strcmp(name, "exclude") == 0) {
			c->exclude = globs_value(c, k, v, &c->nexclude);
		} else if (strcmp(name, "per-file") == 0) {
			per_file_value(c, k, v);
		} else if (strcmp(name, "context") == 0) {
			c->context_set = 1;
			c->line_context = line;
			if (node_is(v, N_BOOL))
				c->context = v->u.b ? "." : NULL;
			else if (node_is(v, N_STR) && v->len)
				c->context = v->u.str;
			else
				bad(c, v, "context takes a folder (relative to the "
				    "configuration's) or false");
		} else if (ck->config_section && strcmp(name, ck->config_section) == 0) {
			c->policy = v;
			if (ck->check_config &&
			    ck->check_config(&c->file, v, &c->arena, &c->section) < 0)
				c->broken = 1;
		} else {
			unknown_key(c, k, top_keys, sizeof(top_keys) / sizeof(top_keys[0]),
				    "the configuration");
		}
	}
}

/* ---- loading ---- */

struct one_doc {
	struct config *c;
	int n;
};

static struct arena *cfg_arena(void *ud)
{
	return &((struct one_doc *)ud)->c->arena;
}

static void cfg_doc(void *ud, struct node *root)
{
	struct one_doc *o = ud;
	if (o->n++ == 0)
		o->c->root = root;
}

static void on_dup(void *ud, const struct node *first, const struct node *dup)
{
	struct config *c = ud;
	struct pos p = source_pos(&c->file.src, first->start);
	bad(c, dup, "duplicate key '%s': already set at line %u; only the last "
	    "would count", dup->u.str, p.line);
}

static char *dir_of(const char *path)
{
	char *abs = realpath(path, NULL), *slash;
	if (!abs)
		return NULL;
	slash = strrchr(abs, '/');
	if (slash && slash != abs)
		*slash = '\0';
	else if (slash)
		slash[1] = '\0';
	return abs;
}

/* `path` as a user reads it: relative to the working folder when it is
 * under it (configurations are found by absolute paths). */
static const char *shown_path(const char *path)
{
	char cwd[PATH_MAX];
	size_t n;
	if (path[0] != '/' || !getcwd(cwd, sizeof(cwd)))
		return path;
	n = strlen(cwd);
	if (n > 1 && strncmp(path, cwd, n) == 0 && path[n] == '/')
		return path + n + 1;
	return path;
}

int config_is_name(const char *path)
{
	const char *base = strrchr(path, '/');
	size_t i;
	base = base ? base + 1 : path;
	for (i = 0; i < sizeof(config_names) / sizeof(config_names[0]); i++)
		if (strcmp(base, config_names[i]) == 0)
			return 1;
	return 0;
}

int config_load(struct config *c, struct run *r, const char *path, char *err,
		size_t errlen)
{
	struct load_ctx lc;
	struct one_doc od = { c, 0 };
	const struct load_sink sink = { &od, cfg_arena, cfg_doc };
	const struct syntax *sx;
	size_t l = strlen(path);
	int rc;

	memset(c, 0, sizeof(*c));
	c->set.fail_on = -1;
	c->path = xstrdup(shown_path(path));
	arena_init(&c->arena);
	memset(&c->file, 0, sizeof(c->file));
	c->file.run = r;
	c->file.arg = c->path;
	c->file.explicit_arg = 1;
	diag_list_init(&c->file.diags);
	rc = source_read(&c->file.src, path, c->path, (size_t)1 << 20, 0, err, errlen);
	if (rc) {
		if (!c->file.src.buf)
			c->file.src.buf = xcalloc(1, 1);
		return -1;
	}
	c->dir = dir_of(path);
	if (!c->dir) {
		snprintf(err, errlen, "cannot resolve its folder: %s", strerror(errno));
		return -1;
	}
	memset(&lc, 0, sizeof(lc));
	lc.max_depth = 64;
	lc.max_alias_nodes = 10000;
	lc.on_dup = on_dup;
	lc.ud = c;
	sx = l > 5 && strcmp(path + l - 5, ".json") == 0 ? &json_syntax : &yaml_syntax;
	if (sx->load(&lc, c->file.src.buf, c->file.src.len, &sink) < 0) {
		struct node at = { .start = (uint32_t)lc.err.off, .end = (uint32_t)lc.err.end };
		bad(c, &at, "%s", lc.err.msg);
	} else if (od.n > 1) {
		bad(c, NULL, "a configuration is one document, not a stream of %d", od.n);
	} else if (!c->root) {
		/* an empty configuration: every default */
	} else {
		check_root(c);
	}
	file_finalize(&c->file);
	return c->broken ? -1 : 0;
}

void config_release(struct config *c)
{
	file_release(&c->file);
	arena_release(&c->arena);
	free(c->path);
	free(c->dir);
	memset(c, 0, sizeof(*c));
}

/* ---- finding them ---- */

void config_set_init(struct config_set *s, struct run *r, const char *forced,
		     int disabled)
{
	memset(s, 0, sizeof(*s));
	s->run = r;
	s->forced = forced;
	s->disabled = disabled;
}

void config_set_release(struct config_set *s)
{
	size_t i;
	for (i = 0; i < s->nloaded; i++) {
		config_release(s->loaded[i]);
		free(s->loaded[i]);
	}
	for (i = 0; i < s->ndirs; i++)
		free(s->dirs[i].dir);
	free(s->loaded);
	free(s->dirs);
	free(s->slots);
	for (i = 0; i < s->nreal; i++) {
		free(s->real[i].written);
		free(s->real[i].real);
	}
	free(s->real);
	free(s->last_key);
	memset(s, 0, sizeof(*s));
}

static struct config *load_once(struct config_set *s, const char *path)
{
	struct config *c;
	char err[256];
	size_t i;

	for (i = 0; i < s->nloaded; i++)
		if (strcmp(s->loaded[i]->path, shown_path(path)) == 0)
			return s->loaded[i];
	c = xcalloc(1, sizeof(*c));
	if (config_load(c, s->run, path, err, sizeof(err)) < 0 && !c->broken) {
		if (!s->trouble)
			snprintf(s->err, sizeof(s->err), "%s: %s", path, err);
		s->trouble = 1;
	}
	s->loaded = xrealloc(s->loaded, (s->nloaded + 1) * sizeof(*s->loaded));
	s->loaded[s->nloaded++] = c;
	return c;
}

static int exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}

static uint32_t dir_hash(const char *d)
{
	uint32_t h = 2166136261u;
	for (; *d; d++)
		h = (h ^ (unsigned char)*d) * 16777619u;
	return h;
}

/* The slot of folder dir in s->slots: its entry's, or the empty one where
 * it goes. */
static size_t dir_slot(const struct config_set *s, const char *dir)
{
	size_t i = dir_hash(dir) & (s->nslots - 1);
	while (s->slots[i] && strcmp(s->dirs[s->slots[i] - 1].dir, dir) != 0)
		i = (i + 1) & (s->nslots - 1);
	return i;
}

static void remember_dir(struct config_set *s, const char *dir,
			 struct config *c)
{
	size_t i;
	if (s->ndirs == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 16;
		s->dirs = xrealloc(s->dirs, s->cap * sizeof(*s->dirs));
	}
	s->dirs[s->ndirs].dir = xstrdup(dir);
	s->dirs[s->ndirs].c = c;
	s->ndirs++;
	if (2 * s->ndirs > s->nslots) {
		/* grow and rehash: at most half full */
		free(s->slots);
		s->nslots = s->nslots ? 2 * s->nslots : 64;
		s->slots = xcalloc(s->nslots, sizeof(*s->slots));
		for (i = 0; i < s->ndirs; i++)
			s->slots[dir_slot(s, s->dirs[i].dir)] = (uint32_t)(i + 1);
	} else {
		s->slots[dir_slot(s, dir)] = (uint32_t)s->ndirs;
	}
}

/* The config of folder `dir` (absolute), looked up and remembered. */
/* dir/name into p (n = strlen(dir)), without snprintf's cost per name. */
static void dir_join(char *p, const char *dir, size_t n, const char *name)
{
	memcpy(p, dir, n);
	if (!n || dir[n - 1] != '/')
		p[n++] = '/';
	strcpy(p + n, name);
}

static struct config *for_dir(struct config_set *s, char *dir)
{
	size_t i, n = strlen(dir);
	struct config *c = NULL;
	char *p;

	if (s->nslots && s->slots[i = dir_slot(s, dir)])
		return s->dirs[s->slots[i] - 1].c;
	p = xmalloc(n + 32);
	for (i = 0; i < sizeof(config_names) / sizeof(config_names[0]); i++) {
		dir_join(p, dir, n, config_names[i]);
		if (exists(p)) {
			size_t j;
			c = load_once(s, p);
			/* a second one is never read: say so rather than surprise */
			for (j = i + 1; j < sizeof(config_names) / sizeof(config_names[0]); j++) {
				dir_join(p, dir, n, config_names[j]);
				if (exists(p))
					fprintf(stderr, "backuplint: warning: %s is not read: "
						"%s is in the same folder and comes first\n",
						shown_path(p), c->path);
			}
			break;
		}
	}
	if (!c) {
		/* up to the repository's root (the folder that holds .git) */
		dir_join(p, dir, n, ".git");
		if (!exists(p) && strcmp(dir, "/") != 0) {
			char *up = xstrdup(dir), *slash = strrchr(up, '/');
			if (slash == up)
				slash[1] = '\0';
			else if (slash)
				*slash = '\0';
			c = for_dir(s, up);
			free(up);
		}
	}
	free(p);
	remember_dir(s, dir, c);
	return c;
}

/* The remembered real path of folder `written`, or its empty slot. */
static struct real_entry *real_slot(struct config_set *s, const char *written)
{
	size_t i = dir_hash(written) & (s->nreal - 1);
	while (s->real[i].written && strcmp(s->real[i].written, written) != 0)
		i = (i + 1) & (s->nreal - 1);
	return &s->real[i];
}

/* realpath(path), the folders' real paths remembered: a name that is no
 * symbolic link is its folder's real path and the name, one lstat()
 * instead of a readlink() for every component of every file's path.
 * Anything else (., .., a link, a trailing /) goes to realpath(). */
static char *resolve_path(struct config_set *s, const char *path, int depth)
{
	const char *slash = strrchr(path, '/'), *name = slash ? slash + 1 : path;
	char *folder, *dir, *out;
	struct real_entry *e;
	struct stat st;
	size_t dl, nl;

	if (depth > 64 || !*name || strcmp(name, ".") == 0 ||
	    strcmp(name, "..") == 0 || (slash && slash == path) ||
	    lstat(path, &st) != 0 || S_ISLNK(st.st_mode))
		return realpath(path, NULL);
	folder = slash ? xstrdup(path) : xstrdup(".");
	if (slash)
		folder[slash - path] = '\0';
	e = s->nreal ? real_slot(s, folder) : NULL;
	if (!e || !e->written) {
		dir = strcmp(folder, ".") == 0 ? realpath(".", NULL)
					       : resolve_path(s, folder, depth + 1);
		if (!dir) {
			free(folder);
			return NULL;
		}
		if (2 * (s->nreal_used + 1) > s->nreal) {
			/* grow and rehash: at most half full */
			struct real_entry *old = s->real;
			size_t i, n = s->nreal;
			s->nreal = n ? 2 * n : 64;
			s->real = xcalloc(s->nreal, sizeof(*s->real));
			for (i = 0; i < n; i++)
				if (old[i].written)
					*real_slot(s, old[i].written) = old[i];
			free(old);
		}
		e = real_slot(s, folder);
		e->written = folder;
		e->real = dir;
		s->nreal_used++;
	} else {
		free(folder);
	}
	dl = strlen(e->real);
	nl = strlen(name);
	out = xmalloc(dl + nl + 2);
	memcpy(out, e->real, dl);
	if (!(dl == 1 && e->real[0] == '/'))
		out[dl++] = '/';
	memcpy(out + dl, name, nl + 1);
	return out;
}

struct config *config_set_for(struct config_set *s, const char *path)
{
	struct stat st;
	char *abs, *dir;
	struct config *c;

	if (s->disabled)
		return NULL;
	if (s->forced)
		return load_once(s, s->forced);
	if (strcmp(path, "-") == 0)
		path = ".";
	/* files of one folder come together (a walk is sorted): the folder
	 * as written is enough to know its configuration again */
	{
		const char *slash = strrchr(path, '/');
		size_t kl = slash ? (size_t)(slash - path) : 0;
		if (s->last_key && strlen(s->last_key) == kl &&
		    strncmp(s->last_key, path, kl) == 0 && stat(path, &st) == 0 &&
		    !S_ISDIR(st.st_mode))
			return s->last;
	}
	abs = resolve_path(s, path, 0);
	if (!abs)
		return NULL;
	if (stat(abs, &st) == 0 && S_ISDIR(st.st_mode)) {
		dir = abs;
	} else {
		/* abs is resolved already: its folder is a cut, not another
		 * realpath() of every component */
		char *slash = strrchr(abs, '/');
		if (slash && slash != abs)
			*slash = '\0';
		else if (slash)
			slash[1] = '\0';
		dir = abs;
		abs = NULL;
	}
	c = for_dir(s, dir);
	free(dir);
	if (!abs) {
		/* remember the folder of a file, as written */
		const char *slash = strrchr(path, '/');
		size_t kl = slash ? (size_t)(slash - path) : 0;
		free(s->last_key);
		s->last_key = xmalloc(kl + 1);
		memcpy(s->last_key, path, kl);
		s->last_key[kl] = '\0';
		s->last = c;
	}
	return c;
}

const char *config_relative(const struct config *c, const char *path, char *buf,
			    size_t n)
{
	char *abs = realpath(path, NULL);
	size_t dl = strlen(c->dir);
	const char *rel;

	if (!abs)
		return NULL;
	if (strncmp(abs, c->dir, dl) != 0 || (abs[dl] != '/' && abs[dl] != '\0' &&
					      !(dl == 1 && c->dir[0] == '/'))) {
		free(abs);
		return NULL;
	}
	rel = abs + dl;
	while (*rel == '/')
		rel++;
	snprintf(buf, n, "%s", rel);
	free(abs);
	return buf;
}

int config_excludes(const struct config *c, const char *path)
{
	char buf[PATH_MAX];
	const char *rel;
	size_t i;

	if (!c || !c->nexclude || !(rel = config_relative(c, path, buf, sizeof(buf))))
		return 0;
	for (i = 0; i < c->nexclude; i++)
		if (glob_match(c->exclude[i], rel))
			return 1;
	return 0;
}

char *config_context_dir(const struct config *root)
{
	size_t n;
	char *p;
	if (!root || (root->context_set && !root->context))
		return NULL;
	if (!root->context_set || strcmp(root->context, ".") == 0)
		return xstrdup(root->dir);
	if (root->context[0] == '/')
		return xstrdup(root->context);
	n = strlen(root->dir) + strlen(root->context) + 2;
	p = xmalloc(n);
	snprintf(p, n, "%s/%s", root->dir, root->context);
	return p;
}
