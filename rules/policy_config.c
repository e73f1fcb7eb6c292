/* policy_config.c - the `policy:` section of a configuration: controls
 * named and parameterised as AWS Backup Audit Manager controls (the
 * ControlName, ControlInputParameters with their names, value rules and
 * defaults, ControlScope), each with optional `files` globs and `severity`.
 * Every mistake is a BKP006 finding at its line and column; a configuration
 * with one is not used (policy.h).
 *
 * Parameter facts (AWS Backup Developer Guide, "Choosing your controls" and
 * "Creating frameworks using the AWS Backup API"; AWS Config managed rules
 * backup-plan-min-frequency-and-min-retention-check and
 * backup-recovery-point-*): see docs/rules.md, BKP901-BKP907. */
#include "policy.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../linter/glob.h"
#include "../linter/lint.h"
#include "../linter/suggest.h"
#include "facts.h"
#include "registry.h"
#include "shapes.h"

enum ptype {
	P_UNIT,      /* hours | days */
	P_INT,       /* a whole number (a string of digits, as Audit Manager) */
	P_REGIONS,   /* comma-separated Region codes, or a list */
	P_ACCOUNTS,  /* comma-separated account ids */
	P_ARNS,      /* comma-separated IAM principal ARNs */
};

struct param_def {
	const char *name;
	int type;
	long long min, max;  /* P_INT; list: max items (0: any) */
	const char *dflt;    /* NULL: optional, no default */
};

struct control_def {
	const char *name;
	int rule;
	struct param_def p[3];
	size_t np;
	unsigned scopes;     /* SC_* Audit Manager offers */
};

enum { SC_TAGS = 1, SC_TYPES = 2, SC_IDS = 4 };

static const struct control_def defs[CTL_COUNT] = {
	[CTL_MIN_FREQUENCY] = {
		"BACKUP_PLAN_MIN_FREQUENCY_AND_MIN_RETENTION_CHECK", BKP901,
		{ { "requiredFrequencyUnit", P_UNIT, 0, 0, "days" },
		  { "requiredFrequencyValue", P_INT, 1, 31, "1" },
		  { "requiredRetentionDays", P_INT, 1, 36500, "35" } }, 3,
		SC_TAGS | SC_IDS },
	[CTL_MIN_RETENTION] = {
		"BACKUP_RECOVERY_POINT_MINIMUM_RETENTION_CHECK", BKP902,
		{ { "requiredRetentionDays", P_INT, 1, 36500, "35" } }, 1,
		SC_TAGS | SC_TYPES | SC_IDS },
	[CTL_CROSS_REGION] = {
		"BACKUP_RESOURCES_PROTECTED_BY_CROSS_REGION", BKP903,
		{ { "crossRegionList", P_REGIONS, 0, 0, NULL } }, 1,
		SC_TAGS | SC_TYPES | SC_IDS },
	[CTL_CROSS_ACCOUNT] = {
		"BACKUP_RESOURCES_PROTECTED_BY_CROSS_ACCOUNT", BKP904,
		{ { "crossAccountList", P_ACCOUNTS, 0, 5, NULL } }, 1,
		SC_TAGS | SC_TYPES | SC_IDS },
	[CTL_VAULT_LOCK] = {
		"BACKUP_RESOURCES_PROTECTED_BY_BACKUP_VAULT_LOCK", BKP905,
		{ { "minRetentionDays", P_INT, 1, 36500, NULL },
		  { "maxRetentionDays", P_INT, 1, 36500, NULL } }, 2,
		SC_TAGS | SC_TYPES | SC_IDS },
	[CTL_MANUAL_DELETION] = {
		"BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED", BKP906,
		{ { "principalArnList", P_ARNS, 0, 5, NULL } }, 1,
		SC_TAGS | SC_TYPES | SC_IDS },
	[CTL_ENCRYPTED] = {
		"BACKUP_RECOVERY_POINT_ENCRYPTED", BKP907, { { 0 } }, 0,
		SC_TAGS | SC_TYPES | SC_IDS },
};

/* Audit Manager controls that evaluate what exists after deploy (recovery
 * points made, restore tests run, live resources): nothing in a document
 * decides them. */
static const char *const runtime_controls[] = {
	"BACKUP_RESOURCES_PROTECTED_BY_BACKUP_PLAN",
	"BACKUP_LAST_RECOVERY_POINT_CREATED",
	"RESTORE_TIME_FOR_RESOURCES_MEET_TARGET",
	"RESOURCES_IN_LOGICALLY_AIR_GAPPED_VAULT",
};

