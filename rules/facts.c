/* facts.c - the AWS facts datasets: parsed from the embedded schemas/ files
 * on first use into flat tables indexed by Region and resource type, so that
 * a query is an array lookup (Regions by binary search). */
#include "facts.h"
#include "facts_base.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../linter/arena.h"
#include "../linter/data.h"
#include "../linter/lint.h"
#include "arn.h"
#include "registry.h"
#include "../linter/suggest.h"


/* ---- data access helpers ---- */

static void bad_data(const char *file, const char *what)
{
	fprintf(stderr, "backuplint: internal error: schemas/%s: %s\n", file,
		what);
	abort();
}

static const char *need_str(const char *file, const struct node *m,
			    const char *k)
{
	const char *s = node_str(map_get(m, k));
	if (!s)
		bad_data(file, k);
	return s;
}

/* A fact cell: true, false, null/absent, or {"value": bool|"limited",
 * "note": "...", "except_regions": [...]}. */
static enum fact cell_value(const struct node *c, const char **note,
			    const struct node **except)
{
	const struct node *v = c;
	*note = NULL;
	if (except)
		*except = NULL;
	if (node_is(c, N_MAP)) {
		v = map_get(c, "value");
		*note = node_str(map_get(c, "note"));
		if (except)
			*except = map_get(c, "except_regions");
	}
	if (node_is(v, N_BOOL))
		return v->u.b ? FACT_YES : FACT_NO;
	if (node_streq(v, "limited"))
		return FACT_LIMITED;
	return FACT_UNKNOWN;
}

int seq_has(const struct node *seq, const char *s)
{
	uint32_t i;
	if (!node_is(seq, N_SEQ) || !s)
		return 0;
	for (i = 0; i < seq->len; i++)
		if (node_streq(seq_at(seq, i), s))
			return 1;
	return 0;
}

/* ---- Regions and resource types (shared by all datasets) ---- */

struct facts_base base = {.once = PTHREAD_ONCE_INIT};

static int region_cmp(const void *a, const void *b)
{
	return strcmp(((const struct region_entry *)a)->info.code,
		      ((const struct region_entry *)b)->info.code);
}

static void load_regions(void)
{
	const char *file = "regions.json";
	const struct node *root = data_tree(file);
	const struct node *parts = map_get(root, "partitions");
	const struct node *regs = map_get(root, "regions");
	uint32_t i, j;

	if (!node_is(parts, N_SEQ) || !node_is(regs, N_SEQ))
		bad_data(file, "partitions/regions");
	for (i = 0; i < parts->len; i++) {
		const struct node *p = seq_at(parts, i);
		const struct node *pre = map_get(p, "prefixes");
		const char *id = need_str(file, p, "id");
		if (base.npartitions == MAX_PREFIXES)
			bad_data(file, "too many partitions");
		base.partitions[base.npartitions++] = id;
		for (j = 0; node_is(pre, N_SEQ) && j < pre->len; j++) {
			if (base.nprefixes == MAX_PREFIXES)
				bad_data(file, "too many prefixes");
			base.prefixes[base.nprefixes].prefix =
				node_str(seq_at(pre, j));
			base.prefixes[base.nprefixes++].partition = id;
		}
	}
	base.regions =
		xcalloc(regs->len ? regs->len : 1, sizeof(*base.regions));
	for (i = 0; i < regs->len; i++) {
		const struct node *r = seq_at(regs, i);
		struct region_entry *e = &base.regions[base.nregions++];
		const struct node *oi = map_get(r, "opt_in");
		size_t n;
		e->info.code = need_str(file, r, "code");
		e->info.name = need_str(file, r, "name");
		e->info.partition = need_str(file, r, "partition");
		e->info.opt_in = node_is(oi, N_BOOL) && oi->u.b;
		n = strlen(e->info.code) + strlen(e->info.name) + 4;
		e->label = xmalloc(n);
		snprintf(e->label, n, "%s (%s)", e->info.code, e->info.name);
	}
	qsort(base.regions, base.nregions, sizeof(*base.regions), region_cmp);
}

