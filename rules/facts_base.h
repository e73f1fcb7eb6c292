/* facts_base.h - private to facts.c and facts_arn.c: the Regions,
 * partitions, resource types and ARN forms shared by every facts dataset,
 * loaded once from regions.json and resource-types.json. */
#ifndef BACKUPLINT_FACTS_BASE_H
#define BACKUPLINT_FACTS_BASE_H

#include <pthread.h>
#include <stddef.h>

#include "facts.h"

#define MAX_TYPES     32
#define MAX_ARN_FORMS 64
#define MAX_PREFIXES  32

struct region_entry {
	struct region_info info;
	char *label;
};

struct partition_prefix {
	const char *prefix, *partition;
};

struct arn_form {
	const char *service, *resource; /* resource "" = any */
	int type;
	int recovery_point; /* a recovery point form, not a resource */
};

struct facts_base {
	pthread_once_t once;
	struct region_entry *regions;
	size_t nregions;
	struct partition_prefix prefixes[MAX_PREFIXES];
	size_t nprefixes;
	const char *partitions[MAX_PREFIXES];
	size_t npartitions;
	const char *type_name[MAX_TYPES];
	const char *type_display[MAX_TYPES];
	size_t ntypes;
	struct arn_form forms[MAX_ARN_FORMS];
	size_t nforms;
	const struct node *shared;	   /* shared_arn_forms */
	const struct node *cfn[MAX_TYPES]; /* CloudFormation resource types */
};
extern struct facts_base base;

/* Load the shared tables once (thread-safe). */
void base_init(void);
/* 1 when list seq holds the string s. */
int seq_has(const struct node *seq, const char *s);

#endif
