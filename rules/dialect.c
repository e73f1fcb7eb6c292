/* dialect.c - member names from schemas/dialects.json, coercions, and
 * reading values with their state. */
#include "dialect.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../linter/data.h"
#include "../linter/strbuf.h"
#include "cfn.h"
#include "tf_eval.h"

/* The field ids as dialects.json names them, and the type each takes. */
static const struct {
	const char *id;
	enum vtype type;
} field_def[F_COUNT] = {
	[F_PLAN_NAME] = { "plan_name", VT_STR },
	[F_RULES] = { "rules", VT_SEQ },
	[F_RULE_NAME] = { "rule_name", VT_STR },
	[F_TARGET_VAULT] = { "target_vault", VT_STR },
	[F_SCHEDULE] = { "schedule", VT_STR },
	[F_TIMEZONE] = { "timezone", VT_STR },
	[F_START_WINDOW] = { "start_window", VT_INT },
	[F_COMPLETION_WINDOW] = { "completion_window", VT_INT },
	[F_LIFECYCLE] = { "lifecycle", VT_MAP },
	[F_COPY_ACTIONS] = { "copy_actions", VT_SEQ },
	[F_CONTINUOUS] = { "continuous", VT_BOOL },
	[F_COLD_AFTER] = { "cold_after", VT_INT },
	[F_DELETE_AFTER] = { "delete_after", VT_INT },
	[F_ARCHIVE] = { "archive", VT_BOOL },
	[F_DESTINATION] = { "destination", VT_STR },
	[F_SELECTION_NAME] = { "selection_name", VT_STR },
	[F_IAM_ROLE] = { "iam_role", VT_STR },
	[F_RESOURCES] = { "resources", VT_SEQ },
	[F_NOT_RESOURCES] = { "not_resources", VT_SEQ },
	[F_LIST_OF_TAGS] = { "list_of_tags", VT_SEQ },
	[F_CONDITIONS] = { "conditions", VT_MAP },
	[F_PLAN_ID] = { "plan_id", VT_STR },
	[F_PLAN_ARN] = { "plan_arn", VT_STR },
	[F_SOURCE_REGION] = { "source_region", VT_STR },
	[F_RECOVERY_POINT] = { "recovery_point", VT_STR },
	[F_SOURCE_VAULT] = { "source_vault", VT_STR },
	[F_VAULT_NAME] = { "vault_name", VT_STR },
	[F_AIR_GAPPED_TARGET] = { "air_gapped_target", VT_STR },
	[F_LOCK_CONFIGURATION] = { "lock_configuration", VT_MAP },
	[F_MIN_RETENTION] = { "min_retention", VT_INT },
	[F_MAX_RETENTION] = { "max_retention", VT_INT },
	[F_CONDITION_KEY] = { "condition_key", VT_STR },
	[F_DELETE_AFTER_EVENT] = { "delete_after_event", VT_STR },
	[F_PLAN_TAGS] = { "plan_tags", VT_MAP },
	[F_VAULT_TAGS] = { "vault_tags", VT_MAP },
	[F_ENCRYPTION_KEY] = { "encryption_key", VT_STR },
	[F_ACCESS_POLICY] = { "access_policy", VT_MAP },
};

static struct dialect dialects[4] = {
	[DIALECT_API] = { .id = DIALECT_API, .name = "api" },
	[DIALECT_CFN] = { .id = DIALECT_CFN, .name = "cfn", .cfn = 1 },
	[DIALECT_TF] = { .id = DIALECT_TF, .name = "tf", .tf = 1 },
	[DIALECT_ORG] = { .id = DIALECT_ORG, .name = "org", .org = 1 },
};
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int built; /* set (release) once build() is done: then no pthread_once */

static void __attribute__((noreturn)) defect(const char *what, const char *name)
{
	fprintf(stderr, "backuplint: internal error: schemas/dialects.json: %s %s\n",
		what, name ? name : "");
	abort();
}

static uint32_t name_hash(const char *s, uint32_t len)
{
	if (!len)
		return 0;
	return (len * 31u + (unsigned char)s[0] * 7u +
		(unsigned char)s[len / 2] * 3u + (unsigned char)s[len - 1] * 13u) &
	       (DIALECT_SLOTS - 1);
}

