/* model.h - what the rules know of a document, read once: its plans with
 * their backup rules, lifecycles and copy actions, its selections with the
 * resource types they may protect, its copy job; and, after model_link(),
 * which selections protect which plan across the run.
 *
 * Every field a rule uses is a struct value (dialect.h) with its state, so
 * that no rule reads raw nodes for it. Places (Region, account, partition)
 * come from ARNs in the document (place.h), are "the stack's own" in
 * CloudFormation (${AWS::Region} in Fn::Sub, a vault of the same template),
 * or come from --region/--account; else they are unknown (NULL) and the
 * rules that need them say nothing.
 *
 * Ownership: the model lives in the document's arena (d->model), built once
 * by model_of(), which also keeps documents with plans, selections or a copy
 * job for the run phase. The link fields (marked so below) belong to the
 * current run: model_link() resets and fills them, and their arrays live in
 * the run's state. Nothing here reports diagnostics. */
#ifndef BACKUPLINT_MODEL_H
#define BACKUPLINT_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "dialect.h"
#include "facts.h"
#include "place.h"
#include "registry.h"

struct lifecycle_m {
	struct value self;           /* the Lifecycle member */
	struct value cold, del;
	const struct value *archive; /* rare: out of line (value_rare) */
	/* DeleteAfterEvent (DELETE_AFTER_COPY, in GetBackupPlan output): the
	 * recovery point goes when it is copied, not after a number of days.
	 * Rare, so out of line (value_rare): never NULL */
	const struct value *del_event;
	/* an undecided Fn::If or Fn::FindInMap for the whole Lifecycle: the
	 * lifecycles it may be (their values carry the branch) */
	struct lifecycle_m *alts;
	uint32_t nalts;
	/* no Lifecycle, but a member of one (DeleteAfterDays...) written
	 * beside it, in the rule or copy action (BKP101 says so): what the
	 * lifecycle was meant to be is not known */
	int misplaced;
};

/* The lifecycles lc may be: lc itself, or its alternatives. */
static inline size_t lifecycle_variants(const struct lifecycle_m *lc,
					const struct lifecycle_m **out)
{
	if (lc->nalts) {
		*out = lc->alts;
		return lc->nalts;
	}
	*out = lc;
	return 1;
}

/* 1 when lifecycle lc asks for the archive tier
 * (OptInToArchiveForSupportedResources true). */
static inline int lifecycle_archive(const struct lifecycle_m *lc)
{
	return value_is(lc->archive, VT_BOOL) && lc->archive->u.b;
}

struct copy_m {
	const struct node *node;     /* the copy action map */
	struct value dest;           /* DestinationBackupVaultArn */
	struct lifecycle_m lc;
	int rule;                    /* index into plan_m.rules */
	/* the destination, when dest is an ARN (is_arn) */
	int is_arn;
	struct place dst;
	struct part region_part, partition_part, account_part;
	const char *vault;           /* destination vault name, or NULL */
	const char *vault_ref;       /* CFN logical id of the vault, or NULL */
	/* against the plan's source: 1 yes, 0 no, -1 unknown (link) */
	int cross_region, cross_account, cross_partition;
	const char *dst_region;      /* effective destination Region or NULL */
	const char *dst_partition;
};

struct rule_m {
	const struct node *node;     /* the backup rule map */
	const char *name;            /* RuleName, or "rule N" */
	struct value rule_name, target, schedule, start, completion;
	/* rarer, so out of line (value_rare): never NULL */
	const struct value *timezone, *continuous, *copy_actions, *air_gapped;
	const struct cfn_branch *when; /* a rule of one branch, or NULL */
	struct lifecycle_m lc;
	const char *vault;           /* target vault name, or NULL */
	const char *vault_ref;       /* CFN logical id the target names, or NULL */
	/* Terraform: the aws_backup_logically_air_gapped_vault the air-gapped
	 * target references ("aws_backup_logically_air_gapped_vault.x"), or
	 * NULL */
	const char *air_gapped_ref;
	uint32_t first_copy, ncopies; /* plan_m.copies[first_copy..+ncopies) */
};

