/* tf_vault.c - the vaults of a Terraform file that bound retention, for
 * the vault rules (BKP506): each aws_backup_vault_lock_configuration,
 * linked to the aws_backup_vault it locks (backup_vault_name =
 * aws_backup_vault.x.name or .id, or the vault's literal name), and each
 * aws_backup_logically_air_gapped_vault. A vault is known to the run by
 * its resource address ("aws_backup_vault.x", or "aws_backup_vault.x[0]"
 * for one instance of a vault with count), which a rule's
 * target_vault_name or a copy's destination_vault_arn reference names,
 * and by its literal name.
 *
 * What the provider sends is what counts: a lock's min_retention_days or
 * max_retention_days of 0 is not sent (the dialect reads it as absent). */
#include <string.h>

#include "model.h"
#include "tf_eval.h"

/* The aws_backup_vault resources of the file with their literal names, for
 * a lock that names its vault by that name (a reference is found through
 * the file's index, tf_find_resource()). */
struct vaults {
	const char **rname, **name; /* resource name, literal name or NULL */
	size_t n;
};

static void vaults_of(struct doc *d, struct vaults *vs)
{
	const struct node *root = d->root, *body;
	const char *type, *rname;
	struct value v;
	uint32_t i;

	vs->n = 0;
	vs->rname = arena_alloc(&d->arena, (root->len + 1) * sizeof(*vs->rname));
	vs->name = arena_alloc(&d->arena, (root->len + 1) * sizeof(*vs->name));
	for (i = 0; i < root->len; i++) {
		if (!tf_resource_at(root, i, &type, &rname, &body) ||
		    strcmp(type, "aws_backup_vault") != 0)
			continue;
		value_read(d, body, F_VAULT_NAME, &v);
		vs->rname[vs->n] = rname;
		vs->name[vs->n++] = value_is(&v, VT_STR) ? v.u.s : NULL;
	}
}

/* The aws_backup_vault a reference names: aws_backup_vault.x.name or .id,
 * or of one instance, aws_backup_vault.x[0].name (count) or
 * aws_backup_vault.x["k"].name (for_each): its address ("aws_backup_vault.x"
 * or "aws_backup_vault.x[0]"), and its literal name in *name when this file
 * has it and the reference names no instance. */
static const char *vault_ref(struct doc *d, const struct node *e,
			     const char **name)
{
	const struct node *k, *body;
	const char *r;
	struct tf_ref ref;

	*name = NULL;
	if (!tf_ref_parse(e, &ref) || ref.data ||
	    strcmp(ref.type, "aws_backup_vault") != 0 ||
	    (strcmp(ref.attr, "name") != 0 && strcmp(ref.attr, "id") != 0))
		return NULL;
	r = ref.name;
	if (ref.index) {
		if (ref.index->len != 1)
			return NULL;
		k = seq_at(ref.index, 0);
		if (k->kind == N_INT)
			return arena_printf(&d->arena, "aws_backup_vault.%s[%lld]", r,
					    k->u.i);
		if (k->kind == N_STR)
			return arena_printf(&d->arena, "aws_backup_vault.%s[\"%s\"]",
					    r, k->u.str);
		return NULL;
	}
	if ((body = tf_find_resource(d, "aws_backup_vault", r))) {
		struct value v;
		value_read(d, body, F_VAULT_NAME, &v);
		*name = value_is(&v, VT_STR) ? v.u.s : NULL;
	}
	return arena_printf(&d->arena, "aws_backup_vault.%s", r);
}

static void lock(struct doc *d, const struct vaults *vs, struct vault_m *v,
		 const struct node *body)
{
	const struct node *bvn = map_get(body, "backup_vault_name");
	size_t i;

	if ((v->logical_id = vault_ref(d, bvn, &v->name)))
		return;
	if (!node_is(bvn, N_STR))
		return;
	v->name = bvn->u.str;
	/* the vault of that literal name, when this file declares it */
	for (i = 0; i < vs->n; i++)
		if (vs->name[i] && strcmp(vs->name[i], v->name) == 0)
			v->logical_id = arena_printf(&d->arena, "aws_backup_vault.%s",
						     vs->rname[i]);
}

void tf_build_vaults(struct doc *d, struct doc_model *m)
{
	const struct node *root = d->root, *body;
	const char *type, *name;
	struct vaults vs;
	uint32_t i;
	size_t j, k;

	vaults_of(d, &vs);
	/* m->vaults has room for one entry per resource (tf_build) */
	for (i = 0; i < root->len; i++) {
		struct vault_m *v;
		int lag;
		if (!tf_resource_at(root, i, &type, &name, &body))
			continue;
		lag = strcmp(type, TF_LAG_VAULT) == 0;
		if (!lag && strcmp(type, "aws_backup_vault_lock_configuration") != 0)
			continue;
		v = &m->vaults[m->nvaults++];
		v->doc = d;
		v->node = body;
		v->air_gapped = lag;
		v->what = lag ? 'a' : 'l';
		v->locked = !lag;
		if (lag) {
			v->logical_id = arena_printf(&d->arena, "%s.%s", type, name);
			value_read(d, body, F_VAULT_NAME, &v->name_v);
			v->name = value_is(&v->name_v, VT_STR) ? v->name_v.u.s : NULL;
		} else {
			lock(d, &vs, v, body);
		}
		value_read(d, body, F_MIN_RETENTION, &v->min);
		value_read(d, body, F_MAX_RETENTION, &v->max);
	}
	if (m->nvaults)
		d->keep = 1;
	/* target_vault_name = aws_backup_vault.x.name: that vault; and
	 * target_logically_air_gapped_backup_vault_arn =
	 * aws_backup_logically_air_gapped_vault.x.arn */
	for (j = 0; j < m->nplans; j++)
		for (k = 0; k < m->plans[j].nrules; k++) {
			struct rule_m *rm = &m->plans[j].rules[k];
			const char *vname, *addr, *lag;
			if ((lag = tf_ref(rm->air_gapped->at, TF_LAG_VAULT, "arn")))
				rm->air_gapped_ref = arena_printf(&d->arena, "%s.%s",
								  TF_LAG_VAULT, lag);
			if (rm->target.state != VS_UNKNOWN || rm->vault_ref ||
			    !(addr = vault_ref(d, rm->target.at, &vname)))
				continue;
			rm->vault_ref = addr;
			rm->vault = vname;
		}
}
