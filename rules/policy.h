/* policy.h - policy controls: an organisation's backup rules, named and
 * parameterised as AWS Backup Audit Manager controls, configured in the
 * `policy:` section of .backuplint.yaml and decided on the documents before
 * deploy (one rule, BKP901-BKP907, per control).
 *
 * policy_config.c checks the section (control names with did-you-mean,
 * parameters with Audit Manager's names, value rules and defaults, scope,
 * severity) and builds a struct policy in the configuration's arena; the
 * engine hands it to every file the configuration applies to
 * (file->section) with the controls whose `files` globs match
 * (file->section_mask). policy.c evaluates the controls in the run phase,
 * from the model only.
 *
 * Ownership: a policy lives in its configuration's arena. Failure: a broken
 * section is reported (BKP006, at its line and column) and the
 * configuration is not used. */
#ifndef BACKUPLINT_POLICY_H
#define BACKUPLINT_POLICY_H

#include <stddef.h>

#include "../linter/arena.h"
#include "../linter/checker.h"

struct doc;
struct file;
struct node;
struct run;

enum control_id {
	CTL_MIN_FREQUENCY,
	CTL_MIN_RETENTION,
	CTL_CROSS_REGION,
	CTL_CROSS_ACCOUNT,
	CTL_VAULT_LOCK,
	CTL_MANUAL_DELETION,
	CTL_ENCRYPTED,
	CTL_COUNT,                   /* the controls backuplint decides */
	/* Audit Manager's others: decided on what exists after deploy */
	CTL_PROTECTED_BY_PLAN = CTL_COUNT,
	CTL_LAST_RECOVERY_POINT,
	CTL_RESTORE_TIME,
	CTL_AIR_GAPPED,
	CTL_ALL,
};

/* One control as configured, with its parameters in force (defaults
 * applied). Numbers -1: not given (optional parameters). */
struct control {
	int id;                      /* enum control_id */
	int rule;                    /* its rule number (BKP9xx); -1: a
				      * control decided after deploy only */
	int sev;                     /* enum severity */
	const char *name;            /* the ControlName */
	const char *framework;       /* the framework it comes from, or NULL */
	unsigned line;               /* in the configuration */
	long long freq_minutes;      /* requiredFrequencyUnit x Value */
	const char *freq_unit;       /* "hours" or "days" */
	long long freq_value;
	long long retention_days;    /* requiredRetentionDays */
	long long lock_min, lock_max; /* minRetentionDays, maxRetentionDays */
	const char **list;           /* crossRegionList, crossAccountList,
				      * principalArnList (trimmed items) */
	size_t nlist;
	/* scope (Audit Manager's ControlScope) */
	const char **types;          /* ComplianceResourceTypes */
	size_t ntypes;
	const char **ids;            /* ComplianceResourceIds */
	size_t nids;
	const char *tag_key, *tag_value; /* Tags: one pair; value NULL: any */
	int scope_unknown;           /* part of the scope is known only at
				      * deploy time (a framework's) */
	int params_unknown;          /* so is a parameter's value */
};

struct policy {
	struct control *v;
	size_t n;
	int apply_frameworks;        /* frameworks: apply */
};

/* check_config hook of the checker (checker.h) for section `policy`. */
int policy_check_config(struct file *config, const struct node *section,
			struct arena *a, struct config_section *out);

/* The name of control id ("BACKUP_RECOVERY_POINT_ENCRYPTED"). */
const char *control_name(int id);

/* The policy family's run phase (policy.c). */
void policy_check_run(struct run *r);
/* --apply-frameworks: turn on the controls' rules for the session (at
 * error, as a configured control's default). */
struct session;
void policy_session_flags(struct session *s);

/* The frameworks of document d (a CreateFramework document, a template's
 * AWS::Backup::Framework, a Terraform aws_backup_framework): checked
 * (BKP908) and kept in its model for --apply (policy_framework.c). */
void framework_check_doc(struct doc *d);
/* The controls of the frameworks of d (NULL: none). */
const struct policy *frameworks_of(struct doc *d);

#endif
