/* yaml_events.c - anchor: libyaml's event parser over every file.
 *
 * Every event is parsed and deleted; no tree is built. This is the floor
 * for a loader on libyaml's parser. Usage: yaml_events FILE|DIR...; exit 1
 * when a file is not valid YAML, 2 on I/O trouble. */
#include <stdio.h>
#include <stdlib.h>

#include <yaml.h>

#include "files.h"

/* Parse one buffer; returns the number of events, or -1 on a syntax error. */
static long parse(const char *path, const char *buf, size_t len)
{
	yaml_parser_t p;
	yaml_event_t ev;
	long n = 0;
	int done = 0;

	if (!yaml_parser_initialize(&p)) {
		fputs("out of memory\n", stderr);
		exit(2);
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev)) {
			fprintf(stderr, "%s:%zu:%zu: %s\n", path,
				p.problem_mark.line + 1, p.problem_mark.column + 1,
				p.problem ? p.problem : "parse error");
			yaml_parser_delete(&p);
			return -1;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
		n++;
	}
	yaml_parser_delete(&p);
	return n;
}

int main(int argc, char **argv)
{
	struct filelist l = { 0 };
	char *buf = NULL;
	size_t cap = 0, len, i, bad = 0;
	long events = 0;
	int k, rc = 0;

	for (k = 1; k < argc; k++)
		if (filelist_add(&l, argv[k]))
			rc = 2;
	for (i = 0; i < l.n; i++) {
		long n;

		if (slurp(l.v[i], &buf, &cap, &len)) {
			rc = 2;
			continue;
		}
		n = parse(l.v[i], buf, len);
		if (n < 0)
			bad++;
		else
			events += n;
	}
	printf("%zu files, %ld events, %zu invalid\n", l.n, events, bad);
	free(buf);
	filelist_free(&l);
	return rc ? rc : bad ? 1 : 0;
}