static void load_types(void)
{
	const char *file = "resource-types.json";
	const struct node *root = data_tree(file);
	const struct node *types = map_get(root, "types");
	uint32_t i, j;

	if (!node_is(types, N_SEQ) || types->len > MAX_TYPES)
		bad_data(file, "types");
	for (i = 0; i < types->len; i++) {
		const struct node *t = seq_at(types, i);
		int rp;
		base.type_name[i] = need_str(file, t, "name");
		base.type_display[i] = need_str(file, t, "display");
		base.cfn[i] = map_get(t, "cfn");
		for (rp = 0; rp < 2; rp++) {
			const struct node *arns =
				map_get(t, rp ? "recovery_point_arns" : "arns");
			for (j = 0; node_is(arns, N_SEQ) && j < arns->len;
			     j++) {
				const struct node *a = seq_at(arns, j);
				struct arn_form *fm = &base.forms[base.nforms];
				if (base.nforms == MAX_ARN_FORMS)
					bad_data(file, "too many ARN forms");
				fm->service = need_str(file, a, "service");
				fm->resource = need_str(file, a, "resource");
				fm->type = (int)i;
				fm->recovery_point = rp;
				base.nforms++;
			}
		}
	}
	base.ntypes = types->len;
	base.shared = map_get(root, "shared_arn_forms");
}

static void load_base(void)
{
	load_regions();
	load_types();
}

void base_init(void)
{
	pthread_once(&base.once, load_base);
}

static const struct region_entry *region_entry(const char *code)
{
	struct region_entry key;
	if (!code)
		return NULL;
	base_init();
	key.info.code = code;
	return bsearch(&key, base.regions, base.nregions, sizeof(key),
		       region_cmp);
}

static long region_index(const char *code)
{
	const struct region_entry *e = region_entry(code);
	return e ? e - base.regions : -1;
}

const struct region_info *facts_region(const char *code)
{
	const struct region_entry *e = region_entry(code);
	return e ? &e->info : NULL;
}

const char *facts_region_label(const char *code)
{
	const struct region_entry *e = region_entry(code);
	return e ? e->label : code;
}

const char *facts_partition_of(const char *code)
{
	const struct region_entry *e = region_entry(code);
	size_t i, best = 0;
	const char *p = NULL;

	if (e)
		return e->info.partition;
	if (!code)
		return NULL;
	/* longest prefix wins: "us-gov-" over "us-" */
	for (i = 0; i < base.nprefixes; i++) {
		size_t n = strlen(base.prefixes[i].prefix);
		if (n > best &&
		    strncmp(code, base.prefixes[i].prefix, n) == 0) {
			best = n;
			p = base.prefixes[i].partition;
		}
	}
	return p;
}

int facts_partition_valid(const char *name)
{
	size_t i;
	base_init();
	for (i = 0; name && i < base.nprefixes; i++)
		if (strcmp(base.prefixes[i].partition, name) == 0)
			return 1;
	return 0;
}

/* The Region code nearest `code` within two edits, and how many are as
 * near; NULL when none is. */
static const char *nearest_region(const char *code, size_t *ties)
{
	size_t i, best = 3;
	const char *s = NULL;

	*ties = 0;
	if (!code)
		return NULL;
	base_init();
	for (i = 0; i < base.nregions; i++) {
		size_t d = edit_distance(code, strlen(code), base.regions[i].info.code,
					 strlen(base.regions[i].info.code), 0);
		if (d < best) {
			best = d;
			s = base.regions[i].info.code;
			*ties = 1;
		} else if (d == best) {
			(*ties)++;
		}
	}
	return s;
}

const char *facts_region_suggest(const char *code)
{
	size_t ties;
	return nearest_region(code, &ties);
}

const char *facts_region_fix(const char *code)
{
	size_t ties;
	const char *s = nearest_region(code, &ties);
	return ties == 1 ? s : NULL;
}

size_t facts_type_count(void)
{
	base_init();
	return base.ntypes;
}

