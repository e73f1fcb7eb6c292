/* out_gnu.c - one line a diagnostic, as compilers print them for editors'
 * quickfix lists: FILE:LINE:COL: SEVERITY: MESSAGE [ID name]. The text
 * format starts each diagnostic with the same line. */
#include <stdio.h>

#include "diag.h"
#include "output_impl.h"

/* FILE:LINE:COL: SEVERITY: MESSAGE [ID name]; a diagnostic about the whole
 * file (line 0) has no LINE:COL. */
void out_first_line(FILE *fp, const struct rule_table *rt,
		    const struct file *f, const struct diag *d, int color)
{
	const struct rule *r = rule_at(rt, d->rule);
	const char *sc;

	if (color)
		fputs(C_BOLD, fp);
	out_put_escaped(fp, out_file_name(f));
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
			out_sev_word(d->severity));
	} else {
		fprintf(fp, " %s: ", out_sev_word(d->severity));
	}
	out_put_escaped(fp, d->message ? d->message : "");
	if (r)
		fprintf(fp, " [%s %s]", r->id, r->name);
	else
		fprintf(fp, " [rule %d]", d->rule);
	if (color)
		fputs(C_RESET, fp);
	fputc('\n', fp);
}

void out_write_gnu(FILE *fp, struct file **files, size_t n,
		   const struct out_opts *o)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		for (j = 0; j < files[i]->diags.n; j++)
			out_first_line(fp, o->rules, files[i],
				       &files[i]->diags.v[j], 0);
	}
}

