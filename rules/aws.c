/* aws.c - schemas/aws.json, read once. */
#include "aws.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../linter/arena.h"
#include "../linter/data.h"

static struct aws_consts c;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void __attribute__((noreturn)) defect(const char *what)
{
	fprintf(stderr, "backuplint: internal error: schemas/aws.json: no %s\n", what);
	abort();
}

static long long num(const struct node *m, const char *k)
{
	long long v;
	if (!node_int(map_get(m, k), &v, 0))
		defect(k);
	return v;
}

static const char *str(const struct node *m, const char *k)
{
	const char *s = node_str(map_get(m, k));
	if (!s)
		defect(k);
	return s;
}

static void load(void)
{
	const struct node *r = data_tree("aws.json");
	const struct node *lc = map_get(r, "lifecycle"), *w = map_get(r, "windows");
	const struct node *cf = map_get(r, "cloudformation"), *ps;
	const char **v;
	uint32_t i;

	c.cold_min_days = num(lc, "cold_storage_minimum_days");
	c.max_days = num(lc, "max_days");
	c.continuous_max_days = num(lc, "continuous_max_days");
	c.start_min = num(w, "start_min_minutes");
	c.start_default = num(w, "start_default_minutes");
	c.completion_default = num(w, "completion_default_minutes");
	c.default_schedule = str(r, "default_schedule");
	c.backup_principal = str(r, "backup_service_principal");
	c.cfn_plan = str(cf, "plan");
	c.cfn_selection = str(cf, "selection");
	c.cfn_vault = str(cf, "vault");
	c.cfn_air_gapped_vault = str(cf, "air_gapped_vault");
	c.cfn_role = str(cf, "role");
	c.cfn_plan_property = str(cf, "plan_property");
	c.cfn_selection_property = str(cf, "selection_property");
	ps = map_get(cf, "pseudo_parameters");
	if (!node_is(ps, N_SEQ))
		defect("pseudo_parameters");
	v = xcalloc(ps->len + 1, sizeof(*v));
	for (i = 0; i < ps->len; i++)
		if (!(v[i] = node_str(seq_at(ps, i))))
			defect("pseudo parameter name");
	c.pseudo = v;
	c.npseudo = ps->len;
}

const struct aws_consts *aws(void)
{
	pthread_once(&once, load);
	return &c;
}

int aws_is_pseudo(const char *name)
{
	const struct aws_consts *a = aws();
	size_t i;
	for (i = 0; i < a->npseudo; i++)
		if (strcmp(a->pseudo[i], name) == 0)
			return 1;
	return 0;
}

/* ---- schemas/cfn-types.json: what Ref and Fn::GetAtt return ---- */

static const struct node *cfn_types(void)
{
	return data_tree("cfn-types.json");
}

const char *aws_cfn_returns(const char *type, const char *attr, int *status)
{
	const struct node *t = map_get(map_get(cfn_types(), "types"), type);
	const struct node *attrs = map_get(t, "attributes"), *k;
	const char *dot;

	*status = 2;
	if (!t) {
		/* a resource type we do not list: an Arn attribute is its ARN */
		if (attr && strcmp(attr, "Arn") == 0) {
			*status = 0;
			return "resource-arn";
		}
		return NULL;
	}
	if (!attr) {
		*status = 0;
		return node_str(map_get(t, "ref"));
	}
	if ((k = map_get(attrs, attr))) {
		*status = 0;
		return node_str(k);
	}
	/* "Outputs.*": any attribute of that prefix */
	if ((dot = strchr(attr, '.'))) {
		char buf[128];
		snprintf(buf, sizeof(buf), "%.*s.*", (int)(dot - attr), attr);
		if ((k = map_get(attrs, buf))) {
			*status = 0;
			return node_str(k);
		}
	}
	if (node_is(map_get(t, "complete"), N_BOOL) && map_get(t, "complete")->u.b)
		*status = 1;
	return NULL;
}

size_t aws_cfn_attributes(const char *type, const char **out, size_t max)
{
	const struct node *a =
		map_get(map_get(map_get(cfn_types(), "types"), type), "attributes");
	size_t n = 0;
	uint32_t i;
	for (i = 0; node_is(a, N_MAP) && i < a->len && n < max; i++)
		if (!strchr(node_str(map_key(a, i)), '*'))
			out[n++] = node_str(map_key(a, i));
	return n;
}

const char *aws_cfn_attr_for(const char *type, const char *kind)
{
	const struct node *t = map_get(map_get(cfn_types(), "types"), type);
	const struct node *a = map_get(t, "attributes");
	uint32_t i;
	if (!t || !kind)
		return NULL;
	if (node_streq(map_get(t, "ref"), kind))
		return "";
	for (i = 0; node_is(a, N_MAP) && i < a->len; i++)
		if (node_streq(map_val(a, i), kind))
			return node_str(map_key(a, i));
	return NULL;
}

const char *aws_cfn_arn_sub(const char *type)
{
	return node_str(map_get(map_get(map_get(cfn_types(), "types"), type),
				"arn_sub"));
}

const char *aws_cfn_kind_words(const char *kind)
{
	const char *w = node_str(map_get(map_get(cfn_types(), "kinds"), kind));
	return w ? w : kind;
}

int aws_cfn_field_accepts(const char *field, const char *kind)
{
	const struct node *f = map_get(map_get(cfn_types(), "fields"), field);
	uint32_t i;
	if (!node_is(f, N_SEQ))
		return -1;
	for (i = 0; i < f->len; i++)
		if (node_streq(seq_at(f, i), kind))
			return 1;
	return 0;
}

const char *aws_cfn_field_kind(const char *field)
{
	const struct node *f = map_get(map_get(cfn_types(), "fields"), field);
	return node_is(f, N_SEQ) && f->len ? node_str(seq_at(f, 0)) : NULL;
}

/* The full names of the types of the listed namespaces, built once. */
static struct {
	pthread_once_t once;
	const char *name[64];
	const char *prefix[64];
	size_t n;
} ns = { .once = PTHREAD_ONCE_INIT };

static void ns_load(void)
{
	const struct node *m = map_get(cfn_types(), "namespaces");
	uint32_t i, j;
	for (i = 0; node_is(m, N_MAP) && i < m->len; i++) {
		const char *pre = node_str(map_key(m, i));
		const struct node *names = map_val(m, i);
		for (j = 0; node_is(names, N_SEQ) && j < names->len && ns.n < 64; j++) {
			size_t l = strlen(pre) + names->u.kids[j].len + 1;
			char *full = xmalloc(l);
			snprintf(full, l, "%s%s", pre, node_str(seq_at(names, j)));
			ns.name[ns.n] = full;
			ns.prefix[ns.n++] = pre;
		}
	}
}

const char *const *aws_cfn_namespace_types(size_t *n)
{
	pthread_once(&ns.once, ns_load);
	*n = ns.n;
	return ns.name;
}