const char *facts_type_name(int t)
{
	base_init();
	return t >= 0 && (size_t)t < base.ntypes ? base.type_name[t] : "an unknown type";
}

const char *facts_type_display(int t)
{
	base_init();
	return t >= 0 && (size_t)t < base.ntypes ? base.type_display[t] : "resources of an unknown type";
}

int facts_type_index(const char *name)
{
	size_t i;
	base_init();
	for (i = 0; name && i < base.ntypes; i++)
		if (strcmp(base.type_name[i], name) == 0)
			return (int)i;
	return -1;
}

char *facts_typeset_str(uint32_t s, char *buf, size_t n)
{
	size_t i, used = 0;

	base_init();
	if (!n)
		return buf;
	buf[0] = '\0';
	for (i = 0; i < base.ntypes; i++) {
		int w;
		if (!(s & (1u << i)))
			continue;
		s &= ~(1u << i);
		/* "A, B and C" */
		w = snprintf(buf + used, n - used, "%s%s",
			     !used ? ""
			     : s   ? ", "
				   : " and ",
			     base.type_display[i]);
		if (w < 0 || (size_t)w >= n - used) {
			if (n > 4)
				strcpy(buf + n - 4, "...");
			break;
		}
		used += (size_t)w;
	}
	return buf;
}

/* ---- datasets ---- */

struct type_limit {
	enum fact v;
	const char *note;
	const struct node *except;
	int set;
};

struct facts {
	const char *name, *file, *date, *source, *about;
	char *cite;
	char *describe;
	/* per Region (index in base.regions) */
	unsigned char *backup, *xregion, *xaccount;
	const char **xregion_note, **xaccount_note;
	const char *backup_source;
	const struct node
		*flags; /* dataset-wide facts ("copy_of_continuous...") */
	/* per type and feature */
	enum fact val[MAX_TYPES][FEAT_COUNT];
	const char *note[MAX_TYPES][FEAT_COUNT];
	struct type_limit optin[MAX_TYPES][FEAT_COUNT];
};

static const char *const feature_key[FEAT_COUNT] = {
	[FEAT_PROTECTED] = "protected",
	[FEAT_CROSS_REGION_COPY] = "cross_region_copy",
	[FEAT_CROSS_ACCOUNT_COPY] = "cross_account_copy",
	[FEAT_BOTH_COPY_KINDS] = "both_copy_kinds",
	[FEAT_COLD_STORAGE] = "cold_storage",
	[FEAT_CONTINUOUS] = "continuous",
	[FEAT_PLAN_WIDE_COPY] = "plan_wide_copy",
};

/* The datasets are the files facts-NAME.json present in schemas/; the
 * default comes first. Each is loaded the first time it is asked for. */
#define MAX_DATASETS 16

static struct facts datasets[MAX_DATASETS];
static char dataset_name_buf[MAX_DATASETS][64];
static const char *dataset_names[MAX_DATASETS + 1];
static char dataset_files[MAX_DATASETS][64];
static size_t ndatasets;
static int dataset_loaded[MAX_DATASETS];
static pthread_once_t datasets_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t datasets_lock = PTHREAD_MUTEX_INITIALIZER;

