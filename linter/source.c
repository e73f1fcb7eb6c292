/* source.c - reading files whole, and byte offsets to line and column. */
#include "source.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "utf8.h"

static void set_err(char *err, size_t errlen, const char *what, const char *why)
{
	snprintf(err, errlen, "%s%s", what, why);
}

/* ---- mapped files ----
 * Each mapping is entered in a fixed table that the SIGBUS handler reads
 * without a lock: an entry's name and length are written before its base
 * and its base is cleared before its mapping goes. An entry is reserved
 * before the file is mapped; a file found when all are taken (64 mapped
 * files at once, each holding its file open) is read into memory. */
#define GUARDS 64

static struct guard {
	const char *base;
	size_t len;
	const char *name;
	int used;
} guards[GUARDS];
static pthread_mutex_t guard_lock = PTHREAD_MUTEX_INITIALIZER;
static int guard_installed;

static void say(const char *m)
{
	ssize_t r = write(STDERR_FILENO, m, strlen(m));
	(void)r;
}

/* A mapped file lost bytes under us: say so and end, as for a file that
 * cannot be read (async-signal-safe: the SIGBUS handler calls it). */
static void cut_short(const char *name) __attribute__((noreturn));
static void cut_short(const char *name)
{
	say("backuplint: ");
	say(name);
	say(": the file was cut short while it was linted; "
	    "lint it again when it is complete\n");
	_exit(2);
}

static void on_sigbus(int sig, siginfo_t *si, void *uc)
{
	const char *at = si->si_addr;
	size_t i;
	(void)uc;
	for (i = 0; i < GUARDS; i++) {
		const char *b = __atomic_load_n(&guards[i].base, __ATOMIC_ACQUIRE);
		if (b && at >= b && at < b + guards[i].len)
			cut_short(guards[i].name);
	}
	/* not one of ours: the default action, when the access is retried */
	signal(sig, SIG_DFL);
}

/* Reserve an entry (the first time, install the handler); -1 when all are
 * taken. */
static int guard_reserve(void)
{
	int i, rc = -1;
	pthread_mutex_lock(&guard_lock);
	if (!guard_installed) {
		struct sigaction sa;
		memset(&sa, 0, sizeof(sa));
		sa.sa_sigaction = on_sigbus;
		sa.sa_flags = SA_SIGINFO;
		sigemptyset(&sa.sa_mask);
		guard_installed = sigaction(SIGBUS, &sa, NULL) == 0 ? 1 : -1;
	}
	for (i = 0; guard_installed > 0 && i < GUARDS; i++)
		if (!guards[i].used) {
			guards[i].used = 1;
			rc = i;
			break;
		}
	pthread_mutex_unlock(&guard_lock);
	return rc;
}

/* Enter mapping [base, base + len) of file `name` in reserved entry i. */
static void guard_set(int i, const char *base, size_t len, const char *name)
{
	guards[i].name = name;
	guards[i].len = len;
	__atomic_store_n(&guards[i].base, base, __ATOMIC_RELEASE);
}

/* Free entry i, before its mapping goes. */
static void guard_remove(int i)
{
	pthread_mutex_lock(&guard_lock);
	__atomic_store_n(&guards[i].base, NULL, __ATOMIC_RELEASE);
	guards[i].used = 0;
	pthread_mutex_unlock(&guard_lock);
}

/* Asked each time (a few times per big file): a cached value would be
 * written by several lint threads. */
static size_t page_size(void)
{
	long v = sysconf(_SC_PAGESIZE);
	return v > 0 ? (size_t)v : 4096;
}

/* Map the len bytes of fd, followed by at least one NUL (the rest of the
 * last page is zero, and a reserved page holds it when len fills its
 * pages). 0, or -1 when the file cannot be mapped: it is then read. */