const char *control_name(int id)
{
	return id >= 0 && id < CTL_COUNT ? defs[id].name : "?";
}

struct pc {
	struct file *f;
	struct arena *a;
	int broken;
};

__attribute__((format(printf, 3, 4)))
static struct diag *bad(struct pc *c, const struct node *at, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	c->broken = 1;
	return report_at(c->f, 0, BKP006, at->start, at->end, "", "%s", msg);
}

/* "unknown WHAT 'word'[ WHERE]", with a did-you-mean among names. */
static void unknown(struct pc *c, const struct node *k, const char *what,
		    const char *of, const char *const *names, size_t n)
{
	const char *word = node_str(k) ? node_str(k) : "?";
	const char *dym = did_you_mean(word, names, n);
	struct diag *dg = bad(c, k, "unknown %s '%.80s'%s%s", what, word,
			      of ? " " : "", of ? of : "");
	size_t i, o = 0;
	char list[600];
	for (i = 0; i < n && o < sizeof(list); i++)
		o += (size_t)snprintf(list + o, sizeof(list) - o, "%s%s",
				      i ? ", " : "", names[i]);
	if (dym)
		diag_hint(c->f, dg, "did you mean %s?", dym);
	else if (n)
		diag_hint(c->f, dg, "one of %s", list);
}

/* A scalar as text: strings as they are, numbers as written. */
static const char *scalar_text(struct pc *c, const struct node *v)
{
	if (node_is(v, N_STR))
		return v->u.str;
	if (node_is(v, N_INT))
		return arena_printf(c->a, "%lld", (long long)v->u.i);
	return NULL;
}

/* Items of a comma-separated string (Audit Manager's form) or of a list,
 * trimmed; empty items are mistakes. */
static const char **items_of(struct pc *c, const struct param_def *p,
			     const struct node *v, size_t *n)
{
	const char **out;
	size_t cap = 8;
	uint32_t i;
	*n = 0;
	out = arena_zalloc(c->a, cap * sizeof(*out));
	for (i = 0; i < (node_is(v, N_SEQ) ? v->len : 1); i++) {
		const struct node *e = node_is(v, N_SEQ) ? seq_at(v, i) : v;
		const char *s = scalar_text(c, e), *p0, *comma;
		if (!s) {
			bad(c, e, "%s takes a comma-separated string or a list of "
			    "strings", p->name);
			continue;
		}
		for (p0 = s;; p0 = comma + 1) {
			const char *b = p0, *e2;
			comma = strchr(p0, ',');
			e2 = comma ? comma : p0 + strlen(p0);
			while (b < e2 && (*b == ' ' || *b == '\t' || *b == '\n' || *b == '\r'))
				b++;
			while (e2 > b && (e2[-1] == ' ' || e2[-1] == '\t' ||
					  e2[-1] == '\n' || e2[-1] == '\r'))
				e2--;
			if (b == e2) {
				bad(c, e, "%s has an empty item", p->name);
			} else {
				if (*n + 1 >= cap) {
					const char **nv = arena_zalloc(c->a, 2 * cap * sizeof(*nv));
					memcpy(nv, out, *n * sizeof(*nv));
					out = nv;
					cap *= 2;
				}
				out[(*n)++] = arena_strndup(c->a, b, (size_t)(e2 - b));
			}
			if (!comma)
				break;
		}
	}
	return out;
}

static void list_param(struct pc *c, struct control *ct,
		       const struct param_def *p, const struct node *v)
{
	size_t i;
	char why[200];
	ct->list = items_of(c, p, v, &ct->nlist);
	if (p->max && ct->nlist > (size_t)p->max)
		bad(c, v, "%s lists %zu items; Audit Manager takes at most %lld",
		    p->name, ct->nlist, p->max);
	for (i = 0; i < ct->nlist; i++) {
		const char *s = ct->list[i];
		if (p->type == P_REGIONS && !facts_region(s)) {
			const char *dym = facts_region_suggest(s);
			struct diag *dg = bad(c, v, "%s: '%.60s' is not a Region of any "
					      "AWS partition", p->name, s);
			if (dym)
				diag_hint(c->f, dg, "did you mean %s?", dym);
		} else if (p->type == P_ACCOUNTS &&
			   !re_match(shapes_arns()->account_re, s, strlen(s))) {
			bad(c, v, "%s: '%.60s' is not an AWS account id (12 digits)",
			    p->name, s);
		} else if (p->type == P_ARNS && strncmp(s, "arn:", 4) != 0) {
			snprintf(why, sizeof(why), "%s", s);
			bad(c, v, "%s: '%.60s' is not an ARN (arn:PARTITION:iam::"
			    "ACCOUNT:role/NAME)", p->name, why);
		}
	}
}

