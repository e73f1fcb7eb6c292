/* registry.h - the one table of rules and the rule families that check them.
 *
 * Every rule backuplint can report is a row of rules[] in registry.c, indexed
 * by enum rule_id; ids are stable and never reused. A family (one module in
 * rules/) checks a group of rules: check_doc runs on each loaded document,
 * check_run once per run after all files are loaded (for findings that link
 * documents, such as a selection in one file and its plan in another). */
#ifndef BACKUPLINT_REGISTRY_H
#define BACKUPLINT_REGISTRY_H

#include <stddef.h>

#include "../linter/checker.h"
#include "../linter/rule.h"
#include "../linter/session.h"

enum rule_id {
	/* input: loading and encoding (linter/) */
	BKP001, BKP002, BKP003, BKP004, BKP005, BKP006, BKP007, BKP008,
	/* schema: document shapes (rules/schema.c) */
	BKP101, BKP102, BKP103, BKP104, BKP105, BKP106, BKP107, BKP108, BKP109,
	/* Organizations backup policies (rules/orgpolicy_check.c) */
	BKP110, BKP111, BKP112,
	/* regions (rules/region.c) */
	BKP201, BKP202, BKP203, BKP204, BKP205, BKP206, BKP207, BKP208,
	/* resource types (rules/restype.c) */
	BKP301, BKP302, BKP303, BKP304, BKP305, BKP306, BKP307,
	/* selections (rules/selection.c) */
	BKP308, BKP309, BKP310,
	/* copy modes (rules/copymode.c) */
	BKP401, BKP402,
	/* lifecycle (rules/lifecycle.c) */
	BKP501, BKP502, BKP503, BKP504, BKP505,
	/* retention against vaults and copies (rules/retention.c) */
	BKP506, BKP507, BKP508,
	/* schedule and windows (rules/schedule.c) */
	BKP601, BKP602, BKP603, BKP604, BKP605, BKP606, BKP607, BKP608,
	/* IAM (rules/iam.c) */
	BKP701, BKP702,
	/* CloudFormation template structure (rules/template.c) */
	BKP801, BKP802, BKP803,
	/* references of a template (rules/refs.c) */
	BKP804, BKP805, BKP806,
	/* template structure again (rules/template.c) */
	BKP807,
	/* rules/refs.c */
	BKP808,
	/* policy controls (rules/policy.c), off unless configured */
	BKP901, BKP902, BKP903, BKP904, BKP905, BKP906, BKP907,
	/* Audit Manager frameworks in the documents (rules/policy_framework.c) */
	BKP908,
	RULE_COUNT
};

extern const struct rule rules[RULE_COUNT];

/* backuplint's checker: the table above, the families, the document
 * kinds (kinds.h) and the AWS state of a session and a run. */
extern const struct checker backuplint;

struct facts;
struct session;
struct run;

/* What a session holds for the rules: the facts dataset --facts chose. */
struct aws_session {
	const struct facts *facts;
};

/* What a run holds for the rules: the links between its documents
 * (model.c). */
struct sel_m;
struct aws_run {
	int linked;
	struct sel_m **sels;  /* every plan's selections, in one array */
	struct doc **tf;      /* the Terraform documents, by module
			       * (tf_module_docs), or NULL */
	size_t ntf;
	/* policy controls: findings and undecided notes reported so far,
	 * which tell a control's verdict (policy.c) */
	unsigned policy_fails, policy_undecided;
};

static inline struct aws_session *aws_session(const struct session *s)
{
	return s->state;
}

#endif
