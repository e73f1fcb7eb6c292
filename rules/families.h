/* families.h - the check hooks of each rule family (see registry.h). */
#ifndef BACKUPLINT_FAMILIES_H
#define BACKUPLINT_FAMILIES_H

struct doc;
struct run;

/* rules/schema.c: BKP101-BKP109 */
void schema_check_doc(struct doc *d);
/* rules/lifecycle.c: BKP501-BKP505 */
void lifecycle_check_doc(struct doc *d);
/* rules/schedule.c: BKP601-BKP606 */
void schedule_check_doc(struct doc *d);
/* rules/region.c: BKP201-BKP207 */
void region_check_doc(struct doc *d);
void region_check_run(struct run *r);
/* rules/restype.c: BKP301-BKP306 */
void restype_check_doc(struct doc *d);
void restype_check_run(struct run *r);
/* rules/copymode.c: BKP401-BKP402 */
void copymode_check_doc(struct doc *d);
void copymode_check_run(struct run *r);
/* rules/iam.c: BKP701 */
void iam_check_doc(struct doc *d);
/* rules/template.c: BKP801-BKP802 */
void template_check_doc(struct doc *d);

#endif
