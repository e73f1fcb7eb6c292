/* kinds.h - the document kinds backuplint reads: how each is recognised,
 * which shape the schema family checks it against, and in which dialect
 * its members are named.
 *
 * The table doc_kinds[] (kinds.c) is the one list; doc->kind is an index into
 * it. Detection looks at the top-level keys of a mapping, in table order
 * (the first row that matches wins); an HCL file's body is always a
 * Terraform file. Nothing here allocates or reports. */
#ifndef BACKUPLINT_KINDS_H
#define BACKUPLINT_KINDS_H

#include <stddef.h>

#include "../linter/lint.h"

enum doc_kind {
	DOC_CFN,              /* CloudFormation template */
	DOC_PLAN_OUTPUT,      /* GetBackupPlan output */
	DOC_PLAN_UPDATE,      /* UpdateBackupPlan input */
	DOC_PLAN_CREATE,      /* CreateBackupPlan input */
	DOC_SELECTION_OUTPUT, /* GetBackupSelection output */
	DOC_SELECTION_INPUT,  /* CreateBackupSelection input */
	DOC_COPY_JOB,         /* StartCopyJob input */
	DOC_PLAN_BARE,        /* {"BackupPlanName", "Rules"}: --backup-plan file:// */
	DOC_SELECTION_BARE,   /* {"SelectionName", "IamRoleArn", ...} */
	DOC_TF,               /* a Terraform file (HCL native syntax) */
	DOC_ORG_POLICY,       /* an AWS Organizations backup policy
			       * ({"plans": {...}}), alone or the Content of
			       * a template's or Terraform file's policy */
	DOC_OTHER,            /* recognised, not linted: another AWS Backup
			       * API request or response (StartRestoreJob
			       * input...), or a template without AWS::Backup
			       * resources */
	DOC_KIND_COUNT,
};

enum dialect_id {
	DIALECT_API,          /* AWS Backup API member names */
	DIALECT_CFN,          /* CloudFormation property names and intrinsics */
	DIALECT_TF,           /* Terraform AWS provider argument names */
	DIALECT_ORG,          /* Organizations backup policy keys, values
			       * under @@assign */
};

enum kind_role {
	ROLE_PLAN = 1,        /* holds one backup plan at the top */
	ROLE_SELECTION = 2,   /* holds one backup selection at the top */
	ROLE_COPY_JOB = 4,
	ROLE_TEMPLATE = 8,    /* resources of many kinds */
	ROLE_MODULE = 16,     /* Terraform: resource blocks of many types */
	ROLE_POLICY = 32,     /* an Organizations backup policy: plans */
};

struct kind {
	const char *name;     /* "GetBackupPlan output" */
	const char *shape;    /* the document's label in the shapes file, or
			       * NULL: no shape is checked (Terraform) */
	int dialect;          /* enum dialect_id */
	unsigned roles;       /* enum kind_role */
	/* The member holding the plan or selection ("BackupPlan"), NULL when
	 * the document is the plan or selection itself. */
	const char *member;
	int (*match)(const struct node *root);
};

extern const struct kind doc_kinds[DOC_KIND_COUNT];

/* The kind of document d. */
static inline const struct kind *kind_of(const struct doc *d)
{
	return &doc_kinds[d->kind];
}

/* The checker's hooks (checker.h). */
int kinds_classify(struct doc *d);
int kinds_relevant(const char *buf, size_t len);

/* What a DOC_OTHER document is ("StartRestoreJob input", "CloudFormation
 * template without AWS::Backup resources"); *vault (may be NULL) gets the
 * vault it defines ("lock", "air_gapped", "vault") or NULL. */
const char *kinds_other(const struct doc *d, const char **vault);
/* BKP003 for a DOC_OTHER document named on the command line. */
void kinds_check_doc(struct doc *d);

#endif
