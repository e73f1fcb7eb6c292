/* rule-examples.c - writes every example of the rule table's documentation
 * to a file, for testdata/rules/check-examples.sh to lint:
 *   rule-examples DIR
 * Example N (counted from 1 over the table) goes to DIR/N/FILE, its text
 * byte for byte; one line an example goes to standard output:
 *   N <TAB> ID <TAB> bad|good <TAB> default severity <TAB> FILE <TAB> ARGS
 * Exits 2 when a file cannot be written, 1 when an example has no file
 * name, a name with a '/', or no text. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "diag.h"
#include "registry.h"

static int write_example(const char *dir, unsigned n,
			 const struct rule_example *e)
{
	char path[4096];
	FILE *fp;
	size_t len = strlen(e->text);

	snprintf(path, sizeof(path), "%s/%u", dir, n);
	if (mkdir(path, 0777) != 0 && errno != EEXIST)
		return -1;
	snprintf(path, sizeof(path), "%s/%u/%s", dir, n, e->file);
	fp = fopen(path, "wb");
	if (!fp)
		return -1;
	if (fwrite(e->text, 1, len, fp) != len) {
		fclose(fp);
		return -1;
	}
	if (fclose(fp) != 0)
		return -1;
	if (!e->config)
		return 0;
	/* the configuration in force for it */
	snprintf(path, sizeof(path), "%s/%u/.backuplint.yaml", dir, n);
	fp = fopen(path, "wb");
	if (!fp)
		return -1;
	len = strlen(e->config);
	if (fwrite(e->config, 1, len, fp) != len) {
		fclose(fp);
		return -1;
	}
	return fclose(fp);
}

int main(int argc, char **argv)
{
	const struct rule_example *e;
	unsigned n = 0;
	size_t i;
	int bad = 0;

	if (argc != 2) {
		fputs("usage: rule-examples DIR\n", stderr);
		return 2;
	}
	for (i = 0; i < backuplint.rules.n; i++) {
		const struct rule *r = &backuplint.rules.v[i];

		if (!r->id)
			continue;
		for (e = r->examples; e && e->file; e++) {
			if (!*e->file || strchr(e->file, '/') || !e->text ||
			    !*e->text) {
				printf("FAIL: %s: an example without a file name "
				       "or text\n", r->id);
				bad = 1;
				continue;
			}
			if (write_example(argv[1], ++n, e) != 0) {
				perror(argv[1]);
				return 2;
			}
			printf("%u\t%s\t%s\t%s\t%s\t%s\n", n, r->id,
			       e->kind == EXAMPLE_BAD ? "bad" : "good",
			       /* a rule off by default (a policy control) is
				* at the severity its configuration gives:
				* error, the default */
			       severity_name(r->severity || !e->config
					     ? r->severity : SEV_ERROR), e->file,
			       e->args ? e->args : "");
		}
	}
	return bad;
}
