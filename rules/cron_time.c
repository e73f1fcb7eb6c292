/* cron_time.c - when a parsed schedule fires: the calendar (leap years,
 * weekdays), whether it fires on a date, the next firing, firings within a
 * day and the longest gap between firings. Bounded by the days scanned,
 * never by minutes. */
#include "cron.h"

#include <string.h>

int cron_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int cron_days_in_month(int y, int m)
{
	static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m < 1 || m > 12)
		return 0;
	return m == 2 && cron_is_leap(y) ? 29 : dm[m - 1];
}

int cron_weekday(int y, int m, int d)
{
	/* Sakamoto's method: 0 = Sunday. */
	static const int t[] = { 0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4 };

	if (m < 3)
		y--;
	return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7 + 1;
}

int cron_year_on(const struct cron *c, int y)
{
	int v = y - CRON_YEAR_MIN;

	if (y < CRON_YEAR_MIN || y > CRON_YEAR_MAX)
		return 0;
	return (c->years[v / 64] >> (v % 64)) & 1;
}

/* The weekday (Mon-Fri) nearest day n of month y-m, in the same month, or 0
 * when the month has no day n. */
static int nearest_weekday(int y, int m, int n)
{
	int dim = cron_days_in_month(y, m);
	int wd;

	if (n > dim)
		return 0;
	wd = cron_weekday(y, m, n);
	if (wd == 7) /* Saturday: the Friday before, or Monday the 3rd */
		return n == 1 ? 3 : n - 1;
	if (wd == 1) /* Sunday: the Monday after, or the Friday before */
		return n == dim ? n - 2 : n + 1;
	return n;
}

static int dom_matches(const struct cron *c, int y, int m, int d)
{
	int dim = cron_days_in_month(y, m);

	switch (c->dom_mode) {
	case CRON_DOM_SET:
		return (c->days >> d) & 1;
	case CRON_DOM_LAST:
		return d == dim;
	case CRON_DOM_LASTWD: {
		int wd = cron_weekday(y, m, dim);
		int last = wd == 7 ? dim - 1 : wd == 1 ? dim - 2 : dim;
		return d == last;
	}
	case CRON_DOM_NEARWD:
		return d == nearest_weekday(y, m, c->dom_n);
	}
	return 0;
}

static int dow_matches(const struct cron *c, int y, int m, int d)
{
	int wd = cron_weekday(y, m, d);

	switch (c->dow_mode) {
	case CRON_DOW_SET:
		return (c->weekdays >> wd) & 1;
	case CRON_DOW_LAST:
		return wd == c->dow_n && d + 7 > cron_days_in_month(y, m);
	case CRON_DOW_NTH:
		return wd == c->dow_n && (d - 1) / 7 + 1 == c->dow_k;
	}
	return 0;
}

int cron_fires_on(const struct cron *c, int y, int m, int d)
{
	if (!cron_year_on(c, y) || m < 1 || m > 12 || !((c->months >> m) & 1))
		return 0;
	if (d < 1 || d > cron_days_in_month(y, m))
		return 0;
	if (!c->minutes || !c->hours)
		return 0;
	if (c->dom_mode == CRON_DOM_ANY)
		return c->dow_mode != CRON_DOW_ANY && dow_matches(c, y, m, d);
	return dom_matches(c, y, m, d);
}

/* First set bit at or after `from` in a word of `bits`, or -1. */
static int next_bit(uint64_t bits, int from, int max)
{
	int i;

	for (i = from; i <= max; i++)
		if ((bits >> i) & 1)
			return i;
	return -1;
}

int cron_next(const struct cron *c, const struct cron_time *from,
	      struct cron_time *out)
{
	int y = from->year, m = from->mon, d = from->day;
	int h = from->hour, mi = from->min + 1;

	if (mi > 59) {
		mi = 0;
		h++;
	}
	for (; y <= CRON_YEAR_MAX; y++, m = 1, d = 1, h = 0, mi = 0) {
		if (!cron_year_on(c, y))
			continue;
		for (; m <= 12; m++, d = 1, h = 0, mi = 0) {
			int dim;
			if (!((c->months >> m) & 1))
				continue;
			dim = cron_days_in_month(y, m);
			for (; d <= dim; d++, h = 0, mi = 0) {
				int hh, mm;
				if (!cron_fires_on(c, y, m, d))
					continue;
				for (hh = next_bit(c->hours, h, 23); hh >= 0;
				     hh = next_bit(c->hours, hh + 1, 23)) {
					mm = next_bit(c->minutes, hh == h ? mi : 0, 59);
					if (mm >= 0) {
						out->year = y;
						out->mon = m;
						out->day = d;
						out->hour = hh;
						out->min = mm;
						return 0;
					}
				}
			}
		}
	}
	return -1;
}

int cron_minutes_count(const struct cron *c)
{
	return __builtin_popcountll(c->minutes);
}

int cron_day_firings(const struct cron *c, int *min_gap)
{
	int n = __builtin_popcount(c->hours) * cron_minutes_count(c);
	int first = -1, prev = -1, gap = 1440, h, m;

	for (h = 0; h < 24; h++) {
		if (!((c->hours >> h) & 1))
			continue;
		for (m = 0; m < 60; m++) {
			int t = h * 60 + m;
			if (!((c->minutes >> m) & 1))
				continue;
			if (first < 0)
				first = t;
			else if (t - prev < gap)
				gap = t - prev;
			prev = t;
		}
	}
	if (first >= 0 && first + 1440 - prev < gap)
		gap = first + 1440 - prev;
	if (min_gap)
		*min_gap = gap;
	return n;
}

long long cron_days_from_civil(int y, int m, int d)
{
	long long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void cron_civil_from_days(long long z, int *y, int *m, int *d)
{
	long long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static long long minute_of(const struct cron_time *t)
{
	return cron_days_from_civil(t->year, t->mon, t->day) * 1440 + t->hour * 60 + t->min;
}

long long cron_max_gap(const struct cron *c, const struct cron_time *from,
		       int days)
{
	struct cron_time t = *from, n;
	long long end = minute_of(from) + (long long)days * 1440;
	long long prev = -1, gap = -1;
	int count;

	for (count = 0; count < 100000; count++) {
		long long m;
		if (cron_next(c, &t, &n) != 0)
			break;
		m = minute_of(&n);
		if (m > end)
			break;
		if (prev >= 0 && m - prev > gap)
			gap = m - prev;
		prev = m;
		t = n;
	}
	return gap;
}

