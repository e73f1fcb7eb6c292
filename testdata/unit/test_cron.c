/* test_cron.c - cron_parse() spans and messages, cron_next() firing dates,
 * and the frequency analysis, over the edge cases of AWS's cron grammar. */
#include <stdio.h>
#include <string.h>

#include "cron.h"

static int fails;

#define OK(s) ok(s, __LINE__)
#define BAD(s, span, needle) bad(s, span, needle, __LINE__)
#define NEXT(s, from, want) next(s, from, want, __LINE__)
#define FREQ(s, n, gap) freq(s, n, gap, __LINE__)
#define GAP(s, from, days, want) max_gap(s, from, days, want, __LINE__)

static void ok(const char *s, int line)
{
	struct cron c;
	struct cron_error e;

	if (cron_parse(s, strlen(s), &c, &e) != 0) {
		printf("test_cron.c:%d: %s: unexpected failure at %u+%u: %s\n",
		       line, s, e.off, e.len, e.msg);
		fails++;
	}
}

/* `span` is the text the error must point at (exactly). */
static void bad(const char *s, const char *span, const char *needle, int line)
{
	struct cron c;
	struct cron_error e;

	if (cron_parse(s, strlen(s), &c, &e) == 0) {
		printf("test_cron.c:%d: %s: parsed but should fail\n", line, s);
		fails++;
		return;
	}
	if (e.off + e.len > strlen(s) || e.len != strlen(span) ||
	    memcmp(s + e.off, span, e.len) != 0) {
		printf("test_cron.c:%d: %s: error span \"%.*s\" (%u+%u), want \"%s\"\n",
		       line, s, (int)(e.off + e.len <= strlen(s) ? e.len : 0),
		       s + e.off, e.off, e.len, span);
		fails++;
	}
	if (!strstr(e.msg, needle)) {
		printf("test_cron.c:%d: %s: message \"%s\" lacks \"%s\"\n", line,
		       s, e.msg, needle);
		fails++;
	}
}

static int parse_time(const char *t, struct cron_time *out)
{
	return sscanf(t, "%d-%d-%d %d:%d", &out->year, &out->mon, &out->day,
		      &out->hour, &out->min) == 5 ? 0 : -1;
}

/* The first firing after `from` ("YYYY-MM-DD hh:mm") is `want`, or none. */
static void next(const char *s, const char *from, const char *want, int line)
{
	struct cron c;
	struct cron_error e;
	struct cron_time f, got;
	char buf[64];

	if (cron_parse(s, strlen(s), &c, &e) != 0 || parse_time(from, &f)) {
		printf("test_cron.c:%d: %s: bad test input (%s)\n", line, s, e.msg);
		fails++;
		return;
	}
	if (cron_next(&c, &f, &got) != 0)
		snprintf(buf, sizeof(buf), "none");
	else
		snprintf(buf, sizeof(buf), "%04d-%02d-%02d %02d:%02d", got.year,
			 got.mon, got.day, got.hour, got.min);
	if (strcmp(buf, want) != 0) {
		printf("test_cron.c:%d: %s after %s: got %s, want %s\n", line, s,
		       from, buf, want);
		fails++;
	}
}

static void max_gap(const char *s, const char *from, int days, long long want,
		    int line)
{
	struct cron c;
	struct cron_error e;
	struct cron_time f;
	long long got;

	if (cron_parse(s, strlen(s), &c, &e) != 0 || parse_time(from, &f)) {
		printf("test_cron.c:%d: %s: bad test input (%s)\n", line, s, e.msg);
		fails++;
		return;
	}
	got = cron_max_gap(&c, &f, days);
	if (got != want) {
		printf("test_cron.c:%d: %s: longest gap %lld minutes, want %lld\n",
		       line, s, got, want);
		fails++;
	}
}

static void freq(const char *s, int n, int gap, int line)
{
	struct cron c;
	struct cron_error e;
	int got_gap = -1, got_n;

	if (cron_parse(s, strlen(s), &c, &e) != 0) {
		printf("test_cron.c:%d: %s: bad test input (%s)\n", line, s, e.msg);
		fails++;
		return;
	}
	got_n = cron_day_firings(&c, &got_gap);
	if (got_n != n || got_gap != gap) {
		printf("test_cron.c:%d: %s: %d firings a day, gap %d; want %d, %d\n",
		       line, s, got_n, got_gap, n, gap);
		fails++;
	}
}

