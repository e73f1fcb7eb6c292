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
#include "utf8.h"

static void set_err(char *err, size_t errlen, const char *what, const char *why)
{
	snprintf(err, errlen, "%s%s", what, why);
}

int source_read(struct source *s, const char *path, const char *display,
		size_t max_bytes, int regular_only, char *err, size_t errlen)
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
		/* A FIFO found while walking must not block the open (a
		 * writer may never come): non-blocking, then checked. */
		fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY |
				(regular_only ? O_NONBLOCK : 0));
		if (fd < 0) {
			set_err(err, errlen, "cannot open: ", strerror(errno));
			return -1;
		}
	}
	/* one fstat: what the file is, and its size */
	if (fstat(fd, &st) != 0)
		memset(&st, 0, sizeof(st));
	if (regular_only && !S_ISREG(st.st_mode)) {
		set_err(err, errlen, "", "is not a regular file");
		if (fd != STDIN_FILENO)
			close(fd);
		return -3;
	}
	if (S_ISDIR(st.st_mode)) {
		set_err(err, errlen, "", "is a directory");
		goto fail;
	}
	/* Size from fstat is only a hint: the file may grow or shrink while
	 * we read, and devices report 0. Read until EOF or the limit. */
	regular = S_ISREG(st.st_mode);
	/* standard input may be a file opened part-way through (a file we
	 * opened starts at 0) */
	if (regular && fd == STDIN_FILENO &&
	    (at = lseek(fd, 0, SEEK_CUR)) > 0 && at <= st.st_size)
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

/* A line longer than a checkpoint interval gets checkpoints: the code
 * points from its start to each multiple of 4096 bytes inside it, so that
 * a column on a long minified line is not counted from the line's start. */
static void mark_line(struct source *s, size_t start, size_t end)
{
	size_t i, cps = 0;
	if (!s->marks) {
		/* UINT32_MAX: no checkpoint (the boundary is on a short line) */
		size_t n = (s->len >> MARK_SHIFT) + 2;
		s->marks = xmalloc(n * sizeof(*s->marks));
		memset(s->marks, 0xff, n * sizeof(*s->marks));
	}
	for (i = start; i < end; i++) {
		if ((i & MARK_MASK) == 0)
			s->marks[i >> MARK_SHIFT] = (uint32_t)cps;
		if (((unsigned char)s->buf[i] & 0xC0) != 0x80)
			cps++;
	}
	if ((end & MARK_MASK) == 0)
		s->marks[end >> MARK_SHIFT] = (uint32_t)cps;
}

static void build_lines(struct source *s)
{
	size_t cap = 64, n = 0, i = 0;
	uint32_t *v = xmalloc(cap * sizeof(*v));
	const char *b = s->buf;
	/* Lone CRs and CRLFs are rare: look for CR at all only if there is one. */
	int has_cr = s->len && memchr(b, '\r', s->len) != NULL;

	v[n++] = 0;
	while (i < s->len) {
		const char *nl = memchr(b + i, '\n', s->len - i);
		size_t e = nl ? (size_t)(nl - b) : s->len, brk, next;
		const char *cr = has_cr ? memchr(b + i, '\r', e - i) : NULL;
		if (cr) {
			brk = (size_t)(cr - b);
			next = brk + 1 < s->len && b[brk + 1] == '\n' ? brk + 2 : brk + 1;
		} else if (nl) {
			brk = e;
			next = e + 1;
		} else {
			break;
		}
		if (brk - v[n - 1] > MARK_MASK)
			mark_line(s, v[n - 1], brk);
		if (n == cap) {
			cap *= 2;
			v = xrealloc(v, cap * sizeof(*v));
		}
		v[n++] = (uint32_t)next;
		i = next;
	}
	if (s->len - v[n - 1] > MARK_MASK)
		mark_line(s, v[n - 1], s->len);
	s->lines = v;
	s->nlines = n;
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
	if (mark > i && s->marks && s->marks[mark >> MARK_SHIFT] != UINT32_MAX) {
		col += s->marks[mark >> MARK_SHIFT] - (bom ? 1 : 0);
		i = mark;
	}
	col += utf8_count(s->buf + i, off - i);
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
