/* place.h - where things live: the Region, account and partition of an ARN
 * as a document writes it (a literal, a Parameter's Default, a Fn::Sub
 * template, a Fn::Join of literals and pseudo-parameter Refs, a Fn::GetAtt
 * of a vault of the same template), and comparing two places.
 *
 * Ownership: strings are NUL-terminated copies in the document's arena, or
 * point into its tree. Nothing here reports but report_part(). */
#ifndef BACKUPLINT_PLACE_H
#define BACKUPLINT_PLACE_H

#include <stddef.h>
#include <stdint.h>

#include "../linter/lint.h"

/* Where a vault or resource lives. `same_*` set: it is the source's own
 * (CloudFormation ${AWS::Region}, a vault of the same stack), even when the
 * source itself is unknown. */
struct place {
	const char *region, *account, *partition;
	unsigned same_region : 1, same_account : 1, same_partition : 1;
	unsigned region_from_doc : 1; /* source: from the document, not --region */
	/* the Region or account is a Parameter's Default (assumed) */
	const char *region_param, *account_param;
};

/* A string in the document that a rule may point into: the node, and the
 * byte offset of the part (Region, account...) inside the node's string
 * (len 0: the whole node). */
struct part {
	const struct node *node;
	uint32_t off, len;
};

/* An ARN-like text where ${...} stands for a value CloudFormation fills in.
 * `node` is the string node the text came from when offsets into it are
 * offsets into the text (a literal or a Fn::Sub template), else NULL. */
struct tmpl {
	const char *text;
	const struct node *node;
	const struct node *vars; /* Fn::Sub variable map, or NULL */
	const struct node *at;   /* the value (for the Parameters around it) */
	const char *param;       /* the text is this Parameter's Default */
	int sub;		 /* ${...} are variables (Fn::Sub, Fn::Join) */
};

/* The text of value v for ARN analysis: a literal, a Parameter's Default,
 * a Fn::Sub template, a Fn::Join of literals and Refs. 0, or -1. */
int value_tmpl(struct doc *d, const struct node *v, struct tmpl *t);
/* 1 when s[0..n) holds a ${NAME} variable (not the ${!literal} escape). */
int tmpl_has_var(const char *s, size_t n);

/* The place of an ARN-like value: fills `pl`, the parts (Region,
 * partition, account, in that order) and the backup vault's name (and the
 * logical id of a vault of the template). 0 when it is an ARN (possibly
 * partly unknown), -1 when not. */
int place_of(struct doc *d, const struct node *v, struct place *pl,
	     struct part parts[3], const char **vault, const char **vault_ref);

/* Cross-Region/account/partition of dst against src: 1, 0, or -1 unknown.
 * *eff_region / *eff_partition receive the destination's effective values. */
/* " (assumed from the Default of Parameter R)" when a place's Region or
 * account is a Parameter's Default; else "". */
const char *place_note(struct doc *d, const struct place *pl);

void place_compare(const struct place *src, const struct place *dst,
		   int *xr, int *xa, int *xp, const char **eff_region,
		   const char **eff_partition);

/* CloudFormation: the vault name of vault resource `id` of d (NULL when it
 * does not say); returns id when id is a vault of the template, else NULL. */
const char *cfn_vault(struct doc *d, const char *id, const char **name);

/* Report at part p when its node's text is verbatim, else at the node. */
struct diag *report_part(struct doc *d, int r, const struct part *p,
			 const char *fmt, ...) __attribute__((format(printf, 4, 5)));

#endif