static void find_datasets(void)
{
	const char *def = node_str(map_get(data_tree("aws.json"), "default_facts"));
	const char *n;
	size_t i, k;

	if (!def)
		bad_data("aws.json", "default_facts");
	for (i = 0; (n = data_name(i)) != NULL; i++) {
		size_t l = strlen(n);
		if (l <= 11 || strncmp(n, "facts-", 6) != 0 ||
		    strcmp(n + l - 5, ".json") != 0)
			continue;
		if (ndatasets == MAX_DATASETS || l >= sizeof(dataset_files[0]))
			bad_data(n, "too many datasets, or a name too long");
		snprintf(dataset_files[ndatasets], sizeof(dataset_files[0]), "%s", n);
		snprintf(dataset_name_buf[ndatasets], sizeof(dataset_name_buf[0]),
			 "%.*s", (int)(l - 11), n + 6);
		dataset_names[ndatasets] = dataset_name_buf[ndatasets];
		ndatasets++;
	}
	/* the default first */
	for (k = 0; k < ndatasets; k++)
		if (strcmp(dataset_names[k], def) == 0)
			break;
	if (k == ndatasets)
		bad_data("aws.json", "default_facts names no facts-*.json file");
	if (k) {
		char file[64];
		const char *name = dataset_names[k];
		memcpy(file, dataset_files[k], sizeof(file));
		memmove(&dataset_names[1], &dataset_names[0], k * sizeof(dataset_names[0]));
		memmove(&dataset_files[1], &dataset_files[0], k * sizeof(dataset_files[0]));
		dataset_names[0] = name;
		memcpy(dataset_files[0], file, sizeof(file));
	}
}

static void region_flags(const struct facts *f, const struct node *map,
			 unsigned char *flags, const char **notes)
{
	uint32_t i;
	if (!node_is(map, N_MAP))
		return;
	for (i = 0; i < map->len; i++) {
		long r = region_index(node_str(map_key(map, i)));
		if (r < 0)
			bad_data(f->file, "unknown Region in a Region list");
		flags[r] = FACT_NO;
		notes[r] = node_str(map_get(map_val(map, i), "note"));
	}
}

static void load_dataset(size_t k)
{
	struct facts *f = &datasets[k];
	const char *file = dataset_files[k];
	const struct node *root, *br, *types, *optin;
	size_t i, n;
	int feat;

	base_init();
	root = data_tree(file);
	f->file = file;
	f->name = need_str(file, root, "dataset");
	if (strcmp(f->name, dataset_names[k]) != 0)
		bad_data(file, "its \"dataset\" is not the name in the file name");
	f->date = need_str(file, root, "date");
	f->source = need_str(file, root, "source");
	f->about = need_str(file, root, "about");
	f->backup_source = need_str(file, root, "backup_regions_source");
	f->flags = map_get(root, "flags");
	n = strlen(f->name) + strlen(f->source) + 16;
	f->cite = xmalloc(n);
	snprintf(f->cite, n, "facts: %s, %s", f->name, f->source);
	n = strlen(f->name) + strlen(f->date) + strlen(f->source) + 16;
	f->describe = xmalloc(n);
	snprintf(f->describe, n, "%s (%s, %s)", f->name, f->source, f->date);

	n = base.nregions ? base.nregions : 1;
	f->backup = xcalloc(n, 1);
	f->xregion = xcalloc(n, 1);
	f->xaccount = xcalloc(n, 1);
	f->xregion_note = xcalloc(n, sizeof(char *));
	f->xaccount_note = xcalloc(n, sizeof(char *));
	br = map_get(root, "backup_regions");
	for (i = 0; i < base.nregions; i++) {
		f->backup[i] = seq_has(br, base.regions[i].info.code) ? FACT_YES
								      : FACT_NO;
		f->xregion[i] = f->xaccount[i] = FACT_YES;
	}
	region_flags(f, map_get(root, "no_cross_region_copy"), f->xregion,
		     f->xregion_note);
	region_flags(f, map_get(root, "no_cross_account_copy"), f->xaccount,
		     f->xaccount_note);

	types = map_get(root, "resource_types");
	optin = map_get(root, "opt_in_region_limits");
	for (i = 0; i < base.ntypes; i++) {
		const struct node *t = map_get(types, base.type_name[i]);
		const struct node *lim = map_get(optin, base.type_name[i]);
		if (!node_is(t, N_MAP))
			bad_data(file, base.type_name[i]);
		for (feat = 0; feat < FEAT_COUNT; feat++) {
			const struct node *c = map_get(lim, feature_key[feat]);
			f->val[i][feat] =
				cell_value(map_get(t, feature_key[feat]),
					   &f->note[i][feat], NULL);
			if (c) {
				struct type_limit *l = &f->optin[i][feat];
				l->v = cell_value(c, &l->note, &l->except);
				l->set = 1;
			}
		}
	}
}

