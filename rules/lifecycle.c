/* lifecycle.c - lifecycle arithmetic (BKP501-BKP505): cold-storage minimum,
 * retention range, continuous-backup retention and cold storage, archive
 * opt-in without a cold transition.
 *
 * Checked everywhere a Lifecycle appears: each backup rule's Lifecycle, each
 * CopyActions[] Lifecycle, and a StartCopyJob request's Lifecycle, in API
 * documents and CloudFormation templates alike (the member names are the
 * same in both). Values that are intrinsic functions are unknown and never
 * findings; a value known only through a Parameter's Default is used but the
 * message says it is assumed. Wrong types are the schema family's (BKP102):
 * this family skips them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cfn.h"
#include "families.h"
#include "registry.h"
#include "kinds.h"
#include "walk.h"

/* AWS limits (CreateBackupPlan Lifecycle documentation; continuous backup
 * retention from the point-in-time recovery guide). */
#define COLD_MIN_DAYS 90
#define MAX_DAYS 36500
#define CONTINUOUS_MAX_DAYS 35

enum num_state {
	NUM_ABSENT,   /* the key is not there */
	NUM_UNKNOWN,  /* an intrinsic function, or a type that is not ours */
	NUM_INT,
	NUM_FRACTION, /* a number with a fractional part */
};

struct num {
	int state;             /* enum num_state */
	long long v;           /* NUM_INT */
	double f;              /* NUM_FRACTION */
	const struct node *at; /* the value as written in the map */
	const struct node *key;
	char note[160];        /* " (assumed: ...)" or "" */
};

/* The name of the Parameter a Ref names, for "assumed" notes. */
static void assumed_note(const struct node *v, enum cfn_known how, char *buf,
			 size_t n)
{
	const char *param = NULL;

	buf[0] = '\0';
	if (how != CFN_ASSUMED)
		return;
	if (node_intrinsic(v) == FN_REF)
		param = node_str(map_val(v, 0));
	snprintf(buf, n, " (assumed from the Default of Parameter %s)",
		 param ? param : "?");
}

/* Parse a CloudFormation string number: "-1", "90", "30.5". */
static int str_number(const char *s, struct num *out)
{
	const char *p = s;
	long long v = 0;
	int digits = 0;

	if (*p == '-')
		p++;
	while (*p >= '0' && *p <= '9') {
		if (v < 1000000000000LL)
			v = v * 10 + (*p - '0');
		p++;
		digits++;
	}
	if (!digits)
		return -1;
	if (*p == '\0') {
		out->state = NUM_INT;
		out->v = s[0] == '-' ? -v : v;
		return 0;
	}
	if (*p == '.') {
		char *end;
		double f = strtod(s, &end);
		if (*end == '\0') {
			if (f >= -9e15 && f <= 9e15 && f == (double)(long long)f) {
				out->state = NUM_INT;
				out->v = (long long)f;
			} else {
				out->state = NUM_FRACTION;
				out->f = f;
			}
			return 0;
		}
	}
	return -1;
}

static void get_num(struct doc *d, const struct node *map, const char *key,
		    int cfn, struct num *out)
{
	const struct node *v = map_get(map, key);
	const struct node *r;
	enum cfn_known how;

	memset(out, 0, sizeof(*out));
	if (!v)
		return;
	out->state = NUM_UNKNOWN;
	out->at = v;
	out->key = map_get_key(map, key);
	r = cfn_value(d, v, &how);
	if (!r || how == CFN_UNKNOWN)
		return;
	assumed_note(v, how, out->note, sizeof(out->note));
	/* Numbers beyond 64 bits are BKP104's; a float in an API document
	 * (where Days is a long) is BKP102's. */
	if (r->flags & NF_BIG)
		return;
	if (r->kind == N_INT) {
		out->state = NUM_INT;
		out->v = r->u.i;
	} else if (r->kind == N_FLOAT && cfn) {
		if (r->u.f >= -9e15 && r->u.f <= 9e15 &&
		    r->u.f == (double)(long long)r->u.f) {
			out->state = NUM_INT;
			out->v = (long long)r->u.f;
		} else {
			out->state = NUM_FRACTION;
			out->f = r->u.f;
		}
	} else if (r->kind == N_STR && cfn) {
		/* CloudFormation converts strings to numbers; API documents
		 * with a string here are BKP102's. */
		if (str_number(r->u.str, out))
			out->state = NUM_UNKNOWN;
	}
}

/* 1 true, 0 false or absent or unknown. */
static int get_true(struct doc *d, const struct node *map, const char *key,
		    int cfn, const struct node **at, char *note, size_t n)
{
	const struct node *v = map_get(map, key);
	const struct node *r;
	enum cfn_known how;

	if (!v)
		return 0;
	r = cfn_value(d, v, &how);
	if (!r || how == CFN_UNKNOWN)
		return 0;
	if (at)
		*at = v;
	if (note)
		assumed_note(v, how, note, n);
	if (r->kind == N_BOOL)
		return r->u.b != 0;
	if (cfn && r->kind == N_STR && strcasecmp(r->u.str, "true") == 0)
		return 1;
	return 0;
}

