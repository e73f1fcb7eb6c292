/* paths.c - walking directories for the files of a run. */
#include "paths.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "load.h"

void inputs_add(struct inputs *in, const char *path, int explicit_arg)
{
	if (in->n == in->cap) {
		in->cap = in->cap ? in->cap * 2 : 64;
		in->v = xrealloc(in->v, in->cap * sizeof(*in->v));
	}
	in->v[in->n].path = xstrdup(path);
	in->v[in->n].explicit_arg = explicit_arg;
	in->v[in->n].context = 0;
	in->v[in->n].named = 0;
	in->v[in->n].key = NULL;
	in->v[in->n].config = NULL;
	in->v[in->n].config_known = 0;
	in->n++;
}

/* Entries by name (after their type byte). */
static int cmp_entry(const void *a, const void *b)
{
	return strcmp(*(char *const *)a + 1, *(char *const *)b + 1);
}

/* Directory dir, whose stat is *dst. */
static void walk_dir(struct inputs *in, const char *dir, const struct stat *dst)
{
	DIR *d;
	struct dirent *e;
	struct stat st = *dst;
	char **names = NULL;
	size_t n = 0, cap = 0, i;

	if (in->truncated)
		return;
	for (i = 0; i < in->nstack; i++)
		if (in->stack[i].dev == st.st_dev && in->stack[i].ino == st.st_ino) {
			if (!in->quiet) {
				fprintf(stderr,
					"backuplint: %s: symbolic link loop, not followed\n",
					dir);
				in->trouble = 1;
			}
			return;
		}
	d = opendir(dir);
	if (!d) {
		if (!in->quiet) {
			fprintf(stderr, "backuplint: %s: cannot read directory: %s\n",
				dir, strerror(errno));
			in->trouble = 1;
		}
		return;
	}
	if (in->nstack == in->scap) {
		in->scap = in->scap ? in->scap * 2 : 16;
		in->stack = xrealloc(in->stack, in->scap * sizeof(*in->stack));
	}
	in->stack[in->nstack].dev = st.st_dev;
	in->stack[in->nstack].ino = st.st_ino;
	in->nstack++;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue; /* ., .., and hidden files and folders (.git) */
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			names = xrealloc(names, cap * sizeof(*names));
		}
		/* the entry's type (DT_REG: no stat needed) rides before its
		 * name */
		names[n] = xmalloc(strlen(e->d_name) + 2);
		names[n][0] = (char)(e->d_type == DT_REG ? 'f' : '?');
		strcpy(names[n] + 1, e->d_name);
		n++;
		/* a bounded walk (an editor's workspace, which may be a home
		 * folder) stops here rather than read a whole disk */
		if (in->max_seen && ++in->seen > in->max_seen) {
			in->truncated = 1;
			break;
		}
	}
	closedir(d);
	/* Sorted, so that output order does not depend on the file system. */
	if (n) /* an empty folder: names is NULL, which qsort may not take */
		qsort(names, n, sizeof(*names), cmp_entry);
	for (i = 0; i < n && !in->truncated; i++) {
		/* dir/name, without sprintf (the walk is serial) */
		const char *name = names[i] + 1;
		size_t l = strlen(dir), ln = strlen(name), o = l;
		char *p;
		/* a regular file of a name no syntax reads: not even a stat */
		if (names[i][0] == 'f' && !syntax_walks(name))
			continue;
		p = xmalloc(l + ln + 2);
		memcpy(p, dir, l);
		if (!(l && dir[l - 1] == '/'))
			p[o++] = '/';
		memcpy(p + o, name, ln + 1);
		/* directories are walked; of the rest only regular files with
		 * a name a syntax reads: a FIFO, socket or device found while
		 * walking would block or never end */
		if (names[i][0] == 'f') {
			inputs_add(in, p, 0);
		} else if (stat(p, &st) != 0) {
			/* a dangling link or a link loop: reading it says why */
			if (syntax_walks(name))
				inputs_add(in, p, 0);
		} else if (S_ISDIR(st.st_mode)) {
			walk_dir(in, p, &st);
		} else if (S_ISREG(st.st_mode) && syntax_walks(name)) {
			inputs_add(in, p, 0);
		}
		free(p);
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	in->nstack--;
}

void inputs_walk(struct inputs *in, const char *dir)
{
	struct stat st;
	if (!in->truncated && stat(dir, &st) == 0)
		walk_dir(in, dir, &st);
}

