/* shapes_build.c - the shape compiler, run at build time by
 * schemas/shapegen.c: reads schemas/shapes-api.json, shapes-cfn.json and
 * shapes-tf.json (through data_tree(), which the tool provides) into the
 * struct shape graphs of rules/shapes.h: members sorted and hashed for
 * member_find(), references resolved, required lists, enums, ARN kinds,
 * character sets, and the simple patterns that shape_match() checks
 * without PCRE2. shapegen.c writes the graphs out as C data, which
 * rules/shapes.c serves: nothing is built at run time.
 *
 * Failure: a shapes file that does not describe itself consistently is a
 * defect of the data: shapes_defect() (the tool's) fails the build. */
#include "shapes_build.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../linter/arena.h"
#include "../linter/data.h"

struct shapes_built built;

/* The bounds of a repeat "{m,n}", "{m}", "+" or "*" at p, and what
 * follows it in *rest; 0 when p holds none. */
static int repeat_bounds(const char *p, unsigned long *lo, unsigned long *hi,
			 const char **rest)
{
	char *end;
	const char *q;

	if (p[0] == '+' || p[0] == '*') {
		*lo = p[0] == '+';
		*hi = (unsigned long)-1;
		*rest = p + 1;
		return 1;
	}
	if (p[0] != '{')
		return 0;
	*lo = strtoul(p + 1, &end, 10);
	if (end == p + 1)
		return 0;
	*hi = *lo;
	if (*end == ',') {
		q = end + 1;
		*hi = strtoul(q, &end, 10);
		if (end == q)
			return 0;
	}
	if (*end != '}' || *hi < *lo)
		return 0;
	*rest = end + 1;
	return 1;
}

/* 1 when PCRE2 was built with LF as its newline: then '.' is any
 * character but '\n', and '$' also matches before a final '\n'. */
static int newline_is_lf(void)
{
	uint32_t nl = 0;
	return pcre2_config(PCRE2_CONFIG_NEWLINE, &nl) >= 0 &&
	       nl == PCRE2_NEWLINE_LF;
}

/* A pattern ^[class]{m,n}$ (or + or *) whose class holds only ASCII
 * characters, ranges of them and escaped punctuation, or ^.{m,n}$: its set
 * and bounds in s, so that shape_match() needs no PCRE2. Anything else
 * (classes such as \d, negation, other syntax) stays with PCRE2. */
static void simple_pattern(struct shape *s)
{
	const char *p = s->pattern, *q;
	uint8_t set[32] = { 0 };
	unsigned long lo, hi;
	int any = 0;

	if (strncmp(p, "^.", 2) == 0 && newline_is_lf()) {
		/* any code point but a newline, counted in code points (the
		 * pattern is compiled with PCRE2_UTF) */
		any = 1;
		memset(set, 0xFF, 16);
		set['\n' >> 3] &= (uint8_t)~(1u << ('\n' & 7));
		p += 2;
	} else if (strncmp(p, "^[", 2) != 0 || p[2] == '^' || p[2] == ']') {
		return;
	} else {
		p += 2;
	}
	while (!any && *p && *p != ']') {
		unsigned char a, b;
		if (*p == '\\') {
			/* only escaped punctuation stands for itself */
			if (!p[1] || (unsigned char)p[1] >= 128 ||
			    !ispunct((unsigned char)p[1]))
				return;
			a = (unsigned char)p[1];
			p += 2;
		} else if ((unsigned char)*p >= 128 || *p == '[') {
			return;
		} else {
			a = (unsigned char)*p++;
		}
		b = a;
		if (p[0] == '-' && p[1] && p[1] != ']') {
			if (p[1] == '\\' || (unsigned char)p[1] >= 128 || p[1] == '[')
				return;
			b = (unsigned char)p[1];
			p += 2;
			if (b < a)
				return;
		}
		for (; a <= b; a++) {
			set[a >> 3] |= (uint8_t)(1u << (a & 7));
			if (a == 127)
				break;
		}
	}
	if (!any && *p++ != ']')
		return;
	if (!repeat_bounds(p, &lo, &hi, &q))
		return;
	/* $ also matches before a final newline: keep such classes away */
	if (strcmp(q, "$") != 0 || (set['\n' >> 3] & (1u << ('\n' & 7))))
		return;
	memcpy(s->simple_set, set, sizeof(set));
	s->simple_min = lo;
	s->simple_max = hi;
	s->simple = any ? 2 : 1;
}

