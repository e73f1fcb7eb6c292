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
#include "registry.h"
#include "../linter/embedded.h"
#include "aws.h"
#include "calendar.h"
#include "cfn.h"
#include "model.h"


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

/* ---- spans inside strings ---- */

/* Report rule r at bytes [off, off+len) of the string value v, or at the
 * value as written when the string is not verbatim in the source. */
__attribute__((format(printf, 6, 7)))
static struct diag *report_in_string(struct doc *d, enum rule_id r,
				     const struct value *v, uint32_t off,
				     uint32_t len, const char *fmt, ...)
{
	char msg[600];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (!node_verbatim(value_lit(v)) || len == 0 || off + len > value_lit(v)->len)
		return report(d, r, v->at, "%s", msg);
	return report_sub(d, r, value_lit(v), off, len, "%s", msg);
}

/* ---- BKP601 fixes ---- */

/* A cron() equivalent of rate(N unit) that AWS Backup can run, or -1.
 * *approx is set when the cron runs at another frequency (rate(30
 * minutes): AWS Backup runs at most hourly). */
static int rate_to_cron(const char *s, size_t len, char *out, size_t n,
			int *approx)
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
		if (num % 60) {
			*approx = 1;
			return snprintf(out, n, "cron(0 * ? * * *)") < 0 ? -1 : 0;
		}
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
 * -1 when there is no confident correction. *how: 0 the same schedule
 * written right; 1 from a rate(), at its frequency but at a time of day
 * chosen here; 2 from a rate() AWS Backup cannot run that often. */
