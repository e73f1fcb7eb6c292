/* shapes.h - the document shapes of schemas/shapes-api.json,
 * schemas/shapes-cfn.json and schemas/shapes-tf.json compiled into struct shape graphs: members sorted
 * for binary search, required lists, enums, ARN kinds, and each string
 * pattern compiled by PCRE2 on its first use (JIT-compiled once it has
 * served enough matches).
 *
 * The graphs are compiled at build time (schemas/shapes_build.c, run by
 * the tool schemas/shapegen.c) and written out as C data (build/shapes_gen.c):
 * start-up builds nothing, and no pointer in them needs relocating in a
 * binary linked without PIE.
 *
 * Ownership: static data, read-only but for the pattern cache (a shape's
 * re and uses, filled under a lock), shared by all lint threads for the
 * life of the process. Failure: a shapes file that does not describe
 * itself consistently fails the build; shapes_defect() aborts with a
 * message (the tool's exits). */
#ifndef BACKUPLINT_SHAPES_H
#define BACKUPLINT_SHAPES_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "../linter/tree.h"

enum skind {
	SK_STRUCT, SK_LIST, SK_MAP, SK_STRING, SK_LONG, SK_INTEGER, SK_NUMBER,
	SK_BOOL, SK_TIMESTAMP, SK_JSON, SK_ANY, SK_UNION, SK_RESOURCE,
};

struct shape;

struct member {
	const char *name;
	struct shape *shape;
	uint32_t len;            /* strlen(name) */
};

struct note {
	const char *name;
	const char *text;
};

struct arn_form {
	const char *service;     /* "*" for any */
	int region, account;     /* enum presence */
	const char **types;      /* resource types; NULL: not checked */
	size_t ntypes;
	char sep;                /* ':' or '/', 0: not checked */
	struct shape *name;      /* pattern for the name after the type */
};

enum presence { P_REQUIRED, P_EMPTY, P_OPTIONAL };

struct arn_kind {
	const char *key, *what, *example;
	struct arn_form *forms;
	size_t nforms;
	struct note *old_types, *wrong_types;
	size_t nold, nwrong;
	int star;                /* "*" alone is allowed, and wildcards */
};

struct shape {
	const char *name;
	const char *what;        /* how messages name it; default: name */
	enum skind kind;
	/* structure and resource */
	struct member *members;  /* sorted by name */
	size_t nmembers;
	/* members by the hash of their name (member_find()): nslots, a power
	 * of two, slots holding a member's index + 1, or 0 */
	uint16_t *slots;
	size_t nslots;
	const char **required;
	size_t nrequired;
	const struct member **required_m; /* each required name's member */
	struct note *readonly;
	size_t nreadonly;
	struct note *types;      /* resource: Type -> properties shape name */
	struct shape **type_shapes;
	size_t ntypes;
	/* list */
	struct shape *item;
	int has_max_items;
	long long max_items;
	const char *unique_by;
	int arn_quota;
	long long arn_max, arn_max_wild;
	/* map */
	struct shape *key, *value;
	/* string */
	const char *pattern;
	const char *file; /* where the pattern comes from, for defects */
	pcre2_code *re;   /* compiled on first use: see shape_re() */
	unsigned uses;    /* matches so far, to decide on the JIT */
	/* a pattern that is one class of ASCII characters repeated,
	 * ^[...]{min,max}$ (simple 1), or ^.{min,max}$ (2: code points
	 * but a newline): matched without PCRE2 (shape_match()) */
	int simple;
	size_t simple_min, simple_max;
	uint8_t simple_set[32];   /* bit c: character c is in the class */
	int has_chars;
	unsigned char chars[128]; /* allowed ASCII characters */
	const char *first;       /* the first character's rule in words, and */
	unsigned char first_chars[128]; /* its allowed set (first_chars) */
	const char *allowed;
	const char **enums;
	size_t nenums;
	const struct arn_kind *arn;
	int has_maxlen;
	long long maxlen;
	int has_maxchars;        /* a name's length limit, in characters */
	int zero_unset;          /* Terraform: 0 means "not set", unchecked */
	int empty_unset;         /* Terraform: "" means "not set", unchecked */
	long long maxchars;
	const char *case_note;   /* enum: AWS accepts another letter case;
				  * why that is still worth a warning */
	/* structure: members written under another name (a tag's Key and
	 * Value where a Condition has ConditionKey and ConditionValue): one
	 * finding for the whole mapping, with alias_note */
	struct note *aliases;
	size_t naliases;
	const char *alias_note;
	/* document: required members the AWS CLI may give as options
	 * (--cli-input-json with --backup-plan-id) */
	struct note *cli;
	size_t ncli;
	/* numbers */
	int has_min, has_max;
	double min, max;
	const char *min_why, *max_why;
	/* union */
	struct shape **alts;
	size_t nalts;
};