static const char **str_list(const char *file, const struct node *seq,
			     size_t *n)
{
	const char **v;
	uint32_t i;
	*n = 0;
	if (!seq)
		return NULL;
	if (!node_is(seq, N_SEQ))
		shapes_defect(file, "expected a list", NULL);
	v = xcalloc(seq->len, sizeof(*v));
	for (i = 0; i < seq->len; i++) {
		v[i] = node_str(seq_at(seq, i));
		if (!v[i])
			shapes_defect(file, "expected strings in a list", NULL);
	}
	*n = seq->len;
	return v;
}

static struct note *note_map(const char *file, const struct node *m, size_t *n)
{
	struct note *v;
	uint32_t i;
	*n = 0;
	if (!m)
		return NULL;
	if (!node_is(m, N_MAP))
		shapes_defect(file, "expected an object", NULL);
	v = xcalloc(m->len, sizeof(*v));
	for (i = 0; i < m->len; i++) {
		v[i].name = node_str(map_key(m, i));
		v[i].text = node_str(map_val(m, i));
		if (!v[i].text)
			shapes_defect(file, "expected a string value for", v[i].name);
	}
	*n = m->len;
	return v;
}

/* Shape `name` of db or of its fallback (build time: a plain search). */
static struct shape *find(const struct db *db, const char *name)
{
	size_t i;
	for (; db; db = db->fallback)
		for (i = 0; i < db->nshapes; i++)
			if (strcmp(db->shapes[i].name, name) == 0)
				return &db->shapes[i];
	return NULL;
}

static struct shape *resolve(const struct db *db, const char *name)
{
	struct shape *s = name ? find(db, name) : NULL;
	if (!s)
		shapes_defect(db->file, "unknown shape", name);
	return s;
}

static int cmp_member(const void *a, const void *b)
{
	return strcmp(((const struct member *)a)->name,
		      ((const struct member *)b)->name);
}

static const struct arn_kind *arn_kind_find(const char *key)
{
	size_t i;
	for (i = 0; i < built.narn_kinds; i++)
		if (strcmp(built.arn_kinds[i].key, key) == 0)
			return &built.arn_kinds[i];
	return NULL;
}

/* "a-zA-Z0-9._-" -> allowed[] (ranges written x-y; a '-' at either end
 * stands for itself). */
static void parse_chars(unsigned char set[128], const char *spec)
{
	size_t i, n = strlen(spec);
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)spec[i];
		if (i + 2 < n && spec[i + 1] == '-') {
			unsigned char e = (unsigned char)spec[i + 2], x;
			for (x = c; x <= e && x < 128; x++)
				set[x] = 1;
			i += 2;
		} else if (c < 128) {
			set[c] = 1;
		}
	}
}

static double num_of(const char *file, const struct node *n, const char *what)
{
	if (node_is(n, N_INT))
		return (double)n->u.i;
	if (node_is(n, N_FLOAT))
		return n->u.f;
	shapes_defect(file, "expected a number for", what);
}

/* s's member `name`, or NULL (build time: a plain search). */
static const struct member *member_named(const struct shape *s,
					 const char *name)
{
	size_t i;
	for (i = 0; i < s->nmembers; i++)
		if (strcmp(s->members[i].name, name) == 0)
			return &s->members[i];
	return NULL;
}

/* The hash table of member_find() over s's members. */
static void member_slots(const char *file, struct shape *s)
{
	size_t n = 4, i;
	while (n < 2 * s->nmembers)
		n *= 2;
	if (s->nmembers > 65535)
		shapes_defect(file, "too many members in", s->name);
	s->slots = xcalloc(n, sizeof(*s->slots));
	s->nslots = n;
	for (i = 0; i < s->nmembers; i++) {
		uint32_t j = name_hash(s->members[i].name, s->members[i].len) &
			     (uint32_t)(n - 1);
		while (s->slots[j])
			j = (j + 1) & (uint32_t)(n - 1);
		s->slots[j] = (uint16_t)(i + 1);
	}
}

