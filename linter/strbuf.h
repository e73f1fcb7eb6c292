/* strbuf.h - the one string builder: a growable NUL-terminated string.
 *
 * Ownership: in arena `a` (old copies are left to the arena), or, when a is
 * NULL, on the heap (free(b.s) when done). Failure: out of memory aborts
 * (arena.h). */
#ifndef BACKUPLINT_STRBUF_H
#define BACKUPLINT_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

#include "arena.h"

struct strbuf {
	char *s;
	size_t n, cap;
	struct arena *a;
};

void strbuf_add(struct strbuf *b, const char *s, size_t n);
void strbuf_puts(struct strbuf *b, const char *s);
void strbuf_printf(struct strbuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
