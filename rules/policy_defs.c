/* policy_defs.c - what AWS Backup Audit Manager says of its controls
 * (schemas/audit-manager.json: parameters, value rules, defaults, units,
 * scope, the FrameworkName rule, the quotas), read once, and which of them
 * backuplint decides, with their rules (policy_impl.h). */
#include "policy_impl.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../linter/data.h"
#include "../linter/lint.h"
#include "registry.h"
#include "shapes.h"

/* What backuplint does with each control: its rule, or -1 for the controls
 * decided only after deploy (a framework may hold them). The facts about
 * the controls (parameters, ranges, defaults, scope) are data:
 * schemas/audit-manager.json. */
static const struct {
	const char *name;
	int rule;
} impl[CTL_ALL] = {
	[CTL_MIN_FREQUENCY] = { "BACKUP_PLAN_MIN_FREQUENCY_AND_MIN_RETENTION_CHECK", BKP901 },
	[CTL_MIN_RETENTION] = { "BACKUP_RECOVERY_POINT_MINIMUM_RETENTION_CHECK", BKP902 },
	[CTL_CROSS_REGION] = { "BACKUP_RESOURCES_PROTECTED_BY_CROSS_REGION", BKP903 },
	[CTL_CROSS_ACCOUNT] = { "BACKUP_RESOURCES_PROTECTED_BY_CROSS_ACCOUNT", BKP904 },
	[CTL_VAULT_LOCK] = { "BACKUP_RESOURCES_PROTECTED_BY_BACKUP_VAULT_LOCK", BKP905 },
	[CTL_MANUAL_DELETION] = { "BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED", BKP906 },
	[CTL_ENCRYPTED] = { "BACKUP_RECOVERY_POINT_ENCRYPTED", BKP907 },
	[CTL_PROTECTED_BY_PLAN] = { "BACKUP_RESOURCES_PROTECTED_BY_BACKUP_PLAN", -1 },
	[CTL_LAST_RECOVERY_POINT] = { "BACKUP_LAST_RECOVERY_POINT_CREATED", -1 },
	[CTL_RESTORE_TIME] = { "RESTORE_TIME_FOR_RESOURCES_MEET_TARGET", -1 },
	[CTL_AIR_GAPPED] = { "RESOURCES_IN_LOGICALLY_AIR_GAPPED_VAULT", -1 },
};

static struct control_def defs[CTL_ALL];
static long long quota_controls, quota_frameworks;
/* the units a frequency is counted in, with their minutes */
static struct unit_def {
	const char *name;
	long long minutes;
} units[4];
static size_t nunits;
static const char *unit_list[4];
/* FrameworkName: its pattern, length and what the pattern says */
static pcre2_code *fw_name_re;
static long long fw_name_max;
static const char *fw_name_says;
/* the actions an access policy denies for the manual-deletion control */
static const char *deny_actions[8];
static size_t ndeny;
static pthread_once_t defs_once = PTHREAD_ONCE_INIT;

static void __attribute__((noreturn)) defect(const char *what, const char *name)
{
	fprintf(stderr, "backuplint: internal error: schemas/audit-manager.json: "
		"%s %s\n", what, name ? name : "");
	abort();
}

static long long num_or(const struct node *m, const char *k, long long dflt)
{
	long long v;
	const struct node *n = map_get(m, k);
	if (!n)
		return dflt;
	if (!node_int(n, &v, 0))
		defect("not a number:", k);
	return v;
}