struct db {
	const char *file;
	int cfn;
	const char *other_dialect;   /* "CloudFormation" | "API" */
	struct note *other_names;    /* other dialect's name -> ours */
	size_t nother;
	struct shape *shapes;
	size_t nshapes;
	struct note *documents;      /* document label -> shape name */
	size_t ndocuments;
	const struct db *fallback;    /* shapes not defined here */
	const uint16_t *by_name;      /* shapes[] indexes sorted by name
				       * (strcmp), for db_find() */
};

/* The length and three bytes of a member name: enough to tell a shape's
 * members apart, and cheaper than hashing every byte. The compiler lays
 * out a shape's slots with it; member_find_n() probes them. */
static inline uint32_t name_hash(const char *k, size_t len)
{
	if (!len)
		return 0;
	return (uint32_t)len * 31u + (unsigned char)k[0] * 7u +
	       (unsigned char)k[len / 2] * 3u + (unsigned char)k[len - 1] * 13u;
}

/* What the ARN checks read from shapes-api.json (and -cfn.json). */
struct shapes_arns {
	const char *const *partitions; /* regions.json's (facts.h) */
	size_t npartitions;
	const char **colon_free;  /* CloudFormation values without ':' */
	size_t ncolon_free;
	struct note *pseudo_min;  /* pseudo parameter -> its shortest length */
	size_t npseudo_min;
	/* the Region and account fields' patterns, as shapes so that
	 * shape_match() checks them (compiled on first use) */
	struct shape region, account;
};

/* The shapes of the API dialect (with the ARN kinds), and of
 * CloudFormation (which falls back to the API's). */
const struct db *shapes_api(void);
const struct db *shapes_cfn(void);
/* The shapes of Terraform's AWS Backup resources (shapes-tf.json, falling
 * back to the API's). */
const struct db *shapes_tf(void);
const struct shapes_arns *shapes_arns(void);
/* The ARN kind `key` of shapes-api.json ("backup-vault"), or NULL. */
const struct arn_kind *shapes_arn_kind(const char *key);

/* The shape of the document labelled `label` ("plan-create"), or NULL. */
const struct shape *doc_shape(const struct db *db, const char *label);
struct shape *db_find(const struct db *db, const char *name);
const struct member *member_find(const struct shape *s, const char *k);
/* The same for a name of len bytes (a key's: its bytes, NULs and all). */
const struct member *member_find_n(const struct shape *s, const char *k,
				   size_t len);
/* The member a mapping's key k names, or NULL (also for a key that is
 * not a string). A key with a NUL inside ("Rules\u0000x") names the
 * member its text before the NUL names, as member_find() reads it. */
static inline const struct member *member_of_key(const struct shape *s,
						 const struct node *k)
{
	const struct member *m;
	if (k->kind != N_STR)
		return NULL;
	m = member_find_n(s, k->u.str, k->len);
	return m || strlen(k->u.str) == k->len ? m : member_find(s, k->u.str);
}
const char *note_find(const struct note *v, size_t n, const char *k);

/* The shape's compiled pattern (NULL when it has none), and a match. */
pcre2_code *shape_re(const struct shape *s);
int re_match(pcre2_code *re, const char *s, size_t len);
/* Whether s[0..len) matches the pattern of shape sh (which has one):
 * re_match() but for a simple pattern, checked byte by byte. */
int shape_match(const struct shape *sh, const char *s, size_t len);

void shapes_defect(const char *file, const char *what, const char *name)
	__attribute__((noreturn));

#endif
