/* ruledoc.h - a rule table's documentation for people: --list-rules,
 * docs/rules.md (--list-rules --format markdown) and --explain. Rule
 * documentation is not diagnostics output; SARIF borrows the Markdown of a
 * rule for its help text.
 *
 * Ownership: the table and its rows are borrowed; ruledoc_markdown()
 * returns a string the caller frees. Failure: out of memory aborts (arena.h);
 * write errors are left on the stream for the caller to check. */
#ifndef BACKUPLINT_RULEDOC_H
#define BACKUPLINT_RULEDOC_H

#include <stdio.h>

#include "rule.h"

/* --list-rules: the table (id, name, severity, summary; rules that rest on
 * the facts dataset say "facts: spec|current"), or markdown for
 * docs/rules.md when markdown=1 (each rule: heading, summary, doc, source). */
void ruledoc_list(FILE *fp, const struct rule_table *rt, int markdown);

/* --explain ID: full documentation of one rule. */
void ruledoc_explain(FILE *fp, const struct rule *r);

/* A rule's summary, doc and source as Markdown (docs/rules.md, SARIF's
 * help.markdown); caller frees. */
char *ruledoc_markdown(const struct rule *r);

#endif
