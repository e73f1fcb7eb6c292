/* diag.h - diagnostics: what a rule found, where, and how to fix it.
 *
 * Ownership: a diag_list owns its diagnostics and their strings, fixes
 * included (kept in the list's own arena, so they outlive the document tree
 * that produced them). Rules append through report.h; outputs only read. */
#ifndef BACKUPLINT_DIAG_H
#define BACKUPLINT_DIAG_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "source.h"

enum severity {
	SEV_NONE = 0, /* only as a --fail-on level: never fail; as a rule's
		       * severity: off */
	SEV_INFO = 1,
	SEV_WARNING = 2,
	SEV_ERROR = 3,
};

/* One replacement of source bytes [start, end) by `text`. */
struct edit {
	uint32_t start, end;
	const char *text;
};

/* A fix: edits applied together. A safe fix keeps the meaning the author
 * evidently intended (applied by --fix); an unsafe one changes behaviour. */
struct fix {
	const char *title;   /* "replace with eu-central-1" */
	int safe;
	struct edit *edits;
	uint32_t nedits;
};

struct diag {
	int rule;            /* number in the session's rule table */
	int severity;        /* enum severity: the effective one after finalize */
	uint8_t demote;      /* levels below the rule's severity (a hedged
			      * finding: the types are only possibly there) */
	uint8_t phase;       /* enum phase (session.h): who reported it */
	uint32_t start, end; /* byte span; end exclusive */
	struct pos pos, end_pos; /* 1-based; end_pos is the last character's
				  * column + 1 (exclusive), as SARIF wants */
	const char *path;    /* document path, e.g. BackupPlan.Rules[0].RuleName;
			      * "" for the whole file */
	const char *message;
	const char *hint;    /* NULL when there is none */
	/* A second place the message refers to (duplicate key: the first one). */
	int has_related;
	uint32_t related_off;
	struct pos related;
	const char *related_msg;
	struct fix *fixes;
	uint32_t nfixes;
	unsigned doc_index;  /* document number in a YAML stream, 0-based */
	unsigned seq;        /* insertion order, for a stable sort */
};

struct diag_list {
	struct diag *v;
	size_t n, cap;
	struct arena strings;
};

void diag_list_init(struct diag_list *l);
void diag_list_release(struct diag_list *l);
/* Append a zeroed diagnostic and return it (valid until the next append). */
struct diag *diag_add(struct diag_list *l);
/* Sort by position, then rule, then message; drop exact duplicates. */
void diag_sort(struct diag_list *l);
/* Highest severity in the list, SEV_NONE when empty. */
int diag_worst(const struct diag_list *l);

const char *severity_name(int sev);
/* Parse "error", "warning", "info", "none"; -1 when unknown. */
int severity_parse(const char *s);

#endif
