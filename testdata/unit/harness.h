/* harness.h - a session of backuplint's checker and a run of it, for the
 * unit tests that lint in-memory documents or build diagnostics by hand. */
#ifndef BACKUPLINT_HARNESS_H
#define BACKUPLINT_HARNESS_H

#include <stdio.h>
#include <stdlib.h>

#include "lint.h"
#include "registry.h"

struct harness {
	struct session s;
	struct run r;
};

/* A session with options o (NULL: the defaults, today fixed to
 * 2026-06-15 like the golden tests) and a run of it. */
static inline void harness_init(struct harness *h, const struct options *o)
{
	struct options d;
	char err[256];
	if (!o) {
		options_init(&d);
		d.now = "2026-06-15";
		o = &d;
	}
	if (session_init(&h->s, &backuplint, o, err, sizeof(err)) < 0) {
		printf("harness: %s\n", err);
		exit(2);
	}
	run_init(&h->r, &h->s);
}

static inline void harness_release(struct harness *h)
{
	run_release(&h->r);
	session_release(&h->s);
}

#endif
