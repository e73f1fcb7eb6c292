/* fuzz_cron.c - libFuzzer target for the AWS cron parser (rules/cron.h).
 *
 * The string is handed over without a terminating NUL (the parser takes a
 * length), so ASan catches any read past it. A parsed schedule is then
 * exercised: next firing from a date derived from the input, firings per
 * day, and the calendar helpers. A failure must name a span inside the
 * string. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "../rules/cron.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cron c;
	struct cron_error err;
	char *s = malloc(size ? size : 1);

	if (!s)
		return 0;
	memcpy(s, data, size);
	memset(&err, 0, sizeof(err));
	if (cron_parse(s, size, &c, &err) == 0) {
		struct cron_time from, out;
		unsigned h = 2166136261u;
		size_t i;
		int gap = -1, n;

		for (i = 0; i < size; i++)
			h = (h ^ data[i]) * 16777619u;
		from.year = CRON_YEAR_MIN + (int)(h % (CRON_YEAR_MAX - CRON_YEAR_MIN + 1));
		from.mon = 1 + (int)((h >> 8) % 12);
		from.day = 1 + (int)((h >> 12) %
				     (unsigned)cron_days_in_month(from.year, from.mon));
		from.hour = (int)((h >> 17) % 24);
		from.min = (int)((h >> 22) % 60);
		if (cron_next(&c, &from, &out) == 0) {
			FUZZ_ASSERT(out.year >= from.year && out.year <= CRON_YEAR_MAX);
			FUZZ_ASSERT(out.mon >= 1 && out.mon <= 12);
			FUZZ_ASSERT(out.day >= 1 &&
				    out.day <= cron_days_in_month(out.year, out.mon));
			FUZZ_ASSERT(out.hour >= 0 && out.hour < 24);
			FUZZ_ASSERT(out.min >= 0 && out.min < 60);
			FUZZ_ASSERT(cron_fires_on(&c, out.year, out.mon, out.day));
		}
		n = cron_day_firings(&c, &gap);
		FUZZ_ASSERT(n >= 0 && n <= 1440);
		FUZZ_ASSERT(n == 0 || (gap >= 1 && gap <= 1440));
		FUZZ_ASSERT(cron_minutes_count(&c) >= 0 &&
			    cron_minutes_count(&c) <= 60);
		for (i = 0; i < CRON_NFIELDS; i++)
			FUZZ_ASSERT(c.field[i].off + c.field[i].len <= size);
	} else {
		FUZZ_ASSERT(err.msg[0] != '\0');
		FUZZ_ASSERT(memchr(err.msg, '\0', sizeof(err.msg)) != NULL);
		FUZZ_ASSERT(err.off <= size && err.off + err.len <= size);
		FUZZ_ASSERT(err.field >= -1 && err.field < CRON_NFIELDS);
	}
	free(s);
	return 0;
}
