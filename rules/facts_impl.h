/* facts_impl.h - what facts.c (Regions, resource types, ARN forms) and
 * facts_data.c (the datasets) share. Internal to rules/facts*.c.
 *
 * Failure: a broken data file is a build defect: facts_bad_data() prints
 * the file and what is wrong, and aborts. */
#ifndef BACKUPLINT_FACTS_IMPL_H
#define BACKUPLINT_FACTS_IMPL_H

#include <stddef.h>

#include "../linter/tree.h"
#include "facts.h"

#define MAX_TYPES 32

void facts_bad_data(const char *file, const char *what)
	__attribute__((noreturn));
/* The string member k of map m, or a build defect. */
const char *facts_need_str(const char *file, const struct node *m,
			   const char *k);
/* A fact cell: true, false, null/absent (FACT_UNKNOWN), or {"value":
 * bool|"limited", "note": "...", "except_regions": [...]}. */
enum fact facts_cell(const struct node *c, const char **note,
		     const struct node **except);
/* 1 when list seq holds the string s. */
int facts_seq_has(const struct node *seq, const char *s);

/* Regions and resource types, loaded once. */
void facts_base_init(void);
/* Index of Region `code` in the Region table (0..facts_nregions()-1), or -1. */
long facts_region_index(const char *code);
size_t facts_nregions(void);
const char *facts_region_code(size_t i);

#endif
