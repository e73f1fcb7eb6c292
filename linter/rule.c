/* rule.c - looking rows up in a rule table. */
#include "rule.h"

#include <string.h>
#include <strings.h>

const struct rule *rule_find(const struct rule_table *t, const char *s)
{
	size_t i;
	for (i = 0; i < t->n; i++) {
		if (!t->v[i].id)
			continue;
		if (strcasecmp(t->v[i].id, s) == 0 || strcmp(t->v[i].name, s) == 0)
			return &t->v[i];
	}
	return NULL;
}

const struct rule *rule_at(const struct rule_table *t, int i)
{
	if (i < 0 || (size_t)i >= t->n || !t->v[i].id)
		return NULL;
	return &t->v[i];
}
