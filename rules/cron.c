/* cron.c - parse and analyse AWS cron(...) schedule expressions (see cron.h). */
#include "cron.h"

#include "../linter/utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

struct field_info {
	const char *name;
	int min, max;
	int max_step;
	const char *const *names; /* three-letter names for min..max, or NULL */
	const char *range_text;   /* for messages */
};

static const char *const month_names[] = {
	"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
	"JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
};
static const char *const dow_names[] = {
	"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT",
};

static const struct field_info fields[CRON_NFIELDS] = {
	[CRON_MIN]  = { "Minutes", 0, 59, 59, NULL, "0-59" },
	[CRON_HOUR] = { "Hours", 0, 23, 23, NULL, "0-23" },
	[CRON_DOM]  = { "Day-of-month", 1, 31, 31, NULL, "1-31" },
	[CRON_MON]  = { "Month", 1, 12, 12, month_names, "1-12 or JAN-DEC" },
	[CRON_DOW]  = { "Day-of-week", 1, 7, 7, dow_names, "1-7 or SUN-SAT" },
	[CRON_YEAR] = { "Year", CRON_YEAR_MIN, CRON_YEAR_MAX,
			CRON_YEAR_MAX - CRON_YEAR_MIN, NULL, "1970-2199" },
};

const char *cron_field_name(enum cron_field f)
{
	return (unsigned)f < CRON_NFIELDS ? fields[f].name : "expression";
}

__attribute__((format(printf, 5, 6)))
static int fail(struct cron_error *err, int field, size_t off, size_t len,
		const char *fmt, ...)
{
	va_list ap;

	err->field = field;
	err->off = (uint32_t)off;
	err->len = (uint32_t)len;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return -1;
}

__attribute__((format(printf, 6, 7)))
static int fail_kind(struct cron_error *err, int kind, int field, size_t off,
		     size_t len, const char *fmt, ...)
{
	va_list ap;

	err->kind = kind;
	err->field = field;
	err->off = (uint32_t)off;
	err->len = (uint32_t)len;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return -1;
}

