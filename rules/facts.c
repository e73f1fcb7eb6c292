/* facts.c - what every facts dataset shares: the Regions by partition and
 * the resource types with the ARN forms that name them, parsed from the
 * embedded schemas/ files on first use into flat tables (Regions by binary
 * search); and the classification of selection ARNs. The datasets
 * themselves are in facts_data.c. */
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


#define MAX_ARN_FORMS 64
#define MAX_PREFIXES  32

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

struct region_entry {
	struct region_info info;
	char *label;
};

struct partition_prefix {
	const char *prefix, *partition;
};

struct arn_form {
	const char *service, *resource; /* resource "" = any */
	int type;
	int recovery_point; /* a recovery point form, not a resource */
	const char *display; /* what its resources are called, when not the
			      * type's display ("Amazon Redshift Serverless
			      * namespaces"), or NULL */
	const char *bare; /* the resource is a bare name (an S3 bucket): one
			   * with a '/' names something inside it, which is
			   * no resource of the type; the reason, or NULL */
};

static struct {
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
	const struct node *shared;	   /* shared_arn_forms */
	const struct node *cfn[MAX_TYPES]; /* CloudFormation resource types */
} base = {.once = PTHREAD_ONCE_INIT};

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
		facts_bad_data(file, "types");
	for (i = 0; i < types->len; i++) {
		const struct node *t = seq_at(types, i);
		int rp;
		base.type_name[i] = facts_need_str(file, t, "name");
		base.type_display[i] = facts_need_str(file, t, "display");
		base.cfn[i] = map_get(t, "cfn");
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

const char *facts_region_suggest(const char *code)
{
	size_t i, best = 3;
	const char *s = NULL;

	if (!code)
		return NULL;
	facts_base_init();
	for (i = 0; i < base.nregions; i++) {
		size_t d = edit_distance(code, strlen(code), base.regions[i].info.code,
					 strlen(base.regions[i].info.code), 0);
		if (d < best) {
			best = d;
			s = base.regions[i].info.code;
		}
	}
	return s;
}

const char *facts_region_fix(const char *code)
{
	size_t i, best = 3, at_best = 0;
	const char *s = NULL;

	if (!code)
		return NULL;
	facts_base_init();
	for (i = 0; i < base.nregions; i++) {
		size_t d = edit_distance(code, strlen(code), base.regions[i].info.code,
					 strlen(base.regions[i].info.code), 0);
		if (d < best) {
			best = d;
			s = base.regions[i].info.code;
			at_best = 1;
		} else if (d == best) {
			at_best++;
		}
	}
	return at_best == 1 ? s : NULL;
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

/* ---- ARN classification ---- */

static int span_has_star(const char *s, size_t len)
{
	return memchr(s, '*', len) != NULL;
}

static int classify(const char *s, size_t len, struct arn_types *out, int rp)
{
	const char *field[6];
	size_t flen[6], nf, k;
	struct arn_fields x;
	const char *svc, *res;
	size_t svclen, rlen, rtlen;
	int service_known = 0;

	memset(out, 0, sizeof(*out));
	facts_base_init();
	if (len == 1 && s[0] == '*') {
		out->any = 1;
		return 0;
	}
	arn_split(s, len, 0, &x);
	for (nf = 0; nf < x.n; nf++) {
		field[nf] = s + x.f[nf].off;
		flen[nf] = x.f[nf].len;
	}
	if (flen[0] != 3 || memcmp(field[0], "arn", 3) != 0) {
		/* "ar*" could still be any ARN; anything else is not one */
		const char *star = memchr(s, '*', len);
		size_t pl = star ? (size_t)(star - s) : 0;
		if (star && pl <= 4 && memcmp(s, "arn:", pl) == 0) {
			out->any = 1;
			return 0;
		}
		return -1;
	}
	/* a wildcard in the service: any type; one in the partition, Region
	 * or account (Fn::Sub's ${AWS::Region}) says nothing about the type */
	if (nf < 3) {
		if (!span_has_star(s, len))
			return -1;
		out->any = 1;
		return 0;
	}
	if (span_has_star(field[2], flen[2])) {
		out->any = 1;
		return 0;
	}
	svc = field[2];
	svclen = flen[2];
	if (nf < 6) {
		/* "arn:aws:rds:*" style: the rest is a wildcard, else malformed */
		if (!span_has_star(s, len))
			return -1;
		res = "*";
		rlen = 1;
	} else {
		res = field[5];
		rlen = flen[5];
	}
	for (rtlen = 0; rtlen < rlen && res[rtlen] != ':' && res[rtlen] != '/';
	     rtlen++)
		;
	if (rtlen == rlen)
		rtlen = 0; /* no separator: the resource is a bare name (S3) */
	for (k = 0; k < base.nforms; k++) {
		const struct arn_form *f = &base.forms[k];
		size_t fr = strlen(f->resource);
		const char *star;
		if (f->recovery_point != rp)
			continue;
		if (strlen(f->service) != svclen ||
		    memcmp(f->service, svc, svclen) != 0)
			continue;
		service_known = 1;
		if (fr == 0) {
			if (f->bare && memchr(res, '/', rlen)) {
				out->note = f->bare;
				continue;
			}
			out->known |= 1u << f->type;
			continue;
		}
		star = rtlen ? memchr(res, '*', rtlen) : memchr(res, '*', rlen);
		if (star) {
			/* "d*" may be "db": a prefix match makes it possible */
			size_t pl = (size_t)(star - res);
			if (pl <= fr && memcmp(f->resource, res, pl) == 0)
				out->maybe |= 1u << f->type;
		} else if (rtlen == fr && memcmp(f->resource, res, fr) == 0) {
			out->known |= 1u << f->type;
			if (f->display)
				out->display = f->display;
		}
	}
	if (!service_known || (!out->known && !out->maybe)) {
		out->unsupported = !rp;
		return 0;
	}
	/* forms shared by several types (rds cluster: Aurora, DocumentDB, Neptune) */
	for (k = 0; node_is(base.shared, N_SEQ) && k < base.shared->len; k++) {
		const struct node *sh = seq_at(base.shared, k);
		const char *ss = node_str(map_get(sh, "service"));
		const char *sr = node_str(map_get(sh, "resource"));
		const struct node *mb = map_get(sh, "maybe");
		uint32_t j;
		if (!ss || !sr || strlen(ss) != svclen ||
		    memcmp(ss, svc, svclen) != 0)
			continue;
		if (strlen(sr) != rtlen || memcmp(sr, res, rtlen) != 0)
			continue;
		for (j = 0; node_is(mb, N_SEQ) && j < mb->len; j++) {
			int t = facts_type_index(node_str(seq_at(mb, j)));
			if (t >= 0)
				out->maybe |= 1u << t;
		}
		out->note = node_str(map_get(sh, "note"));
		out->display = node_str(map_get(sh, "display"));
	}
	out->maybe &= ~out->known;
	return 0;
}

int facts_arn_types(const char *s, size_t len, struct arn_types *out)
{
	return classify(s, len, out, 0);
}

int facts_recovery_point_types(const char *s, size_t len, struct arn_types *out)
{
	return classify(s, len, out, 1);
}

int facts_cfn_type(const char *cfn_type)
{
	size_t i;
	facts_base_init();
	for (i = 0; cfn_type && i < base.ntypes; i++)
		if (facts_seq_has(base.cfn[i], cfn_type))
			return (int)i;
	return -1;
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
