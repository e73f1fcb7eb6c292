/* rule.h - what the engine knows of a rule: one row of the rule table that
 * the program hands it (rules/registry.c), never a particular rule.
 *
 * A diagnostic names its rule by index into that table. The engine reads
 * the rows to print ids, names and documentation, and to apply default
 * severities; it knows no AWS fact and no rule id of its own.
 *
 * Ownership: tables and rows are static data, never freed. */
#ifndef BACKUPLINT_RULE_H
#define BACKUPLINT_RULE_H

#include <stddef.h>

enum rule_flags {
	RF_FACTS = 1 << 0, /* rests on a dated facts dataset (--facts) */
};

enum example_kind { EXAMPLE_BAD, EXAMPLE_GOOD };

/* A complete document that shows a rule at work: linted as `file` with
 * `args`, a Bad one reports the rule (at its severity or below), a Good one,
 * the same intent done right, does not. testdata/rules/check-examples.sh
 * runs them all. */
struct rule_example {
	enum example_kind kind;
	const char *file; /* "plan.json": the name it is linted under; its
			   * extension names the syntax */
	const char *args; /* extra command-line arguments, words separated by
			   * spaces ("--facts current"); NULL when none */
	const char *text; /* the whole document; bytes, not always UTF-8 */
	const char *config; /* the .backuplint.yaml beside it, or NULL */
};

/* Ends an array of examples. */
#define EXAMPLES_END { .file = NULL }

struct rule {
	const char *id;       /* "BKP501" */
	const char *name;     /* "cold-storage-minimum" */
	int severity;         /* default enum severity (diag.h) */
	unsigned flags;       /* enum rule_flags */
	const char *summary;  /* one line, for --list-rules */
	const char *doc;      /* what it checks and why, as prose */
	const struct rule_example *examples; /* at least one Bad and one Good,
					      * up to EXAMPLES_END */
	const char *source;   /* the documentation it rests on */
};

struct rule_table {
	const struct rule *v; /* indexed by the rule numbers diagnostics carry */
	size_t n;
};

/* Row by id ("BKP501", case-insensitive) or name; NULL when unknown. */
const struct rule *rule_find(const struct rule_table *t, const char *id_or_name);
/* Row of rule number i, or NULL when out of range or an empty row. */
const struct rule *rule_at(const struct rule_table *t, int i);

#endif
