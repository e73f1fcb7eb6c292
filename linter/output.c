/* output.c - text, gnu, json, sarif and github output; the rule listing.
 *
 * Everything here reads struct diag and the rule table only. The text format
 * also reads the source line a diagnostic points at, through source_line(),
 * to print it with carets under the span. */
#include "output.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "arena.h"
#include "diag.h"
#include "source.h"

#ifndef BACKUPLINT_VERSION
#define BACKUPLINT_VERSION "0.0.0"
#endif
/* Where SARIF consumers send a user who wants to know about the tool:
 * given at build time (-DBACKUPLINT_URL=...), and left out of the log when
 * the build names none rather than pointing at a guess. */

/* Source lines of more characters than this are cut around the span. */
#define SNIPPET_WIDTH 100
/* Characters kept before the span's start when a long line is cut. */
#define SNIPPET_BEFORE 30
#define TAB_STOP 8
/* Longest line (bytes) on which a note's position is shown with its line. */
#define RELATED_LINE_MAX 16384

/* ANSI colours, as clang uses them. */
#define C_RESET "\033[0m"
#define C_BOLD "\033[1m"
#define C_ERROR "\033[1;31m"
#define C_WARNING "\033[1;35m"
#define C_INFO "\033[1;34m"
#define C_NOTE "\033[1;30m"
#define C_CARET "\033[1;32m"
#define C_HINT "\033[1;36m"

static const char *const format_names[] = {
	[OUT_TEXT] = "text",
	[OUT_GNU] = "gnu",
	[OUT_JSON] = "json",
	[OUT_SARIF] = "sarif",
	[OUT_GITHUB] = "github",
};

int out_format_parse(const char *s)
{
	size_t i;

	if (!s)
		return -1;
	for (i = 0; i < sizeof(format_names) / sizeof(format_names[0]); i++)
		if (strcmp(s, format_names[i]) == 0)
			return (int)i;
	return -1;
}

/* ---- small helpers ---- */

/* Decode one UTF-8 sequence at s[0..n). Returns its length and writes the
 * code point to *cp, or returns 1 with *cp = -1 for a byte that does not
 * start a valid sequence (overlong forms, surrogates and values above
 * U+10FFFF are invalid). */
static size_t utf8_decode(const unsigned char *s, size_t n, long *cp)
{
	unsigned char c = s[0];
	size_t len, i;
	long v, min;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		len = 2, v = c & 0x1f, min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3, v = c & 0x0f, min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4, v = c & 0x07, min = 0x10000;
	} else {
		*cp = -1;
		return 1;
	}
	if (len > n) {
		*cp = -1;
		return 1;
	}
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80) {
			*cp = -1;
			return 1;
		}
		v = (v << 6) | (s[i] & 0x3f);
	}
	if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) {
		*cp = -1;
		return 1;
	}
	*cp = v;
	return len;
}

/* Bidirectional formatting characters reorder what a terminal shows (the
 * "Trojan Source" trick); they are never written as they are. */
static int is_bidi_control(long cp)
{
	return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) ||
	       cp == 0x200e || cp == 0x200f || cp == 0x061c;
}

/* Write s with its control characters escaped (\n, \t, \xNN, \u0085,
 * \u202e), so that a message quoting a document value, or a file name, stays
 * on one line and cannot send escape sequences to the terminal or reorder
 * what it shows. */
static void put_escaped(FILE *fp, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t n = strlen(str), i = 0, run = 0, k;
	long cp;

	while (i < n) {
		k = utf8_decode(s + i, n - i, &cp);
		if (cp >= 0x20 && cp != 0x7f && !(cp >= 0x80 && cp <= 0x9f) &&
		    !is_bidi_control(cp)) {
			run += k;
			i += k;
			continue;
		}
		fwrite(s + i - run, 1, run, fp);
		run = 0;
		if (cp == '\n')
			fputs("\\n", fp);
		else if (cp == '\t')
			fputs("\\t", fp);
		else if (cp == '\r')
			fputs("\\r", fp);
		else if (cp < 0 || cp < 0x80)
			fprintf(fp, "\\x%02x", s[i]);
		else
			fprintf(fp, "\\u%04lx", cp);
		i += k;
	}
	fwrite(s + i - run, 1, run, fp);
}

static const char *file_name(const struct file *f)
{
	if (f->src.name)
		return f->src.name;
	return f->arg ? f->arg : "-";
}

static const struct rule *rule_of(const struct rule_table *t,
				  const struct diag *d)
{
	return rule_at(t, d->rule);
}

static const char *sev_word(int sev)
{
	switch (sev) {
	case SEV_ERROR:
		return "error";
	case SEV_WARNING:
		return "warning";
	case SEV_INFO:
		return "info";
	}
	return "note";
}

struct counts {
	size_t files, unreadable, with_diags;
	size_t errors, warnings, infos;
};

