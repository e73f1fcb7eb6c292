/* policy_vault.c - the policy controls about vaults (BKP905-BKP907): the
 * vault lock of the vaults a plan's rules and copies land in, the access
 * policy that keeps recovery points from manual deletion, and a customer
 * managed key. A vault is decided from its definitions in the run: a
 * template's AWS::Backup::BackupVault, or the API documents
 * CreateBackupVault, PutBackupVaultLockConfiguration and
 * PutBackupVaultAccessPolicy. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "policy_impl.h"
#include "registry.h"

/* ---- vault lock ---- */

struct lock_state {
	int defined;                 /* some definition of the vault is in the run */
	int apart;                   /* its lock would be a document of its own
				      * (Terraform) */
	const struct vault_m *lock;  /* the definition with its lock, or NULL */
};

static void find_lock(const struct vault_set *vs, const struct plan_m *p,
		      const char *ref, const char *name, int elsewhere,
		      struct lock_state *ls)
{
	size_t i = 0;
	memset(ls, 0, sizeof(*ls));
	while ((i = vault_find(vs, p, ref, name, elsewhere, i)) != 0) {
		const struct vault_m *v = vs->v[i - 1];
		ls->defined = 1;
		if (dialect_of(v->doc)->tf)
			ls->apart = 1;
		if (v->locked || v->what == 'a')
			ls->lock = v;
	}
}

/* The lock of the vault named at `at` against the bounds: 1 passes, 0 a
 * finding was reported, -1 undecided (why in *why). */
static int lock_ok(struct doc *d, const struct control *ct, const char *vault,
		   const char *whose, const struct lock_state *ls,
		   const struct node *at, const char **why)
{
	const struct vault_m *v = ls->lock;
	if (!ls->defined) {
		*why = arena_printf(&d->arena, "vault '%s' (%s) is not defined in "
				    "the run", vault, whose);
		return -1;
	}
	if (!v && ls->apart) {
		/* Terraform: the lock is a resource of its own, perhaps in a
		 * file of the module that is not in the run */
		*why = arena_printf(&d->arena, "no aws_backup_vault_lock_configuration "
				    "for vault '%s' (%s) is in the run", vault, whose);
		return -1;
	}
	if (!v) {
		struct diag *dg = control_fails(d, ct, at, "vault '%s', %s, has no "
						"vault lock (%s)", vault, whose,
						fname(d, F_LOCK_CONFIGURATION));
		diag_hint(d->file, dg, "give the vault a %s%s", fname(d, F_LOCK_CONFIGURATION),
			  ct->lock_min >= 0 || ct->lock_max >= 0 ? " within the bounds the "
			  "control asks" : "");
		return 0;
	}
	*why = arena_printf(&d->arena, "the bounds of the lock of vault '%s' are "
			    "known only at deploy time", vault);
	if (ct->lock_min >= 0) {
		if (v->min.state != VS_ABSENT && !value_is(&v->min, VT_INT))
			return -1;
		if (v->min.state == VS_ABSENT) {
			control_fails(d, ct, at, "vault '%s', %s, has a lock without "
				      "%s; minRetentionDays asks at least %lld", vault,
				      whose, fname(d, F_MIN_RETENTION), ct->lock_min);
			return 0;
		}
		if (v->min.u.i < ct->lock_min) {
			control_fails(d, ct, at, "vault '%s', %s, has a lock whose %s is "
				      "%lld%s; minRetentionDays asks at least %lld", vault,
				      whose, fname(d, F_MIN_RETENTION), v->min.u.i,
				      value_note(d, &v->min), ct->lock_min);
			return 0;
		}
	}
	if (ct->lock_max >= 0) {
		if (v->max.state != VS_ABSENT && !value_is(&v->max, VT_INT))
			return -1;
		if (v->max.state == VS_ABSENT) {
			control_fails(d, ct, at, "vault '%s', %s, has a lock without "
				      "%s; maxRetentionDays asks at most %lld", vault,
				      whose, fname(d, F_MAX_RETENTION), ct->lock_max);
			return 0;
		}
		if (v->max.u.i > ct->lock_max) {
			control_fails(d, ct, at, "vault '%s', %s, has a lock whose %s is "
				      "%lld%s; maxRetentionDays asks at most %lld", vault,
				      whose, fname(d, F_MAX_RETENTION), v->max.u.i,
				      value_note(d, &v->max), ct->lock_max);
			return 0;
		}
	}
	return 1;
}

