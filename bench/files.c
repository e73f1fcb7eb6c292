/* files.c - see files.h. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "files.h"

static int push(struct filelist *l, char *p)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 256;
		char **v = realloc(l->v, cap * sizeof(*v));

		if (!v) {
			fputs("out of memory\n", stderr);
			return -1;
		}
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = p;
	return 0;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int add_dir(struct filelist *l, const char *dir)
{
	struct filelist sub = { 0 };
	struct dirent *e;
	DIR *d = opendir(dir);
	size_t i;
	int rc = 0;

	if (!d) {
		fprintf(stderr, "%s: %s\n", dir, strerror(errno));
		return -1;
	}
	while ((e = readdir(d))) {
		char *p;

		if (e->d_name[0] == '.')
			continue;
		p = malloc(strlen(dir) + strlen(e->d_name) + 2);
		if (!p || push(&sub, p)) {
			free(p);
			rc = -1;
			break;
		}
		sprintf(p, "%s/%s", dir, e->d_name);
	}
	closedir(d);
	qsort(sub.v, sub.n, sizeof(*sub.v), cmp_name);
	for (i = 0; i < sub.n && !rc; i++)
		rc = filelist_add(l, sub.v[i]);
	filelist_free(&sub);
	return rc;
}

int filelist_add(struct filelist *l, const char *path)
{
	struct stat st;
	char *p;

	if (stat(path, &st)) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	if (S_ISDIR(st.st_mode))
		return add_dir(l, path);
	p = strdup(path);
	if (!p || push(l, p)) {
		free(p);
		return -1;
	}
	return 0;
}

void filelist_free(struct filelist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

int slurp(const char *path, char **buf, size_t *cap, size_t *len)
{
	struct stat st;
	size_t n = 0;
	int fd = open(path, O_RDONLY);

	if (fd < 0 || fstat(fd, &st)) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	for (;;) {
		ssize_t r;

		/* Room for the whole file as stat saw it, plus one byte to
		 * see the end, plus the NUL. */
		if (*cap < (size_t)st.st_size + 2 || n + 1 >= *cap) {
			size_t want = (size_t)st.st_size + 2;
			char *b;

			if (want <= n + 1)
				want = 2 * (n + 2);
			b = realloc(*buf, want);
			if (!b) {
				fputs("out of memory\n", stderr);
				close(fd);
				return -1;
			}
			*buf = b;
			*cap = want;
		}
		r = read(fd, *buf + n, *cap - n - 1);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			fprintf(stderr, "%s: %s\n", path, strerror(errno));
			close(fd);
			return -1;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	(*buf)[n] = 0;
	*len = n;
	return 0;
}