/* The field whose dialects.json id is `id`, or -1. */
static int field_by_id(const char *id)
{
	int f;
	for (f = 0; id && f < F_COUNT; f++)
		if (strcmp(field_def[f].id, id) == 0)
			return f;
	return -1;
}

/* A dialect's "defaults" and "unset_zero". */
static void build_semantics(struct dialect *dl, const struct node *row)
{
	const struct node *def = map_get(row, "defaults");
	const struct node *zero = map_get(row, "unset_zero");
	uint32_t i;
	int f;

	for (i = 0; node_is(def, N_MAP) && i < def->len; i++) {
		f = field_by_id(node_str(map_key(def, i)));
		if (f < 0 || !node_is(map_val(def, i), N_INT))
			defect("bad default", node_str(map_key(def, i)));
		dl->has_dflt[f] = 1;
		dl->dflt[f] = map_val(def, i)->u.i;
	}
	for (i = 0; node_is(zero, N_SEQ) && i < zero->len; i++) {
		f = field_by_id(node_str(seq_at(zero, i)));
		if (f < 0)
			defect("bad unset_zero field", node_str(seq_at(zero, i)));
		dl->unset_zero[f] = 1;
	}
}

/* Field f's value in map m: the pair at position f when the file lists
 * the fields in their enum's order (as dialects.json does), else by name. */
static const struct node *field_in(const struct node *m, size_t f)
{
	if (node_is(m, N_MAP) && f < m->len &&
	    node_streq(map_key(m, (uint32_t)f), field_def[f].id))
		return map_val(m, (uint32_t)f);
	return map_get(m, field_def[f].id);
}

static void build(void)
{
	enum { ND = sizeof(dialects) / sizeof(dialects[0]) };
	const struct node *root = data_tree("dialects.json");
	const struct node *fields = map_get(root, "fields");
	const struct node *ds = map_get(root, "dialects");
	const char *row_names[F_COUNT][ND];
	size_t i, f;
	uint32_t k;

	/* each field's row once, every dialect's name in one pass over it */
	memset(row_names, 0, sizeof(row_names));
	for (f = 0; f < F_COUNT; f++) {
		const struct node *row = field_in(fields, f);
		for (k = 0; node_is(row, N_MAP) && k < row->len; k++) {
			const char *dn = node_str(map_key(row, k));
			for (i = 0; dn && i < ND; i++)
				if (strcmp(dn, dialects[i].name) == 0) {
					row_names[f][i] = node_str(map_val(row, k));
					break;
				}
		}
	}
	for (i = 0; i < ND; i++) {
		struct dialect *dl = &dialects[i];
		const struct node *d = map_get(ds, dl->name);
		/* a dialect may keep its names with it (org) */
		const struct node *own = map_get(d, "names");
		dl->label = node_str(map_get(d, "label"));
		if (!dl->label)
			defect("no label for dialect", dl->name);
		build_semantics(dl, d);
		for (f = 0; f < DIALECT_SLOTS; f++)
			dl->slot[f].field = -1;
		for (f = 0; f < F_COUNT; f++) {
			uint32_t len, h;
			dl->names[f] = own ? node_str(field_in(own, f))
					   : row_names[f][i];
			if (!dl->names[f])
				defect("no name in this dialect for field", field_def[f].id);
			len = (uint32_t)strlen(dl->names[f]);
			h = name_hash(dl->names[f], len);
			while (dl->slot[h].field >= 0)
				h = (h + 1) & (DIALECT_SLOTS - 1);
			dl->slot[h].name = dl->names[f];
			dl->slot[h].len = len;
			dl->slot[h].field = (int)f;
		}
	}
	__atomic_store_n(&built, 1, __ATOMIC_RELEASE);
}

const struct dialect *dialect_of(const struct doc *d)
{
	if (!__atomic_load_n(&built, __ATOMIC_ACQUIRE))
		pthread_once(&once, build);
	return &dialects[kind_of(d)->dialect];
}

const char *field_id(enum field f)
{
	return f < F_COUNT ? field_def[f].id : "";
}

const char *fname(const struct doc *d, enum field f)
{
	return dialect_of(d)->names[f];
}

