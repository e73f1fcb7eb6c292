/* lsp_rpc.c - JSON-RPC framing and LSP positions (see lsp_rpc.h). */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "arena.h"
#include "lsp_rpc.h"
#include "utf8.h"

/* a header section longer than this is not LSP */
#define MAX_HEADER 8192

void rpc_init(struct rpc *r, int fd, FILE *out, size_t max_body)
{
	memset(r, 0, sizeof(*r));
	r->fd = fd;
	r->out = out;
	r->max_body = max_body;
}

void rpc_release(struct rpc *r)
{
	free(r->buf);
	memset(r, 0, sizeof(*r));
}

/* Read more bytes into the buffer: the count, 0 at the end of input. */
static size_t fill(struct rpc *r)
{
	ssize_t n;
	if (r->eof)
		return 0;
	if (r->off > 0 && r->off == r->len)
		r->off = r->len = 0;
	if (r->len == r->cap) {
		if (r->off > 0) {
			memmove(r->buf, r->buf + r->off, r->len - r->off);
			r->len -= r->off;
			r->off = 0;
		}
		if (r->len == r->cap) {
			r->cap = r->cap ? r->cap * 2 : 65536;
			r->buf = xrealloc(r->buf, r->cap + 1);
		}
	}
	do
		n = read(r->fd, r->buf + r->len, r->cap - r->len);
	while (n < 0 && errno == EINTR);
	if (n <= 0) {
		r->eof = 1;
		return 0;
	}
	r->len += (size_t)n;
	return (size_t)n;
}

/* The end of the header section in buf[off..len) (just past the blank
 * line), or 0 when it has not all arrived. */
static size_t header_end(const struct rpc *r)
{
	size_t i;
	for (i = r->off; i + 3 < r->len; i++)
		if (memcmp(r->buf + i, "\r\n\r\n", 4) == 0)
			return i + 4;
	return 0;
}

static int content_length(const char *h, size_t n, size_t *out)
{
	const char *p = h, *end = h + n;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		size_t ll = eol ? (size_t)(eol - p) : (size_t)(end - p);
		if (ll > 15 && strncasecmp(p, "Content-Length:", 15) == 0) {
			const char *q = p + 15;
			unsigned long long v = 0;
			int digits = 0;
			while (q < p + ll && (*q == ' ' || *q == '\t'))
				q++;
			while (q < p + ll && *q >= '0' && *q <= '9' && v < (1ull << 40)) {
				v = v * 10 + (unsigned)(*q++ - '0');
				digits++;
			}
			if (!digits)
				return -1;
			*out = (size_t)v;
			return 0;
		}
		p += ll + 1;
	}
	return -1;
}

int rpc_read(struct rpc *r, char **body, size_t *len)
{
	size_t he, n;

	*body = NULL;
	*len = 0;
	while ((he = header_end(r)) == 0) {
		if (r->len - r->off > MAX_HEADER) {
			/* garbage: drop it, and find the next header */
			r->off = r->len;
			return RPC_BAD_HEADER;
		}
		if (!fill(r))
			return RPC_EOF;
	}
	if (content_length(r->buf + r->off, he - r->off, &n) < 0) {
		r->off = he;
		return RPC_BAD_HEADER;
	}
	r->off = he;
	*len = n;
	if (n > r->max_body) {
		/* skipped as it arrives: never held whole */
		while (n > 0) {
			size_t have = r->len - r->off;
			if (have == 0) {
				if (!fill(r))
					return RPC_EOF;
				continue;
			}
			if (have > n)
				have = n;
			r->off += have;
			n -= have;
		}
		return RPC_TOO_LARGE;
	}
	if (r->off + n > r->cap && r->off > 0) {
		memmove(r->buf, r->buf + r->off, r->len - r->off);
		r->len -= r->off;
		r->off = 0;
	}
	if (n > r->cap) {
		r->cap = n;
		r->buf = xrealloc(r->buf, r->cap + 1);
	}
	while (r->len - r->off < n)
		if (!fill(r))
			return RPC_EOF;
	*body = xmalloc(n + 1);
	memcpy(*body, r->buf + r->off, n);
	(*body)[n] = '\0';
	r->off += n;
	return RPC_MESSAGE;
}

int rpc_pending(struct rpc *r, int timeout_ms)
{
	struct pollfd p;
	if (r->len > r->off)
		return 1;
	if (r->eof)
		return 0;
	p.fd = r->fd;
	p.events = POLLIN;
	p.revents = 0;
	return poll(&p, 1, timeout_ms) > 0;
}

int rpc_write(struct rpc *r, const char *body, size_t len)
{
	if (fprintf(r->out, "Content-Length: %zu\r\n\r\n", len) < 0 ||
	    fwrite(body, 1, len, r->out) != len || fflush(r->out) != 0)
		return -1;
	return 0;
}

/* ---- positions ---- */

/* Code units of the sequence at s[0..n) and its length in *step. */
static unsigned units(const char *s, size_t n, int utf8, size_t *step)
{
	long cp;
	*step = utf8_decode((const unsigned char *)s, n, &cp);
	if (utf8)
		return (unsigned)*step;
	return cp >= 0x10000 ? 2 : 1;
}

size_t lsp_offset(const char *text, size_t len, unsigned line,
		  unsigned character, int utf8)
{
	size_t i = 0, step;
	unsigned l = 0, u = 0;
	while (l < line) {
		while (i < len && text[i] != '\n' && text[i] != '\r')
			i++;
		if (i == len)
			return len;
		if (text[i] == '\r' && i + 1 < len && text[i + 1] == '\n')
			i++;
		i++;
		l++;
	}
	while (i < len && text[i] != '\n' && text[i] != '\r') {
		unsigned k = units(text + i, len - i, utf8, &step);
		if (u + k > character)
			break; /* inside a character: its start */
		u += k;
		i += step;
	}
	return i;
}

void lsp_position(struct source *src, size_t off, int utf8,
		  struct lsp_cursor *cur, unsigned *line, unsigned *character)
{
	struct pos p;
	size_t i, step;
	unsigned u = 0;
	if (off > src->len)
		off = src->len;
	p = source_pos(src, off);
	*line = p.line - 1;
	i = (size_t)(source_line(src, p.line, &step) - src->buf); /* its start */
	if (utf8) {
		*character = (unsigned)(off - i); /* code units are bytes */
		return;
	}
	if (cur && cur->src == src && cur->line == *line && cur->off <= off) {
		i = cur->off;
		u = cur->units;
	}
	for (; i < off; i += step)
		u += units(src->buf + i, src->len - i, utf8, &step);
	*character = u;
	if (cur) {
		cur->src = src;
		cur->line = *line;
		cur->off = i;
		cur->units = u;
	}
}
