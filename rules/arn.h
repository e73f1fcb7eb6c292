/* arn.h - Amazon Resource Names: the one tokenizer.
 *
 * arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE
 *
 * arn_split() cuts a string at its first five ':' (the resource keeps any
 * further colons), optionally leaving ${...} of a CloudFormation Fn::Sub
 * template whole, and splits the resource into its type and id at the first
 * ':' or '/'. Everyone who reads an ARN (the schema's checks, places,
 * resource types) splits it here. Parts are spans into the caller's string
 * (no allocation), so a diagnostic can point at the exact part that is
 * wrong. Failure: arn_parse() returns -1 and fills `err` with the offending
 * span and a message naming the part. */
#ifndef BACKUPLINT_ARN_H
#define BACKUPLINT_ARN_H

#include <stddef.h>
#include <stdint.h>

struct span {
	uint32_t off, len; /* byte offset into the parsed string, and length */
};

struct arn {
	const char *s; /* the string parsed */
	struct span partition, service, region, account, resource;
	/* RESOURCE split at its first ':' or '/': type ("backup-vault", "db",
	 * "table", "role"...) and the rest (name or id). rtype.len is 0 when the
	 * resource has no separator (an S3 bucket). */
	struct span rtype, rid;
};

struct arn_error {
	struct span at; /* what is wrong */
	char msg[200];
};

enum arn_flags {
	ARN_SUB = 1 << 0, /* ${...} (not ${!...}) is one opaque piece */
};

/* The fields of s[0..len): n of them (1-6), f[0] "arn", f[5] the resource;
 * rtype/rid split the resource at its first ':' or '/' (rtype.len 0 when it
 * has none: an S3 bucket). */
struct arn_fields {
	unsigned n;
	struct span f[6];
	struct span rtype, rid;
};

void arn_split(const char *s, size_t len, unsigned flags, struct arn_fields *out);

/* Split s[0..len) into parts. Checks only the shape (six colon-separated
 * fields, "arn" prefix, non-empty partition and service). */
int arn_parse(const char *s, size_t len, struct arn *a, struct arn_error *err);

/* 1 when span sp of a equals the C string str. */
int arn_part_eq(const struct arn *a, struct span sp, const char *str);

#endif
