/* model.h - what the policy rules (region, restype, copymode, iam) need to
 * know about a document: each plan's source Region and account, its backup
 * rules and copy actions with their destinations, each selection's resource
 * types, and (after model_link()) which selections protect which plan.
 *
 * A place (Region, account, partition) is known from the document
 * (GetBackupPlan's BackupPlanArn, StartCopyJob's RecoveryPointArn, a vault
 * ARN), is "the stack's own" in CloudFormation (${AWS::Region} in Fn::Sub,
 * a vault of the same template), or comes from --region/--account; else it
 * is unknown (NULL) and the rules that need it say nothing.
 *
 * Ownership: everything lives in the document's arena (d->model); model_of()
 * builds it once per document and marks
 * documents that have plans, selections or copy jobs as kept for check_run.
 * Nothing here reports diagnostics. */
#ifndef BACKUPLINT_MODEL_H
#define BACKUPLINT_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "facts.h"
#include "registry.h"
#include "walk.h"

/* Where a vault or resource lives. `same_*` set: it is the source's own
 * (CloudFormation ${AWS::Region}, a vault of the same stack), even when the
 * source itself is unknown. Strings are NUL-terminated arena copies. */
struct place {
	const char *region, *account, *partition;
	unsigned same_region : 1, same_account : 1, same_partition : 1;
	unsigned region_from_doc : 1; /* source: from the document, not --region */
};

/* A string in the document that a rule may point into: the node, and the
 * byte offset of the part (Region, account...) inside the node's string
 * when it maps 1:1 onto the source (else the whole node is used). */
struct part {
	const struct node *node;
	uint32_t off, len;  /* within node's string; len 0: whole node */
};

struct copy_model {
	const struct node *action;   /* CopyAction map */
	const struct node *arn;      /* DestinationBackupVaultArn value */
	const struct node *key;      /* its key */
	int rule;                    /* index into plan_model.rules */
	struct place dst;
	struct part region_part, partition_part, account_part;
	const char *vault;           /* destination vault name, or NULL */
	const char *vault_ref;       /* CFN logical id of the vault, or NULL */
	/* against the plan's source: 1 yes, 0 no, -1 unknown */
	int cross_region, cross_account, cross_partition;
	const char *dst_region;      /* effective destination Region or NULL */
	const char *dst_partition;
};

struct rule_model {
	const struct node *rule;     /* the backup rule map */
	const char *name;            /* RuleName or "rule N" */
	const char *vault;           /* target vault name, or NULL */
	const char *vault_ref;       /* CFN logical id the target Refs, or NULL */
	size_t first_copy, ncopies;  /* copies[first_copy..+ncopies) */
};

struct sel_model;

struct plan_model {
	struct doc *doc;
	struct plan_ref *ref;
	const char *name;            /* BackupPlanName, logical id, or "plan" */
	struct place src;
	struct part src_region_part; /* in BackupPlanArn, when from the doc */
	struct rule_model *rules;
	size_t nrules;
	struct copy_model *copies;
	size_t ncopies;
	/* after model_link(): what the selections linked to it protect */
	struct sel_model **sels;
	size_t nsels;
	uint32_t known, maybe;       /* resource types (facts.h bitmasks) */
	int any;                     /* a selection may include any type */
};

/* One resource of a selection's Resources. */
struct res_model {
	const struct node *node;     /* the value (string or intrinsic) */
	struct arn_types t;
	const char *text;            /* the ARN as written (Fn::Sub template) */
	struct place pl;             /* its Region and account, where known */
	struct part region_part;
};

struct sel_model {
	struct doc *doc;
	struct selection_ref *ref;
	const char *name;            /* SelectionName or logical id */
	const char *plan_key;        /* API BackupPlanId, or NULL */
	const char *plan_logical;    /* CFN: logical id its BackupPlanId names */
	struct res_model *res;
	size_t nres;
	uint32_t known, maybe;
	int any;                     /* "*", tags, conditions, or no Resources */
	struct plan_model *plan;     /* after model_link(), or NULL */
};

/* A StartCopyJob request. */
struct copyjob_model {
	const struct node *rp;       /* RecoveryPointArn value */
	const struct node *arn;      /* DestinationBackupVaultArn value */
	struct place src, dst;
	struct part src_region_part, region_part, partition_part, account_part;
	const char *src_vault, *vault;
	int cross_region, cross_account, cross_partition;
	uint32_t known;              /* the recovery point's resource type */
};

struct doc_model {
	struct walk_cache walk;      /* walk.h's lists */
	int built;                   /* model_of() has filled the rest */
	struct doc *doc;
	struct plan_model *plans;
	size_t nplans;
	struct sel_model *sels;
	size_t nsels;
	struct copyjob_model *job;   /* or NULL */
	const struct facts *facts;
	struct plan_model *file_plan; /* the file's only plan (model_link) */
};

/* The model of d, built on first call (from any policy family's check_doc;
 * then cached). Never NULL. */
struct doc_model *model_of(struct doc *d);

/* Link selections to plans across every kept document of run r (CFN
 * BackupPlanId Ref/GetAtt, API BackupPlanId, or the run's only plan) and
 * compute each plan's resource types. Idempotent: the first call of a run
 * does the work. */
void model_link(struct run *r);

/* Link the run (model_link), then call fn for every plan of every kept
 * document, with the document and its dataset. */
void model_each_plan(struct run *r,
		     void (*fn)(struct doc *d, const struct facts *f,
				struct plan_model *p));

/* A Region/account/partition of an ARN-like string: fills the parts of `pl`
 * and `parts` (region, partition, account, in that order); `vault` gets the
 * backup-vault name. Handles literal strings, Fn::Sub templates and Fn::Join
 * of literals and pseudo-parameter Refs, Fn::GetAtt of a vault resource.
 * Returns 0 when it is an ARN (possibly partly unknown), -1 when not. */
int model_place(struct doc *d, const struct node *v, struct place *pl,
		struct part parts[3], const char **vault, const char **vault_ref);

/* Cross-Region/account/partition of dst against src: 1, 0, or -1 unknown.
 * *eff_region / *eff_partition receive the destination's effective values. */
void model_compare(const struct place *src, const struct place *dst,
		   int *xr, int *xa, int *xp, const char **eff_region,
		   const char **eff_partition);

/* Report helper: like report() but pointing at part p when it maps onto the
 * source, else at p->node. */
struct diag *report_part(struct doc *d, enum rule_id r, const struct part *p,
			 const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* "facts: NAME, SOURCE" for a message tail; for a LIMITED fact with a
 * note, the note (the condition) is appended. Allocated in d's arena. */
const char *model_cite(struct doc *d, const struct facts *f, enum fact v,
		       const char *note);

/* How many levels below its rule's severity a type-dependent finding is
 * reported (diag_demote): none when the types are known and the fact is NO;
 * one more when they only may be there, one more when the fact is LIMITED. */
int model_demotion(int known, enum fact v);

#endif