/* The fields of a shape definition in schemas/shapes-*.json. */
enum shape_field {
	SF_ALIAS_NOTE, SF_ALIASES, SF_ALLOWED, SF_ARN,
	SF_ARN_QUOTA, SF_CASE_NOTE, SF_CHARS, SF_CLI_OPTIONS,
	SF_EMPTY_UNSET, SF_ENUM, SF_FIRST, SF_FIRST_CHARS,
	SF_ITEM, SF_KEY, SF_MAX,
	SF_MAX_WHY, SF_MAXCHARS, SF_MAXLEN, SF_MEMBERS,
	SF_MIN, SF_MIN_WHY, SF_OF, SF_PATTERN,
	SF_READONLY, SF_REQUIRED, SF_TYPE, SF_TYPES,
	SF_UNIQUE_BY, SF_VALUE, SF_WHAT, SF_ZERO_UNSET,
	SF_COUNT
};
/* the fields a shape definition may have, sorted (bsearch) */
static const char *const field_names[SF_COUNT] = {
	"alias_note", "aliases", "allowed", "arn",
	"arn_quota", "case_note", "chars", "cli_options",
	"empty_unset", "enum", "first", "first_chars",
	"item", "key", "max",
	"max_why", "maxchars", "maxlen", "members",
	"min", "min_why", "of", "pattern",
	"readonly", "required", "type", "types",
	"unique_by", "value", "what", "zero_unset",
};

static int cmp_field(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void build_shape(struct db *db, struct shape *s, const struct node *def)
{
	static const struct { const char *name; enum skind k; } kinds[] = {
		{ "structure", SK_STRUCT }, { "list", SK_LIST },
		{ "map", SK_MAP }, { "string", SK_STRING },
		{ "long", SK_LONG }, { "integer", SK_INTEGER },
		{ "number", SK_NUMBER }, { "boolean", SK_BOOL },
		{ "timestamp", SK_TIMESTAMP }, { "json", SK_JSON },
		{ "any", SK_ANY }, { "union", SK_UNION },
		{ "resource", SK_RESOURCE },
	};
	const struct node *f[SF_COUNT] = { NULL }, *n;
	const char *type;
	size_t i;
	uint32_t k;

	/* one pass over the definition's keys, not a look-up per field; a
	 * key that is no field is a defect of the data */
	for (k = 0; node_is(def, N_MAP) && k < def->len; k++) {
		const char *key = node_str(map_key(def, k));
		const char *const *hit =
			key ? bsearch(&key, field_names, SF_COUNT,
				      sizeof(*field_names), cmp_field)
			    : NULL;
		if (!hit)
			shapes_defect(db->file, "unknown field in shape", s->name);
		f[hit - field_names] = map_val(def, k);
	}
	type = node_str(f[SF_TYPE]);
	if (!type)
		shapes_defect(db->file, "no type for shape", s->name);
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(kinds[i].name, type) == 0)
			break;
	if (i == sizeof(kinds) / sizeof(kinds[0]))
		shapes_defect(db->file, "unknown type", type);
	s->kind = kinds[i].k;
	s->what = node_str(f[SF_WHAT]);

	if ((n = f[SF_MEMBERS])) {
		s->members = xcalloc(n->len, sizeof(*s->members));
		s->nmembers = n->len;
		for (i = 0; i < n->len; i++) {
			s->members[i].name = node_str(map_key(n, (uint32_t)i));
			s->members[i].len = (uint32_t)strlen(s->members[i].name);
			s->members[i].shape =
				resolve(db, node_str(map_val(n, (uint32_t)i)));
		}
		qsort(s->members, s->nmembers, sizeof(*s->members), cmp_member);
		member_slots(db->file, s);
	}
	s->required = str_list(db->file, f[SF_REQUIRED], &s->nrequired);
	s->required_m = s->nrequired ? xcalloc(s->nrequired, sizeof(*s->required_m))
				     : NULL;
	for (i = 0; i < s->nrequired; i++)
		if (!(s->required_m[i] = member_named(s, s->required[i])))
			shapes_defect(db->file, "required name is not a member:",
			       s->required[i]);
	s->readonly = note_map(db->file, f[SF_READONLY], &s->nreadonly);
	if ((s->types = note_map(db->file, f[SF_TYPES], &s->ntypes))) {
		s->type_shapes = xcalloc(s->ntypes, sizeof(*s->type_shapes));
		for (i = 0; i < s->ntypes; i++)
			s->type_shapes[i] = resolve(db, s->types[i].text);
	}
	if ((n = f[SF_ITEM]))
		s->item = resolve(db, node_str(n));
	if ((n = f[SF_MAX])) {
		s->has_max = s->has_max_items = 1;
		s->max = num_of(db->file, n, s->name);
		s->max_items = (long long)s->max;
	}
	if ((n = f[SF_MIN])) {
		s->has_min = 1;
		s->min = num_of(db->file, n, s->name);
	}
	s->min_why = node_str(f[SF_MIN_WHY]);
	s->max_why = node_str(f[SF_MAX_WHY]);
	s->unique_by = node_str(f[SF_UNIQUE_BY]);
	if ((n = f[SF_ARN_QUOTA])) {
		s->arn_quota = 1;
		s->arn_max = (long long)num_of(db->file, map_get(n, "max"), s->name);
		s->arn_max_wild = (long long)num_of(db->file,
				map_get(n, "max_wildcard"), s->name);
	}
	if ((n = f[SF_KEY]))
		s->key = resolve(db, node_str(n));
	if ((n = f[SF_VALUE]))
		s->value = resolve(db, node_str(n));
	if ((s->pattern = node_str(f[SF_PATTERN]))) {
		s->file = db->file; /* compiled on first use */
		simple_pattern(s);
	}
	if ((n = f[SF_CHARS])) {
		s->has_chars = 1;
		parse_chars(s->chars, node_str(n));
	}
	if ((n = f[SF_FIRST_CHARS])) {
		parse_chars(s->first_chars, node_str(n));
		s->first = node_str(f[SF_FIRST]);
		if (!s->first)
			shapes_defect(db->file, "first_chars without first in", s->name);
	}
	s->allowed = node_str(f[SF_ALLOWED]);
	s->enums = str_list(db->file, f[SF_ENUM], &s->nenums);
	if ((n = f[SF_ARN])) {
		s->arn = arn_kind_find(node_str(n));
		if (!s->arn)
			shapes_defect(db->file, "unknown ARN kind", node_str(n));
	}
	if ((n = f[SF_MAXLEN])) {
		s->has_maxlen = 1;
		s->maxlen = (long long)num_of(db->file, n, s->name);
	}
	if ((n = f[SF_MAXCHARS])) {
		s->has_maxchars = 1;
		s->maxchars = (long long)num_of(db->file, n, s->name);
	}
	s->zero_unset = f[SF_ZERO_UNSET] != NULL;
	s->empty_unset = f[SF_EMPTY_UNSET] != NULL;
	s->case_note = node_str(f[SF_CASE_NOTE]);
	s->aliases = note_map(db->file, f[SF_ALIASES], &s->naliases);
	s->alias_note = node_str(f[SF_ALIAS_NOTE]);
	s->cli = note_map(db->file, f[SF_CLI_OPTIONS], &s->ncli);
	if ((n = f[SF_OF])) {
		s->alts = xcalloc(n->len, sizeof(*s->alts));
		s->nalts = n->len;
		for (i = 0; i < n->len; i++)
			s->alts[i] = resolve(db, node_str(seq_at(n, (uint32_t)i)));
	}
}