/* The fields a member name stands for in dialect dl (Terraform names
 * several `name`): each wanted one gets the member, key and value. */
static void fields_by_name(const struct dialect *dl, const struct node *k,
			   const struct node *v, const uint8_t *want,
			   const struct node **key, const struct node **val)
{
	uint32_t h;
	if (k->kind != N_STR)
		return;
	for (h = name_hash(k->u.str, k->len); dl->slot[h].field >= 0;
	     h = (h + 1) & (DIALECT_SLOTS - 1))
		if (dl->slot[h].len == k->len &&
		    memcmp(dl->slot[h].name, k->u.str, k->len) == 0 &&
		    want[dl->slot[h].field]) {
			key[dl->slot[h].field] = k;
			val[dl->slot[h].field] = v;
		}
}

/* Terraform: the blocks named `name` of body m as one list (a synthetic
 * N_SEQ of their bodies in d's arena, spanning them all), with the first
 * block's key in *key; NULL when the member is absent or an argument. */
static const struct node *blocks(struct doc *d, const struct node *m,
				 const char *name, const struct node **key)
{
	struct node *seq;
	const struct node *dk = tf_has_dynamic(m, name), **gen = NULL;
	uint32_t i, n = 0;
	size_t ngen = 0, j;

	for (i = 0; i < m->len; i++)
		if ((map_key(m, i)->flags & NF_BLOCK) && node_streq(map_key(m, i), name))
			n++;
	if (!n && !dk)
		return NULL;
	seq = arena_zalloc(&d->arena, sizeof(*seq));
	if (dk && tf_dynamic(d, m, name, &gen, &ngen) < 0) {
		/* `dynamic` over a collection known when Terraform plans:
		 * the blocks are unknown, and so is what is in them */
		*key = dk;
		seq->kind = N_EXPR;
		seq->flags = NF_DERIVED;
		seq->start = dk->start;
		seq->end = dk->end;
		return seq;
	}
	seq->kind = N_SEQ;
	seq->u.kids = arena_zalloc(&d->arena, (n + ngen + 1) * sizeof(*seq->u.kids));
	for (j = 0; j < ngen; j++) {
		/* generated blocks, after the written ones */
		if (!seq->len) {
			*key = dk;
			seq->start = dk->start;
		}
		seq->u.kids[n + j] = *gen[j];
		seq->end = gen[j]->end > seq->end ? gen[j]->end : seq->end;
	}
	for (i = 0; i < m->len; i++) {
		const struct node *k = map_key(m, i);
		if (!(k->flags & NF_BLOCK) || !node_streq(k, name))
			continue;
		if (!seq->len) {
			*key = k;
			seq->start = k->start;
		}
		seq->u.kids[seq->len++] = *map_val(m, i);
		if (map_val(m, i)->end > seq->end)
			seq->end = map_val(m, i)->end;
	}
	seq->len = (uint32_t)(n + ngen);
	return seq;
}

/* "-1", "90", "30.5" as CloudFormation reads a number written as a string. */
static int str_number(const char *s, struct value *out)
{
	const char *p = s;
	long long v = 0;
	int digits = 0;

	if (*p == '-')
		p++;
	while (*p >= '0' && *p <= '9') {
		if (v < 1000000000000LL)
			v = v * 10 + (*p - '0');
		p++;
		digits++;
	}
	if (!digits)
		return -1;
	if (*p == '\0') {
		out->type = VT_INT;
		out->u.i = s[0] == '-' ? -v : v;
		return 0;
	}
	if (*p == '.') {
		char *end;
		double f = strtod(s, &end);
		if (*end == '\0') {
			if (f >= -9e15 && f <= 9e15 && f == (double)(long long)f) {
				out->type = VT_INT;
				out->u.i = (long long)f;
			} else {
				out->type = VT_NUM;
				out->u.f = f;
			}
			return 0;
		}
	}
	return -1;
}