struct sel_m;

struct plan_m {
	struct doc *doc;
	const struct node *plan;     /* the plan map */
	const struct node *resource; /* CFN: the resource map; else NULL */
	const char *logical_id;      /* CFN: its logical id; else NULL */
	struct value plan_id;        /* API: the BackupPlanId the document carries */
	struct value plan_arn;       /* API: BackupPlanArn (GetBackupPlan output) */
	struct value tags;           /* BackupPlanTags */
	struct value rules_v;        /* Rules / BackupPlanRule */
	const char *name;            /* BackupPlanName, logical id, or "plan" */
	struct place doc_src;        /* the source as the document and options say */
	struct place src;            /* the same, completed by the run (link):
				      * its Region from BackupPlanArn, else the
				      * one Region of the selected ARNs, else
				      * --region */
	const char *option_region;   /* (link) --region, when the selected
				      * ARNs name another Region and it lost */
	struct part src_region_part; /* in BackupPlanArn, when from the doc */
	const struct node *region_node; /* Terraform: its provider's literal
					 * Region, or NULL */
	struct rule_m *rules;
	size_t nrules, rcap;
	struct copy_m *copies;
	size_t ncopies, ccap;
	/* what the selections linked to it protect (link) */
	struct sel_m **sels;
	size_t nsels;
	uint32_t known, maybe;       /* resource types (facts.h bitmasks) */
	int any;                     /* a selection may include any type */
};

/* One resource of a selection's Resources. */
struct res_m {
	const struct node *node;     /* the value (string or intrinsic) */
	struct arn_types t;
	const char *text;            /* the ARN as written (Fn::Sub template) */
	struct place pl;             /* its Region and account, where known */
	struct part region_part;
	int literal_var;             /* CFN: ${...} in a plain string, not in
				      * Fn::Sub: CloudFormation leaves it as is */
};

struct sel_m {
	struct doc *doc;
	const struct node *sel;      /* the selection map */
	const struct node *resource; /* CFN: the resource map; else NULL */
	const char *logical_id;      /* CFN: its logical id; else NULL */
	const char *name;            /* SelectionName, logical id, or "selection" */
	struct value sel_name, iam_role, resources, list_of_tags, conditions;
	struct value plan_id;        /* BackupPlanId (API string or CFN Ref/GetAtt) */
	struct value not_resources;
	const char *plan_key;        /* API: the plan id it names, or NULL */
	const char *plan_logical;    /* CFN: the logical id its BackupPlanId names */
	int foreign;                 /* CFN: BackupPlanId names a plan of another
				      * stack (ImportValue, a literal, a
				      * Parameter): never linked */
	int empty;                   /* neither Resources nor ListOfTags: AWS
				      * rejects it, it protects nothing */
	struct res_m *res;
	size_t nres;
	uint32_t known, maybe;
	uint32_t excluded;           /* types NotResources excludes whole */
	int any;                     /* "*", a wildcard service, ListOfTags
				      * (OR with Resources): any type */
	struct plan_m *plan;         /* (link) the plan it protects, or NULL */
};

/* A StartCopyJob request. */
struct job_m {
	struct value rp;             /* RecoveryPointArn */
	struct value dest;           /* DestinationBackupVaultArn */
	struct value src_vault_v;    /* SourceBackupVaultName */
	struct lifecycle_m lc;
	int is_arn;                  /* dest is an ARN */
	struct place src, dst;
	struct part src_region_part, region_part, partition_part, account_part;
	const char *src_vault, *vault;
	int cross_region, cross_account, cross_partition;
	const char *dst_region, *dst_partition;
	uint32_t known;              /* the recovery point's resource type */
};

/* A backup vault the document defines, with its retention bounds (vault
 * lock, logically air-gapped vault). */
