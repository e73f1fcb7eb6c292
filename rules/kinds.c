/* kinds.c - the document kinds table and its detection.
 *
 * The table's rows are tried in order on the top-level keys. Three rows
 * recognise a document by keys other AWS Backup documents share (a
 * RecoveryPointArn, an IamRoleArn, a BackupPlanName): such a document is
 * ours only when its keys fit our shape at least as well as they fit any
 * other request or response of the API (schemas/api-documents.json); else
 * it is DOC_OTHER, named and not linted. A document that no row matches
 * but whose top-level key is one slip away from ours ("BackupPlann") is
 * taken for ours, so that the schema family says what is misspelt. */
#include "kinds.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../linter/arena.h"
#include "../linter/data.h"
#include "../linter/lint.h"
#include "../linter/suggest.h"
#include "aws.h"
#include "orgpolicy.h"
#include "registry.h"
#include "shapes.h"
#include "tf_json.h"

static int has(const struct node *r, const char *k)
{
	return map_get(r, k) != NULL;
}

static int is_template(const struct node *r)
{
	return has(r, "AWSTemplateFormatVersion") ||
	       node_is(map_get(r, "Resources"), N_MAP);
}

static int plan_output(const struct node *r)
{
	return has(r, "BackupPlan") &&
	       (has(r, "BackupPlanArn") || has(r, "VersionId") ||
		has(r, "CreationDate") || has(r, "LastExecutionDate") ||
		has(r, "DeletionDate"));
}

static int plan_update(const struct node *r)
{
	return has(r, "BackupPlan") && has(r, "BackupPlanId");
}

static int plan_create(const struct node *r)
{
	return has(r, "BackupPlan");
}

static int selection_output(const struct node *r)
{
	return has(r, "BackupSelection") &&
	       (has(r, "SelectionId") || has(r, "CreationDate"));
}

static int selection_input(const struct node *r)
{
	return has(r, "BackupSelection");
}

static int copy_job(const struct node *r)
{
	return has(r, "RecoveryPointArn") ||
	       (has(r, "SourceBackupVaultName") &&
		has(r, "DestinationBackupVaultArn"));
}

static int plan_bare(const struct node *r)
{
	return has(r, "BackupPlanName") || has(r, "Rules");
}

static int selection_bare(const struct node *r)
{
	return has(r, "SelectionName") || has(r, "IamRoleArn");
}

/* The keys a plan of an Organizations backup policy may have, besides
 * the child-policy control: a `plans` map whose plans have one of them
 * is a policy (a `plans` map of something else is not). */
static int policy(const struct node *r)
{
	static const char *const keys[] = {
		"rules", "regions", "selections", "advanced_backup_settings",
		"backup_plan_tags", "scan_settings",
	};
	const struct node *p = map_get(r, "plans");
	uint32_t i;
	size_t k;

	if (!node_is(p, N_MAP) || (r->flags & NF_BODY))
		return 0;
	if (p->len == 0)
		return r->len == 1;
	for (i = 0; i < p->len; i++) {
		const struct node *plan = map_val(p, i);
		const char *key = node_str(map_key(p, i));
		if (key && strncmp(key, "@@", 2) == 0)
			return 1;
		for (k = 0; node_is(plan, N_MAP) && k < sizeof(keys) / sizeof(keys[0]); k++)
			if (map_get(plan, keys[k]))
				return 1;
	}
	return 0;
}

/* Only the HCL loader flags a document's root as a body. */
static int is_hcl(const struct node *r)
{
	return (r->flags & NF_BODY) != 0;
}

