/* settings.c - options and per-file settings with their origins. */
#include "settings.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "glob.h"

/* The settings f gives, over those already in o. */
static void apply(struct options *o, const struct flags *f)
{
	if (f->facts)
		o->facts = f->facts;
	if (f->region)
		o->region = f->region;
	if (f->account)
		o->account = f->account;
	if (f->fail_on >= 0)
		o->fail_on = f->fail_on;
	if (f->max_file_size)
		o->max_bytes = f->max_file_size;
	if (f->max_depth)
		o->max_depth = (unsigned)f->max_depth;
	if (f->max_alias_nodes)
		o->max_alias_nodes = f->max_alias_nodes;
	if (f->max_findings)
		o->max_findings = f->max_findings;
	if (f->apply_frameworks)
		o->apply_frameworks = 1;
}

void settings_options(struct options *o, const struct config *root,
		      const struct flags *fl)
{
	if (root)
		apply(o, &root->set);
	apply(o, fl);
}

int settings_init(struct settings *st, struct session *s, const struct flags *fl,
		  char *err, size_t n)
{
	const struct rule_table *rt = &s->ck->rules;
	char *copy, *tok, *save = NULL;

	memset(st, 0, sizeof(*st));
	st->s = s;
	st->fl = fl;
	arena_init(&st->arena);
	st->disabled = xcalloc(rt->n ? rt->n : 1, 1);
	if (!fl->disable)
		return 0;
	copy = xstrdup(fl->disable);
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		const struct rule *r = rule_find(rt, tok);
		if (!r) {
			snprintf(err, n, "--disable: unknown rule '%.60s' (see --list-rules)", tok);
			free(copy);
			return -1;
		}
		st->disabled[r - rt->v] = 1;
		/* off for the session too: --list-rules and files without a
		 * configuration */
		session_set_severity(s, (int)(r - rt->v), SEV_NONE);
	}
	free(copy);
	return 0;
}

void settings_release(struct settings *st)
{
	free(st->disabled);
	free(st->memo);
	arena_release(&st->arena);
	memset(st, 0, sizeof(*st));
}

/* Which per-file entries of c match `path` (a bit each, the first 64). */
static unsigned long long matches(const struct config *c, const char *path)
{
	char buf[PATH_MAX];
	const char *rel;
	unsigned long long m = 0;
	size_t i, j;

	if (!c->nper_file || !(rel = config_relative(c, path, buf, sizeof(buf))))
		return 0;
	for (i = 0; i < c->nper_file && i < 64; i++)
		for (j = 0; j < c->per_file[i].nglobs; j++)
			if (glob_match(c->per_file[i].globs[j], rel)) {
				m |= 1ULL << i;
				break;
			}
	return m;
}

/* Which grants of c's checker section apply to `path` (a bit each, the
 * first 64). */
static unsigned long long grants_matching(const struct config *c,
					  const char *path)
{
	char buf[PATH_MAX];
	const char *rel = NULL;
	unsigned long long m = 0;
	size_t i, j;

	for (i = 0; i < c->section.ngrants && i < 64; i++) {
		const struct section_grant *g = &c->section.grants[i];
		if (!g->nglobs) {
			m |= 1ULL << i;
			continue;
		}
		if (!rel && !(rel = config_relative(c, path, buf, sizeof(buf))))
			continue;
		for (j = 0; j < g->nglobs; j++)
			if (glob_match(g->globs[j], rel)) {
				m |= 1ULL << i;
				break;
			}
	}
	return m;
}