struct vault_m {
	struct doc *doc;
	const struct node *node;     /* the vault (resource or document) */
	const char *logical_id;      /* CFN: its logical id; else NULL */
	const char *name;            /* BackupVaultName, or NULL */
	struct value name_v, min, max;
	int air_gapped;
	/* what defines it: 'v' a vault (CFN resource, CreateBackupVault),
	 * 'l' a vault lock document, 'p' an access policy document, 'a' a
	 * logically air-gapped vault */
	int what;
	int locked;                  /* LockConfiguration given, or a lock document */
	struct value tags, key;      /* BackupVaultTags, EncryptionKeyArn */
	struct value policy;         /* AccessPolicy / Policy (a map, or a
				      * JSON string: policy_doc) */
	const struct node *policy_doc; /* the policy as a tree, or NULL */
	/* the resource types of the plans of the run that back up or copy
	 * to it (policy controls scoped by type; set in the run phase):
	 * held_types the facts.h bitmask, held_any a plan may select any
	 * type, held_unknown a plan whose selections are not in the run,
	 * held_seen some plan does */
	uint32_t held_types;
	unsigned char held_any, held_unknown, held_seen;
};

/* Every vault of the kept documents of run r (each vault definition, lock
 * and access policy document), in one array the caller frees. */
struct vault_set {
	struct vault_m **v;
	size_t n;
	/* three indexes into v (link.c), so that vault_find() is a binary
	 * search, not a scan of every vault of the run per rule */
	size_t *ix[3];
	size_t nix[3];
};
void vaults_collect(struct run *r, struct vault_set *vs);
void vaults_release(struct vault_set *vs);
/* 1 when vs holds an access policy document for vault v: one of its name,
 * or of its logical id in its own document. */
int vault_set_has_policy(const struct vault_set *vs, const struct vault_m *v);
/* The vault a rule or copy of plan p's document lands in: a vault resource
 * of the same template it names (ref), else a vault of that name in the run
 * (a template's only when the copy stays in the stack's account and Region,
 * elsewhere == 0; a document's in any case); `from` > 0 continues a search
 * after index from - 1 (the next definition of the same vault). Returns the
 * index + 1, 0 when none. */
size_t vault_find(const struct vault_set *vs, const struct plan_m *p,
		  const char *ref, const char *name, int elsewhere, size_t from);

struct doc_model {
	struct cfn_info *cfn;        /* the evaluation's (cfn.h), or NULL */
	struct tf_env *tf;           /* Terraform's (tf_eval.h), or NULL */
	int built;
	struct doc *doc;
	const struct facts *facts;
	struct plan_m *plans;
	size_t nplans;
	struct sel_m *sels;
	size_t nsels;
	struct vault_m *vaults;
	size_t nvaults;
	struct job_m *job;           /* or NULL */
	const void *frameworks;      /* its Audit Manager frameworks' controls
				      * (policy.h), or NULL */
	struct plan_m *file_plan;    /* (link) the file's only plan */
	struct tf_index *tf_ix;      /* a Terraform file's provider blocks and
				      * resources, indexed (terraform.c), or NULL */
};

/* The model of d, built on first call, then cached. Never NULL. */
struct doc_model *model_of(struct doc *d);

/* For the document builders (model.c, terraform.c): read plan or
 * selection map `plan` / `s` into pm / sm, whose document-specific fields
 * (logical id, resource, plan_id, region_node) the caller has set. */
void build_plan(struct doc *d, struct plan_m *pm, const struct node *plan);
void build_selection(struct doc *d, struct sel_m *sm, const struct node *s);
/* Read vault `r` (its members in map props) into the next of m->vaults
 * (the caller has made room): a template's or a Terraform file's resource
 * `id` (top 0), or a whole API document (top: 'v' CreateBackupVault, 'l'
 * a vault lock, 'p' an access policy; air_gapped: a logically air-gapped
 * vault). */
