/* iam.c - BKP701: a CloudFormation IAM role that a backup selection uses
 * (IamRoleArn), or the aws_iam_role of a Terraform selection's iam_role_arn
 * (its assume_role_policy, read by tf_iam.c), must trust
 * backup.amazonaws.com, or AWS Backup cannot assume it and every backup
 * job of the selection fails. BKP702: such a role trusts with NotPrincipal. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../linter/lint.h"
#include "aws.h"
#include "cfn.h"
#include "families.h"
#include "registry.h"
#include "kinds.h"
#include "model.h"
#include "tf_eval.h"


/* The logical id of the AWS::IAM::Role an IamRoleArn value names: GetAtt
 * R.Arn, Sub "${R.Arn}", Sub ".../role/${R}" (Ref of a role is its name). */
static const char *role_target(struct doc *d, const struct node *v)
{
	const char *id = NULL;
	const struct node *a;
	const char *s, *p, *e;
	static const char role[] = ":role/${";

	switch (node_intrinsic(v)) {
	case FN_GETATT:
		a = map_val(v, 0);
		if (node_is(a, N_SEQ) && a->len == 2 &&
		    node_streq(seq_at(a, 1), "Arn"))
			id = cfn_ref_target(v);
		break;
	case FN_SUB:
		a = map_val(v, 0);
		if (node_is(a, N_SEQ) && a->len >= 1)
			a = seq_at(a, 0);
		s = node_str(a);
		if (!s)
			break;
		if (strncmp(s, "${", 2) == 0 && (e = strstr(s, ".Arn}")) &&
		    e[5] == '\0' && !memchr(s + 2, '}', (size_t)(e - s - 2)))
			id = arena_strndup(&d->arena, s + 2,
					   (size_t)(e - s - 2));
		else if ((p = strstr(s, role)) &&
			 (e = strchr(p + sizeof(role) - 1, '}')) &&
			 e[1] == '\0')
			id = arena_strndup(
				&d->arena, p + sizeof(role) - 1,
				(size_t)(e - p - (sizeof(role) - 1)));
		break;
	default:
		break;
	}
	if (!id)
		return NULL;
	s = cfn_resource_type(cfn_resource(d, id));
	return s && strcmp(s, aws()->cfn_role) == 0 ? id : NULL;
}

/* 1: v (string or list) contains want; 0: it does not; -1: cannot tell
 * (an intrinsic). `star` makes "*" and PREFIX:* match too. */
static int has_value(const struct node *v, const char *want, int star)
{
	uint32_t i;
	int unknown = 0;
	const char *colon = strchr(want, ':');

	if (node_is(v, N_EXPR))
		return -1; /* Terraform: known when it plans */
	if (node_is(v, N_SEQ)) {
		for (i = 0; i < v->len; i++) {
			int r = has_value(seq_at(v, i), want, star);
			if (r == 1)
				return 1;
			if (r < 0)
				unknown = 1;
		}
		return unknown ? -1 : 0;
	}
	if (node_intrinsic(v) != FN_NONE) {
		/* Fn::Sub "backup.${AWS::URLSuffix}" names the Backup service */
		const struct node *a = map_val(v, 0);
		if (node_intrinsic(v) == FN_SUB && node_is(a, N_STR) &&
		    strncmp(a->u.str, want, strcspn(want, ".") + 1) == 0)
			return 1;
		return -1;
	}
	if (!node_is(v, N_STR))
		return 0;
	if (strcasecmp(v->u.str, want) == 0)
		return 1;
	if (star &&
	    (strcmp(v->u.str, "*") == 0 ||
	     (colon &&
	      strncasecmp(v->u.str, want, (size_t)(colon - want + 1)) == 0 &&
	      strcmp(v->u.str + (colon - want + 1), "*") == 0)))
		return 1;
	return 0;
}

/* The services a statement's Principal names, for the message. */
static void list_services(const struct node *principal, char *buf, size_t n)
{
	const struct node *svc = map_get(principal, "Service");
	size_t used = strlen(buf);
	uint32_t i, cnt = node_is(svc, N_SEQ) ? svc->len : 1;
	for (i = 0; i < cnt; i++) {
		const char *s =
			node_str(node_is(svc, N_SEQ) ? seq_at(svc, i) : svc);
		int w;
		if (!s)
			continue;
		w = snprintf(buf + used, n - used, "%s%s", used ? ", " : "", s);
		if (w < 0 || (size_t)w >= n - used)
			return;
		used += (size_t)w;
	}
}

