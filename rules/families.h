/* families.h - the check hooks of each rule family (see registry.h). */
#ifndef BACKUPLINT_FAMILIES_H
#define BACKUPLINT_FAMILIES_H

struct doc;
struct run;

#endif
