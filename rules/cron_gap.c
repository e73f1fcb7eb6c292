/* cron_gap.c - the longest time between two consecutive firings of a
 * schedule over its whole calendar cycle, by arithmetic on its fields.
 *
 * Every day a schedule fires, it fires at the same times (its hours times
 * its minutes), so the longest gap is either between two times of one day,
 * or from the last time of a firing day to the first time of the next
 * firing day. The firing days are found a month at a time, as a bit set
 * computed from the day fields (weekday patterns by the weekday of the 1st);
 * a schedule that fires every day needs no scan at all. The cycle: the
 * Gregorian calendar repeats every 28 years between 1901 and 2099, so
 * 2001-2033 holds every gap of a schedule that fires in every year (with the
 * wrap from one cycle into the next); a schedule limited to some years is
 * scanned over those years. */
#include "cron.h"

#include <string.h>

/* Days since 1970-01-01 (proleptic Gregorian). */
static long long day_number(int y, int m, int d)
{
	long long era, yoe, doy, doe;
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int year_on(const struct cron *c, int y)
{
	int v = y - CRON_YEAR_MIN;
	if (y < CRON_YEAR_MIN || y > CRON_YEAR_MAX)
		return 0;
	return (c->years[v / 64] >> (v % 64)) & 1;
}

/* 1 when the day fields say "every day". */
static int every_day(const struct cron *c)
{
	if (c->dom_mode == CRON_DOM_SET && c->dow_mode == CRON_DOW_ANY)
		return (c->days & 0xfffffffeu) == 0xfffffffeu;
	if (c->dom_mode == CRON_DOM_ANY && c->dow_mode == CRON_DOW_SET)
		return (c->weekdays & 0xfe) == 0xfe;
	return 0;
}

/* The firing days of month y-m as bits 1..31. */
static uint32_t month_days(const struct cron *c, int y, int m)
{
	int dim = cron_days_in_month(y, m), d;
	uint32_t valid = (uint32_t)(((uint64_t)1 << (dim + 1)) - 2), out = 0;

	if (c->dom_mode == CRON_DOM_SET)
		return c->days & valid;
	if (c->dom_mode == CRON_DOM_LAST)
		return (uint32_t)1 << dim;
	if (c->dom_mode == CRON_DOM_ANY && c->dow_mode == CRON_DOW_SET) {
		/* day d has weekday (w1 - 1 + d - 1) % 7 + 1 */
		int w1 = cron_weekday(y, m, 1);
		for (d = 1; d <= 7; d++) {
			int wd = (w1 - 1 + d - 1) % 7 + 1, k;
			if (!((c->weekdays >> wd) & 1))
				continue;
			for (k = d; k <= dim; k += 7)
				out |= (uint32_t)1 << k;
		}
		return out;
	}
	/* LW, nW, nL, n#k: one day a month; ask the calendar */
	for (d = 1; d <= dim; d++)
		if (cron_fires_on(c, y, m, d))
			out |= (uint32_t)1 << d;
	return out;
}

static int ctz32(uint32_t v)
{
	int n = 0;
	while (!(v & 1)) {
		v >>= 1;
		n++;
	}
	return n;
}

int cron_cycle_gap(const struct cron *c, struct cron_gap *g)
{
	int times[24 * 60], nt = 0, h, mi, i, y, y0, y1, m;
	long long prev = -1, best_days = 0;
	int prev_y = 0, prev_m = 0, prev_d = 0;

	memset(g, 0, sizeof(*g));
	g->minutes = -1;
	for (h = 0; h < 24; h++)
		if ((c->hours >> h) & 1)
			for (mi = 0; mi < 60; mi++)
				if ((c->minutes >> mi) & 1)
					times[nt++] = h * 60 + mi;
	if (!nt)
		return -1;
	/* within a day */
	for (i = 1; i < nt; i++)
		if (times[i] - times[i - 1] > g->minutes) {
			g->minutes = times[i] - times[i - 1];
			g->from_min = times[i - 1];
			g->to_min = times[i];
			g->days = 0;
		}
	/* from one firing day to the next */
	if (every_day(c) && c->months == 0x1ffe) {
		int all = 1;
		for (y = CRON_YEAR_MIN; y <= CRON_YEAR_MAX && all; y++)
			all = year_on(c, y);
		if (all) {
			long long over = 1440 - times[nt - 1] + times[0];
			g->steps = 1;
			if (over > g->minutes) {
				g->minutes = over;
				g->from_min = times[nt - 1];
				g->to_min = times[0];
				g->days = 1;
			}
			return 0;
		}
	}
	y0 = CRON_YEAR_MIN;
	y1 = CRON_YEAR_MAX;
	while (y0 <= y1 && !year_on(c, y0))
		y0++;
	while (y1 >= y0 && !year_on(c, y1))
		y1--;
	if (y0 > y1)
		return -1;
	if (y0 <= 2001 && y1 >= 2033) {
		/* every year the cycle needs: one cycle and its wrap */
		y0 = 2001;
		y1 = 2033;
	}
	for (y = y0; y <= y1; y++) {
		if (!year_on(c, y))
			continue;
		for (m = 1; m <= 12; m++) {
			uint32_t bits;
			if (!((c->months >> m) & 1))
				continue;
			g->steps++;
			bits = month_days(c, y, m);
			while (bits) {
				int d = ctz32(bits);
				long long n = day_number(y, m, d);
				bits &= bits - 1;
				if (prev >= 0 && n - prev > best_days) {
					best_days = n - prev;
					if (best_days * 1440 - times[nt - 1] + times[0] > g->minutes) {
						g->minutes = best_days * 1440 - times[nt - 1] + times[0];
						g->from_min = times[nt - 1];
						g->to_min = times[0];
						g->days = (int)best_days;
						g->from.year = prev_y;
						g->from.mon = prev_m;
						g->from.day = prev_d;
						g->to.year = y;
						g->to.mon = m;
						g->to.day = d;
					}
				}
				prev = n;
				prev_y = y;
				prev_m = m;
				prev_d = d;
			}
		}
	}
	return g->minutes < 0 ? -1 : 0;
}
