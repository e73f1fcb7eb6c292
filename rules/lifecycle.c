/* lifecycle.c - lifecycle arithmetic (BKP501-BKP505): cold-storage minimum,
 * retention range, continuous-backup retention and cold storage, archive
 * opt-in without a cold transition.
 *
 * Checked everywhere a Lifecycle appears: each backup rule's, each copy
 * action's, and a StartCopyJob request's. Values known only at deploy time
 * are never findings; a value known only through a Parameter's Default is
 * used and the message says it is assumed. Values of the wrong type are the
 * schema family's (BKP102): this family skips them. */
#include <stdio.h>
#include <string.h>

#include "aws.h"
#include "families.h"
#include "model.h"

/* BKP502: a day count in 1..max, or -1. Returns 1 when the value is a
 * usable day count (or -1) for the arithmetic rules, 0 otherwise. */
static int check_range(struct doc *d, const struct value *n)
{
	const long long max = aws()->max_days;
	const char *name, *note;
	int del = n->field == F_DELETE_AFTER;
	struct diag *dg;

	/* the usual cases first: the name and note only for a finding */
	if (value_is(n, VT_INT) && (n->u.i == -1 || (n->u.i >= 1 && n->u.i <= max)))
		return 1;
	if (!value_is(n, VT_INT) && !value_is(n, VT_NUM))
		return 0;
	name = fname(d, (enum field)n->field);
	note = value_note(d, n);
	if (value_is(n, VT_NUM) && (n->u.f > (double)max || n->u.f < -1)) {
		report(d, BKP502, n->at,
		       "%s is %g but must be between 1 and %lld days (or -1)%s",
		       name, n->u.f, max, note);
		return 0;
	}
	if (value_is(n, VT_NUM)) {
		dg = report(d, BKP502, n->at,
			    "%s is %g but must be a whole number of days%s", name,
			    n->u.f, note);
		if (n->u.f >= 0.5)
			diag_hint(d->file, dg, "use an integer number of days, e.g. %lld",
				  (long long)(n->u.f + 0.5));
		return 0;
	}
	if (n->u.i > max) {
		dg = report(d, BKP502, n->at,
			    "%s is %lld but AWS allows at most %lld days (100 years)%s",
			    name, n->u.i, max, note);
		if (del)
			diag_hint(d->file, dg,
				  "to keep recovery points indefinitely, omit %s", name);
		return 0;
	}
	dg = report(d, BKP502, n->at,
		    "%s is %lld but must be between 1 and %lld days (or -1 for %s)%s",
		    name, n->u.i, max,
		    del ? "never delete" : "never move to cold storage", note);
	if (n->u.i == 0)
		diag_hint(d->file, dg, "omit %s rather than setting it to 0", name);
	return 0;
}

/* BKP501's fix: raise the retention to `need` days where it is written
 * (not a Parameter's Default, which other resources may share, nor a
 * branch of an Fn::If). Unsafe: recovery points are kept, and paid for,
 * longer. */
static void raise_fix(struct doc *d, struct diag *dg,
		      const struct lifecycle_m *lc, const struct value *del,
		      long long need)
{
	char num[32];
	/* not in a mapping brought in by a YAML merge key: others share it */
	if (!dg || del->state != VS_KNOWN || del->at != value_lit(del) || value_when(del) ||
	    (value_key(del) && (value_key(del)->flags & NF_MERGED)) ||
	    (value_key(&lc->self) && (value_key(&lc->self)->flags & NF_MERGED)))
		return;
	snprintf(num, sizeof(num), "%lld", need);
	diag_fix_scalar(d->file, dg, 0, del->at, num, "set %s to %lld",
			fname(d, F_DELETE_AFTER), need);
}

