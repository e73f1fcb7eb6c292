/* shapes_gen.h - what build/shapes_gen.c defines: the shape graphs that
 * schemas/shapegen.c compiles from schemas/shapes-*.json at build time.
 * Internal to rules/shapes.c (and the generated file itself). */
#ifndef BACKUPLINT_SHAPES_GEN_H
#define BACKUPLINT_SHAPES_GEN_H

#include "shapes.h"

extern struct db shapes_gen_api, shapes_gen_cfn, shapes_gen_tf;
extern struct arn_kind shapes_gen_arn_kinds[];
extern const size_t shapes_gen_narn_kinds;
/* all but the partitions, which shapes_arns() reads from facts.c */
extern struct shapes_arns shapes_gen_arns;

#endif
