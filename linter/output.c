/* output.c - the entry point of the output formats, and what they share:
 * the format table, counts, escaping of control and bidi characters. Each
 * format is its own out_*.c (output_impl.h).
 *
 * Everything here reads struct diag and the rule table only. */
#include "output.h"

#include <string.h>

#include "diag.h"
#include "output_impl.h"
#include "utf8.h"

/* One row a format: adding one is a row, an out_*.c and its writer. */
static const struct {
	const char *name;
	void (*write)(FILE *fp, struct file **files, size_t n,
		      const struct out_opts *o);
} formats[] = {
	[OUT_TEXT] = { "text", out_write_text },
	[OUT_GNU] = { "gnu", out_write_gnu },
	[OUT_JSON] = { "json", out_write_json },
	[OUT_SARIF] = { "sarif", out_write_sarif },
	[OUT_GITHUB] = { "github", out_write_github },
};

int out_format_parse(const char *s)
{
	size_t i;

	if (!s)
		return -1;
	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if (strcmp(s, formats[i].name) == 0)
			return (int)i;
	return -1;
}

int out_is_bidi_control(long cp)
{
	return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) ||
	       cp == 0x200e || cp == 0x200f || cp == 0x061c;
}

void out_put_escaped(FILE *fp, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t n = strlen(str), i = 0, run = 0, k;
	long cp;

	while (i < n) {
		if (s[i] >= 0x20 && s[i] < 0x7f) {
			/* printable ASCII, most of any message: no decoding */
			run++;
			i++;
			continue;
		}
		k = utf8_decode(s + i, n - i, &cp);
		if (cp >= 0x20 && cp != 0x7f && !(cp >= 0x80 && cp <= 0x9f) &&
		    !out_is_bidi_control(cp)) {
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

const char *out_file_name(const struct file *f)
{
	if (f->src.name)
		return f->src.name;
	return f->arg ? f->arg : "-";
}

const char *out_sev_word(int sev)
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

const char *out_thousands(size_t n, char *buf)
{
	char tmp[32];
	int len = snprintf(tmp, sizeof(tmp), "%zu", n), i, o = 0;
	for (i = 0; i < len; i++) {
		if (i && (len - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = tmp[i];
	}
	buf[o] = '\0';
	return buf;
}

void out_count_all(struct file **files, size_t n, struct out_counts *c)
{
	size_t i, j;

	memset(c, 0, sizeof(*c));
	for (i = 0; i < n; i++) {
		const struct file *f = files[i];

		if (f->skipped)
			continue;
		if (f->io_error)
			c->unreadable++;
		else
			c->files++;
		for (j = 0; j < f->diags.n; j++)
			if (OUT_SHOWN(&f->diags.v[j]))
				break;
		if (j < f->diags.n)
			c->with_diags++;
		/* findings past --max-findings were counted, not kept */
		c->errors += f->dropped_by[SEV_ERROR];
		c->warnings += f->dropped_by[SEV_WARNING];
		c->infos += f->dropped_by[SEV_INFO];
		for (j = 0; j < f->diags.n; j++) {
			if (f->diags.v[j].baselined) {
				c->baselined++;
				continue;
			}
			if (f->diags.v[j].suppressed) {
				c->suppressed++;
				continue;
			}
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
	if ((size_t)fmt < sizeof(formats) / sizeof(formats[0]))
		formats[fmt].write(fp, files, n, o);
	if (fflush(fp) != 0 || ferror(fp))
		return -1;
	return 0;
}

