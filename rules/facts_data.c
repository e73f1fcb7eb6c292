/* facts_data.c - the AWS facts datasets (schemas/facts-NAME.json): where
 * AWS Backup, cross-Region and cross-account copy are offered, and what each
 * resource type supports; parsed on first use into flat tables indexed by
 * Region and resource type, so that a query is an array lookup.
 *
 * A dataset may be layered over another ("layered_over"): it starts as a
 * copy of that one, and what it states replaces what the base says. "spec"
 * states only what the AWS Backup cross-Region copy guide states and takes
 * today's data ("current") for everything else; every fact remembers which
 * dataset stated it, so that a message cites the right source. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../linter/data.h"
#include "../linter/lint.h"
#include "facts.h"
#include "facts_impl.h"
#include "registry.h"

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
	const struct facts *base;  /* layered over, or NULL */
	char *base_cite;           /* a fact from base, cited */
	char *short_cite;          /* "facts: spec", for a message that names
				    * the source in its words */
	char *base_short_cite;     /* "facts: spec, from current where the
				    * guide is silent" */
	/* per Region (index in the Region table) */
	unsigned char *backup, *xregion, *xaccount;
	const char **xregion_note, **xaccount_note;
	unsigned char *xregion_base, *xaccount_base; /* 1: stated by base */
	const char *backup_source;
	const struct node
		*flags; /* dataset-wide facts ("copy_of_continuous...") */
	/* per type and feature */
	enum fact val[MAX_TYPES][FEAT_COUNT];
	const char *note[MAX_TYPES][FEAT_COUNT];
	unsigned char from_base[MAX_TYPES][FEAT_COUNT];
	unsigned char stated[MAX_TYPES][FEAT_COUNT];
	struct type_limit optin[MAX_TYPES][FEAT_COUNT];
};

static const char *const feature_key[FEAT_COUNT] = {
	[FEAT_PROTECTED] = "protected",
	[FEAT_CROSS_REGION_COPY] = "cross_region_copy",
	[FEAT_CROSS_ACCOUNT_COPY] = "cross_account_copy",
	[FEAT_BOTH_COPY_KINDS] = "both_copy_kinds",
	[FEAT_COLD_STORAGE] = "cold_storage",
	[FEAT_COLD_ARCHIVE] = "cold_storage_archive",
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
		facts_bad_data("aws.json", "default_facts");
	for (i = 0; (n = data_name(i)) != NULL; i++) {
		size_t l = strlen(n);
		if (l <= 11 || strncmp(n, "facts-", 6) != 0 ||
		    strcmp(n + l - 5, ".json") != 0)
			continue;
		if (ndatasets == MAX_DATASETS || l >= sizeof(dataset_files[0]))
			facts_bad_data(n, "too many datasets, or a name too long");
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
		facts_bad_data("aws.json", "default_facts names no facts-*.json file");
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
		long r = facts_region_index(node_str(map_key(map, i)));
		if (r < 0)
			facts_bad_data(f->file, "unknown Region in a Region list");
		flags[r] = FACT_NO;
		notes[r] = node_str(map_get(map_val(map, i), "note"));
	}
}

static void load_dataset(size_t k);

/* Dataset k, loaded on first use (datasets_lock held). */
static const struct facts *get_locked(size_t k, int depth)
{
	if (depth > 4)
		facts_bad_data(dataset_files[k], "layered_over forms a cycle");
	if (!dataset_loaded[k]) {
		dataset_loaded[k] = 1;
		load_dataset(k);
	}
	return &datasets[k];
}

static size_t dataset_index(const char *name)
{
	size_t k;
	for (k = 0; k < ndatasets; k++)
		if (strcmp(name, dataset_names[k]) == 0)
			break;
	return k;
}

/* Start dataset f as a copy of base b: every fact "stated by base". */
static void copy_base(struct facts *f, const struct facts *b, size_t nr)
{
	memcpy(f->backup, b->backup, nr);
	memcpy(f->xregion, b->xregion, nr);
	memcpy(f->xaccount, b->xaccount, nr);
	memcpy(f->xregion_note, b->xregion_note, nr * sizeof(char *));
	memcpy(f->xaccount_note, b->xaccount_note, nr * sizeof(char *));
	memset(f->xregion_base, 1, nr);
	memset(f->xaccount_base, 1, nr);
	memcpy(f->val, b->val, sizeof(f->val));
	memcpy(f->note, b->note, sizeof(f->note));
	memcpy(f->optin, b->optin, sizeof(f->optin));
	memset(f->from_base, 1, sizeof(f->from_base));
	f->backup_source = b->backup_source;
}

/* The cells of map m by feature, in one pass over its keys (the last of
 * duplicate keys wins, as with map_get). */
