/* policy.c - policy controls in the run phase (BKP901-BKP904; the vault
 * controls are in policy_vault.c): each control the configuration of a
 * file turns on, over the plans of its documents, decided from the model
 * so that API documents, templates and Terraform read alike.
 *
 * A value known only at deploy time never fails a control: when no known
 * value decides it, the control says once, as info, that it cannot be
 * decided for the plan and why. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aws.h"
#include "cfn.h"
#include "cron.h"
#include "facts.h"
#include "families.h"
#include "policy_impl.h"
#include "registry.h"

/* ---- findings ---- */

struct diag *control_fails(struct doc *d, const struct control *ct,
			   const struct node *at, const char *fmt, ...)
{
	char msg[700];
	struct diag *dg;
	int lower;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	((struct aws_run *)d->file->run->state)->policy_fails++;
	dg = report(d, ct->rule, at, "%s%s%s: %s", ct->framework ? ct->framework : "",
		    ct->framework ? "/" : "", ct->name, msg);
	/* the rule runs at the highest severity any control asks for in
	 * this file: this control's may be lower */
	lower = file_severity(d->file, ct->rule) - ct->sev;
	diag_demote(dg, lower);
	return dg;
}

void control_undecided(struct doc *d, const struct control *ct,
		       const struct node *at, const char *what,
		       const char *fmt, ...)
{
	char msg[600];
	struct diag *dg;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	((struct aws_run *)d->file->run->state)->policy_undecided++;
	dg = report(d, ct->rule, at, "%s%s%s cannot be decided for %s: %s",
		    ct->framework ? ct->framework : "", ct->framework ? "/" : "",
		    ct->name, what, msg);
	diag_demote(dg, SEV_ERROR);
}

void verdict_mark(struct doc *d, struct verdict_mark *m)
{
	const struct aws_run *ar = d->file->run->state;
	m->fails = ar->policy_fails;
	m->undecided = ar->policy_undecided;
}

void verdict_record(struct doc *d, const struct control *ct, const char *what,
		    const struct verdict_mark *m)
{
	const struct aws_run *ar = d->file->run->state;
	run_verdict_add(d->file->run, d->file, what, ct->name, ct->framework,
			ar->policy_fails != m->fails ? VERDICT_FAIL
			: ar->policy_undecided != m->undecided ? VERDICT_UNDECIDED
			: VERDICT_PASS);
}

/* ---- scope ---- */

int tags_match(const struct value *tags, const char *key, const char *value)
{
	const struct node *v;
	if (tags->state == VS_ABSENT)
		return 0;
	if (!value_is(tags, VT_MAP))
		return -1;
	v = map_get(value_lit(tags), key);
	if (!v)
		return 0;
	if (!value)
		return 1;
	if (node_is(v, N_STR))
		return strcmp(v->u.str, value) == 0;
	return node_intrinsic(v) != FN_NONE ? -1 : 0;
}

int id_in_scope(const struct control *ct, const char *name)
{
	size_t i;
	if (!ct->nids)
		return 1;
	for (i = 0; name && i < ct->nids; i++)
		if (strcmp(ct->ids[i], name) == 0)
			return 1;
	return 0;
}

static const char *plan_what(struct doc *d, const struct plan_m *p)
{
	return arena_printf(&d->arena, "plan '%s'", p->name);
}

/* Where a plan-wide finding goes: its rules' key, else the plan. */
static const struct node *plan_at(const struct plan_m *p)
{
	if (value_key(&p->rules_v))
		return value_key(&p->rules_v);
	return p->plan;
}

/* Whether a selection of plan p chooses resources by tag key=value. */
static int selects_by_tag(const struct sel_m *s, const char *key,
			  const char *value)
{
	const struct node *l = value_is(&s->list_of_tags, VT_SEQ) ? value_lit(&s->list_of_tags) : NULL;
	uint32_t i;
	for (i = 0; l && i < l->len; i++) {
		const struct node *e = seq_at(l, i);
		uint32_t j;
		const char *k = NULL, *v = NULL;
		for (j = 0; node_is(e, N_MAP) && j < e->len; j++) {
			const char *mk = node_str(map_key(e, j));
			if (mk && (strcmp(mk, "ConditionKey") == 0 || strcmp(mk, "key") == 0))
				k = node_str(map_val(e, j));
			if (mk && (strcmp(mk, "ConditionValue") == 0 || strcmp(mk, "value") == 0))
				v = node_str(map_val(e, j));
		}
		if (k && strcmp(k, key) == 0 && (!value || (v && strcmp(v, value) == 0)))
			return 1;
	}
	return 0;
}