static void count_all(struct file **files, size_t n, struct counts *c)
{
	size_t i, j;

	memset(c, 0, sizeof(*c));
	for (i = 0; i < n; i++) {
		const struct file *f = files[i];

		if (f->io_error)
			c->unreadable++;
		else
			c->files++;
		if (f->diags.n)
			c->with_diags++;
		for (j = 0; j < f->diags.n; j++) {
			switch (f->diags.v[j].severity) {
			case SEV_ERROR:
				c->errors++;
				break;
			case SEV_WARNING:
				c->warnings++;
				break;
			default:
				c->infos++;
				break;
			}
		}
	}
}

/* ---- gnu ---- */

/* FILE:LINE:COL: SEVERITY: MESSAGE [ID name]; a diagnostic about the whole
 * file (line 0) has no LINE:COL. */
static void put_first_line(FILE *fp, const struct rule_table *rt,
			   const struct file *f, const struct diag *d, int color)
{
	const struct rule *r = rule_of(rt, d);
	const char *sc;

	if (color)
		fputs(C_BOLD, fp);
	put_escaped(fp, file_name(f));
	if (d->pos.line)
		fprintf(fp, ":%u:%u", (unsigned)d->pos.line,
			(unsigned)(d->pos.col ? d->pos.col : 1));
	fputc(':', fp);
	if (color) {
		switch (d->severity) {
		case SEV_ERROR:
			sc = C_ERROR;
			break;
		case SEV_WARNING:
			sc = C_WARNING;
			break;
		default:
			sc = C_INFO;
			break;
		}
		fprintf(fp, C_RESET " %s%s:" C_RESET C_BOLD " ", sc,
			sev_word(d->severity));
	} else {
		fprintf(fp, " %s: ", sev_word(d->severity));
	}
	put_escaped(fp, d->message ? d->message : "");
	if (r)
		fprintf(fp, " [%s %s]", r->id, r->name);
	else
		fprintf(fp, " [rule %d]", d->rule);
	if (color)
		fputs(C_RESET, fp);
	fputc('\n', fp);
}

static void write_gnu(FILE *fp, struct file **files, size_t n,
		      const struct rule_table *rt)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		for (j = 0; j < files[i]->diags.n; j++)
			put_first_line(fp, rt, files[i], &files[i]->diags.v[j], 0);
	}
}

/* ---- text: source line and carets ---- */

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
	if (cp < 0 || (cp >= 0x80 && cp <= 0x9f) || is_bidi_control(cp)) {
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
	put_escaped(fp, file_name(f));
	if (d->related.line)
		fprintf(fp, ":%u:%u", (unsigned)d->related.line,
			(unsigned)(d->related.col ? d->related.col : 1));
	fprintf(fp, ":%s %snote:%s ", t->color ? C_RESET : "",
		t->color ? C_NOTE : "", t->color ? C_RESET : "");
	put_escaped(fp, d->related_msg ? d->related_msg : "related location");
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

	put_first_line(t->fp, t->rules, f, d, t->color);
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
		put_escaped(t->fp, d->hint);
		fputc('\n', t->fp);
	}
	if (d->has_related)
		put_note(t, f, d);
}

static void put_count(FILE *fp, size_t n, const char *one, const char *many,
		      int *first)
{
	if (!n)
		return;
	fprintf(fp, "%s%zu %s", *first ? "" : ", ", n, n == 1 ? one : many);
	*first = 0;
}

static void write_summary(FILE *fp, const struct counts *c)
{
	int first = 1;

	if (c->errors + c->warnings + c->infos == 0) {
		fprintf(fp, "no problems in %zu file%s", c->files,
			c->files == 1 ? "" : "s");
	} else {
		put_count(fp, c->errors, "error", "errors", &first);
		put_count(fp, c->warnings, "warning", "warnings", &first);
		put_count(fp, c->infos, "info", "infos", &first);
		fprintf(fp, " in %zu file%s", c->with_diags,
			c->with_diags == 1 ? "" : "s");
	}
	if (c->unreadable)
		fprintf(fp, "; %zu file%s could not be read", c->unreadable,
			c->unreadable == 1 ? "" : "s");
	fputc('\n', fp);
}

static void write_text(FILE *fp, struct file **files, size_t n,
		       const struct out_opts *o)
{
	struct text_ctx t = { .fp = fp, .rules = o->rules, .color = o->color };
	struct counts c;
	size_t i, j;

	for (i = 0; i < n; i++) {
		for (j = 0; j < files[i]->diags.n; j++)
			write_text_diag(&t, files[i], &files[i]->diags.v[j]);
	}
	free(t.src.s);
	free(t.mark.s);
	if (o->quiet)
		return;
	count_all(files, n, &c);
	write_summary(fp, &c);
}

/* ---- JSON and SARIF share valid UTF-8 strings ---- */