/* BKP501 for one cold/delete pair (both usable day counts). */
static void check_cold_minimum(struct doc *d, const struct lifecycle_m *lc,
			       const struct value *cold, const struct value *del)
{
	const char *nc = fname(d, F_COLD_AFTER), *nd = fname(d, F_DELETE_AFTER);
	const long long min = aws()->cold_min_days;
	long long need = cold->u.i + min;
	struct diag *dg;

	/* -1 means "never" for either: no minimum applies. */
	if (cold->u.i <= 0 || del->u.i <= 0)
		return;
	if (del->u.i <= cold->u.i) {
		dg = report(d, BKP501, del->at,
			    "%s is %lld, not after %s %lld: recovery points are deleted before they reach cold storage; with a cold transition %s must be at least %lld (%lld + %lld days in cold storage)%s",
			    nd, del->u.i, nc, cold->u.i, nd, need, cold->u.i,
			    min, value_note2(d, del, cold));
		diag_hint(d->file, dg, "remove %s, or set %s to %lld or more",
			  nc, nd, need);
		raise_fix(d, dg, lc, del, need);
	} else if (del->u.i < need) {
		dg = report(d, BKP501, del->at,
			    "%s is %lld but must be at least %lld (%s %lld + %lld days in cold storage)%s",
			    nd, del->u.i, need, nc, cold->u.i, min,
			    value_note2(d, del, cold));
		if (del->u.i - min >= 1)
			diag_hint(d->file, dg,
				  "set %s to %lld or more, or %s to %lld or less",
				  nd, need, nc, del->u.i - min);
		else
			diag_hint(d->file, dg,
				  "set %s to %lld or more, or remove %s",
				  nd, need, nc);
		raise_fix(d, dg, lc, del, need);
	}
}

/* `continuous`: the rule takes continuous backups, where a cold transition
 * is BKP504's finding and the 90-day arithmetic would only add noise.
 * Every value is checked in each branch it may take (an undecided Fn::If
 * or Fn::FindInMap); the pairs of the arithmetic only where both branches
 * can hold together. */
static void check_one(struct doc *d, const struct lifecycle_m *lc,
		      int continuous)
{
	const struct value *cv, *dv, *av;
	size_t nc, nd, na, i, j;
	unsigned char cold_ok[VALUE_ALTS_MAX], del_ok[VALUE_ALTS_MAX];
	struct diag *dg;

	if (!value_is(&lc->self, VT_MAP))
		return;
	nc = value_variants(&lc->cold, &cv);
	nd = value_variants(&lc->del, &dv);
	for (i = 0; i < nc; i++)
		cold_ok[i] = (unsigned char)check_range(d, &cv[i]);
	for (j = 0; j < nd; j++)
		del_ok[j] = (unsigned char)check_range(d, &dv[j]);
	if (!continuous)
		for (i = 0; i < nc; i++)
			for (j = 0; j < nd; j++)
				if (cold_ok[i] && del_ok[j] &&
				    value_compatible(&cv[i], &dv[j]))
					check_cold_minimum(d, lc, &cv[i], &dv[j]);

	/* BKP505: archive opt-in only acts on a cold transition. */
	na = value_variants(lc->archive, &av);
	for (j = 0; j < na; j++) {
		const struct value *arch = &av[j];
		const struct value *cold = NULL;
		if (!value_is(arch, VT_BOOL) || !arch->u.b)
			continue;
		for (i = 0; i < nc; i++)
			if (value_compatible(&cv[i], arch) &&
			    (cv[i].state == VS_ABSENT ||
			     (value_is(&cv[i], VT_INT) && cv[i].u.i == -1)))
				cold = &cv[i];
		if (!cold)
			continue;
		dg = report(d, BKP505, arch->at,
			    "%s is true but this %s %s, so nothing moves to the archive tier%s",
			    fname(d, F_ARCHIVE), fname(d, F_LIFECYCLE),
			    cold->state == VS_ABSENT
				    ? arena_printf(&d->arena, "has no %s",
						   fname(d, F_COLD_AFTER))
				    : arena_printf(&d->arena,
						   "never moves to cold storage (%s -1)",
						   fname(d, F_COLD_AFTER)),
			    value_note2(d, arch, cold));
		diag_hint(d->file, dg, "add %s, or remove %s",
			  fname(d, F_COLD_AFTER), fname(d, F_ARCHIVE));
	}
}