const struct kind doc_kinds[DOC_KIND_COUNT] = {
	[DOC_CFN] = { "CloudFormation template", "template", DIALECT_CFN,
		      ROLE_TEMPLATE, NULL, is_template },
	[DOC_PLAN_OUTPUT] = { "GetBackupPlan output", "plan-output", DIALECT_API,
			      ROLE_PLAN, "BackupPlan", plan_output },
	[DOC_PLAN_UPDATE] = { "UpdateBackupPlan input", "plan-update", DIALECT_API,
			      ROLE_PLAN, "BackupPlan", plan_update },
	[DOC_PLAN_CREATE] = { "CreateBackupPlan input", "plan-create", DIALECT_API,
			      ROLE_PLAN, "BackupPlan", plan_create },
	[DOC_SELECTION_OUTPUT] = { "GetBackupSelection output", "selection-output",
				   DIALECT_API, ROLE_SELECTION, "BackupSelection",
				   selection_output },
	[DOC_SELECTION_INPUT] = { "CreateBackupSelection input", "selection-input",
				  DIALECT_API, ROLE_SELECTION, "BackupSelection",
				  selection_input },
	[DOC_COPY_JOB] = { "StartCopyJob input", "copy-job", DIALECT_API,
			   ROLE_COPY_JOB, NULL, copy_job },
	[DOC_PLAN_BARE] = { "backup plan", "plan-bare", DIALECT_API, ROLE_PLAN,
			    NULL, plan_bare },
	[DOC_SELECTION_BARE] = { "backup selection", "selection-bare", DIALECT_API,
				 ROLE_SELECTION, NULL, selection_bare },
	[DOC_TF] = { "Terraform file", NULL, DIALECT_TF, ROLE_MODULE, NULL,
		     is_hcl },
	[DOC_ORG_POLICY] = { "Organizations backup policy", NULL, DIALECT_ORG,
			     ROLE_POLICY, NULL, policy },
	[DOC_OTHER] = { "another document", NULL, DIALECT_API, 0, NULL, NULL },
};

/* How many top-level keys of r are members of our shape `label`. */
static size_t fit_ours(const struct node *r, const char *label)
{
	const struct shape *s = doc_shape(shapes_api(), label);
	size_t n = 0;
	uint32_t i;
	for (i = 0; s && i < r->len; i++)
		n += node_str(map_key(r, i)) &&
		     member_find(s, node_str(map_key(r, i))) != NULL;
	return n;
}

/* The member names of the other API documents, sorted, each with the
 * document it belongs to: built once, so that a document's keys are
 * looked up by binary search rather than compared with every member of
 * every document. */
struct member_doc {
	const char *name;
	uint32_t doc;
};
static struct {
	pthread_once_t once;
	const struct node *docs;
	struct member_doc *md;
	size_t n;
	long *nmembers;  /* per document: its number of members, -1: none */
} others = { .once = PTHREAD_ONCE_INIT };

static int cmp_member_doc(const void *a, const void *b)
{
	const struct member_doc *x = a, *y = b;
	int c = strcmp(x->name, y->name);
	return c ? c : x->doc < y->doc ? -1 : x->doc > y->doc;
}

static void others_load(void)
{
	const struct node *docs = map_get(data_tree("api-documents.json"), "documents");
	size_t n = 0, w;
	uint32_t i, j;

	others.docs = docs;
	if (!node_is(docs, N_SEQ))
		return;
	others.nmembers = xmalloc((docs->len + 1) * sizeof(*others.nmembers));
	for (i = 0; i < docs->len; i++) {
		const struct node *m = map_get(seq_at(docs, i), "members");
		others.nmembers[i] = node_is(m, N_SEQ) ? (long)m->len : -1;
		n += node_is(m, N_SEQ) ? m->len : 0;
	}
	others.md = xmalloc((n + 1) * sizeof(*others.md));
	for (i = 0; node_is(docs, N_SEQ) && i < docs->len; i++) {
		const struct node *m = map_get(seq_at(docs, i), "members");
		for (j = 0; node_is(m, N_SEQ) && j < m->len; j++)
			if (node_str(seq_at(m, j))) {
				others.md[others.n].name = node_str(seq_at(m, j));
				others.md[others.n++].doc = i;
			}
	}
	qsort(others.md, others.n, sizeof(*others.md), cmp_member_doc);
	/* a name listed twice in one document counts once */
	for (w = 0, j = 0; j < others.n; j++)
		if (!w || cmp_member_doc(&others.md[w - 1], &others.md[j]) != 0)
			others.md[w++] = others.md[j];
	others.n = w;
}

