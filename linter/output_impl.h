/* output_impl.h - what the output formats share; not for use outside
 * linter/output.c and linter/out_*.c (the public API is output.h).
 *
 * Each format is one out_*.c with one writer, called by output_write() with
 * a table always present (o->rules is never NULL there). Writers report
 * failure only through the stream's error flag, which output_write() checks.
 * Ownership: nothing returned here is allocated, except by the out_j*
 * helpers, which build cJSON values that out_jprint() prints and frees. */
#ifndef BACKUPLINT_OUTPUT_IMPL_H
#define BACKUPLINT_OUTPUT_IMPL_H

#include <stddef.h>
#include <stdio.h>

#include <cJSON.h>

#include "output.h"

/* ANSI colours, as clang uses them. */
#define C_RESET "\033[0m"
#define C_BOLD "\033[1m"
#define C_ERROR "\033[1;31m"
#define C_WARNING "\033[1;35m"
#define C_INFO "\033[1;34m"
#define C_NOTE "\033[1;30m"
#define C_CARET "\033[1;32m"
#define C_HINT "\033[1;36m"

/* ---- output.c: shared by several formats ---- */

/* Bidirectional formatting characters reorder what a terminal shows (the
 * "Trojan Source" trick); they are never written as they are. */
int out_is_bidi_control(long cp);
/* Write s with its control characters escaped (\n, \t, \xNN, \u0085,
 * \u202e), so that a message quoting a document value, or a file name,
 * stays on one line and cannot send escape sequences to the terminal or
 * reorder what it shows. */
void out_put_escaped(FILE *fp, const char *s);
/* The name a file is shown by: its source's name, its argument, or "-". */
const char *out_file_name(const struct file *f);
/* "error", "warning", "info"; "note" for anything else. */
const char *out_sev_word(int sev);

struct out_counts {
	size_t files, unreadable, with_diags;
	size_t errors, warnings, infos;
};

/* n with a comma every three digits ("5,001") in buf (at least 32 bytes). */
const char *out_thousands(size_t n, char *buf);

/* Count files (read and unreadable) and diagnostics by severity. */
void out_count_all(struct file **files, size_t n, struct out_counts *c);

/* ---- out_gnu.c ---- */

/* FILE:LINE:COL: SEVERITY: MESSAGE [ID name] and a newline: the gnu line,
 * which is also the first line of a diagnostic in text output. */
void out_first_line(FILE *fp, const struct rule_table *rt,
		    const struct file *f, const struct diag *d, int color);

/* ---- out_json.c: cJSON helpers, shared with SARIF ---- */

/* A JSON string of s (NULL: ""); bytes that are not valid UTF-8 (a file
 * name can hold any byte) become U+FFFD so that the output stays valid. */
cJSON *out_jstr(const char *s);
cJSON *out_jnum(double v);
/* A new object, added to parent under key when parent is not NULL. */
cJSON *out_jobj(cJSON *parent, const char *key);
/* Add val to obj under key, or to the array arr; abort when out of
 * memory (val NULL). */
void out_jadd(cJSON *obj, const char *key, cJSON *val);
void out_jpush(cJSON *arr, cJSON *val);
/* Print j (compact or indented), then free it. */
void out_jprint(FILE *fp, cJSON *j, int pretty);

/* ---- the writers, one a format ---- */

void out_write_text(FILE *fp, struct file **files, size_t n,
		    const struct out_opts *o);
void out_write_gnu(FILE *fp, struct file **files, size_t n,
		   const struct out_opts *o);
void out_write_json(FILE *fp, struct file **files, size_t n,
		    const struct out_opts *o);
void out_write_sarif(FILE *fp, struct file **files, size_t n,
		     const struct out_opts *o);
void out_write_github(FILE *fp, struct file **files, size_t n,
		      const struct out_opts *o);

#endif