static void check_lifecycle(struct doc *d, const struct lifecycle_m *lc,
			    int continuous)
{
	const struct lifecycle_m *lv;
	size_t n = lifecycle_variants(lc, &lv), i;
	for (i = 0; i < n; i++)
		check_one(d, &lv[i], continuous);
}

/* "continuous backups (EnableContinuousBackup true...", formatted only
 * for a finding: note is " (assumed ...)", continued inside the
 * parentheses. */
static const char *continuous_what(struct doc *d, const char *ncont,
				   const char *note)
{
	return arena_printf(&d->arena, "continuous backups (%s true%s%s", ncont,
			    note[0] ? ", " : ")", note[0] ? note + 2 : "");
}

/* BKP503/BKP504: continuous backup keeps at most 35 days, never cold. */
static void check_continuous(struct doc *d, const struct rule_m *rm)
{
	const struct value *on = rm->continuous, *del = &rm->lc.del,
			   *cold = &rm->lc.cold;
	const char *nd = fname(d, F_DELETE_AFTER), *ncont = fname(d, F_CONTINUOUS);
	const long long max = aws()->continuous_max_days;
	const char *note;
	struct diag *dg;

	if (!value_is(on, VT_BOOL) || !on->u.b)
		return;
	note = value_note(d, on);
	if ((rm->lc.self.state != VS_ABSENT && !value_is(&rm->lc.self, VT_MAP)) ||
	    rm->lc.misplaced ||
	    (del->state == VS_ABSENT && rm->lc.del_event->state != VS_ABSENT))
		return;
	if (rm->lc.self.state == VS_ABSENT || del->state == VS_ABSENT ||
	    (value_is(del, VT_INT) && del->u.i == -1)) {
		dg = report(d, BKP503, on->at,
			    "%s is true%s but the rule %s, while continuous backups can be kept at most %lld days",
			    ncont, note,
			    rm->lc.self.state == VS_ABSENT
				    ? arena_printf(&d->arena, "has no %s",
						   fname(d, F_LIFECYCLE))
			    : del->state == VS_ABSENT
				    ? arena_printf(&d->arena, "sets no %s", nd)
				    : arena_printf(&d->arena,
						   "keeps recovery points indefinitely (%s -1)",
						   nd),
			    max);
		diag_hint(d->file, dg, "add \"%s\": {\"%s\": %lld} (or fewer days)",
			  fname(d, F_LIFECYCLE), nd, max);
	} else if (value_is(del, VT_INT) && del->u.i > max &&
		   del->u.i <= aws()->max_days) {
		dg = report(d, BKP503, del->at,
			    "%s is %lld but %s can be kept at most %lld days%s", nd,
			    del->u.i, continuous_what(d, ncont, note), max,
			    value_note(d, del));
		diag_hint(d->file, dg,
			  "set %s to %lld or less, and keep longer-lived snapshots in a separate rule without %s",
			  nd, max, ncont);
	}
	if (value_is(cold, VT_INT) && cold->u.i != -1) {
		dg = report(d, BKP504, value_key(cold),
			    "%s is %lld but %s cannot move to cold storage%s",
			    fname(d, F_COLD_AFTER), cold->u.i,
			    continuous_what(d, ncont, note), value_note(d, cold));
		diag_hint(d->file, dg, "remove %s from this rule",
			  fname(d, F_COLD_AFTER));
	}
}

void lifecycle_check_doc(struct doc *d)
{
	struct doc_model *m = model_of(d);
	size_t i, j, k;

	if (m->job)
		check_lifecycle(d, &m->job->lc, 0);
	for (i = 0; i < m->nplans; i++) {
		const struct plan_m *p = &m->plans[i];
		for (j = 0; j < p->nrules; j++) {
			const struct rule_m *rm = &p->rules[j];
			int cont = value_is(rm->continuous, VT_BOOL) &&
				   rm->continuous->u.b;
			check_lifecycle(d, &rm->lc, cont);
			check_continuous(d, rm);
			for (k = 0; k < rm->ncopies; k++)
				check_lifecycle(d, &p->copies[rm->first_copy + k].lc, 0);
		}
	}
}