/* 1 the first time vault `name` is met (seen[0..*n), room for every
 * rule and copy of the plan). */
static int first_time(const char **seen, size_t *n, const char *name)
{
	size_t i;
	for (i = 0; i < *n; i++)
		if (strcmp(seen[i], name) == 0)
			return 0;
	seen[(*n)++] = name;
	return 1;
}

void policy_vault_lock(struct doc *d, const struct control *ct,
		       const struct plan_m *p, const struct vault_set *vs)
{
	const char *undecided = NULL,
		   **seen = arena_alloc(&d->arena, (p->nrules + p->ncopies + 1) *
							   sizeof(*seen));
	struct lock_state ls;
	size_t i, j, nseen = 0;

	for (i = 0; i < p->nrules; i++) {
		const struct rule_m *rm = &p->rules[i];
		const char *whose = arena_printf(&d->arena, "the target of rule '%s'",
						 rm->name);
		if (rm->when || (!rm->vault && !rm->vault_ref)) {
			undecided = undecided ? undecided : arena_printf(&d->arena,
				"the %s of rule '%s' is known only at deploy time",
				fname(d, F_TARGET_VAULT), rm->name);
		} else if (first_time(seen, &nseen, rm->vault_ref ? rm->vault_ref
								  : rm->vault)) {
			/* one finding a vault, at its first use in the plan */
			find_lock(vs, p, rm->vault_ref, rm->vault_ref ? NULL : rm->vault, 0, &ls);
			const char *why;
			if (lock_ok(d, ct, rm->vault ? rm->vault : rm->vault_ref, whose, &ls,
				    rm->target.at ? rm->target.at : rm->node, &why) < 0)
				undecided = undecided ? undecided : why;
		}
		for (j = rm->first_copy; j < rm->first_copy + rm->ncopies; j++) {
			const struct copy_m *c = &p->copies[j];
			const char *cw = arena_printf(&d->arena, "where rule '%s' copies to",
						      rm->name);
			if (!c->vault && !c->vault_ref) {
				undecided = undecided ? undecided : arena_printf(&d->arena,
					"the %s of a copy of rule '%s' is known only at "
					"deploy time", fname(d, F_DESTINATION), rm->name);
				continue;
			}
			/* a vault of the same name elsewhere is another vault */
			if (!first_time(seen, &nseen, c->vault_ref ? c->vault_ref
					: c->cross_region || c->cross_account
					? arena_printf(&d->arena, "%s@%s:%s", c->vault,
						       c->dst_region ? c->dst_region : "?",
						       c->dst.account ? c->dst.account : "?")
					: c->vault))
				continue;
			find_lock(vs, p, c->vault_ref, c->vault_ref ? NULL : c->vault,
				  c->cross_region != 0 || c->cross_account != 0, &ls);
			const char *why;
			if (lock_ok(d, ct, c->vault ? c->vault : c->vault_ref, cw, &ls,
				    c->dest.at ? c->dest.at : c->node, &why) < 0)
				undecided = undecided ? undecided : why;
		}
	}
	if (undecided)
		control_undecided(d, ct, value_key(&p->rules_v) ? value_key(&p->rules_v) : p->plan,
				  arena_printf(&d->arena, "plan '%s'", p->name), "%s",
				  undecided);
}

/* ---- access policy: no manual deletion ---- */

/* IAM's wildcard match, case-insensitive (actions are): '*' any run, '?'
 * one character. Linear: on a mismatch only the last '*' is retried, one
 * character further (a pattern of many stars is no exponential search). */