uint32_t control_types(const struct control *ct)
{
	uint32_t want = 0;
	size_t i;
	for (i = 0; i < ct->ntypes; i++) {
		int t = facts_type_index(ct->types[i]);
		if (t < 0)
			t = facts_cfn_type(ct->types[i]);
		if (t >= 0)
			want |= (uint32_t)1 << t;
	}
	return want;
}

/* Whether plan p is in ct's scope: 1, 0, or -1 (why in *why). Plan
 * controls read the plan's tags; the others, as Audit Manager, the
 * resources the plan's selections assign. */
static int plan_in_scope(struct doc *d, const struct control *ct,
			 const struct plan_m *p, const char **why)
{
	size_t i;
	if (ct->scope_unknown || ct->params_unknown) {
		*why = ct->params_unknown ? "a parameter of the control is known "
			"only at deploy time" : "its scope is known only at deploy time";
		return -1;
	}
	if (ct->nids) {
		if (!id_in_scope(ct, p->name) &&
		    !(p->logical_id && id_in_scope(ct, p->logical_id)) &&
		    !(value_is(&p->plan_id, VT_STR) && id_in_scope(ct, p->plan_id.u.s)))
			return 0;
	}
	if (ct->id == CTL_MIN_FREQUENCY) {
		if (ct->tag_key) {
			int t = tags_match(&p->tags, ct->tag_key, ct->tag_value);
			if (t < 0)
				*why = arena_printf(&d->arena, "its %s are known only at "
						    "deploy time", fname(d, F_PLAN_TAGS));
			return t;
		}
		return 1;
	}
	if (ct->ntypes) {
		uint32_t want = control_types(ct);
		if (!p->nsels) {
			*why = "no selection in the run assigns resources to it, so "
			       "their types are not known";
			return -1;
		}
		if (!p->any && !((p->known | p->maybe) & want))
			return 0;
	}
	if (ct->tag_key) {
		for (i = 0; i < p->nsels; i++)
			if (selects_by_tag(p->sels[i], ct->tag_key, ct->tag_value))
				return 1;
		*why = arena_printf(&d->arena, "whether the resources it protects "
				    "carry tag %s is known only after deploy",
				    ct->tag_key);
		return -1;
	}
	return 1;
}

/* ---- retention ---- */

/* How long lifecycle lc keeps recovery points: 1 and *days (-1: forever)
 * when known, with the value's note in *why (" (assumed from ...)" or
 * ""); 0 with a reason when not. */
static int kept_days(struct doc *d, const struct lifecycle_m *lc,
		     long long *days, const struct node **at, const char **why)
{
	*at = lc->del.at ? lc->del.at : lc->self.at;
	*why = "";
	if (lc->misplaced) {
		*why = arena_printf(&d->arena, "%s is written outside %s",
				    fname(d, F_DELETE_AFTER), fname(d, F_LIFECYCLE));
		return 0;
	}
	if (lc->self.state == VS_ABSENT) {
		*days = -1;
		return 1;
	}
	if (!value_is(&lc->self, VT_MAP) || lc->nalts) {
		*why = arena_printf(&d->arena, "its %s is known only at deploy time",
				    fname(d, F_LIFECYCLE));
		return 0;
	}
	if (lc->del.state == VS_ABSENT) {
		if (lc->del_event->state != VS_ABSENT) {
			*why = arena_printf(&d->arena, "recovery points go when copied (%s)",
					    fname(d, F_DELETE_AFTER_EVENT));
			return 0;
		}
		*days = -1;
		return 1;
	}
	if (!value_is(&lc->del, VT_INT) || lc->del.nalts) {
		*why = arena_printf(&d->arena, "its %s is known only at deploy time",
				    fname(d, F_DELETE_AFTER));
		return 0;
	}
	*days = lc->del.u.i;
	*why = value_note(d, &lc->del); /* " (assumed ...)" or "" */
	return 1;
}

