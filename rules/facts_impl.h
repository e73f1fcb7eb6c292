/* facts_impl.h - what facts.c (Regions, resource types, ARN forms),
 * facts_arn.c (ARN classification) and facts_data.c (the datasets)
 * share. Internal to rules/facts*.c.
 *
 * Failure: a broken data file is a build defect: facts_bad_data() prints
 * the file and what is wrong, and aborts. */
#ifndef BACKUPLINT_FACTS_IMPL_H
#define BACKUPLINT_FACTS_IMPL_H

#include <pthread.h>
#include <stdint.h>
#include <stddef.h>

#include "../linter/tree.h"
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
	size_t service_len, resource_len;
	int type;
	int recovery_point; /* a recovery point form, not a resource */
	const char *display; /* what its resources are called, when not the
			      * type's display ("Amazon Redshift Serverless
			      * namespaces"), or NULL */
	const char *bare; /* the resource is a bare name (an S3 bucket): one
			   * with a '/' names something inside it, which is
			   * no resource of the type; the reason, or NULL */
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
	/* forms[] indexes sorted by service, then by their order in forms[]:
	 * an ARN's service finds its forms by binary search */
	unsigned char by_service[MAX_ARN_FORMS];
	const struct node *shared;	   /* shared_arn_forms */
	struct shared_form {		   /* the same, read once */
		const char *service, *resource;
		size_t service_len, resource_len;
		uint32_t maybe;
		const char *note, *display;
	} *shared_forms;
	size_t nshared;
	const struct node *cfn[MAX_TYPES]; /* CloudFormation resource types */
	const struct node *tf[MAX_TYPES];  /* Terraform resource types */
};
extern struct facts_base base;


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