static const struct db *sort_db;

static int cmp_by_name(const void *a, const void *b)
{
	return strcmp(sort_db->shapes[*(const uint16_t *)a].name,
		      sort_db->shapes[*(const uint16_t *)b].name);
}

static void build_db(struct db *db, const char *file, const struct db *fallback)
{
	const struct node *root = data_tree(file), *shapes;
	uint16_t *by_name;
	uint32_t i;

	db->file = file;
	db->fallback = fallback;
	db->cfn = node_streq(map_get(root, "dialect"), "cfn");
	db->other_dialect = node_str(map_get(root, "other_dialect"));
	db->other_names = note_map(file, map_get(root, "other_names"), &db->nother);
	db->documents = note_map(file, map_get(root, "documents"), &db->ndocuments);
	shapes = map_get(root, "shapes");
	if (!node_is(shapes, N_MAP))
		shapes_defect(file, "no shapes", NULL);
	if (shapes->len > 65535)
		shapes_defect(file, "too many shapes", NULL);
	/* Names first (and their index for db_find()), so that shapes can
	 * refer to each other in any order. */
	db->shapes = xcalloc(shapes->len, sizeof(*db->shapes));
	db->nshapes = shapes->len;
	for (i = 0; i < shapes->len; i++)
		db->shapes[i].name = node_str(map_key(shapes, i));
	by_name = xcalloc(shapes->len, sizeof(*by_name));
	for (i = 0; i < shapes->len; i++)
		by_name[i] = (uint16_t)i;
	sort_db = db;
	qsort(by_name, shapes->len, sizeof(*by_name), cmp_by_name);
	for (i = 1; i < shapes->len; i++)
		if (!strcmp(db->shapes[by_name[i - 1]].name, db->shapes[by_name[i]].name))
			shapes_defect(file, "shape defined twice:", db->shapes[by_name[i]].name);
	db->by_name = by_name;
	for (i = 0; i < shapes->len; i++)
		build_shape(db, &db->shapes[i], map_val(shapes, i));
}

