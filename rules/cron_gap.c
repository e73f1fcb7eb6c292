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
	/* LW, nW, nL, n#k: one day a month, from the weekday of one date */
	if (c->dom_mode == CRON_DOM_LASTWD) {
		int wd = cron_weekday(y, m, dim);
		d = wd == 7 ? dim - 1 : wd == 1 ? dim - 2 : dim;
	} else if (c->dom_mode == CRON_DOM_NEARWD) {
		int n = c->dom_n, wd;
		if (n > dim)
			return 0;
		wd = cron_weekday(y, m, n);
		d = wd == 7 ? (n == 1 ? 3 : n - 1) : wd == 1 ? (n == dim ? n - 2 : n + 1) : n;
	} else if (c->dow_mode == CRON_DOW_LAST) {
		d = dim - (cron_weekday(y, m, dim) - c->dow_n + 7) % 7;
	} else if (c->dow_mode == CRON_DOW_NTH) {
		d = 1 + (c->dow_n - cron_weekday(y, m, 1) + 7) % 7 + 7 * (c->dow_k - 1);
		if (d > dim)
			return 0;
	} else {
		return 0;
	}
	out = (uint32_t)1 << d;
	return out;
}

int cron_cycle_gap(const struct cron *c, struct cron_gap *g)
{
	int times[24 * 60], nt = 0, h, mi, i, y, y0, y1, m, all_years;
	long long prev = -1, best_days = 0;
	int prev_y = 0, prev_m = 0, prev_d = 0;

	memset(g, 0, sizeof(*g));
	g->minutes = -1;
	for (h = 0; h < 24; h++)
		if ((c->hours >> h) & 1) {
			uint64_t mb = c->minutes & ((1ULL << 60) - 1);
			while (mb) {
				mi = __builtin_ctzll(mb);
				mb &= mb - 1;
				times[nt++] = h * 60 + mi;
			}
		}
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
	all_years = 1;
	for (y = CRON_YEAR_MIN; y <= CRON_YEAR_MAX && all_years; y++)
		all_years = cron_year_on(c, y);
	if (all_years && c->months == 0x1ffe &&
	    (every_day(c) || (c->dom_mode == CRON_DOM_ANY &&
			      c->dow_mode == CRON_DOW_SET))) {
		/* weekdays repeat every 7 days: the longest run between two
		 * of them, the week wrapping (every day: 1) */
		int w, best = 0, from_w = 0, days;
		uint8_t wd = every_day(c) ? 0xfe : c->weekdays;
		for (w = 1; w <= 7; w++) {
			if (!((wd >> w) & 1))
				continue;
			for (days = 1; days <= 7; days++)
				if ((wd >> ((w - 1 + days) % 7 + 1)) & 1)
					break;
			if (days > best) {
				best = days;
				from_w = w;
			}
		}
		g->steps = 1;
		if ((long long)best * 1440 - times[nt - 1] + times[0] > g->minutes) {
			g->minutes = (long long)best * 1440 - times[nt - 1] + times[0];
			g->from_min = times[nt - 1];
			g->to_min = times[0];
			g->days = best;
			/* a week of 2001, which starts on a Monday: dates whose
			 * weekdays the message names */
			g->from.year = g->to.year = 2001;
			g->from.mon = g->to.mon = 1;
			g->from.day = from_w == 1 ? 7 : from_w - 1;
			g->to.day = g->from.day + best;
		}
		return 0;
	}
	y0 = CRON_YEAR_MIN;
	y1 = CRON_YEAR_MAX;
	while (y0 <= y1 && !cron_year_on(c, y0))
		y0++;
	while (y1 >= y0 && !cron_year_on(c, y1))
		y1--;
	if (y0 > y1)
		return -1;
	if (y0 <= 2001 && y1 >= 2033) {
		/* every year the cycle needs: one cycle and its wrap; days of
		 * the month alone repeat with the leap years, so 2001-2009 (two
		 * leap days) holds all their gaps */
		y0 = 2001;
		y1 = all_years && c->dow_mode == CRON_DOW_ANY &&
		     (c->dom_mode == CRON_DOM_SET || c->dom_mode == CRON_DOM_LAST)
			? 2009 : 2033;
	}
	for (y = y0; y <= y1; y++) {
		if (!cron_year_on(c, y))
			continue;
		for (m = 1; m <= 12; m++) {
			uint32_t bits;
			long long base;
			if (!((c->months >> m) & 1))
				continue;
			g->steps++;
			bits = month_days(c, y, m);
			base = cron_days_from_civil(y, m, 1) - 1;
			while (bits) {
				int d = __builtin_ctz(bits);
				long long n = base + d;
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
