/* schema_type.c - BKP102, a value of the wrong kind: the finding, and the
 * hint that is sure of itself (the quotes or tag to drop, the YAML 1.1
 * boolean, the list a mapping of pairs should be). Part of the validator
 * of schema.c (schema_check.h). */
#include <stdlib.h>
#include <string.h>

#include "families.h"
#include "schema_check.h"

/* 1 when s is a number as JSON or YAML writes one: -12, 3.5, 1e3. */
static int numeric_text(const char *s)
{
	char *end;
	if (!*s || *s == '+' || *s == '.' || *s == ' ')
		return 0;
	(void)strtod(s, &end);
	return *end == '\0' && strcspn(s, "xXnNiI") == strlen(s);
}

/* The hint for a string where a number or a boolean is wanted: only what
 * is sure (the value reads as one once its quotes or tag go), never "write
 * sixty without quotes" for a plain word. */
static void string_for_scalar(struct vctx *c, struct diag *dg,
			      const struct shape *s, const struct node *v)
{
	static const char *const yaml11[] = { "yes", "no", "on", "off", "y", "n",
					      "Yes", "No", "On", "Off", "YES", "NO",
					      "ON", "OFF" };
	const char *tail = c->cfn ? "" : " (only CloudFormation converts strings)";
	size_t i;

	if (v->flags & NF_UNKNOWN_TAG) {
		diag_hint(c->d->file, dg, "remove the YAML tag");
		return;
	}
	/* read as YAML would read it without the quotes */
	if ((v->style == S_QUOTED || v->style == S_BLOCK) &&
	    (s->kind == SK_BOOL ? (strcmp(v->u.str, "true") == 0 ||
				   strcmp(v->u.str, "false") == 0)
				: numeric_text(v->u.str))) {
		diag_hint(c->d->file, dg, "write %s without quotes%s", v->u.str, tail);
		return;
	}
	for (i = 0; s->kind == SK_BOOL && i < sizeof(yaml11) / sizeof(yaml11[0]); i++)
		if (strcmp(v->u.str, yaml11[i]) == 0) {
			diag_hint(c->d->file, dg,
				  "write true or false: YAML 1.2, which AWS's "
				  "tools read, takes %s as a string (YAML 1.1 "
				  "took it as a boolean)", v->u.str);
			return;
		}
}

/* A mapping of key: value where a list of two-member structures is wanted
 * (Conditions StringEquals {aws:ResourceTag/Backup: "true"}, written as in
 * an IAM policy): show the first pair as the list item it should be. */
static void pairs_for_list(struct vctx *c, struct diag *dg,
			   const struct shape *s, const struct node *v)
{
	const struct shape *it = s->kind == SK_LIST ? s->item : NULL;
	const struct node *k, *val;
	size_t i, own = 0;
	if (v->kind != N_MAP || !v->len || !it || it->kind != SK_STRUCT)
		return;
	for (i = 0; i < it->nmembers; i++)
		if (map_get(v, it->members[i].name))
			own++;
	if (own) { /* one item, not in a list */
		diag_hint(c->d->file, dg, "make it a list of one item: put it "
			  "in [ ], or start it with \"- \" in YAML");
		return;
	}
	if (it->nmembers != 2)
		return;
	k = map_key(v, 0);
	val = map_val(v, 0);
	if (val->kind == N_SEQ && val->len == 1) /* ["production"] */
		val = seq_at(val, 0);
	if (k->kind != N_STR || k->end - k->start > 80 ||
	    val->end - val->start > 80 || val->end <= val->start ||
	    (val->kind != N_STR && val->kind != N_BOOL && val->kind != N_INT) ||
	    memchr(c->d->file->src.buf + k->start, '\n', k->end - k->start) ||
	    memchr(c->d->file->src.buf + val->start, '\n', val->end - val->start))
		return;
	/* as written, quotes and all */
	diag_hint(c->d->file, dg, "make it a list, one item per pair: "
		  "{%s: %.*s, %s: %.*s}", it->members[0].name,
		  (int)(k->end - k->start), c->d->file->src.buf + k->start,
		  it->members[1].name, (int)(val->end - val->start),
		  c->d->file->src.buf + val->start);
}

void wrong_type(struct vctx *c, const struct shape *s,
		       const struct node *v, const char *label,
		       const char *want)
{
	struct diag *dg;
	if (v->kind == N_MAP || v->kind == N_SEQ || v->kind == N_NULL)
		dg = rep(c, BKP102, v, "%s is %s but must be %s", label,
			 a_kind(v), want ? want : a_shape(s));
	else
		dg = rep(c, BKP102, v, "%s is %s (%s) but must be %s", label,
			 a_kind(v), show(c, v), want ? want : a_shape(s));
	if (!dg)
		return;
	if (v->kind == N_STR && (s->kind == SK_LONG || s->kind == SK_INTEGER ||
				 s->kind == SK_NUMBER || s->kind == SK_BOOL))
		string_for_scalar(c, dg, s, v);
	else if ((v->kind == N_INT || v->kind == N_FLOAT || v->kind == N_BOOL) &&
		 s->kind == SK_STRING)
		diag_hint(c->d->file, dg, "quote the value: %s",
			  quote(c, c->d->file->src.buf + v->start,
				v->end - v->start));
	else
		pairs_for_list(c, dg, s, v);
}
