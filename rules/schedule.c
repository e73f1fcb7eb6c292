/* schedule.c - schedules and backup windows (BKP601-BKP606): the cron
 * expression's syntax (pointing at the bad field inside the string), how
 * often it fires, whether it ever fires again, the start and completion
 * windows, and the time zone name.
 *
 * "Today" for BKP603 is the UTC date from the clock, or the date in the
 * environment variable BACKUPLINT_NOW (YYYY-MM-DD) when set, so that tests
 * and reproducible CI runs can fix it. It is read once per process.
 *
 * CloudFormation intrinsic values are unknown and never findings; a value
 * known only through a Parameter's Default is used, and the message says it
 * is assumed. Wrong types are the schema family's (BKP102). */
#include <ctype.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "../linter/suggest.h"
#include "cron.h"
#include "families.h"
#include "walk.h"
#include "../linter/embedded.h"

/* AWS Backup's limits and defaults (API reference, BackupRule;
 * plan-options-and-configuration in the developer guide). */
#define START_WINDOW_MIN 60
#define START_WINDOW_DEFAULT 480
#define COMPLETION_WINDOW_DEFAULT 10080

/* ---- today ---- */

static struct cron_time today;
static pthread_once_t today_once = PTHREAD_ONCE_INIT;

static void today_init(void)
{
	const char *e = getenv("BACKUPLINT_NOW");
	int y, m, d;

	if (e && sscanf(e, "%4d-%2d-%2d", &y, &m, &d) == 3 &&
	    y >= CRON_YEAR_MIN && y <= CRON_YEAR_MAX && m >= 1 && m <= 12 &&
	    d >= 1 && d <= cron_days_in_month(y, m)) {
		today.year = y;
		today.mon = m;
		today.day = d;
	} else {
		time_t t = time(NULL);
		struct tm tm;
		gmtime_r(&t, &tm);
		today.year = tm.tm_year + 1900;
		today.mon = tm.tm_mon + 1;
		today.day = tm.tm_mday;
		if (today.year > CRON_YEAR_MAX) {
			today.year = CRON_YEAR_MAX;
			today.mon = 12;
			today.day = 31;
		}
	}
}

/* ---- time zone names ---- */

static const char **zones;
static size_t nzones;
static pthread_once_t zones_once = PTHREAD_ONCE_INIT;

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void zones_init(void)
{
	size_t len, n = 0, cap = 0;
	const char *p = embedded_file("timezones.txt", &len);
	const char *end = p ? p + len : NULL;
	const char **v = NULL;

	while (p && p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;
		if (e > p && *p != '#') {
			char *s;
			if (n == cap) {
				cap = cap ? 2 * cap : 1024;
				v = xrealloc(v, cap * sizeof(*v));
			}
			s = xmalloc((size_t)(e - p) + 1);
			memcpy(s, p, (size_t)(e - p));
			s[e - p] = '\0';
			v[n++] = s;
		}
		p = e + 1;
	}
	if (n)
		qsort(v, n, sizeof(*v), cmp_str);
	zones = v;
	nzones = n;
}

static int zone_known(const char *name)
{
	return bsearch(&name, zones, nzones, sizeof(*zones), cmp_str) != NULL;
}

/* The zone name the user most likely meant, or NULL. */
static const char *zone_suggest(const char *name)
{
	const char *best = NULL;
	int best_d, limit;
	size_t i, n = strlen(name);

	for (i = 0; i < nzones; i++)
		if (strcasecmp(zones[i], name) == 0)
			return zones[i];
	/* "New_York" for "America/New_York" */
	if (!strchr(name, '/')) {
		for (i = 0; i < nzones; i++) {
			const char *slash = strrchr(zones[i], '/');
			if (slash && strcasecmp(slash + 1, name) == 0)
				return zones[i];
		}
	}
	/* Short names are abbreviations (PST, IST): one letter away is
	 * another zone altogether, so guess nothing. */
	if (n < 5)
		return NULL;
	limit = n < 8 ? 1 : n < 16 ? 2 : 3;
	best_d = limit + 1;
	for (i = 0; i < nzones; i++) {
		int d = (int)edit_distance(name, n, zones[i], strlen(zones[i]), 1);
		if (d < best_d) {
			best_d = d;
			best = zones[i];
		}
	}
	return best;
}

