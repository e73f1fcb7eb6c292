/* shapes_build.h - the shape compiler of the build tool schemas/shapegen.c
 * (schemas/shapes_build.c). Not linked into backuplint. */
#ifndef BACKUPLINT_SHAPES_BUILD_H
#define BACKUPLINT_SHAPES_BUILD_H

#include "../rules/shapes.h"

/* Everything rules/shapes.c serves, as the compiler makes it. The ARN
 * checks' partitions (regions.json, through facts.c) are left out:
 * shapes.c reads them at run time. */
struct shapes_built {
	struct db api, cfn, tf;
	struct arn_kind *arn_kinds;
	size_t narn_kinds;
	struct shapes_arns arns;
};
extern struct shapes_built built;

/* Compiles the three shapes files into `built`. */
void shapes_build(void);

#endif
