/* syntaxes.c - the one table of the syntaxes backuplint reads (load.h).
 * Kept apart from load.c, whose helpers the build-time data generator
 * (schemas/embed.c) links without the loaders themselves. */
#include "load.h"

#include <string.h>

const struct syntax *const syntaxes[] = { &json_syntax, &yaml_syntax,
					      &hcl_syntax, NULL };

int syntax_walks(const char *name)
{
	size_t i, j, l = strlen(name);
	for (i = 0; syntaxes[i]; i++)
		for (j = 0; syntaxes[i]->endings[j]; j++) {
			size_t e = strlen(syntaxes[i]->endings[j]);
			if (l > e && strcmp(name + l - e, syntaxes[i]->endings[j]) == 0)
				return 1;
		}
	return 0;
}
