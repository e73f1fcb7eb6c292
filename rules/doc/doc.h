/* doc.h - the documentation of each rule, one file a family in rules/doc/:
 * the prose (what it checks, why) and the complete Bad and Good documents
 * that the rows of rules/registry.c point to.
 *
 * Ownership: static data, never freed. */
#ifndef BACKUPLINT_RULES_DOC_H
#define BACKUPLINT_RULES_DOC_H

#include "../../linter/rule.h"

#define RULE_DOC(id) \
	extern const char id##_doc[]; \
	extern const struct rule_example id##_examples[];

/* input.c */
RULE_DOC(bkp001) RULE_DOC(bkp002) RULE_DOC(bkp003) RULE_DOC(bkp004)
RULE_DOC(bkp005) RULE_DOC(bkp006) RULE_DOC(bkp007) RULE_DOC(bkp008)
/* schema.c */
RULE_DOC(bkp101) RULE_DOC(bkp102) RULE_DOC(bkp103) RULE_DOC(bkp104)
RULE_DOC(bkp105) RULE_DOC(bkp106) RULE_DOC(bkp107) RULE_DOC(bkp108)
RULE_DOC(bkp109)
/* region.c */
RULE_DOC(bkp201) RULE_DOC(bkp202) RULE_DOC(bkp203) RULE_DOC(bkp204)
RULE_DOC(bkp205) RULE_DOC(bkp206) RULE_DOC(bkp207) RULE_DOC(bkp208)
/* restype.c */
RULE_DOC(bkp301) RULE_DOC(bkp302) RULE_DOC(bkp303) RULE_DOC(bkp304)
RULE_DOC(bkp305) RULE_DOC(bkp306) RULE_DOC(bkp307)
/* selection.c */
RULE_DOC(bkp308) RULE_DOC(bkp309) RULE_DOC(bkp310)
/* copymode.c */
RULE_DOC(bkp401) RULE_DOC(bkp402)
/* lifecycle.c */
RULE_DOC(bkp501) RULE_DOC(bkp502) RULE_DOC(bkp503) RULE_DOC(bkp504)
RULE_DOC(bkp505) RULE_DOC(bkp506) RULE_DOC(bkp507) RULE_DOC(bkp508)
/* schedule.c */
RULE_DOC(bkp601) RULE_DOC(bkp602) RULE_DOC(bkp603) RULE_DOC(bkp604)
RULE_DOC(bkp605) RULE_DOC(bkp606) RULE_DOC(bkp607) RULE_DOC(bkp608)
/* iam.c */
RULE_DOC(bkp701) RULE_DOC(bkp702)
/* template.c */
RULE_DOC(bkp801) RULE_DOC(bkp802) RULE_DOC(bkp803) RULE_DOC(bkp804)
RULE_DOC(bkp805) RULE_DOC(bkp806) RULE_DOC(bkp807) RULE_DOC(bkp808)
/* policy.c */
RULE_DOC(bkp901) RULE_DOC(bkp902) RULE_DOC(bkp903) RULE_DOC(bkp904)
RULE_DOC(bkp905) RULE_DOC(bkp906) RULE_DOC(bkp907) RULE_DOC(bkp908)
/* orgpolicy.c */
RULE_DOC(bkp110) RULE_DOC(bkp111) RULE_DOC(bkp112)

#undef RULE_DOC

#endif