/* A whole number within [min, max]: a number or a string of digits, as
 * Audit Manager's string parameters are written. */
static long long int_param(struct pc *c, const struct param_def *p,
			   const struct node *v, long long max)
{
	const char *s = node_is(v, N_STR) ? v->u.str : NULL;
	long long n = -1;
	char *end;
	if (node_is(v, N_INT) && !(v->flags & NF_BIG)) {
		n = v->u.i;
	} else if (s && *s >= '0' && *s <= '9' && strlen(s) < 12) {
		n = strtoll(s, &end, 10);
		if (*end)
			n = -1;
	}
	if (n < 0 || (!node_is(v, N_INT) && !s)) {
		bad(c, v, "%s takes a whole number (\"35\" or 35)", p->name);
		return -1;
	}
	if (n < p->min || n > max) {
		bad(c, v, "%s is %lld; Audit Manager takes %lld to %lld", p->name, n,
		    p->min, max);
		return -1;
	}
	return n;
}

static const struct node *param_node(const struct node *params, const char *name)
{
	return node_is(params, N_MAP) ? map_get(params, name) : NULL;
}

/* The parameters of control ct: names checked, values read, defaults. */
static void parameters(struct pc *c, struct control *ct, const struct node *params)
{
	const struct control_def *def = &defs[ct->id];
	const char *names[3];
	size_t i;
	uint32_t k;

	for (i = 0; i < def->np; i++)
		names[i] = def->p[i].name;
	if (params && !node_is(params, N_MAP)) {
		bad(c, params, "parameters is a mapping of %s's input parameters",
		    def->name);
		return;
	}
	for (k = 0; params && k < params->len; k++) {
		const struct node *key = map_key(params, k);
		for (i = 0; i < def->np; i++)
			if (node_streq(key, names[i]))
				break;
		if (i == def->np) {
			if (def->np)
				unknown(c, key, "parameter", arena_printf(c->a, "of %s", def->name),
					names, def->np);
			else
				bad(c, key, "%s takes no parameters", def->name);
		}
	}
	ct->freq_unit = "days";
	ct->freq_value = 1;
	ct->retention_days = 35;
	ct->lock_min = ct->lock_max = -1;
	for (i = 0; i < def->np; i++) {
		const struct param_def *p = &def->p[i];
		const struct node *v = param_node(params, p->name);
		if (!v)
			continue;
		if (p->type == P_UNIT) {
			const char *s = node_str(v);
			if (!s || (strcmp(s, "hours") != 0 && strcmp(s, "days") != 0)) {
				static const char *const units[] = { "hours", "days" };
				const char *dym = s ? did_you_mean(s, units, 2) : NULL;
				struct diag *dg = bad(c, v, "%s takes hours or days%s%s%s",
						      p->name, s ? ", not '" : "",
						      s ? s : "", s ? "'" : "");
				if (dym)
					diag_hint(c->f, dg, "did you mean %s?", dym);
				continue;
			}
			ct->freq_unit = s;
		} else if (p->type == P_INT) {
			/* requiredFrequencyValue: at most 24 hours or 31 days */
			long long max = p->max;
			long long n;
			if (strcmp(p->name, "requiredFrequencyValue") == 0 &&
			    strcmp(ct->freq_unit, "hours") == 0)
				max = 24;
			n = int_param(c, p, v, max);
			if (n < 0)
				continue;
			if (strcmp(p->name, "requiredFrequencyValue") == 0)
				ct->freq_value = n;
			else if (strcmp(p->name, "requiredRetentionDays") == 0)
				ct->retention_days = n;
			else if (strcmp(p->name, "minRetentionDays") == 0)
				ct->lock_min = n;
			else
				ct->lock_max = n;
		} else {
			list_param(c, ct, p, v);
		}
	}
	ct->freq_minutes = ct->freq_value *
		(strcmp(ct->freq_unit, "hours") == 0 ? 60 : 1440);
	if (ct->lock_min >= 0 && ct->lock_max >= 0 && ct->lock_min > ct->lock_max)
		bad(c, param_node(params, "maxRetentionDays"),
		    "maxRetentionDays %lld is below minRetentionDays %lld",
		    ct->lock_max, ct->lock_min);
}