struct vault_m *build_vault(struct doc *d, struct doc_model *m, const char *id,
			    const struct node *r, const struct node *props,
			    int air_gapped, int top);
/* The plans, selections and copies to its vaults of a Terraform file
 * (terraform.c). */
void tf_build(struct doc *d, struct doc_model *m);
/* The vaults of a Terraform file that bound retention (vault locks,
 * logically air-gapped vaults) and the vaults its rules' targets
 * reference (tf_vault.c); called by tf_build. */
void tf_build_vaults(struct doc *d, struct doc_model *m);
#define TF_LAG_VAULT "aws_backup_logically_air_gapped_vault"
/* Resource block i of a Terraform file body: 1 with its type, name and
 * body; the body of resource TYPE.NAME of file d (by the file's index), or
 * NULL; the NAME of a reference TYPE.NAME.ATTR exactly, or NULL
 * (terraform.c). */
int tf_resource_at(const struct node *root, uint32_t i, const char **type,
		   const char **name, const struct node **body);
const struct node *tf_find_resource(struct doc *d, const char *type,
				    const char *name);
/* ... and of data source TYPE.NAME. */
const struct node *tf_find_data(struct doc *d, const char *type, const char *name);
const char *tf_ref(const struct node *e, const char *type, const char *attr);
/* The object OBJ of Terraform's jsonencode(OBJ), or NULL (terraform.c). */
const struct node *tf_jsonencode_arg(const struct node *e);
/* The plans and selections of an Organizations backup policy
 * (orgpolicy.c): one plan for each Region of its `regions` (a policy's
 * Regions are its plans' source Regions), with the selections of the
 * policy's plan linked to each. */
void org_build(struct doc *d, struct doc_model *m);
/* Order of documents by module: the files of one folder are one Terraform
 * module (0), any other document is a module of its own. */
int tf_module_cmp(const struct doc *a, const struct doc *b);
/* Run phase (model_link): complete the Terraform plans among plans[0..n)
 * with what the other files of their module declare (provider Region,
 * vaults their copies go to). */
void tf_link(struct run *r, struct plan_m **plans, size_t n);

/* Where the Terraform evaluation keeps its module's variables and locals
 * for document d (rules/tf_eval.c). */
struct tf_env;
struct tf_env **tf_slot(struct doc *d);

/* Link selections to plans across every kept document of run r (CFN
 * BackupPlanId Ref/GetAtt, API BackupPlanId, or the run's only plan) and
 * compute each plan's resource types. The first call of a run does the
 * work; a new run links afresh. */
void model_link(struct run *r);

/* Releasing documents after their checks (checker.h's release_doc,
 * run_isolated and run_forget). */
int model_release_doc(struct doc *d);
int model_run_isolated(struct run *r);
void model_run_forget(struct run *r);

/* Link the run (model_link), then call fn for every plan of every kept
 * document, with the document and its dataset. */
void model_each_plan(struct run *r,
		     void (*fn)(struct doc *d, const struct facts *f,
				struct plan_m *p));

/* "facts: NAME, SOURCE" for a message tail, SOURCE where feature feat of
 * type t comes from (facts_cite_type); for a LIMITED fact with a note, the
 * note (the condition) is appended. Allocated in d's arena. */
const char *model_cite(struct doc *d, const struct facts *f, int t,
		       enum feature feat, enum fact v, const char *note);
/* For a message that attributes the fact to its source in its words ("the
 * AWS Backup cross-Region copy guide says ..."): the source of feature feat
 * of type t, and in *cite the rest of the cite ("facts: spec", with the
 * note of a LIMITED fact). */
const char *model_source(struct doc *d, const struct facts *f, int t,
			 enum feature feat, enum fact v, const char *note,
			 const char **cite);

/* How many levels below its rule's severity a type-dependent finding is
 * reported (diag_demote): none when the types are known and the fact is NO;
 * one more when they only may be there, one more when the fact is LIMITED. */
int model_demotion(int known, enum fact v);

#endif