/* A JSON string of s; bytes that are not valid UTF-8 (a file name can hold
 * any byte) become U+FFFD so that the output stays valid JSON. */
static cJSON *jstr(const char *str)
{
	const unsigned char *s = (const unsigned char *)(str ? str : "");
	size_t n = strlen((const char *)s), i, k;
	struct strbuf b = { 0 };
	cJSON *j;
	long cp;

	for (i = 0; i < n; i += k) {
		k = utf8_decode(s + i, n - i, &cp);
		if (cp < 0)
			break;
	}
	if (i >= n)
		return cJSON_CreateString((const char *)s);
	for (i = 0; i < n; i += k) {
		k = utf8_decode(s + i, n - i, &cp);
		if (cp < 0)
			strbuf_add(&b, "\xef\xbf\xbd", 3);
		else
			strbuf_add(&b, (const char *)s + i, k);
	}
	j = cJSON_CreateString(b.s ? b.s : "");
	free(b.s);
	return j;
}

static void jadd(cJSON *obj, const char *key, cJSON *val)
{
	if (!val || !cJSON_AddItemToObject(obj, key, val))
		oom();
}

static cJSON *jnum(double v)
{
	return cJSON_CreateNumber(v);
}

static cJSON *jobj(cJSON *parent, const char *key)
{
	cJSON *o = cJSON_CreateObject();

	if (parent)
		jadd(parent, key, o);
	else if (!o)
		oom();
	return o;
}

static void jpush(cJSON *arr, cJSON *val)
{
	if (!val || !cJSON_AddItemToArray(arr, val))
		oom();
}

/* Print j (compact or indented), then free it. */
static void jprint(FILE *fp, cJSON *j, int pretty)
{
	char *s = pretty ? cJSON_Print(j) : cJSON_PrintUnformatted(j);

	if (!s)
		oom();
	fputs(s, fp);
	cJSON_free(s);
	cJSON_Delete(j);
}

/* ---- json ---- */

static cJSON *json_diag(const struct rule_table *rt, const struct file *f,
			const struct diag *d)
{
	const struct rule *r = rule_of(rt, d);
	cJSON *o = jobj(NULL, NULL), *rel;

	jadd(o, "file", jstr(file_name(f)));
	jadd(o, "line", jnum(d->pos.line));
	jadd(o, "column", jnum(d->pos.line ? (d->pos.col ? d->pos.col : 1) : 0));
	jadd(o, "end_line", jnum(d->end_pos.line));
	jadd(o, "end_column", jnum(d->end_pos.col));
	jadd(o, "severity", jstr(sev_word(d->severity)));
	jadd(o, "rule", jstr(r ? r->id : ""));
	jadd(o, "name", jstr(r ? r->name : ""));
	jadd(o, "message", jstr(d->message));
	jadd(o, "path", jstr(d->path ? d->path : ""));
	jadd(o, "hint", d->hint ? jstr(d->hint) : cJSON_CreateNull());
	if (d->has_related) {
		rel = jobj(o, "related");
		jadd(rel, "line", jnum(d->related.line));
		jadd(rel, "column", jnum(d->related.col));
		jadd(rel, "message", jstr(d->related_msg ? d->related_msg : ""));
	} else {
		jadd(o, "related", cJSON_CreateNull());
	}
	return o;
}

/* One diagnostic a line, printed as it is built, so that memory does not
 * grow with the number of files. */
static void write_json(FILE *fp, struct file **files, size_t n,
		       const struct rule_table *rt)
{
	struct counts c;
	cJSON *sum;
	size_t i, j;
	int first = 1;

	fputs("{\"diagnostics\": [", fp);
	for (i = 0; i < n; i++) {
		for (j = 0; j < files[i]->diags.n; j++) {
			fputs(first ? "\n  " : ",\n  ", fp);
			first = 0;
			jprint(fp, json_diag(rt, files[i], &files[i]->diags.v[j]), 0);
		}
	}
	fputs(first ? "],\n" : "\n],\n", fp);
	count_all(files, n, &c);
	sum = jobj(NULL, NULL);
	jadd(sum, "files", jnum((double)c.files));
	jadd(sum, "unreadable", jnum((double)c.unreadable));
	jadd(sum, "errors", jnum((double)c.errors));
	jadd(sum, "warnings", jnum((double)c.warnings));
	jadd(sum, "infos", jnum((double)c.infos));
	fputs("\"summary\": ", fp);
	jprint(fp, sum, 0);
	fputs("}\n", fp);
}

/* ---- markdown rendering of a rule's documentation ---- */

/* Labels that open a paragraph of a rule's doc ("Bad:", "Why:"). */
static const char *const doc_labels[] = {
	"What it checks", "Why", "Bad", "Good", "Example", "Examples",
	"Note", "Notes", "Fix", "Exceptions", "Limits",
};

