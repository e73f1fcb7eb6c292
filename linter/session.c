/* session.c - options, sessions and runs. */
#include "session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "diag.h"

void options_init(struct options *o)
{
	memset(o, 0, sizeof(*o));
	o->fail_on = SEV_WARNING;
	o->max_bytes = (size_t)256 << 20;
	o->max_depth = 512;
	o->max_alias_nodes = 1000000;
	o->max_findings = 10000;
	o->map_files = 1;
}

static int days_in_month(int y, int m)
{
	static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m == 2 && leap ? 29 : dm[m - 1];
}

int date_parse(const char *s, struct date *out)
{
	int y, m, d, n = 0;
	if (!s || strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 ||
	    n != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	if (y < 1970 || y > 2199 || m < 1 || m > 12 || d < 1 ||
	    d > days_in_month(y, m))
		return -1;
	out->year = y;
	out->mon = m;
	out->day = d;
	return 0;
}

int session_init(struct session *s, const struct checker *ck,
		 const struct options *o, char *err, size_t errlen)
{
	size_t i;

	memset(s, 0, sizeof(*s));
	s->ck = ck;
	s->opt = *o;
	if (o->now) {
		if (date_parse(o->now, &s->today) < 0) {
			snprintf(err, errlen,
				 "today's date '%.40s' is not a date YYYY-MM-DD "
				 "between 1970-01-01 and 2199-12-31", o->now);
			return -1;
		}
		s->today_fixed = 1;
	}
	s->sev = xcalloc(ck->rules.n ? ck->rules.n : 1, 1);
	for (i = 0; i < ck->rules.n; i++)
		s->sev[i] = ck->rules.v[i].id ? (unsigned char)ck->rules.v[i].severity : 0;
	if (ck->session_init && ck->session_init(s, err, errlen) < 0) {
		free(s->sev);
		s->sev = NULL;
		return -1;
	}
	return 0;
}

void session_release(struct session *s)
{
	if (s->ck && s->ck->session_release)
		s->ck->session_release(s);
	free(s->sev);
	memset(s, 0, sizeof(*s));
}

void session_set_severity(struct session *s, int r, int sev)
{
	if (r >= 0 && (size_t)r < s->ck->rules.n)
		s->sev[r] = (unsigned char)sev;
}

int session_severity(const struct session *s, int r)
{
	if (r < 0 || (size_t)r >= s->ck->rules.n)
		return 0;
	return s->sev[r];
}

void run_init(struct run *r, struct session *s)
{
	memset(r, 0, sizeof(*r));
	r->s = s;
	r->phase = PHASE_DOC;
	if (s->today_fixed) {
		r->today = s->today;
	} else {
		time_t t = time(NULL);
		struct tm tm;
		gmtime_r(&t, &tm);
		r->today.year = tm.tm_year + 1900;
		r->today.mon = tm.tm_mon + 1;
		r->today.day = tm.tm_mday;
		if (r->today.year > 2199) {
			r->today.year = 2199;
			r->today.mon = 12;
			r->today.day = 31;
		}
	}
	if (s->ck->run_init)
		s->ck->run_init(r);
}

void run_release(struct run *r)
{
	if (r->s && r->s->ck->run_release)
		r->s->ck->run_release(r);
	free(r->verdicts);
	memset(r, 0, sizeof(*r));
}

void run_verdict_add(struct run *r, const struct file *f, const char *item,
		     const char *check, const char *group, int verdict)
{
	struct run_verdict *v;
	if (r->nverdicts == r->cverdicts) {
		r->cverdicts = r->cverdicts ? 2 * r->cverdicts : 16;
		r->verdicts = xrealloc(r->verdicts, r->cverdicts * sizeof(*r->verdicts));
	}
	v = &r->verdicts[r->nverdicts++];
	v->file = f;
	v->item = item;
	v->check = check;
	v->group = group;
	v->verdict = verdict;
}
