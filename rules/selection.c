/* selection.c - BKP308-BKP310: selections that select nothing, tag keys
 * AWS Backup never matches, and two selections of one name in one plan. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../linter/lint.h"
#include "families.h"
#include "model.h"
#include "registry.h"

/* Where a finding about selection s as a whole goes: its name. */
static const struct node *sel_at(const struct sel_m *s)
{
	return s->sel_name.at ? s->sel_name.at : s->sel;
}

/* BKP308: a selection of no Resources and no ListOfTags. Conditions alone
 * narrow nothing: the API rejected such selections ("Invalid backup
 * selection. Either 'ListOfTags' or 'Resources' section must be
 * non-empty", terraform-provider-aws #24235, #25436, 2022-2023); with no
 * Conditions either, the API reference now says AWS Backup selects every
 * supported and opted-in resource. Neither is likely what was meant. */
static void check_empty(struct doc *d, const struct sel_m *s)
{
	struct diag *dg;
	if (!s->empty)
		return;
	if (s->conditions.state != VS_ABSENT) {
		dg = report(d, BKP308, sel_at(s),
			    "selection '%s' has %s but no %s and no %s: %s only "
			    "narrow what %s selects, and AWS has rejected such a "
			    "selection (\"Either 'ListOfTags' or 'Resources' "
			    "section must be non-empty\")",
			    s->name, fname(d, F_CONDITIONS), fname(d, F_RESOURCES),
			    fname(d, F_LIST_OF_TAGS), fname(d, F_CONDITIONS),
			    fname(d, F_RESOURCES));
		diag_hint(d->file, dg, "add %s: [\"*\"] to select by %s alone",
			  fname(d, F_RESOURCES), fname(d, F_CONDITIONS));
		return;
	}
	dg = report(d, BKP308, sel_at(s),
		    "selection '%s' names no %s, %s or %s: AWS either rejects "
		    "it (\"Either 'ListOfTags' or 'Resources' section must be "
		    "non-empty\") or, as its API reference now says, selects "
		    "every supported and opted-in resource of the account",
		    s->name, fname(d, F_RESOURCES), fname(d, F_LIST_OF_TAGS),
		    fname(d, F_CONDITIONS));
	diag_hint(d->file, dg, "list the ARNs to protect in %s (\"*\" for "
		  "everything, on purpose), or the tags in %s",
		  fname(d, F_RESOURCES), fname(d, F_LIST_OF_TAGS));
}

/* BKP309 for one ConditionKey value. */
static void check_key(struct doc *d, const struct node *entry)
{
	struct value k;
	const char *s, *slash;
	struct diag *dg;

	value_read(d, entry, F_CONDITION_KEY, &k);
	if (!value_is(&k, VT_STR) || strncasecmp(k.u.s, "aws:", 4) != 0 ||
	    strncmp(k.u.s, "aws:ResourceTag/", 16) == 0)
		return;
	s = k.u.s;
	slash = strchr(s, '/');
	dg = report(d, BKP309, k.at,
		    "%s '%s' matches no tag: AWS Backup selects by the resource's "
		    "tags, written aws:ResourceTag/KEY (or the bare key in %s)%s",
		    fname(d, F_CONDITION_KEY), s, fname(d, F_LIST_OF_TAGS),
		    value_note(d, &k));
	if (dg && slash && slash[1])
		diag_hint(d->file, dg, "write aws:ResourceTag/%s", slash + 1);
}

static void check_keys(struct doc *d, const struct sel_m *s)
{
	const struct value *v;
	size_t n, i;
	uint32_t j, k;

	n = value_variants(&s->list_of_tags, &v);
	for (i = 0; i < n; i++)
		for (j = 0; value_is(&v[i], VT_SEQ) && j < value_lit(&v[i])->len; j++)
			check_key(d, seq_at(value_lit(&v[i]), j));
	n = value_variants(&s->conditions, &v);
	for (i = 0; i < n; i++)
		for (k = 0; value_is(&v[i], VT_MAP) && k < value_lit(&v[i])->len; k++) {
			const struct node *l = map_val(value_lit(&v[i]), k);
			for (j = 0; node_is(l, N_SEQ) && j < l->len; j++)
				check_key(d, seq_at(l, j));
		}
}

void selection_check_doc(struct doc *d)
{
	struct doc_model *m = model_of(d);
	size_t i;
	for (i = 0; i < m->nsels; i++) {
		check_empty(d, &m->sels[i]);
		check_keys(d, &m->sels[i]);
	}
}

/* BKP310: selection names are unique within a plan. */
static void plan_hook(struct doc *d, const struct facts *f, struct plan_m *p)
{
	size_t i, j;
	(void)d;
	(void)f;
	for (i = 1; i < p->nsels; i++) {
		const struct sel_m *b = p->sels[i];
		if (!value_is(&b->sel_name, VT_STR))
			continue;
		for (j = 0; j < i; j++) {
			const struct sel_m *a = p->sels[j];
			struct diag *dg;
			if (!value_is(&a->sel_name, VT_STR) ||
			    strcmp(a->sel_name.u.s, b->sel_name.u.s) != 0)
				continue;
			dg = report(b->doc, BKP310, b->sel_name.at,
				    "plan '%s' has two selections named '%s': the "
				    "console, the jobs and the reports name a "
				    "selection by its name, so they cannot be told "
				    "apart%s",
				    p->name, b->sel_name.u.s,
				    value_note(b->doc, &b->sel_name));
			if (a->doc == b->doc)
				diag_related(b->doc->file, dg, a->sel_name.at->start,
					     "the first '%s' is here", a->sel_name.u.s);
			diag_hint(b->doc->file, dg, "give each selection of the plan "
				  "a name of its own, or merge them (their Resources "
				  "add up)");
			break;
		}
	}
}

void selection_check_run(struct run *r)
{
	model_each_plan(r, plan_hook);
}