static size_t doc_label(const char *line, size_t len)
{
	size_t i, k;

	for (i = 0; i < sizeof(doc_labels) / sizeof(doc_labels[0]); i++) {
		k = strlen(doc_labels[i]);
		if (len > k && memcmp(line, doc_labels[i], k) == 0 &&
		    line[k] == ':')
			return k + 1;
	}
	return 0;
}

static void md_escape(FILE *fp, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (strchr("\\`*_[]<>|", s[i]) && s[i])
			fputc('\\', fp);
		fputc(s[i], fp);
	}
}

/* Render a doc string: prose lines stay paragraphs (a known label such as
 * "Bad:" starts a new one, in bold), lines indented by two spaces become
 * fenced code blocks. */
static void md_doc(FILE *fp, const char *doc)
{
	const char *p = doc, *e;
	size_t len, k;
	int in_code = 0, in_para = 0;

	while (*p) {
		e = strchr(p, '\n');
		len = e ? (size_t)(e - p) : strlen(p);
		if (len >= 2 && p[0] == ' ' && p[1] == ' ') {
			if (!in_code) {
				fputs(in_para ? "\n```\n" : "```\n", fp);
				in_para = 0;
				in_code = 1;
			}
			fwrite(p + 2, 1, len - 2, fp);
			fputc('\n', fp);
		} else if (len == 0) {
			if (in_code)
				fputs("```\n", fp);
			if (in_code || in_para)
				fputc('\n', fp);
			in_code = in_para = 0;
		} else {
			k = doc_label(p, len);
			if (in_code) {
				fputs("```\n\n", fp);
				in_code = 0;
			} else if (in_para && k) {
				fputc('\n', fp);
			}
			if (k) {
				fputs("**", fp);
				fwrite(p, 1, k, fp);
				fputs("**", fp);
			}
			md_escape(fp, p + k, len - k);
			fputc('\n', fp);
			in_para = 1;
		}
		p += len + (e ? 1 : 0);
	}
	if (in_code)
		fputs("```\n", fp);
}

/* A rule's summary, doc and source as Markdown, for docs/rules.md and
 * SARIF's help.markdown; caller frees. */
static char *md_doc_string(const struct rule *r)
{
	char *s = NULL;
	size_t n = 0;
	FILE *m = open_memstream(&s, &n);

	if (!m)
		oom();
	if (r->summary)
		md_escape(m, r->summary, strlen(r->summary));
	fputs("\n\n", m);
	if (r->doc) {
		md_doc(m, r->doc);
		fputc('\n', m);
	}
	if (r->source) {
		fputs("**Source:** ", m);
		md_escape(m, r->source, strlen(r->source));
		fputc('\n', m);
	}
	if (r->flags & RF_FACTS)
		fputs("\nThis rule rests on the AWS facts dataset chosen by "
		      "`--facts spec|current`.\n", m);
	if (fclose(m) != 0 || !s)
		oom();
	return s;
}

/* ---- sarif ---- */

static const char *sarif_level(int sev)
{
	switch (sev) {
	case SEV_ERROR:
		return "error";
	case SEV_WARNING:
		return "warning";
	}
	return "note";
}

/* An absolute path without "." and ".." segments and repeated slashes,
 * resolved lexically (SARIF forbids ".." in file URIs: through a symbolic
 * link it may mean another place on the reader's machine). Caller frees. */
static char *path_normalize(const char *path)
{
	size_t n = strlen(path), o = 0, i = 0, k;
	char *out = xmalloc(n + 2);

	while (i < n) {
		while (i < n && path[i] == '/')
			i++;
		for (k = i; k < n && path[k] != '/'; k++)
			;
		if (k - i == 1 && path[i] == '.') {
			/* nothing */
		} else if (k - i == 2 && path[i] == '.' && path[i + 1] == '.') {
			while (o > 0 && out[o - 1] != '/')
				o--;
			if (o > 0)
				o--;
		} else if (k > i) {
			out[o++] = '/';
			memcpy(out + o, path + i, k - i);
			o += k - i;
		}
		i = k;
	}
	if (o == 0)
		out[o++] = '/';
	out[o] = '\0';
	return out;
}

/* A file name as a URI reference (RFC 3986): relative paths stay relative,
 * absolute ones become file:// URIs; every byte outside the unreserved set
 * and '/' is %-encoded (':' too, so that a first segment never reads as a
 * scheme). Caller frees. */
static char *path_uri(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	char *norm = NULL;
	const unsigned char *s = (const unsigned char *)path;
	struct strbuf b = { 0 };

	if (*s == '/') {
		strbuf_add(&b, "file://", 7);
		norm = path_normalize(path);
		s = (const unsigned char *)norm;
	}
	for (; *s; s++) {
		if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || strchr("-._~/", *s)) {
			strbuf_add(&b, (const char *)s, 1);
		} else {
			strbuf_add(&b, "%", 1);
			strbuf_add(&b, &hex[*s >> 4], 1);
			strbuf_add(&b, &hex[*s & 15], 1);
		}
	}
	free(norm);
	if (!b.s)
		return xstrdup("");
	return b.s;
}