static const char **strings(struct pc *c, const struct node *k,
			    const struct node *v, size_t *n)
{
	const char **out;
	uint32_t i;
	*n = 0;
	if (!node_is(v, N_SEQ)) {
		bad(c, v, "%s takes a list of strings", node_str(k));
		return NULL;
	}
	out = arena_zalloc(c->a, (v->len + 1) * sizeof(*out));
	for (i = 0; i < v->len; i++) {
		const char *s = scalar_text(c, seq_at(v, i));
		if (!s || !*s)
			bad(c, seq_at(v, i), "%s takes a list of strings", node_str(k));
		else
			out[(*n)++] = s;
	}
	return out;
}

/* ComplianceResourceTypes: the resource type names of Audit Manager
 * ("RDS", "EFS"), or CloudFormation's for the Backup resources. */
static void types_of(struct pc *c, struct control *ct, const struct node *k,
		     const struct node *v)
{
	size_t i, nt = facts_type_count();
	const char **names = arena_zalloc(c->a, (nt + 1) * sizeof(*names));
	ct->types = strings(c, k, v, &ct->ntypes);
	for (i = 0; i < nt; i++)
		names[i] = facts_type_name((int)i);
	for (i = 0; i < ct->ntypes; i++) {
		const char *t = ct->types[i];
		if (facts_type_index(t) >= 0 || facts_cfn_type(t) >= 0 ||
		    strncmp(t, "AWS::Backup::", 13) == 0)
			continue;
		{
			const char *dym = did_you_mean(t, names, nt);
			struct diag *dg = bad(c, seq_at(v, (uint32_t)i),
					      "ComplianceResourceTypes: '%.60s' is not a "
					      "resource type AWS Backup protects", t);
			if (dym)
				diag_hint(c->f, dg, "did you mean %s?", dym);
		}
	}
}

static void scope(struct pc *c, struct control *ct, const struct node *v,
		  struct section_grant *g)
{
	static const char *const keys[] = { "files", "ComplianceResourceTypes",
					    "ComplianceResourceIds", "Tags" };
	const struct control_def *def = &defs[ct->id];
	uint32_t i;
	if (!node_is(v, N_MAP)) {
		bad(c, v, "scope is a mapping {files, ComplianceResourceTypes, "
		    "ComplianceResourceIds, Tags}");
		return;
	}
	for (i = 0; i < v->len; i++) {
		const struct node *k = map_key(v, i), *e = map_val(v, i);
		const char *name = node_str(k);
		if (node_streq(k, "files")) {
			const char **gl;
			uint32_t j, cnt = node_is(e, N_SEQ) ? e->len : 1;
			size_t n = 0;
			if (!node_is(e, N_SEQ) && !node_is(e, N_STR)) {
				bad(c, e, "files takes a glob or a list of globs");
				continue;
			}
			gl = arena_zalloc(c->a, (cnt + 1) * sizeof(*gl));
			for (j = 0; j < cnt; j++) {
				const struct node *x = node_is(e, N_SEQ) ? seq_at(e, j) : e;
				size_t at;
				const char *why;
				if (!node_is(x, N_STR))
					bad(c, x, "a glob is a string");
				else if (glob_check(x->u.str, &at, &why) < 0)
					bad(c, x, "invalid glob '%.80s': %s", x->u.str, why);
				else
					gl[n++] = x->u.str;
			}
			g->globs = gl;
			g->nglobs = n;
			continue;
		}
		if (node_streq(k, "ComplianceResourceTypes")) {
			if (!(def->scopes & SC_TYPES))
				bad(c, k, "%s is not scoped by resource type in Audit "
				    "Manager (its scope: Tags, ComplianceResourceIds)",
				    def->name);
			else
				types_of(c, ct, k, e);
		} else if (node_streq(k, "ComplianceResourceIds")) {
			ct->ids = strings(c, k, e, &ct->nids);
		} else if (node_streq(k, "Tags")) {
			/* a mapping of one pair (API), or [{Key, Value}] (CFN) */
			const struct node *kk = NULL, *vv = NULL;
			if (node_is(e, N_MAP) && e->len == 1) {
				kk = map_key(e, 0);
				vv = map_val(e, 0);
			} else if (node_is(e, N_SEQ) && e->len == 1 &&
				   node_is(seq_at(e, 0), N_MAP)) {
				kk = map_get(seq_at(e, 0), "Key");
				vv = map_get(seq_at(e, 0), "Value");
			}
			if (!node_str(kk) || (vv && !node_is(vv, N_NULL) && !scalar_text(c, vv))) {
				bad(c, e, "Tags takes one tag: {KEY: VALUE} (Audit Manager "
				    "scopes a control by at most one tag)");
				continue;
			}
			ct->tag_key = node_str(kk);
			ct->tag_value = vv && !node_is(vv, N_NULL) ? scalar_text(c, vv) : NULL;
		} else {
			unknown(c, k, "scope key", NULL, keys, 4);
		}
		(void)name;
	}
}

