/* place.c - places from ARN-like values, and comparing them. */
#include "place.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../linter/strbuf.h"
#include "arn.h"
#include "aws.h"
#include "cfn.h"
#include "dialect.h"
#include "facts.h"

struct diag *report_part(struct doc *d, int r, const struct part *p,
			 const char *fmt, ...)
{
	char buf[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (!p->len)
		return report(d, r, p->node, "%s", buf);
	return report_sub(d, r, p->node, p->off, p->len, "%s", buf);
}


/* 1 when s[0..n) holds a ${NAME} variable (not the ${!literal} escape). */
int tmpl_has_var(const char *s, size_t n)
{
	size_t i;
	for (i = 0; i + 2 < n + 1 && i + 1 < n; i++)
		if (s[i] == '$' && s[i + 1] == '{' &&
		    (i + 2 >= n || s[i + 2] != '!'))
			return 1;
	return 0;
}


/* Text of a value for ARN analysis: literal strings, parameter defaults,
 * Fn::Sub templates, Fn::Join of literals and Refs. Returns 0 or -1. */
int value_tmpl(struct doc *d, const struct node *v, struct tmpl *t)
{
	struct cfn_val cv;
	const struct node *lit, *a, *parts;
	struct strbuf g = {.a = &d->arena};
	uint32_t i;

	memset(t, 0, sizeof(*t));
	t->at = v;
	cfn_eval(d, v, &cv);
	lit = cv.node;
	if (cv.how != CFN_UNKNOWN) {
		if (!node_is(lit, N_STR))
			return -1;
		t->text = lit->u.str;
		/* offsets into the text are offsets into a node in place */
		t->node = cv.how == CFN_LITERAL || (!cv.param && lit->start >= v->start &&
						    lit->end <= v->end)
				  ? lit : NULL;
		t->param = cv.param;
		return 0;
	}
	switch (node_intrinsic(v)) {
	case FN_SUB:
		a = map_val(v, 0);
		if (node_is(a, N_STR)) {
			t->text = a->u.str;
			t->node = a;
			t->sub = 1;
			return 0;
		}
		if (node_is(a, N_SEQ) && a->len >= 1 &&
		    node_is(seq_at(a, 0), N_STR)) {
			t->text = seq_at(a, 0)->u.str;
			t->node = seq_at(a, 0);
			t->vars = a->len > 1 ? seq_at(a, 1) : NULL;
			t->sub = 1;
			return 0;
		}
		return -1;
	case FN_JOIN:
		a = map_val(v, 0);
		if (!node_is(a, N_SEQ) || a->len != 2 ||
		    !node_streq(seq_at(a, 0), ""))
			return -1;
		parts = seq_at(a, 1);
		if (!node_is(parts, N_SEQ))
			return -1;
		strbuf_add(&g, "", 0);
		for (i = 0; i < parts->len; i++) {
			const struct node *p = seq_at(parts, i);
			const char *ref = NULL;
			if (node_is(p, N_STR)) {
				strbuf_add(&g, p->u.str, p->len);
				continue;
			}
			if (node_intrinsic(p) == FN_REF)
				ref = node_str(map_val(p, 0));
			strbuf_add(&g, "${", 2);
			if (ref)
				strbuf_add(&g, ref, strlen(ref));
			else
				strbuf_add(&g, "...", 3);
			strbuf_add(&g, "}", 1);
		}
		t->text = g.s;
		t->sub = 1;
		return 0;
	default:
		return -1;
	}
}

/* A field that is exactly ${NAME}: NAME into buf; else 0. */
static int whole_var(const char *f, size_t n, char *buf, size_t bufn)
{
	if (n < 4 || f[0] != '$' || f[1] != '{' || f[n - 1] != '}' ||
	    memchr(f + 2, '}', n - 3) || n - 3 >= bufn)
		return 0;
	memcpy(buf, f + 2, n - 3);
	buf[n - 3] = '\0';
	return 1;
}

enum fieldv { FV_UNKNOWN, FV_LITERAL, FV_SAME };

static enum fieldv field_value(struct doc *d, const struct tmpl *t,
			       const char *f, size_t n, const char *pseudo,
			       const char **out, const char **param)
{
	char var[128];
	const struct node *v;
	int def;
	*out = NULL;
	*param = NULL;
	if (!t->sub || !tmpl_has_var(f, n)) {
		*out = arena_strndup(&d->arena, f, n);
		*param = t->param;
		return FV_LITERAL;
	}
	if (!whole_var(f, n, var, sizeof(var)))
		return FV_UNKNOWN;
	v = map_get(t->vars, var);
	if (node_is(v, N_STR)) {
		*out = v->u.str;
		return FV_LITERAL;
	}
	/* Fn::Sub's own variable map: DestRegion: !Ref DestinationRegion */
	if (v && !node_is(v, N_STR)) {
		struct cfn_val cv;
		cfn_eval(d, v, &cv);
		if (cv.how == CFN_UNKNOWN || !node_is(cv.node, N_STR))
			return FV_UNKNOWN;
		*out = cv.node->u.str;
		*param = cv.param;
		return FV_LITERAL;
	}
	if (!v && strcmp(var, pseudo) == 0)
		return FV_SAME;
	/* ${BackupRegion}: a Parameter, with its Default or only value */
	if (!v && (v = cfn_param(d, t->at, var, &def)) && node_is(v, N_STR)) {
		*out = v->u.str;
		*param = def ? arena_strdup(&d->arena, var) : NULL;
		return FV_LITERAL;
	}
	return FV_UNKNOWN;
}

const char *place_note(struct doc *d, const struct place *pl)
{
	const char *p = pl->region_param ? pl->region_param : pl->account_param;
	if (!p)
		return "";
	return arena_printf(&d->arena,
			    " (assumed from the Default of Parameter %s)", p);
}

const char *cfn_vault(struct doc *d, const char *id, const char **name)
{
	struct node *res = cfn_resource(d, id);
	const char *type = cfn_resource_type(res);
	*name = NULL;
	if (!type || (strcmp(type, aws()->cfn_vault) != 0 &&
		      strcmp(type, aws()->cfn_air_gapped_vault) != 0))
		return NULL;
	*name = node_str(map_get(map_get(res, "Properties"),
				 fname(d, F_VAULT_NAME)));
	return id;
}

int place_of(struct doc *d, const struct node *v, struct place *pl,
		struct part parts[3], const char **vault,
		const char **vault_ref)
{
	struct tmpl t;
	struct arn_fields x;
	const char *f[6];
	size_t flen[6], i;
	enum fieldv fv;
	static const size_t idx[3] = {3, 1, 4}; /* region, partition, account */
	const char *val;

	memset(pl, 0, sizeof(*pl));
	*vault = *vault_ref = NULL;
	for (i = 0; i < 3; i++) {
		parts[i].node = v;
		parts[i].off = parts[i].len = 0;
	}
	if (node_intrinsic(v) == FN_GETATT) {
		/* a vault of this very stack: the stack's Region and account */
		const struct node *a = map_val(v, 0);
		const char *id = cfn_ref_target(v);
		if (id && node_is(a, N_SEQ) && a->len == 2 &&
		    node_streq(seq_at(a, 1), "BackupVaultArn") &&
		    cfn_vault(d, id, vault)) {
			*vault_ref = id;
			pl->same_region = pl->same_account =
				pl->same_partition = 1;
			return 0;
		}
		return -1;
	}
	if (value_tmpl(d, v, &t) < 0)
		return -1;
	/* ${AWS::Region} in a plain CloudFormation string is no Region:
	 * BKP801 says so, and nothing else */
	if (!t.sub && d->kind == DOC_CFN && tmpl_has_var(t.text, strlen(t.text)))
		return -1;
	arn_split(t.text, strlen(t.text), ARN_SUB, &x);
	if (x.n != 6 || x.f[0].len != 3 || memcmp(t.text, "arn", 3) != 0)
		return -1;
	for (i = 0; i < 6; i++) {
		f[i] = t.text + x.f[i].off;
		flen[i] = x.f[i].len;
	}
	for (i = 0; i < 3; i++) {
		static const char *const pseudo[3] = {
			"AWS::Region", "AWS::Partition", "AWS::AccountId"};
		size_t k = idx[i];
		const char *param;
		fv = field_value(d, &t, f[k], flen[k], pseudo[i], &val, &param);
		if (t.node && fv == FV_LITERAL && flen[k]) {
			parts[i].node = t.node;
			parts[i].off = (uint32_t)(f[k] - t.text);
			parts[i].len = (uint32_t)flen[k];
		}
		if (fv == FV_LITERAL && !*val)
			fv = FV_UNKNOWN; /* "arn:aws:s3:::x" has no Region */
		switch (i) {
		case 0:
			pl->region = fv == FV_LITERAL ? val : NULL;
			pl->same_region = fv == FV_SAME;
			pl->region_param = fv == FV_LITERAL ? param : NULL;
			break;
		case 1:
			pl->partition = fv == FV_LITERAL ? val : NULL;
			pl->same_partition = fv == FV_SAME;
			break;
		default:
			pl->account = fv == FV_LITERAL ? val : NULL;
			pl->same_account = fv == FV_SAME;
			pl->account_param = fv == FV_LITERAL ? param : NULL;
			break;
		}
	}
	/* an Organizations policy's variables: the account and the Region
	 * each effective plan runs in */
	if (dialect_of(d)->org) {
		/* a template's ${placeholder}: filled in later, unknown */
		if (pl->region && strstr(pl->region, "${"))
			pl->region = NULL;
		if (pl->account && strstr(pl->account, "${"))
			pl->account = NULL;
		if (pl->partition && strstr(pl->partition, "${"))
			pl->partition = NULL;
		if (pl->account && strcmp(pl->account, "$account") == 0)
			pl->same_account = 1;
		if (pl->region && strcmp(pl->region, "$region") == 0)
			pl->same_region = 1;
		/* another $name is no value (BKP106 says so) */
		if (pl->account && pl->account[0] == '$')
			pl->account = NULL;
		if (pl->region && pl->region[0] == '$')
			pl->region = NULL;
	}
	/* resource: backup-vault:NAME */
	if (flen[5] > 13 && memcmp(f[5], "backup-vault:", 13) == 0) {
		char var[128];
		const char *name = f[5] + 13;
		size_t nl = flen[5] - 13;
		if (!t.sub || !tmpl_has_var(name, nl))
			*vault = arena_strndup(&d->arena, name, nl);
		else if (whole_var(name, nl, var, sizeof(var)) &&
			 !map_get(t.vars, var)) {
			const char *id = arena_strdup(&d->arena, var);
			if (cfn_vault(d, id, vault))
				*vault_ref = id;
		}
	}
	return 0;
}

void place_compare(const struct place *src, const struct place *dst, int *xr,
		   int *xa, int *xp, const char **eff_region,
		   const char **eff_partition)
{
	const char *sp = src->partition, *dp;

	*eff_region = dst->same_region ? src->region : dst->region;
	if (dst->same_region)
		*xr = 0;
	else if (dst->region && src->region)
		*xr = strcmp(dst->region, src->region) != 0;
	else
		*xr = -1;
	if (dst->same_account)
		*xa = 0;
	else if (dst->account && src->account)
		*xa = strcmp(dst->account, src->account) != 0;
	else
		*xa = -1;
	/* a known Region decides the partition, whatever the ARN says
	 * (BKP204 reports an ARN whose partition field disagrees) */
	dp = *eff_region ? facts_partition_of(*eff_region) : NULL;
	if (!dp)
		dp = dst->same_partition ? sp : dst->partition;
	*eff_partition = dp;
	if (dp && sp)
		*xp = strcmp(dp, sp) != 0;
	else if (dst->same_partition && !dst->region)
		*xp = 0;
	else
		*xp = -1;
}