static void calendar(void)
{
	struct { int y, m, d, wd; } t[] = {
		{ 2026, 11, 27, 6 }, /* a Friday */
		{ 2000, 1, 1, 7 },   /* Saturday */
		{ 1970, 1, 1, 5 },   /* Thursday */
		{ 2024, 2, 29, 5 },  /* Thursday */
		{ 2199, 12, 31, 3 }, /* Tuesday */
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		if (cron_weekday(t[i].y, t[i].m, t[i].d) != t[i].wd) {
			printf("test_cron.c: weekday of %d-%d-%d: got %d want %d\n",
			       t[i].y, t[i].m, t[i].d,
			       cron_weekday(t[i].y, t[i].m, t[i].d), t[i].wd);
			fails++;
		}
	}
	if (cron_days_in_month(2024, 2) != 29 || cron_days_in_month(2100, 2) != 28 ||
	    cron_days_in_month(2000, 2) != 29 || cron_days_in_month(2026, 4) != 30) {
		printf("test_cron.c: days in month wrong\n");
		fails++;
	}
}

/* Random expressions built from the grammar's tokens: parsing never reads
 * outside the string, an error span always lies inside it, and whatever
 * parses can be evaluated. Deterministic (fixed seed). */
static unsigned long long seed = 0x9E3779B97F4A7C15ULL;

static unsigned rnd(unsigned n)
{
	seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((seed >> 33) % n);
}

static void random_inputs(void)
{
	static const char *const tok[] = {
		"*", "?", "0", "5", "31", "59", "1-5", "*/5", "0/15", "L", "LW",
		"W", "#", "MON", "JAN", "FRI-MON", "22-2", ",", "-", "/", "15W",
		"6L", "2#3", "2026", "2020-2030", "x", "1", "2", "7", "12",
		"29", "\t", "", "0,30", "?", "*", "*", "?",
	};
	static const char *const good[6][6] = {
		{ "0", "59", "*/7", "10-20/5", "0,30", "*" },
		{ "0", "23", "22-2", "*/3", "1,13", "*" },
		{ "31", "L", "LW", "15W", "1-31/2", "29,30" },
		{ "*", "FEB", "2", "NOV-FEB", "APR,JUN", "1/3" },
		{ "*", "MON-FRI", "6L", "2#5", "FRI-MON", "1" },
		{ "*", "2026", "2020-2024", "2199", "*/50", "2100" },
	};
	char buf[160];
	int i, parsed = 0;

	for (i = 0; i < 100000; i++) {
		struct cron c;
		struct cron_error e;
		struct cron_time from = { 2026, 11, 27, 0, 0 }, out;
		size_t len = 0;
		int nf = 6 + (rnd(8) == 0 ? (int)rnd(3) - 1 : 0), f, t;

		if (rnd(20))
			len += (size_t)snprintf(buf, sizeof(buf), "cron(");
		int q = (int)rnd(2); /* which day field gets the '?' */
		for (f = 0; f < nf; f++) {
			int ntok = 1 + (rnd(4) == 0 ? (int)rnd(3) : 0);
			if (f)
				buf[len++] = ' ';
			/* mostly well-formed fields, so that evaluation is reached */
			if (f < 6 && rnd(5)) {
				const char *s = good[f][rnd(6)];
				if ((f == 2 && q == 0) || (f == 4 && q == 1))
					s = "?";
				len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s", s);
				continue;
			}
			for (t = 0; t < ntok; t++) {
				const char *s = tok[rnd(sizeof(tok) / sizeof(tok[0]))];
				size_t n = strlen(s);
				memcpy(buf + len, s, n);
				len += n;
			}
		}
		if (rnd(20))
			buf[len++] = ')';
		if (cron_parse(buf, len, &c, &e) == 0) {
			parsed++;
			(void)cron_next(&c, &from, &out);
			(void)cron_day_firings(&c, NULL);
		} else if (e.off + e.len > len || (len && !e.len)) {
			printf("test_cron.c: random input \"%.*s\": error span %u+%u outside %zu bytes\n",
			       (int)len, buf, e.off, e.len, len);
			fails++;
		}
	}
	/* the generator must reach the success path as well */
	if (parsed < 10000) {
		printf("test_cron.c: only %d random inputs parsed\n", parsed);
		fails++;
	}
}

