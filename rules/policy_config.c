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
#include "policy_impl.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../linter/data.h"
#include "../linter/glob.h"
#include "../linter/lint.h"
#include "../linter/suggest.h"
#include "cfn.h"
#include "facts.h"
#include "registry.h"
#include "shapes.h"

__attribute__((format(printf, 3, 4)))
static struct diag *bad(struct pc *c, const struct node *at, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	c->broken = 1;
	if (c->d) /* a framework in a document */
		return report(c->d, BKP908, at, "%s", msg);
	return report_at(c->f, 0, BKP006, at->start, at->end, "", "%s", msg);
}

/* A value known only at deploy time: an intrinsic function, a Terraform
 * expression. */
static int deploy_time(const struct node *n)
{
	return node_is(n, N_EXPR) || node_intrinsic(n) != FN_NONE;
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
			   !shape_match(&shapes_arns()->account, s, strlen(s))) {
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
			   const struct node *v, long long min, long long max)
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
	if (n < min || n > max) {
		bad(c, v, "%s is %lld; Audit Manager takes %lld to %lld", p->name, n,
		    min, max);
		return -1;
	}
	return n;
}

static const struct node *param_node(const struct kv *kv, size_t n,
				      const char *name)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (node_streq(kv[i].k, name))
			return kv[i].v;
	return NULL;
}

/* The parameters of control ct (name and value nodes kv[0..nkv)): names
 * checked, values read, defaults. */
/* The control's value that a parameter's field names. */
static void set_field(struct control *ct, int field, long long n)
{
	switch (field) {
	case F_FREQUENCY: ct->freq_value = n; break;
	case F_RETENTION: ct->retention_days = n; break;
	case F_LOCK_MIN: ct->lock_min = n; break;
	case F_LOCK_MAX: ct->lock_max = n; break;
	default: break; /* checked only */
	}
}

/* "a, b or c" */
static const char *one_of(struct arena *a, const char *const *v, size_t n)
{
	const char *s = n ? v[0] : "";
	size_t i;
	for (i = 1; i < n; i++)
		s = arena_printf(a, "%s%s%s", s, i + 1 == n ? " or " : ", ", v[i]);
	return s;
}

static void parameters(struct pc *c, struct control *ct, const struct kv *kv,
		       size_t nkv)
{
	const struct control_def *def = control_def_of(ct->id);
	const char *names[3];
	size_t i, k, j;

	for (i = 0; i < def->np; i++)
		names[i] = def->p[i].name;
	for (k = 0; k < nkv; k++) {
		const struct node *key = kv[k].k;
		for (i = 0; i < def->np; i++)
			if (node_streq(key, names[i]))
				break;
		for (j = 0; j < k && i < def->np; j++)
			if (node_streq(kv[j].k, names[i]))
				break;
		if (i == def->np) {
			if (def->np)
				unknown(c, key, "parameter", arena_printf(c->a, "of %s", def->name),
					names, def->np);
			else
				bad(c, key, "%s takes no parameters", def->name);
		} else if (j < k) {
			bad(c, key, "parameter %s is given twice", names[i]);
		}
	}
	/* the defaults, then what is given */
	ct->freq_unit = "days";
	ct->freq_value = ct->retention_days = ct->lock_min = ct->lock_max = -1;
	for (i = 0; i < def->np; i++) {
		const struct param_def *p = &def->p[i];
		if (!p->dflt)
			continue;
		if (p->type == P_UNIT)
			ct->freq_unit = p->dflt;
		else
			set_field(ct, p->field, strtoll(p->dflt, NULL, 10));
	}
	for (i = 0; i < def->np; i++) {
		const struct param_def *p = &def->p[i];
		const struct node *v = param_node(kv, nkv, p->name);
		if (!v)
			continue;
		if (p->type == P_UNIT) {
			const char *s = node_str(v);
			if (!unit_minutes(s)) {
				size_t nu;
				const char *const *un = unit_names(&nu);
				const char *dym = s ? did_you_mean(s, un, nu) : NULL;
				struct diag *dg = bad(c, v, "%s takes %s%s%s%s",
						      p->name, one_of(c->a, un, nu),
						      s ? ", not '" : "",
						      s ? s : "", s ? "'" : "");
				if (dym)
					diag_hint(c->f, dg, "did you mean %s?", dym);
				continue;
			}
			ct->freq_unit = s;
		} else if (p->type == P_INT) {
			/* a value in the control's unit: its range in hours */
			long long min = p->min, max = p->max;
			long long n;
			if (p->hmax && unit_minutes(ct->freq_unit) == 60) {
				min = p->hmin;
				max = p->hmax;
			}
			n = int_param(c, p, v, min, max);
			if (n < 0)
				continue;
			set_field(ct, p->field, n);
		} else {
			list_param(c, ct, p, v);
		}
	}
	ct->freq_minutes = ct->freq_value * unit_minutes(ct->freq_unit);
	if (ct->lock_min >= 0 && ct->lock_max >= 0 && ct->lock_min > ct->lock_max)
		bad(c, param_node(kv, nkv, "maxRetentionDays"),
		    "maxRetentionDays %lld is below minRetentionDays %lld",
		    ct->lock_max, ct->lock_min);
}

