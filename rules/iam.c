/* iam.c - BKP701: a CloudFormation IAM role that a backup selection uses
 * (IamRoleArn) must trust backup.amazonaws.com, or AWS Backup cannot assume
 * it and every backup job of the selection fails. */
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

/* Check one role; returns the node to report at when it does not trust
 * AWS Backup, NULL when it does or when we cannot tell. */
static const struct node *untrusted(const struct node *role, char *svcs,
				    size_t n)
{
	const struct node *props = map_get(role, "Properties");
	const struct node *doc = map_get(props, "AssumeRolePolicyDocument");
	const struct node *st = map_get(doc, "Statement");
	const struct node *first = NULL;
	uint32_t i, cnt;

	svcs[0] = '\0';
	if (!node_is(doc, N_MAP) || !st || node_intrinsic(st) != FN_NONE)
		return NULL; /* a JSON string or an intrinsic: cannot tell */
	if (!node_is(st, N_SEQ) && !node_is(st, N_MAP))
		return NULL;
	cnt = node_is(st, N_SEQ) ? st->len : 1;
	for (i = 0; i < cnt; i++) {
		const struct node *s = node_is(st, N_SEQ) ? seq_at(st, i) : st;
		const struct node *eff = map_get(s, "Effect");
		const struct node *pr = map_get(s, "Principal");
		int r1, r2;
		if (!node_is(s, N_MAP) || node_intrinsic(s) != FN_NONE)
			return NULL;
		if (!node_is(eff, N_STR))
			return NULL;
		if (strcmp(eff->u.str, "Allow") != 0)
			continue;
		/* NotPrincipal / NotAction: an exclusion list we do not judge */
		if (map_get(s, "NotPrincipal") || map_get(s, "NotAction"))
			return NULL;
		r1 = node_streq(pr, "*") ? 1
					 : has_value(map_get(pr, "Service"),
						     aws()->backup_principal, 0);
		r2 = has_value(map_get(s, "Action"), "sts:AssumeRole", 1);
		if (r1 < 0 || r2 < 0 || (r1 == 1 && r2 == 1))
			return NULL;
		if (!first)
			first = pr ? pr : map_get_key(s, "Effect");
		list_services(pr, svcs, n);
	}
	return first ? first : map_get_key(props, "AssumeRolePolicyDocument");
}

void iam_check_doc(struct doc *d)
{
	struct doc_model *m = model_of(d);
	const char *done[64];
	size_t ndone = 0, i, k;

	if (d->kind != DOC_CFN)
		return;
	for (i = 0; i < m->nsels; i++) {
		const struct sel_m *s = &m->sels[i];
		const char *id =
			role_target(d, s->iam_role.at);
		const struct node *at;
		char svcs[300];
		struct diag *dg;
		int seen = 0;
		if (!id)
			continue;
		for (k = 0; k < ndone; k++)
			seen |= strcmp(done[k], id) == 0;
		if (seen)
			continue;
		if (ndone < sizeof(done) / sizeof(done[0]))
			done[ndone++] = id;
		at = untrusted(cfn_resource(d, id), svcs, sizeof(svcs));
		if (!at)
			continue;
		dg = report(
			d, BKP701, at,
			"role '%s', the %s of selection '%s', does not "
			"trust %s%s%s%s: AWS Backup cannot assume it, and every "
			"backup job of the selection fails",
			id, fname(d, F_IAM_ROLE), s->name, aws()->backup_principal,
			svcs[0] ? " (it trusts " : "", svcs,
			svcs[0] ? ")" : "");
		diag_hint(d->file, dg,
			  "allow sts:AssumeRole for Principal "
			  "Service %s in AssumeRolePolicyDocument",
			  aws()->backup_principal);
	}
}
