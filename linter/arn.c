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

int arn_parse(const char *s, size_t len, struct arn *a, struct arn_error *err)
{
	/* The five ':' that end "arn", partition, service, region and account:
	 * the resource part keeps any further colons. */
	static const char *const names[] = {
		"prefix", "partition", "service", "Region", "account",
		"resource",
	};
	size_t start[6], end[6];
	size_t i = 0, f = 0;

	memset(a, 0, sizeof(*a));
	a->s = s;
	start[0] = 0;
	for (i = 0; i < len && f < 5; i++) {
		if (s[i] == ':') {
			end[f] = i;
			start[++f] = i + 1;
		}
	}
	if (f < 5) {
		char msg[200];
		if (len < 4 || memcmp(s, "arn:", 4) != 0) {
			set_err(err, 0, len < 3 ? len : 3,
				"does not start with \"arn:\"");
			return -1;
		}
		snprintf(msg, sizeof(msg),
			 "has %zu of the 6 ':'-separated fields "
			 "(arn:partition:service:region:account:resource); "
			 "the %s field and those after it are missing",
			 f + 1, names[f + 1]);
		set_err(err, 0, len, msg);
		return -1;
	}
	end[5] = len;
	if (end[0] != 3 || memcmp(s, "arn", 3) != 0) {
		set_err(err, 0, end[0], "does not start with \"arn:\"");
		return -1;
	}
	a->partition.off = (uint32_t)start[1];
	a->partition.len = (uint32_t)(end[1] - start[1]);
	a->service.off = (uint32_t)start[2];
	a->service.len = (uint32_t)(end[2] - start[2]);
	a->region.off = (uint32_t)start[3];
	a->region.len = (uint32_t)(end[3] - start[3]);
	a->account.off = (uint32_t)start[4];
	a->account.len = (uint32_t)(end[4] - start[4]);
	a->resource.off = (uint32_t)start[5];
	a->resource.len = (uint32_t)(end[5] - start[5]);

	/* Resource type and id: split at the first ':' or '/'. */
	for (i = start[5]; i < len; i++)
		if (s[i] == ':' || s[i] == '/')
			break;
	if (i < len) {
		a->rtype.off = (uint32_t)start[5];
		a->rtype.len = (uint32_t)(i - start[5]);
		a->rid.off = (uint32_t)(i + 1);
		a->rid.len = (uint32_t)(len - i - 1);
	} else {
		a->rtype.off = (uint32_t)start[5];
		a->rtype.len = 0;
		a->rid = a->resource;
	}

	if (a->partition.len == 0) {
		set_err(err, start[1], 0, "has an empty partition field");
		return -1;
	}
	if (a->service.len == 0) {
		set_err(err, start[2], 0, "has an empty service field");
		return -1;
	}
	return 0;
}

int arn_part_eq(const struct arn *a, struct span sp, const char *str)
{
	size_t n = strlen(str);
	return a && a->s && sp.len == n && memcmp(a->s + sp.off, str, n) == 0;
}
