/* calendar.h - what the schedule family (schedule.c) and the calendar
 * checks (calendar.c) share: the run's "today", and the plan-level checks. */
#ifndef BACKUPLINT_CALENDAR_H
#define BACKUPLINT_CALENDAR_H

#include <string.h>

#include "cron.h"
#include "model.h"

/* The run's date (the clock's when the run started, or BACKUPLINT_NOW),
 * at 00:00. */
static inline struct cron_time today_of(const struct doc *d)
{
	struct cron_time t;
	memset(&t, 0, sizeof(t));
	t.year = d->file->run->today.year;
	t.mon = d->file->run->today.mon;
	t.day = d->file->run->today.day;
	return t;
}

/* BKP607 and BKP608 over the rules of plan p of document d. */
void calendar_check_plan(struct doc *d, const struct plan_m *p);

#endif
