/* cron.h - AWS schedule expressions: cron(min hour dom month dow year) as
 * AWS Backup (through EventBridge's grammar) accepts them, parsed with the
 * exact byte span of what is wrong, and analysed for when they fire.
 *
 * Ownership: a struct cron is a plain value (bit sets and a few numbers); it
 * owns nothing. Failure: cron_parse() returns -1 and fills a struct
 * cron_error with a message and the byte span (offsets into the string that
 * was parsed) of the offending field or token. Nothing here allocates,
 * prints or reads the clock, so it is safe to use from any thread.
 *
 * Grammar (EventBridge cron reference, the one AWS Backup documents):
 *   minutes 0-59, hours 0-23, day-of-month 1-31, month 1-12 or JAN-DEC,
 *   day-of-week 1-7 or SUN-SAT (1 = Sunday), year 1970-2199;
 *   lists a,b; ranges a-b (wrapping past the end, like 22-2 or FRI-MON,
 *   except in years); steps (every n from the start "*" + "/n", a/n, a-b/n); '?' in exactly one of
 *   day-of-month and day-of-week; 'L', 'LW' and 'nW' in day-of-month;
 *   'L', 'nL' and 'n#k' in day-of-week. L, W and # stand alone in their
 *   field (a list holding them is rejected, as Quartz-derived parsers do). */
#ifndef BACKUPLINT_CRON_H
#define BACKUPLINT_CRON_H

#include <stddef.h>
#include <stdint.h>

enum cron_field {
	CRON_MIN,
	CRON_HOUR,
	CRON_DOM,
	CRON_MON,
	CRON_DOW,
	CRON_YEAR,
	CRON_NFIELDS,
};

#define CRON_YEAR_MIN 1970
#define CRON_YEAR_MAX 2199

enum cron_dom_mode {
	CRON_DOM_SET,     /* days in `days` */
	CRON_DOM_ANY,     /* '?' */
	CRON_DOM_LAST,    /* L: last day of the month */
	CRON_DOM_LASTWD,  /* LW: last weekday (Mon-Fri) of the month */
	CRON_DOM_NEARWD,  /* nW: the weekday nearest day dom_n, same month */
};

enum cron_dow_mode {
	CRON_DOW_SET,     /* weekdays in `weekdays` */
	CRON_DOW_ANY,     /* '?' */
	CRON_DOW_LAST,    /* nL: the last weekday dow_n of the month */
	CRON_DOW_NTH,     /* n#k: the k-th weekday dow_n of the month */
};

struct cron_span {
	uint32_t off, len; /* bytes within the parsed string */
};

struct cron {
	uint64_t minutes;   /* bit m: minute m (0-59) */
	uint32_t hours;     /* bit h: hour h (0-23) */
	uint32_t days;      /* bit d: day of month d (1-31), CRON_DOM_SET */
	uint16_t months;    /* bit m: month m (1-12) */
	uint8_t weekdays;   /* bit d: weekday d (1-7, 1 = Sunday), CRON_DOW_SET */
	uint64_t years[4];  /* bit y - 1970 */
	int dom_mode;       /* enum cron_dom_mode */
	int dow_mode;       /* enum cron_dow_mode */
	int dom_n;          /* CRON_DOM_NEARWD: the day */
	int dow_n, dow_k;   /* CRON_DOW_LAST / CRON_DOW_NTH: weekday, k */
	int dom_star, dow_star; /* the field was exactly '*' */
	struct cron_span field[CRON_NFIELDS]; /* where each field is */
	struct cron_span body; /* between the parentheses */
};

/* What kind of mistake, so that a caller can suggest a corrected expression. */
enum cron_err_kind {
	CRON_ERR_OTHER,
	CRON_ERR_EMPTY,       /* "" or cron() */
	CRON_ERR_RATE,        /* rate(...) */
	CRON_ERR_UNWRAPPED,   /* bare fields without cron(...) */
	CRON_ERR_CASE,        /* CRON( */
	CRON_ERR_SPACE,       /* whitespace around cron(...) */
	CRON_ERR_FIELDS,      /* not six fields */
	CRON_ERR_DAYS_BOTH,   /* day-of-month and day-of-week both set: span is the one to make '?' */
	CRON_ERR_DAYS_NONE,   /* '?' in both: span is day-of-week */
};

struct cron_error {
	int kind;           /* enum cron_err_kind */
	int field;          /* enum cron_field, or -1: the expression as a whole */
	uint32_t off, len;  /* span within the string (len >= 1 unless empty) */
	char msg[200];
};

/* Parse `s` (len bytes; need not be NUL-terminated), which must be the whole
 * value: "cron(0 5 ? * * *)". Returns 0, or -1 with *err filled (after 0,
 * *err means nothing: a cached answer does not even write it). */
int cron_parse(const char *s, size_t len, struct cron *c,
	       struct cron_error *err);

/* Field names as AWS writes them ("Minutes", "Day-of-month", ...). */
const char *cron_field_name(enum cron_field f);

/* Calendar helpers (proleptic Gregorian). Weekday 1 = Sunday .. 7. */
int cron_is_leap(int y);
int cron_days_in_month(int y, int m);
int cron_weekday(int y, int m, int d);
/* 1 when c's year field takes year y. */
int cron_year_on(const struct cron *c, int y);

/* Days since 1970-01-01 of a date, and the date of such a day number
 * (Howard Hinnant's days_from_civil and civil_from_days). */
long long cron_days_from_civil(int y, int m, int d);
void cron_civil_from_days(long long days, int *y, int *m, int *d);

/* 1 when the schedule fires on date y-m-d at some time of day. */
int cron_fires_on(const struct cron *c, int y, int m, int d);

struct cron_time {
	int year, mon, day, hour, min; /* mon 1-12, day 1-31 */
};

/* The first firing strictly after `from` (which must be a valid date in
 * 1970-2199): returns 0 and fills *out, or -1 when the schedule never fires
 * again before the end of 2199. Cost is bounded by the days scanned (at most
 * the 230 years of the year field), not by minutes. */
int cron_next(const struct cron *c, const struct cron_time *from,
	      struct cron_time *out);

/* Firings within one day: how many, and the shortest gap in minutes between
 * two consecutive firings, counting the gap from the last firing of a day to
 * the first of the next (1440 when it fires once a day). Returns the count;
 * *min_gap may be NULL. */
int cron_day_firings(const struct cron *c, int *min_gap);

/* The longest time, in minutes, between two consecutive firings after
 * `from` within the next `days` days; -1 when it fires fewer than twice in
 * that span. Cost grows with the number of firings (capped at 100,000). */
long long cron_max_gap(const struct cron *c, const struct cron_time *from,
		       int days);

/* The longest gap between consecutive firings over the schedule's whole
 * calendar cycle (cron_gap.c), by arithmetic on the fields and a scan of
 * at most 33 years a month at a time (none for a schedule that fires every
 * day). Wall-clock time: no daylight-saving shifts. */
struct cron_gap {
	long long minutes;     /* the longest gap; -1: it fires at most once */
	int from_min, to_min;  /* its ends, minutes of the day */
	int days;              /* 0: within a day; 1: into the next day; more:
				* across days without firings, from `from` to
				* `to` (dates only) */
	struct cron_time from, to;
	long long steps;       /* months scanned: the cost */
};

/* 0 and *g filled, or -1 when the schedule fires at most once. */
int cron_cycle_gap(const struct cron *c, struct cron_gap *g);

/* Number of minutes of the hour it fires at (popcount of `minutes`). */
int cron_minutes_count(const struct cron *c);

#endif