void inputs_release(struct inputs *in)
{
	size_t i;
	for (i = 0; i < in->n; i++) {
		free(in->v[i].path);
		free(in->v[i].key);
	}
	free(in->v);
	free(in->stack);
	memset(in, 0, sizeof(*in));
}

/* ---- names that do not depend on where backuplint runs ---- */

char *paths_repo_root(void)
{
	char *cwd = getcwd(NULL, 0), *p;
	size_t n;
	struct stat st;
	if (!cwd)
		return NULL;
	n = strlen(cwd);
	p = xmalloc(n + 8);
	for (;;) {
		snprintf(p, n + 8, "%.*s/.git", (int)n, cwd);
		if (stat(p, &st) == 0) {
			cwd[n ? n : 1] = '\0';
			free(p);
			return cwd;
		}
		while (n > 0 && cwd[n - 1] != '/')
			n--;
		if (n > 0)
			n--; /* the slash */
		if (n == 0)
			break;
	}
	free(p);
	/* no repository: the working folder is the root */
	p = getcwd(NULL, 0);
	free(cwd);
	return p;
}

/* `path` made absolute against cwd, with ".", ".." and doubled slashes
 * resolved by name (no symbolic link is read). */
static char *lexical_abs(const char *cwd, const char *path)
{
	size_t n = strlen(cwd) + strlen(path) + 2, o = 0;
	char *in = xmalloc(n), *out = xmalloc(n), *seg, *save = NULL;
	if (path[0] == '/')
		snprintf(in, n, "%s", path);
	else
		snprintf(in, n, "%s/%s", cwd, path);
	for (seg = strtok_r(in, "/", &save); seg; seg = strtok_r(NULL, "/", &save)) {
		if (strcmp(seg, ".") == 0)
			continue;
		if (strcmp(seg, "..") == 0) {
			while (o > 0 && out[o - 1] != '/')
				o--;
			if (o > 0)
				o--;
			continue;
		}
		out[o++] = '/';
		memcpy(out + o, seg, strlen(seg));
		o += strlen(seg);
	}
	if (o == 0)
		out[o++] = '/';
	out[o] = '\0';
	free(in);
	return out;
}

char *paths_key(const char *root, const char *cwd, const char *path)
{
	char *abs, *key;
	size_t rl;
	if (!root || !cwd)
		return xstrdup(path);
	abs = lexical_abs(cwd, path);
	rl = strlen(root);
	if (rl > 1 && strncmp(abs, root, rl) == 0 && abs[rl] == '/')
		key = xstrdup(abs + rl + 1);
	else if (rl == 1)
		key = xstrdup(abs + 1);
	else
		key = xstrdup(abs);
	free(abs);
	return key;
}

static int write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

int paths_replace(const char *path, const char *buf, size_t len,
		  const struct stat *like, int (*check)(void *), void *arg,
		  char *why, size_t whylen)
{
	char *dcopy = xstrdup(path), *tmp;
	const char *dir = dirname(dcopy);
	mode_t mode;
	int fd, dfd, rc = -1;

	if (like) {
		mode = like->st_mode & 07777;
	} else {
		mode_t mask = umask(0);
		umask(mask);
		mode = 0666 & ~mask;
	}
	tmp = xmalloc(strlen(dir) + 32);
	sprintf(tmp, "%s/.backuplint-XXXXXX", dir);
	if ((fd = mkstemp(tmp)) < 0) {
		snprintf(why, whylen, "cannot create a file beside it: %s", strerror(errno));
		goto out;
	}
	if (write_all(fd, buf, len) < 0 || fchmod(fd, mode) < 0 ||
	    (like && (like->st_uid != geteuid() || like->st_gid != getegid()) &&
	     fchown(fd, like->st_uid, like->st_gid) < 0) ||
	    fsync(fd) < 0) {
		snprintf(why, whylen, "%s", strerror(errno));
		close(fd);
		unlink(tmp);
		goto out;
	}
	if (close(fd) < 0) {
		snprintf(why, whylen, "%s", strerror(errno));
		unlink(tmp);
		goto out;
	}
	if (check && check(arg) != 0) {
		unlink(tmp);
		rc = 1;
		goto out;
	}
	if (rename(tmp, path) < 0) {
		snprintf(why, whylen, "%s", strerror(errno));
		unlink(tmp);
		goto out;
	}
	if ((dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		fsync(dfd);
		close(dfd);
	}
	rc = 0;
out:
	free(tmp);
	free(dcopy);
	return rc;
}
