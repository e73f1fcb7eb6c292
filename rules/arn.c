/* arn.c - split an Amazon Resource Name into its six fields.
 *
 * Only the shape is checked here (see arn.h); what each field must hold for a
 * given use (a vault, a role, a key) is the schema family's business. */
#include "arn.h"

#include <stdio.h>
#include <string.h>

static void set_err(struct arn_error *err, size_t off, size_t len,
		    const char *msg)
{
	if (!err)
		return;
	err->at.off = (uint32_t)off;
	err->at.len = (uint32_t)len;
	snprintf(err->msg, sizeof(err->msg), "%s", msg);
}

void arn_split(const char *s, size_t len, unsigned flags, struct arn_fields *out)
{
	size_t i, start = 0, depth = 0, r;

	memset(out, 0, sizeof(*out));
	if (!(flags & ARN_SUB)) {
		/* no placeholders: the fields end at the first five ':' */
		const char *c;
		while (out->n < 5 && (c = memchr(s + start, ':', len - start))) {
			i = (size_t)(c - s);
			out->f[out->n].off = (uint32_t)start;
			out->f[out->n].len = (uint32_t)(i - start);
			out->n++;
			start = i + 1;
		}
		out->f[out->n].off = (uint32_t)start;
		out->f[out->n].len = (uint32_t)(len - start);
		out->n++;
	}
	for (i = 0; (flags & ARN_SUB) && i <= len; i++) {
		if ((flags & ARN_SUB) && i + 1 < len && s[i] == '$' &&
		    s[i + 1] == '{' && (i + 2 >= len || s[i + 2] != '!')) {
			depth++;
			i++;
			continue;
		}
		if (depth && i < len && s[i] == '}') {
			depth--;
			continue;
		}
		if (i == len || (s[i] == ':' && !depth && out->n < 5)) {
			out->f[out->n].off = (uint32_t)start;
			out->f[out->n].len = (uint32_t)(i - start);
			out->n++;
			start = i + 1;
		}
	}
	if (out->n < 6)
		return;
	r = out->f[5].off;
	for (i = r; i < len; i++)
		if (s[i] == ':' || s[i] == '/')
			break;
	if (i < len) {
		out->rtype.off = (uint32_t)r;
		out->rtype.len = (uint32_t)(i - r);
		out->rid.off = (uint32_t)(i + 1);
		out->rid.len = (uint32_t)(len - i - 1);
	} else {
		out->rtype.off = (uint32_t)r;
		out->rid = out->f[5];
	}
}

int arn_parse(const char *s, size_t len, struct arn *a, struct arn_error *err)
{
	static const char *const names[] = {
		"prefix", "partition", "service", "Region", "account",
		"resource",
	};
	struct arn_fields x;

	memset(a, 0, sizeof(*a));
	a->s = s;
	arn_split(s, len, 0, &x);
	if (x.n < 6) {
		char msg[200];
		if (len < 4 || memcmp(s, "arn:", 4) != 0) {
			set_err(err, 0, len < 3 ? len : 3,
				"does not start with \"arn:\"");
			return -1;
		}
		snprintf(msg, sizeof(msg),
			 "has %u of the 6 ':'-separated fields "
			 "(arn:partition:service:region:account:resource); "
			 "the %s field and those after it are missing",
			 x.n, names[x.n]);
		set_err(err, 0, len, msg);
		return -1;
	}
	if (x.f[0].len != 3 || memcmp(s, "arn", 3) != 0) {
		set_err(err, 0, x.f[0].len, "does not start with \"arn:\"");
		return -1;
	}
	a->partition = x.f[1];
	a->service = x.f[2];
	a->region = x.f[3];
	a->account = x.f[4];
	a->resource = x.f[5];
	a->rtype = x.rtype;
	a->rid = x.rid;
	if (a->partition.len == 0) {
		set_err(err, x.f[1].off, 0, "has an empty partition field");
		return -1;
	}
	if (a->service.len == 0) {
		set_err(err, x.f[2].off, 0, "has an empty service field");
		return -1;
	}
	return 0;
}

int arn_part_eq(const struct arn *a, struct span sp, const char *str)
{
	size_t n = strlen(str);
	return a && a->s && sp.len == n && memcmp(a->s + sp.off, str, n) == 0;
}