/* ---- frequency ---- */

static const char *duration(struct doc *d, long long m)
{
	if (m >= 1440 && m % 1440 == 0)
		return arena_printf(&d->arena, "%lld day%s", m / 1440, m == 1440 ? "" : "s");
	if (m < 1440)
		return arena_printf(&d->arena, "%lld h %02lld min", m / 60, m % 60);
	return arena_printf(&d->arena, "%lld d %lld h %02lld min", m / 1440,
			    m % 1440 / 60, m % 60);
}

static const char *gap_where(struct doc *d, const struct cron_gap *g)
{
	static const char *const wd[] = { "", "Sunday", "Monday", "Tuesday",
					  "Wednesday", "Thursday", "Friday", "Saturday" };
	static const char *const mon[] = { "", "January", "February", "March",
					   "April", "May", "June", "July", "August",
					   "September", "October", "November",
					   "December" };
	int fh = g->from_min / 60, fm = g->from_min % 60;
	int th = g->to_min / 60, tm = g->to_min % 60;
	if (g->days == 0)
		return arena_printf(&d->arena, "from %02d:%02d to %02d:%02d", fh, fm, th, tm);
	if (g->days == 1)
		return g->from_min > g->to_min
			? arena_printf(&d->arena, "overnight from %02d:%02d to %02d:%02d",
				       fh, fm, th, tm)
			: arena_printf(&d->arena, "from %02d:%02d to %02d:%02d the next day",
				       fh, fm, th, tm);
	if (g->days <= 7)
		return arena_printf(&d->arena, "from %s %02d:%02d to %s%s %02d:%02d",
				    wd[cron_weekday(g->from.year, g->from.mon, g->from.day)],
				    fh, fm, g->days == 7 ? "the next " : "",
				    wd[cron_weekday(g->to.year, g->to.mon, g->to.day)], th, tm);
	return arena_printf(&d->arena, "from %d %s %02d:%02d to %d %s %02d:%02d",
			    g->from.day, mon[g->from.mon], fh, fm, g->to.day,
			    mon[g->to.mon], th, tm);
}

/* The rule's schedule (AWS's default when absent): 1 with *g when known,
 * 0 with a reason. */
static int rule_gap(struct doc *d, const struct rule_m *rm, struct cron_gap *g,
		    const char **why)
{
	const char *s;
	struct cron c;
	struct cron_error e;
	if (rm->schedule.state == VS_ABSENT) {
		s = aws()->default_schedule;
	} else if (value_is(&rm->schedule, VT_STR) && !rm->schedule.nalts) {
		s = rm->schedule.u.s;
	} else {
		*why = arena_printf(&d->arena, "the %s of rule '%s' is known only at "
				    "deploy time", fname(d, F_SCHEDULE), rm->name);
		return 0;
	}
	if (cron_parse(s, strlen(s), &c, &e) != 0) {
		*why = arena_printf(&d->arena, "the %s of rule '%s' is not valid",
				    fname(d, F_SCHEDULE), rm->name);
		return 0;
	}
	if (cron_cycle_gap(&c, g) != 0)
		g->minutes = -1; /* fires at most once */
	return 1;
}

