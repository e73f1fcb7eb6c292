/* glob.h - path globs as configurations write them: '*' and '?' within one
 * path segment, [abc] and [!a-z] classes, and '**' for any number of whole
 * segments ("prod/" "**", "**" "/plan.json", "templates/" "**" "/x.yaml").
 * A glob without a '/' matches the last segment at any depth (like
 * .gitignore: "*.json" is every JSON file).
 *
 * Pure functions, no allocation. Paths use '/' and are relative to the
 * folder the glob belongs to (the configuration file's). */
#ifndef BACKUPLINT_GLOB_H
#define BACKUPLINT_GLOB_H

#include <stddef.h>

/* 0 when `glob` is well formed; else -1 with the byte offset of the problem
 * in *at and a reason in *why (an unclosed '[', "**" inside a segment, an
 * absolute path, an empty glob). */
int glob_check(const char *glob, size_t *at, const char **why);

/* 1 when relative path `path` matches `glob` (checked with glob_check). */
int glob_match(const char *glob, const char *path);

#endif
