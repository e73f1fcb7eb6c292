/* source.h - a file's bytes, its display name and its line index.
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
};

struct pos {
	uint32_t line; /* 1-based */
	uint32_t col;  /* 1-based, in Unicode code points */
};

/* Read `path` ("-" = standard input) up to `max_bytes` bytes. With
 * `regular_only`, anything but a regular file (a FIFO, a socket, a device)
 * is refused without blocking. On failure returns -1 (cannot read), -2
 * (over max_bytes) or -3 (not a regular file) and writes a reason to
 * err[errlen]. */
int source_read(struct source *s, const char *path, const char *display,
		size_t max_bytes, int regular_only, char *err, size_t errlen);
/* Wrap an in-memory buffer (copied). */
void source_from_mem(struct source *s, const char *name, const char *buf,
		     size_t len);
void source_free(struct source *s);

/* Line/column of byte offset `off` (clamped to the buffer). Line breaks are
 * LF, CRLF and lone CR. */
struct pos source_pos(struct source *s, size_t off);
/* The text of 1-based line `line` without its line break; *len receives its
 * length. Returns NULL past the end. */
const char *source_line(struct source *s, uint32_t line, size_t *len);

#endif