const struct file_settings *settings_for(struct settings *st,
					 const struct config *c, const char *path)
{
	const struct rule_table *rt = &st->s->ck->rules;
	unsigned long long m = c ? matches(c, path) : 0;
	unsigned long long gm = c ? grants_matching(c, path) : 0;
	struct file_settings *set;
	unsigned char *sev, *ext;
	size_t i, j;

	if (!c)
		return NULL; /* the session's own: defaults and flags */
	for (i = 0; i < st->nmemo; i++)
		if (st->memo[i].c == c && st->memo[i].match == m &&
		    st->memo[i].grants == gm)
			return st->memo[i].set;
	set = arena_zalloc(&st->arena, sizeof(*set));
	sev = arena_alloc(&st->arena, rt->n ? rt->n : 1);
	ext = arena_zalloc(&st->arena, rt->n ? rt->n : 1);
	/* the session's: the defaults, and what the command line turned on */
	memcpy(sev, st->s->sev, rt->n);
	for (i = 0; i < c->nrules; i++)
		sev[c->rules[i].rule] = (unsigned char)c->rules[i].sev;
	/* the checker's section turns rules on where its globs match: at
	 * the highest severity asked (a finding asking less is demoted) */
	set->section = c->section.data;
	set->section_mask = gm;
	for (i = 0; i < c->section.ngrants && i < 64; i++) {
		const struct section_grant *g = &c->section.grants[i];
		if ((gm >> i & 1) && g->rule >= 0 && (size_t)g->rule < rt->n &&
		    g->sev > sev[g->rule])
			sev[g->rule] = (unsigned char)g->sev;
	}
	set->region = c->set.region;
	set->account = c->set.account;
	set->facts = c->set.facts;
	for (i = 0; i < c->nper_file && i < 64; i++) {
		const struct conf_override *o = &c->per_file[i];
		if (!(m >> i & 1))
			continue;
		for (j = 0; j < o->nrules; j++) {
			/* off for some files: kept as suppressed (external), so
			 * that dashboards see what the configuration hides */
			if (o->rules[j].sev == SEV_NONE) {
				ext[o->rules[j].rule] = 1;
			} else {
				/* a later entry turns it on again */
				ext[o->rules[j].rule] = 0;
				sev[o->rules[j].rule] = (unsigned char)o->rules[j].sev;
			}
		}
		if (o->reason)
			set->external_reason = o->reason;
		if (o->region)
			set->region = o->region;
		if (o->account)
			set->account = o->account;
	}
	/* the command line wins */
	for (i = 0; i < rt->n; i++)
		if (st->disabled[i])
			sev[i] = SEV_NONE;
	if (st->fl->region)
		set->region = st->fl->region;
	if (st->fl->account)
		set->account = st->fl->account;
	if (st->fl->facts)
		set->facts = st->fl->facts;
	set->sev = sev;
	set->external = ext;
	if (st->nmemo == st->capmemo) {
		st->capmemo = st->capmemo ? 2 * st->capmemo : 8;
		st->memo = xrealloc(st->memo, st->capmemo * sizeof(*st->memo));
	}
	st->memo[st->nmemo].c = c;
	st->memo[st->nmemo].match = m;
	st->memo[st->nmemo].grants = gm;
	st->memo[st->nmemo].set = set;
	st->nmemo++;
	return set;
}

const struct file_settings *settings_context(struct settings *st,
					     const struct file_settings *set)
{
	struct file_settings *c = arena_zalloc(&st->arena, sizeof(*c));
	if (set)
		*c = *set;
	c->context = 1;
	return c;
}

/* ---- --print-config ---- */

/* The line of the last per-file entry of c matching `path` that sets the
 * region (what 'r') or the account ('a'), else the top level's line. */
static unsigned where(const struct config *c, const char *path, int what)
{
	unsigned long long m;
	unsigned line = 0;
	size_t j;
	if (!c)
		return 0;
	m = matches(c, path);
	for (j = 0; j < c->nper_file && j < 64; j++)
		if ((m >> j & 1) && (what == 'r' ? c->per_file[j].region
				      : c->per_file[j].account))
			line = c->per_file[j].line;
	if (line)
		return line;
	return what == 'r' ? (c->set.region ? c->line_region : 0)
			   : (c->set.account ? c->line_account : 0);
}

static void origin(FILE *fp, const char *name, const char *value,
		   const char *flag, const struct config *c, unsigned line)
{
	if (flag)
		fprintf(fp, "%-16s %-24s (%s)\n", name, value, flag);
	else if (c && line)
		fprintf(fp, "%-16s %-24s (%s:%u)\n", name, value, c->path, line);
	else
		fprintf(fp, "%-16s %-24s (default)\n", name, value);
}

