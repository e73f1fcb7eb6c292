/* gen.c - deterministic generator of benchmark inputs for backuplint.
 *
 * Writes, under OUTDIR:
 *   small/plans-json/NNNNN.json   AWS Backup API plan documents (JSON)
 *   small/plans-yaml/NNNNN.yaml   the same kinds of documents in YAML
 *   small/cfn-yaml/NNNNN.yaml     CloudFormation templates with short tags
 *   big/plan.json, big/plan.yaml  one plan with many rules, about BIGMB MB
 *   big/template.yaml             one template with many resources
 *
 * Every file is a pure function of its kind and index (its own PRNG seed),
 * so the output is byte-identical between runs and machines. A few percent
 * of the documents carry a finding: DeleteAfterDays below cold + 90, a cron
 * expression AWS rejects, or (templates) a cross-Region copy of a DynamoDB
 * table, which the spec dataset says is not supported.
 *
 * Usage: gen OUTDIR NSMALL BIGMB
 * Failure: prints the reason and exits 1. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Percent of documents (or rules in the big files) that carry a finding. */
#define FINDING_PCT 4

/* Templates are deployed to this Region: bench/run.sh lints with
 * --region us-east-1, as a CI job that deploys there would. */
#define TEMPLATE_REGION "us-east-1"

#define SMALL_MIN 2048
#define SMALL_MAX 4096

enum finding {
	F_NONE,
	F_LIFECYCLE, /* DeleteAfterDays < MoveToColdStorageAfterDays + 90 */
	F_CRON,      /* a schedule AWS rejects */
	F_DDB_COPY,  /* templates: DynamoDB table copied to another Region */
};

/* ---- PRNG: splitmix64, seeded per file ---- */

struct rng {
	uint64_t s;
};

