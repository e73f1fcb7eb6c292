/* facts.c - what every facts dataset shares: the Regions by partition and
 * the resource types with the ARN forms that name them, parsed from the
 * embedded schemas/ files on first use into flat tables (Regions by binary
 * search). The datasets are in facts_data.c, the classification of
 * selection ARNs in facts_arn.c. */
#include "facts.h"
#include "facts_impl.h"

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

void facts_bad_data(const char *file, const char *what)
{
	fprintf(stderr, "backuplint: internal error: schemas/%s: %s\n", file,
		what);
	abort();
}

const char *facts_need_str(const char *file, const struct node *m,
			    const char *k)
{
	const char *s = node_str(map_get(m, k));
	if (!s)
		facts_bad_data(file, k);
	return s;
}

/* The values of map m's keys names[0..n) into v (NULL when absent), in
 * one pass over its keys rather than a look-up for each name (the data
 * files repeat no key: the build refuses them). */
static void keys_of(const struct node *m, const char *const *names, size_t n,
		    const struct node **v)
{
	uint32_t i;
	size_t k;
	for (k = 0; k < n; k++)
		v[k] = NULL;
	for (i = 0; node_is(m, N_MAP) && i < m->len; i++) {
		const char *key = node_str(map_key(m, i));
		for (k = 0; key && k < n; k++)
			if (key[0] == names[k][0] && !strcmp(key, names[k])) {
				v[k] = map_val(m, i);
				break;
			}
	}
}

/* A fact cell: true, false, null/absent, or {"value": bool|"limited",
 * "note": "...", "except_regions": [...]}. */
enum fact facts_cell(const struct node *c, const char **note,
			    const struct node **except)
{
	const struct node *v = c;
	*note = NULL;
	if (except)
		*except = NULL;
	if (node_is(c, N_MAP)) {
		static const char *const names[] = {
			"value", "note", "except_regions",
		};
		const struct node *kv[3];
		keys_of(c, names, 3, kv);
		v = kv[0];
		*note = node_str(kv[1]);
		if (except)
			*except = kv[2];
	}
	if (node_is(v, N_BOOL))
		return v->u.b ? FACT_YES : FACT_NO;
	if (node_streq(v, "limited"))
		return FACT_LIMITED;
	return FACT_UNKNOWN;
}

int facts_seq_has(const struct node *seq, const char *s)
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
	size_t labels = 0;
	char *label;
	uint32_t i, j;

	if (!node_is(parts, N_SEQ) || !node_is(regs, N_SEQ))
		facts_bad_data(file, "partitions/regions");
	for (i = 0; i < parts->len; i++) {
		const struct node *p = seq_at(parts, i);
		const struct node *pre = map_get(p, "prefixes");
		const char *id = facts_need_str(file, p, "id");
		if (base.npartitions == MAX_PREFIXES)
			facts_bad_data(file, "too many partitions");
		base.partitions[base.npartitions++] = id;
		for (j = 0; node_is(pre, N_SEQ) && j < pre->len; j++) {
			if (base.nprefixes == MAX_PREFIXES)
				facts_bad_data(file, "too many prefixes");
			base.prefixes[base.nprefixes].prefix =
				node_str(seq_at(pre, j));
			base.prefixes[base.nprefixes++].partition = id;
		}
	}
	base.regions =
		xcalloc(regs->len ? regs->len : 1, sizeof(*base.regions));
	for (i = 0; i < regs->len; i++) {
		const struct node *r = seq_at(regs, i), *oi = NULL;
		struct region_entry *e = &base.regions[base.nregions++];
		/* one pass over the Region's keys, not a look-up for each */
		for (j = 0; node_is(r, N_MAP) && j < r->len; j++) {
			const char *k = node_str(map_key(r, j));
			const struct node *v = map_val(r, j);
			if (!k)
				continue;
			if (!strcmp(k, "code"))
				e->info.code = node_str(v);
			else if (!strcmp(k, "name"))
				e->info.name = node_str(v);
			else if (!strcmp(k, "partition"))
				e->info.partition = node_str(v);
			else if (!strcmp(k, "opt_in"))
				oi = v;
		}
		if (!e->info.code || !e->info.name || !e->info.partition)
			facts_bad_data(file, "a Region's code, name or partition");
		e->info.opt_in = node_is(oi, N_BOOL) && oi->u.b;
		labels += strlen(e->info.code) + strlen(e->info.name) + 4;
	}
	/* "code (name)", all in one block, without snprintf's thousand
	 * instructions for each Region at start-up */
	label = xmalloc(labels ? labels : 1);
	for (i = 0; i < base.nregions; i++) {
		struct region_entry *e = &base.regions[i];
		size_t lc = strlen(e->info.code), ln = strlen(e->info.name);
		e->label = label;
		memcpy(label, e->info.code, lc);
		memcpy(label + lc, " (", 2);
		memcpy(label + lc + 2, e->info.name, ln);
		memcpy(label + lc + 2 + ln, ")", 2);
		label += lc + ln + 4;
	}
	qsort(base.regions, base.nregions, sizeof(*base.regions), region_cmp);
}

