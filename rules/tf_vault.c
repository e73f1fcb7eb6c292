/* tf_vault.c - the vaults of a Terraform file that bound retention, for
 * the vault rules (BKP506): each aws_backup_vault_lock_configuration,
 * linked to the aws_backup_vault it locks (backup_vault_name =
 * aws_backup_vault.x.name or .id, or the vault's literal name), and each
 * aws_backup_logically_air_gapped_vault. A vault is known to the run by
 * its resource address ("aws_backup_vault.x"), which a rule's
 * target_vault_name or a copy's destination_vault_arn reference names,
 * and by its literal name.
 *
 * What the provider sends is what counts: a lock's min_retention_days or
 * max_retention_days of 0 is not sent (the dialect reads it as absent). */
#include <string.h>

#include "model.h"

/* The resource address a reference names ("aws_backup_vault.x" for
 * aws_backup_vault.x.name, .id or .arn of `attrs`), or NULL. */
static const char *vault_address(struct doc *d, const struct node *e,
				 const char *type, const char *const *attrs)
{
	const char *name;
	for (; *attrs; attrs++)
		if ((name = tf_ref(e, type, *attrs)))
			return arena_printf(&d->arena, "%s.%s", type, name);
	return NULL;
}

/* The literal name of resource `type.name` of this file, or NULL. */
static const char *literal_name(struct doc *d, const char *type,
				const char *name)
{
	const struct node *b = tf_resource(d->root, type, name);
	struct value v;
	if (!b)
		return NULL;
	value_read(d, b, F_VAULT_NAME, &v);
	return value_is(&v, VT_STR) ? v.u.s : NULL;
}

/* The aws_backup_vault of this file named `name` literally: its address. */
static const char *vault_named(struct doc *d, const char *name)
{
	const struct node *root = d->root;
	const char *type, *rname;
	const struct node *body;
	uint32_t i;
	for (i = 0; i < root->len; i++)
		if (tf_resource_at(root, i, &type, &rname, &body) &&
		    strcmp(type, "aws_backup_vault") == 0) {
			const char *n = literal_name(d, type, rname);
			if (n && strcmp(n, name) == 0)
				return arena_printf(&d->arena, "%s.%s", type, rname);
		}
	return NULL;
}

static void lock(struct doc *d, struct vault_m *v, const struct node *body)
{
	static const char *const attrs[] = { "name", "id", NULL };
	const struct node *bvn = map_get(body, "backup_vault_name");
	const char *addr = vault_address(d, bvn, "aws_backup_vault", attrs);

	if (addr) {
		v->logical_id = addr;
		v->name = literal_name(d, "aws_backup_vault",
				       strchr(addr, '.') + 1);
	} else if (node_is(bvn, N_STR)) {
		v->name = bvn->u.str;
		v->logical_id = vault_named(d, bvn->u.str);
	}
}

void tf_build_vaults(struct doc *d, struct doc_model *m)
{
	const struct node *root = d->root, *body;
	const char *type, *name;
	uint32_t i;
	size_t j, k;

	m->vaults = arena_zalloc(&d->arena, (root->len + 1) * sizeof(*m->vaults));
	for (i = 0; i < root->len; i++) {
		struct vault_m *v;
		int lag;
		if (!tf_resource_at(root, i, &type, &name, &body))
			continue;
		lag = strcmp(type, "aws_backup_logically_air_gapped_vault") == 0;
		if (!lag && strcmp(type, "aws_backup_vault_lock_configuration") != 0)
			continue;
		v = &m->vaults[m->nvaults++];
		v->doc = d;
		v->node = body;
		v->air_gapped = lag;
		if (lag) {
			v->logical_id = arena_printf(&d->arena, "%s.%s", type, name);
			value_read(d, body, F_VAULT_NAME, &v->name_v);
			v->name = value_is(&v->name_v, VT_STR) ? v->name_v.u.s : NULL;
		} else {
			lock(d, v, body);
		}
		value_read(d, body, F_MIN_RETENTION, &v->min);
		value_read(d, body, F_MAX_RETENTION, &v->max);
	}
	if (m->nvaults)
		d->keep = 1;
	/* target_vault_name = aws_backup_vault.x.name: that vault */
	for (j = 0; j < m->nplans; j++)
		for (k = 0; k < m->plans[j].nrules; k++) {
			static const char *const attrs[] = { "name", "id", NULL };
			struct rule_m *rm = &m->plans[j].rules[k];
			const char *addr;
			if (rm->target.state != VS_UNKNOWN || rm->vault_ref ||
			    !(addr = vault_address(d, rm->target.at,
						   "aws_backup_vault", attrs)))
				continue;
			rm->vault_ref = addr;
			rm->vault = literal_name(d, "aws_backup_vault",
						 strchr(addr, '.') + 1);
		}
}