static const char **strings(struct pc *c, struct control *ct,
			    const struct node *k, const struct node *v, size_t *n)
{
	const char **out;
	uint32_t i;
	*n = 0;
	if (deploy_time(v)) {
		ct->scope_unknown = 1;
		return NULL;
	}
	if (!node_is(v, N_SEQ)) {
		bad(c, v, "%s takes a list of strings", node_str(k));
		return NULL;
	}
	out = arena_zalloc(c->a, (v->len + 1) * sizeof(*out));
	for (i = 0; i < v->len; i++) {
		const char *s = scalar_text(c, seq_at(v, i));
		if (deploy_time(seq_at(v, i)))
			ct->scope_unknown = 1;
		else if (!s || !*s)
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
	ct->types = strings(c, ct, k, v, &ct->ntypes);
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

void control_scope(struct pc *c, struct control *ct, const struct node *v,
		   struct section_grant *g)
{
	static const char *const keys[] = { "files", "ComplianceResourceTypes",
					    "ComplianceResourceIds", "Tags" };
	/* Terraform's scope block */
	static const char *const tf_keys[] = { "compliance_resource_types",
					       "compliance_resource_ids", "tags" };
	const struct control_def *def = control_def_of(ct->id);
	uint32_t i;
	if (deploy_time(v)) {
		ct->scope_unknown = 1;
		return;
	}
	if (!node_is(v, N_MAP)) {
		bad(c, v, "scope is a mapping {%sComplianceResourceTypes, "
		    "ComplianceResourceIds, Tags}", g ? "files, " : "");
		return;
	}
	for (i = 0; i < v->len; i++) {
		const struct node *k = map_key(v, i), *e = map_val(v, i);
		const char *name = node_str(k);
		int tf = c->tf;
		if (g && node_streq(k, "files")) {
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
		if (node_streq(k, tf ? tf_keys[0] : "ComplianceResourceTypes")) {
			if (!(def->scopes & SC_TYPES))
				bad(c, k, "%s is not scoped by resource type in Audit "
				    "Manager (its scope: Tags, ComplianceResourceIds)",
				    def->name);
			else
				types_of(c, ct, k, e);
		} else if (node_streq(k, tf ? tf_keys[1] : "ComplianceResourceIds")) {
			ct->ids = strings(c, ct, k, e, &ct->nids);
		} else if (node_streq(k, tf ? tf_keys[2] : "Tags")) {
			if (!(def->scopes & SC_TAGS)) {
				bad(c, k, "%s is not scoped by tags in Audit Manager "
				    "(its scope: ComplianceResourceTypes, "
				    "ComplianceResourceIds)", def->name);
				continue;
			}
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
			if (deploy_time(e) || deploy_time(kk) || deploy_time(vv)) {
				ct->scope_unknown = 1;
				continue;
			}
			if (!node_str(kk) || (vv && !node_is(vv, N_NULL) && !scalar_text(c, vv))) {
				bad(c, e, "Tags takes one tag: {KEY: VALUE} (Audit Manager "
				    "scopes a control by at most one tag)");
				continue;
			}
			ct->tag_key = node_str(kk);
			ct->tag_value = vv && !node_is(vv, N_NULL) ? scalar_text(c, vv) : NULL;
		} else if (tf) {
			unknown(c, k, "argument", "in scope", tf_keys, 3);
		} else {
			unknown(c, k, "scope key", NULL, g ? keys : keys + 1, g ? 4 : 3);
		}
		(void)name;
	}
}

int control_named(struct pc *c, struct control *ct, const struct node *nm)
{
	const char *names[CTL_ALL];
	size_t k;
	for (k = 0; k < CTL_ALL; k++) {
		names[k] = control_def_of((int)k)->name;
		if (node_streq(nm, names[k])) {
			memset(ct, 0, sizeof(*ct));
			ct->id = (int)k;
			ct->rule = control_def_of((int)k)->rule;
			ct->name = names[k];
			ct->sev = SEV_ERROR;
			return 0;
		}
	}
	unknown(c, nm, "control", NULL, names, CTL_ALL);
	return -1;
}

void control_parameters(struct pc *c, struct control *ct, const struct kv *kv,
			size_t n)
{
	parameters(c, ct, kv, n);
}

/* The parameters of a control in a configuration: a mapping. */
static void config_parameters(struct pc *c, struct control *ct,
			      const struct node *params)
{
	struct kv *kv;
	uint32_t i;
	if (params && !node_is(params, N_MAP)) {
		bad(c, params, "parameters is a mapping of %s's input parameters",
		    ct->name);
		params = NULL;
	}
	kv = arena_zalloc(c->a, ((params ? params->len : 0) + 1) * sizeof(*kv));
	for (i = 0; params && i < params->len; i++) {
		kv[i].k = map_key(params, i);
		kv[i].v = map_val(params, i);
	}
	parameters(c, ct, kv, params ? params->len : 0);
}

static void config_severity(struct pc *c, struct control *ct, const struct node *sv)
{
	static const char *const sevs[] = { "info", "warning", "error" };
	const char *s = node_str(sv), *dym;
	struct diag *dg;
	size_t k;
	for (k = 0; k < 3; k++)
		if (node_streq(sv, sevs[k])) {
			ct->sev = (int)k + SEV_INFO;
			return;
		}
	dym = s ? did_you_mean(s, sevs, 3) : NULL;
	dg = bad(c, sv, "severity takes info, warning or error");
	if (dym)
		diag_hint(c->f, dg, "did you mean %s?", dym);
}

int policy_check_config(struct file *config, const struct node *section,
			struct arena *a, struct config_section *out)
{
	static const char *const keys[] = { "controls", "frameworks" };
	static const char *const ckeys[] = { "name", "parameters", "scope", "severity" };
	struct pc c;
	const struct node *list, *fw;
	struct policy *pol;
	struct section_grant *grants;
	uint32_t i, j, n;
	size_t k;

	memset(&c, 0, sizeof(c));
	c.f = config;
	c.a = a;
	memset(out, 0, sizeof(*out));
	if (!node_is(section, N_MAP)) {
		bad(&c, section, "policy is a mapping: {controls: [...], frameworks: apply}");
		return -1;
	}
	for (i = 0; i < section->len; i++)
		if (!node_streq(map_key(section, i), "controls") &&
		    !node_streq(map_key(section, i), "frameworks"))
			unknown(&c, map_key(section, i), "key", "in policy", keys, 2);
	pol = arena_zalloc(a, sizeof(*pol));
	fw = map_get(section, "frameworks");
	if (fw && !node_streq(fw, "apply") && !node_streq(fw, "check"))
		bad(&c, fw, "frameworks takes apply (the controls of the frameworks "
		    "in the run are applied to its plans) or check (the default)");
	pol->apply_frameworks = node_streq(fw, "apply");
	list = map_get(section, "controls");
	if (list && !node_is(list, N_SEQ)) {
		bad(&c, list, "controls takes a list of {name, parameters, scope, "
		    "severity}");
		return -1;
	}
	n = list ? list->len : 0;
	if (n > 64 - CTL_COUNT)
		bad(&c, list, "at most %d controls (Audit Manager: 50 a Region)",
		    64 - CTL_COUNT);
	pol->v = arena_zalloc(a, (n + 1) * sizeof(*pol->v));
	grants = arena_zalloc(a, (n + CTL_COUNT + 1) * sizeof(*grants));
	for (i = 0; i < n && i < 64 - CTL_COUNT; i++) {
		const struct node *e = seq_at(list, i), *nm;
		struct control *ct = &pol->v[pol->n];
		struct section_grant *g = &grants[pol->n];
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
		if (control_named(&c, ct, nm) < 0)
			continue;
		if (ct->rule < 0) {
			bad(&c, nm, "%s is decided on what exists after deploy "
			    "(recovery points, restore tests, live resources): "
			    "backuplint cannot check it on documents", ct->name);
			continue;
		}
		ct->line = source_pos(&config->src, e->start).line;
		config_parameters(&c, ct, map_get(e, "parameters"));
		if (map_get(e, "scope"))
			control_scope(&c, ct, map_get(e, "scope"), g);
		if (map_get(e, "severity"))
			config_severity(&c, ct, map_get(e, "severity"));
		g->rule = ct->rule;
		g->sev = ct->sev;
		g->line = ct->line;
		pol->n++;
	}
	if (c.broken)
		return -1;
	out->ngrants = pol->n;
	/* the frameworks' controls: every policy rule, for every file */
	for (k = 0; pol->apply_frameworks && k < CTL_COUNT; k++) {
		grants[out->ngrants].rule = control_def_of((int)k)->rule;
		grants[out->ngrants++].sev = SEV_ERROR;
	}
	out->data = pol;
	out->grants = grants;
	return 0;
}