static void features_of(const struct node *m, const struct node *out[FEAT_COUNT])
{
	uint32_t i;
	int feat;
	for (feat = 0; feat < FEAT_COUNT; feat++)
		out[feat] = NULL;
	for (i = 0; node_is(m, N_MAP) && i < m->len; i++) {
		const char *k = node_str(map_key(m, i));
		for (feat = 0; k && feat < FEAT_COUNT; feat++)
			if (k[0] == feature_key[feat][0] &&
			    strcmp(k, feature_key[feat]) == 0) {
				out[feat] = map_val(m, i);
				break;
			}
	}
}

static void load_dataset(size_t k)
{
	struct facts *f = &datasets[k];
	const char *file = dataset_files[k];
	const struct node *root, *br, *types, *optin, *sub, *lay;
	size_t i, n, nr;
	int feat;

	facts_base_init();
	root = data_tree(file);
	f->file = file;
	f->name = facts_need_str(file, root, "dataset");
	if (strcmp(f->name, dataset_names[k]) != 0)
		facts_bad_data(file, "its \"dataset\" is not the name in the file name");
	f->date = facts_need_str(file, root, "date");
	f->source = facts_need_str(file, root, "source");
	f->about = facts_need_str(file, root, "about");
	f->flags = map_get(root, "flags");
	n = strlen(f->name) + strlen(f->source) + 16;
	f->cite = xmalloc(n);
	snprintf(f->cite, n, "facts: %s, %s", f->name, f->source);
	n = strlen(f->name) + 16;
	f->short_cite = xmalloc(n);
	snprintf(f->short_cite, n, "facts: %s", f->name);
	n = strlen(f->name) + strlen(f->date) + strlen(f->source) + 16;
	f->describe = xmalloc(n);
	snprintf(f->describe, n, "%s (%s, %s)", f->name, f->source, f->date);

	nr = facts_nregions() ? facts_nregions() : 1;
	f->backup = xcalloc(nr, 1);
	f->xregion = xcalloc(nr, 1);
	f->xaccount = xcalloc(nr, 1);
	f->xregion_base = xcalloc(nr, 1);
	f->xaccount_base = xcalloc(nr, 1);
	f->xregion_note = xcalloc(nr, sizeof(char *));
	f->xaccount_note = xcalloc(nr, sizeof(char *));

	if ((lay = map_get(root, "layered_over"))) {
		size_t b = node_str(lay) ? dataset_index(node_str(lay)) : ndatasets;
		const char *silent = facts_need_str(file, root, "layer_note");
		if (b == ndatasets || b == k)
			facts_bad_data(file, "layered_over names no other dataset");
		f->base = get_locked(b, 1);
		copy_base(f, f->base, facts_nregions());
		n = strlen(f->name) + strlen(f->base->name) +
		    strlen(f->base->source) + strlen(silent) + 24;
		f->base_cite = xmalloc(n);
		snprintf(f->base_cite, n, "facts: %s, from %s %s, %s", f->name,
			 f->base->name, silent, f->base->source);
		f->base_short_cite = xmalloc(n);
		snprintf(f->base_short_cite, n, "facts: %s, from %s %s", f->name,
			 f->base->name, silent);
	} else {
		for (i = 0; i < facts_nregions(); i++)
			f->xregion[i] = f->xaccount[i] = FACT_YES;
	}
	if ((br = map_get(root, "backup_regions"))) {
		f->backup_source = facts_need_str(file, root, "backup_regions_source");
		/* one pass over the list, each Region found by binary search */
		for (i = 0; i < facts_nregions(); i++)
			f->backup[i] = FACT_NO;
		for (i = 0; node_is(br, N_SEQ) && i < br->len; i++) {
			long r = facts_region_index(node_str(seq_at(br, (uint32_t)i)));
			if (r >= 0)
				f->backup[r] = FACT_YES;
		}
	} else if (!f->base) {
		facts_bad_data(file, "backup_regions");
	}
	/* a Region list replaces the base's: listed Regions NO, the rest YES */
	if ((sub = map_get(root, "no_cross_region_copy"))) {
		memset(f->xregion, FACT_YES, facts_nregions());
		memset(f->xregion_base, 0, facts_nregions());
		memset(f->xregion_note, 0, facts_nregions() * sizeof(char *));
		region_flags(f, sub, f->xregion, f->xregion_note);
	}
	if ((sub = map_get(root, "no_cross_account_copy"))) {
		memset(f->xaccount, FACT_YES, facts_nregions());
		memset(f->xaccount_base, 0, facts_nregions());
		memset(f->xaccount_note, 0, facts_nregions() * sizeof(char *));
		region_flags(f, sub, f->xaccount, f->xaccount_note);
	}

	types = map_get(root, "resource_types");
	optin = map_get(root, "opt_in_region_limits");
	if (optin)
		memset(f->optin, 0, sizeof(f->optin));
	for (i = 0; i < facts_type_count(); i++) {
		const struct node *t = map_get(types, facts_type_name((int)i));
		const struct node *lim = map_get(optin, facts_type_name((int)i));
		const struct node *cells[FEAT_COUNT], *lims[FEAT_COUNT];
		if (!f->base && !node_is(t, N_MAP))
			facts_bad_data(file, facts_type_name((int)i));
		features_of(t, cells);
		features_of(lim, lims);
		for (feat = 0; feat < FEAT_COUNT; feat++) {
			const struct node *c = lims[feat];
			const struct node *cell = cells[feat];
			/* a dataset over a base states only what it has */
			if (cell || !f->base) {
				f->val[i][feat] = facts_cell(cell, &f->note[i][feat], NULL);
				f->from_base[i][feat] = 0;
				f->stated[i][feat] = cell != NULL;
			}
			if (c) {
				struct type_limit *l = &f->optin[i][feat];
				l->v = facts_cell(c, &l->note, &l->except);
				l->set = 1;
			}
		}
		/* cold storage with the archive opt-in: as without it, unless
		 * the dataset (or its base) says otherwise */
		if (!f->base && !f->stated[i][FEAT_COLD_ARCHIVE]) {
			f->val[i][FEAT_COLD_ARCHIVE] = f->val[i][FEAT_COLD_STORAGE];
			f->note[i][FEAT_COLD_ARCHIVE] = f->note[i][FEAT_COLD_STORAGE];
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
	const struct facts *f;
	size_t k;
	pthread_once(&datasets_once, find_datasets);
	if (!name)
		name = dataset_names[0];
	k = dataset_index(name);
	if (k == ndatasets)
		return NULL;
	pthread_mutex_lock(&datasets_lock);
	f = get_locked(k, 0);
	pthread_mutex_unlock(&datasets_lock);
	return f;
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

const struct facts *facts_base(const struct facts *f)
{
	return f->base;
}

const char *facts_cite_type(const struct facts *f, int t, enum feature feat)
{
	if (t < 0 || (size_t)t >= facts_type_count() || feat >= FEAT_COUNT ||
	    !f->base || !f->from_base[t][feat])
		return f->cite;
	return f->base_cite;
}

const char *facts_cite_region(const struct facts *f, const char *code,
			      int cross_account)
{
	long r = facts_region_index(code);
	if (r < 0 || !f->base)
		return f->cite;
	if (cross_account ? f->xaccount_base[r] : f->xregion_base[r])
		return f->base_cite;
	return f->cite;
}

const char *facts_source_type(const struct facts *f, int t, enum feature feat,
			      const char **cite)
{
	if (t >= 0 && (size_t)t < facts_type_count() && feat < FEAT_COUNT &&
	    f->base && f->from_base[t][feat]) {
		*cite = f->base_short_cite;
		return f->base->source;
	}
	*cite = f->short_cite;
	return f->source;
}

const char *facts_source_region(const struct facts *f, const char *code,
				int cross_account, const char **cite)
{
	long r = facts_region_index(code);
	if (r >= 0 && f->base &&
	    (cross_account ? f->xaccount_base[r] : f->xregion_base[r])) {
		*cite = f->base_short_cite;
		return f->base->source;
	}
	*cite = f->short_cite;
	return f->source;
}

enum fact facts_backup_offered(const struct facts *f, const char *code)
{
	long r = facts_region_index(code);
	return r < 0 ? FACT_UNKNOWN : (enum fact)f->backup[r];
}

enum fact facts_cross_region_offered(const struct facts *f, const char *code)
{
	long r = facts_region_index(code);
	return r < 0 ? FACT_UNKNOWN : (enum fact)f->xregion[r];
}

enum fact facts_cross_account_offered(const struct facts *f, const char *code)
{
	long r = facts_region_index(code);
	return r < 0 ? FACT_UNKNOWN : (enum fact)f->xaccount[r];
}

const char *facts_region_note(const struct facts *f, const char *code,
			      int cross_account)
{
	long r = facts_region_index(code);
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

	if (t < 0 || (size_t)t >= facts_type_count() || feat >= FEAT_COUNT) {
		if (note)
			*note = NULL;
		return FACT_UNKNOWN;
	}
	v = f->val[t][feat];
	nt = f->note[t][feat];
	if (ri && ri->opt_in && f->optin[t][feat].set &&
	    !facts_seq_has(f->optin[t][feat].except, ri->code)) {
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
	facts_base_init();
	for (i = 0; i < facts_type_count(); i++)
		if ((s & (1u << i)) &&
		    facts_type_feature(f, (int)i, feat, region, NULL) == v)
			out |= 1u << i;
	return out;
}

const char *facts_cite_flag(const struct facts *f, const char *name)
{
	if (!map_get(f->flags, name) && f->base)
		return f->base_cite;
	return f->cite;
}

enum fact facts_flag(const struct facts *f, const char *name, const char **note)
{
	const char *nt;
	const struct node *c = map_get(f->flags, name);
	enum fact v;
	if (!c && f->base)
		return facts_flag(f->base, name, note);
	v = facts_cell(c, &nt, NULL);
	if (note)
		*note = nt;
	return v;
}