static void defs_load(void)
{
	static const char *const types[] = { "unit", "int", "regions", "accounts", "arns" };
	static const char *const fields[] = { "none", "frequency", "retention",
					      "lock_min", "lock_max" };
	const struct node *r = data_tree("audit-manager.json");
	const struct node *ctls = map_get(r, "controls"), *u = map_get(r, "units");
	const struct node *fn = map_get(r, "framework_name");
	const char *pat = node_str(map_get(fn, "pattern"));
	int errc;
	PCRE2_SIZE erro;
	uint32_t i, j;
	size_t k;

	quota_controls = num_or(map_get(r, "quotas"), "controls_per_region", -1);
	quota_frameworks = num_or(map_get(r, "quotas"), "frameworks_per_region", -1);
	if (quota_controls < 0 || quota_frameworks < 0 || !node_is(ctls, N_SEQ))
		defect("no quotas or controls", NULL);
	for (i = 0; node_is(u, N_MAP) && i < u->len && nunits < 4; i++) {
		units[nunits].name = node_str(map_key(u, i));
		if (!node_int(map_val(u, i), &units[nunits].minutes, 0))
			defect("a unit's minutes are not a number:", units[nunits].name);
		unit_list[nunits] = units[nunits].name;
		nunits++;
	}
	fw_name_max = num_or(fn, "max", -1);
	fw_name_says = node_str(map_get(fn, "says"));
	if (!nunits || !pat || fw_name_max < 1 || !fw_name_says ||
	    !(fw_name_re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED,
					 PCRE2_DOLLAR_ENDONLY, &errc, &erro, NULL)))
		defect("no units, or no usable framework_name", NULL);
	for (i = 0; i < ctls->len; i++) {
		const struct node *c = seq_at(ctls, i), *ps = map_get(c, "parameters"),
				  *sc = map_get(c, "scope");
		const char *name = node_str(map_get(c, "name"));
		struct control_def *d = NULL;
		for (k = 0; name && k < CTL_ALL; k++)
			if (strcmp(impl[k].name, name) == 0)
				d = &defs[k];
		if (!d)
			defect("a control backuplint does not know:", name);
		d->name = impl[d - defs].name;
		d->rule = impl[d - defs].rule;
		if (d - defs == CTL_MANUAL_DELETION) {
			const struct node *a = map_get(c, "deny_actions");
			for (j = 0; node_is(a, N_SEQ) && j < a->len && ndeny < 8; j++)
				deny_actions[ndeny++] = node_str(seq_at(a, j));
			if (!ndeny || !deny_actions[ndeny - 1])
				defect("no deny_actions for", name);
		}
		for (j = 0; node_is(sc, N_SEQ) && j < sc->len; j++)
			d->scopes |= node_streq(seq_at(sc, j), "tags") ? SC_TAGS
				: node_streq(seq_at(sc, j), "types") ? SC_TYPES
				: node_streq(seq_at(sc, j), "ids") ? SC_IDS : 0;
		for (j = 0; node_is(ps, N_SEQ) && j < ps->len && j < 3; j++) {
			const struct node *pn = seq_at(ps, j), *dv = map_get(pn, "default");
			struct param_def *p = &d->p[d->np++];
			p->name = node_str(map_get(pn, "name"));
			for (k = 0; k < 5; k++)
				if (node_streq(map_get(pn, "type"), types[k]))
					break;
			if (!p->name || k == 5)
				defect("a parameter without a name or a known type of", name);
			p->type = (int)k;
			p->min = num_or(pn, "min", 0);
			p->max = num_or(pn, k == P_INT ? "max" : "max_items", 0);
			for (k = 0; p->type == P_INT && k < 5; k++)
				if (node_streq(map_get(pn, "field"), fields[k]))
					break;
			if (k == 5)
				defect("an int parameter without a known field in", name);
			p->field = p->type == P_INT ? (int)k : F_NONE;
			p->hmin = num_or(pn, "hours_min", 0);
			p->hmax = num_or(pn, "hours_max", 0);
			p->dflt = node_str(dv); /* a string, as Audit Manager's values */
			if (dv && !p->dflt)
				defect("a default that is not a string in", name);
		}
	}
	for (k = 0; k < CTL_ALL; k++)
		if (!defs[k].name)
			defect("no control", impl[k].name);
}

const struct control_def *control_def_of(int id)
{
	pthread_once(&defs_once, defs_load);
	return &defs[id];
}

long long controls_quota(void)
{
	pthread_once(&defs_once, defs_load);
	return quota_controls;
}

long long frameworks_quota(void)
{
	pthread_once(&defs_once, defs_load);
	return quota_frameworks;
}

int framework_name_ok(const char *s, const char **says, long long *max)
{
	pthread_once(&defs_once, defs_load);
	*says = fw_name_says;
	*max = fw_name_max;
	return strlen(s) <= (size_t)fw_name_max && re_match(fw_name_re, s, strlen(s));
}

const char *const *control_deny_actions(size_t *n)
{
	pthread_once(&defs_once, defs_load);
	*n = ndeny;
	return deny_actions;
}

long long unit_minutes(const char *name)
{
	size_t i;
	for (i = 0; name && i < nunits; i++)
		if (strcmp(units[i].name, name) == 0)
			return units[i].minutes;
	return 0;
}

const char *control_name(int id)
{
	return id >= 0 && id < CTL_ALL ? impl[id].name : "?";
}

const char *const *unit_names(size_t *n)
{
	pthread_once(&defs_once, defs_load);
	*n = nunits;
	return unit_list;
}

void policy_session_flags(struct session *s)
{
	size_t k;
	/* the rules of the frameworks' controls, on wherever they apply */
	for (k = 0; s->opt.apply_frameworks && k < CTL_COUNT; k++)
		if (session_severity(s, control_def_of((int)k)->rule) < SEV_ERROR)
			session_set_severity(s, control_def_of((int)k)->rule, SEV_ERROR);
}