static void build_arns(void)
{
	const char *file = "shapes-api.json";
	const struct node *arn_node = map_get(data_tree(file), "arns"), *kinds;
	uint32_t i, j;

	built.arns.region.name = "region_pattern";
	built.arns.account.name = "account_pattern";
	built.arns.region.file = built.arns.account.file = file;
	if (!(built.arns.region.pattern = node_str(map_get(arn_node, "region_pattern"))) ||
	    !(built.arns.account.pattern = node_str(map_get(arn_node, "account_pattern"))))
		shapes_defect(file, "no Region or account pattern", NULL);
	simple_pattern(&built.arns.region);
	simple_pattern(&built.arns.account);
	kinds = map_get(arn_node, "kinds");
	if (!node_is(kinds, N_MAP))
		shapes_defect(file, "no ARN kinds", NULL);
	built.arn_kinds = xcalloc(kinds->len, sizeof(*built.arn_kinds));
	built.narn_kinds = kinds->len;
	for (i = 0; i < kinds->len; i++) {
		const struct node *k = map_val(kinds, i), *forms;
		struct arn_kind *ak = &built.arn_kinds[i];
		ak->key = node_str(map_key(kinds, i));
		ak->what = node_str(map_get(k, "what"));
		ak->example = node_str(map_get(k, "example"));
		ak->star = map_get(k, "star") != NULL;
		ak->old_types = note_map(file, map_get(k, "old_types"), &ak->nold);
		ak->wrong_types = note_map(file, map_get(k, "wrong_types"),
					   &ak->nwrong);
		forms = map_get(k, "forms");
		if (!node_is(forms, N_SEQ) || !ak->what || !ak->example)
			shapes_defect(file, "incomplete ARN kind", ak->key);
		ak->forms = xcalloc(forms->len, sizeof(*ak->forms));
		ak->nforms = forms->len;
		for (j = 0; j < forms->len; j++) {
			const struct node *f = seq_at(forms, j);
			struct arn_form *af = &ak->forms[j];
			const char *p;
			af->service = node_str(map_get(f, "service"));
			if (!af->service)
				shapes_defect(file, "ARN form without service", ak->key);
			p = node_str(map_get(f, "region"));
			af->region = !p || !strcmp(p, "optional") ? P_OPTIONAL :
				     !strcmp(p, "empty") ? P_EMPTY : P_REQUIRED;
			p = node_str(map_get(f, "account"));
			af->account = !p || !strcmp(p, "optional") ? P_OPTIONAL :
				      !strcmp(p, "empty") ? P_EMPTY : P_REQUIRED;
			af->types = str_list(file, map_get(f, "types"), &af->ntypes);
			p = node_str(map_get(f, "sep"));
			af->sep = p ? p[0] : 0;
		}
	}
}


static void build_api(void)
{
	size_t i, j;
	build_arns();
	build_db(&built.api, "shapes-api.json", NULL);
	/* ARN name parts refer to API shapes by name. */
	{
		const struct node *kinds = map_get(map_get(data_tree(
			"shapes-api.json"), "arns"), "kinds");
		for (i = 0; i < built.narn_kinds; i++) {
			const struct node *forms =
				map_get(map_val(kinds, (uint32_t)i), "forms");
			for (j = 0; j < built.arn_kinds[i].nforms; j++) {
				const char *nm = node_str(map_get(
					seq_at(forms, (uint32_t)j), "name"));
				if (nm)
					built.arn_kinds[i].forms[j].name =
						resolve(&built.api, nm);
			}
		}
	}
}

static void build_cfn(void)
{
	build_db(&built.cfn, "shapes-cfn.json", &built.api);
	built.arns.colon_free = str_list("shapes-cfn.json", map_get(data_tree(
		"shapes-cfn.json"), "colon_free_pseudo_parameters"), &built.arns.ncolon_free);
	built.arns.pseudo_min = note_map("shapes-cfn.json", map_get(data_tree(
		"shapes-cfn.json"), "pseudo_parameter_min_lengths"), &built.arns.npseudo_min);
}


void shapes_build(void)
{
	build_api();
	build_cfn();
	build_db(&built.tf, "shapes-tf.json", &built.api);
}
