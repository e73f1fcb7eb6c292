/* out_text.c - text output for people: the gnu line, the source line with
 * ^~~~ under the span (tabs expanded, wide characters and control
 * characters shown so that carets stay in place), hint and note lines, and
 * a one-line summary. It reads the source line a diagnostic points at
 * through source_line(); never a document tree. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "strbuf.h"
#include "diag.h"
#include "output_impl.h"
#include "utf8.h"
#include "source.h"

/* Source lines of more characters than this are cut around the span. */
#define SNIPPET_WIDTH 100
/* Characters kept before the span's start when a long line is cut. */
#define SNIPPET_BEFORE 30
#define TAB_STOP 8
/* Longest line (bytes) on which a note's position is shown with its line. */
#define RELATED_LINE_MAX 16384

/* Byte offset in line p[0..len) of 1-based column col, counted as
 * source_pos() counts: one column per byte that is not a UTF-8 continuation
 * byte. Past the end of the line: len, with the missing columns in
 * *beyond (a caret after the last character lands to its right). */
static size_t col_to_byte(const char *p, size_t len, uint32_t col,
			  size_t *beyond)
{
	size_t i;
	uint32_t c = 0;

	*beyond = 0;
	for (i = 0; i < len; i++) {
		if (((unsigned char)p[i] & 0xc0) != 0x80 && ++c == col)
			return i;
	}
	*beyond = col > c + 1 ? col - c - 1 : 0;
	return len;
}

/* Start of the code point that contains byte i of p (UTF-8 continuation
 * bytes are 10xxxxxx). */
static size_t cp_start(const char *p, size_t i)
{
	size_t k = 0;

	while (i > 0 && k < 3 && ((unsigned char)p[i] & 0xc0) == 0x80)
		i--, k++;
	return i;
}

/* Step back up to `count` code points from byte i. */
static size_t back_cps(const char *p, size_t i, unsigned count)
{
	while (count-- && i > 0)
		i = cp_start(p, i - 1);
	return i;
}

/* East Asian wide and fullwidth characters (and emoji) take two terminal
 * cells; the caret line follows so that carets stay under them. The
 * common blocks suffice: an exotic one only shifts a caret. */
static int is_wide(long cp)
{
	static const long ranges[][2] = {
		{ 0x1100, 0x115f }, { 0x2e80, 0x303e }, { 0x3041, 0x33ff },
		{ 0x3400, 0x4dbf }, { 0x4e00, 0x9fff }, { 0xa000, 0xa4cf },
		{ 0xac00, 0xd7a3 }, { 0xf900, 0xfaff }, { 0xfe30, 0xfe4f },
		{ 0xff00, 0xff60 }, { 0xffe0, 0xffe6 }, { 0x1f300, 0x1f64f },
		{ 0x1f900, 0x1f9ff }, { 0x20000, 0x3fffd },
	};
	size_t i;

	for (i = 0; i < sizeof(ranges) / sizeof(ranges[0]); i++)
		if (cp >= ranges[i][0] && cp <= ranges[i][1])
			return 1;
	return 0;
}

/* Append the display form of one code point to b, returning its width in
 * terminal cells. Tabs expand to the next tab stop; wide characters take
 * two cells; control characters show as their Unicode control pictures;
 * invalid bytes, C1 controls and bidi controls as U+FFFD, so the line
 * displays as it is stored and cannot reorder or drive the terminal. */
static unsigned glyph(struct strbuf *b, const char *s, size_t k, long cp,
		      unsigned col)
{
	char pic[4];
	unsigned w;

	if (cp == '\t') {
		w = TAB_STOP - col % TAB_STOP;
		strbuf_add(b, "        ", w);
		return w;
	}
	if ((cp >= 0 && cp < 0x20) || cp == 0x7f) {
		long v = cp == 0x7f ? 0x2421 : 0x2400 + cp;

		pic[0] = (char)(0xe0 | (v >> 12));
		pic[1] = (char)(0x80 | ((v >> 6) & 0x3f));
		pic[2] = (char)(0x80 | (v & 0x3f));
		strbuf_add(b, pic, 3);
		return 1;
	}
	if (cp < 0 && ((unsigned char)*s & 0xc0) == 0x80) {
		/* A stray continuation byte: no column of its own (see
		 * source_pos()); the invalid byte before it shows already. */
		return 0;
	}
	if (cp < 0 || (cp >= 0x80 && cp <= 0x9f) || out_is_bidi_control(cp)) {
		strbuf_add(b, "\xef\xbf\xbd", 3);
		return 1;
	}
	strbuf_add(b, s, k);
	return is_wide(cp) ? 2 : 1;
}

struct text_ctx {
	FILE *fp;
	const struct rule_table *rules;
	int color;
	struct strbuf src, mark; /* on the heap */
};

/* Print source line `line` (p, len) with a caret line under its bytes
 * [cb, ce): '^' under the first column, '~' under the rest. ce == cb gives a
 * single caret; cb == len a caret after the last character, `beyond` more
 * columns to the right for a position past the end of the line. */
