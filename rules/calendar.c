/* calendar.c - rules of one plan compared over the calendar: BKP607
 * overlapping start windows (AWS Backup then runs only the backup kept
 * longer, so the other's vault or copies miss that day) and BKP608 a
 * retention shorter than the interval between backups (nothing to restore
 * for a while). Everything they depend on must be known; "today" is the
 * run's. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aws.h"
#include "calendar.h"
#include "cfn.h"
#include "cron.h"
#include "families.h"
#include "model.h"

/* A small per-thread memo of recent answers by string (documents repeat a
 * handful of schedules in thousands of rules). Direct-mapped: a collision
 * just recomputes. It caches a pure function of its key (the date and the
 * expression), so it never changes an answer. */
struct memo {
	char key[112];
	int val;
	const char *ptr;
};
#define MEMO_SLOTS 64

static struct memo *memo_find(struct memo *tab, const char *key, int *hit)
{
	size_t n = strlen(key);
	unsigned h = 2166136261u;
	struct memo *m;

	*hit = 0;
	if (n == 0 || n >= sizeof(tab->key))
		return NULL;
	while (*key)
		h = (h ^ (unsigned char)*key++) * 16777619u;
	m = &tab[h % MEMO_SLOTS];
	*hit = strcmp(m->key, key - n) == 0;
	return m;
}

static void memo_store(struct memo *m, const char *key, int val, const char *ptr)
{
	if (!m)
		return;
	snprintf(m->key, sizeof(m->key), "%s", key);
	m->val = val;
	m->ptr = ptr;
}



/* What the overlap check needs to know about one rule; `ok` is 0 when
 * something it depends on is unknown. */
struct rule_info {
	const struct rule_m *rm;
	const struct node *expr_at;  /* ScheduleExpression as written, or NULL */
	const char *name;            /* RuleName, or NULL */
	const char *expr;            /* the expression (AWS's default if omitted) */
	const char *tz;              /* "UTC" when omitted */
	struct cron c;
	long long start;             /* start window in minutes */
	long long keep;              /* DeleteAfterDays; LLONG_MAX = never deleted */
	const struct node *keep_at;  /* the DeleteAfterDays value, or NULL */
	int ok;
	short times[24];             /* minutes of the day it starts at, ascending */
	int ntimes;
	uint64_t *days;              /* OVERLAP_DAYS bits from today, computed lazily */
};

static int day_times(struct rule_info *ri);

#define MAX_OVERLAP_RULES 64  /* pairs are compared: bound the work */
#define OVERLAP_DAYS 1461     /* how far ahead a common day is looked for: 4 years */

static int same_zone(const char *a, const char *b)
{
	static const char *const utc[] = { "UTC", "Etc/UTC", "Etc/GMT", "GMT",
					    "Etc/UCT", "UCT", "Etc/Zulu", "Zulu",
					    "Universal", "Etc/Universal", NULL };
	int ua = 0, ub = 0, i;

	if (strcmp(a, b) == 0)
		return 1;
	for (i = 0; utc[i]; i++) {
		ua |= strcmp(a, utc[i]) == 0;
		ub |= strcmp(b, utc[i]) == 0;
	}
	return ua && ub;
}

static void rule_info(struct doc *d, const struct rule_m *rm,
		      struct rule_info *ri)
{
	const struct value *v;
	struct cron_error e;

	(void)d;
	memset(ri, 0, sizeof(*ri));
	ri->rm = rm;
	ri->name = value_is(&rm->rule_name, VT_STR) ? rm->rule_name.u.s : NULL;
	if (rm->schedule.state != VS_ABSENT) {
		if (!value_is(&rm->schedule, VT_STR))
			return;
		ri->expr_at = rm->schedule.at;
		ri->expr = rm->schedule.u.s;
	} else {
		ri->expr = aws()->default_schedule;
	}
	if (cron_parse(ri->expr, strlen(ri->expr), &ri->c, &e) != 0)
		return;
	ri->tz = "UTC";
	if (rm->timezone->state != VS_ABSENT) {
		if (!value_is(rm->timezone, VT_STR))
			return;
		ri->tz = rm->timezone->u.s;
	}
	ri->start = aws()->start_default;
	if (rm->start.state != VS_ABSENT) {
		if (!value_is(&rm->start, VT_INT))
			return;
		ri->start = rm->start.u.i;
	}
	/* Continuous backups are not scheduled snapshots: not compared. */
	if (rm->continuous->state != VS_ABSENT &&
	    (!value_is(rm->continuous, VT_BOOL) || rm->continuous->u.b))
		return;
	ri->keep = LLONG_MAX;
	if (rm->lc.misplaced) /* its retention is meant, not known */
		return;
	if (rm->lc.self.state != VS_ABSENT) {
		if (!value_is(&rm->lc.self, VT_MAP))
			return;
		v = &rm->lc.del;
		if (v->state == VS_ABSENT && rm->lc.del_event->state != VS_ABSENT)
			return; /* deleted once copied: not compared */
		if (v->state != VS_ABSENT) {
			if (!value_is(v, VT_INT))
				return;
			ri->keep = v->u.i == -1 ? LLONG_MAX : v->u.i;
			ri->keep_at = v->at;
		}
	}
	ri->ok = day_times(ri);
}