static int suggest_fix(const char *s, size_t len, char *out, size_t n, int *how)
{
	char cur[256], next[256];
	struct cron c;
	struct cron_error e;
	int round;

	if (len >= sizeof(cur))
		return -1;
	memcpy(cur, s, len);
	cur[len] = '\0';
	*how = 0;
	for (round = 0; round < 4; round++) {
		size_t cl = strlen(cur);
		if (cron_parse(cur, cl, &c, &e) == 0) {
			if (round == 0)
				return -1;
			snprintf(out, n, "%s", cur);
			return 0;
		}
		switch (e.kind) {
		case CRON_ERR_RATE: {
			int approx = 0;
			if (rate_to_cron(cur, cl, next, sizeof(next), &approx))
				return -1;
			*how = approx ? 2 : 1;
			break;
		}
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

static void check_frequency(struct doc *d, const struct value *v, const char *s,
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
			      "%s fires %d times an hour (Minutes '%s'), as little as %d minute%s apart; AWS Backup takes a backup at most once an hour%s",
			      fname(d, F_SCHEDULE), per_hour, mins, gap,
			      gap == 1 ? "" : "s", value_note(d, v));
	if (!dg)
		return;
	first = __builtin_ctzll(c->minutes);
	snprintf(fixed, sizeof(fixed), "%.*s%d%s", (int)c->field[CRON_MIN].off, s,
		 first, s + c->field[CRON_MIN].off + c->field[CRON_MIN].len);
	diag_hint(d->file, dg, "use a single minute: %s", fixed);
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

static int fire_status(const struct cron *c, struct cron_time today)
{
	struct cron_time from, out;

	if (c->dom_mode == CRON_DOM_SET && !days_fit_months(c))
		return NEVER;
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

static void check_fires(struct doc *d, const struct value *v, const char *s,
			const struct cron *c)
{
	struct diag *dg;
	char years[64], days[64], months[64];
	int df, st;

	st = fire_status(c, today_of(d));
	if (st == FIRES)
		return;
	field_text(s, c, CRON_YEAR, years, sizeof(years));
	if (st == FIRED) {
		dg = report_in_string(d, BKP603, v, c->field[CRON_YEAR].off,
				      c->field[CRON_YEAR].len,
				      "%s never fires again: every date it matches (Year '%s') is in the past%s",
				      fname(d, F_SCHEDULE), years, value_note(d, v));
		if (dg)
			diag_hint(d->file, dg,
				  "use * for the Year, or a range that reaches beyond today");
		return;
	}
	df = c->dom_mode == CRON_DOM_ANY ? CRON_DOW : CRON_DOM;
	field_text(s, c, df, days, sizeof(days));
	field_text(s, c, CRON_MON, months, sizeof(months));
	dg = report_in_string(d, BKP603, v, c->field[df].off, c->field[df].len,
			      "%s never fires: no date matches %s '%s' in Month '%s'%s%s%s%s",
			      fname(d, F_SCHEDULE), cron_field_name(df), days, months,
			      strcmp(years, "*") ? " and Year '" : "",
			      strcmp(years, "*") ? years : "",
			      strcmp(years, "*") ? "'" : "", value_note(d, v));
	/* Days 29-31 only: the user meant the end of the month. */
	if (dg && df == CRON_DOM && c->dom_mode == CRON_DOM_SET &&
	    (c->days & 0x1FFFFFFFEU) == (c->days & 0xE0000000U)) {
		char fixed[256];
		snprintf(fixed, sizeof(fixed), "%.*sL%s", (int)c->field[CRON_DOM].off, s,
			 s + c->field[CRON_DOM].off + c->field[CRON_DOM].len);
		diag_hint(d->file, dg, "for the last day of the month use L: %s", fixed);
	}
}

static void check_expression(struct doc *d, const struct value *v)
{
	struct cron c;
	struct cron_error e;
	const char *s;
	char fix[256];
	struct diag *dg;
	int how;

	if (!value_is(v, VT_STR))
		return;
	s = v->u.s;
	if (cron_parse(s, value_lit(v)->len, &c, &e) != 0) {
		dg = report_in_string(d, BKP601, v, e.off, e.len,
				      "invalid %s: %s%s", fname(d, F_SCHEDULE), e.msg,
				      value_note(d, v));
		if (dg && e.kind == CRON_ERR_SPACE && value_lit(v)->style == S_BLOCK)
			diag_hint(d->file, dg,
				  "a YAML block scalar (| or >) keeps its final line break: use |- or a plain scalar");
		else if (dg && suggest_fix(s, value_lit(v)->len, fix, sizeof(fix), &how) == 0) {
			diag_hint(d->file, dg, "did you mean %s?", fix);
			/* the same schedule: safe; a rate's frequency at a
			 * time of day chosen here: unsafe; another frequency:
			 * none. Not a Parameter's Default (shared). */
			if (how < 2 && v->at == value_lit(v))
				diag_fix_scalar(d->file, dg, how == 0, value_lit(v), fix,
						"replace '%s' with '%s'", s, fix);
		}
		else if (dg && e.kind == CRON_ERR_RATE)
			diag_hint(d->file, dg,
				  "AWS Backup runs at most hourly; e.g. cron(0 * ? * * *) is every hour, cron(0 5 ? * * *) daily at 05:00");
		return;
	}
	check_frequency(d, v, s, &c);
	check_fires(d, v, s, &c);
}

static void check_timezone(struct doc *d, const struct value *v)
{
	const char *name, *sug;
	struct diag *dg;
	int h, m;

	if (!value_is(v, VT_STR))
		return;
	name = v->u.s;
	/* an embedded NUL (from \u0000) is the loader's finding */
	if (strlen(name) != value_lit(v)->len)
		return;
	pthread_once(&zones_once, zones_init);
	if (!nzones || zone_known(name))
		return;
	dg = !*name ? report(d, BKP606, v->at, "%s is empty: it must be an IANA "
			     "time zone name%s", fname(d, F_TIMEZONE),
			     value_note(d, v))
	     : report(d, BKP606, v->at,
		      "%s '%.100s' is not an IANA time zone name%s",
		      fname(d, F_TIMEZONE), name, value_note(d, v));
	if (!dg)
		return;
	if (utc_offset(name, &h, &m) && m)
		diag_hint(d->file, dg,
			  "UTC offsets are not zone names, and Etc/ zones cover whole hours only: name the zone of the place, such as Asia/Kolkata");
	else if (utc_offset(name, &h, &m))
		diag_hint(d->file, dg,
			  "use a zone name: Etc/GMT%+d is UTC%+d (the Etc/ sign is inverted), or name the city's zone to follow its daylight saving time",
			  -h, h);
	else if ((sug = zone_suggest(name)) != NULL)
		diag_hint(d->file, dg, "did you mean '%s'?", sug);
	else
		diag_hint(d->file, dg,
			  "use an IANA name such as Etc/UTC, Europe/Paris or America/New_York");
}

static void check_windows(struct doc *d, const struct rule_m *rm)
{
	const struct aws_consts *a = aws();
	const struct dialect *dl = dialect_of(d); /* Terraform's provider
						   * sends its own defaults */
	const struct value *sv = &rm->start, *cv = &rm->completion;
	const char *ns = fname(d, F_START_WINDOW), *nc = fname(d, F_COMPLETION_WINDOW);
	int has_s = value_is(sv, VT_INT), has_c = value_is(cv, VT_INT);
	long long st = has_s ? sv->u.i : 0, co = has_c ? cv->u.i : 0;
	struct diag *dg;

	if (has_s && st < a->start_min) {
		dg = report(d, BKP604, sv->at,
			    "%s is %lld but AWS Backup requires at least %lld%s", ns,
			    st, a->start_min, value_note(d, sv));
		if (dl->has_dflt[F_START_WINDOW])
			diag_hint(d->file, dg,
				  "set %s to %lld or more, or omit it for the provider's default of %lld",
				  ns, a->start_min, dl->dflt[F_START_WINDOW]);
		else
			diag_hint(d->file, dg,
				  "set %s to %lld or more, or omit it for the default of %lld (%lld hours)",
				  ns, a->start_min, a->start_default, a->start_default / 60);
	}
	/* A window that is present but unknown (an intrinsic, or a type the
	 * schema family reports) says nothing about the other. */
	if ((!has_s && sv->state != VS_ABSENT) || (!has_c && cv->state != VS_ABSENT))
		return;
	if (has_c && co <= (has_s ? st : a->start_default)) {
		dg = report(d, BKP605, cv->at,
			    "%s is %lld, not more than %s %lld%s: the completion window counts from the scheduled time, so a job that starts late can expire at once%s%s",
			    nc, co, ns, has_s ? st : a->start_default,
			    has_s ? "" : arena_printf(&d->arena,
				    " (AWS's default, assumed because %s is omitted)", ns),
			    value_note(d, cv), has_s ? value_note(d, sv) : "");
		if (dl->has_dflt[F_COMPLETION_WINDOW])
			diag_hint(d->file, dg,
				  "make %s larger than %s by the time a backup needs (the provider's default is %lld minutes)",
				  nc, ns, dl->dflt[F_COMPLETION_WINDOW]);
		else
			diag_hint(d->file, dg,
				  "make %s larger than %s by the time a backup needs (AWS's default is %lld, %lld days)",
				  nc, ns, a->completion_default, a->completion_default / 1440);
	} else if (has_s && !has_c && st >= a->completion_default) {
		dg = report(d, BKP605, sv->at,
			    "%s is %lld but %s is omitted, so AWS's default of %lld applies, which is not more than the start window: a job that starts late can expire at once%s",
			    ns, st, nc, a->completion_default, value_note(d, sv));
		diag_hint(d->file, dg, "set %s above %lld", nc, st);
	}
}
void schedule_check_doc(struct doc *d)
{
	struct doc_model *m = model_of(d);
	size_t i, j;

	for (i = 0; i < m->nplans; i++) {
		const struct plan_m *p = &m->plans[i];
		for (j = 0; j < p->nrules; j++) {
			const struct rule_m *rm = &p->rules[j];
			const struct value *v;
			size_t k, n;
			/* in every branch an undecided Fn::If may take */
			n = value_variants(&rm->schedule, &v);
			for (k = 0; k < n; k++)
				check_expression(d, &v[k]);
			n = value_variants(rm->timezone, &v);
			for (k = 0; k < n; k++)
				check_timezone(d, &v[k]);
			check_windows(d, rm);
		}
		calendar_check_plan(d, p);
	}
}