int policy_check_config(struct file *config, const struct node *section,
			struct arena *a, struct config_section *out)
{
	static const char *const keys[] = { "controls" };
	static const char *const ckeys[] = { "name", "parameters", "scope", "severity" };
	struct pc c = { config, a, 0 };
	const char *names[CTL_COUNT + 4];
	const struct node *list;
	struct policy *pol;
	struct section_grant *grants;
	uint32_t i, j;
	size_t k;

	memset(out, 0, sizeof(*out));
	for (k = 0; k < CTL_COUNT; k++)
		names[k] = defs[k].name;
	for (k = 0; k < 4; k++)
		names[CTL_COUNT + k] = runtime_controls[k];
	if (!node_is(section, N_MAP)) {
		bad(&c, section, "policy is a mapping: {controls: [...]}");
		return -1;
	}
	for (i = 0; i < section->len; i++)
		if (!node_streq(map_key(section, i), "controls"))
			unknown(&c, map_key(section, i), "key", "in policy", keys, 1);
	list = map_get(section, "controls");
	if (!list)
		return c.broken ? -1 : 0;
	if (!node_is(list, N_SEQ)) {
		bad(&c, list, "controls takes a list of {name, parameters, scope, "
		    "severity}");
		return -1;
	}
	if (list->len > 64)
		bad(&c, list, "at most 64 controls (Audit Manager: 50 a Region)");
	pol = arena_zalloc(a, sizeof(*pol));
	pol->v = arena_zalloc(a, (list->len + 1) * sizeof(*pol->v));
	grants = arena_zalloc(a, (list->len + 1) * sizeof(*grants));
	for (i = 0; i < list->len && i < 64; i++) {
		const struct node *e = seq_at(list, i), *nm;
		struct control *ct = &pol->v[pol->n];
		struct section_grant *g = &grants[pol->n];
		int id = -1;
		if (!node_is(e, N_MAP)) {
			bad(&c, e, "a control is a mapping {name, parameters, scope, "
			    "severity}");
			continue;
		}
		for (j = 0; j < e->len; j++) {
			const struct node *key = map_key(e, j);
			for (k = 0; k < 4; k++)
				if (node_streq(key, ckeys[k]))
					break;
			if (k == 4)
				unknown(&c, key, "key", "in a control", ckeys, 4);
		}
		nm = map_get(e, "name");
		if (!nm) {
			bad(&c, e, "a control needs name: its Audit Manager ControlName");
			continue;
		}
		for (k = 0; k < CTL_COUNT; k++)
			if (node_streq(nm, defs[k].name))
				id = (int)k;
		if (id < 0) {
			for (k = 0; k < 4; k++)
				if (node_streq(nm, runtime_controls[k]))
					break;
			if (k < 4)
				bad(&c, nm, "%s is decided on what exists after deploy "
				    "(recovery points, restore tests, live resources): "
				    "backuplint cannot check it on documents", runtime_controls[k]);
			else
				unknown(&c, nm, "control", NULL, names, CTL_COUNT + 4);
			continue;
		}
		ct->id = id;
		ct->rule = defs[id].rule;
		ct->name = defs[id].name;
		ct->sev = SEV_ERROR;
		ct->line = source_pos(&config->src, e->start).line;
		parameters(&c, ct, map_get(e, "parameters"));
		if (map_get(e, "scope"))
			scope(&c, ct, map_get(e, "scope"), g);
		if (map_get(e, "severity")) {
			static const char *const sevs[] = { "info", "warning", "error" };
			const struct node *sv = map_get(e, "severity");
			int found = 0;
			for (k = 0; k < 3; k++)
				if (node_streq(sv, sevs[k])) {
					ct->sev = (int)k + SEV_INFO;
					found = 1;
				}
			if (!found) {
				const char *s = node_str(sv);
				const char *dym = s ? did_you_mean(s, sevs, 3) : NULL;
				struct diag *dg = bad(&c, sv, "severity takes info, warning or error");
				if (dym)
					diag_hint(c.f, dg, "did you mean %s?", dym);
			}
		}
		g->rule = ct->rule;
		g->sev = ct->sev;
		pol->n++;
	}
	if (c.broken)
		return -1;
	out->data = pol;
	out->grants = grants;
	out->ngrants = pol->n;
	return 0;
}