/* The start times of a rule within a day, at most 24 (a rule that fires
 * more often is BKP602's and not compared). Returns 0 when there are more. */
static int day_times(struct rule_info *ri)
{
	uint32_t hours = ri->c.hours & 0xFFFFFFu;

	/* the set bits only: most rules start once or twice a day */
	ri->ntimes = 0;
	for (; hours; hours &= hours - 1) {
		int h = __builtin_ctz(hours);
		uint64_t mins = ri->c.minutes & ((1ULL << 60) - 1);
		for (; mins; mins &= mins - 1) {
			if (ri->ntimes == 24)
				return 0;
			ri->times[ri->ntimes++] =
				(short)(h * 60 + __builtin_ctzll(mins));
		}
	}
	return 1;
}

/* 1 when some start of a and some start of b on one day are close enough
 * that their start windows overlap: ta < tb + wb and tb < ta + wa. Both
 * lists are ascending, so one merge pass finds the closest pairs. */
static int windows_overlap(const struct rule_info *a, const struct rule_info *b)
{
	int i = 0, j = 0;

	while (i < a->ntimes && j < b->ntimes) {
		long long ta = a->times[i], tb = b->times[j];
		if (ta < tb + b->start && tb < ta + a->start)
			return 1;
		if (ta < tb)
			i++;
		else
			j++;
	}
	return 0;
}

#define DAY_WORDS ((OVERLAP_DAYS + 63) / 64)

/* The days from today on which the rule fires, as a bit set. */
static const uint64_t *fire_days(struct doc *d, struct rule_info *ri)
{
	struct cron_time t;
	int i;

	if (ri->days)
		return ri->days;
	/* scratch like ri, freed with it by calendar_check_plan() */
	ri->days = xcalloc(DAY_WORDS, sizeof(uint64_t));
	t = today_of(d);
	for (i = 0; i < OVERLAP_DAYS && t.year <= CRON_YEAR_MAX; i++) {
		if (cron_fires_on(&ri->c, t.year, t.mon, t.day))
			ri->days[i / 64] |= 1ULL << (i % 64);
		if (++t.day > cron_days_in_month(t.year, t.mon)) {
			t.day = 1;
			if (++t.mon > 12) {
				t.mon = 1;
				t.year++;
			}
		}
	}
	return ri->days;
}

static int fire_same_day(struct doc *d, struct rule_info *a, struct rule_info *b)
{
	const uint64_t *da = fire_days(d, a), *db = fire_days(d, b);
	int i;

	for (i = 0; i < DAY_WORDS; i++)
		if (da[i] & db[i])
			return 1;
	return 0;
}

/* The same expression: equal scalars, or containers equal member by
 * member (two identical intrinsic calls have one value). */
static int node_equal(const struct node *a, const struct node *b)
{
	uint32_t i, n;

	if (!a || !b || a->kind != b->kind)
		return 0;
	switch (a->kind) {
	case N_STR:
		return a->len == b->len && memcmp(a->u.str, b->u.str, a->len) == 0;
	case N_INT:
		return a->u.i == b->u.i;
	case N_BOOL:
		return !a->u.b == !b->u.b;
	case N_NULL:
		return 1;
	case N_FLOAT:
		return a->u.f == b->u.f;
	case N_MAP:
	case N_SEQ:
	case N_EXPR:
		if (a->len != b->len ||
		    (a->kind == N_EXPR && a->style != b->style))
			return 0;
		n = a->kind == N_MAP ? 2 * a->len : a->len;
		for (i = 0; i < n; i++)
			if (!node_equal(&a->u.kids[i], &b->u.kids[i]))
				return 0;
		return 1;
	}
	return 0;
}

/* Values that certainly differ: two different strings, or Ref/GetAtt of
 * two different resources of the template. Anything else may be equal. */