/* What a trust policy says of AWS Backup. */
struct trust {
	int trusted;                /* 1 yes, 0 no, -1 cannot tell */
	const struct node *at;      /* where to point when not */
	char why[400];              /* what is wrong, for the message */
	const struct node *notp;    /* an Allow with NotPrincipal (BKP702) */
};

/* The actions a statement allows, for a message. */
static void list_actions(const struct node *act, char *buf, size_t n)
{
	uint32_t i, cnt = node_is(act, N_SEQ) ? act->len : 1;
	size_t used = 0;
	buf[0] = '\0';
	for (i = 0; i < cnt; i++) {
		const char *s = node_str(node_is(act, N_SEQ) ? seq_at(act, i) : act);
		int w;
		if (!s)
			continue;
		w = snprintf(buf + used, n - used, "%s%s", used ? ", " : "", s);
		if (w < 0 || (size_t)w >= n - used)
			return;
		used += (size_t)w;
	}
}

/* Trust policy `doc` (its member's key `dkey`, where to point when it
 * has no statement to point at). */
static void analyse(const struct node *doc, const struct node *dkey,
		    struct trust *tr)
{
	const struct node *st = map_get(doc, "Statement");
	const char *svc = aws()->backup_principal;
	char svcs[300] = "", acts[200];
	const struct node *first = NULL, *deny = NULL, *wrong_action = NULL;
	uint32_t i, cnt;

	memset(tr, 0, sizeof(*tr));
	tr->trusted = -1;
	if (!node_is(doc, N_MAP) || !st || node_intrinsic(st) != FN_NONE)
		return; /* a JSON string or an intrinsic: cannot tell */
	if (!node_is(st, N_SEQ) && !node_is(st, N_MAP))
		return;
	cnt = node_is(st, N_SEQ) ? st->len : 1;
	tr->trusted = 0;
	for (i = 0; i < cnt; i++) {
		const struct node *s = node_is(st, N_SEQ) ? seq_at(st, i) : st;
		const struct node *eff = map_get(s, "Effect");
		const struct node *pr = map_get(s, "Principal");
		int r1, r2;
		if (!node_is(s, N_MAP) || node_intrinsic(s) != FN_NONE ||
		    !node_is(eff, N_STR) ||
		    (strcmp(eff->u.str, "Allow") != 0 &&
		     strcmp(eff->u.str, "Deny") != 0)) {
			/* an Effect written otherwise ("allow"): not judged */
			tr->trusted = -1;
			return;
		}
		if (strcmp(eff->u.str, "Allow") == 0 && map_get(s, "NotPrincipal")) {
			/* everyone but the principals it names */
			tr->notp = map_get_key(s, "NotPrincipal");
			r1 = has_value(map_get(map_get(s, "NotPrincipal"), "Service"), svc, 0);
			r2 = has_value(map_get(s, "Action"), "sts:AssumeRole", 1);
			if (r1 == 0 && r2 == 1)
				tr->trusted = 1;
			else if (r1 < 0 || r2 < 0)
				tr->trusted = -1;
			continue;
		}
		if (map_get(s, "NotAction") || map_get(s, "NotPrincipal")) {
			tr->trusted = -1; /* an exclusion list we do not judge */
			return;
		}
		r1 = node_streq(pr, "*") ? 1 : has_value(map_get(pr, "Service"), svc, 0);
		r2 = has_value(map_get(s, "Action"), "sts:AssumeRole", 1);
		if (r1 < 0 || r2 < 0) {
			tr->trusted = -1;
			return;
		}
		if (strcmp(eff->u.str, "Allow") != 0) {
			if (r1 == 1 && r2 == 1 && !deny)
				deny = map_get_key(s, "Effect");
			continue;
		}
		if (r1 == 1 && r2 == 1) {
			if (tr->trusted == 0)
				tr->trusted = 1;
			continue;
		}
		if (r1 == 1 && !wrong_action) {
			wrong_action = map_get(s, "Action") ? map_get(s, "Action")
							    : map_get_key(s, "Effect");
			list_actions(map_get(s, "Action"), acts, sizeof(acts));
		}
		if (!first)
			first = pr ? pr : map_get_key(s, "Effect");
		list_services(pr, svcs, sizeof(svcs));
	}
	if (deny) {
		tr->trusted = tr->trusted < 0 ? -1 : 0;
		tr->at = deny;
		snprintf(tr->why, sizeof(tr->why), "a statement with Effect Deny "
			 "denies it sts:AssumeRole, which no Allow overrides");
		return;
	}
	if (tr->trusted != 0)
		return;
	if (wrong_action) {
		tr->at = wrong_action;
		snprintf(tr->why, sizeof(tr->why), "it allows %s only %s, not "
			 "sts:AssumeRole", svc, acts[0] ? acts : "other actions");
	} else if (svcs[0]) {
		tr->at = first;
		snprintf(tr->why, sizeof(tr->why), "it trusts %s instead", svcs);
	} else {
		tr->at = first ? first : dkey;
		snprintf(tr->why, sizeof(tr->why), "no statement allows it "
			 "sts:AssumeRole");
	}
}