/* Give out type `want`, from r (value_lit(out)); VS_BAD when it has none. */
static void coerce(const struct dialect *dl, struct value *out, enum vtype want,
		   const struct node *r)
{

	out->type = VT_NONE;
	switch (want) {
	case VT_INT:
		if (r->flags & NF_BIG)
			break; /* beyond 64 bits: the schema's finding */
		if (r->kind == N_INT) {
			out->type = VT_INT;
			out->u.i = r->u.i;
		} else if (r->kind == N_FLOAT && (dl->cfn || dl->tf || dl->org)) {
			if (r->u.f >= -9e15 && r->u.f <= 9e15 &&
			    r->u.f == (double)(long long)r->u.f) {
				out->type = VT_INT;
				out->u.i = (long long)r->u.f;
			} else {
				out->type = VT_NUM;
				out->u.f = r->u.f;
			}
		} else if (r->kind == N_STR && (dl->cfn || dl->tf || dl->org)) {
			str_number(r->u.str, out);
		}
		break;
	case VT_BOOL:
		if (r->kind == N_BOOL) {
			out->type = VT_BOOL;
			out->u.b = r->u.b != 0;
		} else if (r->kind == N_STR && (dl->cfn || dl->org) &&
			   (strcasecmp(r->u.str, "true") == 0 ||
			    strcasecmp(r->u.str, "false") == 0)) {
			out->type = VT_BOOL;
			out->u.b = strcasecmp(r->u.str, "true") == 0;
		} else if (r->kind == N_STR && dl->tf &&
			   (strcmp(r->u.str, "true") == 0 ||
			    strcmp(r->u.str, "false") == 0)) {
			out->type = VT_BOOL;
			out->u.b = r->u.str[0] == 't';
		}
		break;
	case VT_STR:
		if (r->kind == N_STR) {
			out->type = VT_STR;
			out->u.s = r->u.str;
		}
		break;
	case VT_MAP:
		if (r->kind == N_MAP)
			out->type = VT_MAP;
		break;
	case VT_SEQ:
		if (r->kind == N_SEQ)
			out->type = VT_SEQ;
		else if (r->kind == N_MAP && dl->org)
			out->type = VT_MAP; /* rules, copy_actions: keyed by name */
		break;
	default:
		break;
	}
	if (out->type == VT_NONE)
		out->state = VS_BAD;
}

static void branches(const struct dialect *dl, struct doc *d,
		     const struct node *key, const struct node *v,
		     enum vtype want, struct value *out);

/* An Organizations policy's value: what {"@@assign": V} sets (*v becomes
 * V) 1; an @@append or @@remove, which change what a parent policy set,
 * -1; anything else (a container such as `lifecycle`) 0. */
static int org_unwrap(const struct node **v)
{
	const struct node *n = *v, *a;
	if (!node_is(n, N_MAP))
		return 0;
	if ((a = map_get(n, "@@assign"))) {
		*v = a;
		return 1;
	}
	return map_get(n, "@@append") || map_get(n, "@@remove") ? -1 : 0;
}

_Static_assert(sizeof(struct value) <= 32, "struct value is 32 bytes on 64-bit");

/* Where v's key is found again: before `at` (its pair), else in x. */
static void set_key(struct doc *d, struct value *v, const struct node *key)
{
	v->flags &= (uint8_t)~(V_KEY_BEFORE | V_KEY_EXT);
	if (!key)
		return;
	if (v->at == key + 1) {
		v->flags |= V_KEY_BEFORE;
	} else {
		value_ext(d, v)->key = key;
		v->flags |= V_KEY_EXT;
	}
}

static void eval(const struct dialect *dl, struct doc *d,
		 const struct node *key, const struct node *v,
		 enum vtype want, struct value *out, int depth)
{
	const struct node *lit;

