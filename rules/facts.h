/* facts.h - the AWS facts backuplint's policy rules rest on, as dated datasets.
 *
 * Facts are data in schemas/ (embedded in the binary), never code:
 *   regions.json         every Region by partition, its name and opt-in status
 *   resource-types.json  AWS Backup resource types and the ARN forms that name them
 *   facts-spec.json      dataset "spec": the cross-Region copy guide of the
 *                        product spec (the default)
 *   facts-current.json   dataset "current": today's AWS feature matrix
 * A dataset says where AWS Backup and cross-Region copy are offered and, per
 * resource type, which copy kinds, cold storage and continuous backup work.
 * Each file carries its name, date and AWS sources; every fact-based message
 * names the dataset and source (facts_cite()).
 *
 * Ownership: datasets are parsed on first use (thread-safe, once per process)
 * and never freed; every pointer returned here lives for the whole process.
 * Failure: an unknown dataset name is the caller's usage error (check with
 * facts_valid() first); a broken data file is a build defect and aborts. */
#ifndef BACKUPLINT_FACTS_H
#define BACKUPLINT_FACTS_H

#include <stddef.h>
#include <stdint.h>

struct doc;
struct facts;


/* The datasets are the files schemas/facts-NAME.json; schemas/aws.json
 * names the default. */

/* 1 when `name` is a dataset ("spec", "current"), else 0. */
int facts_valid(const char *name);
/* NULL-terminated dataset names, default first, for --help and usage errors. */
const char *const *facts_names(void);
/* One line per dataset for --help: "spec (2022-12, AWS Backup ...)". */
const char *facts_describe(const char *name);

/* Dataset by name (NULL = default); NULL when the name is unknown. */
const struct facts *facts_get(const char *name);
/* The dataset selected for document d (--facts, default "spec"). */
const struct facts *facts_of(const struct doc *d);

const char *facts_name(const struct facts *f);   /* "spec" */
const char *facts_date(const struct facts *f);   /* "2022-12-16" */
/* Short source for messages: "AWS Backup cross-Region copy guide". */
const char *facts_source(const struct facts *f);
/* "facts: spec, AWS Backup cross-Region copy guide" - for message tails. */
const char *facts_cite(const struct facts *f);

/* A fact's value. LIMITED means "supported, but only under a condition"
 * (facts_*_note() says which, e.g. DynamoDB advanced backup features);
 * rules report LIMITED one severity lower than NO. UNKNOWN means the
 * dataset does not say; rules stay silent. */
enum fact {
	FACT_NO,
	FACT_YES,
	FACT_LIMITED,
	FACT_UNKNOWN,
};

/* A dataset-wide fact by name (the "flags" of the dataset file), with its
 * note: "continuous_copy_is_snapshot" (a copy of a continuous backup to
 * another Region or account is a snapshot, without point-in-time restore). */
enum fact facts_flag(const struct facts *f, const char *name,
		     const char **note);

/* ---- Regions (the Region list is shared by all datasets) ---- */

struct region_info {
	const char *code;       /* "eu-south-1" */
	const char *name;       /* "Europe (Milan)" */
	const char *partition;  /* "aws", "aws-cn", "aws-us-gov", ... */
	int opt_in;             /* 1: the account must enable the Region */
};

/* The Region with this code, or NULL when no partition has it. */
const struct region_info *facts_region(const char *code);
/* The closest known Region code to an unknown one (edit distance <= 2,
 * "us-est-1" -> "us-east-1"), or NULL. */
const char *facts_region_suggest(const char *code);
/* The Region a misspelt code means when exactly one is closest and close
 * enough (at most two edits): the fix of BKP201; NULL otherwise. */
const char *facts_region_fix(const char *code);
/* "eu-south-1 (Europe (Milan))", or the bare code when unknown; static
 * storage per Region, safe to keep. */
const char *facts_region_label(const char *code);
/* Partition a Region code belongs to by the partitions' Region patterns
 * (for codes not in the list), or NULL. */
const char *facts_partition_of(const char *code);
/* The partitions of regions.json ("aws", "aws-cn", ...), n of them. */
const char *const *facts_partitions(size_t *n);
/* 1 when `name` is a partition of regions.json ("aws", "aws-cn", ...). */
int facts_partition_valid(const char *name);

/* AWS Backup offered in Region `code` per dataset f; facts_backup_source()
 * names where the dataset's Region list comes from ("botocore ..."). */
enum fact facts_backup_offered(const struct facts *f, const char *code);
const char *facts_backup_source(const struct facts *f);
/* Cross-Region copy offered from/to Region `code` per dataset f. */
enum fact facts_cross_region_offered(const struct facts *f, const char *code);
/* Cross-account copy offered from/to Region `code` per dataset f (the
 * China Regions offer none under "current"). */
enum fact facts_cross_account_offered(const struct facts *f, const char *code);
/* The dataset's reason for a NO from the two functions above (Region `code`),
 * or NULL. */
const char *facts_region_note(const struct facts *f, const char *code,
			      int cross_account);

/* ---- Resource types ---- */

/* Resource types are indexed 0..facts_type_count()-1 (at most 32) in the
 * order of resource-types.json; a set of types is a uint32_t bitmask of
 * those indexes. */