/* BKP701 and BKP702 for role `id` (whose policy nodes are in document
 * `in`), the role of selection s of d; `member`: the policy's name. */
static void report_trust(struct doc *d, struct doc *in, const struct sel_m *s,
			 const char *id, const char *member,
			 const struct trust *tr)
{
	struct diag *dg;
	if (tr->notp) {
		dg = report(in, BKP702, tr->notp,
			    "role '%s', the %s of selection '%s', trusts "
			    "every principal but those NotPrincipal names: "
			    "with Effect Allow, NotPrincipal lets any AWS "
			    "account assume the role",
			    id, fname(d, F_IAM_ROLE), s->name);
		diag_hint(in->file, dg, "name the trusted service in "
			  "Principal: {Service: %s}", aws()->backup_principal);
	}
	if (tr->trusted != 0 || !tr->at)
		return;
	dg = report(in, BKP701, tr->at,
		    "role '%s', the %s of selection '%s', does not let %s "
		    "assume it: %s; every backup job of the selection fails",
		    id, fname(d, F_IAM_ROLE), s->name, aws()->backup_principal,
		    tr->why);
	diag_hint(in->file, dg,
		  "allow sts:AssumeRole for Principal Service %s in %s",
		  aws()->backup_principal, member);
}

/* Terraform: the aws_iam_role a selection's iam_role_arn references. */
static void tf_check(struct doc *d, struct doc_model *m)
{
	const char *done[64];
	size_t i, k, ndone = 0;
	for (i = 0; i < m->nsels; i++) {
		const struct sel_m *s = &m->sels[i];
		const struct node *key = NULL, *pol;
		const char *id = NULL;
		struct doc *in = d;
		struct trust tr;
		int seen = 0;
		pol = tf_role_trust(d, s->iam_role.at, &id, &in, &key);
		for (k = 0; pol && k < ndone; k++)
			seen |= strcmp(done[k], id) == 0;
		if (!pol || seen)
			continue;
		if (ndone < sizeof(done) / sizeof(done[0]))
			done[ndone++] = id;
		analyse(pol, key, &tr);
		report_trust(d, in, s, id, "assume_role_policy", &tr);
	}
}

void iam_check_doc(struct doc *d)
{
	struct doc_model *m = model_of(d);
	const struct node *props;
	const char *done[64];
	size_t ndone = 0, i, k;

	if (d->kind == DOC_TF)
		tf_check(d, m);
	if (d->kind != DOC_CFN)
		return;
	for (i = 0; i < m->nsels; i++) {
		const struct sel_m *s = &m->sels[i];
		const char *id =
			role_target(d, s->iam_role.at);
		struct trust tr;
		int seen = 0;
		if (!id)
			continue;
		for (k = 0; k < ndone; k++)
			seen |= strcmp(done[k], id) == 0;
		if (seen)
			continue;
		if (ndone < sizeof(done) / sizeof(done[0]))
			done[ndone++] = id;
		props = map_get(cfn_resource(d, id), "Properties");
		analyse(map_get(props, "AssumeRolePolicyDocument"),
			map_get_key(props, "AssumeRolePolicyDocument"), &tr);
		report_trust(d, d, s, id, "AssumeRolePolicyDocument", &tr);
	}
}