/* BKP502: a day count in 1..36500, or -1. Returns 1 when the value is a
 * usable day count (or -1) for the arithmetic rules, 0 otherwise. */
static int check_range(struct doc *d, const char *name, struct num *n)
{
	struct diag *dg;

	if (n->state == NUM_FRACTION && (n->f > MAX_DAYS || n->f < -1)) {
		report(d, BKP502, n->at,
		       "%s is %g but must be between 1 and %d days (or -1)%s",
		       name, n->f, MAX_DAYS, n->note);
		return 0;
	}
	if (n->state == NUM_FRACTION) {
		dg = report(d, BKP502, n->at,
			    "%s is %g but must be a whole number of days%s", name,
			    n->f, n->note);
		if (dg && n->f >= 0.5)
			diag_hint(d->file, dg, "use an integer number of days, e.g. %lld",
				  (long long)(n->f + 0.5));
		return 0;
	}
	if (n->state != NUM_INT)
		return 0;
	if (n->v == -1 || (n->v >= 1 && n->v <= MAX_DAYS))
		return 1;
	if (n->v > MAX_DAYS) {
		dg = report(d, BKP502, n->at,
			    "%s is %lld but AWS allows at most %d days (100 years)%s",
			    name, n->v, MAX_DAYS, n->note);
		if (dg && strcmp(name, "DeleteAfterDays") == 0)
			diag_hint(d->file, dg,
				  "to keep recovery points indefinitely, omit DeleteAfterDays");
		return 0;
	}
	dg = report(d, BKP502, n->at,
		    "%s is %lld but must be between 1 and %d days (or -1 for %s)%s",
		    name, n->v, MAX_DAYS,
		    strcmp(name, "DeleteAfterDays") == 0 ? "never delete"
							  : "never move to cold storage",
		    n->note);
	if (dg && n->v == 0)
		diag_hint(d->file, dg, "omit %s rather than setting it to 0", name);
	return 0;
}

/* `continuous`: the rule takes continuous backups, where a cold transition
 * is BKP504's finding and the 90-day arithmetic would only add noise. */
static void check_lifecycle(struct doc *d, const struct node *lc, int cfn,
			    int continuous)
{
	struct num cold, del;
	int cold_ok, del_ok;
	const struct node *opt_at = NULL;
	char opt_note[160];
	struct diag *dg;

	if (!node_is(lc, N_MAP))
		return;
	get_num(d, lc, "MoveToColdStorageAfterDays", cfn, &cold);
	get_num(d, lc, "DeleteAfterDays", cfn, &del);
	cold_ok = check_range(d, "MoveToColdStorageAfterDays", &cold);
	del_ok = check_range(d, "DeleteAfterDays", &del);

	/* BKP501: -1 means "never" for either: no minimum applies. */
	if (cold_ok && del_ok && cold.v > 0 && del.v > 0 && !continuous) {
		long long need = cold.v + COLD_MIN_DAYS;
		if (del.v <= cold.v) {
			dg = report(d, BKP501, del.at,
				    "DeleteAfterDays is %lld, not after MoveToColdStorageAfterDays %lld: recovery points are deleted before they reach cold storage; with a cold transition DeleteAfterDays must be at least %lld (%lld + %d days in cold storage)%s%s",
				    del.v, cold.v, need, cold.v, COLD_MIN_DAYS,
				    del.note, cold.note);
			if (dg)
				diag_hint(d->file, dg,
					  "remove MoveToColdStorageAfterDays, or set DeleteAfterDays to %lld or more",
					  need);
		} else if (del.v < need) {
			dg = report(d, BKP501, del.at,
				    "DeleteAfterDays is %lld but must be at least %lld (MoveToColdStorageAfterDays %lld + %d days in cold storage)%s%s",
				    del.v, need, cold.v, COLD_MIN_DAYS, del.note,
				    cold.note);
			if (dg && del.v - COLD_MIN_DAYS >= 1)
				diag_hint(d->file, dg,
					  "set DeleteAfterDays to %lld or more, or MoveToColdStorageAfterDays to %lld or less",
					  need, del.v - COLD_MIN_DAYS);
			else if (dg)
				diag_hint(d->file, dg,
					  "set DeleteAfterDays to %lld or more, or remove MoveToColdStorageAfterDays",
					  need);
		}
	}

	/* BKP505: archive opt-in only acts on a cold transition. */
	if (get_true(d, lc, "OptInToArchiveForSupportedResources", cfn, &opt_at,
		     opt_note, sizeof(opt_note)) &&
	    (cold.state == NUM_ABSENT || (cold.state == NUM_INT && cold.v == -1))) {
		dg = report(d, BKP505, opt_at,
			    "OptInToArchiveForSupportedResources is true but this Lifecycle %s, so nothing moves to the archive tier%s",
			    cold.state == NUM_ABSENT ? "has no MoveToColdStorageAfterDays"
						     : "never moves to cold storage (MoveToColdStorageAfterDays -1)",
			    opt_note);
		if (dg)
			diag_hint(d->file, dg,
				  "add MoveToColdStorageAfterDays, or remove OptInToArchiveForSupportedResources");
	}
}