/* Message text ends with a period, as SARIF viewers expect (validator rule
 * SARIF2001). */
static cJSON *sarif_message(const char *msg)
{
	cJSON *m = jobj(NULL, NULL);
	size_t n = msg ? strlen(msg) : 0;
	char *t;

	if (n && !strchr(".!?", msg[n - 1])) {
		t = xmalloc(n + 2);
		memcpy(t, msg, n);
		t[n] = '.';
		t[n + 1] = '\0';
		jadd(m, "text", jstr(t));
		free(t);
	} else {
		jadd(m, "text", jstr(n ? msg : "(no message)."));
	}
	return m;
}

/* The first paragraph of a doc, lines joined: SARIF's fullDescription. */
static char *first_paragraph(const char *doc)
{
	const char *e = strstr(doc, "\n\n");
	size_t n = e ? (size_t)(e - doc) : strlen(doc), i;
	char *s = xmalloc(n + 1);

	for (i = 0; i < n; i++)
		s[i] = doc[i] == '\n' ? ' ' : doc[i];
	while (n && s[n - 1] == ' ')
		n--;
	s[n] = '\0';
	return s;
}

static cJSON *sarif_rule(const struct rule *r)
{
	cJSON *o = jobj(NULL, NULL), *x, *props;
	struct strbuf help = { 0 };
	const char *t;
	char *s;

	jadd(o, "id", jstr(r->id));
	jadd(o, "name", jstr(r->name));
	jadd(jobj(o, "shortDescription"), "text", jstr(r->summary));
	s = first_paragraph(r->doc ? r->doc : (r->summary ? r->summary : ""));
	jadd(jobj(o, "fullDescription"), "text", jstr(*s ? s : r->summary));
	free(s);
	x = jobj(o, "help");
	t = r->summary ? r->summary : "";
	strbuf_add(&help, t, strlen(t));
	strbuf_add(&help, "\n\n", 2);
	t = r->doc ? r->doc : "";
	strbuf_add(&help, t, strlen(t));
	if (r->source) {
		strbuf_add(&help, "\nSource: ", 9);
		strbuf_add(&help, r->source, strlen(r->source));
		strbuf_add(&help, "\n", 1);
	}
	jadd(x, "text", jstr(help.s));
	free(help.s);
	s = md_doc_string(r);
	jadd(x, "markdown", jstr(s));
	free(s);
	jadd(jobj(o, "defaultConfiguration"), "level",
	     jstr(sarif_level(r->severity)));
	props = jobj(o, "properties");
	if (r->source)
		jadd(props, "source", jstr(r->source));
	jadd(props, "facts", cJSON_CreateBool(!!(r->flags & RF_FACTS)));
	return o;
}

static cJSON *sarif_region(struct pos start, struct pos end)
{
	cJSON *g = jobj(NULL, NULL);
	uint32_t sc = start.col ? start.col : 1;

	jadd(g, "startLine", jnum(start.line));
	jadd(g, "startColumn", jnum(sc));
	/* Keep the region consistent (SARIF1007) even if a producer left
	 * the end unset or before the start. */
	if (end.line < start.line || (end.line == start.line && end.col < sc)) {
		end.line = start.line;
		end.col = sc;
	}
	jadd(g, "endLine", jnum(end.line));
	jadd(g, "endColumn", jnum(end.col ? end.col : 1));
	return g;
}

static cJSON *sarif_physical(const char *uri, long artifact,
			     const struct pos *start, const struct pos *end)
{
	cJSON *p = jobj(NULL, NULL), *a;

	a = jobj(p, "artifactLocation");
	jadd(a, "uri", jstr(uri));
	if (artifact >= 0)
		jadd(a, "index", jnum((double)artifact));
	if (start && start->line) {
		if (end) {
			jadd(p, "region", sarif_region(*start, *end));
		} else {
			cJSON *g = jobj(p, "region");

			jadd(g, "startLine", jnum(start->line));
			jadd(g, "startColumn",
			     jnum(start->col ? start->col : 1));
		}
	}
	return p;
}

/* Longest span or context (bytes) copied into the log as a snippet. */
#define SARIF_SNIPPET_MAX 1024

/* {"text": bytes a..b of f}, or NULL when the text is too long or holds a
 * NUL byte. */
static cJSON *sarif_text(struct file *f, size_t a, size_t b)
{
	cJSON *o;
	char *t;

	if (b <= a || b > f->src.len || b - a > SARIF_SNIPPET_MAX ||
	    memchr(f->src.buf + a, '\0', b - a))
		return NULL;
	t = xmalloc(b - a + 1);
	memcpy(t, f->src.buf + a, b - a);
	t[b - a] = '\0';
	o = jobj(NULL, NULL);
	jadd(o, "text", jstr(t));
	free(t);
	return o;
}

