/* policy_impl.h - what policy.c (the run, the plan controls) and
 * policy_vault.c (the vault controls) share: findings at a control's own
 * severity, "cannot be decided" notes, and scope. Private to the policy
 * family. */
#ifndef BACKUPLINT_POLICY_IMPL_H
#define BACKUPLINT_POLICY_IMPL_H

#include "../linter/lint.h"
#include "model.h"
#include "policy.h"

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