/* The other API document r fits best: the most keys that are its members
 * (ties: the one with the fewest members), or NULL; *fit gets how many. */
static const struct node *fit_other(const struct node *r, size_t *fit)
{
	const struct node *docs, *best = NULL;
	size_t bestn = 0, bestm = 0, *count;
	uint32_t i, k;

	pthread_once(&others.once, others_load);
	docs = others.docs;
	if (!node_is(docs, N_SEQ)) {
		*fit = 0;
		return NULL;
	}
	count = xcalloc(docs->len, sizeof(*count));
	for (k = 0; k < r->len; k++) {
		const char *key = node_str(map_key(r, k));
		size_t lo = 0, hi = others.n;
		if (!key)
			continue;
		while (lo < hi) { /* the first entry not below key */
			size_t mid = (lo + hi) / 2;
			if (strcmp(others.md[mid].name, key) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (; lo < others.n && strcmp(others.md[lo].name, key) == 0; lo++)
			count[others.md[lo].doc]++;
	}
	for (i = 0; i < docs->len; i++) {
		size_t n = count[i];
		if (others.nmembers[i] < 0)
			continue;
		if (n > bestn || (n == bestn && n && (size_t)others.nmembers[i] < bestm)) {
			best = seq_at(docs, i);
			bestn = n;
			bestm = (size_t)others.nmembers[i];
		}
	}
	free(count);
	*fit = bestn;
	return best;
}

/* A template is ours when it has a resource of the AWS::Backup namespace
 * (or one a slip away from one of its types). */
static int backup_template(const struct node *r)
{
	const struct node *res = map_get(r, "Resources");
	size_t nt, t;
	const char *const *types = aws_cfn_namespace_types(&nt);
	uint32_t i;

	for (i = 0; node_is(res, N_MAP) && i < res->len; i++) {
		const char *ty = node_str(map_get(map_val(res, i), "Type"));
		if (!ty)
			continue;
		if (strncmp(ty, "AWS::Backup::", 13) == 0)
			return 1;
		/* an Organizations backup policy (orgpolicy_embed.c) */
		if (strcmp(ty, org_embedded_name("cfn_type")) == 0 &&
		    node_streq(map_get(map_get(map_val(res, i), "Properties"),
				       org_embedded_name("cfn_type_property")),
			       org_embedded_name("policy_type")))
			return 1;
		for (t = 0; t < nt; t++)
			if (edit_distance_max(ty, strlen(ty), types[t],
					      strlen(types[t]), 1, 2) <= 2)
				return 1;
	}
	/* a template that defines no resource at all says nothing */
	return !node_is(res, N_MAP) || res->len == 0;
}

/* One slip away from a key only our documents have. */
static int misspelt_kind(const struct node *r)
{
	static const struct { const char *key; int kind; } marks[] = {
		{ "BackupPlan", DOC_PLAN_CREATE },
		{ "BackupSelection", DOC_SELECTION_INPUT },
		{ "BackupPlanName", DOC_PLAN_BARE },
		{ "SelectionName", DOC_SELECTION_BARE },
		{ "RecoveryPointArn", DOC_COPY_JOB },
		{ "AWSTemplateFormatVersion", DOC_CFN },
	};
	uint32_t i;
	size_t k;
	for (i = 0; i < r->len; i++) {
		const char *key = node_str(map_key(r, i));
		if (!key)
			continue;
		for (k = 0; k < sizeof(marks) / sizeof(marks[0]); k++)
			if (edit_distance_max(key, strlen(key), marks[k].key,
					      strlen(marks[k].key), 0, 1) == 1)
				return marks[k].kind;
	}
	return -1;
}

const char *kinds_other(const struct doc *d, const char **vault)
{
	const struct node *o;
	size_t fit;
	if (vault)
		*vault = NULL;
	if (is_template(d->root))
		return "CloudFormation template without AWS::Backup resources";
	o = fit_other(d->root, &fit);
	if (vault)
		*vault = node_str(map_get(o, "vault"));
	return o ? arena_printf(&((struct doc *)d)->arena, "%s document",
				node_str(map_get(o, "name")))
		 : "request or response of the AWS Backup API";
}

void kinds_check_doc(struct doc *d)
{
	struct diag *dg;
	if (d->kind != DOC_OTHER || !d->file->explicit_arg ||
	    map_get(d->root, "FrameworkControls")) /* a framework: policy family */
		return;
	dg = report(d, BKP003, d->root->len ? map_key(d->root, 0) : d->root,
		    "a %s: backuplint lints backup plans, selections, copy jobs, "
		    "Organizations backup policies and the CloudFormation "
		    "templates that define them; nothing to lint",
		    kinds_other(d, NULL));
	(void)dg;
}

int kinds_classify(struct doc *d)
{
	const struct node *r = d->root;
	size_t other;
	int k;

	if (!node_is(r, N_MAP))
		return -1;
	if (tf_json_file(d))
		tf_json_convert(d); /* read as Terraform */
	r = d->root;
	if (is_hcl(r))
		return DOC_TF;
	for (k = 0; k < DOC_OTHER; k++)
		if (doc_kinds[k].match(r))
			break;
	if (k == DOC_CFN)
		return backup_template(r) ? DOC_CFN : DOC_OTHER;
	if (k == DOC_COPY_JOB || k == DOC_PLAN_BARE || k == DOC_SELECTION_BARE) {
		/* keys other documents share: ours only when they fit ours */
		fit_other(r, &other);
		return other > fit_ours(r, doc_kinds[k].shape) ? DOC_OTHER : k;
	}
	if (k < DOC_OTHER)
		return k;
	if ((k = misspelt_kind(r)) >= 0)
		return k != DOC_CFN || backup_template(r) ? k : DOC_OTHER;
	/* another API document, all of whose keys fit it */
	fit_other(r, &other);
	return other && other == r->len ? DOC_OTHER : -1;
}

/* Words one of our documents must contain somewhere. */
static const char *const marks[] = {
	"BackupPlan", "BackupSelection", "AWS::Backup::", "RecoveryPointArn",
	"BackupVault", "SelectionName", "aws_backup_", "FrameworkControls",
	"provider \"aws\"", /* a module's Region, for its other files */
	/* a module's variables and locals (rules/tf_eval.c), the roles its
	 * selections use (rules/tf_iam.c) */
	"variable \"", "locals", "aws_iam_role\"", "aws_iam_policy_document\"",
	"@@assign", "@@append", "@@remove", "BACKUP_POLICY", /* policies */
};
#define NMARKS (sizeof(marks) / sizeof(marks[0])) /* at most 32 */
static struct {
	pthread_once_t once;
	uint32_t starts[256]; /* the marks a byte starts (bit k) */
	size_t len[NMARKS];
} mk = { .once = PTHREAD_ONCE_INIT };

static void marks_init(void)
{
	size_t k;
	for (k = 0; k < NMARKS; k++) {
		mk.starts[(unsigned char)marks[k][0]] |= (uint32_t)1 << k;
		mk.len[k] = strlen(marks[k]);
	}
}

int kinds_relevant(const char *buf, size_t len)
{
	size_t i, k;
	/* one pass over the text, not a search for each mark (a Terraform
	 * file has none of the first marks: a pass for each) */
	pthread_once(&mk.once, marks_init);
	/* most backup documents have the first mark early: memmem finds it
	 * faster than the pass below */
	if (memmem(buf, len, marks[0], mk.len[0]))
		return 1;
	for (i = 0; i + 1 < len; i++) {
		uint32_t m = mk.starts[(unsigned char)buf[i]];
		while (m) {
			k = (size_t)__builtin_ctz(m);
			m &= m - 1;
			if (marks[k][1] == buf[i + 1] && len - i >= mk.len[k] &&
			    memcmp(buf + i, marks[k], mk.len[k]) == 0)
				return 1;
		}
	}
	return 0;
}
