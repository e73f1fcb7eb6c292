/* settings.h - what is in force, and where it comes from: the options of
 * the command line win over the configuration file, which wins over the
 * defaults; for one file, a configuration's per-file entries whose globs
 * match it win over its top level.
 *
 * Run-wide settings (format, fail-on, the limits, context) come from the
 * configuration of the current folder (or --config); file settings (rules,
 * region, account, facts, exclude, per-file) from the configuration nearest
 * the file.
 *
 * Ownership: a settings set owns the per-file tables it hands out. */
#ifndef BACKUPLINT_SETTINGS_H
#define BACKUPLINT_SETTINGS_H

#include <stdio.h>

#include "config.h"
#include "lint.h"

/* Options in force for the run: defaults <- root config <- flags. */
void settings_options(struct options *o, const struct config *root,
		      const struct flags *fl);

struct settings {
	struct session *s;
	const struct flags *fl;
	unsigned char *disabled;     /* per rule: --disable named it */
	struct arena arena;          /* the tables handed out */
	struct settings_memo {
		const struct config *c;
		unsigned long long match; /* which per-file entries (first 64) */
		unsigned long long grants; /* which section grants (first 64) */
		struct file_settings *set;
	} *memo;
	size_t nmemo, capmemo;
};

/* 0, or -1 with a reason in err (--disable naming no rule). */
int settings_init(struct settings *st, struct session *s, const struct flags *fl,
		  char *err, size_t n);
void settings_release(struct settings *st);
/* What config c (NULL: none) says for the file at `path`. */
const struct file_settings *settings_for(struct settings *st,
					 const struct config *c, const char *path);

/* The settings of a file read only to link the others (a context file):
 * set's (NULL: the session's), marked as such; kept by st. */
const struct file_settings *settings_context(struct settings *st,
					     const struct file_settings *set);

/* --print-config: the settings in force for `path`, one a line, each with
 * where it comes from. */
void settings_print(FILE *fp, struct settings *st, const struct config *root,
		    const struct config *c, const char *path);

/* Warn (on fp) of run-wide settings in configurations other than the
 * root one: they are not used in this run. */
void settings_warn_run_wide(FILE *fp, const struct config_set *cs,
			    const struct config *root);

#endif