/* BKP503/BKP504: continuous backup keeps at most 35 days, never cold. */
static void check_continuous(struct doc *d, const struct node *rule, int cfn)
{
	const struct node *on = NULL, *lc;
	char note[160], what[240];
	struct num cold, del;
	struct diag *dg;

	if (!get_true(d, rule, "EnableContinuousBackup", cfn, &on, note, sizeof(note)))
		return;
	/* note is " (assumed ...)": continue it inside the parentheses */
	snprintf(what, sizeof(what),
		 "continuous backups (EnableContinuousBackup true%s%s",
		 note[0] ? ", " : ")", note[0] ? note + 2 : "");
	lc = map_get(rule, "Lifecycle");
	if (lc) {
		enum cfn_known how;
		const struct node *r = cfn_value(d, lc, &how);
		if (!node_is(r, N_MAP) || how == CFN_UNKNOWN)
			return;
		lc = r;
	}
	get_num(d, lc, "DeleteAfterDays", cfn, &del);
	get_num(d, lc, "MoveToColdStorageAfterDays", cfn, &cold);
	if (!lc || del.state == NUM_ABSENT || (del.state == NUM_INT && del.v == -1)) {
		dg = report(d, BKP503, on,
			    "EnableContinuousBackup is true%s but the rule %s, while continuous backups can be kept at most %d days",
			    note, !lc ? "has no Lifecycle" :
			    del.state == NUM_ABSENT ? "sets no DeleteAfterDays"
						    : "keeps recovery points indefinitely (DeleteAfterDays -1)",
			    CONTINUOUS_MAX_DAYS);
		if (dg)
			diag_hint(d->file, dg,
				  "add \"Lifecycle\": {\"DeleteAfterDays\": %d} (or fewer days)",
				  CONTINUOUS_MAX_DAYS);
	} else if (del.state == NUM_INT && del.v > CONTINUOUS_MAX_DAYS &&
		   del.v <= MAX_DAYS) {
		dg = report(d, BKP503, del.at,
			    "DeleteAfterDays is %lld but %s can be kept at most %d days%s",
			    del.v, what, CONTINUOUS_MAX_DAYS, del.note);
		if (dg)
			diag_hint(d->file, dg,
				  "set DeleteAfterDays to %d or less, and keep longer-lived snapshots in a separate rule without EnableContinuousBackup",
				  CONTINUOUS_MAX_DAYS);
	}
	if (cold.state == NUM_INT && cold.v != -1) {
		dg = report(d, BKP504, cold.key,
			    "MoveToColdStorageAfterDays is %lld but %s cannot move to cold storage%s",
			    cold.v, what, cold.note);
		if (dg)
			diag_hint(d->file, dg,
				  "remove MoveToColdStorageAfterDays from this rule");
	}
}

/* A value, looked through a Ref to a Parameter Default, when it is a map. */
static const struct node *as_map(struct doc *d, const struct node *v)
{
	enum cfn_known how;
	const struct node *r;

	if (!v)
		return NULL;
	r = cfn_value(d, v, &how);
	return how != CFN_UNKNOWN && node_is(r, N_MAP) ? r : NULL;
}

static void check_rule(struct doc *d, const struct node *rule, int cfn)
{
	const struct node *copies;
	uint32_t i;

	check_lifecycle(d, as_map(d, map_get(rule, "Lifecycle")), cfn,
			get_true(d, rule, "EnableContinuousBackup", cfn, NULL, NULL, 0));
	check_continuous(d, rule, cfn);
	copies = map_get(rule, "CopyActions");
	if (!node_is(copies, N_SEQ))
		return;
	for (i = 0; i < copies->len; i++) {
		const struct node *ca = as_map(d, seq_at(copies, i));
		if (ca)
			check_lifecycle(d, as_map(d, map_get(ca, "Lifecycle")),
					cfn, 0);
	}
}

static void rule_hook(struct doc *d, const struct node *rule,
		      const struct plan_ref *p)
{
	check_rule(d, rule, p->cfn);
}

void lifecycle_check_doc(struct doc *d)
{
	if (!d->root)
		return;
	if (d->kind == DOC_COPY_JOB) {
		check_lifecycle(d, as_map(d, map_get(d->root, "Lifecycle")), 0, 0);
		return;
	}
	each_rule(d, rule_hook);
}