/* The span's text as region.snippet, and the whole lines around it as
 * contextRegion, so that a viewer without the file can show them. */
static void sarif_snippets(cJSON *phys, struct file *f, const struct diag *d)
{
	cJSON *region = cJSON_GetObjectItemCaseSensitive(phys, "region");
	cJSON *snip, *ctx;
	const char *first, *last;
	size_t len1, len2, a, b;
	uint32_t end_line;

	if (!region || f->io_error)
		return;
	snip = sarif_text(f, d->start, d->end);
	if (snip)
		jadd(region, "snippet", snip);
	end_line = d->end_pos.line > d->pos.line ? d->end_pos.line : d->pos.line;
	first = source_line(&f->src, d->pos.line, &len1);
	last = source_line(&f->src, end_line, &len2);
	if (!first || !last)
		return;
	a = (size_t)(first - f->src.buf);
	b = (size_t)(last - f->src.buf) + len2;
	snip = sarif_text(f, a, b);
	if (!snip)
		return;
	ctx = jobj(phys, "contextRegion");
	jadd(ctx, "startLine", jnum(d->pos.line));
	jadd(ctx, "endLine", jnum(end_line));
	jadd(ctx, "snippet", snip);
}

static cJSON *sarif_result(const struct rule_table *rt, struct file *f,
			   const struct diag *d, const char *uri, long artifact,
			   const long *rule_index)
{
	const struct rule *r = rule_of(rt, d);
	cJSON *o = jobj(NULL, NULL), *locs, *loc, *logs, *lg, *rel, *props, *phys;

	jadd(o, "ruleId", jstr(r ? r->id : "BKP000"));
	if (r && rule_index[d->rule] >= 0)
		jadd(o, "ruleIndex", jnum((double)rule_index[d->rule]));
	jadd(o, "level", jstr(sarif_level(d->severity)));
	jadd(o, "message", sarif_message(d->message));
	locs = cJSON_CreateArray();
	jadd(o, "locations", locs);
	loc = jobj(NULL, NULL);
	jpush(locs, loc);
	phys = sarif_physical(uri, artifact, &d->pos, &d->end_pos);
	sarif_snippets(phys, f, d);
	jadd(loc, "physicalLocation", phys);
	if (d->path && *d->path) {
		logs = cJSON_CreateArray();
		jadd(loc, "logicalLocations", logs);
		lg = jobj(NULL, NULL);
		jpush(logs, lg);
		jadd(lg, "fullyQualifiedName", jstr(d->path));
	}
	if (d->has_related) {
		rel = cJSON_CreateArray();
		jadd(o, "relatedLocations", rel);
		loc = jobj(NULL, NULL);
		jpush(rel, loc);
		jadd(loc, "id", jnum(1));
		jadd(loc, "physicalLocation",
		     sarif_physical(uri, artifact, &d->related, NULL));
		jadd(loc, "message", sarif_message(d->related_msg ?
						   d->related_msg :
						   "Related location"));
	}
	if (d->hint || d->doc_index) {
		props = jobj(o, "properties");
		if (d->hint)
			jadd(props, "hint", jstr(d->hint));
		if (d->doc_index)
			jadd(props, "documentIndex", jnum(d->doc_index));
	}
	return o;
}

/* The run's single invocation: successful unless a file could not be
 * read; each unreadable file is a tool execution notification. */
static cJSON *sarif_invocation(struct file **files, size_t n, char **uris)
{
	cJSON *iv = jobj(NULL, NULL), *notes = NULL, *nt, *locs, *loc;
	size_t i;

	for (i = 0; i < n; i++) {
		if (!files[i]->io_error)
			continue;
		if (!notes) {
			notes = cJSON_CreateArray();
			jadd(iv, "toolExecutionNotifications", notes);
		}
		nt = jobj(NULL, NULL);
		jpush(notes, nt);
		jadd(nt, "level", jstr("error"));
		jadd(nt, "message", sarif_message(files[i]->io_msg ?
						  files[i]->io_msg :
						  "cannot read the file"));
		locs = cJSON_CreateArray();
		jadd(nt, "locations", locs);
		loc = jobj(NULL, NULL);
		jpush(locs, loc);
		jadd(loc, "physicalLocation",
		     sarif_physical(uris[i], -1, NULL, NULL));
	}
	jadd(iv, "executionSuccessful", cJSON_CreateBool(notes == NULL));
	return iv;
}

/* The log is written piece by piece: the tool (with every rule) pretty,
 * then one artifact and one result a line, so that memory does not grow
 * with the number of files and the output diffs well. */
