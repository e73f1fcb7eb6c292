/* hover.c - what the language server shows over a value (the checker's
 * hover hook, checker.h): over a lifecycle's days, the dates on which a
 * recovery point made today goes to cold storage and is deleted; over a
 * schedule or its time zone, the schedule's next firings in that zone. */
#include <stdio.h>
#include <string.h>

#include "calendar.h"
#include "cron.h"
#include "families.h"
#include "model.h"
#include "../linter/strbuf.h"

#define HOVER_FIRINGS 5

/* 1 when byte off is on the value's key or on the value as written. */
static int over(const struct value *v, size_t off)
{
	return (value_key(v) && off >= value_key(v)->start && off <= value_key(v)->end) ||
	       (v->at && v->state != VS_ABSENT && !v->dflt &&
		off >= v->at->start && off <= v->at->end);
}

static const char *const wday[] = { "", "Sun", "Mon", "Tue", "Wed", "Thu",
				    "Fri", "Sat" };

/* "2026-07-15" for today + days. */
static void day_after(const struct cron_time *today, long long days, char *out,
		      size_t n)
{
	int y, m, d;
	cron_civil_from_days(cron_days_from_civil(today->year, today->mon,
						  today->day) + days, &y, &m, &d);
	snprintf(out, n, "%04d-%02d-%02d", y, m, d);
}

static int lifecycle_over(const struct lifecycle_m *lc, size_t off)
{
	return over(&lc->cold, off) || over(&lc->del, off);
}

/* The lifecycle of `whose` (rule 'daily', the copies of rule 'daily' to X). */
static void say_lifecycle(struct doc *d, const struct lifecycle_m *lc,
			  const char *whose, struct strbuf *out)
{
	struct cron_time today = today_of(d);
	/* 0 days: Terraform's "no cold storage" */
	int has_cold = value_is(&lc->cold, VT_INT) && lc->cold.u.i > 0;
	int has_del = value_is(&lc->del, VT_INT) && lc->del.u.i >= 0;
	char on[16], made[16];

	day_after(&today, 0, made, sizeof(made));
	strbuf_printf(out, "**%s** of %s: a recovery point made on %s\n",
		      fname(d, F_LIFECYCLE), whose, made);
	if (has_cold) {
		day_after(&today, lc->cold.u.i, on, sizeof(on));
		strbuf_printf(out, "- goes to cold storage after %lld days, on %s "
			      "(%s %lld%s)\n", lc->cold.u.i, on,
			      fname(d, F_COLD_AFTER), lc->cold.u.i,
			      value_note(d, &lc->cold));
	} else if ((lc->cold.state == VS_ABSENT || value_is(&lc->cold, VT_INT)) &&
		   !lifecycle_archive(lc)) {
		strbuf_puts(out, "- stays in warm storage\n");
	}
	if (has_del) {
		day_after(&today, lc->del.u.i, on, sizeof(on));
		strbuf_printf(out, "- is deleted after %lld days, on %s (%s %lld%s)",
			      lc->del.u.i, on, fname(d, F_DELETE_AFTER),
			      lc->del.u.i, value_note(d, &lc->del));
		if (has_cold && lc->del.u.i >= lc->cold.u.i)
			strbuf_printf(out, ", after %lld days in cold storage",
				      lc->del.u.i - lc->cold.u.i);
		strbuf_puts(out, "\n");
	} else if (lc->del_event->state != VS_ABSENT) {
		strbuf_puts(out, "- is deleted once it is copied\n");
	} else if (lc->del.state == VS_ABSENT) {
		strbuf_printf(out, "- is never deleted by the plan (no %s)\n",
			      fname(d, F_DELETE_AFTER));
	}
}

/* The next firings of rule rm's schedule, from today 00:00 in its zone. */
static void say_schedule(struct doc *d, const struct rule_m *rm,
			 struct strbuf *out)
{
	const struct value *v = &rm->schedule;
	struct cron_time today = today_of(d), from, next;
	const char *zone = value_is(rm->timezone, VT_STR) ? rm->timezone->u.s : NULL;
	struct cron_error e;
	struct cron c;
	char made[16];
	int k, y, m, dd;

	if (!value_is(v, VT_STR) || cron_parse(v->u.s, value_lit(v)->len, &c, &e) != 0)
		return;
	day_after(&today, 0, made, sizeof(made));
	strbuf_printf(out, "**%s** of rule '%s', in %s%s: next firings from %s\n",
		      fname(d, F_SCHEDULE), rm->name, zone ? zone : "UTC",
		      zone ? "" : arena_printf(&d->arena, " (no %s)",
					       fname(d, F_TIMEZONE)), made);
	/* strictly after the minute before today */
	cron_civil_from_days(cron_days_from_civil(today.year, today.mon,
						  today.day) - 1, &y, &m, &dd);
	memset(&from, 0, sizeof(from));
	from.year = y;
	from.mon = m;
	from.day = dd;
	from.hour = 23;
	from.min = 59;
	if (from.year < CRON_YEAR_MIN)
		from = today;
	for (k = 0; k < HOVER_FIRINGS; k++) {
		if (cron_next(&c, &from, &next) != 0) {
			strbuf_puts(out, k ? "- then never again\n"
				    : "- it never fires again\n");
			break;
		}
		strbuf_printf(out, "- %s %04d-%02d-%02d %02d:%02d\n",
			      wday[cron_weekday(next.year, next.mon, next.day)],
			      next.year, next.mon, next.day, next.hour, next.min);
		from = next;
	}
}

static void hover_plan(struct doc *d, const struct plan_m *p, size_t off,
		       struct strbuf *out)
{
	size_t i, k, n;

	for (i = 0; i < p->nrules; i++) {
		const struct rule_m *rm = &p->rules[i];
		const struct lifecycle_m *lv;
		if (over(&rm->schedule, off) || over(rm->timezone, off))
			say_schedule(d, rm, out);
		n = lifecycle_variants(&rm->lc, &lv);
		for (k = 0; k < n; k++)
			if (lifecycle_over(&lv[k], off))
				say_lifecycle(d, &lv[k], arena_printf(&d->arena,
					      "rule '%s'", rm->name), out);
	}
	for (i = 0; i < p->ncopies; i++) {
		const struct copy_m *cp = &p->copies[i];
		const struct lifecycle_m *lv;
		const char *to = cp->dst_region ? cp->dst_region
				 : node_str(cp->dest.at) ? node_str(cp->dest.at)
				 : "its vault";
		n = lifecycle_variants(&cp->lc, &lv);
		for (k = 0; k < n; k++)
			if (lifecycle_over(&lv[k], off))
				say_lifecycle(d, &lv[k], arena_printf(&d->arena,
					      "the copies of rule '%s' to %s",
					      p->rules[cp->rule].name, to), out);
	}
}

int aws_hover(struct doc *d, size_t off, struct strbuf *out)
{
	struct doc_model *m = model_of(d);
	size_t before = out->n, i;

	for (i = 0; i < m->nplans; i++)
		hover_plan(d, &m->plans[i], off, out);
	if (m->job && lifecycle_over(&m->job->lc, off))
		say_lifecycle(d, &m->job->lc, "the copy", out);
	return out->n > before;
}
