/* facts_arn.c - which resource types an ARN names: the ARN forms of
 * resource-types.json (shared by every facts dataset) matched against an
 * ARN's service and resource, wildcards included; CloudFormation resource
 * types to ours. */
#include "facts.h"
#include "facts_impl.h"

#include <string.h>

#include "../linter/tree.h"
#include "arn.h"

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
	{ /* the first form of the service (forms are sorted by it) */
		size_t lo = 0, hi = base.nforms;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			const struct arn_form *f = &base.forms[base.by_service[mid]];
			int c = strncmp(f->service, svc, svclen);
			if (c < 0 || (c == 0 && f->service_len < svclen))
				lo = mid + 1;
			else
				hi = mid;
		}
		k = lo;
	}
	for (; k < base.nforms; k++) {
		const struct arn_form *f = &base.forms[base.by_service[k]];
		size_t fr = f->resource_len;
		const char *star;
		if (f->service_len != svclen ||
		    memcmp(f->service, svc, svclen) != 0)
			break;
		if (f->recovery_point != rp)
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
	for (k = 0; k < base.nshared; k++) {
		const struct shared_form *sf = &base.shared_forms[k];
		if (sf->service_len != svclen ||
		    memcmp(sf->service, svc, svclen) != 0 ||
		    sf->resource_len != rtlen || memcmp(sf->resource, res, rtlen) != 0)
			continue;
		out->maybe |= sf->maybe;
		out->note = sf->note;
		out->display = sf->display;
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

int facts_tf_type(const char *tf_type)
{
	size_t i;
	facts_base_init();
	for (i = 0; tf_type && i < base.ntypes; i++)
		if (facts_seq_has(base.tf[i], tf_type))
			return (int)i;
	return -1;
}