static int wild(const char *p, const char *s)
{
	const char *star = NULL, *from = NULL;
	while (*s) {
		if (*p == '*') {
			star = ++p;
			from = s;
		} else if (*p == '?' ||
			   (*p && tolower((unsigned char)*p) == tolower((unsigned char)*s))) {
			p++;
			s++;
		} else if (star) {
			p = star;
			s = ++from;
		} else {
			return 0;
		}
	}
	while (*p == '*')
		p++;
	return !*p;
}

/* The strings of a string or a list of strings; -1 when something else. */
static int each_str(const struct node *n, const char **out, int max)
{
	uint32_t i;
	int k = 0;
	if (node_is(n, N_STR)) {
		out[0] = n->u.str;
		return 1;
	}
	if (!node_is(n, N_SEQ))
		return -1;
	for (i = 0; i < n->len && k < max; i++) {
		if (!node_is(seq_at(n, i), N_STR))
			return -1;
		out[k++] = seq_at(n, i)->u.str;
	}
	return k;
}

/* Whether all of principals p[0..n) are exempt by the control's list. */
static int all_exempt(const struct control *ct, const char **p, int n)
{
	int i;
	size_t j;
	for (i = 0; i < n; i++) {
		for (j = 0; j < ct->nlist; j++)
			if (strcmp(ct->list[j], p[i]) == 0)
				break;
		if (j == ct->nlist)
			return 0;
	}
	return 1;
}

/* Which protected actions the Deny statements of policy pol deny to
 * everyone but the exempt principals (bit i: control_deny_actions()[i]); *odd
 * set when a statement could count but its form (Condition, NotAction, an
 * intrinsic) is beyond what a document decides. */
static unsigned denied(const struct control *ct, const struct node *pol, int *odd)
{
	const struct node *st = map_get(pol, "Statement");
	size_t nprot;
	const char *const *prot = control_deny_actions(&nprot);
	unsigned bits = 0;
	uint32_t i, n = node_is(st, N_SEQ) ? st->len : 1;
	for (i = 0; i < n; i++) {
		const struct node *s = node_is(st, N_SEQ) ? seq_at(st, i) : st;
		const struct node *pr, *np, *ac;
		const char *v[64];
		int k, a, ok = 0;
		if (!node_is(s, N_MAP) || !node_streq(map_get(s, "Effect"), "Deny"))
			continue;
		pr = map_get(s, "Principal");
		np = map_get(s, "NotPrincipal");
		if (pr) {
			const struct node *aws = node_is(pr, N_MAP) ? map_get(pr, "AWS") : pr;
			k = each_str(aws, v, 64);
			for (a = 0; a < k; a++)
				ok |= strcmp(v[a], "*") == 0;
		} else if (np) {
			const struct node *aws = node_is(np, N_MAP) ? map_get(np, "AWS") : NULL;
			k = each_str(aws, v, 64);
			ok = k > 0 && all_exempt(ct, v, k);
		}
		if (!ok)
			continue;
		if (map_get(s, "Condition") || map_get(s, "NotAction") ||
		    !(ac = map_get(s, "Action"))) {
			*odd = 1;
			continue;
		}
		k = each_str(ac, v, 64);
		if (k < 0) {
			*odd = 1;
			continue;
		}
		for (a = 0; a < k; a++) {
			size_t j;
			for (j = 0; j < nprot; j++)
				if (wild(v[a], prot[j]))
					bits |= 1u << j;
		}
	}
	return bits;
}