static int differ(struct doc *d, const struct node *a, const struct node *b)
{
	const char *ia, *ib;

	if (node_equal(a, b))
		return 0;
	if (node_is(a, N_STR) && node_is(b, N_STR))
		return 1;
	ia = cfn_ref_target(a);
	ib = cfn_ref_target(b);
	return ia && ib && strcmp(ia, ib) != 0 && cfn_resource(d, ia) &&
	       cfn_resource(d, ib);
}

/* How to name a vault value in a message. */
static const char *describe(const struct node *v)
{
	const char *id;

	if (node_is(v, N_STR))
		return v->u.str;
	if (node_is(v, N_EXPR))
		return "a vault named by an expression"; /* Terraform */
	id = cfn_ref_target(v);
	return id ? id : "a vault named by an intrinsic";
}

/* The first copy destination of `loser` that `winner` certainly does not
 * copy to, or NULL (also when that cannot be known). */
static const struct node *lost_copy(struct doc *d, const struct plan_m *p,
				    const struct rule_info *loser,
				    const struct rule_info *winner)
{
	const struct rule_m *l = loser->rm, *w = winner->rm;
	size_t i, j;

	if (!value_is(l->copy_actions, VT_SEQ) ||
	    (w->copy_actions->state != VS_ABSENT && !value_is(w->copy_actions, VT_SEQ)))
		return NULL;
	for (i = 0; i < l->ncopies; i++) {
		const struct node *dst = p->copies[l->first_copy + i].dest.at;
		int lost = 1;
		if (!dst)
			continue;
		for (j = 0; j < w->ncopies && lost; j++) {
			const struct node *o = p->copies[w->first_copy + j].dest.at;
			if (node_equal(dst, o))
				lost = 0;
			else if (!differ(d, dst, o))
				return NULL; /* cannot tell */
		}
		if (lost)
			return dst;
	}
	return NULL;
}

static void keep_text(struct doc *d, long long keep, char *buf, size_t n)
{
	if (keep == LLONG_MAX)
		snprintf(buf, n, "kept indefinitely");
	else
		snprintf(buf, n, "%s %lld", fname(d, F_DELETE_AFTER), keep);
}

static void check_overlap(struct doc *d, const struct plan_m *p,
			  struct rule_info *ri, uint32_t n)
{
	uint32_t i, j;

	if (n < 2 || n > MAX_OVERLAP_RULES)
		return;
	/* One finding per shorter-kept rule, naming the longest-kept rule it
	 * loses to. */
	for (i = 0; i < n; i++) {
		struct rule_info *lo = &ri[i], *hi = NULL;
		const struct node *vault_lo, *dst = NULL, *at;
		char klo[48], khi[48];
		struct diag *dg;
		int others = 0;

		if (!lo->ok)
			continue;
		vault_lo = lo->rm->target.at;
		for (j = 0; j < n; j++) {
			struct rule_info *o = &ri[j];
			const struct node *vault_o, *lost;
			if (i == j || !o->ok || lo->keep >= o->keep ||
			    !same_zone(lo->tz, o->tz))
				continue;
			vault_o = o->rm->target.at;
			lost = lost_copy(d, p, lo, o);
			if (!lost && !(vault_lo && vault_o && differ(d, vault_lo, vault_o)))
				continue;
			if (!windows_overlap(lo, o) || !fire_same_day(d, lo, o))
				continue;
			if (hi)
				others++;
			if (!hi || o->keep > hi->keep) {
				hi = o;
				dst = lost;
			}
		}
		if (!hi)
			continue;
		keep_text(d, lo->keep, klo, sizeof(klo));
		keep_text(d, hi->keep, khi, sizeof(khi));
		at = lo->expr_at ? lo->expr_at : lo->rm->rule_name.at;
		if (!at)
			at = lo->rm->node;
		dg = report(d, BKP607, at,
			    "rule '%s' (%.80s, %s) and rule '%s' (%.80s, %s)%s start in overlapping windows on some days; AWS Backup then takes only the backup that is kept longer, so on those days %s%s%s",
			    lo->rm->name, lo->expr, klo, hi->rm->name, hi->expr, khi,
			    others ? " (and other rules)" : "",
			    dst ? "no copy goes to " : "nothing lands in the vault ",
			    describe(dst ? dst : vault_lo),
			    dst ? "" : " of the shorter-kept rule");
		if (dg)
			diag_hint(d->file, dg,
				  "move the schedules apart by more than the start window (%s %lld), or give '%s' the same %s",
				  fname(d, F_START_WINDOW),
				  lo->start > hi->start ? lo->start : hi->start,
				  hi->rm->name,
				  dst ? fname(d, F_COPY_ACTIONS) : "target vault");
	}
}