static void write_sarif(FILE *fp, struct file **files, size_t n,
			const struct out_opts *o)
{
	const char *version = o->tool_version ? o->tool_version : BACKUPLINT_VERSION;
	cJSON *tool = jobj(NULL, NULL), *driver, *arr, *a, *roles;
	const struct rule_table *rt = o->rules;
	long *rule_index = xcalloc(rt->n ? rt->n : 1, sizeof(*rule_index));
	size_t i, j, k = 0;
	char **uris;
	int first = 1;

	driver = jobj(tool, "driver");
	jadd(driver, "name", jstr("backuplint"));
	jadd(driver, "version", jstr(version));
	jadd(driver, "semanticVersion", jstr(version));
#ifdef BACKUPLINT_URL
	jadd(driver, "informationUri", jstr(BACKUPLINT_URL));
#endif
	arr = cJSON_CreateArray();
	jadd(driver, "rules", arr);
	for (i = 0; i < rt->n; i++) {
		rule_index[i] = -1;
		if (!rt->v[i].id)
			continue;
		rule_index[i] = (long)k++;
		jpush(arr, sarif_rule(&rt->v[i]));
	}
	fputs("{\n\"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
	      "\"version\": \"2.1.0\",\n\"runs\": [{\n\"tool\": ", fp);
	jprint(fp, tool, 1);

	uris = xcalloc(n ? n : 1, sizeof(*uris));
	for (i = 0; i < n; i++)
		uris[i] = path_uri(file_name(files[i]));
	fputs(",\n\"invocations\": [", fp);
	jprint(fp, sarif_invocation(files, n, uris), 0);
	fputs("],\n\"columnKind\": \"unicodeCodePoints\",\n\"artifacts\": [", fp);

	/* Artifacts: every file named or found, an analysis target (its
	 * length when it was read); the artifact index of files[i] is i. */
	for (i = 0; i < n; i++) {
		a = jobj(NULL, NULL);
		jadd(jobj(a, "location"), "uri", jstr(uris[i]));
		if (!files[i]->io_error)
			jadd(a, "length", jnum((double)files[i]->src.len));
		roles = cJSON_CreateArray();
		jadd(a, "roles", roles);
		jpush(roles, jstr("analysisTarget"));
		fputs(i ? ",\n  " : "\n  ", fp);
		jprint(fp, a, 0);
	}
	fputs(n ? "\n],\n\"results\": [" : "],\n\"results\": [", fp);
	for (i = 0; i < n; i++) {
		for (j = 0; j < files[i]->diags.n; j++) {
			fputs(first ? "\n  " : ",\n  ", fp);
			first = 0;
			jprint(fp, sarif_result(o->rules, files[i], &files[i]->diags.v[j],
						uris[i], (long)i, rule_index), 0);
		}
	}
	fputs(first ? "]\n}]\n}\n" : "\n]\n}]\n}\n", fp);
	for (i = 0; i < n; i++)
		free(uris[i]);
	free(uris);
	free(rule_index);
}

/* ---- github ---- */

/* GitHub's workflow-command escaping: in data %, CR and LF; in property
 * values also ':' and ','. */
static void gh_escape(FILE *fp, const char *s, int property)
{
	for (; *s; s++) {
		switch (*s) {
		case '%':
			fputs("%25", fp);
			break;
		case '\r':
			fputs("%0D", fp);
			break;
		case '\n':
			fputs("%0A", fp);
			break;
		case ':':
			fputs(property ? "%3A" : ":", fp);
			break;
		case ',':
			fputs(property ? "%2C" : ",", fp);
			break;
		default:
			fputc(*s, fp);
		}
	}
}

static void write_github(FILE *fp, struct file **files, size_t n,
			 const struct rule_table *rt)
{
	const struct diag *d;
	const struct rule *r;
	size_t i, j;
	char num[160];

	for (i = 0; i < n; i++) {
		for (j = 0; j < files[i]->diags.n; j++) {
			d = &files[i]->diags.v[j];
			r = rule_of(rt, d);
			fprintf(fp, "::%s file=", d->severity == SEV_ERROR ? "error" :
				d->severity == SEV_WARNING ? "warning" : "notice");
			gh_escape(fp, file_name(files[i]), 1);
			if (d->pos.line) {
				uint32_t col = d->pos.col ? d->pos.col : 1;

				fprintf(fp, ",line=%u", (unsigned)d->pos.line);
				/* GitHub takes columns only for a span on one
				 * line; endColumn is the last character's
				 * (inclusive), our end is exclusive. */
				if (d->end_pos.line > d->pos.line) {
					fprintf(fp, ",endLine=%u",
						(unsigned)d->end_pos.line);
				} else {
					uint32_t ec = d->end_pos.line == d->pos.line &&
						      d->end_pos.col > col ?
						      d->end_pos.col - 1 : col;

					fprintf(fp, ",col=%u,endLine=%u,endColumn=%u",
						(unsigned)col, (unsigned)d->pos.line,
						(unsigned)ec);
				}
			}
			fputs(",title=", fp);
			if (r) {
				snprintf(num, sizeof(num), "%s %s", r->id, r->name);
				gh_escape(fp, num, 1);
			} else {
				fprintf(fp, "rule %d", d->rule);
			}
			fputs("::", fp);
			gh_escape(fp, d->message ? d->message : "", 0);
			if (d->hint) {
				gh_escape(fp, "\nhint: ", 0);
				gh_escape(fp, d->hint, 0);
			}
			if (d->has_related) {
				snprintf(num, sizeof(num), "\nnote: line %u, column %u: ",
					 (unsigned)d->related.line,
					 (unsigned)d->related.col);
				gh_escape(fp, num, 0);
				gh_escape(fp, d->related_msg ? d->related_msg :
					  "related location", 0);
			}
			fputc('\n', fp);
		}
	}
}

