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
