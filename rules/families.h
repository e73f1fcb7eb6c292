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

#endif
