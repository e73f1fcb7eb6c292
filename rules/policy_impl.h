/* policy_impl.h - what policy.c (the run, the plan controls) and
 * policy_vault.c (the vault controls) share: findings at a control's own
 * severity, "cannot be decided" notes, and scope. Private to the policy
 * family. */
#ifndef BACKUPLINT_POLICY_IMPL_H
#define BACKUPLINT_POLICY_IMPL_H

#include "../linter/lint.h"
#include "model.h"
#include "policy.h"

/* Reading controls, from a configuration (f, report_at with BKP006) or a
 * framework in a document (d, report with BKP908). */
struct pc {
	struct file *f;
	struct doc *d;       /* a framework's document, or NULL */
	struct arena *a;
	int broken;
	int tf;              /* Terraform's names (scope block) */
};

/* A parameter: its name node and value node. */
struct kv {
	const struct node *k, *v;
};

/* ---- Audit Manager's controls (policy_defs.c, from
 * schemas/audit-manager.json) ---- */

enum ptype {
	P_UNIT,      /* hours | days */
	P_INT,       /* a whole number (a string of digits, as Audit Manager) */
	P_REGIONS,   /* comma-separated Region codes, or a list */
	P_ACCOUNTS,  /* comma-separated account ids */
	P_ARNS,      /* comma-separated IAM principal ARNs */
};

/* What a value means to backuplint ("field" in the data). */
enum pfield { F_NONE, F_FREQUENCY, F_RETENTION, F_LOCK_MIN, F_LOCK_MAX };

struct param_def {
	const char *name;
	int type;
	int field;           /* enum pfield (P_INT) */
	long long min, max;  /* P_INT; list: max items (0: any) */
	const char *dflt;    /* NULL: optional, no default */
	long long hmin, hmax; /* P_INT counted in the control's unit: the
			       * range when the unit is hours (0: none) */
};

struct control_def {
	const char *name;
	int rule;
	struct param_def p[3];
	size_t np;
	unsigned scopes;     /* SC_* Audit Manager offers */
};

enum { SC_TAGS = 1, SC_TYPES = 2, SC_IDS = 4 };

/* Control `id` (enum control_id) as Audit Manager defines it, with its
 * rule (-1: decided after deploy only). */
const struct control_def *control_def_of(int id);
/* The units a frequency is counted in, and the minutes of one (0: none). */
const char *const *unit_names(size_t *n);
long long unit_minutes(const char *name);

/* Audit Manager's quota of controls a Region (schemas/audit-manager.json). */
long long controls_quota(void);
/* ... and of frameworks. */
long long frameworks_quota(void);
/* 1 when s is a valid FrameworkName; *says what the rule is, *max its
 * length. */
int framework_name_ok(const char *s, const char **says, long long *max);
/* The actions an access policy must deny for
 * BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED. */
const char *const *control_deny_actions(size_t *n);
/* ct from its ControlName node nm: 0, or -1 reported (did-you-mean). */
int control_named(struct pc *c, struct control *ct, const struct node *nm);
/* ct's parameters kv[0..n): names, value rules, defaults. */
void control_parameters(struct pc *c, struct control *ct, const struct kv *kv,
			size_t n);
/* ct's scope: Audit Manager's ControlScope (and `files` when g is given:
 * a configuration's grant). */
void control_scope(struct pc *c, struct control *ct, const struct node *v,
		   struct section_grant *g);

/* The facts.h bitmask of ct's ComplianceResourceTypes. */
uint32_t control_types(const struct control *ct);
/* Mark each vault of vs with the resource types of the plans of run r that
 * back up or copy to it (vault_m.held_*). */
void vaults_held_types(struct run *r, struct vault_set *vs);

/* A finding of control ct at node `at`, "CONTROL_NAME: message", at the
 * control's severity. */
struct diag *control_fails(struct doc *d, const struct control *ct,
			   const struct node *at, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* An info note: control ct cannot be decided for `what` (a plan, a vault),
 * and why. */
void control_undecided(struct doc *d, const struct control *ct,
		       const struct node *at, const char *what,
		       const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* A control's verdict on an item (a plan, a vault) for --report
 * controls: mark before deciding it, record after (from what was
 * reported in between). */
struct verdict_mark {
	unsigned fails, undecided;
};
void verdict_mark(struct doc *d, struct verdict_mark *m);
void verdict_record(struct doc *d, const struct control *ct, const char *what,
		    const struct verdict_mark *m);

/* Whether tag key=value (value NULL: any) is in map value tags: 1, 0, or
 * -1 when the tags are known only at deploy time. */
int tags_match(const struct value *tags, const char *key, const char *value);
/* Whether name is one of ct's ComplianceResourceIds (1 when it has none). */
int id_in_scope(const struct control *ct, const char *name);

/* The vault controls of document d (policy_vault.c). */
void policy_vaults(struct doc *d, const struct control *ct,
		   const struct vault_set *vs);
/* BACKUP_RESOURCES_PROTECTED_BY_BACKUP_VAULT_LOCK for plan p. */
void policy_vault_lock(struct doc *d, const struct control *ct,
		       const struct plan_m *p, const struct vault_set *vs);

#endif
