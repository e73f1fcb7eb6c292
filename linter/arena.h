/* arena.h - bump allocator: one per document or file; allocate freely, free once.
 *
 * Ownership: everything allocated from an arena lives until arena_release().
 * Failure: allocation failure aborts the process with a message (out of memory
 * is not a lint finding and there is nothing sensible to continue with). */
#ifndef BACKUPLINT_ARENA_H
#define BACKUPLINT_ARENA_H

#include <stdarg.h>
#include <stddef.h>

struct arena_chunk;

struct arena {
	struct arena_chunk *head;
	char *cur, *end;
	size_t total; /* bytes handed out, for the memory limit and reports */
	size_t first; /* size of the first chunk, 0: the default */
	struct arena_chunk *blocks; /* adopted blocks (arena_adopt) */
};

void arena_init(struct arena *a);
/* Like arena_init, with the first chunk sized for about `expect` bytes
 * (clamped to a sane range): a small document costs little memory. */
void arena_init_sized(struct arena *a, size_t expect);
void arena_release(struct arena *a);

/* Aligned to 8 bytes; never NULL. */
void *arena_alloc(struct arena *a, size_t n);
void *arena_zalloc(struct arena *a, size_t n);
/* Grow p, the last allocation of a (n bytes), to m bytes where it is, when
 * its chunk has room: 1, else 0 (then allocate anew). */
int arena_extend(struct arena *a, void *p, size_t n, size_t m);
/* Copy n bytes and append a NUL. */
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s);
char *arena_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
char *arena_vprintf(struct arena *a, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));

/* A growable array outside any arena: block_resize(NULL, n) makes one of n
 * bytes, block_resize(p, n) resizes it (its contents kept, like realloc);
 * arena_adopt(a, p, n) hands it, n bytes long, to arena a, which then frees
 * it with the rest (a big array built by doubling is shrunk to its size and
 * adopted, rather than copied into the arena). */
void *block_resize(void *p, size_t n);
void arena_adopt(struct arena *a, void *p, size_t n);

/* malloc/realloc that abort on failure, for growable scratch arrays. */
void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
void *xcalloc(size_t n, size_t m);
char *xstrdup(const char *s);
void oom(void) __attribute__((noreturn));

#endif
