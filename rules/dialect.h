/* dialect.h - how a document names the members the rules read, how its
 * values are coerced, and what a value is known to be before deployment.
 *
 * A rule names a field by its id (enum field); the document's dialect (its
 * kind's, kinds.h) gives the member name the user wrote, from
 * schemas/dialects.json, so messages speak the file's language. Each value a
 * rule uses is read once into a struct value with its state: absent,
 * unknown (a deploy-time expression), bad (present but not of the field's
 * type: the schema family's finding), assumed (a Parameter's Default) or
 * known. Rules never look at raw nodes for these fields, so "True" means the
 * same in every rule.
 *
 * Coercions, by dialect: the API takes JSON types as they are; CloudFormation
 * converts strings to numbers ("30", "30.5") and to booleans ("true",
 * "False", any case), and integral floats to integers. Terraform converts
 * the same way (booleans "true" and "false" only); an HCL expression that is
 * not a literal is unknown; repeated blocks (`rule {}` `rule {}`) read as
 * one list; an absent argument the provider gives a default (dialects.json
 * "defaults") is assumed to be that default, and a 0 the provider does not
 * send ("unset_zero") is absent. An Organizations backup policy sets each
 * value through an operator: {"@@assign": V} reads as V; @@append and
 * @@remove change an inherited list, so the list is unknown; numbers are
 * written as strings ("35"), booleans as true or "true"; a ${...}
 * placeholder of a template file, and an HCL expression (the policy inside
 * jsonencode()), are unknown. A container (`rules`, `copy_actions`) is a
 * map keyed by name, read where the others have lists.
 *
 * Ownership: dialects and their name tables are built once (thread-safe) and
 * live for the process; values point into the document's tree and arena.
 * Failure: a dialects.json that does not name every field is a build defect
 * and aborts. */
#ifndef BACKUPLINT_DIALECT_H
#define BACKUPLINT_DIALECT_H

#include <stddef.h>
#include <stdint.h>

#include "kinds.h"

enum field {
	F_PLAN_NAME,
	F_RULES,
	F_RULE_NAME,
	F_TARGET_VAULT,
	F_SCHEDULE,
	F_TIMEZONE,
	F_START_WINDOW,
	F_COMPLETION_WINDOW,
	F_LIFECYCLE,
	F_COPY_ACTIONS,
	F_CONTINUOUS,
	F_COLD_AFTER,
	F_DELETE_AFTER,
	F_ARCHIVE,
	F_DESTINATION,
	F_SELECTION_NAME,
	F_IAM_ROLE,
	F_RESOURCES,
	F_NOT_RESOURCES,
	F_LIST_OF_TAGS,
	F_CONDITIONS,
	F_PLAN_ID,
	F_PLAN_ARN,
	F_SOURCE_REGION,   /* where a plan's own Region is written */
	F_RECOVERY_POINT,
	F_SOURCE_VAULT,
	F_VAULT_NAME,
	F_AIR_GAPPED_TARGET,
	F_LOCK_CONFIGURATION,
	F_MIN_RETENTION,
	F_MAX_RETENTION,
	F_CONDITION_KEY,
	F_DELETE_AFTER_EVENT,
	F_PLAN_TAGS,
	F_VAULT_TAGS,
	F_ENCRYPTION_KEY,
	F_ACCESS_POLICY,
	F_COUNT,
};

#define DIALECT_SLOTS 128 /* a power of two, over 2 x F_COUNT */

struct dialect {
	int id;                    /* enum dialect_id */
	const char *name;          /* "api", "cfn" */
	const char *label;         /* "CloudFormation" */
	const char *names[F_COUNT];
	int cfn;                   /* CloudFormation coercions and intrinsics */
	int tf;                    /* Terraform: conversions, HCL expressions */
	int org;                   /* Organizations policy: values under
				    * operators, numbers as strings */
	/* what the tool behind the dialect does with an absent or 0 value */
	long long dflt[F_COUNT];
	uint8_t has_dflt[F_COUNT], unset_zero[F_COUNT];
	/* member name -> field, for reading a map in one pass: an open
	 * hash table on the length and three bytes of the name */
	struct dialect_entry {
		const char *name;
		uint32_t len;
		int field;         /* -1: free slot */
	} slot[DIALECT_SLOTS];
};