/* "UTC+2", "GMT-05:00", "+01:00": a UTC offset, written to *hours and
 * *mins. */
static int utc_offset(const char *s, int *hours, int *mins)
{
	int h = 0, digits = 0, sign;

	if (strncasecmp(s, "UTC", 3) == 0 || strncasecmp(s, "GMT", 3) == 0)
		s += 3;
	if (*s != '+' && *s != '-')
		return 0;
	sign = *s++ == '-' ? -1 : 1;
	while (isdigit((unsigned char)*s) && digits < 2) {
		h = h * 10 + (*s++ - '0');
		digits++;
	}
	if (!digits || h > 14)
		return 0;
	*mins = 0;
	if (*s == ':' && isdigit((unsigned char)s[1]) && isdigit((unsigned char)s[2])) {
		*mins = (s[1] - '0') * 10 + (s[2] - '0');
		s += 3;
	}
	if (*s)
		return 0;
	*hours = sign * h;
	return 1;
}

/* ---- values ---- */

struct val {
	const struct node *at;   /* the value as written in the rule */
	const struct node *v;    /* what it stands for (a Parameter Default when assumed) */
	char note[160];
};

/* The value of `key` in map m when it is known (literal or assumed). */
static int get_val(struct doc *d, const struct node *m, const char *key,
		   struct val *out)
{
	const struct node *v = map_get(m, key);
	enum cfn_known how;

	out->note[0] = '\0';
	if (!v)
		return 0;
	out->at = v;
	out->v = cfn_value(d, v, &how);
	if (!out->v || how == CFN_UNKNOWN)
		return 0;
	if (how == CFN_ASSUMED) {
		const char *p = node_intrinsic(v) == FN_REF ? node_str(map_val(v, 0)) : NULL;
		snprintf(out->note, sizeof(out->note),
			 " (assumed from the Default of Parameter %s)", p ? p : "?");
	}
	return 1;
}

/* An integer window in minutes; CloudFormation converts digit strings. */
static int get_minutes(struct doc *d, const struct node *m, const char *key,
		       int cfn, struct val *out, long long *mins)
{
	if (!get_val(d, m, key, out))
		return 0;
	/* too big for 64 bits: BKP104; a float in an API document: BKP102 */
	if ((out->v->flags & NF_BIG) || (!cfn && out->v->kind == N_FLOAT))
		return 0;
	return node_int(out->v, mins, cfn);
}

/* ---- spans inside strings ---- */

/* Report rule r at bytes [off, off+len) of the string value v, or at the
 * whole value when the string's bytes cannot be located in the source. */
__attribute__((format(printf, 6, 7)))
static struct diag *report_in_string(struct doc *d, enum rule_id r,
				     const struct val *v, uint32_t off,
				     uint32_t len, const char *fmt, ...)
{
	char msg[600];
	va_list ap;
	long base = node_text_offset(d, v->v);

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (base < 0 || len == 0 || off + len > v->v->len)
		return report(d, r, v->at, "%s", msg);
	return report_span(d->file, d->index, r, (size_t)base + off,
			   (size_t)base + off + len, doc_path(d, v->v), "%s", msg);
}

/* ---- BKP601 fixes ---- */

/* A cron() equivalent of rate(N unit) that AWS Backup can run, or -1. */
static int rate_to_cron(const char *s, size_t len, char *out, size_t n)
{
	char unit[16];
	int num, used = 0;
	char buf[64];

	if (len >= sizeof(buf))
		return -1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	if (sscanf(buf, "rate(%d %15[a-z])%n", &num, unit, &used) != 2 ||
	    (size_t)used != len || num < 1)
		return -1;
	if (strncmp(unit, "minute", 6) == 0) {
		if (num % 60)
			return snprintf(out, n, "cron(0 * ? * * *)") < 0 ? -1 : 0;
		num /= 60;
		snprintf(unit, sizeof(unit), "hours");
	}
	if (strncmp(unit, "hour", 4) == 0) {
		if (num == 1)
			snprintf(out, n, "cron(0 * ? * * *)");
		else if (num < 24 && 24 % num == 0)
			snprintf(out, n, "cron(0 0/%d ? * * *)", num);
		else if (num == 24)
			snprintf(out, n, "cron(0 5 ? * * *)");
		else
			return -1;
		return 0;
	}
	if (strncmp(unit, "day", 3) == 0 && (num == 1 || num == 7)) {
		snprintf(out, n, num == 1 ? "cron(0 5 ? * * *)" : "cron(0 5 ? * SUN *)");
		return 0;
	}
	return -1;
}