static int form_cmp(const void *a, const void *b)
{
	unsigned char x = *(const unsigned char *)a, y = *(const unsigned char *)b;
	int c = strcmp(base.forms[x].service, base.forms[y].service);
	return c ? c : x < y ? -1 : x > y;
}

static void load_types(void)
{
	static const char *const type_keys[] = {
		"name", "display", "cfn", "tf", "arns", "recovery_point_arns",
	};
	static const char *const form_keys[] = {
		"service", "resource", "display", "bare",
	};
	const char *file = "resource-types.json";
	const struct node *root = data_tree(file);
	const struct node *types = map_get(root, "types");
	uint32_t i, j;

	if (!node_is(types, N_SEQ) || types->len > MAX_TYPES)
		facts_bad_data(file, "types");
	for (i = 0; i < types->len; i++) {
		const struct node *tk[6];
		int rp;
		keys_of(seq_at(types, i), type_keys, 6, tk);
		if (!(base.type_name[i] = node_str(tk[0])))
			facts_bad_data(file, "name");
		if (!(base.type_display[i] = node_str(tk[1])))
			facts_bad_data(file, "display");
		base.cfn[i] = tk[2];
		base.tf[i] = tk[3];
		for (rp = 0; rp < 2; rp++) {
			const struct node *arns = tk[rp ? 5 : 4];
			for (j = 0; node_is(arns, N_SEQ) && j < arns->len;
			     j++) {
				const struct node *fk[4];
				struct arn_form *fm = &base.forms[base.nforms];
				if (base.nforms == MAX_ARN_FORMS)
					facts_bad_data(file, "too many ARN forms");
				keys_of(seq_at(arns, j), form_keys, 4, fk);
				if (!(fm->service = node_str(fk[0])))
					facts_bad_data(file, "service");
				if (!(fm->resource = node_str(fk[1])))
					facts_bad_data(file, "resource");
				fm->service_len = strlen(fm->service);
				fm->resource_len = strlen(fm->resource);
				fm->type = (int)i;
				fm->recovery_point = rp;
				fm->display = node_str(fk[2]);
				fm->bare = node_str(fk[3]);
				base.nforms++;
			}
		}
	}
	base.ntypes = types->len;
	base.shared = map_get(root, "shared_arn_forms");
	base.shared_forms = xcalloc(node_is(base.shared, N_SEQ) ? base.shared->len + 1 : 1,
				    sizeof(*base.shared_forms));
	for (i = 0; node_is(base.shared, N_SEQ) && i < base.shared->len; i++) {
		const struct node *sh = seq_at(base.shared, i);
		const struct node *mb = map_get(sh, "maybe");
		struct shared_form *sf = &base.shared_forms[base.nshared];
		sf->service = node_str(map_get(sh, "service"));
		sf->resource = node_str(map_get(sh, "resource"));
		if (!sf->service || !sf->resource)
			continue;
		sf->service_len = strlen(sf->service);
		sf->resource_len = strlen(sf->resource);
		for (j = 0; node_is(mb, N_SEQ) && j < mb->len; j++) {
			size_t t;
			for (t = 0; t < base.ntypes; t++)
				if (node_streq(seq_at(mb, j), base.type_name[t]))
					sf->maybe |= 1u << t;
		}
		sf->note = node_str(map_get(sh, "note"));
		sf->display = node_str(map_get(sh, "display"));
		base.nshared++;
	}
	for (i = 0; i < base.nforms; i++)
		base.by_service[i] = (unsigned char)i;
	qsort(base.by_service, base.nforms, 1, form_cmp);
}

static void load_base(void)
{
	load_regions();
	load_types();
}

void facts_base_init(void)
{
	pthread_once(&base.once, load_base);
}

static const struct region_entry *region_entry(const char *code)
{
	struct region_entry key;
	if (!code)
		return NULL;
	facts_base_init();
	key.info.code = code;
	return bsearch(&key, base.regions, base.nregions, sizeof(key),
		       region_cmp);
}

long facts_region_index(const char *code)
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
	facts_base_init();
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
	facts_base_init();
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
	facts_base_init();
	return base.ntypes;
}

const char *facts_type_name(int t)
{
	facts_base_init();
	return t >= 0 && (size_t)t < base.ntypes ? base.type_name[t] : "an unknown type";
}

const char *facts_type_display(int t)
{
	facts_base_init();
	return t >= 0 && (size_t)t < base.ntypes ? base.type_display[t] : "resources of an unknown type";
}

int facts_type_index(const char *name)
{
	size_t i;
	facts_base_init();
	for (i = 0; name && i < base.ntypes; i++)
		if (strcmp(base.type_name[i], name) == 0)
			return (int)i;
	return -1;
}

char *facts_typeset_str(uint32_t s, char *buf, size_t n)
{
	return facts_typeset_join(s, " and ", buf, n);
}

char *facts_typeset_join(uint32_t s, const char *last, char *buf, size_t n)
{
	size_t i, used = 0;

	facts_base_init();
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
				   : last,
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

size_t facts_nregions(void)
{
	facts_base_init();
	return base.nregions;
}

const char *facts_region_code(size_t i)
{
	return base.regions[i].info.code;
}

const char *const *facts_partitions(size_t *n)
{
	facts_base_init();
	*n = base.npartitions;
	return base.partitions;
}
