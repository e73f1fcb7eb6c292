/* out_github.c - GitHub Actions workflow commands, one a diagnostic
 * (::error file=F,line=L,col=C,endLine=...,title=ID name::message), which
 * the runner shows as annotations on the pull request. */
#include <stdint.h>
#include <stdio.h>

#include "diag.h"
#include "output_impl.h"

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

void out_write_github(FILE *fp, struct file **files, size_t n,
		      const struct out_opts *o)
{
	const struct diag *d;
	const struct rule *r;
	size_t i, j;
	char num[160];

	for (i = 0; i < n; i++) {
		/* A file that could not be read gets an annotation too: the
		 * job log is where a CI user looks. */
		if (files[i]->io_error && !files[i]->diags.n) {
			fputs("::error file=", fp);
			gh_escape(fp, out_file_name(files[i]), 1);
			fputs(",title=unreadable file::", fp);
			gh_escape(fp, files[i]->io_msg ? files[i]->io_msg : "cannot read", 0);
			fputc('\n', fp);
		}
		for (j = 0; j < files[i]->diags.n; j++) {
			d = &files[i]->diags.v[j];
			r = rule_at(o->rules, d->rule);
			fprintf(fp, "::%s file=", d->severity == SEV_ERROR ? "error" :
				d->severity == SEV_WARNING ? "warning" : "notice");
			gh_escape(fp, out_file_name(files[i]), 1);
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