/* A corrected expression for the common mistakes (Unix cron's five
 * fields, '*' in both day fields, rate(), a missing cron(...) wrapper), or
 * -1 when there is no confident correction. */
static int suggest_fix(const char *s, size_t len, char *out, size_t n)
{
	char cur[256], next[256];
	struct cron c;
	struct cron_error e;
	int round;

	if (len >= sizeof(cur))
		return -1;
	memcpy(cur, s, len);
	cur[len] = '\0';
	for (round = 0; round < 4; round++) {
		size_t cl = strlen(cur);
		if (cron_parse(cur, cl, &c, &e) == 0) {
			if (round == 0)
				return -1;
			snprintf(out, n, "%s", cur);
			return 0;
		}
		switch (e.kind) {
		case CRON_ERR_RATE:
			if (rate_to_cron(cur, cl, next, sizeof(next)))
				return -1;
			break;
		case CRON_ERR_UNWRAPPED:
			snprintf(next, sizeof(next), "cron(%s)", cur);
			break;
		case CRON_ERR_CASE:
			snprintf(next, sizeof(next), "cron%s", cur + 4);
			break;
		case CRON_ERR_SPACE: {
			size_t a = 0, b = cl;
			while (a < b && isspace((unsigned char)cur[a]))
				a++;
			while (b > a && isspace((unsigned char)cur[b - 1]))
				b--;
			snprintf(next, sizeof(next), "%.*s", (int)(b - a), cur + a);
			break;
		}
		case CRON_ERR_FIELDS:
			/* only the Unix five-field form: add the Year */
			if (!strstr(e.msg, "Year field is missing") || cl < 1)
				return -1;
			snprintf(next, sizeof(next), "%.*s *)", (int)(cl - 1), cur);
			break;
		case CRON_ERR_DAYS_BOTH:
		case CRON_ERR_DAYS_NONE:
			if (e.len != 1 || (e.kind == CRON_ERR_DAYS_BOTH && cur[e.off] != '*'))
				return -1;
			snprintf(next, sizeof(next), "%s", cur);
			next[e.off] = e.kind == CRON_ERR_DAYS_BOTH ? '?' : '*';
			break;
		default:
			return -1;
		}
		memcpy(cur, next, sizeof(cur));
	}
	return -1;
}

/* ---- the checks ---- */

static void field_text(const char *s, const struct cron *c, int f, char *out,
		       size_t n)
{
	snprintf(out, n, "%.*s", (int)c->field[f].len, s + c->field[f].off);
}

static void check_frequency(struct doc *d, const struct val *v, const char *s,
			    const struct cron *c)
{
	int per_hour = cron_minutes_count(c), gap;
	char mins[64], fixed[256];
	struct diag *dg;
	int first;

	if (per_hour <= 1)
		return;
	cron_day_firings(c, &gap);
	field_text(s, c, CRON_MIN, mins, sizeof(mins));
	dg = report_in_string(d, BKP602, v, c->field[CRON_MIN].off,
			      c->field[CRON_MIN].len,
			      "ScheduleExpression fires %d times an hour (Minutes '%s'), as little as %d minute%s apart; AWS Backup takes a backup at most once an hour%s",
			      per_hour, mins, gap, gap == 1 ? "" : "s", v->note);
	if (!dg)
		return;
	first = __builtin_ctzll(c->minutes);
	snprintf(fixed, sizeof(fixed), "%.*s%d%s", (int)c->field[CRON_MIN].off, s,
		 first, s + c->field[CRON_MIN].off + c->field[CRON_MIN].len);
	diag_hint(d->file, dg, "use a single minute: %s", fixed);
}

/* A small per-thread memo of recent answers by string (documents often
 * repeat one schedule or zone in every rule; a never-firing schedule costs a
 * scan of the calendar). Direct-mapped: a collision just recomputes. */