void settings_print(FILE *fp, struct settings *st, const struct config *root,
		    const struct config *c, const char *path)
{
	const struct flags *fl = st->fl;
	const struct rule_table *rt = &st->s->ck->rules;
	const struct file_settings *set = settings_for(st, c, path);
	const struct options *o = &st->s->opt;
	static const char *const sevs[] = { "off", "info", "warning", "error" };
	static const char *const fails[] = { "none", "info", "warning", "error" };
	char num[32];
	size_t i, j;

	fprintf(fp, "settings for %s\n", path);
	fprintf(fp, "%-16s %s\n", "configuration", c ? c->path : "(none)");
	if (root != c)
		fprintf(fp, "%-16s %s\n", "run-wide from", root
			? root->path : "(no configuration where backuplint runs: "
			"format, fail-on, limits and context are the defaults)");
	origin(fp, "facts", set && set->facts ? set->facts : o->facts ? o->facts : "spec",
	       fl->facts ? "--facts" : NULL, c, c ? c->line_facts : 0);
	origin(fp, "region", set && set->region ? set->region : o->region ? o->region : "(from the documents)",
	       fl->region ? "--region" : NULL, c, where(c, path, 'r'));
	origin(fp, "account", set && set->account ? set->account : o->account ? o->account : "(from the documents)",
	       fl->account ? "--account" : NULL, c, where(c, path, 'a'));
	origin(fp, "fail-on", fails[o->fail_on], fl->fail_on >= 0 ? "--fail-on" : NULL,
	       root, root && root->set.fail_on >= 0 ? root->line_fail_on : 0);
	origin(fp, "format", fl->format ? fl->format : root && root->set.format ? root->set.format : "text",
	       fl->format ? "--format" : NULL, root, root ? root->line_format : 0);
	snprintf(num, sizeof(num), "%zu", o->max_bytes);
	origin(fp, "max-file-size", num, fl->max_file_size ? "--max-file-size" : NULL,
	       root, root && root->set.max_file_size ? root->line_max_file_size : 0);
	snprintf(num, sizeof(num), "%u", o->max_depth);
	origin(fp, "max-depth", num, fl->max_depth ? "--max-depth" : NULL, root,
	       root && root->set.max_depth ? root->line_max_depth : 0);
	snprintf(num, sizeof(num), "%zu", o->max_alias_nodes);
	origin(fp, "max-alias-nodes", num, fl->max_alias_nodes ? "--max-alias-nodes" : NULL,
	       root, root && root->set.max_alias_nodes ? root->line_max_alias_nodes : 0);
	snprintf(num, sizeof(num), "%zu", o->max_findings);
	origin(fp, "max-findings", num, fl->max_findings ? "--max-findings" : NULL,
	       root, root && root->set.max_findings ? root->line_max_findings : 0);
	origin(fp, "context", fl->no_context ? "(none)" : fl->context ? fl->context
			      : root && root->context_set ? (root->context ? root->context : "(none)")
			      : root ? "." : "(none)",
	       fl->no_context ? "--no-context" : fl->context ? "--context" : NULL, root,
	       root && root->context_set ? root->line_context : 0);
	if (c && config_excludes(c, path))
		fprintf(fp, "%-16s yes: an exclude glob of %s matches it\n", "excluded", c->path);
	/* the rules a configuration or an option sets, and where */
	{
		unsigned long long m = c ? matches(c, path) : 0;
		for (i = 0; i < rt->n; i++) {
			unsigned line = 0;
			int sev = set ? set->sev[i] : session_severity(st->s, (int)i);
			if (!rt->v[i].id)
				continue;
			if (st->disabled[i]) {
				fprintf(fp, "%-16s %-24s (--disable)\n", rt->v[i].id, "off");
				continue;
			}
			for (j = 0; c && j < c->nper_file && j < 64; j++) {
				size_t k;
				if (!(m >> j & 1))
					continue;
				for (k = 0; k < c->per_file[j].nrules; k++)
					if (c->per_file[j].rules[k].rule == (int)i)
						line = c->per_file[j].rules[k].line;
			}
			if (line && set && set->external[i]) {
				fprintf(fp, "%-16s %-24s (%s:%u: per-file, kept as suppressed)\n",
					rt->v[i].id, "off", c->path, line);
				continue;
			}
			for (j = 0; !line && c && j < c->nrules; j++)
				if (c->rules[j].rule == (int)i)
					line = c->rules[j].line;
			if (line) {
				fprintf(fp, "%-16s %-24s (%s:%u)\n", rt->v[i].id, sevs[sev],
					c->path, line);
				continue;
			}
			/* turned on by the checker's section (a policy control) */
			for (j = 0; c && set && j < c->section.ngrants && j < 64; j++) {
				const struct section_grant *g = &c->section.grants[j];
				if (g->rule == (int)i && (set->section_mask >> j & 1)) {
					fprintf(fp, "%-16s %-24s (%s:%u: %s)\n", rt->v[i].id,
						sevs[sev], c->path, g->line,
						st->s->ck->config_section);
					break;
				}
			}
			/* or by an option (--apply-frameworks) */
			if ((!c || !set || j == c->section.ngrants || j == 64) &&
			    fl->apply_frameworks && sev != rt->v[i].severity)
				fprintf(fp, "%-16s %-24s (--apply-frameworks)\n",
					rt->v[i].id, sevs[sev]);
		}
	}
}

void settings_warn_run_wide(FILE *fp, const struct config_set *cs,
			    const struct config *root)
{
	size_t i, k;
	for (i = 0; i < cs->nloaded; i++) {
		const struct config *c = cs->loaded[i];
		const struct { const char *key; unsigned line; int set; } keys[] = {
			{ "fail-on", c->line_fail_on, c->set.fail_on >= 0 },
			{ "format", c->line_format, c->set.format != NULL },
			{ "max-file-size", c->line_max_file_size, c->set.max_file_size != 0 },
			{ "max-depth", c->line_max_depth, c->set.max_depth != 0 },
			{ "max-alias-nodes", c->line_max_alias_nodes, c->set.max_alias_nodes != 0 },
			{ "max-findings", c->line_max_findings, c->set.max_findings != 0 },
			{ "context", c->line_context, c->context_set },
		};
		if (c == root || c->broken)
			continue;
		for (k = 0; k < sizeof(keys) / sizeof(keys[0]); k++)
			if (keys[k].set)
				fprintf(fp, "backuplint: warning: %s:%u: %s is not used in this "
					"run: it is run-wide, and run-wide settings come from %s%s\n",
					c->path, keys[k].line, keys[k].key,
					root ? root->path : "the configuration of the folder "
					"backuplint runs in (there is none)",
					root ? "" : " or --config");
	}
}