static void snippet(struct text_ctx *t, uint32_t line, const char *p,
		    size_t len, size_t cb, size_t beyond, size_t ce)
{
	size_t ws = 0, i, k, cps;
	unsigned col = 0, w, limit = SNIPPET_WIDTH;
	int cut = 0, cut_right = 0, caret = 0;
	long cp;

	if (ce < cb)
		ce = cb;
	/* A line of more code points than fit is cut to a window that starts
	 * a little before the span. */
	for (i = 0, cps = 0; i < len && cps <= SNIPPET_WIDTH; cps++)
		i += utf8_decode((const unsigned char *)p + i, len - i, &cp);
	if (cps > SNIPPET_WIDTH) {
		cut = 1;
		ws = back_cps(p, cb, SNIPPET_BEFORE);
	}
	t->src.n = t->mark.n = 0;
	if (ws > 0) {
		strbuf_add(&t->src, "...", 3);
		strbuf_add(&t->mark, "   ", 3);
		col = 3;
		limit += 3;
	}
	for (i = ws; i < len; i += k) {
		if (cut && col >= limit && i > cb) {
			cut_right = 1;
			break;
		}
		k = utf8_decode((const unsigned char *)p + i, len - i, &cp);
		w = glyph(&t->src, p + i, k, cp, col);
		col += w;
		while (w--) {
			if (i < cb || (i >= ce && i != cb)) {
				strbuf_add(&t->mark, " ", 1);
			} else if (!caret) {
				strbuf_add(&t->mark, "^", 1);
				caret = 1;
			} else {
				strbuf_add(&t->mark, "~", 1);
			}
		}
	}
	if (cut_right)
		strbuf_add(&t->src, "...", 3);
	if (!caret) {
		/* At or past the end of the line. */
		for (i = 0; i < beyond; i++)
			strbuf_add(&t->mark, " ", 1);
		strbuf_add(&t->mark, "^", 1);
	}
	/* The caret line never ends in blanks. */
	while (t->mark.n && t->mark.s[t->mark.n - 1] == ' ')
		t->mark.s[--t->mark.n] = '\0';

	if (t->src.n)
		fprintf(t->fp, "%5u | %s\n", (unsigned)line, t->src.s);
	else
		fprintf(t->fp, "%5u |\n", (unsigned)line);
	fprintf(t->fp, "      | %s%s%s\n", t->color ? C_CARET : "",
		t->mark.n ? t->mark.s : "", t->color ? C_RESET : "");
}

/* Text of line `line` of s without its line break, and without the
 * byte-order mark on line 1, which takes no column (see source_pos()) and
 * is not shown. NULL past the end. */
static const char *line_text(struct source *s, uint32_t line, size_t *len)
{
	const char *p = source_line(s, line, len);

	if (p && line == 1 && *len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0) {
		p += 3;
		*len -= 3;
	}
	return p;
}

/* The byte span of diagnostic d within its first line (p, len at byte
 * offset `base` of the file). The positions are authoritative; the byte
 * offsets only serve long lines, where counting code points from the start
 * of the line for every diagnostic would be quadratic. */
static void span_in_line(const struct diag *d, const char *p, size_t len,
			 size_t base, size_t *cb, size_t *beyond, size_t *ce)
{
	size_t b2;

	*beyond = 0;
	if (len > 4 * SNIPPET_WIDTH && d->start >= base &&
	    d->start <= base + len) {
		*cb = d->start - base;
		if (d->end_pos.line == d->pos.line && d->end >= d->start &&
		    d->end <= base + len)
			*ce = d->end - base;
		else
			*ce = len;
		return;
	}
	*cb = col_to_byte(p, len, d->pos.col ? d->pos.col : 1, beyond);
	if (d->end_pos.line > d->pos.line)
		*ce = len;
	else if (d->end_pos.line == d->pos.line && d->end_pos.col > d->pos.col)
		*ce = col_to_byte(p, len, d->end_pos.col, &b2);
	else
		*ce = *cb;
}

static void put_note(struct text_ctx *t, struct file *f, const struct diag *d)
{
	FILE *fp = t->fp;
	const char *p;
	size_t len, cb, beyond;

	if (t->color)
		fputs(C_BOLD, fp);
	out_put_escaped(fp, out_file_name(f));
	if (d->related.line)
		fprintf(fp, ":%u:%u", (unsigned)d->related.line,
			(unsigned)(d->related.col ? d->related.col : 1));
	fprintf(fp, ":%s %snote:%s ", t->color ? C_RESET : "",
		t->color ? C_NOTE : "", t->color ? C_RESET : "");
	out_put_escaped(fp, d->related_msg ? d->related_msg : "related location");
	fputc('\n', fp);
	if (!d->related.line || f->io_error)
		return;
	/* Only a position is known here, no byte offset: finding the column
	 * walks the line, so on a huge minified line the note goes without
	 * its source line rather than cost time for every diagnostic. */
	p = line_text(&f->src, d->related.line, &len);
	if (!p || len > RELATED_LINE_MAX)
		return;
	cb = col_to_byte(p, len, d->related.col ? d->related.col : 1, &beyond);
	snippet(t, d->related.line, p, len, cb, beyond, cb);
}