struct memo {
	char key[88];
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

enum fire_status {
	FIRES,       /* on some day from today on */
	FIRED,       /* only before today */
	NEVER,       /* on no day at all */
};

/* Can day-of-month fit any of the months at all (February counting 29)? */
static int days_fit_months(const struct cron *c)
{
	int m;

	for (m = 1; m <= 12; m++) {
		int dim = m == 2 ? 29 : cron_days_in_month(2001, m);
		uint32_t fit = (uint32_t)(((1ULL << (dim + 1)) - 1) & ~1ULL);
		if (((c->months >> m) & 1) && (c->days & fit))
			return 1;
	}
	return 0;
}

static int fire_status(const struct cron *c)
{
	struct cron_time from, out;

	if (c->dom_mode == CRON_DOM_SET && !days_fit_months(c))
		return NEVER;
	pthread_once(&today_once, today_init);
	from = today;
	from.hour = 0;
	from.min = 0;
	/* cron_next() looks strictly after `from`: a firing at 00:00 today is
	 * the only one missed, and only cron_fires_on() can tell. */
	if (cron_fires_on(c, today.year, today.mon, today.day) ||
	    cron_next(c, &from, &out) == 0)
		return FIRES;
	from.year = CRON_YEAR_MIN;
	from.mon = 1;
	from.day = 1;
	if (cron_fires_on(c, from.year, 1, 1) || cron_next(c, &from, &out) == 0)
		return FIRED;
	return NEVER;
}

static _Thread_local struct memo fire_memo[MEMO_SLOTS];

static void check_fires(struct doc *d, const struct val *v, const char *s,
			const struct cron *c)
{
	struct diag *dg;
	char years[64], days[64], months[64];
	struct memo *m;
	int df, st, hit;

	m = memo_find(fire_memo, s, &hit);
	if (hit) {
		st = m->val;
	} else {
		st = fire_status(c);
		memo_store(m, s, st, NULL);
	}
	if (st == FIRES)
		return;
	field_text(s, c, CRON_YEAR, years, sizeof(years));
	if (st == FIRED) {
		dg = report_in_string(d, BKP603, v, c->field[CRON_YEAR].off,
				      c->field[CRON_YEAR].len,
				      "ScheduleExpression never fires again: every date it matches (Year '%s') is in the past%s",
				      years, v->note);
		if (dg)
			diag_hint(d->file, dg,
				  "use * for the Year, or a range that reaches beyond today");
		return;
	}
	df = c->dom_mode == CRON_DOM_ANY ? CRON_DOW : CRON_DOM;
	field_text(s, c, df, days, sizeof(days));
	field_text(s, c, CRON_MON, months, sizeof(months));
	dg = report_in_string(d, BKP603, v, c->field[df].off, c->field[df].len,
			      "ScheduleExpression never fires: no date matches %s '%s' in Month '%s'%s%s%s%s",
			      cron_field_name(df), days, months,
			      strcmp(years, "*") ? " and Year '" : "",
			      strcmp(years, "*") ? years : "",
			      strcmp(years, "*") ? "'" : "", v->note);
	/* Days 29-31 only: the user meant the end of the month. */
	if (dg && df == CRON_DOM && c->dom_mode == CRON_DOM_SET &&
	    (c->days & 0x1FFFFFFFEU) == (c->days & 0xE0000000U)) {
		char fixed[256];
		snprintf(fixed, sizeof(fixed), "%.*sL%s", (int)c->field[CRON_DOM].off, s,
			 s + c->field[CRON_DOM].off + c->field[CRON_DOM].len);
		diag_hint(d->file, dg, "for the last day of the month use L: %s", fixed);
	}
}

static void check_expression(struct doc *d, const struct node *rule)
{
	struct val v;
	struct cron c;
	struct cron_error e;
	const char *s;
	char fix[256];
	struct diag *dg;

	if (!get_val(d, rule, "ScheduleExpression", &v) || !node_is(v.v, N_STR))
		return;
	s = v.v->u.str;
	if (cron_parse(s, v.v->len, &c, &e) != 0) {
		dg = report_in_string(d, BKP601, &v, e.off, e.len,
				      "invalid ScheduleExpression: %s%s", e.msg,
				      v.note);
		if (dg && e.kind == CRON_ERR_SPACE && v.v->style == S_BLOCK)
			diag_hint(d->file, dg,
				  "a YAML block scalar (| or >) keeps its final line break: use |- or a plain scalar");
		else if (dg && suggest_fix(s, v.v->len, fix, sizeof(fix)) == 0)
			diag_hint(d->file, dg, "did you mean %s?", fix);
		else if (dg && e.kind == CRON_ERR_RATE)
			diag_hint(d->file, dg,
				  "AWS Backup runs at most hourly; e.g. cron(0 * ? * * *) is every hour, cron(0 5 ? * * *) daily at 05:00");
		return;
	}
	check_frequency(d, &v, s, &c);
	check_fires(d, &v, s, &c);
}

static _Thread_local struct memo zone_memo[MEMO_SLOTS];

static const char *zone_suggest_memo(const char *name)
{
	int hit;
	struct memo *m = memo_find(zone_memo, name, &hit);
	const char *sug;

	if (hit)
		return m->ptr;
	sug = zone_suggest(name);
	memo_store(m, name, 0, sug);
	return sug;
}

static void check_timezone(struct doc *d, const struct node *rule)
{
	struct val v;
	const char *name, *sug;
	struct diag *dg;
	int h, m;

	if (!get_val(d, rule, "ScheduleExpressionTimezone", &v) ||
	    !node_is(v.v, N_STR))
		return;
	name = v.v->u.str;
	/* an embedded NUL (from \u0000) is the loader's finding */
	if (strlen(name) != v.v->len)
		return;
	pthread_once(&zones_once, zones_init);
	if (!nzones || zone_known(name))
		return;
	dg = report(d, BKP606, v.at,
		    "ScheduleExpressionTimezone '%.100s' is not an IANA time zone name%s",
		    name, v.note);
	if (!dg)
		return;
	if (utc_offset(name, &h, &m) && m)
		diag_hint(d->file, dg,
			  "UTC offsets are not zone names, and Etc/ zones cover whole hours only: name the zone of the place, such as Asia/Kolkata");
	else if (utc_offset(name, &h, &m))
		diag_hint(d->file, dg,
			  "use a zone name: Etc/GMT%+d is UTC%+d (the Etc/ sign is inverted), or name the city's zone to follow its daylight saving time",
			  -h, h);
	else if ((sug = zone_suggest_memo(name)) != NULL)
		diag_hint(d->file, dg, "did you mean '%s'?", sug);
	else
		diag_hint(d->file, dg,
			  "use an IANA name such as Etc/UTC, Europe/Paris or America/New_York");
}

static void check_windows(struct doc *d, const struct node *rule, int cfn)
{
	struct val sv, cv;
	long long st = 0, co = 0;
	int has_s, has_c;
	struct diag *dg;

	has_s = get_minutes(d, rule, "StartWindowMinutes", cfn, &sv, &st);
	has_c = get_minutes(d, rule, "CompletionWindowMinutes", cfn, &cv, &co);
	sv.note[0] = has_s ? sv.note[0] : '\0';
	if (has_s && st < START_WINDOW_MIN) {
		dg = report(d, BKP604, sv.at,
			    "StartWindowMinutes is %lld but AWS Backup requires at least %d%s",
			    st, START_WINDOW_MIN, sv.note);
		if (dg)
			diag_hint(d->file, dg,
				  "set StartWindowMinutes to %d or more, or omit it for the default of %d (8 hours)",
				  START_WINDOW_MIN, START_WINDOW_DEFAULT);
	}
	/* A window that is present but unknown (an intrinsic, or a type the
	 * schema family reports) says nothing about the other. */
	if ((!has_s && map_get(rule, "StartWindowMinutes")) ||
	    (!has_c && map_get(rule, "CompletionWindowMinutes")))
		return;
	if (has_c && co <= (has_s ? st : START_WINDOW_DEFAULT)) {
		dg = report(d, BKP605, cv.at,
			    "CompletionWindowMinutes is %lld, not more than StartWindowMinutes %lld%s: the completion window counts from the scheduled time, so a job that starts late can expire at once%s%s",
			    co, has_s ? st : (long long)START_WINDOW_DEFAULT,
			    has_s ? "" : " (AWS's default, assumed because StartWindowMinutes is omitted)",
			    cv.note, sv.note);
		if (dg)
			diag_hint(d->file, dg,
				  "make CompletionWindowMinutes larger than StartWindowMinutes by the time a backup needs (AWS's default is %d, 7 days)",
				  COMPLETION_WINDOW_DEFAULT);
	} else if (has_s && !has_c && st >= COMPLETION_WINDOW_DEFAULT) {
		dg = report(d, BKP605, sv.at,
			    "StartWindowMinutes is %lld but CompletionWindowMinutes is omitted, so AWS's default of %d applies, which is not more than the start window: a job that starts late can expire at once%s",
			    st, COMPLETION_WINDOW_DEFAULT, sv.note);
		if (dg)
			diag_hint(d->file, dg,
				  "set CompletionWindowMinutes above %lld", st);
	}
}

/* ---- BKP607: overlapping rules ---- */

/* What the overlap check needs to know about one rule; `ok` is 0 when
 * something it depends on is unknown. */
struct rule_info {
	const struct node *rule;
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

#define DEFAULT_SCHEDULE "cron(0 5 ? * * *)"
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

static void rule_info(struct doc *d, const struct node *rule, int cfn,
		      struct rule_info *ri)
{
	struct val v;
	struct cron_error e;
	const struct node *lc;
	long long n;