	out->at = v;
	set_key(d, out, key); /* again wherever `at` changes below */
	if (!v) {
		out->state = VS_ABSENT;
		return;
	}
	out->state = VS_KNOWN;
	lit = v;
	if (dl->org) {
		int u;
		if (node_intrinsic(v) != FN_NONE) {
			out->state = VS_UNKNOWN; /* a template's intrinsic */
			return;
		}
		u = org_unwrap(&v);
		if (u < 0) {
			out->state = VS_UNKNOWN; /* the inherited list, changed */
			return;
		}
		out->at = lit = v;
		set_key(d, out, key);
		if ((v->kind == N_STR && strstr(v->u.str, "${")) ||
		    node_intrinsic(v) != FN_NONE) {
			out->state = VS_UNKNOWN; /* a template's placeholder */
			return;
		}
	}
	if (dl->org && v->kind == N_EXPR) {
		out->state = VS_UNKNOWN; /* a policy in Terraform: known when it plans */
		return;
	}
	if (dl->tf && v->kind == N_EXPR) {
		struct tf_val tv;
		tf_eval(d, v, &tv);
		if (tv.state == TF_UNKNOWN) {
			out->state = VS_UNKNOWN; /* known when Terraform plans */
			return;
		}
		if (tv.state == TF_NULL) {
			out->state = VS_ABSENT; /* null: not set */
			value_set_lit(d, out, NULL);
			return;
		}
		value_set_lit(d, out, tv.node);
		lit = tv.node;
		if (tv.state == TF_ASSUMED) {
			out->state = VS_ASSUMED;
			value_ext(d, out)->note = tv.note;
		}
	} else if (dl->tf && (v->flags & NF_ASSUMED)) {
		/* a part of a value computed from a variable's default */
		if (tf_placeholder(v)) {
			out->state = VS_UNKNOWN;
			return;
		}
		out->state = VS_ASSUMED;
		value_ext(d, out)->note = tf_assumed_note(d, v);
	}
	if (dl->cfn) {
		struct cfn_val cv;
		cfn_eval(d, v, &cv);
		if (cv.how == CFN_ABSENT) {
			out->state = VS_ABSENT; /* !Ref AWS::NoValue */
			value_set_lit(d, out, NULL);
			return;
		}
		if (cv.how == CFN_UNKNOWN) {
			out->state = VS_UNKNOWN;
			if (depth == 0)
				branches(dl, d, key, v, want, out);
			return;
		}
		if (cv.how == CFN_ASSUMED) {
			struct value_ext *x = value_ext(d, out);
			out->state = VS_ASSUMED;
			x->param = cv.param;
			x->note = cv.note;
		}
		/* a branch written in place is where the value stands */
		if (cv.node && cv.node != v && cv.node->start >= v->start &&
		    cv.node->end <= v->end && !cv.param) {
			out->at = cv.node;
			set_key(d, out, key);
		}
		value_set_lit(d, out, cv.node);
		lit = cv.node;
	}
	coerce(dl, out, want, lit);
}

/* The values an undecided Fn::If or Fn::FindInMap may take. */
static void branches(const struct dialect *dl, struct doc *d,
		     const struct node *key, const struct node *v,
		     enum vtype want, struct value *out)
{
	struct cfn_branch br[VALUE_ALTS_MAX], *keep;
	struct value *alts;
	size_t n = cfn_branches(d, v, br, VALUE_ALTS_MAX), i;

	if (!n)
		return;
	keep = arena_alloc(&d->arena, n * sizeof(*keep));
	memcpy(keep, br, n * sizeof(*keep));
	alts = arena_zalloc(&d->arena, n * sizeof(*alts));
	value_ext(d, out)->alts = alts;
	for (i = 0; i < n; i++) {
		struct value *a = &alts[i];
		a->field = out->field;
		eval(dl, d, key, keep[i].node, want, a, 1);
		value_ext(d, a)->when = &keep[i];
	}
	out->nalts = (uint8_t)n;
}

int value_compatible(const struct value *a, const struct value *b)
{
	const struct cfn_branch *wa = value_when(a), *wb = value_when(b);
	return !wa || !wb || cfn_branches_agree(wa, wb);
}

struct value_ext *value_ext(struct doc *d, struct value *v)
{
	struct value_ext *x = arena_alloc(&d->arena, sizeof(*x));
	if (v->x)
		*x = *v->x;
	else
		memset(x, 0, sizeof(*x));
	v->x = x;
	return x;
}

/* The absent values value_rare() shares; any other field's entry has
 * field 0 (F_PLAN_NAME's own, which is right for it), so is never shared
 * for another field. */