static void min_frequency(struct doc *d, const struct control *ct,
			  const struct plan_m *p)
{
	struct rs {
		int freq, ret;           /* 1 meets, 0 fails, -1 unknown */
		struct cron_gap g;
		long long days;
		const struct node *del_at;
		const char *note;
	} *st = arena_zalloc(&d->arena, (p->nrules + 1) * sizeof(*st));
	const char *why = NULL;
	size_t i;
	int undecided = 0;
	long long req = ct->freq_minutes;

	for (i = 0; i < p->nrules; i++) {
		const struct rule_m *rm = &p->rules[i];
		const char *w = NULL;
		if (rm->when) {
			st[i].freq = st[i].ret = -1; /* a rule of one branch */
			why = why ? why : arena_printf(&d->arena, "rule '%s' exists "
						       "only under a condition", rm->name);
			continue;
		}
		if (!rule_gap(d, rm, &st[i].g, &w)) {
			st[i].freq = -1;
			why = why ? why : w;
		} else {
			st[i].freq = st[i].g.minutes >= 0 && st[i].g.minutes <= req;
		}
		if (!kept_days(d, &rm->lc, &st[i].days, &st[i].del_at, &w)) {
			st[i].ret = -1;
			why = why ? why : arena_printf(&d->arena, "rule '%s': %s", rm->name, w);
		} else {
			st[i].ret = st[i].days < 0 || st[i].days >= ct->retention_days;
			st[i].note = w;
		}
		if (st[i].freq == 1 && st[i].ret == 1)
			return; /* one rule meets both: the plan complies */
		if (st[i].freq != 0 && st[i].ret != 0)
			undecided = 1;
	}
	if (!p->nrules)
		return;
	if (undecided) {
		control_undecided(d, ct, plan_at(p), plan_what(d, p), "%s", why);
		return;
	}
	for (i = 0; i < p->nrules; i++) {
		const struct rule_m *rm = &p->rules[i];
		struct diag *dg = NULL;
		if (!st[i].freq) {
			const struct node *at = rm->schedule.at ? rm->schedule.at
				: rm->rule_name.at ? rm->rule_name.at : rm->node;
			const char *unit = strcmp(ct->freq_unit, "hours") == 0 ? "hour" : "day";
			const char *tz = value_is(rm->timezone, VT_STR)
				? arena_printf(&d->arena, " (%s)", rm->timezone->u.s) : "";
			if (st[i].g.minutes < 0)
				dg = control_fails(d, ct, at, "rule '%s' fires at most once; "
						   "required: every %lld %s%s", rm->name,
						   ct->freq_value, unit,
						   ct->freq_value == 1 ? "" : "s");
			else
				dg = control_fails(d, ct, at, "rule '%s' backs up too seldom: "
						   "the longest gap is %s, %s%s%s; required: "
						   "every %lld %s%s (requiredFrequencyValue %lld, "
						   "requiredFrequencyUnit %s)", rm->name,
						   duration(d, st[i].g.minutes),
						   gap_where(d, &st[i].g), tz,
						   rm->schedule.state == VS_ABSENT
						   ? arena_printf(&d->arena, ", with no %s (AWS's "
								  "default %s)", fname(d, F_SCHEDULE),
								  aws()->default_schedule) : "",
						   ct->freq_value, unit,
						   ct->freq_value == 1 ? "" : "s", ct->freq_value,
						   ct->freq_unit);
		}
		if (!st[i].ret)
			dg = control_fails(d, ct, st[i].del_at ? st[i].del_at : rm->node,
					   "rule '%s' keeps recovery points %lld day%s%s; "
					   "requiredRetentionDays is %lld", rm->name,
					   st[i].days, st[i].days == 1 ? "" : "s",
					   st[i].note, ct->retention_days);
		if (dg && p->nrules > 1)
			diag_hint(d->file, dg, "one rule of plan '%s' must meet both the "
				  "frequency and the retention", p->name);
	}
}

/* ---- retention of every recovery point ---- */