static int map_file(struct source *s, int fd, size_t len)
{
	size_t ps = page_size(), total = (len + ps) & ~(ps - 1);
	int g = guard_reserve();
	char *base;
	if (g < 0)
		return -1;
	base = mmap(NULL, total, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (base == MAP_FAILED) {
		guard_remove(g);
		return -1;
	}
	if (mmap(base, len, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0) == MAP_FAILED) {
		munmap(base, total);
		guard_remove(g);
		return -1;
	}
	guard_set(g, base, total, s->name);
	s->guard = g;
	s->buf = base;
	s->len = len;
	s->maplen = total;
	s->fd = fd;
	return 0;
}

static void build_index(struct source *s);

void source_done_before(struct source *s, size_t off)
{
	size_t end;
	if (!s->maplen)
		return;
	if (!s->blk)
		build_index(s);
	if (off > s->len)
		off = s->len;
	end = off & ~(page_size() - 1);
	if (end > s->dropped) {
		/* clean pages of a private file mapping: read again from the
		 * file when touched */
		(void)madvise(s->buf + s->dropped, end - s->dropped, MADV_DONTNEED);
		s->dropped = end;
	}
}

int source_read(struct source *s, const char *path, const char *display,
		size_t max_bytes, int flags, char *err, size_t errlen)
{
	const int regular_only = flags & SRC_REGULAR_ONLY;
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
	if ((flags & SRC_MAP) && regular && fd != STDIN_FILENO &&
	    (size_t)st.st_size >= SRC_MAP_MIN && (size_t)st.st_size <= max_bytes &&
	    map_file(s, fd, (size_t)st.st_size) == 0)
		return 0; /* the descriptor stays open: source_bytes() reads it */
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

void source_forget(struct source *s)
{
	if (s->maplen || !s->len)
		return;
	free(s->buf);
	free(s->blk);
	s->blk = NULL;
	s->buf = xcalloc(1, 1);
	s->len = 0;
	s->seen[0].line = s->seen[1].line = 0;
}

void source_free(struct source *s)
{
	if (s->maplen) {
		guard_remove(s->guard);
		munmap(s->buf, s->maplen);
		close(s->fd);
	} else {
		free(s->buf);
	}
	free(s->name);
	free(s->blk);
	memset(s, 0, sizeof(*s));
}

/* The line index: for every block of 512 bytes, the number of line breaks
 * before its first byte and the code points from the start of the line that
 * holds that byte to it. A position is then its block's entry plus a look
 * at no more than one block of bytes: 16 bytes of index per KB of text
 * (an offset per line cost 4 bytes per line, a sixth of a pretty-printed
 * file), and a column on a long minified line is not counted from the
 * line's start. Line breaks are LF, CRLF (one break, ending at the LF) and
 * a lone CR. */
#define BLK_SHIFT 9
#define BLK_SIZE ((size_t)1 << BLK_SHIFT)

/* 1 when the byte at i of b[0..len) ends a line break. */
static int ends_break(const char *b, size_t len, size_t i)
{
	return b[i] == '\n' || (b[i] == '\r' && (i + 1 >= len || b[i + 1] != '\n'));
}

/* The first byte in [i, lim) of b[0..len) that ends a line break, or lim;
 * CRs are looked at only when the file has one. */
static size_t break_in(const char *b, size_t len, int has_cr, size_t i, size_t lim)
{
	const char *cr, *nl = memchr(b + i, '\n', lim - i);
	size_t e = nl ? (size_t)(nl - b) : lim;
	/* a lone CR before the LF (a CR just before it is the LF's CRLF) */
	for (; has_cr && (cr = memchr(b + i, '\r', e - i)); i = (size_t)(cr - b) + 1)
		if (ends_break(b, len, (size_t)(cr - b)))
			return (size_t)(cr - b);
	return e;
}

/* The first byte at or after i that ends a line break, or len. */
static size_t next_break(const struct source *s, size_t i)
{
	return break_in(s->buf, s->len, s->has_cr, i, s->len);
}

static void build_index(struct source *s)
{
	size_t n = (s->len >> BLK_SHIFT) + 1, k = 0, start = 0, line = 0;
	size_t bound = 0; /* k << BLK_SHIFT */
	uint32_t *v = xmalloc(2 * n * sizeof(*v));
	const char *b = s->buf;

	s->has_cr = s->len && memchr(b, '\r', s->len) != NULL;
	for (;;) {
		/* the line [start, end], end its break's last byte (or len) */
		const char *nl;
		size_t end;
		if (s->has_cr) {
			end = next_break(s, start);
		} else {
			/* no CR (nearly every file): memchr alone; through
			 * break_in, 0.7% more instructions on JSON plans */
			nl = memchr(b + start, '\n', s->len - start);
			end = nl ? (size_t)(nl - b) : s->len;
		}
		if (bound <= end) {
			/* the blocks that start on this line */
			size_t cps = 0, at = start;
			for (; k < n && bound <= end; k++, bound += BLK_SIZE) {
				cps += utf8_count(b + at, bound - at);
				at = bound;
				v[2 * k] = (uint32_t)line;
				v[2 * k + 1] = (uint32_t)cps;
			}
		}
		if (end >= s->len)
			break;
		start = end + 1;
		line++;
	}
	s->blk = v;
	s->nlines = (uint32_t)line + 1;
}

const char *source_bytes(const struct source *s, size_t a, size_t e,
			 char *tmp, size_t *n)
{
	size_t got = 0, want;
	if (e > s->len)
		e = s->len;
	if (a >= e) {
		*n = 0;
		return s->buf + e;
	}
	/* Reading the mapping where its pages were given back would map
	 * the pages around too (the kernel's fault-around): the findings of
	 * a big file would bring back its every page. */
	if (!s->maplen || a >= s->dropped) {
		*n = e - a;
		return s->buf + a;
	}
	want = e - a < SRC_CHUNK ? e - a : SRC_CHUNK;
	while (got < want) {
		ssize_t r = pread(s->fd, tmp + got, want - got, (off_t)(a + got));
		if (r < 0 && errno == EINTR)
			continue;
		if (r == 0) /* the file ends before what was mapped */
			cut_short(s->name);
		if (r < 0) {
			/* cannot read: the mapping may still say */
			*n = e - a;
			return s->buf + a;
		}
		got += (size_t)r;
	}
	*n = want;
	return tmp;
}

/* Where the line holding off starts, and its 0-based number; w holds the
 * bytes of off's block up to off (and off's own, when there is one). */
static size_t line_of(const struct source *s, size_t off, const char *w,
		      size_t *line, size_t *base_cps)
{
	size_t k = off >> BLK_SHIFT, base = k << BLK_SHIFT, i = 0, start = SIZE_MAX;
	size_t lim = off - base, wl = (off < s->len ? off + 1 : off) - base;
	size_t n = s->blk[2 * k];
	if (!s->has_cr) {
		/* as in build_index: memchr alone without a CR */
		const char *nl;
		while ((nl = memchr(w + i, '\n', lim - i))) {
			n++;
			start = i = (size_t)(nl - w) + 1;
		}
	} else {
		for (;;) {
			i = break_in(w, wl, 1, i, lim);
			if (i >= lim)
				break;
			n++;
			start = ++i;
		}
	}
	*line = n;
	if (start == SIZE_MAX) {
		/* the line started at or before the block's first byte */
		*base_cps = s->blk[2 * k + 1];
		return base;
	}
	*base_cps = 0;
	return base + start;
}

struct pos source_pos(struct source *s, size_t off)
{
	struct pos p;
	size_t line, cps, from, base, n;
	char tmp[SRC_CHUNK];
	const char *w;
	if (!s->blk)
		build_index(s);
	if (off > s->len)
		off = s->len;
	base = off & ~(BLK_SIZE - 1);
	/* a block and a byte: SRC_CHUNK is more */
	w = source_bytes(s, base, off < s->len ? off + 1 : off, tmp, &n);
	from = line_of(s, off, w, &line, &cps);
	cps += utf8_count(w + (from - base), off - from);
	/* editors do not show a byte-order mark: it takes no column */
	if (line == 0 && off >= 3 && s->len >= 3 &&
	    memcmp(s->buf, "\xEF\xBB\xBF", 3) == 0)
		cps--;
	p.line = (uint32_t)line + 1;
	p.col = (uint32_t)cps + 1;
	return p;
}

const char *source_line(struct source *s, uint32_t line, size_t *len)
{
	size_t a, e, lo, hi, want, n;
	struct source_span *c;
	if (!s->blk)
		build_index(s);
	if (line == 0 || line > s->nlines)
		return NULL;
	/* the output asks for the same one or two lines over and over */
	for (c = s->seen; c < s->seen + 2; c++)
		if (c->line == line) {
			*len = c->end - c->start;
			return s->buf + c->start;
		}
	want = line - 1;
	a = 0;
	if (want) {
		/* the last block with fewer breaks before it than want: the
		 * want-th break ends in it */
		lo = 0;
		hi = (s->len >> BLK_SHIFT) + 1;
		while (hi - lo > 1) {
			size_t mid = (lo + hi) / 2;
			if (s->blk[2 * mid] < want)
				lo = mid;
			else
				hi = mid;
		}
		a = lo << BLK_SHIFT;
		for (n = s->blk[2 * lo]; n < want; n++)
			a = next_break(s, a) + 1;
	}
	e = next_break(s, a);
	while (e > a && (s->buf[e - 1] == '\r' || s->buf[e - 1] == '\n'))
		e--;
	c = &s->seen[s->seen_next];
	s->seen_next ^= 1;
	c->line = line;
	c->start = a;
	c->end = e;
	*len = e - a;
	return s->buf + a;
}