#define ABSENT(f) [f] = { .state = VS_ABSENT, .field = f }
const struct value value_absent[F_COUNT] = {
	ABSENT(F_TIMEZONE), ABSENT(F_CONTINUOUS), ABSENT(F_COPY_ACTIONS),
	ABSENT(F_AIR_GAPPED_TARGET), ABSENT(F_ARCHIVE),
	ABSENT(F_DELETE_AFTER_EVENT),
};
#undef ABSENT

const struct value *value_copy(struct doc *d, const struct value *v)
{
	struct value *c = arena_alloc(&d->arena, sizeof(*c));
	*c = *v;
	return c;
}

void value_set_lit(struct doc *d, struct value *v, const struct node *lit)
{
	if (lit == v->at) {
		v->flags &= (uint8_t)~V_LIT_EXT;
		return;
	}
	value_ext(d, v)->lit = lit;
	v->flags |= V_LIT_EXT;
}

void value_set_when(struct doc *d, struct value *v, const struct cfn_branch *w)
{
	const struct cfn_branch *old;
	size_t i;
	if (!w || v->state == VS_ABSENT)
		return;
	old = value_when(v);
	if (!old) {
		value_ext(d, v)->when = w;
	} else if (old != w) {
		/* both: the label and the assumptions of each */
		struct cfn_branch *m = arena_alloc(&d->arena, sizeof(*m));
		*m = *w;
		m->label = arena_printf(&d->arena, "%s and %s", w->label,
					old->label);
		for (i = 0; i < old->nkeys && m->nkeys < CFN_BRANCH_KEYS; i++) {
			m->key[m->nkeys] = old->key[i];
			m->val[m->nkeys++] = old->val[i];
		}
		value_ext(d, v)->when = m;
	}
	for (i = 0; i < v->nalts; i++)
		value_set_when(d, &value_alts(v)[i], w);
}

static void value_of_dl(const struct dialect *dl, struct doc *d,
			const struct node *key, const struct node *v,
			enum field f, struct value *out)
{
	memset(out, 0, sizeof(*out));
	out->field = (uint16_t)f;
	eval(dl, d, key, v, field_def[f].type, out, 0);
	if (dl->unset_zero[f] && value_is(out, VT_INT) && out->u.i == 0)
		out->state = VS_ABSENT; /* the provider sends nothing */
}

void value_of(struct doc *d, const struct node *key, const struct node *v,
	      enum field f, struct value *out)
{
	value_of_dl(dialect_of(d), d, key, v, f, out);
}

/* Field f, absent from map m: the dialect's default, if it has one. */
static void absent(const struct dialect *dl, const struct node *m,
		   enum field f, struct value *out)
{
	/* what value_of() makes of no node */
	memset(out, 0, sizeof(*out));
	out->field = (uint16_t)f;
	out->state = VS_ABSENT;
	if (!dl->has_dflt[f] || !node_is(m, N_MAP))
		return;
	out->state = VS_ASSUMED;
	out->type = VT_INT;
	out->u.i = dl->dflt[f];
	out->dflt = 1;
	out->at = m;
}

void value_as(struct doc *d, const struct node *v, enum vtype want,
	      struct value *out)
{
	memset(out, 0, sizeof(*out));
	out->field = F_COUNT;
	eval(dialect_of(d), d, NULL, v, want, out, 0);
}

void value_read(struct doc *d, const struct node *m, enum field f,
		struct value *out)
{
	const struct dialect *dl = dialect_of(d);
	const struct node *k = NULL, *seq;
	long i;

	if (dl->tf && field_def[f].type == VT_SEQ &&
	    node_is(m, N_MAP) && (seq = blocks(d, m, dl->names[f], &k))) {
		value_of_dl(dl, d, k, seq, f, out);
		return;
	}
	i = map_find(m, dl->names[f]);
	if (i < 0)
		absent(dl, m, f, out);
	else
		value_of_dl(dl, d, map_key(m, (uint32_t)i),
			    map_val(m, (uint32_t)i), f, out);
}