/* The dialect of document d (its kind's). */
const struct dialect *dialect_of(const struct doc *d);
/* The id of field f in schemas/dialects.json: "delete_after". */
const char *field_id(enum field f);
/* The member name of field f in d's dialect: "DeleteAfterDays". */
const char *fname(const struct doc *d, enum field f);

enum vstate {
	VS_ABSENT,   /* the member is not there */
	VS_UNKNOWN,  /* a value known only at deploy time (an intrinsic) */
	VS_BAD,      /* present, but not of the field's type */
	VS_ASSUMED,  /* a Parameter's Default, or the value Terraform's provider
		      * sends for an absent argument (dflt): used, and said
		      * to be assumed */
	VS_KNOWN,
};

enum vtype {
	VT_NONE,
	VT_INT,      /* u.i */
	VT_NUM,      /* u.f: a number with a fraction, where whole ones are wanted */
	VT_BOOL,     /* u.b */
	VT_STR,      /* u.s (lit->len bytes) */
	VT_MAP,      /* lit */
	VT_SEQ,      /* lit */
};

struct cfn_branch;
struct value;

/* What few values have: the ones CloudFormation or Terraform assume, or
 * that stand in an undecided branch. Read through the accessors below;
 * written only through value_ext() (dialect.c), which gives a value a
 * fresh record of its own, so that copies of a value never share one
 * they could change. */
struct value_ext {
	const struct node *lit;   /* what it stands for (V_LIT_EXT) */
	const char *param;        /* assumed: the Parameter whose Default it is */
	const char *note;         /* assumed: the assumption, when more than
				   * param's Default ("condition C is false
				   * with the Parameters' Defaults"), or NULL */
	/* the member's key, when it does not stand just before `at` (a
	 * branch, an @@assign, a value computed from expressions) */
	const struct node *key;
	const struct cfn_branch *when; /* one branch of an undecided choice
				   * (its label: "when condition C is true"),
				   * or NULL */
	/* VS_UNKNOWN that may take one of several values (an undecided
	 * Fn::If or Fn::FindInMap): each of them, with its `when` */
	struct value *alts;
};

enum value_flags {
	V_LIT_EXT = 1 << 0,       /* lit is x->lit, not `at` */
	V_KEY_BEFORE = 1 << 1,    /* the member's key is at - 1 (its pair) */
	V_KEY_EXT = 1 << 2,       /* the member's key is x->key */
};

/* 32 bytes: a document model holds many (nine per backup rule and five
 * per lifecycle), so what most values lack lives in x, and the member's key
 * is not stored when it is the node before `at` (value_key()). */
struct value {
	uint8_t state;            /* enum vstate */
	uint8_t type;             /* enum vtype, when assumed or known */
	uint16_t field;           /* enum field; F_COUNT: not a member */
	uint8_t dflt;             /* assumed: the dialect's default for an
				   * absent member (`at` is the map) */
	uint8_t nalts;            /* value_alts(v)[0..nalts) */
	uint8_t flags;            /* enum value_flags */
	const struct node *at;    /* the value as written (a branch: the
				   * branch) */
	const struct value_ext *x; /* or NULL: none of its fields */
	union {
		long long i;
		double f;
		int b;
		const char *s;
	} u;
};

/* The member's key (for positions), or NULL. */
static inline const struct node *value_key(const struct value *v)
{
	return (v->flags & V_KEY_BEFORE) ? v->at - 1
	       : (v->flags & V_KEY_EXT)  ? v->x->key
					 : NULL;
}