/* ---- BKP608: retention shorter than the interval ---- */

#define GAP_HORIZON_DAYS 800

static _Thread_local struct memo gap_memo[MEMO_SLOTS];

/* The longest time between two backups of the rule from `today` on, in
 * minutes, or -1. Plans repeat a few expressions in thousands of rules: the
 * answers are memoised per thread, keyed by the date and the text (a pure
 * function of both). */
static long long rule_gap(const struct rule_info *ri, struct cron_time today)
{
	char key[96];
	struct memo *m;
	long long gap;
	int hit;

	snprintf(key, sizeof(key), "%04d%02d%02d %s", today.year, today.mon,
		 today.day, ri->expr);
	m = memo_find(gap_memo, key, &hit);
	if (hit)
		return m->val;
	today.hour = 0;
	today.min = 0;
	gap = cron_max_gap(&ri->c, &today, GAP_HORIZON_DAYS);
	memo_store(m, key, (int)gap, NULL);
	return gap;
}

static void fmt_minutes(long long m, char *buf, size_t n)
{
	long long dd = m / 1440, hh = m % 1440 / 60, mm = m % 60;
	int k = 0;

	buf[0] = '\0';
	if (dd)
		k += snprintf(buf + k, n - (size_t)k, "%lld day%s", dd, dd == 1 ? "" : "s");
	if (hh && (size_t)k < n)
		k += snprintf(buf + k, n - (size_t)k, "%s%lld hour%s", k ? " " : "", hh,
			      hh == 1 ? "" : "s");
	if ((mm || !k) && (size_t)k < n)
		snprintf(buf + k, n - (size_t)k, "%s%lld minute%s", k ? " " : "", mm,
			 mm == 1 ? "" : "s");
}

/* Fires on every day from today on: its longest gap is at most a day. */
static int every_day(const struct cron *c, struct cron_time today)
{
	int b, w;

	if (c->months != 0x1FFE)
		return 0;
	if (!(c->dom_mode == CRON_DOM_SET && c->days == 0xFFFFFFFEU) &&
	    !(c->dow_mode == CRON_DOW_SET && c->weekdays == 0xFE))
		return 0;
	/* every year from today's to CRON_YEAR_MAX: whole words at a time */
	if (today.year > CRON_YEAR_MAX)
		return 1;
	b = (today.year < CRON_YEAR_MIN ? CRON_YEAR_MIN : today.year) - CRON_YEAR_MIN;
	for (w = b / 64; w <= (CRON_YEAR_MAX - CRON_YEAR_MIN) / 64; w++) {
		int lo = w == b / 64 ? b % 64 : 0;
		int hi = w == (CRON_YEAR_MAX - CRON_YEAR_MIN) / 64
				 ? (CRON_YEAR_MAX - CRON_YEAR_MIN) % 64 : 63;
		uint64_t want = (hi == 63 ? ~0ULL : (1ULL << (hi + 1)) - 1) &
				~((1ULL << lo) - 1);
		if ((c->years[w] & want) != want)
			return 0;
	}
	return 1;
}

/* 0 when this rule settles BKP608 for its plan without a calendar scan:
 * something about it is unknown (it may keep backups), or it keeps them
 * indefinitely, or it backs up every day and keeps them a day or more. */
static int gap_possible(const struct rule_info *ri, struct cron_time today)
{
	return ri->ok && ri->keep != LLONG_MAX &&
	       !(ri->keep >= 1 && every_day(&ri->c, today));
}

struct span_m {
	long long start, end; /* minutes since 1970 */
};

static int cmp_span(const void *a, const void *b)
{
	const struct span_m *x = a, *y = b;
	return x->start < y->start ? -1 : x->start > y->start;
}

static long long minutes_since_1970(const struct cron_time *t)
{
	return cron_days_from_civil(t->year, t->mon, t->day) * 1440 +
	       t->hour * 60 + t->min;
}

#define GAP_MAX_FIRINGS 40000

/* 1 when the plan's recovery points, all rules together, leave a time with
 * nothing kept between its first backup and the end of the horizon. */
static int plan_has_gap(const struct rule_info *ri, uint32_t n,
			struct cron_time today)
{
	struct span_m *v = NULL;
	size_t nv = 0, cap = 0, k;
	long long horizon, covered;
	struct cron_time from;
	uint32_t i;
	int gap = 0;

