/* schema.h - document shapes (BKP101-BKP109): every document kind checked
 * against AWS's own shapes, described as data in schemas/shapes-api.json and
 * schemas/shapes-cfn.json, and Terraform's AWS Backup resources against the
 * provider's schema in schemas/shapes-tf.json (tf_schema.c).
 *
 * Ownership: the compiled shapes (members, PCRE2 patterns) are built once,
 * on first use, under pthread_once, and live for the whole process. Nothing
 * here fails: a shapes file that does not describe itself consistently is a
 * build defect and aborts with a message; findings are diagnostics. */
#ifndef BACKUPLINT_SCHEMA_H
#define BACKUPLINT_SCHEMA_H

#include <stddef.h>

/* 1 when `s` (a literal string, len bytes) matches the pattern of shape
 * `shape` in shapes-<dialect>.json ("api" or "cfn"); 0 when not; -1 when the
 * shape has no pattern. For unit tests and the docs generator. */
int schema_pattern_match(const char *dialect, const char *shape,
			 const char *s, size_t len);

#endif
