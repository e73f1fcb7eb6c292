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
 * docs/rules.md when markdown=1 (each rule: heading, summary, doc, examples,
 * source). */
void ruledoc_list(FILE *fp, const struct rule_table *rt, int markdown);

/* --explain ID: full documentation of one rule: id, name and severity,
 * then what ruledoc_text() gives, then whether it rests on the facts. */
void ruledoc_explain(FILE *fp, const struct rule *r);

/* A rule's summary, prose, examples (each labelled "Bad (plan.json, with
 * ARGS):" and indented) and source as text (SARIF's help.text); caller
 * frees. Bytes of an example that are not UTF-8 are shown as \xNN. */
char *ruledoc_text(const struct rule *r);

/* The same as Markdown, each example a fenced block in the language of its
 * file name (docs/rules.md, SARIF's help.markdown); caller frees. */
char *ruledoc_markdown(const struct rule *r);

#endif
