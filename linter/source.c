/* source.c - reading files whole, and byte offsets to line and column. */
#include "source.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"

static void set_err(char *err, size_t errlen, const char *what, const char *why)
{
	snprintf(err, errlen, "%s%s", what, why);
}

int source_read(struct source *s, const char *path, const char *display,
		size_t max_bytes, char *err, size_t errlen)
{
	int fd;
	size_t cap, len = 0;
	char *buf;
	struct stat st;
	off_t at;
	int regular;

	memset(s, 0, sizeof(*s));
	s->name = xstrdup(display ? display : path);
	if (strcmp(path, "-") == 0) {
		fd = STDIN_FILENO;
	} else {
		fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
		if (fd < 0) {
			set_err(err, errlen, "cannot open: ", strerror(errno));
			return -1;
		}
	}
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		set_err(err, errlen, "", "is a directory");
		goto fail;
	}
	/* Size from fstat is only a hint: the file may grow or shrink while
	 * we read, and devices report 0. Read until EOF or the limit. */
	regular = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
	/* standard input may be a file opened part-way through */
	if (regular && (at = lseek(fd, 0, SEEK_CUR)) > 0 && at <= st.st_size)
		st.st_size -= at;
	cap = (regular && st.st_size > 0) ? (size_t)st.st_size + 1 : 65536;
	if (cap > max_bytes + 1)
		cap = max_bytes + 1;
	buf = xmalloc(cap + 1);
	for (;;) {
		ssize_t r;
		if (len == cap) {
			if (cap > max_bytes) {
				free(buf);
				snprintf(err, errlen,
					 "file is larger than the %zu-byte limit "
					 "(raise it with --max-file-size)",
					 max_bytes);
				if (fd != STDIN_FILENO)
					close(fd);
				return -2;
			}
			cap = cap * 2 > max_bytes + 1 ? max_bytes + 1 : cap * 2;
			buf = xrealloc(buf, cap + 1);
		}
		r = read(fd, buf + len, cap - len);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			set_err(err, errlen, "read error: ", strerror(errno));
			free(buf);
			goto fail;
		}
		if (r == 0)
			break;
		len += (size_t)r;
	}
	if (len > max_bytes) {
		free(buf);
		snprintf(err, errlen,
			 "file is larger than the %zu-byte limit (raise it with "
			 "--max-file-size)",
			 max_bytes);
		if (fd != STDIN_FILENO)
			close(fd);
		return -2;
	}
	/* A regular file that ends before the size fstat gave was cut while
	 * we read it (or is a pseudo-file that cannot be trusted): what we
	 * have may be a valid but partial document, so refuse it. */
	if (regular && (off_t)len < st.st_size) {
		free(buf);
		snprintf(err, errlen,
			 "the file shrank while it was read (%zu of %lld bytes); "
			 "lint it again when it is complete",
			 len, (long long)st.st_size);
		goto fail;
	}
	if (fd != STDIN_FILENO)
		close(fd);
	buf[len] = '\0';
	s->buf = buf;
	s->len = len;
	return 0;
fail:
	if (fd != STDIN_FILENO)
		close(fd);
	return -1;
}

void source_from_mem(struct source *s, const char *name, const char *buf,
		     size_t len)
{
	memset(s, 0, sizeof(*s));
	s->name = xstrdup(name);
	s->buf = xmalloc(len + 1);
	memcpy(s->buf, buf, len);
	s->buf[len] = '\0';
	s->len = len;
}

void source_free(struct source *s)
{
	free(s->name);
	free(s->buf);
	free(s->lines);
	free(s->marks);
	memset(s, 0, sizeof(*s));
}

#define MARK_SHIFT 12
#define MARK_MASK (((size_t)1 << MARK_SHIFT) - 1)

static void build_lines(struct source *s)
{
	size_t cap = 64, n = 0, i;
	uint32_t *v = xmalloc(cap * sizeof(*v));
	uint32_t *marks = xmalloc(((s->len >> MARK_SHIFT) + 1) * sizeof(*marks));
	uint32_t cps = 0; /* code points since the start of the line */
	const char *b = s->buf;
	v[n++] = 0;
	for (i = 0; i < s->len; i++) {
		char c = b[i];
		if ((i & MARK_MASK) == 0)
			marks[i >> MARK_SHIFT] = cps;
		if (c != '\n' && c != '\r') {
			if (((unsigned char)c & 0xC0) != 0x80)
				cps++;
			continue;
		}
		if (c == '\r' && i + 1 < s->len && b[i + 1] == '\n') {
			i++;
			if ((i & MARK_MASK) == 0)
				marks[i >> MARK_SHIFT] = cps + 1;
		}
		cps = 0;
		if (n == cap) {
			cap *= 2;
			v = xrealloc(v, cap * sizeof(*v));
		}
		v[n++] = (uint32_t)(i + 1);
	}
	if ((s->len & MARK_MASK) == 0)
		marks[s->len >> MARK_SHIFT] = cps;
	s->lines = v;
	s->nlines = n;
	s->marks = marks;
}

struct pos source_pos(struct source *s, size_t off)
{
	struct pos p;
	size_t lo = 0, hi, i, col = 1, mark;
	int bom;
	if (!s->lines)
		build_lines(s);
	if (off > s->len)
		off = s->len;
	hi = s->nlines;
	/* last line start <= off */
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (s->lines[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	i = s->lines[lo];
	/* editors do not show a byte-order mark: it takes no column */
	bom = lo == 0 && s->len >= 3 && memcmp(s->buf, "\xEF\xBB\xBF", 3) == 0 &&
	      off >= 3;
	if (bom)
		i = 3;
	/* Start from the nearest checkpoint on this line, if any. */
	mark = off & ~MARK_MASK;
	if (mark > i) {
		col += s->marks[mark >> MARK_SHIFT] - (bom ? 1 : 0);
		i = mark;
	}
	for (; i < off; i++)
		if (((unsigned char)s->buf[i] & 0xC0) != 0x80)
			col++;
	p.line = (uint32_t)lo + 1;
	p.col = (uint32_t)col;
	return p;
}

const char *source_line(struct source *s, uint32_t line, size_t *len)
{
	size_t a, e;
	if (!s->lines)
		build_lines(s);
	if (line == 0 || line > s->nlines)
		return NULL;
	a = s->lines[line - 1];
	e = line < s->nlines ? s->lines[line] : s->len;
	while (e > a && (s->buf[e - 1] == '\n' || s->buf[e - 1] == '\r'))
		e--;
	*len = e - a;
	return s->buf + a;
}