static void manual_deletion(struct doc *d, const struct control *ct,
			    const struct vault_m *v)
{
	const char *name = v->name ? v->name : v->logical_id ? v->logical_id : "vault";
	int odd = 0;
	unsigned bits;
	size_t i, nprot;
	const char *const *prot = control_deny_actions(&nprot);
	char missing[400];
	size_t o = 0;

	if (v->what != 'p' && v->policy.state == VS_ABSENT) {
		/* (policy_vaults() has left out a vault whose access policy
		 * document is elsewhere in the run: that one decides) */
		if (dialect_of(v->doc)->tf) {
			control_undecided(d, ct, v->name_v.at ? v->name_v.at : v->node,
					  arena_printf(&d->arena, "vault '%s'", name),
					  "no aws_backup_vault_policy for it is in the run");
			return;
		}
		if (!v->logical_id) {
			control_undecided(d, ct, v->name_v.at ? v->name_v.at : v->node,
					  arena_printf(&d->arena, "vault '%s'", name),
					  "its access policy is set apart (PutBackupVaultAccessPolicy), "
					  "and no such document for it is in the run");
			return;
		}
		control_fails(d, ct, v->name_v.at ? v->name_v.at : v->node,
			      "vault '%s' has no %s: anyone the account's IAM policies "
			      "allow can delete its recovery points", name,
			      fname(d, F_ACCESS_POLICY));
		return;
	}
	if (!v->policy_doc) {
		if (v->policy.state == VS_UNKNOWN || v->policy.state == VS_ASSUMED ||
		    v->policy.state == VS_BAD)
			control_undecided(d, ct, v->policy.at, arena_printf(&d->arena,
					  "vault '%s'", name), "its %s is not a literal JSON "
					  "policy", fname(d, F_ACCESS_POLICY));
		return;
	}
	bits = denied(ct, v->policy_doc, &odd);
	if (bits == (1u << nprot) - 1)
		return;
	if (odd) {
		control_undecided(d, ct, v->policy.at, arena_printf(&d->arena,
				  "vault '%s'", name), "a Deny statement of its %s has a "
				  "Condition or NotAction", fname(d, F_ACCESS_POLICY));
		return;
	}
	missing[0] = '\0';
	for (i = 0; i < nprot && o < sizeof(missing); i++)
		if (!(bits >> i & 1))
			o += (size_t)snprintf(missing + o, sizeof(missing) - o, "%s%s",
					      o ? ", " : "", prot[i]);
	control_fails(d, ct, value_key(&v->policy) ? value_key(&v->policy) : v->policy.at,
		      "the %s of vault '%s' does not deny %s "
		      "to everyone%s", fname(d, F_ACCESS_POLICY), name, missing,
		      ct->nlist ? " but principalArnList" : "");
}

/* ---- a customer managed key ---- */

static void encrypted(struct doc *d, const struct control *ct,
		      const struct vault_m *v)
{
	const char *name = v->name ? v->name : v->logical_id ? v->logical_id : "vault";
	if (v->key.state == VS_ABSENT) {
		struct diag *dg = control_fails(d, ct, v->name_v.at ? v->name_v.at : v->node,
						"vault '%s' has no %s: its recovery points are "
						"encrypted with the AWS managed key, or not at "
						"all for types whose backups follow the source's "
						"encryption", name, fname(d, F_ENCRYPTION_KEY));
		diag_hint(d->file, dg, "set %s to a customer managed KMS key",
			  fname(d, F_ENCRYPTION_KEY));
		return;
	}
	/* a literal naming the AWS managed key; any other key, or one known
	 * only at deploy time (a Ref to an AWS::KMS::Key), is the team's */
	if (value_is(&v->key, VT_STR) && strstr(v->key.u.s, ":alias/aws/"))
		control_fails(d, ct, v->key.at, "vault '%s' uses the AWS managed key "
			      "%s, not a customer managed key", name,
			      strstr(v->key.u.s, "alias/aws/"));
}

/* Every definition of the vault a rule or copy of p lands in. */
static void hold(struct vault_set *vs, const struct plan_m *p, const char *ref,
		 const char *name, int elsewhere)
{
	size_t k = 0;
	while ((k = vault_find(vs, p, ref, ref ? NULL : name, elsewhere, k))) {
		struct vault_m *v = vs->v[k - 1];
		v->held_seen = 1;
		if (!p->nsels)
			v->held_unknown = 1;
		v->held_any |= (unsigned char)(p->any != 0);
		v->held_types |= p->known | p->maybe;
	}
}