int output_write(FILE *fp, enum out_format fmt, struct file **files, size_t n,
		 const struct out_opts *o)
{
	static const struct rule_table none = { NULL, 0 };
	static const struct out_opts defaults = { .rules = &none };
	struct out_opts with_table;

	if (!o)
		o = &defaults;
	if (!o->rules) {
		with_table = *o;
		with_table.rules = &none;
		o = &with_table;
	}
	switch (fmt) {
	case OUT_TEXT:
		write_text(fp, files, n, o);
		break;
	case OUT_GNU:
		write_gnu(fp, files, n, o->rules);
		break;
	case OUT_JSON:
		write_json(fp, files, n, o->rules);
		break;
	case OUT_SARIF:
		write_sarif(fp, files, n, o);
		break;
	case OUT_GITHUB:
		write_github(fp, files, n, o->rules);
		break;
	}
	if (fflush(fp) != 0 || ferror(fp))
		return -1;
	return 0;
}

/* ---- rule listing ---- */

static const char *facts_note(const struct rule *r)
{
	return (r->flags & RF_FACTS) ? " (facts: spec|current)" : "";
}

static void list_markdown(FILE *fp, const struct rule_table *rt)
{
	const struct rule *r;
	const char *p;
	char *s;
	size_t i;

	fputs("# backuplint rules\n\n"
	      "Generated from the rule table in rules/registry.c by `make docs`;"
	      " do not edit by hand.\n"
	      "`backuplint --explain ID` prints the same text.\n\n"
	      "| ID | Name | Severity | Summary |\n"
	      "| --- | --- | --- | --- |\n", fp);
	for (i = 0; i < rt->n; i++) {
		r = &rt->v[i];
		if (!r->id)
			continue;
		fprintf(fp, "| [%s](#", r->id);
		/* GitHub's heading anchor: lower case, spaces to '-'. */
		for (p = r->id; *p; p++)
			fputc(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p, fp);
		fprintf(fp, "-%s) | %s | %s | ", r->name, r->name,
			sev_word(r->severity));
		md_escape(fp, r->summary ? r->summary : "",
			  r->summary ? strlen(r->summary) : 0);
		fprintf(fp, "%s |\n", facts_note(r));
	}
	for (i = 0; i < rt->n; i++) {
		r = &rt->v[i];
		if (!r->id)
			continue;
		fprintf(fp, "\n## %s %s\n\nSeverity: %s.", r->id, r->name,
			sev_word(r->severity));
		fputs("\n\n", fp);
		s = md_doc_string(r);
		fputs(s, fp);
		free(s);
	}
}

void output_list_rules(FILE *fp, const struct rule_table *rt, int markdown)
{
	size_t i, w = 0, k;
	const struct rule *r;

	if (markdown) {
		list_markdown(fp, rt);
		return;
	}
	for (i = 0; i < rt->n; i++) {
		if (rt->v[i].id && (k = strlen(rt->v[i].name)) > w)
			w = k;
	}
	for (i = 0; i < rt->n; i++) {
		r = &rt->v[i];
		if (!r->id)
			continue;
		fprintf(fp, "%-7s %-*s %-8s %s%s\n", r->id, (int)w, r->name,
			sev_word(r->severity), r->summary ? r->summary : "",
			facts_note(r));
	}
}

void output_explain(FILE *fp, const struct rule *r)
{
	size_t n;

	if (!r || !r->id)
		return;
	fprintf(fp, "%s %s (%s)\n\n%s\n\n", r->id, r->name,
		sev_word(r->severity), r->summary ? r->summary : "");
	if (r->doc) {
		n = strlen(r->doc);
		fputs(r->doc, fp);
		if (n && r->doc[n - 1] != '\n')
			fputc('\n', fp);
	}
	if (r->source)
		fprintf(fp, "\nSource: %s\n", r->source);
	if (r->flags & RF_FACTS)
		fputs("Facts: rests on the AWS facts dataset; --facts spec|current "
		      "chooses which.\n", fp);
}
