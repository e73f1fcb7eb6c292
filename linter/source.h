/* source.h - a file's bytes, its display name and its line index.
 *
 * A big file may be mapped rather than copied (SRC_MAP): its bytes are then
 * the kernel's page cache, which holds them anyway, and once the loader has
 * built a document's tree, source_done_before() gives back the pages it read,
 * so that a 100 MiB file does not stay in memory beside its tree and model.
 * Reading them again later (a finding's line, a fix) faults them back in.
 * A mapped file that is cut short while it is linted would raise SIGBUS on
 * the next read of a lost page: a handler then says which file it was and
 * ends the process with status 2, as any file that cannot be read.
 *
 * Ownership: a source owns its buffer and line index; source_free() releases
 * them. Reading never modifies the file. Failure: source_read() returns -1
 * with a one-line reason in `err` (errno text, or the size limit); encoding
 * problems are not read failures but findings (see source_check_encoding()
 * in lint.c). */
#ifndef BACKUPLINT_SOURCE_H
#define BACKUPLINT_SOURCE_H

#include <stddef.h>
#include <stdint.h>

struct source {
	char *name;          /* as shown in output (path, or --stdin-filename) */
	char *buf;           /* file bytes, NUL-terminated at buf[len] */
	size_t len;
	/* The line index (source.c), built on the first position asked for:
	 * per 512-byte block, the line breaks before it and the code points
	 * from its line's start. */
	uint32_t *blk;
	uint32_t nlines;
	int has_cr;          /* any CR: lone CRs and CRLFs are looked for */
	/* the last two lines source_line() found (line 0: none) */
	struct source_span {
		uint32_t line;
		size_t start, end;
	} seen[2];
	int seen_next;
	/* a mapping (SRC_MAP): its length, the pages given back (those
	 * before `dropped`), and the file, open to read them again */
	size_t maplen, dropped;
	int fd, guard; /* guard: its entry in source.c's SIGBUS table */
};

struct pos {
	uint32_t line; /* 1-based */
	uint32_t col;  /* 1-based, in Unicode code points */
};

enum source_flags {
	SRC_REGULAR_ONLY = 1, /* refuse anything but a regular file */
	SRC_MAP = 2,          /* map a regular file of SRC_MAP_MIN bytes or more */
};
#define SRC_MAP_MIN ((size_t)1 << 20)

/* Read `path` ("-" = standard input) up to `max_bytes` bytes. With
 * SRC_REGULAR_ONLY, anything but a regular file (a FIFO, a socket, a device)
 * is refused without blocking. On failure returns -1 (cannot read), -2
 * (over max_bytes) or -3 (not a regular file) and writes a reason to
 * err[errlen]. */
int source_read(struct source *s, const char *path, const char *display,
		size_t max_bytes, int flags, char *err, size_t errlen);
/* Wrap an in-memory buffer (copied). */
void source_from_mem(struct source *s, const char *name, const char *buf,
		     size_t len);
void source_free(struct source *s);
/* Let a source read into memory go to an empty one (its name kept): for a
 * file nothing will read again unless it is read anew. A mapped source is
 * left as it is (its pages are given back already). */
void source_forget(struct source *s);
/* The loader needs no byte before `off` again: a mapped source builds its
 * line index (the one pass that reads every byte) and gives back the whole
 * pages before `off`. Nothing for a source read into memory. */
void source_done_before(struct source *s, size_t off);

/* The bytes [a, e) of s (e clamped to its length), from a on: returns
 * where they are and writes to *n how many are there, all of them or, for a
 * mapped file's given-back pages, SRC_CHUNK read into tmp. Ask again from
 * a + *n for the rest. */
#define SRC_CHUNK 4096
const char *source_bytes(const struct source *s, size_t a, size_t e,
			 char *tmp, size_t *n);

/* Line/column of byte offset `off` (clamped to the buffer). Line breaks are
 * LF, CRLF and lone CR. */
struct pos source_pos(struct source *s, size_t off);
/* The text of 1-based line `line` without its line break; *len receives its
 * length. Returns NULL past the end. */
const char *source_line(struct source *s, uint32_t line, size_t *len);

#endif
