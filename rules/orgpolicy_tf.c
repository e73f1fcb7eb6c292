/* orgpolicy_tf.c - Organizations backup policies in Terraform: the content
 * of each aws_organizations_policy of type "BACKUP_POLICY", written as
 * jsonencode({...}) (the HCL object is the policy, HCL expressions in it
 * unknown) or as a heredoc or string of JSON (parsed with positions in the
 * file), is linted as a policy of its own (org_embed). A policy read with
 * file("policy.json") is a file of the module's folder, linted as a policy
 * by its content when the folder is; templatefile() and any other
 * expression leave the content unknown. */
#include <string.h>

#include "model.h"
#include "orgpolicy.h"

void org_tf_policies(struct doc *d)
{
	const char *want = org_embedded_name("tf_resource");
	const char *targ = org_embedded_name("tf_type_argument");
	const char *carg = org_embedded_name("tf_content_argument");
	const char *ptype = org_embedded_name("policy_type");
	const char *type, *name;
	const struct node *body, *content, *obj;
	uint32_t i;

	for (i = 0; node_is(d->root, N_MAP) && i < d->root->len; i++) {
		if (!tf_resource_at(d->root, i, &type, &name, &body) ||
		    strcmp(type, want) != 0 || !node_streq(map_get(body, targ), ptype))
			continue;
		content = map_get(body, carg);
		if ((obj = tf_jsonencode_arg(content)))
			org_embed(d, obj);
		else if (node_is(content, N_STR))
			org_embed(d, content);
	}
}
