/* ruledoc.c - the rule table as documentation: the --list-rules listing,
 * the Markdown of docs/rules.md and the --explain text. */
#include "ruledoc.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "utf8.h"

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

/* ---- examples ---- */

static const char *kind_word(const struct rule_example *e)
{
	return e->kind == EXAMPLE_BAD ? "Bad" : "Good";
}

/* A byte that is not UTF-8 (an example of a bad encoding) or a control
 * character other than tab and newline is shown as \xNN, so that the
 * documentation stays text. */
static int shown_as_byte(long cp)
{
	return cp < 0 || (cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7f;
}

static int has_bytes_shown(const char *text)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t n = strlen(text), i, k;
	long cp;

	for (i = 0; i < n; i += k) {
		k = utf8_decode(s + i, n - i, &cp);
		if (shown_as_byte(cp))
			return 1;
	}
	return 0;
}

/* The text of an example, every line after `indent` (none on an empty
 * line), with shown_as_byte() bytes as \xNN. */
static void put_example(FILE *fp, const char *text, const char *indent)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t n = strlen(text), i, k;
	int bol = 1;
	long cp;

	for (i = 0; i < n; i += k) {
		k = utf8_decode(s + i, n - i, &cp);
		if (bol && cp != '\n')
			fputs(indent, fp);
		bol = cp == '\n';
		if (shown_as_byte(cp))
			fprintf(fp, "\\x%02X", s[i]);
		else
			fwrite(s + i, 1, k, fp);
	}
	if (!bol)
		fputc('\n', fp);
}

/* "Bad (plan.json, with --facts current):" as text or Markdown. */
static void put_label(FILE *fp, const struct rule_example *e, int markdown)
{
	const char *q = markdown ? "`" : "";

	fprintf(fp, markdown ? "**%s** (" : "%s (", kind_word(e));
	fprintf(fp, "%s%s%s", q, e->file, q);
	if (e->args && *e->args)
		fprintf(fp, ", with %s%s%s", q, e->args, q);
	if (e->config)
		fprintf(fp, ", with the %s.backuplint.yaml%s below", q, q);
	if (has_bytes_shown(e->text))
		fprintf(fp, "; %s\\xNN%s stands for one byte", q, q);
	fputs("):\n", fp);
}

/* The Markdown info string of a fenced block: the syntax, from the file
 * name's extension. */
static const char *fence_language(const char *file)
{
	const char *dot = strrchr(file, '.');

	if (!dot)
		return "";
	if (strcmp(dot, ".json") == 0)
		return "json";
	if (strcmp(dot, ".yaml") == 0 || strcmp(dot, ".yml") == 0 ||
	    strcmp(dot, ".template") == 0)
		return "yaml";
	if (strcmp(dot, ".tf") == 0)
		return "hcl";
	return "";
}

/* A fenced code block: the fence is longer than any run of backticks in
 * the text, so that no document can close it early. */
static void md_example(FILE *fp, const struct rule_example *e)
{
	size_t run = 0, longest = 0, i;
	const char *p;

	for (p = e->text; *p; p++) {
		run = *p == '`' ? run + 1 : 0;
		if (run > longest)
			longest = run;
	}
	put_label(fp, e, 1);
	fputc('\n', fp);
	if (e->config) {
		fputs("`.backuplint.yaml`:\n\n```yaml\n", fp);
		put_example(fp, e->config, "");
		fprintf(fp, "```\n\n`%s`:\n\n", e->file);
	}
	for (i = 0; i < (longest < 3 ? 3 : longest + 1); i++)
		fputc('`', fp);
	fprintf(fp, "%s\n", fence_language(e->file));
	put_example(fp, e->text, "");
	for (i = 0; i < (longest < 3 ? 3 : longest + 1); i++)
		fputc('`', fp);
	fputs("\n\n", fp);
}

char *ruledoc_markdown(const struct rule *r)
{
	const struct rule_example *e;
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
	for (e = r->examples; e && e->file; e++)
		md_example(m, e);
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

/* Summary, prose, examples and source as plain text: the body of
 * --explain and SARIF's help.text. */
static void put_text(FILE *fp, const struct rule *r)
{
	const struct rule_example *e;
	size_t n;

	fprintf(fp, "%s\n\n", r->summary ? r->summary : "");
	if (r->doc) {
		n = strlen(r->doc);
		fputs(r->doc, fp);
		if (n && r->doc[n - 1] != '\n')
			fputc('\n', fp);
	}
	for (e = r->examples; e && e->file; e++) {
		fputc('\n', fp);
		put_label(fp, e, 0);
		if (e->config) {
			fputs("  .backuplint.yaml:\n", fp);
			put_example(fp, e->config, "    ");
			fprintf(fp, "  %s:\n", e->file);
		}
		put_example(fp, e->text, "    ");
	}
	if (r->source)
		fprintf(fp, "\nSource: %s\n", r->source);
}

char *ruledoc_text(const struct rule *r)
{
	char *s = NULL;
	size_t n = 0;
	FILE *m = open_memstream(&s, &n);

	if (!m)
		oom();
	put_text(m, r);
	if (fclose(m) != 0 || !s)
		oom();
	return s;
}

/* A rule's default severity; "off" for one that only a configuration
 * turns on (a checker's policy control). */
static const char *default_sev(const struct rule *r)
{
	return r->severity ? severity_name(r->severity) : "off";
}

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
	      "Generated from the rule table in rules/registry.c and rules/doc/"
	      " by `make docs`; do not edit by hand.\n"
	      "`backuplint --explain ID` prints the same text. Every example is"
	      " a complete document, linted by testdata/rules/check-examples.sh"
	      " with the options its label names: a Bad one reports its rule,"
	      " a Good one does not.\n\n"
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
			default_sev(r));
		md_escape(fp, r->summary ? r->summary : "",
			  r->summary ? strlen(r->summary) : 0);
		fprintf(fp, "%s |\n", facts_note(r));
	}
	for (i = 0; i < rt->n; i++) {
		r = &rt->v[i];
		if (!r->id)
			continue;
		fprintf(fp, "\n## %s %s\n\nSeverity: %s.", r->id, r->name,
			default_sev(r));
		fputs("\n\n", fp);
		s = ruledoc_markdown(r);
		fputs(s, fp);
		free(s);
	}
}

void ruledoc_list(FILE *fp, const struct rule_table *rt,
		  const unsigned char *sev, int markdown)
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
		/* the severity in force here; "off" when a configuration or
		 * --disable turns it off */
		fprintf(fp, "%-7s %-*s %-8s %s%s\n", r->id, (int)w, r->name,
			sev && !sev[i] ? "off" : sev ? severity_name(sev[i]) : default_sev(r),
			r->summary ? r->summary : "", facts_note(r));
	}
}

void ruledoc_explain(FILE *fp, const struct rule *r, int sev)
{
	if (!r || !r->id)
		return;
	if (sev < 0 || sev == r->severity)
		fprintf(fp, "%s %s (%s)\n\n", r->id, r->name, default_sev(r));
	else
		fprintf(fp, "%s %s (%s here; %s by default)\n\n", r->id, r->name,
			sev ? severity_name(sev) : "off", default_sev(r));
	put_text(fp, r);
	if (r->flags & RF_FACTS)
		fputs("Facts: rests on the AWS facts dataset; --facts spec|current "
		      "chooses which.\n", fp);
}