void vaults_held_types(struct run *r, struct vault_set *vs)
{
	size_t i, j, k, c;
	for (i = 0; i < r->nfiles; i++)
		for (j = 0; j < r->files[i]->ndocs; j++) {
			struct doc_model *m = model_of(r->files[i]->docs[j]);
			for (k = 0; k < m->nplans; k++) {
				const struct plan_m *p = &m->plans[k];
				for (c = 0; c < p->nrules; c++)
					if (p->rules[c].vault || p->rules[c].vault_ref)
						hold(vs, p, p->rules[c].vault_ref,
						     p->rules[c].vault, 0);
				for (c = 0; c < p->ncopies; c++)
					if (p->copies[c].vault || p->copies[c].vault_ref)
						hold(vs, p, p->copies[c].vault_ref,
						     p->copies[c].vault,
						     p->copies[c].cross_region != 0 ||
						     p->copies[c].cross_account != 0);
			}
		}
}

/* Whether vault v holds recovery points of a type ct's scope names: 1, 0,
 * or -1 with the reason in *why. */
static int vault_types_in_scope(const struct control *ct, const struct vault_m *v,
				const char **why)
{
	if (v->held_types & control_types(ct) || v->held_any)
		return 1;
	if (!v->held_seen) {
		*why = "no plan in the run backs up to it, so the types of its "
		       "recovery points are not known";
		return -1;
	}
	if (v->held_unknown) {
		*why = "a plan that backs up to it has no selection in the run, so "
		       "the types of its recovery points are not known";
		return -1;
	}
	return 0;
}

void policy_vaults(struct doc *d, const struct control *ct,
		   const struct vault_set *vs)
{
	struct doc_model *m = model_of(d);
	size_t i;
	for (i = 0; i < m->nvaults; i++) {
		const struct vault_m *v = &m->vaults[i];
		const char *id = v->name ? v->name : v->logical_id;
		const char *what = arena_printf(&d->arena, "vault '%s'", id ? id : "?");
		struct verdict_mark mk;
		if (v->what == 'l' || (ct->id == CTL_ENCRYPTED && v->what == 'p') ||
		    (ct->id == CTL_MANUAL_DELETION && v->what == 'a'))
			continue;
		/* its access policy is decided on the policy document */
		if (ct->id == CTL_MANUAL_DELETION && v->what != 'p' &&
		    v->policy.state == VS_ABSENT && vault_set_has_policy(vs, v))
			continue;
		verdict_mark(d, &mk);
		if (ct->scope_unknown || ct->params_unknown) {
			control_undecided(d, ct, v->name_v.at ? v->name_v.at : v->node,
					  what, "the control's %s known only at deploy time",
					  ct->params_unknown ? "parameters are" : "scope is");
			verdict_record(d, ct, what, &mk);
			continue;
		}
		if (ct->nids && !(id && id_in_scope(ct, id)))
			continue;
		if (ct->ntypes) {
			const char *why;
			int t = vault_types_in_scope(ct, v, &why);
			if (t < 0) {
				control_undecided(d, ct, v->name_v.at ? v->name_v.at
						  : v->node, what, "%s", why);
				verdict_record(d, ct, what, &mk);
			}
			if (t <= 0)
				continue;
		}
		if (ct->tag_key) {
			int t = tags_match(&v->tags, ct->tag_key, ct->tag_value);
			if (t == 0 && v->what == 'p')
				t = -1; /* its tags are the vault's document's */
			if (t < 0) {
				control_undecided(d, ct, v->name_v.at ? v->name_v.at : v->node,
						  what, "its tags are known only at deploy time");
				verdict_record(d, ct, what, &mk);
				continue;
			}
			if (!t)
				continue;
		}
		if (ct->id == CTL_MANUAL_DELETION)
			manual_deletion(d, ct, v);
		else
			encrypted(d, ct, v);
		verdict_record(d, ct, what, &mk);
	}
}