static void write_text_diag(struct text_ctx *t, struct file *f,
			    const struct diag *d)
{
	const char *p;
	size_t len, cb, ce, beyond;
	uint32_t i;

	out_first_line(t->fp, t->rules, f, d, t->color);
	/* A file that could not be read (over the size limit) has no lines
	 * to show. */
	if (d->pos.line && !f->io_error) {
		p = line_text(&f->src, d->pos.line, &len);
		if (p) {
			span_in_line(d, p, len, (size_t)(p - f->src.buf), &cb,
				     &beyond, &ce);
			snippet(t, d->pos.line, p, len, cb, beyond, ce);
		}
	}
	if (d->hint) {
		fprintf(t->fp, "%shint:%s ", t->color ? C_HINT : "",
			t->color ? C_RESET : "");
		out_put_escaped(t->fp, d->hint);
		fputc('\n', t->fp);
	}
	for (i = 0; i < d->nfixes; i++) {
		fprintf(t->fp, "%sfix%s:%s ", t->color ? C_HINT : "",
			d->fixes[i].safe ? "" : " (unsafe)", t->color ? C_RESET : "");
		out_put_escaped(t->fp, d->fixes[i].title ? d->fixes[i].title : "");
		fputc('\n', t->fp);
	}
	if (d->has_related)
		put_note(t, f, d);
}

/* Shown findings with a safe fix (*safe) and with only unsafe ones. */
static void count_fixable(struct file **files, size_t n, size_t *safe,
			  size_t *unsafe)
{
	size_t i, j;
	uint32_t k;
	*safe = *unsafe = 0;
	for (i = 0; i < n; i++)
		for (j = 0; j < files[i]->diags.n; j++) {
			const struct diag *d = &files[i]->diags.v[j];
			int s = 0, u = 0;
			if (!OUT_SHOWN(d))
				continue;
			for (k = 0; k < d->nfixes; k++)
				if (d->fixes[k].safe)
					s = 1;
				else
					u = 1;
			*safe += s;
			*unsafe += !s && u;
		}
}

static void put_count(FILE *fp, size_t n, const char *one, const char *many,
		      int *first)
{
	char buf[32];
	if (!n)
		return;
	fprintf(fp, "%s%s %s", *first ? "" : ", ", out_thousands(n, buf),
		n == 1 ? one : many);
	*first = 0;
}

static void write_summary(FILE *fp, const struct out_counts *c,
			  const struct out_opts *o)
{
	int first = 1;

	char a[32], b[32];
	size_t read = c->files;

	if (c->errors + c->warnings + c->infos == 0) {
		fprintf(fp, "no problems in %s file%s", out_thousands(c->files, a),
			c->files == 1 ? "" : "s");
	} else {
		put_count(fp, c->errors, "error", "errors", &first);
		put_count(fp, c->warnings, "warning", "warnings", &first);
		put_count(fp, c->infos, "info", "infos", &first);
		/* "in 716 of 5,001 files": how many were looked at too */
		if (c->with_diags < read)
			fprintf(fp, " in %s of %s files",
				out_thousands(c->with_diags, a), out_thousands(read, b));
		else
			fprintf(fp, " in %s file%s", out_thousands(c->with_diags, a),
				c->with_diags == 1 ? "" : "s");
	}
	if (c->suppressed)
		fprintf(fp, " (%s suppressed)", out_thousands(c->suppressed, a));
	if (o->baseline)
		fprintf(fp, "; %s more in the baseline, not shown; %s fixed since the "
			"baseline", out_thousands(c->baselined, a),
			out_thousands(o->baseline_fixed, b));
	if (o->fixable)
		fprintf(fp, "; %s fixable with --fix", out_thousands(o->fixable, a));
	if (o->unsafe_fixable)
		fprintf(fp, "; %s more with --unsafe-fixes",
			out_thousands(o->unsafe_fixable, a));
	if (c->unreadable)
		fprintf(fp, "; %s file%s could not be read",
			out_thousands(c->unreadable, a), c->unreadable == 1 ? "" : "s");
	fputc('\n', fp);
}

void out_write_text(FILE *fp, struct file **files, size_t n,
		    const struct out_opts *o)
{
	struct text_ctx t = { .fp = fp, .rules = o->rules, .color = o->color };
	struct out_opts oc = *o;
	struct out_counts c;
	size_t i, j;

	for (i = 0; i < n; i++) {
		for (j = 0; j < files[i]->diags.n; j++)
			if (OUT_SHOWN(&files[i]->diags.v[j]))
				write_text_diag(&t, files[i], &files[i]->diags.v[j]);
	}
	free(t.src.s);
	free(t.mark.s);
	if (o->quiet)
		return;
	out_count_all(files, n, &c);
	count_fixable(files, n, &oc.fixable, &oc.unsafe_fixable);
	write_summary(fp, &c, &oc);
}

