/* test_cron_gap.c - cron_cycle_gap() (arithmetic on the fields) against
 * cron_max_gap() (firing after firing) over the calendar cycle, and the
 * worked examples of the Audit Manager notes with where the gap lies. */
#include <stdio.h>
#include <string.h>

#include "cron.h"

static int fails;

/* The arithmetic and the simulation agree over 2001-2033. */
static void same(const char *s, int line)
{
	struct cron c;
	struct cron_error e;
	struct cron_gap g;
	struct cron_time from = { 2000, 12, 31, 0, 0 };
	long long brute;

	if (cron_parse(s, strlen(s), &c, &e) != 0) {
		printf("test_cron_gap.c:%d: %s: %s\n", line, s, e.msg);
		fails++;
		return;
	}
	/* simulated over the years the arithmetic scans (33 of them) */
	brute = cron_max_gap(&c, &from, 33 * 366);
	if (cron_cycle_gap(&c, &g) != 0)
		g.minutes = -1;
	if (g.minutes != brute) {
		printf("test_cron_gap.c:%d: %s: gap %lld, simulated %lld\n", line,
		       s, g.minutes, brute);
		fails++;
	}
}

static void where(const char *s, long long minutes, int days, int from_min,
		  int to_min, int line)
{
	struct cron c;
	struct cron_error e;
	struct cron_gap g;

	if (cron_parse(s, strlen(s), &c, &e) != 0 || cron_cycle_gap(&c, &g) != 0) {
		printf("test_cron_gap.c:%d: %s: no gap\n", line, s);
		fails++;
		return;
	}
	if (g.minutes != minutes || g.days != days || g.from_min != from_min ||
	    g.to_min != to_min) {
		printf("test_cron_gap.c:%d: %s: %lld min, %d days, %d -> %d\n", line,
		       s, g.minutes, g.days, g.from_min, g.to_min);
		fails++;
	}
}

#define WHERE(s, m, d, f, t) where(s, m, d, f, t, __LINE__)

int main(void)
{
	static const char *const exprs[] = {
		"cron(0 5 ? * * *)", "cron(0 0/12 * * ? *)", "cron(0 5/1 ? * * *)",
		"cron(0 5 ? * MON-FRI *)", "cron(0 5 ? * 1,3,5 *)",
		"cron(0 8 1 * ? *)", "cron(0 5 L * ? *)", "cron(0 8 1 */3 ? *)",
		"cron(30 2 ? * SUN *)", "cron(0 0 29 2 ? *)", "cron(0 0 31 * ? *)",
		"cron(0 3 LW * ? *)", "cron(0 3 15W * ? *)", "cron(0 3 ? * 6L *)",
		"cron(0 3 ? * 2#1 *)", "cron(0,30 * * * ? *)", "cron(15 1-5 * * ? *)",
		"cron(0 12 1 1 ? *)", "cron(0 5 ? JAN,JUL MON *)",
		"cron(0 5 * * ? 2030-2032)", "cron(0 6 1,15 * ? *)",
		"cron(0 22-2 ? * SAT,SUN *)", "cron(59 23 30 * ? *)",
	};
	size_t i;

	for (i = 0; i < sizeof(exprs) / sizeof(exprs[0]); i++)
		same(exprs[i], __LINE__);
	/* the notes' worked examples, with the ends of the gap */
	WHERE("cron(0 5 ? * * *)", 1440, 1, 300, 300);
	WHERE("cron(0 0/12 * * ? *)", 720, 0, 0, 720);
	WHERE("cron(0 5/1 ? * * *)", 360, 1, 23 * 60, 300);
	WHERE("cron(0 5 ? * MON-FRI *)", 3 * 1440, 3, 300, 300);
	WHERE("cron(0 8 1 * ? *)", 31 * 1440, 31, 480, 480);
	WHERE("cron(0 8 1 */3 ? *)", 92 * 1440, 92, 480, 480);
	printf("%s\n", fails ? "FAIL" : "ok");
	return fails != 0;
}