int facts_valid(const char *name)
{
	return name && facts_get(name) != NULL;
}

const char *const *facts_names(void)
{
	pthread_once(&datasets_once, find_datasets);
	return dataset_names;
}

const struct facts *facts_get(const char *name)
{
	size_t k;
	pthread_once(&datasets_once, find_datasets);
	if (!name)
		name = dataset_names[0];
	for (k = 0; k < ndatasets; k++)
		if (strcmp(name, dataset_names[k]) == 0)
			break;
	if (k == ndatasets)
		return NULL;
	pthread_mutex_lock(&datasets_lock);
	if (!dataset_loaded[k]) {
		load_dataset(k);
		dataset_loaded[k] = 1;
	}
	pthread_mutex_unlock(&datasets_lock);
	return &datasets[k];
}

const char *facts_describe(const char *name)
{
	const struct facts *f = facts_get(name);
	return f ? f->describe : NULL;
}

const struct facts *facts_of(const struct doc *d)
{
	const struct facts *f;
	/* a configuration may choose another dataset for some files */
	if (d->file->facts && (f = facts_get(d->file->facts)) != NULL)
		return f;
	return aws_session(doc_session(d))->facts;
}

const char *facts_name(const struct facts *f)
{
	return f->name;
}
const char *facts_date(const struct facts *f)
{
	return f->date;
}
const char *facts_source(const struct facts *f)
{
	return f->source;
}
const char *facts_cite(const struct facts *f)
{
	return f->cite;
}

enum fact facts_backup_offered(const struct facts *f, const char *code)
{
	long r = region_index(code);
	return r < 0 ? FACT_UNKNOWN : (enum fact)f->backup[r];
}

enum fact facts_cross_region_offered(const struct facts *f, const char *code)
{
	long r = region_index(code);
	return r < 0 ? FACT_UNKNOWN : (enum fact)f->xregion[r];
}

enum fact facts_cross_account_offered(const struct facts *f, const char *code)
{
	long r = region_index(code);
	return r < 0 ? FACT_UNKNOWN : (enum fact)f->xaccount[r];
}

const char *facts_region_note(const struct facts *f, const char *code,
			      int cross_account)
{
	long r = region_index(code);
	if (r < 0)
		return NULL;
	return cross_account ? f->xaccount_note[r] : f->xregion_note[r];
}

const char *facts_backup_source(const struct facts *f)
{
	return f->backup_source;
}

enum fact facts_type_feature(const struct facts *f, int t, enum feature feat,
			     const char *region, const char **note)
{
	const struct region_info *ri = facts_region(region);
	enum fact v;
	const char *nt;

	if (t < 0 || (size_t)t >= base.ntypes || feat >= FEAT_COUNT) {
		if (note)
			*note = NULL;
		return FACT_UNKNOWN;
	}
	v = f->val[t][feat];
	nt = f->note[t][feat];
	if (ri && ri->opt_in && f->optin[t][feat].set &&
	    !seq_has(f->optin[t][feat].except, ri->code)) {
		v = f->optin[t][feat].v;
		nt = f->optin[t][feat].note;
	}
	if (note)
		*note = nt;
	return v;
}

uint32_t facts_types_with(const struct facts *f, uint32_t s, enum feature feat,
			  enum fact v, const char *region)
{
	uint32_t out = 0;
	size_t i;
	base_init();
	for (i = 0; i < base.ntypes; i++)
		if ((s & (1u << i)) &&
		    facts_type_feature(f, (int)i, feat, region, NULL) == v)
			out |= 1u << i;
	return out;
}

enum fact facts_flag(const struct facts *f, const char *name, const char **note)
{
	const char *nt;
	enum fact v = cell_value(map_get(f->flags, name), &nt, NULL);
	if (note)
		*note = nt;
	return v;
}

const char *const *facts_partitions(size_t *n)
{
	base_init();
	*n = base.npartitions;
	return base.partitions;
}