static void min_retention(struct doc *d, const struct control *ct,
			  const struct plan_m *p)
{
	const char *why = NULL;
	size_t i, j;
	long long cmax = aws()->continuous_max_days;

	for (i = 0; i < p->nrules; i++) {
		const struct rule_m *rm = &p->rules[i];
		long long days;
		const struct node *at;
		const char *w;
		if (!kept_days(d, &rm->lc, &days, &at, &w)) {
			why = why ? why : arena_printf(&d->arena, "rule '%s': %s", rm->name, w);
		} else if (days >= 0 && days < ct->retention_days) {
			control_fails(d, ct, at ? at : rm->node, "rule '%s' keeps recovery "
				      "points %lld day%s%s; requiredRetentionDays is %lld",
				      rm->name, days, days == 1 ? "" : "s", w,
				      ct->retention_days);
		} else if (value_is(rm->continuous, VT_BOOL) && rm->continuous->u.b &&
			   ct->retention_days > cmax) {
			control_fails(d, ct, rm->continuous->at, "rule '%s' makes continuous "
				      "backups, kept at most %lld days; requiredRetentionDays "
				      "is %lld", rm->name, cmax, ct->retention_days);
		}
		/* copies: their own lifecycle, else the rule's (checked above) */
		for (j = rm->first_copy; j < rm->first_copy + rm->ncopies; j++) {
			const struct copy_m *c = &p->copies[j];
			if (c->lc.self.state == VS_ABSENT && !c->lc.misplaced)
				continue;
			if (!kept_days(d, &c->lc, &days, &at, &w))
				why = why ? why : arena_printf(&d->arena, "a copy of rule '%s': "
							       "%s", rm->name, w);
			else if (days >= 0 && days < ct->retention_days)
				control_fails(d, ct, at ? at : c->node, "a copy of rule '%s' "
					      "keeps recovery points %lld day%s%s; "
					      "requiredRetentionDays is %lld", rm->name, days,
					      days == 1 ? "" : "s", w, ct->retention_days);
		}
	}
	if (why)
		control_undecided(d, ct, plan_at(p), plan_what(d, p), "%s", why);
}

/* ---- copies to another Region or account ---- */

static int listed(const struct control *ct, const char *s)
{
	size_t i;
	if (!ct->nlist)
		return 1;
	for (i = 0; s && i < ct->nlist; i++)
		if (strcmp(ct->list[i], s) == 0)
			return 1;
	return 0;
}

static const char *list_words(struct doc *d, const struct control *ct)
{
	char buf[400];
	size_t i, o = 0;
	buf[0] = '\0';
	for (i = 0; i < ct->nlist && o < sizeof(buf); i++)
		o += (size_t)snprintf(buf + o, sizeof(buf) - o, "%s%s", i ? ", " : "",
				      ct->list[i]);
	return arena_strdup(&d->arena, buf);
}

static void cross_copy(struct doc *d, const struct control *ct,
		       const struct plan_m *p)
{
	int region = ct->id == CTL_CROSS_REGION, unknown = 0;
	const char *elsewhere = NULL, *param = region ? "crossRegionList"
						       : "crossAccountList";
	const char *noun = region ? "Region" : "account";
	struct diag *dg;
	size_t i;

	for (i = 0; i < p->ncopies; i++) {
		const struct copy_m *c = &p->copies[i];
		int x = region ? c->cross_region : c->cross_account;
		const char *where = region ? c->dst_region : c->dst.account;
		if (p->rules[c->rule].when || c->dest.nalts) {
			unknown = 1;
			continue;
		}
		if (x == 1 && listed(ct, where))
			return;
		if (x == 1)
			elsewhere = elsewhere ? elsewhere : where;
		else if (x < 0 || (ct->nlist && !where))
			unknown = 1;
	}
	if (unknown) {
		control_undecided(d, ct, plan_at(p), plan_what(d, p), "the %s of a copy "
				  "is known only at deploy time (or the plan's own %s "
				  "is not known: --%s)", noun, noun,
				  region ? "region" : "account");
		return;
	}
	if (elsewhere)
		dg = control_fails(d, ct, plan_at(p), "plan '%s' copies to %s %s only; "
				   "%s asks for one of %s", p->name, noun, elsewhere,
				   param, list_words(d, ct));
	else if (ct->nlist)
		dg = control_fails(d, ct, plan_at(p), "no rule of plan '%s' copies its "
				   "recovery points to %s %s of %s (%s)", p->name,
				   region ? "a" : "an", noun, param, list_words(d, ct));
	else
		dg = control_fails(d, ct, plan_at(p), "no rule of plan '%s' copies its "
				   "recovery points to another %s", p->name, noun);
	diag_hint(d->file, dg, "add to a rule's %s a %s naming a vault in %s",
		  fname(d, F_COPY_ACTIONS), fname(d, F_DESTINATION),
		  ct->nlist ? arena_printf(&d->arena, "%s%s%s %s",
					   ct->nlist > 1 ? "one of the " : "",
					   region ? "Region" : "account",
					   ct->nlist > 1 ? "s" : "", list_words(d, ct))
			    : region ? "another Region" : "another account");
}

