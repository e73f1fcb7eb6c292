/* paths.h - the files of a run: the paths named on the command line, and
 * the files found by walking the directories among them.
 *
 * A walk visits entries in name order (so output does not depend on the
 * file system), skips hidden entries (.git), follows no symbolic link loop,
 * and keeps regular files a syntax reads (by name ending); a dangling link
 * with such a name is kept so that reading it says why it cannot be read.
 *
 * Ownership: an inputs list owns its paths. Failure: a directory that
 * cannot be read, or a link loop, is named on standard error and sets
 * `trouble` (exit status 2); the walk goes on. */
#ifndef BACKUPLINT_PATHS_H
#define BACKUPLINT_PATHS_H

#include <stddef.h>
#include <sys/stat.h>
#include <sys/types.h>

struct input {
	char *path;
	int explicit_arg;  /* reported even when not a backup document */
	int named;         /* named on the command line (not found in a folder) */
	int context;       /* found under the context folder only */
	char *key;         /* paths_key(), set by the caller, or NULL */
	/* the caller's: the configuration that applies, once looked up
	 * (config_set_for() resolves the path: once per file, not per use) */
	struct config *config;
	int config_known;
};

struct inputs {
	struct input *v;
	size_t n, cap;
	/* directories on the current walk, for symlink loops */
	struct { dev_t dev; ino_t ino; } *stack;
	size_t nstack, scap;
	int trouble; /* a directory could not be read */
	int quiet;   /* say nothing of unreadable directories (context walks) */
	size_t max_seen;  /* stop after this many entries seen (0: no limit) */
	size_t seen;      /* entries seen by the walks */
	int truncated;    /* a walk stopped at max_seen: the list is partial */
};

void inputs_add(struct inputs *in, const char *path, int explicit_arg);
/* Add the files under directory `dir`. */
void inputs_walk(struct inputs *in, const char *dir);
void inputs_release(struct inputs *in);

/* The repository's root: the nearest folder above the working one that
 * holds .git, else the working folder (malloc'd; NULL when the working
 * folder is gone). */
char *paths_repo_root(void);
/* `path` (relative to cwd, or absolute) relative to root, by name only:
 * the name a file has in fingerprints and baselines wherever backuplint
 * runs in the repository (malloc'd; absolute when outside root). */
char *paths_key(const char *root, const char *cwd, const char *path);

/* Replace the file at `path` atomically with buf[0..len): a new file
 * beside it, written and synced, then renamed over it and the folder
 * synced, so that a reader sees the old file or the new one, whole. The
 * new file takes the mode and owner of *like, or, when like is NULL, 0666
 * less the umask. check(arg), when given, is the last look before the
 * rename: non-zero refuses it. Returns 0; 1 when check refused (nothing
 * changed); -1 with the reason in why. */
int paths_replace(const char *path, const char *buf, size_t len,
		  const struct stat *like, int (*check)(void *), void *arg,
		  char *why, size_t whylen);

#endif
