/* check.h - the unit tests' one assertion. CHECK(cond) or CHECK(cond,
 * fmt, ...) counts a check and, when cond is false, prints where, the
 * condition and the message, counts the failure and goes on; a test
 * returns check_done("name"): 0 when every check passed, else 1. */
#ifndef BACKUPLINT_UNIT_CHECK_H
#define BACKUPLINT_UNIT_CHECK_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int check_failures, check_count;

static void check_say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void check_say(const char *fmt, ...)
{
	va_list ap;
	if (strcmp(fmt, ": ") != 0) { /* a message was given */
		va_start(ap, fmt);
		vprintf(fmt, ap);
		va_end(ap);
	}
	putchar('\n');
}

#define CHECK(cond, ...)                                                   \
	do {                                                               \
		check_count++;                                             \
		if (!(cond)) {                                             \
			check_failures++;                                  \
			printf("FAIL %s:%d: %s", __FILE__, __LINE__, #cond); \
			check_say(": " __VA_ARGS__);                       \
		}                                                          \
	} while (0)

/* The test's exit status, after a line that says how it went. */
static inline int check_done(const char *name)
{
	if (check_failures) {
		printf("%s: %d of %d checks failed\n", name, check_failures, check_count);
		return 1;
	}
	printf("%s: ok (%d checks)\n", name, check_count);
	return 0;
}

#endif