static uint64_t rnd(struct rng *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static unsigned rn(struct rng *r, unsigned n)
{
	return (unsigned)(rnd(r) % n);
}

static const char *pick(struct rng *r, const char *const *v, size_t n)
{
	return v[rn(r, (unsigned)n)];
}
#define PICK(r, v) pick((r), (v), sizeof(v) / sizeof((v)[0]))

static struct rng rng_for(uint64_t a, uint64_t b)
{
	struct rng r = { a * 0x100000001b3ULL ^ (b + 0x51ed270b27b5f0c3ULL) };

	rnd(&r);
	return r;
}

/* ---- output buffer and a writer that speaks JSON or block YAML ---- */

struct w {
	char *buf;
	size_t len, cap;
	FILE *fp;        /* when set, the buffer is flushed to it as it grows */
	size_t flushed;  /* bytes already written to fp */
	int yaml;
	int started;     /* something was written (YAML: no leading newline) */
	int after_key;   /* a key was written, its value is next */
	int depth;
	struct {
		char kind;   /* 'm' map, 's' sequence */
		int n;       /* entries so far */
		int indent;  /* YAML: column of this container's entries */
		int inl;     /* YAML: first key goes on the current line ("- k: v") */
	} st[64];
};

static void die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("gen: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(1);
}

static void w_flush(struct w *w)
{
	if (w->fp && w->len) {
		if (fwrite(w->buf, 1, w->len, w->fp) != w->len)
			die("write: %s", strerror(errno));
		w->flushed += w->len;
		w->len = 0;
	}
}

static void w_raw(struct w *w, const char *s, size_t n)
{
	if (w->len + n + 1 > w->cap) {
		w->cap = (w->len + n + 1) * 2;
		w->buf = realloc(w->buf, w->cap);
		if (!w->buf)
			die("out of memory");
	}
	memcpy(w->buf + w->len, s, n);
	w->len += n;
	w->started = 1;
	if (w->fp && w->len >= (1u << 20))
		w_flush(w);
}

static void w_puts(struct w *w, const char *s)
{
	w_raw(w, s, strlen(s));
}

static void w_printf(struct w *w, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void w_printf(struct w *w, const char *fmt, ...)
{
	char tmp[1024];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(tmp))
		die("w_printf: value too long");
	w_raw(w, tmp, (size_t)n);
}

static size_t w_size(const struct w *w)
{
	return w->flushed + w->len;
}

static void w_reset(struct w *w, int yaml)
{
	w->len = 0;
	w->flushed = 0;
	w->fp = NULL;
	w->yaml = yaml;
	w->started = 0;
	w->after_key = 0;
	w->depth = 0;
}

static void w_indent(struct w *w, int n)
{
	static const char sp[] = "                                                                ";

	while (n > 0) {
		int k = n < 64 ? n : 64;

		w_raw(w, sp, (size_t)k);
		n -= k;
	}
}

static void w_newline(struct w *w, int indent)
{
	if (w->started)
		w_raw(w, "\n", 1);
	w_indent(w, indent);
}

/* Where the next value goes: after a key, as a sequence item, or at the top. */
static void w_before_value(struct w *w)
{
	int d = w->depth;

	if (w->after_key) {
		if (w->yaml)
			w_raw(w, " ", 1);
		return;
	}
	if (d == 0)
		return;
	if (w->st[d - 1].kind != 's')
		die("value without a key in a mapping");
	if (w->yaml) {
		w_newline(w, w->st[d - 1].indent);
		w_raw(w, "- ", 2);
	} else {
		if (w->st[d - 1].n)
			w_raw(w, ",", 1);
		w_newline(w, 2 * d);
	}
	w->st[d - 1].n++;
}

static void w_push(struct w *w, char kind)
{
	int d = w->depth;
	int parent_indent = d ? w->st[d - 1].indent : -2;
	int in_seq = d && !w->after_key && w->st[d - 1].kind == 's';

	if (d + 1 >= (int)(sizeof(w->st) / sizeof(w->st[0])))
		die("nesting too deep");
	if (w->yaml) {
		/* A container after a key starts on the next line; one that is a
		 * sequence item starts right after its "- ". */
		if (in_seq) {
			w_newline(w, parent_indent);
			w_raw(w, "- ", 2);
			w->st[d - 1].n++;
		}
		w->st[d].indent = in_seq ? parent_indent + 2
				 : d ? parent_indent + 2 : 0;
		w->st[d].inl = in_seq || d == 0;
	} else {
		w_before_value(w);
		w_raw(w, kind == 'm' ? "{" : "[", 1);
	}
	w->st[d].kind = kind;
	w->st[d].n = 0;
	w->depth = d + 1;
	w->after_key = 0;
}

static void w_pop(struct w *w)
{
	int d = --w->depth;

	if (w->yaml) {
		if (!w->st[d].n)
			w_puts(w, w->st[d].kind == 'm' ? " {}" : " []");
	} else {
		if (w->st[d].n)
			w_newline(w, 2 * d);
		w_raw(w, w->st[d].kind == 'm' ? "}" : "]", 1);
	}
	w->after_key = 0;
}

#define w_map(w) w_push((w), 'm')
#define w_seq(w) w_push((w), 's')
#define w_end(w) w_pop(w)

static void w_key(struct w *w, const char *k)
{
	int d = w->depth;

	if (!d || w->st[d - 1].kind != 'm' || w->after_key)
		die("key %s outside a mapping", k);
	if (w->yaml) {
		if (!(w->st[d - 1].inl && w->st[d - 1].n == 0))
			w_newline(w, w->st[d - 1].indent);
		w_puts(w, k);
		w_raw(w, ":", 1);
	} else {
		if (w->st[d - 1].n)
			w_raw(w, ",", 1);
		w_newline(w, 2 * d);
		w_raw(w, "\"", 1);
		w_puts(w, k);
		w_raw(w, "\": ", 3);
	}
	w->st[d - 1].n++;
	w->after_key = 1;
}

/* A YAML plain scalar is fine unless it could be read as something else. */
static int yaml_plain_ok(const char *s)
{
	static const char *const special[] = {
		"true", "false", "yes", "no", "on", "off", "null", "y", "n",
		"True", "False", "Yes", "No", "On", "Off", "Null", "TRUE",
		"FALSE", "NULL", "~",
	};
	size_t n = strlen(s), i;

	if (!n || strchr("-?:,[]{}#&*!|>'\"%@` ", s[0]) || s[n - 1] == ' ' ||
	    s[n - 1] == ':')
		return 0;
	if (strstr(s, ": ") || strstr(s, " #") || strpbrk(s, "\n\t\r"))
		return 0;
	for (i = 0; i < sizeof(special) / sizeof(special[0]); i++)
		if (!strcmp(s, special[i]))
			return 0;
	/* Anything starting like a number is quoted (30, 1e3, .5, 0x1f). */
	if ((s[0] >= '0' && s[0] <= '9') || s[0] == '.' || s[0] == '+')
		return 0;
	return 1;
}

static void w_qstr(struct w *w, const char *s)
{
	const char *p;

	w_raw(w, "\"", 1);
	for (p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if (c == '"' || c == '\\') {
			w_raw(w, "\\", 1);
			w_raw(w, p, 1);
		} else if (c < 0x20) {
			w_printf(w, "\\u%04x", c);
		} else {
			w_raw(w, p, 1);
		}
	}
	w_raw(w, "\"", 1);
}

static void w_str(struct w *w, const char *s)
{
	w_before_value(w);
	if (w->yaml && yaml_plain_ok(s))
		w_puts(w, s);
	else
		w_qstr(w, s);
	w->after_key = 0;
}

static void w_int(struct w *w, long long v)
{
	w_before_value(w);
	w_printf(w, "%lld", v);
	w->after_key = 0;
}

static void w_bool(struct w *w, int b)
{
	w_before_value(w);
	w_puts(w, b ? "true" : "false");
	w->after_key = 0;
}

/* CloudFormation intrinsic with a string argument: YAML short form
 * (!Ref X, !GetAtt X.Y, !Sub '...'), JSON long form. */
static void w_fn(struct w *w, const char *fn, const char *arg)
{
	if (w->yaml) {
		w_before_value(w);
		w_printf(w, "!%s ", fn);
		if (!strcmp(fn, "Sub"))
			w_raw(w, "'", 1);
		w_puts(w, arg);
		if (!strcmp(fn, "Sub"))
			w_raw(w, "'", 1);
		w->after_key = 0;
		return;
	}
	w_map(w);
	if (!strcmp(fn, "Ref")) {
		w_key(w, "Ref");
		w_str(w, arg);
	} else if (!strcmp(fn, "GetAtt")) {
		const char *dot = strchr(arg, '.');
		char id[128];

		if (!dot || (size_t)(dot - arg) >= sizeof(id))
			die("bad GetAtt %s", arg);
		memcpy(id, arg, (size_t)(dot - arg));
		id[dot - arg] = 0;
		w_key(w, "Fn::GetAtt");
		w_seq(w);
		w_str(w, id);
		w_str(w, dot + 1);
		w_end(w);
	} else {
		char k[64];

		snprintf(k, sizeof(k), "Fn::%s", fn);
		w_key(w, k);
		w_str(w, arg);
	}
	w_end(w);
}

#define KV_STR(w, k, v) (w_key((w), (k)), w_str((w), (v)))
#define KV_INT(w, k, v) (w_key((w), (k)), w_int((w), (v)))

/* ---- vocabulary ---- */

static const char *const teams[] = {
	"orders", "billing", "payments", "search", "catalog", "ledger",
	"identity", "analytics", "media", "inventory", "shipping", "auth",
	"reporting", "crm", "pricing", "notifications", "checkout", "warehouse",
};
static const char *const envs[] = { "prod", "staging", "dev", "qa", "perf" };
static const char *const regions[] = {
	"us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1",
	"eu-north-1", "ap-southeast-2", "ap-northeast-1", "ca-central-1",
	"sa-east-1", "eu-west-2", "ap-south-1",
};
static const char *const owners[] = {
	"platform", "sre", "data-eng", "Équipe Données", "infra", "dba",
	"backend", "storage",
};
static const char *const cost_centers[] = {
	"cc-1001", "cc-2040", "cc-3377", "cc-4100", "cc-5120",
};

struct sched {
	const char *name;
	const char *expr;
	int every; /* longest gap between two runs, in days */
};

/* Schedules AWS Backup accepts (EventBridge cron, hourly at most). */
static const struct sched good_sched[] = {
	{ "daily", "cron(0 5 ? * * *)", 1 },
	{ "nightly", "cron(30 1 * * ? *)", 1 },
	{ "hourly", "cron(15 * ? * * *)", 1 },
	{ "every4h", "cron(0 0/4 * * ? *)", 1 },
	{ "weekly", "cron(0 3 ? * SUN *)", 7 },
	{ "weekdays", "cron(0 22 ? * MON-FRI *)", 3 },
	{ "monthly", "cron(0 2 1 * ? *)", 31 },
	{ "month-end", "cron(0 4 L * ? *)", 31 },
	{ "quarterly", "cron(0 6 1 1,4,7,10 ? *)", 92 },
	{ "twice-daily", "cron(0 6,18 ? * * *)", 1 },
};
#define NSCHED (sizeof(good_sched) / sizeof(good_sched[0]))

/* Schedules AWS rejects. */
static const char *const bad_sched[] = {
	"cron(0 5 * * * *)",        /* '*' in both day fields */
	"cron(0 25 ? * * *)",       /* hour 25 */
	"cron(0 5 ? * *)",          /* five fields */
	"cron(0/30 * ? * * *)",     /* every 30 minutes: below hourly */
	"rate(1 day)",              /* rate() is not supported */
	"cron(0 5 ? * MON#2,FRI#3 *)", /* two '#' */
};

struct life {
	int cold;   /* -1: none */
	int del;    /* -1: none */
};

static const struct life good_life[] = {
	{ -1, 35 }, { -1, 90 }, { 30, 120 }, { 30, 365 }, { 90, 365 },
	{ -1, 7 }, { 7, 97 }, { 60, 2555 }, { -1, 365 }, { 180, 3650 },
	{ -1, -1 },
};
#define NLIFE (sizeof(good_life) / sizeof(good_life[0]))

static const struct life bad_life[] = {
	{ 30, 90 }, { 60, 100 }, { 90, 120 }, { 30, 119 }, { 365, 400 },
};

/* ---- documents ---- */

struct ctx {
	const char *team, *env, *region, *dr_region, *owner;
	char account[16];
	enum finding finding;
	int cfn;
	int no_cold;         /* the selected resources have no cold tier (RDS, EBS) */
	int pitr_ok;         /* continuous backup suits the selected resources */
	/* Plan-wide, so that overlapping rules never lose each other's
	 * copies (AWS runs only the longer-kept one): every rule of a plan
	 * goes to the same vault and copies to the same place, or none does;
	 * and a plan that copies has no continuous rules. */
	int copy;
	int copy_sub;        /* CFN: the copy destination is a !Sub */
	char vault[64], dr_vault[64];
	int vault_ref;       /* CFN: TargetBackupVault is !Ref of this logical id */
	const char *vault_id;
	const char *param_retention; /* CFN: a Parameter name for DeleteAfterDays */
};

static void ctx_init(struct ctx *c, struct rng *r, int cfn)
{
	c->team = PICK(r, teams);
	c->env = PICK(r, envs);
	c->region = PICK(r, regions);
	if (cfn)
		c->region = TEMPLATE_REGION;
	do
		c->dr_region = PICK(r, regions);
	while (c->dr_region == c->region);
	c->owner = PICK(r, owners);
	snprintf(c->account, sizeof(c->account), "%012llu",
		 (unsigned long long)(rnd(r) % 1000000000000ULL));
	c->finding = F_NONE;
	c->cfn = cfn;
	c->no_cold = 0;
	c->pitr_ok = 1;
	c->copy = rn(r, 3) == 0;
	c->copy_sub = (int)rn(r, 2);
	snprintf(c->vault, sizeof(c->vault), "%s-%s-vault", c->team, c->env);
	snprintf(c->dr_vault, sizeof(c->dr_vault), "%s-%s-dr-vault", c->team, c->env);
	c->vault_ref = 0;
	c->vault_id = "Vault";
	c->param_retention = NULL;
}

static void uuid(struct rng *r, char out[37])
{
	uint64_t a = rnd(r), b = rnd(r);

	snprintf(out, 37, "%08x-%04x-%04x-%04x-%012llx",
		 (unsigned)(a >> 32), (unsigned)(a >> 16) & 0xffff,
		 0x4000 | ((unsigned)a & 0x0fff),
		 0x8000 | ((unsigned)(b >> 48) & 0x3fff),
		 (unsigned long long)(b & 0xffffffffffffULL));
}

static void emit_lifecycle(struct w *w, const struct life *l, const char *param)
{
	w_key(w, "Lifecycle");
	w_map(w);
	if (l->cold >= 0)
		KV_INT(w, "MoveToColdStorageAfterDays", l->cold);
	if (param && l->cold < 0) {
		w_key(w, "DeleteAfterDays");
		w_fn(w, "Ref", param);
	} else if (l->del >= 0) {
		KV_INT(w, "DeleteAfterDays", l->del);
	}
	w_end(w);
}

/* A lifecycle that keeps every recovery point until the next run of a
 * schedule that runs at least every `every` days (else there are days with
 * nothing to restore), without a cold tier when `no_cold`. */
static const struct life *pick_life(struct rng *r, int every, int no_cold)
{
	for (;;) {
		const struct life *l = &good_life[rn(r, NLIFE)];

		if ((l->del < 0 || l->del >= every) && !(no_cold && l->cold >= 0))
			return l;
	}
}

/* One backup rule. `idx` makes names unique within a plan; `finding` is the
 * finding this rule carries (F_NONE, F_LIFECYCLE, F_CRON, F_DDB_COPY);
 * `rule_id` is set for GetBackupPlan output. */
static void emit_rule(struct w *w, struct rng *r, const struct ctx *c,
		      unsigned idx, enum finding finding, const char *rule_id)
{
	static const struct life pitr = { -1, 35 };
	static const int starts[] = { 60, 60, 120, 480 };
	static const int completes[] = { 180, 1440, 10080, 720 };
	const struct sched *s = &good_sched[rn(r, NSCHED)];
	const struct life *l;
	int continuous = rn(r, 10) == 0;
	int ntags = 1 + (int)rn(r, 3);
	int windows = rn(r, 4) != 0;
	int wi = (int)rn(r, 4);
	int use_param = c->cfn && c->param_retention && rn(r, 4) == 0;
	char name[64], arn[200];

	if (finding == F_LIFECYCLE) {
		l = &bad_life[rn(r, sizeof(bad_life) / sizeof(bad_life[0]))];
		while (s->every > l->del)
			s = &good_sched[rn(r, NSCHED)];
	} else {
		l = pick_life(r, s->every, c->no_cold);
	}
	/* Continuous backup keeps at most 35 days and has no cold tier. */
	continuous = continuous && finding == F_NONE && c->pitr_ok &&
		     !c->copy && s->every <= pitr.del;
	if (continuous)
		l = &pitr;
	/* The RetentionDays parameter defaults to 35 days. */
	use_param = use_param && l->cold < 0 && l->del >= 0 && s->every <= 35 &&
		    finding != F_LIFECYCLE;

	snprintf(name, sizeof(name), "%s-%s-%u", s->name, c->team, idx);
	w_map(w);
	KV_STR(w, "RuleName", name);
	if (c->cfn) {
		w_key(w, "TargetBackupVault");
		if (c->vault_ref)
			w_fn(w, "Ref", c->vault_id);
		else
			w_str(w, c->vault);
	} else {
		KV_STR(w, "TargetBackupVaultName", c->vault);
	}
	w_key(w, "ScheduleExpression");
	w_str(w, finding == F_CRON ? PICK(r, bad_sched) : s->expr);
	if (windows) {
		KV_INT(w, "StartWindowMinutes", starts[wi]);
		KV_INT(w, "CompletionWindowMinutes", completes[wi]);
	}
	if (l->cold >= 0 || l->del >= 0)
		emit_lifecycle(w, l, use_param ? c->param_retention : NULL);
	w_key(w, "RecoveryPointTags");
	w_map(w);
	KV_STR(w, "team", c->team);
	if (ntags > 1)
		KV_STR(w, "env", c->env);
	if (ntags > 2)
		KV_STR(w, "owner", c->owner);
	KV_STR(w, "backup-rule", name);
	w_end(w);
	if (c->copy || finding == F_DDB_COPY) {
		w_key(w, "CopyActions");
		w_seq(w);
		w_map(w);
		if (c->cfn && c->copy_sub) {
			snprintf(arn, sizeof(arn),
				 "arn:${AWS::Partition}:backup:%s:${AWS::AccountId}:backup-vault:%s",
				 c->dr_region, c->dr_vault);
			w_key(w, "DestinationBackupVaultArn");
			w_fn(w, "Sub", arn);
		} else {
			snprintf(arn, sizeof(arn),
				 "arn:aws:backup:%s:%s:backup-vault:%s",
				 c->dr_region, c->account, c->dr_vault);
			KV_STR(w, "DestinationBackupVaultArn", arn);
		}
		if (rn(r, 2))
			emit_lifecycle(w, finding == F_LIFECYCLE ? l
				       : pick_life(r, s->every, c->no_cold), NULL);
		w_end(w);
		w_end(w);
	}
	if (continuous || rn(r, 5) == 0) {
		w_key(w, "EnableContinuousBackup");
		w_bool(w, continuous);
	}
	if (rule_id)
		KV_STR(w, "RuleId", rule_id);
	w_end(w);
}

static void emit_advanced(struct w *w, struct rng *r, int cfn)
{
	if (rn(r, 4))
		return;
	w_key(w, "AdvancedBackupSettings");
	w_seq(w);
	w_map(w);
	if (cfn) {
		w_key(w, "BackupOptions");
		w_map(w);
		KV_STR(w, "WindowsVSS", rn(r, 2) ? "enabled" : "disabled");
		w_end(w);
		KV_STR(w, "ResourceType", "EC2");
	} else {
		KV_STR(w, "ResourceType", "EC2");
		w_key(w, "BackupOptions");
		w_map(w);
		KV_STR(w, "WindowsVSS", rn(r, 2) ? "enabled" : "disabled");
		w_end(w);
	}
	w_end(w);
	w_end(w);
}

static void emit_tags_map(struct w *w, struct rng *r, const struct ctx *c)
{
	w_map(w);
	KV_STR(w, "team", c->team);
	KV_STR(w, "env", c->env);
	KV_STR(w, "owner", c->owner);
	KV_STR(w, "cost-center", PICK(r, cost_centers));
	w_end(w);
}

enum plan_shape { P_INPUT, P_OUTPUT, P_BARE };

/* The rules of a plan: rule 0 carries c->finding. Each rule has its own
 * PRNG so that the document grows rule by rule when sizing. GetBackupPlan
 * output (`output`) gives every rule a RuleId. */
static void emit_rules(struct w *w, uint64_t seed, const struct ctx *c,
		       unsigned nrules, int output)
{
	unsigned i;

	w_seq(w);
	for (i = 0; i < nrules; i++) {
		struct rng rr = rng_for(seed, 1000 + i);
		char id[37];

		uuid(&rr, id);
		emit_rule(w, &rr, c, i, i == 0 ? c->finding : F_NONE,
			  output ? id : NULL);
	}
	w_end(w);
}

static void emit_plan_body(struct w *w, uint64_t seed, struct rng *r,
			   const struct ctx *c, unsigned nrules, int output)
{
	char name[96];

	snprintf(name, sizeof(name), "%s-%s-backup-plan", c->team, c->env);
	KV_STR(w, "BackupPlanName", name);
	w_key(w, "Rules");
	emit_rules(w, seed, c, nrules, output);
	emit_advanced(w, r, 0);
}

/* An API plan document: CreateBackupPlan input, GetBackupPlan output, or a
 * bare plan (what `--backup-plan file://plan.json` takes). */
static void emit_plan_doc(struct w *w, uint64_t seed, const struct ctx *c,
			  enum plan_shape shape, unsigned nrules)
{
	struct rng r = rng_for(seed, 7);
	char id[37], buf[200];

	w_map(w);
	if (shape == P_BARE) {
		emit_plan_body(w, seed, &r, c, nrules, 0);
		w_end(w);
		return;
	}
	w_key(w, "BackupPlan");
	w_map(w);
	emit_plan_body(w, seed, &r, c, nrules, shape == P_OUTPUT);
	w_end(w);
	if (shape == P_INPUT) {
		w_key(w, "BackupPlanTags");
		emit_tags_map(w, &r, c);
		snprintf(buf, sizeof(buf), "%s-%s-%08x", c->team, c->env,
			 (unsigned)rnd(&r));
		KV_STR(w, "CreatorRequestId", buf);
	} else {
		uuid(&r, id);
		KV_STR(w, "BackupPlanId", id);
		snprintf(buf, sizeof(buf), "arn:aws:backup:%s:%s:backup-plan:%s",
			 c->region, c->account, id);
		KV_STR(w, "BackupPlanArn", buf);
		snprintf(buf, sizeof(buf), "%016llx%016llx",
			 (unsigned long long)rnd(&r), (unsigned long long)rnd(&r));
		KV_STR(w, "VersionId", buf);
		snprintf(buf, sizeof(buf), "2024-%02u-%02uT%02u:%02u:%02u.%03u000+00:00",
			 1 + rn(&r, 12), 1 + rn(&r, 28), rn(&r, 24), rn(&r, 60),
			 rn(&r, 60), rn(&r, 1000));
		KV_STR(w, "CreationDate", buf);
		KV_STR(w, "LastExecutionDate", buf);
	}
	w_end(w);
}

/* ---- CloudFormation ---- */

static void emit_role(struct w *w, const char *id)
{
	w_key(w, id);
	w_map(w);
	KV_STR(w, "Type", "AWS::IAM::Role");
	w_key(w, "Properties");
	w_map(w);
	w_key(w, "AssumeRolePolicyDocument");
	w_map(w);
	KV_STR(w, "Version", "2012-10-17");
	w_key(w, "Statement");
	w_seq(w);
	w_map(w);
	KV_STR(w, "Effect", "Allow");
	w_key(w, "Principal");
	w_map(w);
	KV_STR(w, "Service", "backup.amazonaws.com");
	w_end(w);
	KV_STR(w, "Action", "sts:AssumeRole");
	w_end(w);
	w_end(w);
	w_end(w);
	w_key(w, "ManagedPolicyArns");
	w_seq(w);
	w_fn(w, "Sub", "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup");
	w_fn(w, "Sub", "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores");
	w_end(w);
	w_end(w);
	w_end(w);
}

/* One group of resources: a vault, a plan with `nrules` rules and a
 * selection of resources for it. `g` numbers the group in big templates. */
static void emit_group(struct w *w, uint64_t seed, struct ctx *c, unsigned g,
		       unsigned nrules, const char *role_id)
{
	enum { SEL_EFS, SEL_EBS, SEL_RDS, SEL_TAGS } sel;
	struct rng r = rng_for(seed, 99);
	char vid[64], pid[64], sid[64], name[160], arn[200];
	unsigned i, nres;

	/* What the selection picks decides what the rules may ask for: cold
	 * storage only for EFS, continuous backup only for RDS, copies to
	 * another Region only for EFS and EBS (RDS loses its option groups),
	 * and none of these for a selection by tags, which may pick any type.
	 * Only a finding breaks this. */
	sel = (int)rn(&r, 4);
	if (c->finding == F_LIFECYCLE)
		sel = SEL_EFS;
	if (c->finding == F_DDB_COPY) {
		sel = SEL_EBS;
		c->copy_sub = 0; /* a literal Region, so the copy is visibly cross-Region */
	}
	c->no_cold = sel != SEL_EFS;
	c->pitr_ok = sel == SEL_RDS;
	c->copy = c->finding == F_DDB_COPY ||
		  (c->copy && (sel == SEL_EFS || sel == SEL_EBS));
	snprintf(vid, sizeof(vid), "BackupVault%u", g);
	snprintf(pid, sizeof(pid), "BackupPlan%u", g);
	snprintf(sid, sizeof(sid), "BackupSelection%u", g);

	w_key(w, vid);
	w_map(w);
	KV_STR(w, "Type", "AWS::Backup::BackupVault");
	KV_STR(w, "DeletionPolicy", "Retain");
	w_key(w, "Properties");
	w_map(w);
	snprintf(name, sizeof(name), "${Env}-%s-vault-%u", c->team, g);
	w_key(w, "BackupVaultName");
	w_fn(w, "Sub", name);
	w_key(w, "BackupVaultTags");
	emit_tags_map(w, &r, c);
	if (rn(&r, 2)) {
		w_key(w, "LockConfiguration");
		w_map(w);
		KV_INT(w, "MinRetentionDays", 7);
		KV_INT(w, "MaxRetentionDays", 3650);
		w_end(w);
	}
	w_end(w);
	w_end(w);

	c->vault_ref = 1;
	c->vault_id = vid;
	w_key(w, pid);
	w_map(w);
	KV_STR(w, "Type", "AWS::Backup::BackupPlan");
	w_key(w, "Properties");
	w_map(w);
	w_key(w, "BackupPlan");
	w_map(w);
	snprintf(name, sizeof(name), "${Env}-%s-plan-%u", c->team, g);
	w_key(w, "BackupPlanName");
	w_fn(w, "Sub", name);
	w_key(w, "BackupPlanRule");
	w_seq(w);
	for (i = 0; i < nrules; i++) {
		struct rng rr = rng_for(seed, 1000 + i);
		enum finding f = i == 0 ? c->finding : F_NONE;

		emit_rule(w, &rr, c, i, f, NULL);
	}
	w_end(w);
	emit_advanced(w, &r, 1);
	w_end(w);
	w_key(w, "BackupPlanTags");
	emit_tags_map(w, &r, c);
	w_end(w);
	w_end(w);

	w_key(w, sid);
	w_map(w);
	KV_STR(w, "Type", "AWS::Backup::BackupSelection");
	w_key(w, "Properties");
	w_map(w);
	w_key(w, "BackupPlanId");
	w_fn(w, "Ref", pid);
	w_key(w, "BackupSelection");
	w_map(w);
	snprintf(name, sizeof(name), "%s-%s-selection-%u", c->team, c->env, g);
	KV_STR(w, "SelectionName", name);
	w_key(w, "IamRoleArn");
	snprintf(name, sizeof(name), "%s.Arn", role_id);
	w_fn(w, "GetAtt", name);
	w_key(w, "Resources");
	w_seq(w);
	nres = 1 + rn(&r, 3);
	for (i = 0; i < nres; i++) {
		unsigned kind = sel == SEL_EFS ? 0 : sel == SEL_EBS ? 1 :
				sel == SEL_RDS ? 2 : rn(&r, 3);

		if (c->finding == F_DDB_COPY && i == 0) {
			snprintf(arn, sizeof(arn),
				 "arn:aws:dynamodb:%s:%s:table/%s-%s",
				 c->region, c->account, c->team, c->env);
			w_str(w, arn);
		} else if (kind == 0) {
			snprintf(arn, sizeof(arn),
				 "arn:${AWS::Partition}:elasticfilesystem:${AWS::Region}:${AWS::AccountId}:file-system/fs-%08x",
				 (unsigned)rnd(&r));
			w_fn(w, "Sub", arn);
		} else if (kind == 1) {
			snprintf(arn, sizeof(arn),
				 "arn:aws:ec2:%s:%s:volume/vol-%016llx",
				 c->region, c->account,
				 (unsigned long long)rnd(&r) & 0xfffffffffffffULL);
			w_str(w, arn);
		} else {
			snprintf(arn, sizeof(arn),
				 "arn:${AWS::Partition}:rds:${AWS::Region}:${AWS::AccountId}:db:%s-%s-%u",
				 c->team, c->env, i);
			w_fn(w, "Sub", arn);
		}
	}
	w_end(w);
	if (sel == SEL_TAGS) {
		w_key(w, "ListOfTags");
		w_seq(w);
		w_map(w);
		KV_STR(w, "ConditionType", "STRINGEQUALS");
		KV_STR(w, "ConditionKey", "backup");
		KV_STR(w, "ConditionValue", c->team);
		w_end(w);
		w_end(w);
	}
	w_end(w);
	w_end(w);
	w_end(w);
}

static void emit_template_head(struct w *w, const struct ctx *c, const char *desc)
{
	w_map(w);
	KV_STR(w, "AWSTemplateFormatVersion", "2010-09-09");
	KV_STR(w, "Description", desc);
	w_key(w, "Parameters");
	w_map(w);
	w_key(w, "Env");
	w_map(w);
	KV_STR(w, "Type", "String");
	KV_STR(w, "Default", c->env);
	w_key(w, "AllowedValues");
	w_seq(w);
	w_str(w, "prod");
	w_str(w, "staging");
	w_str(w, "dev");
	w_str(w, "qa");
	w_str(w, "perf");
	w_end(w);
	w_end(w);
	w_key(w, "RetentionDays");
	w_map(w);
	KV_STR(w, "Type", "Number");
	KV_INT(w, "Default", 35);
	KV_INT(w, "MinValue", 1);
	KV_INT(w, "MaxValue", 36500);
	w_end(w);
	w_end(w);
	w_key(w, "Resources");
	w_map(w);
}

static void emit_template_tail(struct w *w, unsigned ngroups_out)
{
	unsigned g;

	w_end(w); /* Resources */
	w_key(w, "Outputs");
	w_map(w);
	for (g = 0; g < ngroups_out; g++) {
		char k[64], v[64];

		snprintf(k, sizeof(k), "BackupPlanId%u", g);
		w_key(w, k);
		w_map(w);
		snprintf(v, sizeof(v), "BackupPlan%u", g);
		w_key(w, "Value");
		w_fn(w, "Ref", v);
		w_end(w);
		snprintf(k, sizeof(k), "BackupVaultArn%u", g);
		w_key(w, k);
		w_map(w);
		snprintf(v, sizeof(v), "BackupVault%u.BackupVaultArn", g);
		w_key(w, "Value");
		w_fn(w, "GetAtt", v);
		w_end(w);
	}
	w_end(w);
	w_end(w);
}

static void emit_template(struct w *w, uint64_t seed, struct ctx *c,
			  unsigned nrules)
{
	char desc[200];

	snprintf(desc, sizeof(desc), "Backups for %s (%s): vault, plan and selection",
		 c->team, c->env);
	c->cfn = 1;
	c->param_retention = "RetentionDays";
	emit_template_head(w, c, desc);
	emit_role(w, "BackupRole");
	emit_group(w, seed, c, 0, nrules, "BackupRole");
	emit_template_tail(w, 1);
}

/* ---- files ---- */

static void mkdirs(const char *path)
{
	char tmp[4096];
	char *p;

	if (snprintf(tmp, sizeof(tmp), "%s", path) >= (int)sizeof(tmp))
		die("path too long: %s", path);
	for (p = tmp + 1; *p; p++) {
		if (*p == '/') {
			*p = 0;
			if (mkdir(tmp, 0755) && errno != EEXIST)
				die("mkdir %s: %s", tmp, strerror(errno));
			*p = '/';
		}
	}
	if (mkdir(tmp, 0755) && errno != EEXIST)
		die("mkdir %s: %s", tmp, strerror(errno));
}

static void write_file(const char *path, const struct w *w)
{
	FILE *fp = fopen(path, "wb");

	if (!fp)
		die("%s: %s", path, strerror(errno));
	if (fwrite(w->buf, 1, w->len, fp) != w->len || fclose(fp))
		die("%s: write failed", path);
}

enum kind { K_JSON, K_YAML, K_CFN };

static enum finding choose_finding(struct rng *r, int cfn)
{
	if (rn(r, 100) >= FINDING_PCT)
		return F_NONE;
	return (enum finding)(1 + rn(r, cfn ? 3 : 2));
}

/* Render small document `i` of kind k with nrules rules. */
static void render_small(struct w *w, enum kind k, unsigned i, unsigned nrules)
{
	uint64_t seed = ((uint64_t)k << 32) | i;
	struct rng r = rng_for(seed, 1);
	struct ctx c;
	unsigned shape;

	ctx_init(&c, &r, k == K_CFN);
	c.finding = choose_finding(&r, k == K_CFN);
	shape = rn(&r, 10);
	w_reset(w, k != K_JSON);
	if (k == K_CFN) {
		emit_template(w, seed, &c, nrules);
	} else {
		if (k == K_YAML && rn(&r, 3) == 0)
			w_puts(w, "# generated by backuplint bench/gen.c\n---\n");
		emit_plan_doc(w, seed, &c, shape < 7 ? P_INPUT :
			      shape < 9 ? P_OUTPUT : P_BARE, nrules);
	}
	w_raw(w, "\n", 1);
}

static void gen_small(const char *dir, enum kind k, unsigned n)
{
	static const char *const sub[] = { "plans-json", "plans-yaml", "cfn-yaml" };
	char path[4096];
	struct w w = { 0 };
	unsigned i;

	snprintf(path, sizeof(path), "%s/small/%s", dir, sub[k]);
	mkdirs(path);
	for (i = 0; i < n; i++) {
		struct rng r = rng_for(((uint64_t)k << 32) | i, 2);
		unsigned nrules = 1;
		size_t want = SMALL_MIN + rn(&r, SMALL_MAX - SMALL_MIN);

		/* Grow rule by rule to a size drawn from the 2-4 KB band. */
		render_small(&w, k, i, nrules);
		while (w.len < want && nrules < 20)
			render_small(&w, k, i, ++nrules);
		while (w.len > SMALL_MAX && nrules > 1)
			render_small(&w, k, i, --nrules);
		snprintf(path, sizeof(path), "%s/small/%s/%05u.%s", dir, sub[k],
			 i, k == K_JSON ? "json" : "yaml");
		write_file(path, &w);
	}
	free(w.buf);
}

static FILE *open_big(const char *dir, const char *name, struct w *w, int yaml)
{
	char path[4096];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/big", dir);
	mkdirs(path);
	snprintf(path, sizeof(path), "%s/big/%s", dir, name);
	fp = fopen(path, "wb");
	if (!fp)
		die("%s: %s", path, strerror(errno));
	w_reset(w, yaml);
	w->fp = fp;
	return fp;
}

static void close_big(struct w *w)
{
	w_raw(w, "\n", 1);
	w_flush(w);
	if (fclose(w->fp))
		die("big file: write failed");
	w->fp = NULL;
}

/* One CreateBackupPlan input with rules until the file reaches `target`. */
static void gen_big_plan(const char *dir, int yaml, size_t target)
{
	struct w w = { 0 };
	struct rng r = rng_for(0xb16, (uint64_t)yaml);
	struct ctx c;
	unsigned i;

	open_big(dir, yaml ? "plan.yaml" : "plan.json", &w, yaml);
	ctx_init(&c, &r, 0);
	w_map(&w);
	w_key(&w, "BackupPlan");
	w_map(&w);
	KV_STR(&w, "BackupPlanName", "monorepo-all-teams-plan");
	w_key(&w, "Rules");
	w_seq(&w);
	for (i = 0; w_size(&w) < target; i++) {
		struct rng rr = rng_for(0xb16b16, i);

		c.team = teams[i % (sizeof(teams) / sizeof(teams[0]))];
		emit_rule(&w, &rr, &c, i, choose_finding(&rr, 0), NULL);
	}
	w_end(&w);
	emit_advanced(&w, &r, 0);
	w_end(&w);
	w_key(&w, "BackupPlanTags");
	emit_tags_map(&w, &r, &c);
	KV_STR(&w, "CreatorRequestId", "monorepo-all-teams-1");
	w_end(&w);
	close_big(&w);
	free(w.buf);
}

/* One template with resource groups until the file reaches `target`. */
static void gen_big_template(const char *dir, size_t target)
{
	struct w w = { 0 };
	struct rng r = rng_for(0xcf0, 0);
	struct ctx c;
	unsigned g;

	open_big(dir, "template.yaml", &w, 1);
	ctx_init(&c, &r, 1);
	c.cfn = 1;
	c.param_retention = "RetentionDays";
	emit_template_head(&w, &c, "Backups of every team: vaults, plans and selections");
	emit_role(&w, "BackupRole");
	for (g = 0; w_size(&w) < target; g++) {
		uint64_t seed = 0xcf0000000000ULL | g;
		struct rng gr = rng_for(seed, 1);

		ctx_init(&c, &gr, 1);
		c.cfn = 1;
		c.param_retention = "RetentionDays";
		c.finding = choose_finding(&gr, 1);
		emit_group(&w, seed, &c, g, 1 + rn(&gr, 3), "BackupRole");
	}
	emit_template_tail(&w, g < 50 ? g : 50);
	close_big(&w);
	free(w.buf);
}

int main(int argc, char **argv)
{
	const char *dir;
	unsigned long nsmall, bigmb;
	char *end;

	if (argc != 4)
		die("usage: gen OUTDIR NSMALL BIGMB");
	dir = argv[1];
	nsmall = strtoul(argv[2], &end, 10);
	if (*end || nsmall > 99999)
		die("NSMALL must be 0..99999");
	bigmb = strtoul(argv[3], &end, 10);
	if (*end || bigmb > 100000)
		die("BIGMB must be a number of megabytes");
	gen_small(dir, K_JSON, (unsigned)nsmall);
	gen_small(dir, K_YAML, (unsigned)nsmall);
	gen_small(dir, K_CFN, (unsigned)nsmall);
	if (bigmb) {
		size_t target = (size_t)bigmb << 20;

		gen_big_plan(dir, 0, target);
		gen_big_plan(dir, 1, target);
		gen_big_template(dir, target);
	}
	return 0;
}
