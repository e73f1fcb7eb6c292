/* test_source_map.c - a big file read by mapping it (SRC_MAP) gives the
 * same bytes, positions and lines as the same text read into memory, before
 * and after its pages are given back (source_done_before()); source_bytes()
 * gives every byte of a range, a chunk at a time; and a mapped file cut
 * short under backuplint ends the process with status 2 and a message
 * naming it, not with a signal. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "source.h"

static int fails;
static uint64_t rng = 0x2545F4914F6CDD1DULL;

static unsigned next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng >> 11);
}

#define FAIL(...)                                                     \
	do {                                                          \
		printf("test_source_map.c: " __VA_ARGS__);            \
		printf("\n");                                         \
		fails++;                                              \
	} while (0)

/* The process's resident pages of mapped files, in KiB (-1: unknown). */
static long rss_file(void)
{
	FILE *fp = fopen("/proc/self/status", "r");
	char line[256];
	long kb = -1;
	while (fp && fgets(line, sizeof(line), fp))
		if (sscanf(line, "RssFile: %ld", &kb) == 1)
			break;
	if (fp)
		fclose(fp);
	return kb;
}

static void write_file(const char *path, const char *b, size_t len)
{
	FILE *fp = fopen(path, "wb");
	if (!fp || fwrite(b, 1, len, fp) != len || fclose(fp) != 0) {
		printf("test_source_map.c: cannot write %s: %s\n", path, strerror(errno));
		exit(2);
	}
}

/* Text of len bytes: LF, CRLF and lone CR line ends, multi-byte
 * characters, some long lines. */
static char *make_text(size_t len)
{
	static const char *const pieces[] = {
		"a", "bc", " ", "\n", "\r\n", "\r", "\xC3\xA9", "\xE2\x82\xAC",
		"\xF0\x9F\x98\x80", "\t", "{\"k\": 1}", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
	};
	char *b = malloc(len + 1);
	size_t n = 0;
	while (n < len) {
		const char *p = pieces[next() % (sizeof(pieces) / sizeof(pieces[0]))];
		size_t l = strlen(p);
		if (n + l > len)
			p = "z", l = 1;
		memcpy(b + n, p, l);
		n += l;
	}
	b[len] = '\0';
	return b;
}

/* Positions of the mapped source s against ref, at offsets on and around
 * the line index's blocks and at random ones, and its bytes. */
static void compare(const char *what, struct source *s, struct source *ref)
{
	size_t i, len = ref->len;
	int bad = 0;
	for (i = 0; i < 6000 && bad < 3; i++) {
		size_t off = i < 3000 ? (i / 3) * 512 + i % 3 - 1 : next() % (len + 2);
		struct pos a, b;
		if (off > len + 1)
			continue;
		a = source_pos(s, off);
		b = source_pos(ref, off);
		if (a.line != b.line || a.col != b.col) {
			FAIL("%s: offset %zu at %u:%u, in memory %u:%u", what, off,
			     a.line, a.col, b.line, b.col);
			bad++;
		}
	}
	/* ranges, some longer than a chunk, read a chunk at a time */
	for (i = 0; i < 200 && bad < 3; i++) {
		size_t a = next() % len, e = a + next() % (3 * SRC_CHUNK), at, n;
		char tmp[SRC_CHUNK];
		if (e > len)
			e = len;
		for (at = a; at < e; at += n) {
			const char *p = source_bytes(s, at, e, tmp, &n);
			if (n == 0 || n > e - at || memcmp(p, ref->buf + at, n) != 0) {
				FAIL("%s: bytes [%zu, %zu) differ at %zu (%zu given)", what,
				     a, e, at, n);
				bad++;
				break;
			}
		}
	}
}

/* Lines of s against ref (a line is read in place, mapped or not). */
static void compare_lines(const char *what, struct source *s, struct source *ref)
{
	size_t i;
	int bad = 0;
	for (i = 0; i < 300 && bad < 3; i++) {
		uint32_t line = (uint32_t)(next() % (ref->nlines + 2));
		size_t la = 0, lb = 0;
		const char *a = source_line(s, line, &la), *b = source_line(ref, line, &lb);
		if (!a != !b || (a && (la != lb || memcmp(a, b, la) != 0))) {
			FAIL("%s: line %u differs", what, line);
			bad++;
		}
	}
}