void value_read_all(struct doc *d, const struct node *m, const enum field *fields,
		    size_t n, struct value *out)
{
	const struct dialect *dl = dialect_of(d);
	const struct node *key[F_COUNT], *val[F_COUNT];
	uint8_t want[F_COUNT];
	size_t k;
	uint32_t i;
	int f;

	/* only the wanted fields' key and val are read */
	memset(want, 0, sizeof(want));
	for (k = 0; k < n; k++) {
		key[fields[k]] = NULL;
		want[fields[k]] = 1;
	}
	/* one pass over the members; the last of duplicate keys wins */
	for (i = 0; node_is(m, N_MAP) && i < m->len; i++)
		fields_by_name(dl, map_key(m, i), map_val(m, i), want, key, val);
	for (k = 0; k < n; k++) {
		f = fields[k];
		if (dl->tf && field_def[f].type == VT_SEQ &&
		    ((key[f] && (key[f]->flags & NF_BLOCK)) ||
		     tf_has_dynamic(m, dl->names[f])))
			value_read(d, m, (enum field)f, &out[k]);
		else if (!key[f])
			absent(dl, m, (enum field)f, &out[k]);
		else
			value_of_dl(dl, d, key[f], val[f], (enum field)f, &out[k]);
	}
}

/* The parts of the notes of values v[0..n), deduplicated, in one
 * parenthesis. */
static const char *notes(struct doc *d, const struct value *const *v, size_t n)
{
	struct strbuf b = { .a = &d->arena };
	const char *when[2] = { 0 }, *param[2] = { 0 }, *note[2] = { 0 };
	const char *dflt[2] = { 0 };
	size_t i, nw = 0, np = 0, nn = 0, nd = 0;

	for (i = 0; i < n; i++) {
		const struct cfn_branch *w = value_when(v[i]);
		const char *vp = value_param(v[i]), *vn = value_assumption(v[i]);
		if (w && w->label && !(nw && strcmp(when[0], w->label) == 0))
			when[nw++] = w->label;
		if (v[i]->state != VS_ASSUMED)
			continue;
		if (v[i]->dflt) { /* a Terraform provider's default */
			dflt[nd++] = fname(d, (enum field)v[i]->field);
			continue;
		}
		if (vn && !(nn && strcmp(note[0], vn) == 0))
			note[nn++] = vn;
		if (vp && !vn && !(np && strcmp(param[0], vp) == 0))
			param[np++] = vp;
		else if (!vp && !vn && !np)
			param[np++] = "named by the Ref";
	}
	if (!nw && !np && !nn && !nd)
		return "";
	if (nd && !nw && !np && !nn)
		return nd == 1
			? arena_printf(&d->arena, " (the provider's default, sent "
				       "because %s is omitted)", dflt[0])
			: arena_printf(&d->arena, " (the provider's defaults, sent "
				       "because %s and %s are omitted)", dflt[0],
				       dflt[1]);
	strbuf_add(&b, " (", 2);
	for (i = 0; i < nw; i++) {
		if (i)
			strbuf_add(&b, "; ", 2);
		strbuf_add(&b, when[i], strlen(when[i]));
	}
	if (np) {
		const char *s = np == 1
			? arena_printf(&d->arena, "assumed from the Default of Parameter %s",
				       param[0])
			: arena_printf(&d->arena, "assumed from the Defaults of Parameters %s and %s",
				       param[0], param[1]);
		if (nw)
			strbuf_add(&b, "; ", 2);
		strbuf_add(&b, s, strlen(s));
	}
	for (i = 0; i < nn; i++) {
		const char *s = arena_printf(&d->arena, "%s%s",
					     !np && !i && strncmp(note[i], "assumed", 7) != 0
						     ? "assumed: " : "",
					     note[i]);
		/* "assumed from A; assumed from B": "assumed from A and B" */
		if (i && strncmp(note[0], "assumed from ", 13) == 0 &&
		    strncmp(s, "assumed from ", 13) == 0) {
			strbuf_add(&b, " and ", 5);
			strbuf_add(&b, s + 13, strlen(s + 13));
			continue;
		}
		if (nw || np || i)
			strbuf_add(&b, "; ", 2);
		strbuf_add(&b, s, strlen(s));
	}
	strbuf_add(&b, ")", 1);
	return b.s;
}

const char *value_note(struct doc *d, const struct value *v)
{
	return notes(d, &v, 1);
}

const char *value_note2(struct doc *d, const struct value *a,
			const struct value *b)
{
	const struct value *v[2] = { a, b };
	return notes(d, v, 2);
}
