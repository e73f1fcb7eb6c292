/* checker.h - what the program hands the engine: its rule table, its rule
 * families, and the hooks through which the engine meets the documents it
 * lints without knowing what they are.
 *
 * The engine (linter/) reads files, loads documents into trees, keeps
 * diagnostics and writes them out; it knows no AWS fact and no rule id of its
 * own. rules/registry.c defines backuplint's one checker; main.c hands it to
 * session_init(). Tests may hand other checkers.
 *
 * Threads: check_doc, relevant, classify and the tag hook run in worker
 * threads, one document at a time; they may read the session and run but
 * write only to their document. run_init, check_run and run_release run in
 * one thread for the run, and in worker threads for a run of one file that
 * release_early (release.c) makes, each with its own state: check_run may
 * write only to its run's state and the documents of its run's files.
 * Ownership: a checker is static data. */
#ifndef BACKUPLINT_CHECKER_H
#define BACKUPLINT_CHECKER_H

#include <stddef.h>

#include "load.h"
#include "rule.h"

struct arena;
struct doc;
struct file;
struct run;
struct session;
struct strbuf;

/* A group of rules checked together (one module of rules/). */
struct family {
	const char *name;
	/* each document the checker recognised, after it is loaded */
	void (*check_doc)(struct doc *d);
	/* once per run, after every file: findings that link documents */
	void (*check_run)(struct run *r);
};

/* A rule a configuration section turns on: rule number `rule` at severity
 * `sev` for the files that one of its globs matches (relative to the
 * configuration's folder; no globs: every file). */
struct section_grant {
	const char *const *globs;
	size_t nglobs;
	int rule;
	int sev;
	unsigned line;  /* in the configuration, for --print-config; 0: none */
};

/* What a checker made of its configuration section: its own data (handed
 * to the files the configuration applies to, as file->section) and the
 * rules it turns on. Grant i applies to a file when bit i of
 * file->section_mask is set (the first 64). */
struct config_section {
	const void *data;
	const struct section_grant *grants;
	size_t ngrants;
};

struct checker {
	struct rule_table rules;
	/* The rule number of each input problem (enum input_kind). */
	int input_rule[IN_COUNT];
	const struct family *families;
	size_t nfamilies;

	/* Documents. `documents` names what the checker reads, for the
	 * message about a document it does not ("a backup plan, ..."); `keys`
	 * says which top-level keys it looks for (a hint). */
	const char *documents;
	const char *keys;
	/* Keys that name the items of a list ("RuleName"): fingerprints say
	 * Rules[nightly], not Rules[0]. NULL-terminated. */
	const char *const *item_names;
	/* A file found by walking a directory is loaded only when this says
	 * it may hold a document of ours (cheap: a look at the bytes). */
	int (*relevant)(const char *buf, size_t len);
	/* The kind of a loaded document (>= 0), or -1 when it is none of
	 * ours. May set d->model, and replace d->root by another reading of
	 * the same source (Terraform's JSON syntax); a repeated key it flags
	 * NF_REPEATS in the loaded tree is no duplicate. */
	int (*classify)(struct doc *d);
	/* Suppressions the document itself holds (CloudFormation Metadata):
	 * added with suppress_name() before the families run. May be NULL. */
	void (*doc_suppressions)(struct doc *d);
	/* A document read only to link the files linted (a context file):
	 * build what the run phase needs and keep it. May be NULL. */
	void (*context_doc)(struct doc *d);
	/* The language server's hover over a value: what the checker can
	 * say of the value at byte `off` of document d (a document kept after
	 * its checks), appended to `out` as Markdown; returns 1 when it said
	 * something. May be NULL. */
	int (*hover)(struct doc *d, size_t off, struct strbuf *out);
	/* 1 when d's checks need the other documents of the run (a
	 * Terraform file: its module's variables and locals): its families
	 * (or context_doc) then run at the start of the run phase, in one
	 * thread, before any check_run. May be NULL. */
	int (*defer_doc)(struct doc *d);
	/* Deferred documents in groups that need nothing of each other's (a
	 * Terraform module): defer_cmp orders them, 0 within a group. The
	 * groups are then checked in parallel (run.jobs threads), each in
	 * one thread, its documents in the order of the run; a group's
	 * checks write only to its documents and files. defer_prepare runs
	 * first, in one thread, and builds what the groups share. NULL: the
	 * deferred documents are checked in one thread. */
	int (*defer_cmp)(const struct doc *a, const struct doc *b);
	void (*defer_prepare)(struct run *r);
	/* Releasing documents (lint.h): release_doc(d), after d's checks,
	 * is 1 when d's run-phase findings need no other document of the run
	 * as long as run_isolated() says so at the run phase: no kept
	 * document links to another. run_forget() drops the run's links,
	 * so that check_run may run again over another view of the run (one
	 * document). All three NULL: nothing is released. */
	int (*release_doc)(struct doc *d);
	int (*run_isolated)(struct run *r);
	void (*run_forget)(struct run *r);
	/* YAML tags of the documents' language (load.h); may be NULL. */
	int (*yaml_tag)(struct load_ctx *c, struct node *n, const char *tag,
			const char *buf, size_t len);

	/* An option the checker gives meaning to ("facts", "region",
	 * "account"): 0 when `value` is valid, else -1 with a reason (and a
	 * did-you-mean) in why. NULL: every value is. */
	int (*check_option)(const char *name, const char *value, char *why,
			    size_t n);
	/* The checker's section of a configuration file ("policy"), NULL
	 * when it has none: checks the tree, reporting into the config's
	 * file (report_at), and returns 0 when it is usable, with what it
	 * asks of the engine in *out (allocated in arena a, the config's). */
	const char *config_section;
	int (*check_config)(struct file *config, const struct node *section,
			    struct arena *a, struct config_section *out);

	/* The checker's own state for a session (a dataset chosen by an
	 * option) and for a run (links between documents). session_init
	 * returns -1 with a one-line reason when the options are wrong. */
	int (*session_init)(struct session *s, char *err, size_t errlen);
	void (*session_release)(struct session *s);
	void (*run_init)(struct run *r);
	void (*run_release)(struct run *r);
};

#endif