/* What v stands for: `at`, or the Default (value_lit); the other fields of
 * struct value_ext, NULL when v has none. */
static inline const struct node *value_lit(const struct value *v)
{
	return (v->flags & V_LIT_EXT) ? v->x->lit : v->at;
}
static inline const char *value_param(const struct value *v)
{
	return v->x ? v->x->param : NULL;
}
static inline const char *value_assumption(const struct value *v)
{
	return v->x ? v->x->note : NULL;
}
static inline const struct cfn_branch *value_when(const struct value *v)
{
	return v->x ? v->x->when : NULL;
}
static inline struct value *value_alts(const struct value *v)
{
	return v->x ? v->x->alts : NULL;
}

/* A record of v's own to write its rare fields in (a copy of the one it
 * had, in d's arena). */
struct value_ext *value_ext(struct doc *d, struct value *v);
/* Set what v stands for (its `at` already set). */
void value_set_lit(struct doc *d, struct value *v, const struct node *lit);

/* A value of a field few maps write, kept out of line (a model's pointer
 * instead of a struct value): the one shared absent value of its field
 * when v is absent and says nothing more (no node, no default, no
 * branch), else a copy of v in d's arena. Never NULL. */
extern const struct value value_absent[F_COUNT]; /* the shared ones */
const struct value *value_copy(struct doc *d, const struct value *v);
static inline const struct value *value_rare(struct doc *d,
					     const struct value *v)
{
	if (v->state == VS_ABSENT && !v->type && !v->dflt && !v->nalts &&
	    !v->flags && !v->at && !v->x && !v->u.i &&
	    v->field < F_COUNT && value_absent[v->field].field == v->field)
		return &value_absent[v->field];
	return value_copy(d, v);
}

#define VALUE_ALTS_MAX 8

/* The values v may take: v itself, or its alternatives. Rules that check a
 * value "in every reachable branch" loop over these. */
static inline size_t value_variants(const struct value *v,
				    const struct value **out)
{
	if (v->nalts) {
		*out = value_alts(v);
		return v->nalts;
	}
	*out = v;
	return 1;
}

/* 0 when a and b are branches that never hold together. */
int value_compatible(const struct value *a, const struct value *b);

/* Label every value read from map m (a branch of an undecided choice)
 * with branch w, unless it has its own: done by the model for values read
 * in a branch. */
void value_set_when(struct doc *d, struct value *v, const struct cfn_branch *w);

/* Known or assumed: usable by a rule. */
static inline int value_usable(const struct value *v)
{
	return v->state == VS_KNOWN || v->state == VS_ASSUMED;
}
static inline int value_is(const struct value *v, enum vtype t)
{
	return value_usable(v) && v->type == t;
}

/* Field f of map m (any node; not a map: absent). */
void value_read(struct doc *d, const struct node *m, enum field f,
		struct value *out);
/* Fields of map m, all in one pass over its members: out[k] gets field
 * fields[k] (n of them). */
void value_read_all(struct doc *d, const struct node *m, const enum field *fields,
		    size_t n, struct value *out);
/* Node v (a list item, a member) as a value of field f's type. */
void value_of(struct doc *d, const struct node *key, const struct node *v,
	      enum field f, struct value *out);

/* Node v (a list item) as a value of type `want`, not a field. */
void value_as(struct doc *d, const struct node *v, enum vtype want,
	      struct value *out);

/* " (assumed from the Default of Parameter Days)" for an assumed value
 * (" (the provider's default, sent because start_window is omitted)" for a
 * default), " (when condition IsProd is true)" for a branch, both joined,
 * "" otherwise; in d's arena. */
const char *value_note(struct doc *d, const struct value *v);
/* The notes of two values in one parenthesis: " (assumed from the Defaults
 * of Parameters A and B)"; "" when neither has one. */
const char *value_note2(struct doc *d, const struct value *a,
			const struct value *b);

#endif