	from = today;
	from.hour = 0;
	from.min = 0;
	horizon = minutes_since_1970(&from) + (long long)GAP_HORIZON_DAYS * 1440;
	for (i = 0; i < n; i++) {
		struct cron_time t = from, nx;
		int c;
		for (c = 0; c < GAP_MAX_FIRINGS && cron_next(&ri[i].c, &t, &nx) == 0; c++) {
			long long m = minutes_since_1970(&nx);
			if (m > horizon)
				break;
			if (nv == cap) {
				cap = cap ? 2 * cap : 256;
				v = xrealloc(v, cap * sizeof(*v));
			}
			v[nv].start = m;
			v[nv].end = m + ri[i].keep * 1440;
			nv++;
			t = nx;
		}
	}
	if (nv) {
		qsort(v, nv, sizeof(*v), cmp_span);
		covered = v[0].end;
		for (k = 1; k < nv && !gap; k++) {
			if (v[k].start > covered)
				gap = 1;
			if (v[k].end > covered)
				covered = v[k].end;
		}
	}
	free(v);
	return gap;
}

/* A rule whose recovery points expire before its next backup leaves the
 * plan with nothing to restore for a while, unless another rule keeps its
 * own backups through its own interval. Everything must be known. */
static void check_retention_gap(struct doc *d, struct rule_info *ri, uint32_t n)
{
	struct cron_time today = today_of(d);
	uint32_t i;

	for (i = 0; i < n; i++)
		if (!gap_possible(&ri[i], today))
			return;
	for (i = 0; i < n; i++) {
		long long gap;
		gap = rule_gap(&ri[i], today);
		if (gap < 0 || ri[i].keep * 1440 >= gap)
			return;
	}
	if (!plan_has_gap(ri, n, today))
		return;
	for (i = 0; i < n; i++) {
		long long gap = rule_gap(&ri[i], today);
		char every[48], hole[48];
		struct diag *dg;

		if (!ri[i].keep_at)
			continue;
		fmt_minutes(gap, every, sizeof(every));
		fmt_minutes(gap - ri[i].keep * 1440, hole, sizeof(hole));
		dg = report(d, BKP608, ri[i].keep_at,
			    "%s is %lld but rule '%s' backs up as rarely as every %s (%.80s): its recovery points expire up to %s before the next backup, and the plan's other rules do not fill the gap",
			    fname(d, F_DELETE_AFTER), ri[i].keep, ri[i].rm->name, every,
			    ri[i].expr, hole);
		if (dg)
			diag_hint(d->file, dg,
				  "keep recovery points at least %lld days, or back up more often",
				  (gap + 1439) / 1440);
	}
}

/* The checks that compare the rules of one plan. */
void calendar_check_plan(struct doc *d, const struct plan_m *p)
{
	struct rule_info small[4], *ri;
	uint32_t i, n = (uint32_t)p->nrules;
	struct cron_time today = today_of(d);

	if (n == 0 || (!rule_on(d, BKP607) && !rule_on(d, BKP608)))
		return;
	if (n > MAX_OVERLAP_RULES && rule_on(d, BKP607)) {
		/* pairs are compared: past the bound the work is skipped, and
		 * the user is told so rather than left to think it was done */
		struct diag *dg = report(d, BKP607, value_key(&p->rules_v) ? value_key(&p->rules_v)
							     : p->rules_v.at,
					 "plan '%s' has %u rules: overlapping start "
					 "windows are compared for plans of at most %d "
					 "rules, so this plan's were not",
					 p->name, n, MAX_OVERLAP_RULES);
		diag_demote(dg, 2);
		diag_hint(d->file, dg, "split the plan, or check its schedules "
			  "for rules that start within each other's windows");
	}
	/* Scratch, freed here (a kept document's arena would hold it until
	 * the end of the run). Not zeroed as a whole: on a big plan one early
	 * rule usually settles it, and untouched pages of a big block cost no
	 * memory. */
	ri = n <= 4 ? small : xmalloc(n * sizeof(*ri));
	for (i = 0; i < n; i++) {
		rule_info(d, &p->rules[i], &ri[i]);
		/* Past the overlap limit only BKP608 is left, and one rule
		 * that always keeps a recovery point settles it. */
		if (n > MAX_OVERLAP_RULES && !gap_possible(&ri[i], today)) {
			n = i + 1;
			goto done;
		}
	}
	check_overlap(d, p, ri, n);
	check_retention_gap(d, ri, n);
done:
	for (i = 0; i < n; i++)
		free(ri[i].days);
	if (ri != small)
		free(ri);
}