static void check_mapped(const char *dir, size_t len)
{
	char path[512], what[64];
	char err[256];
	char *text = make_text(len);
	struct source s, ref;
	long before, after;

	snprintf(path, sizeof(path), "%s/big-%zu.txt", dir, len);
	snprintf(what, sizeof(what), "%zu bytes", len);
	write_file(path, text, len);
	if (source_read(&s, path, NULL, (size_t)64 << 20, SRC_MAP, err, sizeof(err)) != 0) {
		FAIL("%s: not read: %s", what, err);
		free(text);
		return;
	}
	source_from_mem(&ref, path, text, len);
	if (!s.maplen)
		FAIL("%s: read, not mapped", what);
	if (s.len != len || memcmp(s.buf, text, len) != 0 || s.buf[len] != '\0')
		FAIL("%s: the mapped bytes differ, or no NUL follows them", what);
	compare(what, &s, &ref);
	compare_lines(what, &s, &ref);
	/* the pages given back (half, then all): read again the same */
	source_done_before(&s, len / 2 + 77);
	if (s.dropped != ((len / 2 + 77) & ~(size_t)4095) && s.dropped != 0)
		FAIL("%s: %zu bytes given back for %zu asked", what, s.dropped, len / 2 + 77);
	compare(what, &s, &ref);
	compare_lines(what, &s, &ref);
	source_done_before(&s, len);
	/* positions and ranges read given-back pages from the file: they
	 * do not map them again (the pages around too) */
	before = rss_file();
	compare(what, &s, &ref);
	after = rss_file();
	if (before >= 0 && after - before > 256)
		FAIL("%s: reading given-back pages mapped %ld KiB again", what,
		     after - before);
	compare_lines(what, &s, &ref);
	if (memcmp(s.buf, text, len) != 0)
		FAIL("%s: the mapping reads differently once given back", what);
	source_free(&s);
	source_free(&ref);

	/* not mapped: without SRC_MAP, and under SRC_MAP_MIN */
	if (source_read(&s, path, NULL, (size_t)64 << 20, 0, err, sizeof(err)) != 0 ||
	    s.maplen)
		FAIL("%s: mapped without SRC_MAP", what);
	source_free(&s);
	free(text);
}

/* A mapped file cut short: touching a lost page (directly, or through a
 * position) ends a child with status 2 and the file's name. */
static void check_cut(const char *dir, int through_pos)
{
	char path[512], err[256], msg[512];
	size_t len = SRC_MAP_MIN + 100000;
	char *text = make_text(len);
	int fds[2], st;
	size_t got;
	ssize_t n;
	pid_t pid;

	snprintf(path, sizeof(path), "%s/cut.txt", dir);
	write_file(path, text, len);
	free(text);
	if (pipe(fds) != 0)
		exit(2);
	pid = fork();
	if (pid == 0) {
		struct source s;
		int fd;
		close(fds[0]);
		dup2(fds[1], 2);
		if (source_read(&s, path, "plans/cut.json", (size_t)64 << 20, SRC_MAP,
				err, sizeof(err)) != 0 || !s.maplen)
			_exit(3);
		source_done_before(&s, len);
		fd = open(path, O_WRONLY | O_TRUNC);
		if (fd < 0)
			_exit(4);
		close(fd);
		if (through_pos) {
			struct pos p = source_pos(&s, len - 10);
			printf("unexpected position %u:%u\n", p.line, p.col);
		} else {
			volatile char c = s.buf[len - 10];
			printf("unexpected byte %d\n", c);
		}
		_exit(0);
	}
	close(fds[1]);
	/* the message may come in several writes */
	for (got = 0; got < sizeof(msg) - 1; got += (size_t)n) {
		n = read(fds[0], msg + got, sizeof(msg) - 1 - got);
		if (n <= 0)
			break;
	}
	msg[got] = '\0';
	close(fds[0]);
	if (waitpid(pid, &st, 0) != pid) {
		FAIL("cut short: no child");
		return;
	}
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 2)
		FAIL("cut short%s: the child ended with %s %d, not status 2",
		     through_pos ? " (a position)" : "",
		     WIFEXITED(st) ? "status" : "signal",
		     WIFEXITED(st) ? WEXITSTATUS(st) : WTERMSIG(st));
	if (!strstr(msg, "backuplint: plans/cut.json: the file was cut short"))
		FAIL("cut short: the message is \"%s\"", msg);
}

int main(void)
{
	char dir[] = "/tmp/backuplint-map-XXXXXX";
	char path[600];

	if (!mkdtemp(dir)) {
		printf("test_source_map.c: mkdtemp: %s\n", strerror(errno));
		return 2;
	}
	check_mapped(dir, SRC_MAP_MIN + 1234);     /* ends inside a page */
	check_mapped(dir, SRC_MAP_MIN + 3 * 4096); /* fills its last page */
	check_cut(dir, 0);
	check_cut(dir, 1);

	snprintf(path, sizeof(path), "%s/cut.txt", dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/big-%zu.txt", dir, SRC_MAP_MIN + 1234);
	unlink(path);
	snprintf(path, sizeof(path), "%s/big-%zu.txt", dir, SRC_MAP_MIN + 3 * 4096);
	unlink(path);
	rmdir(dir);
	if (fails)
		return 1;
	printf("test_source_map.c: ok\n");
	return 0;
}
