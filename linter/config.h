/* config.h - the configuration file: .backuplint.yaml (.yml, .json), the
 * nearest one above each linted file up to the repository root.
 *
 * Keys (each like the option of the same name; options win over the file):
 * facts, region, account, fail-on, format, max-file-size, max-depth,
 * max-alias-nodes, max-findings; rules (rule id or name -> off, info,
 * warning, error); exclude (globs never linted); per-file (a list of {files:
 * glob or globs, rules, region, account, reason}); context (a folder whose backup
 * documents are loaded to link plans and selections, or false); policy (the
 * checker's, handed over as a tree).
 *
 * A configuration is linted like a document: an unknown key (with a
 * did-you-mean), a wrong type, an unknown rule, an invalid glob is a
 * diagnostic at its line and column in the config's own struct file, and a
 * configuration with any diagnostic is not used at all.
 *
 * Ownership: a config owns its file, tree and strings; configs are kept in a
 * config_set (one per folder that has one) for the run. Failure: loading
 * reports into the config's file; config_set_for() returns NULL when no
 * configuration applies. */
#ifndef BACKUPLINT_CONFIG_H
#define BACKUPLINT_CONFIG_H

#include <stddef.h>
#include <stdint.h>

#include "lint.h"

/* Where a setting comes from, for --print-config. */
struct origin {
	const char *from;  /* "default", "--region", or the config's path */
	unsigned line;     /* in the config, 0 otherwise */
};

struct conf_rule {
	int rule;          /* rule number */
	int sev;           /* enum severity; SEV_NONE: off */
	unsigned line;
};

struct conf_override {
	const char **globs;
	size_t nglobs;
	struct conf_rule *rules;
	size_t nrules;
	const char *region, *account;
	const char *reason;  /* why its rules are off: the suppressions' */
	unsigned line;
};

/* The settings given by the command line or a configuration file (NULL /
 * -1 / 0: not given); context, disable and no_context are the command
 * line's only (a configuration's context is context_set/context). */
struct flags {
	const char *facts, *region, *account, *format, *context;
	int fail_on;
	size_t max_file_size, max_depth, max_alias_nodes, max_findings;
	const char *disable;        /* --disable ID,... */
	int no_context;             /* --no-context */
	int apply_frameworks;       /* --apply-frameworks */
};

struct config {
	char *path;        /* as found */
	char *dir;         /* its folder, absolute: globs are relative to it */
	struct file file;  /* the configuration as a linted file */
	struct node *root;
	struct arena arena;
	int broken;        /* it has diagnostics: it is not used */
	/* settings; NULL, -1 or 0 when the file does not set them */
	struct flags set;  /* its scalar settings, as the command line's */
	int context_set;   /* context given: context (NULL: false) */
	const char *context;
	struct conf_rule *rules;
	size_t nrules;
	const char **exclude;
	size_t nexclude;
	struct conf_override *per_file;
	size_t nper_file;
	const struct node *policy; /* the checker's section, or NULL */
	struct config_section section; /* what the checker made of it */
	/* line of each scalar setting, for --print-config */
	unsigned line_facts, line_region, line_account, line_format, line_fail_on,
		line_max_file_size, line_max_depth, line_max_alias_nodes,
		line_max_findings, line_context;
};

/* Load and check the configuration at `path` (a run of session s holds its
 * diagnostics). 0 when it is usable; -1 when it could not be read (reason
 * in err) or has diagnostics (c->broken, in c->file). */
int config_load(struct config *c, struct run *r, const char *path, char *err,
		size_t errlen);
void config_release(struct config *c);

/* The configurations met in a run, by folder. */
struct config_set {
	struct run *run;
	const char *forced;        /* --config FILE, or NULL */
	int disabled;              /* --no-config */
	struct config **loaded;    /* each file once */
	size_t nloaded;
	struct dir_entry {
		char *dir;         /* absolute */
		struct config *c;  /* NULL: none above it */
	} *dirs;
	size_t ndirs, cap;
	/* dirs[] by the hash of the folder (nslots a power of two; each slot
	 * an index + 1, or 0): a run over thousands of module folders found
	 * each by comparing it with all the others */
	uint32_t *slots;
	size_t nslots;
	/* the real paths of the folders met, by their path as written
	 * (resolve_path() in config.c); nreal slots, a power of two */
	struct real_entry {
		char *written, *real;
	} *real;
	size_t nreal, nreal_used;
	char *last_key;            /* the folder of the last file, as written */
	struct config *last;       /* and its configuration */
	char err[512];             /* the first read failure */
	int trouble;               /* a config could not be read */
};

void config_set_init(struct config_set *s, struct run *r, const char *forced,
		     int disabled);
void config_set_release(struct config_set *s);
/* The configuration that applies to `path` (a file or a folder): --config,
 * else the nearest .backuplint.{yaml,yml,json} above it up to the folder
 * that holds .git (or the file-system root); NULL when none. */
struct config *config_set_for(struct config_set *s, const char *path);

/* `path` relative to config c's folder (in buf), for its globs; NULL when
 * the path is outside it. */
const char *config_relative(const struct config *c, const char *path,
			    char *buf, size_t n);
/* 1 when the file name of `path` is one of a configuration's. */
int config_is_name(const char *path);
/* The context folder root configuration `root` names: its `context`
 * (relative to its folder), else its folder; NULL when root is NULL or
 * says context: false (malloc'd). */
char *config_context_dir(const struct config *root);
/* 1 when config c excludes `path`. */
int config_excludes(const struct config *c, const char *path);

#endif
