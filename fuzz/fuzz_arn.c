/* fuzz_arn.c - libFuzzer target for the ARN parser (rules/arn.h).
 *
 * The string is handed over without a terminating NUL, so ASan catches any
 * read past its length. Every span of a parsed ARN, and the span of an
 * error, must lie inside the string; the parts must come in order. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "../rules/arn.h"

static void check_span(struct span sp, size_t size)
{
	FUZZ_ASSERT(sp.off <= size);
	FUZZ_ASSERT(sp.len <= size - sp.off);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arn a;
	struct arn_error err;
	char *s = malloc(size ? size : 1);

	if (!s)
		return 0;
	memcpy(s, data, size);
	memset(&err, 0, sizeof(err));
	if (arn_parse(s, size, &a, &err) == 0) {
		check_span(a.partition, size);
		check_span(a.service, size);
		check_span(a.region, size);
		check_span(a.account, size);
		check_span(a.resource, size);
		check_span(a.rtype, size);
		check_span(a.rid, size);
		FUZZ_ASSERT(a.partition.len > 0 && a.service.len > 0);
		FUZZ_ASSERT(a.partition.off < a.service.off);
		FUZZ_ASSERT(a.service.off < a.region.off);
		FUZZ_ASSERT(a.region.off < a.account.off);
		FUZZ_ASSERT(a.account.off < a.resource.off);
		/* exercise the comparison on every part */
		(void)arn_part_eq(&a, a.partition, "aws");
		(void)arn_part_eq(&a, a.service, "backup");
		(void)arn_part_eq(&a, a.region, "");
		(void)arn_part_eq(&a, a.rtype, "backup-vault");
		(void)arn_part_eq(&a, a.rid, "x");
	} else {
		FUZZ_ASSERT(err.msg[0] != '\0');
		FUZZ_ASSERT(memchr(err.msg, '\0', sizeof(err.msg)) != NULL);
		check_span(err.at, size);
	}
	free(s);
	return 0;
}