/* Day numbers and dates, both ways, across leap days and centuries. */
static void civil(void)
{
	static const struct { int y, m, d; long long n; } v[] = {
		{ 1970, 1, 1, 0 }, { 1970, 1, 2, 1 }, { 2000, 2, 29, 11016 },
		{ 2000, 3, 1, 11017 }, { 2026, 1, 1, 20454 },
		{ 2100, 3, 1, 47541 }, { 2199, 12, 31, 84005 },
	};
	long long n;
	size_t i;
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		int y, m, d;
		n = cron_days_from_civil(v[i].y, v[i].m, v[i].d);
		cron_civil_from_days(v[i].n, &y, &m, &d);
		if (n != v[i].n || y != v[i].y || m != v[i].m || d != v[i].d) {
			printf("test_cron: %04d-%02d-%02d is day %lld (want %lld), "
			       "day %lld is %04d-%02d-%02d\n", v[i].y, v[i].m,
			       v[i].d, n, v[i].n, v[i].n, y, m, d);
			fails++;
		}
	}
	/* every day of the years the cron grammar has, round trip */
	for (n = 0; n <= 84005; n++) {
		int y, m, d;
		cron_civil_from_days(n, &y, &m, &d);
		if (cron_days_from_civil(y, m, d) != n || d < 1 ||
		    d > cron_days_in_month(y, m)) {
			printf("test_cron: day %lld does not round trip\n", n);
			fails++;
			break;
		}
	}
}

/* The parse cache (per thread, keyed by the text) never answers for another
 * expression: 300 expressions, more than it holds, parsed in one order and
 * again in others, give the same result each time. */
static void cache_rotation(void)
{
	static struct cron first[300];
	static int rc[300];
	char s[64];
	struct cron c;
	struct cron_error e;
	int i, round, bad = 0;

	for (round = 0; round < 4; round++)
		for (i = 0; i < 300; i++) {
			int k = round % 2 ? 299 - i : (i * 7 + round) % 300;
			int r;
			snprintf(s, sizeof(s), "cron(%d %d ? * %s *)", k % 60, k / 60,
				 k % 3 ? "MON-FRI" : "*");
			memset(&c, 0, sizeof(c));
			r = cron_parse(s, strlen(s), &c, &e);
			if (round == 0) {
				first[k] = c;
				rc[k] = r;
			} else if (r != rc[k] || memcmp(&c, &first[k], sizeof(c)) != 0) {
				if (bad++ < 3)
					printf("test_cron.c: %s: round %d differs\n", s, round);
				fails++;
			}
		}
	/* an expression that does not parse says why every time */
	for (round = 0; round < 3; round++) {
		static const char bad_expr[] = "cron(0 5 * * * *)";
		memset(&e, 0, sizeof(e));
		if (cron_parse(bad_expr, strlen(bad_expr), &c, &e) == 0 || !e.msg[0] ||
		    e.kind != CRON_ERR_DAYS_BOTH) {
			printf("test_cron.c: %s: round %d: no error or not the same\n",
			       bad_expr, round);
			fails++;
		}
	}
}

