/* families.h - the check hooks of each rule family (see registry.h). */
#ifndef BACKUPLINT_FAMILIES_H
#define BACKUPLINT_FAMILIES_H

#include <stddef.h>

struct doc;
struct run;
struct strbuf;

/* rules/schema.c: BKP101-BKP109 */
void schema_check_doc(struct doc *d);
/* rules/lifecycle.c: BKP501-BKP505 */
void lifecycle_check_doc(struct doc *d);
/* rules/schedule.c: BKP601-BKP606 */
void schedule_check_doc(struct doc *d);
/* rules/region.c: BKP201-BKP208 */
void region_check_doc(struct doc *d);
void region_check_run(struct run *r);
/* rules/restype.c: BKP301-BKP306 */
void restype_check_doc(struct doc *d);
void restype_check_run(struct run *r);
/* rules/copymode.c: BKP401-BKP402 */
void copymode_check_doc(struct doc *d);
void copymode_check_run(struct run *r);
/* rules/selection.c: BKP308-BKP310 */
void selection_check_doc(struct doc *d);
void selection_check_run(struct run *r);
/* rules/retention.c: BKP506-BKP508 */
void retention_check_doc(struct doc *d);
void retention_check_run(struct run *r);
/* rules/iam.c: BKP701-BKP702 */
void iam_check_doc(struct doc *d);
/* rules/template.c: BKP801-BKP803, BKP807 */
void template_check_doc(struct doc *d);
/* rules/refs.c: BKP804-BKP806, BKP808 */
void refs_check_doc(struct doc *d);
/* rules/hover.c: the checker's hover hook (checker.h) */
int aws_hover(struct doc *d, size_t off, struct strbuf *out);
/* rules/orgpolicy_check.c: BKP110-BKP112, and BKP002, BKP101, BKP102,
 * BKP106, BKP107, BKP109, BKP201 on Organizations backup policies */
void orgpolicy_check_doc(struct doc *d);

#endif
