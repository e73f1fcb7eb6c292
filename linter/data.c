/* data.c - embedded data files parsed once, on first use, under a lock. */
#include "data.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "embedded.h"
#include "load.h"

struct cached {
	const char *name;
	const struct node *root;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct cached cache[32];
static size_t ncache;
static struct arena data_arena; /* process lifetime */

const char *data_name(size_t i)
{
	return embedded_name(i);
}

const char *data_text(const char *name, size_t *len)
{
	return embedded_file(name, len);
}

const struct node *data_tree(const char *name)
{
	const struct node *r = NULL;
	size_t i, len;
	const char *text;
	struct load_ctx c;

	pthread_mutex_lock(&lock);
	for (i = 0; i < ncache; i++)
		if (strcmp(cache[i].name, name) == 0) {
			r = cache[i].root;
			goto out;
		}
	text = embedded_file(name, &len);
	if (!text) {
		fprintf(stderr, "backuplint: internal error: no data file %s\n", name);
		abort();
	}
	memset(&c, 0, sizeof(c));
	c.a = &data_arena;
	c.max_depth = 1000;
	r = json_parse(&c, text, len);
	if (!r) {
		fprintf(stderr,
			"backuplint: internal error: data file %s: byte %zu: %s\n",
			name, c.err.off, c.err.msg);
		abort();
	}
	if (ncache < sizeof(cache) / sizeof(cache[0])) {
		cache[ncache].name = xstrdup(name);
		cache[ncache].root = r;
		ncache++;
	}
out:
	pthread_mutex_unlock(&lock);
	return r;
}
