/* test_source_pos.c - source_pos() against a plain count from the start of
 * the buffer, and source_line() against a plain split: LF, CRLF and lone CR
 * line ends, a byte-order mark, multi-byte characters, and lines long
 * enough to cross many of the line index's 512-byte blocks, with a CRLF
 * split across a block's first byte. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "source.h"

static int fails;

/* source_line() against a plain split, asked in an order that goes back and
 * forth (the index remembers the last two lines it found). */
static void check_lines(const char *what, const char *b, size_t len)
{
	struct source s;
	size_t *start = malloc((len + 2) * sizeof(*start)), n = 0, i, k;
	size_t *end = malloc((len + 2) * sizeof(*end));
	int bad = 0;

	start[0] = 0;
	for (i = 0; i < len; i++) {
		if (b[i] == '\n' || (b[i] == '\r' && !(i + 1 < len && b[i + 1] == '\n'))) {
			end[n] = i > start[n] && b[i] == '\n' && b[i - 1] == '\r' ? i - 1 : i;
			start[++n] = i + 1;
		}
	}
	end[n++] = len;
	source_from_mem(&s, what, b, len);
	for (k = 0; k < 3 * n + 4 && bad < 3; k++) {
		/* 1, 2, 1, 3, 2, 4, 3...: and past the end */
		uint32_t line = (uint32_t)(k / 2 + 1 - (k % 2 ? 1 : 0));
		size_t got_len = 0;
		const char *got;
		if (line == 0)
			line = 1;
		got = source_line(&s, line, &got_len);
		if (line > n ? got != NULL
			     : (!got || (size_t)(got - s.buf) != start[line - 1] ||
				got_len != end[line - 1] - start[line - 1])) {
			printf("test_source_pos.c: %s: line %u: got %s %zu+%zu\n",
			       what, line, got ? "" : "NULL", got ? (size_t)(got - s.buf) : 0,
			       got_len);
			fails++;
			bad++;
		}
	}
	if (source_line(&s, 0, &i) != NULL) {
		printf("test_source_pos.c: %s: line 0 is not NULL\n", what);
		fails++;
	}
	source_free(&s);
	free(start);
	free(end);
}

/* The definition, written the plain way: one walk from byte 0 gives the
 * expected position of every offset in turn. */
static void check_all(const char *what, const char *b, size_t len)
{
	struct source s;
	struct pos want = { 1, 1 };
	size_t off, i = 0;
	int bad = 0, bom = len >= 3 && memcmp(b, "\xEF\xBB\xBF", 3) == 0;

	source_from_mem(&s, what, b, len);
	if (bom)
		i = 3;
	for (off = 0; off <= len + 1 && bad < 3; off++) {
		struct pos got = source_pos(&s, off);
		if (bom && off > 0 && off < 3)
			continue; /* inside the byte-order mark: no position */
		/* advance the plain walk to off (the BOM takes no column) */
		for (; i < off && i < len; i++) {
			unsigned char c = (unsigned char)b[i];
			if (c == '\n' ||
			    (c == '\r' && !(i + 1 < len && b[i + 1] == '\n'))) {
				want.line++;
				want.col = 1;
			} else if ((c & 0xC0) != 0x80) {
				want.col++;
			}
		}
		if (got.line != want.line || got.col != want.col) {
			printf("test_source_pos.c: %s: offset %zu: got %u:%u, want %u:%u\n",
			       what, off, got.line, got.col, want.line, want.col);
			fails++;
			bad++;
		}
	}
	source_free(&s);
	check_lines(what, b, len);
}

static unsigned long long rng = 88172645463325252ULL;

static unsigned next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng >> 11);
}

int main(void)
{
	static const char *const pieces[] = {
		"a", "bc", " ", "\n", "\r\n", "\r", "\xC3\xA9", "\xE2\x82\xAC",
		"\xF0\x9F\x98\x80", "\t", "{\"k\": 1}",
	};
	size_t np = sizeof(pieces) / sizeof(pieces[0]);
	char *b = malloc(70000);
	size_t len, i;
	int round;

	check_all("empty", "", 0);
	check_all("bom only", "\xEF\xBB\xBF", 3);
	check_all("lines", "a\nbc\r\nd\re", 9);

	/* one long line: exactly on, before and after checkpoints, with and
	 * without a BOM, ending in every kind of line break */
	for (round = 0; round < 8; round++) {
		size_t n = 4096 * 3 + (size_t)(round % 4) - 1;
		len = 0;
		if (round >= 4) {
			memcpy(b, "\xEF\xBB\xBF", 3);
			len = 3;
		}
		while (len < n) {
			const char *p = pieces[next() % 3 == 0 ? 6 : 0];
			memcpy(b + len, p, strlen(p));
			len += strlen(p);
		}
		memcpy(b + len, round % 2 ? "\r\n" : "\r", round % 2 ? 2 : 1);
		len += round % 2 ? 2 : 1;
		check_all("long line", b, len);
	}

	/* random mixes of short and long lines, CRLF split across a
	 * checkpoint included by chance */
	for (round = 0; round < 40; round++) {
		size_t target = 1000 + next() % 60000;
		len = 0;
		if (round % 5 == 0) {
			memcpy(b, "\xEF\xBB\xBF", 3);
			len = 3;
		}
		while (len + 8 < target) {
			const char *p;
			unsigned r = next() % 100;
			p = r < 2 ? pieces[3 + next() % 3] : pieces[next() % np];
			memcpy(b + len, p, strlen(p));
			len += strlen(p);
		}
		check_all("random", b, len);
	}
	/* a CRLF whose LF sits exactly on a checkpoint */
	memset(b, 'x', 4095);
	b[4095] = '\r';
	b[4096] = '\n';
	memset(b + 4097, 'y', 5000);
	check_all("crlf on checkpoint", b, 9097);
	for (i = 0; i < 3; i++) {
		memset(b, 'x', 8192 + i);
		check_all("multiple of 4096", b, 8192 + i - 1);
	}
	free(b);
	if (fails) {
		printf("test_source_pos: %d failures\n", fails);
		return 1;
	}
	return 0;
}