size_t facts_type_count(void);
const char *facts_type_name(int t);           /* "DynamoDB" */
const char *facts_type_display(int t);        /* "DynamoDB tables" */
int facts_type_index(const char *name);       /* -1 when unknown */
/* The display names of set s joined by ", " into buf (size n, truncated
 * with "..." when too long); returns buf. */
char *facts_typeset_str(uint32_t s, char *buf, size_t n);
/* The same with `last` (" and ", " or ") before the last name: "or" where
 * any one of them is meant ("if it protects A or B"). */
char *facts_typeset_join(uint32_t s, const char *last, char *buf, size_t n);

enum feature {
	FEAT_PROTECTED,          /* AWS Backup protects the type at all */
	FEAT_CROSS_REGION_COPY,
	FEAT_CROSS_ACCOUNT_COPY,
	FEAT_BOTH_COPY_KINDS,    /* cross-Region and cross-account in one plan */
	FEAT_COLD_STORAGE,       /* MoveToColdStorageAfterDays takes effect */
	FEAT_COLD_ARCHIVE,       /* the same, in a lifecycle that sets
				  * OptInToArchiveForSupportedResources: true
				  * (a member newer than some datasets' sources:
				  * a dataset that does not state it takes the
				  * dataset it is layered over, else its
				  * cold_storage) */
	FEAT_CONTINUOUS,         /* EnableContinuousBackup (PITR) takes effect */
	FEAT_PLAN_WIDE_COPY,     /* copy rules apply to the whole plan (EFS) */
	FEAT_COUNT,
};

/* A dataset may be layered over another ("spec": the guide's statements over
 * "current" for everything the guide does not state). The cite of one fact
 * names where that fact comes from: the dataset's own source, or "facts:
 * spec, from current where the guide is silent, AWS Backup feature
 * availability matrix".
 * facts_cite_type: feature feat of type t; facts_cite_region: cross-Region
 * (cross_account 0) or cross-account (1) copy in Region code; both fall back
 * to facts_cite(f). */
const char *facts_cite_type(const struct facts *f, int t, enum feature feat);
const char *facts_cite_region(const struct facts *f, const char *code,
			      int cross_account);
/* For a message that names the source in its words ("the AWS Backup
 * cross-Region copy guide lists ..."): the source that states cross-Region
 * (cross_account 0) or cross-account (1) copy in Region code, and in *cite
 * the rest of the cite ("facts: spec", "facts: spec, from current where the
 * guide is silent"). */
const char *facts_source_region(const struct facts *f, const char *code,
				int cross_account, const char **cite);
/* The same for feature feat of type t. */
const char *facts_source_type(const struct facts *f, int t, enum feature feat,
			      const char **cite);
/* The cite of dataset-wide fact `name` (facts_flag). */
const char *facts_cite_flag(const struct facts *f, const char *name);
/* The dataset f is layered over, or NULL. */
const struct facts *facts_base(const struct facts *f);

/* Whether type t has feature `feat` per dataset f, in source Region
 * `region` (NULL when unknown; opt-in Regions may restrict a type). When
 * `note` is not NULL it receives the dataset's condition or reason
 * (for LIMITED and Region restrictions), or NULL. */
enum fact facts_type_feature(const struct facts *f, int t, enum feature feat,
			     const char *region, const char **note);
/* The types of `s` whose feature `feat` has value `v` (region as above). */
uint32_t facts_types_with(const struct facts *f, uint32_t s,
			   enum feature feat, enum fact v, const char *region);

/* What an ARN in a selection's Resources may protect. */
struct arn_types {
	uint32_t known;   /* the type the ARN names (one bit, or none) */
	uint32_t maybe;   /* possibly these (wildcards, shared ARN forms) */
	int any;          /* "*" or a wildcard before the service: any type */
	int unsupported;  /* a service/resource no resource type has */
	const char *note; /* e.g. "DocumentDB and Neptune clusters share this
			   * ARN form"; for an unsupported ARN, why (an S3
			   * object); or NULL */
	const char *display; /* what the ARN names, when not the display of
			      * its type: a form shared by several types
			      * ("Amazon Aurora, DocumentDB or Neptune
			      * clusters") or a form of its own ("Amazon
			      * Redshift Serverless namespaces"); else NULL */
};

/* Classify the ARN (or "*" pattern) s[0..len). Not an ARN at all: returns
 * -1 (the schema rules report malformed ARNs); else 0. */
int facts_arn_types(const char *s, size_t len, struct arn_types *out);
/* The same for a recovery point ARN (StartCopyJob's RecoveryPointArn):
 * rds snapshot -> RDS, dynamodb table/../backup -> DynamoDB... A
 * backup:recovery-point ARN does not say its type (all fields zero). */
int facts_recovery_point_types(const char *s, size_t len, struct arn_types *out);
/* The resource type whose resources a CloudFormation resource type
 * ("AWS::DynamoDB::Table") creates, or -1. */
int facts_cfn_type(const char *cfn_type);
/* The same for a Terraform resource or data source type
 * ("aws_dynamodb_table"), whose `arn` attribute names such a resource. */
int facts_tf_type(const char *tf_type);

#endif