int main(void)
{
	calendar();
	random_inputs();

	/* valid expressions, from the AWS docs and beyond */
	OK("cron(0 5 ? * * *)");
	OK("cron(0 12 * * ? *)");
	OK("cron(15 * ? * * *)");
	OK("cron(0 10 * * ? *)");
	OK("cron(0 18 ? * MON-FRI *)");
	OK("cron(0 8 1 * ? *)");
	OK("cron(0/15 * * * ? *)");
	OK("cron(0/10 * ? * MON-FRI *)");
	OK("cron(0/5 8-17 ? * MON-FRI *)");
	OK("cron(0 9 ? * 2#1 *)");
	OK("cron(0 9 ? * MON#1 *)");
	OK("cron(0 0 L * ? *)");
	OK("cron(0 0 LW * ? *)");
	OK("cron(0 0 15W * ? *)");
	OK("cron(0 0 ? * 6L *)");
	OK("cron(0 0 ? * FRIL *)");
	OK("cron(0 0 ? * L *)");
	OK("cron(0 0 1,15 JAN,jul ? 2027-2030)");
	OK("cron(0 22-2 * * ? *)");    /* hours wrap past midnight */
	OK("cron(0 0 ? * FRI-MON *)"); /* weekdays wrap */
	OK("cron(0 0 ? NOV-FEB * *)");
	OK("cron(0 0 1-31/2 * ? *)");
	OK("cron(0 0 5/7 * ? *)");
	OK("cron(0 0 * * ? 1970)");
	OK("cron(0 0 * * ? 2199)");
	OK("cron(0 0 * * ? */4)");
	OK("cron(00 05 ? * * *)");
	OK("cron(  0  5\t? * * *  )");
	OK("cron(59 23 31 12 ? 2199)");

	/* the wrapper */
	BAD("rate(1 hour)", "rate(1 hour)", "rate expression");
	BAD("0 5 ? * * *", "0 5 ? * * *", "wrapped in cron(");
	BAD("CRON(0 5 ? * * *)", "CRON", "lowercase");
	BAD(" cron(0 5 ? * * *)", " ", "whitespace");
	BAD("cron(0 5 ? * * *) ", " ", "trailing whitespace");
	BAD("cron(0 5 ? * * *)x", "x", "after the closing");
	BAD("cron(0 5 ? * * *", "*", "closing ')'");
	BAD("cron()", "cron()", "empty");
	BAD("cron(   )", "cron(   )", "empty");
	BAD("at(2026-01-01T00:00:00)", "at(2026-01-01T00:00:00)", "form cron(");
	BAD("", "", "empty");

	/* field count */
	BAD("cron(0 5 * * ?)", "0 5 * * ?", "Year field is missing");
	BAD("cron(0 5 ?)", "0 5 ?", "3 fields");
	BAD("cron(0 5 ? * * * *)", "*", "7 fields");
	BAD("cron(0 0 5 ? * * * 9)", "* 9", "8 fields");

	/* ranges and values */
	BAD("cron(60 5 ? * * *)", "60", "Minutes value 60 is out of range 0-59");
	BAD("cron(0 24 ? * * *)", "24", "Hours value 24");
	BAD("cron(0 5 0 * ? *)", "0", "Day-of-month value 0");
	BAD("cron(0 5 32 * ? *)", "32", "out of range 1-31");
	BAD("cron(0 5 1 13 ? *)", "13", "Month value 13");
	BAD("cron(0 5 1 0 ? *)", "0", "Month value 0");
	BAD("cron(0 5 ? * 0 *)", "0", "Day-of-week value 0 is out of range 1-7");
	BAD("cron(0 5 ? * 8 *)", "8", "Day-of-week value 8");
	BAD("cron(0 5 * * ? 1969)", "1969", "Year value 1969");
	BAD("cron(0 5 * * ? 2200)", "2200", "1970-2199");
	BAD("cron(0 5 * * ? 99999999999999)", "99999999999999", "out of range");
	BAD("cron(0 5 * * ? 2030-2026)", "2030-2026", "runs backwards");
	BAD("cron(0 5 1 JANUARY ? *)", "JANUARY", "not one of JAN-DEC");
	BAD("cron(0 5 1 JUX ? *)", "JUX", "JAN-DEC");
	BAD("cron(0 5 ? * MONDAY *)", "MONDAY", "SUN-SAT");
	BAD("cron(MON 5 ? * * *)", "MON", "expects a number");
	BAD("cron(0 5 ? * * 2026-)", "-", "has no end");
	BAD("cron(0 5-x ? * * *)", "x", "expects a number");

	/* steps */
	BAD("cron(0/0 5 ? * * *)", "0", "step 0 is out of range");
	BAD("cron(0/60 5 ? * * *)", "60", "Minutes step 60");
	BAD("cron(0 */24 ? * * *)", "24", "Hours step 24");
	BAD("cron(0/ 5 ? * * *)", "/", "step number");
	BAD("cron(0 5 ? * * 2026/x)", "/", "step number");
	BAD("cron(0/5/5 5 ? * * *)", "/", "unexpected '/'");

	/* lists and junk */
	BAD("cron(0,,5 5 ? * * *)", ",", "empty value");
	BAD("cron(0, 5 ? * * *)", ",", "empty value");
	BAD("cron(,0 5 ? * * *)", ",", "empty value");
	BAD("cron(0 5 ? * * *%)", "%", "unexpected '%'");
	BAD("cron(0 5! ? * * *)", "!", "unexpected '!'");
	BAD("cron(0 5 ? * * \x01)", "\x01", "U+0001");
	BAD("cron(0 5\n? * * *)", "\n", "U+000A");

	/* ? in exactly one of day-of-month and day-of-week */
	BAD("cron(0 5 * * * *)", "*", "one of them must be '?'");
	BAD("cron(0 5 1 * MON *)", "MON", "both set");
	BAD("cron(0 5 * * MON *)", "*", "both set");
	BAD("cron(0 5 ? * ? *)", "?", "both Day-of-month and Day-of-week");
	BAD("cron(? 5 * * ? *)", "?", "only in Day-of-month and Day-of-week");
	BAD("cron(0 5 1,? * ? *)", "?", "cannot be combined");

	/* L, W, # */
	BAD("cron(0 5 ? * 2#6 *)", "6", "week number 6 is out of range 1-5");
	BAD("cron(0 5 ? * 2#0 *)", "0", "out of range 1-5");
	BAD("cron(0 5 ? * 2# *)", "#", "week number 1-5");
	BAD("cron(0 5 ? * 3#1,6#3 *)", "3#1", "cannot be combined");
	BAD("cron(0 5 ? * 8#1 *)", "8", "Day-of-week value 8");
	BAD("cron(0 5 ? * 1-2#1 *)", "-", "'#' follows a single weekday");
	BAD("cron(0 5 ? * #1 *)", "#", "value is missing");
	BAD("cron(0 5 L,1 * ? *)", "L", "cannot be combined");
	BAD("cron(0 5 L-3 * ? *)", "L-3", "not supported");
	BAD("cron(0 5 LX * ? *)", "LX", "expected L, LW, nW");
	BAD("cron(0 5 32W * ? *)", "32", "out of range 1-31");
	BAD("cron(0 5 W * ? *)", "W", "must follow a day");
	BAD("cron(0 5 1-5W * ? *)", "-", "single day");
	BAD("cron(0 5 ? * 1,6L *)", "6L", "cannot be combined");
	BAD("cron(L 5 ? * * *)", "L", "allowed only in Day-of-month");
	BAD("cron(0 5 ? 1W * *)", "W", "not allowed here in Month");
	BAD("cron(0 5 ? * 3W *)", "W", "not allowed here in Day-of-week");
	BAD("cron(0 5 1#2 * ? *)", "#", "not allowed here in Day-of-month");

	/* next firing */
	NEXT("cron(0 5 ? * * *)", "2026-11-27 04:59", "2026-11-27 05:00");
	NEXT("cron(0 5 ? * * *)", "2026-11-27 05:00", "2026-11-28 05:00");
	NEXT("cron(0 5 ? * * *)", "2026-12-31 23:59", "2027-01-01 05:00");
	NEXT("cron(30 * ? * * *)", "2026-11-27 23:45", "2026-11-28 00:30");
	NEXT("cron(0 0 29 2 ? *)", "2026-01-01 00:00", "2028-02-29 00:00");
	NEXT("cron(0 0 29 2 ? *)", "2096-03-01 00:00", "2104-02-29 00:00"); /* 2100 is not leap */
	NEXT("cron(0 0 31 2 ? *)", "2026-01-01 00:00", "none");
	NEXT("cron(0 0 30 2 ? *)", "1970-01-01 00:00", "none");
	NEXT("cron(0 0 31 4,6,9,11 ? *)", "2026-01-01 00:00", "none");
	NEXT("cron(0 0 31 * ? *)", "2026-04-01 00:00", "2026-05-31 00:00");
	NEXT("cron(0 0 L * ? *)", "2026-02-01 00:00", "2026-02-28 00:00");
	NEXT("cron(0 0 L 2 ? *)", "2027-03-01 00:00", "2028-02-29 00:00");
	NEXT("cron(0 0 LW * ? *)", "2026-05-01 00:00", "2026-05-29 00:00"); /* 31st is a Sunday */
	NEXT("cron(0 0 15W * ? *)", "2026-08-01 00:00", "2026-08-14 00:00"); /* 15th is a Saturday */
	NEXT("cron(0 0 15W * ? *)", "2026-11-01 00:00", "2026-11-16 00:00"); /* Sunday */
	NEXT("cron(0 0 1W * ? *)", "2026-08-01 00:00", "2026-08-03 00:00"); /* 1st Saturday: Monday 3rd */
	NEXT("cron(0 0 31W * ? *)", "2026-05-01 00:00", "2026-05-29 00:00"); /* 31st Sunday: Friday 29th */
	NEXT("cron(0 0 31W 2 ? *)", "2026-01-01 00:00", "none");
	NEXT("cron(0 9 ? * 2#1 *)", "2026-11-27 00:00", "2026-12-07 09:00");
	NEXT("cron(0 9 ? * MON#5 *)", "2026-11-27 00:00", "2026-11-30 09:00");
	NEXT("cron(0 0 ? 2 2#5 *)", "2026-01-01 00:00", "2044-02-29 00:00");
	NEXT("cron(0 0 ? 2 2#5 2027-2040)", "2026-01-01 00:00", "none");
	NEXT("cron(0 0 ? * 6L *)", "2026-11-01 00:00", "2026-11-27 00:00");
	NEXT("cron(0 0 ? * 5L *)", "2026-11-01 00:00", "2026-11-26 00:00");
	NEXT("cron(0 0 ? * L *)", "2026-11-27 00:00", "2026-11-28 00:00"); /* Saturday */
	NEXT("cron(0 0 ? * FRI-MON *)", "2026-11-24 12:00", "2026-11-27 00:00");
	NEXT("cron(0 22-2 ? * * *)", "2026-11-27 02:30", "2026-11-27 22:00");
	NEXT("cron(0 22-2 ? * * *)", "2026-11-27 23:30", "2026-11-28 00:00");
	NEXT("cron(0 0 * * ? 2020-2025)", "2026-11-27 00:00", "none");
	NEXT("cron(0 0 * * ? 2199)", "2199-12-31 00:00", "none");
	NEXT("cron(59 23 31 12 ? 2199)", "2199-12-31 23:58", "2199-12-31 23:59");
	NEXT("cron(0 0 1 JAN ? */10)", "2026-11-27 00:00", "2030-01-01 00:00");

	/* frequency */
	FREQ("cron(0 5 ? * * *)", 1, 1440);
	FREQ("cron(0 * ? * * *)", 24, 60);
	FREQ("cron(0/30 * ? * * *)", 48, 30);
	FREQ("cron(0,15 3 ? * * *)", 2, 15);
	FREQ("cron(0,59 3 ? * * *)", 2, 59);
	FREQ("cron(0,59 * ? * * *)", 48, 1);
	FREQ("cron(0 0,12 ? * * *)", 2, 720);
	FREQ("cron(0 22-2 ? * * *)", 5, 60);
	FREQ("cron(0 0/2 ? * * *)", 12, 120);

	/* longest gap between firings */
	GAP("cron(0 5 ? * * *)", "2026-11-27 00:00", 30, 1440);
	GAP("cron(0 5 ? * SUN *)", "2026-11-27 00:00", 60, 7 * 1440);
	GAP("cron(0 5 1 * ? *)", "2026-11-27 00:00", 400, 31 * 1440);
	GAP("cron(0 5 ? * MON-FRI *)", "2026-11-27 00:00", 30, 3 * 1440);
	GAP("cron(0 * ? * MON-FRI *)", "2026-11-27 00:00", 30, 2 * 1440 + 60);
	GAP("cron(0 0 29 2 ? *)", "2026-11-27 00:00", 3000, 1461 * 1440);
	GAP("cron(0 0 1 1 ? 2027)", "2026-11-27 00:00", 800, -1);
	GAP("cron(0 5,17 ? * * *)", "2026-11-27 00:00", 10, 720);

	civil();
	cache_rotation();

	if (fails) {
		printf("test_cron: %d failure(s)\n", fails);
		return 1;
	}
	printf("test_cron: ok\n");
	return 0;
}
