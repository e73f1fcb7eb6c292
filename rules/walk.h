/* walk.h - where the plans, backup rules and selections of a document are,
 * whatever its kind (API input/output, bare, CloudFormation), and what a
 * CloudFormation value is known to be at lint time.
 *
 * Ownership: arrays returned are allocated in the document's arena and live
 * as long as the document. Nothing here reports diagnostics. */
#ifndef BACKUPLINT_WALK_H
#define BACKUPLINT_WALK_H

#include <stddef.h>

#include "../linter/lint.h"

struct plan_ref {
	struct node *plan;       /* BackupPlanInput / BackupPlan / BackupPlanResourceType map */
	struct node *rules;      /* its Rules (API) or BackupPlanRule (CFN) value; may be any kind or NULL */
	int cfn;                 /* 1: CloudFormation property names */
	struct node *resource;   /* CFN: the resource map {Type, Properties, ...}; else NULL */
	const char *logical_id;  /* CFN: logical id; else NULL */
	struct node *plan_id;    /* API: BackupPlanId value when the document carries one; else NULL */
	struct node *plan_arn;   /* API: BackupPlanArn value (GetBackupPlan output); else NULL */
};

struct selection_ref {
	struct node *sel;        /* BackupSelection / BackupSelectionResourceType map (or the bare root) */
	struct node *plan_id;    /* BackupPlanId value (API string, or CFN Ref/GetAtt map); NULL if absent */
	int cfn;
	struct node *resource;
	const char *logical_id;
};

/* The lists of a document, computed once. */
struct walk_cache {
	int done;
	struct plan_ref *plans;
	size_t nplans;
	struct selection_ref *sels;
	size_t nsels;
};

/* Where d keeps them (its model, model.c). */
struct walk_cache *walk_cache_of(struct doc *d);

/* Plans and selections of document d (computed once, kept in its model).
 * *out may be NULL when the count is 0. */
size_t doc_plans(struct doc *d, struct plan_ref **out);
size_t doc_selections(struct doc *d, struct selection_ref **out);

/* Call fn for every backup rule of every plan of d whose value is a
 * mapping known at lint time (intrinsics that stand for a whole rule are
 * skipped). */
void each_rule(struct doc *d,
	       void (*fn)(struct doc *d, const struct node *rule,
			  const struct plan_ref *p));

/* Dialect-dependent member names. */
const char *key_rules(int cfn);        /* "Rules" | "BackupPlanRule" */
const char *key_target_vault(int cfn); /* "TargetBackupVaultName" | "TargetBackupVault" */

#endif
