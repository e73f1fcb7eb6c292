/* arena.c - bump allocator in growing chunks. */
#include "arena.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct arena_chunk {
	struct arena_chunk *next;
	size_t size;
	/* data follows, aligned */
	max_align_t data[];
};

#define CHUNK_MIN (16 * 1024)
#define CHUNK_MAX (8 * 1024 * 1024)

/* Out of memory is not a finding and there is nothing sensible to go on
 * with, in whatever thread: say so and abort (exit() from a worker would
 * run the process's exit handlers under the other threads' feet). */
void oom(void)
{
	fputs("backuplint: out of memory\n", stderr);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		oom();
	return p;
}

void *xcalloc(size_t n, size_t m)
{
	void *p = calloc(n ? n : 1, m ? m : 1);
	if (!p)
		oom();
	return p;
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(xmalloc(n), s, n);
}

void arena_init(struct arena *a)
{
	memset(a, 0, sizeof(*a));
}

#define CHUNK_SMALLEST 256

void arena_init_sized(struct arena *a, size_t expect)
{
	memset(a, 0, sizeof(*a));
	a->first = expect < CHUNK_SMALLEST ? CHUNK_SMALLEST
		   : expect > CHUNK_MIN	   ? CHUNK_MIN
					   : (expect + 7) & ~(size_t)7;
}

static void free_chunks(struct arena_chunk *c)
{
	struct arena_chunk *next;
	for (; c; c = next) {
		next = c->next;
		free(c);
	}
}

void arena_release(struct arena *a)
{
	free_chunks(a->head);
	free_chunks(a->blocks);
	memset(a, 0, sizeof(*a));
}

/* The chunk a block's data belongs to. */
static struct arena_chunk *chunk_of(void *p)
{
	return (struct arena_chunk *)((char *)p - offsetof(struct arena_chunk, data));
}

void *block_resize(void *p, size_t n)
{
	struct arena_chunk *c = p ? chunk_of(p) : NULL;
	c = realloc(c, sizeof(*c) + (n ? n : 1));
	if (!c)
		oom();
	c->next = NULL;
	c->size = n;
	return c->data;
}

void arena_adopt(struct arena *a, void *p, size_t n)
{
	struct arena_chunk *c = chunk_of(p);
	c->next = a->blocks;
	a->blocks = c;
	a->total += n;
}

static void *arena_grow(struct arena *a, size_t n)
{
	/* Chunks double up to CHUNK_MAX so that small documents stay small and
	 * big ones do not pay a malloc per few kilobytes. */
	size_t size = a->head ? a->head->size * 2 : a->first ? a->first : CHUNK_MIN;
	struct arena_chunk *c;
	if (size > CHUNK_MAX)
		size = CHUNK_MAX;
	if (size < n)
		size = n;
	c = malloc(sizeof(*c) + size);
	if (!c)
		oom();
	c->size = size;
	c->next = a->head;
	a->head = c;
	a->cur = (char *)c->data + n;
	a->end = (char *)c->data + size;
	return c->data;
}

void *arena_alloc(struct arena *a, size_t n)
{
	char *p;
	n = (n + 7) & ~(size_t)7;
	a->total += n;
	if ((size_t)(a->end - a->cur) < n)
		return arena_grow(a, n);
	p = a->cur;
	a->cur += n;
	return p;
}

int arena_extend(struct arena *a, void *p, size_t n, size_t m)
{
	n = (n + 7) & ~(size_t)7;
	m = (m + 7) & ~(size_t)7;
	if ((char *)p + n != a->cur || m < n || (size_t)(a->end - (char *)p) < m)
		return 0;
	a->cur = (char *)p + m;
	a->total += m - n;
	return 1;
}

void *arena_zalloc(struct arena *a, size_t n)
{
	return memset(arena_alloc(a, n), 0, n);
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	if (n)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *arena_vprintf(struct arena *a, const char *fmt, va_list ap)
{
	/* formatted once into a buffer when it fits (most messages and
	 * labels), else measured first */
	char buf[512];
	va_list cp;
	int n;
	char *p;
	va_copy(cp, ap);
	n = vsnprintf(buf, sizeof(buf), fmt, cp);
	va_end(cp);
	if (n < 0)
		n = 0;
	p = arena_alloc(a, (size_t)n + 1);
	if ((size_t)n < sizeof(buf))
		memcpy(p, buf, (size_t)n + 1);
	else
		vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	char *p;
	va_start(ap, fmt);
	p = arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}