static int is_sep(char c)
{
	return c == ' ' || c == '\t';
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int upper(char c)
{
	return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c;
}

/* A printable rendering of the character at p (before end) for messages:
 * 'x', 'é' (U+00E9), a control character as U+0009. */
static const char *show_char(const char *p, const char *end, char buf[32])
{
	long cp;
	size_t n = utf8_decode((const unsigned char *)p, (size_t)(end - p), &cp);

	if (cp >= 0x20 && cp < 0x7f)
		snprintf(buf, 32, "'%c'", *p);
	else if (cp >= 0xa0)
		snprintf(buf, 32, "'%.*s' (U+%04lX)", (int)n, p, cp);
	else if (cp >= 0)
		snprintf(buf, 32, "U+%04lX", cp);
	else
		snprintf(buf, 32, "a byte that is not UTF-8");
	return buf;
}

static void set_bit(struct cron *c, int f, int v)
{
	switch (f) {
	case CRON_MIN:
		c->minutes |= 1ULL << v;
		break;
	case CRON_HOUR:
		c->hours |= 1U << v;
		break;
	case CRON_DOM:
		c->days |= 1U << v;
		break;
	case CRON_MON:
		c->months |= (uint16_t)(1U << v);
		break;
	case CRON_DOW:
		c->weekdays |= (uint8_t)(1U << v);
		break;
	case CRON_YEAR:
		v -= CRON_YEAR_MIN;
		c->years[v / 64] |= 1ULL << (v % 64);
		break;
	}
}

struct scan {
	const char *s;
	size_t pos, end;     /* the current item is s[pos..end) */
	int f;
	struct cron_error *err;
};

/* Read a number or (Month, Day-of-week) a three-letter name at sc->pos. */
static int read_value(struct scan *sc, int *out)
{
	const struct field_info *fi = &fields[sc->f];
	size_t start = sc->pos, p = sc->pos;
	char cb[32];

	if (p < sc->end && is_digit(sc->s[p])) {
		long v = 0;
		while (p < sc->end && is_digit(sc->s[p])) {
			if (v < 100000)
				v = v * 10 + (sc->s[p] - '0');
			p++;
		}
		if (v < fi->min || v > fi->max)
			return fail(sc->err, sc->f, start, p - start,
				    "%s value %.*s is out of range %s", fi->name,
				    (int)(p - start), sc->s + start, fi->range_text);
		sc->pos = p;
		*out = (int)v;
		return 0;
	}
	if (p < sc->end && is_alpha(sc->s[p])) {
		size_t n;
		int i;
		while (p < sc->end && is_alpha(sc->s[p]))
			p++;
		n = p - start;
		/* "5L"-style suffixes are handled by the caller; a lone letter
		 * here is a special character in the wrong place. */
		if (!fi->names) {
			if (n == 1 && sc->f == CRON_DOM && upper(sc->s[start]) == 'W')
				return fail(sc->err, sc->f, start, 1,
					    "'W' must follow a day of the month (e.g. 15W for the weekday nearest the 15th)");
			if (n == 1 && strchr("LW", upper(sc->s[start])))
				return fail(sc->err, sc->f, start, 1,
					    "'%c' is allowed only in Day-of-month%s, not in %s",
					    upper(sc->s[start]),
					    upper(sc->s[start]) == 'L' ? " and Day-of-week" : "",
					    fi->name);
			return fail(sc->err, sc->f, start, n,
				    "%s expects a number (%s), not '%.*s'", fi->name,
				    fi->range_text, (int)n, sc->s + start);
		}
		if (n == 3) {
			for (i = 0; i <= fi->max - fi->min; i++) {
				const char *nm = fi->names[i];
				if (upper(sc->s[start]) == nm[0] &&
				    upper(sc->s[start + 1]) == nm[1] &&
				    upper(sc->s[start + 2]) == nm[2]) {
					sc->pos = p;
					*out = fi->min + i;
					return 0;
				}
			}
		}
		return fail(sc->err, sc->f, start, n,
			    "%s name '%.*s' is not one of %s-%s", fi->name, (int)n,
			    sc->s + start, fi->names[0], fi->names[fi->max - fi->min]);
	}
	if (p < sc->end)
		return fail(sc->err, sc->f, p, 1, "unexpected %s in %s: expected %s",
			    show_char(sc->s + p, sc->s + sc->end, cb), fi->name, fi->range_text);
	return fail(sc->err, sc->f, start, 1, "%s: a value is missing here",
		    fi->name);
}

static int read_step(struct scan *sc, int *step)
{
	const struct field_info *fi = &fields[sc->f];
	size_t start = ++sc->pos, p = start;
	long v = 0;

	while (p < sc->end && is_digit(sc->s[p])) {
		if (v < 100000)
			v = v * 10 + (sc->s[p] - '0');
		p++;
	}
	if (p == start)
		return fail(sc->err, sc->f, start - 1, 1,
			    "%s: '/' must be followed by a step number", fi->name);
	if (v < 1 || v > fi->max_step)
		return fail(sc->err, sc->f, start, p - start,
			    "%s step %.*s is out of range 1-%d", fi->name,
			    (int)(p - start), sc->s + start, fi->max_step);
	sc->pos = p;
	*step = (int)v;
	return 0;
}

/* Add lo..hi (wrapping past max back to min when lo > hi) every `step`. */
static void add_range(struct cron *c, int f, int lo, int hi, int step)
{
	const struct field_info *fi = &fields[f];
	int size = fi->max - fi->min + 1;
	int count = (hi - lo + size) % size + 1;
	int i;

	if (f == CRON_YEAR && step == 1 && lo <= hi) {
		/* '*' in Year is 230 bits: set them a word at a time */
		int a = lo - CRON_YEAR_MIN, b = hi - CRON_YEAR_MIN, w;
		for (w = a / 64; w <= b / 64; w++) {
			int from = w == a / 64 ? a % 64 : 0;
			int to = w == b / 64 ? b % 64 : 63;
			uint64_t m = (to == 63 ? ~0ULL : (1ULL << (to + 1)) - 1) &
				     ~((1ULL << from) - 1);
			c->years[w] |= m;
		}
		return;
	}
	for (i = 0; i < count; i += step)
		set_bit(c, f, fi->min + (lo - fi->min + i) % size);
}

/* The item s[pos..end) is alone in its field: L, W and # may not be listed. */
static int must_be_alone(struct scan *sc, int alone, size_t off, size_t len,
			 const char *what)
{
	if (alone)
		return 0;
	return fail(sc->err, sc->f, off, len,
		    "%s '%.*s' cannot be combined with other values in a list",
		    what, (int)len, sc->s + off);
}

/* "15W", "6L": one value, then the letter that ends the item (already
 * seen). Reads the value into *v and moves past the item; 0, or -1 with
 * the error set. */
static int value_then_letter(struct scan *sc, int *v, char letter,
			     const char *field, const char *what, int alone,
			     size_t a, size_t n)
{
	size_t save_end = sc->end;
	sc->end--;
	if (read_value(sc, v))
		return -1;
	if (sc->pos != sc->end) {
		char cb[32];
		return fail(sc->err, sc->f, sc->pos, 1,
			    "unexpected %s in %s: '%c' follows a single %s",
			    show_char(sc->s + sc->pos, sc->s + sc->end, cb), field, letter, what);
	}
	sc->end = save_end;
	sc->pos = save_end;
	return must_be_alone(sc, alone, a, n, field);
}

/* Day-of-month specials: L, LW, nW. Returns 1 when handled, 0 when the item
 * is ordinary, -1 on error. */
static int dom_special(struct scan *sc, struct cron *c, int alone)
{
	const char *s = sc->s;
	size_t a = sc->pos, n = sc->end - sc->pos;

	if (upper(s[a]) == 'L') {
		if (n == 1 || (n == 2 && upper(s[a + 1]) == 'W')) {
			if (must_be_alone(sc, alone, a, n, "Day-of-month"))
				return -1;
			c->dom_mode = n == 1 ? CRON_DOM_LAST : CRON_DOM_LASTWD;
			return 1;
		}
		if (s[a + 1] == '-')
			return fail(sc->err, sc->f, a, n,
				    "Day-of-month offset '%.*s' is not supported by AWS cron (only L, LW and nW)",
				    (int)n, s + a);
		return fail(sc->err, sc->f, a, n,
			    "Day-of-month '%.*s' is not valid: expected L, LW, nW or 1-31",
			    (int)n, s + a);
	}
	if (n >= 2 && upper(s[sc->end - 1]) == 'W') {
		int v;
		if (value_then_letter(sc, &v, 'W', "Day-of-month", "day (e.g. 15W)",
				      alone, a, n))
			return -1;
		c->dom_mode = CRON_DOM_NEARWD;
		c->dom_n = v;
		return 1;
	}
	return 0;
}

/* Day-of-week specials: L, nL, n#k. Same returns as dom_special(). */
static int dow_special(struct scan *sc, struct cron *c, int alone)
{
	const char *s = sc->s;
	size_t a = sc->pos, n = sc->end - sc->pos;
	const char *hash = memchr(s + a, '#', n);
	int v;

	if (n == 1 && upper(s[a]) == 'L') {
		if (must_be_alone(sc, alone, a, n, "Day-of-week"))
			return -1;
		/* L alone is the last day of the week: Saturday. */
		c->weekdays |= 1U << 7;
		return 1;
	}
	if (hash) {
		size_t h = (size_t)(hash - s);
		long k = 0;
		size_t p;

		sc->end = h;
		if (read_value(sc, &v))
			return -1;
		if (sc->pos != h) {
			char cb[32];
			return fail(sc->err, sc->f, sc->pos, 1,
				    "unexpected %s in Day-of-week: '#' follows a single weekday (e.g. 3#2)",
				    show_char(s + sc->pos, s + sc->end, cb));
		}
		sc->end = a + n;
		for (p = h + 1; p < sc->end && is_digit(s[p]); p++)
			if (k < 1000)
				k = k * 10 + (s[p] - '0');
		if (p == h + 1 || p != sc->end)
			return fail(sc->err, sc->f, h, sc->end - h,
				    "Day-of-week '#' must be followed by a week number 1-5");
		if (k < 1 || k > 5)
			return fail(sc->err, sc->f, h + 1, p - h - 1,
				    "Day-of-week week number %ld is out of range 1-5 (a month has at most five of each weekday)",
				    k);
		if (must_be_alone(sc, alone, a, n, "Day-of-week"))
			return -1;
		sc->pos = sc->end;
		c->dow_mode = CRON_DOW_NTH;
		c->dow_n = v;
		c->dow_k = (int)k;
		return 1;
	}
	if (n >= 2 && upper(s[sc->end - 1]) == 'L' &&
	    (is_digit(s[a]) || n == 4)) {
		if (value_then_letter(sc, &v, 'L', "Day-of-week",
				      "weekday (e.g. 6L)", alone, a, n))
			return -1;
		c->dow_mode = CRON_DOW_LAST;
		c->dow_n = v;
		return 1;
	}
	return 0;
}

static int parse_item(struct scan *sc, struct cron *c, int alone)
{
	const struct field_info *fi = &fields[sc->f];
	const char *s = sc->s;
	size_t a = sc->pos;
	int lo, hi, step = 1, r;
	char cb[32];

	if (sc->end - a == 1 && s[a] == '?') {
		if (sc->f != CRON_DOM && sc->f != CRON_DOW)
			return fail(sc->err, sc->f, a, 1,
				    "'?' is allowed only in Day-of-month and Day-of-week, not in %s",
				    fi->name);
		if (!alone)
			return fail(sc->err, sc->f, a, 1,
				    "'?' cannot be combined with other values in %s", fi->name);
		if (sc->f == CRON_DOM)
			c->dom_mode = CRON_DOM_ANY;
		else
			c->dow_mode = CRON_DOW_ANY;
		sc->pos++;
		return 0;
	}
	if (sc->f == CRON_DOM && (r = dom_special(sc, c, alone)) != 0)
		return r < 0 ? -1 : 0;
	if (sc->f == CRON_DOW && (r = dow_special(sc, c, alone)) != 0)
		return r < 0 ? -1 : 0;

	if (s[a] == '*') {
		lo = fi->min;
		hi = fi->max;
		sc->pos++;
		if (sc->pos < sc->end && s[sc->pos] == '/' && read_step(sc, &step))
			return -1;
	} else {
		if (read_value(sc, &lo))
			return -1;
		hi = lo;
		if (sc->pos < sc->end && s[sc->pos] == '-') {
			size_t dash = sc->pos++;
			if (sc->pos >= sc->end)
				return fail(sc->err, sc->f, dash, 1,
					    "%s: range '%.*s' has no end", fi->name,
					    (int)(sc->pos - a), s + a);
			if (read_value(sc, &hi))
				return -1;
			if (hi < lo && sc->f == CRON_YEAR)
				return fail(sc->err, sc->f, a, sc->pos - a,
					    "Year range %.*s runs backwards",
					    (int)(sc->pos - a), s + a);
		}
		if (sc->pos < sc->end && s[sc->pos] == '/') {
			/* a/n: from a to the end of the field */
			if (hi == lo)
				hi = fi->max;
			if (read_step(sc, &step))
				return -1;
		}
	}
	if (sc->pos < sc->end) {
		char c0 = s[sc->pos];
		if (strchr("LW#", upper(c0)))
			return fail(sc->err, sc->f, sc->pos, 1,
				    "'%c' is not allowed here in %s", upper(c0), fi->name);
		return fail(sc->err, sc->f, sc->pos, 1, "unexpected %s in %s",
			    show_char(s + sc->pos, s + sc->end, cb), fi->name);
	}
	add_range(c, sc->f, lo, hi, step);
	return 0;
}

static int parse_field(const char *s, size_t a, size_t b, int f,
		       struct cron *c, struct cron_error *err)
{
	struct scan sc = { .s = s, .f = f, .err = err };
	size_t p = a;
	int alone = memchr(s + a, ',', b - a) == NULL;

	if (f == CRON_DOM)
		c->dom_star = b - a == 1 && s[a] == '*';
	if (f == CRON_DOW)
		c->dow_star = b - a == 1 && s[a] == '*';
	while (p <= b) {
		const char *comma = memchr(s + p, ',', b - p);
		size_t e = comma ? (size_t)(comma - s) : b;

		if (e == p)
			return fail(err, f, p < b ? p : (p ? p - 1 : 0), 1,
				    "%s: empty value in list", fields[f].name);
		sc.pos = p;
		sc.end = e;
		if (parse_item(&sc, c, alone))
			return -1;
		p = e + 1;
	}
	return 0;
}

static int parse_uncached(const char *s, size_t len, struct cron *c,
			  struct cron_error *err)
{
	size_t a, b, p, close;
	int nf = 0;
	size_t fa[8], fb[8];

	memset(c, 0, sizeof(*c));
	memset(err, 0, sizeof(*err));
	if (len == 0)
		return fail_kind(err, CRON_ERR_EMPTY, -1, 0, 0,
				 "the schedule expression is empty");
	if (len >= 5 && strncmp(s, "rate(", 5) == 0)
		return fail_kind(err, CRON_ERR_RATE, -1, 0, len,
			    "'%.*s' is a rate expression, which AWS Backup does not accept: use cron(...)",
			    (int)(len > 60 ? 60 : len), s);
	if (len < 5 || strncmp(s, "cron(", 5) != 0) {
		if (len >= 5 && upper(s[0]) == 'C' && upper(s[1]) == 'R' &&
		    upper(s[2]) == 'O' && upper(s[3]) == 'N' && s[4] == '(')
			return fail_kind(err, CRON_ERR_CASE, -1, 0, 4,
				    "'%.4s' must be written in lowercase: cron(...)", s);
		if (is_sep(s[0]) || s[0] == '\n')
			return fail_kind(err, CRON_ERR_SPACE, -1, 0, 1,
				    "the schedule expression starts with whitespace; it must start with cron(");
		if (is_digit(s[0]) || s[0] == '*' || s[0] == '?')
			return fail_kind(err, CRON_ERR_UNWRAPPED, -1, 0, len,
				    "'%.*s' must be wrapped in cron(...)",
				    (int)(len > 60 ? 60 : len), s);
		return fail(err, -1, 0, len,
			    "the schedule expression must have the form cron(Minutes Hours Day-of-month Month Day-of-week Year)");
	}
	{
		const char *q = memchr(s + 5, ')', len - 5);
		if (!q)
			return fail(err, -1, len - 1, 1,
				    "the cron expression has no closing ')'");
		close = (size_t)(q - s);
		if (close != len - 1) {
			size_t t = close + 1;
			while (t < len && (is_sep(s[t]) || s[t] == '\n' || s[t] == '\r'))
				t++;
			if (t == len)
				return fail_kind(err, CRON_ERR_SPACE, -1, close + 1,
						 len - close - 1,
					    "trailing whitespace after cron(...)");
		}
		if (close != len - 1)
			return fail(err, -1, close + 1, len - close - 1,
				    "unexpected text after the closing ')' of cron(...)");
	}
	c->body.off = 5;
	c->body.len = (uint32_t)(close - 5);
	a = 5;
	b = close;
	for (p = a; p < b; p++) {
		unsigned char u = (unsigned char)s[p];
		char cb[32];
		if ((u < 0x20 && u != '\t') || u == 0x7f)
			return fail(err, -1, p, 1,
				    "unexpected control character %s in cron(...)",
				    show_char(s + p, s + b, cb));
	}
	p = a;
	while (p < b) {
		size_t st;
		while (p < b && is_sep(s[p]))
			p++;
		if (p >= b)
			break;
		st = p;
		while (p < b && !is_sep(s[p]))
			p++;
		if (nf < 8) {
			fa[nf] = st;
			fb[nf] = p;
		}
		nf++;
	}
	if (nf == 0)
		return fail_kind(err, CRON_ERR_EMPTY, -1, 0, len,
			    "cron() is empty: it needs 6 fields (Minutes Hours Day-of-month Month Day-of-week Year)");
	if (nf < CRON_NFIELDS)
		return fail_kind(err, CRON_ERR_FIELDS, -1, fa[0], fb[nf - 1] - fa[0],
			    "cron() has %d field%s but AWS needs 6 (Minutes Hours Day-of-month Month Day-of-week Year)%s",
			    nf, nf == 1 ? "" : "s",
			    nf == 5 ? "; the Year field is missing" : "");
	if (nf > CRON_NFIELDS) {
		size_t last = nf <= 8 ? fb[nf - 1] : b;
		while (last > fa[6] && is_sep(s[last - 1]))
			last--;
		return fail_kind(err, CRON_ERR_FIELDS, -1, fa[6], last - fa[6],
			    "cron() has %d fields but AWS needs 6 (Minutes Hours Day-of-month Month Day-of-week Year)",
			    nf);
	}
	for (nf = 0; nf < CRON_NFIELDS; nf++) {
		c->field[nf].off = (uint32_t)fa[nf];
		c->field[nf].len = (uint32_t)(fb[nf] - fa[nf]);
		if (parse_field(s, fa[nf], fb[nf], nf, c, err))
			return -1;
	}
	if (c->dom_mode == CRON_DOM_ANY && c->dow_mode == CRON_DOW_ANY)
		return fail_kind(err, CRON_ERR_DAYS_NONE, CRON_DOW, fa[CRON_DOW],
				 fb[CRON_DOW] - fa[CRON_DOW],
			    "'?' is in both Day-of-month and Day-of-week; exactly one of them must be '?'");
	if (c->dom_mode != CRON_DOM_ANY && c->dow_mode != CRON_DOW_ANY) {
		int f = c->dom_star && !c->dow_star ? CRON_DOM : CRON_DOW;
		return fail_kind(err, CRON_ERR_DAYS_BOTH, f, fa[f], fb[f] - fa[f],
			    "Day-of-month '%.*s' and Day-of-week '%.*s' are both set; one of them must be '?'",
			    (int)(fb[CRON_DOM] - fa[CRON_DOM]), s + fa[CRON_DOM],
			    (int)(fb[CRON_DOW] - fa[CRON_DOW]), s + fa[CRON_DOW]);
	}
	return 0;
}

/* Plans repeat a handful of expressions across thousands of rules and
 * documents, and parsing one sets up to 230 year bits: keep the last results
 * of each thread, keyed by the exact text. Four ways per set: with one, two
 * expressions of a plan that hash alike evicted each other at every rule
 * (376 parses for the 11 expressions of 200 plans). Only expressions that
 * parse are kept (an error is a finding, rare, and its 200-byte message
 * would double a slot), and keys are short: the cache is thread-local
 * storage, which every process start zeroes. */
#define CACHE_SLOTS 64
#define CACHE_WAYS 4
#define CACHE_KEY 64

struct cache_slot {
	uint32_t len;
	char key[CACHE_KEY];
	struct cron c;
};

static __thread struct cache_slot cache[CACHE_SLOTS];
static __thread unsigned char cache_last[CACHE_SLOTS / CACHE_WAYS]; /* way hit last */

int cron_parse(const char *s, size_t len, struct cron *c, struct cron_error *err)
{
	uint32_t h = 2166136261u, set;
	size_t i;
	unsigned w;
	struct cache_slot *slot;
	int rc;

	if (len >= CACHE_KEY)
		return parse_uncached(s, len, c, err);
	if (len < 8) {
		for (i = 0; i < len; i++)
			h = (h ^ (unsigned char)s[i]) * 16777619u;
	} else {
		/* three 8-byte windows (head, middle, tail) and the length,
		 * not every byte: the memcmp below settles collisions */
		uint64_t a, b, t;
		memcpy(&a, s, 8);
		memcpy(&b, s + (len - 8) / 2, 8);
		memcpy(&t, s + len - 8, 8);
		a = a * 0x9E3779B97F4A7C15ULL ^ b * 0xC2B2AE3D27D4EB4FULL ^
		    (t + len) * 0x165667B19E3779F9ULL;
		h = (uint32_t)(a >> 32) ^ (uint32_t)a;
	}
	set = h % (CACHE_SLOTS / CACHE_WAYS);
	for (w = 0; w < CACHE_WAYS; w++) {
		slot = &cache[set * CACHE_WAYS + w];
		if (slot->len == len + 1 && memcmp(slot->key, s, len) == 0) {
			cache_last[set] = (unsigned char)w;
			*c = slot->c;
			return 0;
		}
	}
	rc = parse_uncached(s, len, c, err);
	if (rc)
		return rc;
	/* not the way hit last: the next one round */
	w = (cache_last[set] + 1u) % CACHE_WAYS;
	cache_last[set] = (unsigned char)w;
	slot = &cache[set * CACHE_WAYS + w];
	slot->len = (uint32_t)len + 1;
	memcpy(slot->key, s, len);
	slot->c = *c;
	return 0;
}