	memset(ri, 0, sizeof(*ri));
	ri->rule = rule;
	ri->name = node_str(map_get(rule, "RuleName"));
	if (map_get(rule, "ScheduleExpression")) {
		if (!get_val(d, rule, "ScheduleExpression", &v) || !node_is(v.v, N_STR))
			return;
		ri->expr_at = v.at;
		ri->expr = v.v->u.str;
	} else {
		ri->expr = DEFAULT_SCHEDULE;
	}
	if (cron_parse(ri->expr, strlen(ri->expr), &ri->c, &e) != 0)
		return;
	ri->tz = "UTC";
	if (map_get(rule, "ScheduleExpressionTimezone")) {
		if (!get_val(d, rule, "ScheduleExpressionTimezone", &v) ||
		    !node_is(v.v, N_STR))
			return;
		ri->tz = v.v->u.str;
	}
	ri->start = START_WINDOW_DEFAULT;
	if (map_get(rule, "StartWindowMinutes")) {
		if (!get_minutes(d, rule, "StartWindowMinutes", cfn, &v, &n))
			return;
		ri->start = n;
	}
	/* Continuous backups are not scheduled snapshots: not compared. */
	if (map_get(rule, "EnableContinuousBackup")) {
		int on;
		if (!get_val(d, rule, "EnableContinuousBackup", &v))
			return;
		if (node_is(v.v, N_BOOL))
			on = v.v->u.b;
		else if (cfn && node_is(v.v, N_STR))
			on = strcasecmp(v.v->u.str, "false") != 0;
		else
			return;
		if (on)
			return;
	}
	ri->keep = LLONG_MAX;
	lc = map_get(rule, "Lifecycle");
	if (lc) {
		enum cfn_known how;
		lc = cfn_value(d, lc, &how);
		if (how == CFN_UNKNOWN || !node_is(lc, N_MAP))
			return;
		if (map_get(lc, "DeleteAfterDays")) {
			if (!get_minutes(d, lc, "DeleteAfterDays", cfn, &v, &n))
				return;
			ri->keep = n == -1 ? LLONG_MAX : n;
			ri->keep_at = v.at;
		}
	}
	ri->ok = day_times(ri);
}

/* The start times of a rule within a day, at most 24 (a rule that fires
 * more often is BKP602's and not compared). Returns 0 when there are more. */
static int day_times(struct rule_info *ri)
{
	int h, m;

	ri->ntimes = 0;
	for (h = 0; h < 24; h++) {
		if (!((ri->c.hours >> h) & 1))
			continue;
		for (m = 0; m < 60; m++) {
			if (!((ri->c.minutes >> m) & 1))
				continue;
			if (ri->ntimes == 24)
				return 0;
			ri->times[ri->ntimes++] = (short)(h * 60 + m);
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
	ri->days = arena_zalloc(&d->arena, DAY_WORDS * sizeof(uint64_t));
	pthread_once(&today_once, today_init);
	t = today;
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
	id = cfn_ref_target(v);
	return id ? id : "?";
}

/* The first copy destination of `loser` that `winner` certainly does not
 * copy to, or NULL (also when that cannot be known). */
static const struct node *lost_copy(struct doc *d, const struct rule_info *loser,
				    const struct rule_info *winner)
{
	const struct node *la = map_get(loser->rule, "CopyActions");
	const struct node *wa = map_get(winner->rule, "CopyActions");
	uint32_t i, j;

	if (!node_is(la, N_SEQ) || (wa && !node_is(wa, N_SEQ)))
		return NULL;
	for (i = 0; i < la->len; i++) {
		const struct node *dst = map_get(seq_at(la, i), "DestinationBackupVaultArn");
		int lost = 1;
		if (!dst)
			continue;
		for (j = 0; wa && j < wa->len && lost; j++) {
			const struct node *o = map_get(seq_at(wa, j), "DestinationBackupVaultArn");
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

static void keep_text(long long keep, char *buf, size_t n)
{
	if (keep == LLONG_MAX)
		snprintf(buf, n, "kept indefinitely");
	else
		snprintf(buf, n, "DeleteAfterDays %lld", keep);
}

static void check_overlap(struct doc *d, const struct plan_ref *p,
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
		const char *vk = key_target_vault(p->cfn);
		char klo[48], khi[48];
		struct diag *dg;
		int others = 0;

		if (!lo->ok)
			continue;
		vault_lo = map_get(lo->rule, vk);
		for (j = 0; j < n; j++) {
			struct rule_info *o = &ri[j];
			const struct node *vault_o, *lost;
			if (i == j || !o->ok || lo->keep >= o->keep ||
			    !same_zone(lo->tz, o->tz))
				continue;
			vault_o = map_get(o->rule, vk);
			lost = lost_copy(d, lo, o);
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
		keep_text(lo->keep, klo, sizeof(klo));
		keep_text(hi->keep, khi, sizeof(khi));
		at = lo->expr_at ? lo->expr_at : map_get(lo->rule, "RuleName");
		if (!at)
			at = lo->rule;
		dg = report(d, BKP607, at,
			    "rule '%s' (%.80s, %s) and rule '%s' (%.80s, %s)%s start in overlapping windows on some days; AWS Backup then takes only the backup that is kept longer, so on those days %s%s%s",
			    lo->name ? lo->name : "?", lo->expr, klo,
			    hi->name ? hi->name : "?", hi->expr, khi,
			    others ? " (and other rules)" : "",
			    dst ? "no copy goes to " : "nothing lands in the vault ",
			    describe(dst ? dst : vault_lo),
			    dst ? "" : " of the shorter-kept rule");
		if (dg)
			diag_hint(d->file, dg,
				  "move the schedules apart by more than the start window (StartWindowMinutes %lld), or give '%s' the same %s",
				  lo->start > hi->start ? lo->start : hi->start,
				  hi->name ? hi->name : "?",
				  dst ? "CopyActions" : "target vault");
	}
}

/* ---- BKP608: retention shorter than the interval ---- */

#define GAP_HORIZON_DAYS 800

static _Thread_local struct memo gap_memo[MEMO_SLOTS];

/* The longest time between two backups of the rule, in minutes, or -1. */
static long long rule_gap(const struct rule_info *ri)
{
	struct cron_time from;
	struct memo *m;
	long long gap;
	int hit;

	m = memo_find(gap_memo, ri->expr, &hit);
	if (hit)
		return m->val;
	pthread_once(&today_once, today_init);
	from = today;
	from.hour = 0;
	from.min = 0;
	gap = cron_max_gap(&ri->c, &from, GAP_HORIZON_DAYS);
	memo_store(m, ri->expr, (int)gap, NULL);
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
static int every_day(const struct cron *c)
{
	int y;

	if (c->months != 0x1FFE)
		return 0;
	if (!(c->dom_mode == CRON_DOM_SET && c->days == 0xFFFFFFFEU) &&
	    !(c->dow_mode == CRON_DOW_SET && c->weekdays == 0xFE))
		return 0;
	pthread_once(&today_once, today_init);
	for (y = today.year; y <= CRON_YEAR_MAX; y++) {
		int b = y - CRON_YEAR_MIN;
		if (!((c->years[b / 64] >> (b % 64)) & 1))
			return 0;
	}
	return 1;
}

/* 0 when this rule settles BKP608 for its plan without a calendar scan:
 * something about it is unknown (it may keep backups), or it keeps them
 * indefinitely, or it backs up every day and keeps them a day or more. */
static int gap_possible(const struct rule_info *ri)
{
	return ri->ok && ri->keep != LLONG_MAX &&
	       !(ri->keep >= 1 && every_day(&ri->c));
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
	/* days from civil, as in cron.c; kept local to stay out of its API */
	int y = t->year - (t->mon <= 2), m = t->mon;
	long long era = (y >= 0 ? y : y - 399) / 400, yoe = y - era * 400;
	long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + t->day - 1;
	long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (era * 146097 + doe - 719468) * 1440 + t->hour * 60 + t->min;
}

#define GAP_MAX_FIRINGS 40000

/* 1 when the plan's recovery points, all rules together, leave a time with
 * nothing kept between its first backup and the end of the horizon. */
static int plan_has_gap(const struct rule_info *ri, uint32_t n)
{
	struct span_m *v = NULL;
	size_t nv = 0, cap = 0, k;
	long long horizon, covered;
	struct cron_time from;
	uint32_t i;
	int gap = 0;

	pthread_once(&today_once, today_init);
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
	uint32_t i;

	for (i = 0; i < n; i++)
		if (!gap_possible(&ri[i]))
			return;
	for (i = 0; i < n; i++) {
		long long gap;
		gap = rule_gap(&ri[i]);
		if (gap < 0 || ri[i].keep * 1440 >= gap)
			return;
	}
	if (!plan_has_gap(ri, n))
		return;
	for (i = 0; i < n; i++) {
		long long gap = rule_gap(&ri[i]);
		char every[48], hole[48];
		struct diag *dg;

		if (!ri[i].keep_at)
			continue;
		fmt_minutes(gap, every, sizeof(every));
		fmt_minutes(gap - ri[i].keep * 1440, hole, sizeof(hole));
		dg = report(d, BKP608, ri[i].keep_at,
			    "DeleteAfterDays is %lld but rule '%s' backs up as rarely as every %s (%.80s): its recovery points expire up to %s before the next backup, and the plan's other rules do not fill the gap",
			    ri[i].keep, ri[i].name ? ri[i].name : "?", every,
			    ri[i].expr, hole);
		if (dg)
			diag_hint(d->file, dg,
				  "keep recovery points at least %lld days, or back up more often",
				  (gap + 1439) / 1440);
	}
}

/* The checks that compare the rules of one plan. */
static void check_plan(struct doc *d, const struct plan_ref *p)
{
	const struct node *rs = p->rules;
	struct rule_info *ri;
	uint32_t i, n;

	if (!node_is(rs, N_SEQ) || rs->len == 0)
		return;
	if (d->opt && d->opt->disabled[BKP607] && d->opt->disabled[BKP608])
		return;
	n = rs->len;
	/* Not zeroed as a whole: on a big plan one early rule usually
	 * settles it, and untouched pages of a big block cost no memory. */
	ri = arena_alloc(&d->arena, n * sizeof(*ri));
	for (i = 0; i < n; i++) {
		enum cfn_known how;
		const struct node *rule = cfn_value(d, seq_at(rs, i), &how);
		memset(&ri[i], 0, sizeof(ri[i]));
		if (how != CFN_UNKNOWN && node_is(rule, N_MAP))
			rule_info(d, rule, p->cfn, &ri[i]);
		/* Past the overlap limit only BKP608 is left, and one rule
		 * that always keeps a recovery point settles it. */
		if (n > MAX_OVERLAP_RULES && !gap_possible(&ri[i]))
			return;
	}
	check_overlap(d, p, ri, n);
	check_retention_gap(d, ri, n);
}

static void rule_hook(struct doc *d, const struct node *rule,
		      const struct plan_ref *p)
{
	check_expression(d, rule);
	check_timezone(d, rule);
	check_windows(d, rule, p->cfn);
}

void schedule_check_doc(struct doc *d)
{
	struct plan_ref *plans;
	size_t np, i;

	if (!d->root)
		return;
	each_rule(d, rule_hook);
	np = doc_plans(d, &plans);
	for (i = 0; i < np; i++)
		check_plan(d, &plans[i]);
}