/* ---- the run ---- */

static void plan_control(struct doc *d, const struct control *ct,
			 const struct plan_m *p, const struct vault_set *vs)
{
	const char *why = NULL;
	struct verdict_mark mk;
	int in = plan_in_scope(d, ct, p, &why);
	if (!in)
		return;
	verdict_mark(d, &mk);
	if (in < 0) {
		control_undecided(d, ct, plan_at(p), plan_what(d, p), "%s", why);
	} else {
		switch (ct->id) {
		case CTL_MIN_FREQUENCY: min_frequency(d, ct, p); break;
		case CTL_MIN_RETENTION: min_retention(d, ct, p); break;
		case CTL_CROSS_REGION:
		case CTL_CROSS_ACCOUNT: cross_copy(d, ct, p); break;
		case CTL_VAULT_LOCK: policy_vault_lock(d, ct, p, vs); break;
		}
	}
	verdict_record(d, ct, plan_what(d, p), &mk);
}

/* Control ct on document d. */
static void control_on_doc(struct doc *d, const struct control *ct,
			   const struct vault_set *vs)
{
	struct doc_model *m = model_of(d);
	size_t k;
	if (!rule_on(d, ct->rule))
		return;
	if (ct->id == CTL_MANUAL_DELETION || ct->id == CTL_ENCRYPTED) {
		policy_vaults(d, ct, vs);
		return;
	}
	for (k = 0; k < m->nplans; k++)
		plan_control(d, ct, &m->plans[k], vs);
}

/* The controls of every framework in the run, in one array the caller
 * frees. */
static const struct control **run_frameworks(struct run *r, size_t *n)
{
	const struct control **v = NULL;
	size_t i, j, k, cap = 0;
	*n = 0;
	for (i = 0; i < r->nfiles; i++)
		for (j = 0; j < r->files[i]->ndocs; j++) {
			const struct policy *p = frameworks_of(r->files[i]->docs[j]);
			for (k = 0; p && k < p->n; k++) {
				if (*n == cap) {
					cap = cap ? 2 * cap : 8;
					v = xrealloc(v, cap * sizeof(*v));
				}
				v[(*n)++] = &p->v[k];
			}
		}
	return v;
}

void policy_check_run(struct run *r)
{
	struct vault_set vs;
	const struct control **fw = NULL;
	/* --apply-frameworks: every file applies them, with or without a
	 * policy of its own */
	static const struct policy none = { NULL, 0, 1 };
	const int flag = r->s->opt.apply_frameworks;
	size_t i, j, c, nfw = 0;
	int any = flag, apply = flag;

	for (i = 0; i < r->nfiles; i++) {
		const struct policy *pol = r->files[i]->section;
		if (pol && !r->files[i]->context) {
			any = 1;
			apply |= pol->apply_frameworks;
		}
	}
	if (!any)
		return;
	model_link(r);
	vaults_collect(r, &vs);
	vaults_held_types(r, &vs);
	if (apply)
		fw = run_frameworks(r, &nfw);
	for (i = 0; i < r->nfiles; i++) {
		struct file *f = r->files[i];
		const struct policy *pol = f->section ? f->section : flag ? &none : NULL;
		if (!pol || f->context)
			continue;
		for (j = 0; j < f->ndocs; j++) {
			struct doc *d = f->docs[j];
			for (c = 0; c < pol->n && c < 64; c++)
				if (f->section_mask >> c & 1)
					control_on_doc(d, &pol->v[c], &vs);
			for (c = 0; (pol->apply_frameworks || flag) && c < nfw; c++)
				control_on_doc(d, fw[c], &vs);
		}
	}
	free(fw);
	vaults_release(&vs);
}
