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
		const struct node *r = seq_at(regs, i);
		struct region_entry *e = &base.regions[base.nregions++];
		const struct node *oi = map_get(r, "opt_in");
		size_t n;
		e->info.code = facts_need_str(file, r, "code");
		e->info.name = facts_need_str(file, r, "name");
		e->info.partition = facts_need_str(file, r, "partition");
		e->info.opt_in = node_is(oi, N_BOOL) && oi->u.b;
		{
			/* "code (name)", without snprintf's thousand
			 * instructions for each Region at start-up */
			size_t lc = strlen(e->info.code), ln = strlen(e->info.name);
			n = lc + ln + 4;
			e->label = xmalloc(n);
			memcpy(e->label, e->info.code, lc);
			memcpy(e->label + lc, " (", 2);
			memcpy(e->label + lc + 2, e->info.name, ln);
			memcpy(e->label + lc + 2 + ln, ")", 2);
		}
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
	const char *file = "resource-types.json";
	const struct node *root = data_tree(file);
	const struct node *types = map_get(root, "types");
	uint32_t i, j;

	if (!node_is(types, N_SEQ) || types->len > MAX_TYPES)
		facts_bad_data(file, "types");
	for (i = 0; i < types->len; i++) {
		const struct node *t = seq_at(types, i);
		int rp;
		base.type_name[i] = facts_need_str(file, t, "name");
		base.type_display[i] = facts_need_str(file, t, "display");
		base.cfn[i] = map_get(t, "cfn");
		base.tf[i] = map_get(t, "tf");
		for (rp = 0; rp < 2; rp++) {
			const struct node *arns =
				map_get(t, rp ? "recovery_point_arns" : "arns");
			for (j = 0; node_is(arns, N_SEQ) && j < arns->len;
			     j++) {
				const struct node *a = seq_at(arns, j);
				struct arn_form *fm = &base.forms[base.nforms];
				if (base.nforms == MAX_ARN_FORMS)
					facts_bad_data(file, "too many ARN forms");
				fm->service = facts_need_str(file, a, "service");
				fm->resource = facts_need_str(file, a, "resource");
				fm->service_len = strlen(fm->service);
				fm->resource_len = strlen(fm->resource);
				fm->type = (int)i;
				fm->recovery_point = rp;
				fm->display = node_str(map_get(a, "display"));
				fm->bare = node_str(map_get(a, "bare"));
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
